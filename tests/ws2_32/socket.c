/*
 * ws2_32 sockets on loopback: start-up, TCP echo between two threads, UDP,
 * IPv6 (when the host has it), select/WSAPoll, non-blocking calls,
 * refused connections, socket options, getaddrinfo and address text.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include "test.h"

#define ECHO_SIZE (64 * 1024)

static void test_startup(void)
{
    WSADATA data;
    SOCKET s;

    /* before WSAStartup nothing works */
    s = socket(AF_INET, SOCK_STREAM, 0);
    ok(s == INVALID_SOCKET, "socket before WSAStartup: %Iu\n", s);
    ok(WSAGetLastError() == WSANOTINITIALISED, "error %d\n", WSAGetLastError());
    ok(WSACleanup() == SOCKET_ERROR, "WSACleanup without start-up succeeded\n");

    memset(&data, 0xcc, sizeof(data));
    ok(WSAStartup(MAKEWORD(2, 2), &data) == 0, "WSAStartup failed\n");
    ok(data.wVersion == MAKEWORD(2, 2), "wVersion %04x\n", data.wVersion);
    ok(data.wHighVersion == MAKEWORD(2, 2), "wHighVersion %04x\n", data.wHighVersion);
    ok(!strcmp(data.szDescription, "WinSock 2.0"), "description %s\n", data.szDescription);
    ok(WSAStartup(MAKEWORD(0, 2), &data) == WSAVERNOTSUPPORTED, "version 0.2 accepted\n");

    WSASetLastError(12345);
    ok(WSAGetLastError() == 12345, "WSAGetLastError %d\n", WSAGetLastError());
    ok(GetLastError() == 12345, "the Win32 last error is Winsock's: %lu\n", GetLastError());
}

static void test_byte_order(void)
{
    ok(htons(0x1234) == 0x3412, "htons %x\n", htons(0x1234));
    ok(ntohs(0x3412) == 0x1234, "ntohs\n");
    ok(htonl(0x12345678) == 0x78563412, "htonl %lx\n", htonl(0x12345678));
    ok(ntohl(0x78563412) == 0x12345678, "ntohl\n");
}

/* a TCP listener on 127.0.0.1, port chosen by the system */
static SOCKET listen_loopback(struct sockaddr_in *addr)
{
    int len = sizeof(*addr);
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);

    ok(s != INVALID_SOCKET, "socket: %d\n", WSAGetLastError());
    ok(s != 0 && s % 4 == 0, "socket value %Iu\n", s);
    memset(addr, 0, sizeof(*addr));
    addr->sin_family = AF_INET;
    addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok(!bind(s, (struct sockaddr *)addr, sizeof(*addr)), "bind: %d\n", WSAGetLastError());
    ok(!listen(s, 5), "listen: %d\n", WSAGetLastError());
    ok(!getsockname(s, (struct sockaddr *)addr, &len), "getsockname: %d\n", WSAGetLastError());
    ok(len == sizeof(*addr) && addr->sin_port, "len %d port %u\n", len, ntohs(addr->sin_port));
    return s;
}

/* echoes everything back until the peer shuts down its side */
static DWORD WINAPI echo_thread(void *arg)
{
    SOCKET listener = (SOCKET)arg, s;
    static char buf[8192];
    int n, total = 0;

    s = accept(listener, NULL, NULL);
    if (s == INVALID_SOCKET) return 1;
    while ((n = recv(s, buf, sizeof(buf), 0)) > 0 && total < 4 * ECHO_SIZE)
    {
        total += n;
        if (send(s, buf, n, 0) != n) break;
    }
    shutdown(s, SD_SEND);
    closesocket(s);
    return n == 0 ? 0 : 2;
}

static void test_tcp_echo(void)
{
    static char out[ECHO_SIZE], in[ECHO_SIZE];
    struct sockaddr_in addr, peer;
    SOCKET listener, s;
    HANDLE thread;
    int i, n, got = 0, len = sizeof(peer);
    DWORD code = 99;

    listener = listen_loopback(&addr);
    thread = CreateThread(NULL, 0, echo_thread, (void *)listener, 0, NULL);
    s = socket(AF_INET, SOCK_STREAM, 0);
    ok(!connect(s, (struct sockaddr *)&addr, sizeof(addr)), "connect: %d\n", WSAGetLastError());
    ok(!getpeername(s, (struct sockaddr *)&peer, &len), "getpeername: %d\n", WSAGetLastError());
    ok(peer.sin_port == addr.sin_port && peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK), "peer %lx:%u\n",
       peer.sin_addr.s_addr, ntohs(peer.sin_port));
    for (i = 0; i < ECHO_SIZE; i++) out[i] = (char)(i * 7 + i / 256);
    ok(send(s, out, ECHO_SIZE, 0) == ECHO_SIZE, "send: %d\n", WSAGetLastError());
    ok(!shutdown(s, SD_SEND), "shutdown: %d\n", WSAGetLastError());
    for (i = 0; i < 100000 && got < ECHO_SIZE; i++)
    {
        if ((n = recv(s, in + got, ECHO_SIZE - got, 0)) <= 0) break;
        got += n;
    }
    ok(got == ECHO_SIZE, "echoed %d bytes\n", got);
    ok(!memcmp(in, out, ECHO_SIZE), "echoed data differs\n");
    ok(recv(s, in, 16, 0) == 0, "recv after the peer's shutdown: %d\n", WSAGetLastError());
    ok(WaitForSingleObject(thread, 10000) == WAIT_OBJECT_0, "echo thread still running\n");
    GetExitCodeThread(thread, &code);
    ok(code == 0, "echo thread exit %lu\n", code);
    CloseHandle(thread);
    ok(!closesocket(s), "closesocket: %d\n", WSAGetLastError());
    ok(!closesocket(listener), "closesocket: %d\n", WSAGetLastError());
    ok(closesocket(s) == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK, "closing twice: %d\n",
       WSAGetLastError());
}

/* one datagram each way on a loopback address */
static void udp_round_trip(int family, const struct sockaddr *any, int addrlen)
{
    struct sockaddr_storage a_addr, b_addr, from;
    SOCKET a = socket(family, SOCK_DGRAM, 0), b = socket(family, SOCK_DGRAM, 0);
    int len, fromlen = sizeof(from);
    char buf[64];
    u_long avail = 0;
    fd_set set;
    struct timeval tv = { 10, 0 };

    memcpy(&a_addr, any, addrlen);
    memcpy(&b_addr, any, addrlen);
    ok(!bind(a, (struct sockaddr *)&a_addr, addrlen), "bind a: %d\n", WSAGetLastError());
    ok(!bind(b, (struct sockaddr *)&b_addr, addrlen), "bind b: %d\n", WSAGetLastError());
    len = sizeof(a_addr);
    getsockname(a, (struct sockaddr *)&a_addr, &len);
    ok(len == addrlen, "getsockname len %d\n", len);
    len = sizeof(b_addr);
    getsockname(b, (struct sockaddr *)&b_addr, &len);
    ok(sendto(a, "datagram", 8, 0, (struct sockaddr *)&b_addr, len) == 8, "sendto: %d\n", WSAGetLastError());
    FD_ZERO(&set);
    FD_SET(b, &set);
    ok(select(0, &set, NULL, NULL, &tv) == 1 && FD_ISSET(b, &set), "select on a datagram\n");
    ok(!ioctlsocket(b, FIONREAD, &avail) && avail == 8, "FIONREAD %lu\n", avail);
    memset(buf, 0, sizeof(buf));
    ok(recvfrom(b, buf, sizeof(buf), 0, (struct sockaddr *)&from, &fromlen) == 8, "recvfrom: %d\n",
       WSAGetLastError());
    ok(!memcmp(buf, "datagram", 8), "got %s\n", buf);
    ok(fromlen == addrlen && from.ss_family == family, "from len %d family %d\n", fromlen, from.ss_family);
    ok(!memcmp(&from, &a_addr, addrlen), "sender address differs\n");
    /* a datagram larger than the buffer is cut, and the call fails */
    sendto(b, "0123456789", 10, 0, (struct sockaddr *)&a_addr, addrlen);
    ok(recv(a, buf, 4, 0) == SOCKET_ERROR && WSAGetLastError() == WSAEMSGSIZE, "short buffer: %d\n",
       WSAGetLastError());
    ok(!memcmp(buf, "0123", 4), "truncated data %.4s\n", buf);
    closesocket(a);
    closesocket(b);
}

static void test_udp(void)
{
    struct sockaddr_in addr;

    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    udp_round_trip(AF_INET, (struct sockaddr *)&addr, sizeof(addr));
}

static void test_ipv6(void)
{
    struct sockaddr_in6 addr;
    SOCKET s = socket(AF_INET6, SOCK_DGRAM, 0);
    DWORD v6only = 0;
    int len = sizeof(v6only);

    if (s == INVALID_SOCKET)
    {
        skip("no IPv6: %d\n", WSAGetLastError());
        return;
    }
    /* Windows' IPv6 sockets are v6-only unless told otherwise */
    ok(!getsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, (char *)&v6only, &len), "IPV6_V6ONLY: %d\n", WSAGetLastError());
    closesocket(s);
    memset(&addr, 0, sizeof(addr));
    addr.sin6_family = AF_INET6;
    addr.sin6_addr.s6_addr[15] = 1;   /* ::1 */
    s = socket(AF_INET6, SOCK_DGRAM, 0);
    if (bind(s, (struct sockaddr *)&addr, sizeof(addr)))
    {
        skip("no ::1: %d\n", WSAGetLastError());
        closesocket(s);
        return;
    }
    closesocket(s);
    udp_round_trip(AF_INET6, (struct sockaddr *)&addr, sizeof(addr));
}

static void test_select_poll(void)
{
    struct sockaddr_in addr;
    SOCKET listener = listen_loopback(&addr);
    struct timeval tv = { 0, 50000 };
    WSAPOLLFD pfd;
    fd_set set;

    FD_ZERO(&set);
    FD_SET(listener, &set);
    ok(select(0, &set, NULL, NULL, &tv) == 0, "select on an idle socket: %d\n", WSAGetLastError());
    ok(set.fd_count == 0, "set keeps %u sockets\n", set.fd_count);
    ok(select(0, NULL, NULL, NULL, &tv) == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL,
       "select with no socket: %d\n", WSAGetLastError());
    FD_ZERO(&set);
    FD_SET((SOCKET)0x7ffc, &set);
    ok(select(0, &set, NULL, NULL, &tv) == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK,
       "select on a non-socket: %d\n", WSAGetLastError());
    pfd.fd = listener;
    pfd.events = POLLRDNORM;
    pfd.revents = 0x7fff;
    ok(WSAPoll(&pfd, 1, 10) == 0 && pfd.revents == 0, "WSAPoll: revents %x\n", pfd.revents);
    closesocket(listener);
}

static void test_nonblocking(void)
{
    struct sockaddr_in addr;
    SOCKET listener = listen_loopback(&addr), s, a;
    struct timeval tv = { 10, 0 };
    u_long one = 1;
    fd_set set;

    ok(!ioctlsocket(listener, FIONBIO, &one), "FIONBIO: %d\n", WSAGetLastError());
    ok(accept(listener, NULL, NULL) == INVALID_SOCKET && WSAGetLastError() == WSAEWOULDBLOCK,
       "accept with no client: %d\n", WSAGetLastError());

    s = socket(AF_INET, SOCK_STREAM, 0);
    ioctlsocket(s, FIONBIO, &one);
    /* loopback may connect at once on some systems; Windows and Linux wait */
    ok(connect(s, (struct sockaddr *)&addr, sizeof(addr)) == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK,
       "non-blocking connect: %d\n", WSAGetLastError());
    FD_ZERO(&set);
    FD_SET(s, &set);
    ok(select(0, NULL, &set, NULL, &tv) == 1, "connected socket not writable\n");
    FD_ZERO(&set);
    FD_SET(listener, &set);
    ok(select(0, &set, NULL, NULL, &tv) == 1, "listener not readable\n");
    a = accept(listener, NULL, NULL);
    ok(a != INVALID_SOCKET, "accept: %d\n", WSAGetLastError());
    ok(recv(s, (char *)&one, 1, 0) == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK,
       "recv with no data: %d\n", WSAGetLastError());
    /* the accepted socket is non-blocking like its listener */
    ok(recv(a, (char *)&one, 1, 0) == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK,
       "recv on the accepted socket: %d\n", WSAGetLastError());
    closesocket(a);
    closesocket(s);
    closesocket(listener);
}

static void test_refused(void)
{
    struct sockaddr_in addr;
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
    int len = sizeof(addr);

    /* a port that was just free: bound, read back, closed without listening */
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, (struct sockaddr *)&addr, sizeof(addr));
    getsockname(s, (struct sockaddr *)&addr, &len);
    closesocket(s);
    s = socket(AF_INET, SOCK_STREAM, 0);
    ok(connect(s, (struct sockaddr *)&addr, sizeof(addr)) == SOCKET_ERROR, "connect to a closed port worked\n");
    ok(WSAGetLastError() == WSAECONNREFUSED, "error %d\n", WSAGetLastError());
    closesocket(s);
}

/* a failed non-blocking connect shows in select's error set, never as writable */
static void test_refused_nonblocking(void)
{
    struct sockaddr_in addr;
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
    struct timeval tv = { 10, 0 };
    int len = sizeof(addr), err = 0;
    fd_set wr, ex;
    u_long one = 1;

    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, (struct sockaddr *)&addr, sizeof(addr));
    getsockname(s, (struct sockaddr *)&addr, &len);
    closesocket(s);
    s = socket(AF_INET, SOCK_STREAM, 0);
    ioctlsocket(s, FIONBIO, &one);
    ok(connect(s, (struct sockaddr *)&addr, sizeof(addr)) == SOCKET_ERROR && WSAGetLastError() == WSAEWOULDBLOCK,
       "non-blocking connect: %d\n", WSAGetLastError());
    FD_ZERO(&wr);
    FD_SET(s, &wr);
    FD_ZERO(&ex);
    FD_SET(s, &ex);
    ok(select(0, NULL, &wr, &ex, &tv) == 1, "select after a refused connect\n");
    ok(wr.fd_count == 0 && ex.fd_count == 1, "write set %u, error set %u\n", wr.fd_count, ex.fd_count);
    len = sizeof(err);
    ok(!getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&err, &len) && err == WSAECONNREFUSED, "SO_ERROR %d\n", err);
    closesocket(s);
}

/* a receive timeout on a blocking socket fails with WSAETIMEDOUT */
static void test_recv_timeout(void)
{
    struct sockaddr_in addr;
    SOCKET s = socket(AF_INET, SOCK_DGRAM, 0);
    DWORD timeout = 100;
    char buf[4];

    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, (struct sockaddr *)&addr, sizeof(addr));
    ok(!setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (char *)&timeout, sizeof(timeout)), "SO_RCVTIMEO: %d\n",
       WSAGetLastError());
    ok(recv(s, buf, sizeof(buf), 0) == SOCKET_ERROR && WSAGetLastError() == WSAETIMEDOUT, "recv: %d\n",
       WSAGetLastError());
    closesocket(s);
}

static DWORD WINAPI accept_thread(void *arg)
{
    return accept((SOCKET)arg, NULL, NULL) == INVALID_SOCKET ? 0 : 1;
}

/* closing a listener ends an accept blocked in another thread */
static void test_close_wakes_accept(void)
{
    struct sockaddr_in addr;
    SOCKET listener = listen_loopback(&addr);
    HANDLE thread = CreateThread(NULL, 0, accept_thread, (void *)listener, 0, NULL);
    DWORD code = 99;

    Sleep(100);   /* lets the thread block in accept; the test holds either way */
    closesocket(listener);
    ok(WaitForSingleObject(thread, 10000) == WAIT_OBJECT_0, "accept still blocked\n");
    GetExitCodeThread(thread, &code);
    ok(code == 0, "accept returned a socket\n");
    CloseHandle(thread);
}

static void test_addr_in_use(void)
{
    struct sockaddr_in addr;
    SOCKET listener = listen_loopback(&addr), s = socket(AF_INET, SOCK_STREAM, 0);

    ok(bind(s, (struct sockaddr *)&addr, sizeof(addr)) == SOCKET_ERROR && WSAGetLastError() == WSAEADDRINUSE,
       "bind to a listening port: %d\n", WSAGetLastError());
    closesocket(s);
    closesocket(listener);
}

static int get_opt(SOCKET s, int level, int name, DWORD *value, int *len)
{
    *len = sizeof(*value);
    *value = 0;   /* Wine writes only the first byte of a BOOL option */
    return getsockopt(s, level, name, (char *)value, len);
}

static void test_options(void)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0), u = socket(AF_INET, SOCK_DGRAM, 0);
    DWORD value, one = 1;
    struct linger lg = { 1, 5 };
    int len, ret;

    ret = get_opt(s, SOL_SOCKET, SO_TYPE, &value, &len);
    ok(!ret && value == SOCK_STREAM && len == 4, "SO_TYPE %lu len %d\n", value, len);
    ret = get_opt(u, SOL_SOCKET, SO_TYPE, &value, &len);
    ok(!ret && value == SOCK_DGRAM, "SO_TYPE %lu\n", value);
    ret = get_opt(s, SOL_SOCKET, SO_ERROR, &value, &len);
    ok(!ret && value == 0, "SO_ERROR %lu\n", value);
    ret = get_opt(s, SOL_SOCKET, SO_KEEPALIVE, &value, &len);
    ok(!ret && value == 0, "SO_KEEPALIVE %lu\n", value);
    ok(!setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, (char *)&one, 4), "set SO_KEEPALIVE: %d\n", WSAGetLastError());
    ret = get_opt(s, SOL_SOCKET, SO_KEEPALIVE, &value, &len);
    ok(!ret && value, "SO_KEEPALIVE %lu\n", value);
    ok(!setsockopt(s, SOL_SOCKET, SO_REUSEADDR, (char *)&one, 4), "set SO_REUSEADDR: %d\n", WSAGetLastError());
    ret = get_opt(s, SOL_SOCKET, SO_REUSEADDR, &value, &len);
    ok(!ret && value, "SO_REUSEADDR %lu\n", value);
    ok(!setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (char *)&one, 4), "set TCP_NODELAY: %d\n", WSAGetLastError());
    ret = get_opt(s, IPPROTO_TCP, TCP_NODELAY, &value, &len);
    ok(!ret && value, "TCP_NODELAY %lu\n", value);
    value = 32768;
    ok(!setsockopt(s, SOL_SOCKET, SO_RCVBUF, (char *)&value, 4), "set SO_RCVBUF: %d\n", WSAGetLastError());
    ret = get_opt(s, SOL_SOCKET, SO_RCVBUF, &value, &len);
    ok(!ret && value == 32768, "SO_RCVBUF %lu\n", value);
    value = 32768;
    ok(!setsockopt(s, SOL_SOCKET, SO_SNDBUF, (char *)&value, 4), "set SO_SNDBUF: %d\n", WSAGetLastError());
    ret = get_opt(s, SOL_SOCKET, SO_SNDBUF, &value, &len);
    ok(!ret && value == 32768, "SO_SNDBUF %lu\n", value);
    ok(!setsockopt(s, SOL_SOCKET, SO_LINGER, (char *)&lg, sizeof(lg)), "set SO_LINGER: %d\n", WSAGetLastError());
    memset(&lg, 0, sizeof(lg));
    len = sizeof(lg);
    ok(!getsockopt(s, SOL_SOCKET, SO_LINGER, (char *)&lg, &len) && lg.l_onoff && lg.l_linger == 5,
       "SO_LINGER %u %u\n", lg.l_onoff, lg.l_linger);
    ret = get_opt(s, SOL_SOCKET, 0x7777, &value, &len);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOPROTOOPT, "unknown option: %d\n", WSAGetLastError());
    ret = get_opt((SOCKET)0x7ffc, SOL_SOCKET, SO_TYPE, &value, &len);
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK, "not a socket: %d\n", WSAGetLastError());
    closesocket(s);
    closesocket(u);
}

static void test_getaddrinfo(void)
{
    ADDRINFOA hints, *res, *ai;
    ADDRINFOW hintsw, *resw;
    int found = 0, err;

    err = getaddrinfo("localhost", NULL, NULL, &res);
    ok(!err, "getaddrinfo: %d\n", err);
    for (ai = err ? NULL : res; ai; ai = ai->ai_next)
    {
        if (ai->ai_family == AF_INET)
        {
            ok(ai->ai_addrlen == sizeof(struct sockaddr_in), "addrlen %Iu\n", ai->ai_addrlen);
            if (((struct sockaddr_in *)ai->ai_addr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK)) found++;
        }
        else if (ai->ai_family == AF_INET6)
        {
            ok(ai->ai_addrlen == sizeof(struct sockaddr_in6), "addrlen %Iu\n", ai->ai_addrlen);
            if (IN6_IS_ADDR_LOOPBACK(&((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr)) found++;
        }
    }
    ok(found, "no loopback address for localhost\n");
    if (!err) freeaddrinfo(res);

    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICHOST;
    err = getaddrinfo("127.0.0.1", "80", &hints, &res);
    ok(!err && res && !res->ai_next, "numeric getaddrinfo: %d\n", err);
    if (!err)
    {
        struct sockaddr_in *sin = (struct sockaddr_in *)res->ai_addr;
        ok(res->ai_socktype == SOCK_STREAM, "type %d\n", res->ai_socktype);
        ok(sin->sin_port == htons(80) && sin->sin_addr.s_addr == htonl(INADDR_LOOPBACK), "address %lx:%u\n",
           sin->sin_addr.s_addr, ntohs(sin->sin_port));
        freeaddrinfo(res);
    }
    err = getaddrinfo("not an address", NULL, &hints, &res);
    ok(err == WSAHOST_NOT_FOUND, "bad numeric host: %d\n", err);

    memset(&hintsw, 0, sizeof(hintsw));
    hintsw.ai_family = AF_INET;
    hintsw.ai_flags = AI_NUMERICHOST;
    err = GetAddrInfoW(L"127.0.0.1", L"443", &hintsw, &resw);
    ok(!err && resw && resw->ai_family == AF_INET, "GetAddrInfoW: %d\n", err);
    if (!err)
    {
        ok(((struct sockaddr_in *)resw->ai_addr)->sin_port == htons(443), "port\n");
        FreeAddrInfoW(resw);
    }
}

static void test_names(void)
{
    char name[256];
    struct hostent *he;

    ok(!gethostname(name, sizeof(name)) && name[0], "gethostname: %d\n", WSAGetLastError());
    ok(gethostname(name, 1) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "short buffer: %d\n",
       WSAGetLastError());
    he = gethostbyname("127.0.0.1");
    ok(he && he->h_addrtype == AF_INET && he->h_length == 4, "gethostbyname: %d\n", WSAGetLastError());
    if (he)
        ok(he->h_addr_list[0] && *(u_long *)he->h_addr_list[0] == htonl(INADDR_LOOPBACK) && !he->h_addr_list[1],
           "wrong address list\n");
}

static void test_nameinfo(void)
{
    struct sockaddr_in addr;
    char host[64], serv[16];
    WCHAR hostw[64], servw[16];
    SOCKET s;
    int err;

    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons(8080);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    err = getnameinfo((struct sockaddr *)&addr, sizeof(addr), host, sizeof(host), serv, sizeof(serv),
                      NI_NUMERICHOST | NI_NUMERICSERV);
    ok(!err && !strcmp(host, "127.0.0.1") && !strcmp(serv, "8080"), "getnameinfo: %d %s %s\n", err, host, serv);
    err = GetNameInfoW((struct sockaddr *)&addr, sizeof(addr), hostw, 64, servw, 16, NI_NUMERICHOST | NI_NUMERICSERV);
    ok(!err && !wcscmp(hostw, L"127.0.0.1") && !wcscmp(servw, L"8080"), "GetNameInfoW: %d\n", err);

    s = WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, WSA_FLAG_OVERLAPPED);
    ok(s != INVALID_SOCKET, "WSASocketW: %d\n", WSAGetLastError());
    closesocket(s);
}

static void test_text_addresses(void)
{
    struct in_addr in4;
    struct in6_addr in6;
    char buf[64];
    WCHAR bufw[64];
    const char *s;

    ok(inet_addr("127.0.0.1") == htonl(INADDR_LOOPBACK), "inet_addr %lx\n", inet_addr("127.0.0.1"));
    ok(inet_addr("1.2.3.x") == INADDR_NONE, "inet_addr accepted junk\n");
    in4.s_addr = htonl(0xc0a80a01);
    ok(!strcmp(inet_ntoa(in4), "192.168.10.1"), "inet_ntoa %s\n", inet_ntoa(in4));

    ok(inet_pton(AF_INET, "10.20.30.40", &in4) == 1 && in4.s_addr == htonl(0x0a141e28), "inet_pton v4\n");
    s = inet_ntop(AF_INET, &in4, buf, sizeof(buf));
    ok(s == buf && !strcmp(buf, "10.20.30.40"), "inet_ntop v4 %s\n", buf);
    ok(inet_pton(AF_INET, "10.20.30", &in4) == 0, "short v4 accepted\n");
    ok(inet_pton(AF_INET6, "fe80::1:2", &in6) == 1, "inet_pton v6\n");
    ok(in6.s6_addr[0] == 0xfe && in6.s6_addr[1] == 0x80 && in6.s6_addr[13] == 1 && in6.s6_addr[15] == 2,
       "v6 bytes\n");
    s = inet_ntop(AF_INET6, &in6, buf, sizeof(buf));
    ok(s && !strcmp(buf, "fe80::1:2"), "inet_ntop v6 %s\n", buf);
    ok(inet_pton(AF_INET6, "::1", &in6) == 1 && IN6_IS_ADDR_LOOPBACK(&in6), "::1\n");
    ok(inet_pton(12345, "1.2.3.4", &in4) == -1 && WSAGetLastError() == WSAEAFNOSUPPORT, "bad family: %d\n",
       WSAGetLastError());
    ok(!inet_ntop(AF_INET6, &in6, buf, 2), "inet_ntop into a 2-byte buffer worked\n");

    ok(InetPtonW(AF_INET, L"1.2.3.4", &in4) == 1 && in4.s_addr == htonl(0x01020304), "InetPtonW\n");
    ok(InetNtopW(AF_INET, &in4, bufw, 64) == bufw && !wcscmp(bufw, L"1.2.3.4"), "InetNtopW\n");
}

int main(void)
{
    test_start("ws2_32/socket");
    test_startup();
    test_byte_order();
    test_tcp_echo();
    test_udp();
    test_ipv6();
    test_select_poll();
    test_nonblocking();
    test_refused();
    test_addr_in_use();
    test_refused_nonblocking();
    test_recv_timeout();
    test_close_wakes_accept();
    test_options();
    test_getaddrinfo();
    test_names();
    test_nameinfo();
    test_text_addresses();
    ok(!WSACleanup(), "WSACleanup: %d\n", WSAGetLastError());
    return test_summary();
}
