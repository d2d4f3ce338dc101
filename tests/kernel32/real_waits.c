/*
 * tests/kernel32/real_waits.c — in-process synchronization as libraries
 * build it on the lighter primitives:
 *
 *   - a reusable barrier on WaitOnAddress/WakeByAddressAll (a generation
 *     word), many rounds, nobody passes early;
 *   - lazy singletons with InitOnceExecuteOnce under contention and with
 *     InitOnceBeginInitialize(INIT_ONCE_ASYNC): every racer builds a
 *     candidate, one wins InitOnceComplete, the others take the winner's;
 *   - a versioned cache: readers sleep in SleepConditionVariableSRW with
 *     CONDITION_VARIABLE_LOCKMODE_SHARED (several at once), a writer
 *     publishes versions under the exclusive lock; TryAcquireSRWLock*;
 *   - an event loop thread in an alertable WaitForMultipleObjectsEx fed
 *     by QueueUserAPC (run in order, on that thread) until a stop event;
 *   - SignalObjectAndWait ping-pong between two threads, and releasing a
 *     mutex while waiting alertably;
 *   - a periodic waitable timer with a completion routine run by SleepEx;
 *   - the pseudo handles as programs use them: waiting on GetCurrentThread()
 *     as a sleep that an APC can end, GetCurrentProcess() in a wait-any
 *     beside a real object, closing them (TRUE, nothing happens).
 */
#include "../test.h"

/* --- a barrier on WaitOnAddress ------------------------------------------------------------ */

#define BARRIER_THREADS 4
#define BARRIER_ROUNDS 300

struct barrier {
    volatile LONG arrived;
    volatile LONG generation;
    LONG round_of[BARRIER_THREADS];   /* each thread's round, checked at every crossing */
    LONG early;                       /* a thread saw another two rounds away */
    LONG timeouts;
};

static struct barrier bar;

static void barrier_wait(struct barrier *b)
{
    LONG gen = b->generation;
    if (InterlockedIncrement(&b->arrived) == BARRIER_THREADS)
    {
        b->arrived = 0;
        InterlockedIncrement(&b->generation);
        WakeByAddressAll((void *)&b->generation);
        return;
    }
    while (b->generation == gen)
        if (!WaitOnAddress(&b->generation, &gen, sizeof(gen), 10000) && GetLastError() == ERROR_TIMEOUT)
        {
            InterlockedIncrement(&b->timeouts);
            return;
        }
}

static DWORD WINAPI barrier_thread(void *arg)
{
    int me = (int)(ULONG_PTR)arg;
    for (int r = 0; r < BARRIER_ROUNDS; r++)
    {
        bar.round_of[me] = r;
        barrier_wait(&bar);
        /* everyone has reached round r; nobody is past r + 1 */
        for (int t = 0; t < BARRIER_THREADS; t++)
        {
            LONG other = bar.round_of[t];
            if (other < r || other > r + 1) InterlockedIncrement(&bar.early);
        }
        barrier_wait(&bar);
    }
    return 0;
}

static void test_barrier(void)
{
    HANDLE t[BARRIER_THREADS];
    LONG v = 5, cmp = 6;
    int i;

    /* a value that already differs returns at once; an equal one times out */
    ok(WaitOnAddress(&v, &cmp, sizeof(v), 1000), "WaitOnAddress on a differing value: %lu\n", GetLastError());
    cmp = 5;
    SetLastError(0xdeadbeef);
    ok(!WaitOnAddress(&v, &cmp, sizeof(v), 20) && GetLastError() == ERROR_TIMEOUT, "timeout: %lu\n", GetLastError());

    memset(&bar, 0, sizeof(bar));
    for (i = 0; i < BARRIER_THREADS; i++) t[i] = CreateThread(NULL, 0, barrier_thread, (void *)(ULONG_PTR)i, 0, NULL);
    ok(WaitForMultipleObjects(BARRIER_THREADS, t, TRUE, 60000) == WAIT_OBJECT_0, "barrier threads did not finish\n");
    ok(bar.generation == 2 * BARRIER_ROUNDS, "generation %ld, expected %d\n", bar.generation, 2 * BARRIER_ROUNDS);
    ok(!bar.early && !bar.timeouts, "%ld early passes, %ld timeouts\n", bar.early, bar.timeouts);
    for (i = 0; i < BARRIER_THREADS; i++) CloseHandle(t[i]);
}

/* --- InitOnce ---------------------------------------------------------------------------------- */

#define RACERS 8

static INIT_ONCE once_sync = INIT_ONCE_STATIC_INIT, once_async = INIT_ONCE_STATIC_INIT;
static LONG sync_calls, async_winners, async_losers, async_odd;
static void *sync_results[RACERS], *async_results[RACERS];
static HANDLE go;

static BOOL CALLBACK make_singleton(INIT_ONCE *once, void *param, void **ctx)
{
    static LONG64 object;     /* 8-aligned: the two low bits are free, as InitOnce needs */
    InterlockedIncrement(&sync_calls);
    Sleep(20);                /* the others pile up behind */
    *ctx = &object;
    return TRUE;
}

static DWORD WINAPI racer(void *arg)
{
    int me = (int)(ULONG_PTR)arg;
    void *ctx = NULL;
    BOOL pending = FALSE;

    WaitForSingleObject(go, 10000);
    if (InitOnceExecuteOnce(&once_sync, make_singleton, NULL, &ctx)) sync_results[me] = ctx;

    /* async: everyone may build; one publishes */
    if (!InitOnceBeginInitialize(&once_async, INIT_ONCE_ASYNC, &pending, &ctx)) { InterlockedIncrement(&async_odd); return 1; }
    if (!pending) { async_results[me] = ctx; return 0; }      /* already done */
    LONG64 *candidate = HeapAlloc(GetProcessHeap(), 0, sizeof(*candidate));
    *candidate = me;
    if (InitOnceComplete(&once_async, INIT_ONCE_ASYNC, candidate))
    {
        InterlockedIncrement(&async_winners);
        async_results[me] = candidate;
    }
    else
    {
        /* lost: ours goes, the winner's is read back */
        InterlockedIncrement(&async_losers);
        HeapFree(GetProcessHeap(), 0, candidate);
        if (!InitOnceBeginInitialize(&once_async, INIT_ONCE_CHECK_ONLY, &pending, &ctx) || pending)
            InterlockedIncrement(&async_odd);
        async_results[me] = ctx;
    }
    return 0;
}

static void test_init_once(void)
{
    HANDLE t[RACERS];
    int i, same_sync = 0, same_async = 0;
    go = CreateEventW(NULL, TRUE, FALSE, NULL);
    for (i = 0; i < RACERS; i++) t[i] = CreateThread(NULL, 0, racer, (void *)(ULONG_PTR)i, 0, NULL);
    SetEvent(go);
    ok(WaitForMultipleObjects(RACERS, t, TRUE, 30000) == WAIT_OBJECT_0, "racers did not finish\n");
    ok(sync_calls == 1, "InitOnceExecuteOnce ran the function %ld times\n", sync_calls);
    ok(async_winners == 1, "%ld winners of the async init\n", async_winners);
    ok(!async_odd, "%ld odd results\n", async_odd);
    for (i = 0; i < RACERS; i++)
    {
        if (sync_results[i] && sync_results[i] == sync_results[0]) same_sync++;
        if (async_results[i] && async_results[i] == async_results[0]) same_async++;
    }
    ok(same_sync == RACERS, "%d racers got the singleton\n", same_sync);
    ok(same_async == RACERS, "%d racers got the async singleton\n", same_async);
    void *ctx = NULL;
    BOOL pending = TRUE;
    ok(InitOnceBeginInitialize(&once_async, INIT_ONCE_CHECK_ONLY, &pending, &ctx) && !pending && ctx == async_results[0],
       "check-only after: %d %p\n", pending, ctx);
    /* a context with its low bits set is refused */
    INIT_ONCE fresh;
    InitOnceInitialize(&fresh);
    ok(InitOnceBeginInitialize(&fresh, 0, &pending, &ctx) && pending, "begin: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!InitOnceComplete(&fresh, 0, (void *)0x1001) && GetLastError() == ERROR_INVALID_PARAMETER,
       "a context with low bits: %lu\n", GetLastError());
    ok(InitOnceComplete(&fresh, INIT_ONCE_INIT_FAILED, NULL), "failing the init: %lu\n", GetLastError());
    ok(InitOnceBeginInitialize(&fresh, 0, &pending, &ctx) && pending, "after a failed init it is to do again\n");
    ok(InitOnceComplete(&fresh, 0, (void *)0x1000), "complete: %lu\n", GetLastError());
    for (i = 0; i < RACERS; i++) CloseHandle(t[i]);
    CloseHandle(go);
}

/* --- a versioned cache on an SRW lock ------------------------------------------------------- */

#define READERS 4
#define VERSIONS 200

static SRWLOCK cache_lock = SRWLOCK_INIT;
static CONDITION_VARIABLE cache_cv = CONDITION_VARIABLE_INIT;
static LONG cache_version, cache_value, readers_inside, max_readers_inside, reader_bad, reader_timeouts;

static DWORD WINAPI cache_reader(void *arg)
{
    LONG seen = 0;
    AcquireSRWLockShared(&cache_lock);
    while (seen < VERSIONS)
    {
        while (cache_version == seen)
            if (!SleepConditionVariableSRW(&cache_cv, &cache_lock, 10000, CONDITION_VARIABLE_LOCKMODE_SHARED))
            {
                InterlockedIncrement(&reader_timeouts);
                ReleaseSRWLockShared(&cache_lock);
                return 1;
            }
        /* shared: other readers may be here too, never the writer */
        LONG now = InterlockedIncrement(&readers_inside), max;
        while (now > (max = max_readers_inside) && InterlockedCompareExchange(&max_readers_inside, now, max) != max) {}
        seen = cache_version;
        if (cache_value != seen * 3) InterlockedIncrement(&reader_bad);
        InterlockedDecrement(&readers_inside);
    }
    ReleaseSRWLockShared(&cache_lock);
    return 0;
}

static void test_cache(void)
{
    HANDLE t[READERS];
    int i;
    for (i = 0; i < READERS; i++) t[i] = CreateThread(NULL, 0, cache_reader, NULL, 0, NULL);
    for (i = 1; i <= VERSIONS; i++)
    {
        AcquireSRWLockExclusive(&cache_lock);
        if (readers_inside) InterlockedIncrement(&reader_bad);
        cache_value = i * 3;
        cache_version = i;
        ReleaseSRWLockExclusive(&cache_lock);
        WakeAllConditionVariable(&cache_cv);
        if (i % 20 == 0) Sleep(1);
    }
    ok(WaitForMultipleObjects(READERS, t, TRUE, 30000) == WAIT_OBJECT_0, "readers did not finish\n");
    ok(!reader_bad && !reader_timeouts, "%ld torn reads, %ld timeouts\n", reader_bad, reader_timeouts);
    ok(max_readers_inside >= 1 && max_readers_inside <= READERS, "readers at once: %ld\n", max_readers_inside);
    for (i = 0; i < READERS; i++) CloseHandle(t[i]);

    /* try-acquire against a shared holder */
    AcquireSRWLockShared(&cache_lock);
    ok(!TryAcquireSRWLockExclusive(&cache_lock), "exclusive while shared\n");
    ok(TryAcquireSRWLockShared(&cache_lock), "shared twice\n");
    ReleaseSRWLockShared(&cache_lock);
    ReleaseSRWLockShared(&cache_lock);
    ok(TryAcquireSRWLockExclusive(&cache_lock), "exclusive when free\n");
    ok(!TryAcquireSRWLockShared(&cache_lock), "shared while exclusive\n");
    ReleaseSRWLockExclusive(&cache_lock);

    /* SleepConditionVariableSRW times out with the lock held again */
    AcquireSRWLockExclusive(&cache_lock);
    SetLastError(0xdeadbeef);
    ok(!SleepConditionVariableSRW(&cache_cv, &cache_lock, 20, 0) && GetLastError() == ERROR_TIMEOUT, "timeout: %lu\n", GetLastError());
    ok(!TryAcquireSRWLockShared(&cache_lock), "the lock is not held after the timeout\n");
    ReleaseSRWLockExclusive(&cache_lock);
}

/* --- an alertable event loop ---------------------------------------------------------------- */

#define APCS 100

static DWORD loop_tid;
static LONG apc_order_bad, apc_wrong_thread, apcs_run, io_completions;
static LONG next_expected;

static void CALLBACK loop_apc(ULONG_PTR n)
{
    if (GetCurrentThreadId() != loop_tid) InterlockedIncrement(&apc_wrong_thread);
    if ((LONG)n != next_expected) InterlockedIncrement(&apc_order_bad);
    next_expected = n + 1;
    apcs_run++;
}

static DWORD WINAPI event_loop(void *arg)
{
    HANDLE *h = arg;   /* [0] stop, [1] work */
    LONG work = 0;
    for (;;)
    {
        DWORD r = WaitForMultipleObjectsEx(2, h, FALSE, 10000, TRUE);
        if (r == WAIT_IO_COMPLETION) { io_completions++; continue; }
        if (r == WAIT_OBJECT_0) break;
        if (r == WAIT_OBJECT_0 + 1) { work++; continue; }
        return 100 + r;
    }
    return work;
}

static void test_event_loop(void)
{
    HANDLE h[2], t;
    h[0] = CreateEventW(NULL, TRUE, FALSE, NULL);
    h[1] = CreateEventW(NULL, FALSE, FALSE, NULL);
    t = CreateThread(NULL, 0, event_loop, h, 0, &loop_tid);
    for (int i = 0; i < APCS; i++)
    {
        ok(QueueUserAPC(loop_apc, t, i), "QueueUserAPC: %lu\n", GetLastError());
        if (i % 10 == 0) { SetEvent(h[1]); Sleep(1); }
    }
    for (int i = 0; i < 1000 && apcs_run < APCS; i++) Sleep(5);
    SetEvent(h[0]);
    ok(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0, "the loop did not stop\n");
    DWORD code = 0;
    GetExitCodeThread(t, &code);
    ok(code < 100, "the loop's wait failed: %lu\n", code);
    ok(apcs_run == APCS, "%ld of %d APCs ran\n", apcs_run, APCS);
    ok(!apc_order_bad && !apc_wrong_thread, "%ld out of order, %ld on the wrong thread\n", apc_order_bad, apc_wrong_thread);
    ok(io_completions >= 1 && io_completions <= APCS, "WAIT_IO_COMPLETION %ld times\n", io_completions);
    /* an APC for an ended thread is refused or never runs; it must not crash */
    CloseHandle(t);
    CloseHandle(h[0]);
    CloseHandle(h[1]);
}

/* --- SignalObjectAndWait ----------------------------------------------------------------------- */

#define PINGS 1000

static DWORD WINAPI sow_partner(void *arg)
{
    HANDLE *ev = arg;
    for (int i = 0; i < PINGS; i++)
        if (SignalObjectAndWait(ev[0], ev[1], 10000, FALSE) != WAIT_OBJECT_0) return 1;
    SetEvent(ev[0]);
    return 0;
}

static void CALLBACK nop_apc(ULONG_PTR arg) { *(LONG *)arg += 1; }

static void test_signal_and_wait(void)
{
    HANDLE ev[2], t;
    int rounds = 0;

    /* ping-pong: each side signals the other's event and waits for its own */
    ev[0] = CreateEventW(NULL, FALSE, FALSE, NULL);   /* ours */
    ev[1] = CreateEventW(NULL, FALSE, FALSE, NULL);   /* the partner's */
    HANDLE partner_ev[2] = { ev[0], ev[1] };
    t = CreateThread(NULL, 0, sow_partner, partner_ev, 0, NULL);
    /* the partner signals ev[0] and waits on ev[1]; we wait on ev[0] and signal ev[1] */
    if (WaitForSingleObject(ev[0], 10000) == WAIT_OBJECT_0)
        for (rounds = 1; rounds <= PINGS; rounds++)
            if (SignalObjectAndWait(ev[1], ev[0], 10000, FALSE) != WAIT_OBJECT_0) break;
    ok(rounds == PINGS + 1, "ping-pong stopped after %d rounds\n", rounds);
    ok(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0, "the partner did not end\n");
    DWORD code = 9;
    GetExitCodeThread(t, &code);
    ok(code == 0, "partner's code %lu\n", code);
    CloseHandle(t);

    /* releasing a mutex while waiting alertably: an APC ends the wait, the
       mutex was released all the same */
    HANDLE m = CreateMutexW(NULL, TRUE, NULL);
    LONG ran = 0;
    QueueUserAPC(nop_apc, GetCurrentThread(), (ULONG_PTR)&ran);
    DWORD r = SignalObjectAndWait(m, ev[1], 1000, TRUE);
    ok(r == WAIT_IO_COMPLETION && ran == 1, "alertable SignalObjectAndWait: %lu, APC ran %ld\n", r, ran);
    ok(!ReleaseMutex(m) && GetLastError() == ERROR_NOT_OWNER, "the mutex was not released: %lu\n", GetLastError());
    /* signalling a semaphore past its maximum fails before waiting */
    HANDLE sem = CreateSemaphoreW(NULL, 1, 1, NULL);
    SetLastError(0xdeadbeef);
    r = SignalObjectAndWait(sem, ev[1], 1000, FALSE);
    ok(r == WAIT_FAILED && GetLastError() == ERROR_TOO_MANY_POSTS, "a full semaphore: %#lx %lu\n", r, GetLastError());
    CloseHandle(sem);
    CloseHandle(m);
    CloseHandle(ev[0]);
    CloseHandle(ev[1]);
}

/* --- a waitable timer with a completion routine ---------------------------------------------- */

struct tick { LONG count; DWORD tid; LONG wrong_thread; void *arg_seen; };

static void CALLBACK on_tick(void *arg, DWORD low, DWORD high)
{
    struct tick *t = arg;
    if (GetCurrentThreadId() != t->tid) t->wrong_thread++;
    t->arg_seen = arg;
    t->count++;
}

static void test_timer_apc(void)
{
    struct tick tk = { 0, GetCurrentThreadId(), 0, NULL };
    HANDLE timer = CreateWaitableTimerW(NULL, FALSE, NULL);
    LARGE_INTEGER due = { .QuadPart = -10 * 10000 };   /* 10 ms */
    DWORD start = GetTickCount();

    ok(SetWaitableTimer(timer, &due, 10, on_tick, &tk, FALSE), "SetWaitableTimer: %lu\n", GetLastError());
    /* a non-alertable sleep runs nothing */
    Sleep(30);
    ok(tk.count == 0, "the routine ran in a non-alertable sleep\n");
    while (tk.count < 3 && GetTickCount() - start < 10000)
        ok(SleepEx(5000, TRUE) == WAIT_IO_COMPLETION, "SleepEx did not return for the routine\n");
    ok(tk.count >= 3, "the routine ran %ld times\n", tk.count);
    ok(!tk.wrong_thread && tk.arg_seen == &tk, "routine on the wrong thread %ld, arg %p\n", tk.wrong_thread, tk.arg_seen);
    ok(CancelWaitableTimer(timer), "CancelWaitableTimer: %lu\n", GetLastError());
    LONG n = tk.count;
    SleepEx(50, TRUE);
    /* one queued before the cancel may still run; none after */
    ok(tk.count <= n + 1, "the routine ran %ld times after the cancel\n", tk.count - n);
    n = tk.count;
    ok(SleepEx(50, TRUE) == 0 && tk.count == n, "the cancelled timer still fires\n");
    CloseHandle(timer);
}

/* --- pseudo handles ------------------------------------------------------------------------- */

static void test_pseudo_handles(void)
{
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    LONG ran = 0;
    DWORD r;

    /* a thread never ends while it waits on itself: a sleep */
    ok(WaitForSingleObject(GetCurrentThread(), 20) == WAIT_TIMEOUT, "waiting on GetCurrentThread()\n");
    ok(WaitForSingleObject(GetCurrentProcess(), 0) == WAIT_TIMEOUT, "waiting on GetCurrentProcess()\n");
    QueueUserAPC(nop_apc, GetCurrentThread(), (ULONG_PTR)&ran);
    r = WaitForSingleObjectEx(GetCurrentThread(), 5000, TRUE);
    ok(r == WAIT_IO_COMPLETION && ran == 1, "alertable wait on GetCurrentThread(): %lu, APC ran %ld\n", r, ran);
    SetEvent(ev);
    HANDLE any[2] = { GetCurrentProcess(), ev };
    ok(WaitForMultipleObjects(2, any, FALSE, 1000) == WAIT_OBJECT_0 + 1, "wait-any beside GetCurrentProcess()\n");
    ResetEvent(ev);
    ok(WaitForMultipleObjects(2, any, FALSE, 10) == WAIT_TIMEOUT, "wait-any timeout\n");
    ok(SignalObjectAndWait(ev, GetCurrentThread(), 10, FALSE) == WAIT_TIMEOUT, "SignalObjectAndWait on the thread\n");
    ok(WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "SignalObjectAndWait did not signal\n");

    /* closing them does nothing and succeeds; the handles still work */
    ok(CloseHandle(GetCurrentProcess()), "CloseHandle(GetCurrentProcess()): %lu\n", GetLastError());
    ok(CloseHandle(GetCurrentThread()), "CloseHandle(GetCurrentThread()): %lu\n", GetLastError());
    ok(GetProcessId(GetCurrentProcess()) == GetCurrentProcessId(), "the process pseudo handle\n");
    SetLastError(0xdeadbeef);
    ok(!CloseHandle(NULL) && GetLastError() == ERROR_INVALID_HANDLE, "CloseHandle(NULL): %lu\n", GetLastError());

    /* Open* need a name */
    SetLastError(0xdeadbeef);
    ok(!OpenEventW(SYNCHRONIZE, FALSE, NULL) && GetLastError() == ERROR_INVALID_PARAMETER, "OpenEvent(NULL): %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!OpenMutexW(SYNCHRONIZE, FALSE, NULL) && GetLastError() == ERROR_INVALID_PARAMETER, "OpenMutex(NULL): %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!OpenSemaphoreW(SYNCHRONIZE, FALSE, NULL) && GetLastError() == ERROR_INVALID_PARAMETER, "OpenSemaphore(NULL): %lu\n", GetLastError());
    CloseHandle(ev);
}

int main(void)
{
    test_start("real_waits");
    test_barrier();
    test_init_once();
    test_cache();
    test_event_loop();
    test_signal_and_wait();
    test_timer_apc();
    test_pseudo_handles();
    return test_summary();
}
