/*
 * Unix side of NotifyAddrChange/NotifyRouteChange: waiting for the host's
 * next address or route change, told by rtnetlink (the multicast groups
 * of IPv4 and IPv6 addresses or routes), for at most a timeout so that
 * the PE side can stop waiting when cancelled.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include "private.h"

/* one socket per kind for the process, kept: a request's waits in steps
 * (so that it can be cancelled) lose no change between two steps; what
 * came before a request is dropped when it starts, as Windows reports only
 * changes after the call */
static int watch_fds[2] = { -1, -1 };

static int watch_socket(uint32_t routes)
{
    struct sockaddr_nl addr;
    int fd;

    if (watch_fds[routes] >= 0) return watch_fds[routes];
    if ((fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_ROUTE)) < 0) return -errno;
    memset(&addr, 0, sizeof(addr));
    addr.nl_family = AF_NETLINK;
    addr.nl_groups = routes ? RTMGRP_IPV4_ROUTE | RTMGRP_IPV6_ROUTE : RTMGRP_IPV4_IFADDR | RTMGRP_IPV6_IFADDR;
    if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)))
    {
        int err = -errno;
        close(fd);
        return err;
    }
    /* two threads racing here: the loser's socket goes */
    if (!__sync_bool_compare_and_swap(&watch_fds[routes], -1, fd))
    {
        close(fd);
        fd = watch_fds[routes];
    }
    return fd;
}

int32_t unix_wait_change_call(void *args)
{
    struct iph_watch_params *p = args;
    char buf[8192];
    struct pollfd pfd;
    int fd = watch_socket(p->routes ? 1 : 0);

    p->changed = 0;
    p->error = fd < 0 ? -fd : 0;
    if (fd < 0) return 0;
    if (p->start) while (recv(fd, buf, sizeof(buf), MSG_DONTWAIT) > 0) {}
    pfd.fd = fd;
    pfd.events = POLLIN;
    if (poll(&pfd, 1, p->timeout) <= 0) return 0;
    /* every message there now is this one change (or several at once) */
    while (recv(fd, buf, sizeof(buf), MSG_DONTWAIT) > 0) p->changed = 1;
    return 0;
}
