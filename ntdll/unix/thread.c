/*
 * ntdll/unix/thread.c — Windows threads on pthreads.
 *
 * Each Windows thread is a pthread whose own stack is the Unix stack (the
 * door switches to it for syscalls) plus a separate Windows stack allocated
 * as Windows does. GS points at the TEB. Exiting a thread jumps back to the
 * pthread's start frame, so nothing of the Windows stack is unwound by glibc.
 *
 * Sections: TEB and stacks · the thread object · start/exit · syscalls.
 */
#define _GNU_SOURCE
#include <asm/prctl.h>
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include "private.h"
#include "thread.h"
#include "process.h"
#include "sysinfo.h"

#define UNIX_STACK_SIZE (1024 * 1024)

#define SIG_SUSPEND (SIGRTMIN + 4)   /* SIGRTMIN+3 is the server watch (server.c) */
void *wlx_thread_start_pe;
static void thread_list_remove(struct wlx_thread *t);       /* ntdll's __wlx_thread_start (PE side) */
static int live_threads = 1;

/* --- TEB and stacks ------------------------------------------------------ */

void *thread_create_teb(void *peb, uint32_t tid, struct wlx_thread *ut)
{
    void *teb = virtual_alloc_system(TEB_ALLOC_SIZE, VPROT_READ | VPROT_WRITE);
    return teb ? thread_create_teb_at(teb, peb, tid, ut) : NULL;
}

void *thread_create_teb_at(void *mem, void *peb, uint32_t tid, struct wlx_thread *ut)
{
    uint8_t *teb = mem;
    *(void **)(teb + TEB_SELF) = teb;
    *(void **)(teb + TEB_PEB) = peb;
    *(uint64_t *)(teb + TEB_CLIENT_PROCESS) = wlx_process_id;
    *(uint64_t *)(teb + TEB_CLIENT_THREAD) = tid;
    *(uint32_t *)(teb + TEB_CURRENT_LOCALE) = 0x409;
    *(void **)(teb + TEB_WLX_UNIX_THREAD) = ut;
    *(uint64_t *)(teb + TEB_EXCEPTION_LIST) = ~0ULL;
    return teb;
}

void thread_set_gs(void *teb)
{
    syscall(SYS_arch_prctl, ARCH_SET_GS, teb);
}

/* Windows stack: reserve, commit the top, a guard page below it */
void *thread_alloc_stack(void *teb, size_t reserve, size_t commit)
{
    uint8_t *t = teb;
    if (reserve < 0x10000) reserve = 0x100000;
    reserve = (reserve + 0xffff) & ~0xffffUL;
    if (commit < 0x4000) commit = 0x4000;
    commit = (commit + 0xfff) & ~0xfffUL;
    if (commit > reserve - 0x2000) commit = reserve - 0x2000;
    /* The whole stack is committed lazily by Linux anyway; the guard page
       below the committed part is what Windows programs probe against. */
    uint8_t *base = virtual_alloc_system(reserve, VPROT_READ | VPROT_WRITE);
    if (!base) return NULL;
    *(void **)(t + TEB_STACK_BASE) = base + reserve;
    *(void **)(t + TEB_DEALLOCATION_STACK) = base;
    signal_init_stack_guard(t);   /* sets the stack limit */
    return base + reserve;
}

/* --- the thread object ------------------------------------------------- */

/* waits see the thread through its exit state, a manual-reset event set
   when it ends (sync.c does the waiting) */
static struct sync_state *thread_sync(struct wlx_object *obj)
{
    return &((struct wlx_thread *)obj)->exit_state;
}

static void thread_destroy(struct wlx_object *obj)
{
    struct wlx_thread *t = (struct wlx_thread *)obj;
    free(t->pending_context);
    free(t->initial_context);
    debugreg_release(t);
    pthread_mutex_destroy(&t->ctx_lock);
}

const struct object_ops thread_ops = { "Thread", thread_destroy, NULL, thread_sync };

/* --- timeouts ---------------------------------------------------------- */

/* NT timeouts: negative = relative in 100 ns units, positive = absolute
   (since 1601), NULL = infinite */
int nt_timeout_to_timespec(const LARGE_INTEGER *timeout, struct timespec *ts, int *absolute)
{
    if (!timeout) return 0;
    int64_t t = timeout->QuadPart;
    if (t <= 0)
    {
        t = -t;
        ts->tv_sec = t / 10000000;
        ts->tv_nsec = (t % 10000000) * 100;
        *absolute = 0;
    }
    else
    {
        t -= 116444736000000000LL;
        if (t < 0) t = 0;
        ts->tv_sec = t / 10000000;
        ts->tv_nsec = (t % 10000000) * 100;
        *absolute = 1;
    }
    return 1;
}

/* --- start and exit ------------------------------------------------------ */

/* switch to the Windows stack and call the PE start routine (ms_abi);
   never returns: the thread leaves through NtTerminateThread */
static void __attribute__((noreturn)) enter_pe(void *teb, void *stack_top, void *func, void *arg1, void *arg2)
{
    uint8_t *t = teb;
    uintptr_t unix_top;
    signal_leave_rseq();   /* faults are caught faster without it */
    __asm__ volatile ("movq %%rsp, %0" : "=r"(unix_top));
    /* leave room below the current frame for this function's own locals */
    *(uintptr_t *)(t + TEB_WLX_UNIX_STACK) = (unix_top - 0x100) & ~0xfUL;
    /* 0x100 bytes of slack above the first Windows frame: the door copies
       stack arguments from there */
    uintptr_t rsp = ((uintptr_t)stack_top - 0x100) & ~0xfUL;
    __asm__ volatile (
        "movq %0, %%rsp\n\t"
        "subq $0x20, %%rsp\n\t"
        "movq %2, %%rcx\n\t"
        "movq %3, %%rdx\n\t"
        "pushq $0\n\t"              /* a null return address ends backtraces */
        "jmp *%1\n\t"
        :: "r"(rsp), "r"(func), "r"(arg1), "r"(arg2) : "rcx", "rdx", "memory");
    __builtin_unreachable();
}

/* --- times (GetThreadTimes) ------------------------------------------------- */

NTSTATUS WINAPI unix_NtQueryInformationProcess(HANDLE process, uint32_t class, void *buf, uint32_t len,
                                               uint32_t *ret_len);
static struct wlx_thread *current_thread(void);

static int64_t tv_100ns(struct timeval tv) { return tv.tv_sec * 10000000LL + tv.tv_usec * 10; }

/* the ending thread's own: its CPU times and the time, kept for later asks */
static void thread_keep_times(struct wlx_thread *t)
{
    struct rusage ru;
    if (!getrusage(RUSAGE_THREAD, &ru))
    {
        t->kernel_time = tv_100ns(ru.ru_stime);
        t->user_time = tv_100ns(ru.ru_utime);
    }
    t->exit_time = time_system();
}

/* KERNEL_USER_TIMES of a thread of ours: the caller's from getrusage,
   another live one's from /proc (clock ticks), an ended one's as kept */
static NTSTATUS thread_times(struct wlx_thread *t, int64_t out[4])
{
    int64_t create = t->create_time;
    if (!create)
    {
        /* the main thread: the process's creation */
        int64_t p[4];
        if (!unix_NtQueryInformationProcess(NtCurrentProcess(), 4 /* ProcessTimes */, p, sizeof(p), NULL)) create = p[0];
    }
    out[0] = create;
    out[1] = out[2] = out[3] = 0;
    if (__atomic_load_n(&t->exited, __ATOMIC_ACQUIRE))
    {
        out[1] = t->exit_time;
        out[2] = t->kernel_time;
        out[3] = t->user_time;
    }
    else if (t == current_thread())
    {
        struct rusage ru;
        if (!getrusage(RUSAGE_THREAD, &ru)) { out[2] = tv_100ns(ru.ru_stime); out[3] = tv_100ns(ru.ru_utime); }
    }
    else if (t->unix_tid)
    {
        char path[64], line[1024], *p;
        unsigned long long utime = 0, stime = 0;
        long hz = sysconf(_SC_CLK_TCK);
        int64_t tick = 10000000 / (hz > 0 ? hz : 100);
        FILE *f;
        snprintf(path, sizeof(path), "/proc/self/task/%d/stat", t->unix_tid);
        if ((f = fopen(path, "r")))
        {
            if (fgets(line, sizeof(line), f) && (p = strrchr(line, ')')) &&
                sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime) == 2)
            {
                out[2] = stime * tick;
                out[3] = utime * tick;
            }
            fclose(f);
        }
    }
    return STATUS_SUCCESS;
}

void __attribute__((noreturn)) thread_start_main(void *teb, void *pe_entry, void *arg)
{
    struct wlx_thread *t = *(struct wlx_thread **)((uint8_t *)teb + TEB_WLX_UNIX_THREAD);
    thread_set_gs(teb);
    t->in_pe = 1;
    if (!sigsetjmp(t->exit_jmp, 1))
        enter_pe(teb, *(void **)((uint8_t *)teb + TEB_STACK_BASE), pe_entry, arg, NULL);
    /* the main thread ended while others run: wait for them quietly */
    debugreg_thread_end(t);
    sync_thread_exit(t->tid);
    thread_keep_times(t);
    __atomic_store_n(&t->exited, 1, __ATOMIC_RELEASE);
    sync_signal_manual(&t->exit_state);
    for (;;) pause();
}

/* --- a cache of thread memory ---------------------------------------------
   A thread's TEB, Windows stack and signal stack are kept when it ends and
   handed to the next thread of the same stack size: creating a thread then
   needs no mmap at all (measured: thread create+join 174 µs → see bench). */

struct thread_mem { void *teb; void *stack; size_t reserve; void *altstack; };
#define THREAD_CACHE_SIZE 16
static struct thread_mem thread_cache[THREAD_CACHE_SIZE];
static int thread_cache_count;
static pthread_mutex_t thread_cache_lock = PTHREAD_MUTEX_INITIALIZER;

static int thread_mem_get(size_t reserve, struct thread_mem *m)
{
    int found = 0;
    pthread_mutex_lock(&thread_cache_lock);
    for (int i = thread_cache_count - 1; i >= 0; i--)
        if (thread_cache[i].reserve == reserve)
        {
            *m = thread_cache[i];
            thread_cache[i] = thread_cache[--thread_cache_count];
            found = 1;
            break;
        }
    pthread_mutex_unlock(&thread_cache_lock);
    return found;
}

static void thread_mem_put(const struct thread_mem *m)
{
    pthread_mutex_lock(&thread_cache_lock);
    if (thread_cache_count < THREAD_CACHE_SIZE)
    {
        thread_cache[thread_cache_count++] = *m;
        m = NULL;
    }
    pthread_mutex_unlock(&thread_cache_lock);
    if (m)
    {
        virtual_release(m->stack);
        virtual_release(m->teb);
        free(m->altstack);
    }
}

/* each thread handles its faults on its own signal stack */
#define ALTSTACK_SIZE (64 * 1024)
static void thread_set_altstack(struct wlx_thread *t)
{
    if (!t->altstack) t->altstack = malloc(ALTSTACK_SIZE);
    if (!t->altstack) return;
    stack_t ss = { .ss_sp = t->altstack, .ss_size = ALTSTACK_SIZE, .ss_flags = 0 };
    sigaltstack(&ss, NULL);
}

/* from here on the thread runs Windows code (with_suspended); a context
   set before that is where it begins */
static void *thread_enter_pe(struct wlx_thread *t)
{
    pthread_mutex_lock(&t->ctx_lock);
    t->in_pe = 1;
    void *initial = t->initial_context;
    pthread_mutex_unlock(&t->ctx_lock);
    return initial;
}

/* ntdll's __wlx_thread_start_context: attach the thread, then go there */
static void *thread_start_context_pe(void)
{
    static void *func;
    if (!func) func = signal_ntdll_export("__wlx_thread_start_context");
    return func;
}

static void *thread_main(void *arg)
{
    struct wlx_thread *t = arg;
    sigset_t all;
    t->unix_tid = syscall(SYS_gettid);
    *(uint64_t *)((uint8_t *)t->teb + TEB_CLIENT_THREAD) = thread_id_from_unix(t->unix_tid);
    __atomic_store_n(&t->tid, thread_id_from_unix(t->unix_tid), __ATOMIC_RELEASE);
    syscall(SYS_futex, &t->tid, FUTEX_WAKE, 1, NULL, NULL, 0);
    while (__atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE) > 0)
        syscall(SYS_futex, &t->suspend_count, FUTEX_WAIT, t->suspend_count, NULL, NULL, 0);
    sigemptyset(&all);
    pthread_sigmask(SIG_SETMASK, &all, NULL);
    thread_set_altstack(t);
    if (__atomic_load_n(&t->terminating, __ATOMIC_ACQUIRE))
    {
        __atomic_sub_fetch(&live_threads, 1, __ATOMIC_ACQ_REL);
        goto ended;
    }
    thread_set_gs(t->teb);
    if (!sigsetjmp(t->exit_jmp, 1))
    {
        void *stack_top = *(void **)((uint8_t *)t->teb + TEB_STACK_BASE);
        void *initial = thread_enter_pe(t);
        if (initial) enter_pe(t->teb, stack_top, thread_start_context_pe(), initial, NULL);
        enter_pe(t->teb, stack_top, wlx_thread_start_pe, t->start, t->param);
    }
ended:
    /* back here from NtTerminateThread: keep the Windows stack, TEB and
       signal stack for the next thread; its breakpoints go first (the
       TEB they are noted in may serve another thread next) */
    debugreg_thread_end(t);
    TRACE(THREAD, "thread %04x exited with %u\n", t->tid, t->exit_code);
    stack_t off = { .ss_flags = SS_DISABLE };
    sigaltstack(&off, NULL);
    struct thread_mem mem = { t->teb, *(void **)((uint8_t *)t->teb + TEB_DEALLOCATION_STACK), t->stack_reserve, t->altstack };
    thread_mem_put(&mem);
    sync_thread_exit(t->tid);    /* its mutexes: WAIT_ABANDONED for the next owner */
    thread_keep_times(t);
    __atomic_store_n(&t->exited, 1, __ATOMIC_RELEASE);
    syscall(SYS_futex, &t->exited, FUTEX_WAKE, 0x7fffffff, NULL, NULL, 0);
    sync_signal_manual(&t->exit_state);
    thread_list_remove(t);
    object_release(&t->obj);
    return NULL;
}

/* --- the process's threads, by id (OpenThread) ---------------------------- */

static struct wlx_thread **thread_list;
static size_t thread_list_count, thread_list_cap;
static pthread_mutex_t thread_list_lock = PTHREAD_MUTEX_INITIALIZER;

void thread_list_add(struct wlx_thread *t)
{
    pthread_mutex_lock(&thread_list_lock);
    if (thread_list_count == thread_list_cap)
    {
        size_t n = thread_list_cap ? thread_list_cap * 2 : 64;
        struct wlx_thread **l = realloc(thread_list, n * sizeof(*l));
        if (l) { thread_list = l; thread_list_cap = n; }
    }
    if (thread_list_count < thread_list_cap) thread_list[thread_list_count++] = t;
    pthread_mutex_unlock(&thread_list_lock);
}

/* the exit codes of the threads that ended last, for GetExitCodeThread in
   another process (xthread.c): two stores under a lock already taken */
#define ENDED_KEPT 64
static struct { uint32_t tid, code; } ended[ENDED_KEPT];
static unsigned int ended_next;

static void thread_list_remove(struct wlx_thread *t)
{
    pthread_mutex_lock(&thread_list_lock);
    for (size_t i = 0; i < thread_list_count; i++)
        if (thread_list[i] == t) { thread_list[i] = thread_list[--thread_list_count]; break; }
    ended[ended_next % ENDED_KEPT].tid = t->tid;
    ended[ended_next++ % ENDED_KEPT].code = (uint32_t)t->exit_code;
    pthread_mutex_unlock(&thread_list_lock);
}

/* a live thread of this process by Windows id (a reference), or NULL */
struct wlx_thread *thread_find(uint32_t tid)
{
    struct wlx_thread *found = NULL;
    pthread_mutex_lock(&thread_list_lock);
    for (size_t i = 0; i < thread_list_count; i++)
        if (__atomic_load_n(&thread_list[i]->tid, __ATOMIC_ACQUIRE) == tid)
        {
            found = thread_list[i];
            __atomic_add_fetch(&found->obj.refcount, 1, __ATOMIC_RELAXED);
            break;
        }
    pthread_mutex_unlock(&thread_list_lock);
    return found;
}

/* the exit code of one of our threads, live (STILL_ACTIVE) or among those
   that ended last; STATUS_INVALID_CID for an id we do not know */
NTSTATUS thread_exit_code_of(uint32_t tid, uint32_t *code)
{
    struct wlx_thread *t = thread_find(tid);
    NTSTATUS status = STATUS_INVALID_CID;
    if (t)
    {
        *code = __atomic_load_n(&t->exited, __ATOMIC_ACQUIRE) ? (uint32_t)t->exit_code : 0x103;
        object_release(&t->obj);
        return STATUS_SUCCESS;
    }
    pthread_mutex_lock(&thread_list_lock);
    for (unsigned int i = 0; i < ENDED_KEPT && status; i++)
        if (ended[i].tid == tid) { *code = ended[i].code; status = STATUS_SUCCESS; }
    pthread_mutex_unlock(&thread_list_lock);
    return status;
}

/* the Windows ids of the live threads (toolhelp, procmem.c): how many there
   are; the first `max` go to `ids` */
size_t thread_list_ids(uint32_t *ids, size_t max)
{
    size_t n;
    pthread_mutex_lock(&thread_list_lock);
    n = thread_list_count;
    for (size_t i = 0; i < n && i < max; i++) ids[i] = __atomic_load_n(&thread_list[i]->tid, __ATOMIC_ACQUIRE);
    pthread_mutex_unlock(&thread_list_lock);
    return n;
}

NTSTATUS WINAPI unix_NtOpenThread(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr, const CLIENT_ID *id)
{
    struct wlx_thread *found;
    unsigned attributes = attr ? attr->Attributes & OBJ_INHERIT : 0;
    if (!id || !id->UniqueThread) return STATUS_INVALID_CID;
    /* a thread of another process: procobj.c */
    if (!(found = thread_find((uint32_t)(uintptr_t)id->UniqueThread)))
        return procobj_open_thread((uint32_t)(uintptr_t)id->UniqueThread, access, attributes, handle);
    *handle = handle_alloc(&found->obj, access, attributes);
    if (!*handle) { object_release(&found->obj); return STATUS_NO_MEMORY; }
    return STATUS_SUCCESS;
}

/* --- syscalls ---------------------------------------------------------- */

NTSTATUS WINAPI unix_NtCreateThreadEx(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr, HANDLE process,
                                      void *start, void *param, uint32_t flags, size_t zero_bits,
                                      size_t stack_commit, size_t stack_reserve, void *attr_list)
{
    pthread_attr_t pattr;
    (void)zero_bits; (void)attr_list;
    if (process != NtCurrentProcess()) return STATUS_NOT_IMPLEMENTED;
    struct wlx_thread *t = object_new(&thread_ops, sizeof(*t));
    if (!t) return STATUS_NO_MEMORY;
    t->start = start;
    t->param = param;
    t->create_time = time_system();
    pthread_mutex_init(&t->ctx_lock, NULL);
    t->suspend_count = (flags & 1) ? 1 : 0;   /* THREAD_CREATE_FLAGS_CREATE_SUSPENDED */
    t->exit_code = 0x103;                     /* STILL_ACTIVE */
    size_t reserve = stack_reserve ? stack_reserve : wlx_default_stack_reserve;
    struct thread_mem mem;
    if (thread_mem_get(reserve, &mem))
    {
        memset(mem.teb, 0, TEB_ALLOC_SIZE);
        t->teb = thread_create_teb_at(mem.teb, wlx_peb, 0, t);
        uint8_t *tb = t->teb;
        *(void **)(tb + TEB_STACK_BASE) = (uint8_t *)mem.stack + ((reserve + 0xffff) & ~0xffffUL);
        *(void **)(tb + TEB_DEALLOCATION_STACK) = mem.stack;
        /* the guard region and StackLimit of a fresh stack: the last thread
           may have used its guard up (tests/kernel32/stackoverflow.c) */
        signal_reset_stack_guard(tb);
        t->altstack = mem.altstack;
    }
    else
    {
        t->teb = thread_create_teb(wlx_peb, 0, t);
        if (!t->teb) { object_release(&t->obj); return STATUS_NO_MEMORY; }
        if (!thread_alloc_stack(t->teb, reserve, stack_commit))
        {
            virtual_release(t->teb);
            object_release(&t->obj);
            return STATUS_NO_MEMORY;
        }
    }
    t->stack_reserve = reserve;
    thread_list_add(t);
    t->obj.refcount = 2;  /* the handle's and the running thread's */
    *handle = handle_alloc(&t->obj, access, attr ? attr->Attributes & OBJ_INHERIT : 0);
    __atomic_add_fetch(&live_threads, 1, __ATOMIC_ACQ_REL);
    pthread_attr_init(&pattr);
    pthread_attr_setstacksize(&pattr, UNIX_STACK_SIZE);
    pthread_attr_setdetachstate(&pattr, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&t->pthread, &pattr, thread_main, t))
    {
        pthread_attr_destroy(&pattr);
        __atomic_sub_fetch(&live_threads, 1, __ATOMIC_ACQ_REL);
        handle_close(*handle);
        *handle = 0;
        return STATUS_NO_MEMORY;
    }
    pthread_attr_destroy(&pattr);
    TRACE(THREAD, "created thread start %p\n", start);
    return STATUS_SUCCESS;
}

static struct wlx_thread *current_thread(void)
{
    struct wlx_thread *t;
    __asm__ ("movq %%gs:%c1, %0" : "=r"(t) : "i"(TEB_WLX_UNIX_THREAD));
    return t;
}

static void send_suspend(int unix_tid);

NTSTATUS WINAPI unix_NtTerminateThread(HANDLE handle, NTSTATUS code)
{
    struct wlx_thread *self = current_thread();
    if (handle && handle != NtCurrentThread())
    {
        struct wlx_thread *t;
        NTSTATUS status = handle_get(handle, &thread_ops, (struct wlx_object **)&t);
        if (status) return status;
        if (t != self)
        {
            /* another thread: it leaves where it stands (in a signal handler),
               with no DLL notifications, as TerminateThread does */
            if (!__atomic_load_n(&t->exited, __ATOMIC_ACQUIRE) && !t->terminating)
            {
                t->exit_code = code;
                __atomic_store_n(&t->terminating, 1, __ATOMIC_RELEASE);
                if (t->unix_tid) send_suspend(t->unix_tid);
                else __atomic_store_n(&t->suspend_count, 0, __ATOMIC_RELEASE);  /* not started: run into the exit */
                syscall(SYS_futex, &t->suspend_count, FUTEX_WAKE, 1, NULL, NULL, 0);
            }
            object_release(&t->obj);
            return STATUS_SUCCESS;
        }
        object_release(&t->obj);
    }
    self->exit_code = code;
    if (__atomic_sub_fetch(&live_threads, 1, __ATOMIC_ACQ_REL) == 0) process_exit(code);
    siglongjmp(self->exit_jmp, 1);
}

NTSTATUS WINAPI unix_NtResumeThread(HANDLE handle, uint32_t *prev)
{
    struct wlx_thread *t;
    NTSTATUS status = handle_get(handle, &thread_ops, (struct wlx_object **)&t);
    if (status == STATUS_OBJECT_TYPE_MISMATCH) return procobj_suspend_thread(handle, prev, 0);  /* another process's */
    if (status) return status;
    status = thread_resume(t, prev);
    object_release(&t->obj);
    return status;
}

NTSTATUS thread_resume(struct wlx_thread *t, uint32_t *prev)
{
    int old = t->suspend_count;
    if (old > 0 && __atomic_sub_fetch(&t->suspend_count, 1, __ATOMIC_ACQ_REL) == 0)
        syscall(SYS_futex, &t->suspend_count, FUTEX_WAKE, 1, NULL, NULL, 0);
    if (prev) *prev = old;
    return STATUS_SUCCESS;
}

/* SuspendThread of a running thread: a signal whose handler sleeps while
   the suspend count is above zero (NtResumeThread wakes it). Suspending a
   thread that holds a lock someone else needs blocks them, as on Windows. */

static struct wlx_thread *current_thread(void);

/* SIG_SUSPEND to one of our threads. A real-time signal is queued, and the
   queue is the user's, shared by all their processes (RLIMIT_SIGPENDING):
   while another program fills it, tgkill says EAGAIN, and a suspension
   that never arrives would leave GetThreadContext waiting 5 s for nothing.
   Tried again for up to a second. */
static void send_suspend(int unix_tid)
{
    struct timespec ms = { 0, 1000000 };
    for (int i = 0; i < 1000; i++)
    {
        if (!syscall(SYS_tgkill, getpid(), unix_tid, SIG_SUSPEND) || errno != EAGAIN) return;
        nanosleep(&ms, NULL);
    }
}

/* suspended_uc of a thread that stops when its system call returns */
#define SUSPENDED_IN_SYSCALL ((void *)1)

static void suspend_handler(int sig, siginfo_t *si, void *uc)
{
    struct wlx_thread *t = current_thread();
    (void)sig; (void)si;
    if (!t) return;
    if (__atomic_load_n(&t->terminating, __ATOMIC_ACQUIRE))
    {
        if (__atomic_sub_fetch(&live_threads, 1, __ATOMIC_ACQ_REL) == 0) process_exit(t->exit_code);
        siglongjmp(t->exit_jmp, 1);
    }
    int c;
    uint8_t *teb = t->teb;
    if (*(volatile uint64_t *)(teb + TEB_WLX_SAVED_RSP))
    {
        /* inside a system call, perhaps holding a lock of ours (the handle
           table, malloc's) that the suspender needs next: as Windows, which
           suspends a thread only on its way back to user mode, it goes on
           and stops when it leaves the door (door.S calls
           __wlx_suspend_stop). Its Windows registers are in the TEB. */
        if (__atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE) <= 0) return;
        *(volatile uint32_t *)(teb + TEB_WLX_STOP_PENDING) = 1;
        __atomic_store_n(&t->suspended_uc, SUSPENDED_IN_SYSCALL, __ATOMIC_RELEASE);
        syscall(SYS_futex, &t->suspended_uc, FUTEX_WAKE, 0x7fffffff, NULL, NULL, 0);
        return;
    }
    if (signal_in_fault_path(uc))
    {
        /* turning a fault into an exception, in wlx's code on the signal
           stack: uc is no Windows context. It goes on and stops on the
           Windows side, in KiUserExceptionDispatcher's way (ntdll's
           wlx_dispatch_exception calls __wlx_suspend_stop), as Windows
           suspends a thread on its way back to user mode */
        if (__atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE) <= 0) return;
        *(volatile uint32_t *)(teb + TEB_WLX_STOP_PENDING) = 1;
        return;
    }
    /* while suspended, GetThreadContext/SetThreadContext work on uc */
    __atomic_store_n(&t->suspended_uc, uc, __ATOMIC_RELEASE);
    syscall(SYS_futex, &t->suspended_uc, FUTEX_WAKE, 0x7fffffff, NULL, NULL, 0);
    while ((c = __atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE)) > 0)
        syscall(SYS_futex, &t->suspend_count, FUTEX_WAIT, c, NULL, NULL, 0);
    __atomic_store_n(&t->suspended_uc, NULL, __ATOMIC_RELEASE);
}

/* a fault that the signal handler settles without the dispatcher (a
   stack grown by a guard page) and that a SuspendThread interrupted (see
   suspend_handler): the thread stops at the faulting access, uc */
void thread_stop_pending(ucontext_t *uc)
{
    struct wlx_thread *t = current_thread();
    int c;
    if (!t || !*(volatile uint32_t *)((uint8_t *)t->teb + TEB_WLX_STOP_PENDING)) return;
    *(volatile uint32_t *)((uint8_t *)t->teb + TEB_WLX_STOP_PENDING) = 0;
    if (__atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE) <= 0) return;
    __atomic_store_n(&t->suspended_uc, uc, __ATOMIC_RELEASE);
    syscall(SYS_futex, &t->suspended_uc, FUTEX_WAKE, 0x7fffffff, NULL, NULL, 0);
    while ((c = __atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE)) > 0)
        syscall(SYS_futex, &t->suspend_count, FUTEX_WAIT, c, NULL, NULL, 0);
    __atomic_store_n(&t->suspended_uc, NULL, __ATOMIC_RELEASE);
}

/* the door's way out of a system call made while a SuspendThread came:
   stopped here until resumed, inside a system call again (so the context
   is the syscall's view, and a context set meanwhile is taken on return) */
NTSTATUS WINAPI unix___wlx_suspend_stop(void)
{
    struct wlx_thread *t = current_thread();
    int c;
    if (!t) return STATUS_SUCCESS;
    volatile uint32_t *pending = (volatile uint32_t *)((uint8_t *)t->teb + TEB_WLX_STOP_PENDING);
    for (;;)
    {
        *pending = 0;
        while ((c = __atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE)) > 0)
        {
            /* stopped here (also on the way to the exception dispatcher, see
               suspend_handler): a suspender waits to see the mark */
            void *none = NULL;
            if (__atomic_compare_exchange_n(&t->suspended_uc, &none, SUSPENDED_IN_SYSCALL, 0, __ATOMIC_ACQ_REL,
                                            __ATOMIC_RELAXED))
                syscall(SYS_futex, &t->suspended_uc, FUTEX_WAKE, 0x7fffffff, NULL, NULL, 0);
            syscall(SYS_futex, &t->suspend_count, FUTEX_WAIT, c, NULL, NULL, 0);
        }
        void *expected = SUSPENDED_IN_SYSCALL;
        __atomic_compare_exchange_n(&t->suspended_uc, &expected, NULL, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED);
        /* a SuspendThread that came between the resume and here found the
           thread inside and marked it (suspend_handler, on this thread): the
           mark just cleared was that one's. Stop again (the loop puts the
           mark back), or its GetThreadContext waits for a mark that never
           comes and fails after 5 s (tests/kernel32/suspendsys.c, 3 runs in
           150 under load) */
        if (!*pending) return STATUS_SUCCESS;
    }
}

void thread_init_suspend_signal(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = suspend_handler;
    sa.sa_flags = SA_RESTART | SA_ONSTACK | SA_SIGINFO;
    sigfillset(&sa.sa_mask);
    sigaction(SIG_SUSPEND, &sa, NULL);
}

NTSTATUS WINAPI unix_NtSuspendThread(HANDLE handle, uint32_t *prev)
{
    struct wlx_thread *t;
    NTSTATUS status;
    if (handle == NtCurrentThread()) { t = current_thread(); __atomic_add_fetch(&t->obj.refcount, 1, __ATOMIC_RELAXED); }
    else if ((status = handle_get(handle, &thread_ops, (struct wlx_object **)&t)))
        return status == STATUS_OBJECT_TYPE_MISMATCH ? procobj_suspend_thread(handle, prev, 1) : status;
    status = thread_suspend(t, prev);
    object_release(&t->obj);
    return status;
}

NTSTATUS thread_suspend(struct wlx_thread *t, uint32_t *prev)
{
    if (__atomic_load_n(&t->exited, __ATOMIC_ACQUIRE)) return ((NTSTATUS)0xC000004B);   /* STATUS_THREAD_IS_TERMINATING */
    int old = __atomic_fetch_add(&t->suspend_count, 1, __ATOMIC_ACQ_REL);
    if (prev) *prev = old;
    /* a thread that has not started yet waits on the count by itself */
    if (!old && t->unix_tid) send_suspend(t->unix_tid);
    return STATUS_SUCCESS;
}

/* a thread not yet running Windows code (created suspended) has its first
   context: FALSE when it runs Windows code */
static int before_pe(struct wlx_thread *t, void *ctx, int set, NTSTATUS *status)
{
    pthread_mutex_lock(&t->ctx_lock);
    int before = !t->in_pe;
    if (before) *status = set ? context_set_initial(t, ctx) : (context_get_initial(t, ctx), STATUS_SUCCESS);
    pthread_mutex_unlock(&t->ctx_lock);
    return before;
}

/* the context of a thread, taken while it sits in the suspend handler
   (suspended for the duration if it was running, as Windows' snapshot); the
   calling thread's own is that of this system call (context.c) */
static NTSTATUS with_suspended(HANDLE handle, void *ctx, int set)
{
    struct wlx_thread *t;
    NTSTATUS status;
    if ((status = context_check_user(ctx, !set))) return status;
    if (handle == NtCurrentThread()) t = current_thread(), __atomic_add_fetch(&t->obj.refcount, 1, __ATOMIC_RELAXED);
    else if ((status = handle_get(handle, &thread_ops, (struct wlx_object **)&t))) return status;
    if (before_pe(t, ctx, set, &status) || t == current_thread())
    {
        if (t == current_thread()) status = set ? context_set(t, ctx, NULL) : (context_get(t, ctx, NULL), 0);
        object_release(&t->obj);
        return status;
    }
    if (!t->unix_tid || __atomic_load_n(&t->exited, __ATOMIC_ACQUIRE))
    {
        object_release(&t->obj);
        return STATUS_UNSUCCESSFUL;
    }
    uint32_t prev;
    unix_NtSuspendThread(handle, &prev);
    struct timespec ts = { 0, 10 * 1000 * 1000 };
    ucontext_t *uc;
    /* a thread that exits meanwhile (ExitThread while being suspended)
       never stops: no waiting for it */
    for (int i = 0; i < 500 && !(uc = __atomic_load_n(&t->suspended_uc, __ATOMIC_ACQUIRE)) &&
                    !__atomic_load_n(&t->exited, __ATOMIC_ACQUIRE); i++)
    {
        /* no answer after 20 ms and then every 100 ms: ask again. A signal
           that came in a moment where the thread could neither stop nor
           note the stop (suspendsys under load, about 1 run in 20 on a
           6.18 kernel) would otherwise leave it running until the 5 s are
           up; a second one finds it stoppable, and one that finds it
           stopped already changes nothing */
        if ((i == 2 || (i > 2 && i % 10 == 0)) && t->unix_tid && __atomic_load_n(&t->suspend_count, __ATOMIC_ACQUIRE) > 0)
            send_suspend(t->unix_tid);
        syscall(SYS_futex, &t->suspended_uc, FUTEX_WAIT, 0, &ts, NULL, 0);
    }
    status = STATUS_SUCCESS;
    if (!uc) status = STATUS_UNSUCCESSFUL;
    else
    {
        if (uc == SUSPENDED_IN_SYSCALL)
        {
            /* the syscall's view (context.c), from the registers the door
               keeps in the TEB. A thread on its way out has cleared
               TEB_WLX_SAVED_RSP for a few instructions before it sees the
               stop and steps back in (door.S): wait for that, or its stack
               pointer would read as 0 (tests/kernel32/suspendsys.c, about
               once in 100 runs) */
            const volatile uint64_t *saved = (const volatile uint64_t *)((uint8_t *)t->teb + TEB_WLX_SAVED_RSP);
            for (int i = 0; i < 100000 && !*saved; i++) sched_yield();
            uc = NULL;
        }
        if (set) status = context_set(t, ctx, uc);
        else context_get(t, ctx, uc);
    }
    unix_NtResumeThread(handle, &prev);
    object_release(&t->obj);
    return status;
}

NTSTATUS WINAPI unix_NtGetContextThread(HANDLE handle, void *ctx)
{
    return with_suspended(handle, ctx, 0);
}

NTSTATUS WINAPI unix_NtSetContextThread(HANDLE handle, const void *ctx)
{
    return with_suspended(handle, (void *)ctx, 1);
}

NTSTATUS WINAPI unix_NtYieldExecution(void)
{
    sched_yield();
    return STATUS_SUCCESS;
}

/* exit code, Windows id, process id and TEB (NULL for another process's)
   of a thread by handle */
static NTSTATUS thread_facts(HANDLE handle, uint32_t *code, uint32_t *tid, uint32_t *pid, void **teb)
{
    struct wlx_thread *t;
    if (teb) *teb = NULL;
    if (handle == NtCurrentThread()) t = current_thread(), __atomic_add_fetch(&t->obj.refcount, 1, __ATOMIC_RELAXED);
    else
    {
        NTSTATUS status = handle_get(handle, &thread_ops, (struct wlx_object **)&t);
        if (status == STATUS_OBJECT_TYPE_MISMATCH) return procobj_thread_info(handle, code, tid, pid);  /* another process's */
        if (status) return status;
    }
    if (code) *code = __atomic_load_n(&t->exited, __ATOMIC_ACQUIRE) ? (uint32_t)t->exit_code : 0x103;
    if (tid)
    {
        /* a new thread publishes its id as its first act */
        while (!__atomic_load_n(&t->tid, __ATOMIC_ACQUIRE))
            syscall(SYS_futex, &t->tid, FUTEX_WAIT, 0, NULL, NULL, 0);
        *tid = t->tid;
    }
    if (pid) *pid = wlx_process_id;
    if (teb) *teb = t->teb;
    object_release(&t->obj);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI unix___wlx_thread_exit_code(HANDLE handle, uint32_t *code, uint32_t *tid)
{
    return thread_facts(handle, code, tid, NULL, NULL);
}

/* ThreadBasicInformation (GetProcessIdOfThread) and ThreadTimes (of this
   process's threads); other classes are not answered yet */
NTSTATUS WINAPI unix_NtQueryInformationThread(HANDLE handle, uint32_t class, void *buf, uint32_t len, uint32_t *ret)
{
    if (class == 1 /* ThreadTimes */)
    {
        struct wlx_thread *t;
        int64_t times[4];
        NTSTATUS status;
        if (len != sizeof(times)) return STATUS_INFO_LENGTH_MISMATCH;
        if (handle == NtCurrentThread()) t = current_thread(), __atomic_add_fetch(&t->obj.refcount, 1, __ATOMIC_RELAXED);
        else if ((status = handle_get(handle, &thread_ops, (struct wlx_object **)&t)))
            return status == STATUS_OBJECT_TYPE_MISMATCH ? STATUS_NOT_IMPLEMENTED : status;   /* another process's */
        status = thread_times(t, times);
        object_release(&t->obj);
        if (!status) { memcpy(buf, times, sizeof(times)); if (ret) *ret = sizeof(times); }
        return status;
    }
    struct {
        int32_t exit_status, pad;
        void *teb;
        uint64_t pid, tid;           /* CLIENT_ID */
        uint64_t affinity;
        int32_t priority, base_priority;
    } info = { 0 };
    uint32_t code, tid, pid;
    long n = wlx_cpu_count();

    if (class != 0 /* ThreadBasicInformation */) return STATUS_NOT_IMPLEMENTED;
    if (len != sizeof(info)) return STATUS_INFO_LENGTH_MISMATCH;
    NTSTATUS status = thread_facts(handle, &code, &tid, &pid, &info.teb);
    if (status) return status;
    info.exit_status = (int32_t)code;    /* STILL_ACTIVE is STATUS_PENDING */
    info.pid = pid;
    info.tid = tid;
    info.affinity = n >= 64 ? ~0ULL : (1ULL << (n > 0 ? n : 1)) - 1;
    info.priority = info.base_priority = 8;
    memcpy(buf, &info, sizeof(info));
    if (ret) *ret = sizeof(info);
    return STATUS_SUCCESS;
}

/* --- settings programs make directly through ntdll ----------------------------
   NtSetInformationThread and NtSetInformationProcess: the classes programs
   set (priorities, affinity, hiding from a debugger, names, power and
   mitigation hints) are accepted once the handle is checked; wlx applies
   none of them (Linux would need privileges, or there is nothing to do).
   Others: STATUS_INVALID_INFO_CLASS. */

static NTSTATUS check_thread_handle(HANDLE handle)
{
    struct wlx_object *obj;
    NTSTATUS status;
    if (handle == NtCurrentThread()) return STATUS_SUCCESS;
    if ((status = handle_get(handle, NULL, &obj))) return status;
    status = strcmp(obj->ops->type, "Thread") ? STATUS_OBJECT_TYPE_MISMATCH : STATUS_SUCCESS;
    object_release(obj);
    return status;
}

NTSTATUS WINAPI unix_NtSetInformationThread(HANDLE handle, uint32_t class, void *info, uint32_t len)
{
    NTSTATUS status = check_thread_handle(handle);
    if (status) return status;
    switch (class)
    {
    case 17:   /* ThreadHideFromDebugger: no debugger here */
        return len ? STATUS_INFO_LENGTH_MISMATCH : STATUS_SUCCESS;
    case 2:    /* ThreadPriority */
    case 3:    /* ThreadBasePriority */
    case 4:    /* ThreadAffinityMask */
    case 9:    /* ThreadQuerySetWin32StartAddress */
    case 10:   /* ThreadZeroTlsCell */
    case 13:   /* ThreadIdealProcessor */
    case 14:   /* ThreadPriorityBoost */
    case 38:   /* ThreadNameInformation (SetThreadDescription keeps the name in kernel32) */
    case 49:   /* ThreadPowerThrottlingState */
        return info || !len ? STATUS_SUCCESS : STATUS_ACCESS_VIOLATION;
    default:
        return STATUS_INVALID_INFO_CLASS;
    }
}

NTSTATUS WINAPI unix_NtSetInformationProcess(HANDLE process, uint32_t class, void *info, uint32_t len)
{
    if (process != NtCurrentProcess())
    {
        int unix_pid;
        NTSTATUS status = procobj_unix_pid(process, &unix_pid);
        if (status) return status;
    }
    switch (class)
    {
    case 5:    /* ProcessBasePriority */
    case 6:    /* ProcessRaisePriority */
    case 12:   /* ProcessDefaultHardErrorMode */
    case 18:   /* ProcessPriorityClass */
    case 21:   /* ProcessAffinityMask */
    case 22:   /* ProcessPriorityBoost */
    case 29:   /* ProcessBreakOnTermination */
    case 33:   /* ProcessIoPriority */
    case 34:   /* ProcessExecuteFlags (DEP: always on) */
    case 39:   /* ProcessPagePriority */
    case 52:   /* ProcessMitigationPolicy */
    case 77:   /* ProcessPowerThrottlingState */
        return info || !len ? STATUS_SUCCESS : STATUS_ACCESS_VIOLATION;
    default:
        return STATUS_INVALID_INFO_CLASS;
    }
}

/* NtSuspendProcess / NtResumeProcess (process managers, psutil): the Linux
   process is stopped and continued as a whole */
static NTSTATUS signal_process(HANDLE process, int sig)
{
    int unix_pid = 0;
    if (process != NtCurrentProcess())
    {
        NTSTATUS status = procobj_unix_pid(process, &unix_pid);
        if (status) return status;
        if (unix_pid < 0) return (NTSTATUS)0xC000010A;   /* STATUS_PROCESS_IS_TERMINATING */
    }
    return kill(unix_pid ? unix_pid : getpid(), sig) ? STATUS_ACCESS_DENIED : STATUS_SUCCESS;
}

NTSTATUS WINAPI unix_NtSuspendProcess(HANDLE process) { return signal_process(process, SIGSTOP); }
NTSTATUS WINAPI unix_NtResumeProcess(HANDLE process) { return signal_process(process, SIGCONT); }
