/*
 * ICMP echo (ping): IcmpCreateFile, IcmpCloseHandle, IcmpSendEcho,
 * IcmpSendEcho2 and IcmpParseReplies, and for IPv6 Icmp6CreateFile,
 * Icmp6SendEcho2 and Icmp6ParseReplies, over iphlpapi.so's ICMP socket (an
 * unprivileged datagram socket where net.ipv4.ping_group_range allows,
 * else a raw one, which needs CAP_NET_RAW; with neither the call fails
 * with the errno's Win32 error, ERROR_ACCESS_DENIED for EPERM/EACCES).
 *
 * The answer is one ICMP_ECHO_REPLY followed by its data. A reply buffer
 * must hold the reply, the request's data and 8 bytes more (an ICMP
 * error's), as documented, else ERROR_INSUFFICIENT_BUFFER. IcmpSendEcho2
 * with an event or an APC runs on a thread of its own and returns 0 with
 * ERROR_IO_PENDING; the number of replies is then kept in the first
 * reply's Reserved field, which IcmpParseReplies reads. An IPv6 answer is
 * one ICMPV6_ECHO_REPLY (its address a packed IPV6_ADDRESS_EX) and the data.
 */
#include "private.h"
#include <ipexport.h>
#include <icmpapi.h>
#include <winternl.h>

#define ICMP_MAGIC 0x49434d50   /* "ICMP" */

/* ipexport.h's IPV6_ADDRESS_EX is packed (mingw-w64 declares it without) */
#pragma pack(push, 1)
struct ipv6_address_ex
{
    USHORT sin6_port;
    ULONG  sin6_flowinfo;
    USHORT sin6_addr[8];
    ULONG  sin6_scope_id;
};
#pragma pack(pop)

struct icmpv6_echo_reply
{
    struct ipv6_address_ex Address;
    ULONG Status;
    unsigned int RoundTripTime;
    /* the data follows */
};
C_ASSERT(sizeof(struct ipv6_address_ex) == 26);
C_ASSERT(sizeof(struct icmpv6_echo_reply) == 36);

struct icmp_handle
{
    DWORD magic;
};

HANDLE WINAPI IcmpCreateFile(void)
{
    struct icmp_handle *h = iph_alloc(sizeof(*h));

    if (!h)
    {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return INVALID_HANDLE_VALUE;
    }
    h->magic = ICMP_MAGIC;
    return h;
}

static BOOL valid_handle(HANDLE handle)
{
    struct icmp_handle *h = handle;
    return h && handle != INVALID_HANDLE_VALUE && h->magic == ICMP_MAGIC;
}

BOOL WINAPI IcmpCloseHandle(HANDLE handle)
{
    struct icmp_handle *h = handle;

    if (!valid_handle(handle))
    {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    h->magic = 0;
    iph_free(h);
    return TRUE;
}

/* one echo into reply (checked already); the number of replies (0 or 1) and the Win32/IP error */
static DWORD send_echo(IPAddr dest, const void *data, WORD size, const IP_OPTION_INFORMATION *opts, void *reply,
                       DWORD reply_size, DWORD timeout, DWORD *error)
{
    ICMP_ECHO_REPLY *r = reply;
    struct iph_icmp_params p;
    BYTE *reply_data = (BYTE *)(r + 1);

    memset(&p, 0, sizeof(p));
    p.dest = dest;
    p.timeout = timeout;
    p.data = (UINT_PTR)data;
    p.data_len = size;
    if (opts)
    {
        p.ttl = opts->Ttl;
        p.tos = opts->Tos;
        p.dont_fragment = (opts->Flags & IP_FLAG_DF) != 0;
    }
    p.reply_data = (UINT_PTR)reply_data;
    p.reply_max = reply_size - sizeof(*r);
    if (iph_unix_call(unix_icmp_echo, &p))
    {
        *error = ERROR_NOT_SUPPORTED;
        return 0;
    }
    memset(r, 0, sizeof(*r));
    if (p.error)
    {
        *error = p.error == 1 || p.error == 13 ? ERROR_ACCESS_DENIED : ERROR_NOT_SUPPORTED;   /* EPERM, EACCES */
        return 0;
    }
    r->Address = p.reply_addr;
    r->Status = p.status;
    r->RoundTripTime = p.rtt;
    r->Data = reply_data;
    if (p.status)
    {
        *error = p.status;
        return 0;
    }
    r->DataSize = p.reply_len;
    r->Options.Ttl = p.reply_ttl;
    r->Options.Tos = opts ? opts->Tos : 0;
    r->Options.Flags = opts ? opts->Flags : 0;
    *error = 0;
    return 1;
}

static DWORD send_echo6(const SOCKADDR_IN6 *source, const SOCKADDR_IN6 *dest, const void *data, WORD size,
                        const IP_OPTION_INFORMATION *opts, void *reply, DWORD reply_size, DWORD timeout,
                        DWORD *error)
{
    struct icmpv6_echo_reply *r = reply;
    struct iph_icmp6_params p;

    memset(&p, 0, sizeof(p));
    memcpy(p.dest, &dest->sin6_addr, 16);
    p.dest_scope = dest->sin6_scope_id;
    if (source && !IN6_IS_ADDR_UNSPECIFIED(&source->sin6_addr))
    {
        memcpy(p.source, &source->sin6_addr, 16);
        p.source_scope = source->sin6_scope_id;
        p.has_source = 1;
    }
    p.timeout = timeout;
    p.data = (UINT_PTR)data;
    p.data_len = size;
    if (opts) p.ttl = opts->Ttl;
    p.reply_data = (UINT_PTR)(r + 1);
    p.reply_max = reply_size - sizeof(*r);
    if (iph_unix_call(unix_icmp6_echo, &p))
    {
        *error = ERROR_NOT_SUPPORTED;
        return 0;
    }
    memset(r, 0, sizeof(*r));
    if (p.error)
    {
        *error = p.error == 1 || p.error == 13 ? ERROR_ACCESS_DENIED : ERROR_NOT_SUPPORTED;
        return 0;
    }
    memcpy(r->Address.sin6_addr, p.reply_addr, 16);
    r->Address.sin6_scope_id = p.reply_scope;
    r->Status = p.status;
    r->RoundTripTime = p.rtt;
    *error = p.status;
    return !p.status;
}

/* the checks both calls make; 0 or the Win32 error */
static DWORD check_args(HANDLE handle, const void *data, WORD size, void *reply, DWORD reply_size, BOOL v6)
{
    if (!valid_handle(handle)) return ERROR_INVALID_HANDLE;
    if (!reply || (size && !data)) return ERROR_INVALID_PARAMETER;
    if (reply_size < (v6 ? sizeof(struct icmpv6_echo_reply) : sizeof(ICMP_ECHO_REPLY)) + size + 8)
        return ERROR_INSUFFICIENT_BUFFER;
    return 0;
}

DWORD WINAPI IcmpSendEcho(HANDLE handle, IPAddr dest, void *data, WORD size, IP_OPTION_INFORMATION *opts,
                          void *reply, DWORD reply_size, DWORD timeout)
{
    DWORD error, n;

    if ((error = check_args(handle, data, size, reply, reply_size, FALSE)))
    {
        SetLastError(error);
        return 0;
    }
    n = send_echo(dest, data, size, opts, reply, reply_size, timeout, &error);
    SetLastError(error);
    return n;
}

typedef void (WINAPI *icmp_apc)(void *context, IO_STATUS_BLOCK *io, ULONG reserved);

/* an echo of IcmpSendEcho2's asynchronous form; the caller's data is copied */
struct echo_job
{
    BOOL v6;
    SOCKADDR_IN6 source6, dest6;
    IPAddr dest;
    WORD size;
    BOOL has_opts;
    IP_OPTION_INFORMATION opts;
    void *reply;
    DWORD reply_size, timeout;
    HANDLE event, thread;       /* the caller's event; the caller's thread for the APC */
    icmp_apc apc;
    void *apc_context;
    IO_STATUS_BLOCK io;         /* what the APC is given */
    BYTE data[1];
};

static void CALLBACK run_apc(ULONG_PTR arg)
{
    struct echo_job *job = (struct echo_job *)arg;

    job->apc(job->apc_context, &job->io, 0);
    CloseHandle(job->thread);
    iph_free(job);
}

static DWORD WINAPI echo_thread(void *arg)
{
    struct echo_job *job = arg;
    DWORD error, n;

    if (job->v6)
        n = send_echo6(&job->source6, &job->dest6, job->data, job->size, job->has_opts ? &job->opts : NULL,
                       job->reply, job->reply_size, job->timeout, &error);
    else
    {
        n = send_echo(job->dest, job->data, job->size, job->has_opts ? &job->opts : NULL, job->reply,
                      job->reply_size, job->timeout, &error);
        ((ICMP_ECHO_REPLY *)job->reply)->Reserved = n;
    }
    job->io.Status = n ? 0 : error;
    job->io.Information = n ? job->reply_size : 0;
    if (job->event) SetEvent(job->event);
    if (job->apc && QueueUserAPC(run_apc, job->thread, (ULONG_PTR)job)) return 0;
    if (job->thread) CloseHandle(job->thread);
    iph_free(job);
    return 0;
}

/* IcmpSendEcho2's and Icmp6SendEcho2's asynchronous form: a job on a thread of its own */
static DWORD start_job(struct echo_job *job, HANDLE event, FARPROC apc, void *apc_context)
{
    HANDLE thread;

    job->event = event;
    job->apc = (icmp_apc)apc;
    job->apc_context = apc_context;
    if (apc)
        DuplicateHandle(GetCurrentProcess(), GetCurrentThread(), GetCurrentProcess(), &job->thread, 0, FALSE,
                        DUPLICATE_SAME_ACCESS);
    if (event) ResetEvent(event);
    if (!(thread = CreateThread(NULL, 0, echo_thread, job, 0, NULL)))
    {
        if (job->thread) CloseHandle(job->thread);
        iph_free(job);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    CloseHandle(thread);
    SetLastError(ERROR_IO_PENDING);
    return 0;
}

static struct echo_job *new_job(const void *data, WORD size, const IP_OPTION_INFORMATION *opts, void *reply,
                                DWORD reply_size, DWORD timeout)
{
    struct echo_job *job;

    if (!(job = iph_alloc(sizeof(*job) + size)))
    {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    job->size = size;
    if (size) memcpy(job->data, data, size);
    if ((job->has_opts = opts != NULL)) job->opts = *opts;
    job->reply = reply;
    job->reply_size = reply_size;
    job->timeout = timeout;
    return job;
}

DWORD WINAPI IcmpSendEcho2(HANDLE handle, HANDLE event, FARPROC apc, void *apc_context, IPAddr dest, void *data,
                           WORD size, IP_OPTION_INFORMATION *opts, void *reply, DWORD reply_size, DWORD timeout)
{
    struct echo_job *job;
    DWORD error;

    if (!event && !apc) return IcmpSendEcho(handle, dest, data, size, opts, reply, reply_size, timeout);
    if ((error = check_args(handle, data, size, reply, reply_size, FALSE)))
    {
        SetLastError(error);
        return 0;
    }
    if (!(job = new_job(data, size, opts, reply, reply_size, timeout))) return 0;
    job->dest = dest;
    return start_job(job, event, apc, apc_context);
}

HANDLE WINAPI Icmp6CreateFile(void)
{
    return IcmpCreateFile();
}

DWORD WINAPI Icmp6SendEcho2(HANDLE handle, HANDLE event, FARPROC apc, void *apc_context, SOCKADDR_IN6 *source,
                            SOCKADDR_IN6 *dest, void *data, WORD size, IP_OPTION_INFORMATION *opts, void *reply,
                            DWORD reply_size, DWORD timeout)
{
    struct echo_job *job;
    DWORD error, n;

    if (!(error = check_args(handle, data, size, reply, reply_size, TRUE)) && (!dest || dest->sin6_family != AF_INET6))
        error = ERROR_INVALID_PARAMETER;
    if (error)
    {
        SetLastError(error);
        return 0;
    }
    if (!event && !apc)
    {
        n = send_echo6(source, dest, data, size, opts, reply, reply_size, timeout, &error);
        SetLastError(error);
        return n;
    }
    if (!(job = new_job(data, size, opts, reply, reply_size, timeout))) return 0;
    job->v6 = TRUE;
    if (source) job->source6 = *source;
    job->dest6 = *dest;
    return start_job(job, event, apc, apc_context);
}

/* an IPv6 answer holds one reply, there when its status is IP_SUCCESS */
DWORD WINAPI Icmp6ParseReplies(void *reply, DWORD size)
{
    struct icmpv6_echo_reply *r = reply;

    if (!r || size < sizeof(*r)) return 0;
    if (r->Status)
    {
        SetLastError(r->Status);
        return 0;
    }
    return 1;
}

/* the replies an asynchronous IcmpSendEcho2 left */
DWORD WINAPI IcmpParseReplies(void *reply, DWORD size)
{
    ICMP_ECHO_REPLY *r = reply;
    DWORD n;

    if (!r || size < sizeof(*r)) return 0;
    n = r->Reserved;
    r->Reserved = 0;
    if (!n) SetLastError(r->Status);
    return n;
}
