/*
 * ws2_32: WSAConnect, WSAAccept with and without a condition function
 * (CF_ACCEPT, CF_REJECT, CF_DEFER), WSASendDisconnect/WSARecvDisconnect,
 * and GetAddrInfoExW/A in their synchronous and overlapped forms.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include "test.h"
#include "loopback.h"

/* not in mingw-w64's headers */
INT WINAPI GetAddrInfoExOverlappedResult(OVERLAPPED *ov);
INT WINAPI GetAddrInfoExCancel(HANDLE *handle);

static int condition_calls;
static struct sockaddr_in condition_peer, condition_local;

static int CALLBACK condition(WSABUF *caller_id, WSABUF *caller_data, QOS *sqos, QOS *gqos, WSABUF *callee_id,
                              WSABUF *callee_data, GROUP *g, DWORD_PTR data)
{
    condition_calls++;
    ok(caller_id && caller_id->len == sizeof(struct sockaddr_in), "caller id len %lu\n",
       caller_id ? caller_id->len : 0);
    if (caller_id && caller_id->len == sizeof(condition_peer)) memcpy(&condition_peer, caller_id->buf, caller_id->len);
    ok(callee_id && callee_id->len == sizeof(struct sockaddr_in), "callee id len %lu\n",
       callee_id ? callee_id->len : 0);
    if (callee_id && callee_id->len == sizeof(condition_local)) memcpy(&condition_local, callee_id->buf, callee_id->len);
    return (int)data;
}

static SOCKET connect_to(const struct sockaddr_in *addr)
{
    SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
    int ret = WSAConnect(c, (const struct sockaddr *)addr, sizeof(*addr), NULL, NULL, NULL, NULL);

    ok(!ret, "WSAConnect: %d %d\n", ret, WSAGetLastError());
    return c;
}

static void test_accept(void)
{
    struct sockaddr_in addr, peer, client_name;
    SOCKET listener = listen_loopback(&addr), client, server, server2;
    int len, ret;
    char buf[8];

    /* no condition: an ordinary accept, with the peer's address */
    client = connect_to(&addr);
    len = sizeof(peer);
    server = WSAAccept(listener, (struct sockaddr *)&peer, &len, NULL, 0);
    ok(server != INVALID_SOCKET, "WSAAccept: %d\n", WSAGetLastError());
    len = sizeof(client_name);
    getsockname(client, (struct sockaddr *)&client_name, &len);
    ok(peer.sin_port == client_name.sin_port, "peer port %u, client %u\n", ntohs(peer.sin_port),
       ntohs(client_name.sin_port));
    ok(send(client, "hi", 2, 0) == 2 && recv(server, buf, sizeof(buf), 0) == 2, "data through\n");
    closesocket(server);
    closesocket(client);

    /* CF_ACCEPT: the condition sees both ends */
    client = connect_to(&addr);
    condition_calls = 0;
    server = WSAAccept(listener, NULL, NULL, condition, CF_ACCEPT);
    ok(server != INVALID_SOCKET && condition_calls == 1, "CF_ACCEPT: %d calls %d\n", WSAGetLastError(),
       condition_calls);
    len = sizeof(client_name);
    getsockname(client, (struct sockaddr *)&client_name, &len);
    ok(condition_peer.sin_port == client_name.sin_port && condition_local.sin_port == addr.sin_port,
       "condition saw peer %u local %u\n", ntohs(condition_peer.sin_port), ntohs(condition_local.sin_port));
    closesocket(server);
    closesocket(client);

    /* CF_REJECT: WSAECONNREFUSED */
    client = connect_to(&addr);
    WSASetLastError(0xdeadbeef);
    server = WSAAccept(listener, NULL, NULL, condition, CF_REJECT);
    ok(server == INVALID_SOCKET && WSAGetLastError() == WSAECONNREFUSED, "CF_REJECT: %Iu %d\n", server,
       WSAGetLastError());
    closesocket(client);

    /* CF_DEFER: WSATRY_AGAIN, and the same connection is offered again */
    client = connect_to(&addr);
    len = sizeof(client_name);
    getsockname(client, (struct sockaddr *)&client_name, &len);
    server = WSAAccept(listener, NULL, NULL, condition, CF_DEFER);
    ok(server == INVALID_SOCKET && WSAGetLastError() == WSATRY_AGAIN, "CF_DEFER: %Iu %d\n", server,
       WSAGetLastError());
    memset(&condition_peer, 0, sizeof(condition_peer));
    len = sizeof(peer);
    server2 = WSAAccept(listener, (struct sockaddr *)&peer, &len, condition, CF_ACCEPT);
    ok(server2 != INVALID_SOCKET && condition_peer.sin_port == client_name.sin_port
       && peer.sin_port == client_name.sin_port, "after CF_DEFER: %d port %u\n", WSAGetLastError(),
       ntohs(peer.sin_port));

    /* disconnects: the peer reads the end of the stream after WSASendDisconnect */
    ret = WSASendDisconnect(client, NULL);
    ok(!ret, "WSASendDisconnect: %d\n", WSAGetLastError());
    ok(recv(server2, buf, sizeof(buf), 0) == 0, "no end of stream\n");
    ok(send(client, "x", 1, 0) == SOCKET_ERROR && WSAGetLastError() == WSAESHUTDOWN, "send after: %d\n",
       WSAGetLastError());
    ret = WSARecvDisconnect(server2, NULL);
    ok(!ret, "WSARecvDisconnect: %d\n", WSAGetLastError());
    ok(WSASendDisconnect((SOCKET)0xdead0, NULL) == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK,
       "not a socket: %d\n", WSAGetLastError());
    closesocket(server2);
    closesocket(client);
    closesocket(listener);
}

static BOOL has_loopback(const struct sockaddr *addr)
{
    return addr->sa_family == AF_INET && ((struct sockaddr_in *)addr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK);
}

static void test_getaddrinfoex(void)
{
    ADDRINFOEXW hints, *result, *ai;
    ADDRINFOEXA hintsa, *resulta;
    OVERLAPPED ov;
    HANDLE handle;
    BOOL found;
    int ret;

    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    result = (void *)0xdeadbeef;
    ret = GetAddrInfoExW(L"127.0.0.1", L"80", NS_DNS, NULL, &hints, &result, NULL, NULL, NULL, NULL);
    ok(!ret && result, "GetAddrInfoExW: %d\n", ret);
    if (!ret)
    {
        ok(has_loopback(result->ai_addr) && ((struct sockaddr_in *)result->ai_addr)->sin_port == htons(80),
           "address\n");
        ok(result->ai_addrlen == sizeof(struct sockaddr_in) && result->ai_socktype == SOCK_STREAM, "len %Iu type %d\n",
           result->ai_addrlen, result->ai_socktype);
        ok(!result->ai_blob && !result->ai_bloblen, "blob %p\n", result->ai_blob);
        FreeAddrInfoExW(result);
    }
    ret = GetAddrInfoExW(L"localhost", NULL, NS_ALL, NULL, &hints, &result, NULL, NULL, NULL, NULL);
    ok(!ret, "localhost: %d\n", ret);
    for (found = FALSE, ai = result; !ret && ai; ai = (ADDRINFOEXW *)ai->ai_next) found |= has_loopback(ai->ai_addr);
    ok(found, "localhost has no 127.0.0.1\n");
    if (!ret) FreeAddrInfoExW(result);
    ret = GetAddrInfoExW(L"nonexistent.invalid", NULL, NS_DNS, NULL, NULL, &result, NULL, NULL, NULL, NULL);
    ok(ret == WSAHOST_NOT_FOUND || ret == WSATRY_AGAIN, "invalid name: %d\n", ret);

    memset(&hintsa, 0, sizeof(hintsa));
    hintsa.ai_family = AF_INET;
    hintsa.ai_flags = AI_NUMERICHOST;
    /* Wine 8 has GetAddrInfoExA as a stub that ends the process */
    if (test_is("wine")) skip("GetAddrInfoExA: Wine 8 does not have it\n");
    else
    {
        ret = GetAddrInfoExA("127.0.0.1", "443", NS_DNS, NULL, &hintsa, &resulta, NULL, NULL, NULL, NULL);
        ok(!ret && resulta && has_loopback(resulta->ai_addr), "GetAddrInfoExA: %d\n", ret);
        if (!ret) FreeAddrInfoEx(resulta);
    }

    /* overlapped: pending, then the event and the result */
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    result = NULL;
    handle = NULL;
    ret = GetAddrInfoExW(L"127.0.0.1", L"8080", NS_DNS, NULL, &hints, &result, NULL, &ov, NULL, &handle);
    ok(ret == WSA_IO_PENDING, "overlapped: %d\n", ret);
    /* Wine 8 leaves the handle GetAddrInfoExCancel takes unset */
    todo_wine(handle != NULL, "no handle\n");
    ok(WaitForSingleObject(ov.hEvent, 10000) == WAIT_OBJECT_0, "never completed\n");
    ret = GetAddrInfoExOverlappedResult(&ov);
    ok(!ret && result && has_loopback(result->ai_addr), "overlapped result %d\n", ret);
    if (!ret && result) FreeAddrInfoExW(result);
    /* a finished query's handle is cancelled no more */
    if (handle)
    {
        ret = GetAddrInfoExCancel(&handle);
        ok(ret == WSA_INVALID_HANDLE, "cancel after completion: %d\n", ret);
    }
    CloseHandle(ov.hEvent);
}

int main(void)
{
    WSADATA data;

    test_start("ws2_32/wsaaccept");
    start_watchdog(60000);
    WSAStartup(MAKEWORD(2, 2), &data);
    test_accept();
    test_getaddrinfoex();
    WSACleanup();
    return test_summary();
}
