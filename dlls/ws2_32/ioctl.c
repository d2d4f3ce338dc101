/*
 * WSAIoctl: the extension function table (SIO_GET_EXTENSION_FUNCTION_POINTER),
 * the base-handle queries of layered providers (there are none: a socket is
 * its own base handle), keep-alive values, and the ioctlsocket commands.
 * Every command here completes at once; an OVERLAPPED given is not
 * notified (none of these can wait).
 */
#include "private.h"
#include <mstcpip.h>

#ifndef SIO_BSP_HANDLE
#define SIO_BSP_HANDLE         _WSAIOR(IOC_WS2, 27)
#define SIO_BSP_HANDLE_SELECT  _WSAIOR(IOC_WS2, 28)
#define SIO_BSP_HANDLE_POLL    _WSAIOR(IOC_WS2, 29)
#endif
#ifndef SIO_LOOPBACK_FAST_PATH
#define SIO_LOOPBACK_FAST_PATH _WSAIOW(IOC_VENDOR, 16)
#endif
#ifndef SIO_UDP_NETRESET
#define SIO_UDP_NETRESET       _WSAIOW(IOC_VENDOR, 15)
#endif
/* IPPROTO_TCP options in seconds (ws2_32.so maps them to Linux's) */
#define WS_TCP_KEEPALIVE 3
#define WS_TCP_KEEPINTVL 17

static const struct { GUID guid; void *func; } extensions[] =
{
    { WSAID_ACCEPTEX, AcceptEx },
    { WSAID_CONNECTEX, ConnectEx },
    { WSAID_GETACCEPTEXSOCKADDRS, GetAcceptExSockaddrs },
    { WSAID_DISCONNECTEX, DisconnectEx },
    { WSAID_TRANSMITFILE, TransmitFile },
    { WSAID_WSARECVMSG, WSARecvMsg },
};

static int out_value(void *out, DWORD out_len, DWORD *ret_len, const void *value, DWORD size)
{
    if (!out || out_len < size)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    memcpy(out, value, size);
    if (ret_len) *ret_len = size;
    return 0;
}

static int get_extension(const void *in, DWORD in_len, void *out, DWORD out_len, DWORD *ret_len)
{
    ULONG i;

    if (!in || in_len < sizeof(GUID))
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    for (i = 0; i < ARRAYSIZE(extensions); i++)
        if (!memcmp(in, &extensions[i].guid, sizeof(GUID)))
            return out_value(out, out_len, ret_len, &extensions[i].func, sizeof(void *));
    SetLastError(WSAEINVAL);
    return SOCKET_ERROR;
}

/* tcp_keepalive: on/off, then the idle time and the interval in ms */
static int set_keepalive(SOCKET s, const void *in, DWORD in_len)
{
    const struct tcp_keepalive *ka = in;
    int on, idle, interval;

    if (!in || in_len < sizeof(*ka))
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    on = !!ka->onoff;
    if (setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, (const char *)&on, sizeof(on))) return SOCKET_ERROR;
    if (!on) return 0;
    /* Linux counts in whole seconds, at least one */
    idle = ka->keepalivetime / 1000 ? ka->keepalivetime / 1000 : 1;
    interval = ka->keepaliveinterval / 1000 ? ka->keepaliveinterval / 1000 : 1;
    if (setsockopt(s, IPPROTO_TCP, WS_TCP_KEEPALIVE, (const char *)&idle, sizeof(idle))) return SOCKET_ERROR;
    return setsockopt(s, IPPROTO_TCP, WS_TCP_KEEPINTVL, (const char *)&interval, sizeof(interval));
}

/* the commands of ioctlsocket, with a u_long in and out */
static int ulong_ioctl(SOCKET s, DWORD code, const void *in, DWORD in_len, void *out, DWORD out_len, DWORD *ret_len)
{
    u_long value = 0;

    if (code == (DWORD)FIONBIO)
    {
        if (!in || in_len < sizeof(u_long))
        {
            SetLastError(WSAEFAULT);
            return SOCKET_ERROR;
        }
        memcpy(&value, in, sizeof(value));
        if (ret_len) *ret_len = 0;
        return ioctlsocket(s, FIONBIO, &value);
    }
    if (ioctlsocket(s, code, &value)) return SOCKET_ERROR;
    return out_value(out, out_len, ret_len, &value, sizeof(value));
}

int WINAPI WSAIoctl(SOCKET s, DWORD code, void *in, DWORD in_len, void *out, DWORD out_len, DWORD *ret_len,
                    WSAOVERLAPPED *ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    (void)ov; (void)routine;
    if (ws2_sock_fd(s) < 0) return SOCKET_ERROR;
    switch (code)
    {
    case SIO_GET_EXTENSION_FUNCTION_POINTER:
        return get_extension(in, in_len, out, out_len, ret_len);
    case SIO_BASE_HANDLE:
    case SIO_BSP_HANDLE:
    case SIO_BSP_HANDLE_SELECT:
    case SIO_BSP_HANDLE_POLL:
        return out_value(out, out_len, ret_len, &s, sizeof(s));
    case SIO_KEEPALIVE_VALS:
        if (ret_len) *ret_len = 0;
        return set_keepalive(s, in, in_len);
    case FIONBIO:
    case FIONREAD:
    case SIOCATMARK:
        return ulong_ioctl(s, code, in, in_len, out, out_len, ret_len);
    case SIO_UDP_CONNRESET:
    case SIO_UDP_NETRESET:
    case SIO_LOOPBACK_FAST_PATH:
        /* Linux reports no ICMP resets on unconnected UDP sockets anyway;
           loopback is as fast as it gets */
        if (ret_len) *ret_len = 0;
        return 0;
    }
    SetLastError(WSAEOPNOTSUPP);
    return SOCKET_ERROR;
}
