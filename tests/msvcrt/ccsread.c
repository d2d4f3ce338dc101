/*
 * tests/msvcrt/ccsread.c — reading a file through "ccs=UNICODE" (Wine's
 * cmd.exe reads the file of 'for /f' so): with no BOM the bytes are text,
 * not UTF-16 (the CRT documentation's table, corrected in 2021, and the
 * original Visual C++ 2005 notes agree for ASCII text); a UTF-8 or UTF-16
 * BOM picks the encoding and is skipped. "ccs=UTF-16LE" with no BOM is
 * UTF-16.
 */
#include "test.h"
#include <wchar.h>

static char path[MAX_PATH];

static void write_raw(const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    fwrite(data, 1, len, f);
    fclose(f);
}

static void test_read(const char *mode, const char *data, size_t len, const wchar_t *line1, const wchar_t *line2)
{
    wchar_t buf[32];
    FILE *f;

    write_raw(data, len);
    f = fopen(path, mode);
    ok(f != NULL, "%s: fopen failed\n", mode);
    if (!f) return;
    memset(buf, 0, sizeof(buf));
    ok(fgetws(buf, 32, f) && !wcscmp(buf, line1), "%s: first line %ls\n", mode, buf);
    memset(buf, 0, sizeof(buf));
    if (line2) ok(fgetws(buf, 32, f) && !wcscmp(buf, line2), "%s: second line %ls\n", mode, buf);
    ok(!fgetws(buf, 32, f), "%s: more than was written\n", mode);
    fclose(f);
}

int main(void)
{
    char tmp[MAX_PATH];

    test_start("msvcrt/ccsread");
    GetTempPathA(MAX_PATH, tmp);
    sprintf(path, "%swlx_ccsread_%lu.txt", tmp, GetCurrentProcessId());

    test_read("rt, ccs=UNICODE", "line1\r\nline2 w\r\n", 16, L"line1\n", L"line2 w\n");
    test_read("rt, ccs=UNICODE", "\xef\xbb\xbf\xc3\xa9t\xc3\xa9\r\nx\r\n", 13, L"\xe9t\xe9\n", L"x\n");
    test_read("rt, ccs=UNICODE", "\xff\xfeh\0i\0\r\0\n\0", 10, L"hi\n", NULL);
    test_read("rt, ccs=UTF-16LE", "h\0i\0\r\0\n\0", 8, L"hi\n", NULL);
    test_read("rt, ccs=UTF-8", "abc\r\n", 5, L"abc\n", NULL);
    DeleteFileA(path);
    return test_summary();
}
