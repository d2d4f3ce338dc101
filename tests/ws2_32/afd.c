/*
 * The AFD device as Rust's mio (tokio) and libuv use it: a handle to
 * \Device\Afd opened with NtCreateFile, bound to a completion port, and
 * IOCTL_AFD_POLL requests on it naming sockets (their base handles) and the
 * events wanted; each completes, through the port, once one happens.
 * Receive, accept, send, peer close, and cancellation with NtCancelIoFileEx;
 * libuv's way of closing a poll handle: a second exclusive poll of the same
 * socket completes the first with no handle, and closing the socket
 * completes the second with AFD_POLL_LOCAL_CLOSE. A socket closed both ways
 * with data left to read.
 * Waits are bounded (5 s).
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <winternl.h>
#include <ntstatus.h>
#include "test.h"
#include "loopback.h"

#define WAIT_MS 5000
#define IOCTL_AFD_POLL 0x00012024
#define AFD_POLL_RECEIVE     0x0001
#define AFD_POLL_SEND        0x0004
#define AFD_POLL_DISCONNECT  0x0008
#define AFD_POLL_ABORT       0x0010
#define AFD_POLL_ACCEPT      0x0080
#define AFD_POLL_CONNECT_FAIL 0x0100
#define AFD_POLL_LOCAL_CLOSE 0x0020

typedef struct
{
    HANDLE Handle;
    ULONG Events;
    NTSTATUS Status;
} AFD_POLL_HANDLE_INFO;

typedef struct
{
    LARGE_INTEGER Timeout;
    ULONG NumberOfHandles;
    ULONG Exclusive;
    AFD_POLL_HANDLE_INFO Handles[1];
} AFD_POLL_INFO;

/* one poll in flight: what mio keeps per socket */
struct poll_op
{
    IO_STATUS_BLOCK iosb;
    AFD_POLL_INFO info;
};

static NTSTATUS (WINAPI *pNtCreateFile)(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, IO_STATUS_BLOCK *,
                                        LARGE_INTEGER *, ULONG, ULONG, ULONG, ULONG, void *, ULONG);
static NTSTATUS (WINAPI *pNtDeviceIoControlFile)(HANDLE, HANDLE, void *, void *, IO_STATUS_BLOCK *, ULONG, void *,
                                                 ULONG, void *, ULONG);
static NTSTATUS (WINAPI *pNtCancelIoFileEx)(HANDLE, IO_STATUS_BLOCK *, IO_STATUS_BLOCK *);

static SOCKET base_handle(SOCKET s)
{
    SOCKET base = INVALID_SOCKET;
    DWORD size = 0;

    ok(!WSAIoctl(s, SIO_BASE_HANDLE, NULL, 0, &base, sizeof(base), &size, NULL, NULL), "SIO_BASE_HANDLE: %d\n",
       WSAGetLastError());
    return base;
}

/* starts a poll of s for events; the packet will carry op */
static NTSTATUS start_poll(HANDLE afd, struct poll_op *op, SOCKET s, ULONG events)
{
    memset(op, 0, sizeof(*op));
    op->info.Timeout.QuadPart = 0x7fffffffffffffffLL;
    op->info.NumberOfHandles = 1;
    op->info.Handles[0].Handle = (HANDLE)base_handle(s);
    op->info.Handles[0].Events = events;
    op->iosb.Status = STATUS_PENDING;
    return pNtDeviceIoControlFile(afd, NULL, NULL, op, &op->iosb, IOCTL_AFD_POLL, &op->info, sizeof(op->info),
                                  &op->info, sizeof(op->info));
}

/* the next packet: its op, which must be want */
static void expect_packet(HANDLE port, struct poll_op *want, const char *what)
{
    OVERLAPPED *ov = NULL;
    ULONG_PTR key = 1;
    DWORD bytes = 0;

    GetQueuedCompletionStatus(port, &bytes, &key, &ov, WAIT_MS);
    ok(ov == (OVERLAPPED *)want, "%s: packet for %p, not %p\n", what, ov, want);
    ok(key == 0, "%s: key %Iu\n", what, key);
}

static void test_poll(HANDLE afd, HANDLE port)
{
    struct sockaddr_in addr;
    SOCKET listener = listen_loopback(&addr), client, server, client2;
    struct poll_op op1, op2;
    NTSTATUS status;
    char buf[8];

    client = socket(AF_INET, SOCK_STREAM, 0);
    ok(!connect(client, (struct sockaddr *)&addr, sizeof(addr)), "connect: %d\n", WSAGetLastError());
    server = accept(listener, NULL, NULL);

    /* two polls on one AFD handle, as mio keeps one per socket */
    status = start_poll(afd, &op1, server, AFD_POLL_RECEIVE | AFD_POLL_DISCONNECT | AFD_POLL_ABORT);
    ok(status == STATUS_PENDING, "poll with nothing to receive: %#lx\n", status);
    status = start_poll(afd, &op2, listener, AFD_POLL_ACCEPT);
    ok(status == STATUS_PENDING, "poll with nothing to accept: %#lx\n", status);

    ok(send(client, "afd", 3, 0) == 3, "send: %d\n", WSAGetLastError());
    expect_packet(port, &op1, "receive");
    ok(op1.iosb.Status == STATUS_SUCCESS, "receive status %#lx\n", op1.iosb.Status);
    ok(op1.info.NumberOfHandles == 1 && (op1.info.Handles[0].Events & AFD_POLL_RECEIVE)
       && op1.info.Handles[0].Handle == (HANDLE)server, "receive: %lu handles, events %#lx\n",
       op1.info.NumberOfHandles, op1.info.Handles[0].Events);
    ok(recv(server, buf, sizeof(buf), 0) == 3, "recv: %d\n", WSAGetLastError());

    client2 = socket(AF_INET, SOCK_STREAM, 0);
    ok(!connect(client2, (struct sockaddr *)&addr, sizeof(addr)), "connect: %d\n", WSAGetLastError());
    expect_packet(port, &op2, "accept");
    ok(op2.info.NumberOfHandles == 1 && op2.info.Handles[0].Events == AFD_POLL_ACCEPT, "accept events %#lx\n",
       op2.info.Handles[0].Events);

    /* a connected socket can send: done at once (a packet all the same) */
    status = start_poll(afd, &op1, client, AFD_POLL_SEND);
    ok(status == STATUS_SUCCESS || status == STATUS_PENDING, "poll for send: %#lx\n", status);
    expect_packet(port, &op1, "send");
    ok(op1.info.Handles[0].Events == AFD_POLL_SEND, "send events %#lx\n", op1.info.Handles[0].Events);

    /* cancelled: the packet says so */
    status = start_poll(afd, &op1, server, AFD_POLL_RECEIVE);
    ok(status == STATUS_PENDING, "poll: %#lx\n", status);
    {
        IO_STATUS_BLOCK cancel;
        ok(!pNtCancelIoFileEx(afd, &op1.iosb, &cancel), "NtCancelIoFileEx\n");
    }
    expect_packet(port, &op1, "cancel");
    ok(op1.iosb.Status == STATUS_CANCELLED, "cancelled poll status %#lx\n", op1.iosb.Status);

    /* the peer goes: a disconnect */
    status = start_poll(afd, &op1, server, AFD_POLL_DISCONNECT | AFD_POLL_ABORT);
    ok(status == STATUS_PENDING, "poll: %#lx\n", status);
    closesocket(client);
    expect_packet(port, &op1, "disconnect");
    ok(op1.info.Handles[0].Events & (AFD_POLL_DISCONNECT | AFD_POLL_ABORT), "disconnect events %#lx\n",
       op1.info.Handles[0].Events);

    closesocket(server);
    closesocket(client2);
    closesocket(listener);
}

static NTSTATUS start_exclusive_poll(HANDLE afd, struct poll_op *op, SOCKET s, ULONG events)
{
    memset(op, 0, sizeof(*op));
    op->info.Timeout.QuadPart = 0x7fffffffffffffffLL;
    op->info.NumberOfHandles = 1;
    op->info.Exclusive = TRUE;
    op->info.Handles[0].Handle = (HANDLE)s;
    op->info.Handles[0].Events = events;
    op->iosb.Status = STATUS_PENDING;
    return pNtDeviceIoControlFile(afd, NULL, NULL, op, &op->iosb, IOCTL_AFD_POLL, &op->info, sizeof(op->info),
                                  &op->info, sizeof(op->info));
}

static void test_exclusive_and_close(HANDLE afd, HANDLE port)
{
    struct sockaddr_in addr;
    SOCKET listener = listen_loopback(&addr), base = base_handle(listener);
    struct poll_op op1, op2;
    NTSTATUS status;

    status = start_exclusive_poll(afd, &op1, base, AFD_POLL_ACCEPT | AFD_POLL_LOCAL_CLOSE);
    ok(status == STATUS_PENDING, "first exclusive poll: %#lx\n", status);
    status = start_exclusive_poll(afd, &op2, base, AFD_POLL_ACCEPT | AFD_POLL_LOCAL_CLOSE);
    ok(status == STATUS_PENDING, "second exclusive poll: %#lx\n", status);
    expect_packet(port, &op1, "superseded poll");
    ok(op1.iosb.Status == STATUS_SUCCESS && op1.info.NumberOfHandles == 0, "superseded: status %#lx, %lu handles\n",
       op1.iosb.Status, op1.info.NumberOfHandles);

    closesocket(listener);
    expect_packet(port, &op2, "local close");
    ok(op2.iosb.Status == STATUS_SUCCESS && op2.info.NumberOfHandles == 1
       && op2.info.Handles[0].Events == AFD_POLL_LOCAL_CLOSE, "close: status %#lx, %lu handles, events %#lx\n",
       op2.iosb.Status, op2.info.NumberOfHandles, op2.info.Handles[0].Events);
}

/* node's TCP echo: the client sends and shuts its side first, the server
   echoes and closes. The client's socket, done both ways, still has the
   echo to read: a poll of it reports that and the disconnect, no abort */
static void test_closed_first(HANDLE afd, HANDLE port)
{
    struct sockaddr_in addr;
    SOCKET listener = listen_loopback(&addr), client, server;
    struct poll_op op;
    NTSTATUS status;
    char buf[8];

    client = socket(AF_INET, SOCK_STREAM, 0);
    ok(!connect(client, (struct sockaddr *)&addr, sizeof(addr)), "connect: %d\n", WSAGetLastError());
    server = accept(listener, NULL, NULL);
    ok(send(client, "ping", 4, 0) == 4, "send: %d\n", WSAGetLastError());
    ok(!shutdown(client, SD_SEND), "shutdown: %d\n", WSAGetLastError());
    ok(recv(server, buf, sizeof(buf), 0) == 4, "server recv: %d\n", WSAGetLastError());
    ok(recv(server, buf, sizeof(buf), 0) == 0, "server sees no end of stream: %d\n", WSAGetLastError());
    ok(send(server, "echo", 4, 0) == 4, "echo: %d\n", WSAGetLastError());
    closesocket(server);
    Sleep(100);   /* the server's end reaches the client (no result depends on how soon) */

    status = start_poll(afd, &op, client, AFD_POLL_RECEIVE | AFD_POLL_DISCONNECT | AFD_POLL_ABORT);
    ok(status == STATUS_SUCCESS || status == STATUS_PENDING, "poll: %#lx\n", status);
    expect_packet(port, &op, "closed both ways");
    ok(op.iosb.Status == STATUS_SUCCESS && op.info.NumberOfHandles == 1, "status %#lx, %lu handles\n",
       op.iosb.Status, op.info.NumberOfHandles);
    ok((op.info.Handles[0].Events & (AFD_POLL_RECEIVE | AFD_POLL_ABORT)) == AFD_POLL_RECEIVE,
       "events %#lx: not receive without abort\n", op.info.Handles[0].Events);
    ok(recv(client, buf, sizeof(buf), 0) == 4 && !memcmp(buf, "echo", 4), "client recv: %d\n", WSAGetLastError());
    ok(recv(client, buf, sizeof(buf), 0) == 0, "client sees no end of stream: %d\n", WSAGetLastError());

    status = start_poll(afd, &op, client, AFD_POLL_DISCONNECT | AFD_POLL_ABORT);
    ok(status == STATUS_SUCCESS || status == STATUS_PENDING, "poll: %#lx\n", status);
    expect_packet(port, &op, "disconnect after reading");
    ok(op.info.NumberOfHandles == 1 && op.info.Handles[0].Events == AFD_POLL_DISCONNECT, "events %#lx\n",
       op.info.Handles[0].Events);
    closesocket(client);
    closesocket(listener);
}

int main(void)
{
    HMODULE ntdll = GetModuleHandleA("ntdll.dll");
    UNICODE_STRING name;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK iosb;
    HANDLE afd = NULL, port;
    NTSTATUS status;
    WSADATA data;

    pNtCreateFile = (void *)GetProcAddress(ntdll, "NtCreateFile");
    pNtDeviceIoControlFile = (void *)GetProcAddress(ntdll, "NtDeviceIoControlFile");
    pNtCancelIoFileEx = (void *)GetProcAddress(ntdll, "NtCancelIoFileEx");
    start_watchdog(30000);
    WSAStartup(MAKEWORD(2, 2), &data);
    name.Buffer = L"\\Device\\Afd\\Wlx";
    name.Length = wcslen(name.Buffer) * sizeof(WCHAR);
    name.MaximumLength = name.Length + sizeof(WCHAR);
    InitializeObjectAttributes(&attr, &name, 0, NULL, NULL);
    status = pNtCreateFile(&afd, SYNCHRONIZE, &attr, &iosb, NULL, 0, FILE_SHARE_READ | FILE_SHARE_WRITE, FILE_OPEN,
                           0, NULL, 0);
    ok(!status, "NtCreateFile(\\Device\\Afd): %#lx\n", status);
    if (!status)
    {
        port = CreateIoCompletionPort(afd, NULL, 0, 0);
        ok(port != NULL, "CreateIoCompletionPort: %lu\n", GetLastError());
        test_poll(afd, port);
        test_exclusive_and_close(afd, port);
        test_closed_first(afd, port);
        CloseHandle(port);
        CloseHandle(afd);
    }
    WSACleanup();
    return test_summary();
}
