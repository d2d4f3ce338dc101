/*
 * ntdll/unix/pty.c — pseudoconsoles (kernel32's CreatePseudoConsole) on a
 * Linux pseudo-terminal.
 *
 * __wlx_create_pty opens a pty pair, sets its size, and returns a handle
 * to the slave (what CreateProcess gives a child as its console: a tty is
 * a console here, kernel32/console.c) and a handle to the pty object. The
 * object owns the master and a helper thread (Unix only, signals blocked)
 * that copies the caller's input stream to the master and the master's
 * bytes to the caller's output stream, as conhost does on Windows. The
 * thread polls; it never blocks in a read or write (the master is
 * non-blocking, pipes are read after POLLIN and written in PIPE_BUF pieces
 * after POLLOUT, sockets with MSG_DONTWAIT), so closing the object — an
 * eventfd written — always ends it at once: it closes the master, which
 * hangs up the slave (a child that has it as its controlling terminal
 * gets SIGHUP, as Windows ends a closed pseudoconsole's clients), and its
 * copies of the streams, so the reader of the output sees the end. A named
 * pipe's end is copied through a Linux pipe that kernel32 pumps (stream_fd).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include "private.h"
#include "file.h"

int io_helper_thread(void *(*fn)(void *), void *arg);   /* async.c */

#define PTY_CHUNK 4096   /* PIPE_BUF: a pipe write of this much after POLLOUT does not block */

/* one direction of the copy */
struct pty_stream {
    int from, to;               /* -1: that side is gone */
    int from_sock, to_sock;     /* sockets (named pipes): MSG_DONTWAIT, no SIGPIPE */
    char buf[PTY_CHUNK];
    size_t len, done;           /* bytes read into buf, bytes of them written */
};

struct pty_copier {
    int stop;                   /* eventfd: written once, when the pty object goes */
    int master;
    struct pty_stream in;       /* caller's input → master */
    struct pty_stream out;      /* master → caller's output */
    pthread_t thread;
};

struct pty_object {
    struct wlx_object obj;
    struct pty_copier *copier;
};

static int is_socket(int fd)
{
    struct stat st;
    return !fstat(fd, &st) && S_ISSOCK(st.st_mode);
}

/* one step after poll said the side is ready: a read when the buffer is
   empty, else a write of what is left */
static void stream_step(struct pty_stream *s)
{
    ssize_t n;
    if (s->done == s->len)
    {
        s->len = s->done = 0;
        n = s->from_sock ? recv(s->from, s->buf, sizeof(s->buf), MSG_DONTWAIT) : read(s->from, s->buf, sizeof(s->buf));
        if (n > 0) s->len = n;
        else if (n == 0 || (errno != EAGAIN && errno != EINTR)) s->from = -1;   /* end of input (or EIO) */
        return;
    }
    n = s->to_sock ? send(s->to, s->buf + s->done, s->len - s->done, MSG_DONTWAIT | MSG_NOSIGNAL)
                   : write(s->to, s->buf + s->done, s->len - s->done);
    if (n > 0) s->done += n;
    else if (n < 0 && errno != EAGAIN && errno != EINTR)
        s->to = -1, s->len = s->done = 0;   /* nobody reads: what comes is dropped */
}

/* the poll entry of one direction: reading while its buffer is empty,
   writing while not; a lost destination still reads (and drops), so a
   child writing to the console never blocks on a reader that left */
static void stream_poll(const struct pty_stream *s, struct pollfd *p)
{
    p->revents = 0;
    if (s->done < s->len && s->to >= 0) { p->fd = s->to; p->events = POLLOUT; }
    else if (s->from >= 0) { p->fd = s->from; p->events = POLLIN; }
    else p->fd = -1;
}

static void *pty_thread(void *arg)
{
    struct pty_copier *c = arg;
    int in_from = c->in.from, out_to = c->out.to;
    for (;;)
    {
        struct pollfd p[3] = { { c->stop, POLLIN, 0 } };
        stream_poll(&c->in, &p[1]);
        stream_poll(&c->out, &p[2]);
        if (poll(p, 3, -1) < 0 && errno != EINTR) break;
        if (p[0].revents) break;
        /* POLLHUP/POLLERR: the step's read or write reports it */
        if (p[1].revents) stream_step(&c->in);
        if (p[2].revents) stream_step(&c->out);
        if (c->out.to < 0 && out_to >= 0) { close(out_to); out_to = -1; }
        if (c->in.from < 0 && in_from >= 0) { close(in_from); in_from = -1; }
    }
    /* closed: what the master still holds goes out while it can at once
       (never a blocking write: the master must close, whatever the reader does) */
    for (int i = 0; i < 64 && c->out.to >= 0; i++)
    {
        struct pollfd p;
        stream_poll(&c->out, &p);
        if (p.fd < 0 || poll(&p, 1, 0) <= 0) break;
        stream_step(&c->out);
    }
    close(c->master);   /* the slave hangs up */
    if (in_from >= 0) close(in_from);
    if (out_to >= 0) close(out_to);
    close(c->stop);
    free(c);
    return NULL;
}

static void pty_destroy(struct wlx_object *obj)
{
    struct pty_object *p = (struct pty_object *)obj;
    uint64_t one = 1;
    /* the thread frees the copier once it has seen this */
    if (p->copier && write(p->copier->stop, &one, sizeof(one)) < 0) { /* an eventfd takes it */ }
}

static const struct object_ops pty_ops = { "PseudoConsole", pty_destroy, NULL, NULL, NULL, NULL };

/* Our fd of one stream, -1 for none; STATUS_INVALID_HANDLE for a handle
   that is not a file. A private copy of the handle's fd, except for a
   named pipe's end: its socket may not be connected yet (node-pty creates
   the pseudoconsole on server ends before its clients come) and carries a
   hello and message frames, so only NtReadFile/NtWriteFile can use it.
   Then we take one end of a Linux pipe and *h becomes a handle to the
   other, which kernel32 pumps to or from the named pipe (pseudoconsole.c). */
static NTSTATUS stream_fd(HANDLE *h, int output, int *fd, int *sock)
{
    struct file *f;
    int p[2];
    *fd = -1;
    *sock = 0;
    if (!*h || *h == (HANDLE)~(uintptr_t)0) return STATUS_SUCCESS;
    if (file_get(*h, &f)) return STATUS_INVALID_HANDLE;
    int named = f->pipe != NULL, src = f->fd;
    object_release(&f->obj);
    if (!named)
    {
        if (src < 0) return STATUS_INVALID_HANDLE;
        if ((*fd = fcntl(src, F_DUPFD_CLOEXEC, 3)) < 0) return errno_to_status(errno);
        *sock = is_socket(*fd);
        return STATUS_SUCCESS;
    }
    if (pipe2(p, O_CLOEXEC)) return errno_to_status(errno);
    *fd = output ? p[1] : p[0];
    /* GENERIC_READ or GENERIC_WRITE, synchronous */
    if (!(*h = file_wrap_fd(output ? p[0] : p[1], output ? 0x80000000u : 0x40000000u, 0x20)))
    {
        close(p[0]);
        close(p[1]);
        return STATUS_NO_MEMORY;
    }
    return STATUS_SUCCESS;
}

static int open_pair(uint16_t cols, uint16_t rows, int *master, int *slave)
{
    struct winsize ws = { rows, cols, 0, 0 };
    *master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (*master < 0) return -errno;
    /* no ECHO on the master's side is needed: the slave's line discipline
       echoes to the master as conhost echoes a line read */
    if (grantpt(*master) || unlockpt(*master) || ioctl(*master, TIOCSWINSZ, &ws)) goto fail;
    char name[64];
    if (ptsname_r(*master, name, sizeof(name))) goto fail;
    if ((*slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0) goto fail;
    fcntl(*master, F_SETFL, fcntl(*master, F_GETFL) | O_NONBLOCK);
    return 0;
fail:;
    int err = errno;
    close(*master);
    return -err;
}

/* streams: in, the input and output handles (NULL or INVALID_HANDLE_VALUE
   for a direction not wanted); out, each the handle kernel32 must pump
   to or from the one it gave when it differs (stream_fd). size: columns
   in the low 16 bits, rows in the high */
NTSTATUS WINAPI unix___wlx_create_pty(HANDLE *streams, uint32_t size, HANDLE *pty, HANDLE *slave)
{
    uint16_t cols = size & 0xffff, rows = size >> 16;
    int in_fd, out_fd, in_sock, out_sock, master, slave_fd = -1, err;
    HANDLE given[2];
    NTSTATUS status;

    if (!streams || !cols || !rows || !pty || !slave) return STATUS_INVALID_PARAMETER;
    given[0] = streams[0];
    given[1] = streams[1];
    if ((status = stream_fd(&streams[0], 0, &in_fd, &in_sock))) return status;
    if ((status = stream_fd(&streams[1], 1, &out_fd, &out_sock)))
    {
        if (in_fd >= 0) close(in_fd);
        if (streams[0] != given[0]) handle_close(streams[0]);
        streams[0] = given[0];
        return status;
    }
    struct pty_copier *c = calloc(1, sizeof(*c));
    struct pty_object *obj = object_new(&pty_ops, sizeof(*obj));
    if (!c || !obj) { err = -ENOMEM; goto fail; }
    if ((err = open_pair(cols, rows, &master, &slave_fd))) goto fail;
    c->master = master;
    c->in = (struct pty_stream){ .from = in_fd, .to = master, .from_sock = in_sock };
    c->out = (struct pty_stream){ .from = master, .to = out_fd, .to_sock = out_sock };
    if ((c->stop = eventfd(0, EFD_CLOEXEC)) < 0) { err = -errno; close(master); close(slave_fd); goto fail; }
    if ((err = -io_helper_thread(pty_thread, c))) { close(c->stop); close(master); close(slave_fd); goto fail; }
    obj->copier = c;
    *slave = file_wrap_fd(slave_fd, 0x80000000u | 0x40000000u, 0x20);   /* GENERIC_READ|WRITE, synchronous */
    *pty = handle_alloc(&obj->obj, 0x1f0001, 0);
    if (!*slave || !*pty)
    {
        if (*slave) handle_close(*slave); else close(slave_fd);
        if (*pty) handle_close(*pty); else object_release(&obj->obj);   /* the thread ends, closing its fds */
        *pty = *slave = 0;
        for (int i = 0; i < 2; i++)
            if (streams[i] != given[i]) { handle_close(streams[i]); streams[i] = given[i]; }
        return STATUS_NO_MEMORY;
    }
    return STATUS_SUCCESS;
fail:
    free(c);
    if (obj) object_release(&obj->obj);
    if (in_fd >= 0) close(in_fd);
    if (out_fd >= 0) close(out_fd);
    for (int i = 0; i < 2; i++)
        if (streams[i] != given[i]) { handle_close(streams[i]); streams[i] = given[i]; }
    return errno_to_status(-err);
}
