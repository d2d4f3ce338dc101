/*
 * Socket calls: socket, closesocket, bind, listen, accept, connect, send,
 * recv, sendto, recvfrom, shutdown, getsockname, getpeername, setsockopt,
 * getsockopt, ioctlsocket. A SOCKET is ntdll's file handle of a Unix
 * socket (include/wlx/sockio.h): each call asks ntdll for its fd, then
 * crosses to ws2_32.so with it; blocking calls block there, on the
 * caller's thread.
 */
#include "private.h"

int ws2_sock_fd(SOCKET s)
{
    int fd;

    if (__wlx_socket_fd((HANDLE)s, &fd))
    {
        SetLastError(WSAENOTSOCK);
        return -1;
    }
    return fd;
}

/* a send that would block lets FD_WRITE be recorded again */
int ws2_send_result(SOCKET s, INT64 ret)
{
    if (ret < 0 && GetLastError() == WSAEWOULDBLOCK)
    {
        ws2_reenable(s, FD_WRITE);
        SetLastError(WSAEWOULDBLOCK);
    }
    return (int)ret;
}

SOCKET ws2_sock_wrap(INT64 fd)
{
    HANDLE h;

    if (fd < 0) return INVALID_SOCKET;
    if (__wlx_socket_wrap((int)fd, &h))
    {
        SetLastError(WSAENOBUFS);
        return INVALID_SOCKET;
    }
    return (SOCKET)h;
}

/* the call's parameters for socket s; FALSE (WSAENOTSOCK set) when s is none */
static BOOL sock_init(struct sock_params *p, SOCKET s)
{
    int fd = ws2_sock_fd(s);

    memset(p, 0, sizeof(*p));
    p->handle = fd;
    return fd >= 0;
}

/* the SOCKET_ERROR / 0 convention of most calls */
static int sock_status(UINT32 code, struct sock_params *p)
{
    return ws2_sock_call(code, p) < 0 ? SOCKET_ERROR : 0;
}

SOCKET WINAPI socket(int af, int type, int protocol)
{
    struct sock_params p;
    INT64 ret;

    if (!ws2_startup_count)
    {
        SetLastError(WSANOTINITIALISED);
        return INVALID_SOCKET;
    }
    memset(&p, 0, sizeof(p));
    p.a = af;
    p.b = type;
    p.c = protocol;
    ret = ws2_sock_call(unix_socket, &p);
    return ws2_sock_wrap(ret);
}

int WINAPI closesocket(SOCKET s)
{
    struct sock_params p;

    if (!sock_init(&p, s) || sock_status(unix_close, &p)) return SOCKET_ERROR;
    ws2_unselect(s);
    /* the handle's fd goes with it; pending overlapped I/O ends, cancelled */
    if (NtClose((HANDLE)s))
    {
        SetLastError(WSAENOTSOCK);
        return SOCKET_ERROR;
    }
    return 0;
}

/* p's address: addr, or its Unix form for an AF_UNIX path (unixaddr.c); FALSE with the error set */
static BOOL sock_address(struct sock_params *p, const struct sockaddr *addr, int len, struct sock_unix_path *un)
{
    int err;

    un->family = 0;
    if ((err = ws2_unix_address(addr, &len, un))) { SetLastError(err); return FALSE; }
    p->addr = (UINT_PTR)(len && addr && addr->sa_family == AF_UNIX && un->family ? (const void *)un : addr);
    p->addrlen = len;
    return TRUE;
}

int WINAPI bind(SOCKET s, const struct sockaddr *addr, int len)
{
    struct sock_params p;
    struct sock_unix_path un;

    if (!sock_init(&p, s) || !sock_address(&p, addr, len, &un)) return SOCKET_ERROR;
    if (sock_status(unix_bind, &p)) return SOCKET_ERROR;
    if (p.addrlen > (int)sizeof(SOCKADDR_UN)) ws2_unix_bound(addr, len, &un);
    return 0;
}

int WINAPI connect(SOCKET s, const struct sockaddr *addr, int len)
{
    struct sock_params p;
    struct sock_unix_path un;
    int ret;

    if (!sock_init(&p, s) || !sock_address(&p, addr, len, &un)) return SOCKET_ERROR;
    ret = sock_status(unix_connect, &p);
    ws2_reenable(s, 0);
    return ret;
}

int WINAPI listen(SOCKET s, int backlog)
{
    struct sock_params p;

    if (!sock_init(&p, s)) return SOCKET_ERROR;
    p.a = backlog;
    return sock_status(unix_listen, &p);
}

SOCKET WINAPI accept(SOCKET s, struct sockaddr *addr, int *len)
{
    struct sock_params p;
    INT64 ret;

    if (addr && !len)
    {
        SetLastError(WSAEFAULT);
        return INVALID_SOCKET;
    }
    if (!sock_init(&p, s)) return INVALID_SOCKET;
    p.addr = (UINT_PTR)addr;
    p.addrlen = addr ? *len : 0;
    ret = ws2_sock_call(unix_accept, &p);
    ws2_reenable(s, FD_ACCEPT);
    if (ret < 0) return INVALID_SOCKET;
    if (addr) *len = p.addrlen;
    return ws2_sock_wrap(ret);
}

int WINAPI sendto(SOCKET s, const char *buf, int len, int flags, const struct sockaddr *to, int tolen)
{
    struct sock_params p;

    if (!sock_init(&p, s)) return SOCKET_ERROR;
    p.buf = (UINT_PTR)buf;
    p.len = len;
    p.a = flags;
    p.addr = (UINT_PTR)to;
    p.addrlen = to ? tolen : 0;
    return ws2_send_result(s, ws2_sock_call(unix_send, &p));
}

int WINAPI send(SOCKET s, const char *buf, int len, int flags)
{
    return sendto(s, buf, len, flags, NULL, 0);
}

int WINAPI recvfrom(SOCKET s, char *buf, int len, int flags, struct sockaddr *from, int *fromlen)
{
    struct sock_params p;
    INT64 ret;

    if (from && !fromlen)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    if (!sock_init(&p, s)) return SOCKET_ERROR;
    p.buf = (UINT_PTR)buf;
    p.len = len;
    p.a = flags;
    p.addr = (UINT_PTR)from;
    p.addrlen = from ? *fromlen : 0;
    ret = ws2_sock_call(unix_recv, &p);
    ws2_reenable(s, FD_READ | FD_OOB);
    if (ret >= 0 && from) *fromlen = p.addrlen;
    return (int)ret;
}

int WINAPI recv(SOCKET s, char *buf, int len, int flags)
{
    return recvfrom(s, buf, len, flags, NULL, NULL);
}

int WINAPI shutdown(SOCKET s, int how)
{
    struct sock_params p;

    if (!sock_init(&p, s)) return SOCKET_ERROR;
    p.a = how;
    return sock_status(unix_shutdown, &p);
}

/* the name comes into a buffer that holds any: an AF_UNIX one is then made
   the Windows path (unixaddr.c), which is what must fit the caller's */
static int sock_name(UINT32 code, SOCKET s, struct sockaddr *addr, int *len)
{
    struct sock_params p;
    SOCKADDR_STORAGE name;

    if (!addr || !len)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    if (!sock_init(&p, s)) return SOCKET_ERROR;
    p.addr = (UINT_PTR)&name;
    p.addrlen = sizeof(name);
    if (ws2_sock_call(code, &p) < 0) return SOCKET_ERROR;
    if (name.ss_family == AF_UNIX) ws2_win_unix_name((SOCKADDR_UN *)&name, &p.addrlen);
    if (*len < p.addrlen)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    memcpy(addr, &name, p.addrlen);
    *len = p.addrlen;
    return 0;
}

int WINAPI getsockname(SOCKET s, struct sockaddr *addr, int *len)
{
    return sock_name(unix_getsockname, s, addr, len);
}

int WINAPI getpeername(SOCKET s, struct sockaddr *addr, int *len)
{
    return sock_name(unix_getpeername, s, addr, len);
}

int WINAPI setsockopt(SOCKET s, int level, int name, const char *value, int len)
{
    struct sock_params p;

    if (!sock_init(&p, s)) return SOCKET_ERROR;
    /* AcceptEx/ConnectEx sockets are whole sockets already: nothing to update */
    if (level == SOL_SOCKET && (name == SO_UPDATE_ACCEPT_CONTEXT || name == SO_UPDATE_CONNECT_CONTEXT)) return 0;
    p.a = level;
    p.b = name;
    p.buf = (UINT_PTR)value;
    p.len = len;
    return sock_status(unix_setsockopt, &p);
}

int WINAPI getsockopt(SOCKET s, int level, int name, char *value, int *len)
{
    struct sock_params p;

    if (!len)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    if (!sock_init(&p, s)) return SOCKET_ERROR;
    if (level == SOL_SOCKET && (name == SO_PROTOCOL_INFOW || name == SO_PROTOCOL_INFOA))
        return ws2_get_protocol_info(s, name, value, len);
    p.a = level;
    p.b = name;
    p.buf = (UINT_PTR)value;
    p.len = *len;
    if (ws2_sock_call(unix_getsockopt, &p) < 0) return SOCKET_ERROR;
    *len = p.len;
    return 0;
}

int WINAPI ioctlsocket(SOCKET s, __LONG32 cmd, u_long *arg)
{
    struct sock_params p;

    if (!sock_init(&p, s)) return SOCKET_ERROR;
    p.a = cmd;
    p.buf = (UINT_PTR)arg;
    return sock_status(unix_ioctl, &p);
}
