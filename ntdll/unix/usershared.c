/*
 * ntdll/unix/usershared.c — KUSER_SHARED_DATA, the read-only page at
 * 0x7ffe0000 that Windows maps into every process and that programs
 * (MSVC-built ones, anti-cheat, runtimes) read directly: clocks, version,
 * processor features.
 *
 * One memfd page is mapped twice: read-only at 0x7ffe0000 for the Windows
 * side, writable elsewhere for us. A small thread refreshes the clocks at
 * the Windows clock rate (15.625 ms), as Windows' clock interrupt does.
 *
 * Sections: layout · clocks · start.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <asm/prctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "private.h"
#include "sysinfo.h"

/* --- layout: documented offsets of KUSER_SHARED_DATA (x64) ------------------ */

#define USER_SHARED_DATA            0x7ffe0000UL
#define KUSD_TICK_COUNT_LOW         0x000   /* deprecated: low part of the tick count */
#define KUSD_TICK_COUNT_MULTIPLIER  0x004
#define KUSD_INTERRUPT_TIME         0x008   /* KSYSTEM_TIME, 100 ns since boot */
#define KUSD_SYSTEM_TIME            0x014   /* KSYSTEM_TIME, 100 ns since 1601 */
#define KUSD_TIME_ZONE_BIAS         0x020   /* KSYSTEM_TIME, UTC - local */
#define KUSD_IMAGE_NUMBER_LOW       0x02c
#define KUSD_IMAGE_NUMBER_HIGH      0x02e
#define KUSD_NT_SYSTEM_ROOT         0x030   /* WCHAR[260] */
#define KUSD_TIME_ZONE_ID           0x240
#define KUSD_LARGE_PAGE_MINIMUM     0x244
#define KUSD_NT_BUILD_NUMBER        0x260
#define KUSD_NT_PRODUCT_TYPE        0x264
#define KUSD_PRODUCT_TYPE_IS_VALID  0x268
#define KUSD_NATIVE_ARCHITECTURE    0x26a
#define KUSD_NT_MAJOR_VERSION       0x26c
#define KUSD_NT_MINOR_VERSION       0x270
#define KUSD_PROCESSOR_FEATURES     0x274   /* BOOLEAN[64] */
#define KUSD_SUITE_MASK             0x2d0
#define KUSD_ACTIVE_CONSOLE_ID      0x2d8
#define KUSD_NUMBER_OF_PHYSICAL_PAGES 0x2e8
#define KUSD_TEST_RET_INSTRUCTION   0x2f8
#define KUSD_QPC_FREQUENCY          0x300
#define KUSD_TICK_COUNT             0x320   /* KSYSTEM_TIME, in clock ticks */
#define KUSD_COOKIE                 0x330
#define KUSD_ACTIVE_PROCESSOR_COUNT 0x3c0
#define KUSD_ACTIVE_GROUP_COUNT     0x3c4

#define CLOCK_TICK      156250      /* 15.625 ms in 100 ns units */

static uint8_t *kusd;               /* our writable view */

#define FIELD(type, off) (*(volatile type *)(kusd + (off)))

/* --- clocks ------------------------------------------------------------------- */

/* A KSYSTEM_TIME is read High1Time, LowPart, High2Time and retried until
   the two high parts agree, so it is written in the opposite order. */
static void set_ksystem_time(size_t off, int64_t value)
{
    FIELD(int32_t, off + 8) = (int32_t)(value >> 32);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    FIELD(uint32_t, off) = (uint32_t)value;
    __atomic_thread_fence(__ATOMIC_RELEASE);
    FIELD(int32_t, off + 4) = (int32_t)(value >> 32);
}

static void update_clocks(void)
{
    int64_t interrupt = time_interrupt(), ticks = interrupt / CLOCK_TICK;
    set_ksystem_time(KUSD_INTERRUPT_TIME, interrupt);
    set_ksystem_time(KUSD_SYSTEM_TIME, time_system());
    set_ksystem_time(KUSD_TICK_COUNT, ticks);
    FIELD(uint32_t, KUSD_TICK_COUNT_LOW) = (uint32_t)ticks;
}

static void update_zone(void)
{
    struct wlx_tz_info tz;
    int64_t bias = 0;
    FIELD(uint32_t, KUSD_TIME_ZONE_ID) = time_zone_current(&tz, &bias);
    set_ksystem_time(KUSD_TIME_ZONE_BIAS, bias);
}

static void *clock_thread(void *arg)
{
    struct timespec next;
    unsigned n = 0;
    (void)arg;
    /* clone copied the creator's GS base, its TEB: this thread is no Windows thread */
    syscall(SYS_arch_prctl, ARCH_SET_GS, 0UL);
    clock_gettime(CLOCK_MONOTONIC, &next);
    for (;;)
    {
        next.tv_nsec += CLOCK_TICK * 100;
        if (next.tv_nsec >= 1000000000) { next.tv_nsec -= 1000000000; next.tv_sec++; }
        /* this thread also carries Ctrl-C to Windows (ctrlc.c): one Unix
           thread per process instead of two */
        ctrlc_wait_until(&next);
        update_clocks();
        if (++n % 64 == 0) update_zone();     /* about once a second: a zone change is rare */
    }
    return NULL;
}

/* --- start -------------------------------------------------------------------------- */

static void fill_constants(void)
{
    static const char root[] = "C:\\windows";
    uint8_t *peb = wlx_peb;
    long pages = sysconf(_SC_PHYS_PAGES), ncpu = wlx_cpu_count();

    FIELD(uint32_t, KUSD_TICK_COUNT_MULTIPLIER) = 0x0fa00000;  /* 15.625 ms << 24: ms = ticks * this >> 24 */
    FIELD(uint16_t, KUSD_IMAGE_NUMBER_LOW) = 0x8664;
    FIELD(uint16_t, KUSD_IMAGE_NUMBER_HIGH) = 0x8664;
    for (size_t i = 0; i < sizeof(root); i++) FIELD(uint16_t, KUSD_NT_SYSTEM_ROOT + 2 * i) = root[i];
    FIELD(uint32_t, KUSD_LARGE_PAGE_MINIMUM) = 0x200000;
    FIELD(uint32_t, KUSD_NT_MAJOR_VERSION) = peb ? *(uint32_t *)(peb + PEB_OS_MAJOR) : 10;
    FIELD(uint32_t, KUSD_NT_MINOR_VERSION) = peb ? *(uint32_t *)(peb + PEB_OS_MINOR) : 0;
    FIELD(uint32_t, KUSD_NT_BUILD_NUMBER) = peb ? *(uint16_t *)(peb + PEB_OS_BUILD) : 19045;
    FIELD(uint32_t, KUSD_NT_PRODUCT_TYPE) = 1;                 /* NtProductWinNt: a workstation */
    FIELD(uint8_t, KUSD_PRODUCT_TYPE_IS_VALID) = 1;
    FIELD(uint16_t, KUSD_NATIVE_ARCHITECTURE) = 9;             /* PROCESSOR_ARCHITECTURE_AMD64 */
    wlx_cpu_features((uint8_t *)kusd + KUSD_PROCESSOR_FEATURES);
    FIELD(uint32_t, KUSD_SUITE_MASK) = 0x100;                  /* VER_SUITE_SINGLEUSERTS */
    FIELD(uint32_t, KUSD_ACTIVE_CONSOLE_ID) = 1;
    FIELD(uint32_t, KUSD_NUMBER_OF_PHYSICAL_PAGES) = pages > 0 ? pages : 0;
    FIELD(uint64_t, KUSD_TEST_RET_INSTRUCTION) = 0xc3;         /* a "ret" */
    FIELD(int64_t, KUSD_QPC_FREQUENCY) = 10000000;             /* NtQueryPerformanceCounter's rate */
    FIELD(uint32_t, KUSD_COOKIE) = (uint32_t)(time_system() ^ getpid());
    FIELD(uint32_t, KUSD_ACTIVE_PROCESSOR_COUNT) = ncpu > 0 ? ncpu : 1;
    FIELD(uint8_t, KUSD_ACTIVE_GROUP_COUNT) = 1;
}

static void start_clock_thread(void)
{
    pthread_t thread;
    pthread_attr_t attr;
    sigset_t all, old;

    /* the thread must never take a signal meant for a Windows thread */
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&thread, &attr, clock_thread, NULL))
        TRACE(THREAD, "KUSER_SHARED_DATA: no clock thread, the page's clocks stay still\n");
    pthread_attr_destroy(&attr);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

static void map_shared_data(void)
{
    int fd = memfd_create("wlx-user-shared-data", MFD_CLOEXEC);
    void *ro;

    if (fd < 0 || ftruncate(fd, 0x1000) < 0) goto fail;
    kusd = mmap(NULL, 0x1000, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (kusd == MAP_FAILED) { kusd = NULL; goto fail; }
    /* claim the page from virtual.c so no allocation is placed over it,
       then put the read-only view of our page there */
    if (virtual_alloc_image_space((void *)USER_SHARED_DATA, 0x1000) != (void *)USER_SHARED_DATA) goto fail;
    ro = mmap((void *)USER_SHARED_DATA, 0x1000, PROT_READ, MAP_SHARED | MAP_FIXED, fd, 0);
    if (ro == MAP_FAILED) goto fail;
    virtual_note_image_range(ro, 0, 0x1000, VPROT_READ);   /* mapped read-only already */
    close(fd);
    fill_constants();
    update_clocks();
    update_zone();
    start_clock_thread();
    return;
fail:
    if (fd >= 0) close(fd);
    TRACE(VIRTUAL, "KUSER_SHARED_DATA could not be mapped at %#lx\n", USER_SHARED_DATA);
}

/* For the loader to call before the first Windows instruction (after the
   PEB is built); until it does, the first NtQuerySystemInformation or tick
   count call maps the page. Idempotent. */
void shared_data_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, map_shared_data);
}
