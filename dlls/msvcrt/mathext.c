/*
 * The Universal CRT's math beyond C89: the classification helpers MSVC's
 * <math.h> and <cmath> call for fpclassify, signbit, isnan and the
 * isgreater family (_dclass, _dsign, _dtest, _dpcomp and their float and
 * long double forms), the C99 float and long double functions that are
 * missing from math.c (long double is double in the MSVC ABI, so most
 * long double forms are the spec's aliases of the double ones), the
 * floating-point environment of <fenv.h>, and the FMA3 switch.
 *
 * The float forms compute in double where the double result rounds to the
 * same float as the exact one would (rint, lrint, round, remquo, scalbn:
 * their double results are exact), else on the float's bits.
 */
#include "private.h"
#include "unixlib.h"
#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>

/* the UCRT's classification codes (corecrt_math.h), not mingw's FP_* */
#define UCRT_FP_INFINITE   1
#define UCRT_FP_NAN        2
#define UCRT_FP_NORMAL     (-1)
#define UCRT_FP_SUBNORMAL  (-2)
#define UCRT_FP_ZERO       0
/* _dpcomp's answer: a bit for each relation that holds, none when unordered */
#define UCRT_FP_LT 1
#define UCRT_FP_EQ 2
#define UCRT_FP_GT 4

static UINT64 bits64(double x) { UINT64 u; memcpy(&u, &x, 8); return u; }
static UINT32 bits32(float x) { UINT32 u; memcpy(&u, &x, 4); return u; }
static float float_of(UINT32 u) { float x; memcpy(&x, &u, 4); return x; }
static BOOL nan64(double x) { return (bits64(x) & 0x7fffffffffffffffULL) > 0x7ff0000000000000ULL; }
static BOOL nan32(float x) { return (bits32(x) & 0x7fffffff) > 0x7f800000; }

/* ---- classification ---- */

static short class64(double x)
{
    UINT64 u = bits64(x) & 0x7fffffffffffffffULL;
    if (u > 0x7ff0000000000000ULL) return UCRT_FP_NAN;
    if (u == 0x7ff0000000000000ULL) return UCRT_FP_INFINITE;
    if (!u) return UCRT_FP_ZERO;
    return u < 0x0010000000000000ULL ? UCRT_FP_SUBNORMAL : UCRT_FP_NORMAL;
}

static short class32(float x)
{
    UINT32 u = bits32(x) & 0x7fffffff;
    if (u > 0x7f800000) return UCRT_FP_NAN;
    if (u == 0x7f800000) return UCRT_FP_INFINITE;
    if (!u) return UCRT_FP_ZERO;
    return u < 0x00800000 ? UCRT_FP_SUBNORMAL : UCRT_FP_NORMAL;
}

short __cdecl _dclass(double x) { return class64(x); }
short __cdecl _fdclass(float x) { return class32(x); }
short __cdecl _dtest(double *x) { return class64(*x); }
short __cdecl _fdtest(float *x) { return class32(*x); }
int __cdecl _dsign(double x) { return (bits64(x) >> 63) ? 0x8000 : 0; }
int __cdecl _fdsign(float x) { return (bits32(x) >> 31) ? 0x8000 : 0; }

int __cdecl _dpcomp(double x, double y)
{
    if (nan64(x) || nan64(y)) return 0;
    return x < y ? UCRT_FP_LT : x > y ? UCRT_FP_GT : UCRT_FP_EQ;
}

int __cdecl _fdpcomp(float x, float y)
{
    return _dpcomp(x, y);   /* exact: every float is a double */
}

int __cdecl _fpclassf(float x)
{
    UINT32 u = bits32(x);
    BOOL neg = u >> 31;
    switch (class32(x))
    {
    case UCRT_FP_NAN: return (u & 0x00400000) ? _FPCLASS_QNAN : _FPCLASS_SNAN;
    case UCRT_FP_INFINITE: return neg ? _FPCLASS_NINF : _FPCLASS_PINF;
    case UCRT_FP_ZERO: return neg ? _FPCLASS_NZ : _FPCLASS_PZ;
    case UCRT_FP_SUBNORMAL: return neg ? _FPCLASS_ND : _FPCLASS_PD;
    default: return neg ? _FPCLASS_NN : _FPCLASS_PN;
    }
}

float __cdecl _chgsignf(float x) { return float_of(bits32(x) ^ 0x80000000); }

/* ---- float and long double functions ---- */

int __cdecl ilogb(double x)
{
    switch (class64(x))
    {
    case UCRT_FP_ZERO: return INT_MIN;       /* FP_ILOGB0 */
    case UCRT_FP_NAN: return INT_MAX;        /* FP_ILOGBNAN */
    case UCRT_FP_INFINITE: return INT_MAX;
    default: { int e; frexp(x, &e); return e - 1; }
    }
}

int __cdecl ilogbf(float x) { return ilogb(x); }

float __cdecl logbf(float x) { return (float)logb(x); }
float __cdecl _logbf(float x) { return (float)_logb(x); }
float __cdecl nanf(const char *tag) { (void)tag; return __builtin_nanf(""); }
float __cdecl _scalbf(float x, long n) { return (float)ldexp(x, n < -10000 ? -10000 : n > 10000 ? 10000 : (int)n); }

float __cdecl rintf(float x) { return (float)rint(x); }
long __cdecl lrintf(float x) { return lrint(x); }
long long __cdecl llrintf(float x) { return llrint(x); }
long __cdecl lroundf(float x) { return lround(x); }
long long __cdecl llroundf(float x) { return llround(x); }
float __cdecl nearbyintf(float x) { return (float)nearbyint(x); }

float __cdecl fmaxf(float x, float y) { return nan32(x) ? y : nan32(y) ? x : x > y ? x : y; }
float __cdecl fminf(float x, float y) { return nan32(x) ? y : nan32(y) ? x : x < y ? x : y; }
float __cdecl fdimf(float x, float y) { return nan32(x) || nan32(y) ? x + y : x > y ? x - y : 0; }

float __cdecl remquof(float x, float y, int *quo) { return (float)remquo(x, y, quo); }

float __cdecl scalbnf(float x, int n) { return (float)scalbn(x, n < -10000 ? -10000 : n > 10000 ? 10000 : n); }
double __cdecl scalbln(double x, long n) { return scalbn(x, n < -10000 ? -10000 : n > 10000 ? 10000 : (int)n); }
float __cdecl scalblnf(float x, long n) { return scalbnf(x, n < -10000 ? -10000 : n > 10000 ? 10000 : (int)n); }

/* fmaf: the product of two floats is exact in double; one rounding to double
   and one to float could differ from a single rounding, so the sum is done
   by the host's fmaf */
float __cdecl fmaf(float x, float y, float z)
{
    struct math_params params;
    memset(&params, 0, sizeof(params));
    params.op = MATH_FMA;
    params.is_float = TRUE;
    params.x = x;
    params.y = y;
    params.z = z;
    if (msvcrt_unix_call(unix_math, &params)) return x * y + z;
    return (float)params.result;
}

/* the float next to x toward y */
static float step_float(float x, double toward)
{
    UINT32 u;
    float r;
    if (nan32(x) || toward != toward) return (float)(x + toward);
    if (x == toward) return (float)toward;
    if (x == 0) return float_of((toward < 0 ? 0x80000000 : 0) | 1);
    u = bits32(x);
    if ((x < toward) == (x > 0)) u++;
    else u--;
    r = float_of(u);
    if (class32(r) == UCRT_FP_INFINITE || class32(r) == UCRT_FP_SUBNORMAL || r == 0) *_errno() = ERANGE;
    return r;
}

float __cdecl nextafterf(float x, float y) { return step_float(x, y); }
float __cdecl _nextafterf(float x, float y) { return step_float(x, y); }
/* nexttowardf's long double is a double here (mingw's header says 80 bits) */
float __cdecl wlx_nexttowardf(float x, double y) { return step_float(x, y); }

/* ---- the floating-point environment ---- */

/* <fenv.h>'s exception flags and rounding modes are the _SW_ and _RC_ bits
   (the _SW_ ones are the _EM_ ones, as _statusfp reports them) */
#ifndef _SW_INEXACT
#define _SW_INEXACT    0x01
#define _SW_UNDERFLOW  0x02
#define _SW_OVERFLOW   0x04
#define _SW_ZERODIVIDE 0x08
#define _SW_INVALID    0x10
#endif
#define FE_EXCEPTIONS (_SW_INEXACT | _SW_UNDERFLOW | _SW_OVERFLOW | _SW_ZERODIVIDE | _SW_INVALID)
#define FE_ROUNDING _MCW_RC

typedef struct { unsigned long ctl, stat; } ucrt_fenv;

/* _SW_ bits in MXCSR's flag order (IE DE ZE OE UE PE) */
static unsigned int csr_flags(unsigned int sw)
{
    return ((sw & _SW_INVALID) ? 0x01 : 0) | ((sw & _SW_ZERODIVIDE) ? 0x04 : 0) | ((sw & _SW_OVERFLOW) ? 0x08 : 0) |
           ((sw & _SW_UNDERFLOW) ? 0x10 : 0) | ((sw & _SW_INEXACT) ? 0x20 : 0);
}

/* the x87 status word's flags cleared (fnclex clears them all: keep the rest) */
static void clear_x87_flags(unsigned int sw)
{
    struct { unsigned short cw, pad0, sw, pad1, rest[10]; } env;
    if (!sw) return;
    __asm__ volatile("fnstenv %0" : "=m"(env));
    env.sw &= ~csr_flags(sw);
    __asm__ volatile("fldenv %0" : : "m"(env));
}

int __cdecl fegetround(void)
{
    return _controlfp(0, 0) & FE_ROUNDING;
}

int __cdecl fesetround(int mode)
{
    if (mode & ~FE_ROUNDING) return 1;
    _controlfp(mode, _MCW_RC);
    return 0;
}

int __cdecl fetestexcept(int excepts)
{
    return _statusfp() & excepts & FE_EXCEPTIONS;
}

int __cdecl feclearexcept(int excepts)
{
    excepts &= FE_EXCEPTIONS;
    clear_x87_flags(excepts);
    msvcrt_set_mxcsr(msvcrt_get_mxcsr() & ~csr_flags(excepts));
    return 0;
}

int __cdecl fegetexceptflag(unsigned long *flags, int excepts)
{
    *flags = _statusfp() & excepts & FE_EXCEPTIONS;
    return 0;
}

/* the flags in excepts become what *flags says (set in MXCSR, where x64
   code raises them; cleared in both units) */
int __cdecl fesetexceptflag(const unsigned long *flags, int excepts)
{
    excepts &= FE_EXCEPTIONS;
    clear_x87_flags(excepts & ~*flags);
    msvcrt_set_mxcsr((msvcrt_get_mxcsr() & ~csr_flags(excepts)) | csr_flags(*flags & excepts));
    return 0;
}

int __cdecl fegetenv(ucrt_fenv *env)
{
    env->ctl = _controlfp(0, 0) & (_MCW_EM | _MCW_RC | _MCW_DN);
    env->stat = _statusfp() & FE_EXCEPTIONS;
    return 0;
}

int __cdecl fesetenv(const ucrt_fenv *env)
{
    unsigned long stat;
    if (!env) return 1;
    stat = env->stat;
    _controlfp(env->ctl, _MCW_EM | _MCW_RC | _MCW_DN);
    return fesetexceptflag(&stat, FE_EXCEPTIONS);
}

/* the environment saved, the flags cleared, every exception masked */
int __cdecl feholdexcept(ucrt_fenv *env)
{
    fegetenv(env);
    feclearexcept(FE_EXCEPTIONS);
    _controlfp(_MCW_EM, _MCW_EM);
    return 0;
}

void __cdecl _set_controlfp(unsigned int value, unsigned int mask)
{
    _controlfp(value, mask);
}

/* FLT_ROUNDS: 0 toward zero, 1 nearest, 2 upward, 3 downward */
int __cdecl __fpe_flt_rounds(void)
{
    switch (_controlfp(0, 0) & _MCW_RC)
    {
    case _RC_CHOP: return 0;
    case _RC_UP: return 2;
    case _RC_DOWN: return 3;
    default: return 1;
    }
}

/* ---- FMA3: the CRT may use it where the processor has it ---- */

static int fma3_wanted = 1;

static int fma3_present(void)
{
    unsigned int a, b, c, d;
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
    return (c >> 12) & 1;
}

int __cdecl _get_FMA3_enable(void)
{
    return fma3_wanted && fma3_present();
}

int __cdecl _set_FMA3_enable(int flag)
{
    fma3_wanted = flag != 0;
    return _get_FMA3_enable();
}
