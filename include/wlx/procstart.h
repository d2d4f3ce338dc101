/*
 * include/wlx/procstart.h — creating a process: the arguments kernel32's
 * CreateProcess hands to ntdll's private __wlx_create_process, and the
 * start-up blob a parent wlx sends its child over the WLX_STARTUP_FD socket
 * (doc/ARCHITECTURE.md, "Child processes"). Shared by the PE side (kernel32)
 * and the Unix side (ntdll/unix): fixed-width members and pointers only.
 */
#ifndef WLX_PROCSTART_H
#define WLX_PROCSTART_H

#include <stdint.h>

/* __wlx_create_process(struct wlx_create_process *) */
struct wlx_create_process {
    const uint16_t *exe_nt;       /* NT path of the program (\??\C:\...), NUL-terminated */
    const uint16_t *cmdline;      /* the exact command line, NUL-terminated */
    const uint16_t *curdir;       /* DOS path of the current folder, ends with '\' */
    const uint16_t *env;          /* UTF-16 environment block (double NUL at the end) */
    uint64_t env_size;            /* its size in bytes, both NULs included */
    void *std_handles[3];         /* stdin, stdout, stderr of the child (NULL: none) */
    uint32_t flags;               /* dwCreationFlags */
    uint32_t inherit;             /* bInheritHandles */
    uint32_t startup_flags;       /* STARTUPINFO dwFlags */
    uint32_t show_window;         /* STARTUPINFO wShowWindow */
    const void *runtime_data;     /* STARTUPINFO lpReserved2 (the C runtime's fd table) */
    uint32_t runtime_size;        /* cbReserved2 */
    uint32_t pad;
    /* out */
    void *process, *thread;
    uint32_t process_id, thread_id;
    /* in: PROC_THREAD_ATTRIBUTE_HANDLE_LIST (NULL: every inheritable handle) */
    void *const *handle_list;
    uint32_t handle_list_count;
    uint32_t pad2;
    /* in: CreateProcessAsUser's token (NULL: the caller's primary token) */
    void *token;
    /* in: PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE's pty slave (NULL: none). The
       std handles that are it go to the child as its fds 0-2, not by value,
       and the first of them becomes the child's controlling terminal in a
       session of its own (ntdll/unix/pty.c) */
    void *console;
};

/* Parent → child: this header, then cmdline, curdir (UTF-16, no NUL), the
 * environment block (env_size bytes) and the runtime data (runtime_size). Child → parent: two uint32_t, its
 * process and main thread ids, once registered (0 and an NTSTATUS when the
 * server refused it, e.g. STATUS_QUOTA_EXCEEDED from a job's limit). Parent → child, for
 * CREATE_SUSPENDED: one byte when the main thread is resumed. */
#define WLX_STARTUP_MAGIC 0x57534c58u   /* "XLSW" */
#define WLX_STARTUP_FD_VAR "WLX_STARTUP_FD"
struct wlx_startup_header {
    uint32_t magic;
    uint32_t parent_id;           /* Windows id of the parent */
    uint32_t flags;               /* dwCreationFlags */
    uint32_t cmdline_len;         /* in WCHARs */
    uint32_t curdir_len;          /* in WCHARs */
    uint32_t runtime_size;        /* in bytes */
    uint64_t env_size;            /* in bytes */
    uint32_t startup_flags;       /* STARTUPINFO dwFlags */
    uint32_t show_window;         /* STARTUPINFO wShowWindow */
    uint32_t handle_count;        /* inherited handles that follow the runtime data */
    uint32_t std_special;         /* bit i: std handle i is NULL; bit 3+i: INVALID_HANDLE_VALUE */
    uint64_t std_handles[3];      /* bInheritHandles: the child's std handle values (0: none) */
    uint32_t deny_groups;         /* its primary token's deny-only groups (wlx/token.h) */
    uint32_t pad;
};
/* After the runtime data, for bInheritHandles: handle_count records (a
 * struct wlx_inherited_handle each, ntdll/unix/xhandle.h) in batches of
 * WLX_INHERIT_BATCH, each batch one message carrying its fds (SCM_RIGHTS)
 * in the order of the records that have one. */
#define WLX_INHERIT_BATCH 128

#endif
