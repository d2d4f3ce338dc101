/*
 * The NETIO tables (netioapi.h) a program frees with FreeMibTable:
 * GetIpForwardTable2 (Linux's main routing tables, /proc/net/route and
 * ipv6_route), GetUnicastIpAddressTable (the snapshot's addresses) and
 * GetIpInterfaceTable (each interface once per family it has addresses
 * of), and their single rows (GetIpInterfaceEntry,
 * GetUnicastIpAddressEntry) with the Initialize* calls. The family is
 * AF_UNSPEC, AF_INET or AF_INET6, else ERROR_INVALID_PARAMETER.
 */
#include "private.h"

static BOOL family_ok(ADDRESS_FAMILY family)
{
    return family == AF_UNSPEC || family == AF_INET || family == AF_INET6;
}

static ULONG64 luid_of_index(const struct iph_snapshot *snap, ULONG index)
{
    const struct iph_if *iface = iph_find_if(snap, index);
    return iface ? iph_luid(iface) : 0;
}

static void set_inet(SOCKADDR_INET *out, BOOL v6, const BYTE *bytes)
{
    memset(out, 0, sizeof(*out));
    out->si_family = v6 ? AF_INET6 : AF_INET;
    if (v6) memcpy(&out->Ipv6.sin6_addr, bytes, 16);
    else memcpy(&out->Ipv4.sin_addr, bytes, 4);
}

/* a table of n rows of row_size after its count, zeroed; NULL when out of memory */
static void *alloc_table(ULONG header, ULONG n, ULONG row_size)
{
    return iph_alloc(header + (SIZE_T)(n ? n : 1) * row_size);
}

DWORD WINAPI GetIpForwardTable2(ADDRESS_FAMILY family, MIB_IPFORWARD_TABLE2 **out)
{
    struct iph_route_list p;
    struct iph_route *routes;
    struct iph_snapshot snap;
    MIB_IPFORWARD_TABLE2 *table;
    ULONG i, n;
    DWORD ret;

    if (!out || !family_ok(family)) return ERROR_INVALID_PARAMETER;
    *out = NULL;
    memset(&p, 0, sizeof(p));
    p.family = family == AF_INET ? 4 : family == AF_INET6 ? 6 : 0;
    if ((ret = iph_get_list(unix_routes, &p, sizeof(*routes), (void **)&routes, &n))) return ret;
    if ((ret = iph_snapshot_get(&snap)))
    {
        iph_free(routes);
        return ret;
    }
    if ((table = alloc_table(FIELD_OFFSET(MIB_IPFORWARD_TABLE2, Table), n, sizeof(MIB_IPFORWARD_ROW2))))
    {
        table->NumEntries = n;
        for (i = 0; i < n; i++)
        {
            MIB_IPFORWARD_ROW2 *row = &table->Table[i];
            const struct iph_route *r = &routes[i];
            const struct iph_if *iface = iph_find_if(&snap, r->index);

            row->InterfaceIndex = r->index;
            row->InterfaceLuid.Value = luid_of_index(&snap, r->index);
            set_inet(&row->DestinationPrefix.Prefix, r->v6, r->dest);
            row->DestinationPrefix.PrefixLength = r->prefix;
            set_inet(&row->NextHop, r->v6, r->gateway);
            row->ValidLifetime = row->PreferredLifetime = 0xffffffff;
            row->Metric = r->metric;
            row->Protocol = MIB_IPPROTO_NETMGMT;
            row->Loopback = iface && iface->type == IF_TYPE_SOFTWARE_LOOPBACK;
            row->Immortal = TRUE;
            row->Origin = NlroManual;
        }
    }
    iph_snapshot_free(&snap);
    iph_free(routes);
    if (!table) return ERROR_NOT_ENOUGH_MEMORY;
    *out = table;
    return NO_ERROR;
}

static BOOL is_link_local6(const SOCKADDR_IN6 *in6)
{
    return in6->sin6_addr.s6_addr[0] == 0xfe && (in6->sin6_addr.s6_addr[1] & 0xc0) == 0x80;
}

static void fill_unicast(MIB_UNICASTIPADDRESS_ROW *row, const struct iph_snapshot *snap, const struct iph_addr *a)
{
    const struct iph_if *iface = iph_find_if(snap, a->index);
    BOOL loopback = iface && iface->type == IF_TYPE_SOFTWARE_LOOPBACK;
    BOOL link_local;

    memcpy(&row->Address, a->addr, a->len > (int)sizeof(row->Address) ? (int)sizeof(row->Address) : a->len);
    link_local = row->Address.si_family == AF_INET6 && is_link_local6(&row->Address.Ipv6);
    row->InterfaceIndex = a->index;
    row->InterfaceLuid.Value = iface ? iph_luid(iface) : 0;
    /* the same origins GetAdaptersAddresses gives */
    row->PrefixOrigin = loopback || link_local ? IpPrefixOriginWellKnown : IpPrefixOriginManual;
    row->SuffixOrigin = link_local ? IpSuffixOriginLinkLayerAddress : loopback ? IpSuffixOriginWellKnown
                                                                               : IpSuffixOriginManual;
    row->ValidLifetime = row->PreferredLifetime = 0xffffffff;
    row->OnLinkPrefixLength = a->prefix;
    row->DadState = IpDadStatePreferred;
    if (row->Address.si_family == AF_INET6 && link_local) row->ScopeId.Value = a->index;
}

DWORD WINAPI GetUnicastIpAddressTable(ADDRESS_FAMILY family, MIB_UNICASTIPADDRESS_TABLE **out)
{
    struct iph_snapshot snap;
    MIB_UNICASTIPADDRESS_TABLE *table;
    ULONG i, n = 0;
    DWORD ret;

    if (!out || !family_ok(family)) return ERROR_INVALID_PARAMETER;
    *out = NULL;
    if ((ret = iph_snapshot_get(&snap))) return ret;
    for (i = 0; i < snap.n_addrs; i++)
    {
        USHORT f = ((const struct sockaddr *)snap.addrs[i].addr)->sa_family;
        n += family == AF_UNSPEC || family == f;
    }
    if ((table = alloc_table(FIELD_OFFSET(MIB_UNICASTIPADDRESS_TABLE, Table), n, sizeof(MIB_UNICASTIPADDRESS_ROW))))
    {
        for (i = 0; i < snap.n_addrs; i++)
        {
            USHORT f = ((const struct sockaddr *)snap.addrs[i].addr)->sa_family;
            if (family != AF_UNSPEC && family != f) continue;
            fill_unicast(&table->Table[table->NumEntries++], &snap, &snap.addrs[i]);
        }
    }
    iph_snapshot_free(&snap);
    if (!table) return ERROR_NOT_ENOUGH_MEMORY;
    *out = table;
    return NO_ERROR;
}

static BOOL has_family(const struct iph_snapshot *snap, ULONG index, USHORT family)
{
    ULONG i;

    for (i = 0; i < snap->n_addrs; i++)
        if (snap->addrs[i].index == index && ((const struct sockaddr *)snap->addrs[i].addr)->sa_family == family)
            return TRUE;
    return FALSE;
}

static void fill_ip_interface(MIB_IPINTERFACE_ROW *row, const struct iph_if *iface, USHORT family)
{
    BOOL loopback = iface->type == IF_TYPE_SOFTWARE_LOOPBACK;

    row->Family = family;
    row->InterfaceLuid.Value = iph_luid(iface);
    row->InterfaceIndex = iface->index;
    row->MaxReassemblySize = 0xffff;
    row->UseAutomaticMetric = TRUE;
    row->UseNeighborUnreachabilityDetection = family == AF_INET6;
    row->SupportsNeighborDiscovery = !loopback;
    row->SupportsRouterDiscovery = !loopback;
    row->DadTransmits = family == AF_INET6 && !loopback;
    row->BaseReachableTime = row->ReachableTime = 30000;
    row->RetransmitTime = 1000;
    row->PathMtuDiscoveryTimeout = 600000;
    row->LinkLocalAddressBehavior = family == AF_INET6 ? LinkLocalAlwaysOn : LinkLocalDelayed;
    row->ZoneIndices[ScopeLevelInterface] = row->ZoneIndices[ScopeLevelLink] = iface->index;
    row->Metric = loopback ? 75 : 25;
    row->NlMtu = iface->mtu;
    row->Connected = iface->up;
}

DWORD WINAPI GetIpInterfaceTable(ADDRESS_FAMILY family, MIB_IPINTERFACE_TABLE **out)
{
    static const USHORT families[] = { AF_INET, AF_INET6 };
    struct iph_snapshot snap;
    MIB_IPINTERFACE_TABLE *table;
    ULONG i, f, n = 0;
    DWORD ret;

    if (!out || !family_ok(family)) return ERROR_INVALID_PARAMETER;
    *out = NULL;
    if ((ret = iph_snapshot_get(&snap))) return ret;
    for (f = 0; f < 2; f++)
        for (i = 0; i < snap.n_ifs; i++)
            n += (family == AF_UNSPEC || family == families[f]) && has_family(&snap, snap.ifs[i].index, families[f]);
    if ((table = alloc_table(FIELD_OFFSET(MIB_IPINTERFACE_TABLE, Table), n, sizeof(MIB_IPINTERFACE_ROW))))
    {
        for (f = 0; f < 2; f++)
            for (i = 0; i < snap.n_ifs; i++)
            {
                if (family != AF_UNSPEC && family != families[f]) continue;
                if (!has_family(&snap, snap.ifs[i].index, families[f])) continue;
                fill_ip_interface(&table->Table[table->NumEntries++], &snap.ifs[i], families[f]);
            }
    }
    iph_snapshot_free(&snap);
    if (!table) return ERROR_NOT_ENOUGH_MEMORY;
    *out = table;
    return NO_ERROR;
}

/* the row of row->Family on the interface of row->InterfaceLuid, else (LUID 0) row->InterfaceIndex */
DWORD WINAPI GetIpInterfaceEntry(MIB_IPINTERFACE_ROW *row)
{
    struct iph_snapshot snap;
    const struct iph_if *found = NULL;
    DWORD ret;
    ULONG i;

    if (!row || (row->Family != AF_INET && row->Family != AF_INET6)) return ERROR_INVALID_PARAMETER;
    if ((ret = iph_snapshot_get(&snap))) return ret;
    for (i = 0; i < snap.n_ifs && !found; i++)
        if (row->InterfaceLuid.Value ? iph_luid(&snap.ifs[i]) == row->InterfaceLuid.Value
                                     : snap.ifs[i].index == row->InterfaceIndex)
            found = &snap.ifs[i];
    /* an interface without an address of the family has no row of it, as in the table */
    if (found && has_family(&snap, found->index, row->Family))
    {
        ADDRESS_FAMILY family = row->Family;
        memset(row, 0, sizeof(*row));
        fill_ip_interface(row, found, family);
    }
    else ret = ERROR_NOT_FOUND;
    iph_snapshot_free(&snap);
    return ret;
}

/* no family, LUID or index; the rest 0 (Windows' own "unset" markers are not reproduced) */
void WINAPI InitializeIpInterfaceEntry(MIB_IPINTERFACE_ROW *row)
{
    if (row) memset(row, 0, sizeof(*row));
}

/* the row of row->Address on the interface of row->InterfaceLuid, else row->InterfaceIndex */
DWORD WINAPI GetUnicastIpAddressEntry(MIB_UNICASTIPADDRESS_ROW *row)
{
    struct iph_snapshot snap;
    const struct iph_addr *found = NULL;
    USHORT family;
    DWORD ret;
    ULONG i;

    if (!row) return ERROR_INVALID_PARAMETER;
    family = row->Address.si_family;
    if (family != AF_INET && family != AF_INET6) return ERROR_INVALID_PARAMETER;
    if ((ret = iph_snapshot_get(&snap))) return ret;
    for (i = 0; i < snap.n_addrs && !found; i++)
    {
        const struct iph_addr *a = &snap.addrs[i];
        const SOCKADDR_INET *have = (const SOCKADDR_INET *)a->addr;
        BOOL same = have->si_family == family
                    && (family == AF_INET ? have->Ipv4.sin_addr.s_addr == row->Address.Ipv4.sin_addr.s_addr
                                          : !memcmp(&have->Ipv6.sin6_addr, &row->Address.Ipv6.sin6_addr, 16));
        if (!same) continue;
        if (row->InterfaceLuid.Value ? luid_of_index(&snap, a->index) != row->InterfaceLuid.Value
                                     : a->index != row->InterfaceIndex)
            continue;
        found = a;
    }
    if (found)
    {
        memset(row, 0, sizeof(*row));
        fill_unicast(row, &snap, found);
    }
    else ret = ERROR_NOT_FOUND;
    iph_snapshot_free(&snap);
    return ret;
}

/* documented defaults: origins unchanged, lifetimes infinite, prefix length 255 (unset) */
void WINAPI InitializeUnicastIpAddressEntry(MIB_UNICASTIPADDRESS_ROW *row)
{
    if (!row) return;
    memset(row, 0, sizeof(*row));
    row->PrefixOrigin = IpPrefixOriginUnchanged;
    row->SuffixOrigin = IpSuffixOriginUnchanged;
    row->ValidLifetime = row->PreferredLifetime = 0xffffffff;
    row->OnLinkPrefixLength = 0xff;
}
