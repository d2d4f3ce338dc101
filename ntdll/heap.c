/*
 * ntdll/heap.c — the Windows heap: RtlCreateHeap, RtlAllocateHeap, RtlFreeHeap,
 * RtlReAllocateHeap, RtlSizeHeap, RtlValidateHeap, RtlLockHeap/RtlUnlockHeap,
 * RtlWalkHeap, RtlGetProcessHeaps, RtlCompactHeap, Rtl{Set,Query}HeapInformation.
 *
 * Design
 *   - A heap is a list of segments (virtual memory committed in one go; Linux
 *     only backs the pages that get touched). The heap structure itself sits
 *     at the start of the first segment, so the handle is the heap's base
 *     address, as on Windows.
 *   - Every block starts with a 16-byte header (size and previous size in
 *     16-byte units, unused tail bytes, flags, a check word derived from the
 *     heap and the block address), so every pointer we return is 16-aligned
 *     and a bad pointer given to RtlFreeHeap is usually detected.
 *   - Free blocks sit in one of 128 bins (exact sizes up to 1 KiB, then four
 *     bins per power of two); a bitmap finds the smallest non-empty bin that
 *     fits. Freeing coalesces with both neighbours (boundary tags), so the
 *     physical block chain is what RtlWalkHeap reports.
 *   - Freed blocks under 1 KiB are first parked on per-size quick lists
 *     (LIFO, QUICK_DEPTH deep) without coalescing: most frees and allocations
 *     are then a push or a pop. Parked blocks go back to the bins before the
 *     heap grows and in RtlCompactHeap; RtlWalkHeap reports them as free.
 *   - Blocks of LARGE_THRESHOLD bytes or more (growable heaps only) get their
 *     own NtAllocateVirtualMemory region.
 *   - One lock per heap: an atomic fast path, a short spin, then a futex wait.
 *     RtlLockHeap makes it recursive for its owner (HeapLock + HeapAlloc in
 *     the same thread works on Windows).
 *   - The OS is only touched to add or drop a segment (one empty segment is
 *     kept as a spare) and for large blocks.
 *   - RtlWalkHeap fills PROCESS_HEAP_ENTRY directly (kernel32's HeapWalk
 *     passes it through): a region entry per segment, then its blocks, then
 *     the large blocks (iRegionIndex 64, as Windows reports them).
 */
#include "private.h"

NTSYSAPI VOID NTAPI RtlRaiseException(PEXCEPTION_RECORD rec);

#ifndef HEAP_CREATE_ENABLE_EXECUTE
#define HEAP_CREATE_ENABLE_EXECUTE 0x00040000
#endif
#define HEAP_INFO_OPTIMIZE_RESOURCES 3  /* HeapOptimizeResources, missing from mingw */

#define UNIT              16                  /* block granularity and alignment */
#define MIN_BLOCK_UNITS   2                   /* header + free-list links */
#define NB_BINS           128
#define NB_EXACT_BINS     64                  /* bins 2..63 hold exactly 32..1008 bytes */
#define LARGE_THRESHOLD   (512 * 1024)        /* requests this big get their own region */
#define DEFAULT_RESERVE   (1024 * 1024)
#define MAX_SEGMENT_SIZE  (16 * 1024 * 1024)  /* growth doubles up to this */
#define VM_GRANULARITY    0x10000
#define SPIN_COUNT        100
#define BIN_SCAN_LIMIT    16                  /* blocks looked at in a ranged bin */
#define HEAP_SIGNATURE    0xffeeffee          /* Windows' segment signature */
#define COOKIE_SALT       0x5eed1e55

/* creation flags that apply to every call on the heap */
#define HEAP_CALL_FLAGS (HEAP_NO_SERIALIZE | HEAP_GENERATE_EXCEPTIONS)

#define BLOCK_BUSY   0x01
#define BLOCK_LARGE  0x02  /* lives in its own virtual memory region */
#define BLOCK_END    0x04  /* segment sentinel: busy, never handed out */
#define BLOCK_QUICK  0x08  /* freed, parked on a quick list: stays busy for coalescing */

#define QUICK_DEPTH  32    /* blocks parked per quick list */
#define LARGE_REGION_INDEX 64  /* iRegionIndex Windows reports for large blocks */

struct list { struct list *next, *prev; };

/* 16 bytes before every block's data. */
struct block
{
    UINT32 size;       /* whole block, in UNITs (0 for large blocks) */
    UINT32 prev_size;  /* previous block of the segment in UNITs, 0 for the first */
    UINT16 unused;     /* bytes past the requested size: RtlSizeHeap gives back the request */
    UINT8  flags;      /* BLOCK_* */
    UINT8  segment;    /* index of the segment, reported by RtlWalkHeap */
    UINT32 check;      /* heap cookie ^ address: tells our headers from garbage */
};

struct segment
{
    struct list    entry;   /* in heap->segments */
    SIZE_T         size;    /* bytes of the region (committed) */
    struct block  *first;   /* first block */
    struct block  *end;     /* sentinel at the very end */
    BOOL           owned;   /* allocated by us, so freed on destroy */
    UINT           index;
};

/* A block with its own region: this header, then the usual block header. */
struct large_block
{
    struct list   entry;        /* in heap->large */
    SIZE_T        region_size;  /* bytes committed */
    SIZE_T        size;         /* bytes requested */
    struct block  hdr;
};

/* The first data bytes of a free block: its neighbours in its bin (a parked
 * block uses next only). */
struct free_links
{
    struct block *next;
    struct block *prev;  /* NULL for the head of the bin */
};

struct heap_lock
{
    volatile LONG state;      /* 0 free, 1 held, 2 held with waiters */
    volatile DWORD owner;     /* thread id while held through RtlLockHeap */
    LONG recursion;           /* RtlLockHeap depth */
};

/* The handle points here. The fields at 0x10, 0x70 and 0x74 sit where
 * Windows keeps its own (programs peek at them: anti-debug checks read
 * Flags and ForceFlags); the rest is ours. */
struct heap
{
    struct list      entry;       /* in the process heap list */
    DWORD            signature;   /* 0x10: HEAP_SIGNATURE, Windows' SegmentSignature */
    DWORD            flags;       /* creation flags */
    UINT32           cookie;      /* mixed into every block's check word */
    ULONG            compat;      /* HeapCompatibilityInformation */
    struct heap_lock lock;
    struct list      segments;
    struct list      large;
    SIZE_T           next_segment_size;
    UINT             nb_segments;
    UINT64           bitmap[NB_BINS / 64];  /* non-empty bins */
    DWORD            win_flags;   /* 0x70: Windows' HEAP.Flags */
    DWORD            force_flags; /* 0x74: Windows' HEAP.ForceFlags, 0 without a debugger */
    struct block    *bins[NB_BINS];        /* free blocks by size (heads kept small: */
    struct block    *quick[NB_EXACT_BINS]; /* a fixed-size heap must keep most of its */
    UINT8            quick_count[NB_EXACT_BINS]; /* room for blocks) */
    struct segment  *spare;       /* the one empty segment kept for reuse */
};

_Static_assert(FIELD_OFFSET(struct heap, signature) == 0x10, "HEAP.SegmentSignature offset");
_Static_assert(FIELD_OFFSET(struct heap, win_flags) == 0x70, "HEAP.Flags offset");

#define HEAP_HEADER_SIZE    ((sizeof(struct heap) + UNIT - 1) & ~(SIZE_T)(UNIT - 1))
#define SEGMENT_HEADER_SIZE ((sizeof(struct segment) + UNIT - 1) & ~(SIZE_T)(UNIT - 1))

static struct list process_heaps = { &process_heaps, &process_heaps };
static volatile LONG process_heaps_lock;

/* ---- small helpers ---- */

static void list_init(struct list *l) { l->next = l->prev = l; }
static BOOL list_empty(const struct list *l) { return l->next == l; }

static void list_add_head(struct list *head, struct list *e)
{
    e->next = head->next;
    e->prev = head;
    head->next->prev = e;
    head->next = e;
}

static void list_add_tail(struct list *head, struct list *e)
{
    list_add_head(head->prev, e);
}

static void list_remove(struct list *e)
{
    e->prev->next = e->next;
    e->next->prev = e->prev;
}

static DWORD current_tid(void)
{
    return (DWORD)TEB_FIELD(ULONG_PTR, TEB_CLIENT_THREAD);
}

/* kernel32's HeapAlloc/HeapReAlloc/HeapSize forward here, so the last error
 * is set here, as Windows' ntdll does. */
static void set_last_error(DWORD err)
{
    TEB_FIELD(DWORD, TEB_LAST_ERROR) = err;
}

/* ---- the lock ---- */

static void spin_lock(volatile LONG *lock)
{
    while (__atomic_exchange_n(lock, 1, __ATOMIC_ACQUIRE))
        while (*lock) __builtin_ia32_pause();
}

static void spin_unlock(volatile LONG *lock)
{
    __atomic_store_n(lock, 0, __ATOMIC_RELEASE);
}

static void lock_acquire_slow(struct heap_lock *lock)
{
    LONG expected;
    int i;

    for (i = 0; i < SPIN_COUNT; i++)
    {
        expected = 0;
        if (!lock->state && __atomic_compare_exchange_n(&lock->state, &expected, 1, FALSE,
                                                        __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            return;
        __builtin_ia32_pause();
    }
    while (__atomic_exchange_n(&lock->state, 2, __ATOMIC_ACQUIRE))
        __wlx_futex_wait(&lock->state, 2, NULL);
}

static void lock_acquire(struct heap_lock *lock)
{
    LONG expected = 0;
    if (!__atomic_compare_exchange_n(&lock->state, &expected, 1, FALSE,
                                     __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
        lock_acquire_slow(lock);
}

static void lock_release(struct heap_lock *lock)
{
    if (__atomic_exchange_n(&lock->state, 0, __ATOMIC_RELEASE) == 2)
        __wlx_futex_wake(&lock->state, 1);
}

/* Returns TRUE when the caller must call heap_leave. A thread that holds the
 * heap through RtlLockHeap goes on without taking it again. */
static BOOL heap_enter(struct heap *heap, ULONG flags)
{
    LONG expected = 0;

    if (flags & HEAP_NO_SERIALIZE) return FALSE;
    if (__atomic_compare_exchange_n(&heap->lock.state, &expected, 1, FALSE,
                                    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
        return TRUE;
    if (heap->lock.owner == current_tid()) return FALSE;
    lock_acquire_slow(&heap->lock);
    return TRUE;
}

static void heap_leave(struct heap *heap, BOOL locked)
{
    if (locked) lock_release(&heap->lock);
}

/* ---- blocks and bins ---- */

static struct block *next_block(struct block *b)
{
    return (struct block *)((char *)b + ((SIZE_T)b->size * UNIT));
}

static struct block *prev_block(struct block *b)
{
    return (struct block *)((char *)b - ((SIZE_T)b->prev_size * UNIT));
}

static struct free_links *block_links(struct block *b) { return (struct free_links *)(b + 1); }
static void *block_data(struct block *b) { return b + 1; }

static UINT32 block_check(const struct heap *heap, const struct block *b)
{
    return heap->cookie ^ (UINT32)((ULONG_PTR)b >> 4);
}

static void init_block(struct heap *heap, struct block *b, UINT32 size, UINT32 prev_size,
                       UINT8 flags, UINT8 segment)
{
    b->size = size;
    b->prev_size = prev_size;
    b->unused = 0;
    b->flags = flags;
    b->segment = segment;
    b->check = block_check(heap, b);
}

static struct large_block *large_from_block(struct block *b)
{
    return (struct large_block *)((char *)b - FIELD_OFFSET(struct large_block, hdr));
}

static UINT bin_index(SIZE_T units)
{
    UINT log, idx;

    if (units < NB_EXACT_BINS) return (UINT)units;
    log = 63 - __builtin_clzll(units);
    idx = NB_EXACT_BINS + (log - 6) * 4 + (UINT)((units >> (log - 2)) & 3);
    return idx < NB_BINS ? idx : NB_BINS - 1;
}

static void bin_insert(struct heap *heap, struct block *b)
{
    UINT idx = bin_index(b->size);
    struct block *head = heap->bins[idx];

    block_links(b)->next = head;
    block_links(b)->prev = NULL;
    if (head) block_links(head)->prev = b;
    else heap->bitmap[idx / 64] |= 1ull << (idx % 64);
    heap->bins[idx] = b;
}

static void bin_remove(struct heap *heap, struct block *b)
{
    struct free_links *links = block_links(b);
    UINT idx;

    if (links->next) block_links(links->next)->prev = links->prev;
    if (links->prev)
    {
        block_links(links->prev)->next = links->next;
        return;
    }
    idx = bin_index(b->size);
    if (!(heap->bins[idx] = links->next)) heap->bitmap[idx / 64] &= ~(1ull << (idx % 64));
}

/* Smallest non-empty bin at or above idx, or NB_BINS. */
static UINT next_bin(const struct heap *heap, UINT idx)
{
    UINT word = idx / 64;
    UINT64 bits = heap->bitmap[word] & (~0ull << (idx % 64));

    for (;;)
    {
        if (bits) return word * 64 + __builtin_ctzll(bits);
        if (++word == NB_BINS / 64) return NB_BINS;
        bits = heap->bitmap[word];
    }
}

/* First fit in a ranged bin; the scan is bounded so that a bin full of
 * slightly-too-small blocks cannot make allocation linear (the next bin up
 * always fits). The last bin has no upper bound and is searched whole. */
static struct block *search_bin(struct heap *heap, UINT idx, SIZE_T units)
{
    struct block *b;
    UINT budget = idx == NB_BINS - 1 ? ~0u : BIN_SCAN_LIMIT;

    for (b = heap->bins[idx]; b && budget--; b = block_links(b)->next)
        if (b->size >= units) return b;
    return NULL;
}

/* A free block that holds units, taken out of its bin, or NULL. */
static struct block *find_free(struct heap *heap, SIZE_T units)
{
    UINT idx = bin_index(units);
    struct block *b;

    if (idx < NB_EXACT_BINS)
    {
        if (heap->bins[idx]) b = heap->bins[idx];
        else if ((idx = next_bin(heap, idx + 1)) < NB_BINS) b = heap->bins[idx];
        else return NULL;
    }
    else if (!(b = search_bin(heap, idx, units)))
    {
        /* every block of a higher bin is bigger than any of this one */
        if (idx + 1 == NB_BINS || (idx = next_bin(heap, idx + 1)) == NB_BINS) return NULL;
        b = heap->bins[idx];
    }
    bin_remove(heap, b);
    return b;
}

/* Cuts b down to units; the tail, if big enough, becomes a free block that
 * merges with a free successor. */
static void split_block(struct heap *heap, struct block *b, SIZE_T units)
{
    struct block *tail, *next;
    UINT32 tail_size = b->size - (UINT32)units;

    if (tail_size < MIN_BLOCK_UNITS) return;
    next = next_block(b);
    b->size = (UINT32)units;
    tail = next_block(b);
    if (!(next->flags & BLOCK_BUSY))
    {
        bin_remove(heap, next);
        tail_size += next->size;
        next->check = 0;
        next = next_block(next);
    }
    init_block(heap, tail, tail_size, (UINT32)units, 0, b->segment);
    next->prev_size = tail_size;
    bin_insert(heap, tail);
}

static void segment_emptied(struct heap *heap, struct block *b);

/* Turns the busy block b into a free one, merged with free neighbours. */
static void release_block(struct heap *heap, struct block *b)
{
    struct block *next = next_block(b), *prev;

    b->flags &= ~BLOCK_BUSY;
    if (!(next->flags & BLOCK_BUSY))
    {
        bin_remove(heap, next);
        b->size += next->size;
        next->check = 0;
    }
    if (b->prev_size && !((prev = prev_block(b))->flags & BLOCK_BUSY))
    {
        bin_remove(heap, prev);
        prev->size += b->size;
        b->check = 0;
        b = prev;
    }
    next_block(b)->prev_size = b->size;
    bin_insert(heap, b);
    if (!b->prev_size && (next_block(b)->flags & BLOCK_END)) segment_emptied(heap, b);
}

static void mark_busy(struct block *b, SIZE_T size)
{
    b->flags |= BLOCK_BUSY;
    b->unused = (UINT16)((SIZE_T)b->size * UNIT - sizeof(struct block) - size);
}

static struct block *quick_pop(struct heap *heap, SIZE_T units)
{
    struct block *b = heap->quick[units];

    if (!b) return NULL;
    heap->quick[units] = block_links(b)->next;
    heap->quick_count[units]--;
    b->flags &= ~BLOCK_QUICK;
    return b;
}

static BOOL quick_push(struct heap *heap, struct block *b)
{
    UINT32 units = b->size;

    if (units >= NB_EXACT_BINS || heap->quick_count[units] >= QUICK_DEPTH) return FALSE;
    b->flags |= BLOCK_QUICK;
    block_links(b)->next = heap->quick[units];
    heap->quick[units] = b;
    heap->quick_count[units]++;
    return TRUE;
}

/* Takes a parked block off its quick list and frees it for real. */
static void quick_unpark(struct heap *heap, struct block *b)
{
    struct block **link = &heap->quick[b->size];

    while (*link != b) link = &block_links(*link)->next;
    *link = block_links(b)->next;
    heap->quick_count[b->size]--;
    b->flags &= ~BLOCK_QUICK;
    release_block(heap, b);
}

/* Gives every parked block back to the bins; FALSE if there was none. */
static BOOL flush_quick(struct heap *heap)
{
    BOOL flushed = FALSE;
    struct block *b;
    UINT i;

    for (i = MIN_BLOCK_UNITS; i < NB_EXACT_BINS; i++)
        while ((b = quick_pop(heap, i)))
        {
            release_block(heap, b);
            flushed = TRUE;
        }
    return flushed;
}

/* ---- segments ---- */

static ULONG heap_protection(const struct heap *heap)
{
    return (heap->flags & HEAP_CREATE_ENABLE_EXECUTE) ? PAGE_EXECUTE_READWRITE : PAGE_READWRITE;
}

/* Lays out a segment over [base, base + size): header, one free block, sentinel. */
static struct segment *init_segment(struct heap *heap, char *base, SIZE_T size,
                                    SIZE_T header, BOOL owned)
{
    struct segment *seg = (struct segment *)(base + header);
    char *first = (char *)seg + SEGMENT_HEADER_SIZE;
    SIZE_T units = ((base + size - UNIT) - first) / UNIT;

    seg->size = size;
    seg->owned = owned;
    seg->index = heap->nb_segments++;
    seg->first = (struct block *)first;
    seg->end = (struct block *)(first + units * UNIT);
    init_block(heap, seg->first, (UINT32)units, 0, 0, (UINT8)seg->index);
    init_block(heap, seg->end, 0, (UINT32)units, BLOCK_BUSY | BLOCK_END, (UINT8)seg->index);
    list_add_tail(&heap->segments, &seg->entry);
    bin_insert(heap, seg->first);
    return seg;
}

static BOOL is_growable(const struct heap *heap)
{
    return (heap->flags & HEAP_GROWABLE) != 0;
}

/* Adds a segment able to hold a block of units; called with the lock held. */
static BOOL grow_heap(struct heap *heap, SIZE_T units)
{
    SIZE_T need = SEGMENT_HEADER_SIZE + units * UNIT + UNIT;
    SIZE_T size = heap->next_segment_size;
    void *base = NULL;

    if (!is_growable(heap)) return FALSE;
    if (size < need) size = (need + VM_GRANULARITY - 1) & ~(SIZE_T)(VM_GRANULARITY - 1);
    if (NtAllocateVirtualMemory(NtCurrentProcess(), &base, 0, &size, MEM_RESERVE | MEM_COMMIT,
                                heap_protection(heap)))
        return FALSE;
    init_segment(heap, base, size, 0, TRUE);
    if (heap->next_segment_size < MAX_SEGMENT_SIZE) heap->next_segment_size *= 2;
    return TRUE;
}

static void free_region(void *base)
{
    SIZE_T size = 0;
    NtFreeVirtualMemory(NtCurrentProcess(), &base, &size, MEM_RELEASE);
}

static BOOL segment_is_empty(struct segment *seg)
{
    return !(seg->first->flags & BLOCK_BUSY) && next_block(seg->first) == seg->end;
}

static void release_segment(struct heap *heap, struct segment *seg)
{
    if (heap->spare == seg) heap->spare = NULL;
    bin_remove(heap, seg->first);
    list_remove(&seg->entry);
    free_region(seg);
}

/* The segment starting with the free block b has just become empty. One
 * empty segment is kept (so that a heap going up and down around a segment
 * boundary does not map and unmap each time); a second one is released.
 * The first segment holds the heap itself and stays. */
static void segment_emptied(struct heap *heap, struct block *b)
{
    struct segment *seg = (struct segment *)((char *)b - SEGMENT_HEADER_SIZE);

    if (seg->entry.prev == &heap->segments || !seg->owned || seg == heap->spare) return;
    if (heap->spare && segment_is_empty(heap->spare)) release_segment(heap, seg);
    else heap->spare = seg;
}

/* ---- failures ---- */

static void raise_no_memory(SIZE_T size)
{
    EXCEPTION_RECORD rec;

    __builtin_memset(&rec, 0, sizeof(rec));
    rec.ExceptionCode = STATUS_NO_MEMORY;
    rec.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
    rec.ExceptionAddress = (void *)raise_no_memory;
    rec.NumberParameters = 1;
    rec.ExceptionInformation[0] = size;
    RtlRaiseException(&rec);
}

static void *alloc_failed(ULONG flags, SIZE_T size)
{
    if (flags & HEAP_GENERATE_EXCEPTIONS) raise_no_memory(size);
    set_last_error(ERROR_NOT_ENOUGH_MEMORY);
    return NULL;
}

static struct heap *get_heap(HANDLE handle)
{
    struct heap *heap = handle;

    if (!heap || heap->signature != HEAP_SIGNATURE) return NULL;
    return heap;
}

/* The block header of a pointer we handed out, or NULL if it is not one. */
static struct block *get_block(struct heap *heap, const void *ptr)
{
    struct block *b;

    if (((ULONG_PTR)ptr & (UNIT - 1)) || (ULONG_PTR)ptr < 0x10000) return NULL;
    b = (struct block *)ptr - 1;
    if (b->check != block_check(heap, b)) return NULL;
    if ((b->flags & (BLOCK_BUSY | BLOCK_END | BLOCK_QUICK)) != BLOCK_BUSY) return NULL;
    return b;
}

/* ---- large blocks ---- */

static SIZE_T large_region_size(SIZE_T size)
{
    return (sizeof(struct large_block) + size + 0xfff) & ~(SIZE_T)0xfff;
}

static void *alloc_large(struct heap *heap, ULONG flags, SIZE_T size)
{
    SIZE_T region = large_region_size(size);
    struct large_block *large = NULL;
    BOOL locked;

    if (region < size) return NULL;
    if (NtAllocateVirtualMemory(NtCurrentProcess(), (void **)&large, 0, &region,
                                MEM_RESERVE | MEM_COMMIT, heap_protection(heap)))
        return NULL;
    /* fresh pages are zero: HEAP_ZERO_MEMORY costs nothing here */
    large->region_size = region;
    large->size = size;
    init_block(heap, &large->hdr, 0, 0, BLOCK_BUSY | BLOCK_LARGE, 0xff);
    locked = heap_enter(heap, flags);
    list_add_tail(&heap->large, &large->entry);
    heap_leave(heap, locked);
    return block_data(&large->hdr);
}

static void free_large(struct heap *heap, ULONG flags, struct block *b)
{
    struct large_block *large = large_from_block(b);
    BOOL locked = heap_enter(heap, flags);

    list_remove(&large->entry);
    heap_leave(heap, locked);
    b->check = 0;
    free_region(large);
}

/* ---- creation and destruction ---- */

static SIZE_T round_reserve(SIZE_T reserve, SIZE_T commit)
{
    if (reserve < commit) reserve = commit;
    if (!reserve) reserve = DEFAULT_RESERVE;
    if (reserve < HEAP_HEADER_SIZE + SEGMENT_HEADER_SIZE + 4 * UNIT)
        reserve = HEAP_HEADER_SIZE + SEGMENT_HEADER_SIZE + 4 * UNIT;
    return (reserve + VM_GRANULARITY - 1) & ~(SIZE_T)(VM_GRANULARITY - 1);
}

static void init_heap(struct heap *heap, ULONG flags)
{
    __builtin_memset(heap, 0, sizeof(*heap));
    heap->signature = HEAP_SIGNATURE;
    heap->flags = flags;
    heap->win_flags = flags & (HEAP_GROWABLE | HEAP_NO_SERIALIZE | HEAP_GENERATE_EXCEPTIONS);
    heap->cookie = (UINT32)((ULONG_PTR)heap >> 16) ^ COOKIE_SALT;
    list_init(&heap->segments);
    list_init(&heap->large);
}

/* Caller-supplied memory: Windows commits the reserved range as the heap
 * grows into it; we commit it at once, or use the committed part only. */
static SIZE_T commit_user_base(void *base, SIZE_T reserve, SIZE_T commit)
{
    void *addr = base;
    SIZE_T size = reserve;

    if (reserve <= commit) return commit;
    if (!NtAllocateVirtualMemory(NtCurrentProcess(), &addr, 0, &size, MEM_COMMIT, PAGE_READWRITE))
        return reserve;
    return commit;
}

PVOID NTAPI RtlCreateHeap(ULONG flags, PVOID base, SIZE_T reserve, SIZE_T commit,
                          PVOID lock, PRTL_HEAP_PARAMETERS params)
{
    SIZE_T size;
    struct heap *heap;
    BOOL owned = !base;

    (void)lock; (void)params;
    if (base)
    {
        if ((ULONG_PTR)base & (UNIT - 1)) return NULL;
        size = commit_user_base(base, reserve, commit) & ~(SIZE_T)(UNIT - 1);
        if (size < HEAP_HEADER_SIZE + SEGMENT_HEADER_SIZE + 4 * UNIT) return NULL;
        flags &= ~HEAP_GROWABLE;  /* it lives in the caller's memory only */
    }
    else
    {
        size = round_reserve(reserve, commit);
        if (NtAllocateVirtualMemory(NtCurrentProcess(), &base, 0, &size, MEM_RESERVE | MEM_COMMIT,
                                    (flags & HEAP_CREATE_ENABLE_EXECUTE) ? PAGE_EXECUTE_READWRITE
                                                                         : PAGE_READWRITE))
            return NULL;
    }
    heap = base;
    init_heap(heap, flags);
    heap->next_segment_size = size < MAX_SEGMENT_SIZE ? size * 2 : MAX_SEGMENT_SIZE;
    init_segment(heap, base, size, HEAP_HEADER_SIZE, owned);
    spin_lock(&process_heaps_lock);
    list_add_tail(&process_heaps, &heap->entry);
    spin_unlock(&process_heaps_lock);
    return heap;
}

/* Returns NULL on success and the heap on failure, as Windows does. */
PVOID NTAPI RtlDestroyHeap(PVOID handle)
{
    struct heap *heap = get_heap(handle);
    struct list *l, *next;
    struct segment *first;

    if (!heap || handle == PROCESS_HEAP()) return handle;
    spin_lock(&process_heaps_lock);
    list_remove(&heap->entry);
    spin_unlock(&process_heaps_lock);
    heap->signature = 0;
    for (l = heap->large.next; l != &heap->large; l = next)
    {
        next = l->next;
        free_region(l);
    }
    first = (struct segment *)heap->segments.next;
    for (l = first->entry.next; l != &heap->segments; l = next)
    {
        next = l->next;
        free_region(l);  /* other segments start with their header */
    }
    if (first->owned) free_region(heap);
    return NULL;
}

/* ---- allocation ---- */

/* Block units for size bytes of data, or 0 if it cannot be a heap block. */
static SIZE_T size_to_units(SIZE_T size)
{
    SIZE_T units;

    if (size > ((SIZE_T)1 << 35)) return 0;  /* units must fit in 32 bits */
    units = (size + sizeof(struct block) + UNIT - 1) / UNIT;
    return units < MIN_BLOCK_UNITS ? MIN_BLOCK_UNITS : units;
}

static BOOL use_large(const struct heap *heap, SIZE_T size)
{
    return size >= LARGE_THRESHOLD && is_growable(heap);
}

static struct block *alloc_block(struct heap *heap, ULONG flags, SIZE_T size, SIZE_T units)
{
    BOOL locked = heap_enter(heap, flags);
    struct block *b = units < NB_EXACT_BINS ? quick_pop(heap, units) : NULL;

    if (!b) b = find_free(heap, units);
    if (!b && flush_quick(heap)) b = find_free(heap, units);
    if (!b && grow_heap(heap, units)) b = find_free(heap, units);
    if (b)
    {
        split_block(heap, b, units);
        mark_busy(b, size);
    }
    heap_leave(heap, locked);
    return b;
}

PVOID NTAPI RtlAllocateHeap(PVOID handle, ULONG flags, SIZE_T size)
{
    struct heap *heap = get_heap(handle);
    SIZE_T units;
    struct block *b;
    void *ptr;

    if (!heap) return NULL;
    flags |= heap->flags & HEAP_CALL_FLAGS;
    if (use_large(heap, size))
    {
        if (!(ptr = alloc_large(heap, flags, size))) return alloc_failed(flags, size);
        return ptr;
    }
    if (!(units = size_to_units(size)) || !(b = alloc_block(heap, flags, size, units)))
        return alloc_failed(flags, size);
    ptr = block_data(b);
    if (flags & HEAP_ZERO_MEMORY) __builtin_memset(ptr, 0, size);
    return ptr;
}

BOOLEAN NTAPI RtlFreeHeap(PVOID handle, ULONG flags, PVOID ptr)
{
    struct heap *heap = get_heap(handle);
    struct block *b;
    BOOL locked;

    if (!ptr) return TRUE;
    /* Windows leaves the last error alone here (kernel32 heap tests) */
    if (!heap || !(b = get_block(heap, ptr))) return FALSE;
    flags |= heap->flags & HEAP_CALL_FLAGS;
    if (b->flags & BLOCK_LARGE)
    {
        free_large(heap, flags, b);
        return TRUE;
    }
    locked = heap_enter(heap, flags);
    if (!quick_push(heap, b)) release_block(heap, b);
    heap_leave(heap, locked);
    return TRUE;
}

static SIZE_T block_size(struct block *b)
{
    if (b->flags & BLOCK_LARGE) return large_from_block(b)->size;
    return (SIZE_T)b->size * UNIT - sizeof(struct block) - b->unused;
}

SIZE_T NTAPI RtlSizeHeap(PVOID handle, ULONG flags, PVOID ptr)
{
    struct heap *heap = get_heap(handle);
    struct block *b;

    (void)flags;
    if (!heap || !(b = get_block(heap, ptr)))
    {
        set_last_error(ERROR_INVALID_PARAMETER);
        return ~(SIZE_T)0;
    }
    return block_size(b);
}

/* ---- reallocation ---- */

/* Units b would span after absorbing the free and parked blocks behind it
 * (stops counting once it reaches units). */
static SIZE_T room_behind(struct block *b, SIZE_T units)
{
    SIZE_T room = b->size;
    struct block *next = next_block(b);

    while (room < units && (!(next->flags & BLOCK_BUSY) || (next->flags & BLOCK_QUICK)))
    {
        room += next->size;
        next = next_block(next);
    }
    return room;
}

/* Grows b over the blocks behind it; room_behind said there is enough. */
static void absorb_behind(struct heap *heap, struct block *b, SIZE_T units)
{
    struct block *next;

    while (b->size < units)
    {
        next = next_block(b);
        if (next->flags & BLOCK_QUICK)
        {
            quick_unpark(heap, next);  /* now free, merged with what follows */
            continue;
        }
        bin_remove(heap, next);
        b->size += next->size;
        next->check = 0;
        next_block(b)->prev_size = b->size;  /* quick_unpark looks back through it */
    }
}

/* Resizes a small block without moving it; FALSE if there is no room behind it. */
static BOOL resize_in_place(struct heap *heap, ULONG flags, struct block *b, SIZE_T size)
{
    SIZE_T units = size_to_units(size);
    BOOL locked, done = FALSE;

    if (!units || use_large(heap, size)) return FALSE;
    locked = heap_enter(heap, flags);
    if (units > b->size && room_behind(b, units) >= units) absorb_behind(heap, b, units);
    if (units <= b->size)
    {
        split_block(heap, b, units);
        mark_busy(b, size);
        done = TRUE;
    }
    heap_leave(heap, locked);
    return done;
}

static BOOL resize_large_in_place(ULONG flags, struct block *b, SIZE_T size)
{
    struct large_block *large = large_from_block(b);

    if (large_region_size(size) > large->region_size) return FALSE;
    /* a block that became small moves back into the heap unless it must stay */
    if (size < LARGE_THRESHOLD / 2 && !(flags & HEAP_REALLOC_IN_PLACE_ONLY)) return FALSE;
    large->size = size;
    return TRUE;
}

static void *move_block(struct heap *heap, ULONG flags, struct block *b, SIZE_T size)
{
    SIZE_T old = block_size(b);
    void *ptr = RtlAllocateHeap(heap, flags & ~(HEAP_ZERO_MEMORY | HEAP_GENERATE_EXCEPTIONS), size);

    if (!ptr) return NULL;
    __builtin_memcpy(ptr, block_data(b), old < size ? old : size);
    RtlFreeHeap(heap, flags, block_data(b));
    return ptr;
}

PVOID NTAPI RtlReAllocateHeap(PVOID handle, ULONG flags, PVOID ptr, SIZE_T size)
{
    struct heap *heap = get_heap(handle);
    struct block *b;
    SIZE_T old;
    void *ret;
    BOOL in_place;

    if (!ptr)
    {
        set_last_error(ERROR_SUCCESS);  /* what Windows does (kernel32 heap tests) */
        return NULL;
    }
    if (!heap || !(b = get_block(heap, ptr)))
    {
        set_last_error(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    flags |= heap->flags & HEAP_CALL_FLAGS;
    old = block_size(b);
    if (b->flags & BLOCK_LARGE) in_place = resize_large_in_place(flags, b, size);
    else in_place = resize_in_place(heap, flags, b, size);
    if (in_place) ret = ptr;
    else if (flags & HEAP_REALLOC_IN_PLACE_ONLY) ret = NULL;
    else ret = move_block(heap, flags, b, size);
    if (!ret) return alloc_failed(flags, size);
    if ((flags & HEAP_ZERO_MEMORY) && size > old)
        __builtin_memset((char *)ret + old, 0, size - old);
    return ret;
}

/* ---- locking, validation, compaction ---- */

BOOLEAN NTAPI RtlLockHeap(PVOID handle)
{
    struct heap *heap = get_heap(handle);
    DWORD tid = current_tid();

    if (!heap) return FALSE;
    if (heap->lock.owner != tid)
    {
        lock_acquire(&heap->lock);
        heap->lock.owner = tid;
    }
    heap->lock.recursion++;
    return TRUE;
}

BOOLEAN NTAPI RtlUnlockHeap(PVOID handle)
{
    struct heap *heap = get_heap(handle);

    if (!heap || heap->lock.owner != current_tid()) return FALSE;
    if (--heap->lock.recursion) return TRUE;
    heap->lock.owner = 0;
    lock_release(&heap->lock);
    return TRUE;
}

/* What the physical walk found, to be matched against bins and quick lists. */
struct free_counts
{
    SIZE_T free;    /* free blocks: each must be in its bin */
    SIZE_T quick;   /* parked blocks: each must be on its quick list */
};

static BOOL validate_free_block(struct heap *heap, struct block *b, struct free_counts *counts)
{
    struct block *next = next_block(b);
    struct free_links *links = block_links(b);

    counts->free++;
    if (b->size < MIN_BLOCK_UNITS) return FALSE;
    if (!(next->flags & BLOCK_BUSY)) return FALSE;  /* two free neighbours should have merged */
    if (links->next && block_links(links->next)->prev != b) return FALSE;
    return links->prev ? block_links(links->prev)->next == b : heap->bins[bin_index(b->size)] == b;
}

static BOOL validate_segment(struct heap *heap, struct segment *seg, struct free_counts *counts)
{
    struct block *b = seg->first, *prev = NULL;

    while (b < seg->end)
    {
        if (b->check != block_check(heap, b) || !b->size) return FALSE;
        if (b->prev_size != (prev ? prev->size : 0)) return FALSE;
        if (!(b->flags & BLOCK_BUSY) && !validate_free_block(heap, b, counts)) return FALSE;
        if ((b->flags & BLOCK_QUICK) && (counts->quick++, b->size >= NB_EXACT_BINS)) return FALSE;
        prev = b;
        b = next_block(b);
    }
    return b == seg->end && b->check == block_check(heap, b) && b->prev_size == prev->size;
}

static BOOL validate_bins(struct heap *heap, SIZE_T nb_free)
{
    struct block *b;
    UINT idx;

    for (idx = 0; idx < NB_BINS; idx++)
    {
        BOOL bit = (heap->bitmap[idx / 64] >> (idx % 64)) & 1;
        if (bit != (heap->bins[idx] != NULL)) return FALSE;
        for (b = heap->bins[idx]; b; b = block_links(b)->next)
        {
            if ((b->flags & BLOCK_BUSY) || bin_index(b->size) != idx) return FALSE;
            if (!nb_free--) return FALSE;  /* more than the walk found: a loop or a stray */
        }
    }
    return nb_free == 0;
}

static BOOL validate_quick(struct heap *heap, SIZE_T nb_quick)
{
    struct block *b;
    UINT i, count;

    for (i = 0; i < NB_EXACT_BINS; i++)
    {
        for (b = heap->quick[i], count = 0; b && count <= QUICK_DEPTH; count++)
        {
            if (b->size != i || b->flags != (BLOCK_BUSY | BLOCK_QUICK)) return FALSE;
            b = block_links(b)->next;
        }
        if (b || count != heap->quick_count[i] || nb_quick < count) return FALSE;
        nb_quick -= count;
    }
    return nb_quick == 0;
}

static BOOL validate_heap(struct heap *heap)
{
    struct list *l;
    struct free_counts counts = { 0, 0 };

    for (l = heap->segments.next; l != &heap->segments; l = l->next)
        if (!validate_segment(heap, (struct segment *)l, &counts)) return FALSE;
    for (l = heap->large.next; l != &heap->large; l = l->next)
    {
        struct block *b = &((struct large_block *)l)->hdr;
        if (b->check != block_check(heap, b) || !(b->flags & BLOCK_BUSY)) return FALSE;
    }
    return validate_bins(heap, counts.free) && validate_quick(heap, counts.quick);
}

static struct segment *find_segment(struct heap *heap, const void *ptr);
static struct large_block *find_large(struct heap *heap, const void *ptr);

/* Unlike the hot paths, validation looks the pointer up before reading its
 * header: HeapValidate of any pointer must not crash (kernel32 heap tests). */
static BOOL owns_pointer(struct heap *heap, const void *ptr)
{
    return find_segment(heap, (const char *)ptr - sizeof(struct block)) || find_large(heap, ptr);
}

BOOLEAN NTAPI RtlValidateHeap(PVOID handle, ULONG flags, PVOID ptr)
{
    struct heap *heap = get_heap(handle);
    BOOL locked, ret;

    if (!heap) return FALSE;
    locked = heap_enter(heap, flags | (heap->flags & HEAP_CALL_FLAGS));
    if (ptr) ret = owns_pointer(heap, ptr) && get_block(heap, ptr);
    else ret = validate_heap(heap);
    heap_leave(heap, locked);
    return ret;
}

/* Gives empty segments (never the first) back to the system; returns the
 * largest free block, as Windows does. */
SIZE_T NTAPI RtlCompactHeap(PVOID handle, ULONG flags)
{
    struct heap *heap = get_heap(handle);
    struct list *l, *next;
    struct block *b;
    SIZE_T largest = 0;
    BOOL locked;

    if (!heap) return 0;
    locked = heap_enter(heap, flags | (heap->flags & HEAP_CALL_FLAGS));
    flush_quick(heap);
    for (l = heap->segments.next->next; l != &heap->segments; l = next)
    {
        struct segment *seg = (struct segment *)l;
        next = l->next;
        if (seg->owned && segment_is_empty(seg)) release_segment(heap, seg);
    }
    for (l = heap->segments.next; l != &heap->segments; l = l->next)
        for (b = ((struct segment *)l)->first; !(b->flags & BLOCK_END); b = next_block(b))
            if (!(b->flags & BLOCK_BUSY) && (SIZE_T)b->size * UNIT > largest)
                largest = (SIZE_T)b->size * UNIT;
    heap_leave(heap, locked);
    return largest;
}

/* ---- walking ---- */

static struct segment *find_segment(struct heap *heap, const void *ptr)
{
    struct list *l;

    for (l = heap->segments.next; l != &heap->segments; l = l->next)
    {
        struct segment *seg = (struct segment *)l;
        if ((char *)ptr >= (char *)seg->first && (char *)ptr < (char *)seg->end) return seg;
    }
    return NULL;
}

static struct large_block *find_large(struct heap *heap, const void *ptr)
{
    struct list *l;

    for (l = heap->large.next; l != &heap->large; l = l->next)
        if (block_data(&((struct large_block *)l)->hdr) == ptr) return (struct large_block *)l;
    return NULL;
}

static void *segment_base(struct heap *heap, struct segment *seg)
{
    return seg->entry.prev == &heap->segments ? (void *)heap : (void *)seg;
}

static struct segment *segment_from_base(struct heap *heap, void *base)
{
    struct list *l;

    for (l = heap->segments.next; l != &heap->segments; l = l->next)
        if (segment_base(heap, (struct segment *)l) == base) return (struct segment *)l;
    return NULL;
}

static void report_region(struct heap *heap, struct segment *seg, PROCESS_HEAP_ENTRY *entry)
{
    char *base = segment_base(heap, seg);

    /* as on Windows: cbData covers the headers, lpFirstBlock is the first
     * block's data, lpLastBlock the end of the region */
    entry->lpData = base;
    entry->cbData = (DWORD)((char *)seg->first - base);
    entry->cbOverhead = 0;
    entry->iRegionIndex = (BYTE)seg->index;
    entry->wFlags = PROCESS_HEAP_REGION;
    entry->Region.dwCommittedSize = (DWORD)seg->size;
    entry->Region.dwUnCommittedSize = 0;
    entry->Region.lpFirstBlock = block_data(seg->first);
    entry->Region.lpLastBlock = base + seg->size;
}

/* Windows counts the block header apart from cbOverhead for busy blocks:
 * the next entry is at lpData + cbData + cbOverhead + 16. */
static void report_block(struct block *b, BYTE region, PROCESS_HEAP_ENTRY *entry)
{
    entry->lpData = block_data(b);
    entry->iRegionIndex = region;
    __builtin_memset(&entry->Block, 0, sizeof(entry->Block));
    if ((b->flags & (BLOCK_BUSY | BLOCK_QUICK)) == BLOCK_BUSY)
    {
        entry->cbData = (DWORD)block_size(b);
        entry->cbOverhead = (BYTE)(b->flags & BLOCK_LARGE ? 0 : b->unused);
        entry->wFlags = PROCESS_HEAP_ENTRY_BUSY;
    }
    else
    {
        entry->cbData = (DWORD)((SIZE_T)b->size * UNIT - sizeof(struct block));
        entry->cbOverhead = sizeof(struct block);
        entry->wFlags = 0;
    }
}

/* The entry after the end of segment seg (NULL: from the start). */
static NTSTATUS walk_next_segment(struct heap *heap, struct segment *seg, PROCESS_HEAP_ENTRY *entry)
{
    struct list *l = seg ? seg->entry.next : heap->segments.next;

    if (l != &heap->segments)
    {
        report_region(heap, (struct segment *)l, entry);
        return STATUS_SUCCESS;
    }
    if (list_empty(&heap->large)) return STATUS_NO_MORE_ENTRIES;
    report_block(&((struct large_block *)heap->large.next)->hdr, LARGE_REGION_INDEX, entry);
    return STATUS_SUCCESS;
}

static NTSTATUS walk_step(struct heap *heap, PROCESS_HEAP_ENTRY *entry)
{
    struct segment *seg;
    struct large_block *large;
    struct block *b;

    if (!entry->lpData) return walk_next_segment(heap, NULL, entry);
    if (entry->wFlags & PROCESS_HEAP_REGION)
    {
        if (!(seg = segment_from_base(heap, entry->lpData))) return STATUS_INVALID_PARAMETER;
        report_block(seg->first, (BYTE)seg->index, entry);
        return STATUS_SUCCESS;
    }
    if ((seg = find_segment(heap, entry->lpData)))
    {
        b = (struct block *)entry->lpData - 1;
        if (b->check != block_check(heap, b)) return STATUS_INVALID_PARAMETER;  /* stale entry */
        b = next_block(b);
        if (b->flags & BLOCK_END) return walk_next_segment(heap, seg, entry);
        report_block(b, (BYTE)seg->index, entry);
        return STATUS_SUCCESS;
    }
    if (!(large = find_large(heap, entry->lpData))) return STATUS_INVALID_PARAMETER;
    if (large->entry.next == &heap->large) return STATUS_NO_MORE_ENTRIES;
    report_block(&((struct large_block *)large->entry.next)->hdr, LARGE_REGION_INDEX, entry);
    return STATUS_SUCCESS;
}

/* Entries are PROCESS_HEAP_ENTRY, the layout kernel32's HeapWalk hands out:
 * start with lpData NULL; STATUS_NO_MORE_ENTRIES after the last one. */
NTSTATUS NTAPI RtlWalkHeap(PVOID handle, PVOID entry_ptr)
{
    struct heap *heap = get_heap(handle);
    PROCESS_HEAP_ENTRY *entry = entry_ptr;
    NTSTATUS status;
    BOOL locked;

    if (!heap || !entry) return STATUS_INVALID_PARAMETER;
    locked = heap_enter(heap, heap->flags & HEAP_CALL_FLAGS);
    status = walk_step(heap, entry);
    heap_leave(heap, locked);
    return status;
}

/* ---- process-wide queries ---- */

/* Returns how many heaps exist; fills at most count handles. */
ULONG NTAPI RtlGetProcessHeaps(ULONG count, PVOID *heaps)
{
    struct list *l;
    ULONG total = 0;

    spin_lock(&process_heaps_lock);
    for (l = process_heaps.next; l != &process_heaps; l = l->next, total++)
        if (total < count) heaps[total] = (char *)l - FIELD_OFFSET(struct heap, entry);
    spin_unlock(&process_heaps_lock);
    return total;
}

/* The LFH cannot be enabled on serialize-free or fixed-size heaps (MSDN,
 * HeapSetInformation); lookaside lists (1) no longer exist since Vista. */
static NTSTATUS set_compat(struct heap *heap, const void *info, SIZE_T len)
{
    ULONG value;

    if (!heap) return STATUS_ACCESS_VIOLATION;
    if (len < sizeof(ULONG)) return STATUS_BUFFER_TOO_SMALL;
    value = *(const ULONG *)info;
    if (value == 2 && !(heap->flags & HEAP_NO_SERIALIZE) && is_growable(heap)) heap->compat = 2;
    else if (value != 0 || heap->compat) return STATUS_UNSUCCESSFUL;
    return STATUS_SUCCESS;
}

/* mingw's winnt.h declares these two as returning DWORD; the value is an NTSTATUS. */
DWORD NTAPI RtlSetHeapInformation(PVOID handle, HEAP_INFORMATION_CLASS cls, PVOID info, SIZE_T len)
{
    switch ((int)cls)
    {
    case HeapCompatibilityInformation:
        return set_compat(get_heap(handle), info, len);
    case HeapEnableTerminationOnCorruption:
    case HEAP_INFO_OPTIMIZE_RESOURCES:
        return STATUS_SUCCESS;
    default:
        return STATUS_INVALID_PARAMETER;
    }
}

DWORD NTAPI RtlQueryHeapInformation(PVOID handle, HEAP_INFORMATION_CLASS cls, PVOID info,
                                       SIZE_T len, PSIZE_T ret_len)
{
    struct heap *heap = get_heap(handle);

    if ((int)cls != HeapCompatibilityInformation) return STATUS_INVALID_PARAMETER;
    if (!heap) return STATUS_ACCESS_VIOLATION;  /* ERROR_NOACCESS on Windows */
    if (ret_len) *ret_len = sizeof(ULONG);
    if (len < sizeof(ULONG)) return STATUS_BUFFER_TOO_SMALL;
    *(ULONG *)info = heap->compat;
    return STATUS_SUCCESS;
}
