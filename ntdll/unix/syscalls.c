/*
 * ntdll/unix/syscalls.c — the small syscalls: time, performance counter, debug messages and
 * the Unix-library door for other DLLs.
 */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "private.h"

/* --- time ------------------------------------------------------------------ */

NTSTATUS WINAPI unix_NtQuerySystemTime(LARGE_INTEGER *time)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    time->QuadPart = (int64_t)ts.tv_sec * 10000000 + ts.tv_nsec / 100 + 116444736000000000LL;
    return STATUS_SUCCESS;
}

/* a 10 MHz counter, as Windows 10 reports on most machines */
NTSTATUS WINAPI unix_NtQueryPerformanceCounter(LARGE_INTEGER *counter, LARGE_INTEGER *frequency)
{
    struct timespec ts;
    if (counter)
    {
        clock_gettime(CLOCK_MONOTONIC, &ts);
        counter->QuadPart = (int64_t)ts.tv_sec * 10000000 + ts.tv_nsec / 100;
    }
    if (frequency) frequency->QuadPart = 10000000;
    return STATUS_SUCCESS;
}

/* --- messages from the PE side (errors the user must see) ---------------- */

NTSTATUS WINAPI unix___wlx_message(const char *utf8, uint32_t len)
{
    while (len)
    {
        ssize_t r = write(2, utf8, len);
        if (r <= 0) break;
        utf8 += r; len -= r;
    }
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI unix___wlx_debug_flags(uint32_t *flags)
{
    *flags = wlx_debug_flags;
    return STATUS_SUCCESS;
}

/* --- Unix parts of other DLLs: <name>.so beside <name>.dll ---------------- */

typedef NTSTATUS (*unix_func)(void *params);

/* the Unix part of a builtin DLL: <name>.so beside it, found from the
   module's own export-directory name (msvcrt.dll -> msvcrt.so) */
NTSTATUS WINAPI unix___wlx_unix_lib_load(void *module, uint64_t *handle)
{
    char path[4096], name[64];
    const uint8_t *base = module;
    uint32_t lfanew = *(const uint32_t *)(base + 0x3c);
    const uint32_t *exp_dir = (const uint32_t *)(base + lfanew + 4 + 20 + 112);
    if (!exp_dir[0]) return STATUS_INVALID_PARAMETER;
    snprintf(name, sizeof(name), "%s", (const char *)base + *(const uint32_t *)(base + exp_dir[0] + 12));
    char *dot = strrchr(name, '.');
    if (dot) *dot = 0;
    for (char *p = name; *p; p++) if (*p >= 'A' && *p <= 'Z') *p += 32;
    snprintf(path, sizeof(path), "%s/%s.so", wlx_builtin_dir, name);
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!lib) { TRACE(LOADDLL, "dlopen %s: %s\n", path, dlerror()); return STATUS_DLL_NOT_FOUND; }
    void *funcs = dlsym(lib, "__wlx_unix_funcs");
    if (!funcs) return STATUS_NOT_FOUND;
    *handle = (uint64_t)(uintptr_t)funcs;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI unix___wlx_unix_call(uint64_t handle, uint32_t code, void *params)
{
    return ((const unix_func *)(uintptr_t)handle)[code](params);
}
