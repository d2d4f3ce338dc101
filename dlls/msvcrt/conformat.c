/*
 * dlls/msvcrt/conformat.c — formatted console I/O: the _cprintf and
 * _cscanf families of msvcrt.dll and the __conio_common_* functions that
 * ucrtbase.dll's headers build them from. The printf and scanf engines
 * (printf.c, scanf.c) work on the console as conio.c reaches it: output to
 * CONOUT$ (WriteConsoleA in the console's code page, WriteConsoleW for the
 * wide forms), input key by key through _getche/_getwche, which echo as
 * the documentation says _cscanf does, a character read too far going back
 * through _ungetch. Each call holds the console lock.
 *
 * The _l forms ignore the locale as the rest of this CRT does; the _p forms
 * take positional arguments ("%2$d"); the _s forms follow the secure rules
 * (scanf: a size after each %s, %c, %[ buffer).
 */
#include "private.h"
#include "format.h"
#include <conio.h>
#include <stdarg.h>

/* conio.c's (mingw's conio.h does not declare the _nolock forms) */
int __cdecl _getche_nolock(void);
int __cdecl _ungetch_nolock(int c);
wint_t __cdecl _getwche_nolock(void);
wint_t __cdecl _ungetwch_nolock(wint_t c);

/* ucrtbase's option bits (corecrt_stdio_config.h) for the scanf forms */
#define UCRT_SCANF_SECURECRT              0x0001
#define UCRT_SCANF_LEGACY_WIDE_SPECIFIERS 0x0002

static int console_sink(void *ctx, const void *units, int count)
{
    return msvcrt_conio_write(units, count, FALSE) ? 0 : -1;
}

static int console_sink_wide(void *ctx, const void *units, int count)
{
    return msvcrt_conio_write(units, count, TRUE) ? 0 : -1;
}

static int print_console(const void *fmt, unsigned flags, va_list args)
{
    int ret;

    if (!fmt)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    _lock(MSVCRT_LOCK_CONIO);
    ret = msvcrt_format(fmt, flags, args, flags & MSVCRT_FMT_WIDE_OUT ? console_sink_wide : console_sink, NULL);
    _unlock(MSVCRT_LOCK_CONIO);
    return ret;
}

static int console_getc(void *ctx)
{
    int c = _getche_nolock();
    return c == EOF ? -1 : c;
}

static void console_ungetc(void *ctx, int c)
{
    _ungetch_nolock(c);
}

static int console_getwc(void *ctx)
{
    wint_t c = _getwche_nolock();
    return c == WEOF ? -1 : (int)c;
}

static void console_ungetwc(void *ctx, int c)
{
    _ungetwch_nolock(c);
}

static int scan_console(const void *fmt, unsigned flags, va_list args)
{
    int ret;

    if (!fmt)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return EOF;
    }
    _lock(MSVCRT_LOCK_CONIO);
    if (flags & MSVCRT_FMT_WIDE_FMT) ret = msvcrt_scan(fmt, flags, args, console_getwc, console_ungetwc, NULL);
    else ret = msvcrt_scan(fmt, flags, args, console_getc, console_ungetc, NULL);
    _unlock(MSVCRT_LOCK_CONIO);
    return ret;
}

/* ---- ucrtbase ---- */

#define WIDE (MSVCRT_FMT_WIDE_FMT | MSVCRT_FMT_WIDE_OUT)

int __cdecl __conio_common_vcprintf(unsigned __int64 options, const char *fmt, _locale_t locale, va_list args)
{ return print_console(fmt, msvcrt_ucrt_printf_flags(options), args); }
int __cdecl __conio_common_vcprintf_p(unsigned __int64 options, const char *fmt, _locale_t locale, va_list args)
{ return print_console(fmt, msvcrt_ucrt_printf_flags(options) | MSVCRT_FMT_POSITIONAL, args); }
int __cdecl __conio_common_vcprintf_s(unsigned __int64 options, const char *fmt, _locale_t locale, va_list args)
{ return print_console(fmt, msvcrt_ucrt_printf_flags(options) | MSVCRT_FMT_SECURE, args); }
int __cdecl __conio_common_vcwprintf(unsigned __int64 options, const wchar_t *fmt, _locale_t locale, va_list args)
{ return print_console(fmt, msvcrt_ucrt_printf_flags(options) | WIDE, args); }
int __cdecl __conio_common_vcwprintf_p(unsigned __int64 options, const wchar_t *fmt, _locale_t locale, va_list args)
{ return print_console(fmt, msvcrt_ucrt_printf_flags(options) | WIDE | MSVCRT_FMT_POSITIONAL, args); }
int __cdecl __conio_common_vcwprintf_s(unsigned __int64 options, const wchar_t *fmt, _locale_t locale, va_list args)
{ return print_console(fmt, msvcrt_ucrt_printf_flags(options) | WIDE | MSVCRT_FMT_SECURE, args); }

static unsigned ucrt_scanf_flags(unsigned __int64 options)
{
    unsigned flags = MSVCRT_FMT_UCRT;

    if (options & UCRT_SCANF_SECURECRT) flags |= MSVCRT_FMT_SECURE;
    if (options & UCRT_SCANF_LEGACY_WIDE_SPECIFIERS) flags |= MSVCRT_FMT_LEGACY_WIDE;
    return flags;
}

int __cdecl __conio_common_vcscanf(unsigned __int64 options, const char *fmt, _locale_t locale, va_list args)
{ return scan_console(fmt, ucrt_scanf_flags(options), args); }
int __cdecl __conio_common_vcwscanf(unsigned __int64 options, const wchar_t *fmt, _locale_t locale, va_list args)
{ return scan_console(fmt, ucrt_scanf_flags(options) | MSVCRT_FMT_WIDE_FMT, args); }

/* ---- msvcrt.dll ---- */

#define NARROW_FLAGS WLX_FMT_DEFAULT
#define WIDE_FLAGS   (WLX_FMT_DEFAULT | WIDE)
#define POS          MSVCRT_FMT_POSITIONAL

int __cdecl _vcprintf(const char *fmt, va_list args) { return print_console(fmt, NARROW_FLAGS, args); }
int __cdecl _vcprintf_l(const char *fmt, _locale_t l, va_list args) { return print_console(fmt, NARROW_FLAGS, args); }
int __cdecl _vcprintf_p(const char *fmt, va_list args) { return print_console(fmt, NARROW_FLAGS | POS, args); }
int __cdecl _vcprintf_p_l(const char *fmt, _locale_t l, va_list args) { return print_console(fmt, NARROW_FLAGS | POS, args); }
int __cdecl _vcwprintf(const wchar_t *fmt, va_list args) { return print_console(fmt, WIDE_FLAGS, args); }
int __cdecl _vcwprintf_l(const wchar_t *fmt, _locale_t l, va_list args) { return print_console(fmt, WIDE_FLAGS, args); }
int __cdecl _vcwprintf_p(const wchar_t *fmt, va_list args) { return print_console(fmt, WIDE_FLAGS | POS, args); }
int __cdecl _vcwprintf_p_l(const wchar_t *fmt, _locale_t l, va_list args) { return print_console(fmt, WIDE_FLAGS | POS, args); }

/* the variadic forms: the arguments after `last` to `call` */
#define VARIADIC(type, name, params, last, call) \
    type __cdecl name params \
    { \
        type ret; \
        va_list args; \
        va_start(args, last); \
        ret = call; \
        va_end(args); \
        return ret; \
    }

VARIADIC(int, _cprintf, (const char *fmt, ...), fmt, print_console(fmt, NARROW_FLAGS, args))
VARIADIC(int, _cprintf_l, (const char *fmt, _locale_t l, ...), l, print_console(fmt, NARROW_FLAGS, args))
VARIADIC(int, _cprintf_p, (const char *fmt, ...), fmt, print_console(fmt, NARROW_FLAGS | POS, args))
VARIADIC(int, _cprintf_p_l, (const char *fmt, _locale_t l, ...), l, print_console(fmt, NARROW_FLAGS | POS, args))
VARIADIC(int, _cwprintf, (const wchar_t *fmt, ...), fmt, print_console(fmt, WIDE_FLAGS, args))
VARIADIC(int, _cwprintf_l, (const wchar_t *fmt, _locale_t l, ...), l, print_console(fmt, WIDE_FLAGS, args))
VARIADIC(int, _cwprintf_p, (const wchar_t *fmt, ...), fmt, print_console(fmt, WIDE_FLAGS | POS, args))
VARIADIC(int, _cwprintf_p_l, (const wchar_t *fmt, _locale_t l, ...), l, print_console(fmt, WIDE_FLAGS | POS, args))

#define SECURE MSVCRT_FMT_SECURE
#define WFMT   MSVCRT_FMT_WIDE_FMT

VARIADIC(int, _cscanf, (const char *fmt, ...), fmt, scan_console(fmt, NARROW_FLAGS, args))
VARIADIC(int, _cscanf_l, (const char *fmt, _locale_t l, ...), l, scan_console(fmt, NARROW_FLAGS, args))
VARIADIC(int, _cscanf_s, (const char *fmt, ...), fmt, scan_console(fmt, NARROW_FLAGS | SECURE, args))
VARIADIC(int, _cscanf_s_l, (const char *fmt, _locale_t l, ...), l, scan_console(fmt, NARROW_FLAGS | SECURE, args))
VARIADIC(int, _cwscanf, (const wchar_t *fmt, ...), fmt, scan_console(fmt, NARROW_FLAGS | WFMT, args))
VARIADIC(int, _cwscanf_l, (const wchar_t *fmt, _locale_t l, ...), l, scan_console(fmt, NARROW_FLAGS | WFMT, args))
VARIADIC(int, _cwscanf_s, (const wchar_t *fmt, ...), fmt, scan_console(fmt, NARROW_FLAGS | WFMT | SECURE, args))
VARIADIC(int, _cwscanf_s_l, (const wchar_t *fmt, _locale_t l, ...), l, scan_console(fmt, NARROW_FLAGS | WFMT | SECURE, args))
