/*
 * tests/server/peercred.c — the server serves only its own user.
 * A client whose uid is 65534 but which keeps root's file access
 * (SECBIT_NO_SETUID_FIXUP keeps CAP_DAC_OVERRIDE across setuid) reaches the
 * socket, and is refused by the SO_PEERCRED check: no hello, connection
 * closed. A plain setuid(65534) client gets a server of its own (its own
 * /tmp/.wlx-65534 folder). The server's own clients are not disturbed.
 * Needs root (the tests run as root); skipped otherwise.
 */
#include "common.h"
#include <grp.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <linux/securebits.h>

#define NOBODY 65534

static pid_t original_server;

static int become_nobody(int keep_caps)
{
    if (keep_caps && prctl(PR_SET_SECUREBITS, SECBIT_NO_SETUID_FIXUP) < 0) return -1;
    if (setgroups(0, NULL) < 0 || setresgid(NOBODY, NOBODY, NOBODY) < 0) return -1;
    return setresuid(NOBODY, NOBODY, NOBODY);
}

/* Exit status: 0 refused as expected, 1 could not become nobody or connect,
 * 2 got a hello. */
static int foreign_raw_client(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    char buf[64];
    int fd;

    server_file(WLX_SERVER_SOCKET, addr.sun_path, sizeof(addr.sun_path));
    if (become_nobody(1) < 0 || getuid() != NOBODY || geteuid() != NOBODY) return 1;
    fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) return 1;
    struct pollfd pfd = { fd, POLLIN, 0 };
    if (poll(&pfd, 1, 5000) != 1) return 2;
    return recv(fd, buf, sizeof(buf), 0) > 0 ? 2 : 0;
}

/* 0 when served by a server of uid 65534 (the client checks the server's
 * uid), not by ours. */
static int foreign_client(void)
{
    if (become_nobody(0) < 0) return 1;
    if (wlx_server_connect(prefix, server_binary) < 0) return 2;
    return ping() ? 3 : server_pid() == original_server ? 4 : 0;
}

static int stop_foreign_server(void)
{
    char dir[256], cmd[300];
    if (become_nobody(0) < 0) return 1;
    run_server("-k", NULL);
    server_file("", dir, sizeof(dir));
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) ? 1 : 0;
}

static int run_child(int (*fn)(void), int quiet)
{
    int status;
    pid_t pid = fork();
    if (pid == 0) {
        if (quiet) freopen("/dev/null", "w", stderr);
        _exit(fn());
    }
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main(int argc, char **argv)
{
    int go[2], done[2];
    char byte;

    test_start(argc, argv);
    if (getuid() != 0) {
        printf("skip: needs root to switch to uid %d\n", NOBODY);
        return test_end("peercred");
    }
    if (pipe(go) < 0 || pipe(done) < 0) return 2;
    pid_t holder = fork();
    if (holder == 0) {   /* our own client, kept connected throughout */
        uint32_t p, t;
        close(go[1]);
        if (wlx_server_connect(prefix, server_binary) < 0 || wlx_server_init_process(0, &p, &t)) _exit(1);
        if (write(done[1], "c", 1) != 1 || read(go[0], &byte, 1) != 1) _exit(1);
        _exit(ping() ? 3 : 0);
    }
    close(go[0]);
    ok(read(done[0], &byte, 1) == 1, "our own client connected");
    pid_t server = original_server = server_pid();
    int ret = run_child(foreign_raw_client, 0);
    ok(ret == 0, "uid %d reaching the socket is refused by SO_PEERCRED (child status %d)", NOBODY, ret);
    ret = run_child(foreign_client, 0);
    ok(ret == 0, "a client of uid %d gets a server of its own (child status %d)", NOBODY, ret);
    ok(run_child(stop_foreign_server, 0) == 0, "which stops with -k");
    if (write(go[1], "g", 1) != 1) return 2;
    int status;
    waitpid(holder, &status, 0);
    ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "our own client still served");
    ok(server > 0 && server_pid() == server, "the server is still the same");
    return test_end("peercred");
}
