/*
 * include/wlx/sockaddr_unix.h — Windows sockaddr <-> Linux sockaddr, for the
 * Unix sides that handle socket addresses (ws2_32.so, ntdll/unix/socket.c).
 * The layouts are the same for the families we handle; only AF_INET6's
 * number differs (23 on Windows).
 */
#ifndef WLX_SOCKADDR_UNIX_H
#define WLX_SOCKADDR_UNIX_H

#include <stdint.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>

#define WLX_WS_AF_INET6 23

/* a Windows address of len bytes into *ss; 0, or -1 when it is too short */
static inline int wlx_addr_from_win(const void *win, int len, struct sockaddr_storage *ss, socklen_t *out)
{
    uint16_t family;

    if (!win || len < 2) return -1;
    memcpy(&family, win, 2);
    memset(ss, 0, sizeof(*ss));
    *out = len < (int)sizeof(*ss) ? len : sizeof(*ss);
    memcpy(ss, win, *out);
    if (family == AF_INET && len < (int)sizeof(struct sockaddr_in)) return -1;
    if (family == WLX_WS_AF_INET6)
    {
        /* a 24-byte sockaddr_in6 (no scope id) is still accepted */
        if (len < 24) return -1;
        ss->ss_family = AF_INET6;
        *out = sizeof(struct sockaddr_in6);
    }
    return 0;
}

/* a Linux address into a Windows buffer of cap bytes; its length, or -1
   when it does not fit (Windows fails with WSAEFAULT then) */
static inline int wlx_addr_to_win(void *win, int cap, const struct sockaddr_storage *ss, socklen_t len)
{
    uint16_t family = ss->ss_family == AF_INET6 ? WLX_WS_AF_INET6 : ss->ss_family;

    if (cap < (int)len) return -1;
    memcpy(win, ss, len);
    memcpy(win, &family, 2);
    return len;
}

#endif
