/*
 * ntdll/unix/apc.c — user APC queues: NtQueueApcThread and the private
 * syscall __wlx_take_apcs, plus what alertable waits (sync.c) look at.
 *
 * The Unix side never calls PE code: an APC is only recorded here, in a
 * queue per Windows thread id. An alertable wait that finds the caller's
 * queue non-empty returns STATUS_USER_APC; ntdll's PE side (ntdll/apc.c)
 * then takes the entries with __wlx_take_apcs and calls them, in FIFO order.
 * Each queue has a futex word `seq`, bumped by every queued APC, that an
 * alertable wait adds to the words it sleeps on. Queues are created on first
 * use and freed when their thread ends (sync_thread_exit).
 */
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "private.h"
#include "thread.h"

struct apc {
    struct apc *next;
    uint64_t func, arg1, arg2, arg3;
};

struct apc_queue {
    struct apc_queue *next;     /* in the list of all queues */
    uint32_t tid;
    uint32_t seq;               /* futex word: bumped by every queued APC */
    struct apc *head, **tail;
};

static pthread_mutex_t queues_lock = PTHREAD_MUTEX_INITIALIZER;   /* all queues' lists */
static struct apc_queue *queues;

/* under queues_lock */
static struct apc_queue *queue_of(uint32_t tid)
{
    struct apc_queue *q;
    for (q = queues; q; q = q->next) if (q->tid == tid) return q;
    if (!(q = calloc(1, sizeof(*q)))) return NULL;
    q->tid = tid;
    q->tail = &q->head;
    q->next = queues;
    queues = q;
    return q;
}

uint32_t *apc_wait_word(uint32_t tid, uint32_t *value)
{
    pthread_mutex_lock(&queues_lock);
    struct apc_queue *q = queue_of(tid);
    if (q) *value = __atomic_load_n(&q->seq, __ATOMIC_ACQUIRE);
    pthread_mutex_unlock(&queues_lock);
    return q ? &q->seq : NULL;
}

int apc_pending(uint32_t tid)
{
    pthread_mutex_lock(&queues_lock);
    struct apc_queue *q = queue_of(tid);
    int pending = q && q->head;
    pthread_mutex_unlock(&queues_lock);
    return pending;
}

NTSTATUS apc_queue_to(uint32_t tid, uint64_t func, uint64_t arg1, uint64_t arg2, uint64_t arg3)
{
    struct apc *a = malloc(sizeof(*a));
    if (!a) return STATUS_NO_MEMORY;
    *a = (struct apc){ NULL, func, arg1, arg2, arg3 };
    pthread_mutex_lock(&queues_lock);
    struct apc_queue *q = queue_of(tid);
    if (q)
    {
        *q->tail = a;
        q->tail = &a->next;
        __atomic_add_fetch(&q->seq, 1, __ATOMIC_RELEASE);
        syscall(SYS_futex, &q->seq, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
    }
    pthread_mutex_unlock(&queues_lock);
    if (!q) { free(a); return STATUS_NO_MEMORY; }
    return STATUS_SUCCESS;
}

/* the thread ends: its queue goes (a later thread may get its id) */
void apc_thread_exit(uint32_t tid)
{
    pthread_mutex_lock(&queues_lock);
    for (struct apc_queue **p = &queues; *p; p = &(*p)->next)
    {
        struct apc_queue *q = *p;
        if (q->tid != tid) continue;
        *p = q->next;
        while (q->head) { struct apc *a = q->head; q->head = a->next; free(a); }
        free(q);
        break;
    }
    pthread_mutex_unlock(&queues_lock);
}

static uint32_t self_tid(void)
{
    uint64_t tid;
    __asm__ ("movq %%gs:0x48, %0" : "=r"(tid));   /* TEB ClientId.UniqueThread */
    return (uint32_t)tid;
}

NTSTATUS WINAPI unix_NtQueueApcThread(HANDLE thread, void *func, void *arg1, void *arg2, void *arg3)
{
    struct wlx_thread *t;
    uint32_t tid;
    if (!func) return STATUS_INVALID_PARAMETER;
    if (thread == NtCurrentThread()) tid = self_tid();
    else
    {
        NTSTATUS status = handle_get(thread, &thread_ops, (struct wlx_object **)&t);
        if (status) return status;
        tid = __atomic_load_n(&t->tid, __ATOMIC_ACQUIRE);
        int exited = __atomic_load_n(&t->exited, __ATOMIC_ACQUIRE);
        object_release(&t->obj);
        /* an ended thread takes no APC (one that is ending at this very
           moment may still get a queue, never run) */
        if (exited) return STATUS_UNSUCCESSFUL;
    }
    return apc_queue_to(tid, (uintptr_t)func, (uintptr_t)arg1, (uintptr_t)arg2, (uintptr_t)arg3);
}

/* hands the caller's queued APCs back to the PE side, oldest first: up to
   max entries of four pointers (func, arg1, arg2, arg3); *count says how many */
NTSTATUS WINAPI unix___wlx_take_apcs(uint64_t *out, uint32_t max, uint32_t *count)
{
    uint32_t n = 0;
    pthread_mutex_lock(&queues_lock);
    struct apc_queue *q = queue_of(self_tid());
    while (q && q->head && n < max)
    {
        struct apc *a = q->head;
        if (!(q->head = a->next)) q->tail = &q->head;
        out[4 * n] = a->func; out[4 * n + 1] = a->arg1;
        out[4 * n + 2] = a->arg2; out[4 * n + 3] = a->arg3;
        n++;
        free(a);
    }
    pthread_mutex_unlock(&queues_lock);
    *count = n;
    return STATUS_SUCCESS;
}
