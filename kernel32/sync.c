/*
 * kernel32/sync.c — waiting on objects and the critical-section wrappers.
 * (Events, mutexes, semaphores and the rest of the synchronization API:
 * issue 3.)
 */
#include "private.h"

NTSTATUS NTAPI NtWaitForSingleObject(HANDLE, BOOLEAN, PLARGE_INTEGER);

DWORD WINAPI WaitForSingleObjectEx(HANDLE handle, DWORD timeout, BOOL alertable)
{
    LARGE_INTEGER t;
    t.QuadPart = (LONGLONG)timeout * -10000;
    if (handle == (HANDLE)STD_INPUT_HANDLE || handle == (HANDLE)STD_OUTPUT_HANDLE || handle == (HANDLE)STD_ERROR_HANDLE)
        handle = GetStdHandle((DWORD)(ULONG_PTR)handle);
    NTSTATUS status = NtWaitForSingleObject(handle, alertable, timeout == INFINITE ? NULL : &t);
    if (status >= 0) return status;   /* WAIT_OBJECT_0, WAIT_TIMEOUT, WAIT_ABANDONED */
    set_ntstatus(status);
    return WAIT_FAILED;
}

DWORD WINAPI WaitForSingleObject(HANDLE handle, DWORD timeout)
{
    return WaitForSingleObjectEx(handle, timeout, FALSE);
}
