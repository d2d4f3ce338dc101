/*
 * tests/rpcrt4/uuid.c — UUIDs: UuidCreate's are version 4, RFC 4122
 * variant, and differ; UuidCreateSequential's (Dart's VM names its
 * temporary folders with them) are version 1, answer RPC_S_OK or
 * RPC_S_UUID_LOCAL_ONLY (no network card), and two in a row differ; the
 * string form round-trips through UuidToString/UuidFromString and is freed
 * by RpcStringFree; bad strings are RPC_S_INVALID_STRING_UUID.
 */
#include "test.h"
#include <rpc.h>

static void test_create(void)
{
    UUID a, b;
    RPC_STATUS st;

    ok(UuidCreate(&a) == RPC_S_OK && UuidCreate(&b) == RPC_S_OK, "UuidCreate failed\n");
    ok(memcmp(&a, &b, sizeof(a)), "two UuidCreate results are equal\n");
    ok((a.Data3 >> 12) == 4, "version %u\n", a.Data3 >> 12);
    ok((a.Data4[0] & 0xc0) == 0x80, "variant %#x\n", a.Data4[0]);

    st = UuidCreateSequential(&a);
    ok(st == RPC_S_OK || st == RPC_S_UUID_LOCAL_ONLY, "UuidCreateSequential: %ld\n", st);
    st = UuidCreateSequential(&b);
    ok(st == RPC_S_OK || st == RPC_S_UUID_LOCAL_ONLY, "UuidCreateSequential: %ld\n", st);
    ok(memcmp(&a, &b, sizeof(a)), "two sequential UUIDs are equal\n");
    ok((a.Data3 >> 12) == 1 && (b.Data3 >> 12) == 1, "versions %u %u\n", a.Data3 >> 12, b.Data3 >> 12);
    /* (Windows' have the RFC 4122 variant too; Wine's clock sequence is
     * random in all its bits, so that is not checked) */
    /* the same node */
    ok(!memcmp(a.Data4 + 2, b.Data4 + 2, 6), "the node changed\n");
}

static void test_strings(void)
{
    static const UUID known = { 0x12345678, 0x9abc, 0xdef0, { 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef } };
    RPC_WSTR w = NULL;
    RPC_CSTR a = NULL;
    UUID u, back;

    ok(UuidToStringW((UUID *)&known, &w) == RPC_S_OK && w, "UuidToStringW failed\n");
    ok(w && !lstrcmpW((WCHAR *)w, L"12345678-9abc-def0-0123-456789abcdef"), "UuidToStringW: %ls\n", w ? (WCHAR *)w : L"");
    ok(RpcStringFreeW(&w) == RPC_S_OK, "RpcStringFreeW failed\n");
    ok(UuidToStringA((UUID *)&known, &a) == RPC_S_OK && a && !strcmp((char *)a, "12345678-9abc-def0-0123-456789abcdef"),
       "UuidToStringA: %s\n", a ? (char *)a : "");
    RpcStringFreeA(&a);

    ok(UuidFromStringW((RPC_WSTR)L"12345678-9ABC-def0-0123-456789ABCDEF", &back) == RPC_S_OK &&
       !memcmp(&back, &known, sizeof(back)), "UuidFromStringW failed\n");
    ok(UuidFromStringW((RPC_WSTR)L"12345678-9abc-def0-0123-456789abcde", &back) == RPC_S_INVALID_STRING_UUID,
       "a short string was accepted\n");
    ok(UuidFromStringW((RPC_WSTR)L"12345678x9abc-def0-0123-456789abcdef", &back) == RPC_S_INVALID_STRING_UUID,
       "a bad separator was accepted\n");
    memset(&back, 0xcc, sizeof(back));
    ok(UuidFromStringW(NULL, &back) == RPC_S_OK, "NULL string\n");
    memset(&u, 0, sizeof(u));
    ok(!memcmp(&back, &u, sizeof(u)), "NULL string is not the nil UUID\n");

    UuidCreateSequential(&u);
    UuidToStringW(&u, &w);
    ok(w && lstrlenW((WCHAR *)w) == 36, "length %d\n", w ? lstrlenW((WCHAR *)w) : -1);
    ok(w && UuidFromStringW(w, &back) == RPC_S_OK && !memcmp(&u, &back, sizeof(u)), "no round trip\n");
    RpcStringFreeW(&w);
}

int main(void)
{
    test_start("rpcrt4/uuid");
    test_create();
    test_strings();
    return test_summary();
}
