/*
 * mbcs.c — multibyte characters: the locale conversions (mbtowc, wctomb,
 * mblen, mbstowcs, wcstombs and their _s / restartable forms) and the
 * character counts _mbstrlen/_mbstrnlen; the _mbs* functions of the
 * multibyte code page (_getmbcp/_setmbcp) are in mbstr.c.
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

/* ---- LC_CTYPE character counts (the _mbs* functions are in mbstr.c) ---- */

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

/* _mbstrnlen: characters in at most max bytes (a character is not cut);
 * EINVAL for NULL or a max past INT_MAX, EILSEQ for an invalid one */
size_t __cdecl _mbstrnlen(const char *s, size_t max)
{
    size_t n = 0, used = 0;
    msvcrt_wchar wc;
    int len;

    if (!s || max > 0x7fffffff) { *_errno() = EINVAL; _invalid_parameter_noinfo(); return (size_t)-1; }
    while (used < max && s[used])
    {
        if ((len = msvcrt_mb_to_wc(s + used, max - used, &wc)) < 0) { *_errno() = EILSEQ; return (size_t)-1; }
        used += len;
        n++;
    }
    return n;
}

size_t __cdecl _mbstrnlen_l(const char *s, size_t max, _locale_t locale)
{
    return _mbstrnlen(s, max);
}

size_t __cdecl _mbstrlen_l(const char *s, _locale_t locale)
{
    return _mbstrlen(s);
}

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
