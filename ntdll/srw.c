/*
 * ntdll/srw.c — the in-process synchronization primitives that need no
 * kernel object: SRW locks, condition variables, WaitOnAddress, run-once
 * (InitOnce) and interlocked singly linked lists (SList).
 *
 * All of them are futexes on the caller's own memory: the fast paths are a
 * few atomic instructions on the PE side; only a thread that must sleep or
 * wake another crosses the door (__wlx_futex_wait/__wlx_futex_wake).
 */
#include "private.h"

typedef struct _RTL_RUN_ONCE_ { PVOID Ptr; } WLX_RUN_ONCE;
typedef DWORD (CALLBACK *WLX_RUN_ONCE_FN)(WLX_RUN_ONCE *, PVOID, PVOID *);

#define RUN_ONCE_CHECK_ONLY  0x1
#define RUN_ONCE_ASYNC       0x2
#define RUN_ONCE_INIT_FAILED 0x4

/* the futex word of a pointer-sized primitive: its low 32 bits */
static volatile LONG *word(void *p) { return (volatile LONG *)p; }

static LARGE_INTEGER *ms_to_timeout(LARGE_INTEGER *t, DWORD ms)
{
    if (ms == INFINITE) return NULL;
    t->QuadPart = (LONGLONG)ms * -10000;
    return t;
}

/* --- SRW locks ------------------------------------------------------------
   Low 32 bits of the pointer: bit 0 held exclusively, bit 1 someone sleeps,
   bits 2.. the number of shared holders. A release that sees bit 1 clears
   it and wakes every sleeper; those that still cannot enter set it again.
   Shared holders enter whenever no exclusive holder is inside. */
#define SRW_EXCL    1
#define SRW_WAITING 2
#define SRW_SHARED  4

void NTAPI RtlInitializeSRWLock(RTL_SRWLOCK *lock)
{
    lock->Ptr = NULL;
}

static void srw_sleep(volatile LONG *w, LONG v)
{
    if ((v & SRW_WAITING) || __sync_bool_compare_and_swap(w, v, v | SRW_WAITING))
        __wlx_futex_wait(w, v | SRW_WAITING, NULL);
}

void NTAPI RtlAcquireSRWLockExclusive(RTL_SRWLOCK *lock)
{
    volatile LONG *w = word(lock);
    if (__sync_bool_compare_and_swap(w, 0, SRW_EXCL)) return;
    for (;;)
    {
        LONG v = *w;
        /* a thread that slept keeps the waiting bit set: others may sleep too */
        if (!(v & ~SRW_WAITING))
        {
            if (__sync_bool_compare_and_swap(w, v, SRW_EXCL | SRW_WAITING)) return;
            continue;
        }
        srw_sleep(w, v);
    }
}

void NTAPI RtlAcquireSRWLockShared(RTL_SRWLOCK *lock)
{
    volatile LONG *w = word(lock);
    for (;;)
    {
        LONG v = *w;
        if (!(v & SRW_EXCL))
        {
            if (__sync_bool_compare_and_swap(w, v, v + SRW_SHARED)) return;
            continue;
        }
        srw_sleep(w, v);
    }
}

BOOLEAN NTAPI RtlTryAcquireSRWLockExclusive(RTL_SRWLOCK *lock)
{
    volatile LONG *w = word(lock);
    LONG v = *w;
    return !(v & ~SRW_WAITING) && __sync_bool_compare_and_swap(w, v, v | SRW_EXCL);
}

BOOLEAN NTAPI RtlTryAcquireSRWLockShared(RTL_SRWLOCK *lock)
{
    volatile LONG *w = word(lock);
    for (;;)
    {
        LONG v = *w;
        if (v & SRW_EXCL) return FALSE;
        if (__sync_bool_compare_and_swap(w, v, v + SRW_SHARED)) return TRUE;
    }
}

void NTAPI RtlReleaseSRWLockExclusive(RTL_SRWLOCK *lock)
{
    volatile LONG *w = word(lock);
    if (__atomic_exchange_n(w, 0, __ATOMIC_RELEASE) & SRW_WAITING) __wlx_futex_wake(w, 0x7fffffff);
}

void NTAPI RtlReleaseSRWLockShared(RTL_SRWLOCK *lock)
{
    volatile LONG *w = word(lock);
    LONG v = __atomic_sub_fetch(w, SRW_SHARED, __ATOMIC_RELEASE);
    /* the last reader out wakes the sleepers (writers) */
    if (v == SRW_WAITING && __sync_bool_compare_and_swap(w, SRW_WAITING, 0))
        __wlx_futex_wake(w, 0x7fffffff);
}

/* --- condition variables ----------------------------------------------------
   Low 32 bits: a sequence number every wake bumps; high 32 bits: the number
   of sleepers, so that a wake with nobody asleep stays on the PE side. */

void NTAPI RtlInitializeConditionVariable(RTL_CONDITION_VARIABLE *cv)
{
    cv->Ptr = NULL;
}

static volatile LONG *cv_seq(RTL_CONDITION_VARIABLE *cv) { return (volatile LONG *)cv; }
static volatile LONG *cv_sleepers(RTL_CONDITION_VARIABLE *cv) { return (volatile LONG *)cv + 1; }

static void cv_wake(RTL_CONDITION_VARIABLE *cv, int count)
{
    __atomic_add_fetch(cv_seq(cv), 1, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(cv_sleepers(cv), __ATOMIC_SEQ_CST)) __wlx_futex_wake(cv_seq(cv), count);
}

void NTAPI RtlWakeConditionVariable(RTL_CONDITION_VARIABLE *cv) { cv_wake(cv, 1); }
void NTAPI RtlWakeAllConditionVariable(RTL_CONDITION_VARIABLE *cv) { cv_wake(cv, 0x7fffffff); }

/* registered as a sleeper before the lock is released: a wake that comes
   after the release changes seq, and the futex wait then returns at once */
static LONG cv_prepare(RTL_CONDITION_VARIABLE *cv)
{
    __atomic_add_fetch(cv_sleepers(cv), 1, __ATOMIC_SEQ_CST);
    return __atomic_load_n(cv_seq(cv), __ATOMIC_SEQ_CST);
}

static NTSTATUS cv_sleep(RTL_CONDITION_VARIABLE *cv, LONG seq, const LARGE_INTEGER *timeout)
{
    NTSTATUS status = __wlx_futex_wait(cv_seq(cv), seq, timeout);
    __atomic_sub_fetch(cv_sleepers(cv), 1, __ATOMIC_SEQ_CST);
    return status == STATUS_TIMEOUT ? STATUS_TIMEOUT : STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlSleepConditionVariableCS(RTL_CONDITION_VARIABLE *cv, RTL_CRITICAL_SECTION *cs,
                                           const LARGE_INTEGER *timeout)
{
    LONG seq = cv_prepare(cv);
    RtlLeaveCriticalSection(cs);
    NTSTATUS status = cv_sleep(cv, seq, timeout);
    RtlEnterCriticalSection(cs);
    return status;
}

NTSTATUS NTAPI RtlSleepConditionVariableSRW(RTL_CONDITION_VARIABLE *cv, RTL_SRWLOCK *lock,
                                            const LARGE_INTEGER *timeout, ULONG flags)
{
    int shared = flags & CONDITION_VARIABLE_LOCKMODE_SHARED;
    LONG seq = cv_prepare(cv);
    if (shared) RtlReleaseSRWLockShared(lock);
    else RtlReleaseSRWLockExclusive(lock);
    NTSTATUS status = cv_sleep(cv, seq, timeout);
    if (shared) RtlAcquireSRWLockShared(lock);
    else RtlAcquireSRWLockExclusive(lock);
    return status;
}

/* --- WaitOnAddress ------------------------------------------------------------
   Addresses hash to buckets, each a sequence number and a sleeper count;
   waking an address wakes its whole bucket (WaitOnAddress may return
   spuriously: callers compare the value again). */
#define ADDR_BUCKETS 256
static struct { volatile LONG seq, sleepers; } addr_buckets[ADDR_BUCKETS];

static unsigned addr_bucket(const volatile void *addr)
{
    ULONG_PTR a = (ULONG_PTR)addr;
    return (unsigned)((a >> 3) ^ (a >> 11) ^ (a >> 19)) % ADDR_BUCKETS;
}

static int addr_equal(const volatile void *addr, const void *cmp, SIZE_T size)
{
    switch (size)
    {
    case 1: return *(const volatile BYTE *)addr == *(const BYTE *)cmp;
    case 2: return *(const volatile WORD *)addr == *(const WORD *)cmp;
    case 4: return *(const volatile DWORD *)addr == *(const DWORD *)cmp;
    default: return *(const volatile ULONGLONG *)addr == *(const ULONGLONG *)cmp;
    }
}

NTSTATUS NTAPI RtlWaitOnAddress(const volatile void *addr, const void *cmp, SIZE_T size,
                                const LARGE_INTEGER *timeout)
{
    if (size != 1 && size != 2 && size != 4 && size != 8) return STATUS_INVALID_PARAMETER;
    unsigned b = addr_bucket(addr);
    __atomic_add_fetch(&addr_buckets[b].sleepers, 1, __ATOMIC_SEQ_CST);
    LONG seq = __atomic_load_n(&addr_buckets[b].seq, __ATOMIC_SEQ_CST);
    NTSTATUS status = STATUS_SUCCESS;
    if (addr_equal(addr, cmp, size))
        status = __wlx_futex_wait(&addr_buckets[b].seq, seq, timeout) == STATUS_TIMEOUT ? STATUS_TIMEOUT : STATUS_SUCCESS;
    __atomic_sub_fetch(&addr_buckets[b].sleepers, 1, __ATOMIC_SEQ_CST);
    return status;
}

static void addr_wake(const void *addr)
{
    unsigned b = addr_bucket(addr);
    __atomic_add_fetch(&addr_buckets[b].seq, 1, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&addr_buckets[b].sleepers, __ATOMIC_SEQ_CST))
        __wlx_futex_wake(&addr_buckets[b].seq, 0x7fffffff);
}

void NTAPI RtlWakeAddressAll(const void *addr) { addr_wake(addr); }
void NTAPI RtlWakeAddressSingle(const void *addr) { addr_wake(addr); }

/* --- run once -----------------------------------------------------------------
   The pointer's low two bits: 0 not run, 1 running, 2 done (the rest is the
   context the initializer left). Threads that find it running sleep on the
   low 32 bits until it is done or has failed. */
#define ONCE_RUNNING 1
#define ONCE_DONE    2

void NTAPI RtlRunOnceInitialize(WLX_RUN_ONCE *once)
{
    once->Ptr = NULL;
}

NTSTATUS NTAPI RtlRunOnceBeginInitialize(WLX_RUN_ONCE *once, ULONG flags, PVOID *context)
{
    if (flags & ~(RUN_ONCE_CHECK_ONLY | RUN_ONCE_ASYNC)) return STATUS_INVALID_PARAMETER;
    for (;;)
    {
        ULONG_PTR v = (ULONG_PTR)__atomic_load_n(&once->Ptr, __ATOMIC_ACQUIRE);
        if ((v & 3) == ONCE_DONE)
        {
            if (context) *context = (PVOID)(v & ~(ULONG_PTR)3);
            return STATUS_SUCCESS;
        }
        if (flags & RUN_ONCE_CHECK_ONLY) return STATUS_UNSUCCESSFUL;
        if (flags & RUN_ONCE_ASYNC)
        {
            /* several threads may run the initializer; the first Complete wins */
            if (v == 0 || v == 3) { __sync_bool_compare_and_swap((ULONG_PTR *)&once->Ptr, 0, 3); return STATUS_PENDING; }
            return STATUS_INVALID_PARAMETER;
        }
        if (v == 0)
        {
            if (__sync_bool_compare_and_swap((ULONG_PTR *)&once->Ptr, 0, ONCE_RUNNING)) return STATUS_PENDING;
            continue;
        }
        if (v == 3) return STATUS_INVALID_PARAMETER;   /* being run asynchronously */
        __wlx_futex_wait(word(once), ONCE_RUNNING, NULL);
    }
}

NTSTATUS NTAPI RtlRunOnceComplete(WLX_RUN_ONCE *once, ULONG flags, PVOID context)
{
    ULONG_PTR v = (ULONG_PTR)__atomic_load_n(&once->Ptr, __ATOMIC_ACQUIRE);
    if (flags & ~(RUN_ONCE_ASYNC | RUN_ONCE_INIT_FAILED)) return STATUS_INVALID_PARAMETER;
    if ((ULONG_PTR)context & 3) return STATUS_INVALID_PARAMETER;
    if (flags & RUN_ONCE_ASYNC)
    {
        if (v != 3) return STATUS_INVALID_PARAMETER;
        if (flags & RUN_ONCE_INIT_FAILED) return STATUS_SUCCESS;
        if (!__sync_bool_compare_and_swap((ULONG_PTR *)&once->Ptr, 3, (ULONG_PTR)context | ONCE_DONE))
            return STATUS_OBJECT_NAME_COLLISION;
        return STATUS_SUCCESS;
    }
    if (v != ONCE_RUNNING) return STATUS_UNSUCCESSFUL;
    __atomic_store_n((ULONG_PTR *)&once->Ptr,
                     (flags & RUN_ONCE_INIT_FAILED) ? 0 : (ULONG_PTR)context | ONCE_DONE, __ATOMIC_RELEASE);
    __wlx_futex_wake(word(once), 0x7fffffff);
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlRunOnceExecuteOnce(WLX_RUN_ONCE *once, WLX_RUN_ONCE_FN func, PVOID param, PVOID *context)
{
    NTSTATUS status = RtlRunOnceBeginInitialize(once, 0, context);
    if (status != STATUS_PENDING) return status;
    PVOID ctx = NULL;
    if (!func(once, param, &ctx))
    {
        RtlRunOnceComplete(once, RUN_ONCE_INIT_FAILED, NULL);
        return STATUS_UNSUCCESSFUL;
    }
    status = RtlRunOnceComplete(once, 0, ctx);
    if (!status && context) *context = ctx;
    return status;
}

/* --- SList ----------------------------------------------------------------------
   The x64 header: first quadword Depth (16 bits) and Sequence (48 bits),
   second quadword the 16-byte aligned first entry (its low 4 bits, flags
   on Windows, stay 0 here).
   Both change together through cmpxchg16b; the sequence defeats ABA. */

typedef struct { ULONGLONG lo, hi; } slist_words;

static BOOLEAN cas16(volatile SLIST_HEADER *h, slist_words *old, slist_words val)
{
    BOOLEAN ok;
    __asm__ volatile ("lock cmpxchg16b %1; setz %0"
                      : "=q"(ok), "+m"(*h), "+a"(old->lo), "+d"(old->hi)
                      : "b"(val.lo), "c"(val.hi) : "memory", "cc");
    return ok;
}

static slist_words slist_read(volatile SLIST_HEADER *h)
{
    slist_words w;
    w.lo = ((volatile ULONGLONG *)h)[0];
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    w.hi = ((volatile ULONGLONG *)h)[1];
    return w;
}

#define SL_FIRST(w) ((SLIST_ENTRY *)((w).hi & ~(ULONGLONG)15))
#define SL_DEPTH(w) ((WORD)(w).lo)
#define SL_NEXT_SEQ(w) (((w).lo + 0x10000) & ~(ULONGLONG)0xffff)

void NTAPI RtlInitializeSListHead(SLIST_HEADER *h)
{
    ((ULONGLONG *)h)[0] = 0;
    ((ULONGLONG *)h)[1] = 0;
}

SLIST_ENTRY *NTAPI RtlFirstEntrySList(const SLIST_HEADER *h)
{
    return SL_FIRST(slist_read((volatile SLIST_HEADER *)h));
}

WORD NTAPI RtlQueryDepthSList(SLIST_HEADER *h)
{
    return SL_DEPTH(slist_read(h));
}

SLIST_ENTRY *NTAPI RtlInterlockedPushEntrySList(SLIST_HEADER *h, SLIST_ENTRY *entry)
{
    slist_words old = slist_read(h), val;
    do
    {
        entry->Next = SL_FIRST(old);
        val.lo = SL_NEXT_SEQ(old) | (WORD)(SL_DEPTH(old) + 1);
        val.hi = (ULONGLONG)entry;
    } while (!cas16(h, &old, val));
    return SL_FIRST(old);
}

/* Reading first->Next races with another thread popping and freeing that
   entry; Windows catches the fault and retries, we rely on entries staying
   mapped (as heap blocks do). */
SLIST_ENTRY *NTAPI RtlInterlockedPopEntrySList(SLIST_HEADER *h)
{
    slist_words old = slist_read(h), val;
    SLIST_ENTRY *first;
    do
    {
        if (!(first = SL_FIRST(old))) return NULL;
        val.lo = SL_NEXT_SEQ(old) | (WORD)(SL_DEPTH(old) - 1);
        val.hi = (ULONGLONG)first->Next;
    } while (!cas16(h, &old, val));
    return first;
}

SLIST_ENTRY *NTAPI RtlInterlockedFlushSList(SLIST_HEADER *h)
{
    slist_words old = slist_read(h), val;
    do
    {
        if (!SL_FIRST(old)) return NULL;
        val.lo = SL_NEXT_SEQ(old);
        val.hi = 0;
    } while (!cas16(h, &old, val));
    return SL_FIRST(old);
}

/* pushes the chain first..last (count entries, already linked) at once */
SLIST_ENTRY *NTAPI RtlInterlockedPushListSListEx(SLIST_HEADER *h, SLIST_ENTRY *first, SLIST_ENTRY *last, ULONG count)
{
    slist_words old = slist_read(h), val;
    do
    {
        last->Next = SL_FIRST(old);
        val.lo = SL_NEXT_SEQ(old) | (WORD)(SL_DEPTH(old) + count);
        val.hi = (ULONGLONG)first;
    } while (!cas16(h, &old, val));
    return SL_FIRST(old);
}
