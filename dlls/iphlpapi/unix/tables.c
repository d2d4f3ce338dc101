/*
 * Unix side of iphlpapi's tables: TCP and UDP endpoints (/proc/net/tcp,
 * tcp6, udp, udp6, with whether this process owns each: its socket's
 * inode among /proc/self/fd), routes (/proc/net/route, ipv6_route), and
 * ICMP echo (an unprivileged ICMP datagram socket when
 * net.ipv4.ping_group_range lets this group have one, else a raw socket).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include "private.h"
#include <sys/uio.h>

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

/* --- ICMP echo -------------------------------------------------------------- */

static uint16_t checksum(const void *data, size_t len)
{
    const uint8_t *b = data;
    uint32_t sum = 0;
    size_t i;

    for (i = 0; i + 1 < len; i += 2) sum += (b[i] << 8) | b[i + 1];
    if (len & 1) sum += b[len - 1] << 8;
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return htons(~sum & 0xffff);
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* ICMP types as Windows' IP_* statuses of an error answer */
static uint32_t icmp_status(int type, int code)
{
    if (type == ICMP_DEST_UNREACH)
        switch (code)
        {
        case ICMP_NET_UNREACH: return 11002;   /* IP_DEST_NET_UNREACHABLE */
        case ICMP_HOST_UNREACH: return 11003;  /* IP_DEST_HOST_UNREACHABLE */
        case ICMP_PROT_UNREACH: return 11004;  /* IP_DEST_PROT_UNREACHABLE */
        case ICMP_PORT_UNREACH: return 11005;  /* IP_DEST_PORT_UNREACHABLE */
        case ICMP_FRAG_NEEDED: return 11009;   /* IP_PACKET_TOO_BIG */
        default: return 11003;
        }
    if (type == ICMP_TIME_EXCEEDED) return code ? 11014 : 11013;   /* IP_TTL_EXPIRED_REASSEM / _TRANSIT */
    if (type == ICMP_PARAMETERPROB) return 11015;                  /* IP_PARAM_PROBLEM */
    if (type == ICMP_SOURCE_QUENCH) return 11016;                  /* IP_SOURCE_QUENCH */
    return 11050;                                                  /* IP_GENERAL_FAILURE */
}

/* one datagram, its sender and the TTL it came with (IP_RECVTTL), 0 when not told */
static ssize_t receive(int fd, uint8_t *buf, size_t size, struct sockaddr_in *from, int *ttl)
{
    char control[64];
    struct iovec iov = { buf, size };
    struct msghdr msg = { from, sizeof(*from), &iov, 1, control, sizeof(control), 0 };
    struct cmsghdr *c;
    ssize_t len = recvmsg(fd, &msg, 0);

    *ttl = 0;
    for (c = len > 0 ? CMSG_FIRSTHDR(&msg) : NULL; c; c = CMSG_NXTHDR(&msg, c))
        if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_TTL) memcpy(ttl, CMSG_DATA(c), sizeof(*ttl));
    return len;
}

int32_t unix_icmp_echo_call(void *args)
{
    struct iph_icmp_params *p = args;
    uint8_t packet[65536], reply[65600];
    struct icmphdr *icmp = (struct icmphdr *)packet;
    struct sockaddr_in dest = { .sin_family = AF_INET }, from;
    uint16_t id, seq;
    int fd, raw = 0, ttl = p->ttl, one = 1;
    long long start, left;

    p->status = 11050;   /* IP_GENERAL_FAILURE */
    if (p->data_len > sizeof(packet) - sizeof(*icmp) - 28) { p->status = 11009; return 0; }
    memcpy(&dest.sin_addr, &p->dest, 4);
    /* an ICMP datagram socket: Linux fills the id and checks the answers are ours */
    if ((fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, IPPROTO_ICMP)) < 0)
    {
        if ((fd = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMP)) < 0)
        {
            p->error = errno;
            return 0;
        }
        raw = 1;
    }
    if (ttl) setsockopt(fd, IPPROTO_IP, IP_TTL, &ttl, sizeof(ttl));
    setsockopt(fd, IPPROTO_IP, IP_RECVTTL, &one, sizeof(one));   /* a datagram socket hides the header */
    if (p->tos) setsockopt(fd, IPPROTO_IP, IP_TOS, &p->tos, sizeof(p->tos));
    if (p->dont_fragment)
    {
        int pmtu = IP_PMTUDISC_DO;
        setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &pmtu, sizeof(pmtu));
    }
    id = (uint16_t)getpid();
    seq = (uint16_t)(now_ms() & 0xffff);
    memset(icmp, 0, sizeof(*icmp));
    icmp->type = ICMP_ECHO;
    icmp->un.echo.id = htons(id);
    icmp->un.echo.sequence = htons(seq);
    memcpy(packet + sizeof(*icmp), (const void *)(uintptr_t)p->data, p->data_len);
    icmp->checksum = checksum(packet, sizeof(*icmp) + p->data_len);
    start = now_ms();
    if (sendto(fd, packet, sizeof(*icmp) + p->data_len, 0, (struct sockaddr *)&dest, sizeof(dest)) < 0)
    {
        p->status = errno == EMSGSIZE ? 11009 : errno == ENETUNREACH ? 11002 : 11003;
        close(fd);
        return 0;
    }
    p->status = 11010;   /* IP_REQ_TIMED_OUT */
    for (;;)
    {
        struct pollfd pfd = { fd, POLLIN, 0 };
        const uint8_t *msg = reply;
        const struct icmphdr *answer;
        ssize_t len;
        int ip_len = 0;

        left = start + p->timeout - now_ms();
        if (left < 0 || poll(&pfd, 1, (int)left) <= 0) break;
        if ((len = receive(fd, reply, sizeof(reply), &from, &ttl)) < 0)
        {
            /* a datagram socket is told an ICMP error as an errno */
            if (errno == EHOSTUNREACH || errno == ENETUNREACH)
            {
                p->status = errno == ENETUNREACH ? 11002 : 11003;
                break;
            }
            continue;
        }
        if (!len) continue;
        p->reply_ttl = ttl;
        if (raw)
        {
            ip_len = (reply[0] & 0x0f) * 4;   /* a raw socket reads the IP header too */
            if (len < ip_len + (ssize_t)sizeof(*answer)) continue;
            p->reply_ttl = reply[8];   /* the answer's TTL */
            msg += ip_len;
            len -= ip_len;
        }
        answer = (const struct icmphdr *)msg;
        if (answer->type == ICMP_ECHOREPLY)
        {
            /* a raw socket sees every echo reply of the host: ours has our id and sequence */
            if (raw && (ntohs(answer->un.echo.id) != id || ntohs(answer->un.echo.sequence) != seq)) continue;
            if (!raw && ntohs(answer->un.echo.sequence) != seq) continue;
            p->status = 0;
            p->reply_len = len - sizeof(*answer);
            if (p->reply_len > p->reply_max) p->reply_len = p->reply_max;
            memcpy((void *)(uintptr_t)p->reply_data, msg + sizeof(*answer), p->reply_len);
        }
        else if (raw && answer->type != ICMP_ECHO) p->status = icmp_status(answer->type, answer->code);
        else continue;   /* our own request seen on loopback, or someone else's */
        memcpy(&p->reply_addr, &from.sin_addr, 4);
        break;
    }
    p->rtt = (uint32_t)(now_ms() - start);
    close(fd);
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
