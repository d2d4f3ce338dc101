/*
 * Unix side of iphlpapi's tables: TCP and UDP endpoints (/proc/net/tcp,
 * tcp6, udp, udp6, with whether this process owns each: its socket's
 * inode among /proc/self/fd), routes (/proc/net/route, ipv6_route), the
 * SNMP counters (/proc/net/snmp, snmp6) and the ARP table (/proc/net/arp).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <net/if.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include "private.h"

/* --- sockets this process owns ---------------------------------------------- */

struct inode_set
{
    unsigned long *v;
    size_t n;
};

static int cmp_inode(const void *a, const void *b)
{
    unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;
    return x < y ? -1 : x > y;
}

/* the inodes of the sockets among /proc/self/fd, sorted */
static void own_sockets(struct inode_set *set)
{
    char path[300], link[64];
    struct dirent *de;
    size_t cap = 0;
    ssize_t len;
    DIR *dir;

    set->v = NULL;
    set->n = 0;
    if (!(dir = opendir("/proc/self/fd"))) return;
    while ((de = readdir(dir)))
    {
        unsigned long inode;
        unsigned long *grown;

        if (de->d_name[0] == '.') continue;
        snprintf(path, sizeof(path), "/proc/self/fd/%s", de->d_name);
        if ((len = readlink(path, link, sizeof(link) - 1)) <= 0) continue;
        link[len] = 0;
        if (sscanf(link, "socket:[%lu]", &inode) != 1) continue;
        if (set->n == cap)
        {
            cap = cap ? cap * 2 : 64;
            if (!(grown = realloc(set->v, cap * sizeof(*grown)))) break;
            set->v = grown;
        }
        set->v[set->n++] = inode;
    }
    closedir(dir);
    qsort(set->v, set->n, sizeof(*set->v), cmp_inode);
}

static int owns(const struct inode_set *set, unsigned long inode)
{
    return inode && bsearch(&inode, set->v, set->n, sizeof(*set->v), cmp_inode) != NULL;
}

/* --- /proc/net/{tcp,udp}[6] ---------------------------------------------- */

/* Linux's TCP states (include/net/tcp_states.h) as MIB_TCP_STATE */
static uint32_t tcp_state(unsigned int st)
{
    static const uint32_t map[] =
    {
        0, 5 /* ESTABLISHED */, 3 /* SYN_SENT */, 4 /* SYN_RECV */, 6 /* FIN_WAIT1 */, 7 /* FIN_WAIT2 */,
        11 /* TIME_WAIT */, 1 /* CLOSE */, 8 /* CLOSE_WAIT */, 10 /* LAST_ACK */, 2 /* LISTEN */, 9 /* CLOSING */,
    };
    return st < sizeof(map) / sizeof(map[0]) ? map[st] : 12;   /* DELETE_TCB */
}

/* an address as /proc prints it: 32-bit words of network-order bytes, each as the host's integer */
static int parse_proc_addr(const char *hex, uint8_t *out, int words)
{
    char part[9];
    int i;

    for (i = 0; i < words; i++)
    {
        uint32_t v;
        memcpy(part, hex + 8 * i, 8);
        part[8] = 0;
        v = strtoul(part, NULL, 16);
        memcpy(out + 4 * i, &v, 4);
    }
    return 0;
}

static void read_endpoints(const char *path, int v6, int tcp, struct iph_sock_params *p,
                           const struct inode_set *own)
{
    struct iph_sock_row *rows = (struct iph_sock_row *)(uintptr_t)p->rows;
    char line[512], local[40], remote[40];
    unsigned int lport, rport, st;
    unsigned long inode;
    FILE *f = fopen(path, "r");

    if (!f) return;
    if (!fgets(line, sizeof(line), f)) { fclose(f); return; }   /* the heading */
    while (fgets(line, sizeof(line), f))
    {
        struct iph_sock_row *row;

        if (sscanf(line, " %*d: %39[0-9A-Fa-f]:%x %39[0-9A-Fa-f]:%x %x %*x:%*x %*x:%*x %*x %*u %*d %lu",
                   local, &lport, remote, &rport, &st, &inode) != 6)
            continue;
        if (strlen(local) != (v6 ? 32 : 8)) continue;
        if (p->count++ >= p->max) continue;
        row = &rows[p->count - 1];
        memset(row, 0, sizeof(*row));
        row->v6 = v6;
        parse_proc_addr(local, row->local, v6 ? 4 : 1);
        parse_proc_addr(remote, row->remote, v6 ? 4 : 1);
        row->local_port = lport;
        row->remote_port = tcp ? rport : 0;
        row->state = tcp ? tcp_state(st) : 0;
        row->own = owns(own, inode);
    }
    fclose(f);
}

int32_t unix_sockets_call(void *args)
{
    struct iph_sock_params *p = args;
    struct inode_set own;
    const char *proto = p->udp ? "udp" : "tcp";
    char path[32];

    own_sockets(&own);
    p->count = 0;
    if (p->family != 6)
    {
        snprintf(path, sizeof(path), "/proc/net/%s", proto);
        read_endpoints(path, 0, !p->udp, p, &own);
    }
    if (p->family != 4)
    {
        snprintf(path, sizeof(path), "/proc/net/%s6", proto);
        read_endpoints(path, 1, !p->udp, p, &own);
    }
    free(own.v);
    return 0;
}

/* --- routes ----------------------------------------------------------------- */

static void add_route(struct iph_route_list *p, const struct iph_route *r)
{
    struct iph_route *rows = (struct iph_route *)(uintptr_t)p->rows;

    if (p->count < p->max) rows[p->count] = *r;
    p->count++;
}

static void read_routes4(struct iph_route_list *p)
{
    char line[256], name[IFNAMSIZ + 1];
    unsigned int dest, gw, flags, metric, mask;
    struct iph_route r;
    FILE *f = fopen("/proc/net/route", "r");

    if (!f) return;
    while (fgets(line, sizeof(line), f))
    {
        if (sscanf(line, "%16s %x %x %x %*d %*d %u %x", name, &dest, &gw, &flags, &metric, &mask) != 6) continue;
        if (!(flags & 1)) continue;   /* RTF_UP */
        memset(&r, 0, sizeof(r));
        r.index = if_nametoindex(name);
        memcpy(r.dest, &dest, 4);
        memcpy(r.gateway, &gw, 4);
        r.prefix = __builtin_popcount(mask);
        r.metric = metric;
        add_route(p, &r);
    }
    fclose(f);
}

static void read_routes6(struct iph_route_list *p)
{
    char line[512], dest[33], gw[33], name[IFNAMSIZ + 1];
    unsigned int prefix, metric, flags;
    struct iph_route r;
    FILE *f = fopen("/proc/net/ipv6_route", "r");
    int i;

    if (!f) return;
    while (fgets(line, sizeof(line), f))
    {
        if (sscanf(line, "%32s %x %*32s %*x %32s %x %*x %*x %x %16s", dest, &prefix, gw, &metric, &flags,
                   name) != 6)
            continue;
        if (!(flags & 1) || (flags & 0x0200)) continue;   /* RTF_UP; not RTF_REJECT (unreachable) */
        memset(&r, 0, sizeof(r));
        r.v6 = 1;
        r.index = if_nametoindex(name);
        for (i = 0; i < 16; i++)
        {
            unsigned int b1, b2;
            sscanf(dest + 2 * i, "%2x", &b1);
            sscanf(gw + 2 * i, "%2x", &b2);
            r.dest[i] = b1;
            r.gateway[i] = b2;
        }
        r.prefix = prefix;
        r.metric = metric;
        add_route(p, &r);
    }
    fclose(f);
}

int32_t unix_routes_call(void *args)
{
    struct iph_route_list *p = args;

    p->count = 0;
    if (p->family != 6) read_routes4(p);
    if (p->family != 4) read_routes6(p);
    return 0;
}

/* --- protocol statistics ------------------------------------------------------ */

static void add_stat(struct iph_stat_list *p, const char *prefix, const char *name, const char *value)
{
    struct iph_stat *rows = (struct iph_stat *)(uintptr_t)p->rows;

    if (p->count < p->max)
    {
        snprintf(rows[p->count].name, sizeof(rows[0].name), "%s%s", prefix, name);
        rows[p->count].value = strtoll(value, NULL, 10);
    }
    p->count++;
}

/* /proc/net/snmp: a line of names, then one of values, per protocol ("Tcp.ActiveOpens") */
static void read_snmp(struct iph_stat_list *p)
{
    char names[2048], values[2048], prefix[16];
    char *n_save, *v_save, *name, *value;
    FILE *f = fopen("/proc/net/snmp", "r");

    if (!f) return;
    while (fgets(names, sizeof(names), f) && fgets(values, sizeof(values), f))
    {
        char *colon = strchr(names, ':');
        if (!colon || colon - names >= (int)sizeof(prefix) - 1) continue;
        memcpy(prefix, names, colon - names);
        prefix[colon - names] = '.';
        prefix[colon - names + 1] = 0;
        name = strtok_r(colon + 1, " \n", &n_save);
        value = strtok_r(strchr(values, ':') ? strchr(values, ':') + 1 : values, " \n", &v_save);
        for (; name && value; name = strtok_r(NULL, " \n", &n_save), value = strtok_r(NULL, " \n", &v_save))
            add_stat(p, prefix, name, value);
    }
    fclose(f);
}

/* /proc/net/snmp6: one "Ip6InReceives value" per line */
static void read_snmp6(struct iph_stat_list *p)
{
    char line[256], name[64], value[32];
    FILE *f = fopen("/proc/net/snmp6", "r");

    if (!f) return;
    while (fgets(line, sizeof(line), f))
        if (sscanf(line, "%63s %31s", name, value) == 2) add_stat(p, "", name, value);
    fclose(f);
}

int32_t unix_snmp_call(void *args)
{
    struct iph_stat_list *p = args;

    p->count = 0;
    if (p->v6) read_snmp6(p);
    else read_snmp(p);
    return 0;
}

/* --- the ARP table -------------------------------------------------------- */

int32_t unix_neighbors_call(void *args)
{
    struct iph_neighbor_list *p = args;
    struct iph_neighbor *rows = (struct iph_neighbor *)(uintptr_t)p->rows;
    char line[256], ip[64], mac[64], dev[IFNAMSIZ + 1];
    unsigned int type, flags, b[6];
    struct in_addr in;
    FILE *f = fopen("/proc/net/arp", "r");

    p->count = 0;
    if (!f) return 0;
    while (fgets(line, sizeof(line), f))
    {
        struct iph_neighbor *n;

        if (sscanf(line, "%63s %x %x %63s %*s %16s", ip, &type, &flags, mac, dev) != 5) continue;
        if (inet_pton(AF_INET, ip, &in) != 1) continue;   /* the heading */
        if (p->count++ >= p->max) continue;
        n = &rows[p->count - 1];
        memset(n, 0, sizeof(*n));
        memcpy(&n->addr, &in, 4);
        n->index = if_nametoindex(dev);
        n->flags = flags;
        if (sscanf(mac, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5]) == 6)
        {
            int i;
            for (i = 0; i < 6; i++) n->mac[i] = b[i];
            n->mac_len = 6;
        }
    }
    fclose(f);
    return 0;
}
