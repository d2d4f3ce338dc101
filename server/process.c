/*
 * server/process.c — process objects: creation, end, the record of ended
 * processes, and the init_process / exit_process / get_process_info /
 * terminate_process requests.
 */
#include <signal.h>
#include <stdio.h>
#include "wlxserver.h"
#include "kobject.h"

/* Until handles exist (issue 3), nothing keeps an ended process alive; its
 * exit code must stay queryable by id for a while, so the most recent ended
 * processes are kept (oldest dropped first, its id then reusable). */
#define MAX_ENDED_PROCESSES 256

static struct list ended_processes = { &ended_processes, &ended_processes };
static unsigned int ended_count;

static void process_dump(struct object *obj)
{
    struct process *p = (struct process *)obj;
    fprintf(stderr, "process %04x unix_pid=%d parent=%04x %s exit_code=0x%x refs=%u\n",
            p->id, p->unix_pid, p->parent_id, p->alive ? "alive" : "ended",
            p->exit_code, obj->refcount);
}

static void process_destroy(struct object *obj)
{
    struct process *p = (struct process *)obj;
    while (!list_empty(&p->threads))
        thread_end(LIST_ENTRY(p->threads.next, struct thread, entry));
}

const struct object_ops process_ops = {
    .type_name = "process",
    .dump = process_dump,
    .signaled = no_signaled,   /* later: signaled once ended */
    .destroy = process_destroy,
};

struct process *get_process(uint32_t id)
{
    struct object *obj = id_lookup(id);
    return obj && obj->ops == &process_ops ? (struct process *)obj : NULL;
}

static struct process *create_process(int32_t unix_pid, uint32_t parent_id)
{
    struct process *p = alloc_object(&process_ops, sizeof(*p));
    if (!p) return NULL;
    list_init(&p->threads);
    list_init(&p->zombie_entry);
    p->unix_pid = unix_pid;
    p->parent_id = parent_id;
    p->alive = 1;
    p->exit_code = WLX_STILL_ACTIVE;
    if (!(p->id = id_alloc(&p->obj))) {
        release_object(p);
        return NULL;
    }
    return p;   /* its reference belongs to the id table */
}

static void forget_oldest_ended(void)
{
    struct process *p = LIST_ENTRY(ended_processes.next, struct process, zombie_entry);
    list_remove(&p->zombie_entry);
    ended_count--;
    id_free(p->id);
    release_object(p);
}

/* The process ends: its threads end, it is kept as ended for queries. */
void process_end(struct process *process, uint32_t exit_code)
{
    if (!process->alive) return;
    process->alive = 0;
    process->exit_code = exit_code;
    while (!list_empty(&process->threads))
        thread_end(LIST_ENTRY(process->threads.next, struct thread, entry));
    list_add_tail(&ended_processes, &process->zombie_entry);
    if (++ended_count > MAX_ENDED_PROCESSES) forget_oldest_ended();
}

WLX_HANDLER(init_process)
{
    struct process *process;
    struct thread *thread;

    if (ctx->process) return STATUS_INVALID_DEVICE_STATE;   /* one per connection */
    if (!(process = create_process(req->unix_pid, req->parent_id))) return STATUS_NO_MEMORY;
    if (!(thread = create_thread(process, req->unix_tid))) {
        process_end(process, WLX_EXIT_CODE_KILLED);
        return STATUS_NO_MEMORY;
    }
    client_set_process(ctx->client, process);
    job_process_started(process);   /* a child of a process in a job joins it */
    reply->process_id = process->id;
    reply->thread_id = thread->id;
    return STATUS_SUCCESS;
}

WLX_HANDLER(exit_process)
{
    if (!ctx->process) return STATUS_INVALID_DEVICE_STATE;
    if (!ctx->process->alive) return STATUS_PROCESS_IS_TERMINATING;
    process_end(ctx->process, req->exit_code);
    (void)reply;
    return STATUS_SUCCESS;
}

WLX_HANDLER(get_process_info)
{
    struct process *p = get_process(req->process_id);

    (void)ctx;
    if (!p) return STATUS_INVALID_CID;
    reply->process_id = p->id;
    reply->parent_id = p->parent_id;
    reply->unix_pid = p->unix_pid;
    reply->alive = p->alive;
    reply->exit_code = p->exit_code;
    return STATUS_SUCCESS;
}

/* The exit code is recorded before the kill: the killer's wait then reads
 * it, and the connection closing later changes nothing. */
WLX_HANDLER(terminate_process)
{
    struct process *p = get_process(req->process_id);

    (void)reply;
    if (!p) return STATUS_INVALID_CID;
    if (!p->alive) return STATUS_PROCESS_IS_TERMINATING;
    if (p == ctx->process) return STATUS_INVALID_PARAMETER;   /* a process ends itself with exit_process */
    int32_t unix_pid = p->unix_pid;
    process_end(p, req->exit_code);
    if (unix_pid > 0) kill(unix_pid, SIGKILL);
    return STATUS_SUCCESS;
}
