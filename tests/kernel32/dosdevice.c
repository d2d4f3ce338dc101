/* tests/kernel32/dosdevice.c — QueryDosDevice: DOS device names and their
   NT targets. Targets differ between machines: only their shape is checked. */
#include <windows.h>
#include "test.h"

static void test_one_name(void)
{
    WCHAR buf[MAX_PATH];
    DWORD n;

    n = QueryDosDeviceW(L"C:", buf, ARRAYSIZE(buf));
    ok(n > 2, "QueryDosDeviceW(C:) returned %lu, error %lu\n", n, GetLastError());
    ok(!wcsncmp(buf, L"\\Device\\", 8) || !wcsncmp(buf, L"\\??\\", 4), "target %ls\n", buf);
    ok(n == wcslen(buf) + 2 && buf[n - 1] == 0, "length %lu for %ls\n", n, buf);

    /* too small a buffer */
    SetLastError(0xdeadbeef);
    ok(!QueryDosDeviceW(L"C:", buf, 3), "a 3-character buffer worked\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());

    /* unknown names */
    SetLastError(0xdeadbeef);
    ok(!QueryDosDeviceW(L"NoSuchDevice", buf, ARRAYSIZE(buf)), "an unknown name worked\n");
    ok(GetLastError() == ERROR_FILE_NOT_FOUND, "error %lu\n", GetLastError());

    n = QueryDosDeviceW(L"NUL", buf, ARRAYSIZE(buf));
    ok(n > 2 && !wcsncmp(buf, L"\\Device\\", 8), "NUL: %lu %ls\n", n, buf);
}

static void test_all_names(void)
{
    static WCHAR buf[65536];
    DWORD n = QueryDosDeviceW(NULL, buf, ARRAYSIZE(buf));
    int found_c = 0;
    ok(n > 0, "QueryDosDeviceW(NULL) failed %lu\n", GetLastError());
    for (WCHAR *p = buf; p < buf + n && *p; p += wcslen(p) + 1)
        if (!lstrcmpiW(p, L"C:")) found_c = 1;
    ok(found_c, "C: is not listed\n");
    ok(n >= 2 && buf[n - 1] == 0 && buf[n - 2] == 0, "the list does not end with two NULs\n");
}

static void test_ansi(void)
{
    char buf[MAX_PATH];
    DWORD n = QueryDosDeviceA("C:", buf, sizeof(buf));
    ok(n > 2 && buf[0] == '\\', "QueryDosDeviceA(C:) %lu %s\n", n, buf);
}

int main(void)
{
    test_one_name();
    test_all_names();
    test_ansi();
    return test_summary();
}
