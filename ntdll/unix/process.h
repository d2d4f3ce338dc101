/*
 * ntdll/unix/process.h — child processes: the start-up channel a child reads
 * (process.c) and the process object of other processes (procobj.c).
 */
#ifndef WLX_NTDLL_UNIX_PROCESS_H
#define WLX_NTDLL_UNIX_PROCESS_H

#include "private.h"
#include "wlx/procstart.h"
#include "wlx/protocol.h"
#include "wlx/toolhelp.h"

/* what a parent sent (process.c); fd -1 when started from a shell */
struct process_startup {
    int fd;
    struct wlx_startup_header hdr;
    WCHAR *cmdline, *curdir, *env, *runtime;
};
extern struct process_startup wlx_startup;
extern uint32_t wlx_parent_id;
void process_read_startup(void);               /* before init_process */
void process_report_ids(uint32_t pid, uint32_t tid);
void process_report_refusal(NTSTATUS status);  /* init_process failed: tells the parent, ends */
void process_wait_resume(void);                /* CREATE_SUSPENDED: before the entry point */
/* token.c: the deny-only groups of a child's primary token, and this
   process's own from its parent */
uint32_t token_child_deny_groups(HANDLE token);
void token_start(uint32_t deny_groups);

/* other processes (procobj.c) */
extern const struct object_ops process_ops;
NTSTATUS procobj_basic_info(HANDLE h, void *buf, uint32_t len, uint32_t *ret);
NTSTATUS procobj_unix_pid(HANDLE h, int *unix_pid);
NTSTATUS procobj_ended_times(HANDLE h, void *buf, uint32_t len, uint32_t *ret);   /* an ended child's */
NTSTATUS procobj_terminate(HANDLE h, NTSTATUS code);
NTSTATUS procobj_suspend_thread(HANDLE h, uint32_t *prev, int suspend);   /* NtSuspendThread/NtResumeThread */
NTSTATUS procobj_thread_info(HANDLE h, uint32_t *code, uint32_t *tid, uint32_t *pid);
NTSTATUS procobj_open_thread(uint32_t tid, ACCESS_MASK access, unsigned attributes, HANDLE *handle);

/* threads of other processes (xthread.c) */
#define STATUS_THREAD_IS_TERMINATING ((NTSTATUS)0xC000004B)
NTSTATUS xthread_call(uint32_t pid, uint32_t tid, uint32_t op, struct wlx_thread_answer *answer);
NTSTATUS xthread_call_vm(uint32_t pid, uint32_t op, void **addr, size_t *size, uint32_t type, uint32_t prot);
void xthread_serve(const struct wlx_thread_service_request *req, int reply);

#endif
