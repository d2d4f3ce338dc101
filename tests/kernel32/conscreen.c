/*
 * tests/kernel32/conscreen.c — the console screen buffer as legacy
 * text-mode programs use it: cells written and read back
 * (WriteConsoleOutput/ReadConsoleOutput, the *Character and *Attribute
 * runs, Fill*), rectangles clipped to the buffer, ScrollConsoleScreenBuffer
 * with and without a clip rectangle, text written at the cursor (WriteConsole,
 * WriteFile) with \r \n \b \t, the wrap at the last column and the scroll at
 * the bottom, the *A forms through the output code page, a second buffer
 * from CreateConsoleScreenBuffer independent of the first, and
 * SetConsoleActiveScreenBuffer there and back.
 *
 * "conscreen.exe echo" reads a line typed on the terminal and says where
 * the cursor went (console.sh types it). "conscreen.exe draw FILE" draws a screen with these functions, writes
 * what the buffer holds to FILE (a line per row) and FILE.done, and waits
 * for FILE.quit: tests/loader/console.sh compares FILE with what a terminal
 * (tmux) shows, which proves the drawing.
 *
 * Most checks use a second buffer that is not shown, so that this
 * program's own output (on the first) cannot disturb them. The console part
 * needs a console: tests/loader/console.sh runs this program on a
 * pseudo-terminal; without one (a redirected run) only the checks on a
 * handle that is no console run.
 */
#include "test.h"

static SHORT W, H;   /* the second buffer's size */

static COORD xy(int x, int y)
{
    COORD c = { (SHORT)x, (SHORT)y };
    return c;
}

static SMALL_RECT rect(int l, int t, int r, int b)
{
    SMALL_RECT s = { (SHORT)l, (SHORT)t, (SHORT)r, (SHORT)b };
    return s;
}

/* n characters of a buffer from (x, y) on, as a string */
static const WCHAR *chars(HANDLE h, int x, int y, int n)
{
    static WCHAR buf[8][256];
    static int next;
    WCHAR *b = buf[next++ % 8];
    DWORD got = 0;
    if (!ReadConsoleOutputCharacterW(h, b, n, xy(x, y), &got)) got = 0;
    b[got] = 0;
    return b;
}

static WORD attr_at(HANDLE h, int x, int y)
{
    WORD a = 0xdead;
    DWORD got;
    ReadConsoleOutputAttribute(h, &a, 1, xy(x, y), &got);
    return a;
}

static COORD cursor(HANDLE h)
{
    CONSOLE_SCREEN_BUFFER_INFO info;
    COORD none = { -1, -1 };
    return GetConsoleScreenBufferInfo(h, &info) ? info.dwCursorPosition : none;
}

/* the whole buffer: '.' in grey on black */
static void clear(HANDLE h)
{
    DWORD n;
    FillConsoleOutputCharacterW(h, '.', W * H, xy(0, 0), &n);
    FillConsoleOutputAttribute(h, 7, W * H, xy(0, 0), &n);
}

static void put(HANDLE h, int x, int y, const WCHAR *s)
{
    DWORD n;
    WriteConsoleOutputCharacterW(h, s, wcslen(s), xy(x, y), &n);
}

static void test_not_console(void)
{
    WCHAR path[MAX_PATH], dir[MAX_PATH], buf[4];
    CHAR_INFO ci[4] = { { { 'a' }, 7 } };
    SMALL_RECT r = rect(0, 0, 1, 1);
    WORD attrs[4];
    HANDLE file;
    DWORD n;

    GetTempPathW(MAX_PATH, dir);
    GetTempFileNameW(dir, L"wlx", 0, path);
    file = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_FLAG_DELETE_ON_CLOSE, NULL);
    ok(file != INVALID_HANDLE_VALUE, "temp file: %lu\n", GetLastError());
#define NOT_CONSOLE(call) \
    SetLastError(0xdeadbeef); \
    ok(!(call) && GetLastError() == ERROR_INVALID_HANDLE, #call " on a file: error %lu\n", GetLastError())
    NOT_CONSOLE(WriteConsoleOutputW(file, ci, xy(2, 2), xy(0, 0), &r));
    NOT_CONSOLE(ReadConsoleOutputW(file, ci, xy(2, 2), xy(0, 0), &r));
    NOT_CONSOLE(WriteConsoleOutputCharacterW(file, L"ab", 2, xy(0, 0), &n));
    NOT_CONSOLE(ReadConsoleOutputCharacterW(file, buf, 2, xy(0, 0), &n));
    NOT_CONSOLE(WriteConsoleOutputAttribute(file, attrs, 2, xy(0, 0), &n));
    NOT_CONSOLE(ReadConsoleOutputAttribute(file, attrs, 2, xy(0, 0), &n));
    NOT_CONSOLE(FillConsoleOutputAttribute(file, 7, 2, xy(0, 0), &n));
    NOT_CONSOLE(FillConsoleOutputCharacterW(file, 'x', 2, xy(0, 0), &n));
    NOT_CONSOLE(ScrollConsoleScreenBufferW(file, &r, NULL, xy(1, 1), ci));
    NOT_CONSOLE(SetConsoleCursorPosition(file, xy(0, 0)));
    NOT_CONSOLE(SetConsoleActiveScreenBuffer(file));
    CloseHandle(file);
}

/* WriteConsoleOutput/ReadConsoleOutput: rectangles and their clipping */
static void test_rectangles(HANDLE sb)
{
    CHAR_INFO src[6], dst[20];
    SMALL_RECT r;
    int i, same;

    clear(sb);
    for (i = 0; i < 6; i++)
    {
        src[i].Char.UnicodeChar = 'A' + i;
        src[i].Attributes = 0x10 + i;
    }
    /* a 3x2 block at (2,1) */
    r = rect(2, 1, 4, 2);
    ok(WriteConsoleOutputW(sb, src, xy(3, 2), xy(0, 0), &r), "WriteConsoleOutputW: %lu\n", GetLastError());
    ok(r.Left == 2 && r.Top == 1 && r.Right == 4 && r.Bottom == 2, "written %d,%d-%d,%d\n", r.Left, r.Top, r.Right,
       r.Bottom);
    ok(!wcscmp(chars(sb, 0, 1, 6), L"..ABC.") && !wcscmp(chars(sb, 0, 2, 6), L"..DEF."), "rows '%ls' '%ls'\n",
       chars(sb, 0, 1, 6), chars(sb, 0, 2, 6));
    ok(attr_at(sb, 2, 1) == 0x10 && attr_at(sb, 4, 2) == 0x15 && attr_at(sb, 5, 2) == 7, "attributes %#x %#x %#x\n",
       attr_at(sb, 2, 1), attr_at(sb, 4, 2), attr_at(sb, 5, 2));

    /* read back into the middle of a larger buffer: the rest of it is left alone */
    memset(dst, 0x55, sizeof(dst));
    r = rect(2, 1, 4, 2);
    ok(ReadConsoleOutputW(sb, dst, xy(5, 4), xy(1, 1), &r), "ReadConsoleOutputW: %lu\n", GetLastError());
    ok(r.Left == 2 && r.Top == 1 && r.Right == 4 && r.Bottom == 2, "read %d,%d-%d,%d\n", r.Left, r.Top, r.Right,
       r.Bottom);
    for (i = 0, same = 1; i < 6; i++)
    {
        CHAR_INFO *c = &dst[(1 + i / 3) * 5 + 1 + i % 3];
        same &= c->Char.UnicodeChar == 'A' + i && c->Attributes == 0x10 + i;
    }
    ok(same, "the block read back differs\n");
    ok(dst[0].Attributes == 0x5555 && dst[4].Attributes == 0x5555 && dst[19].Attributes == 0x5555,
       "cells outside the region were written\n");

    /* the region only as large as the source allows from coord */
    r = rect(0, 4, 9, 9);
    ok(WriteConsoleOutputW(sb, src, xy(3, 2), xy(1, 1), &r), "WriteConsoleOutputW: %lu\n", GetLastError());
    ok(r.Left == 0 && r.Top == 4 && r.Right == 1 && r.Bottom == 4, "from (1,1): %d,%d-%d,%d\n", r.Left, r.Top,
       r.Right, r.Bottom);
    ok(!wcscmp(chars(sb, 0, 4, 3), L"EF."), "from (1,1): '%ls'\n", chars(sb, 0, 4, 3));

    /* clipped to the buffer at the right and the bottom */
    r = rect(W - 2, H - 1, W + 3, H + 2);
    ok(WriteConsoleOutputW(sb, src, xy(3, 2), xy(0, 0), &r), "WriteConsoleOutputW: %lu\n", GetLastError());
    ok(r.Left == W - 2 && r.Top == H - 1 && r.Right == W - 1 && r.Bottom == H - 1, "clipped to %d,%d-%d,%d\n",
       r.Left, r.Top, r.Right, r.Bottom);
    ok(!wcscmp(chars(sb, W - 3, H - 1, 3), L".AB"), "last row '%ls'\n", chars(sb, W - 3, H - 1, 3));
    r = rect(W - 3, H - 2, W + 3, H + 2);
    memset(dst, 0, sizeof(dst));
    ok(ReadConsoleOutputW(sb, dst, xy(4, 4), xy(0, 0), &r), "ReadConsoleOutputW: %lu\n", GetLastError());
    ok(r.Left == W - 3 && r.Top == H - 2 && r.Right == W - 1 && r.Bottom == H - 1, "read clipped to %d,%d-%d,%d\n",
       r.Left, r.Top, r.Right, r.Bottom);
    ok(dst[4 + 1].Char.UnicodeChar == 'A' && dst[4 + 2].Char.UnicodeChar == 'B' && dst[4].Char.UnicodeChar == '.',
       "read clipped: %#x %#x %#x\n", dst[4].Char.UnicodeChar, dst[5].Char.UnicodeChar, dst[6].Char.UnicodeChar);
}

/* runs of cells: they go on at the start of the next line and stop at the end of the buffer */
static void test_runs(HANDLE sb)
{
    static const WORD attrs[3] = { 0x1f, 0x2e, 0x4c };
    WORD got[8];
    DWORD n;

    clear(sb);
    ok(WriteConsoleOutputCharacterW(sb, L"hello", 5, xy(W - 2, 0), &n) && n == 5,
       "WriteConsoleOutputCharacterW: %lu, %lu written\n", GetLastError(), n);
    ok(!wcscmp(chars(sb, W - 2, 0, 5), L"hello"), "read '%ls'\n", chars(sb, W - 2, 0, 5));
    ok(!wcscmp(chars(sb, 0, 1, 4), L"llo."), "the next line '%ls'\n", chars(sb, 0, 1, 4));
    ok(attr_at(sb, W - 1, 0) == 7, "the attribute changed: %#x\n", attr_at(sb, W - 1, 0));
    n = 0xdead;
    ok(WriteConsoleOutputCharacterW(sb, L"end!!", 5, xy(W - 2, H - 1), &n) && n == 2,
       "at the end of the buffer: %lu written\n", n);
    n = 0xdead;
    ok(ReadConsoleOutputCharacterW(sb, (WCHAR *)got, 5, xy(W - 1, H - 1), &n) && n == 1, "read at the end: %lu\n", n);

    ok(WriteConsoleOutputAttribute(sb, attrs, 3, xy(1, 3), &n) && n == 3, "WriteConsoleOutputAttribute: %lu\n", n);
    ok(ReadConsoleOutputAttribute(sb, got, 4, xy(0, 3), &n) && n == 4, "ReadConsoleOutputAttribute: %lu\n", n);
    ok(got[0] == 7 && got[1] == 0x1f && got[2] == 0x2e && got[3] == 0x4c, "attributes %#x %#x %#x %#x\n", got[0],
       got[1], got[2], got[3]);
    ok(!wcscmp(chars(sb, 0, 3, 4), L"...."), "the characters changed: '%ls'\n", chars(sb, 0, 3, 4));

    ok(FillConsoleOutputAttribute(sb, 0x5a, 4, xy(W - 2, 4), &n) && n == 4, "FillConsoleOutputAttribute: %lu\n", n);
    ok(attr_at(sb, W - 3, 4) == 7 && attr_at(sb, W - 2, 4) == 0x5a && attr_at(sb, 1, 5) == 0x5a &&
       attr_at(sb, 2, 5) == 7, "filled attributes %#x %#x %#x %#x\n", attr_at(sb, W - 3, 4),
       attr_at(sb, W - 2, 4), attr_at(sb, 1, 5), attr_at(sb, 2, 5));
    ok(FillConsoleOutputCharacterW(sb, '*', 3, xy(W - 1, 5), &n) && n == 3, "FillConsoleOutputCharacterW: %lu\n", n);
    ok(!wcscmp(chars(sb, W - 2, 5, 5), L".***."), "filled '%ls'\n", chars(sb, W - 2, 5, 5));
    ok(attr_at(sb, 0, 6) == 7, "the fill of characters changed attributes\n");
    ok(FillConsoleOutputCharacterW(sb, '#', 10, xy(W - 4, H - 1), &n) && n == 4, "fill to the end: %lu\n", n);
}

/* the *A forms: the console's output code page */
static void test_ansi(HANDLE sb)
{
    UINT cp = GetConsoleOutputCP();
    CHAR_INFO ci[2];
    SMALL_RECT r;
    char a[4] = { 0 };
    DWORD n;

    ok(SetConsoleOutputCP(437), "SetConsoleOutputCP: %lu\n", GetLastError());
    clear(sb);
    put(sb, 0, 0, L"\x00e9");
    ok(ReadConsoleOutputCharacterA(sb, a, 1, xy(0, 0), &n) && n == 1 && (BYTE)a[0] == 0x82,
       "ReadConsoleOutputCharacterA: %lu, %#x\n", n, (BYTE)a[0]);
    ok(WriteConsoleOutputCharacterA(sb, "\x81z", 2, xy(1, 0), &n) && n == 2, "WriteConsoleOutputCharacterA: %lu\n", n);
    ok(!wcscmp(chars(sb, 0, 0, 3), L"\x00e9\x00fcz"), "read back '%ls'\n", chars(sb, 0, 0, 3));
    ok(FillConsoleOutputCharacterA(sb, '\x9c', 2, xy(0, 1), &n) && n == 2, "FillConsoleOutputCharacterA: %lu\n", n);
    ok(!wcscmp(chars(sb, 0, 1, 3), L"\x00a3\x00a3."), "filled '%ls'\n", chars(sb, 0, 1, 3));
    r = rect(0, 0, 1, 0);
    memset(ci, 0, sizeof(ci));
    ok(ReadConsoleOutputA(sb, ci, xy(2, 1), xy(0, 0), &r), "ReadConsoleOutputA: %lu\n", GetLastError());
    ok((BYTE)ci[0].Char.AsciiChar == 0x82 && (BYTE)ci[1].Char.AsciiChar == 0x81, "ReadConsoleOutputA: %#x %#x\n",
       (BYTE)ci[0].Char.AsciiChar, (BYTE)ci[1].Char.AsciiChar);
    ci[0].Char.UnicodeChar = 0;
    ci[0].Char.AsciiChar = (char)0x9b;   /* ¢ */
    ci[0].Attributes = 0x30;
    r = rect(3, 0, 3, 0);
    ok(WriteConsoleOutputA(sb, ci, xy(1, 1), xy(0, 0), &r), "WriteConsoleOutputA: %lu\n", GetLastError());
    ok(!wcscmp(chars(sb, 3, 0, 1), L"\x00a2") && attr_at(sb, 3, 0) == 0x30, "WriteConsoleOutputA wrote '%ls' %#x\n",
       chars(sb, 3, 0, 1), attr_at(sb, 3, 0));
    ok(WriteConsoleA(sb, "\x82", 1, &n, NULL) && n == 1, "WriteConsoleA: %lu\n", GetLastError());
    SetConsoleOutputCP(cp);
}

static void pattern(HANDLE sb)
{
    clear(sb);
    put(sb, 0, 0, L"abcdef");
    put(sb, 0, 1, L"ghijkl");
    put(sb, 0, 2, L"mnopqr");
}

static void test_scroll(HANDLE sb)
{
    CHAR_INFO fill = { { '#' }, 0x40 };
    SMALL_RECT src, clip;

    /* the source moves down and right over itself; what it leaves takes the fill */
    pattern(sb);
    src = rect(0, 0, 3, 1);
    ok(ScrollConsoleScreenBufferW(sb, &src, NULL, xy(2, 1), &fill), "ScrollConsoleScreenBufferW: %lu\n",
       GetLastError());
    ok(!wcscmp(chars(sb, 0, 0, 7), L"####ef.") && !wcscmp(chars(sb, 0, 1, 7), L"##abcd.") &&
       !wcscmp(chars(sb, 0, 2, 7), L"mnghij."), "scrolled: '%ls' '%ls' '%ls'\n", chars(sb, 0, 0, 7),
       chars(sb, 0, 1, 7), chars(sb, 0, 2, 7));
    ok(attr_at(sb, 1, 1) == 0x40 && attr_at(sb, 2, 1) == 7, "attributes %#x %#x\n", attr_at(sb, 1, 1),
       attr_at(sb, 2, 1));

    /* only the cells inside the clip rectangle change */
    pattern(sb);
    clip = rect(1, 0, 4, 2);
    ok(ScrollConsoleScreenBufferW(sb, &src, &clip, xy(2, 1), &fill), "clipped scroll: %lu\n", GetLastError());
    ok(!wcscmp(chars(sb, 0, 0, 7), L"a###ef.") && !wcscmp(chars(sb, 0, 1, 7), L"g#abcl.") &&
       !wcscmp(chars(sb, 0, 2, 7), L"mnghir."), "clipped: '%ls' '%ls' '%ls'\n", chars(sb, 0, 0, 7),
       chars(sb, 0, 1, 7), chars(sb, 0, 2, 7));

    /* up and left over itself */
    pattern(sb);
    src = rect(1, 1, 5, 2);
    fill.Char.UnicodeChar = ' ';
    ok(ScrollConsoleScreenBufferW(sb, &src, NULL, xy(0, 0), &fill), "scroll up: %lu\n", GetLastError());
    ok(!wcscmp(chars(sb, 0, 0, 7), L"hijklf.") && !wcscmp(chars(sb, 0, 1, 7), L"nopqr .") &&
       !wcscmp(chars(sb, 0, 2, 7), L"m     ."), "scrolled up: '%ls' '%ls' '%ls'\n", chars(sb, 0, 0, 7),
       chars(sb, 0, 1, 7), chars(sb, 0, 2, 7));

    /* the whole buffer up one line, as a program scrolls its screen */
    pattern(sb);
    src = rect(0, 1, W - 1, H - 1);
    ok(ScrollConsoleScreenBufferW(sb, &src, NULL, xy(0, 0), &fill), "scroll the buffer: %lu\n", GetLastError());
    ok(!wcscmp(chars(sb, 0, 0, 6), L"ghijkl") && !wcscmp(chars(sb, 0, 1, 6), L"mnopqr") &&
       !wcscmp(chars(sb, 0, H - 1, 3), L"   "), "buffer scrolled: '%ls' '%ls'\n", chars(sb, 0, 0, 6),
       chars(sb, 0, 1, 6));

    /* a destination partly outside the buffer: what falls outside is lost */
    pattern(sb);
    src = rect(0, 0, 2, 0);
    fill.Char.UnicodeChar = '-';
    ok(ScrollConsoleScreenBufferW(sb, &src, NULL, xy(W - 2, H - 1), &fill), "scroll off the buffer: %lu\n",
       GetLastError());
    ok(!wcscmp(chars(sb, W - 3, H - 1, 3), L".ab") && !wcscmp(chars(sb, 0, 0, 4), L"---d"),
       "off the buffer: '%ls' '%ls'\n", chars(sb, W - 3, H - 1, 3), chars(sb, 0, 0, 4));

    /* the A form's fill character is in the output code page */
    pattern(sb);
    src = rect(0, 0, 0, 0);
    fill.Char.UnicodeChar = 0;
    fill.Char.AsciiChar = (char)0x9c;
    SetConsoleOutputCP(437);
    ok(ScrollConsoleScreenBufferA(sb, &src, NULL, xy(1, 0), &fill), "ScrollConsoleScreenBufferA: %lu\n",
       GetLastError());
    ok(!wcscmp(chars(sb, 0, 0, 3), L"\x00a3" L"ac"), "ScrollConsoleScreenBufferA: '%ls'\n", chars(sb, 0, 0, 3));
}

/* text at the cursor, the legacy console's way (processed output, wrap at the end of a line) */
static void test_text(HANDLE sb)
{
    WCHAR wide[512];
    COORD c;
    DWORD n, mode = 0;
    int i;

    clear(sb);
    ok(GetConsoleMode(sb, &mode) && (mode & (ENABLE_PROCESSED_OUTPUT | ENABLE_WRAP_AT_EOL_OUTPUT)) ==
       (ENABLE_PROCESSED_OUTPUT | ENABLE_WRAP_AT_EOL_OUTPUT), "mode %#lx\n", mode);
    ok(SetConsoleCursorPosition(sb, xy(0, 2)), "SetConsoleCursorPosition: %lu\n", GetLastError());
    /* a tab writes blanks up to the next multiple of 8; \b steps back over a character */
    ok(WriteConsoleW(sb, L"ab\tc\r\nxy\bz", 10, &n, NULL) && n == 10, "WriteConsoleW: %lu, %lu\n", GetLastError(), n);
    ok(!wcscmp(chars(sb, 0, 2, 10), L"ab      c."), "row 2 '%ls'\n", chars(sb, 0, 2, 10));
    ok(!wcscmp(chars(sb, 0, 3, 3), L"xz."), "row 3 '%ls'\n", chars(sb, 0, 3, 3));
    c = cursor(sb);
    ok(c.X == 2 && c.Y == 3, "cursor %d,%d\n", c.X, c.Y);
    /* \r goes back to the start of the line, where text overwrites */
    ok(WriteConsoleW(sb, L"\rQ", 2, &n, NULL), "WriteConsoleW: %lu\n", GetLastError());
    ok(!wcscmp(chars(sb, 0, 3, 3), L"Qz."), "after \\r '%ls'\n", chars(sb, 0, 3, 3));

    /* the wrap at the last column */
    SetConsoleCursorPosition(sb, xy(W - 3, 5));
    ok(WriteConsoleW(sb, L"12345", 5, &n, NULL), "WriteConsoleW: %lu\n", GetLastError());
    ok(!wcscmp(chars(sb, W - 3, 5, 3), L"123") && !wcscmp(chars(sb, 0, 6, 3), L"45."), "wrapped '%ls' '%ls'\n",
       chars(sb, W - 3, 5, 3), chars(sb, 0, 6, 3));
    c = cursor(sb);
    ok(c.X == 2 && c.Y == 6, "cursor after the wrap %d,%d\n", c.X, c.Y);
    /* a full line leaves the cursor at the start of the next */
    for (i = 0; i < W && i < (int)ARRAYSIZE(wide); i++) wide[i] = 'w';
    SetConsoleCursorPosition(sb, xy(0, 7));
    WriteConsoleW(sb, wide, i, &n, NULL);
    c = cursor(sb);
    ok(c.X == 0 && c.Y == 8, "cursor after a full line %d,%d\n", c.X, c.Y);

    /* the colours of what is written */
    ok(SetConsoleTextAttribute(sb, 0x1e), "SetConsoleTextAttribute: %lu\n", GetLastError());
    WriteConsoleW(sb, L"q", 1, &n, NULL);
    ok(attr_at(sb, 0, 8) == 0x1e && attr_at(sb, 1, 8) == 7, "attributes of text %#x %#x\n", attr_at(sb, 0, 8),
       attr_at(sb, 1, 8));
    SetConsoleTextAttribute(sb, 7);

    /* at the bottom the buffer's contents move up a line */
    put(sb, 0, 1, L"second");
    SetConsoleCursorPosition(sb, xy(0, H - 1));
    ok(WriteConsoleW(sb, L"bottom\nnext", 11, &n, NULL), "WriteConsoleW: %lu\n", GetLastError());
    ok(!wcscmp(chars(sb, 0, H - 2, 7), L"bottom.") && !wcscmp(chars(sb, 0, H - 1, 6), L"next  "),
       "the last rows '%ls' '%ls'\n", chars(sb, 0, H - 2, 7), chars(sb, 0, H - 1, 6));
    ok(!wcscmp(chars(sb, 0, 0, 6), L"second"), "row 0 after the scroll '%ls'\n", chars(sb, 0, 0, 6));
    c = cursor(sb);
    ok(c.X == 4 && c.Y == H - 1, "cursor after the scroll %d,%d\n", c.X, c.Y);

    /* the cursor stays inside the buffer */
    SetLastError(0xdeadbeef);
    ok(!SetConsoleCursorPosition(sb, xy(W, 0)) && GetLastError() == ERROR_INVALID_PARAMETER,
       "a cursor beyond the width: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!SetConsoleCursorPosition(sb, xy(0, -1)) && GetLastError() == ERROR_INVALID_PARAMETER,
       "a cursor above the buffer: %lu\n", GetLastError());
}

/* what is refused, and what is no error but does nothing */
static void test_bad_input(HANDLE sb)
{
    CHAR_INFO ci[6] = { { { 'z' }, 7 } }, fill = { { '#' }, 7 };
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    SMALL_RECT r, clip;
    WCHAR buf[4];
    WORD attrs[4];
    DWORD n, mode;

    /* a position outside the buffer: success, nothing done */
#define NOTHING(call) \
    n = 0xdead; \
    SetLastError(0xdeadbeef); \
    ok((call) && n == 0, #call ": %lu done, error %lu\n", n, GetLastError())
    NOTHING(WriteConsoleOutputCharacterW(sb, L"ab", 2, xy(W, 0), &n));
    NOTHING(WriteConsoleOutputCharacterW(sb, L"ab", 2, xy(0, H), &n));
    NOTHING(WriteConsoleOutputCharacterW(sb, L"ab", 2, xy(-1, 0), &n));
    NOTHING(ReadConsoleOutputCharacterW(sb, buf, 2, xy(W, 0), &n));
    NOTHING(ReadConsoleOutputAttribute(sb, attrs, 2, xy(0, -1), &n));
    NOTHING(FillConsoleOutputAttribute(sb, 7, 2, xy(0, H), &n));
    NOTHING(FillConsoleOutputCharacterW(sb, 'x', 2, xy(-1, 0), &n));
    NOTHING(WriteConsoleOutputCharacterW(sb, L"ab", 0, xy(0, 0), &n));

    /* the count is no optional parameter */
    SetLastError(0xdeadbeef);
    ok(!WriteConsoleOutputCharacterW(sb, L"ab", 2, xy(0, 0), NULL) && GetLastError() == ERROR_INVALID_ACCESS,
       "no count: error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!FillConsoleOutputCharacterW(sb, 'x', 2, xy(0, 0), NULL) && GetLastError() == ERROR_INVALID_ACCESS,
       "no count for a fill: error %lu\n", GetLastError());

    /* an input handle is no screen buffer */
    if (GetConsoleMode(in, &mode))
    {
        SetLastError(0xdeadbeef);
        ok(!WriteConsoleOutputCharacterW(in, L"ab", 2, xy(0, 0), &n) && GetLastError() == ERROR_INVALID_HANDLE,
           "on the input handle: error %lu\n", GetLastError());
        SetLastError(0xdeadbeef);
        ok(!GetConsoleScreenBufferInfo(in, &(CONSOLE_SCREEN_BUFFER_INFO){ 0 }) &&
           GetLastError() == ERROR_INVALID_HANDLE, "information of the input handle: error %lu\n", GetLastError());
    }

    /* rectangles: a start outside the caller's cells, an inverted region */
    r = rect(2, 3, 4, 4);
    SetLastError(0xdeadbeef);
    ok(!WriteConsoleOutputW(sb, ci, xy(3, 2), xy(3, 0), &r) && GetLastError() == ERROR_INVALID_PARAMETER,
       "coord beyond the source: error %lu\n", GetLastError());
    r = rect(4, 3, 2, 4);
    SetLastError(0xdeadbeef);
    ok(!WriteConsoleOutputW(sb, ci, xy(3, 2), xy(0, 0), &r) && GetLastError() == ERROR_INVALID_PARAMETER,
       "an inverted region: error %lu\n", GetLastError());
    /* all of it outside the buffer: a write does nothing, a read fails */
    r = rect(W, 0, W + 2, 1);
    ok(WriteConsoleOutputW(sb, ci, xy(3, 2), xy(0, 0), &r), "a write beyond the buffer: %lu\n", GetLastError());
    r = rect(W, 0, W + 2, 1);
    SetLastError(0xdeadbeef);
    ok(!ReadConsoleOutputW(sb, ci, xy(3, 2), xy(0, 0), &r) && GetLastError() == ERROR_INVALID_PARAMETER,
       "a read beyond the buffer: error %lu\n", GetLastError());

    /* a scroll rectangle or a clip rectangle outside the buffer */
    r = rect(W, 0, W + 2, 1);
    SetLastError(0xdeadbeef);
    ok(!ScrollConsoleScreenBufferW(sb, &r, NULL, xy(0, 0), &fill) && GetLastError() == ERROR_INVALID_PARAMETER,
       "scrolling from beyond the buffer: error %lu\n", GetLastError());
    r = rect(0, 0, 2, 1);
    clip = rect(W, 0, W + 2, 1);
    SetLastError(0xdeadbeef);
    ok(!ScrollConsoleScreenBufferW(sb, &r, &clip, xy(1, 1), &fill) && GetLastError() == ERROR_INVALID_PARAMETER,
       "a clip rectangle beyond the buffer: error %lu\n", GetLastError());

    SetLastError(0xdeadbeef);
    ok(CreateConsoleScreenBuffer(GENERIC_READ | GENERIC_WRITE, 0, NULL, 2, NULL) == INVALID_HANDLE_VALUE &&
       GetLastError() == ERROR_INVALID_PARAMETER, "a buffer of an unknown kind: error %lu\n", GetLastError());
}

/* more of the cursor's ways: \b at the start of a line, a tab at the end, the modes of VT output */
static void test_cursor(HANDLE out, HANDLE sb)
{
    DWORD n, mode, out_mode = 0;
    COORD c;

    clear(sb);
    SetConsoleCursorPosition(sb, xy(3, 2));
    ok(WriteConsoleW(sb, L"\r\b\bX", 4, &n, NULL), "WriteConsoleW: %lu\n", GetLastError());
    c = cursor(sb);
    ok(c.X == 1 && c.Y == 2 && !wcscmp(chars(sb, 0, 2, 2), L"X."), "\\b at the start: %d,%d '%ls'\n", c.X, c.Y,
       chars(sb, 0, 2, 2));
    /* a tab two columns before the end: two blanks, and the next line */
    SetConsoleCursorPosition(sb, xy(W - 2, 3));
    WriteConsoleW(sb, L"\t", 1, &n, NULL);
    c = cursor(sb);
    ok(c.X == 0 && c.Y == 4, "after a tab at the end: %d,%d\n", c.X, c.Y);

    /* each buffer has its own mode */
    GetConsoleMode(out, &out_mode);
    mode = ENABLE_PROCESSED_OUTPUT | ENABLE_WRAP_AT_EOL_OUTPUT | ENABLE_VIRTUAL_TERMINAL_PROCESSING;
    ok(SetConsoleMode(sb, mode), "SetConsoleMode: %lu\n", GetLastError());
    ok(GetConsoleMode(sb, &n) && n == mode, "the second buffer's mode %#lx\n", n);
    ok(GetConsoleMode(out, &n) && n == out_mode, "the first buffer's mode %#lx, was %#lx\n", n, out_mode);
    /* with VT output the wrap waits for the next character, as on a terminal */
    SetConsoleCursorPosition(sb, xy(W - 2, 5));
    WriteConsoleW(sb, L"xy", 2, &n, NULL);
    c = cursor(sb);
    ok(c.X == W - 1 && c.Y == 5, "VT: after the last column %d,%d\n", c.X, c.Y);
    WriteConsoleW(sb, L"\r\n", 2, &n, NULL);
    c = cursor(sb);
    ok(c.X == 0 && c.Y == 6, "VT: then \\r\\n %d,%d\n", c.X, c.Y);
    /* the sequences themselves: Wine 8's console writes them as characters
       into a buffer that is not shown */
    if (!test_is("wine"))
    {
        SetConsoleCursorPosition(sb, xy(0, 8));
        WriteConsoleW(sb, L"ab\x1b[2;3Hq\x1b[31mr\x1b[0m", 19, &n, NULL);
        c = cursor(sb);
        ok(c.X == 4 && c.Y == 1, "VT: cursor %d,%d\n", c.X, c.Y);
        ok(!wcscmp(chars(sb, 0, 8, 3), L"ab.") && !wcscmp(chars(sb, 1, 1, 4), L".qr."), "VT: '%ls' '%ls'\n",
           chars(sb, 0, 8, 3), chars(sb, 1, 1, 4));
        ok(attr_at(sb, 3, 1) == FOREGROUND_RED && attr_at(sb, 2, 1) == 7, "VT colours %#x %#x\n", attr_at(sb, 3, 1),
           attr_at(sb, 2, 1));
        WriteConsoleW(sb, L"\x1b[2K", 4, &n, NULL);
        ok(!wcscmp(chars(sb, 0, 1, 6), L"      "), "VT: the line erased '%ls'\n", chars(sb, 0, 1, 6));
    }
    SetConsoleMode(sb, ENABLE_PROCESSED_OUTPUT | ENABLE_WRAP_AT_EOL_OUTPUT);
}

/* the process's own buffer: what is written with WriteConsole and WriteFile is read back */
static void test_main(HANDLE out, HANDLE sb)
{
    CONSOLE_SCREEN_BUFFER_INFO info;
    DWORD n;
    UINT cp;
    COORD c;

    ok(WriteConsoleW(out, L"\r\nmarker1", 9, &n, NULL), "WriteConsoleW: %lu\n", GetLastError());
    c = cursor(out);
    ok(c.X == 7 && !wcscmp(chars(out, 0, c.Y, 7), L"marker1"), "cursor %d,%d, line '%ls'\n", c.X, c.Y,
       chars(out, 0, c.Y, 7));
    ok(WriteFile(out, "\r\nfile-text", 11, &n, NULL) && n == 11, "WriteFile: %lu\n", GetLastError());
    c = cursor(out);
    ok(c.X == 9 && !wcscmp(chars(out, 0, c.Y, 9), L"file-text"), "after WriteFile: cursor %d,%d, line '%ls'\n",
       c.X, c.Y, chars(out, 0, c.Y, 9));
    /* WriteFile's bytes are text of the output code page: a box-drawing
       character of code page 437 at the end of a write is there at once */
    cp = GetConsoleOutputCP();
    SetConsoleOutputCP(437);
    ok(WriteFile(out, "\r\nx\xcd", 4, &n, NULL) && n == 4, "WriteFile: %lu\n", GetLastError());
    c = cursor(out);
    ok(c.X == 2 && !wcscmp(chars(out, 0, c.Y, 2), L"x\x2550"), "code page 437: cursor %d, '%ls'\n", c.X,
       chars(out, 0, c.Y, 2));
    SetConsoleOutputCP(CP_UTF8);
    ok(WriteFile(out, "\r\n\xc3\xa9t\xc3\xa9", 7, &n, NULL) && n == 7, "WriteFile: %lu\n", GetLastError());
    c = cursor(out);
    ok(c.X == 3 && !wcscmp(chars(out, 0, c.Y, 3), L"\x00e9t\x00e9"), "UTF-8: cursor %d, '%ls'\n", c.X,
       chars(out, 0, c.Y, 3));
    SetConsoleOutputCP(cp);
    WriteConsoleW(out, L"\r\n", 2, &n, NULL);

    /* two buffers, two sets of cells */
    GetConsoleScreenBufferInfo(out, &info);
    put(sb, 0, 0, L"SECOND");
    put(out, 0, 0, L"MAIN");
    ok(!wcscmp(chars(sb, 0, 0, 6), L"SECOND") && !wcscmp(chars(out, 0, 0, 4), L"MAIN"), "'%ls' '%ls'\n",
       chars(sb, 0, 0, 6), chars(out, 0, 0, 4));
    ok(FillConsoleOutputAttribute(out, 0x2f, 4, xy(0, 0), &n) && n == 4, "FillConsoleOutputAttribute: %lu\n", n);
    ok(attr_at(out, 3, 0) == 0x2f && attr_at(sb, 3, 0) != 0x2f, "attributes %#x %#x\n", attr_at(out, 3, 0),
       attr_at(sb, 3, 0));
    FillConsoleOutputAttribute(out, info.wAttributes, 4, xy(0, 0), &n);

    /* shown and hidden again; the first keeps its cells, and what was written to it meanwhile */
    ok(SetConsoleActiveScreenBuffer(sb), "SetConsoleActiveScreenBuffer: %lu\n", GetLastError());
    put(out, 0, 1, L"HIDDEN");
    put(sb, 0, 1, L"SHOWN");
    ok(SetConsoleActiveScreenBuffer(out), "SetConsoleActiveScreenBuffer back: %lu\n", GetLastError());
    ok(!wcscmp(chars(out, 0, 0, 4), L"MAIN") && !wcscmp(chars(out, 0, 1, 6), L"HIDDEN"), "first '%ls' '%ls'\n",
       chars(out, 0, 0, 4), chars(out, 0, 1, 6));
    ok(!wcscmp(chars(sb, 0, 1, 5), L"SHOWN"), "second '%ls'\n", chars(sb, 0, 1, 5));
}

/* a screen drawn through the console functions; the buffer's rows go to `path` */
static int draw(const char *path)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE), sb, f;
    CONSOLE_SCREEN_BUFFER_INFO info;
    CHAR_INFO block[6], fill = { { '-' }, 0x1e };
    SMALL_RECT r = { 20, 6, 22, 7 }, src = { 10, 5, 12, 5 };
    WCHAR row[512];
    char line[1024], name[MAX_PATH];
    DWORD n;
    int i, y, len;

    if (!GetConsoleScreenBufferInfo(out, &info) || info.dwSize.X < 40 || info.dwSize.X > 500 || info.dwSize.Y < 22)
        return 2;
    FillConsoleOutputCharacterW(out, ' ', info.dwSize.X * info.dwSize.Y, xy(0, 0), &n);
    FillConsoleOutputAttribute(out, 7, info.dwSize.X * info.dwSize.Y, xy(0, 0), &n);
    SetConsoleCursorPosition(out, xy(0, 0));
    WriteConsoleW(out, L"hello\tworld\r\nsecond line\b!\n", 27, &n, NULL);
    WriteFile(out, "through WriteFile\r\n", 19, &n, NULL);
    WriteConsoleOutputCharacterW(out, L"BOX", 3, xy(10, 5), &n);
    for (i = 0; i < 6; i++)
    {
        block[i].Char.UnicodeChar = 'a' + i;
        block[i].Attributes = 0x2f;
    }
    WriteConsoleOutputW(out, block, xy(3, 2), xy(0, 0), &r);
    ScrollConsoleScreenBufferW(out, &src, NULL, xy(11, 8), &fill);
    FillConsoleOutputCharacterW(out, '=', 5, xy(info.dwSize.X - 2, 10), &n);
    FillConsoleOutputAttribute(out, 0x4e, 5, xy(0, 11), &n);
    SetConsoleCursorPosition(out, xy(info.dwSize.X - 3, 12));
    WriteConsoleW(out, L"wrap-around", 11, &n, NULL);
    /* another buffer shown for a while: the first comes back as it was */
    sb = CreateConsoleScreenBuffer(GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                                   CONSOLE_TEXTMODE_BUFFER, NULL);
    WriteConsoleW(sb, L"OTHER", 5, &n, NULL);
    SetConsoleActiveScreenBuffer(sb);
    WriteConsoleOutputCharacterW(out, L"while hidden", 12, xy(30, 14), &n);
    SetConsoleActiveScreenBuffer(out);
    CloseHandle(sb);
    WriteConsoleW(out, L" end", 4, &n, NULL);
    /* a full line and \n: an empty line; a wrap and \r: the start of the next line */
    for (i = 0; i < info.dwSize.X; i++) row[i] = 'L';
    SetConsoleCursorPosition(out, xy(0, 15));
    WriteConsoleW(out, row, info.dwSize.X, &n, NULL);
    WriteConsoleW(out, L"\nafter", 6, &n, NULL);
    SetConsoleCursorPosition(out, xy(info.dwSize.X - 2, 18));
    WriteConsoleW(out, L"xy", 2, &n, NULL);
    WriteConsoleW(out, L"\rZ", 2, &n, NULL);

    f = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    for (y = 0; y < info.dwSize.Y; y++)
    {
        ReadConsoleOutputCharacterW(out, row, min(info.dwSize.X, ARRAYSIZE(row)), xy(0, y), &n);
        len = WideCharToMultiByte(CP_UTF8, 0, row, n, line, sizeof(line) - 1, NULL, NULL);
        while (len && line[len - 1] == ' ') len--;
        line[len++] = '\n';
        WriteFile(f, line, len, &n, NULL);
    }
    CloseHandle(f);
    snprintf(name, sizeof(name), "%s.done", path);
    CloseHandle(CreateFileA(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL));
    snprintf(name, sizeof(name), "%s.quit", path);
    for (i = 0; i < 600 && GetFileAttributesA(name) == INVALID_FILE_ATTRIBUTES; i++) Sleep(50);
    return 0;
}

/* a line read with ReadFile (as the C runtime reads stdin): the terminal
   echoed it, and the buffer has it too, the cursor on the next line */
static int echo_line(void)
{
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE), out = GetStdHandle(STD_OUTPUT_HANDLE);
    char line[64];
    COORD before, after;
    DWORD n;

    WriteConsoleW(out, L"ready> ", 7, &n, NULL);
    before = cursor(out);
    if (!ReadFile(in, line, sizeof(line), &n, NULL)) return 1;
    after = cursor(out);
    printf("\r\necho x %d dy %d '%ls'\n", after.X, after.Y - before.Y, chars(out, before.X, before.Y, 3));
    return 0;
}

int main(int argc, char **argv)
{
    CONSOLE_SCREEN_BUFFER_INFO info;
    HANDLE out, sb;

    if (argc == 3 && !strcmp(argv[1], "draw")) return draw(argv[2]);
    if (argc == 2 && !strcmp(argv[1], "echo")) return echo_line();
    test_start("kernel32/conscreen");
    test_not_console();
    out = CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                      OPEN_EXISTING, 0, NULL);
    if (out == INVALID_HANDLE_VALUE || !GetConsoleScreenBufferInfo(out, &info))
    {
        skip("no console: run on a terminal (tests/loader/console.sh)\n");
        return test_summary();
    }
    sb = CreateConsoleScreenBuffer(GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                                   CONSOLE_TEXTMODE_BUFFER, NULL);
    ok(sb != INVALID_HANDLE_VALUE, "CreateConsoleScreenBuffer: %lu\n", GetLastError());
    ok(GetConsoleScreenBufferInfo(sb, &info), "GetConsoleScreenBufferInfo: %lu\n", GetLastError());
    W = info.dwSize.X;
    H = info.dwSize.Y;
    ok(W >= 10 && H >= 10, "a second buffer of %dx%d\n", W, H);
    if (W < 10 || H < 10) return test_summary();
    test_rectangles(sb);
    test_runs(sb);
    test_ansi(sb);
    test_scroll(sb);
    test_text(sb);
    test_bad_input(sb);
    test_cursor(out, sb);
    test_main(out, sb);
    CloseHandle(sb);
    CloseHandle(out);
    return test_summary();
}
