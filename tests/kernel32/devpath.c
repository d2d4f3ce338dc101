/*
 * tests/kernel32/devpath.c — DOS device names in paths: GetFullPathName of
 * a bare device name ("nul", "CON", "com1") answers the device path
 * "\\.\NAME" in the case given, with no file part (cmd's "copy nul x" and
 * "type nul > x" go through it), and such a name still opens the device.
 * Only bare names are checked: Windows 11 stopped treating "nul.txt" and
 * "C:\dir\nul" as devices in GetFullPathName.
 */
#include "test.h"

static void check_full(const WCHAR *name, const WCHAR *expect)
{
    WCHAR buf[MAX_PATH], *part = (WCHAR *)0xdeadbeef;
    DWORD n;

    memset(buf, 0xcc, sizeof(buf));
    n = GetFullPathNameW(name, MAX_PATH, buf, &part);
    ok(n == wcslen(expect) && !wcscmp(buf, expect), "%ls: %lu %ls, not %ls\n", name, n, buf, expect);
    ok(part == NULL, "%ls: file part %p\n", name, part);
}

int main(void)
{
    WCHAR small[4], big[MAX_PATH];
    char bufa[MAX_PATH];
    HANDLE h;
    DWORD n, done;

    test_start("kernel32/devpath");
    check_full(L"nul", L"\\\\.\\nul");
    check_full(L"NUL", L"\\\\.\\NUL");
    check_full(L"con", L"\\\\.\\con");
    check_full(L"Aux", L"\\\\.\\Aux");
    check_full(L"com1", L"\\\\.\\com1");
    check_full(L"lpt1", L"\\\\.\\lpt1");
    check_full(L"nul:", L"\\\\.\\nul");
    /* not devices */
    n = GetFullPathNameW(L"null", MAX_PATH, big, NULL);
    ok(n > 4, "null: %lu\n", n);
    n = GetFullPathNameW(L"com0", MAX_PATH, big, NULL);
    ok(n > 4, "com0: %lu\n", n);

    /* too small a buffer: the size needed, NUL included */
    n = GetFullPathNameW(L"nul", 4, small, NULL);
    ok(n == 8, "small buffer: %lu\n", n);

    n = GetFullPathNameA("NUL", MAX_PATH, bufa, NULL);
    ok(n == 7 && !strcmp(bufa, "\\\\.\\NUL"), "GetFullPathNameA: %lu %s\n", n, bufa);

    h = CreateFileW(L"nul", GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(h != INVALID_HANDLE_VALUE, "CreateFileW nul: %lu\n", GetLastError());
    ok(WriteFile(h, "x", 1, &done, NULL) && done == 1, "WriteFile to nul\n");
    CloseHandle(h);
    return test_summary();
}
