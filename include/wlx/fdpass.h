/*
 * include/wlx/fdpass.h — one message with at most one fd (SCM_RIGHTS) on a
 * Unix socket, for both wlxserver and the Unix side of ntdll (the service
 * socket and the answer of a DuplicateHandle out of another process).
 */
#ifndef WLX_FDPASS_H
#define WLX_FDPASS_H

#include <errno.h>
#include <string.h>
#include <sys/socket.h>

/* the room for one fd's control message */
#define WLX_FD_CONTROL_SIZE CMSG_SPACE(sizeof(int))

/* makes m carry fd (-1: nothing) in control, WLX_FD_CONTROL_SIZE bytes */
static inline void wlx_attach_fd(struct msghdr *m, char *control, int fd)
{
    if (fd < 0) return;
    m->msg_control = control;
    m->msg_controllen = WLX_FD_CONTROL_SIZE;
    struct cmsghdr *c = CMSG_FIRSTHDR(m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof(int));
}

/* sends size bytes of msg and fd (-1: none) in one sendmsg; 0 when all
   went, else -errno (-EIO for a short send) */
static inline int wlx_send_fd_message(int sock, const void *msg, size_t size, int fd, int flags)
{
    char control[WLX_FD_CONTROL_SIZE];
    struct iovec iov = { (void *)msg, size };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };
    wlx_attach_fd(&m, control, fd);
    ssize_t n;
    do n = sendmsg(sock, &m, flags | MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n == (ssize_t)size ? 0 : n < 0 ? -errno : -EIO;
}

#endif
