/*
 * ws2_32: socket addresses as text (WSAAddressToStringA/W,
 * WSAStringToAddressA/W) and the host name (GetHostNameW); the text of an
 * address is compared with what inet_ntop makes of it, the host name with
 * gethostname's.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include "test.h"

static void to_wide(const char *s, WCHAR *w, int n)
{
    MultiByteToWideChar(CP_ACP, 0, s, -1, w, n);
}

/* the text of an address in both forms, with its length and nul */
static void check_text(const SOCKADDR *addr, int len, const char *expect)
{
    char out[80];
    WCHAR outw[80], expectw[80];
    DWORD n;
    int ret;

    n = sizeof(out);
    memset(out, 0, sizeof(out));
    ret = WSAAddressToStringA((SOCKADDR *)addr, len, NULL, out, &n);
    ok(!ret && !strcmp(out, expect) && n == strlen(expect) + 1, "%s: ret %d err %d, %s, len %lu\n", expect, ret,
       WSAGetLastError(), out, n);
    n = ARRAYSIZE(outw);
    ret = WSAAddressToStringW((SOCKADDR *)addr, len, NULL, outw, &n);
    to_wide(expect, expectw, ARRAYSIZE(expectw));
    ok(!ret && !wcscmp(outw, expectw) && n == strlen(expect) + 1, "W %s: ret %d, len %lu\n", expect, ret, n);
}

static void test_address_to_string(void)
{
    SOCKADDR_IN in;
    SOCKADDR_IN6 in6;
    char ntop[64], expect[80], out[80];
    WCHAR outw[80];
    DWORD n;
    int ret;

    memset(&in, 0, sizeof(in));
    in.sin_family = AF_INET;
    in.sin_addr.s_addr = htonl(0x7f000001);
    check_text((SOCKADDR *)&in, sizeof(in), "127.0.0.1");
    in.sin_port = htons(65535);
    check_text((SOCKADDR *)&in, sizeof(in), "127.0.0.1:65535");
    in.sin_addr.s_addr = htonl(0xc0a80a14);
    in.sin_port = htons(80);
    inet_ntop(AF_INET, &in.sin_addr, ntop, sizeof(ntop));
    sprintf(expect, "%s:80", ntop);
    check_text((SOCKADDR *)&in, sizeof(in), expect);

    /* a short buffer: WSAEFAULT and the length needed, nul included */
    n = 5;
    WSASetLastError(0xdeadbeef);
    ret = WSAAddressToStringA((SOCKADDR *)&in, sizeof(in), NULL, out, &n);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "short: ret %d err %d\n", ret, WSAGetLastError());
    ok(n == strlen(expect) + 1, "short: len %lu\n", n);
    n = 0;
    ret = WSAAddressToStringW((SOCKADDR *)&in, sizeof(in), NULL, NULL, &n);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT && n == strlen(expect) + 1, "W NULL: %d %d %lu\n", ret,
       WSAGetLastError(), n);
    /* an address shorter than its family's */
    n = sizeof(out);
    ret = WSAAddressToStringA((SOCKADDR *)&in, sizeof(in) - 1, NULL, out, &n);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "short address: %d %d\n", ret, WSAGetLastError());
    /* no address, and a family that has no text */
    ret = WSAAddressToStringA(NULL, sizeof(in), NULL, out, &n);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "NULL address: %d %d\n", ret, WSAGetLastError());
    in.sin_family = AF_IPX;
    n = sizeof(out);
    ret = WSAAddressToStringA((SOCKADDR *)&in, sizeof(in), NULL, out, &n);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "AF_IPX: %d %d\n", ret, WSAGetLastError());

    /* IPv6: brackets with a port, the scope after '%' */
    memset(&in6, 0, sizeof(in6));
    in6.sin6_family = AF_INET6;
    in6.sin6_addr.s6_addr[15] = 1;
    check_text((SOCKADDR *)&in6, sizeof(in6), "::1");
    in6.sin6_port = htons(8080);
    check_text((SOCKADDR *)&in6, sizeof(in6), "[::1]:8080");
    in6.sin6_addr.s6_addr[0] = 0xfe;
    in6.sin6_addr.s6_addr[1] = 0x80;
    in6.sin6_addr.s6_addr[14] = 0x12;
    in6.sin6_scope_id = 4;
    inet_ntop(AF_INET6, &in6.sin6_addr, ntop, sizeof(ntop));
    sprintf(expect, "[%s%%4]:8080", ntop);
    check_text((SOCKADDR *)&in6, sizeof(in6), expect);
    in6.sin6_port = 0;
    sprintf(expect, "%s%%4", ntop);
    check_text((SOCKADDR *)&in6, sizeof(in6), expect);
    n = 3;
    ret = WSAAddressToStringW((SOCKADDR *)&in6, sizeof(in6), NULL, outw, &n);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT && n == strlen(expect) + 1, "W short v6: %d %d %lu\n",
       ret, WSAGetLastError(), n);
    n = sizeof(out);
    ret = WSAAddressToStringA((SOCKADDR *)&in6, sizeof(SOCKADDR_IN), NULL, out, &n);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "v6 as short: %d %d\n", ret, WSAGetLastError());
}

struct v4_case { const char *text; ULONG addr; USHORT port; BOOL valid; };

static const struct v4_case v4_cases[] =
{
    { "1.2.3.4", 0x01020304, 0, TRUE },
    { "127.0.0.1:8080", 0x7f000001, 8080, TRUE },
    { "255.255.255.255:65535", 0xffffffff, 65535, TRUE },
    { "1.2.3.0x10", 0x01020310, 0, TRUE },
    { "1.2.3.010", 0x01020308, 0, TRUE },
    { "1.2:7", 0x01000002, 7, TRUE },
    { "1.2.3", 0x01020003, 0, TRUE },
    { "0x7f000001", 0x7f000001, 0, TRUE },
    { "203569230", 0x0c22384e, 0, TRUE },
    { "1.1.1.1:0x10", 0x01010101, 16, TRUE },
    { "", 0, 0, FALSE },
    { " 1.2.3.4", 0, 0, FALSE },
    { "1.2.3.4 ", 0, 0, FALSE },
    { "1.2.3.4:", 0, 0, FALSE },
    { "1.2.3.4:0", 0, 0, FALSE },
    { "1.2.3.4:65536", 0, 0, FALSE },
    { "1.2.3.256", 0, 0, FALSE },
    { "1.2.3.4.5", 0, 0, FALSE },
    { "1.2.3.08", 0, 0, FALSE },
    { "1..2", 0, 0, FALSE },
    { "1.2.", 0, 0, FALSE },
    { "1234BEEF", 0, 0, FALSE },
    { "[1.2.3.4]", 0, 0, FALSE },
    { "::1", 0, 0, FALSE },
    { "a", 0, 0, FALSE },
};

static void test_string_to_v4(void)
{
    SOCKADDR_IN in;
    WCHAR textw[64];
    int i, len, ret, wide;

    /* a buffer too small: WSAEFAULT and the size needed */
    len = 0;
    ret = WSAStringToAddressA((char *)"1.2.3.4", AF_INET, NULL, (SOCKADDR *)&in, &len);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT && len == sizeof(in), "len 0: %d %d %d\n", ret,
       WSAGetLastError(), len);
    len = sizeof(in);
    ret = WSAStringToAddressA((char *)"1.2.3.4", AF_UNIX, NULL, (SOCKADDR *)&in, &len);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "AF_UNIX: %d %d\n", ret, WSAGetLastError());

    for (wide = 0; wide < 2; wide++)
        for (i = 0; i < ARRAYSIZE(v4_cases); i++)
        {
            const struct v4_case *c = &v4_cases[i];

            memset(&in, 0xab, sizeof(in));
            len = sizeof(in) + 8;
            WSASetLastError(0xdeadbeef);
            if (wide)
            {
                to_wide(c->text, textw, ARRAYSIZE(textw));
                ret = WSAStringToAddressW(textw, AF_INET, NULL, (SOCKADDR *)&in, &len);
            }
            else ret = WSAStringToAddressA((char *)c->text, AF_INET, NULL, (SOCKADDR *)&in, &len);
            if (!c->valid)
            {
                ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "%d '%s': ret %d err %d\n", wide, c->text,
                   ret, WSAGetLastError());
                ok(in.sin_family == 0 && len == sizeof(in) + 8, "%d '%s': family %d len %d\n", wide, c->text,
                   in.sin_family, len);
                continue;
            }
            ok(!ret && len == sizeof(in), "%d '%s': ret %d err %d len %d\n", wide, c->text, ret, WSAGetLastError(),
               len);
            ok(in.sin_family == AF_INET && in.sin_addr.s_addr == htonl(c->addr) && in.sin_port == htons(c->port),
               "%d '%s': family %d addr %08lx port %u\n", wide, c->text, in.sin_family,
               (unsigned long)ntohl(in.sin_addr.s_addr), ntohs(in.sin_port));
        }
}

struct v6_case { const char *text; const char *addr; USHORT port; ULONG scope; };

/* addr NULL: not an address */
static const struct v6_case v6_cases[] =
{
    { "::1", "::1", 0, 0 },
    { "[::1]", "::1", 0, 0 },
    { "[::1]:65535", "::1", 65535, 0 },
    { "2001:db8::8:800:200c:417a", "2001:db8::8:800:200c:417a", 0, 0 },
    { "001::1", "1::1", 0, 0 },
    { "::ffff:1.2.3.4", "::ffff:1.2.3.4", 0, 0 },
    { "fe80::1%4", "fe80::1", 0, 4 },
    { "[fe80::1%7]:80", "fe80::1", 80, 7 },
    { "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8", 0, 0 },
    { "::1]:65535", NULL },
    { "::1:2:3:4:5:6:7", NULL },   /* Windows refuses a leading "::" that stands for one group */
    { "1.2.3.4", NULL },
    { "1:2:3:", NULL },
    { "1::2::3", NULL },
    { "12345::1", NULL },
    { "::1:65535", NULL },
    { "", NULL },
};

static void test_string_to_v6(void)
{
    SOCKADDR_IN6 in6;
    IN6_ADDR expect;
    int i, len, ret;

    len = sizeof(SOCKADDR_IN);
    ret = WSAStringToAddressA((char *)"::1", AF_INET6, NULL, (SOCKADDR *)&in6, &len);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT && len == sizeof(in6), "v6 short: %d %d %d\n", ret,
       WSAGetLastError(), len);
    for (i = 0; i < ARRAYSIZE(v6_cases); i++)
    {
        const struct v6_case *c = &v6_cases[i];

        memset(&in6, 0xab, sizeof(in6));
        len = sizeof(in6);
        WSASetLastError(0xdeadbeef);
        ret = WSAStringToAddressA((char *)c->text, AF_INET6, NULL, (SOCKADDR *)&in6, &len);
        if (!c->addr && i == 10)
        {
            /* Wine 8 takes the seven groups after a leading "::" */
            todo_wine(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL && in6.sin6_family == 0,
                      "'%s': ret %d err %d family %d\n", c->text, ret, WSAGetLastError(), in6.sin6_family);
            continue;
        }
        if (!c->addr)
        {
            ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL && in6.sin6_family == 0,
               "'%s': ret %d err %d family %d\n", c->text, ret, WSAGetLastError(), in6.sin6_family);
            continue;
        }
        /* the address part agrees with inet_pton's reading */
        ok(inet_pton(AF_INET6, c->addr, &expect) == 1, "inet_pton %s\n", c->addr);
        ok(!ret && len == sizeof(in6) && in6.sin6_family == AF_INET6, "'%s': ret %d err %d\n", c->text, ret,
           WSAGetLastError());
        ok(!memcmp(&in6.sin6_addr, &expect, sizeof(expect)), "'%s': wrong address\n", c->text);
        ok(in6.sin6_port == htons(c->port) && in6.sin6_scope_id == c->scope && !in6.sin6_flowinfo,
           "'%s': port %u scope %lu flow %lu\n", c->text, ntohs(in6.sin6_port), in6.sin6_scope_id,
           in6.sin6_flowinfo);
    }
}

/* what WSAAddressToString writes WSAStringToAddress reads back */
static void test_round_trip(void)
{
    static const char *texts[] = { "10.1.2.3:443", "0.0.0.0", "[2001:db8::1%3]:65000", "fe80::abcd%12", "::" };
    char out[80];
    SOCKADDR_STORAGE ss;
    DWORD n;
    int i, len;

    for (i = 0; i < ARRAYSIZE(texts); i++)
    {
        int family = texts[i][0] == '[' || strchr(texts[i], ':') != strrchr(texts[i], ':') ? AF_INET6 : AF_INET;
        if (!strcmp(texts[i], "::")) family = AF_INET6;
        len = sizeof(ss);
        ok(!WSAStringToAddressA((char *)texts[i], family, NULL, (SOCKADDR *)&ss, &len), "%s: %d\n", texts[i],
           WSAGetLastError());
        n = sizeof(out);
        ok(!WSAAddressToStringA((SOCKADDR *)&ss, len, NULL, out, &n) && !strcmp(out, texts[i]), "%s: got %s\n",
           texts[i], out);
    }
}

static void test_host_name(void)
{
    char name[256];
    WCHAR namew[256], expect[256];
    int ret;

    ok(!gethostname(name, sizeof(name)), "gethostname: %d\n", WSAGetLastError());
    MultiByteToWideChar(CP_UTF8, 0, name, -1, expect, ARRAYSIZE(expect));
    ret = GetHostNameW(namew, ARRAYSIZE(namew));
    ok(!ret && !wcscmp(namew, expect), "GetHostNameW: %d, %ls, gethostname %s\n", ret, namew, name);
    WSASetLastError(0xdeadbeef);
    ret = GetHostNameW(namew, wcslen(expect));
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "short: %d %d\n", ret, WSAGetLastError());
    ret = GetHostNameW(NULL, 256);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "NULL: %d %d\n", ret, WSAGetLastError());
}

static void test_byte_order(void)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
    u_long l = 0;
    u_short sh = 0;

    ok(!WSAHtonl(s, 0x12345678, &l) && l == 0x78563412, "WSAHtonl %lx\n", l);
    ok(!WSANtohl(s, 0x78563412, &l) && l == 0x12345678, "WSANtohl %lx\n", l);
    ok(!WSAHtons(s, 0x1234, &sh) && sh == 0x3412, "WSAHtons %x\n", sh);
    ok(!WSANtohs(s, 0x3412, &sh) && sh == 0x1234, "WSANtohs %x\n", sh);
    WSASetLastError(0xdeadbeef);
    ok(WSAHtonl(s, 1, NULL) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "NULL: %d\n", WSAGetLastError());
    closesocket(s);
}

int main(void)
{
    WSADATA data;

    test_start("ws2_32/addrstr");
    WSAStartup(MAKEWORD(2, 2), &data);
    test_address_to_string();
    test_string_to_v4();
    test_string_to_v6();
    test_round_trip();
    test_host_name();
    test_byte_order();
    WSACleanup();
    return test_summary();
}
