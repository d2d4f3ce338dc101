/*
 * kernel32/calendar.c — calendars and the formats a locale offers:
 * GetCalendarInfo (A, W, Ex), EnumCalendarInfo (A, W, ExA, ExW, ExEx),
 * EnumDateFormats (A, W, ExA, ExW, ExEx) and EnumTimeFormats (A, W, Ex).
 *
 * Every locale with data (en-US, the invariant locale, locale.c) has the
 * Gregorian calendar only. Names and formats come from GetLocaleInfo, so
 * the user's overrides (SetLocaleInfo) come first where they apply.
 */
#include "nls.h"

void NTAPI RtlSetLastWin32Error(DWORD);
size_t __cdecl wcslen(const WCHAR *);
int __cdecl wcscmp(const WCHAR *, const WCHAR *);
void *__cdecl memcpy(void *, const void *, size_t);

#define CAL_FLAGS (CAL_NOUSEROVERRIDE | CAL_USE_CP_ACP | CAL_RETURN_NUMBER | CAL_RETURN_GENITIVE_NAMES)

static BOOL fail(DWORD err)
{
    RtlSetLastWin32Error(err);
    return FALSE;
}

/* ======================================================================
 * calendar information
 * ====================================================================== */

/* the LOCALE_ type a CAL_ type reads, or 0 */
static LCTYPE locale_type(CALTYPE type)
{
    if (type >= CAL_SDAYNAME1 && type <= CAL_SDAYNAME7) return LOCALE_SDAYNAME1 + type - CAL_SDAYNAME1;
    if (type >= CAL_SABBREVDAYNAME1 && type <= CAL_SABBREVDAYNAME7)
        return LOCALE_SABBREVDAYNAME1 + type - CAL_SABBREVDAYNAME1;
    if (type >= CAL_SMONTHNAME1 && type <= CAL_SMONTHNAME12) return LOCALE_SMONTHNAME1 + type - CAL_SMONTHNAME1;
    if (type >= CAL_SABBREVMONTHNAME1 && type <= CAL_SABBREVMONTHNAME12)
        return LOCALE_SABBREVMONTHNAME1 + type - CAL_SABBREVMONTHNAME1;
    if (type >= CAL_SSHORTESTDAYNAME1 && type <= CAL_SSHORTESTDAYNAME7)
        return LOCALE_SSHORTESTDAYNAME1 + type - CAL_SSHORTESTDAYNAME1;
    switch (type)
    {
    case CAL_SSHORTDATE:        return LOCALE_SSHORTDATE;
    case CAL_SLONGDATE:         return LOCALE_SLONGDATE;
    case CAL_SMONTHNAME13:      return LOCALE_SMONTHNAME13;
    case CAL_SABBREVMONTHNAME13: return LOCALE_SABBREVMONTHNAME13;
    case CAL_SYEARMONTH:        return LOCALE_SYEARMONTH;
    case CAL_SMONTHDAY:         return LOCALE_SMONTHDAY;
    case CAL_SRELATIVELONGDATE: return LOCALE_SRELATIVELONGDATE;
    }
    return 0;
}

/* the value of a CAL_ type of the Gregorian calendar, into buf (80) */
static BOOL calendar_value(LCID lcid, CALTYPE type, BOOL no_override, WCHAR *buf)
{
    const WCHAR *fixed = NULL;
    LCTYPE lt = locale_type(type);

    if (lt) return GetLocaleInfoW(lcid, lt | (no_override ? LOCALE_NOUSEROVERRIDE : 0), buf, 80) != 0;
    switch (type)
    {
    case CAL_ICALINTVALUE:      fixed = L"1"; break;
    case CAL_SCALNAME:          fixed = L"Gregorian Calendar"; break;
    case CAL_IYEAROFFSETRANGE:  fixed = L"0"; break;
    case CAL_SERASTRING:        fixed = L"A.D."; break;
    case CAL_ITWODIGITYEARMAX:  fixed = L"2049"; break;
    case CAL_SABBREVERASTRING:  fixed = L"AD"; break;
    default:
        return fail(ERROR_INVALID_FLAGS);
    }
    memcpy(buf, fixed, (wcslen(fixed) + 1) * sizeof(WCHAR));
    return TRUE;
}

static BOOL is_number_type(CALTYPE type)
{
    return type == CAL_ICALINTVALUE || type == CAL_IYEAROFFSETRANGE || type == CAL_ITWODIGITYEARMAX;
}

/* CAL_RETURN_NUMBER: the number in *value, and the size of a DWORD in
 * characters (W) or bytes (A); else the string as GetLocaleInfo gives it */
static int get_calendar_info(LCID lcid, CALID cal, CALTYPE caltype, WCHAR *buf, int len, DWORD *value, BOOL ansi)
{
    CALTYPE type = caltype & ~CAL_FLAGS;
    LCID real = k32_resolve_lcid(lcid);
    WCHAR tmp[80];
    int n;

    if (!real) return fail(ERROR_INVALID_PARAMETER);
    if (cal != CAL_GREGORIAN) return fail(ERROR_INVALID_PARAMETER);
    if (caltype & CAL_RETURN_NUMBER)
    {
        DWORD v = 0;
        const WCHAR *p;
        if (!is_number_type(type)) return fail(ERROR_INVALID_FLAGS);
        if (!value) return fail(ERROR_INVALID_PARAMETER);
        if (!calendar_value(real, type, FALSE, tmp)) return 0;
        for (p = tmp; *p >= '0' && *p <= '9'; p++) v = v * 10 + *p - '0';
        *value = v;
        return ansi ? sizeof(DWORD) : sizeof(DWORD) / sizeof(WCHAR);
    }
    if (len < 0 || (len && !buf)) return fail(ERROR_INVALID_PARAMETER);
    if (!calendar_value(real, type, (caltype & CAL_NOUSEROVERRIDE) != 0, tmp)) return 0;
    n = wcslen(tmp) + 1;
    if (!len) return n;
    if (len < n) return fail(ERROR_INSUFFICIENT_BUFFER);
    memcpy(buf, tmp, n * sizeof(WCHAR));
    return n;
}

int WINAPI GetCalendarInfoW(LCID lcid, CALID cal, CALTYPE type, LPWSTR buf, int len, LPDWORD value)
{
    return get_calendar_info(lcid, cal, type, buf, len, value, FALSE);
}

int WINAPI GetCalendarInfoEx(LPCWSTR name, CALID cal, LPCWSTR reserved, CALTYPE type, LPWSTR buf, int len,
                             LPDWORD value)
{
    LCID lcid = name ? LocaleNameToLCID(name, 0) : LCID_EN_US;

    if (!lcid) return 0;
    return get_calendar_info(lcid, cal, type, buf, len, value, FALSE);
}

int WINAPI GetCalendarInfoA(LCID lcid, CALID cal, CALTYPE type, LPSTR buf, int len, LPDWORD value)
{
    WCHAR tmp[80];
    int n;

    if (type & CAL_RETURN_NUMBER) return get_calendar_info(lcid, cal, type, NULL, 0, value, TRUE);
    if (len < 0 || (len && !buf)) return fail(ERROR_INVALID_PARAMETER);
    if (!(n = get_calendar_info(lcid, cal, type, tmp, 80, value, TRUE))) return 0;
    return WideCharToMultiByte(CP_ACP, 0, tmp, n, buf, len, NULL, NULL);
}

/* ======================================================================
 * enumerations
 * ====================================================================== */

enum callback_kind { CB_A, CB_W, CB_EXA, CB_EXW, CB_EXEX };

struct enum_call
{
    enum callback_kind kind;
    void  *proc;
    LPARAM param;
};

/* calls an enumeration's callback with one string; FALSE stops */
static BOOL call_proc(const struct enum_call *c, const WCHAR *str, CALID cal, BOOL calendar)
{
    WCHAR copy[80];
    char ansi[160];

    memcpy(copy, str, (wcslen(str) + 1) * sizeof(WCHAR));
    if (c->kind == CB_A || c->kind == CB_EXA)
        WideCharToMultiByte(CP_ACP, 0, copy, -1, ansi, sizeof(ansi), NULL, NULL);
    switch (c->kind)
    {
    case CB_A:    return ((DATEFMT_ENUMPROCA)c->proc)(ansi);
    case CB_W:    return ((DATEFMT_ENUMPROCW)c->proc)(copy);
    case CB_EXA:  return ((DATEFMT_ENUMPROCEXA)c->proc)(ansi, cal);
    case CB_EXW:  return ((DATEFMT_ENUMPROCEXW)c->proc)(copy, cal);
    case CB_EXEX:
        if (calendar) return ((CALINFO_ENUMPROCEXEX)c->proc)(copy, cal, NULL, c->param);
        return ((DATEFMT_ENUMPROCEXEX)c->proc)(copy, cal, c->param);
    }
    return FALSE;
}

static BOOL enum_calendar_info(const struct enum_call *c, LCID lcid, CALID cal, CALTYPE type)
{
    WCHAR value[80];
    LCID real = k32_resolve_lcid(lcid);

    if (!c->proc) return fail(ERROR_INVALID_PARAMETER);
    if (!real) return fail(ERROR_INVALID_PARAMETER);
    if (cal != ENUM_ALL_CALENDARS && cal != CAL_GREGORIAN) return fail(ERROR_INVALID_PARAMETER);
    if (type & CAL_RETURN_NUMBER) return fail(ERROR_INVALID_FLAGS);
    /* the locale's calendars: the Gregorian one */
    if (!calendar_value(real, type & ~CAL_FLAGS, (type & CAL_NOUSEROVERRIDE) != 0, value)) return FALSE;
    call_proc(c, value, CAL_GREGORIAN, TRUE);
    return TRUE;
}

BOOL WINAPI EnumCalendarInfoW(CALINFO_ENUMPROCW proc, LCID lcid, CALID cal, CALTYPE type)
{
    struct enum_call c = { CB_W, proc, 0 };
    return enum_calendar_info(&c, lcid, cal, type);
}

BOOL WINAPI EnumCalendarInfoA(CALINFO_ENUMPROCA proc, LCID lcid, CALID cal, CALTYPE type)
{
    struct enum_call c = { CB_A, proc, 0 };
    return enum_calendar_info(&c, lcid, cal, type);
}

BOOL WINAPI EnumCalendarInfoExW(CALINFO_ENUMPROCEXW proc, LCID lcid, CALID cal, CALTYPE type)
{
    struct enum_call c = { CB_EXW, proc, 0 };
    return enum_calendar_info(&c, lcid, cal, type);
}

BOOL WINAPI EnumCalendarInfoExA(CALINFO_ENUMPROCEXA proc, LCID lcid, CALID cal, CALTYPE type)
{
    struct enum_call c = { CB_EXA, proc, 0 };
    return enum_calendar_info(&c, lcid, cal, type);
}

BOOL WINAPI EnumCalendarInfoExEx(CALINFO_ENUMPROCEXEX proc, LPCWSTR name, CALID cal, LPCWSTR reserved,
                                 CALTYPE type, LPARAM param)
{
    struct enum_call c = { CB_EXEX, proc, param };
    LCID lcid = name ? LocaleNameToLCID(name, 0) : LCID_EN_US;

    if (!lcid) return FALSE;
    return enum_calendar_info(&c, lcid, cal, type);
}

/* the other formats a locale offers besides its default, as Windows 10's
 * Region settings list them */
struct format_list
{
    LCID         lcid;
    LCTYPE       type;
    const WCHAR *formats[8];
};

static const struct format_list format_lists[] =
{
    { LCID_EN_US, LOCALE_SSHORTDATE, { L"M/d/yyyy", L"M/d/yy", L"MM/dd/yy", L"MM/dd/yyyy", L"yy/MM/dd",
                                       L"yyyy-MM-dd", L"dd-MMM-yy" } },
    { LCID_EN_US, LOCALE_SLONGDATE, { L"dddd, MMMM d, yyyy", L"MMMM d, yyyy", L"dddd, d MMMM, yyyy", L"d MMMM, yyyy" } },
    { LCID_EN_US, LOCALE_SYEARMONTH, { L"MMMM yyyy" } },
    { LCID_EN_US, LOCALE_SMONTHDAY, { L"MMMM d" } },
    { LCID_EN_US, LOCALE_STIMEFORMAT, { L"h:mm:ss tt", L"hh:mm:ss tt", L"H:mm:ss", L"HH:mm:ss" } },
    { LCID_EN_US, LOCALE_SSHORTTIME, { L"h:mm tt", L"hh:mm tt", L"H:mm", L"HH:mm" } },
    { LOCALE_INVARIANT, LOCALE_SSHORTDATE, { L"MM/dd/yyyy", L"yyyy-MM-dd" } },
    { LOCALE_INVARIANT, LOCALE_SLONGDATE, { L"dddd, dd MMMM yyyy" } },
    { LOCALE_INVARIANT, LOCALE_SYEARMONTH, { L"yyyy MMMM" } },
    { LOCALE_INVARIANT, LOCALE_SMONTHDAY, { L"MMMM dd" } },
    { LOCALE_INVARIANT, LOCALE_STIMEFORMAT, { L"HH:mm:ss" } },
    { LOCALE_INVARIANT, LOCALE_SSHORTTIME, { L"HH:mm" } },
};

/* the current format first (the user's, if set), then the others */
static BOOL enum_formats(const struct enum_call *c, LCID lcid, LCTYPE type)
{
    WCHAR current[80];
    LCID real = k32_resolve_lcid(lcid);
    unsigned int i, k;

    if (!c->proc) return fail(ERROR_INVALID_PARAMETER);
    if (!real) return fail(ERROR_INVALID_PARAMETER);
    if (!GetLocaleInfoW(real, type, current, 80)) return FALSE;
    if (!call_proc(c, current, CAL_GREGORIAN, FALSE)) return TRUE;
    if (real != LCID_EN_US && real != LOCALE_INVARIANT) real = LCID_EN_US;   /* a neutral "en" */
    for (i = 0; i < sizeof(format_lists) / sizeof(format_lists[0]); i++)
    {
        if (format_lists[i].lcid != real || format_lists[i].type != type) continue;
        for (k = 0; k < 8 && format_lists[i].formats[k]; k++)
        {
            if (!wcscmp(format_lists[i].formats[k], current)) continue;
            if (!call_proc(c, format_lists[i].formats[k], CAL_GREGORIAN, FALSE)) return TRUE;
        }
    }
    return TRUE;
}

static BOOL enum_date_formats(const struct enum_call *c, LCID lcid, DWORD flags)
{
    switch (flags & ~(DATE_USE_ALT_CALENDAR | DATE_LTRREADING | DATE_RTLREADING | DATE_AUTOLAYOUT))
    {
    case 0:
    case DATE_SHORTDATE: return enum_formats(c, lcid, LOCALE_SSHORTDATE);
    case DATE_LONGDATE:  return enum_formats(c, lcid, LOCALE_SLONGDATE);
    case DATE_YEARMONTH: return enum_formats(c, lcid, LOCALE_SYEARMONTH);
    case DATE_MONTHDAY:  return enum_formats(c, lcid, LOCALE_SMONTHDAY);
    }
    return fail(ERROR_INVALID_FLAGS);
}

BOOL WINAPI EnumDateFormatsW(DATEFMT_ENUMPROCW proc, LCID lcid, DWORD flags)
{
    struct enum_call c = { CB_W, proc, 0 };
    return enum_date_formats(&c, lcid, flags);
}

BOOL WINAPI EnumDateFormatsA(DATEFMT_ENUMPROCA proc, LCID lcid, DWORD flags)
{
    struct enum_call c = { CB_A, proc, 0 };
    return enum_date_formats(&c, lcid, flags);
}

BOOL WINAPI EnumDateFormatsExW(DATEFMT_ENUMPROCEXW proc, LCID lcid, DWORD flags)
{
    struct enum_call c = { CB_EXW, proc, 0 };
    return enum_date_formats(&c, lcid, flags);
}

BOOL WINAPI EnumDateFormatsExA(DATEFMT_ENUMPROCEXA proc, LCID lcid, DWORD flags)
{
    struct enum_call c = { CB_EXA, proc, 0 };
    return enum_date_formats(&c, lcid, flags);
}

BOOL WINAPI EnumDateFormatsExEx(DATEFMT_ENUMPROCEXEX proc, LPCWSTR name, DWORD flags, LPARAM param)
{
    struct enum_call c = { CB_EXEX, proc, param };
    LCID lcid = name ? LocaleNameToLCID(name, 0) : LCID_EN_US;

    if (!lcid) return FALSE;
    return enum_date_formats(&c, lcid, flags);
}

/* 0: the time formats; TIME_NOSECONDS: the short ones */
static BOOL enum_time_formats(const struct enum_call *c, LCID lcid, DWORD flags)
{
    if (flags == 0) return enum_formats(c, lcid, LOCALE_STIMEFORMAT);
    if (flags == TIME_NOSECONDS) return enum_formats(c, lcid, LOCALE_SSHORTTIME);
    return fail(ERROR_INVALID_FLAGS);
}

/* TIMEFMT_ENUMPROC has the shape of DATEFMT_ENUMPROC */
BOOL WINAPI EnumTimeFormatsW(TIMEFMT_ENUMPROCW proc, LCID lcid, DWORD flags)
{
    struct enum_call c = { CB_W, proc, 0 };
    return enum_time_formats(&c, lcid, flags);
}

BOOL WINAPI EnumTimeFormatsA(TIMEFMT_ENUMPROCA proc, LCID lcid, DWORD flags)
{
    struct enum_call c = { CB_A, proc, 0 };
    return enum_time_formats(&c, lcid, flags);
}

static BOOL CALLBACK time_ex_thunk(LPWSTR str, CALID cal, LPARAM param)
{
    const struct enum_call *outer = (const struct enum_call *)param;
    return ((TIMEFMT_ENUMPROCEX)outer->proc)(str, outer->param);
}

BOOL WINAPI EnumTimeFormatsEx(TIMEFMT_ENUMPROCEX proc, LPCWSTR name, DWORD flags, LPARAM param)
{
    struct enum_call outer = { CB_EXEX, proc, param };
    struct enum_call c = { CB_EXEX, time_ex_thunk, (LPARAM)&outer };
    LCID lcid = name ? LocaleNameToLCID(name, 0) : LCID_EN_US;

    if (!proc) return fail(ERROR_INVALID_PARAMETER);
    if (!lcid) return FALSE;
    return enum_time_formats(&c, lcid, flags);
}
