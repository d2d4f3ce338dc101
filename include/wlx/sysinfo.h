/*
 * include/wlx/sysinfo.h — the system-information structures that cross the
 * door (NtQuerySystemInformation and the time-zone calls), in the Windows
 * x64 layout with fixed-width members. The Unix side (ntdll/unix/sysinfo.c,
 * time.c) fills them; the PE side reads them through the SDK's own types
 * and checks the sizes against these (ntdll/time.c, ntdll/sysinfo.c).
 */
#ifndef WLX_SYSINFO_H
#define WLX_SYSINFO_H

#include <stdint.h>

/* SYSTEM_INFORMATION_CLASS values served by NtQuerySystemInformation */
#define WLX_SystemBasicInformation                 0
#define WLX_SystemCpuInformation                   1
#define WLX_SystemPerformanceInformation           2
#define WLX_SystemTimeOfDayInformation             3
#define WLX_SystemProcessorPerformanceInformation  8
#define WLX_SystemTimeAdjustmentInformation        28
#define WLX_SystemKernelDebuggerInformation        35
#define WLX_SystemCurrentTimeZoneInformation       44
#define WLX_SystemRecommendedSharedDataAlignment   58
#define WLX_SystemEmulationBasicInformation        62
#define WLX_SystemLogicalProcessorInformation      73
#define WLX_SystemDynamicTimeZoneInformation       102
#define WLX_SystemNativeBasicInformation           114

/* SYSTEM_BASIC_INFORMATION */
struct wlx_basic_info {
    uint32_t reserved;
    uint32_t timer_resolution;          /* 100 ns units */
    uint32_t page_size;
    uint32_t physical_pages;
    uint32_t lowest_physical_page;
    uint32_t highest_physical_page;
    uint32_t allocation_granularity;
    uint32_t pad;
    uint64_t min_user_address;
    uint64_t max_user_address;
    uint64_t active_processor_mask;
    uint8_t number_of_processors;
    uint8_t pad2[7];
};

/* SYSTEM_CPU_INFORMATION (class 1, "SystemProcessorInformation") */
struct wlx_cpu_info {
    uint16_t architecture;              /* PROCESSOR_ARCHITECTURE_AMD64 = 9 */
    uint16_t level;                     /* CPUID family */
    uint16_t revision;                  /* model << 8 | stepping */
    uint16_t maximum_processors;
    uint32_t feature_bits;
};

/* SYSTEM_PERFORMANCE_INFORMATION: only the leading fields are filled */
struct wlx_performance_info {
    int64_t idle_time;
    int64_t io_transfer[3];
    uint32_t io_operations[3];
    uint32_t available_pages;
    uint32_t committed_pages;
    uint32_t commit_limit;
    uint32_t peak_commitment;
    uint32_t rest[63];
};

/* SYSTEM_TIMEOFDAY_INFORMATION */
struct wlx_timeofday_info {
    int64_t boot_time;                  /* system time at boot, 100 ns since 1601 */
    int64_t current_time;
    int64_t time_zone_bias;             /* UTC - local now, 100 ns units */
    uint32_t time_zone_id;              /* TIME_ZONE_ID_* in effect now */
    uint32_t reserved;
    uint64_t boot_time_bias;
    uint64_t sleep_time_bias;
};

/* SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION, one per processor */
struct wlx_processor_perf_info {
    int64_t idle_time;
    int64_t kernel_time;                /* includes the idle time, as on Windows */
    int64_t user_time;
    int64_t dpc_time;
    int64_t interrupt_time;
    uint32_t interrupt_count;
    uint32_t pad;
};

/* SYSTEM_TIME_ADJUSTMENT_INFORMATION (query form) */
struct wlx_time_adjustment {
    uint32_t adjustment;
    uint32_t increment;
    uint8_t disabled;
    uint8_t pad[3];
};

/* SYSTEMTIME / TIME_ZONE_INFORMATION / DYNAMIC_TIME_ZONE_INFORMATION */
struct wlx_systemtime {
    uint16_t year, month, day_of_week, day, hour, minute, second, milliseconds;
};

struct wlx_tz_info {
    int32_t bias;                       /* minutes, UTC = local + bias */
    uint16_t standard_name[32];
    struct wlx_systemtime standard_date;
    int32_t standard_bias;
    uint16_t daylight_name[32];
    struct wlx_systemtime daylight_date;
    int32_t daylight_bias;
    uint16_t key_name[128];             /* the dynamic form only */
    uint8_t dynamic_daylight_disabled;
    uint8_t pad[3];
};

#define WLX_TZ_INFO_SIZE     172        /* sizeof(TIME_ZONE_INFORMATION) */
#define WLX_DYN_TZ_INFO_SIZE 432        /* sizeof(DYNAMIC_TIME_ZONE_INFORMATION) */

_Static_assert(sizeof(struct wlx_basic_info) == 64, "SYSTEM_BASIC_INFORMATION");
_Static_assert(sizeof(struct wlx_cpu_info) == 12, "SYSTEM_CPU_INFORMATION");
_Static_assert(sizeof(struct wlx_performance_info) == 312, "SYSTEM_PERFORMANCE_INFORMATION");
_Static_assert(sizeof(struct wlx_timeofday_info) == 48, "SYSTEM_TIMEOFDAY_INFORMATION");
_Static_assert(sizeof(struct wlx_processor_perf_info) == 48, "SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION");
_Static_assert(sizeof(struct wlx_tz_info) == WLX_DYN_TZ_INFO_SIZE, "DYNAMIC_TIME_ZONE_INFORMATION");

/* Processor features as IsProcessorFeaturePresent numbers them (PF_*),
   from cpuid, computed the same way on both sides: ntdll's
   RtlIsProcessorFeaturePresent and the KUSER_SHARED_DATA page. */
static inline void wlx_cpuid(unsigned leaf, unsigned sub, unsigned r[4])
{
    __asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(leaf), "c"(sub));
}

static inline void wlx_cpu_features(uint8_t pf[64])
{
    /* { PF number, cpuid leaf (0: 1, 1: 7, 2: 0x80000001), register (eax..edx), bit } */
    static const uint8_t bits[][4] = {
        { 2, 0, 3, 8 },  { 3, 0, 3, 23 }, { 6, 0, 3, 25 }, { 7, 2, 3, 31 }, { 8, 0, 3, 4 },
        { 10, 0, 3, 26 }, { 11, 0, 3, 26 }, { 13, 0, 2, 0 }, { 14, 0, 2, 13 }, { 17, 0, 2, 27 },
        { 28, 0, 2, 30 }, { 32, 2, 3, 27 }, { 33, 1, 2, 22 }, { 35, 2, 2, 29 }, { 36, 0, 2, 9 },
        { 37, 0, 2, 19 }, { 38, 0, 2, 20 }, { 42, 1, 1, 9 },
    };
    unsigned r[3][4] = {{0}}, max[4], xcr0 = 0;
    int avx;

    wlx_cpuid(0, 0, max);
    wlx_cpuid(1, 0, r[0]);
    if (max[0] >= 7) wlx_cpuid(7, 0, r[1]);
    wlx_cpuid(0x80000000, 0, max);
    if (max[0] >= 0x80000001) wlx_cpuid(0x80000001, 0, r[2]);
    if (r[0][2] & (1u << 27)) { unsigned hi; __asm__ volatile("xgetbv" : "=a"(xcr0), "=d"(hi) : "c"(0)); }
    for (int i = 0; i < 64; i++) pf[i] = 0;
    for (unsigned i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
        pf[bits[i][0]] = (r[bits[i][1]][bits[i][2]] >> bits[i][3]) & 1;
    pf[9] = pf[12] = pf[23] = 1;                 /* PAE, NX, fast fail: x86-64 itself */
    /* AVX needs the OS to save the YMM (and for AVX-512 the ZMM) registers */
    avx = (xcr0 & 6) == 6;
    pf[39] = avx && (r[0][2] >> 28 & 1);
    pf[40] = avx && (r[1][1] >> 5 & 1);
    pf[41] = avx && (xcr0 & 0xe6) == 0xe6 && (r[1][1] >> 16 & 1);
    /* PF_RDWRFSGSBASE_AVAILABLE (22) stays clear: a program writing GS would lose its TEB */
}

/* PE side: TIME_FIELDS, which the SDK's winternl.h lacks, and ntdll's
   private exports of this area */
#ifdef _WIN32
typedef struct _TIME_FIELDS {
    SHORT Year, Month, Day, Hour, Minute, Second, Milliseconds, Weekday;
} TIME_FIELDS;
NTSTATUS NTAPI __wlx_query_interrupt_time(ULONGLONG *interrupt, ULONGLONG *unbiased);
NTSTATUS NTAPI __wlx_time_zone_for_year(ULONG year, DYNAMIC_TIME_ZONE_INFORMATION *info);
NTSTATUS NTAPI __wlx_verify_version(const OSVERSIONINFOEXW *have, const OSVERSIONINFOEXW *want, DWORD type,
                                    ULONGLONG conditions);
NTSTATUS NTAPI __wlx_computer_name(ULONG format, WCHAR *buf, ULONG *size);
#endif

#endif
