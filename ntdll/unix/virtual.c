/*
 * ntdll/unix/virtual.c — Windows virtual memory on top of mmap.
 *
 * Every Windows allocation (a "view": private memory, an image, a mapped
 * file) is recorded with a protection byte per page, so NtQueryVirtualMemory
 * can describe regions exactly as Windows does (AllocationBase, region runs
 * of equal state and protection, MEM_FREE gaps).
 *
 * Sections: the view list · the arena (where allocations go) · mapped
 * views of sections (section.c maps them here) · syscalls.
 *
 * A mapped view (MEM_MAPPED) is an mmap of a section's fd; its max_vprot
 * limits what NtProtectVirtualMemory may later give its pages, and it is
 * never released by NtFreeVirtualMemory, only by NtUnmapViewOfSection.
 *
 * The loader reserves [64 KiB, 4 GiB) PROT_NONE at start (loader/reserve.c);
 * allocations without a base go bottom-up in it, at 64 KiB granularity, as
 * classic Windows does; freed ranges return to PROT_NONE so the host never
 * takes them.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "private.h"
#include "process.h"
#include "xhandle.h"

#define PAGE_SIZE   0x1000UL
#define GRANULARITY 0x10000UL
#define ARENA_START 0x10000UL
#define ARENA_END   0x100000000UL           /* the reserved low range */
#define HIGH_START  0x100000000UL
#define USER_END    0x7ffffffeffffUL

/* Windows constants */
#define PAGE_NOACCESS          0x01
#define PAGE_READONLY          0x02
#define PAGE_READWRITE         0x04
#define PAGE_WRITECOPY         0x08
#define PAGE_EXECUTE           0x10
#define PAGE_EXECUTE_READ      0x20
#define PAGE_EXECUTE_READWRITE 0x40
#define PAGE_EXECUTE_WRITECOPY 0x80
#define PAGE_GUARD             0x100
#define PAGE_NOCACHE           0x200
#define PAGE_WRITECOMBINE      0x400
#define PAGE_TARGETS_INVALID   0x40000000  /* (PAGE_TARGETS_NO_UPDATE for a protection change) */
#define MEM_COMMIT   0x1000
#define MEM_RESERVE  0x2000
#define MEM_DECOMMIT 0x4000
#define MEM_RELEASE  0x8000
#define MEM_FREE     0x10000
#define MEM_PRIVATE  0x20000
#define MEM_MAPPED   0x40000
#define MEM_RESET    0x80000
#define MEM_TOP_DOWN 0x100000
#define MEM_RESET_UNDO 0x1000000
#define MEM_IMAGE    0x1000000

struct view {
    uintptr_t base;
    size_t size;
    uint32_t type;          /* MEM_PRIVATE, MEM_IMAGE, MEM_MAPPED */
    uint32_t alloc_prot;    /* Windows PAGE_* given at allocation */
    uint8_t *prot;          /* VPROT_* per page */
    uint8_t max_vprot;      /* VPROT_* bits a protection change may ask (mapped views) */
    WCHAR *name;            /* a file's view: its NT name (MemoryMappedFilenameInformation) */
    size_t name_len;        /* in WCHARs */
    uint8_t placeholder;    /* PLACEHOLDER: a placeholder; REPLACED: what took one's place */
};
#define PLACEHOLDER 1
#define REPLACED 2
#define MEM_COALESCE_PLACEHOLDERS 0x00000001
#define MEM_PRESERVE_PLACEHOLDER  0x00000002
#define MEM_REPLACE_PLACEHOLDER   0x00004000
#define MEM_RESERVE_PLACEHOLDER   0x00040000

#define VPROT_ACCESS (VPROT_READ | VPROT_WRITE | VPROT_EXEC | VPROT_COW)

static pthread_mutex_t virtual_lock = PTHREAD_MUTEX_INITIALIZER;
static struct view *views;
static size_t nviews, views_cap;
static uintptr_t arena_hint = ARENA_START;  /* lowest address that may be free */

/* --- protections ------------------------------------------------------- */

int virtual_prot_to_vprot(uint32_t prot, uint8_t *out)
{
    uint8_t v;
    switch (prot & 0xff)
    {
    case PAGE_NOACCESS: v = 0; break;
    case PAGE_READONLY: v = VPROT_READ; break;
    case PAGE_READWRITE: v = VPROT_READ | VPROT_WRITE; break;
    case PAGE_WRITECOPY: v = VPROT_READ | VPROT_WRITE | VPROT_COW; break;
    case PAGE_EXECUTE: v = VPROT_EXEC; break;
    case PAGE_EXECUTE_READ: v = VPROT_EXEC | VPROT_READ; break;
    case PAGE_EXECUTE_READWRITE: v = VPROT_EXEC | VPROT_READ | VPROT_WRITE; break;
    case PAGE_EXECUTE_WRITECOPY: v = VPROT_EXEC | VPROT_READ | VPROT_WRITE | VPROT_COW; break;
    default: return -1;
    }
    /* Control Flow Guard's marks on executable pages (JITs pass them): there
       is no CFG bitmap here, so they change nothing */
    if ((prot & PAGE_TARGETS_INVALID) && (v & VPROT_EXEC)) prot &= ~PAGE_TARGETS_INVALID;
    if (prot & ~0x7ffu) return -1;
    if (prot & PAGE_GUARD) v |= VPROT_GUARD;
    if (prot & (PAGE_NOCACHE | PAGE_WRITECOMBINE)) v |= VPROT_NOCACHE;
    *out = v;
    return 0;
}

static uint32_t vprot_to_win(uint8_t v)
{
    static const uint32_t table[16] = {
        PAGE_NOACCESS, PAGE_READONLY, PAGE_READONLY, PAGE_READWRITE,
        PAGE_EXECUTE, PAGE_EXECUTE_READ, PAGE_EXECUTE_READ, PAGE_EXECUTE_READWRITE,
        PAGE_NOACCESS, PAGE_READONLY, PAGE_WRITECOPY, PAGE_WRITECOPY,
        PAGE_EXECUTE, PAGE_EXECUTE_READ, PAGE_EXECUTE_WRITECOPY, PAGE_EXECUTE_WRITECOPY,
    };
    uint32_t r = table[v & 0x0f];
    if (v & VPROT_GUARD) r |= PAGE_GUARD;
    if (v & VPROT_NOCACHE) r |= PAGE_NOCACHE;
    return r;
}

static int vprot_to_unix(uint8_t v)
{
    int p = 0;
    if (!(v & VPROT_COMMITTED) || (v & VPROT_GUARD)) return PROT_NONE;
    if (v & VPROT_READ) p |= PROT_READ;
    if (v & VPROT_WRITE) p |= PROT_WRITE;
    if (v & VPROT_EXEC) p |= PROT_EXEC | PROT_READ;
    return p;
}

/* --- the view list (sorted by base) ------------------------------------ */

static size_t view_index_after(uintptr_t addr)  /* first view with base > addr */
{
    size_t lo = 0, hi = nviews;
    while (lo < hi)
    {
        size_t mid = (lo + hi) / 2;
        if (views[mid].base <= addr) lo = mid + 1; else hi = mid;
    }
    return lo;
}

static struct view *view_find(uintptr_t addr)
{
    size_t i = view_index_after(addr);
    if (i && addr < views[i - 1].base + views[i - 1].size) return &views[i - 1];
    return NULL;
}

static struct view *view_insert(uintptr_t base, size_t size, uint32_t type, uint32_t alloc_prot)
{
    size_t i = view_index_after(base);
    uint8_t *prot = calloc(size / PAGE_SIZE, 1);
    if (!prot) return NULL;
    if (nviews == views_cap)
    {
        size_t cap = views_cap ? views_cap * 2 : 64;
        struct view *n = realloc(views, cap * sizeof(*n));
        if (!n) { free(prot); return NULL; }
        views = n; views_cap = cap;
    }
    memmove(&views[i + 1], &views[i], (nviews - i) * sizeof(*views));
    nviews++;
    views[i] = (struct view){ base, size, type, alloc_prot, prot, VPROT_ACCESS, NULL, 0, 0 };
    return &views[i];
}

/* under the lock: view i becomes two, cut at addr (a page inside it); the
   second keeps the first's kind. 0, or -1 out of memory */
static int view_split(size_t i, uintptr_t addr)
{
    struct view old = views[i];
    size_t head = addr - old.base;
    uint8_t *prot = malloc(head / PAGE_SIZE ? head / PAGE_SIZE : 1);
    if (!prot) return -1;
    memcpy(prot, old.prot, head / PAGE_SIZE);
    struct view *tail = view_insert(addr, old.size - head, old.type, old.alloc_prot);
    if (!tail) { free(prot); return -1; }
    memcpy(tail->prot, old.prot + head / PAGE_SIZE, (old.size - head) / PAGE_SIZE);
    tail->max_vprot = old.max_vprot;
    tail->placeholder = old.placeholder;
    free(old.prot);
    views[i].size = head;       /* view_insert put the tail after i */
    views[i].prot = prot;
    return 0;
}

/* under the lock: the fresh inaccessible pages of a placeholder */
static void make_placeholder(struct view *v)
{
    mmap((void *)v->base, v->size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
    memset(v->prot, 0, v->size / PAGE_SIZE);
    free(v->name);
    v->name = NULL;
    v->name_len = 0;
    v->type = MEM_PRIVATE;
    v->alloc_prot = PAGE_NOACCESS;
    v->max_vprot = VPROT_ACCESS;
    v->placeholder = PLACEHOLDER;
}

/* under the lock: the placeholder that [base, +size) must be exactly */
static struct view *exact_placeholder(uintptr_t base, size_t size)
{
    struct view *v = view_find(base);
    return v && v->placeholder == PLACEHOLDER && v->base == base && v->size == size ? v : NULL;
}

static void view_remove(struct view *v)
{
    size_t i = v - views;
    free(v->prot);
    free(v->name);
    memmove(&views[i], &views[i + 1], (nviews - i - 1) * sizeof(*views));
    nviews--;
}

static int range_is_free(uintptr_t base, size_t size)
{
    size_t i = view_index_after(base);
    if (i && views[i - 1].base + views[i - 1].size > base) return 0;
    if (i < nviews && views[i].base < base + size) return 0;
    return 1;
}

/* give a range back: inside the low arena it stays reserved PROT_NONE */
static void unmap_range(uintptr_t base, size_t size)
{
    if (base >= ARENA_START && base + size <= ARENA_END)
        mmap((void *)base, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
    else
        munmap((void *)base, size);
}

/* a view's range goes back: the next bottom-up search may start there */
static void release_range(uintptr_t base, size_t size)
{
    unmap_range(base, size);
    if (base < arena_hint) arena_hint = base;
}

/* make [base, base+size) ours: anonymous, PROT_NONE until committed (or
   prot at once, for a reservation committed whole) */
static int map_reserved(uintptr_t base, size_t size, int prot)
{
    int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
    if (base >= ARENA_START && base + size <= ARENA_END)
    {
        /* A free range of the arena is anonymous, PROT_NONE and untouched
           (reserved at start, given back fresh by unmap_range): it only
           needs its protection, which costs the kernel a split of the
           reservation instead of an unmap and a new mapping (a PROT_NONE
           claim changes nothing at all). Not mapped (ENOMEM): as below. */
        if (!mprotect((void *)base, size, prot)) return 0;
        flags |= MAP_FIXED;
    }
    else flags |= MAP_FIXED_NOREPLACE;
    void *p = mmap((void *)base, size, prot, flags, -1, 0);
    if (p == MAP_FAILED) return -errno;
    if ((uintptr_t)p != base) { munmap(p, size); return -EEXIST; }
    return 0;
}

/* find and map a free range starting at a multiple of align (64 KiB or a
   larger power of two: VirtualAlloc2's address requirements); zero_bits
   limits the top address */
static uintptr_t find_free(size_t size, uintptr_t limit, int top_down, int prot, size_t align)
{
    if (!top_down)
    {
        for (uintptr_t addr = (arena_hint + align - 1) & ~(align - 1); addr + size <= ARENA_END && addr + size <= limit; )
        {
            size_t i = view_index_after(addr);
            if (i && views[i - 1].base + views[i - 1].size > addr)
                addr = (views[i - 1].base + views[i - 1].size + align - 1) & ~(align - 1);
            else if (i < nviews && views[i].base < addr + size)
                addr = (views[i].base + views[i].size + align - 1) & ~(align - 1);
            else if (!map_reserved(addr, size, prot)) return addr;
            else addr += align;
        }
    }
    else
    {
        /* a range larger than the arena (GHC reserves a TiB top-down)
           would make top - size wrap: only the host has room for it */
        uintptr_t top = (limit < ARENA_END ? limit : ARENA_END);
        if (top >= ARENA_START + size)
            for (uintptr_t addr = (top - size) & ~(align - 1); addr >= ARENA_START; addr -= align)
                if (range_is_free(addr, size) && !map_reserved(addr, size, prot)) return addr;
    }
    if (limit <= ARENA_END) return 0;
    /* above 4 GiB: let the host choose a spot clear of its own mappings */
    void *p = mmap(NULL, size + align, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) return 0;
    uintptr_t a = ((uintptr_t)p + align - 1) & ~(align - 1);
    if (a > (uintptr_t)p) munmap(p, a - (uintptr_t)p);
    if ((uintptr_t)p + size + align > a + size) munmap((void *)(a + size), (uintptr_t)p + size + align - a - size);
    return a;
}

/* claims [*base, +size) at *base, or a free spot ending below limit when
   *base is 0 (the caller holds virtual_lock). *prot: the Unix protection
   the whole range may take at once (saving an mprotect); PROT_NONE on
   return when the range was mapped without it. */
static NTSTATUS reserve_range(uintptr_t *base, size_t size, uintptr_t limit, int top_down, int *prot, size_t align)
{
    if (*base)
    {
        if (!range_is_free(*base, size) || map_reserved(*base, size, *prot)) return STATUS_CONFLICTING_ADDRESSES;
        return STATUS_SUCCESS;
    }
    size_t span = (size + GRANULARITY - 1) & ~(GRANULARITY - 1);
    if (span != size) *prot = PROT_NONE;   /* the slack after it stays inaccessible */
    if (!(*base = find_free(span, limit, top_down, *prot, align))) return STATUS_NO_MEMORY;
    if (!top_down && *base == arena_hint) arena_hint = *base + span;
    return STATUS_SUCCESS;
}

/* zero_bits: a count of high address bits that must be zero (below 32,
   counted from bit 31 as Windows does), or a mask of allowed bits */
static uintptr_t zero_bits_limit(uintptr_t zero_bits)
{
    if (!zero_bits) return USER_END;
    return zero_bits < 32 ? 0xffffffffUL >> zero_bits : zero_bits;
}

static int apply_prot(struct view *v, uintptr_t start, size_t size)
{
    /* one mprotect per run of equal protection */
    size_t first = (start - v->base) / PAGE_SIZE, last = first + size / PAGE_SIZE;
    while (first < last)
    {
        size_t end = first + 1;
        while (end < last && vprot_to_unix(v->prot[end]) == vprot_to_unix(v->prot[first])) end++;
        if (mprotect((void *)(v->base + first * PAGE_SIZE), (end - first) * PAGE_SIZE, vprot_to_unix(v->prot[first])))
            return -errno;
        first = end;
    }
    return 0;
}

/* May a view's pages take this protection? Only mapped views have limits:
   a shared view writes to its section only when max_vprot has
   VPROT_WRITE; a private view (MAP_PRIVATE, max_vprot has VPROT_COW)
   writes only as write-copy, since its writes never reach the section. */
static int view_prot_allowed(const struct view *v, uint8_t vprot)
{
    uint8_t want = vprot & VPROT_ACCESS;
    if (v->type != MEM_MAPPED) return 1;
    if (want & ~v->max_vprot) return 0;
    return !((v->max_vprot & VPROT_COW) && (want & VPROT_WRITE) && !(want & VPROT_COW));
}

/* --- used by the rest of the Unix side -------------------------------- */

void virtual_init(void)
{
}

void *virtual_alloc_system(size_t size, unsigned vprot)
{
    size = (size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    pthread_mutex_lock(&virtual_lock);
    size_t span = (size + GRANULARITY - 1) & ~(GRANULARITY - 1);
    int now = span == size ? vprot_to_unix(vprot | VPROT_COMMITTED) : PROT_NONE;   /* at once when whole */
    uintptr_t base = find_free(span, USER_END, 0, now, GRANULARITY);
    struct view *v = base ? view_insert(base, span, MEM_PRIVATE, PAGE_READWRITE) : NULL;
    if (v)
    {
        memset(v->prot, vprot | VPROT_COMMITTED, size / PAGE_SIZE);
        if (now == PROT_NONE) apply_prot(v, base, size);
    }
    pthread_mutex_unlock(&virtual_lock);
    return v ? (void *)base : NULL;
}

/* reserve room for an image at base (or anywhere if base is NULL) */
void *virtual_alloc_image_space(void *want, size_t size)
{
    uintptr_t base = 0;
    size = (size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    pthread_mutex_lock(&virtual_lock);
    if (want && !((uintptr_t)want & (GRANULARITY - 1)) && (uintptr_t)want >= ARENA_START &&
        range_is_free((uintptr_t)want, size) && !map_reserved((uintptr_t)want, size, PROT_NONE))
        base = (uintptr_t)want;
    if (!base && !want) base = find_free((size + GRANULARITY - 1) & ~(GRANULARITY - 1), USER_END, 0, PROT_NONE, GRANULARITY);
    if (base && !view_insert(base, size, MEM_IMAGE, PAGE_EXECUTE_WRITECOPY))
    {
        unmap_range(base, size);
        base = 0;
    }
    pthread_mutex_unlock(&virtual_lock);
    return (void *)base;
}

/* records the protection of an image's pages (virtual_commit_image gives them) */
void virtual_note_image_range(void *base, size_t offset, size_t size, unsigned vprot)
{
    pthread_mutex_lock(&virtual_lock);
    struct view *v = view_find((uintptr_t)base);
    if (v && offset < v->size)
    {
        size_t first = offset / PAGE_SIZE, count = (size + PAGE_SIZE - 1) / PAGE_SIZE;
        if (first + count > v->size / PAGE_SIZE) count = v->size / PAGE_SIZE - first;
        memset(v->prot + first, vprot | VPROT_COMMITTED, count);
    }
    pthread_mutex_unlock(&virtual_lock);
}

/* Gives an image view's pages the protections noted for them. With fd, a
   page whose file_off[] is not -1 is mapped from there: one mmap per run of
   pages that share a protection and lie in a row in the file, one mprotect
   per run of zero pages (the reserve under them is zero-filled already),
   and nothing is made writable first. Without fd, one mprotect per run. */
int virtual_commit_image(void *base, int fd, const int64_t *file_off)
{
    int ret = 0;
    pthread_mutex_lock(&virtual_lock);
    struct view *v = view_find((uintptr_t)base);
    if (!v) ret = -EINVAL;
    else if (fd < 0) ret = apply_prot(v, v->base, v->size);
    else
    {
        size_t n = v->size / PAGE_SIZE;
        for (size_t first = 0, end; first < n && !ret; first = end)
        {
            int prot = vprot_to_unix(v->prot[first]);
            int64_t off = file_off[first];
            for (end = first + 1; end < n && vprot_to_unix(v->prot[end]) == prot; end++)
                if (off < 0 ? file_off[end] >= 0 : file_off[end] != off + (int64_t)((end - first) * PAGE_SIZE)) break;
            void *addr = (void *)(v->base + first * PAGE_SIZE);
            size_t len = (end - first) * PAGE_SIZE;
            if (off >= 0 ? mmap(addr, len, prot, MAP_PRIVATE | MAP_FIXED, fd, off) == MAP_FAILED
                         : prot != PROT_NONE && mprotect(addr, len, prot))
                ret = -errno;
        }
    }
    pthread_mutex_unlock(&virtual_lock);
    return ret;
}

void virtual_release(void *base)
{
    pthread_mutex_lock(&virtual_lock);
    struct view *v = view_find((uintptr_t)base);
    if (v)
    {
        release_range(v->base, v->size);
        view_remove(v);
    }
    pthread_mutex_unlock(&virtual_lock);
}

int virtual_is_free(void *base, size_t size)
{
    pthread_mutex_lock(&virtual_lock);
    int r = range_is_free((uintptr_t)base, size);
    pthread_mutex_unlock(&virtual_lock);
    return r;
}

/* --- mapped views (sections: section.c) ------------------------------- */

/* maps r->size bytes of r->fd from r->offset as a MEM_MAPPED view, at *base
   when it is set (64 KiB aligned by the caller), else where there is room
   below the zero-bits limit */
NTSTATUS virtual_map_view(const struct map_request *r, void **base_ptr)
{
    uint8_t vprot;
    uintptr_t base = (uintptr_t)*base_ptr;
    NTSTATUS status;

    if (virtual_prot_to_vprot(r->protect, &vprot)) return STATUS_INVALID_PAGE_PROTECTION;
    if (r->commit) vprot |= VPROT_COMMITTED;
    pthread_mutex_lock(&virtual_lock);
    int none = PROT_NONE;
    struct view *ph = NULL;
    if (r->replace)
    {
        /* mapped over the placeholder (its range stays ours meanwhile) */
        if (!(ph = exact_placeholder(base, r->size))) { status = STATUS_CONFLICTING_ADDRESSES; goto done; }
    }
    else if ((status = reserve_range(&base, r->size, zero_bits_limit(r->zero_bits), r->top_down, &none, GRANULARITY))) goto done;
    void *p = mmap((void *)base, r->size, vprot_to_unix(vprot),
                   MAP_FIXED | (r->shared ? MAP_SHARED : MAP_PRIVATE), r->fd, (off_t)r->offset);
    int err = errno;
    struct view *v = NULL;
    if (p != MAP_FAILED && ph)
    {
        v = ph;
        v->type = MEM_MAPPED;
        v->alloc_prot = r->protect;
        v->placeholder = REPLACED;
    }
    else if (p != MAP_FAILED) v = view_insert(base, r->size, MEM_MAPPED, r->protect);
    if (!v)
    {
        status = p == MAP_FAILED ? errno_to_status(err) : STATUS_NO_MEMORY;
        if (ph) make_placeholder(ph);
        else release_range(base, r->size);
        goto done;
    }
    memset(v->prot, vprot, r->size / PAGE_SIZE);
    v->max_vprot = r->max_vprot;
    if (r->reserve_from && r->reserve_from < r->size)
    {
        /* the tail past the file section: reserved until committed (the
           file under it may grow meanwhile: the mapping already covers it) */
        size_t first = r->reserve_from / PAGE_SIZE;
        memset(v->prot + first, vprot & ~VPROT_COMMITTED, r->size / PAGE_SIZE - first);
        apply_prot(v, base + r->reserve_from, r->size - r->reserve_from);
    }
    *base_ptr = (void *)base;
done:
    pthread_mutex_unlock(&virtual_lock);
    TRACE(VIRTUAL, "map view fd %d offset %#llx size %#lx prot %#x%s -> %#x %p\n", r->fd,
          (unsigned long long)r->offset, (unsigned long)r->size, r->protect, r->shared ? " shared" : "",
          status, (void *)base);
    return status;
}

/* names the view at base after the file it maps (a copy of name) */
void virtual_set_view_name(void *base, const WCHAR *name, size_t len)
{
    WCHAR *copy = len ? malloc(len * sizeof(WCHAR)) : NULL;
    if (copy) memcpy(copy, name, len * sizeof(WCHAR));
    pthread_mutex_lock(&virtual_lock);
    struct view *v = view_find((uintptr_t)base);
    if (v)
    {
        free(v->name);
        v->name = copy;
        v->name_len = copy ? len : 0;
        copy = NULL;
    }
    pthread_mutex_unlock(&virtual_lock);
    free(copy);
}

/* unmaps the view holding addr (any address inside it, as on Windows): a
   file's view or an image */
NTSTATUS virtual_unmap_view(void *addr, int preserve_placeholder)
{
    NTSTATUS status = STATUS_NOT_MAPPED_VIEW;
    pthread_mutex_lock(&virtual_lock);
    struct view *v = view_find((uintptr_t)addr);
    if (v && preserve_placeholder)
    {
        /* a view that replaced a placeholder gives it back */
        if (v->type == MEM_MAPPED && v->placeholder == REPLACED && v->base == (uintptr_t)addr)
        {
            make_placeholder(v);
            status = STATUS_SUCCESS;
        }
        else status = STATUS_CONFLICTING_ADDRESSES;
    }
    else if (v && (v->type == MEM_MAPPED || v->type == MEM_IMAGE))
    {
        release_range(v->base, v->size);
        view_remove(v);
        status = STATUS_SUCCESS;
    }
    pthread_mutex_unlock(&virtual_lock);
    return status;
}

/* NtFlushVirtualMemory: a shared view's writes are already in the page
   cache, which read() and other views see; this starts write-back, and
   like FlushViewOfFile does not wait for the disk (FlushFileBuffers does) */
NTSTATUS virtual_flush_view(void **addr_ptr, size_t *size_ptr)
{
    NTSTATUS status = STATUS_SUCCESS;
    uintptr_t start = (uintptr_t)*addr_ptr & ~(PAGE_SIZE - 1);
    pthread_mutex_lock(&virtual_lock);
    struct view *v = view_find(start);
    size_t size = *size_ptr ? (((uintptr_t)*addr_ptr + *size_ptr + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)) - start : 0;
    if (!v) status = STATUS_NOT_MAPPED_VIEW;
    else if (v->type != MEM_MAPPED) status = STATUS_NOT_MAPPED_DATA;
    else if (start + size > v->base + v->size) status = STATUS_INVALID_PARAMETER;
    else
    {
        if (!size) size = v->base + v->size - start;
        if (msync((void *)start, size, MS_ASYNC)) status = errno_to_status(errno);
        *addr_ptr = (void *)start;
        *size_ptr = size;
    }
    pthread_mutex_unlock(&virtual_lock);
    return status;
}

/* --- syscalls ---------------------------------------------------------- */

static int is_current_process(HANDLE process)
{
    return process == NtCurrentProcess() || procobj_id(process) == wlx_process_id;
}

/* NtAllocateVirtualMemory/NtFreeVirtualMemory in another process: done by
   that process (xthread.c), zero bits and alignment as its own default */
static NTSTATUS remote_vm(HANDLE process, uint32_t op, void **addr, size_t *size, uint32_t type, uint32_t prot)
{
    uint32_t id = procobj_id(process);
    if (!id) return STATUS_INVALID_HANDLE;
    if (!addr || !size) return STATUS_ACCESS_VIOLATION;
    return xthread_call_vm(id, op, addr, size, type, prot);
}

static NTSTATUS allocate(HANDLE process, void **ret, uintptr_t zero_bits, size_t *size_ptr, uint32_t type,
                         uint32_t prot, size_t align);

NTSTATUS WINAPI unix_NtAllocateVirtualMemory(HANDLE process, void **ret, uintptr_t zero_bits,
                                             size_t *size_ptr, uint32_t type, uint32_t prot)
{
    return allocate(process, ret, zero_bits, size_ptr, type, prot, GRANULARITY);
}

/* align: where a new reservation may start (a power of two, 64 KiB or more) */
static NTSTATUS allocate(HANDLE process, void **ret, uintptr_t zero_bits, size_t *size_ptr, uint32_t type,
                         uint32_t prot, size_t align)
{
    uint8_t vprot;
    uintptr_t base, limit;
    size_t size;
    NTSTATUS status = STATUS_SUCCESS;

    if (!is_current_process(process)) return remote_vm(process, WLX_PROCESS_VM_ALLOC, ret, size_ptr, type, prot);
    if (!ret || !size_ptr) return STATUS_ACCESS_VIOLATION;
    if (!*size_ptr) return STATUS_INVALID_PARAMETER;
    if (virtual_prot_to_vprot(prot, &vprot)) return STATUS_INVALID_PAGE_PROTECTION;
    if (!(type & (MEM_COMMIT | MEM_RESERVE | MEM_RESET)) ||
        (type & ~(MEM_COMMIT | MEM_RESERVE | MEM_TOP_DOWN | MEM_RESET | 0x20000000 /* MEM_LARGE_PAGES */ | 0x400000 /* MEM_WRITE_WATCH */)))
        return STATUS_INVALID_PARAMETER;
    limit = zero_bits_limit(zero_bits);
    base = (uintptr_t)*ret;
    if (type & MEM_RESET)
    {
        if (type != MEM_RESET) return STATUS_INVALID_PARAMETER;
        base &= ~(PAGE_SIZE - 1);
        size = ((uintptr_t)*ret + *size_ptr + PAGE_SIZE - 1 - base) & ~(PAGE_SIZE - 1);
        madvise((void *)base, size, MADV_DONTNEED);  /* contents may be discarded */
        *ret = (void *)base; *size_ptr = size;
        return STATUS_SUCCESS;
    }

    pthread_mutex_lock(&virtual_lock);
    if (type & MEM_RESERVE || !base)
    {
        /* MEM_COMMIT alone without an address reserves as well, as Windows does */
        if (base)
        {
            base &= ~(GRANULARITY - 1);
            size = ((uintptr_t)*ret + *size_ptr + PAGE_SIZE - 1 - base) & ~(PAGE_SIZE - 1);
        }
        else size = (*size_ptr + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
        int now = type & MEM_COMMIT ? vprot_to_unix(vprot | VPROT_COMMITTED) : PROT_NONE;
        if ((status = reserve_range(&base, size, limit, type & MEM_TOP_DOWN, &now, align))) goto done;
        struct view *v = view_insert(base, size, MEM_PRIVATE, prot);
        if (!v) { unmap_range(base, size); status = STATUS_NO_MEMORY; goto done; }
        if (type & MEM_COMMIT)
        {
            memset(v->prot, vprot | VPROT_COMMITTED, size / PAGE_SIZE);
            if (now == PROT_NONE) apply_prot(v, base, size);
        }
        else memset(v->prot, vprot, size / PAGE_SIZE);
    }
    else
    {
        /* commit inside an existing reservation */
        uintptr_t start = base & ~(PAGE_SIZE - 1);
        size = (base + *size_ptr + PAGE_SIZE - 1 - start) & ~(PAGE_SIZE - 1);
        base = start;
        struct view *v = view_find(base);
        if (!v || base + size > v->base + v->size) { status = STATUS_CONFLICTING_ADDRESSES; goto done; }
        if (v->type == MEM_IMAGE || v->placeholder == PLACEHOLDER) { status = STATUS_CONFLICTING_ADDRESSES; goto done; }
        if (!view_prot_allowed(v, vprot)) { status = STATUS_INVALID_PAGE_PROTECTION; goto done; }
        size_t first = (base - v->base) / PAGE_SIZE, n = size / PAGE_SIZE;
        for (size_t i = 0; i < n; i++) v->prot[first + i] = vprot | VPROT_COMMITTED;
        if (apply_prot(v, base, size)) { status = STATUS_NO_MEMORY; goto done; }
    }
    *ret = (void *)base;
    *size_ptr = size;
done:
    pthread_mutex_unlock(&virtual_lock);
    TRACE(VIRTUAL, "NtAllocateVirtualMemory %p %#lx type %#x prot %#x -> %#x\n", *ret, (unsigned long)*size_ptr, type, prot, status);
    return status;
}

/* --- placeholders ------------------------------------------------------------
 * A placeholder (VirtualAlloc2's MEM_RESERVE_PLACEHOLDER) is a reservation
 * that only splits, coalesces, or is replaced whole by an allocation
 * (MEM_REPLACE_PLACEHOLDER) or a section's view (MapViewOfFile3); freeing
 * or unmapping what replaced one with MEM_PRESERVE_PLACEHOLDER gives the
 * placeholder back. GraalVM's native images manage their heap so. The
 * range stays mapped PROT_NONE throughout (ours, never the host's). */

/* under the lock: VirtualFree's MEM_RELEASE with MEM_PRESERVE_PLACEHOLDER
   (split a placeholder, or give back what replaced one) or with
   MEM_COALESCE_PLACEHOLDERS (placeholders side by side become one) */
static NTSTATUS free_placeholder(struct view *v, uintptr_t addr, size_t size, uint32_t type)
{
    size_t i = v - views;
    if ((addr | size) & (GRANULARITY - 1) || !size) return STATUS_INVALID_PARAMETER;
    if (type & MEM_COALESCE_PLACEHOLDERS)
    {
        size_t j = i;
        if (addr != v->base) return STATUS_CONFLICTING_ADDRESSES;
        for (uintptr_t end = addr; end < addr + size; end = views[j].base + views[j].size, j++)
            if (j == nviews || views[j].base != end || views[j].placeholder != PLACEHOLDER ||
                views[j].base + views[j].size > addr + size)
                return STATUS_CONFLICTING_ADDRESSES;
        uint8_t *prot = calloc(size / PAGE_SIZE, 1);
        if (!prot) return STATUS_NO_MEMORY;
        while (j > i + 1) view_remove(&views[--j]);
        free(views[i].prot);
        views[i].prot = prot;
        views[i].size = size;
        return STATUS_SUCCESS;
    }
    if (v->placeholder == REPLACED)
    {
        if (addr != v->base || size != v->size) return STATUS_CONFLICTING_ADDRESSES;
        make_placeholder(v);
        return STATUS_SUCCESS;
    }
    if (v->placeholder != PLACEHOLDER || addr + size > v->base + v->size) return STATUS_CONFLICTING_ADDRESSES;
    if (addr + size < v->base + v->size && view_split(i, addr + size)) return STATUS_NO_MEMORY;
    if (addr > views[i].base && view_split(i, addr)) return STATUS_NO_MEMORY;
    return STATUS_SUCCESS;
}

/* zero bits from MEM_EXTENDED_PARAMETERs: an address requirement's highest
   address (2^n-1, a mask), 0 when none; *align, when given, its alignment
   (0 when none) */
uintptr_t virtual_ext_zero_bits(const struct mem_ext_param *params, uint32_t count, size_t *align)
{
    uintptr_t zero_bits = 0;
    if (align) *align = 0;
    for (uint32_t i = 0; params && i < count; i++)
    {
        const struct mem_address_requirements *req = (const void *)(uintptr_t)params[i].value;
        if ((params[i].type & 0xff) != MEM_EXT_ADDRESS_REQUIREMENTS || !req) continue;
        if (req->highest) zero_bits = req->highest;
        if (align) *align = req->alignment;
    }
    return zero_bits;
}

NTSTATUS WINAPI unix_NtAllocateVirtualMemoryEx(HANDLE process, void **ret, size_t *size_ptr, uint32_t type,
                                               uint32_t prot, const struct mem_ext_param *params, uint32_t count)
{
    size_t align;
    uintptr_t zero_bits = virtual_ext_zero_bits(params, count, &align);
    NTSTATUS status;
    if (!is_current_process(process)) return STATUS_NOT_IMPLEMENTED;
    if (!ret || !size_ptr) return STATUS_ACCESS_VIOLATION;
    /* an alignment is a power of two, 64 KiB or more, for a new reservation */
    if (align && ((align & (align - 1)) || align < GRANULARITY || *ret)) return STATUS_INVALID_PARAMETER;
    if (!align) align = GRANULARITY;
    if (type & MEM_RESERVE_PLACEHOLDER)
    {
        if (type != (MEM_RESERVE | MEM_RESERVE_PLACEHOLDER) || prot != PAGE_NOACCESS) return STATUS_INVALID_PARAMETER;
        if ((status = allocate(process, ret, zero_bits, size_ptr, MEM_RESERVE, prot, align))) return status;
        pthread_mutex_lock(&virtual_lock);
        view_find((uintptr_t)*ret)->placeholder = PLACEHOLDER;
        pthread_mutex_unlock(&virtual_lock);
        return STATUS_SUCCESS;
    }
    if (!(type & MEM_REPLACE_PLACEHOLDER)) return allocate(process, ret, zero_bits, size_ptr, type, prot, align);

    /* the placeholder becomes an allocation, reserved or committed */
    uint8_t vprot;
    uintptr_t base = (uintptr_t)*ret;
    size_t size = (*size_ptr + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    if (virtual_prot_to_vprot(prot, &vprot)) return STATUS_INVALID_PAGE_PROTECTION;
    if (!(type & MEM_RESERVE) || (type & ~(MEM_RESERVE | MEM_COMMIT | MEM_REPLACE_PLACEHOLDER)) || !base)
        return STATUS_INVALID_PARAMETER;
    pthread_mutex_lock(&virtual_lock);
    struct view *v = exact_placeholder(base, size);
    if (!v) status = STATUS_CONFLICTING_ADDRESSES;
    else
    {
        v->placeholder = REPLACED;
        v->alloc_prot = prot;
        memset(v->prot, vprot | (type & MEM_COMMIT ? VPROT_COMMITTED : 0), size / PAGE_SIZE);
        status = (type & MEM_COMMIT) && apply_prot(v, base, size) ? STATUS_NO_MEMORY : STATUS_SUCCESS;
        *size_ptr = size;
    }
    pthread_mutex_unlock(&virtual_lock);
    return status;
}

NTSTATUS WINAPI unix_NtFreeVirtualMemory(HANDLE process, void **addr_ptr, size_t *size_ptr, uint32_t type)
{
    NTSTATUS status = STATUS_SUCCESS;
    if (!is_current_process(process)) return remote_vm(process, WLX_PROCESS_VM_FREE, addr_ptr, size_ptr, type, 0);
    uintptr_t addr = (uintptr_t)*addr_ptr;
    size_t size = *size_ptr;

    pthread_mutex_lock(&virtual_lock);
    struct view *v = view_find(addr);
    if (!v || v->type != MEM_PRIVATE) { status = v ? STATUS_UNABLE_TO_FREE_VM : STATUS_MEMORY_NOT_ALLOCATED; goto done; }
    if (type == (MEM_RELEASE | MEM_PRESERVE_PLACEHOLDER) || type == (MEM_RELEASE | MEM_COALESCE_PLACEHOLDERS))
    {
        status = free_placeholder(v, addr, size, type);
        goto done;
    }
    if (type == MEM_RELEASE)
    {
        /* only the whole allocation, from its base, with size 0 */
        if (size) { status = STATUS_INVALID_PARAMETER; goto done; }
        if (addr != v->base) { status = STATUS_FREE_VM_NOT_AT_BASE; goto done; }
        *size_ptr = v->size;
        release_range(v->base, v->size);
        view_remove(v);
    }
    else if (type == MEM_DECOMMIT)
    {
        uintptr_t start = addr & ~(PAGE_SIZE - 1);
        if (!size) size = v->base + v->size - start;
        else size = (addr + size + PAGE_SIZE - 1 - start) & ~(PAGE_SIZE - 1);
        if (start + size > v->base + v->size) { status = STATUS_UNABLE_TO_FREE_VM; goto done; }
        /* fresh zero pages, inaccessible */
        mmap((void *)start, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
        size_t first = (start - v->base) / PAGE_SIZE;
        for (size_t i = 0; i < size / PAGE_SIZE; i++) v->prot[first + i] &= ~VPROT_COMMITTED;
        *addr_ptr = (void *)start;
        *size_ptr = size;
    }
    else status = STATUS_INVALID_PARAMETER;
done:
    pthread_mutex_unlock(&virtual_lock);
    return status;
}

NTSTATUS WINAPI unix_NtProtectVirtualMemory(HANDLE process, void **addr_ptr, size_t *size_ptr,
                                            uint32_t new_prot, uint32_t *old_prot)
{
    uint8_t vprot;
    NTSTATUS status = STATUS_SUCCESS;
    if (!is_current_process(process)) return STATUS_NOT_IMPLEMENTED;
    if (virtual_prot_to_vprot(new_prot, &vprot)) return STATUS_INVALID_PAGE_PROTECTION;
    uintptr_t start = (uintptr_t)*addr_ptr & ~(PAGE_SIZE - 1);
    size_t size = ((uintptr_t)*addr_ptr + *size_ptr + PAGE_SIZE - 1 - start) & ~(PAGE_SIZE - 1);
    if (!size) size = PAGE_SIZE;

    pthread_mutex_lock(&virtual_lock);
    struct view *v = view_find(start);
    if (!v || start + size > v->base + v->size) { status = STATUS_CONFLICTING_ADDRESSES; goto done; }
    size_t first = (start - v->base) / PAGE_SIZE, n = size / PAGE_SIZE;
    for (size_t i = 0; i < n; i++)
        if (!(v->prot[first + i] & VPROT_COMMITTED)) { status = STATUS_NOT_COMMITTED; goto done; }
    if (!view_prot_allowed(v, vprot)) { status = STATUS_INVALID_PAGE_PROTECTION; goto done; }
    if (old_prot) *old_prot = vprot_to_win(v->prot[first]);
    /* only a change Linux sees is applied (an import table made writable
       twice: none); guard pages always are, the fault path may have opened
       a page without the lock (signal.c) */
    int changed = (vprot & VPROT_GUARD) != 0;
    for (size_t i = 0; i < n; i++)
    {
        uint8_t keep = v->prot[first + i] & VPROT_COMMITTED;
        /* write-copy pages that were already written stay plain read-write */
        changed |= vprot_to_unix(v->prot[first + i]) != vprot_to_unix(vprot | keep);
        v->prot[first + i] = vprot | keep;
    }
    if (changed) apply_prot(v, start, size);
    *addr_ptr = (void *)start;
    *size_ptr = size;
done:
    pthread_mutex_unlock(&virtual_lock);
    return status;
}

typedef struct {
    void *BaseAddress, *AllocationBase;
    uint32_t AllocationProtect; uint16_t PartitionId, pad;
    size_t RegionSize;
    uint32_t State, Protect, Type, pad2;
} MEMORY_BASIC_INFORMATION;
_Static_assert(sizeof(MEMORY_BASIC_INFORMATION) == 48, "MBI");

#define STATUS_INVALID_ADDRESS ((NTSTATUS)0xC0000141)
#define STATUS_FILE_INVALID    ((NTSTATUS)0xC0000098)

/* MemoryMappedFilenameInformation: a UNICODE_STRING and the name after it,
   for an address in a view of a file (GetMappedFileName) */
static NTSTATUS query_mapped_name(uintptr_t addr, void *buffer, size_t len, size_t *ret_len)
{
    NTSTATUS status = STATUS_SUCCESS;
    pthread_mutex_lock(&virtual_lock);
    struct view *v = view_find(addr);
    size_t need = v ? sizeof(UNICODE_STRING) + (v->name_len + 1) * sizeof(WCHAR) : 0;
    if (!v || v->type == MEM_PRIVATE) status = STATUS_INVALID_ADDRESS;
    else if (!v->name) status = STATUS_FILE_INVALID;
    else if (len < need || v->name_len * sizeof(WCHAR) > 0xfffc) status = STATUS_BUFFER_OVERFLOW;
    else
    {
        UNICODE_STRING *str = buffer;
        str->Buffer = (WCHAR *)(str + 1);
        str->Length = v->name_len * sizeof(WCHAR);
        str->MaximumLength = str->Length + sizeof(WCHAR);
        memcpy(str->Buffer, v->name, str->Length);
        str->Buffer[v->name_len] = 0;
    }
    pthread_mutex_unlock(&virtual_lock);
    if (ret_len && (!status || status == STATUS_BUFFER_OVERFLOW)) *ret_len = need;
    return status;
}

NTSTATUS WINAPI unix_NtQueryVirtualMemory(HANDLE process, void *addr, uint32_t info_class,
                                          void *buffer, size_t len, size_t *ret_len)
{
    if (!is_current_process(process)) return STATUS_NOT_IMPLEMENTED;
    if (info_class == 2 /* MemoryMappedFilenameInformation */)
        return buffer ? query_mapped_name((uintptr_t)addr, buffer, len, ret_len) : STATUS_ACCESS_VIOLATION;
    if (info_class != 0 /* MemoryBasicInformation */) return STATUS_INVALID_INFO_CLASS;
    if (len < sizeof(MEMORY_BASIC_INFORMATION)) return STATUS_INFO_LENGTH_MISMATCH;
    uintptr_t a = (uintptr_t)addr & ~(PAGE_SIZE - 1);
    if ((uintptr_t)addr > USER_END) return STATUS_INVALID_PARAMETER;
    MEMORY_BASIC_INFORMATION info = {0};

    pthread_mutex_lock(&virtual_lock);
    struct view *v = view_find(a);
    info.BaseAddress = (void *)a;
    if (!v)
    {
        size_t i = view_index_after(a);
        uintptr_t end = i < nviews ? views[i].base : USER_END + 1;
        info.RegionSize = end - a;
        info.State = MEM_FREE;
        info.Protect = PAGE_NOACCESS;
    }
    else
    {
        size_t first = (a - v->base) / PAGE_SIZE, n = v->size / PAGE_SIZE, end = first + 1;
        uint8_t p = v->prot[first];
        while (end < n && v->prot[end] == p) end++;
        info.AllocationBase = (void *)v->base;
        info.AllocationProtect = v->alloc_prot;
        info.RegionSize = (end - first) * PAGE_SIZE;
        info.State = (p & VPROT_COMMITTED) ? MEM_COMMIT : MEM_RESERVE;
        info.Protect = (p & VPROT_COMMITTED) ? vprot_to_win(p) : 0;
        info.Type = v->type;
    }
    pthread_mutex_unlock(&virtual_lock);
    memcpy(buffer, &info, sizeof(info));
    if (ret_len) *ret_len = sizeof(info);
    return STATUS_SUCCESS;
}

/* "name.dll+0x1234" for an address inside an image (for crash reports);
   the name comes from the image's export directory, or its base address */
void virtual_describe_address(const void *addr, char *buf, size_t size)
{
    /* no lock: this runs in a fault handler; views only grow at the end */
    struct view *v = view_find((uintptr_t)addr);
    if (!v || v->type != MEM_IMAGE)
    {
        snprintf(buf, size, "%p", addr);
        return;
    }
    const uint8_t *base = (const uint8_t *)v->base;
    const char *name = NULL;
    uint32_t lfanew = *(const uint32_t *)(base + 0x3c);
    const uint32_t *exp_dir = (const uint32_t *)(base + lfanew + 4 + 20 + 112);  /* DataDirectory[0] */
    if (exp_dir[0] && exp_dir[1]) name = (const char *)base + *(const uint32_t *)(base + exp_dir[0] + 12);
    if (name) snprintf(buf, size, "%s+0x%lx", name, (unsigned long)((uintptr_t)addr - v->base));
    else snprintf(buf, size, "%p (the program, based at %p, +0x%lx)", addr, (void *)v->base,
                  (unsigned long)((uintptr_t)addr - v->base));
}

/* --- the fault path (signal.c: guard pages, stack growth) ------------------
   A fault in Windows code never comes while its thread holds virtual_lock
   (a fault in wlx's own Unix code is reported before any of these runs), so
   they may wait for the lock: a trylock would misreport a guard page as an
   access violation whenever another thread is allocating. */

/* A fault on a PAGE_GUARD page: drop the guard (one shot, as Windows) and
   say so. */
int virtual_clear_guard(const void *addr)
{
    int cleared = 0;
    pthread_mutex_lock(&virtual_lock);
    struct view *v = view_find((uintptr_t)addr);
    if (v)
    {
        size_t page = ((uintptr_t)addr - v->base) / PAGE_SIZE;
        if ((v->prot[page] & VPROT_GUARD) && (v->prot[page] & VPROT_COMMITTED))
        {
            v->prot[page] &= ~VPROT_GUARD;
            apply_prot(v, v->base + page * PAGE_SIZE, PAGE_SIZE);
            cleared = 1;
        }
    }
    pthread_mutex_unlock(&virtual_lock);
    return cleared;
}

/* the VPROT_* of the page holding addr; -1 when no view holds it */
int virtual_page_vprot(const void *addr)
{
    pthread_mutex_lock(&virtual_lock);
    struct view *v = view_find((uintptr_t)addr);
    int vprot = v ? v->prot[((uintptr_t)addr - v->base) / PAGE_SIZE] : -1;
    pthread_mutex_unlock(&virtual_lock);
    return vprot;
}

/* commits count pages from the page holding addr, all in one private view,
   with the VPROT_* vprot (a stack's guard region moving down); -errno */
int virtual_commit_pages(const void *addr, size_t count, unsigned vprot)
{
    uintptr_t start = (uintptr_t)addr & ~(PAGE_SIZE - 1);
    int ret = -EFAULT;
    pthread_mutex_lock(&virtual_lock);
    struct view *v = view_find(start);
    if (v && v->type == MEM_PRIVATE && count <= (v->base + v->size - start) / PAGE_SIZE)
    {
        memset(v->prot + (start - v->base) / PAGE_SIZE, vprot | VPROT_COMMITTED, count);
        ret = apply_prot(v, start, count * PAGE_SIZE);
    }
    pthread_mutex_unlock(&virtual_lock);
    return ret;
}
