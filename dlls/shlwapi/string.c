/*
 * shlwapi's string helpers (StrCmpIW, StrChrW, StrStrIW, StrDupW, StrToIntW
 * and their kin): thin layers over kernel32's comparisons. Comparisons
 * answer <0, 0 or >0 as lstrcmp does.
 */
#include "private.h"

/* case-insensitive comparison of at most `count` characters (-1: to the end) */
static int compare_n(LPCWSTR a, LPCWSTR b, int count, BOOL ignore_case)
{
    return CompareStringW(GetThreadLocale(), ignore_case ? NORM_IGNORECASE : 0, a, count, b, count) - CSTR_EQUAL;
}

int WINAPI StrCmpW(LPCWSTR a, LPCWSTR b) { return compare_n(a, b, -1, FALSE); }
int WINAPI StrCmpIW(LPCWSTR a, LPCWSTR b) { return compare_n(a, b, -1, TRUE); }

/* the first `count` characters, fewer where a string is shorter */
static int prefix_len(LPCWSTR s, int count)
{
    int n = 0;
    while (n < count && s[n]) n++;
    return n;
}

static int compare_prefix(LPCWSTR a, LPCWSTR b, int count, BOOL ignore_case)
{
    if (count <= 0) return 0;
    return CompareStringW(GetThreadLocale(), ignore_case ? NORM_IGNORECASE : 0, a, prefix_len(a, count),
                          b, prefix_len(b, count)) - CSTR_EQUAL;
}

int WINAPI StrCmpNW(LPCWSTR a, LPCWSTR b, int count) { return compare_prefix(a, b, count, FALSE); }
int WINAPI StrCmpNIW(LPCWSTR a, LPCWSTR b, int count) { return compare_prefix(a, b, count, TRUE); }

/* one character upper-cased */
static WCHAR upper(WCHAR c)
{
    WCHAR out = c;
    LCMapStringW(LOCALE_INVARIANT, LCMAP_UPPERCASE, &c, 1, &out, 1);
    return out;
}

LPWSTR WINAPI StrChrW(LPCWSTR s, WCHAR c)
{
    if (!s) return NULL;
    for (; *s; s++) if (*s == c) return (LPWSTR)s;
    return NULL;
}

LPWSTR WINAPI StrChrIW(LPCWSTR s, WCHAR c)
{
    if (!s) return NULL;
    for (c = upper(c); *s; s++) if (upper(*s) == c) return (LPWSTR)s;
    return NULL;
}

/* the last `c` in [s, end) (end NULL: the whole string) */
LPWSTR WINAPI StrRChrW(LPCWSTR s, LPCWSTR end, WCHAR c)
{
    LPCWSTR last = NULL;

    if (!s) return NULL;
    for (; *s && (!end || s < end); s++) if (*s == c) last = s;
    return (LPWSTR)last;
}

static LPWSTR find_string(LPCWSTR s, LPCWSTR what, BOOL ignore_case)
{
    int n;

    if (!s || !what) return NULL;
    n = lstrlenW(what);
    for (; *s; s++) if (!compare_prefix(s, what, n, ignore_case) && prefix_len(s, n) == n) return (LPWSTR)s;
    return NULL;
}

LPWSTR WINAPI StrStrW(LPCWSTR s, LPCWSTR what) { return find_string(s, what, FALSE); }
LPWSTR WINAPI StrStrIW(LPCWSTR s, LPCWSTR what) { return find_string(s, what, TRUE); }

/* a copy in LocalAlloc memory (LocalFree frees it) */
LPWSTR WINAPI StrDupW(LPCWSTR s)
{
    int n = s ? lstrlenW(s) + 1 : 1;
    LPWSTR copy = LocalAlloc(LMEM_FIXED, n * sizeof(WCHAR));

    if (!copy) return NULL;
    if (s) memcpy(copy, s, n * sizeof(WCHAR));
    else copy[0] = 0;
    return copy;
}

LPSTR WINAPI StrDupA(LPCSTR s)
{
    int n = s ? lstrlenA(s) + 1 : 1;
    LPSTR copy = LocalAlloc(LMEM_FIXED, n);

    if (!copy) return NULL;
    if (s) memcpy(copy, s, n);
    else copy[0] = 0;
    return copy;
}

/* a decimal number with an optional '-'; digits stop at the first non-digit */
int WINAPI StrToIntW(LPCWSTR s)
{
    int value = 0, sign = 1;

    if (!s) return 0;
    if (*s == '-') { sign = -1; s++; }
    for (; *s >= '0' && *s <= '9'; s++) value = value * 10 + (*s - '0');
    return value * sign;
}

LPWSTR WINAPI StrCpyW(LPWSTR dst, LPCWSTR src) { return lstrcpyW(dst, src); }
LPWSTR WINAPI StrCatW(LPWSTR dst, LPCWSTR src) { return lstrcatW(dst, src); }

/* copies at most count - 1 characters and always terminates */
LPWSTR WINAPI StrCpyNW(LPWSTR dst, LPCWSTR src, int count)
{
    int n = 0;

    if (!dst || count <= 0) return dst;
    if (src) for (; n < count - 1 && src[n]; n++) dst[n] = src[n];
    dst[n] = 0;
    return dst;
}
