/*
 * mbcs.c — multibyte characters: the locale conversions (mbtowc, wctomb,
 * mblen, mbstowcs, wcstombs and their _s / restartable forms) and the
 * basic _mbs* functions of the multibyte code page (_getmbcp/_setmbcp).
 *
 * Two code pages are involved, as in msvcrt: LC_CTYPE's (0 for the "C"
 * locale, where byte b is U+00b and only U+0000..U+00FF convert back) used
 * by the ANSI conversions, and the _mbs* code page, which msvcrt starts as
 * the ANSI code page.
 */
#include "format.h"
#include <wchar.h>

#undef __mb_cur_max     /* the SDK makes it a macro over ___mb_cur_max_func */

#define EINVAL 22
#define ERANGE 34
#define EILSEQ 42

unsigned int msvcrt_lc_codepage;         /* "C" locale */
int __mb_cur_max = 1;

static int mb_codepage = -1;             /* _setmbcp; -1: not chosen yet */

/* ---- single characters in the LC_CTYPE code page ------------------------ */

static int is_lead_byte(unsigned int cp, unsigned char c)
{
    return cp && __mb_cur_max > 1 && IsDBCSLeadByteEx(cp, c);
}

int msvcrt_mb_to_wc(const char *s, size_t n, msvcrt_wchar *out)
{
    unsigned int cp = msvcrt_lc_codepage;
    WCHAR wc;
    int len;

    if (!n) return -1;
    if (!cp) { *out = (unsigned char)*s; return 1; }
    len = is_lead_byte(cp, *s) ? 2 : 1;
    if ((size_t)len > n || (len == 2 && !s[1])) return -1;
    if (!MultiByteToWideChar(cp, MB_ERR_INVALID_CHARS, s, len, &wc, 1)) return -1;
    *out = wc;
    return len;
}

int msvcrt_wc_to_mb(msvcrt_wchar wc, char *out)
{
    unsigned int cp = msvcrt_lc_codepage;
    BOOL lossy = FALSE;
    WCHAR w = wc;
    int len;

    if (!cp)
    {
        if (wc > 0xff) return -1;
        *out = (char)wc;
        return 1;
    }
    len = WideCharToMultiByte(cp, 0, &w, 1, out, 2, NULL, &lossy);
    return !len || lossy ? -1 : len;
}

int __cdecl ___mb_cur_max_func(void)
{
    return __mb_cur_max;
}

int __cdecl mbtowc(wchar_t *dst, const char *s, size_t n)
{
    msvcrt_wchar wc;
    int len;
    if (!s) return 0;                    /* no shift states */
    if (!n) return -1;
    if (!*s) { if (dst) *dst = 0; return 0; }
    if ((len = msvcrt_mb_to_wc(s, n, &wc)) < 0) { *_errno() = EILSEQ; return -1; }
    if (dst) *dst = wc;
    return len;
}

int __cdecl _mbtowc_l(wchar_t *dst, const char *s, size_t n, _locale_t locale)
{
    return mbtowc(dst, s, n);
}

int __cdecl mblen(const char *s, size_t n)
{
    return mbtowc(NULL, s, n);
}

int __cdecl _mblen_l(const char *s, size_t n, _locale_t locale)
{
    return mbtowc(NULL, s, n);
}

int __cdecl wctomb(char *dst, wchar_t wc)
{
    char tmp[8];
    int len;
    if (!dst) return 0;
    if ((len = msvcrt_wc_to_mb(wc, tmp)) < 0) { *_errno() = EILSEQ; return -1; }
    memcpy(dst, tmp, len);
    return len;
}

errno_t __cdecl wctomb_s(int *ret, char *dst, size_t size, wchar_t wc)
{
    char tmp[8];
    int len;
    if (!dst && size) { if (ret) *ret = -1; *_errno() = EINVAL; _invalid_parameter_noinfo(); return EINVAL; }
    if (!dst) { if (ret) *ret = 0; return 0; }
    if ((len = msvcrt_wc_to_mb(wc, tmp)) < 0)
    {
        if (ret) *ret = -1;
        *_errno() = EILSEQ;
        return EILSEQ;
    }
    if ((size_t)len > size)
    {
        if (ret) *ret = -1;
        *_errno() = ERANGE;
        _invalid_parameter_noinfo();
        return ERANGE;
    }
    memcpy(dst, tmp, len);
    if (ret) *ret = len;
    return 0;
}

/* ---- strings in the LC_CTYPE code page -------------------------------- */

/* Converts up to max wide characters (dst may be NULL: count only).
 * Returns the count, or (size_t)-1 on an invalid sequence. */
static size_t mbs_to_wcs(msvcrt_wchar *dst, const char *src, size_t max)
{
    size_t count = 0;
    msvcrt_wchar wc;
    int len;

    while (count < max && *src)
    {
        if ((len = msvcrt_mb_to_wc(src, 2, &wc)) < 0) return (size_t)-1;
        if (dst) dst[count] = wc;
        count++;
        src += len;
    }
    if (dst && count < max) dst[count] = 0;
    return count;
}

/* Converts while the bytes fit in max. Returns bytes written or -1. */
static size_t wcs_to_mbs(char *dst, const msvcrt_wchar *src, size_t max)
{
    size_t count = 0;
    char tmp[8];
    int len;

    for (; *src && count < max; src++)
    {
        if ((len = msvcrt_wc_to_mb(*src, tmp)) < 0) return (size_t)-1;
        if (count + len > max) break;
        if (dst) memcpy(dst + count, tmp, len);
        count += len;
    }
    if (dst && count < max) dst[count] = 0;
    return count;
}

size_t __cdecl mbstowcs(wchar_t *dst, const char *src, size_t n)
{
    size_t ret;
    if (!src) { *_errno() = EINVAL; _invalid_parameter_noinfo(); return (size_t)-1; }
    ret = mbs_to_wcs(dst, src, dst ? n : (size_t)-1);
    if (ret == (size_t)-1) *_errno() = EILSEQ;
    return ret;
}

size_t __cdecl _mbstowcs_l(wchar_t *dst, const char *src, size_t n, _locale_t locale)
{
    return mbstowcs(dst, src, n);
}

size_t __cdecl wcstombs(char *dst, const wchar_t *src, size_t n)
{
    size_t ret;
    if (!src) { *_errno() = EINVAL; _invalid_parameter_noinfo(); return (size_t)-1; }
    if (!dst && !msvcrt_lc_codepage)
    {
        /* "C" locale: the size is the length, convertible or not */
        for (ret = 0; src[ret]; ret++);
        return ret;
    }
    ret = wcs_to_mbs(dst, src, dst ? n : (size_t)-1);
    if (ret == (size_t)-1) *_errno() = EILSEQ;
    return ret;
}

size_t __cdecl _wcstombs_l(char *dst, const wchar_t *src, size_t n, _locale_t locale)
{
    return wcstombs(dst, src, n);
}

/* mbstowcs_s / wcstombs_s: count limits the conversion (_TRUNCATE: cut
 * to fit, STRUNCATE returned); a result that does not fit is ERANGE and
 * an invalid parameter. *ret includes the terminator. */
static errno_t conv_error(errno_t err, void *dst, size_t size, int wide)
{
    if (dst && size) { if (wide) *(msvcrt_wchar *)dst = 0; else *(char *)dst = 0; }
    *_errno() = err;
    if (err != EILSEQ) _invalid_parameter_noinfo();
    return err;
}

errno_t __cdecl mbstowcs_s(size_t *ret, wchar_t *dst, size_t size, const char *src, size_t count)
{
    size_t n;
    if (ret) *ret = 0;
    if ((!dst && size) || !src) return conv_error(EINVAL, dst, size, 1);
    n = mbs_to_wcs(NULL, src, dst ? count : (size_t)-1);
    if (n == (size_t)-1) return conv_error(EILSEQ, dst, size, 1);
    if (!dst) { if (ret) *ret = n + 1; return 0; }
    if (n < size)
    {
        mbs_to_wcs(dst, src, n);
        dst[n] = 0;
        if (ret) *ret = n + 1;
        return 0;
    }
    if (count != (size_t)-1) return conv_error(ERANGE, dst, size, 1);
    mbs_to_wcs(dst, src, size - 1);
    dst[size - 1] = 0;
    if (ret) *ret = size;
    return STRUNCATE;
}

errno_t __cdecl _mbstowcs_s_l(size_t *ret, wchar_t *dst, size_t size, const char *src,
                              size_t count, _locale_t locale)
{
    return mbstowcs_s(ret, dst, size, src, count);
}

errno_t __cdecl wcstombs_s(size_t *ret, char *dst, size_t size, const wchar_t *src, size_t count)
{
    size_t n;
    if (ret) *ret = 0;
    if ((!dst && size) || !src) return conv_error(EINVAL, dst, size, 0);
    n = wcs_to_mbs(NULL, src, dst ? count : (size_t)-1);
    if (n == (size_t)-1) return conv_error(EILSEQ, dst, size, 0);
    if (!dst) { if (ret) *ret = n + 1; return 0; }
    if (n < size)
    {
        wcs_to_mbs(dst, src, n);
        dst[n] = 0;
        if (ret) *ret = n + 1;
        return 0;
    }
    if (count != (size_t)-1) return conv_error(ERANGE, dst, size, 0);
    n = wcs_to_mbs(dst, src, size - 1);
    dst[n] = 0;
    if (ret) *ret = n + 1;
    return STRUNCATE;
}

errno_t __cdecl _wcstombs_s_l(size_t *ret, char *dst, size_t size, const wchar_t *src,
                              size_t count, _locale_t locale)
{
    return wcstombs_s(ret, dst, size, src, count);
}

/* ---- restartable forms (ucrtbase; stateless in single-byte locales) ---- */

wint_t __cdecl btowc(int c)
{
    char b = (char)c;
    msvcrt_wchar wc;
    if (c == -1 || msvcrt_mb_to_wc(&b, 1, &wc) != 1) return 0xffff;   /* WEOF */
    return wc;
}

int __cdecl wctob(wint_t wc)
{
    char tmp[8];
    if (msvcrt_wc_to_mb(wc, tmp) != 1) return -1;
    return (unsigned char)tmp[0];
}

size_t __cdecl mbrtowc(wchar_t *dst, const char *s, size_t n, mbstate_t *state)
{
    msvcrt_wchar wc;
    int len;
    if (!s) return 0;
    if (!n) return (size_t)-2;
    if (!*s) { if (dst) *dst = 0; return 0; }
    if ((len = msvcrt_mb_to_wc(s, n, &wc)) < 0)
    {
        if (n < 2 && is_lead_byte(msvcrt_lc_codepage, *s)) return (size_t)-2;
        *_errno() = EILSEQ;
        return (size_t)-1;
    }
    if (dst) *dst = wc;
    return len;
}

size_t __cdecl mbrlen(const char *s, size_t n, mbstate_t *state)
{
    return mbrtowc(NULL, s, n, state);
}

size_t __cdecl wcrtomb(char *dst, wchar_t wc, mbstate_t *state)
{
    char tmp[8];
    int len;
    if (!dst) return 1;
    if ((len = msvcrt_wc_to_mb(wc, tmp)) < 0) { *_errno() = EILSEQ; return (size_t)-1; }
    memcpy(dst, tmp, len);
    return len;
}

size_t __cdecl mbsrtowcs(wchar_t *dst, const char **src, size_t n, mbstate_t *state)
{
    size_t ret = mbstowcs(dst, *src, n);
    if (dst && ret != (size_t)-1) *src = ret < n ? NULL : *src + ret; /* single-byte */
    return ret;
}

size_t __cdecl wcsrtombs(char *dst, const wchar_t **src, size_t n, mbstate_t *state)
{
    size_t ret = wcstombs(dst, *src, n);
    if (dst && ret != (size_t)-1) *src = ret < n ? NULL : *src + ret;
    return ret;
}

/* ---- the _mbs* code page ---------------------------------------------- */

static unsigned int mbcp(void)
{
    if (mb_codepage < 0) mb_codepage = GetACP();   /* msvcrt starts with _MB_CP_ANSI */
    return mb_codepage;
}

static int mb_lead(unsigned char c)
{
    unsigned int cp = mbcp();
    return cp && IsDBCSLeadByteEx(cp, c);
}

int __cdecl _getmbcp(void)
{
    return mbcp();
}

int __cdecl _setmbcp(int cp)
{
    CPINFO info;
    switch (cp)
    {
    case -3: cp = GetOEMCP(); break;   /* _MB_CP_OEM */
    case -4: cp = GetACP(); break;     /* _MB_CP_ANSI */
    case -2: return 0;                 /* _MB_CP_LOCALE */
    case -1: return 0;                 /* _MB_CP_SBCS */
    }
    if (cp && !GetCPInfo(cp, &info)) { *_errno() = EINVAL; return -1; }
    mb_codepage = cp;
    return 0;
}

int __cdecl _ismbblead(unsigned int c)
{
    return mb_lead((unsigned char)c) ? 4 : 0;   /* _MLEAD */
}

int __cdecl _ismbblead_l(unsigned int c, _locale_t locale)
{
    return _ismbblead(c);
}

size_t __cdecl _mbclen(const unsigned char *s)
{
    return mb_lead(*s) && s[1] ? 2 : 1;
}

unsigned char *__cdecl _mbsinc(const unsigned char *s)
{
    return (unsigned char *)s + _mbclen(s);
}

size_t __cdecl _mbslen(const unsigned char *s)
{
    size_t n = 0;
    for (; *s; s += _mbclen(s)) n++;
    return n;
}

size_t __cdecl _mbstrlen(const char *s)
{
    size_t n = 0;
    msvcrt_wchar wc;
    int len;
    while (*s)
    {
        if ((len = msvcrt_mb_to_wc(s, 2, &wc)) < 0) { *_errno() = EILSEQ; return (size_t)-1; }
        s += len;
        n++;
    }
    return n;
}

size_t __cdecl _mbstrlen_l(const char *s, _locale_t locale)
{
    return _mbstrlen(s);
}

static unsigned int mb_char_at(const unsigned char *s)
{
    return _mbclen(s) == 2 ? (s[0] << 8) | s[1] : s[0];
}

unsigned char *__cdecl _mbschr(const unsigned char *s, unsigned int c)
{
    for (;; s = _mbsinc(s))
    {
        if (mb_char_at(s) == c) return (unsigned char *)s;
        if (!*s) return NULL;
    }
}

unsigned char *__cdecl _mbsrchr(const unsigned char *s, unsigned int c)
{
    const unsigned char *found = NULL;
    for (;; s = _mbsinc(s))
    {
        if (mb_char_at(s) == c) found = s;
        if (!*s) return (unsigned char *)found;
    }
}

unsigned int __cdecl _mbsnextc(const unsigned char *s)
{
    return mb_char_at(s);
}

unsigned char *__cdecl _mbsdec(const unsigned char *start, const unsigned char *cur)
{
    const unsigned char *p = start, *prev = NULL;
    if (cur <= start) return NULL;
    while (p < cur) { prev = p; p = _mbsinc(p); }
    return (unsigned char *)prev;
}

int __cdecl _mbscmp(const unsigned char *a, const unsigned char *b)
{
    for (;; a = _mbsinc(a), b = _mbsinc(b))
    {
        unsigned int ca = mb_char_at(a), cb = mb_char_at(b);
        if (ca != cb) return ca < cb ? -1 : 1;
        if (!ca) return 0;
    }
}

unsigned char *__cdecl _mbscpy(unsigned char *dst, const unsigned char *src)
{
    unsigned char *d = dst;
    while ((*d++ = *src++));
    return dst;
}

unsigned char *__cdecl _mbscat(unsigned char *dst, const unsigned char *src)
{
    _mbscpy(dst + strlen((char *)dst), src);
    return dst;
}

unsigned char *__cdecl _mbsstr(const unsigned char *s, const unsigned char *find)
{
    size_t n = strlen((const char *)find);
    for (; *s; s = _mbsinc(s))
        if (!strncmp((const char *)s, (const char *)find, n)) return (unsigned char *)s;
    return n ? NULL : (unsigned char *)s;
}

/* _mbctype / _ismbb* need a per-byte table of the code page: lead bytes
 * are what matters to callers such as _mbsinc. */
int __cdecl _ismbbtrail(unsigned int c)
{
    CPINFO info;
    return mbcp() && GetCPInfo(mbcp(), &info) && info.MaxCharSize > 1 && (c & 0xff) >= 0x40;
}

/* ---- more _mbs* functions: multibyte-aware string work ------------------ */

/* Case folding of one character of the _mbs code page: single bytes follow
 * the "C" rules (ASCII only); double-byte characters stay as they are. */
static unsigned int mb_fold(unsigned int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static unsigned int mb_upper(unsigned int c)
{
    return c >= 'a' && c <= 'z' ? c - 32 : c;
}

/* Compares at most n characters (chars) or n bytes (bytes). */
static int mbs_compare(const unsigned char *a, const unsigned char *b, size_t n, int bytes, int fold)
{
    while (n)
    {
        unsigned int ca = mb_char_at(a), cb = mb_char_at(b);
        size_t la = _mbclen(a);
        if (fold) { ca = mb_fold(ca); cb = mb_fold(cb); }
        if (bytes && la > n) { ca = *a; cb = *b; }     /* a cut lead byte compares alone */
        if (ca != cb) return ca < cb ? -1 : 1;
        if (!ca) return 0;
        n -= bytes ? (la < n ? la : n) : 1;
        a = _mbsinc(a);
        b = _mbsinc(b);
    }
    return 0;
}

int __cdecl _mbsicmp(const unsigned char *a, const unsigned char *b) { return mbs_compare(a, b, (size_t)-1, 0, 1); }
int __cdecl _mbsncmp(const unsigned char *a, const unsigned char *b, size_t n) { return mbs_compare(a, b, n, 0, 0); }
int __cdecl _mbsnicmp(const unsigned char *a, const unsigned char *b, size_t n) { return mbs_compare(a, b, n, 0, 1); }
int __cdecl _mbsnbcmp(const unsigned char *a, const unsigned char *b, size_t n) { return mbs_compare(a, b, n, 1, 0); }
int __cdecl _mbsnbicmp(const unsigned char *a, const unsigned char *b, size_t n) { return mbs_compare(a, b, n, 1, 1); }
int __cdecl _mbscoll(const unsigned char *a, const unsigned char *b) { return _mbscmp(a, b); }
int __cdecl _mbsicoll(const unsigned char *a, const unsigned char *b) { return _mbsicmp(a, b); }
int __cdecl _mbsncoll(const unsigned char *a, const unsigned char *b, size_t n) { return _mbsncmp(a, b, n); }
int __cdecl _mbsnicoll(const unsigned char *a, const unsigned char *b, size_t n) { return _mbsnicmp(a, b, n); }
int __cdecl _mbsnbcoll(const unsigned char *a, const unsigned char *b, size_t n) { return _mbsnbcmp(a, b, n); }
int __cdecl _mbsnbicoll(const unsigned char *a, const unsigned char *b, size_t n) { return _mbsnbicmp(a, b, n); }

/* Number of bytes taken by the first n characters of s. */
static size_t mbs_char_bytes(const unsigned char *s, size_t n)
{
    const unsigned char *p = s;
    while (n-- && *p) p = _mbsinc(p);
    return p - s;
}

size_t __cdecl _mbsnbcnt(const unsigned char *s, size_t n) { return mbs_char_bytes(s, n); }

/* Characters in the first n bytes (a cut double-byte character counts). */
size_t __cdecl _mbsnccnt(const unsigned char *s, size_t n)
{
    size_t count = 0;
    const unsigned char *p = s;
    while (*p && (size_t)(p - s) < n) { p = _mbsinc(p); count++; }
    return count;
}

unsigned char *__cdecl _mbsninc(const unsigned char *s, size_t n)
{
    return s ? (unsigned char *)s + mbs_char_bytes(s, n) : NULL;
}

size_t __cdecl _mbsnlen(const unsigned char *s, size_t max)
{
    size_t count = 0;
    const unsigned char *p = s;
    while (*p && (size_t)(p - s) < max) { p = _mbsinc(p); count++; }
    return count;
}

unsigned char *__cdecl _mbsncpy(unsigned char *dst, const unsigned char *src, size_t n)
{
    size_t bytes = mbs_char_bytes(src, n), chars = _mbsnccnt(src, bytes), i;
    for (i = 0; i < bytes; i++) dst[i] = src[i];
    /* like strncpy: fewer than n characters are padded with NULs */
    for (; chars < n; chars++) dst[i++] = 0;
    return dst;
}

unsigned char *__cdecl _mbsnbcpy(unsigned char *dst, const unsigned char *src, size_t n)
{
    size_t i = 0;
    for (; i < n && src[i]; i++) dst[i] = src[i];
    for (; i < n; i++) dst[i] = 0;
    return dst;
}

unsigned char *__cdecl _mbsncat(unsigned char *dst, const unsigned char *src, size_t n)
{
    unsigned char *d = dst + strlen((char *)dst);
    size_t bytes = mbs_char_bytes(src, n);
    memcpy(d, src, bytes);
    d[bytes] = 0;
    return dst;
}

unsigned char *__cdecl _mbsnbcat(unsigned char *dst, const unsigned char *src, size_t n)
{
    strncat((char *)dst, (const char *)src, n);
    return dst;
}

unsigned char *__cdecl _mbsdup(const unsigned char *s)
{
    return (unsigned char *)_strdup((const char *)s);
}

static int mbs_has_char(const unsigned char *set, unsigned int c)
{
    for (; *set; set = _mbsinc(set)) if (mb_char_at(set) == c) return 1;
    return 0;
}

size_t __cdecl _mbsspn(const unsigned char *s, const unsigned char *set)
{
    const unsigned char *p = s;
    while (*p && mbs_has_char(set, mb_char_at(p))) p = _mbsinc(p);
    return p - s;
}

unsigned char *__cdecl _mbsspnp(const unsigned char *s, const unsigned char *set)
{
    s += _mbsspn(s, set);
    return *s ? (unsigned char *)s : NULL;
}

size_t __cdecl _mbscspn(const unsigned char *s, const unsigned char *set)
{
    const unsigned char *p = s;
    while (*p && !mbs_has_char(set, mb_char_at(p))) p = _mbsinc(p);
    return p - s;
}

unsigned char *__cdecl _mbspbrk(const unsigned char *s, const unsigned char *set)
{
    s += _mbscspn(s, set);
    return *s ? (unsigned char *)s : NULL;
}

static void mbs_map(unsigned char *s, unsigned int (*fn)(unsigned int))
{
    for (; *s; s = _mbsinc(s))
        if (_mbclen(s) == 1) *s = (unsigned char)fn(*s);
}

unsigned char *__cdecl _mbslwr(unsigned char *s) { mbs_map(s, mb_fold); return s; }
unsigned char *__cdecl _mbsupr(unsigned char *s) { mbs_map(s, mb_upper); return s; }

/* Reverses characters, keeping each double-byte pair in order. */
unsigned char *__cdecl _mbsrev(unsigned char *s)
{
    unsigned char *p;
    _strrev((char *)s);
    for (p = s; *p; p++)          /* pairs came out trail, lead: swap back */
        if (p[1] && mb_lead(p[1]) && !mb_lead(p[0]) && _ismbbtrail(p[0]))
        {
            unsigned char t = p[0];
            p[0] = p[1];
            p[1] = t;
            p++;
        }
    return s;
}

unsigned char *__cdecl _mbsset(unsigned char *s, unsigned int c)
{
    unsigned char *p = s;
    if (c > 0xff)
    {
        while (p[0] && p[1]) { *p++ = (unsigned char)(c >> 8); *p++ = (unsigned char)c; }
        if (*p) *p = ' ';
    }
    else for (; *p; p++) *p = (unsigned char)c;
    return s;
}

unsigned char *__cdecl _mbsnbset(unsigned char *s, unsigned int c, size_t n)
{
    unsigned char *p = s;
    for (; n && *p; p++, n--) *p = (unsigned char)c;
    return s;
}

unsigned char *__cdecl _mbsnset(unsigned char *s, unsigned int c, size_t n)
{
    return _mbsnbset(s, c, mbs_char_bytes(s, n));
}

unsigned char *__cdecl _mbstok_s(unsigned char *s, const unsigned char *delim, unsigned char **ctx)
{
    unsigned char *end;
    if (!delim || !ctx || (!s && !*ctx)) { *_errno() = EINVAL; _invalid_parameter_noinfo(); return NULL; }
    if (!s) s = *ctx;
    s += _mbsspn(s, delim);
    if (!*s) { *ctx = s; return NULL; }
    end = s + _mbscspn(s, delim);
    if (*end) { size_t len = _mbclen(end); *end = 0; if (len == 2) end[1] = 0; end += len; }
    *ctx = end;
    return s;
}

static unsigned char *mbstok_ctx;   /* Windows keeps it per thread */

unsigned char *__cdecl _mbstok(unsigned char *s, const unsigned char *delim)
{
    if (!s && !mbstok_ctx) return NULL;
    return _mbstok_s(s, delim, &mbstok_ctx);
}

/* Byte types: _MBC_SINGLE 0, _MBC_LEAD 1, _MBC_TRAIL 2, _MBC_ILLEGAL -1 */
int __cdecl _mbsbtype(const unsigned char *s, size_t n)
{
    const unsigned char *p = s, *end = s + n;
    while (p < end)
    {
        if (!*p) return -1;
        p += mb_lead(*p) ? 2 : 1;
    }
    if (!*end) return -1;
    if (p > end) return 2;
    return mb_lead(*end) ? 1 : 0;
}

int __cdecl _ismbslead(const unsigned char *start, const unsigned char *p)
{
    return _mbsbtype(start, p - start) == 1 ? -1 : 0;
}

int __cdecl _ismbstrail(const unsigned char *start, const unsigned char *p)
{
    return _mbsbtype(start, p - start) == 2 ? -1 : 0;
}

size_t __cdecl _mbclen_l(const unsigned char *s, _locale_t l) { return _mbclen(s); }
unsigned char *__cdecl _mbsinc_l(const unsigned char *s, _locale_t l) { return _mbsinc(s); }
unsigned char *__cdecl _mbsdec_l(const unsigned char *a, const unsigned char *b, _locale_t l) { return _mbsdec(a, b); }
size_t __cdecl _mbslen_l(const unsigned char *s, _locale_t l) { return _mbslen(s); }
unsigned char *__cdecl _mbschr_l(const unsigned char *s, unsigned int c, _locale_t l) { return _mbschr(s, c); }
unsigned char *__cdecl _mbsrchr_l(const unsigned char *s, unsigned int c, _locale_t l) { return _mbsrchr(s, c); }
unsigned char *__cdecl _mbsstr_l(const unsigned char *s, const unsigned char *f, _locale_t l) { return _mbsstr(s, f); }
int __cdecl _mbscmp_l(const unsigned char *a, const unsigned char *b, _locale_t l) { return _mbscmp(a, b); }
int __cdecl _mbsicmp_l(const unsigned char *a, const unsigned char *b, _locale_t l) { return _mbsicmp(a, b); }
unsigned int __cdecl _mbsnextc_l(const unsigned char *s, _locale_t l) { return _mbsnextc(s); }
int __cdecl _ismbbtrail_l(unsigned int c, _locale_t l) { return _ismbbtrail(c); }

/* Single-byte classification of the _mbs code page ("C" rules). */
int __cdecl _ismbbalpha(unsigned int c) { return isalpha(c & 0xff); }
int __cdecl _ismbbalnum(unsigned int c) { return isalnum(c & 0xff); }
int __cdecl _ismbbpunct(unsigned int c) { return ispunct(c & 0xff); }
int __cdecl _ismbbprint(unsigned int c) { return isprint(c & 0xff); }
int __cdecl _ismbbgraph(unsigned int c) { return isgraph(c & 0xff); }

/* Character classification of a (possibly double-byte) character. */
int __cdecl _ismbcalpha(unsigned int c) { return c < 256 && isalpha(c); }
int __cdecl _ismbcdigit(unsigned int c) { return c < 256 && isdigit(c); }
int __cdecl _ismbcalnum(unsigned int c) { return c < 256 && isalnum(c); }
int __cdecl _ismbcspace(unsigned int c) { return c < 256 && isspace(c); }
int __cdecl _ismbcpunct(unsigned int c) { return c < 256 && ispunct(c); }
int __cdecl _ismbcprint(unsigned int c) { return c < 256 ? isprint(c) : 1; }
int __cdecl _ismbcgraph(unsigned int c) { return c < 256 ? isgraph(c) : 1; }
int __cdecl _ismbclower(unsigned int c) { return c < 256 && islower(c); }
int __cdecl _ismbcupper(unsigned int c) { return c < 256 && isupper(c); }
unsigned int __cdecl _mbctolower(unsigned int c) { return c < 256 ? (unsigned int)tolower(c) : c; }
unsigned int __cdecl _mbctoupper(unsigned int c) { return c < 256 ? (unsigned int)toupper(c) : c; }

errno_t __cdecl wcrtomb_s(size_t *ret, char *dst, size_t size, wchar_t wc, mbstate_t *state)
{
    int len;
    errno_t err = wctomb_s(&len, dst, size, wc);
    if (ret) *ret = err ? (size_t)-1 : (size_t)len;
    return err;
}

errno_t __cdecl mbsrtowcs_s(size_t *ret, wchar_t *dst, size_t size, const char **src,
                            size_t count, mbstate_t *state)
{
    errno_t err;
    if (!src) return conv_error(EINVAL, dst, size, 1);
    err = mbstowcs_s(ret, dst, size, *src, count);
    if (!err && dst) *src = NULL;
    return err;
}

errno_t __cdecl wcsrtombs_s(size_t *ret, char *dst, size_t size, const wchar_t **src,
                            size_t count, mbstate_t *state)
{
    errno_t err;
    if (!src) return conv_error(EINVAL, dst, size, 0);
    err = wcstombs_s(ret, dst, size, *src, count);
    if (!err && dst) *src = NULL;
    return err;
}
