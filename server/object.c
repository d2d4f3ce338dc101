/*
 * server/object.c — the common object header, its reference counting and
 * default ops, and the client-id table shared by processes and threads.
 */
#include <stdio.h>
#include <stdlib.h>
#include "wlxserver.h"

static struct list all_objects = { &all_objects, &all_objects };

/* ---- objects ---- */

void *alloc_object(const struct object_ops *ops, size_t size)
{
    struct object *obj = calloc(1, size);
    if (!obj) return NULL;
    obj->ops = ops;
    obj->refcount = 1;
    list_add_tail(&all_objects, &obj->all_entry);
    return obj;
}

void *grab_object(void *ptr)
{
    struct object *obj = ptr;
    obj->refcount++;
    return obj;
}

void release_object(void *ptr)
{
    struct object *obj = ptr;
    if (--obj->refcount) return;
    obj->ops->destroy(obj);
    list_remove(&obj->all_entry);
    free(obj);
}

void default_dump(struct object *obj)
{
    fprintf(stderr, "%s %p refs=%u\n", obj->ops->type_name, (void *)obj, obj->refcount);
}

int no_signaled(struct object *obj)
{
    (void)obj;
    return 0;
}

void no_destroy(struct object *obj)
{
    (void)obj;
}

void dump_all_objects(void)
{
    for (struct list *l = all_objects.next; l != &all_objects; l = l->next) {
        struct object *obj = LIST_ENTRY(l, struct object, all_entry);
        obj->ops->dump(obj);
    }
}

/* ---- client ids ----
 * Windows hands out process and thread ids from one table, as multiples of
 * 4; 0 is the idle process and 4 the System process. The server's ids are
 * multiples of 8 from 0x40: ids ending in 4 (8n+4) are left to clients,
 * which name their own non-main threads (Linux tid*8+4, unique system-wide)
 * without a round trip here — thread creation stays off the server.
 * Freed ids are reused oldest-first so a stale id rarely names a new object
 * right away. */

#define ID_FIRST_INDEX 8
#define ID_MAX_ENTRIES (1u << 20)

static struct object **id_entries;
static uint32_t *id_next_free;   /* FIFO of free indices, linked through this array */
static uint32_t id_used, id_alloced, free_head = UINT32_MAX, free_tail = UINT32_MAX;

static int id_grow(void)
{
    uint32_t n = id_alloced ? id_alloced * 2 : 256;
    struct object **e;
    uint32_t *f;
    if (n > ID_MAX_ENTRIES) return -1;
    if (!(e = realloc(id_entries, n * sizeof(*e)))) return -1;
    id_entries = e;
    if (!(f = realloc(id_next_free, n * sizeof(*f)))) return -1;
    id_next_free = f;
    id_alloced = n;
    return 0;
}

static uint32_t take_index(void)
{
    uint32_t index;
    if (free_head != UINT32_MAX) {
        index = free_head;
        free_head = id_next_free[index];
        if (free_head == UINT32_MAX) free_tail = UINT32_MAX;
        return index;
    }
    if (id_used == id_alloced && id_grow() < 0) return UINT32_MAX;
    return id_used++;
}

uint32_t id_alloc(struct object *obj)
{
    uint32_t index = take_index();
    if (index == UINT32_MAX) return 0;
    id_entries[index] = obj;
    return (index + ID_FIRST_INDEX) * 8;
}

static uint32_t id_index(uint32_t id)
{
    if (id % 8 || id / 8 < ID_FIRST_INDEX) return UINT32_MAX;
    if (id / 8 - ID_FIRST_INDEX >= id_used) return UINT32_MAX;
    return id / 8 - ID_FIRST_INDEX;
}

void id_free(uint32_t id)
{
    uint32_t index = id_index(id);
    if (index == UINT32_MAX || !id_entries[index]) return;
    id_entries[index] = NULL;
    id_next_free[index] = UINT32_MAX;
    if (free_tail != UINT32_MAX) id_next_free[free_tail] = index;
    else free_head = index;
    free_tail = index;
}

struct object *id_lookup(uint32_t id)
{
    uint32_t index = id_index(id);
    return index == UINT32_MAX ? NULL : id_entries[index];
}
