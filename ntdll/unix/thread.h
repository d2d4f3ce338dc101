/*
 * ntdll/unix/thread.h — the Unix side's thread record, shared by thread.c,
 * process.c and the loader.
 */
#ifndef WLX_NTDLL_UNIX_THREAD_H
#define WLX_NTDLL_UNIX_THREAD_H

#include <pthread.h>
#include <setjmp.h>
#include <time.h>

struct wlx_thread {
    struct wlx_object obj;      /* the thread object handles refer to */
    pthread_t pthread;
    void *teb;
    uint32_t tid;               /* Windows thread id (futex until set) */
    int unix_tid;
    void *start, *param;        /* PE start routine and its argument */
    int suspend_count;          /* futex: the thread waits while > 0 */
    int exited;                 /* futex: 1 once the thread has ended */
    struct sync_state exit_state; /* signaled at its end: what waits see (sync.c) */
    int32_t exit_code;
    sigjmp_buf exit_jmp;        /* NtTerminateThread jumps back here */
    int terminating;            /* TerminateThread from another thread */
    void *suspended_uc;         /* its ucontext while in the suspend handler */
    size_t stack_reserve;       /* of its Windows stack (the cache's key) */
    void *altstack;             /* its signal stack */
    void *pending_context;      /* CONTEXT set while it was in a syscall (context.c) */
    void *initial_context;      /* CONTEXT set before it ran any Windows code */
    int in_pe;                  /* it has entered Windows code (under ctx_lock) */
    pthread_mutex_t ctx_lock;   /* in_pe and initial_context */
    int64_t create_time;        /* GetThreadTimes: when made (0: the main thread, the process's) */
    int64_t exit_time, kernel_time, user_time;   /* kept at its end */
    int debug_fd[4];            /* the perf events of its hardware breakpoints (debugreg.c) */
    uint32_t debug_armed;       /* the slots that have one */
    int debug_ended;            /* it has ended: no new events */
};

extern const struct object_ops thread_ops;
extern void *wlx_thread_start_pe;
extern size_t wlx_default_stack_reserve;
uint32_t thread_id_from_unix(int tid);
void thread_list_add(struct wlx_thread *t);
size_t thread_list_ids(uint32_t *ids, size_t max);   /* Windows ids of the live threads */
struct wlx_thread *thread_find(uint32_t tid);         /* a live thread by Windows id (a reference) */
NTSTATUS thread_exit_code_of(uint32_t tid, uint32_t *code);   /* live or recently ended */
NTSTATUS thread_suspend(struct wlx_thread *t, uint32_t *prev);
NTSTATUS thread_resume(struct wlx_thread *t, uint32_t *prev);
void thread_init_suspend_signal(void);
void *signal_ntdll_export(const char *name);   /* an export of ntdll (signal.c) */
struct ucontext_t;
/* context.c: GetThreadContext/SetThreadContext of a thread suspended at uc
   (NULL: the calling thread, in this system call) */
void context_get(struct wlx_thread *t, void *ctx, const struct ucontext_t *uc);
NTSTATUS context_set(struct wlx_thread *t, const void *ctx, struct ucontext_t *uc);
NTSTATUS context_check_user(void *ctx, int write);   /* a CONTEXT the caller may read/write */
/* the same for a thread that has not entered Windows code yet (ctx_lock held) */
void context_get_initial(struct wlx_thread *t, void *ctx);
NTSTATUS context_set_initial(struct wlx_thread *t, const void *ctx);
/* debugreg.c: hardware breakpoints (the CONTEXT's debug registers) */
void debugreg_set(struct wlx_thread *t, const void *ctx);   /* a CONTEXT with CONTEXT_DEBUG_REGISTERS */
void debugreg_get(const void *teb, void *ctx);              /* into a CONTEXT */
int debugreg_hit(void *teb, uint64_t slot);                 /* signal.c: 1 an execution breakpoint, 0 data, -1 none */
void debugreg_thread_end(struct wlx_thread *t);
void debugreg_release(struct wlx_thread *t);
NTSTATUS WINAPI unix_NtSuspendThread(HANDLE handle, uint32_t *prev);
NTSTATUS WINAPI unix_NtResumeThread(HANDLE handle, uint32_t *prev);
void *thread_create_teb_at(void *mem, void *peb, uint32_t tid, struct wlx_thread *ut);
int nt_timeout_to_timespec(const LARGE_INTEGER *timeout, struct timespec *ts, int *absolute);
void __attribute__((noreturn)) process_exit(int32_t code);

#endif
