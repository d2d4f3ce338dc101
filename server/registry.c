/*
 * server/registry.c — the registry tree: keys and values, key ids, change
 * notifications, and the reg_* requests.
 *
 * Sections: names · key ids · keys · values · notifications · requests.
 *
 * One tree rooted at \REGISTRY with MACHINE and USER below it; regfile.c
 * saves each of those two to its own file. Names compare case-insensitively
 * (simple upper-case mapping of the host's C.UTF-8 locale) and keep the case
 * they were created with. Subkeys stay sorted by upper-cased name (Windows
 * enumerates them in that order); values keep their creation order.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wctype.h>
#include <sys/eventfd.h>
#include "wlxserver.h"
#include "registry.h"

#define STATUS_OBJECT_NAME_NOT_FOUND  ((NTSTATUS)0xC0000034)
#define STATUS_OBJECT_PATH_SYNTAX_BAD ((NTSTATUS)0xC000003B)
#define STATUS_CANNOT_DELETE          ((NTSTATUS)0xC0000121)
#define STATUS_KEY_DELETED            ((NTSTATUS)0xC000017C)
#define STATUS_CHILD_MUST_BE_VOLATILE ((NTSTATUS)0xC0000181)
#define STATUS_NO_MORE_ENTRIES        ((NTSTATUS)0x8000001A)
#define STATUS_OBJECT_NAME_COLLISION  ((NTSTATUS)0xC0000035)
#define STATUS_INVALID_HANDLE         ((NTSTATUS)0xC0000008)
#define STATUS_INSUFFICIENT_RESOURCES ((NTSTATUS)0xC000009A)

#define REG_INDEX_NONE 0xffffffffu

static struct reg_key *root;

/* ---- names ---- */

static uint16_t fold(uint16_t c)
{
    static locale_t utf8;
    if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 32 : c;
    if (!utf8) utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (!utf8 || (c >= 0xd800 && c < 0xe000)) return c;
    wint_t u = towupper_l(c, utf8);
    return u < 0x10000 ? (uint16_t)u : c;
}

static int name_cmp(const uint16_t *a, size_t alen, const uint16_t *b, size_t blen)
{
    for (size_t i = 0; i < alen && i < blen; i++) {
        uint16_t ca = fold(a[i]), cb = fold(b[i]);
        if (ca != cb) return ca < cb ? -1 : 1;
    }
    return alen < blen ? -1 : alen > blen;
}

static uint16_t *dup16(const uint16_t *s, size_t len)
{
    uint16_t *d = malloc(len * 2 + 2);
    if (d) { memcpy(d, s, len * 2); d[len] = 0; }
    return d;
}

/* ASCII-and-Latin-1-safe UTF-8 to UTF-16 for the built-in names and
 * defaults (BMP only); returns the characters written */
size_t reg_utf8_to_utf16(const char *s, uint16_t *out, size_t max)
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && n < max) {
        uint32_t c = *p++;
        if (c >= 0xe0 && p[0] && p[1]) { c = ((c & 15) << 12) | ((p[0] & 63) << 6) | (p[1] & 63); p += 2; }
        else if (c >= 0xc0 && p[0]) { c = ((c & 31) << 6) | (p[0] & 63); p++; }
        out[n++] = c;
    }
    return n;
}

uint64_t reg_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 10000000 + ts.tv_nsec / 100 + 116444736000000000ULL;
}

/* ---- key ids: slot + generation, so that an id is never reused ---- */

struct id_slot { struct reg_key *key; uint32_t gen; uint32_t next_free; };
static struct id_slot *slots;
static uint32_t slots_used, slots_cap, free_slot = REG_INDEX_NONE;

static int id_assign(struct reg_key *key)
{
    uint32_t i = free_slot;
    if (i != REG_INDEX_NONE) free_slot = slots[i].next_free;
    else {
        if (slots_used == slots_cap) {
            uint32_t n = slots_cap ? slots_cap * 2 : 1024;
            struct id_slot *s = realloc(slots, n * sizeof(*s));
            if (!s) return -1;
            slots = s;
            slots_cap = n;
        }
        i = slots_used++;
        slots[i].gen = 1;
    }
    slots[i].key = key;
    key->id = ((uint64_t)slots[i].gen << 32) | (i + 1);
    return 0;
}

static void id_release(struct reg_key *key)
{
    uint32_t i = (uint32_t)key->id - 1;
    slots[i].key = NULL;
    slots[i].gen++;
    slots[i].next_free = free_slot;
    free_slot = i;
}

/* STATUS_KEY_DELETED for an id that named a key now gone */
static NTSTATUS key_from_id(uint64_t id, struct reg_key **key)
{
    uint32_t i = (uint32_t)id - 1;
    if (!id) { *key = root; return STATUS_SUCCESS; }
    if (i >= slots_used || slots[i].gen < (uint32_t)(id >> 32)) return STATUS_INVALID_HANDLE;
    if (slots[i].gen != (uint32_t)(id >> 32) || !slots[i].key) return STATUS_KEY_DELETED;
    *key = slots[i].key;
    return STATUS_SUCCESS;
}

/* ---- keys ---- */

/* index of name among key's subkeys, or -(insert position)-1 */
static long find_subkey(const struct reg_key *key, const uint16_t *name, size_t len)
{
    long lo = 0, hi = (long)key->nsubkeys - 1;
    while (lo <= hi) {
        long mid = (lo + hi) / 2;
        const struct reg_key *k = key->subkeys[mid];
        int c = name_cmp(name, len, k->name, k->name_len);
        if (!c) return mid;
        if (c < 0) hi = mid - 1; else lo = mid + 1;
    }
    return -lo - 1;
}

/* key goes in its sorted place among parent's subkeys (room is there) */
static void insert_subkey(struct reg_key *parent, struct reg_key *key)
{
    long pos = -find_subkey(parent, key->name, key->name_len) - 1;
    memmove(parent->subkeys + pos + 1, parent->subkeys + pos, (parent->nsubkeys - pos) * sizeof(key));
    parent->subkeys[pos] = key;
    parent->nsubkeys++;
}

static void remove_subkey(struct reg_key *parent, struct reg_key *key)
{
    long pos = find_subkey(parent, key->name, key->name_len);
    memmove(parent->subkeys + pos, parent->subkeys + pos + 1, (parent->nsubkeys - pos - 1) * sizeof(key));
    parent->nsubkeys--;
}

static struct reg_key *new_key(struct reg_key *parent, const uint16_t *name, size_t len)
{
    struct reg_key *k = calloc(1, sizeof(*k));
    if (!k || !(k->name = dup16(name, len)) || id_assign(k) < 0) goto fail;
    if (parent->nsubkeys == parent->subkeys_cap) {
        uint32_t n = parent->subkeys_cap ? parent->subkeys_cap * 2 : 4;
        struct reg_key **s = realloc(parent->subkeys, n * sizeof(*s));
        if (!s) { id_release(k); goto fail; }
        parent->subkeys = s;
        parent->subkeys_cap = n;
    }
    k->name_len = len;
    k->parent = parent;
    insert_subkey(parent, k);
    k->last_write = reg_now();
    return k;
fail:
    if (k) free(k->name);
    free(k);
    return NULL;
}

static void free_key(struct reg_key *k)
{
    for (uint32_t i = 0; i < k->nvalues; i++) { free(k->values[i].name); free(k->values[i].data); }
    free(k->values);
    free(k->subkeys);
    free(k->name);
    free(k->class_name);
    id_release(k);
    free(k);
}

static enum reg_hive hive_of(const struct reg_key *key)
{
    if (!key->parent) return HIVE_NONE;
    while (key->parent->parent) key = key->parent;
    return name_cmp(key->name, key->name_len, (const uint16_t *)u"MACHINE", 7) ? HIVE_USER : HIVE_MACHINE;
}

struct reg_key *reg_hive_root(enum reg_hive hive)
{
    long i = find_subkey(root, hive == HIVE_MACHINE ? (const uint16_t *)u"MACHINE" : (const uint16_t *)u"USER",
                         hive == HIVE_MACHINE ? 7 : 4);
    return root->subkeys[i];
}

/* Walks base\path, creating what is missing when create is set (NULL with
 * *status set when it cannot). Empty components are skipped. */
static unsigned int depth_of(const struct reg_key *key)
{
    unsigned int depth = 0;
    for (; key->parent; key = key->parent) depth++;
    return depth;
}

static struct reg_key *walk(struct reg_key *key, const uint16_t *path, size_t len, int create,
                            int is_volatile, int *created, NTSTATUS *status)
{
    size_t i = 0;
    unsigned int depth = depth_of(key);
    if (created) *created = 0;
    while (i < len) {
        size_t start = i;
        while (i < len && path[i] != '\\') i++;
        size_t n = i - start;
        i++;
        if (!n) continue;
        if (n > REG_MAX_NAME_CHARS || ++depth > REG_MAX_DEPTH) { *status = STATUS_INVALID_PARAMETER; return NULL; }
        long pos = find_subkey(key, path + start, n);
        if (pos >= 0) { key = key->subkeys[pos]; continue; }
        if (!create) { *status = STATUS_OBJECT_NAME_NOT_FOUND; return NULL; }
        if (key->is_volatile && !is_volatile) { *status = STATUS_CHILD_MUST_BE_VOLATILE; return NULL; }
        struct reg_key *parent = key;
        if (!(key = new_key(parent, path + start, n))) { *status = STATUS_NO_MEMORY; return NULL; }
        key->is_volatile = is_volatile;
        reg_changed(parent, REG_NOTIFY_NAME);
        if (created) *created = 1;
    }
    return key;
}

struct reg_key *reg_create_path(struct reg_key *base, const uint16_t *path, size_t len,
                                int is_volatile, int *created)
{
    NTSTATUS status;
    return walk(base, path, len, 1, is_volatile, created, &status);
}

/* ---- values ---- */

static long find_value(const struct reg_key *key, const uint16_t *name, size_t len)
{
    for (uint32_t i = 0; i < key->nvalues; i++)
        if (!name_cmp(name, len, key->values[i].name, key->values[i].name_len)) return i;
    return -1;
}

int reg_set_value(struct reg_key *key, const uint16_t *name, size_t name_len,
                  uint32_t type, const void *data, size_t size)
{
    uint8_t *copy = malloc(size ? size : 1);
    if (!copy) return -ENOMEM;
    memcpy(copy, data, size);
    long i = find_value(key, name, name_len);
    if (i < 0) {
        uint16_t *n = dup16(name, name_len);
        if (!n) { free(copy); return -ENOMEM; }
        if (key->nvalues == key->values_cap) {
            uint32_t cap = key->values_cap ? key->values_cap * 2 : 4;
            struct reg_value *v = realloc(key->values, cap * sizeof(*v));
            if (!v) { free(copy); free(n); return -ENOMEM; }
            key->values = v;
            key->values_cap = cap;
        }
        i = key->nvalues++;
        key->values[i] = (struct reg_value){ .name = n, .name_len = name_len };
    }
    free(key->values[i].data);
    key->values[i].data = copy;
    key->values[i].size = size;
    key->values[i].type = type;
    reg_changed(key, REG_NOTIFY_LAST_SET);
    return 0;
}

/* ---- notifications ---- */

struct reg_watch {
    struct list entry;
    struct reg_key *key;
    uint32_t filter;
    int subtree;
    int fd;                    /* the server's end of the eventfd */
};

static struct list watches = { &watches, &watches };
static unsigned int watch_count;
#define MAX_WATCHES 4096       /* a client that never sees a change must not grow this forever */

static void watch_fire(struct reg_watch *w)
{
    uint64_t one = 1;
    if (write(w->fd, &one, sizeof(one)) < 0) { /* the client went: nothing to tell */ }
    close(w->fd);
    list_remove(&w->entry);
    watch_count--;
    free(w);
}

static int is_under(const struct reg_key *key, const struct reg_key *top)
{
    for (; key; key = key->parent) if (key == top) return 1;
    return 0;
}

static void notify(struct reg_key *key, uint32_t what)
{
    struct list *l, *next;
    for (l = watches.next; l != &watches; l = next) {
        struct reg_watch *w = LIST_ENTRY(l, struct reg_watch, entry);
        next = l->next;
        if (!(w->filter & what)) continue;
        if (w->key == key || (w->subtree && is_under(key, w->key))) watch_fire(w);
    }
}

/* the key is going away: every watch on it ends, as on Windows */
static void notify_deleted(struct reg_key *key)
{
    struct list *l, *next;
    for (l = watches.next; l != &watches; l = next) {
        struct reg_watch *w = LIST_ENTRY(l, struct reg_watch, entry);
        next = l->next;
        if (w->key == key) watch_fire(w);
    }
}

void reg_changed(struct reg_key *key, uint32_t what)
{
    key->last_write = reg_now();
    notify(key, what);
    if (!key->is_volatile && hive_of(key) != HIVE_NONE) registry_mark_dirty(hive_of(key));
}

/* ---- requests ---- */

static void init_root(void)
{
    if (root) return;
    root = calloc(1, sizeof(*root));
    if (!root || !(root->name = dup16((const uint16_t *)u"REGISTRY", 8))) {
        fprintf(stderr, "wlxserver: out of memory\n");
        exit(1);
    }
    root->name_len = 8;
    root->last_write = reg_now();
    reg_create_path(root, (const uint16_t *)u"MACHINE", 7, 0, NULL);
    reg_create_path(root, (const uint16_t *)u"USER", 4, 0, NULL);
}

void registry_init(const char *prefix)
{
    init_root();
    registry_load(prefix);
}

/* An absolute name must start with \Registry; what follows is relative. */
static NTSTATUS split_absolute(const uint16_t **name, size_t *len)
{
    static const uint16_t prefix[] = u"\\REGISTRY";
    if (*len < 9 || name_cmp(*name, 9, prefix, 9) || (*len > 9 && (*name)[9] != '\\'))
        return STATUS_OBJECT_PATH_SYNTAX_BAD;
    *name += 9;
    *len -= 9;
    return STATUS_SUCCESS;
}

WLX_HANDLER(reg_open_key)
{
    struct reg_key *key;
    const uint16_t *name = ctx->data;
    size_t len = ctx->data_size / 2;
    NTSTATUS status;

    if (req->class_len > ctx->data_size || (req->class_len & 1)) return STATUS_INVALID_PARAMETER;
    if ((status = key_from_id(req->parent, &key))) return status;
    name += req->class_len / 2;
    len -= req->class_len / 2;
    if (!req->parent && (status = split_absolute(&name, &len))) return status;
    if (req->parent && len && name[0] == '\\') return STATUS_OBJECT_PATH_SYNTAX_BAD;
    int created = 0;
    struct reg_key *k = walk(key, name, len, req->create, req->options & 1, &created, &status);
    if (!k) return status;
    if (created && req->class_len && !k->class_name) {
        k->class_name = dup16(ctx->data, req->class_len / 2);
        if (k->class_name) k->class_len = req->class_len / 2;
    }
    reply->key = k->id;
    reply->created = created;
    return STATUS_SUCCESS;
}

/* the root and the hive roots cannot go */
static NTSTATUS modifiable_key(uint64_t id, struct reg_key **key)
{
    NTSTATUS status = key_from_id(id, key);
    if (status) return status;
    return !(*key)->parent || !(*key)->parent->parent ? STATUS_ACCESS_DENIED : STATUS_SUCCESS;
}

WLX_HANDLER(reg_delete_key)
{
    struct reg_key *key;
    NTSTATUS status = modifiable_key(req->key, &key);
    (void)ctx; (void)reply;
    if (status) return status;
    if (key->nsubkeys) return STATUS_CANNOT_DELETE;
    struct reg_key *parent = key->parent;
    remove_subkey(parent, key);
    notify_deleted(key);
    free_key(key);
    reg_changed(parent, REG_NOTIFY_NAME);
    return STATUS_SUCCESS;
}

WLX_HANDLER(reg_rename_key)
{
    struct reg_key *key;
    const uint16_t *name = ctx->data;
    size_t len = ctx->data_size / 2;
    NTSTATUS status = modifiable_key(req->key, &key);
    (void)reply;
    if (status) return status;
    if (!len || len > REG_MAX_NAME_CHARS) return STATUS_INVALID_PARAMETER;
    for (size_t i = 0; i < len; i++) if (name[i] == '\\') return STATUS_INVALID_PARAMETER;
    struct reg_key *parent = key->parent;
    if (find_subkey(parent, name, len) >= 0) return STATUS_OBJECT_NAME_COLLISION;
    uint16_t *copy = dup16(name, len);
    if (!copy) return STATUS_NO_MEMORY;
    remove_subkey(parent, key);
    free(key->name);
    key->name = copy;
    key->name_len = len;
    insert_subkey(parent, key);
    reg_changed(parent, REG_NOTIFY_NAME);
    return STATUS_SUCCESS;
}

WLX_HANDLER(reg_set_value)
{
    struct reg_key *key;
    NTSTATUS status = key_from_id(req->key, &key);
    (void)reply;
    if (status) return status;
    if (!key->parent) return STATUS_ACCESS_DENIED;
    if (req->name_len > ctx->data_size || (req->name_len & 1) || req->name_len / 2 > REG_MAX_VALUE_NAME)
        return STATUS_INVALID_PARAMETER;
    const uint8_t *data = ctx->data;
    if (reg_set_value(key, ctx->data, req->name_len / 2, req->type, data + req->name_len,
                      ctx->data_size - req->name_len) < 0)
        return STATUS_NO_MEMORY;
    return STATUS_SUCCESS;
}

WLX_HANDLER(reg_get_value)
{
    struct reg_key *key;
    NTSTATUS status = key_from_id(req->key, &key);
    long i;
    if (status) return status;
    if (req->index != REG_INDEX_NONE) {
        if (req->index >= key->nvalues) return STATUS_NO_MORE_ENTRIES;
        i = req->index;
    } else if ((i = find_value(key, ctx->data, ctx->data_size / 2)) < 0)
        return STATUS_OBJECT_NAME_NOT_FOUND;
    const struct reg_value *v = &key->values[i];
    reply->type = v->type;
    reply->name_len = v->name_len * 2;
    reply->data_len = v->size;
    if (reply->name_len + (uint64_t)v->size > ctx->reply_data_max) return STATUS_INSUFFICIENT_RESOURCES;
    memcpy(ctx->reply_data, v->name, reply->name_len);
    memcpy((uint8_t *)ctx->reply_data + reply->name_len, v->data, v->size);
    ctx->reply_data_size = reply->name_len + v->size;
    return STATUS_SUCCESS;
}

WLX_HANDLER(reg_delete_value)
{
    struct reg_key *key;
    NTSTATUS status = key_from_id(req->key, &key);
    (void)reply;
    if (status) return status;
    long i = find_value(key, ctx->data, ctx->data_size / 2);
    if (i < 0) return STATUS_OBJECT_NAME_NOT_FOUND;
    free(key->values[i].name);
    free(key->values[i].data);
    memmove(key->values + i, key->values + i + 1, (key->nvalues - i - 1) * sizeof(*key->values));
    key->nvalues--;
    reg_changed(key, REG_NOTIFY_LAST_SET);
    return STATUS_SUCCESS;
}

/* \REGISTRY\...\name into out (room: max bytes); returns the bytes needed */
static size_t full_name(const struct reg_key *key, uint8_t *out, size_t max)
{
    size_t need = key->parent ? full_name(key->parent, out, max) : 0;
    if (need + 2 + key->name_len * 2 <= max) {
        out[need] = '\\';
        out[need + 1] = 0;
        memcpy(out + need + 2, key->name, key->name_len * 2);
    }
    return need + 2 + key->name_len * 2;
}

static void key_facts(const struct reg_key *key, struct wlx_reg_query_key_reply *reply)
{
    reply->last_write = key->last_write;
    reply->subkeys = key->nsubkeys;
    reply->values = key->nvalues;
    for (uint32_t i = 0; i < key->nsubkeys; i++) {
        const struct reg_key *k = key->subkeys[i];
        if (k->name_len * 2 > reply->max_subkey_len) reply->max_subkey_len = k->name_len * 2;
        if (k->class_len * 2 > reply->max_class_len) reply->max_class_len = k->class_len * 2;
    }
    for (uint32_t i = 0; i < key->nvalues; i++) {
        const struct reg_value *v = &key->values[i];
        if (v->name_len * 2 > reply->max_value_name_len) reply->max_value_name_len = v->name_len * 2;
        if (v->size > reply->max_value_data_len) reply->max_value_data_len = v->size;
    }
}

WLX_HANDLER(reg_query_key)
{
    struct reg_key *key;
    NTSTATUS status = key_from_id(req->key, &key);
    if (status) return status;
    if (req->index != REG_INDEX_NONE) {
        if (req->index >= key->nsubkeys) return STATUS_NO_MORE_ENTRIES;
        key = key->subkeys[req->index];
    }
    key_facts(key, reply);
    uint8_t *out = ctx->reply_data;
    size_t name_len = key->name_len * 2;
    if (req->full_name) name_len = full_name(key, out, ctx->reply_data_max);
    else if (name_len <= ctx->reply_data_max) memcpy(out, key->name, name_len);
    if (name_len + key->class_len * 2 > ctx->reply_data_max) return STATUS_INSUFFICIENT_RESOURCES;
    memcpy(out + name_len, key->class_name, key->class_len * 2);
    reply->name_len = name_len;
    reply->class_len = key->class_len * 2;
    ctx->reply_data_size = name_len + reply->class_len;
    return STATUS_SUCCESS;
}

WLX_HANDLER(reg_set_key_time)
{
    struct reg_key *key;
    NTSTATUS status = key_from_id(req->key, &key);
    (void)ctx; (void)reply;
    if (status) return status;
    key->last_write = req->last_write;
    if (!key->is_volatile && hive_of(key) != HIVE_NONE) registry_mark_dirty(hive_of(key));
    return STATUS_SUCCESS;
}

WLX_HANDLER(reg_flush)
{
    struct reg_key *key;
    NTSTATUS status = key_from_id(req->key, &key);
    (void)ctx; (void)reply;
    if (status) return status;
    registry_save_all();
    return STATUS_SUCCESS;
}

WLX_HANDLER(reg_notify)
{
    struct reg_key *key;
    NTSTATUS status = key_from_id(req->key, &key);
    (void)reply;
    if (status) return status;
    if (watch_count >= MAX_WATCHES)   /* the oldest one gives way (it gets a spurious wake) */
        watch_fire(LIST_ENTRY(watches.next, struct reg_watch, entry));
    struct reg_watch *w = calloc(1, sizeof(*w));
    if (!w) return STATUS_NO_MEMORY;
    if ((w->fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) < 0 || (ctx->reply_fd = dup(w->fd)) < 0) {
        if (w->fd >= 0) close(w->fd);
        free(w);
        return STATUS_NO_MEMORY;
    }
    w->key = key;
    w->filter = req->filter;
    w->subtree = req->subtree;
    list_add_tail(&watches, &w->entry);
    watch_count++;
    return STATUS_SUCCESS;
}
