/*
 * ntdll/unix/async.c — asynchronous (overlapped) I/O: how a finished I/O is
 * reported (status block, event, APC routine, completion port), the I/O
 * thread that finishes what would block, and cancellation (NtCancelIoFile,
 * NtCancelIoFileEx, NtCancelSynchronousIoFile).
 *
 * A disk file never blocks for long: its overlapped reads and writes are done
 * at once and only reported as Windows reports them. Pipes, sockets and
 * character devices may block: an operation that cannot be done now is queued
 * on its file (FIFO per file) and the process's one I/O thread (created on
 * first need, all signals blocked) watches its fd with epoll. Each queued
 * operation watches a dup() of the fd of its own, one-shot, so that any number
 * of them can wait on the same fd; on readiness the I/O thread retries the
 * file's operations in order under the async lock, which also keeps the fd
 * open (a file being destroyed cancels its operations under that lock first).
 *
 * A synchronous handle's wait on a pipe (io_block) can be ended by
 * CancelSynchronousIo from another thread through an eventfd it also polls.
 *
 * Sections: reporting · the queue and the I/O thread · blocking helper ·
 * cancellation.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <time.h>
#include "private.h"
#include "thread.h"
#include "file.h"
#include "iocp.h"

NTSTATUS WINAPI unix_NtSetEvent(HANDLE h, int32_t *prev);
NTSTATUS WINAPI unix_NtResetEvent(HANDLE h, int32_t *prev);
struct wlx_object *sync_event_ref(HANDLE h);
void sync_event_set_release(struct wlx_object *obj);

#define NT_ERROR(s) ((uint32_t)(s) >> 30 == 3)

/* --- reporting -------------------------------------------------------------- */

static uint32_t self_tid(void)
{
    uint64_t tid;
    __asm__ ("movq %%gs:0x48, %0" : "=r"(tid));   /* TEB ClientId.UniqueThread */
    return (uint32_t)tid;
}

/* checks what an I/O asks to be told and resets its event, as the I/O
   manager does before it starts */
NTSTATUS io_begin(struct file *f, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io, struct io_notify *n)
{
    /* a file bound to a port reports there: an APC routine is refused */
    if (apc && f->port) return STATUS_INVALID_PARAMETER;
    if (event && unix_NtResetEvent(event, NULL)) return STATUS_INVALID_HANDLE;
    *n = (struct io_notify){ event, apc, apc_ctx, io, self_tid(), 0 };
    return STATUS_SUCCESS;
}

/* threads in __wlx_wait_io_status: only then does a completion wake anyone */
static int status_waiters;

/* GetOverlappedResult of an I/O with no event (kernel32): sleeps until the
   status block leaves STATUS_PENDING or the timeout passes */
NTSTATUS WINAPI unix___wlx_wait_io_status(IO_STATUS_BLOCK *io, const LARGE_INTEGER *timeout)
{
    struct timespec ts;
    int absolute = 0, infinite = !nt_timeout_to_timespec(timeout, &ts, &absolute);
    NTSTATUS status = STATUS_SUCCESS;
    int op = FUTEX_WAIT_BITSET_PRIVATE | (absolute ? FUTEX_CLOCK_REALTIME : 0);
    if (!infinite && !absolute)
    {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        ts.tv_sec += now.tv_sec;
        if ((ts.tv_nsec += now.tv_nsec) >= 1000000000) { ts.tv_sec++; ts.tv_nsec -= 1000000000; }
    }
    __atomic_add_fetch(&status_waiters, 1, __ATOMIC_SEQ_CST);
    while (__atomic_load_n(&io->Status, __ATOMIC_SEQ_CST) == STATUS_PENDING)
    {
        if (syscall(SYS_futex, &io->Status, op, STATUS_PENDING, infinite ? NULL : &ts, NULL,
                    FUTEX_BITSET_MATCH_ANY) < 0 && errno == ETIMEDOUT)
        {
            status = STATUS_TIMEOUT;
            break;
        }
    }
    __atomic_sub_fetch(&status_waiters, 1, __ATOMIC_SEQ_CST);
    return status;
}

/* the status block (waking __wlx_wait_io_status) */
static void set_status(const struct io_notify *n, NTSTATUS status, uint64_t info)
{
    n->io->Information = info;
    __atomic_store_n(&n->io->Status, status, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&status_waiters, __ATOMIC_SEQ_CST))
        syscall(SYS_futex, &n->io->Status, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
}

/* the event, the APC and the port (the status block is written) */
static void notify_rest(const struct io_notify *n, NTSTATUS status, uint64_t info, struct port *port, uint64_t key)
{
    if (n->event) unix_NtSetEvent(n->event, NULL);
    if (n->apc) apc_queue_to(n->tid, (uintptr_t)n->apc, (uintptr_t)n->apc_ctx, (uintptr_t)n->io, 0);
    else if (port && n->apc_ctx) port_post(port, key, (uintptr_t)n->apc_ctx, status, info);
}

/* Done without pending: an error is only returned (no event, APC or
   packet); success reaches the port unless the handle skips it. */
NTSTATUS io_finish_now(struct file *f, const struct io_notify *n, NTSTATUS status, uint64_t info)
{
    if (NT_ERROR(status))
    {
        n->io->Status = status;
        n->io->Information = info;
        return status;
    }
    set_status(n, status, info);
    notify_rest(n, status, info, (f->completion_flags & FILE_SKIP_COMPLETION_PORT_ON_SUCCESS) ? NULL : f->port, f->port_key);
    return status;
}

/* a synchronous handle's I/O that names an event or an APC routine: they
   are told too once it is done (rare; the plain synchronous path pays one test) */
void io_sync_notify(HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io)
{
    if (NT_ERROR(io->Status)) return;
    if (event) unix_NtSetEvent(event, NULL);
    if (apc) apc_queue_to(self_tid(), (uintptr_t)apc, (uintptr_t)apc_ctx, (uintptr_t)io, 0);
}

/* --- the file object's own signal ------------------------------------------------
 * A wait on a file's handle (Rust's std reads an overlapped pipe with no event,
 * then waits on the handle) returns once an I/O on it has completed: the file
 * is reset while an operation of the program's is queued, and set when one
 * ends, after its status block is written. A file with nothing queued is
 * signaled. */

/* under async_lock, f alive */
static void file_set_signal(struct file *f, uint32_t reset)
{
    __atomic_store_n(&f->io_reset, reset, __ATOMIC_SEQ_CST);
    if (!reset && __atomic_load_n(&f->io_waiters, __ATOMIC_SEQ_CST))
        syscall(SYS_futex, &f->io_reset, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
}

/* file_ops' wait: until the file is signaled or the timeout passes */
NTSTATUS file_wait(struct wlx_object *obj, const LARGE_INTEGER *timeout)
{
    struct file *f = (struct file *)obj;
    struct timespec ts;
    int absolute = 0, infinite = !nt_timeout_to_timespec(timeout, &ts, &absolute);
    NTSTATUS status = STATUS_WAIT_0;
    int op = FUTEX_WAIT_BITSET_PRIVATE | (absolute ? FUTEX_CLOCK_REALTIME : 0);
    if (!__atomic_load_n(&f->io_reset, __ATOMIC_SEQ_CST)) return STATUS_WAIT_0;
    if (!infinite && !absolute)
    {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        ts.tv_sec += now.tv_sec;
        if ((ts.tv_nsec += now.tv_nsec) >= 1000000000) { ts.tv_sec++; ts.tv_nsec -= 1000000000; }
    }
    __atomic_add_fetch(&f->io_waiters, 1, __ATOMIC_SEQ_CST);
    while (__atomic_load_n(&f->io_reset, __ATOMIC_SEQ_CST))
    {
        if (syscall(SYS_futex, &f->io_reset, op, 1, infinite ? NULL : &ts, NULL, FUTEX_BITSET_MATCH_ANY) < 0 &&
            errno == ETIMEDOUT)
        {
            status = STATUS_TIMEOUT;
            break;
        }
    }
    __atomic_sub_fetch(&f->io_waiters, 1, __ATOMIC_SEQ_CST);
    return status;
}

/* --- the queue and the I/O thread ----------------------------------------------- */

struct async_op {
    struct async_op *next;      /* in its file's queue, oldest first */
    struct async_op *hnext;     /* in its id's hash bucket */
    uint64_t id;                /* what epoll reports */
    struct file *f;
    enum io_kind kind;
    int watch_fd;               /* a dup of the fd, registered one-shot */
    io_try_fn try;
    void *buf, *arg;
    uint32_t len;
    uint64_t done;              /* what a write has written so far */
    NTSTATUS result;            /* once finished */
    struct port *port;          /* once finished: the file's port (a reference) and key */
    uint64_t key;
    struct io_notify n;
    struct wlx_object *event;   /* n.event's object, held until the completion sets it */
};

#define BUCKETS 256
static pthread_mutex_t async_lock = PTHREAD_MUTEX_INITIALIZER;
static struct async_op *buckets[BUCKETS];   /* every queued operation, by id */
static uint64_t next_id = 1;
static int epfd = -1;
static int kick_fd = -1;        /* an eventfd in epfd (id 0): io_thread_kick */

static uint32_t events_of(enum io_kind kind)
{
    return (kind == IO_WRITE ? EPOLLOUT : EPOLLIN) | EPOLLRDHUP | EPOLLONESHOT;
}

static void arm(struct async_op *op)
{
    struct epoll_event ev = { .events = events_of(op->kind), .data.u64 = op->id };
    epoll_ctl(epfd, EPOLL_CTL_MOD, op->watch_fd, &ev);
}

/* under the lock: an operation epoll reported, if it is still queued */
static struct async_op *op_by_id(uint64_t id)
{
    struct async_op *op = buckets[id % BUCKETS];
    while (op && op->id != id) op = op->hnext;
    return op;
}

/* under the lock: takes op off its queue, ended with result: its status
   block is written and the file set now, while f is alive; the caller
   reports the rest */
static void unlink_op(struct async_op *op, NTSTATUS result)
{
    op->result = result;
    if (!op->n.internal)
    {
        set_status(&op->n, result, op->done);
        file_set_signal(op->f, 0);
    }
    struct async_op **p;
    for (p = &op->f->pending; *p; p = &(*p)->next)
        if (*p == op) { *p = op->next; break; }
    for (p = &buckets[op->id % BUCKETS]; *p; p = &(*p)->hnext)
        if (*p == op) { *p = op->hnext; break; }
    epoll_ctl(epfd, EPOLL_CTL_DEL, op->watch_fd, NULL);
    close(op->watch_fd);
    /* the report comes after the lock, when f may be gone */
    if ((op->port = op->f->port)) port_addref(op->port);
    op->key = op->f->port_key;
    op->f = NULL;
}

/* reads (and waits) go in order, and so do writes, each kind on its own */
static int is_first_of_kind(struct async_op *op)
{
    if (op->kind == IO_POLL) return 1;   /* polls never wait for each other */
    for (struct async_op *o = op->f->pending; o != op; o = o->next)
        if ((o->kind == IO_WRITE) == (op->kind == IO_WRITE)) return 0;
    return 1;
}

/* under the lock: retries f's operations in order; the finished ones are
   moved to *done_list for reporting outside the lock */
static void progress(struct file *f, struct async_op **done_list)
{
    struct async_op *op, *next;
    for (op = f->pending; op; op = next)
    {
        next = op->next;
        if (!is_first_of_kind(op)) { arm(op); continue; }
        uint64_t got = 0;
        NTSTATUS status = op->try(f, (char *)op->buf + op->done, op->len - op->done, &got, op->arg);
        op->done += got;
        if (status == STATUS_PENDING) { arm(op); continue; }
        unlink_op(op, status);
        op->next = *done_list;
        *done_list = op;
    }
}

static void report(struct async_op *list)
{
    while (list)
    {
        struct async_op *op = list;
        list = op->next;
        if (op->event)
        {
            /* the event the I/O was given, not whatever its handle names now */
            if (!op->n.internal) sync_event_set_release(op->event);
            else object_release(op->event);
            op->n.event = NULL;
        }
        if (!op->n.internal) notify_rest(&op->n, op->result, op->done, op->port, op->key);
        if (op->port) port_release(op->port);
        free(op);
    }
}

static void *io_thread(void *arg)
{
    struct epoll_event ev[16];
    (void)arg;
    for (;;)
    {
        int n = epoll_wait(epfd, ev, 16, -1);
        struct async_op *done = NULL;
        pthread_mutex_lock(&async_lock);
        for (int i = 0; i < n; i++)
        {
            uint64_t count;
            if (!ev[i].data.u64)
            {
                if (read(kick_fd, &count, sizeof(count)) < 0) { /* drained already */ }
                continue;
            }
            struct async_op *op = op_by_id(ev[i].data.u64);
            if (op) progress(op->f, &done);
        }
        pthread_mutex_unlock(&async_lock);
        report(done);
    }
    return NULL;
}

/* a detached helper thread with every signal blocked (signals are for
   Windows threads); 0 or an errno */
int io_helper_thread(void *(*fn)(void *), void *arg)
{
    pthread_t t;
    pthread_attr_t attr;
    sigset_t all, old;
    sigfillset(&all);
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int r = pthread_create(&t, &attr, fn, arg);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    return r;
}

/* under the lock */
static int start_thread(void)
{
    struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 0 };
    if (epfd >= 0) return 0;
    if ((epfd = epoll_create1(EPOLL_CLOEXEC)) < 0) return -1;
    if ((kick_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) >= 0) epoll_ctl(epfd, EPOLL_CTL_ADD, kick_fd, &ev);
    if (io_helper_thread(io_thread, NULL))
    {
        close(epfd);
        if (kick_fd >= 0) close(kick_fd);
        epfd = kick_fd = -1;
        return -1;
    }
    return 0;
}

/* Makes the I/O thread come back from epoll_wait. Since Linux 6.10 epoll
   holds each watched file for the moment it looks at it; a file whose last
   fd is closed in that moment is released by the I/O thread, and only when
   its epoll_wait returns (task work). A pipe's listener released so keeps
   its name bound, and the next instance cannot listen (tests/kernel32/
   namedpipe.c, test_wait_race: 1 run in 20 on a loaded machine). Whoever
   closes such a file kicks the I/O thread, which then lets go of it. */
void io_thread_kick(void)
{
    uint64_t one = 1;
    int fd = __atomic_load_n(&kick_fd, __ATOMIC_ACQUIRE);
    if (fd >= 0 && write(fd, &one, sizeof(one)) < 0) { /* a full counter wakes it anyway */ }
}

NTSTATUS io_queue(struct file *f, enum io_kind kind, int fd, io_try_fn try, void *buf, uint32_t len,
                  void *arg, const struct io_notify *n)
{
    struct async_op *op = calloc(1, sizeof(*op));
    struct async_op *done = NULL;
    if (!op) return STATUS_NO_MEMORY;
    *op = (struct async_op){ NULL, NULL, 0, f, kind, -1, try, buf, arg, len, 0, 0, NULL, 0, *n };
    n->io->Status = STATUS_PENDING;
    n->io->Information = 0;
    pthread_mutex_lock(&async_lock);
    if (start_thread() || (op->watch_fd = fcntl(fd, F_DUPFD_CLOEXEC, 3)) < 0)
    {
        pthread_mutex_unlock(&async_lock);
        free(op);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    op->id = next_id++;
    f->io_watched = 1;
    if (n->event) op->event = sync_event_ref(n->event);
    if (!n->internal) file_set_signal(f, 1);
    struct async_op **tail = &f->pending;
    while (*tail) tail = &(*tail)->next;
    *tail = op;
    op->hnext = buckets[op->id % BUCKETS];
    buckets[op->id % BUCKETS] = op;
    struct epoll_event ev = { .events = events_of(kind), .data.u64 = op->id };
    epoll_ctl(epfd, EPOLL_CTL_ADD, op->watch_fd, &ev);
    /* the state may have changed between the caller's try and now */
    progress(f, &done);
    pthread_mutex_unlock(&async_lock);
    report(done);
    return STATUS_PENDING;
}

/* whether f has a queued operation of this kind: a new read (or write)
   then queues behind it instead of being tried at once, which could take
   the data an earlier pending read is owed (or write before an earlier
   pending write). A race with the I/O thread finishing the last one only
   means an order the two callers did not fix anyway. */
int io_has_queued(struct file *f, enum io_kind kind)
{
    int found = 0;
    if (!__atomic_load_n(&f->pending, __ATOMIC_ACQUIRE)) return 0;
    pthread_mutex_lock(&async_lock);
    for (struct async_op *o = f->pending; o && !found; o = o->next) found = o->kind == kind;
    pthread_mutex_unlock(&async_lock);
    return found;
}

void io_rearm(struct file *f)
{
    struct async_op *done = NULL;
    pthread_mutex_lock(&async_lock);
    if (f->pending) progress(f, &done);
    pthread_mutex_unlock(&async_lock);
    report(done);
}

/* --- blocking helper ---------------------------------------------------------------
 * A synchronous handle's I/O that must wait polls its fd and an eventfd of
 * its own, registered under the thread's id, so that CancelSynchronousIo from
 * another thread can end it (STATUS_CANCELLED). */

static pthread_mutex_t sync_lock = PTHREAD_MUTEX_INITIALIZER;
static struct sync_io *sync_waits;

int io_sync_enter(struct sync_io *s)
{
    if ((s->efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) < 0) return -1;
    s->tid = self_tid();
    pthread_mutex_lock(&sync_lock);
    s->next = sync_waits;
    sync_waits = s;
    pthread_mutex_unlock(&sync_lock);
    return s->efd;
}

void io_sync_leave(struct sync_io *s)
{
    if (s->efd < 0) return;
    pthread_mutex_lock(&sync_lock);
    for (struct sync_io **p = &sync_waits; *p; p = &(*p)->next)
        if (*p == s) { *p = s->next; break; }
    pthread_mutex_unlock(&sync_lock);
    close(s->efd);
    s->efd = -1;
}

int io_sync_cancelled(const struct sync_io *s)
{
    uint64_t v;
    return s->efd >= 0 && read(s->efd, &v, sizeof(v)) == sizeof(v);
}

NTSTATUS io_block(struct file *f, enum io_kind kind, int fd, io_try_fn try, void *buf, uint32_t len,
                  void *arg, uint64_t *done)
{
    struct sync_io s = { .efd = -1, .f = f };
    NTSTATUS status;
    *done = 0;
    for (;;)
    {
        uint64_t got = 0;
        status = try(f, (char *)buf + *done, len - *done, &got, arg);
        *done += got;
        if (status != STATUS_PENDING) break;
        if (s.efd < 0) io_sync_enter(&s);
        struct pollfd p[2] = { { fd, kind == IO_WRITE ? POLLOUT : POLLIN, 0 }, { s.efd, POLLIN, 0 } };
        struct port *ran = iocp_block_begin();   /* a port's worker blocks: another may run */
        while (poll(p, s.efd >= 0 ? 2 : 1, -1) < 0 && errno == EINTR) ;
        if (ran) iocp_block_end(ran);
        if (p[1].revents & POLLIN) { status = STATUS_CANCELLED; break; }
    }
    io_sync_leave(&s);
    return status;
}

/* --- cancellation ----------------------------------------------------------------------- */

/* under the lock: moves f's matching operations (io NULL: all; tid 0: any
   thread's; wlx's own ones only with internal) to *list, ending with status */
static int cancel_matching(struct file *f, IO_STATUS_BLOCK *io, uint32_t tid, int internal, NTSTATUS status,
                           struct async_op **list)
{
    int found = 0;
    struct async_op *op, *next;
    for (op = f->pending; op; op = next)
    {
        next = op->next;
        if ((io && op->n.io != io) || (tid && op->n.tid != tid) || (op->n.internal && !internal)) continue;
        unlink_op(op, status);
        op->next = *list;
        *list = op;
        found = 1;
    }
    return found;
}

/* newest first on the list: report oldest first */
static struct async_op *reverse(struct async_op *list)
{
    struct async_op *out = NULL;
    while (list) { struct async_op *op = list; list = op->next; op->next = out; out = op; }
    return out;
}

static NTSTATUS cancel(HANDLE handle, IO_STATUS_BLOCK *io, uint32_t tid, IO_STATUS_BLOCK *result)
{
    struct file *f;
    struct async_op *list = NULL;
    NTSTATUS status = file_get(handle, &f);
    if (status) return status;
    pthread_mutex_lock(&async_lock);
    int found = f->pending && cancel_matching(f, io, tid, 0, STATUS_CANCELLED, &list);
    pthread_mutex_unlock(&async_lock);
    /* CancelIoEx(handle, NULL) from another thread also ends the handle's
       synchronous operations (a thread blocked in ReadFile on it) */
    if (!io && !tid)
    {
        pthread_mutex_lock(&sync_lock);
        for (struct sync_io *s = sync_waits; s; s = s->next)
        {
            uint64_t one = 1;
            if (s->f == f && write(s->efd, &one, sizeof(one)) == sizeof(one)) found = 1;
        }
        pthread_mutex_unlock(&sync_lock);
    }
    report(reverse(list));
    object_release(&f->obj);
    status = found ? STATUS_SUCCESS : STATUS_NOT_FOUND;
    if (result) { result->Status = status; result->Information = 0; }
    return status;
}

/* CancelIo: the calling thread's operations on the handle */
NTSTATUS WINAPI unix_NtCancelIoFile(HANDLE handle, IO_STATUS_BLOCK *result)
{
    NTSTATUS status = cancel(handle, NULL, self_tid(), result);
    if (status == STATUS_NOT_FOUND) status = STATUS_SUCCESS;   /* nothing to cancel is fine here */
    if (result) result->Status = status;
    return status;
}

/* CancelIoEx: one operation (by its status block) or all of the handle's */
NTSTATUS WINAPI unix_NtCancelIoFileEx(HANDLE handle, IO_STATUS_BLOCK *io, IO_STATUS_BLOCK *result)
{
    return cancel(handle, io, 0, result);
}

/* CancelSynchronousIo: the thread's wait in io_block (or a pipe's connect)
   ends; its own thread has nothing waiting, by definition */
NTSTATUS WINAPI unix_NtCancelSynchronousIoFile(HANDLE thread, IO_STATUS_BLOCK *io, IO_STATUS_BLOCK *result)
{
    struct wlx_thread *t;
    NTSTATUS status = STATUS_NOT_FOUND;
    uint32_t tid = 0;
    (void)io;
    if (thread != NtCurrentThread())
    {
        if ((status = handle_get(thread, &thread_ops, (struct wlx_object **)&t))) return status;
        tid = __atomic_load_n(&t->tid, __ATOMIC_ACQUIRE);
        object_release(&t->obj);
        status = STATUS_NOT_FOUND;
    }
    pthread_mutex_lock(&sync_lock);
    for (struct sync_io *s = sync_waits; s; s = s->next)
    {
        uint64_t one = 1;
        if (!tid || s->tid != tid) continue;
        if (write(s->efd, &one, sizeof(one)) == sizeof(one)) status = STATUS_SUCCESS;
    }
    pthread_mutex_unlock(&sync_lock);
    if (result) { result->Status = status; result->Information = 0; }
    return status;
}

/* the file goes (its last handle closed): what is pending on it is cancelled */
void io_cancel_all(struct file *f, NTSTATUS status)
{
    struct async_op *list = NULL;
    if (!f->pending) return;
    pthread_mutex_lock(&async_lock);
    cancel_matching(f, NULL, 0, 1, status, &list);
    pthread_mutex_unlock(&async_lock);
    report(reverse(list));
}

void io_file_closed(struct file *f)
{
    /* reported through f's port too, as Windows does: f still holds it */
    io_cancel_all(f, STATUS_CANCELLED);
}
