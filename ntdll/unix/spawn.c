/*
 * ntdll/unix/spawn.c — starting the Linux process of a child wlx.
 *
 * glibc's posix_spawn, called from a thread that has signals blocked (as a
 * Windows thread inside a system call often has), resets the disposition of
 * every blocked signal in the child before exec: 130 rt_sigaction calls,
 * measured with strace, a tenth of a tiny child's whole start. We need none
 * of it: the child is a vfork-like clone that keeps every signal blocked
 * from the clone to the exec, so no handler of ours can run on the shared
 * memory, and exec resets the handlers anyway. The new wlx unblocks its
 * signals as it starts (loader/main.c). The child only moves the standard
 * fds into place (a pseudoconsole's child also starts a session on its
 * terminal), keeps the start-up socket, changes folder and execs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include "private.h"

struct spawn_args {
    const char *path;
    char **argv, **envp;
    const int *std_fds;     /* three fds (above 2) or -1 for the null device */
    int keep_fd;            /* stays open across the exec */
    const char *cwd;
    int ctty;               /* a std fd (0-2) to be the controlling terminal of a new session, or -1 */
    volatile int err;       /* the child's errno when it could not exec */
};

/* runs in the child, on its own stack, sharing our memory until the exec:
   only plain system calls here */
static int spawn_child_main(void *arg)
{
    struct spawn_args *a = arg;
    for (int i = 0; i < 3; i++)
    {
        int fd = a->std_fds[i] >= 0 ? a->std_fds[i] : open("/dev/null", O_RDWR);
        if (fd < 0 || dup2(fd, i) < 0) goto fail;
    }
    /* a pseudoconsole's child (kernel32/pseudoconsole.c): the pty leads its
       session, so closing the pseudoconsole hangs it up (SIGHUP) */
    if (a->ctty >= 0 && (setsid() < 0 || ioctl(a->ctty, TIOCSCTTY, 0) < 0)) goto fail;
    /* ... even when we were started under nohup (no CLONE_SIGHAND: the
       child's dispositions are its own) */
    if (a->ctty >= 0) signal(SIGHUP, SIG_DFL);
    if (fcntl(a->keep_fd, F_SETFD, 0) < 0) goto fail;
    if (a->cwd && chdir(a->cwd) < 0) goto fail;
    execve(a->path, a->argv, a->envp);
fail:
    a->err = errno;
    _exit(127);
}

/* 0 and the child's pid, or an errno (then no child is left behind) */
int spawn_wlx(const char *path, char **argv, char **envp, const int std_fds[3], int keep_fd, const char *cwd,
              int ctty, int *pid)
{
    struct spawn_args a = { path, argv, envp, std_fds, keep_fd, cwd, ctty, 0 };
    char stack[16384] __attribute__((aligned(16)));
    sigset_t all, old;

    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    /* CLONE_VFORK: we resume once the child has exec'd or exited */
    int child = clone(spawn_child_main, stack + sizeof(stack), CLONE_VM | CLONE_VFORK | SIGCHLD, &a);
    int err = child < 0 ? errno : a.err;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (child > 0 && err)
    {
        while (waitpid(child, NULL, 0) < 0 && errno == EINTR) ;
        return err;
    }
    if (!err) *pid = child;
    return err;
}
