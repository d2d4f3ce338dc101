/*
 * Waiting on sockets: WSAPoll (WSAPOLLFD has the layout of struct
 * sock_pollfd) and select, whose Windows fd_set is a count plus an array of
 * SOCKETs; it becomes one poll over all three sets. The copy that crosses
 * holds each socket's fd (-1 for what is no socket: POLLNVAL).
 */
#include "private.h"

static UINT64 poll_fd(SOCKET s)
{
    int fd;
    return __wlx_socket_fd((HANDLE)s, &fd) ? (UINT64)-1 : (UINT64)fd;
}

static int poll_fds(struct sock_pollfd *pfd, ULONG count, int timeout)
{
    struct sock_params p;

    memset(&p, 0, sizeof(p));
    p.buf = (UINT_PTR)pfd;
    p.len = count;
    p.a = timeout;
    return (int)ws2_sock_call(unix_poll, &p);
}

int WINAPI WSAPoll(WSAPOLLFD *fds, ULONG count, INT timeout)
{
    struct sock_pollfd *pfd;
    ULONG i;
    int ret;

    if (!fds && count)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    if (!(pfd = ws2_alloc((count ? count : 1) * sizeof(*pfd))))
    {
        SetLastError(WSAENOBUFS);
        return SOCKET_ERROR;
    }
    for (i = 0; i < count; i++)
    {
        pfd[i].handle = poll_fd(fds[i].fd);
        pfd[i].events = fds[i].events;
        pfd[i].revents = 0;
    }
    ret = poll_fds(pfd, count, timeout < 0 ? -1 : timeout);
    for (i = 0; ret >= 0 && i < count; i++) fds[i].revents = pfd[i].revents;
    ws2_free(pfd);
    return ret;
}

static ULONG set_count(const fd_set *set) { return set ? set->fd_count : 0; }

static void add_set(struct sock_pollfd *pfd, ULONG *n, const fd_set *set, SHORT events)
{
    ULONG i;

    for (i = 0; i < set_count(set); i++, (*n)++)
    {
        pfd[*n].handle = poll_fd(set->fd_array[i]);
        pfd[*n].events = events;
        pfd[*n].revents = 0;
    }
}

/* keeps the ready sockets of a set; returns how many */
static int keep_ready(fd_set *set, const struct sock_pollfd *pfd, SHORT mask)
{
    ULONG i, kept = 0;

    for (i = 0; i < set_count(set); i++)
    {
        /* a failed connect shows in the error set only, never as writable */
        if ((mask & POLLWRNORM) && (pfd[i].revents & POLLERR)) continue;
        if (pfd[i].revents & mask) set->fd_array[kept++] = set->fd_array[i];
    }
    if (set) set->fd_count = kept;
    return kept;
}

/* rounded up, so a short wait never becomes a poll; capped to fit an int */
static int timeout_ms(const struct timeval *tv)
{
    LONGLONG ms = (LONGLONG)tv->tv_sec * 1000 + (tv->tv_usec + 999) / 1000;

    if (ms < 0) return 0;
    return ms > 0x7fffffff ? 0x7fffffff : (int)ms;
}

int WINAPI select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, const PTIMEVAL timeout)
{
    ULONG nrd = set_count(rd), nwr = set_count(wr), total = nrd + nwr + set_count(ex), n = 0, i;
    struct sock_pollfd *pfd;
    int ret;

    /* nfds is ignored, as on Windows; no socket at all is an error there */
    if (!total)
    {
        SetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    if (!(pfd = ws2_alloc(total * sizeof(*pfd))))
    {
        SetLastError(WSAENOBUFS);
        return SOCKET_ERROR;
    }
    add_set(pfd, &n, rd, POLLRDNORM);
    add_set(pfd, &n, wr, POLLWRNORM);
    add_set(pfd, &n, ex, POLLPRI);
    ret = poll_fds(pfd, total, timeout ? timeout_ms(timeout) : -1);
    for (i = 0; ret >= 0 && i < total; i++)
        if (pfd[i].revents & POLLNVAL)
        {
            SetLastError(WSAENOTSOCK);
            ret = SOCKET_ERROR;
        }
    if (ret >= 0)
    {
        ret = keep_ready(rd, pfd, POLLRDNORM | POLLHUP | POLLERR);
        ret += keep_ready(wr, pfd + nrd, POLLWRNORM);
        ret += keep_ready(ex, pfd + nrd + nwr, POLLPRI | POLLERR);
    }
    ws2_free(pfd);
    return ret;
}

int WINAPI __WSAFDIsSet(SOCKET s, fd_set *set)
{
    ULONG i;

    for (i = 0; i < set->fd_count; i++)
        if (set->fd_array[i] == s) return 1;
    return 0;
}
