/*
 * ntdll/unix/handle.c — the process's handle table. Handles are multiples of
 * 4 (index+1)*4; each entry holds a referenced object and the access and
 * attributes it was opened with. Lookups read the entry under the table
 * mutex; one question takes no lock at all: "is this a signaled manual-reset
 * event?" (handle_fast_set, the wait fast path). For it:
 * - the table never moves: its room for 2^24 handles (Windows' own limit)
 *   is reserved once and committed as it grows;
 * - each entry has a generation, odd while the entry changes, so a reader
 *   who sees the same even generation before and after knows the handle held
 *   the same object, alive, all along (a sequence lock per entry);
 * - objects that can be waited on come from pools never given back to the
 *   system, so even a reader who loses that race reads mapped memory.
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
#include <sys/mman.h>
#include <unistd.h>
#include "private.h"
#include "xhandle.h"

struct handle_entry {
    struct wlx_object *obj;
    ACCESS_MASK access;
    unsigned attributes;
    const struct sync_state *fast;   /* obj's state, for handle_fast_set; or NULL */
    uint32_t gen;                    /* odd while the entry changes */
    uint32_t unused;
};

#define TABLE_MAX (1u << 24)         /* handles of our own table */
static pthread_mutex_t handle_lock = PTHREAD_MUTEX_INITIALIZER;
static struct handle_entry *table;   /* TABLE_MAX entries reserved, table_size committed */
static size_t table_size, table_used, first_free;
static struct handle_entry *imported;        /* from HANDLE_IMPORT_BASE */
static size_t imported_size;

/* --- objects ------------------------------------------------------------- */

/* Waitable objects (ops->sync) come from size classes of 64 << c bytes,
   carved from 64 KiB chunks that are never unmapped; a freed block waits in
   its class's free list for the next object of that size. */
#define POOL_CLASSES 7               /* 64 .. 4096 bytes */
#define POOL_CHUNK   (64 * 1024)
struct pool_block { struct pool_block *next; };
static struct pool_block *pool_free[POOL_CLASSES];
static char *pool_chunk;
static size_t pool_left;
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;

static void *pool_get(unsigned c)
{
    size_t size = (size_t)64 << c;
    void *p;
    pthread_mutex_lock(&pool_lock);
    if ((p = pool_free[c])) pool_free[c] = pool_free[c]->next;
    else
    {
        if (pool_left < size)
        {
            void *chunk = mmap(NULL, POOL_CHUNK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (chunk != MAP_FAILED) pool_chunk = chunk, pool_left = POOL_CHUNK;
        }
        if (pool_left >= size) p = pool_chunk, pool_chunk += size, pool_left -= size;
    }
    pthread_mutex_unlock(&pool_lock);
    if (p) memset(p, 0, size);
    return p;
}

static void pool_put(void *p, unsigned c)
{
    struct pool_block *b = p;
    pthread_mutex_lock(&pool_lock);
    b->next = pool_free[c];
    pool_free[c] = b;
    pthread_mutex_unlock(&pool_lock);
}

void *object_new(const struct object_ops *ops, size_t size)
{
    struct wlx_object *obj;
    unsigned c = 0;
    while (c < POOL_CLASSES && ((size_t)64 << c) < size) c++;
    if (ops->sync && c < POOL_CLASSES)
    {
        if (!(obj = pool_get(c))) return NULL;
        obj->pool = c + 1;
    }
    else if (!(obj = calloc(1, size))) return NULL;
    obj->ops = ops;
    obj->refcount = 1;
    return obj;
}

void object_release(struct wlx_object *obj)
{
    if (__atomic_sub_fetch(&obj->refcount, 1, __ATOMIC_ACQ_REL) == 0)
    {
        unsigned pool = obj->pool;
        if (obj->ops->destroy) obj->ops->destroy(obj);
        if (pool) pool_put(obj, pool - 1);
        else free(obj);
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

/* makes room for index i in a table; 0 when out of memory. Our own table
   is reserved whole the first time and never moves (handle_fast_set reads
   it without the lock); the table of imported handles is reallocated. */
static int table_reserve(struct handle_entry **t, size_t *size, size_t i)
{
    if (i < *size) return 1;
    size_t n = *size ? *size * 2 : 256;
    while (n <= i) n *= 2;
    if (t == &table)
    {
        if (i >= TABLE_MAX) return 0;
        if (n > TABLE_MAX) n = TABLE_MAX;
        if (!table)
        {
            void *p = mmap(NULL, TABLE_MAX * sizeof(*table), PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
            if (p == MAP_FAILED) return 0;
            table = p;
        }
        if (mprotect(table, n * sizeof(*table), PROT_READ | PROT_WRITE)) return 0;
        *size = n;
        return 1;
    }
    struct handle_entry *grown = realloc(*t, n * sizeof(*grown));
    if (!grown) return 0;
    memset(grown + *size, 0, (n - *size) * sizeof(*grown));
    *t = grown;
    *size = n;
    return 1;
}

/* GENERIC_* and MAXIMUM_ALLOWED as the object's type maps them */
static ACCESS_MASK map_access(const struct wlx_object *obj, ACCESS_MASK access)
{
    const ACCESS_MASK *g = obj ? obj->ops->generic : NULL;
    if (!g) return access;
    if (access & 0x02000000) access |= g[3];                 /* MAXIMUM_ALLOWED: all there is */
    if (access & 0x80000000) access |= g[0];
    if (access & 0x40000000) access |= g[1];
    if (access & 0x20000000) access |= g[2];
    if (access & 0x10000000) access |= g[3];
    return access & ~0xf2000000u;   /* the generic bits are mapped, not granted */
}

/* a waitable handle the lock-free look may answer for: pooled, and allowed to wait */
static const struct sync_state *fast_state(struct wlx_object *obj, ACCESS_MASK access)
{
    if (!obj || !obj->pool) return NULL;
    if (obj->ops->generic && !(access & ACCESS_SYNCHRONIZE)) return NULL;
    return obj->ops->sync(obj);
}

/* writes an entry under the table lock: the generation is odd meanwhile,
   and the state a lock-free look may read is noted (pooled objects only) */
static void entry_set(struct handle_entry *e, struct wlx_object *obj, ACCESS_MASK access, unsigned attributes)
{
    uint32_t gen = e->gen;
    access = map_access(obj, access);
    __atomic_store_n(&e->gen, gen | 1, __ATOMIC_RELAXED);
    __atomic_thread_fence(__ATOMIC_RELEASE);
    __atomic_store_n(&e->obj, obj, __ATOMIC_RELAXED);
    __atomic_store_n(&e->fast, fast_state(obj, access), __ATOMIC_RELAXED);
    e->access = access;
    e->attributes = attributes;
    __atomic_store_n(&e->gen, (gen | 1) + 1, __ATOMIC_RELEASE);
}

/* takes over the caller's reference; returns 0 when out of memory */
HANDLE handle_alloc(struct wlx_object *obj, ACCESS_MASK access, unsigned attributes)
{
    size_t i;
    pthread_mutex_lock(&handle_lock);
    for (i = first_free; i < table_used; i++) if (!table[i].obj) break;
    if (i == table_used)
    {
        if (!table_reserve(&table, &table_size, i))
        {
            pthread_mutex_unlock(&handle_lock);
            return 0;
        }
        __atomic_store_n(&table_used, table_used + 1, __ATOMIC_RELEASE);
    }
    entry_set(&table[i], obj, access, attributes);
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
        entry_set(&(*t)[i], obj, access, attributes);
        if (t == &table && i >= table_used) __atomic_store_n(&table_used, i + 1, __ATOMIC_RELEASE);
        status = STATUS_SUCCESS;
    }
    pthread_mutex_unlock(&handle_lock);
    return status;
}

/* the handles open now (ProcessHandleCount) */
size_t handle_count(void)
{
    size_t n = 0, i;
    pthread_mutex_lock(&handle_lock);
    for (i = 0; i < table_used; i++) n += table[i].obj != NULL;
    for (i = 0; i < imported_size; i++) n += imported[i].obj != NULL;
    pthread_mutex_unlock(&handle_lock);
    return n;
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

static NTSTATUS get_locked(HANDLE h, const struct object_ops *ops, ACCESS_MASK need, struct wlx_object **obj)
{
    struct handle_entry *e = entry_of(h);
    if (!e) return STATUS_INVALID_HANDLE;
    if (ops && e->obj->ops != ops) return STATUS_OBJECT_TYPE_MISMATCH;
    if (need && e->obj->ops->generic && (e->access & need) != need) return STATUS_ACCESS_DENIED;
    __atomic_add_fetch(&e->obj->refcount, 1, __ATOMIC_RELAXED);
    *obj = e->obj;
    return STATUS_SUCCESS;
}

/* a referenced object of the given type (ops NULL: any type) whose handle
   has the rights in need (types with a generic mapping only: the others
   are not checked yet) */
NTSTATUS handle_get_access(HANDLE h, const struct object_ops *ops, ACCESS_MASK need, struct wlx_object **obj)
{
    pthread_mutex_lock(&handle_lock);
    NTSTATUS status = get_locked(h, ops, need, obj);
    pthread_mutex_unlock(&handle_lock);
    if (status == STATUS_INVALID_HANDLE && fetch_imported(h))
    {
        pthread_mutex_lock(&handle_lock);
        status = get_locked(h, ops, need, obj);
        pthread_mutex_unlock(&handle_lock);
    }
    return status;
}

NTSTATUS handle_get(HANDLE h, const struct object_ops *ops, struct wlx_object **obj)
{
    return handle_get_access(h, ops, 0, obj);
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

/* 1 when h is a handle of our table to a signaled manual-reset event (or a
   thread that ended), looked at without any lock; 0 when it is not or the
   look cannot tell (ask again the slow way). The entry's generation, even
   and the same before and after, proves the object was alive throughout. A
   state that moved to a shared slot reads as unsignaled (SYNC_MOVED with
   count 0, syncshare.c). */
int handle_fast_set(HANDLE h)
{
    uintptr_t v = (uintptr_t)h;
    if (v - 4 >= (uintptr_t)__atomic_load_n(&table_used, __ATOMIC_ACQUIRE) * 4 || (v & 3)) return 0;
    const struct handle_entry *e = &table[v / 4 - 1];
    uint32_t gen = __atomic_load_n(&e->gen, __ATOMIC_ACQUIRE);
    const struct sync_state *s = __atomic_load_n(&e->fast, __ATOMIC_RELAXED);
    if ((gen & 1) || !s) return 0;
    int set = __atomic_load_n(&s->count, __ATOMIC_RELAXED) && !(__atomic_load_n(&s->flags, __ATOMIC_RELAXED) & SYNC_MOVED)
              && __atomic_load_n(&s->type, __ATOMIC_RELAXED) == SYNC_MANUAL_EVENT;
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    return set && __atomic_load_n(&e->gen, __ATOMIC_RELAXED) == gen;
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
            entry_set(e, NULL, 0, 0);
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
