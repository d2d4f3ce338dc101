/*
 * ntdll/fls.c — fiber local storage (RtlFls*; kernel32's FlsAlloc & co.).
 *
 * Like TLS slots, but each slot may have a callback that runs on a thread's
 * non-NULL value when the thread ends and, for every thread, when the slot
 * is freed. The MSVC runtime keeps its per-thread data this way. wlx has no
 * fibers yet, so a thread's FLS is its own.
 *
 * A thread's values live in chunks of FLS_CHUNK slots, allocated on first
 * use and reached from TEB->FlsData; every thread's data is on one list so
 * that freeing a slot can reach all values.
 */
#include "private.h"
#include "loader.h"

#define TEB_FLS_DATA 0x17c8          /* TEB->FlsData on x64 */
#define FLS_MAX      4080            /* FLS_MAXIMUM_AVAILABLE */
#define FLS_CHUNK    64
#define FLS_CHUNKS   ((FLS_MAX + FLS_CHUNK - 1) / FLS_CHUNK)

struct fls_data
{
    LIST_ENTRY entry;
    void **chunks[FLS_CHUNKS];
};

void NTAPI RtlAcquireSRWLockExclusive(RTL_SRWLOCK *);
void NTAPI RtlReleaseSRWLockExclusive(RTL_SRWLOCK *);
BOOLEAN NTAPI RtlFreeHeap(HANDLE, ULONG, PVOID);

static inline void list_add_tail(LIST_ENTRY *head, LIST_ENTRY *e)
{
    e->Flink = head;
    e->Blink = head->Blink;
    head->Blink->Flink = e;
    head->Blink = e;
}

static inline void list_remove(LIST_ENTRY *e)
{
    e->Blink->Flink = e->Flink;
    e->Flink->Blink = e->Blink;
}

static RTL_SRWLOCK fls_lock;         /* all zero: ready */
static LIST_ENTRY fls_threads = { &fls_threads, &fls_threads };
static PFLS_CALLBACK_FUNCTION fls_callbacks[FLS_MAX];
static BYTE fls_used[FLS_MAX];       /* index 0 is never handed out */

static struct fls_data *current_data(void) { return TEB_FIELD(struct fls_data *, TEB_FLS_DATA); }

NTSTATUS NTAPI RtlFlsAlloc(PFLS_CALLBACK_FUNCTION callback, ULONG *index)
{
    NTSTATUS status = STATUS_NO_MEMORY;
    RtlAcquireSRWLockExclusive(&fls_lock);
    for (ULONG i = 1; i < FLS_MAX; i++)
    {
        if (fls_used[i]) continue;
        fls_used[i] = 1;
        fls_callbacks[i] = callback;
        *index = i;
        status = STATUS_SUCCESS;
        break;
    }
    RtlReleaseSRWLockExclusive(&fls_lock);
    return status;
}

/* the address of the current thread's value for index; NULL when it has
   none (create: allocate the thread's data and the chunk) */
static void **value_slot(ULONG index, BOOL create)
{
    struct fls_data *data = current_data();
    void ***chunk;

    if (!data)
    {
        if (!create || !(data = RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*data)))) return NULL;
        RtlAcquireSRWLockExclusive(&fls_lock);
        list_add_tail(&fls_threads, &data->entry);
        RtlReleaseSRWLockExclusive(&fls_lock);
        TEB_FIELD(struct fls_data *, TEB_FLS_DATA) = data;
    }
    chunk = &data->chunks[index / FLS_CHUNK];
    if (!*chunk)
    {
        void **fresh;
        if (!create || !(fresh = RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, FLS_CHUNK * sizeof(void *))))
            return NULL;
        /* FlsFree may read the chunk from another thread: publish it whole */
        __atomic_store_n(chunk, fresh, __ATOMIC_RELEASE);
    }
    return &(*chunk)[index % FLS_CHUNK];
}

static BOOL valid_index(ULONG index) { return index && index < FLS_MAX && fls_used[index]; }

NTSTATUS NTAPI RtlFlsGetValue(ULONG index, void **value)
{
    void **slot;
    if (!valid_index(index)) return STATUS_INVALID_PARAMETER;
    slot = value_slot(index, FALSE);
    *value = slot ? *slot : NULL;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlFlsSetValue(ULONG index, void *value)
{
    void **slot;
    if (!valid_index(index)) return STATUS_INVALID_PARAMETER;
    if (!(slot = value_slot(index, value != NULL))) return value ? STATUS_NO_MEMORY : STATUS_SUCCESS;
    *slot = value;
    return STATUS_SUCCESS;
}

/* Frees the slot: its callback runs on each thread's non-NULL value (taken
   under the lock, called outside it: a callback may use FLS itself). */
NTSTATUS NTAPI RtlFlsFree(ULONG index)
{
    PFLS_CALLBACK_FUNCTION callback;
    void **values = NULL;
    ULONG count = 0, n = 0;
    LIST_ENTRY *l;

    RtlAcquireSRWLockExclusive(&fls_lock);
    if (!valid_index(index)) { RtlReleaseSRWLockExclusive(&fls_lock); return STATUS_INVALID_PARAMETER; }
    callback = fls_callbacks[index];
    for (l = fls_threads.Flink; l != &fls_threads; l = l->Flink) count++;
    if (callback && count) values = RtlAllocateHeap(PROCESS_HEAP(), 0, count * sizeof(void *));
    for (l = fls_threads.Flink; l != &fls_threads; l = l->Flink)
    {
        struct fls_data *data = CONTAINING_RECORD(l, struct fls_data, entry);
        void **chunk = __atomic_load_n(&data->chunks[index / FLS_CHUNK], __ATOMIC_ACQUIRE);
        if (!chunk || !chunk[index % FLS_CHUNK]) continue;
        if (values) values[n++] = chunk[index % FLS_CHUNK];
        chunk[index % FLS_CHUNK] = NULL;
    }
    fls_used[index] = 0;
    fls_callbacks[index] = NULL;
    RtlReleaseSRWLockExclusive(&fls_lock);
    for (ULONG i = 0; i < n; i++) callback(values[i]);
    if (values) RtlFreeHeap(PROCESS_HEAP(), 0, values);
    return STATUS_SUCCESS;
}

/* Runs the callbacks of one FLS data block's non-NULL values (flags & 1)
   and/or frees it (flags & 2): a thread's end, or DeleteFiber on a fiber's
   own block (kernel32 keeps each fiber's block and swaps TEB->FlsData). */
void NTAPI RtlProcessFlsData(void *ptr, ULONG flags)
{
    struct fls_data *data = ptr;
    if (!data) return;
    if (flags & 1)
        for (ULONG i = 1; i < FLS_MAX; i++)
        {
            void **chunk = data->chunks[i / FLS_CHUNK];
            PFLS_CALLBACK_FUNCTION callback;
            void *value;
            if (!chunk) { i += FLS_CHUNK - 1 - i % FLS_CHUNK; continue; }
            if (!(value = chunk[i % FLS_CHUNK])) continue;
            chunk[i % FLS_CHUNK] = NULL;
            RtlAcquireSRWLockExclusive(&fls_lock);
            callback = fls_used[i] ? fls_callbacks[i] : NULL;
            RtlReleaseSRWLockExclusive(&fls_lock);
            if (callback) callback(value);
        }
    if (flags & 2)
    {
        RtlAcquireSRWLockExclusive(&fls_lock);
        list_remove(&data->entry);
        RtlReleaseSRWLockExclusive(&fls_lock);
        if (current_data() == data) TEB_FIELD(struct fls_data *, TEB_FLS_DATA) = NULL;
        for (int c = 0; c < FLS_CHUNKS; c++) if (data->chunks[c]) RtlFreeHeap(PROCESS_HEAP(), 0, data->chunks[c]);
        RtlFreeHeap(PROCESS_HEAP(), 0, data);
    }
}

/* The current thread is ending: run the callbacks of its non-NULL values,
   then drop its data. */
void fls_thread_exit(void)
{
    RtlProcessFlsData(current_data(), 1 | 2);
}
