/*
 * ntdll/time.c — NT time (100 ns units since 1601-01-01 UTC) and the
 * calendar: TIME_FIELDS conversion, seconds since 1970/1980, local time
 * through the current zone bias, tick count, precise system time and the
 * performance counter.
 *
 * Sections: calendar · conversions · local time and zone · clocks.
 */
#include "private.h"
#include "wlx/sysinfo.h"

#define TICKS_PER_SEC    10000000LL
#define TICKS_PER_DAY    (86400LL * TICKS_PER_SEC)
#define SECS_1601_1970   11644473600LL
#define SECS_1601_1980   11960006400LL
#define DAYS_PER_400Y    146097
#define MAX_TIME_YEAR    30827        /* the last year a SYSTEMTIME may hold */

/* --- calendar -------------------------------------------------------------- */

static int is_leap(int y) { return (y % 4 == 0 && y % 100) || y % 400 == 0; }

static int month_days(int y, int m)
{
    static const BYTE days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return days[m - 1] + (m == 2 && is_leap(y));
}

/* Days are counted in years that start on March 1 so that the leap day
   comes last; 1600 starts a 400-year cycle, and March 1, 1600 is 306 days
   before January 1, 1601. */
static LONGLONG days_from_date(int y, int m, int d)
{
    if (m <= 2) { y--; m += 12; }
    y -= 1600;
    return 365LL * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d - 1 - 306;
}

static void date_from_days(LONGLONG days, int *y, int *m, int *d)
{
    LONGLONG r = days + 306, cycles = r / DAYS_PER_400Y;
    int century, quad, year, mi;

    r %= DAYS_PER_400Y;
    century = r / 36524; if (century == 4) century = 3;   /* the cycle's last day, a Feb 29 */
    r -= century * 36524LL;
    quad = r / 1461;
    r -= quad * 1461LL;
    year = r / 365; if (year == 4) year = 3;              /* a Feb 29 ending a 4-year block */
    r -= year * 365LL;
    year += 1600 + cycles * 400 + century * 100 + quad * 4;
    mi = (5 * r + 2) / 153;                               /* 0 = March */
    *d = r - (153 * mi + 2) / 5 + 1;
    *m = mi < 10 ? mi + 3 : mi - 9;
    *y = year + (*m <= 2);
}

/* --- conversions ------------------------------------------------------------ */

void NTAPI RtlTimeToTimeFields(const LARGE_INTEGER *time, TIME_FIELDS *tf)
{
    LONGLONG days = time->QuadPart / TICKS_PER_DAY, rem = time->QuadPart % TICKS_PER_DAY;
    int y, m, d;

    date_from_days(days, &y, &m, &d);
    tf->Year = y; tf->Month = m; tf->Day = d;
    tf->Weekday = (days + 1) % 7;                         /* 1601-01-01 was a Monday */
    tf->Hour = rem / (3600 * TICKS_PER_SEC);
    tf->Minute = rem / (60 * TICKS_PER_SEC) % 60;
    tf->Second = rem / TICKS_PER_SEC % 60;
    tf->Milliseconds = rem / 10000 % 1000;                /* below a millisecond is dropped */
}

/* The weekday is ignored; every other field must be in its range. */
BOOLEAN NTAPI RtlTimeFieldsToTime(const TIME_FIELDS *tf, LARGE_INTEGER *time)
{
    if (tf->Year < 1601 || tf->Year > MAX_TIME_YEAR || tf->Month < 1 || tf->Month > 12 || tf->Day < 1 ||
        tf->Day > month_days(tf->Year, tf->Month) || tf->Hour < 0 || tf->Hour > 23 || tf->Minute < 0 ||
        tf->Minute > 59 || tf->Second < 0 || tf->Second > 59 || tf->Milliseconds < 0 || tf->Milliseconds > 999)
        return FALSE;
    time->QuadPart = days_from_date(tf->Year, tf->Month, tf->Day) * TICKS_PER_DAY +
                     ((tf->Hour * 60 + tf->Minute) * 60LL + tf->Second) * TICKS_PER_SEC + tf->Milliseconds * 10000LL;
    return TRUE;
}

static BOOLEAN time_to_seconds(const LARGE_INTEGER *time, LONGLONG base, ULONG *secs)
{
    LONGLONG s = time->QuadPart / TICKS_PER_SEC - base;
    if (s < 0 || s > 0xffffffffLL) return FALSE;
    *secs = s;
    return TRUE;
}

BOOLEAN NTAPI RtlTimeToSecondsSince1970(LARGE_INTEGER *time, ULONG *secs)
{
    return time_to_seconds(time, SECS_1601_1970, secs);
}

BOOLEAN NTAPI RtlTimeToSecondsSince1980(const LARGE_INTEGER *time, ULONG *secs)
{
    return time_to_seconds(time, SECS_1601_1980, secs);
}

void NTAPI RtlSecondsSince1970ToTime(ULONG secs, LARGE_INTEGER *time)
{
    time->QuadPart = (secs + SECS_1601_1970) * TICKS_PER_SEC;
}

void NTAPI RtlSecondsSince1980ToTime(ULONG secs, LARGE_INTEGER *time)
{
    time->QuadPart = (secs + SECS_1601_1980) * TICKS_PER_SEC;
}

/* --- local time and the zone ---------------------------------------------- */

/* Windows converts with the bias in force now, whatever the date converted */
static NTSTATUS current_bias(LONGLONG *bias)
{
    struct wlx_timeofday_info tod;
    NTSTATUS status = NtQuerySystemInformation(SystemTimeOfDayInformation, &tod, sizeof(tod), NULL);
    if (!status) *bias = tod.time_zone_bias;
    return status;
}

NTSTATUS NTAPI RtlSystemTimeToLocalTime(const LARGE_INTEGER *system, LARGE_INTEGER *local)
{
    LONGLONG bias;
    NTSTATUS status = current_bias(&bias);
    if (!status) local->QuadPart = system->QuadPart - bias;
    return status;
}

NTSTATUS NTAPI RtlLocalTimeToSystemTime(LARGE_INTEGER *local, LARGE_INTEGER *system)
{
    LONGLONG bias;
    NTSTATUS status = current_bias(&bias);
    if (!status) system->QuadPart = local->QuadPart + bias;
    return status;
}

/* RTL_TIME_ZONE_INFORMATION is TIME_ZONE_INFORMATION's layout */
NTSTATUS NTAPI RtlQueryTimeZoneInformation(TIME_ZONE_INFORMATION *tzi)
{
    return NtQuerySystemInformation(44 /* SystemCurrentTimeZoneInformation */, tzi, sizeof(*tzi), NULL);
}

NTSTATUS NTAPI RtlQueryDynamicTimeZoneInformation(DYNAMIC_TIME_ZONE_INFORMATION *tzi)
{
    return NtQuerySystemInformation(102 /* SystemDynamicTimeZoneInformation */, tzi, sizeof(*tzi), NULL);
}

/* --- clocks ------------------------------------------------------------------ */

ULONG NTAPI NtGetTickCount(void)
{
    ULONGLONG t;
    __wlx_query_interrupt_time(&t, NULL);
    return t / 10000;
}

LONGLONG NTAPI RtlGetSystemTimePrecise(void)
{
    LARGE_INTEGER now;
    NtQuerySystemTime(&now);
    return now.QuadPart;
}

BOOLEAN NTAPI RtlQueryPerformanceCounter(LARGE_INTEGER *counter)
{
    NtQueryPerformanceCounter(counter, NULL);
    return TRUE;
}

BOOLEAN NTAPI RtlQueryPerformanceFrequency(LARGE_INTEGER *frequency)
{
    LARGE_INTEGER counter;
    NtQueryPerformanceCounter(&counter, frequency);
    return TRUE;
}

_Static_assert(sizeof(TIME_ZONE_INFORMATION) == WLX_TZ_INFO_SIZE, "TIME_ZONE_INFORMATION");
_Static_assert(sizeof(DYNAMIC_TIME_ZONE_INFORMATION) == WLX_DYN_TZ_INFO_SIZE, "DYNAMIC_TIME_ZONE_INFORMATION");
