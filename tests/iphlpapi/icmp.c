/*
 * iphlpapi: ICMP echo to 127.0.0.1 (IcmpCreateFile, IcmpSendEcho,
 * IcmpSendEcho2 with an event, IcmpParseReplies, IcmpCloseHandle), and
 * to ::1 (Icmp6CreateFile, Icmp6SendEcho2, Icmp6ParseReplies). The
 * answer must come from 127.0.0.1 with our data; where the host gives this
 * process no ICMP socket (no CAP_NET_RAW, net.ipv4.ping_group_range
 * excluding its group) the echo parts are skipped.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <icmpapi.h>
#include "test.h"

static const char payload[] = "wlx echo payload";

static void check_reply(const ICMP_ECHO_REPLY *r, const char *what)
{
    ok(r->Status == IP_SUCCESS, "%s: status %lu\n", what, r->Status);
    ok(r->Address == htonl(INADDR_LOOPBACK), "%s: from %08lx\n", what, (unsigned long)ntohl(r->Address));
    ok(r->DataSize == sizeof(payload) && r->Data && !memcmp(r->Data, payload, sizeof(payload)), "%s: data size %u\n",
       what, r->DataSize);
    ok(r->Options.Ttl > 0, "%s: ttl %u\n", what, r->Options.Ttl);
}

/* ipexport.h's ICMPV6_ECHO_REPLY (mingw-w64 has no declaration of it, and its IPV6_ADDRESS_EX is not packed) */
#pragma pack(push, 1)
struct ipv6_address_ex { USHORT sin6_port; ULONG sin6_flowinfo; USHORT sin6_addr[8]; ULONG sin6_scope_id; };
#pragma pack(pop)
struct icmpv6_echo_reply { struct ipv6_address_ex Address; ULONG Status; unsigned int RoundTripTime; };

static void test_icmp6(void)
{
    BYTE buf[sizeof(struct icmpv6_echo_reply) + sizeof(payload) + 8 + 64];
    struct icmpv6_echo_reply *reply = (struct icmpv6_echo_reply *)buf;
    SOCKADDR_IN6 source, dest;
    HANDLE icmp = Icmp6CreateFile(), event;
    DWORD n;

    if (icmp == INVALID_HANDLE_VALUE)
    {
        /* Wine 8 has no ICMPv6 echo: ERROR_CALL_NOT_IMPLEMENTED */
        skip("Icmp6CreateFile: %lu\n", GetLastError());
        return;
    }
    memset(&source, 0, sizeof(source));
    source.sin6_family = AF_INET6;
    memset(&dest, 0, sizeof(dest));
    dest.sin6_family = AF_INET6;
    dest.sin6_addr.s6_addr[15] = 1;
    memset(buf, 0xcc, sizeof(buf));
    SetLastError(0xdeadbeef);
    n = Icmp6SendEcho2(icmp, NULL, NULL, NULL, &source, &dest, (void *)payload, sizeof(payload), NULL, buf,
                       sizeof(buf), 5000);
    if (!n && (GetLastError() == ERROR_ACCESS_DENIED || GetLastError() == IP_DEST_NO_ROUTE
               || GetLastError() == ERROR_NOT_SUPPORTED))
    {
        skip("no ICMPv6 echo to ::1 here: %lu\n", GetLastError());
        IcmpCloseHandle(icmp);
        return;
    }
    ok(n == 1, "Icmp6SendEcho2: %lu, error %lu\n", n, GetLastError());
    if (n == 1)
    {
        ok(reply->Status == IP_SUCCESS, "status %lu\n", reply->Status);
        ok(!memcmp(reply->Address.sin6_addr, &dest.sin6_addr, 16), "answered by another address\n");
        ok(!memcmp(buf + sizeof(*reply), payload, sizeof(payload)), "data\n");
        ok(Icmp6ParseReplies(buf, sizeof(buf)) == 1, "Icmp6ParseReplies\n");
    }

    /* with an event: pending, then the answer */
    event = CreateEventW(NULL, TRUE, FALSE, NULL);
    memset(buf, 0xcc, sizeof(buf));
    SetLastError(0xdeadbeef);
    n = Icmp6SendEcho2(icmp, event, NULL, NULL, &source, &dest, (void *)payload, sizeof(payload), NULL, buf,
                       sizeof(buf), 5000);
    ok(!n && GetLastError() == ERROR_IO_PENDING, "Icmp6SendEcho2 with an event: %lu %lu\n", n, GetLastError());
    ok(WaitForSingleObject(event, 10000) == WAIT_OBJECT_0, "no completion\n");
    ok(Icmp6ParseReplies(buf, sizeof(buf)) == 1 && reply->Status == IP_SUCCESS, "IPv6 reply status %lu\n",
       reply->Status);
    CloseHandle(event);
    ok(IcmpCloseHandle(icmp), "IcmpCloseHandle\n");
}

int main(void)
{
    BYTE buf[sizeof(ICMP_ECHO_REPLY) + sizeof(payload) + 8 + 64];
    ICMP_ECHO_REPLY *reply = (ICMP_ECHO_REPLY *)buf;
    IP_OPTION_INFORMATION opts;
    HANDLE icmp, event;
    DWORD n;

    test_start("iphlpapi/icmp");
    icmp = IcmpCreateFile();
    ok(icmp != INVALID_HANDLE_VALUE, "IcmpCreateFile: %lu\n", GetLastError());

    /* a reply buffer without room for the data (the documented need is 8 bytes more, for an ICMP error) */
    SetLastError(0xdeadbeef);
    n = IcmpSendEcho(icmp, htonl(INADDR_LOOPBACK), (void *)payload, sizeof(payload), NULL, buf,
                     sizeof(ICMP_ECHO_REPLY) + sizeof(payload) - 1, 1000);
    ok(!n, "short buffer: %lu\n", n);
    /* documented as ERROR_INSUFFICIENT_BUFFER; Wine 8 says IP_GENERAL_FAILURE */
    todo_wine(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "short buffer: error %lu\n", GetLastError());

    memset(&opts, 0, sizeof(opts));
    opts.Ttl = 32;
    memset(buf, 0xcc, sizeof(buf));
    SetLastError(0xdeadbeef);
    n = IcmpSendEcho(icmp, htonl(INADDR_LOOPBACK), (void *)payload, sizeof(payload), &opts, buf, sizeof(buf), 5000);
    if (!n && GetLastError() == ERROR_ACCESS_DENIED)
    {
        skip("no ICMP socket for this process\n");
        IcmpCloseHandle(icmp);
        return test_summary();
    }
    ok(n == 1, "IcmpSendEcho: %lu, error %lu\n", n, GetLastError());
    if (n == 1) check_reply(reply, "IcmpSendEcho");

    /* asynchronous: pending, then the event and one reply */
    event = CreateEventW(NULL, TRUE, FALSE, NULL);
    memset(buf, 0xcc, sizeof(buf));
    SetLastError(0xdeadbeef);
    n = IcmpSendEcho2(icmp, event, NULL, NULL, htonl(INADDR_LOOPBACK), (void *)payload, sizeof(payload), NULL, buf,
                      sizeof(buf), 5000);
    ok(!n && GetLastError() == ERROR_IO_PENDING, "IcmpSendEcho2: %lu %lu\n", n, GetLastError());
    ok(WaitForSingleObject(event, 10000) == WAIT_OBJECT_0, "no completion\n");
    n = IcmpParseReplies(buf, sizeof(buf));
    ok(n == 1, "IcmpParseReplies: %lu\n", n);
    if (n == 1) check_reply(reply, "IcmpSendEcho2");
    CloseHandle(event);

    ok(IcmpCloseHandle(icmp), "IcmpCloseHandle: %lu\n", GetLastError());
    test_icmp6();
    return test_summary();
}
