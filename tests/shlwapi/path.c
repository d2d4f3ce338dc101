/*
 * tests/shlwapi/path.c — shlwapi's path strings (combine, canonicalize,
 * components, roots, quotes), the file-system checks, a few string
 * helpers, and associations for a type nothing is associated with.
 */
#include "test.h"
#include <shlwapi.h>

static void test_combine(void)
{
    static const struct { const WCHAR *dir, *file, *want; } tests[] =
    {
        { L"C:\\a", L"b.txt", L"C:\\a\\b.txt" },
        { L"C:\\a\\", L"b.txt", L"C:\\a\\b.txt" },
        { L"C:\\a\\b", L"..\\c", L"C:\\a\\c" },
        { L"C:\\a", L".\\c", L"C:\\a\\c" },
        { L"C:\\a", L"D:\\x", L"D:\\x" },
        { L"C:\\a\\b", L"\\x", L"C:\\x" },
        { L"C:\\a", NULL, L"C:\\a" },
        { L"C:\\a", L"", L"C:\\a" },
        { NULL, L"x", L"x" },
    };
    WCHAR buf[MAX_PATH];
    unsigned int i;

    for (i = 0; i < ARRAYSIZE(tests); i++)
    {
        WCHAR *ret;
        memset(buf, 0xcc, sizeof(buf));
        ret = PathCombineW(buf, tests[i].dir, tests[i].file);
        ok(ret == buf && !wcscmp(buf, tests[i].want), "%u: %p %ls\n", i, ret, ret ? buf : L"(null)");
    }
    ok(!PathCombineW(buf, NULL, NULL), "NULL, NULL combined\n");
    {
        char abuf[MAX_PATH];
        ok(PathCombineA(abuf, "C:\\x\\y", "..\\z.c") == abuf && !strcmp(abuf, "C:\\x\\z.c"), "A: %s\n", abuf);
    }
}

static void test_canonicalize(void)
{
    static const struct { const WCHAR *in, *want; } tests[] =
    {
        { L"C:\\a\\.\\b", L"C:\\a\\b" },
        { L"C:\\a\\b\\..\\c", L"C:\\a\\c" },
        { L"C:\\a\\b\\..", L"C:\\a" },
        { L"C:\\..", L"C:\\" },
        { L"C:\\a\\..\\..\\b", L"C:\\b" },
        { L"C:\\a\\b\\", L"C:\\a\\b\\" },
        { L"\\\\server\\share\\a\\..\\b", L"\\\\server\\share\\b" },
        { L"a\\.\\b", L"a\\b" },
        { L"", L"\\" },
    };
    WCHAR buf[MAX_PATH];
    unsigned int i;

    for (i = 0; i < ARRAYSIZE(tests); i++)
    {
        BOOL ret = PathCanonicalizeW(buf, tests[i].in);
        ok(ret && !wcscmp(buf, tests[i].want), "%ls: %d %ls\n", tests[i].in, ret, buf);
    }
}

static void test_components(void)
{
    WCHAR buf[MAX_PATH];
    const WCHAR *p = L"C:\\dir.d\\name.tar.gz";

    ok(PathFindFileNameW(p) == p + 9, "file name %ls\n", PathFindFileNameW(p));
    ok(PathFindFileNameW(L"C:\\a\\") == NULL || !wcscmp(PathFindFileNameW(L"C:\\a\\"), L"a\\"),
       "trailing separator: %ls\n", PathFindFileNameW(L"C:\\a\\"));
    ok(!wcscmp(PathFindFileNameW(L"x/y.c"), L"y.c"), "forward slash: %ls\n", PathFindFileNameW(L"x/y.c"));
    ok(!wcscmp(PathFindExtensionW(p), L".gz"), "extension %ls\n", PathFindExtensionW(p));
    p = L"C:\\dir.d\\name";
    ok(PathFindExtensionW(p) == p + wcslen(p), "no extension: %ls\n", PathFindExtensionW(p));
    ok(!strcmp(PathFindExtensionA("a.b\\c.txt"), ".txt"), "A extension %s\n", PathFindExtensionA("a.b\\c.txt"));

    wcscpy(buf, L"C:\\a\\b.txt");
    ok(PathRemoveFileSpecW(buf) && !wcscmp(buf, L"C:\\a"), "remove file spec: %ls\n", buf);
    ok(PathRemoveFileSpecW(buf) && !wcscmp(buf, L"C:\\"), "remove file spec: %ls\n", buf);
    ok(!PathRemoveFileSpecW(buf) && !wcscmp(buf, L"C:\\"), "remove file spec of a root: %ls\n", buf);
    wcscpy(buf, L"name.c");
    ok(PathRemoveFileSpecW(buf) && !buf[0], "remove file spec of a name: %ls\n", buf);

    wcscpy(buf, L"C:\\a");
    ok(PathAddBackslashW(buf) == buf + 5 && !wcscmp(buf, L"C:\\a\\"), "add backslash: %ls\n", buf);
    ok(PathAddBackslashW(buf) == buf + 5, "second add backslash\n");
    ok(PathRemoveBackslashW(buf) == buf + 4 && !wcscmp(buf, L"C:\\a"), "remove backslash: %ls\n", buf);
    wcscpy(buf, L"C:\\");
    PathRemoveBackslashW(buf);
    ok(!wcscmp(buf, L"C:\\"), "removed a root's backslash: %ls\n", buf);

    wcscpy(buf, L"C:\\a");
    ok(PathAppendW(buf, L"\\b\\c") && !wcscmp(buf, L"C:\\a\\b\\c"), "append: %ls\n", buf);
    wcscpy(buf, L"C:\\a\\b.txt");
    PathRemoveExtensionW(buf);
    ok(!wcscmp(buf, L"C:\\a\\b"), "remove extension: %ls\n", buf);
    PathStripPathW(buf);
    ok(!wcscmp(buf, L"b"), "strip path: %ls\n", buf);
    ok(!wcscmp(PathGetArgsW(L"\"C:\\a b\\x.exe\" -v 1"), L"-v 1"), "args: %ls\n",
       PathGetArgsW(L"\"C:\\a b\\x.exe\" -v 1"));
    wcscpy(buf, L"C:\\a b");
    PathQuoteSpacesW(buf);
    ok(!wcscmp(buf, L"\"C:\\a b\""), "quote: %ls\n", buf);
    PathUnquoteSpacesW(buf);
    ok(!wcscmp(buf, L"C:\\a b"), "unquote: %ls\n", buf);
}

static void test_kinds(void)
{
    ok(PathIsRelativeW(L"a\\b"), "a\\b absolute\n");
    ok(PathIsRelativeW(L""), "empty absolute\n");
    ok(!PathIsRelativeW(L"C:\\a"), "C:\\a relative\n");
    ok(!PathIsRelativeW(L"C:a"), "C:a relative\n");
    ok(!PathIsRelativeW(L"\\a"), "\\a relative\n");
    ok(!PathIsRelativeW(L"\\\\s\\x"), "UNC relative\n");
    ok(!PathIsRelativeA("D:\\"), "A: D:\\ relative\n");
    ok(PathIsRootW(L"C:\\"), "C:\\ no root\n");
    ok(PathIsRootW(L"\\"), "\\ no root\n");
    ok(PathIsRootW(L"\\\\server\\share"), "share no root\n");
    ok(!PathIsRootW(L"C:\\a"), "C:\\a a root\n");
    ok(!PathIsRootW(L"C:"), "C: a root\n");
    ok(PathIsUNCW(L"\\\\server\\share"), "not UNC\n");
    ok(!PathIsUNCW(L"C:\\a"), "C:\\a UNC\n");
}

static void test_file_system(void)
{
    WCHAR dir[MAX_PATH], file[MAX_PATH];
    HANDLE h;

    GetTempPathW(MAX_PATH, dir);
    PathAppendW(dir, L"wlx-shlwapi-test");
    CreateDirectoryW(dir, NULL);
    PathCombineW(file, dir, L"f.txt");
    h = CreateFileW(file, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CloseHandle(h);
    ok(PathFileExistsW(file), "file missing\n");
    ok(PathFileExistsW(dir), "folder missing\n");
    ok(PathIsDirectoryW(dir) == FILE_ATTRIBUTE_DIRECTORY, "folder: %d\n", PathIsDirectoryW(dir));
    ok(!PathIsDirectoryW(file), "file is a folder\n");
    DeleteFileW(file);
    ok(!PathFileExistsW(file), "deleted file exists\n");
    ok(!PathFileExistsW(NULL), "NULL exists\n");
    RemoveDirectoryW(dir);
    ok(!PathIsDirectoryA("C:\\no\\such\\folder"), "missing folder is one\n");
}

static void test_strings(void)
{
    const WCHAR *s = L"Hello, World";
    WCHAR *dup;

    ok(StrCmpIW(L"abc", L"ABC") == 0, "StrCmpIW\n");
    ok(StrCmpIW(L"abc", L"abd") < 0, "StrCmpIW order\n");
    ok(StrCmpW(L"abc", L"ABC") != 0, "StrCmpW ignores case\n");
    ok(StrCmpNIW(L"abcdef", L"ABCxyz", 3) == 0, "StrCmpNIW\n");
    ok(StrCmpNW(L"abcdef", L"abcxyz", 4) < 0, "StrCmpNW\n");
    ok(StrChrW(s, 'o') == s + 4, "StrChrW\n");
    ok(StrChrIW(s, 'w') == s + 7, "StrChrIW\n");
    ok(StrRChrW(s, NULL, 'o') == s + 8, "StrRChrW\n");
    ok(StrStrIW(s, L"WORLD") == s + 7, "StrStrIW\n");
    ok(StrStrW(s, L"WORLD") == NULL, "StrStrW ignores case\n");
    ok(StrToIntW(L"-42abc") == -42, "StrToIntW %d\n", StrToIntW(L"-42abc"));
    dup = StrDupW(s);
    ok(dup && !wcscmp(dup, s), "StrDupW\n");
    LocalFree(dup);
}

static void test_assoc(void)
{
    WCHAR buf[MAX_PATH];
    DWORD size = MAX_PATH;
    HRESULT hr = AssocQueryStringW(0, ASSOCSTR_EXECUTABLE, L".wlx-no-such-type", NULL, buf, &size);

    ok(hr == HRESULT_FROM_WIN32(ERROR_NO_ASSOCIATION), "unknown type: %08lx\n", hr);
}

int main(void)
{
    test_start("shlwapi/path");
    test_combine();
    test_canonicalize();
    test_components();
    test_kinds();
    test_file_system();
    test_strings();
    test_assoc();
    return test_summary();
}
