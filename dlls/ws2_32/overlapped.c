/*
 * Overlapped Winsock: WSARecv/WSARecvFrom/WSASend/WSASendTo and the message
 * forms WSARecvMsg/WSASendMsg (with or without an OVERLAPPED),
 * WSAGetOverlappedResult, and the Microsoft
 * extensions AcceptEx, GetAcceptExSockaddrs, ConnectEx and DisconnectEx
 * (reached through WSAIoctl's SIO_GET_EXTENSION_FUNCTION_POINTER, and
 * exported by mswsock.dll).
 *
 * An overlapped call is one ntdll private syscall (__wlx_socket_io) with the
 * OVERLAPPED as its status block: done at once, it returns 0 and still
 * notifies (event, completion routine, port) as Windows does; otherwise
 * SOCKET_ERROR with WSA_IO_PENDING.
 */
#include "private.h"


/* the completion routine of WSARecv/WSASend runs as an APC of the caller */
static void WINAPI sock_io_apc(void *routine, IO_STATUS_BLOCK *io, ULONG reserved)
{
    NTSTATUS status = io->Status;
    DWORD error = NT_ERROR(status) || status == STATUS_BUFFER_OVERFLOW ? ws2_status_to_wsa(status) : 0;

    (void)reserved;
    ((LPWSAOVERLAPPED_COMPLETION_ROUTINE)routine)(error, io->Information, (WSAOVERLAPPED *)io, 0);
}

/* starts req on s: 0 done at once (*bytes set), else SOCKET_ERROR with the error */
static int sock_io(SOCKET s, struct wlx_sock_io *req, DWORD *bytes, WSAOVERLAPPED *ov,
                   LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    IO_STATUS_BLOCK *io = (IO_STATUS_BLOCK *)ov;
    HANDLE event = NULL;
    void *apc = NULL, *ctx = ov;
    NTSTATUS status;

    if (routine)
    {
        /* the event is the program's to use then */
        apc = sock_io_apc;
        ctx = routine;
    }
    else
    {
        /* an event with its low bit set: no packet to the port */
        event = (HANDLE)((ULONG_PTR)ov->hEvent & ~(ULONG_PTR)1);
        if ((ULONG_PTR)ov->hEvent & 1) ctx = NULL;
    }
    ov->Internal = STATUS_PENDING;
    status = __wlx_socket_io((HANDLE)s, event, apc, ctx, io, req);
    if (status == STATUS_PENDING)
    {
        SetLastError(WSA_IO_PENDING);
        return SOCKET_ERROR;
    }
    if (bytes) *bytes = io->Information;
    if (NT_ERROR(status) || status == STATUS_BUFFER_OVERFLOW)
    {
        SetLastError(ws2_status_to_wsa(status));
        return SOCKET_ERROR;
    }
    SetLastError(0);
    return 0;
}

/* the blocking (no OVERLAPPED) form goes to ws2_32.so with the buffers */
static int sock_blocking(UINT32 code, SOCKET s, WSABUF *bufs, DWORD count, DWORD *bytes, DWORD flags,
                         struct sockaddr *addr, int *addrlen)
{
    struct sock_params p;
    INT64 ret;

    memset(&p, 0, sizeof(p));
    if ((p.handle = ws2_sock_fd(s)) == (UINT64)-1) return SOCKET_ERROR;
    p.buf = (UINT_PTR)bufs;
    p.len = count;
    p.c = 1;
    p.a = flags;
    p.addr = (UINT_PTR)addr;
    p.addrlen = addr && addrlen ? *addrlen : 0;
    ret = ws2_sock_call(code, &p);
    if (code == unix_recv) ws2_reenable(s, FD_READ | FD_OOB);
    else ret = ws2_send_result(s, ret);
    if (ret < 0) return SOCKET_ERROR;
    if (bytes) *bytes = ret;
    if (code == unix_recv && addr && addrlen) *addrlen = p.addrlen;
    return 0;
}

static void req_init(struct wlx_sock_io *req, UINT32 op, WSABUF *bufs, DWORD count, DWORD flags)
{
    memset(req, 0, sizeof(*req));
    req->op = op;
    req->bufs = (UINT_PTR)bufs;
    req->count = count;
    req->flags = flags;
}

int WINAPI WSARecvFrom(SOCKET s, WSABUF *bufs, DWORD count, DWORD *bytes, DWORD *flags, struct sockaddr *from,
                       int *fromlen, WSAOVERLAPPED *ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    struct wlx_sock_io req;
    int ret;

    if (!flags || (!bufs && count) || (from && !fromlen))
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    if (!ov) return sock_blocking(unix_recv, s, bufs, count, bytes, *flags, from, fromlen);
    req_init(&req, WLX_SOCK_RECV, bufs, count, *flags);
    req.addr = (UINT_PTR)from;
    req.addrlen_ptr = (UINT_PTR)fromlen;
    ret = sock_io(s, &req, bytes, ov, routine);
    ws2_reenable(s, FD_READ | FD_OOB);
    if (!ret) *flags = 0;
    return ret;
}

int WINAPI WSARecv(SOCKET s, WSABUF *bufs, DWORD count, DWORD *bytes, DWORD *flags, WSAOVERLAPPED *ov,
                   LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    return WSARecvFrom(s, bufs, count, bytes, flags, NULL, NULL, ov, routine);
}

int WINAPI WSASendTo(SOCKET s, WSABUF *bufs, DWORD count, DWORD *bytes, DWORD flags, const struct sockaddr *to,
                     int tolen, WSAOVERLAPPED *ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    struct wlx_sock_io req;

    if (!bufs && count)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    if (!ov) return sock_blocking(unix_send, s, bufs, count, bytes, flags, (struct sockaddr *)to, &tolen);
    req_init(&req, WLX_SOCK_SEND, bufs, count, flags);
    req.addr = (UINT_PTR)to;
    req.addrlen = to ? tolen : 0;
    return sock_io(s, &req, bytes, ov, routine);
}

int WINAPI WSASend(SOCKET s, WSABUF *bufs, DWORD count, DWORD *bytes, DWORD flags, WSAOVERLAPPED *ov,
                   LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    return WSASendTo(s, bufs, count, bytes, flags, NULL, 0, ov, routine);
}

/* the message forms: no control data is ever received (Control.len 0) */
INT WINAPI WSARecvMsg(SOCKET s, WSAMSG *msg, DWORD *bytes, WSAOVERLAPPED *ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    if (!msg)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    msg->Control.len = 0;
    return WSARecvFrom(s, msg->lpBuffers, msg->dwBufferCount, bytes, &msg->dwFlags, msg->name,
                       msg->name ? &msg->namelen : NULL, ov, routine);
}

int WINAPI WSASendMsg(SOCKET s, WSAMSG *msg, DWORD flags, DWORD *bytes, WSAOVERLAPPED *ov,
                      LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    if (!msg)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    return WSASendTo(s, msg->lpBuffers, msg->dwBufferCount, bytes, flags, msg->name, msg->namelen, ov, routine);
}

BOOL WINAPI WSAGetOverlappedResult(SOCKET s, WSAOVERLAPPED *ov, DWORD *bytes, BOOL wait, DWORD *flags)
{
    NTSTATUS status;
    DWORD ignored;

    if (ws2_sock_fd(s) < 0) return FALSE;
    if (!ov || !bytes || !flags)
    {
        SetLastError(WSAEFAULT);
        return FALSE;
    }
    if (ov->Internal == STATUS_PENDING)
    {
        if (!wait)
        {
            SetLastError(WSA_IO_INCOMPLETE);
            return FALSE;
        }
        /* kernel32 waits on the event, or on the status word without one */
        GetOverlappedResult((HANDLE)s, ov, &ignored, TRUE);
    }
    status = ov->Internal;
    *bytes = ov->InternalHigh;
    *flags = 0;
    if (NT_ERROR(status) || status == STATUS_BUFFER_OVERFLOW)
    {
        SetLastError(ws2_status_to_wsa(status));
        return FALSE;
    }
    return TRUE;
}

/* --- Microsoft extensions -------------------------------------------------- */

/* the BOOL convention of the extensions */
static BOOL ext_result(int ret)
{
    return ret == 0;
}

BOOL WINAPI AcceptEx(SOCKET listener, SOCKET acceptor, void *buf, DWORD recv_len, DWORD local_len,
                     DWORD remote_len, DWORD *bytes, OVERLAPPED *ov)
{
    struct wlx_sock_io req;
    WSABUF one = { recv_len + local_len + remote_len, buf };

    if (!ov || !buf)
    {
        SetLastError(ov ? WSAEFAULT : WSAEINVAL);
        return FALSE;
    }
    if (ws2_sock_fd(acceptor) < 0) return FALSE;
    req_init(&req, WLX_SOCK_ACCEPT, &one, 1, 0);
    req.accept_handle = (UINT_PTR)acceptor;
    req.recv_len = recv_len;
    req.local_len = local_len;
    req.remote_len = remote_len;
    return ext_result(sock_io(listener, &req, bytes, ov, NULL));
}

/* one address area that AcceptEx wrote: a 32-bit length, then the address */
static void accept_addr(BYTE *area, struct sockaddr **addr, INT *len)
{
    INT n;

    memcpy(&n, area, sizeof(n));
    if (addr) *addr = (struct sockaddr *)(area + WLX_ACCEPT_ADDR_HEADER);
    if (len) *len = n;
}

void WINAPI GetAcceptExSockaddrs(void *buf, DWORD recv_len, DWORD local_len, DWORD remote_len,
                                 struct sockaddr **local, INT *local_size, struct sockaddr **remote, INT *remote_size)
{
    BYTE *area = (BYTE *)buf + recv_len;

    if (!buf) return;
    accept_addr(area, local, local_size);
    accept_addr(area + local_len, remote, remote_size);
}

BOOL WINAPI ConnectEx(SOCKET s, const struct sockaddr *addr, int addrlen, void *data, DWORD data_len,
                      DWORD *sent, OVERLAPPED *ov)
{
    struct wlx_sock_io req;
    WSABUF one = { data_len, data };

    if (!ov || !addr)
    {
        SetLastError(ov ? WSAEFAULT : WSAEINVAL);
        return FALSE;
    }
    req_init(&req, WLX_SOCK_CONNECT, data ? &one : NULL, data ? 1 : 0, 0);
    req.addr = (UINT_PTR)addr;
    req.addrlen = addrlen;
    return ext_result(sock_io(s, &req, sent, ov, NULL));
}

/* work done by the caller, reported on ov as an overlapped success */
BOOL ws2_report_done(SOCKET s, DWORD bytes, OVERLAPPED *ov)
{
    struct wlx_sock_io req;

    req_init(&req, WLX_SOCK_DONE, NULL, 0, 0);
    req.done = bytes;
    return ext_result(sock_io(s, &req, NULL, ov, NULL));
}

/* the connection ends at once (TF_REUSE_SOCKET is not honoured: make a new
   socket); with an OVERLAPPED it completes at once, reported as Windows does */
BOOL WINAPI DisconnectEx(SOCKET s, OVERLAPPED *ov, DWORD flags, DWORD reserved)
{
    (void)flags;
    if (reserved)
    {
        SetLastError(WSAEINVAL);
        return FALSE;
    }
    if (shutdown(s, SD_BOTH)) return FALSE;
    return ov ? ws2_report_done(s, 0, ov) : TRUE;
}
