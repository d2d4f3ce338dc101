/*
 * Time: time/_time32/_time64, _ftime, gmtime/localtime/mktime/_mkgmtime
 * (32- and 64-bit), asctime/ctime, strftime/wcsftime in the "C" locale,
 * clock, the time zone (_tzset from TZ or the system, _timezone,
 * _daylight, _dstbias, _tzname), _strdate/_strtime.
 * The unsuffixed names (time, gmtime, ...) are 64-bit on x64; the .spec
 * maps them onto the _*64 functions.
 */
#include "private.h"
#include <string.h>
#include <sys/timeb.h>
#include <wchar.h>

#define SECS_PER_DAY     86400
#define TICKS_1601_TO_1970 116444736000000000ULL
/* 3000-12-31 23:59:59 Pacific (3001-01-01 07:59:59 UTC), as Wine's msvcrt
 * and a Windows test of ucrtbase show; ucrtbase allows 13 more hours
 * (_MAX_LOCAL_TIME) */
#define MAX_TIME64       (32535244799LL + (MSVCRT_IS_UCRT ? 13 * 3600 : 0))
#define MAX_TIME32       0x7fffffffLL

long msvcrt_timezone = 8 * 3600;          /* PST8PDT until _tzset (documented default) */
int msvcrt_daylight = 1;
long msvcrt_dstbias = -3600;
static char tzname_std[64] = "PST", tzname_dst[64] = "PDT";
char *msvcrt_tzname[2] = { tzname_std, tzname_dst };
static wchar_t wtzname_std[64] = L"PST", wtzname_dst[64] = L"PDT";

/* DST transitions from the system (SYSTEMTIME rules) or US rules for TZ */
static SYSTEMTIME dst_start, dst_end;
static LONG tz_initialized;

/* ---- calendar arithmetic ---- */

static BOOL is_leap(__int64 year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* days from 1970-01-01 to year-mon-01 (mon 0..11, any year) */
static __int64 days_from_civil(__int64 year, int mon)
{
    static const int before[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
    __int64 y = year - 1, days;

    days = 365 * (year - 1970) + (y / 4 - y / 100 + y / 400) - (1969 / 4 - 1969 / 100 + 1969 / 400);
    return days + before[mon] + (mon > 1 && is_leap(year));
}

static void tm_from_seconds(__int64 secs, struct tm *tm)
{
    __int64 days = secs / SECS_PER_DAY, rem = secs % SECS_PER_DAY, year;
    int mon;

    if (rem < 0) { rem += SECS_PER_DAY; days--; }
    tm->tm_hour = rem / 3600;
    tm->tm_min = rem / 60 % 60;
    tm->tm_sec = rem % 60;
    tm->tm_wday = (int)(((days + 4) % 7 + 7) % 7);   /* 1970-01-01 was a Thursday */
    year = 1970 + days / 366;
    while (days_from_civil(year + 1, 0) <= days) year++;
    while (days_from_civil(year, 0) > days) year--;
    tm->tm_yday = days - days_from_civil(year, 0);
    for (mon = 11; days_from_civil(year, mon) > days; mon--) ;
    tm->tm_mon = mon;
    tm->tm_mday = days - days_from_civil(year, mon) + 1;
    tm->tm_year = year - 1900;
    tm->tm_isdst = 0;
}

/* fields to seconds, normalizing out-of-range fields as mktime does */
static __int64 seconds_from_tm(const struct tm *tm)
{
    __int64 year = 1900 + (__int64)tm->tm_year, mon = tm->tm_mon;

    year += mon / 12;
    mon %= 12;
    if (mon < 0) { mon += 12; year--; }
    return (days_from_civil(year, mon) + tm->tm_mday - 1) * SECS_PER_DAY +
           (__int64)tm->tm_hour * 3600 + (__int64)tm->tm_min * 60 + tm->tm_sec;
}

/* ---- time zone ---- */

/* A SYSTEMTIME transition rule: month, week (5 = last), weekday, hour. */
static __int64 transition_seconds(const SYSTEMTIME *rule, __int64 year)
{
    __int64 first = days_from_civil(year, rule->wMonth - 1), day;
    int wday = (int)(((first + 4) % 7 + 7) % 7);
    int month_days = (int)(days_from_civil(rule->wMonth == 12 ? year + 1 : year, rule->wMonth % 12) - first);

    day = (rule->wDayOfWeek - wday + 7) % 7 + (rule->wDay - 1) * 7;
    while (day >= month_days) day -= 7;
    return (first + day) * SECS_PER_DAY + rule->wHour * 3600 + rule->wMinute * 60;
}

static void set_us_rules(void)
{
    /* msvcrt applies the US rules to a TZ with a DST name; ucrtbase knows 2007's change */
    memset(&dst_start, 0, sizeof(dst_start));
    memset(&dst_end, 0, sizeof(dst_end));
    dst_start.wMonth = MSVCRT_IS_UCRT ? 3 : 4;
    dst_start.wDay = MSVCRT_IS_UCRT ? 2 : 1;
    dst_start.wHour = 2;
    dst_end.wMonth = MSVCRT_IS_UCRT ? 11 : 10;
    dst_end.wDay = MSVCRT_IS_UCRT ? 1 : 5;
    dst_end.wHour = 2;
}

static void copy_name(char *dst, wchar_t *wdst, const wchar_t *src)
{
    lstrcpynW(wdst, src, 64);
    WideCharToMultiByte(CP_ACP, 0, wdst, -1, dst, 64, NULL, NULL);
}

/* "PST8PDT", "EST5", "CET-1CEST": name, hours west [:mm[:ss]], DST name */
static BOOL parse_tz(const char *tz)
{
    long secs = 0, part;
    int i, sign = 1;

    for (i = 0; i < 63 && *tz && ((*tz | 0x20) >= 'a' && (*tz | 0x20) <= 'z'); i++) tzname_std[i] = *tz++;
    tzname_std[i] = 0;
    if (*tz == '-' || *tz == '+') sign = *tz++ == '-' ? -1 : 1;
    for (part = 0; *tz >= '0' && *tz <= '9'; tz++) part = part * 10 + *tz - '0';
    secs = part * 3600;
    if (*tz == ':')
    {
        for (tz++, part = 0; *tz >= '0' && *tz <= '9'; tz++) part = part * 10 + *tz - '0';
        secs += part * 60;
        if (*tz == ':')
        {
            for (tz++, part = 0; *tz >= '0' && *tz <= '9'; tz++) part = part * 10 + *tz - '0';
            secs += part;
        }
    }
    msvcrt_timezone = sign * secs;
    for (i = 0; i < 63 && *tz; i++) tzname_dst[i] = *tz++;
    tzname_dst[i] = 0;
    msvcrt_daylight = tzname_dst[0] != 0;
    msvcrt_dstbias = -3600;
    MultiByteToWideChar(CP_ACP, 0, tzname_std, -1, wtzname_std, 64);
    MultiByteToWideChar(CP_ACP, 0, tzname_dst, -1, wtzname_dst, 64);
    set_us_rules();
    return TRUE;
}

void __cdecl _tzset(void)
{
    TIME_ZONE_INFORMATION tzi;
    char *tz = getenv("TZ");

    _lock(MSVCRT_LOCK_TIME);
    if (tz && *tz) parse_tz(tz);
    else if (GetTimeZoneInformation(&tzi) != TIME_ZONE_ID_INVALID)
    {
        msvcrt_timezone = tzi.Bias * 60 + tzi.StandardBias * 60;
        msvcrt_daylight = tzi.DaylightDate.wMonth != 0;
        msvcrt_dstbias = (tzi.DaylightBias - tzi.StandardBias) * 60;
        dst_start = tzi.DaylightDate;
        dst_end = tzi.StandardDate;
        copy_name(tzname_std, wtzname_std, tzi.StandardName);
        copy_name(tzname_dst, wtzname_dst, tzi.DaylightName);
    }
    tz_initialized = 1;
    _unlock(MSVCRT_LOCK_TIME);
}

void msvcrt_init_time(void)
{
}

static void ensure_tz(void)
{
    if (!tz_initialized) _tzset();
}

/* Is local standard time `local` (seconds) inside DST? */
static BOOL is_dst_local(__int64 local)
{
    struct tm tm;
    __int64 start, end;

    if (!msvcrt_daylight || !dst_start.wMonth || !dst_end.wMonth) return FALSE;
    tm_from_seconds(local, &tm);
    start = transition_seconds(&dst_start, tm.tm_year + 1900);
    /* the end rule is in daylight time */
    end = transition_seconds(&dst_end, tm.tm_year + 1900) + msvcrt_dstbias;
    if (start < end) return local >= start && local < end;
    return local >= start || local < end;   /* southern hemisphere */
}

/* ---- current time ---- */

static __int64 now_ticks(void)
{
    FILETIME ft;

    GetSystemTimeAsFileTime(&ft);
    return ((__int64)ft.dwHighDateTime << 32 | ft.dwLowDateTime) - TICKS_1601_TO_1970;
}

__time64_t __cdecl _time64(__time64_t *out)
{
    __time64_t t = now_ticks() / 10000000;

    if (out) *out = t;
    return t;
}

__time32_t __cdecl _time32(__time32_t *out)
{
    __time32_t t = (__time32_t)_time64(NULL);

    if (out) *out = t;
    return t;
}

static void fill_timeb(__time64_t *time, unsigned short *millitm, short *tz, short *dstflag)
{
    __int64 ticks = now_ticks();
    struct tm tm;

    ensure_tz();
    *time = ticks / 10000000;
    *millitm = (ticks / 10000) % 1000;
    *tz = msvcrt_timezone / 60;
    tm_from_seconds(*time - msvcrt_timezone, &tm);
    *dstflag = is_dst_local(*time - msvcrt_timezone);
}

void __cdecl _ftime64(struct __timeb64 *tb)
{
    fill_timeb(&tb->time, &tb->millitm, &tb->timezone, &tb->dstflag);
}

void __cdecl _ftime32(struct __timeb32 *tb)
{
    __time64_t t;

    fill_timeb(&t, &tb->millitm, &tb->timezone, &tb->dstflag);
    tb->time = (__time32_t)t;
}

errno_t __cdecl _ftime64_s(struct __timeb64 *tb)
{
    if (!tb) { msvcrt_invalid_parameter(); return *_errno() = EINVAL; }
    _ftime64(tb);
    return 0;
}

errno_t __cdecl _ftime32_s(struct __timeb32 *tb)
{
    if (!tb) { msvcrt_invalid_parameter(); return *_errno() = EINVAL; }
    _ftime32(tb);
    return 0;
}

clock_t __cdecl clock(void)
{
    /* milliseconds since the CRT started (CLOCKS_PER_SEC is 1000) */
    return (clock_t)(GetTickCount() - msvcrt_clock_start_ms);
}

double __cdecl _difftime64(__time64_t end, __time64_t start)
{
    return (double)(end - start);
}

double __cdecl _difftime32(__time32_t end, __time32_t start)
{
    return (double)(end - start);
}

/* ---- broken-down time ---- */

static errno_t gmtime_checked(struct tm *tm, __int64 t, __int64 max)
{
    /* msvcrt refuses times before 1970 and after its limit */
    if (t < 0 || t > max)
    {
        memset(tm, 0xff, sizeof(*tm));
        return EINVAL;
    }
    tm_from_seconds(t, tm);
    return 0;
}

static errno_t localtime_checked(struct tm *tm, __int64 t, __int64 max)
{
    __int64 local;

    if (t < 0 || t > max)
    {
        memset(tm, 0xff, sizeof(*tm));
        return EINVAL;
    }
    ensure_tz();
    local = t - msvcrt_timezone;
    if (is_dst_local(local))
    {
        tm_from_seconds(local - msvcrt_dstbias, tm);
        tm->tm_isdst = 1;
    }
    else tm_from_seconds(local, tm);
    return 0;
}

static struct tm *tm_result(errno_t err)
{
    if (!err) return &msvcrt_get_thread_data()->tm_buffer;
    *_errno() = err;
    return NULL;
}

struct tm * __cdecl _gmtime64(const __time64_t *t)
{
    if (!t) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return NULL; }
    return tm_result(gmtime_checked(&msvcrt_get_thread_data()->tm_buffer, *t, MAX_TIME64));
}

struct tm * __cdecl _gmtime32(const __time32_t *t)
{
    if (!t) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return NULL; }
    return tm_result(gmtime_checked(&msvcrt_get_thread_data()->tm_buffer, *t, MAX_TIME32));
}

struct tm * __cdecl _localtime64(const __time64_t *t)
{
    if (!t) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return NULL; }
    return tm_result(localtime_checked(&msvcrt_get_thread_data()->tm_buffer, *t, MAX_TIME64));
}

struct tm * __cdecl _localtime32(const __time32_t *t)
{
    if (!t) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return NULL; }
    return tm_result(localtime_checked(&msvcrt_get_thread_data()->tm_buffer, *t, MAX_TIME32));
}

static errno_t checked_s(struct tm *tm, const void *t, int errcode)
{
    if (!tm || !t)
    {
        if (tm) memset(tm, 0xff, sizeof(*tm));
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    if (errcode) *_errno() = errcode;
    return errcode;
}

errno_t __cdecl _gmtime64_s(struct tm *tm, const __time64_t *t)
{
    errno_t err = checked_s(tm, t, 0);
    return err ? err : checked_s(tm, t, gmtime_checked(tm, *t, MAX_TIME64));
}

errno_t __cdecl _gmtime32_s(struct tm *tm, const __time32_t *t)
{
    errno_t err = checked_s(tm, t, 0);
    return err ? err : checked_s(tm, t, gmtime_checked(tm, *t, MAX_TIME32));
}

errno_t __cdecl _localtime64_s(struct tm *tm, const __time64_t *t)
{
    errno_t err = checked_s(tm, t, 0);
    return err ? err : checked_s(tm, t, localtime_checked(tm, *t, MAX_TIME64));
}

errno_t __cdecl _localtime32_s(struct tm *tm, const __time32_t *t)
{
    errno_t err = checked_s(tm, t, 0);
    return err ? err : checked_s(tm, t, localtime_checked(tm, *t, MAX_TIME32));
}

static __int64 make_time(struct tm *tm, BOOL local, __int64 max)
{
    __int64 t = seconds_from_tm(tm);
    int isdst = 0;

    if (local)
    {
        ensure_tz();
        /* tm_isdst > 0: the fields are daylight time; < 0: find out */
        if (tm->tm_isdst > 0 || (tm->tm_isdst < 0 && is_dst_local(t))) isdst = msvcrt_daylight;
        t += msvcrt_timezone + (isdst ? msvcrt_dstbias : 0);
    }
    if (t < 0 || t > max)
    {
        *_errno() = EINVAL;
        return -1;
    }
    if (local) localtime_checked(tm, t, max);
    else tm_from_seconds(t, tm);
    return t;
}

__time64_t __cdecl _mktime64(struct tm *tm)
{
    if (!tm) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return -1; }
    return make_time(tm, TRUE, MAX_TIME64);
}

__time32_t __cdecl _mktime32(struct tm *tm)
{
    if (!tm) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return -1; }
    return (__time32_t)make_time(tm, TRUE, MAX_TIME32);
}

__time64_t __cdecl _mkgmtime64(struct tm *tm)
{
    if (!tm) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return -1; }
    return make_time(tm, FALSE, MAX_TIME64);
}

__time32_t __cdecl _mkgmtime32(struct tm *tm)
{
    if (!tm) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return -1; }
    return (__time32_t)make_time(tm, FALSE, MAX_TIME32);
}

/* ---- text forms ---- */

static const char *const day_names[7] =
    { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" };
static const char *const month_names[12] =
    { "January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December" };

static BOOL tm_is_valid(const struct tm *tm)
{
    return tm->tm_sec >= 0 && tm->tm_sec <= 60 && tm->tm_min >= 0 && tm->tm_min <= 59 &&
           tm->tm_hour >= 0 && tm->tm_hour <= 23 && tm->tm_mday >= 1 && tm->tm_mday <= 31 &&
           tm->tm_mon >= 0 && tm->tm_mon <= 11 && tm->tm_wday >= 0 && tm->tm_wday <= 6 &&
           tm->tm_yday >= 0 && tm->tm_yday <= 365 && tm->tm_year >= 0;
}

static void put2(char *p, int v) { p[0] = '0' + v / 10 % 10; p[1] = '0' + v % 10; }

/* "Wed Jan 02 02:03:55 1980\n": msvcrt pads the day with a zero, the
   Universal CRT with a space ("Wed Jan  2 ...", as C's asctime) */
static void format_asctime(char *buf, const struct tm *tm)
{
    int year = tm->tm_year + 1900;

    memcpy(buf, day_names[tm->tm_wday], 3);
    buf[3] = ' ';
    memcpy(buf + 4, month_names[tm->tm_mon], 3);
    buf[7] = ' ';
    put2(buf + 8, tm->tm_mday);
    if (MSVCRT_IS_UCRT && buf[8] == '0') buf[8] = ' ';
    buf[10] = ' ';
    put2(buf + 11, tm->tm_hour);
    buf[13] = ':';
    put2(buf + 14, tm->tm_min);
    buf[16] = ':';
    put2(buf + 17, tm->tm_sec);
    buf[19] = ' ';
    put2(buf + 20, year / 100);
    put2(buf + 22, year % 100);
    buf[24] = '\n';
    buf[25] = 0;
}

char * __cdecl asctime(const struct tm *tm)
{
    char *buf = msvcrt_get_thread_data()->asctime_buffer;

    if (!tm || !tm_is_valid(tm))
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return NULL;
    }
    format_asctime(buf, tm);
    return buf;
}

errno_t __cdecl asctime_s(char *buf, size_t size, const struct tm *tm)
{
    if (!buf || size < 26 || !tm || !tm_is_valid(tm))
    {
        if (buf && size) buf[0] = 0;
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    format_asctime(buf, tm);
    return 0;
}

wchar_t * __cdecl _wasctime(const struct tm *tm)
{
    struct msvcrt_thread_data *data = msvcrt_get_thread_data();
    char *str = asctime(tm);
    int i;

    if (!str) return NULL;
    for (i = 0; i < 26; i++) data->wasctime_buffer[i] = (unsigned char)str[i];
    return data->wasctime_buffer;
}

char * __cdecl _ctime64(const __time64_t *t)
{
    struct tm *tm = _localtime64(t);
    return tm ? asctime(tm) : NULL;
}

char * __cdecl _ctime32(const __time32_t *t)
{
    struct tm *tm = _localtime32(t);
    return tm ? asctime(tm) : NULL;
}

wchar_t * __cdecl _wctime64(const __time64_t *t)
{
    struct tm *tm = _localtime64(t);
    return tm ? _wasctime(tm) : NULL;
}

wchar_t * __cdecl _wctime32(const __time32_t *t)
{
    struct tm *tm = _localtime32(t);
    return tm ? _wasctime(tm) : NULL;
}

errno_t __cdecl _ctime64_s(char *buf, size_t size, const __time64_t *t)
{
    struct tm tm;

    if (!buf || size < 26 || !t)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    if (localtime_checked(&tm, *t, MAX_TIME64)) return *_errno() = EINVAL;
    format_asctime(buf, &tm);
    return 0;
}

/* ---- strftime ---- */

struct out
{
    wchar_t *buf;
    size_t size, len;
    BOOL overflow;
    const struct msvcrt_time_names *names;   /* %a %A %b %B %p (timenames.c) */
};

static void out_char(struct out *o, wchar_t c)
{
    if (o->len + 1 < o->size) o->buf[o->len++] = c;
    else o->overflow = TRUE;
}

static void out_str(struct out *o, const char *s)
{
    while (*s) out_char(o, (unsigned char)*s++);
}

static void out_wstr(struct out *o, const wchar_t *s)
{
    while (*s) out_char(o, *s++);
}

static void out_num(struct out *o, int value, int width, BOOL alt)
{
    char digits[16];
    int n = 0;

    if (value < 0) { out_char(o, '-'); value = -value; }
    do digits[n++] = '0' + value % 10; while ((value /= 10));
    /* '#' drops the leading zeros */
    if (!alt) while (n < width) digits[n++] = '0';
    while (n) out_char(o, digits[--n]);
}

#ifdef WLX_UCRT
static int iso_week_year(const struct tm *tm, int *week)
{
    int year = tm->tm_year + 1900, wday = (tm->tm_wday + 6) % 7;   /* Monday = 0 */
    int w = (tm->tm_yday - wday + 10) / 7;

    if (w < 1)
    {
        int prev_days = is_leap(year - 1) ? 366 : 365;
        year--;
        w = (tm->tm_yday + prev_days - wday + 10) / 7;
    }
    else if (w == 53 && tm->tm_yday - wday + 3 >= (is_leap(year) ? 366 : 365))
    {
        year++;
        w = 1;
    }
    *week = w;
    return year;
}
#endif

static BOOL format_field(struct out *o, wchar_t conv, BOOL alt, const struct tm *tm);

static void format_sequence(struct out *o, const char *seq, const struct tm *tm)
{
    BOOL alt;

    for (; *seq; seq++)
    {
        if (*seq != '%') { out_char(o, (unsigned char)*seq); continue; }
        if ((alt = seq[1] == '#')) seq++;
        format_field(o, *++seq, alt, tm);
    }
}

static BOOL format_field(struct out *o, wchar_t conv, BOOL alt, const struct tm *tm)
{
    int hour12 = tm->tm_hour % 12 ? tm->tm_hour % 12 : 12;
#ifdef WLX_UCRT
    int week;
#endif

    switch (conv)
    {
    case 'a': out_wstr(o, o->names->wday_abbr[tm->tm_wday]); break;
    case 'A': out_wstr(o, o->names->wday[tm->tm_wday]); break;
    case 'b': out_wstr(o, o->names->month_abbr[tm->tm_mon]); break;
    case 'B': out_wstr(o, o->names->month[tm->tm_mon]); break;
    case 'c':
        if (alt) format_sequence(o, "%A, %B %#d, %Y %H:%M:%S", tm);
        else if (MSVCRT_IS_UCRT) format_sequence(o, "%a %b %e %H:%M:%S %Y", tm);  /* C99 "C" locale */
        else format_sequence(o, "%m/%d/%y %H:%M:%S", tm);
        break;
    case 'd': out_num(o, tm->tm_mday, 2, alt); break;
    case 'H': out_num(o, tm->tm_hour, 2, alt); break;
    case 'I': out_num(o, hour12, 2, alt); break;
    case 'j': out_num(o, tm->tm_yday + 1, 3, alt); break;
    case 'm': out_num(o, tm->tm_mon + 1, 2, alt); break;
    case 'M': out_num(o, tm->tm_min, 2, alt); break;
    case 'p': out_wstr(o, o->names->ampm[tm->tm_hour >= 12]); break;
    case 'S': out_num(o, tm->tm_sec, 2, alt); break;
    case 'U': out_num(o, (tm->tm_yday - tm->tm_wday + 7) / 7, 2, alt); break;
    case 'w': out_num(o, tm->tm_wday, 1, alt); break;
    case 'W': out_num(o, (tm->tm_yday - (tm->tm_wday + 6) % 7 + 7) / 7, 2, alt); break;
    case 'x':
        if (alt) format_sequence(o, "%A, %B %#d, %Y", tm);
        else format_sequence(o, "%m/%d/%y", tm);
        break;
    case 'X': format_sequence(o, "%H:%M:%S", tm); break;
    case 'y': out_num(o, (tm->tm_year + 1900) % 100, 2, alt); break;
    case 'Y': out_num(o, tm->tm_year + 1900, 1, alt); break;
    case 'Z':
        ensure_tz();
        out_wstr(o, tm->tm_isdst > 0 ? wtzname_dst : wtzname_std);
        break;
    case '%': out_char(o, '%'); break;
#ifdef WLX_UCRT
    /* C99 conversions, ucrtbase only */
    case 'z':
    {
        long bias;
        ensure_tz();
        bias = -(msvcrt_timezone + (tm->tm_isdst > 0 ? msvcrt_dstbias : 0)) / 60;
        out_char(o, bias < 0 ? '-' : '+');
        if (bias < 0) bias = -bias;
        out_num(o, bias / 60 * 100 + bias % 60, 4, FALSE);
        break;
    }
    case 'C': out_num(o, (tm->tm_year + 1900) / 100, 2, alt); break;
    case 'D': format_sequence(o, "%m/%d/%y", tm); break;
    case 'e': if (!alt && tm->tm_mday < 10) out_char(o, ' '); out_num(o, tm->tm_mday, 1, FALSE); break;
    case 'F': format_sequence(o, "%Y-%m-%d", tm); break;
    case 'g': out_num(o, iso_week_year(tm, &week) % 100, 2, alt); break;
    case 'G': out_num(o, iso_week_year(tm, &week), 1, alt); break;
    case 'V': iso_week_year(tm, &week); out_num(o, week, 2, alt); break;
    case 'h': format_field(o, 'b', FALSE, tm); break;
    case 'n': out_char(o, '\n'); break;
    case 't': out_char(o, '\t'); break;
    case 'r': format_sequence(o, "%I:%M:%S %p", tm); break;
    case 'R': format_sequence(o, "%H:%M", tm); break;
    case 'T': format_sequence(o, "%H:%M:%S", tm); break;
    case 'u': out_num(o, tm->tm_wday ? tm->tm_wday : 7, 1, FALSE); break;
#else
    case 'z': /* msvcrt: the zone's name, as %Z */
        return format_field(o, 'Z', alt, tm);
#endif
    default:
        return FALSE;
    }
    return TRUE;
}

/* Returns the length written, 0 on overflow or a bad conversion; names
   NULL: the current locale's. */
size_t msvcrt_wcsftime(wchar_t *buf, size_t size, const wchar_t *fmt, const struct tm *tm,
                       const struct msvcrt_time_names *names)
{
    struct out o = { buf, size, 0, FALSE, names ? names : &msvcrt_time_names_c };
    BOOL alt;

    if (!buf || !size || !fmt || !tm)
    {
        if (buf && size) buf[0] = 0;
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return 0;
    }
    for (; *fmt && !o.overflow; fmt++)
    {
        if (*fmt != '%') { out_char(&o, *fmt); continue; }
        if ((alt = fmt[1] == '#')) fmt++;
        if (!*++fmt || !format_field(&o, *fmt, alt, tm))
        {
            buf[0] = 0;
            msvcrt_invalid_parameter();
            *_errno() = EINVAL;
            return 0;
        }
    }
    if (o.overflow)
    {
        buf[0] = 0;
        *_errno() = ERANGE;
        return 0;
    }
    buf[o.len] = 0;
    return o.len;
}

size_t __cdecl wcsftime(wchar_t *buf, size_t size, const wchar_t *fmt, const struct tm *tm)
{
    return msvcrt_wcsftime(buf, size, fmt, tm, NULL);
}

/* strftime through the wide formatter, converted in the ANSI code page */
size_t msvcrt_strftime(char *buf, size_t size, const char *fmt, const struct tm *tm,
                       const struct msvcrt_time_names *names)
{
    wchar_t *wfmt, *wbuf;
    size_t len = 0;
    int bytes;

    if (!buf || !size || !fmt || !tm)
    {
        if (buf && size) buf[0] = 0;
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return 0;
    }
    wfmt = msvcrt_narrow_to_wide(fmt, CP_ACP);
    wbuf = malloc(size * sizeof(wchar_t));
    if (wfmt && wbuf && msvcrt_wcsftime(wbuf, size, wfmt, tm, names))
    {
        bytes = WideCharToMultiByte(CP_ACP, 0, wbuf, -1, buf, size, NULL, NULL);
        if (bytes > 0) len = bytes - 1;
        else { buf[0] = 0; *_errno() = ERANGE; }
    }
    else buf[0] = 0;
    free(wfmt);
    free(wbuf);
    return len;
}

size_t __cdecl strftime(char *buf, size_t size, const char *fmt, const struct tm *tm)
{
    return msvcrt_strftime(buf, size, fmt, tm, NULL);
}

/* the _l forms: only the "C" locale exists here */
size_t __cdecl _strftime_l(char *buf, size_t size, const char *fmt, const struct tm *tm, _locale_t locale)
{
    return strftime(buf, size, fmt, tm);
}

size_t __cdecl _wcsftime_l(wchar_t *buf, size_t size, const wchar_t *fmt, const struct tm *tm, _locale_t locale)
{
    return wcsftime(buf, size, fmt, tm);
}

/* C11 timespec_get (ucrtbase): TIME_UTC is 1 */
int __cdecl _timespec64_get(struct _timespec64 *ts, int base)
{
    __int64 ticks;

    if (!ts || base != 1)
    {
        if (!ts) msvcrt_invalid_parameter();
        return 0;
    }
    ticks = now_ticks();
    ts->tv_sec = ticks / 10000000;
    ts->tv_nsec = (long)(ticks % 10000000) * 100;
    return base;
}

/* ---- zone variables ---- */

long * __cdecl __p__timezone(void) { ensure_tz(); return &msvcrt_timezone; }
int * __cdecl __p__daylight(void) { ensure_tz(); return &msvcrt_daylight; }
long * __cdecl __p__dstbias(void) { ensure_tz(); return &msvcrt_dstbias; }
char ** __cdecl __p__tzname(void) { ensure_tz(); return msvcrt_tzname; }

/* ucrtbase's accessors of the same variables */
long * __cdecl __timezone(void) { return __p__timezone(); }
int * __cdecl __daylight(void) { return __p__daylight(); }
long * __cdecl __dstbias(void) { return __p__dstbias(); }
char ** __cdecl __tzname(void) { return __p__tzname(); }

errno_t __cdecl _get_timezone(long *value)
{
    if (!value) { msvcrt_invalid_parameter(); return *_errno() = EINVAL; }
    ensure_tz();
    *value = msvcrt_timezone;
    return 0;
}

errno_t __cdecl _get_daylight(int *value)
{
    if (!value) { msvcrt_invalid_parameter(); return *_errno() = EINVAL; }
    ensure_tz();
    *value = msvcrt_daylight;
    return 0;
}

errno_t __cdecl _get_dstbias(long *value)
{
    if (!value) { msvcrt_invalid_parameter(); return *_errno() = EINVAL; }
    ensure_tz();
    *value = msvcrt_dstbias;
    return 0;
}

errno_t __cdecl _get_tzname(size_t *len, char *buf, size_t size, int index)
{
    const char *name;

    if (!len || (!buf && size) || (index != 0 && index != 1))
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    ensure_tz();
    name = msvcrt_tzname[index];
    *len = strlen(name) + 1;
    if (!buf) return 0;
    if (*len > size) return *_errno() = ERANGE;
    memcpy(buf, name, *len);
    return 0;
}

/* ---- _strdate/_strtime: "mm/dd/yy", "hh:mm:ss" of the local time ---- */

char * __cdecl _strdate(char *buf)
{
    SYSTEMTIME st;

    GetLocalTime(&st);
    put2(buf, st.wMonth);
    buf[2] = '/';
    put2(buf + 3, st.wDay);
    buf[5] = '/';
    put2(buf + 6, st.wYear % 100);
    buf[8] = 0;
    return buf;
}

char * __cdecl _strtime(char *buf)
{
    SYSTEMTIME st;

    GetLocalTime(&st);
    put2(buf, st.wHour);
    buf[2] = ':';
    put2(buf + 3, st.wMinute);
    buf[5] = ':';
    put2(buf + 6, st.wSecond);
    buf[8] = 0;
    return buf;
}

wchar_t * __cdecl _wstrdate(wchar_t *buf)
{
    char tmp[9];
    int i;

    _strdate(tmp);
    for (i = 0; i < 9; i++) buf[i] = (unsigned char)tmp[i];
    return buf;
}

wchar_t * __cdecl _wstrtime(wchar_t *buf)
{
    char tmp[9];
    int i;

    _strtime(tmp);
    for (i = 0; i < 9; i++) buf[i] = (unsigned char)tmp[i];
    return buf;
}

/* ---- _getsystime/_setsystime: the local time as a struct tm plus milliseconds ---- */

unsigned int __cdecl _getsystime(struct tm *tm)
{
    TIME_ZONE_INFORMATION tz;
    SYSTEMTIME st;

    GetLocalTime(&st);
    tm->tm_year = st.wYear - 1900;
    tm->tm_mon = st.wMonth - 1;
    tm->tm_mday = st.wDay;
    tm->tm_wday = st.wDayOfWeek;
    tm->tm_hour = st.wHour;
    tm->tm_min = st.wMinute;
    tm->tm_sec = st.wSecond;
    tm->tm_yday = (int)(days_from_civil(st.wYear, st.wMonth - 1) - days_from_civil(st.wYear, 0)) + st.wDay - 1;
    tm->tm_isdst = GetTimeZoneInformation(&tz) == TIME_ZONE_ID_DAYLIGHT;
    return st.wMilliseconds;
}

/* Sets the local time: 0, or the Win32 error SetLocalTime gave (errno too). */
unsigned int __cdecl _setsystime(struct tm *tm, unsigned int ms)
{
    SYSTEMTIME st;
    DWORD err;

    if (!tm) { *_errno() = EINVAL; return ERROR_INVALID_PARAMETER; }
    st.wYear = tm->tm_year + 1900;
    st.wMonth = tm->tm_mon + 1;
    st.wDay = tm->tm_mday;
    st.wDayOfWeek = 0;
    st.wHour = tm->tm_hour;
    st.wMinute = tm->tm_min;
    st.wSecond = tm->tm_sec;
    st.wMilliseconds = ms;
    if (SetLocalTime(&st)) return 0;
    err = GetLastError();
    msvcrt_set_errno_from_win32(err);
    return err;
}
