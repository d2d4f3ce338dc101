/*
 * bench/maxrss.c — a native helper of run.sh (GNU time is not installed):
 *   maxrss COMMAND [ARGS...]
 * runs COMMAND, then prints "maxrss <KiB>" on stderr — the peak resident
 * memory of that process (across its execs, not its own children) as wait4
 * reports it — and exits with COMMAND's exit code (128+N if signal N).
 */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    struct rusage usage;
    int status;
    pid_t pid;

    if (argc < 2)
    {
        fprintf(stderr, "usage: maxrss COMMAND [ARGS...]\n");
        return 2;
    }
    if ((pid = fork()) < 0)
    {
        perror("maxrss: fork");
        return 2;
    }
    if (!pid)
    {
        execvp(argv[1], argv + 1);
        perror("maxrss: exec");
        _exit(127);
    }
    if (wait4(pid, &status, 0, &usage) < 0)
    {
        perror("maxrss: wait4");
        return 2;
    }
    fprintf(stderr, "maxrss %ld\n", usage.ru_maxrss);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}
