/*
 * tests/kernel32/timerwait.c — waiting on waitable timers of one process:
 * what the waiters see when the timer is set, set again, cancelled or
 * looked at while (or after) they wait. A synchronization timer releases
 * one waiter per expiry; a set while a thread waits moves its wake-up
 * (earlier or later); a cancel leaves it waiting; a timer whose due time
 * passed with nobody waiting is signaled for the next look (a zero-timeout
 * wait, NtQueryTimer, NtSetTimer's previous state); the earlier of two
 * timers ends a wait-any; a wait-all and a thread-pool wait on a timer.
 * Every wait is bounded; the margins are generous (a loaded machine).
 */
#include "../test.h"

static LARGE_INTEGER in_ms(LONGLONG ms)
{
    LARGE_INTEGER due;
    due.QuadPart = -ms * 10000;
    return due;
}

static BOOL set_in(HANDLE t, LONGLONG ms, LONG period)
{
    LARGE_INTEGER due = in_ms(ms);
    return SetWaitableTimer(t, &due, period, NULL, NULL, FALSE);
}

/* a thread that waits once on a timer for `ms` and keeps the result */
struct waiter {
    HANDLE timer, thread;
    DWORD ms, result;
};

static DWORD WINAPI waiter_main(void *arg)
{
    struct waiter *w = arg;
    w->result = WaitForSingleObject(w->timer, w->ms);
    return 0;
}

static void waiter_start(struct waiter *w, HANDLE timer, DWORD ms)
{
    w->timer = timer;
    w->ms = ms;
    w->result = 0xdeadbeef;
    w->thread = CreateThread(NULL, 0, waiter_main, w, 0, NULL);
    ok(w->thread != NULL, "CreateThread failed, error %lu\n", GetLastError());
}

/* the thread ended within 10 s; its wait's result */
static DWORD waiter_end(struct waiter *w)
{
    ok(WaitForSingleObject(w->thread, 10000) == WAIT_OBJECT_0, "the waiting thread did not end\n");
    CloseHandle(w->thread);
    return w->result;
}

/* one expiry of a synchronization timer releases exactly one of two waiters */
static void test_sync_two_waiters(void)
{
    HANDLE t = CreateWaitableTimerW(NULL, FALSE, NULL), threads[2];
    struct waiter w[2];
    DWORD r;
    waiter_start(&w[0], t, 10000);
    waiter_start(&w[1], t, 10000);
    Sleep(20);
    ok(set_in(t, 20, 0), "SetWaitableTimer failed, error %lu\n", GetLastError());
    threads[0] = w[0].thread;
    threads[1] = w[1].thread;
    r = WaitForMultipleObjects(2, threads, FALSE, 10000);
    ok(r == WAIT_OBJECT_0 || r == WAIT_OBJECT_0 + 1, "no waiter was released: %lu\n", r);
    if (r > WAIT_OBJECT_0 + 1) return;
    ok(w[r].result == WAIT_OBJECT_0, "the released waiter got %lu\n", w[r].result);
    ok(WaitForSingleObject(threads[!r], 300) == WAIT_TIMEOUT, "both waiters were released by one expiry\n");
    ok(WaitForSingleObject(t, 0) == WAIT_TIMEOUT, "the synchronization timer stayed signaled\n");
    /* the next expiry releases the other one */
    ok(set_in(t, 10, 0), "SetWaitableTimer failed\n");
    ok(waiter_end(&w[!r]) == WAIT_OBJECT_0, "the second waiter got %lu\n", w[!r].result);
    CloseHandle(w[r].thread);
    CloseHandle(t);
}

/* sets the timer (first_ms), starts a thread waiting on it for wait_ms,
   then sets it again (then_ms) or cancels it (then_ms < 0) while the
   thread waits; the thread's result */
static DWORD change_while_waiting(HANDLE t, LONGLONG first_ms, DWORD wait_ms, LONGLONG then_ms)
{
    struct waiter w;
    ok(set_in(t, first_ms, 0), "SetWaitableTimer failed, error %lu\n", GetLastError());
    waiter_start(&w, t, wait_ms);
    Sleep(20);
    if (then_ms < 0) ok(CancelWaitableTimer(t), "CancelWaitableTimer failed, error %lu\n", GetLastError());
    else ok(set_in(t, then_ms, 0), "SetWaitableTimer failed, error %lu\n", GetLastError());
    return waiter_end(&w);
}

/* a set while a thread waits brings its wake-up earlier, or later (the old
   due time no longer releases it); a cancel leaves it waiting */
static void test_change_while_waiting(void)
{
    HANDLE t = CreateWaitableTimerW(NULL, TRUE, NULL);
    DWORD r = change_while_waiting(t, 60000, 10000, 10);
    ok(r == WAIT_OBJECT_0, "a timer set earlier while waited on gave %lu\n", r);
    r = change_while_waiting(t, 1000, 1500, 60000);
    ok(r == WAIT_TIMEOUT, "a timer set later fired at its old due time: %lu\n", r);
    CloseHandle(t);
    t = CreateWaitableTimerW(NULL, FALSE, NULL);
    r = change_while_waiting(t, 500, 1200, -1);
    ok(r == WAIT_TIMEOUT, "a cancelled timer released its waiter: %lu\n", r);
    CloseHandle(t);
}

typedef NTSTATUS (NTAPI *SET_TIMER_FN)(HANDLE, LARGE_INTEGER *, void *, void *, BOOLEAN, LONG, BOOLEAN *);
typedef NTSTATUS (NTAPI *QUERY_TIMER_FN)(HANDLE, int, void *, ULONG, ULONG *);

/* nobody waits while the due time passes: the next look sees it signaled */
static void test_due_unwatched(void)
{
    HMODULE ntdll = GetModuleHandleA("ntdll.dll");
    SET_TIMER_FN nt_set = (SET_TIMER_FN)(void *)GetProcAddress(ntdll, "NtSetTimer");
    QUERY_TIMER_FN nt_query = (QUERY_TIMER_FN)(void *)GetProcAddress(ntdll, "NtQueryTimer");
    struct { LARGE_INTEGER remaining; BOOLEAN state; } info;
    HANDLE t = CreateWaitableTimerW(NULL, TRUE, NULL);
    LARGE_INTEGER due = in_ms(60000);
    BOOLEAN prev = 2;
    NTSTATUS status;

    ok(set_in(t, 10, 0), "SetWaitableTimer failed\n");
    Sleep(100);
    ok(WaitForSingleObject(t, 0) == WAIT_OBJECT_0, "a timer past its due time is not signaled\n");

    ok(set_in(t, 10, 0), "SetWaitableTimer failed\n");
    Sleep(100);
    /* a cancel after the due time leaves the timer signaled */
    ok(CancelWaitableTimer(t), "CancelWaitableTimer failed\n");
    ok(WaitForSingleObject(t, 0) == WAIT_OBJECT_0, "a cancel after the due time reset the timer\n");
    if (!nt_set || !nt_query) { skip("no NtSetTimer or NtQueryTimer\n"); CloseHandle(t); return; }

    ok(set_in(t, 10, 0), "SetWaitableTimer failed\n");
    Sleep(100);
    memset(&info, 0xcc, sizeof(info));
    status = nt_query(t, 0, &info, sizeof(info), NULL);
    ok(!status && info.state == 1, "NtQueryTimer: %#lx, state %u past the due time\n", status, info.state);
    ok(set_in(t, 10, 0), "SetWaitableTimer failed\n");
    Sleep(100);
    status = nt_set(t, &due, NULL, NULL, FALSE, 0, &prev);
    ok(!status && prev == 1, "NtSetTimer: %#lx, previous state %u past the due time\n", status, prev);
    ok(WaitForSingleObject(t, 0) == WAIT_TIMEOUT, "a timer set again stayed signaled\n");
    status = nt_set(t, &due, NULL, NULL, FALSE, 0, &prev);
    ok(!status && prev == 0, "NtSetTimer: %#lx, previous state %u before the due time\n", status, prev);
    CancelWaitableTimer(t);
    CloseHandle(t);
}

/* a periodic synchronization timer nobody waits on for several periods is
   signaled once (one waiter released), and keeps firing */
static void test_periodic_unwatched(void)
{
    HANDLE t = CreateWaitableTimerW(NULL, FALSE, NULL);
    int fired = 0;
    ok(set_in(t, 10, 10), "SetWaitableTimer failed\n");
    Sleep(100);
    ok(WaitForSingleObject(t, 0) == WAIT_OBJECT_0, "a periodic timer past its due time is not signaled\n");
    for (int i = 0; i < 3; i++) if (WaitForSingleObject(t, 10000) == WAIT_OBJECT_0) fired++;
    ok(fired == 3, "the periodic timer fired %d times of 3 afterwards\n", fired);
    CancelWaitableTimer(t);
    CloseHandle(t);
}

/* the earlier of two timers ends a wait-any; a wait-all needs both */
static void test_two_timers(void)
{
    HANDLE t[2] = { CreateWaitableTimerW(NULL, TRUE, NULL), CreateWaitableTimerW(NULL, TRUE, NULL) };
    DWORD r;
    ok(set_in(t[0], 300, 0) && set_in(t[1], 20, 0), "SetWaitableTimer failed\n");
    r = WaitForMultipleObjects(2, t, FALSE, 10000);
    ok(r == WAIT_OBJECT_0 + 1, "the wait-any on two timers returned %lu\n", r);
    r = WaitForMultipleObjects(2, t, TRUE, 10000);
    ok(r == WAIT_OBJECT_0, "the wait-all on two timers returned %lu\n", r);
    ok(WaitForSingleObject(t[0], 0) == WAIT_OBJECT_0, "the later timer is not signaled after the wait-all\n");

    /* a wait-all that times out still leaves a timer that came due signaled */
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL), both[2] = { t[0], e };
    ok(set_in(t[0], 10, 0), "SetWaitableTimer failed\n");
    ok(WaitForMultipleObjects(2, both, TRUE, 100) == WAIT_TIMEOUT, "the wait-all without the event ended\n");
    ok(WaitForSingleObject(t[0], 0) == WAIT_OBJECT_0, "the timer is not signaled after the wait-all\n");
    CloseHandle(e);
    CloseHandle(t[0]);
    CloseHandle(t[1]);
}

static HANDLE pool_done;

static void CALLBACK pool_callback(void *ctx, BOOLEAN timed_out)
{
    *(BOOLEAN *)ctx = timed_out;
    SetEvent(pool_done);
}

/* a thread-pool wait on a timer runs its callback when the timer fires */
static void test_pool_wait(void)
{
    HANDLE t = CreateWaitableTimerW(NULL, FALSE, NULL), wait = NULL;
    BOOLEAN timed_out = 2;
    pool_done = CreateEventW(NULL, FALSE, FALSE, NULL);
    ok(RegisterWaitForSingleObject(&wait, t, pool_callback, &timed_out, 10000, WT_EXECUTEONLYONCE),
       "RegisterWaitForSingleObject failed, error %lu\n", GetLastError());
    ok(set_in(t, 20, 0), "SetWaitableTimer failed\n");
    ok(WaitForSingleObject(pool_done, 10000) == WAIT_OBJECT_0, "the pool's callback did not run\n");
    ok(timed_out == FALSE, "the pool's wait timed out\n");
    ok(UnregisterWaitEx(wait, INVALID_HANDLE_VALUE), "UnregisterWaitEx failed, error %lu\n", GetLastError());
    CloseHandle(pool_done);
    CloseHandle(t);
}

int main(void)
{
    test_start("kernel32:timerwait");
    test_sync_two_waiters();
    test_change_while_waiting();
    test_due_unwatched();
    test_periodic_unwatched();
    test_two_timers();
    test_pool_wait();
    return test_summary();
}
