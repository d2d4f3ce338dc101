/*
 * tests/shell32/folders.c — special folders (SHGetKnownFolderPath,
 * SHGetFolderPath, SHGetSpecialFolderPath, SHGetFolderLocation,
 * SHGetFolderPathAndSubDir), SHCreateDirectoryEx and ShellExecute(Ex) of a
 * program.
 */
#define COBJMACROS
#include "test.h"
#include <shlobj.h>
#include <knownfolders.h>
#include <shellapi.h>

static void test_known_folders(void)
{
    WCHAR buf[MAX_PATH], sys[MAX_PATH], win[MAX_PATH], *path = NULL, *profile = NULL;
    HRESULT hr;

    hr = SHGetKnownFolderPath(&FOLDERID_Profile, 0, NULL, &profile);
    ok(hr == S_OK && profile && profile[1] == ':', "Profile: %#lx %ls\n", hr, profile);
    if (hr != S_OK) return;
    ok(GetFileAttributesW(profile) & FILE_ATTRIBUTE_DIRECTORY, "the profile folder should exist\n");

    hr = SHGetKnownFolderPath(&FOLDERID_RoamingAppData, 0, NULL, &path);
    ok(hr == S_OK && path && !wcsncmp(path, profile, lstrlenW(profile)) && wcsstr(path, L"AppData\\Roaming"),
       "RoamingAppData %ls\n", path);
    CoTaskMemFree(path);
    hr = SHGetKnownFolderPath(&FOLDERID_LocalAppData, 0, NULL, &path);
    ok(hr == S_OK && path && wcsstr(path, L"AppData\\Local"), "LocalAppData %ls\n", path);
    CoTaskMemFree(path);
    hr = SHGetKnownFolderPath(&FOLDERID_Documents, 0, NULL, &path);
    ok(hr == S_OK && path && !wcsncmp(path, profile, lstrlenW(profile)), "Documents %ls\n", path);
    CoTaskMemFree(path);
    hr = SHGetKnownFolderPath(&FOLDERID_ProgramFiles, 0, NULL, &path);
    ok(hr == S_OK && path && wcsstr(path, L"Program Files"), "ProgramFiles %ls\n", path);
    CoTaskMemFree(path);

    GetSystemDirectoryW(sys, MAX_PATH);
    GetWindowsDirectoryW(win, MAX_PATH);
    hr = SHGetKnownFolderPath(&FOLDERID_System, 0, NULL, &path);
    ok(hr == S_OK && path && !lstrcmpiW(path, sys), "System %ls vs %ls\n", path, sys);
    CoTaskMemFree(path);
    hr = SHGetKnownFolderPath(&FOLDERID_Windows, 0, NULL, &path);
    ok(hr == S_OK && path && !lstrcmpiW(path, win), "Windows %ls vs %ls\n", path, win);
    CoTaskMemFree(path);

    /* the CSIDL forms agree */
    hr = SHGetFolderPathW(NULL, CSIDL_PROFILE, NULL, SHGFP_TYPE_CURRENT, buf);
    ok(hr == S_OK && !lstrcmpiW(buf, profile), "CSIDL_PROFILE %ls\n", buf);
    ok(SHGetSpecialFolderPathW(NULL, buf, CSIDL_SYSTEM, FALSE) && !lstrcmpiW(buf, sys), "CSIDL_SYSTEM %ls\n", buf);
    {
        char a[MAX_PATH];
        hr = SHGetFolderPathA(NULL, CSIDL_WINDOWS, NULL, SHGFP_TYPE_CURRENT, a);
        ok(hr == S_OK && a[1] == ':', "SHGetFolderPathA %s\n", a);
        ok(SHGetSpecialFolderPathA(NULL, a, CSIDL_APPDATA, TRUE) && a[1] == ':', "SHGetSpecialFolderPathA\n");
    }
    ok(SHGetFolderPathW(NULL, 0x7777, NULL, 0, buf) == E_INVALIDARG, "bad CSIDL\n");

    path = (WCHAR *)1;
    hr = SHGetKnownFolderPath(&GUID_NULL, 0, NULL, &path);
    ok(FAILED(hr) && path == NULL, "unknown id: %#lx\n", hr);
    CoTaskMemFree(profile);
}

static void test_location(void)
{
    LPITEMIDLIST pidl = NULL;
    WCHAR buf[MAX_PATH], expect[MAX_PATH];
    HRESULT hr;

    SHGetFolderPathW(NULL, CSIDL_SYSTEM, NULL, 0, expect);
    hr = SHGetFolderLocation(NULL, CSIDL_SYSTEM, NULL, 0, &pidl);
    ok(hr == S_OK && pidl, "SHGetFolderLocation %#lx\n", hr);
    ok(SHGetPathFromIDListW(pidl, buf) && !lstrcmpiW(buf, expect), "SHGetPathFromIDListW %ls\n", buf);
    ILFree(pidl);

    /* ILCreateFromPath: the list of an existing path, its path back; none
       for a path that is not there */
    pidl = ILCreateFromPathW(expect);
    ok(pidl != NULL, "ILCreateFromPathW of %ls\n", expect);
    buf[0] = 0;
    ok(pidl && SHGetPathFromIDListW(pidl, buf) && !lstrcmpiW(buf, expect), "its path: %ls\n", buf);
    ILFree(pidl);
    pidl = ILCreateFromPathA("C:\\windows\\system32\\kernel32.dll");
    {
        char a[MAX_PATH] = "";
        ok(pidl && SHGetPathFromIDListA(pidl, a) && !lstrcmpiA(a, "C:\\windows\\system32\\kernel32.dll"), "a file's: %s\n", a);
    }
    ILFree(pidl);
    ok(ILCreateFromPathW(L"C:\\no\\such\\folder\\here") == NULL, "a missing path has none\n");
    ok(ILCreateFromPathW(NULL) == NULL, "NULL\n");
}

static void test_create_directory(void)
{
    WCHAR base[MAX_PATH], path[MAX_PATH];
    int err;

    GetTempPathW(MAX_PATH, base);
    wsprintfW(base + lstrlenW(base), L"shtest%lu", GetCurrentProcessId());
    lstrcpyW(path, base);
    lstrcatW(path, L"\\one\\two");
    err = SHCreateDirectoryExW(NULL, path, NULL);
    ok(err == ERROR_SUCCESS, "nested create %d\n", err);
    ok(GetFileAttributesW(path) & FILE_ATTRIBUTE_DIRECTORY, "not created\n");
    err = SHCreateDirectoryExW(NULL, path, NULL);
    ok(err == ERROR_ALREADY_EXISTS, "again: %d\n", err);
    err = SHCreateDirectoryExW(NULL, L"relative\\dir", NULL);
    ok(err == ERROR_BAD_PATHNAME, "relative: %d\n", err);
    RemoveDirectoryW(path);
    lstrcpyW(path, base);
    lstrcatW(path, L"\\one");
    RemoveDirectoryW(path);
    RemoveDirectoryW(base);
}

static void test_subdir(void)
{
    WCHAR base[MAX_PATH], path[MAX_PATH], expect[MAX_PATH];
    char patha[MAX_PATH];
    HRESULT hr;

    SHGetFolderPathW(NULL, CSIDL_LOCAL_APPDATA, NULL, SHGFP_TYPE_CURRENT, base);
    hr = SHGetFolderPathAndSubDirW(NULL, CSIDL_LOCAL_APPDATA, NULL, SHGFP_TYPE_CURRENT, NULL, path);
    ok(hr == S_OK && !lstrcmpiW(path, base), "no subfolder: %#lx %ls\n", hr, path);
    hr = SHGetFolderPathAndSubDirW(NULL, CSIDL_LOCAL_APPDATA, NULL, SHGFP_TYPE_CURRENT, L"", path);
    ok(hr == S_OK && !lstrcmpiW(path, base), "empty subfolder: %#lx %ls\n", hr, path);

    /* a missing subfolder: an error, unless not verified or created */
    hr = SHGetFolderPathAndSubDirW(NULL, CSIDL_LOCAL_APPDATA, NULL, SHGFP_TYPE_CURRENT, L"wlx-no-such\\sub", path);
    ok(hr == HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND), "missing subfolder: %#lx\n", hr);
    wsprintfW(expect, L"%s\\wlx-no-such\\sub", base);
    hr = SHGetFolderPathAndSubDirW(NULL, CSIDL_LOCAL_APPDATA | CSIDL_FLAG_DONT_VERIFY, NULL, SHGFP_TYPE_CURRENT,
                                   L"wlx-no-such\\sub", path);
    ok(hr == S_OK && !lstrcmpiW(path, expect), "not verified: %#lx %ls\n", hr, path);
    ok(GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES, "created without CSIDL_FLAG_CREATE\n");

    wsprintfW(expect, L"%s\\wlx-subdir-test\\a\\b", base);
    hr = SHGetFolderPathAndSubDirW(NULL, CSIDL_LOCAL_APPDATA | CSIDL_FLAG_CREATE, NULL, SHGFP_TYPE_CURRENT,
                                   L"wlx-subdir-test\\a\\b", path);
    ok(hr == S_OK && !lstrcmpiW(path, expect), "create: %#lx %ls\n", hr, path);
    ok(GetFileAttributesW(expect) & FILE_ATTRIBUTE_DIRECTORY, "subfolder not created\n");
    hr = SHGetFolderPathAndSubDirA(NULL, CSIDL_LOCAL_APPDATA, NULL, SHGFP_TYPE_CURRENT, "wlx-subdir-test\\a", patha);
    ok(hr == S_OK && strstr(patha, "wlx-subdir-test\\a"), "A form: %#lx %s\n", hr, patha);
    RemoveDirectoryW(expect);
    wsprintfW(expect, L"%s\\wlx-subdir-test\\a", base);
    RemoveDirectoryW(expect);
    wsprintfW(expect, L"%s\\wlx-subdir-test", base);
    RemoveDirectoryW(expect);

    ok(SHGetFolderPathAndSubDirW(NULL, 0x7777, NULL, 0, L"x", path) == E_INVALIDARG, "bad CSIDL\n");
}

static void test_execute(const char *self)
{
    SHELLEXECUTEINFOW info = { sizeof(info) };
    WCHAR exe[MAX_PATH];
    DWORD code = 0;
    HINSTANCE inst;

    GetModuleFileNameW(NULL, exe, MAX_PATH);
    info.fMask = SEE_MASK_NOCLOSEPROCESS;
    info.lpVerb = L"open";
    info.lpFile = exe;
    info.lpParameters = L"child 7";
    info.nShow = SW_HIDE;
    ok(ShellExecuteExW(&info), "ShellExecuteExW failed %lu\n", GetLastError());
    ok((UINT_PTR)info.hInstApp > 32, "hInstApp %p\n", info.hInstApp);
    ok(info.hProcess != NULL, "no process handle\n");
    if (info.hProcess)
    {
        ok(WaitForSingleObject(info.hProcess, 10000) == WAIT_OBJECT_0, "child did not end\n");
        GetExitCodeProcess(info.hProcess, &code);
        ok(code == 7, "child exit code %lu\n", code);
        CloseHandle(info.hProcess);
    }

    inst = ShellExecuteW(NULL, NULL, L"C:\\no\\such\\program.exe", NULL, NULL, SW_HIDE);
    ok((UINT_PTR)inst == SE_ERR_FNF || (UINT_PTR)inst == SE_ERR_PNF, "missing program: %p\n", inst);
}

int main(int argc, char **argv)
{
    if (argc > 2 && !strcmp(argv[1], "child")) return atoi(argv[2]);
    test_start("shell32/folders");
    test_known_folders();
    test_location();
    test_create_directory();
    test_subdir();
    test_execute(argv[0]);
    return test_summary();
}
