/*
 * TransmitFile and WSARecvEx (mswsock's, forwarded here). TransmitFile
 * sends the head buffer, the file (from the OVERLAPPED's offset, or the
 * file's own position without one) and the tail buffer, blocking the
 * caller meanwhile, then reports the total as an overlapped success.
 */
#include "private.h"

#define CHUNK (64 * 1024)

/* all of buf, waiting for room on a non-blocking socket; FALSE with the error set */
static BOOL send_all(SOCKET s, const char *buf, DWORD len)
{
    while (len)
    {
        int n = send(s, buf, len > CHUNK ? CHUNK : len, 0);
        if (n == SOCKET_ERROR)
        {
            fd_set set;
            if (WSAGetLastError() != WSAEWOULDBLOCK) return FALSE;
            FD_ZERO(&set);
            FD_SET(s, &set);
            if (select(0, NULL, &set, NULL, NULL) == SOCKET_ERROR) return FALSE;
            continue;
        }
        buf += n;
        len -= n;
    }
    return TRUE;
}

/* up to total bytes of the file (0: to its end) from offset (NULL: its position) */
static BOOL send_file(SOCKET s, HANDLE file, DWORD total, const LARGE_INTEGER *offset, DWORD *sent, char *chunk)
{
    LARGE_INTEGER at = { 0 };
    DWORD got;

    if (offset) at = *offset;
    while (!total || *sent < total)
    {
        DWORD want = total && total - *sent < CHUNK ? total - *sent : CHUNK;
        OVERLAPPED pos = { 0 };
        pos.Offset = at.LowPart;
        pos.OffsetHigh = at.HighPart;
        if (!ReadFile(file, chunk, want, &got, offset ? &pos : NULL))
        {
            if (GetLastError() == ERROR_HANDLE_EOF) break;
            SetLastError(WSAEINVAL);
            return FALSE;
        }
        if (!got) break;
        if (!send_all(s, chunk, got)) return FALSE;
        *sent += got;
        at.QuadPart += got;
    }
    return TRUE;
}

BOOL WINAPI TransmitFile(SOCKET s, HANDLE file, DWORD total, DWORD per_send, OVERLAPPED *ov,
                         TRANSMIT_FILE_BUFFERS *buffers, DWORD flags)
{
    LARGE_INTEGER offset;
    DWORD sent = 0;
    char *chunk;
    BOOL ret = TRUE;

    (void)per_send;
    if (ws2_sock_fd(s) < 0) return FALSE;
    if (ov)
    {
        offset.LowPart = ov->Offset;
        offset.HighPart = ov->OffsetHigh;
    }
    if (buffers && buffers->HeadLength && !send_all(s, buffers->Head, buffers->HeadLength)) return FALSE;
    if (buffers) sent += buffers->HeadLength;
    if (file)
    {
        if (!(chunk = ws2_alloc(CHUNK)))
        {
            SetLastError(WSAENOBUFS);
            return FALSE;
        }
        ret = send_file(s, file, total, ov ? &offset : NULL, &sent, chunk);
        ws2_free(chunk);
        if (!ret) return FALSE;
    }
    if (buffers && buffers->TailLength && !send_all(s, buffers->Tail, buffers->TailLength)) return FALSE;
    if (buffers) sent += buffers->TailLength;
    if ((flags & TF_DISCONNECT) && shutdown(s, SD_SEND)) return FALSE;
    return ov ? ws2_report_done(s, sent, ov) : TRUE;
}

/* recv that tells a cut datagram (MSG_PARTIAL) instead of failing */
int WINAPI WSARecvEx(SOCKET s, char *buf, int len, int *flags)
{
    int ret;

    if (!flags)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    ret = recv(s, buf, len, *flags);
    *flags = 0;
    if (ret == SOCKET_ERROR && WSAGetLastError() == WSAEMSGSIZE)
    {
        *flags = MSG_PARTIAL;
        SetLastError(0);
        return len;
    }
    return ret;
}
