/*
 * tests/dnsapi/query.c — DnsQuery's argument checks (no name, nowhere to
 * put the result: ERROR_INVALID_PARAMETER), freeing an empty list, and a
 * name under .invalid (RFC 6761: never a name) answering
 * DNS_ERROR_RCODE_NAME_ERROR with no records. That query asks the name
 * server: without one it ends with the resolver's timeout and is skipped.
 */
#include "test.h"
#include <windns.h>

int main(void)
{
    DNS_RECORDW *w = (void *)1;
    DNS_STATUS status;

    test_start("dnsapi/query");
    status = DnsQuery_W(NULL, DNS_TYPE_A, DNS_QUERY_STANDARD, NULL, (PDNS_RECORD *)&w, NULL);
    ok(status == ERROR_INVALID_PARAMETER, "no name: %ld\n", status);
    status = DnsQuery_W(L"example.com", DNS_TYPE_A, DNS_QUERY_STANDARD, NULL, NULL, NULL);
    ok(status == ERROR_INVALID_PARAMETER, "no result: %ld\n", status);
    status = DnsQuery_A(NULL, DNS_TYPE_A, DNS_QUERY_STANDARD, NULL, NULL, NULL);
    ok(status == ERROR_INVALID_PARAMETER, "A, no name: %ld\n", status);
    status = DnsQuery_UTF8(NULL, DNS_TYPE_A, DNS_QUERY_STANDARD, NULL, NULL, NULL);
    ok(status == ERROR_INVALID_PARAMETER, "UTF8, no name: %ld\n", status);
    DnsFree(NULL, DnsFreeRecordList);
    DnsRecordListFree(NULL, DnsFreeRecordList);
    ok(1, "freeing NULL\n");

    w = NULL;
    status = DnsQuery_W(L"wlx-test.invalid", DNS_TYPE_A, DNS_QUERY_STANDARD, NULL, (PDNS_RECORD *)&w, NULL);
    if (status == ERROR_TIMEOUT || status == DNS_ERROR_RCODE_SERVER_FAILURE) skip("no name server: %ld\n", status);
    else ok(status == DNS_ERROR_RCODE_NAME_ERROR && !w, "a .invalid name: %ld %p\n", status, w);
    if (w) DnsRecordListFree(w, DnsFreeRecordList);
    return test_summary();
}
