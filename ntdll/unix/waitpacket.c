/*
 * ntdll/unix/waitpacket.c — wait completion packets: NtCreateWaitCompletionPacket,
 * NtAssociateWaitCompletionPacket, NtCancelWaitCompletionPacket (undocumented
 * in the SDK, described on learn.microsoft.com's devnotes; the Go runtime
 * 1.23+ uses them to learn through its completion port that a timer fired).
 *
 * Associating a packet with a port and a waitable object queues the packet's
 * (key, context, status, information) to the port once the object is
 * signaled; the wait satisfies the object, as any wait does. An object
 * signaled at once is handled in the caller (AlreadySignaled). Otherwise the
 * packet's own watcher thread (created on its first association, signals
 * blocked, a minimal TEB of its own so that it can use the ordinary waits of
 * sync.c) waits for the object or for the packet's cancel event.
 *
 * States: idle → waiting (watcher armed) → queued (in the port until taken).
 * Cancelling: a waiting packet stops (STATUS_SUCCESS); a queued one is taken
 * back from the port when asked (STATUS_SUCCESS), else STATUS_PENDING while
 * it is still queued; one already taken, or never associated, gives
 * STATUS_CANCELLED.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "private.h"
#include "thread.h"
#include "iocp.h"

NTSTATUS WINAPI unix_NtCreateEvent(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr, uint32_t type,
                                   uint8_t state);
NTSTATUS WINAPI unix_NtSetEvent(HANDLE h, int32_t *prev);
NTSTATUS WINAPI unix_NtResetEvent(HANDLE h, int32_t *prev);
NTSTATUS WINAPI unix_NtWaitForSingleObject(HANDLE handle, uint8_t alertable, const LARGE_INTEGER *timeout);
NTSTATUS WINAPI unix_NtWaitForMultipleObjects(uint32_t count, const HANDLE *handles, uint32_t type,
                                              uint8_t alertable, const LARGE_INTEGER *timeout);
NTSTATUS WINAPI unix_NtDuplicateObject(HANDLE src_process, HANDLE src, HANDLE dst_process, HANDLE *dst,
                                       ACCESS_MASK access, uint32_t attributes, uint32_t options);

enum packet_state { PACKET_IDLE, PACKET_WAITING, PACKET_QUEUED };

/* shared by the packet object and its watcher thread (refs: one each) */
struct watch {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int refs, quit, started;
    int armed;                  /* the watcher is in (or about to enter) its wait */
    enum packet_state state;
    HANDLE target;              /* the watcher's own handle of the object */
    HANDLE cancel;              /* an event that ends the watcher's wait */
    struct port *port;          /* a reference while associated */
    uint64_t key, ctx, info;
    NTSTATUS status;
};

struct wait_packet {
    struct wlx_object obj;
    struct watch *w;
};

static void watch_release(struct watch *w)
{
    pthread_mutex_lock(&w->lock);
    int last = !--w->refs;
    pthread_mutex_unlock(&w->lock);
    if (!last) return;
    if (w->port) port_release(w->port);
    if (w->cancel) handle_close(w->cancel);
    pthread_cond_destroy(&w->cond);
    pthread_mutex_destroy(&w->lock);
    free(w);
}

/* under the lock: the packet reaches its port */
static void queue_packet(struct watch *w)
{
    w->state = PACKET_QUEUED;
    port_post_owned(w->port, w->key, w->ctx, w->status, w->info, w);
}

static void *watcher(void *arg)
{
    struct watch *w = arg;
    void *teb = calloc(1, 0x2000);
    /* a Windows thread id no real thread has: Linux tid * 8 + 4 (see ARCHITECTURE.md) */
    if (teb) thread_create_teb_at(teb, wlx_peb, (uint32_t)syscall(SYS_gettid) * 8 + 4, NULL);
    if (teb) thread_set_gs(teb);
    pthread_mutex_lock(&w->lock);
    for (;;)
    {
        while (!w->armed && !w->quit) pthread_cond_wait(&w->cond, &w->lock);
        if (w->quit) break;
        HANDLE handles[2] = { w->target, w->cancel };
        pthread_mutex_unlock(&w->lock);
        NTSTATUS status = teb ? unix_NtWaitForMultipleObjects(2, handles, 1, 0, NULL) : STATUS_NO_MEMORY;
        pthread_mutex_lock(&w->lock);
        if (status == STATUS_WAIT_0 && w->state == PACKET_WAITING) queue_packet(w);
        else if (w->state == PACKET_WAITING) w->state = PACKET_IDLE;   /* a failed wait drops it */
        handle_close(w->target);
        w->target = 0;
        w->armed = 0;
        pthread_cond_broadcast(&w->cond);
    }
    pthread_mutex_unlock(&w->lock);
    watch_release(w);
    free(teb);
    return NULL;
}

/* under the lock */
static NTSTATUS start_watcher(struct watch *w)
{
    if (w->started) return STATUS_SUCCESS;
    if (!w->cancel && unix_NtCreateEvent(&w->cancel, 0x1f0003, NULL, 0, 0)) return STATUS_NO_MEMORY;
    w->refs++;
    if (io_helper_thread(watcher, w)) { w->refs--; return STATUS_NO_MEMORY; }
    w->started = 1;
    return STATUS_SUCCESS;
}

/* under the lock: a waiting packet stops; returns once its watcher is out of the wait */
static void stop_waiting(struct watch *w)
{
    w->state = PACKET_IDLE;
    unix_NtSetEvent(w->cancel, NULL);
    while (w->armed) pthread_cond_wait(&w->cond, &w->lock);
    unix_NtResetEvent(w->cancel, NULL);
}

static void packet_destroy(struct wlx_object *obj)
{
    struct watch *w = ((struct wait_packet *)obj)->w;
    pthread_mutex_lock(&w->lock);
    if (w->state == PACKET_WAITING) stop_waiting(w);
    w->quit = 1;
    pthread_cond_broadcast(&w->cond);
    pthread_mutex_unlock(&w->lock);
    watch_release(w);
}

static const struct object_ops packet_ops = { "WaitCompletionPacket", packet_destroy, NULL, NULL };

NTSTATUS WINAPI unix_NtCreateWaitCompletionPacket(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr)
{
    struct wait_packet *p;
    if (!handle) return STATUS_INVALID_PARAMETER;
    if (!(p = object_new(&packet_ops, sizeof(*p)))) return STATUS_NO_MEMORY;
    if (!(p->w = calloc(1, sizeof(*p->w)))) { free(p); return STATUS_NO_MEMORY; }
    pthread_mutex_init(&p->w->lock, NULL);
    pthread_cond_init(&p->w->cond, NULL);
    p->w->refs = 1;
    *handle = handle_alloc(&p->obj, access, attr ? attr->Attributes & OBJ_INHERIT : 0);
    if (!*handle) { object_release(&p->obj); return STATUS_NO_MEMORY; }
    return STATUS_SUCCESS;
}

/* under the lock: a queued packet that was taken from the port is idle again */
static void settle(struct watch *w)
{
    if (w->state == PACKET_QUEUED && !port_find_owned(w->port, w, 0)) w->state = PACKET_IDLE;
}

static NTSTATUS associate(struct watch *w, struct port *port, HANDLE target, uint64_t key, uint64_t ctx,
                          NTSTATUS io_status, uint64_t info, uint8_t *already)
{
    LARGE_INTEGER zero = { .QuadPart = 0 };
    NTSTATUS status;
    settle(w);
    if (w->state != PACKET_IDLE) return STATUS_INVALID_PARAMETER;   /* "must not be in use" */
    if (w->port) port_release(w->port);
    w->port = port;
    w->key = key;
    w->ctx = ctx;
    w->status = io_status;
    w->info = info;
    /* signaled already: queued now (and the wait satisfied) */
    status = unix_NtWaitForSingleObject(target, 0, &zero);
    if (already) *already = status == STATUS_WAIT_0;
    if (status == STATUS_WAIT_0) { queue_packet(w); return STATUS_SUCCESS; }
    if (status != STATUS_TIMEOUT) return status;
    if ((status = start_watcher(w))) return status;
    if ((status = unix_NtDuplicateObject(NtCurrentProcess(), target, NtCurrentProcess(), &w->target, 0, 0, 2)))
        return status;
    w->state = PACKET_WAITING;
    w->armed = 1;
    pthread_cond_broadcast(&w->cond);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI unix_NtAssociateWaitCompletionPacket(HANDLE packet, HANDLE port_handle, HANDLE target, void *key,
                                                     void *ctx, NTSTATUS io_status, uint64_t info, uint8_t *already)
{
    struct wait_packet *p;
    NTSTATUS status = handle_get(packet, &packet_ops, (struct wlx_object **)&p);
    if (status) return status;
    struct port *port = port_from_handle(port_handle, &status);
    if (port)
    {
        pthread_mutex_lock(&p->w->lock);
        status = associate(p->w, port, target, (uintptr_t)key, (uintptr_t)ctx, io_status, info, already);
        pthread_mutex_unlock(&p->w->lock);
        if (status && p->w->port != port) port_release(port);
    }
    object_release(&p->obj);
    return status;
}

NTSTATUS WINAPI unix_NtCancelWaitCompletionPacket(HANDLE packet, uint8_t remove_signaled)
{
    struct wait_packet *p;
    NTSTATUS status = handle_get(packet, &packet_ops, (struct wlx_object **)&p);
    if (status) return status;
    struct watch *w = p->w;
    pthread_mutex_lock(&w->lock);
    settle(w);
    if (w->state == PACKET_WAITING) { stop_waiting(w); status = STATUS_SUCCESS; }
    else if (w->state == PACKET_QUEUED)
    {
        if (remove_signaled && port_find_owned(w->port, w, 1)) { w->state = PACKET_IDLE; status = STATUS_SUCCESS; }
        else status = STATUS_PENDING;
    }
    else status = STATUS_CANCELLED;
    pthread_mutex_unlock(&w->lock);
    object_release(&p->obj);
    return status;
}
