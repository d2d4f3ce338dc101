/*
 * Numbers <-> strings for VARIANTs: the string parser and formatters that
 * VariantChangeType uses, and the Var*From* exports built on them. Only the
 * invariant English forms: '.' as decimal point, "True"/"False".
 *
 * Rounding of fractions to integers is banker's rounding (half to even), as
 * Windows does (tests/oleaut32/variant.c: 2.5 -> 2, 3.5 -> 4).
 */
#include "private.h"

static int is_space(WCHAR c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* 10^n for n >= 0 in extended precision */
static long double pow10_ld(int n)
{
    long double r = 1, base = 10;
    for (; n; n >>= 1, base *= base) if (n & 1) r *= base;
    return r;
}

/* "[spaces][+|-]digits[.digits][e[+|-]digits][spaces]" -> value */
HRESULT oa_parse_number(const WCHAR *str, double *value)
{
    unsigned long long mantissa = 0;
    int exp10 = 0, negative = 0, digits = 0, exp_value = 0, exp_negative = 0;

    if (!str) return DISP_E_TYPEMISMATCH;
    while (is_space(*str)) str++;
    if (*str == '+' || *str == '-') negative = *str++ == '-';
    for (; *str >= '0' && *str <= '9'; str++, digits++)
    {
        if (mantissa < 100000000000000000ULL) mantissa = mantissa * 10 + (*str - '0');
        else exp10++;   /* beyond 18 digits: keep the magnitude only */
    }
    if (*str == '.')
        for (str++; *str >= '0' && *str <= '9'; str++, digits++)
            if (mantissa < 100000000000000000ULL) { mantissa = mantissa * 10 + (*str - '0'); exp10--; }
    if (!digits) return DISP_E_TYPEMISMATCH;
    if (*str == 'e' || *str == 'E')
    {
        str++;
        if (*str == '+' || *str == '-') exp_negative = *str++ == '-';
        if (*str < '0' || *str > '9') return DISP_E_TYPEMISMATCH;
        for (; *str >= '0' && *str <= '9'; str++)
            if (exp_value < 10000) exp_value = exp_value * 10 + (*str - '0');
        exp10 += exp_negative ? -exp_value : exp_value;
    }
    while (is_space(*str)) str++;
    if (*str) return DISP_E_TYPEMISMATCH;
    if (exp10 > 308 + 18) return DISP_E_OVERFLOW;

    long double v = mantissa;
    if (exp10 >= 0) v *= pow10_ld(exp10);
    else if (exp10 > -4900) v /= pow10_ld(-exp10);
    else v = 0;
    if (v > 1.7976931348623157e308L) return DISP_E_OVERFLOW;
    *value = (double)(negative ? -v : v);
    return S_OK;
}

/* rounds half to even; fails with DISP_E_OVERFLOW outside the int64 range */
HRESULT oa_double_to_int64(double value, LONGLONG *out)
{
    if (!(value > -9223372036854775808.0 - 1 && value < 9223372036854775808.0)) return DISP_E_OVERFLOW;
    LONGLONG whole = (LONGLONG)value;                       /* truncates toward zero */
    double frac = value - (double)whole;
    if (frac > 0.5 || (frac == 0.5 && (whole & 1))) whole++;
    else if (frac < -0.5 || (frac == -0.5 && (whole & 1))) whole--;
    *out = whole;
    return S_OK;
}

/* ASCII digits -> a new BSTR */
static BSTR bstr_from_ascii(const char *text, int len)
{
    BSTR out = SysAllocStringLen(NULL, len);
    if (out) for (int i = 0; i < len; i++) out[i] = (unsigned char)text[i];
    return out;
}

BSTR oa_format_int64(LONGLONG value)
{
    char buf[24], *p = buf + sizeof(buf);
    unsigned long long u = value < 0 ? 0 - (unsigned long long)value : (unsigned long long)value;

    do *--p = '0' + u % 10; while (u /= 10);
    if (value < 0) *--p = '-';
    return bstr_from_ascii(p, (int)(buf + sizeof(buf) - p));
}

/* appends a decimal exponent "E+NN" (at least two digits) */
static int append_exponent(char *p, int exp)
{
    int n = 0;
    p[n++] = 'E';
    p[n++] = exp < 0 ? '-' : '+';
    if (exp < 0) exp = -exp;
    if (exp >= 100) p[n++] = '0' + exp / 100;
    p[n++] = '0' + exp / 10 % 10;
    p[n++] = '0' + exp % 10;
    return n;
}

/* `precision` (<= 15) significant digits, like "%.15G" (R8) or "%.7G" (R4):
 * fixed notation for exponents -4 .. precision-1 */
BSTR oa_format_double(double value, int precision)
{
    char buf[48], digits[16];
    int len = 0, exp = 0, ndigits = precision;
    long double v = value < 0 ? -(long double)value : value;

    if (value != value) return bstr_from_ascii("NaN", 3);
    if (value < 0) buf[len++] = '-';
    if (v == 0) { buf[len++] = '0'; return bstr_from_ascii(buf, len); }

    /* scale into [1e14, 1e15) and take 15 digits */
    while (v >= 1e15L) { v /= 10; exp++; }
    while (v < 1e14L) { v *= 10; exp--; }
    unsigned long long m = (unsigned long long)(v + 0.5L);
    if (m >= 1000000000000000ULL) { m /= 10; exp++; }
    exp += 14;   /* exponent of the first digit */
    for (int i = 14; i >= 0; i--, m /= 10) digits[i] = '0' + m % 10;
    if (precision < 15 && digits[precision] >= '5')   /* round to fewer digits */
    {
        int i = precision - 1;
        while (i >= 0 && digits[i] == '9') digits[i--] = '0';
        if (i >= 0) digits[i]++;
        else { memmove(digits + 1, digits, precision - 1); digits[0] = '1'; exp++; }
    }
    while (ndigits > 1 && digits[ndigits - 1] == '0') ndigits--;

    if (exp < -4 || exp >= precision)
    {
        buf[len++] = digits[0];
        if (ndigits > 1) { buf[len++] = '.'; memcpy(buf + len, digits + 1, ndigits - 1); len += ndigits - 1; }
        len += append_exponent(buf + len, exp);
    }
    else if (exp < 0)
    {
        buf[len++] = '0';
        buf[len++] = '.';
        for (int i = -1; i > exp; i--) buf[len++] = '0';
        memcpy(buf + len, digits, ndigits);
        len += ndigits;
    }
    else
    {
        for (int i = 0; i <= exp; i++) buf[len++] = i < ndigits ? digits[i] : '0';
        if (ndigits > exp + 1)
        {
            buf[len++] = '.';
            memcpy(buf + len, digits + exp + 1, ndigits - exp - 1);
            len += ndigits - exp - 1;
        }
    }
    return bstr_from_ascii(buf, len);
}

HRESULT WINAPI VarR8FromStr(OLECHAR *str, LCID lcid, ULONG flags, double *out)
{
    if (!out) return E_INVALIDARG;
    return oa_parse_number(str, out);
}

HRESULT WINAPI VarI4FromStr(OLECHAR *str, LCID lcid, ULONG flags, LONG *out)
{
    double value;
    LONGLONG whole;
    HRESULT hr;

    if (!out) return E_INVALIDARG;
    if (FAILED(hr = oa_parse_number(str, &value))) return hr;
    if (FAILED(hr = oa_double_to_int64(value, &whole))) return hr;
    if (whole < -2147483647LL - 1 || whole > 2147483647LL) return DISP_E_OVERFLOW;
    *out = (LONG)whole;
    return S_OK;
}

static HRESULT bstr_result(BSTR str, BSTR *out)
{
    *out = str;
    return str ? S_OK : E_OUTOFMEMORY;
}

HRESULT WINAPI VarBstrFromI4(LONG value, LCID lcid, ULONG flags, BSTR *out)
{
    if (!out) return E_INVALIDARG;
    return bstr_result(oa_format_int64(value), out);
}

HRESULT WINAPI VarBstrFromR8(double value, LCID lcid, ULONG flags, BSTR *out)
{
    if (!out) return E_INVALIDARG;
    return bstr_result(oa_format_double(value, 15), out);
}

HRESULT WINAPI VarBstrFromBool(VARIANT_BOOL value, LCID lcid, ULONG flags, BSTR *out)
{
    if (!out) return E_INVALIDARG;
    return bstr_result(SysAllocString(value ? L"True" : L"False"), out);
}

/* "True"/"False" (any case), else a number: non-zero is true */
HRESULT WINAPI VarBoolFromStr(OLECHAR *str, LCID lcid, ULONG flags, VARIANT_BOOL *out)
{
    double value;
    HRESULT hr;

    if (!out) return E_INVALIDARG;
    if (!str) return DISP_E_TYPEMISMATCH;
    if (!lstrcmpiW(str, L"True")) { *out = VARIANT_TRUE; return S_OK; }
    if (!lstrcmpiW(str, L"False")) { *out = VARIANT_FALSE; return S_OK; }
    if (FAILED(hr = oa_parse_number(str, &value))) return hr;
    *out = value != 0 ? VARIANT_TRUE : VARIANT_FALSE;
    return S_OK;
}
