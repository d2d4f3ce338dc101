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
 * when none runs. Returns 0, or -1 after printing why on stderr. One
 * connection per process: a forked child must not use its parent's (it
 * execs a new wlx, which connects anew; the socket is close-on-exec). */
int wlx_server_connect(const char *prefix_dir, const char *server_binary_path);

/* One request/reply. req/reply are the fixed bodies (header excluded). A
 * reply shorter than reply_size is zero-filled. fd_out, when not NULL,
 * receives an fd sent with the reply or -1. Thread-safe. */
NTSTATUS wlx_server_call(uint32_t code, const void *req, uint32_t req_size,
                         void *reply, uint32_t reply_size, int *fd_out);

/* The VARARG parts of a call (see server/protocol.def). */
struct wlx_server_data {
    const void *data;              /* sent after the request body */
    uint32_t data_size;
    void *reply_data;              /* receives what follows the reply body */
    uint32_t reply_data_max;
    uint32_t reply_data_size;      /* out: what the server sent; more than
                                      reply_data_max means it was cut */
};

/* wlx_server_call with VARARG data; data may be NULL. A request too large
 * for one message gets STATUS_INVALID_PARAMETER without being sent. */
NTSTATUS wlx_server_call_data(uint32_t code, const void *req, uint32_t req_size,
                              void *reply, uint32_t reply_size,
                              struct wlx_server_data *data, int *fd_out);

/* wlx_server_call_data that also sends send_fd (>= 0) with the request
 * (SCM_RIGHTS; the caller keeps its own copy). */
NTSTATUS wlx_server_call_fd(uint32_t code, const void *req, uint32_t req_size,
                            void *reply, uint32_t reply_size,
                            struct wlx_server_data *data, int send_fd, int *fd_out);

/* init_process; the calling thread becomes the main thread: its Windows id
 * goes in the headers of its later requests (and in traces). */
NTSTATUS wlx_server_init_process(uint32_t parent_id, uint32_t *process_id, uint32_t *thread_id);
/* The service socket init_process handed over (protocol.def,
 * dup_from_process), -1 before it or without one. */
int wlx_server_service_fd(void);
/* init_thread: registers a new thread (unix_tid 0 if not known yet), e.g.
 * by its creator, since CreateThread returns the id at once. */
NTSTATUS wlx_server_init_thread(int32_t unix_tid, uint32_t *thread_id);
/* The calling thread's Windows id, for the headers of its requests: call it
 * first thing in each new thread. */
void wlx_server_set_thread_id(uint32_t thread_id);

#endif /* WLX_SERVER_H */
