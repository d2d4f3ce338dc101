/*
 * ntdll/string.c — the C library functions ntdll exports (as Windows' ntdll
 * does) and the rest of our DLLs use: memory, narrow and wide strings,
 * ASCII case. The code-page aware ones live in codepage.c/rtlstr.c.
 */
#include "private.h"

#undef memcpy
#undef memmove
#undef memset

void * __cdecl memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d == s || !n) return dst;
    if (d < s || d >= s + n)
    {
        /* forward: 8 bytes at a time when both are aligned alike */
        if (!(((ULONG_PTR)d ^ (ULONG_PTR)s) & 7))
        {
            while (n && ((ULONG_PTR)d & 7)) { *d++ = *s++; n--; }
            for (; n >= 8; n -= 8, d += 8, s += 8) *(UINT64 *)d = *(const UINT64 *)s;
        }
        __asm__ volatile ("rep movsb" : "+D"(d), "+S"(s), "+c"(n) :: "memory");
    }
    else
    {
        d += n; s += n;
        while (n--) *--d = *--s;
    }
    return dst;
}

void * __cdecl memcpy(void *dst, const void *src, size_t n)
{
    void *d = dst;
    __asm__ volatile ("rep movsb" : "+D"(d), "+S"(src), "+c"(n) :: "memory");
    return dst;
}

void * __cdecl memset(void *dst, int c, size_t n)
{
    void *d = dst;
    __asm__ volatile ("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
    return dst;
}

int __cdecl memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;
    for (; n; n--, p++, q++) if (*p != *q) return *p < *q ? -1 : 1;
    return 0;
}

void * __cdecl memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;
    for (; n; n--, p++) if (*p == (unsigned char)c) return (void *)p;
    return NULL;
}

size_t __cdecl strlen(const char *s) { const char *p = s; while (*p) p++; return p - s; }
size_t __cdecl strnlen(const char *s, size_t max) { size_t n = 0; while (n < max && s[n]) n++; return n; }
char * __cdecl strcpy(char *d, const char *s) { char *r = d; while ((*d++ = *s++)); return r; }
char * __cdecl strcat(char *d, const char *s) { strcpy(d + strlen(d), s); return d; }
char * __cdecl strncpy(char *d, const char *s, size_t n)
{
    size_t i = 0;
    for (; i < n && s[i]; i++) d[i] = s[i];
    for (; i < n; i++) d[i] = 0;
    return d;
}
char * __cdecl strncat(char *d, const char *s, size_t n)
{
    char *p = d + strlen(d);
    while (n-- && *s) *p++ = *s++;
    *p = 0;
    return d;
}
int __cdecl strcmp(const char *a, const char *b)
{
    while (*a && *a == *b) a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}
int __cdecl strncmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++) if (*a != *b || !*a) return (unsigned char)*a - (unsigned char)*b;
    return 0;
}
char * __cdecl strchr(const char *s, int c)
{
    for (;; s++) { if (*s == (char)c) return (char *)s; if (!*s) return NULL; }
}
char * __cdecl strrchr(const char *s, int c)
{
    const char *r = NULL;
    for (;; s++) { if (*s == (char)c) r = s; if (!*s) return (char *)r; }
}
char * __cdecl strstr(const char *h, const char *n)
{
    size_t len = strlen(n);
    for (; *h; h++) if (!strncmp(h, n, len)) return (char *)h;
    return len ? NULL : (char *)h;
}

int __cdecl tolower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
int __cdecl toupper(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }

int __cdecl _strnicmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++)
    {
        int x = tolower((unsigned char)*a), y = tolower((unsigned char)*b);
        if (x != y || !x) return x - y;
    }
    return 0;
}
int __cdecl _stricmp(const char *a, const char *b) { return _strnicmp(a, b, (size_t)-1); }

size_t __cdecl wcslen(const WCHAR *s) { const WCHAR *p = s; while (*p) p++; return p - s; }
size_t __cdecl wcsnlen(const WCHAR *s, size_t max) { size_t n = 0; while (n < max && s[n]) n++; return n; }
WCHAR * __cdecl wcscpy(WCHAR *d, const WCHAR *s) { WCHAR *r = d; while ((*d++ = *s++)); return r; }
WCHAR * __cdecl wcscat(WCHAR *d, const WCHAR *s) { wcscpy(d + wcslen(d), s); return d; }
WCHAR * __cdecl wcsncpy(WCHAR *d, const WCHAR *s, size_t n)
{
    size_t i = 0;
    for (; i < n && s[i]; i++) d[i] = s[i];
    for (; i < n; i++) d[i] = 0;
    return d;
}
int __cdecl wcscmp(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b) a++, b++;
    return *a < *b ? -1 : *a > *b;
}
int __cdecl wcsncmp(const WCHAR *a, const WCHAR *b, size_t n)
{
    for (; n; n--, a++, b++) if (*a != *b || !*a) return *a < *b ? -1 : *a > *b;
    return 0;
}
WCHAR * __cdecl wcschr(const WCHAR *s, WCHAR c)
{
    for (;; s++) { if (*s == c) return (WCHAR *)s; if (!*s) return NULL; }
}
WCHAR * __cdecl wcsrchr(const WCHAR *s, WCHAR c)
{
    const WCHAR *r = NULL;
    for (;; s++) { if (*s == c) r = s; if (!*s) return (WCHAR *)r; }
}
WCHAR * __cdecl wcsstr(const WCHAR *h, const WCHAR *n)
{
    size_t len = wcslen(n);
    for (; *h; h++) if (!wcsncmp(h, n, len)) return (WCHAR *)h;
    return len ? NULL : (WCHAR *)h;
}
WCHAR * __cdecl wcspbrk(const WCHAR *s, const WCHAR *accept)
{
    for (; *s; s++) if (wcschr(accept, *s)) return (WCHAR *)s;
    return NULL;
}

/* towlower/towupper: full Unicode case tables live in casemap.c when present */
WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR);
WCHAR NTAPI RtlDowncaseUnicodeChar(WCHAR);
WCHAR __cdecl towupper(WCHAR c) { return RtlUpcaseUnicodeChar(c); }
WCHAR __cdecl towlower(WCHAR c) { return RtlDowncaseUnicodeChar(c); }

int __cdecl _wcsnicmp(const WCHAR *a, const WCHAR *b, size_t n)
{
    for (; n; n--, a++, b++)
    {
        WCHAR x = towlower(*a), y = towlower(*b);
        if (x != y || !x) return x < y ? -1 : x > y;
    }
    return 0;
}
int __cdecl _wcsicmp(const WCHAR *a, const WCHAR *b) { return _wcsnicmp(a, b, (size_t)-1); }
