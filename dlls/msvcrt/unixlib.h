/*
 * The door between msvcrt.dll/ucrtbase.dll (PE) and msvcrt.so (Unix):
 * entry numbers and parameter structs, fixed-width types only (no long,
 * no wchar_t), included by both sides.
 *
 * The PE side calls __wlx_unix_call(handle, code, params); the Unix side
 * exports __wlx_unix_funcs[], indexed by enum msvcrt_unix_func.
 */
#ifndef WLX_MSVCRT_UNIXLIB_H
#define WLX_MSVCRT_UNIXLIB_H

#include <stdint.h>

enum msvcrt_unix_func
{
    unix_math,            /* struct math_params */
    unix_func_count
};

/* One libm function per call: op picks it, is_float asks for the float
 * version (sinf...), y and n are the second argument when there is one. */
enum math_op
{
    MATH_SIN, MATH_COS, MATH_TAN, MATH_ASIN, MATH_ACOS, MATH_ATAN, MATH_ATAN2,
    MATH_SINH, MATH_COSH, MATH_TANH, MATH_ASINH, MATH_ACOSH, MATH_ATANH,
    MATH_EXP, MATH_EXP2, MATH_EXPM1, MATH_LOG, MATH_LOG10, MATH_LOG2, MATH_LOG1P,
    MATH_POW, MATH_HYPOT, MATH_CBRT, MATH_ERF, MATH_ERFC, MATH_TGAMMA, MATH_LGAMMA,
    MATH_J0, MATH_J1, MATH_JN, MATH_Y0, MATH_Y1, MATH_YN,
    MATH_REMAINDER, MATH_REMQUO, MATH_FMA, MATH_COUNT
};

/* err: what libm reported through errno */
enum math_err { MATH_ERR_NONE, MATH_ERR_DOMAIN, MATH_ERR_RANGE };

struct math_params
{
    uint32_t op;          /* enum math_op */
    uint32_t is_float;    /* compute in single precision */
    double   x, y, z;     /* arguments (z: fma's third) */
    int32_t  n;           /* integer argument (jn, yn), remquo's quotient out */
    int32_t  err;         /* out: enum math_err */
    double   result;      /* out */
};

#ifndef _WIN32
/* the Unix side's entry type (SysV calling convention) */
typedef int32_t (*wlx_unix_func)(void *params);
#endif

#endif /* WLX_MSVCRT_UNIXLIB_H */
