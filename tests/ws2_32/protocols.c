/* tests/ws2_32/protocols.c — the protocol catalog (WSAEnumProtocols) */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include "test.h"

static void test_enum_w(void)
{
    WSAPROTOCOL_INFOW *infos;
    DWORD len = 0;
    int n, i, udp[] = { IPPROTO_UDP, 0 }, found_tcp4 = 0, found_tcp6 = 0;

    SetLastError(0xdeadbeef);
    ok(WSAEnumProtocolsW(NULL, NULL, &len) == SOCKET_ERROR, "no buffer: not an error\n");
    ok(WSAGetLastError() == WSAENOBUFS, "error %d\n", WSAGetLastError());
    ok(len && len % sizeof(WSAPROTOCOL_INFOW) == 0, "length %lu\n", len);

    infos = HeapAlloc(GetProcessHeap(), 0, len);
    n = WSAEnumProtocolsW(NULL, infos, &len);
    ok(n > 0 && (DWORD)n * sizeof(*infos) <= len, "%d entries in %lu bytes\n", n, len);
    for (i = 0; i < n; i++)
    {
        const WSAPROTOCOL_INFOW *p = &infos[i];
        ok(p->ProtocolChain.ChainLen == BASE_PROTOCOL || p->ProtocolChain.ChainLen > 1, "chain %d\n", p->ProtocolChain.ChainLen);
        ok(p->szProtocol[0] != 0, "entry %d has no name\n", i);
        if (p->iSocketType == SOCK_STREAM && p->iProtocol == IPPROTO_TCP)
        {
            if (p->iAddressFamily == AF_INET) found_tcp4++;
            if (p->iAddressFamily == AF_INET6) found_tcp6++;
            ok(p->dwServiceFlags1 & XP1_GUARANTEED_DELIVERY, "TCP flags %lx\n", p->dwServiceFlags1);
            ok(p->dwServiceFlags1 & XP1_GUARANTEED_ORDER, "TCP flags %lx\n", p->dwServiceFlags1);
            ok(!(p->dwServiceFlags1 & XP1_CONNECTIONLESS), "TCP flags %lx\n", p->dwServiceFlags1);
            ok(p->iMaxSockAddr >= (p->iAddressFamily == AF_INET6 ? (int)sizeof(SOCKADDR_IN6) : (int)sizeof(SOCKADDR_IN)),
               "max sockaddr %d\n", p->iMaxSockAddr);
        }
        if (p->iSocketType == SOCK_DGRAM && p->iProtocol == IPPROTO_UDP)
            ok(p->dwServiceFlags1 & XP1_CONNECTIONLESS, "UDP flags %lx\n", p->dwServiceFlags1);
    }
    ok(found_tcp4 >= 1, "no TCP/IPv4 entry\n");
    ok(found_tcp6 >= 1, "no TCP/IPv6 entry\n");

    /* a protocol list filters */
    len = HeapSize(GetProcessHeap(), 0, infos);
    n = WSAEnumProtocolsW(udp, infos, &len);
    ok(n >= 2, "%d UDP entries\n", n);
    for (i = 0; i < n; i++) ok(infos[i].iProtocol == IPPROTO_UDP, "entry %d: protocol %d\n", i, infos[i].iProtocol);

    /* a buffer one entry short */
    len = sizeof(*infos);
    SetLastError(0xdeadbeef);
    ok(WSAEnumProtocolsW(NULL, infos, &len) == SOCKET_ERROR && WSAGetLastError() == WSAENOBUFS,
       "short buffer: error %d\n", WSAGetLastError());
    HeapFree(GetProcessHeap(), 0, infos);
}

static void test_enum_a(void)
{
    WSAPROTOCOL_INFOA *infos;
    DWORD len = 0;
    int n;

    ok(WSAEnumProtocolsA(NULL, NULL, &len) == SOCKET_ERROR && WSAGetLastError() == WSAENOBUFS, "no buffer\n");
    ok(len && len % sizeof(WSAPROTOCOL_INFOA) == 0, "length %lu\n", len);
    infos = HeapAlloc(GetProcessHeap(), 0, len);
    n = WSAEnumProtocolsA(NULL, infos, &len);
    ok(n > 0, "%d entries\n", n);
    if (n > 0) ok(infos[0].szProtocol[0] != 0, "no name\n");
    HeapFree(GetProcessHeap(), 0, infos);
}

int main(void)
{
    WSADATA data;
    DWORD len = 0;

    SetLastError(0xdeadbeef);
    /* Wine 8.0 enumerates without WSAStartup */
    todo_wine(WSAEnumProtocolsW(NULL, NULL, &len) == SOCKET_ERROR && WSAGetLastError() == WSANOTINITIALISED,
              "before WSAStartup: error %d\n", WSAGetLastError());
    ok(!WSAStartup(MAKEWORD(2, 2), &data), "WSAStartup failed\n");
    test_enum_w();
    test_enum_a();
    WSACleanup();
    return test_summary();
}
