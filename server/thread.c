/*
 * server/thread.c — thread objects and the init_thread / exit_thread
 * requests. A thread belongs to one process and ends with it.
 */
#include <stdio.h>
#include "wlxserver.h"

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
