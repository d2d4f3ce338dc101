/*
 * kernel32/time.c — clocks and times: system and local time, FILETIME ⇄
 * SYSTEMTIME, DOS dates, tick counts, the performance counter, and time
 * zones (the current one and explicit TIME_ZONE_INFORMATION rules).
 *
 * Sections: conversions · clocks · setting the clock · time zones · zone rules.
 */
#include "private.h"

#define TICKS_PER_MIN (60 * 10000000LL)

/* --- conversions ----------------------------------------------------------- */

static LONGLONG ft_get(const FILETIME *ft) { return ((LONGLONG)ft->dwHighDateTime << 32) | ft->dwLowDateTime; }
static void ft_set(FILETIME *ft, LONGLONG t) { ft->dwLowDateTime = (DWORD)t; ft->dwHighDateTime = (DWORD)(t >> 32); }

static void fields_to_st(const TIME_FIELDS *tf, SYSTEMTIME *st)
{
    st->wYear = tf->Year; st->wMonth = tf->Month; st->wDayOfWeek = tf->Weekday; st->wDay = tf->Day;
    st->wHour = tf->Hour; st->wMinute = tf->Minute; st->wSecond = tf->Second; st->wMilliseconds = tf->Milliseconds;
}

static BOOL st_to_time(const SYSTEMTIME *st, LONGLONG *t)
{
    TIME_FIELDS tf = { st->wYear, st->wMonth, st->wDay, st->wHour, st->wMinute, st->wSecond, st->wMilliseconds, 0 };
    LARGE_INTEGER li;
    if (!RtlTimeFieldsToTime(&tf, &li)) return FALSE;
    *t = li.QuadPart;
    return TRUE;
}

static void time_to_st(LONGLONG t, SYSTEMTIME *st)
{
    LARGE_INTEGER li = { .QuadPart = t };
    TIME_FIELDS tf;
    RtlTimeToTimeFields(&li, &tf);
    fields_to_st(&tf, st);
}

/* A FILETIME is signed: the top bit set is not a time (tests/kernel32/time.c). */
BOOL WINAPI FileTimeToSystemTime(const FILETIME *ft, SYSTEMTIME *st)
{
    LONGLONG t = ft_get(ft);
    if (t < 0) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    time_to_st(t, st);
    return TRUE;
}

BOOL WINAPI SystemTimeToFileTime(const SYSTEMTIME *st, FILETIME *ft)
{
    LONGLONG t;
    if (!st_to_time(st, &t)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    ft_set(ft, t);
    return TRUE;
}

LONG WINAPI CompareFileTime(const FILETIME *a, const FILETIME *b)
{
    ULONGLONG x = ft_get(a), y = ft_get(b);
    return x < y ? -1 : x > y;
}

BOOL WINAPI FileTimeToLocalFileTime(const FILETIME *utc, FILETIME *local)
{
    LARGE_INTEGER in = { .QuadPart = ft_get(utc) }, out;
    if (!set_ntstatus(RtlSystemTimeToLocalTime(&in, &out))) return FALSE;
    ft_set(local, out.QuadPart);
    return TRUE;
}

BOOL WINAPI LocalFileTimeToFileTime(const FILETIME *local, FILETIME *utc)
{
    LARGE_INTEGER in = { .QuadPart = ft_get(local) }, out;
    if (!set_ntstatus(RtlLocalTimeToSystemTime(&in, &out))) return FALSE;
    ft_set(utc, out.QuadPart);
    return TRUE;
}

/* DOS keeps two-second steps and the years 1980 to 2107 */
BOOL WINAPI FileTimeToDosDateTime(const FILETIME *ft, WORD *date, WORD *time)
{
    SYSTEMTIME st;
    if (!FileTimeToSystemTime(ft, &st)) return FALSE;
    if (st.wYear < 1980 || st.wYear > 2107) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (date) *date = ((st.wYear - 1980) << 9) | (st.wMonth << 5) | st.wDay;
    if (time) *time = (st.wHour << 11) | (st.wMinute << 5) | (st.wSecond / 2);
    return TRUE;
}

BOOL WINAPI DosDateTimeToFileTime(WORD date, WORD time, FILETIME *ft)
{
    SYSTEMTIME st = { (date >> 9) + 1980, (date >> 5) & 0xf, 0, date & 0x1f,
                      time >> 11, (time >> 5) & 0x3f, (time & 0x1f) * 2, 0 };
    return SystemTimeToFileTime(&st, ft);
}

/* --- clocks ------------------------------------------------------------------ */

void WINAPI GetSystemTimeAsFileTime(FILETIME *ft)
{
    LARGE_INTEGER now;
    NtQuerySystemTime(&now);
    ft_set(ft, now.QuadPart);
}

void WINAPI GetSystemTimePreciseAsFileTime(FILETIME *ft)
{
    ft_set(ft, RtlGetSystemTimePrecise());
}

void WINAPI GetSystemTime(SYSTEMTIME *st)
{
    LARGE_INTEGER now;
    NtQuerySystemTime(&now);
    time_to_st(now.QuadPart, st);
}

void WINAPI GetLocalTime(SYSTEMTIME *st)
{
    LARGE_INTEGER now, local;
    NtQuerySystemTime(&now);
    if (RtlSystemTimeToLocalTime(&now, &local)) local = now;
    time_to_st(local.QuadPart, st);
}

DWORD WINAPI GetTickCount(void)
{
    return NtGetTickCount();
}

ULONGLONG WINAPI GetTickCount64(void)
{
    ULONGLONG t;
    __wlx_query_interrupt_time(&t, NULL);
    return t / 10000;
}

BOOL WINAPI QueryUnbiasedInterruptTime(ULONGLONG *t)
{
    if (!t) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    __wlx_query_interrupt_time(NULL, t);
    return TRUE;
}

BOOL WINAPI QueryPerformanceCounter(LARGE_INTEGER *counter)
{
    return RtlQueryPerformanceCounter(counter);
}

BOOL WINAPI QueryPerformanceFrequency(LARGE_INTEGER *frequency)
{
    return RtlQueryPerformanceFrequency(frequency);
}

BOOL WINAPI GetSystemTimeAdjustment(DWORD *adjustment, DWORD *increment, BOOL *disabled)
{
    struct wlx_time_adjustment info;
    if (!set_ntstatus(NtQuerySystemInformation(WLX_SystemTimeAdjustmentInformation, &info, sizeof(info), NULL)))
        return FALSE;
    *adjustment = info.adjustment;
    *increment = info.increment;
    *disabled = info.disabled;
    return TRUE;
}

/* The times of a process: this one's, another live one's from Linux, an ended child's as kept (ntdll) */
BOOL WINAPI GetProcessTimes(HANDLE process, FILETIME *create, FILETIME *exit, FILETIME *kernel, FILETIME *user)
{
    struct { LONGLONG create, exit, kernel, user; } t;
    if (!set_ntstatus(NtQueryInformationProcess(process, ProcessTimes, &t, sizeof(t), NULL))) return FALSE;
    ft_set(create, t.create);
    ft_set(exit, t.exit);
    ft_set(kernel, t.kernel);
    ft_set(user, t.user);
    return TRUE;
}

/* a thread of this process: made, ended (0 while it runs), kernel and user time */
BOOL WINAPI GetThreadTimes(HANDLE thread, FILETIME *create, FILETIME *exit, FILETIME *kernel, FILETIME *user)
{
    struct { LONGLONG create, exit, kernel, user; } t;
    if (!set_ntstatus(NtQueryInformationThread(thread, 1 /* ThreadTimes */, &t, sizeof(t), NULL))) return FALSE;
    ft_set(create, t.create);
    ft_set(exit, t.exit);
    ft_set(kernel, t.kernel);
    ft_set(user, t.user);
    return TRUE;
}

/* --- setting the clock -------------------------------------------------------- */

/* Setting the time needs SE_SYSTEMTIME_NAME, which no wlx process holds:
   the host's clock is not ours to change. */
static BOOL no_privilege(const SYSTEMTIME *st)
{
    LONGLONG t;
    if (st && !st_to_time(st, &t)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    SetLastError(ERROR_PRIVILEGE_NOT_HELD);
    return FALSE;
}

BOOL WINAPI SetSystemTime(const SYSTEMTIME *st) { return no_privilege(st); }
BOOL WINAPI SetLocalTime(const SYSTEMTIME *st) { return no_privilege(st); }
BOOL WINAPI SetTimeZoneInformation(const TIME_ZONE_INFORMATION *tz) { (void)tz; return no_privilege(NULL); }
BOOL WINAPI SetDynamicTimeZoneInformation(const DYNAMIC_TIME_ZONE_INFORMATION *tz) { (void)tz; return no_privilege(NULL); }
BOOL WINAPI SetSystemTimeAdjustment(DWORD adjustment, BOOL disabled) { (void)adjustment; (void)disabled; return no_privilege(NULL); }

/* --- time zones ---------------------------------------------------------------- */

static DWORD current_zone_id(void)
{
    struct wlx_timeofday_info tod;
    if (!set_ntstatus(NtQuerySystemInformation(SystemTimeOfDayInformation, &tod, sizeof(tod), NULL)))
        return TIME_ZONE_ID_INVALID;
    return tod.time_zone_id;
}

DWORD WINAPI GetDynamicTimeZoneInformation(DYNAMIC_TIME_ZONE_INFORMATION *tz)
{
    if (!set_ntstatus(RtlQueryDynamicTimeZoneInformation(tz))) return TIME_ZONE_ID_INVALID;
    return current_zone_id();
}

DWORD WINAPI GetTimeZoneInformation(TIME_ZONE_INFORMATION *tz)
{
    DYNAMIC_TIME_ZONE_INFORMATION dyn;
    DWORD id = GetDynamicTimeZoneInformation(&dyn);
    if (id != TIME_ZONE_ID_INVALID) memcpy(tz, &dyn, sizeof(*tz));   /* the same leading layout */
    return id;
}

static BOOL same_key(const WCHAR *a, const WCHAR *b)
{
    for (;; a++, b++)
    {
        WCHAR x = *a >= 'a' && *a <= 'z' ? *a - 32 : *a, y = *b >= 'a' && *b <= 'z' ? *b - 32 : *b;
        if (x != y) return FALSE;
        if (!x) return TRUE;
    }
}

/* Only the host's zone is known: another key is not found, as a key missing
   from the registry is on Windows. */
BOOL WINAPI GetTimeZoneInformationForYear(USHORT year, DYNAMIC_TIME_ZONE_INFORMATION *dtz, TIME_ZONE_INFORMATION *tz)
{
    DYNAMIC_TIME_ZONE_INFORMATION info;
    if (!set_ntstatus(__wlx_time_zone_for_year(year, &info))) return FALSE;
    if (dtz && dtz->TimeZoneKeyName[0] && !same_key(dtz->TimeZoneKeyName, info.TimeZoneKeyName))
    {
        SetLastError(ERROR_FILE_NOT_FOUND);
        return FALSE;
    }
    memcpy(tz, &info, sizeof(*tz));
    return TRUE;
}

/* --- zone rules ------------------------------------------------------------------ */

static int days_in_month(int y, int m)
{
    static const BYTE days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return days[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0));
}

/* When a transition rule fires in a year, in the local clock in force
   before it. wYear 0: the wDay'th (5 = last) wDayOfWeek of the month;
   otherwise an absolute date. */
static BOOL rule_time(const SYSTEMTIME *rule, WORD year, LONGLONG *t)
{
    SYSTEMTIME st = *rule;
    SYSTEMTIME first = { year, rule->wMonth, 0, 1 };
    LONGLONG t1;

    st.wYear = year;
    if (!rule->wYear)
    {
        if (!st_to_time(&first, &t1)) return FALSE;
        time_to_st(t1, &first);
        st.wDay = 1 + (rule->wDayOfWeek + 7 - first.wDayOfWeek) % 7 + (rule->wDay - 1) * 7;
        while (st.wDay > days_in_month(year, st.wMonth)) st.wDay -= 7;
    }
    return st_to_time(&st, t);
}

/* The bias (minutes) in force at a moment: UTC, or local when is_local. */
static LONG bias_at(const TIME_ZONE_INFORMATION *tz, LONGLONG t, BOOL is_local)
{
    LONGLONG to_daylight, to_standard;
    SYSTEMTIME st;
    BOOL daylight;

    if (!tz->DaylightDate.wMonth || !tz->StandardDate.wMonth) return tz->Bias;
    time_to_st(is_local ? t : t - tz->Bias * TICKS_PER_MIN, &st);
    if (!rule_time(&tz->DaylightDate, st.wYear, &to_daylight) || !rule_time(&tz->StandardDate, st.wYear, &to_standard))
        return tz->Bias + tz->StandardBias;
    if (!is_local)
    {
        to_daylight += (tz->Bias + tz->StandardBias) * TICKS_PER_MIN;   /* said in standard time */
        to_standard += (tz->Bias + tz->DaylightBias) * TICKS_PER_MIN;   /* said in daylight time */
    }
    if (to_daylight < to_standard) daylight = t >= to_daylight && t < to_standard;   /* northern */
    else daylight = !(t >= to_standard && t < to_daylight);                          /* southern */
    return tz->Bias + (daylight ? tz->DaylightBias : tz->StandardBias);
}

/* NULL: the current zone, with its rules for the year being converted */
static BOOL zone_or_current(const TIME_ZONE_INFORMATION *tz, const SYSTEMTIME *st, TIME_ZONE_INFORMATION *out)
{
    DYNAMIC_TIME_ZONE_INFORMATION dyn;
    if (tz) { *out = *tz; return TRUE; }
    if (!set_ntstatus(__wlx_time_zone_for_year(st->wYear, &dyn))) return FALSE;
    memcpy(out, &dyn, sizeof(*out));
    return TRUE;
}

BOOL WINAPI SystemTimeToTzSpecificLocalTime(const TIME_ZONE_INFORMATION *tz, const SYSTEMTIME *utc, SYSTEMTIME *local)
{
    TIME_ZONE_INFORMATION zone;
    LONGLONG t;
    if (!zone_or_current(tz, utc, &zone)) return FALSE;
    if (!st_to_time(utc, &t)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    time_to_st(t - bias_at(&zone, t, FALSE) * TICKS_PER_MIN, local);
    return TRUE;
}

BOOL WINAPI TzSpecificLocalTimeToSystemTime(const TIME_ZONE_INFORMATION *tz, const SYSTEMTIME *local, SYSTEMTIME *utc)
{
    TIME_ZONE_INFORMATION zone;
    LONGLONG t;
    if (!zone_or_current(tz, local, &zone)) return FALSE;
    if (!st_to_time(local, &t)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    time_to_st(t + bias_at(&zone, t, TRUE) * TICKS_PER_MIN, utc);
    return TRUE;
}

/* The dynamic form starts with a TIME_ZONE_INFORMATION. */
BOOL WINAPI SystemTimeToTzSpecificLocalTimeEx(const DYNAMIC_TIME_ZONE_INFORMATION *tz, const SYSTEMTIME *utc,
                                              SYSTEMTIME *local)
{
    return SystemTimeToTzSpecificLocalTime((const TIME_ZONE_INFORMATION *)tz, utc, local);
}

BOOL WINAPI TzSpecificLocalTimeToSystemTimeEx(const DYNAMIC_TIME_ZONE_INFORMATION *tz, const SYSTEMTIME *local,
                                              SYSTEMTIME *utc)
{
    return TzSpecificLocalTimeToSystemTime((const TIME_ZONE_INFORMATION *)tz, local, utc);
}
