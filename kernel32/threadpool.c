/*
 * kernel32/threadpool.c — the thread pool API where it is not a plain
 * forward to ntdll's Tp and Rtl functions (see kernel32.spec): the functions
 * that turn an NTSTATUS into a BOOL, handle and last error, or reorder arguments.
 */
#include "private.h"

NTSTATUS NTAPI TpAllocPool(TP_POOL **, void *);
NTSTATUS NTAPI TpSetPoolMinThreads(TP_POOL *, DWORD);
NTSTATUS NTAPI TpAllocWork(TP_WORK **, PTP_WORK_CALLBACK, void *, TP_CALLBACK_ENVIRON *);
NTSTATUS NTAPI TpAllocTimer(TP_TIMER **, PTP_TIMER_CALLBACK, void *, TP_CALLBACK_ENVIRON *);
NTSTATUS NTAPI TpAllocWait(TP_WAIT **, PTP_WAIT_CALLBACK, void *, TP_CALLBACK_ENVIRON *);
NTSTATUS NTAPI TpSimpleTryPost(PTP_SIMPLE_CALLBACK, void *, TP_CALLBACK_ENVIRON *);
NTSTATUS NTAPI TpCallbackMayRunLong(TP_CALLBACK_INSTANCE *);
NTSTATUS NTAPI RtlQueueWorkItem(LPTHREAD_START_ROUTINE, void *, ULONG);
NTSTATUS NTAPI RtlRegisterWait(HANDLE *, HANDLE, WAITORTIMERCALLBACK, void *, ULONG, ULONG);
NTSTATUS NTAPI RtlDeregisterWaitEx(HANDLE, HANDLE);
NTSTATUS NTAPI RtlCreateTimerQueue(HANDLE *);
NTSTATUS NTAPI RtlCreateTimer(HANDLE, HANDLE *, WAITORTIMERCALLBACK, void *, DWORD, DWORD, ULONG);
NTSTATUS NTAPI RtlChangeTimer(HANDLE, HANDLE, DWORD, DWORD);
NTSTATUS NTAPI RtlDeleteTimer(HANDLE, HANDLE, HANDLE);
NTSTATUS NTAPI RtlDeleteTimerQueueEx(HANDLE, HANDLE);
NTSTATUS NTAPI TpAllocCleanupGroup(TP_CLEANUP_GROUP **);
typedef void (CALLBACK *NT_TP_IO_CALLBACK)(TP_CALLBACK_INSTANCE *, void *, void *, IO_STATUS_BLOCK *, TP_IO *);
NTSTATUS NTAPI TpAllocIoCompletion(TP_IO **, HANDLE, NT_TP_IO_CALLBACK, void *, TP_CALLBACK_ENVIRON *);

PTP_POOL WINAPI CreateThreadpool(void *reserved)
{
    TP_POOL *pool;
    return set_ntstatus(TpAllocPool(&pool, reserved)) ? pool : NULL;
}

BOOL WINAPI SetThreadpoolThreadMinimum(PTP_POOL pool, DWORD min)
{
    return set_ntstatus(TpSetPoolMinThreads(pool, min));
}

PTP_WORK WINAPI CreateThreadpoolWork(PTP_WORK_CALLBACK cb, void *ctx, TP_CALLBACK_ENVIRON *env)
{
    TP_WORK *work;
    return set_ntstatus(TpAllocWork(&work, cb, ctx, env)) ? work : NULL;
}

PTP_TIMER WINAPI CreateThreadpoolTimer(PTP_TIMER_CALLBACK cb, void *ctx, TP_CALLBACK_ENVIRON *env)
{
    TP_TIMER *timer;
    return set_ntstatus(TpAllocTimer(&timer, cb, ctx, env)) ? timer : NULL;
}

PTP_WAIT WINAPI CreateThreadpoolWait(PTP_WAIT_CALLBACK cb, void *ctx, TP_CALLBACK_ENVIRON *env)
{
    TP_WAIT *wait;
    return set_ntstatus(TpAllocWait(&wait, cb, ctx, env)) ? wait : NULL;
}

PTP_CLEANUP_GROUP WINAPI CreateThreadpoolCleanupGroup(void)
{
    TP_CLEANUP_GROUP *group;
    return set_ntstatus(TpAllocCleanupGroup(&group)) ? group : NULL;
}

/* ntdll's I/O callback gets the IO_STATUS_BLOCK; the Win32 one a Win32
   error and the byte count. ntdll leaves the first pointer of the object
   to us: the Win32 callback goes there. */
static void CALLBACK io_callback(TP_CALLBACK_INSTANCE *inst, void *ctx, void *overlapped, IO_STATUS_BLOCK *iosb, TP_IO *io)
{
    PTP_WIN32_IO_CALLBACK cb = *(PTP_WIN32_IO_CALLBACK *)io;
    cb(inst, ctx, overlapped, RtlNtStatusToDosError(iosb->Status), iosb->Information, io);
}

PTP_IO WINAPI CreateThreadpoolIo(HANDLE file, PTP_WIN32_IO_CALLBACK cb, void *ctx, TP_CALLBACK_ENVIRON *env)
{
    TP_IO *io;
    if (!set_ntstatus(TpAllocIoCompletion(&io, file, io_callback, ctx, env))) return NULL;
    *(PTP_WIN32_IO_CALLBACK *)io = cb;
    return io;
}

BOOL WINAPI TrySubmitThreadpoolCallback(PTP_SIMPLE_CALLBACK cb, void *ctx, TP_CALLBACK_ENVIRON *env)
{
    return set_ntstatus(TpSimpleTryPost(cb, ctx, env));
}

BOOL WINAPI CallbackMayRunLong(PTP_CALLBACK_INSTANCE instance)
{
    return set_ntstatus(TpCallbackMayRunLong(instance));
}

BOOL WINAPI QueueUserWorkItem(LPTHREAD_START_ROUTINE fn, void *ctx, ULONG flags)
{
    return set_ntstatus(RtlQueueWorkItem(fn, ctx, flags));
}

BOOL WINAPI RegisterWaitForSingleObject(HANDLE *out, HANDLE handle, WAITORTIMERCALLBACK cb, void *ctx, ULONG ms,
                                        ULONG flags)
{
    return set_ntstatus(RtlRegisterWait(out, handle, cb, ctx, ms, flags));
}

HANDLE WINAPI RegisterWaitForSingleObjectEx(HANDLE handle, WAITORTIMERCALLBACK cb, void *ctx, ULONG ms, ULONG flags)
{
    HANDLE wait;
    return set_ntstatus(RtlRegisterWait(&wait, handle, cb, ctx, ms, flags)) ? wait : NULL;
}

/* STATUS_PENDING (a callback still runs) is a failure with ERROR_IO_PENDING */
BOOL WINAPI UnregisterWaitEx(HANDLE wait, HANDLE event)
{
    return set_ntstatus(RtlDeregisterWaitEx(wait, event));
}

BOOL WINAPI UnregisterWait(HANDLE wait)
{
    return UnregisterWaitEx(wait, NULL);
}

HANDLE WINAPI CreateTimerQueue(void)
{
    HANDLE queue;
    return set_ntstatus(RtlCreateTimerQueue(&queue)) ? queue : NULL;
}

BOOL WINAPI CreateTimerQueueTimer(HANDLE *out, HANDLE queue, WAITORTIMERCALLBACK cb, void *ctx, DWORD due,
                                  DWORD period, ULONG flags)
{
    return set_ntstatus(RtlCreateTimer(queue, out, cb, ctx, due, period, flags));
}

BOOL WINAPI ChangeTimerQueueTimer(HANDLE queue, HANDLE timer, ULONG due, ULONG period)
{
    return set_ntstatus(RtlChangeTimer(queue, timer, due, period));
}

BOOL WINAPI DeleteTimerQueueTimer(HANDLE queue, HANDLE timer, HANDLE event)
{
    return set_ntstatus(RtlDeleteTimer(queue, timer, event));
}

BOOL WINAPI DeleteTimerQueueEx(HANDLE queue, HANDLE event)
{
    return set_ntstatus(RtlDeleteTimerQueueEx(queue, event));
}

/* the documented equivalent of DeleteTimerQueueEx with no event */
BOOL WINAPI DeleteTimerQueue(HANDLE queue)
{
    return DeleteTimerQueueEx(queue, NULL);
}

/* the Windows 2000 names of CreateTimerQueueTimer and DeleteTimerQueueTimer */
HANDLE WINAPI SetTimerQueueTimer(HANDLE queue, WAITORTIMERCALLBACK cb, void *ctx, DWORD due, DWORD period, BOOL io)
{
    HANDLE timer;
    (void)io;
    return CreateTimerQueueTimer(&timer, queue, cb, ctx, due, period, WT_EXECUTEDEFAULT) ? timer : NULL;
}

BOOL WINAPI CancelTimerQueueTimer(HANDLE queue, HANDLE timer)
{
    return DeleteTimerQueueTimer(queue, timer, NULL);
}
