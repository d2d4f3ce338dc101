/*
 * tests/msvcrt/math.c — <math.h> and <float.h> of msvcrt.dll: the usual
 * functions against values known to 17 digits (within a few ulps), the
 * special cases C and Windows fix (pow(0,0), fmod, modf, frexp), errno on
 * domain and range errors, msvcrt's classification helpers (_isnan,
 * _finite, _fpclass) and the floating-point control word (_controlfp).
 *
 * mingw links its own sqrt, sin, pow… (libmingwex) ahead of msvcrt.dll's,
 * so the functions are taken from msvcrt.dll with GetProcAddress and called
 * through pointers of the same name; -fno-builtin keeps gcc from computing
 * anything at compile time.
 */
#include "test.h"
#include <math.h>
#include <float.h>
#include <errno.h>

#ifndef _SW_ZERODIVIDE
#define _SW_ZERODIVIDE 0x00000008   /* the SDK's value; mingw's float.h lacks it */
#endif

typedef double (__cdecl *fn1)(double);
typedef double (__cdecl *fn2)(double, double);

static fn1 p_sqrt, p_sin, p_cos, p_tan, p_atan, p_asin, p_acos, p_exp, p_log,
           p_log10, p_sinh, p_cosh, p_tanh, p_fabs, p_floor, p_ceil;
static fn2 p_atan2, p_pow, p_fmod;
static double (__cdecl *p_modf)(double, double *);
static double (__cdecl *p_frexp)(double, int *);
static double (__cdecl *p_ldexp)(double, int);

#define LOAD(name) (p_##name = (void *)GetProcAddress(crt, #name))
#define sqrt p_sqrt
#define sin p_sin
#define cos p_cos
#define tan p_tan
#define atan p_atan
#define asin p_asin
#define acos p_acos
#define exp p_exp
#define log p_log
#define log10 p_log10
#define sinh p_sinh
#define cosh p_cosh
#define tanh p_tanh
#define fabs p_fabs
#define floor p_floor
#define ceil p_ceil
#define atan2 p_atan2
#define pow p_pow
#define fmod p_fmod
#define modf p_modf
#define frexp p_frexp
#define ldexp p_ldexp

static int load_functions(void)
{
    HMODULE crt = GetModuleHandleA("msvcrt.dll");

    return LOAD(sqrt) && LOAD(sin) && LOAD(cos) && LOAD(tan) && LOAD(atan) && LOAD(asin)
        && LOAD(acos) && LOAD(exp) && LOAD(log) && LOAD(log10) && LOAD(sinh) && LOAD(cosh)
        && LOAD(tanh) && LOAD(fabs) && LOAD(floor) && LOAD(ceil) && LOAD(atan2) && LOAD(pow)
        && LOAD(fmod) && LOAD(modf) && LOAD(frexp) && LOAD(ldexp);
}

/* within a few units in the last place */
static int close_to(double got, double want)
{
    if (got == want) return 1;
    return __builtin_fabs(got - want) <= 4 * DBL_EPSILON * fabs(want);
}

#define CHECK_NEAR(call, want) ok(close_to(call, want), "%s = %.17g, expected %.17g\n", #call, call, (double)(want))

static void test_values(void)
{
    CHECK_NEAR(sqrt(2.0), 1.4142135623730951);
    CHECK_NEAR(sin(1.0), 0.8414709848078965);
    CHECK_NEAR(cos(1.0), 0.54030230586813977);
    CHECK_NEAR(tan(1.0), 1.5574077246549023);
    CHECK_NEAR(atan(1.0), 0.78539816339744831);
    CHECK_NEAR(atan2(1.0, -1.0), 2.3561944901923448);
    CHECK_NEAR(asin(0.5), 0.52359877559829893);
    CHECK_NEAR(acos(0.5), 1.0471975511965979);
    CHECK_NEAR(exp(1.0), 2.7182818284590451);
    CHECK_NEAR(log(10.0), 2.3025850929940459);
    CHECK_NEAR(log10(1000.0), 3.0);
    CHECK_NEAR(pow(2.0, 0.5), 1.4142135623730951);
    CHECK_NEAR(pow(10.0, -2.0), 0.01);
    CHECK_NEAR(sinh(1.0), 1.1752011936438014);
    CHECK_NEAR(cosh(1.0), 1.5430806348152437);
    CHECK_NEAR(tanh(0.5), 0.46211715726000974);
    CHECK_NEAR(_hypot(3.0, 4.0), 5.0);
    CHECK_NEAR(_hypot(1e300, 1e300), 1.4142135623730951e300);
}

static void test_exact(void)
{
    double ip, m;
    int e;

    ok(fabs(-2.5) == 2.5 && fabs(-0.0) == 0.0, "fabs\n");
    ok(floor(-2.5) == -3.0 && floor(2.5) == 2.0, "floor\n");
    ok(ceil(-2.5) == -2.0 && ceil(2.1) == 3.0, "ceil\n");
    ok(fmod(7.5, 2.0) == 1.5 && fmod(-7.5, 2.0) == -1.5, "fmod keeps the sign of x\n");
    m = modf(-3.75, &ip);
    ok(m == -0.75 && ip == -3.0, "modf: %g %g\n", m, ip);
    m = frexp(48.0, &e);
    ok(m == 0.75 && e == 6, "frexp: %g %d\n", m, e);
    m = frexp(0.0, &e);
    ok(m == 0.0 && e == 0, "frexp(0)\n");
    ok(ldexp(0.75, 6) == 48.0, "ldexp\n");
    ok(pow(0.0, 0.0) == 1.0, "pow(0,0)\n");
    ok(pow(-2.0, 3.0) == -8.0, "pow of a negative base, odd exponent\n");
    ok(sqrt(0.25) == 0.5 && sqrt(-0.0) == 0.0, "sqrt exact\n");
    ok(_copysign(3.0, -1.0) == -3.0 && _chgsign(2.0) == -2.0, "_copysign/_chgsign\n");
    ok(_logb(8.0) == 3.0, "_logb\n");
}

static void test_errors(void)
{
    double r;

    errno = 0;
    r = sqrt(-1.0);
    ok(_isnan(r) && errno == EDOM, "sqrt(-1): %g errno %d\n", r, errno);
    errno = 0;
    r = log(-1.0);
    ok(_isnan(r) && errno == EDOM, "log(-1): errno %d\n", errno);
    errno = 0;
    r = log(0.0);
    ok(r == -HUGE_VAL && errno == ERANGE, "log(0): %g errno %d\n", r, errno);
    errno = 0;
    r = exp(1000.0);
    ok(r == HUGE_VAL && errno == ERANGE, "exp overflow: errno %d\n", errno);
    errno = 0;
    r = pow(10.0, 400.0);
    ok(r == HUGE_VAL && errno == ERANGE, "pow overflow: errno %d\n", errno);
    errno = 0;
    r = acos(2.0);
    ok(_isnan(r) && errno == EDOM, "acos(2): errno %d\n", errno);
    errno = 0;
    ok(sin(0.5) > 0 && errno == 0, "errno untouched on success\n");
}

static void test_classify(void)
{
    double zero = 0.0, inf = HUGE_VAL, nan = sqrt(-1.0);

    ok(_isnan(nan) && !_isnan(inf) && !_isnan(1.0), "_isnan\n");
    ok(_finite(1.0) && !_finite(inf) && !_finite(nan), "_finite\n");
    ok(_fpclass(-zero) == _FPCLASS_NZ && _fpclass(zero) == _FPCLASS_PZ, "_fpclass zeros\n");
    ok(_fpclass(-inf) == _FPCLASS_NINF && _fpclass(1.0) == _FPCLASS_PN, "_fpclass inf/normal\n");
    ok(_fpclass(DBL_MIN / 4) == _FPCLASS_PD, "_fpclass denormal\n");
    ok(_fpclass(nan) == _FPCLASS_QNAN, "_fpclass NaN\n");
    ok(DBL_DIG == 15 && DBL_MANT_DIG == 53 && FLT_RADIX == 2, "float.h\n");
}

static void test_control(void)
{
    unsigned int cw = _controlfp(0, 0), now;
    volatile double x = 1.0, three = 3.0;
    double down, up;

    /* the x64 default: every exception masked, round to nearest */
    ok((cw & _MCW_EM) == _MCW_EM, "exceptions masked: %08x\n", cw);
    ok((cw & _MCW_RC) == _RC_NEAR, "round to nearest: %08x\n", cw);
    ok((cw & _MCW_DN) == _DN_SAVE, "denormals kept: %08x\n", cw);

    now = _controlfp(_RC_DOWN, _MCW_RC);
    ok((now & _MCW_RC) == _RC_DOWN, "_controlfp returns the new word: %08x\n", now);
    down = x / three;
    _controlfp(_RC_UP, _MCW_RC);
    up = x / three;
    ok(up > down, "rounding mode reaches SSE: %.17g %.17g\n", up, down);
    _controlfp(cw, _MCW_RC);
    ok((_controlfp(0, 0) & _MCW_RC) == _RC_NEAR, "restored\n");
    _clearfp();
    x = x / 0.0;
    ok(_statusfp() & _SW_ZERODIVIDE, "_statusfp after a division by zero: %x\n", _statusfp());
    _clearfp();
    ok(!(_statusfp() & _SW_ZERODIVIDE), "_clearfp\n");
}

int main(int argc, char **argv)
{
    test_start("msvcrt:math");
    if (!ok(load_functions(), "msvcrt.dll lacks a math export\n")) return test_summary();
    test_values();
    test_exact();
    test_errors();
    test_classify();
    test_control();
    return test_summary();
}
