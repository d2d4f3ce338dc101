/*
 * ntdll/unix/ctrlc.c — Ctrl-C and Ctrl-Break for console programs.
 *
 * On Windows the console starts a new thread in the process at kernel32's
 * CtrlRoutine. Here SIGINT (Ctrl-C), SIGQUIT (Ctrl-\, as Ctrl-Break) and
 * SIGHUP (the terminal or pseudoconsole went away: CTRL_CLOSE_EVENT) are
 * caught by a handler that only writes a byte to a pipe (async-signal-safe);
 * the process's one service thread (the KUSER_SHARED_DATA clock thread of
 * usershared.c) reads it between clock ticks and starts the Windows thread —
 * the Unix side never calls PE code itself. Until kernel32 registers its
 * routine, the signals keep their default action.
 *
 * The same sleep also watches the process's service socket: requests the
 * server hands over (a handle another process duplicates out of this one,
 * xhandle.c), so they are answered whatever the Windows threads are doing.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <time.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "private.h"
#include "xhandle.h"

static void *ctrl_routine;
static int ctrl_pipe[2] = { -1, -1 };

static void ctrl_signal(int sig)
{
    char event = sig == SIGINT ? 0 /* CTRL_C_EVENT */ : sig == SIGHUP ? 2 /* CTRL_CLOSE_EVENT */ : 1 /* CTRL_BREAK_EVENT */;
    int saved = errno;
    if (write(ctrl_pipe[1], &event, 1) < 0) { /* the pipe is full: events are already pending */ }
    errno = saved;
}

NTSTATUS WINAPI unix_NtCreateThreadEx(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, HANDLE, void *, void *, uint32_t,
                                      size_t, size_t, size_t, void *);

static void dispatch_pending(void)
{
    char events[16];
    ssize_t r = read(ctrl_pipe[0], events, sizeof(events));
    for (ssize_t i = 0; i < r; i++)
    {
        HANDLE thread;
        if (!unix_NtCreateThreadEx(&thread, 0x1fffff, NULL, NtCurrentProcess(), ctrl_routine,
                                   (void *)(uintptr_t)events[i], 0, 0, 0, 0, NULL))
            handle_close(thread);
    }
}

/* the service thread's sleep: until the absolute CLOCK_MONOTONIC time
   *until, handling Ctrl-C events and service requests as they come */
void ctrlc_wait_until(const struct timespec *until)
{
    for (;;)
    {
        struct pollfd p[2] = { { __atomic_load_n(&ctrl_pipe[0], __ATOMIC_ACQUIRE), POLLIN, 0 },
                               { xhandle_service_fd(), POLLIN, 0 } };   /* fds of -1 are ignored */
        struct timespec now, rel;
        clock_gettime(CLOCK_MONOTONIC, &now);
        rel.tv_sec = until->tv_sec - now.tv_sec;
        rel.tv_nsec = until->tv_nsec - now.tv_nsec;
        if (rel.tv_nsec < 0) { rel.tv_nsec += 1000000000; rel.tv_sec--; }
        if (rel.tv_sec < 0) return;
        if (ppoll(p, 2, &rel, NULL) <= 0) return;
        if (p[0].revents & POLLIN) dispatch_pending();
        if (p[1].revents) xhandle_serve(p[1].fd);
    }
}

NTSTATUS WINAPI unix___wlx_set_ctrl_routine(void *routine)
{
    struct sigaction sa;
    int fds[2];

    if (ctrl_routine || !routine) return STATUS_SUCCESS;
    if (pipe2(fds, O_CLOEXEC | O_NONBLOCK)) return errno_to_status(errno);
    ctrl_routine = routine;
    ctrl_pipe[1] = fds[1];
    __atomic_store_n(&ctrl_pipe[0], fds[0], __ATOMIC_RELEASE);
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = ctrl_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    /* nohup's SIG_IGN stays: such a program outlives its terminal */
    struct sigaction old;
    if (!sigaction(SIGHUP, NULL, &old) && old.sa_handler != SIG_IGN) sigaction(SIGHUP, &sa, NULL);
    return STATUS_SUCCESS;
}
