/*
 * server/job.c — job objects: which processes belong to a job, nested jobs,
 * limits and accounting, terminating a job, KILL_ON_JOB_CLOSE, and the
 * messages a job sends to its completion port. The job itself is a kobject
 * (kobject.c: name, references); its slot is a manual-reset event state the
 * server signals when the job is terminated, so that waiting on a job needs
 * no server either.
 *
 * Sections: jobs and membership · messages to completion ports · process
 * events · requests.
 *
 * - Membership: a process's *immediate* job lists it in `members`; the jobs
 *   above it (`parent`, nested jobs, Windows 8+) contain it too. Accounting
 *   and process lists of a job cover its whole subtree. A member holds a
 *   reference to its immediate job and a job to its parent, so a job with
 *   processes in it lives on after its last handle (as on Windows).
 * - AssignProcessToJobObject of a process already in a job: allowed when the
 *   job is in the process's chain (nothing to do) or below its immediate
 *   job (the process moves down), or when the job is empty and has no
 *   parent: it then becomes a child of the process's immediate job
 *   (learn.microsoft.com, "Nested Jobs"). Anything else: access denied.
 * - A process started by a member joins its parent's immediate job, or the
 *   first job up the chain that does not allow silent breakaway.
 * - Messages (JOBOBJECT_ASSOCIATE_COMPLETION_PORT): the port lives in one
 *   client process, the events happen here. Each association is a `link`
 *   holding the messages not yet fetched and the slot of an anonymous event
 *   of the port's process; queueing a message sets that event, which wakes
 *   the process's watcher thread (ntdll/unix/job.c). The watcher fetches the
 *   batch (take_job_messages) and posts each to its port. No polling; a
 *   message is a server-side append plus one futex wake.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include "wlxserver.h"
#include "kobject.h"

#define STATUS_INVALID_HANDLE  ((NTSTATUS)0xC0000008)
#define STATUS_QUOTA_EXCEEDED  ((NTSTATUS)0xC0000044)
#define JOB_OBJECT_LIMIT_ACTIVE_PROCESS      0x0008
#define JOB_OBJECT_LIMIT_BREAKAWAY_OK        0x0800
#define JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK 0x1000
#define JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE   0x2000
#define JOB_MAX_PROCESSES 4096
#define JOB_LIMITS_SIZE   144     /* JOBOBJECT_EXTENDED_LIMIT_INFORMATION (x64) */

/* JOB_OBJECT_MSG_* (winnt.h) */
enum { MSG_ACTIVE_PROCESS_LIMIT = 3, MSG_ACTIVE_PROCESS_ZERO = 4, MSG_NEW_PROCESS = 6,
       MSG_EXIT_PROCESS = 7, MSG_ABNORMAL_EXIT_PROCESS = 8 };

struct job_msg { uint32_t msg, process_id; };

struct job_link {                  /* a completion port associated with a job */
    struct list entry;             /* in all_links */
    uint32_t owner;                /* id of the process that holds the port */
    struct kobject *notify;        /* the owner's event set when messages wait (a reference:
                                      its slot is not reused while we may set it) */
    struct job_msg *msgs;          /* not fetched yet */
    uint32_t count, size;
    int ended;                     /* the job went or another port replaced it */
};

struct job {
    uint32_t *members;             /* live processes whose immediate job this is */
    uint32_t count, size;
    uint32_t total, terminated;    /* accounting, subtree included */
    uint32_t limit_flags, active_limit;
    uint8_t limits[JOB_LIMITS_SIZE];   /* as last set, for queries */
    struct kobject *parent;        /* nested: the parent job (a reference), or NULL */
    struct job_link *link;         /* its completion port, or NULL */
};

static struct list all_links = { &all_links, &all_links };

/* ---- jobs and membership ---- */

static struct kobject *get_job(uint32_t slot)
{
    struct kobject *k = kobject_get(slot);
    return k && k->type == KOBJ_JOB && k->job ? k : NULL;
}

static struct kobject *parent_of(struct kobject *k)
{
    return k->job->parent;
}

void job_init(struct kobject *k)
{
    struct sync_state *s = kobject_slot(k->slot);
    s->type = SYNC_MANUAL_EVENT;
    s->flags = SYNC_SHARED;
    k->job = calloc(1, sizeof(*k->job));
}

static void link_end(struct job_link *l);

void job_destroy(struct kobject *k)
{
    struct job *job = k->job;
    if (!job) return;
    k->job = NULL;
    if (job->link) link_end(job->link);
    if (job->parent) release_object(job->parent);
    free(job->members);
    free(job);
}

static int job_find(struct job *job, uint32_t process_id)
{
    for (uint32_t i = 0; i < job->count; i++) if (job->members[i] == process_id) return (int)i;
    return -1;
}

/* the immediate job of a process, or NULL */
static struct kobject *job_of(uint32_t process_id)
{
    for (struct kobject *k = kobject_first(); k; k = kobject_next(k))
        if (k->type == KOBJ_JOB && k->job && job_find(k->job, process_id) >= 0) return k;
    return NULL;
}

/* is k `ancestor` or below it? */
static int job_within(struct kobject *k, struct kobject *ancestor)
{
    for (; k; k = parent_of(k)) if (k == ancestor) return 1;
    return 0;
}

/* calls fn for every process of k's subtree; stops when fn returns nonzero */
static int job_each_process(struct kobject *k, int (*fn)(uint32_t process_id, void *arg), void *arg)
{
    for (struct kobject *j = kobject_first(); j; j = kobject_next(j)) {
        if (j->type != KOBJ_JOB || !j->job || !job_within(j, k)) continue;
        for (uint32_t i = 0; i < j->job->count; i++) if (fn(j->job->members[i], arg)) return 1;
    }
    return 0;
}

static int count_one(uint32_t process_id, void *arg)
{
    (void)process_id;
    ++*(uint32_t *)arg;
    return 0;
}

/* live processes in k's subtree */
static uint32_t job_active(struct kobject *k)
{
    uint32_t n = 0;
    job_each_process(k, count_one, &n);
    return n;
}

static int job_add(struct kobject *k, uint32_t process_id)
{
    struct job *job = k->job;
    if (job->count == job->size) {
        uint32_t n = job->size ? job->size * 2 : 16;
        uint32_t *m = n <= JOB_MAX_PROCESSES ? realloc(job->members, n * sizeof(*m)) : NULL;
        if (!m) return -1;
        job->members = m;
        job->size = n;
    }
    job->members[job->count++] = process_id;
    grab_object(k);   /* a member keeps its job alive */
    return 0;
}

/* the caller holds a reference to k: this one may be the last but one */
static void job_remove(struct kobject *k, uint32_t process_id)
{
    int i = job_find(k->job, process_id);
    if (i < 0) return;
    k->job->members[i] = k->job->members[--k->job->count];
    release_object(k);
}

/* ---- messages to completion ports ---- */

static void link_free(struct job_link *l)
{
    list_remove(&l->entry);
    release_object(l->notify);
    free(l->msgs);
    free(l);
}

/* is the owner's watcher still there? (it holds the event) */
static int link_watched(struct job_link *l)
{
    return !list_empty(&l->notify->refs);
}

/* the job is gone or has another port: the watcher takes the rest, then stops */
static void link_end(struct job_link *l)
{
    l->ended = 1;
    if (link_watched(l)) kobject_signal_slot(l->notify->slot);
}

static void link_post(struct job_link *l, uint32_t msg, uint32_t process_id)
{
    if (!link_watched(l)) return;   /* the port closed: nobody will read it */
    if (l->count == l->size) {
        uint32_t n = l->size ? l->size * 2 : 16;
        /* a port nobody reads: Windows does not promise delivery either */
        struct job_msg *m = n <= 65536 ? realloc(l->msgs, n * sizeof(*m)) : NULL;
        if (!m) return;
        l->msgs = m;
        l->size = n;
    }
    l->msgs[l->count++] = (struct job_msg){ msg, process_id };
    if (l->count == 1) kobject_signal_slot(l->notify->slot);
}

/* a message about a process goes to the port of every job of the chain */
static void chain_post(struct kobject *k, struct kobject *stop, uint32_t msg, uint32_t process_id)
{
    for (; k && k != stop; k = parent_of(k))
        if (k->job->link) link_post(k->job->link, msg, process_id);
}

/* exit codes the documentation lists as abnormal (exceptions) */
static int abnormal_exit(uint32_t code)
{
    static const uint32_t codes[] = {
        0xC0000005, 0xC000008C, 0x80000003, 0x80000002, 0xC000008D, 0xC000008E, 0xC000008F, 0xC0000090,
        0xC0000091, 0xC0000092, 0xC0000093, 0x80000001, 0xC000001D, 0xC0000006, 0xC0000094, 0xC0000095,
        0xC0000026, 0xC0000025, 0xC0000096, 0x80000004, 0xC00000FD,
    };
    for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) if (codes[i] == code) return 1;
    return 0;
}

/* process_id left the jobs from k up to stop (excluded): their ports hear
 * it, and those left empty say so */
static void chain_left(struct kobject *k, struct kobject *stop, uint32_t process_id, uint32_t msg)
{
    for (; k && k != stop; k = parent_of(k)) {
        if (!k->job->link) continue;
        link_post(k->job->link, msg, process_id);
        if (!job_active(k)) link_post(k->job->link, MSG_ACTIVE_PROCESS_ZERO, 0);
    }
}

/* ---- process events ---- */

/* a process ended (process_end): it leaves its jobs */
void job_process_ended(struct process *process)
{
    struct kobject *k = job_of(process->id);
    if (!k) return;
    grab_object(k);
    job_remove(k, process->id);
    chain_left(k, NULL, process->id, abnormal_exit(process->exit_code) ? MSG_ABNORMAL_EXIT_PROCESS : MSG_EXIT_PROCESS);
    release_object(k);
}

/* its connection closed: its port associations go too */
void job_process_gone(struct process *process)
{
    job_process_ended(process);
    for (struct list *l = all_links.next; l != &all_links; ) {
        struct job_link *link = LIST_ENTRY(l, struct job_link, entry);
        l = l->next;
        if (link->owner != process->id) continue;
        for (struct kobject *k = kobject_first(); k; k = kobject_next(k))
            if (k->type == KOBJ_JOB && k->job && k->job->link == link) k->job->link = NULL;
        link_free(link);
    }
}

/* the process joins k (it was in none of k's chain, or in stop, above k) */
static int job_join(struct kobject *k, struct kobject *stop, uint32_t process_id)
{
    if (job_add(k, process_id) < 0) return -1;
    for (struct kobject *j = k; j && j != stop; j = parent_of(j)) j->job->total++;
    chain_post(k, stop, MSG_NEW_PROCESS, process_id);
    return 0;
}

/* one more process in the jobs from k up to stop: past an active limit? */
static struct kobject *over_limit(struct kobject *k, struct kobject *stop)
{
    for (; k && k != stop; k = parent_of(k))
        if ((k->job->limit_flags & JOB_OBJECT_LIMIT_ACTIVE_PROCESS) && job_active(k) >= k->job->active_limit)
            return k;
    return NULL;
}

/* a process that may not join: the ports hear of the limit, and it ends */
static void refuse(struct kobject *limit, struct process *p)
{
    int32_t unix_pid = p->unix_pid;
    chain_post(limit, NULL, MSG_ACTIVE_PROCESS_LIMIT, 0);
    process_end(p, STATUS_QUOTA_EXCEEDED);
    if (unix_pid > 0) kill(unix_pid, SIGKILL);
}

/* A child of a member joins its parent's job. Over an active process
 * limit it may not: the ports hear of the limit and init_process fails with
 * STATUS_QUOTA_EXCEEDED, which the child hands its parent, whose
 * CreateProcess then fails with ERROR_NOT_ENOUGH_QUOTA as Windows' does
 * (tests/kernel32/job.c, test_active_limit). */
NTSTATUS job_process_started(struct process *process)
{
    struct kobject *k = process->parent_id ? job_of(process->parent_id) : NULL, *limit;
    while (k && (k->job->limit_flags & JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK)) k = parent_of(k);
    if (!k) return STATUS_SUCCESS;
    if ((limit = over_limit(k, NULL))) {
        chain_post(limit, NULL, MSG_ACTIVE_PROCESS_LIMIT, 0);
        return STATUS_QUOTA_EXCEEDED;
    }
    job_join(k, NULL, process->id);
    return STATUS_SUCCESS;
}

struct kill_list { uint32_t *ids; uint32_t count; };

static int collect(uint32_t process_id, void *arg)
{
    struct kill_list *list = arg;
    list->ids[list->count++] = process_id;
    return 0;
}

/* ends every process of k's subtree with exit_code; k and the jobs below
 * it become signaled */
static void job_kill_all(struct kobject *k, uint32_t exit_code)
{
    struct kill_list list = { malloc((job_active(k) + 1) * sizeof(uint32_t)), 0 };
    grab_object(k);
    if (list.ids) job_each_process(k, collect, &list);
    for (uint32_t i = 0; i < list.count; i++) {
        struct process *p = get_process(list.ids[i]);
        if (!p || !p->alive) continue;
        int32_t unix_pid = p->unix_pid;
        for (struct kobject *j = job_of(p->id); j; j = parent_of(j)) j->job->terminated++;
        process_end(p, exit_code);   /* leaves its jobs: job_process_ended */
        if (unix_pid > 0) kill(unix_pid, SIGKILL);
    }
    free(list.ids);
    for (struct kobject *j = kobject_first(); j; j = kobject_next(j))
        if (j->type == KOBJ_JOB && j->job && job_within(j, k)) kobject_signal_slot(j->slot);
    release_object(k);
}

void job_last_handle_closed(struct kobject *k)
{
    if (k->job && (k->job->limit_flags & JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE)) job_kill_all(k, 0);
}

/* ---- requests ---- */

/* Where the process may go: k itself when it is in no job or k is below its
 * immediate job; k nested under its immediate job when k is an empty root.
 * Sets *cur to its immediate job; 1: already in k. */
static NTSTATUS assign_place(struct kobject *k, uint32_t process_id, struct kobject **cur)
{
    *cur = job_of(process_id);
    if (!*cur || job_within(k, *cur)) return STATUS_SUCCESS;
    if (job_within(*cur, k)) return STATUS_PENDING;   /* k already holds it */
    if (parent_of(k) || job_active(k)) return STATUS_ACCESS_DENIED;
    k->job->parent = grab_object(*cur);
    return STATUS_SUCCESS;
}

WLX_HANDLER(assign_job)
{
    struct kobject *k = get_job(req->job), *cur, *limit;
    struct process *p = get_process(req->process_id);
    (void)reply; (void)ctx;
    if (!k || !p) return STATUS_INVALID_HANDLE;
    if (!p->alive) return STATUS_PROCESS_IS_TERMINATING;
    NTSTATUS status = assign_place(k, p->id, &cur);
    if (status == STATUS_PENDING) return STATUS_SUCCESS;
    if (status) return status;
    if (cur == k) return STATUS_SUCCESS;
    if ((limit = over_limit(k, cur))) {
        /* over an active process limit: Windows ends the process and fails */
        refuse(limit, p);
        return STATUS_QUOTA_EXCEEDED;
    }
    if (cur) job_remove(cur, p->id);   /* cur stays: k (nested in it) holds it */
    return job_join(k, cur, p->id) < 0 ? STATUS_NO_MEMORY : STATUS_SUCCESS;
}

WLX_HANDLER(set_job_limits)
{
    struct kobject *k = get_job(req->job);
    (void)reply;
    if (!k) return STATUS_INVALID_HANDLE;
    if (ctx->data_size > JOB_LIMITS_SIZE) return STATUS_INVALID_PARAMETER;
    k->job->limit_flags = req->limit_flags;
    k->job->active_limit = req->active_limit;
    memset(k->job->limits, 0, sizeof(k->job->limits));
    memcpy(k->job->limits, ctx->data, ctx->data_size);
    return STATUS_SUCCESS;
}

WLX_HANDLER(get_job_limits)
{
    struct kobject *k = get_job(req->job);
    (void)reply;
    if (!k) return STATUS_INVALID_HANDLE;
    uint32_t size = JOB_LIMITS_SIZE < ctx->reply_data_max ? JOB_LIMITS_SIZE : ctx->reply_data_max;
    memcpy(ctx->reply_data, k->job->limits, size);
    ctx->reply_data_size = size;
    return STATUS_SUCCESS;
}

struct id_list { uint32_t *ids; uint32_t count, max; };

static int list_one(uint32_t process_id, void *arg)
{
    struct id_list *list = arg;
    if (list->count == list->max) return 1;
    list->ids[list->count++] = process_id;
    return 0;
}

WLX_HANDLER(query_job)
{
    struct kobject *k = get_job(req->job);
    if (!k) return STATUS_INVALID_HANDLE;
    struct id_list list = { ctx->reply_data, 0, ctx->reply_data_max / sizeof(uint32_t) };
    reply->total = k->job->total;
    reply->active = job_active(k);
    reply->terminated = k->job->terminated;
    reply->limit_flags = k->job->limit_flags;
    job_each_process(k, list_one, &list);
    ctx->reply_data_size = list.count * sizeof(uint32_t);
    return STATUS_SUCCESS;
}

WLX_HANDLER(terminate_job)
{
    struct kobject *k = get_job(req->job);
    (void)reply; (void)ctx;
    if (!k) return STATUS_INVALID_HANDLE;
    /* the caller itself may be a member: it is ended like the others */
    job_kill_all(k, req->exit_code);
    return STATUS_SUCCESS;
}

static int allows_breakaway(struct kobject *k)
{
    return k->job->limit_flags & (JOB_OBJECT_LIMIT_BREAKAWAY_OK | JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK);
}

/* CREATE_BREAKAWAY_FROM_JOB: the child leaves its immediate job and each
 * job up the chain that allows it, stopping at the first that does not */
WLX_HANDLER(job_breakaway)
{
    (void)reply;
    if (!ctx->process) return STATUS_INVALID_DEVICE_STATE;
    struct kobject *k = job_of(ctx->process->id), *stay;
    if (!k) return STATUS_SUCCESS;
    if (!allows_breakaway(k)) return STATUS_ACCESS_DENIED;
    if (req->check_only) return STATUS_SUCCESS;
    for (stay = k; stay && allows_breakaway(stay); stay = parent_of(stay)) stay->job->total--;
    uint32_t id = ctx->process->id;
    grab_object(k);
    job_remove(k, id);
    if (stay) job_add(stay, id);
    chain_left(k, stay, id, MSG_EXIT_PROCESS);
    release_object(k);
    return STATUS_SUCCESS;
}

WLX_HANDLER(process_in_job)
{
    struct kobject *k = job_of(req->process_id), *j = req->job ? get_job(req->job) : NULL;
    (void)ctx;
    reply->in_job = k && (!req->job || (j && job_within(k, j)));
    return STATUS_SUCCESS;
}

static int post_new(uint32_t process_id, void *arg)
{
    link_post(arg, MSG_NEW_PROCESS, process_id);
    return 0;
}

WLX_HANDLER(set_job_port)
{
    struct kobject *k = get_job(req->job), *notify = kobject_get(req->notify);
    (void)reply;
    if (!ctx->process) return STATUS_INVALID_DEVICE_STATE;
    if (!k) return STATUS_INVALID_HANDLE;
    if (req->notify && (!notify || notify->type != KOBJ_EVENT)) return STATUS_INVALID_HANDLE;
    if (k->job->link) link_end(k->job->link);
    k->job->link = NULL;
    if (!req->notify) return STATUS_SUCCESS;
    struct job_link *l = calloc(1, sizeof(*l));
    if (!l) return STATUS_NO_MEMORY;
    l->owner = ctx->process->id;
    l->notify = grab_object(notify);
    list_add_tail(&all_links, &l->entry);
    k->job->link = l;
    /* the processes already in the job are announced, as new ones would be */
    job_each_process(k, post_new, l);
    return STATUS_SUCCESS;
}

WLX_HANDLER(take_job_messages)
{
    struct job_link *l = NULL;
    if (!ctx->process) return STATUS_INVALID_DEVICE_STATE;
    for (struct list *e = all_links.next; e != &all_links && !l; e = e->next) {
        struct job_link *c = LIST_ENTRY(e, struct job_link, entry);
        if (c->notify->slot == req->notify && c->owner == ctx->process->id) l = c;
    }
    if (!l) return STATUS_INVALID_HANDLE;
    uint32_t n = l->count, room = ctx->reply_data_max / sizeof(struct job_msg);
    if (n > room) n = room;
    memcpy(ctx->reply_data, l->msgs, n * sizeof(struct job_msg));
    memmove(l->msgs, l->msgs + n, (l->count - n) * sizeof(struct job_msg));
    l->count -= n;
    ctx->reply_data_size = n * sizeof(struct job_msg);
    reply->ended = l->ended && !l->count;
    if (reply->ended) link_free(l);
    return STATUS_SUCCESS;
}
