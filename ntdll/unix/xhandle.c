/*
 * ntdll/unix/xhandle.c — handles that cross processes.
 *
 * Sections: imported handles · DuplicateHandle into another process ·
 * DuplicateHandle out of another process (caller, source's service) ·
 * inheritance (parent side, child side) · std handles of a child.
 *
 * An object crosses as an object_export (+ at most one fd) made by its
 * ops->export and rebuilt by the importer of its kind (private.h,
 * "exporting objects"). Nothing here is on a hot path:
 * - Inheritance travels in the start-up channel: the parent exports every
 *   inheritable handle, sends the records and their fds (SCM_RIGHTS) after
 *   the start-up blob; the child installs them at the same handle values
 *   before it tells the parent its ids (so the parent's references keep
 *   shared objects alive meanwhile).
 * - DuplicateHandle into another process goes through wlxserver, which
 *   keeps the description for the target and answers at once the handle
 *   value the target will know it by (from HANDLE_IMPORT_BASE). The target
 *   fetches it the first time it uses that value (handle.c calls
 *   xhandle_fetch on a miss).
 * - DuplicateHandle out of another process (the source) needs that process:
 *   the caller makes a socket pair and sends one end with dup_from_process;
 *   wlxserver hands request and end to the source's service socket, which
 *   the source's service thread (the clock thread, usershared.c/ctrlc.c)
 *   watches whatever its Windows threads do. The source exports the handle
 *   (or duplicates it within itself, or only closes it) and answers on the
 *   pair; the caller imports it, or passes it on to a third process with
 *   dup_to_process, then acknowledges, and only then does the source drop
 *   its reference (with DUPLICATE_CLOSE_SOURCE its handle is already gone),
 *   so a shared object cannot vanish on the way. Nothing waits on the
 *   server; a source that ends meanwhile closes its end (EOF).
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "private.h"
#include "xhandle.h"
#include "process.h"
#include "sync.h"
#include "thread.h"
#include "wlx/fdpass.h"
#include "wlx/procstart.h"
#include "wlx/server.h"
#include "wlx/protocol.h"

#define DUPLICATE_CLOSE_SOURCE 1
#define DUPLICATE_SAME_ACCESS  2
#define PROCESS_ALL_ACCESS     0x1fffff
#define THREAD_ALL_ACCESS      0x1fffff
#ifndef STATUS_IO_TIMEOUT
#define STATUS_IO_TIMEOUT      ((NTSTATUS)0xC00000B5)
#endif
#define ANSWER_TIMEOUT_MS      5000   /* a source that does not answer (stopped, hung) */

/* --- imported handles ------------------------------------------------------ */

int xhandle_fetch(HANDLE h)
{
    struct wlx_take_handle_request req = { .handle = (uintptr_t)h };
    struct wlx_take_handle_reply reply;
    int fd = -1;
    if (wlx_server_call(WLX_REQ_TAKE_HANDLE, &req, sizeof(req), &reply, sizeof(reply), &fd)) return -1;
    struct object_export ex = { reply.kind, reply.flags,
                                { reply.data0, reply.data1, reply.data2, reply.data3, reply.data4, reply.data5 } };
    struct wlx_object *obj = handle_import_object(&ex, fd);
    if (!obj) return -1;
    if (handle_alloc_at(h, obj, reply.access, reply.attributes)) { object_release(obj); return -1; }
    return 0;
}

/* --- DuplicateHandle into another process ---------------------------------------- */

int xhandle_is_current_process(HANDLE process)
{
    return process == NtCurrentProcess() || procobj_id(process) == wlx_process_id;
}

/* the source object; the current process pseudo-handle becomes a real
   process object (the current thread's goes apart: send_current_thread) */
static NTSTATUS source_object(HANDLE src, struct wlx_object **obj, ACCESS_MASK *access)
{
    unsigned attributes;
    if (src == NtCurrentProcess())
    {
        *access = PROCESS_ALL_ACCESS;
        return (*obj = procobj_self()) ? STATUS_SUCCESS : STATUS_NO_MEMORY;
    }
    return handle_get_info(src, obj, access, &attributes);
}

/* a description another process can rebuild the object from (*fd: a new
   fd or -1); our own threads go as procobj.c's EXPORT_THREAD */
static NTSTATUS export_object(struct wlx_object *obj, struct object_export *ex, int *fd)
{
    *fd = -1;
    if (obj->ops == &thread_ops)
    {
        procobj_export_thread(wlx_process_id, ((struct wlx_thread *)obj)->tid, ex);
        return STATUS_SUCCESS;
    }
    if (!obj->ops->export) return STATUS_NOT_SUPPORTED;
    return obj->ops->export(obj, ex, fd);
}

/* hands a description (and fd, which stays the caller's) to the server
   for the target; *dst: the value the target will know it by */
static NTSTATUS send_export(uint32_t target, const struct object_export *ex, int fd, ACCESS_MASK access,
                            uint32_t attributes, HANDLE *dst)
{
    struct wlx_dup_to_process_request req = {
        .process_id = target, .access = access, .attributes = attributes & OBJ_INHERIT,
        .kind = ex->kind, .flags = ex->flags, .data0 = ex->data[0], .data1 = ex->data[1], .data2 = ex->data[2],
        .data3 = ex->data[3], .data4 = ex->data[4], .data5 = ex->data[5], .has_fd = fd >= 0 };
    struct wlx_dup_to_process_reply reply;
    NTSTATUS status = wlx_server_call_fd(WLX_REQ_DUP_TO_PROCESS, &req, sizeof(req), &reply, sizeof(reply),
                                         NULL, fd, NULL);
    if (!status && dst) *dst = (HANDLE)(uintptr_t)reply.handle;
    return status;
}

static NTSTATUS send_to_process(uint32_t target, struct wlx_object *obj, ACCESS_MASK access,
                                uint32_t attributes, HANDLE *dst)
{
    struct object_export ex;
    int fd;
    NTSTATUS status = export_object(obj, &ex, &fd);
    if (status) return status;
    status = send_export(target, &ex, fd, access, attributes, dst);
    if (fd >= 0) close(fd);
    return status;
}

/* GetCurrentThread() into another process: a handle to this thread there
   (procobj.c's EXPORT_THREAD) */
static NTSTATUS send_current_thread(uint32_t target, ACCESS_MASK access, uint32_t attributes, HANDLE *dst)
{
    struct object_export ex;
    procobj_export_thread(wlx_process_id, current_tid(), &ex);
    return send_export(target, &ex, -1, access, attributes, dst);
}

static NTSTATUS dup_from_process(uint32_t source, HANDLE src, uint32_t target, HANDLE *dst,
                                 ACCESS_MASK access, uint32_t attributes, uint32_t options);

/* Called by NtDuplicateObject when a process other than ours is involved,
   or for the current process pseudo-handle as the source. dst_process NULL
   (no dst): only DUPLICATE_CLOSE_SOURCE's part is done, as Windows allows. */
NTSTATUS xhandle_duplicate(HANDLE src_process, HANDLE src, HANDLE dst_process, HANDLE *dst,
                           ACCESS_MASK access, uint32_t attributes, uint32_t options)
{
    struct wlx_object *obj;
    ACCESS_MASK src_access;
    NTSTATUS status;
    uint32_t target = 0;

    if (dst_process && dst && !(target = dst_process == NtCurrentProcess() ? wlx_process_id : procobj_id(dst_process)))
        return STATUS_INVALID_HANDLE;
    if (!xhandle_is_current_process(src_process))
    {
        uint32_t source = procobj_id(src_process);
        if (!source) return STATUS_INVALID_HANDLE;
        return dup_from_process(source, src, target, dst, access, attributes, options);
    }
    if (!target)
    {
        if (dst) *dst = NULL;
        return (options & DUPLICATE_CLOSE_SOURCE) ? handle_close(src) : STATUS_INVALID_HANDLE;
    }
    if (src == NtCurrentThread() && target != wlx_process_id)
        return send_current_thread(target, options & DUPLICATE_SAME_ACCESS ? THREAD_ALL_ACCESS : access,
                                   attributes, dst);
    if ((status = source_object(src, &obj, &src_access))) return status;
    if (options & DUPLICATE_SAME_ACCESS) access = src_access;
    if (target == wlx_process_id)
    {
        if (!dst) object_release(obj);
        else if (!(*dst = handle_alloc(obj, access, attributes & OBJ_INHERIT)))
        {
            object_release(obj);
            status = STATUS_NO_MEMORY;
        }
    }
    else
    {
        status = send_to_process(target, obj, access, attributes, dst);
        object_release(obj);
    }
    if (!status && (options & DUPLICATE_CLOSE_SOURCE) && src != NtCurrentProcess()) handle_close(src);
    return status;
}

/* --- DuplicateHandle out of another process ------------------------------------- */

/* source → caller, on the caller's socket pair */
struct dup_answer {
    NTSTATUS status;
    uint32_t access, attributes;
    uint32_t has_fd;               /* an fd comes with it */
    uint64_t handle;               /* target was the source: the new handle there */
    struct object_export ex;       /* target was another process: the object */
};

/* the message's size (0: EOF, -1: error); *fd the fd that came with it or -1 */
static ssize_t receive_message(int sock, void *msg, size_t size, int *fd)
{
    char control[CMSG_SPACE(sizeof(int) * 4)];
    struct iovec iov = { msg, size };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof(control) };
    ssize_t n;
    *fd = -1;
    do n = recvmsg(sock, &m, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
    while (n < 0 && errno == EINTR);
    for (struct cmsghdr *c = n >= 0 ? CMSG_FIRSTHDR(&m) : NULL; c; c = CMSG_NXTHDR(&m, c))
    {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
        for (size_t i = 0; i < (c->cmsg_len - CMSG_LEN(0)) / sizeof(int); i++)
        {
            int got;
            memcpy(&got, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
            if (*fd < 0) *fd = got; else close(got);
        }
    }
    if (n >= 0 && (m.msg_flags & MSG_TRUNC)) return -1;
    return n;
}

/* waits for a message on sock (ms at most); 1 ready, 0 timeout */
int xhandle_wait_readable(int sock, int ms)
{
    struct pollfd p = { sock, POLLIN, 0 };
    int r;
    do r = poll(&p, 1, ms);
    while (r < 0 && errno == EINTR);
    return r > 0;
}

/* --- the caller's side --- */

/* what the answer gives the caller: the handle in the target */
static NTSTATUS use_answer(const struct dup_answer *a, int fd, uint32_t source, uint32_t target, HANDLE *dst)
{
    if (target == source) { *dst = (HANDLE)(uintptr_t)a->handle; return STATUS_SUCCESS; }
    if (target != wlx_process_id) return send_export(target, &a->ex, fd, a->access, a->attributes, dst);
    struct wlx_object *obj = handle_import_object(&a->ex, fd >= 0 ? dup(fd) : -1);
    if (!obj) return STATUS_NOT_SUPPORTED;
    if (!(*dst = handle_alloc(obj, a->access, a->attributes))) { object_release(obj); return STATUS_NO_MEMORY; }
    return STATUS_SUCCESS;
}

/* asks source (another process) for its handle src, for target (0: none) */
static NTSTATUS dup_from_process(uint32_t source, HANDLE src, uint32_t target, HANDLE *dst,
                                 ACCESS_MASK access, uint32_t attributes, uint32_t options)
{
    struct wlx_dup_from_process_request req = { .source = source, .target = target, .handle = (uintptr_t)src,
                                                .access = access, .attributes = attributes & OBJ_INHERIT,
                                                .options = options };
    struct dup_answer a;
    int sv[2], fd = -1;
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv)) return errno_to_status(errno);
    NTSTATUS status = wlx_server_call_fd(WLX_REQ_DUP_FROM_PROCESS, &req, sizeof(req), NULL, 0, NULL, sv[1], NULL);
    close(sv[1]);
    if (!status)
    {
        ssize_t n = xhandle_wait_readable(sv[0], ANSWER_TIMEOUT_MS) ? receive_message(sv[0], &a, sizeof(a), &fd) : -2;
        if (n == -2) status = STATUS_IO_TIMEOUT;
        else if (n != sizeof(a)) status = STATUS_PROCESS_IS_TERMINATING;   /* it ended before answering */
        else if (!(status = a.status) && dst) status = use_answer(&a, fd, source, target, dst);
        if (!status && target && target != source) wlx_send_fd_message(sv[0], "", 1, -1, 0);   /* the source may let go */
    }
    if (fd >= 0) close(fd);
    close(sv[0]);
    return status;
}

/* --- the source's side: the service thread --- */

static int service_closed;

int xhandle_service_fd(void)
{
    return service_closed ? -1 : wlx_server_service_fd();
}

/* does what req asks of our handle; *keep: a reference to hold until the
   caller has the object (an export), *fd: the export's fd */
static NTSTATUS serve_dup(const struct wlx_dup_from_process_request *req, struct dup_answer *a,
                          struct wlx_object **keep, int *fd)
{
    HANDLE h = (HANDLE)(uintptr_t)req->handle;
    struct wlx_object *obj;
    ACCESS_MASK access;
    NTSTATUS status = source_object(h, &obj, &access);
    if (status) return status;
    a->access = (req->options & DUPLICATE_SAME_ACCESS) ? access : req->access;
    a->attributes = req->attributes & OBJ_INHERIT;
    if (req->target == wlx_process_id)
    {
        if ((a->handle = (uintptr_t)handle_alloc(obj, a->access, a->attributes))) obj = NULL;
        else status = STATUS_NO_MEMORY;
    }
    else if (req->target && !(status = export_object(obj, &a->ex, fd)))
    {
        a->has_fd = *fd >= 0;
        *keep = obj;
        obj = NULL;
    }
    if (obj) object_release(obj);
    /* closed whatever else happened, as Windows documents */
    if ((req->options & DUPLICATE_CLOSE_SOURCE) && h != NtCurrentProcess()) handle_close(h);
    return status;
}

/* one request from the service socket; the answer goes to the socket that
   came with it. The server forwards two requests, told apart by their
   sizes: dup_from_process (here) and thread_service (xthread.c). */
void xhandle_serve(int sock)
{
    union {
        struct wlx_dup_from_process_request dup;
        struct wlx_thread_service_request thread;
    } msg;
    struct wlx_dup_from_process_request *req = &msg.dup;
    struct dup_answer a = { 0 };
    struct wlx_object *keep = NULL;
    int reply, fd = -1;
    ssize_t n = receive_message(sock, &msg, sizeof(msg), &reply);
    if (n == 0) service_closed = 1;   /* the server is gone: its death watch ends us */
    _Static_assert(sizeof(msg.thread) != sizeof(msg.dup), "service requests are told apart by size");
    if (n == sizeof(msg.thread) && reply >= 0)
    {
        xthread_serve(&msg.thread, reply);
        return;
    }
    if (n != sizeof(msg.dup) || reply < 0)
    {
        if (reply >= 0) close(reply);
        return;
    }
    a.status = serve_dup(req, &a, &keep, &fd);
    int sent = !wlx_send_fd_message(reply, &a, sizeof(a), fd, 0);
    if (fd >= 0) close(fd);
    if (keep)
    {
        char ack;
        /* the caller acknowledges once it holds its own reference */
        if (sent && xhandle_wait_readable(reply, ANSWER_TIMEOUT_MS)) (void)!recv(reply, &ack, 1, MSG_DONTWAIT);
        object_release(keep);
    }
    close(reply);
}

/* --- inheritance: parent side ------------------------------------------------------ */

struct inherit_set {
    uint32_t count;
    struct wlx_inherited_handle *records;
    int *fds;                      /* per record, -1 for none */
};

static int in_list(HANDLE h, void *const *list, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) if (list[i] == h) return 1;
    return 0;
}

/* exports every inheritable handle (of list, if given); those that cannot
   cross are skipped */
struct inherit_set *xhandle_collect_inherited(uint32_t *count, void *const *list, uint32_t list_count)
{
    struct handle_snapshot *snap;
    size_t n = handle_inheritable(&snap);
    struct inherit_set *set = calloc(1, sizeof(*set));
    *count = 0;
    if (!set || !snap || !(set->records = calloc(n + 1, sizeof(*set->records))) || !(set->fds = calloc(n + 1, sizeof(int))))
    {
        for (size_t i = 0; snap && i < n; i++) object_release(snap[i].obj);
        free(snap);
        xhandle_free_inherited(set);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
    {
        struct wlx_inherited_handle *r = &set->records[set->count];
        int fd = -1;
        if (list && !in_list(snap[i].handle, list, list_count)) { object_release(snap[i].obj); continue; }
        if (snap[i].obj->ops->export && !snap[i].obj->ops->export(snap[i].obj, &r->ex, &fd))
        {
            r->handle = (uintptr_t)snap[i].handle;
            r->access = snap[i].access;
            r->attributes = snap[i].attributes;
            r->has_fd = fd >= 0;
            set->fds[set->count++] = fd;
        }
        object_release(snap[i].obj);
    }
    free(snap);
    *count = set->count;
    return set;
}

void xhandle_free_inherited(struct inherit_set *set)
{
    if (!set) return;
    for (uint32_t i = 0; set->fds && i < set->count; i++) if (set->fds[i] >= 0) close(set->fds[i]);
    free(set->records);
    free(set->fds);
    free(set);
}

/* one batch: its records in one message, with their fds */
static int send_batch(int sock, const struct wlx_inherited_handle *records, const int *fds, uint32_t n)
{
    int list[WLX_INHERIT_BATCH];
    uint32_t nfds = 0;
    char control[CMSG_SPACE(sizeof(list))];
    struct iovec iov = { (void *)records, n * sizeof(*records) };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
    for (uint32_t i = 0; i < n; i++) if (fds[i] >= 0) list[nfds++] = fds[i];
    if (nfds)
    {
        msg.msg_control = control;
        msg.msg_controllen = CMSG_SPACE(nfds * sizeof(int));
        struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(nfds * sizeof(int));
        memcpy(CMSG_DATA(c), list, nfds * sizeof(int));
    }
    ssize_t r;
    do r = sendmsg(sock, &msg, MSG_NOSIGNAL);
    while (r < 0 && errno == EINTR);
    /* a stream socket may take part of it: the rest goes without fds */
    for (size_t done = r > 0 ? r : 0, size = iov.iov_len; r >= 0 && done < size; done += r)
    {
        do r = write(sock, (const char *)records + done, size - done);
        while (r < 0 && errno == EINTR);
        if (r <= 0) return -1;
    }
    return r < 0 ? -1 : 0;
}

int xhandle_send_inherited(int sock, const struct inherit_set *set)
{
    for (uint32_t i = 0; set && i < set->count; i += WLX_INHERIT_BATCH)
    {
        uint32_t n = set->count - i < WLX_INHERIT_BATCH ? set->count - i : WLX_INHERIT_BATCH;
        if (send_batch(sock, set->records + i, set->fds + i, n)) return -1;
    }
    return 0;
}

/* --- inheritance: child side ---------------------------------------------------------- */

static struct wlx_inherited_handle *inherited;
static int *inherited_fds;
static uint32_t inherited_count;

/* reads one batch; the fds come with its first bytes */
static int receive_batch(int sock, struct wlx_inherited_handle *records, int *fds, uint32_t n)
{
    int list[WLX_INHERIT_BATCH];
    uint32_t nfds = 0, used = 0;
    size_t size = n * sizeof(*records), done = 0;
    char control[CMSG_SPACE(sizeof(list))];
    while (done < size)
    {
        struct iovec iov = { (char *)records + done, size - done };
        struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof(control) };
        ssize_t r = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
        {
            if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
            uint32_t k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            for (uint32_t j = 0; j < k; j++)
            {
                int fd;
                memcpy(&fd, CMSG_DATA(c) + j * sizeof(int), sizeof(int));
                if (nfds < WLX_INHERIT_BATCH) list[nfds++] = fd; else close(fd);
            }
        }
        done += r;
    }
    for (uint32_t i = 0; i < n; i++) fds[i] = records[i].has_fd && used < nfds ? list[used++] : -1;
    while (used < nfds) close(list[used++]);
    return 0;
}

void xhandle_receive_inherited(int sock, uint32_t count)
{
    if (!count) return;
    if (count > 0x100000 || !(inherited = calloc(count, sizeof(*inherited))) || !(inherited_fds = calloc(count, sizeof(int))))
        wlx_fatal("broken start-up data from the parent process (inherited handles)");
    for (uint32_t i = 0; i < count; i += WLX_INHERIT_BATCH)
    {
        uint32_t n = count - i < WLX_INHERIT_BATCH ? count - i : WLX_INHERIT_BATCH;
        if (receive_batch(sock, inherited + i, inherited_fds + i, n))
            wlx_fatal("broken start-up data from the parent process (inherited handles)");
    }
    inherited_count = count;
}

/* at the parent's handle values; one that cannot be rebuilt is left out */
void xhandle_install_inherited(void)
{
    for (uint32_t i = 0; i < inherited_count; i++)
    {
        struct wlx_inherited_handle *r = &inherited[i];
        r->ex.flags &= ~EXPORT_SYNC_GRABBED;   /* the child takes its own references */
        struct wlx_object *obj = handle_import_object(&r->ex, inherited_fds[i]);
        if (!obj) continue;
        if (handle_alloc_at((HANDLE)(uintptr_t)r->handle, obj, r->access, r->attributes))
        {
            TRACE(THREAD, "inherited handle %#llx could not be installed\n", (unsigned long long)r->handle);
            object_release(obj);
        }
    }
    free(inherited);
    free(inherited_fds);
    inherited = NULL;
    inherited_fds = NULL;
    inherited_count = 0;
}

/* --- std handles of a child ------------------------------------------------------------
   With bInheritHandles the parent sends the values of the child's std
   handles (STARTUPINFO's with STARTF_USESTDHANDLES, else its own): one
   that was inherited is the child's std handle at the same value, as on
   Windows (tests/kernel32/xdup.c). Others are the fds 0/1/2 wrapped, except
   that a parent's NULL or INVALID_HANDLE_VALUE is the child's too (the fd
   is then the null device, for Linux code that writes to it). */

HANDLE xhandle_std_handle(int i)
{
    HANDLE h = (HANDLE)(uintptr_t)wlx_startup.hdr.std_handles[i];
    struct wlx_object *obj;
    if (wlx_startup.hdr.std_special & (1u << i)) return NULL;
    if (wlx_startup.hdr.std_special & (8u << i)) return (HANDLE)~(uintptr_t)0;
    if (h && !handle_get(h, NULL, &obj))
    {
        object_release(obj);
        return h;
    }
    return file_wrap_fd(i, 0x80000000u | 0x40000000u, 0x20);   /* GENERIC_READ|WRITE, synchronous */
}
