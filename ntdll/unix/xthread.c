/*
 * ntdll/unix/xthread.c — threads of other processes: asking a process about
 * its threads, answering such requests, and the list of every thread of the
 * prefix (toolhelp thread snapshots).
 *
 * Threads other than a main one never register with wlxserver (thread
 * creation stays free of round trips; ARCHITECTURE.md, "The server and
 * ids"), so each process is the authority on its own threads, as it is on
 * its handle table: a request about them (list, query, suspend, resume)
 * goes with one end of a socket pair through the server (thread_service),
 * which hands it to the process's service socket; its service thread
 * answers on the pair whatever its Windows threads are doing. Nothing of
 * this is on a hot path.
 *
 * Sections: the caller's side · the process's side · every process and
 * thread.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "private.h"
#include "process.h"
#include "thread.h"
#include "xhandle.h"
#include "wlx/server.h"

#define ANSWER_TIMEOUT_MS 5000   /* a process that does not answer (stopped, hung) */
#define STATUS_IO_TIMEOUT ((NTSTATUS)0xC00000B5)

static void serve_op(const struct wlx_thread_service_request *req, struct wlx_thread_answer *a);

/* --- the caller's side ------------------------------------------------------------- */

/* asks process req->process_id to do req->op (ours: done here) */
static NTSTATUS call(const struct wlx_thread_service_request *req, struct wlx_thread_answer *answer)
{
    int sv[2];

    memset(answer, 0, offsetof(struct wlx_thread_answer, ids));
    if (req->process_id == wlx_process_id)
    {
        serve_op(req, answer);
        return answer->status;
    }
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv)) return errno_to_status(errno);
    NTSTATUS status = wlx_server_call_fd(WLX_REQ_THREAD_SERVICE, req, sizeof(*req), NULL, 0, NULL, sv[1], NULL);
    close(sv[1]);
    if (!status)
    {
        ssize_t n = -2;
        if (xhandle_wait_readable(sv[0], ANSWER_TIMEOUT_MS))
            do n = recv(sv[0], answer, sizeof(*answer), 0);
            while (n < 0 && errno == EINTR);
        if (n == -2) status = STATUS_IO_TIMEOUT;
        else if (n < (ssize_t)offsetof(struct wlx_thread_answer, ids)) status = STATUS_PROCESS_IS_TERMINATING;
        else status = answer->status;
    }
    close(sv[0]);
    return status;
}

/* asks process pid to do op on its thread tid */
NTSTATUS xthread_call(uint32_t pid, uint32_t tid, uint32_t op, struct wlx_thread_answer *answer)
{
    struct wlx_thread_service_request req = { .process_id = pid, .thread_id = tid, .op = op };
    return call(&req, answer);
}

/* NtAllocateVirtualMemory (WLX_PROCESS_VM_ALLOC) or NtFreeVirtualMemory
   (WLX_PROCESS_VM_FREE) done by process pid on its own memory, a child
   made suspended too: PostgreSQL's postmaster reserves its shared memory's
   address in each child so (VirtualAllocEx) before it resumes it */
NTSTATUS xthread_call_vm(uint32_t pid, uint32_t op, void **addr, size_t *size, uint32_t type, uint32_t prot)
{
    struct wlx_thread_service_request req = { .process_id = pid, .op = op, .address = (uintptr_t)*addr,
                                              .size = *size, .type = type, .prot = prot };
    struct wlx_thread_answer *a = malloc(sizeof(*a));
    NTSTATUS status;
    if (!a) return STATUS_NO_MEMORY;
    if (!(status = call(&req, a)))
    {
        *addr = (void *)(uintptr_t)a->address;
        *size = a->size;
    }
    free(a);
    return status;
}

/* --- the process's side: its service thread ------------------------------------------- */

/* a live thread of ours for req, or an answer saying why not */
static struct wlx_thread *target_thread(const struct wlx_thread_service_request *req, struct wlx_thread_answer *a)
{
    struct wlx_thread *t = thread_find(req->thread_id);
    if (!t) a->status = thread_exit_code_of(req->thread_id, &a->value) ? STATUS_INVALID_CID
                                                                         : STATUS_THREAD_IS_TERMINATING;   /* ended */
    return t;
}

NTSTATUS WINAPI unix_NtAllocateVirtualMemory(HANDLE process, void **ret, uintptr_t zero_bits, size_t *size_ptr,
                                             uint32_t type, uint32_t prot);
NTSTATUS WINAPI unix_NtFreeVirtualMemory(HANDLE process, void **addr_ptr, size_t *size_ptr, uint32_t type);

static void serve_op(const struct wlx_thread_service_request *req, struct wlx_thread_answer *a)
{
    struct wlx_thread *t;
    void *addr = (void *)(uintptr_t)req->address;
    size_t size = req->size;

    a->status = STATUS_SUCCESS;
    switch (req->op)
    {
    case WLX_THREAD_LIST:
        a->count = (uint32_t)thread_list_ids(a->ids, WLX_THREAD_LIST_MAX);
        if (a->count > WLX_THREAD_LIST_MAX) a->count = WLX_THREAD_LIST_MAX;
        break;
    case WLX_THREAD_QUERY:
        a->status = thread_exit_code_of(req->thread_id, &a->value);
        break;
    case WLX_THREAD_SUSPEND:
    case WLX_THREAD_RESUME:
        if (!(t = target_thread(req, a))) break;
        a->status = req->op == WLX_THREAD_SUSPEND ? thread_suspend(t, &a->value) : thread_resume(t, &a->value);
        object_release(&t->obj);
        break;
    case WLX_PROCESS_VM_ALLOC:
    case WLX_PROCESS_VM_FREE:
        a->status = req->op == WLX_PROCESS_VM_ALLOC
                        ? unix_NtAllocateVirtualMemory(NtCurrentProcess(), &addr, 0, &size, req->type, req->prot)
                        : unix_NtFreeVirtualMemory(NtCurrentProcess(), &addr, &size, req->type);
        a->address = (uintptr_t)addr;
        a->size = size;
        break;
    default:
        a->status = STATUS_INVALID_PARAMETER;
    }
}

/* one thread_service request from the service socket (xhandle_serve); the
   answer goes to the socket that came with it */
void xthread_serve(const struct wlx_thread_service_request *req, int reply)
{
    struct wlx_thread_answer *a = malloc(sizeof(*a));
    if (a)
    {
        serve_op(req, a);
        size_t size = offsetof(struct wlx_thread_answer, ids) + a->count * sizeof(a->ids[0]);
        if (send(reply, a, size, MSG_DONTWAIT | MSG_NOSIGNAL) < 0) { /* the caller gave up: nothing to do */ }
        free(a);
    }
    close(reply);
}

/* --- every process and thread of the prefix ------------------------------------------------------- */

/* the live processes, from the server (malloc'd; NULL without memory) */
static struct wlx_process_entry *live_processes(size_t *count)
{
    enum { MAX_PROCS = WLX_MAX_MESSAGE_SIZE / sizeof(struct wlx_process_entry) };
    struct wlx_process_entry *procs = malloc(MAX_PROCS * sizeof(*procs));
    struct wlx_server_data data = { .reply_data = procs, .reply_data_max = MAX_PROCS * sizeof(*procs) };
    *count = 0;
    if (procs && !wlx_server_call_data(WLX_REQ_LIST_PROCESSES, NULL, 0, NULL, 0, &data, NULL))
        *count = (data.reply_data_size < data.reply_data_max ? data.reply_data_size : data.reply_data_max)
                 / sizeof(*procs);
    return procs;
}

/* __wlx_process_ids: the ids of the live processes of the prefix; *count:
   how many there are, the first `max` written */
NTSTATUS WINAPI unix___wlx_process_ids(uint32_t *ids, uint32_t max, uint32_t *count)
{
    size_t n;
    struct wlx_process_entry *procs = live_processes(&n);
    if (!procs) return STATUS_NO_MEMORY;
    for (size_t i = 0; i < n && i < max; i++) ids[i] = procs[i].process_id;
    free(procs);
    *count = (uint32_t)n;
    return STATUS_SUCCESS;
}

/* __wlx_system_threads: the threads of every process, each asked in turn
   (a process that ends or does not answer meanwhile is left out, as if it
   had ended before the snapshot); *count: how many there are, the first
   `max` written */
NTSTATUS WINAPI unix___wlx_system_threads(struct wlx_thread_entry *entries, uint32_t max, uint32_t *count)
{
    size_t nprocs;
    struct wlx_process_entry *procs = live_processes(&nprocs);
    struct wlx_thread_answer *a = malloc(sizeof(*a));
    uint32_t n = 0;

    if (!procs || !a) { free(procs); free(a); return STATUS_NO_MEMORY; }
    for (size_t i = 0; i < nprocs; i++)
    {
        if (xthread_call(procs[i].process_id, 0, WLX_THREAD_LIST, a)) continue;
        for (uint32_t j = 0; j < a->count; j++, n++)
            if (n < max) entries[n] = (struct wlx_thread_entry){ a->ids[j], procs[i].process_id };
    }
    free(procs);
    free(a);
    *count = n;
    return STATUS_SUCCESS;
}
