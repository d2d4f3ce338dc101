/*
 * tests/server/lifecycle.c — a server starts on demand for three clients,
 * serves init_process / ping / exit_process / get_process_info, records a
 * SIGKILLed client as killed, and exits by itself after its last client.
 * Also wlxserver -p / -k / --help, and the ping round-trip time (printed).
 */
#include "common.h"
#include <sys/socket.h>
#include <sys/un.h>

/* A client process: connects, registers, pings, then runs body(). */
static pid_t spawn_client(int (*body)(uint32_t self, int in_fd), int report_fd, int in_fd)
{
    pid_t pid = fork();
    if (pid) return pid;
    uint32_t self, tid;
    if (wlx_server_connect(prefix, server_binary) < 0) _exit(10);
    if (wlx_server_init_process(0, &self, &tid)) _exit(11);
    for (int i = 0; i < 100; i++) if (ping()) _exit(12);
    if (write(report_fd, &self, sizeof(self)) != sizeof(self)) _exit(13);
    _exit(body(self, in_fd));
}

static int exit_with_code(uint32_t self, int in_fd)
{
    struct wlx_exit_process_request req = { .exit_code = 0x1000 + self };
    (void)in_fd;
    return wlx_server_call(WLX_REQ_EXIT_PROCESS, &req, sizeof(req), NULL, 0, NULL) ? 20 : 0;
}

static int wait_forever(uint32_t self, int in_fd)
{
    (void)self; (void)in_fd;
    for (;;) pause();
    return 0;
}

static int query(uint32_t id, struct wlx_get_process_info_reply *reply)
{
    struct wlx_get_process_info_request req = { .process_id = id };
    return wlx_server_call(WLX_REQ_GET_PROCESS_INFO, &req, sizeof(req), reply, sizeof(*reply), NULL);
}

/* Waits for the parent's list of ids, checks each one's state. */
static int observer(uint32_t self, int in_fd)
{
    uint32_t ids[3];
    struct wlx_get_process_info_reply info;
    int bad = 0;

    if (read(in_fd, ids, sizeof(ids)) != sizeof(ids)) return 30;   /* exited, exited, killed */
    if (query(self, &info) || !info.alive || info.exit_code != WLX_STILL_ACTIVE
        || info.unix_pid != getpid()) bad |= 1;
    for (int i = 0; i < 2; i++)   /* exited with 0x1000 + own id */
        if (query(ids[i], &info) || info.alive || info.exit_code != 0x1000 + ids[i]) bad |= 2;
    if (query(ids[2], &info) || info.alive || info.exit_code != WLX_EXIT_CODE_KILLED) bad |= 4;
    if (query(1234567, &info) != STATUS_INVALID_CID) bad |= 8;
    return bad ? 40 + bad : 0;
}

static int wait_status(pid_t pid)
{
    int status;
    if (waitpid(pid, &status, 0) < 0) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static uint32_t start_client(pid_t *pid, int (*body)(uint32_t, int), int in_fd)
{
    int report[2];
    uint32_t id = 0;
    if (pipe(report) < 0) exit(2);
    *pid = spawn_client(body, report[1], in_fd);
    close(report[1]);
    if (read(report[0], &id, sizeof(id)) != sizeof(id)) id = 0;
    close(report[0]);
    return id;
}

static void test_clients(void)
{
    int go[2];
    uint32_t observer_id, ids[3];
    pid_t observer_pid, pids[3];
    long long start;

    if (pipe(go) < 0) exit(2);
    start = now_ms();
    observer_id = start_client(&observer_pid, observer, go[0]);
    ok(observer_id != 0, "first client started the server and registered (%ld ms)",
       (long)(now_ms() - start));
    pid_t server = server_pid();
    ok(server > 0, "the prefix's server runs (pid %d)", server);
    ids[0] = start_client(&pids[0], exit_with_code, -1);
    ids[1] = start_client(&pids[1], exit_with_code, -1);
    ids[2] = start_client(&pids[2], wait_forever, -1);
    ok(ids[0] && ids[1] && ids[2], "three more clients registered");
    ok(!(observer_id % 4 || ids[0] % 4 || ids[1] % 4 || ids[2] % 4)
       && ids[0] != ids[1] && ids[1] != ids[2],
       "process ids are distinct multiples of 4 (%04x %04x %04x %04x)",
       observer_id, ids[0], ids[1], ids[2]);
    ok(server_pid() == server, "all clients share one server");
    ok(wait_status(pids[0]) == 0 && wait_status(pids[1]) == 0, "two clients exit_process'ed");
    kill(pids[2], SIGKILL);
    ok(wait_status(pids[2]) == 128 + SIGKILL, "one client was SIGKILLed");
    sleep_ms(50);   /* the server sees the hang-up */
    if (write(go[1], ids, sizeof(ids)) != sizeof(ids)) exit(2);
    int status = wait_status(observer_pid);
    ok(status == 0, "get_process_info: running, exited and killed processes (status %d)", status);
    ok(wait_pid_gone(server, 10000), "the server exited by itself after its last client");
    close(go[0]);
    close(go[1]);
}

static uint32_t exit_thread(uint32_t code, NTSTATUS *status)
{
    struct wlx_exit_thread_request req = { .exit_code = code };
    struct wlx_exit_thread_reply reply = { .last_thread = 99 };
    *status = wlx_server_call(WLX_REQ_EXIT_THREAD, &req, sizeof(req), &reply, sizeof(reply), NULL);
    return reply.last_thread;
}

/* Threads: ids, the end of a thread, and the process ending with its last
 * thread's exit code, as on Windows. Runs in a child: a bit per failed check. */
static int threads_child(void)
{
    struct wlx_get_process_info_reply info;
    struct wlx_exit_process_request req = { .exit_code = 1 };
    uint32_t self, main_tid, tid;
    NTSTATUS status;
    int bad = 0;

    if (wlx_server_connect(prefix, server_binary) < 0 || wlx_server_init_process(0, &self, &main_tid))
        return 100;
    if (wlx_server_init_thread(0, &tid) || !tid || tid % 4 || tid == self || tid == main_tid) bad |= 1;
    wlx_server_set_thread_id(tid);
    if (exit_thread(7, &status) != 0 || status) bad |= 2;            /* not the last thread */
    if (ping() != STATUS_INVALID_CID) bad |= 4;                       /* that thread is gone */
    wlx_server_set_thread_id(main_tid);
    if (query(self, &info) || !info.alive) bad |= 8;
    if (exit_thread(0x42, &status) != 1 || status) bad |= 16;        /* the last one */
    wlx_server_set_thread_id(0);
    if (query(self, &info) || info.alive || info.exit_code != 0x42) bad |= 32;
    if (wlx_server_call(WLX_REQ_EXIT_PROCESS, &req, sizeof(req), NULL, 0, NULL)
        != STATUS_PROCESS_IS_TERMINATING) bad |= 64;
    return bad;
}

static void test_threads(void)
{
    pid_t pid = fork();
    if (pid == 0) _exit(threads_child());
    int status = wait_status(pid);
    ok(status == 0, "threads: ids, exit_thread, the process ends with its last thread (status %d)", status);
}

static void test_persistent_and_kill(void)
{
    run_server("-k", NULL);   /* the server of the tests before, if still there */
    /* it may still hold its lock for a moment while it leaves */
    for (long long gone = now_ms() + 5000; server_pid() && now_ms() < gone; ) sleep_ms(1);
    pid_t pid = fork();
    if (pid == 0) {
        execl(server_binary, "wlxserver", "--prefix", prefix, "-p", (char *)NULL);
        _exit(127);
    }
    long long end = now_ms() + 5000;
    while (!server_pid() && now_ms() < end) sleep_ms(1);
    ok(server_pid() == pid, "wlxserver -p runs");
    sleep_ms(3500);
    ok(server_pid() == pid, "wlxserver -p is still there after the idle delay");
    ok(run_server("-k", NULL) == 0, "wlxserver -k succeeds");
    int status = -1;
    pid_t waited = waitpid(pid, &status, 0);
    ok(waited == pid && WIFEXITED(status) && !WEXITSTATUS(status),
       "wlxserver -k stopped the server (wait status 0x%x)", status);
    ok(run_server("-k", NULL) == 0, "wlxserver -k with no server succeeds");
    int out = dup(1), err = dup(2), null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    int help = run_server("--help", NULL), bogus = run_server("--bogus", NULL);
    dup2(out, 1);
    dup2(err, 2);
    close(out);
    close(err);
    close(null);
    ok(help == 0, "wlxserver --help");
    ok(bogus == 2, "wlxserver rejects an unknown option");
}

/* Round-trip time of ping, printed for the record (never asserted). */
static void measure_ping(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        uint32_t p, t;
        struct timespec a, b;
        if (wlx_server_connect(prefix, server_binary) < 0 || wlx_server_init_process(0, &p, &t)) _exit(1);
        for (int i = 0; i < 1000; i++) ping();
        clock_gettime(CLOCK_MONOTONIC, &a);
        for (int i = 0; i < 100000; i++) if (ping()) _exit(2);
        clock_gettime(CLOCK_MONOTONIC, &b);
        double us = ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / 1e3 / 100000;
        printf("info: ping round trip %.2f us (mean of 100000)\n", us);
        _exit(0);
    }
    ok(wait_status(pid) == 0, "100000 pings answered");
}

/* A fake server speaking another protocol version: the client must refuse
 * it with a message, not misparse it. */
static void test_version_mismatch(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    char base[64], dir[256];
    int listener = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0), pair[2], err[2];

    snprintf(base, sizeof(base), WLX_SERVER_BASE_FMT, getuid());
    server_file("", dir, sizeof(dir));
    mkdir(base, 0700);
    mkdir(dir, 0700);
    server_file(WLX_SERVER_SOCKET, addr.sun_path, sizeof(addr.sun_path));
    unlink(addr.sun_path);
    if (bind(listener, (struct sockaddr *)&addr, sizeof(addr)) < 0 || listen(listener, 4) < 0
        || pipe(err) < 0) {
        ok(0, "fake server listens: %s", strerror(errno));
        return;
    }
    pid_t pid = fork();
    if (pid == 0) {
        dup2(err[1], 2);
        _exit(wlx_server_connect(prefix, "/nonexistent/wlxserver") < 0 ? 0 : 1);
    }
    close(err[1]);
    int fd = accept(listener, NULL, NULL);
    struct wlx_hello hello = { WLX_HELLO_MAGIC, WLX_PROTOCOL_VERSION + 1, getpid(), 0 };
    char control[CMSG_SPACE(sizeof(int))], text[512] = "";
    struct iovec iov = { &hello, sizeof(hello) };
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
                          .msg_control = control, .msg_controllen = sizeof(control) };
    socketpair(AF_UNIX, SOCK_STREAM, 0, pair);
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &pair[1], sizeof(int));
    sendmsg(fd, &msg, 0);
    int status = wait_status(pid);
    ssize_t n = read(err[0], text, sizeof(text) - 1);
    if (n > 0) text[n] = 0;
    ok(status == 0 && strstr(text, "protocol"), "a server of another protocol version is refused: %s", text);
    close(fd);
    close(listener);
    close(pair[0]);
    close(pair[1]);
    close(err[0]);
    unlink(addr.sun_path);
}

int main(int argc, char **argv)
{
    test_start(argc, argv);
    test_clients();
    test_threads();
    test_persistent_and_kill();
    measure_ping();
    test_version_mismatch();
    return test_end("lifecycle");
}
