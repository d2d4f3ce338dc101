/*
 * ntdll/apc.c — delivering user APCs on the PE side.
 *
 * The Unix side never calls PE code: an alertable wait that finds APCs
 * queued for the caller returns STATUS_USER_APC, and the caller (kernel32's
 * SleepEx and WaitFor*Ex) calls __wlx_run_apcs, which takes the queued
 * entries (__wlx_take_apcs) and calls each one here, oldest first, until the
 * queue is empty: as on Windows, APCs queued by an APC run in the same wait.
 */
#include "private.h"

typedef void (WINAPI *APC_FUNC)(ULONG_PTR, ULONG_PTR, ULONG_PTR);

NTSTATUS NTAPI __wlx_take_apcs(ULONG_PTR *out, ULONG max, ULONG *count);

#define APC_BATCH 16

/* returns how many APCs ran */
ULONG WINAPI __wlx_run_apcs(void)
{
    ULONG_PTR batch[APC_BATCH * 4];
    ULONG count, total = 0;
    for (;;)
    {
        if (__wlx_take_apcs(batch, APC_BATCH, &count) || !count) return total;
        for (ULONG i = 0; i < count; i++)
        {
            APC_FUNC func = (APC_FUNC)batch[4 * i];
            func(batch[4 * i + 1], batch[4 * i + 2], batch[4 * i + 3]);
        }
        total += count;
    }
}

/* runs the caller's queued APCs; STATUS_USER_APC if there were any */
NTSTATUS WINAPI NtTestAlert(void)
{
    return __wlx_run_apcs() ? STATUS_USER_APC : STATUS_SUCCESS;
}
