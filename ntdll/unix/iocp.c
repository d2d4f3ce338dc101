/*
 * ntdll/unix/iocp.c — I/O completion ports: NtCreateIoCompletion,
 * NtSetIoCompletion(Ex), NtRemoveIoCompletion(Ex) and NtQueryIoCompletion.
 *
 * A port is process-local. Its handle refers to a small shell object; the
 * queue itself (struct port) is referenced by the shell, by the files
 * associated with it and by the threads waiting on it. When the last handle
 * goes, the shell marks the queue closed and wakes its waiters, which return
 * STATUS_ABANDONED_WAIT_0, as on Windows; completions of files still
 * associated are then dropped.
 *
 * Waiting costs what our other waits cost: the queue has a futex word `seq`
 * bumped by every post; a waiter that finds the queue empty registers and
 * sleeps on it (and, when alertable, on its APC queue's word, with
 * futex_waitv). A post with no registered waiter makes no syscall, one with
 * waiters wakes one; every woken waiter takes what is queued before it leaves,
 * even on a timeout, so no packet is left behind with sleepers.
 *
 * NumberOfConcurrentThreads (0: the number of processors) caps the threads
 * the port lets run: a thread that took a packet counts as running on its
 * port (`running`) until it waits on a port again, blocks (iocp_block_begin
 * and _end, called by sync.c's sleeps — object waits, critical sections,
 * SRW locks, Sleep — and by a synchronous pipe's wait in async.c: it counts
 * again once it wakes, possibly over the cap, as on Windows) or exits
 * (sync_thread_exit). While `running` is at the cap, waiters sleep even
 * with packets queued; a thread that stops running wakes one. Windows'
 * scheduler sees every block (page faults, sockets in ws2_32.so…); a
 * thread blocked where we do not look keeps its place (an approximation).
 *
 * Sections: the queue · concurrency · the port object · system calls. (Wait
 * completion packets, which queue here, are waitpacket.c.)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "private.h"
#include "thread.h"
#include "iocp.h"

#ifndef SYS_futex_waitv
#define SYS_futex_waitv 449
#endif
#define WAITV_U32_PRIVATE (0x02 | 128)
#define WAITV_U32_SHARED  0x02
struct waitv { uint64_t val; uint64_t uaddr; uint32_t flags; uint32_t reserved; };

/* --- the queue ----------------------------------------------------------- */

struct packet {
    struct packet *next;
    uint64_t key, value, info;
    NTSTATUS status;
    const void *owner;          /* a wait completion packet's, or NULL */
};

struct port {
    pthread_mutex_t lock;
    int refs;                   /* shell + associated files + waiters (under lock) */
    uint32_t seq;               /* futex word, bumped by every post and by the close */
    uint32_t waiters;           /* threads asleep on seq */
    uint32_t closed;            /* the last handle went (a futex word too) */
    uint32_t depth;             /* queued packets */
    uint32_t concurrency;       /* NumberOfConcurrentThreads, 0 made the processor count */
    uint32_t running;           /* threads that took a packet and have not waited or blocked since */
    struct packet *head, **tail;
};

static struct port *port_new(uint32_t concurrency)
{
    struct port *p = calloc(1, sizeof(*p));
    if (!p) return NULL;
    pthread_mutex_init(&p->lock, NULL);
    p->refs = 1;
    p->tail = &p->head;
    if (!concurrency)
    {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        concurrency = n > 0 ? (uint32_t)n : 1;
    }
    p->concurrency = concurrency;
    return p;
}

void port_addref(struct port *p)
{
    pthread_mutex_lock(&p->lock);
    p->refs++;
    pthread_mutex_unlock(&p->lock);
}

void port_release(struct port *p)
{
    pthread_mutex_lock(&p->lock);
    int last = !--p->refs;
    pthread_mutex_unlock(&p->lock);
    if (!last) return;
    while (p->head) { struct packet *k = p->head; p->head = k->next; free(k); }
    pthread_mutex_destroy(&p->lock);
    free(p);
}

static void wake(uint32_t *word, int count)
{
    syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, count, NULL, NULL, 0);
}

NTSTATUS port_post_owned(struct port *p, uint64_t key, uint64_t value, NTSTATUS status, uint64_t info,
                         const void *owner)
{
    struct packet *k = malloc(sizeof(*k));
    if (!k) return STATUS_NO_MEMORY;
    *k = (struct packet){ NULL, key, value, info, status, owner };
    pthread_mutex_lock(&p->lock);
    if (p->closed) { pthread_mutex_unlock(&p->lock); free(k); return STATUS_SUCCESS; }
    *p->tail = k;
    p->tail = &k->next;
    p->depth++;
    __atomic_store_n(&p->seq, p->seq + 1, __ATOMIC_RELEASE);
    int sleepers = p->waiters != 0 && p->running < p->concurrency;
    pthread_mutex_unlock(&p->lock);
    if (sleepers) wake(&p->seq, 1);
    return STATUS_SUCCESS;
}

NTSTATUS port_post(struct port *p, uint64_t key, uint64_t value, NTSTATUS status, uint64_t info)
{
    return port_post_owned(p, key, value, status, info, NULL);
}

/* is owner's packet still queued? (remove: take it off) */
int port_find_owned(struct port *p, const void *owner, int remove)
{
    int found = 0;
    pthread_mutex_lock(&p->lock);
    for (struct packet **k = &p->head; *k; k = &(*k)->next)
    {
        if ((*k)->owner != owner) continue;
        found = 1;
        if (remove)
        {
            struct packet *dead = *k;
            if (!(*k = dead->next)) p->tail = k;
            p->depth--;
            free(dead);
        }
        break;
    }
    pthread_mutex_unlock(&p->lock);
    return found;
}

/* FILE_IO_COMPLETION_INFORMATION, what NtRemoveIoCompletionEx fills */
struct completion_entry { uint64_t key, value; IO_STATUS_BLOCK io; };

/* under the lock: up to max packets into out */
static uint32_t take(struct port *p, struct completion_entry *out, uint32_t max)
{
    uint32_t n = 0;
    while (p->head && n < max)
    {
        struct packet *k = p->head;
        if (!(p->head = k->next)) p->tail = &p->head;
        p->depth--;
        out[n].key = k->key;
        out[n].value = k->value;
        out[n].io.Status = k->status;
        out[n].io.Information = k->info;
        n++;
        free(k);
    }
    return n;
}

/* --- concurrency ------------------------------------------------------------ */

static __thread struct port *running_port;   /* the port this thread runs for (a reference), or NULL */

/* under the lock: the queue's packets for a thread allowed to run */
static uint32_t take_running(struct port *p, struct completion_entry *out, uint32_t max)
{
    if (p->running >= p->concurrency) return 0;
    uint32_t n = take(p, out, max);
    if (!n) return 0;
    p->running++;
    p->refs++;
    running_port = p;
    return n;
}

/* one running thread fewer: a waiter that may now take a packet is woken */
static void stop_running(struct port *p)
{
    pthread_mutex_lock(&p->lock);
    if (p->running) p->running--;
    int wake_one = p->head && p->waiters && p->running < p->concurrency;
    if (wake_one) __atomic_store_n(&p->seq, p->seq + 1, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&p->lock);
    if (wake_one) wake(&p->seq, 1);
}

/* the thread waits on a port again, or exits: it no longer runs for its port */
static void leave_port(void)
{
    struct port *p = running_port;
    if (!p) return;
    running_port = NULL;
    stop_running(p);
    port_release(p);
}

void iocp_thread_exit(void)
{
    leave_port();
}

/* sync.c: the thread is about to block; returns what iocp_block_end needs */
struct port *iocp_block_begin(void)
{
    struct port *p = running_port;
    if (p) stop_running(p);
    return p;
}

/* it woke: it runs again, even past the cap (as on Windows) */
void iocp_block_end(struct port *p)
{
    pthread_mutex_lock(&p->lock);
    p->running++;
    pthread_mutex_unlock(&p->lock);
}

/* an absolute deadline: CLOCK_MONOTONIC for relative NT timeouts, CLOCK_REALTIME for absolute ones */
struct deadline { int infinite, zero, clock; struct timespec ts; };

static void deadline_init(struct deadline *d, const LARGE_INTEGER *timeout)
{
    int absolute = 0;
    struct timespec now;
    d->zero = 0;
    d->clock = CLOCK_MONOTONIC;
    if ((d->infinite = !nt_timeout_to_timespec(timeout, &d->ts, &absolute))) return;
    if (absolute) { d->clock = CLOCK_REALTIME; return; }
    if (!d->ts.tv_sec && !d->ts.tv_nsec) { d->zero = 1; return; }
    clock_gettime(CLOCK_MONOTONIC, &now);
    d->ts.tv_sec += now.tv_sec;
    d->ts.tv_nsec += now.tv_nsec;
    if (d->ts.tv_nsec >= 1000000000) { d->ts.tv_sec++; d->ts.tv_nsec -= 1000000000; }
}

static uint32_t self_tid(void)
{
    uint64_t tid;
    __asm__ ("movq %%gs:0x48, %0" : "=r"(tid));   /* TEB ClientId.UniqueThread */
    return (uint32_t)tid;
}

/* sleeps until seq moves from val, an APC comes (apc_word) or the deadline;
   returns 1 on a timeout */
static int port_sleep(uint32_t *seq, uint32_t val, uint32_t *apc_word, uint32_t apc_val, const struct deadline *d)
{
    struct waitv w[2] = { { val, (uintptr_t)seq, WAITV_U32_PRIVATE, 0 },
                          { apc_val, (uintptr_t)apc_word, WAITV_U32_PRIVATE, 0 } };
    const struct timespec *abs = d->infinite ? NULL : &d->ts;
    long r;
    if (apc_word) r = syscall(SYS_futex_waitv, w, 2, 0, abs, d->clock);
    else
    {
        int op = FUTEX_WAIT_BITSET_PRIVATE | (d->clock == CLOCK_REALTIME ? FUTEX_CLOCK_REALTIME : 0);
        r = syscall(SYS_futex, seq, op, val, abs, NULL, FUTEX_BITSET_MATCH_ANY);
    }
    return r < 0 && errno == ETIMEDOUT;
}

/* the heart of NtRemoveIoCompletion(Ex) */
static NTSTATUS port_remove(struct port *p, struct completion_entry *out, uint32_t max, uint32_t *removed,
                            const LARGE_INTEGER *timeout, int alertable)
{
    struct deadline d;
    uint32_t tid = alertable ? self_tid() : 0, apc_val = 0, *apc_word = NULL;
    NTSTATUS status = STATUS_SUCCESS;
    int timed_out = 0;

    deadline_init(&d, timeout);
    *removed = 0;
    leave_port();
    pthread_mutex_lock(&p->lock);
    for (;;)
    {
        if ((*removed = take_running(p, out, max))) break;
        if (p->closed) { status = STATUS_ABANDONED_WAIT_0; break; }
        if (timed_out || d.zero) { status = STATUS_TIMEOUT; break; }
        uint32_t val = p->seq;
        p->waiters++;
        pthread_mutex_unlock(&p->lock);
        if (alertable && (apc_word = apc_wait_word(tid, &apc_val)) && apc_pending(tid))
        {
            pthread_mutex_lock(&p->lock);
            p->waiters--;
            if (!(*removed = take_running(p, out, max))) status = STATUS_USER_APC;
            break;
        }
        timed_out = port_sleep(&p->seq, val, apc_word, apc_val, &d);
        pthread_mutex_lock(&p->lock);
        p->waiters--;
    }
    pthread_mutex_unlock(&p->lock);
    return status;
}

/* --- the port object ------------------------------------------------------- */

struct port_shell {
    struct wlx_object obj;
    struct port *port;
};

static void shell_destroy(struct wlx_object *obj)
{
    struct port *p = ((struct port_shell *)obj)->port;
    pthread_mutex_lock(&p->lock);
    __atomic_store_n(&p->closed, 1, __ATOMIC_RELEASE);
    __atomic_store_n(&p->seq, p->seq + 1, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&p->lock);
    wake(&p->seq, INT_MAX);
    wake(&p->closed, INT_MAX);
    port_release(p);
}

/* for job.c's message watcher: sleeps until *word, in memory shared with
   other processes, moves from val, or the port closes (then 1) */
int port_wait_shared(struct port *p, uint32_t *word, uint32_t val)
{
    struct waitv w[2] = { { val, (uintptr_t)word, WAITV_U32_SHARED, 0 },
                          { 0, (uintptr_t)&p->closed, WAITV_U32_PRIVATE, 0 } };
    if (!__atomic_load_n(&p->closed, __ATOMIC_ACQUIRE)) syscall(SYS_futex_waitv, w, 2, 0, NULL, 0);
    return __atomic_load_n(&p->closed, __ATOMIC_ACQUIRE) != 0;
}

static const struct object_ops port_ops = { "IoCompletion", shell_destroy, NULL, NULL };

struct port *port_from_handle(HANDLE h, NTSTATUS *status)
{
    struct port_shell *s;
    if ((*status = handle_get(h, &port_ops, (struct wlx_object **)&s))) return NULL;
    struct port *p = s->port;
    port_addref(p);
    object_release(&s->obj);
    return p;
}

/* --- system calls ------------------------------------------------------------ */

NTSTATUS WINAPI unix_NtCreateIoCompletion(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr,
                                          uint32_t concurrency)
{
    struct port_shell *s;
    if (!handle) return STATUS_INVALID_PARAMETER;
    if (!(s = object_new(&port_ops, sizeof(*s)))) return STATUS_NO_MEMORY;
    if (!(s->port = port_new(concurrency)))
    {
        free(s);
        return STATUS_NO_MEMORY;
    }
    *handle = handle_alloc(&s->obj, access, attr ? attr->Attributes & OBJ_INHERIT : 0);
    if (!*handle) { object_release(&s->obj); return STATUS_NO_MEMORY; }
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI unix_NtSetIoCompletion(HANDLE handle, uint64_t key, uint64_t value, NTSTATUS status, uint64_t info)
{
    NTSTATUS ret;
    struct port *p = port_from_handle(handle, &ret);
    if (!p) return ret;
    ret = port_post(p, key, value, status, info);
    port_release(p);
    return ret;
}

/* the reserve object (second argument) only guarantees memory on Windows */
NTSTATUS WINAPI unix_NtSetIoCompletionEx(HANDLE handle, HANDLE reserve, uint64_t key, uint64_t value,
                                         NTSTATUS status, uint64_t info)
{
    (void)reserve;
    return unix_NtSetIoCompletion(handle, key, value, status, info);
}

NTSTATUS WINAPI unix_NtRemoveIoCompletion(HANDLE handle, uint64_t *key, uint64_t *value, IO_STATUS_BLOCK *io,
                                          const LARGE_INTEGER *timeout)
{
    struct completion_entry e;
    uint32_t n;
    NTSTATUS status;
    if (!key || !value || !io) return STATUS_ACCESS_VIOLATION;
    struct port *p = port_from_handle(handle, &status);
    if (!p) return status;
    status = port_remove(p, &e, 1, &n, timeout, 0);
    port_release(p);
    if (status) return status;
    *key = e.key;
    *value = e.value;
    *io = e.io;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI unix_NtRemoveIoCompletionEx(HANDLE handle, struct completion_entry *out, uint32_t count,
                                            uint32_t *removed, const LARGE_INTEGER *timeout, uint8_t alertable)
{
    uint32_t n = 0;
    NTSTATUS status;
    if (!count || !out) return STATUS_INVALID_PARAMETER;
    struct port *p = port_from_handle(handle, &status);
    if (!p) return status;
    status = port_remove(p, out, count, &n, timeout, alertable);
    port_release(p);
    if (removed) *removed = n;
    return status;
}

/* IoCompletionBasicInformation: the queue's depth */
NTSTATUS WINAPI unix_NtQueryIoCompletion(HANDLE handle, uint32_t klass, void *info, uint32_t len, uint32_t *ret_len)
{
    NTSTATUS status;
    if (klass != 0) return STATUS_INVALID_INFO_CLASS;
    if (len < 4) return STATUS_INFO_LENGTH_MISMATCH;
    if (!info) return STATUS_ACCESS_VIOLATION;
    struct port *p = port_from_handle(handle, &status);
    if (!p) return status;
    pthread_mutex_lock(&p->lock);
    *(int32_t *)info = p->depth;
    pthread_mutex_unlock(&p->lock);
    port_release(p);
    if (ret_len) *ret_len = 4;
    return STATUS_SUCCESS;
}
