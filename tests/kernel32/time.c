/*
 * tests/kernel32/time.c — clocks, time conversion and time zones.
 *
 * Covers FILETIME <-> SYSTEMTIME conversion with known values (the 1601
 * and 1970 epochs, a leap day), invalid input, DOS dates, local time and
 * the time zone (GetTimeZoneInformation, FileTimeToLocalFileTime,
 * SystemTimeToTzSpecificLocalTime with the current and with explicit
 * zones), and the clocks: system time, tick counts, the performance
 * counter. No check depends on how fast anything runs.
 */
#include "test.h"

#define EPOCH_1970 116444736000000000ULL   /* 1970-01-01 in 100 ns units since 1601 */
#define LEAP_DAY   125963012967890000ULL   /* 2000-02-29 12:34:56.789 */
#define SECOND     10000000ULL

static ULONGLONG ft64(const FILETIME *ft)
{
    return ((ULONGLONG)ft->dwHighDateTime << 32) | ft->dwLowDateTime;
}

static FILETIME make_ft(ULONGLONG v)
{
    FILETIME ft = { (DWORD)v, (DWORD)(v >> 32) };
    return ft;
}

static int systime_is(const SYSTEMTIME *st, int y, int mo, int dow, int d, int h, int mi, int s, int ms)
{
    return st->wYear == y && st->wMonth == mo && st->wDayOfWeek == dow && st->wDay == d &&
           st->wHour == h && st->wMinute == mi && st->wSecond == s && st->wMilliseconds == ms;
}

static void test_known_conversions(void)
{
    FILETIME ft = make_ft(EPOCH_1970);
    SYSTEMTIME st, in = { 2000, 2, 5 /* ignored */, 29, 12, 34, 56, 789 };

    ok(FileTimeToSystemTime(&ft, &st), "FileTimeToSystemTime failed: %lu\n", GetLastError());
    ok(systime_is(&st, 1970, 1, 4, 1, 0, 0, 0, 0), "1970 epoch is %u-%u-%u dow %u\n",
       st.wYear, st.wMonth, st.wDay, st.wDayOfWeek);

    ft = make_ft(0);
    ok(FileTimeToSystemTime(&ft, &st), "FileTimeToSystemTime(0) failed\n");
    ok(systime_is(&st, 1601, 1, 1, 1, 0, 0, 0, 0), "time 0 is %u-%u-%u dow %u\n",
       st.wYear, st.wMonth, st.wDay, st.wDayOfWeek);

    /* The day of the week is computed on output and ignored on input. */
    ok(SystemTimeToFileTime(&in, &ft), "SystemTimeToFileTime failed: %lu\n", GetLastError());
    ok(ft64(&ft) == LEAP_DAY, "leap day is %I64u\n", ft64(&ft));
    ok(FileTimeToSystemTime(&ft, &st) && systime_is(&st, 2000, 2, 2, 29, 12, 34, 56, 789),
       "leap day round trip gave %u-%u-%u %u:%u:%u.%u dow %u\n", st.wYear, st.wMonth, st.wDay,
       st.wHour, st.wMinute, st.wSecond, st.wMilliseconds, st.wDayOfWeek);

    /* Below a millisecond is dropped on the way to SYSTEMTIME. */
    ft = make_ft(EPOCH_1970 + 9999);
    ok(FileTimeToSystemTime(&ft, &st) && st.wMilliseconds == 0, "sub-millisecond rounded up\n");
}

static void test_invalid_conversions(void)
{
    SYSTEMTIME bad_month = { 2000, 13, 0, 1, 0, 0, 0, 0 };
    SYSTEMTIME bad_day = { 2001, 4, 0, 31, 0, 0, 0, 0 };
    SYSTEMTIME bad_hour = { 2001, 1, 0, 1, 24, 0, 0, 0 };
    FILETIME ft = make_ft(0x8000000000000000ULL);
    SYSTEMTIME st;
    DWORD err;

    SetLastError(0xdeadbeef);
    ok(!SystemTimeToFileTime(&bad_month, &ft), "month 13 accepted\n");
    err = GetLastError();
    ok(err == ERROR_INVALID_PARAMETER, "month 13: last error %lu\n", err);
    ok(!SystemTimeToFileTime(&bad_day, &ft), "April 31 accepted\n");
    ok(!SystemTimeToFileTime(&bad_hour, &ft), "hour 24 accepted\n");

    /* A FILETIME is signed: values with the top bit set are not times. */
    ft = make_ft(0x8000000000000000ULL);
    SetLastError(0xdeadbeef);
    ok(!FileTimeToSystemTime(&ft, &st), "negative FILETIME accepted\n");
    err = GetLastError();
    ok(err == ERROR_INVALID_PARAMETER, "negative FILETIME: last error %lu\n", err);
}

static void test_compare_file_time(void)
{
    FILETIME a = make_ft(LEAP_DAY), b = make_ft(LEAP_DAY + 1), c = make_ft(LEAP_DAY + (1ULL << 32));

    ok(CompareFileTime(&a, &b) == -1, "earlier is not -1\n");
    ok(CompareFileTime(&b, &a) == 1, "later is not 1\n");
    ok(CompareFileTime(&a, &a) == 0, "equal is not 0\n");
    /* The high part decides first. */
    ok(CompareFileTime(&c, &b) == 1, "high part ignored\n");
}

static void test_dos_date_time(void)
{
    FILETIME ft = make_ft(LEAP_DAY), back;
    WORD date = 0, time = 0;

    /* DOS time keeps two-second steps and years from 1980. */
    ok(FileTimeToDosDateTime(&ft, &date, &time), "FileTimeToDosDateTime failed: %lu\n", GetLastError());
    ok(date == ((20 << 9) | (2 << 5) | 29), "DOS date %#x\n", date);
    ok(time == ((12 << 11) | (34 << 5) | 28), "DOS time %#x\n", time);
    ok(DosDateTimeToFileTime(date, time, &back), "DosDateTimeToFileTime failed: %lu\n", GetLastError());
    ok(ft64(&back) == LEAP_DAY - 789 * 10000ULL, "DOS round trip gave %I64u\n", ft64(&back));

    ft = make_ft(EPOCH_1970);
    ok(!FileTimeToDosDateTime(&ft, &date, &time), "1970 has a DOS date\n");
}

static void test_system_time(void)
{
    FILETIME before, after, from_st;
    SYSTEMTIME st, st2;

    GetSystemTimeAsFileTime(&before);
    GetSystemTime(&st);
    GetSystemTimeAsFileTime(&after);
    ok(st.wYear >= 2000 && st.wYear <= 30827 && st.wMonth >= 1 && st.wMonth <= 12 &&
       st.wDay >= 1 && st.wDay <= 31 && st.wDayOfWeek <= 6 && st.wHour < 24 && st.wMinute < 60 &&
       st.wSecond < 60 && st.wMilliseconds < 1000, "GetSystemTime out of range\n");
    ok(ft64(&before) > EPOCH_1970, "system time before 1970\n");

    /* Both read one clock: the SYSTEMTIME lies between the two FILETIMEs,
     * give or take its millisecond truncation. */
    SystemTimeToFileTime(&st, &from_st);
    ok(ft64(&from_st) + 10000 > ft64(&before) && ft64(&from_st) <= ft64(&after),
       "GetSystemTime %I64u not within [%I64u, %I64u]\n", ft64(&from_st), ft64(&before), ft64(&after));

    /* The day of the week matches the date. */
    FileTimeToSystemTime(&from_st, &st2);
    ok(st2.wDayOfWeek == st.wDayOfWeek, "day of week %u, computed %u\n", st.wDayOfWeek, st2.wDayOfWeek);
}

/* The bias in effect now, in minutes: UTC = local + bias. */
static LONG current_bias(DWORD id, const TIME_ZONE_INFORMATION *tz)
{
    if (id == TIME_ZONE_ID_DAYLIGHT) return tz->Bias + tz->DaylightBias;
    if (id == TIME_ZONE_ID_STANDARD) return tz->Bias + tz->StandardBias;
    return tz->Bias;
}

static void test_time_zone(void)
{
    TIME_ZONE_INFORMATION tz;
    FILETIME utc, local, back;
    DWORD id;
    LONG bias;

    memset(&tz, 0xcc, sizeof(tz));
    id = GetTimeZoneInformation(&tz);
    ok(id == TIME_ZONE_ID_UNKNOWN || id == TIME_ZONE_ID_STANDARD || id == TIME_ZONE_ID_DAYLIGHT,
       "GetTimeZoneInformation returned %lu\n", id);
    ok(tz.Bias >= -14 * 60 && tz.Bias <= 12 * 60, "bias %ld minutes\n", tz.Bias);
    ok(tz.StandardName[0] != 0, "no standard name\n");
    bias = current_bias(id, &tz);

    GetSystemTimeAsFileTime(&utc);
    ok(FileTimeToLocalFileTime(&utc, &local), "FileTimeToLocalFileTime failed: %lu\n", GetLastError());
    ok((LONGLONG)(ft64(&local) - ft64(&utc)) == -(LONGLONG)bias * 60 * (LONGLONG)SECOND,
       "local - UTC is %I64d, bias %ld\n", (LONGLONG)(ft64(&local) - ft64(&utc)), bias);
    ok(LocalFileTimeToFileTime(&local, &back) && ft64(&back) == ft64(&utc), "local time round trip\n");
}

static void test_local_time(void)
{
    TIME_ZONE_INFORMATION tz;
    SYSTEMTIME utc_st, local_st, tz_local;
    FILETIME utc, local, expect;
    LONG bias = current_bias(GetTimeZoneInformation(&tz), &tz);

    GetLocalTime(&local_st);
    ok(local_st.wYear >= 2000 && local_st.wMonth >= 1 && local_st.wMonth <= 12 && local_st.wHour < 24,
       "GetLocalTime out of range\n");
    GetSystemTime(&utc_st);
    SystemTimeToFileTime(&utc_st, &utc);
    SystemTimeToFileTime(&local_st, &local);
    /* Taken moments apart, so compare to within a minute. */
    ok(ft64(&local) - ft64(&utc) + bias * 60 * SECOND + 60 * SECOND <= 120 * SECOND,
       "GetLocalTime and GetSystemTime disagree with bias %ld\n", bias);

    /* A NULL zone means the current one. */
    ok(SystemTimeToTzSpecificLocalTime(NULL, &utc_st, &tz_local), "SystemTimeToTzSpecificLocalTime failed: %lu\n",
       GetLastError());
    SystemTimeToFileTime(&tz_local, &local);
    expect = make_ft(ft64(&utc) - bias * 60 * SECOND);
    ok(ft64(&local) == ft64(&expect), "SystemTimeToTzSpecificLocalTime(NULL) is off by %I64d\n",
       (LONGLONG)(ft64(&local) - ft64(&expect)));
}

/* UTC+1 with no daylight time, and US Eastern time with its 2007+ rules. */
static void fill_fixed_zone(TIME_ZONE_INFORMATION *tz)
{
    memset(tz, 0, sizeof(*tz));
    tz->Bias = -60;
}

static void fill_eastern_zone(TIME_ZONE_INFORMATION *tz)
{
    static const SYSTEMTIME standard = { 0, 11, 0, 1, 2, 0, 0, 0 };  /* first Sunday of November, 2:00 */
    static const SYSTEMTIME daylight = { 0, 3, 0, 2, 2, 0, 0, 0 };   /* second Sunday of March, 2:00 */

    memset(tz, 0, sizeof(*tz));
    tz->Bias = 300;
    tz->StandardDate = standard;
    tz->DaylightDate = daylight;
    tz->DaylightBias = -60;
}

static void test_explicit_zones(void)
{
    TIME_ZONE_INFORMATION tz;
    SYSTEMTIME winter = { 2021, 1, 5, 15, 12, 0, 0, 0 }, summer = { 2021, 7, 4, 1, 12, 0, 0, 0 };
    SYSTEMTIME out, back;

    fill_fixed_zone(&tz);
    ok(SystemTimeToTzSpecificLocalTime(&tz, &winter, &out) && out.wHour == 13 && out.wDay == 15,
       "UTC+1 gave %u:%02u\n", out.wHour, out.wMinute);

    /* Daylight time is chosen by the date being converted. */
    fill_eastern_zone(&tz);
    ok(SystemTimeToTzSpecificLocalTime(&tz, &winter, &out) && out.wHour == 7,
       "Eastern winter gave %u:%02u\n", out.wHour, out.wMinute);
    ok(SystemTimeToTzSpecificLocalTime(&tz, &summer, &out) && out.wHour == 8,
       "Eastern summer gave %u:%02u\n", out.wHour, out.wMinute);
    ok(TzSpecificLocalTimeToSystemTime(&tz, &out, &back) && back.wHour == 12 && back.wDay == 1 &&
       back.wMonth == 7, "back to UTC gave %u:%02u\n", back.wHour, back.wMinute);
}

static void test_tick_count(void)
{
    DWORD t1 = GetTickCount();
    ULONGLONG t64 = GetTickCount64(), t64b;
    LARGE_INTEGER freq, c1, c2;

    ok(GetTickCount() - t1 < 0x80000000, "GetTickCount went backwards\n");
    /* The 32-bit count is the low part of the 64-bit one (taken moments apart). */
    ok((DWORD)t64 - t1 < 10000, "GetTickCount %lu and GetTickCount64 %I64u disagree\n", t1, t64);

    ok(QueryPerformanceFrequency(&freq), "QueryPerformanceFrequency failed\n");
    ok(freq.QuadPart > 0, "performance frequency %I64d\n", freq.QuadPart);
    ok(QueryPerformanceCounter(&c1), "QueryPerformanceCounter failed\n");
    ok(QueryPerformanceCounter(&c2) && c2.QuadPart >= c1.QuadPart, "performance counter went backwards\n");

    /* 20 ms is more than one tick (15.6 ms at most), so both clocks move. */
    Sleep(20);
    t64b = GetTickCount64();
    QueryPerformanceCounter(&c2);
    ok(t64b > t64, "GetTickCount64 did not advance across Sleep(20)\n");
    ok(c2.QuadPart > c1.QuadPart, "performance counter did not advance across Sleep(20)\n");
}

int main(int argc, char **argv)
{
    test_start("kernel32:time");
    test_known_conversions();
    test_invalid_conversions();
    test_compare_file_time();
    test_dos_date_time();
    test_system_time();
    test_time_zone();
    test_local_time();
    test_explicit_zones();
    test_tick_count();
    return test_summary();
}
