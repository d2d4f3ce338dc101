/*
 * ntdll/unix/xhandle.c — handles that cross processes.
 *
 * Sections: imported handles · DuplicateHandle into another process ·
 * inheritance (parent side, child side).
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
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "private.h"
#include "xhandle.h"
#include "wlx/procstart.h"
#include "wlx/server.h"
#include "wlx/protocol.h"

#define DUPLICATE_CLOSE_SOURCE 1
#define DUPLICATE_SAME_ACCESS  2

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
   process object */
static NTSTATUS source_object(HANDLE src, struct wlx_object **obj, ACCESS_MASK *access)
{
    unsigned attributes;
    if (src == NtCurrentProcess())
    {
        *access = 0x1fffff;   /* PROCESS_ALL_ACCESS */
        return (*obj = procobj_self()) ? STATUS_SUCCESS : STATUS_NO_MEMORY;
    }
    return handle_get_info(src, obj, access, &attributes);
}

static NTSTATUS send_to_process(uint32_t target, struct wlx_object *obj, ACCESS_MASK access,
                                uint32_t attributes, HANDLE *dst)
{
    struct object_export ex;
    int fd = -1;
    if (!obj->ops->export) return STATUS_NOT_SUPPORTED;
    NTSTATUS status = obj->ops->export(obj, &ex, &fd);
    if (status) return status;
    struct wlx_dup_to_process_request req = {
        .process_id = target, .access = access, .attributes = attributes & OBJ_INHERIT,
        .kind = ex.kind, .flags = ex.flags, .data0 = ex.data[0], .data1 = ex.data[1], .data2 = ex.data[2],
        .data3 = ex.data[3], .data4 = ex.data[4], .data5 = ex.data[5], .has_fd = fd >= 0 };
    struct wlx_dup_to_process_reply reply;
    status = wlx_server_call_fd(WLX_REQ_DUP_TO_PROCESS, &req, sizeof(req), &reply, sizeof(reply), NULL, fd, NULL);
    if (fd >= 0) close(fd);
    if (!status && dst) *dst = (HANDLE)(uintptr_t)reply.handle;
    return status;
}

/* Called by NtDuplicateObject when a process other than ours is involved,
   or for the current process pseudo-handle as the source. A source handle
   in another process is not supported (it would need that process to
   export it). */
NTSTATUS xhandle_duplicate(HANDLE src_process, HANDLE src, HANDLE dst_process, HANDLE *dst,
                           ACCESS_MASK access, uint32_t attributes, uint32_t options)
{
    struct wlx_object *obj;
    ACCESS_MASK src_access;
    NTSTATUS status;

    if (!xhandle_is_current_process(src_process))
        return procobj_id(src_process) ? STATUS_NOT_SUPPORTED : STATUS_INVALID_HANDLE;
    uint32_t target = dst_process == NtCurrentProcess() ? wlx_process_id : procobj_id(dst_process);
    if (!target) return STATUS_INVALID_HANDLE;
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
