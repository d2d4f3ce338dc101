/*
 * TCP and UDP endpoint tables: GetTcpTable, GetTcp6Table, GetTcpTable2,
 * GetTcp6Table2, GetExtendedTcpTable, GetUdpTable, GetUdp6Table,
 * GetExtendedUdpTable,
 * from /proc/net/{tcp,udp}[6] (iphlpapi.so).
 *
 * Every table is a DWORD count, then its rows from the rows' alignment on.
 * Sorted (bOrder) means by local address, local port, remote address,
 * remote port, ascending as numbers. The owning process is known only for
 * this process's own sockets: wlx's process ids are the server's, not
 * Linux's, and another process's sockets report 0 (owner unknown). The
 * module rows carry no creation time or module information.
 */
#include "private.h"

/* the row layouts, by family and class */
enum row_kind
{
    TCP4_BASIC, TCP4_PID, TCP4_MODULE, TCP6_BASIC, TCP6_PID, TCP6_MODULE,
    UDP4_BASIC, UDP4_PID, UDP4_MODULE, UDP6_BASIC, UDP6_PID, UDP6_MODULE,
    TCP4_ROW2, TCP6_ROW2,
};

static const struct { ULONG size, align; } layouts[] =
{
    { sizeof(MIB_TCPROW), 4 }, { sizeof(MIB_TCPROW_OWNER_PID), 4 }, { sizeof(MIB_TCPROW_OWNER_MODULE), 8 },
    { sizeof(MIB_TCP6ROW), 4 }, { sizeof(MIB_TCP6ROW_OWNER_PID), 4 }, { sizeof(MIB_TCP6ROW_OWNER_MODULE), 8 },
    { sizeof(MIB_UDPROW), 4 }, { sizeof(MIB_UDPROW_OWNER_PID), 4 }, { sizeof(MIB_UDPROW_OWNER_MODULE), 8 },
    { sizeof(MIB_UDP6ROW), 4 }, { sizeof(MIB_UDP6ROW_OWNER_PID), 4 }, { sizeof(MIB_UDP6ROW_OWNER_MODULE), 8 },
    { sizeof(MIB_TCPROW2), 4 }, { sizeof(MIB_TCP6ROW2), 4 },
};

static DWORD addr4(const BYTE *b)
{
    DWORD v;
    memcpy(&v, b, 4);
    return v;
}

static void fill_row(enum row_kind kind, void *dst, const struct iph_sock_row *r)
{
    DWORD pid = r->own ? GetCurrentProcessId() : 0;
    /* ports in network order in the low 16 bits */
    DWORD lport = __builtin_bswap16((USHORT)r->local_port), rport = __builtin_bswap16((USHORT)r->remote_port);

    switch (kind)
    {
    case TCP4_BASIC: case TCP4_PID: case TCP4_MODULE:
    {
        MIB_TCPROW_OWNER_MODULE *row = dst;   /* the smaller rows are its beginning */
        row->dwState = r->state;
        row->dwLocalAddr = addr4(r->local);
        row->dwLocalPort = lport;
        row->dwRemoteAddr = addr4(r->remote);
        row->dwRemotePort = rport;
        if (kind != TCP4_BASIC) row->dwOwningPid = pid;
        break;
    }
    case TCP6_BASIC:
    {
        MIB_TCP6ROW *row = dst;
        row->State = r->state;
        memcpy(&row->LocalAddr, r->local, 16);
        row->dwLocalPort = lport;
        memcpy(&row->RemoteAddr, r->remote, 16);
        row->dwRemotePort = rport;
        break;
    }
    case TCP6_PID: case TCP6_MODULE:
    {
        MIB_TCP6ROW_OWNER_MODULE *row = dst;
        memcpy(row->ucLocalAddr, r->local, 16);
        row->dwLocalPort = lport;
        memcpy(row->ucRemoteAddr, r->remote, 16);
        row->dwRemotePort = rport;
        row->dwState = r->state;
        row->dwOwningPid = pid;
        break;
    }
    case TCP4_ROW2:
    {
        MIB_TCPROW2 *row = dst;   /* dwOffloadState 0: TcpConnectionOffloadStateInHost */
        row->dwState = r->state;
        row->dwLocalAddr = addr4(r->local);
        row->dwLocalPort = lport;
        row->dwRemoteAddr = addr4(r->remote);
        row->dwRemotePort = rport;
        row->dwOwningPid = pid;
        break;
    }
    case TCP6_ROW2:
    {
        MIB_TCP6ROW2 *row = dst;
        memcpy(&row->LocalAddr, r->local, 16);
        row->dwLocalPort = lport;
        memcpy(&row->RemoteAddr, r->remote, 16);
        row->dwRemotePort = rport;
        row->State = r->state;
        row->dwOwningPid = pid;
        break;
    }
    case UDP4_BASIC: case UDP4_PID: case UDP4_MODULE:
    {
        MIB_UDPROW_OWNER_MODULE *row = dst;
        row->dwLocalAddr = addr4(r->local);
        row->dwLocalPort = lport;
        if (kind != UDP4_BASIC) row->dwOwningPid = pid;
        break;
    }
    case UDP6_BASIC:
    {
        MIB_UDP6ROW *row = dst;
        memcpy(&row->dwLocalAddr, r->local, 16);
        row->dwLocalPort = lport;
        break;
    }
    case UDP6_PID: case UDP6_MODULE:
    {
        MIB_UDP6ROW_OWNER_MODULE *row = dst;
        memcpy(row->ucLocalAddr, r->local, 16);
        row->dwLocalPort = lport;
        row->dwOwningPid = pid;
        break;
    }
    }
}

static int cmp_rows(const void *pa, const void *pb)
{
    const struct iph_sock_row *a = pa, *b = pb;
    int len = a->v6 ? 16 : 4, ret;

    if ((ret = memcmp(a->local, b->local, len))) return ret;
    if (a->local_port != b->local_port) return a->local_port < b->local_port ? -1 : 1;
    if ((ret = memcmp(a->remote, b->remote, len))) return ret;
    if (a->remote_port != b->remote_port) return a->remote_port < b->remote_port ? -1 : 1;
    return 0;
}

/* which rows a class keeps: 0 all, 1 listeners, 2 the others */
static DWORD build_table(void *table, DWORD *size, BOOL order, BOOL udp, ULONG family, enum row_kind kind, int which)
{
    struct iph_sock_params p;
    struct iph_sock_row *rows;
    ULONG count, i, n = 0, header = layouts[kind].align, row_size = layouts[kind].size;
    DWORD err, need;
    BYTE *out;

    if (!size) return ERROR_INVALID_PARAMETER;
    memset(&p, 0, sizeof(p));
    p.family = family == AF_INET ? 4 : 6;
    p.udp = udp;
    if ((err = iph_get_list(unix_sockets, &p, sizeof(*rows), (void **)&rows, &count))) return err;
    for (i = 0; i < count; i++)
    {
        BOOL listener = rows[i].state == MIB_TCP_STATE_LISTEN;
        if (which == 0 || (which == 1) == listener) rows[n++] = rows[i];
    }
    need = header + n * row_size;
    if (!table || *size < need)
    {
        *size = need;
        iph_free(rows);
        return ERROR_INSUFFICIENT_BUFFER;
    }
    if (order)
    {
        struct iph_sock_row tmp;
        iph_sort(rows, n, sizeof(*rows), cmp_rows, &tmp);
    }
    memset(table, 0, need);
    *(DWORD *)table = n;
    out = (BYTE *)table + header;
    for (i = 0; i < n; i++) fill_row(kind, out + i * row_size, &rows[i]);
    *size = need;
    iph_free(rows);
    return NO_ERROR;
}

DWORD WINAPI GetExtendedTcpTable(void *table, DWORD *size, BOOL order, ULONG family, TCP_TABLE_CLASS cls,
                                 ULONG reserved)
{
    static const int which[] = { 1, 2, 0, 1, 2, 0, 1, 2, 0 };
    enum row_kind kind;

    (void)reserved;
    if ((family != AF_INET && family != AF_INET6) || (ULONG)cls > TCP_TABLE_OWNER_MODULE_ALL)
        return ERROR_INVALID_PARAMETER;
    kind = (family == AF_INET ? TCP4_BASIC : TCP6_BASIC) + cls / 3;
    return build_table(table, size, order, FALSE, family, kind, which[cls]);
}

DWORD WINAPI GetTcpTable(MIB_TCPTABLE *table, DWORD *size, BOOL order)
{
    return GetExtendedTcpTable(table, size, order, AF_INET, TCP_TABLE_BASIC_ALL, 0);
}

ULONG WINAPI GetTcp6Table(MIB_TCP6TABLE *table, ULONG *size, BOOL order)
{
    return GetExtendedTcpTable(table, size, order, AF_INET6, TCP_TABLE_BASIC_ALL, 0);
}

DWORD WINAPI GetExtendedUdpTable(void *table, DWORD *size, BOOL order, ULONG family, UDP_TABLE_CLASS cls,
                                 ULONG reserved)
{
    (void)reserved;
    if ((family != AF_INET && family != AF_INET6) || (ULONG)cls > UDP_TABLE_OWNER_MODULE)
        return ERROR_INVALID_PARAMETER;
    return build_table(table, size, order, TRUE, family, (family == AF_INET ? UDP4_BASIC : UDP6_BASIC) + cls, 0);
}

DWORD WINAPI GetUdpTable(MIB_UDPTABLE *table, DWORD *size, BOOL order)
{
    return GetExtendedUdpTable(table, size, order, AF_INET, UDP_TABLE_BASIC, 0);
}

ULONG WINAPI GetUdp6Table(MIB_UDP6TABLE *table, ULONG *size, BOOL order)
{
    return GetExtendedUdpTable(table, size, order, AF_INET6, UDP_TABLE_BASIC, 0);
}

ULONG WINAPI GetTcpTable2(MIB_TCPTABLE2 *table, ULONG *size, BOOL order)
{
    return build_table(table, size, order, FALSE, AF_INET, TCP4_ROW2, 0);
}

ULONG WINAPI GetTcp6Table2(MIB_TCP6TABLE2 *table, ULONG *size, BOOL order)
{
    return build_table(table, size, order, FALSE, AF_INET6, TCP6_ROW2, 0);
}
