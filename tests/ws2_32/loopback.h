/*
 * Loopback helpers shared by the ws2_32 tests: a listening socket on
 * 127.0.0.1 with a port of the system's choice, and a connected TCP pair.
 */
#ifndef WLX_TESTS_WS2_32_LOOPBACK_H
#define WLX_TESTS_WS2_32_LOOPBACK_H

static SOCKET listen_loopback(struct sockaddr_in *addr)
{
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
    int len = sizeof(*addr);

    memset(addr, 0, sizeof(*addr));
    addr->sin_family = AF_INET;
    addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok(!bind(s, (struct sockaddr *)addr, sizeof(*addr)), "bind: %d\n", WSAGetLastError());
    ok(!listen(s, 5), "listen: %d\n", WSAGetLastError());
    getsockname(s, (struct sockaddr *)addr, &len);
    return s;
}

/* bounds a test program: a call that blocks for ever ends it as a failure */
static DWORD WINAPI watchdog_thread(void *arg)
{
    Sleep((DWORD)(ULONG_PTR)arg);
    ok(0, "still running after %lu ms: a call is blocked\n", (DWORD)(ULONG_PTR)arg);
    test_summary();
    ExitProcess(1);
    return 0;
}

static __attribute__((unused)) void start_watchdog(DWORD ms)
{
    CloseHandle(CreateThread(NULL, 0, watchdog_thread, (void *)(ULONG_PTR)ms, 0, NULL));
}

static __attribute__((unused)) void tcp_pair(SOCKET *client, SOCKET *server)
{
    struct sockaddr_in addr;
    SOCKET listener = listen_loopback(&addr);

    *client = socket(AF_INET, SOCK_STREAM, 0);
    ok(!connect(*client, (struct sockaddr *)&addr, sizeof(addr)), "connect: %d\n", WSAGetLastError());
    *server = accept(listener, NULL, NULL);
    ok(*server != INVALID_SOCKET, "accept: %d\n", WSAGetLastError());
    closesocket(listener);
}

#endif
