/*
 * Unix side of setsockopt/getsockopt: Windows option levels, names and
 * value layouts turned into Linux ones (SOL_SOCKET is 0xffff there,
 * IPV6_V6ONLY 27, a linger is two u_shorts, timeouts are DWORD ms).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/time.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include "private.h"

enum opt_kind { OPT_INT, OPT_LINGER, OPT_DONTLINGER, OPT_TIMEOUT, OPT_ERROR, OPT_BUFSIZE, OPT_FAMILY, OPT_EXCLUSIVE };

struct opt_map { int level, name, unix_level, unix_name; enum opt_kind kind; };

static const struct opt_map opts[] =
{
    { WS_SOL_SOCKET, 0x0001, SOL_SOCKET, SO_DEBUG, OPT_INT },
    { WS_SOL_SOCKET, 0x0002, SOL_SOCKET, SO_ACCEPTCONN, OPT_INT },
    { WS_SOL_SOCKET, 0x0004, SOL_SOCKET, SO_REUSEADDR, OPT_INT },
    { WS_SOL_SOCKET, (int)0xfffffffb, SOL_SOCKET, SO_REUSEADDR, OPT_EXCLUSIVE },   /* SO_EXCLUSIVEADDRUSE */
    { WS_SOL_SOCKET, 0x0008, SOL_SOCKET, SO_KEEPALIVE, OPT_INT },
    { WS_SOL_SOCKET, 0x0010, SOL_SOCKET, SO_DONTROUTE, OPT_INT },
    { WS_SOL_SOCKET, 0x0020, SOL_SOCKET, SO_BROADCAST, OPT_INT },
    { WS_SOL_SOCKET, 0x0080, SOL_SOCKET, SO_LINGER, OPT_LINGER },
    { WS_SOL_SOCKET, 0xff7f, SOL_SOCKET, SO_LINGER, OPT_DONTLINGER },   /* ~SO_LINGER */
    { WS_SOL_SOCKET, 0x0100, SOL_SOCKET, SO_OOBINLINE, OPT_INT },
    { WS_SOL_SOCKET, 0x1001, SOL_SOCKET, SO_SNDBUF, OPT_BUFSIZE },
    { WS_SOL_SOCKET, 0x1002, SOL_SOCKET, SO_RCVBUF, OPT_BUFSIZE },
    { WS_SOL_SOCKET, 0x1005, SOL_SOCKET, SO_SNDTIMEO, OPT_TIMEOUT },
    { WS_SOL_SOCKET, 0x1006, SOL_SOCKET, SO_RCVTIMEO, OPT_TIMEOUT },
    { WS_SOL_SOCKET, 0x1007, SOL_SOCKET, SO_ERROR, OPT_ERROR },
    { WS_SOL_SOCKET, 0x1008, SOL_SOCKET, SO_TYPE, OPT_INT },
    { WS_SOL_SOCKET, WLX_SO_FAMILY, SOL_SOCKET, SO_DOMAIN, OPT_FAMILY },
    { WS_SOL_SOCKET, WLX_SO_PROTOCOL, SOL_SOCKET, SO_PROTOCOL, OPT_INT },
    { 6, 0x0001, IPPROTO_TCP, TCP_NODELAY, OPT_INT },
    { 6, 3, IPPROTO_TCP, TCP_KEEPIDLE, OPT_INT },      /* TCP_KEEPALIVE: seconds */
    { 6, 16, IPPROTO_TCP, TCP_KEEPCNT, OPT_INT },
    { 6, 17, IPPROTO_TCP, TCP_KEEPINTVL, OPT_INT },
    { 0, 3, IPPROTO_IP, IP_TOS, OPT_INT },
    { 0, 4, IPPROTO_IP, IP_TTL, OPT_INT },
    { 41, 27, IPPROTO_IPV6, IPV6_V6ONLY, OPT_INT },
    { 41, 4, IPPROTO_IPV6, IPV6_UNICAST_HOPS, OPT_INT },
};

/* SO_EXCLUSIVEADDRUSE per socket, by descriptor (cleared when a descriptor
   becomes a new socket). Linux refuses a second bind to an address in use
   unless both sockets set SO_REUSEADDR, so an exclusive socket is one that
   keeps SO_REUSEADDR off; Windows refuses to set both on one socket. */
#define MAX_EXCLUSIVE_FD 65536
static uint8_t exclusive[MAX_EXCLUSIVE_FD / 8];

void sock_clear_options(int fd)
{
    if (fd >= 0 && fd < MAX_EXCLUSIVE_FD) __atomic_and_fetch(&exclusive[fd / 8], ~(1u << (fd % 8)), __ATOMIC_RELAXED);
}

static int is_exclusive(int fd)
{
    return fd >= 0 && fd < MAX_EXCLUSIVE_FD && (exclusive[fd / 8] >> (fd % 8)) & 1;
}

/* sets or clears the flag; a Winsock error (negative) or 0 */
static int set_exclusive(int fd, int on)
{
    int reuse = 0;
    socklen_t len = sizeof(reuse);

    if (fd >= MAX_EXCLUSIVE_FD) return -10055;   /* WSAENOBUFS */
    if (on && !getsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, &len) && reuse) return -10022;   /* WSAEINVAL */
    if (on) __atomic_or_fetch(&exclusive[fd / 8], 1u << (fd % 8), __ATOMIC_RELAXED);
    else sock_clear_options(fd);
    return 0;
}

static const struct opt_map *find_opt(int level, int name)
{
    unsigned int i;
    for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
        if (opts[i].level == level && opts[i].name == name) return &opts[i];
    return NULL;
}

/* Windows reads a BOOL/int option from as little as one byte */
static int read_int(const void *buf, int len)
{
    int v = 0;
    if (len >= 4) memcpy(&v, buf, 4);
    else if (len >= 1) v = *(const uint8_t *)buf;
    return v;
}

int32_t unix_setsockopt_call(void *args)
{
    struct sock_params *p = args;
    const void *buf = (const void *)(uintptr_t)p->buf;
    const struct opt_map *opt = find_opt(p->a, p->b);
    struct linger lg;
    struct timeval tv;
    uint16_t wl[2];
    int fd, v, ret;

    if ((fd = sock_fd(p->handle)) < 0) { p->result = -10038; return 0; }
    if (!opt) { p->result = -10042; return 0; }   /* WSAENOPROTOOPT */
    if (!buf || p->len < 1) { p->result = -10014; return 0; }
    switch (opt->kind)
    {
    case OPT_LINGER:
        if (p->len < 4) { p->result = -10014; return 0; }
        memcpy(wl, buf, 4);
        lg.l_onoff = !!wl[0];
        lg.l_linger = wl[1];
        ret = setsockopt(fd, opt->unix_level, opt->unix_name, &lg, sizeof(lg));
        break;
    case OPT_DONTLINGER:
        lg.l_onoff = !read_int(buf, p->len);
        lg.l_linger = 0;
        ret = setsockopt(fd, opt->unix_level, opt->unix_name, &lg, sizeof(lg));
        break;
    case OPT_EXCLUSIVE:
        p->result = set_exclusive(fd, read_int(buf, p->len));
        return 0;
    case OPT_TIMEOUT:
        v = read_int(buf, p->len);
        tv.tv_sec = (unsigned int)v / 1000;
        tv.tv_usec = (unsigned int)v % 1000 * 1000;
        ret = setsockopt(fd, opt->unix_level, opt->unix_name, &tv, sizeof(tv));
        break;
    default:
        v = read_int(buf, p->len);
        /* SO_REUSEADDR on an exclusive socket: refused as on Windows */
        if (v && opt->unix_name == SO_REUSEADDR && opt->unix_level == SOL_SOCKET && is_exclusive(fd))
        {
            p->result = -10022;
            return 0;
        }
        ret = setsockopt(fd, opt->unix_level, opt->unix_name, &v, sizeof(v));
        break;
    }
    p->result = ret ? -errno_to_wsa(errno) : 0;
    return 0;
}

static int get_value(int fd, const struct opt_map *opt, int *value)
{
    struct linger lg;
    struct timeval tv;
    socklen_t len;
    int v;

    switch (opt->kind)
    {
    case OPT_EXCLUSIVE:
        *value = is_exclusive(fd);
        return 0;
    case OPT_LINGER:
    case OPT_DONTLINGER:
        len = sizeof(lg);
        if (getsockopt(fd, opt->unix_level, opt->unix_name, &lg, &len)) return -errno_to_wsa(errno);
        if (opt->kind == OPT_DONTLINGER) *value = !lg.l_onoff;
        else *value = (lg.l_onoff ? 1 : 0) | (lg.l_linger << 16);   /* two u_shorts */
        return 0;
    case OPT_TIMEOUT:
        len = sizeof(tv);
        if (getsockopt(fd, opt->unix_level, opt->unix_name, &tv, &len)) return -errno_to_wsa(errno);
        *value = tv.tv_sec * 1000 + tv.tv_usec / 1000;
        return 0;
    default:
        len = sizeof(v);
        if (getsockopt(fd, opt->unix_level, opt->unix_name, &v, &len)) return -errno_to_wsa(errno);
        if (opt->kind == OPT_ERROR && v) v = errno_to_wsa(v);
        if (opt->kind == OPT_FAMILY && v == AF_INET6) v = WS_AF_INET6;
        /* Linux reports twice the size set (its bookkeeping); Windows the size set */
        if (opt->kind == OPT_BUFSIZE) v /= 2;
        *value = v;
        return 0;
    }
}

int32_t unix_getsockopt_call(void *args)
{
    struct sock_params *p = args;
    void *buf = (void *)(uintptr_t)p->buf;
    const struct opt_map *opt = find_opt(p->a, p->b);
    int fd, v = 0, err;

    if ((fd = sock_fd(p->handle)) < 0) { p->result = -10038; return 0; }
    if (!opt) { p->result = -10042; return 0; }
    if (!buf || p->len < 4) { p->result = -10014; return 0; }
    if ((err = get_value(fd, opt, &v))) { p->result = err; return 0; }
    memcpy(buf, &v, 4);
    p->len = 4;
    p->result = 0;
    return 0;
}
