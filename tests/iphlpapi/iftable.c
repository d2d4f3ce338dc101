/*
 * iphlpapi: GetIfTable2 and GetIfEntry2 describe the interfaces
 * GetAdaptersAddresses lists (same indices, LUIDs, names, MTUs), a
 * loopback among them; an unknown interface is ERROR_FILE_NOT_FOUND.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <netioapi.h>
#include "test.h"

/* the adapter of `index` in the list, or NULL */
static IP_ADAPTER_ADDRESSES *find_adapter(IP_ADAPTER_ADDRESSES *list, ULONG index)
{
    for (; list; list = list->Next) if (list->IfIndex == index) return list;
    return NULL;
}

static void test_table(IP_ADAPTER_ADDRESSES *adapters)
{
    MIB_IF_TABLE2 *table = NULL;
    IP_ADAPTER_ADDRESSES *ad;
    BOOL loopback = FALSE;
    ULONG i, ret;

    ret = GetIfTable2(&table);
    ok(ret == NO_ERROR && table, "GetIfTable2: %lu\n", ret);
    if (!table) return;
    ok(table->NumEntries >= 1, "%lu entries\n", table->NumEntries);
    for (i = 0; i < table->NumEntries; i++)
    {
        MIB_IF_ROW2 *row = &table->Table[i], entry;

        if (row->Type == IF_TYPE_SOFTWARE_LOOPBACK) loopback = TRUE;
        ok(row->InterfaceIndex != 0, "row %lu: index 0\n", i);
        /* the table has NDIS filter and hidden interfaces too: compare only what GetAdaptersAddresses lists */
        if ((ad = find_adapter(adapters, row->InterfaceIndex)))
        {
            ok(ad->Luid.Value == row->InterfaceLuid.Value, "index %lu: LUID %I64x, adapter %I64x\n",
               row->InterfaceIndex, row->InterfaceLuid.Value, ad->Luid.Value);
            ok(ad->Mtu == row->Mtu, "index %lu: MTU %lu, adapter %lu\n", row->InterfaceIndex, row->Mtu, ad->Mtu);
            ok(ad->IfType == row->Type, "index %lu: type %lu, adapter %lu\n", row->InterfaceIndex, row->Type,
               ad->IfType);
            ok(!wcscmp(ad->FriendlyName, row->Alias), "index %lu: alias %ls, adapter %ls\n", row->InterfaceIndex,
               row->Alias, ad->FriendlyName);
        }
        /* one row again, by index then by LUID */
        memset(&entry, 0, sizeof(entry));
        entry.InterfaceIndex = row->InterfaceIndex;
        ret = GetIfEntry2(&entry);
        ok(ret == NO_ERROR && entry.InterfaceLuid.Value == row->InterfaceLuid.Value, "entry by index %lu: %lu\n",
           row->InterfaceIndex, ret);
        memset(&entry, 0, sizeof(entry));
        entry.InterfaceLuid = row->InterfaceLuid;
        ret = GetIfEntry2(&entry);
        ok(ret == NO_ERROR && entry.InterfaceIndex == row->InterfaceIndex, "entry by LUID: %lu, index %lu\n",
           ret, entry.InterfaceIndex);
        ok(entry.InOctets >= row->InOctets, "index %lu: InOctets went back\n", row->InterfaceIndex);
    }
    ok(loopback, "no loopback interface\n");
    FreeMibTable(table);
}

/* the route to the loopback address: through the loopback interface,
   from 127.0.0.1, the same interface GetBestInterface names */
static void test_best_route2(void)
{
    SOCKADDR_INET dest, source;
    MIB_IPFORWARD_ROW2 route;
    DWORD index = 0, ret;

    memset(&dest, 0, sizeof(dest));
    dest.Ipv4.sin_family = AF_INET;
    dest.Ipv4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ret = GetBestRoute2(NULL, 0, NULL, &dest, 0, &route, &source);
    /* Wine 8.0's GetBestRoute2 is a stub answering ERROR_NOT_SUPPORTED */
    todo_wine(ret == NO_ERROR, "GetBestRoute2: %lu\n", ret);
    if (ret) return;
    ok(source.si_family == AF_INET && source.Ipv4.sin_addr.s_addr == htonl(INADDR_LOOPBACK),
       "source %08lx\n", (unsigned long)ntohl(source.Ipv4.sin_addr.s_addr));
    ok(GetBestInterface(htonl(INADDR_LOOPBACK), &index) == NO_ERROR, "GetBestInterface\n");
    ok(route.InterfaceIndex == index, "route interface %lu, best interface %lu\n", route.InterfaceIndex, index);
    ok(route.NextHop.si_family == AF_INET, "next hop family %u\n", route.NextHop.si_family);
    ok(GetBestRoute2(NULL, 0, NULL, NULL, 0, &route, &source) == ERROR_INVALID_PARAMETER, "NULL destination\n");
}

int main(void)
{
    IP_ADAPTER_ADDRESSES *adapters;
    MIB_IF_ROW2 row;
    ULONG size = 0, ret;

    test_start("iphlpapi/iftable");
    GetAdaptersAddresses(AF_UNSPEC, 0, NULL, NULL, &size);
    adapters = malloc(size);
    if (GetAdaptersAddresses(AF_UNSPEC, 0, NULL, adapters, &size)) { free(adapters); adapters = NULL; }
    test_table(adapters);
    free(adapters);

    memset(&row, 0, sizeof(row));
    row.InterfaceIndex = 0x7ffffff0;
    ret = GetIfEntry2(&row);
    ok(ret == ERROR_FILE_NOT_FOUND, "unknown interface: %lu\n", ret);
    ok(GetIfEntry2(NULL) == ERROR_INVALID_PARAMETER, "NULL row accepted\n");
    ok(GetIfTable2(NULL) == ERROR_INVALID_PARAMETER, "NULL table pointer accepted\n");
    test_best_route2();
    return test_summary();
}
