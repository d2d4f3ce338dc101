/*
 * tests/kernel32/conbuf.c — the screen buffer's other properties:
 * GetConsoleScreenBufferInfoEx (the same sizes, cursor and colours as
 * GetConsoleScreenBufferInfo, plus the palette), the buffer and window
 * size calls (what is already so succeeds; a buffer smaller than its
 * window or a window beyond the buffer is refused), the largest window,
 * the font, the history settings and the console's process list (this
 * process is in it). On a handle that is no console they fail with
 * ERROR_INVALID_HANDLE. The console part needs one: tests/loader/console.sh
 * runs this program on a pseudo-terminal; without one (Wine started
 * outside a terminal) that part is skipped.
 */
#include "test.h"

static HANDLE open_console(void)
{
    return CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                       OPEN_EXISTING, 0, NULL);
}

static void test_not_console(void)
{
    CONSOLE_SCREEN_BUFFER_INFOEX ex = { sizeof(ex) };
    WCHAR path[MAX_PATH], dir[MAX_PATH];
    HANDLE file;
    COORD size = { 80, 25 };

    GetTempPathW(MAX_PATH, dir);
    GetTempFileNameW(dir, L"wlx", 0, path);
    file = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_FLAG_DELETE_ON_CLOSE, NULL);
    ok(file != INVALID_HANDLE_VALUE, "temp file: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!GetConsoleScreenBufferInfoEx(file, &ex) && GetLastError() == ERROR_INVALID_HANDLE,
       "GetConsoleScreenBufferInfoEx on a file: error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!SetConsoleScreenBufferSize(file, size) && GetLastError() == ERROR_INVALID_HANDLE,
       "SetConsoleScreenBufferSize on a file: error %lu\n", GetLastError());
    CloseHandle(file);
}

static void test_console(HANDLE con)
{
    CONSOLE_SCREEN_BUFFER_INFO info;
    CONSOLE_SCREEN_BUFFER_INFOEX ex;
    CONSOLE_FONT_INFOEX font;
    CONSOLE_HISTORY_INFO hist;
    SMALL_RECT window;
    COORD size, largest;
    DWORD ids[8], n, i, me = GetCurrentProcessId();
    BOOL found = FALSE;

    ok(GetConsoleScreenBufferInfo(con, &info), "GetConsoleScreenBufferInfo: %lu\n", GetLastError());
    memset(&ex, 0, sizeof(ex));
    ex.cbSize = sizeof(ex) - 1;
    SetLastError(0xdeadbeef);
    ok(!GetConsoleScreenBufferInfoEx(con, &ex) && GetLastError() == ERROR_INVALID_PARAMETER,
       "a wrong cbSize: error %lu\n", GetLastError());
    ex.cbSize = sizeof(ex);
    ok(GetConsoleScreenBufferInfoEx(con, &ex), "GetConsoleScreenBufferInfoEx: %lu\n", GetLastError());
    ok(ex.dwSize.X == info.dwSize.X && ex.dwSize.Y == info.dwSize.Y, "sizes %dx%d and %dx%d\n", ex.dwSize.X,
       ex.dwSize.Y, info.dwSize.X, info.dwSize.Y);
    ok(ex.wAttributes == info.wAttributes, "attributes %#x and %#x\n", ex.wAttributes, info.wAttributes);
    ok(ex.srWindow.Right == info.srWindow.Right && ex.srWindow.Bottom == info.srWindow.Bottom, "windows differ\n");
    /* Wine 8's console (on a terminal) reports an all-black palette */
    todo_wine(ex.ColorTable[0] != ex.ColorTable[15], "a palette of one colour\n");

    /* what is already so succeeds */
    ok(SetConsoleScreenBufferInfoEx(con, &ex), "SetConsoleScreenBufferInfoEx of the same: %lu\n", GetLastError());
    window = info.srWindow;
    ok(SetConsoleWindowInfo(con, TRUE, &window), "SetConsoleWindowInfo of the same window: %lu\n", GetLastError());
    /* a window beyond the buffer is refused */
    window.Right = info.dwSize.X + 10;
    SetLastError(0xdeadbeef);
    ok(!SetConsoleWindowInfo(con, TRUE, &window) && GetLastError() == ERROR_INVALID_PARAMETER,
       "a window wider than the buffer: error %lu\n", GetLastError());
    /* a buffer smaller than its window is refused */
    size.X = info.srWindow.Right - info.srWindow.Left;   /* one column short */
    size.Y = info.dwSize.Y;
    SetLastError(0xdeadbeef);
    ok(!SetConsoleScreenBufferSize(con, size) && GetLastError() == ERROR_INVALID_PARAMETER,
       "a buffer narrower than the window: error %lu\n", GetLastError());
    ok(SetConsoleScreenBufferSize(con, info.dwSize), "the same buffer size: %lu\n", GetLastError());
    largest = GetLargestConsoleWindowSize(con);
    ok(largest.X > 0 && largest.Y > 0, "largest window %dx%d\n", largest.X, largest.Y);

    memset(&font, 0, sizeof(font));
    font.cbSize = sizeof(font);
    ok(GetCurrentConsoleFontEx(con, FALSE, &font), "GetCurrentConsoleFontEx: %lu\n", GetLastError());
    /* Wine 8's console on a terminal has no font to report */
    todo_wine(font.dwFontSize.Y > 0 && font.FaceName[0], "font %dx%d '%ls'\n", font.dwFontSize.X, font.dwFontSize.Y,
       font.FaceName);

    /* Wine 8 has no GetConsoleHistoryInfo (a stub that ends the process) */
    hist.cbSize = sizeof(hist);
    if (!test_is("wine"))
        ok(GetConsoleHistoryInfo(&hist) && hist.HistoryBufferSize > 0, "GetConsoleHistoryInfo: %lu\n", GetLastError());

    n = GetConsoleProcessList(ids, ARRAYSIZE(ids));
    ok(n >= 1 && n <= ARRAYSIZE(ids), "GetConsoleProcessList: %lu\n", n);
    for (i = 0; i < n && i < ARRAYSIZE(ids); i++) found |= ids[i] == me;
    ok(found, "this process is not in the console's list\n");
    /* a list too short: the count, nothing written */
    ids[0] = 0xdeadbeef;
    ok(GetConsoleProcessList(ids, 1) == n && (n > 1 ? ids[0] == 0xdeadbeef : ids[0] == me),
       "a short list: %lu, first %lu\n", GetConsoleProcessList(ids, 1), ids[0]);
}

int main(void)
{
    HANDLE con;
    test_start("kernel32/conbuf");
    test_not_console();
    con = open_console();
    if (con == INVALID_HANDLE_VALUE || !GetConsoleMode(con, &(DWORD){0}))
        skip("no console: run on a terminal (tests/loader/console.sh)\n");
    else test_console(con);
    if (con != INVALID_HANDLE_VALUE) CloseHandle(con);
    return test_summary();
}
