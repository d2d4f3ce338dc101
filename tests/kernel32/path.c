/*
 * tests/kernel32/path.c — path names through kernel32.
 *
 * Covers GetFullPathNameW (relative, ".", "..", forward slashes,
 * drive-relative, root-relative, UNC, trailing separators, the file part),
 * the current directory, GetTempPathW/GetTempFileNameW, long and short
 * names, the Windows and system directories, GetModuleFileNameW and
 * SearchPathW. Size rules differ between these calls and are checked:
 * on success the length without the NUL, when the buffer is too small
 * the size needed including it.
 */
#include "test.h"

static WCHAR saved_cwd[MAX_PATH];

/* The full path of rel and its file part (NULL when it ends in a separator). */
static void check_full_path(const WCHAR *rel, const WCHAR *expect, const WCHAR *expect_part)
{
    WCHAR buf[MAX_PATH], *part = (WCHAR *)0xdeadbeef;
    DWORD len = GetFullPathNameW(rel, MAX_PATH, buf, &part);

    if (!ok(len == (DWORD)lstrlenW(expect) && !lstrcmpiW(buf, expect),
            "GetFullPathNameW(%ls) = %lu %ls, expected %ls\n", rel, len, len ? buf : L"", expect))
        return;
    if (!expect_part)
        ok(part == NULL, "file part of %ls should be NULL\n", rel);
    else
        ok(part && part != (WCHAR *)0xdeadbeef && !lstrcmpiW(part, expect_part),
           "file part of %ls is wrong\n", rel);
}

static void test_full_path_name(void)
{
    ok(SetCurrentDirectoryW(L"C:\\windows"), "SetCurrentDirectoryW failed: %lu\n", GetLastError());
    check_full_path(L"foo.txt", L"C:\\windows\\foo.txt", L"foo.txt");
    check_full_path(L".\\foo.txt", L"C:\\windows\\foo.txt", L"foo.txt");
    check_full_path(L"..\\foo.txt", L"C:\\foo.txt", L"foo.txt");
    check_full_path(L"a/b/../c.txt", L"C:\\windows\\a\\c.txt", L"c.txt");
    check_full_path(L"C:/x//y/./z", L"C:\\x\\y\\z", L"z");
    /* ".." never climbs above the root. */
    check_full_path(L"C:\\a\\..\\..\\..\\b", L"C:\\b", L"b");
    /* A leading backslash is relative to the current drive's root. */
    check_full_path(L"\\top\\file", L"C:\\top\\file", L"file");
    /* "C:name" is relative to the current directory of drive C:. */
    check_full_path(L"C:foo", L"C:\\windows\\foo", L"foo");
    /* A drive with no recorded current directory starts at its root. */
    check_full_path(L"Q:foo", L"Q:\\foo", L"foo");
    check_full_path(L"C:\\abs\\path.txt", L"C:\\abs\\path.txt", L"path.txt");
    /* A trailing separator is kept and leaves no file part. */
    check_full_path(L"sub\\", L"C:\\windows\\sub\\", NULL);
    check_full_path(L"C:\\", L"C:\\", NULL);
    /* A final "." or ".." component is resolved away, and so is a trailing dot. */
    check_full_path(L"C:\\a\\b\\.", L"C:\\a\\b", L"b");
    check_full_path(L"C:\\a\\b\\..", L"C:\\a", L"a");
    check_full_path(L"C:\\a\\file.", L"C:\\a\\file", L"file");
    check_full_path(L"\\\\server\\share\\a\\..\\b", L"\\\\server\\share\\b", L"b");
}

static void test_full_path_sizes(void)
{
    WCHAR buf[MAX_PATH], *part;
    DWORD len;
    char bufa[MAX_PATH], *parta;

    /* Too small: the size needed including the NUL, buffer left alone. */
    lstrcpyW(buf, L"untouched");
    len = GetFullPathNameW(L"C:\\abc\\def", 5, buf, &part);
    ok(len == 11, "size needed %lu\n", len);
    ok(!lstrcmpW(buf, L"untouched"), "buffer changed to %ls\n", buf);
    len = GetFullPathNameW(L"C:\\abc\\def", 0, NULL, NULL);
    ok(len == 11, "size needed with no buffer %lu\n", len);
    len = GetFullPathNameW(L"C:\\abc\\def", 11, buf, NULL);
    ok(len == 10 && !lstrcmpW(buf, L"C:\\abc\\def"), "exact fit gave %lu %ls\n", len, buf);

    len = GetFullPathNameW(L"", MAX_PATH, buf, &part);
    ok(len == 0, "empty name gave %lu\n", len);

    len = GetFullPathNameA("C:\\dir\\..\\x.bin", MAX_PATH, bufa, &parta);
    ok(len == 8 && !lstrcmpiA(bufa, "C:\\x.bin") && parta == bufa + 3,
       "GetFullPathNameA gave %lu %s\n", len, bufa);
}

static void test_current_directory(void)
{
    WCHAR buf[MAX_PATH];
    DWORD len, err;
    BOOL ret;

    ok(SetCurrentDirectoryW(L"C:\\windows\\system32\\"), "SetCurrentDirectoryW failed: %lu\n", GetLastError());
    /* Stored without the trailing backslash... */
    len = GetCurrentDirectoryW(MAX_PATH, buf);
    ok(len == 19 && !lstrcmpiW(buf, L"C:\\windows\\system32"), "current directory %lu %ls\n", len, buf);
    /* ...except at a root. */
    ok(SetCurrentDirectoryW(L"C:\\"), "SetCurrentDirectoryW(C:\\) failed: %lu\n", GetLastError());
    len = GetCurrentDirectoryW(MAX_PATH, buf);
    ok(len == 3 && !lstrcmpiW(buf, L"C:\\"), "root current directory %lu %ls\n", len, buf);
    ok(SetCurrentDirectoryW(L"windows"), "relative SetCurrentDirectoryW failed: %lu\n", GetLastError());
    len = GetCurrentDirectoryW(MAX_PATH, buf);
    ok(len == 10 && !lstrcmpiW(buf, L"C:\\windows"), "after relative change %lu %ls\n", len, buf);

    len = GetCurrentDirectoryW(0, NULL);
    ok(len == 11, "size needed with no buffer %lu\n", len);
    lstrcpyW(buf, L"untouched");
    len = GetCurrentDirectoryW(5, buf);
    ok(len == 11, "size needed with a small buffer %lu\n", len);
    len = GetCurrentDirectoryW(11, buf);
    ok(len == 10, "exact fit gave %lu\n", len);

    SetLastError(0xdeadbeef);
    ret = SetCurrentDirectoryW(L"C:\\windows\\no-such-dir-wlx");
    err = GetLastError();
    ok(!ret && err == ERROR_FILE_NOT_FOUND, "missing folder: %d, last error %lu\n", ret, err);
    SetLastError(0xdeadbeef);
    ret = SetCurrentDirectoryW(L"C:\\no-such-dir-wlx\\sub");
    err = GetLastError();
    ok(!ret && err == ERROR_PATH_NOT_FOUND, "missing parent folder: %d, last error %lu\n", ret, err);
    len = GetCurrentDirectoryW(MAX_PATH, buf);
    ok(!lstrcmpiW(buf, L"C:\\windows"), "failed change moved the current directory to %ls\n", buf);
}

static void test_temp_path(void)
{
    WCHAR buf[MAX_PATH], small[4], old[MAX_PATH];
    DWORD len, len2, attr;
    BOOL had_tmp;

    len = GetTempPathW(MAX_PATH, buf);
    ok(len > 3 && len == (DWORD)lstrlenW(buf), "GetTempPathW returned %lu for %ls\n", len, buf);
    ok(buf[len - 1] == '\\', "temp path %ls does not end with a backslash\n", buf);
    attr = GetFileAttributesW(buf);
    ok(attr != INVALID_FILE_ATTRIBUTES && (attr & FILE_ATTRIBUTE_DIRECTORY), "temp path is not a folder\n");
    len2 = GetTempPathW(ARRAYSIZE(small), small);
    ok(len2 == len + 1, "size needed %lu for length %lu\n", len2, len);

    /* TMP comes first, and the result always gains a backslash. */
    had_tmp = GetEnvironmentVariableW(L"TMP", old, MAX_PATH) != 0;
    SetEnvironmentVariableW(L"TMP", L"C:\\windows");
    len = GetTempPathW(MAX_PATH, buf);
    ok(len == 11 && !lstrcmpiW(buf, L"C:\\windows\\"), "TMP=C:\\windows gave %lu %ls\n", len, buf);
    SetEnvironmentVariableW(L"TMP", had_tmp ? old : NULL);
}

static void test_temp_file_name(void)
{
    WCHAR dir[MAX_PATH], name[MAX_PATH], expect[MAX_PATH];
    UINT ret;
    DWORD attr;

    GetTempPathW(MAX_PATH, dir);
    /* Unique number 0: a new empty file is created. */
    ret = GetTempFileNameW(dir, L"wlxabc", 0, name);
    ok(ret != 0, "GetTempFileNameW failed: %lu\n", GetLastError());
    ok(!wcsncmp(name, dir, lstrlenW(dir)), "%ls is not inside %ls\n", name, dir);
    ok(!_wcsnicmp(name + lstrlenW(dir), L"wlx", 3), "prefix is not its first 3 characters: %ls\n", name);
    ok(!_wcsicmp(name + lstrlenW(name) - 4, L".tmp"), "extension of %ls is not .tmp\n", name);
    attr = GetFileAttributesW(name);
    ok(attr != INVALID_FILE_ATTRIBUTES, "the temp file was not created\n");
    ok(DeleteFileW(name), "cannot delete %ls: %lu\n", name, GetLastError());

    /* A given unique number only builds the name, in hexadecimal. */
    ret = GetTempFileNameW(dir, L"wlx", 0x1234, name);
    ok(ret == 0x1234, "GetTempFileNameW returned %#x\n", ret);
    lstrcpyW(expect, dir);
    lstrcatW(expect, L"wlx1234.tmp");
    ok(!lstrcmpiW(name, expect), "name %ls, expected %ls\n", name, expect);
    ok(GetFileAttributesW(name) == INVALID_FILE_ATTRIBUTES, "a file was created for a given number\n");
}

static void test_long_short_names(void)
{
    WCHAR dir[MAX_PATH], path[MAX_PATH], shortp[MAX_PATH], longp[MAX_PATH];
    DWORD len, err;
    HANDLE h;

    GetTempPathW(MAX_PATH, dir);
    _snwprintf(path, MAX_PATH - 1, L"%lswlx long name %lu.text", dir, GetCurrentProcessId());
    path[MAX_PATH - 1] = 0;
    h = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    ok(h != INVALID_HANDLE_VALUE, "cannot create %ls: %lu\n", path, GetLastError());
    CloseHandle(h);

    len = GetShortPathNameW(path, shortp, MAX_PATH);
    ok(len > 0 && len == (DWORD)lstrlenW(shortp), "GetShortPathNameW returned %lu\n", len);
    ok(GetFileAttributesW(shortp) != INVALID_FILE_ATTRIBUTES, "short name %ls does not open\n", shortp);
    len = GetLongPathNameW(shortp, longp, MAX_PATH);
    ok(len > 0 && len == (DWORD)lstrlenW(longp), "GetLongPathNameW returned %lu\n", len);
    ok(!lstrcmpiW(wcsrchr(longp, '\\'), wcsrchr(path, '\\')), "long name %ls for %ls\n", longp, path);
    len = GetLongPathNameW(shortp, NULL, 0);
    ok(len == (DWORD)lstrlenW(longp) + 1, "size needed %lu\n", len);

    DeleteFileW(path);
    SetLastError(0xdeadbeef);
    len = GetLongPathNameW(path, longp, MAX_PATH);
    err = GetLastError();
    ok(len == 0 && err == ERROR_FILE_NOT_FOUND, "missing file: %lu, last error %lu\n", len, err);
    SetLastError(0xdeadbeef);
    len = GetShortPathNameW(path, shortp, MAX_PATH);
    err = GetLastError();
    ok(len == 0 && err == ERROR_FILE_NOT_FOUND, "missing file (short): %lu, last error %lu\n", len, err);
}

static void test_system_directories(void)
{
    WCHAR buf[MAX_PATH], small[4];
    UINT len;

    len = GetWindowsDirectoryW(buf, MAX_PATH);
    ok(len == 10 && !lstrcmpiW(buf, L"C:\\windows"), "windows directory %u %ls\n", len, buf);
    len = GetWindowsDirectoryW(small, ARRAYSIZE(small));
    ok(len == 11, "size needed %u\n", len);
    len = GetSystemWindowsDirectoryW(buf, MAX_PATH);
    ok(len == 10 && !lstrcmpiW(buf, L"C:\\windows"), "system windows directory %u %ls\n", len, buf);

    len = GetSystemDirectoryW(buf, MAX_PATH);
    ok(len == 19 && !lstrcmpiW(buf, L"C:\\windows\\system32"), "system directory %u %ls\n", len, buf);
    len = GetSystemDirectoryW(small, ARRAYSIZE(small));
    ok(len == 20, "size needed %u\n", len);
    ok(GetFileAttributesW(buf) & FILE_ATTRIBUTE_DIRECTORY, "system directory is not a folder\n");
}

static void test_module_file_name(void)
{
    WCHAR buf[MAX_PATH], small[6];
    DWORD len, err;

    len = GetModuleFileNameW(NULL, buf, MAX_PATH);
    ok(len > 4 && len == (DWORD)lstrlenW(buf), "GetModuleFileNameW returned %lu\n", len);
    ok(((buf[0] | 0x20) >= 'a' && (buf[0] | 0x20) <= 'z' && buf[1] == ':' && buf[2] == '\\') ||
       (buf[0] == '\\' && buf[1] == '\\'), "%ls is not absolute\n", buf);
    ok(!lstrcmpiW(buf + len - 4, L".exe"), "%ls does not end with .exe\n", buf);
    ok(GetFileAttributesW(buf) != INVALID_FILE_ATTRIBUTES, "%ls does not exist\n", buf);

    /* Too small: truncated, NUL-terminated, nSize returned. */
    SetLastError(0xdeadbeef);
    memset(small, 0xcc, sizeof(small));
    len = GetModuleFileNameW(NULL, small, ARRAYSIZE(small));
    err = GetLastError();
    ok(len == ARRAYSIZE(small), "truncated length %lu\n", len);
    ok(err == ERROR_INSUFFICIENT_BUFFER || broken(err == 0xdeadbeef), "truncated: last error %lu\n", err);
    ok(!wcsncmp(small, buf, 5), "truncated name is not the start of the name\n");
    /* Since Vista the truncated name ends with a NUL in its last slot; Wine
     * fills all nSize slots with characters and writes no NUL, as XP did. */
    todo_wine(small[5] == 0, "truncated name is not NUL-terminated: %#x\n", small[5]);

    len = GetModuleFileNameW(GetModuleHandleW(L"kernel32.dll"), buf, MAX_PATH);
    ok(len > 12 && !lstrcmpiW(buf + len - 12, L"kernel32.dll"), "kernel32 module name %ls\n", buf);
}

static void test_search_path(void)
{
    WCHAR dir[MAX_PATH], path[MAX_PATH], found[MAX_PATH], *part = NULL;
    DWORD len, err;
    HANDLE h;

    GetTempPathW(MAX_PATH, dir);
    _snwprintf(path, MAX_PATH - 1, L"%lswlxsearch%lu.dat", dir, GetCurrentProcessId());
    path[MAX_PATH - 1] = 0;
    h = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CloseHandle(h);

    len = SearchPathW(dir, wcsrchr(path, '\\') + 1, NULL, MAX_PATH, found, &part);
    ok(len == (DWORD)lstrlenW(found) && !lstrcmpiW(found, path), "found %lu %ls\n", len, found);
    ok(part && !lstrcmpiW(part, wcsrchr(path, '\\') + 1), "file part %ls\n", part);

    /* The extension is only added to a name without one. */
    *wcsrchr(path, '.') = 0;
    len = SearchPathW(dir, wcsrchr(path, '\\') + 1, L".dat", MAX_PATH, found, NULL);
    ok(len > 0 && !_wcsicmp(found + len - 4, L".dat"), "search with extension gave %lu\n", len);
    lstrcatW(path, L".dat");

    len = SearchPathW(dir, wcsrchr(path, '\\') + 1, NULL, 0, NULL, NULL);
    ok(len == (DWORD)lstrlenW(path) + 1, "size needed %lu\n", len);
    DeleteFileW(path);

    SetLastError(0xdeadbeef);
    len = SearchPathW(dir, L"wlx-no-such-file.dat", NULL, MAX_PATH, found, NULL);
    err = GetLastError();
    ok(len == 0 && err == ERROR_FILE_NOT_FOUND, "missing file: %lu, last error %lu\n", len, err);

    /* With no path, the system directory is searched. */
    len = SearchPathW(NULL, L"kernel32.dll", NULL, MAX_PATH, found, NULL);
    ok(len > 0 && !lstrcmpiW(found, L"C:\\windows\\system32\\kernel32.dll"), "kernel32.dll found at %ls\n",
       len ? found : L"");
}

int main(int argc, char **argv)
{
    test_start("kernel32:path");
    GetCurrentDirectoryW(MAX_PATH, saved_cwd);
    test_full_path_name();
    test_full_path_sizes();
    test_current_directory();
    test_temp_path();
    test_temp_file_name();
    test_long_short_names();
    test_system_directories();
    test_module_file_name();
    test_search_path();
    SetCurrentDirectoryW(saved_cwd);
    return test_summary();
}
