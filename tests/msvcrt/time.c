/*
 * tests/msvcrt/time.c — <time.h> of msvcrt.dll: time() against the system
 * clock, gmtime/localtime/mktime/_mkgmtime round trips on fixed dates,
 * strftime and asctime formatting in the C locale, clock, _ftime, difftime.
 *
 * Build with -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin (see printf.c).
 */
#include "test.h"
#include <time.h>
#include <sys/timeb.h>
#include <errno.h>

#define BILLION ((time_t)1000000000)   /* 2001-09-09 01:46:40 UTC, a Sunday */

static void test_time(void)
{
    FILETIME ft;
    ULARGE_INTEGER u;
    time_t t, t2, sys;

    GetSystemTimeAsFileTime(&ft);
    t = time(&t2);
    u.LowPart = ft.dwLowDateTime;
    u.HighPart = ft.dwHighDateTime;
    /* 100 ns units since 1601 to seconds since 1970 */
    sys = (time_t)((u.QuadPart - 116444736000000000ull) / 10000000);
    ok(t == t2, "time() result and argument differ\n");
    ok(t - sys >= 0 && t - sys <= 5, "time() %lld vs system %lld\n", (long long)t, (long long)sys);
}

static void test_gmtime(void)
{
    time_t t = 0;
    struct tm *tm = gmtime(&t);

    ok(tm && tm->tm_year == 70 && tm->tm_mon == 0 && tm->tm_mday == 1 && tm->tm_hour == 0
       && tm->tm_wday == 4 && tm->tm_yday == 0 && tm->tm_isdst == 0, "gmtime(0)\n");
    t = BILLION;
    tm = gmtime(&t);
    ok(tm && tm->tm_year == 101 && tm->tm_mon == 8 && tm->tm_mday == 9 && tm->tm_hour == 1
       && tm->tm_min == 46 && tm->tm_sec == 40 && tm->tm_wday == 0 && tm->tm_yday == 251,
       "gmtime(1e9)\n");
    ok(tm && _mkgmtime(tm) == BILLION, "_mkgmtime\n");
    /* 2000-02-29 exists: a leap year divisible by 400 */
    t = 951782400;
    tm = gmtime(&t);
    ok(tm && tm->tm_mon == 1 && tm->tm_mday == 29, "leap day 2000\n");
    /* msvcrt has no dates before 1970 */
    t = -1;
    ok(gmtime(&t) == NULL, "gmtime(-1) succeeded\n");
}

static void test_localtime(void)
{
    time_t t = BILLION, back;
    struct tm copy, *tm = localtime(&t);

    ok(tm != NULL, "localtime\n");
    if (!tm) return;
    copy = *tm;
    back = mktime(&copy);
    ok(back == BILLION, "mktime(localtime(t)) = %lld\n", (long long)back);

    /* mktime normalises out-of-range fields */
    copy = *tm;
    copy.tm_mday += 30;
    back = mktime(&copy);
    ok(back == BILLION + 30 * 86400 || back == BILLION + 30 * 86400 - 3600
       || back == BILLION + 30 * 86400 + 3600, "mktime normalising: %lld\n", (long long)back);
    ok(copy.tm_mon == tm->tm_mon + 1 || copy.tm_mon == tm->tm_mon, "tm_mon normalised\n");
    ok(copy.tm_mday >= 1 && copy.tm_mday <= 31, "tm_mday normalised: %d\n", copy.tm_mday);
}

static void test_strftime(void)
{
    time_t t = BILLION;
    struct tm *tm = gmtime(&t);
    char buf[128];
    size_t n;

    n = strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %a %b %j %%", tm);
    ok(n == 33 && !strcmp(buf, "2001-09-09 01:46:40 Sun Sep 252 %"), "strftime: %u \"%s\"\n", (unsigned)n, buf);
    strftime(buf, sizeof(buf), "%A %B %y %I %p %w %U", tm);
    ok(!strcmp(buf, "Sunday September 01 01 AM 0 36"), "strftime names: \"%s\"\n", buf);
    /* the C locale's %c, %x and %X */
    strftime(buf, sizeof(buf), "%c|%x|%X", tm);
    ok(!strcmp(buf, "09/09/01 01:46:40|09/09/01|01:46:40"), "strftime %%c: \"%s\"\n", buf);
    /* too small a buffer: 0 */
    ok(strftime(buf, 5, "%Y-%m-%d", tm) == 0, "strftime overflow\n");
    ok(!strcmp(asctime(tm), "Sun Sep 09 01:46:40 2001\n"), "asctime: %s", asctime(tm));
}

static void test_clock(void)
{
    struct _timeb tb;
    time_t now;

    ok(clock() >= 0, "clock\n");
    ok(CLOCKS_PER_SEC == 1000, "CLOCKS_PER_SEC\n");
    _ftime(&tb);
    now = time(NULL);
    ok(tb.millitm < 1000, "_ftime millitm %u\n", tb.millitm);
    ok(now - tb.time >= 0 && now - tb.time <= 5, "_ftime time\n");
    ok(difftime(10, 4) == 6.0 && difftime(4, 10) == -6.0, "difftime\n");
}

int main(int argc, char **argv)
{
    test_start("msvcrt:time");
    test_time();
    test_gmtime();
    test_localtime();
    test_strftime();
    test_clock();
    return test_summary();
}
