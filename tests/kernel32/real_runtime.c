/*
 * tests/kernel32/real_runtime.c — what a language runtime or a big
 * application does with its own process and threads besides creating them,
 * each part the way such programs call it (imported directly, as a program
 * built with a current SDK does):
 *
 *   - names its worker threads (SetThreadDescription) and reads the names
 *     back for crash reports and profilers (GetThreadDescription);
 *   - runs phases of parallel work separated by a synchronization barrier
 *     (InitializeSynchronizationBarrier / EnterSynchronizationBarrier: the
 *     last thread to arrive is told TRUE, once per phase);
 *   - lowers its priority class for background work and restores it
 *     (Node's os.setPriority, build tools), asks the machine
 *     (IsWow64Process2) and its subsystem version (GetProcessVersion);
 *   - measures threads by cycles (QueryThreadCycleTime grows with work),
 *     keeps the machine awake (SetThreadExecutionState), sets hints
 *     (ideal processor, working-set sizes, shutdown order);
 *   - re-arms thread pool timers and waits with the Ex calls, which say
 *     whether a pending one was replaced.
 */
#include "../test.h"

/* Windows 10's, not in this mingw-w64's headers */
HRESULT WINAPI SetThreadDescription(HANDLE thread, PCWSTR description);
HRESULT WINAPI GetThreadDescription(HANDLE thread, PWSTR *description);

/* --- thread names ----------------------------------------------------------------------- */

static HANDLE named_ready, named_go;

static DWORD WINAPI named_worker(void *arg)
{
    WCHAR name[32];
    swprintf(name, ARRAYSIZE(name), L"worker #%d", (int)(ULONG_PTR)arg);
    if (FAILED(SetThreadDescription(GetCurrentThread(), name))) return 1;
    SetEvent(named_ready);
    WaitForSingleObject(named_go, 10000);
    return 0;
}

static void test_names(void)
{
    HANDLE t[3];
    WCHAR *desc = NULL;
    int i, right = 0;

    ok(SUCCEEDED(GetThreadDescription(GetCurrentThread(), &desc)) && desc && !desc[0], "unnamed thread: \"%ls\"\n", desc ? desc : L"(null)");
    LocalFree(desc);
    named_go = CreateEventW(NULL, TRUE, FALSE, NULL);
    named_ready = CreateEventW(NULL, FALSE, FALSE, NULL);
    for (i = 0; i < 3; i++)
    {
        t[i] = CreateThread(NULL, 0, named_worker, (void *)(ULONG_PTR)i, 0, NULL);
        WaitForSingleObject(named_ready, 10000);
    }
    for (i = 0; i < 3; i++)
    {
        WCHAR expect[32];
        swprintf(expect, ARRAYSIZE(expect), L"worker #%d", i);
        if (SUCCEEDED(GetThreadDescription(t[i], &desc)) && desc && !wcscmp(desc, expect)) right++;
        LocalFree(desc);
    }
    ok(right == 3, "%d of 3 names read back\n", right);
    /* renamed from outside */
    ok(SUCCEEDED(SetThreadDescription(t[0], L"renamed")), "SetThreadDescription from another thread\n");
    ok(SUCCEEDED(GetThreadDescription(t[0], &desc)) && desc && !wcscmp(desc, L"renamed"), "renamed: \"%ls\"\n", desc ? desc : L"(null)");
    LocalFree(desc);
    SetEvent(named_go);
    ok(WaitForMultipleObjects(3, t, TRUE, 10000) == WAIT_OBJECT_0, "workers did not end\n");
    for (i = 0; i < 3; i++) CloseHandle(t[i]);
    ok(SUCCEEDED(SetThreadDescription(GetCurrentThread(), L"main")), "naming the main thread\n");
    ok(SUCCEEDED(GetThreadDescription(GetCurrentThread(), &desc)) && desc && !wcscmp(desc, L"main"), "main: \"%ls\"\n", desc ? desc : L"(null)");
    LocalFree(desc);
    CloseHandle(named_go);
    CloseHandle(named_ready);
}

/* --- phases behind a barrier ------------------------------------------------------------------ */

#define PHASE_THREADS 4
#define PHASES 200

static SYNCHRONIZATION_BARRIER barrier;
static LONG phase_done[PHASES];
static LONG last_ones[PHASES];
static LONG early;

static DWORD WINAPI phase_worker(void *arg)
{
    for (int p = 0; p < PHASES; p++)
    {
        InterlockedIncrement(&phase_done[p]);
        if (EnterSynchronizationBarrier(&barrier, 0)) InterlockedIncrement(&last_ones[p]);
        /* past the barrier: everyone finished phase p */
        if (phase_done[p] != PHASE_THREADS) InterlockedIncrement(&early);
    }
    return 0;
}

static void test_barrier(void)
{
    HANDLE t[PHASE_THREADS];
    int i, p, bad_last = 0;
    if (test_is("wine"))
    {
        /* Wine 8.0's kernel32 has the barrier functions only as stubs that
           abort the program; Windows 8 and later have them */
        skip("Wine 8.0 does not implement synchronization barriers\n");
        return;
    }
    ok(InitializeSynchronizationBarrier(&barrier, PHASE_THREADS, -1), "InitializeSynchronizationBarrier: %lu\n", GetLastError());
    for (i = 0; i < PHASE_THREADS; i++) t[i] = CreateThread(NULL, 0, phase_worker, NULL, 0, NULL);
    ok(WaitForMultipleObjects(PHASE_THREADS, t, TRUE, 30000) == WAIT_OBJECT_0, "phase workers did not end\n");
    for (p = 0; p < PHASES; p++) if (last_ones[p] != 1) bad_last++;
    ok(!bad_last, "%d phases without exactly one TRUE\n", bad_last);
    ok(!early, "%ld threads passed the barrier early\n", early);
    ok(DeleteSynchronizationBarrier(&barrier), "DeleteSynchronizationBarrier\n");
    for (i = 0; i < PHASE_THREADS; i++) CloseHandle(t[i]);

    /* one thread: it is always the last */
    ok(InitializeSynchronizationBarrier(&barrier, 1, 0), "a barrier of one\n");
    ok(EnterSynchronizationBarrier(&barrier, SYNCHRONIZATION_BARRIER_FLAGS_BLOCK_ONLY), "alone at the barrier: FALSE\n");
    ok(EnterSynchronizationBarrier(&barrier, 0), "alone again: FALSE\n");
    DeleteSynchronizationBarrier(&barrier);
}

/* --- the process ------------------------------------------------------------------------- */

static void test_process(void)
{
    USHORT process_machine = 0xffff, native_machine = 0;
    SIZE_T min = 0, max = 0;
    DWORD level = 0, flags = 0xdead;

    ok(GetPriorityClass(GetCurrentProcess()) == NORMAL_PRIORITY_CLASS, "priority class %#lx\n", GetPriorityClass(GetCurrentProcess()));
    ok(SetPriorityClass(GetCurrentProcess(), BELOW_NORMAL_PRIORITY_CLASS), "SetPriorityClass: %lu\n", GetLastError());
    ok(GetPriorityClass(GetCurrentProcess()) == BELOW_NORMAL_PRIORITY_CLASS, "lowered: %#lx\n", GetPriorityClass(GetCurrentProcess()));
    SetLastError(0xdeadbeef);
    ok(!SetPriorityClass(GetCurrentProcess(), 0x12345) && GetLastError() == ERROR_INVALID_PARAMETER, "a bad class: %lu\n", GetLastError());
    ok(SetPriorityClass(GetCurrentProcess(), NORMAL_PRIORITY_CLASS), "restore: %lu\n", GetLastError());
    ok(GetPriorityClass(GetCurrentProcess()) == NORMAL_PRIORITY_CLASS, "restored: %#lx\n", GetPriorityClass(GetCurrentProcess()));
    SetLastError(0xdeadbeef);
    ok(!GetPriorityClass(NULL) && GetLastError() == ERROR_INVALID_HANDLE, "no process: %lu\n", GetLastError());

    ok(IsWow64Process2(GetCurrentProcess(), &process_machine, &native_machine), "IsWow64Process2: %lu\n", GetLastError());
    ok(process_machine == IMAGE_FILE_MACHINE_UNKNOWN && native_machine == IMAGE_FILE_MACHINE_AMD64,
       "machines %#x %#x\n", process_machine, native_machine);
    DWORD version = GetProcessVersion(0);
    ok(version == GetProcessVersion(GetCurrentProcessId()) && HIWORD(version) >= 4, "process version %#lx\n", version);

    ok(GetProcessWorkingSetSize(GetCurrentProcess(), &min, &max) && min && max >= min, "working set %Iu..%Iu\n", min, max);
    ok(SetProcessWorkingSetSize(GetCurrentProcess(), (SIZE_T)-1, (SIZE_T)-1), "trimming the working set: %lu\n", GetLastError());
    ok(GetProcessShutdownParameters(&level, &flags) && level == 0x280 && flags == 0, "shutdown %#lx %#lx\n", level, flags);
    ok(SetProcessShutdownParameters(0x3ff, SHUTDOWN_NORETRY), "SetProcessShutdownParameters: %lu\n", GetLastError());
    ok(GetProcessShutdownParameters(&level, &flags) && level == 0x3ff && flags == SHUTDOWN_NORETRY, "shutdown %#lx %#lx\n", level, flags);
    SetProcessShutdownParameters(0x280, 0);
}

/* --- the thread ---------------------------------------------------------------------------- */

static volatile LONG sink;

static void test_thread(void)
{
    EXECUTION_STATE prev = SetThreadExecutionState(ES_CONTINUOUS | ES_SYSTEM_REQUIRED);
    ok(prev != 0, "SetThreadExecutionState failed\n");
    ok(SetThreadExecutionState(ES_CONTINUOUS) == (ES_CONTINUOUS | ES_SYSTEM_REQUIRED), "the state was not kept\n");

    DWORD ideal = SetThreadIdealProcessor(GetCurrentThread(), MAXIMUM_PROCESSORS);
    ok(ideal != (DWORD)-1, "SetThreadIdealProcessor (query): %lu\n", GetLastError());
    ok(SetThreadIdealProcessor(GetCurrentThread(), 0) != (DWORD)-1, "SetThreadIdealProcessor(0): %lu\n", GetLastError());

    if (test_is("wine"))
    {
        /* Wine 8.0 fails QueryThreadCycleTime and QueryProcessCycleTime
           (ERROR_INVALID_HANDLE), GetThreadIdealProcessorEx and
           SetThreadInformation (not implemented) and has GetThreadInformation
           only as a stub that aborts; Windows 7/8 and later have them */
        skip("Wine 8.0 lacks the cycle times and thread information calls\n");
        return;
    }
    ULONG64 before = 0, after = 0;
    ok(QueryThreadCycleTime(GetCurrentThread(), &before), "QueryThreadCycleTime: %lu\n", GetLastError());
    DWORD start = GetTickCount();
    while (GetTickCount() - start < 100) for (int i = 0; i < 10000; i++) sink += i;
    ok(QueryThreadCycleTime(GetCurrentThread(), &after) && after > before, "cycles %I64u -> %I64u\n", before, after);
    ok(QueryProcessCycleTime(GetCurrentProcess(), &after) && after > 0, "process cycles %I64u\n", after);

    PROCESSOR_NUMBER pn;
    ok(GetThreadIdealProcessorEx(GetCurrentThread(), &pn) && pn.Group == 0, "GetThreadIdealProcessorEx: %lu\n", GetLastError());
    MEMORY_PRIORITY_INFORMATION mp = { MEMORY_PRIORITY_LOW };
    ok(SetThreadInformation(GetCurrentThread(), ThreadMemoryPriority, &mp, sizeof(mp)), "SetThreadInformation: %lu\n", GetLastError());
    mp.MemoryPriority = MEMORY_PRIORITY_NORMAL;
    ok(SetThreadInformation(GetCurrentThread(), ThreadMemoryPriority, &mp, sizeof(mp)), "SetThreadInformation: %lu\n", GetLastError());
    memset(&mp, 0xcc, sizeof(mp));
    ok(GetThreadInformation(GetCurrentThread(), ThreadMemoryPriority, &mp, sizeof(mp)) && mp.MemoryPriority == MEMORY_PRIORITY_NORMAL,
       "GetThreadInformation: %lu %lu\n", GetLastError(), mp.MemoryPriority);
}

/* --- re-arming thread pool timers and waits -------------------------------------------------- */

static LONG timer_fired, wait_fired;
static void CALLBACK ex_timer_cb(PTP_CALLBACK_INSTANCE i, void *ctx, PTP_TIMER t) { InterlockedIncrement(&timer_fired); }
static void CALLBACK ex_wait_cb(PTP_CALLBACK_INSTANCE i, void *ctx, PTP_WAIT w, TP_WAIT_RESULT r) { InterlockedIncrement(&wait_fired); }

static void test_pool_ex(void)
{
    if (test_is("wine"))
    {
        /* Wine 8.0's kernel32 has SetThreadpoolTimerEx and SetThreadpoolWaitEx
           only as stubs that abort (Windows 8 and later: TRUE when a pending
           timer or wait was replaced, as documented) */
        skip("Wine 8.0 lacks SetThreadpoolTimerEx and SetThreadpoolWaitEx\n");
        return;
    }
    PTP_TIMER timer = CreateThreadpoolTimer(ex_timer_cb, NULL, NULL);
    PTP_WAIT wait = CreateThreadpoolWait(ex_wait_cb, NULL, NULL);
    HANDLE ev = CreateEventW(NULL, FALSE, FALSE, NULL);
    FILETIME later, soon;
    ((LARGE_INTEGER *)&later)->QuadPart = -10000LL * 10000;   /* 10 s */
    ((LARGE_INTEGER *)&soon)->QuadPart = -10LL * 10000;     /* 10 ms */

    ok(!SetThreadpoolTimerEx(timer, &later, 0, 0), "setting an unset timer said it replaced one\n");
    ok(SetThreadpoolTimerEx(timer, &soon, 0, 0), "replacing a set timer said nothing was pending\n");
    for (int i = 0; i < 500 && !timer_fired; i++) Sleep(10);
    WaitForThreadpoolTimerCallbacks(timer, FALSE);
    ok(timer_fired == 1, "the timer fired %ld times\n", timer_fired);
    ok(!SetThreadpoolTimerEx(timer, NULL, 0, 0), "cancelling a fired one-shot timer said it was pending\n");

    ok(!SetThreadpoolWaitEx(wait, ev, NULL, NULL), "arming an unarmed wait said it replaced one\n");
    ok(SetThreadpoolWaitEx(wait, NULL, NULL, NULL), "cancelling an armed wait said nothing was pending\n");
    SetEvent(ev);
    Sleep(50);
    ok(wait_fired == 0, "a cancelled wait fired\n");
    ok(WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "the cancelled wait took the event\n");
    ok(!SetThreadpoolWaitEx(wait, ev, NULL, NULL), "arming again said a wait was pending\n");
    SetEvent(ev);
    for (int i = 0; i < 500 && !wait_fired; i++) Sleep(10);
    WaitForThreadpoolWaitCallbacks(wait, FALSE);
    ok(wait_fired == 1, "the wait fired %ld times\n", wait_fired);

    CloseThreadpoolTimer(timer);
    CloseThreadpoolWait(wait);
    CloseHandle(ev);
}

int main(void)
{
    test_start("real_runtime");
    test_names();
    test_barrier();
    test_process();
    test_thread();
    test_pool_ex();
    return test_summary();
}
