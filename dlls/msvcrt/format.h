/*
 * format.h — interface of the C runtime's formatting and conversion core,
 * shared by printf.c, scanf.c, strtod.c, strtol.c, mbcs.c and used by the
 * FILE-based entry points in stdio.c (printf, fprintf, fwprintf, fscanf…).
 * One engine serves msvcrt.dll and ucrtbase.dll: the differences are chosen
 * at run time by the MSVCRT_FMT_* flags, so the same object builds both.
 */
#ifndef WLX_MSVCRT_FORMAT_H
#define WLX_MSVCRT_FORMAT_H

/* The SDK headers must declare the CRT's functions as plain externals:
 * no dllimport, no mingw inline replacements (strtod -> __mingw_strtod). */
#ifndef _CRTIMP
#define _CRTIMP
#endif
#ifndef _SECIMP
#define _SECIMP
#endif
#ifndef __USE_MINGW_ANSI_STDIO
#define __USE_MINGW_ANSI_STDIO 0
#endif
#include <stdarg.h>
#include <stddef.h>
#include <windows.h>

#ifndef STRUNCATE
#define STRUNCATE 80   /* *_s functions: the result was cut as asked */
#endif

typedef unsigned short msvcrt_wchar;   /* wchar_t of the PE side, 2 bytes */

/* Output sink: receives `count` units (bytes, or 2-byte wchars when the
 * engine writes wide output). Returns 0 to go on, -1 to stop with an error. */
typedef int (*msvcrt_sink)(void *ctx, const void *units, int count);

/* Flags of msvcrt_format() and msvcrt_scan(). */
#define MSVCRT_FMT_WIDE_FMT    0x01  /* format (and scan input) are msvcrt_wchar */
#define MSVCRT_FMT_WIDE_OUT    0x02  /* sink receives msvcrt_wchar units */
#define MSVCRT_FMT_UCRT        0x04  /* ucrtbase rules: "inf"/"nan", 2-digit
                                        exponents, exact digits with ties to
                                        even, %hhd is a char, %n gated by
                                        _set_printf_count_output, C99 %s/%S */
#define MSVCRT_FMT_LEGACY_WIDE 0x08  /* with UCRT: %s/%c in wide functions are
                                        wide (_CRT_INTERNAL_PRINTF_LEGACY_WIDE_
                                        SPECIFIERS); always so without UCRT */
#define MSVCRT_FMT_THREE_DIGIT_EXP 0x10 /* with UCRT: e+000 (LEGACY_THREE_DIGIT_
                                        EXPONENTS); always so without UCRT */
#define MSVCRT_FMT_MSVCRT_INFNAN 0x20 /* with UCRT: 1.#INF (LEGACY_MSVCRT_
                                        COMPATIBILITY); always so without UCRT */
#define MSVCRT_FMT_SECURE      0x40  /* *_s functions: bad format or %n is an
                                        invalid-parameter error */
#define MSVCRT_FMT_POSITIONAL  0x100 /* _printf_p family: "%2$d" arguments */
#define MSVCRT_FMT_STANDARD_ROUNDING 0x80 /* with UCRT: ties to even
                                        (_CRT_INTERNAL_PRINTF_STANDARD_ROUNDING);
                                        else half away from zero */

/* Compile-time choice of the exported functions' behaviour (ucrtbase.dll is
 * built from these sources with -DWLX_UCRT). */
#ifdef WLX_UCRT
#define WLX_IS_UCRT 1
#define WLX_FMT_DEFAULT (MSVCRT_FMT_UCRT | MSVCRT_FMT_LEGACY_WIDE)
#else
#define WLX_IS_UCRT 0
#define WLX_FMT_DEFAULT 0
#endif

/* Runs the printf engine. Returns the number of units written to the sink,
 * or -1 (bad format in secure mode, conversion error, sink error). */
int msvcrt_format(const void *fmt, unsigned flags, va_list ap,
                  msvcrt_sink sink, void *ctx);

/* ucrtbase's __stdio_common_* printf options (_CRT_INTERNAL_PRINTF_*) as
 * msvcrt_format() flags (MSVCRT_FMT_UCRT included, WIDE_* not). */
unsigned msvcrt_ucrt_printf_flags(unsigned __int64 options);

/* Input source for the scanf engine: get returns the next unit (byte or
 * msvcrt_wchar) or -1 at end; unget pushes back the unit just read. */
typedef int (*msvcrt_getc)(void *ctx);
typedef void (*msvcrt_ungetc)(void *ctx, int c);

/* Runs the scanf engine (flags: MSVCRT_FMT_WIDE_FMT = wide format and wide
 * input, MSVCRT_FMT_UCRT, MSVCRT_FMT_LEGACY_WIDE, MSVCRT_FMT_SECURE = the
 * *_s rule: a buffer size argument follows each %s/%c/%[ pointer).
 * Returns the number of fields assigned, or -1 (EOF) when input ended
 * before the first conversion. */
int msvcrt_scan(const void *fmt, unsigned flags, va_list ap,
                msvcrt_getc get, msvcrt_ungetc unget, void *ctx);

/* --- strtod.c: exact conversions ------------------------------------- */

/* Exact decimal expansion of |v| (finite): writes the significant digits
 * (no leading zeros, at most 800) to buf, stores the position of the
 * decimal point in *decpt (value = 0.digits × 10^decpt), returns the count.
 * Zero gives "0" with *decpt = 1. */
int msvcrt_exact_digits(double v, char *buf, int *decpt);

/* Rounds buf[0..n) to keep digits (keep may be <= 0); half_even selects
 * round-half-even, else half-away-from-zero. Updates *decpt on carry.
 * Returns the new digit count (0 when everything rounded away). */
int msvcrt_round_digits(char *buf, int n, int keep, int *decpt, int half_even);

/* Parses a floating-point number the way strtod does (after the caller
 * skipped white space): sign, digits, point, exponent (e/E, and d/D as
 * msvcrt allows); with ucrt also hex floats, inf, infinity, nan.
 * Reads units of `s` (bytes or msvcrt_wchar when wide). Returns the value;
 * *len = units consumed (0: no number), *erange set on overflow/underflow. */
double msvcrt_parse_double(const void *s, int wide, int ucrt,
                           size_t *len, int *erange);

/* --- strtol.c -------------------------------------------------------- */

/* Parses an integer as strtoul/_strtoui64 do, without skipping space.
 * Returns the magnitude; *neg = minus sign seen; *len units consumed (0 if
 * none); *overflow if the magnitude exceeded 64 bits. */
unsigned __int64 msvcrt_parse_uint(const void *s, int wide, int base,
                                   size_t *len, int *neg, int *overflow);

/* --- mbcs.c: the locale's code page for the C runtime ----------------- */

/* Code page of LC_CTYPE; 0 is the "C" locale, where bytes map 1:1 to
 * U+0000..U+00FF. setlocale() (locale.c) stores here. */
extern unsigned int msvcrt_lc_codepage;

/* One wide character to bytes of the current code page; returns the byte
 * count or -1 (EILSEQ) when it has no representation. */
int msvcrt_wc_to_mb(msvcrt_wchar wc, char *out);
/* Bytes to one wide character; returns bytes used (1 or 2) or -1. */
int msvcrt_mb_to_wc(const char *s, size_t n, msvcrt_wchar *out);

/* --- other engineer's parts this code calls -------------------------- */
int *__cdecl _errno(void);
void __cdecl _invalid_parameter_noinfo(void);

#endif
