/*
 * tests/server/common.h — helpers for the host-side wlxserver tests: result
 * lines, a temporary prefix, where the server binary is, and watching the
 * server process. Each test program prints "ok"/"FAIL" lines and a summary,
 * and exits non-zero when anything failed.
 *
 * Usage: <test> [path/to/wlxserver]  (default $WLXSERVER, else build/bin/wlxserver)
 */
#ifndef TESTS_SERVER_COMMON_H
#define TESTS_SERVER_COMMON_H

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "wlx/server.h"

static int tests_run, tests_failed;
static char server_binary[4096] = "build/bin/wlxserver";
static char prefix[64];

static void ok(int cond, const char *fmt, ...)
{
    va_list args;
    tests_run++;
    if (!cond) tests_failed++;
    printf("%s: ", cond ? "ok" : "FAIL");
    va_start(args, fmt);
    vprintf(fmt, args);
    va_end(args);
    printf("\n");
    fflush(stdout);
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static void sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

/* Absolute server path and a fresh prefix folder (removed by test_end). */
static void test_start(int argc, char **argv)
{
    const char *bin = argc > 1 ? argv[1] : getenv("WLXSERVER");
    char *abs;
    if (bin && *bin) snprintf(server_binary, sizeof(server_binary), "%s", bin);
    if ((abs = realpath(server_binary, NULL))) {
        snprintf(server_binary, sizeof(server_binary), "%s", abs);
        free(abs);
    }
    snprintf(prefix, sizeof(prefix), "/tmp/wlx-test-prefix-XXXXXX");
    if (!mkdtemp(prefix)) {
        perror("mkdtemp");
        exit(2);
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
}

/* Path of a file in the prefix's server folder. */
static void server_file(const char *name, char *path, size_t size)
{
    struct stat st;
    stat(prefix, &st);
    snprintf(path, size, WLX_SERVER_DIR_FMT "/%s", getuid(),
             (unsigned long long)st.st_dev, (unsigned long long)st.st_ino, name);
}

/* Pid of the running server of the prefix, 0 if none. */
static __attribute__((unused)) pid_t server_pid(void)
{
    char path[256], buf[32] = "";
    int fd;
    pid_t pid = 0;
    server_file(WLX_SERVER_LOCK, path, sizeof(path));
    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) return 0;
    if (flock(fd, LOCK_SH | LOCK_NB) < 0 && errno == EWOULDBLOCK) {   /* held: running */
        if (pread(fd, buf, sizeof(buf) - 1, 0) > 0) pid = atoi(buf);
    }
    close(fd);
    return pid;
}

/* Waits up to ms for pid to be gone (it is not our child). */
static __attribute__((unused)) int wait_pid_gone(pid_t pid, int ms)
{
    long long end = now_ms() + ms;
    while (now_ms() < end) {
        if (kill(pid, 0) < 0 && errno == ESRCH) return 1;
        sleep_ms(5);
    }
    return 0;
}

/* Runs wlxserver with the given extra arguments and waits; its exit status. */
static int run_server(const char *arg1, const char *arg2)
{
    pid_t pid = fork();
    int status;
    if (pid == 0) {
        execl(server_binary, "wlxserver", "--prefix", prefix, arg1, arg2, (char *)NULL);
        _exit(127);
    }
    if (pid < 0 || waitpid(pid, &status, 0) < 0) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static NTSTATUS ping(void)
{
    return wlx_server_call(WLX_REQ_PING, NULL, 0, NULL, 0, NULL);
}

/* Stops the server if still there, removes the prefix, prints the summary. */
static int test_end(const char *name)
{
    char cmd[512], dir[256];
    run_server("-k", NULL);
    server_file("", dir, sizeof(dir));   /* the server's folder, no longer used */
    snprintf(cmd, sizeof(cmd), "rm -rf '%s' '%s'", dir, prefix);
    if (system(cmd) != 0) fprintf(stderr, "cannot remove %s\n", prefix);
    printf("%s: %d passed, %d failed\n", name, tests_run - tests_failed, tests_failed);
    return tests_failed ? 1 : 0;
}

#endif /* TESTS_SERVER_COMMON_H */
