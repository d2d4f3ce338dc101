/*
 * ntdll/unix/registry.c — the Nt*Key system calls. The registry itself is
 * wlxserver's (server/registry.c); a key handle here is a process-local
 * object holding the server's id of the key.
 *
 * Sections: key handles · server calls · keys · values · information
 * classes · notifications.
 *
 * Information classes are laid out here from the server's raw facts, with
 * Windows' size rules: a buffer smaller than the fixed part gets
 * STATUS_BUFFER_TOO_SMALL, one that holds the fixed part but not the
 * names or data STATUS_BUFFER_OVERFLOW (fixed part filled); both report
 * the size needed. The access a key was opened with is kept in its object
 * and checked by each call, as Windows does (a handle duplicated with other
 * access keeps the original's).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "private.h"
#include "wlx/server.h"

#define STATUS_KEY_DELETED        ((NTSTATUS)0xC000017C)
#define STATUS_NO_MORE_ENTRIES    ((NTSTATUS)0x8000001A)
#define REG_OPTION_VOLATILE       1
#define REG_OPTION_CREATE_LINK    2
#define REG_CREATED_NEW_KEY       1
#define REG_OPENED_EXISTING_KEY   2
#define INDEX_NONE                0xffffffffu
#define STATUS_NOTIFY_CLEANUP     ((NTSTATUS)0x0000010B)

/* key access rights */
#define KEY_QUERY_VALUE           0x0001
#define KEY_SET_VALUE             0x0002
#define KEY_CREATE_SUB_KEY        0x0004
#define KEY_ENUMERATE_SUB_KEYS    0x0008
#define KEY_NOTIFY                0x0010
#define KEY_DELETE                0x00010000   /* DELETE */
#define KEY_READ                  0x00020019
#define KEY_WRITE                 0x00020006
#define KEY_ALL_ACCESS            0x000f003f

NTSTATUS WINAPI unix_NtSetEvent(HANDLE h, int32_t *prev);

/* ---- key handles ---- */

struct key_object {
    struct wlx_object obj;
    uint64_t id;               /* the server's key id (0: \Registry) */
    ACCESS_MASK access;        /* granted, generic rights mapped */
};

static void key_destroy(struct wlx_object *obj);
static const struct object_ops key_ops = { .type = "Key", .destroy = key_destroy };

/* the server id of a key handle opened with the rights in need */
static NTSTATUS key_id_for(HANDLE h, ACCESS_MASK need, uint64_t *id)
{
    struct wlx_object *obj;
    NTSTATUS status = handle_get(h, &key_ops, &obj);
    if (status == STATUS_OBJECT_TYPE_MISMATCH) return STATUS_INVALID_HANDLE;
    if (status) return status;
    struct key_object *k = (struct key_object *)obj;
    *id = k->id;
    status = (k->access & need) == need ? STATUS_SUCCESS : STATUS_ACCESS_DENIED;
    object_release(obj);
    return status;
}

static NTSTATUS key_id(HANDLE h, uint64_t *id)
{
    return key_id_for(h, 0, id);
}

static ACCESS_MASK map_access(ACCESS_MASK access)
{
    if (access & 0x80000000) access |= KEY_READ;        /* GENERIC_READ */
    if (access & 0x40000000) access |= KEY_WRITE;       /* GENERIC_WRITE */
    if (access & 0x20000000) access |= KEY_READ;        /* GENERIC_EXECUTE: KEY_EXECUTE is KEY_READ */
    if (access & 0x12000000) access |= KEY_ALL_ACCESS;  /* GENERIC_ALL, MAXIMUM_ALLOWED */
    return access & 0x01ffffff;
}

static NTSTATUS new_key_handle(uint64_t id, ACCESS_MASK access, unsigned attributes, HANDLE *handle)
{
    struct key_object *k = object_new(&key_ops, sizeof(*k));
    if (!k) return STATUS_NO_MEMORY;
    k->id = id;
    k->access = map_access(access);
    if (!(*handle = handle_alloc(&k->obj, access, attributes & OBJ_INHERIT))) {
        object_release(&k->obj);
        return STATUS_NO_MEMORY;
    }
    return STATUS_SUCCESS;
}

/* ---- server calls ---- */

static NTSTATUS call(uint32_t code, const void *req, uint32_t req_size, void *reply, uint32_t reply_size,
                     const void *data, uint32_t data_size, void *out, uint32_t out_max, uint32_t *out_size)
{
    struct wlx_server_data d = { data, data_size, out, out_max, 0 };
    NTSTATUS status = wlx_server_call_data(code, req, req_size, reply, reply_size, &d, NULL);
    if (out_size) *out_size = d.reply_data_size;
    return status;
}

/* the name of an optional UNICODE_STRING (NULL: empty) */
static void name_of(const UNICODE_STRING *s, const WCHAR **name, uint32_t *len)
{
    *name = s && s->Buffer ? s->Buffer : NULL;
    *len = s && s->Buffer ? s->Length & ~1u : 0;
}

/* ---- keys ---- */

static NTSTATUS open_key(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr, int create,
                         const UNICODE_STRING *class_name, uint32_t options, uint32_t *disposition)
{
    struct wlx_reg_open_key_request req = { .create = create, .options = options };
    struct wlx_reg_open_key_reply reply;
    const WCHAR *name, *cls;
    uint32_t len, clen;
    NTSTATUS status;

    if (!handle || !attr) return STATUS_ACCESS_VIOLATION;
    if (attr->Length != sizeof(*attr)) return STATUS_INVALID_PARAMETER;
    if (attr->RootDirectory && (status = key_id(attr->RootDirectory, &req.parent))) return status;
    if (!attr->RootDirectory && !attr->ObjectName) return STATUS_OBJECT_PATH_SYNTAX_BAD;
    if (options & REG_OPTION_CREATE_LINK) return STATUS_NOT_IMPLEMENTED;
    name_of(attr->ObjectName, &name, &len);
    name_of(create ? class_name : NULL, &cls, &clen);
    if (clen + (uint64_t)len > 60000) return STATUS_INVALID_PARAMETER;
    uint8_t *buf = malloc(clen + len + 2);
    if (!buf) return STATUS_NO_MEMORY;
    memcpy(buf, cls, clen);
    memcpy(buf + clen, name, len);
    req.class_len = clen;
    status = call(WLX_REQ_REG_OPEN_KEY, &req, sizeof(req), &reply, sizeof(reply), buf, clen + len, NULL, 0, NULL);
    free(buf);
    if (status) return status;
    if (disposition) *disposition = reply.created ? REG_CREATED_NEW_KEY : REG_OPENED_EXISTING_KEY;
    return new_key_handle(reply.key, access, attr->Attributes, handle);
}

NTSTATUS WINAPI unix_NtCreateKey(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr,
                                 ULONG title_index, const UNICODE_STRING *class_name, ULONG options,
                                 ULONG *disposition)
{
    (void)title_index;
    return open_key(handle, access, attr, 1, class_name, options, disposition);
}

NTSTATUS WINAPI unix_NtOpenKeyEx(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr, ULONG options)
{
    (void)options;
    return open_key(handle, access, attr, 0, NULL, 0, NULL);
}

NTSTATUS WINAPI unix_NtOpenKey(HANDLE *handle, ACCESS_MASK access, const OBJECT_ATTRIBUTES *attr)
{
    return open_key(handle, access, attr, 0, NULL, 0, NULL);
}

/* a request whose body is just the key id (reg_delete_key, reg_flush,
 * reg_rename_key, reg_delete_value), with optional data */
static NTSTATUS key_request(HANDLE h, ACCESS_MASK need, uint32_t code, const void *data, uint32_t size)
{
    struct wlx_reg_delete_key_request req;
    _Static_assert(sizeof(struct wlx_reg_flush_request) == sizeof(req) &&
                   sizeof(struct wlx_reg_rename_key_request) == sizeof(req) &&
                   sizeof(struct wlx_reg_delete_value_request) == sizeof(req), "key-only requests");
    NTSTATUS status = key_id_for(h, need, &req.key);
    if (status) return status;
    return call(code, &req, sizeof(req), NULL, 0, data, size, NULL, 0, NULL);
}

NTSTATUS WINAPI unix_NtDeleteKey(HANDLE h)
{
    return key_request(h, KEY_DELETE, WLX_REQ_REG_DELETE_KEY, NULL, 0);
}

NTSTATUS WINAPI unix_NtFlushKey(HANDLE h)
{
    return key_request(h, 0, WLX_REQ_REG_FLUSH, NULL, 0);
}

NTSTATUS WINAPI unix_NtRenameKey(HANDLE h, const UNICODE_STRING *name)
{
    if (!name || !name->Buffer || !name->Length) return STATUS_INVALID_PARAMETER;
    return key_request(h, KEY_SET_VALUE | KEY_CREATE_SUB_KEY, WLX_REQ_REG_RENAME_KEY, name->Buffer, name->Length & ~1u);
}

NTSTATUS WINAPI unix_NtSetInformationKey(HANDLE h, uint32_t cls, const void *info, ULONG len)
{
    struct wlx_reg_set_key_time_request req;
    NTSTATUS status;
    if (cls != 0) return STATUS_INVALID_INFO_CLASS;   /* KeyWriteTimeInformation */
    if (len != 8) return STATUS_INFO_LENGTH_MISMATCH;
    if ((status = key_id_for(h, KEY_SET_VALUE, &req.key))) return status;
    memcpy(&req.last_write, info, 8);
    return call(WLX_REQ_REG_SET_KEY_TIME, &req, sizeof(req), NULL, 0, NULL, 0, NULL, 0, NULL);
}

/* ---- values ---- */

NTSTATUS WINAPI unix_NtSetValueKey(HANDLE h, const UNICODE_STRING *name, ULONG title_index, ULONG type,
                                   const void *data, ULONG size)
{
    struct wlx_reg_set_value_request req = { .type = type };
    const WCHAR *n;
    uint32_t nlen;
    NTSTATUS status;
    (void)title_index;

    if ((status = key_id_for(h, KEY_SET_VALUE, &req.key))) return status;
    name_of(name, &n, &nlen);
    if (nlen + (uint64_t)size > WLX_MAX_MESSAGE_SIZE - 64) return STATUS_INSUFFICIENT_RESOURCES;
    if (size && !data) return STATUS_ACCESS_VIOLATION;
    uint8_t *buf = malloc(nlen + size + 1);
    if (!buf) return STATUS_NO_MEMORY;
    memcpy(buf, n, nlen);
    memcpy(buf + nlen, data, size);
    req.name_len = nlen;
    status = call(WLX_REQ_REG_SET_VALUE, &req, sizeof(req), NULL, 0, buf, nlen + size, NULL, 0, NULL);
    free(buf);
    return status;
}

NTSTATUS WINAPI unix_NtDeleteValueKey(HANDLE h, const UNICODE_STRING *name)
{
    const WCHAR *n;
    uint32_t nlen;
    name_of(name, &n, &nlen);
    return key_request(h, KEY_SET_VALUE, WLX_REQ_REG_DELETE_VALUE, n, nlen);
}

/* a value as the server has it: name then data in buf */
struct value_facts {
    struct wlx_reg_get_value_reply r;
    uint8_t buf[WLX_MAX_MESSAGE_SIZE];
};

static NTSTATUS get_value(HANDLE h, uint32_t index, const UNICODE_STRING *name, struct value_facts *v)
{
    struct wlx_reg_get_value_request req = { .index = index };
    const WCHAR *n;
    uint32_t nlen;
    NTSTATUS status = key_id_for(h, KEY_QUERY_VALUE, &req.key);
    if (status) return status;
    name_of(name, &n, &nlen);
    return call(WLX_REQ_REG_GET_VALUE, &req, sizeof(req), &v->r, sizeof(v->r), n, nlen, v->buf, sizeof(v->buf), NULL);
}

/* copies what fits of the whole (fixed part + rest) built in tmp, and
 * frees tmp */
static NTSTATUS give(void *info, ULONG len, ULONG *result_len, void *tmp, uint32_t fixed, uint32_t total)
{
    NTSTATUS status = len < total ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
    if (result_len) *result_len = total;
    if (len < fixed) status = STATUS_BUFFER_TOO_SMALL;
    else if (!info) status = STATUS_ACCESS_VIOLATION;
    else memcpy(info, tmp, len < total ? len : total);
    free(tmp);
    return status;
}

enum { KeyValueBasicInformation, KeyValueFullInformation, KeyValuePartialInformation,
       KeyValueFullInformationAlign64, KeyValuePartialInformationAlign64 };

static NTSTATUS value_info(const struct value_facts *v, uint32_t cls, void *info, ULONG len, ULONG *result_len)
{
    uint8_t *tmp = malloc(WLX_MAX_MESSAGE_SIZE + 64);   /* the whole answer, laid out */
    uint32_t nl = v->r.name_len, dl = v->r.data_len, w[6];
    if (!tmp) return STATUS_NO_MEMORY;
    const uint8_t *name = v->buf, *data = v->buf + nl;

    switch (cls) {
    case KeyValueBasicInformation:      /* TitleIndex Type NameLength Name */
        w[0] = 0; w[1] = v->r.type; w[2] = nl;
        memcpy(tmp, w, 12);
        memcpy(tmp + 12, name, nl);
        return give(info, len, result_len, tmp, 12, 12 + nl);
    case KeyValueFullInformation:       /* TitleIndex Type DataOffset DataLength NameLength Name .. Data */
    case KeyValueFullInformationAlign64: {
        uint32_t off = (20 + nl + 7) & ~7u;
        w[0] = 0; w[1] = v->r.type; w[2] = off; w[3] = dl; w[4] = nl;
        memset(tmp, 0, off);
        memcpy(tmp, w, 20);
        memcpy(tmp + 20, name, nl);
        memcpy(tmp + off, data, dl);
        return give(info, len, result_len, tmp, 20, off + dl);
    }
    case KeyValuePartialInformation:    /* TitleIndex Type DataLength Data */
        w[0] = 0; w[1] = v->r.type; w[2] = dl;
        memcpy(tmp, w, 12);
        memcpy(tmp + 12, data, dl);
        return give(info, len, result_len, tmp, 12, 12 + dl);
    case KeyValuePartialInformationAlign64:   /* Type DataLength Data */
        w[0] = v->r.type; w[1] = dl;
        memcpy(tmp, w, 8);
        memcpy(tmp + 8, data, dl);
        return give(info, len, result_len, tmp, 8, 8 + dl);
    }
    free(tmp);
    return STATUS_INVALID_PARAMETER;
}

NTSTATUS WINAPI unix_NtQueryValueKey(HANDLE h, const UNICODE_STRING *name, uint32_t cls, void *info,
                                     ULONG len, ULONG *result_len)
{
    struct value_facts *v = malloc(sizeof(*v));
    if (!v) return STATUS_NO_MEMORY;
    NTSTATUS status = get_value(h, INDEX_NONE, name, v);
    if (!status) status = value_info(v, cls, info, len, result_len);
    free(v);
    return status;
}

NTSTATUS WINAPI unix_NtEnumerateValueKey(HANDLE h, ULONG index, uint32_t cls, void *info,
                                         ULONG len, ULONG *result_len)
{
    struct value_facts *v = malloc(sizeof(*v));
    if (!v) return STATUS_NO_MEMORY;
    NTSTATUS status = get_value(h, index == INDEX_NONE ? INDEX_NONE - 1 : index, NULL, v);
    if (!status) status = value_info(v, cls, info, len, result_len);
    free(v);
    return status;
}

/* ---- key information classes ---- */

enum { KeyBasicInformation, KeyNodeInformation, KeyFullInformation, KeyNameInformation,
       KeyCachedInformation, KeyFlagsInformation };

struct key_facts {
    struct wlx_reg_query_key_reply r;
    uint8_t buf[WLX_MAX_MESSAGE_SIZE];     /* name then class */
};

static NTSTATUS key_info(const struct key_facts *k, uint32_t cls, void *info, ULONG len, ULONG *result_len)
{
    uint8_t *tmp = malloc(WLX_MAX_MESSAGE_SIZE + 64);   /* the whole answer, laid out */
    const struct wlx_reg_query_key_reply *r = &k->r;
    uint32_t nl = r->name_len, cl = r->class_len, w[10];
    const uint8_t *name = k->buf, *class_name = k->buf + nl;

    if (!tmp) return STATUS_NO_MEMORY;
    memcpy(tmp, &r->last_write, 8);
    switch (cls) {
    case KeyBasicInformation:   /* LastWriteTime TitleIndex NameLength Name */
        w[0] = 0; w[1] = nl;
        memcpy(tmp + 8, w, 8);
        memcpy(tmp + 16, name, nl);
        return give(info, len, result_len, tmp, 16, 16 + nl);
    case KeyNodeInformation:    /* LastWriteTime TitleIndex ClassOffset ClassLength NameLength Name Class */
        w[0] = 0; w[1] = cl ? 24 + nl : 0xffffffff; w[2] = cl; w[3] = nl;
        memcpy(tmp + 8, w, 16);
        memcpy(tmp + 24, name, nl);
        memcpy(tmp + 24 + nl, class_name, cl);
        return give(info, len, result_len, tmp, 24, 24 + nl + cl);
    case KeyFullInformation:    /* LastWriteTime TitleIndex ClassOffset ClassLength SubKeys MaxNameLen
                                   MaxClassLen Values MaxValueNameLen MaxValueDataLen Class */
        w[0] = 0; w[1] = cl ? 44 : 0xffffffff; w[2] = cl; w[3] = r->subkeys; w[4] = r->max_subkey_len;
        w[5] = r->max_class_len; w[6] = r->values; w[7] = r->max_value_name_len; w[8] = r->max_value_data_len;
        memcpy(tmp + 8, w, 36);
        memcpy(tmp + 44, class_name, cl);
        return give(info, len, result_len, tmp, 44, 44 + cl);
    case KeyNameInformation:    /* NameLength Name (the full path) */
        memcpy(tmp, &nl, 4);
        memcpy(tmp + 4, name, nl);
        return give(info, len, result_len, tmp, 4, 4 + nl);
    case KeyCachedInformation:  /* LastWriteTime TitleIndex SubKeys MaxNameLen Values MaxValueNameLen
                                   MaxValueDataLen NameLength */
        w[0] = 0; w[1] = r->subkeys; w[2] = r->max_subkey_len; w[3] = r->values;
        w[4] = r->max_value_name_len; w[5] = r->max_value_data_len; w[6] = nl; w[7] = 0;
        memcpy(tmp + 8, w, 32);
        return give(info, len, result_len, tmp, 40, 40);
    }
    free(tmp);
    return STATUS_INVALID_PARAMETER;
}

static NTSTATUS query_key(HANDLE h, uint32_t index, uint32_t cls, void *info, ULONG len, ULONG *result_len)
{
    struct wlx_reg_query_key_request req = { .index = index, .full_name = cls == KeyNameInformation };
    ACCESS_MASK need = index != INDEX_NONE ? KEY_ENUMERATE_SUB_KEYS : cls == KeyNameInformation ? 0 : KEY_QUERY_VALUE;
    NTSTATUS status = key_id_for(h, need, &req.key);
    if (status) return status;
    if (cls > KeyCachedInformation) return STATUS_INVALID_PARAMETER;
    struct key_facts *k = malloc(sizeof(*k));
    if (!k) return STATUS_NO_MEMORY;
    status = call(WLX_REQ_REG_QUERY_KEY, &req, sizeof(req), &k->r, sizeof(k->r), NULL, 0, k->buf, sizeof(k->buf), NULL);
    if (!status) status = key_info(k, cls, info, len, result_len);
    free(k);
    return status;
}

NTSTATUS WINAPI unix_NtQueryKey(HANDLE h, uint32_t cls, void *info, ULONG len, ULONG *result_len)
{
    return query_key(h, INDEX_NONE, cls, info, len, result_len);
}

NTSTATUS WINAPI unix_NtEnumerateKey(HANDLE h, ULONG index, uint32_t cls, void *info, ULONG len, ULONG *result_len)
{
    if (cls == KeyNameInformation || cls == KeyCachedInformation) return STATUS_INVALID_PARAMETER;
    return query_key(h, index == INDEX_NONE ? INDEX_NONE - 1 : index, cls, info, len, result_len);
}

/* ---- notifications ----
 * The server answers reg_notify with an eventfd it writes once, on the
 * first matching change. A synchronous call waits on it here; an
 * asynchronous one leaves a small thread waiting, which then sets the
 * event, fills the I/O status and queues the APC routine, if any. Closing
 * the key ends its pending notifications (STATUS_NOTIFY_CLEANUP, the event
 * set), as on Windows: the key's destroy writes their eventfds itself. */

struct notify_wait {
    int fd;
    HANDLE event;
    IO_STATUS_BLOCK *iosb;
    void *apc, *apc_context;
    uint32_t tid;              /* the caller's thread, for its APC */
    struct key_object *key;    /* whose close ends it; NULL once closed */
    struct notify_wait *next;  /* in the pending list */
};

static pthread_mutex_t notify_lock = PTHREAD_MUTEX_INITIALIZER;
static struct notify_wait *pending;   /* asynchronous waits not yet ended */

static void key_destroy(struct wlx_object *obj)
{
    uint64_t one = 1;
    pthread_mutex_lock(&notify_lock);
    for (struct notify_wait *w = pending; w; w = w->next) {
        if (w->key != (struct key_object *)obj) continue;
        w->key = NULL;
        if (write(w->fd, &one, sizeof(one)) < 0) { /* an eventfd write cannot fail here */ }
    }
    pthread_mutex_unlock(&notify_lock);
}

/* takes w out of the pending list; TRUE when its key was closed */
static int notify_unlink(struct notify_wait *w)
{
    pthread_mutex_lock(&notify_lock);
    struct notify_wait **p = &pending;
    while (*p && *p != w) p = &(*p)->next;
    if (*p) *p = w->next;
    int closed = !w->key;
    pthread_mutex_unlock(&notify_lock);
    return closed;
}

static void wait_fd(int fd)
{
    struct pollfd p = { fd, POLLIN, 0 };
    while (poll(&p, 1, -1) < 0 && errno == EINTR) {}
}

static void notify_done(struct notify_wait *w, NTSTATUS status)
{
    if (w->iosb) { w->iosb->Status = status; w->iosb->Information = 0; }
    if (w->event) unix_NtSetEvent(w->event, NULL);
    if (w->apc) apc_queue_to(w->tid, (uint64_t)(uintptr_t)w->apc, (uint64_t)(uintptr_t)w->apc_context,
                             (uint64_t)(uintptr_t)w->iosb, 0);
}

static void *notify_thread(void *arg)
{
    struct notify_wait *w = arg;
    wait_fd(w->fd);
    NTSTATUS status = notify_unlink(w) ? STATUS_NOTIFY_CLEANUP : STATUS_SUCCESS;
    close(w->fd);
    notify_done(w, status);
    free(w);
    return NULL;
}

static NTSTATUS start_notify_thread(struct notify_wait *w)
{
    pthread_attr_t attr;
    pthread_t thread;
    sigset_t all, old;
    int err;

    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);     /* signals are for Windows threads */
    err = pthread_create(&thread, &attr, notify_thread, w);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    return err ? STATUS_NO_MEMORY : STATUS_SUCCESS;
}

static uint32_t current_tid(void)
{
    uint64_t tid;
    __asm__ ("movq %%gs:0x48, %0" : "=r"(tid));   /* TEB ClientId.UniqueThread */
    return (uint32_t)tid;
}

NTSTATUS WINAPI unix_NtNotifyChangeKey(HANDLE h, HANDLE event, void *apc, void *apc_context,
                                       IO_STATUS_BLOCK *iosb, ULONG filter, uint8_t subtree,
                                       void *buffer, ULONG buffer_size, uint8_t async)
{
    struct wlx_reg_notify_request req = { .filter = filter, .subtree = subtree };
    struct wlx_server_data d = { 0 };
    int fd = -1;
    NTSTATUS status = key_id_for(h, KEY_NOTIFY, &req.key);
    (void)buffer; (void)buffer_size;

    if (status) return status;
    if (!filter || (filter & ~0x1000000fu)) return STATUS_INVALID_PARAMETER;
    status = wlx_server_call_data(WLX_REQ_REG_NOTIFY, &req, sizeof(req), NULL, 0, &d, &fd);
    if (status) return status;
    if (fd < 0) return STATUS_INTERNAL_ERROR;
    struct notify_wait *w = calloc(1, sizeof(*w));
    if (!w) { close(fd); return STATUS_NO_MEMORY; }
    *w = (struct notify_wait){ fd, event, iosb, apc, apc_context, 0 };
    if (apc) w->tid = current_tid();
    if (!async) {
        wait_fd(fd);
        close(fd);
        notify_done(w, STATUS_SUCCESS);
        free(w);
        return STATUS_SUCCESS;
    }
    if (iosb) iosb->Status = STATUS_PENDING;
    struct wlx_object *obj;
    if (!handle_get(h, &key_ops, &obj)) {   /* no reference kept: its destroy ends the wait */
        w->key = (struct key_object *)obj;
        pthread_mutex_lock(&notify_lock);
        w->next = pending;
        pending = w;
        pthread_mutex_unlock(&notify_lock);
        object_release(obj);
    }
    if ((status = start_notify_thread(w))) { notify_unlink(w); close(fd); free(w); return status; }
    return STATUS_PENDING;
}

NTSTATUS WINAPI unix_NtNotifyChangeMultipleKeys(HANDLE h, ULONG count, const OBJECT_ATTRIBUTES *subkeys,
                                                HANDLE event, void *apc, void *apc_context,
                                                IO_STATUS_BLOCK *iosb, ULONG filter, uint8_t subtree,
                                                void *buffer, ULONG buffer_size, uint8_t async)
{
    /* only the master key is watched: subordinate keys (one at most on
       Windows) are not supported yet */
    if (count || subkeys) return STATUS_NOT_IMPLEMENTED;
    return unix_NtNotifyChangeKey(h, event, apc, apc_context, iosb, filter, subtree, buffer, buffer_size, async);
}
