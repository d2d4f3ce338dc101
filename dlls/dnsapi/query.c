/*
 * dlls/dnsapi/query.c — DnsQuery (_W, _A, _UTF8) and the freeing of its
 * record lists. dnsapi.so asks the host's resolver; this side lays each
 * answer record out as one DNS_RECORD block (the record, then its strings),
 * in the character set of the call, so that freeing a list is freeing its
 * blocks. There is no cache and no hosts file: every query goes to the
 * name servers of /etc/resolv.conf (the server list a caller passes is not used).
 *
 * Sections: strings · records · queries · freeing.
 */
#define WIN32_LEAN_AND_MEAN
#define UNICODE             /* windns.h's PDNS_RECORD of DnsQuery_W/_A is then the W record */
#include <windows.h>
#include <windns.h>
#undef DnsRecordListFree    /* a macro for XP's DnsFree; the export stays */
#include <stddef.h>
#include <string.h>
#include "unixlib.h"
#include "wlx/unixcall.h"

#define MAX_RRS 64

enum charset { CS_W = DnsCharSetUnicode, CS_UTF8 = DnsCharSetUtf8, CS_A = DnsCharSetAnsi };

/* --- strings ------------------------------------------------------------------ */

/* the UTF-8 string s in charset cs at dst (NULL: measure); its size in bytes */
static SIZE_T put_string(char *dst, const char *s, enum charset cs)
{
    WCHAR tmp[DNS_RR_DATA_MAX];
    int n;

    if (cs == CS_UTF8)
    {
        n = strlen(s) + 1;
        if (dst) memcpy(dst, s, n);
        return n;
    }
    n = MultiByteToWideChar(CP_UTF8, 0, s, -1, tmp, ARRAYSIZE(tmp));
    if (!n) tmp[0] = 0, n = 1;
    if (cs == CS_W)
    {
        if (dst) memcpy(dst, tmp, n * sizeof(WCHAR));
        return n * sizeof(WCHAR);
    }
    return WideCharToMultiByte(CP_ACP, 0, tmp, -1, dst, dst ? 0x7fffffff : 0, NULL, NULL);
}

/* the name of the query in UTF-8 (NULL when it cannot be converted) */
static char *name_utf8(const void *name, enum charset cs)
{
    WCHAR *w = NULL;
    char *ret;
    int n;

    if (cs == CS_UTF8) n = strlen(name) + 1;
    else
    {
        if (cs == CS_A)
        {
            n = MultiByteToWideChar(CP_ACP, 0, name, -1, NULL, 0);
            if (!(w = HeapAlloc(GetProcessHeap(), 0, n * sizeof(WCHAR)))) return NULL;
            MultiByteToWideChar(CP_ACP, 0, name, -1, w, n);
            name = w;
        }
        n = WideCharToMultiByte(CP_UTF8, 0, name, -1, NULL, 0, NULL, NULL);
    }
    if ((ret = HeapAlloc(GetProcessHeap(), 0, n)))
    {
        if (cs == CS_UTF8) memcpy(ret, name, n);
        else WideCharToMultiByte(CP_UTF8, 0, name, -1, ret, n, NULL, NULL);
    }
    HeapFree(GetProcessHeap(), 0, w);
    return ret;
}

/* --- records ------------------------------------------------------------------ */

/* the size of a record's Data part (wDataLength) */
static SIZE_T data_size(const struct dns_rr *rr)
{
    switch (rr->type)
    {
    case DNS_TYPE_A: return sizeof(DNS_A_DATA);
    case DNS_TYPE_AAAA: return sizeof(DNS_AAAA_DATA);
    case DNS_TYPE_CNAME: case DNS_TYPE_PTR: case DNS_TYPE_NS: return sizeof(DNS_PTR_DATAW);
    case DNS_TYPE_MX: return sizeof(DNS_MX_DATAW);
    case DNS_TYPE_SRV: return sizeof(DNS_SRV_DATAW);
    case DNS_TYPE_TEXT: return offsetof(DNS_TXT_DATAW, pStringArray) + rr->count * sizeof(void *);
    default: return offsetof(DNS_NULL_DATA, Data) + rr->data_len;
    }
}

static BOOL has_target(WORD type)
{
    return type == DNS_TYPE_CNAME || type == DNS_TYPE_PTR || type == DNS_TYPE_NS || type == DNS_TYPE_MX
           || type == DNS_TYPE_SRV;
}

/* a record's strings (owner name, then target or TXT strings) at dst, or
 * measured when dst is NULL; their total size. The Data pointers are set
 * when rec is given. */
static SIZE_T put_strings(DNS_RECORDW *rec, char *dst, const struct dns_rr *rr, enum charset cs)
{
    const char *s = (const char *)rr->data;
    SIZE_T size, n;
    int i;

    size = put_string(dst, rr->name, cs);
    if (rec) rec->pName = (WCHAR *)dst;
    if (has_target(rr->type))
    {
        char *at = dst ? dst + size : NULL;
        size += put_string(at, s, cs);
        if (rec && rr->type == DNS_TYPE_SRV) rec->Data.SRV.pNameTarget = (WCHAR *)at;
        else if (rec && rr->type == DNS_TYPE_MX) rec->Data.MX.pNameExchange = (WCHAR *)at;
        else if (rec) rec->Data.PTR.pNameHost = (WCHAR *)at;
    }
    else if (rr->type == DNS_TYPE_TEXT)
        for (i = 0; i < rr->count; i++, s += strlen(s) + 1)
        {
            char *at = dst ? dst + size : NULL;
            n = put_string(at, s, cs);
            if (rec) rec->Data.TXT.pStringArray[i] = (WCHAR *)at;
            size += n;
        }
    return size;
}

/* one block: the record, its data, its strings; NULL without memory. The
 * W, A and UTF-8 records differ only in their strings' type. */
static DNS_RECORDW *make_record(const struct dns_rr *rr, enum charset cs)
{
    SIZE_T data = data_size(rr), head = offsetof(DNS_RECORDW, Data) + data, strings;
    DNS_RECORDW *rec;

    head = (head + 7) & ~7;
    strings = put_strings(NULL, NULL, rr, cs);
    if (!(rec = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, head + strings))) return NULL;
    rec->wType = rr->type;
    rec->wDataLength = data;
    rec->Flags.S.Section = DnsSectionAnswer;
    rec->Flags.S.CharSet = cs;
    rec->dwTtl = rr->ttl;
    switch (rr->type)
    {
    case DNS_TYPE_A: memcpy(&rec->Data.A.IpAddress, rr->data, 4); break;
    case DNS_TYPE_AAAA: memcpy(&rec->Data.AAAA.Ip6Address, rr->data, 16); break;
    case DNS_TYPE_MX: rec->Data.MX.wPreference = rr->pref; break;
    case DNS_TYPE_SRV:
        rec->Data.SRV.wPriority = rr->pref;
        rec->Data.SRV.wWeight = rr->weight;
        rec->Data.SRV.wPort = rr->port;
        break;
    case DNS_TYPE_TEXT: rec->Data.TXT.dwStringCount = rr->count; break;
    default:
        if (!has_target(rr->type))
        {
            rec->Data.Null.dwByteCount = rr->data_len;
            memcpy(rec->Data.Null.Data, rr->data, rr->data_len);
        }
    }
    put_strings(rec, (char *)rec + head, rr, cs);
    return rec;
}

/* --- queries ------------------------------------------------------------------ */

static DNS_STATUS query(const void *name, WORD type, enum charset cs, DNS_RECORDW **result, void *reserved)
{
    struct dns_query_params p = { 0 };
    struct dns_rr *rrs;
    DNS_RECORDW *first = NULL, **tail = &first;
    char *utf8;
    DNS_STATUS status;
    UINT32 i;

    if (!name || !result) return ERROR_INVALID_PARAMETER;
    *result = NULL;
    if (reserved) return ERROR_INVALID_PARAMETER;
    if (!(utf8 = name_utf8(name, cs))) return ERROR_NOT_ENOUGH_MEMORY;
    if (!(rrs = HeapAlloc(GetProcessHeap(), 0, MAX_RRS * sizeof(*rrs))))
    {
        HeapFree(GetProcessHeap(), 0, utf8);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    p.name = (ULONG_PTR)utf8;
    p.rrs = (ULONG_PTR)rrs;
    p.max_rrs = MAX_RRS;
    p.type = type;
    if (wlx_unix_call(unix_query, &p)) status = DNS_ERROR_RCODE_SERVER_FAILURE;
    else status = p.status;
    for (i = 0; !status && i < p.n_rrs; i++)
    {
        if (!(*tail = make_record(&rrs[i], cs))) { status = ERROR_NOT_ENOUGH_MEMORY; break; }
        tail = &(*tail)->pNext;
    }
    HeapFree(GetProcessHeap(), 0, rrs);
    HeapFree(GetProcessHeap(), 0, utf8);
    if (status) DnsFree(first, DnsFreeRecordList);
    else *result = first;
    return status;
}

DNS_STATUS WINAPI DnsQuery_W(PCWSTR name, WORD type, DWORD options, PIP4_ARRAY servers, PDNS_RECORD *result,
                             PVOID *reserved)
{
    return query(name, type, CS_W, (DNS_RECORDW **)result, reserved);
}

DNS_STATUS WINAPI DnsQuery_A(PCSTR name, WORD type, DWORD options, PIP4_ARRAY servers, PDNS_RECORD *result,
                             PVOID *reserved)
{
    return query(name, type, CS_A, (DNS_RECORDW **)result, reserved);
}

DNS_STATUS WINAPI DnsQuery_UTF8(PCSTR name, WORD type, DWORD options, PIP4_ARRAY servers, PDNS_RECORDA *result,
                                PVOID *reserved)
{
    return query(name, type, CS_UTF8, (DNS_RECORDW **)result, reserved);
}

/* --- freeing ------------------------------------------------------------------ */

/* every record is one block (make_record), strings included */
VOID WINAPI DnsFree(PVOID data, DNS_FREE_TYPE type)
{
    DNS_RECORDW *rec = data, *next;

    if (type != DnsFreeRecordList) { HeapFree(GetProcessHeap(), 0, data); return; }
    for (; rec; rec = next)
    {
        next = rec->pNext;
        HeapFree(GetProcessHeap(), 0, rec);
    }
}

VOID WINAPI DnsRecordListFree(PDNS_RECORD list, DNS_FREE_TYPE type)
{
    DnsFree(list, DnsFreeRecordList);
}
