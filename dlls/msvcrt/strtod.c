/*
 * strtod.c — exact conversions between decimal text and double, done with
 * a small fixed-size bignum: the decimal expansion used by printf's %e/%f/%g
 * and the correctly rounded parser behind strtod, wcstod, atof, _wtof,
 * _atodbl, _atoflt and scanf's %f.
 *
 * Sections: bignum arithmetic; double -> exact digits; digit rounding;
 * text -> double; the exported functions.
 */
#include "format.h"

#undef strtod     /* the SDK redirects it to mingw's __strtod */

#define ERANGE 34
#define MAX_SIG_DIGITS 800   /* more never changes the rounding of a double */

/* ---- bignum: little-endian 32-bit limbs, up to 5120 bits ---------------- */

#define BN_LIMBS 160
typedef struct { int n; UINT32 d[BN_LIMBS]; } bignum;

static void bn_set(bignum *b, UINT64 v)
{
    b->n = 0;
    while (v) { b->d[b->n++] = (UINT32)v; v >>= 32; }
}

static void bn_mul_add(bignum *b, UINT32 m, UINT32 add)
{
    UINT64 carry = add;
    int i;
    for (i = 0; i < b->n; i++)
    {
        carry += (UINT64)b->d[i] * m;
        b->d[i] = (UINT32)carry;
        carry >>= 32;
    }
    if (carry) b->d[b->n++] = (UINT32)carry;
}

static void bn_mul_pow5(bignum *b, int n)
{
    for (; n >= 13; n -= 13) bn_mul_add(b, 1220703125u, 0); /* 5^13 */
    while (n--) bn_mul_add(b, 5, 0);
}

static void bn_mul_pow10(bignum *b, int n)
{
    for (; n >= 9; n -= 9) bn_mul_add(b, 1000000000u, 0);
    while (n--) bn_mul_add(b, 10, 0);
}

static void bn_shl(bignum *b, int bits)
{
    int words = bits / 32, sh = bits % 32, i;
    if (!b->n) return;
    b->d[b->n] = 0;
    for (i = b->n; i >= 0; i--)
    {
        UINT32 v = b->d[i] << sh;
        if (sh && i) v |= b->d[i - 1] >> (32 - sh);
        b->d[i + words] = v;
    }
    for (i = 0; i < words; i++) b->d[i] = 0;
    b->n += words + 1;
    while (b->n && !b->d[b->n - 1]) b->n--;
}

static void bn_shr1(bignum *b)
{
    int i;
    for (i = 0; i < b->n; i++)
        b->d[i] = (b->d[i] >> 1) | (i + 1 < b->n ? b->d[i + 1] << 31 : 0);
    while (b->n && !b->d[b->n - 1]) b->n--;
}

static UINT32 bn_div_small(bignum *b, UINT32 div)
{
    UINT64 rem = 0;
    int i;
    for (i = b->n - 1; i >= 0; i--)
    {
        rem = (rem << 32) | b->d[i];
        b->d[i] = (UINT32)(rem / div);
        rem %= div;
    }
    while (b->n && !b->d[b->n - 1]) b->n--;
    return (UINT32)rem;
}

static int bn_cmp(const bignum *a, const bignum *b)
{
    int i;
    if (a->n != b->n) return a->n < b->n ? -1 : 1;
    for (i = a->n - 1; i >= 0; i--)
        if (a->d[i] != b->d[i]) return a->d[i] < b->d[i] ? -1 : 1;
    return 0;
}

static void bn_sub(bignum *a, const bignum *b)   /* a -= b, a >= b */
{
    INT64 borrow = 0;
    int i;
    for (i = 0; i < a->n; i++)
    {
        INT64 v = (INT64)a->d[i] - (i < b->n ? b->d[i] : 0) - borrow;
        borrow = v < 0;
        a->d[i] = (UINT32)v;
    }
    while (a->n && !a->d[a->n - 1]) a->n--;
}

static int bn_bitlen(const bignum *b)
{
    int bits;
    if (!b->n) return 0;
    bits = 32 * (b->n - 1);
    for (UINT32 top = b->d[b->n - 1]; top; top >>= 1) bits++;
    return bits;
}

/* ---- double -> exact decimal digits ------------------------------------ */

/* Writes the decimal digits of b (consumed) to buf; returns their count. */
static int bn_to_decimal(bignum *b, char *buf)
{
    char tmp[1600];
    int n = 0, i;
    while (b->n)
    {
        UINT32 chunk = bn_div_small(b, 1000000000u);
        for (i = 0; i < 9; i++) { tmp[n++] = '0' + chunk % 10; chunk /= 10; }
    }
    while (n > 1 && tmp[n - 1] == '0') n--;
    for (i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
    return n;
}

int msvcrt_exact_digits(double v, char *buf, int *decpt)
{
    UINT64 bits, mant;
    int exp2, n;
    bignum b;

    memcpy(&bits, &v, sizeof(bits));
    mant = bits & ((1ull << 52) - 1);
    exp2 = (int)((bits >> 52) & 0x7ff);
    if (!exp2 && !mant) { buf[0] = '0'; *decpt = 1; return 1; }
    if (exp2) mant |= 1ull << 52; else exp2 = 1;
    exp2 -= 1075;                                 /* v = mant * 2^exp2 */
    bn_set(&b, mant);
    if (exp2 >= 0) bn_shl(&b, exp2);
    else bn_mul_pow5(&b, -exp2);                  /* mant*5^k * 10^-k */
    n = bn_to_decimal(&b, buf);
    *decpt = n + (exp2 < 0 ? exp2 : 0);
    while (n > 1 && buf[n - 1] == '0') n--;
    return n;
}

/* ---- rounding a digit string ------------------------------------------- */

static int round_up_wanted(const char *buf, int n, int keep, int half_even)
{
    int i;
    if (buf[keep] != '5') return buf[keep] > '5';
    for (i = keep + 1; i < n; i++) if (buf[i] != '0') return 1;
    if (!half_even) return 1;
    return keep > 0 && ((buf[keep - 1] - '0') & 1);
}

int msvcrt_round_digits(char *buf, int n, int keep, int *decpt, int half_even)
{
    int i;
    if (keep >= n) return n;
    if (keep < 0) return 0;
    if (!round_up_wanted(buf, n, keep, half_even)) return keep;
    for (i = keep - 1; i >= 0; i--)
    {
        if (buf[i] != '9') { buf[i]++; return keep; }
        buf[i] = '0';
    }
    /* all nines (or keep == 0): the value became 10^decpt */
    buf[0] = '1';
    (*decpt)++;
    return keep ? keep : 1;
}

/* ---- text -> double ---------------------------------------------------- */

struct decimal
{
    char digits[MAX_SIG_DIGITS];
    int ndig;          /* significant digits kept */
    int exp10;         /* value = digits (as integer) * 10^exp10 */
    int truncated;     /* non-zero digits were dropped after ndig */
};

static inline int unit_at(const void *s, int wide, size_t i)
{
    return wide ? ((const msvcrt_wchar *)s)[i] : ((const unsigned char *)s)[i];
}

static inline int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static UINT64 make_double_bits(UINT64 m, int e2, int *erange)
{
    /* value = m * 2^e2 with m < 2^54 already rounded */
    int biased;
    if (m >= 1ull << 53) { m >>= 1; e2++; }
    if (!m) { *erange = 1; return 0; }
    if (m < 1ull << 52) return m;     /* denormal: not ERANGE (msvcrt) */
    biased = e2 + 52 + 1023;
    if (biased >= 2047) { *erange = 1; return 0x7ffull << 52; }
    return ((UINT64)biased << 52) | (m & ((1ull << 52) - 1));
}

/* Rounds q * 2^e (q < 2^58) to a double, sticky = bits lost below q. */
static UINT64 round_binary(UINT64 q, int e, int sticky, int *erange)
{
    int qb = 0, shift;
    UINT64 m, rem, half;
    for (UINT64 t = q; t; t >>= 1) qb++;
    shift = qb - 53;
    if (e + shift < -1074) shift = -1074 - e;
    if (shift <= 0) return make_double_bits(q << -shift, e + shift, erange);
    if (shift >= 64) { *erange = 1; return 0; }
    m = q >> shift;
    rem = q & ((1ull << shift) - 1);
    half = 1ull << (shift - 1);
    if (rem > half || (rem == half && (sticky || (m & 1)))) m++;
    return make_double_bits(m, e + shift, erange);
}

static UINT64 decimal_to_bits(const struct decimal *dec, int *erange)
{
    bignum local[3];    /* ~2 KiB of stack */
    bignum *N = &local[0], *M = &local[1], *T = &local[2];
    UINT64 q = 0;
    int i, e, bl;

    if (!dec->ndig) return 0;
    if (dec->ndig <= 15 && !dec->truncated && dec->exp10 >= -22 && dec->exp10 <= 22)
    {
        /* both the digits and 10^|exp| are exact doubles, so one IEEE
         * multiplication or division rounds correctly (Clinger) */
        static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
            1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
        UINT64 v = 0, bits;
        double d;
        for (i = 0; i < dec->ndig; i++) v = v * 10 + dec->digits[i] - '0';
        d = dec->exp10 >= 0 ? (double)v * pow10[dec->exp10] : (double)v / pow10[-dec->exp10];
        memcpy(&bits, &d, sizeof(bits));
        return bits;
    }
    if (dec->ndig + dec->exp10 > 310) { *erange = 1; return 0x7ffull << 52; }
    if (dec->ndig + dec->exp10 < -324) { *erange = 1; return 0; }
    bn_set(N, 0);
    for (i = 0; i < dec->ndig; i++) bn_mul_add(N, 10, dec->digits[i] - '0');
    bn_set(M, 1);
    if (dec->exp10 >= 0) bn_mul_pow10(N, dec->exp10);
    else bn_mul_pow10(M, -dec->exp10);
    /* choose e so that q = N / (M * 2^e) lies in [2^55, 2^57) */
    bl = bn_bitlen(N) - bn_bitlen(M);
    e = bl - 56;
    if (e < 0) bn_shl(N, -e); else bn_shl(M, e);
    *T = *M;
    bn_shl(T, 57);
    for (i = 57; i >= 0; i--)
    {
        if (bn_cmp(N, T) >= 0) { bn_sub(N, T); q |= 1ull << i; }
        bn_shr1(T);
    }
    return round_binary(q, e, N->n != 0 || dec->truncated, erange);
}

/* Reads [digits][.digits][exponent]; returns units used, 0 if no digit. */
static size_t parse_decimal(const void *s, int wide, struct decimal *dec)
{
    size_t i = 0;
    int any = 0, seen_point = 0, c;

    dec->ndig = dec->exp10 = dec->truncated = 0;
    for (;; i++)
    {
        c = unit_at(s, wide, i);
        if (c == '.' && !seen_point) { seen_point = 1; continue; }
        if (c < '0' || c > '9') break;
        any = 1;
        if (c == '0' && !dec->ndig) { if (seen_point) dec->exp10--; continue; }
        if (dec->ndig < MAX_SIG_DIGITS)
        {
            dec->digits[dec->ndig++] = (char)c;
            if (seen_point) dec->exp10--;
        }
        else
        {
            if (c != '0') dec->truncated = 1;
            if (!seen_point) dec->exp10++;
        }
    }
    if (!any) return 0;
    c = lower(unit_at(s, wide, i));
    /* msvcrt also takes Fortran's d/D as the exponent letter */
    if (c == 'e' || c == 'd')
    {
        size_t j = i + 1;
        int neg = 0, exp = 0;
        c = unit_at(s, wide, j);
        if (c == '+' || c == '-') { neg = c == '-'; c = unit_at(s, wide, ++j); }
        if (c >= '0' && c <= '9')
        {
            for (; (c = unit_at(s, wide, j)) >= '0' && c <= '9'; j++)
                if (exp < 100000) exp = exp * 10 + c - '0';
            dec->exp10 += neg ? -exp : exp;
            i = j;
        }
    }
    return i;
}

static int hex_value(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = lower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* ucrtbase: 0x<hex>[.<hex>][p<exp>], s points after "0x". */
static size_t parse_hex(const void *s, int wide, UINT64 *bits, int *erange)
{
    UINT64 q = 0;
    int e = 0, sticky = 0, any = 0, point = 0, v;
    size_t i = 0;

    for (;; i++)
    {
        int c = unit_at(s, wide, i);
        if (c == '.' && !point) { point = 1; continue; }
        if ((v = hex_value(c)) < 0) break;
        any = 1;
        if (q < 1ull << 56) { q = q * 16 + v; if (point) e -= 4; }
        else { sticky |= v != 0; if (!point) e += 4; }
    }
    if (!any) return 0;
    if (lower(unit_at(s, wide, i)) == 'p')
    {
        size_t j = i + 1;
        int c = unit_at(s, wide, j), neg = 0, exp = 0;
        if (c == '+' || c == '-') { neg = c == '-'; c = unit_at(s, wide, ++j); }
        if (c >= '0' && c <= '9')
        {
            for (; (c = unit_at(s, wide, j)) >= '0' && c <= '9'; j++)
                if (exp < 100000) exp = exp * 10 + c - '0';
            e += neg ? -exp : exp;
            i = j;
        }
    }
    if (!q) { *bits = 0; return i; }
    while (q >= 1ull << 58) { sticky |= q & 1; q >>= 1; e++; }
    if (e > 2000) { *erange = 1; *bits = 0x7ffull << 52; }
    else if (e < -2000) { *erange = 1; *bits = 0; }
    else *bits = round_binary(q, e, sticky, erange);
    return i;
}

static size_t match_word(const void *s, int wide, const char *word)
{
    size_t i;
    for (i = 0; word[i]; i++)
        if (lower(unit_at(s, wide, i)) != word[i]) return 0;
    return i;
}

/* ucrtbase only: inf, infinity, nan, nan(chars) */
static size_t parse_special(const void *s, int wide, UINT64 *bits)
{
    size_t n;
    if ((n = match_word(s, wide, "infinity")) || (n = match_word(s, wide, "inf")))
    {
        *bits = 0x7ffull << 52;
        return n;
    }
    if (!(n = match_word(s, wide, "nan"))) return 0;
    *bits = 0x7ff8000000000000ull;
    if (unit_at(s, wide, n) == '(')
    {
        size_t j = n + 1;
        int c;
        while ((c = lower(unit_at(s, wide, j))) == '_' || (c >= '0' && c <= '9')
               || (c >= 'a' && c <= 'z')) j++;
        if (c == ')') n = j + 1;
    }
    return n;
}

double msvcrt_parse_double(const void *s, int wide, int ucrt, size_t *len, int *erange)
{
    struct decimal dec;
    UINT64 bits = 0;
    size_t i = 0, n;
    int c = unit_at(s, wide, 0), neg = 0;
    double ret;

    *erange = 0;
    if (c == '+' || c == '-') { neg = c == '-'; i++; }
    c = unit_at(s, wide, i);
    if (ucrt && c == '0' && lower(unit_at(s, wide, i + 1)) == 'x')
    {
        const void *p = wide ? (const void *)((const msvcrt_wchar *)s + i + 2)
                             : (const void *)((const char *)s + i + 2);
        if ((n = parse_hex(p, wide, &bits, erange))) i += 2 + n;
        else i += 1;            /* "0x" alone reads as the number 0 */
    }
    else if (ucrt && (n = parse_special(wide ? (const void *)((const msvcrt_wchar *)s + i)
                                             : (const void *)((const char *)s + i),
                                        wide, &bits)))
        i += n;
    else
    {
        n = parse_decimal(wide ? (const void *)((const msvcrt_wchar *)s + i)
                               : (const void *)((const char *)s + i), wide, &dec);
        if (!n) { *len = 0; return 0.0; }
        i += n;
        bits = decimal_to_bits(&dec, erange);
    }
    if (neg) bits |= 1ull << 63;
    *len = i;
    memcpy(&ret, &bits, sizeof(ret));
    return ret;
}

/* ---- exported functions ------------------------------------------------ */

static int is_space(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static double str_to_double(const void *str, int wide, void **end)
{
    size_t skip = 0, len;
    int erange;
    double ret;

    if (!str)
    {
        _invalid_parameter_noinfo();
        *_errno() = 22;   /* EINVAL */
        if (end) *end = NULL;
        return 0.0;
    }
    while (is_space(unit_at(str, wide, skip))) skip++;
    ret = msvcrt_parse_double(wide ? (const void *)((const msvcrt_wchar *)str + skip)
                                   : (const void *)((const char *)str + skip),
                              wide, WLX_IS_UCRT, &len, &erange);
    if (erange) *_errno() = ERANGE;
    if (!len) skip = 0;       /* no number: *end is the string itself */
    if (end)
        *end = wide ? (void *)((const msvcrt_wchar *)str + skip + len)
                    : (void *)((const char *)str + skip + len);
    return ret;
}

double __cdecl strtod(const char *str, char **end)
{
    return str_to_double(str, 0, (void **)end);
}

double __cdecl _strtod_l(const char *str, char **end, _locale_t locale)
{
    return str_to_double(str, 0, (void **)end);
}

double __cdecl wcstod(const wchar_t *str, wchar_t **end)
{
    return str_to_double(str, 1, (void **)end);
}

double __cdecl _wcstod_l(const wchar_t *str, wchar_t **end, _locale_t locale)
{
    return str_to_double(str, 1, (void **)end);
}

double __cdecl atof(const char *str)
{
    return str_to_double(str, 0, NULL);
}

double __cdecl _atof_l(const char *str, _locale_t locale)
{
    return str_to_double(str, 0, NULL);
}

double __cdecl _wtof(const wchar_t *str)
{
    return str_to_double(str, 1, NULL);
}

double __cdecl _wtof_l(const wchar_t *str, _locale_t locale)
{
    return str_to_double(str, 1, NULL);
}

/* _atodbl/_atoflt report range errors through their return value
 * (_OVERFLOW 3, _UNDERFLOW 4) instead of errno. */
int __cdecl _atodbl(_CRT_DOUBLE *value, char *str)
{
    size_t skip = 0, len;
    int erange;
    while (is_space((unsigned char)str[skip])) skip++;
    value->x = msvcrt_parse_double(str + skip, 0, WLX_IS_UCRT, &len, &erange);
    if (!erange) return 0;
    return value->x == 0.0 ? 4 : 3;
}

int __cdecl _atodbl_l(_CRT_DOUBLE *value, char *str, _locale_t locale)
{
    return _atodbl(value, str);
}

int __cdecl _atoflt(_CRT_FLOAT *value, char *str)
{
    _CRT_DOUBLE d;
    int ret = _atodbl(&d, str);
    value->f = (float)d.x;
    if (ret) return ret;
    if (d.x != 0.0 && value->f == 0.0f) return 4;
    if (value->f - value->f != 0.0f) return 3;   /* became infinite */
    return 0;
}

int __cdecl _atoflt_l(_CRT_FLOAT *value, char *str, _locale_t locale)
{
    return _atoflt(value, str);
}

/* _atoldbl: the value as an 80-bit x87 number (_LDOUBLE, 10 bytes). It is
 * parsed with double precision, then widened exactly. */
int __cdecl _atoldbl(_LDOUBLE *value, char *str)
{
    _CRT_DOUBLE d;
    int ret = _atodbl(&d, str);
    UINT64 bits, mant;
    int exp, sign;

    memcpy(&bits, &d.x, sizeof(bits));
    sign = (int)(bits >> 63);
    exp = (int)((bits >> 52) & 0x7ff);
    mant = bits & ((1ull << 52) - 1);
    if (exp == 0x7ff) { exp = 0x7fff; mant = (mant << 11) | (1ull << 63); }
    else if (exp) { exp += 16383 - 1023; mant = (mant << 11) | (1ull << 63); }
    else if (mant)
    {
        exp = 16383 - 1022;                      /* denormal: normalize */
        while (!(mant & (1ull << 52))) { mant <<= 1; exp--; }
        mant <<= 11;
    }
    memcpy(value->ld, &mant, 8);
    value->ld[8] = (unsigned char)exp;
    value->ld[9] = (unsigned char)((exp >> 8) | (sign << 7));
    return ret;
}

int __cdecl _atoldbl_l(_LDOUBLE *value, char *str, _locale_t locale)
{
    return _atoldbl(value, str);
}

/* strtof: the double result narrowed. Double rounding can differ from a
   direct decimal-to-float conversion in rare halfway cases (a known gap). */
static float narrow(double d)
{
    float f = (float)d;
    if ((f == __builtin_inff() || f == -__builtin_inff()) && d == d && d != __builtin_inf() && d != -__builtin_inf())
        *_errno() = ERANGE;
    else if (f == 0.0f && d != 0.0) *_errno() = ERANGE;
    return f;
}

float __cdecl strtof(const char *str, char **end) { return narrow(strtod(str, end)); }
float __cdecl _strtof_l(const char *str, char **end, _locale_t locale) { (void)locale; return strtof(str, end); }
float __cdecl wcstof(const wchar_t *str, wchar_t **end) { return narrow(wcstod(str, end)); }
float __cdecl _wcstof_l(const wchar_t *str, wchar_t **end, _locale_t locale) { (void)locale; return wcstof(str, end); }
