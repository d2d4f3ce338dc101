/*
 * ntdll/unix/sync.c — events, mutexes, semaphores and waitable timers, and
 * waiting on any waitable object (NtWaitForSingleObject/MultipleObjects,
 * NtDelayExecution, alertable or not; the private futex syscalls).
 *
 * Design (see doc/ARCHITECTURE.md, "Synchronization objects"):
 * - Every waitable object exposes a struct sync_state (private.h): a few
 *   fixed-width fields guarded by a futex lock word, and a futex word `seq`
 *   that every signal bumps. Nothing in it is a pointer, so it can later
 *   move into memory shared with wlxserver for named / cross-process objects.
 * - A wait checks each object under its lock ("is it signaled for me?" and,
 *   if so, "satisfy": consume an auto-reset event, a semaphore count, take
 *   a mutex). If none is, the waiter registers (`waiters`), remembers `seq`
 *   and sleeps in futex_waitv on the seq words of all its objects at once
 *   (Linux 5.16+). Any signal wakes it and it checks again. A signaler whose
 *   object has no registered waiter makes no syscall.
 * - Wait-all locks all its objects (in address order), and satisfies them
 *   all or none, so it is atomic against other waiters and signalers.
 * - PulseEvent and a SetEvent quickly followed by ResetEvent must release
 *   the threads that were waiting at that moment: `set_seq` records the seq
 *   of the last set/pulse, and a waiter registered before it counts the
 *   event as signaled (an auto-reset event's pulse leaves one ticket).
 * - Objects that provide only ops->wait (no sync state) are waited on with
 *   it alone, and polled every millisecond in a multiple-object wait.
 * - Mutexes know their owner by Windows thread id; each thread counts the
 *   mutexes it holds, and one that exits holding any abandons them
 *   (sync_thread_exit, called by thread.c, which also drops its APC queue).
 * - An alertable wait also sleeps on the caller's APC queue word (apc.c)
 *   and returns STATUS_USER_APC when APCs are queued; the PE side runs them.
 * - A waitable timer is an event's state. A private one without completion
 *   routine is passive: whoever looks at it after its due time (a waiter,
 *   which sleeps no longer than that) fires it. Others are signaled by a
 *   thread of their own.
 * - Named events, mutexes and semaphores (and any that must cross to
 *   another process: inheritable, duplicated or inherited) keep their state
 *   in a slot of memory shared through wlxserver (syncshare.c); the same
 *   code works on it with shared futexes and a PI lock (wlx/syncslot.h).
 *   A private state that becomes shared is copied to a slot and marked
 *   SYNC_MOVED: whoever locks it afterwards looks again (lock_object).
 * - A named or inheritable waitable timer is shared the same way; the
 *   process that sets it fires it (see "waitable timers").
 * Named sections live in a list of this process (and are published to the
 * server for other processes, syncshare.c).
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
#include "xhandle.h"
#include "sync.h"
#include "thread.h"
#include "iocp.h"

#define STATUS_SEMAPHORE_LIMIT_EXCEEDED ((NTSTATUS)0xC0000047)
#define STATUS_INVALID_PARAMETER_MIX    ((NTSTATUS)0xC0000030)
#define MAXIMUM_WAIT_OBJECTS 64

/* --- futexes ------------------------------------------------------------- */

#ifndef SYS_futex_waitv
#define SYS_futex_waitv 449
#endif
struct waitv { uint64_t val; uint64_t uaddr; uint32_t flags; uint32_t reserved; };
/* FUTEX2_SIZE_U32 | FUTEX2_PRIVATE for private states, FUTEX2_SIZE_U32
   alone for states shared with other processes */
#define WAITV_U32_PRIVATE (0x02 | 128)
#define WAITV_U32_SHARED  0x02

static void futex_wake_all(uint32_t *addr, int shared)
{
    syscall(SYS_futex, addr, shared ? FUTEX_WAKE : FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
}

static uint32_t waitv_flags(const struct sync_state *s)
{
    return (s->flags & SYNC_SHARED) ? WAITV_U32_SHARED : WAITV_U32_PRIVATE;
}

/* a deadline: absolute on CLOCK_MONOTONIC (relative NT timeouts) or on
   CLOCK_REALTIME (absolute NT times) */
struct deadline { int infinite, zero, clock; struct timespec ts; };

static void deadline_init(struct deadline *d, const LARGE_INTEGER *timeout)
{
    int absolute = 0;
    d->zero = 0;
    d->clock = CLOCK_MONOTONIC;
    d->infinite = !nt_timeout_to_timespec(timeout, &d->ts, &absolute);
    if (d->infinite) return;
    d->clock = absolute ? CLOCK_REALTIME : CLOCK_MONOTONIC;
    if (absolute) return;
    if (!d->ts.tv_sec && !d->ts.tv_nsec) { d->zero = 1; return; }
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    d->ts.tv_sec += now.tv_sec;
    d->ts.tv_nsec += now.tv_nsec;
    if (d->ts.tv_nsec >= 1000000000) { d->ts.tv_sec++; d->ts.tv_nsec -= 1000000000; }
}

static int no_waitv;   /* the kernel lacks futex_waitv */

static int64_t mono_ns(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

/* wake_by (CLOCK_MONOTONIC ns, 0: none), or sooner: in a millisecond, to
   look again at what a sleep cannot watch */
static int64_t poll_soon(int64_t wake_by)
{
    int64_t soon = mono_ns() + 1000000;
    return !wake_by || soon < wake_by ? soon : wake_by;
}

/* whether the deadline comes after wake_by (CLOCK_MONOTONIC ns); an
   absolute one (CLOCK_REALTIME) is compared by the time left to each */
static int deadline_after(const struct deadline *d, int64_t wake_by)
{
    if (d->infinite) return 1;
    int64_t end = (int64_t)d->ts.tv_sec * 1000000000 + d->ts.tv_nsec;
    if (d->clock == CLOCK_MONOTONIC) return end > wake_by;
    struct timespec real;
    clock_gettime(CLOCK_REALTIME, &real);
    return end - ((int64_t)real.tv_sec * 1000000000 + real.tv_nsec) > wake_by - mono_ns();
}

/* sleeps until one of the words changes from its value or the deadline
   passes; wake_by (CLOCK_MONOTONIC ns, 0: none) ends the sleep earlier
   without a timeout: the caller has something to look at then (a passive
   timer coming due, an object that can only be polled) */
static NTSTATUS futex_sleep_raw(struct waitv *w, int n, const struct deadline *d, int64_t wake_by)
{
    struct timespec ts = d->ts;
    int clock = d->clock, capped = 0;
    if (n > 1 && no_waitv) wake_by = poll_soon(wake_by);   /* only the first word is slept on */
    if (wake_by && deadline_after(d, wake_by))
    {
        ts.tv_sec = wake_by / 1000000000;
        ts.tv_nsec = wake_by % 1000000000;
        clock = CLOCK_MONOTONIC;
        capped = 1;
    }
    if (!n)
    {
        while (clock_nanosleep(clock, TIMER_ABSTIME, &ts, NULL) == EINTR) ;
        return capped ? STATUS_SUCCESS : STATUS_TIMEOUT;
    }
    const struct timespec *abs = (d->infinite && !capped) ? NULL : &ts;
    long r;
    if (n == 1 || no_waitv)
    {
        /* one word (or a kernel older than 5.16: then the first word, polled) */
        int op = ((w->flags & 128) ? FUTEX_WAIT_BITSET_PRIVATE : FUTEX_WAIT_BITSET)
                 | (clock == CLOCK_REALTIME ? FUTEX_CLOCK_REALTIME : 0);
        r = syscall(SYS_futex, (uint32_t *)(uintptr_t)w->uaddr, op, (uint32_t)w->val, abs, NULL, FUTEX_BITSET_MATCH_ANY);
    }
    else
    {
        r = syscall(SYS_futex_waitv, w, n, 0, abs, clock);
        if (r < 0 && errno == ENOSYS) no_waitv = 1;
    }
    if (r < 0 && errno == ETIMEDOUT && !capped) return STATUS_TIMEOUT;
    return STATUS_SUCCESS;
}

/* a thread running for a completion port that blocks lets another run
   (NumberOfConcurrentThreads, iocp.c) */
static NTSTATUS futex_sleep(struct waitv *w, int n, const struct deadline *d, int64_t wake_by)
{
    struct port *ran = iocp_block_begin();
    NTSTATUS status = futex_sleep_raw(w, n, d, wake_by);
    if (ran) iocp_block_end(ran);
    return status;
}

/* --- the state lock --------------------------------------------------------
   Private states: a three-state futex mutex. Shared states: a PI futex
   holding the holder's Linux tid, so that a holder killed with it held
   cannot block the others (wlx/syncslot.h). */

static __thread uint32_t unix_tid;

static uint32_t linux_tid(void)
{
    if (!unix_tid) unix_tid = gettid();
    return unix_tid;
}

void state_lock(struct sync_state *s)
{
    if (s->flags & SYNC_SHARED) { sync_shared_lock(s, linux_tid(), NULL); return; }
    uint32_t c = 0;
    if (__atomic_compare_exchange_n(&s->lock, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) return;
    if (c != 2) c = __atomic_exchange_n(&s->lock, 2, __ATOMIC_ACQUIRE);
    while (c)
    {
        syscall(SYS_futex, &s->lock, FUTEX_WAIT_PRIVATE, 2, NULL, NULL, 0);
        c = __atomic_exchange_n(&s->lock, 2, __ATOMIC_ACQUIRE);
    }
}

void state_unlock(struct sync_state *s)
{
    if (s->flags & SYNC_SHARED) { sync_shared_unlock(s, linux_tid()); return; }
    if (__atomic_exchange_n(&s->lock, 0, __ATOMIC_RELEASE) == 2)
        syscall(SYS_futex, &s->lock, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

/* under the lock: a change waiters must see; returns whether to wake them */
int state_bump(struct sync_state *s)
{
    __atomic_store_n(&s->seq, s->seq + 1, __ATOMIC_RELEASE);
    return s->waiters != 0;
}

void state_unlock_wake(struct sync_state *s, int wake)
{
    int shared = s->flags & SYNC_SHARED;
    state_unlock(s);
    if (wake) futex_wake_all(&s->seq, shared);
}

/* the object's current state, locked (a state that moved to a shared slot
   sends us to its new place) */
struct sync_state *lock_object(struct sync_object *o)
{
    for (;;)
    {
        struct sync_state *s = __atomic_load_n(&o->s, __ATOMIC_ACQUIRE);
        state_lock(s);
        if (!(s->flags & SYNC_MOVED)) return s;
        state_unlock(s);
    }
}

/* --- signaled / satisfy ------------------------------------------------ */

static __thread uint32_t owned_mutexes;   /* mutexes this thread holds */

uint32_t current_tid(void)
{
    uint64_t tid;
    __asm__ ("movq %%gs:0x48, %0" : "=r"(tid));   /* TEB ClientId.UniqueThread */
    return (uint32_t)tid;
}

/* since: the seq the waiter registered at (pulses after it count), or
   ~0 when it is not registered or in a wait-all */
static int is_signaled(const struct sync_state *s, uint32_t tid, int registered, uint32_t since)
{
    int pulsed = registered && (int32_t)(s->set_seq - since) > 0;
    switch (s->type)
    {
    case SYNC_MANUAL_EVENT: return s->count || pulsed;
    case SYNC_AUTO_EVENT:   return s->count || (pulsed && s->tickets);
    case SYNC_SEMAPHORE:    return s->count > 0;
    case SYNC_MUTEX:        return !s->owner || s->owner == tid;
    }
    return 0;
}

/* consumes what the wait took; returns 1 for an abandoned mutex */
static int satisfy(struct sync_state *s, uint32_t tid)
{
    switch (s->type)
    {
    case SYNC_AUTO_EVENT:
        if (s->count) s->count = 0;
        else s->tickets--;
        break;
    case SYNC_SEMAPHORE:
        s->count--;
        break;
    case SYNC_MUTEX:
        if (!s->owner) { s->owner = tid; s->owner_pid = wlx_process_id; owned_mutexes++; }
        s->count++;
        if (s->abandoned) { s->abandoned = 0; return 1; }
        break;
    }
    return 0;
}

/* under the lock: a manual-reset event (or a timer) becomes signaled;
   returns whether to wake */
static int signal_locked(struct sync_state *s)
{
    s->count = 1;
    int wake = state_bump(s);
    s->set_seq = s->seq;
    return wake;
}

void sync_signal_manual(struct sync_state *s)
{
    state_lock(s);
    state_unlock_wake(s, signal_locked(s));
}

/* --- the objects ------------------------------------------------------- */

/* struct sync_object is in private.h: named sections share the namespace */

static struct sync_state *object_sync(struct wlx_object *obj)
{
    return __atomic_load_n(&((struct sync_object *)obj)->s, __ATOMIC_ACQUIRE);
}

static pthread_mutex_t names_lock = PTHREAD_MUTEX_INITIALIZER;
static struct sync_object *named_objects;     /* named events, mutexes, semaphores */
static pthread_mutex_t mutexes_lock = PTHREAD_MUTEX_INITIALIZER;   /* mutex_list */

static void list_remove(struct sync_object **list, struct sync_object *o)
{
    for (struct sync_object **p = list; *p; p = &(*p)->next)
        if (*p == o) { *p = o->next; return; }
}

static void named_destroy(struct wlx_object *obj)
{
    struct sync_object *o = (struct sync_object *)obj;
    if (o->slot) syncshare_forget(o);
    if (!o->name) return;
    pthread_mutex_lock(&names_lock);
    list_remove(&named_objects, o);
    pthread_mutex_unlock(&names_lock);
    free(o->name);
}

/* Windows' generic mappings of the four types (read, write, execute, all):
   STANDARD_RIGHTS_READ/WRITE/EXECUTE (0x20000) with the type's query
   (0x1), modify (0x2) and SYNCHRONIZE rights */
static const ACCESS_MASK event_generic[4] = { 0x20001, 0x20002, 0x120000, 0x1f0003 };
static const ACCESS_MASK mutant_generic[4] = { 0x20001, 0x20000, 0x120000, 0x1f0001 };
#define semaphore_generic event_generic
#define timer_generic event_generic
#define QUERY_STATE  0x1          /* EVENT_/MUTANT_/SEMAPHORE_/TIMER_QUERY_STATE */
#define MODIFY_STATE 0x2          /* EVENT_/SEMAPHORE_/TIMER_MODIFY_STATE */

const struct object_ops event_ops = { "Event", named_destroy, NULL, object_sync, syncshare_export, event_generic };
const struct object_ops semaphore_ops = { "Semaphore", named_destroy, NULL, object_sync, syncshare_export,
                                          semaphore_generic };

/* mutexes are in two lists: the name list through `next` and the list of
   all mutexes through this side record */
struct mutex_object {
    struct sync_object base;
    struct mutex_object *next_mutex;
};

static struct mutex_object *mutex_list;      /* for abandoning at thread exit */

static void mutex_unlink_destroy(struct wlx_object *obj)
{
    struct mutex_object *m = (struct mutex_object *)obj;
    pthread_mutex_lock(&mutexes_lock);
    for (struct mutex_object **p = &mutex_list; *p; p = &(*p)->next_mutex)
        if (*p == m) { *p = m->next_mutex; break; }
    pthread_mutex_unlock(&mutexes_lock);
    named_destroy(obj);
}

const struct object_ops mutex_ops = { "Mutant", mutex_unlink_destroy, NULL, object_sync, syncshare_export,
                                      mutant_generic };

/* a new mutex object: it joins the list abandoned at thread exit */
void sync_track_mutex(struct sync_object *o)
{
    struct mutex_object *m = (struct mutex_object *)o;
    pthread_mutex_lock(&mutexes_lock);
    m->next_mutex = mutex_list;
    mutex_list = m;
    pthread_mutex_unlock(&mutexes_lock);
}

void sync_thread_exit(uint32_t tid)
{
    apc_thread_exit(tid);
    iocp_thread_exit();
    if (!owned_mutexes) return;
    pthread_mutex_lock(&mutexes_lock);
    for (struct mutex_object *m = mutex_list; m; m = m->next_mutex)
    {
        struct sync_state *s = lock_object(&m->base);
        int wake = 0;
        if (s->owner == tid)
        {
            s->owner = 0;
            s->owner_pid = 0;
            s->count = 0;
            s->abandoned = 1;
            wake = state_bump(s);
        }
        state_unlock_wake(s, wake);
    }
    pthread_mutex_unlock(&mutexes_lock);
    owned_mutexes = 0;
}

/* links a named object into this process's list under a copy of n;
   -1 when out of memory */
int sync_add_named(struct sync_object *o, const UNICODE_STRING *n)
{
    if (!(o->name = malloc(n->Length ? n->Length : 1))) return -1;
    memcpy(o->name, n->Buffer, n->Length);
    o->name_len = n->Length / sizeof(WCHAR);
    pthread_mutex_lock(&names_lock);
    o->next = named_objects;
    named_objects = o;
    pthread_mutex_unlock(&names_lock);
    return 0;
}

static size_t timer_object_size(void);

/* the size of an event, mutex, semaphore or timer object (0 for other types:
   they are never shared through the server's namespace) */

size_t sync_object_size(const struct object_ops *ops)
{
    if (ops == &mutex_ops) return sizeof(struct mutex_object);
    if (ops == &timer_ops) return timer_object_size();
    return ops == &event_ops || ops == &semaphore_ops ? sizeof(struct sync_object) : 0;
}

void sync_note_owned(void)
{
    owned_mutexes++;
}

/* takes a reference on a live named object (one whose refcount has not
   reached zero: that one is being destroyed) */
static struct sync_object *find_named(const WCHAR *name, size_t len)
{
    for (struct sync_object *o = named_objects; o; o = o->next)
    {
        if (o->name_len != len || memcmp(o->name, name, len * sizeof(WCHAR))) continue;
        int ref = __atomic_load_n(&o->obj.refcount, __ATOMIC_RELAXED);
        while (ref > 0)
            if (__atomic_compare_exchange_n(&o->obj.refcount, &ref, ref + 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
                return o;
        return NULL;
    }
    return NULL;
}

static int has_name(const OBJECT_ATTRIBUTES *attr)
{
    return attr && attr->ObjectName && attr->ObjectName->Length;
}

/* creates the object, or opens the existing one of that name
   (STATUS_OBJECT_NAME_EXISTS); *created says which */
static NTSTATUS create_object(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr,
                              const struct object_ops *ops, size_t size, const struct sync_state *init,
                              struct sync_object **created)
{
    struct sync_object *o;
    NTSTATUS status = STATUS_SUCCESS;
    *created = NULL;
    if (!handle) return STATUS_ACCESS_VIOLATION;
    /* named or inheritable events, mutexes, semaphores: shared from the start */
    if (sync_object_size(ops) && (has_name(attr) || (attr && (attr->Attributes & OBJ_INHERIT))))
        return syncshare_create(handle, access, attr, ops, init, 0);
    if (has_name(attr))
    {
        const UNICODE_STRING *n = attr->ObjectName;
        uint32_t slot = 0;
        pthread_mutex_lock(&names_lock);
        o = find_named(n->Buffer, n->Length / sizeof(WCHAR));
        pthread_mutex_unlock(&names_lock);
        /* a type other processes can rebuild (sections) is also named in the
           server: created there, or imported when another process has it */
        if (!o && ops->export && (status = syncshare_create_exported(attr, ops, 0, &slot, &o)) < 0) return status;
        if (o)
        {
            if (o->obj.ops != ops) { object_release(&o->obj); return STATUS_OBJECT_TYPE_MISMATCH; }
            status = STATUS_OBJECT_NAME_EXISTS;
        }
        else if ((o = object_new(ops, size)) && !sync_add_named(o, n))
        {
            o->state = *init;
            o->s = &o->state;
            o->slot = slot;
            o->server_refs = slot != 0;
            *created = o;
        }
        else
        {
            if (o) object_release(&o->obj);
            if (slot) syncshare_release(slot);
            return STATUS_NO_MEMORY;
        }
    }
    else
    {
        if (!(o = object_new(ops, size))) return STATUS_NO_MEMORY;
        o->state = *init;
        o->s = &o->state;
        *created = o;
    }
    *handle = handle_alloc(&o->obj, access, attr ? attr->Attributes & OBJ_INHERIT : 0);
    if (!*handle) { object_release(&o->obj); *created = NULL; return STATUS_NO_MEMORY; }
    return status;
}

static NTSTATUS open_object(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr,
                            const struct object_ops *ops)
{
    if (!handle) return STATUS_ACCESS_VIOLATION;
    if (!has_name(attr)) return STATUS_OBJECT_PATH_SYNTAX_BAD;
    if (sync_object_size(ops)) return syncshare_create(handle, access, attr, ops, NULL, 1);
    pthread_mutex_lock(&names_lock);
    struct sync_object *o = find_named(attr->ObjectName->Buffer, attr->ObjectName->Length / sizeof(WCHAR));
    pthread_mutex_unlock(&names_lock);
    if (!o && ops->export)
    {
        uint32_t slot;
        NTSTATUS status = syncshare_create_exported(attr, ops, 1, &slot, &o);
        if (status) return status;
    }
    if (!o) return STATUS_OBJECT_NAME_NOT_FOUND;
    if (o->obj.ops != ops) { object_release(&o->obj); return STATUS_OBJECT_TYPE_MISMATCH; }
    *handle = handle_alloc(&o->obj, access, attr->Attributes & OBJ_INHERIT);
    if (!*handle) { object_release(&o->obj); return STATUS_NO_MEMORY; }
    return STATUS_SUCCESS;
}

/* Other named types share this namespace (sections, section.c): their
   object starts with a struct sync_object whose state is unused, and their
   destroy calls sync_named_destroy. */
NTSTATUS sync_create_named(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr,
                           const struct object_ops *ops, size_t size, struct sync_object **created)
{
    static const struct sync_state unused;
    return create_object(handle, access, attr, ops, size, &unused, created);
}

NTSTATUS sync_open_named(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr,
                         const struct object_ops *ops)
{
    return open_object(handle, access, attr, ops);
}

void sync_named_destroy(struct wlx_object *obj)
{
    named_destroy(obj);
}

/* A named object of another type (a section) is fully set up: other
   processes may now open it by name (its export goes to the server). Until
   then their opens wait for it (briefly). */
void sync_named_ready(struct sync_object *o)
{
    if (o->slot && o->obj.ops->export) syncshare_publish(o);
}

/* the object of a handle of the type with the rights in need */
static NTSTATUS get_object(HANDLE h, const struct object_ops *ops, ACCESS_MASK need, struct sync_object **o)
{
    return handle_get_access(h, ops, need, (struct wlx_object **)o);
}

/* --- events ------------------------------------------------------------ */

NTSTATUS WINAPI unix_NtCreateEvent(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr,
                                   uint32_t type, uint8_t initial)
{
    struct sync_object *o;
    if (type > 1) return STATUS_INVALID_PARAMETER;
    struct sync_state init = { .type = type ? SYNC_AUTO_EVENT : SYNC_MANUAL_EVENT, .count = !!initial };
    return create_object(handle, access, attr, &event_ops, sizeof(struct sync_object), &init, &o);
}

NTSTATUS WINAPI unix_NtOpenEvent(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr)
{
    return open_object(handle, access, attr, &event_ops);
}

/* sets a locked event's state; says whether waiters are to be woken */
static int event_set_locked(struct sync_state *s)
{
    int wake;
    s->count = 1;
    wake = state_bump(s);
    s->set_seq = s->seq;
    return wake;
}

/* An overlapped I/O's event, held as an object until the I/O completes:
   a completion that comes after the program saw the status block and
   closed the handle (whose value a new event may then have) sets the
   event it was given, as Windows' I/O manager does. NULL: not an event. */
struct wlx_object *sync_event_ref(HANDLE h)
{
    struct sync_object *o;
    return get_object(h, &event_ops, 0, &o) ? NULL : &o->obj;
}

/* sets an event held by sync_event_ref and lets it go */
void sync_event_set_release(struct wlx_object *obj)
{
    struct sync_object *o = (struct sync_object *)obj;
    struct sync_state *s = lock_object(o);
    state_unlock_wake(s, event_set_locked(s));
    object_release(obj);
}

enum event_op { EVENT_SET, EVENT_RESET, EVENT_PULSE };

static NTSTATUS event_op(HANDLE h, enum event_op op, int32_t *prev)
{
    struct sync_object *o;
    NTSTATUS status = get_object(h, &event_ops, MODIFY_STATE, &o);
    if (status) return status;
    struct sync_state *s = lock_object(o);
    int wake = 0;
    if (prev) *prev = s->count;
    switch (op)
    {
    case EVENT_SET:
        wake = event_set_locked(s);
        break;
    case EVENT_RESET:
        s->count = 0;
        break;
    case EVENT_PULSE:
        /* releases the threads waiting now (one for an auto-reset event)
           and leaves the event reset */
        s->count = 0;
        if (s->waiters)
        {
            wake = state_bump(s);
            s->set_seq = s->seq;
            if (s->type == SYNC_AUTO_EVENT) s->tickets = 1;
        }
        break;
    }
    state_unlock_wake(s, wake);
    object_release(&o->obj);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI unix_NtSetEvent(HANDLE h, int32_t *prev) { return event_op(h, EVENT_SET, prev); }
NTSTATUS WINAPI unix_NtResetEvent(HANDLE h, int32_t *prev) { return event_op(h, EVENT_RESET, prev); }
NTSTATUS WINAPI unix_NtClearEvent(HANDLE h) { return event_op(h, EVENT_RESET, NULL); }
NTSTATUS WINAPI unix_NtPulseEvent(HANDLE h, int32_t *prev) { return event_op(h, EVENT_PULSE, prev); }

/* EventBasicInformation: { EVENT_TYPE EventType; LONG EventState; } */
NTSTATUS WINAPI unix_NtQueryEvent(HANDLE h, uint32_t cls, void *info, uint32_t len, uint32_t *ret_len)
{
    struct sync_object *o;
    if (cls != 0) return STATUS_INVALID_INFO_CLASS;
    if (len < 8) return STATUS_INFO_LENGTH_MISMATCH;
    NTSTATUS status = get_object(h, &event_ops, QUERY_STATE, &o);
    if (status) return status;
    int32_t *out = info;
    struct sync_state *s = object_sync(&o->obj);
    out[0] = s->type == SYNC_AUTO_EVENT;
    out[1] = __atomic_load_n(&s->count, __ATOMIC_ACQUIRE);
    if (ret_len) *ret_len = 8;
    object_release(&o->obj);
    return STATUS_SUCCESS;
}

/* --- mutexes ----------------------------------------------------------- */

NTSTATUS WINAPI unix_NtCreateMutant(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr, uint8_t owned)
{
    struct sync_object *o;
    struct sync_state init = { .type = SYNC_MUTEX };
    if (owned) init.owner = current_tid(), init.count = 1;
    if (owned) init.owner_pid = wlx_process_id;
    NTSTATUS status = create_object(handle, access, attr, &mutex_ops, sizeof(struct mutex_object), &init, &o);
    if (o)
    {
        if (owned) owned_mutexes++;
        sync_track_mutex(o);
    }
    return status;
}

NTSTATUS WINAPI unix_NtOpenMutant(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr)
{
    return open_object(handle, access, attr, &mutex_ops);
}

static NTSTATUS mutex_release(struct sync_object *o, int32_t *prev)
{
    struct sync_state *s = lock_object(o);
    int wake = 0;
    NTSTATUS status = STATUS_SUCCESS;
    if (s->owner != current_tid()) status = STATUS_MUTANT_NOT_OWNED;
    else
    {
        /* the mutant's "count" as NtQueryMutant shows it: 1 free, 0 held
           once, negative when held recursively */
        if (prev) *prev = 1 - s->count;
        if (!--s->count)
        {
            s->owner = 0;
            s->owner_pid = 0;
            owned_mutexes--;
            wake = state_bump(s);
        }
    }
    state_unlock_wake(s, wake);
    return status;
}

NTSTATUS WINAPI unix_NtReleaseMutant(HANDLE h, int32_t *prev)
{
    struct sync_object *o;
    NTSTATUS status = get_object(h, &mutex_ops, 0, &o);
    if (status) return status;
    status = mutex_release(o, prev);
    object_release(&o->obj);
    return status;
}

/* MutantBasicInformation: { LONG CurrentCount; BOOLEAN OwnedByCaller, AbandonedState; } */
NTSTATUS WINAPI unix_NtQueryMutant(HANDLE h, uint32_t cls, void *info, uint32_t len, uint32_t *ret_len)
{
    struct sync_object *o;
    if (cls != 0) return STATUS_INVALID_INFO_CLASS;
    if (len < 8) return STATUS_INFO_LENGTH_MISMATCH;
    NTSTATUS status = get_object(h, &mutex_ops, QUERY_STATE, &o);
    if (status) return status;
    uint8_t *out = info;
    struct sync_state *s = lock_object(o);
    *(int32_t *)out = 1 - s->count;
    out[4] = s->owner == current_tid();
    out[5] = s->abandoned != 0;
    state_unlock(s);
    if (ret_len) *ret_len = 8;
    object_release(&o->obj);
    return STATUS_SUCCESS;
}

/* --- semaphores -------------------------------------------------------- */

NTSTATUS WINAPI unix_NtCreateSemaphore(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr,
                                       int32_t initial, int32_t max)
{
    struct sync_object *o;
    if (max <= 0 || initial < 0 || initial > max) return STATUS_INVALID_PARAMETER;
    struct sync_state init = { .type = SYNC_SEMAPHORE, .count = initial, .max = max };
    return create_object(handle, access, attr, &semaphore_ops, sizeof(struct sync_object), &init, &o);
}

NTSTATUS WINAPI unix_NtOpenSemaphore(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr)
{
    return open_object(handle, access, attr, &semaphore_ops);
}

static NTSTATUS semaphore_release(struct sync_object *o, uint32_t count, uint32_t *prev)
{
    struct sync_state *s = lock_object(o);
    int wake = 0;
    NTSTATUS status = STATUS_SUCCESS;
    if (count > (uint32_t)(s->max - s->count)) status = STATUS_SEMAPHORE_LIMIT_EXCEEDED;
    else
    {
        if (prev) *prev = s->count;
        s->count += count;
        wake = state_bump(s);
    }
    state_unlock_wake(s, wake);
    return status;
}

NTSTATUS WINAPI unix_NtReleaseSemaphore(HANDLE h, uint32_t count, uint32_t *prev)
{
    struct sync_object *o;
    if (!count) return STATUS_INVALID_PARAMETER;
    NTSTATUS status = get_object(h, &semaphore_ops, MODIFY_STATE, &o);
    if (status) return status;
    status = semaphore_release(o, count, prev);
    object_release(&o->obj);
    return status;
}

/* SemaphoreBasicInformation: { LONG CurrentCount, MaximumCount; } */
NTSTATUS WINAPI unix_NtQuerySemaphore(HANDLE h, uint32_t cls, void *info, uint32_t len, uint32_t *ret_len)
{
    struct sync_object *o;
    if (cls != 0) return STATUS_INVALID_INFO_CLASS;
    if (len < 8) return STATUS_INFO_LENGTH_MISMATCH;
    NTSTATUS status = get_object(h, &semaphore_ops, QUERY_STATE, &o);
    if (status) return status;
    int32_t *out = info;
    struct sync_state *s = object_sync(&o->obj);
    out[0] = __atomic_load_n(&s->count, __ATOMIC_ACQUIRE);
    out[1] = s->max;
    if (ret_len) *ret_len = 8;
    object_release(&o->obj);
    return STATUS_SUCCESS;
}

/* --- waitable timers ------------------------------------------------------
   A timer's state is an event's (a notification timer a manual-reset one, a
   synchronization timer an auto-reset one), so waits need nothing new. Its
   arm (due time, period, generation) follows the state: in the object for
   a private timer, right after the state in its slot for a named or
   inheritable one (shared with other processes like named events,
   syncshare.c). Every set and cancel bumps the generation. Everything here
   is done under the state's lock.

   Passive timers: a private timer without a completion routine (what the Go
   runtime sleeps on, SetWaitableTimer + WaitForSingleObject) has no thread.
   Whoever looks at it after its due time fires it, under the lock: a wait
   (which sleeps no longer than the due time of the passive timers it waits
   on), NtQueryTimer, a set or a cancel (so the previous state they report
   is right). A set and its wait cost no other thread; a set wakes the
   waiters only when it brings their wake-up earlier.

   Other timers (shared ones, whose waiters may be in other processes, and
   those with a completion routine, which must be queued on time to the
   thread that set the timer) are fired by a thread of their own in the
   process that set them (the state's owner_pid): it sleeps until the due
   time on a futex word a set bumps only when the new due time is earlier
   than the thread's wake-up. It fires the timer only if this process still
   owns the arm (another process may have set or cancelled it since: then
   it stands down), re-arms a periodic timer, and queues the completion
   routine as an APC (context, FILETIME low, high) to the thread that set
   it. Due times are CLOCK_MONOTONIC, the same clock in every process (a
   later change of the wall clock does not move them). When the setting
   process closes its last handle or dies while the timer is set and others
   still hold it, the server fires it from then on (server/timer.c), as
   Windows' kernel would (without the completion routine, whose thread is
   gone). */

struct timer_object {
    struct sync_object base;
    struct sync_timer_arm arm;      /* a private timer's arm (a shared one's is in its slot) */
    uint64_t apc_func, apc_arg;     /* completion routine and its context */
    uint32_t apc_tid;               /* the thread that set it */
    uint32_t kick;                  /* futex word of the firing thread: look again */
    int64_t thread_until;           /* the firing thread's wake-up (CLOCK_MONOTONIC ns), 0: none */
    int thread_up;                  /* the firing thread has looked once (it keeps thread_until) */
    int has_thread, quit;           /* has_thread: under timer_start_lock */
    pthread_t thread;
};

static pthread_mutex_t timer_start_lock = PTHREAD_MUTEX_INITIALIZER;

static size_t timer_object_size(void)
{
    return sizeof(struct timer_object);
}

/* under the state's lock */
static struct sync_timer_arm *timer_arm(struct timer_object *t, struct sync_state *s)
{
    return (s->flags & SYNC_SHARED) ? (struct sync_timer_arm *)(s + 1) : &t->arm;
}

/* under the state's lock: whoever looks at the timer fires it (no thread) */
static int timer_passive(struct timer_object *t, struct sync_state *s)
{
    return !(s->flags & SYNC_SHARED) && !t->apc_func;
}

static void timer_destroy(struct wlx_object *obj)
{
    struct timer_object *t = (struct timer_object *)obj;
    if (t->has_thread)
    {
        struct sync_state *s = lock_object(&t->base);
        t->quit = 1;
        t->kick++;
        state_unlock(s);
        futex_wake_all(&t->kick, 0);
        pthread_join(t->thread, NULL);
    }
    named_destroy(obj);
}

/* a timer crosses to another process only when its state is in a slot
   already (named or inheritable): a private arm does not move */
static NTSTATUS timer_export(struct wlx_object *obj, struct object_export *ex, int *fd)
{
    if (!((struct sync_object *)obj)->slot) return STATUS_NOT_SUPPORTED;
    return syncshare_export(obj, ex, fd);
}

const struct object_ops timer_ops = { "Timer", timer_destroy, NULL, object_sync, timer_export, timer_generic };

/* FILETIME of now: the completion routine's (low, high) arguments */
static uint64_t system_time_now(void)
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return (uint64_t)now.tv_sec * 10000000 + now.tv_nsec / 100 + 116444736000000000ULL;
}

/* under the state's lock, now: CLOCK_MONOTONIC ns. Fires the timer if its
   due time came and this process fires it: signals it (*wake: waiters to
   wake) and re-arms a periodic one for its next period after now (periods
   nobody looked at are not made up). Returns whether it fired. */
static int timer_fire_due(struct timer_object *t, struct sync_state *s, int64_t now, int *wake)
{
    struct sync_timer_arm *a = timer_arm(t, s);
    if (!a->due || a->due > now || s->owner_pid != wlx_process_id) return 0;
    *wake |= signal_locked(s);
    if (a->period)
    {
        int64_t period = (int64_t)a->period * 1000000;
        a->due += ((now - a->due) / period + 1) * period;
    }
    else a->due = 0;
    return 1;
}

/* under the state's lock: a passive timer that came due fires now (someone
   looks at it); returns whether to wake its waiters */
static int timer_catch_up(struct timer_object *t, struct sync_state *s)
{
    int wake = 0;
    if (timer_passive(t, s) && timer_arm(t, s)->due) timer_fire_due(t, s, mono_ns(), &wake);
    return wake;
}

/* in a wait, under the state's lock (registered: the waiter counts in
   s->waiters): a passive timer that came due fires; one still to come
   brings *wake_by (CLOCK_MONOTONIC ns, 0: none) down to its due time.
   *now is read once per look. Returns whether to wake the other waiters. */
static int timer_wait_check(struct wlx_object *obj, struct sync_state *s, int registered, int64_t *now,
                            int64_t *wake_by)
{
    struct timer_object *t = (struct timer_object *)obj;
    int wake = 0;
    if (obj->ops != &timer_ops) return 0;
    struct sync_timer_arm *a = timer_arm(t, s);
    if (!a->due || !timer_passive(t, s)) return 0;
    if (!*now) *now = mono_ns();
    timer_fire_due(t, s, *now, &wake);
    if (a->due && (!*wake_by || a->due < *wake_by)) *wake_by = a->due;
    return wake && s->waiters > (uint32_t)(registered != 0);
}

/* the firing thread of a timer that needs one: fires it when due (if this
   process owns the arm), queues its completion routine, sleeps until the
   next due time or a kick */
static void *timer_thread(void *arg)
{
    struct timer_object *t = arg;
    for (;;)
    {
        struct sync_state *s = lock_object(&t->base);
        struct sync_timer_arm *a = timer_arm(t, s);
        int wake = 0;
        uint64_t func = 0, ctx = 0;
        uint32_t tid = 0;
        if (t->quit) { state_unlock(s); break; }
        if (timer_fire_due(t, s, mono_ns(), &wake) && t->apc_func)
            func = t->apc_func, ctx = t->apc_arg, tid = t->apc_tid;
        int64_t until = (a->due && s->owner_pid == wlx_process_id && !timer_passive(t, s)) ? a->due : 0;
        t->thread_until = until;
        t->thread_up = 1;
        uint32_t kick = t->kick;
        state_unlock_wake(s, wake);
        if (func)
        {
            uint64_t ft = system_time_now();
            apc_queue_to(tid, func, ctx, (uint32_t)ft, (uint32_t)(ft >> 32));
        }
        struct timespec ts = { until / 1000000000, until % 1000000000 };
        syscall(SYS_futex, &t->kick, FUTEX_WAIT_BITSET_PRIVATE, kick, until ? &ts : NULL, NULL,
                FUTEX_BITSET_MATCH_ANY);
    }
    return NULL;
}

/* starts the timer's firing thread if it has none (signals blocked: those
   are for the Windows threads); 0 when it cannot */
static int timer_start_thread(struct timer_object *t)
{
    pthread_mutex_lock(&timer_start_lock);
    if (!t->has_thread)
    {
        sigset_t all, old;
        sigfillset(&all);
        pthread_sigmask(SIG_BLOCK, &all, &old);
        t->has_thread = !pthread_create(&t->thread, NULL, timer_thread, t);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
    }
    int ok = t->has_thread;
    pthread_mutex_unlock(&timer_start_lock);
    return ok;
}

/* type: NotificationTimer 0, SynchronizationTimer 1; a named or inheritable
   timer is shared (syncshare.c) */
NTSTATUS WINAPI unix_NtCreateTimer(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr, uint32_t type)
{
    struct sync_object *o;
    if (type > 1) return STATUS_INVALID_PARAMETER;
    struct sync_state init = { .type = type ? SYNC_AUTO_EVENT : SYNC_MANUAL_EVENT };
    return create_object(handle, access, attr, &timer_ops, sizeof(struct timer_object), &init, &o);
}

NTSTATUS WINAPI unix_NtOpenTimer(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr)
{
    return open_object(handle, access, attr, &timer_ops);
}

/* the due time on CLOCK_MONOTONIC ns: negative is relative (100 ns units),
   positive an absolute system time */
static int64_t timer_due(const LARGE_INTEGER *due)
{
    int64_t now = mono_ns();
    int64_t ns = -due->QuadPart * 100;
    if (due->QuadPart > 0) ns = ((int64_t)(due->QuadPart - system_time_now())) * 100;
    return ns > 0 ? now + ns : now;
}

/* under the state's lock: a new arm (due 0: cancelled), after a passive
   timer that came due fired (*wake); returns whether the timer was
   signaled (a set also makes it unsignaled until its new due time) */
static int timer_rearm(struct timer_object *t, struct sync_state *s, int64_t due, int32_t period, int *wake)
{
    struct sync_timer_arm *a = timer_arm(t, s);
    *wake |= timer_catch_up(t, s);
    int was = s->count != 0;
    a->gen++;
    a->due = due;
    a->period = period;
    s->owner_pid = due ? wlx_process_id : 0;   /* who fires it (server/timer.c) */
    if (due) s->count = 0;
    return was;
}

NTSTATUS WINAPI unix_NtSetTimer(HANDLE h, const LARGE_INTEGER *due, void *routine, void *ctx, uint8_t resume,
                                int32_t period, uint8_t *prev)
{
    struct timer_object *t;
    (void)resume;   /* waking a suspended computer: not ours to do */
    if (!due || period < 0) return STATUS_INVALID_PARAMETER;
    NTSTATUS status = get_object(h, &timer_ops, MODIFY_STATE, (struct sync_object **)&t);
    if (status) return status;
    int64_t when = timer_due(due);
    struct sync_state *s = lock_object(&t->base);
    int wake = 0, kick = 0;
    /* waiters on a passive timer sleep until its due time: only an earlier
       one (or a timer that becomes passive) needs them to look again */
    int64_t waiters_until = timer_passive(t, s) ? timer_arm(t, s)->due : 0;
    int was = timer_rearm(t, s, when, period, &wake);
    t->apc_func = (uintptr_t)routine;
    t->apc_arg = (uintptr_t)ctx;
    t->apc_tid = current_tid();
    int passive = timer_passive(t, s);
    if (passive && s->waiters && (!waiters_until || when < waiters_until)) wake |= state_bump(s);
    if (!passive && t->thread_up && (!t->thread_until || when < t->thread_until))
    {
        t->kick++;
        t->thread_until = when;
        kick = 1;
    }
    state_unlock_wake(s, wake);
    if (kick) futex_wake_all(&t->kick, 0);
    if (!passive && !timer_start_thread(t))
    {
        s = lock_object(&t->base);
        wake = 0;
        timer_rearm(t, s, 0, 0, &wake);
        state_unlock_wake(s, wake);
        status = STATUS_INSUFFICIENT_RESOURCES;
    }
    if (prev) *prev = was;
    object_release(&t->base.obj);
    return status;
}

/* a cancel leaves the signaled state as it is; waiters and the firing
   thread are not woken (they find nothing at the old due time and sleep
   on) */
NTSTATUS WINAPI unix_NtCancelTimer(HANDLE h, uint8_t *prev)
{
    struct timer_object *t;
    NTSTATUS status = get_object(h, &timer_ops, MODIFY_STATE, (struct sync_object **)&t);
    if (status) return status;
    struct sync_state *s = lock_object(&t->base);
    int wake = 0;
    int was = timer_rearm(t, s, 0, 0, &wake);
    state_unlock_wake(s, wake);
    if (prev) *prev = was;
    object_release(&t->base.obj);
    return STATUS_SUCCESS;
}

/* TimerBasicInformation: { LARGE_INTEGER RemainingTime; BOOLEAN TimerState; } */
NTSTATUS WINAPI unix_NtQueryTimer(HANDLE h, uint32_t cls, void *info, uint32_t len, uint32_t *ret_len)
{
    struct timer_object *t;
    if (cls != 0) return STATUS_INVALID_INFO_CLASS;
    if (len < 16) return STATUS_INFO_LENGTH_MISMATCH;
    NTSTATUS status = get_object(h, &timer_ops, QUERY_STATE, (struct sync_object **)&t);
    if (status) return status;
    struct sync_state *s = lock_object(&t->base);
    int wake = timer_catch_up(t, s);
    struct sync_timer_arm *a = timer_arm(t, s);
    int64_t remaining = a->due ? (a->due - mono_ns()) / 100 : 0;
    uint8_t signaled = s->count != 0;
    state_unlock_wake(s, wake);
    uint8_t *out = info;
    *(int64_t *)out = remaining > 0 ? remaining : 0;
    out[8] = signaled;
    if (ret_len) *ret_len = 16;
    object_release(&t->base.obj);
    return STATUS_SUCCESS;
}

/* --- waiting ------------------------------------------------------------- */

struct wait_entry {
    struct wlx_object *obj;
    struct sync_state *s;       /* NULL: an object with only ops->wait */
    uint32_t since;             /* seq when this wait registered */
    uint32_t cur;               /* seq at the last check (the futex value) */
    int registered;
};

static int poll_legacy(struct wait_entry *e)
{
    LARGE_INTEGER zero = { .QuadPart = 0 };
    return e->obj->ops->wait(e->obj, &zero) == STATUS_WAIT_0;
}

/* under its lock: the state moved to a shared slot (syncshare.c); the
   entry follows it (registering afresh there) */
static int follow_move(struct wait_entry *e)
{
    if (!(e->s->flags & SYNC_MOVED)) return 0;
    state_unlock(e->s);
    e->s = e->obj->ops->sync(e->obj);
    e->registered = 0;
    return 1;
}

/* under the lock: remember seq for the sleep, register on the first miss */
static void note_miss(struct wait_entry *e)
{
    e->cur = e->s->seq;
    if (!e->registered)
    {
        e->registered = 1;
        e->since = e->cur;
        e->s->waiters++;
    }
}

/* one look at a wait's objects: who waits, the time (read once, when a
   passive timer needs it) and when to look again (passive timers' due) */
struct wait_look {
    uint32_t tid;
    int64_t now;                /* CLOCK_MONOTONIC ns, 0: not read yet */
    int64_t wake_by;            /* CLOCK_MONOTONIC ns, 0: no passive timer to fire */
};

static NTSTATUS try_any(struct wait_entry *e, unsigned n, struct wait_look *look)
{
    uint32_t tid = look->tid;
    for (unsigned i = 0; i < n; i++)
    {
        if (!e[i].s)
        {
            if (poll_legacy(&e[i])) return STATUS_WAIT_0 + i;
            continue;
        }
        struct sync_state *s = e[i].s;
        /* a signaled manual-reset event needs no lock: nothing to consume */
        if (s->type == SYNC_MANUAL_EVENT && __atomic_load_n(&s->count, __ATOMIC_ACQUIRE)) return STATUS_WAIT_0 + i;
        state_lock(s);
        if (follow_move(&e[i])) { i--; continue; }
        int wake = timer_wait_check(e[i].obj, s, e[i].registered, &look->now, &look->wake_by);
        if (is_signaled(s, tid, e[i].registered, e[i].since))
        {
            int abandoned = satisfy(s, tid);
            state_unlock_wake(s, wake);
            return (abandoned ? STATUS_ABANDONED_WAIT_0 : STATUS_WAIT_0) + i;
        }
        note_miss(&e[i]);
        state_unlock_wake(s, wake);
    }
    return STATUS_PENDING;
}

static int by_address(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)*(struct sync_state *const *)a, y = (uintptr_t)*(struct sync_state *const *)b;
    return x < y ? -1 : x > y;
}

/* all or nothing: every object is locked (in address order, so two
   wait-alls cannot deadlock) while they are checked and satisfied */
static NTSTATUS try_all(struct wait_entry *e, unsigned n, struct wait_look *look)
{
    struct sync_state *locks[MAXIMUM_WAIT_OBJECTS];
    int wake[MAXIMUM_WAIT_OBJECTS];
    uint32_t tid = look->tid;
    unsigned nlocks = 0, i;
    int all = 1;
    for (i = 0; i < n; i++)
    {
        if (!e[i].s) { if (all && !poll_legacy(&e[i])) all = 0; }
        else locks[nlocks++] = e[i].s;
    }
    qsort(locks, nlocks, sizeof(locks[0]), by_address);
    for (i = 0; i < nlocks; i++) state_lock(locks[i]);
    for (i = 0; i < nlocks; i++)
        if (locks[i]->flags & SYNC_MOVED)
        {
            /* one moved to a shared slot: take every entry's current state */
            for (i = 0; i < nlocks; i++) state_unlock(locks[i]);
            for (i = 0; i < n; i++)
                if (e[i].s && (e[i].s->flags & SYNC_MOVED)) e[i].s = e[i].obj->ops->sync(e[i].obj), e[i].registered = 0;
            return try_all(e, n, look);
        }
    for (i = 0; i < n; i++)
        wake[i] = e[i].s && timer_wait_check(e[i].obj, e[i].s, e[i].registered, &look->now, &look->wake_by);
    for (i = 0; i < n && all; i++)
        if (e[i].s && !is_signaled(e[i].s, tid, 0, 0)) all = 0;
    NTSTATUS status = STATUS_PENDING;
    if (all)
    {
        status = STATUS_WAIT_0;
        for (i = 0; i < n; i++)
            if (e[i].s && satisfy(e[i].s, tid)) status = STATUS_ABANDONED_WAIT_0 + i;
    }
    else for (i = 0; i < n; i++) if (e[i].s) note_miss(&e[i]);
    for (i = 0; i < nlocks; i++) state_unlock(locks[i]);
    for (i = 0; i < n; i++) if (wake[i]) futex_wake_all(&e[i].s->seq, e[i].s->flags & SYNC_SHARED);
    return status;
}

static void unregister(struct wait_entry *e, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
    {
        if (!e[i].registered) continue;
        state_lock(e[i].s);
        if (!--e[i].s->waiters) e[i].s->tickets = 0;
        state_unlock(e[i].s);
    }
}

/* an alertable wait: queued user APCs end it (STATUS_USER_APC) when no
   object is signaled (a signaled one wins, the APCs stay queued, as on
   Windows); the queue's word joins the sleep */
static int apc_check(int alertable, uint32_t tid, struct waitv *w)
{
    uint32_t value = 0;
    uint32_t *word;
    if (!alertable || !(word = apc_wait_word(tid, &value))) return 0;
    if (apc_pending(tid)) return 1;
    *w = (struct waitv){ value, (uintptr_t)word, WAITV_U32_PRIVATE, 0 };
    return 0;
}

static NTSTATUS wait_entries(struct wait_entry *e, unsigned n, int wait_all, const LARGE_INTEGER *timeout,
                             int alertable)
{
    struct waitv w[MAXIMUM_WAIT_OBJECTS + 1], apc_w = { 0 };
    struct deadline d;
    struct wait_look look = { current_tid(), 0, 0 };
    unsigned nw, i;
    int legacy = 0;
    NTSTATUS status;

    for (i = 0; i < n; i++) if (!e[i].s) legacy = 1;
    deadline_init(&d, timeout);
    for (;;)
    {
        look.now = look.wake_by = 0;
        status = wait_all ? try_all(e, n, &look) : try_any(e, n, &look);
        if (status != STATUS_PENDING) break;
        if (apc_check(alertable, look.tid, &apc_w)) { status = STATUS_USER_APC; break; }
        if (d.zero) { status = STATUS_TIMEOUT; break; }
        for (i = nw = 0; i < n; i++)
            if (e[i].s) w[nw++] = (struct waitv){ e[i].cur, (uintptr_t)&e[i].s->seq, waitv_flags(e[i].s), 0 };
        if (apc_w.uaddr) w[nw++] = apc_w;
        if (legacy) look.wake_by = poll_soon(look.wake_by);   /* objects that can only be polled */
        if (futex_sleep(w, nw, &d, look.wake_by) == STATUS_TIMEOUT) { status = STATUS_TIMEOUT; break; }
    }
    unregister(e, n);
    return status;
}

/* references the objects; releases them itself on failure */
NTSTATUS WINAPI unix_NtDuplicateObject(HANDLE src_process, HANDLE src, HANDLE dst_process, HANDLE *dst,
                                       uint32_t access, uint32_t attributes, uint32_t options);

/* GetCurrentProcess() and GetCurrentThread() may be waited on (a thread
   waiting on itself, or on its process, waits out its timeout): their
   objects through a real handle made for the moment. Only after a lookup
   failed: the paths that succeed never come here. */
static __attribute__((noinline)) NTSTATUS get_pseudo(HANDLE h, struct wlx_object **obj)
{
    HANDLE real;
    if (h != NtCurrentProcess() && h != NtCurrentThread()) return STATUS_INVALID_HANDLE;
    NTSTATUS status = unix_NtDuplicateObject(NtCurrentProcess(), h, NtCurrentProcess(), &real, 0, 0,
                                             2 /* DUPLICATE_SAME_ACCESS */);
    if (status) return status;
    status = handle_get(real, NULL, obj);
    handle_close(real);
    return status;
}

static NTSTATUS get_entries(const HANDLE *handles, unsigned n, struct wait_entry *e)
{
    for (unsigned i = 0; i < n; i++)
    {
        NTSTATUS status = handle_get_access(handles[i], NULL, ACCESS_SYNCHRONIZE, &e[i].obj);
        if (status == STATUS_INVALID_HANDLE) status = get_pseudo(handles[i], &e[i].obj);
        if (!status && !e[i].obj->ops->sync && !e[i].obj->ops->wait)
        {
            object_release(e[i].obj);
            status = STATUS_OBJECT_TYPE_MISMATCH;
        }
        if (status)
        {
            while (i--) object_release(e[i].obj);
            return status;
        }
        e[i].s = e[i].obj->ops->sync ? e[i].obj->ops->sync(e[i].obj) : NULL;
        e[i].registered = 0;
    }
    return STATUS_SUCCESS;
}

static void put_entries(struct wait_entry *e, unsigned n)
{
    for (unsigned i = 0; i < n; i++) object_release(e[i].obj);
}

static NTSTATUS wait_one(struct wlx_object *obj, const LARGE_INTEGER *timeout, int alertable)
{
    if (!obj->ops->sync)
    {
        /* an object with only a blocking wait: an alertable wait polls it */
        if (!alertable) return obj->ops->wait(obj, timeout);
        struct wait_entry e = { obj, NULL, 0, 0, 0 };
        return wait_entries(&e, 1, 0, timeout, alertable);
    }
    struct wait_entry e = { obj, obj->ops->sync(obj), 0, 0, 0 };
    return wait_entries(&e, 1, 0, timeout, alertable);
}

NTSTATUS WINAPI unix_NtWaitForSingleObject(HANDLE handle, uint8_t alertable, const LARGE_INTEGER *timeout)
{
    struct wlx_object *obj;
    /* the fast path: a signaled manual-reset event (or a thread that ended)
       has nothing to consume, and a look without a lock answers */
    if (handle_fast_set(handle)) return STATUS_WAIT_0;
    NTSTATUS status = handle_get_access(handle, NULL, ACCESS_SYNCHRONIZE, &obj);
    if (status == STATUS_INVALID_HANDLE) status = get_pseudo(handle, &obj);
    if (status) return status;
    status = (obj->ops->sync || obj->ops->wait) ? wait_one(obj, timeout, alertable) : STATUS_OBJECT_TYPE_MISMATCH;
    object_release(obj);
    return status;
}

/* type: 0 WaitAll, 1 WaitAny */
NTSTATUS WINAPI unix_NtWaitForMultipleObjects(uint32_t count, const HANDLE *handles, uint32_t type,
                                              uint8_t alertable, const LARGE_INTEGER *timeout)
{
    struct wait_entry e[MAXIMUM_WAIT_OBJECTS];
    if (!count || count > MAXIMUM_WAIT_OBJECTS) return STATUS_INVALID_PARAMETER;
    if (type > 1) return STATUS_INVALID_PARAMETER;
    NTSTATUS status = get_entries(handles, count, e);
    if (status) return status;
    if (!type)
    {
        /* the same object twice in a wait-all is refused */
        for (unsigned i = 0; i < count && !status; i++)
            for (unsigned j = i + 1; j < count; j++)
                if (e[i].obj == e[j].obj) { status = STATUS_INVALID_PARAMETER_MIX; break; }
    }
    if (!status) status = wait_entries(e, count, !type, timeout, alertable);
    put_entries(e, count);
    return status;
}

NTSTATUS WINAPI unix_NtSignalAndWaitForSingleObject(HANDLE signal, HANDLE wait, uint8_t alertable,
                                                    const LARGE_INTEGER *timeout)
{
    struct wlx_object *obj, *wobj;
    ACCESS_MASK access;
    unsigned attributes;
    NTSTATUS status = handle_get_info(signal, &obj, &access, &attributes);
    if (status) return status;
    /* signaling an event or a semaphore is modifying it; a mutex needs no right */
    if ((obj->ops == &event_ops || obj->ops == &semaphore_ops) && !(access & MODIFY_STATE))
    {
        object_release(obj);
        return STATUS_ACCESS_DENIED;
    }
    status = handle_get_access(wait, NULL, ACCESS_SYNCHRONIZE, &wobj);
    if (status == STATUS_INVALID_HANDLE) status = get_pseudo(wait, &wobj);
    if (!status && !wobj->ops->sync && !wobj->ops->wait) { object_release(wobj); status = STATUS_OBJECT_TYPE_MISMATCH; }
    if (status) { object_release(obj); return status; }
    struct sync_object *o = (struct sync_object *)obj;
    if (obj->ops == &event_ops)
    {
        int wake;
        struct sync_state *s = lock_object(o);
        s->count = 1;
        wake = state_bump(s);
        s->set_seq = s->seq;
        state_unlock_wake(s, wake);
    }
    else if (obj->ops == &mutex_ops) status = mutex_release(o, NULL);
    else if (obj->ops == &semaphore_ops) status = semaphore_release(o, 1, NULL);
    else status = STATUS_OBJECT_TYPE_MISMATCH;
    object_release(obj);
    if (!status) status = wait_one(wobj, timeout, alertable);
    object_release(wobj);
    return status;
}

NTSTATUS WINAPI unix_NtDelayExecution(uint8_t alertable, const LARGE_INTEGER *timeout)
{
    struct timespec ts;
    int absolute = 0;
    if (alertable)
    {
        /* no object: only an APC ends it early */
        NTSTATUS status = wait_entries(NULL, 0, 0, timeout, 1);
        return status == STATUS_TIMEOUT ? STATUS_SUCCESS : status;
    }
    if (!nt_timeout_to_timespec(timeout, &ts, &absolute)) { for (;;) pause(); }
    if (!ts.tv_sec && !ts.tv_nsec && !absolute) { sched_yield(); return STATUS_SUCCESS; }
    struct port *ran = iocp_block_begin();
    while (clock_nanosleep(absolute ? CLOCK_REALTIME : CLOCK_MONOTONIC, absolute ? TIMER_ABSTIME : 0, &ts,
                           absolute ? NULL : &ts) == EINTR) ;
    if (ran) iocp_block_end(ran);
    return STATUS_SUCCESS;
}

/* --- private futex syscalls (ntdll's PE side: critical sections, SRW locks,
   condition variables, WaitOnAddress) ------------------------------------ */

NTSTATUS WINAPI unix___wlx_futex_wait(volatile int *addr, int val, const LARGE_INTEGER *timeout)
{
    struct deadline d;
    deadline_init(&d, timeout);
    if (d.zero) return *addr == val ? STATUS_TIMEOUT : STATUS_SUCCESS;
    struct waitv w = { (uint32_t)val, (uintptr_t)addr, WAITV_U32_PRIVATE, 0 };
    return futex_sleep(&w, 1, &d, 0);
}

NTSTATUS WINAPI unix___wlx_futex_wake(volatile int *addr, int count)
{
    syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, count, NULL, NULL, 0);
    return STATUS_SUCCESS;
}
