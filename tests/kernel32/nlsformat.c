/*
 * tests/kernel32/nlsformat.c — formatting for en-US and the invariant
 * locale: GetDateFormat/GetTimeFormat/GetNumberFormat/GetCurrencyFormat
 * (W and A, with and without NUMBERFMT/CURRENCYFMT), GetCalendarInfo
 * (A, W, Ex), the enumerations of calendars and date and time formats,
 * GetDurationFormat(Ex).
 */
#include "test.h"
#include <wchar.h>

#define EN_US MAKELCID(MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US), SORT_DEFAULT)

static const SYSTEMTIME when = { 2024, 3, 2, 5, 14, 7, 9, 0 };   /* Tuesday 5 March 2024 14:07:09 */

static void test_date_time(void)
{
    char buf[64];
    WCHAR bufW[64];
    int ret;

    ret = GetDateFormatA(EN_US, 0, &when, NULL, buf, sizeof(buf));
    ok(ret == 9 && !strcmp(buf, "3/5/2024"), "short date %d %s\n", ret, buf);
    ret = GetDateFormatA(EN_US, DATE_LONGDATE, &when, NULL, buf, sizeof(buf));
    ok(ret == 23 && !strcmp(buf, "Tuesday, March 5, 2024"), "long date %d %s\n", ret, buf);
    ret = GetDateFormatA(EN_US, 0, &when, "ddd',' dd MMM yy", buf, sizeof(buf));
    ok(ret == 15 && !strcmp(buf, "Tue, 05 Mar 24"), "picture %d %s\n", ret, buf);
    ret = GetDateFormatW(EN_US, DATE_YEARMONTH, &when, NULL, bufW, 64);
    ok(ret == 11 && !wcscmp(bufW, L"March 2024"), "year month %d %ls\n", ret, bufW);
    ret = GetDateFormatW(LOCALE_INVARIANT, 0, &when, NULL, bufW, 64);
    ok(ret == 11 && !wcscmp(bufW, L"03/05/2024"), "invariant %d %ls\n", ret, bufW);
    ok(GetDateFormatA(EN_US, 0, &when, NULL, NULL, 0) == 9, "size query\n");
    SetLastError(0xdeadbeef);
    ret = GetDateFormatA(EN_US, 0, &when, NULL, buf, 3);
    ok(!ret, "short buffer accepted\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ret = GetDateFormatA(EN_US, DATE_LONGDATE, &when, "yyyy", buf, sizeof(buf));
    ok(!ret, "flags with a picture accepted\n");
    ok(GetLastError() == ERROR_INVALID_FLAGS, "error %lu\n", GetLastError());

    ret = GetTimeFormatA(EN_US, 0, &when, NULL, buf, sizeof(buf));
    ok(ret == 11 && !strcmp(buf, "2:07:09 PM"), "time %d %s\n", ret, buf);
    ret = GetTimeFormatA(EN_US, TIME_NOSECONDS, &when, NULL, buf, sizeof(buf));
    ok(ret == 8 && !strcmp(buf, "2:07 PM"), "no seconds %d %s\n", ret, buf);
    ret = GetTimeFormatA(EN_US, 0, &when, "HH'h'mm", buf, sizeof(buf));
    ok(ret == 6 && !strcmp(buf, "14h07"), "picture %d %s\n", ret, buf);
    ret = GetTimeFormatW(LOCALE_INVARIANT, 0, &when, NULL, bufW, 64);
    ok(ret == 9 && !wcscmp(bufW, L"14:07:09"), "invariant %d %ls\n", ret, bufW);
}

static void test_numbers(void)
{
    NUMBERFMTA nf = { 3, 0, 32, (char *)",", (char *)" ", 4 };
    CURRENCYFMTA cf = { 2, 1, 3, (char *)".", (char *)",", 1, 3, (char *)"EUR" };
    char buf[64];
    WCHAR bufW[64];
    int ret;

    ret = GetNumberFormatA(EN_US, 0, "-1234.567", NULL, buf, sizeof(buf));
    ok(ret == 10 && !strcmp(buf, "-1,234.57"), "number %d %s\n", ret, buf);
    /* Wine 8 groups only the last three digits */
    ret = GetNumberFormatA(EN_US, 0, "1234567", NULL, buf, sizeof(buf));
    todo_wine(ret == 13 && !strcmp(buf, "1,234,567.00"), "seven digits %d %s\n", ret, buf);
    ret = GetNumberFormatA(EN_US, 0, "-1234567.891", &nf, buf, sizeof(buf));
    ok(ret == 16 && !strcmp(buf, "12 34 567,891 -"), "NUMBERFMTA %d %s\n", ret, buf);
    ret = GetNumberFormatA(EN_US, 0, "0.5", NULL, buf, sizeof(buf));
    ok(ret == 5 && !strcmp(buf, "0.50"), "leading zero %d %s\n", ret, buf);
    SetLastError(0xdeadbeef);
    ret = GetNumberFormatA(EN_US, 0, "12a", NULL, buf, sizeof(buf));
    ok(!ret, "bad number accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    /* Wine 8's GetNumberFormatA answers a size query with a wrong size */
    ret = GetNumberFormatA(EN_US, 0, "-1234.567", NULL, NULL, 0);
    todo_wine(ret == 10, "size query %d\n", ret);

    ret = GetCurrencyFormatA(EN_US, 0, "-1234.567", NULL, buf, sizeof(buf));
    ok(ret == 12 && !strcmp(buf, "($1,234.57)"), "currency %d %s\n", ret, buf);
    ret = GetCurrencyFormatA(EN_US, 0, "-1234567.891", &cf, buf, sizeof(buf));
    ok(ret == 17 && !strcmp(buf, "-EUR1,234,567.89"), "CURRENCYFMTA negative %d %s\n", ret, buf);
    ret = GetCurrencyFormatA(EN_US, 0, "1234567.891", &cf, buf, sizeof(buf));
    ok(ret == 17 && !strcmp(buf, "1,234,567.89 EUR"), "CURRENCYFMTA positive %d %s\n", ret, buf);
    ret = GetCurrencyFormatW(LOCALE_INVARIANT, 0, L"-12.5", NULL, bufW, 64);
    ok(ret == 9 && !wcscmp(bufW, L"(\x00a4" L"12.50)"), "invariant currency %d %ls\n", ret, bufW);
}

static void test_calendar_info(void)
{
    static const struct { CALTYPE type; const WCHAR *value; } en_us[] =
    {
        { CAL_ICALINTVALUE, L"1" }, { CAL_SCALNAME, L"Gregorian Calendar" }, { CAL_IYEAROFFSETRANGE, L"0" },
        { CAL_SSHORTDATE, L"M/d/yyyy" }, { CAL_SLONGDATE, L"dddd, MMMM d, yyyy" }, { CAL_SDAYNAME1, L"Monday" },
        { CAL_SDAYNAME7, L"Sunday" }, { CAL_SABBREVDAYNAME3, L"Wed" }, { CAL_SMONTHNAME1, L"January" },
        { CAL_SMONTHNAME12, L"December" }, { CAL_SMONTHNAME13, L"" }, { CAL_SABBREVMONTHNAME9, L"Sep" },
        { CAL_SYEARMONTH, L"MMMM yyyy" }, { CAL_ITWODIGITYEARMAX, L"2049" }, { CAL_SSHORTESTDAYNAME2, L"Tu" },
        { CAL_SMONTHDAY, L"MMMM d" },
    };
    WCHAR buf[64];
    char bufA[64];
    DWORD value;
    unsigned int i;
    int ret;

    for (i = 0; i < sizeof(en_us) / sizeof(en_us[0]); i++)
    {
        ret = GetCalendarInfoW(EN_US, CAL_GREGORIAN, en_us[i].type, buf, 64, NULL);
        ok(ret == (int)wcslen(en_us[i].value) + 1 && !wcscmp(buf, en_us[i].value), "type %#lx: %d %ls\n",
           en_us[i].type, ret, ret ? buf : L"");
    }
    value = 0;
    ret = GetCalendarInfoW(EN_US, CAL_GREGORIAN, CAL_ITWODIGITYEARMAX | CAL_RETURN_NUMBER, NULL, 0, &value);
    ok(ret == 2 && value == 2049, "two-digit year max %d %lu\n", ret, value);
    value = 0;
    ret = GetCalendarInfoA(EN_US, CAL_GREGORIAN, CAL_ICALINTVALUE | CAL_RETURN_NUMBER, NULL, 0, &value);
    ok(ret == 4 && value == 1, "A calendar id %d %lu\n", ret, value);
    SetLastError(0xdeadbeef);
    ret = GetCalendarInfoW(EN_US, CAL_GREGORIAN, CAL_SDAYNAME1 | CAL_RETURN_NUMBER, NULL, 0, &value);
    ok(!ret, "a day name as a number\n");
    ok(GetLastError() == ERROR_INVALID_FLAGS, "error %lu\n", GetLastError());

    ret = GetCalendarInfoA(EN_US, CAL_GREGORIAN, CAL_SMONTHNAME2, bufA, sizeof(bufA), NULL);
    ok(ret == 9 && !strcmp(bufA, "February"), "A month %d %s\n", ret, bufA);
    ok(GetCalendarInfoW(EN_US, CAL_GREGORIAN, CAL_SMONTHNAME1, NULL, 0, NULL) == 8, "size query\n");
    SetLastError(0xdeadbeef);
    ret = GetCalendarInfoW(EN_US, CAL_GREGORIAN, CAL_SMONTHNAME1, buf, 3, NULL);
    ok(!ret, "short buffer accepted\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ret = GetCalendarInfoW(EN_US, 99, CAL_SMONTHNAME1, buf, 64, NULL);
    ok(!ret, "calendar 99 accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());

    ret = GetCalendarInfoW(LOCALE_INVARIANT, CAL_GREGORIAN, CAL_SSHORTDATE, buf, 64, NULL);
    ok(ret && !wcscmp(buf, L"MM/dd/yyyy"), "invariant short date %ls\n", buf);
    ret = GetCalendarInfoEx(L"en-US", CAL_GREGORIAN, NULL, CAL_SYEARMONTH, buf, 64, NULL);
    ok(ret && !wcscmp(buf, L"MMMM yyyy"), "Ex year month %ls\n", buf);
}

static int seen, seen_first_ok, seen_cal_ok, seen_param_ok;
static const WCHAR *expect_first;

static BOOL CALLBACK date_w(LPWSTR fmt)
{
    if (!seen++ && !wcscmp(fmt, expect_first)) seen_first_ok++;
    return TRUE;
}

static BOOL CALLBACK date_a(LPSTR fmt)
{
    if (!seen++ && !strcmp(fmt, "M/d/yyyy")) seen_first_ok++;
    return TRUE;
}

static BOOL CALLBACK date_exw(LPWSTR fmt, CALID cal)
{
    if (!seen++ && !wcscmp(fmt, expect_first)) seen_first_ok++;
    if (cal == CAL_GREGORIAN) seen_cal_ok++;
    return TRUE;
}

static BOOL CALLBACK date_exex(LPWSTR fmt, CALID cal, LPARAM param)
{
    if (!seen++ && !wcscmp(fmt, expect_first)) seen_first_ok++;
    if (param == 0x4d) seen_param_ok++;
    return TRUE;
}

static BOOL CALLBACK time_ex(LPWSTR fmt, LPARAM param)
{
    if (!seen++ && !wcscmp(fmt, expect_first)) seen_first_ok++;
    if (param == 5) seen_param_ok++;
    return TRUE;
}

static BOOL CALLBACK stop(LPWSTR fmt)
{
    seen++;
    return FALSE;
}

static BOOL CALLBACK cal_exex(LPWSTR str, CALID cal, LPWSTR reserved, LPARAM param)
{
    if (!seen++ && !wcscmp(str, expect_first)) seen_first_ok++;
    if (cal == CAL_GREGORIAN && param == 9) seen_param_ok++;
    return TRUE;
}

#define RESET(first) (seen = seen_first_ok = seen_cal_ok = seen_param_ok = 0, expect_first = (first))

static void test_enum_formats(void)
{
    /* the locale's own format comes first */
    RESET(NULL);
    ok(EnumDateFormatsA(date_a, EN_US, DATE_SHORTDATE), "EnumDateFormatsA failed\n");
    ok(seen >= 1 && seen_first_ok == 1, "short dates: %d, first ok %d\n", seen, seen_first_ok);
    RESET(L"dddd, MMMM d, yyyy");
    ok(EnumDateFormatsW(date_w, EN_US, DATE_LONGDATE), "EnumDateFormatsW failed\n");
    ok(seen >= 1 && seen_first_ok == 1, "long dates: %d, first ok %d\n", seen, seen_first_ok);
    RESET(L"MMMM yyyy");
    ok(EnumDateFormatsW(date_w, EN_US, DATE_YEARMONTH), "year month failed\n");
    ok(seen >= 1 && seen_first_ok == 1, "year month: %d, first ok %d\n", seen, seen_first_ok);
    RESET(L"M/d/yyyy");
    ok(EnumDateFormatsExW(date_exw, EN_US, DATE_SHORTDATE), "EnumDateFormatsExW failed\n");
    ok(seen_first_ok == 1 && seen_cal_ok == seen, "Ex: first ok %d, calendar %d of %d\n", seen_first_ok,
       seen_cal_ok, seen);
    RESET(L"M/d/yyyy");
    ok(EnumDateFormatsExEx(date_exex, L"en-US", DATE_SHORTDATE, 0x4d), "EnumDateFormatsExEx failed\n");
    ok(seen_first_ok == 1 && seen_param_ok == seen, "ExEx: first ok %d, param %d of %d\n", seen_first_ok,
       seen_param_ok, seen);
    RESET(L"MM/dd/yyyy");
    ok(EnumDateFormatsW(date_w, LOCALE_INVARIANT, DATE_SHORTDATE), "invariant failed\n");
    ok(seen_first_ok == 1, "invariant first ok %d\n", seen_first_ok);
    RESET(NULL);
    ok(EnumDateFormatsW(stop, EN_US, DATE_SHORTDATE), "stopped enumeration failed\n");
    ok(seen == 1, "went on after FALSE: %d\n", seen);

    RESET(L"h:mm:ss tt");
    ok(EnumTimeFormatsW(date_w, EN_US, 0), "EnumTimeFormatsW failed\n");
    ok(seen >= 2 && seen_first_ok == 1, "times: %d, first ok %d\n", seen, seen_first_ok);
    RESET(L"h:mm tt");
    ok(EnumTimeFormatsW(date_w, EN_US, TIME_NOSECONDS), "short times failed\n");
    ok(seen >= 2 && seen_first_ok == 1, "short times: %d, first ok %d\n", seen, seen_first_ok);
    RESET(L"h:mm:ss tt");
    ok(EnumTimeFormatsEx(time_ex, L"en-US", 0, 5), "EnumTimeFormatsEx failed\n");
    ok(seen_first_ok == 1 && seen_param_ok == seen, "Ex: first ok %d, param %d of %d\n", seen_first_ok,
       seen_param_ok, seen);
    RESET(L"HH:mm:ss");
    ok(EnumTimeFormatsW(date_w, LOCALE_INVARIANT, 0), "invariant times failed\n");
    ok(seen == 1 && seen_first_ok == 1, "invariant times: %d, first ok %d\n", seen, seen_first_ok);

    RESET(L"January");
    ok(EnumCalendarInfoW(date_w, EN_US, ENUM_ALL_CALENDARS, CAL_SMONTHNAME1), "EnumCalendarInfoW failed\n");
    ok(seen == 1 && seen_first_ok == 1, "month names: %d, first ok %d\n", seen, seen_first_ok);
    RESET(L"1");
    ok(EnumCalendarInfoW(date_w, EN_US, ENUM_ALL_CALENDARS, CAL_ICALINTVALUE), "calendar ids failed\n");
    ok(seen == 1 && seen_first_ok == 1, "calendar ids: %d, first ok %d\n", seen, seen_first_ok);
    RESET(L"Gregorian Calendar");
    ok(EnumCalendarInfoExW(date_exw, EN_US, ENUM_ALL_CALENDARS, CAL_SCALNAME), "EnumCalendarInfoExW failed\n");
    ok(seen == 1 && seen_first_ok == 1 && seen_cal_ok == 1, "names: %d %d %d\n", seen, seen_first_ok, seen_cal_ok);
    RESET(L"Gregorian Calendar");
    ok(EnumCalendarInfoExEx(cal_exex, L"en-US", ENUM_ALL_CALENDARS, NULL, CAL_SCALNAME, 9),
       "EnumCalendarInfoExEx failed\n");
    ok(seen == 1 && seen_first_ok == 1 && seen_param_ok == 1, "ExEx: %d %d %d\n", seen, seen_first_ok,
       seen_param_ok);
}

static void test_duration(void)
{
    static const struct { ULONGLONG ticks; const WCHAR *format, *result; } tests[] =
    {
        { 0, NULL, L"00:00:00" },
        { 37230000000ULL, NULL, L"01:02:03" },
        { 900000000000ULL, NULL, L"25:00:00" },              /* the largest unit takes the rest */
        { 900000000000ULL, L"d h:mm:ss", L"1 1:00:00" },
        { 36600000000ULL, L"m", L"61" },
        { 15000000ULL, L"s.fff", L"1.500" },
        { 12345678ULL, L"s.fffffffff", L"1.234567800" },
        { 50000000ULL, L"ss' seconds'", L"05 seconds" },
    };
    SYSTEMTIME st;
    WCHAR buf[64];
    unsigned int i;
    int ret;

    /* Wine 8 has no GetDurationFormat(Ex) (the call ends the process) */
    if (test_is("wine"))
    {
        skip("GetDurationFormat: not in Wine 8\n");
        return;
    }
    for (i = 0; i < sizeof(tests) / sizeof(tests[0]); i++)
    {
        ret = GetDurationFormat(EN_US, 0, NULL, tests[i].ticks, tests[i].format, buf, 64);
        ok(ret == (int)wcslen(tests[i].result) + 1 && !wcscmp(buf, tests[i].result), "%I64u '%ls': %d %ls\n",
           tests[i].ticks, tests[i].format ? tests[i].format : L"", ret, ret ? buf : L"");
    }
    memset(&st, 0, sizeof(st));
    st.wHour = 1;
    st.wMinute = 2;
    st.wSecond = 3;
    st.wMilliseconds = 400;
    ret = GetDurationFormatEx(L"en-US", 0, &st, 99, L"hh:mm:ss.ff", buf, 64);
    ok(ret == 12 && !wcscmp(buf, L"01:02:03.40"), "SYSTEMTIME duration %d %ls\n", ret, buf);
    ok(GetDurationFormat(EN_US, 0, NULL, 0, NULL, NULL, 0) == 9, "size query\n");
    SetLastError(0xdeadbeef);
    ret = GetDurationFormat(EN_US, LOCALE_NOUSEROVERRIDE, NULL, 0, L"ss", buf, 64);
    ok(!ret, "flags with a format accepted\n");
    ok(GetLastError() == ERROR_INVALID_FLAGS, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ret = GetDurationFormat(EN_US, 0, NULL, 0, NULL, buf, 3);
    ok(!ret, "short buffer accepted\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
}

int main(void)
{
    test_start("kernel32:nlsformat");
    test_date_time();
    test_numbers();
    test_calendar_info();
    test_enum_formats();
    test_duration();
    return test_summary();
}
