/*
 * tests/server/race.c — one server per prefix, whatever the races:
 * two wlxserver started at the same instant (the loser exits 0 quietly and
 * both clients are served by the winner), then four clients that all find
 * no server and start one at once.
 */
#include "common.h"

/* Children blocked on one pipe, released together. */
static pid_t start_waiting(int gate[2], void (*run)(void))
{
    pid_t pid = fork();
    char byte;
    if (pid) return pid;
    close(gate[1]);
    if (read(gate[0], &byte, 1) < 0) _exit(1);
    run();
    _exit(0);
}

static void exec_server(void)
{
    execl(server_binary, "wlxserver", "--prefix", prefix, (char *)NULL);
    _exit(127);
}

static void client(void)
{
    uint32_t p, t;
    if (wlx_server_connect(prefix, server_binary) < 0 || wlx_server_init_process(0, &p, &t)) _exit(1);
    for (int i = 0; i < 100; i++) if (ping()) _exit(2);
    sleep_ms(100);   /* overlap with the others */
    _exit(0);
}

static int exit_status(pid_t pid, int options)
{
    int status;
    if (waitpid(pid, &status, options) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void release(int gate[2])
{
    close(gate[0]);
    close(gate[1]);   /* EOF wakes every child at once */
}

static void test_two_servers(void)
{
    int gate[2];
    pid_t servers[2], clients[2];

    if (pipe(gate) < 0) exit(2);
    servers[0] = start_waiting(gate, exec_server);
    servers[1] = start_waiting(gate, exec_server);
    release(gate);
    long long end = now_ms() + 5000;
    int loser = -1, status = -1;
    while (loser < 0 && now_ms() < end) {
        for (int i = 0; i < 2 && loser < 0; i++)
            if ((status = exit_status(servers[i], WNOHANG)) >= 0) loser = i;
        sleep_ms(1);
    }
    ok(loser >= 0 && status == 0, "of two servers started at once one exits, with status 0");
    if (loser < 0) return;
    pid_t winner = servers[!loser];
    end = now_ms() + 5000;
    while (server_pid() != winner && now_ms() < end) sleep_ms(1);
    ok(server_pid() == winner, "the other one serves the prefix");
    if (pipe(gate) < 0) exit(2);
    clients[0] = start_waiting(gate, client);
    clients[1] = start_waiting(gate, client);
    release(gate);
    ok(exit_status(clients[0], 0) == 0 && exit_status(clients[1], 0) == 0, "both clients were served");
    ok(kill(winner, 0) == 0 && server_pid() == winner, "by the surviving server");
    ok(run_server("-k", NULL) == 0 && exit_status(winner, 0) == 0, "which -k stops");
}

static void test_clients_racing(void)
{
    int gate[2];
    pid_t clients[4];
    int good = 0;

    if (pipe(gate) < 0) exit(2);
    for (int i = 0; i < 4; i++) clients[i] = start_waiting(gate, client);
    release(gate);
    for (int i = 0; i < 4; i++) good += exit_status(clients[i], 0) == 0;
    ok(good == 4, "four clients racing to start a server were all served (%d)", good);
}

int main(int argc, char **argv)
{
    test_start(argc, argv);
    test_two_servers();
    test_clients_racing();
    return test_end("race");
}
