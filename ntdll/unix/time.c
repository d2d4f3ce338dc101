/*
 * ntdll/unix/time.c — clocks and the host time zone as Windows sees them.
 *
 * Sections: clocks (interrupt time, boot time, timer resolution) · the time
 * zone: the host's rules (TZ, /etc/localtime through glibc) turned into a
 * TIME_ZONE_INFORMATION, with Windows names for the common IANA zones.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "private.h"
#include "sysinfo.h"

#define TICKS_PER_SEC   10000000LL
#define EPOCH_1601_1970 116444736000000000LL   /* 1970-01-01 in 100 ns units since 1601 */
#define STATUS_TIMER_RESOLUTION_NOT_SET ((NTSTATUS)0xC0000245)

/* --- clocks ---------------------------------------------------------------- */

static int64_t clock_ticks(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * TICKS_PER_SEC + ts.tv_nsec / 100;
}

/* Windows' interrupt time counts from boot, sleep included (CLOCK_BOOTTIME);
   the "unbiased" one leaves sleep out (CLOCK_MONOTONIC). */
int64_t time_interrupt(void) { return clock_ticks(CLOCK_BOOTTIME); }
int64_t time_unbiased_interrupt(void) { return clock_ticks(CLOCK_MONOTONIC); }
int64_t time_system(void) { return clock_ticks(CLOCK_REALTIME) + EPOCH_1601_1970; }
int64_t time_boot(void) { return time_system() - time_interrupt(); }

NTSTATUS WINAPI unix___wlx_query_interrupt_time(int64_t *interrupt, int64_t *unbiased)
{
    shared_data_init();   /* GetTickCount is an early call: map the page now if the loader did not */
    if (interrupt) *interrupt = time_interrupt();
    if (unbiased) *unbiased = time_unbiased_interrupt();
    return STATUS_SUCCESS;
}

/* The clock interrupt of Windows ticks every 15.625 ms and can be asked to
   tick as fast as 0.5 ms; Linux timers need no such request, so the setting
   is only remembered for NtQueryTimerResolution. */
#define RESOLUTION_COARSEST 156250
#define RESOLUTION_FINEST   5000
static uint32_t timer_resolution = RESOLUTION_COARSEST;
static int timer_resolution_set;

NTSTATUS WINAPI unix_NtQueryTimerResolution(uint32_t *coarsest, uint32_t *finest, uint32_t *current)
{
    *coarsest = RESOLUTION_COARSEST;
    *finest = RESOLUTION_FINEST;
    *current = timer_resolution;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI unix_NtSetTimerResolution(uint32_t wanted, uint8_t set, uint32_t *current)
{
    if (!set && !timer_resolution_set)
    {
        *current = timer_resolution;
        return STATUS_TIMER_RESOLUTION_NOT_SET;
    }
    timer_resolution_set = set;
    if (!set) wanted = RESOLUTION_COARSEST;
    if (wanted < RESOLUTION_FINEST) wanted = RESOLUTION_FINEST;
    if (wanted > RESOLUTION_COARSEST) wanted = RESOLUTION_COARSEST;
    timer_resolution = wanted;
    *current = timer_resolution;
    return STATUS_SUCCESS;
}

/* --- time zone: names ------------------------------------------------------ */

/* The Windows key and standard name of common IANA zones; the daylight name
   is the standard one with "Standard" replaced by "Daylight". */
static const struct { const char *iana, *key, *standard; } zone_names[] = {
    { "UTC", "UTC", "Coordinated Universal Time" },
    { "Etc/UTC", "UTC", "Coordinated Universal Time" },
    { "Etc/GMT", "UTC", "Coordinated Universal Time" },
    { "Etc/Universal", "UTC", "Coordinated Universal Time" },
    { "GMT", "UTC", "Coordinated Universal Time" },
    { "Universal", "UTC", "Coordinated Universal Time" },
    { "Zulu", "UTC", "Coordinated Universal Time" },
    { "America/Los_Angeles", "Pacific Standard Time", NULL },
    { "America/Vancouver", "Pacific Standard Time", NULL },
    { "America/Denver", "Mountain Standard Time", NULL },
    { "America/Edmonton", "Mountain Standard Time", NULL },
    { "America/Phoenix", "US Mountain Standard Time", NULL },
    { "America/Chicago", "Central Standard Time", NULL },
    { "America/Winnipeg", "Central Standard Time", NULL },
    { "America/New_York", "Eastern Standard Time", NULL },
    { "America/Toronto", "Eastern Standard Time", NULL },
    { "America/Detroit", "Eastern Standard Time", NULL },
    { "America/Anchorage", "Alaskan Standard Time", NULL },
    { "America/Halifax", "Atlantic Standard Time", NULL },
    { "America/Sao_Paulo", "E. South America Standard Time", NULL },
    { "Pacific/Honolulu", "Hawaiian Standard Time", NULL },
    { "Europe/London", "GMT Standard Time", NULL },
    { "Europe/Dublin", "GMT Standard Time", NULL },
    { "Europe/Lisbon", "GMT Standard Time", NULL },
    { "Europe/Berlin", "W. Europe Standard Time", NULL },
    { "Europe/Amsterdam", "W. Europe Standard Time", NULL },
    { "Europe/Rome", "W. Europe Standard Time", NULL },
    { "Europe/Vienna", "W. Europe Standard Time", NULL },
    { "Europe/Zurich", "W. Europe Standard Time", NULL },
    { "Europe/Stockholm", "W. Europe Standard Time", NULL },
    { "Europe/Oslo", "W. Europe Standard Time", NULL },
    { "Europe/Paris", "Romance Standard Time", NULL },
    { "Europe/Brussels", "Romance Standard Time", NULL },
    { "Europe/Madrid", "Romance Standard Time", NULL },
    { "Europe/Copenhagen", "Romance Standard Time", NULL },
    { "Europe/Prague", "Central Europe Standard Time", NULL },
    { "Europe/Budapest", "Central Europe Standard Time", NULL },
    { "Europe/Warsaw", "Central European Standard Time", NULL },
    { "Europe/Athens", "GTB Standard Time", NULL },
    { "Europe/Bucharest", "GTB Standard Time", NULL },
    { "Europe/Helsinki", "FLE Standard Time", NULL },
    { "Europe/Kiev", "FLE Standard Time", NULL },
    { "Europe/Kyiv", "FLE Standard Time", NULL },
    { "Europe/Moscow", "Russian Standard Time", NULL },
    { "Europe/Istanbul", "Turkey Standard Time", NULL },
    { "Asia/Tokyo", "Tokyo Standard Time", NULL },
    { "Asia/Seoul", "Korea Standard Time", NULL },
    { "Asia/Shanghai", "China Standard Time", NULL },
    { "Asia/Hong_Kong", "China Standard Time", NULL },
    { "Asia/Taipei", "Taipei Standard Time", NULL },
    { "Asia/Kolkata", "India Standard Time", NULL },
    { "Asia/Calcutta", "India Standard Time", NULL },
    { "Asia/Dubai", "Arabian Standard Time", NULL },
    { "Australia/Sydney", "AUS Eastern Standard Time", NULL },
    { "Australia/Melbourne", "AUS Eastern Standard Time", NULL },
    { "Australia/Brisbane", "E. Australia Standard Time", NULL },
    { "Australia/Adelaide", "Cen. Australia Standard Time", NULL },
    { "Australia/Perth", "W. Australia Standard Time", NULL },
    { "Pacific/Auckland", "New Zealand Standard Time", NULL },
    { "Africa/Johannesburg", "South Africa Standard Time", NULL },
    { "Africa/Cairo", "Egypt Standard Time", NULL },
    { "Africa/Lagos", "W. Central Africa Standard Time", NULL },
    { "Africa/Nairobi", "E. Africa Standard Time", NULL },
    { "America/Mexico_City", "Central Standard Time (Mexico)", NULL },
    { "America/Bogota", "SA Pacific Standard Time", NULL },
    { "America/Lima", "SA Pacific Standard Time", NULL },
    { "America/Argentina/Buenos_Aires", "Argentina Standard Time", NULL },
    { "America/Buenos_Aires", "Argentina Standard Time", NULL },
    { "Asia/Tehran", "Iran Standard Time", NULL },
    { "Asia/Riyadh", "Arab Standard Time", NULL },
    { "Asia/Karachi", "Pakistan Standard Time", NULL },
    { "Asia/Dhaka", "Bangladesh Standard Time", NULL },
    { "Asia/Bangkok", "SE Asia Standard Time", NULL },
    { "Asia/Jakarta", "SE Asia Standard Time", NULL },
    { "Asia/Singapore", "Singapore Standard Time", "Malay Peninsula Standard Time" },
};

/* the IANA name of the host zone: $TZ, else where /etc/localtime points */
static void host_zone_name(char *buf, size_t size)
{
    const char *tz = getenv("TZ"), *p;
    char link[512];
    ssize_t n;

    buf[0] = 0;
    if (tz && *tz == ':') tz++;
    if (!tz || !*tz)
    {
        if ((n = readlink("/etc/localtime", link, sizeof(link) - 1)) <= 0) return;
        link[n] = 0;
        tz = link;
    }
    if ((p = strstr(tz, "zoneinfo/"))) tz = p + strlen("zoneinfo/");
    snprintf(buf, size, "%s", tz);
}

static void put_name(uint16_t *dst, size_t max, const char *utf8)
{
    size_t n = wlx_utf8_to_utf16(utf8, strlen(utf8), dst, max - 1);
    dst[n] = 0;
}

static void fill_names(struct wlx_tz_info *info, const char *std_abbr, const char *dst_abbr)
{
    char zone[512], daylight[64], *p;

    host_zone_name(zone, sizeof(zone));
    for (size_t i = 0; i < sizeof(zone_names) / sizeof(zone_names[0]); i++)
    {
        if (strcmp(zone, zone_names[i].iana)) continue;
        const char *std = zone_names[i].standard ? zone_names[i].standard : zone_names[i].key;
        snprintf(daylight, sizeof(daylight), "%s", std);
        if ((p = strstr(daylight, "Standard"))) memcpy(p, "Daylight", 8);
        put_name(info->key_name, 128, zone_names[i].key);
        put_name(info->standard_name, 32, std);
        put_name(info->daylight_name, 32, daylight);
        return;
    }
    /* an unknown zone: its abbreviations, as the best name we have */
    put_name(info->key_name, 128, *zone ? zone : std_abbr);
    put_name(info->standard_name, 32, std_abbr);
    put_name(info->daylight_name, 32, dst_abbr);
}

/* --- time zone: rules ------------------------------------------------------ */

static int days_in_month(int year, int month)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (year % 4 == 0 && year % 100) || year % 400 == 0;
    return days[month - 1] + (month == 2 && leap);
}

/* first second in (lo, hi] whose daylight flag is that of hi */
static time_t find_change(time_t lo, time_t hi)
{
    struct tm tm;
    localtime_r(&hi, &tm);
    int want = tm.tm_isdst;
    while (hi - lo > 1)
    {
        time_t mid = lo + (hi - lo) / 2;
        localtime_r(&mid, &tm);
        if ((tm.tm_isdst > 0) == (want > 0)) hi = mid; else lo = mid;
    }
    return hi;
}

/* Windows states a transition in the wall-clock time in force before it
   (US: daylight time starts at 2:00 standard time), as a rule: month, day
   of the week, its week in the month (5 = the last). */
static void encode_transition(time_t when, long old_offset, struct wlx_systemtime *st)
{
    time_t local = when + old_offset;
    struct tm tm;
    gmtime_r(&local, &tm);
    int mdays = days_in_month(tm.tm_year + 1900, tm.tm_mon + 1);
    st->year = 0;
    st->month = tm.tm_mon + 1;
    st->day_of_week = tm.tm_wday;
    st->day = tm.tm_mday + 7 > mdays ? 5 : (tm.tm_mday - 1) / 7 + 1;
    st->hour = tm.tm_hour;
    st->minute = tm.tm_min;
    st->second = tm.tm_sec;
    st->milliseconds = 0;
}

struct zone_year {
    time_t to_daylight, to_standard;   /* 0 when the year has none */
    long std_offset, dst_offset;       /* seconds east of UTC */
    char std_abbr[16], dst_abbr[16];
};

/* walk the year a week at a time, then narrow each change to the second
   (a week: no zone changes twice within one, and the shortest period known,
   Morocco's Ramadan months, lasts about five; by the day this took 366
   localtime_r calls, about 40 us of every process start) */
static void scan_year(int year, struct zone_year *zy)
{
    struct tm tm = { .tm_year = year - 1900, .tm_mon = 6, .tm_mday = 1 };
    time_t start, end, t, prev;
    int prev_dst;

    memset(zy, 0, sizeof(*zy));
    t = timegm(&tm);                   /* mid-year: the offset if nothing changes */
    localtime_r(&t, &tm);
    zy->std_offset = zy->dst_offset = tm.tm_gmtoff;
    snprintf(zy->std_abbr, sizeof(zy->std_abbr), "%s", tm.tm_zone ? tm.tm_zone : "");
    snprintf(zy->dst_abbr, sizeof(zy->dst_abbr), "%s", zy->std_abbr);

    tm = (struct tm){ .tm_year = year - 1900, .tm_mday = 1 };
    start = timegm(&tm);
    tm = (struct tm){ .tm_year = year + 1 - 1900, .tm_mday = 1 };
    end = timegm(&tm);
    localtime_r(&start, &tm);
    prev = start;
    prev_dst = tm.tm_isdst > 0;
    for (t = start + 7 * 86400; prev < end; prev = t, t += 7 * 86400)
    {
        if (t > end) t = end;
        localtime_r(&t, &tm);
        if ((tm.tm_isdst > 0) == prev_dst) continue;
        time_t when = find_change(prev, t);
        struct tm before, after;
        time_t b = when - 1;
        localtime_r(&b, &before);
        localtime_r(&when, &after);
        if (after.tm_isdst > 0 && !zy->to_daylight)
        {
            zy->to_daylight = when;
            zy->std_offset = before.tm_gmtoff;
            zy->dst_offset = after.tm_gmtoff;
            snprintf(zy->std_abbr, sizeof(zy->std_abbr), "%s", before.tm_zone);
            snprintf(zy->dst_abbr, sizeof(zy->dst_abbr), "%s", after.tm_zone);
        }
        else if (after.tm_isdst <= 0 && !zy->to_standard)
        {
            zy->to_standard = when;
            zy->std_offset = after.tm_gmtoff;
            zy->dst_offset = before.tm_gmtoff;
            snprintf(zy->std_abbr, sizeof(zy->std_abbr), "%s", after.tm_zone);
            snprintf(zy->dst_abbr, sizeof(zy->dst_abbr), "%s", before.tm_zone);
        }
        prev_dst = tm.tm_isdst > 0;
    }
    /* a daylight period must have both ends inside the year to be a rule */
    if (!zy->to_daylight || !zy->to_standard) zy->to_daylight = zy->to_standard = 0;
}

static pthread_mutex_t tz_lock = PTHREAD_MUTEX_INITIALIZER;

static void zone_for_year(int year, struct wlx_tz_info *info)
{
    static struct wlx_tz_info cached;
    static int cached_year;
    struct zone_year zy;

    pthread_mutex_lock(&tz_lock);
    if (cached_year != year)
    {
        tzset();
        scan_year(year, &zy);
        memset(&cached, 0, sizeof(cached));
        cached.bias = -zy.std_offset / 60;
        if (zy.to_daylight)
        {
            cached.daylight_bias = -(zy.dst_offset - zy.std_offset) / 60;
            encode_transition(zy.to_daylight, zy.std_offset, &cached.daylight_date);
            encode_transition(zy.to_standard, zy.dst_offset, &cached.standard_date);
        }
        fill_names(&cached, zy.std_abbr, zy.dst_abbr);
        cached_year = year;
    }
    *info = cached;
    pthread_mutex_unlock(&tz_lock);
}

/* the zone's rules for this year, and which of them is in force now */
uint32_t time_zone_current(struct wlx_tz_info *info, int64_t *bias)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    zone_for_year(tm.tm_year + 1900, info);
    if (bias) *bias = -(int64_t)tm.tm_gmtoff * TICKS_PER_SEC;
    if (!info->daylight_date.month) return 0;           /* TIME_ZONE_ID_UNKNOWN */
    return tm.tm_isdst > 0 ? 2 : 1;                      /* DAYLIGHT : STANDARD */
}

/* GetTimeZoneInformationForYear: the host zone's rules in a given year */
NTSTATUS WINAPI unix___wlx_time_zone_for_year(uint32_t year, struct wlx_tz_info *info)
{
    if (year < 1601 || year > 30827) return STATUS_INVALID_PARAMETER;
    zone_for_year(year, info);
    return STATUS_SUCCESS;
}
