/*
 * kernel32/pathcch.c — the PathCch path-string functions of Windows 8
 * (api-ms-win-core-path-l1-1-0, kernelbase on Windows): canonicalizing
 * ("." and ".." elements resolved, never above the root), combining, and
 * removing the last element. Pure string work: the file system is never
 * asked. Roots: "X:\", "X:", "\", "\\server\share", "\\?\X:\",
 * "\\?\UNC\server\share" and "\\?\Volume{...}\".
 *
 * Results longer than MAX_PATH (with the NUL) fail with
 * ERROR_FILENAME_EXCED_RANGE unless PATHCCH_ALLOW_LONG_PATHS is given;
 * PATHCCH_MAX_CCH is the limit then. PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH
 * (Dart's VM canonicalizes its own paths with it) gives "\\?\X:\..." and
 * PATHCCH_ENSURE_TRAILING_SLASH a final backslash. A buffer too small for the result is
 * E_NOT_SUFFICIENT_BUFFER. The Alloc functions' results are LocalAlloc'd.
 */
#include "private.h"
#include <pathcch.h>

/* the flags newer SDKs have (mingw-w64's pathcch.h stops at PATHCCH_ALLOW_LONG_PATHS) */
#ifndef PATHCCH_FORCE_ENABLE_LONG_NAME_PROCESS
#define PATHCCH_FORCE_ENABLE_LONG_NAME_PROCESS 0x02
#define PATHCCH_FORCE_DISABLE_LONG_NAME_PROCESS 0x04
#define PATHCCH_DO_NOT_NORMALIZE_SEGMENTS 0x08
#define PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH 0x10
#define PATHCCH_ENSURE_TRAILING_SLASH 0x20
#endif

static BOOL is_letter(WCHAR c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* the end of a "server\share" part: past the share's name */
static size_t skip_server_share(const WCHAR *p, size_t i)
{
    while (p[i] && p[i] != '\\') i++;
    if (p[i] == '\\') { i++; while (p[i] && p[i] != '\\') i++; }
    return i;
}

/* how many characters of `p` are its root ("C:\" 3, "\\s\sh" 5, relative 0) */
static size_t root_len(const WCHAR *p)
{
    if (p[0] == '\\' && p[1] == '\\' && p[2] == '?' && p[3] == '\\')
    {
        if ((p[4] == 'U' || p[4] == 'u') && (p[5] == 'N' || p[5] == 'n') && (p[6] == 'C' || p[6] == 'c') && p[7] == '\\')
            return skip_server_share(p, 8);
        if (is_letter(p[4]) && p[5] == ':') return p[6] == '\\' ? 7 : 6;
        {
            size_t i = 4;
            while (p[i] && p[i] != '\\') i++;
            return p[i] ? i + 1 : i;
        }
    }
    if (p[0] == '\\' && p[1] == '\\') return skip_server_share(p, 2);
    if (is_letter(p[0]) && p[1] == ':') return p[2] == '\\' ? 3 : 2;
    if (p[0] == '\\') return 1;
    return 0;
}

static size_t wlen(const WCHAR *s) { size_t n = 0; while (s[n]) n++; return n; }

/* canonical `in` into a new heap string. "\\?\X:\" and "\\?\UNC\" paths lose
 * their prefix when the result fits in MAX_PATH; a longer result gets one
 * (PATHCCH_ALLOW_LONG_PATHS) or fails; PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH
 * gives a drive path one always. ".." may climb over a UNC path's share,
 * never over its server. */
static HRESULT canonicalize(const WCHAR *in, ULONG flags, WCHAR **result)
{
    const ULONG force = PATHCCH_FORCE_ENABLE_LONG_NAME_PROCESS | PATHCCH_FORCE_DISABLE_LONG_NAME_PROCESS;
    BOOL extended = !!(flags & PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH), unc = FALSE;
    size_t n = wlen(in), r, len = 0, i, seg, skip = 0;
    size_t max = (flags & PATHCCH_ALLOW_LONG_PATHS) || extended ? PATHCCH_MAX_CCH : MAX_PATH;
    const WCHAR *p;
    WCHAR *out;

    *result = NULL;
    /* extended paths exclude the long-path choice; forcing long names needs it, one way */
    if ((extended && (flags & PATHCCH_ALLOW_LONG_PATHS)) || (flags & force) == force ||
        ((flags & force) && !(flags & PATHCCH_ALLOW_LONG_PATHS)))
        return E_INVALIDARG;
    if (n + 1 > max) return HRESULT_FROM_WIN32(ERROR_FILENAME_EXCED_RANGE);
    if (in[0] == '\\' && in[1] == '\\' && in[2] == '?' && in[3] == '\\')
    {
        if (is_letter(in[4]) && in[5] == ':') skip = 4;
        else if ((in[4] == 'U' || in[4] == 'u') && (in[5] == 'N' || in[5] == 'n') &&
                 (in[6] == 'C' || in[6] == 'c') && in[7] == '\\')
            skip = 8;
    }
    /* room for the path, a "\\?\UNC\" prefix, a separator and the NUL */
    if (!(out = HeapAlloc(GetProcessHeap(), 0, (n + 12) * sizeof(WCHAR)))) return E_OUTOFMEMORY;
    p = in + skip;
    if (skip == 8) { out[len++] = '\\'; out[len++] = '\\'; unc = TRUE; }
    else if (p[0] == '\\' && p[1] == '\\' && p[2] != '?') unc = TRUE;
    if (unc)
    {
        /* the root is "\\server" */
        for (i = skip == 8 ? 0 : 2; p[i] && p[i] != '\\'; i++) ;
        r = i;
    }
    else r = root_len(p);
    memcpy(out + len, p, r * sizeof(WCHAR));
    len += r;
    r = len;
    for (i = r - (skip == 8 ? 2 : 0); p[i]; )
    {
        if (p[i] == '\\') { i++; continue; }
        for (seg = i; p[i] && p[i] != '\\'; i++) ;
        if (i - seg == 1 && p[seg] == '.') continue;
        if (i - seg == 2 && p[seg] == '.' && p[seg + 1] == '.')
        {
            /* back to the separator before the last element, never into the root */
            while (len > r && out[len - 1] != '\\') len--;
            if (len > r) len--;
            continue;
        }
        /* "C:a" stays drive-relative */
        if (len && out[len - 1] != '\\' && !(len == r && out[len - 1] == ':')) out[len++] = '\\';
        memcpy(out + len, p + seg, (i - seg) * sizeof(WCHAR));
        len += i - seg;
    }
    /* a trailing separator stays after a name */
    if (n > skip && in[n - 1] == '\\' && len > r && out[len - 1] != '\\') out[len++] = '\\';
    if (!len) out[len++] = '\\';
    if ((flags & PATHCCH_ENSURE_TRAILING_SLASH) && out[len - 1] != '\\') out[len++] = '\\';
    out[len] = 0;
    if (len + 1 > MAX_PATH || extended)
    {
        size_t pre = unc ? 6 : 4;   /* "\\?\UNC" replaces "\\"; "\\?\" goes before "X:" */

        if (len + 1 > MAX_PATH && (!(flags & PATHCCH_ALLOW_LONG_PATHS) || len + pre + 1 > PATHCCH_MAX_CCH) &&
            !extended)
        {
            HeapFree(GetProcessHeap(), 0, out);
            return HRESULT_FROM_WIN32(ERROR_FILENAME_EXCED_RANGE);
        }
        /* PATHCCH_ENSURE_IS_EXTENDED_LENGTH_PATH prefixes drive paths only (as Wine has it) */
        if ((unc && !extended) || (is_letter(out[0]) && out[1] == ':'))
        {
            memmove(out + pre, out, (len + 1) * sizeof(WCHAR));
            memcpy(out, unc ? L"\\\\?\\UNC" : L"\\\\?\\", (unc ? 7 : 4) * sizeof(WCHAR));
        }
    }
    *result = out;
    return S_OK;
}

/* `s` into the caller's buffer of `size` characters; frees `s` */
static HRESULT to_buffer(WCHAR *s, WCHAR *buf, size_t size)
{
    size_t n = wlen(s);
    HRESULT hr = S_OK;

    if (n + 1 > size) { hr = E_NOT_SUFFICIENT_BUFFER; if (size) buf[0] = 0; }
    else memcpy(buf, s, (n + 1) * sizeof(WCHAR));
    HeapFree(GetProcessHeap(), 0, s);
    return hr;
}

/* `s` as a LocalAlloc'd string; frees `s` */
static HRESULT to_local(WCHAR *s, WCHAR **out)
{
    size_t n = wlen(s);
    WCHAR *l = LocalAlloc(LMEM_FIXED, (n + 1) * sizeof(WCHAR));

    if (l) memcpy(l, s, (n + 1) * sizeof(WCHAR));
    HeapFree(GetProcessHeap(), 0, s);
    if (!l) return E_OUTOFMEMORY;
    *out = l;
    return S_OK;
}

HRESULT WINAPI PathAllocCanonicalize(const WCHAR *in, ULONG flags, WCHAR **out)
{
    WCHAR *s;
    HRESULT hr;

    if (!out) return E_INVALIDARG;
    *out = NULL;
    if (!in) return E_INVALIDARG;
    if ((hr = canonicalize(in, flags, &s)) != S_OK) return hr;
    return to_local(s, out);
}

HRESULT WINAPI PathCchCanonicalizeEx(WCHAR *out, SIZE_T size, const WCHAR *in, ULONG flags)
{
    WCHAR *s;
    HRESULT hr;

    if (!out || !size || size > PATHCCH_MAX_CCH || !in) return E_INVALIDARG;
    if ((hr = canonicalize(in, flags, &s)) != S_OK) { out[0] = 0; return hr; }
    /* unlike PathAllocCanonicalize, a bare drive gets its backslash */
    if (is_letter(s[0]) && s[1] == ':' && !s[2]) { s[2] = '\\'; s[3] = 0; }
    return to_buffer(s, out, size);
}

HRESULT WINAPI PathCchCanonicalize(WCHAR *out, SIZE_T size, const WCHAR *in)
{
    return PathCchCanonicalizeEx(out, size, in, 0);
}

/* `first` and `more` joined, canonical, into a new heap string */
static HRESULT combine(const WCHAR *first, const WCHAR *more, ULONG flags, WCHAR **result)
{
    size_t n1, n2, r;
    WCHAR *joined;
    HRESULT hr;

    *result = NULL;
    if (!first && !more) return E_INVALIDARG;
    if (!more || !*more) return canonicalize(first ? first : L"", flags, result);
    /* a path with a drive or server of its own replaces the first */
    if (!first || !*first || (root_len(more) && !(more[0] == '\\' && more[1] != '\\')))
        return canonicalize(more, flags, result);
    n1 = wlen(first);
    n2 = wlen(more);
    if (!(joined = HeapAlloc(GetProcessHeap(), 0, (n1 + n2 + 2) * sizeof(WCHAR)))) return E_OUTOFMEMORY;
    if (more[0] == '\\')
    {
        /* "\x" is relative to the first path's root */
        r = root_len(first);
        while (r && first[r - 1] == '\\') r--;
        memcpy(joined, first, r * sizeof(WCHAR));
        memcpy(joined + r, more, (n2 + 1) * sizeof(WCHAR));
    }
    else
    {
        memcpy(joined, first, n1 * sizeof(WCHAR));
        if (first[n1 - 1] != '\\') joined[n1++] = '\\';
        memcpy(joined + n1, more, (n2 + 1) * sizeof(WCHAR));
    }
    hr = canonicalize(joined, flags, result);
    HeapFree(GetProcessHeap(), 0, joined);
    return hr;
}

HRESULT WINAPI PathCchCombineEx(WCHAR *out, SIZE_T size, const WCHAR *first, const WCHAR *more, ULONG flags)
{
    WCHAR *s;
    HRESULT hr;

    if (!out || !size || size > PATHCCH_MAX_CCH) return E_INVALIDARG;
    if ((hr = combine(first, more, flags, &s)) != S_OK) { out[0] = 0; return hr; }
    return to_buffer(s, out, size);
}

HRESULT WINAPI PathCchCombine(WCHAR *out, SIZE_T size, const WCHAR *first, const WCHAR *more)
{
    return PathCchCombineEx(out, size, first, more, 0);
}

HRESULT WINAPI PathAllocCombine(const WCHAR *first, const WCHAR *more, ULONG flags, WCHAR **out)
{
    WCHAR *s;
    HRESULT hr;

    if (!out) return E_INVALIDARG;
    *out = NULL;
    if ((hr = combine(first, more, flags, &s)) != S_OK) return hr;
    return to_local(s, out);
}

/* S_OK when an element was removed, S_FALSE when only the root (or nothing) was left */
HRESULT WINAPI PathCchRemoveFileSpec(WCHAR *path, SIZE_T size)
{
    WCHAR *rest, *last = NULL, *p;

    if (!path || !size || size > PATHCCH_MAX_CCH) return E_INVALIDARG;
    rest = path + root_len(path);
    if (!*rest) return S_FALSE;
    for (p = rest; *p; p++) if (*p == '\\') last = p;
    *(last ? last : rest) = 0;
    return S_OK;
}

HRESULT WINAPI PathCchSkipRoot(const WCHAR *path, const WCHAR **root_end)
{
    size_t r;

    if (!path || !root_end || !*path) return E_INVALIDARG;
    if (!(r = root_len(path))) return E_INVALIDARG;
    /* the separator after "\\server\share" belongs to the root */
    if (path[r] == '\\' && path[r - 1] != '\\') r++;
    *root_end = path + r;
    return S_OK;
}
