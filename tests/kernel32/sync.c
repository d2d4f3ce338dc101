/*
 * tests/kernel32/sync.c — synchronization: events (manual, auto, PulseEvent,
 * names), mutexes (ownership, recursion, abandonment), semaphores, waits on
 * several objects (any, all and its atomicity), timeouts, SignalObjectAndWait,
 * SRW locks, condition variables, InitOnce, WaitOnAddress and SLists.
 * No timing is asserted: threads are synchronized by the objects under test
 * or by polling loops with generous bounds.
 */
#include "test.h"
#include <malloc.h>

static HANDLE start_thread(LPTHREAD_START_ROUTINE proc, void *arg)
{
    HANDLE t = CreateThread(NULL, 0, proc, arg, 0, NULL);
    ok(t != NULL, "CreateThread failed, error %lu\n", GetLastError());
    return t;
}

static void join(HANDLE t)
{
    ok(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0, "thread did not end\n");
    CloseHandle(t);
}

/* --- events ---------------------------------------------------------------- */

static void test_event_basics(void)
{
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
    ok(e != NULL, "CreateEventW failed, error %lu\n", GetLastError());
    ok(WaitForSingleObject(e, 0) == WAIT_TIMEOUT, "new event signaled\n");
    ok(SetEvent(e), "SetEvent failed\n");
    ok(WaitForSingleObject(e, 0) == WAIT_OBJECT_0, "manual event not signaled\n");
    ok(WaitForSingleObject(e, 0) == WAIT_OBJECT_0, "manual event reset by a wait\n");
    ok(ResetEvent(e), "ResetEvent failed\n");
    ok(WaitForSingleObject(e, 0) == WAIT_TIMEOUT, "manual event still signaled after ResetEvent\n");
    ok(WaitForSingleObject(e, 20) == WAIT_TIMEOUT, "a wait with a timeout did not time out\n");
    CloseHandle(e);

    e = CreateEventA(NULL, FALSE, TRUE, NULL);
    ok(e != NULL, "CreateEventA failed\n");
    ok(WaitForSingleObject(e, 0) == WAIT_OBJECT_0, "auto event created set is not signaled\n");
    ok(WaitForSingleObject(e, 0) == WAIT_TIMEOUT, "auto event not reset by the wait\n");
    SetEvent(e);
    SetEvent(e);
    ok(WaitForSingleObject(e, 0) == WAIT_OBJECT_0, "auto event not signaled\n");
    ok(WaitForSingleObject(e, 0) == WAIT_TIMEOUT, "two SetEvent gave two waits\n");
    CloseHandle(e);

    e = CreateEventExW(NULL, NULL, CREATE_EVENT_MANUAL_RESET | CREATE_EVENT_INITIAL_SET, EVENT_ALL_ACCESS);
    ok(e != NULL, "CreateEventExW failed\n");
    ok(WaitForSingleObject(e, 0) == WAIT_OBJECT_0, "CREATE_EVENT_INITIAL_SET ignored\n");
    ok(WaitForSingleObject(e, 0) == WAIT_OBJECT_0, "CREATE_EVENT_MANUAL_RESET ignored\n");
    CloseHandle(e);

    SetLastError(0xdeadbeef);
    ok(!SetEvent(NULL), "SetEvent(NULL) succeeded\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(WaitForSingleObject((HANDLE)0xdead0, 0) == WAIT_FAILED, "wait on a bad handle\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "error %lu\n", GetLastError());
}

struct pulse_arg { HANDLE event; volatile LONG done; };

static DWORD WINAPI pulse_waiter(void *p)
{
    struct pulse_arg *a = p;
    DWORD r = WaitForSingleObject(a->event, 10000);
    InterlockedExchange(&a->done, r == WAIT_OBJECT_0 ? 1 : 2);
    return 0;
}

/* Pulse until the waiter (which may not be asleep yet) is released */
static void test_pulse(BOOL manual)
{
    struct pulse_arg a = { CreateEventW(NULL, manual, FALSE, NULL), 0 };
    ok(PulseEvent(a.event), "PulseEvent failed\n");
    ok(WaitForSingleObject(a.event, 0) == WAIT_TIMEOUT, "a pulse without waiters left the event set\n");
    SetEvent(a.event);
    PulseEvent(a.event);
    ok(WaitForSingleObject(a.event, 0) == WAIT_TIMEOUT, "PulseEvent did not reset the event\n");

    HANDLE t = start_thread(pulse_waiter, &a);
    for (int i = 0; i < 1000 && !a.done; i++)
    {
        PulseEvent(a.event);
        Sleep(5);
    }
    ok(a.done == 1, "PulseEvent did not release the waiter (%ld)\n", a.done);
    ok(WaitForSingleObject(a.event, 0) == WAIT_TIMEOUT, "event signaled after pulses\n");
    join(t);
    CloseHandle(a.event);
}

static DWORD WINAPI auto_waiter(void *p)
{
    return WaitForSingleObject(p, 10000);
}

/* one SetEvent of an auto-reset event releases exactly one of two waiters */
static void test_auto_one_waiter(void)
{
    HANDLE e = CreateEventW(NULL, FALSE, FALSE, NULL);
    HANDLE t[2] = { start_thread(auto_waiter, e), start_thread(auto_waiter, e) };
    DWORD code = 0xdeadbeef;

    SetEvent(e);
    DWORD r = WaitForMultipleObjects(2, t, FALSE, 10000);
    ok(r == WAIT_OBJECT_0 || r == WAIT_OBJECT_0 + 1, "no waiter released: %lu\n", r);
    if (r > WAIT_OBJECT_0 + 1) return;
    GetExitCodeThread(t[r], &code);
    ok(code == WAIT_OBJECT_0, "released waiter got %lu\n", code);
    ok(WaitForSingleObject(t[!r], 50) == WAIT_TIMEOUT, "one SetEvent released both waiters\n");
    ok(WaitForSingleObject(e, 0) == WAIT_TIMEOUT, "event still set after releasing a waiter\n");
    SetEvent(e);
    join(t[0]);
    join(t[1]);
    CloseHandle(e);
}

static void test_named(void)
{
    HANDLE e1, e2, e3, m;

    SetLastError(0xdeadbeef);
    e1 = CreateEventA(NULL, TRUE, FALSE, "wlx-sync-test-event");
    ok(e1 != NULL, "CreateEventA failed, error %lu\n", GetLastError());
    ok(GetLastError() == 0, "new named event: error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    e2 = CreateEventA(NULL, FALSE, TRUE, "wlx-sync-test-event");
    ok(e2 != NULL && e2 != e1, "second CreateEventA: %p\n", e2);
    ok(GetLastError() == ERROR_ALREADY_EXISTS, "error %lu\n", GetLastError());
    /* the existing object keeps its own type and state */
    ok(WaitForSingleObject(e2, 0) == WAIT_TIMEOUT, "opened event took the new initial state\n");
    SetEvent(e1);
    ok(WaitForSingleObject(e2, 0) == WAIT_OBJECT_0, "not the same object\n");
    ok(WaitForSingleObject(e2, 0) == WAIT_OBJECT_0, "opened event became auto-reset\n");
    e3 = OpenEventA(EVENT_ALL_ACCESS, FALSE, "wlx-sync-test-event");
    ok(e3 != NULL, "OpenEventA failed, error %lu\n", GetLastError());
    ResetEvent(e3);
    ok(WaitForSingleObject(e1, 0) == WAIT_TIMEOUT, "OpenEventA gave another object\n");

    SetLastError(0xdeadbeef);
    m = CreateMutexA(NULL, FALSE, "wlx-sync-test-event");
    ok(m == NULL, "a mutex took an event's name\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(OpenMutexA(MUTEX_ALL_ACCESS, FALSE, "wlx-sync-test-event") == NULL, "OpenMutex of an event\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "error %lu\n", GetLastError());

    CloseHandle(e1);
    CloseHandle(e2);
    CloseHandle(e3);
    SetLastError(0xdeadbeef);
    ok(OpenEventA(EVENT_ALL_ACCESS, FALSE, "wlx-sync-test-event") == NULL, "name outlived its object\n");
    ok(GetLastError() == ERROR_FILE_NOT_FOUND, "error %lu\n", GetLastError());

    /* "Local\" is where plain names live */
    e1 = CreateEventA(NULL, TRUE, TRUE, "Local\\wlx-sync-test-local");
    e2 = OpenEventA(EVENT_ALL_ACCESS, FALSE, "wlx-sync-test-local");
    ok(e1 && e2, "Local\\ name not found without the prefix: %p %p\n", e1, e2);
    ok(WaitForSingleObject(e2, 0) == WAIT_OBJECT_0, "Local\\ object not the same\n");
    CloseHandle(e1);
    CloseHandle(e2);

    HANDLE s1 = CreateSemaphoreW(NULL, 0, 5, L"wlx-sync-test-sem");
    HANDLE s2 = OpenSemaphoreW(SEMAPHORE_ALL_ACCESS, FALSE, L"wlx-sync-test-sem");
    ok(s1 && s2, "named semaphore: %p %p\n", s1, s2);
    ReleaseSemaphore(s1, 1, NULL);
    ok(WaitForSingleObject(s2, 0) == WAIT_OBJECT_0, "named semaphore not shared\n");
    CloseHandle(s1);
    CloseHandle(s2);
}

/* --- mutexes --------------------------------------------------------------- */

struct mutex_arg { HANDLE mutex, go, done; DWORD result, error; };

static DWORD WINAPI release_foreign(void *p)
{
    struct mutex_arg *a = p;
    SetLastError(0xdeadbeef);
    a->result = ReleaseMutex(a->mutex);
    a->error = GetLastError();
    return WaitForSingleObject(a->mutex, 0);
}

static DWORD WINAPI take_and_exit(void *p)
{
    return WaitForSingleObject(((struct mutex_arg *)p)->mutex, 0);
}

static void test_mutex(void)
{
    struct mutex_arg a = { 0 };
    DWORD code;
    HANDLE t;

    a.mutex = CreateMutexW(NULL, TRUE, NULL);
    ok(a.mutex != NULL, "CreateMutexW failed\n");
    ok(WaitForSingleObject(a.mutex, 0) == WAIT_OBJECT_0, "owner cannot take its mutex again\n");

    t = start_thread(release_foreign, &a);
    WaitForSingleObject(t, 10000);
    GetExitCodeThread(t, &code);
    CloseHandle(t);
    ok(!a.result, "ReleaseMutex by a non-owner succeeded\n");
    ok(a.error == ERROR_NOT_OWNER, "error %lu\n", a.error);
    ok(code == WAIT_TIMEOUT, "non-owner acquired an owned mutex: %lu\n", code);

    ok(ReleaseMutex(a.mutex), "first release failed\n");
    ok(ReleaseMutex(a.mutex), "second release (recursion) failed\n");
    SetLastError(0xdeadbeef);
    ok(!ReleaseMutex(a.mutex), "third release succeeded\n");
    ok(GetLastError() == ERROR_NOT_OWNER, "error %lu\n", GetLastError());

    /* a thread that ends owning the mutex abandons it */
    t = start_thread(take_and_exit, &a);
    WaitForSingleObject(t, 10000);
    GetExitCodeThread(t, &code);
    CloseHandle(t);
    ok(code == WAIT_OBJECT_0, "thread could not take the free mutex: %lu\n", code);
    ok(WaitForSingleObject(a.mutex, 0) == WAIT_ABANDONED, "no WAIT_ABANDONED after the owner exited\n");
    ok(ReleaseMutex(a.mutex), "release after abandonment failed\n");
    ok(WaitForSingleObject(a.mutex, 0) == WAIT_OBJECT_0, "abandonment reported twice\n");
    ok(ReleaseMutex(a.mutex), "release failed\n");

    /* in a multiple-object wait: WAIT_ABANDONED_0 + its index */
    HANDLE h[2] = { CreateEventW(NULL, TRUE, FALSE, NULL), a.mutex };
    t = start_thread(take_and_exit, &a);
    join(t);
    ok(WaitForMultipleObjects(2, h, FALSE, 0) == WAIT_ABANDONED_0 + 1, "wait-any on an abandoned mutex\n");
    ok(ReleaseMutex(a.mutex), "release failed\n");
    /* a thread handle is waitable among others */
    t = start_thread(take_and_exit, &a);
    h[1] = t;
    ok(WaitForMultipleObjects(2, h, FALSE, 10000) == WAIT_OBJECT_0 + 1, "wait-any on a thread\n");
    CloseHandle(t);
    CloseHandle(h[0]);
    ok(WaitForSingleObject(a.mutex, 0) == WAIT_ABANDONED, "second abandonment not reported\n");
    ok(ReleaseMutex(a.mutex), "release failed\n");
    CloseHandle(a.mutex);
}

/* --- semaphores ------------------------------------------------------------ */

static void test_semaphore(void)
{
    LONG prev = -1;
    HANDLE s = CreateSemaphoreA(NULL, 1, 3, NULL);
    ok(s != NULL, "CreateSemaphoreA failed\n");
    ok(ReleaseSemaphore(s, 1, &prev), "ReleaseSemaphore failed\n");
    ok(prev == 1, "previous count %ld\n", prev);
    SetLastError(0xdeadbeef);
    ok(!ReleaseSemaphore(s, 2, &prev), "released past the maximum\n");
    ok(GetLastError() == ERROR_TOO_MANY_POSTS, "error %lu\n", GetLastError());
    ok(ReleaseSemaphore(s, 1, &prev) && prev == 2, "release to the maximum: prev %ld\n", prev);
    for (int i = 0; i < 3; i++) ok(WaitForSingleObject(s, 0) == WAIT_OBJECT_0, "wait %d failed\n", i);
    ok(WaitForSingleObject(s, 0) == WAIT_TIMEOUT, "semaphore count went negative\n");
    CloseHandle(s);

    SetLastError(0xdeadbeef);
    ok(CreateSemaphoreA(NULL, 4, 3, NULL) == NULL, "initial count above the maximum\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(CreateSemaphoreA(NULL, 0, 0, NULL) == NULL, "maximum 0\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
}

/* --- several objects ----------------------------------------------------------- */

static DWORD WINAPI hold_mutex(void *p)
{
    struct mutex_arg *a = p;
    WaitForSingleObject(a->mutex, INFINITE);
    SetEvent(a->done);                      /* holding it now */
    WaitForSingleObject(a->go, INFINITE);
    ReleaseMutex(a->mutex);
    return 0;
}

static void test_multiple(void)
{
    HANDLE h[MAXIMUM_WAIT_OBJECTS + 1];
    HANDLE e1 = CreateEventW(NULL, TRUE, FALSE, NULL), e2 = CreateEventW(NULL, FALSE, TRUE, NULL);
    HANDLE sem = CreateSemaphoreW(NULL, 1, 1, NULL);
    struct mutex_arg a = { CreateMutexW(NULL, FALSE, NULL), CreateEventW(NULL, TRUE, FALSE, NULL),
                           CreateEventW(NULL, TRUE, FALSE, NULL) };

    h[0] = e1; h[1] = e2;
    ok(WaitForMultipleObjects(2, h, FALSE, 0) == WAIT_OBJECT_0 + 1, "wait-any did not find the set event\n");
    ok(WaitForMultipleObjects(2, h, FALSE, 0) == WAIT_TIMEOUT, "auto event not consumed by wait-any\n");
    ok(WaitForMultipleObjects(2, h, FALSE, 20) == WAIT_TIMEOUT, "wait-any with a timeout\n");
    SetEvent(e1);
    SetEvent(e2);
    ok(WaitForMultipleObjects(2, h, FALSE, 0) == WAIT_OBJECT_0, "wait-any: not the lowest index\n");
    ok(WaitForSingleObject(e2, 0) == WAIT_OBJECT_0, "wait-any consumed an object it did not return\n");

    /* wait-all is atomic: with the mutex held elsewhere, the semaphore stays */
    HANDLE t = start_thread(hold_mutex, &a);
    WaitForSingleObject(a.done, INFINITE);
    h[0] = sem; h[1] = a.mutex;
    ok(WaitForMultipleObjects(2, h, TRUE, 0) == WAIT_TIMEOUT, "wait-all with a held mutex\n");
    ok(WaitForMultipleObjects(2, h, TRUE, 30) == WAIT_TIMEOUT, "wait-all with a held mutex, timeout\n");
    ok(WaitForSingleObject(sem, 0) == WAIT_OBJECT_0, "a failed wait-all consumed the semaphore\n");
    ReleaseSemaphore(sem, 1, NULL);
    SetEvent(a.go);
    ok(WaitForMultipleObjects(2, h, TRUE, 10000) == WAIT_OBJECT_0, "wait-all did not get both\n");
    ok(WaitForSingleObject(sem, 0) == WAIT_TIMEOUT, "wait-all did not take the semaphore\n");
    ok(ReleaseMutex(a.mutex), "wait-all did not take the mutex\n");
    join(t);

    /* the same object twice in a wait-all is refused with
       ERROR_INVALID_PARAMETER on Windows (documented: "may not contain
       multiple copies"); Wine 8 does not check and waits */
    h[0] = e1; h[1] = e1;
    SetLastError(0xdeadbeef);
    todo_wine(WaitForMultipleObjects(2, h, TRUE, 0) == WAIT_FAILED, "duplicate in wait-all accepted\n");
    todo_wine(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    ok(WaitForMultipleObjects(2, h, FALSE, 0) == WAIT_OBJECT_0, "duplicate in wait-any refused\n");

    for (int i = 0; i <= MAXIMUM_WAIT_OBJECTS; i++) h[i] = e1;
    SetLastError(0xdeadbeef);
    ok(WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS + 1, h, FALSE, 0) == WAIT_FAILED, "65 objects accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    ok(WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS, h, FALSE, 0) == WAIT_OBJECT_0, "64 objects refused\n");
    SetLastError(0xdeadbeef);
    ok(WaitForMultipleObjects(0, h, FALSE, 0) == WAIT_FAILED, "0 objects accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());

    CloseHandle(e1); CloseHandle(e2); CloseHandle(sem);
    CloseHandle(a.mutex); CloseHandle(a.go); CloseHandle(a.done);
}

/* a waiter that sleeps in a wait-any is woken by a later signal */
static DWORD WINAPI set_later(void *p)
{
    Sleep(20);
    SetEvent(p);
    return 0;
}

static void test_wake(void)
{
    HANDLE h[3] = { CreateEventW(NULL, FALSE, FALSE, NULL), CreateEventW(NULL, FALSE, FALSE, NULL),
                    CreateSemaphoreW(NULL, 0, 1, NULL) };
    HANDLE t = start_thread(set_later, h[1]);
    ok(WaitForMultipleObjects(3, h, FALSE, 10000) == WAIT_OBJECT_0 + 1, "wait-any not woken\n");
    join(t);
    t = start_thread(set_later, h[0]);
    ok(WaitForSingleObject(h[0], 10000) == WAIT_OBJECT_0, "wait not woken\n");
    join(t);
    for (int i = 0; i < 3; i++) CloseHandle(h[i]);
}

struct signal_arg { HANDLE ping, pong; };

static DWORD WINAPI answer_ping(void *p)
{
    struct signal_arg *a = p;
    if (WaitForSingleObject(a->ping, 10000) != WAIT_OBJECT_0) return 1;
    SetEvent(a->pong);
    return 0;
}

static void test_signal_and_wait(void)
{
    struct signal_arg a = { CreateEventW(NULL, FALSE, FALSE, NULL), CreateEventW(NULL, FALSE, FALSE, NULL) };
    HANDLE t = start_thread(answer_ping, &a);
    ok(SignalObjectAndWait(a.ping, a.pong, 10000, FALSE) == WAIT_OBJECT_0, "SignalObjectAndWait failed\n");
    join(t);

    HANDLE m = CreateMutexW(NULL, FALSE, NULL);
    SetLastError(0xdeadbeef);
    ok(SignalObjectAndWait(m, a.pong, 0, FALSE) == WAIT_FAILED, "signaled a mutex it does not own\n");
    ok(GetLastError() == ERROR_NOT_OWNER, "error %lu\n", GetLastError());
    HANDLE s = CreateSemaphoreW(NULL, 0, 1, NULL);
    ok(SignalObjectAndWait(s, s, 0, FALSE) == WAIT_OBJECT_0, "semaphore released and taken\n");
    ok(SignalObjectAndWait(a.ping, a.pong, 0, FALSE) == WAIT_TIMEOUT, "timeout\n");
    ok(WaitForSingleObject(a.ping, 0) == WAIT_OBJECT_0, "the event was not signaled\n");
    CloseHandle(m); CloseHandle(s); CloseHandle(a.ping); CloseHandle(a.pong);
}

/* --- SRW locks ------------------------------------------------------------- */

static SRWLOCK srw = SRWLOCK_INIT;
static LONG srw_counter, srw_inside;
static volatile LONG srw_bad;

static DWORD WINAPI srw_worker(void *p)
{
    for (int i = 0; i < 20000; i++)
    {
        if (i % 3)
        {
            AcquireSRWLockExclusive(&srw);
            if (InterlockedIncrement(&srw_inside) != 1) srw_bad = 1;
            srw_counter++;
            InterlockedDecrement(&srw_inside);
            ReleaseSRWLockExclusive(&srw);
        }
        else
        {
            AcquireSRWLockShared(&srw);
            LONG c = srw_counter;
            if (srw_counter != c) srw_bad = 1;
            ReleaseSRWLockShared(&srw);
        }
    }
    return 0;
}

static DWORD WINAPI srw_try(void *p)
{
    return (TryAcquireSRWLockExclusive(&srw) ? 1 : 0) | (TryAcquireSRWLockShared(&srw) ? 2 : 0);
}

static void test_srw(void)
{
    HANDLE t[4];
    DWORD code;

    for (int i = 0; i < 4; i++) t[i] = start_thread(srw_worker, NULL);
    for (int i = 0; i < 4; i++) join(t[i]);
    ok(srw_counter == 4 * (20000 - 20000 / 3 - 1), "counter %ld\n", srw_counter);
    ok(!srw_bad, "exclusive holders overlapped\n");

    AcquireSRWLockShared(&srw);
    HANDLE h = start_thread(srw_try, NULL);
    WaitForSingleObject(h, 10000);
    GetExitCodeThread(h, &code);
    CloseHandle(h);
    ok(code == 2, "with a shared holder: try-exclusive/try-shared gave %lu\n", code);
    ReleaseSRWLockShared(&srw);
    ReleaseSRWLockShared(&srw);   /* the other thread's shared hold */

    ok(TryAcquireSRWLockExclusive(&srw), "TryAcquireSRWLockExclusive on a free lock\n");
    h = start_thread(srw_try, NULL);
    WaitForSingleObject(h, 10000);
    GetExitCodeThread(h, &code);
    CloseHandle(h);
    ok(code == 0, "with an exclusive holder: %lu\n", code);
    ReleaseSRWLockExclusive(&srw);
}

/* --- condition variables: producer/consumer ---------------------------------- */

#define QSIZE 8
static struct {
    CRITICAL_SECTION cs;
    SRWLOCK lock;
    CONDITION_VARIABLE not_empty, not_full;
    int items[QSIZE], head, count, use_srw;
    LONGLONG sum;
} q;

static void q_lock(void) { if (q.use_srw) AcquireSRWLockExclusive(&q.lock); else EnterCriticalSection(&q.cs); }
static void q_unlock(void) { if (q.use_srw) ReleaseSRWLockExclusive(&q.lock); else LeaveCriticalSection(&q.cs); }
static void q_sleep(CONDITION_VARIABLE *cv)
{
    if (q.use_srw) SleepConditionVariableSRW(cv, &q.lock, INFINITE, 0);
    else SleepConditionVariableCS(cv, &q.cs, INFINITE);
}

#define NITEMS 5000

static DWORD WINAPI producer(void *p)
{
    for (int i = 1; i <= NITEMS; i++)
    {
        q_lock();
        while (q.count == QSIZE) q_sleep(&q.not_full);
        q.items[(q.head + q.count++) % QSIZE] = i;
        q_unlock();
        WakeConditionVariable(&q.not_empty);
    }
    return 0;
}

static DWORD WINAPI consumer(void *p)
{
    for (;;)
    {
        q_lock();
        while (!q.count) q_sleep(&q.not_empty);
        int v = q.items[q.head];
        q.head = (q.head + 1) % QSIZE;
        q.count--;
        if (v > 0) q.sum += v;
        q_unlock();
        WakeConditionVariable(&q.not_full);
        if (v < 0) return 0;
    }
}

static void run_queue(int use_srw)
{
    HANDLE c[2], p[2];
    InitializeCriticalSection(&q.cs);
    InitializeSRWLock(&q.lock);
    InitializeConditionVariable(&q.not_empty);
    InitializeConditionVariable(&q.not_full);
    q.head = q.count = 0;
    q.sum = 0;
    q.use_srw = use_srw;
    for (int i = 0; i < 2; i++) c[i] = start_thread(consumer, NULL);
    for (int i = 0; i < 2; i++) p[i] = start_thread(producer, NULL);
    for (int i = 0; i < 2; i++) join(p[i]);
    for (int i = 0; i < 2; i++)   /* one end marker per consumer */
    {
        q_lock();
        while (q.count == QSIZE) q_sleep(&q.not_full);
        q.items[(q.head + q.count++) % QSIZE] = -1;
        q_unlock();
        WakeAllConditionVariable(&q.not_empty);
    }
    for (int i = 0; i < 2; i++) join(c[i]);
    ok(q.sum == 2 * (LONGLONG)NITEMS * (NITEMS + 1) / 2, "%s: sum %I64d\n", use_srw ? "SRW" : "CS", q.sum);
    DeleteCriticalSection(&q.cs);
}

static void test_condition_variable(void)
{
    CONDITION_VARIABLE cv = CONDITION_VARIABLE_INIT;
    CRITICAL_SECTION cs;
    SRWLOCK lock = SRWLOCK_INIT;

    run_queue(0);
    run_queue(1);

    InitializeCriticalSection(&cs);
    EnterCriticalSection(&cs);
    SetLastError(0xdeadbeef);
    ok(!SleepConditionVariableCS(&cv, &cs, 10), "sleep without a wake succeeded\n");
    ok(GetLastError() == ERROR_TIMEOUT, "error %lu\n", GetLastError());
    ok(TryEnterCriticalSection(&cs), "the critical section was not re-entered\n");
    LeaveCriticalSection(&cs);
    LeaveCriticalSection(&cs);
    DeleteCriticalSection(&cs);

    AcquireSRWLockShared(&lock);
    SetLastError(0xdeadbeef);
    ok(!SleepConditionVariableSRW(&cv, &lock, 10, CONDITION_VARIABLE_LOCKMODE_SHARED), "shared sleep\n");
    ok(GetLastError() == ERROR_TIMEOUT, "error %lu\n", GetLastError());
    ok(!TryAcquireSRWLockExclusive(&lock), "shared hold not restored\n");
    ReleaseSRWLockShared(&lock);
    ok(TryAcquireSRWLockExclusive(&lock), "lock still held\n");
    ReleaseSRWLockExclusive(&lock);
}

/* --- InitOnce ---------------------------------------------------------------- */

static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
static LONG once_calls;

static BOOL CALLBACK once_fn(INIT_ONCE *o, void *param, void **ctx)
{
    InterlockedIncrement(&once_calls);
    Sleep(20);    /* let the other threads pile up on the in-progress state */
    *ctx = param;
    return TRUE;
}

static DWORD WINAPI once_worker(void *p)
{
    void *ctx = NULL;
    if (!InitOnceExecuteOnce(&once, once_fn, (void *)0x1230, &ctx)) return 1;
    return ctx == (void *)0x1230 ? 0 : 2;
}

static BOOL CALLBACK once_fail(INIT_ONCE *o, void *param, void **ctx)
{
    InterlockedIncrement(&once_calls);
    return FALSE;
}

static void test_init_once(void)
{
    HANDLE t[8];
    DWORD code;
    INIT_ONCE o2;
    BOOL pending;
    void *ctx;

    for (int i = 0; i < 8; i++) t[i] = start_thread(once_worker, NULL);
    for (int i = 0; i < 8; i++)
    {
        WaitForSingleObject(t[i], 10000);
        GetExitCodeThread(t[i], &code);
        ok(code == 0, "thread %d: %lu\n", i, code);
        CloseHandle(t[i]);
    }
    ok(once_calls == 1, "initializer ran %ld times\n", once_calls);

    once_calls = 0;
    InitOnceInitialize(&o2);
    ok(!InitOnceExecuteOnce(&o2, once_fail, NULL, NULL), "failing initializer reported success\n");
    ok(!InitOnceExecuteOnce(&o2, once_fail, NULL, NULL), "failing initializer reported success\n");
    ok(once_calls == 2, "a failed initialization was not retried (%ld)\n", once_calls);

    InitOnceInitialize(&o2);
    ok(InitOnceBeginInitialize(&o2, 0, &pending, &ctx), "InitOnceBeginInitialize failed\n");
    ok(pending, "not pending at first\n");
    ok(InitOnceComplete(&o2, 0, (void *)0x5670), "InitOnceComplete failed\n");
    ctx = NULL;
    ok(InitOnceBeginInitialize(&o2, 0, &pending, &ctx), "second InitOnceBeginInitialize failed\n");
    ok(!pending && ctx == (void *)0x5670, "pending %d ctx %p\n", pending, ctx);
    ok(InitOnceBeginInitialize(&o2, INIT_ONCE_CHECK_ONLY, &pending, &ctx) && !pending, "check only\n");
}

/* --- WaitOnAddress ------------------------------------------------------------ */

static BOOL (WINAPI *pWaitOnAddress)(volatile void *, void *, SIZE_T, DWORD);
static void (WINAPI *pWakeByAddressSingle)(void *);
static void (WINAPI *pWakeByAddressAll)(void *);
static volatile LONG address_value;

static DWORD WINAPI address_waiter(void *p)
{
    LONG zero = 0;
    while (address_value == 0) pWaitOnAddress(&address_value, &zero, sizeof(zero), INFINITE);
    return address_value;
}

static void test_wait_on_address(void)
{
    /* WaitOnAddress lives in the synch API set (kernelbase on Windows) */
    HMODULE mod = LoadLibraryA("api-ms-win-core-synch-l1-2-0.dll");
    DWORD code;
    LONG v = 7;
    if (!mod) { skip("no api-ms-win-core-synch-l1-2-0.dll\n"); return; }
    pWaitOnAddress = (void *)GetProcAddress(mod, "WaitOnAddress");
    pWakeByAddressSingle = (void *)GetProcAddress(mod, "WakeByAddressSingle");
    pWakeByAddressAll = (void *)GetProcAddress(mod, "WakeByAddressAll");
    ok(pWaitOnAddress && pWakeByAddressSingle && pWakeByAddressAll, "WaitOnAddress functions missing\n");
    if (!pWaitOnAddress || !pWakeByAddressSingle || !pWakeByAddressAll) return;

    ok(pWaitOnAddress(&v, &(LONG){ 8 }, sizeof(v), INFINITE), "different value did not return at once\n");
    SetLastError(0xdeadbeef);
    ok(!pWaitOnAddress(&v, &(LONG){ 7 }, sizeof(v), 10), "equal value did not time out\n");
    ok(GetLastError() == ERROR_TIMEOUT, "error %lu\n", GetLastError());

    HANDLE t = start_thread(address_waiter, NULL);
    Sleep(10);
    InterlockedExchange(&address_value, 5);
    pWakeByAddressSingle((void *)&address_value);
    for (int i = 0; i < 1000 && WaitForSingleObject(t, 10) == WAIT_TIMEOUT; i++)
        pWakeByAddressAll((void *)&address_value);
    GetExitCodeThread(t, &code);
    ok(code == 5, "waiter saw %lu\n", code);
    CloseHandle(t);
}

/* --- SList --------------------------------------------------------------- */

struct item { SLIST_ENTRY entry; int value; };

static SLIST_HEADER *shared_list;

static DWORD WINAPI slist_worker(void *p)
{
    struct item *items = p;
    for (int round = 0; round < 2000; round++)
    {
        for (int i = 0; i < 4; i++) InterlockedPushEntrySList(shared_list, &items[i].entry);
        for (int i = 0; i < 4; i++) if (!InterlockedPopEntrySList(shared_list)) return 1;
    }
    return 0;
}

static void test_slist(void)
{
    SLIST_HEADER *head = _aligned_malloc(sizeof(*head), MEMORY_ALLOCATION_ALIGNMENT);
    struct item *items = _aligned_malloc(12 * sizeof(*items), MEMORY_ALLOCATION_ALIGNMENT);
    HANDLE t[2];
    DWORD code;

    InitializeSListHead(head);
    ok(QueryDepthSList(head) == 0, "new list not empty\n");
    ok(InterlockedPopEntrySList(head) == NULL, "pop from an empty list\n");
    for (int i = 0; i < 3; i++)
    {
        items[i].value = i;
        SLIST_ENTRY *prev = InterlockedPushEntrySList(head, &items[i].entry);
        ok(prev == (i ? &items[i - 1].entry : NULL), "push %d returned %p\n", i, prev);
    }
    ok(QueryDepthSList(head) == 3, "depth %u\n", QueryDepthSList(head));
    ok(InterlockedPopEntrySList(head) == &items[2].entry, "not last in first out\n");
    ok(QueryDepthSList(head) == 2, "depth %u\n", QueryDepthSList(head));
    SLIST_ENTRY *all = InterlockedFlushSList(head);
    ok(all == &items[1].entry && all->Next == &items[0].entry, "flush returned %p\n", all);
    ok(QueryDepthSList(head) == 0 && !InterlockedPopEntrySList(head), "list not empty after flush\n");

    for (int i = 0; i < 3; i++) items[i].entry.Next = i < 2 ? &items[i + 1].entry : NULL;
    ok(InterlockedPushListSListEx(head, &items[0].entry, &items[2].entry, 3) == NULL, "push list\n");
    ok(QueryDepthSList(head) == 3, "depth %u after pushing a list\n", QueryDepthSList(head));
    ok(InterlockedPopEntrySList(head) == &items[0].entry, "list head not first\n");
    ok(InterlockedFlushSList(head) == &items[1].entry, "rest of the list\n");

    shared_list = head;
    for (int i = 0; i < 2; i++) t[i] = start_thread(slist_worker, items + 4 + 4 * i);
    for (int i = 0; i < 2; i++)
    {
        WaitForSingleObject(t[i], 10000);
        GetExitCodeThread(t[i], &code);
        ok(code == 0, "worker %d found the list empty\n", i);
        CloseHandle(t[i]);
    }
    ok(QueryDepthSList(head) == 0, "depth %u after balanced pushes and pops\n", QueryDepthSList(head));
    _aligned_free(items);
    _aligned_free(head);
}

int main(void)
{
    test_start("kernel32:sync");
    test_event_basics();
    test_pulse(TRUE);
    test_pulse(FALSE);
    test_auto_one_waiter();
    test_named();
    test_mutex();
    test_semaphore();
    test_multiple();
    test_wake();
    test_signal_and_wait();
    test_srw();
    test_condition_variable();
    test_init_once();
    test_wait_on_address();
    test_slist();
    return test_summary();
}
