/*
 * Overlapped Winsock on loopback: sockets as kernel handles (GetFileType,
 * DuplicateHandle, ReadFile/WriteFile, CloseHandle), WSARecv/WSASend with an
 * event, a completion port and a completion routine, WSAGetOverlappedResult,
 * AcceptEx + ConnectEx + GetAcceptExSockaddrs, CancelIoEx and closesocket of
 * a pending receive, overlapped UDP, and WSAIoctl's simple commands.
 * Every wait is bounded (5 s).
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <mstcpip.h>
#include "test.h"
#include "loopback.h"

#define WAIT_MS 5000

static LPFN_ACCEPTEX pAcceptEx;
static LPFN_CONNECTEX pConnectEx;
static LPFN_GETACCEPTEXSOCKADDRS pGetAcceptExSockaddrs;

static void wait_readable(SOCKET s)
{
    fd_set set;
    struct timeval tv = { 5, 0 };

    FD_ZERO(&set);
    FD_SET(s, &set);
    ok(select(0, &set, NULL, NULL, &tv) == 1, "socket not readable\n");
}

static void get_extension(SOCKET s, GUID guid, void **func)
{
    DWORD size = 0;

    *func = NULL;
    ok(!WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &guid, sizeof(guid), func, sizeof(*func), &size, NULL, NULL),
       "SIO_GET_EXTENSION_FUNCTION_POINTER: %d\n", WSAGetLastError());
    ok(*func != NULL && size == sizeof(*func), "function %p size %lu\n", *func, size);
}

static void test_extensions(void)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
    GUID unknown = { 0x12345678, 0x1234, 0x1234, { 1, 2, 3, 4, 5, 6, 7, 8 } };
    void *func = (void *)1;
    SOCKET base = 0;
    DWORD size = 0;

    get_extension(s, (GUID)WSAID_ACCEPTEX, (void **)&pAcceptEx);
    get_extension(s, (GUID)WSAID_CONNECTEX, (void **)&pConnectEx);
    get_extension(s, (GUID)WSAID_GETACCEPTEXSOCKADDRS, (void **)&pGetAcceptExSockaddrs);
    ok(WSAIoctl(s, SIO_GET_EXTENSION_FUNCTION_POINTER, &unknown, sizeof(unknown), &func, sizeof(func), &size,
                NULL, NULL) == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "unknown GUID: %d\n",
       WSAGetLastError());
    /* no layered provider: the base handle is the socket itself */
    ok(!WSAIoctl(s, SIO_BASE_HANDLE, NULL, 0, &base, sizeof(base), &size, NULL, NULL), "SIO_BASE_HANDLE: %d\n",
       WSAGetLastError());
    ok(base == s && size == sizeof(base), "base %Iu size %lu\n", base, size);
    closesocket(s);
}

static void test_handle(void)
{
    SOCKET client, server;
    HANDLE dup = NULL;
    OVERLAPPED ov;
    DWORD n = 0;
    char buf[16];

    tcp_pair(&client, &server);
    /* documented: a socket is a FILE_TYPE_PIPE */
    ok(GetFileType((HANDLE)client) == FILE_TYPE_PIPE, "GetFileType %lu\n", GetFileType((HANDLE)client));
    ok(DuplicateHandle(GetCurrentProcess(), (HANDLE)client, GetCurrentProcess(), &dup, 0, FALSE,
                       DUPLICATE_SAME_ACCESS), "DuplicateHandle: %lu\n", GetLastError());
    /* WriteFile on the duplicate, ReadFile on the other end */
    ok(WriteFile(dup, "handle", 6, &n, NULL) && n == 6, "WriteFile: %lu, %lu bytes\n", GetLastError(), n);
    ok(CloseHandle(dup), "CloseHandle of the duplicate: %lu\n", GetLastError());
    wait_readable(server);
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    memset(buf, 0, sizeof(buf));
    n = 0;
    if (!ReadFile((HANDLE)server, buf, sizeof(buf), &n, &ov))
    {
        ok(GetLastError() == ERROR_IO_PENDING, "ReadFile: %lu\n", GetLastError());
        ok(GetOverlappedResult((HANDLE)server, &ov, &n, TRUE), "GetOverlappedResult: %lu\n", GetLastError());
    }
    ok(n == 6 && !memcmp(buf, "handle", 6), "ReadFile got %lu bytes %.6s\n", n, buf);
    CloseHandle(ov.hEvent);
    /* the socket still works after its duplicate closed; CloseHandle closes it */
    ok(send(client, "x", 1, 0) == 1, "send: %d\n", WSAGetLastError());
    ok(CloseHandle((HANDLE)client), "CloseHandle of a socket: %lu\n", GetLastError());
    ok(send(client, "x", 1, 0) == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK, "send after CloseHandle: %d\n",
       WSAGetLastError());
    closesocket(server);
}

/* a connected pair and a receive buffer on the server's side */
struct pair
{
    SOCKET client, server;
    WSAOVERLAPPED ov;
    WSABUF wb;
    DWORD bytes, flags;
    char buf[32];
};

static void pair_init(struct pair *p, BOOL with_event)
{
    memset(p, 0, sizeof(*p));
    tcp_pair(&p->client, &p->server);
    if (with_event) p->ov.hEvent = WSACreateEvent();
    p->wb.buf = p->buf;
    p->wb.len = sizeof(p->buf);
}

/* a WSARecv on the server side, which must pend */
static void recv_pending(struct pair *p, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    ok(WSARecv(p->server, &p->wb, 1, &p->bytes, &p->flags, &p->ov, routine) == SOCKET_ERROR
       && WSAGetLastError() == WSA_IO_PENDING, "WSARecv with no data: %d\n", WSAGetLastError());
}

static void pair_close(struct pair *p)
{
    closesocket(p->client);
    closesocket(p->server);
    if (p->ov.hEvent) WSACloseEvent(p->ov.hEvent);
}

static void test_recv_event(void)
{
    struct pair p;
    u_long on = 1;

    pair_init(&p, TRUE);
    recv_pending(&p, NULL);
    ok(!WSAGetOverlappedResult(p.server, &p.ov, &p.bytes, FALSE, &p.flags) && WSAGetLastError() == WSA_IO_INCOMPLETE,
       "result while pending: %d\n", WSAGetLastError());
    ok(WaitForSingleObject(p.ov.hEvent, 0) == WAIT_TIMEOUT, "event set while pending\n");
    ok(send(p.client, "hello", 5, 0) == 5, "send: %d\n", WSAGetLastError());
    ok(WaitForSingleObject(p.ov.hEvent, WAIT_MS) == WAIT_OBJECT_0, "the receive did not complete\n");
    ok(WSAGetOverlappedResult(p.server, &p.ov, &p.bytes, FALSE, &p.flags), "WSAGetOverlappedResult: %d\n",
       WSAGetLastError());
    ok(p.bytes == 5 && !memcmp(p.buf, "hello", 5), "got %lu bytes %.5s\n", p.bytes, p.buf);

    /* data already there: done at once, the event set all the same */
    ok(send(p.client, "again", 5, 0) == 5, "send: %d\n", WSAGetLastError());
    wait_readable(p.server);
    ResetEvent(p.ov.hEvent);
    p.bytes = 0;
    ok(!WSARecv(p.server, &p.wb, 1, &p.bytes, &p.flags, &p.ov, NULL), "WSARecv with data: %d\n", WSAGetLastError());
    ok(p.bytes == 5 && !memcmp(p.buf, "again", 5), "got %lu bytes %.5s\n", p.bytes, p.buf);
    ok(WaitForSingleObject(p.ov.hEvent, 0) == WAIT_OBJECT_0, "event not set\n");

    /* overlapped calls ignore the non-blocking mode */
    ok(!ioctlsocket(p.server, FIONBIO, &on), "FIONBIO: %d\n", WSAGetLastError());
    recv_pending(&p, NULL);
    ok(send(p.client, "nb", 2, 0) == 2, "send: %d\n", WSAGetLastError());
    ok(WSAGetOverlappedResult(p.server, &p.ov, &p.bytes, TRUE, &p.flags) && p.bytes == 2, "waited result: %d, %lu\n",
       WSAGetLastError(), p.bytes);

    /* the peer's close ends a receive with 0 bytes, successfully */
    recv_pending(&p, NULL);
    closesocket(p.client);
    p.client = INVALID_SOCKET;
    ok(WSAGetOverlappedResult(p.server, &p.ov, &p.bytes, TRUE, &p.flags), "result after the peer's close: %d\n",
       WSAGetLastError());
    ok(p.bytes == 0, "got %lu bytes at the end\n", p.bytes);
    pair_close(&p);
}

static void test_port(void)
{
    struct pair p;
    WSAOVERLAPPED *got_ov = NULL;
    ULONG_PTR key = 0;
    HANDLE port;
    char big[4096];

    pair_init(&p, FALSE);
    port = CreateIoCompletionPort((HANDLE)p.server, NULL, 0x1234, 0);
    ok(port != NULL, "CreateIoCompletionPort: %lu\n", GetLastError());
    recv_pending(&p, NULL);
    ok(!GetQueuedCompletionStatus(port, &p.bytes, &key, (OVERLAPPED **)&got_ov, 0) && GetLastError() == WAIT_TIMEOUT,
       "a packet before any data: %lu\n", GetLastError());
    ok(send(p.client, "port!", 5, 0) == 5, "send: %d\n", WSAGetLastError());
    ok(GetQueuedCompletionStatus(port, &p.bytes, &key, (OVERLAPPED **)&got_ov, WAIT_MS), "no packet: %lu\n",
       GetLastError());
    ok(key == 0x1234 && got_ov == &p.ov && p.bytes == 5, "packet key %Ix ov %p bytes %lu\n", key, got_ov, p.bytes);
    ok(!memcmp(p.buf, "port!", 5), "got %.5s\n", p.buf);

    /* an overlapped send done at once still posts its packet */
    memset(big, 'b', sizeof(big));
    p.wb.buf = big;
    p.wb.len = sizeof(big);
    p.bytes = 0;
    ok(!WSASend(p.server, &p.wb, 1, &p.bytes, 0, &p.ov, NULL), "WSASend: %d\n", WSAGetLastError());
    ok(p.bytes == sizeof(big), "sent %lu\n", p.bytes);
    got_ov = NULL;
    ok(GetQueuedCompletionStatus(port, &p.bytes, &key, (OVERLAPPED **)&got_ov, WAIT_MS), "no packet: %lu\n",
       GetLastError());
    ok(got_ov == &p.ov && p.bytes == sizeof(big), "send packet ov %p bytes %lu\n", got_ov, p.bytes);

    /* skipping the port on success: a send done at once posts nothing */
    ok(SetFileCompletionNotificationModes((HANDLE)p.server, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS),
       "SetFileCompletionNotificationModes: %lu\n", GetLastError());
    ok(!WSASend(p.server, &p.wb, 1, &p.bytes, 0, &p.ov, NULL), "WSASend: %d\n", WSAGetLastError());
    ok(!GetQueuedCompletionStatus(port, &p.bytes, &key, (OVERLAPPED **)&got_ov, 0) && GetLastError() == WAIT_TIMEOUT,
       "a packet for a send done at once: %lu\n", GetLastError());
    pair_close(&p);
    CloseHandle(port);
}

static DWORD routine_error = 0xdead, routine_bytes;
static WSAOVERLAPPED *routine_ov;

static void CALLBACK recv_routine(DWORD error, DWORD bytes, WSAOVERLAPPED *ov, DWORD flags)
{
    routine_error = error;
    routine_bytes = bytes;
    routine_ov = ov;
}

static void test_completion_routine(void)
{
    struct pair p;

    pair_init(&p, FALSE);
    recv_pending(&p, recv_routine);
    ok(send(p.client, "apc", 3, 0) == 3, "send: %d\n", WSAGetLastError());
    ok(SleepEx(WAIT_MS, TRUE) == WAIT_IO_COMPLETION, "the routine did not run\n");
    ok(routine_error == 0 && routine_bytes == 3 && routine_ov == &p.ov, "routine: error %lu bytes %lu ov %p\n",
       routine_error, routine_bytes, routine_ov);
    pair_close(&p);
}

static void test_cancel(void)
{
    struct pair p;

    pair_init(&p, TRUE);
    recv_pending(&p, NULL);
    ok(CancelIoEx((HANDLE)p.server, &p.ov), "CancelIoEx: %lu\n", GetLastError());
    ok(WaitForSingleObject(p.ov.hEvent, WAIT_MS) == WAIT_OBJECT_0, "the cancelled receive did not complete\n");
    ok(!WSAGetOverlappedResult(p.server, &p.ov, &p.bytes, FALSE, &p.flags) && WSAGetLastError() == WSA_OPERATION_ABORTED,
       "cancelled: %d\n", WSAGetLastError());
    ok(!GetOverlappedResult((HANDLE)p.server, &p.ov, &p.bytes, FALSE) && GetLastError() == ERROR_OPERATION_ABORTED,
       "GetOverlappedResult of the cancelled receive: %lu\n", GetLastError());
    ok(!CancelIoEx((HANDLE)p.server, &p.ov) && GetLastError() == ERROR_NOT_FOUND, "nothing left to cancel: %lu\n",
       GetLastError());

    /* closing the socket ends a pending receive with an error */
    ResetEvent(p.ov.hEvent);
    recv_pending(&p, NULL);
    ok(!closesocket(p.server), "closesocket: %d\n", WSAGetLastError());
    p.server = INVALID_SOCKET;
    ok(WaitForSingleObject(p.ov.hEvent, WAIT_MS) == WAIT_OBJECT_0, "closesocket left the receive pending\n");
    /* an error or warning status, not success (Wine: STATUS_HANDLES_CLOSED) */
    ok(p.ov.Internal != STATUS_PENDING && p.ov.Internal != 0, "status after closesocket %#Ix\n", p.ov.Internal);
    pair_close(&p);
}

static void test_accept_connect(void)
{
    struct sockaddr_in addr, any, client_addr, *local = NULL, *remote = NULL;
    SOCKET listener, acceptor, client;
    OVERLAPPED aov, cov;
    DWORD bytes = 0, flags;
    int local_len = 0, remote_len = 0, len;
    BOOL ret;
    char buf[2 * (sizeof(struct sockaddr_in) + 16)], data[8];

    if (!pAcceptEx || !pConnectEx || !pGetAcceptExSockaddrs)
    {
        skip("no AcceptEx/ConnectEx\n");
        return;
    }
    listener = listen_loopback(&addr);
    acceptor = socket(AF_INET, SOCK_STREAM, 0);
    client = socket(AF_INET, SOCK_STREAM, 0);
    memset(&aov, 0, sizeof(aov));
    memset(&cov, 0, sizeof(cov));
    aov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    cov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    ok(!pAcceptEx(listener, acceptor, buf, 0, sizeof(struct sockaddr_in) + 16, sizeof(struct sockaddr_in) + 16,
                  &bytes, &aov) && WSAGetLastError() == WSA_IO_PENDING, "AcceptEx: %d\n", WSAGetLastError());

    /* ConnectEx wants a bound socket */
    ok(!pConnectEx(client, (struct sockaddr *)&addr, sizeof(addr), NULL, 0, &bytes, &cov)
       && WSAGetLastError() == WSAEINVAL, "ConnectEx unbound: %d\n", WSAGetLastError());
    memset(&any, 0, sizeof(any));
    any.sin_family = AF_INET;
    ok(!bind(client, (struct sockaddr *)&any, sizeof(any)), "bind: %d\n", WSAGetLastError());
    if (!pConnectEx(client, (struct sockaddr *)&addr, sizeof(addr), NULL, 0, &bytes, &cov))
        ok(WSAGetLastError() == WSA_IO_PENDING, "ConnectEx: %d\n", WSAGetLastError());
    ok(WaitForSingleObject(cov.hEvent, WAIT_MS) == WAIT_OBJECT_0, "ConnectEx did not complete\n");
    ok(WSAGetOverlappedResult(client, &cov, &bytes, FALSE, &flags), "ConnectEx result: %d\n", WSAGetLastError());
    ok(WaitForSingleObject(aov.hEvent, WAIT_MS) == WAIT_OBJECT_0, "AcceptEx did not complete\n");
    ok(WSAGetOverlappedResult(listener, &aov, &bytes, FALSE, &flags), "AcceptEx result: %d\n", WSAGetLastError());
    ok(bytes == 0, "AcceptEx received %lu bytes\n", bytes);
    ok(!setsockopt(acceptor, SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT, (char *)&listener, sizeof(listener)),
       "SO_UPDATE_ACCEPT_CONTEXT: %d\n", WSAGetLastError());
    ok(!setsockopt(client, SOL_SOCKET, SO_UPDATE_CONNECT_CONTEXT, NULL, 0), "SO_UPDATE_CONNECT_CONTEXT: %d\n",
       WSAGetLastError());

    pGetAcceptExSockaddrs(buf, 0, sizeof(struct sockaddr_in) + 16, sizeof(struct sockaddr_in) + 16,
                          (struct sockaddr **)&local, &local_len, (struct sockaddr **)&remote, &remote_len);
    len = sizeof(client_addr);
    getsockname(client, (struct sockaddr *)&client_addr, &len);
    ok(local && local_len == sizeof(struct sockaddr_in), "local length %d\n", local_len);
    ok(remote && remote_len == sizeof(struct sockaddr_in), "remote length %d\n", remote_len);
    if (local && remote)
    {
        ok(local->sin_family == AF_INET && local->sin_port == addr.sin_port
           && local->sin_addr.s_addr == htonl(INADDR_LOOPBACK), "local %lx:%u\n", local->sin_addr.s_addr,
           ntohs(local->sin_port));
        ok(remote->sin_family == AF_INET && remote->sin_port == client_addr.sin_port
           && remote->sin_addr.s_addr == htonl(INADDR_LOOPBACK), "remote %lx:%u\n", remote->sin_addr.s_addr,
           ntohs(remote->sin_port));
    }
    /* the two are connected to each other */
    ok(send(client, "conn", 4, 0) == 4, "send: %d\n", WSAGetLastError());
    memset(data, 0, sizeof(data));
    ok(recv(acceptor, data, sizeof(data), 0) == 4 && !memcmp(data, "conn", 4), "accepted socket got %.4s\n", data);
    len = sizeof(client_addr);
    ok(!getpeername(acceptor, (struct sockaddr *)&client_addr, &len), "getpeername: %d\n", WSAGetLastError());

    /* AcceptEx on a socket that is not listening */
    closesocket(acceptor);
    acceptor = socket(AF_INET, SOCK_STREAM, 0);
    SetLastError(0xdeadbeef);
    ret = pAcceptEx(client, acceptor, buf, 0, sizeof(struct sockaddr_in) + 16, sizeof(struct sockaddr_in) + 16,
                    &bytes, &aov);
    /* documented: WSAEINVAL when listen was not called; Wine queues the accept */
    todo_wine(!ret && WSAGetLastError() == WSAEINVAL, "AcceptEx on a connected socket: %d %d\n", ret, WSAGetLastError());
    closesocket(acceptor);
    closesocket(client);
    closesocket(listener);
    CloseHandle(aov.hEvent);
    CloseHandle(cov.hEvent);
}

static void test_udp(void)
{
    struct sockaddr_in a_addr, b_addr, from;
    SOCKET a = socket(AF_INET, SOCK_DGRAM, 0), b = socket(AF_INET, SOCK_DGRAM, 0);
    WSAOVERLAPPED ov;
    WSABUF wb[2];
    DWORD bytes = 0, flags = 0, ret = 0;
    int len = sizeof(a_addr), fromlen = sizeof(from);
    char head[3], tail[16];

    memset(&a_addr, 0, sizeof(a_addr));
    a_addr.sin_family = AF_INET;
    a_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    b_addr = a_addr;
    bind(a, (struct sockaddr *)&a_addr, sizeof(a_addr));
    bind(b, (struct sockaddr *)&b_addr, sizeof(b_addr));
    getsockname(a, (struct sockaddr *)&a_addr, &len);
    len = sizeof(b_addr);
    getsockname(b, (struct sockaddr *)&b_addr, &len);
    /* Windows sets this on UDP sockets of servers (Go does): accepted */
    ok(!WSAIoctl(b, SIO_UDP_CONNRESET, &flags, sizeof(flags), NULL, 0, &ret, NULL, NULL), "SIO_UDP_CONNRESET: %d\n",
       WSAGetLastError());

    memset(&ov, 0, sizeof(ov));
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    memset(head, 0, sizeof(head));
    memset(tail, 0, sizeof(tail));
    wb[0].buf = head;
    wb[0].len = sizeof(head);
    wb[1].buf = tail;
    wb[1].len = sizeof(tail);
    ok(WSARecvFrom(b, wb, 2, &bytes, &flags, (struct sockaddr *)&from, &fromlen, &ov, NULL) == SOCKET_ERROR
       && WSAGetLastError() == WSA_IO_PENDING, "WSARecvFrom: %d\n", WSAGetLastError());
    wb[0].buf = "datagram";
    wb[0].len = 8;
    ok(!WSASendTo(a, wb, 1, &bytes, 0, (struct sockaddr *)&b_addr, sizeof(b_addr), NULL, NULL) && bytes == 8,
       "WSASendTo: %d, %lu\n", WSAGetLastError(), bytes);
    ok(WSAGetOverlappedResult(b, &ov, &bytes, TRUE, &flags), "WSARecvFrom result: %d\n", WSAGetLastError());
    ok(bytes == 8 && !memcmp(head, "dat", 3) && !memcmp(tail, "agram", 5), "got %lu bytes %.3s|%.5s\n", bytes, head,
       tail);
    ok(fromlen == sizeof(from) && from.sin_port == a_addr.sin_port, "from port %u len %d\n", ntohs(from.sin_port),
       fromlen);
    CloseHandle(ov.hEvent);

    /* the message forms, blocking */
    {
        LPFN_WSARECVMSG pWSARecvMsg = NULL;
        WSAMSG msg;
        char data[16];

        get_extension(b, (GUID)WSAID_WSARECVMSG, (void **)&pWSARecvMsg);
        memset(&msg, 0, sizeof(msg));
        wb[0].buf = "message";
        wb[0].len = 7;
        msg.name = (struct sockaddr *)&b_addr;
        msg.namelen = sizeof(b_addr);
        msg.lpBuffers = wb;
        msg.dwBufferCount = 1;
        ok(!WSASendMsg(a, &msg, 0, &bytes, NULL, NULL) && bytes == 7, "WSASendMsg: %d, %lu\n", WSAGetLastError(),
           bytes);
        memset(&msg, 0, sizeof(msg));
        memset(data, 0, sizeof(data));
        wb[0].buf = data;
        wb[0].len = sizeof(data);
        msg.name = (struct sockaddr *)&from;
        msg.namelen = sizeof(from);
        msg.lpBuffers = wb;
        msg.dwBufferCount = 1;
        msg.Control.len = 0;
        if (pWSARecvMsg)
        {
            ok(!pWSARecvMsg(b, &msg, &bytes, NULL, NULL) && bytes == 7, "WSARecvMsg: %d, %lu\n", WSAGetLastError(),
               bytes);
            ok(!memcmp(data, "message", 7) && from.sin_port == a_addr.sin_port, "got %.7s from %u\n", data,
               ntohs(from.sin_port));
        }
    }
    closesocket(a);
    closesocket(b);
}

static void test_blocking_forms(void)
{
    SOCKET client, server;
    WSABUF wb[2];
    DWORD bytes = 0, flags = 0;
    u_long avail = 0;
    char a[4], b[4];

    tcp_pair(&client, &server);
    wb[0].buf = "ab";
    wb[0].len = 2;
    wb[1].buf = "cdef";
    wb[1].len = 4;
    ok(!WSASend(client, wb, 2, &bytes, 0, NULL, NULL) && bytes == 6, "WSASend: %d, %lu\n", WSAGetLastError(), bytes);
    wait_readable(server);
    ok(!WSAIoctl(server, FIONREAD, NULL, 0, &avail, sizeof(avail), &bytes, NULL, NULL), "FIONREAD: %d\n",
       WSAGetLastError());
    ok(avail == 6, "FIONREAD %lu\n", avail);
    wb[0].buf = a;
    wb[0].len = 4;
    wb[1].buf = b;
    wb[1].len = 4;
    ok(!WSARecv(server, wb, 2, &bytes, &flags, NULL, NULL) && bytes == 6, "WSARecv: %d, %lu\n", WSAGetLastError(),
       bytes);
    ok(!memcmp(a, "abcd", 4) && !memcmp(b, "ef", 2), "got %.4s|%.2s\n", a, b);
    closesocket(client);
    closesocket(server);
}

/* what Rust's TcpStream::try_clone does */
static void test_duplicate(void)
{
    SOCKET client, server, dup;
    WSAPROTOCOL_INFOW info, opt;
    int len = sizeof(opt);
    char buf[8];

    tcp_pair(&client, &server);
    memset(&info, 0, sizeof(info));
    ok(!WSADuplicateSocketW(client, GetCurrentProcessId(), &info), "WSADuplicateSocketW: %d\n", WSAGetLastError());
    ok(info.iAddressFamily == AF_INET && info.iSocketType == SOCK_STREAM && info.iProtocol == IPPROTO_TCP,
       "info %d %d %d\n", info.iAddressFamily, info.iSocketType, info.iProtocol);
    ok(!getsockopt(client, SOL_SOCKET, SO_PROTOCOL_INFOW, (char *)&opt, &len) && len == sizeof(opt),
       "SO_PROTOCOL_INFOW: %d\n", WSAGetLastError());
    ok(opt.iAddressFamily == AF_INET && opt.iSocketType == SOCK_STREAM && opt.iProtocol == IPPROTO_TCP,
       "SO_PROTOCOL_INFOW %d %d %d\n", opt.iAddressFamily, opt.iSocketType, opt.iProtocol);
    dup = WSASocketW(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, &info, 0, WSA_FLAG_OVERLAPPED);
    ok(dup != INVALID_SOCKET, "WSASocketW from the info: %d\n", WSAGetLastError());
    /* the duplicate is the same connection, and outlives the original */
    ok(!closesocket(client), "closesocket: %d\n", WSAGetLastError());
    if (ok(send(dup, "dup", 3, 0) == 3, "send on the duplicate: %d\n", WSAGetLastError()))
        ok(recv(server, buf, sizeof(buf), 0) == 3 && !memcmp(buf, "dup", 3), "recv of the duplicate's data\n");
    closesocket(dup);
    closesocket(server);
}

int main(void)
{
    WSADATA data;

    start_watchdog(30000);
    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup\n");
    test_extensions();
    test_handle();
    test_recv_event();
    test_port();
    test_completion_routine();
    test_cancel();
    test_accept_connect();
    test_udp();
    test_blocking_forms();
    test_duplicate();
    WSACleanup();
    return test_summary();
}
