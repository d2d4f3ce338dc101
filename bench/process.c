/*
 * bench/process.c — process start: create a process running the tiny hello
 * program beside this one, wait for it, close its handles (native twin:
 * posix_spawn of the native hello + waitpid). The child's output goes to
 * the null device on both sides.
 */
#define BENCH_REPS 3
#include "bench.h"
#ifndef _WIN32
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#endif

#define ITERATIONS 40

#ifdef _WIN32
static WCHAR child[MAX_PATH];
static HANDLE null_out;

static int process_loop(bench_u64 n)
{
    for (bench_u64 i = 0; i < n; i++)
    {
        STARTUPINFOW si = { sizeof(si) };
        PROCESS_INFORMATION pi;
        WCHAR cmd[MAX_PATH + 2];
        unsigned int k = 0;
        cmd[k++] = '"';
        for (unsigned int j = 0; child[j]; j++) cmd[k++] = child[j];
        cmd[k++] = '"';
        cmd[k] = 0;
        si.dwFlags = STARTF_USESTDHANDLES;
        si.hStdInput = si.hStdOutput = si.hStdError = null_out;
        if (!CreateProcessW(child, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) return bench_fail("CreateProcessW", 1);
        if (WaitForSingleObject(pi.hProcess, INFINITE) != WAIT_OBJECT_0) return bench_fail("WaitForSingleObject", 1);
        CloseHandle(pi.hThread);
        CloseHandle(pi.hProcess);
    }
    return 0;
}

static int bench_main(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    DWORD len = GetModuleFileNameW(NULL, child, MAX_PATH);
    while (len && child[len - 1] != '\\') len--;
    const WCHAR *name = L"hello.exe";
    for (unsigned int j = 0; name[j]; j++) child[len++] = name[j];
    child[len] = 0;
    null_out = CreateFileW(L"NUL", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa, OPEN_EXISTING, 0, NULL);
    if (null_out == INVALID_HANDLE_VALUE) return bench_fail("CreateFileW(NUL)", 1);
    return bench_report("process", ITERATIONS, process_loop);
}
#else
extern char **environ;
static char child[4096];

static int process_loop(bench_u64 n)
{
    for (bench_u64 i = 0; i < n; i++)
    {
        posix_spawn_file_actions_t fa;
        char *argv[] = { child, NULL };
        pid_t pid;
        int status;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
        if (posix_spawn(&pid, child, &fa, NULL, argv, environ)) return bench_fail("posix_spawn", 1);
        posix_spawn_file_actions_destroy(&fa);
        if (waitpid(pid, &status, 0) != pid) return bench_fail("waitpid", 1);
    }
    return 0;
}

static int bench_main(void)
{
    ssize_t len = readlink("/proc/self/exe", child, sizeof(child) - 16);
    if (len <= 0) return bench_fail("readlink", 1);
    while (len && child[len - 1] != '/') len--;
    const char *name = "hello";
    for (unsigned int j = 0; name[j]; j++) child[len++] = name[j];
    child[len] = 0;
    return bench_report("process", ITERATIONS, process_loop);
}
#endif
