/*
 * WSAEventSelect and WSAEnumNetworkEvents on loopback: FD_ACCEPT, FD_WRITE
 * on a connected socket, FD_READ and its re-enabling by recv, FD_CLOSE,
 * FD_CONNECT for a successful and a refused connect, the socket made
 * non-blocking, the event reset by the enumeration. Waits are bounded (5 s).
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include "test.h"
#include "loopback.h"

#define WAIT_MS 5000

/* waits for the event, then enumerates; the events seen */
static LONG wait_events(SOCKET s, HANDLE event, WSANETWORKEVENTS *ne)
{
    memset(ne, 0xcc, sizeof(*ne));
    ok(WaitForSingleObject(event, WAIT_MS) == WAIT_OBJECT_0, "no network event\n");
    ok(!WSAEnumNetworkEvents(s, event, ne), "WSAEnumNetworkEvents: %d\n", WSAGetLastError());
    return ne->lNetworkEvents;
}

/* waits until ne has all of want (events may come in several enumerations) */
static LONG wait_for(SOCKET s, HANDLE event, LONG want, WSANETWORKEVENTS *ne)
{
    LONG seen = 0;
    int i;

    for (i = 0; i < 5 && (seen & want) != want; i++) seen |= wait_events(s, event, ne);
    return seen;
}

static void test_accept_read_close(void)
{
    struct sockaddr_in addr;
    SOCKET listener = listen_loopback(&addr), client, server;
    HANDLE ev = WSACreateEvent(), ev2 = WSACreateEvent();
    WSANETWORKEVENTS ne;
    char buf[16];

    ok(!WSAEventSelect(listener, ev, FD_ACCEPT), "WSAEventSelect: %d\n", WSAGetLastError());
    client = socket(AF_INET, SOCK_STREAM, 0);
    ok(!connect(client, (struct sockaddr *)&addr, sizeof(addr)), "connect: %d\n", WSAGetLastError());
    ok(wait_events(listener, ev, &ne) == FD_ACCEPT, "events %lx\n", ne.lNetworkEvents);
    ok(ne.iErrorCode[FD_ACCEPT_BIT] == 0, "accept error %d\n", ne.iErrorCode[FD_ACCEPT_BIT]);
    ok(WaitForSingleObject(ev, 0) == WAIT_TIMEOUT, "the enumeration left the event set\n");
    server = accept(listener, NULL, NULL);
    ok(server != INVALID_SOCKET, "accept: %d\n", WSAGetLastError());

    /* a connected socket is writable at once */
    ok(!WSAEventSelect(server, ev2, FD_READ | FD_WRITE | FD_CLOSE), "WSAEventSelect: %d\n", WSAGetLastError());
    ok(wait_for(server, ev2, FD_WRITE, &ne) & FD_WRITE, "no FD_WRITE\n");
    /* and non-blocking now */
    ok(recv(server, buf, sizeof(buf), 0) == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK,
       "recv on a selected socket: %d\n", WSAGetLastError());
    ok(send(client, "one", 3, 0) == 3, "send: %d\n", WSAGetLastError());
    ok(wait_for(server, ev2, FD_READ, &ne) & FD_READ, "no FD_READ\n");
    ok(recv(server, buf, sizeof(buf), 0) == 3, "recv: %d\n", WSAGetLastError());
    /* recv re-enabled FD_READ */
    ok(send(client, "two", 3, 0) == 3, "send: %d\n", WSAGetLastError());
    ok(wait_for(server, ev2, FD_READ, &ne) & FD_READ, "no second FD_READ\n");
    ok(recv(server, buf, sizeof(buf), 0) == 3, "recv: %d\n", WSAGetLastError());
    closesocket(client);
    ok(wait_for(server, ev2, FD_CLOSE, &ne) & FD_CLOSE, "no FD_CLOSE\n");
    ok(ne.iErrorCode[FD_CLOSE_BIT] == 0, "close error %d\n", ne.iErrorCode[FD_CLOSE_BIT]);

    /* deselecting */
    ok(!WSAEventSelect(server, NULL, 0), "WSAEventSelect(0): %d\n", WSAGetLastError());
    closesocket(server);
    closesocket(listener);
    WSACloseEvent(ev);
    WSACloseEvent(ev2);
}

static void test_connect(void)
{
    struct sockaddr_in addr;
    SOCKET listener = listen_loopback(&addr), client = socket(AF_INET, SOCK_STREAM, 0);
    HANDLE ev = WSACreateEvent();
    WSANETWORKEVENTS ne;
    LONG seen;
    int ret;

    ok(!WSAEventSelect(client, ev, FD_CONNECT | FD_WRITE), "WSAEventSelect: %d\n", WSAGetLastError());
    ret = connect(client, (struct sockaddr *)&addr, sizeof(addr));
    ok(ret == 0 || WSAGetLastError() == WSAEWOULDBLOCK, "connect: %d\n", WSAGetLastError());
    seen = wait_for(client, ev, FD_CONNECT, &ne);
    ok(seen & FD_CONNECT, "no FD_CONNECT: %lx\n", seen);
    ok(ne.iErrorCode[FD_CONNECT_BIT] == 0, "connect error %d\n", ne.iErrorCode[FD_CONNECT_BIT]);
    closesocket(client);

    /* nobody listens there any more: the connect fails, through FD_CONNECT */
    closesocket(listener);
    client = socket(AF_INET, SOCK_STREAM, 0);
    ok(!WSAEventSelect(client, ev, FD_CONNECT), "WSAEventSelect: %d\n", WSAGetLastError());
    ret = connect(client, (struct sockaddr *)&addr, sizeof(addr));
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK, "refused connect: %d\n", WSAGetLastError());
    ok(wait_events(client, ev, &ne) == FD_CONNECT, "events %lx\n", ne.lNetworkEvents);
    ok(ne.iErrorCode[FD_CONNECT_BIT] == WSAECONNREFUSED, "connect error %d\n", ne.iErrorCode[FD_CONNECT_BIT]);
    closesocket(client);
    WSACloseEvent(ev);
}

int main(void)
{
    WSADATA data;

    start_watchdog(30000);
    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup\n");
    test_accept_read_close();
    test_connect();
    WSACleanup();
    return test_summary();
}
