/*
 * tests/server/death.c — when the server is SIGKILLed, clients blocked in a
 * long sleep or in a futex wait (in another thread) exit within a second
 * with "wlx: the wlx server died; exiting" and a non-zero status; then the
 * next client starts a new server.
 */
#include <pthread.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include "common.h"

static const char message[] = "wlx: the wlx server died; exiting";

static uint32_t futex_word;

static void *futex_waiter(void *arg)
{
    (void)arg;
    for (;;) syscall(SYS_futex, &futex_word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
    return NULL;
}

static void block_sleeping(void)
{
    sleep(60);
}

static void block_in_futex(void)
{
    pthread_t thread;
    pthread_create(&thread, NULL, futex_waiter, NULL);
    pthread_join(thread, NULL);
}

struct blocked_client { pid_t pid; int err_fd; };

/* A client whose stderr goes to a pipe; it reports ready, then blocks. */
static struct blocked_client start_blocked(void (*block)(void))
{
    int err[2], ready[2];
    struct blocked_client c = { -1, -1 };
    char byte;

    if (pipe(err) < 0 || pipe(ready) < 0) exit(2);
    if ((c.pid = fork()) == 0) {
        uint32_t p, t;
        dup2(err[1], 2);
        close(err[0]);
        close(ready[0]);
        if (wlx_server_connect(prefix, server_binary) < 0 || wlx_server_init_process(0, &p, &t)) _exit(100);
        if (write(ready[1], "r", 1) != 1) _exit(101);
        block();
        _exit(0);
    }
    close(err[1]);
    close(ready[1]);
    c.err_fd = err[0];
    ok(read(ready[0], &byte, 1) == 1, "client %d connected and blocks", c.pid);
    close(ready[0]);
    return c;
}

/* Polls for the child's end; its wait status, or -1 after ms. */
static int wait_child(pid_t pid, int ms)
{
    long long end = now_ms() + ms;
    int status;
    while (now_ms() < end) {
        if (waitpid(pid, &status, WNOHANG) == pid) return status;
        sleep_ms(2);
    }
    return -1;
}

static void check_exit(struct blocked_client c, const char *what, long long killed_at)
{
    char text[512] = "";
    int status = wait_child(c.pid, 5000);
    long long ms = now_ms() - killed_at;
    ssize_t n = read(c.err_fd, text, sizeof(text) - 1);

    if (n > 0) text[n] = 0;
    ok(status != -1 && ms <= 1000, "%s client exited %lld ms after the server's death", what, ms);
    ok(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) != 0,
       "%s client: non-zero exit status (wait status 0x%x)", what, status);
    ok(strstr(text, message) != NULL, "%s client said: %s", what, text);
    if (status == -1) kill(c.pid, SIGKILL);
    close(c.err_fd);
}

int main(int argc, char **argv)
{
    test_start(argc, argv);
    struct blocked_client sleeper = start_blocked(block_sleeping);
    struct blocked_client waiter = start_blocked(block_in_futex);
    pid_t server = server_pid();

    ok(server > 0, "the server runs (pid %d)", server);
    sleep_ms(50);   /* both really asleep */
    kill(server, SIGKILL);
    long long killed_at = now_ms();
    check_exit(sleeper, "sleeping", killed_at);
    check_exit(waiter, "futex-waiting", killed_at);

    pid_t pid = fork();
    if (pid == 0) {
        uint32_t p, t;
        if (wlx_server_connect(prefix, server_binary) < 0 || wlx_server_init_process(0, &p, &t)) _exit(1);
        _exit(ping() ? 2 : 0);
    }
    int status;
    waitpid(pid, &status, 0);
    ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "a new client started a new server and pinged it");
    pid_t second = server_pid();
    ok(second > 0 && second != server, "the new server is another process (pid %d)", second);
    return test_end("death");
}
