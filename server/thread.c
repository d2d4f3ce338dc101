/*
 * server/thread.c — thread objects and the init_thread / exit_thread
 * requests. A thread belongs to one process and ends with it. Also the
 * requests about threads of other processes: list_processes, find_thread
 * and thread_service (handed to the process, which answers the caller).
 */
#include <stdio.h>
#include "wlxserver.h"
#include "wlx/toolhelp.h"

static void thread_dump(struct object *obj)
{
    struct thread *t = (struct thread *)obj;
    fprintf(stderr, "thread %04x process=%04x unix_tid=%d refs=%u\n",
            t->id, t->process->id, t->unix_tid, obj->refcount);
}

static const struct object_ops thread_ops = {
    .type_name = "thread",
    .dump = thread_dump,
    .signaled = no_signaled,   /* later: signaled once ended */
    .destroy = no_destroy,
};

struct thread *create_thread(struct process *process, int32_t unix_tid)
{
    struct thread *t = alloc_object(&thread_ops, sizeof(*t));
    if (!t) return NULL;
    t->process = process;
    t->unix_tid = unix_tid;
    if (!(t->id = id_alloc(&t->obj))) {
        release_object(t);
        return NULL;
    }
    list_add_tail(&process->threads, &t->entry);
    return t;   /* its reference belongs to the id table */
}

/* The thread of this id, if it is a live thread of process. */
struct thread *get_process_thread(struct process *process, uint32_t id)
{
    struct object *obj = id_lookup(id);
    struct thread *t = (struct thread *)obj;
    if (!obj || obj->ops != &thread_ops || t->process != process) return NULL;
    return t;
}

/* Until handles exist nothing else refers to an ended thread: it goes now. */
void thread_end(struct thread *thread)
{
    list_remove(&thread->entry);
    id_free(thread->id);
    release_object(thread);
}

WLX_HANDLER(init_thread)
{
    struct thread *thread;

    if (!ctx->process) return STATUS_INVALID_DEVICE_STATE;
    if (!ctx->process->alive) return STATUS_PROCESS_IS_TERMINATING;
    if (!(thread = create_thread(ctx->process, req->unix_tid))) return STATUS_NO_MEMORY;
    reply->thread_id = thread->id;
    return STATUS_SUCCESS;
}

/* Windows: when the last thread of a process exits, the process exits with
 * that thread's exit code. */
WLX_HANDLER(exit_thread)
{
    struct process *process = ctx->process;

    if (!process) return STATUS_INVALID_DEVICE_STATE;
    if (!process->alive) return STATUS_PROCESS_IS_TERMINATING;
    if (!ctx->thread) return STATUS_INVALID_CID;
    thread_end(ctx->thread);
    ctx->thread = NULL;
    reply->last_thread = list_empty(&process->threads);
    if (reply->last_thread) process_end(process, req->exit_code);
    return STATUS_SUCCESS;
}

/* --- threads of other processes (toolhelp, OpenThread) ---------------------------- */

WLX_HANDLER(list_processes)
{
    size_t max = ctx->reply_data_max / sizeof(struct wlx_process_entry);
    size_t n = list_live_processes(ctx->reply_data, max);

    (void)req; (void)reply;
    if (n > max) n = max;
    ctx->reply_data_size = n * sizeof(struct wlx_process_entry);
    return STATUS_SUCCESS;
}

/* the Linux thread group of a Linux tid (/proc/<tid>/status), -1 if none */
static int32_t thread_group_of(int32_t unix_tid)
{
    char path[64], line[128];
    int32_t tgid = -1;
    FILE *f;

    snprintf(path, sizeof(path), "/proc/%d/status", unix_tid);
    if (!(f = fopen(path, "re"))) return -1;
    while (fgets(line, sizeof(line), f))
        if (sscanf(line, "Tgid: %d", &tgid) == 1) break;
    fclose(f);
    return tgid;
}

/* A main thread is ours (its id from the table); any other thread names
   itself Linux tid * 8 + 4 (ARCHITECTURE.md, "The server and ids"), and its
   process is the one of that Linux thread group. Whether it is a Windows
   thread there, only that process knows (thread_service's QUERY). */
WLX_HANDLER(find_thread)
{
    struct object *obj = req->thread_id % 8 == 0 ? id_lookup(req->thread_id) : NULL;
    struct process *process = NULL;

    (void)ctx;
    if (obj && obj->ops == &thread_ops && ((struct thread *)obj)->process->alive)
        process = ((struct thread *)obj)->process;
    else if (req->thread_id % 8 == 4)
    {
        int32_t tgid = thread_group_of((int32_t)(req->thread_id / 8));
        if (tgid > 0) process = find_live_process(tgid);
    }
    if (!process) return STATUS_INVALID_CID;
    reply->process_id = process->id;
    reply->unix_pid = process->unix_pid;
    return STATUS_SUCCESS;
}

WLX_HANDLER(thread_service)
{
    (void)reply;
    if (!ctx->process) return STATUS_INVALID_DEVICE_STATE;
    if (req->op < WLX_THREAD_LIST || req->op > WLX_PROCESS_VM_FREE) return STATUS_INVALID_PARAMETER;
    return process_forward(ctx, get_process(req->process_id), req, sizeof(*req));
}
