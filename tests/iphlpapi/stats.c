/*
 * iphlpapi: protocol statistics (GetTcpStatistics(Ex), GetUdpStatistics(Ex),
 * GetIpStatistics(Ex), GetIcmpStatistics). The counters must move with
 * what this test does (a TCP connection opened both ways, a UDP datagram
 * sent and received), the default TTL be Linux's (read through Z:).
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include "test.h"

static void test_tcp(void)
{
    MIB_TCPSTATS before, after;
    struct sockaddr_in addr;
    SOCKET listener, client, server;
    int len = sizeof(addr);

    ok(GetTcpStatistics(NULL) == ERROR_INVALID_PARAMETER, "NULL\n");
    ok(GetTcpStatisticsEx(&before, 12345) == ERROR_INVALID_PARAMETER, "bad family\n");
    ok(!GetTcpStatistics(&before), "GetTcpStatistics\n");
    listener = socket(AF_INET, SOCK_STREAM, 0);
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(listener, (struct sockaddr *)&addr, sizeof(addr));
    listen(listener, 1);
    getsockname(listener, (struct sockaddr *)&addr, &len);
    client = socket(AF_INET, SOCK_STREAM, 0);
    ok(!connect(client, (struct sockaddr *)&addr, sizeof(addr)), "connect %d\n", WSAGetLastError());
    server = accept(listener, NULL, NULL);
    ok(!GetTcpStatistics(&after), "GetTcpStatistics\n");
    ok(after.dwActiveOpens >= before.dwActiveOpens + 1, "active opens %lu -> %lu\n", before.dwActiveOpens,
       after.dwActiveOpens);
    ok(after.dwPassiveOpens >= before.dwPassiveOpens + 1, "passive opens %lu -> %lu\n", before.dwPassiveOpens,
       after.dwPassiveOpens);
    ok(after.dwOutSegs > before.dwOutSegs && after.dwInSegs > before.dwInSegs, "segments did not move\n");
    /* Wine 8 leaves the number of connections 0 */
    todo_wine(after.dwNumConns >= 2, "%lu connections\n", after.dwNumConns);
    ok(!GetTcpStatisticsEx(&after, AF_INET6), "GetTcpStatisticsEx(AF_INET6)\n");
    closesocket(server);
    closesocket(client);
    closesocket(listener);
}

static void test_udp(void)
{
    MIB_UDPSTATS before, after;
    struct sockaddr_in addr;
    SOCKET s = socket(AF_INET, SOCK_DGRAM, 0);
    int len = sizeof(addr);
    char buf[4];

    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, (struct sockaddr *)&addr, sizeof(addr));
    getsockname(s, (struct sockaddr *)&addr, &len);
    ok(!GetUdpStatistics(&before), "GetUdpStatistics\n");
    ok(sendto(s, "abc", 3, 0, (struct sockaddr *)&addr, sizeof(addr)) == 3, "sendto %d\n", WSAGetLastError());
    ok(recv(s, buf, sizeof(buf), 0) == 3, "recv %d\n", WSAGetLastError());
    ok(!GetUdpStatistics(&after), "GetUdpStatistics\n");
    ok(after.dwOutDatagrams >= before.dwOutDatagrams + 1, "out %lu -> %lu\n", before.dwOutDatagrams,
       after.dwOutDatagrams);
    ok(after.dwInDatagrams >= before.dwInDatagrams + 1, "in %lu -> %lu\n", before.dwInDatagrams, after.dwInDatagrams);
    /* Wine 8 leaves the number of endpoints 0 */
    todo_wine(after.dwNumAddrs >= 1, "%lu UDP endpoints\n", after.dwNumAddrs);
    ok(!GetUdpStatisticsEx(&after, AF_INET6), "GetUdpStatisticsEx(AF_INET6)\n");
    closesocket(s);
}

static void test_ip(void)
{
    MIB_IPSTATS stats;
    MIB_ICMP icmp;
    unsigned int ttl;
    DWORD n = 0;
    FILE *f;

    ok(GetIpStatistics(NULL) == ERROR_INVALID_PARAMETER, "NULL\n");
    ok(!GetIpStatistics(&stats), "GetIpStatistics\n");
    ok(stats.dwForwarding == MIB_IP_FORWARDING || stats.dwForwarding == MIB_IP_NOT_FORWARDING, "forwarding %lu\n",
       stats.dwForwarding);
    ok(stats.dwInReceives >= stats.dwInDelivers, "received %lu, delivered %lu\n", stats.dwInReceives,
       stats.dwInDelivers);
    GetNumberOfInterfaces(&n);
    ok(stats.dwNumIf == n, "%lu interfaces, GetNumberOfInterfaces %lu\n", stats.dwNumIf, n);
    ok(stats.dwNumAddr >= 1, "%lu addresses\n", stats.dwNumAddr);
    if ((f = fopen("Z:\\proc\\sys\\net\\ipv4\\ip_default_ttl", "r")))
    {
        if (fscanf(f, "%u", &ttl) == 1) ok(stats.dwDefaultTTL == ttl, "TTL %lu, Linux %u\n", stats.dwDefaultTTL, ttl);
        fclose(f);
    }
    else skip("no /proc/sys/net/ipv4/ip_default_ttl\n");
    ok(!GetIpStatisticsEx(&stats, AF_INET6), "GetIpStatisticsEx(AF_INET6)\n");

    ok(!GetIcmpStatistics(&icmp), "GetIcmpStatistics\n");
    ok(icmp.stats.icmpInStats.dwMsgs >= icmp.stats.icmpInStats.dwEchos, "ICMP in %lu, echos %lu\n",
       icmp.stats.icmpInStats.dwMsgs, icmp.stats.icmpInStats.dwEchos);
}

int main(void)
{
    WSADATA data;

    test_start("iphlpapi/stats");
    WSAStartup(MAKEWORD(2, 2), &data);
    test_tcp();
    test_udp();
    test_ip();
    WSACleanup();
    return test_summary();
}
