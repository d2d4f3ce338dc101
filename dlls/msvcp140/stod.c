/*
 * dlls/msvcp140/stod.c — the C helpers <xlocnum>'s inline num_get calls
 * to convert the characters it gathered: _Stoul/_Stoulx, _Stol x,
 * _Stoll/_Stollx, _Stoull/_Stoullx (strtoul and the like, checked: the
 * "x" forms report a value out of range through *perr as well as errno),
 * _Stod/_Stof/_Stold and their "x" and wide forms (strtod, the result
 * scaled by 10^pten), and __Wcrtomb_lk.
 *
 * A value out of range gives the type's limit, errno ERANGE and *perr 1;
 * otherwise *perr is 0. Without digits the result is 0 and *endptr is the
 * string itself, as strtol has it.
 */
#include "iostream.h"
#include <errno.h>
#include <wchar.h>

/* the C runtime's own (mingw's header would name its replacements) */
double __cdecl crt_strtod2(const char *str, char **end) __asm__("strtod");
double __cdecl crt_wcstod(const WCHAR *str, WCHAR **end) __asm__("wcstod");
__int64 __cdecl _strtoi64(const char *str, char **end, int base);
unsigned __int64 __cdecl _strtoui64(const char *str, char **end, int base);
double __cdecl pow(double x, double y);
int __cdecl Wcrtomb(char *out, WCHAR wc, mbstate_t *state, const void *cvt);

static void set_err(int *perr, int range)
{
    if (range) errno = ERANGE;
    if (perr) *perr = range;
}

/* ---- integers ---- */

unsigned __int64 __cdecl std_Stoullx(const char *s, char **end, int base, int *perr)
{
    unsigned __int64 v;
    errno = 0;
    v = _strtoui64(s, end, base);
    set_err(perr, errno == ERANGE);
    return v;
}

__int64 __cdecl std_Stollx(const char *s, char **end, int base, int *perr)
{
    __int64 v;
    errno = 0;
    v = _strtoi64(s, end, base);
    set_err(perr, errno == ERANGE);
    return v;
}

/* the 32-bit ones: the 64-bit value, checked against the narrower range */
unsigned long __cdecl std_Stoulx(const char *s, char **end, int base, int *perr)
{
    char *e;
    unsigned __int64 v;
    const char *p = s;
    int neg;

    while (*p == ' ' || (*p >= '\t' && *p <= '\r')) p++;
    neg = *p == '-';
    v = std_Stoullx(s, &e, base, perr);
    if (end) *end = e;
    if (e == s) return 0;
    if (neg) v = 0 - v;                       /* the magnitude, as strtoul negates it back */
    if ((perr && *perr) || v > 0xffffffffULL)
    {
        set_err(perr, 1);
        return 0xffffffffUL;
    }
    return neg ? (unsigned long)(0 - v) : (unsigned long)v;
}

long __cdecl std_Stolx(const char *s, char **end, int base, int *perr)
{
    char *e;
    __int64 v = std_Stollx(s, &e, base, perr);

    if (end) *end = e;
    if (e == s) return 0;
    if ((perr && *perr) || v > 0x7fffffffLL || v < -0x80000000LL)
    {
        set_err(perr, 1);
        return v < 0 ? (long)-0x7fffffffL - 1 : 0x7fffffffL;
    }
    return (long)v;
}

unsigned long __cdecl std_Stoul(const char *s, char **end, int base) { return std_Stoulx(s, end, base, NULL); }
__int64 __cdecl std_Stoll(const char *s, char **end, int base) { return std_Stollx(s, end, base, NULL); }
unsigned __int64 __cdecl std_Stoull(const char *s, char **end, int base) { return std_Stoullx(s, end, base, NULL); }

/* ---- floating point ---- */

static double scaled(double v, long pten)
{
    return pten ? v * pow(10.0, (double)pten) : v;
}

double __cdecl std_Stodx(const char *s, char **end, long pten, int *perr)
{
    double v;
    errno = 0;
    v = scaled(crt_strtod2(s, end), pten);
    set_err(perr, errno == ERANGE || (v != 0 && (v > 1.7976931348623157e308 || v < -1.7976931348623157e308)));
    return v;
}

double __cdecl std_Stod(const char *s, char **end, long pten) { return std_Stodx(s, end, pten, NULL); }

float __cdecl std_Stofx(const char *s, char **end, long pten, int *perr)
{
    double v = std_Stodx(s, end, pten, perr);
    if (v > 3.4028234663852886e38 || v < -3.4028234663852886e38) set_err(perr, 1);
    return (float)v;
}

float __cdecl std_Stof(const char *s, char **end, long pten) { return std_Stofx(s, end, pten, NULL); }

/* long double is double on MSVC */
double __cdecl std_Stoldx(const char *s, char **end, long pten, int *perr) { return std_Stodx(s, end, pten, perr); }
double __cdecl std_Stold(const char *s, char **end, long pten) { return std_Stodx(s, end, pten, NULL); }

double __cdecl std_WStodx(const WCHAR *s, WCHAR **end, long pten, int *perr)
{
    double v;
    errno = 0;
    v = scaled(crt_wcstod(s, end), pten);
    set_err(perr, errno == ERANGE || (v != 0 && (v > 1.7976931348623157e308 || v < -1.7976931348623157e308)));
    return v;
}

double __cdecl std_WStod(const WCHAR *s, WCHAR **end, long pten) { return std_WStodx(s, end, pten, NULL); }

float __cdecl std_WStofx(const WCHAR *s, WCHAR **end, long pten, int *perr)
{
    double v = std_WStodx(s, end, pten, perr);
    if (v > 3.4028234663852886e38 || v < -3.4028234663852886e38) set_err(perr, 1);
    return (float)v;
}

float __cdecl std_WStof(const WCHAR *s, WCHAR **end, long pten) { return std_WStofx(s, end, pten, NULL); }
double __cdecl std_WStoldx(const WCHAR *s, WCHAR **end, long pten, int *perr) { return std_WStodx(s, end, pten, perr); }
double __cdecl std_WStold(const WCHAR *s, WCHAR **end, long pten) { return std_WStodx(s, end, pten, NULL); }

/* __Wcrtomb_lk(out, wc, state, cvt): _Wcrtomb without taking the locale lock */
int __cdecl std_Wcrtomb_lk(char *out, WCHAR wc, mbstate_t *state, const void *cvt)
{
    return Wcrtomb(out, wc, state, cvt);
}
