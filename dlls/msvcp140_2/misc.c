/*
 * dlls/msvcp140_2/misc.c — beta, expint (the exponential integral Ei),
 * riemann_zeta and the three-argument hypot of <cmath>, and the helpers
 * the other files share (domain errors, sin(pi x), 1/Gamma(1 + x)).
 */
#include "private.h"
#include <errno.h>

double smf_domain_error(void)
{
    errno = EDOM;
    return NAN;
}

/* sin(pi x) with the argument reduced exactly, so that it is 0 at the
   integers and +-1 at the half-integers */
double smf_sinpi(double x)
{
    double r = x - 2.0 * nearbyint(x / 2.0);   /* [-1, 1] */

    if (r > 0.5) r = 1.0 - r;
    else if (r < -0.5) r = -1.0 - r;
    return sin(SMF_PI * r);
}

double smf_cospi(double x)
{
    return smf_sinpi(x + 0.5);
}

/* 1/Gamma(1 + x) = sum c_i x^i near 0: the Taylor coefficients (worked
   out with mpmath at 40 digits); |x| <= 1/2 leaves the last term below
   2^-53 */
double smf_rgamma1p(double x)
{
    static const double c[] =
    {
        1.0, 0.57721566490153286061, -0.65587807152025388108, -0.042002635034095235529,
        0.1665386113822914895, -0.042197734555544336748, -0.0096219715278769735621,
        0.0072189432466630995424, -0.0011651675918590651121, -0.00021524167411495097282,
        0.00012805028238811618615, -0.000020134854780788238656, -1.2504934821426706573e-6,
        1.1330272319816958824e-6, -2.0563384169776071035e-7, 6.1160951044814158179e-9,
        5.0020076444692229301e-9, -1.1812745704870201446e-9, 1.0434267116911005105e-10,
        7.782263439905071254e-12, -3.6968056186422057082e-12, 5.100370287454475979e-13,
        -2.0583260535665067832e-14, -5.3481225394230179824e-15, 1.2267786282382607902e-15,
        -1.1812593016974587695e-16, 1.1866922547516003326e-18, 1.4123806553180317816e-18,
    };
    double sum = 0.0;

    for (int i = ARRAYSIZE(c) - 1; i >= 0; i--) sum = sum * x + c[i];
    return sum;
}

/* ---- beta ---- */

/* B(x, y) = Gamma(x) Gamma(y) / Gamma(x + y), x > 0 and y > 0 */
double __stdcall __std_smf_beta(double x, double y)
{
    if (isnan(x) || isnan(y)) return x + y;
    if (x <= 0.0 || y <= 0.0) return smf_domain_error();
    if (x + y < 170.0) return tgamma(x) / tgamma(x + y) * tgamma(y);
    if (x < 170.0) return tgamma(x) * exp(lgamma(y) - lgamma(x + y));
    if (y < 170.0) return tgamma(y) * exp(lgamma(x) - lgamma(x + y));
    return exp(lgamma(x) + lgamma(y) - lgamma(x + y));
}

/* ---- expint ---- */

/* E_1(t), t > 0: its series for t <= 1, else the continued fraction
   E_1(t) = e^-t / (t + 1 - 1 / (t + 3 - 4 / (t + 5 - 9 / ...))) */
static double expint_e1(double t)
{
    if (t <= 1.0)
    {
        double sum = 0.0, term = -1.0;
        for (int k = 1; k < 100; k++)
        {
            term *= -t / k;                    /* (-1)^(k+1) t^k / k! */
            sum += term / k;
            if (fabs(term) < 1e-18 * fabs(sum)) break;
        }
        return -SMF_EULER - log(t) + sum;
    }
    else
    {
        /* modified Lentz */
        const double tiny = 1e-300;
        double b = t + 1.0, c = 1.0 / tiny, d = 1.0 / b, h = d;
        for (int i = 1; i < 1000; i++)
        {
            double a = -(double)i * i, delta;
            b += 2.0;
            d = 1.0 / (a * d + b);
            c = b + a / c;
            delta = c * d;
            h *= delta;
            if (fabs(delta - 1.0) < 1e-17) break;
        }
        return h * exp(-t);
    }
}

/* Ei(x) for x > 0: its series up to 50 (positive terms), then the
   asymptotic series e^x / x sum k! / x^k cut at its smallest term */
static double expint_positive(double x)
{
    if (x <= 50.0)
    {
        double sum = 0.0, term = 1.0;
        for (int k = 1; k < 500; k++)
        {
            term *= x / k;
            sum += term / k;
            if (term < 1e-18 * sum * k) break;
        }
        return SMF_EULER + log(x) + sum;
    }
    else
    {
        double sum = 1.0, term = 1.0;
        for (int k = 1; k < 100; k++)
        {
            double next = term * k / x;
            if (next > term) break;
            term = next;
            sum += term;
            if (term < 1e-18 * sum) break;
        }
        return x < 700.0 ? exp(x) / x * sum : exp(x - log(x)) * sum;
    }
}

double __stdcall __std_smf_expint(double x)
{
    if (isnan(x)) return x;
    if (x == 0.0) return -INFINITY;
    if (x < 0.0) return isinf(x) ? 0.0 : -expint_e1(-x);
    return isinf(x) ? x : expint_positive(x);
}

/* ---- riemann_zeta ---- */

/* zeta(s), s >= 0, s != 1, through the alternating series
   eta(s) = sum (-1)^k / (k+1)^s = (1 - 2^(1-s)) zeta(s), summed by
   Borwein's acceleration (P. Borwein, "An efficient algorithm for the
   Riemann zeta function", 1991): with n terms its error is below
   3 / (3 + sqrt 8)^n, so 40 are plenty */
static double zeta_nonnegative(double s)
{
    enum { N = 40 };
    double d[N + 1], term = 1.0, eta = 0.0;

    if (s > 60.0) return 1.0 + exp2(-s) + pow(3.0, -s);
    d[0] = 1.0;
    for (int i = 0; i < N; i++)
    {
        term *= 4.0 * (N + i) * (N - i) / ((2.0 * i + 1.0) * (2.0 * i + 2.0));
        d[i + 1] = d[i] + term;
    }
    for (int k = N - 1; k >= 0; k--)
        eta += (k & 1 ? -1.0 : 1.0) * (d[N] - d[k]) * pow(k + 1.0, -s);
    eta /= d[N];
    return eta / -expm1((1.0 - s) * 0.69314718055994530942);
}

double __stdcall __std_smf_riemann_zeta(double s)
{
    double t, lg;

    if (isnan(s)) return s;
    if (s == 1.0) return INFINITY;
    if (s >= 0.0) return zeta_nonnegative(s);
    if (isinf(s)) return smf_domain_error();
    /* the functional equation: zeta(s) = 2^s pi^(s-1) sin(pi s / 2) Gamma(1 - s) zeta(1 - s) */
    t = 1.0 - s;
    if (floor(s / 2.0) == s / 2.0) return 0.0;          /* the trivial zeros */
    if (t < 170.0)
        return exp2(s) * pow(SMF_PI, s - 1.0) * smf_sinpi(s / 2.0) * tgamma(t) * zeta_nonnegative(t);
    lg = s * 0.69314718055994530942 + (s - 1.0) * log(SMF_PI) + lgamma(t);
    return exp(lg) * smf_sinpi(s / 2.0) * zeta_nonnegative(t);
}

/* ---- hypot3 ---- */

/* sqrt(x^2 + y^2 + z^2) without overflow or underflow on the way */
double __stdcall __std_smf_hypot3(double x, double y, double z)
{
    double m;

    x = fabs(x);
    y = fabs(y);
    z = fabs(z);
    if (isinf(x) || isinf(y) || isinf(z)) return INFINITY;
    if (isnan(x) || isnan(y) || isnan(z)) return x + y + z;
    m = fmax(x, fmax(y, z));
    if (m == 0.0) return 0.0;
    x /= m;
    y /= m;
    z /= m;
    return m * sqrt(x * x + y * y + z * z);
}

SMF_FLOAT2(beta, float, float)
SMF_FLOAT1(expint, float)
SMF_FLOAT1(riemann_zeta, float)
SMF_FLOAT3(hypot3, float, float, float)
