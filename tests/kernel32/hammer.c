/*
 * tests/kernel32/hammer.c — a load test of objects shared across processes:
 * 32 child processes x 4 threads start together on a named manual-reset
 * event, then each thread takes a named mutex a bounded number of times and,
 * while holding it, checks that it is alone (a named semaphore of maximum 1
 * must be free inside), and counts each round in another named semaphore.
 * The parent checks the exact count at the end. A watchdog fails the test
 * after 60 s rather than hang.
 */
#include "../test.h"

#define CHILDREN 32
#define THREADS  4
#define ROUNDS   40

static char base[64];

static HANDLE open_named(const char *suffix, int sem)
{
    char name[96];
    snprintf(name, sizeof(name), "%s-%s", base, suffix);
    return sem ? OpenSemaphoreA(SEMAPHORE_ALL_ACCESS, FALSE, name)
               : suffix[0] == 'm' ? OpenMutexA(SYNCHRONIZE | MUTEX_MODIFY_STATE, FALSE, name)
                                  : OpenEventA(SYNCHRONIZE, FALSE, name);
}

static HANDLE mutex, inside, counter, go;
static LONG errors;

static DWORD WINAPI worker(void *arg)
{
    (void)arg;
    if (WaitForSingleObject(go, 30000) != WAIT_OBJECT_0) { InterlockedIncrement(&errors); return 1; }
    for (int i = 0; i < ROUNDS; i++)
    {
        DWORD r = WaitForSingleObject(mutex, 30000);
        if (r != WAIT_OBJECT_0) { InterlockedIncrement(&errors); return 1; }
        /* alone inside: the guard semaphore is free, and is ours for a moment */
        if (WaitForSingleObject(inside, 0) != WAIT_OBJECT_0) InterlockedIncrement(&errors);
        else if (!ReleaseSemaphore(inside, 1, NULL)) InterlockedIncrement(&errors);
        if (!ReleaseMutex(mutex)) InterlockedIncrement(&errors);
        if (!ReleaseSemaphore(counter, 1, NULL)) InterlockedIncrement(&errors);
    }
    return 0;
}

static int child_main(void)
{
    HANDLE threads[THREADS];
    mutex = open_named("mutex", 0);
    inside = open_named("inside", 1);
    counter = open_named("counter", 1);
    go = open_named("go", 0);
    if (!mutex || !inside || !counter || !go) return 100;
    for (int i = 0; i < THREADS; i++) threads[i] = CreateThread(NULL, 0, worker, NULL, 0, NULL);
    if (WaitForMultipleObjects(THREADS, threads, TRUE, 60000) != WAIT_OBJECT_0) return 101;
    return errors > 99 ? 99 : errors;
}

int main(int argc, char **argv)
{
    PROCESS_INFORMATION pi[CHILDREN];
    HANDLE procs[CHILDREN];
    char name[96], cmd[MAX_PATH + 64], module[MAX_PATH];
    int started = 0;

    test_start("kernel32:hammer");
    if (argc > 2 && !strcmp(argv[1], "child"))
    {
        snprintf(base, sizeof(base), "%s", argv[2]);
        return child_main();
    }
    snprintf(base, sizeof(base), "Local\\wlx-hammer-%lx", GetCurrentProcessId());
    snprintf(name, sizeof(name), "%s-mutex", base);
    HANDLE m = CreateMutexA(NULL, FALSE, name);
    snprintf(name, sizeof(name), "%s-inside", base);
    HANDLE in = CreateSemaphoreA(NULL, 1, 1, name);
    snprintf(name, sizeof(name), "%s-counter", base);
    HANDLE c = CreateSemaphoreA(NULL, 0, 0x7fffffff, name);
    snprintf(name, sizeof(name), "%s-go", base);
    HANDLE g = CreateEventA(NULL, TRUE, FALSE, name);
    ok(m && in && c && g, "the named objects: %lu\n", GetLastError());

    GetModuleFileNameA(NULL, module, MAX_PATH);
    snprintf(cmd, sizeof(cmd), "\"%s\" child %s", module, base);
    for (int i = 0; i < CHILDREN; i++)
    {
        STARTUPINFOA si = { sizeof(si) };
        if (!CreateProcessA(module, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi[i])) break;
        procs[started++] = pi[i].hProcess;
    }
    ok(started == CHILDREN, "started %d children: %lu\n", started, GetLastError());
    SetEvent(g);

    /* the watchdog: all must end within 60 s */
    DWORD r = WaitForMultipleObjects(started, procs, TRUE, 60000);
    ok(r < WAIT_OBJECT_0 + started, "the children did not finish within 60 s: %lx\n", r);
    int bad = 0;
    for (int i = 0; i < started; i++)
    {
        DWORD code = 0xdead;
        if (r == WAIT_TIMEOUT) TerminateProcess(pi[i].hProcess, 1);
        GetExitCodeProcess(pi[i].hProcess, &code);
        if (code) { bad++; if (bad < 4) ok(0, "child %d: exit code %lu\n", i, code); }
        CloseHandle(pi[i].hProcess);
        CloseHandle(pi[i].hThread);
    }
    ok(!bad, "%d children saw errors\n", bad);

    LONG total = -1;
    ok(ReleaseSemaphore(c, 1, &total), "ReleaseSemaphore failed: %lu\n", GetLastError());
    ok(total == started * THREADS * ROUNDS, "counted %ld rounds, expected %d\n", total, started * THREADS * ROUNDS);
    ok(WaitForSingleObject(m, 0) == WAIT_OBJECT_0, "the mutex is still held\n");
    ReleaseMutex(m);
    CloseHandle(m);
    CloseHandle(in);
    CloseHandle(c);
    CloseHandle(g);
    return test_summary();
}
