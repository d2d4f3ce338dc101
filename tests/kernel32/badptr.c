/*
 * tests/kernel32/badptr.c — kernel32 functions given pointers to nothing:
 * the lstr* functions catch the fault themselves (__try/__except on
 * Windows, documented for lstrcpy, lstrcpyn, lstrcat) and return 0 or
 * NULL; ReadFile into memory that is not there fails with ERROR_NOACCESS;
 * IsBad*Ptr answer without faulting. The calling thread goes on.
 */
#include "test.h"

static void test_lstr(void)
{
    char buf[16] = "abc";
    WCHAR wbuf[16] = L"abc";
    const char *bad = (const char *)0x1000;
    const WCHAR *wbad = (const WCHAR *)0x1000;

    ok(lstrlenA(bad) == 0, "lstrlenA of a bad pointer\n");
    ok(lstrlenW(wbad) == 0, "lstrlenW of a bad pointer\n");
    ok(lstrlenA(NULL) == 0 && lstrlenA(buf) == 3, "lstrlenA\n");
    ok(lstrcpyA(buf, bad) == NULL, "lstrcpyA from a bad pointer\n");
    ok(lstrcpyA((char *)bad, "x") == NULL, "lstrcpyA to a bad pointer\n");
    ok(lstrcpyW(wbuf, wbad) == NULL, "lstrcpyW from a bad pointer\n");
    ok(lstrcpynA(buf, bad, 5) == NULL, "lstrcpynA from a bad pointer\n");
    ok(lstrcpynW(wbuf, wbad, 5) == NULL, "lstrcpynW from a bad pointer\n");
    strcpy(buf, "ab");
    ok(lstrcatA(buf, bad) == NULL, "lstrcatA from a bad pointer\n");
    ok(lstrcatA((char *)bad, "x") == NULL, "lstrcatA to a bad pointer\n");
    /* good pointers still work after the faults */
    ok(lstrcpyA(buf, "hello") == buf && !strcmp(buf, "hello"), "lstrcpyA after the faults\n");
    ok(lstrcatA(buf, "!") == buf && !strcmp(buf, "hello!"), "lstrcatA after the faults\n");
    ok(lstrcpynA(buf, "abcdef", 4) == buf && !strcmp(buf, "abc"), "lstrcpynA after the faults\n");
}

static void test_io(void)
{
    char path[MAX_PATH];
    DWORD n = 0xdead;
    HANDLE f;
    GetModuleFileNameA(NULL, path, sizeof(path));
    f = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    ok(f != INVALID_HANDLE_VALUE, "CreateFile failed %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!ReadFile(f, (void *)0x1000, 10, &n, NULL), "ReadFile into nothing succeeded\n");
    ok(GetLastError() == ERROR_NOACCESS, "error %lu\n", GetLastError());
    CloseHandle(f);
    ok(IsBadReadPtr((void *)0x1000, 4) && !IsBadReadPtr(path, 4), "IsBadReadPtr\n");
    ok(IsBadWritePtr((void *)GetModuleHandleA(NULL), 4) && !IsBadWritePtr(path, 4), "IsBadWritePtr\n");
    ok(IsBadStringPtrA((const char *)0x1000, 10) && !IsBadStringPtrA(path, 10), "IsBadStringPtrA\n");
}

int main(void)
{
    test_start("badptr");
    test_lstr();
    test_io();
    return test_summary();
}
