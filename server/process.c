/*
 * server/process.c — process objects: creation, end, the record of ended
 * processes, and the init_process / exit_process / get_process_info /
 * terminate_process / dup_from_process requests.
 *
 * Each process has a service socket (a SOCK_SEQPACKET pair made at
 * init_process, the other end sent with the reply), read by its service
 * thread (ntdll/unix/xhandle.c). The server only ever writes to it, without
 * blocking: it hands over requests that need the process itself (a handle
 * of its table another process duplicates out), with the requester's own
 * socket, on which the process answers the requester directly.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/socket.h>
#include "wlx/fdpass.h"
#include "wlx/toolhelp.h"
#include "wlxserver.h"
#include "kobject.h"

/* Until handles exist (issue 3), nothing keeps an ended process alive; its
 * exit code must stay queryable by id for a while, so the most recent ended
 * processes are kept (oldest dropped first, its id then reusable). */
#define MAX_ENDED_PROCESSES 256

static struct list live_processes = { &live_processes, &live_processes };
static struct list ended_processes = { &ended_processes, &ended_processes };
static unsigned int ended_count;

static void process_dump(struct object *obj)
{
    struct process *p = (struct process *)obj;
    fprintf(stderr, "process %04x unix_pid=%d parent=%04x %s exit_code=0x%x refs=%u\n",
            p->id, p->unix_pid, p->parent_id, p->alive ? "alive" : "ended",
            p->exit_code, obj->refcount);
}

static void close_service(struct process *p)
{
    if (p->service_fd >= 0) close(p->service_fd);
    p->service_fd = -1;
}

static void process_destroy(struct object *obj)
{
    struct process *p = (struct process *)obj;
    close_service(p);
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

/* the live process whose Linux pid this is */
struct process *find_live_process(int32_t unix_pid)
{
    for (struct list *e = live_processes.next; e != &live_processes; e = e->next)
    {
        struct process *p = LIST_ENTRY(e, struct process, zombie_entry);
        if (p->unix_pid == unix_pid) return p;
    }
    return NULL;
}

/* the live processes as struct wlx_process_entry: how many there are, the
   first `max` written */
size_t list_live_processes(void *entries, size_t max)
{
    struct wlx_process_entry *out = entries;
    size_t n = 0;
    for (struct list *e = live_processes.next; e != &live_processes; e = e->next, n++)
    {
        struct process *p = LIST_ENTRY(e, struct process, zombie_entry);
        if (n < max) out[n] = (struct wlx_process_entry){ p->id, p->parent_id, p->unix_pid, 0 };
    }
    return n;
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
    p->service_fd = -1;
    if (!(p->id = id_alloc(&p->obj))) {
        release_object(p);
        return NULL;
    }
    list_add_tail(&live_processes, &p->zombie_entry);
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
    close_service(process);   /* requests waiting there: their requesters see EOF */
    while (!list_empty(&process->threads))
        thread_end(LIST_ENTRY(process->threads.next, struct thread, entry));
    list_remove(&process->zombie_entry);
    list_add_tail(&ended_processes, &process->zombie_entry);
    job_process_ended(process);   /* its jobs count it out and tell their ports */
    if (++ended_count > MAX_ENDED_PROCESSES) forget_oldest_ended();
}

/* the service socket (written with MSG_DONTWAIT: a busy process never
 * stalls the server); *client_end goes with the reply */
static int open_service(struct process *process, int *client_end)
{
    int pair[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) < 0) return -1;
    process->service_fd = pair[0];
    *client_end = pair[1];   /* closed once sent */
    return 0;
}

WLX_HANDLER(init_process)
{
    struct process *process;
    struct thread *thread;

    if (ctx->process) return STATUS_INVALID_DEVICE_STATE;   /* one per connection */
    if (!(process = create_process(req->unix_pid, req->parent_id))) return STATUS_NO_MEMORY;
    if (!(thread = create_thread(process, req->unix_tid)) || open_service(process, &ctx->reply_fd) < 0) {
        process_end(process, WLX_EXIT_CODE_KILLED);
        return STATUS_NO_MEMORY;
    }
    client_set_process(ctx->client, process);
    NTSTATUS status = job_process_started(process);   /* a child of a process in a job joins it */
    if (status) {
        process_end(process, status);
        return status;
    }
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

/* A request only `target` can answer (its handle table, its threads), with
   the caller's socket (the request's fd) on which it answers: handed to its
   service socket without waiting. */
NTSTATUS process_forward(struct request_ctx *ctx, struct process *target, const void *req, size_t size)
{
    if (!ctx->process) return STATUS_INVALID_DEVICE_STATE;
    if (ctx->request_fd < 0) return STATUS_INVALID_PARAMETER;
    if (!target) return STATUS_INVALID_CID;
    if (!target->alive || target->service_fd < 0) return STATUS_PROCESS_IS_TERMINATING;
    int err = wlx_send_fd_message(target->service_fd, req, size, ctx->request_fd, MSG_DONTWAIT);
    if (err == -EAGAIN) return STATUS_NO_MEMORY;   /* hundreds waiting: the target does not read */
    return err ? STATUS_PROCESS_IS_TERMINATING : STATUS_SUCCESS;
}

/* DuplicateHandle out of another process: handed over to the source, which
 * answers the caller on the socket that came with the request. A source
 * that ended has no handle table any more: STATUS_PROCESS_IS_TERMINATING,
 * as Windows answers. */
WLX_HANDLER(dup_from_process)
{
    struct process *source = get_process(req->source);

    (void)reply;
    return process_forward(ctx, source, req, sizeof(*req));
}
