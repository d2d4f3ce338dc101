/*
 * The IPv4-era tables and counts: GetIfTable, GetIfEntry,
 * GetNumberOfInterfaces, GetInterfaceInfo, GetIpAddrTable,
 * GetIpForwardTable, GetIpNetTable, GetPerAdapterInfo,
 * ConvertLengthToIpv4Mask.
 *
 * Each caller-buffer table answers ERROR_INSUFFICIENT_BUFFER with the size
 * it needs when the buffer is missing or short (GetPerAdapterInfo, like
 * GetAdaptersInfo, ERROR_BUFFER_OVERFLOW). The route table is Linux's main
 * table (/proc/net/route): Windows' extra host and loopback routes, which
 * Linux keeps in its local table, are not in it.
 */
#include "private.h"

static void copy_wide(WCHAR *dst, const char *src, size_t size)
{
    size_t i;

    for (i = 0; i + 1 < size && src[i]; i++) dst[i] = (BYTE)src[i];
    dst[i] = 0;
}

static DWORD clamp32(ULONG64 v)
{
    return v > 0xffffffff ? 0xffffffff : (DWORD)v;
}

/* "\DEVICE\TCPIP_{GUID}": Windows' name of an interface in MIB_IFROW and IP_INTERFACE_INFO */
static void device_name(ULONG index, WCHAR *out, size_t size)
{
    char name[64], guid[40];

    iph_adapter_name(index, guid);
    strcpy(name, "\\DEVICE\\TCPIP_");
    strcat(name, guid);
    copy_wide(out, name, size);
}

static void fill_if_row(MIB_IFROW *row, const struct iph_if *iface)
{
    const struct iph_if_counters *c = &iface->stats;

    memset(row, 0, sizeof(*row));
    device_name(iface->index, row->wszName, ARRAYSIZE(row->wszName));
    row->dwIndex = iface->index;
    row->dwType = iface->type;
    row->dwMtu = iface->mtu;
    row->dwSpeed = clamp32(iface->speed);
    row->dwPhysAddrLen = iface->mac_len;
    memcpy(row->bPhysAddr, iface->mac, iface->mac_len);
    row->dwAdminStatus = MIB_IF_ADMIN_STATUS_UP;
    row->dwOperStatus = iface->up ? IF_OPER_STATUS_OPERATIONAL : IF_OPER_STATUS_NON_OPERATIONAL;
    row->dwInOctets = (DWORD)c->in_octets;
    row->dwInUcastPkts = (DWORD)(c->in_packets > c->in_multicast ? c->in_packets - c->in_multicast : 0);
    row->dwInNUcastPkts = (DWORD)c->in_multicast;
    row->dwInDiscards = (DWORD)c->in_discards;
    row->dwInErrors = (DWORD)c->in_errors;
    row->dwOutOctets = (DWORD)c->out_octets;
    row->dwOutUcastPkts = (DWORD)c->out_packets;
    row->dwOutDiscards = (DWORD)c->out_discards;
    row->dwOutErrors = (DWORD)c->out_errors;
    /* the description GetIfEntry2 gives, with its nul */
    lstrcpynA((char *)row->bDescr, iface->name, sizeof(row->bDescr));
    row->dwDescrLen = strlen((char *)row->bDescr) + 1;
}

static int cmp_if_rows(const void *a, const void *b)
{
    DWORD x = ((const MIB_IFROW *)a)->dwIndex, y = ((const MIB_IFROW *)b)->dwIndex;
    return x < y ? -1 : x > y;
}

DWORD WINAPI GetIfTable(MIB_IFTABLE *table, ULONG *size, BOOL order)
{
    struct iph_snapshot snap;
    ULONG i, need;
    DWORD ret;

    if (!size) return ERROR_INVALID_PARAMETER;
    if ((ret = iph_snapshot_get(&snap))) return ret;
    need = FIELD_OFFSET(MIB_IFTABLE, table[snap.n_ifs]);
    if (!table || *size < need)
    {
        *size = need;
        ret = ERROR_INSUFFICIENT_BUFFER;
    }
    else
    {
        table->dwNumEntries = snap.n_ifs;
        for (i = 0; i < snap.n_ifs; i++) fill_if_row(&table->table[i], &snap.ifs[i]);
        if (order)
        {
            MIB_IFROW tmp;
            iph_sort(table->table, snap.n_ifs, sizeof(MIB_IFROW), cmp_if_rows, &tmp);
        }
        *size = need;
    }
    iph_snapshot_free(&snap);
    return ret;
}

/* the row of row->dwIndex */
DWORD WINAPI GetIfEntry(MIB_IFROW *row)
{
    struct iph_snapshot snap;
    const struct iph_if *iface;
    DWORD ret;

    if (!row) return ERROR_INVALID_PARAMETER;
    if ((ret = iph_snapshot_get(&snap))) return ret;
    if ((iface = iph_find_if(&snap, row->dwIndex))) fill_if_row(row, iface);
    else ret = ERROR_INVALID_DATA;
    iph_snapshot_free(&snap);
    return ret;
}

DWORD WINAPI GetNumberOfInterfaces(DWORD *count)
{
    struct iph_snapshot snap;
    DWORD ret;

    if (!count) return ERROR_INVALID_PARAMETER;
    if ((ret = iph_snapshot_get(&snap))) return ret;
    *count = snap.n_ifs;
    iph_snapshot_free(&snap);
    return NO_ERROR;
}

/* the adapters GetAdaptersInfo lists: every interface but loopback */
DWORD WINAPI GetInterfaceInfo(IP_INTERFACE_INFO *info, ULONG *size)
{
    struct iph_snapshot snap;
    ULONG i, n = 0, need;
    DWORD ret;

    if (!size) return ERROR_INVALID_PARAMETER;
    if ((ret = iph_snapshot_get(&snap))) return ret;
    for (i = 0; i < snap.n_ifs; i++) n += snap.ifs[i].type != IF_TYPE_SOFTWARE_LOOPBACK;
    need = FIELD_OFFSET(IP_INTERFACE_INFO, Adapter[n]);
    if (!info || *size < need)
    {
        *size = need;
        ret = ERROR_INSUFFICIENT_BUFFER;
    }
    else
    {
        info->NumAdapters = 0;
        for (i = 0; i < snap.n_ifs; i++)
        {
            IP_ADAPTER_INDEX_MAP *map = &info->Adapter[info->NumAdapters];
            if (snap.ifs[i].type == IF_TYPE_SOFTWARE_LOOPBACK) continue;
            map->Index = snap.ifs[i].index;
            device_name(snap.ifs[i].index, map->Name, ARRAYSIZE(map->Name));
            info->NumAdapters++;
        }
        *size = need;
    }
    iph_snapshot_free(&snap);
    return ret;
}

static ULONG mask_of(ULONG prefix)
{
    ULONG host = prefix >= 32 ? 0xffffffff : prefix ? ~0u << (32 - prefix) : 0;
    return __builtin_bswap32(host);
}

DWORD WINAPI ConvertLengthToIpv4Mask(ULONG length, ULONG *mask)
{
    if (!mask) return ERROR_INVALID_PARAMETER;
    if (length > 32)
    {
        *mask = INADDR_NONE;
        return ERROR_INVALID_PARAMETER;
    }
    *mask = mask_of(length);
    return NO_ERROR;
}

static int cmp_addr_rows(const void *a, const void *b)
{
    DWORD x = __builtin_bswap32(((const MIB_IPADDRROW *)a)->dwAddr);
    DWORD y = __builtin_bswap32(((const MIB_IPADDRROW *)b)->dwAddr);
    return x < y ? -1 : x > y;
}

DWORD WINAPI GetIpAddrTable(MIB_IPADDRTABLE *table, ULONG *size, BOOL order)
{
    struct iph_snapshot snap;
    ULONG i, n = 0, need;
    DWORD ret;

    if (!size) return ERROR_INVALID_PARAMETER;
    if ((ret = iph_snapshot_get(&snap))) return ret;
    for (i = 0; i < snap.n_addrs; i++) n += ((struct sockaddr *)snap.addrs[i].addr)->sa_family == AF_INET;
    need = FIELD_OFFSET(MIB_IPADDRTABLE, table[n]);
    if (!table || *size < need)
    {
        *size = need;
        ret = ERROR_INSUFFICIENT_BUFFER;
    }
    else
    {
        memset(table, 0, need);
        for (i = 0; i < snap.n_addrs; i++)
        {
            const struct sockaddr_in *in = (const struct sockaddr_in *)snap.addrs[i].addr;
            MIB_IPADDRROW *row = &table->table[table->dwNumEntries];

            if (in->sin_family != AF_INET) continue;
            row->dwAddr = in->sin_addr.s_addr;
            row->dwIndex = snap.addrs[i].index;
            row->dwMask = mask_of(snap.addrs[i].prefix);
            row->dwBCastAddr = 1;   /* what Windows puts there: the broadcast address's low bit */
            row->dwReasmSize = 0xffff;
            row->wType = MIB_IPADDR_PRIMARY;
            table->dwNumEntries++;
        }
        if (order)
        {
            MIB_IPADDRROW tmp;
            iph_sort(table->table, table->dwNumEntries, sizeof(MIB_IPADDRROW), cmp_addr_rows, &tmp);
        }
        *size = need;
    }
    iph_snapshot_free(&snap);
    return ret;
}

static int cmp_forward_rows(const void *a, const void *b)
{
    const MIB_IPFORWARDROW *x = a, *y = b;
    DWORD dx = __builtin_bswap32(x->dwForwardDest), dy = __builtin_bswap32(y->dwForwardDest);
    DWORD mx = __builtin_bswap32(x->dwForwardMask), my = __builtin_bswap32(y->dwForwardMask);

    if (dx != dy) return dx < dy ? -1 : 1;
    if (mx != my) return mx < my ? -1 : 1;
    return x->dwForwardMetric1 < y->dwForwardMetric1 ? -1 : x->dwForwardMetric1 > y->dwForwardMetric1;
}

DWORD WINAPI GetIpForwardTable(MIB_IPFORWARDTABLE *table, ULONG *size, BOOL order)
{
    struct iph_route_list p;
    struct iph_route *routes;
    ULONG i, n, need;
    DWORD ret;

    if (!size) return ERROR_INVALID_PARAMETER;
    memset(&p, 0, sizeof(p));
    p.family = 4;
    if ((ret = iph_get_list(unix_routes, &p, sizeof(*routes), (void **)&routes, &n))) return ret;
    if (!n)
    {
        iph_free(routes);
        return ERROR_NO_DATA;   /* documented: no routes */
    }
    need = FIELD_OFFSET(MIB_IPFORWARDTABLE, table[n]);
    if (!table || *size < need)
    {
        *size = need;
        iph_free(routes);
        return ERROR_INSUFFICIENT_BUFFER;
    }
    memset(table, 0, need);
    table->dwNumEntries = n;
    for (i = 0; i < n; i++)
    {
        MIB_IPFORWARDROW *row = &table->table[i];
        DWORD gateway;

        memcpy(&row->dwForwardDest, routes[i].dest, 4);
        memcpy(&gateway, routes[i].gateway, 4);
        row->dwForwardMask = mask_of(routes[i].prefix);
        row->dwForwardNextHop = gateway;
        row->dwForwardIfIndex = routes[i].index;
        row->dwForwardType = gateway ? MIB_IPROUTE_TYPE_INDIRECT : MIB_IPROUTE_TYPE_DIRECT;
        row->dwForwardProto = MIB_IPPROTO_NETMGMT;
        row->dwForwardMetric1 = routes[i].metric;
        row->dwForwardMetric2 = row->dwForwardMetric3 = row->dwForwardMetric4 = row->dwForwardMetric5 = ~0u;
    }
    if (order)
    {
        MIB_IPFORWARDROW tmp;
        iph_sort(table->table, n, sizeof(MIB_IPFORWARDROW), cmp_forward_rows, &tmp);
    }
    *size = need;
    iph_free(routes);
    return NO_ERROR;
}

static int cmp_net_rows(const void *a, const void *b)
{
    const MIB_IPNETROW *x = a, *y = b;
    DWORD ax = __builtin_bswap32(x->dwAddr), ay = __builtin_bswap32(y->dwAddr);

    if (x->dwIndex != y->dwIndex) return x->dwIndex < y->dwIndex ? -1 : 1;
    return ax < ay ? -1 : ax > ay;
}

/* Linux's ARP table: complete entries dynamic, permanent ones static, the others invalid */
DWORD WINAPI GetIpNetTable(MIB_IPNETTABLE *table, ULONG *size, BOOL order)
{
    struct iph_neighbor_list p;
    struct iph_neighbor *rows;
    ULONG i, n, need;
    DWORD ret;

    if (!size) return ERROR_INVALID_PARAMETER;
    memset(&p, 0, sizeof(p));
    if ((ret = iph_get_list(unix_neighbors, &p, sizeof(*rows), (void **)&rows, &n))) return ret;
    if (!n)
    {
        iph_free(rows);
        return ERROR_NO_DATA;   /* documented for an empty table */
    }
    need = FIELD_OFFSET(MIB_IPNETTABLE, table[n]);
    if (!table || *size < need)
    {
        *size = need;
        iph_free(rows);
        return ERROR_INSUFFICIENT_BUFFER;
    }
    memset(table, 0, need);
    table->dwNumEntries = n;
    for (i = 0; i < n; i++)
    {
        MIB_IPNETROW *row = &table->table[i];

        row->dwIndex = rows[i].index;
        row->dwPhysAddrLen = rows[i].mac_len;
        memcpy(row->bPhysAddr, rows[i].mac, rows[i].mac_len);
        row->dwAddr = rows[i].addr;
        row->dwType = (rows[i].flags & 4) ? MIB_IPNET_TYPE_STATIC
                      : (rows[i].flags & 2) ? MIB_IPNET_TYPE_DYNAMIC : MIB_IPNET_TYPE_INVALID;
    }
    if (order)
    {
        MIB_IPNETROW tmp;
        iph_sort(table->table, n, sizeof(MIB_IPNETROW), cmp_net_rows, &tmp);
    }
    *size = need;
    iph_free(rows);
    return NO_ERROR;
}

/* the name servers of an adapter: the host's, the first in the structure, the rest after it */
DWORD WINAPI GetPerAdapterInfo(ULONG index, IP_PER_ADAPTER_INFO *info, ULONG *size)
{
    struct iph_snapshot snap;
    struct iph_net_params net;
    IP_ADDR_STRING *cur, *extra;
    ULONG i, n4 = 0, need;
    BOOL known;
    DWORD ret;

    if (!size) return ERROR_INVALID_PARAMETER;
    if ((ret = iph_snapshot_get(&snap))) return ret;
    known = iph_find_if(&snap, index) != NULL;
    iph_snapshot_free(&snap);
    if (!known) return ERROR_NO_DATA;
    memset(&net, 0, sizeof(net));
    iph_unix_call(unix_network_params, &net);
    for (i = 0; i < net.n_dns; i++) n4 += ((const struct sockaddr *)net.dns[i].addr)->sa_family == AF_INET;
    need = sizeof(IP_PER_ADAPTER_INFO) + (n4 > 1 ? n4 - 1 : 0) * sizeof(IP_ADDR_STRING);
    if (!info || *size < need)
    {
        *size = need;
        return ERROR_BUFFER_OVERFLOW;
    }
    memset(info, 0, need);
    cur = &info->DnsServerList;
    extra = (IP_ADDR_STRING *)(info + 1);
    for (i = 0; i < net.n_dns; i++)
    {
        const struct sockaddr_in *in = (const struct sockaddr_in *)net.dns[i].addr;

        if (in->sin_family != AF_INET) continue;
        if (info->CurrentDnsServer)
        {
            cur->Next = extra++;
            cur = cur->Next;
        }
        iph_ip_string(cur->IpAddress.String, in->sin_addr.s_addr);
        info->CurrentDnsServer = &info->DnsServerList;
    }
    *size = need;
    return NO_ERROR;
}
