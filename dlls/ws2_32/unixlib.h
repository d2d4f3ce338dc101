/*
 * The door between ws2_32.dll (PE) and ws2_32.so (Unix): entry numbers and
 * parameter structs, fixed-width types only, included by both sides.
 *
 * A SOCKET is ntdll's handle (include/wlx/sockio.h); what crosses here in
 * `handle` is its Unix fd, and new sockets come back as fds the PE side
 * wraps. Addresses cross in the Windows layout
 * (AF_INET6 = 23); the Unix side translates families, option names, flags
 * and errors. A result below zero is minus a WSA error code.
 */
#ifndef WLX_WS2_32_UNIXLIB_H
#define WLX_WS2_32_UNIXLIB_H

#include <stdint.h>

enum ws2_32_unix_func
{
    unix_socket,        /* a b c: family type protocol; result: handle */
    unix_close,
    unix_bind,          /* addr addrlen */
    unix_connect,       /* addr addrlen */
    unix_listen,        /* a: backlog */
    unix_accept,        /* addr addrlen (out, optional); result: handle */
    unix_send,          /* buf len a: flags, addr addrlen (sendto); c = 1: buf is WSABUF[len] */
    unix_recv,          /* buf len a: flags, addr addrlen (out, optional); c as send */
    unix_shutdown,      /* a: how */
    unix_getsockname,   /* addr addrlen */
    unix_getpeername,   /* addr addrlen */
    unix_setsockopt,    /* a: level b: name buf len */
    unix_getsockopt,    /* a: level b: name buf len (in/out) */
    unix_ioctl,         /* a: command buf: u_long argument */
    unix_poll,          /* buf: struct sock_pollfd[len] a: timeout ms */
    unix_getaddrinfo,   /* struct gai_params */
    unix_gethostname,   /* buf len */
    unix_pton,          /* a: family (0: inet_aton) buf: string addr: out */
    unix_ntop,          /* a: family addr: in buf len: out string */
    unix_getnameinfo,   /* struct nameinfo_params */
    unix_getservice,    /* struct serv_params */
    unix_func_count
};

struct sock_params
{
    uint64_t handle;    /* SOCKET */
    uint64_t buf;       /* data, option value, poll array, string */
    uint64_t addr;      /* Windows sockaddr */
    int32_t  len;       /* length of buf; in/out for getsockopt */
    int32_t  addrlen;   /* in/out */
    int32_t  a, b, c;   /* see enum ws2_32_unix_func */
    int32_t  pad;
    int64_t  result;    /* out: >= 0 success, < 0 minus a WSA error */
};

/* what bind and connect pass in addr for an AF_UNIX name whose Unix path
   is longer than sun_path (108 bytes) holds, when the Windows path fitted:
   the family, then the path and its NUL (addrlen covers both) */
struct sock_unix_path
{
    uint16_t family;
    char     path[4096];
};

/* wlx's own SOL_SOCKET options for getsockopt: a socket's family (Windows
   numbers) and protocol, which SO_PROTOCOL_INFO and WSADuplicateSocket need */
#define WLX_SO_FAMILY    0x7f01
#define WLX_SO_PROTOCOL  0x7f02

/* same layout as WSAPOLLFD; events in Windows' POLL* values */
struct sock_pollfd
{
    uint64_t handle;
    int16_t  events;
    int16_t  revents;
    int32_t  pad;
};

/* one getaddrinfo result, Windows values */
struct gai_entry
{
    int32_t flags, family, socktype, protocol;
    int32_t addrlen;
    uint8_t addr[28];
};

struct gai_params
{
    uint64_t node, service;   /* UTF-8 strings or 0 */
    uint64_t entries;         /* struct gai_entry[max] */
    uint64_t canon;           /* char[canon_len]: the first canonical name */
    int32_t  flags, family, socktype, protocol;   /* hints, Windows values */
    int32_t  has_hints;
    int32_t  max, count;      /* capacity of entries; out: entries filled */
    int32_t  canon_len;
    int32_t  result;          /* out: 0 or a WSA error */
    int32_t  pad;
};

struct nameinfo_params
{
    uint64_t addr;            /* Windows sockaddr */
    uint64_t host, serv;      /* out buffers or 0 */
    int32_t  addrlen, host_len, serv_len;
    int32_t  flags;           /* Windows NI_* */
    int32_t  result;          /* out: 0 or a WSA error */
    int32_t  pad;
};

/* a service of the host's services database, by name or by port */
#define SERV_MAX_ALIASES 8
struct serv_params
{
    uint64_t name;            /* UTF-8, or 0: look up by port */
    uint64_t proto;           /* "tcp", "udp"..., or 0 for any */
    int32_t  port;            /* network order: in when by port, out */
    int32_t  n_aliases;       /* out */
    int32_t  result;          /* out: 0 or a WSA error */
    int32_t  pad;
    char     out_name[64];    /* out */
    char     out_proto[16];   /* out */
    char     aliases[SERV_MAX_ALIASES][64];   /* out */
};

#ifndef _WIN32
typedef int32_t (*wlx_unix_func)(void *params);
#endif

#endif /* WLX_WS2_32_UNIXLIB_H */
