/*
 * kernel32/apc.c — user APCs: QueueUserAPC. Alertable waits (SleepEx,
 * WaitFor*Ex) run the queued APCs through ntdll's __wlx_run_apcs when the
 * wait returns STATUS_USER_APC (see ntdll/apc.c).
 */
#include "private.h"

NTSTATUS NTAPI NtQueueApcThread(HANDLE, PVOID, ULONG_PTR, ULONG_PTR, ULONG_PTR);

/* the APC routine takes one argument: the other two NT ones are ignored */
DWORD WINAPI QueueUserAPC(PAPCFUNC func, HANDLE thread, ULONG_PTR data)
{
    return set_ntstatus(NtQueueApcThread(thread, func, data, 0, 0));
}
