/*
 * include/wlx/sockio.h — sockets as NT handles: what ws2_32.dll (PE side)
 * and ntdll's Unix side (ntdll/unix/socket.c) agree on. Fixed-width types
 * only; included by both sides.
 *
 * A SOCKET is a file handle of ntdll's whose fd is a Unix socket, so that
 * CloseHandle, DuplicateHandle, completion ports, ReadFile/WriteFile and
 * CancelIoEx work on it. ws2_32.so does the synchronous calls on the fd that
 * __wlx_socket_fd gives it; overlapped operations go through
 * __wlx_socket_io, which reports them as every other NT I/O (status block,
 * event, APC routine, completion port).
 *
 * Private ntdll syscalls:
 *   NTSTATUS __wlx_socket_wrap(int fd, HANDLE *handle)
 *       the socket fd becomes a handle's (closed on failure)
 *   NTSTATUS __wlx_socket_fd(HANDLE handle, int *fd)
 *       STATUS_OBJECT_TYPE_MISMATCH when the handle is no socket
 *   NTSTATUS __wlx_socket_io(HANDLE handle, HANDLE event, void *apc, void *apc_ctx,
 *                            IO_STATUS_BLOCK *io, struct wlx_sock_io *req)
 */
#ifndef WLX_SOCKIO_H
#define WLX_SOCKIO_H

#include <stdint.h>

enum wlx_sock_op
{
    WLX_SOCK_RECV,       /* bufs count flags; from/fromlen (optional, out) */
    WLX_SOCK_SEND,       /* bufs count flags; to/tolen (optional) */
    WLX_SOCK_ACCEPT,     /* accept_handle; bufs[0] = AcceptEx's buffer, recv_len local_len remote_len */
    WLX_SOCK_CONNECT,    /* to/tolen; bufs count (optional data sent once connected) */
    WLX_SOCK_DONE,       /* done: bytes of work the caller did (TransmitFile), reported as a success */
    WLX_SOCK_POLL,       /* bufs: struct afd_poll_info in (count: its size), addr/addrlen: the same out
                            (kept until completion); completes when a handle has one of its events */
};

/* IOCTL_AFD_POLL's buffer, as Windows' AFD driver takes it (mio, libuv use
   it on a \Device\Afd handle); ws2_32's WSAEventSelect too */
#define WLX_AFD_POLL_RECEIVE            0x0001
#define WLX_AFD_POLL_RECEIVE_EXPEDITED  0x0002
#define WLX_AFD_POLL_SEND               0x0004
#define WLX_AFD_POLL_DISCONNECT         0x0008
#define WLX_AFD_POLL_ABORT              0x0010
#define WLX_AFD_POLL_LOCAL_CLOSE        0x0020
#define WLX_AFD_POLL_ACCEPT             0x0080
#define WLX_AFD_POLL_CONNECT_FAIL       0x0100
#define WLX_IOCTL_AFD_POLL              0x00012024

struct afd_poll_handle
{
    uint64_t handle;         /* a SOCKET */
    uint32_t events;         /* in: wanted; out: happened */
    int32_t  status;
};

struct afd_poll_info
{
    int64_t  timeout;        /* 0: answer at once; others: wait (no time limit is kept) */
    uint32_t count;          /* in: handles; out: handles with events */
    uint32_t exclusive;
    struct afd_poll_handle handles[];
};

/* one buffer, WSABUF's layout on Win64 */
struct wlx_sock_buf
{
    uint32_t len;
    uint32_t pad;
    uint64_t buf;
};

struct wlx_sock_io
{
    uint32_t op;             /* enum wlx_sock_op */
    uint32_t flags;          /* MSG_* in Windows values (MSG_OOB 1, MSG_PEEK 2, MSG_DONTROUTE 4, MSG_WAITALL 8) */
    uint64_t bufs;           /* struct wlx_sock_buf[count]: read during the call only */
    uint32_t count;
    int32_t  addrlen;        /* send/connect: length of addr */
    uint64_t addr;           /* send/connect: a Windows sockaddr (copied); recv: out (kept until completion) */
    uint64_t addrlen_ptr;    /* recv: int32 in/out (kept until completion) */
    uint64_t accept_handle;  /* accept: the socket that receives the connection */
    uint32_t recv_len;       /* accept: bytes of data to receive into bufs[0] */
    uint32_t local_len;      /* accept: sizes of the two address areas after it */
    uint32_t remote_len;
    uint32_t done;           /* WLX_SOCK_DONE */
};

/* AcceptEx's address areas (after the received data): each one is a 32-bit
   length followed by the Windows sockaddr; GetAcceptExSockaddrs reads them */
#define WLX_ACCEPT_ADDR_HEADER 4

/* NTSTATUS values of socket errors (Windows' own) */
#define WLX_STATUS_CONNECTION_RESET     0xC000020D
#define WLX_STATUS_CONNECTION_ABORTED   0xC0000241
#define WLX_STATUS_CONNECTION_REFUSED   0xC0000236
#define WLX_STATUS_NETWORK_UNREACHABLE  0xC000023C
#define WLX_STATUS_HOST_UNREACHABLE     0xC000023D
#define WLX_STATUS_IO_TIMEOUT           0xC00000B5
#define WLX_STATUS_ADDRESS_IN_USE       0xC000020A   /* STATUS_ADDRESS_ALREADY_EXISTS */
#define WLX_STATUS_ADDRESS_INVALID      0xC0000207   /* STATUS_INVALID_ADDRESS_COMPONENT */
#define WLX_STATUS_INVALID_CONNECTION   0xC0000140   /* not connected */
#define WLX_STATUS_PIPE_DISCONNECTED    0xC00000B0   /* shut down */
#define WLX_STATUS_CONNECTION_ACTIVE    0xC000023B   /* already connected */

#endif
