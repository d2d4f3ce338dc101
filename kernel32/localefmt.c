/*
 * kernel32/localefmt.c — the ANSI formatting functions (GetDateFormatA,
 * GetTimeFormatA, GetNumberFormatA, GetCurrencyFormatA) over locale.c's
 * wide ones, and GetDurationFormat(Ex).
 *
 * The A functions convert their strings through the ANSI code page (the
 * locale's, which is 1252 for every locale with data) and count their
 * result in bytes.
 */
#include "nls.h"

void NTAPI RtlSetLastWin32Error(DWORD);
size_t __cdecl strlen(const char *);

#define FMT_MAX 256

static int fail(DWORD err)
{
    RtlSetLastWin32Error(err);
    return 0;
}

static BOOL widen(const char *src, WCHAR *dst, int size)
{
    return MultiByteToWideChar(CP_ACP, 0, src, -1, dst, size) != 0;
}

/* a wide result (n characters with the terminator) as ANSI in buf */
static int narrow_result(const WCHAR *wide, int n, char *buf, int len)
{
    if (!n) return 0;
    return WideCharToMultiByte(CP_ACP, 0, wide, n, buf, len, NULL, NULL);
}

int WINAPI GetDateFormatA(LCID lcid, DWORD flags, const SYSTEMTIME *time, LPCSTR format, LPSTR buf, int len)
{
    WCHAR wformat[FMT_MAX], out[FMT_MAX];

    if (len < 0 || (len && !buf)) return fail(ERROR_INVALID_PARAMETER);
    if (format && !widen(format, wformat, FMT_MAX)) return fail(ERROR_INVALID_PARAMETER);
    return narrow_result(out, GetDateFormatW(lcid, flags, time, format ? wformat : NULL, out, FMT_MAX), buf, len);
}

int WINAPI GetTimeFormatA(LCID lcid, DWORD flags, const SYSTEMTIME *time, LPCSTR format, LPSTR buf, int len)
{
    WCHAR wformat[FMT_MAX], out[FMT_MAX];

    if (len < 0 || (len && !buf)) return fail(ERROR_INVALID_PARAMETER);
    if (format && !widen(format, wformat, FMT_MAX)) return fail(ERROR_INVALID_PARAMETER);
    return narrow_result(out, GetTimeFormatW(lcid, flags, time, format ? wformat : NULL, out, FMT_MAX), buf, len);
}

int WINAPI GetNumberFormatA(LCID lcid, DWORD flags, LPCSTR value, const NUMBERFMTA *fmt, LPSTR buf, int len)
{
    WCHAR wvalue[FMT_MAX], decimal[8], thousand[8], out[FMT_MAX];
    NUMBERFMTW wfmt;

    if (!value || len < 0 || (len && !buf)) return fail(ERROR_INVALID_PARAMETER);
    if (!widen(value, wvalue, FMT_MAX)) return fail(ERROR_INVALID_PARAMETER);
    if (fmt)
    {
        if (!fmt->lpDecimalSep || !fmt->lpThousandSep) return fail(ERROR_INVALID_PARAMETER);
        if (!widen(fmt->lpDecimalSep, decimal, 8) || !widen(fmt->lpThousandSep, thousand, 8))
            return fail(ERROR_INVALID_PARAMETER);
        wfmt.NumDigits = fmt->NumDigits;
        wfmt.LeadingZero = fmt->LeadingZero;
        wfmt.Grouping = fmt->Grouping;
        wfmt.lpDecimalSep = decimal;
        wfmt.lpThousandSep = thousand;
        wfmt.NegativeOrder = fmt->NegativeOrder;
    }
    return narrow_result(out, GetNumberFormatW(lcid, flags, wvalue, fmt ? &wfmt : NULL, out, FMT_MAX), buf, len);
}

int WINAPI GetCurrencyFormatA(LCID lcid, DWORD flags, LPCSTR value, const CURRENCYFMTA *fmt, LPSTR buf, int len)
{
    WCHAR wvalue[FMT_MAX], decimal[8], thousand[8], symbol[16], out[FMT_MAX];
    CURRENCYFMTW wfmt;

    if (!value || len < 0 || (len && !buf)) return fail(ERROR_INVALID_PARAMETER);
    if (!widen(value, wvalue, FMT_MAX)) return fail(ERROR_INVALID_PARAMETER);
    if (fmt)
    {
        if (!fmt->lpDecimalSep || !fmt->lpThousandSep || !fmt->lpCurrencySymbol) return fail(ERROR_INVALID_PARAMETER);
        if (!widen(fmt->lpDecimalSep, decimal, 8) || !widen(fmt->lpThousandSep, thousand, 8) ||
            !widen(fmt->lpCurrencySymbol, symbol, 16))
            return fail(ERROR_INVALID_PARAMETER);
        wfmt.NumDigits = fmt->NumDigits;
        wfmt.LeadingZero = fmt->LeadingZero;
        wfmt.Grouping = fmt->Grouping;
        wfmt.lpDecimalSep = decimal;
        wfmt.lpThousandSep = thousand;
        wfmt.NegativeOrder = fmt->NegativeOrder;
        wfmt.PositiveOrder = fmt->PositiveOrder;
        wfmt.lpCurrencySymbol = symbol;
    }
    return narrow_result(out, GetCurrencyFormatW(lcid, flags, wvalue, fmt ? &wfmt : NULL, out, FMT_MAX), buf, len);
}

/* ======================================================================
 * durations
 * ====================================================================== */

#define TICKS_PER_SECOND 10000000ULL

struct out
{
    WCHAR *buf;
    int    len, pos;
};

static void put(struct out *o, WCHAR c)
{
    if (o->len && o->pos < o->len) o->buf[o->pos] = c;
    o->pos++;
}

static void put_number(struct out *o, ULONGLONG v, int width)
{
    WCHAR tmp[24];
    int n = 0;

    do tmp[n++] = '0' + v % 10; while (v /= 10);
    while (n < width) tmp[n++] = '0';
    while (n) put(o, tmp[--n]);
}

static int run(const WCHAR *p, WCHAR c)
{
    int n = 0;
    while (p[n] == c || (c == 'h' && p[n] == 'H')) n++;
    return n;
}

/* The largest unit in the format takes what does not fit the units below
 * it: 25 hours are "25:00:00" under "hh:mm:ss", "1 01" under "d hh".
 * f..fffffffff are the first digits of the fraction of a second. */
static void format_duration(struct out *o, ULONGLONG ticks, const WCHAR *fmt)
{
    ULONGLONG seconds = ticks / TICKS_PER_SECOND, fraction = ticks % TICKS_PER_SECOND;
    BOOL has_days = FALSE, has_hours = FALSE, has_minutes = FALSE;
    const WCHAR *p;

    for (p = fmt; *p; p++)
    {
        if (*p == '\'') { for (p++; *p && *p != '\''; p++) ; if (!*p) break; continue; }
        if (*p == 'd') has_days = TRUE;
        if (*p == 'h' || *p == 'H') has_hours = TRUE;
        if (*p == 'm') has_minutes = TRUE;
    }
    while (*fmt)
    {
        WCHAR c = *fmt;
        int n;

        if (c == '\'')
        {
            for (fmt++; *fmt; fmt++)
            {
                if (*fmt == '\'')
                {
                    if (fmt[1] != '\'') break;
                    fmt++;
                }
                put(o, *fmt);
            }
            if (*fmt) fmt++;
            continue;
        }
        if (c == 'H') c = 'h';
        n = run(fmt, c);
        switch (c)
        {
        case 'd':
            put_number(o, seconds / 86400, 1);
            break;
        case 'h':
            put_number(o, has_days ? seconds / 3600 % 24 : seconds / 3600, n > 1 ? 2 : 1);
            break;
        case 'm':
            put_number(o, has_days || has_hours ? seconds / 60 % 60 : seconds / 60, n > 1 ? 2 : 1);
            break;
        case 's':
            put_number(o, has_days || has_hours || has_minutes ? seconds % 60 : seconds, n > 1 ? 2 : 1);
            break;
        case 'f':
        {
            ULONGLONG digits = fraction * 100;   /* nine digits of a second */
            ULONGLONG div = 100000000;
            int i, count = n > 9 ? 9 : n;
            for (i = 0; i < count; i++, div /= 10) put(o, '0' + digits / div % 10);
            break;
        }
        default:
            n = 1;
            put(o, c);
        }
        fmt += n;
    }
}

int WINAPI GetDurationFormat(LCID lcid, DWORD flags, const SYSTEMTIME *duration, ULONGLONG ticks,
                             LPCWSTR format, LPWSTR buf, int len)
{
    WCHAR picture[80];
    struct out o = { buf, len, 0 };
    LCID real = k32_resolve_lcid(lcid);

    if (len < 0 || (len && !buf) || !real) return fail(ERROR_INVALID_PARAMETER);
    if (flags & ~LOCALE_NOUSEROVERRIDE || (format && flags)) return fail(ERROR_INVALID_FLAGS);
    if (duration)
    {
        /* a SYSTEMTIME duration: its days, hours, minutes, seconds, milliseconds */
        if (duration->wHour > 23 || duration->wMinute > 59 || duration->wSecond > 59 ||
            duration->wMilliseconds > 999) return fail(ERROR_INVALID_PARAMETER);
        ticks = ((((ULONGLONG)duration->wDay * 24 + duration->wHour) * 60 + duration->wMinute) * 60 +
                 duration->wSecond) * TICKS_PER_SECOND + duration->wMilliseconds * 10000ULL;
    }
    if (!format)
    {
        if (!GetLocaleInfoW(real, LOCALE_SDURATION | (flags & LOCALE_NOUSEROVERRIDE), picture, 80)) return 0;
        format = picture;
    }
    format_duration(&o, ticks, format);
    put(&o, 0);
    if (len && o.pos > len) return fail(ERROR_INSUFFICIENT_BUFFER);
    return o.pos;
}

int WINAPI GetDurationFormatEx(LPCWSTR name, DWORD flags, const SYSTEMTIME *duration, ULONGLONG ticks,
                               LPCWSTR format, LPWSTR buf, int len)
{
    LCID lcid = name ? LocaleNameToLCID(name, 0) : LCID_EN_US;

    if (!lcid) return 0;
    return GetDurationFormat(lcid, flags, duration, ticks, format, buf, len);
}
