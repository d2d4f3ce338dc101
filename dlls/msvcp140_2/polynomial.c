/*
 * dlls/msvcp140_2/polynomial.c — the orthogonal polynomials of <cmath>:
 * legendre, assoc_legendre (without the Condon-Shortley phase, as the
 * standard defines it), sph_legendre (Y_l^m(theta, 0), with it),
 * laguerre, assoc_laguerre and hermite, each by its three-term
 * recurrence in the degree, stable upward for these families.
 */
#include "private.h"

/* P_l(x), |x| <= 1 */
double __stdcall __std_smf_legendre(unsigned int l, double x)
{
    double prev = 1.0, cur = x;

    if (isnan(x)) return x;
    if (fabs(x) > 1.0) return smf_domain_error();
    if (!l) return 1.0;
    for (unsigned int k = 1; k < l; k++)
    {
        double next = ((2.0 * k + 1.0) * x * cur - k * prev) / (k + 1.0);
        prev = cur;
        cur = next;
    }
    return cur;
}

/* P_l^m(x) = (1 - x^2)^(m/2) d^m/dx^m P_l(x), |x| <= 1: from
   P_m^m = (2m-1)!! (1 - x^2)^(m/2) up in l */
double __stdcall __std_smf_assoc_legendre(unsigned int l, unsigned int m, double x)
{
    double s, pmm = 1.0, prev, cur;

    if (isnan(x)) return x;
    if (fabs(x) > 1.0) return smf_domain_error();
    if (m > l) return 0.0;
    s = sqrt((1.0 - x) * (1.0 + x));
    for (unsigned int i = 1; i <= m; i++) pmm *= (2.0 * i - 1.0) * s;
    if (l == m) return pmm;
    prev = pmm;
    cur = x * (2.0 * m + 1.0) * pmm;
    for (unsigned int k = m + 1; k < l; k++)
    {
        double next = ((2.0 * k + 1.0) * x * cur - (k + m) * prev) / (k - m + 1.0);
        prev = cur;
        cur = next;
    }
    return cur;
}

/* Y_l^m(theta, 0) = (-1)^m sqrt((2l+1)/(4 pi) (l-m)!/(l+m)!) P_l^m(cos theta),
   through the recurrence of the normalised functions, which neither
   overflows nor underflows where the result does not */
double __stdcall __std_smf_sph_legendre(unsigned int l, unsigned int m, double theta)
{
    double x, s, ymm, prev, cur;

    if (isnan(theta)) return theta;
    if (m > l) return 0.0;
    x = cos(theta);
    s = fabs(sin(theta));
    ymm = sqrt((2.0 * m + 1.0) / (4.0 * SMF_PI));
    for (unsigned int i = 1; i <= m; i++) ymm *= -sqrt((2.0 * i - 1.0) / (2.0 * i)) * s;
    if (l == m) return ymm;
    prev = ymm;
    cur = x * sqrt(2.0 * m + 3.0) * ymm;
    for (unsigned int k = m + 1; k < l; k++)
    {
        double k1 = k + 1.0, mm = (double)m * m;
        double a = sqrt((4.0 * k1 * k1 - 1.0) / (k1 * k1 - mm));
        double b = sqrt(((double)k * k - mm) / (4.0 * (double)k * k - 1.0));
        double next = a * (x * cur - b * prev);
        prev = cur;
        cur = next;
    }
    return cur;
}

/* L_n^m(x), x >= 0 */
double __stdcall __std_smf_assoc_laguerre(unsigned int n, unsigned int m, double x)
{
    double prev = 1.0, cur;

    if (isnan(x)) return x;
    if (x < 0.0) return smf_domain_error();
    if (!n) return 1.0;
    cur = 1.0 + m - x;
    for (unsigned int k = 1; k < n; k++)
    {
        double next = ((2.0 * k + 1.0 + m - x) * cur - (k + (double)m) * prev) / (k + 1.0);
        prev = cur;
        cur = next;
    }
    return cur;
}

double __stdcall __std_smf_laguerre(unsigned int n, double x)
{
    return __std_smf_assoc_laguerre(n, 0, x);
}

/* H_n(x), the physicists' Hermite polynomials */
double __stdcall __std_smf_hermite(unsigned int n, double x)
{
    double prev = 1.0, cur = 2.0 * x;

    if (isnan(x)) return x;
    if (!n) return 1.0;
    for (unsigned int k = 1; k < n; k++)
    {
        double next = 2.0 * x * cur - 2.0 * k * prev;
        prev = cur;
        cur = next;
    }
    return cur;
}

SMF_FLOAT2(legendre, unsigned int, float)
SMF_FLOAT3(assoc_legendre, unsigned int, unsigned int, float)
SMF_FLOAT3(sph_legendre, unsigned int, unsigned int, float)
SMF_FLOAT3(assoc_laguerre, unsigned int, unsigned int, float)
SMF_FLOAT2(laguerre, unsigned int, float)
SMF_FLOAT2(hermite, unsigned int, float)
