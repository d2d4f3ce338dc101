/*
 * server/kobject.c — kernel objects shared across processes: the namespace
 * (\BaseNamedObjects), the memfd of shared sync slots, references per
 * process, mutex abandonment when a process dies, and handles on their way
 * to another process (DuplicateHandle).
 *
 * Sections: sync slots · objects and references · namespace · requests ·
 * handles in transit · process death.
 *
 * - Every kobject (event, mutex, semaphore, job) owns one slot of the memfd;
 *   the slot index is its id in the protocol. Clients wait and signal on the
 *   slot directly (futexes in shared memory); the server writes a slot only
 *   to set it up and to abandon a dead process's mutexes.
 * - An object lives while some process holds a reference: the server counts
 *   references per process (one per create/open/grab; the client sends
 *   release_object with its count when its last handle goes) and drops all
 *   of a process's references when its connection closes. The name goes
 *   with the object.
 * - One namespace whatever the type: a create or open of a name held by
 *   another type fails with STATUS_OBJECT_TYPE_MISMATCH (ERROR_INVALID_HANDLE).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/mman.h>
#include <unistd.h>
#include "wlxserver.h"
#include "kobject.h"

#define STATUS_OBJECT_NAME_NOT_FOUND ((NTSTATUS)0xC0000034)
#define STATUS_OBJECT_TYPE_MISMATCH  ((NTSTATUS)0xC0000024)
#define STATUS_OBJECT_NAME_INVALID   ((NTSTATUS)0xC0000033)
#define STATUS_INVALID_HANDLE        ((NTSTATUS)0xC0000008)
#define STATUS_INSUFFICIENT_RESOURCES ((NTSTATUS)0xC000009A)

/* ---- sync slots ---- */

static int slots_fd = -1;
static unsigned char *slots_base;
static struct kobject *slot_owner[SYNC_SLOT_COUNT];   /* slot 0 unused */
static uint32_t slot_cursor = 1;

static int slots_init(void)
{
    if (slots_fd >= 0) return 0;
    int fd = memfd_create("wlx-sync-slots", MFD_CLOEXEC);
    if (fd < 0) return -1;
    if (ftruncate(fd, (off_t)SYNC_SLOT_COUNT * SYNC_SLOT_SIZE) < 0) { close(fd); return -1; }
    void *p = mmap(NULL, (size_t)SYNC_SLOT_COUNT * SYNC_SLOT_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) { close(fd); return -1; }
    slots_fd = fd;
    slots_base = p;
    return 0;
}

struct sync_state *kobject_slot(uint32_t slot)
{
    return (struct sync_state *)(slots_base + (size_t)slot * SYNC_SLOT_SIZE);
}

/* a free slot, zeroed, or 0 when all are taken */
static uint32_t slot_alloc(struct kobject *obj)
{
    if (slots_init() < 0) return 0;
    for (uint32_t n = 1; n < SYNC_SLOT_COUNT; n++) {
        uint32_t slot = slot_cursor;
        slot_cursor = slot_cursor + 1 < SYNC_SLOT_COUNT ? slot_cursor + 1 : 1;
        if (slot_owner[slot]) continue;
        slot_owner[slot] = obj;
        memset(kobject_slot(slot), 0, SYNC_SLOT_SIZE);
        return slot;
    }
    return 0;
}

struct kobject *kobject_get(uint32_t slot)
{
    return slot && slot < SYNC_SLOT_COUNT ? slot_owner[slot] : NULL;
}

/* The server takes a slot's lock only briefly (to abandon a mutex or
 * signal a job): a dead holder is taken over (wlx/syncslot.h); a live one
 * is waited for 200 ms at most, so that a client thread stopped while
 * holding it (SuspendThread, a debugger) cannot stall the server. Past that
 * the server writes anyway (word-sized stores; the holder only ever leaves
 * the state consistent for itself) and returns 0: don't unlock then. */
static int slot_lock(struct sync_state *s)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += 200000000;
    if (until.tv_nsec >= 1000000000) { until.tv_sec++; until.tv_nsec -= 1000000000; }
    return !sync_shared_lock(s, (uint32_t)getpid(), &until);
}

static void slot_unlock_wake(struct sync_state *s, int locked, int wake)
{
    if (locked) sync_shared_unlock(s, (uint32_t)getpid());
    if (wake) syscall(SYS_futex, &s->seq, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
}

/* the lock of a slot for timer.c (1: locked, 0: written anyway) */
int kobject_lock_slot(struct sync_state *s)
{
    return slot_lock(s);
}

void kobject_unlock_slot(struct sync_state *s, int locked, int wake)
{
    slot_unlock_wake(s, locked, wake);
}

/* a manual-reset event state becomes signaled (a job's, job.c) */
void kobject_signal_slot(uint32_t slot)
{
    struct sync_state *s = kobject_slot(slot);
    int locked = slot_lock(s);
    s->count = 1;
    __atomic_store_n(&s->seq, s->seq + 1, __ATOMIC_RELEASE);
    s->set_seq = s->seq;
    slot_unlock_wake(s, locked, 1);
}

/* ---- objects and references ---- */

static struct list all_kobjects = { &all_kobjects, &all_kobjects };

static const char *const type_names[] = { "none", "event", "mutex", "semaphore", "job", "exported", "timer" };

static void kobject_dump(struct object *obj)
{
    struct kobject *k = (struct kobject *)obj;
    fprintf(stderr, "kobject %s slot=%u name_len=%u refs=%u\n",
            k->type < KOBJ_TYPE_COUNT ? type_names[k->type] : "?", k->slot, k->name_len, obj->refcount);
}

static void kobject_destroy(struct object *obj)
{
    struct kobject *k = (struct kobject *)obj;
    if (k->type == KOBJ_JOB) job_destroy(k);
    if (k->fd >= 0) close(k->fd);
    if (k->slot) slot_owner[k->slot] = NULL;
    list_remove(&k->entry);
    while (!list_empty(&k->refs)) {
        struct kref *r = LIST_ENTRY(k->refs.next, struct kref, entry);
        list_remove(&r->entry);
        free(r);
    }
    free(k->name);
}

static const struct object_ops kobject_ops = {
    .type_name = "kobject",
    .dump = kobject_dump,
    .signaled = no_signaled,
    .destroy = kobject_destroy,
};

static struct kref *find_ref(struct kobject *k, uint32_t process_id)
{
    for (struct list *l = k->refs.next; l != &k->refs; l = l->next) {
        struct kref *r = LIST_ENTRY(l, struct kref, entry);
        if (r->process_id == process_id) return r;
    }
    return NULL;
}

/* one more reference of process_id (a server object reference goes with
 * each process that holds any) */
int kobject_add_ref(struct kobject *k, uint32_t process_id)
{
    struct kref *r = find_ref(k, process_id);
    if (!r) {
        if (!(r = calloc(1, sizeof(*r)))) return -1;
        r->process_id = process_id;
        list_add_tail(&k->refs, &r->entry);
        grab_object(k);
    }
    r->count++;
    return 0;
}

/* drops count references of process_id (all when count is UINT32_MAX) */
void kobject_drop_refs(struct kobject *k, uint32_t process_id, uint32_t count)
{
    struct kref *r = find_ref(k, process_id);
    if (!r) return;
    if (count < r->count) { r->count -= count; return; }
    list_remove(&r->entry);
    free(r);
    if (k->type == KOBJ_JOB && list_empty(&k->refs)) job_last_handle_closed(k);
    if (k->type == KOBJ_TIMER && !list_empty(&k->refs)) timer_takeover(k, process_id);
    release_object(k);
}

/* ---- namespace ---- */

/* \Sessions\<n>\BaseNamedObjects\x, \BaseNamedObjects\Global\x and
 * \BaseNamedObjects\Local\x all name \BaseNamedObjects\x (one session). */
static const uint16_t *normalize_name(const uint16_t *name, uint32_t *len)
{
    static const char sessions[] = "\\Sessions\\", base[] = "\\BaseNamedObjects\\";
    uint32_t n = *len, i;
    for (i = 0; i < sizeof(sessions) - 1 && i < n && name[i] == (uint16_t)sessions[i]; i++) ;
    if (i == sizeof(sessions) - 1) {
        while (i < n && name[i] >= '0' && name[i] <= '9') i++;
        name += i; n -= i;
    }
    for (i = 0; i < sizeof(base) - 1 && i < n && name[i] == (uint16_t)base[i]; i++) ;
    if (i != sizeof(base) - 1) { *len = n; return name; }
    static uint16_t buf[WLX_MAX_MESSAGE_SIZE / 2];
    const uint16_t *rest = name + i;
    uint32_t rest_len = n - i;
    static const char *const prefixes[] = { "Global\\", "Local\\" };
    for (int p = 0; p < 2; p++) {
        uint32_t pl = strlen(prefixes[p]), j;
        for (j = 0; j < pl && j < rest_len && rest[j] == (uint16_t)prefixes[p][j]; j++) ;
        if (j == pl) { rest += pl; rest_len -= pl; break; }
    }
    for (i = 0; i < sizeof(base) - 1; i++) buf[i] = base[i];
    memcpy(buf + i, rest, rest_len * sizeof(uint16_t));
    *len = i + rest_len;
    return buf;
}

static struct kobject *find_name(const uint16_t *name, uint32_t len)
{
    for (struct list *l = all_kobjects.next; l != &all_kobjects; l = l->next) {
        struct kobject *k = LIST_ENTRY(l, struct kobject, entry);
        if (k->name_len == len && !memcmp(k->name, name, len * sizeof(uint16_t))) return k;
    }
    return NULL;
}

struct kobject *kobject_create(uint32_t type, const uint16_t *name, uint32_t name_len)
{
    struct kobject *k = alloc_object(&kobject_ops, sizeof(*k));
    if (!k) return NULL;
    list_init(&k->refs);
    list_add_tail(&all_kobjects, &k->entry);
    k->type = type;
    k->fd = -1;
    if (name_len && (k->name = malloc(name_len * sizeof(uint16_t)))) {
        memcpy(k->name, name, name_len * sizeof(uint16_t));
        k->name_len = name_len;
    }
    if ((name_len && !k->name) || !(k->slot = slot_alloc(k))) {
        release_object(k);
        return NULL;
    }
    return k;   /* the caller's reference: handed to the first kref */
}

struct kobject *kobject_first(void)
{
    return all_kobjects.next == &all_kobjects ? NULL : LIST_ENTRY(all_kobjects.next, struct kobject, entry);
}

struct kobject *kobject_next(struct kobject *k)
{
    return k->entry.next == &all_kobjects ? NULL : LIST_ENTRY(k->entry.next, struct kobject, entry);
}

/* ---- requests ---- */

static void init_slot(struct kobject *k, const struct wlx_create_object_request *req, uint32_t process_id)
{
    struct sync_state *s = kobject_slot(k->slot);
    s->type = req->sync_type;
    s->count = req->init_count;
    s->max = req->init_max;
    s->owner = req->init_owner;
    s->owner_pid = req->init_owner ? process_id : 0;
    s->flags = SYNC_SHARED;
}

WLX_HANDLER(create_object)
{
    uint32_t len = ctx->data_size / sizeof(uint16_t);
    uint16_t *copy = NULL;
    const uint16_t *name;
    struct kobject *k = NULL;

    if (!ctx->process) return STATUS_INVALID_DEVICE_STATE;
    if (!req->type || req->type >= KOBJ_TYPE_COUNT || req->sync_type > SYNC_SEMAPHORE) return STATUS_INVALID_PARAMETER;
    if (len && !(copy = malloc(len * sizeof(uint16_t)))) return STATUS_NO_MEMORY;
    if (len) memcpy(copy, ctx->data, len * sizeof(uint16_t));   /* VARARG data may be unaligned */
    name = normalize_name(copy, &len);
    if (len && (k = find_name(name, len))) {
        free(copy);
        if (k->type != req->type || k->type_tag != req->type_tag) return STATUS_OBJECT_TYPE_MISMATCH;
        if (kobject_add_ref(k, ctx->process->id) < 0) return STATUS_NO_MEMORY;
        reply->slot = k->slot;
        reply->existed = 1;
        return STATUS_SUCCESS;
    }
    if (req->open_only) { free(copy); return len ? STATUS_OBJECT_NAME_NOT_FOUND : STATUS_OBJECT_NAME_INVALID; }
    k = kobject_create(req->type, name, len);
    free(copy);
    if (!k) return STATUS_INSUFFICIENT_RESOURCES;
    k->type_tag = req->type_tag;
    if (req->type == KOBJ_JOB) job_init(k);
    else if (req->type != KOBJ_EXPORTED) init_slot(k, req, ctx->process->id);
    if (kobject_add_ref(k, ctx->process->id) < 0) { release_object(k); return STATUS_NO_MEMORY; }
    release_object(k);   /* the kref holds it now */
    reply->slot = k->slot;
    return STATUS_SUCCESS;
}

WLX_HANDLER(publish_object)
{
    struct kobject *k = kobject_get(req->slot);
    (void)reply;
    if (!ctx->process) return STATUS_INVALID_DEVICE_STATE;
    if (!k || k->type != KOBJ_EXPORTED || !find_ref(k, ctx->process->id)) return STATUS_INVALID_HANDLE;
    if (k->published) return STATUS_INVALID_PARAMETER;
    if (req->has_fd && ctx->request_fd < 0) return STATUS_INVALID_PARAMETER;
    k->desc = (struct wlx_get_object_export_reply){ req->kind, req->flags, req->data0, req->data1,
                                                    req->data2, req->data3, req->data4, req->data5 };
    if (req->has_fd) { k->fd = ctx->request_fd; ctx->request_fd = -1; }
    k->published = 1;
    return STATUS_SUCCESS;
}

WLX_HANDLER(get_object_export)
{
    struct kobject *k = kobject_get(req->slot);
    if (!k || k->type != KOBJ_EXPORTED) return STATUS_INVALID_HANDLE;
    if (!k->published) return STATUS_PENDING;
    if (k->fd >= 0 && (ctx->reply_fd = dup(k->fd)) < 0) return STATUS_NO_MEMORY;
    *reply = k->desc;
    return STATUS_SUCCESS;
}

WLX_HANDLER(get_sync_slots)
{
    (void)req;
    if (slots_init() < 0) return STATUS_NO_MEMORY;
    if ((ctx->reply_fd = dup(slots_fd)) < 0) return STATUS_NO_MEMORY;
    reply->slot_count = SYNC_SLOT_COUNT;
    reply->slot_size = SYNC_SLOT_SIZE;
    return STATUS_SUCCESS;
}

WLX_HANDLER(grab_object)
{
    struct kobject *k = kobject_get(req->slot);
    if (!ctx->process) return STATUS_INVALID_DEVICE_STATE;
    if (!k) return STATUS_INVALID_HANDLE;
    if (kobject_add_ref(k, ctx->process->id) < 0) return STATUS_NO_MEMORY;
    reply->type = k->type;
    return STATUS_SUCCESS;
}

WLX_HANDLER(release_object)
{
    struct kobject *k = kobject_get(req->slot);
    (void)reply;
    if (!ctx->process) return STATUS_INVALID_DEVICE_STATE;
    if (!k || !find_ref(k, ctx->process->id)) return STATUS_INVALID_HANDLE;
    kobject_drop_refs(k, ctx->process->id, req->count ? req->count : 1);
    return STATUS_SUCCESS;
}

WLX_HANDLER(get_object_name)
{
    struct kobject *k = kobject_get(req->slot);
    (void)reply;
    if (!k) return STATUS_INVALID_HANDLE;
    uint32_t size = k->name_len * sizeof(uint16_t);
    if (size > ctx->reply_data_max) size = ctx->reply_data_max;
    memcpy(ctx->reply_data, k->name, size);
    ctx->reply_data_size = size;
    return STATUS_SUCCESS;
}

/* ---- handles in transit (DuplicateHandle into another process) ----
 * The target learns the value from its caller (a command line, a pipe…) and
 * fetches the description the first time it uses it. Values are handed out
 * per target from HANDLE_IMPORT_BASE. */

struct transit {
    struct list entry;
    uint32_t target;                   /* process id */
    uint64_t handle;
    struct wlx_take_handle_reply desc;
    int fd;
};

static struct list transits = { &transits, &transits };

/* the next handle value of each target (values are dense per process, so
 * its table of imported handles stays small; they never repeat in it) */
struct transit_counter {
    struct list entry;
    uint32_t process_id;
    uint64_t next;                     /* index from HANDLE_IMPORT_BASE */
};
static struct list counters = { &counters, &counters };

static struct transit_counter *counter_of(uint32_t process_id, int create)
{
    for (struct list *l = counters.next; l != &counters; l = l->next) {
        struct transit_counter *c = LIST_ENTRY(l, struct transit_counter, entry);
        if (c->process_id == process_id) return c;
    }
    struct transit_counter *c = create ? calloc(1, sizeof(*c)) : NULL;
    if (c) {
        c->process_id = process_id;
        list_add_tail(&counters, &c->entry);
    }
    return c;
}

static void transit_free(struct transit *t)
{
    if (t->desc.flags & EXPORT_SYNC_GRABBED) {
        struct kobject *k = kobject_get((uint32_t)(t->desc.kind == EXPORT_KIND_SECTION ? t->desc.data3 : t->desc.data0));
        if (k) kobject_drop_refs(k, t->target, 1);
    }
    if (t->fd >= 0) close(t->fd);
    list_remove(&t->entry);
    free(t);
}

WLX_HANDLER(dup_to_process)
{
    struct process *target = get_process(req->process_id);
    struct transit *t;

    if (!ctx->process) return STATUS_INVALID_DEVICE_STATE;
    if (!target || !target->alive || !target->client) return STATUS_INVALID_HANDLE;
    if (req->has_fd && ctx->request_fd < 0) return STATUS_INVALID_PARAMETER;
    struct transit_counter *counter = counter_of(target->id, 1);
    if (!counter) return STATUS_NO_MEMORY;
    if (counter->next >= (HANDLE_IMPORT_LIMIT - HANDLE_IMPORT_BASE) / 4) return STATUS_INSUFFICIENT_RESOURCES;
    if (!(t = calloc(1, sizeof(*t)))) return STATUS_NO_MEMORY;
    t->target = target->id;
    t->handle = HANDLE_IMPORT_BASE + counter->next++ * 4;
    t->desc = (struct wlx_take_handle_reply){ req->access, req->attributes, req->kind, req->flags,
                                               req->data0, req->data1, req->data2, req->data3, req->data4, req->data5 };
    t->fd = -1;
    if (req->kind == EXPORT_KIND_SYNC || req->kind == EXPORT_KIND_JOB ||
        (req->kind == EXPORT_KIND_SECTION && req->data3)) {
        /* the target's reference is taken now: the object (a section's
           name) outlives the caller */
        struct kobject *k = kobject_get((uint32_t)(req->kind == EXPORT_KIND_SECTION ? req->data3 : req->data0));
        if (!k || kobject_add_ref(k, target->id) < 0) { free(t); return STATUS_INVALID_HANDLE; }
        t->desc.flags |= EXPORT_SYNC_GRABBED;
    }
    if (req->has_fd) { t->fd = ctx->request_fd; ctx->request_fd = -1; }
    list_init(&t->entry);
    list_add_tail(&transits, &t->entry);
    reply->handle = t->handle;
    return STATUS_SUCCESS;
}

WLX_HANDLER(take_handle)
{
    if (!ctx->process) return STATUS_INVALID_DEVICE_STATE;
    for (struct list *l = transits.next; l != &transits; l = l->next) {
        struct transit *t = LIST_ENTRY(l, struct transit, entry);
        if (t->target != ctx->process->id || t->handle != req->handle) continue;
        *reply = t->desc;
        ctx->reply_fd = t->fd;         /* closed once sent */
        list_remove(&t->entry);
        free(t);
        return STATUS_SUCCESS;
    }
    return STATUS_INVALID_HANDLE;
}

/* ---- process death ---- */

/* Under the slot's lock: the dead process's mutexes become abandoned (the
 * next wait gets WAIT_ABANDONED), and its waiters wake to see it. */
static void abandon_mutex(struct kobject *k, uint32_t process_id)
{
    struct sync_state *s = kobject_slot(k->slot);
    if (__atomic_load_n(&s->owner_pid, __ATOMIC_ACQUIRE) != process_id) return;
    int locked = slot_lock(s), wake = 0;
    if (s->owner && s->owner_pid == process_id) {
        s->owner = 0;
        s->owner_pid = 0;
        s->count = 0;
        s->abandoned = 1;
        __atomic_store_n(&s->seq, s->seq + 1, __ATOMIC_RELEASE);
        wake = 1;   /* the dead may have left waiters at 0 wrongly: always wake */
    }
    slot_unlock_wake(s, locked, wake);
}

/* The connection of a process closed: its mutexes are abandoned, its
 * references and the handles waiting for it dropped. */
void kobject_process_gone(struct process *process)
{
    for (struct list *l = transits.next; l != &transits; ) {
        struct transit *t = LIST_ENTRY(l, struct transit, entry);
        l = l->next;
        if (t->target == process->id) transit_free(t);
    }
    struct transit_counter *counter = counter_of(process->id, 0);
    if (counter) {
        list_remove(&counter->entry);
        free(counter);
    }
    for (struct kobject *k = kobject_first(); k; ) {
        if (k->type == KOBJ_MUTEX) abandon_mutex(k, process->id);
        grab_object(k);    /* k may go below; its successor stays valid */
        kobject_drop_refs(k, process->id, UINT32_MAX);
        struct kobject *next = kobject_next(k);
        release_object(k);
        k = next;
    }
    job_process_gone(process);
}
