/*
 * Math: the exact operations done here (fabs, floor, ceil, sqrt, fmod,
 * modf, frexp, ldexp, classification, rounding), the floating-point
 * control word (_controlfp, _statusfp, _clearfp, _fpreset), and the
 * transcendental functions, which cross the Unix door to the host's libm
 * (one crossing per call, see unixlib.h). Errors set errno as msvcrt:
 * EDOM for a domain error, ERANGE for overflow/underflow.
 */
#include "private.h"
#include "unixlib.h"
#include <float.h>
#include <math.h>
#include <string.h>

/* ntdll's private door (ARCHITECTURE.md) */
NTSTATUS WINAPI __wlx_unix_lib_load(HMODULE module, UINT64 *handle);
NTSTATUS WINAPI __wlx_unix_call(UINT64 handle, UINT32 code, void *params);

typedef int (__cdecl *matherr_func)(struct _exception *);
static matherr_func user_matherr;   /* stored; not called yet */
double msvcrt_huge = __builtin_huge_val();   /* exported as _HUGE */
static UINT64 unix_handle;

/* ---- the door ---- */

NTSTATUS msvcrt_unix_call(UINT32 code, void *params)
{
    UINT64 handle = unix_handle;
    NTSTATUS status;

    if (!handle)
    {
        /* loading twice in a race is harmless: same library */
        if ((status = __wlx_unix_lib_load(msvcrt_module, &handle))) return status;
        unix_handle = handle;
    }
    return __wlx_unix_call(handle, code, params);
}

static double libm_call(enum math_op op, BOOL is_float, double x, double y, int n)
{
    struct math_params params;

    memset(&params, 0, sizeof(params));
    params.op = op;
    params.is_float = is_float;
    params.x = x;
    params.y = y;
    params.n = n;
    if (msvcrt_unix_call(unix_math, &params))
    {
        *_errno() = EDOM;
        return __builtin_nan("");
    }
    if (params.err == MATH_ERR_DOMAIN) *_errno() = EDOM;
    else if (params.err == MATH_ERR_RANGE) *_errno() = ERANGE;
    return params.result;
}

#undef __setusermatherr  /* mingw's math.h renames it */
void __cdecl __setusermatherr(matherr_func func)
{
    user_matherr = func;
}

#define LIBM1(name, op) \
    double __cdecl name(double x) { return libm_call(op, FALSE, x, 0, 0); } \
    float __cdecl name##f(float x) { return libm_call(op, TRUE, x, 0, 0); }
#define LIBM2(name, op) \
    double __cdecl name(double x, double y) { return libm_call(op, FALSE, x, y, 0); } \
    float __cdecl name##f(float x, float y) { return libm_call(op, TRUE, x, y, 0); }

LIBM1(sin, MATH_SIN)
LIBM1(cos, MATH_COS)
LIBM1(tan, MATH_TAN)
LIBM1(asin, MATH_ASIN)
LIBM1(acos, MATH_ACOS)
LIBM1(atan, MATH_ATAN)
LIBM2(atan2, MATH_ATAN2)
LIBM1(sinh, MATH_SINH)
LIBM1(cosh, MATH_COSH)
LIBM1(tanh, MATH_TANH)
LIBM1(asinh, MATH_ASINH)
LIBM1(acosh, MATH_ACOSH)
LIBM1(atanh, MATH_ATANH)
LIBM1(exp, MATH_EXP)
LIBM1(exp2, MATH_EXP2)
LIBM1(expm1, MATH_EXPM1)
LIBM1(log, MATH_LOG)
LIBM1(log10, MATH_LOG10)
LIBM1(log2, MATH_LOG2)
LIBM1(log1p, MATH_LOG1P)
LIBM2(pow, MATH_POW)
LIBM2(hypot, MATH_HYPOT)
LIBM1(cbrt, MATH_CBRT)
LIBM1(erf, MATH_ERF)
LIBM1(erfc, MATH_ERFC)
LIBM1(tgamma, MATH_TGAMMA)
LIBM1(lgamma, MATH_LGAMMA)
LIBM2(remainder, MATH_REMAINDER)

double __cdecl _hypot(double x, double y) { return hypot(x, y); }
float __cdecl _hypotf(float x, float y) { return hypotf(x, y); }
double __cdecl _j0(double x) { return libm_call(MATH_J0, FALSE, x, 0, 0); }
double __cdecl _j1(double x) { return libm_call(MATH_J1, FALSE, x, 0, 0); }
double __cdecl _jn(int n, double x) { return libm_call(MATH_JN, FALSE, x, 0, n); }
double __cdecl _y0(double x) { return libm_call(MATH_Y0, FALSE, x, 0, 0); }
double __cdecl _y1(double x) { return libm_call(MATH_Y1, FALSE, x, 0, 0); }
double __cdecl _yn(int n, double x) { return libm_call(MATH_YN, FALSE, x, 0, n); }

double __cdecl _cabs(struct _complex z)
{
    return hypot(z.x, z.y);
}

double __cdecl fma(double x, double y, double z)
{
    struct math_params params;

    memset(&params, 0, sizeof(params));
    params.op = MATH_FMA;
    params.x = x;
    params.y = y;
    params.z = z;
    if (msvcrt_unix_call(unix_math, &params)) return x * y + z;
    return params.result;
}

double __cdecl remquo(double x, double y, int *quo)
{
    struct math_params params;

    memset(&params, 0, sizeof(params));
    params.op = MATH_REMQUO;
    params.x = x;
    params.y = y;
    if (msvcrt_unix_call(unix_math, &params)) return __builtin_nan("");
    if (params.err == MATH_ERR_DOMAIN) *_errno() = EDOM;
    *quo = params.n;
    return params.result;
}

/* ---- bits ---- */

static UINT64 dbits(double x) { UINT64 u; memcpy(&u, &x, 8); return u; }
static double from_bits(UINT64 u) { double x; memcpy(&x, &u, 8); return x; }
static BOOL is_nan(double x) { return (dbits(x) & 0x7fffffffffffffffULL) > 0x7ff0000000000000ULL; }
static BOOL is_inf(double x) { return (dbits(x) & 0x7fffffffffffffffULL) == 0x7ff0000000000000ULL; }
static int exponent_of(double x) { return (int)((dbits(x) >> 52) & 0x7ff); }

int __cdecl _isnan(double x) { return is_nan(x); }
int __cdecl _finite(double x) { return exponent_of(x) != 0x7ff; }
int __cdecl _isnanf(float x) { return is_nan(x); }
int __cdecl _finitef(float x) { return _finite(x); }
double __cdecl fabs(double x) { return from_bits(dbits(x) & 0x7fffffffffffffffULL); }
float __cdecl fabsf(float x) { return fabs(x); }

double __cdecl _copysign(double x, double y)
{
    return from_bits((dbits(x) & 0x7fffffffffffffffULL) | (dbits(y) & 0x8000000000000000ULL));
}

float __cdecl _copysignf(float x, float y) { return _copysign(x, y); }
double __cdecl copysign(double x, double y) { return _copysign(x, y); }
float __cdecl copysignf(float x, float y) { return _copysign(x, y); }
double __cdecl _chgsign(double x) { return from_bits(dbits(x) ^ 0x8000000000000000ULL); }

int __cdecl _fpclass(double x)
{
    UINT64 u = dbits(x);
    BOOL neg = u >> 63;
    int exp = exponent_of(x);

    if (exp == 0x7ff)
    {
        if (u & 0xfffffffffffffULL) return (u & 0x8000000000000ULL) ? _FPCLASS_QNAN : _FPCLASS_SNAN;
        return neg ? _FPCLASS_NINF : _FPCLASS_PINF;
    }
    if (!exp)
    {
        if (!(u & 0xfffffffffffffULL)) return neg ? _FPCLASS_NZ : _FPCLASS_PZ;
        return neg ? _FPCLASS_ND : _FPCLASS_PD;
    }
    return neg ? _FPCLASS_NN : _FPCLASS_PN;
}

/* ---- rounding: exact, by clearing fraction bits ---- */

double __cdecl trunc(double x)
{
    int exp = exponent_of(x) - 1023;

    if (exp >= 52) return x;                       /* integral, inf or nan */
    if (exp < 0) return from_bits(dbits(x) & 0x8000000000000000ULL);
    return from_bits(dbits(x) & ~((1ULL << (52 - exp)) - 1));
}

double __cdecl floor(double x)
{
    double t = trunc(x);

    return (t != x && x < 0) ? t - 1.0 : t;
}

double __cdecl ceil(double x)
{
    double t = trunc(x);

    if (t != x && x > 0) return t + 1.0;
    return t == 0 && x < 0 ? -0.0 : t;
}

float __cdecl floorf(float x) { return floor(x); }
float __cdecl ceilf(float x) { return ceil(x); }
float __cdecl truncf(float x) { return trunc(x); }

double __cdecl round(double x)
{
    double t = trunc(x);

    /* halfway cases away from zero */
    if (fabs(x - t) >= 0.5) t += x < 0 ? -1.0 : 1.0;
    return t;
}

float __cdecl roundf(float x) { return round(x); }
long __cdecl lround(double x) { return (long)round(x); }
long long __cdecl llround(double x) { return (long long)round(x); }

double __cdecl rint(double x)
{
    double big = 4503599627370496.0;  /* 2^52: adding it rounds in the current mode */

    if (exponent_of(x) - 1023 >= 52) return x;
    return x >= 0 ? _copysign((x + big) - big, x) : _copysign((x - big) + big, x);
}

double __cdecl nearbyint(double x) { return rint(x); }
long __cdecl lrint(double x) { return (long)rint(x); }
long long __cdecl llrint(double x) { return (long long)rint(x); }

double __cdecl sqrt(double x)
{
    double r;

    if (x < 0) *_errno() = EDOM;
    __asm__("sqrtsd %1, %0" : "=x"(r) : "x"(x));
    return r;
}

float __cdecl sqrtf(float x)
{
    float r;

    if (x < 0) *_errno() = EDOM;
    __asm__("sqrtss %1, %0" : "=x"(r) : "x"(x));
    return r;
}

double __cdecl fmod(double x, double y)
{
    long double lx = x, ly = y;
    unsigned short sw;

    if (is_nan(x) || is_nan(y)) return x + y;
    if (is_inf(x) || y == 0)
    {
        *_errno() = EDOM;
        return __builtin_nan("");
    }
    /* fprem is exact; it reduces by up to 2^63 per round (C2 set: again) */
    do __asm__("fprem; fnstsw %%ax" : "+t"(lx), "=a"(sw) : "u"(ly));
    while (sw & 0x400);
    return (double)lx;
}

float __cdecl fmodf(float x, float y) { return fmod(x, y); }

double __cdecl modf(double x, double *ip)
{
    double t = trunc(x);

    *ip = t;
    if (is_inf(x)) return _copysign(0.0, x);
    return _copysign(x - t, x);
}

float __cdecl modff(float x, float *ip)
{
    double d, r = modf(x, &d);

    *ip = d;
    return r;
}

double __cdecl frexp(double x, int *exp)
{
    UINT64 u = dbits(x);
    int e = exponent_of(x);

    *exp = 0;
    if (e == 0x7ff || x == 0) return x;
    if (!e)
    {
        /* subnormal: scale into the normal range first */
        x *= 18014398509481984.0;   /* 2^54 */
        u = dbits(x);
        e = exponent_of(x) - 54;
    }
    *exp = e - 1022;
    return from_bits((u & 0x800fffffffffffffULL) | (1022ULL << 52));
}

static double scale_by_two(double x, int n)
{
    /* three steps at most keep every partial product exact until the last */
    if (n > 1023) { x *= 0x1p1023; n -= 1023; if (n > 1023) { x *= 0x1p1023; n -= 1023; if (n > 1023) n = 1023; } }
    else if (n < -1022) { x *= 0x1p-969; n += 969; if (n < -1022) { x *= 0x1p-969; n += 969; if (n < -1022) n = -1022; } }
    return x * from_bits((UINT64)(0x3ff + n) << 52);
}

double __cdecl ldexp(double x, int n)
{
    double r;

    if (is_nan(x) || is_inf(x) || x == 0) return x;
    r = scale_by_two(x, n);
    if (is_inf(r) || r == 0) *_errno() = ERANGE;
    return r;
}

double __cdecl scalbn(double x, int n) { return ldexp(x, n); }
double __cdecl _scalb(double x, long n) { return ldexp(x, n); }

double __cdecl _logb(double x)
{
    int e;

    if (is_nan(x)) return x;
    if (is_inf(x)) return fabs(x);
    if (x == 0)
    {
        *_errno() = ERANGE;
        return -__builtin_inf();
    }
    frexp(x, &e);
    return e - 1;
}

double __cdecl logb(double x) { return _logb(x); }

double __cdecl _nextafter(double x, double y)
{
    UINT64 u;

    if (is_nan(x) || is_nan(y)) return x + y;
    if (x == y) return y;
    if (x == 0) return _copysign(from_bits(1), y);
    u = dbits(x);
    if ((x < y) == (x > 0)) u++;
    else u--;
    x = from_bits(u);
    if (is_inf(x) || exponent_of(x) == 0) *_errno() = ERANGE;
    return x;
}

double __cdecl nextafter(double x, double y) { return _nextafter(x, y); }
double __cdecl fmin(double x, double y) { return is_nan(x) ? y : is_nan(y) ? x : x < y ? x : y; }
double __cdecl fmax(double x, double y) { return is_nan(x) ? y : is_nan(y) ? x : x > y ? x : y; }
double __cdecl fdim(double x, double y) { return is_nan(x) || is_nan(y) ? x + y : x > y ? x - y : 0; }
double __cdecl nan(const char *tag) { (void)tag; return __builtin_nan(""); }

/* ---- floating-point environment: x87 and SSE both, reported as one ---- */

unsigned int msvcrt_get_mxcsr(void)
{
    unsigned int csr;

    __asm__ volatile("stmxcsr %0" : "=m"(csr));
    return csr;
}

void msvcrt_set_mxcsr(unsigned int csr)
{
    __asm__ volatile("ldmxcsr %0" : : "m"(csr));
}

/* MXCSR exception bits (flags at 0, masks at 7) in _EM_/_SW_ order */
static const struct { unsigned int crt, sse; } exception_bits[] =
{
    { _EM_INVALID, 0x01 }, { _EM_DENORMAL, 0x02 }, { _EM_ZERODIVIDE, 0x04 },
    { _EM_OVERFLOW, 0x08 }, { _EM_UNDERFLOW, 0x10 }, { _EM_INEXACT, 0x20 },
};

static unsigned int control_from_mxcsr(unsigned int csr)
{
    unsigned int cw = 0, i;

    for (i = 0; i < ARRAYSIZE(exception_bits); i++)
        if (csr & (exception_bits[i].sse << 7)) cw |= exception_bits[i].crt;
    switch (csr & 0x6000)
    {
    case 0x2000: cw |= _RC_DOWN; break;
    case 0x4000: cw |= _RC_UP; break;
    case 0x6000: cw |= _RC_CHOP; break;
    }
    if ((csr & 0x8040) == 0x8040) cw |= _DN_FLUSH;
    else if (csr & 0x8000) cw |= _DN_FLUSH_OPERANDS_SAVE_RESULTS;
    else if (csr & 0x0040) cw |= _DN_SAVE_OPERANDS_FLUSH_RESULTS;
    return cw;
}

static unsigned int mxcsr_from_control(unsigned int csr, unsigned int cw)
{
    unsigned int i;

    csr &= ~(0x1f80 | 0x6000 | 0x8040);
    for (i = 0; i < ARRAYSIZE(exception_bits); i++)
        if (cw & exception_bits[i].crt) csr |= exception_bits[i].sse << 7;
    switch (cw & _MCW_RC)
    {
    case _RC_DOWN: csr |= 0x2000; break;
    case _RC_UP: csr |= 0x4000; break;
    case _RC_CHOP: csr |= 0x6000; break;
    }
    switch (cw & _MCW_DN)
    {
    case _DN_FLUSH: csr |= 0x8040; break;
    case _DN_FLUSH_OPERANDS_SAVE_RESULTS: csr |= 0x8000; break;
    case _DN_SAVE_OPERANDS_FLUSH_RESULTS: csr |= 0x0040; break;
    }
    return csr;
}

unsigned int __cdecl _control87(unsigned int value, unsigned int mask)
{
    unsigned int cw = control_from_mxcsr(msvcrt_get_mxcsr());

    if (mask)
    {
        cw = (cw & ~mask) | (value & mask);
        msvcrt_set_mxcsr(mxcsr_from_control(msvcrt_get_mxcsr(), cw));
    }
    return cw;
}

unsigned int __cdecl _controlfp(unsigned int value, unsigned int mask)
{
    /* x64: _controlfp leaves the denormal mask and precision alone */
    return _control87(value, mask & ~(_EM_DENORMAL | _MCW_PC | _MCW_IC));
}

errno_t __cdecl _controlfp_s(unsigned int *current, unsigned int value, unsigned int mask)
{
    if (mask & ~(_MCW_EM | _MCW_RC | _MCW_DN) & ~_EM_DENORMAL)
    {
        /* precision and infinity control do not exist on x64 */
        if (current) *current = _control87(0, 0);
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    value = _controlfp(value, mask);
    if (current) *current = value;
    return 0;
}

static unsigned int status_from_flags(unsigned int flags)
{
    unsigned int sw = 0, i;

    for (i = 0; i < ARRAYSIZE(exception_bits); i++)
        if (flags & exception_bits[i].sse) sw |= exception_bits[i].crt;
    return sw;
}

unsigned int __cdecl _statusfp(void)
{
    unsigned short x87;

    __asm__ volatile("fnstsw %0" : "=m"(x87));
    /* x87 status bits 0-5 are IE DE ZE OE UE PE, as MXCSR's flags */
    return status_from_flags((msvcrt_get_mxcsr() | x87) & 0x3f);
}

unsigned int __cdecl _clearfp(void)
{
    unsigned int status = _statusfp();

    __asm__ volatile("fnclex");
    msvcrt_set_mxcsr(msvcrt_get_mxcsr() & ~0x3f);
    return status;
}

void __cdecl _fpreset(void)
{
    __asm__ volatile("fninit");
    msvcrt_set_mxcsr(0x1f80);
}

void __cdecl fpreset(void)
{
    _fpreset();
}

int * __cdecl __fpecode(void)
{
    static int code;
    return &code;
}
