/*
 * Waiting on sockets: WSAPoll (WSAPOLLFD has the layout of struct
 * sock_pollfd and crosses as is) and select, whose Windows fd_set is a
 * count plus an array of SOCKETs; it becomes one poll over all three sets.
 */
#include "private.h"

int WINAPI WSAPoll(WSAPOLLFD *fds, ULONG count, INT timeout)
{
    struct sock_params p;

    memset(&p, 0, sizeof(p));
    if (!fds && count)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    p.buf = (UINT_PTR)fds;
    p.len = count;
    p.a = timeout < 0 ? -1 : timeout;
    return (int)ws2_sock_call(unix_poll, &p);
}

static ULONG set_count(const fd_set *set) { return set ? set->fd_count : 0; }

static void add_set(struct sock_pollfd *pfd, ULONG *n, const fd_set *set, SHORT events)
{
    ULONG i;

    for (i = 0; i < set_count(set); i++, (*n)++)
    {
        pfd[*n].handle = set->fd_array[i];
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
    struct sock_params p;
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
    memset(&p, 0, sizeof(p));
    p.buf = (UINT_PTR)pfd;
    p.len = total;
    p.a = timeout ? timeout_ms(timeout) : -1;
    ret = (int)ws2_sock_call(unix_poll, &p);
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
