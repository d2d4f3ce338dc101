/*
 * Unix side of iphlpapi: the host's interfaces and their addresses
 * (getifaddrs: AF_PACKET entries name every interface, AF_INET/AF_INET6
 * ones its addresses; /sys/class/net for speed and wireless;
 * /proc/net/route for default gateways), the name server list and
 * domain (/etc/resolv.conf), and the source address a destination is
 * reached from (a connected UDP socket: no packet is sent).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netpacket/packet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include "wlx/sockaddr_unix.h"
#include "private.h"

/* IF_TYPE_* of Windows */
#define IF_TYPE_OTHER               1
#define IF_TYPE_ETHERNET_CSMACD     6
#define IF_TYPE_PPP                 23
#define IF_TYPE_SOFTWARE_LOOPBACK   24
#define IF_TYPE_IEEE80211           71
#define IF_TYPE_TUNNEL              131

/* a small /sys/class/net/<name>/<what> file's number; -1 when there is none */
static long long sys_net_number(const char *name, const char *what)
{
    char path[128];
    long long v = -1;
    FILE *f;

    snprintf(path, sizeof(path), "/sys/class/net/%s/%s", name, what);
    if (!(f = fopen(path, "r"))) return -1;
    if (fscanf(f, "%lld", &v) != 1) v = -1;
    fclose(f);
    return v;
}

static int is_wireless(const char *name)
{
    char path[128];

    snprintf(path, sizeof(path), "/sys/class/net/%s/wireless", name);
    return !access(path, F_OK);
}

static uint32_t if_type(unsigned short hatype, const char *name)
{
    switch (hatype)
    {
    case ARPHRD_ETHER: return is_wireless(name) ? IF_TYPE_IEEE80211 : IF_TYPE_ETHERNET_CSMACD;
    case ARPHRD_LOOPBACK: return IF_TYPE_SOFTWARE_LOOPBACK;
    case ARPHRD_PPP: return IF_TYPE_PPP;
    case ARPHRD_TUNNEL: case ARPHRD_TUNNEL6: case ARPHRD_SIT: case ARPHRD_IPGRE: case ARPHRD_NONE:
        return IF_TYPE_TUNNEL;
    }
    return IF_TYPE_OTHER;
}

/* the default IPv4 gateway through interface name (network order), 0 for none */
static uint32_t default_gateway(const char *name)
{
    char line[256], ifname[64];
    unsigned int dest, gw, flags;
    uint32_t ret = 0;
    FILE *f = fopen("/proc/net/route", "r");

    if (!f) return 0;
    while (!ret && fgets(line, sizeof(line), f))
        if (sscanf(line, "%63s %x %x %x", ifname, &dest, &gw, &flags) == 4 && !dest && (flags & 2)
            && !strcmp(ifname, name))
            ret = gw;   /* /proc prints the address as the host's integer of network-order bytes */
    fclose(f);
    return ret;
}

/* one counter of statistics/, 0 when the file is missing */
static uint64_t stat_counter(const char *name, const char *what)
{
    char path[64];
    long long v;

    snprintf(path, sizeof(path), "statistics/%s", what);
    return (v = sys_net_number(name, path)) > 0 ? v : 0;
}

static void fill_counters(struct iph_if_counters *c, const char *name)
{
    c->in_octets = stat_counter(name, "rx_bytes");
    c->out_octets = stat_counter(name, "tx_bytes");
    c->in_packets = stat_counter(name, "rx_packets");
    c->out_packets = stat_counter(name, "tx_packets");
    c->in_multicast = stat_counter(name, "multicast");
    c->in_errors = stat_counter(name, "rx_errors");
    c->out_errors = stat_counter(name, "tx_errors");
    c->in_discards = stat_counter(name, "rx_dropped");
    c->out_discards = stat_counter(name, "tx_dropped");
}

static void fill_if(struct iph_if *out, const struct ifaddrs *ifa)
{
    const struct sockaddr_ll *ll = (const struct sockaddr_ll *)ifa->ifa_addr;
    long long v;

    memset(out, 0, sizeof(*out));
    out->index = ll->sll_ifindex;
    snprintf(out->name, sizeof(out->name), "%s", ifa->ifa_name);
    out->type = if_type(ll->sll_hatype, ifa->ifa_name);
    out->up = (ifa->ifa_flags & IFF_UP) && (ifa->ifa_flags & IFF_RUNNING);
    out->mtu = (v = sys_net_number(ifa->ifa_name, "mtu")) > 0 ? v : 1500;
    if (out->type != IF_TYPE_SOFTWARE_LOOPBACK && ll->sll_halen <= sizeof(out->mac))
    {
        out->mac_len = ll->sll_halen;
        memcpy(out->mac, ll->sll_addr, ll->sll_halen);
    }
    /* Mb/s in /sys; loopback has none, Windows says 1 Gb/s for it */
    if ((v = sys_net_number(ifa->ifa_name, "speed")) > 0) out->speed = (uint64_t)v * 1000000;
    else if (out->type == IF_TYPE_SOFTWARE_LOOPBACK) out->speed = 1000000000;
    out->gateway4 = default_gateway(ifa->ifa_name);
    fill_counters(&out->stats, ifa->ifa_name);
}

static uint32_t prefix_length(const struct sockaddr *mask)
{
    const uint8_t *b;
    uint32_t len = 0, n, i;

    if (!mask) return 0;
    if (mask->sa_family == AF_INET) { b = (const uint8_t *)&((const struct sockaddr_in *)mask)->sin_addr; n = 4; }
    else if (mask->sa_family == AF_INET6) { b = ((const struct sockaddr_in6 *)mask)->sin6_addr.s6_addr; n = 16; }
    else return 0;
    for (i = 0; i < n; i++) len += __builtin_popcount(b[i]);
    return len;
}

static void fill_addr(struct iph_addr *out, const struct ifaddrs *ifa)
{
    struct sockaddr_storage ss;
    socklen_t len = ifa->ifa_addr->sa_family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);

    memset(out, 0, sizeof(*out));
    memset(&ss, 0, sizeof(ss));
    memcpy(&ss, ifa->ifa_addr, len);
    out->index = if_nametoindex(ifa->ifa_name);
    out->prefix = prefix_length(ifa->ifa_netmask);
    out->len = wlx_addr_to_win(out->addr, sizeof(out->addr), &ss, len);
}

static int32_t unix_interfaces_call(void *args)
{
    struct iph_if_params *p = args;
    struct iph_if *ifs = (struct iph_if *)(uintptr_t)p->ifs;
    struct iph_addr *addrs = (struct iph_addr *)(uintptr_t)p->addrs;
    struct ifaddrs *list, *ifa;

    p->n_ifs = p->n_addrs = 0;
    if (getifaddrs(&list)) return -1;
    for (ifa = list; ifa; ifa = ifa->ifa_next)
    {
        if (!ifa->ifa_addr) continue;
        switch (ifa->ifa_addr->sa_family)
        {
        case AF_PACKET:
            if (p->n_ifs < p->max_ifs) fill_if(&ifs[p->n_ifs], ifa);
            p->n_ifs++;
            break;
        case AF_INET:
        case AF_INET6:
            if (p->n_addrs < p->max_addrs) fill_addr(&addrs[p->n_addrs], ifa);
            p->n_addrs++;
            break;
        }
    }
    freeifaddrs(list);
    return 0;
}

/* one "nameserver" line's address */
static void add_dns(struct iph_net_params *p, const char *text)
{
    struct sockaddr_storage ss;
    struct sockaddr_in *in4 = (struct sockaddr_in *)&ss;
    struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
    socklen_t len;

    memset(&ss, 0, sizeof(ss));
    if (inet_pton(AF_INET, text, &in4->sin_addr) == 1) { in4->sin_family = AF_INET; len = sizeof(*in4); }
    else if (inet_pton(AF_INET6, text, &in6->sin6_addr) == 1) { in6->sin6_family = AF_INET6; len = sizeof(*in6); }
    else return;
    p->dns[p->n_dns].len = wlx_addr_to_win(p->dns[p->n_dns].addr, sizeof(p->dns[0].addr), &ss, len);
    p->n_dns++;
}

static int32_t unix_network_params_call(void *args)
{
    struct iph_net_params *p = args;
    char line[512], key[32], value[128];
    FILE *f;

    memset(p, 0, sizeof(*p));
    if (gethostname(p->host, sizeof(p->host) - 1)) strcpy(p->host, "localhost");
    /* Windows' host name is the first label; the rest is the domain */
    char *dot = strchr(p->host, '.');
    if (dot)
    {
        *dot = 0;
        snprintf(p->domain, sizeof(p->domain), "%s", dot + 1);
    }
    if (!(f = fopen("/etc/resolv.conf", "r"))) return 0;
    while (fgets(line, sizeof(line), f))
    {
        if (sscanf(line, "%31s %127s", key, value) != 2) continue;
        if (!strcmp(key, "nameserver") && p->n_dns < IPH_MAX_DNS) add_dns(p, value);
        else if ((!strcmp(key, "search") || !strcmp(key, "domain")) && !p->domain[0])
            snprintf(p->domain, sizeof(p->domain), "%s", value);
    }
    fclose(f);
    return 0;
}

static int32_t unix_best_source_call(void *args)
{
    struct iph_route_params *p = args;
    struct sockaddr_storage dest, src;
    socklen_t len, src_len = sizeof(src);
    int fd;

    p->result = 87;   /* ERROR_INVALID_PARAMETER */
    if (wlx_addr_from_win(p->dest, p->dest_len, &dest, &len)) return 0;
    if (dest.ss_family == AF_INET) ((struct sockaddr_in *)&dest)->sin_port = htons(9);
    else if (dest.ss_family == AF_INET6) ((struct sockaddr_in6 *)&dest)->sin6_port = htons(9);
    else return 0;
    if ((fd = socket(dest.ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0)) < 0) return 0;
    /* connecting a datagram socket only chooses the route */
    if (connect(fd, (struct sockaddr *)&dest, len) || getsockname(fd, (struct sockaddr *)&src, &src_len))
        p->result = 1232;   /* ERROR_HOST_UNREACHABLE */
    else
    {
        p->source_len = wlx_addr_to_win(p->source, sizeof(p->source), &src, src_len);
        p->result = p->source_len < 0 ? 87 : 0;
    }
    close(fd);
    return 0;
}

const wlx_unix_func __wlx_unix_funcs[] =
{
    unix_interfaces_call,
    unix_network_params_call,
    unix_best_source_call,
    unix_sockets_call,
    unix_routes_call,
    unix_icmp_echo_call,
    unix_wait_change_call,
    unix_snmp_call,
    unix_neighbors_call,
    unix_icmp6_echo_call,
};
