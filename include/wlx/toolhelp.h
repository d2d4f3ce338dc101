/*
 * include/wlx/toolhelp.h — what ntdll's private __wlx_process_facts tells
 * kernel32's toolhelp snapshots (kernel32/toolhelp.c) about one process of
 * the prefix, the thread list of __wlx_thread_ids, and what crosses
 * processes about threads (list_processes, thread_service). Shared by the PE and
 * Unix sides: fixed-width members only.
 */
#ifndef WLX_TOOLHELP_H
#define WLX_TOOLHELP_H

#include <stdint.h>

/* __wlx_process_facts(ULONG process_id, struct wlx_process_facts *) */
struct wlx_process_facts {
    uint32_t process_id;
    uint32_t parent_id;        /* 0: started from outside the prefix */
    uint32_t threads;          /* Linux threads of the process */
    uint32_t pad;
    uint16_t exe_name[260];    /* the program's file name, no folder, NUL-terminated */
};

/* list_processes (server/protocol.def): one live process of the prefix */
struct wlx_process_entry {
    uint32_t process_id;
    uint32_t parent_id;
    int32_t unix_pid;
    uint32_t pad;
};

/* __wlx_system_threads(struct wlx_thread_entry *, ULONG max, ULONG *count):
   the threads of every process of the prefix (toolhelp thread snapshots) */
struct wlx_thread_entry {
    uint32_t thread_id;
    uint32_t process_id;
};

/* thread_service ops: what a process does for another about its threads
   (ntdll/unix/xthread.c) */
enum wlx_thread_op {
    WLX_THREAD_LIST = 1,       /* its live threads' ids */
    WLX_THREAD_QUERY,          /* is it one of ours: value = exit code (STILL_ACTIVE while it runs) */
    WLX_THREAD_SUSPEND,        /* NtSuspendThread: value = previous count */
    WLX_THREAD_RESUME,         /* NtResumeThread: value = previous count */
    WLX_PROCESS_VM_ALLOC,      /* NtAllocateVirtualMemory there: address, size = the region */
    WLX_PROCESS_VM_FREE,       /* NtFreeVirtualMemory there */
};

#define WLX_THREAD_LIST_MAX 1024

/* the answer on the caller's socket pair */
struct wlx_thread_answer {
    int32_t status;            /* NTSTATUS */
    uint32_t value;
    uint64_t address, size;    /* WLX_PROCESS_VM_*: the region */
    uint32_t count;            /* WLX_THREAD_LIST: ids that follow */
    uint32_t ids[WLX_THREAD_LIST_MAX];
};

#endif
