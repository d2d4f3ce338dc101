/*
 * tests/ucrtbase/mathext.c — the Universal CRT's math that MSVC's headers
 * reach: the classification helpers behind fpclassify, signbit, isnan and
 * isgreater (_dclass, _fdclass, _ldclass, _dtest, _dsign, _dpcomp…, with
 * the UCRT's own codes: FP_INFINITE 1, FP_NAN 2, FP_NORMAL -1,
 * FP_SUBNORMAL -2, FP_ZERO 0), the C99 float and long double functions,
 * <fenv.h>'s environment, and the FMA3 switch. Everything is looked up in
 * ucrtbase.dll itself (mingw's libraries have their own versions of some).
 *
 * Build: see tests/ucrtbase/printf.c.
 */
#include "test.h"
#include <float.h>
#include <math.h>
#include <errno.h>
#include <limits.h>

static HMODULE ucrt;
#define GET(name) ((void *)GetProcAddress(ucrt, name))

static float fbits(unsigned int u) { float f; memcpy(&f, &u, 4); return f; }
static unsigned int bitsf(float f) { unsigned int u; memcpy(&u, &f, 4); return u; }

static void test_classification(void)
{
    short (__cdecl *p_dclass)(double) = GET("_dclass");
    short (__cdecl *p_fdclass)(float) = GET("_fdclass");
    short (__cdecl *p_ldclass)(double) = GET("_ldclass");
    short (__cdecl *p_dtest)(double *) = GET("_dtest");
    short (__cdecl *p_fdtest)(float *) = GET("_fdtest");
    int (__cdecl *p_dsign)(double) = GET("_dsign");
    int (__cdecl *p_fdsign)(float) = GET("_fdsign");
    int (__cdecl *p_dpcomp)(double, double) = GET("_dpcomp");
    int (__cdecl *p_fdpcomp)(float, float) = GET("_fdpcomp");
    int (__cdecl *p_fpclassf)(float) = GET("_fpclassf");
    double inf = HUGE_VAL, nan_ = NAN, sub = 4.9406564584124654e-324, one = 1.0, zero = 0.0;
    float fsub = fbits(1);

    if (!ok(p_dclass && p_fdclass && p_ldclass && p_dtest && p_fdtest && p_dsign && p_fdsign && p_dpcomp && p_fdpcomp,
            "classification helpers missing\n"))
        return;
    ok(p_dclass(inf) == 1 && p_dclass(-inf) == 1, "_dclass(inf) %d\n", p_dclass(inf));
    ok(p_dclass(nan_) == 2, "_dclass(nan) %d\n", p_dclass(nan_));
    ok(p_dclass(1.5) == -1 && p_dclass(-1e300) == -1, "_dclass(normal) %d\n", p_dclass(1.5));
    ok(p_dclass(sub) == -2, "_dclass(subnormal) %d\n", p_dclass(sub));
    ok(p_dclass(0.0) == 0 && p_dclass(-0.0) == 0, "_dclass(0) %d\n", p_dclass(0.0));
    ok(p_ldclass(sub) == -2 && p_ldclass(inf) == 1, "_ldclass %d %d\n", p_ldclass(sub), p_ldclass(inf));
    ok(p_fdclass(fsub) == -2 && p_fdclass(1e30f) == -1 && p_fdclass((float)inf) == 1 && p_fdclass(0.0f) == 0 &&
       p_fdclass((float)nan_) == 2, "_fdclass\n");
    ok(p_dtest(&sub) == -2 && p_dtest(&inf) == 1 && p_dtest(&one) == -1 && p_dtest(&zero) == 0 && p_dtest(&nan_) == 2,
       "_dtest\n");
    ok(p_fdtest(&fsub) == -2, "_fdtest(subnormal) %d\n", p_fdtest(&fsub));
    ok(p_dsign(-0.0) != 0 && p_dsign(-inf) != 0 && p_dsign(-2.0) != 0, "_dsign of negatives\n");
    ok(p_dsign(0.0) == 0 && p_dsign(inf) == 0 && p_dsign(3.0) == 0, "_dsign of positives\n");
    ok(p_fdsign(-0.0f) != 0 && p_fdsign(1.0f) == 0, "_fdsign\n");
    /* a bit for each relation that holds: less 1, equal 2, greater 4; none when unordered */
    ok(p_dpcomp(1, 2) == 1 && p_dpcomp(2, 2) == 2 && p_dpcomp(3, 2) == 4, "_dpcomp %d %d %d\n", p_dpcomp(1, 2),
       p_dpcomp(2, 2), p_dpcomp(3, 2));
    ok(p_dpcomp(nan_, 1) == 0 && p_dpcomp(1, nan_) == 0, "_dpcomp with a NaN %d\n", p_dpcomp(nan_, 1));
    ok(p_dpcomp(-0.0, 0.0) == 2, "-0 == 0: %d\n", p_dpcomp(-0.0, 0.0));
    ok(p_fdpcomp(1.0f, 2.0f) == 1 && p_fdpcomp((float)nan_, 1.0f) == 0, "_fdpcomp\n");
    if (ok(p_fpclassf != NULL, "_fpclassf missing\n"))
    {
        ok(p_fpclassf(1.0f) == _FPCLASS_PN && p_fpclassf(-fsub) == _FPCLASS_ND && p_fpclassf(-0.0f) == _FPCLASS_NZ &&
           p_fpclassf((float)-inf) == _FPCLASS_NINF && p_fpclassf((float)nan_) == _FPCLASS_QNAN, "_fpclassf\n");
    }
}

static void test_float_functions(void)
{
    int (__cdecl *p_ilogb)(double) = GET("ilogb");
    int (__cdecl *p_ilogbf)(float) = GET("ilogbf");
    float (__cdecl *p_logbf)(float) = GET("logbf");
    float (__cdecl *p_rintf)(float) = GET("rintf");
    long (__cdecl *p_lrintf)(float) = GET("lrintf");
    long long (__cdecl *p_llroundf)(float) = GET("llroundf");
    float (__cdecl *p_nearbyintf)(float) = GET("nearbyintf");
    float (__cdecl *p_fmaxf)(float, float) = GET("fmaxf");
    float (__cdecl *p_fminf)(float, float) = GET("fminf");
    float (__cdecl *p_fdimf)(float, float) = GET("fdimf");
    float (__cdecl *p_fmaf)(float, float, float) = GET("fmaf");
    float (__cdecl *p_remquof)(float, float, int *) = GET("remquof");
    float (__cdecl *p_scalbnf)(float, int) = GET("scalbnf");
    float (__cdecl *p_nextafterf)(float, float) = GET("nextafterf");
    float (__cdecl *p_nexttowardf)(float, double) = GET("nexttowardf");
    double (__cdecl *p_cbrtl)(double) = GET("cbrtl");
    double (__cdecl *p_truncl)(double) = GET("truncl");
    double (__cdecl *p_roundl)(double) = GET("roundl");
    float (__cdecl *p_nanf)(const char *) = GET("nanf");
    float (__cdecl *p_chgsignf)(float) = GET("_chgsignf");
    int quo = 0;
    float f;

    if (!ok(p_ilogb && p_ilogbf && p_logbf && p_rintf && p_lrintf && p_llroundf && p_nearbyintf && p_fmaxf && p_fminf &&
            p_fdimf && p_fmaf && p_remquof && p_scalbnf && p_nextafterf && p_nexttowardf && p_cbrtl && p_truncl &&
            p_roundl && p_nanf && p_chgsignf, "float/long double functions missing\n"))
        return;
    ok(p_ilogb(8.0) == 3 && p_ilogb(0.75) == -1, "ilogb %d %d\n", p_ilogb(8.0), p_ilogb(0.75));
    ok(p_ilogb(0.0) == INT_MIN, "ilogb(0) %d\n", p_ilogb(0.0));
    ok(p_ilogb(NAN) == INT_MAX, "ilogb(nan) %d\n", p_ilogb(NAN));
    ok(p_ilogbf(1024.0f) == 10, "ilogbf %d\n", p_ilogbf(1024.0f));
    ok(p_logbf(0.125f) == -3.0f, "logbf %g\n", p_logbf(0.125f));
    /* round half to even in the default mode */
    ok(p_rintf(2.5f) == 2.0f && p_rintf(3.5f) == 4.0f && p_rintf(-1.5f) == -2.0f, "rintf\n");
    ok(p_lrintf(2.5f) == 2 && p_lrintf(-3.5f) == -4, "lrintf %ld %ld\n", p_lrintf(2.5f), p_lrintf(-3.5f));
    ok(p_llroundf(2.5f) == 3 && p_llroundf(-2.5f) == -3, "llroundf (half away from zero)\n");
    ok(p_nearbyintf(0.5f) == 0.0f && p_nearbyintf(1.5f) == 2.0f, "nearbyintf\n");
    ok(p_fmaxf(1.0f, NAN) == 1.0f && p_fmaxf(NAN, 2.0f) == 2.0f && p_fmaxf(-1.0f, 3.0f) == 3.0f, "fmaxf\n");
    ok(p_fminf(1.0f, NAN) == 1.0f && p_fminf(-1.0f, 3.0f) == -1.0f, "fminf\n");
    ok(p_fdimf(5.0f, 3.0f) == 2.0f && p_fdimf(3.0f, 5.0f) == 0.0f, "fdimf\n");
    /* one rounding: (1 + 2^-23)(1 - 2^-23) - 1 is -2^-46 exactly, lost if rounded twice */
    f = p_fmaf(1.0f + FLT_EPSILON, 1.0f - FLT_EPSILON, -1.0f);
    ok(f == -FLT_EPSILON * FLT_EPSILON, "fmaf %a\n", f);
    f = p_remquof(7.0f, 2.0f, &quo);
    ok(f == -1.0f && (quo & 7) == 4, "remquof(7, 2) %g, quotient %d\n", f, quo);
    ok(p_scalbnf(1.5f, 4) == 24.0f, "scalbnf %g\n", p_scalbnf(1.5f, 4));
    ok(bitsf(p_nextafterf(1.0f, 2.0f)) == bitsf(1.0f) + 1, "nextafterf up\n");
    ok(bitsf(p_nextafterf(1.0f, 0.0f)) == bitsf(1.0f) - 1, "nextafterf down\n");
    ok(bitsf(p_nextafterf(0.0f, -1.0f)) == 0x80000001, "nextafterf below zero %#x\n", bitsf(p_nextafterf(0.0f, -1.0f)));
    ok(p_nexttowardf(1.0f, 1.0 + 1e-12) == fbits(bitsf(1.0f) + 1), "nexttowardf takes a (double) long double\n");
    /* exact cubes have exact roots (glibc's cbrt is one unit off for 27) */
    ok(p_cbrtl(27.0) == 3.0 && p_cbrtl(-8.0) == -2.0 && p_cbrtl(1e9) == 1000.0, "cbrtl %.17g\n", p_cbrtl(27.0));
    ok(p_truncl(-2.7) == -2.0 && p_roundl(2.5) == 3.0, "long double forms\n");
    ok(isnan(p_nanf("")), "nanf\n");
    ok(p_chgsignf(2.0f) == -2.0f && bitsf(p_chgsignf(0.0f)) == 0x80000000, "_chgsignf\n");
}

/* <fenv.h> as the UCRT has it: flags are the _SW_ bits, modes the _RC_ ones */
typedef struct { unsigned long ctl, stat; } ucrt_fenv;
#define UFE_INEXACT 0x01
#define UFE_UNDERFLOW 0x02
#define UFE_OVERFLOW 0x04
#define UFE_DIVBYZERO 0x08
#define UFE_INVALID 0x10
#define UFE_ALL 0x1f
#define UFE_TONEAREST 0x000
#define UFE_DOWNWARD 0x100
#define UFE_UPWARD 0x200
#define UFE_TOWARDZERO 0x300

static volatile double vzero = 0.0, vone = 1.0, vthree = 3.0;

static void test_fenv(void)
{
    int (__cdecl *p_fegetround)(void) = GET("fegetround");
    int (__cdecl *p_fesetround)(int) = GET("fesetround");
    int (__cdecl *p_fetestexcept)(int) = GET("fetestexcept");
    int (__cdecl *p_feclearexcept)(int) = GET("feclearexcept");
    int (__cdecl *p_fegetexceptflag)(unsigned long *, int) = GET("fegetexceptflag");
    int (__cdecl *p_fesetexceptflag)(const unsigned long *, int) = GET("fesetexceptflag");
    int (__cdecl *p_fegetenv)(ucrt_fenv *) = GET("fegetenv");
    int (__cdecl *p_fesetenv)(const ucrt_fenv *) = GET("fesetenv");
    int (__cdecl *p_feholdexcept)(ucrt_fenv *) = GET("feholdexcept");
    double (__cdecl *p_rint)(double) = GET("rint");
    unsigned long flags = 0;
    ucrt_fenv env, held;
    volatile double r;

    if (!ok(p_fegetround && p_fesetround && p_fetestexcept && p_feclearexcept && p_fegetexceptflag && p_fesetexceptflag &&
            p_fegetenv && p_fesetenv && p_feholdexcept && p_rint, "fenv functions missing\n"))
        return;
    ok(p_fegetround() == UFE_TONEAREST, "the default rounding %#x\n", p_fegetround());
    ok(!p_fesetround(UFE_UPWARD) && p_fegetround() == UFE_UPWARD, "fesetround(FE_UPWARD)\n");
    ok(p_rint(1.1) == 2.0, "rint rounds up now: %g\n", p_rint(1.1));
    ok(!p_fesetround(UFE_TOWARDZERO) && p_rint(-1.9) == -1.0, "toward zero\n");
    ok(p_fesetround(0x12345) != 0, "fesetround of a bad mode succeeded\n");
    ok(!p_fesetround(UFE_TONEAREST) && p_fegetround() == UFE_TONEAREST, "back to nearest\n");

    ok(!p_feclearexcept(UFE_ALL) && !p_fetestexcept(UFE_ALL), "flags after feclearexcept %#x\n", p_fetestexcept(UFE_ALL));
    r = vone / vzero;
    ok(p_fetestexcept(UFE_ALL) == UFE_DIVBYZERO, "1/0 raised %#x\n", p_fetestexcept(UFE_ALL));
    r = vone / vthree;
    ok(p_fetestexcept(UFE_INEXACT | UFE_DIVBYZERO) == (UFE_INEXACT | UFE_DIVBYZERO), "1/3 raised inexact too\n");
    /* a saved fexcept_t (opaque) puts back only the flags asked for */
    ok(!p_fegetexceptflag(&flags, UFE_ALL), "fegetexceptflag\n");
    ok(!p_feclearexcept(UFE_ALL) && !p_fetestexcept(UFE_ALL), "cleared\n");
    ok(!p_fesetexceptflag(&flags, UFE_DIVBYZERO) && p_fetestexcept(UFE_ALL) == UFE_DIVBYZERO,
       "fesetexceptflag sets only the flags asked: %#x\n", p_fetestexcept(UFE_ALL));
    ok(!p_fesetexceptflag(&flags, UFE_ALL) && p_fetestexcept(UFE_ALL) == (UFE_INEXACT | UFE_DIVBYZERO),
       "all the saved flags back: %#x\n", p_fetestexcept(UFE_ALL));
    ok(!p_feclearexcept(UFE_DIVBYZERO) && p_fetestexcept(UFE_ALL) == UFE_INEXACT, "one flag cleared\n");

    /* an environment saved and put back: the mode and the flags */
    ok(!p_fesetround(UFE_DOWNWARD), "fesetround\n");
    ok(!p_fegetenv(&env), "fegetenv\n");
    /* Wine 8's ucrtbase has no feholdexcept (a stub that ends the process) */
    if (!test_is("wine"))
    {
        ok(!p_feholdexcept(&held), "feholdexcept\n");
        ok(!p_fetestexcept(UFE_ALL), "feholdexcept cleared the flags: %#x\n", p_fetestexcept(UFE_ALL));
        ok(p_fegetround() == UFE_DOWNWARD, "feholdexcept kept the mode: %#x\n", p_fegetround());
    }
    ok(!p_fesetround(UFE_TONEAREST) && !p_feclearexcept(UFE_ALL), "changed\n");
    ok(!p_fesetenv(&env), "fesetenv\n");
    ok(p_fegetround() == UFE_DOWNWARD, "the mode came back: %#x\n", p_fegetround());
    /* the environment is "the set of status flags and control modes" (the
       CRT's fegetenv documentation): Wine 8's fesetenv puts back only the modes */
    todo_wine(p_fetestexcept(UFE_ALL) == UFE_INEXACT, "the flags came back: %#x\n", p_fetestexcept(UFE_ALL));
    p_fesetround(UFE_TONEAREST);
    p_feclearexcept(UFE_ALL);
    (void)r;
}

static void test_fma3(void)
{
    int (__cdecl *p_get)(void) = GET("_get_FMA3_enable");
    int (__cdecl *p_set)(int) = GET("_set_FMA3_enable");
    int on;
    if (!ok(p_get && p_set, "_get/_set_FMA3_enable missing\n")) return;
    on = p_get();
    ok(p_set(0) == 0 && p_get() == 0, "FMA3 off\n");
    ok(p_set(1) == on, "FMA3 back as it was: %d\n", on);
}

int main(void)
{
    test_start("ucrtbase/mathext");
    ucrt = GetModuleHandleA("ucrtbase.dll");
    if (!ucrt) ucrt = LoadLibraryA("ucrtbase.dll");
    if (!ok(ucrt != NULL, "no ucrtbase.dll\n")) return test_summary();
    test_classification();
    test_float_functions();
    test_fenv();
    test_fma3();
    return test_summary();
}
