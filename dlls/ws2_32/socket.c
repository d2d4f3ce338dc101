/*
 * Socket calls: socket, closesocket, bind, listen, accept, connect, send,
 * recv, sendto, recvfrom, shutdown, getsockname, getpeername, setsockopt,
 * getsockopt, ioctlsocket. Each is one crossing to ws2_32.so, which owns
 * the Unix fds; blocking calls block there, on the caller's thread.
 */
#include "private.h"

static void sock_init(struct sock_params *p, SOCKET s)
{
    memset(p, 0, sizeof(*p));
    p->handle = s;
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
    sock_init(&p, 0);
    p.a = af;
    p.b = type;
    p.c = protocol;
    ret = ws2_sock_call(unix_socket, &p);
    return ret < 0 ? INVALID_SOCKET : (SOCKET)ret;
}

int WINAPI closesocket(SOCKET s)
{
    struct sock_params p;

    sock_init(&p, s);
    return sock_status(unix_close, &p);
}

int WINAPI bind(SOCKET s, const struct sockaddr *addr, int len)
{
    struct sock_params p;

    sock_init(&p, s);
    p.addr = (UINT_PTR)addr;
    p.addrlen = len;
    return sock_status(unix_bind, &p);
}

int WINAPI connect(SOCKET s, const struct sockaddr *addr, int len)
{
    struct sock_params p;

    sock_init(&p, s);
    p.addr = (UINT_PTR)addr;
    p.addrlen = len;
    return sock_status(unix_connect, &p);
}

int WINAPI listen(SOCKET s, int backlog)
{
    struct sock_params p;

    sock_init(&p, s);
    p.a = backlog;
    return sock_status(unix_listen, &p);
}

SOCKET WINAPI accept(SOCKET s, struct sockaddr *addr, int *len)
{
    struct sock_params p;
    INT64 ret;

    sock_init(&p, s);
    if (addr && !len)
    {
        SetLastError(WSAEFAULT);
        return INVALID_SOCKET;
    }
    p.addr = (UINT_PTR)addr;
    p.addrlen = addr ? *len : 0;
    ret = ws2_sock_call(unix_accept, &p);
    if (ret < 0) return INVALID_SOCKET;
    if (addr) *len = p.addrlen;
    return (SOCKET)ret;
}

int WINAPI sendto(SOCKET s, const char *buf, int len, int flags, const struct sockaddr *to, int tolen)
{
    struct sock_params p;

    sock_init(&p, s);
    p.buf = (UINT_PTR)buf;
    p.len = len;
    p.a = flags;
    p.addr = (UINT_PTR)to;
    p.addrlen = to ? tolen : 0;
    return (int)ws2_sock_call(unix_send, &p);
}

int WINAPI send(SOCKET s, const char *buf, int len, int flags)
{
    return sendto(s, buf, len, flags, NULL, 0);
}

int WINAPI recvfrom(SOCKET s, char *buf, int len, int flags, struct sockaddr *from, int *fromlen)
{
    struct sock_params p;
    INT64 ret;

    sock_init(&p, s);
    if (from && !fromlen)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    p.buf = (UINT_PTR)buf;
    p.len = len;
    p.a = flags;
    p.addr = (UINT_PTR)from;
    p.addrlen = from ? *fromlen : 0;
    ret = ws2_sock_call(unix_recv, &p);
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

    sock_init(&p, s);
    p.a = how;
    return sock_status(unix_shutdown, &p);
}

static int sock_name(UINT32 code, SOCKET s, struct sockaddr *addr, int *len)
{
    struct sock_params p;

    sock_init(&p, s);
    if (!addr || !len)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    p.addr = (UINT_PTR)addr;
    p.addrlen = *len;
    if (ws2_sock_call(code, &p) < 0) return SOCKET_ERROR;
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

    sock_init(&p, s);
    p.a = level;
    p.b = name;
    p.buf = (UINT_PTR)value;
    p.len = len;
    return sock_status(unix_setsockopt, &p);
}

int WINAPI getsockopt(SOCKET s, int level, int name, char *value, int *len)
{
    struct sock_params p;

    sock_init(&p, s);
    if (!len)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
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

    sock_init(&p, s);
    p.a = cmd;
    p.buf = (UINT_PTR)arg;
    return sock_status(unix_ioctl, &p);
}
