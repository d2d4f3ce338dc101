/*
 * tests/kernel32/pathcch.c — the PathCch functions, found the way programs
 * built for Windows 8 and later find them: through the API set
 * api-ms-win-core-path-l1-1-0 (Dart's VM imports PathAllocCanonicalize,
 * PathCchCombineEx and PathCchRemoveFileSpec from it). Canonical forms,
 * ".." never above the root, combining with absolute and root-relative
 * second paths, removing the last element (S_FALSE at a root), the
 * MAX_PATH limit without PATHCCH_ALLOW_LONG_PATHS and small buffers.
 */
#include "test.h"
#include <pathcch.h>

/* newer SDKs' flags (mingw-w64's pathcch.h stops at PATHCCH_ALLOW_LONG_PATHS) */
#ifndef PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH
#define PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH 0x10
#define PATHCCH_ENSURE_TRAILING_SLASH 0x20
#endif

static HRESULT (WINAPI *pPathAllocCanonicalize)(const WCHAR *, ULONG, WCHAR **);
static HRESULT (WINAPI *pPathCchCanonicalizeEx)(WCHAR *, SIZE_T, const WCHAR *, ULONG);
static HRESULT (WINAPI *pPathCchCombineEx)(WCHAR *, SIZE_T, const WCHAR *, const WCHAR *, ULONG);
static HRESULT (WINAPI *pPathCchRemoveFileSpec)(WCHAR *, SIZE_T);

static void test_canonicalize(void)
{
    /* cch: PathCchCanonicalizeEx's result where it differs */
    static const struct { const WCHAR *in, *want, *cch; } tests[] =
    {
        { L"C:\\a\\.\\b\\..\\c", L"C:\\a\\c" },
        { L"C:\\a\\b\\..\\..\\..", L"C:\\" },
        { L"C:\\..", L"C:\\" },
        { L"C:\\a\\b\\", L"C:\\a\\b\\" },
        { L"C:\\a\\..", L"C:\\" },
        { L"C:\\", L"C:\\" },
        { L"C:", L"C:", L"C:\\" },
        { L"a\\.\\b", L"a\\b" },
        { L"a\\..", L"\\" },
        { L"", L"\\" },
        { L"\\a\\..\\b", L"\\b" },
        { L"\\\\server\\share\\a\\..\\b", L"\\\\server\\share\\b" },
        { L"\\\\server\\share\\..", L"\\\\server" },
        /* the \\?\ prefix goes when the result fits in MAX_PATH */
        { L"\\\\?\\C:\\a\\..\\b", L"C:\\b" },
        { L"\\\\?\\UNC\\server\\share\\a\\..", L"\\\\server\\share" },
        { L"C:\\dart-sass\\src\\sass.snapshot", L"C:\\dart-sass\\src\\sass.snapshot" },
        /* drive-relative stays so */
        { L"C:a", L"C:a" },
    };
    WCHAR *out, buf[MAX_PATH + 10], big[MAX_PATH + 10];
    HRESULT hr;
    unsigned int i;

    for (i = 0; i < ARRAYSIZE(tests); i++)
    {
        out = (WCHAR *)0xdeadbeef;
        hr = pPathAllocCanonicalize(tests[i].in, 0, &out);
        if (ok(hr == S_OK, "PathAllocCanonicalize(%ls) = %#lx\n", tests[i].in, hr))
        {
            ok(!lstrcmpW(out, tests[i].want), "PathAllocCanonicalize(%ls) = %ls, expected %ls\n", tests[i].in, out, tests[i].want);
            LocalFree(out);
        }
        hr = pPathCchCanonicalizeEx(buf, ARRAYSIZE(buf), tests[i].in, 0);
        ok(hr == S_OK && !lstrcmpW(buf, tests[i].cch ? tests[i].cch : tests[i].want),
           "PathCchCanonicalizeEx(%ls) = %#lx %ls\n", tests[i].in, hr, buf);
    }

    out = (WCHAR *)0xdeadbeef;
    hr = pPathAllocCanonicalize(NULL, 0, &out);
    ok(hr == E_INVALIDARG && !out, "NULL path: %#lx %p\n", hr, out);
    hr = pPathAllocCanonicalize(L"C:\\a", 0, NULL);
    ok(hr == E_INVALIDARG, "NULL result: %#lx\n", hr);

    /* a buffer one character too small */
    hr = pPathCchCanonicalizeEx(buf, 4, L"C:\\ab", 0);
    ok(hr == E_NOT_SUFFICIENT_BUFFER, "small buffer: %#lx\n", hr);

    /* MAX_PATH characters with the NUL at most, unless long paths are allowed */
    big[0] = 'C'; big[1] = ':'; big[2] = '\\';
    for (i = 3; i < MAX_PATH + 5; i++) big[i] = 'x';
    big[i] = 0;
    out = NULL;
    hr = pPathAllocCanonicalize(big, 0, &out);
    ok(hr == HRESULT_FROM_WIN32(ERROR_FILENAME_EXCED_RANGE) && !out, "long path: %#lx\n", hr);
    /* allowed, a long result gets the \\?\ prefix */
    hr = pPathAllocCanonicalize(big, PATHCCH_ALLOW_LONG_PATHS, &out);
    ok(hr == S_OK && out && !wcsncmp(out, L"\\\\?\\", 4) && !lstrcmpW(out + 4, big), "long path allowed: %#lx %ls\n",
       hr, out ? out : L"");
    LocalFree(out);
    /* the limit is on the input too: ".." bringing it back under it does not help */
    lstrcpyW(big + MAX_PATH + 5, L"\\..");
    out = NULL;
    hr = pPathAllocCanonicalize(big, 0, &out);
    ok(hr == HRESULT_FROM_WIN32(ERROR_FILENAME_EXCED_RANGE) && !out, "long path with ..: %#lx\n", hr);
}

/* the flags: Dart's VM asks for extended-length paths */
static void test_flags(void)
{
    static const struct { const WCHAR *in; ULONG flags; HRESULT hr; const WCHAR *want; } tests[] =
    {
        { L"C:\\a\\b", PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH, S_OK, L"\\\\?\\C:\\a\\b" },
        { L"C:\\a\\..\\b", PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH, S_OK, L"\\\\?\\C:\\b" },
        { L"\\\\?\\C:\\a", PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH, S_OK, L"\\\\?\\C:\\a" },
        { L"a\\b", PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH, S_OK, L"a\\b" },
        { L"C:\\a\\b", PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH | PATHCCH_ALLOW_LONG_PATHS, E_INVALIDARG, NULL },
        { L"C:\\a\\b", PATHCCH_ENSURE_TRAILING_SLASH, S_OK, L"C:\\a\\b\\" },
        { L"C:\\a\\b\\", PATHCCH_ENSURE_TRAILING_SLASH, S_OK, L"C:\\a\\b\\" },
        { L"a", PATHCCH_ENSURE_TRAILING_SLASH, S_OK, L"a\\" },
        { L"C:\\a", PATHCCH_ENSURE_TRAILING_SLASH | PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH, S_OK, L"\\\\?\\C:\\a\\" },
        /* forcing long names on or off needs PATHCCH_ALLOW_LONG_PATHS */
        { L"C:\\a", 0x02 /* PATHCCH_FORCE_ENABLE_LONG_NAME_PROCESS */, E_INVALIDARG, NULL },
        { L"C:\\a", 0x06 /* both forces */, E_INVALIDARG, NULL },
        { L"C:\\a", 0x03, S_OK, L"C:\\a" },
    };
    unsigned int i;

    for (i = 0; i < ARRAYSIZE(tests); i++)
    {
        WCHAR *out = (WCHAR *)0xdeadbeef;
        HRESULT hr = pPathAllocCanonicalize(tests[i].in, tests[i].flags, &out);

        if (!tests[i].want)
            ok(hr == tests[i].hr && !out, "PathAllocCanonicalize(%ls, %#lx) = %#lx %p\n", tests[i].in, tests[i].flags, hr, out);
        else if (ok(hr == tests[i].hr, "PathAllocCanonicalize(%ls, %#lx) = %#lx\n", tests[i].in, tests[i].flags, hr))
        {
            ok(!lstrcmpW(out, tests[i].want), "PathAllocCanonicalize(%ls, %#lx) = %ls, expected %ls\n",
               tests[i].in, tests[i].flags, out, tests[i].want);
            LocalFree(out);
        }
    }
}

static void test_combine(void)
{
    static const struct { const WCHAR *a, *b, *want; } tests[] =
    {
        { L"C:\\a", L"b", L"C:\\a\\b" },
        { L"C:\\a\\", L"b", L"C:\\a\\b" },
        { L"C:\\a\\b", L"..\\c", L"C:\\a\\c" },
        { L"C:\\a", L"D:\\x", L"D:\\x" },
        { L"C:\\a\\b", L"\\x", L"C:\\x" },
        { L"\\\\server\\share\\a", L"\\x", L"\\\\server\\share\\x" },
        { L"C:\\a", L"\\\\server\\share\\x", L"\\\\server\\share\\x" },
        { L"C:\\a", NULL, L"C:\\a" },
        { L"C:\\a\\.", L"", L"C:\\a" },
        { NULL, L"x\\.\\y", L"x\\y" },
        { L"", L"x", L"x" },
    };
    WCHAR buf[MAX_PATH];
    HRESULT hr;
    unsigned int i;

    for (i = 0; i < ARRAYSIZE(tests); i++)
    {
        memset(buf, 0xcc, sizeof(buf));
        hr = pPathCchCombineEx(buf, ARRAYSIZE(buf), tests[i].a, tests[i].b, 0);
        ok(hr == S_OK && !lstrcmpW(buf, tests[i].want), "PathCchCombineEx(%ls, %ls) = %#lx %ls, expected %ls\n",
           tests[i].a ? tests[i].a : L"(null)", tests[i].b ? tests[i].b : L"(null)", hr, hr == S_OK ? buf : L"", tests[i].want);
    }
    hr = pPathCchCombineEx(buf, ARRAYSIZE(buf), NULL, NULL, 0);
    ok(hr == E_INVALIDARG, "two NULLs: %#lx\n", hr);
    hr = pPathCchCombineEx(NULL, ARRAYSIZE(buf), L"a", L"b", 0);
    ok(hr == E_INVALIDARG, "NULL buffer: %#lx\n", hr);
    hr = pPathCchCombineEx(buf, 5, L"C:\\a", L"bcd", 0);
    ok(hr == E_NOT_SUFFICIENT_BUFFER, "small buffer: %#lx\n", hr);
}

static void test_remove_file_spec(void)
{
    static const struct { const WCHAR *in, *want; HRESULT hr; } tests[] =
    {
        { L"C:\\a\\b", L"C:\\a", S_OK },
        { L"C:\\a", L"C:\\", S_OK },
        { L"C:\\", L"C:\\", S_FALSE },
        { L"C:\\a\\b\\", L"C:\\a\\b", S_OK },
        { L"a\\b", L"a", S_OK },
        { L"a", L"", S_OK },
        { L"", L"", S_FALSE },
        { L"\\a", L"\\", S_OK },
        { L"\\", L"\\", S_FALSE },
        { L"\\\\server\\share\\a", L"\\\\server\\share", S_OK },
        { L"\\\\server\\share", L"\\\\server\\share", S_FALSE },
        { L"\\\\?\\C:\\a", L"\\\\?\\C:\\", S_OK },
        { L"\\\\?\\UNC\\server\\share\\a", L"\\\\?\\UNC\\server\\share", S_OK },
    };
    WCHAR buf[MAX_PATH];
    HRESULT hr;
    unsigned int i;

    for (i = 0; i < ARRAYSIZE(tests); i++)
    {
        lstrcpyW(buf, tests[i].in);
        hr = pPathCchRemoveFileSpec(buf, ARRAYSIZE(buf));
        ok(hr == tests[i].hr && !lstrcmpW(buf, tests[i].want), "PathCchRemoveFileSpec(%ls) = %#lx %ls, expected %#lx %ls\n",
           tests[i].in, hr, buf, tests[i].hr, tests[i].want);
    }
    hr = pPathCchRemoveFileSpec(NULL, MAX_PATH);
    ok(hr == E_INVALIDARG, "NULL: %#lx\n", hr);
}

int main(void)
{
    HMODULE mod;

    test_start("kernel32/pathcch");
    mod = LoadLibraryA("api-ms-win-core-path-l1-1-0.dll");
    ok(mod != NULL, "api-ms-win-core-path-l1-1-0.dll: error %lu\n", GetLastError());
    if (!mod) return test_summary();
    pPathAllocCanonicalize = (void *)GetProcAddress(mod, "PathAllocCanonicalize");
    pPathCchCanonicalizeEx = (void *)GetProcAddress(mod, "PathCchCanonicalizeEx");
    pPathCchCombineEx = (void *)GetProcAddress(mod, "PathCchCombineEx");
    pPathCchRemoveFileSpec = (void *)GetProcAddress(mod, "PathCchRemoveFileSpec");
    ok(pPathAllocCanonicalize && pPathCchCanonicalizeEx && pPathCchCombineEx && pPathCchRemoveFileSpec,
       "missing exports\n");
    if (!pPathAllocCanonicalize || !pPathCchCanonicalizeEx || !pPathCchCombineEx || !pPathCchRemoveFileSpec)
        return test_summary();
    test_canonicalize();
    test_flags();
    test_combine();
    test_remove_file_spec();
    return test_summary();
}
