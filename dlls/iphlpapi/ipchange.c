/*
 * NotifyAddrChange, NotifyRouteChange and CancelIPChangeNotify: the IPv4
 * era's one-shot change notifications, told by rtnetlink (iphlpapi.so).
 *
 * A request is kept in its kind's list (addresses, routes); while a list
 * has requests one thread of ours waits for the host's next change in
 * steps of WATCH_STEP_MS and completes every request of the list when it
 * comes: Internal set to STATUS_SUCCESS, the OVERLAPPED's event set. The
 * overlapped form returns ERROR_IO_PENDING and a waitable handle (one per
 * kind for the process, an event set at each completion: what
 * GetOverlappedResult waits on when the OVERLAPPED has no event); the
 * synchronous form (no OVERLAPPED) blocks until the next change, for good
 * if none comes. CancelIPChangeNotify completes a pending request with
 * STATUS_CANCELLED (ERROR_OPERATION_ABORTED). A host that cannot be
 * watched leaves requests pending: they never complete wrongly.
 */
#include "private.h"
#include <winternl.h>
#include <ntstatus.h>

#define WATCH_STEP_MS 200

struct change_req
{
    struct change_req *next;
    OVERLAPPED *ov;         /* the caller's, or NULL for a synchronous call */
    HANDLE done;            /* a synchronous call's event */
};

static struct watch_kind
{
    struct change_req *list;
    BOOL running;           /* a watcher thread is there */
    HANDLE handle;          /* what the overlapped form hands out */
} kinds[2];
static SRWLOCK change_lock = SRWLOCK_INIT;

static void complete(struct change_req *req, NTSTATUS status)
{
    if (!req->ov)
    {
        SetEvent(req->done);
        return;
    }
    req->ov->InternalHigh = 0;
    req->ov->Internal = status;
    if (req->ov->hEvent) SetEvent(req->ov->hEvent);
}

static DWORD WINAPI watch_thread(void *arg)
{
    struct watch_kind *kind = arg;
    struct iph_watch_params p;
    struct change_req *list, *next;

    memset(&p, 0, sizeof(p));
    p.routes = kind == &kinds[1];
    p.timeout = WATCH_STEP_MS;
    p.start = 1;
    for (;;)
    {
        AcquireSRWLockExclusive(&change_lock);
        if (!kind->list)
        {
            kind->running = FALSE;
            ReleaseSRWLockExclusive(&change_lock);
            return 0;
        }
        ReleaseSRWLockExclusive(&change_lock);
        if (iph_unix_call(unix_wait_change, &p) || p.error) break;
        p.start = 0;
        if (!p.changed) continue;
        AcquireSRWLockExclusive(&change_lock);
        list = kind->list;
        kind->list = NULL;
        if (kind->handle) SetEvent(kind->handle);
        ReleaseSRWLockExclusive(&change_lock);
        for (; list; list = next)
        {
            next = list->next;
            complete(list, STATUS_SUCCESS);
            if (list->ov) iph_free(list);   /* a synchronous call's request is its caller's */
        }
    }
    /* the host cannot be watched: what is pending stays so (it can be cancelled) */
    AcquireSRWLockExclusive(&change_lock);
    kind->running = FALSE;
    ReleaseSRWLockExclusive(&change_lock);
    return 0;
}

/* req into the kind's list, a watcher started when there is none; a Win32 error */
static DWORD add_request(struct watch_kind *kind, struct change_req *req)
{
    HANDLE thread;
    DWORD ret = NO_ERROR;

    AcquireSRWLockExclusive(&change_lock);
    req->next = kind->list;
    kind->list = req;
    if (!kind->running)
    {
        if ((thread = CreateThread(NULL, 0, watch_thread, kind, 0, NULL)))
        {
            kind->running = TRUE;
            CloseHandle(thread);
        }
        else
        {
            kind->list = req->next;
            ret = GetLastError();
        }
    }
    ReleaseSRWLockExclusive(&change_lock);
    return ret;
}

static DWORD notify_change(struct watch_kind *kind, HANDLE *handle, OVERLAPPED *ov)
{
    struct change_req *req, sync;
    DWORD ret;

    if (!ov)
    {
        /* synchronous: until the next change */
        memset(&sync, 0, sizeof(sync));
        if (!(sync.done = CreateEventW(NULL, TRUE, FALSE, NULL))) return GetLastError();
        if (!(ret = add_request(kind, &sync))) WaitForSingleObject(sync.done, INFINITE);
        CloseHandle(sync.done);
        return ret;
    }
    if (!handle) return ERROR_INVALID_PARAMETER;
    AcquireSRWLockExclusive(&change_lock);
    if (!kind->handle) kind->handle = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (kind->handle) ResetEvent(kind->handle);
    *handle = kind->handle;
    ReleaseSRWLockExclusive(&change_lock);
    if (!*handle) return GetLastError();
    if (!(req = iph_alloc(sizeof(*req)))) return ERROR_NOT_ENOUGH_MEMORY;
    req->ov = ov;
    ov->Internal = STATUS_PENDING;
    ov->InternalHigh = 0;
    if (ov->hEvent) ResetEvent(ov->hEvent);
    if ((ret = add_request(kind, req)))
    {
        iph_free(req);
        return ret;
    }
    return ERROR_IO_PENDING;
}

DWORD WINAPI NotifyAddrChange(HANDLE *handle, OVERLAPPED *ov)
{
    return notify_change(&kinds[0], handle, ov);
}

DWORD WINAPI NotifyRouteChange(HANDLE *handle, OVERLAPPED *ov)
{
    return notify_change(&kinds[1], handle, ov);
}

/* FALSE when ov is no pending request of either kind */
BOOL WINAPI CancelIPChangeNotify(OVERLAPPED *ov)
{
    struct change_req *found = NULL, **p;
    int k;

    if (!ov) return FALSE;
    AcquireSRWLockExclusive(&change_lock);
    for (k = 0; k < 2 && !found; k++)
        for (p = &kinds[k].list; *p; p = &(*p)->next)
        {
            if ((*p)->ov != ov) continue;
            found = *p;
            *p = found->next;
            break;
        }
    ReleaseSRWLockExclusive(&change_lock);
    if (!found) return FALSE;
    complete(found, STATUS_CANCELLED);
    iph_free(found);
    return TRUE;
}
