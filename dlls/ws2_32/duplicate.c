/*
 * Sharing a socket: WSADuplicateSocketW/A give a WSAPROTOCOL_INFO that
 * carries a duplicate of the socket's handle, made in the target process
 * (DuplicateHandle), in dwProviderReserved as Windows' provider does;
 * WSASocket given such an info takes that handle as its socket. The
 * SO_PROTOCOL_INFO options read the same info.
 */
#include "private.h"


int WINAPI WSADuplicateSocketW(SOCKET s, DWORD pid, WSAPROTOCOL_INFOW *info)
{
    HANDLE process, dup = NULL;
    BOOL ok;

    if (!info)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    if (!ws2_socket_protocol_info(s, info)) return SOCKET_ERROR;
    /* this process's own duplicate needs no handle to it */
    if (pid == GetCurrentProcessId()) process = GetCurrentProcess();
    else if (!(process = OpenProcess(PROCESS_DUP_HANDLE, FALSE, pid)))
    {
        SetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    ok = DuplicateHandle(GetCurrentProcess(), (HANDLE)s, process, &dup, 0, FALSE, DUPLICATE_SAME_ACCESS);
    CloseHandle(process);
    if (!ok || (ULONG_PTR)dup > 0xffffffff)
    {
        SetLastError(WSAENOBUFS);
        return SOCKET_ERROR;
    }
    info->dwProviderReserved = (DWORD)(ULONG_PTR)dup;
    return 0;
}

int WINAPI WSADuplicateSocketA(SOCKET s, DWORD pid, WSAPROTOCOL_INFOA *info)
{
    WSAPROTOCOL_INFOW w;

    if (!info)
    {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    if (WSADuplicateSocketW(s, pid, &w)) return SOCKET_ERROR;
    memcpy(info, &w, offsetof(WSAPROTOCOL_INFOA, szProtocol));
    WideCharToMultiByte(CP_ACP, 0, w.szProtocol, -1, info->szProtocol, sizeof(info->szProtocol), NULL, NULL);
    return 0;
}

/* the socket a duplicated info carries, or INVALID_SOCKET when it carries none */
SOCKET ws2_socket_from_info(DWORD reserved)
{
    SOCKET s = reserved;

    if (!reserved || ws2_sock_fd(s) < 0) return INVALID_SOCKET;
    return s;
}

/* getsockopt's SO_PROTOCOL_INFOW/A */
int ws2_get_protocol_info(SOCKET s, int name, char *value, int *len)
{
    WSAPROTOCOL_INFOW w;
    WSAPROTOCOL_INFOA *a = (WSAPROTOCOL_INFOA *)value;
    int need = name == SO_PROTOCOL_INFOW ? sizeof(w) : sizeof(*a);

    if (!value || *len < need)
    {
        *len = need;
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    if (!ws2_socket_protocol_info(s, &w)) return SOCKET_ERROR;
    *len = need;
    if (name == SO_PROTOCOL_INFOW)
    {
        memcpy(value, &w, sizeof(w));
        return 0;
    }
    memcpy(a, &w, offsetof(WSAPROTOCOL_INFOA, szProtocol));
    WideCharToMultiByte(CP_ACP, 0, w.szProtocol, -1, a->szProtocol, sizeof(a->szProtocol), NULL, NULL);
    return 0;
}
