/*
 * Formatted stream I/O: printf/fprintf/vfprintf, the wide and *_s forms,
 * scanf/fscanf and their wide forms, msvcrt's _l, _s_l and positional _p
 * forms of them, and ucrtbase's __stdio_common_vf*
 * entry points. The engines are printf.c's msvcrt_format() and scanf.c's
 * msvcrt_scan(); this file only connects them to FILEs, holding the
 * stream's lock for the whole call as msvcrt does.
 */
/* mingw's stdio.h defines these inline in msvcrt mode: keep its copies aside */
#define vfscanf  mingw_header_vfscanf
#define vscanf   mingw_header_vscanf
#define vfwscanf mingw_header_vfwscanf
#define vwscanf  mingw_header_vwscanf
#include "private.h"
#include "format.h"
#undef vfscanf
#undef vscanf
#undef vfwscanf
#undef vwscanf
#include <stdarg.h>

/* ucrtbase's option bits (corecrt_stdio_config.h) */
#define UCRT_PRINTF_LEGACY_WIDE_SPECIFIERS     0x0004
#define UCRT_PRINTF_LEGACY_MSVCRT_COMPATIBILITY 0x0008
#define UCRT_PRINTF_LEGACY_THREE_DIGIT_EXPONENTS 0x0010
#define UCRT_SCANF_SECURECRT                    0x0001
#define UCRT_SCANF_LEGACY_WIDE_SPECIFIERS       0x0002
#define UCRT_SCANF_LEGACY_MSVCRT_COMPATIBILITY  0x0004

static int file_sink(void *ctx, const void *units, int count)
{
    return msvcrt_fwrite_nolock(units, count, ctx) == count ? 0 : -1;
}

/* wide output goes through fputwc: converted on ANSI text streams */
static int file_sink_wide(void *ctx, const void *units, int count)
{
    const msvcrt_wchar *str = units;
    int i;

    for (i = 0; i < count; i++)
        if (msvcrt_fputwc_nolock(str[i], ctx) == WEOF) return -1;
    return 0;
}

static int format_to_file(FILE *file, const void *fmt, unsigned flags, va_list args)
{
    int ret;

    if (!file || !fmt)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    if (WLX_IS_UCRT) flags |= MSVCRT_FMT_UCRT;
    _lock_file(file);
    ret = msvcrt_format(fmt, flags, args, (flags & MSVCRT_FMT_WIDE_OUT) ? file_sink_wide : file_sink, file);
    if (file->_flag & MSVCRT_IOTEMPFLUSH) fflush(file);
    _unlock_file(file);
    return ret;
}

#define NARROW_FLAGS (WLX_FMT_DEFAULT)
#define WIDE_FLAGS   (WLX_FMT_DEFAULT | MSVCRT_FMT_WIDE_FMT | MSVCRT_FMT_WIDE_OUT)

int __cdecl vfprintf(FILE *file, const char *fmt, va_list args)
{
    return format_to_file(file, fmt, NARROW_FLAGS, args);
}

int __cdecl vfprintf_s(FILE *file, const char *fmt, va_list args)
{
    return format_to_file(file, fmt, NARROW_FLAGS | MSVCRT_FMT_SECURE, args);
}

int __cdecl vprintf(const char *fmt, va_list args)
{
    return format_to_file(&msvcrt_iob[1], fmt, NARROW_FLAGS, args);
}

int __cdecl vprintf_s(const char *fmt, va_list args)
{
    return format_to_file(&msvcrt_iob[1], fmt, NARROW_FLAGS | MSVCRT_FMT_SECURE, args);
}

int __cdecl vfwprintf(FILE *file, const wchar_t *fmt, va_list args)
{
    return format_to_file(file, fmt, WIDE_FLAGS, args);
}

int __cdecl vfwprintf_s(FILE *file, const wchar_t *fmt, va_list args)
{
    return format_to_file(file, fmt, WIDE_FLAGS | MSVCRT_FMT_SECURE, args);
}

int __cdecl vwprintf(const wchar_t *fmt, va_list args)
{
    return format_to_file(&msvcrt_iob[1], fmt, WIDE_FLAGS, args);
}

int __cdecl vwprintf_s(const wchar_t *fmt, va_list args)
{
    return format_to_file(&msvcrt_iob[1], fmt, WIDE_FLAGS | MSVCRT_FMT_SECURE, args);
}

#define VARARGS_TO(call, last) \
    va_list args; \
    int ret; \
    va_start(args, last); \
    ret = call; \
    va_end(args); \
    return ret

int __cdecl fprintf(FILE *file, const char *fmt, ...) { VARARGS_TO(vfprintf(file, fmt, args), fmt); }
int __cdecl fprintf_s(FILE *file, const char *fmt, ...) { VARARGS_TO(vfprintf_s(file, fmt, args), fmt); }
int __cdecl printf(const char *fmt, ...) { VARARGS_TO(vprintf(fmt, args), fmt); }
int __cdecl printf_s(const char *fmt, ...) { VARARGS_TO(vprintf_s(fmt, args), fmt); }
int __cdecl fwprintf(FILE *file, const wchar_t *fmt, ...) { VARARGS_TO(vfwprintf(file, fmt, args), fmt); }
int __cdecl fwprintf_s(FILE *file, const wchar_t *fmt, ...) { VARARGS_TO(vfwprintf_s(file, fmt, args), fmt); }
int __cdecl wprintf(const wchar_t *fmt, ...) { VARARGS_TO(vwprintf(fmt, args), fmt); }
int __cdecl wprintf_s(const wchar_t *fmt, ...) { VARARGS_TO(vwprintf_s(fmt, args), fmt); }

/* ucrtbase: the options word replaces the compile-time choices */
static unsigned ucrt_printf_flags(unsigned __int64 options)
{
    unsigned flags = MSVCRT_FMT_UCRT;

    if (options & UCRT_PRINTF_LEGACY_WIDE_SPECIFIERS) flags |= MSVCRT_FMT_LEGACY_WIDE;
    if (options & UCRT_PRINTF_LEGACY_MSVCRT_COMPATIBILITY) flags |= MSVCRT_FMT_MSVCRT_INFNAN;
    if (options & UCRT_PRINTF_LEGACY_THREE_DIGIT_EXPONENTS) flags |= MSVCRT_FMT_THREE_DIGIT_EXP;
    return flags;
}

int __cdecl __stdio_common_vfprintf(unsigned __int64 options, FILE *file, const char *fmt,
                                    _locale_t locale, va_list args)
{
    return format_to_file(file, fmt, ucrt_printf_flags(options), args);
}

int __cdecl __stdio_common_vfprintf_s(unsigned __int64 options, FILE *file, const char *fmt,
                                      _locale_t locale, va_list args)
{
    return format_to_file(file, fmt, ucrt_printf_flags(options) | MSVCRT_FMT_SECURE, args);
}

int __cdecl __stdio_common_vfwprintf(unsigned __int64 options, FILE *file, const wchar_t *fmt,
                                     _locale_t locale, va_list args)
{
    return format_to_file(file, fmt, ucrt_printf_flags(options) | MSVCRT_FMT_WIDE_FMT | MSVCRT_FMT_WIDE_OUT, args);
}

int __cdecl __stdio_common_vfwprintf_s(unsigned __int64 options, FILE *file, const wchar_t *fmt,
                                       _locale_t locale, va_list args)
{
    return format_to_file(file, fmt, ucrt_printf_flags(options) | MSVCRT_FMT_WIDE_FMT |
                          MSVCRT_FMT_WIDE_OUT | MSVCRT_FMT_SECURE, args);
}

/* ---- scanf ---- */

static int file_getc(void *ctx)
{
    return _fgetc_nolock(ctx);
}

static void file_ungetc(void *ctx, int c)
{
    _ungetc_nolock(c, ctx);
}

static int file_getwc(void *ctx)
{
    wint_t c = msvcrt_fgetwc_nolock(ctx);

    return c == WEOF ? -1 : (int)c;
}

static void file_ungetwc(void *ctx, int c)
{
    _ungetwc_nolock(c, ctx);
}

static int scan_file(FILE *file, const void *fmt, unsigned flags, va_list args)
{
    int ret;

    if (!file || !fmt)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return EOF;
    }
    if (WLX_IS_UCRT) flags |= MSVCRT_FMT_UCRT;
    _lock_file(file);
    if (flags & MSVCRT_FMT_WIDE_FMT) ret = msvcrt_scan(fmt, flags, args, file_getwc, file_ungetwc, file);
    else ret = msvcrt_scan(fmt, flags, args, file_getc, file_ungetc, file);
    _unlock_file(file);
    return ret;
}

int __cdecl vfscanf(FILE *file, const char *fmt, va_list args)
{
    return scan_file(file, fmt, NARROW_FLAGS, args);
}

int __cdecl vfscanf_s(FILE *file, const char *fmt, va_list args)
{
    return scan_file(file, fmt, NARROW_FLAGS | MSVCRT_FMT_SECURE, args);
}

int __cdecl vscanf(const char *fmt, va_list args)
{
    return scan_file(&msvcrt_iob[0], fmt, NARROW_FLAGS, args);
}

int __cdecl vscanf_s(const char *fmt, va_list args)
{
    return scan_file(&msvcrt_iob[0], fmt, NARROW_FLAGS | MSVCRT_FMT_SECURE, args);
}

int __cdecl vfwscanf(FILE *file, const wchar_t *fmt, va_list args)
{
    return scan_file(file, fmt, NARROW_FLAGS | MSVCRT_FMT_WIDE_FMT, args);
}

int __cdecl vfwscanf_s(FILE *file, const wchar_t *fmt, va_list args)
{
    return scan_file(file, fmt, NARROW_FLAGS | MSVCRT_FMT_WIDE_FMT | MSVCRT_FMT_SECURE, args);
}

int __cdecl vwscanf(const wchar_t *fmt, va_list args)
{
    return scan_file(&msvcrt_iob[0], fmt, NARROW_FLAGS | MSVCRT_FMT_WIDE_FMT, args);
}

int __cdecl vwscanf_s(const wchar_t *fmt, va_list args)
{
    return scan_file(&msvcrt_iob[0], fmt, NARROW_FLAGS | MSVCRT_FMT_WIDE_FMT | MSVCRT_FMT_SECURE, args);
}

int __cdecl fscanf(FILE *file, const char *fmt, ...) { VARARGS_TO(vfscanf(file, fmt, args), fmt); }
int __cdecl fscanf_s(FILE *file, const char *fmt, ...) { VARARGS_TO(vfscanf_s(file, fmt, args), fmt); }
int __cdecl scanf(const char *fmt, ...) { VARARGS_TO(vscanf(fmt, args), fmt); }
int __cdecl scanf_s(const char *fmt, ...) { VARARGS_TO(vscanf_s(fmt, args), fmt); }
int __cdecl fwscanf(FILE *file, const wchar_t *fmt, ...) { VARARGS_TO(vfwscanf(file, fmt, args), fmt); }
int __cdecl fwscanf_s(FILE *file, const wchar_t *fmt, ...) { VARARGS_TO(vfwscanf_s(file, fmt, args), fmt); }
int __cdecl wscanf(const wchar_t *fmt, ...) { VARARGS_TO(vwscanf(fmt, args), fmt); }
int __cdecl wscanf_s(const wchar_t *fmt, ...) { VARARGS_TO(vwscanf_s(fmt, args), fmt); }

/* ---- the _l, _s_l and positional (_p) forms (msvcrt.dll's exports; the
 * locale objects are "C"-like, see locale.c, so the locale is not read) ---- */

#define POS MSVCRT_FMT_POSITIONAL
#define SEC MSVCRT_FMT_SECURE
#define STDOUT_ (&msvcrt_iob[1])
#define STDIN_ (&msvcrt_iob[0])

/* PRINT_FORMS(name, char type, FILE expression, flags): the v form and the
 * varargs form, with (FILE) or without the stream argument */
#define FILE_PRINT_L(name, ch, flags) \
    int __cdecl _v##name(FILE *f, const ch *fmt, _locale_t l, va_list args) { return format_to_file(f, fmt, flags, args); } \
    int __cdecl _##name(FILE *f, const ch *fmt, _locale_t l, ...) { VARARGS_TO(format_to_file(f, fmt, flags, args), l); }
#define FILE_PRINT(name, ch, flags) \
    int __cdecl _v##name(FILE *f, const ch *fmt, va_list args) { return format_to_file(f, fmt, flags, args); } \
    int __cdecl _##name(FILE *f, const ch *fmt, ...) { VARARGS_TO(format_to_file(f, fmt, flags, args), fmt); }
#define OUT_PRINT_L(name, ch, flags) \
    int __cdecl _v##name(const ch *fmt, _locale_t l, va_list args) { return format_to_file(STDOUT_, fmt, flags, args); } \
    int __cdecl _##name(const ch *fmt, _locale_t l, ...) { VARARGS_TO(format_to_file(STDOUT_, fmt, flags, args), l); }
#define OUT_PRINT(name, ch, flags) \
    int __cdecl _v##name(const ch *fmt, va_list args) { return format_to_file(STDOUT_, fmt, flags, args); } \
    int __cdecl _##name(const ch *fmt, ...) { VARARGS_TO(format_to_file(STDOUT_, fmt, flags, args), fmt); }

FILE_PRINT_L(fprintf_l, char, NARROW_FLAGS)
FILE_PRINT_L(fprintf_s_l, char, NARROW_FLAGS | SEC)
FILE_PRINT(fprintf_p, char, NARROW_FLAGS | POS)
FILE_PRINT_L(fprintf_p_l, char, NARROW_FLAGS | POS)
FILE_PRINT_L(fwprintf_l, wchar_t, WIDE_FLAGS)
FILE_PRINT_L(fwprintf_s_l, wchar_t, WIDE_FLAGS | SEC)
FILE_PRINT(fwprintf_p, wchar_t, WIDE_FLAGS | POS)
FILE_PRINT_L(fwprintf_p_l, wchar_t, WIDE_FLAGS | POS)
OUT_PRINT_L(printf_l, char, NARROW_FLAGS)
OUT_PRINT_L(printf_s_l, char, NARROW_FLAGS | SEC)
OUT_PRINT(printf_p, char, NARROW_FLAGS | POS)
OUT_PRINT_L(printf_p_l, char, NARROW_FLAGS | POS)
OUT_PRINT_L(wprintf_l, wchar_t, WIDE_FLAGS)
OUT_PRINT_L(wprintf_s_l, wchar_t, WIDE_FLAGS | SEC)
OUT_PRINT(wprintf_p, wchar_t, WIDE_FLAGS | POS)
OUT_PRINT_L(wprintf_p_l, wchar_t, WIDE_FLAGS | POS)

#define FILE_SCAN_L(name, ch, flags) \
    int __cdecl _##name(FILE *f, const ch *fmt, _locale_t l, ...) { VARARGS_TO(scan_file(f, fmt, flags, args), l); }
#define IN_SCAN_L(name, ch, flags) \
    int __cdecl _##name(const ch *fmt, _locale_t l, ...) { VARARGS_TO(scan_file(STDIN_, fmt, flags, args), l); }

FILE_SCAN_L(fscanf_l, char, NARROW_FLAGS)
FILE_SCAN_L(fscanf_s_l, char, NARROW_FLAGS | SEC)
FILE_SCAN_L(fwscanf_l, wchar_t, NARROW_FLAGS | MSVCRT_FMT_WIDE_FMT)
FILE_SCAN_L(fwscanf_s_l, wchar_t, NARROW_FLAGS | MSVCRT_FMT_WIDE_FMT | SEC)
IN_SCAN_L(scanf_l, char, NARROW_FLAGS)
IN_SCAN_L(scanf_s_l, char, NARROW_FLAGS | SEC)
IN_SCAN_L(wscanf_l, wchar_t, NARROW_FLAGS | MSVCRT_FMT_WIDE_FMT)
IN_SCAN_L(wscanf_s_l, wchar_t, NARROW_FLAGS | MSVCRT_FMT_WIDE_FMT | SEC)

static unsigned ucrt_scanf_flags(unsigned __int64 options)
{
    unsigned flags = MSVCRT_FMT_UCRT;

    if (options & UCRT_SCANF_SECURECRT) flags |= MSVCRT_FMT_SECURE;
    if (options & UCRT_SCANF_LEGACY_WIDE_SPECIFIERS) flags |= MSVCRT_FMT_LEGACY_WIDE;
    return flags;
}

int __cdecl __stdio_common_vfscanf(unsigned __int64 options, FILE *file, const char *fmt,
                                   _locale_t locale, va_list args)
{
    return scan_file(file, fmt, ucrt_scanf_flags(options), args);
}

int __cdecl __stdio_common_vfwscanf(unsigned __int64 options, FILE *file, const wchar_t *fmt,
                                    _locale_t locale, va_list args)
{
    return scan_file(file, fmt, ucrt_scanf_flags(options) | MSVCRT_FMT_WIDE_FMT, args);
}
