/*
 * ntdll/unix/sysinfo.c — NtQuerySystemInformation: what the machine is
 * (processors, memory, address space), its clocks and time zone, read from
 * sysconf, cpuid, /proc and /sys; and the computer's name.
 *
 * Sections: the host (cpu count, /proc readers) · one function per
 * information class · the syscall · the computer's name.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "private.h"
#include "sysinfo.h"

#define PAGE_SIZE 4096

/* --- the host ------------------------------------------------------------- */

/* the processors online, read once (sysconf reads /sys at every call); the
   PEB, KUSER_SHARED_DATA and the environment say the same */
unsigned wlx_cpu_count(void)
{
    static unsigned count;
    unsigned n = __atomic_load_n(&count, __ATOMIC_RELAXED);
    if (!n)
    {
        long online = sysconf(_SC_NPROCESSORS_ONLN);
        n = online < 1 ? 1 : online > 64 ? 64 : online;
        __atomic_store_n(&count, n, __ATOMIC_RELAXED);
    }
    return n;
}

static uint64_t cpu_mask(void)
{
    unsigned n = wlx_cpu_count();
    return n == 64 ? ~0ULL : (1ULL << n) - 1;
}

/* a number after "key" in a /proc file such as /proc/meminfo */
static uint64_t proc_value(const char *path, const char *key)
{
    char line[256];
    uint64_t v = 0;
    size_t n = strlen(key);
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    while (fgets(line, sizeof(line), f))
        if (!strncmp(line, key, n)) { v = strtoull(line + n, NULL, 10); break; }
    fclose(f);
    return v;
}

/* /proc/stat times of one processor line, in 100 ns units */
struct cpu_times { int64_t user, kernel, idle, interrupt; };

static int read_cpu_times(FILE *f, struct cpu_times *t)
{
    char line[512];
    unsigned long long v[8] = {0};
    long hz = sysconf(_SC_CLK_TCK);
    int64_t unit = 10000000 / (hz > 0 ? hz : 100);
    while (fgets(line, sizeof(line), f))
    {
        if (strncmp(line, "cpu", 3) || line[3] == ' ') continue;
        sscanf(line + 3, "%*u %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3], &v[4],
               &v[5], &v[6], &v[7]);
        /* user nice system idle iowait irq softirq steal; Windows' kernel time includes idle */
        t->user = (v[0] + v[1]) * unit;
        t->idle = (v[3] + v[4]) * unit;
        t->interrupt = (v[5] + v[6]) * unit;
        t->kernel = (v[2] + v[5] + v[6]) * unit + t->idle;
        return 1;
    }
    return 0;
}

/* --- information classes ------------------------------------------------- */

static NTSTATUS fixed_info(void *buf, uint32_t len, uint32_t *ret, const void *data, uint32_t size)
{
    *ret = size;
    if (len != size) return STATUS_INFO_LENGTH_MISMATCH;
    memcpy(buf, data, size);
    return STATUS_SUCCESS;
}

static NTSTATUS basic_info(void *buf, uint32_t len, uint32_t *ret)
{
    struct wlx_basic_info info = {0};
    long pages = sysconf(_SC_PHYS_PAGES);
    *ret = sizeof(info);
    if (len != sizeof(info)) return STATUS_INFO_LENGTH_MISMATCH;
    info.timer_resolution = 156250;
    info.page_size = PAGE_SIZE;
    info.physical_pages = pages > 0 ? pages : 0x40000;
    info.lowest_physical_page = 1;
    info.highest_physical_page = info.physical_pages;
    info.allocation_granularity = 0x10000;
    /* the first and last 64 KiB of the user space are never mapped */
    info.min_user_address = 0x10000;
    info.max_user_address = 0x7ffffffeffffULL;
    info.active_processor_mask = cpu_mask();
    info.number_of_processors = wlx_cpu_count();
    memcpy(buf, &info, sizeof(info));
    return STATUS_SUCCESS;
}

static NTSTATUS cpu_info(void *buf, uint32_t len, uint32_t *ret)
{
    struct wlx_cpu_info info = {0};
    unsigned r[4], a, family, model;
    *ret = sizeof(info);
    if (len < sizeof(info)) return STATUS_INFO_LENGTH_MISMATCH;
    wlx_cpuid(1, 0, r);
    a = r[0];
    family = (a >> 8) & 0xf;
    model = (a >> 4) & 0xf;
    if (family == 0xf) family += (a >> 20) & 0xff;
    if (family == 6 || family >= 0xf) model |= ((a >> 16) & 0xf) << 4;
    info.architecture = 9;                      /* PROCESSOR_ARCHITECTURE_AMD64 */
    info.level = family;
    info.revision = (model << 8) | (a & 0xf);
    info.maximum_processors = wlx_cpu_count();
    /* KF_* bits of the kernel: a plain x86-64 always has these */
    info.feature_bits = 0x00000002 | 0x00000008 | 0x00000100 | 0x00002000 | 0x00010000;
    memcpy(buf, &info, sizeof(info));
    return STATUS_SUCCESS;
}

static NTSTATUS performance_info(void *buf, uint32_t len, uint32_t *ret)
{
    struct wlx_performance_info info = {0};
    struct cpu_times t = {0};
    FILE *f;
    *ret = sizeof(info);
    if (len < sizeof(info)) return STATUS_INFO_LENGTH_MISMATCH;
    uint64_t total = proc_value("/proc/meminfo", "MemTotal:") / 4;      /* kB -> pages */
    uint64_t avail = proc_value("/proc/meminfo", "MemAvailable:") / 4;
    uint64_t swap = proc_value("/proc/meminfo", "SwapTotal:") / 4;
    uint64_t committed = proc_value("/proc/meminfo", "Committed_AS:") / 4;
    /* Windows' commit limit is RAM plus page file, and commit never passes it */
    uint64_t limit = total + swap;
    if (committed > limit) committed = limit;
    if ((f = fopen("/proc/stat", "r"))) { read_cpu_times(f, &t); fclose(f); }
    info.idle_time = t.idle;
    info.available_pages = avail > 0xffffffff ? 0xffffffff : avail;
    info.committed_pages = committed > 0xffffffff ? 0xffffffff : committed;
    info.commit_limit = limit > 0xffffffff ? 0xffffffff : limit;
    info.peak_commitment = info.committed_pages;
    memcpy(buf, &info, sizeof(info));
    return STATUS_SUCCESS;
}

static NTSTATUS timeofday_info(void *buf, uint32_t len, uint32_t *ret)
{
    struct wlx_timeofday_info info = {0};
    struct wlx_tz_info tz;
    if (len > sizeof(info)) { *ret = 0; return STATUS_INFO_LENGTH_MISMATCH; }
    info.time_zone_id = time_zone_current(&tz, &info.time_zone_bias);
    info.current_time = time_system();
    info.boot_time = info.current_time - time_interrupt();
    memcpy(buf, &info, len);     /* Windows copies as much as asked */
    *ret = len;
    return STATUS_SUCCESS;
}

static NTSTATUS processor_perf_info(void *buf, uint32_t len, uint32_t *ret)
{
    struct wlx_processor_perf_info info;
    struct cpu_times t;
    unsigned n = 0, max = len / sizeof(info);
    FILE *f;
    *ret = 0;
    if (!max) return STATUS_INFO_LENGTH_MISMATCH;
    if (!(f = fopen("/proc/stat", "r"))) return STATUS_UNSUCCESSFUL;
    while (n < max && n < wlx_cpu_count() && read_cpu_times(f, &t))
    {
        memset(&info, 0, sizeof(info));
        info.idle_time = t.idle;
        info.kernel_time = t.kernel;
        info.user_time = t.user;
        info.interrupt_time = t.interrupt;
        memcpy((char *)buf + n++ * sizeof(info), &info, sizeof(info));
    }
    fclose(f);
    *ret = n * sizeof(info);
    return STATUS_SUCCESS;
}

static NTSTATUS time_adjustment_info(void *buf, uint32_t len, uint32_t *ret)
{
    struct wlx_time_adjustment info = { 156250, 156250, 1 };
    *ret = sizeof(info);
    if (len != sizeof(info)) return STATUS_INFO_LENGTH_MISMATCH;
    memcpy(buf, &info, sizeof(info));
    return STATUS_SUCCESS;
}

static NTSTATUS time_zone_info(void *buf, uint32_t len, uint32_t *ret, uint32_t size)
{
    struct wlx_tz_info info;
    *ret = size;
    if (len < size) return STATUS_INFO_LENGTH_MISMATCH;
    time_zone_current(&info, NULL);
    memcpy(buf, &info, size);
    return STATUS_SUCCESS;
}

/* SYSTEM_LOGICAL_PROCESSOR_INFORMATION: 32 bytes each */
struct slpi { uint64_t mask; uint32_t relationship, pad; union {
    uint8_t flags; uint32_t node;
    struct { uint8_t level, associativity; uint16_t line_size; uint32_t size, type; } cache;
    uint64_t reserved[2]; }; };
_Static_assert(sizeof(struct slpi) == 32, "SYSTEM_LOGICAL_PROCESSOR_INFORMATION");

static uint64_t sysfs_mask(const char *path)   /* a "0-3,5" cpu list as a mask */
{
    char buf[256], *p = buf;
    uint64_t mask = 0;
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    if (!fgets(buf, sizeof(buf), f)) buf[0] = 0;
    fclose(f);
    while (*p >= '0' && *p <= '9')
    {
        unsigned lo = strtoul(p, &p, 10), hi = lo;
        if (*p == '-') hi = strtoul(p + 1, &p, 10);
        for (unsigned i = lo; i <= hi && i < 64; i++) mask |= 1ULL << i;
        if (*p == ',') p++;
    }
    return mask;
}

static unsigned sysfs_number(const char *path)
{
    char buf[64];
    unsigned v = 0;
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    if (fgets(buf, sizeof(buf), f)) v = strtoul(buf, NULL, 10) * (strchr(buf, 'K') ? 1024 : 1);
    fclose(f);
    return v;
}

static void add_slpi(struct slpi *list, unsigned *n, const struct slpi *e)
{
    for (unsigned i = 0; i < *n; i++)
        if (list[i].relationship == e->relationship && list[i].mask == e->mask &&
            !memcmp(&list[i].reserved, &e->reserved, sizeof(e->reserved))) return;
    if (*n < 256) list[(*n)++] = *e;
}

/* cores (SMT siblings), caches, one package, one NUMA node */
static unsigned build_slpi(struct slpi *list)
{
    char path[128];
    unsigned n = 0;
    for (unsigned cpu = 0; cpu < wlx_cpu_count(); cpu++)
    {
        struct slpi e = { .relationship = 0 /* RelationProcessorCore */ };
        snprintf(path, sizeof(path), "/sys/devices/system/cpu/cpu%u/topology/thread_siblings_list", cpu);
        e.mask = sysfs_mask(path) & cpu_mask();
        if (!e.mask) e.mask = 1ULL << cpu;
        e.flags = (e.mask & (e.mask - 1)) ? 1 : 0;   /* LTP_PC_SMT */
        add_slpi(list, &n, &e);
        for (unsigned idx = 0; idx < 8; idx++)
        {
            struct slpi c = { .relationship = 2 /* RelationCache */ };
            char type[32] = "";
            FILE *f;
            snprintf(path, sizeof(path), "/sys/devices/system/cpu/cpu%u/cache/index%u/type", cpu, idx);
            if (!(f = fopen(path, "r"))) break;
            if (!fgets(type, sizeof(type), f)) type[0] = 0;
            fclose(f);
            c.cache.type = !strncmp(type, "Instruction", 11) ? 1 : !strncmp(type, "Data", 4) ? 2 : 0;
#define CACHE_FIELD(name) (snprintf(path, sizeof(path), "/sys/devices/system/cpu/cpu%u/cache/index%u/" name, cpu, idx), sysfs_number(path))
            c.cache.level = CACHE_FIELD("level");
            c.cache.associativity = CACHE_FIELD("ways_of_associativity");
            c.cache.line_size = CACHE_FIELD("coherency_line_size");
            c.cache.size = CACHE_FIELD("size");
#undef CACHE_FIELD
            snprintf(path, sizeof(path), "/sys/devices/system/cpu/cpu%u/cache/index%u/shared_cpu_list", cpu, idx);
            c.mask = sysfs_mask(path) & cpu_mask();
            if (!c.mask) c.mask = 1ULL << cpu;
            add_slpi(list, &n, &c);
        }
    }
    struct slpi package = { .mask = cpu_mask(), .relationship = 3 /* RelationProcessorPackage */ };
    struct slpi node = { .mask = cpu_mask(), .relationship = 1 /* RelationNumaNode */ };
    add_slpi(list, &n, &package);
    add_slpi(list, &n, &node);
    return n;
}

static NTSTATUS logical_processor_info(void *buf, uint32_t len, uint32_t *ret)
{
    struct slpi *list = calloc(256, sizeof(*list));
    if (!list) return STATUS_NO_MEMORY;
    unsigned n = build_slpi(list);
    *ret = n * sizeof(*list);
    NTSTATUS status = len < *ret ? STATUS_INFO_LENGTH_MISMATCH : STATUS_SUCCESS;
    if (!status) memcpy(buf, list, *ret);
    free(list);
    return status;
}

/* --- the syscall ------------------------------------------------------------ */

NTSTATUS WINAPI unix_NtQuerySystemInformation(uint32_t class, void *buf, uint32_t len, uint32_t *ret_len)
{
    uint32_t ret = 0;
    NTSTATUS status;

    shared_data_init();
    switch (class)
    {
    case WLX_SystemBasicInformation:
    case WLX_SystemEmulationBasicInformation:
    case WLX_SystemNativeBasicInformation:
        status = basic_info(buf, len, &ret); break;
    case WLX_SystemCpuInformation: status = cpu_info(buf, len, &ret); break;
    case WLX_SystemPerformanceInformation: status = performance_info(buf, len, &ret); break;
    case WLX_SystemTimeOfDayInformation: status = timeofday_info(buf, len, &ret); break;
    case WLX_SystemProcessorPerformanceInformation: status = processor_perf_info(buf, len, &ret); break;
    case WLX_SystemTimeAdjustmentInformation: status = time_adjustment_info(buf, len, &ret); break;
    case WLX_SystemCurrentTimeZoneInformation: status = time_zone_info(buf, len, &ret, WLX_TZ_INFO_SIZE); break;
    case WLX_SystemDynamicTimeZoneInformation: status = time_zone_info(buf, len, &ret, WLX_DYN_TZ_INFO_SIZE); break;
    case WLX_SystemLogicalProcessorInformation: status = logical_processor_info(buf, len, &ret); break;
    case WLX_SystemKernelDebuggerInformation:    /* { DebuggerEnabled, DebuggerNotPresent } */
        status = fixed_info(buf, len, &ret, (const uint8_t[2]){ 0, 1 }, 2); break;
    case WLX_SystemRecommendedSharedDataAlignment:
        status = fixed_info(buf, len, &ret, &(const uint32_t){ 64 }, 4); break;   /* a cache line */
    default:
        TRACE(THREAD, "NtQuerySystemInformation: class %u not supported\n", class);
        status = STATUS_INVALID_INFO_CLASS;
    }
    if (ret_len) *ret_len = ret;
    return status;
}

/* --- the computer's name ---------------------------------------------------- */

/* format: COMPUTER_NAME_FORMAT (the Physical* ones are the same here);
   *size: room in WCHARs on entry; the length, or the room needed with its
   NUL when STATUS_BUFFER_OVERFLOW, on return. */
NTSTATUS WINAPI unix___wlx_computer_name(uint32_t format, WCHAR *buf, uint32_t *size)
{
    char host[256] = "WLX", name[256], *dot;
    size_t len;

    if (format > 7) return STATUS_INVALID_PARAMETER;
    gethostname(host, sizeof(host) - 1);
    host[sizeof(host) - 1] = 0;
    dot = strchr(host, '.');
    len = dot ? (size_t)(dot - host) : strlen(host);
    switch (format % 4)
    {
    case 0:  /* NetBIOS: upper case, at most 15 characters */
        snprintf(name, sizeof(name), "%.*s", (int)(len > 15 ? 15 : len), host);
        for (char *p = name; *p; p++) if (*p >= 'a' && *p <= 'z') *p -= 32;
        break;
    case 1: snprintf(name, sizeof(name), "%.*s", (int)len, host); break;
    case 2: snprintf(name, sizeof(name), "%s", dot ? dot + 1 : ""); break;
    default: snprintf(name, sizeof(name), "%s", host); break;
    }
    len = wlx_utf8_to_utf16(name, strlen(name), NULL, 0);
    if (!buf || *size < len + 1)
    {
        *size = len + 1;
        return STATUS_BUFFER_OVERFLOW;
    }
    wlx_utf8_to_utf16(name, strlen(name), buf, len);
    buf[len] = 0;
    *size = len;
    return STATUS_SUCCESS;
}
