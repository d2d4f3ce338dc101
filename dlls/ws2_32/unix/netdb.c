/*
 * Unix side of the name and address functions: getaddrinfo (results
 * flattened into struct gai_entry, Windows values), gethostname, and
 * text <-> binary addresses (inet_pton/inet_ntop/inet_aton).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include "private.h"

static int gai_error_to_wsa(int err)
{
    switch (err)
    {
    case EAI_AGAIN: return 11002;       /* WSATRY_AGAIN */
    case EAI_BADFLAGS: return 10022;    /* WSAEINVAL */
    case EAI_FAIL: return 11003;        /* WSANO_RECOVERY */
    case EAI_FAMILY: return 10047;      /* WSAEAFNOSUPPORT */
    case EAI_MEMORY: return 8;          /* WSA_NOT_ENOUGH_MEMORY */
    case EAI_SERVICE: return 10109;     /* WSATYPE_NOT_FOUND */
    case EAI_SOCKTYPE: return 10044;    /* WSAESOCKTNOSUPPORT */
    case EAI_SYSTEM: return errno_to_wsa(errno);
    case EAI_OVERFLOW: return 10014;    /* WSAEFAULT: a buffer too small */
    default: return 11001;              /* WSAHOST_NOT_FOUND */
    }
}

static int ai_flags_from_win(int f)
{
    int ret = f & (AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST);   /* 1, 2, 4 on both */
    if (f & 0x0008) ret |= AI_NUMERICSERV;
    if (f & 0x0100) ret |= AI_ALL;
    if (f & 0x0400) ret |= AI_ADDRCONFIG;
    if (f & 0x0800) ret |= AI_V4MAPPED;
    return ret;
}

static void fill_entry(struct gai_entry *e, const struct addrinfo *ai, int any_type)
{
    uint16_t family = ai->ai_family == AF_INET6 ? WS_AF_INET6 : ai->ai_family;

    memset(e, 0, sizeof(*e));
    e->flags = 0;
    e->family = family;
    e->socktype = any_type ? 0 : ai->ai_socktype;
    e->protocol = any_type ? 0 : ai->ai_protocol;
    e->addrlen = ai->ai_addrlen < sizeof(e->addr) ? ai->ai_addrlen : sizeof(e->addr);
    memcpy(e->addr, ai->ai_addr, e->addrlen);
    memcpy(e->addr, &family, 2);
}

int32_t unix_getaddrinfo_call(void *args)
{
    struct gai_params *p = args;
    struct gai_entry *entries = (struct gai_entry *)(uintptr_t)p->entries;
    struct addrinfo hints, *res, *ai;
    char *canon = (char *)(uintptr_t)p->canon;
    int err, any_type = 0;

    memset(&hints, 0, sizeof(hints));
    if (p->has_hints)
    {
        hints.ai_flags = ai_flags_from_win(p->flags);
        hints.ai_family = p->family == WS_AF_INET6 ? AF_INET6 : p->family;
        hints.ai_socktype = p->socktype;
        hints.ai_protocol = p->protocol;
    }
    /* Windows gives one entry per address when no type is asked (type 0),
     * glibc one per type: ask for one type and report type 0 */
    if (!hints.ai_socktype && !hints.ai_protocol)
    {
        hints.ai_socktype = SOCK_STREAM;
        any_type = 1;
    }
    err = getaddrinfo((const char *)(uintptr_t)p->node, (const char *)(uintptr_t)p->service, &hints, &res);
    if (err) { p->result = gai_error_to_wsa(err); p->count = 0; return 0; }
    p->count = 0;
    if (canon && p->canon_len > 0) canon[0] = 0;
    if (canon && p->canon_len > 0 && res->ai_canonname)
    {
        strncpy(canon, res->ai_canonname, p->canon_len - 1);
        canon[p->canon_len - 1] = 0;
    }
    for (ai = res; ai && p->count < p->max; ai = ai->ai_next)
    {
        if (ai->ai_family != AF_INET && ai->ai_family != AF_INET6) continue;
        fill_entry(&entries[p->count++], ai, any_type);
    }
    freeaddrinfo(res);
    p->result = p->count ? 0 : 11001;
    return 0;
}

int32_t unix_gethostname_call(void *args)
{
    struct sock_params *p = args;
    char name[256];

    if (gethostname(name, sizeof(name))) { p->result = -errno_to_wsa(errno); return 0; }
    name[sizeof(name) - 1] = 0;
    if (!p->buf || (int)strlen(name) + 1 > p->len) { p->result = -10014; return 0; }   /* WSAEFAULT */
    strcpy((char *)(uintptr_t)p->buf, name);
    p->result = 0;
    return 0;
}

int32_t unix_pton_call(void *args)
{
    struct sock_params *p = args;
    const char *str = (const char *)(uintptr_t)p->buf;
    void *out = (void *)(uintptr_t)p->addr;

    if (!str || !out) { p->result = -10014; return 0; }
    if (p->a == 0) p->result = inet_aton(str, out) ? 1 : 0;
    else if (p->a == AF_INET) p->result = inet_pton(AF_INET, str, out);
    else if (p->a == WS_AF_INET6) p->result = inet_pton(AF_INET6, str, out);
    else p->result = -10047;   /* WSAEAFNOSUPPORT */
    return 0;
}

int32_t unix_ntop_call(void *args)
{
    struct sock_params *p = args;
    const void *in = (const void *)(uintptr_t)p->addr;
    int family = p->a == WS_AF_INET6 ? AF_INET6 : p->a;

    if (family != AF_INET && family != AF_INET6) { p->result = -10047; return 0; }
    if (!in || !p->buf) { p->result = -87; return 0; }   /* ERROR_INVALID_PARAMETER */
    p->result = inet_ntop(family, in, (char *)(uintptr_t)p->buf, p->len) ? 0 : -87;
    return 0;
}

static int ni_flags_from_win(int f)
{
    int ret = 0;
    if (f & 0x01) ret |= NI_NOFQDN;
    if (f & 0x02) ret |= NI_NUMERICHOST;
    if (f & 0x04) ret |= NI_NAMEREQD;
    if (f & 0x08) ret |= NI_NUMERICSERV;
    if (f & 0x10) ret |= NI_DGRAM;
    return ret;
}

int32_t unix_getnameinfo_call(void *args)
{
    struct nameinfo_params *p = args;
    const uint8_t *win = (const uint8_t *)(uintptr_t)p->addr;
    struct sockaddr_storage ss;
    socklen_t len;
    uint16_t family;
    int err;

    if (!win || p->addrlen < 2 || p->addrlen > (int)sizeof(ss)) { p->result = 10014; return 0; }
    memset(&ss, 0, sizeof(ss));
    memcpy(&ss, win, p->addrlen);
    memcpy(&family, win, 2);
    if (family == AF_INET) len = sizeof(struct sockaddr_in);
    else if (family == WS_AF_INET6) { ss.ss_family = AF_INET6; len = sizeof(struct sockaddr_in6); }
    else { p->result = 10047; return 0; }   /* WSAEAFNOSUPPORT */
    if (p->addrlen < (int)len && !(family == WS_AF_INET6 && p->addrlen >= 24)) { p->result = 10014; return 0; }
    err = getnameinfo((struct sockaddr *)&ss, len, (char *)(uintptr_t)p->host, p->host ? p->host_len : 0,
                      (char *)(uintptr_t)p->serv, p->serv ? p->serv_len : 0, ni_flags_from_win(p->flags));
    p->result = err ? gai_error_to_wsa(err) : 0;
    return 0;
}

/* getservbyname/getservbyport from the host's services database */
int32_t unix_getservice_call(void *args)
{
    struct serv_params *p = args;
    const char *name = (const char *)(uintptr_t)p->name, *proto = (const char *)(uintptr_t)p->proto;
    struct servent ent, *found = NULL;
    char buf[4096];
    int i;

    if (name) getservbyname_r(name, proto, &ent, buf, sizeof(buf), &found);
    else getservbyport_r(p->port, proto, &ent, buf, sizeof(buf), &found);
    if (!found)
    {
        p->result = 11004;   /* WSANO_DATA */
        return 0;
    }
    snprintf(p->out_name, sizeof(p->out_name), "%s", found->s_name);
    snprintf(p->out_proto, sizeof(p->out_proto), "%s", found->s_proto);
    p->port = found->s_port;
    for (i = 0; found->s_aliases && found->s_aliases[i] && i < SERV_MAX_ALIASES; i++)
        snprintf(p->aliases[i], sizeof(p->aliases[i]), "%s", found->s_aliases[i]);
    p->n_aliases = i;
    p->result = 0;
    return 0;
}
