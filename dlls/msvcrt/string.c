/*
 * string.c — memory and string functions: mem*, str*, _str*, wcs*, _wcs*,
 * their *_s forms, strtok/wcstok (state kept per thread in TLS slots) and
 * strerror with msvcrt's message table.
 *
 * Case-insensitive functions follow the "C" locale, where only A-Z and a-z
 * pair up (msvcrt's default; setlocale() does not change them here).
 */
#include "format.h"
#include <wchar.h>

/* These functions are the implementations gcc would call for such loops. */
#pragma GCC optimize("no-tree-loop-distribute-patterns")

#define EINVAL 22
#define ERANGE 34

static inline int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static inline int ascii_upper(int c)
{
    return c >= 'a' && c <= 'z' ? c - 32 : c;
}

static int invalid(int err)
{
    *_errno() = err;
    _invalid_parameter_noinfo();
    return err;
}

/* ---- memory ----------------------------------------------------------- */

void *__cdecl memcpy(void *dst, const void *src, size_t n)
{
    return memmove(dst, src, n);   /* msvcrt's memcpy tolerates overlap */
}

void *__cdecl memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d < s || d >= s + n)
    {
        for (; n >= 8 && !(((ULONG_PTR)d | (ULONG_PTR)s) & 7); n -= 8, d += 8, s += 8)
            *(UINT64 *)d = *(const UINT64 *)s;
        while (n--) *d++ = *s++;
    }
    else
        while (n--) d[n] = s[n];
    return dst;
}

void *__cdecl memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    while (n--) *d++ = (unsigned char)c;
    return dst;
}

int __cdecl memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;
    for (; n; n--, p++, q++) if (*p != *q) return *p < *q ? -1 : 1;
    return 0;
}

void *__cdecl memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;
    for (; n; n--, p++) if (*p == (unsigned char)c) return (void *)p;
    return NULL;
}

void *__cdecl _memccpy(void *dst, const void *src, int c, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    while (n--) if ((*d++ = *s++) == (unsigned char)c) return d;
    return NULL;
}

int __cdecl _memicmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;
    for (; n; n--, p++, q++)
    {
        int x = ascii_lower(*p), y = ascii_lower(*q);
        if (x != y) return x - y;
    }
    return 0;
}

int __cdecl _memicmp_l(const void *a, const void *b, size_t n, _locale_t locale)
{
    return _memicmp(a, b, n);
}

errno_t __cdecl memmove_s(void *dst, size_t size, const void *src, size_t n)
{
    if (!n) return 0;
    if (!dst || !src) return invalid(EINVAL);
    if (n > size) return invalid(ERANGE);
    memmove(dst, src, n);
    return 0;
}

errno_t __cdecl memcpy_s(void *dst, size_t size, const void *src, size_t n)
{
    if (!n) return 0;
    if (!dst) return invalid(EINVAL);
    if (!src) { memset(dst, 0, size); return invalid(EINVAL); }
    if (n > size) { memset(dst, 0, size); return invalid(ERANGE); }
    memmove(dst, src, n);
    return 0;
}

/* ---- narrow strings --------------------------------------------------- */

size_t __cdecl strlen(const char *s)
{
    const char *p = s;
    while (*p) p++;
    return p - s;
}

size_t __cdecl strnlen(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n]) n++;
    return n;
}

char *__cdecl strcpy(char *dst, const char *src)
{
    char *d = dst;
    while ((*d++ = *src++));
    return dst;
}

char *__cdecl strncpy(char *dst, const char *src, size_t n)
{
    size_t i = 0;
    for (; i < n && src[i]; i++) dst[i] = src[i];
    for (; i < n; i++) dst[i] = 0;
    return dst;
}

char *__cdecl strcat(char *dst, const char *src)
{
    strcpy(dst + strlen(dst), src);
    return dst;
}

char *__cdecl strncat(char *dst, const char *src, size_t n)
{
    char *d = dst + strlen(dst);
    while (n-- && *src) *d++ = *src++;
    *d = 0;
    return dst;
}

int __cdecl strcmp(const char *a, const char *b)
{
    while (*a && *a == *b) { a++; b++; }
    if ((unsigned char)*a == (unsigned char)*b) return 0;
    return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
}

int __cdecl strncmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++)
    {
        if (*a != *b) return (unsigned char)*a - (unsigned char)*b;
        if (!*a) break;
    }
    return 0;
}

int __cdecl _strnicmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++)
    {
        int x = ascii_lower((unsigned char)*a), y = ascii_lower((unsigned char)*b);
        if (x != y) return x - y;
        if (!x) break;
    }
    return 0;
}

int __cdecl _stricmp(const char *a, const char *b)
{
    return _strnicmp(a, b, (size_t)-1);
}

int __cdecl _stricmp_l(const char *a, const char *b, _locale_t locale)
{
    return _stricmp(a, b);
}

int __cdecl _strnicmp_l(const char *a, const char *b, size_t n, _locale_t locale)
{
    return _strnicmp(a, b, n);
}

/* Collation in the "C" locale is plain byte order. */
int __cdecl strcoll(const char *a, const char *b) { return strcmp(a, b); }
int __cdecl _strcoll_l(const char *a, const char *b, _locale_t l) { return strcmp(a, b); }
int __cdecl _stricoll(const char *a, const char *b) { return _stricmp(a, b); }
int __cdecl _stricoll_l(const char *a, const char *b, _locale_t l) { return _stricmp(a, b); }
int __cdecl _strncoll(const char *a, const char *b, size_t n) { return strncmp(a, b, n); }
int __cdecl _strncoll_l(const char *a, const char *b, size_t n, _locale_t l) { return strncmp(a, b, n); }
int __cdecl _strnicoll(const char *a, const char *b, size_t n) { return _strnicmp(a, b, n); }
int __cdecl _strnicoll_l(const char *a, const char *b, size_t n, _locale_t l) { return _strnicmp(a, b, n); }

size_t __cdecl strxfrm(char *dst, const char *src, size_t n)
{
    size_t len = strlen(src);
    if (dst && len < n) strcpy(dst, src);
    else if (dst && n) { memcpy(dst, src, n); }
    return len;
}

size_t __cdecl _strxfrm_l(char *dst, const char *src, size_t n, _locale_t locale)
{
    return strxfrm(dst, src, n);
}

char *__cdecl strchr(const char *s, int c)
{
    for (;; s++)
    {
        if (*s == (char)c) return (char *)s;
        if (!*s) return NULL;
    }
}

char *__cdecl strrchr(const char *s, int c)
{
    const char *found = NULL;
    for (;; s++)
    {
        if (*s == (char)c) found = s;
        if (!*s) return (char *)found;
    }
}

char *__cdecl strstr(const char *s, const char *find)
{
    size_t n = strlen(find);
    for (; *s; s++) if (!strncmp(s, find, n)) return (char *)s;
    return n ? NULL : (char *)s;
}

size_t __cdecl strspn(const char *s, const char *accept)
{
    size_t n = 0;
    while (s[n] && strchr(accept, s[n])) n++;
    return n;
}

size_t __cdecl strcspn(const char *s, const char *reject)
{
    size_t n = 0;
    while (s[n] && !strchr(reject, s[n])) n++;
    return n;
}

char *__cdecl strpbrk(const char *s, const char *accept)
{
    s += strcspn(s, accept);
    return *s ? (char *)s : NULL;
}

char *__cdecl _strdup(const char *s)
{
    char *ret;
    if (!s) return NULL;
    if ((ret = malloc(strlen(s) + 1))) strcpy(ret, s);
    return ret;
}

char *__cdecl _strlwr(char *s)
{
    char *p;
    for (p = s; *p; p++) *p = (char)ascii_lower((unsigned char)*p);
    return s;
}

char *__cdecl _strupr(char *s)
{
    char *p;
    for (p = s; *p; p++) *p = (char)ascii_upper((unsigned char)*p);
    return s;
}

char *__cdecl _strlwr_l(char *s, _locale_t locale) { return _strlwr(s); }
char *__cdecl _strupr_l(char *s, _locale_t locale) { return _strupr(s); }

char *__cdecl _strrev(char *s)
{
    char *a = s, *b = s + strlen(s);
    while (a < b && a < --b) { char t = *a; *a++ = *b; *b = t; }
    return s;
}

char *__cdecl _strset(char *s, int c)
{
    char *p;
    for (p = s; *p; p++) *p = (char)c;
    return s;
}

char *__cdecl _strnset(char *s, int c, size_t n)
{
    char *p;
    for (p = s; n && *p; p++, n--) *p = (char)c;
    return s;
}

/* ---- narrow *_s ------------------------------------------------------- */

errno_t __cdecl strcpy_s(char *dst, size_t size, const char *src)
{
    size_t len;
    if (!dst || !size) return invalid(EINVAL);
    if (!src) { dst[0] = 0; return invalid(EINVAL); }
    len = strnlen(src, size);
    if (len == size) { dst[0] = 0; return invalid(ERANGE); }
    memcpy(dst, src, len + 1);
    return 0;
}

errno_t __cdecl strcat_s(char *dst, size_t size, const char *src)
{
    size_t used;
    if (!dst || !size) return invalid(EINVAL);
    if (!src) { dst[0] = 0; return invalid(EINVAL); }
    used = strnlen(dst, size);
    if (used == size) { dst[0] = 0; return invalid(ERANGE); }   /* unterminated */
    if (strcpy_s(dst + used, size - used, src)) { dst[0] = 0; *_errno() = ERANGE; return ERANGE; }
    return 0;
}

/* count == _TRUNCATE ((size_t)-1): copy what fits and return STRUNCATE. */
errno_t __cdecl strncpy_s(char *dst, size_t size, const char *src, size_t count)
{
    size_t len;
    if (!count && !size) return 0;
    if (!dst || !size) return invalid(EINVAL);
    if (!count) { dst[0] = 0; return 0; }
    if (!src) { dst[0] = 0; return invalid(EINVAL); }
    len = strnlen(src, count);
    if (len >= size)
    {
        if (count != (size_t)-1) { dst[0] = 0; return invalid(ERANGE); }
        memcpy(dst, src, size - 1);
        dst[size - 1] = 0;
        return STRUNCATE;
    }
    memcpy(dst, src, len);
    dst[len] = 0;
    return 0;
}

errno_t __cdecl strncat_s(char *dst, size_t size, const char *src, size_t count)
{
    size_t used;
    errno_t ret;
    if (!count && !dst && !size) return 0;
    if (!dst || !size) return invalid(EINVAL);
    if (!count) return 0;            /* nothing to append: dst is not checked */
    if (!src) { dst[0] = 0; return invalid(EINVAL); }
    used = strnlen(dst, size);
    if (used == size) { dst[0] = 0; return invalid(EINVAL); }
    ret = strncpy_s(dst + used, size - used, src, count);
    if (ret == ERANGE) dst[0] = 0;
    return ret;
}

static errno_t map_s(char *s, size_t size, char *(__cdecl *fn)(char *))
{
    if (!s || !size) return invalid(EINVAL);
    if (strnlen(s, size) == size) { s[0] = 0; return invalid(EINVAL); }
    fn(s);
    return 0;
}

errno_t __cdecl _strlwr_s(char *s, size_t size) { return map_s(s, size, _strlwr); }
errno_t __cdecl _strupr_s(char *s, size_t size) { return map_s(s, size, _strupr); }
errno_t __cdecl _strlwr_s_l(char *s, size_t size, _locale_t l) { return map_s(s, size, _strlwr); }
errno_t __cdecl _strupr_s_l(char *s, size_t size, _locale_t l) { return map_s(s, size, _strupr); }

errno_t __cdecl _strset_s(char *s, size_t size, int c)
{
    size_t len;
    if (!s || !size) return invalid(EINVAL);
    if ((len = strnlen(s, size)) == size) { s[0] = 0; return invalid(EINVAL); }
    memset(s, c, len);
    return 0;
}

errno_t __cdecl _strnset_s(char *s, size_t size, int c, size_t count)
{
    size_t len;
    if (!s && !size && !count) return 0;
    if (!s || !size) return invalid(EINVAL);
    if ((len = strnlen(s, size)) == size) { s[0] = 0; return invalid(EINVAL); }
    memset(s, c, len < count ? len : count);
    return 0;
}

/* ---- strtok: per-thread position -------------------------------------- */

static DWORD tls_slot(LONG *slot)
{
    LONG index = *slot;
    if (!index)
    {
        DWORD fresh = TlsAlloc();
        index = InterlockedCompareExchange(slot, (LONG)fresh + 1, 0);
        if (index) TlsFree(fresh);       /* another thread won the race */
        else index = (LONG)fresh + 1;
    }
    return (DWORD)index - 1;
}

static LONG strtok_slot, wcstok_slot, errbuf_slot;

/* The per-thread message buffers of _strerror, _wcserror and __wcserror
 * (one allocation per thread, on first use). */
struct error_buffers
{
    char narrow[256];
    wchar_t wide[256];
};

static struct error_buffers *error_buffers(void)
{
    DWORD slot = tls_slot(&errbuf_slot);
    struct error_buffers *b = TlsGetValue(slot);
    if (!b && (b = HeapAlloc(GetProcessHeap(), 0, sizeof(*b)))) TlsSetValue(slot, b);
    return b;
}

char *__cdecl strtok_s(char *s, const char *delim, char **ctx)
{
    char *end;
    if (!delim || !ctx || (!s && !*ctx)) { invalid(EINVAL); return NULL; }
    if (!s) s = *ctx;
    s += strspn(s, delim);
    if (!*s) { *ctx = s; return NULL; }
    end = s + strcspn(s, delim);
    if (*end) *end++ = 0;
    *ctx = end;
    return s;
}

char *__cdecl strtok(char *s, const char *delim)
{
    DWORD slot = tls_slot(&strtok_slot);
    char *ctx = TlsGetValue(slot), *ret;
    if (!s && !ctx) return NULL;
    ret = strtok_s(s, delim, &ctx);
    TlsSetValue(slot, ctx);
    return ret;
}

/* ---- strerror --------------------------------------------------------- */

/* exported as the data _sys_errlist / _sys_nerr */
char *msvcrt_sys_errlist[] __asm__("_sys_errlist") =
{
    "No error", "Operation not permitted", "No such file or directory",
    "No such process", "Interrupted function call", "Input/output error",
    "No such device or address", "Arg list too long", "Exec format error",
    "Bad file descriptor", "No child processes",
    "Resource temporarily unavailable", "Not enough space",
    "Permission denied", "Bad address", "Unknown error",
    "Resource device", "File exists", "Improper link", "No such device",
    "Not a directory", "Is a directory", "Invalid argument",
    "Too many open files in system", "Too many open files",
    "Inappropriate I/O control operation", "Unknown error",
    "File too large", "No space left on device", "Invalid seek",
    "Read-only file system", "Too many links", "Broken pipe",
    "Domain error", "Result too large", "Unknown error",
    "Resource deadlock avoided", "Unknown error", "Filename too long",
    "No locks available", "Function not implemented",
    "Directory not empty", "Illegal byte sequence", "Unknown error",
};
int msvcrt_sys_nerr __asm__("_sys_nerr") = 43;

static const char *error_text(int err)
{
    if (err < 0 || err > msvcrt_sys_nerr) err = msvcrt_sys_nerr;
    return msvcrt_sys_errlist[err];
}

/* strerror's buffer is per thread on Windows; the texts are constant here,
 * so the table entry itself is returned. */
char *__cdecl strerror(int err)
{
    return (char *)error_text(err);
}

errno_t __cdecl strerror_s(char *buf, size_t size, int err)
{
    if (!buf || !size) return invalid(EINVAL);
    strncpy_s(buf, size, error_text(err), (size_t)-1);
    return 0;
}

/* _strerror(msg): "msg: <text of errno>\n", or just the text. */
char *__cdecl _strerror(const char *msg)
{
    struct error_buffers *b = error_buffers();
    char *buf;
    if (!b) return NULL;
    buf = b->narrow;
    buf[0] = 0;
    if (msg && *msg) { strncpy_s(buf, 200, msg, (size_t)-1); strcat_s(buf, sizeof(b->narrow), ": "); }
    strcat_s(buf, sizeof(b->narrow), error_text(*_errno()));
    strcat_s(buf, sizeof(b->narrow), "\n");
    return buf;
}

/* ---- wide strings ----------------------------------------------------- */

static inline int wlower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static inline int wupper(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }

size_t __cdecl wcslen(const wchar_t *s)
{
    const wchar_t *p = s;
    while (*p) p++;
    return p - s;
}

size_t __cdecl wcsnlen(const wchar_t *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n]) n++;
    return n;
}

wchar_t *__cdecl wcscpy(wchar_t *dst, const wchar_t *src)
{
    wchar_t *d = dst;
    while ((*d++ = *src++));
    return dst;
}

wchar_t *__cdecl wcsncpy(wchar_t *dst, const wchar_t *src, size_t n)
{
    size_t i = 0;
    for (; i < n && src[i]; i++) dst[i] = src[i];
    for (; i < n; i++) dst[i] = 0;
    return dst;
}

wchar_t *__cdecl wcscat(wchar_t *dst, const wchar_t *src)
{
    wcscpy(dst + wcslen(dst), src);
    return dst;
}

wchar_t *__cdecl wcsncat(wchar_t *dst, const wchar_t *src, size_t n)
{
    wchar_t *d = dst + wcslen(dst);
    while (n-- && *src) *d++ = *src++;
    *d = 0;
    return dst;
}

int __cdecl wcscmp(const wchar_t *a, const wchar_t *b)
{
    while (*a && *a == *b) { a++; b++; }
    if (*a == *b) return 0;
    return *a < *b ? -1 : 1;
}

int __cdecl wcsncmp(const wchar_t *a, const wchar_t *b, size_t n)
{
    for (; n; n--, a++, b++)
    {
        if (*a != *b) return *a - *b;
        if (!*a) break;
    }
    return 0;
}

int __cdecl _wcsnicmp(const wchar_t *a, const wchar_t *b, size_t n)
{
    for (; n; n--, a++, b++)
    {
        int x = wlower(*a), y = wlower(*b);
        if (x != y) return x - y;
        if (!x) break;
    }
    return 0;
}

int __cdecl _wcsicmp(const wchar_t *a, const wchar_t *b)
{
    return _wcsnicmp(a, b, (size_t)-1);
}

int __cdecl _wcsicmp_l(const wchar_t *a, const wchar_t *b, _locale_t l) { return _wcsicmp(a, b); }
int __cdecl _wcsnicmp_l(const wchar_t *a, const wchar_t *b, size_t n, _locale_t l) { return _wcsnicmp(a, b, n); }
int __cdecl wcscoll(const wchar_t *a, const wchar_t *b) { return wcscmp(a, b); }
int __cdecl _wcscoll_l(const wchar_t *a, const wchar_t *b, _locale_t l) { return wcscmp(a, b); }
int __cdecl _wcsicoll(const wchar_t *a, const wchar_t *b) { return _wcsicmp(a, b); }
int __cdecl _wcsicoll_l(const wchar_t *a, const wchar_t *b, _locale_t l) { return _wcsicmp(a, b); }
int __cdecl _wcsncoll(const wchar_t *a, const wchar_t *b, size_t n) { return wcsncmp(a, b, n); }
int __cdecl _wcsncoll_l(const wchar_t *a, const wchar_t *b, size_t n, _locale_t l) { return wcsncmp(a, b, n); }
int __cdecl _wcsnicoll(const wchar_t *a, const wchar_t *b, size_t n) { return _wcsnicmp(a, b, n); }
int __cdecl _wcsnicoll_l(const wchar_t *a, const wchar_t *b, size_t n, _locale_t l) { return _wcsnicmp(a, b, n); }

size_t __cdecl wcsxfrm(wchar_t *dst, const wchar_t *src, size_t n)
{
    size_t len = wcslen(src);
    if (dst && len < n) wcscpy(dst, src);
    else if (dst && n) memcpy(dst, src, n * sizeof(wchar_t));
    return len;
}

size_t __cdecl _wcsxfrm_l(wchar_t *dst, const wchar_t *src, size_t n, _locale_t l)
{
    return wcsxfrm(dst, src, n);
}

wchar_t *__cdecl wcschr(const wchar_t *s, wchar_t c)
{
    for (;; s++)
    {
        if (*s == c) return (wchar_t *)s;
        if (!*s) return NULL;
    }
}

wchar_t *__cdecl wcsrchr(const wchar_t *s, wchar_t c)
{
    const wchar_t *found = NULL;
    for (;; s++)
    {
        if (*s == c) found = s;
        if (!*s) return (wchar_t *)found;
    }
}

wchar_t *__cdecl wcsstr(const wchar_t *s, const wchar_t *find)
{
    size_t n = wcslen(find);
    for (; *s; s++) if (!wcsncmp(s, find, n)) return (wchar_t *)s;
    return n ? NULL : (wchar_t *)s;
}

size_t __cdecl wcsspn(const wchar_t *s, const wchar_t *accept)
{
    size_t n = 0;
    while (s[n] && wcschr(accept, s[n])) n++;
    return n;
}

size_t __cdecl wcscspn(const wchar_t *s, const wchar_t *reject)
{
    size_t n = 0;
    while (s[n] && !wcschr(reject, s[n])) n++;
    return n;
}

wchar_t *__cdecl wcspbrk(const wchar_t *s, const wchar_t *accept)
{
    s += wcscspn(s, accept);
    return *s ? (wchar_t *)s : NULL;
}

wchar_t *__cdecl _wcsdup(const wchar_t *s)
{
    wchar_t *ret;
    if (!s) return NULL;
    if ((ret = malloc((wcslen(s) + 1) * sizeof(wchar_t)))) wcscpy(ret, s);
    return ret;
}

wchar_t *__cdecl _wcslwr(wchar_t *s)
{
    wchar_t *p;
    for (p = s; *p; p++) *p = (wchar_t)wlower(*p);
    return s;
}

wchar_t *__cdecl _wcsupr(wchar_t *s)
{
    wchar_t *p;
    for (p = s; *p; p++) *p = (wchar_t)wupper(*p);
    return s;
}

wchar_t *__cdecl _wcslwr_l(wchar_t *s, _locale_t l) { return _wcslwr(s); }
wchar_t *__cdecl _wcsupr_l(wchar_t *s, _locale_t l) { return _wcsupr(s); }

wchar_t *__cdecl _wcsrev(wchar_t *s)
{
    wchar_t *a = s, *b = s + wcslen(s);
    while (a < b && a < --b) { wchar_t t = *a; *a++ = *b; *b = t; }
    return s;
}

wchar_t *__cdecl _wcsset(wchar_t *s, wchar_t c)
{
    wchar_t *p;
    for (p = s; *p; p++) *p = c;
    return s;
}

wchar_t *__cdecl _wcsnset(wchar_t *s, wchar_t c, size_t n)
{
    wchar_t *p;
    for (p = s; n && *p; p++, n--) *p = c;
    return s;
}

errno_t __cdecl wcscpy_s(wchar_t *dst, size_t size, const wchar_t *src)
{
    size_t len;
    if (!dst || !size) return invalid(EINVAL);
    if (!src) { dst[0] = 0; return invalid(EINVAL); }
    len = wcsnlen(src, size);
    if (len == size) { dst[0] = 0; return invalid(ERANGE); }
    memcpy(dst, src, (len + 1) * sizeof(wchar_t));
    return 0;
}

errno_t __cdecl wcscat_s(wchar_t *dst, size_t size, const wchar_t *src)
{
    size_t used;
    if (!dst || !size) return invalid(EINVAL);
    if (!src) { dst[0] = 0; return invalid(EINVAL); }
    used = wcsnlen(dst, size);
    if (used == size) { dst[0] = 0; return invalid(ERANGE); }
    if (wcscpy_s(dst + used, size - used, src)) { dst[0] = 0; *_errno() = ERANGE; return ERANGE; }
    return 0;
}

errno_t __cdecl wcsncpy_s(wchar_t *dst, size_t size, const wchar_t *src, size_t count)
{
    size_t len;
    if (!count && !size) return 0;
    if (!dst || !size) return invalid(EINVAL);
    if (!count) { dst[0] = 0; return 0; }
    if (!src) { dst[0] = 0; return invalid(EINVAL); }
    len = wcsnlen(src, count);
    if (len >= size)
    {
        if (count != (size_t)-1) { dst[0] = 0; return invalid(ERANGE); }
        memcpy(dst, src, (size - 1) * sizeof(wchar_t));
        dst[size - 1] = 0;
        return STRUNCATE;
    }
    memcpy(dst, src, len * sizeof(wchar_t));
    dst[len] = 0;
    return 0;
}

errno_t __cdecl wcsncat_s(wchar_t *dst, size_t size, const wchar_t *src, size_t count)
{
    size_t used;
    errno_t ret;
    if (!count && !dst && !size) return 0;
    if (!dst || !size) return invalid(EINVAL);
    if (!count) return 0;            /* nothing to append: dst is not checked */
    if (!src) { dst[0] = 0; return invalid(EINVAL); }
    used = wcsnlen(dst, size);
    if (used == size) { dst[0] = 0; return invalid(EINVAL); }
    ret = wcsncpy_s(dst + used, size - used, src, count);
    if (ret == ERANGE) dst[0] = 0;
    return ret;
}

static errno_t wmap_s(wchar_t *s, size_t size, wchar_t *(__cdecl *fn)(wchar_t *))
{
    if (!s || !size) return invalid(EINVAL);
    if (wcsnlen(s, size) == size) { s[0] = 0; return invalid(EINVAL); }
    fn(s);
    return 0;
}

errno_t __cdecl _wcslwr_s(wchar_t *s, size_t size) { return wmap_s(s, size, _wcslwr); }
errno_t __cdecl _wcsupr_s(wchar_t *s, size_t size) { return wmap_s(s, size, _wcsupr); }
errno_t __cdecl _wcslwr_s_l(wchar_t *s, size_t size, _locale_t l) { return wmap_s(s, size, _wcslwr); }
errno_t __cdecl _wcsupr_s_l(wchar_t *s, size_t size, _locale_t l) { return wmap_s(s, size, _wcsupr); }

errno_t __cdecl _wcsset_s(wchar_t *s, size_t size, wchar_t c)
{
    size_t len, i;
    if (!s || !size) return invalid(EINVAL);
    if ((len = wcsnlen(s, size)) == size) { s[0] = 0; return invalid(EINVAL); }
    for (i = 0; i < len; i++) s[i] = c;
    return 0;
}

errno_t __cdecl _wcsnset_s(wchar_t *s, size_t size, wchar_t c, size_t count)
{
    size_t len, i;
    if (!s && !size && !count) return 0;
    if (!s || !size) return invalid(EINVAL);
    if ((len = wcsnlen(s, size)) == size) { s[0] = 0; return invalid(EINVAL); }
    for (i = 0; i < len && i < count; i++) s[i] = c;
    return 0;
}

wchar_t *__cdecl wcstok_s(wchar_t *s, const wchar_t *delim, wchar_t **ctx)
{
    wchar_t *end;
    if (!delim || !ctx || (!s && !*ctx)) { invalid(EINVAL); return NULL; }
    if (!s) s = *ctx;
    s += wcsspn(s, delim);
    if (!*s) { *ctx = s; return NULL; }
    end = s + wcscspn(s, delim);
    if (*end) *end++ = 0;
    *ctx = end;
    return s;
}

/* msvcrt's wcstok is the old two-argument one with hidden state;
 * ucrtbase's takes the context (C95) and _wcstok is the old one. */
static wchar_t *wcstok_hidden(wchar_t *s, const wchar_t *delim)
{
    DWORD slot = tls_slot(&wcstok_slot);
    wchar_t *ctx = TlsGetValue(slot), *ret;
    if (!s && !ctx) return NULL;
    ret = wcstok_s(s, delim, &ctx);
    TlsSetValue(slot, ctx);
    return ret;
}

wchar_t *__cdecl _wcstok(wchar_t *s, const wchar_t *delim)
{
    return wcstok_hidden(s, delim);
}

#ifdef WLX_UCRT
wchar_t *__cdecl ucrt_wcstok(wchar_t *s, const wchar_t *delim, wchar_t **ctx) __asm__("wcstok");
wchar_t *__cdecl ucrt_wcstok(wchar_t *s, const wchar_t *delim, wchar_t **ctx)
{
    if (!ctx) return wcstok_hidden(s, delim);
    return wcstok_s(s, delim, ctx);
}
#else
wchar_t *__cdecl msvcrt_wcstok(wchar_t *s, const wchar_t *delim) __asm__("wcstok");
wchar_t *__cdecl msvcrt_wcstok(wchar_t *s, const wchar_t *delim)
{
    return wcstok_hidden(s, delim);
}
#endif

/* _wcserror: wide copy of strerror's text, in a per-call static buffer. */
wchar_t *__cdecl _wcserror(int err)
{
    struct error_buffers *b = error_buffers();
    wchar_t *buf;
    const char *s = error_text(err);
    size_t i;
    if (!b) return NULL;
    buf = b->wide;
    for (i = 0; s[i] && i < 255; i++) buf[i] = (unsigned char)s[i];
    buf[i] = 0;
    return buf;
}

errno_t __cdecl _wcserror_s(wchar_t *buf, size_t size, int err)
{
    if (!buf || !size) return invalid(EINVAL);
    wcsncpy_s(buf, size, _wcserror(err), (size_t)-1);
    return 0;
}

/* __wcserror(msg): "msg: <text of errno>\n" in wide characters. */
wchar_t *__cdecl __wcserror(const wchar_t *msg)
{
    struct error_buffers *b = error_buffers();
    const char *text = _strerror(NULL);
    wchar_t *buf;
    size_t n = 0, i;
    if (!b || !text) return NULL;
    buf = b->wide;
    if (msg && *msg)
    {
        for (i = 0; msg[i] && n < 200; i++) buf[n++] = msg[i];
        buf[n++] = ':';
        buf[n++] = ' ';
    }
    for (i = 0; text[i] && n < 255; i++) buf[n++] = (unsigned char)text[i];
    buf[n] = 0;
    return buf;
}

errno_t __cdecl __wcserror_s(wchar_t *buf, size_t size, const wchar_t *msg)
{
    if (!buf || !size) return invalid(EINVAL);
    wcsncpy_s(buf, size, __wcserror(msg), (size_t)-1);
    return 0;
}

errno_t __cdecl _strerror_s(char *buf, size_t size, const char *msg)
{
    if (!buf || !size) return invalid(EINVAL);
    strncpy_s(buf, size, _strerror(msg), (size_t)-1);
    return 0;
}

/* _swab: swaps the bytes of each pair (n rounded down to even). */
void __cdecl _swab(char *src, char *dst, int n)
{
    for (; n > 1; n -= 2, src += 2, dst += 2)
    {
        char t = src[0];
        dst[0] = src[1];
        dst[1] = t;
    }
}
