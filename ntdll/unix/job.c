/*
 * ntdll/unix/job.c — job objects, the client side. Membership, nesting,
 * limits and accounting are the server's (server/job.c: a job outlives the
 * process that made it, children join their parent's job, KILL_ON_JOB_CLOSE
 * acts when the last handle anywhere goes). The job's slot is a manual-reset
 * event state the server signals when it terminates the job, so waiting on
 * a job is an ordinary wait on shared memory.
 *
 * A completion port associated with a job receives the job's messages
 * through a watcher thread of this process ("messages to a completion
 * port" below).
 *
 * Sections: the object · system calls · messages to a completion port ·
 * breakaway · crossing processes.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "private.h"
#include "sync.h"
#include "xhandle.h"
#include "iocp.h"
#include "wlx/server.h"
#include "wlx/protocol.h"

#define STATUS_PROCESS_NOT_IN_JOB ((NTSTATUS)0x00000123)
#define STATUS_PROCESS_IN_JOB     ((NTSTATUS)0x00000124)

enum job_info_class {
    JobObjectBasicAccountingInformation = 1, JobObjectBasicLimitInformation = 2,
    JobObjectBasicProcessIdList = 3, JobObjectAssociateCompletionPortInformation = 7,
    JobObjectBasicAndIoAccountingInformation = 8, JobObjectExtendedLimitInformation = 9,
};

/* the JOB_OBJECT_LIMIT_* flags kept (and checked) here */
#define JOB_LIMIT_ACTIVE_PROCESS 0x0008
#define JOB_LIMIT_VALID          0x7fff

/* JOBOBJECT_BASIC_LIMIT_INFORMATION (x64); the extended one adds IO_COUNTERS
   and four SIZE_Ts */
struct basic_limits {
    int64_t per_process_time, per_job_time;
    uint32_t limit_flags, pad;
    uint64_t min_ws, max_ws;
    uint32_t active_limit, pad2;
    uint64_t affinity;
    uint32_t priority_class, scheduling_class;
};
_Static_assert(sizeof(struct basic_limits) == 64, "JOBOBJECT_BASIC_LIMIT_INFORMATION");
#define EXTENDED_LIMITS_SIZE 144

struct job_object {
    struct wlx_object obj;
    struct sync_state *s;          /* the slot: signaled when the job is terminated */
    uint32_t slot;
};

static void job_destroy(struct wlx_object *obj)
{
    struct wlx_release_object_request req = { .slot = ((struct job_object *)obj)->slot, .count = 1 };
    wlx_server_call(WLX_REQ_RELEASE_OBJECT, &req, sizeof(req), NULL, 0, NULL);
}

static struct sync_state *job_sync(struct wlx_object *obj)
{
    return ((struct job_object *)obj)->s;
}

static NTSTATUS job_export(struct wlx_object *obj, struct object_export *ex, int *fd);
static const struct object_ops job_ops = { "Job", job_destroy, NULL, job_sync, job_export };

/* a local object for a slot we hold one server reference to */
static struct job_object *job_wrap(uint32_t slot)
{
    struct sync_state *s = syncshare_slot(slot);
    struct job_object *j = s ? object_new(&job_ops, sizeof(*j)) : NULL;
    if (!j)
    {
        struct wlx_release_object_request req = { .slot = slot, .count = 1 };
        wlx_server_call(WLX_REQ_RELEASE_OBJECT, &req, sizeof(req), NULL, 0, NULL);
        return NULL;
    }
    j->s = s;
    j->slot = slot;
    return j;
}

static NTSTATUS job_create(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr, int open_only)
{
    struct wlx_create_object_request req = { .type = KOBJ_JOB, .open_only = open_only };
    struct wlx_create_object_reply reply;
    struct wlx_server_data data = { 0 };
    if (!handle) return STATUS_ACCESS_VIOLATION;
    if (open_only && !(attr && attr->ObjectName && attr->ObjectName->Length)) return STATUS_OBJECT_PATH_SYNTAX_BAD;
    if (attr && attr->ObjectName)
    {
        data.data = attr->ObjectName->Buffer;
        data.data_size = attr->ObjectName->Length & ~1u;
    }
    NTSTATUS status = wlx_server_call_data(WLX_REQ_CREATE_OBJECT, &req, sizeof(req), &reply, sizeof(reply), &data, NULL);
    if (status) return status;
    struct job_object *j = job_wrap(reply.slot);
    if (!j) return STATUS_NO_MEMORY;
    *handle = handle_alloc(&j->obj, access, attr ? attr->Attributes & OBJ_INHERIT : 0);
    if (!*handle) { object_release(&j->obj); return STATUS_NO_MEMORY; }
    return reply.existed && !open_only ? STATUS_OBJECT_NAME_EXISTS : STATUS_SUCCESS;
}

NTSTATUS WINAPI unix_NtCreateJobObject(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr)
{
    return job_create(handle, access, attr, 0);
}

NTSTATUS WINAPI unix_NtOpenJobObject(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr)
{
    return job_create(handle, access, attr, 1);
}

/* the job's slot (its protocol id), or 0 with *status set */
static uint32_t job_slot(HANDLE h, NTSTATUS *status)
{
    struct job_object *j;
    if ((*status = handle_get(h, &job_ops, (struct wlx_object **)&j))) return 0;
    uint32_t slot = j->slot;
    object_release(&j->obj);
    return slot;
}

NTSTATUS WINAPI unix_NtAssignProcessToJobObject(HANDLE job, HANDLE process)
{
    NTSTATUS status;
    struct wlx_assign_job_request req = { .job = job_slot(job, &status), .process_id = procobj_id(process) };
    if (status) return status;
    if (!req.process_id) return STATUS_INVALID_HANDLE;
    return wlx_server_call(WLX_REQ_ASSIGN_JOB, &req, sizeof(req), NULL, 0, NULL);
}

NTSTATUS WINAPI unix_NtTerminateJobObject(HANDLE job, NTSTATUS code)
{
    NTSTATUS status;
    struct wlx_terminate_job_request req = { .job = job_slot(job, &status), .exit_code = (uint32_t)code };
    if (status) return status;
    return wlx_server_call(WLX_REQ_TERMINATE_JOB, &req, sizeof(req), NULL, 0, NULL);
}

/* job NULL: in any job */
NTSTATUS WINAPI unix_NtIsProcessInJob(HANDLE process, HANDLE job)
{
    NTSTATUS status = STATUS_SUCCESS;
    struct wlx_process_in_job_request req = { .process_id = procobj_id(process) };
    struct wlx_process_in_job_reply reply;
    if (job && !(req.job = job_slot(job, &status))) return status;
    if (!req.process_id) return STATUS_INVALID_HANDLE;
    if ((status = wlx_server_call(WLX_REQ_PROCESS_IN_JOB, &req, sizeof(req), &reply, sizeof(reply), NULL))) return status;
    return reply.in_job ? STATUS_PROCESS_IN_JOB : STATUS_PROCESS_NOT_IN_JOB;
}

/* the basic or extended limits; the server keeps the bytes for queries */
static NTSTATUS set_limits(uint32_t slot, const struct basic_limits *limits, uint32_t len)
{
    struct wlx_set_job_limits_request req = { .job = slot, .limit_flags = limits->limit_flags,
                                              .active_limit = limits->active_limit };
    struct wlx_server_data data = { .data = limits, .data_size = len };
    if (limits->limit_flags & ~JOB_LIMIT_VALID) return STATUS_INVALID_PARAMETER;
    return wlx_server_call_data(WLX_REQ_SET_JOB_LIMITS, &req, sizeof(req), NULL, 0, &data, NULL);
}

static NTSTATUS get_limits(uint32_t slot, void *info, uint32_t len)
{
    struct wlx_get_job_limits_request req = { .job = slot };
    uint8_t limits[EXTENDED_LIMITS_SIZE];
    struct wlx_server_data data = { .reply_data = limits, .reply_data_max = sizeof(limits) };
    memset(limits, 0, sizeof(limits));
    NTSTATUS status = wlx_server_call_data(WLX_REQ_GET_JOB_LIMITS, &req, sizeof(req), NULL, 0, &data, NULL);
    if (!status) memcpy(info, limits, len);
    return status;
}

static NTSTATUS associate_port(uint32_t slot, const void *info, uint32_t len);

NTSTATUS WINAPI unix_NtSetInformationJobObject(HANDLE job, uint32_t cls, const void *info, uint32_t len)
{
    NTSTATUS status;
    uint32_t slot = job_slot(job, &status);
    if (status) return status;
    switch (cls)
    {
    case JobObjectBasicLimitInformation:
        if (len != sizeof(struct basic_limits)) return STATUS_INVALID_PARAMETER;
        return set_limits(slot, info, len);
    case JobObjectExtendedLimitInformation:
        if (len != EXTENDED_LIMITS_SIZE) return STATUS_INVALID_PARAMETER;
        return set_limits(slot, info, len);
    case JobObjectAssociateCompletionPortInformation:
        return associate_port(slot, info, len);
    }
    return STATUS_INVALID_INFO_CLASS;
}

static NTSTATUS query(uint32_t slot, struct wlx_query_job_reply *reply, uint32_t *ids, uint32_t max_ids,
                      uint32_t *nids)
{
    struct wlx_query_job_request req = { .job = slot };
    struct wlx_server_data data = { .reply_data = ids, .reply_data_max = max_ids * sizeof(uint32_t) };
    NTSTATUS status = wlx_server_call_data(WLX_REQ_QUERY_JOB, &req, sizeof(req), reply, sizeof(*reply), &data, NULL);
    if (nids) *nids = (data.reply_data_size < data.reply_data_max ? data.reply_data_size : data.reply_data_max) / 4;
    return status;
}

/* JOBOBJECT_BASIC_PROCESS_ID_LIST: two DWORDs, then ULONG_PTR ids */
static NTSTATUS process_id_list(uint32_t slot, void *info, uint32_t len, uint32_t *ret_len)
{
    struct wlx_query_job_reply reply;
    uint32_t ids[1024], n;
    if (len < 8) return STATUS_INFO_LENGTH_MISMATCH;
    NTSTATUS status = query(slot, &reply, ids, 1024, &n);
    if (status) return status;
    uint32_t room = (len - 8) / 8, shown = n < room ? n : room;
    uint32_t *head = info;
    head[0] = reply.active;
    head[1] = shown;
    for (uint32_t i = 0; i < shown; i++) memcpy((char *)info + 8 + i * 8, &(uint64_t){ ids[i] }, 8);
    *ret_len = 8 + shown * 8;
    return shown < n ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
}

NTSTATUS WINAPI unix_NtQueryInformationJobObject(HANDLE job, uint32_t cls, void *info, uint32_t len, uint32_t *ret_len)
{
    struct wlx_query_job_reply reply;
    uint32_t needed = 0;
    NTSTATUS status;
    uint32_t slot = job_slot(job, &status);
    if (status) return status;
    switch (cls)
    {
    case JobObjectBasicAccountingInformation:
    case JobObjectBasicAndIoAccountingInformation:
        /* times stay 0; the I/O counters (48 bytes more) too */
        needed = cls == JobObjectBasicAccountingInformation ? 48 : 96;
        if (len < needed) return STATUS_INFO_LENGTH_MISMATCH;
        if ((status = query(slot, &reply, NULL, 0, NULL))) return status;
        memset(info, 0, needed);
        ((uint32_t *)info)[9] = reply.total;
        ((uint32_t *)info)[10] = reply.active;
        ((uint32_t *)info)[11] = reply.terminated;
        break;
    case JobObjectBasicLimitInformation:
    case JobObjectExtendedLimitInformation:
        needed = cls == JobObjectBasicLimitInformation ? sizeof(struct basic_limits) : EXTENDED_LIMITS_SIZE;
        if (len < needed) return STATUS_INFO_LENGTH_MISMATCH;
        status = get_limits(slot, info, needed);
        break;
    case JobObjectBasicProcessIdList:
        status = process_id_list(slot, info, len, &needed);
        break;
    default:
        return STATUS_INVALID_INFO_CLASS;
    }
    if (ret_len) *ret_len = needed;
    return status;
}

/* --- messages to a completion port -------------------------------------------
   The events happen in the server; the port is this process's. The server
   queues the job's messages and sets an anonymous shared event of ours (the
   notify slot) when the queue stops being empty. A watcher thread per
   association sleeps on that slot's futex word (and on the port's close),
   fetches the batch and posts each message as Windows does: the
   association's key, lpOverlapped the process id, the byte count the
   JOB_OBJECT_MSG_* code. It stops when the server says the association is
   over (the job went, another port or none was associated) or the port
   closed; then it drops its references. */

struct job_watch {
    struct port *port;              /* a reference */
    uint64_t key;
    uint32_t notify;                /* the event's slot (one server reference) */
    struct sync_state *s;
};

static void watch_free(struct job_watch *w)
{
    syncshare_release(w->notify);
    port_release(w->port);
    free(w);
}

/* posts what the server has queued; returns how many, *ended when that was the last */
static uint32_t fetch_messages(struct job_watch *w, int *ended)
{
    struct wlx_take_job_messages_request req = { .notify = w->notify };
    struct wlx_take_job_messages_reply reply;
    uint32_t msgs[2 * 512];
    struct wlx_server_data data = { .reply_data = msgs, .reply_data_max = sizeof(msgs) };
    if (wlx_server_call_data(WLX_REQ_TAKE_JOB_MESSAGES, &req, sizeof(req), &reply, sizeof(reply), &data, NULL))
    {
        *ended = 1;
        return 0;
    }
    uint32_t n = data.reply_data_size / 8;
    for (uint32_t i = 0; i < n; i++) port_post(w->port, w->key, msgs[2 * i + 1], STATUS_SUCCESS, msgs[2 * i]);
    *ended = reply.ended;
    return n;
}

static void *job_watcher(void *arg)
{
    struct job_watch *w = arg;
    int ended = 0;
    while (!ended)
    {
        uint32_t seen = __atomic_load_n(&w->s->seq, __ATOMIC_ACQUIRE);
        if (fetch_messages(w, &ended) || ended) continue;
        if (port_wait_shared(w->port, &w->s->seq, seen)) break;
    }
    watch_free(w);
    return NULL;
}

static NTSTATUS set_port(uint32_t job, uint32_t notify)
{
    struct wlx_set_job_port_request req = { .job = job, .notify = notify };
    return wlx_server_call(WLX_REQ_SET_JOB_PORT, &req, sizeof(req), NULL, 0, NULL);
}

/* JOBOBJECT_ASSOCIATE_COMPLETION_PORT { CompletionKey, CompletionPort };
   a NULL port ends the association (Windows 8+) */
static NTSTATUS associate_port(uint32_t slot, const void *info, uint32_t len)
{
    struct wlx_create_object_request req = { .type = KOBJ_EVENT, .sync_type = SYNC_AUTO_EVENT };
    struct wlx_create_object_reply reply;
    uint64_t a[2];
    NTSTATUS status;
    if (len != sizeof(a)) return STATUS_INVALID_PARAMETER;
    memcpy(a, info, sizeof(a));
    if (!a[1]) return set_port(slot, 0);
    struct job_watch *w = calloc(1, sizeof(*w));
    if (!w) return STATUS_NO_MEMORY;
    if (!(w->port = port_from_handle((HANDLE)(uintptr_t)a[1], &status))) { free(w); return status; }
    w->key = a[0];
    if ((status = wlx_server_call(WLX_REQ_CREATE_OBJECT, &req, sizeof(req), &reply, sizeof(reply), NULL)))
    {
        port_release(w->port);
        free(w);
        return status;
    }
    w->notify = reply.slot;
    if (!(w->s = syncshare_slot(w->notify))) status = STATUS_INSUFFICIENT_RESOURCES;
    else if (!(status = set_port(slot, w->notify)) && io_helper_thread(job_watcher, w))
    {
        set_port(slot, 0);
        status = STATUS_INSUFFICIENT_RESOURCES;
    }
    if (status) watch_free(w);
    return status;
}

/* --- CREATE_BREAKAWAY_FROM_JOB ----------------------------------------------
   The child joins its parent's job when it registers (server/job.c); with
   this flag it leaves it at once, before its parent learns its ids. The
   parent first checks that its job allows it (else CreateProcess fails with
   ERROR_ACCESS_DENIED, as on Windows). */
#define CREATE_BREAKAWAY_FROM_JOB 0x01000000

static NTSTATUS breakaway(int check_only)
{
    struct wlx_job_breakaway_request req = { .check_only = check_only };
    return wlx_server_call(WLX_REQ_JOB_BREAKAWAY, &req, sizeof(req), NULL, 0, NULL);
}

NTSTATUS job_check_breakaway(uint32_t creation_flags)
{
    return (creation_flags & CREATE_BREAKAWAY_FROM_JOB) ? breakaway(1) : STATUS_SUCCESS;
}

void job_breakaway(uint32_t creation_flags)
{
    if (creation_flags & CREATE_BREAKAWAY_FROM_JOB) breakaway(0);
}

/* --- crossing processes: EXPORT_JOB, data[0] the slot; the receiver takes
   its own server reference ------------------------------------------------- */

static NTSTATUS job_export(struct wlx_object *obj, struct object_export *ex, int *fd)
{
    memset(ex, 0, sizeof(*ex));
    ex->kind = EXPORT_JOB;
    ex->data[0] = ((struct job_object *)obj)->slot;
    *fd = -1;
    return STATUS_SUCCESS;
}

static struct wlx_object *job_import(const struct object_export *ex, int fd)
{
    struct wlx_grab_object_request req = { .slot = (uint32_t)ex->data[0] };
    struct wlx_grab_object_reply reply;
    if (fd >= 0) close(fd);
    if (ex->flags & EXPORT_SYNC_GRABBED) reply.type = KOBJ_JOB;   /* the server took our reference */
    else if (wlx_server_call(WLX_REQ_GRAB_OBJECT, &req, sizeof(req), &reply, sizeof(reply), NULL)) return NULL;
    if (reply.type != KOBJ_JOB)
    {
        struct wlx_release_object_request rel = { .slot = req.slot, .count = 1 };
        wlx_server_call(WLX_REQ_RELEASE_OBJECT, &rel, sizeof(rel), NULL, 0, NULL);
        return NULL;
    }
    struct job_object *j = job_wrap(req.slot);
    return j ? &j->obj : NULL;
}

static void __attribute__((constructor)) register_job_import(void)
{
    handle_register_import(EXPORT_JOB, job_import);
}
