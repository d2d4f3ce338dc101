/*
 * dlls/msvcp140_2/private.h — what the sources of msvcp140_2.dll share:
 * the C++17 special functions (<cmath>'s assoc_laguerre … sph_neumann,
 * and the three-argument hypot) as MSVC's headers call them,
 * __std_smf_NAME for double and __std_smf_NAMEf for float. Files:
 * polynomial.c (Legendre, Laguerre, Hermite), ellint.c (elliptic
 * integrals through Carlson's forms), bessel.c (cylindrical and spherical
 * Bessel functions), misc.c (beta, expint, riemann_zeta, hypot3).
 *
 * The float versions compute in double. A NaN argument gives a NaN; an
 * argument outside the domain the standard gives ([sf.cmath]) gives a
 * NaN and sets errno to EDOM.
 */
#ifndef WLX_MSVCP140_2_PRIVATE_H
#define WLX_MSVCP140_2_PRIVATE_H

#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <math.h>
#include <complex.h>

#define SMF_PI 3.14159265358979323846
#define SMF_EULER 0.57721566490153286061   /* Euler's gamma */

double smf_domain_error(void);            /* errno = EDOM, a NaN back */
double smf_sinpi(double x);               /* sin(pi x), exact at integers */
double smf_cospi(double x);
double smf_rgamma1p(double x);            /* 1 / Gamma(1 + x) for |x| <= 1/2 */
double smf_carlson_rf(double x, double y, double z);

/* the float version of a function of doubles */
#define SMF_FLOAT1(name, t1) \
    float __stdcall __std_smf_##name##f(t1 a) { return (float)__std_smf_##name(a); }
#define SMF_FLOAT2(name, t1, t2) \
    float __stdcall __std_smf_##name##f(t1 a, t2 b) { return (float)__std_smf_##name(a, b); }
#define SMF_FLOAT3(name, t1, t2, t3) \
    float __stdcall __std_smf_##name##f(t1 a, t2 b, t3 c) { return (float)__std_smf_##name(a, b, c); }

#endif
