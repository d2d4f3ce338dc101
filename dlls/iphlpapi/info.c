/*
 * The IPv4-era queries: GetAdaptersInfo (IP_ADAPTER_INFO per adapter, the
 * loopback adapter left out as Windows does, extra addresses in
 * IP_ADDR_STRINGs after the array) and GetNetworkParams (FIXED_INFO: host
 * and domain names, the name servers).
 */
#include "private.h"

/* dotted decimal of an address in network order */
void iph_ip_string(char out[16], ULONG addr_net)
{
    const BYTE *b = (const BYTE *)&addr_net;
    int i;

    for (i = 0; i < 4; i++)
    {
        if (b[i] >= 100) *out++ = '0' + b[i] / 100;
        if (b[i] >= 10) *out++ = '0' + b[i] / 10 % 10;
        *out++ = '0' + b[i] % 10;
        *out++ = i < 3 ? '.' : 0;
    }
}

static ULONG prefix_mask(ULONG prefix)
{
    ULONG host = prefix >= 32 ? 0xffffffff : prefix ? ~0u << (32 - prefix) : 0;
    return __builtin_bswap32(host);
}

static BOOL is_ipv4_of(const struct iph_addr *addr, ULONG index)
{
    return addr->index == index && ((const struct sockaddr *)addr->addr)->sa_family == AF_INET;
}

static ULONG count_ipv4(const struct iph_snapshot *snap, ULONG index)
{
    ULONG i, n = 0;
    for (i = 0; i < snap->n_addrs; i++) n += is_ipv4_of(&snap->addrs[i], index);
    return n;
}

static BOOL info_listed(const struct iph_if *iface)
{
    return iface->type != IF_TYPE_SOFTWARE_LOOPBACK;
}

/* the adapter's addresses: the first in the adapter, the rest from *extra */
static void fill_addresses(IP_ADAPTER_INFO *info, const struct iph_snapshot *snap, ULONG index, IP_ADDR_STRING **extra)
{
    IP_ADDR_STRING *cur = &info->IpAddressList;
    BOOL first = TRUE;
    ULONG i;

    strcpy(cur->IpAddress.String, "0.0.0.0");
    strcpy(cur->IpMask.String, "0.0.0.0");
    for (i = 0; i < snap->n_addrs; i++)
    {
        const struct iph_addr *addr = &snap->addrs[i];
        if (!is_ipv4_of(addr, index)) continue;
        if (!first)
        {
            cur->Next = (*extra)++;
            cur = cur->Next;
            memset(cur, 0, sizeof(*cur));
        }
        first = FALSE;
        iph_ip_string(cur->IpAddress.String, ((const struct sockaddr_in *)addr->addr)->sin_addr.s_addr);
        iph_ip_string(cur->IpMask.String, prefix_mask(addr->prefix));
    }
}

static void fill_info(IP_ADAPTER_INFO *info, const struct iph_snapshot *snap, const struct iph_if *iface,
                      IP_ADDR_STRING **extra)
{
    memset(info, 0, sizeof(*info));
    iph_adapter_name(iface->index, info->AdapterName);
    lstrcpynA(info->Description, iface->name, sizeof(info->Description));
    info->AddressLength = iface->mac_len;
    memcpy(info->Address, iface->mac, iface->mac_len);
    info->Index = iface->index;
    info->ComboIndex = iface->index;
    info->Type = iface->type;
    fill_addresses(info, snap, iface->index, extra);
    strcpy(info->GatewayList.IpAddress.String, "0.0.0.0");
    strcpy(info->GatewayList.IpMask.String, "255.255.255.255");
    if (iface->gateway4) iph_ip_string(info->GatewayList.IpAddress.String, iface->gateway4);
    strcpy(info->DhcpServer.IpAddress.String, "0.0.0.0");
    strcpy(info->PrimaryWinsServer.IpAddress.String, "0.0.0.0");
    strcpy(info->SecondaryWinsServer.IpAddress.String, "0.0.0.0");
}

ULONG WINAPI GetAdaptersInfo(IP_ADAPTER_INFO *buf, ULONG *size)
{
    struct iph_snapshot snap;
    IP_ADAPTER_INFO *info;
    IP_ADDR_STRING *extra;
    ULONG i, n = 0, n_extra = 0, need, ret;

    if (!size) return ERROR_INVALID_PARAMETER;
    if ((ret = iph_snapshot_get(&snap))) return ret;
    for (i = 0; i < snap.n_ifs; i++)
    {
        ULONG addrs;
        if (!info_listed(&snap.ifs[i])) continue;
        n++;
        addrs = count_ipv4(&snap, snap.ifs[i].index);
        if (addrs > 1) n_extra += addrs - 1;
    }
    need = n * sizeof(IP_ADAPTER_INFO) + n_extra * sizeof(IP_ADDR_STRING);
    if (!n) ret = ERROR_NO_DATA;
    else if (!buf || *size < need)
    {
        *size = need;
        ret = ERROR_BUFFER_OVERFLOW;
    }
    else
    {
        info = buf;
        extra = (IP_ADDR_STRING *)(buf + n);
        for (i = 0; i < snap.n_ifs; i++)
        {
            if (!info_listed(&snap.ifs[i])) continue;
            fill_info(info, &snap, &snap.ifs[i], &extra);
            info->Next = --n ? info + 1 : NULL;
            info++;
        }
    }
    iph_snapshot_free(&snap);
    return ret;
}

/* the name servers as IP_ADDR_STRINGs: the first in the FIXED_INFO, the rest after it */
static void fill_dns(FIXED_INFO *fi, const struct iph_net_params *net)
{
    IP_ADDR_STRING *cur = &fi->DnsServerList, *extra = (IP_ADDR_STRING *)(fi + 1);
    BOOL first = TRUE;
    ULONG i;

    for (i = 0; i < net->n_dns; i++)
    {
        const struct sockaddr_in *in = (const struct sockaddr_in *)net->dns[i].addr;
        if (in->sin_family != AF_INET) continue;
        if (!first)
        {
            cur->Next = extra++;
            cur = cur->Next;
            memset(cur, 0, sizeof(*cur));
        }
        first = FALSE;
        iph_ip_string(cur->IpAddress.String, in->sin_addr.s_addr);
    }
    fi->CurrentDnsServer = first ? NULL : &fi->DnsServerList;
}

DWORD WINAPI GetNetworkParams(FIXED_INFO *buf, ULONG *size)
{
    struct iph_net_params net;
    ULONG i, n4 = 0, need;

    if (!size) return ERROR_INVALID_PARAMETER;
    memset(&net, 0, sizeof(net));
    iph_unix_call(unix_network_params, &net);
    for (i = 0; i < net.n_dns; i++) n4 += ((const struct sockaddr *)net.dns[i].addr)->sa_family == AF_INET;
    need = sizeof(FIXED_INFO) + (n4 > 1 ? n4 - 1 : 0) * sizeof(IP_ADDR_STRING);
    if (!buf || *size < need)
    {
        *size = need;
        return ERROR_BUFFER_OVERFLOW;
    }
    memset(buf, 0, need);
    lstrcpynA(buf->HostName, net.host, sizeof(buf->HostName));
    lstrcpynA(buf->DomainName, net.domain, sizeof(buf->DomainName));
    fill_dns(buf, &net);
    buf->NodeType = HYBRID_NODETYPE;
    buf->EnableDns = 1;
    return ERROR_SUCCESS;
}
