/*
 * tests/ws2_32/exclusive.c — SO_EXCLUSIVEADDRUSE (servers such as Bun's set
 * it before bind): it can be set and read back, it cannot be combined with
 * SO_REUSEADDR on one socket (either order), and an address held by an
 * exclusive listener cannot be bound again, SO_REUSEADDR or not.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include "test.h"

#ifndef SO_EXCLUSIVEADDRUSE
#define SO_EXCLUSIVEADDRUSE ((int)(~SO_REUSEADDR))
#endif

static int set_int(SOCKET s, int name, int value)
{
    return setsockopt(s, SOL_SOCKET, name, (const char *)&value, sizeof(value));
}

int main(void)
{
    WSADATA wsa;
    struct sockaddr_in addr = { 0 };
    int len = sizeof(addr), value = 0, vlen = sizeof(value);
    SOCKET a, b;

    test_start("ws2_32/exclusive");
    WSAStartup(MAKEWORD(2, 2), &wsa);
    a = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ok(!getsockopt(a, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, (char *)&value, &vlen) && value == 0, "default %d\n", value);
    ok(!set_int(a, SO_EXCLUSIVEADDRUSE, 1), "set SO_EXCLUSIVEADDRUSE: %d\n", WSAGetLastError());
    vlen = sizeof(value);
    ok(!getsockopt(a, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, (char *)&value, &vlen) && value == 1, "read back %d\n", value);
    ok(set_int(a, SO_REUSEADDR, 1) == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL,
       "SO_REUSEADDR on an exclusive socket: %d\n", WSAGetLastError());

    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok(!bind(a, (struct sockaddr *)&addr, sizeof(addr)) && !listen(a, 1), "bind/listen %d\n", WSAGetLastError());
    getsockname(a, (struct sockaddr *)&addr, &len);

    b = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ok(!set_int(b, SO_REUSEADDR, 1), "SO_REUSEADDR: %d\n", WSAGetLastError());
    ok(set_int(b, SO_EXCLUSIVEADDRUSE, 1) == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL,
       "SO_EXCLUSIVEADDRUSE on a reusing socket: %d\n", WSAGetLastError());
    ok(bind(b, (struct sockaddr *)&addr, sizeof(addr)) == SOCKET_ERROR, "bound the exclusive listener's address\n");
    closesocket(b);
    closesocket(a);
    WSACleanup();
    return test_summary();
}
