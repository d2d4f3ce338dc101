/*
 * ntdll/unix/pipe.c — named pipes: NtCreateNamedPipeFile, clients opening
 * \??\pipe\name or \Device\NamedPipe\name, reads and writes in byte and
 * message mode, and the pipe controls (listen, disconnect, peek, wait) and
 * information classes. See doc/ARCHITECTURE.md, "Named pipes".
 *
 * No server on the data path. Each instance of a pipe is two Linux abstract
 * Unix sockets named after the user, the prefix and a hash of the upcased
 * pipe name: a "slot" S<n>, bound (never listening) for the instance's life,
 * which claims instance number n across processes, and a listener L<n>.<a>
 * (a: the server's access, 1 inbound, 2 outbound, 3 duplex), which exists
 * only while the instance waits for a client. Abstract names vanish with
 * their socket, so a crashed process leaves nothing behind. Both sides check
 * with SO_PEERCRED that the other is the same user.
 *
 * A client connects to a listener with the right access, sends a hello
 * (magic, Windows process id) and waits for the server's welcome (magic,
 * process id, pipe type, quotas). The server's I/O thread (async.c) accepts
 * a client as soon as it comes, even before ConnectNamedPipe (which then
 * says ERROR_PIPE_CONNECTED), answers and closes the listener; it never waits
 * for the hello, which the server end reads ahead of the data. Data goes over
 * the connected SOCK_STREAM socket; a message-type pipe frames every write
 * with a 32-bit length, and readers keep the message they are in the middle
 * of (rd_left), so a short read gives STATUS_BUFFER_OVERFLOW and the rest
 * comes next time.
 *
 * Sections: names · the pipe end · data · controls · information ·
 * creating and opening.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>
#include "private.h"
#include "file.h"
#include "iocp.h"

#define STATUS_INSTANCE_NOT_AVAILABLE ((NTSTATUS)0xC00000AB)
#define STATUS_PIPE_NOT_AVAILABLE     ((NTSTATUS)0xC00000AC)
#define STATUS_INVALID_PIPE_STATE     ((NTSTATUS)0xC00000AD)
#define STATUS_PIPE_BUSY              ((NTSTATUS)0xC00000AE)
#define STATUS_IO_TIMEOUT             ((NTSTATUS)0xC00000B5)
#define STATUS_PIPE_DISCONNECTED      ((NTSTATUS)0xC00000B0)
#define STATUS_PIPE_CONNECTED         ((NTSTATUS)0xC00000B2)
#define STATUS_PIPE_LISTENING         ((NTSTATUS)0xC00000B3)
#define STATUS_INVALID_READ_MODE      ((NTSTATUS)0xC00000B4)
#define STATUS_PIPE_EMPTY             ((NTSTATUS)0xC00000D9)
#define STATUS_ILLEGAL_FUNCTION       ((NTSTATUS)0xC00000AF)

#define FSCTL_PIPE_DISCONNECT 0x00110004
#define FSCTL_PIPE_LISTEN     0x00110008
#define FSCTL_PIPE_PEEK       0x0011400c
#define WLX_FSCTL_PIPE_PIDS   0x00110f00   /* wlx's own: out 2 x uint32, client and server process ids */

#define FilePipeInformation      23
#define FilePipeLocalInformation 24

enum pipe_state { PIPE_DISCONNECTED = 1, PIPE_LISTENING = 2, PIPE_CONNECTED = 3 };
#define MAX_SLOTS 255        /* PIPE_UNLIMITED_INSTANCES */
#define HELLO_MAGIC   0x6f6c6c48   /* "Hllo" */
#define WELCOME_MAGIC 0x636c6557   /* "Welc" */

struct hello { uint32_t magic, pid; };
struct welcome { uint32_t magic, pid, type, access, max_instances, in_quota, out_quota; };

/* --- names --------------------------------------------------------------------- */

static const WCHAR *pipe_name_part(const UNICODE_STRING *nt, size_t *len)
{
    static const char *const prefixes[] = { "\\??\\pipe\\", "\\Device\\NamedPipe\\", NULL };
    size_t n = nt->Length / sizeof(WCHAR);
    for (int p = 0; prefixes[p]; p++)
    {
        size_t k = strlen(prefixes[p]), i;
        if (n <= k) continue;
        for (i = 0; i < k; i++) if (wlx_toupper(nt->Buffer[i]) != wlx_toupper((WCHAR)prefixes[p][i])) break;
        if (i < k) continue;
        *len = n - k;
        return nt->Buffer + k;
    }
    return NULL;
}

int pipe_is_name(const UNICODE_STRING *nt)
{
    size_t len;
    return nt && nt->Buffer && pipe_name_part(nt, &len) != NULL;
}

/* FNV-1a over the upcased name (after the pipe file system's prefix): pipe
   names are case-insensitive */
static uint64_t hash_part(const WCHAR *s, size_t len)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++)
    {
        WCHAR c = wlx_toupper(s[i]);
        h = (h ^ (c & 0xff)) * 0x100000001b3ULL;
        h = (h ^ (c >> 8)) * 0x100000001b3ULL;
    }
    return h;
}

static uint64_t name_hash(const UNICODE_STRING *nt)
{
    size_t len;
    const WCHAR *s = pipe_name_part(nt, &len);
    return hash_part(s, len);
}

/* the start of every abstract socket name of the pipe, up to the kind */
static int name_prefix(char *buf, size_t size, uint64_t hash)
{
    static unsigned long long dev, ino;
    struct stat st;
    if (!dev && !ino && wlx_prefix_dir && !stat(wlx_prefix_dir, &st)) { dev = st.st_dev; ino = st.st_ino; }
    return snprintf(buf, size, "wlxpipe-%u-%llx-%llx-%016llx-", (unsigned)getuid(), dev, ino,
                    (unsigned long long)hash);
}

/* the abstract socket name of slot S<n> or listener L<n>.<access> */
static socklen_t pipe_addr(struct sockaddr_un *sa, uint64_t hash, char kind, int n, int access)
{
    memset(sa, 0, sizeof(*sa));
    sa->sun_family = AF_UNIX;
    int len = name_prefix(sa->sun_path + 1, sizeof(sa->sun_path) - 1, hash);
    len += snprintf(sa->sun_path + 1 + len, sizeof(sa->sun_path) - 1 - len, "%c%d.%d", kind, n,
                    kind == 'L' ? access : 0);
    return offsetof(struct sockaddr_un, sun_path) + 1 + len;
}

static int new_socket(void)
{
    return socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
}

/* binds fd to a name; 0, or -errno (-EADDRINUSE: someone has it) */
static int bind_name(int fd, uint64_t hash, char kind, int n, int access)
{
    struct sockaddr_un sa;
    socklen_t len = pipe_addr(&sa, hash, kind, n, access);
    return bind(fd, (struct sockaddr *)&sa, len) ? -errno : 0;
}

/* What exists of a pipe: its instances (S<n>) and the listeners waiting
 * for a client (L<n>.<a>). Read from Linux's list of Unix sockets, so that
 * looking never binds a name: a probe by bind held each free name for a
 * moment, and a server creating an instance or a listener just then saw it
 * taken (a spurious ERROR_PIPE_BUSY, or a WaitNamedPipe that missed the next
 * instance: tests/kernel32/namedpipe.c, test_wait_race). Without /proc the
 * probe by bind is the fallback. */
struct pipe_census {
    int instances;                  /* S<n> names bound */
    uint8_t listening[MAX_SLOTS];   /* bit a: L<n>.<a> listens */
};

static int census_from_proc(uint64_t hash, struct pipe_census *c)
{
    char prefix[80], line[512];
    FILE *list = fopen("/proc/net/unix", "re");
    if (!list) return -1;
    prefix[0] = '@';
    size_t len = 1 + name_prefix(prefix + 1, sizeof(prefix) - 1, hash);
    while (fgets(line, sizeof(line), list))
    {
        char *name = strchr(line, '@'), kind;
        unsigned flags;
        int n, a;
        if (!name || strncmp(name, prefix, len) || sscanf(name + len, "%c%d.%d", &kind, &n, &a) != 3) continue;
        if (n < 0 || n >= MAX_SLOTS || sscanf(line, "%*s %*x %*x %x", &flags) != 1) continue;
        if (kind == 'S') c->instances++;
        /* a connection the listener accepted carries its name too: only
           the socket with __SO_ACCEPTCON (0x10000) listens */
        else if (kind == 'L' && a >= 1 && a <= 3 && (flags & 0x10000)) c->listening[n] |= 1u << a;
    }
    fclose(list);
    return 0;
}

/* the fallback: is the name taken? A bind that succeeds is undone at once
   (by closing); a failed one leaves the probe socket unbound */
static pthread_mutex_t probe_lock = PTHREAD_MUTEX_INITIALIZER;
static int probe_fd = -1;

static int name_taken(uint64_t hash, char kind, int n, int access)
{
    int r = 0;
    pthread_mutex_lock(&probe_lock);
    if (probe_fd < 0) probe_fd = new_socket();
    if (probe_fd >= 0 && !(r = bind_name(probe_fd, hash, kind, n, access)))
    {
        close(probe_fd);
        probe_fd = -1;
    }
    pthread_mutex_unlock(&probe_lock);
    return r == -EADDRINUSE;
}

static void pipe_census(uint64_t hash, struct pipe_census *c)
{
    memset(c, 0, sizeof(*c));
    if (!census_from_proc(hash, c)) return;
    for (int n = 0; n < MAX_SLOTS; n++)
    {
        if (!name_taken(hash, 'S', n, 0)) continue;
        c->instances++;
        for (int a = 1; a <= 3; a++)
            if (name_taken(hash, 'L', n, a)) c->listening[n] |= 1u << a;
    }
}

static int count_instances(uint64_t hash)
{
    struct pipe_census c;
    pipe_census(hash, &c);
    return c.instances;
}

/* the accesses (bit a) of the listeners of the pipe */
static unsigned listening_accesses(const struct pipe_census *c)
{
    unsigned bits = 0;
    for (int n = 0; n < MAX_SLOTS; n++) bits |= c->listening[n];
    return bits;
}

static int same_user(int fd)
{
    struct ucred cred;
    socklen_t len = sizeof(cred);
    return !getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) && cred.uid == getuid();
}

/* --- the pipe end ---------------------------------------------------------------- */

struct pipe_end {
    pthread_mutex_t lock;       /* state, the file's fd and the read/write positions */
    uint32_t state_seq;         /* futex word: bumped by every state change */
    int server;
    enum pipe_state state;
    int peer_closed;            /* the other end went (a read saw the end) */
    uint64_t hash;
    int slot, slot_fd;          /* server: its instance number and the socket holding S<n> */
    int accept_ep;              /* server: an epoll set holding the listener, what the I/O thread watches */
    uint32_t type, read_mode, nowait;   /* 1: message type / message read mode / PIPE_NOWAIT */
    uint32_t access;            /* the server's: 1 inbound, 2 outbound, 3 duplex */
    uint32_t max_instances, in_quota, out_quota;
    uint32_t peer_pid;
    uint32_t hello_left;        /* server: bytes of the client's hello not read yet */
    struct hello hello;         /* ... and what came of it */
    uint32_t rd_left;           /* bytes of the current message not read yet */
    int rd_in_msg;              /* a message's header has been read */
    uint32_t wr_pos, wr_hdr;    /* the frame being written: bytes sent, its header */
    pthread_mutex_t rd_lock, wr_lock;   /* synchronous handles: one read and one write at a time */
    IO_STATUS_BLOCK accept_io;  /* the status block of the I/O thread's accept */
};

static void state_changed(struct pipe_end *pe)
{
    __atomic_add_fetch(&pe->state_seq, 1, __ATOMIC_RELEASE);
    syscall(SYS_futex, &pe->state_seq, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
}

static int is_synchronous(const struct file *f)
{
    return (f->options & (FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT)) != 0;
}

/* what reading or writing in a state other than connected says */
static NTSTATUS state_status(const struct pipe_end *pe)
{
    if (pe->state == PIPE_LISTENING) return STATUS_PIPE_LISTENING;
    if (pe->state == PIPE_DISCONNECTED) return STATUS_PIPE_DISCONNECTED;
    return STATUS_SUCCESS;
}

/* under the lock: the client's hello (its process id) comes first on the
   server's stream; STATUS_PENDING until all of it has come */
static NTSTATUS take_hello(struct pipe_end *pe, int fd)
{
    while (pe->hello_left)
    {
        ssize_t r = recv(fd, (char *)(&pe->hello + 1) - pe->hello_left, pe->hello_left, MSG_DONTWAIT);
        if (r <= 0) return r < 0 && (errno == EAGAIN || errno == EINTR) ? STATUS_PENDING : STATUS_PIPE_BROKEN;
        pe->hello_left -= r;
    }
    if (pe->server) pe->peer_pid = pe->hello.magic == HELLO_MAGIC ? pe->hello.pid : 0;
    return STATUS_SUCCESS;
}

/* the I/O thread's accept (also a pending ConnectNamedPipe's check): takes a
   client of this user, answers it and drops the listener; the client's
   hello is read with the data (take_hello), never waited for here */
static NTSTATUS try_accept(struct file *f, void *buf, uint32_t len, uint64_t *done, void *arg)
{
    struct pipe_end *pe = f->pipe;
    (void)buf; (void)len; (void)done; (void)arg;
    pthread_mutex_lock(&pe->lock);
    NTSTATUS status = pe->state == PIPE_CONNECTED ? STATUS_SUCCESS : pe->state == PIPE_LISTENING ? STATUS_PENDING
                                                                                                : STATUS_PIPE_DISCONNECTED;
    int fd = status == STATUS_PENDING ? accept4(f->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC) : -1;
    if (fd >= 0)
    {
        struct welcome w = { WELCOME_MAGIC, wlx_process_id, pe->type, pe->access, pe->max_instances,
                             pe->in_quota, pe->out_quota };
        if (!same_user(fd)) close(fd);
        else
        {
            /* the listener goes before the client hears the welcome: once its
               open returns, no look at the pipe finds this instance free */
            close(f->fd);
            io_thread_kick();   /* its name goes now, not at the I/O thread's next event */
            f->fd = fd;
            /* a fresh socket's buffer takes the welcome whole; a client gone
               already leaves a connected instance whose reads find it gone */
            int sent = send(fd, &w, sizeof(w), MSG_NOSIGNAL | MSG_DONTWAIT) == sizeof(w);
            pe->hello_left = sizeof(pe->hello);
            pe->peer_pid = 0;
            take_hello(pe, fd);
            pe->state = PIPE_CONNECTED;
            pe->peer_closed = !sent;
            pe->rd_left = pe->rd_in_msg = 0;
            pe->wr_pos = 0;
            state_changed(pe);
            status = STATUS_SUCCESS;
        }
    }
    pthread_mutex_unlock(&pe->lock);
    return status;
}

/* what the I/O thread watches for a client: an epoll set holding the
   listener rather than the listener itself. The I/O thread watches a dup of
   the fd it is given, and a dup of the listener would keep its name bound
   after the accept closed it: a client back from its open could still see
   the instance listening (WaitNamedPipe). An epoll set keeps no file alive. */
static int accept_watch_fd(struct pipe_end *pe, int listener)
{
    struct epoll_event ev = { .events = EPOLLIN };
    if (pe->accept_ep < 0 && (pe->accept_ep = epoll_create1(EPOLL_CLOEXEC)) < 0) return listener;
    if (epoll_ctl(pe->accept_ep, EPOLL_CTL_ADD, listener, &ev) && errno != EEXIST) return listener;
    return pe->accept_ep;
}

/* server: a new listener for the instance, with the I/O thread accepting on it */
static NTSTATUS start_listening(struct file *f)
{
    struct pipe_end *pe = f->pipe;
    struct io_notify n = { NULL, NULL, NULL, &pe->accept_io, 0, 1 };
    int fd = new_socket();
    if (fd < 0) return errno_to_status(errno);
    /* the slot is ours, so a listener still bound is a closed one the I/O
       thread of its process has not let go of yet (io_thread_kick): it goes
       as soon as that thread runs; 2 s bound that on a loaded machine */
    int r = bind_name(fd, pe->hash, 'L', pe->slot, pe->access);
    for (int waited = 0; r == -EADDRINUSE && waited < 2000; waited++)
    {
        struct timespec ms = { 0, 1000000 };
        io_thread_kick();
        nanosleep(&ms, NULL);
        r = bind_name(fd, pe->hash, 'L', pe->slot, pe->access);
    }
    if (r || listen(fd, 4))
    {
        TRACE(FILE, "pipe %016llx: listener L%d.%u: %s\n", (unsigned long long)pe->hash, pe->slot, pe->access,
              strerror(r ? -r : errno));
        close(fd);
        return STATUS_PIPE_BUSY;
    }
    pthread_mutex_lock(&pe->lock);
    f->fd = fd;
    pe->state = PIPE_LISTENING;
    state_changed(pe);
    pthread_mutex_unlock(&pe->lock);
    NTSTATUS status = io_queue(f, IO_WAIT, accept_watch_fd(pe, fd), try_accept, NULL, 0, NULL, &n);
    return status == STATUS_PENDING ? STATUS_SUCCESS : status;
}

void pipe_destroy(struct file *f)
{
    struct pipe_end *pe = f->pipe;
    if (pe->slot_fd >= 0) close(pe->slot_fd);
    if (pe->accept_ep >= 0) close(pe->accept_ep);
    pthread_mutex_destroy(&pe->lock);
    pthread_mutex_destroy(&pe->rd_lock);
    pthread_mutex_destroy(&pe->wr_lock);
    free(pe);
    f->pipe = NULL;
}

/* --- data --------------------------------------------------------------------------- */

static NTSTATUS recv_status(ssize_t r)
{
    if (r > 0) return STATUS_SUCCESS;
    if (!r) return STATUS_PIPE_BROKEN;
    if (errno == EAGAIN || errno == EINTR) return STATUS_PENDING;
    if (errno == ECONNRESET || errno == EPIPE) return STATUS_PIPE_BROKEN;
    return errno == EFAULT ? STATUS_ACCESS_VIOLATION : errno_to_status(errno);
}

/* at a message boundary: takes the next header; STATUS_PENDING when it has not come */
static NTSTATUS take_header(struct pipe_end *pe, int fd)
{
    uint32_t hdr;
    ssize_t r = recv(fd, &hdr, sizeof(hdr), MSG_PEEK | MSG_DONTWAIT);
    if (r > 0 && r < (ssize_t)sizeof(hdr)) return STATUS_PENDING;
    if (r <= 0) return recv_status(r);
    recv(fd, &hdr, sizeof(hdr), MSG_DONTWAIT);
    pe->rd_left = hdr;
    pe->rd_in_msg = 1;
    return STATUS_SUCCESS;
}

/* message read mode: up to the end of the current message */
static NTSTATUS read_message(struct pipe_end *pe, int fd, char *buf, uint32_t len, uint64_t *done)
{
    NTSTATUS status;
    if (!pe->rd_in_msg && (status = take_header(pe, fd))) return status;
    uint32_t want = len < pe->rd_left ? len : pe->rd_left;
    if (want)
    {
        ssize_t r = recv(fd, buf, want, MSG_DONTWAIT);
        if ((status = recv_status(r))) return status;
        *done = r;
        pe->rd_left -= r;
        if ((uint32_t)r < want) return STATUS_PENDING;
    }
    if (pe->rd_left) return STATUS_BUFFER_OVERFLOW;
    pe->rd_in_msg = 0;
    return STATUS_SUCCESS;
}

/* byte read mode of a message pipe: across messages, without their headers */
static NTSTATUS read_message_bytes(struct pipe_end *pe, int fd, char *buf, uint32_t len, uint64_t *done)
{
    NTSTATUS status = STATUS_SUCCESS;
    while (*done < len)
    {
        if (!pe->rd_left)
        {
            pe->rd_in_msg = 0;
            if ((status = take_header(pe, fd))) break;
            if (!pe->rd_left) continue;
        }
        uint32_t want = len - *done < pe->rd_left ? len - *done : pe->rd_left;
        ssize_t r = recv(fd, buf + *done, want, MSG_DONTWAIT);
        if ((status = recv_status(r))) break;
        *done += r;
        if (!(pe->rd_left -= r)) pe->rd_in_msg = 0;
    }
    return *done ? STATUS_SUCCESS : status;
}

static NTSTATUS try_pipe_read(struct file *f, void *buf, uint32_t len, uint64_t *done, void *arg)
{
    struct pipe_end *pe = f->pipe;
    NTSTATUS status;
    (void)arg;
    pthread_mutex_lock(&pe->lock);
    if ((status = state_status(pe)) || (status = take_hello(pe, f->fd))) goto out;
    if (!pe->type)
    {
        if (!len)
        {
            /* a zero-byte read completes once data is there (or the other
               end has gone), without taking any: runtimes such as libuv
               wait for input this way */
            char c;
            status = recv_status(recv(f->fd, &c, 1, MSG_DONTWAIT | MSG_PEEK));
            goto out;
        }
        ssize_t r = recv(f->fd, buf, len, MSG_DONTWAIT);
        if (!(status = recv_status(r))) *done = r;
    }
    else if (pe->read_mode) status = read_message(pe, f->fd, buf, len, done);
    else status = read_message_bytes(pe, f->fd, buf, len, done);
    if (status == STATUS_PIPE_BROKEN) pe->peer_closed = 1;
out:
    pthread_mutex_unlock(&pe->lock);
    return status;
}

/* a write is done once the whole frame has gone; a message's frame is its
   header and data, sent together */
static NTSTATUS try_pipe_write(struct file *f, void *buf, uint32_t len, uint64_t *done, void *arg)
{
    struct pipe_end *pe = f->pipe;
    struct iovec iov[2];
    int n = 0;
    NTSTATUS status;
    (void)arg;
    pthread_mutex_lock(&pe->lock);
    if ((status = state_status(pe))) goto out;
    if (!pe->type && !len) goto out;
    if (pe->type && !pe->wr_pos) pe->wr_hdr = len;
    uint32_t hdr = pe->type ? sizeof(pe->wr_hdr) : 0, pos = pe->wr_pos;
    if (pos < hdr) iov[n++] = (struct iovec){ (char *)&pe->wr_hdr + pos, hdr - pos };
    if (len) iov[n++] = (struct iovec){ (char *)buf + (pos > hdr ? pos - hdr : 0), len - (pos > hdr ? pos - hdr : 0) };
    struct msghdr msg = { .msg_iov = iov, .msg_iovlen = n };
    ssize_t r = sendmsg(f->fd, &msg, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (r < 0)
    {
        status = errno == EAGAIN ? STATUS_PENDING : errno == EPIPE || errno == ECONNRESET ? STATUS_PIPE_CLOSING
                                                                                         : errno_to_status(errno);
        goto out;
    }
    pe->wr_pos += r;
    if (pe->wr_pos < hdr + len) status = STATUS_PENDING;
    else { pe->wr_pos = 0; *done = len; }
out:
    pthread_mutex_unlock(&pe->lock);
    return status;
}

/* shared by reads and writes: at once, queued (overlapped), or blocking */
static NTSTATUS pipe_io(struct file *f, enum io_kind kind, io_try_fn try, HANDLE event, void *apc, void *apc_ctx,
                        IO_STATUS_BLOCK *io, void *buf, uint32_t len)
{
    struct pipe_end *pe = f->pipe;
    struct io_notify n;
    uint64_t done = 0;
    NTSTATUS status;
    if (!is_synchronous(f))
    {
        if ((status = io_begin(f, event, apc, apc_ctx, io, &n))) return status;
        /* behind an earlier pending read (write) of this end: in order */
        if (!pe->nowait && io_has_queued(f, kind)) return io_queue(f, kind, f->fd, try, buf, len, NULL, &n);
        status = try(f, buf, len, &done, NULL);
        if (status == STATUS_PENDING && pe->nowait) status = kind == IO_READ ? STATUS_PIPE_EMPTY : STATUS_SUCCESS;
        if (status != STATUS_PENDING) return io_finish_now(f, &n, status, done);
        return io_queue(f, kind, f->fd, try, buf, len, NULL, &n);
    }
    pthread_mutex_t *lock = kind == IO_READ ? &pe->rd_lock : &pe->wr_lock;
    pthread_mutex_lock(lock);
    if (pe->nowait)
    {
        status = try(f, buf, len, &done, NULL);
        if (status == STATUS_PENDING) status = kind == IO_READ ? STATUS_PIPE_EMPTY : STATUS_SUCCESS;
    }
    else status = io_block(f, kind, f->fd, try, buf, len, NULL, &done);
    pthread_mutex_unlock(lock);
    io->Status = status;
    io->Information = done;
    return status;
}

NTSTATUS pipe_read(struct file *f, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io, void *buf, uint32_t len)
{
    return pipe_io(f, IO_READ, try_pipe_read, event, apc, apc_ctx, io, buf, len);
}

NTSTATUS pipe_write(struct file *f, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                    const void *buf, uint32_t len)
{
    return pipe_io(f, IO_WRITE, try_pipe_write, event, apc, apc_ctx, io, (void *)buf, len);
}

/* --- controls ----------------------------------------------------------------------------- */

/* ConnectNamedPipe: done when the client came (ERROR_PIPE_CONNECTED if it
   came first), ERROR_NO_DATA when it has already gone */
static NTSTATUS pipe_listen(struct file *f, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io)
{
    struct pipe_end *pe = f->pipe;
    struct io_notify n;
    NTSTATUS status;
    if (!pe->server) return STATUS_ILLEGAL_FUNCTION;
    pthread_mutex_lock(&pe->lock);
    enum pipe_state state = pe->state;
    struct pollfd p = { f->fd, POLLRDHUP, 0 };
    int gone = state == PIPE_CONNECTED && (pe->peer_closed || (poll(&p, 1, 0) == 1 && (p.revents & (POLLRDHUP | POLLHUP))));
    pthread_mutex_unlock(&pe->lock);
    if (state == PIPE_CONNECTED) return io->Status = gone ? STATUS_PIPE_CLOSING : STATUS_PIPE_CONNECTED;
    if (state == PIPE_DISCONNECTED && (status = start_listening(f))) return io->Status = status;
    if (pe->nowait) return io->Status = STATUS_PIPE_LISTENING;
    if (!is_synchronous(f))
    {
        if ((status = io_begin(f, event, apc, apc_ctx, io, &n))) return status;
        return io_queue(f, IO_WAIT, accept_watch_fd(pe, f->fd), try_accept, NULL, 0, NULL, &n);
    }
    /* blocking: until the I/O thread takes a client, or CancelSynchronousIo
       (looked at every 50 ms) */
    struct sync_io s = { .efd = -1, .f = f };
    struct timespec slice = { 0, 50 * 1000000 };
    io_sync_enter(&s);
    for (;;)
    {
        uint32_t seq = __atomic_load_n(&pe->state_seq, __ATOMIC_ACQUIRE);
        pthread_mutex_lock(&pe->lock);
        state = pe->state;
        pthread_mutex_unlock(&pe->lock);
        if (state != PIPE_LISTENING) break;
        if (io_sync_cancelled(&s)) { state = 0; break; }
        syscall(SYS_futex, &pe->state_seq, FUTEX_WAIT_PRIVATE, seq, &slice, NULL, 0);
    }
    io_sync_leave(&s);
    io->Information = 0;
    return io->Status = state == PIPE_CONNECTED ? STATUS_SUCCESS : !state ? STATUS_CANCELLED : STATUS_PIPE_DISCONNECTED;
}

/* DisconnectNamedPipe: the client's connection (or the listener) goes, and
   what was pending on the instance ends */
static NTSTATUS pipe_disconnect(struct file *f)
{
    struct pipe_end *pe = f->pipe;
    if (!pe->server) return STATUS_ILLEGAL_FUNCTION;
    pthread_mutex_lock(&pe->lock);
    int fd = f->fd;
    if (fd >= 0) shutdown(fd, SHUT_RDWR);   /* wakes threads polling it */
    f->fd = -1;
    pe->state = PIPE_DISCONNECTED;
    state_changed(pe);
    pthread_mutex_unlock(&pe->lock);
    io_cancel_all(f, STATUS_PIPE_DISCONNECTED);
    /* a synchronous read or write may still be on its way out of poll */
    pthread_mutex_lock(&pe->rd_lock);
    pthread_mutex_lock(&pe->wr_lock);
    if (fd >= 0) close(fd);
    io_thread_kick();
    pthread_mutex_unlock(&pe->wr_lock);
    pthread_mutex_unlock(&pe->rd_lock);
    return STATUS_SUCCESS;
}

/* what a peek sees of a message pipe's stream: the rest of the message being
   read (rd_left), then frames */
struct peek_result { uint32_t data, messages, first, copied, wanted; };

static void peek_messages(const struct pipe_end *pe, const char *raw, uint32_t got, char *dst, uint32_t room,
                          struct peek_result *r)
{
    uint32_t pos = 0, left = pe->rd_left;
    int have = pe->rd_in_msg && pe->rd_left;
    for (;;)
    {
        if (!have)
        {
            if (got - pos < sizeof(left)) break;
            memcpy(&left, raw + pos, sizeof(left));
            pos += sizeof(left);
        }
        have = 0;
        uint32_t chunk = left < got - pos ? left : got - pos;
        /* message read mode copies the first message, byte mode all data */
        if (!pe->read_mode || !r->messages)
        {
            uint32_t c = chunk < room - r->copied ? chunk : room - r->copied;
            memcpy(dst + r->copied, raw + pos, c);
            r->copied += c;
            r->wanted += pe->read_mode ? left : chunk;
        }
        if (!r->messages) r->first = left;
        r->messages++;
        r->data += chunk;
        pos += chunk;
        if (chunk < left) break;
    }
}

/* FILE_PIPE_PEEK_BUFFER: state, bytes available, messages, the first
   message's length, then as much data as fits (one message in message
   read mode) */
static NTSTATUS pipe_peek(struct file *f, uint32_t *out, uint32_t out_len, uint64_t *info)
{
    struct pipe_end *pe = f->pipe;
    struct peek_result r = { 0 };
    NTSTATUS status;
    int avail = 0;
    if (out_len < 16) return STATUS_INFO_LENGTH_MISMATCH;
    if (!out) return STATUS_ACCESS_VIOLATION;
    pthread_mutex_lock(&pe->lock);
    if ((status = state_status(pe))) goto out;
    take_hello(pe, f->fd);   /* not all there yet: neither is any data */
    if (!pe->hello_left) ioctl(f->fd, FIONREAD, &avail);
    char *raw = avail > 0 ? malloc(avail) : NULL;
    ssize_t got = raw ? recv(f->fd, raw, avail, MSG_PEEK | MSG_DONTWAIT) : 0;
    if (got < 0) got = 0;
    if (pe->type) peek_messages(pe, raw, got, (char *)(out + 4), out_len - 16, &r);
    else
    {
        r.data = r.wanted = got;
        r.copied = (uint32_t)got < out_len - 16 ? (uint32_t)got : out_len - 16;
        if (r.copied) memcpy(out + 4, raw, r.copied);
    }
    free(raw);
    struct pollfd p = { f->fd, POLLRDHUP, 0 };
    if (!got && (pe->peer_closed || (poll(&p, 1, 0) == 1 && (p.revents & (POLLRDHUP | POLLHUP)))))
        status = STATUS_PIPE_BROKEN;
    else
    {
        out[0] = PIPE_CONNECTED;
        out[1] = r.data;
        out[2] = r.messages;
        out[3] = r.first;
        *info = 16 + r.copied;
        if (r.copied < r.wanted) status = STATUS_BUFFER_OVERFLOW;
    }
out:
    pthread_mutex_unlock(&pe->lock);
    return status;
}

/* the client's process id: its hello follows its connect at once, so a
   short wait is enough */
static void wait_hello(struct file *f)
{
    struct pipe_end *pe = f->pipe;
    for (int tries = 0; tries < 100; tries++)
    {
        pthread_mutex_lock(&pe->lock);
        int fd = pe->state == PIPE_CONNECTED ? f->fd : -1;
        int pending = fd >= 0 && take_hello(pe, fd) == STATUS_PENDING;
        pthread_mutex_unlock(&pe->lock);
        if (!pending) return;
        struct pollfd p = { fd, POLLIN, 0 };
        poll(&p, 1, 10);
    }
}

NTSTATUS pipe_fsctl(struct file *f, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                    uint32_t code, void *in, uint32_t in_len, void *out, uint32_t out_len)
{
    uint64_t info = 0;
    NTSTATUS status;
    (void)in; (void)in_len;
    switch (code)
    {
    case FSCTL_PIPE_LISTEN:
        return pipe_listen(f, event, apc, apc_ctx, io);
    case FSCTL_PIPE_DISCONNECT:
        status = pipe_disconnect(f);
        break;
    case FSCTL_PIPE_PEEK:
        status = pipe_peek(f, out, out_len, &info);
        break;
    case WLX_FSCTL_PIPE_PIDS:
        if (out_len < 8) { status = STATUS_INFO_LENGTH_MISMATCH; break; }
        wait_hello(f);
        ((uint32_t *)out)[0] = f->pipe->server ? f->pipe->peer_pid : wlx_process_id;
        ((uint32_t *)out)[1] = f->pipe->server ? wlx_process_id : f->pipe->peer_pid;
        info = 8;
        status = STATUS_SUCCESS;
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
    }
    io->Status = status;
    io->Information = info;
    return status;
}

/* --- information --------------------------------------------------------------------- */

NTSTATUS pipe_query(struct file *f, uint32_t klass, void *out, uint32_t len, uint64_t *info)
{
    struct pipe_end *pe = f->pipe;
    uint32_t *u = out;
    int avail = 0;
    switch (klass)
    {
    case FilePipeInformation:   /* read mode, completion mode */
        if (len < 8) return STATUS_INFO_LENGTH_MISMATCH;
        u[0] = pe->read_mode;
        u[1] = pe->nowait;
        *info = 8;
        return STATUS_SUCCESS;
    case FilePipeLocalInformation:
        if (len < 40) return STATUS_INFO_LENGTH_MISMATCH;
        pthread_mutex_lock(&pe->lock);
        if (pe->state == PIPE_CONNECTED) ioctl(f->fd, FIONREAD, &avail);
        u[0] = pe->type;
        u[1] = pe->access == 1 ? 0 : pe->access == 2 ? 1 : 2;   /* FILE_PIPE_INBOUND / OUTBOUND / FULL_DUPLEX */
        u[2] = pe->max_instances >= MAX_SLOTS ? ~0u : pe->max_instances;
        u[3] = 0;
        u[4] = pe->in_quota;
        u[5] = avail;
        u[6] = pe->out_quota;
        u[7] = pe->out_quota;
        u[8] = pe->state;
        u[9] = pe->server;
        pthread_mutex_unlock(&pe->lock);
        u[3] = count_instances(pe->hash);
        *info = 40;
        return STATUS_SUCCESS;
    }
    return STATUS_INVALID_INFO_CLASS;
}

/* SetNamedPipeHandleState: read mode and wait mode */
NTSTATUS pipe_set(struct file *f, uint32_t klass, const void *in, uint32_t len)
{
    struct pipe_end *pe = f->pipe;
    const uint32_t *u = in;
    if (klass != FilePipeInformation) return STATUS_INVALID_INFO_CLASS;
    if (len < 8) return STATUS_INFO_LENGTH_MISMATCH;
    if (u[0] > 1 || u[1] > 1) return STATUS_INVALID_PARAMETER;
    if (u[0] && !pe->type) return STATUS_INVALID_PARAMETER;   /* message reads of a byte pipe */
    pthread_mutex_lock(&pe->lock);
    pe->read_mode = u[0];
    pe->nowait = u[1];
    pthread_mutex_unlock(&pe->lock);
    return STATUS_SUCCESS;
}

/* --- creating and opening ------------------------------------------------------------------ */

static struct pipe_end *pipe_end_new(uint64_t hash, int server)
{
    struct pipe_end *pe = calloc(1, sizeof(*pe));
    if (!pe) return NULL;
    pthread_mutex_init(&pe->lock, NULL);
    pthread_mutex_init(&pe->rd_lock, NULL);
    pthread_mutex_init(&pe->wr_lock, NULL);
    pe->hash = hash;
    pe->server = server;
    pe->slot = -1;
    pe->slot_fd = -1;
    pe->accept_ep = -1;
    return pe;
}

static NTSTATUS wrap(struct file *f, HANDLE *handle, ACCESS_MASK access, uint32_t attributes)
{
    *handle = handle_alloc(&f->obj, access, attributes & OBJ_INHERIT);
    if (!*handle) { object_release(&f->obj); return STATUS_NO_MEMORY; }
    return STATUS_SUCCESS;
}

/* server: claims the first free instance number (FILE_CREATE: none may exist) */
static NTSTATUS claim_slot(struct pipe_end *pe, uint32_t disposition)
{
    int slots = pe->max_instances < MAX_SLOTS ? (int)pe->max_instances : MAX_SLOTS;
    if (disposition == FILE_CREATE && count_instances(pe->hash)) return STATUS_ACCESS_DENIED;
    if ((pe->slot_fd = new_socket()) < 0) return errno_to_status(errno);
    for (int n = 0; n < slots; n++)
    {
        int r = bind_name(pe->slot_fd, pe->hash, 'S', n, 0);
        if (!r) { pe->slot = n; return STATUS_SUCCESS; }
        if (r != -EADDRINUSE) return errno_to_status(-r);
    }
    TRACE(FILE, "pipe %016llx: all %d instances taken\n", (unsigned long long)pe->hash, slots);
    return STATUS_INSTANCE_NOT_AVAILABLE;
}

/* instances of the pipe with another access make a new one fail (only
   instances that exist, S<n>, can have a listener) */
static int other_access_exists(uint64_t hash, uint32_t access)
{
    struct pipe_census c;
    pipe_census(hash, &c);
    return (listening_accesses(&c) & ~(1u << access)) != 0;
}

/* --- the pipe file system's root ------------------------------------------------------------
 * "\??\PIPE\" (or "\Device\NamedPipe\") opened itself gives a handle that
 * is only a RootDirectory: NtCreateNamedPipeFile relative to it makes the
 * pipe its name names, or with no name a pipe of its own that no name
 * reaches; a pipe's server end as RootDirectory with no name opens its
 * client end. Rust's standard library makes a child's stdio pipes so
 * (tests/ntdll/anonpipe.c). */

static NTSTATUS open_client_hash(uint64_t hash, HANDLE *handle, ACCESS_MASK access, uint32_t attributes,
                                 uint32_t options, IO_STATUS_BLOCK *io);

int pipe_is_root(const UNICODE_STRING *nt)
{
    static const char *const roots[] = { "\\??\\pipe\\", "\\Device\\NamedPipe\\", NULL };
    size_t n = nt && nt->Buffer ? nt->Length / sizeof(WCHAR) : 0;
    for (int p = 0; roots[p]; p++)
    {
        size_t k = strlen(roots[p]), i;
        if (n != k && n != k - 1) continue;   /* with or without the last backslash */
        for (i = 0; i < n; i++) if (wlx_toupper(nt->Buffer[i]) != wlx_toupper((WCHAR)roots[p][i])) break;
        if (i == n) return 1;
    }
    return 0;
}

NTSTATUS pipe_open_root(HANDLE *handle, ACCESS_MASK access, uint32_t attributes, uint32_t options, IO_STATUS_BLOCK *io)
{
    struct file *f = file_alloc(-1, file_map_generic(access), options);
    if (!f) return io->Status = STATUS_NO_MEMORY;
    f->pipe_root = 1;
    f->stream = 2;
    io->Information = FILE_OPENED;
    return io->Status = wrap(f, handle, f->access, attributes);
}

/* what handle h is as a RootDirectory: 1 the pipe root, 2 a pipe's server
   end (*hash its pipe), 0 neither */
static int root_kind(HANDLE h, uint64_t *hash)
{
    struct file *f;
    int kind = 0;
    if (file_get(h, &f)) return 0;
    if (f->pipe_root) kind = 1;
    else if (f->pipe && f->pipe->server) { kind = 2; *hash = f->pipe->hash; }
    object_release(&f->obj);
    return kind;
}

/* the pipe a name relative to the root names; an empty one, a new pipe
   (random: nothing else can name it) */
static uint64_t relative_hash(const UNICODE_STRING *name)
{
    uint64_t h;
    if (name->Length && name->Buffer) return hash_part(name->Buffer, name->Length / sizeof(WCHAR));
    if (syscall(SYS_getrandom, &h, sizeof(h), 0) != sizeof(h))
    {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        h = ((uint64_t)wlx_process_id << 40) ^ ((uint64_t)ts.tv_sec << 30) ^ (uint64_t)ts.tv_nsec;
    }
    return h;
}

/* NtCreateFile with a RootDirectory of the pipe file system: *is_pipe 0
   when it is not, else the open's result */
NTSTATUS pipe_open_relative(const OBJECT_ATTRIBUTES *attr, HANDLE *handle, ACCESS_MASK access, uint32_t options,
                            IO_STATUS_BLOCK *io, int *is_pipe)
{
    const UNICODE_STRING *name = attr->ObjectName;
    uint64_t hash = 0;
    int kind = root_kind(attr->RootDirectory, &hash);
    *is_pipe = kind != 0;
    if (!kind) return STATUS_SUCCESS;
    if (kind == 1 && !name->Length) return pipe_open_root(handle, access, attr->Attributes, options, io);
    if (kind == 1) hash = relative_hash(name);
    else if (name->Length) return io->Status = STATUS_OBJECT_NAME_INVALID;
    return open_client_hash(hash, handle, access, attr->Attributes, options, io);
}

NTSTATUS WINAPI unix_NtCreateNamedPipeFile(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                                           IO_STATUS_BLOCK *io, uint32_t sharing, uint32_t disposition,
                                           uint32_t options, uint32_t type, uint32_t read_mode, uint32_t completion,
                                           uint32_t max_instances, uint32_t in_quota, uint32_t out_quota,
                                           LARGE_INTEGER *timeout)
{
    struct pipe_end *pe;
    struct file *f;
    NTSTATUS status;
    (void)sharing; (void)timeout;
    uint64_t hash;
    if (!handle || !io) return STATUS_ACCESS_VIOLATION;
    if (!attr || !attr->ObjectName) return STATUS_OBJECT_NAME_INVALID;
    if (attr->RootDirectory)
    {
        if (root_kind(attr->RootDirectory, &hash) != 1) return STATUS_OBJECT_NAME_INVALID;
        hash = relative_hash(attr->ObjectName);
    }
    else if (!pipe_is_name(attr->ObjectName)) return STATUS_OBJECT_NAME_INVALID;
    else hash = name_hash(attr->ObjectName);
    if (type > 1 || read_mode > 1 || completion > 1 || !max_instances || (read_mode && !type))
        return STATUS_INVALID_PARAMETER;
    if (!(pe = pipe_end_new(hash, 1))) return STATUS_NO_MEMORY;
    pe->type = type;
    pe->read_mode = read_mode;
    pe->nowait = completion;
    pe->access = ((access & (GENERIC_READ | FILE_READ_DATA)) ? 1 : 0) | ((access & (GENERIC_WRITE | FILE_WRITE_DATA)) ? 2 : 0);
    pe->max_instances = max_instances > MAX_SLOTS ? MAX_SLOTS : max_instances;
    pe->in_quota = in_quota;
    pe->out_quota = out_quota;
    if (!pe->access) status = STATUS_INVALID_PARAMETER;
    else if (other_access_exists(pe->hash, pe->access)) status = STATUS_ACCESS_DENIED;
    else status = claim_slot(pe, disposition);
    if (status || !(f = file_alloc(-1, file_map_generic(access), options)))
    {
        if (pe->slot_fd >= 0) close(pe->slot_fd);
        free(pe);
        return io->Status = status ? status : STATUS_NO_MEMORY;
    }
    f->owns_fd = 1;
    f->stream = 2;
    f->pipe = pe;
    if ((status = start_listening(f))) { object_release(&f->obj); return io->Status = status; }
    if ((status = wrap(f, handle, f->access, attr->Attributes))) return io->Status = status;
    io->Information = FILE_CREATED;
    return io->Status = STATUS_SUCCESS;
}

/* client: connects to listener n with access a; the server's welcome, or -1 */
static int connect_instance(uint64_t hash, int n, int a, struct welcome *w)
{
    struct sockaddr_un sa;
    socklen_t len = pipe_addr(&sa, hash, 'L', n, a);
    struct hello hello = { HELLO_MAGIC, wlx_process_id };
    int fd = new_socket();
    if (fd < 0) return -1;
    if (connect(fd, (struct sockaddr *)&sa, len) || !same_user(fd) ||
        send(fd, &hello, sizeof(hello), MSG_NOSIGNAL) != sizeof(hello))
    {
        close(fd);
        return -1;
    }
    /* another client may win the same listener: then the connection drops */
    struct pollfd p = { fd, POLLIN, 0 };
    if (poll(&p, 1, 2000) != 1 || recv(fd, w, sizeof(*w), 0) != sizeof(*w) || w->magic != WELCOME_MAGIC)
    {
        close(fd);
        return -1;
    }
    return fd;
}

/* the access the client asks for must fit the pipe's direction */
static int access_fits(ACCESS_MASK access, int a)
{
    if ((access & FILE_READ_DATA) && !(a & 2)) return 0;
    if ((access & FILE_WRITE_DATA) && !(a & 1)) return 0;
    return 1;
}

static NTSTATUS open_client_hash(uint64_t hash, HANDLE *handle, ACCESS_MASK access, uint32_t attributes,
                                 uint32_t options, IO_STATUS_BLOCK *io)
{
    struct welcome w;
    struct pipe_census c;
    int fd = -1;
    /* connecting is the fast path (a name nobody listens on fails at once);
       only a failure needs the census, for its error */
    for (int n = 0; n < MAX_SLOTS && fd < 0; n++)
        for (int a = 1; a <= 3 && fd < 0; a++)
            if (access_fits(access, a)) fd = connect_instance(hash, n, a, &w);
    if (fd < 0)
    {
        pipe_census(hash, &c);
        unsigned listening = listening_accesses(&c);
        for (int a = 1; a <= 3; a++)
            if ((listening & (1u << a)) && !access_fits(access, a)) return io->Status = STATUS_ACCESS_DENIED;
        return io->Status = c.instances ? STATUS_PIPE_NOT_AVAILABLE : STATUS_OBJECT_NAME_NOT_FOUND;
    }
    struct pipe_end *pe = pipe_end_new(hash, 0);
    struct file *f = pe ? file_alloc(fd, access, options) : NULL;
    if (!f) { free(pe); close(fd); return io->Status = STATUS_NO_MEMORY; }
    f->owns_fd = 1;
    f->stream = 2;
    f->pipe = pe;
    pe->state = PIPE_CONNECTED;
    pe->peer_pid = w.pid;
    pe->type = w.type;
    pe->access = w.access;
    pe->max_instances = w.max_instances;
    pe->in_quota = w.in_quota;
    pe->out_quota = w.out_quota;
    NTSTATUS status = wrap(f, handle, access, attributes);
    io->Information = FILE_OPENED;
    return io->Status = status;
}

NTSTATUS pipe_open_client(const UNICODE_STRING *nt, HANDLE *handle, ACCESS_MASK access, uint32_t attributes,
                          uint32_t options, IO_STATUS_BLOCK *io)
{
    return open_client_hash(name_hash(nt), handle, access, attributes, options, io);
}

/* WaitNamedPipe: until an instance listens; ms 0: the default (50 ms), ~0:
   forever. Looking at the pipe's names takes none of them (pipe_census), so
   a server making its next instance meanwhile is never disturbed; the look
   is repeated after 1 ms, then less often, up to every 10 ms. */
NTSTATUS WINAPI unix___wlx_wait_named_pipe(const UNICODE_STRING *nt, uint32_t ms)
{
    struct timespec start, now, pause = { 0, 1000000 };
    struct pipe_census c;
    if (!nt || !pipe_is_name(nt)) return STATUS_OBJECT_NAME_INVALID;
    uint64_t hash = name_hash(nt);
    if (!ms) ms = 50;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int first = 1;; first = 0)
    {
        pipe_census(hash, &c);
        if (first && !c.instances) return STATUS_OBJECT_NAME_NOT_FOUND;
        if (listening_accesses(&c)) return STATUS_SUCCESS;
        clock_gettime(CLOCK_MONOTONIC, &now);
        uint64_t elapsed = (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
        if (ms != ~0u && elapsed >= ms) return STATUS_IO_TIMEOUT;
        if (ms != ~0u && (ms - elapsed) * 1000000 < (uint64_t)pause.tv_nsec) pause.tv_nsec = (ms - elapsed) * 1000000;
        nanosleep(&pause, NULL);
        pause.tv_nsec = pause.tv_nsec < 5 * 1000000 ? pause.tv_nsec * 2 : 10 * 1000000;
    }
}
