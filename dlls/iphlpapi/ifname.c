/*
 * Interface names, indices and LUIDs (if_nametoindex, if_indextoname,
 * ConvertInterface*), and route choice (GetBestInterface(Ex),
 * GetBestRoute, GetFriendlyIfIndex). An interface's name is Windows' LUID name, "<type>_<n>"
 * (ethernet_4, loopback_1); the Linux name (eth0) is accepted too.
 */
#include "private.h"

static const char *type_name(ULONG type)
{
    switch (type)
    {
    case IF_TYPE_ETHERNET_CSMACD: return "ethernet";
    case IF_TYPE_SOFTWARE_LOOPBACK: return "loopback";
    case IF_TYPE_IEEE80211: return "wireless";
    case IF_TYPE_TUNNEL: return "tunnel";
    case IF_TYPE_PPP: return "ppp";
    }
    return "other";
}

static void luid_name(const struct iph_if *iface, char name[64])
{
    char digits[12];
    ULONG v = iface->index, n = 0;

    do digits[n++] = '0' + v % 10; while (v /= 10);
    strcpy(name, type_name(iface->type));
    name += strlen(name);
    *name++ = '_';
    while (n) *name++ = digits[--n];
    *name = 0;
}

/* the interface named name (LUID name or Linux name); 0 when there is none */
static ULONG index_of_name(const char *name)
{
    struct iph_snapshot snap;
    char buf[64];
    ULONG i, ret = 0;

    if (!name || iph_snapshot_get(&snap)) return 0;
    for (i = 0; i < snap.n_ifs && !ret; i++)
    {
        luid_name(&snap.ifs[i], buf);
        if (!lstrcmpiA(buf, name) || !strcmp(snap.ifs[i].name, name)) ret = snap.ifs[i].index;
    }
    iph_snapshot_free(&snap);
    return ret;
}

/* the interface of index (or of LUID when luid is set) into *out; FALSE when there is none */
static BOOL find_interface(ULONG index, const NET_LUID *luid, struct iph_if *out)
{
    struct iph_snapshot snap;
    BOOL found = FALSE;
    ULONG i;

    if (iph_snapshot_get(&snap)) return FALSE;
    for (i = 0; i < snap.n_ifs && !found; i++)
    {
        if (luid ? iph_luid(&snap.ifs[i]) != luid->Value : snap.ifs[i].index != index) continue;
        *out = snap.ifs[i];
        found = TRUE;
    }
    iph_snapshot_free(&snap);
    return found;
}

NET_IFINDEX WINAPI if_nametoindex(PCSTR name)
{
    return index_of_name(name);
}

PCHAR WINAPI if_indextoname(NET_IFINDEX index, PCHAR name)
{
    struct iph_if iface;

    if (!name || !find_interface(index, NULL, &iface)) return NULL;
    luid_name(&iface, name);
    return name;
}

NETIO_STATUS WINAPI ConvertInterfaceLuidToIndex(const NET_LUID *luid, NET_IFINDEX *index)
{
    struct iph_if iface;

    if (!luid || !index) return ERROR_INVALID_PARAMETER;
    if (!find_interface(0, luid, &iface))
    {
        *index = 0;
        return ERROR_FILE_NOT_FOUND;
    }
    *index = iface.index;
    return ERROR_SUCCESS;
}

NETIO_STATUS WINAPI ConvertInterfaceIndexToLuid(NET_IFINDEX index, NET_LUID *luid)
{
    struct iph_if iface;

    if (!luid) return ERROR_INVALID_PARAMETER;
    luid->Value = 0;
    if (!find_interface(index, NULL, &iface)) return ERROR_FILE_NOT_FOUND;
    luid->Value = iph_luid(&iface);
    return ERROR_SUCCESS;
}

NETIO_STATUS WINAPI ConvertInterfaceLuidToNameA(const NET_LUID *luid, PSTR name, SIZE_T len)
{
    struct iph_if iface;
    char buf[64];

    if (!luid || !name) return ERROR_INVALID_PARAMETER;
    if (!find_interface(0, luid, &iface)) return ERROR_FILE_NOT_FOUND;
    luid_name(&iface, buf);
    if (len <= strlen(buf)) return ERROR_NOT_ENOUGH_MEMORY;
    strcpy(name, buf);
    return ERROR_SUCCESS;
}

NETIO_STATUS WINAPI ConvertInterfaceLuidToNameW(const NET_LUID *luid, PWSTR name, SIZE_T len)
{
    char buf[64];
    NETIO_STATUS ret = ConvertInterfaceLuidToNameA(luid, buf, sizeof(buf));
    SIZE_T i, n = strlen(buf);

    if (ret) return ret;
    if (len <= n) return ERROR_NOT_ENOUGH_MEMORY;
    for (i = 0; i <= n; i++) name[i] = (BYTE)buf[i];
    return ERROR_SUCCESS;
}

NETIO_STATUS WINAPI ConvertInterfaceNameToLuidA(const char *name, NET_LUID *luid)
{
    ULONG index;

    if (!name || !luid) return ERROR_INVALID_PARAMETER;
    if (!(index = index_of_name(name))) return ERROR_INVALID_NAME;
    return ConvertInterfaceIndexToLuid(index, luid);
}

NETIO_STATUS WINAPI ConvertInterfaceNameToLuidW(const WCHAR *name, NET_LUID *luid)
{
    char buf[64];
    int i;

    if (!name || !luid) return ERROR_INVALID_PARAMETER;
    for (i = 0; i < 63 && name[i]; i++) buf[i] = name[i] < 128 ? (char)name[i] : '?';
    buf[i] = 0;
    return ConvertInterfaceNameToLuidA(buf, luid);
}

NETIO_STATUS WINAPI ConvertInterfaceLuidToGuid(const NET_LUID *luid, GUID *guid)
{
    struct iph_if iface;

    if (!luid || !guid) return ERROR_INVALID_PARAMETER;
    if (!find_interface(0, luid, &iface))
    {
        memset(guid, 0, sizeof(*guid));
        return ERROR_FILE_NOT_FOUND;
    }
    *guid = iph_interface_guid(iface.index);
    return ERROR_SUCCESS;
}

NETIO_STATUS WINAPI ConvertInterfaceGuidToLuid(const GUID *guid, NET_LUID *luid)
{
    struct iph_snapshot snap;
    NETIO_STATUS ret = ERROR_FILE_NOT_FOUND;
    ULONG i;

    if (!guid || !luid) return ERROR_INVALID_PARAMETER;
    luid->Value = 0;
    if (iph_snapshot_get(&snap)) return ERROR_NOT_ENOUGH_MEMORY;
    for (i = 0; i < snap.n_ifs && ret; i++)
    {
        GUID g = iph_interface_guid(snap.ifs[i].index);
        if (memcmp(&g, guid, sizeof(g))) continue;
        luid->Value = iph_luid(&snap.ifs[i]);
        ret = ERROR_SUCCESS;
    }
    iph_snapshot_free(&snap);
    return ret;
}

/* the alias with its nul must fit len characters */
NETIO_STATUS WINAPI ConvertInterfaceLuidToAlias(const NET_LUID *luid, WCHAR *alias, SIZE_T len)
{
    struct iph_if iface;
    const char *name;
    SIZE_T i, n;

    if (!luid || !alias) return ERROR_INVALID_PARAMETER;
    if (!find_interface(0, luid, &iface)) return ERROR_FILE_NOT_FOUND;
    name = iph_alias(&iface);
    n = strlen(name);
    if (len <= n) return ERROR_NOT_ENOUGH_MEMORY;
    for (i = 0; i <= n; i++) alias[i] = (BYTE)name[i];
    return ERROR_SUCCESS;
}

NETIO_STATUS WINAPI ConvertInterfaceAliasToLuid(const WCHAR *alias, NET_LUID *luid)
{
    struct iph_snapshot snap;
    NETIO_STATUS ret = ERROR_INVALID_PARAMETER;
    WCHAR buf[64];
    ULONG i, j;

    if (!alias || !luid) return ERROR_INVALID_PARAMETER;
    luid->Value = 0;
    if (iph_snapshot_get(&snap)) return ERROR_NOT_ENOUGH_MEMORY;
    for (i = 0; i < snap.n_ifs && ret; i++)
    {
        const char *name = iph_alias(&snap.ifs[i]);
        for (j = 0; j < ARRAYSIZE(buf) - 1 && name[j]; j++) buf[j] = (BYTE)name[j];
        buf[j] = 0;
        if (lstrcmpiW(buf, alias)) continue;
        luid->Value = iph_luid(&snap.ifs[i]);
        ret = ERROR_SUCCESS;
    }
    iph_snapshot_free(&snap);
    return ret;
}

/* --- routes ----------------------------------------------------------------- */

/* the host's choice for dest: the interface, and the local address used */
static DWORD best_route(const struct sockaddr *dest, int len, struct iph_if *iface, struct iph_route_params *p)
{
    struct iph_snapshot snap;
    const struct iph_if *found;
    DWORD ret;

    memset(p, 0, sizeof(*p));
    if (len > (int)sizeof(p->dest)) len = sizeof(p->dest);
    memcpy(p->dest, dest, len);
    p->dest_len = len;
    if (iph_unix_call(unix_best_source, p)) return ERROR_NOT_SUPPORTED;
    if (p->result) return p->result;
    if ((ret = iph_snapshot_get(&snap))) return ret;
    found = iph_if_of_addr(&snap, (const struct sockaddr *)p->source);
    if (found) *iface = *found;
    iph_snapshot_free(&snap);
    return found ? ERROR_SUCCESS : ERROR_HOST_UNREACHABLE;
}

DWORD WINAPI GetBestInterfaceEx(struct sockaddr *dest, DWORD *index)
{
    struct iph_route_params p;
    struct iph_if iface;
    DWORD ret;

    if (!dest || !index) return ERROR_INVALID_PARAMETER;
    if (dest->sa_family != AF_INET && dest->sa_family != AF_INET6) return ERROR_INVALID_PARAMETER;
    ret = best_route(dest, dest->sa_family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6),
                     &iface, &p);
    if (!ret) *index = iface.index;
    return ret;
}

DWORD WINAPI GetBestInterface(IPAddr dest, DWORD *index)
{
    struct sockaddr_in in;

    memset(&in, 0, sizeof(in));
    in.sin_family = AF_INET;
    in.sin_addr.s_addr = dest;
    return GetBestInterfaceEx((struct sockaddr *)&in, index);
}

/* a direct route when dest shares the source's network, else the default one */
DWORD WINAPI GetBestRoute(DWORD dest, DWORD source, MIB_IPFORWARDROW *route)
{
    struct sockaddr_in in;
    struct iph_route_params p;
    struct iph_if iface;
    DWORD ret;

    (void)source;
    if (!route) return ERROR_INVALID_PARAMETER;
    memset(&in, 0, sizeof(in));
    in.sin_family = AF_INET;
    in.sin_addr.s_addr = dest;
    if ((ret = best_route((struct sockaddr *)&in, sizeof(in), &iface, &p))) return ret;
    memset(route, 0, sizeof(*route));
    route->dwForwardIfIndex = iface.index;
    route->dwForwardProto = MIB_IPPROTO_NETMGMT;
    route->dwForwardMetric1 = iface.type == IF_TYPE_SOFTWARE_LOOPBACK ? 75 : 25;
    if (iface.gateway4 && iface.type != IF_TYPE_SOFTWARE_LOOPBACK)
    {
        route->dwForwardNextHop = iface.gateway4;
        route->dwForwardType = MIB_IPROUTE_TYPE_INDIRECT;
    }
    else
    {
        route->dwForwardDest = dest;
        route->dwForwardMask = 0xffffffff;
        route->dwForwardNextHop = ((struct sockaddr_in *)p.source)->sin_addr.s_addr;
        route->dwForwardType = MIB_IPROUTE_TYPE_DIRECT;
    }
    return ERROR_SUCCESS;
}

/* the route to `dest` as a MIB_IPFORWARD_ROW2 and the source address the
   host would use; the interface given (LUID or index) is not imposed: the
   host's own choice is the answer, as for an unbound socket */
DWORD WINAPI GetBestRoute2(NET_LUID *luid, NET_IFINDEX index, const SOCKADDR_INET *source,
                           const SOCKADDR_INET *dest, ULONG options, MIB_IPFORWARD_ROW2 *route,
                           SOCKADDR_INET *best_source)
{
    struct iph_route_params p;
    struct iph_if iface;
    int len;
    DWORD ret;

    (void)luid; (void)index; (void)source; (void)options;
    if (!dest || !route || !best_source) return ERROR_INVALID_PARAMETER;
    if (dest->si_family != AF_INET && dest->si_family != AF_INET6) return ERROR_INVALID_PARAMETER;
    len = dest->si_family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
    if ((ret = best_route((const struct sockaddr *)dest, len, &iface, &p))) return ret;

    memset(route, 0, sizeof(*route));
    memset(best_source, 0, sizeof(*best_source));
    memcpy(best_source, p.source, len);
    route->InterfaceLuid.Value = iph_luid(&iface);
    route->InterfaceIndex = iface.index;
    route->NextHop.si_family = dest->si_family;
    route->DestinationPrefix.Prefix.si_family = dest->si_family;
    if (dest->si_family == AF_INET && iface.gateway4 && iface.type != IF_TYPE_SOFTWARE_LOOPBACK)
        route->NextHop.Ipv4.sin_addr.s_addr = iface.gateway4;   /* the default route: 0.0.0.0/0 */
    else
    {
        /* on-link: the host route to dest itself */
        memcpy(&route->DestinationPrefix.Prefix, dest, len);
        route->DestinationPrefix.Prefix.Ipv4.sin_port = 0;   /* the same place in both families */
        route->DestinationPrefix.PrefixLength = dest->si_family == AF_INET ? 32 : 128;
    }
    route->SitePrefixLength = 0;
    route->ValidLifetime = route->PreferredLifetime = 0xffffffff;
    route->Metric = iface.type == IF_TYPE_SOFTWARE_LOOPBACK ? 75 : 25;
    route->Protocol = MIB_IPPROTO_NETMGMT;
    route->Origin = NlroManual;
    return ERROR_SUCCESS;
}

/* documented as the index's backward-compatible form: its low 24 bits */
DWORD WINAPI GetFriendlyIfIndex(DWORD index)
{
    return index & 0xffffff;
}
