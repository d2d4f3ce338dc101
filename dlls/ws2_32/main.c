/*
 * ws2_32 start-up and shared plumbing: WSAStartup/WSACleanup, the error
 * (Winsock's last error is the thread's Win32 last error), byte order, and
 * the door to ws2_32.so.
 */
#include "private.h"
#include "wlx/unixcall.h"

LONG ws2_startup_count;

LONG ws2_unix_call(UINT32 code, void *params)
{
    return wlx_unix_call(code, params);
}

INT64 ws2_sock_call(UINT32 code, struct sock_params *p)
{
    if (ws2_unix_call(code, p))
    {
        SetLastError(WSAENETDOWN);
        return -1;
    }
    if (p->result < 0)
    {
        SetLastError((DWORD)-p->result);
        return -1;
    }
    SetLastError(0);   /* Windows clears the error on success */
    return p->result;
}

void *ws2_alloc(SIZE_T size) { return HeapAlloc(GetProcessHeap(), 0, size); }
void ws2_free(void *ptr) { if (ptr) HeapFree(GetProcessHeap(), 0, ptr); }

int WINAPI WSAStartup(WORD version, LPWSADATA data)
{
    if (!LOBYTE(version)) return WSAVERNOTSUPPORTED;
    if (!data) return WSAEFAULT;
    memset(data, 0, sizeof(*data));
    /* the version given back is the one asked, capped at 2.2 */
    if (LOBYTE(version) > 2 || (LOBYTE(version) == 2 && HIBYTE(version) > 2)) data->wVersion = MAKEWORD(2, 2);
    else data->wVersion = version;
    data->wHighVersion = MAKEWORD(2, 2);
    strcpy(data->szDescription, "WinSock 2.0");
    strcpy(data->szSystemStatus, "Running");
    InterlockedIncrement(&ws2_startup_count);
    return 0;
}

int WINAPI WSACleanup(void)
{
    LONG count = ws2_startup_count;

    /* a cleanup without a start-up fails */
    while (count > 0)
    {
        if (InterlockedCompareExchange(&ws2_startup_count, count - 1, count) == count) return 0;
        count = ws2_startup_count;
    }
    SetLastError(WSANOTINITIALISED);
    return SOCKET_ERROR;
}

int WINAPI WSAGetLastError(void) { return GetLastError(); }
void WINAPI WSASetLastError(int error) { SetLastError(error); }

u_long WINAPI htonl(u_long v) { return __builtin_bswap32(v); }
u_long WINAPI ntohl(u_long v) { return __builtin_bswap32(v); }
u_short WINAPI htons(u_short v) { return __builtin_bswap16(v); }
u_short WINAPI ntohs(u_short v) { return __builtin_bswap16(v); }
