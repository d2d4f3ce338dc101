/*
 * include/wlx/syncslot.h — the state of a waitable object (struct
 * sync_state) and the lock of a state shared between processes. Unix side
 * only: ntdll/unix/sync.c uses it for every event, mutex and semaphore;
 * wlxserver (server/kobject.c) owns the memfd of shared slots and touches a
 * slot only to set it up and to abandon the mutexes of a dead process.
 *
 * Shared states live in fixed-size slots of one memfd the server sends each
 * client once (get_sync_slots) and that everyone maps MAP_SHARED; futexes
 * on them are the shared (non-private) kind. Private states (unnamed
 * objects of one process) keep private futexes.
 *
 * The lock of a shared state is a PI futex: the word holds the Linux tid of
 * the holder (FUTEX_WAITERS set by the kernel when someone sleeps on it).
 * Taking it is one cmpxchg 0 -> tid; releasing one cmpxchg tid -> 0; only
 * contention enters the kernel (FUTEX_LOCK_PI / FUTEX_UNLOCK_PI). We chose
 * PI because the kernel then knows the holder: when a holder dies (a
 * process killed inside the few instructions it holds a lock), sleepers
 * in FUTEX_LOCK_PI are handed the lock by the kernel, and a later locker
 * gets ESRCH ("owner is gone") and takes the word over with a cmpxchg from
 * the dead tid. No robust list is needed (glibc owns the thread's), and
 * nobody can deadlock on a dead holder. The fields the dead holder was
 * changing may be half-updated: the object stays usable, as after a crash
 * on Windows, but e.g. a waiter count may stay one too high (which only
 * costs a wake syscall per signal).
 */
#ifndef WLX_SYNCSLOT_H
#define WLX_SYNCSLOT_H

#include <errno.h>
#include <stdint.h>
#include <time.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

enum sync_type { SYNC_MANUAL_EVENT, SYNC_AUTO_EVENT, SYNC_MUTEX, SYNC_SEMAPHORE };

/* Fixed-width fields and futex words only: the same struct is a private
   state (inside an object of one process) or a shared slot. All zero is an
   unsignaled manual-reset event (what a thread or process object is). */
struct sync_state {
    uint32_t lock;          /* private: futex mutex, 0 free, 1 held, 2 contended;
                               shared: PI futex word, the holder's Linux tid */
    uint32_t seq;           /* futex word waiters sleep on, bumped by every signal */
    uint32_t type;          /* enum sync_type */
    int32_t count;          /* event: 1 signaled; semaphore: count; mutex: recursion */
    int32_t max;            /* semaphore maximum */
    uint32_t owner;         /* mutex: owning thread id, 0 when free */
    uint32_t waiters;       /* threads registered as waiting (0: signals make no syscall) */
    uint32_t set_seq;       /* seq of the last SetEvent/PulseEvent seen by waiters */
    uint32_t tickets;       /* auto-reset event: a PulseEvent's pending release */
    uint32_t abandoned;     /* mutex: its owner exited holding it */
    uint32_t owner_pid;     /* mutex: Windows id of the owner's process (abandoned when it dies) */
    uint32_t flags;         /* SYNC_SHARED, SYNC_MOVED */
};
#define SYNC_SHARED 1       /* a slot shared with other processes */
#define SYNC_MOVED  2       /* a private state that moved to a slot: look again */

#define SYNC_SLOT_SIZE  64
#define SYNC_SLOT_COUNT 65536      /* 4 MiB of memfd, pages made on first touch */
_Static_assert(sizeof(struct sync_state) <= SYNC_SLOT_SIZE, "sync slot size");

/* A waitable timer's arm, right after its state (an event's) in its slot or
   in the private object; written under the state's lock. The process that
   set a shared timer fires it and is named by the state's owner_pid; the
   server fires it when that process lets go (server/timer.c). */
struct sync_timer_arm {
    int64_t due;            /* CLOCK_MONOTONIC ns; 0: not set */
    int32_t period;         /* ms, 0: once */
    uint32_t gen;           /* bumped by every set and cancel */
};
_Static_assert(sizeof(struct sync_state) + sizeof(struct sync_timer_arm) <= SYNC_SLOT_SIZE, "timer slot size");

/* Takes the PI lock of a shared state for thread `tid` (its Linux tid).
   timeout: NULL to wait as long as needed, else an absolute CLOCK_REALTIME
   time; returns 0, or -ETIMEDOUT. */
static inline int sync_shared_lock(struct sync_state *s, uint32_t tid, const struct timespec *timeout)
{
    for (;;)
    {
        uint32_t cur = 0;
        if (__atomic_compare_exchange_n(&s->lock, &cur, tid, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) return 0;
        if (syscall(SYS_futex, &s->lock, FUTEX_LOCK_PI, 0, timeout, NULL, 0) == 0) return 0;
        if (errno == ETIMEDOUT) return -ETIMEDOUT;
        if (errno == ESRCH || errno == EOWNERDEAD)
        {
            /* the holder died holding it: take the word over */
            cur = __atomic_load_n(&s->lock, __ATOMIC_RELAXED);
            if (cur && __atomic_compare_exchange_n(&s->lock, &cur, tid, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
                return 0;
        }
        /* EINTR, EAGAIN (the word changed under the kernel): again */
    }
}

static inline void sync_shared_unlock(struct sync_state *s, uint32_t tid)
{
    uint32_t cur = tid;
    if (__atomic_compare_exchange_n(&s->lock, &cur, 0, 0, __ATOMIC_RELEASE, __ATOMIC_RELAXED)) return;
    syscall(SYS_futex, &s->lock, FUTEX_UNLOCK_PI, 0, NULL, NULL, 0);
}

/* ---- shared with wlxserver: kernel object types and handles in transit ---- */

/* what a server kernel object is (create_object.type) */
enum kobject_type { KOBJ_NONE, KOBJ_EVENT, KOBJ_MUTEX, KOBJ_SEMAPHORE, KOBJ_JOB,
                   KOBJ_EXPORTED,   /* another named type (sections): a published object_export + fd */
                   KOBJ_TIMER,      /* a waitable timer: an event's state, then its arm (ntdll/unix/sync.c) */
                   KOBJ_TYPE_COUNT };

/* Handle values of handles given by another process (DuplicateHandle): the
   server hands them out from here; a process's own table stays below. */
#define HANDLE_IMPORT_BASE  0x40000000u
#define HANDLE_IMPORT_LIMIT 0x7ffffffcu

/* object_export.kind of a sync object (EXPORT_SYNC in ntdll/unix/private.h);
   data[0] is its slot; with EXPORT_SYNC_GRABBED the server already took the
   receiver's reference */
#define EXPORT_KIND_SYNC     2
#define EXPORT_KIND_SECTION  5         /* data[3]: a named section's slot (0: none) */
#define EXPORT_KIND_JOB      7
#define EXPORT_SYNC_GRABBED  0x80000000u   /* object_export.flags bit 31, any kind */

#endif
