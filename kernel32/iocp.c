/*
 * kernel32/iocp.c — completion ports and the results of overlapped I/O:
 * CreateIoCompletionPort, GetQueuedCompletionStatus(Ex),
 * PostQueuedCompletionStatus, BindIoCompletionCallback, GetOverlappedResult(Ex),
 * CancelIo(Ex), CancelSynchronousIo, SetFileCompletionNotificationModes.
 *
 * Ports are ntdll's (ntdll/unix/iocp.c); an OVERLAPPED is an
 * IO_STATUS_BLOCK (Internal, InternalHigh) followed by the offset and event.
 *
 * Sections: ports · overlapped results · cancellation · the I/O callback pool.
 */
#include "private.h"

/* ntdll's completion-port and cancellation calls */
typedef struct {
    ULONG_PTR key;
    ULONG_PTR value;
    IO_STATUS_BLOCK io;
} K32_COMPLETION_ENTRY;      /* FILE_IO_COMPLETION_INFORMATION */
typedef struct { HANDLE port; ULONG_PTR key; } K32_COMPLETION_INFO;   /* FILE_COMPLETION_INFORMATION */
#define K32_FileCompletionInformation 30
#define K32_FileIoCompletionNotificationInformation 41

NTSTATUS NTAPI NtCreateIoCompletion(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, ULONG);
NTSTATUS NTAPI NtSetIoCompletion(HANDLE, ULONG_PTR, ULONG_PTR, NTSTATUS, ULONG_PTR);
NTSTATUS NTAPI NtRemoveIoCompletion(HANDLE, ULONG_PTR *, ULONG_PTR *, IO_STATUS_BLOCK *, LARGE_INTEGER *);
NTSTATUS NTAPI NtRemoveIoCompletionEx(HANDLE, K32_COMPLETION_ENTRY *, ULONG, ULONG *, LARGE_INTEGER *, BOOLEAN);
NTSTATUS NTAPI NtCancelIoFile(HANDLE, IO_STATUS_BLOCK *);
NTSTATUS NTAPI NtCancelIoFileEx(HANDLE, IO_STATUS_BLOCK *, IO_STATUS_BLOCK *);
NTSTATUS NTAPI NtCancelSynchronousIoFile(HANDLE, IO_STATUS_BLOCK *, IO_STATUS_BLOCK *);
NTSTATUS NTAPI NtSetInformationFile(HANDLE, IO_STATUS_BLOCK *, void *, ULONG, FILE_INFORMATION_CLASS);
NTSTATUS NTAPI __wlx_wait_io_status(IO_STATUS_BLOCK *, LARGE_INTEGER *);   /* ntdll/unix/async.c */

#ifndef IO_COMPLETION_ALL_ACCESS
#define IO_COMPLETION_ALL_ACCESS 0x1f0003
#endif

static LARGE_INTEGER *ms_timeout(LARGE_INTEGER *t, DWORD ms)
{
    if (ms == INFINITE) return NULL;
    t->QuadPart = (LONGLONG)ms * -10000;
    return t;
}

/* --- ports --------------------------------------------------------------------- */

HANDLE WINAPI CreateIoCompletionPort(HANDLE file, HANDLE existing, ULONG_PTR key, DWORD threads)
{
    HANDLE port = existing;
    K32_COMPLETION_INFO info;
    IO_STATUS_BLOCK io;
    NTSTATUS status;

    if (file == INVALID_HANDLE_VALUE && existing)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (!port)
    {
        /* 0 threads: as many as there are processors (recorded only) */
        if ((status = NtCreateIoCompletion(&port, IO_COMPLETION_ALL_ACCESS, NULL, threads)))
        {
            set_ntstatus(status);
            return NULL;
        }
    }
    if (file == INVALID_HANDLE_VALUE) return port;
    info.port = port;
    info.key = key;
    status = NtSetInformationFile(file, &io, &info, sizeof(info), K32_FileCompletionInformation);
    if (status)
    {
        if (!existing) CloseHandle(port);
        set_ntstatus(status);
        return NULL;
    }
    return port;
}

BOOL WINAPI PostQueuedCompletionStatus(HANDLE port, DWORD bytes, ULONG_PTR key, OVERLAPPED *ov)
{
    return set_ntstatus(NtSetIoCompletion(port, key, (ULONG_PTR)ov, STATUS_SUCCESS, bytes));
}

/* one packet: FALSE with the packet's error when its I/O failed, with
   *ov NULL when none came (timeout, closed port) */
BOOL WINAPI GetQueuedCompletionStatus(HANDLE port, DWORD *bytes, ULONG_PTR *key, OVERLAPPED **ov, DWORD ms)
{
    IO_STATUS_BLOCK io;
    ULONG_PTR k, value;
    LARGE_INTEGER t;
    NTSTATUS status;

    if (!ov)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *ov = NULL;
    status = NtRemoveIoCompletion(port, &k, &value, &io, ms_timeout(&t, ms));
    if (status == STATUS_SUCCESS)
    {
        *key = k;
        *ov = (OVERLAPPED *)value;
        *bytes = io.Information;
        if (io.Status >= 0) return TRUE;
        set_ntstatus(io.Status);
        return FALSE;
    }
    if (status == STATUS_TIMEOUT) SetLastError(WAIT_TIMEOUT);
    else if (status == STATUS_ABANDONED_WAIT_0) SetLastError(ERROR_ABANDONED_WAIT_0);
    else set_ntstatus(status);
    return FALSE;
}

BOOL WINAPI GetQueuedCompletionStatusEx(HANDLE port, OVERLAPPED_ENTRY *entries, ULONG count, ULONG *removed,
                                        DWORD ms, BOOL alertable)
{
    LARGE_INTEGER t;
    NTSTATUS status;
    ULONG n = 0;

    if (!entries || !count || !removed)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *removed = 0;
    /* FILE_IO_COMPLETION_INFORMATION and OVERLAPPED_ENTRY have the same
       size but another order: convert in place, each entry once */
    status = NtRemoveIoCompletionEx(port, (K32_COMPLETION_ENTRY *)entries, count, &n, ms_timeout(&t, ms), alertable);
    if (status == STATUS_SUCCESS)
    {
        for (ULONG i = 0; i < n; i++)
        {
            K32_COMPLETION_ENTRY e = ((K32_COMPLETION_ENTRY *)entries)[i];
            entries[i].lpCompletionKey = e.key;
            entries[i].lpOverlapped = (OVERLAPPED *)e.value;
            entries[i].Internal = (ULONG_PTR)(LONG_PTR)e.io.Status;
            entries[i].dwNumberOfBytesTransferred = e.io.Information;
        }
        *removed = n;
        return TRUE;
    }
    if (status == STATUS_USER_APC)
    {
        __wlx_run_apcs();
        SetLastError(WAIT_IO_COMPLETION);
    }
    else if (status == STATUS_TIMEOUT) SetLastError(WAIT_TIMEOUT);
    else if (status == STATUS_ABANDONED_WAIT_0) SetLastError(ERROR_ABANDONED_WAIT_0);
    else set_ntstatus(status);
    return FALSE;
}

BOOL WINAPI SetFileCompletionNotificationModes(HANDLE file, UCHAR flags)
{
    ULONG f = flags;
    IO_STATUS_BLOCK io;
    return set_ntstatus(NtSetInformationFile(file, &io, &f, sizeof(f), K32_FileIoCompletionNotificationInformation));
}

/* --- overlapped results ---------------------------------------------------------- */

/* waits for the I/O of ov: on its event, or (no event) on Internal itself,
   which ntdll wakes when it writes the final status */
static DWORD wait_overlapped(HANDLE file, OVERLAPPED *ov, DWORD ms, BOOL alertable)
{
    volatile LONG *internal = (volatile LONG *)&ov->Internal;
    LARGE_INTEGER t;
    HANDLE event = (HANDLE)((ULONG_PTR)ov->hEvent & ~(ULONG_PTR)1);
    (void)file;
    if (event)
    {
        NTSTATUS status = NtWaitForSingleObject(event, alertable, ms_timeout(&t, ms));
        if (status == STATUS_USER_APC) { __wlx_run_apcs(); return WAIT_IO_COMPLETION; }
        if (status == STATUS_TIMEOUT) return WAIT_TIMEOUT;
        return status ? WAIT_FAILED : WAIT_OBJECT_0;
    }
    if (!alertable)
        return __wlx_wait_io_status((IO_STATUS_BLOCK *)ov, ms_timeout(&t, ms)) ? WAIT_TIMEOUT : WAIT_OBJECT_0;
    /* alertable: short sleeps, looking for APCs in between */
    DWORD start = GetTickCount();
    while (*internal == STATUS_PENDING)
    {
        DWORD elapsed = GetTickCount() - start;
        if (ms != INFINITE && elapsed >= ms) return WAIT_TIMEOUT;
        if (SleepEx(0, TRUE) == WAIT_IO_COMPLETION) return WAIT_IO_COMPLETION;
        __wlx_wait_io_status((IO_STATUS_BLOCK *)ov, ms_timeout(&t, 10));
    }
    return WAIT_OBJECT_0;
}

BOOL WINAPI GetOverlappedResultEx(HANDLE file, OVERLAPPED *ov, DWORD *bytes, DWORD ms, BOOL alertable)
{
    if ((NTSTATUS)ov->Internal == STATUS_PENDING)
    {
        DWORD r;
        if (!ms) { SetLastError(ERROR_IO_INCOMPLETE); return FALSE; }
        r = wait_overlapped(file, ov, ms, alertable);
        if (r == WAIT_IO_COMPLETION) { SetLastError(WAIT_IO_COMPLETION); return FALSE; }
        if (r == WAIT_TIMEOUT) { SetLastError(WAIT_TIMEOUT); return FALSE; }
        if (r == WAIT_FAILED) return FALSE;
        if ((NTSTATUS)ov->Internal == STATUS_PENDING) { SetLastError(ERROR_IO_INCOMPLETE); return FALSE; }
    }
    /* a message longer than the buffer gives the bytes and ERROR_MORE_DATA */
    *bytes = ov->InternalHigh;
    if ((NTSTATUS)ov->Internal == STATUS_END_OF_FILE) { SetLastError(ERROR_HANDLE_EOF); return FALSE; }
    return set_ntstatus((NTSTATUS)ov->Internal);
}

BOOL WINAPI GetOverlappedResult(HANDLE file, OVERLAPPED *ov, DWORD *bytes, BOOL wait)
{
    return GetOverlappedResultEx(file, ov, bytes, wait ? INFINITE : 0, FALSE);
}

/* --- cancellation ------------------------------------------------------------------- */

BOOL WINAPI CancelIo(HANDLE file)
{
    IO_STATUS_BLOCK io;
    return set_ntstatus(NtCancelIoFile(file, &io));
}

BOOL WINAPI CancelIoEx(HANDLE file, OVERLAPPED *ov)
{
    IO_STATUS_BLOCK io;
    return set_ntstatus(NtCancelIoFileEx(file, (IO_STATUS_BLOCK *)ov, &io));
}

BOOL WINAPI CancelSynchronousIo(HANDLE thread)
{
    IO_STATUS_BLOCK io;
    return set_ntstatus(NtCancelSynchronousIoFile(thread, NULL, &io));
}

/* --- the I/O callback pool ------------------------------------------------------------
 * BindIoCompletionCallback: one port for the process, served by a thread
 * that calls each packet's callback (its key) with the error, the bytes and
 * the OVERLAPPED. Created on the first bind. */

static HANDLE callback_port;
static INIT_ONCE callback_once = INIT_ONCE_STATIC_INIT;

static DWORD WINAPI callback_thread(void *arg)
{
    (void)arg;
    for (;;)
    {
        DWORD bytes = 0;
        ULONG_PTR key = 0;
        OVERLAPPED *ov = NULL;
        BOOL ok = GetQueuedCompletionStatus(callback_port, &bytes, &key, &ov, INFINITE);
        if (!ov) continue;
        ((LPOVERLAPPED_COMPLETION_ROUTINE)key)(ok ? 0 : GetLastError(), bytes, ov);
    }
    return 0;
}

static BOOL WINAPI start_callback_pool(INIT_ONCE *once, void *param, void **ctx)
{
    HANDLE thread;
    (void)once; (void)param; (void)ctx;
    if (!(callback_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0))) return FALSE;
    if (!(thread = CreateThread(NULL, 0, callback_thread, NULL, 0, NULL))) return FALSE;
    CloseHandle(thread);
    return TRUE;
}

BOOL WINAPI BindIoCompletionCallback(HANDLE file, LPOVERLAPPED_COMPLETION_ROUTINE callback, ULONG flags)
{
    (void)flags;
    if (!InitOnceExecuteOnce(&callback_once, start_callback_pool, NULL, NULL)) return FALSE;
    return CreateIoCompletionPort(file, callback_port, (ULONG_PTR)callback, 0) != NULL;
}
