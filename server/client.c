/*
 * server/client.c — client connections: accepting (SO_PEERCRED check, hello
 * with the death-watch fd), reading and framing requests, writing replies,
 * and the end of a connection (a process that never said exit_process was
 * killed).
 *
 * Framing: a request header whose size is below the header or above
 * WLX_MAX_MESSAGE_SIZE means the stream can no longer be followed: that
 * client is dropped. Anything else wrong inside a well-framed message gets an
 * error status. While a reply cannot be written whole, the client's input is
 * not read (back-pressure), so a client that never reads costs one buffer.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include "wlxserver.h"
#include "kobject.h"
#include "wlx/fdpass.h"

#define IN_INITIAL 4096

struct client {
    struct fd_handler handler;        /* the connection socket */
    int watch_fd;                     /* our end of the death-watch pair */
    struct process *process;          /* NULL before init_process */
    int32_t peer_pid;                 /* from SO_PEERCRED, for traces */
    unsigned char *in;                /* received bytes not yet handled */
    uint32_t in_len, in_size;
    unsigned char *out;               /* reply not yet fully written (malloc'ed), or NULL */
    uint32_t out_len, out_pos;
    int out_fd;                       /* fd to send with the first reply byte, or -1 */
    int in_fd;                        /* fd received with the input (dup_to_process), or -1 */
    uint32_t events;                  /* what the loop waits for: EPOLLIN or EPOLLOUT */
};

static unsigned int clients;
/* Replies are built here; only what the socket does not take at once is
 * copied to the client (the server is single-threaded). */
static unsigned char reply_buffer[WLX_MAX_MESSAGE_SIZE];

unsigned int client_count(void)
{
    return clients;
}

int32_t client_peer_pid(struct client *client)
{
    return client->peer_pid;
}

struct process *client_process(struct client *client)
{
    return client->process;
}

int client_take_fd(struct client *client)
{
    int fd = client->in_fd;
    client->in_fd = -1;
    return fd;
}

void client_set_process(struct client *client, struct process *process)
{
    client->process = grab_object(process);
    process->client = client;
}

static void client_close(struct client *client)
{
    if (client->process) {
        /* no exit_process: the process was killed or crashed */
        process_end(client->process, WLX_EXIT_CODE_KILLED);
        client->process->client = NULL;
        kobject_process_gone(client->process);   /* abandons its mutexes, drops its references */
        release_object(client->process);
    }
    loop_remove(&client->handler);
    close(client->handler.fd);
    close(client->watch_fd);
    if (client->out_fd != -1) close(client->out_fd);
    if (client->in_fd != -1) close(client->in_fd);
    if (client->out != reply_buffer) free(client->out);
    free(client->in);
    free(client);
    clients--;
}

/* ---- writing ---- */

/* Writes what it can of the pending reply. 1 when all is out, 0 when the
 * socket is full, -1 when the client is gone. */
static int flush_output(struct client *client)
{
    while (client->out_pos < client->out_len) {
        struct iovec iov = { client->out + client->out_pos, client->out_len - client->out_pos };
        char control[WLX_FD_CONTROL_SIZE];
        struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
        wlx_attach_fd(&msg, control, client->out_fd);
        ssize_t n = sendmsg(client->handler.fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0) return errno == EAGAIN || errno == EINTR ? 0 : -1;
        if (client->out_fd != -1) {
            close(client->out_fd);
            client->out_fd = -1;
        }
        client->out_pos += n;
    }
    if (client->out != reply_buffer) free(client->out);
    client->out = NULL;
    client->out_len = client->out_pos = 0;
    return 1;
}

/* Sends a reply built in reply_buffer, keeping what cannot go out yet.
 * Same results as flush_output. */
static int send_reply(struct client *client, uint32_t len, int fd)
{
    int ret;
    unsigned char *rest;

    client->out = reply_buffer;
    client->out_len = len;
    client->out_pos = 0;
    client->out_fd = fd;
    if ((ret = flush_output(client)) != 0) return ret;
    if (!(rest = malloc(len - client->out_pos))) return -1;
    memcpy(rest, reply_buffer + client->out_pos, len - client->out_pos);
    client->out = rest;
    client->out_len = len - client->out_pos;
    client->out_pos = 0;
    return 0;
}

/* ---- reading and framing ---- */

/* Handles every complete request in the input. -1 when framing is lost or
 * the client is gone, 0 when a reply waits for room, 1 otherwise. */
static int handle_input(struct client *client)
{
    uint32_t pos = 0;
    int ret = 1;

    while (client->in_len - pos >= sizeof(struct wlx_request_header)) {
        struct wlx_request_header header;
        memcpy(&header, client->in + pos, sizeof(header));
        if (header.size < sizeof(header) || header.size > WLX_MAX_MESSAGE_SIZE) return -1;
        if (client->in_len - pos < header.size) break;
        int fd;
        uint32_t len = dispatch_request(client, &header, client->in + pos + sizeof(header),
                                        reply_buffer, &fd);
        pos += header.size;
        if ((ret = send_reply(client, len, fd)) <= 0) break;
    }
    memmove(client->in, client->in + pos, client->in_len - pos);
    client->in_len -= pos;
    return ret;
}

/* Makes room for the message being received; its size is known once its
 * header is in. */
static int reserve_input(struct client *client)
{
    uint32_t need = client->in_len + 1;
    if (client->in_len >= sizeof(struct wlx_request_header)) {
        struct wlx_request_header header;
        memcpy(&header, client->in, sizeof(header));
        if (header.size > need) need = header.size;
    }
    if (need <= client->in_size) return 0;
    if (need > WLX_MAX_MESSAGE_SIZE) return -1;
    uint32_t size = need <= IN_INITIAL ? IN_INITIAL : WLX_MAX_MESSAGE_SIZE;
    unsigned char *in = realloc(client->in, size);
    if (!in) return -1;
    client->in = in;
    client->in_size = size;
    return 0;
}

static int read_input(struct client *client)
{
    if (reserve_input(client) < 0) return -1;
    /* a request may carry one fd (SCM_RIGHTS): kept for its handler */
    char control[CMSG_SPACE(sizeof(int) * 4)];
    struct iovec iov = { client->in + client->in_len, client->in_size - client->in_len };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof(control) };
    ssize_t n = recvmsg(client->handler.fd, &msg, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
    for (struct cmsghdr *c = n > 0 ? CMSG_FIRSTHDR(&msg) : NULL; c; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
        for (size_t i = 0; i < (c->cmsg_len - CMSG_LEN(0)) / sizeof(int); i++) {
            int fd;
            memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
            if (client->in_fd == -1) client->in_fd = fd;
            else close(fd);
        }
    }
    if (n == 0) return -1;
    if (n < 0) return errno == EAGAIN || errno == EINTR ? 0 : -1;
    client->in_len += n;
    return 1;
}

static int set_events(struct client *client, uint32_t events)
{
    if (client->events == events) return 0;
    client->events = events;
    return loop_modify(&client->handler, events);
}

static void client_event(struct fd_handler *handler, uint32_t events)
{
    struct client *client = (struct client *)handler;
    int ret = 1;

    if (client->out_len) {                       /* waiting for room to write */
        if ((ret = flush_output(client)) < 0) goto close;
        if (ret == 0) return;
        if ((ret = handle_input(client)) < 0) goto close;
    } else if (events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
        if ((ret = read_input(client)) < 0) goto close;
        if (ret > 0 && (ret = handle_input(client)) < 0) goto close;
    }
    if (set_events(client, client->out_len ? EPOLLOUT : EPOLLIN) < 0) goto close;
    return;
close:
    client_close(client);
}

/* ---- accepting ---- */

static int send_hello(struct client *client)
{
    struct wlx_hello hello = { WLX_HELLO_MAGIC, WLX_PROTOCOL_VERSION, getpid(), 0 };
    int pair[2];

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) < 0) return -1;
    client->watch_fd = pair[0];
    memcpy(reply_buffer, &hello, sizeof(hello));
    return send_reply(client, sizeof(hello), pair[1]) < 0 ? -1 : 0;   /* pair[1] closed once sent */
}

static int peer_allowed(int fd, int32_t *pid)
{
    struct ucred cred;
    socklen_t len = sizeof(cred);
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) < 0) return 0;
    *pid = cred.pid;
    if (cred.uid == getuid()) return 1;
    if (debug_server) fprintf(stderr, "wlxserver: refused a client of uid %u\n", cred.uid);
    return 0;
}

/* Out of fds, a pending connection would wake the level-triggered loop
 * forever: a spare fd lets us accept it and close it at once. */
static int accept_or_shed(int listen_fd)
{
    static int spare = -2;
    int fd;

    if (spare == -2) spare = open("/dev/null", O_RDONLY | O_CLOEXEC);
    fd = accept4(listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0 || (errno != EMFILE && errno != ENFILE) || spare < 0) return fd;
    close(spare);
    if ((fd = accept(listen_fd, NULL, NULL)) >= 0) close(fd);
    spare = open("/dev/null", O_RDONLY | O_CLOEXEC);
    return -1;
}

void client_accept(int listen_fd)
{
    int fd = accept_or_shed(listen_fd);
    struct client *client;
    int32_t pid;

    if (fd < 0) return;
    if (!peer_allowed(fd, &pid) || !(client = calloc(1, sizeof(*client)))) {
        close(fd);
        return;
    }
    client->handler.fd = fd;
    client->handler.on_event = client_event;
    client->peer_pid = pid;
    client->watch_fd = client->out_fd = client->in_fd = -1;
    clients++;
    client->events = EPOLLIN;
    if (send_hello(client) < 0 || client->out_len) {   /* an empty socket takes 16 bytes */
        client_close(client);
        return;
    }
    if (loop_add(&client->handler, EPOLLIN) < 0) client_close(client);
}
