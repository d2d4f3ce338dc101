/*
 * dlls/msvcp140/mutex.c — the C mutexes and condition variables under
 * std::mutex, std::recursive_mutex and std::condition_variable (_Mtx_*,
 * _Cnd_*).
 *
 * Their storage is the program's, laid out as MSVC's <xthreads.h> has it
 * (x64: a mutex 80 bytes, a condition variable 72). Newer headers build
 * these in place without calling _Mtx_init_in_situ (constexpr
 * constructors: the type set, everything else zero), so a zeroed storage
 * must work as is: the SRW lock and the condition variable are zero when
 * free, and no thread has id 0.
 *
 * Ownership is counted as MSVC does: a thread that locks a mutex it holds
 * goes on for a plain (_Mtx_plain) or recursive one and gets _Thrd_busy
 * (std::mutex's type is _Mtx_try) otherwise; a timed lock polls the lock
 * until its deadline, as SRW locks cannot wait with a timeout.
 */
#include "private.h"

#define MTX_PLAIN     0x001
#define MTX_TRY       0x002
#define MTX_TIMED     0x004
#define MTX_RECURSIVE 0x100

struct mtx                        /* _Mtx_internal_imp_t */
{
    int type;                     /* MTX_* */
    void *unused;                 /* older headers' critical-section vtable */
    SRWLOCK lock;
    char storage[48];             /* the rest of the 64-byte critical-section storage */
    long owner;                   /* owning thread's id; -1 or 0: none */
    int count;                    /* times the owner locked it */
};

struct cnd                        /* _Cnd_internal_imp_t */
{
    void *unused;
    CONDITION_VARIABLE cv;
    char storage[56];
};

_Static_assert(sizeof(struct mtx) == 80 && offsetof(struct mtx, owner) == 72, "MSVC's x64 mutex layout");
_Static_assert(sizeof(struct cnd) == 72, "MSVC's x64 condition variable layout");

enum lock_how { LOCK_WAIT, LOCK_TRY, LOCK_UNTIL };

/* ---- mutexes ---- */

void __cdecl _Mtx_init_in_situ(struct mtx *m, int type)
{
    memset(m, 0, sizeof(*m));
    m->type = type;
    m->owner = -1;
}

void __cdecl _Mtx_destroy_in_situ(struct mtx *m)
{
    (void)m;   /* nothing to free */
}

/* the allocating forms older code calls */
int __cdecl _Mtx_init(struct mtx **m, int type)
{
    if (!(*m = malloc(sizeof(**m)))) return THRD_NOMEM;
    _Mtx_init_in_situ(*m, type);
    return THRD_SUCCESS;
}

void __cdecl _Mtx_destroy(struct mtx *m)
{
    free(m);
}

static BOOL acquire(struct mtx *m, enum lock_how how, const struct xtime *target)
{
    if (how == LOCK_WAIT)
    {
        AcquireSRWLockExclusive(&m->lock);
        return TRUE;
    }
    while (!TryAcquireSRWLockExclusive(&m->lock))
    {
        if (how == LOCK_TRY || !msvcp_ms_until(target)) return FALSE;
        Sleep(1);
    }
    return TRUE;
}

static int do_lock(struct mtx *m, enum lock_how how, const struct xtime *target)
{
    int failure = how == LOCK_UNTIL ? THRD_TIMEDOUT : THRD_BUSY;

    if (!m) return THRD_ERROR;
    if (m->owner != (long)GetCurrentThreadId())
    {
        if (!acquire(m, how, target)) return failure;
        m->owner = GetCurrentThreadId();
    }
    else if (m->type != MTX_PLAIN && !(m->type & MTX_RECURSIVE)) return failure;
    m->count++;
    return THRD_SUCCESS;
}

int __cdecl _Mtx_lock(struct mtx *m)
{
    return do_lock(m, LOCK_WAIT, NULL);
}

int __cdecl _Mtx_trylock(struct mtx *m)
{
    return do_lock(m, LOCK_TRY, NULL);
}

int __cdecl _Mtx_timedlock(struct mtx *m, const struct xtime *target)
{
    return target ? do_lock(m, LOCK_UNTIL, target) : THRD_ERROR;
}

/* only the owner unlocks; anyone else gets _Thrd_error and changes nothing */
int __cdecl _Mtx_unlock(struct mtx *m)
{
    if (!m || m->count <= 0 || m->owner != (long)GetCurrentThreadId()) return THRD_ERROR;
    if (--m->count) return THRD_SUCCESS;
    m->owner = -1;
    ReleaseSRWLockExclusive(&m->lock);
    return THRD_SUCCESS;
}

int __cdecl _Mtx_current_owns(struct mtx *m)
{
    return m->count && m->owner == (long)GetCurrentThreadId();
}

/* a condition variable's wait lets the mutex go, and takes it back */
void __cdecl _Mtx_clear_owner(struct mtx *m)
{
    m->owner = -1;
    m->count--;
}

void __cdecl _Mtx_reset_owner(struct mtx *m)
{
    m->owner = GetCurrentThreadId();
    m->count++;
}

/* ---- condition variables ---- */

void __cdecl _Cnd_init_in_situ(struct cnd *c)
{
    memset(c, 0, sizeof(*c));
}

void __cdecl _Cnd_destroy_in_situ(struct cnd *c)
{
    (void)c;
}

int __cdecl _Cnd_init(struct cnd **c)
{
    if (!(*c = malloc(sizeof(**c)))) return THRD_NOMEM;
    _Cnd_init_in_situ(*c);
    return THRD_SUCCESS;
}

void __cdecl _Cnd_destroy(struct cnd *c)
{
    free(c);
}

/* wait on c, the caller holding m, until woken or (target) until then */
static int wait_until(struct cnd *c, struct mtx *m, const struct xtime *target)
{
    BOOL woken;

    if (!c || !m || !_Mtx_current_owns(m)) return THRD_ERROR;
    _Mtx_clear_owner(m);
    woken = SleepConditionVariableSRW(&c->cv, &m->lock, target ? msvcp_ms_until(target) : INFINITE, 0);
    _Mtx_reset_owner(m);
    /* a wait that ended early is a spurious wake-up, which callers expect */
    return woken || (target && msvcp_ms_until(target)) ? THRD_SUCCESS : THRD_TIMEDOUT;
}

int __cdecl _Cnd_wait(struct cnd *c, struct mtx *m)
{
    return wait_until(c, m, NULL);
}

int __cdecl _Cnd_timedwait(struct cnd *c, struct mtx *m, const struct xtime *target)
{
    return target ? wait_until(c, m, target) : THRD_ERROR;
}

int __cdecl _Cnd_signal(struct cnd *c)
{
    WakeConditionVariable(&c->cv);
    return THRD_SUCCESS;
}

int __cdecl _Cnd_broadcast(struct cnd *c)
{
    WakeAllConditionVariable(&c->cv);
    return THRD_SUCCESS;
}
