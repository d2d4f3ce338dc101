/*
 * iphlpapi: the interface, address and route tables (GetIfTable,
 * GetIfEntry, GetNumberOfInterfaces, GetInterfaceInfo, GetIpAddrTable,
 * GetIpForwardTable, GetIpForwardTable2, GetIpNetTable, GetUnicastIpAddressTable,
 * GetIpInterfaceTable, GetPerAdapterInfo) and the conversions
 * (ConvertLengthToIpv4Mask, ConvertInterfaceLuidToGuid/GuidToLuid,
 * LuidToAlias/AliasToLuid). The loopback interface must be there with
 * 127.0.0.1; every route Linux reports in /proc/net/route (read through
 * Z:, under Wine and wlx) must be in the route tables, every complete
 * /proc/net/arp entry in GetIpNetTable.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <netioapi.h>
#include "test.h"

static DWORD loopback_index;
static NET_LUID loopback_luid;

static void test_if_table(void)
{
    MIB_IFTABLE *table;
    MIB_IFROW row;
    ULONG size = 0, i, ret;
    DWORD count = 0;

    ok(GetIfTable(NULL, NULL, FALSE) == ERROR_INVALID_PARAMETER, "no size\n");
    ret = GetIfTable(NULL, &size, TRUE);
    ok(ret == ERROR_INSUFFICIENT_BUFFER && size >= FIELD_OFFSET(MIB_IFTABLE, table[1]), "size query %lu %lu\n", ret,
       size);
    table = HeapAlloc(GetProcessHeap(), 0, size);
    ret = GetIfTable(table, &size, TRUE);
    ok(ret == NO_ERROR, "GetIfTable %lu\n", ret);
    if (ret) return;
    ok(!GetNumberOfInterfaces(&count) && count == table->dwNumEntries, "GetNumberOfInterfaces %lu, table %lu\n",
       count, table->dwNumEntries);
    for (i = 0; i < table->dwNumEntries; i++)
    {
        if (i) ok(table->table[i - 1].dwIndex < table->table[i].dwIndex, "not sorted by index\n");
        if (table->table[i].dwType == IF_TYPE_SOFTWARE_LOOPBACK) loopback_index = table->table[i].dwIndex;
        memset(&row, 0, sizeof(row));
        row.dwIndex = table->table[i].dwIndex;
        ret = GetIfEntry(&row);
        ok(!ret && row.dwType == table->table[i].dwType && row.dwMtu == table->table[i].dwMtu
           && !wcscmp(row.wszName, table->table[i].wszName), "GetIfEntry %lu: %lu\n", row.dwIndex, ret);
    }
    ok(loopback_index != 0, "no loopback interface\n");
    memset(&row, 0, sizeof(row));
    row.dwIndex = 0x7ffffff0;
    ret = GetIfEntry(&row);
    /* documented as ERROR_INVALID_DATA; Wine 8 answers otherwise */
    todo_wine(ret == ERROR_INVALID_DATA, "unknown index: %lu\n", ret);
    ok(GetIfEntry(NULL) == ERROR_INVALID_PARAMETER, "NULL row\n");
    HeapFree(GetProcessHeap(), 0, table);
}

static void test_addr_table(void)
{
    MIB_IPADDRTABLE *table;
    ULONG size = 0, i, ret;
    BOOL found = FALSE;

    ret = GetIpAddrTable(NULL, &size, TRUE);
    ok(ret == ERROR_INSUFFICIENT_BUFFER, "size query %lu\n", ret);
    table = HeapAlloc(GetProcessHeap(), 0, size);
    ret = GetIpAddrTable(table, &size, TRUE);
    ok(ret == NO_ERROR, "GetIpAddrTable %lu\n", ret);
    for (i = 0; !ret && i < table->dwNumEntries; i++)
    {
        MIB_IPADDRROW *row = &table->table[i];
        if (i) ok(ntohl(table->table[i - 1].dwAddr) <= ntohl(row->dwAddr), "not sorted\n");
        if (row->dwAddr != htonl(INADDR_LOOPBACK)) continue;
        found = TRUE;
        ok(row->dwIndex == loopback_index, "127.0.0.1 on %lu, loopback is %lu\n", row->dwIndex, loopback_index);
        ok(row->dwMask == htonl(0xff000000), "mask %08lx\n", row->dwMask);
    }
    ok(found, "127.0.0.1 not in GetIpAddrTable\n");
    HeapFree(GetProcessHeap(), 0, table);
}

/* /proc/net/route's routes: destination, gateway, mask (network order); how many */
static int linux_routes(DWORD routes[][3], int max)
{
    char line[256], name[32];
    unsigned int dest, gw, flags, mask;
    int n = 0;
    FILE *f = fopen("Z:\\proc\\net\\route", "r");

    if (!f) return -1;
    while (fgets(line, sizeof(line), f) && n < max)
    {
        if (sscanf(line, "%31s %x %x %x %*d %*d %*u %x", name, &dest, &gw, &flags, &mask) != 5) continue;
        if (!(flags & 1)) continue;
        routes[n][0] = dest;
        routes[n][1] = gw;
        routes[n][2] = mask;
        n++;
    }
    fclose(f);
    return n;
}

static void test_forward_table(void)
{
    DWORD routes[64][3];
    MIB_IPFORWARDTABLE *table;
    MIB_IPFORWARD_TABLE2 *table2 = NULL;
    int n = linux_routes(routes, 64), i;
    ULONG size = 0, j, ret;

    ret = GetIpForwardTable(NULL, &size, FALSE);
    ok(ret == ERROR_INSUFFICIENT_BUFFER, "size query %lu\n", ret);
    table = HeapAlloc(GetProcessHeap(), 0, size + 4096);
    size += 4096;
    ret = GetIpForwardTable(table, &size, TRUE);
    ok(ret == NO_ERROR, "GetIpForwardTable %lu\n", ret);
    ret = GetIpForwardTable2(AF_INET, &table2);
    ok(ret == NO_ERROR && table2, "GetIpForwardTable2 %lu\n", ret);
    ok(GetIpForwardTable2(12345, &table2) == ERROR_INVALID_PARAMETER, "bad family\n");
    if (n < 0) skip("no /proc/net/route here\n");
    for (i = 0; i < n && table && table2; i++)
    {
        BOOL found = FALSE, found2 = FALSE;
        for (j = 0; j < table->dwNumEntries; j++)
        {
            MIB_IPFORWARDROW *row = &table->table[j];
            if (row->dwForwardDest == routes[i][0] && row->dwForwardMask == routes[i][2]
                && (!routes[i][1] || row->dwForwardNextHop == routes[i][1]))
                found = TRUE;
        }
        for (j = 0; j < table2->NumEntries; j++)
        {
            MIB_IPFORWARD_ROW2 *row = &table2->Table[j];
            ULONG mask;
            ConvertLengthToIpv4Mask(row->DestinationPrefix.PrefixLength, &mask);
            if (row->DestinationPrefix.Prefix.Ipv4.sin_addr.s_addr == routes[i][0] && mask == routes[i][2]
                && (!routes[i][1] || row->NextHop.Ipv4.sin_addr.s_addr == routes[i][1]))
                found2 = TRUE;
        }
        ok(found, "route %08lx/%08lx via %08lx not in GetIpForwardTable\n", routes[i][0], routes[i][2], routes[i][1]);
        ok(found2, "route %08lx/%08lx not in GetIpForwardTable2\n", routes[i][0], routes[i][2]);
    }
    HeapFree(GetProcessHeap(), 0, table);
    FreeMibTable(table2);
}

/* every complete entry of /proc/net/arp (read through Z:) is in GetIpNetTable with its MAC */
static void test_net_table(void)
{
    char line[256], ip[64], mac[64];
    unsigned int type, flags, b[6];
    MIB_IPNETTABLE *table = NULL;
    ULONG size = 0, ret, i, checked = 0;
    FILE *f;

    ok(GetIpNetTable(NULL, NULL, FALSE) == ERROR_INVALID_PARAMETER, "no size\n");
    ret = GetIpNetTable(NULL, &size, TRUE);
    if (ret == ERROR_NO_DATA)
    {
        skip("empty ARP table\n");
        return;
    }
    ok(ret == ERROR_INSUFFICIENT_BUFFER, "size query %lu\n", ret);
    size += 64 * sizeof(MIB_IPNETROW);
    table = HeapAlloc(GetProcessHeap(), 0, size);
    ret = GetIpNetTable(table, &size, TRUE);
    ok(!ret, "GetIpNetTable %lu\n", ret);
    if (ret || !(f = fopen("Z:\\proc\\net\\arp", "r")))
    {
        HeapFree(GetProcessHeap(), 0, table);
        return;
    }
    while (fgets(line, sizeof(line), f))
    {
        ULONG addr;
        BOOL found = FALSE;

        if (sscanf(line, "%63s %x %x %63s", ip, &type, &flags, mac) != 4 || !(flags & 2)) continue;
        if (inet_pton(AF_INET, ip, &addr) != 1) continue;
        if (sscanf(mac, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5]) != 6) continue;
        for (i = 0; i < table->dwNumEntries; i++)
        {
            MIB_IPNETROW *row = &table->table[i];
            if (row->dwAddr != addr) continue;
            found = row->dwPhysAddrLen == 6 && row->bPhysAddr[0] == b[0] && row->bPhysAddr[5] == b[5];
            ok(row->dwType == MIB_IPNET_TYPE_DYNAMIC || row->dwType == MIB_IPNET_TYPE_STATIC, "%s: type %lu\n", ip,
               row->dwType);
        }
        ok(found, "%s (%s) not in GetIpNetTable\n", ip, mac);
        checked++;
    }
    fclose(f);
    if (!checked) skip("no complete ARP entry\n");
    HeapFree(GetProcessHeap(), 0, table);
}

/* Wine 8 has InitializeUnicastIpAddressEntry and InitializeIpInterfaceEntry as stubs that end the process */
static void init_unicast(MIB_UNICASTIPADDRESS_ROW *row)
{
    if (test_is("wine")) memset(row, 0, sizeof(*row));
    else InitializeUnicastIpAddressEntry(row);
}

static void init_ip_interface(MIB_IPINTERFACE_ROW *row)
{
    if (test_is("wine")) memset(row, 0, sizeof(*row));
    else InitializeIpInterfaceEntry(row);
}

static void test_netio_tables(void)
{
    MIB_UNICASTIPADDRESS_TABLE *addrs = NULL;
    MIB_IPINTERFACE_TABLE *ifs = NULL;
    MIB_UNICASTIPADDRESS_ROW row;
    MIB_IPINTERFACE_ROW ifrow;
    BOOL found = FALSE;
    ULONG i, ret;

    ret = GetUnicastIpAddressTable(AF_INET, &addrs);
    ok(ret == NO_ERROR && addrs, "GetUnicastIpAddressTable %lu\n", ret);
    for (i = 0; addrs && i < addrs->NumEntries; i++)
    {
        MIB_UNICASTIPADDRESS_ROW *row = &addrs->Table[i];
        ok(row->Address.si_family == AF_INET, "family %d\n", row->Address.si_family);
        if (row->Address.Ipv4.sin_addr.s_addr != htonl(INADDR_LOOPBACK)) continue;
        found = TRUE;
        loopback_luid = row->InterfaceLuid;
        ok(row->InterfaceIndex == loopback_index && row->OnLinkPrefixLength == 8, "127.0.0.1: index %lu prefix %u\n",
           row->InterfaceIndex, row->OnLinkPrefixLength);
    }
    ok(found, "127.0.0.1 not in GetUnicastIpAddressTable\n");
    FreeMibTable(addrs);

    /* one address row, by address and interface index */
    init_unicast(&row);
    if (!test_is("wine"))
        ok(row.ValidLifetime == 0xffffffff && row.OnLinkPrefixLength == 0xff
           && row.PrefixOrigin == IpPrefixOriginUnchanged, "initialized: lifetime %lx prefix %u\n", row.ValidLifetime,
           row.OnLinkPrefixLength);
    row.Address.Ipv4.sin_family = AF_INET;
    row.Address.Ipv4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    row.InterfaceIndex = loopback_index;
    ret = GetUnicastIpAddressEntry(&row);
    ok(!ret && row.OnLinkPrefixLength == 8 && row.InterfaceLuid.Value == loopback_luid.Value,
       "GetUnicastIpAddressEntry: %lu prefix %u\n", ret, row.OnLinkPrefixLength);
    init_unicast(&row);
    row.Address.Ipv4.sin_family = AF_INET;
    row.Address.Ipv4.sin_addr.s_addr = htonl(0x7f000063);   /* 127.0.0.99: lo answers it, but it is no address */
    row.InterfaceIndex = loopback_index;
    ret = GetUnicastIpAddressEntry(&row);
    ok(ret == ERROR_NOT_FOUND, "127.0.0.99: %lu\n", ret);

    ret = GetIpInterfaceTable(AF_UNSPEC, &ifs);
    if (ret == ERROR_NOT_SUPPORTED && test_is("wine"))
    {
        skip("Wine 8's GetIpInterfaceTable is not implemented\n");
        return;
    }
    ok(ret == NO_ERROR && ifs, "GetIpInterfaceTable %lu\n", ret);
    for (found = FALSE, i = 0; ifs && i < ifs->NumEntries; i++)
        if (ifs->Table[i].InterfaceIndex == loopback_index && ifs->Table[i].Family == AF_INET)
        {
            found = TRUE;
            ok(ifs->Table[i].InterfaceLuid.Value == loopback_luid.Value, "LUID differs\n");
        }
    ok(found, "loopback not in GetIpInterfaceTable\n");
    FreeMibTable(ifs);

    init_ip_interface(&ifrow);
    ifrow.Family = AF_INET;
    ifrow.InterfaceLuid = loopback_luid;
    ret = GetIpInterfaceEntry(&ifrow);
    ok(!ret && ifrow.InterfaceIndex == loopback_index && ifrow.Family == AF_INET, "GetIpInterfaceEntry: %lu index %lu\n",
       ret, ifrow.InterfaceIndex);
    init_ip_interface(&ifrow);
    ifrow.Family = AF_INET;
    ifrow.InterfaceIndex = 0x7ffffff0;
    ok(GetIpInterfaceEntry(&ifrow) == ERROR_NOT_FOUND, "unknown interface\n");
}

static void test_conversions(void)
{
    IP_ADAPTER_ADDRESSES *adapters, *ad;
    ULONG mask = 0, size = 0;
    NET_LUID luid;
    GUID guid;
    WCHAR alias[256];

    ok(!ConvertLengthToIpv4Mask(24, &mask) && mask == htonl(0xffffff00), "24: %08lx\n", mask);
    ok(!ConvertLengthToIpv4Mask(0, &mask) && mask == 0, "0: %08lx\n", mask);
    ok(ConvertLengthToIpv4Mask(33, &mask) == ERROR_INVALID_PARAMETER && mask == INADDR_NONE, "33: %08lx\n", mask);

    if (!loopback_luid.Value) return;
    ok(!ConvertInterfaceLuidToGuid(&loopback_luid, &guid), "LuidToGuid\n");
    ok(!ConvertInterfaceGuidToLuid(&guid, &luid) && luid.Value == loopback_luid.Value, "GuidToLuid\n");
    ok(!ConvertInterfaceLuidToAlias(&loopback_luid, alias, ARRAYSIZE(alias)), "LuidToAlias\n");
    ok(!ConvertInterfaceAliasToLuid(alias, &luid) && luid.Value == loopback_luid.Value, "AliasToLuid %ls\n", alias);

    /* the alias is GetAdaptersAddresses' friendly name */
    GetAdaptersAddresses(AF_UNSPEC, 0, NULL, NULL, &size);
    adapters = HeapAlloc(GetProcessHeap(), 0, size);
    if (!GetAdaptersAddresses(AF_UNSPEC, 0, NULL, adapters, &size))
        for (ad = adapters; ad; ad = ad->Next)
            if (ad->Luid.Value == loopback_luid.Value)
                ok(!wcscmp(ad->FriendlyName, alias), "alias %ls, friendly name %ls\n", alias, ad->FriendlyName);
    HeapFree(GetProcessHeap(), 0, adapters);
}

static void test_interface_info(void)
{
    IP_INTERFACE_INFO *info;
    ULONG size = 0, ret, i;
    MIB_IFROW row;

    ok(GetInterfaceInfo(NULL, NULL) == ERROR_INVALID_PARAMETER, "no size\n");
    ret = GetInterfaceInfo(NULL, &size);
    if (ret == ERROR_NO_DATA)
    {
        skip("no adapter besides loopback\n");
        return;
    }
    ok(ret == ERROR_INSUFFICIENT_BUFFER, "size query %lu\n", ret);
    info = HeapAlloc(GetProcessHeap(), 0, size);
    ret = GetInterfaceInfo(info, &size);
    ok(!ret, "GetInterfaceInfo %lu\n", ret);
    for (i = 0; !ret && i < (ULONG)info->NumAdapters; i++)
    {
        ULONG per_size = 0;

        memset(&row, 0, sizeof(row));
        row.dwIndex = info->Adapter[i].Index;
        ok(!GetIfEntry(&row) && row.dwType != IF_TYPE_SOFTWARE_LOOPBACK, "adapter %lu\n", row.dwIndex);
        ok(!wcsncmp(info->Adapter[i].Name, L"\\DEVICE\\TCPIP_{", 15), "name %ls\n", info->Adapter[i].Name);
        ret = GetPerAdapterInfo(row.dwIndex, NULL, &per_size);
        ok(ret == ERROR_BUFFER_OVERFLOW && per_size >= sizeof(IP_PER_ADAPTER_INFO), "GetPerAdapterInfo %lu %lu\n",
           ret, per_size);
        if (ret == ERROR_BUFFER_OVERFLOW)
        {
            IP_PER_ADAPTER_INFO *per = HeapAlloc(GetProcessHeap(), 0, per_size);
            ret = GetPerAdapterInfo(row.dwIndex, per, &per_size);
            ok(!ret, "GetPerAdapterInfo %lu\n", ret);
            HeapFree(GetProcessHeap(), 0, per);
        }
        ret = 0;
    }
    HeapFree(GetProcessHeap(), 0, info);
}

int main(void)
{
    test_start("iphlpapi/iptables");
    test_if_table();
    test_addr_table();
    test_forward_table();
    test_net_table();
    test_netio_tables();
    test_conversions();
    test_interface_info();
    return test_summary();
}
