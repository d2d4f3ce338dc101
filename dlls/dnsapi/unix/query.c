/*
 * dlls/dnsapi/unix/query.c — Unix side of dnsapi: one query through the
 * host's resolver (res_nquery with a state of the call's own, so threads
 * do not share one), the answer section unpacked into struct dns_rr.
 * Errors become the Windows DNS statuses: the answer's RCODE when there is
 * one, else the resolver's h_errno (no reply at all: ERROR_TIMEOUT).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <netinet/in.h>
#include <arpa/nameser.h>
#include <netdb.h>
#include <resolv.h>
#include "../unixlib.h"

/* Windows' values (winerror.h) */
#define ERROR_TIMEOUT                   1460
#define DNS_ERROR_RCODE_FORMAT_ERROR    9001
#define DNS_ERROR_RCODE_SERVER_FAILURE  9002
#define DNS_ERROR_RCODE_NAME_ERROR      9003
#define DNS_ERROR_RCODE_NOT_IMPLEMENTED 9004
#define DNS_ERROR_RCODE_REFUSED         9005
#define DNS_INFO_NO_RECORDS             9501
#define DNS_ERROR_NO_MEMORY             14

static uint32_t rcode_status(int rcode)
{
    switch (rcode)
    {
    case ns_r_formerr: return DNS_ERROR_RCODE_FORMAT_ERROR;
    case ns_r_nxdomain: return DNS_ERROR_RCODE_NAME_ERROR;
    case ns_r_notimpl: return DNS_ERROR_RCODE_NOT_IMPLEMENTED;
    case ns_r_refused: return DNS_ERROR_RCODE_REFUSED;
    default: return DNS_ERROR_RCODE_SERVER_FAILURE;
    }
}

/* a failed res_nquery: what the reply said, if there was one */
static uint32_t failure_status(const unsigned char *answer, int h_err)
{
    const HEADER *hdr = (const HEADER *)answer;

    if (hdr->qr && hdr->rcode != ns_r_noerror) return rcode_status(hdr->rcode);
    if (hdr->qr && !hdr->ancount) return DNS_INFO_NO_RECORDS;
    switch (h_err)
    {
    case HOST_NOT_FOUND: return DNS_ERROR_RCODE_NAME_ERROR;
    case NO_DATA: return DNS_INFO_NO_RECORDS;
    case TRY_AGAIN: return ERROR_TIMEOUT;
    default: return DNS_ERROR_RCODE_SERVER_FAILURE;
    }
}

/* a compressed name at rdata+off as text into rr->data; 0 or -1 */
static int put_name(const ns_msg *msg, const ns_rr *r, int off, struct dns_rr *rr)
{
    if (ns_rr_rdlen(*r) < off) return -1;
    if (ns_name_uncompress(ns_msg_base(*msg), ns_msg_end(*msg), ns_rr_rdata(*r) + off, (char *)rr->data,
                           sizeof(rr->data)) < 0)
        return -1;
    rr->data_len = strlen((char *)rr->data) + 1;
    return 0;
}

/* TXT: the character-strings as NUL-terminated strings */
static int put_txt(const ns_rr *r, struct dns_rr *rr)
{
    const unsigned char *p = ns_rr_rdata(*r), *end = p + ns_rr_rdlen(*r);

    rr->data_len = 0;
    while (p < end)
    {
        unsigned n = *p++;
        if (p + n > end || rr->data_len + n + 1 > sizeof(rr->data)) return -1;
        memcpy(rr->data + rr->data_len, p, n);
        rr->data_len += n;
        rr->data[rr->data_len++] = 0;
        rr->count++;
        p += n;
    }
    return 0;
}

static int unpack_rr(const ns_msg *msg, const ns_rr *r, struct dns_rr *rr)
{
    const unsigned char *d = ns_rr_rdata(*r);

    memset(rr, 0, sizeof(*rr));
    rr->type = ns_rr_type(*r);
    rr->ttl = ns_rr_ttl(*r);
    snprintf(rr->name, sizeof(rr->name), "%.255s", ns_rr_name(*r));
    switch (rr->type)
    {
    case ns_t_cname: case ns_t_ptr: case ns_t_ns:
        return put_name(msg, r, 0, rr);
    case ns_t_mx:
        if (ns_rr_rdlen(*r) < 3) return -1;
        rr->pref = ns_get16(d);
        return put_name(msg, r, 2, rr);
    case ns_t_srv:
        if (ns_rr_rdlen(*r) < 7) return -1;
        rr->pref = ns_get16(d);
        rr->weight = ns_get16(d + 2);
        rr->port = ns_get16(d + 4);
        return put_name(msg, r, 6, rr);
    case ns_t_txt:
        return put_txt(r, rr);
    default:
        if (ns_rr_rdlen(*r) > sizeof(rr->data)) return -1;
        rr->data_len = ns_rr_rdlen(*r);
        memcpy(rr->data, d, rr->data_len);
        return 0;
    }
}

static int32_t unix_query_call(void *args)
{
    struct dns_query_params *p = args;
    struct dns_rr *rrs = (struct dns_rr *)(uintptr_t)p->rrs;
    unsigned char answer[65536];
    struct __res_state state;
    ns_msg msg;
    ns_rr r;
    int len, i, count;

    p->n_rrs = 0;
    memset(&state, 0, sizeof(state));
    if (res_ninit(&state)) { p->status = DNS_ERROR_RCODE_SERVER_FAILURE; return 0; }
    memset(answer, 0, sizeof(HEADER));
    len = res_nquery(&state, (const char *)(uintptr_t)p->name, ns_c_in, p->type, answer, sizeof(answer));
    if (len < 0) p->status = failure_status(answer, state.res_h_errno);
    else if (ns_initparse(answer, len < (int)sizeof(answer) ? len : (int)sizeof(answer), &msg))
        p->status = DNS_ERROR_RCODE_FORMAT_ERROR;
    else
    {
        p->status = 0;
        count = ns_msg_count(msg, ns_s_an);
        for (i = 0; i < count && p->n_rrs < p->max_rrs; i++)
        {
            if (ns_parserr(&msg, ns_s_an, i, &r)) break;
            if (!unpack_rr(&msg, &r, &rrs[p->n_rrs])) p->n_rrs++;
        }
        if (!p->n_rrs) p->status = DNS_INFO_NO_RECORDS;
    }
    res_nclose(&state);
    return 0;
}

const wlx_unix_func __wlx_unix_funcs[] =
{
    unix_query_call,
};
