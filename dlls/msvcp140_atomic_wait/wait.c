/*
 * dlls/msvcp140_atomic_wait/wait.c — std::atomic<T>::wait and notify as
 * MSVC's <atomic> calls them: "direct" for objects of 1, 2, 4 or 8 bytes
 * (WaitOnAddress, WakeByAddress*), "indirect" for other sizes (the program
 * compares through its callback, under one of a table of SRW locks with a
 * condition variable each, picked by the object's address), the deadlines
 * and remaining timeouts of timed waits, the striped mutex table
 * (__std_atomic_get_mutex) of non-lock-free atomics, and the 128-bit
 * compare-exchange.
 */
#include "private.h"

#define NO_DEADLINE (~0ULL)            /* _Atomic_wait_no_deadline */
#define TABLE_SIZE 256                 /* a power of two */

struct wait_slot { SRWLOCK lock; CONDITION_VARIABLE cv; };

static struct wait_slot wait_table[TABLE_SIZE];      /* zeroed: SRWLOCK_INIT, CONDITION_VARIABLE_INIT */
static SRWLOCK mutex_table[TABLE_SIZE];

static size_t slot_of(const void *p)
{
    ULONG_PTR a = (ULONG_PTR)p;
    return ((a >> 4) ^ (a >> 12)) & (TABLE_SIZE - 1);
}

/* 1, 2, 4 or 8 bytes: asleep while *storage equals *comparand; FALSE after
   the timeout (milliseconds, INFINITE none) with ERROR_TIMEOUT */
BOOL WINAPI __std_atomic_wait_direct(const volatile void *storage, void *comparand, SIZE_T size, DWORD timeout)
{
    return WaitOnAddress((volatile void *)storage, comparand, size, timeout);
}

void WINAPI __std_atomic_notify_one_direct(const void *storage) { WakeByAddressSingle((void *)storage); }
void WINAPI __std_atomic_notify_all_direct(const void *storage) { WakeByAddressAll((void *)storage); }

typedef BOOLEAN (WINAPI *equal_callback)(const void *storage, void *comparand, SIZE_T size, void *param);

/* other sizes: the program's callback compares; a notification wakes all
   the waiters of the slot, who compare again */
BOOL WINAPI __std_atomic_wait_indirect(const void *storage, void *comparand, SIZE_T size, void *param,
                                       equal_callback are_equal, DWORD timeout)
{
    struct wait_slot *s = &wait_table[slot_of(storage)];
    BOOL ok = TRUE;
    AcquireSRWLockExclusive(&s->lock);
    if (are_equal(storage, comparand, size, param))
        ok = SleepConditionVariableSRW(&s->cv, &s->lock, timeout, 0);
    ReleaseSRWLockExclusive(&s->lock);
    return ok;
}

static void notify_indirect(const void *storage)
{
    struct wait_slot *s = &wait_table[slot_of(storage)];
    AcquireSRWLockExclusive(&s->lock);
    ReleaseSRWLockExclusive(&s->lock);
    WakeAllConditionVariable(&s->cv);
}

void WINAPI __std_atomic_notify_one_indirect(const void *storage) { notify_indirect(storage); }
void WINAPI __std_atomic_notify_all_indirect(const void *storage) { notify_indirect(storage); }

/* a timed wait's deadline from its timeout in milliseconds */
ULONGLONG WINAPI __std_atomic_wait_get_deadline(ULONGLONG timeout)
{
    if (timeout == NO_DEADLINE) return NO_DEADLINE;
    return GetTickCount64() + timeout;
}

/* what remains of it, in milliseconds, INFINITE without a deadline */
DWORD WINAPI __std_atomic_wait_get_remaining_timeout(ULONGLONG deadline)
{
    ULONGLONG now;
    if (deadline == NO_DEADLINE) return INFINITE;
    now = GetTickCount64();
    if (now >= deadline) return 0;
    return deadline - now >= INFINITE ? INFINITE - 1 : (DWORD)(deadline - now);
}

/* the level of Windows' wait APIs the headers may use: WaitOnAddress */
int WINAPI __std_atomic_set_api_level(int level)
{
    (void)level;
    return 3;                          /* __has_wait_on_address */
}

/* the SRW lock guarding a non-lock-free atomic at key */
void *WINAPI __std_atomic_get_mutex(const void *key)
{
    return &mutex_table[slot_of(key)];
}

char WINAPI __std_atomic_has_cmpxchg16b(void)
{
    return 1;                          /* every x86_64 processor Windows 8.1+ runs on */
}

/* 16 bytes at dest (16-aligned) compared with *comparand and, if equal,
   replaced by high:low; *comparand gets what was there; 1 if replaced */
unsigned char WINAPI __std_atomic_compare_exchange_128(LONGLONG *dest, LONGLONG high, LONGLONG low, LONGLONG *comparand)
{
    unsigned char done;
    __asm__ __volatile__("lock cmpxchg16b %1\n\tsete %0"
                         : "=q"(done), "+m"(*(volatile LONGLONG (*)[2])dest), "+a"(comparand[0]), "+d"(comparand[1])
                         : "b"(low), "c"(high)
                         : "memory", "cc");
    return done;
}

/* the parallel algorithms' waits on a byte */
void WINAPI __std_execution_wait_on_uchar(const volatile unsigned char *address, unsigned char compare)
{
    while (*address == compare) WaitOnAddress((volatile void *)address, &compare, 1, INFINITE);
}

void WINAPI __std_execution_wake_by_address_all(const volatile void *address)
{
    WakeByAddressAll((void *)address);
}
