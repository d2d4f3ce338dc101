/*
 * ntdll/unix/syncshare.c — events, mutexes and semaphores shared with other
 * processes: their state lives in a slot of the memfd wlxserver sends once
 * (get_sync_slots), mapped MAP_SHARED here; sync.c then waits and signals on
 * it exactly as on a private state, with shared futexes and a PI lock
 * (wlx/syncslot.h), never asking the server.
 *
 * Sections: the slots · local objects of shared slots · create and open ·
 * moving a private state to a slot · export and import.
 *
 * The server names objects and counts references per process: each create,
 * open or import here is one reference, remembered in the local object
 * (server_refs) and given back in one release_object when this process's
 * last handle to it closes. A process that dies gives all back.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/mman.h>
#include <unistd.h>
#include "private.h"
#include "sync.h"
#include "xhandle.h"
#include "wlx/server.h"
#include "wlx/protocol.h"

/* --- the slots ------------------------------------------------------------- */

static pthread_mutex_t share_lock = PTHREAD_MUTEX_INITIALIZER;   /* the list and the mapping */
static unsigned char *slots;
static uint32_t slot_count, slot_size;
static struct sync_object *shared_list;    /* local objects of shared slots */

static int map_slots_locked(void)
{
    struct wlx_get_sync_slots_reply reply;
    int fd = -1;
    if (slots) return 1;
    NTSTATUS status = wlx_server_call(WLX_REQ_GET_SYNC_SLOTS, NULL, 0, &reply, sizeof(reply), &fd);
    if (status || fd < 0 || reply.slot_size < sizeof(struct sync_state))
    {
        if (fd >= 0) close(fd);
        return 0;
    }
    void *p = mmap(NULL, (size_t)reply.slot_count * reply.slot_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (p == MAP_FAILED) return 0;
    slot_size = reply.slot_size;
    slot_count = reply.slot_count;
    __atomic_store_n(&slots, (unsigned char *)p, __ATOMIC_RELEASE);
    return 1;
}

struct sync_state *syncshare_slot(uint32_t slot)
{
    if (!__atomic_load_n(&slots, __ATOMIC_ACQUIRE))
    {
        pthread_mutex_lock(&share_lock);
        int ok = map_slots_locked();
        pthread_mutex_unlock(&share_lock);
        if (!ok) return NULL;
    }
    if (!slot || slot >= slot_count) return NULL;
    return (struct sync_state *)(slots + (size_t)slot * slot_size);
}

/* maps the slots on first use; 0 when the server could not give them */
static int slots_ready(void)
{
    syncshare_slot(0);
    return __atomic_load_n(&slots, __ATOMIC_ACQUIRE) != NULL;
}

static uint32_t kobject_type(const struct object_ops *ops)
{
    if (ops == &event_ops) return KOBJ_EVENT;
    if (ops == &mutex_ops) return KOBJ_MUTEX;
    if (ops == &timer_ops) return KOBJ_TIMER;
    return ops == &semaphore_ops ? KOBJ_SEMAPHORE : KOBJ_NONE;
}

static const struct object_ops *ops_of_type(uint32_t type)
{
    switch (type)
    {
    case KOBJ_EVENT: return &event_ops;
    case KOBJ_MUTEX: return &mutex_ops;
    case KOBJ_SEMAPHORE: return &semaphore_ops;
    case KOBJ_TIMER: return &timer_ops;
    }
    return NULL;
}

static void release_server_refs(uint32_t slot, uint32_t count)
{
    struct wlx_release_object_request req = { .slot = slot, .count = count };
    wlx_server_call(WLX_REQ_RELEASE_OBJECT, &req, sizeof(req), NULL, 0, NULL);
}

void syncshare_release(uint32_t slot)
{
    release_server_refs(slot, 1);
}

/* A named object of an exported type (a section) handed over by another
   process (DuplicateHandle, inheritance): this process takes a reference
   on its name, so the name lives as long as any process holds the object
   (PostgreSQL pins its dynamic shared memory segments so in the
   postmaster, and other processes open them by name later). The giver
   holds its own until the receiver has the object. */
NTSTATUS syncshare_grab_exported(uint32_t slot)
{
    struct wlx_grab_object_request req = { .slot = slot };
    struct wlx_grab_object_reply reply;
    NTSTATUS status = wlx_server_call(WLX_REQ_GRAB_OBJECT, &req, sizeof(req), &reply, sizeof(reply), NULL);
    if (!status && reply.type != KOBJ_EXPORTED) { release_server_refs(slot, 1); status = STATUS_OBJECT_TYPE_MISMATCH; }
    return status;
}

/* --- local objects of shared slots ------------------------------------------ */

/* The process's object for a slot, given one new server reference: the
   live one if any (a process opening a name twice gets one object, as on
   Windows), else a new one. Returns a new reference, or NULL. */
static struct sync_object *local_object(uint32_t slot, const struct object_ops *ops)
{
    struct sync_state *s = syncshare_slot(slot);
    struct sync_object *o;
    if (!s) return NULL;
    pthread_mutex_lock(&share_lock);
    for (o = shared_list; o; o = o->next)
    {
        if (o->slot != slot || o->obj.ops != ops) continue;
        int ref = __atomic_load_n(&o->obj.refcount, __ATOMIC_RELAXED);
        while (ref > 0)
            if (__atomic_compare_exchange_n(&o->obj.refcount, &ref, ref + 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
            {
                o->server_refs++;
                pthread_mutex_unlock(&share_lock);
                return o;
            }
    }
    if ((o = object_new(ops, sync_object_size(ops))))
    {
        o->s = s;
        o->slot = slot;
        o->server_refs = 1;
        o->next = shared_list;
        shared_list = o;
    }
    pthread_mutex_unlock(&share_lock);
    if (o && ops == &mutex_ops) sync_track_mutex(o);
    return o;
}

void syncshare_forget(struct sync_object *o)
{
    pthread_mutex_lock(&share_lock);
    for (struct sync_object **p = &shared_list; *p; p = &(*p)->next)
        if (*p == o) { *p = o->next; break; }
    uint32_t refs = o->server_refs;
    pthread_mutex_unlock(&share_lock);
    release_server_refs(o->slot, refs);
}

/* --- create and open -------------------------------------------------------- */

/* A named (or inheritable) event, mutex or semaphore: created in the
   server's namespace, or the existing one of that name opened
   (STATUS_OBJECT_NAME_EXISTS). open_only: Open*, init unused. */
NTSTATUS syncshare_create(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr,
                          const struct object_ops *ops, const struct sync_state *init, int open_only)
{
    struct wlx_create_object_request req = { .type = kobject_type(ops), .open_only = open_only };
    struct wlx_create_object_reply reply;
    struct wlx_server_data data = { 0 };

    if (!slots_ready()) return STATUS_INSUFFICIENT_RESOURCES;
    if (init)
    {
        req.sync_type = init->type;
        req.init_count = init->count;
        req.init_max = init->max;
        req.init_owner = init->owner;
    }
    if (attr && attr->ObjectName)
    {
        data.data = attr->ObjectName->Buffer;
        data.data_size = attr->ObjectName->Length & ~1u;
    }
    NTSTATUS status = wlx_server_call_data(WLX_REQ_CREATE_OBJECT, &req, sizeof(req), &reply, sizeof(reply), &data, NULL);
    if (status) return status;
    struct sync_object *o = local_object(reply.slot, ops);
    if (!o) { release_server_refs(reply.slot, 1); return STATUS_NO_MEMORY; }
    if (init && init->owner && !reply.existed) sync_note_owned();
    *handle = handle_alloc(&o->obj, access, attr ? attr->Attributes & OBJ_INHERIT : 0);
    if (!*handle) { object_release(&o->obj); return STATUS_NO_MEMORY; }
    return reply.existed && !open_only ? STATUS_OBJECT_NAME_EXISTS : STATUS_SUCCESS;
}

/* ObjectNameInformation: the server's (normalized) name, empty if none */
NTSTATUS syncshare_name(struct sync_object *o, WCHAR *buf, uint32_t max, uint32_t *len)
{
    struct wlx_get_object_name_request req = { .slot = o->slot };
    struct wlx_server_data data = { .reply_data = buf, .reply_data_max = max };
    *len = 0;
    if (!o->slot) return STATUS_SUCCESS;
    NTSTATUS status = wlx_server_call_data(WLX_REQ_GET_OBJECT_NAME, &req, sizeof(req), NULL, 0, &data, NULL);
    if (status) return status;
    *len = data.reply_data_size;
    return data.reply_data_size > max ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
}

/* --- named objects of other types ----------------------------------------------
   A type with an export hook and a name (a section) is a KOBJ_EXPORTED
   object in the server: the name, the references, and once its creator
   has set it up (sync_named_ready) its object_export and fd, from which
   another process that opens the name rebuilds its own object. Types are
   told apart by a hash of their type name. */

static uint32_t type_tag(const struct object_ops *ops)
{
    uint32_t h = 2166136261u;
    for (const char *p = ops->type; *p; p++) h = (h ^ (uint8_t)*p) * 16777619u;
    return h;
}

/* the published object of another process, rebuilt here; waits 200 ms at
   most for a creator between its create and its publish */
static NTSTATUS import_exported(uint32_t slot, const struct object_ops *ops, const UNICODE_STRING *name,
                                struct sync_object **out)
{
    struct wlx_get_object_export_request req = { .slot = slot };
    struct wlx_get_object_export_reply reply;
    struct timespec ms = { 0, 1000000 };
    NTSTATUS status;
    int fd = -1;
    for (int tries = 0; (status = wlx_server_call(WLX_REQ_GET_OBJECT_EXPORT, &req, sizeof(req), &reply, sizeof(reply), &fd))
                        == STATUS_PENDING && tries < 200; tries++)
        nanosleep(&ms, NULL);
    if (status) return status == STATUS_PENDING ? STATUS_OBJECT_NAME_NOT_FOUND : status;
    /* create_object counted our reference already: the importer takes none */
    struct object_export ex = { reply.kind, reply.flags | EXPORT_SYNC_GRABBED,
                                { reply.data0, reply.data1, reply.data2, reply.data3, reply.data4, reply.data5 } };
    struct wlx_object *obj = handle_import_object(&ex, fd);
    if (!obj) return STATUS_NOT_SUPPORTED;
    struct sync_object *o = (struct sync_object *)obj;
    if (obj->ops != ops || sync_add_named(o, name)) { object_release(obj); return STATUS_NO_MEMORY; }
    if (!o->s) o->s = &o->state;
    o->slot = slot;
    o->server_refs = 1;
    *out = o;
    return STATUS_SUCCESS;
}

NTSTATUS syncshare_create_exported(const OBJECT_ATTRIBUTES *attr, const struct object_ops *ops, int open_only,
                                   uint32_t *slot, struct sync_object **o)
{
    struct wlx_create_object_request req = { .type = KOBJ_EXPORTED, .open_only = open_only, .type_tag = type_tag(ops) };
    struct wlx_create_object_reply reply;
    struct wlx_server_data data = { attr->ObjectName->Buffer, attr->ObjectName->Length & ~1u };
    *o = NULL;
    *slot = 0;
    NTSTATUS status = wlx_server_call_data(WLX_REQ_CREATE_OBJECT, &req, sizeof(req), &reply, sizeof(reply), &data, NULL);
    if (status == STATUS_WLX_SERVER_FAILED) return STATUS_SUCCESS;   /* no server: this process's names only */
    if (status) return status;
    if (!reply.existed) { *slot = reply.slot; return STATUS_SUCCESS; }
    status = import_exported(reply.slot, ops, attr->ObjectName, o);
    if (status) release_server_refs(reply.slot, 1);
    return status;
}

void syncshare_publish(struct sync_object *o)
{
    struct object_export ex;
    int fd = -1;
    if (o->obj.ops->export(&o->obj, &ex, &fd)) return;
    struct wlx_publish_object_request req = {
        .slot = o->slot, .kind = ex.kind, .flags = ex.flags, .data0 = ex.data[0], .data1 = ex.data[1],
        .data2 = ex.data[2], .data3 = ex.data[3], .data4 = ex.data[4], .data5 = ex.data[5], .has_fd = fd >= 0 };
    wlx_server_call_fd(WLX_REQ_PUBLISH_OBJECT, &req, sizeof(req), NULL, 0, NULL, fd, NULL);
    if (fd >= 0) close(fd);
}

/* --- moving a private state to a slot ------------------------------------------
   An unnamed object that another process is to see (DuplicateHandle into
   it, inheritance after SetHandleInformation): its state is copied to a new
   anonymous slot under its private lock, and the private state is marked
   SYNC_MOVED and its waiters woken; they and every later user follow o->s. */

static NTSTATUS move_to_slot(struct sync_object *o)
{
    struct wlx_create_object_request req = { .type = kobject_type(o->obj.ops) };
    struct wlx_create_object_reply reply;
    struct sync_state *old = &o->state, *s;
    NTSTATUS status = STATUS_SUCCESS;

    if (!slots_ready()) return STATUS_INSUFFICIENT_RESOURCES;
    state_lock(old);
    if (old->flags & SYNC_MOVED) { state_unlock(old); return STATUS_SUCCESS; }   /* another thread did it */
    req.sync_type = old->type;
    req.init_count = old->count;
    req.init_max = old->max;
    req.init_owner = old->owner;
    status = wlx_server_call(WLX_REQ_CREATE_OBJECT, &req, sizeof(req), &reply, sizeof(reply), NULL);
    if (!status && !(s = syncshare_slot(reply.slot))) status = STATUS_INSUFFICIENT_RESOURCES;
    if (status) { state_unlock(old); return status; }
    state_lock(s);
    s->owner_pid = old->owner ? old->owner_pid : 0;
    s->abandoned = old->abandoned;
    state_unlock(s);
    pthread_mutex_lock(&share_lock);
    o->slot = reply.slot;
    o->server_refs = 1;
    o->next = shared_list;
    shared_list = o;
    __atomic_store_n(&o->s, s, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&share_lock);
    old->flags |= SYNC_MOVED;
    old->count = 0;
    state_bump(old);
    state_unlock_wake(old, 1);
    return STATUS_SUCCESS;
}

/* --- export and import (private.h, "exporting objects") ------------------------
   EXPORT_SYNC: data[0] slot, data[1] enum kobject_type; flags
   EXPORT_SYNC_GRABBED when the server already counted the receiver's
   reference (DuplicateHandle); else the receiver takes one (inheritance). */

NTSTATUS syncshare_export(struct wlx_object *obj, struct object_export *ex, int *fd)
{
    struct sync_object *o = (struct sync_object *)obj;
    *fd = -1;
    if (!__atomic_load_n(&o->slot, __ATOMIC_ACQUIRE))
    {
        NTSTATUS status = move_to_slot(o);
        if (status) return status;
    }
    memset(ex, 0, sizeof(*ex));
    ex->kind = EXPORT_SYNC;
    ex->data[0] = o->slot;
    ex->data[1] = kobject_type(obj->ops);
    return STATUS_SUCCESS;
}

static struct wlx_object *sync_import(const struct object_export *ex, int fd)
{
    uint32_t slot = (uint32_t)ex->data[0];
    const struct object_ops *ops = ops_of_type((uint32_t)ex->data[1]);
    if (fd >= 0) close(fd);
    if (!ops) return NULL;
    if (!(ex->flags & EXPORT_SYNC_GRABBED))
    {
        struct wlx_grab_object_request req = { .slot = slot };
        struct wlx_grab_object_reply reply;
        if (wlx_server_call(WLX_REQ_GRAB_OBJECT, &req, sizeof(req), &reply, sizeof(reply), NULL)) return NULL;
        if (reply.type != ex->data[1]) { release_server_refs(slot, 1); return NULL; }
    }
    struct sync_object *o = local_object(slot, ops);
    if (!o) release_server_refs(slot, 1);
    return o ? &o->obj : NULL;
}

static void __attribute__((constructor)) register_sync_import(void)
{
    _Static_assert(EXPORT_SYNC == EXPORT_KIND_SYNC, "export kind shared with the server");
    handle_register_import(EXPORT_SYNC, sync_import);
}
