/*
 * ntdll/unix/procinfo.c — NtQueryInformationProcess for the current
 * process: ids and PEB, memory counters, times, image name, cookie, the
 * debugger questions. Other processes: basic information only (procobj.c).
 *
 * Sections: helpers · information classes · the syscall.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include "private.h"
#include "sysinfo.h"
#include "process.h"
#include "procmem.h"
#include "file.h"

#define STATUS_PORT_NOT_SET ((NTSTATUS)0xC0000353)

/* PROCESSINFOCLASS values served here */
enum {
    ProcessBasicInformation = 0, ProcessVmCounters = 3, ProcessTimes = 4, ProcessDebugPort = 7,
    ProcessPriorityClass = 18, ProcessHandleCount = 20, ProcessSessionInformation = 24, ProcessWow64Information = 26,
    ProcessImageFileName = 27, ProcessBreakOnTermination = 29, ProcessDebugObjectHandle = 30,
    ProcessDebugFlags = 31, ProcessCookie = 36, ProcessImageFileNameWin32 = 43,
};

/* --- helpers ------------------------------------------------------------------ */

/* a fixed-size answer: the length must be exact, as Windows checks */
static NTSTATUS put_exact(void *buf, uint32_t len, uint32_t *ret, const void *data, uint32_t size)
{
    *ret = size;
    if (len != size) return STATUS_INFO_LENGTH_MISMATCH;
    memcpy(buf, data, size);
    return STATUS_SUCCESS;
}

static uint64_t status_kb(const char *key)   /* a "Vm...: N kB" line of /proc/self/status, in bytes */
{
    char line[256];
    uint64_t v = 0;
    size_t n = strlen(key);
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return 0;
    while (fgets(line, sizeof(line), f))
        if (!strncmp(line, key, n)) { v = strtoull(line + n, NULL, 10) * 1024; break; }
    fclose(f);
    return v;
}

/* the image path from the process parameters, as Windows spells it */
static const UNICODE_STRING *image_path(void)
{
    uint8_t *params = *(uint8_t **)((uint8_t *)wlx_peb + PEB_PROCESS_PARAMETERS);
    return (const UNICODE_STRING *)(params + PP_IMAGE_PATH);
}

/* UNICODE_STRING followed by its characters, in the caller's buffer */
static NTSTATUS put_string(void *buf, uint32_t len, uint32_t *ret, const WCHAR *prefix, size_t plen,
                           const WCHAR *s, size_t slen)
{
    UNICODE_STRING *us = buf;
    *ret = sizeof(*us) + (plen + slen + 1) * sizeof(WCHAR);
    if (len < *ret) return STATUS_INFO_LENGTH_MISMATCH;
    us->Buffer = (WCHAR *)(us + 1);
    memcpy(us->Buffer, prefix, plen * sizeof(WCHAR));
    memcpy(us->Buffer + plen, s, slen * sizeof(WCHAR));
    us->Buffer[plen + slen] = 0;
    us->Length = (plen + slen) * sizeof(WCHAR);
    us->MaximumLength = us->Length + sizeof(WCHAR);
    return STATUS_SUCCESS;
}

/* --- information classes ---------------------------------------------------- */

static NTSTATUS basic_info(void *buf, uint32_t len, uint32_t *ret)
{
    struct { int32_t exit_status, pad; void *peb; uint64_t affinity; int32_t base_priority, pad2;
             uint64_t pid, parent_pid; } info = {0};
    long n = wlx_cpu_count();
    info.exit_status = STATUS_PENDING;           /* still running */
    info.peb = wlx_peb;
    info.affinity = n >= 64 ? ~0ULL : (1ULL << (n > 0 ? n : 1)) - 1;
    info.base_priority = 8;                      /* NORMAL_PRIORITY_CLASS */
    info.pid = wlx_process_id;
    info.parent_pid = wlx_parent_id;             /* from the parent wlx's start-up data */
    return put_exact(buf, len, ret, &info, sizeof(info));
}

/* VM_COUNTERS (88 bytes) or VM_COUNTERS_EX (96, with PrivateUsage) */
static NTSTATUS vm_counters(void *buf, uint32_t len, uint32_t *ret)
{
    struct { uint64_t peak_virtual, virtual_size; uint32_t page_faults, pad; uint64_t peak_ws, ws,
             quota[4], pagefile, peak_pagefile, private_usage; } info = {0};
    struct rusage ru;
    *ret = len == 88 ? 88 : sizeof(info);
    if (len != 88 && len != sizeof(info)) return STATUS_INFO_LENGTH_MISMATCH;
    getrusage(RUSAGE_SELF, &ru);
    info.peak_virtual = status_kb("VmPeak:");
    info.virtual_size = status_kb("VmSize:");
    info.page_faults = ru.ru_minflt + ru.ru_majflt;
    info.peak_ws = status_kb("VmHWM:");
    info.ws = status_kb("VmRSS:");
    info.pagefile = info.private_usage = status_kb("VmData:");
    info.peak_pagefile = info.pagefile;
    memcpy(buf, &info, *ret);
    return STATUS_SUCCESS;
}

/* KERNEL_USER_TIMES; the start comes from /proc/self/stat (clock ticks after boot) */
/* when Linux booted, in Windows time: /proc/stat's btime (whole seconds,
   the same for every process: creation times then agree between the
   process itself and any other that asks; now - uptime drifts by the time
   between two clock reads) */
static int64_t boot_time(void)
{
    static int64_t boot;
    char line[256];
    unsigned long long btime;
    FILE *f;

    if (boot) return boot;
    if ((f = fopen("/proc/stat", "r")))
    {
        while (fgets(line, sizeof(line), f))
            if (sscanf(line, "btime %llu", &btime) == 1)
            {
                struct timespec ts = { (time_t)btime, 0 };
                boot = unix_time_to_filetime(&ts);
                break;
            }
        fclose(f);
    }
    if (!boot) boot = time_boot();
    return boot;
}

/* the times of this process (unix_pid 0: its CPU times from getrusage, to
   the microsecond) or of another (all from its /proc stat, in clock ticks) */
static NTSTATUS times_info(int unix_pid, void *buf, uint32_t len, uint32_t *ret)
{
    struct { int64_t create, exit, kernel, user; } info = {0};
    struct rusage ru;
    char line[1024], path[64], *p;
    unsigned long long start = 0, utime = 0, stime = 0;
    long hz = sysconf(_SC_CLK_TCK);
    int64_t tick = 10000000 / (hz > 0 ? hz : 100);
    FILE *f;
    int got = 0;

    if (unix_pid) snprintf(path, sizeof(path), "/proc/%d/stat", unix_pid);
    else strcpy(path, "/proc/self/stat");
    if ((f = fopen(path, "r")) && fgets(line, sizeof(line), f) && (p = strrchr(line, ')')))
        got = sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu %*d %*d %*d %*d %*d %*d %llu",
                     &utime, &stime, &start);
    if (f) fclose(f);
    if (unix_pid && got != 3) return STATUS_NOT_IMPLEMENTED;   /* gone from Linux meanwhile */
    info.create = boot_time() + (int64_t)start * tick;
    if (unix_pid)
    {
        info.kernel = stime * tick;
        info.user = utime * tick;
    }
    else
    {
        getrusage(RUSAGE_SELF, &ru);
        info.kernel = ru.ru_stime.tv_sec * 10000000LL + ru.ru_stime.tv_usec * 10;
        info.user = ru.ru_utime.tv_sec * 10000000LL + ru.ru_utime.tv_usec * 10;
    }
    return put_exact(buf, len, ret, &info, sizeof(info));
}

/* Windows answers in native form: \Device\HarddiskVolumeN\... */
static NTSTATUS image_name(void *buf, uint32_t len, uint32_t *ret, int win32)
{
    static const char device[] = "\\Device\\HarddiskVolume";
    const UNICODE_STRING *path = image_path();
    size_t n = path->Length / sizeof(WCHAR);
    WCHAR prefix[32] = {0};
    size_t plen = 0;

    if (win32 || n < 2 || path->Buffer[1] != ':')
        return put_string(buf, len, ret, prefix, 0, path->Buffer, n);
    for (; device[plen]; plen++) prefix[plen] = device[plen];
    unsigned volume = (path->Buffer[0] | 0x20) - 'a' - 1;   /* C: is volume 1 */
    if (volume >= 10) prefix[plen++] = '0' + volume / 10;
    prefix[plen++] = '0' + volume % 10;
    return put_string(buf, len, ret, prefix, plen, path->Buffer + 2, n - 2);
}

static NTSTATUS ulong_info(void *buf, uint32_t len, uint32_t *ret, uint32_t value)
{
    return put_exact(buf, len, ret, &value, sizeof(value));
}

static NTSTATUS pointer_info(void *buf, uint32_t len, uint32_t *ret, uint64_t value)
{
    return put_exact(buf, len, ret, &value, sizeof(value));
}

static uint32_t process_cookie(void)
{
    static uint32_t cookie;
    while (!cookie) cookie = (uint32_t)(time_system() ^ ((uint64_t)getpid() << 16) ^ (uintptr_t)&cookie);
    return cookie;
}

/* --- the syscall ----------------------------------------------------------------- */

NTSTATUS WINAPI unix_NtQueryInformationProcess(HANDLE process, uint32_t class, void *buf, uint32_t len,
                                               uint32_t *ret_len)
{
    uint32_t ret = 0;
    NTSTATUS status;

    /* a handle to this process answers as the pseudo-handle does; another
       process: its basic information and its times (procobj.c) */
    int unix_pid = -1;
    NTSTATUS found = process == NtCurrentProcess() ? STATUS_SUCCESS : procobj_unix_pid(process, &unix_pid);
    if (process != NtCurrentProcess() && !found && !unix_pid) process = NtCurrentProcess();
    if (process != NtCurrentProcess())
    {
        if (found) return process ? found : STATUS_INVALID_HANDLE;
        if (class == ProcessTimes)
        {
            /* an ended process: a child's times are kept, no other's */
            if (unix_pid < 0) status = procobj_ended_times(process, buf, len, &ret);
            else status = times_info(unix_pid, buf, len, &ret);
        }
        else if (class == ProcessBasicInformation) status = procobj_basic_info(process, buf, len, &ret);
        else return STATUS_NOT_IMPLEMENTED;
        if (ret_len) *ret_len = ret;
        return status;
    }
    switch (class)
    {
    case ProcessBasicInformation: status = basic_info(buf, len, &ret); break;
    case ProcessVmCounters: status = vm_counters(buf, len, &ret); break;
    case 2 /* ProcessIoCounters */: status = procmem_io_counters(buf, len, &ret); break;
    case ProcessTimes: status = times_info(0, buf, len, &ret); break;
    case ProcessDebugPort: status = pointer_info(buf, len, &ret, 0); break;           /* no debugger */
    case ProcessWow64Information: status = pointer_info(buf, len, &ret, 0); break;    /* native */
    case ProcessPriorityClass: status = put_exact(buf, len, &ret, (const uint8_t[2]){ 0, 2 }, 2); break;
    case ProcessHandleCount: status = ulong_info(buf, len, &ret, handle_count()); break;
    case ProcessSessionInformation: status = ulong_info(buf, len, &ret, 1); break;
    case ProcessBreakOnTermination: status = ulong_info(buf, len, &ret, 0); break;
    case ProcessDebugFlags: status = ulong_info(buf, len, &ret, 1); break;            /* NoDebugInherit */
    case ProcessDebugObjectHandle: ret = sizeof(HANDLE); status = STATUS_PORT_NOT_SET; break;
    case ProcessCookie: status = ulong_info(buf, len, &ret, process_cookie()); break;
    case ProcessImageFileName: status = image_name(buf, len, &ret, 0); break;
    case ProcessImageFileNameWin32: status = image_name(buf, len, &ret, 1); break;
    default:
        TRACE(THREAD, "NtQueryInformationProcess: class %u not supported\n", class);
        status = STATUS_INVALID_INFO_CLASS;
    }
    if (ret_len) *ret_len = ret;
    return status;
}
