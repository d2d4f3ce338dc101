/*
 * ntdll/unix/handle.c — the process's handle table. Handles are multiples of
 * 4 (index+1)*4; each entry holds a referenced object and the access and
 * attributes it was opened with. Lookups take no lock on the fast path
 * beyond a read of the entry under the table mutex.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "private.h"

struct handle_entry {
    struct wlx_object *obj;
    ACCESS_MASK access;
    unsigned attributes;
};

static pthread_mutex_t handle_lock = PTHREAD_MUTEX_INITIALIZER;
static struct handle_entry *table;
static size_t table_size, table_used, first_free;

void *object_new(const struct object_ops *ops, size_t size)
{
    struct wlx_object *obj = calloc(1, size);
    if (!obj) return NULL;
    obj->ops = ops;
    obj->refcount = 1;
    return obj;
}

void object_release(struct wlx_object *obj)
{
    if (__atomic_sub_fetch(&obj->refcount, 1, __ATOMIC_ACQ_REL) == 0)
    {
        if (obj->ops->destroy) obj->ops->destroy(obj);
        free(obj);
    }
}

/* takes over the caller's reference; returns 0 when out of memory */
HANDLE handle_alloc(struct wlx_object *obj, ACCESS_MASK access, unsigned attributes)
{
    size_t i;
    pthread_mutex_lock(&handle_lock);
    for (i = first_free; i < table_used; i++) if (!table[i].obj) break;
    if (i == table_used)
    {
        if (table_used == table_size)
        {
            size_t n = table_size ? table_size * 2 : 256;
            struct handle_entry *t = realloc(table, n * sizeof(*t));
            if (!t) { pthread_mutex_unlock(&handle_lock); return 0; }
            memset(t + table_size, 0, (n - table_size) * sizeof(*t));
            table = t; table_size = n;
        }
        table_used++;
    }
    table[i] = (struct handle_entry){ obj, access, attributes };
    first_free = i + 1;
    pthread_mutex_unlock(&handle_lock);
    return (HANDLE)((i + 1) * 4);
}

static struct handle_entry *entry_of(HANDLE h)
{
    uintptr_t v = (uintptr_t)h;
    if (!v || (v & 3) || v / 4 > table_used) return NULL;
    struct handle_entry *e = &table[v / 4 - 1];
    return e->obj ? e : NULL;
}

/* a referenced object of the given type (ops NULL: any type) */
NTSTATUS handle_get(HANDLE h, const struct object_ops *ops, struct wlx_object **obj)
{
    NTSTATUS status = STATUS_INVALID_HANDLE;
    pthread_mutex_lock(&handle_lock);
    struct handle_entry *e = entry_of(h);
    if (e)
    {
        if (ops && e->obj->ops != ops) status = STATUS_OBJECT_TYPE_MISMATCH;
        else
        {
            __atomic_add_fetch(&e->obj->refcount, 1, __ATOMIC_RELAXED);
            *obj = e->obj;
            status = STATUS_SUCCESS;
        }
    }
    pthread_mutex_unlock(&handle_lock);
    return status;
}

/* a quick look at an object without taking a reference: fn runs under the
   table lock (so the object cannot go away) and must neither sleep nor
   touch the table; returns fn's result, or -1 for a bad handle */
int handle_peek(HANDLE h, int (*fn)(struct wlx_object *obj))
{
    int ret = -1;
    pthread_mutex_lock(&handle_lock);
    struct handle_entry *e = entry_of(h);
    if (e) ret = fn(e->obj);
    pthread_mutex_unlock(&handle_lock);
    return ret;
}

NTSTATUS handle_close(HANDLE h)
{
    struct wlx_object *obj = NULL;
    pthread_mutex_lock(&handle_lock);
    struct handle_entry *e = entry_of(h);
    if (e)
    {
        obj = e->obj;
        e->obj = NULL;
        size_t i = e - table;
        if (i < first_free) first_free = i;
    }
    pthread_mutex_unlock(&handle_lock);
    if (!obj) return STATUS_INVALID_HANDLE;
    object_release(obj);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI unix_NtClose(HANDLE h)
{
    return handle_close(h);
}
