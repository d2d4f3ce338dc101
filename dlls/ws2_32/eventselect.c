/*
 * WSAEventSelect and WSAEnumNetworkEvents. Each selected socket keeps one
 * overlapped poll pending in ntdll (WLX_SOCK_POLL, IOCTL_AFD_POLL's
 * semantics) whose completion sets the program's event; WSAEnumNetworkEvents
 * takes what it found as FD_* bits and polls again.
 *
 * As on Windows an event, once recorded, is not recorded again until the
 * call that re-enables it: recv/WSARecv for FD_READ and FD_OOB, accept
 * for FD_ACCEPT, a send that would block for FD_WRITE; FD_CONNECT and
 * FD_CLOSE come once.
 */
#include "private.h"

/* the one-handle AFD_POLL_INFO (struct afd_poll_info with one entry) */
struct poll_one
{
    INT64 timeout;
    UINT32 count, exclusive;
    struct afd_poll_handle h;
};

struct selected
{
    struct selected *next;
    SOCKET s;
    HANDLE event;
    LONG mask;                  /* FD_* asked */
    LONG enabled;               /* FD_* that may still be recorded */
    LONG recorded;              /* FD_* recorded, not yet enumerated */
    int errors[FD_MAX_EVENTS];
    struct poll_one in, out;
    IO_STATUS_BLOCK io;         /* of the pending poll */
    BOOL polling;
};

static SRWLOCK lock = SRWLOCK_INIT;
static struct selected *list;
static LONG selected_count;     /* lets the re-enabling calls skip the lock */

static struct selected *find(SOCKET s)
{
    struct selected *e;
    for (e = list; e; e = e->next) if (e->s == s) return e;
    return NULL;
}

static UINT32 afd_events(LONG fd)
{
    UINT32 ev = 0;
    if (fd & FD_READ) ev |= WLX_AFD_POLL_RECEIVE;
    if (fd & FD_OOB) ev |= WLX_AFD_POLL_RECEIVE_EXPEDITED;
    if (fd & FD_WRITE) ev |= WLX_AFD_POLL_SEND;
    if (fd & FD_ACCEPT) ev |= WLX_AFD_POLL_ACCEPT;
    if (fd & FD_CONNECT) ev |= WLX_AFD_POLL_SEND | WLX_AFD_POLL_CONNECT_FAIL;
    if (fd & FD_CLOSE) ev |= WLX_AFD_POLL_DISCONNECT | WLX_AFD_POLL_ABORT;
    return ev;
}

/* the socket's pending error (a failed connect) */
static int socket_error(SOCKET s)
{
    int err = 0, len = sizeof(err);
    getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&err, &len);
    return err;
}

/* the poll's findings into e->recorded (under the lock) */
static void record(struct selected *e, UINT32 ev)
{
    LONG got = 0;

    if (ev & WLX_AFD_POLL_RECEIVE) got |= FD_READ;
    if (ev & WLX_AFD_POLL_RECEIVE_EXPEDITED) got |= FD_OOB;
    if (ev & WLX_AFD_POLL_ACCEPT) got |= FD_ACCEPT;
    if (ev & WLX_AFD_POLL_SEND) got |= FD_WRITE | FD_CONNECT;
    if (ev & WLX_AFD_POLL_CONNECT_FAIL)
    {
        got |= FD_CONNECT;
        e->errors[FD_CONNECT_BIT] = socket_error(e->s);
    }
    if (ev & (WLX_AFD_POLL_DISCONNECT | WLX_AFD_POLL_ABORT)) got |= FD_CLOSE;
    if (ev & WLX_AFD_POLL_ABORT) e->errors[FD_CLOSE_BIT] = WSAECONNRESET;
    got &= e->enabled;
    e->recorded |= got;
    e->enabled &= ~got;
}

/* takes a finished poll's result (under the lock) */
static void collect(struct selected *e)
{
    if (!e->polling || e->io.Status == STATUS_PENDING) return;
    e->polling = FALSE;
    if (!e->io.Status && e->out.count) record(e, e->out.h.events);
}

/* starts a poll for what may still be recorded (under the lock) */
static void arm(struct selected *e)
{
    struct wlx_sock_io req;
    NTSTATUS status;
    UINT32 wanted = afd_events(e->mask & e->enabled);

    if (e->polling || !wanted) return;
    memset(&req, 0, sizeof(req));
    e->in.timeout = -1;
    e->in.count = 1;
    e->in.h.handle = e->s;
    e->in.h.events = wanted;
    req.op = WLX_SOCK_POLL;
    req.bufs = (UINT_PTR)&e->in;
    req.count = sizeof(e->in);
    req.addr = (UINT_PTR)&e->out;
    req.addrlen = sizeof(e->out);
    e->io.Status = STATUS_PENDING;
    status = __wlx_socket_io((HANDLE)e->s, e->event, NULL, NULL, &e->io, &req);
    e->polling = status == STATUS_PENDING || status == STATUS_SUCCESS;
    collect(e);
    /* starting a poll resets the event: what is still unread keeps it set */
    if (e->recorded) SetEvent(e->event);
}

/* ends e's pending poll (under the lock) */
static void disarm(struct selected *e)
{
    if (!e->polling) return;
    if (e->io.Status == STATUS_PENDING) CancelIoEx((HANDLE)e->s, (OVERLAPPED *)&e->io);
    collect(e);
    e->polling = FALSE;
}

int WINAPI WSAEventSelect(SOCKET s, WSAEVENT event, LONG mask)
{
    struct selected *e, **p;
    u_long on = 1;

    if (ws2_sock_fd(s) < 0) return SOCKET_ERROR;
    /* documented: the socket becomes non-blocking */
    if (mask && ioctlsocket(s, FIONBIO, &on)) return SOCKET_ERROR;
    AcquireSRWLockExclusive(&lock);
    for (p = &list; *p && (*p)->s != s; p = &(*p)->next) ;
    if ((e = *p))
    {
        disarm(e);
        *p = e->next;
        InterlockedDecrement(&selected_count);
    }
    if (mask && event)
    {
        if (!e && !(e = ws2_alloc(sizeof(*e))))
        {
            ReleaseSRWLockExclusive(&lock);
            SetLastError(WSAENOBUFS);
            return SOCKET_ERROR;
        }
        memset(e, 0, sizeof(*e));
        e->s = s;
        e->event = event;
        e->mask = e->enabled = mask;
        e->next = list;
        list = e;
        InterlockedIncrement(&selected_count);
        arm(e);
        e = NULL;
    }
    ReleaseSRWLockExclusive(&lock);
    ws2_free(e);
    return 0;
}

int WINAPI WSAEnumNetworkEvents(SOCKET s, WSAEVENT event, WSANETWORKEVENTS *out)
{
    struct selected *e;

    if (ws2_sock_fd(s) < 0) return SOCKET_ERROR;
    if (!out)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    memset(out, 0, sizeof(*out));
    AcquireSRWLockExclusive(&lock);
    if ((e = find(s)))
    {
        collect(e);
        out->lNetworkEvents = e->recorded;
        memcpy(out->iErrorCode, e->errors, sizeof(out->iErrorCode));
        e->recorded = 0;
        memset(e->errors, 0, sizeof(e->errors));
        if (event) ResetEvent(event);
        arm(e);
    }
    else if (event) ResetEvent(event);
    ReleaseSRWLockExclusive(&lock);
    return 0;
}

/* a call that lets events be recorded again (recv: FD_READ | FD_OOB, ...);
   connect passes 0: the poll starts again on the connecting socket */
void ws2_reenable(SOCKET s, LONG events)
{
    struct selected *e;
    DWORD error;

    if (!selected_count) return;
    error = GetLastError();   /* the caller's result stands */
    AcquireSRWLockExclusive(&lock);
    if ((e = find(s)) && (!events || (e->mask & events & ~e->enabled)))
    {
        disarm(e);
        e->enabled |= e->mask & events;
        arm(e);
    }
    ReleaseSRWLockExclusive(&lock);
    SetLastError(error);
}

/* closesocket: the selection goes with the socket */
void ws2_unselect(SOCKET s)
{
    if (selected_count) WSAEventSelect(s, NULL, 0);
}
