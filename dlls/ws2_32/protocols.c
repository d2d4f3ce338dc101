/*
 * The protocol catalog: WSAEnumProtocolsW/A. wlx has one provider (the host's
 * sockets) offering what Windows' default MSAFD catalog does for TCP/IP:
 * TCP and UDP over IPv4 and IPv6, and raw sockets; and, as Windows 10 1803
 * and later, the AF_UNIX provider's stream sockets. Programs read it to
 * learn which features the providers have (the Go runtime checks
 * XP1_IFS_HANDLES; libuv's poll of a socket looks up its provider with
 * SO_PROTOCOL_INFOW, and fails on a socket the catalog does not know).
 */
#include "private.h"

/* the default Windows TCP/IP provider's id, {E70F1AA0-AB8B-11CF-8CA3-00805F48A192} */
static const GUID msafd_provider = { 0xe70f1aa0, 0xab8b, 0x11cf, { 0x8c, 0xa3, 0x00, 0x80, 0x5f, 0x48, 0xa1, 0x92 } };

/* the AF_UNIX provider's, {A00943D9-9C2E-4633-9B59-0057A3160994} */
static const GUID afunix_provider = { 0xa00943d9, 0x9c2e, 0x4633, { 0x9b, 0x59, 0x00, 0x57, 0xa3, 0x16, 0x09, 0x94 } };

#define UNIX_FLAGS   (XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE | XP1_IFS_HANDLES)
#define STREAM_FLAGS (XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE | \
                      XP1_EXPEDITED_DATA | XP1_IFS_HANDLES)
#define DGRAM_FLAGS  (XP1_CONNECTIONLESS | XP1_MESSAGE_ORIENTED | XP1_SUPPORT_BROADCAST | \
                      XP1_SUPPORT_MULTIPOINT | XP1_IFS_HANDLES)

static const struct catalog_entry
{
    int family, type, protocol;
    DWORD service_flags, message_size;
    const WCHAR *name;
} catalog[] =
{
    { AF_INET,  SOCK_STREAM, IPPROTO_TCP, STREAM_FLAGS, 0,      L"MSAFD Tcpip [TCP/IP]" },
    { AF_INET,  SOCK_DGRAM,  IPPROTO_UDP, DGRAM_FLAGS,  0xffbb, L"MSAFD Tcpip [UDP/IP]" },
    { AF_INET6, SOCK_STREAM, IPPROTO_TCP, STREAM_FLAGS, 0,      L"MSAFD Tcpip [TCP/IPv6]" },
    { AF_INET6, SOCK_DGRAM,  IPPROTO_UDP, DGRAM_FLAGS,  0xffbb, L"MSAFD Tcpip [UDP/IPv6]" },
    { AF_INET,  SOCK_RAW,    0,           DGRAM_FLAGS,  0x8000, L"MSAFD Tcpip [RAW/IP]" },
    { AF_INET6, SOCK_RAW,    0,           DGRAM_FLAGS,  0x8000, L"MSAFD Tcpip [RAW/IPv6]" },
    { AF_UNIX,  SOCK_STREAM, 0,           UNIX_FLAGS,   0,      L"AF_UNIX" },
};

/* Winsock must be started; a missing length pointer is a fault */
static BOOL check_call(DWORD *len)
{
    if (!ws2_startup_count) { WSASetLastError(WSANOTINITIALISED); return FALSE; }
    if (!len) { WSASetLastError(WSAEFAULT); return FALSE; }
    return TRUE;
}

static BOOL wanted(const int *protocols, const struct catalog_entry *e)
{
    if (!protocols) return TRUE;
    for (; *protocols; protocols++) if (*protocols == e->protocol) return TRUE;
    return FALSE;
}

static void fill_info(WSAPROTOCOL_INFOW *info, const struct catalog_entry *e, DWORD id)
{
    memset(info, 0, sizeof(*info));
    info->dwServiceFlags1 = e->service_flags;
    info->dwProviderFlags = e->type == SOCK_RAW ? 0 : PFL_MATCHES_PROTOCOL_ZERO;
    info->ProviderId = msafd_provider;
    info->dwCatalogEntryId = id;
    info->ProtocolChain.ChainLen = BASE_PROTOCOL;
    info->iVersion = 2;
    info->iAddressFamily = e->family;
    info->iMaxSockAddr = e->family == AF_INET6 ? sizeof(SOCKADDR_IN6) : sizeof(SOCKADDR_IN);
    info->iMinSockAddr = e->family == AF_INET6 ? sizeof(SOCKADDR_IN6) : sizeof(SOCKADDR_IN);
    if (e->family == AF_UNIX)
    {
        info->ProviderId = afunix_provider;
        info->iMaxSockAddr = 110;                 /* sizeof(SOCKADDR_UN) */
        info->iMinSockAddr = 2;                   /* the family alone */
    }
    info->iSocketType = e->type;
    info->iProtocol = e->protocol;
    info->iProtocolMaxOffset = e->type == SOCK_RAW ? 255 : 0;
    info->iNetworkByteOrder = BIGENDIAN;
    info->iSecurityScheme = SECURITY_PROTOCOL_NONE;
    info->dwMessageSize = e->message_size;
    lstrcpynW(info->szProtocol, e->name, WSAPROTOCOL_LEN + 1);
}

/* the catalog's entry of socket s, with its own protocol number; FALSE with
   the error set when s is no socket */
BOOL ws2_socket_protocol_info(SOCKET s, WSAPROTOCOL_INFOW *info)
{
    int family = 0, type = 0, protocol = 0, len = sizeof(int);
    DWORD i;

    if (getsockopt(s, SOL_SOCKET, WLX_SO_FAMILY, (char *)&family, &len)) return FALSE;
    len = sizeof(int);
    getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &len);
    len = sizeof(int);
    getsockopt(s, SOL_SOCKET, WLX_SO_PROTOCOL, (char *)&protocol, &len);
    for (i = 0; i < ARRAYSIZE(catalog); i++)
    {
        if (catalog[i].family != family || catalog[i].type != type) continue;
        fill_info(info, &catalog[i], 1001 + i);
        info->iProtocol = protocol;
        return TRUE;
    }
    SetLastError(WSAEAFNOSUPPORT);
    return FALSE;
}

/* fills up to *len bytes of infos; the count, or SOCKET_ERROR with
   WSAENOBUFS and the size needed in *len */
int WINAPI WSAEnumProtocolsW(int *protocols, WSAPROTOCOL_INFOW *buffer, DWORD *len)
{
    DWORD count = 0, i;

    if (!check_call(len)) return SOCKET_ERROR;
    for (i = 0; i < ARRAYSIZE(catalog); i++) if (wanted(protocols, &catalog[i])) count++;
    if (!buffer || *len < count * sizeof(*buffer))
    {
        *len = count * sizeof(*buffer);
        WSASetLastError(WSAENOBUFS);
        return SOCKET_ERROR;
    }
    count = 0;
    for (i = 0; i < ARRAYSIZE(catalog); i++)
        if (wanted(protocols, &catalog[i])) fill_info(&buffer[count++], &catalog[i], 1001 + i);
    return count;
}

int WINAPI WSAEnumProtocolsA(int *protocols, WSAPROTOCOL_INFOA *buffer, DWORD *len)
{
    WSAPROTOCOL_INFOW info;
    DWORD count = 0, i, size;

    if (!check_call(len)) return SOCKET_ERROR;
    for (i = 0; i < ARRAYSIZE(catalog); i++) if (wanted(protocols, &catalog[i])) count++;
    size = count * sizeof(*buffer);
    if (!buffer || *len < size)
    {
        *len = size;
        WSASetLastError(WSAENOBUFS);
        return SOCKET_ERROR;
    }
    count = 0;
    for (i = 0; i < ARRAYSIZE(catalog); i++)
    {
        if (!wanted(protocols, &catalog[i])) continue;
        fill_info(&info, &catalog[i], 1001 + i);
        /* the A layout is the W one with a narrow name at the end */
        memcpy(&buffer[count], &info, offsetof(WSAPROTOCOL_INFOA, szProtocol));
        WideCharToMultiByte(CP_ACP, 0, info.szProtocol, -1, buffer[count].szProtocol,
                            sizeof(buffer[count].szProtocol), NULL, NULL);
        count++;
    }
    return count;
}
