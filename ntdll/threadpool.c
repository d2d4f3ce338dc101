/*
 * ntdll/threadpool.c — the thread pool: Tp* (pools, work, timers, waits,
 * simple callbacks, I/O completions, cleanup groups, callback-instance
 * actions) and the older Rtl API built on it (RtlQueueWorkItem,
 * RtlRegisterWait, timer queues).
 *
 * One SRW lock guards everything. Workers sleep on their pool's condition
 * variable and exit after WORKER_IDLE_MS without work; a pool grows when work
 * is queued and no worker is idle (see pool_kick_locked). One timer thread
 * serves every timer and watches pools for stalls; waits are
 * served by waiter threads of up to 63 handles each (the 64th slot of
 * NtWaitForMultipleObjects is the thread's own wake-up event). I/O objects
 * bind their file to one process-wide completion port, with the object as
 * the key; one I/O thread takes its packets and queues the callbacks.
 */
#include "private.h"

NTSTATUS NTAPI NtClose(HANDLE);
NTSTATUS NTAPI NtCreateEvent(HANDLE *, ACCESS_MASK, const OBJECT_ATTRIBUTES *, ULONG, BOOLEAN);
NTSTATUS NTAPI NtSetEvent(HANDLE, LONG *);
NTSTATUS NTAPI NtReleaseMutant(HANDLE, LONG *);
NTSTATUS NTAPI NtReleaseSemaphore(HANDLE, ULONG, ULONG *);
NTSTATUS NTAPI NtWaitForMultipleObjects(ULONG, const HANDLE *, ULONG, BOOLEAN, const LARGE_INTEGER *);
NTSTATUS NTAPI LdrUnloadDll(HMODULE);
NTSTATUS NTAPI NtCreateIoCompletion(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, ULONG);
NTSTATUS NTAPI NtRemoveIoCompletion(HANDLE, ULONG_PTR *, ULONG_PTR *, IO_STATUS_BLOCK *, LARGE_INTEGER *);
NTSTATUS NTAPI NtSetInformationFile(HANDLE, IO_STATUS_BLOCK *, void *, ULONG, FILE_INFORMATION_CLASS);
void NTAPI RtlAcquireSRWLockExclusive(RTL_SRWLOCK *);
void NTAPI RtlReleaseSRWLockExclusive(RTL_SRWLOCK *);
void NTAPI RtlWakeConditionVariable(RTL_CONDITION_VARIABLE *);
void NTAPI RtlWakeAllConditionVariable(RTL_CONDITION_VARIABLE *);
NTSTATUS NTAPI RtlSleepConditionVariableSRW(RTL_CONDITION_VARIABLE *, RTL_SRWLOCK *, const LARGE_INTEGER *, ULONG);

#define WORKER_IDLE_MS   5000
#define EAGER_THREADS    4             /* started at once when work waits; more only on a stall */
#define STALL_CHECK      (20 * 10000)  /* 20 ms: a pool whose queue made no progress grows */
#define DEFAULT_MAX      500
#define WAITS_PER_THREAD (MAXIMUM_WAIT_OBJECTS - 1)
#define NEVER            0x7fffffffffffffffLL

enum tp_kind { TP_WORK_KIND, TP_TIMER_KIND, TP_WAIT_KIND, TP_SIMPLE_KIND, TP_IO_KIND };

#define TP_FileCompletionInformation 30
typedef struct { HANDLE port; ULONG_PTR key; } TP_COMPLETION_INFO;   /* FILE_COMPLETION_INFORMATION */
#ifndef IO_COMPLETION_ALL_ACCESS
#define IO_COMPLETION_ALL_ACCESS 0x1f0003
#endif

/* what TpAllocIoCompletion's callback gets */
typedef void (CALLBACK *TP_IO_CALLBACK)(TP_CALLBACK_INSTANCE *, void *context, void *overlapped,
                                        IO_STATUS_BLOCK *, TP_IO *);

/* a cleanup group: the objects made with an environment naming it */
struct tp_group
{
    LIST_ENTRY members;                /* of struct tp_object, by group_entry */
};

struct tp_pool
{
    LIST_ENTRY queue;                  /* of struct tp_task */
    LIST_ENTRY pool_entry;             /* in pools, watched by the timer thread */
    LONGLONG check_at;                 /* when to look for a stall, 0 when not stalled */
    LONG completed, seen;              /* callbacks done, and at the last look */
    RTL_CONDITION_VARIABLE work_cv;
    LONG refs;
    int threads, idle, queued, max, min;
};

struct tp_waiter;

struct tp_object
{
    void *caller_slot;                 /* first, for the caller: kernel32 keeps its Win32 I/O callback here */
    enum tp_kind kind;
    struct tp_pool *pool;
    void *callback;
    void *context;
    LONG refs;
    int pending, running;              /* queued and executing callbacks */
    RTL_CONDITION_VARIABLE done_cv;
    HANDLE freed_event;                /* set when the object is freed (Rtl deletes) */
    BOOL owns_context;                 /* the context is freed with the object (Rtl wrappers) */
    /* timers */
    int timer_set;
    LONGLONG due;
    LONG period;
    LIST_ENTRY timer_entry;
    /* waits */
    HANDLE handle;
    LONGLONG deadline;
    struct tp_waiter *waiter;
    int slot;
    BOOL repeat;                       /* RtlRegisterWait without WT_EXECUTEONLYONCE */
    DWORD repeat_ms;
    /* I/O */
    LONG io_started;                   /* StartThreadpoolIo calls not yet matched by a packet or a cancel */
    /* cleanup groups */
    BOOL closed;                       /* the owner's reference is gone (Close*, or never had one) */
    struct tp_group *group;
    LIST_ENTRY group_entry;
    PTP_CLEANUP_GROUP_CANCEL_CALLBACK group_cancel;
};

struct tp_task
{
    LIST_ENTRY entry;
    struct tp_object *obj;
    ULONG result;
    void *overlapped;                  /* I/O: the packet */
    IO_STATUS_BLOCK iosb;
};

struct tp_waiter
{
    HANDLE wake;
    struct tp_object *waits[WAITS_PER_THREAD];
    int count;
    struct tp_waiter *next;
};

/* what a callback instance carries: actions to take when the callback returns */
struct tp_instance
{
    struct tp_object *obj;
    HANDLE set_event, release_sem, release_mutex;
    ULONG sem_count;
    RTL_CRITICAL_SECTION *leave_cs;
    HMODULE unload;
    BOOL may_run_long;
    BOOL disassociated;                /* no longer counted as the object's running callback */
};

static RTL_SRWLOCK tp_lock;
static struct tp_pool *default_pool;
static LIST_ENTRY timers = { &timers, &timers };
static RTL_CONDITION_VARIABLE timer_cv;
static int timer_thread_started;
static struct tp_waiter *waiters;
static LIST_ENTRY pools = { &pools, &pools };
static HANDLE io_port;                 /* every I/O object's file is bound to it */

/* doubly linked lists (the DDK's inline helpers are not in mingw's headers) */
static void list_init(LIST_ENTRY *l) { l->Flink = l->Blink = l; }
static int list_empty(const LIST_ENTRY *l) { return l->Flink == l; }
static void list_remove(LIST_ENTRY *e) { e->Blink->Flink = e->Flink; e->Flink->Blink = e->Blink; }
static void list_add_tail(LIST_ENTRY *l, LIST_ENTRY *e)
{
    e->Flink = l;
    e->Blink = l->Blink;
    l->Blink->Flink = e;
    l->Blink = e;
}
static LIST_ENTRY *list_pop_head(LIST_ENTRY *l) { LIST_ENTRY *e = l->Flink; list_remove(e); return e; }

static void lock(void) { RtlAcquireSRWLockExclusive(&tp_lock); }
static void unlock(void) { RtlReleaseSRWLockExclusive(&tp_lock); }

static LONGLONG now(void)
{
    LARGE_INTEGER t;
    NtQuerySystemTime(&t);
    return t.QuadPart;
}

/* NT times: negative relative, positive absolute */
static LONGLONG abs_time(const LARGE_INTEGER *t)
{
    if (!t) return NEVER;
    return t->QuadPart < 0 ? now() - t->QuadPart : t->QuadPart;
}

static LARGE_INTEGER *rel_timeout(LARGE_INTEGER *out, LONGLONG when)
{
    if (when == NEVER) return NULL;
    LONGLONG d = when - now();
    out->QuadPart = d > 0 ? -d : 0;
    return out;
}

static void *tp_alloc(SIZE_T size) { return RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, size); }
static void tp_free(void *p) { RtlFreeHeap(PROCESS_HEAP(), 0, p); }

static NTSTATUS start_thread(void *start, void *param)
{
    HANDLE h;
    NTSTATUS status = NtCreateThreadEx(&h, THREAD_ALL_ACCESS, NULL, NtCurrentProcess(), start, param,
                                       0, 0, 0, 0, NULL);
    if (!status) NtClose(h);
    return status;
}

/* --- pools and workers ----------------------------------------------------- */

static void pool_release_locked(struct tp_pool *pool)
{
    /* workers hold no reference: the last one to go frees a released pool */
    if (--pool->refs == 0 && pool != default_pool) RtlWakeAllConditionVariable(&pool->work_cv);
}

static void object_release_locked(struct tp_object *obj);

static void pool_free_locked(struct tp_pool *pool)
{
    list_remove(&pool->pool_entry);
    tp_free(pool);
}

static DWORD WINAPI timer_main(void *arg);

static void wake_timer_thread_locked(void)
{
    if (!timer_thread_started && !start_thread(timer_main, NULL)) timer_thread_started = 1;
    RtlWakeConditionVariable(&timer_cv);
}

/* TRUE when the callback disassociated itself from its object */
static BOOL run_task(struct tp_task *task)
{
    struct tp_object *obj = task->obj;
    struct tp_instance inst = { obj };
    switch (obj->kind)
    {
    case TP_WORK_KIND:
        ((PTP_WORK_CALLBACK)obj->callback)((PTP_CALLBACK_INSTANCE)&inst, obj->context, (PTP_WORK)obj);
        break;
    case TP_TIMER_KIND:
        ((PTP_TIMER_CALLBACK)obj->callback)((PTP_CALLBACK_INSTANCE)&inst, obj->context, (PTP_TIMER)obj);
        break;
    case TP_WAIT_KIND:
        ((PTP_WAIT_CALLBACK)obj->callback)((PTP_CALLBACK_INSTANCE)&inst, obj->context, (PTP_WAIT)obj,
                                            task->result);
        break;
    case TP_SIMPLE_KIND:
        ((PTP_SIMPLE_CALLBACK)obj->callback)((PTP_CALLBACK_INSTANCE)&inst, obj->context);
        break;
    case TP_IO_KIND:
        ((TP_IO_CALLBACK)obj->callback)((PTP_CALLBACK_INSTANCE)&inst, obj->context, task->overlapped, &task->iosb,
                                         (TP_IO *)obj);
        break;
    }
    /* the instance's completion actions, in the order Windows documents */
    if (inst.leave_cs) RtlLeaveCriticalSection(inst.leave_cs);
    if (inst.release_mutex) NtReleaseMutant(inst.release_mutex, NULL);
    if (inst.release_sem) NtReleaseSemaphore(inst.release_sem, inst.sem_count, NULL);
    if (inst.set_event) NtSetEvent(inst.set_event, NULL);
    if (inst.unload) LdrUnloadDll(inst.unload);
    return inst.disassociated;
}

static DWORD WINAPI worker_main(void *arg)
{
    struct tp_pool *pool = arg;
    LARGE_INTEGER idle_timeout = { .QuadPart = -(LONGLONG)WORKER_IDLE_MS * 10000 };
    lock();
    for (;;)
    {
        if (pool->threads > pool->max) break;  /* the maximum was lowered */
        if (list_empty(&pool->queue))
        {
            if (!pool->refs && pool != default_pool) break;
            pool->idle++;
            NTSTATUS status = RtlSleepConditionVariableSRW(&pool->work_cv, &tp_lock, &idle_timeout, 0);
            pool->idle--;
            if (status == STATUS_TIMEOUT && list_empty(&pool->queue) && pool->threads > pool->min) break;
            continue;
        }
        struct tp_task *task = CONTAINING_RECORD(list_pop_head(&pool->queue), struct tp_task, entry);
        pool->queued--;
        task->obj->pending--;
        task->obj->running++;
        unlock();
        BOOL disassociated = run_task(task);
        lock();
        struct tp_object *obj = task->obj;
        tp_free(task);
        if (!disassociated && !--obj->running && !obj->pending) RtlWakeAllConditionVariable(&obj->done_cv);
        pool->completed++;
        object_release_locked(obj);
    }
    if (!--pool->threads && !pool->refs && pool != default_pool) pool_free_locked(pool);
    unlock();
    RtlExitUserThread(0);
}

static void pool_spawn_locked(struct tp_pool *pool)
{
    pool->threads++;
    if (start_thread(worker_main, pool)) pool->threads--;
}

/* a worker is started when work waits and no worker is idle to take it, at
   once up to EAGER_THREADS; beyond, the timer thread adds one whenever the
   queue made no progress for STALL_CHECK (callbacks that block each other
   still get threads, short ones do not spawn a crowd) */
static void pool_kick_locked(struct tp_pool *pool)
{
    if (pool->idle >= pool->queued || pool->threads >= pool->max)
    {
        RtlWakeConditionVariable(&pool->work_cv);
        return;
    }
    if (pool->threads < EAGER_THREADS || pool->threads < pool->min) pool_spawn_locked(pool);
    else if (!pool->check_at) wake_timer_thread_locked();
    if (pool->idle) RtlWakeConditionVariable(&pool->work_cv);
}

/* the timer thread's look at the pools: returns when to look again */
static LONGLONG check_stalls_locked(LONGLONG t)
{
    LONGLONG next = NEVER;
    for (LIST_ENTRY *e = pools.Flink; e != &pools; e = e->Flink)
    {
        struct tp_pool *pool = CONTAINING_RECORD(e, struct tp_pool, pool_entry);
        if (pool->queued <= pool->idle || pool->threads >= pool->max) { pool->check_at = 0; continue; }
        if (pool->check_at && t >= pool->check_at && pool->completed == pool->seen) pool_spawn_locked(pool);
        if (!pool->check_at || t >= pool->check_at)
        {
            pool->check_at = t + STALL_CHECK;
            pool->seen = pool->completed;
        }
        if (pool->check_at < next) next = pool->check_at;
    }
    return next;
}

static struct tp_pool *pool_new(void)
{
    struct tp_pool *pool = tp_alloc(sizeof(*pool));
    if (!pool) return NULL;
    list_init(&pool->queue);
    list_add_tail(&pools, &pool->pool_entry);
    pool->refs = 1;
    pool->max = DEFAULT_MAX;
    return pool;
}

static struct tp_pool *get_pool_locked(TP_CALLBACK_ENVIRON *env)
{
    if (env && env->Pool) return (struct tp_pool *)env->Pool;
    if (!default_pool) default_pool = pool_new();
    return default_pool;
}

NTSTATUS NTAPI TpAllocPool(TP_POOL **out, void *reserved)
{
    (void)reserved;
    lock();
    struct tp_pool *pool = pool_new();
    unlock();
    if (!pool) return STATUS_NO_MEMORY;
    *out = (TP_POOL *)pool;
    return STATUS_SUCCESS;
}

void NTAPI TpReleasePool(TP_POOL *p)
{
    struct tp_pool *pool = (struct tp_pool *)p;
    lock();
    pool_release_locked(pool);
    if (!pool->refs && !pool->threads) pool_free_locked(pool);
    unlock();
}

void NTAPI TpSetPoolMaxThreads(TP_POOL *p, DWORD max)
{
    struct tp_pool *pool = (struct tp_pool *)p;
    lock();
    pool->max = max ? max : 1;
    if (pool->min > pool->max) pool->min = pool->max;
    unlock();
}

NTSTATUS NTAPI TpSetPoolMinThreads(TP_POOL *p, DWORD min)
{
    struct tp_pool *pool = (struct tp_pool *)p;
    NTSTATUS status = STATUS_SUCCESS;
    lock();
    pool->min = min;
    if (pool->max < (int)min) pool->max = min;
    while (pool->threads < pool->min)
    {
        pool->threads++;
        if ((status = start_thread(worker_main, pool))) { pool->threads--; break; }
    }
    unlock();
    return status;
}

/* --- objects --------------------------------------------------------------- */

static NTSTATUS object_new(enum tp_kind kind, void *callback, void *context, TP_CALLBACK_ENVIRON *env,
                           struct tp_object **out)
{
    struct tp_object *obj = tp_alloc(sizeof(*obj));
    if (!obj) return STATUS_NO_MEMORY;
    obj->kind = kind;
    obj->callback = callback;
    obj->context = context;
    obj->refs = 1;
    obj->slot = -1;
    lock();
    obj->pool = get_pool_locked(env);
    if (obj->pool) obj->pool->refs++;
    if (obj->pool && env && env->CleanupGroup)
    {
        obj->group = (struct tp_group *)env->CleanupGroup;
        obj->group_cancel = env->CleanupGroupCancelCallback;
        list_add_tail(&obj->group->members, &obj->group_entry);
    }
    unlock();
    if (!obj->pool) { tp_free(obj); return STATUS_NO_MEMORY; }
    *out = obj;
    return STATUS_SUCCESS;
}

static void object_release_locked(struct tp_object *obj)
{
    if (--obj->refs) return;
    if (obj->freed_event) NtSetEvent(obj->freed_event, NULL);
    if (obj->owns_context) tp_free(obj->context);
    if (obj->group) list_remove(&obj->group_entry);
    struct tp_pool *pool = obj->pool;
    pool_release_locked(pool);
    if (!pool->refs && !pool->threads && pool != default_pool) pool_free_locked(pool);
    tp_free(obj);
}

static void queue_task_locked(struct tp_object *obj, struct tp_task *task)
{
    task->obj = obj;
    obj->refs++;
    obj->pending++;
    list_add_tail(&obj->pool->queue, &task->entry);
    obj->pool->queued++;
    pool_kick_locked(obj->pool);
}

static void post_locked(struct tp_object *obj, ULONG result)
{
    struct tp_task *task = tp_alloc(sizeof(*task));
    if (!task) return;
    task->result = result;
    queue_task_locked(obj, task);
}

/* waits for the object's callbacks; with cancel, drops those not started */
static void wait_callbacks(struct tp_object *obj, BOOL cancel)
{
    lock();
    if (cancel)
    {
        LIST_ENTRY *e = obj->pool->queue.Flink;
        while (e != &obj->pool->queue)
        {
            struct tp_task *task = CONTAINING_RECORD(e, struct tp_task, entry);
            e = e->Flink;
            if (task->obj != obj) continue;
            list_remove(&task->entry);
            obj->pool->queued--;
            obj->pending--;
            obj->refs--;                   /* never the last: the caller holds one */
            tp_free(task);
        }
    }
    while (obj->pending || obj->running)
        RtlSleepConditionVariableSRW(&obj->done_cv, &tp_lock, NULL, 0);
    unlock();
}

/* the owner's Close*: its reference goes (once: a cleanup group releases
   only the members not closed yet) */
static void object_close_locked(struct tp_object *obj)
{
    if (obj->closed) return;
    obj->closed = TRUE;
    object_release_locked(obj);
}

static void object_release(struct tp_object *obj)
{
    lock();
    object_close_locked(obj);
    unlock();
}

/* --- work ------------------------------------------------------------------ */

NTSTATUS NTAPI TpAllocWork(TP_WORK **out, PTP_WORK_CALLBACK cb, void *ctx, TP_CALLBACK_ENVIRON *env)
{
    return object_new(TP_WORK_KIND, cb, ctx, env, (struct tp_object **)out);
}

void NTAPI TpPostWork(TP_WORK *work)
{
    lock();
    post_locked((struct tp_object *)work, 0);
    unlock();
}

void NTAPI TpWaitForWork(TP_WORK *work, BOOL cancel) { wait_callbacks((struct tp_object *)work, cancel); }
void NTAPI TpReleaseWork(TP_WORK *work) { object_release((struct tp_object *)work); }

NTSTATUS NTAPI TpSimpleTryPost(PTP_SIMPLE_CALLBACK cb, void *ctx, TP_CALLBACK_ENVIRON *env)
{
    struct tp_object *obj;
    NTSTATUS status = object_new(TP_SIMPLE_KIND, cb, ctx, env, &obj);
    if (status) return status;
    lock();
    post_locked(obj, 0);
    object_close_locked(obj);              /* the task keeps it alive */
    unlock();
    return STATUS_SUCCESS;
}

/* --- timers ---------------------------------------------------------------- */

static DWORD WINAPI timer_main(void *arg)
{
    (void)arg;
    lock();
    for (;;)
    {
        LONGLONG next = NEVER, t = now();
        for (LIST_ENTRY *e = timers.Flink; e != &timers;)
        {
            struct tp_object *obj = CONTAINING_RECORD(e, struct tp_object, timer_entry);
            e = e->Flink;
            if (obj->due <= t)
            {
                post_locked(obj, 0);
                if (obj->period) obj->due = t + (LONGLONG)obj->period * 10000;
                else { list_remove(&obj->timer_entry); obj->timer_set = 0; continue; }
            }
            if (obj->due < next) next = obj->due;
        }
        LONGLONG check = check_stalls_locked(t);
        if (check < next) next = check;
        LARGE_INTEGER timeout;
        RtlSleepConditionVariableSRW(&timer_cv, &tp_lock, rel_timeout(&timeout, next), 0);
    }
    return 0;                              /* never: the thread lives as long as the process */
}

static void timer_unset_locked(struct tp_object *obj)
{
    if (!obj->timer_set) return;
    list_remove(&obj->timer_entry);
    obj->timer_set = 0;
}

NTSTATUS NTAPI TpAllocTimer(TP_TIMER **out, PTP_TIMER_CALLBACK cb, void *ctx, TP_CALLBACK_ENVIRON *env)
{
    return object_new(TP_TIMER_KIND, cb, ctx, env, (struct tp_object **)out);
}

/* due NULL cancels; 0 fires at once; the window (coalescing) is ignored.
   TRUE when a set timer was replaced before it fired (TpSetTimerEx) */
BOOL NTAPI TpSetTimerEx(TP_TIMER *timer, LARGE_INTEGER *due, LONG period, LONG window)
{
    struct tp_object *obj = (struct tp_object *)timer;
    (void)window;
    lock();
    BOOL was_set = obj->timer_set;
    timer_unset_locked(obj);
    if (due)
    {
        obj->due = due->QuadPart ? abs_time(due) : now();
        obj->period = period;
        obj->timer_set = 1;
        list_add_tail(&timers, &obj->timer_entry);
        wake_timer_thread_locked();
    }
    unlock();
    return was_set;
}

void NTAPI TpSetTimer(TP_TIMER *timer, LARGE_INTEGER *due, LONG period, LONG window)
{
    TpSetTimerEx(timer, due, period, window);
}

BOOL NTAPI TpIsTimerSet(TP_TIMER *timer)
{
    return ((struct tp_object *)timer)->timer_set;
}

void NTAPI TpWaitForTimer(TP_TIMER *timer, BOOL cancel) { wait_callbacks((struct tp_object *)timer, cancel); }

void NTAPI TpReleaseTimer(TP_TIMER *timer)
{
    struct tp_object *obj = (struct tp_object *)timer;
    lock();
    timer_unset_locked(obj);
    object_close_locked(obj);
    unlock();
}

/* --- waits ----------------------------------------------------------------- */

static void waiter_remove_locked(struct tp_object *obj)
{
    struct tp_waiter *w = obj->waiter;
    if (!w) return;
    /* the last slot moves into the freed one */
    w->waits[obj->slot] = w->waits[--w->count];
    w->waits[obj->slot]->slot = obj->slot;
    obj->waiter = NULL;
    obj->slot = -1;
    NtSetEvent(w->wake, NULL);
}

static void wait_fire_locked(struct tp_object *obj, ULONG result)
{
    post_locked(obj, result);
    if (obj->repeat)
    {
        LARGE_INTEGER t = { .QuadPart = -(LONGLONG)obj->repeat_ms * 10000 };
        obj->deadline = obj->repeat_ms == INFINITE ? NEVER : abs_time(&t);
    }
    else waiter_remove_locked(obj);
}

static DWORD WINAPI waiter_main(void *arg)
{
    struct tp_waiter *w = arg;
    HANDLE handles[MAXIMUM_WAIT_OBJECTS];
    struct tp_object *objs[WAITS_PER_THREAD];
    lock();
    for (;;)
    {
        LONGLONG next = NEVER, t = now();
        for (int i = 0; i < w->count;)
        {
            struct tp_object *obj = w->waits[i];
            if (obj->deadline <= t)
            {
                wait_fire_locked(obj, WAIT_TIMEOUT);
                if (!obj->waiter) continue;    /* removed: another wait took slot i */
            }
            if (obj->deadline < next) next = obj->deadline;
            i++;
        }
        int n = w->count;
        handles[0] = w->wake;
        for (int i = 0; i < n; i++) { objs[i] = w->waits[i]; handles[i + 1] = objs[i]->handle; }
        unlock();
        LARGE_INTEGER timeout;
        NTSTATUS status = NtWaitForMultipleObjects(n + 1, handles, 1, FALSE, rel_timeout(&timeout, next));
        lock();
        if (status < 0)
        {
            /* a handle closed under a pending wait (undefined on Windows): do not spin hot */
            LARGE_INTEGER pause = { .QuadPart = -10 * 10000 };
            unlock();
            NtDelayExecution(FALSE, &pause);
            lock();
            continue;
        }
        ULONG index = status >= STATUS_ABANDONED_WAIT_0 ? status - STATUS_ABANDONED_WAIT_0 : status;
        if (status == STATUS_TIMEOUT || index == 0 || index > (ULONG)n) continue;
        /* the set may have changed while we slept: fire only a wait still armed on that handle */
        struct tp_object *obj = objs[index - 1];
        for (int i = 0; i < w->count; i++)
            if (w->waits[i] == obj && obj->handle == handles[index])
            {
                wait_fire_locked(obj, status >= STATUS_ABANDONED_WAIT_0 ? WAIT_ABANDONED : WAIT_OBJECT_0);
                break;
            }
    }
    return 0;                              /* never: the thread lives as long as the process */
}

static void waiter_add_locked(struct tp_object *obj)
{
    struct tp_waiter *w = waiters;
    while (w && w->count >= WAITS_PER_THREAD) w = w->next;
    if (!w)
    {
        if (!(w = tp_alloc(sizeof(*w)))) return;
        if (NtCreateEvent(&w->wake, EVENT_ALL_ACCESS, NULL, 1 /* SynchronizationEvent */, FALSE))
        {
            tp_free(w);
            return;
        }
        if (start_thread(waiter_main, w)) { NtClose(w->wake); tp_free(w); return; }
        w->next = waiters;
        waiters = w;
    }
    obj->waiter = w;
    obj->slot = w->count;
    w->waits[w->count++] = obj;
    NtSetEvent(w->wake, NULL);
}

NTSTATUS NTAPI TpAllocWait(TP_WAIT **out, PTP_WAIT_CALLBACK cb, void *ctx, TP_CALLBACK_ENVIRON *env)
{
    return object_new(TP_WAIT_KIND, cb, ctx, env, (struct tp_object **)out);
}

/* handle NULL stops waiting; timeout NULL is infinite, else an NT time.
   TRUE when an armed wait was replaced before it fired (TpSetWaitEx) */
BOOL NTAPI TpSetWaitEx(TP_WAIT *wait, HANDLE handle, LARGE_INTEGER *timeout, void *reserved)
{
    struct tp_object *obj = (struct tp_object *)wait;
    (void)reserved;
    lock();
    BOOL was_set = obj->waiter != NULL;
    waiter_remove_locked(obj);
    obj->handle = handle;
    if (handle)
    {
        obj->deadline = timeout ? (timeout->QuadPart ? abs_time(timeout) : now()) : NEVER;
        waiter_add_locked(obj);
    }
    unlock();
    return was_set;
}

void NTAPI TpSetWait(TP_WAIT *wait, HANDLE handle, LARGE_INTEGER *timeout)
{
    TpSetWaitEx(wait, handle, timeout, NULL);
}

void NTAPI TpWaitForWait(TP_WAIT *wait, BOOL cancel) { wait_callbacks((struct tp_object *)wait, cancel); }

void NTAPI TpReleaseWait(TP_WAIT *wait)
{
    struct tp_object *obj = (struct tp_object *)wait;
    lock();
    waiter_remove_locked(obj);
    object_close_locked(obj);
    unlock();
}

/* --- I/O completions ---------------------------------------------------------- */

/* takes the packets of every I/O object's file and queues their callbacks */
static DWORD WINAPI io_main(void *arg)
{
    (void)arg;
    for (;;)
    {
        ULONG_PTR key, value;
        IO_STATUS_BLOCK iosb;
        if (NtRemoveIoCompletion(io_port, &key, &value, &iosb, NULL)) continue;
        struct tp_object *obj = (struct tp_object *)key;
        if (!obj) continue;
        struct tp_task *task = tp_alloc(sizeof(*task));
        lock();
        if (task)
        {
            task->overlapped = (void *)value;
            task->iosb = iosb;
            queue_task_locked(obj, task);
        }
        /* a started operation ends here: its hold on the object goes (an
           unannounced packet was never counted, and holds nothing) */
        if (obj->io_started > 0)
        {
            obj->io_started--;
            object_release_locked(obj);
        }
        unlock();
    }
    return 0;                              /* never: the thread lives as long as the process */
}

NTSTATUS NTAPI TpAllocIoCompletion(TP_IO **out, HANDLE file, TP_IO_CALLBACK cb, void *ctx, TP_CALLBACK_ENVIRON *env)
{
    struct tp_object *obj;
    TP_COMPLETION_INFO info;
    IO_STATUS_BLOCK io;
    NTSTATUS status;

    lock();
    if (!io_port)
    {
        HANDLE port;
        if ((status = NtCreateIoCompletion(&port, IO_COMPLETION_ALL_ACCESS, NULL, 0))) { unlock(); return status; }
        if ((status = start_thread(io_main, NULL))) { NtClose(port); unlock(); return status; }
        io_port = port;
    }
    unlock();
    if ((status = object_new(TP_IO_KIND, cb, ctx, env, &obj))) return status;
    info.port = io_port;
    info.key = (ULONG_PTR)obj;
    if ((status = NtSetInformationFile(file, &io, &info, sizeof(info), TP_FileCompletionInformation)))
    {
        object_release(obj);
        return status;
    }
    *out = (TP_IO *)obj;
    return STATUS_SUCCESS;
}

/* before each overlapped operation on the file: one completion is expected,
   and the object stays until it comes (or the caller cancels it) */
void NTAPI TpStartAsyncIoOperation(TP_IO *io)
{
    struct tp_object *obj = (struct tp_object *)io;
    lock();
    obj->io_started++;
    obj->refs++;
    unlock();
}

/* the operation failed at once or completed without a packet */
void NTAPI TpCancelAsyncIoOperation(TP_IO *io)
{
    struct tp_object *obj = (struct tp_object *)io;
    lock();
    if (obj->io_started > 0)
    {
        obj->io_started--;
        object_release_locked(obj);
    }
    unlock();
}

void NTAPI TpWaitForIoCompletion(TP_IO *io, BOOL cancel) { wait_callbacks((struct tp_object *)io, cancel); }
void NTAPI TpReleaseIoCompletion(TP_IO *io) { object_release((struct tp_object *)io); }

/* --- cleanup groups --------------------------------------------------------------- */

NTSTATUS NTAPI TpAllocCleanupGroup(TP_CLEANUP_GROUP **out)
{
    struct tp_group *group = tp_alloc(sizeof(*group));
    if (!group) return STATUS_NO_MEMORY;
    list_init(&group->members);
    *out = (TP_CLEANUP_GROUP *)group;
    return STATUS_SUCCESS;
}

/* every member: no new callbacks (timers and waits stop), the queued ones
   dropped (cancel) or let run, the running ones waited for; the cancel
   callback for each member when cancelling; then the owner's reference
   goes, as Close* would. */
void NTAPI TpReleaseCleanupGroupMembers(TP_CLEANUP_GROUP *g, BOOL cancel, void *userdata)
{
    struct tp_group *group = (struct tp_group *)g;
    LIST_ENTRY members;

    list_init(&members);
    lock();
    /* the members move to a list of our own, each held while we work on it */
    while (!list_empty(&group->members))
    {
        struct tp_object *obj = CONTAINING_RECORD(list_pop_head(&group->members), struct tp_object, group_entry);
        obj->group = NULL;
        obj->refs++;
        list_add_tail(&members, &obj->group_entry);
        timer_unset_locked(obj);
        waiter_remove_locked(obj);
    }
    unlock();
    while (!list_empty(&members))
    {
        struct tp_object *obj = CONTAINING_RECORD(list_pop_head(&members), struct tp_object, group_entry);
        wait_callbacks(obj, cancel);
        if (cancel && obj->group_cancel) obj->group_cancel(obj->context, userdata);
        lock();
        /* a callback may have set its timer or wait again */
        timer_unset_locked(obj);
        waiter_remove_locked(obj);
        object_close_locked(obj);
        object_release_locked(obj);
        unlock();
    }
}

/* members still in the group leave it; they live on as plain objects */
void NTAPI TpReleaseCleanupGroup(TP_CLEANUP_GROUP *g)
{
    struct tp_group *group = (struct tp_group *)g;
    lock();
    while (!list_empty(&group->members))
        CONTAINING_RECORD(list_pop_head(&group->members), struct tp_object, group_entry)->group = NULL;
    unlock();
    tp_free(group);
}

/* --- callback instances ---------------------------------------------------- */

static struct tp_instance *inst(TP_CALLBACK_INSTANCE *i) { return (struct tp_instance *)i; }

void NTAPI TpCallbackSetEventOnCompletion(TP_CALLBACK_INSTANCE *i, HANDLE event) { inst(i)->set_event = event; }
void NTAPI TpCallbackReleaseMutexOnCompletion(TP_CALLBACK_INSTANCE *i, HANDLE m) { inst(i)->release_mutex = m; }
void NTAPI TpCallbackLeaveCriticalSectionOnCompletion(TP_CALLBACK_INSTANCE *i, RTL_CRITICAL_SECTION *cs)
{
    inst(i)->leave_cs = cs;
}
void NTAPI TpCallbackReleaseSemaphoreOnCompletion(TP_CALLBACK_INSTANCE *i, HANDLE sem, DWORD count)
{
    inst(i)->release_sem = sem;
    inst(i)->sem_count = count;
}
void NTAPI TpCallbackUnloadDllOnCompletion(TP_CALLBACK_INSTANCE *i, HMODULE module) { inst(i)->unload = module; }

/* the callback goes on, but no longer as its object's: waits for the
   object's callbacks (WaitForThreadpool*Callbacks, the cleanup group) no
   longer wait for it, so it may itself wait for its object */
void NTAPI TpDisassociateCallback(TP_CALLBACK_INSTANCE *i)
{
    struct tp_object *obj = inst(i)->obj;
    lock();
    if (!inst(i)->disassociated)
    {
        inst(i)->disassociated = TRUE;
        if (!--obj->running && !obj->pending) RtlWakeAllConditionVariable(&obj->done_cv);
    }
    unlock();
}

/* the callback may keep its thread when another thread is free for the
   pool's other callbacks: an idle one not needed by queued work, or a new
   one below the maximum; none (a full pool) is STATUS_TOO_MANY_THREADS,
   FALSE in kernel32 */
NTSTATUS NTAPI TpCallbackMayRunLong(TP_CALLBACK_INSTANCE *i)
{
    struct tp_object *obj = inst(i)->obj;
    struct tp_pool *pool = obj->pool;
    NTSTATUS status = STATUS_SUCCESS;
    lock();
    if (!inst(i)->may_run_long && pool->idle <= pool->queued)
    {
        if (pool->threads >= pool->max) status = STATUS_TOO_MANY_THREADS;
        else pool_spawn_locked(pool);
    }
    if (!status) inst(i)->may_run_long = TRUE;
    unlock();
    return status;
}

/* --- RtlQueueWorkItem -------------------------------------------------------- */

struct rtl_item { void (NTAPI *fn)(void *); void *ctx; };

static void CALLBACK rtl_item_run(TP_CALLBACK_INSTANCE *i, void *arg)
{
    struct rtl_item item = *(struct rtl_item *)arg;
    (void)i;
    tp_free(arg);
    item.fn(item.ctx);
}

/* the WT_* flags only hint at the kind of thread; every worker suits them all */
NTSTATUS NTAPI RtlQueueWorkItem(void (NTAPI *fn)(void *), void *ctx, ULONG flags)
{
    (void)flags;
    struct rtl_item *item = tp_alloc(sizeof(*item));
    if (!item) return STATUS_NO_MEMORY;
    item->fn = fn;
    item->ctx = ctx;
    NTSTATUS status = TpSimpleTryPost(rtl_item_run, item, NULL);
    if (status) tp_free(item);
    return status;
}

/* --- RtlRegisterWait --------------------------------------------------------- */

typedef void (NTAPI *RTL_WAIT_FN)(void *, BOOLEAN);

struct rtl_wait { TP_WAIT *wait; RTL_WAIT_FN fn; void *ctx; };

static void CALLBACK rtl_wait_run(TP_CALLBACK_INSTANCE *i, void *arg, TP_WAIT *wait, ULONG result)
{
    struct rtl_wait *w = arg;
    (void)i; (void)wait;
    w->fn(w->ctx, result == WAIT_TIMEOUT);
}

NTSTATUS NTAPI RtlRegisterWait(HANDLE *out, HANDLE handle, RTL_WAIT_FN fn, void *ctx, ULONG ms, ULONG flags)
{
    struct rtl_wait *w = tp_alloc(sizeof(*w));
    if (!w) return STATUS_NO_MEMORY;
    w->fn = fn;
    w->ctx = ctx;
    NTSTATUS status = TpAllocWait(&w->wait, rtl_wait_run, w, NULL);
    if (status) { tp_free(w); return status; }
    struct tp_object *obj = (struct tp_object *)w->wait;
    obj->owns_context = TRUE;
    obj->repeat = !(flags & WT_EXECUTEONLYONCE);
    obj->repeat_ms = ms;
    LARGE_INTEGER t = { .QuadPart = -(LONGLONG)ms * 10000 };
    TpSetWait(w->wait, handle, ms == INFINITE ? NULL : &t);
    *out = w;
    return STATUS_SUCCESS;
}

/* event NULL: return at once (STATUS_PENDING while a callback runs);
   INVALID_HANDLE_VALUE: wait for the callbacks; else: set it when they are done */
static NTSTATUS rtl_delete(struct tp_object *obj, HANDLE event)
{
    NTSTATUS status = STATUS_SUCCESS;
    lock();
    waiter_remove_locked(obj);
    timer_unset_locked(obj);
    unlock();
    if (event == INVALID_HANDLE_VALUE) wait_callbacks(obj, FALSE);
    lock();
    if (!event && obj->running) status = STATUS_PENDING;
    if (event && event != INVALID_HANDLE_VALUE) obj->freed_event = event;
    object_close_locked(obj);
    unlock();
    return status;
}

NTSTATUS NTAPI RtlDeregisterWaitEx(HANDLE handle, HANDLE event)
{
    struct rtl_wait *w = handle;
    if (!w) return STATUS_INVALID_HANDLE;
    /* w, the callback's context, goes with the object after its last callback */
    return rtl_delete((struct tp_object *)w->wait, event);
}

NTSTATUS NTAPI RtlDeregisterWait(HANDLE handle) { return RtlDeregisterWaitEx(handle, NULL); }

/* --- timer queues ------------------------------------------------------------ */

typedef void (NTAPI *RTL_TIMER_FN)(void *, BOOLEAN);

struct rtl_queue { LIST_ENTRY timers; };
struct rtl_timer { LIST_ENTRY entry; TP_TIMER *timer; RTL_TIMER_FN fn; void *ctx; struct rtl_queue *queue; };

static struct rtl_queue *default_queue;

static void CALLBACK rtl_timer_run(TP_CALLBACK_INSTANCE *i, void *arg, TP_TIMER *timer)
{
    struct rtl_timer *t = arg;
    (void)i; (void)timer;
    t->fn(t->ctx, TRUE);
}

NTSTATUS NTAPI RtlCreateTimerQueue(HANDLE *out)
{
    struct rtl_queue *q = tp_alloc(sizeof(*q));
    if (!q) return STATUS_NO_MEMORY;
    list_init(&q->timers);
    *out = q;
    return STATUS_SUCCESS;
}

static struct rtl_queue *get_queue(HANDLE h)
{
    if (h) return h;
    lock();
    if (!default_queue && (default_queue = tp_alloc(sizeof(*default_queue))))
        list_init(&default_queue->timers);
    unlock();
    return default_queue;
}

static void rtl_timer_set(struct rtl_timer *t, DWORD due, DWORD period)
{
    LARGE_INTEGER d = { .QuadPart = -(LONGLONG)due * 10000 };
    TpSetTimer(t->timer, &d, period, 0);
}

NTSTATUS NTAPI RtlCreateTimer(HANDLE queue, HANDLE *out, RTL_TIMER_FN fn, void *ctx, DWORD due, DWORD period,
                              ULONG flags)
{
    (void)flags;
    struct rtl_queue *q = get_queue(queue);
    struct rtl_timer *t = tp_alloc(sizeof(*t));
    if (!q || !t) { tp_free(t); return STATUS_NO_MEMORY; }
    t->fn = fn;
    t->ctx = ctx;
    t->queue = q;
    NTSTATUS status = TpAllocTimer(&t->timer, rtl_timer_run, t, NULL);
    if (status) { tp_free(t); return status; }
    ((struct tp_object *)t->timer)->owns_context = TRUE;
    lock();
    list_add_tail(&q->timers, &t->entry);
    unlock();
    rtl_timer_set(t, due, period);
    *out = t;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlChangeTimer(HANDLE queue, HANDLE timer, DWORD due, DWORD period)
{
    (void)queue;
    if (!timer) return STATUS_INVALID_PARAMETER_2;
    rtl_timer_set(timer, due, period);
    return STATUS_SUCCESS;
}

static NTSTATUS rtl_timer_delete(struct rtl_timer *t, HANDLE event)
{
    lock();
    list_remove(&t->entry);
    unlock();
    return rtl_delete((struct tp_object *)t->timer, event);
}

NTSTATUS NTAPI RtlDeleteTimer(HANDLE queue, HANDLE timer, HANDLE event)
{
    (void)queue;
    if (!timer) return STATUS_INVALID_PARAMETER_2;
    return rtl_timer_delete(timer, event);
}

/* deletes every timer of the queue, then the queue */
NTSTATUS NTAPI RtlDeleteTimerQueueEx(HANDLE queue, HANDLE event)
{
    struct rtl_queue *q = queue;
    NTSTATUS status = STATUS_SUCCESS;
    if (!q) return STATUS_INVALID_HANDLE;
    for (;;)
    {
        lock();
        struct rtl_timer *t = list_empty(&q->timers) ? NULL
                              : CONTAINING_RECORD(q->timers.Flink, struct rtl_timer, entry);
        unlock();
        if (!t) break;
        if (rtl_timer_delete(t, event == INVALID_HANDLE_VALUE ? event : NULL) == STATUS_PENDING && !event)
            status = STATUS_PENDING;
    }
    tp_free(q);
    /* approximation: set at once, not after callbacks still running */
    if (event && event != INVALID_HANDLE_VALUE) NtSetEvent(event, NULL);
    return status;
}

NTSTATUS NTAPI RtlDeleteTimerQueue(HANDLE queue) { return RtlDeleteTimerQueueEx(queue, INVALID_HANDLE_VALUE); }
