/*
 * ntdll/unix/keyedevent.c — keyed events: NtCreateKeyedEvent,
 * NtOpenKeyedEvent, NtWaitForKeyedEvent, NtReleaseKeyedEvent.
 *
 * A keyed event is a meeting place: a thread that waits on a key sleeps
 * until another thread releases that key, and a thread that releases a key
 * sleeps until a thread waits on it; each wait pairs with one release.
 * Keys are addresses with bit 0 clear. wepoll (libzmq's epoll for Windows)
 * builds its reference locks on one; the NULL handle is the process's own
 * (Windows' \KernelObjects\CritSecOutOfMemoryEvent).
 *
 * Here a keyed event is process-local: a list of the threads parked on it
 * (key, waiting or releasing) under one mutex, each with its own condition
 * variable. Timeouts are NT's (negative relative, positive absolute).
 * Alertable waits are not woken by APCs here.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include "private.h"
#include "thread.h"

#define STATUS_INVALID_PARAMETER_1 ((NTSTATUS)0xC00000EF)
#define STATUS_INVALID_PARAMETER_4 ((NTSTATUS)0xC00000F2)

struct parked
{
    struct parked *next;
    const void *key;
    int releasing;              /* 1: NtReleaseKeyedEvent, 0: NtWaitForKeyedEvent */
    int paired;
    pthread_cond_t cond;
};

struct keyed_event
{
    struct wlx_object obj;
    pthread_mutex_t lock;
    struct parked *parked;
};

static void keyed_destroy(struct wlx_object *obj)
{
    struct keyed_event *k = (struct keyed_event *)obj;
    pthread_mutex_destroy(&k->lock);
}

static const ACCESS_MASK keyed_generic[4] = { 0x00020001, 0x00020002, 0x00020000, 0x000f0003 };
static const struct object_ops keyed_ops = { "KeyedEvent", keyed_destroy, NULL, NULL, NULL, keyed_generic };

static struct keyed_event *keyed_new(void)
{
    struct keyed_event *k = object_new(&keyed_ops, sizeof(*k));
    if (!k) return NULL;
    pthread_mutex_init(&k->lock, NULL);
    k->parked = NULL;
    return k;
}

/* the process's keyed event, for the NULL handle */
static struct keyed_event *process_keyed_event(void)
{
    static struct keyed_event *global;
    static pthread_mutex_t once = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&once);
    if (!global) global = keyed_new();
    pthread_mutex_unlock(&once);
    return global;
}

NTSTATUS WINAPI unix_NtCreateKeyedEvent(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr, uint32_t flags)
{
    struct keyed_event *k;
    if (!handle) return STATUS_ACCESS_VIOLATION;
    if (flags) return STATUS_INVALID_PARAMETER_4;
    /* a named keyed event would be shared with other processes: none here */
    if (attr && attr->ObjectName && attr->ObjectName->Length) return STATUS_NOT_SUPPORTED;
    if (!(k = keyed_new())) return STATUS_NO_MEMORY;
    /* the handle takes over the new reference */
    *handle = handle_alloc(&k->obj, access, attr ? attr->Attributes & OBJ_INHERIT : 0);
    if (!*handle) { object_release(&k->obj); return STATUS_NO_MEMORY; }
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI unix_NtOpenKeyedEvent(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr)
{
    (void)access; (void)attr;
    if (!handle) return STATUS_ACCESS_VIOLATION;
    *handle = NULL;
    return STATUS_OBJECT_NAME_NOT_FOUND;
}

/* park on k as waiter or releaser of key until the other kind comes, or
   the timeout passes */
static NTSTATUS meet(HANDLE handle, const void *key, int releasing, const LARGE_INTEGER *timeout)
{
    struct keyed_event *k;
    struct wlx_object *obj = NULL;
    NTSTATUS status;
    struct timespec ts, until;
    int absolute = 0, infinite;

    if ((uintptr_t)key & 1) return STATUS_INVALID_PARAMETER_1;
    if (!handle)
    {
        if (!(k = process_keyed_event())) return STATUS_NO_MEMORY;
    }
    else
    {
        if ((status = handle_get_access(handle, &keyed_ops, releasing ? 0x0002 : 0x0001, &obj))) return status;
        k = (struct keyed_event *)obj;
    }

    pthread_mutex_lock(&k->lock);
    for (struct parked **p = &k->parked; *p; p = &(*p)->next)
    {
        struct parked *other = *p;
        if (other->key != key || other->releasing == releasing) continue;
        *p = other->next;
        other->paired = 1;
        pthread_cond_signal(&other->cond);
        pthread_mutex_unlock(&k->lock);
        if (obj) object_release(obj);
        return STATUS_SUCCESS;
    }

    infinite = !nt_timeout_to_timespec(timeout, &ts, &absolute);
    if (!infinite && !absolute && !ts.tv_sec && !ts.tv_nsec)
    {
        pthread_mutex_unlock(&k->lock);
        if (obj) object_release(obj);
        return STATUS_TIMEOUT;
    }
    struct parked me = { k->parked, key, releasing, 0 };
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, absolute ? CLOCK_REALTIME : CLOCK_MONOTONIC);
    pthread_cond_init(&me.cond, &attr);
    pthread_condattr_destroy(&attr);
    if (!infinite)
    {
        if (absolute) until = ts;
        else
        {
            clock_gettime(CLOCK_MONOTONIC, &until);
            until.tv_sec += ts.tv_sec;
            if ((until.tv_nsec += ts.tv_nsec) >= 1000000000) { until.tv_sec++; until.tv_nsec -= 1000000000; }
        }
    }
    k->parked = &me;
    status = STATUS_SUCCESS;
    while (!me.paired)
    {
        int r = infinite ? pthread_cond_wait(&me.cond, &k->lock) : pthread_cond_timedwait(&me.cond, &k->lock, &until);
        if (r == ETIMEDOUT && !me.paired)
        {
            for (struct parked **p = &k->parked; *p; p = &(*p)->next)
                if (*p == &me) { *p = me.next; break; }
            status = STATUS_TIMEOUT;
            break;
        }
    }
    pthread_mutex_unlock(&k->lock);
    pthread_cond_destroy(&me.cond);
    if (obj) object_release(obj);
    return status;
}

NTSTATUS WINAPI unix_NtWaitForKeyedEvent(HANDLE handle, const void *key, uint8_t alertable, const LARGE_INTEGER *timeout)
{
    (void)alertable;
    return meet(handle, key, 0, timeout);
}

NTSTATUS WINAPI unix_NtReleaseKeyedEvent(HANDLE handle, const void *key, uint8_t alertable, const LARGE_INTEGER *timeout)
{
    (void)alertable;
    return meet(handle, key, 1, timeout);
}
