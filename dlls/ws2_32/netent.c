/*
 * The Winsock 1 database calls: getprotobyname, getprotobynumber,
 * getservbyname, getservbyport and gethostbyaddr.
 *
 * Protocols come from Windows' own protocol file (the table below, as
 * Windows ships it: the name, then the name in capitals as alias), so that
 * they do not depend on the host's /etc/protocols. Services are the host's
 * services database (ws2_32.so), which lists the same well-known ports.
 * gethostbyaddr is getnameinfo with NI_NAMEREQD. Each answer lives in a
 * buffer of the calling thread, valid until its next call, as documented;
 * what is not found is NULL with WSANO_DATA (WSAHOST_NOT_FOUND for hosts).
 */
#include "private.h"

static const struct
{
    short number;
    const char *name, *alias;
}
protocols[] =
{
    { 0, "ip", "IP" }, { 1, "icmp", "ICMP" }, { 3, "ggp", "GGP" }, { 6, "tcp", "TCP" }, { 8, "egp", "EGP" },
    { 12, "pup", "PUP" }, { 17, "udp", "UDP" }, { 20, "hmp", "HMP" }, { 22, "xns-idp", "XNS-IDP" },
    { 27, "rdp", "RDP" }, { 41, "ipv6", "IPv6" }, { 43, "ipv6-route", "IPv6-Route" },
    { 44, "ipv6-frag", "IPv6-Frag" }, { 50, "esp", "ESP" }, { 51, "ah", "AH" }, { 58, "ipv6-icmp", "IPv6-ICMP" },
    { 59, "ipv6-nonxt", "IPv6-NoNxt" }, { 60, "ipv6-opts", "IPv6-Opts" }, { 66, "rvd", "RVD" },
};

/* one thread's answers */
struct db_buffers
{
    struct protoent proto;
    char *proto_aliases[2];
    char proto_name[16], proto_alias[16];
    struct servent serv;
    char *serv_aliases[SERV_MAX_ALIASES + 1];
    struct serv_params serv_data;
    struct hostent host;
    char *host_aliases[1];
    char *host_addrs[2];
    BYTE host_addr[16];
    char host_name[1025];
};

static DWORD db_tls = TLS_OUT_OF_INDEXES;

static struct db_buffers *thread_buffers(void)
{
    struct db_buffers *b;
    DWORD index = db_tls;

    if (index == TLS_OUT_OF_INDEXES)
    {
        if ((index = TlsAlloc()) == TLS_OUT_OF_INDEXES) return NULL;
        if (InterlockedCompareExchange((LONG *)&db_tls, index, TLS_OUT_OF_INDEXES) != (LONG)TLS_OUT_OF_INDEXES)
        {
            TlsFree(index);
            index = db_tls;
        }
    }
    if (!(b = TlsGetValue(index)) && (b = ws2_alloc(sizeof(*b))))
    {
        memset(b, 0, sizeof(*b));
        TlsSetValue(index, b);
    }
    return b;
}

static struct protoent *protocol_entry(int i)
{
    struct db_buffers *b = thread_buffers();

    if (!b)
    {
        SetLastError(WSA_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    strcpy(b->proto_name, protocols[i].name);
    strcpy(b->proto_alias, protocols[i].alias);
    b->proto_aliases[0] = b->proto_alias;
    b->proto_aliases[1] = NULL;
    b->proto.p_name = b->proto_name;
    b->proto.p_aliases = b->proto_aliases;
    b->proto.p_proto = protocols[i].number;
    return &b->proto;
}

struct protoent * WINAPI getprotobyname(const char *name)
{
    int i;

    for (i = 0; name && i < ARRAYSIZE(protocols); i++)
        if (!lstrcmpiA(name, protocols[i].name) || !lstrcmpiA(name, protocols[i].alias)) return protocol_entry(i);
    SetLastError(WSANO_DATA);
    return NULL;
}

struct protoent * WINAPI getprotobynumber(int number)
{
    int i;

    for (i = 0; i < ARRAYSIZE(protocols); i++)
        if (protocols[i].number == number) return protocol_entry(i);
    SetLastError(WSANO_DATA);
    return NULL;
}

static struct servent *service(const char *name, int port, const char *proto)
{
    struct db_buffers *b = thread_buffers();
    struct serv_params *p;
    int i;

    if (!b)
    {
        SetLastError(WSA_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    p = &b->serv_data;
    memset(p, 0, sizeof(*p));
    p->name = (UINT_PTR)name;
    p->proto = (UINT_PTR)proto;
    p->port = port;
    if (ws2_unix_call(unix_getservice, p)) p->result = WSANO_RECOVERY;
    if (p->result)
    {
        SetLastError(p->result);
        return NULL;
    }
    for (i = 0; i < p->n_aliases; i++) b->serv_aliases[i] = p->aliases[i];
    b->serv_aliases[i] = NULL;
    b->serv.s_name = p->out_name;
    b->serv.s_aliases = b->serv_aliases;
    b->serv.s_port = (short)p->port;
    b->serv.s_proto = p->out_proto;
    return &b->serv;
}

struct servent * WINAPI getservbyname(const char *name, const char *proto)
{
    if (!name)
    {
        SetLastError(WSANO_DATA);
        return NULL;
    }
    return service(name, 0, proto);
}

/* port in network order, as the call takes it */
struct servent * WINAPI getservbyport(int port, const char *proto)
{
    return service(NULL, (unsigned short)port, proto);
}

struct hostent * WINAPI gethostbyaddr(const char *addr, int len, int type)
{
    SOCKADDR_STORAGE ss;
    struct db_buffers *b;
    int salen, err;

    if (!addr)
    {
        SetLastError(WSAEFAULT);
        return NULL;
    }
    if (type != AF_INET && type != AF_INET6)
    {
        SetLastError(WSAEAFNOSUPPORT);
        return NULL;
    }
    if (len != (type == AF_INET ? 4 : 16))
    {
        SetLastError(WSAEFAULT);
        return NULL;
    }
    if (!(b = thread_buffers()))
    {
        SetLastError(WSA_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    memset(&ss, 0, sizeof(ss));
    ss.ss_family = type;
    if (type == AF_INET) memcpy(&((SOCKADDR_IN *)&ss)->sin_addr, addr, 4);
    else memcpy(&((SOCKADDR_IN6 *)&ss)->sin6_addr, addr, 16);
    salen = type == AF_INET ? sizeof(SOCKADDR_IN) : sizeof(SOCKADDR_IN6);
    if ((err = getnameinfo((SOCKADDR *)&ss, salen, b->host_name, sizeof(b->host_name), NULL, 0, NI_NAMEREQD)))
    {
        SetLastError(err == EAI_NONAME ? WSAHOST_NOT_FOUND : err);
        return NULL;
    }
    memcpy(b->host_addr, addr, len);
    b->host_aliases[0] = NULL;
    b->host_addrs[0] = (char *)b->host_addr;
    b->host_addrs[1] = NULL;
    b->host.h_name = b->host_name;
    b->host.h_aliases = b->host_aliases;
    b->host.h_addrtype = type;
    b->host.h_length = len;
    b->host.h_addr_list = b->host_addrs;
    SetLastError(0);
    return &b->host;
}
