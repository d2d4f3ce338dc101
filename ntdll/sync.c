/*
 * ntdll/sync.c — critical sections on futexes (no server involved).
 * LockCount follows the classic layout programs sometimes read: -1 free,
 * 0 owned, >0 owned with waiters; waiters sleep on the LockSemaphore field.
 */
#include "private.h"

static DWORD current_tid(void) { return (DWORD)TEB_FIELD(ULONG_PTR, TEB_CLIENT_THREAD); }

NTSTATUS NTAPI RtlInitializeCriticalSectionEx(RTL_CRITICAL_SECTION *cs, ULONG spin, ULONG flags)
{
    (void)flags;
    cs->DebugInfo = (void *)(ULONG_PTR)-1;
    cs->LockCount = -1;
    cs->RecursionCount = 0;
    cs->OwningThread = 0;
    cs->LockSemaphore = 0;
    cs->SpinCount = spin & 0xffffff;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlInitializeCriticalSectionAndSpinCount(RTL_CRITICAL_SECTION *cs, ULONG spin)
{
    return RtlInitializeCriticalSectionEx(cs, spin, 0);
}

NTSTATUS NTAPI RtlInitializeCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    return RtlInitializeCriticalSectionEx(cs, 0, 0);
}

NTSTATUS NTAPI RtlDeleteCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    cs->LockCount = -1;
    cs->RecursionCount = 0;
    cs->OwningThread = 0;
    cs->LockSemaphore = 0;
    return STATUS_SUCCESS;
}

ULONG NTAPI RtlSetCriticalSectionSpinCount(RTL_CRITICAL_SECTION *cs, ULONG spin)
{
    ULONG old = cs->SpinCount;
    cs->SpinCount = spin;
    return old;
}

static volatile LONG *sem_word(RTL_CRITICAL_SECTION *cs) { return (volatile LONG *)&cs->LockSemaphore; }

NTSTATUS NTAPI RtlEnterCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    DWORD tid = current_tid();
    for (ULONG i = 0; i < cs->SpinCount; i++)
    {
        if (__sync_bool_compare_and_swap(&cs->LockCount, -1, 0)) goto owned;
        if ((DWORD)(ULONG_PTR)cs->OwningThread == tid) break;
        __builtin_ia32_pause();
    }
    if (__atomic_add_fetch(&cs->LockCount, 1, __ATOMIC_ACQUIRE) != 0)
    {
        if ((DWORD)(ULONG_PTR)cs->OwningThread == tid)
        {
            cs->RecursionCount++;
            return STATUS_SUCCESS;
        }
        /* wait for a Leave to hand the lock over */
        while (!__atomic_exchange_n(sem_word(cs), 0, __ATOMIC_ACQUIRE))
            __wlx_futex_wait(sem_word(cs), 0, NULL);
    }
owned:
    cs->OwningThread = (HANDLE)(ULONG_PTR)tid;
    cs->RecursionCount = 1;
    return STATUS_SUCCESS;
}

BOOL NTAPI RtlTryEnterCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    DWORD tid = current_tid();
    if (__sync_bool_compare_and_swap(&cs->LockCount, -1, 0))
    {
        cs->OwningThread = (HANDLE)(ULONG_PTR)tid;
        cs->RecursionCount = 1;
        return TRUE;
    }
    if ((DWORD)(ULONG_PTR)cs->OwningThread == tid)
    {
        __atomic_add_fetch(&cs->LockCount, 1, __ATOMIC_ACQUIRE);
        cs->RecursionCount++;
        return TRUE;
    }
    return FALSE;
}

NTSTATUS NTAPI RtlLeaveCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    if (--cs->RecursionCount > 0)
    {
        __atomic_sub_fetch(&cs->LockCount, 1, __ATOMIC_RELEASE);
        return STATUS_SUCCESS;
    }
    cs->OwningThread = 0;
    if (__atomic_sub_fetch(&cs->LockCount, 1, __ATOMIC_RELEASE) >= 0)
    {
        __atomic_store_n(sem_word(cs), 1, __ATOMIC_RELEASE);
        __wlx_futex_wake(sem_word(cs), 1);
    }
    return STATUS_SUCCESS;
}

BOOL NTAPI RtlIsCriticalSectionLocked(RTL_CRITICAL_SECTION *cs) { return cs->RecursionCount != 0; }
BOOL NTAPI RtlIsCriticalSectionLockedByThread(RTL_CRITICAL_SECTION *cs)
{
    return (DWORD)(ULONG_PTR)cs->OwningThread == current_tid() && cs->RecursionCount;
}
