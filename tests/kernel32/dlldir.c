/*
 * tests/kernel32/dlldir.c — the DLL search settings: SetDefaultDllDirectories'
 * flag check, AddDllDirectory's absolute-path rule, SetDllDirectory and
 * GetDllDirectory's lengths.
 */
#include "test.h"

static void test_default_dirs(void)
{
    SetLastError(0xdeadbeef);
    ok(!SetDefaultDllDirectories(0) && GetLastError() == ERROR_INVALID_PARAMETER, "0: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!SetDefaultDllDirectories(0x1) && GetLastError() == ERROR_INVALID_PARAMETER, "bad flag: %lu\n", GetLastError());
    ok(SetDefaultDllDirectories(LOAD_LIBRARY_SEARCH_SYSTEM32), "SYSTEM32\n");
    ok(SetDefaultDllDirectories(LOAD_LIBRARY_SEARCH_DEFAULT_DIRS), "DEFAULT_DIRS\n");
    /* loading still works after it */
    ok(LoadLibraryW(L"kernel32.dll") != NULL, "kernel32 after SetDefaultDllDirectories\n");
}

static void test_add_dir(void)
{
    WCHAR sys[MAX_PATH];
    DLL_DIRECTORY_COOKIE cookie;

    GetSystemDirectoryW(sys, MAX_PATH);
    cookie = AddDllDirectory(sys);
    ok(cookie != NULL, "AddDllDirectory(%ls) failed %lu\n", sys, GetLastError());
    ok(RemoveDllDirectory(cookie), "RemoveDllDirectory\n");
    SetLastError(0xdeadbeef);
    ok(AddDllDirectory(L"relative\\dir") == NULL && GetLastError() == ERROR_INVALID_PARAMETER,
       "relative path: %lu\n", GetLastError());
}

static void test_dll_directory(void)
{
    WCHAR buf[MAX_PATH];
    DWORD len;

    ok(SetDllDirectoryW(L"C:\\some\\dir"), "SetDllDirectoryW\n");
    len = GetDllDirectoryW(ARRAYSIZE(buf), buf);
    ok(len == 11 && !lstrcmpW(buf, L"C:\\some\\dir"), "len %lu %ls\n", len, buf);
    len = GetDllDirectoryW(5, buf);
    ok(len == 12, "too small: %lu\n", len);
    ok(SetDllDirectoryA("C:\\other"), "SetDllDirectoryA\n");
    len = GetDllDirectoryW(ARRAYSIZE(buf), buf);
    ok(len == 8 && !lstrcmpW(buf, L"C:\\other"), "A: len %lu %ls\n", len, buf);
    ok(SetDllDirectoryW(NULL), "reset\n");
    buf[0] = 'x';
    len = GetDllDirectoryW(ARRAYSIZE(buf), buf);
    ok(len == 0 && buf[0] == 0, "after reset: len %lu\n", len);
}

int main(void)
{
    test_start("kernel32/dlldir");
    test_default_dirs();
    test_add_dir();
    test_dll_directory();
    return test_summary();
}
