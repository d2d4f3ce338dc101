/*
 * Name resolution: getaddrinfo/freeaddrinfo, GetAddrInfoW/FreeAddrInfoW,
 * gethostname and a basic gethostbyname. The host's resolver runs in
 * ws2_32.so and hands back flat entries; here they become Windows lists
 * (ADDRINFOA: ai_addrlen is a size_t and ai_canonname precedes ai_addr).
 * Each node holds its address and name in the same block.
 */
#include "private.h"

#define CANON_LEN WS2_CANON_LEN

int ws2_resolve(const char *node, const char *service, const ADDRINFOA *hints, struct ws2_gai_result *res)
{
    struct gai_params p;

    memset(&p, 0, sizeof(p));
    p.node = (UINT_PTR)node;
    p.service = (UINT_PTR)service;
    p.entries = (UINT_PTR)res->entries;
    p.canon = (UINT_PTR)res->canon;
    p.max = WS2_MAX_ENTRIES;
    p.canon_len = CANON_LEN;
    if (hints)
    {
        p.has_hints = 1;
        p.flags = hints->ai_flags;
        p.family = hints->ai_family;
        p.socktype = hints->ai_socktype;
        p.protocol = hints->ai_protocol;
    }
    if (ws2_unix_call(unix_getaddrinfo, &p)) return WSANO_RECOVERY;
    res->count = p.count;
    return p.result;
}

/* ADDRINFOA and ADDRINFOW share their layout; wide picks the name's form */
static void *build_node(const struct gai_entry *e, const char *canon, BOOL wide)
{
    int name_size = 0;
    ADDRINFOA *ai;

    if (canon && *canon)
        name_size = wide ? MultiByteToWideChar(CP_UTF8, 0, canon, -1, NULL, 0) * sizeof(WCHAR) : strlen(canon) + 1;
    if (!(ai = ws2_alloc(sizeof(*ai) + sizeof(e->addr) + name_size))) return NULL;
    memset(ai, 0, sizeof(*ai));
    ai->ai_family = e->family;
    ai->ai_socktype = e->socktype;
    ai->ai_protocol = e->protocol;
    ai->ai_addrlen = e->addrlen;
    ai->ai_addr = (struct sockaddr *)(ai + 1);
    memcpy(ai->ai_addr, e->addr, e->addrlen);
    if (name_size)
    {
        ai->ai_canonname = (char *)(ai + 1) + sizeof(e->addr);
        if (wide) MultiByteToWideChar(CP_UTF8, 0, canon, -1, (WCHAR *)ai->ai_canonname, name_size / sizeof(WCHAR));
        else memcpy(ai->ai_canonname, canon, name_size);
    }
    return ai;
}

static void free_list(ADDRINFOA *ai)
{
    ADDRINFOA *next;

    for (; ai; ai = next)
    {
        next = ai->ai_next;
        ws2_free(ai);
    }
}

static int build_list(const struct ws2_gai_result *res, BOOL wide, ADDRINFOA **out)
{
    ADDRINFOA *head = NULL, **tail = &head;
    int i;

    for (i = 0; i < res->count; i++)
    {
        /* only the first node carries the canonical name */
        if (!(*tail = build_node(&res->entries[i], i ? NULL : res->canon, wide)))
        {
            free_list(head);
            return WSA_NOT_ENOUGH_MEMORY;
        }
        tail = &(*tail)->ai_next;
    }
    *out = head;
    return 0;
}

static int do_getaddrinfo(const char *node, const char *service, const ADDRINFOA *hints, BOOL wide, ADDRINFOA **out)
{
    struct ws2_gai_result *res;
    int err;

    if (!out) err = WSAEINVAL;
    else if (!(res = ws2_alloc(sizeof(*res)))) err = WSA_NOT_ENOUGH_MEMORY;
    else
    {
        *out = NULL;
        if (!(err = ws2_resolve(node, service, hints, res))) err = build_list(res, wide, out);
        ws2_free(res);
    }
    SetLastError(err);
    return err;
}

INT WINAPI getaddrinfo(const char *node, const char *service, const ADDRINFOA *hints, ADDRINFOA **res)
{
    return do_getaddrinfo(node, service, hints, FALSE, res);
}

void WINAPI freeaddrinfo(ADDRINFOA *ai) { free_list(ai); }

static char *to_utf8(const WCHAR *str)
{
    int size;
    char *ret;

    if (!str) return NULL;
    size = WideCharToMultiByte(CP_UTF8, 0, str, -1, NULL, 0, NULL, NULL);
    if ((ret = ws2_alloc(size))) WideCharToMultiByte(CP_UTF8, 0, str, -1, ret, size, NULL, NULL);
    return ret;
}

INT WINAPI GetAddrInfoW(const WCHAR *node, const WCHAR *service, const ADDRINFOW *hints, ADDRINFOW **res)
{
    char *node_a = to_utf8(node), *service_a = to_utf8(service);
    int err;

    if ((node && !node_a) || (service && !service_a)) err = WSA_NOT_ENOUGH_MEMORY;
    else err = do_getaddrinfo(node_a, service_a, (const ADDRINFOA *)hints, TRUE, (ADDRINFOA **)res);
    ws2_free(node_a);
    ws2_free(service_a);
    SetLastError(err);
    return err;
}

void WINAPI FreeAddrInfoW(ADDRINFOW *ai) { free_list((ADDRINFOA *)ai); }

int WINAPI gethostname(char *name, int len)
{
    struct sock_params p;

    memset(&p, 0, sizeof(p));
    p.buf = (UINT_PTR)name;
    p.len = len;
    return ws2_sock_call(unix_gethostname, &p) < 0 ? SOCKET_ERROR : 0;
}

/* gethostbyname's answer lives in one static block, as the API allows
 * (it is valid until the thread's next call; here, until anyone's) */
#define HOST_ADDRS 16
static struct
{
    struct hostent host;
    char *aliases[1];
    char *addr_list[HOST_ADDRS + 1];
    struct in_addr addrs[HOST_ADDRS];
    char name[CANON_LEN];
} host_buf;

struct hostent * WINAPI gethostbyname(const char *name)
{
    ADDRINFOA hints;
    struct ws2_gai_result *res;
    char local[CANON_LEN];
    int err, i;

    /* no name: the local host */
    if (!name)
    {
        if (gethostname(local, sizeof(local))) return NULL;
        name = local;
    }
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_flags = AI_CANONNAME;
    if (!(res = ws2_alloc(sizeof(*res)))) { SetLastError(WSA_NOT_ENOUGH_MEMORY); return NULL; }
    if ((err = ws2_resolve(name, NULL, &hints, res)))
    {
        ws2_free(res);
        SetLastError(err);
        return NULL;
    }
    memset(&host_buf, 0, sizeof(host_buf));
    lstrcpynA(host_buf.name, res->canon[0] ? res->canon : name, sizeof(host_buf.name));
    for (i = 0; i < res->count && i < HOST_ADDRS; i++)
    {
        memcpy(&host_buf.addrs[i], res->entries[i].addr + 4, 4);   /* sin_addr */
        host_buf.addr_list[i] = (char *)&host_buf.addrs[i];
    }
    host_buf.host.h_name = host_buf.name;
    host_buf.host.h_aliases = host_buf.aliases;
    host_buf.host.h_addrtype = AF_INET;
    host_buf.host.h_length = 4;
    host_buf.host.h_addr_list = host_buf.addr_list;
    ws2_free(res);
    SetLastError(0);
    return &host_buf.host;
}

INT WINAPI getnameinfo(const SOCKADDR *addr, socklen_t addrlen, PCHAR host, DWORD host_len,
                       PCHAR serv, DWORD serv_len, INT flags)
{
    struct nameinfo_params p;

    memset(&p, 0, sizeof(p));
    p.addr = (UINT_PTR)addr;
    p.addrlen = addrlen;
    p.host = (UINT_PTR)host;
    p.host_len = host_len;
    p.serv = (UINT_PTR)serv;
    p.serv_len = serv_len;
    p.flags = flags;
    if (ws2_unix_call(unix_getnameinfo, &p)) p.result = WSANO_RECOVERY;
    SetLastError(p.result);
    return p.result;
}

INT WINAPI GetNameInfoW(const SOCKADDR *addr, socklen_t addrlen, PWCHAR host, DWORD host_len,
                        PWCHAR serv, DWORD serv_len, INT flags)
{
    char host_a[1025], serv_a[32];
    int err;

    err = getnameinfo(addr, addrlen, host ? host_a : NULL, host ? sizeof(host_a) : 0,
                      serv ? serv_a : NULL, serv ? sizeof(serv_a) : 0, flags);
    if (err) return err;
    /* a result that does not fit the caller's buffer: WSAEFAULT, as a short buffer gives */
    if ((host && !MultiByteToWideChar(CP_UTF8, 0, host_a, -1, host, host_len))
        || (serv && !MultiByteToWideChar(CP_UTF8, 0, serv_a, -1, serv, serv_len)))
        err = WSAEFAULT;
    SetLastError(err);
    return err;
}

/* the overlapped flag changes nothing: every socket can do both; an info
   from WSADuplicateSocket carries the socket itself */
SOCKET WINAPI WSASocketA(int af, int type, int protocol, LPWSAPROTOCOL_INFOA info, GROUP group, DWORD flags)
{
    SOCKET s;

    if (!info) return socket(af, type, protocol);
    if ((s = ws2_socket_from_info(info->dwProviderReserved)) != INVALID_SOCKET) return s;
    return socket(info->iAddressFamily, info->iSocketType, info->iProtocol);
}

SOCKET WINAPI WSASocketW(int af, int type, int protocol, LPWSAPROTOCOL_INFOW info, GROUP group, DWORD flags)
{
    SOCKET s;

    if (!info) return socket(af, type, protocol);
    if ((s = ws2_socket_from_info(info->dwProviderReserved)) != INVALID_SOCKET) return s;
    return socket(info->iAddressFamily, info->iSocketType, info->iProtocol);
}
