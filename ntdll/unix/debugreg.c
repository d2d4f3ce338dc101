/*
 * ntdll/unix/debugreg.c — hardware breakpoints: the debug registers of a
 * thread's CONTEXT (Dr0-Dr3, Dr6, Dr7) made real with Linux perf events.
 *
 * Windows programs (runtimes, hooking libraries, anti-tamper code, a
 * debugger's helpers) set them with SetThreadContext(CONTEXT_DEBUG_REGISTERS)
 * on themselves or on a suspended thread, and take the hits as
 * EXCEPTION_SINGLE_STEP in a vectored handler. Linux lets a process put
 * breakpoints on its own threads without ptrace: perf_event_open with
 * PERF_TYPE_BREAKPOINT on one thread (its Linux tid), and attr.sigtrap
 * (Linux 5.13+) makes each hit a SIGTRAP in that thread, si_code TRAP_PERF,
 * with attr.sig_data (the slot here) in si_perf_data. signal.c turns that
 * into the exception; an execute breakpoint's RF resume is the PE side's
 * restore (ntdll/exception_entry.S, doc/ARCHITECTURE.md "Hardware
 * breakpoints").
 *
 * The values a thread was given live in its TEB (TEB_WLX_DEBUG_REGS):
 * GetThreadContext, the exception's CONTEXT and the PE side's NtContinue
 * (which applies a handler's changes only when they differ) read them
 * there. The perf events are the thread record's, one per armed slot. A
 * slot whose event cannot be made (a kernel without sigtrap, a
 * perf_event_paranoid that forbids it, no breakpoint slot free, an address
 * the kernel refuses) stays unarmed: SetThreadContext succeeds as it did
 * before breakpoints worked, GetThreadContext shows the values set, and
 * WLXDEBUG=+seh says why.
 *
 * Sections: Dr7 · perf events · entry points.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "private.h"
#include "thread.h"
#include "wincontext.h"

#define DR6 4
#define DR7 5
#define DEBUG_VALUES(teb) ((uint64_t *)((uint8_t *)(teb) + TEB_WLX_DEBUG_REGS))   /* Dr0-3, Dr6, Dr7 */

/* --- Dr7 ---------------------------------------------------------------------- */

/* what slot n watches: a perf breakpoint type (0: nothing), address, length */
struct watch {
    uint32_t type, len;
    uint64_t addr;
};

/* Dr7 (Intel SDM vol. 3, 18.2.4): L<n> (bit 2n) or G<n> (bit 2n+1) enables
   slot n (either does on the CPU; Windows programs use L); bits 16+4n, two
   of them, say what it watches: 00 execution, 01 writes, 11 reads and
   writes (10, I/O ports, needs CR4.DE and means nothing to user code); the
   two above them its length: 00 1 byte, 01 2, 11 4, 10 8. */
static struct watch decode(const uint64_t *dr, int n)
{
    static const uint8_t lengths[4] = { 1, 2, 8, 4 };
    struct watch w = { 0, 0, 0 };
    uint64_t dr7 = dr[DR7];
    if (!((dr7 >> (2 * n)) & 3)) return w;
    switch ((dr7 >> (16 + 4 * n)) & 3)
    {
    case 0:
        /* the length of an execution breakpoint must be 00 on the CPU;
           perf wants sizeof(long) */
        w.type = HW_BREAKPOINT_X;
        w.len = sizeof(long);
        w.addr = dr[n];
        return w;
    case 1: w.type = HW_BREAKPOINT_W; break;
    case 3: w.type = HW_BREAKPOINT_RW; break;
    default: return w;
    }
    w.len = lengths[(dr7 >> (18 + 4 * n)) & 3];
    /* the CPU ignores the address bits below the length; perf refuses them */
    w.addr = dr[n] & ~(uint64_t)(w.len - 1);
    return w;
}

static int same_watch(struct watch a, struct watch b)
{
    return a.type == b.type && a.len == b.len && a.addr == b.addr;
}

/* --- perf events ------------------------------------------------------------- */

/* setters are in system calls, and a thread ends holding it only with its
   signals blocked (debugreg_thread_end): nobody is stopped while holding it */
static pthread_mutex_t debug_lock = PTHREAD_MUTEX_INITIALIZER;

/* a breakpoint on the Linux thread tid that raises SIGTRAP in it; -errno */
static int open_breakpoint(int tid, const struct watch *w, int slot)
{
    struct perf_event_attr attr;
    memset(&attr, 0, sizeof(attr));
    attr.type = PERF_TYPE_BREAKPOINT;
    attr.size = sizeof(attr);
    attr.bp_type = w->type;
    attr.bp_addr = w->addr;
    attr.bp_len = w->len;
    attr.sample_period = 1;      /* every hit */
    attr.exclude_kernel = 1;     /* the kernel's own accesses to user memory, as on Windows */
    attr.exclude_hv = 1;
    attr.sigtrap = 1;            /* SIGTRAP (TRAP_PERF) in the thread that hit it */
    attr.remove_on_exec = 1;     /* the kernel wants it with sigtrap */
    attr.sig_data = slot;        /* si_perf_data: which Dr fired */
    long fd = syscall(SYS_perf_event_open, &attr, tid, -1, -1, PERF_FLAG_FD_CLOEXEC);
    return fd < 0 ? -errno : (int)fd;
}

static const char *why_not(int err)
{
    switch (err)
    {
    case -EINVAL: case -E2BIG: return "the kernel refused it (sigtrap breakpoints need Linux 5.13+; or the address)";
    case -EACCES: case -EPERM: return "not permitted (kernel.perf_event_paranoid)";
    case -ENOSPC: return "no hardware breakpoint slot free";
    case -ENOENT: case -ENOSYS: case -EOPNOTSUPP: return "no perf breakpoints in this kernel";
    default: return strerror(-err);
    }
}

/* the Linux tid of a thread, once it has one (a new thread publishes its ids
   as its first act) */
static int linux_tid(struct wlx_thread *t)
{
    while (!__atomic_load_n(&t->tid, __ATOMIC_ACQUIRE))
        syscall(SYS_futex, &t->tid, FUTEX_WAIT, 0, NULL, NULL, 0);
    return t->unix_tid;
}

static void close_slot(struct wlx_thread *t, int n)
{
    if (!(t->debug_armed & (1u << n))) return;
    close(t->debug_fd[n]);
    t->debug_armed &= ~(1u << n);
}

/* --- entry points ------------------------------------------------------------- */

/* SetThreadContext with CONTEXT_DEBUG_REGISTERS (context.c): t is the caller
   or stopped, or has not run yet. Slots whose watch changed get a new event. */
void debugreg_set(struct wlx_thread *t, const void *ctx)
{
    const WIN_CONTEXT *c = ctx;
    uint64_t *dr = DEBUG_VALUES(t->teb), old[6];
    int exec = 0;
    pthread_mutex_lock(&debug_lock);
    if (t->debug_ended)
    {
        /* its TEB may be another thread's by now (thread.c keeps them) */
        pthread_mutex_unlock(&debug_lock);
        return;
    }
    memcpy(old, dr, sizeof(old));
    memcpy(dr, c->Dr, sizeof(c->Dr));
    for (int n = 0; n < 4; n++)
    {
        struct watch now = decode(dr, n);
        if ((t->debug_armed & (1u << n)) && same_watch(now, decode(old, n)))
        {
            exec |= now.type == HW_BREAKPOINT_X;
            continue;
        }
        close_slot(t, n);
        if (!now.type)
        {
            if ((dr[DR7] >> (2 * n)) & 3)
                TRACE(SEH, "thread %04x: Dr%d: I/O breakpoints (Dr7 %#lx) are not for user code\n", t->tid, n,
                      (unsigned long)dr[DR7]);
            continue;
        }
        int fd = open_breakpoint(linux_tid(t), &now, n);
        if (fd < 0)
        {
            TRACE(SEH, "thread %04x: Dr%d breakpoint at %p (type %u, %u bytes) not armed: %s\n", t->tid, n,
                  (void *)now.addr, now.type, now.len, why_not(fd));
            continue;
        }
        t->debug_fd[n] = fd;
        t->debug_armed |= 1u << n;
        exec |= now.type == HW_BREAKPOINT_X;
        TRACE(SEH, "thread %04x: Dr%d breakpoint at %p (type %u, %u bytes)\n", t->tid, n, (void *)now.addr,
              now.type, now.len);
    }
    *(volatile uint32_t *)((uint8_t *)t->teb + TEB_WLX_DEBUG_EXEC) = exec;
    pthread_mutex_unlock(&debug_lock);
}

/* GetThreadContext, and every exception's CONTEXT */
void debugreg_get(const void *teb, void *ctx)
{
    WIN_CONTEXT *c = ctx;
    wlx_copy_blocks(c->Dr, DEBUG_VALUES(teb), sizeof(c->Dr));
}

/* a breakpoint fired (SIGTRAP, TRAP_PERF, si_perf_data the slot) in this
   thread's Windows code: Dr6 says which, as the CPU's B0-B3 do. Returns
   whether it is an execution breakpoint (a fault: the instruction has not
   run), or -1 for a signal of no slot of ours. */
int debugreg_hit(void *teb, uint64_t slot)
{
    uint64_t *dr = DEBUG_VALUES(teb);
    if (slot > 3) return -1;
    dr[DR6] = 1u << slot;
    return decode(dr, (int)slot).type == HW_BREAKPOINT_X;
}

/* the thread ends (on itself): its events go. Signals stay blocked
   meanwhile, so a TerminateThread cannot leave it holding the lock. */
void debugreg_thread_end(struct wlx_thread *t)
{
    sigset_t all, old;
    if (!__atomic_load_n(&t->debug_armed, __ATOMIC_ACQUIRE) && !__atomic_load_n(&t->debug_ended, __ATOMIC_ACQUIRE))
    {
        /* no breakpoints: only the mark, without a lock (a setter racing
           with the end finds its events closed by debugreg_release) */
        __atomic_store_n(&t->debug_ended, 1, __ATOMIC_RELEASE);
        return;
    }
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    pthread_mutex_lock(&debug_lock);
    t->debug_ended = 1;
    for (int n = 0; n < 4; n++) close_slot(t, n);
    *(volatile uint32_t *)((uint8_t *)t->teb + TEB_WLX_DEBUG_EXEC) = 0;
    pthread_mutex_unlock(&debug_lock);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* the thread object goes (thread.c): nothing can set its breakpoints now */
void debugreg_release(struct wlx_thread *t)
{
    for (int n = 0; n < 4; n++) close_slot(t, n);
}
