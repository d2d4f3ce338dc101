/*
 * server/job.c — job objects: which processes belong to a job, its limits
 * and accounting, terminating it, and KILL_ON_JOB_CLOSE. The job itself is
 * a kobject (kobject.c: name, references); its slot is a manual-reset event
 * state the server signals when the job is terminated, so that waiting on a
 * job needs no server either.
 *
 * Membership: AssignProcessToJobObject adds a process; a process started by
 * a member joins its parent's job at init_process unless the job allows
 * silent breakaway. A process leaves when its connection closes.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include "wlxserver.h"
#include "kobject.h"

#define STATUS_INVALID_HANDLE ((NTSTATUS)0xC0000008)
#define JOB_OBJECT_LIMIT_ACTIVE_PROCESS      0x0008
#define JOB_OBJECT_LIMIT_BREAKAWAY_OK        0x0800
#define JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK 0x1000
#define JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE   0x2000
#define JOB_MAX_PROCESSES 4096

struct job {
    uint32_t *members;             /* live process ids */
    uint32_t count, size;
    uint32_t total, terminated;    /* accounting */
    uint32_t limit_flags, active_limit;
};

static struct kobject *get_job(uint32_t slot)
{
    struct kobject *k = kobject_get(slot);
    return k && k->type == KOBJ_JOB && k->job ? k : NULL;
}

void job_init(struct kobject *k)
{
    struct sync_state *s = kobject_slot(k->slot);
    s->type = SYNC_MANUAL_EVENT;
    s->flags = SYNC_SHARED;
    k->job = calloc(1, sizeof(*k->job));
}

void job_destroy(struct kobject *k)
{
    if (!k->job) return;
    free(k->job->members);
    free(k->job);
    k->job = NULL;
}

static int job_find(struct job *job, uint32_t process_id)
{
    for (uint32_t i = 0; i < job->count; i++) if (job->members[i] == process_id) return (int)i;
    return -1;
}

/* the job a process belongs to, or NULL */
static struct kobject *job_of(uint32_t process_id)
{
    for (struct kobject *k = kobject_first(); k; k = kobject_next(k))
        if (k->type == KOBJ_JOB && k->job && job_find(k->job, process_id) >= 0) return k;
    return NULL;
}

static int job_add(struct job *job, uint32_t process_id)
{
    if (job->count == job->size) {
        uint32_t n = job->size ? job->size * 2 : 16;
        uint32_t *m = n <= JOB_MAX_PROCESSES ? realloc(job->members, n * sizeof(*m)) : NULL;
        if (!m) return -1;
        job->members = m;
        job->size = n;
    }
    job->members[job->count++] = process_id;
    job->total++;
    return 0;
}

static void job_remove(struct job *job, uint32_t process_id)
{
    int i = job_find(job, process_id);
    if (i >= 0) job->members[i] = job->members[--job->count];
}

/* ends every process of the job with exit_code */
static void job_kill_all(struct kobject *k, uint32_t exit_code)
{
    struct job *job = k->job;
    while (job->count) {
        struct process *p = get_process(job->members[job->count - 1]);
        job->count--;
        if (!p || !p->alive) continue;
        int32_t unix_pid = p->unix_pid;
        process_end(p, exit_code);
        job->terminated++;
        if (unix_pid > 0) kill(unix_pid, SIGKILL);
    }
    kobject_signal_slot(k->slot);
}

void job_last_handle_closed(struct kobject *k)
{
    if (k->job && (k->job->limit_flags & JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE)) job_kill_all(k, 0);
}

void job_process_gone(struct process *process)
{
    struct kobject *k = job_of(process->id);
    if (k) job_remove(k->job, process->id);
}

void job_process_started(struct process *process)
{
    struct kobject *k = process->parent_id ? job_of(process->parent_id) : NULL;
    if (!k || (k->job->limit_flags & JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK)) return;
    job_add(k->job, process->id);
}

WLX_HANDLER(assign_job)
{
    struct kobject *k = get_job(req->job);
    struct process *p = get_process(req->process_id);
    (void)reply; (void)ctx;
    if (!k || !p) return STATUS_INVALID_HANDLE;
    if (!p->alive) return STATUS_PROCESS_IS_TERMINATING;
    struct kobject *cur = job_of(p->id);
    if (cur == k) return STATUS_SUCCESS;
    if (cur) return STATUS_ACCESS_DENIED;   /* no nested jobs here */
    if ((k->job->limit_flags & JOB_OBJECT_LIMIT_ACTIVE_PROCESS) && k->job->count >= k->job->active_limit) {
        /* over the limit: Windows ends the process */
        int32_t unix_pid = p->unix_pid;
        process_end(p, 0);
        if (unix_pid > 0) kill(unix_pid, SIGKILL);
        return STATUS_SUCCESS;
    }
    return job_add(k->job, p->id) < 0 ? STATUS_NO_MEMORY : STATUS_SUCCESS;
}

WLX_HANDLER(set_job_limits)
{
    struct kobject *k = get_job(req->job);
    (void)reply; (void)ctx;
    if (!k) return STATUS_INVALID_HANDLE;
    k->job->limit_flags = req->limit_flags;
    k->job->active_limit = req->active_limit;
    return STATUS_SUCCESS;
}

WLX_HANDLER(query_job)
{
    struct kobject *k = get_job(req->job);
    if (!k) return STATUS_INVALID_HANDLE;
    struct job *job = k->job;
    reply->total = job->total;
    reply->active = job->count;
    reply->terminated = job->terminated;
    reply->limit_flags = job->limit_flags;
    uint32_t size = job->count * sizeof(uint32_t);
    if (size > ctx->reply_data_max) size = ctx->reply_data_max & ~3u;
    memcpy(ctx->reply_data, job->members, size);
    ctx->reply_data_size = size;
    return STATUS_SUCCESS;
}

WLX_HANDLER(terminate_job)
{
    struct kobject *k = get_job(req->job);
    (void)reply;
    if (!k) return STATUS_INVALID_HANDLE;
    /* the caller itself may be a member: it is ended like the others */
    job_kill_all(k, req->exit_code);
    (void)ctx;
    return STATUS_SUCCESS;
}

WLX_HANDLER(job_breakaway)
{
    (void)reply;
    if (!ctx->process) return STATUS_INVALID_DEVICE_STATE;
    struct kobject *k = job_of(ctx->process->id);
    if (!k) return STATUS_SUCCESS;
    if (!(k->job->limit_flags & (JOB_OBJECT_LIMIT_BREAKAWAY_OK | JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK)))
        return STATUS_ACCESS_DENIED;
    if (!req->check_only) {
        job_remove(k->job, ctx->process->id);
        k->job->total--;   /* it was never really a member */
    }
    return STATUS_SUCCESS;
}

WLX_HANDLER(process_in_job)
{
    struct kobject *k = job_of(req->process_id);
    (void)ctx;
    reply->in_job = k && (!req->job || k->slot == req->job);
    return STATUS_SUCCESS;
}
