/*
 * AF_UNIX sockets named by a Windows path (Windows 10 1803 and later): bind
 * creates the socket file, listen, connect, accept, data both ways; a second
 * bind of the same path fails with WSAEADDRINUSE until the file is deleted
 * (what uds_windows, and Turborepo's daemon through it, do before binding).
 * getsockname gives the Windows path bound, getpeername the one connected
 * to (Go deletes a listener's file by the name getsockname gave).
 * SO_PROTOCOL_INFOW names the AF_UNIX provider (libuv's poll of a socket,
 * and so libzmq's signaler under Node, asks it), and WSAEnumProtocols
 * lists it.
 *
 * The path is made nearly as long as sun_path takes (108 bytes): a program
 * only knows its Windows path fits, while the file's Unix path may be much
 * longer (under wlx a prefix's drive_c stands for "C:").
 *
 * Wine 8.0 has no AF_UNIX (socket() fails with WSAEAFNOSUPPORT): the test
 * then skips, saying so.
 */
#include <winsock2.h>
#include <afunix.h>
#include "test.h"

static char folder[MAX_PATH], sock_path[MAX_PATH];

/* a folder in %TEMP% whose socket path is 100 bytes long */
static BOOL make_long_path(void)
{
    char temp[MAX_PATH];
    DWORD n = GetTempPathA(sizeof(temp), temp);
    int len, pad;

    if (!n || n > 60) return FALSE;
    len = snprintf(folder, sizeof(folder), "%swlx-afunix-%lu-", temp, GetCurrentProcessId());
    pad = 100 - len - (int)strlen("\\s.sock");
    if (pad < 1) return FALSE;
    memset(folder + len, 'd', pad);
    folder[len + pad] = 0;
    snprintf(sock_path, sizeof(sock_path), "%s\\s.sock", folder);
    return CreateDirectoryA(folder, NULL);
}

static SOCKADDR_UN address(const char *path)
{
    SOCKADDR_UN un;

    memset(&un, 0, sizeof(un));
    un.sun_family = AF_UNIX;
    strncpy(un.sun_path, path, sizeof(un.sun_path));
    return un;
}

/* s's own name (peer 0) or its peer's is the Windows path expected */
static void check_name(SOCKET s, int peer, const char *expected)
{
    SOCKADDR_UN un;
    int len = sizeof(un), ret;

    memset(&un, 0, sizeof(un));
    ret = peer ? getpeername(s, (SOCKADDR *)&un, &len) : getsockname(s, (SOCKADDR *)&un, &len);
    ok(!ret, "%s: error %d\n", peer ? "getpeername" : "getsockname", WSAGetLastError());
    ok(un.sun_family == AF_UNIX, "%s: family %d\n", peer ? "getpeername" : "getsockname", un.sun_family);
    ok(!strncmp(un.sun_path, expected, sizeof(un.sun_path)), "%s: %.108s, not %s\n",
       peer ? "getpeername" : "getsockname", un.sun_path, expected);
}

/* a short path's names too (under wlx, one Linux can take as it is) */
static void test_short_name(void)
{
    char temp[MAX_PATH], path[MAX_PATH];
    SOCKADDR_UN un;
    SOCKET srv, cli;

    GetTempPathA(sizeof(temp), temp);
    snprintf(path, sizeof(path), "%swlx-u%lu.sock", temp, GetCurrentProcessId());
    un = address(path);
    srv = socket(AF_UNIX, SOCK_STREAM, 0);
    ok(!bind(srv, (SOCKADDR *)&un, sizeof(un)), "bind %s: error %d\n", path, WSAGetLastError());
    ok(!listen(srv, 1), "listen: error %d\n", WSAGetLastError());
    check_name(srv, 0, path);
    cli = socket(AF_UNIX, SOCK_STREAM, 0);
    ok(!connect(cli, (SOCKADDR *)&un, sizeof(un)), "connect: error %d\n", WSAGetLastError());
    check_name(cli, 1, path);
    closesocket(cli);
    closesocket(srv);
    ok(DeleteFileA(path), "DeleteFile %s: error %lu\n", path, GetLastError());
}

static void test_stream(void)
{
    SOCKADDR_UN un = address(sock_path);
    SOCKET srv, cli, acc, again;
    char buf[16];
    int ret;

    srv = socket(AF_UNIX, SOCK_STREAM, 0);
    ok(srv != INVALID_SOCKET, "socket: error %d\n", WSAGetLastError());
    ret = bind(srv, (SOCKADDR *)&un, sizeof(un));
    ok(!ret, "bind %s (%u bytes): error %d\n", sock_path, (unsigned)strlen(sock_path), WSAGetLastError());
    ok(GetFileAttributesA(sock_path) != INVALID_FILE_ATTRIBUTES, "no socket file after bind: error %lu\n",
       GetLastError());
    ok(!listen(srv, 4), "listen: error %d\n", WSAGetLastError());
    check_name(srv, 0, sock_path);

    cli = socket(AF_UNIX, SOCK_STREAM, 0);
    ret = connect(cli, (SOCKADDR *)&un, sizeof(un));
    ok(!ret, "connect: error %d\n", WSAGetLastError());
    acc = accept(srv, NULL, NULL);
    ok(acc != INVALID_SOCKET, "accept: error %d\n", WSAGetLastError());
    check_name(cli, 1, sock_path);
    {
        /* the AF_UNIX provider, {A00943D9-9C2E-4633-9B59-0057A3160994} */
        static const GUID afunix = { 0xa00943d9, 0x9c2e, 0x4633, { 0x9b, 0x59, 0x00, 0x57, 0xa3, 0x16, 0x09, 0x94 } };
        WSAPROTOCOL_INFOW info;
        int len = sizeof(info);
        ret = getsockopt(acc, SOL_SOCKET, SO_PROTOCOL_INFOW, (char *)&info, &len);
        ok(!ret && len == sizeof(info), "SO_PROTOCOL_INFOW: %d error %d\n", ret, WSAGetLastError());
        ok(!ret && info.iAddressFamily == AF_UNIX && info.iSocketType == SOCK_STREAM && info.iProtocol == 0 &&
           IsEqualGUID(&info.ProviderId, &afunix) && !lstrcmpW(info.szProtocol, L"AF_UNIX") &&
           info.iMaxSockAddr == sizeof(SOCKADDR_UN) && (info.dwServiceFlags1 & XP1_IFS_HANDLES),
           "the AF_UNIX provider's entry: family %d type %d protocol %d name %ls max %d flags %#lx\n", info.iAddressFamily,
           info.iSocketType, info.iProtocol, info.szProtocol, info.iMaxSockAddr, info.dwServiceFlags1);
    }

    ok(send(cli, "ping", 4, 0) == 4, "send: error %d\n", WSAGetLastError());
    memset(buf, 0, sizeof(buf));
    ret = recv(acc, buf, sizeof(buf), 0);
    ok(ret == 4 && !memcmp(buf, "ping", 4), "recv: %d %.4s error %d\n", ret, buf, WSAGetLastError());
    ok(send(acc, "pong!", 5, 0) == 5, "send back: error %d\n", WSAGetLastError());
    ret = recv(cli, buf, sizeof(buf), 0);
    ok(ret == 5 && !memcmp(buf, "pong!", 5), "recv back: %d error %d\n", ret, WSAGetLastError());

    /* the name is taken while the file exists, even by a socket of the same process */
    again = socket(AF_UNIX, SOCK_STREAM, 0);
    ret = bind(again, (SOCKADDR *)&un, sizeof(un));
    ok(ret == SOCKET_ERROR && WSAGetLastError() == WSAEADDRINUSE, "second bind: %d error %d\n", ret,
       WSAGetLastError());
    closesocket(again);

    closesocket(acc);
    closesocket(cli);
    closesocket(srv);

    /* closing does not remove the file; deleting it frees the name */
    ok(GetFileAttributesA(sock_path) != INVALID_FILE_ATTRIBUTES, "socket file gone after closesocket\n");
    ok(DeleteFileA(sock_path), "DeleteFile of the socket file: error %lu\n", GetLastError());
    again = socket(AF_UNIX, SOCK_STREAM, 0);
    ret = bind(again, (SOCKADDR *)&un, sizeof(un));
    ok(!ret, "bind after DeleteFile: error %d\n", WSAGetLastError());
    closesocket(again);
    ok(DeleteFileA(sock_path), "DeleteFile again: error %lu\n", GetLastError());
}

/* connecting to a path with no socket file fails */
static void test_no_listener(void)
{
    SOCKADDR_UN un = address(sock_path);
    SOCKET s = socket(AF_UNIX, SOCK_STREAM, 0);
    int ret = connect(s, (SOCKADDR *)&un, sizeof(un));

    ok(ret == SOCKET_ERROR, "connect to a missing socket file succeeded\n");
    closesocket(s);
}

int main(void)
{
    WSADATA wsa;
    SOCKET s;

    test_start("ws2_32/afunix");
    WSAStartup(MAKEWORD(2, 2), &wsa);
    s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (s == INVALID_SOCKET && WSAGetLastError() == WSAEAFNOSUPPORT)
    {
        skip("no AF_UNIX sockets (Wine 8.0 has none; Windows since 10 1803)\n");
        return test_summary();
    }
    closesocket(s);
    if (!make_long_path())
    {
        ok(0, "cannot make the test folder: error %lu\n", GetLastError());
        return test_summary();
    }
    test_stream();
    test_no_listener();
    test_short_name();
    RemoveDirectoryA(folder);
    WSACleanup();
    return test_summary();
}
