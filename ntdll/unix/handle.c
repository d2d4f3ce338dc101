/*
 * ntdll/unix/handle.c — the process's handle table. Handles are multiples of
 * 4 (index+1)*4; each entry holds a referenced object and the access and
 * attributes it was opened with. Lookups take no lock on the fast path
 * beyond a read of the entry under the table mutex.
 *
 * Handles another process gave us (DuplicateHandle) have values wlxserver
 * chose, from HANDLE_IMPORT_BASE up, in a second table; such a handle is
 * materialized the first time it is used (xhandle.c asks the server what it
 * is). Inherited handles keep the parent's values (handle_alloc_at).
 *
 * Sections: objects · importers · allocation · lookup · attributes · close.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "private.h"
#include "xhandle.h"

struct handle_entry {
    struct wlx_object *obj;
    ACCESS_MASK access;
    unsigned attributes;
};

static pthread_mutex_t handle_lock = PTHREAD_MUTEX_INITIALIZER;
static struct handle_entry *table;
static size_t table_size, table_used, first_free;
static struct handle_entry *imported;        /* from HANDLE_IMPORT_BASE */
static size_t imported_size;

/* --- objects ------------------------------------------------------------- */

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

/* --- importers (private.h, "exporting objects") ---------------------------- */

static object_import_fn importers[EXPORT_KIND_COUNT];

void handle_register_import(enum export_kind kind, object_import_fn fn)
{
    if ((unsigned)kind < EXPORT_KIND_COUNT) importers[kind] = fn;
}

/* rebuilds an object another process exported; takes over fd */
struct wlx_object *handle_import_object(const struct object_export *ex, int fd)
{
    if (ex->kind < EXPORT_KIND_COUNT && importers[ex->kind]) return importers[ex->kind](ex, fd);
    if (fd >= 0) close(fd);
    return NULL;
}

/* --- allocation ------------------------------------------------------------ */

/* makes room for index i in a table; 0 when out of memory */
static int table_reserve(struct handle_entry **t, size_t *size, size_t i)
{
    if (i < *size) return 1;
    size_t n = *size ? *size * 2 : 256;
    while (n <= i) n *= 2;
    struct handle_entry *grown = realloc(*t, n * sizeof(*grown));
    if (!grown) return 0;
    memset(grown + *size, 0, (n - *size) * sizeof(*grown));
    *t = grown;
    *size = n;
    return 1;
}

/* takes over the caller's reference; returns 0 when out of memory */
HANDLE handle_alloc(struct wlx_object *obj, ACCESS_MASK access, unsigned attributes)
{
    size_t i;
    pthread_mutex_lock(&handle_lock);
    for (i = first_free; i < table_used; i++) if (!table[i].obj) break;
    if (i == table_used)
    {
        if (i >= HANDLE_IMPORT_BASE / 4 - 1 || !table_reserve(&table, &table_size, i))
        {
            pthread_mutex_unlock(&handle_lock);
            return 0;
        }
        table_used++;
    }
    table[i] = (struct handle_entry){ obj, access, attributes };
    first_free = i + 1;
    pthread_mutex_unlock(&handle_lock);
    return (HANDLE)((i + 1) * 4);
}

/* puts obj at exactly handle h (inherited and imported handles), taking
   over the reference on success; fails when h is taken or out of range */
NTSTATUS handle_alloc_at(HANDLE h, struct wlx_object *obj, ACCESS_MASK access, unsigned attributes)
{
    uintptr_t v = (uintptr_t)h;
    struct handle_entry **t = &table;
    size_t *size = &table_size, i = v / 4 - 1;
    NTSTATUS status = STATUS_INVALID_HANDLE;
    if (!v || (v & 3) || v >= HANDLE_IMPORT_LIMIT) return status;
    if (v >= HANDLE_IMPORT_BASE) t = &imported, size = &imported_size, i = (v - HANDLE_IMPORT_BASE) / 4;
    pthread_mutex_lock(&handle_lock);
    if (!table_reserve(t, size, i)) status = STATUS_NO_MEMORY;
    else if (!(*t)[i].obj)
    {
        (*t)[i] = (struct handle_entry){ obj, access, attributes };
        if (t == &table && i >= table_used) table_used = i + 1;
        status = STATUS_SUCCESS;
    }
    pthread_mutex_unlock(&handle_lock);
    return status;
}

/* --- lookup ---------------------------------------------------------------- */

/* a handle another process gave us (the rare case: out of line) */
static __attribute__((noinline)) struct handle_entry *imported_entry_of(uintptr_t v)
{
    if (v < HANDLE_IMPORT_BASE || v >= HANDLE_IMPORT_LIMIT || (v & 3)) return NULL;
    if ((v - HANDLE_IMPORT_BASE) / 4 >= imported_size) return NULL;
    struct handle_entry *e = &imported[(v - HANDLE_IMPORT_BASE) / 4];
    return e->obj ? e : NULL;
}

/* the entry of a handle of our own table in one compare (v - 4 wraps for 0) */
static inline struct handle_entry *entry_of(HANDLE h)
{
    uintptr_t v = (uintptr_t)h;
    if (__builtin_expect(v - 4 < (uintptr_t)table_used * 4 && !(v & 3), 1))
    {
        struct handle_entry *e = &table[v / 4 - 1];
        return e->obj ? e : NULL;
    }
    return imported_entry_of(v);
}

/* a handle another process gave us that was never used here yet: fetch it
   (a miss only: the fast paths never get here); 1 when it now exists */
static int fetch_imported(HANDLE h)
{
    uintptr_t v = (uintptr_t)h;
    return v >= HANDLE_IMPORT_BASE && v < HANDLE_IMPORT_LIMIT && !(v & 3) && !xhandle_fetch(h);
}

static NTSTATUS get_locked(HANDLE h, const struct object_ops *ops, struct wlx_object **obj)
{
    struct handle_entry *e = entry_of(h);
    if (!e) return STATUS_INVALID_HANDLE;
    if (ops && e->obj->ops != ops) return STATUS_OBJECT_TYPE_MISMATCH;
    __atomic_add_fetch(&e->obj->refcount, 1, __ATOMIC_RELAXED);
    *obj = e->obj;
    return STATUS_SUCCESS;
}

/* a referenced object of the given type (ops NULL: any type) */
NTSTATUS handle_get(HANDLE h, const struct object_ops *ops, struct wlx_object **obj)
{
    pthread_mutex_lock(&handle_lock);
    NTSTATUS status = get_locked(h, ops, obj);
    pthread_mutex_unlock(&handle_lock);
    if (status == STATUS_INVALID_HANDLE && fetch_imported(h))
    {
        pthread_mutex_lock(&handle_lock);
        status = get_locked(h, ops, obj);
        pthread_mutex_unlock(&handle_lock);
    }
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

/* every inheritable handle, its object referenced (the caller releases
   them and frees *out) */
size_t handle_inheritable(struct handle_snapshot **out)
{
    size_t n = 0;
    struct handle_snapshot *snap;
    pthread_mutex_lock(&handle_lock);
    snap = malloc((table_used + imported_size + 1) * sizeof(*snap));
    for (size_t i = 0; snap && i < table_used + imported_size; i++)
    {
        int imp = i >= table_used;
        struct handle_entry *e = imp ? &imported[i - table_used] : &table[i];
        if (!e->obj || !(e->attributes & OBJ_INHERIT)) continue;
        __atomic_add_fetch(&e->obj->refcount, 1, __ATOMIC_RELAXED);
        uintptr_t v = imp ? HANDLE_IMPORT_BASE + (i - table_used) * 4 : (i + 1) * 4;
        snap[n++] = (struct handle_snapshot){ (HANDLE)v, e->obj, e->access, e->attributes };
    }
    pthread_mutex_unlock(&handle_lock);
    *out = snap;
    return n;
}

/* --- attributes -------------------------------------------------------------- */

/* the object with the access and attributes of its handle */
NTSTATUS handle_get_info(HANDLE h, struct wlx_object **obj, ACCESS_MASK *access, unsigned *attributes)
{
    NTSTATUS status = handle_get(h, NULL, obj);
    if (status) return status;
    pthread_mutex_lock(&handle_lock);
    struct handle_entry *e = entry_of(h);
    *access = e ? e->access : 0;
    *attributes = e ? e->attributes : 0;
    pthread_mutex_unlock(&handle_lock);
    return STATUS_SUCCESS;
}

/* changes the attributes in mask to value (OBJ_INHERIT, OBJ_PROTECT_CLOSE) */
NTSTATUS handle_set_attributes(HANDLE h, unsigned mask, unsigned value)
{
    struct wlx_object *obj;
    NTSTATUS status = handle_get(h, NULL, &obj);
    if (status) return status;
    pthread_mutex_lock(&handle_lock);
    struct handle_entry *e = entry_of(h);
    if (e) e->attributes = (e->attributes & ~mask) | (value & mask);
    else status = STATUS_INVALID_HANDLE;
    pthread_mutex_unlock(&handle_lock);
    object_release(obj);
    return status;
}

/* --- close ---------------------------------------------------------------------- */

/* a protected handle (HANDLE_FLAG_PROTECT_FROM_CLOSE) stays open */
NTSTATUS handle_close(HANDLE h)
{
    struct wlx_object *obj = NULL;
    NTSTATUS status = STATUS_INVALID_HANDLE;
    for (int attempt = 0; attempt < 2; attempt++)
    {
        pthread_mutex_lock(&handle_lock);
        struct handle_entry *e = entry_of(h);
        if (e && (e->attributes & OBJ_PROTECT_CLOSE)) status = STATUS_HANDLE_NOT_CLOSABLE;
        else if (e)
        {
            obj = e->obj;
            e->obj = NULL;
            if (e >= table && e < table + table_used && (size_t)(e - table) < first_free) first_free = e - table;
            status = STATUS_SUCCESS;
        }
        pthread_mutex_unlock(&handle_lock);
        if (status != STATUS_INVALID_HANDLE || attempt || !fetch_imported(h)) break;
    }
    if (obj) object_release(obj);
    return status;
}

NTSTATUS WINAPI unix_NtClose(HANDLE h)
{
    return handle_close(h);
}
