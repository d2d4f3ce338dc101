/*
 * dlls/msvcp140/lockit.c — std::_Lockit, the library's own locks by kind
 * (locale, malloc, stream, debug, at_thread_exit …): recursive, one per
 * kind, ready from process attach; and std::_Init_locks, which has
 * nothing left to do then.
 */
#include "private.h"

#define MAX_LOCK 8                /* _MAX_LOCK */

struct lockit { int kind; };      /* std::_Lockit */

static CRITICAL_SECTION locks[MAX_LOCK];

void msvcp_init_locks(void)
{
    for (int i = 0; i < MAX_LOCK; i++) InitializeCriticalSection(&locks[i]);
}

/* static _Lockit_ctor(int) / _Lockit_dtor(int); a kind out of range locks nothing */
void __cdecl lockit_lock(int kind)
{
    if (kind >= 0 && kind < MAX_LOCK) EnterCriticalSection(&locks[kind]);
}

void __cdecl lockit_unlock(int kind)
{
    if (kind >= 0 && kind < MAX_LOCK) LeaveCriticalSection(&locks[kind]);
}

struct lockit *__cdecl lockit_ctor_kind(struct lockit *lk, int kind)
{
    lk->kind = kind;
    lockit_lock(kind);
    return lk;
}

struct lockit *__cdecl lockit_ctor(struct lockit *lk)
{
    return lockit_ctor_kind(lk, 0);
}

void __cdecl lockit_dtor(struct lockit *lk)
{
    lockit_unlock(lk->kind);
}

void *__cdecl init_locks_ctor(void *self)
{
    return self;
}

void __cdecl init_locks_dtor(void *self)
{
    (void)self;
}

/* the spin lock of atomic shared_ptr operations (<memory>'s
   _Lock_shared_ptr_spin_lock): one for the process */
static LONG shared_ptr_lock;

void __cdecl lock_shared_ptr_spin_lock(void)
{
    while (InterlockedCompareExchange(&shared_ptr_lock, 1, 0)) YieldProcessor();
}

void __cdecl unlock_shared_ptr_spin_lock(void)
{
    InterlockedExchange(&shared_ptr_lock, 0);
}
