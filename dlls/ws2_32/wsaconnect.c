/*
 * Winsock 2's forms of the connection calls: WSAConnect (connect; no
 * protocol here carries connect data or QoS, so they are ignored),
 * WSAAccept with its condition function, WSASendDisconnect and
 * WSARecvDisconnect (shutdown; no disconnect data either), and the
 * socket-checked byte-order calls WSAHtonl/WSAHtons/WSANtohl/WSANtohs.
 */
#include "private.h"

int WINAPI WSAConnect(SOCKET s, const struct sockaddr *addr, int len, WSABUF *caller_data, WSABUF *callee_data,
                      QOS *sqos, QOS *gqos)
{
    (void)caller_data; (void)sqos; (void)gqos;
    if (connect(s, addr, len)) return SOCKET_ERROR;
    if (callee_data) callee_data->len = 0;
    return 0;
}

/* A connection the condition function deferred (CF_DEFER): the stack has
 * accepted it already, so it is kept here and offered again to the next
 * WSAAccept on the same listener, as Windows does. */
#define MAX_DEFERRED 16
static struct { SOCKET listener, conn; } deferred[MAX_DEFERRED];
static SRWLOCK deferred_lock = SRWLOCK_INIT;

static SOCKET take_deferred(SOCKET listener)
{
    SOCKET conn = INVALID_SOCKET;
    int i;

    AcquireSRWLockExclusive(&deferred_lock);
    for (i = 0; i < MAX_DEFERRED && conn == INVALID_SOCKET; i++)
    {
        if (!deferred[i].conn || deferred[i].listener != listener) continue;
        conn = deferred[i].conn;
        deferred[i].conn = 0;
    }
    ReleaseSRWLockExclusive(&deferred_lock);
    return conn;
}

static BOOL keep_deferred(SOCKET listener, SOCKET conn)
{
    BOOL kept = FALSE;
    int i;

    AcquireSRWLockExclusive(&deferred_lock);
    for (i = 0; i < MAX_DEFERRED && !kept; i++)
    {
        if (deferred[i].conn) continue;
        deferred[i].listener = listener;
        deferred[i].conn = conn;
        kept = TRUE;
    }
    ReleaseSRWLockExclusive(&deferred_lock);
    return kept;
}

SOCKET WINAPI WSAAccept(SOCKET s, struct sockaddr *addr, int *len, LPCONDITIONPROC condition, DWORD_PTR data)
{
    SOCKADDR_STORAGE peer, local;
    int peer_len = sizeof(peer), local_len = sizeof(local), ret;
    WSABUF caller_id, callee_id;
    GROUP group = 0;
    SOCKET conn;

    if (addr && (!len || *len < (int)sizeof(struct sockaddr)))
    {
        SetLastError(WSAEFAULT);
        return INVALID_SOCKET;
    }
    if ((conn = take_deferred(s)) == INVALID_SOCKET)
    {
        if ((conn = accept(s, NULL, NULL)) == INVALID_SOCKET) return INVALID_SOCKET;
    }
    if (getpeername(conn, (struct sockaddr *)&peer, &peer_len)) peer_len = 0;
    if (condition)
    {
        getsockname(conn, (struct sockaddr *)&local, &local_len);
        caller_id.buf = (char *)&peer;
        caller_id.len = peer_len;
        callee_id.buf = (char *)&local;
        callee_id.len = local_len;
        ret = condition(&caller_id, NULL, NULL, NULL, &callee_id, NULL, &group, data);
        if (ret == CF_DEFER && keep_deferred(s, conn))
        {
            SetLastError(WSATRY_AGAIN);
            return INVALID_SOCKET;
        }
        if (ret != CF_ACCEPT)
        {
            /* refused after the stack accepted: the peer sees a reset */
            struct linger lg = { 1, 0 };
            setsockopt(conn, SOL_SOCKET, SO_LINGER, (const char *)&lg, sizeof(lg));
            closesocket(conn);
            SetLastError(ret == CF_REJECT || ret == CF_DEFER ? WSAECONNREFUSED : WSAEINVAL);
            return INVALID_SOCKET;
        }
    }
    if (addr)
    {
        if (*len < peer_len) peer_len = *len;
        memcpy(addr, &peer, peer_len);
        *len = peer_len;
    }
    SetLastError(0);
    return conn;
}

int WINAPI WSASendDisconnect(SOCKET s, WSABUF *data)
{
    (void)data;
    return shutdown(s, SD_SEND);
}

int WINAPI WSARecvDisconnect(SOCKET s, WSABUF *data)
{
    if (shutdown(s, SD_RECEIVE)) return SOCKET_ERROR;
    if (data) data->len = 0;
    return 0;
}

/* the byte-order calls fail as documented: on a handle that is no socket
 * (WSAENOTSOCK) and without a place for the result (WSAEFAULT) */
static BOOL order_args(SOCKET s, const void *out)
{
    if (ws2_sock_fd(s) < 0) return FALSE;
    if (out) return TRUE;
    SetLastError(WSAEFAULT);
    return FALSE;
}

int WINAPI WSAHtonl(SOCKET s, u_long host, u_long *net)
{
    if (!order_args(s, net)) return SOCKET_ERROR;
    *net = htonl(host);
    return 0;
}

int WINAPI WSAHtons(SOCKET s, u_short host, u_short *net)
{
    if (!order_args(s, net)) return SOCKET_ERROR;
    *net = htons(host);
    return 0;
}

int WINAPI WSANtohl(SOCKET s, u_long net, u_long *host)
{
    if (!order_args(s, host)) return SOCKET_ERROR;
    *host = ntohl(net);
    return 0;
}

int WINAPI WSANtohs(SOCKET s, u_short net, u_short *host)
{
    if (!order_args(s, host)) return SOCKET_ERROR;
    *host = ntohs(net);
    return 0;
}
