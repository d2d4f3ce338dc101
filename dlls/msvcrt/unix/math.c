/*
 * Unix side of msvcrt/ucrtbase: the transcendental math functions, run by
 * the host's libm. One door crossing per call (struct math_params); errno
 * as libm leaves it is reported back as enum math_err, and the PE side
 * turns it into the CRT's errno.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include "../unixlib.h"

/* glibc's cbrt may be one unit off in the last place, even for exact
   cubes (cbrt(27) = 3.0000000000000004 in glibc 2.36; Windows answers 3):
   of the result and its two neighbours, keep the one whose cube is nearest
   to x, the cubes compared in long double (64-bit mantissa) */
static double cbrt_nearest(double x)
{
    double r = cbrt(x), c[2];
    long double best;
    if (!isfinite(r) || r == 0) return r;
    best = fabsl((long double)r * r * r - x);
    c[0] = nextafter(r, INFINITY);
    c[1] = nextafter(r, -INFINITY);
    for (int i = 0; i < 2; i++)
    {
        long double d = fabsl((long double)c[i] * c[i] * c[i] - x);
        if (d < best) { best = d; r = c[i]; }
    }
    return r;
}

static float cbrtf_nearest(float x)
{
    float r = cbrtf(x), c[2];
    double best;
    if (!isfinite(r) || r == 0) return r;
    best = fabs((double)r * r * r - x);
    c[0] = nextafterf(r, INFINITY);
    c[1] = nextafterf(r, -INFINITY);
    for (int i = 0; i < 2; i++)
    {
        double d = fabs((double)c[i] * c[i] * c[i] - x);
        if (d < best) { best = d; r = c[i]; }
    }
    return r;
}

static double run_double(struct math_params *p)
{
    int quo;
    double r;

    switch (p->op)
    {
    case MATH_SIN: return sin(p->x);
    case MATH_COS: return cos(p->x);
    case MATH_TAN: return tan(p->x);
    case MATH_ASIN: return asin(p->x);
    case MATH_ACOS: return acos(p->x);
    case MATH_ATAN: return atan(p->x);
    case MATH_ATAN2: return atan2(p->x, p->y);
    case MATH_SINH: return sinh(p->x);
    case MATH_COSH: return cosh(p->x);
    case MATH_TANH: return tanh(p->x);
    case MATH_ASINH: return asinh(p->x);
    case MATH_ACOSH: return acosh(p->x);
    case MATH_ATANH: return atanh(p->x);
    case MATH_EXP: return exp(p->x);
    case MATH_EXP2: return exp2(p->x);
    case MATH_EXPM1: return expm1(p->x);
    case MATH_LOG: return log(p->x);
    case MATH_LOG10: return log10(p->x);
    case MATH_LOG2: return log2(p->x);
    case MATH_LOG1P: return log1p(p->x);
    case MATH_POW: return pow(p->x, p->y);
    case MATH_HYPOT: return hypot(p->x, p->y);
    case MATH_CBRT: return cbrt_nearest(p->x);
    case MATH_ERF: return erf(p->x);
    case MATH_ERFC: return erfc(p->x);
    case MATH_TGAMMA: return tgamma(p->x);
    case MATH_LGAMMA: return lgamma(p->x);
    case MATH_J0: return j0(p->x);
    case MATH_J1: return j1(p->x);
    case MATH_JN: return jn(p->n, p->x);
    case MATH_Y0: return y0(p->x);
    case MATH_Y1: return y1(p->x);
    case MATH_YN: return yn(p->n, p->x);
    case MATH_REMAINDER: return remainder(p->x, p->y);
    case MATH_REMQUO: r = remquo(p->x, p->y, &quo); p->n = quo; return r;
    case MATH_FMA: return fma(p->x, p->y, p->z);
    }
    errno = EDOM;
    return NAN;
}

static float run_float(struct math_params *p)
{
    float x = p->x, y = p->y, r;
    int quo;

    switch (p->op)
    {
    case MATH_SIN: return sinf(x);
    case MATH_COS: return cosf(x);
    case MATH_TAN: return tanf(x);
    case MATH_ASIN: return asinf(x);
    case MATH_ACOS: return acosf(x);
    case MATH_ATAN: return atanf(x);
    case MATH_ATAN2: return atan2f(x, y);
    case MATH_SINH: return sinhf(x);
    case MATH_COSH: return coshf(x);
    case MATH_TANH: return tanhf(x);
    case MATH_ASINH: return asinhf(x);
    case MATH_ACOSH: return acoshf(x);
    case MATH_ATANH: return atanhf(x);
    case MATH_EXP: return expf(x);
    case MATH_EXP2: return exp2f(x);
    case MATH_EXPM1: return expm1f(x);
    case MATH_LOG: return logf(x);
    case MATH_LOG10: return log10f(x);
    case MATH_LOG2: return log2f(x);
    case MATH_LOG1P: return log1pf(x);
    case MATH_POW: return powf(x, y);
    case MATH_HYPOT: return hypotf(x, y);
    case MATH_CBRT: return cbrtf_nearest(x);
    case MATH_ERF: return erff(x);
    case MATH_ERFC: return erfcf(x);
    case MATH_TGAMMA: return tgammaf(x);
    case MATH_LGAMMA: return lgammaf(x);
    case MATH_REMAINDER: return remainderf(x, y);
    case MATH_REMQUO: r = remquof(x, y, &quo); p->n = quo; return r;
    case MATH_FMA: return fmaf(x, y, (float)p->z);
    }
    /* no float form (Bessel functions): the double one */
    return (float)run_double(p);
}

static int32_t unix_math_call(void *params)
{
    struct math_params *p = params;

    errno = 0;
    p->result = p->is_float ? (double)run_float(p) : run_double(p);
    if (errno == EDOM) p->err = MATH_ERR_DOMAIN;
    else if (errno == ERANGE) p->err = MATH_ERR_RANGE;
    else p->err = MATH_ERR_NONE;
    return 0;
}

const wlx_unix_func __wlx_unix_funcs[] =
{
    unix_math_call,
};
