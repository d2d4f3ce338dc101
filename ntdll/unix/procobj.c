/*
 * ntdll/unix/procobj.c — other processes: creating one (a new wlx, spawned),
 * the process object behind a process handle (waitable through a pidfd),
 * the object behind a handle to one of its threads (OpenThread, the main
 * thread's handle; what it asks the process itself is xthread.c's), exit
 * codes, opening a process by id, terminating one, and reaping our Linux
 * children.
 *
 * Sections: objects · exit codes · reaping · children created suspended ·
 * creation · syscalls.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "private.h"
#include "process.h"
#include "sysinfo.h"
#include "thread.h"
#include "xhandle.h"
#include "wlx/server.h"
#include "wlx/protocol.h"

extern char **environ;
extern char *wlx_server_binary;

#define PROCESS_ALL_ACCESS 0x1fffff
#define THREAD_ALL_ACCESS  0x1fffff
#define CREATE_SUSPENDED   0x4

/* --- objects ------------------------------------------------------------------ */

struct proc {
    struct wlx_object obj;
    pthread_mutex_t lock;
    int pidfd;                  /* -1: already ended when opened */
    int unix_pid;
    int is_child;               /* ours to reap */
    int reaped, wait_status;
    int have_code;
    uint32_t exit_code;
    uint32_t id, parent_id, main_tid;
    int ctl_fd;                 /* start-up socket: resumes a suspended child */
    int suspend_count;
    /* a child's times, kept for when it has ended (GetProcessTimes) */
    int64_t create_time, exit_time;
    struct rusage usage;        /* from wait4 when reaped */
};

struct rthread {                /* a thread of another process (or ours, imported back) */
    struct wlx_object obj;
    struct proc *proc;
    uint32_t tid;               /* its Windows id */
    int tfd;                    /* pidfd of its Linux thread (PIDFD_THREAD); -1: a main
                                   thread, which ends with its process; TFD_ENDED */
};

#define TFD_ENDED (-2)          /* the Linux thread was gone when the object was made */

#ifndef PIDFD_THREAD
#define PIDFD_THREAD O_EXCL
#endif

static void abandon_child(int pid);
static int proc_reap_locked(struct proc *p, int options);
static void pending_remove(struct proc *p);
static struct proc *proc_open_id(uint32_t id);

static void proc_destroy(struct wlx_object *obj)
{
    struct proc *p = (struct proc *)obj;
    if (p->is_child && !p->reaped && !proc_reap_locked(p, WNOHANG)) abandon_child(p->unix_pid);
    if (p->pidfd >= 0) close(p->pidfd);
    if (p->ctl_fd >= 0) close(p->ctl_fd);
    pending_remove(p);
    pthread_mutex_destroy(&p->lock);
}

/* milliseconds left until an NT timeout, -1 for none */
static int timeout_ms(const LARGE_INTEGER *timeout)
{
    struct timespec ts, now;
    int absolute = 0;
    if (!nt_timeout_to_timespec(timeout, &ts, &absolute)) return -1;
    if (absolute)
    {
        clock_gettime(CLOCK_REALTIME, &now);
        int64_t ms = (ts.tv_sec - now.tv_sec) * 1000LL + (ts.tv_nsec - now.tv_nsec) / 1000000;
        return ms < 0 ? 0 : ms > 0x7fffffff ? 0x7fffffff : (int)ms;
    }
    int64_t ms = ts.tv_sec * 1000LL + (ts.tv_nsec + 999999) / 1000000;
    return ms > 0x7fffffff ? 0x7fffffff : (int)ms;
}

static int pidfd_ended(int fd, int ms);

static int proc_ended(struct proc *p, int ms)
{
    return p->pidfd < 0 || pidfd_ended(p->pidfd, ms);
}

/* under p's lock: reaps the child, keeping its CPU times and when it was
   reaped (at once after it ended when someone waits, else later: the
   exit time is then late by as much) */
static int proc_reap_locked(struct proc *p, int options)
{
    if (!p->is_child || p->reaped) return p->reaped;
    if (wait4(p->unix_pid, &p->wait_status, options, &p->usage) == p->unix_pid)
    {
        p->reaped = 1;
        p->exit_time = time_system();
    }
    return p->reaped;
}

static void proc_reap(struct proc *p)
{
    pthread_mutex_lock(&p->lock);
    proc_reap_locked(p, 0);
    pthread_mutex_unlock(&p->lock);
}

/* signaled once the process has ended; the zombie is reaped at once */
static NTSTATUS proc_wait(struct wlx_object *obj, const LARGE_INTEGER *timeout)
{
    struct proc *p = (struct proc *)obj;
    int ms = timeout_ms(timeout);
    while (!proc_ended(p, ms)) if (ms >= 0) return STATUS_TIMEOUT;
    proc_reap(p);
    return STATUS_WAIT_0;
}

static NTSTATUS proc_export(struct wlx_object *obj, struct object_export *ex, int *fd);

const struct object_ops process_ops = { "Process", proc_destroy, proc_wait, NULL, proc_export };

static void rthread_destroy(struct wlx_object *obj)
{
    struct rthread *t = (struct rthread *)obj;
    if (t->tfd >= 0) close(t->tfd);
    object_release(&t->proc->obj);
}

static int pidfd_ended(int fd, int ms)
{
    struct pollfd pfd = { .fd = fd, .events = POLLIN };
    for (;;)
    {
        int r = poll(&pfd, 1, ms);
        if (r >= 0) return r > 0;
        if (errno != EINTR) return 1;
    }
}

/* signaled when the thread ends: its Linux thread's pidfd, or for a main
   thread (whose Linux thread stays until the process ends) the process */
static NTSTATUS rthread_wait(struct wlx_object *obj, const LARGE_INTEGER *timeout)
{
    struct rthread *t = (struct rthread *)obj;
    if (t->tfd == TFD_ENDED) return STATUS_WAIT_0;
    if (t->tfd < 0) return proc_wait(&t->proc->obj, timeout);
    int ms = timeout_ms(timeout);
    while (!pidfd_ended(t->tfd, ms)) if (ms >= 0) return STATUS_TIMEOUT;
    return STATUS_WAIT_0;
}

static NTSTATUS rthread_export(struct wlx_object *obj, struct object_export *ex, int *fd);

static const struct object_ops rthread_ops = { "Thread", rthread_destroy, rthread_wait, NULL, rthread_export };

static struct proc *proc_new(int unix_pid, uint32_t id, uint32_t parent_id, int is_child)
{
    struct proc *p = object_new(&process_ops, sizeof(*p));
    if (!p) return NULL;
    pthread_mutex_init(&p->lock, NULL);
    p->unix_pid = unix_pid;
    p->id = id;
    p->parent_id = parent_id;
    p->is_child = is_child;
    if (is_child) p->create_time = time_system();
    p->ctl_fd = -1;
    p->pidfd = unix_pid > 0 ? syscall(SYS_pidfd_open, unix_pid, 0) : -1;
    return p;
}

/* a thread object for thread tid of p (takes p's reference); a thread
   other than the main one is watched through its Linux thread (tid / 8,
   ARCHITECTURE.md "The server and ids") */
static struct rthread *rthread_new(struct proc *p, uint32_t tid)
{
    struct rthread *t = object_new(&rthread_ops, sizeof(*t));
    if (!t) return NULL;
    t->proc = p;
    t->tid = tid;
    t->tfd = tid % 8 == 4 ? syscall(SYS_pidfd_open, tid / 8, PIDFD_THREAD) : -1;
    if (t->tfd < 0 && tid % 8 == 4 && errno == ESRCH) t->tfd = TFD_ENDED;
    return t;
}

/* --- exit codes ------------------------------------------------------------------
   The child hands its full 32-bit code to the server (exit_process) before it
   exits, and TerminateProcess records it there: ask the server first. Linux
   keeps only 8 bits: the waitpid status is the fallback. */

static uint32_t proc_exit_code(struct proc *p)
{
    struct wlx_get_process_info_request req = { .process_id = p->id };
    struct wlx_get_process_info_reply reply;

    if (!proc_ended(p, 0)) return WLX_STILL_ACTIVE;
    proc_reap(p);
    pthread_mutex_lock(&p->lock);
    if (!p->have_code)
    {
        if (!wlx_server_call(WLX_REQ_GET_PROCESS_INFO, &req, sizeof(req), &reply, sizeof(reply), NULL) && !reply.alive)
            p->exit_code = reply.exit_code;
        else if (p->reaped && WIFEXITED(p->wait_status))
            p->exit_code = WEXITSTATUS(p->wait_status);
        else
            p->exit_code = WLX_EXIT_CODE_KILLED;
        p->have_code = 1;
    }
    pthread_mutex_unlock(&p->lock);
    return p->exit_code;
}

/* --- reaping ------------------------------------------------------------------------
   A child whose handles are all closed while it runs is reaped by a SIGCHLD
   handler that waits for exactly those pids (never -1: other waiters keep
   their children). */

#define MAX_ABANDONED 256
static int abandoned[MAX_ABANDONED];

static void sigchld_handler(int sig)
{
    int saved = errno;
    (void)sig;
    for (int i = 0; i < MAX_ABANDONED; i++)
    {
        int pid = __atomic_load_n(&abandoned[i], __ATOMIC_ACQUIRE);
        if (pid > 0 && waitpid(pid, NULL, WNOHANG) == pid) __atomic_store_n(&abandoned[i], 0, __ATOMIC_RELEASE);
    }
    errno = saved;
}

static void install_sigchld(void)
{
    struct sigaction sa = { .sa_handler = sigchld_handler, .sa_flags = SA_RESTART | SA_ONSTACK | SA_NOCLDSTOP };
    sigemptyset(&sa.sa_mask);
    sigaction(SIGCHLD, &sa, NULL);
}

static void abandon_child(int pid)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, install_sigchld);
    for (int i = 0; i < MAX_ABANDONED; i++)
    {
        int zero = 0;
        if (__atomic_compare_exchange_n(&abandoned[i], &zero, pid, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) break;
    }
    /* it may have ended before the slot was filled */
    sigchld_handler(SIGCHLD);
}

/* --- children created suspended ------------------------------------------------------
   Until its main thread is resumed, a child waits for one byte on its
   start-up socket (ctl_fd). The children still waiting are listed (no
   reference: proc_destroy takes a child off) so that OpenThread of such a
   main thread finds the child's object. */

#define MAX_PENDING 64
static struct proc *pending[MAX_PENDING];
static pthread_mutex_t pending_lock = PTHREAD_MUTEX_INITIALIZER;

static void pending_add(struct proc *p)
{
    pthread_mutex_lock(&pending_lock);
    for (int i = 0; i < MAX_PENDING; i++) if (!pending[i]) { pending[i] = p; break; }
    pthread_mutex_unlock(&pending_lock);
}

static void pending_remove(struct proc *p)
{
    pthread_mutex_lock(&pending_lock);
    for (int i = 0; i < MAX_PENDING; i++) if (pending[i] == p) pending[i] = NULL;
    pthread_mutex_unlock(&pending_lock);
}

/* the waiting child of this id whose main thread is tid (a reference) */
static struct proc *pending_find(uint32_t id, uint32_t tid)
{
    struct proc *found = NULL;
    pthread_mutex_lock(&pending_lock);
    for (int i = 0; i < MAX_PENDING && !found; i++)
        if (pending[i] && pending[i]->id == id && pending[i]->main_tid == tid)
        {
            /* a reference, unless its last one is going (proc_destroy) */
            int refs = __atomic_load_n(&pending[i]->obj.refcount, __ATOMIC_ACQUIRE);
            while (refs > 0 && !__atomic_compare_exchange_n(&pending[i]->obj.refcount, &refs, refs + 1, 0,
                                                            __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {}
            if (refs > 0) found = pending[i];
        }
    pthread_mutex_unlock(&pending_lock);
    return found;
}

/* the child may run its entry point (p->lock held) */
static NTSTATUS start_child(struct proc *p)
{
    NTSTATUS status = write(p->ctl_fd, "", 1) == 1 ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
    close(p->ctl_fd);
    p->ctl_fd = -1;
    pending_remove(p);
    return status;
}

/* --- creation ------------------------------------------------------------------------ */

/* all of iov (modified) in as few writes as the socket takes: the start-up
   blob is one system call, not one per part */
static int writev_full(int fd, struct iovec *iov, int count)
{
    while (count)
    {
        ssize_t n = writev(fd, iov, count);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        for (; count && (size_t)n >= iov->iov_len; iov++, count--) n -= iov->iov_len;
        if (count) { iov->iov_base = (char *)iov->iov_base + n; iov->iov_len -= n; }
    }
    return 0;
}

static int read_full(int fd, void *buf, size_t size)
{
    for (size_t done = 0; done < size; )
    {
        ssize_t n = read(fd, (char *)buf + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        done += n;
    }
    return 0;
}

static char *nt_path_to_unix(const WCHAR *nt)
{
    size_t len = wlx_wcslen(nt);
    char *unix_path = NULL;
    UNICODE_STRING us = { (uint16_t)(len * 2), (uint16_t)(len * 2), 0, (WCHAR *)nt };
    if (len >= 0x7fff || path_nt_to_unix(&us, &unix_path, 0)) return NULL;
    return unix_path;
}

static char *dos_dir_to_unix(const WCHAR *dos)
{
    size_t len = wlx_wcslen(dos);
    WCHAR *nt = malloc((len + 5) * sizeof(WCHAR));
    nt[0] = '\\'; nt[1] = '?'; nt[2] = '?'; nt[3] = '\\';
    memcpy(nt + 4, dos, (len + 1) * sizeof(WCHAR));
    char *unix_path = nt_path_to_unix(nt);
    free(nt);
    return unix_path;
}

/* the blob of wlx/procstart.h, then the inherited handles */
static int send_startup(int fd, const struct wlx_create_process *cp, const struct inherit_set *handles,
                        uint32_t handle_count)
{
    struct wlx_startup_header hdr = {
        .handle_count = handle_count,
        .magic = WLX_STARTUP_MAGIC, .parent_id = wlx_process_id, .flags = cp->flags,
        .cmdline_len = wlx_wcslen(cp->cmdline), .curdir_len = wlx_wcslen(cp->curdir), .env_size = cp->env_size,
        .runtime_size = cp->runtime_data ? cp->runtime_size : 0,
        .startup_flags = cp->startup_flags, .show_window = cp->show_window,
        .deny_groups = token_child_deny_groups(cp->token),
    };
    /* the child's std handles keep these values when they are inherited;
       NULL and INVALID_HANDLE_VALUE stay what they are (tests/kernel32/stdhandles.c) */
    for (int i = 0; i < 3; i++)
    {
        if (cp->inherit && cp->std_handles[i] != cp->console) hdr.std_handles[i] = (uintptr_t)cp->std_handles[i];
        if (!cp->std_handles[i]) hdr.std_special |= 1u << i;
        else if (cp->std_handles[i] == (void *)~(uintptr_t)0) hdr.std_special |= 8u << i;
    }
    struct iovec iov[] = {
        { &hdr, sizeof(hdr) },
        { (void *)cp->cmdline, hdr.cmdline_len * sizeof(WCHAR) },
        { (void *)cp->curdir, hdr.curdir_len * sizeof(WCHAR) },
        { (void *)cp->env, cp->env_size },
        { (void *)cp->runtime_data, hdr.runtime_size },
    };
    if (writev_full(fd, iov, sizeof(iov) / sizeof(iov[0]))) return -1;
    return xhandle_send_inherited(fd, handles);
}

/* the child's std fds: private copies of the handles' fds above 2 (so that
   no dup2 in the child clobbers another's source), -1 for none */
static void std_fds(void *const handles[3], int fds[3])
{
    for (int i = 0; i < 3; i++)
    {
        int fd = handles[i] ? file_handle_fd(handles[i]) : -1;
        fds[i] = fd >= 0 ? fcntl(fd, F_DUPFD_CLOEXEC, 3) : -1;
    }
}

static char **child_environ(int fd)
{
    size_t n = 0;
    while (environ[n]) n++;
    char **envp = malloc((n + 2) * sizeof(char *));
    size_t j = 0;
    for (size_t i = 0; i < n; i++)
        if (strncmp(environ[i], WLX_STARTUP_FD_VAR "=", sizeof(WLX_STARTUP_FD_VAR))) envp[j++] = environ[i];
    envp[j] = malloc(sizeof(WLX_STARTUP_FD_VAR) + 16);
    sprintf(envp[j++], "%s=%d", WLX_STARTUP_FD_VAR, fd);
    envp[j] = NULL;
    return envp;
}

static char *wlx_binary(void)
{
    static char *path;
    if (!path)
    {
        const char *slash = wlx_server_binary ? strrchr(wlx_server_binary, '/') : NULL;
        if (slash)
        {
            char *p = malloc(slash - wlx_server_binary + 8);
            sprintf(p, "%.*s/wlx", (int)(slash - wlx_server_binary), wlx_server_binary);
            if (access(p, X_OK)) { free(p); p = NULL; }
            path = p;
        }
        if (!path) path = realpath("/proc/self/exe", NULL);
    }
    return path;
}

static NTSTATUS spawn_child(struct wlx_create_process *cp, const char *exe, const char *cwd, int *pid, int sock)
{
    int fds[3];
    char *argv[] = { "wlx", "--", (char *)exe, NULL };

    int ctty = -1;

    std_fds(cp->std_handles, fds);
    for (int i = 2; i >= 0; i--) if (cp->console && cp->std_handles[i] == cp->console) ctty = i;
    char **envp = child_environ(sock);
    int err = spawn_wlx(wlx_binary(), argv, envp, fds, sock, cwd, ctty, pid);
    for (int i = 0; i < 3; i++) if (fds[i] >= 0) close(fds[i]);
    char **last = envp;
    while (last[1]) last++;
    free(*last);
    free(envp);
    return err ? errno_to_status(err) : STATUS_SUCCESS;
}

/* a 64-bit Windows program, before spawning anything: a wrong file then
   fails at once and quietly, as on Windows (ERROR_BAD_EXE_FORMAT) */
static NTSTATUS check_image(const char *path)
{
    uint8_t dos[0x40], nt[24];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno == ENOENT ? STATUS_OBJECT_NAME_NOT_FOUND : errno_to_status(errno);
    int good = pread(fd, dos, sizeof(dos), 0) == sizeof(dos) && dos[0] == 'M' && dos[1] == 'Z' &&
               pread(fd, nt, sizeof(nt), *(uint32_t *)(dos + 0x3c)) == sizeof(nt) && !memcmp(nt, "PE\0\0", 4) &&
               *(uint16_t *)(nt + 4) == 0x8664 && !(*(uint16_t *)(nt + 22) & 0x2000 /* IMAGE_FILE_DLL */);
    close(fd);
    return good ? STATUS_SUCCESS : STATUS_INVALID_IMAGE_FORMAT;
}

/* the child stopped before registering: why, from how it exited */
static NTSTATUS failed_start(int pid)
{
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) ;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return STATUS_OBJECT_NAME_NOT_FOUND;
    return STATUS_INVALID_IMAGE_FORMAT;
}

NTSTATUS WINAPI unix___wlx_create_process(struct wlx_create_process *cp)
{
    int sv[2], pid;
    uint32_t ids[2];
    NTSTATUS status;
    char *exe = nt_path_to_unix(cp->exe_nt);
    char *cwd = cp->curdir ? dos_dir_to_unix(cp->curdir) : NULL;

    if (!exe) { free(cwd); return STATUS_OBJECT_NAME_NOT_FOUND; }
    if ((status = check_image(exe)) || (status = job_check_breakaway(cp->flags))) { free(exe); free(cwd); return status; }
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv)) { free(exe); free(cwd); return errno_to_status(errno); }
    status = spawn_child(cp, exe, cwd, &pid, sv[1]);
    free(exe);
    free(cwd);
    close(sv[1]);
    if (status) { close(sv[0]); return status; }
    /* bInheritHandles: every inheritable handle, exported before sending */
    uint32_t handle_count = 0;
    struct inherit_set *handles = cp->inherit ? xhandle_collect_inherited(&handle_count, cp->handle_list,
                                                                          cp->handle_list_count) : NULL;
    int failed = send_startup(sv[0], cp, handles, handle_count) || read_full(sv[0], ids, sizeof(ids));
    xhandle_free_inherited(handles);
    if (failed || !ids[0])
    {
        close(sv[0]);
        status = failed_start(pid);
        return failed ? status : (NTSTATUS)ids[1];   /* no id: why the server refused it */
    }
    struct proc *p = proc_new(pid, ids[0], wlx_process_id, 1);
    struct rthread *t = p ? rthread_new(p, ids[1]) : NULL;
    if (!t) wlx_fatal("out of memory creating a process");
    p->main_tid = ids[1];
    p->suspend_count = (cp->flags & CREATE_SUSPENDED) ? 1 : 0;
    p->ctl_fd = sv[0];
    if (!p->suspend_count) { close(sv[0]); p->ctl_fd = -1; }
    p->obj.refcount = 2;    /* the process handle's and the thread object's */
    if (p->suspend_count) pending_add(p);
    cp->process = handle_alloc(&p->obj, PROCESS_ALL_ACCESS, 0);
    cp->thread = handle_alloc(&t->obj, THREAD_ALL_ACCESS, 0);
    cp->process_id = ids[0];
    cp->thread_id = ids[1];
    TRACE(THREAD, "created process %04x (unix %d) thread %04x\n", ids[0], pid, ids[1]);
    return STATUS_SUCCESS;
}

/* --- syscalls and hooks for the process syscalls -------------------------------------- */

NTSTATUS WINAPI unix_NtOpenProcess(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr, CLIENT_ID *cid)
{
    if (!cid || !cid->UniqueProcess) return STATUS_INVALID_PARAMETER;
    struct proc *p = proc_open_id((uint32_t)cid->UniqueProcess);
    if (!p) return STATUS_INVALID_CID;
    *handle = handle_alloc(&p->obj, access, attr ? attr->Attributes & OBJ_INHERIT : 0);
    return *handle ? STATUS_SUCCESS : STATUS_NO_MEMORY;
}

/* --- crossing processes (xhandle.c) ------------------------------------------------------
   EXPORT_PROCESS: data[0] the Windows process id; the importer opens it by
   id as OpenProcess does. */

static NTSTATUS proc_export(struct wlx_object *obj, struct object_export *ex, int *fd)
{
    memset(ex, 0, sizeof(*ex));
    ex->kind = EXPORT_PROCESS;
    ex->data[0] = ((struct proc *)obj)->id;
    *fd = -1;
    return STATUS_SUCCESS;
}

/* a process object for an id the server knows (live or recently ended) */
static struct proc *proc_open_id(uint32_t id)
{
    struct wlx_get_process_info_request req = { .process_id = id };
    struct wlx_get_process_info_reply reply;
    if (wlx_server_call(WLX_REQ_GET_PROCESS_INFO, &req, sizeof(req), &reply, sizeof(reply), NULL)) return NULL;
    struct proc *p = proc_new(reply.alive ? reply.unix_pid : 0, reply.process_id, reply.parent_id, 0);
    if (p && !reply.alive) { p->have_code = 1; p->exit_code = reply.exit_code; }
    return p;
}

static struct wlx_object *proc_import(const struct object_export *ex, int fd)
{
    if (fd >= 0) close(fd);
    struct proc *p = proc_open_id((uint32_t)ex->data[0]);
    return p ? &p->obj : NULL;
}

/* EXPORT_THREAD: data[0] the process id, data[1] the thread id. The
   importer's thread object watches the thread itself (rthread_wait). */
void procobj_export_thread(uint32_t pid, uint32_t tid, struct object_export *ex)
{
    memset(ex, 0, sizeof(*ex));
    ex->kind = EXPORT_THREAD;
    ex->data[0] = pid;
    ex->data[1] = tid;
}

static NTSTATUS rthread_export(struct wlx_object *obj, struct object_export *ex, int *fd)
{
    struct rthread *t = (struct rthread *)obj;
    procobj_export_thread(t->proc->id, t->tid, ex);
    *fd = -1;
    return STATUS_SUCCESS;
}

static struct wlx_object *thread_import(const struct object_export *ex, int fd)
{
    if (fd >= 0) close(fd);
    struct proc *p = (uint32_t)ex->data[0] == wlx_process_id ? (struct proc *)procobj_self()
                                                              : proc_open_id((uint32_t)ex->data[0]);
    struct rthread *t = p ? rthread_new(p, (uint32_t)ex->data[1]) : NULL;
    if (!t && p) object_release(&p->obj);
    return t ? &t->obj : NULL;
}

static void __attribute__((constructor)) register_proc_import(void)
{
    handle_register_import(EXPORT_PROCESS, proc_import);
    handle_register_import(EXPORT_THREAD, thread_import);
}

uint32_t procobj_id(HANDLE h)
{
    struct proc *p;
    if (h == NtCurrentProcess()) return wlx_process_id;
    if (handle_get(h, &process_ops, (struct wlx_object **)&p)) return 0;
    uint32_t id = p->id;
    object_release(&p->obj);
    return id;
}

struct wlx_object *procobj_self(void)
{
    struct proc *p = proc_new(getpid(), wlx_process_id, wlx_parent_id, 0);
    return p ? &p->obj : NULL;
}

/* PROCESS_BASIC_INFORMATION of another process (procinfo.c serves our own) */
NTSTATUS procobj_basic_info(HANDLE h, void *buf, uint32_t len, uint32_t *ret)
{
    struct { int32_t exit_status, pad; void *peb; uint64_t affinity; int32_t base_priority, pad2;
             uint64_t pid, parent_pid; } info = {0};
    struct proc *p;
    NTSTATUS status = handle_get(h, &process_ops, (struct wlx_object **)&p);
    if (status) return status;
    *ret = sizeof(info);
    if (len != sizeof(info)) { object_release(&p->obj); return STATUS_INFO_LENGTH_MISMATCH; }
    long n = wlx_cpu_count();
    info.exit_status = proc_exit_code(p);     /* STILL_ACTIVE is STATUS_PENDING */
    info.affinity = n >= 64 ? ~0ULL : (1ULL << (n > 0 ? n : 1)) - 1;
    info.base_priority = 8;
    info.pid = p->id;
    info.parent_pid = p->parent_id;
    memcpy(buf, &info, sizeof(info));
    object_release(&p->obj);
    return STATUS_SUCCESS;
}

/* the Unix pid of a process handle's process: 0 for this process, -1 for
   one that has ended or that Linux no longer has */
NTSTATUS procobj_unix_pid(HANDLE h, int *unix_pid)
{
    struct proc *p;
    NTSTATUS status = handle_get(h, &process_ops, (struct wlx_object **)&p);
    if (status) return status;
    if (p->id == wlx_process_id) *unix_pid = 0;
    else *unix_pid = p->unix_pid > 0 && !proc_ended(p, 0) ? p->unix_pid : -1;
    object_release(&p->obj);
    return STATUS_SUCCESS;
}

/* KERNEL_USER_TIMES of an ended child of ours (its Linux times are gone
   with it): kept from its start and its reaping. STATUS_NOT_IMPLEMENTED
   for an ended process that is not our child. */
NTSTATUS procobj_ended_times(HANDLE h, void *buf, uint32_t len, uint32_t *ret)
{
    struct { int64_t create, exit, kernel, user; } info;
    struct proc *p;
    NTSTATUS status = handle_get(h, &process_ops, (struct wlx_object **)&p);
    if (status) return status;
    pthread_mutex_lock(&p->lock);
    if (!p->is_child || !proc_reap_locked(p, WNOHANG)) status = STATUS_NOT_IMPLEMENTED;
    else
    {
        info.create = p->create_time;
        info.exit = p->exit_time;
        info.kernel = p->usage.ru_stime.tv_sec * 10000000LL + p->usage.ru_stime.tv_usec * 10;
        info.user = p->usage.ru_utime.tv_sec * 10000000LL + p->usage.ru_utime.tv_usec * 10;
        if (len < sizeof(info)) status = STATUS_INFO_LENGTH_MISMATCH;
        else { memcpy(buf, &info, sizeof(info)); *ret = sizeof(info); }
    }
    pthread_mutex_unlock(&p->lock);
    object_release(&p->obj);
    return status;
}

/* TerminateProcess of another process: the server records the code, then kills */
NTSTATUS procobj_terminate(HANDLE h, NTSTATUS code)
{
    struct wlx_terminate_process_request req;
    struct proc *p;
    NTSTATUS status = handle_get(h, &process_ops, (struct wlx_object **)&p);
    if (status) return status;
    if (p->id == wlx_process_id) process_exit(code);
    if (proc_ended(p, 0)) status = STATUS_ACCESS_DENIED;   /* what Windows answers for an ended process */
    else
    {
        req.process_id = p->id;
        req.exit_code = (uint32_t)code;
        status = wlx_server_call(WLX_REQ_TERMINATE_PROCESS, &req, sizeof(req), NULL, 0, NULL);
        if (status == STATUS_PROCESS_IS_TERMINATING) status = STATUS_ACCESS_DENIED;
        else if (status && p->unix_pid > 0) status = kill(p->unix_pid, SIGKILL) ? errno_to_status(errno) : STATUS_SUCCESS;
    }
    object_release(&p->obj);
    return status;
}

/* NtSuspendThread / NtResumeThread on another process's thread. The main
   thread of a child created suspended has not started: its count is ours
   until it reaches zero, when the child is told to start. Any other thread
   is suspended or resumed by its own process (xthread.c). */
NTSTATUS procobj_suspend_thread(HANDLE h, uint32_t *prev, int suspend)
{
    struct rthread *t;
    struct wlx_thread_answer a;
    NTSTATUS status = handle_get(h, &rthread_ops, (struct wlx_object **)&t);
    if (status) return status;
    struct proc *p = t->proc;
    int local = 0;
    pthread_mutex_lock(&p->lock);
    if (p->ctl_fd >= 0 && t->tid == p->main_tid)
    {
        local = 1;
        if (prev) *prev = p->suspend_count;
        if (suspend) p->suspend_count++;
        else if (!--p->suspend_count) status = start_child(p);
    }
    pthread_mutex_unlock(&p->lock);
    if (!local)
    {
        status = xthread_call(p->id, t->tid, suspend ? WLX_THREAD_SUSPEND : WLX_THREAD_RESUME, &a);
        /* resuming a thread that ended (or whose process did) changes nothing */
        if (!suspend && (status == STATUS_THREAD_IS_TERMINATING || status == STATUS_PROCESS_IS_TERMINATING))
            a.value = 0, status = STATUS_SUCCESS;
        if (!status && prev) *prev = a.value;
    }
    object_release(&t->obj);
    return status;
}

/* GetExitCodeThread / GetThreadId / GetProcessIdOfThread on another
   process's thread: the exit code from the process while it runs, else
   the process's (Windows ends every thread of an ending process with its
   code) */
NTSTATUS procobj_thread_info(HANDLE h, uint32_t *code, uint32_t *tid, uint32_t *pid)
{
    struct rthread *t;
    struct wlx_thread_answer a;
    NTSTATUS status = handle_get(h, &rthread_ops, (struct wlx_object **)&t);
    if (status) return status;
    if (code)
    {
        if (!proc_ended(t->proc, 0) && !xthread_call(t->proc->id, t->tid, WLX_THREAD_QUERY, &a)) *code = a.value;
        else *code = proc_exit_code(t->proc);
    }
    if (tid) *tid = t->tid;
    if (pid) *pid = t->proc->id;
    object_release(&t->obj);
    return STATUS_SUCCESS;
}

/* OpenThread of a thread of another process: the server names its process,
   which says whether it is one of its Windows threads. The main thread of a
   child we created suspended shares that child's object, so that resuming
   it through this handle starts the child. */
NTSTATUS procobj_open_thread(uint32_t tid, ACCESS_MASK access, unsigned attributes, HANDLE *handle)
{
    struct wlx_find_thread_request req = { .thread_id = tid };
    struct wlx_find_thread_reply reply;
    struct wlx_thread_answer a;
    struct proc *p;
    struct rthread *t;

    if (wlx_server_call(WLX_REQ_FIND_THREAD, &req, sizeof(req), &reply, sizeof(reply), NULL) ||
        reply.process_id == wlx_process_id)
        return STATUS_INVALID_CID;
    if (!(p = pending_find(reply.process_id, tid)))
    {
        if (xthread_call(reply.process_id, tid, WLX_THREAD_QUERY, &a)) return STATUS_INVALID_CID;
        if (!(p = proc_open_id(reply.process_id))) return STATUS_INVALID_CID;
    }
    if (!(t = rthread_new(p, tid)))
    {
        object_release(&p->obj);
        return STATUS_NO_MEMORY;
    }
    if (!(*handle = handle_alloc(&t->obj, access, attributes)))
    {
        object_release(&t->obj);
        return STATUS_NO_MEMORY;
    }
    return STATUS_SUCCESS;
}
