/*
 * strtol.c — integer conversions: text to integer (strtol, strtoul,
 * _strtoi64, _strtoui64, atoi, atol, _atoi64 and the wide forms, which also
 * take Unicode decimal digits) and integer to text (_itoa, _ltoa, _ultoa,
 * _i64toa, _ui64toa, their wide and *_s forms).
 */
#include "format.h"

#define EINVAL 22
#define ERANGE 34

static inline int unit_at(const void *s, int wide, size_t i)
{
    return wide ? ((const msvcrt_wchar *)s)[i] : ((const unsigned char *)s)[i];
}

/* Zeros of the Unicode decimal digit runs that msvcrt's wide conversions
 * accept besides ASCII (Arabic-Indic, Devanagari… fullwidth). */
static const msvcrt_wchar digit_zeros[] =
{
    0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0c66, 0x0ce6,
    0x0d66, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x17e0, 0x1810, 0xff10,
};

static int digit_value(int c, int wide)
{
    unsigned int i;
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    if (!wide || c < 0x660) return -1;
    for (i = 0; i < sizeof(digit_zeros) / sizeof(digit_zeros[0]); i++)
        if (c >= digit_zeros[i] && c <= digit_zeros[i] + 9) return c - digit_zeros[i];
    return -1;
}

unsigned __int64 msvcrt_parse_uint(const void *s, int wide, int base,
                                   size_t *len, int *neg, int *overflow)
{
    unsigned __int64 v = 0;
    size_t i = 0, start;
    int c = unit_at(s, wide, 0), d;

    *neg = *overflow = 0;
    if (c == '+' || c == '-') { *neg = c == '-'; i++; }
    if (unit_at(s, wide, i) == '0')
    {
        int x = unit_at(s, wide, i + 1);
        /* msvcrt: "0x" without a hex digit after it is no number at all */
        if ((x == 'x' || x == 'X') && (base == 0 || base == 16))
        {
            base = 16;
            i += 2;
        }
        else if (base == 0) base = 8;
    }
    if (base == 0) base = 10;
    start = i;
    for (; (d = digit_value(unit_at(s, wide, i), wide)) >= 0 && d < base; i++)
    {
        if (v > (~0ull - d) / base) *overflow = 1;
        v = v * base + d;
    }
    *len = i == start ? 0 : i;
    return v;
}

static int is_space(int c, int wide)
{
    if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
    return wide && iswspace(c);
}

/* Shared by every strto* form: min/max are the limits of the result type
 * (for unsigned types max only; a minus sign negates modulo 2^bits). */
static unsigned __int64 str_to_int(const void *s, int wide, void **end, int base,
                                   int is_signed, unsigned __int64 max)
{
    size_t skip = 0, len;
    int neg, overflow;
    unsigned __int64 v;

    if (end) *end = (void *)s;
    if (!s || (base && (base < 2 || base > 36)))
    {
        *_errno() = EINVAL;
        _invalid_parameter_noinfo();
        return 0;
    }
    while (is_space(unit_at(s, wide, skip), wide)) skip++;
    v = msvcrt_parse_uint(wide ? (const void *)((const msvcrt_wchar *)s + skip)
                               : (const void *)((const char *)s + skip),
                          wide, base, &len, &neg, &overflow);
    if (!len) return 0;
    if (end) *end = wide ? (void *)((const msvcrt_wchar *)s + skip + len)
                         : (void *)((const char *)s + skip + len);
    if (is_signed)
    {
        /* max + 1 is the magnitude of the most negative value */
        if (overflow || v > max + (unsigned __int64)neg)
        {
            *_errno() = ERANGE;
            return neg ? ~max : max;
        }
        return neg ? -v : v;
    }
    /* an overflowing negative number still gets negated: -ULONG_MAX is 1 */
    if (overflow || v > max) { *_errno() = ERANGE; v = max; }
    return neg ? (-v) & max : v;
}

#define S(s) ((const void *)(s))

long __cdecl strtol(const char *s, char **end, int base)
{
    return (long)str_to_int(S(s), 0, (void **)end, base, 1, 0x7fffffff);
}

unsigned long __cdecl strtoul(const char *s, char **end, int base)
{
    return (unsigned long)str_to_int(S(s), 0, (void **)end, base, 0, 0xffffffff);
}

__int64 __cdecl _strtoi64(const char *s, char **end, int base)
{
    return (__int64)str_to_int(S(s), 0, (void **)end, base, 1, 0x7fffffffffffffffull);
}

unsigned __int64 __cdecl _strtoui64(const char *s, char **end, int base)
{
    return str_to_int(S(s), 0, (void **)end, base, 0, ~0ull);
}

long __cdecl _strtol_l(const char *s, char **end, int base, _locale_t l) { return strtol(s, end, base); }
unsigned long __cdecl _strtoul_l(const char *s, char **end, int base, _locale_t l) { return strtoul(s, end, base); }
__int64 __cdecl _strtoi64_l(const char *s, char **end, int base, _locale_t l) { return _strtoi64(s, end, base); }
unsigned __int64 __cdecl _strtoui64_l(const char *s, char **end, int base, _locale_t l) { return _strtoui64(s, end, base); }

long __cdecl wcstol(const wchar_t *s, wchar_t **end, int base)
{
    return (long)str_to_int(S(s), 1, (void **)end, base, 1, 0x7fffffff);
}

unsigned long __cdecl wcstoul(const wchar_t *s, wchar_t **end, int base)
{
    return (unsigned long)str_to_int(S(s), 1, (void **)end, base, 0, 0xffffffff);
}

__int64 __cdecl _wcstoi64(const wchar_t *s, wchar_t **end, int base)
{
    return (__int64)str_to_int(S(s), 1, (void **)end, base, 1, 0x7fffffffffffffffull);
}

unsigned __int64 __cdecl _wcstoui64(const wchar_t *s, wchar_t **end, int base)
{
    return str_to_int(S(s), 1, (void **)end, base, 0, ~0ull);
}

long __cdecl _wcstol_l(const wchar_t *s, wchar_t **end, int base, _locale_t l) { return wcstol(s, end, base); }
unsigned long __cdecl _wcstoul_l(const wchar_t *s, wchar_t **end, int base, _locale_t l) { return wcstoul(s, end, base); }
__int64 __cdecl _wcstoi64_l(const wchar_t *s, wchar_t **end, int base, _locale_t l) { return _wcstoi64(s, end, base); }
unsigned __int64 __cdecl _wcstoui64_l(const wchar_t *s, wchar_t **end, int base, _locale_t l) { return _wcstoui64(s, end, base); }

/* atoi and friends: base 10. msvcrt's wrap around silently on overflow;
 * ucrtbase's saturate and set ERANGE like strtol. */
static __int64 str_to_int_wrapping(const void *s, int wide, int is64)
{
    size_t skip = 0, len;
    int neg, overflow;
    unsigned __int64 v;
#ifdef WLX_UCRT
    if (is64) return (__int64)str_to_int(s, wide, NULL, 10, 1, 0x7fffffffffffffffull);
    return (int)str_to_int(s, wide, NULL, 10, 1, 0x7fffffff);
#endif
    if (!s) { *_errno() = EINVAL; _invalid_parameter_noinfo(); return 0; }
    while (is_space(unit_at(s, wide, skip), wide)) skip++;
    v = msvcrt_parse_uint(wide ? (const void *)((const msvcrt_wchar *)s + skip)
                               : (const void *)((const char *)s + skip),
                          wide, 10, &len, &neg, &overflow);
    if (neg) v = -v;
    return is64 ? (__int64)v : (int)v;
}

int __cdecl atoi(const char *s) { return (int)str_to_int_wrapping(s, 0, 0); }
long __cdecl atol(const char *s) { return (long)str_to_int_wrapping(s, 0, 0); }
__int64 __cdecl _atoi64(const char *s) { return str_to_int_wrapping(s, 0, 1); }
int __cdecl _atoi_l(const char *s, _locale_t l) { return atoi(s); }
long __cdecl _atol_l(const char *s, _locale_t l) { return atol(s); }
__int64 __cdecl _atoi64_l(const char *s, _locale_t l) { return _atoi64(s); }
int __cdecl _wtoi(const wchar_t *s) { return (int)str_to_int_wrapping(s, 1, 0); }
long __cdecl _wtol(const wchar_t *s) { return (long)str_to_int_wrapping(s, 1, 0); }
__int64 __cdecl _wtoi64(const wchar_t *s) { return str_to_int_wrapping(s, 1, 1); }
int __cdecl _wtoi_l(const wchar_t *s, _locale_t l) { return _wtoi(s); }
long __cdecl _wtol_l(const wchar_t *s, _locale_t l) { return _wtol(s); }
__int64 __cdecl _wtoi64_l(const wchar_t *s, _locale_t l) { return _wtoi64(s); }

/* ---- integer to text ----------------------------------------------------- */

/* Writes the digits of v (with '-' when neg) to tmp, reversed; returns the
 * count. Digits above 9 are lowercase letters. */
static int int_digits(unsigned __int64 v, int neg, int radix, char *tmp)
{
    int n = 0;
    do { int d = (int)(v % radix); tmp[n++] = d < 10 ? '0' + d : 'a' + d - 10; } while ((v /= radix));
    if (neg) tmp[n++] = '-';
    return n;
}

static void *int_to_str(unsigned __int64 v, int neg, void *buf, int radix, int wide)
{
    char tmp[70];
    int n = int_digits(v, neg, radix, tmp), i;
    for (i = 0; i < n; i++)
    {
        if (wide) ((msvcrt_wchar *)buf)[i] = tmp[n - 1 - i];
        else ((char *)buf)[i] = tmp[n - 1 - i];
    }
    if (wide) ((msvcrt_wchar *)buf)[n] = 0;
    else ((char *)buf)[n] = 0;
    return buf;
}

/* Only base 10 shows a sign; other bases print the two's complement of the
 * argument's width. */
#define SIGNED_TO_STR(v, bits, buf, radix, wide) \
    ((radix) == 10 && (v) < 0 ? int_to_str(-(unsigned __int64)(v), 1, buf, radix, wide) \
                              : int_to_str((unsigned __int64)(v) & (~0ull >> (64 - (bits))), 0, buf, radix, wide))

char *__cdecl _itoa(int v, char *buf, int radix) { return SIGNED_TO_STR(v, 32, buf, radix, 0); }
char *__cdecl _ltoa(long v, char *buf, int radix) { return SIGNED_TO_STR(v, 32, buf, radix, 0); }
char *__cdecl _i64toa(__int64 v, char *buf, int radix) { return SIGNED_TO_STR(v, 64, buf, radix, 0); }
char *__cdecl _ultoa(unsigned long v, char *buf, int radix) { return int_to_str(v, 0, buf, radix, 0); }
char *__cdecl _ui64toa(unsigned __int64 v, char *buf, int radix) { return int_to_str(v, 0, buf, radix, 0); }
wchar_t *__cdecl _itow(int v, wchar_t *buf, int radix) { return SIGNED_TO_STR(v, 32, buf, radix, 1); }
wchar_t *__cdecl _ltow(long v, wchar_t *buf, int radix) { return SIGNED_TO_STR(v, 32, buf, radix, 1); }
wchar_t *__cdecl _i64tow(__int64 v, wchar_t *buf, int radix) { return SIGNED_TO_STR(v, 64, buf, radix, 1); }
wchar_t *__cdecl _ultow(unsigned long v, wchar_t *buf, int radix) { return int_to_str(v, 0, buf, radix, 1); }
wchar_t *__cdecl _ui64tow(unsigned __int64 v, wchar_t *buf, int radix) { return int_to_str(v, 0, buf, radix, 1); }

/* The *_s forms check the buffer and radix first and clear the buffer on
 * failure. */
static errno_t int_to_str_s(unsigned __int64 v, int neg, void *buf, size_t size, int radix, int wide)
{
    char tmp[70];
    int n;
    if (!buf || !size) { *_errno() = EINVAL; _invalid_parameter_noinfo(); return EINVAL; }
    if (wide) *(msvcrt_wchar *)buf = 0; else *(char *)buf = 0;
    if (radix < 2 || radix > 36) { *_errno() = EINVAL; _invalid_parameter_noinfo(); return EINVAL; }
    n = int_digits(v, neg, radix, tmp);
    if ((size_t)n >= size) { *_errno() = ERANGE; _invalid_parameter_noinfo(); return ERANGE; }
    int_to_str(v, neg, buf, radix, wide);
    return 0;
}

#define SIGNED_TO_STR_S(v, bits, buf, size, radix, wide) \
    ((radix) == 10 && (v) < 0 ? int_to_str_s(-(unsigned __int64)(v), 1, buf, size, radix, wide) \
                              : int_to_str_s((unsigned __int64)(v) & (~0ull >> (64 - (bits))), 0, buf, size, radix, wide))

errno_t __cdecl _itoa_s(int v, char *buf, size_t size, int radix) { return SIGNED_TO_STR_S(v, 32, buf, size, radix, 0); }
errno_t __cdecl _ltoa_s(long v, char *buf, size_t size, int radix) { return SIGNED_TO_STR_S(v, 32, buf, size, radix, 0); }
errno_t __cdecl _i64toa_s(__int64 v, char *buf, size_t size, int radix) { return SIGNED_TO_STR_S(v, 64, buf, size, radix, 0); }
errno_t __cdecl _ultoa_s(unsigned long v, char *buf, size_t size, int radix) { return int_to_str_s(v, 0, buf, size, radix, 0); }
/* _ui64toa_s/_ui64tow_s report a short buffer as EINVAL and leave it alone */
static errno_t uint64_to_str_s(unsigned __int64 v, void *buf, size_t size, int radix, int wide)
{
    char tmp[70];
    if (buf && size && (radix < 2 || radix > 36))
    {
        if (wide) *(msvcrt_wchar *)buf = 0; else *(char *)buf = 0;
    }
    if (!buf || !size || radix < 2 || radix > 36 || (size_t)int_digits(v, 0, radix, tmp) >= size)
    {
        *_errno() = EINVAL;
        _invalid_parameter_noinfo();
        return EINVAL;
    }
    int_to_str(v, 0, buf, radix, wide);
    return 0;
}

errno_t __cdecl _ui64toa_s(unsigned __int64 v, char *buf, size_t size, int radix) { return uint64_to_str_s(v, buf, size, radix, 0); }
errno_t __cdecl _itow_s(int v, wchar_t *buf, size_t size, int radix) { return SIGNED_TO_STR_S(v, 32, buf, size, radix, 1); }
errno_t __cdecl _ltow_s(long v, wchar_t *buf, size_t size, int radix) { return SIGNED_TO_STR_S(v, 32, buf, size, radix, 1); }
errno_t __cdecl _i64tow_s(__int64 v, wchar_t *buf, size_t size, int radix) { return SIGNED_TO_STR_S(v, 64, buf, size, radix, 1); }
errno_t __cdecl _ultow_s(unsigned long v, wchar_t *buf, size_t size, int radix) { return int_to_str_s(v, 0, buf, size, radix, 1); }
errno_t __cdecl _ui64tow_s(unsigned __int64 v, wchar_t *buf, size_t size, int radix) { return uint64_to_str_s(v, buf, size, radix, 1); }
