/*
 * Unix side of ICMP echo (IcmpSendEcho, Icmp6SendEcho2): an unprivileged
 * ICMP datagram socket when net.ipv4.ping_group_range admits this
 * process's group (Linux fills the id and hands over only our answers),
 * else a raw socket (root or CAP_NET_RAW), whose answers are told ours by
 * id and sequence.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <netinet/icmp6.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include "private.h"

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

/* one datagram, its sender, and the TTL or hop limit it came with (the
   control message level/type: IP_RECVTTL's or IPV6_RECVHOPLIMIT's), 0 when
   not told */
static ssize_t receive(int fd, uint8_t *buf, size_t size, void *from, socklen_t from_len, int level, int type,
                       int *ttl)
{
    char control[64];
    struct iovec iov = { buf, size };
    struct msghdr msg = { from, from_len, &iov, 1, control, sizeof(control), 0 };
    struct cmsghdr *c;
    ssize_t len = recvmsg(fd, &msg, 0);

    *ttl = 0;
    for (c = len > 0 ? CMSG_FIRSTHDR(&msg) : NULL; c; c = CMSG_NXTHDR(&msg, c))
        if (c->cmsg_level == level && c->cmsg_type == type) memcpy(ttl, CMSG_DATA(c), sizeof(*ttl));
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
        if ((len = receive(fd, reply, sizeof(reply), &from, sizeof(from), IPPROTO_IP, IP_TTL, &ttl)) < 0)
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


/* ICMPv6 error types as Windows' IP_* statuses */
static uint32_t icmp6_status(int type, int code)
{
    switch (type)
    {
    case ICMP6_DST_UNREACH:
        switch (code)
        {
        case ICMP6_DST_UNREACH_NOROUTE: return 11002;    /* IP_DEST_NO_ROUTE */
        case ICMP6_DST_UNREACH_ADMIN: return 11004;      /* IP_DEST_PROHIBITED */
        case ICMP6_DST_UNREACH_NOPORT: return 11005;     /* IP_DEST_PORT_UNREACHABLE */
        default: return 11003;                           /* IP_DEST_ADDR_UNREACHABLE */
        }
    case ICMP6_PACKET_TOO_BIG: return 11009;             /* IP_PACKET_TOO_BIG */
    case ICMP6_TIME_EXCEEDED: return code ? 11014 : 11013;   /* IP_REASSEMBLY_TIME_EXCEEDED / IP_HOP_LIMIT_EXCEEDED */
    case ICMP6_PARAM_PROB: return 11015;                 /* IP_PARAMETER_PROBLEM */
    }
    return 11050;
}

int32_t unix_icmp6_echo_call(void *args)
{
    struct iph_icmp6_params *p = args;
    uint8_t packet[65536], reply[65600];
    struct icmp6_hdr *icmp = (struct icmp6_hdr *)packet;
    struct sockaddr_in6 dest = { .sin6_family = AF_INET6 }, src = { .sin6_family = AF_INET6 }, from;
    int fd, raw = 0, hops = p->ttl, one = 1;
    uint16_t id, seq;
    long long start, left;

    p->status = 11050;   /* IP_GENERAL_FAILURE */
    if (p->data_len > sizeof(packet) - sizeof(*icmp) - 48) { p->status = 11009; return 0; }
    memcpy(&dest.sin6_addr, p->dest, 16);
    dest.sin6_scope_id = p->dest_scope;
    if ((fd = socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, IPPROTO_ICMPV6)) < 0)
    {
        if ((fd = socket(AF_INET6, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMPV6)) < 0)
        {
            p->error = errno;
            return 0;
        }
        raw = 1;
    }
    if (p->has_source)
    {
        memcpy(&src.sin6_addr, p->source, 16);
        src.sin6_scope_id = p->source_scope;
        if (bind(fd, (struct sockaddr *)&src, sizeof(src)))
        {
            p->status = 11003;   /* IP_DEST_ADDR_UNREACHABLE: no such source */
            close(fd);
            return 0;
        }
    }
    if (hops) setsockopt(fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, &hops, sizeof(hops));
    setsockopt(fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &one, sizeof(one));
    id = (uint16_t)getpid();
    seq = (uint16_t)(now_ms() & 0xffff);
    memset(icmp, 0, sizeof(*icmp));
    icmp->icmp6_type = ICMP6_ECHO_REQUEST;
    icmp->icmp6_id = htons(id);
    icmp->icmp6_seq = htons(seq);
    memcpy(packet + sizeof(*icmp), (const void *)(uintptr_t)p->data, p->data_len);
    /* the kernel computes an ICMPv6 checksum itself (it covers the pseudo-header) */
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
        const struct icmp6_hdr *answer = (const struct icmp6_hdr *)reply;
        ssize_t len;

        left = start + p->timeout - now_ms();
        if (left < 0 || poll(&pfd, 1, (int)left) <= 0) break;
        if ((len = receive(fd, reply, sizeof(reply), &from, sizeof(from), IPPROTO_IPV6, IPV6_HOPLIMIT, &hops)) < 0)
        {
            if (errno == EHOSTUNREACH || errno == ENETUNREACH)
            {
                p->status = errno == ENETUNREACH ? 11002 : 11003;
                break;
            }
            continue;
        }
        if (len < (ssize_t)sizeof(*answer)) continue;
        if (answer->icmp6_type == ICMP6_ECHO_REPLY)
        {
            if (raw && (ntohs(answer->icmp6_id) != id || ntohs(answer->icmp6_seq) != seq)) continue;
            if (!raw && ntohs(answer->icmp6_seq) != seq) continue;
            p->status = 0;
            p->reply_len = len - sizeof(*answer);
            if (p->reply_len > p->reply_max) p->reply_len = p->reply_max;
            memcpy((void *)(uintptr_t)p->reply_data, reply + sizeof(*answer), p->reply_len);
        }
        else if (raw && answer->icmp6_type < 128) p->status = icmp6_status(answer->icmp6_type, answer->icmp6_code);
        else continue;   /* our own request, neighbour discovery, someone else's echo */
        memcpy(p->reply_addr, &from.sin6_addr, 16);
        p->reply_scope = from.sin6_scope_id;
        p->reply_ttl = hops;
        break;
    }
    p->rtt = (uint32_t)(now_ms() - start);
    close(fd);
    return 0;
}
