/*
 * tests/kernel32/real_tpool.c — the thread pool as libraries use it: a
 * private pool (at most 3 threads) behind a callback environment with a
 * cleanup group holding work, wait and timer objects, torn down in one
 * CloseThreadpoolCleanupGroupMembers; a cancelling teardown with pending
 * callbacks; the "when the callback returns" helpers; CallbackMayRunLong in
 * a full pool; a parallel-for that submits work from inside callbacks
 * (TrySubmitThreadpoolCallback); timer queues (one-shot and periodic timers,
 * DeleteTimerQueueTimer with a completion event, DeleteTimerQueueEx waiting
 * for running callbacks); RegisterWaitForSingleObject once and repeatedly;
 * thread pool I/O (CreateThreadpoolIo, StartThreadpoolIo before each
 * overlapped request, CancelThreadpoolIo for one that fails at once,
 * WaitForThreadpoolIoCallbacks) on a file and on a pipe whose pending read
 * is cancelled.
 */
#include "../test.h"

#define MAX_THREADS 3
#define WORKS 10
#define SUBMITS 20

struct counters {
    LONG work_runs, running, max_running;
    LONG timer_runs, wait_signaled, wait_timeouts, cancels, bad;
    HANDLE timer_done, wait_done;
    PTP_TIMER timer;
    PTP_WAIT wait;
    HANDLE wait_event;
};

static void CALLBACK work_cb(PTP_CALLBACK_INSTANCE inst, void *ctx, PTP_WORK work)
{
    struct counters *c = ctx;
    LONG now = InterlockedIncrement(&c->running), max;
    while (now > (max = c->max_running) && InterlockedCompareExchange(&c->max_running, now, max) != max) {}
    Sleep(1);
    InterlockedIncrement(&c->work_runs);
    InterlockedDecrement(&c->running);
}

static void CALLBACK timer_cb(PTP_CALLBACK_INSTANCE inst, void *ctx, PTP_TIMER timer)
{
    struct counters *c = ctx;
    if (timer != c->timer) InterlockedIncrement(&c->bad);
    if (InterlockedIncrement(&c->timer_runs) == 5)
    {
        SetThreadpoolTimer(timer, NULL, 0, 0);          /* stop the periodic timer */
        SetEventWhenCallbackReturns(inst, c->timer_done);
    }
}

static void CALLBACK wait_cb(PTP_CALLBACK_INSTANCE inst, void *ctx, PTP_WAIT wait, TP_WAIT_RESULT result)
{
    struct counters *c = ctx;
    if (wait != c->wait) InterlockedIncrement(&c->bad);
    if (result == WAIT_OBJECT_0)
    {
        /* armed again, with a short timeout this time and nothing to signal it */
        FILETIME due;
        ((LARGE_INTEGER *)&due)->QuadPart = -10 * 10000;   /* 10 ms from now */
        InterlockedIncrement(&c->wait_signaled);
        SetThreadpoolWait(wait, c->wait_event, &due);
    }
    else if (result == WAIT_TIMEOUT)
    {
        InterlockedIncrement(&c->wait_timeouts);
        SetEventWhenCallbackReturns(inst, c->wait_done);
    }
    else InterlockedIncrement(&c->bad);
}

static void CALLBACK cancel_cb(void *object_ctx, void *cleanup_ctx)
{
    struct counters *c = object_ctx;
    if (cleanup_ctx != (void *)0x5eed) InterlockedIncrement(&c->bad);
    InterlockedIncrement(&c->cancels);
}

static void test_private_pool(void)
{
    static struct counters c;
    TP_CALLBACK_ENVIRON env;
    PTP_POOL pool;
    PTP_CLEANUP_GROUP group;
    PTP_WORK works[WORKS];
    FILETIME due;
    int i, j;

    memset(&c, 0, sizeof(c));
    pool = CreateThreadpool(NULL);
    if (!ok(pool != NULL, "CreateThreadpool: %lu\n", GetLastError())) return;
    SetThreadpoolThreadMaximum(pool, MAX_THREADS);
    ok(SetThreadpoolThreadMinimum(pool, 1), "SetThreadpoolThreadMinimum: %lu\n", GetLastError());
    group = CreateThreadpoolCleanupGroup();
    ok(group != NULL, "CreateThreadpoolCleanupGroup: %lu\n", GetLastError());
    InitializeThreadpoolEnvironment(&env);
    SetThreadpoolCallbackPool(&env, pool);
    SetThreadpoolCallbackCleanupGroup(&env, group, cancel_cb);

    c.timer_done = CreateEventW(NULL, TRUE, FALSE, NULL);
    c.wait_done = CreateEventW(NULL, TRUE, FALSE, NULL);
    c.wait_event = CreateEventW(NULL, FALSE, FALSE, NULL);

    for (i = 0; i < WORKS; i++)
    {
        works[i] = CreateThreadpoolWork(work_cb, &c, &env);
        if (!ok(works[i] != NULL, "CreateThreadpoolWork: %lu\n", GetLastError())) return;
    }
    c.timer = CreateThreadpoolTimer(timer_cb, &c, &env);
    c.wait = CreateThreadpoolWait(wait_cb, &c, &env);
    ok(c.timer && c.wait, "timer %p wait %p\n", c.timer, c.wait);

    for (j = 0; j < SUBMITS; j++)
        for (i = 0; i < WORKS; i++) SubmitThreadpoolWork(works[i]);

    /* periodic every 5 ms, first after 5 ms */
    ((LARGE_INTEGER *)&due)->QuadPart = -5 * 10000;
    SetThreadpoolTimer(c.timer, &due, 5, 0);
    ok(IsThreadpoolTimerSet(c.timer), "the timer is not set\n");
    /* the wait: no timeout; the event is set below */
    SetThreadpoolWait(c.wait, c.wait_event, NULL);
    SetEvent(c.wait_event);

    ok(WaitForSingleObject(c.timer_done, 10000) == WAIT_OBJECT_0, "timer ran %ld times\n", c.timer_runs);
    ok(!IsThreadpoolTimerSet(c.timer), "the timer is still set\n");
    ok(WaitForSingleObject(c.wait_done, 10000) == WAIT_OBJECT_0, "wait: %ld signaled, %ld timeouts\n", c.wait_signaled, c.wait_timeouts);

    /* release everything, letting queued callbacks finish */
    CloseThreadpoolCleanupGroupMembers(group, FALSE, (void *)0x5eed);
    ok(c.work_runs == WORKS * SUBMITS, "work ran %ld times, expected %d\n", c.work_runs, WORKS * SUBMITS);
    ok(c.max_running >= 1 && c.max_running <= MAX_THREADS, "up to %ld callbacks at once in a pool of %d\n",
       c.max_running, MAX_THREADS);
    /* a 6th expiry may have been on its way when the 5th callback stopped the timer */
    ok(c.timer_runs >= 5, "timer ran %ld times\n", c.timer_runs);
    ok(c.wait_signaled == 1 && c.wait_timeouts == 1, "wait: %ld signaled, %ld timeouts\n", c.wait_signaled, c.wait_timeouts);
    ok(c.cancels == 0, "the cancel callback ran %ld times without cancelling\n", c.cancels);
    ok(!c.bad, "%ld bad callback arguments\n", c.bad);

    CloseThreadpoolCleanupGroup(group);
    DestroyThreadpoolEnvironment(&env);
    CloseThreadpool(pool);
    CloseHandle(c.timer_done);
    CloseHandle(c.wait_done);
    CloseHandle(c.wait_event);
}

/* --- a cancelling teardown ------------------------------------------------------------ */

struct gate {
    HANDLE open, entered;
    LONG runs, cancels, bad;
};

static void CALLBACK gated_cb(PTP_CALLBACK_INSTANCE inst, void *ctx, PTP_WORK work)
{
    struct gate *g = ctx;
    if (InterlockedIncrement(&g->runs) == 1)
    {
        SetEvent(g->entered);
        WaitForSingleObject(g->open, 10000);
    }
}

static void CALLBACK gate_cancel_cb(void *object_ctx, void *cleanup_ctx)
{
    struct gate *g = object_ctx;
    if (cleanup_ctx != (void *)0xc1ea) InterlockedIncrement(&g->bad);
    InterlockedIncrement(&g->cancels);
}

struct closer { PTP_CLEANUP_GROUP group; HANDLE started; };

static DWORD WINAPI closer_thread(void *arg)
{
    struct closer *cl = arg;
    SetEvent(cl->started);
    CloseThreadpoolCleanupGroupMembers(cl->group, TRUE, (void *)0xc1ea);
    return 0;
}

static void test_cancel_pending(void)
{
    static struct gate g;
    TP_CALLBACK_ENVIRON env;
    struct closer cl;
    PTP_POOL pool = CreateThreadpool(NULL);
    int i;

    memset(&g, 0, sizeof(g));
    g.open = CreateEventW(NULL, TRUE, FALSE, NULL);
    g.entered = CreateEventW(NULL, TRUE, FALSE, NULL);
    SetThreadpoolThreadMaximum(pool, 1);
    InitializeThreadpoolEnvironment(&env);
    SetThreadpoolCallbackPool(&env, pool);
    cl.group = CreateThreadpoolCleanupGroup();
    cl.started = CreateEventW(NULL, TRUE, FALSE, NULL);
    SetThreadpoolCallbackCleanupGroup(&env, cl.group, gate_cancel_cb);

    PTP_WORK work = CreateThreadpoolWork(gated_cb, &g, &env);
    SubmitThreadpoolWork(work);
    ok(WaitForSingleObject(g.entered, 10000) == WAIT_OBJECT_0, "the first callback did not start\n");
    for (i = 0; i < 50; i++) SubmitThreadpoolWork(work);   /* queued behind it: one thread */

    HANDLE t = CreateThread(NULL, 0, closer_thread, &cl, 0, NULL);
    WaitForSingleObject(cl.started, 10000);
    /* the closer waits for the running callback; it must not return before */
    ok(WaitForSingleObject(t, 300) == WAIT_TIMEOUT, "CloseThreadpoolCleanupGroupMembers returned with a callback running\n");
    SetEvent(g.open);
    ok(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0, "CloseThreadpoolCleanupGroupMembers did not return\n");
    /* the queued callbacks were cancelled (a few may have started while the
       closer was on its way: not all 50) */
    ok(g.runs >= 1 && g.runs < 51, "%ld callbacks ran\n", g.runs);
    ok(g.cancels == 1, "the cancel callback ran %ld times for one object\n", g.cancels);
    ok(!g.bad, "the cancel callback got the wrong context\n");
    LONG runs = g.runs;
    Sleep(50);
    ok(g.runs == runs, "callbacks ran after the teardown\n");

    CloseHandle(t);
    CloseThreadpoolCleanupGroup(cl.group);
    DestroyThreadpoolEnvironment(&env);
    CloseThreadpool(pool);
    CloseHandle(g.open);
    CloseHandle(g.entered);
    CloseHandle(cl.started);
}

/* --- helpers run when a callback returns, and CallbackMayRunLong ------------------------ */

struct helpers {
    HANDLE sem, mutex, event, go;
    CRITICAL_SECTION cs;
    BOOL may_run_long_first, may_run_long_full;
    HANDLE first_in, second_done;
    PTP_POOL pool;
};

static void CALLBACK helpers_cb(PTP_CALLBACK_INSTANCE inst, void *ctx)
{
    struct helpers *h = ctx;
    /* owned by this thread now; released for us after the return */
    WaitForSingleObject(h->mutex, INFINITE);
    EnterCriticalSection(&h->cs);
    ReleaseMutexWhenCallbackReturns(inst, h->mutex);
    LeaveCriticalSectionWhenCallbackReturns(inst, &h->cs);
    ReleaseSemaphoreWhenCallbackReturns(inst, h->sem, 2);
    SetEventWhenCallbackReturns(inst, h->event);
}

static void CALLBACK long_cb(PTP_CALLBACK_INSTANCE inst, void *ctx)
{
    struct helpers *h = ctx;
    /* one thread busy (this one) in a pool of two: the other may come */
    h->may_run_long_first = CallbackMayRunLong(inst);
    SetEvent(h->first_in);
    WaitForSingleObject(h->go, 10000);
}

static void CALLBACK long2_cb(PTP_CALLBACK_INSTANCE inst, void *ctx)
{
    struct helpers *h = ctx;
    /* both threads of the pool busy now: no thread to spare */
    h->may_run_long_full = CallbackMayRunLong(inst);
    SetEvent(h->second_done);
}

static void test_helpers(void)
{
    static struct helpers h;
    TP_CALLBACK_ENVIRON env;
    LONG prev = -1;

    memset(&h, 0, sizeof(h));
    h.sem = CreateSemaphoreW(NULL, 0, 10, NULL);
    h.mutex = CreateMutexW(NULL, FALSE, NULL);
    h.event = CreateEventW(NULL, TRUE, FALSE, NULL);
    h.go = CreateEventW(NULL, TRUE, FALSE, NULL);
    h.first_in = CreateEventW(NULL, TRUE, FALSE, NULL);
    h.second_done = CreateEventW(NULL, TRUE, FALSE, NULL);
    InitializeCriticalSection(&h.cs);

    ok(TrySubmitThreadpoolCallback(helpers_cb, &h, NULL), "TrySubmitThreadpoolCallback: %lu\n", GetLastError());
    ok(WaitForSingleObject(h.event, 10000) == WAIT_OBJECT_0, "the event was not set\n");
    ok(WaitForSingleObject(h.sem, 1000) == WAIT_OBJECT_0, "the semaphore was not released\n");
    ok(ReleaseSemaphore(h.sem, 1, &prev) && prev == 1, "semaphore count %ld, expected 1 left\n", prev);
    /* the mutex and the critical section were left by the pool thread */
    ok(WaitForSingleObject(h.mutex, 1000) == WAIT_OBJECT_0, "the mutex was not released\n");
    ReleaseMutex(h.mutex);
    ok(TryEnterCriticalSection(&h.cs), "the critical section was not left\n");
    LeaveCriticalSection(&h.cs);

    h.pool = CreateThreadpool(NULL);
    SetThreadpoolThreadMaximum(h.pool, 2);
    InitializeThreadpoolEnvironment(&env);
    SetThreadpoolCallbackPool(&env, h.pool);
    ok(TrySubmitThreadpoolCallback(long_cb, &h, &env), "submit: %lu\n", GetLastError());
    ok(WaitForSingleObject(h.first_in, 10000) == WAIT_OBJECT_0, "the first callback did not start\n");
    ok(TrySubmitThreadpoolCallback(long2_cb, &h, &env), "submit: %lu\n", GetLastError());
    ok(WaitForSingleObject(h.second_done, 10000) == WAIT_OBJECT_0, "the second callback did not run beside the first\n");
    ok(h.may_run_long_first, "CallbackMayRunLong with a thread to spare: FALSE\n");
    ok(!h.may_run_long_full, "CallbackMayRunLong in a full pool: TRUE\n");
    SetEvent(h.go);
    Sleep(50);   /* let long_cb return before the pool goes (CloseThreadpool does not wait) */
    DestroyThreadpoolEnvironment(&env);
    CloseThreadpool(h.pool);

    DeleteCriticalSection(&h.cs);
    CloseHandle(h.sem); CloseHandle(h.mutex); CloseHandle(h.event); CloseHandle(h.go);
    CloseHandle(h.first_in); CloseHandle(h.second_done);
}

/* --- a callback that waits for its own object -------------------------------------------- */

static PTP_WORK self_work;
static LONG self_runs, self_waited;

/* the last run waits until the other runs of its own work object are done:
   possible only once it no longer counts as one of them */
static void CALLBACK self_waiting_cb(PTP_CALLBACK_INSTANCE inst, void *ctx, PTP_WORK work)
{
    if (InterlockedIncrement(&self_runs) == 1)
    {
        DisassociateCurrentThreadFromCallback(inst);
        WaitForThreadpoolWorkCallbacks(work, FALSE);
        InterlockedIncrement(&self_waited);
        SetEvent(ctx);
        return;
    }
    Sleep(20);
}

static void test_disassociate(void)
{
    HANDLE done = CreateEventW(NULL, TRUE, FALSE, NULL);
    self_work = CreateThreadpoolWork(self_waiting_cb, done, NULL);
    SubmitThreadpoolWork(self_work);
    SubmitThreadpoolWork(self_work);
    SubmitThreadpoolWork(self_work);
    ok(WaitForSingleObject(done, 10000) == WAIT_OBJECT_0, "the callback waiting for its own work never got through\n");
    ok(self_waited == 1, "waited %ld\n", self_waited);
    /* the disassociated callback may still be returning: not waited for */
    WaitForThreadpoolWorkCallbacks(self_work, FALSE);
    ok(self_runs == 3, "runs %ld\n", self_runs);
    CloseThreadpoolWork(self_work);
    CloseHandle(done);
}

/* --- a parallel for: callbacks submit more work ---------------------------------------- */

#define LEAVES 256

struct range { int lo, hi; };
static LONG leaf_sum, leaves, ranges_left;
static HANDLE all_done;

static void CALLBACK split_cb(PTP_CALLBACK_INSTANCE inst, void *ctx)
{
    struct range *r = ctx;
    if (r->hi - r->lo > 1)
    {
        int mid = (r->lo + r->hi) / 2;
        struct range *a = HeapAlloc(GetProcessHeap(), 0, sizeof(*a)), *b = HeapAlloc(GetProcessHeap(), 0, sizeof(*b));
        a->lo = r->lo; a->hi = mid; b->lo = mid; b->hi = r->hi;
        InterlockedAdd(&ranges_left, 2);
        if (!TrySubmitThreadpoolCallback(split_cb, a, NULL)) split_cb(inst, a);
        if (!TrySubmitThreadpoolCallback(split_cb, b, NULL)) split_cb(inst, b);
    }
    else
    {
        InterlockedAdd(&leaf_sum, r->lo);
        InterlockedIncrement(&leaves);
    }
    HeapFree(GetProcessHeap(), 0, r);
    if (!InterlockedDecrement(&ranges_left)) SetEvent(all_done);
}

static void test_parallel_for(void)
{
    struct range *r = HeapAlloc(GetProcessHeap(), 0, sizeof(*r));
    all_done = CreateEventW(NULL, TRUE, FALSE, NULL);
    r->lo = 0; r->hi = LEAVES;
    ranges_left = 1;
    ok(TrySubmitThreadpoolCallback(split_cb, r, NULL), "submit: %lu\n", GetLastError());
    ok(WaitForSingleObject(all_done, 20000) == WAIT_OBJECT_0, "%ld of %d leaves\n", leaves, LEAVES);
    ok(leaves == LEAVES && leaf_sum == LEAVES * (LEAVES - 1) / 2, "leaves %ld sum %ld\n", leaves, leaf_sum);
    CloseHandle(all_done);
}

/* --- timer queues ------------------------------------------------------------------------- */

struct tq { LONG once, periodic, slow_in, slow_out; HANDLE once_done, slow_started; };

static void CALLBACK once_cb(void *ctx, BOOLEAN fired)
{
    struct tq *t = ctx;
    if (fired) InterlockedIncrement(&t->once);
    SetEvent(t->once_done);
}

static void CALLBACK periodic_cb(void *ctx, BOOLEAN fired)
{
    InterlockedIncrement(&((struct tq *)ctx)->periodic);
}

static void CALLBACK slow_cb(void *ctx, BOOLEAN fired)
{
    struct tq *t = ctx;
    if (InterlockedIncrement(&t->slow_in) == 1) SetEvent(t->slow_started);
    Sleep(200);
    InterlockedIncrement(&t->slow_out);
}

static void test_timer_queue(void)
{
    static struct tq t;
    HANDLE q, once, periodic, slow, done;
    memset(&t, 0, sizeof(t));
    t.once_done = CreateEventW(NULL, TRUE, FALSE, NULL);
    t.slow_started = CreateEventW(NULL, TRUE, FALSE, NULL);
    done = CreateEventW(NULL, TRUE, FALSE, NULL);

    q = CreateTimerQueue();
    if (!ok(q != NULL, "CreateTimerQueue: %lu\n", GetLastError())) return;
    ok(CreateTimerQueueTimer(&once, q, once_cb, &t, 10, 0, WT_EXECUTEONLYONCE), "one-shot: %lu\n", GetLastError());
    ok(CreateTimerQueueTimer(&periodic, q, periodic_cb, &t, 1, 5, WT_EXECUTEDEFAULT), "periodic: %lu\n", GetLastError());
    ok(WaitForSingleObject(t.once_done, 10000) == WAIT_OBJECT_0, "the one-shot timer did not fire\n");
    for (int i = 0; i < 500 && t.periodic < 5; i++) Sleep(10);
    ok(t.periodic >= 5, "the periodic timer fired %ld times\n", t.periodic);

    /* deleting with a completion event: the event is set once no callback runs */
    SetLastError(0xdeadbeef);
    BOOL r = DeleteTimerQueueTimer(q, periodic, done);
    ok(r || GetLastError() == ERROR_IO_PENDING, "DeleteTimerQueueTimer: %lu\n", GetLastError());
    ok(WaitForSingleObject(done, 10000) == WAIT_OBJECT_0, "the completion event was not set\n");
    LONG n = t.periodic;
    Sleep(30);
    ok(t.periodic == n, "the deleted timer fired again\n");
    ok(t.once == 1, "the one-shot timer fired %ld times\n", t.once);
    ok(DeleteTimerQueueTimer(q, once, INVALID_HANDLE_VALUE), "deleting the one-shot timer: %lu\n", GetLastError());

    /* a slow callback running: DeleteTimerQueueEx(INVALID_HANDLE_VALUE) waits for it */
    ok(CreateTimerQueueTimer(&slow, q, slow_cb, &t, 1, 0, WT_EXECUTEONLYONCE), "slow: %lu\n", GetLastError());
    ok(WaitForSingleObject(t.slow_started, 10000) == WAIT_OBJECT_0, "the slow callback did not start\n");
    ok(DeleteTimerQueueEx(q, INVALID_HANDLE_VALUE), "DeleteTimerQueueEx: %lu\n", GetLastError());
    ok(t.slow_out == 1, "DeleteTimerQueueEx returned before the running callback ended\n");

    /* the default queue */
    ResetEvent(t.once_done);
    ok(CreateTimerQueueTimer(&once, NULL, once_cb, &t, 1, 0, 0), "default queue: %lu\n", GetLastError());
    ok(WaitForSingleObject(t.once_done, 10000) == WAIT_OBJECT_0, "the default queue's timer did not fire\n");
    ok(DeleteTimerQueueTimer(NULL, once, INVALID_HANDLE_VALUE), "delete: %lu\n", GetLastError());
    ok(t.once == 2, "one-shot timers fired %ld times\n", t.once);

    CloseHandle(t.once_done); CloseHandle(t.slow_started); CloseHandle(done);
}

/* --- RegisterWaitForSingleObject ------------------------------------------------------------ */

struct rw { LONG fired, timeouts; DWORD thread; };

static void CALLBACK rw_cb(void *ctx, BOOLEAN timed_out)
{
    struct rw *w = ctx;
    if (timed_out) InterlockedIncrement(&w->timeouts);
    else InterlockedIncrement(&w->fired);
}

static void test_register_wait(void)
{
    static struct rw once, many, tmo;
    HANDLE ev = CreateEventW(NULL, FALSE, FALSE, NULL);
    HANDLE sem = CreateSemaphoreW(NULL, 0, 10, NULL);
    HANDLE done = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE never = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE w1, w2, w3;
    int i;

    /* once: the first signal runs it, later ones are left alone */
    ok(RegisterWaitForSingleObject(&w1, ev, rw_cb, &once, INFINITE, WT_EXECUTEONLYONCE), "register: %lu\n", GetLastError());
    SetEvent(ev);
    for (i = 0; i < 500 && !once.fired; i++) Sleep(10);
    SetEvent(ev);
    Sleep(50);
    ok(once.fired == 1, "WT_EXECUTEONLYONCE callback ran %ld times\n", once.fired);
    /* the second SetEvent found no waiter: the auto-reset event stayed set */
    ok(WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "the event was consumed by a finished wait\n");
    ok(UnregisterWaitEx(w1, INVALID_HANDLE_VALUE), "UnregisterWaitEx: %lu\n", GetLastError());

    /* repeated: each wait takes one semaphore count */
    ok(RegisterWaitForSingleObject(&w2, sem, rw_cb, &many, INFINITE, WT_EXECUTEDEFAULT), "register: %lu\n", GetLastError());
    ReleaseSemaphore(sem, 5, NULL);
    for (i = 0; i < 500 && many.fired < 5; i++) Sleep(10);
    Sleep(50);
    ok(many.fired == 5, "the callback ran %ld times for 5 counts\n", many.fired);
    ok(WaitForSingleObject(sem, 0) == WAIT_TIMEOUT, "counts left in the semaphore\n");
    SetLastError(0xdeadbeef);
    BOOL r = UnregisterWaitEx(w2, done);
    ok(r || GetLastError() == ERROR_IO_PENDING, "UnregisterWaitEx with an event: %lu\n", GetLastError());
    ok(WaitForSingleObject(done, 10000) == WAIT_OBJECT_0, "the completion event was not set\n");
    ReleaseSemaphore(sem, 1, NULL);
    Sleep(50);
    ok(many.fired == 5, "the unregistered wait ran again\n");
    ok(WaitForSingleObject(sem, 0) == WAIT_OBJECT_0, "the unregistered wait took a count\n");

    /* a timeout (whether a wait without WT_EXECUTEONLYONCE times out again
       is left alone: Wine 8.0 times out once) */
    ok(RegisterWaitForSingleObject(&w3, never, rw_cb, &tmo, 10, WT_EXECUTEDEFAULT), "register: %lu\n", GetLastError());
    for (i = 0; i < 500 && tmo.timeouts < 1; i++) Sleep(10);
    ok(tmo.timeouts >= 1 && !tmo.fired, "timeouts %ld fired %ld\n", tmo.timeouts, tmo.fired);
    ok(UnregisterWaitEx(w3, INVALID_HANDLE_VALUE), "UnregisterWaitEx: %lu\n", GetLastError());

    CloseHandle(ev); CloseHandle(sem); CloseHandle(done); CloseHandle(never);
}

/* --- thread pool I/O ------------------------------------------------------------------------- */

#define IO_BLOCKS 32

struct io_req { OVERLAPPED ov; int index; char data[512]; };

struct io_state {
    LONG done, ok_bytes, eof, aborted, other, bad_io;
    DWORD last_error;
    PTP_IO io;
    HANDLE all_done;
    LONG expect;
};

static void CALLBACK io_cb(PTP_CALLBACK_INSTANCE inst, void *ctx, void *overlapped, ULONG result, ULONG_PTR bytes, PTP_IO io)
{
    struct io_state *st = ctx;
    if (io != st->io) InterlockedIncrement(&st->bad_io);
    if (result == ERROR_SUCCESS && bytes == 512) InterlockedIncrement(&st->ok_bytes);
    else if (result == ERROR_HANDLE_EOF && bytes == 0) InterlockedIncrement(&st->eof);
    else if (result == ERROR_OPERATION_ABORTED) InterlockedIncrement(&st->aborted);
    else { st->last_error = result; InterlockedIncrement(&st->other); }
    if (overlapped && ((OVERLAPPED *)overlapped)->Internal == 0 && result != ERROR_SUCCESS) InterlockedIncrement(&st->bad_io);
    if (InterlockedIncrement(&st->done) == st->expect) SetEvent(st->all_done);
}

static void test_io(void)
{
    static struct io_req reqs[IO_BLOCKS + 1];
    static struct io_state st;
    WCHAR path[MAX_PATH], dir[MAX_PATH], name[64];
    TP_CALLBACK_ENVIRON env;
    PTP_CLEANUP_GROUP group;
    int i, sync_fail = 0;

    memset(&st, 0, sizeof(st));
    st.all_done = CreateEventW(NULL, TRUE, FALSE, NULL);
    GetTempPathW(MAX_PATH, dir);
    GetTempFileNameW(dir, L"tpi", 0, path);
    HANDLE f = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                           FILE_FLAG_OVERLAPPED | FILE_FLAG_DELETE_ON_CLOSE, NULL);
    if (!ok(f != INVALID_HANDLE_VALUE, "file: %lu\n", GetLastError())) return;

    InitializeThreadpoolEnvironment(&env);
    group = CreateThreadpoolCleanupGroup();
    SetThreadpoolCallbackCleanupGroup(&env, group, NULL);
    st.io = CreateThreadpoolIo(f, io_cb, &st, &env);
    if (!ok(st.io != NULL, "CreateThreadpoolIo: %lu\n", GetLastError())) return;
    /* the file is bound to the pool's port now: not to a second one */
    HANDLE port = CreateIoCompletionPort(f, NULL, 1, 0);
    ok(!port && GetLastError() == ERROR_INVALID_PARAMETER, "a second port: %p %lu\n", port, GetLastError());

    /* writes at every offset */
    st.expect = IO_BLOCKS;
    for (i = 0; i < IO_BLOCKS; i++)
    {
        struct io_req *r = &reqs[i];
        r->index = i;
        r->ov.Offset = i * 512;
        memset(r->data, 'A' + i % 26, 512);
        StartThreadpoolIo(st.io);
        if (!WriteFile(f, r->data, 512, NULL, &r->ov) && GetLastError() != ERROR_IO_PENDING)
        {
            CancelThreadpoolIo(st.io);
            sync_fail++;
        }
    }
    ok(!sync_fail, "%d writes failed\n", sync_fail);
    ok(WaitForSingleObject(st.all_done, 10000) == WAIT_OBJECT_0, "%ld of %d write callbacks\n", st.done, IO_BLOCKS);
    ok(st.ok_bytes == IO_BLOCKS, "%ld writes of 512 bytes\n", st.ok_bytes);

    /* reads, and one past the end: it fails at once (CancelThreadpoolIo)
       or completes with ERROR_HANDLE_EOF */
    ResetEvent(st.all_done);
    st.done = st.ok_bytes = 0;
    st.expect = IO_BLOCKS + 1;
    for (i = 0; i <= IO_BLOCKS; i++)
    {
        struct io_req *r = &reqs[i];
        memset(r->data, 0, 512);
        memset(&r->ov, 0, sizeof(r->ov));
        r->ov.Offset = i * 512;
        StartThreadpoolIo(st.io);
        if (!ReadFile(f, r->data, 512, NULL, &r->ov) && GetLastError() != ERROR_IO_PENDING)
        {
            ok(i == IO_BLOCKS && GetLastError() == ERROR_HANDLE_EOF, "read %d: %lu\n", i, GetLastError());
            CancelThreadpoolIo(st.io);
            if (InterlockedIncrement(&st.done) == st.expect) SetEvent(st.all_done);
            InterlockedIncrement(&st.eof);
        }
    }
    ok(WaitForSingleObject(st.all_done, 10000) == WAIT_OBJECT_0, "%ld of %d read callbacks\n", st.done, IO_BLOCKS + 1);
    WaitForThreadpoolIoCallbacks(st.io, FALSE);
    ok(st.ok_bytes == IO_BLOCKS && st.eof == 1, "reads: %ld whole, %ld at the end\n", st.ok_bytes, st.eof);
    int right = 0;
    for (i = 0; i < IO_BLOCKS; i++)
        if (reqs[i].data[0] == 'A' + i % 26 && reqs[i].data[511] == 'A' + i % 26) right++;
    ok(right == IO_BLOCKS, "%d of %d blocks read back right\n", right, IO_BLOCKS);
    ok(!st.other && !st.bad_io, "%ld other results (last %lu), %ld bad\n", st.other, st.last_error, st.bad_io);

    /* a pipe: a pending read cancelled with CancelIoEx reaches the callback
       with ERROR_OPERATION_ABORTED; the object is released with the group */
    swprintf(name, ARRAYSIZE(name), L"\\\\.\\pipe\\wlx-real-tpool-%lu", GetCurrentProcessId());
    HANDLE srv = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE, 1, 512, 512, 0, NULL);
    HANDLE cli = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(srv != INVALID_HANDLE_VALUE && cli != INVALID_HANDLE_VALUE, "pipe: %lu\n", GetLastError());
    static struct io_state ps;
    memset(&ps, 0, sizeof(ps));
    ps.all_done = CreateEventW(NULL, TRUE, FALSE, NULL);
    ps.expect = 2;
    ps.io = CreateThreadpoolIo(srv, io_cb, &ps, &env);
    ok(ps.io != NULL, "CreateThreadpoolIo on a pipe: %lu\n", GetLastError());
    struct io_req *r = &reqs[0];
    memset(&r->ov, 0, sizeof(r->ov));
    StartThreadpoolIo(ps.io);
    ok(!ReadFile(srv, r->data, 512, NULL, &r->ov) && GetLastError() == ERROR_IO_PENDING, "pipe read: %lu\n", GetLastError());
    DWORD n;
    ok(WriteFile(cli, r->data + 100, 512, &n, NULL), "client write: %lu\n", GetLastError());   /* completes it */
    struct io_req *r2 = &reqs[1];
    memset(&r2->ov, 0, sizeof(r2->ov));
    StartThreadpoolIo(ps.io);
    ok(!ReadFile(srv, r2->data, 512, NULL, &r2->ov) && GetLastError() == ERROR_IO_PENDING, "pipe read 2: %lu\n", GetLastError());
    ok(CancelIoEx(srv, &r2->ov), "CancelIoEx: %lu\n", GetLastError());
    ok(WaitForSingleObject(ps.all_done, 10000) == WAIT_OBJECT_0, "%ld of 2 pipe callbacks\n", ps.done);
    ok(ps.ok_bytes == 1 && ps.aborted == 1 && !ps.other && !ps.bad_io, "pipe: %ld whole, %ld aborted, %ld other (%lu)\n",
       ps.ok_bytes, ps.aborted, ps.other, ps.last_error);

    /* both I/O objects go with the group */
    CloseThreadpoolCleanupGroupMembers(group, FALSE, NULL);
    CloseThreadpoolCleanupGroup(group);
    DestroyThreadpoolEnvironment(&env);
    CloseHandle(cli);
    CloseHandle(srv);
    CloseHandle(f);
    CloseHandle(st.all_done);
    CloseHandle(ps.all_done);
}

int main(void)
{
    test_start("real_tpool");
    test_private_pool();
    test_cancel_pending();
    test_helpers();
    test_parallel_for();
    test_disassociate();
    test_timer_queue();
    test_register_wait();
    test_io();
    return test_summary();
}
