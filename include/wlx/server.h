/*
 * include/wlx/server.h — the client side of the wlx server (Unix side only).
 *
 * Implemented in ntdll/unix/server.c; also included by server/ for the
 * socket location and the status values both sides use. The messages
 * themselves are in the generated wlx/protocol.h (from server/protocol.def).
 */
#ifndef WLX_SERVER_H
#define WLX_SERVER_H

#include <stdint.h>
#include "wlx/protocol.h"

typedef int32_t NTSTATUS;

/* The NTSTATUS values the server protocol uses (values from the SDK). */
#ifndef STATUS_SUCCESS
#define STATUS_SUCCESS                ((NTSTATUS)0x00000000)
#endif
#ifndef STATUS_PENDING
#define STATUS_PENDING                ((NTSTATUS)0x00000103)
#endif
#ifndef STATUS_NOT_IMPLEMENTED
#define STATUS_NOT_IMPLEMENTED        ((NTSTATUS)0xC0000002)
#endif
#ifndef STATUS_INVALID_CID
#define STATUS_INVALID_CID            ((NTSTATUS)0xC000000B)
#endif
#ifndef STATUS_INVALID_PARAMETER
#define STATUS_INVALID_PARAMETER      ((NTSTATUS)0xC000000D)
#endif
#ifndef STATUS_NO_MEMORY
#define STATUS_NO_MEMORY              ((NTSTATUS)0xC0000017)
#endif
#ifndef STATUS_ACCESS_DENIED
#define STATUS_ACCESS_DENIED          ((NTSTATUS)0xC0000022)
#endif
#ifndef STATUS_PROCESS_IS_TERMINATING
#define STATUS_PROCESS_IS_TERMINATING ((NTSTATUS)0xC000010A)
#endif
#ifndef STATUS_INVALID_DEVICE_STATE
#define STATUS_INVALID_DEVICE_STATE   ((NTSTATUS)0xC0000184)
#endif
/* Not an NTSTATUS Windows has: the server could not be reached or answered
 * with a broken message (the client then also prints why). */
#define STATUS_WLX_SERVER_FAILED      ((NTSTATUS)0xE0570001)

/* GetExitCodeProcess of a running process. */
#define WLX_STILL_ACTIVE 259
/* Exit code of a process (or thread) that ended without exit_process
 * (killed by a signal, crashed in Unix code, lost its connection): 1, what a
 * forcibly ended process gets on Windows from taskkill /f and Task Manager. */
#define WLX_EXIT_CODE_KILLED 1

/* /tmp/.wlx-<uid>/server-<dev>-<ino>/ of the prefix folder, dev and ino in
 * hex. Both folders are 0700 and owned by the user. */
#define WLX_SERVER_BASE_FMT "/tmp/.wlx-%u"
#define WLX_SERVER_DIR_FMT  WLX_SERVER_BASE_FMT "/server-%llx-%llx"
#define WLX_SERVER_SOCKET   "socket"
#define WLX_SERVER_LOCK     "lock"      /* flock'ed by the running server; holds its pid */

/* Signal raised (F_SETSIG) when the server dies; its handler exits the
 * process. Real-time, so that it cannot be confused with a plain SIGIO. */
#define WLX_SERVER_DEATH_SIGNAL (SIGRTMIN + 3)

/* Connects to the prefix's server, starting server_binary_path (detached)
 * when none runs. Returns 0, or -1 after printing why on stderr. */
int wlx_server_connect(const char *prefix_dir, const char *server_binary_path);

/* One request/reply. req/reply are the bodies (header excluded). A reply
 * shorter than reply_size is zero-filled. fd_out, when not NULL, receives
 * an fd sent with the reply or -1. Thread-safe. */
NTSTATUS wlx_server_call(uint32_t code, const void *req, uint32_t req_size,
                         void *reply, uint32_t reply_size, int *fd_out);

/* init_process / init_thread, setting this thread's Windows id for the
 * headers of later requests (and the tracer). */
NTSTATUS wlx_server_init_process(uint32_t parent_id, uint32_t *process_id, uint32_t *thread_id);
NTSTATUS wlx_server_init_thread(uint32_t *thread_id);

#endif /* WLX_SERVER_H */
