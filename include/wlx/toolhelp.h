/*
 * include/wlx/toolhelp.h — what ntdll's private __wlx_process_facts tells
 * kernel32's toolhelp snapshots (kernel32/toolhelp.c) about one process of
 * the prefix, and the thread list of __wlx_thread_ids. Shared by the PE and
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

#endif
