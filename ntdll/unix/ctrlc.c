/*
 * ntdll/unix/ctrlc.c — Ctrl-C and Ctrl-Break for console programs.
 *
 * On Windows the console starts a new thread in the process at kernel32's
 * CtrlRoutine. Here SIGINT (Ctrl-C) and SIGQUIT (Ctrl-\, as Ctrl-Break) are
 * caught by a handler that only writes a byte to a pipe (async-signal-safe);
 * a small Unix thread reads it and starts the Windows thread — the Unix side
 * never calls PE code itself. Until kernel32 registers its routine, the
 * signals keep their default action.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "private.h"

static void *ctrl_routine;
static int ctrl_pipe[2] = { -1, -1 };

static void ctrl_signal(int sig)
{
    char event = sig == SIGINT ? 0 /* CTRL_C_EVENT */ : 1 /* CTRL_BREAK_EVENT */;
    int saved = errno;
    if (write(ctrl_pipe[1], &event, 1) < 0) { /* the pipe is full: events are already pending */ }
    errno = saved;
}

NTSTATUS WINAPI unix_NtCreateThreadEx(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, HANDLE, void *, void *, uint32_t,
                                      size_t, size_t, size_t, void *);

static void *ctrl_thread(void *arg)
{
    char event;
    (void)arg;
    for (;;)
    {
        ssize_t r = read(ctrl_pipe[0], &event, 1);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        HANDLE thread;
        if (!unix_NtCreateThreadEx(&thread, 0x1fffff, NULL, NtCurrentProcess(), ctrl_routine,
                                   (void *)(uintptr_t)event, 0, 0, 0, 0, NULL))
            handle_close(thread);
    }
    return NULL;
}

NTSTATUS WINAPI unix___wlx_set_ctrl_routine(void *routine)
{
    pthread_t t;
    pthread_attr_t attr;
    struct sigaction sa;
    sigset_t all, old;

    if (ctrl_routine || !routine) return STATUS_SUCCESS;
    if (pipe2(ctrl_pipe, O_CLOEXEC)) return errno_to_status(errno);
    fcntl(ctrl_pipe[1], F_SETFL, O_NONBLOCK);
    ctrl_routine = routine;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);   /* the watcher itself takes no signals */
    int err = pthread_create(&t, &attr, ctrl_thread, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    if (err) return STATUS_NO_MEMORY;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = ctrl_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    return STATUS_SUCCESS;
}
