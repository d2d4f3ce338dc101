/*
 * The door between iphlpapi.dll (PE) and iphlpapi.so (Unix): entry numbers
 * and parameter structs, fixed-width types only, included by both sides.
 * The Unix side reports the host's interfaces and addresses as facts
 * (getifaddrs, /sys/class/net, /proc/net/route, /etc/resolv.conf); the PE
 * side lays them out in Windows' structures.
 */
#ifndef WLX_IPHLPAPI_UNIXLIB_H
#define WLX_IPHLPAPI_UNIXLIB_H

#include <stdint.h>

enum iphlpapi_unix_func
{
    unix_interfaces,        /* struct iph_if_params */
    unix_network_params,    /* struct iph_net_params */
    unix_best_source,       /* struct iph_route_params */
    unix_func_count
};

/* one interface (Windows values) */
struct iph_if
{
    uint32_t index;
    uint32_t type;          /* IF_TYPE_* */
    uint32_t mtu;
    uint32_t up;            /* operational: IFF_UP and IFF_RUNNING */
    uint32_t mac_len;
    uint32_t gateway4;      /* default IPv4 gateway through it (network order), 0: none */
    uint8_t  mac[8];
    uint64_t speed;         /* bits per second, 0: unknown */
    char     name[32];      /* the Linux name */
    struct iph_if_counters
    {
        uint64_t in_octets, out_octets;
        uint64_t in_packets, out_packets;
        uint64_t in_multicast;
        uint64_t in_errors, out_errors;
        uint64_t in_discards, out_discards;
    } stats;                /* since the interface came up (/sys/class/net/<name>/statistics) */
};

/* one address of an interface, a Windows sockaddr (AF_INET6 = 23) */
struct iph_addr
{
    uint32_t index;         /* its interface */
    uint32_t prefix;        /* on-link prefix length */
    int32_t  len;           /* of addr */
    uint8_t  addr[28];
};

struct iph_if_params
{
    uint64_t ifs;           /* struct iph_if[max_ifs] */
    uint64_t addrs;         /* struct iph_addr[max_addrs] */
    uint32_t max_ifs, max_addrs;
    uint32_t n_ifs, n_addrs;   /* out: how many there are (more than max: call again) */
};

#define IPH_MAX_DNS 8
struct iph_net_params
{
    char     host[128];     /* out: UTF-8 */
    char     domain[128];   /* out: the search domain, or "" */
    struct iph_addr dns[IPH_MAX_DNS];   /* out: index and prefix unused */
    uint32_t n_dns;
    uint32_t pad;
};

/* the local address the host would send from to reach dest */
struct iph_route_params
{
    uint8_t  dest[28];      /* Windows sockaddr */
    int32_t  dest_len;
    uint8_t  source[28];    /* out */
    int32_t  source_len;    /* out */
    int32_t  result;        /* out: 0 or a Win32 error */
};

#ifndef _WIN32
typedef int32_t (*wlx_unix_func)(void *params);
#endif

#endif /* WLX_IPHLPAPI_UNIXLIB_H */
