/*
 * GetAdaptersAddresses: the host's interfaces as a list of
 * IP_ADAPTER_ADDRESSES with their unicast addresses, DNS servers,
 * gateways and prefixes, all in the caller's one buffer.
 *
 * The layout is built twice by the same code: a measuring pass over an
 * arena with no buffer (each piece is written to a scratch area and only
 * counted), then, when the caller's buffer is large enough, the real one.
 */
#include "private.h"

struct arena
{
    BYTE *base;         /* the caller's buffer; NULL while measuring */
    ULONG used, cap;
    BYTE scratch[1024]; /* where a measuring pass writes */
};

/* size bytes, 8-aligned and zeroed */
static void *arena_alloc(struct arena *a, ULONG size)
{
    BYTE *p;

    size = (size + 7) & ~7u;
    a->used += size;
    if (!a->base)
    {
        memset(a->scratch, 0, sizeof(a->scratch));
        return a->scratch;
    }
    p = a->base + a->used - size;
    memset(p, 0, size);
    return p;
}

static WCHAR *arena_wstr(struct arena *a, const char *s)
{
    ULONG n = strlen(s), i;
    WCHAR *w = arena_alloc(a, (n + 1) * sizeof(WCHAR));

    for (i = 0; i <= n; i++) w[i] = (BYTE)s[i];
    return w;
}

static void arena_sockaddr(struct arena *a, SOCKET_ADDRESS *out, const void *addr, int len)
{
    out->lpSockaddr = arena_alloc(a, len);
    memcpy(out->lpSockaddr, addr, len);
    out->iSockaddrLength = len;
}

static BOOL family_wanted(ULONG family, const struct iph_addr *addr)
{
    USHORT f = ((const struct sockaddr *)addr->addr)->sa_family;
    return family == AF_UNSPEC || family == f;
}

static BOOL is_link_local6(const struct iph_addr *addr)
{
    const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)addr->addr;
    return in6->sin6_family == AF_INET6 && in6->sin6_addr.s6_addr[0] == 0xfe && (in6->sin6_addr.s6_addr[1] & 0xc0) == 0x80;
}

static void add_unicast(struct arena *a, IP_ADAPTER_ADDRESSES *ad, const struct iph_addr *addr, BOOL loopback)
{
    IP_ADAPTER_UNICAST_ADDRESS *u = arena_alloc(a, sizeof(*u)), **tail = &ad->FirstUnicastAddress;

    u->Length = sizeof(*u);
    u->Flags = loopback || is_link_local6(addr) ? 0 : IP_ADAPTER_ADDRESS_DNS_ELIGIBLE;
    arena_sockaddr(a, &u->Address, addr->addr, addr->len);
    u->PrefixOrigin = loopback || is_link_local6(addr) ? IpPrefixOriginWellKnown : IpPrefixOriginManual;
    u->SuffixOrigin = is_link_local6(addr) ? IpSuffixOriginLinkLayerAddress
                      : loopback ? IpSuffixOriginWellKnown : IpSuffixOriginManual;
    u->DadState = IpDadStatePreferred;
    u->ValidLifetime = u->PreferredLifetime = u->LeaseLifetime = 0xffffffff;
    u->OnLinkPrefixLength = addr->prefix;
    if (!a->base) return;
    while (*tail) tail = &(*tail)->Next;
    *tail = u;
}

/* the network an address is on */
static void add_prefix(struct arena *a, IP_ADAPTER_ADDRESSES *ad, const struct iph_addr *addr)
{
    IP_ADAPTER_PREFIX *p = arena_alloc(a, sizeof(*p)), **tail = &ad->FirstPrefix;
    BYTE net[28], *bytes;
    ULONG n, i;

    memcpy(net, addr->addr, sizeof(net));
    if (((struct sockaddr *)net)->sa_family == AF_INET) { bytes = (BYTE *)&((struct sockaddr_in *)net)->sin_addr; n = 4; }
    else { bytes = ((struct sockaddr_in6 *)net)->sin6_addr.s6_addr; n = 16; }
    for (i = 0; i < n; i++)
    {
        int keep = (int)addr->prefix - (int)i * 8;
        bytes[i] &= keep >= 8 ? 0xff : keep <= 0 ? 0 : (BYTE)(0xff << (8 - keep));
    }
    p->Length = sizeof(*p);
    arena_sockaddr(a, &p->Address, net, addr->len);
    p->PrefixLength = addr->prefix;
    if (!a->base) return;
    while (*tail) tail = &(*tail)->Next;
    *tail = p;
}

static void add_dns_servers(struct arena *a, IP_ADAPTER_ADDRESSES *ad, const struct iph_net_params *net, ULONG family)
{
    IP_ADAPTER_DNS_SERVER_ADDRESS **tail = &ad->FirstDnsServerAddress;
    ULONG i;

    for (i = 0; i < net->n_dns; i++)
    {
        IP_ADAPTER_DNS_SERVER_ADDRESS *d;
        if (!family_wanted(family, &net->dns[i])) continue;
        d = arena_alloc(a, sizeof(*d));
        d->Length = sizeof(*d);
        arena_sockaddr(a, &d->Address, net->dns[i].addr, net->dns[i].len);
        if (!a->base) continue;
        *tail = d;
        tail = &d->Next;
    }
}

static void add_gateway(struct arena *a, IP_ADAPTER_ADDRESSES *ad, ULONG gateway)
{
    IP_ADAPTER_GATEWAY_ADDRESS *g = arena_alloc(a, sizeof(*g));
    struct sockaddr_in in = { AF_INET };

    in.sin_addr.s_addr = gateway;
    g->Length = sizeof(*g);
    arena_sockaddr(a, &g->Address, &in, sizeof(in));
    if (a->base) ad->FirstGatewayAddress = g;
}

/* the fixed part of one adapter */
static void fill_adapter(struct arena *a, IP_ADAPTER_ADDRESSES *ad, const struct iph_if *iface)
{
    BOOL loopback = iface->type == IF_TYPE_SOFTWARE_LOOPBACK;

    ad->Length = sizeof(*ad);
    ad->IfIndex = iface->index;
    ad->AdapterName = arena_alloc(a, 40);
    iph_adapter_name(iface->index, ad->AdapterName);
    ad->DnsSuffix = arena_wstr(a, "");
    ad->Description = arena_wstr(a, iface->name);
    /* Windows' own name for its loopback adapter */
    ad->FriendlyName = arena_wstr(a, iph_alias(iface));
    memcpy(ad->PhysicalAddress, iface->mac, iface->mac_len);
    ad->PhysicalAddressLength = iface->mac_len;
    ad->Mtu = iface->mtu;
    ad->IfType = iface->type;
    ad->OperStatus = iface->up ? IfOperStatusUp : IfOperStatusDown;
    ad->ZoneIndices[ScopeLevelInterface] = ad->ZoneIndices[ScopeLevelLink] = iface->index;
    ad->TransmitLinkSpeed = ad->ReceiveLinkSpeed = iface->speed;
    ad->Ipv4Metric = ad->Ipv6Metric = loopback ? 75 : 25;
    ad->Luid.Value = iph_luid(iface);
    ad->CompartmentId = 1;
    ad->ConnectionType = NET_IF_CONNECTION_DEDICATED;
}

static IP_ADAPTER_ADDRESSES *build_adapter(struct arena *a, const struct iph_snapshot *snap, const struct iph_if *iface,
                                           const struct iph_net_params *net, ULONG family, ULONG flags)
{
    IP_ADAPTER_ADDRESSES *ad = arena_alloc(a, sizeof(*ad));
    BOOL loopback = iface->type == IF_TYPE_SOFTWARE_LOOPBACK;
    ULONG i;

    fill_adapter(a, ad, iface);
    for (i = 0; i < snap->n_addrs; i++)
    {
        const struct iph_addr *addr = &snap->addrs[i];
        if (addr->index != iface->index || addr->len <= 0) continue;
        if (((struct sockaddr *)addr->addr)->sa_family == AF_INET) ad->Flags |= IP_ADAPTER_IPV4_ENABLED;
        else
        {
            ad->Flags |= IP_ADAPTER_IPV6_ENABLED;
            ad->Ipv6IfIndex = iface->index;
        }
        if (!family_wanted(family, addr)) continue;
        if (!(flags & GAA_FLAG_SKIP_UNICAST)) add_unicast(a, ad, addr, loopback);
        if (flags & GAA_FLAG_INCLUDE_PREFIX) add_prefix(a, ad, addr);
    }
    if (!loopback && iface->up && !(flags & GAA_FLAG_SKIP_DNS_SERVER)) add_dns_servers(a, ad, net, family);
    if (iface->gateway4 && (flags & GAA_FLAG_INCLUDE_GATEWAYS) && family != AF_INET6)
        add_gateway(a, ad, iface->gateway4);
    return ad;
}

/* the whole list; the bytes it takes in a->used */
static void build_list(struct arena *a, const struct iph_snapshot *snap, const struct iph_net_params *net,
                       ULONG family, ULONG flags)
{
    IP_ADAPTER_ADDRESSES *prev = NULL, *ad;
    ULONG i;

    for (i = 0; i < snap->n_ifs; i++)
    {
        ad = build_adapter(a, snap, &snap->ifs[i], net, family, flags);
        if (a->base && prev) prev->Next = ad;
        prev = ad;
    }
}

ULONG WINAPI GetAdaptersAddresses(ULONG family, ULONG flags, void *reserved, IP_ADAPTER_ADDRESSES *buf, ULONG *size)
{
    struct iph_snapshot snap;
    struct iph_net_params net;
    struct arena *a;
    ULONG ret;

    (void)reserved;
    if (!size || (family != AF_UNSPEC && family != AF_INET && family != AF_INET6))
        return ERROR_INVALID_PARAMETER;
    if ((ret = iph_snapshot_get(&snap))) return ret;
    memset(&net, 0, sizeof(net));
    if (!(flags & GAA_FLAG_SKIP_DNS_SERVER)) iph_unix_call(unix_network_params, &net);
    if (!(a = iph_alloc(sizeof(*a))))
    {
        iph_snapshot_free(&snap);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    build_list(a, &snap, &net, family, flags);
    if (!snap.n_ifs) ret = ERROR_NO_DATA;
    else if (!buf || *size < a->used) ret = ERROR_BUFFER_OVERFLOW;
    else
    {
        a->cap = *size;
        a->base = (BYTE *)buf;
        a->used = 0;
        build_list(a, &snap, &net, family, flags);
    }
    if (ret != ERROR_NO_DATA) *size = a->used;
    iph_free(a);
    iph_snapshot_free(&snap);
    return ret;
}
