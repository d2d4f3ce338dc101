/*
 * tests/kernel32/handlechurn.c — waits on handles that stay open while other
 * threads create and close handles as fast as they can, so that handle
 * values, table slots and the objects' memory are reused all the time.
 *
 * A handle that stays open must always answer for its own object: a
 * signaled manual-reset event is WAIT_OBJECT_0, an unsignaled one
 * WAIT_TIMEOUT, a signaled auto-reset event is consumed exactly once, and a
 * thread that ended is signaled. Handles closed by another thread while one
 * waits on them (a race the program makes on purpose) may answer anything
 * Windows can (signaled, timeout, an invalid handle), but nothing else, and
 * the process goes on.
 *
 * Everything is bounded by iteration counts; nothing is timed.
 */
#include "test.h"

#define CHURN_ROUNDS 4000
#define CHURNERS 2
#define WAITERS 2

static volatile LONG stop;
static HANDLE set_manual, unset_manual, ended_thread;
static volatile HANDLE racy;      /* made and closed by the churners */
static LONG wrong_set, wrong_unset, wrong_ended, odd_racy, waits;

static DWORD WINAPI nothing(void *arg)
{
    (void)arg;
    return 7;
}

static DWORD WINAPI churner(void *arg)
{
    (void)arg;
    for (int i = 0; i < CHURN_ROUNDS; i++)
    {
        /* a signaled manual event, an auto event and a semaphore: the
           same slots and sizes of memory, in turn */
        HANDLE a = CreateEventW(NULL, TRUE, i & 1, NULL);
        HANDLE b = CreateEventW(NULL, FALSE, TRUE, NULL);
        HANDLE c = CreateSemaphoreW(NULL, 1, 2, NULL);
        racy = (i % 3 == 0) ? a : (i % 3 == 1) ? b : c;
        CloseHandle(a);
        CloseHandle(b);
        CloseHandle(c);
    }
    return 0;
}

static DWORD WINAPI waiter(void *arg)
{
    (void)arg;
    while (!stop)
    {
        if (WaitForSingleObject(set_manual, 0) != WAIT_OBJECT_0) InterlockedIncrement(&wrong_set);
        if (WaitForSingleObject(unset_manual, 0) != WAIT_TIMEOUT) InterlockedIncrement(&wrong_unset);
        if (WaitForSingleObject(ended_thread, 0) != WAIT_OBJECT_0) InterlockedIncrement(&wrong_ended);
        DWORD r = WaitForSingleObject(racy, 0);
        if (r != WAIT_OBJECT_0 && r != WAIT_TIMEOUT && r != WAIT_FAILED) InterlockedIncrement(&odd_racy);
        InterlockedIncrement(&waits);
    }
    return 0;
}

static void test_churn(void)
{
    HANDLE churners[CHURNERS], waiters[WAITERS];
    DWORD code = 0;

    set_manual = CreateEventW(NULL, TRUE, TRUE, NULL);
    unset_manual = CreateEventW(NULL, TRUE, FALSE, NULL);
    ended_thread = CreateThread(NULL, 0, nothing, NULL, 0, NULL);
    ok(set_manual && unset_manual && ended_thread, "setting up: %lu\n", GetLastError());
    ok(WaitForSingleObject(ended_thread, 10000) == WAIT_OBJECT_0, "the thread did not end\n");
    for (int i = 0; i < WAITERS; i++) waiters[i] = CreateThread(NULL, 0, waiter, NULL, 0, NULL);
    for (int i = 0; i < CHURNERS; i++) churners[i] = CreateThread(NULL, 0, churner, NULL, 0, NULL);
    ok(WaitForMultipleObjects(CHURNERS, churners, TRUE, 120000) == WAIT_OBJECT_0, "the churners did not end\n");
    stop = 1;
    ok(WaitForMultipleObjects(WAITERS, waiters, TRUE, 60000) == WAIT_OBJECT_0, "the waiters did not end\n");
    for (int i = 0; i < CHURNERS; i++) CloseHandle(churners[i]);
    for (int i = 0; i < WAITERS; i++) CloseHandle(waiters[i]);

    ok(waits > 0, "no waits were made\n");
    ok(!wrong_set, "a signaled manual-reset event was not signaled %ld times of %ld\n", wrong_set, waits);
    ok(!wrong_unset, "an unsignaled event was signaled %ld times of %ld\n", wrong_unset, waits);
    ok(!wrong_ended, "an ended thread was not signaled %ld times of %ld\n", wrong_ended, waits);
    ok(!odd_racy, "a wait on a handle being closed gave something else %ld times\n", odd_racy);
    ok(GetExitCodeThread(ended_thread, &code) && code == 7, "the ended thread's exit code: %lu\n", code);
    CloseHandle(set_manual);
    CloseHandle(unset_manual);
    CloseHandle(ended_thread);
}

/* an auto-reset event set once is taken by exactly one of the waiters,
   while handles around it come and go: four takers, four sets, each set
   only once the previous one was taken */
static HANDLE auto_event, took;
static LONG taken;

static DWORD WINAPI taker(void *arg)
{
    (void)arg;
    if (WaitForSingleObject(auto_event, 60000) == WAIT_OBJECT_0)
    {
        InterlockedIncrement(&taken);
        ReleaseSemaphore(took, 1, NULL);
    }
    return 0;
}

static void test_auto_taken_once(void)
{
    HANDLE threads[4], churn;
    for (int round = 0; round < 10; round++)
    {
        int all = 1;
        taken = 0;
        auto_event = CreateEventW(NULL, FALSE, FALSE, NULL);
        took = CreateSemaphoreW(NULL, 0, 4, NULL);
        churn = CreateThread(NULL, 0, churner, NULL, 0, NULL);
        for (int i = 0; i < 4; i++) threads[i] = CreateThread(NULL, 0, taker, NULL, 0, NULL);
        for (int i = 0; i < 4 && all; i++)
        {
            SetEvent(auto_event);
            all = WaitForSingleObject(took, 60000) == WAIT_OBJECT_0;
        }
        ok(all, "round %d: a set was not taken\n", round);
        ok(WaitForMultipleObjects(4, threads, TRUE, 60000) == WAIT_OBJECT_0, "round %d: the takers did not end\n", round);
        ok(taken == 4, "round %d: %ld takers of 4 sets\n", round, taken);
        ok(WaitForSingleObject(auto_event, 0) == WAIT_TIMEOUT, "round %d: the event is still signaled\n", round);
        ok(WaitForSingleObject(took, 0) == WAIT_TIMEOUT, "round %d: a set was taken twice\n", round);
        WaitForSingleObject(churn, 120000);
        for (int i = 0; i < 4; i++) CloseHandle(threads[i]);
        CloseHandle(churn);
        CloseHandle(auto_event);
        CloseHandle(took);
        if (!all || taken != 4) break;
    }
}

int main(void)
{
    test_churn();
    test_auto_taken_once();
    return test_summary();
}
