/*
 * Protocol statistics: GetIpStatistics(Ex), GetTcpStatistics(Ex),
 * GetUdpStatistics(Ex), GetIcmpStatistics(Ex), from the host's SNMP
 * counters (/proc/net/snmp, and snmp6 for IPv6, through iphlpapi.so).
 *
 * Linux counts TCP once for both families: both report the same counters,
 * each with its own number of connections. IPv6's forwarding flag and
 * default TTL are IPv4's (snmp6 has neither). Counters are the host's
 * since boot, cut to 32 bits as the MIB structures hold them.
 */
#include "private.h"

struct stats
{
    struct iph_stat *rows;
    ULONG n;
};

static DWORD stats_get(struct stats *s, BOOL v6)
{
    struct iph_stat_list p;

    memset(&p, 0, sizeof(p));
    p.v6 = v6;
    return iph_get_list(unix_snmp, &p, sizeof(*s->rows), (void **)&s->rows, &s->n);
}

/* a counter by name, 0 when the host has none */
static DWORD stat(const struct stats *s, const char *name)
{
    ULONG i;

    for (i = 0; i < s->n; i++)
        if (!strcmp(s->rows[i].name, name)) return (DWORD)s->rows[i].value;
    return 0;
}

static BOOL family_ok(ULONG family)
{
    return family == AF_INET || family == AF_INET6;
}

/* the rows a table of the family has, for the counts some statistics give */
static DWORD count_list(UINT32 code, BOOL udp, ULONG family)
{
    struct iph_sock_params p;
    void *rows;
    ULONG n = 0;

    memset(&p, 0, sizeof(p));
    p.family = family == AF_INET6 ? 6 : 4;
    p.udp = udp;
    if (iph_get_list(code, &p, code == unix_sockets ? sizeof(struct iph_sock_row) : sizeof(struct iph_route),
                     &rows, &n))
        return 0;
    iph_free(rows);
    return n;
}

ULONG WINAPI GetIpStatisticsEx(MIB_IPSTATS *out, ULONG family)
{
    /* MIB_IPSTATS's counters from dwInReceives on, by their IPv4 and IPv6 names */
    static const struct { const char *v4, *v6; } names[] =
    {
        { "Ip.InReceives", "Ip6InReceives" }, { "Ip.InHdrErrors", "Ip6InHdrErrors" },
        { "Ip.InAddrErrors", "Ip6InAddrErrors" }, { "Ip.ForwDatagrams", "Ip6OutForwDatagrams" },
        { "Ip.InUnknownProtos", "Ip6InUnknownProtos" }, { "Ip.InDiscards", "Ip6InDiscards" },
        { "Ip.InDelivers", "Ip6InDelivers" }, { "Ip.OutRequests", "Ip6OutRequests" },
        { "", "" } /* dwRoutingDiscards: Linux has none */, { "Ip.OutDiscards", "Ip6OutDiscards" },
        { "Ip.OutNoRoutes", "Ip6OutNoRoutes" }, { "Ip.ReasmTimeout", "Ip6ReasmTimeout" },
        { "Ip.ReasmReqds", "Ip6ReasmReqds" }, { "Ip.ReasmOKs", "Ip6ReasmOKs" },
        { "Ip.ReasmFails", "Ip6ReasmFails" }, { "Ip.FragOKs", "Ip6FragOKs" },
        { "Ip.FragFails", "Ip6FragFails" }, { "Ip.FragCreates", "Ip6FragCreates" },
    };
    struct stats v4, v6;
    struct iph_snapshot snap;
    DWORD ret, *counters;
    ULONG i;

    if (!out || !family_ok(family)) return ERROR_INVALID_PARAMETER;
    if ((ret = stats_get(&v4, FALSE))) return ret;
    if (family == AF_INET6 && (ret = stats_get(&v6, TRUE)))
    {
        iph_free(v4.rows);
        return ret;
    }
    memset(out, 0, sizeof(*out));
    /* SNMP's ipForwarding: 1 forwarding, 2 not, as MIB_IP_FORWARDING/MIB_IP_NOT_FORWARDING */
    out->dwForwarding = stat(&v4, "Ip.Forwarding");
    out->dwDefaultTTL = stat(&v4, "Ip.DefaultTTL");
    counters = &out->dwInReceives;
    for (i = 0; i < ARRAYSIZE(names); i++)
        counters[i] = family == AF_INET ? stat(&v4, names[i].v4) : stat(&v6, names[i].v6);
    if (!iph_snapshot_get(&snap))
    {
        out->dwNumIf = snap.n_ifs;
        for (i = 0; i < snap.n_addrs; i++)
            out->dwNumAddr += ((struct sockaddr *)snap.addrs[i].addr)->sa_family == family;
        iph_snapshot_free(&snap);
    }
    {
        struct iph_route_list p;
        void *rows;
        ULONG n;

        memset(&p, 0, sizeof(p));
        p.family = family == AF_INET6 ? 6 : 4;
        if (!iph_get_list(unix_routes, &p, sizeof(struct iph_route), &rows, &n))
        {
            out->dwNumRoutes = n;
            iph_free(rows);
        }
    }
    iph_free(v4.rows);
    if (family == AF_INET6) iph_free(v6.rows);
    return NO_ERROR;
}

DWORD WINAPI GetIpStatistics(MIB_IPSTATS *out)
{
    return GetIpStatisticsEx(out, AF_INET);
}

ULONG WINAPI GetTcpStatisticsEx(MIB_TCPSTATS *out, ULONG family)
{
    static const char *names[] =
    {
        "Tcp.RtoAlgorithm", "Tcp.RtoMin", "Tcp.RtoMax", "Tcp.MaxConn", "Tcp.ActiveOpens", "Tcp.PassiveOpens",
        "Tcp.AttemptFails", "Tcp.EstabResets", "Tcp.CurrEstab", "Tcp.InSegs", "Tcp.OutSegs", "Tcp.RetransSegs",
        "Tcp.InErrs", "Tcp.OutRsts",
    };
    struct stats s;
    DWORD ret, *counters;
    ULONG i;

    if (!out || !family_ok(family)) return ERROR_INVALID_PARAMETER;
    if ((ret = stats_get(&s, FALSE))) return ret;
    memset(out, 0, sizeof(*out));
    counters = (DWORD *)out;   /* dwRtoAlgorithm is a union with RtoAlgorithm; the DWORDs follow */
    for (i = 0; i < ARRAYSIZE(names); i++) counters[i] = stat(&s, names[i]);
    out->dwNumConns = count_list(unix_sockets, FALSE, family);
    iph_free(s.rows);
    return NO_ERROR;
}

DWORD WINAPI GetTcpStatistics(MIB_TCPSTATS *out)
{
    return GetTcpStatisticsEx(out, AF_INET);
}

ULONG WINAPI GetUdpStatisticsEx(MIB_UDPSTATS *out, ULONG family)
{
    BOOL v6 = family == AF_INET6;
    struct stats s;
    DWORD ret;

    if (!out || !family_ok(family)) return ERROR_INVALID_PARAMETER;
    if ((ret = stats_get(&s, v6))) return ret;
    memset(out, 0, sizeof(*out));
    out->dwInDatagrams = stat(&s, v6 ? "Udp6InDatagrams" : "Udp.InDatagrams");
    out->dwNoPorts = stat(&s, v6 ? "Udp6NoPorts" : "Udp.NoPorts");
    out->dwInErrors = stat(&s, v6 ? "Udp6InErrors" : "Udp.InErrors");
    out->dwOutDatagrams = stat(&s, v6 ? "Udp6OutDatagrams" : "Udp.OutDatagrams");
    out->dwNumAddrs = count_list(unix_sockets, TRUE, family);
    iph_free(s.rows);
    return NO_ERROR;
}

DWORD WINAPI GetUdpStatistics(MIB_UDPSTATS *out)
{
    return GetUdpStatisticsEx(out, AF_INET);
}

/* MIBICMPSTATS' counters in order, after "In"/"Out" */
static const char *icmp_names[] =
{
    "Msgs", "Errors", "DestUnreachs", "TimeExcds", "ParmProbs", "SrcQuenchs", "Redirects", "Echos", "EchoReps",
    "Timestamps", "TimestampReps", "AddrMasks", "AddrMaskReps",
};

static void fill_icmp_stats(MIBICMPSTATS *out, const struct stats *s, const char *dir)
{
    DWORD *counters = &out->dwMsgs;
    char name[64];
    ULONG i;

    for (i = 0; i < ARRAYSIZE(icmp_names); i++)
    {
        strcpy(name, "Icmp.");
        strcat(name, dir);
        strcat(name, icmp_names[i]);
        counters[i] = stat(s, name);
    }
}

DWORD WINAPI GetIcmpStatistics(MIB_ICMP *out)
{
    struct stats s;
    DWORD ret;

    if (!out) return ERROR_INVALID_PARAMETER;
    if ((ret = stats_get(&s, FALSE))) return ret;
    memset(out, 0, sizeof(*out));
    fill_icmp_stats(&out->stats.icmpInStats, &s, "In");
    fill_icmp_stats(&out->stats.icmpOutStats, &s, "Out");
    iph_free(s.rows);
    return NO_ERROR;
}

static void append_decimal(char *out, ULONG v)
{
    char digits[12];
    int n = 0;

    out += strlen(out);
    do digits[n++] = '0' + v % 10; while (v /= 10);
    while (n) *out++ = digits[--n];
    *out = 0;
}

/* messages, errors and a count per ICMP type ("IcmpMsg.InType8", "Icmp6InType128") */
static void fill_icmp_ex(MIBICMPSTATS_EX *out, const struct stats *s, BOOL v6, const char *dir)
{
    char name[64];
    ULONG type;

    strcpy(name, v6 ? "Icmp6" : "Icmp.");
    strcat(name, dir);
    strcat(name, "Msgs");
    out->dwMsgs = stat(s, name);
    strcpy(name, v6 ? "Icmp6" : "Icmp.");
    strcat(name, dir);
    strcat(name, "Errors");
    out->dwErrors = stat(s, name);
    for (type = 0; type < 256; type++)
    {
        strcpy(name, v6 ? "Icmp6" : "IcmpMsg.");
        strcat(name, dir);
        strcat(name, "Type");
        append_decimal(name, type);
        out->rgdwTypeCount[type] = stat(s, name);
    }
}

ULONG WINAPI GetIcmpStatisticsEx(MIB_ICMP_EX *out, ULONG family)
{
    struct stats s;
    BOOL v6 = family == AF_INET6;

    if (!out || !family_ok(family)) return ERROR_INVALID_PARAMETER;
    if (stats_get(&s, v6)) return ERROR_NOT_ENOUGH_MEMORY;
    memset(out, 0, sizeof(*out));
    fill_icmp_ex(&out->icmpInStats, &s, v6, "In");
    fill_icmp_ex(&out->icmpOutStats, &s, v6, "Out");
    iph_free(s.rows);
    return NO_ERROR;
}
