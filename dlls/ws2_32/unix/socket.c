/*
 * Unix side of ws2_32: the calls on sockets, run blocking on the calling
 * thread's Unix stack. A SOCKET is ntdll's handle; the PE side passes its
 * fd (include/wlx/sockio.h), and gets new sockets' fds back to wrap. Addresses
 * arrive and leave in the Windows layout (only AF_INET6's number differs
 * for the families we handle); flags and poll bits are translated here.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include "wlx/sockaddr_unix.h"
#include "wlx/sockio.h"
#include "private.h"

/* ---- sockets are ntdll's handles: the PE side hands over their fds ---- */

int sock_fd(uint64_t handle)
{
    return handle > 0x7fffffff ? -1 : (int)handle;
}

/* ---- address translation ---- */

static int64_t fail(void) { return -errno_to_wsa(errno); }

/* an AF_UNIX path longer than sun_path holds (struct sock_unix_path): named
   as "/proc/self/fd/N/name" through its folder opened in *dirfd, which bind
   and connect resolve as they would the whole path; the caller closes *dirfd */
static int long_unix_path(const struct sock_params *p, struct sockaddr_storage *ss, socklen_t *len, int *dirfd)
{
    const struct sock_unix_path *up = (const void *)(uintptr_t)p->addr;
    struct sockaddr_un *un = (struct sockaddr_un *)ss;
    const char *slash;
    char *folder;
    int n;

    if (p->addrlen > (int)sizeof(*up) || up->path[p->addrlen - 3] || !(slash = strrchr(up->path, '/')))
        return -10022;   /* WSAEINVAL */
    if (!(folder = strndup(up->path, slash > up->path ? slash - up->path : 1))) return -10055;   /* WSAENOBUFS */
    *dirfd = open(folder, O_PATH | O_DIRECTORY | O_CLOEXEC);
    free(folder);
    if (*dirfd < 0) return fail();
    memset(ss, 0, sizeof(*ss));
    un->sun_family = AF_UNIX;
    n = snprintf(un->sun_path, sizeof(un->sun_path), "/proc/self/fd/%d/%s", *dirfd, slash + 1);
    if (n >= (int)sizeof(un->sun_path)) return -10063;   /* WSAENAMETOOLONG: the name alone is too long */
    *len = offsetof(struct sockaddr_un, sun_path) + n + 1;
    return 0;
}

/* p's address as Linux takes it; dirfd (when not NULL) receives a folder to
   close after the call, or stays -1 */
static int addr_from_win(const struct sock_params *p, struct sockaddr_storage *ss, socklen_t *len, int *dirfd)
{
    uint16_t family = 0;

    if (p->addr && p->addrlen >= 2) memcpy(&family, (const void *)(uintptr_t)p->addr, 2);
    if (dirfd && family == AF_UNIX && p->addrlen > (int)sizeof(struct sockaddr_un))
        return long_unix_path(p, ss, len, dirfd);
    return wlx_addr_from_win((const void *)(uintptr_t)p->addr, p->addrlen, ss, len) ? -10014 : 0;   /* WSAEFAULT */
}

/* copies a Unix address out; Windows fails with WSAEFAULT when it does not fit */
static int addr_to_win(struct sock_params *p, struct sockaddr_storage *ss, socklen_t len)
{
    int ret;

    if (!p->addr) return 0;
    if ((ret = wlx_addr_to_win((void *)(uintptr_t)p->addr, p->addrlen, ss, len)) < 0) return -10014;
    p->addrlen = ret;
    return 0;
}

static int msg_flags_from_win(int flags)
{
    int ret = 0;
    if (flags & 1) ret |= MSG_OOB;
    if (flags & 2) ret |= MSG_PEEK;
    if (flags & 4) ret |= MSG_DONTROUTE;
    if (flags & 8) ret |= MSG_WAITALL;
    return ret;
}

/* a timeout (SO_RCVTIMEO/SO_SNDTIMEO) on a blocking socket: Linux says EAGAIN,
 * Windows WSAETIMEDOUT */
static int64_t io_fail(int fd)
{
    if ((errno == EAGAIN || errno == EWOULDBLOCK) && !(fcntl(fd, F_GETFL) & O_NONBLOCK)) return -10060;
    return fail();
}

#define GET_FD(p, fd) do { if (((fd) = sock_fd((p)->handle)) < 0) { (p)->result = -10038; return 0; } } while (0)

/* ---- the calls ---- */

static int32_t unix_socket_call(void *args)
{
    struct sock_params *p = args;
    int family = p->a == WS_AF_INET6 ? AF_INET6 : p->a;
    int fd = socket(family, p->b | SOCK_CLOEXEC, p->c);

    sock_clear_options(fd);
    p->result = fd < 0 ? fail() : fd;   /* the PE side makes it a handle */
    return 0;
}

/* Windows' closesocket ends an accept blocked in another thread; Linux's close
 * does not, shutdown on a listening socket does */
static void wake_listener(int fd)
{
    int listening = 0;
    socklen_t len = sizeof(listening);

    if (!getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) && listening) shutdown(fd, SHUT_RDWR);
}

/* before the handle is closed (the fd goes with it) */
static int32_t unix_close_call(void *args)
{
    struct sock_params *p = args;
    int fd;

    GET_FD(p, fd);
    wake_listener(fd);
    p->result = 0;
    return 0;
}

static int32_t unix_bind_call(void *args)
{
    struct sock_params *p = args;
    struct sockaddr_storage ss;
    socklen_t len;
    int fd, err, dirfd = -1;

    GET_FD(p, fd);
    if ((err = addr_from_win(p, &ss, &len, &dirfd))) p->result = err;
    else p->result = bind(fd, (struct sockaddr *)&ss, len) ? fail() : 0;
    if (dirfd >= 0)
    {
        /* the name Linux keeps, for the PE side to tell getsockname's answer */
        close(dirfd);
        strcpy(((struct sock_unix_path *)(uintptr_t)p->addr)->path, ((struct sockaddr_un *)&ss)->sun_path);
    }
    return 0;
}

static int32_t unix_connect_call(void *args)
{
    struct sock_params *p = args;
    struct sockaddr_storage ss;
    socklen_t len;
    int fd, err, ret, dirfd = -1, saved;

    GET_FD(p, fd);
    err = addr_from_win(p, &ss, &len, &dirfd);
    ret = err ? 0 : connect(fd, (struct sockaddr *)&ss, len);
    saved = errno;
    if (dirfd >= 0) close(dirfd);
    errno = saved;
    if (err) { p->result = err; return 0; }
    /* interrupted, the connection goes on: wait for it as a blocking call would */
    if (ret && errno == EINTR)
    {
        struct pollfd pfd = { .fd = fd, .events = POLLOUT };
        socklen_t elen = sizeof(err);
        while (poll(&pfd, 1, -1) < 0 && errno == EINTR) ;
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &elen);
        errno = err;
        ret = err ? -1 : 0;
    }
    p->result = ret ? fail() : 0;
    return 0;
}

static int32_t unix_listen_call(void *args)
{
    struct sock_params *p = args;
    int fd;

    GET_FD(p, fd);
    p->result = listen(fd, p->a) ? fail() : 0;
    return 0;
}

static int32_t unix_accept_call(void *args)
{
    struct sock_params *p = args;
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    int fd, nfd, err, flags;

    GET_FD(p, fd);
    if (p->addr && p->addrlen < (int)sizeof(struct sockaddr_in)) { p->result = -10014; return 0; }
    /* the new socket has the listener's properties, non-blocking mode included */
    flags = SOCK_CLOEXEC | ((fcntl(fd, F_GETFL) & O_NONBLOCK) ? SOCK_NONBLOCK : 0);
    do nfd = accept4(fd, (struct sockaddr *)&ss, &len, flags);
    while (nfd < 0 && errno == EINTR);
    if (nfd < 0) { p->result = fail(); return 0; }
    if ((err = addr_to_win(p, &ss, len))) { close(nfd); p->result = err; return 0; }
    sock_clear_options(nfd);
    p->result = nfd;
    return 0;
}

/* the data of a send/recv: buf/len, or with c = 1 a WSABUF array of len
   entries (struct wlx_sock_buf); NULL when there are too many */
static struct iovec *data_iov(const struct sock_params *p, struct iovec *one, int *count)
{
    const struct wlx_sock_buf *bufs = (const struct wlx_sock_buf *)(uintptr_t)p->buf;
    struct iovec *iov;

    if (p->c != 1)
    {
        *one = (struct iovec){ (void *)(uintptr_t)p->buf, p->len };
        *count = 1;
        return one;
    }
    if (p->len < 0 || p->len > 1024 || !(iov = calloc(p->len ? p->len : 1, sizeof(*iov)))) return NULL;
    for (int i = 0; i < p->len; i++) iov[i] = (struct iovec){ (void *)(uintptr_t)bufs[i].buf, bufs[i].len };
    *count = p->len;
    return iov;
}

static int32_t unix_send_call(void *args)
{
    struct sock_params *p = args;
    struct sockaddr_storage ss;
    struct iovec one, *iov;
    struct msghdr msg = { 0 };
    ssize_t ret;
    int fd, err, count;

    GET_FD(p, fd);
    if (p->addr && (err = addr_from_win(p, &ss, &msg.msg_namelen, NULL))) { p->result = err; return 0; }
    if (!(iov = data_iov(p, &one, &count))) { p->result = -10055; return 0; }   /* WSAENOBUFS */
    msg.msg_name = p->addr ? &ss : NULL;
    msg.msg_iov = iov;
    msg.msg_iovlen = count;
    /* MSG_NOSIGNAL: Windows reports a broken connection, it never raises SIGPIPE */
    do ret = sendmsg(fd, &msg, msg_flags_from_win(p->a) | MSG_NOSIGNAL);
    while (ret < 0 && errno == EINTR);
    p->result = ret < 0 ? io_fail(fd) : ret;
    if (iov != &one) free(iov);
    return 0;
}

static int32_t unix_recv_call(void *args)
{
    struct sock_params *p = args;
    struct sockaddr_storage ss;
    struct iovec one, *iov;
    struct msghdr msg = { .msg_name = &ss, .msg_namelen = sizeof(ss) };
    ssize_t ret;
    int fd, err, count;

    GET_FD(p, fd);
    if (p->addr && p->addrlen < (int)sizeof(struct sockaddr_in)) { p->result = -10014; return 0; }
    if (!(iov = data_iov(p, &one, &count))) { p->result = -10055; return 0; }
    msg.msg_iov = iov;
    msg.msg_iovlen = count;
    do ret = recvmsg(fd, &msg, msg_flags_from_win(p->a));
    while (ret < 0 && errno == EINTR);
    if (iov != &one) free(iov);
    if (ret < 0) { p->result = io_fail(fd); return 0; }
    if (p->addr && msg.msg_namelen && (err = addr_to_win(p, &ss, msg.msg_namelen))) { p->result = err; return 0; }
    /* a datagram larger than the buffer: Windows keeps the start, fails WSAEMSGSIZE */
    p->result = (msg.msg_flags & MSG_TRUNC) ? -10040 : ret;
    return 0;
}

static int32_t unix_shutdown_call(void *args)
{
    struct sock_params *p = args;
    int fd;

    GET_FD(p, fd);
    p->result = shutdown(fd, p->a) ? fail() : 0;   /* SD_* are SHUT_* */
    return 0;
}

static int32_t sock_name_call(struct sock_params *p, int peer)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    int fd, ret;

    GET_FD(p, fd);
    if (!p->addr) { p->result = -10014; return 0; }
    ret = peer ? getpeername(fd, (struct sockaddr *)&ss, &len) : getsockname(fd, (struct sockaddr *)&ss, &len);
    if (ret) p->result = fail();
    /* an unbound socket: Windows says WSAEINVAL, Linux gives 0.0.0.0:0 */
    else if (!peer && ss.ss_family == AF_INET && !((struct sockaddr_in *)&ss)->sin_port
             && !((struct sockaddr_in *)&ss)->sin_addr.s_addr)
        p->result = -10022;
    else p->result = addr_to_win(p, &ss, len);
    return 0;
}

static int32_t unix_getsockname_call(void *args) { return sock_name_call(args, 0); }
static int32_t unix_getpeername_call(void *args) { return sock_name_call(args, 1); }

static int32_t unix_ioctl_call(void *args)
{
    struct sock_params *p = args;
    uint32_t *arg = (uint32_t *)(uintptr_t)p->buf;
    int fd, flags, count;

    GET_FD(p, fd);
    if (!arg) { p->result = -10014; return 0; }
    switch ((uint32_t)p->a)
    {
    case 0x8004667e:   /* FIONBIO */
        flags = fcntl(fd, F_GETFL);
        flags = *arg ? flags | O_NONBLOCK : flags & ~O_NONBLOCK;
        p->result = fcntl(fd, F_SETFL, flags) ? fail() : 0;
        return 0;
    case 0x4004667f:   /* FIONREAD */
        if (ioctl(fd, FIONREAD, &count)) { p->result = fail(); return 0; }
        *arg = count;
        p->result = 0;
        return 0;
    case 0x40047307:   /* SIOCATMARK: no out-of-band data pending reads as TRUE */
        if (ioctl(fd, SIOCATMARK, &count)) { p->result = fail(); return 0; }
        *arg = !!count;
        p->result = 0;
        return 0;
    }
    p->result = -10022;
    return 0;
}

/* ---- poll: Windows POLL* values <-> Linux ones ---- */

#define WS_POLLERR 0x1
#define WS_POLLHUP 0x2
#define WS_POLLNVAL 0x4
#define WS_POLLWRNORM 0x10
#define WS_POLLWRBAND 0x20
#define WS_POLLRDNORM 0x100
#define WS_POLLRDBAND 0x200
#define WS_POLLPRI 0x400

static short poll_events_from_win(int ev)
{
    short ret = 0;
    if (ev & WS_POLLRDNORM) ret |= POLLIN;
    if (ev & WS_POLLRDBAND) ret |= POLLRDBAND;
    if (ev & WS_POLLPRI) ret |= POLLPRI;
    if (ev & WS_POLLWRNORM) ret |= POLLOUT;
    if (ev & WS_POLLWRBAND) ret |= POLLWRBAND;
    return ret;
}

static short poll_revents_to_win(int ev, int asked)
{
    short ret = 0;
    if (ev & POLLIN) ret |= WS_POLLRDNORM;
    if (ev & POLLRDBAND) ret |= WS_POLLRDBAND;
    if (ev & POLLPRI) ret |= WS_POLLPRI;
    if (ev & POLLOUT) ret |= WS_POLLWRNORM;
    if (ev & POLLWRBAND) ret |= WS_POLLWRBAND;
    ret &= asked;   /* Windows reports only what was asked, plus the three below */
    if (ev & POLLERR) ret |= WS_POLLERR;
    if (ev & POLLHUP) ret |= WS_POLLHUP;
    if (ev & POLLNVAL) ret |= WS_POLLNVAL;
    return ret;
}

static int32_t unix_poll_call(void *args)
{
    struct sock_params *p = args;
    struct sock_pollfd *wfds = (struct sock_pollfd *)(uintptr_t)p->buf;
    struct pollfd *fds;
    int i, ret, count = 0;

    if (p->len < 0 || !(fds = calloc(p->len ? p->len : 1, sizeof(*fds)))) { p->result = -10055; return 0; }
    for (i = 0; i < p->len; i++)
    {
        fds[i].fd = sock_fd(wfds[i].handle);
        fds[i].events = poll_events_from_win(wfds[i].events);
    }
    do ret = poll(fds, p->len, p->a);
    while (ret < 0 && errno == EINTR);
    if (ret < 0) { p->result = fail(); free(fds); return 0; }
    for (i = 0; i < p->len; i++)
    {
        wfds[i].revents = fds[i].fd < 0 ? WS_POLLNVAL : poll_revents_to_win(fds[i].revents, wfds[i].events);
        if (wfds[i].revents) count++;
    }
    free(fds);
    p->result = count;
    return 0;
}

const wlx_unix_func __wlx_unix_funcs[] =
{
    unix_socket_call,
    unix_close_call,
    unix_bind_call,
    unix_connect_call,
    unix_listen_call,
    unix_accept_call,
    unix_send_call,
    unix_recv_call,
    unix_shutdown_call,
    unix_getsockname_call,
    unix_getpeername_call,
    unix_setsockopt_call,
    unix_getsockopt_call,
    unix_ioctl_call,
    unix_poll_call,
    unix_getaddrinfo_call,
    unix_gethostname_call,
    unix_pton_call,
    unix_ntop_call,
    unix_getnameinfo_call,
    unix_getservice_call,
};
