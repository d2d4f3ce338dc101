/*
 * dlls/msvcp140_2/bessel.c — the Bessel functions of <cmath>:
 * cyl_bessel_j, cyl_neumann (Y), cyl_bessel_i, cyl_bessel_k, and the
 * spherical sph_bessel and sph_neumann (J and Y of order n + 1/2).
 *
 * J and Y (Temme's and Steed's method, as N. M. Temme, "On the numerical
 * evaluation of the ordinary Bessel function of the second kind", 1976,
 * and Barnett's continued fractions): a continued fraction gives
 * J'_nu/J_nu; recurring down to mu = nu - n (|mu| <= 1/2 for x < 2)
 * gives J'_mu/J_mu up to a factor; Y_mu and Y_mu+1 come from Temme's
 * series (x < 2) or from the complex continued fraction for
 * (J' + iY')/(J + iY) (x >= 2), the Wronskian J Y' - J' Y = 2/(pi x)
 * fixes the factor, and Y goes up to nu by its recurrence. For large x
 * (x > 1000 and x > nu^2) Hankel's asymptotic expansion is used.
 *
 * I and K: K_mu and K_mu+1 (0 <= mu < 1) by the trapezoidal rule on
 * K_mu(x) = integral from 0 to inf of exp(-x cosh t) cosh(mu t) dt, whose
 * integrand is analytic and even, so that the rule's error falls
 * exponentially with the step (scaled by e^x to reach large x); K goes up
 * by its recurrence; I_nu from its continued fraction and the downward
 * recurrence, fixed by the Wronskian I K' - I' K = -1/x.
 *
 * Negative orders: J_-nu = cos(nu pi) J_nu - sin(nu pi) Y_nu and the
 * like. Arguments x < 0 are outside the standard's domain.
 */
#include "private.h"
#include <float.h>

#define EPS 1e-16
#define TINY 1e-300
#define BIG 1e200                 /* an unnormalised recurrence is scaled down past this */
#define MAX_ITER 10000000

/* f = J'_nu/J_nu (sign: -1 for I's fraction, whose terms are all added)
   by the modified Lentz method; *negative: whether J_nu is negative
   relative to the far end of the recurrence */
static double ratio_cf1(double nu, double x, double a, int *negative)
{
    double f = nu / x, c, d = 0.0;

    *negative = 0;
    if (f == 0.0) f = TINY;
    c = f;
    for (int i = 1; i < MAX_ITER; i++)
    {
        double b = 2.0 * (nu + i) / x, delta;
        d = b + a * d;
        if (fabs(d) < TINY) d = TINY;
        c = b + a / c;
        if (fabs(c) < TINY) c = TINY;
        d = 1.0 / d;
        delta = c * d;
        f *= delta;
        if (d < 0.0) *negative = !*negative;
        if (fabs(delta - 1.0) < EPS) break;
    }
    return f;
}

/* from order nu with value start and derivative f * start down n orders:
   *value the unnormalised value at nu - n, *scales how many times it was
   divided by BIG, the ratio derivative / value back */
static double recur_down(double nu, double x, double f, double start, int n, double sign_i,
                         double *value, int *scales)
{
    double v = start, dv = f * start, k = nu;

    *scales = 0;
    for (int i = 0; i < n; i++)
    {
        double prev = k / x * v + dv;         /* Z_k-1 = (k/x) Z_k + Z'_k */
        k -= 1.0;
        dv = k / x * prev + sign_i * v;       /* Z'_k-1 = ((k-1)/x) Z_k-1 -+ Z_k */
        v = prev;
        if (fabs(v) > BIG) { v /= BIG; dv /= BIG; ++*scales; }
    }
    if (v == 0.0) v = EPS;
    *value = v;
    return dv / v;
}

/* Temme's series for Y_mu and Y_mu+1, |mu| <= 1/2, 0 < x < 2 */
static void temme_y(double mu, double x, double *ymu, double *ymu1)
{
    double x2 = x / 2.0, pimu = SMF_PI * mu, lnx = -log(x2), sigma = mu * lnx;
    double fact = fabs(pimu) < EPS ? 1.0 : pimu / sin(pimu);
    double fact2 = fabs(sigma) < 1e-8 ? 1.0 : sinh(sigma) / sigma;
    double rp = smf_rgamma1p(mu), rm = smf_rgamma1p(-mu);
    double gam1 = fabs(mu) < 1e-8 ? -SMF_EULER : (rm - rp) / (2.0 * mu), gam2 = (rm + rp) / 2.0;
    double e = exp(sigma), s = sin(pimu / 2.0);
    double r = fabs(mu) < EPS ? 0.0 : 2.0 * s * s / mu;
    double f = 2.0 / SMF_PI * fact * (gam1 * cosh(sigma) + gam2 * fact2 * lnx);
    double p = e / (SMF_PI * rp), q = 1.0 / (e * SMF_PI * rm);
    double c = 1.0, sum = f + r * q, sum1 = p, dx = -x2 * x2;

    for (int k = 1; k < 1000; k++)
    {
        double g, h;
        f = (k * f + p + q) / ((double)k * k - mu * mu);
        c *= dx / k;
        p /= k - mu;
        q /= k + mu;
        g = f + r * q;
        h = p - k * g;
        sum += c * g;
        sum1 += c * h;
        if (fabs(c * g) < EPS * fabs(sum) && fabs(c * h) < EPS * fabs(sum1)) break;
    }
    *ymu = -sum;
    *ymu1 = -sum1 / x2;
}

/* Steed's complex continued fraction: p + iq = (J' + iY')/(J + iY) at mu, x >= 2 */
static void steed_pq(double mu, double x, double *p, double *q)
{
    double _Complex f = TINY, c = f, d = 0.0, t;

    for (int k = 1; k < MAX_ITER; k++)
    {
        double a = (k - 0.5) * (k - 0.5) - mu * mu;
        double _Complex b = 2.0 * (x + k * 1.0i), delta;
        d = b + a * d;
        if (cabs(d) < TINY) d = TINY;
        c = b + a / c;
        if (cabs(c) < TINY) c = TINY;
        d = 1.0 / d;
        delta = c * d;
        f *= delta;
        if (cabs(delta - 1.0) < EPS) break;
    }
    t = -1.0 / (2.0 * x) + 1.0i + 1.0i / x * f;
    *p = creal(t);
    *q = cimag(t);
}

/* Hankel's expansion, x large against nu */
static void hankel_jy(double nu, double x, double *j, double *y)
{
    double mu = 4.0 * nu * nu, term = 1.0, pp = 1.0, qq = 0.0, chi, c, s, cx, sx, amp;

    for (int k = 1; k < 100; k++)
    {
        double odd = 2.0 * k - 1.0;
        term *= (mu - odd * odd) / (k * 8.0 * x);
        if (k & 1) qq += (k & 2 ? -term : term);
        else pp += (k & 2 ? -term : term);
        if (fabs(term) < EPS) break;
    }
    /* chi = x - (nu/2 + 1/4) pi: cos chi = cos x cos phi + sin x sin phi */
    chi = nu / 2.0 + 0.25;
    c = smf_cospi(chi);
    s = smf_sinpi(chi);
    cx = cos(x);
    sx = sin(x);
    amp = sqrt(2.0 / (SMF_PI * x));
    *j = amp * (pp * (cx * c + sx * s) - qq * (sx * c - cx * s));
    *y = amp * (pp * (sx * c - cx * s) + qq * (cx * c + sx * s));
}

/* J_nu(x) and Y_nu(x) for nu >= 0, x > 0 */
static void bessel_jy(double nu, double x, double *j, double *y)
{
    int n, negative, scales;
    double mu, f, fmu, value, jmu, ymu, ymu1, dymu, w = 2.0 / (SMF_PI * x);

    if (x > 1000.0 && x > nu * nu)
    {
        hankel_jy(nu, x, j, y);
        return;
    }
    n = x < 2.0 ? (int)(nu + 0.5) : (int)fmax(0.0, floor(nu - x + 1.5));
    mu = nu - n;
    f = ratio_cf1(nu, x, -1.0, &negative);
    fmu = recur_down(nu, x, f, negative ? -1.0 : 1.0, n, -1.0, &value, &scales);
    if (x < 2.0)
    {
        temme_y(mu, x, &ymu, &ymu1);
        dymu = mu / x * ymu - ymu1;
        jmu = w / (dymu - fmu * ymu);
    }
    else
    {
        double p, q, gamma;
        steed_pq(mu, x, &p, &q);
        gamma = (p - fmu) / q;
        jmu = copysign(sqrt(w / ((p - fmu) * gamma + q)), value);
        ymu = gamma * jmu;
        dymu = ymu * (p + q / gamma);
        ymu1 = mu / x * ymu - dymu;
    }
    *j = jmu / value * (negative ? -1.0 : 1.0);
    for (int i = 0; i < scales && *j != 0.0; i++) *j /= BIG;
    for (int i = 1; i <= n; i++)
    {
        double next = 2.0 * (mu + i) / x * ymu1 - ymu;
        ymu = ymu1;
        ymu1 = next;
    }
    *y = ymu;
}

/* e^x K_mu(x) and e^x K_mu+1(x), 0 <= mu < 1, x > 0: the trapezoidal rule
   on the integral; the step keeps the rule's error below 2^-53 where the
   integrand narrows (large x) */
static void scaled_k(double mu, double x, double *k0, double *k1)
{
    double h = x > 6.25 ? 0.25 / sqrt(x) : 0.1, log2x = log(2.0 * x);
    double sum0 = 0.5, sum1 = 0.5;

    for (int i = 1; i < MAX_ITER; i++)
    {
        double t = i * h, sh = sinh(t / 2.0), arg, e;
        /* x (cosh t - 1) = 2 x sinh^2(t/2), without overflow */
        arg = t < 40.0 ? 2.0 * x * sh * sh : exp(log2x + 2.0 * (t / 2.0 - 0.69314718055994530942));
        if (arg - (mu + 1.0) * t > 750.0) break;
        e = exp(-arg);
        sum0 += e * cosh(mu * t);
        sum1 += e * cosh((mu + 1.0) * t);
    }
    *k0 = sum0 * h;
    *k1 = sum1 * h;
}

/* K_nu(x), nu >= 0, x > 0 */
static double bessel_k(double nu, double x)
{
    int n = (int)nu;
    double mu = nu - n, k0, k1, scale = exp(-x);

    scaled_k(mu, x, &k0, &k1);
    for (int i = 1; i <= n; i++)
    {
        double next = 2.0 * (mu + i) / x * k1 + k0;
        k0 = k1;
        k1 = next;
    }
    if (scale == 0.0 || isinf(k0)) return k0 == 0.0 ? 0.0 : exp(log(k0) - x);
    return k0 * scale;
}

/* I_nu(x), nu >= 0, x > 0: mu in [0, 1), where the Wronskian's two
   terms are both positive (for mu < 0, I'/I ~ mu/x + x/2 cancels) */
static double bessel_i(double nu, double x)
{
    int n = (int)nu, negative, scales;
    double mu = nu - n, f, fmu, value, k0, k1, dk, denom;

    f = ratio_cf1(nu, x, 1.0, &negative);
    fmu = recur_down(nu, x, f, 1.0, n, 1.0, &value, &scales);
    scaled_k(mu, x, &k0, &k1);
    dk = mu / x * k0 - k1;
    denom = x * (fmu * k0 - dk);      /* e^x / I_mu(x) */
    if (x < 700.0 && !scales) return exp(x) / denom / value;
    return exp(x - log(denom) - log(value) - scales * log(BIG));
}

/* ---- the exports ---- */

double __stdcall __std_smf_cyl_bessel_j(double nu, double x)
{
    double j, y;

    if (isnan(nu) || isnan(x)) return nu + x;
    if (x < 0.0) return smf_domain_error();
    if (x == 0.0) return nu == 0.0 ? 1.0 : (nu > 0.0 || nu == floor(nu) ? 0.0 : smf_domain_error());
    if (isinf(x)) return 0.0;
    bessel_jy(fabs(nu), x, &j, &y);
    if (nu >= 0.0) return j;
    return smf_cospi(nu) * j + smf_sinpi(nu) * y;   /* J_-a = cos(a pi) J_a - sin(a pi) Y_a, a = -nu */
}

double __stdcall __std_smf_cyl_neumann(double nu, double x)
{
    double j, y;

    if (isnan(nu) || isnan(x)) return nu + x;
    if (x < 0.0) return smf_domain_error();
    if (x == 0.0) return -INFINITY;
    if (isinf(x)) return 0.0;
    bessel_jy(fabs(nu), x, &j, &y);
    if (nu >= 0.0) return y;
    return -smf_sinpi(nu) * j + smf_cospi(nu) * y;  /* Y_-a = sin(a pi) J_a + cos(a pi) Y_a */
}

double __stdcall __std_smf_cyl_bessel_k(double nu, double x)
{
    if (isnan(nu) || isnan(x)) return nu + x;
    if (x < 0.0) return smf_domain_error();
    if (x == 0.0) return INFINITY;
    if (isinf(x)) return 0.0;
    return bessel_k(fabs(nu), x);
}

double __stdcall __std_smf_cyl_bessel_i(double nu, double x)
{
    double i;

    if (isnan(nu) || isnan(x)) return nu + x;
    if (x < 0.0) return smf_domain_error();
    if (x == 0.0) return nu == 0.0 ? 1.0 : (nu > 0.0 || nu == floor(nu) ? 0.0 : smf_domain_error());
    if (isinf(x)) return x;
    i = bessel_i(fabs(nu), x);
    if (nu >= 0.0 || nu == floor(nu)) return i;
    return i - 2.0 / SMF_PI * smf_sinpi(nu) * bessel_k(-nu, x);   /* I_-a = I_a + (2/pi) sin(a pi) K_a */
}

double __stdcall __std_smf_sph_bessel(unsigned int n, double x)
{
    double j, y;

    if (isnan(x)) return x;
    if (x < 0.0) return smf_domain_error();
    if (x == 0.0) return n ? 0.0 : 1.0;
    if (isinf(x)) return 0.0;
    bessel_jy(n + 0.5, x, &j, &y);
    return sqrt(SMF_PI / (2.0 * x)) * j;
}

double __stdcall __std_smf_sph_neumann(unsigned int n, double x)
{
    double j, y;

    if (isnan(x)) return x;
    if (x < 0.0) return smf_domain_error();
    if (x == 0.0) return -INFINITY;
    if (isinf(x)) return 0.0;
    bessel_jy(n + 0.5, x, &j, &y);
    return sqrt(SMF_PI / (2.0 * x)) * y;
}

SMF_FLOAT2(cyl_bessel_j, float, float)
SMF_FLOAT2(cyl_neumann, float, float)
SMF_FLOAT2(cyl_bessel_k, float, float)
SMF_FLOAT2(cyl_bessel_i, float, float)
SMF_FLOAT2(sph_bessel, unsigned int, float)
SMF_FLOAT2(sph_neumann, unsigned int, float)
