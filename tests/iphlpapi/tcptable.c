/*
 * iphlpapi: TCP and UDP endpoint tables (GetTcpTable, GetTcp6Table,
 * GetExtendedTcpTable, GetUdpTable, GetUdp6Table, GetExtendedUdpTable).
 * This process's own listening, connected and UDP sockets must be found
 * with their ports and states, sizes follow ERROR_INSUFFICIENT_BUFFER's
 * protocol, sorted tables are sorted, and the owner of our sockets is us.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include "test.h"

static void *get_table(DWORD (*get)(void *, DWORD *, BOOL, ULONG, int), ULONG family, int cls, BOOL order)
{
    DWORD size = 0, ret;
    void *table = NULL;
    int tries;

    for (tries = 0; tries < 5; tries++)
    {
        ret = get(table, &size, order, family, cls);
        if (ret == NO_ERROR) return table;
        HeapFree(GetProcessHeap(), 0, table);
        table = NULL;
        if (!ok(ret == ERROR_INSUFFICIENT_BUFFER, "family %lu class %d: %lu\n", family, cls, ret)) return NULL;
        table = HeapAlloc(GetProcessHeap(), 0, size + 1024);   /* room for sockets that come meanwhile */
        size += 1024;
    }
    return NULL;
}

static DWORD tcp_ex(void *t, DWORD *size, BOOL order, ULONG family, int cls)
{
    return GetExtendedTcpTable(t, size, order, family, cls, 0);
}

static DWORD udp_ex(void *t, DWORD *size, BOOL order, ULONG family, int cls)
{
    return GetExtendedUdpTable(t, size, order, family, cls, 0);
}

static DWORD tcp_plain(void *t, DWORD *size, BOOL order, ULONG family, int cls)
{
    return GetTcpTable(t, size, order);
}

static DWORD udp_plain(void *t, DWORD *size, BOOL order, ULONG family, int cls)
{
    return GetUdpTable(t, size, order);
}

static DWORD tcp6_plain(void *t, DWORD *size, BOOL order, ULONG family, int cls)
{
    return GetTcp6Table(t, size, order);
}

/* our socket's owner is us; Wine 8 here reports 0 (owner unknown) for its own sockets */
static BOOL is_us(DWORD pid)
{
    return pid == GetCurrentProcessId() || (test_is("wine") && !pid);
}

static ULONG key(DWORD addr, DWORD port)
{
    return ntohl(addr);
}

static void test_tcp(void)
{
    struct sockaddr_in addr, client_addr;
    SOCKET listener, client, server;
    MIB_TCPTABLE *table;
    MIB_TCPTABLE_OWNER_PID *owned;
    MIB_TCPTABLE2 *table2;
    int len = sizeof(addr);
    BOOL found_listener = FALSE, found_client = FALSE, found_server = FALSE, sorted = TRUE;
    DWORD i, size, ret;

    listener = socket(AF_INET, SOCK_STREAM, 0);
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok(!bind(listener, (struct sockaddr *)&addr, sizeof(addr)) && !listen(listener, 5), "listen: %d\n",
       WSAGetLastError());
    getsockname(listener, (struct sockaddr *)&addr, &len);
    client = socket(AF_INET, SOCK_STREAM, 0);
    ok(!connect(client, (struct sockaddr *)&addr, sizeof(addr)), "connect: %d\n", WSAGetLastError());
    server = accept(listener, NULL, NULL);
    len = sizeof(client_addr);
    getsockname(client, (struct sockaddr *)&client_addr, &len);

    ok(GetTcpTable(NULL, NULL, TRUE) == ERROR_INVALID_PARAMETER, "no size\n");
    size = 0;
    ret = GetTcpTable(NULL, &size, TRUE);
    ok(ret == ERROR_INSUFFICIENT_BUFFER && size >= FIELD_OFFSET(MIB_TCPTABLE, table[3]), "size query: %lu %lu\n",
       ret, size);

    table = get_table(tcp_plain, AF_INET, 0, TRUE);
    for (i = 0; table && i < table->dwNumEntries; i++)
    {
        MIB_TCPROW *row = &table->table[i];
        if (i && key(table->table[i - 1].dwLocalAddr, 0) > key(row->dwLocalAddr, 0)) sorted = FALSE;
        if (i && table->table[i - 1].dwLocalAddr == row->dwLocalAddr
            && ntohs(table->table[i - 1].dwLocalPort) > ntohs(row->dwLocalPort))
            sorted = FALSE;
        if (row->dwLocalAddr != htonl(INADDR_LOOPBACK)) continue;
        if ((USHORT)row->dwLocalPort == addr.sin_port && row->dwState == MIB_TCP_STATE_LISTEN)
        {
            found_listener = TRUE;
            ok(!row->dwRemoteAddr, "listener's remote address %08lx\n", row->dwRemoteAddr);
        }
        if ((USHORT)row->dwLocalPort == client_addr.sin_port && (USHORT)row->dwRemotePort == addr.sin_port)
        {
            found_client = TRUE;
            ok(row->dwState == MIB_TCP_STATE_ESTAB, "client state %lu\n", row->dwState);
        }
        if ((USHORT)row->dwLocalPort == addr.sin_port && (USHORT)row->dwRemotePort == client_addr.sin_port)
        {
            found_server = TRUE;
            ok(row->dwState == MIB_TCP_STATE_ESTAB, "server state %lu\n", row->dwState);
        }
    }
    ok(found_listener && found_client && found_server, "listener %d client %d server %d\n", found_listener,
       found_client, found_server);
    ok(sorted, "not sorted\n");
    HeapFree(GetProcessHeap(), 0, table);

    /* listeners only, with their owner */
    owned = get_table(tcp_ex, AF_INET, TCP_TABLE_OWNER_PID_LISTENER, FALSE);
    found_listener = FALSE;
    for (i = 0; owned && i < owned->dwNumEntries; i++)
    {
        MIB_TCPROW_OWNER_PID *row = &owned->table[i];
        ok(row->dwState == MIB_TCP_STATE_LISTEN, "state %lu among listeners\n", row->dwState);
        if ((USHORT)row->dwLocalPort != addr.sin_port || row->dwLocalAddr != htonl(INADDR_LOOPBACK)) continue;
        found_listener = TRUE;
        ok(is_us(row->dwOwningPid), "owner %lu, we are %lu\n", row->dwOwningPid,
           GetCurrentProcessId());
    }
    ok(found_listener, "listener not among the listeners\n");
    HeapFree(GetProcessHeap(), 0, owned);

    owned = get_table(tcp_ex, AF_INET, TCP_TABLE_OWNER_PID_CONNECTIONS, FALSE);
    found_client = FALSE;
    for (i = 0; owned && i < owned->dwNumEntries; i++)
    {
        MIB_TCPROW_OWNER_PID *row = &owned->table[i];
        ok(row->dwState != MIB_TCP_STATE_LISTEN, "a listener among the connections\n");
        if ((USHORT)row->dwLocalPort == client_addr.sin_port && is_us(row->dwOwningPid))
            found_client = TRUE;
    }
    ok(found_client, "client not among the connections\n");
    HeapFree(GetProcessHeap(), 0, owned);

    /* the Vista table: our listener, with its owner */
    size = 0;
    ret = GetTcpTable2(NULL, &size, TRUE);
    ok(ret == ERROR_INSUFFICIENT_BUFFER, "GetTcpTable2 size query %lu\n", ret);
    table2 = HeapAlloc(GetProcessHeap(), 0, size + 4096);
    size += 4096;
    ret = GetTcpTable2(table2, &size, TRUE);
    ok(!ret, "GetTcpTable2 %lu\n", ret);
    found_listener = FALSE;
    for (i = 0; !ret && i < table2->dwNumEntries; i++)
        if ((USHORT)table2->table[i].dwLocalPort == addr.sin_port && table2->table[i].dwState == MIB_TCP_STATE_LISTEN)
            found_listener = is_us(table2->table[i].dwOwningPid);
    ok(found_listener, "listener not ours in GetTcpTable2\n");
    HeapFree(GetProcessHeap(), 0, table2);

    ok(GetExtendedTcpTable(NULL, &size, FALSE, AF_UNSPEC, TCP_TABLE_BASIC_ALL, 0) == ERROR_INVALID_PARAMETER,
       "AF_UNSPEC accepted\n");
    closesocket(client);
    closesocket(server);
    closesocket(listener);
}

static void test_tcp6(void)
{
    struct sockaddr_in6 addr;
    SOCKET s = socket(AF_INET6, SOCK_STREAM, 0);
    MIB_TCP6TABLE *table;
    MIB_TCP6TABLE_OWNER_PID *owned;
    int len = sizeof(addr);
    BOOL found = FALSE;
    DWORD i;

    memset(&addr, 0, sizeof(addr));
    addr.sin6_family = AF_INET6;
    addr.sin6_addr.s6_addr[15] = 1;
    if (s == INVALID_SOCKET || bind(s, (struct sockaddr *)&addr, sizeof(addr)) || listen(s, 1))
    {
        skip("no IPv6 loopback: %d\n", WSAGetLastError());
        closesocket(s);
        return;
    }
    getsockname(s, (struct sockaddr *)&addr, &len);
    table = get_table(tcp6_plain, AF_INET6, 0, TRUE);
    for (i = 0; table && i < table->dwNumEntries; i++)
        if ((USHORT)table->table[i].dwLocalPort == addr.sin6_port
            && !memcmp(&table->table[i].LocalAddr, &addr.sin6_addr, 16))
        {
            found = TRUE;
            ok(table->table[i].State == MIB_TCP_STATE_LISTEN, "state %d\n", table->table[i].State);
        }
    ok(found, "[::1] listener not in GetTcp6Table\n");
    HeapFree(GetProcessHeap(), 0, table);

    owned = get_table(tcp_ex, AF_INET6, TCP_TABLE_OWNER_PID_ALL, FALSE);
    found = FALSE;
    for (i = 0; owned && i < owned->dwNumEntries; i++)
        if ((USHORT)owned->table[i].dwLocalPort == addr.sin6_port)
            found = is_us(owned->table[i].dwOwningPid);
    ok(found, "[::1] listener not ours in the IPv6 owner table\n");
    HeapFree(GetProcessHeap(), 0, owned);
    closesocket(s);
}

static void test_udp(void)
{
    struct sockaddr_in addr;
    SOCKET s = socket(AF_INET, SOCK_DGRAM, 0);
    MIB_UDPTABLE *table;
    MIB_UDPTABLE_OWNER_PID *owned;
    int len = sizeof(addr);
    BOOL found = FALSE, sorted = TRUE;
    DWORD i, size = 0;

    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok(!bind(s, (struct sockaddr *)&addr, sizeof(addr)), "bind: %d\n", WSAGetLastError());
    getsockname(s, (struct sockaddr *)&addr, &len);

    ok(GetUdpTable(NULL, &size, FALSE) == ERROR_INSUFFICIENT_BUFFER && size >= FIELD_OFFSET(MIB_UDPTABLE, table[1]),
       "size query %lu\n", size);
    table = get_table(udp_plain, AF_INET, 0, TRUE);
    for (i = 0; table && i < table->dwNumEntries; i++)
    {
        if (i && ntohl(table->table[i - 1].dwLocalAddr) > ntohl(table->table[i].dwLocalAddr)) sorted = FALSE;
        if (table->table[i].dwLocalAddr == htonl(INADDR_LOOPBACK) && (USHORT)table->table[i].dwLocalPort == addr.sin_port)
            found = TRUE;
    }
    ok(found, "UDP socket not in GetUdpTable\n");
    ok(sorted, "not sorted\n");
    HeapFree(GetProcessHeap(), 0, table);

    owned = get_table(udp_ex, AF_INET, UDP_TABLE_OWNER_PID, FALSE);
    found = FALSE;
    for (i = 0; owned && i < owned->dwNumEntries; i++)
        if ((USHORT)owned->table[i].dwLocalPort == addr.sin_port)
            found = is_us(owned->table[i].dwOwningPid);
    ok(found, "UDP socket not ours in the owner table\n");
    HeapFree(GetProcessHeap(), 0, owned);
    closesocket(s);

    /* gone once closed */
    table = get_table(udp_plain, AF_INET, 0, FALSE);
    for (found = FALSE, i = 0; table && i < table->dwNumEntries; i++)
        if (table->table[i].dwLocalAddr == htonl(INADDR_LOOPBACK) && (USHORT)table->table[i].dwLocalPort == addr.sin_port)
            found = TRUE;
    ok(!found, "closed UDP socket still listed\n");
    HeapFree(GetProcessHeap(), 0, table);
}

int main(void)
{
    WSADATA data;

    test_start("iphlpapi/tcptable");
    WSAStartup(MAKEWORD(2, 2), &data);
    test_tcp();
    test_tcp6();
    test_udp();
    WSACleanup();
    return test_summary();
}
