/*
 * ntdll/unix/socket.c — sockets as NT file handles (include/wlx/sockio.h):
 * wrapping a Unix socket fd into a file object, finding a socket handle's
 * fd, and the overlapped socket operations of ws2_32 (WSARecv/WSARecvFrom,
 * WSASend/WSASendTo, AcceptEx, ConnectEx), reported through async.c like
 * any other I/O: status block, event, APC routine or completion port
 * (also the work ws2_32 did itself, WLX_SOCK_DONE: TransmitFile).
 *
 * Every operation is first tried at once without blocking (MSG_DONTWAIT; a
 * socket's own blocking mode is the program's, FIONBIO, and is left alone)
 * and completes there when it can, as Windows does; what would block is
 * queued on the I/O thread with a context of its own (the caller's WSABUF
 * array and address may be gone once the call returns).
 *
 * Sections: errors · socket handles · operation contexts · receive · send ·
 * accept · connect · poll · the syscall · the AFD device.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <netinet/in.h>
#include "private.h"
#include "file.h"
#include "iocp.h"
#include "socket.h"
#include "wlx/sockio.h"
#include "wlx/sockaddr_unix.h"

#define NT_ERROR(s) ((uint32_t)(s) >> 30 == 3)

/* --- errors ------------------------------------------------------------------ */

/* the socket errors get Windows' network statuses (ws2_32 turns them into
   WSA codes); the rest are any file's */
static NTSTATUS sock_status(int err)
{
    switch (err)
    {
    case ECONNRESET: return (NTSTATUS)WLX_STATUS_CONNECTION_RESET;
    case ECONNABORTED: return (NTSTATUS)WLX_STATUS_CONNECTION_ABORTED;
    case ECONNREFUSED: return (NTSTATUS)WLX_STATUS_CONNECTION_REFUSED;
    case ENETUNREACH: case ENETDOWN: return (NTSTATUS)WLX_STATUS_NETWORK_UNREACHABLE;
    case EHOSTUNREACH: case EHOSTDOWN: return (NTSTATUS)WLX_STATUS_HOST_UNREACHABLE;
    case ETIMEDOUT: return (NTSTATUS)WLX_STATUS_IO_TIMEOUT;
    case EADDRINUSE: return (NTSTATUS)WLX_STATUS_ADDRESS_IN_USE;
    case EADDRNOTAVAIL: return (NTSTATUS)WLX_STATUS_ADDRESS_INVALID;
    case ENOTCONN: case EDESTADDRREQ: return (NTSTATUS)WLX_STATUS_INVALID_CONNECTION;
    case EPIPE: case ESHUTDOWN: return (NTSTATUS)WLX_STATUS_PIPE_DISCONNECTED;
    case EISCONN: return (NTSTATUS)WLX_STATUS_CONNECTION_ACTIVE;
    case ENOBUFS: return STATUS_INSUFFICIENT_RESOURCES;
    case EMSGSIZE: return STATUS_BUFFER_OVERFLOW;
    default: return errno_to_status(err);
    }
}

/* --- socket handles ------------------------------------------------------------ */

static int fd_is_socket(int fd)
{
    struct stat st;
    return !fstat(fd, &st) && S_ISSOCK(st.st_mode);
}

/* a named pipe's end is a Unix socket too: it is no Winsock socket */
static NTSTATUS sock_get(HANDLE h, struct file **f)
{
    NTSTATUS status = file_get(h, f);
    if (status) return status;
    if (!(*f)->pipe && fd_is_socket((*f)->fd)) return STATUS_SUCCESS;
    object_release(&(*f)->obj);
    return STATUS_OBJECT_TYPE_MISMATCH;
}

/* overlapped (no FILE_SYNCHRONOUS_IO_*), as socket() makes them on Windows */
NTSTATUS WINAPI unix___wlx_socket_wrap(int fd, HANDLE *handle)
{
    struct file *f;

    if (!handle || fd < 0 || !fd_is_socket(fd)) return STATUS_INVALID_PARAMETER;
    if (!(f = file_alloc(fd, file_map_generic(GENERIC_READ | GENERIC_WRITE), 0)))
    {
        close(fd);
        return STATUS_NO_MEMORY;
    }
    f->owns_fd = 1;
    f->stream = 2;
    if (!(*handle = handle_alloc(&f->obj, f->access, 0)))
    {
        object_release(&f->obj);   /* closes fd */
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI unix___wlx_socket_fd(HANDLE handle, int *fd)
{
    struct file *f;
    NTSTATUS status = sock_get(handle, &f);
    if (status) return status;
    *fd = f->fd;
    object_release(&f->obj);
    return STATUS_SUCCESS;
}

/* --- operation contexts -----------------------------------------------------------
 * A context lives until its try function finishes the operation. One whose
 * operation was cancelled is never told so: it is freed when its status
 * block is used again (Windows forbids reusing an OVERLAPPED still pending,
 * so the old operation is over), which bounds what cancellations leave. */

struct sock_ctx {
    struct sock_ctx *next;      /* in the list of live contexts */
    IO_STATUS_BLOCK *io;
    int flags;                  /* Linux MSG_* */
    struct sockaddr_storage addr;   /* send/connect: the destination */
    socklen_t addrlen;
    void *from;                 /* recv: Windows sockaddr out, and its int32 length in/out */
    int32_t *fromlen;
    uint64_t sent;              /* send: bytes sent so far */
    struct file *accept;        /* accept: the socket that gets the connection (a reference) */
    struct wlx_sock_io req;     /* accept: the sizes of AcceptEx's buffer */
    struct poll_set *poll;      /* poll: what is watched */
    int iovcnt;
    struct iovec iov[];
};

static pthread_mutex_t ctx_lock = PTHREAD_MUTEX_INITIALIZER;
static struct sock_ctx *ctxs;

static void poll_set_free(struct poll_set *ps);

static void ctx_unlink_free(struct sock_ctx *c)
{
    if (c->accept) object_release(&c->accept->obj);
    if (c->poll) poll_set_free(c->poll);
    free(c);
}

/* a context for an operation reporting to io, with the caller's buffers */
static struct sock_ctx *ctx_new(IO_STATUS_BLOCK *io, const struct wlx_sock_io *req)
{
    const struct wlx_sock_buf *bufs = (const struct wlx_sock_buf *)(uintptr_t)req->bufs;
    uint32_t count = bufs && req->op != WLX_SOCK_POLL ? req->count : 0;   /* a poll's are its own */
    struct sock_ctx *c, *stale = NULL, **p;

    if (count > 1024 || !(c = calloc(1, sizeof(*c) + count * sizeof(struct iovec)))) return NULL;
    c->io = io;
    c->iovcnt = count;
    for (uint32_t i = 0; i < count; i++) c->iov[i] = (struct iovec){ (void *)(uintptr_t)bufs[i].buf, bufs[i].len };
    pthread_mutex_lock(&ctx_lock);
    for (p = &ctxs; *p; )
    {
        struct sock_ctx *o = *p;
        if (o->io != io) { p = &o->next; continue; }
        *p = o->next;
        o->next = stale;
        stale = o;
    }
    c->next = ctxs;
    ctxs = c;
    pthread_mutex_unlock(&ctx_lock);
    while (stale) { struct sock_ctx *o = stale; stale = o->next; ctx_unlink_free(o); }
    return c;
}

/* the operation is over: the context goes */
static void ctx_free(struct sock_ctx *c)
{
    pthread_mutex_lock(&ctx_lock);
    for (struct sock_ctx **p = &ctxs; *p; p = &(*p)->next)
        if (*p == c) { *p = c->next; break; }
    pthread_mutex_unlock(&ctx_lock);
    ctx_unlink_free(c);
}

static uint64_t iov_total(const struct iovec *iov, int count)
{
    uint64_t total = 0;
    for (int i = 0; i < count; i++) total += iov[i].iov_len;
    return total;
}

static int msg_flags(uint32_t win)
{
    int ret = 0;
    if (win & 1) ret |= MSG_OOB;
    if (win & 2) ret |= MSG_PEEK;
    if (win & 4) ret |= MSG_DONTROUTE;
    if (win & 8) ret |= MSG_WAITALL;
    return ret;
}

static int readable_now(int fd, short events)
{
    struct pollfd p = { fd, events, 0 };
    return poll(&p, 1, 0) > 0;
}

/* --- receive ------------------------------------------------------------------------ */

/* a zero-byte receive completes once data is there (what mio-style
   readiness code relies on); a datagram cut short is STATUS_BUFFER_OVERFLOW */
static NTSTATUS try_recv(struct file *f, void *buf, uint32_t len, uint64_t *done, void *arg)
{
    struct sock_ctx *c = arg;
    struct sockaddr_storage ss;
    struct msghdr msg = { .msg_name = &ss, .msg_namelen = sizeof(ss), .msg_iov = c->iov, .msg_iovlen = c->iovcnt };
    NTSTATUS status = STATUS_SUCCESS;
    ssize_t r;
    (void)buf; (void)len;

    if (!iov_total(c->iov, c->iovcnt))
    {
        if (!readable_now(f->fd, POLLIN)) return STATUS_PENDING;
        ctx_free(c);
        return STATUS_SUCCESS;
    }
    do r = recvmsg(f->fd, &msg, c->flags | MSG_DONTWAIT);
    while (r < 0 && errno == EINTR);
    if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return STATUS_PENDING;
    if (r < 0) status = sock_status(errno);
    else
    {
        *done = r;
        if (msg.msg_flags & MSG_TRUNC) status = STATUS_BUFFER_OVERFLOW;
        if (c->from && c->fromlen && msg.msg_namelen)
        {
            int n = wlx_addr_to_win(c->from, *c->fromlen, &ss, msg.msg_namelen);
            if (n < 0) status = STATUS_ACCESS_VIOLATION;   /* WSAEFAULT */
            else *c->fromlen = n;
        }
    }
    ctx_free(c);
    return status;
}

/* --- send ------------------------------------------------------------------------------ */

/* drops the first n bytes from the context's buffers */
static void iov_advance(struct sock_ctx *c, uint64_t n)
{
    int i = 0;
    while (i < c->iovcnt && n >= c->iov[i].iov_len) n -= c->iov[i++].iov_len;
    memmove(c->iov, c->iov + i, (c->iovcnt - i) * sizeof(struct iovec));
    c->iovcnt -= i;
    if (c->iovcnt && n)
    {
        c->iov[0].iov_base = (char *)c->iov[0].iov_base + n;
        c->iov[0].iov_len -= n;
    }
}

/* completes once everything is sent; *done stays 0 until then, when it is
   the total (async.c adds up what try reports) */
static NTSTATUS try_send(struct file *f, void *buf, uint32_t len, uint64_t *done, void *arg)
{
    struct sock_ctx *c = arg;
    struct msghdr msg = { .msg_name = c->addrlen ? &c->addr : NULL, .msg_namelen = c->addrlen,
                          .msg_iov = c->iov, .msg_iovlen = c->iovcnt };
    NTSTATUS status = STATUS_SUCCESS;
    ssize_t r;
    (void)buf; (void)len;

    do r = sendmsg(f->fd, &msg, c->flags | MSG_DONTWAIT | MSG_NOSIGNAL);
    while (r < 0 && errno == EINTR);
    if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return STATUS_PENDING;
    if (r < 0) status = sock_status(errno);
    else
    {
        c->sent += r;
        iov_advance(c, r);
        if (iov_total(c->iov, c->iovcnt)) return STATUS_PENDING;
    }
    *done = c->sent;
    ctx_free(c);
    return status;
}

/* --- accept ------------------------------------------------------------------------------ */

/* one address area of AcceptEx's buffer: a 32-bit length, then the address */
static void put_accept_addr(uint8_t *area, uint32_t size, const struct sockaddr_storage *ss, socklen_t len)
{
    int32_t n = wlx_addr_to_win(area + WLX_ACCEPT_ADDR_HEADER, size - WLX_ACCEPT_ADDR_HEADER, ss, len);
    if (n < 0) n = 0;
    memcpy(area, &n, 4);
}

/* the connection replaces the accept socket's fd (same handle, same fd
   number); data already there is received, AcceptEx's buffer gets the data
   and then the local and remote addresses */
static NTSTATUS accepted(struct sock_ctx *c, int nfd, const struct sockaddr_storage *peer, socklen_t peer_len,
                         uint64_t *done)
{
    uint8_t *buf = c->iovcnt ? c->iov[0].iov_base : NULL;
    struct sockaddr_storage local;
    socklen_t local_len = sizeof(local);
    ssize_t r = 0;

    if (dup3(nfd, c->accept->fd, O_CLOEXEC) < 0)
    {
        NTSTATUS status = sock_status(errno);
        close(nfd);
        return status;
    }
    close(nfd);
    if (!buf) return STATUS_SUCCESS;
    if (c->req.recv_len)
    {
        do r = recv(c->accept->fd, buf, c->req.recv_len, MSG_DONTWAIT);
        while (r < 0 && errno == EINTR);
        if (r < 0) r = 0;
    }
    if (getsockname(c->accept->fd, (struct sockaddr *)&local, &local_len)) local_len = 0;
    put_accept_addr(buf + c->req.recv_len, c->req.local_len, &local, local_len);
    put_accept_addr(buf + c->req.recv_len + c->req.local_len, c->req.remote_len, peer, peer_len);
    *done = r;
    return STATUS_SUCCESS;
}

/* the listening socket may be in blocking mode: look before accepting */
static NTSTATUS try_accept(struct file *f, void *buf, uint32_t len, uint64_t *done, void *arg)
{
    struct sock_ctx *c = arg;
    struct sockaddr_storage peer;
    socklen_t peer_len = sizeof(peer);
    NTSTATUS status;
    int nfd;
    (void)buf; (void)len;

    if (!readable_now(f->fd, POLLIN)) return STATUS_PENDING;
    do nfd = accept4(f->fd, (struct sockaddr *)&peer, &peer_len, SOCK_CLOEXEC | SOCK_NONBLOCK);
    while (nfd < 0 && errno == EINTR);
    if (nfd < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return STATUS_PENDING;
    if (nfd < 0) status = sock_status(errno);
    else
    {
        /* the accepted socket starts in blocking mode, as on Windows */
        fcntl(nfd, F_SETFL, fcntl(nfd, F_GETFL) & ~O_NONBLOCK);
        status = accepted(c, nfd, &peer, peer_len, done);
    }
    ctx_free(c);
    return status;
}

static int is_listening(int fd)
{
    int v = 0;
    socklen_t len = sizeof(v);
    return !getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &v, &len) && v;
}

/* AcceptEx's checks: a listening socket, an accept socket, address areas
   that hold an address of the family plus 16 bytes */
static NTSTATUS accept_setup(struct file *f, struct sock_ctx *c, const struct wlx_sock_io *req)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    uint32_t need;

    if (!is_listening(f->fd)) return STATUS_INVALID_PARAMETER;
    if (getsockname(f->fd, (struct sockaddr *)&ss, &len)) return sock_status(errno);
    need = (ss.ss_family == AF_INET6 ? 28 : 16) + 16;
    if (!c->iovcnt || req->local_len < need || req->remote_len < need) return STATUS_BUFFER_TOO_SMALL;
    if (sock_get((HANDLE)(uintptr_t)req->accept_handle, &c->accept))
    {
        c->accept = NULL;
        return STATUS_INVALID_HANDLE;
    }
    c->req = *req;
    return STATUS_SUCCESS;
}

/* --- connect ------------------------------------------------------------------------------ */

/* once connected, ConnectEx's data (if any) is sent as far as it goes now */
static NTSTATUS connected(struct file *f, struct sock_ctx *c, uint64_t *done)
{
    struct msghdr msg = { .msg_iov = c->iov, .msg_iovlen = c->iovcnt };
    ssize_t r;

    if (!iov_total(c->iov, c->iovcnt)) return STATUS_SUCCESS;
    do r = sendmsg(f->fd, &msg, MSG_DONTWAIT | MSG_NOSIGNAL);
    while (r < 0 && errno == EINTR);
    if (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return sock_status(errno);
    *done = r > 0 ? r : 0;
    return STATUS_SUCCESS;
}

static NTSTATUS try_connect(struct file *f, void *buf, uint32_t len, uint64_t *done, void *arg)
{
    struct sock_ctx *c = arg;
    socklen_t elen = sizeof(int);
    int err = 0;
    NTSTATUS status;
    (void)buf; (void)len;

    if (!readable_now(f->fd, POLLOUT)) return STATUS_PENDING;
    if (getsockopt(f->fd, SOL_SOCKET, SO_ERROR, &err, &elen)) err = errno;
    status = err ? sock_status(err) : connected(f, c, done);
    ctx_free(c);
    return status;
}

/* ConnectEx needs a bound socket (WSAEINVAL otherwise); the connection is
   started without blocking whatever the socket's own mode */
static NTSTATUS connect_start(struct file *f, struct sock_ctx *c, const struct wlx_sock_io *req)
{
    struct sockaddr_storage local;
    socklen_t local_len = sizeof(local);
    int flags, r, err;

    if (wlx_addr_from_win((const void *)(uintptr_t)req->addr, req->addrlen, &c->addr, &c->addrlen))
        return STATUS_ACCESS_VIOLATION;
    if (getsockname(f->fd, (struct sockaddr *)&local, &local_len) || !((struct sockaddr_in *)&local)->sin_port)
        return STATUS_INVALID_PARAMETER;
    flags = fcntl(f->fd, F_GETFL);
    fcntl(f->fd, F_SETFL, flags | O_NONBLOCK);
    r = connect(f->fd, (struct sockaddr *)&c->addr, c->addrlen);
    err = errno;
    fcntl(f->fd, F_SETFL, flags);
    if (!r || err == EINPROGRESS || err == EINTR) return STATUS_PENDING;   /* try_connect finishes it */
    return sock_status(err);
}

/* --- poll (IOCTL_AFD_POLL's semantics) -------------------------------------------------
 * The sockets' fds go into an epoll instance of the operation's own, which
 * is what the I/O thread watches (an epoll fd is readable when one of its
 * fds is ready); each attempt looks at every socket with poll().
 * Two events come from outside the sockets, through an eventfd (`kick`) in
 * the same epoll set: an exclusive poll supersedes the pending exclusive
 * polls of a socket it names (they complete with no handle, as AFD does;
 * libuv closes its poll handles this way), and a socket's close makes the
 * pending polls look again (a closed handle reports AFD_POLL_LOCAL_CLOSE).
 * Pending polls are in a list for that (`polls`). */

struct poll_entry {
    uint64_t handle;            /* a socket (no reference is kept: its close must close it) */
    uint32_t events;            /* WLX_AFD_POLL_* wanted */
    int stream, listening;
};

struct poll_set {
    struct poll_set *next;      /* in `polls` while pending */
    int epfd, kick;             /* kick: an eventfd in epfd (see above) */
    int superseded;             /* a later exclusive poll took its sockets */
    int64_t timeout;
    uint32_t count, exclusive;
    struct afd_poll_info *out;  /* the caller's, kept until completion */
    uint32_t out_len;
    struct poll_entry e[];
};

static pthread_mutex_t polls_lock = PTHREAD_MUTEX_INITIALIZER;
static struct poll_set *polls;

static void poll_set_free(struct poll_set *ps)
{
    pthread_mutex_lock(&polls_lock);
    for (struct poll_set **p = &polls; *p; p = &(*p)->next)
        if (*p == ps) { *p = ps->next; break; }
    pthread_mutex_unlock(&polls_lock);
    if (ps->epfd >= 0) close(ps->epfd);
    if (ps->kick >= 0) close(ps->kick);
    free(ps);
}

static void poll_kick(struct poll_set *ps)
{
    uint64_t one = 1;
    if (write(ps->kick, &one, sizeof(one)) < 0) { /* already readable: enough */ }
}

static int poll_shares_handle(const struct poll_set *a, const struct poll_set *b)
{
    for (uint32_t i = 0; i < a->count; i++)
        for (uint32_t j = 0; j < b->count; j++)
            if (a->e[i].handle == b->e[j].handle) return 1;
    return 0;
}

/* a new pending poll: an exclusive one supersedes the exclusive polls
   pending on its sockets */
static void poll_register(struct poll_set *ps)
{
    pthread_mutex_lock(&polls_lock);
    if (ps->exclusive)
        for (struct poll_set *o = polls; o; o = o->next)
            if (o->exclusive && !o->superseded && poll_shares_handle(o, ps))
            {
                __atomic_store_n(&o->superseded, 1, __ATOMIC_RELEASE);
                poll_kick(o);
            }
    ps->next = polls;
    polls = ps;
    pthread_mutex_unlock(&polls_lock);
}

/* a file is closing (its handle is gone already): when it is a socket,
   every pending poll looks again */
void socket_poll_file_closing(int fd)
{
    struct stat st;

    if (!__atomic_load_n(&polls, __ATOMIC_RELAXED) || fstat(fd, &st) || !S_ISSOCK(st.st_mode)) return;
    pthread_mutex_lock(&polls_lock);
    for (struct poll_set *o = polls; o; o = o->next) poll_kick(o);
    pthread_mutex_unlock(&polls_lock);
}

/* under the handle table's lock: a socket's fd, or -1 */
static int peek_socket_fd(struct wlx_object *obj)
{
    struct file *f = (struct file *)obj;
    return obj->ops == &file_ops && !f->pipe ? f->fd : -1;
}

static int sock_type(int fd)
{
    int v = 0;
    socklen_t len = sizeof(v);
    return getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len) ? 0 : v;
}

static int is_listening(int fd);

/* what happened on one socket, in WLX_AFD_POLL_* bits; runs under the
   async lock, so the socket is only looked at (handle_peek), never held:
   a last reference dropped here would destroy it under that lock */
static uint32_t poll_events(const struct poll_entry *e)
{
    int fd = handle_peek((HANDLE)(uintptr_t)e->handle, peek_socket_fd);
    struct pollfd p = { fd, POLLIN | POLLOUT | POLLPRI | POLLRDHUP, 0 };
    struct sockaddr_storage peer;
    socklen_t len = sizeof(peer);
    uint32_t ev = 0;

    if (fd < 0) return e->events & WLX_AFD_POLL_LOCAL_CLOSE;
    if (poll(&p, 1, 0) <= 0) return 0;
    if (p.revents & POLLIN) ev |= e->listening ? WLX_AFD_POLL_ACCEPT : WLX_AFD_POLL_RECEIVE;
    if (p.revents & POLLPRI) ev |= WLX_AFD_POLL_RECEIVE_EXPEDITED;
    if (p.revents & POLLOUT) ev |= WLX_AFD_POLL_SEND;
    if (p.revents & POLLRDHUP) ev |= WLX_AFD_POLL_DISCONNECT;
    /* no peer: a failed connect shows as an error; a socket never
       connected (Linux says writable and hung up) shows nothing. A socket
       whose connection ended has no peer either (Linux moves a socket that
       closed first to TCP_CLOSE when the other side's FIN comes), but its
       receive side is shut: its data and the disconnect are reported */
    if (e->stream && !e->listening && !(p.revents & (POLLRDHUP | POLLERR))
        && getpeername(fd, (struct sockaddr *)&peer, &len))
        ev = 0;
    else if (e->stream && !e->listening && (p.revents & POLLERR) && getpeername(fd, (struct sockaddr *)&peer, &len))
        ev = WLX_AFD_POLL_CONNECT_FAIL;
    /* an error or a hang-up with the receive side open is an abort; both
       sides shut in order (hung up, receive side shut, no error) is not */
    else if ((p.revents & POLLERR) || (p.revents & (POLLHUP | POLLRDHUP)) == POLLHUP)
        ev |= e->stream ? WLX_AFD_POLL_ABORT : 0;
    return ev & e->events;
}

static NTSTATUS try_poll(struct file *f, void *buf, uint32_t len, uint64_t *done, void *arg)
{
    struct sock_ctx *c = arg;
    struct poll_set *ps = c->poll;
    uint32_t i, n = 0;
    uint64_t kicks;
    (void)f; (void)buf; (void)len;

    if (read(ps->kick, &kicks, sizeof(kicks)) < 0) { /* not kicked */ }
    for (i = 0; i < ps->count && !__atomic_load_n(&ps->superseded, __ATOMIC_ACQUIRE); i++)
    {
        uint32_t ev = poll_events(&ps->e[i]);
        if (!ev) continue;
        ps->out->handles[n] = (struct afd_poll_handle){ ps->e[i].handle, ev, 0 };
        n++;
    }
    if (!n && ps->timeout && !__atomic_load_n(&ps->superseded, __ATOMIC_ACQUIRE)) return STATUS_PENDING;
    ps->out->timeout = ps->timeout;
    ps->out->count = n;
    ps->out->exclusive = ps->exclusive;
    *done = offsetof(struct afd_poll_info, handles) + n * sizeof(struct afd_poll_handle);
    ctx_free(c);
    return STATUS_SUCCESS;
}

/* what to watch for the wanted events (errors and hang-ups always come):
   a socket that still has data nobody asked for must not wake the watcher */
static uint32_t epoll_wanted(uint32_t afd)
{
    uint32_t ev = 0;
    if (afd & (WLX_AFD_POLL_RECEIVE | WLX_AFD_POLL_ACCEPT)) ev |= EPOLLIN;
    if (afd & WLX_AFD_POLL_DISCONNECT) ev |= EPOLLRDHUP;
    if (afd & WLX_AFD_POLL_RECEIVE_EXPEDITED) ev |= EPOLLPRI;
    if (afd & WLX_AFD_POLL_SEND) ev |= EPOLLOUT;
    return ev;
}

/* a stream socket never connected: Linux calls it hung up, which would wake
   the watcher for ever; it is not watched (WSAEventSelect polls again after
   connect) */
static int never_connected(const struct poll_entry *e, int fd)
{
    /* one whose connection ended is hung up too, with its receive side shut */
    struct pollfd p = { fd, POLLOUT | POLLIN | POLLRDHUP, 0 };
    return e->stream && !e->listening && poll(&p, 1, 0) == 1 && p.revents == (POLLOUT | POLLHUP);
}

/* the input's handles, each a socket, in an epoll instance of their own */
static NTSTATUS poll_setup(struct sock_ctx *c, const struct wlx_sock_io *req)
{
    const struct afd_poll_info *in = (const struct afd_poll_info *)(uintptr_t)req->bufs;
    struct poll_set *ps;
    uint32_t i;

    if (!in || req->count < sizeof(*in) || !in->count || in->count > 4096
        || req->count < sizeof(*in) + in->count * sizeof(in->handles[0]))
        return STATUS_INVALID_PARAMETER;
    if (!req->addr || (uint32_t)req->addrlen < sizeof(*in) + in->count * sizeof(in->handles[0]))
        return STATUS_INVALID_PARAMETER;
    if (!(ps = calloc(1, sizeof(*ps) + in->count * sizeof(ps->e[0])))) return STATUS_NO_MEMORY;
    c->poll = ps;
    ps->timeout = in->timeout;
    ps->exclusive = in->exclusive;
    ps->out = (struct afd_poll_info *)(uintptr_t)req->addr;
    ps->kick = -1;
    if ((ps->epfd = epoll_create1(EPOLL_CLOEXEC)) < 0) return STATUS_INSUFFICIENT_RESOURCES;
    if ((ps->kick = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) < 0) return STATUS_INSUFFICIENT_RESOURCES;
    {
        struct epoll_event kev = { .events = EPOLLIN };
        epoll_ctl(ps->epfd, EPOLL_CTL_ADD, ps->kick, &kev);
    }
    for (i = 0; i < in->count; i++, ps->count++)
    {
        struct poll_entry *e = &ps->e[i];
        struct epoll_event ev = { .events = epoll_wanted(in->handles[i].events) };
        struct file *f;
        if (sock_get((HANDLE)(uintptr_t)in->handles[i].handle, &f)) return STATUS_INVALID_HANDLE;
        e->handle = in->handles[i].handle;
        e->events = in->handles[i].events;
        e->stream = sock_type(f->fd) == SOCK_STREAM;
        e->listening = is_listening(f->fd);
        if (!never_connected(e, f->fd)) epoll_ctl(ps->epfd, EPOLL_CTL_ADD, f->fd, &ev);
        object_release(&f->obj);
    }
    poll_register(ps);
    return STATUS_SUCCESS;
}

/* --- the syscall ------------------------------------------------------------------------------ */

/* checks and fills the context of one operation; STATUS_PENDING to go on */
static NTSTATUS op_setup(struct file *f, struct sock_ctx *c, const struct wlx_sock_io *req, io_try_fn *try,
                         enum io_kind *kind)
{
    c->flags = msg_flags(req->flags);
    switch (req->op)
    {
    case WLX_SOCK_RECV:
        c->from = (void *)(uintptr_t)req->addr;
        c->fromlen = (int32_t *)(uintptr_t)req->addrlen_ptr;
        if (c->from && (!c->fromlen || *c->fromlen < (int)sizeof(struct sockaddr_in))) return STATUS_ACCESS_VIOLATION;
        *try = try_recv;
        *kind = IO_READ;
        return STATUS_PENDING;
    case WLX_SOCK_SEND:
        if (req->addr && wlx_addr_from_win((const void *)(uintptr_t)req->addr, req->addrlen, &c->addr, &c->addrlen))
            return STATUS_ACCESS_VIOLATION;
        *try = try_send;
        *kind = IO_WRITE;
        return STATUS_PENDING;
    case WLX_SOCK_ACCEPT:
        *try = try_accept;
        *kind = IO_WAIT;
        return accept_setup(f, c, req) ?: STATUS_PENDING;
    case WLX_SOCK_CONNECT:
        *try = try_connect;
        *kind = IO_WRITE;
        return connect_start(f, c, req);
    case WLX_SOCK_POLL:
        *try = try_poll;
        *kind = IO_POLL;
        return poll_setup(c, req) ?: STATUS_PENDING;
    }
    return STATUS_INVALID_PARAMETER;
}

static NTSTATUS socket_io(struct file *f, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                          const struct wlx_sock_io *req)
{
    struct io_notify n;
    struct sock_ctx *c;
    io_try_fn try = NULL;
    enum io_kind kind = IO_READ;
    uint64_t done = 0;
    NTSTATUS status = io_begin(f, event, apc, apc_ctx, io, &n);

    if (status) return status;
    if (req->op == WLX_SOCK_DONE) return io_finish_now(f, &n, STATUS_SUCCESS, req->done);
    if (!(c = ctx_new(io, req))) return STATUS_NO_MEMORY;
    if ((status = op_setup(f, c, req, &try, &kind)) != STATUS_PENDING)
    {
        ctx_free(c);
        io->Status = status;
        io->Information = 0;
        return status;
    }
    /* done at once when it can be: reported as Windows reports it */
    status = try(f, NULL, 0, &done, c);
    if (status != STATUS_PENDING) return io_finish_now(f, &n, status, done);
    return io_queue(f, kind, c->poll ? c->poll->epfd : f->fd, try, NULL, 0, c, &n);
}

NTSTATUS WINAPI unix___wlx_socket_io(HANDLE handle, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                                     const struct wlx_sock_io *req)
{
    struct file *f;
    NTSTATUS status;

    if (!io || !req) return STATUS_ACCESS_VIOLATION;
    if ((status = sock_get(handle, &f))) return status;
    status = socket_io(f, event, apc, apc_ctx, io, req);
    object_release(&f->obj);
    return status;
}

/* --- the AFD device ------------------------------------------------------------------------------ */

static int name_is(const UNICODE_STRING *nt, const char *ascii, size_t n)
{
    if (nt->Length / 2 < n) return 0;
    for (size_t i = 0; i < n; i++)
    {
        WCHAR c = nt->Buffer[i];
        if ((c >= 'a' && c <= 'z' ? c - 32 : c) != (WCHAR)(ascii[i] >= 'a' && ascii[i] <= 'z' ? ascii[i] - 32 : ascii[i]))
            return 0;
    }
    return nt->Length / 2 == n || nt->Buffer[n] == '\\';
}

int socket_is_afd_name(const UNICODE_STRING *nt)
{
    return nt && nt->Buffer && name_is(nt, "\\Device\\Afd", 11);
}

/* the device's handle is a file over a socket of no use but its own, so
   socket_ioctl takes it as any socket */
NTSTATUS socket_open_afd(HANDLE *handle, uint32_t attributes, IO_STATUS_BLOCK *io)
{
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    NTSTATUS status;

    (void)attributes;
    if (fd < 0) return sock_status(errno);
    status = unix___wlx_socket_wrap(fd, handle);
    if (io)
    {
        io->Status = status;
        io->Information = status ? 0 : FILE_OPENED;
    }
    return status;
}

NTSTATUS socket_ioctl(struct file *f, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                      uint32_t code, void *in, uint32_t in_len, void *out, uint32_t out_len)
{
    struct wlx_sock_io req;

    if (f->pipe || !fd_is_socket(f->fd) || code != WLX_IOCTL_AFD_POLL) return STATUS_INVALID_DEVICE_REQUEST;
    memset(&req, 0, sizeof(req));
    req.op = WLX_SOCK_POLL;
    req.bufs = (uintptr_t)in;
    req.count = in_len;
    req.addr = (uintptr_t)out;
    req.addrlen = out_len;
    return socket_io(f, event, apc, apc_ctx, io, &req);
}
