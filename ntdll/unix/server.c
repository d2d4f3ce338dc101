/*
 * ntdll/unix/server.c — the client side of wlxserver: finding or starting
 * the prefix's server, the request/reply call, and dying with the server.
 *
 * Sections: state · socket folder · starting the server · connecting ·
 * server death · calls · init helpers.
 *
 * Server death: the hello carries one end of a socket pair whose other end
 * only the server holds. That fd gets O_ASYNC + F_SETSIG(WLX_SERVER_DEATH_SIGNAL):
 * when the server dies its end closes, the kernel raises the signal in this
 * process whatever its threads are doing (futex wait, sleep, computing), and
 * the handler confirms EOF with a non-blocking MSG_PEEK and _exits. Nothing is
 * ever sent on that pair, so normal traffic raises no signal at all (the
 * request socket itself would raise one per reply), and it costs no thread.
 * A process that blocks the signal in every thread would only notice at its
 * next server call.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include "wlx/fdpass.h"
#include "wlx/server.h"

#define CONNECT_TIMEOUT_MS 5000
#define RESPAWN_INTERVAL_MS 50

/* ---- state ---- */

static int server_fd = -1;             /* the request socket */
static int watch_fd = -1;              /* death watch: EOF when the server is gone */
static int service_fd = -1;            /* requests from the server (xhandle.c serves them) */
static pthread_mutex_t call_mutex = PTHREAD_MUTEX_INITIALIZER;
static int trace_calls;                /* WLXDEBUG=+server */
static uint32_t process_id;            /* Windows id, once init_process answered */
static __thread uint32_t thread_id;    /* Windows id of the calling thread */

static const char died_message[] = "wlx: the wlx server died; exiting\n";

static void server_died(void)
{
    if (write(2, died_message, sizeof(died_message) - 1) < 0) _exit(1);
    _exit(1);
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* ---- socket folder ---- */

/* The server creates the folders; we only refuse ones that are not ours,
 * which another user could have made to impersonate the server. */
static int check_folder(const char *path)
{
    struct stat st;

    if (lstat(path, &st) < 0) {
        if (errno == ENOENT) return 0;
        fprintf(stderr, "wlx: cannot use %s: %s\n", path, strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode) && st.st_uid == getuid() && !(st.st_mode & 077)) return 0;
    fprintf(stderr, "wlx: %s must be a folder owned by uid %u with mode 0700 "
            "(it has uid %u, mode %03o); refusing to use it\n",
            path, getuid(), st.st_uid, st.st_mode & 07777);
    return -1;
}

static int socket_address(const char *prefix, struct sockaddr_un *addr)
{
    struct stat st;
    char base[64], dir[96];

    if (stat(prefix, &st) < 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "wlx: the prefix %s is not a folder\n", prefix);
        return -1;
    }
    snprintf(base, sizeof(base), WLX_SERVER_BASE_FMT, getuid());
    snprintf(dir, sizeof(dir), WLX_SERVER_DIR_FMT, getuid(),
             (unsigned long long)st.st_dev, (unsigned long long)st.st_ino);
    if (check_folder(base) < 0 || check_folder(dir) < 0) return -1;
    addr->sun_family = AF_UNIX;
    snprintf(addr->sun_path, sizeof(addr->sun_path), "%s/" WLX_SERVER_SOCKET, dir);
    return 0;
}

/* ---- starting the server ---- */

/* In the grandchild: a session of its own, no terminal, nothing of ours
 * open. Its stderr is kept only when tracing, so that a caller reading our
 * stderr through a pipe is not kept waiting until the server exits. */
static void exec_server(const char *binary, const char *prefix, int error_fd)
{
    int null = open("/dev/null", O_RDWR);
    sigset_t none;

    setsid();
    dup2(null, 0);
    dup2(null, 1);
    if (!trace_calls) dup2(null, 2);
    dup2(error_fd, 3);
    fcntl(3, F_SETFD, FD_CLOEXEC);
    close_range(4, ~0U, 0);
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execl(binary, "wlxserver", "--prefix", prefix, (char *)NULL);
    int err = errno;
    if (write(3, &err, sizeof(err)) < 0) _exit(127);
    _exit(127);
}

/* fork twice so that the server is nobody's child (no zombie, no SIGCHLD). */
static int spawn_server(const char *binary, const char *prefix)
{
    int pipefd[2], err = 0, status;
    pid_t pid;

    if (pipe2(pipefd, O_CLOEXEC) < 0) return -1;
    if ((pid = fork()) == 0) {
        if (fork() == 0) exec_server(binary, prefix, pipefd[1]);
        _exit(0);
    }
    close(pipefd[1]);
    if (pid > 0) waitpid(pid, &status, 0);
    ssize_t n = read(pipefd[0], &err, sizeof(err));   /* EOF once exec succeeded */
    close(pipefd[0]);
    if (pid < 0 || n > 0) {
        fprintf(stderr, "wlx: cannot start the wlx server %s: %s\n", binary,
                strerror(pid < 0 ? errno : err));
        return -1;
    }
    return 0;
}

/* ---- connecting ---- */

static int server_uid_ok(int fd)
{
    struct ucred cred;
    socklen_t len = sizeof(cred);
    return !getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) && cred.uid == getuid();
}

/* Receives up to size bytes and at most one fd; blocks. Returns the byte
 * count, 0 on EOF, -1 on error. */
static ssize_t receive(int fd, void *buf, size_t size, int *fd_out)
{
    char control[CMSG_SPACE(sizeof(int) * 4)];
    struct iovec iov = { buf, size };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
                          .msg_control = control, .msg_controllen = sizeof(control) };
    ssize_t n;

    do n = recvmsg(fd, &msg, MSG_CMSG_CLOEXEC);
    while (n < 0 && errno == EINTR);
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); n >= 0 && c; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
        int count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (int i = 0; i < count; i++) {
            int got;
            memcpy(&got, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
            if (fd_out && *fd_out == -1) *fd_out = got;
            else close(got);
        }
    }
    return n;
}

/* 1: hello read (sets *watch); 0: closed before hello (a server on its way
 * out, or one that refused us); -1: a broken or mismatched server. */
static int read_hello(int fd, int timeout_ms, int *watch)
{
    struct wlx_hello hello;
    struct pollfd pfd = { fd, POLLIN, 0 };

    *watch = -1;
    if (poll(&pfd, 1, timeout_ms) <= 0) return 0;
    ssize_t n = receive(fd, &hello, sizeof(hello), watch);
    if (n <= 0) return 0;
    if (n != sizeof(hello) || hello.magic != WLX_HELLO_MAGIC || *watch == -1) {
        fprintf(stderr, "wlx: the wlx server sent a broken greeting\n");
        return -1;
    }
    if (hello.version != WLX_PROTOCOL_VERSION) {
        fprintf(stderr, "wlx: the running wlx server (pid %d) speaks protocol %u, this wlx %u; "
                "stop it with wlxserver -k\n", hello.server_pid, hello.version, WLX_PROTOCOL_VERSION);
        return -1;
    }
    return 1;
}

static int try_connect(const struct sockaddr_un *addr)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -errno;
    if (!connect(fd, (const struct sockaddr *)addr, sizeof(*addr))) return fd;
    int err = errno;
    close(fd);
    return -err;
}

/* ---- server death ---- */

/* in a signal handler: EOF on the watch fd means the server is gone */
static void check_watch(void)
{
    int saved = errno;
    char c;
    ssize_t n = recv(watch_fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) server_died();
    errno = saved;
}

static void death_signal(int sig, siginfo_t *info, void *context)
{
    (void)sig; (void)context;
    if (info->si_fd == watch_fd) check_watch();
}

/* When the user's queue of real-time signals is full (RLIMIT_SIGPENDING,
   shared by all the user's processes), the kernel sends a plain SIGIO in
   place of F_SETSIG's signal, with no fd in it; SIGIO's default action
   would end the process (tests/server/death.c saw clients die so while
   another program's suspensions filled the queue). Look at the watch fd. */
static void death_sigio(int sig, siginfo_t *info, void *context)
{
    (void)sig; (void)info; (void)context;
    if (watch_fd >= 0) check_watch();
}

static int watch_server(int fd)
{
    struct sigaction sa = { .sa_sigaction = death_signal, .sa_flags = SA_SIGINFO | SA_RESTART | SA_ONSTACK };
    struct sigaction io = { .sa_sigaction = death_sigio, .sa_flags = SA_SIGINFO | SA_RESTART | SA_ONSTACK };
    char c;

    sigemptyset(&sa.sa_mask);
    sigemptyset(&io.sa_mask);
    if (sigaction(WLX_SERVER_DEATH_SIGNAL, &sa, NULL) < 0 || sigaction(SIGIO, &io, NULL) < 0) return -1;
    watch_fd = fd;
    if (fcntl(fd, F_SETOWN, getpid()) < 0 || fcntl(fd, F_SETSIG, WLX_SERVER_DEATH_SIGNAL) < 0
        || fcntl(fd, F_SETFL, O_ASYNC | O_NONBLOCK) < 0)
        return -1;
    /* it may have died before O_ASYNC was set */
    if (!recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT)) server_died();
    return 0;
}

/* One attempt; 1 connected, 0 try again, -1 give up. */
static int connect_once(const struct sockaddr_un *addr, const char *binary, const char *prefix,
                        long long *last_spawn, long long deadline)
{
    int fd = try_connect(addr), watch, ret;

    if (fd == -ENOENT || fd == -ECONNREFUSED) {
        if (now_ms() - *last_spawn < RESPAWN_INTERVAL_MS) return 0;
        *last_spawn = now_ms();
        return spawn_server(binary, prefix) < 0 ? -1 : 0;
    }
    if (fd < 0) return fd == -EAGAIN || fd == -EINTR ? 0 : -1;
    if (!server_uid_ok(fd)) {
        fprintf(stderr, "wlx: the wlx server socket %s belongs to another user\n", addr->sun_path);
        close(fd);
        return -1;
    }
    long long left = deadline - now_ms();
    ret = read_hello(fd, left > 0 ? (int)left : 0, &watch);
    if (ret <= 0) {
        close(fd);
        if (watch != -1) close(watch);
        return ret;
    }
    server_fd = fd;
    return watch_server(watch) < 0 ? -1 : 1;
}

int wlx_server_connect(const char *prefix_dir, const char *server_binary_path)
{
    struct sockaddr_un addr;
    const char *debug = getenv("WLXDEBUG");
    long long deadline = now_ms() + CONNECT_TIMEOUT_MS, last_spawn = -RESPAWN_INTERVAL_MS;
    struct timespec tick = { 0, 1000000 };   /* 1 ms between attempts */
    int ret;

    trace_calls = debug && (strstr(debug, "+server") || strstr(debug, "+all"));
    if (server_fd != -1) return 0;
    if (socket_address(prefix_dir, &addr) < 0) return -1;
    while (!(ret = connect_once(&addr, server_binary_path, prefix_dir, &last_spawn, deadline))) {
        if (now_ms() >= deadline) {
            fprintf(stderr, "wlx: no wlx server answered on %s within %d s (started %s)\n",
                    addr.sun_path, CONNECT_TIMEOUT_MS / 1000, server_binary_path);
            return -1;
        }
        nanosleep(&tick, NULL);
    }
    if (ret < 0) fprintf(stderr, "wlx: cannot connect to the wlx server of %s\n", prefix_dir);
    return ret > 0 ? 0 : -1;
}

/* ---- calls ---- */

static void send_all(const struct wlx_request_header *header, const void *body, uint32_t size,
                     const void *data, uint32_t data_size, int send_fd)
{
    struct iovec iov[3] = { { (void *)header, sizeof(*header) }, { (void *)body, size },
                            { (void *)data, data_size } };
    struct msghdr msg = { .msg_iov = iov, .msg_iovlen = 3 };
    size_t left = sizeof(*header) + size + data_size;
    char control[WLX_FD_CONTROL_SIZE];

    wlx_attach_fd(&msg, control, send_fd);   /* goes with the first byte */
    while (left) {
        ssize_t n = sendmsg(server_fd, &msg, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) server_died();
        msg.msg_control = NULL;
        msg.msg_controllen = 0;
        left -= n;
        for (int i = 0; i < 3; i++) {   /* skip what went out */
            size_t k = (size_t)n < iov[i].iov_len ? (size_t)n : iov[i].iov_len;
            iov[i].iov_base = (char *)iov[i].iov_base + k;
            iov[i].iov_len -= k;
            n -= k;
        }
    }
}

/* Reads exactly size bytes (fds go to *fd_out); EOF means the server died. */
static void receive_all(void *buf, uint32_t size, int *fd_out)
{
    for (uint32_t done = 0; done < size; ) {
        ssize_t n = receive(server_fd, (char *)buf + done, size - done, fd_out);
        if (n <= 0) server_died();
        done += n;
    }
}

/* Reads size bytes into buf, of which only max are kept. */
static void receive_some(void *buf, uint32_t size, uint32_t max, int *fd_out)
{
    char scratch[256];
    uint32_t keep = size < max ? size : max;

    receive_all(buf, keep, fd_out);
    for (uint32_t left = size - keep; left; ) {
        uint32_t chunk = left < sizeof(scratch) ? left : sizeof(scratch);
        receive_all(scratch, chunk, fd_out);
        left -= chunk;
    }
}

/* The reply body: its fixed part to reply (zero-filled if short), the rest
 * to data->reply_data when there is one. */
static void receive_body(uint32_t body_size, void *reply, uint32_t reply_size,
                         struct wlx_server_data *data, int *fd_out)
{
    uint32_t fixed = body_size < reply_size ? body_size : reply_size;

    receive_all(reply, fixed, fd_out);
    if (fixed < reply_size) memset((char *)reply + fixed, 0, reply_size - fixed);
    if (data) data->reply_data_size = body_size - fixed;
    receive_some(data ? data->reply_data : NULL, body_size - fixed,
                 data ? data->reply_data_max : 0, fd_out);
}

static uint32_t trace_pid(void)
{
    return process_id ? process_id : (uint32_t)getpid();
}

static uint32_t trace_tid(void)
{
    return thread_id ? thread_id : (uint32_t)gettid();
}

/* Fields are shown only when the caller's buffers hold the whole reply. */
static void trace_reply(uint32_t code, const struct wlx_reply_header *header, const void *reply,
                        uint32_t reply_size, const struct wlx_server_data *data)
{
    struct wlx_reply_header shown = *header;
    uint32_t data_size = data ? data->reply_data_size : 0;
    if (data && data_size > data->reply_data_max) data_size = data->reply_data_max;
    if (shown.size - sizeof(shown) >= reply_size) shown.size = sizeof(shown) + reply_size + data_size;
    wlx_trace_reply("client", trace_pid(), trace_tid(), code, &shown, reply,
                    data ? data->reply_data : NULL, data_size);
}

NTSTATUS wlx_server_call_data(uint32_t code, const void *req, uint32_t req_size,
                              void *reply, uint32_t reply_size,
                              struct wlx_server_data *data, int *fd_out)
{
    return wlx_server_call_fd(code, req, req_size, reply, reply_size, data, -1, fd_out);
}

NTSTATUS wlx_server_call_fd(uint32_t code, const void *req, uint32_t req_size,
                            void *reply, uint32_t reply_size,
                            struct wlx_server_data *data, int send_fd, int *fd_out)
{
    uint32_t data_size = data ? data->data_size : 0;
    struct wlx_request_header header = { code, sizeof(header) + req_size + data_size, thread_id, 0 };
    struct wlx_reply_header reply_header;

    if (fd_out) *fd_out = -1;
    if (server_fd == -1) return STATUS_WLX_SERVER_FAILED;
    if ((uint64_t)req_size + data_size > WLX_MAX_MESSAGE_SIZE - sizeof(header))
        return STATUS_INVALID_PARAMETER;
    if (trace_calls)
        wlx_trace_request("client", trace_pid(), trace_tid(), &header, req, data ? data->data : NULL, data_size);
    pthread_mutex_lock(&call_mutex);
    send_all(&header, req, req_size, data ? data->data : NULL, data_size, send_fd);
    receive_all(&reply_header, sizeof(reply_header), fd_out);
    if (reply_header.size < sizeof(reply_header) || reply_header.size > WLX_MAX_MESSAGE_SIZE)
        server_died();   /* cannot happen with a sane server; the stream is lost */
    receive_body(reply_header.size - sizeof(reply_header), reply, reply_size, data, fd_out);
    pthread_mutex_unlock(&call_mutex);
    if (trace_calls) trace_reply(code, &reply_header, reply, reply_size, data);
    return reply_header.status;
}

NTSTATUS wlx_server_call(uint32_t code, const void *req, uint32_t req_size,
                         void *reply, uint32_t reply_size, int *fd_out)
{
    return wlx_server_call_data(code, req, req_size, reply, reply_size, NULL, fd_out);
}

/* ---- init helpers ---- */

NTSTATUS wlx_server_init_process(uint32_t parent_id, uint32_t *pid, uint32_t *tid)
{
    struct wlx_init_process_request req = { .unix_pid = getpid(), .unix_tid = gettid(),
                                            .parent_id = parent_id };
    struct wlx_init_process_reply reply;
    int fd;
    NTSTATUS status = wlx_server_call(WLX_REQ_INIT_PROCESS, &req, sizeof(req),
                                      &reply, sizeof(reply), &fd);
    if (status) { if (fd >= 0) close(fd); return status; }
    service_fd = fd;
    process_id = *pid = reply.process_id;
    thread_id = *tid = reply.thread_id;
    return status;
}

/* the service socket init_process gave us, -1 for none */
int wlx_server_service_fd(void)
{
    return service_fd;
}

NTSTATUS wlx_server_init_thread(int32_t unix_tid, uint32_t *tid)
{
    struct wlx_init_thread_request req = { .unix_tid = unix_tid };
    struct wlx_init_thread_reply reply;
    NTSTATUS status = wlx_server_call(WLX_REQ_INIT_THREAD, &req, sizeof(req),
                                      &reply, sizeof(reply), NULL);
    *tid = status ? 0 : reply.thread_id;
    return status;
}

void wlx_server_set_thread_id(uint32_t tid)
{
    thread_id = tid;
}
