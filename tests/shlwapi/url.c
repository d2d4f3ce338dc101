/*
 * tests/shlwapi/url.c — UrlIsW (a URL, a file URL, an opaque URL) and
 * PathCreateFromUrlW: file URLs with three slashes, "localhost", a "|"
 * for the drive's colon, a server (a UNC path), %XX escapes; a URL that
 * is not a file URL is E_INVALIDARG; a buffer too small is E_POINTER
 * (Dart's VM turns its script URIs into paths with it).
 */
#include "test.h"
#include <shlwapi.h>

static void test_url_is(void)
{
    ok(UrlIsW(L"file:///C:/a", URLIS_FILEURL), "file URL\n");
    ok(UrlIsW(L"FILE://server/x", URLIS_FILEURL), "FILE URL\n");
    ok(!UrlIsW(L"http://example.com/", URLIS_FILEURL), "http is a file URL\n");
    ok(!UrlIsW(L"C:\\a\\b", URLIS_FILEURL), "a path is a file URL\n");
    ok(UrlIsW(L"http://example.com/", URLIS_URL), "http is no URL\n");
    ok(!UrlIsW(L"C:\\a\\b", URLIS_URL), "a path is a URL\n");
    ok(!UrlIsW(L"plain", URLIS_URL), "a word is a URL\n");
    ok(UrlIsW(L"mailto:someone@example.com", URLIS_OPAQUE), "mailto is not opaque\n");
    ok(!UrlIsW(L"http://example.com/", URLIS_OPAQUE), "http is opaque\n");
}

static void test_path_from_url(void)
{
    static const struct { const WCHAR *url, *want; } tests[] =
    {
        { L"file:///C:/a/b.txt", L"C:\\a\\b.txt" },
        { L"file:///C:/a%20b/c%25d", L"C:\\a b\\c%d" },
        { L"file://localhost/C:/x", L"C:\\x" },
        { L"file:///C|/x", L"C:\\x" },
        { L"file://server/share/x", L"\\\\server\\share\\x" },
        { L"file:///D:/dart-sass/src/sass.snapshot", L"D:\\dart-sass\\src\\sass.snapshot" },
    };
    WCHAR buf[MAX_PATH];
    DWORD size;
    HRESULT hr;
    unsigned int i;

    for (i = 0; i < ARRAYSIZE(tests); i++)
    {
        size = ARRAYSIZE(buf);
        hr = PathCreateFromUrlW(tests[i].url, buf, &size, 0);
        ok(hr == S_OK && !lstrcmpW(buf, tests[i].want) && size == (DWORD)lstrlenW(tests[i].want),
           "PathCreateFromUrlW(%ls) = %#lx %ls %lu, expected %ls\n", tests[i].url, hr, hr == S_OK ? buf : L"", size, tests[i].want);
    }
    size = ARRAYSIZE(buf);
    hr = PathCreateFromUrlW(L"http://example.com/x", buf, &size, 0);
    ok(hr == E_INVALIDARG, "http URL: %#lx\n", hr);
    size = 3;
    hr = PathCreateFromUrlW(L"file:///C:/abc", buf, &size, 0);
    ok(hr == E_POINTER, "small buffer: %#lx\n", hr);
}

int main(void)
{
    test_start("shlwapi/url");
    test_url_is();
    test_path_from_url();
    return test_summary();
}
