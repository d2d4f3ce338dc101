/*
 * ws2_32: the Winsock 1 database calls. Protocols are Windows' own table
 * (name, and the name in capitals as alias); services the well-known
 * ports every services file has; gethostbyaddr of 127.0.0.1 names what
 * getnameinfo names. A thread's answer stays its own.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include "test.h"

static const struct { int number; const char *name, *alias; } expect[] =
{
    { 0, "ip", "IP" }, { 1, "icmp", "ICMP" }, { 6, "tcp", "TCP" }, { 17, "udp", "UDP" },
    { 41, "ipv6", "IPv6" }, { 58, "ipv6-icmp", "IPv6-ICMP" }, { 66, "rvd", "RVD" },
};

static void test_protocols(void)
{
    struct protoent *p;
    int i;

    for (i = 0; i < ARRAYSIZE(expect); i++)
    {
        p = getprotobyname(expect[i].name);
        ok(p && p->p_proto == expect[i].number, "%s: %d\n", expect[i].name, p ? p->p_proto : -1);
        p = getprotobyname(expect[i].alias);
        ok(p && p->p_proto == expect[i].number, "alias %s\n", expect[i].alias);
        p = getprotobynumber(expect[i].number);
        ok(p && !strcmp(p->p_name, expect[i].name) && p->p_aliases && p->p_aliases[0]
           && !strcmp(p->p_aliases[0], expect[i].alias), "number %d: %s\n", expect[i].number, p ? p->p_name : "(none)");
    }
    WSASetLastError(0xdeadbeef);
    ok(!getprotobynumber(200) && WSAGetLastError() == WSANO_DATA, "200: %d\n", WSAGetLastError());
    ok(!getprotobyname("no-such-protocol"), "unknown name\n");
}

static void test_services(void)
{
    struct servent *s, *s2;

    s = getservbyname("http", "tcp");
    ok(s && s->s_port == htons(80) && !strcmp(s->s_name, "http") && !strcmp(s->s_proto, "tcp"), "http: %d %s\n",
       s ? ntohs(s->s_port) : -1, s ? s->s_proto : "");
    s = getservbyname("domain", NULL);
    ok(s && s->s_port == htons(53), "domain: %d\n", s ? ntohs(s->s_port) : -1);
    s = getservbyport(htons(53), "udp");
    ok(s && !strcmp(s->s_name, "domain") && !strcmp(s->s_proto, "udp"), "port 53: %s\n", s ? s->s_name : "(none)");
    s2 = getservbyname("telnet", "tcp");
    ok(s2 == s, "a thread's buffer: %p then %p\n", s, s2);
    ok(s2 && s2->s_port == htons(23), "telnet: %d\n", s2 ? ntohs(s2->s_port) : -1);
    ok(!getservbyname("no-such-service", "tcp"), "unknown service\n");
}

static void test_host_by_addr(void)
{
    ULONG addr = htonl(INADDR_LOOPBACK);
    struct sockaddr_in in;
    struct hostent *h;
    char name[1025];

    memset(&in, 0, sizeof(in));
    in.sin_family = AF_INET;
    in.sin_addr.s_addr = addr;
    if (getnameinfo((struct sockaddr *)&in, sizeof(in), name, sizeof(name), NULL, 0, NI_NAMEREQD))
    {
        skip("127.0.0.1 has no name here\n");
        return;
    }
    h = gethostbyaddr((const char *)&addr, 4, AF_INET);
    ok(h != NULL, "gethostbyaddr: %d\n", WSAGetLastError());
    if (!h) return;
    ok(!strcmp(h->h_name, name), "name %s, getnameinfo %s\n", h->h_name, name);
    ok(h->h_addrtype == AF_INET && h->h_length == 4 && h->h_addr_list[0]
       && !memcmp(h->h_addr_list[0], &addr, 4), "address\n");
    WSASetLastError(0xdeadbeef);
    ok(!gethostbyaddr((const char *)&addr, 3, AF_INET), "length 3 accepted\n");
    /* documented as WSAEFAULT (len too small); Wine 8 sets no error */
    todo_wine(WSAGetLastError() == WSAEFAULT, "length 3: %d\n", WSAGetLastError());
}

int main(void)
{
    WSADATA data;

    test_start("ws2_32/netent");
    WSAStartup(MAKEWORD(2, 2), &data);
    test_protocols();
    test_services();
    test_host_by_addr();
    WSACleanup();
    return test_summary();
}
