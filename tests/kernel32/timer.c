/*
 * tests/kernel32/timer.c — named waitable timers across processes: one
 * process creates or sets the timer, another opens it by name and waits;
 * manual-reset and synchronization timers, periodic timers, a set in one
 * process replacing the set of another, a timer whose setter exited, an
 * inherited unnamed timer, names. The program runs itself as a
 * child ("timer.exe <mode> <name>"); every wait is bounded.
 */
#include "../test.h"
#include "selfchild.h"

static WCHAR name[64];

static BOOL start(const WCHAR *mode, PROCESS_INFORMATION *pi)
{
    WCHAR args[128];
    _snwprintf(args, ARRAYSIZE(args), L"%ls %ls", mode, name);
    return start_self(args, FALSE, 0, NULL, pi);
}

static LARGE_INTEGER in_ms(int ms)
{
    LARGE_INTEGER due;
    due.QuadPart = -(LONGLONG)ms * 10000;
    return due;
}

/* "wait": the timer fires for this process too (0), else 1 or 2 */
static int child_wait(const WCHAR *n)
{
    HANDLE t = OpenWaitableTimerW(SYNCHRONIZE, FALSE, n);
    if (!t) return 2;
    return WaitForSingleObject(t, 10000) == WAIT_OBJECT_0 ? 0 : 1;
}

/* "setwait": sets the timer (10 ms) and sees it fire */
static int child_setwait(const WCHAR *n)
{
    LARGE_INTEGER due = in_ms(10);
    HANDLE t = OpenWaitableTimerW(TIMER_ALL_ACCESS, FALSE, n);
    if (!t) return 2;
    if (!SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE)) return 3;
    return WaitForSingleObject(t, 10000) == WAIT_OBJECT_0 ? 0 : 1;
}

/* "setexit": sets the timer (100 ms, then every 20 ms when periodic) and
   exits at once: the timer belongs to no process */
static int child_setexit(const WCHAR *n, LONG period)
{
    LARGE_INTEGER due = in_ms(100);
    HANDLE t = OpenWaitableTimerW(TIMER_ALL_ACCESS, FALSE, n);
    if (!t) return 2;
    return SetWaitableTimer(t, &due, period, NULL, NULL, FALSE) ? 0 : 3;
}

/* "inherited <handle>": an inherited timer fires here */
static int child_inherited(const char *value)
{
    HANDLE t = (HANDLE)(ULONG_PTR)strtoull(value, NULL, 16);
    return WaitForSingleObject(t, 10000) == WAIT_OBJECT_0 ? 0 : 1;
}

/* "periodic": a synchronization timer set elsewhere releases it three times */
static int child_periodic(const WCHAR *n)
{
    HANDLE t = OpenWaitableTimerW(SYNCHRONIZE, FALSE, n);
    if (!t) return 2;
    for (int i = 0; i < 3; i++) if (WaitForSingleObject(t, 10000) != WAIT_OBJECT_0) return 10 + i;
    return 0;
}

/* a new named manual-reset timer, set to fire in ms */
static HANDLE create_set(int ms)
{
    LARGE_INTEGER due = in_ms(ms);
    HANDLE t = CreateWaitableTimerW(NULL, TRUE, name);
    ok(t != NULL, "CreateWaitableTimer failed: %lu\n", GetLastError());
    ok(SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE), "SetWaitableTimer failed: %lu\n", GetLastError());
    return t;
}

/* the exit code of the child of that mode, or ~0 when it could not start */
static DWORD run_child(const WCHAR *mode)
{
    PROCESS_INFORMATION pi;
    if (!ok(start(mode, &pi), "CreateProcess failed\n")) return ~0u;
    return finish(&pi);
}

/* a manual-reset timer set here fires in another process that opened it */
static void test_set_here_wait_there(void)
{
    HANDLE t = create_set(100);
    ok(run_child(L"wait") == 0, "the timer did not fire for the other process\n");
    ok(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0, "the timer did not fire here\n");
    CloseHandle(t);
}

/* set in another process, seen here; a set there replaces the set made here */
static void test_set_there(void)
{
    HANDLE t = create_set(600000);
    ok(run_child(L"setwait") == 0, "the other process's set did not fire\n");
    ok(WaitForSingleObject(t, 0) == WAIT_OBJECT_0, "the timer set elsewhere is not signaled here\n");
    ok(CancelWaitableTimer(t), "CancelWaitableTimer failed: %lu\n", GetLastError());
    ok(WaitForSingleObject(t, 0) == WAIT_OBJECT_0, "a cancel reset the signaled state\n");
    CloseHandle(t);
}

/* a periodic synchronization timer releases one wait per period, in
   whichever process waits */
static void test_periodic(void)
{
    PROCESS_INFORMATION pi;
    LARGE_INTEGER due = in_ms(20);
    HANDLE t = CreateWaitableTimerW(NULL, FALSE, name);
    if (!ok(t != NULL, "CreateWaitableTimer failed: %lu\n", GetLastError())) return;
    if (!ok(start(L"periodic", &pi), "CreateProcess failed\n")) return;
    ok(SetWaitableTimer(t, &due, 20, NULL, NULL, FALSE), "SetWaitableTimer failed: %lu\n", GetLastError());
    ok(finish(&pi) == 0, "the periodic timer did not fire three times there\n");
    ok(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0, "the periodic timer stopped\n");
    ok(CancelWaitableTimer(t), "CancelWaitableTimer failed: %lu\n", GetLastError());
    CloseHandle(t);
}

/* the process that set the timer is gone before the due time: the timer
   still fires for those who hold it, periods included */
static void test_setter_gone(void)
{
    HANDLE t = CreateWaitableTimerW(NULL, TRUE, name);
    int i;
    if (!ok(t != NULL, "CreateWaitableTimer failed: %lu\n", GetLastError())) return;
    ok(run_child(L"setexit") == 0, "the child could not set the timer\n");
    ok(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0, "the timer of a process that left did not fire\n");
    CloseHandle(t);

    t = CreateWaitableTimerW(NULL, FALSE, name);
    ok(run_child(L"setexitperiodic") == 0, "the child could not set the timer\n");
    for (i = 0; i < 3; i++)
        ok(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0, "period %d of a process that left did not come\n", i);
    ok(CancelWaitableTimer(t), "CancelWaitableTimer failed: %lu\n", GetLastError());
    CloseHandle(t);
}

/* an unnamed inheritable timer crosses to a child with its handle */
static void test_inherited(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    PROCESS_INFORMATION pi;
    LARGE_INTEGER due = in_ms(50);
    WCHAR args[64];
    HANDLE t = CreateWaitableTimerW(&sa, TRUE, NULL);
    if (!ok(t != NULL, "CreateWaitableTimer failed: %lu\n", GetLastError())) return;
    _snwprintf(args, ARRAYSIZE(args), L"inherited %Ix", (ULONG_PTR)t);
    if (!ok(start_self(args, TRUE, 0, NULL, &pi), "CreateProcess failed\n")) return;
    ok(SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE), "SetWaitableTimer failed: %lu\n", GetLastError());
    ok(finish(&pi) == 0, "the inherited timer did not fire in the child\n");
    CloseHandle(t);
}

static void test_names(void)
{
    HANDLE t, t2, e;
    SetLastError(0xdeadbeef);
    ok(!OpenWaitableTimerW(TIMER_ALL_ACCESS, FALSE, name), "a timer nobody made was opened\n");
    ok(GetLastError() == ERROR_FILE_NOT_FOUND, "got %lu\n", GetLastError());
    t = CreateWaitableTimerW(NULL, TRUE, name);
    SetLastError(0xdeadbeef);
    t2 = CreateWaitableTimerW(NULL, TRUE, name);
    ok(t2 && GetLastError() == ERROR_ALREADY_EXISTS, "second create: %p %lu\n", t2, GetLastError());
    SetLastError(0xdeadbeef);
    e = CreateEventW(NULL, TRUE, FALSE, name);
    ok(!e && GetLastError() == ERROR_INVALID_HANDLE, "an event took a timer's name: %p %lu\n", e, GetLastError());
    SetLastError(0xdeadbeef);
    e = OpenEventW(SYNCHRONIZE, FALSE, name);
    ok(!e && GetLastError() == ERROR_INVALID_HANDLE, "a timer opened as an event: %p %lu\n", e, GetLastError());
    CloseHandle(t2);
    CloseHandle(t);
    SetLastError(0xdeadbeef);
    ok(!OpenWaitableTimerW(TIMER_ALL_ACCESS, FALSE, name), "the timer outlived its handles\n");
    ok(GetLastError() == ERROR_FILE_NOT_FOUND, "got %lu\n", GetLastError());
}

int main(int argc, char **argv)
{
    test_start("kernel32:timer");
    GetModuleFileNameW(NULL, module, MAX_PATH);
    if (argc > 2 && !strcmp(argv[1], "inherited")) return child_inherited(argv[2]);
    if (argc > 2)
    {
        WCHAR n[64];
        MultiByteToWideChar(CP_ACP, 0, argv[2], -1, n, ARRAYSIZE(n));
        if (!strcmp(argv[1], "wait")) return child_wait(n);
        if (!strcmp(argv[1], "setwait")) return child_setwait(n);
        if (!strcmp(argv[1], "periodic")) return child_periodic(n);
        if (!strcmp(argv[1], "setexit")) return child_setexit(n, 0);
        if (!strcmp(argv[1], "setexitperiodic")) return child_setexit(n, 20);
        return 99;
    }
    _snwprintf(name, ARRAYSIZE(name), L"wlx-timer-%lx", GetCurrentProcessId());
    test_names();
    test_set_here_wait_there();
    test_set_there();
    test_periodic();
    test_setter_gone();
    test_inherited();
    return test_summary();
}
