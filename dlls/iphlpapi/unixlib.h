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
    unix_sockets,           /* struct iph_sock_params */
    unix_routes,            /* struct iph_route_list */
    unix_icmp_echo,         /* struct iph_icmp_params */
    unix_wait_change,       /* struct iph_watch_params */
    unix_snmp,              /* struct iph_stat_list */
    unix_neighbors,         /* struct iph_neighbor_list */
    unix_icmp6_echo,        /* struct iph_icmp6_params */
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

/* one TCP or UDP endpoint (/proc/net/tcp, tcp6, udp, udp6) */
struct iph_sock_row
{
    uint8_t  local[16], remote[16];   /* network order; IPv4 in the first 4 bytes */
    uint32_t local_port, remote_port; /* host order */
    uint32_t state;                   /* MIB_TCP_STATE; 0 for UDP */
    uint32_t v6;
    uint32_t own;                     /* 1: a socket of this process */
    uint32_t pad;
};

struct iph_sock_params
{
    uint64_t rows;          /* struct iph_sock_row[max] */
    uint32_t max, count;    /* out: how many there are (more than max: call again) */
    uint32_t family;        /* 4, 6 or 0 for both */
    uint32_t udp;           /* 0: TCP, 1: UDP */
};

/* one route of the host's main table */
struct iph_route
{
    uint8_t  dest[16], gateway[16];   /* network order; IPv4 in the first 4 bytes */
    uint32_t prefix;        /* length */
    uint32_t index;         /* its interface */
    uint32_t metric;
    uint32_t v6;
};

struct iph_route_list
{
    uint64_t rows;          /* struct iph_route[max] */
    uint32_t max, count;    /* as iph_sock_params */
    uint32_t family;        /* 4, 6 or 0 */
    uint32_t pad;
};

/* one ICMP echo request and its answer */
struct iph_icmp_params
{
    uint32_t dest;          /* IPv4, network order */
    uint32_t timeout;       /* ms */
    uint64_t data;          /* what the request carries */
    uint32_t data_len;
    uint32_t ttl, tos, dont_fragment;   /* 0: the host's defaults */
    uint64_t reply_data;    /* out: the answer's data, up to reply_max bytes */
    uint32_t reply_max;
    uint32_t reply_len;     /* out */
    uint32_t status;        /* out: IP_SUCCESS (0) or an IP_* status */
    uint32_t reply_addr;    /* out: who answered, network order */
    uint32_t rtt;           /* out: ms */
    uint32_t reply_ttl;     /* out */
    int32_t  error;         /* out: the errno when no ICMP socket could be had, else 0 */
    uint32_t pad;
};

/* one ICMPv6 echo request and its answer */
struct iph_icmp6_params
{
    uint8_t  dest[16], source[16];   /* network order */
    uint32_t dest_scope, source_scope;
    uint32_t has_source;    /* 0: the host chooses */
    uint32_t timeout;       /* ms */
    uint64_t data;
    uint32_t data_len;
    uint32_t ttl;           /* hop limit, 0: the host's */
    uint64_t reply_data;    /* out: the answer's data, up to reply_max bytes */
    uint32_t reply_max;
    uint32_t reply_len;     /* out */
    uint32_t status;        /* out: IP_SUCCESS or an IP_* status */
    uint32_t rtt;           /* out: ms */
    uint8_t  reply_addr[16];/* out */
    uint32_t reply_scope;   /* out */
    uint32_t reply_ttl;     /* out */
    int32_t  error;         /* out: the errno when no ICMPv6 socket could be had */
    uint32_t pad;
};

/* the next address (or route) change of the host, within a timeout */
struct iph_watch_params
{
    uint32_t routes;        /* 0: addresses, 1: routes */
    uint32_t timeout;       /* ms */
    uint32_t start;         /* 1: a new request: what came before it is not its change */
    uint32_t changed;       /* out: 1 when one came */
    int32_t  error;         /* out: an errno when the host cannot be watched */
    uint32_t pad;
};

/* one counter of the host's protocol statistics: "Tcp.ActiveOpens" from
 * /proc/net/snmp, "Ip6InReceives" from /proc/net/snmp6 */
struct iph_stat
{
    char     name[40];
    int64_t  value;
};

struct iph_stat_list
{
    uint64_t rows;          /* struct iph_stat[max] */
    uint32_t max, count;    /* as iph_sock_params */
    uint32_t v6;            /* 1: snmp6 */
    uint32_t pad;
};

/* one entry of the host's ARP table (/proc/net/arp) */
struct iph_neighbor
{
    uint32_t addr;          /* network order */
    uint32_t index;         /* its interface */
    uint32_t flags;         /* Linux's ATF_*: 2 complete, 4 permanent */
    uint32_t mac_len;
    uint8_t  mac[8];
};

struct iph_neighbor_list
{
    uint64_t rows;          /* struct iph_neighbor[max] */
    uint32_t max, count;    /* as iph_sock_params */
};

#ifndef _WIN32
typedef int32_t (*wlx_unix_func)(void *params);
#endif

#endif /* WLX_IPHLPAPI_UNIXLIB_H */
