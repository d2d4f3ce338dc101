/*
 * dlls/msvcp140/thread.c — threads and time under std::thread and
 * <chrono>/<thread> (_Thrd_*, std::call_once's _Execute_once, xtime_get,
 * _Xtime_get_ticks, _Query_perf_*). Times given as an xtime are absolute UTC times.
 */
#include "private.h"
#include <process.h>

#define TICKS_PER_SEC   10000000LL
#define EPOCH_1970      116444736000000000LL   /* 1601 to 1970 in 100 ns ticks */

/* _Thrd_t, passed by value (by reference in the x64 ABI) */
struct thrd
{
    HANDLE handle;
    unsigned int id;
};

/* 100 ns ticks since 1970 (UTC) */
__int64 __cdecl _Xtime_get_ticks(void)
{
    FILETIME ft;
    GetSystemTimePreciseAsFileTime(&ft);
    return (((__int64)ft.dwHighDateTime << 32) | ft.dwLowDateTime) - EPOCH_1970;
}

int __cdecl xtime_get(struct xtime *xt, int base)
{
    __int64 ticks;
    if (!xt || base != TIME_UTC_BASE) return 0;
    ticks = _Xtime_get_ticks();
    xt->sec = ticks / TICKS_PER_SEC;
    xt->nsec = (long)(ticks % TICKS_PER_SEC) * 100;
    return base;
}

/* milliseconds from now until target, rounded up; 0 once it has passed */
DWORD msvcp_ms_until(const struct xtime *target)
{
    struct xtime now;
    __int64 ns;

    xtime_get(&now, TIME_UTC_BASE);
    ns = (target->sec - now.sec) * 1000000000LL + (target->nsec - now.nsec);
    if (ns <= 0) return 0;
    if (ns >= (__int64)(INFINITE - 1) * 1000000) return INFINITE - 1;
    return (DWORD)((ns + 999999) / 1000000);
}

__int64 __cdecl _Query_perf_counter(void)
{
    LARGE_INTEGER value;
    QueryPerformanceCounter(&value);
    return value.QuadPart;
}

__int64 __cdecl _Query_perf_frequency(void)
{
    LARGE_INTEGER value;
    QueryPerformanceFrequency(&value);
    return value.QuadPart;
}

unsigned int __cdecl _Thrd_id(void)
{
    return GetCurrentThreadId();
}

void __cdecl _Thrd_sleep(const struct xtime *target)
{
    DWORD ms;
    while (target && (ms = msvcp_ms_until(target))) Sleep(ms);
}

void __cdecl _Thrd_sleep_for(unsigned long ms)
{
    Sleep(ms);
}

void __cdecl _Thrd_yield(void)
{
    SwitchToThread();
}

unsigned int __cdecl _Thrd_hardware_concurrency(void)
{
    return GetActiveProcessorCount(ALL_PROCESSOR_GROUPS);
}

/* wait for the thread to end, its exit code in *result; the handle is closed */
int __cdecl _Thrd_join(struct thrd thr, int *result)
{
    DWORD code;
    if (WaitForSingleObjectEx(thr.handle, INFINITE, FALSE) == WAIT_FAILED) return THRD_ERROR;
    if (!GetExitCodeThread(thr.handle, &code)) return THRD_ERROR;
    if (result) *result = (int)code;
    return CloseHandle(thr.handle) ? THRD_SUCCESS : THRD_ERROR;
}

/* what older headers' std::thread starts its threads with */
int __cdecl _Thrd_start(struct thrd *thr, unsigned int (__stdcall *func)(void *), void *arg)
{
    thr->handle = (HANDLE)_beginthreadex(NULL, 0, func, arg, 0, &thr->id);
    return thr->handle ? THRD_SUCCESS : THRD_ERROR;
}

/* std::call_once in older headers: once_flag is an INIT_ONCE; 1 when the
   callback ran (now or before) and succeeded */
int __cdecl std_Execute_once(INIT_ONCE *flag, PINIT_ONCE_FN callback, void *arg)
{
    return InitOnceExecuteOnce(flag, callback, arg, NULL) ? 1 : 0;
}

int __cdecl _Thrd_detach(struct thrd thr)
{
    return CloseHandle(thr.handle) ? THRD_SUCCESS : THRD_ERROR;
}
