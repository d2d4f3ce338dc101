/*
 * shlwapi's URL functions: UrlIs (a scheme, a file URL, an opaque URL) and
 * PathCreateFromUrl, a "file:" URL to a Windows path: "file:///C:/a%20b"
 * and "file://localhost/C|/a" are "C:\a b", "file://server/share/x" is
 * "\\server\share\x"; %XX escapes are decoded, slashes become backslashes.
 */
#include "private.h"

#define INTERNET_MAX_URL_LENGTH 2084   /* wininet.h's limit */

/* the length of `url`'s scheme (letters, digits, '+', '-', '.' before a ':'), 0 for none */
static int scheme_len(const WCHAR *url)
{
    int i;

    for (i = 0; url[i] && url[i] != ':'; i++)
    {
        WCHAR c = url[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))))
            return 0;
    }
    /* one letter before ':' is a drive, not a scheme */
    return url[i] == ':' && i > 1 ? i : 0;
}

static BOOL has_scheme(const WCHAR *url, const WCHAR *scheme)
{
    int n = lstrlenW(scheme);
    return scheme_len(url) == n && !StrCmpNIW(url, scheme, n);
}

BOOL WINAPI UrlIsW(LPCWSTR url, URLIS what)
{
    static const WCHAR *opaque[] = { L"mailto", L"news", L"javascript", L"vbscript", L"about", L"shell" };
    int i;

    if (!url) return FALSE;
    switch (what)
    {
    case URLIS_URL:
        return scheme_len(url) > 0;
    case URLIS_FILEURL:
        return has_scheme(url, L"file");
    case URLIS_OPAQUE:
        for (i = 0; i < (int)(sizeof(opaque) / sizeof(opaque[0])); i++)
            if (has_scheme(url, opaque[i])) return TRUE;
        return FALSE;
    default:
        return FALSE;
    }
}

BOOL WINAPI UrlIsA(LPCSTR url, URLIS what)
{
    WCHAR buf[INTERNET_MAX_URL_LENGTH];
    if (!url || !MultiByteToWideChar(CP_ACP, 0, url, -1, buf, INTERNET_MAX_URL_LENGTH)) return FALSE;
    return UrlIsW(buf, what);
}

static int hexval(WCHAR c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static BOOL is_drive(const WCHAR *p)
{
    return ((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z')) && (p[1] == ':' || p[1] == '|') &&
           (!p[2] || p[2] == '/' || p[2] == '\\');
}

HRESULT WINAPI PathCreateFromUrlW(LPCWSTR url, LPWSTR path, LPDWORD size, DWORD reserved)
{
    const WCHAR *p;
    WCHAR *out;
    DWORD n = 0, len;
    int hi, lo;

    if (!url || !path || !size || !*size) return E_INVALIDARG;
    if (!has_scheme(url, L"file")) return E_INVALIDARG;
    p = url + 5;
    if (p[0] == '/' && p[1] == '/')
    {
        p += 2;
        if (!StrCmpNIW(p, L"localhost/", 10)) p += 9;
        if (*p == '/') { while (*p == '/') p++; }
        else if (!is_drive(p)) p -= 2;   /* file://server/share: a UNC path */
    }
    else while (*p == '/' && is_drive(p + 1)) p++;
    len = lstrlenW(p);
    if (!(out = HeapAlloc(GetProcessHeap(), 0, (len + 1) * sizeof(WCHAR)))) return E_OUTOFMEMORY;
    if (is_drive(p))
    {
        out[n++] = p[0];
        out[n++] = ':';
        p += 2;
    }
    for (; *p; p++)
    {
        if (*p == '%' && (hi = hexval(p[1])) >= 0 && (lo = hexval(p[2])) >= 0)
        {
            out[n++] = hi << 4 | lo;
            p += 2;
        }
        else out[n++] = *p == '/' ? '\\' : *p;
    }
    out[n] = 0;
    if (n + 1 > *size)
    {
        *size = n + 1;
        HeapFree(GetProcessHeap(), 0, out);
        return E_POINTER;
    }
    memcpy(path, out, (n + 1) * sizeof(WCHAR));
    *size = n;
    HeapFree(GetProcessHeap(), 0, out);
    return S_OK;
}

HRESULT WINAPI PathCreateFromUrlA(LPCSTR url, LPSTR path, LPDWORD size, DWORD reserved)
{
    WCHAR wurl[INTERNET_MAX_URL_LENGTH], wpath[MAX_PATH];
    DWORD wsize = MAX_PATH;
    HRESULT hr;
    int n;

    if (!url || !path || !size || !*size) return E_INVALIDARG;
    if (!MultiByteToWideChar(CP_ACP, 0, url, -1, wurl, INTERNET_MAX_URL_LENGTH)) return E_INVALIDARG;
    if ((hr = PathCreateFromUrlW(wurl, wpath, &wsize, reserved)) != S_OK) return hr;
    n = WideCharToMultiByte(CP_ACP, 0, wpath, -1, NULL, 0, NULL, NULL);
    if ((DWORD)n > *size) { *size = n; return E_POINTER; }
    WideCharToMultiByte(CP_ACP, 0, wpath, -1, path, *size, NULL, NULL);
    *size = n - 1;
    return S_OK;
}
