/*
 * server/regdefaults.c — what the registry of a new prefix holds: the keys
 * and values real programs read (Windows version, environment, code pages,
 * time zones, shell folders). One table per hive, plus the volatile keys
 * Windows rebuilds at every logon (made again at every server start).
 *
 * In the tables, "%USER%" becomes the user's name (the Unix one, as the
 * prefix's C:\users\<name> folder), "%COMPUTER%" the host name in capitals,
 * "%NCPU%" the number of processors. User keys are relative to
 * \REGISTRY\USER\<the user's SID> (include/wlx/user.h).
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "wlxserver.h"
#include "registry.h"
#include "wlx/user.h"

struct reg_default {
    const char *key;           /* below the hive root ("" = the same key as above) */
    const char *name;          /* value name; "" the default value; NULL: only the key */
    uint32_t type;             /* REG_SZ, REG_EXPAND_SZ or REG_DWORD */
    const char *data;          /* text, or the DWORD in decimal */
};

#define NT_CV "Software\\Microsoft\\Windows NT\\CurrentVersion"
#define SESSION_ENV "System\\CurrentControlSet\\Control\\Session Manager\\Environment"
#define EXPLORER "Software\\Microsoft\\Windows\\CurrentVersion\\Explorer"

static const struct reg_default machine_defaults[] = {
    { NT_CV, "ProductName", REG_SZ, "Windows 10 Pro" },
    { "", "CurrentMajorVersionNumber", REG_DWORD, "10" },
    { "", "CurrentMinorVersionNumber", REG_DWORD, "0" },
    { "", "CurrentVersion", REG_SZ, "6.3" },
    { "", "CurrentBuild", REG_SZ, "19045" },
    { "", "CurrentBuildNumber", REG_SZ, "19045" },
    { "", "UBR", REG_DWORD, "0" },
    { "", "DisplayVersion", REG_SZ, "22H2" },
    { "", "ReleaseId", REG_SZ, "2009" },
    { "", "EditionID", REG_SZ, "Professional" },
    { "", "InstallationType", REG_SZ, "Client" },
    { "", "CurrentType", REG_SZ, "Multiprocessor Free" },
    { "", "RegisteredOwner", REG_SZ, "%USER%" },
    { "", "RegisteredOrganization", REG_SZ, "" },
    { "", "SystemRoot", REG_SZ, "C:\\windows" },
    { "", "PathName", REG_SZ, "C:\\windows" },
    { "Software\\Microsoft\\Windows\\CurrentVersion", "ProgramFilesDir", REG_SZ, "C:\\Program Files" },
    { "", "ProgramFilesDir (x86)", REG_SZ, "C:\\Program Files (x86)" },
    { "", "ProgramW6432Dir", REG_SZ, "C:\\Program Files" },
    { "", "CommonFilesDir", REG_SZ, "C:\\Program Files\\Common Files" },
    { "", "CommonW6432Dir", REG_SZ, "C:\\Program Files\\Common Files" },
    { "", "ProgramFilesPath", REG_EXPAND_SZ, "%ProgramFiles%" },
    { SESSION_ENV, "ComSpec", REG_EXPAND_SZ, "%SystemRoot%\\system32\\cmd.exe" },
    { "", "OS", REG_SZ, "Windows_NT" },
    { "", "PATHEXT", REG_SZ, ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC" },
    { "", "PROCESSOR_ARCHITECTURE", REG_SZ, "AMD64" },
    { "", "NUMBER_OF_PROCESSORS", REG_SZ, "%NCPU%" },
    { "", "Path", REG_EXPAND_SZ, "%SystemRoot%\\system32;%SystemRoot%;%SystemRoot%\\System32\\Wbem;"
                                 "%SYSTEMROOT%\\System32\\WindowsPowerShell\\v1.0\\" },
    { "", "TEMP", REG_EXPAND_SZ, "%SystemRoot%\\TEMP" },
    { "", "TMP", REG_EXPAND_SZ, "%SystemRoot%\\TEMP" },
    { "", "windir", REG_EXPAND_SZ, "%SystemRoot%" },
    { "", "USERNAME", REG_SZ, "SYSTEM" },
    { "System\\CurrentControlSet\\Control\\Nls\\CodePage", "ACP", REG_SZ, "1252" },
    { "", "OEMCP", REG_SZ, "437" },
    { "", "MACCP", REG_SZ, "10000" },
    { "System\\CurrentControlSet\\Control\\Nls\\Language", "Default", REG_SZ, "0409" },
    { "", "InstallLanguage", REG_SZ, "0409" },
    { "System\\CurrentControlSet\\Control\\ComputerName\\ComputerName", "ComputerName", REG_SZ, "%COMPUTER%" },
    { "System\\CurrentControlSet\\Hardware Profiles\\Current", NULL, 0, NULL },
    { "Software\\Classes", NULL, 0, NULL },
    { "Software\\Wow6432Node", NULL, 0, NULL },
};

static const struct reg_default user_defaults[] = {
    { "Environment", "TEMP", REG_EXPAND_SZ, "%USERPROFILE%\\AppData\\Local\\Temp" },
    { "", "TMP", REG_EXPAND_SZ, "%USERPROFILE%\\AppData\\Local\\Temp" },
    { EXPLORER "\\Shell Folders", "AppData", REG_SZ, "C:\\users\\%USER%\\AppData\\Roaming" },
    { "", "Local AppData", REG_SZ, "C:\\users\\%USER%\\AppData\\Local" },
    { "", "Desktop", REG_SZ, "C:\\users\\%USER%\\Desktop" },
    { "", "Personal", REG_SZ, "C:\\users\\%USER%\\Documents" },
    { "", "{374DE290-123F-4565-9164-39C4925E467B}", REG_SZ, "C:\\users\\%USER%\\Downloads" },
    { EXPLORER "\\User Shell Folders", "AppData", REG_EXPAND_SZ, "%USERPROFILE%\\AppData\\Roaming" },
    { "", "Local AppData", REG_EXPAND_SZ, "%USERPROFILE%\\AppData\\Local" },
    { "", "Desktop", REG_EXPAND_SZ, "%USERPROFILE%\\Desktop" },
    { "", "Personal", REG_EXPAND_SZ, "%USERPROFILE%\\Documents" },
    { "", "{374DE290-123F-4565-9164-39C4925E467B}", REG_EXPAND_SZ, "%USERPROFILE%\\Downloads" },
    { "Control Panel\\International", "Locale", REG_SZ, "00000409" },
    { "", "LocaleName", REG_SZ, "en-US" },
    { "Software\\Classes", NULL, 0, NULL },
};

/* rebuilt at every start: volatile, never saved */
static const struct reg_default user_volatile[] = {
    { "Volatile Environment", "APPDATA", REG_SZ, "C:\\users\\%USER%\\AppData\\Roaming" },
    { "", "LOCALAPPDATA", REG_SZ, "C:\\users\\%USER%\\AppData\\Local" },
    { "", "HOMEDRIVE", REG_SZ, "C:" },
    { "", "HOMEPATH", REG_SZ, "\\users\\%USER%" },
    { "", "USERNAME", REG_SZ, "%USER%" },
    { "", "USERPROFILE", REG_SZ, "C:\\users\\%USER%" },
    { "", "USERDOMAIN", REG_SZ, "%COMPUTER%" },
};

/* Time zones: TZI is Bias, StandardBias, DaylightBias, then the standard and
 * daylight start dates as SYSTEMTIMEs (month, weekday, week-of-month, hour).
 * iana: the host zones (space-separated) that are this Windows zone; the
 * host's one also becomes TimeZoneInformation. */
struct zone_default {
    const char *key, *display, *std, *dlt, *iana;
    int32_t bias, dlt_bias;
    uint16_t std_month, std_week, std_hour, dlt_month, dlt_week, dlt_hour;
};

#define ZONE_EU_RULES -60, -60, 10, 5, 3, 3, 5, 2
#define ZONE_US_RULES -60, 11, 1, 2, 3, 2, 2
static const struct zone_default zones[] = {
    { "UTC", "(UTC) Coordinated Universal Time", "Coordinated Universal Time", "Coordinated Universal Time",
      "UTC Etc/UTC Etc/GMT Etc/Universal GMT Universal Zulu", 0, 0, 0, 0, 0, 0, 0, 0 },
    { "GMT Standard Time", "(UTC+00:00) Dublin, Edinburgh, Lisbon, London", "GMT Standard Time",
      "GMT Daylight Time", "Europe/London Europe/Dublin Europe/Lisbon", 0, -60, 10, 5, 2, 3, 5, 1 },
    { "W. Europe Standard Time", "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
      "W. Europe Standard Time", "W. Europe Daylight Time",
      "Europe/Berlin Europe/Amsterdam Europe/Rome Europe/Vienna Europe/Zurich Europe/Stockholm Europe/Oslo",
      ZONE_EU_RULES },
    { "Romance Standard Time", "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris", "Romance Standard Time",
      "Romance Daylight Time", "Europe/Paris Europe/Brussels Europe/Madrid Europe/Copenhagen", ZONE_EU_RULES },
    { "Central Europe Standard Time", "(UTC+01:00) Belgrade, Bratislava, Budapest, Ljubljana, Prague",
      "Central Europe Standard Time", "Central Europe Daylight Time", "Europe/Prague Europe/Budapest",
      ZONE_EU_RULES },
    { "Eastern Standard Time", "(UTC-05:00) Eastern Time (US & Canada)", "Eastern Standard Time",
      "Eastern Daylight Time", "America/New_York America/Toronto America/Detroit", 300, ZONE_US_RULES },
    { "Central Standard Time", "(UTC-06:00) Central Time (US & Canada)", "Central Standard Time",
      "Central Daylight Time", "America/Chicago America/Winnipeg", 360, ZONE_US_RULES },
    { "Mountain Standard Time", "(UTC-07:00) Mountain Time (US & Canada)", "Mountain Standard Time",
      "Mountain Daylight Time", "America/Denver America/Edmonton", 420, ZONE_US_RULES },
    { "Pacific Standard Time", "(UTC-08:00) Pacific Time (US & Canada)", "Pacific Standard Time",
      "Pacific Daylight Time", "America/Los_Angeles America/Vancouver", 480, ZONE_US_RULES },
    { "Tokyo Standard Time", "(UTC+09:00) Osaka, Sapporo, Tokyo", "Tokyo Standard Time",
      "Tokyo Daylight Time", "Asia/Tokyo", -540, 0, 0, 0, 0, 0, 0, 0 },
    { "China Standard Time", "(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi", "China Standard Time",
      "China Daylight Time", "Asia/Shanghai Asia/Hong_Kong", -480, 0, 0, 0, 0, 0, 0, 0 },
    { "India Standard Time", "(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi", "India Standard Time",
      "India Daylight Time", "Asia/Kolkata Asia/Calcutta", -330, 0, 0, 0, 0, 0, 0, 0 },
};

/* ---- placeholders ---- */

static void expand(const char *in, char *out, size_t size)
{
    struct passwd *pw = getpwuid(getuid());
    char host[256] = "WLX", ncpu[16];
    size_t n = 0;

    if (!gethostname(host, sizeof(host))) host[sizeof(host) - 1] = 0;
    for (char *p = host; *p; p++) { *p = toupper((unsigned char)*p); if (*p == '.') { *p = 0; break; } }
    snprintf(ncpu, sizeof(ncpu), "%ld", sysconf(_SC_NPROCESSORS_ONLN));
    while (*in && n + 1 < size) {
        const char *sub = NULL;
        size_t skip = 0;
        if (!strncmp(in, "%USER%", 6)) { sub = pw && pw->pw_name ? pw->pw_name : "user"; skip = 6; }
        else if (!strncmp(in, "%COMPUTER%", 10)) { sub = host; skip = 10; }
        else if (!strncmp(in, "%NCPU%", 6)) { sub = ncpu; skip = 6; }
        if (sub) { n += snprintf(out + n, size - n, "%s", sub); in += skip; }
        else out[n++] = *in++;
    }
    out[n < size ? n : size - 1] = 0;
}

/* ---- applying a table ---- */

static struct reg_key *open_default_key(struct reg_key *base, const char *path, int is_volatile)
{
    uint16_t wpath[512];
    size_t len = reg_utf8_to_utf16(path, wpath, 512);
    return reg_create_path(base, wpath, len, is_volatile, NULL);
}

static void set_text(struct reg_key *key, const char *name, uint32_t type, const char *text)
{
    static uint16_t wname[256], wdata[1024];
    char buf[1024];
    size_t nlen = reg_utf8_to_utf16(name, wname, 256);
    expand(text, buf, sizeof(buf));
    size_t dlen = reg_utf8_to_utf16(buf, wdata, 1023);
    wdata[dlen] = 0;
    reg_set_value(key, wname, nlen, type, wdata, (dlen + 1) * 2);
}

static void set_binary(struct reg_key *key, const char *name, const void *data, size_t size)
{
    uint16_t wname[64];
    reg_set_value(key, wname, reg_utf8_to_utf16(name, wname, 64), REG_BINARY, data, size);
}

static void set_dword(struct reg_key *key, const char *name, uint32_t value)
{
    uint16_t wname[64];
    reg_set_value(key, wname, reg_utf8_to_utf16(name, wname, 64), REG_DWORD, &value, 4);
}

static void apply(struct reg_key *base, const struct reg_default *table, size_t count, int is_volatile)
{
    struct reg_key *key = NULL;
    for (size_t i = 0; i < count; i++) {
        const struct reg_default *d = &table[i];
        if (*d->key || !key) key = open_default_key(base, d->key, is_volatile);
        if (!key || !d->name) continue;
        if (d->type == REG_DWORD) set_dword(key, d->name, strtoul(d->data, NULL, 10));
        else set_text(key, d->name, d->type, d->data);
    }
}

/* the host's zone: $TZ, else where /etc/localtime points (UTC when unknown) */
static const struct zone_default *host_zone(void)
{
    char link[512];
    const char *tz = getenv("TZ"), *p;
    ssize_t n;
    if (tz && *tz == ':') tz++;
    if (!tz || !*tz) {
        if ((n = readlink("/etc/localtime", link, sizeof(link) - 1)) <= 0) return &zones[0];
        link[n] = 0;
        tz = link;
    }
    if ((p = strstr(tz, "zoneinfo/"))) tz = p + strlen("zoneinfo/");
    size_t len = strlen(tz);
    for (size_t i = 0; i < sizeof(zones) / sizeof(zones[0]); i++)
        for (p = zones[i].iana; (p = strstr(p, tz)); p += len)
            if ((p == zones[i].iana || p[-1] == ' ') && (!p[len] || p[len] == ' ')) return &zones[i];
    return &zones[0];
}

/* TimeZoneInformation: the host's zone, its rules and its current bias */
static void add_current_zone(struct reg_key *machine, const struct zone_default *z, const uint16_t dates[2][8])
{
    struct reg_key *key = open_default_key(machine, "System\\CurrentControlSet\\Control\\TimeZoneInformation", 0);
    time_t now = time(NULL);
    struct tm tm;
    if (!key) return;
    localtime_r(&now, &tm);
    set_text(key, "TimeZoneKeyName", REG_SZ, z->key);
    set_text(key, "StandardName", REG_SZ, z->std);
    set_text(key, "DaylightName", REG_SZ, z->dlt);
    set_dword(key, "Bias", z->bias);
    set_dword(key, "StandardBias", 0);
    set_dword(key, "DaylightBias", z->dlt_bias);
    set_dword(key, "ActiveTimeBias", (uint32_t)(int32_t)(-tm.tm_gmtoff / 60));
    set_dword(key, "DynamicDaylightTimeDisabled", 0);
    set_binary(key, "StandardStart", dates[0], 16);
    set_binary(key, "DaylightStart", dates[1], 16);
}

static void add_zones(struct reg_key *machine)
{
    const struct zone_default *current = host_zone();
    for (size_t i = 0; i < sizeof(zones) / sizeof(zones[0]); i++) {
        const struct zone_default *z = &zones[i];
        char path[256];
        snprintf(path, sizeof(path), NT_CV "\\Time Zones\\%s", z->key);
        struct reg_key *key = open_default_key(machine, path, 0);
        if (!key) continue;
        set_text(key, "Display", REG_SZ, z->display);
        set_text(key, "Std", REG_SZ, z->std);
        set_text(key, "Dlt", REG_SZ, z->dlt);
        uint8_t tzi[44] = { 0 };
        int32_t biases[3] = { z->bias, 0, z->dlt_bias };
        const uint16_t dates[2][8] = { { 0, z->std_month, 0, z->std_week, z->std_hour },
                                       { 0, z->dlt_month, 0, z->dlt_week, z->dlt_hour } };
        memcpy(tzi, biases, 12);
        memcpy(tzi + 12, dates, 32);
        set_binary(key, "TZI", tzi, sizeof(tzi));
        if (z == current) add_current_zone(machine, z, dates);
    }
}

/* the user's key, \REGISTRY\USER\<sid> */
static struct reg_key *user_key(void)
{
    return open_default_key(reg_hive_root(HIVE_USER), WLX_USER_SID_STRING, 0);
}

void registry_add_defaults(enum reg_hive hive)
{
    if (hive == HIVE_MACHINE) {
        struct reg_key *machine = reg_hive_root(HIVE_MACHINE);
        apply(machine, machine_defaults, sizeof(machine_defaults) / sizeof(machine_defaults[0]), 0);
        add_zones(machine);
        return;
    }
    open_default_key(reg_hive_root(HIVE_USER), ".Default", 0);
    struct reg_key *user = user_key();
    if (user) apply(user, user_defaults, sizeof(user_defaults) / sizeof(user_defaults[0]), 0);
}

/* ---- processors ---- */

/* one processor as /proc/cpuinfo describes it */
struct cpu_desc {
    char vendor[32], name[96];
    unsigned family, model, stepping, mhz;
};

/* the value of "key : value" in line into out (trimmed); 1 when it was the key */
static int cpuinfo_field(const char *line, const char *key, char *out, size_t size)
{
    size_t klen = strlen(key);
    const char *v;
    if (strncmp(line, key, klen) || (line[klen] != ' ' && line[klen] != '\t' && line[klen] != ':')) return 0;
    if (!(v = strchr(line, ':'))) return 0;
    for (v++; *v == ' '; v++);
    snprintf(out, size, "%s", v);
    out[strcspn(out, "\n")] = 0;
    return 1;
}

/* HARDWARE\DESCRIPTION\System\CentralProcessor\<n>: what Windows puts there
   at boot for each processor (name, vendor, family/model/stepping, ~MHz),
   from the host's /proc/cpuinfo; volatile like the rest of HARDWARE */
static void add_processors(struct reg_key *machine)
{
    FILE *f = fopen("/proc/cpuinfo", "r");
    struct cpu_desc cpu;
    char line[512], val[128];
    int n = -1;

    memset(&cpu, 0, sizeof(cpu));
    while (f) {
        int end = !fgets(line, sizeof(line), f);
        if (end || cpuinfo_field(line, "processor", val, sizeof(val))) {
            if (n >= 0) {   /* the previous block is complete */
                char path[128], ident[128];
                struct reg_key *key;
                snprintf(path, sizeof(path), "Hardware\\Description\\System\\CentralProcessor\\%d", n);
                if ((key = open_default_key(machine, path, 1))) {
                    snprintf(ident, sizeof(ident), "%s Family %u Model %u Stepping %u",
                             strcmp(cpu.vendor, "AuthenticAMD") ? "Intel64" : "AMD64", cpu.family, cpu.model, cpu.stepping);
                    set_text(key, "Identifier", REG_SZ, ident);
                    set_text(key, "ProcessorNameString", REG_SZ, *cpu.name ? cpu.name : "x86-64 processor");
                    set_text(key, "VendorIdentifier", REG_SZ, *cpu.vendor ? cpu.vendor : "GenuineIntel");
                    set_dword(key, "~MHz", cpu.mhz);
                }
            }
            if (end) break;
            n = atoi(val);
            memset(&cpu, 0, sizeof(cpu));
        }
        else if (cpuinfo_field(line, "vendor_id", val, sizeof(val))) snprintf(cpu.vendor, sizeof(cpu.vendor), "%s", val);
        else if (cpuinfo_field(line, "model name", val, sizeof(val))) snprintf(cpu.name, sizeof(cpu.name), "%s", val);
        else if (cpuinfo_field(line, "cpu family", val, sizeof(val))) cpu.family = atoi(val);
        else if (cpuinfo_field(line, "model", val, sizeof(val))) cpu.model = atoi(val);
        else if (cpuinfo_field(line, "stepping", val, sizeof(val))) cpu.stepping = atoi(val);
        else if (cpuinfo_field(line, "cpu MHz", val, sizeof(val))) cpu.mhz = (unsigned)(atof(val) + 0.5);
    }
    if (f) fclose(f);
}

void registry_add_volatile(void)
{
    add_processors(reg_hive_root(HIVE_MACHINE));

    struct reg_key *user = user_key();
    if (user) apply(user, user_volatile, sizeof(user_volatile) / sizeof(user_volatile[0]), 1);
}
