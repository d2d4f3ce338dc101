/*
 * tests/msvcp140_2/smf.c — msvcp140_2.dll, the C++17 special functions
 * MSVC's <cmath> calls (__std_smf_*), double and float, reached through
 * GetProcAddress as mingw has no import library. The values were worked
 * out with mpmath at 40 digits from the arguments' exact double values
 * (the standard's definitions: assoc_legendre without the Condon-Shortley
 * phase, sph_legendre with it, ellint_3's Pi with 1 - nu sin^2 and, past
 * its pole, Cauchy's principal value); doubles must agree to 1e-12
 * relative, floats to 1e-6. Closed forms, NaN arguments and domain errors
 * are checked besides. Wine 8's msvcp140_2 exports only stubs that end
 * the process when called: the values are skipped there.
 */
#include "test.h"
#include <math.h>

static HMODULE dll;

struct value { const char *name; double a, b, c, expect; };

static const struct value values[] =
{
    { "legendre", 2, 0.3, 0, -0.365 },
    { "legendre", 10, 0.7, 0, 0.08580579553164044 },
    { "legendre", 50, -0.45, 0, -0.0013011275186046913 },
    { "assoc_legendre", 3, 2, 0.5, 5.625 },
    { "assoc_legendre", 10, 5, -0.3, -9272.511949541242 },
    { "assoc_legendre", 20, 20, 0.9, 1.960904971202385e+16 },
    { "assoc_legendre", 1, 1, 0.6, 0.8 },
    { "sph_legendre", 1, 1, 0.7, -0.22257344192657688 },
    { "sph_legendre", 10, 3, 1.2, -0.18706503894859802 },
    { "sph_legendre", 30, 15, 2.0, 0.34921890049235477 },
    { "sph_legendre", 5, 0, 0.4, 0.10304127824845183 },
    { "laguerre", 5, 2.5, 0, 1.0325520833333333 },
    { "laguerre", 20, 0.7, 0, 0.3650816379703372 },
    { "assoc_laguerre", 4, 3, 1.5, 2.3984375 },
    { "assoc_laguerre", 10, 2, 7.5, -1.1024731227329798 },
    { "hermite", 3, 1.3, 0, 1.9760000000000013 },
    { "hermite", 10, -0.8, 0, 36668.344916377595 },
    { "hermite", 25, 2.2, 0, 2.558848778212101e+16 },
    { "beta", 2.5, 3.5, 0, 0.03681553890925539 },
    { "beta", 0.1, 0.2, 0, 14.59937149276483 },
    { "beta", 100, 150, 0, 2.7489030287791437e-74 },
    { "beta", 300, 0.5, 0, 0.10237531827200992 },
    { "comp_ellint_1", 0.5, 0, 0, 1.685750354812596 },
    { "comp_ellint_1", 0.99, 0, 0, 3.356600523361192 },
    { "comp_ellint_1", -0.3, 0, 0, 1.6080486199305128 },
    { "comp_ellint_2", 0.5, 0, 0, 1.4674622093394272 },
    { "comp_ellint_2", 0.999, 0, 0, 1.0039944099655078 },
    { "comp_ellint_3", 0.5, 0.3, 0, 2.0277924458111314 },
    { "comp_ellint_3", 0.7, -0.8, 0, 1.3427110650397533 },
    { "comp_ellint_3", 0.5, 2.0, 0, -0.12072088640797692 },
    { "ellint_1", 0.5, 1.0, 0, 1.0373561200021773 },
    { "ellint_1", 0.9, -2.5, 0, -3.8813117599128417 },
    { "ellint_1", 0.3, 7.0, 0, 7.1540853173444665 },
    { "ellint_2", 0.5, 1.0, 0, 0.9648764542686274 },
    { "ellint_2", 0.8, 4.0, 0, 3.348996578362778 },
    { "ellint_3", 0.5, 0.3, 1.0, 1.1386198831894312 },
    { "ellint_3", 0.6, -0.5, 2.0, 1.7726210890266854 },
    { "ellint_3", 0.4, 1.5, 0.5, 0.5803400502767175 },
    { "expint", 1.0, 0, 0, 1.8951178163559368 },
    { "expint", 0.1, 0, 0, -1.6228128139692766 },
    { "expint", -0.5, 0, 0, -0.5597735947761608 },
    { "expint", -3.0, 0, 0, -0.013048381094197037 },
    { "expint", 2.5, 0, 0, 7.0737658945786 },
    { "expint", 30, 0, 0, 368973209407.2742 },
    { "expint", 80, 0, 0, 7.0146000049048e+32 },
    { "expint", -60, 0, 0, -1.4358675656812567e-28 },
    { "riemann_zeta", 2, 0, 0, 1.6449340668482264 },
    { "riemann_zeta", 3, 0, 0, 1.2020569031595942 },
    { "riemann_zeta", 0.5, 0, 0, -1.4603545088095868 },
    { "riemann_zeta", 1.5, 0, 0, 2.612375348685488 },
    { "riemann_zeta", 1.0001, 0, 0, 10000.577222947539 },
    { "riemann_zeta", 0, 0, 0, -0.5 },
    { "riemann_zeta", -1, 0, 0, -0.08333333333333333 },
    { "riemann_zeta", -2.5, 0, 0, 0.008516928777850331 },
    { "riemann_zeta", -15, 0, 0, 0.4432598039215686 },
    { "riemann_zeta", 25, 0, 0, 1.0000000298035034 },
    { "riemann_zeta", 0.999, 0, 0, -999.4228571557879 },
    { "hypot3", 3, 4, 12, 13.0 },
    { "hypot3", 1e300, 1e300, 1e300, 1.7320508075688774e+300 },
    { "hypot3", 1e-300, 2e-300, 2e-300, 3e-300 },
    { "cyl_bessel_j", 0, 1, 0, 0.7651976865579666 },
    { "cyl_bessel_j", 0.3, 1.7, 0, 0.5575784034520822 },
    { "cyl_bessel_j", 2.5, 3, 0, 0.41271003220971597 },
    { "cyl_bessel_j", 10, 5, 0, 0.0014678026473104741 },
    { "cyl_bessel_j", 1, 50, 0, -0.09751182812517514 },
    { "cyl_bessel_j", 0.5, 0.001, 0, 0.02523132101498094 },
    { "cyl_bessel_j", 30, 1.5, 0, 6.611427616591075e-37 },
    { "cyl_bessel_j", 100, 120, 0, 0.0757371791300107 },
    { "cyl_bessel_j", 3, 2000, 0, -0.01638430546623757 },
    { "cyl_bessel_j", 0, 1e5, 0, -0.0017192011162359723 },
    { "cyl_neumann", 0, 1, 0, 0.08825696421567696 },
    { "cyl_neumann", 0.3, 1.7, 0, 0.23658404548525758 },
    { "cyl_neumann", 2.5, 3, 0, -0.3690407300737979 },
    { "cyl_neumann", 10, 5, 0, -25.1291100956101 },
    { "cyl_neumann", 1, 50, 0, -0.05679566856201477 },
    { "cyl_neumann", 0.5, 0.001, 0, -25.23131260454004 },
    { "cyl_neumann", 30, 1.5, 0, -1.6068590446622203e+34 },
    { "cyl_neumann", 3, 2000, 0, 0.007061499042320051 },
    { "cyl_neumann", 0, 0.01, 0, -3.005455637083646 },
    { "cyl_bessel_i", 0, 1, 0, 1.2660658777520084 },
    { "cyl_bessel_i", 0.3, 1.7, 0, 1.7507017862878436 },
    { "cyl_bessel_i", 2.5, 3, 0, 1.5153394466819652 },
    { "cyl_bessel_i", 10, 5, 0, 0.004580044419176052 },
    { "cyl_bessel_i", 1, 50, 0, 2.903078590103557e+20 },
    { "cyl_bessel_i", 0.5, 0.001, 0, 0.02523132942542268 },
    { "cyl_bessel_i", 30, 1.5, 0, 6.85576523864806e-37 },
    { "cyl_bessel_i", 2, 600, 0, 6.125834799453289e+258 },
    { "cyl_bessel_i", 1, 0.01, 0, 0.005000062500260418 },
    { "cyl_bessel_k", 0, 1, 0, 0.42102443824070834 },
    { "cyl_bessel_k", 0.3, 1.7, 0, 0.1690730522721344 },
    { "cyl_bessel_k", 2.5, 3, 0, 0.08406063197411738 },
    { "cyl_bessel_k", 10, 5, 0, 9.75856282917781 },
    { "cyl_bessel_k", 1, 50, 0, 3.4441022267175555e-23 },
    { "cyl_bessel_k", 0.5, 0.001, 0, 39.59365951311664 },
    { "cyl_bessel_k", 30, 1.5, 0, 2.4280074912210304e+34 },
    { "cyl_bessel_k", 2, 600, 0, 1.3603517240552284e-262 },
    { "cyl_bessel_k", 0, 1e-8, 0, 18.536612259610777 },
    { "sph_bessel", 0, 1, 0, 0.8414709848078965 },
    { "sph_bessel", 3, 2.5, 0, 0.10392046970240394 },
    { "sph_bessel", 10, 0.5, 0, 7.064123963661878e-14 },
    { "sph_bessel", 5, 100, 0, -0.009290148934907571 },
    { "sph_neumann", 0, 1, 0, -0.5403023058681398 },
    { "sph_neumann", 3, 2.5, 0, -0.7966031232532494 },
    { "sph_neumann", 10, 5, 0, -26.6561144057187 },
    { "cyl_bessel_i", 0.5, 0.001, 0, 0.02523132942542268 },
    { "cyl_bessel_i", 0.7, 0.3, 0, 0.2955334402704835 },
    { "cyl_bessel_i", 5.5, 0.001, 0, 2.427256006795306e-21 },
    { "cyl_bessel_i", 1.9, 1e-5, 0, 4.6368181440298353e-11 },
    { "cyl_bessel_k", 1.99, 0.01, 0, 18888.028744247764 },
    { "cyl_bessel_k", 0.999, 3, 0, 0.04014485863714828 },
    { "riemann_zeta", 1.0001, 0, 0, 10000.577222947539 },
    { "comp_ellint_3", 0.5, 2.0, 0, -0.12072088640797692 },
    { "comp_ellint_3", 0.2, 5.0, 0, -0.0064184623302917364 },
    { "ellint_3", 0.5, 2.0, 1.2, 0.3493927445363547 },
    { "ellint_3", 0.5, 2.0, 0.5, 0.6203696923884855 },
    { "ellint_3", 0.3, 4.0, 1.0, 0.21564253981862153 },
    { "cyl_bessel_j", 0.5, 1e-10, 0, 7.978845608028654e-06 },
    { "cyl_neumann", 0.2, 1e-10, 0, -167.84749723065048 },
    { "cyl_bessel_j", 1.5, 1.999, 0, 0.4911490893043041 },
    { "cyl_bessel_j", 1.5, 2.001, 0, 0.4914381808561143 },
    { "cyl_neumann", 7.3, 10, 0, 0.14718397821787968 },
    { "cyl_bessel_j", 7.3, 10, 0, 0.2629096178148465 },
    { "cyl_bessel_j", 50, 30, 0, 2.0581656631564178e-08 },
    { "cyl_neumann", 50, 30, 0, -386759.32602734736 },
    { "ellint_3", 0.5, 2.0, 1.2, 0.3493927445363547 },
    { "ellint_3", 0.3, 4.0, 1.0, 0.21564253981862153 },
    { "ellint_3", 0.9, 1.5, -1.3, 0.07492254516316958 },
    { "ellint_3", 0.6, 3.0, 4.0, 0.23047365716384888 },
};

/* arguments exactly representable as floats */
static const struct value float_values[] =
{
    { "assoc_legendre", 3, 2, 0.5, 5.625 },
    { "sph_legendre", 30, 15, 2.0, 0.34921890049235477 },
    { "laguerre", 5, 2.5, 0, 1.0325520833333333 },
    { "assoc_laguerre", 4, 3, 1.5, 2.3984375 },
    { "assoc_laguerre", 10, 2, 7.5, -1.1024731227329798 },
    { "beta", 2.5, 3.5, 0, 0.03681553890925539 },
    { "beta", 300, 0.5, 0, 0.10237531827200992 },
    { "comp_ellint_1", 0.5, 0, 0, 1.685750354812596 },
    { "comp_ellint_2", 0.5, 0, 0, 1.4674622093394272 },
    { "comp_ellint_3", 0.5, 2.0, 0, -0.12072088640797692 },
    { "ellint_1", 0.5, 1.0, 0, 1.0373561200021773 },
    { "ellint_2", 0.5, 1.0, 0, 0.9648764542686274 },
    { "expint", 1.0, 0, 0, 1.8951178163559368 },
    { "expint", -0.5, 0, 0, -0.5597735947761608 },
    { "expint", -3.0, 0, 0, -0.013048381094197037 },
    { "expint", 2.5, 0, 0, 7.0737658945786 },
    { "expint", 30, 0, 0, 368973209407.2742 },
    { "expint", -60, 0, 0, -1.4358675656812567e-28 },
    { "riemann_zeta", 2, 0, 0, 1.6449340668482264 },
    { "riemann_zeta", 3, 0, 0, 1.2020569031595942 },
    { "riemann_zeta", 0.5, 0, 0, -1.4603545088095868 },
    { "riemann_zeta", 1.5, 0, 0, 2.612375348685488 },
    { "riemann_zeta", 0, 0, 0, -0.5 },
    { "riemann_zeta", -1, 0, 0, -0.08333333333333333 },
    { "riemann_zeta", -2.5, 0, 0, 0.008516928777850331 },
    { "riemann_zeta", -15, 0, 0, 0.4432598039215686 },
    { "riemann_zeta", 25, 0, 0, 1.0000000298035034 },
    { "hypot3", 3, 4, 12, 13.0 },
    { "cyl_bessel_j", 0, 1, 0, 0.7651976865579666 },
    { "cyl_bessel_j", 2.5, 3, 0, 0.41271003220971597 },
    { "cyl_bessel_j", 10, 5, 0, 0.0014678026473104741 },
    { "cyl_bessel_j", 1, 50, 0, -0.09751182812517514 },
    { "cyl_bessel_j", 100, 120, 0, 0.0757371791300107 },
    { "cyl_bessel_j", 3, 2000, 0, -0.01638430546623757 },
    { "cyl_bessel_j", 0, 1e5, 0, -0.0017192011162359723 },
    { "cyl_neumann", 0, 1, 0, 0.08825696421567696 },
    { "cyl_neumann", 2.5, 3, 0, -0.3690407300737979 },
    { "cyl_neumann", 10, 5, 0, -25.1291100956101 },
    { "cyl_neumann", 1, 50, 0, -0.05679566856201477 },
    { "cyl_neumann", 3, 2000, 0, 0.007061499042320051 },
    { "cyl_bessel_i", 0, 1, 0, 1.2660658777520084 },
    { "cyl_bessel_i", 2.5, 3, 0, 1.5153394466819652 },
    { "cyl_bessel_i", 10, 5, 0, 0.004580044419176052 },
    { "cyl_bessel_i", 1, 50, 0, 2.903078590103557e+20 },
    { "cyl_bessel_k", 0, 1, 0, 0.42102443824070834 },
    { "cyl_bessel_k", 2.5, 3, 0, 0.08406063197411738 },
    { "cyl_bessel_k", 10, 5, 0, 9.75856282917781 },
    { "cyl_bessel_k", 1, 50, 0, 3.4441022267175555e-23 },
    { "sph_bessel", 0, 1, 0, 0.8414709848078965 },
    { "sph_bessel", 3, 2.5, 0, 0.10392046970240394 },
    { "sph_bessel", 10, 0.5, 0, 7.064123963661878e-14 },
    { "sph_bessel", 5, 100, 0, -0.009290148934907571 },
    { "sph_neumann", 0, 1, 0, -0.5403023058681398 },
    { "sph_neumann", 3, 2.5, 0, -0.7966031232532494 },
    { "sph_neumann", 10, 5, 0, -26.6561144057187 },
    { "comp_ellint_3", 0.5, 2.0, 0, -0.12072088640797692 },
    { "ellint_3", 0.5, 2.0, 0.5, 0.6203696923884855 },
    { "cyl_bessel_j", 50, 30, 0, 2.0581656631564178e-08 },
    { "cyl_neumann", 50, 30, 0, -386759.32602734736 },
};

static void *get(const char *name, int is_float)
{
    char full[64];
    sprintf(full, "__std_smf_%s%s", name, is_float ? "f" : "");
    return GetProcAddress(dll, full);
}

/* how many leading unsigned int arguments the function takes */
static int uint_args(const char *name)
{
    static const char *const two[] = { "assoc_laguerre", "assoc_legendre", "sph_legendre" };
    static const char *const one[] = { "hermite", "laguerre", "legendre", "sph_bessel", "sph_neumann" };
    for (int i = 0; i < 3; i++) if (!strcmp(name, two[i])) return 2;
    for (int i = 0; i < 5; i++) if (!strcmp(name, one[i])) return 1;
    return 0;
}

static int real_args(const char *name)
{
    static const char *const one[] = { "comp_ellint_1", "comp_ellint_2", "expint", "riemann_zeta" };
    static const char *const three[] = { "ellint_3", "hypot3" };
    int u = uint_args(name);
    if (u == 2) return 1;
    if (u == 1) return 1;
    for (int i = 0; i < 4; i++) if (!strcmp(name, one[i])) return 1;
    for (int i = 0; i < 2; i++) if (!strcmp(name, three[i])) return 3;
    return 2;
}

static double call(const char *name, double a, double b, double c)
{
    void *p = get(name, 0);
    int u = uint_args(name), r = real_args(name);

    if (u == 2) return ((double (__stdcall *)(unsigned int, unsigned int, double))p)(a, b, c);
    if (u == 1) return ((double (__stdcall *)(unsigned int, double))p)(a, b);
    if (r == 1) return ((double (__stdcall *)(double))p)(a);
    if (r == 2) return ((double (__stdcall *)(double, double))p)(a, b);
    return ((double (__stdcall *)(double, double, double))p)(a, b, c);
}

static float callf(const char *name, double a, double b, double c)
{
    void *p = get(name, 1);
    int u = uint_args(name), r = real_args(name);

    if (u == 2) return ((float (__stdcall *)(unsigned int, unsigned int, float))p)(a, b, c);
    if (u == 1) return ((float (__stdcall *)(unsigned int, float))p)(a, b);
    if (r == 1) return ((float (__stdcall *)(float))p)(a);
    if (r == 2) return ((float (__stdcall *)(float, float))p)(a, b);
    return ((float (__stdcall *)(float, float, float))p)(a, b, c);
}

static int close_to(double got, double expect, double tolerance)
{
    return fabs(got - expect) <= tolerance * fabs(expect);
}

static const char *const names[] =
{
    "assoc_laguerre", "assoc_legendre", "beta", "comp_ellint_1", "comp_ellint_2", "comp_ellint_3",
    "cyl_bessel_i", "cyl_bessel_j", "cyl_bessel_k", "cyl_neumann", "ellint_1", "ellint_2", "ellint_3",
    "expint", "hermite", "hypot3", "laguerre", "legendre", "riemann_zeta", "sph_bessel", "sph_legendre",
    "sph_neumann",
};

static void test_exports(void)
{
    for (int i = 0; i < ARRAYSIZE(names); i++)
        ok(get(names[i], 0) && get(names[i], 1), "__std_smf_%s and its float version exported\n", names[i]);
}

static void test_values(void)
{
    for (int i = 0; i < ARRAYSIZE(values); i++)
    {
        const struct value *v = &values[i];
        double got = call(v->name, v->a, v->b, v->c);
        ok(close_to(got, v->expect, 1e-12), "%s(%.17g, %.17g, %.17g) = %.17g, expected %.17g\n", v->name, v->a,
           v->b, v->c, got, v->expect);
    }
    for (int i = 0; i < ARRAYSIZE(float_values); i++)
    {
        const struct value *v = &float_values[i];
        float got = callf(v->name, v->a, v->b, v->c);
        ok(close_to(got, v->expect, 1e-6), "%sf(%g, %g, %g) = %.9g, expected %.9g\n", v->name, v->a, v->b, v->c,
           got, v->expect);
    }
}

static void test_closed_forms(void)
{
    const double pi = 3.14159265358979323846;

    for (double x = -1.0; x <= 1.0; x += 0.125)
    {
        ok(close_to(call("legendre", 2, x, 0), (3 * x * x - 1) / 2, 1e-14) || fabs(3 * x * x - 1) < 1e-15,
           "legendre(2, %g) = (3x^2 - 1)/2\n", x);
        ok(fabs(call("assoc_legendre", 1, 1, x) - sqrt(1 - x * x)) < 1e-15,
           "assoc_legendre(1, 1, %g) = sqrt(1 - x^2): no Condon-Shortley phase\n", x);
    }
    for (double x = -3.0; x <= 3.0; x += 0.75)
    {
        ok(fabs(call("hermite", 3, x, 0) - (8 * x * x * x - 12 * x)) <= 1e-13 * fabs(8 * x * x * x) + 1e-13,
           "hermite(3, %g) = 8x^3 - 12x\n", x);
        if (x >= 0)
            ok(fabs(call("laguerre", 2, x, 0) - (x * x - 4 * x + 2) / 2) < 1e-14, "laguerre(2, %g) = (x^2 - 4x + 2)/2\n", x);
    }
    ok(close_to(call("sph_legendre", 1, 1, 0.5), -sqrt(3 / (8 * pi)) * sin(0.5), 1e-14),
       "sph_legendre(1, 1, theta) = -sqrt(3 / 8pi) sin theta: with the phase\n");
    for (double a = 0.5; a < 6; a += 1.25)
        for (double b = 0.25; b < 6; b += 1.5)
            ok(close_to(call("beta", a, b, 0), tgamma(a) * tgamma(b) / tgamma(a + b), 1e-13),
               "beta(%g, %g) = Gamma(a) Gamma(b) / Gamma(a + b)\n", a, b);
    ok(close_to(call("riemann_zeta", 2, 0, 0), pi * pi / 6, 1e-15), "riemann_zeta(2) = pi^2/6\n");
    ok(close_to(call("riemann_zeta", 4, 0, 0), pi * pi * pi * pi / 90, 1e-15), "riemann_zeta(4) = pi^4/90\n");
    ok(close_to(call("riemann_zeta", -1, 0, 0), -1.0 / 12, 1e-14), "riemann_zeta(-1) = -1/12\n");
    ok(call("riemann_zeta", -4, 0, 0) == 0.0, "riemann_zeta(-4) = 0, a trivial zero\n");
    ok(close_to(call("comp_ellint_1", 0, 0, 0), pi / 2, 1e-15), "comp_ellint_1(0) = pi/2\n");
    ok(close_to(call("comp_ellint_2", 0, 0, 0), pi / 2, 1e-15), "comp_ellint_2(0) = pi/2\n");
    ok(close_to(call("comp_ellint_2", 1, 0, 0), 1.0, 1e-15), "comp_ellint_2(1) = 1\n");
    ok(close_to(call("ellint_1", 0, 1.2, 0), 1.2, 1e-15), "ellint_1(0, phi) = phi\n");
    ok(close_to(call("ellint_3", 0, 0.5, 0.9), atan(sqrt(0.5) * tan(0.9)) / sqrt(0.5), 1e-14),
       "ellint_3(0, nu, phi) = atan(sqrt(1 - nu) tan phi) / sqrt(1 - nu)\n");
    for (double x = 0.25; x < 20; x *= 2)
    {
        ok(close_to(call("sph_bessel", 0, x, 0), sin(x) / x, 1e-14), "sph_bessel(0, %g) = sin x / x\n", x);
        ok(close_to(call("sph_neumann", 0, x, 0), -cos(x) / x, 1e-14), "sph_neumann(0, %g) = -cos x / x\n", x);
        ok(close_to(call("cyl_bessel_i", 0.5, x, 0), sqrt(2 / (pi * x)) * sinh(x), 1e-14),
           "cyl_bessel_i(1/2, %g) = sqrt(2 / pi x) sinh x\n", x);
        ok(close_to(call("cyl_bessel_k", 0.5, x, 0), sqrt(pi / (2 * x)) * exp(-x), 1e-14),
           "cyl_bessel_k(1/2, %g) = sqrt(pi / 2x) e^-x\n", x);
        ok(close_to(call("cyl_bessel_j", 0.5, x, 0), sqrt(2 / (pi * x)) * sin(x), 1e-13),
           "cyl_bessel_j(1/2, %g) = sqrt(2 / pi x) sin x\n", x);
    }
    /* the first zeros of J_0 and J_1 (A&S table 9.5) */
    ok(fabs(call("cyl_bessel_j", 0, 2.404825557695773, 0)) < 1e-15, "J_0 vanishes at 2.4048...\n");
    ok(fabs(call("cyl_bessel_j", 1, 3.831705970207512, 0)) < 1e-15, "J_1 vanishes at 3.8317...\n");
    ok(call("cyl_bessel_j", 0, 0, 0) == 1.0 && call("cyl_bessel_j", 2, 0, 0) == 0.0, "J_0(0) = 1, J_2(0) = 0\n");
    ok(call("sph_bessel", 0, 0, 0) == 1.0 && call("sph_bessel", 3, 0, 0) == 0.0, "j_0(0) = 1, j_3(0) = 0\n");
    ok(call("cyl_bessel_i", 0, 0, 0) == 1.0, "I_0(0) = 1\n");
    ok(close_to(call("hypot3", 2, 3, 6), 7.0, 1e-16) && close_to(call("hypot3", 1e200, 1e200, 0), 1e200 * sqrt(2.0), 1e-15),
       "hypot3: 2, 3, 6 gives 7; no overflow on the way\n");
    ok(call("assoc_legendre", 2, 3, 0.5) == 0.0 && call("sph_legendre", 2, 3, 0.5) == 0.0, "m > l: 0\n");
}

static void test_nan_and_domain(void)
{
    for (int i = 0; i < ARRAYSIZE(names); i++)
    {
        int u = uint_args(names[i]);
        double r = u == 2 ? call(names[i], 3, 1, NAN) : u == 1 ? call(names[i], 2, NAN, 0) : call(names[i], NAN, NAN, NAN);
        ok(isnan(r), "%s(NaN) is NaN\n", names[i]);
    }
    /* [sf.cmath]: outside the domain a Returns: clause gives, a domain error */
    ok(isnan(call("legendre", 2, 1.5, 0)), "legendre: |x| > 1 is a domain error\n");
    ok(isnan(call("assoc_legendre", 2, 1, -1.5)), "assoc_legendre: |x| > 1 is a domain error\n");
    ok(isnan(call("comp_ellint_1", 1.5, 0, 0)), "comp_ellint_1: |k| > 1 is a domain error\n");
    ok(isnan(call("ellint_2", -2, 0.5, 0)), "ellint_2: |k| > 1 is a domain error\n");
    ok(isnan(call("cyl_bessel_j", 1, -1, 0)), "cyl_bessel_j: x < 0 is a domain error\n");
    ok(isnan(call("cyl_bessel_k", 1, -1, 0)), "cyl_bessel_k: x < 0 is a domain error\n");
    ok(isnan(call("sph_bessel", 1, -1, 0)), "sph_bessel: x < 0 is a domain error\n");
}

int main(void)
{
    test_start("msvcp140_2");
    dll = LoadLibraryA("msvcp140_2.dll");
    ok(dll != NULL, "msvcp140_2.dll loads\n");
    if (!dll) return test_summary();
    test_exports();
    if (test_is("wine"))
    {
        skip("Wine 8's __std_smf_* are stubs that end the process\n");
        return test_summary();
    }
    test_values();
    test_closed_forms();
    test_nan_and_domain();
    return test_summary();
}
