/*
 * tests/ws2_32/wsock32.c — wsock32.dll, the Winsock 1.1 library, reached
 * the way old programs (and delay-load stubs) import it: by the ordinals
 * the Windows Sockets 1.1 specification fixed, where inet_addr is 10,
 * inet_ntoa 11 and ioctlsocket 12 (ws2_32 numbers them otherwise).
 */
#include <winsock2.h>
#include <windows.h>
#include "test.h"

typedef int (WINAPI *startup_fn)(WORD, WSADATA *);
typedef SOCKET (WINAPI *socket_fn)(int, int, int);
typedef int (WINAPI *ioctl_fn)(SOCKET, long, u_long *);
typedef unsigned long (WINAPI *inet_addr_fn)(const char *);
typedef char *(WINAPI *inet_ntoa_fn)(struct in_addr);
typedef int (WINAPI *close_fn)(SOCKET);
typedef int (WINAPI *cleanup_fn)(void);

#define ORD(mod, n) GetProcAddress(mod, MAKEINTRESOURCEA(n))

int main(void)
{
    HMODULE mod;
    WSADATA wsa;
    struct in_addr in;
    u_long nonblocking = 1;
    SOCKET s;

    test_start("ws2_32/wsock32");
    mod = LoadLibraryA("wsock32.dll");
    ok(mod != NULL, "LoadLibrary(wsock32) %lu\n", GetLastError());
    if (!mod) return test_summary();
    ok(ORD(mod, 115) == GetProcAddress(mod, "WSAStartup"), "ordinal 115 is not WSAStartup\n");
    ok(((startup_fn)ORD(mod, 115))(MAKEWORD(1, 1), &wsa) == 0, "WSAStartup 1.1\n");
    ok(LOBYTE(wsa.wVersion) == 1 && HIBYTE(wsa.wVersion) == 1, "version %x\n", wsa.wVersion);

    ok(((inet_addr_fn)ORD(mod, 10))("1.2.3.4") == htonl(0x01020304), "ordinal 10 is not inet_addr\n");
    in.s_addr = htonl(0x7f000001);
    ok(!strcmp(((inet_ntoa_fn)ORD(mod, 11))(in), "127.0.0.1"), "ordinal 11 is not inet_ntoa\n");

    s = ((socket_fn)ORD(mod, 23))(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    ok(s != INVALID_SOCKET, "socket %d\n", WSAGetLastError());
    ok(((ioctl_fn)ORD(mod, 12))(s, FIONBIO, &nonblocking) == 0, "ordinal 12 (ioctlsocket) failed: %d\n", WSAGetLastError());
    ok(((close_fn)ORD(mod, 3))(s) == 0, "closesocket\n");
    ok(((cleanup_fn)ORD(mod, 116))() == 0, "WSACleanup\n");
    ok(GetProcAddress(mod, "AcceptEx") != NULL, "no AcceptEx\n");
    return test_summary();
}
