/* tests/msvcrt/conio.c — console I/O of conio.h (_ungetch, _getch, _kbhit,
   _putch, _cputs; the console part only when there is one: lines read by
   _cgets, _cgetws and ucrtbase's _cgets_s from keys written to the
   console's input, _cprintf/_cwprintf and ucrtbase's
   __conio_common_vcprintf counts, _cscanf/_cwscanf reading typed keys),
   __lconv_init, and __pioinfo, msvcrt's fd table as programs read it
   directly (and __badioinfo, its entry for an fd outside it). */
#include <windows.h>
#include <conio.h>
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "test.h"

static void test_ungetch(void)
{
    ok(_ungetch('x') == 'x', "_ungetch failed\n");
    ok(_ungetch('y') == EOF, "a second _ungetch was taken\n");
    ok(_kbhit(), "_kbhit does not see the ungot character\n");
    ok(_getch() == 'x', "_getch did not return the ungot character\n");

    ok(_ungetwch(0x00e9) == 0x00e9, "_ungetwch failed\n");
    ok(_getwch() == 0x00e9, "_getwch did not return the ungot character\n");
}

static void test_console_output(void)
{
    HANDLE out = CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                             OPEN_EXISTING, 0, NULL);
    if (out == INVALID_HANDLE_VALUE) { skip("no console\n"); return; }
    CloseHandle(out);
    ok(_putch('[') == '[', "_putch failed\n");
    ok(_cputs("conio test]\r\n") == 0, "_cputs failed\n");
    ok(_putwch(L'.') == L'.', "_putwch failed\n");
    ok(_cputws(L"\r\n") == 0, "_cputws failed\n");
}

/* puts the key presses of text into the console's input */
static void type_keys(HANDLE in, const wchar_t *text)
{
    INPUT_RECORD rec;
    DWORD n;

    for (; *text; text++)
    {
        memset(&rec, 0, sizeof(rec));
        rec.EventType = KEY_EVENT;
        rec.Event.KeyEvent.bKeyDown = TRUE;
        rec.Event.KeyEvent.wRepeatCount = 1;
        rec.Event.KeyEvent.uChar.UnicodeChar = *text;
        rec.Event.KeyEvent.wVirtualKeyCode = *text == '\r' ? VK_RETURN : *text == '\b' ? VK_BACK
                                             : (WORD)(*text >= 'a' && *text <= 'z' ? *text - 32 : *text);
        WriteConsoleInputW(in, &rec, 1, &n);
        rec.Event.KeyEvent.bKeyDown = FALSE;
        WriteConsoleInputW(in, &rec, 1, &n);
    }
}

static void test_cgets(void)
{
    HANDLE in = CreateFileW(L"CONIN$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                            OPEN_EXISTING, 0, NULL);
    errno_t (__cdecl *p_cgets_s)(char *, size_t, size_t *);
    char buf[32], *s;
    wchar_t wbuf[32], *w;
    size_t n = 0;

    if (in == INVALID_HANDLE_VALUE) { skip("no console input\n"); return; }
    FlushConsoleInputBuffer(in);
    type_keys(in, L"hi\b!\r");
    buf[0] = 20;
    s = _cgets(buf);
    ok(s == buf + 2 && buf[1] == 2 && !strcmp(s, "h!"), "_cgets: %d %s\n", buf[1], s ? s : "(null)");

    /* Wine 8 has _cgetws and ucrtbase's _cgets_s as stubs that end the process */
    if (test_is("wine"))
    {
        skip("Wine 8's _cgetws and _cgets_s are stubs\n");
        CloseHandle(in);
        return;
    }
    type_keys(in, L"wide line\r");
    wbuf[0] = 20;
    w = _cgetws(wbuf);
    ok(w == wbuf + 2 && wbuf[1] == 9 && !wcscmp(w, L"wide line"), "_cgetws: %d %ls\n", wbuf[1], w);

    p_cgets_s = (void *)GetProcAddress(LoadLibraryA("ucrtbase.dll"), "_cgets_s");
    if (p_cgets_s)
    {
        type_keys(in, L"ok\r");
        memset(buf, 'x', sizeof(buf));
        ok(!p_cgets_s(buf, sizeof(buf), &n) && n == 2 && !strcmp(buf, "ok"), "_cgets_s: %d %s\n", (int)n, buf);
    }
    FlushConsoleInputBuffer(in);
    CloseHandle(in);
}

static int (__cdecl *p_conio_vcprintf)(unsigned __int64, const char *, _locale_t, va_list);

static int ucrt_cprintf(const char *fmt, ...)
{
    va_list args;
    int ret;
    va_start(args, fmt);
    ret = p_conio_vcprintf(0, fmt, NULL, args);
    va_end(args);
    return ret;
}

static void test_cprintf_cscanf(void)
{
    HANDLE in = CreateFileW(L"CONIN$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                            OPEN_EXISTING, 0, NULL);
    int n = 0, ret;
    char word[16] = "";
    wchar_t wword[16] = L"";

    if (in == INVALID_HANDLE_VALUE) { skip("no console input\n"); return; }
    ret = _cprintf("[%d|%s]", 42, "ab");
    ok(ret == 7, "_cprintf: %d\n", ret);
    ret = _cwprintf(L"[%d|%ls]\r\n", 7, L"w");
    ok(ret == 7, "_cwprintf: %d\n", ret);

    FlushConsoleInputBuffer(in);
    type_keys(in, L"17 abc\r");
    ret = _cscanf("%d %15s", &n, word);
    ok(ret == 2 && n == 17 && !strcmp(word, "abc"), "_cscanf: %d %d %s\n", ret, n, word);
    _getch();   /* the Enter _cscanf gave back */
    type_keys(in, L"-5 xyz\r");
    ret = _cwscanf(L"%d %15ls", &n, wword);
    ok(ret == 2 && n == -5 && !wcscmp(wword, L"xyz"), "_cwscanf: %d %d %ls\n", ret, n, wword);
    _getch();
    _cputs("\r\n");

    p_conio_vcprintf = (void *)GetProcAddress(LoadLibraryA("ucrtbase.dll"), "__conio_common_vcprintf");
    if (test_is("wine")) skip("Wine 8's __conio_common_vcprintf is a stub\n");
    else if (p_conio_vcprintf) ok(ucrt_cprintf("<%x>\r\n", 255) == 6, "__conio_common_vcprintf\n");
    FlushConsoleInputBuffer(in);
    CloseHandle(in);
}

/* msvcrt.dll's ioinfo starts with a HANDLE, then the osfile flags; its size
   differs between msvcrt.dll versions: a block holds 32 of them, and is a
   heap block whose size _msize tells */
#define FOPEN 0x01
#define FTEXT 0x80

static void test_pioinfo(void)
{
    HMODULE crt = LoadLibraryA("msvcrt.dll");
    char **pioinfo = (char **)GetProcAddress(crt, "__pioinfo");   /* the array of block pointers */
    int (__cdecl *p_open)(const char *, int, ...) = (void *)GetProcAddress(crt, "_open");
    int (__cdecl *p_close)(int) = (void *)GetProcAddress(crt, "_close");
    int (__cdecl *p_setmode)(int, int) = (void *)GetProcAddress(crt, "_setmode");
    intptr_t (__cdecl *p_get_osfhandle)(int) = (void *)GetProcAddress(crt, "_get_osfhandle");
    size_t (__cdecl *p_msize)(void *) = (void *)GetProcAddress(crt, "_msize");
    int (__cdecl *p_lconv_init)(void) = (void *)GetProcAddress(crt, "__lconv_init");
    char path[MAX_PATH], dir[MAX_PATH], *e;
    size_t size;
    int fd;

    if (!pioinfo || !p_open || !p_msize) { skip("msvcrt.dll has no __pioinfo\n"); return; }
    ok(p_lconv_init && p_lconv_init() == 0, "__lconv_init failed\n");

    GetTempPathA(MAX_PATH, dir);
    GetTempFileNameA(dir, "wlx", 0, path);
    fd = p_open(path, _O_RDWR | _O_CREAT | _O_TEXT, _S_IREAD | _S_IWRITE);
    ok(fd >= 3, "_open gave %d\n", fd);
    if (fd < 0) return;
    ok(pioinfo[0] != NULL, "no first block\n");
    size = p_msize(pioinfo[fd / 32]) / 32;
    ok(size >= 56, "entries of %Iu bytes\n", size);
    e = pioinfo[fd / 32] + (fd % 32) * size;
    ok(*(intptr_t *)e == p_get_osfhandle(fd), "osfhnd %Ix, _get_osfhandle %Ix\n", *(intptr_t *)e, p_get_osfhandle(fd));
    ok((e[8] & FOPEN) && (e[8] & FTEXT), "osfile %02x\n", (unsigned char)e[8]);
    p_setmode(fd, _O_BINARY);
    ok((e[8] & FOPEN) && !(e[8] & FTEXT), "osfile after _setmode %02x\n", (unsigned char)e[8]);
    p_close(fd);
    ok(!(e[8] & FOPEN), "osfile after _close %02x\n", (unsigned char)e[8]);
    DeleteFileA(path);

    /* __badioinfo: the entry for an fd outside the table: no handle, text mode */
    e = (char *)GetProcAddress(crt, "__badioinfo");
    ok(e && *(intptr_t *)e == -1 && (unsigned char)e[8] == FTEXT, "__badioinfo %p\n", e);
}

int main(void)
{
    test_start("conio");
    test_ungetch();
    test_console_output();
    test_cgets();
    test_cprintf_cscanf();
    test_pioinfo();
    return test_summary();
}
