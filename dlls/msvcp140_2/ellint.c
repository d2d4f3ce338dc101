/*
 * dlls/msvcp140_2/ellint.c — the elliptic integrals of <cmath> through
 * Carlson's symmetric forms R_F, R_D and R_J (B. C. Carlson, "Numerical
 * computation of real or complex elliptic integrals", 1995): each
 * duplication step moves the arguments a quarter of the way to their
 * mean, and once they agree to about 1/400 a fifth-order Taylor
 * expansion about the mean is exact to double precision.
 *
 *   F(k, phi)     = s R_F(c, d, 1)                              s = sin phi,
 *   E(k, phi)     = s R_F(c, d, 1) - k^2 s^3 / 3 R_D(c, d, 1)   c = cos^2 phi,
 *   Pi(nu, k, phi) = s R_F(c, d, 1) + nu s^3 / 3 R_J(c, d, 1, p) d = 1 - k^2 s^2,
 *                                                               p = 1 - nu s^2
 * for |phi| <= pi/2, and F(phi + j pi) = F(phi) + 2 j K (E, Pi alike).
 * The standard's Pi has 1 - nu sin^2 in its denominator.
 */
#include "private.h"

#define TOLERANCE 0.0025          /* (3 x 2^-53)^(1/6)-ish: the expansion's error is its 6th power */

static double max3(double a, double b, double c)
{
    return fmax(a, fmax(b, c));
}

double smf_carlson_rf(double x, double y, double z)
{
    double a, dx, dy, dz, e2, e3;

    if ((x == 0.0) + (y == 0.0) + (z == 0.0) >= 2) return INFINITY;
    for (;;)
    {
        double sx = sqrt(x), sy = sqrt(y), sz = sqrt(z), lambda = sx * sy + sy * sz + sz * sx;
        a = (x + y + z) / 3.0;
        dx = 1.0 - x / a;
        dy = 1.0 - y / a;
        dz = 1.0 - z / a;
        if (max3(fabs(dx), fabs(dy), fabs(dz)) < TOLERANCE) break;
        x = (x + lambda) * 0.25;
        y = (y + lambda) * 0.25;
        z = (z + lambda) * 0.25;
    }
    e2 = dx * dy - dz * dz;
    e3 = dx * dy * dz;
    return (1.0 - e2 / 10.0 + e3 / 14.0 + e2 * e2 / 24.0 - 3.0 * e2 * e3 / 44.0) / sqrt(a);
}

static double carlson_rd(double x, double y, double z)
{
    double sum = 0.0, scale = 1.0, a, dx, dy, dz, e2, e3, e4, e5;

    for (;;)
    {
        double sx = sqrt(x), sy = sqrt(y), sz = sqrt(z), lambda = sx * sy + sy * sz + sz * sx;
        a = (x + y + 3.0 * z) / 5.0;
        dx = (a - x) / a;
        dy = (a - y) / a;
        dz = (a - z) / a;
        if (max3(fabs(dx), fabs(dy), fabs(dz)) < TOLERANCE) break;
        sum += scale / (sz * (z + lambda));
        scale *= 0.25;
        x = (x + lambda) * 0.25;
        y = (y + lambda) * 0.25;
        z = (z + lambda) * 0.25;
    }
    dz = -(dx + dy) / 3.0;
    e2 = dx * dy - 6.0 * dz * dz;
    e3 = (3.0 * dx * dy - 8.0 * dz * dz) * dz;
    e4 = 3.0 * (dx * dy - dz * dz) * dz * dz;
    e5 = dx * dy * dz * dz * dz;
    return 3.0 * sum + scale * (1.0 - 3.0 * e2 / 14.0 + e3 / 6.0 + 9.0 * e2 * e2 / 88.0 - 3.0 * e4 / 22.0
                                - 9.0 * e2 * e3 / 52.0 + 3.0 * e5 / 26.0) / (a * sqrt(a));
}

/* R_C(x, y) = R_F(x, y, y); for y < 0 its Cauchy principal value
   sqrt(x / (x - y)) R_C(x - y, -y) */
static double carlson_rc(double x, double y)
{
    if (y < 0.0) return sqrt(x / (x - y)) * smf_carlson_rf(x - y, -y, -y);
    return smf_carlson_rf(x, y, y);
}

/* R_J(x, y, z, p) for p > 0 */
static double carlson_rj_positive(double x, double y, double z, double p)
{
    double sum = 0.0, scale = 1.0, a, dx, dy, dz, dp, e2, e3, e4, e5;

    for (;;)
    {
        double sx = sqrt(x), sy = sqrt(y), sz = sqrt(z), lambda = sx * sy + sy * sz + sz * sx;
        double alpha, beta;
        a = (x + y + z + 2.0 * p) / 5.0;
        dx = (a - x) / a;
        dy = (a - y) / a;
        dz = (a - z) / a;
        dp = (a - p) / a;
        if (fmax(max3(fabs(dx), fabs(dy), fabs(dz)), fabs(dp)) < TOLERANCE) break;
        alpha = p * (sx + sy + sz) + sx * sy * sz;
        alpha *= alpha;
        beta = p * (p + lambda) * (p + lambda);
        sum += scale * carlson_rc(alpha, beta);
        scale *= 0.25;
        x = (x + lambda) * 0.25;
        y = (y + lambda) * 0.25;
        z = (z + lambda) * 0.25;
        p = (p + lambda) * 0.25;
    }
    dp = -(dx + dy + dz) / 2.0;
    e2 = dx * dy + dx * dz + dy * dz - 3.0 * dp * dp;
    e3 = dx * dy * dz + 2.0 * e2 * dp + 4.0 * dp * dp * dp;
    e4 = (2.0 * dx * dy * dz + e2 * dp + 3.0 * dp * dp * dp) * dp;
    e5 = dx * dy * dz * dp * dp;
    return 3.0 * sum + scale * (1.0 - 3.0 * e2 / 14.0 + e3 / 6.0 + 9.0 * e2 * e2 / 88.0 - 3.0 * e4 / 22.0
                                - 9.0 * e2 * e3 / 52.0 + 3.0 * e5 / 26.0) / (a * sqrt(a));
}

/* R_J for any p != 0: for p < 0 its Cauchy principal value, through
   (y - p) R_J(x, y, z, p) = (q - y) R_J(x, y, z, q) - 3 R_F(x, y, z)
                             + 3 sqrt(x y z / (x z + p q)) R_C(x z + p q, p q),
   q = y + (z - y)(y - x)/(y - p) > 0 with y the middle argument */
static double carlson_rj(double x, double y, double z, double p)
{
    double t, q;

    if (p > 0.0) return carlson_rj_positive(x, y, z, p);
    if (x > y) { t = x; x = y; y = t; }
    if (y > z) { t = y; y = z; z = t; }
    if (x > y) { t = x; x = y; y = t; }
    q = y + (z - y) * (y - x) / (y - p);
    t = (q - y) * carlson_rj_positive(x, y, z, q) - 3.0 * smf_carlson_rf(x, y, z);
    if (x * y * z != 0.0) t += 3.0 * sqrt(x * y * z / (x * z + p * q)) * carlson_rc(x * z + p * q, p * q);
    return t / (y - p);
}

enum kind { FIRST, SECOND, THIRD };

/* the integral of the kind from 0 to phi, |phi| <= pi/2 */
static double incomplete(enum kind kind, double k, double nu, double phi)
{
    double s = sin(phi), c = cos(phi), s2 = s * s, d = (1.0 - k * s) * (1.0 + k * s);
    double f = s * smf_carlson_rf(c * c, d, 1.0);

    if (kind == FIRST || s == 0.0) return f;
    if (kind == SECOND) return f - k * k * s * s2 / 3.0 * carlson_rd(c * c, d, 1.0);
    if (nu * s2 > 1.0)
    {
        /* past the pole, Cauchy's principal value through omega = k^2/nu
           (DLMF 19.7.8): Pi(nu) = -Pi(omega) + F + R_C((C-1)(C-k^2), (C-nu)(C-omega)) / s,
           C = 1/s^2 */
        double omega = k * k / nu, cc = 1.0 / s2;
        return -incomplete(THIRD, k, omega, phi) + f
               + carlson_rc((cc - 1.0) * (cc - k * k), (cc - nu) * (cc - omega)) / s;
    }
    if (nu * s2 == 1.0) return copysign(INFINITY, s);
    return f + nu * s * s2 / 3.0 * carlson_rj(c * c, d, 1.0, 1.0 - nu * s2);
}

static double complete(enum kind kind, double k, double nu)
{
    double d = (1.0 - k) * (1.0 + k);

    if (d == 0.0) return kind == SECOND ? 1.0 : INFINITY;
    if (kind == FIRST) return smf_carlson_rf(0.0, d, 1.0);
    if (kind == SECOND) return smf_carlson_rf(0.0, d, 1.0) - k * k / 3.0 * carlson_rd(0.0, d, 1.0);
    if (nu == 1.0) return INFINITY;
    return smf_carlson_rf(0.0, d, 1.0) + nu / 3.0 * carlson_rj(0.0, d, 1.0, 1.0 - nu);
}

static double integral(enum kind kind, double k, double nu, double phi)
{
    double periods;

    if (isnan(k) || isnan(nu) || isnan(phi)) return k + nu + phi;
    if (fabs(k) > 1.0) return smf_domain_error();
    if (isinf(phi)) return smf_domain_error();
    periods = nearbyint(phi / SMF_PI);
    if (periods == 0.0) return incomplete(kind, k, nu, phi);
    return 2.0 * periods * complete(kind, k, nu) + incomplete(kind, k, nu, phi - periods * SMF_PI);
}

double __stdcall __std_smf_ellint_1(double k, double phi) { return integral(FIRST, k, 0.0, phi); }
double __stdcall __std_smf_ellint_2(double k, double phi) { return integral(SECOND, k, 0.0, phi); }
double __stdcall __std_smf_ellint_3(double k, double nu, double phi) { return integral(THIRD, k, nu, phi); }

double __stdcall __std_smf_comp_ellint_1(double k)
{
    if (isnan(k)) return k;
    return fabs(k) > 1.0 ? smf_domain_error() : complete(FIRST, k, 0.0);
}

double __stdcall __std_smf_comp_ellint_2(double k)
{
    if (isnan(k)) return k;
    return fabs(k) > 1.0 ? smf_domain_error() : complete(SECOND, k, 0.0);
}

double __stdcall __std_smf_comp_ellint_3(double k, double nu)
{
    if (isnan(k) || isnan(nu)) return k + nu;
    return fabs(k) > 1.0 ? smf_domain_error() : complete(THIRD, k, nu);
}

SMF_FLOAT2(ellint_1, float, float)
SMF_FLOAT2(ellint_2, float, float)
SMF_FLOAT3(ellint_3, float, float, float)
SMF_FLOAT1(comp_ellint_1, float)
SMF_FLOAT1(comp_ellint_2, float)
SMF_FLOAT2(comp_ellint_3, float, float)
