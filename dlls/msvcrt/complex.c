/*
 * dlls/msvcrt/complex.c — the UCRT's C99 complex functions (ucrtbase only).
 *
 * MSVC has no _Complex: <complex.h> makes _Dcomplex, _Fcomplex and
 * _Lcomplex structs of two numbers, so these functions take and return
 * structs in the Microsoft x64 ABI (a 16-byte struct goes by reference and
 * comes back through a hidden pointer; an 8-byte _Fcomplex travels in a
 * general register). long double is double there, so the l forms are the
 * double ones (aliases in ucrtbase.spec); the f forms compute in double.
 *
 * Sections: construction and parts, exp/log/pow/sqrt, hyperbolic and
 * circular functions, their inverses. Special values follow C99 Annex G;
 * the inverse functions use Kahan's formulas ("Branch cuts for complex
 * elementary functions", 1987), which keep signed zeros on the cuts.
 */
#ifdef WLX_UCRT
#include "private.h"
#include <math.h>

#pragma GCC diagnostic ignored "-Wbuiltin-declaration-mismatch"

typedef struct { double v[2]; } dcomplex;   /* _Dcomplex, _Lcomplex */
typedef struct { float v[2]; } fcomplex;    /* _Fcomplex */

#define PI      3.14159265358979323846
#define PI_2    1.57079632679489661923
#define PI_4    0.78539816339744830962
#define LN10    2.30258509299404568402

static inline dcomplex mk(double re, double im) { dcomplex z = { { re, im } }; return z; }
static inline dcomplex widen(fcomplex z) { return mk(z.v[0], z.v[1]); }
static inline fcomplex narrow(dcomplex z) { fcomplex f = { { (float)z.v[0], (float)z.v[1] } }; return f; }
static inline int is_inf(double x) { return __builtin_isinf(x); }
static inline int is_nan(double x) { return __builtin_isnan(x); }
static inline int is_finite(double x) { return __builtin_isfinite(x); }
static inline double csign(double x, double y) { return __builtin_copysign(x, y); }

/* ---- construction and parts ---- */

dcomplex __cdecl _Cbuild(double re, double im) { return mk(re, im); }
fcomplex __cdecl _FCbuild(float re, float im) { fcomplex z = { { re, im } }; return z; }

/* plain products, as the header's * would be: no Annex G recovery */
dcomplex __cdecl _Cmulcc(dcomplex a, dcomplex b)
{
    return mk(a.v[0] * b.v[0] - a.v[1] * b.v[1], a.v[0] * b.v[1] + a.v[1] * b.v[0]);
}
dcomplex __cdecl _Cmulcr(dcomplex a, double r) { return mk(a.v[0] * r, a.v[1] * r); }
fcomplex __cdecl _FCmulcc(fcomplex a, fcomplex b)
{
    fcomplex z = { { a.v[0] * b.v[0] - a.v[1] * b.v[1], a.v[0] * b.v[1] + a.v[1] * b.v[0] } };
    return z;
}
fcomplex __cdecl _FCmulcr(fcomplex a, float r) { fcomplex z = { { a.v[0] * r, a.v[1] * r } }; return z; }

double __cdecl creal(dcomplex z) { return z.v[0]; }
double __cdecl cimag(dcomplex z) { return z.v[1]; }
float __cdecl crealf(fcomplex z) { return z.v[0]; }
float __cdecl cimagf(fcomplex z) { return z.v[1]; }
dcomplex __cdecl conj(dcomplex z) { return mk(z.v[0], -z.v[1]); }
fcomplex __cdecl conjf(fcomplex z) { z.v[1] = -z.v[1]; return z; }
double __cdecl carg(dcomplex z) { return atan2(z.v[1], z.v[0]); }
float __cdecl cargf(fcomplex z) { return (float)atan2(z.v[1], z.v[0]); }
/* cabs is _cabs (math.c): hypot, overflow-safe */
float __cdecl cabsf(fcomplex z) { return (float)hypot(z.v[0], z.v[1]); }
/* norm: the squared magnitude (Microsoft's name, from C++'s std::norm) */
double __cdecl norm(dcomplex z) { return z.v[0] * z.v[0] + z.v[1] * z.v[1]; }
float __cdecl normf(fcomplex z) { return z.v[0] * z.v[0] + z.v[1] * z.v[1]; }

dcomplex __cdecl cproj(dcomplex z)
{
    if (is_inf(z.v[0]) || is_inf(z.v[1])) return mk(__builtin_inf(), csign(0.0, z.v[1]));
    return z;
}
fcomplex __cdecl cprojf(fcomplex z) { return narrow(cproj(widen(z))); }

/* ---- exp, log, pow, sqrt ---- */

/* e^x * (c + is) without overflowing before the end: e^x may be out of
 * range while e^x*cos(y) is not */
static dcomplex scaled_cis(double x, double c, double s)
{
    if (x > 709.0)
    {
        double h = exp(x * 0.5);
        return mk(c * h * h, s * h * h);
    }
    double e = exp(x);
    return mk(c * e, s * e);
}

dcomplex __cdecl cexp(dcomplex z)
{
    double x = z.v[0], y = z.v[1];

    if (y == 0) return mk(exp(x), y);                       /* real (or NaN + i0): the zero kept */
    if (!is_finite(y))
    {
        if (x == -__builtin_inf()) return mk(0.0, 0.0);       /* ±0 ± i0 */
        if (x == __builtin_inf()) return mk(x, y - y);       /* ±∞ + iNaN */
        return mk(y - y, y - y);                             /* NaN + iNaN, invalid */
    }
    if (is_nan(x)) return mk(x, x);
    if (x == -__builtin_inf()) return mk(0.0 * cos(y), 0.0 * sin(y));
    if (x == __builtin_inf()) return mk(x * cos(y), x * sin(y));
    return scaled_cis(x, cos(y), sin(y));
}

dcomplex __cdecl clog(dcomplex z)
{
    double x = z.v[0], y = z.v[1], ax = fabs(x), ay = fabs(y), re;

    if (ax < ay) { double t = ax; ax = ay; ay = t; }
    if (is_inf(ax)) re = __builtin_inf();
    else if (is_nan(ax) || is_nan(ay)) re = __builtin_nan("");
    else if (ax == 0) re = -1.0 / ax;                        /* -∞, divide by zero */
    else if (ax > 0.5 && ax < 2.0)
        /* |z| near 1: log|z| = log1p(|z|² - 1) / 2 without the cancellation */
        re = 0.5 * log1p((ax - 1) * (ax + 1) + ay * ay);
    else re = log(hypot(ax, ay));
    return mk(re, atan2(y, x));
}

dcomplex __cdecl clog10(dcomplex z)
{
    dcomplex l = clog(z);
    return mk(l.v[0] / LN10, l.v[1] / LN10);
}

dcomplex __cdecl cpow(dcomplex z, dcomplex w)
{
    return cexp(_Cmulcc(w, clog(z)));
}

dcomplex __cdecl csqrt(dcomplex z)
{
    double x = z.v[0], y = z.v[1], scale = 1, t;

    if (x == 0 && y == 0) return mk(0.0, y);
    if (is_inf(y)) return mk(__builtin_inf(), y);
    if (is_nan(x)) return mk(x, x);
    if (is_inf(x))
    {
        if (x > 0) return mk(x, is_nan(y) ? y : csign(0.0, y));
        return mk(is_nan(y) ? y : 0.0, csign(-x, y));        /* sign of the ∞ part unspecified for NaN */
    }
    if (is_nan(y)) return mk(y, y);
    /* keep |x| + |z| in range, and out of the subnormals */
    if (fabs(x) > 0x1p1020 || fabs(y) > 0x1p1020) { x *= 0x1p-4; y *= 0x1p-4; scale = 0x1p2; }
    else if (fabs(x) < 0x1p-1000 && fabs(y) < 0x1p-1000) { x *= 0x1p600; y *= 0x1p600; scale = 0x1p-300; }
    t = sqrt((fabs(x) + hypot(x, y)) * 0.5);
    if (x >= 0) return mk(t * scale, y / (2 * t) * scale);
    return mk(fabs(y) / (2 * t) * scale, csign(t, y) * scale);
}

/* ---- hyperbolic and circular functions ---- */

dcomplex __cdecl csinh(dcomplex z)
{
    double x = z.v[0], y = z.v[1];

    if (y == 0) return mk(sinh(x), y);
    if (!is_finite(y))
    {
        if (x == 0) return mk(x, y - y);
        if (is_inf(x)) return mk(x, y - y);
        return mk(y - y, y - y);
    }
    if (fabs(x) > 709.0 && is_finite(x))
    {
        dcomplex r = scaled_cis(fabs(x) - 0.6931471805599453, cos(y), sin(y));   /* e^|x| / 2 */
        return mk(x < 0 ? -r.v[0] : r.v[0], r.v[1]);
    }
    return mk(sinh(x) * cos(y), cosh(x) * sin(y));
}

dcomplex __cdecl ccosh(dcomplex z)
{
    double x = z.v[0], y = z.v[1];

    if (y == 0)
        return mk(cosh(x), is_nan(x) ? y : (__builtin_signbit(x) != __builtin_signbit(y) ? -0.0 : 0.0));
    if (!is_finite(y))
    {
        if (x == 0) return mk(y - y, 0.0 * x);
        if (is_inf(x)) return mk(x * x, x * (y - y));
        return mk(y - y, y - y);
    }
    if (fabs(x) > 709.0 && is_finite(x))
    {
        dcomplex r = scaled_cis(fabs(x) - 0.6931471805599453, cos(y), sin(y));
        return mk(r.v[0], x < 0 ? -r.v[1] : r.v[1]);
    }
    return mk(cosh(x) * cos(y), sinh(x) * sin(y));
}

dcomplex __cdecl ctanh(dcomplex z)
{
    double x = z.v[0], y = z.v[1], t, s, rho;

    if (is_inf(x)) return mk(csign(1.0, x), csign(0.0, is_finite(y) ? sin(2 * y) : y));
    if (is_nan(x)) return mk(x, y == 0 ? y : x);
    if (!is_finite(y)) return mk(y - y, y - y);
    if (fabs(x) > 22.0)        /* tanh x is ±1 to the last bit; the imaginary part decays as e^-2|x| */
        return mk(csign(1.0, x), 4 * sin(y) * cos(y) * exp(-2 * fabs(x)));
    /* Kahan: t = tan y, s = sinh x, rho = cosh x; the u = 1/t form when |t| > 1 */
    t = tan(y);
    s = sinh(x);
    rho = sqrt(1 + s * s);
    if (fabs(t) <= 1)
    {
        double beta = 1 + t * t, d = 1 + beta * s * s;
        return mk(beta * rho * s / d, t / d);
    }
    else
    {
        double u = 1 / t, u2 = u * u, d = u2 + (u2 + 1) * s * s;
        return mk((u2 + 1) * rho * s / d, u / d);
    }
}

/* circular from hyperbolic: sin z = -i sinh(iz), cos z = cosh(iz), tan z = -i tanh(iz) */
static dcomplex times_i(dcomplex z) { return mk(-z.v[1], z.v[0]); }
static dcomplex times_minus_i(dcomplex z) { return mk(z.v[1], -z.v[0]); }

dcomplex __cdecl csin(dcomplex z) { return times_minus_i(csinh(times_i(z))); }
dcomplex __cdecl ccos(dcomplex z) { return ccosh(times_i(z)); }
dcomplex __cdecl ctan(dcomplex z) { return times_minus_i(ctanh(times_i(z))); }

/* ---- inverse functions ---- */

/* Kahan's arcsine of a finite w: re = atan(u / Re(√(1-w)·√(1+w))),
 * im = asinh(Im(conj(√(1-w))·√(1+w))) */
static dcomplex asin_finite(double u, double v)
{
    dcomplex s1 = csqrt(mk(1 - u, -v)), s2 = csqrt(mk(1 + u, v));
    double den = s1.v[0] * s2.v[0] - s1.v[1] * s2.v[1];
    double im = s1.v[0] * s2.v[1] - s1.v[1] * s2.v[0];
    return mk(atan2(u, den), asinh(im));
}

dcomplex __cdecl casinh(dcomplex z)
{
    double x = z.v[0], y = z.v[1];
    dcomplex r;

    if (is_nan(x) || is_nan(y))
    {
        if (is_inf(x)) return mk(x, y);                    /* ±∞ + iNaN */
        if (is_inf(y)) return mk(__builtin_inf(), x);     /* ±∞ + iNaN */
        if (y == 0) return mk(x, y);                       /* NaN ± i0 */
        return mk(x + y, x + y);
    }
    if (is_inf(x) || is_inf(y))
    {
        double im = is_inf(x) ? (is_inf(y) ? PI_4 : 0.0) : PI_2;
        return mk(csign(__builtin_inf(), x), csign(im, y));
    }
    /* asinh z = i·asin(-iz), -iz = y - ix */
    r = asin_finite(y, -x);
    return mk(-r.v[1], r.v[0]);
}

dcomplex __cdecl casin(dcomplex z)
{
    /* asin z = -i·asinh(iz) */
    return times_minus_i(casinh(times_i(z)));
}

dcomplex __cdecl cacos(dcomplex z)
{
    double x = z.v[0], y = z.v[1];
    dcomplex s1, s2;

    if (is_nan(x) || is_nan(y))
    {
        if (is_inf(x)) return mk(y, x > 0 ? -x : x);      /* NaN ± i∞ */
        if (is_inf(y)) return mk(x, -y);                   /* NaN ∓ i∞ */
        if (x == 0) return mk(PI_2, y);                    /* π/2 + iNaN */
        return mk(x + y, x + y);
    }
    if (is_inf(x) || is_inf(y))
    {
        double re = is_inf(x) ? (x < 0 ? (is_inf(y) ? 3 * PI_4 : PI) : (is_inf(y) ? PI_4 : 0.0)) : PI_2;
        return mk(re, csign(__builtin_inf(), -y));
    }
    /* Kahan: re = 2 atan(Re √(1-z) / Re √(1+z)), im = asinh(Im(conj(√(1+z))·√(1-z))) */
    s1 = csqrt(mk(1 - x, -y));
    s2 = csqrt(mk(1 + x, y));
    return mk(2 * atan2(s1.v[0], s2.v[0]), asinh(s2.v[0] * s1.v[1] - s2.v[1] * s1.v[0]));
}

dcomplex __cdecl cacosh(dcomplex z)
{
    /* ±i·acos z, the sign giving a real part ≥ 0 (Annex G) */
    dcomplex a = cacos(z);
    return __builtin_signbit(a.v[1]) ? times_i(a) : times_minus_i(a);
}

dcomplex __cdecl catanh(dcomplex z)
{
    double x = z.v[0], y = z.v[1], ax = fabs(x), ay = fabs(y), re, im;

    if (is_nan(x) || is_nan(y))
    {
        if (is_inf(x)) return mk(csign(0.0, x), y);        /* ±0 + iNaN */
        if (is_inf(y)) return mk(csign(0.0, x), csign(PI_2, y));
        if (x == 0) return mk(x, y);                       /* ±0 + iNaN */
        return mk(x + y, x + y);
    }
    if (ax > 0x1p500 || ay > 0x1p500)
    {
        /* |z| large: atanh z = 1/z + ..., so re = x/|z|², im = ±π/2 */
        double h = hypot(ax, ay);
        re = is_inf(h) ? 0.0 : x / h / h;
        return mk(csign(re, x), csign(PI_2, y));
    }
    if (ax == 1 && y == 0) return mk(x / 0.0, y);          /* ±∞, divide by zero */
    /* re = log1p(4x / ((1-x)² + y²)) / 4, im = atan2(2y, (1-x)(1+x) - y²) / 2 */
    re = 0.25 * log1p(4 * ax / ((1 - ax) * (1 - ax) + ay * ay));
    im = 0.5 * atan2(2 * y, (1 - ax) * (1 + ax) - ay * ay);
    return mk(csign(re, x), im);
}

dcomplex __cdecl catan(dcomplex z)
{
    /* atan z = -i·atanh(iz) */
    return times_minus_i(catanh(times_i(z)));
}

/* ---- the float forms: computed in double, rounded once ---- */

#define FLOAT1(name) fcomplex __cdecl name##f(fcomplex z) { return narrow(name(widen(z))); }
FLOAT1(cexp) FLOAT1(clog) FLOAT1(clog10) FLOAT1(csqrt)
FLOAT1(csinh) FLOAT1(ccosh) FLOAT1(ctanh) FLOAT1(csin) FLOAT1(ccos) FLOAT1(ctan)
FLOAT1(casinh) FLOAT1(cacosh) FLOAT1(catanh) FLOAT1(casin) FLOAT1(cacos) FLOAT1(catan)

fcomplex __cdecl cpowf(fcomplex z, fcomplex w) { return narrow(cpow(widen(z), widen(w))); }

#endif /* WLX_UCRT */
