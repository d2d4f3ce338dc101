/*
 * Private declarations shared by the PE sources of ws2_32.dll.
 */
#ifndef WLX_WS2_32_PRIVATE_H
#define WLX_WS2_32_PRIVATE_H

/* we define Winsock's functions: they must not be dllimport here */
#define WINSOCK_API_LINKAGE
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <mswsock.h>
#include <afunix.h>
#include <winternl.h>
#include <string.h>
#include "unixlib.h"
#include "wlx/sockio.h"

/* ntdll's private socket calls (include/wlx/sockio.h) */
NTSTATUS WINAPI __wlx_socket_wrap(int fd, HANDLE *handle);
NTSTATUS WINAPI __wlx_socket_fd(HANDLE handle, int *fd);
NTSTATUS WINAPI __wlx_socket_io(HANDLE handle, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                                struct wlx_sock_io *req);

/* unixaddr.c: an AF_UNIX address with its Windows path made a Unix one
   (in *out, *len updated), else addr unchanged; 0 or a WSA error */
int ws2_unix_address(const struct sockaddr *addr, int *len, struct sock_unix_path *out);
/* after bind: a long name's Windows path kept for getsockname */
void ws2_unix_bound(const struct sockaddr *addr, int len, const struct sock_unix_path *un);
/* an AF_UNIX name from Linux made the Windows path it stands for */
void ws2_win_unix_name(SOCKADDR_UN *un, int *len);

/* main.c */
extern LONG ws2_startup_count;
LONG ws2_unix_call(UINT32 code, void *params);
/* runs a struct sock_params call: the result, or -1 with the WSA error set */
INT64 ws2_sock_call(UINT32 code, struct sock_params *p);
void *ws2_alloc(SIZE_T size);
void ws2_free(void *ptr);
/* the Winsock error of an I/O status (errors.c) */
int ws2_status_to_wsa(NTSTATUS status);

/* addrinfo.c: the host resolver's answer, flat */
#define WS2_MAX_ENTRIES 64
#define WS2_CANON_LEN 256
struct ws2_gai_result
{
    struct gai_entry entries[WS2_MAX_ENTRIES];
    char canon[WS2_CANON_LEN];   /* the first canonical name, or "" */
    int count;
};
/* node and service in UTF-8, hints' flags, family, type and protocol; a WSA error */
int ws2_resolve(const char *node, const char *service, const ADDRINFOA *hints, struct ws2_gai_result *res);

/* socket.c */
/* the Unix fd of a socket handle; -1 with WSAENOTSOCK set when it is none */
int ws2_sock_fd(SOCKET s);
/* a new socket's fd (or minus an error, as ws2_sock_call returns) made a handle */
SOCKET ws2_sock_wrap(INT64 fd);
/* a send's result; one that would block re-enables FD_WRITE (WSAEventSelect) */
int ws2_send_result(SOCKET s, INT64 ret);

/* protocols.c: the catalog entry of a socket */
BOOL ws2_socket_protocol_info(SOCKET s, WSAPROTOCOL_INFOW *info);

/* duplicate.c */
SOCKET ws2_socket_from_info(DWORD reserved);
int ws2_get_protocol_info(SOCKET s, int name, char *value, int *len);

/* eventselect.c: a call that lets FD_* events be recorded again; closesocket */
void ws2_reenable(SOCKET s, LONG events);
void ws2_unselect(SOCKET s);

/* overlapped.c: the extensions mswsock.h declares only as pointer types */
BOOL WINAPI ConnectEx(SOCKET s, const struct sockaddr *addr, int addrlen, void *data, DWORD data_len,
                      DWORD *sent, OVERLAPPED *ov);
BOOL WINAPI DisconnectEx(SOCKET s, OVERLAPPED *ov, DWORD flags, DWORD reserved);
INT WINAPI WSARecvMsg(SOCKET s, WSAMSG *msg, DWORD *bytes, WSAOVERLAPPED *ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine);
/* work done by the caller, reported on ov as an overlapped success */
BOOL ws2_report_done(SOCKET s, DWORD bytes, OVERLAPPED *ov);

#endif
