/*
 * tests/kernel32/altsearch.c — where a DLL's own imports are searched.
 * sub\altdll.dll imports altdep.dll, which lies only in sub\ (not beside
 * this program, in the system folder, the current folder or PATH):
 *   - LoadLibrary of altdll.dll's full path fails (ERROR_MOD_NOT_FOUND):
 *     imports are searched in the application's folder, not the DLL's;
 *   - with LOAD_WITH_ALTERED_SEARCH_PATH (how Node.js loads addons) and with
 *     LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR, the DLL's folder is searched;
 *   - the current folder is searched too: with sub\ current, a bare
 *     "altdll.dll" loads with its import.
 */
#include "test.h"

static WCHAR sub[MAX_PATH], dll[MAX_PATH];

typedef int (*value_fn)(void);

static void check_loaded(HMODULE h, const char *how)
{
    value_fn fn;

    ok(h != NULL, "%s: error %lu\n", how, GetLastError());
    if (!h) return;
    fn = (value_fn)GetProcAddress(h, "alt_value");
    ok(fn && fn() == 43, "%s: alt_value %d\n", how, fn ? fn() : -1);
    ok(GetModuleHandleW(L"altdep.dll") != NULL, "%s: altdep.dll not loaded\n", how);
    FreeLibrary(h);
    ok(GetModuleHandleW(L"altdep.dll") == NULL, "%s: altdep.dll still loaded\n", how);
}

int main(void)
{
    WCHAR temp[MAX_PATH];
    DWORD n = GetModuleFileNameW(NULL, sub, MAX_PATH);
    HMODULE h;

    test_start("kernel32/altsearch");
    while (n && sub[n - 1] != '\\') n--;
    wcscpy(sub + n, L"sub");
    swprintf(dll, MAX_PATH, L"%ls\\altdll.dll", sub);
    GetTempPathW(MAX_PATH, temp);
    SetCurrentDirectoryW(temp);

    SetLastError(0xdeadbeef);
    h = LoadLibraryW(dll);
    ok(!h && GetLastError() == ERROR_MOD_NOT_FOUND, "plain LoadLibrary: %p error %lu\n", h, GetLastError());
    if (h) FreeLibrary(h);
    ok(GetModuleHandleW(L"altdll.dll") == NULL, "altdll.dll stays loaded after the failure\n");

    check_loaded(LoadLibraryExW(dll, NULL, LOAD_WITH_ALTERED_SEARCH_PATH), "LOAD_WITH_ALTERED_SEARCH_PATH");
    check_loaded(LoadLibraryExW(dll, NULL, LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR | LOAD_LIBRARY_SEARCH_SYSTEM32),
                 "LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR");

    /* a later plain load fails again: the DLL's folder served that load only */
    SetLastError(0xdeadbeef);
    h = LoadLibraryW(dll);
    ok(!h && GetLastError() == ERROR_MOD_NOT_FOUND, "plain LoadLibrary again: %p error %lu\n", h, GetLastError());
    if (h) FreeLibrary(h);

    ok(SetCurrentDirectoryW(sub), "SetCurrentDirectory %ls: error %lu\n", sub, GetLastError());
    check_loaded(LoadLibraryW(L"altdll.dll"), "from the current folder");
    SetCurrentDirectoryW(temp);
    return test_summary();
}
