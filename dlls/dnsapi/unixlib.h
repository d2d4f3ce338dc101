/*
 * dlls/dnsapi/unixlib.h — the door between dnsapi.dll (PE) and dnsapi.so
 * (Unix): one query through the host's resolver (libresolv's res_nquery,
 * /etc/resolv.conf), its answer records as flat facts. Fixed-width types
 * only; included by both sides.
 */
#ifndef WLX_DNSAPI_UNIXLIB_H
#define WLX_DNSAPI_UNIXLIB_H

#include <stdint.h>

enum dnsapi_unix_func
{
    unix_query,             /* struct dns_query_params */
    unix_func_count
};

#define DNS_RR_NAME_MAX 256
#define DNS_RR_DATA_MAX 1024

/* one record of the answer section */
struct dns_rr
{
    uint16_t type;                  /* DNS_TYPE_* (the wire's) */
    uint16_t pref;                  /* MX preference, SRV priority */
    uint16_t weight, port;          /* SRV */
    uint16_t count;                 /* TXT: how many strings data holds */
    uint16_t pad;
    uint32_t ttl;
    uint32_t data_len;              /* bytes of data used */
    char     name[DNS_RR_NAME_MAX]; /* the owner, UTF-8, no trailing dot */
    /* A, AAAA and other types: the raw rdata; CNAME, PTR, NS, MX, SRV: the
     * target name, NUL-terminated; TXT: `count` NUL-terminated strings */
    uint8_t  data[DNS_RR_DATA_MAX];
};

struct dns_query_params
{
    uint64_t name;          /* const char *, UTF-8 */
    uint64_t rrs;           /* struct dns_rr[max_rrs] */
    uint32_t max_rrs;
    uint32_t n_rrs;         /* out */
    uint32_t status;        /* out: 0 or a Windows DNS status (DNS_ERROR_RCODE_NAME_ERROR…) */
    uint16_t type;
    uint16_t pad;
};

typedef int32_t (*wlx_unix_func)(void *params);

#endif
