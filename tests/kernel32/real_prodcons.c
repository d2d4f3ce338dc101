/*
 * tests/kernel32/real_prodcons.c — producers and consumers as real programs
 * write them: a bounded ring guarded by two counting semaphores and a
 * critical section; the same ring with a condition variable over an SRW
 * lock; and a mutex-guarded queue whose consumers wait on "work" and
 * "stop" events with WaitForMultipleObjects. Several producers and
 * consumers each time; every item is consumed exactly once and the sums
 * come out exact.
 */
#include "../test.h"

#define PRODUCERS 3
#define CONSUMERS 3
#define PER_PRODUCER 1000
#define RING 16
#define TOTAL (PRODUCERS * PER_PRODUCER)

/* item p * PER_PRODUCER + i + 1: never 0, 0 ends a consumer */
struct ring {
    LONG items[RING];
    int head, tail, count;
    LONG seen[TOTAL + 1];        /* how often each item was consumed */
    LONG64 sum;
};

static struct ring ring;

static void reset_ring(void)
{
    memset(&ring, 0, sizeof(ring));
}

static void consumed(LONG item)
{
    InterlockedIncrement(&ring.seen[item]);
    InterlockedAdd64(&ring.sum, item);
}

static void check_ring(const char *what)
{
    int missing = 0, twice = 0;
    for (int i = 1; i <= TOTAL; i++)
    {
        if (!ring.seen[i]) missing++;
        if (ring.seen[i] > 1) twice++;
    }
    ok(!missing && !twice, "%s: %d items lost, %d consumed twice\n", what, missing, twice);
    ok(ring.sum == (LONG64)TOTAL * (TOTAL + 1) / 2, "%s: sum %I64d\n", what, ring.sum);
}

static int run_threads(LPTHREAD_START_ROUTINE producer, LPTHREAD_START_ROUTINE consumer, void (*stop)(void))
{
    HANDLE prod[PRODUCERS], cons[CONSUMERS];
    for (int i = 0; i < CONSUMERS; i++) cons[i] = CreateThread(NULL, 0, consumer, NULL, 0, NULL);
    for (int i = 0; i < PRODUCERS; i++) prod[i] = CreateThread(NULL, 0, producer, (void *)(ULONG_PTR)i, 0, NULL);
    int good = WaitForMultipleObjects(PRODUCERS, prod, TRUE, 20000) == WAIT_OBJECT_0;
    stop();
    good &= WaitForMultipleObjects(CONSUMERS, cons, TRUE, 20000) == WAIT_OBJECT_0;
    for (int i = 0; i < PRODUCERS; i++) CloseHandle(prod[i]);
    for (int i = 0; i < CONSUMERS; i++) CloseHandle(cons[i]);
    return good;
}

/* the ring's producers put their items with put_item, then 0 once per
   consumer to end it */
static void (*put_item)(LONG item);

static DWORD WINAPI ring_producer(void *arg)
{
    int p = (int)(ULONG_PTR)arg;
    for (int i = 0; i < PER_PRODUCER; i++) put_item(p * PER_PRODUCER + i + 1);
    return 0;
}

static void ring_stop(void)
{
    for (int i = 0; i < CONSUMERS; i++) put_item(0);
}

/* --- semaphores and a critical section ------------------------------------------- */

static HANDLE sem_free, sem_used;
static CRITICAL_SECTION ring_cs;

static void sem_put(LONG item)
{
    WaitForSingleObject(sem_free, INFINITE);
    EnterCriticalSection(&ring_cs);
    ring.items[ring.tail] = item;
    ring.tail = (ring.tail + 1) % RING;
    LeaveCriticalSection(&ring_cs);
    ReleaseSemaphore(sem_used, 1, NULL);
}

static DWORD WINAPI sem_consumer(void *arg)
{
    (void)arg;
    for (;;)
    {
        if (WaitForSingleObject(sem_used, 20000) != WAIT_OBJECT_0) return 1;
        EnterCriticalSection(&ring_cs);
        LONG item = ring.items[ring.head];
        ring.head = (ring.head + 1) % RING;
        LeaveCriticalSection(&ring_cs);
        ReleaseSemaphore(sem_free, 1, NULL);
        if (!item) return 0;
        consumed(item);
    }
}

static void test_semaphores(void)
{
    LONG prev = -1;
    reset_ring();
    InitializeCriticalSectionAndSpinCount(&ring_cs, 4000);
    sem_free = CreateSemaphoreW(NULL, RING, RING, NULL);
    sem_used = CreateSemaphoreW(NULL, 0, RING, NULL);
    put_item = sem_put;
    ok(run_threads(ring_producer, sem_consumer, ring_stop), "semaphores: the threads did not end\n");
    check_ring("semaphores");
    /* the ring is empty again: all its slots are free */
    ok(!ReleaseSemaphore(sem_free, 1, &prev) && GetLastError() == ERROR_TOO_MANY_POSTS,
       "the free count was not at its maximum (%ld)\n", prev);
    ok(WaitForSingleObject(sem_used, 0) == WAIT_TIMEOUT, "an item was left\n");
    CloseHandle(sem_free);
    CloseHandle(sem_used);
    DeleteCriticalSection(&ring_cs);
}

/* --- a condition variable over an SRW lock ---------------------------------------- */

static SRWLOCK cv_lock = SRWLOCK_INIT;
static CONDITION_VARIABLE not_full = CONDITION_VARIABLE_INIT, not_empty = CONDITION_VARIABLE_INIT;

static void cv_put(LONG item)
{
    AcquireSRWLockExclusive(&cv_lock);
    while (ring.count == RING) SleepConditionVariableSRW(&not_full, &cv_lock, INFINITE, 0);
    ring.items[ring.tail] = item;
    ring.tail = (ring.tail + 1) % RING;
    ring.count++;
    ReleaseSRWLockExclusive(&cv_lock);
    WakeConditionVariable(&not_empty);
}

static DWORD WINAPI cv_consumer(void *arg)
{
    (void)arg;
    for (;;)
    {
        AcquireSRWLockExclusive(&cv_lock);
        while (!ring.count)
            if (!SleepConditionVariableSRW(&not_empty, &cv_lock, 20000, 0))
            {
                ReleaseSRWLockExclusive(&cv_lock);
                return 1;
            }
        LONG item = ring.items[ring.head];
        ring.head = (ring.head + 1) % RING;
        ring.count--;
        ReleaseSRWLockExclusive(&cv_lock);
        WakeConditionVariable(&not_full);
        if (!item) return 0;
        consumed(item);
    }
}

static void test_condition_variable(void)
{
    reset_ring();
    put_item = cv_put;
    ok(run_threads(ring_producer, cv_consumer, ring_stop), "condition variable: the threads did not end\n");
    check_ring("condition variable");
    ok(ring.count == 0, "%d items left\n", ring.count);
}

/* --- a mutex, a "work" semaphore and a "stop" event --------------------------------- */

static HANDLE q_mutex, q_work, q_stop;
static LONG q_items[TOTAL];
static int q_len;

static DWORD WINAPI mx_producer(void *arg)
{
    int p = (int)(ULONG_PTR)arg;
    for (int i = 0; i < PER_PRODUCER; i++)
    {
        if (WaitForSingleObject(q_mutex, 20000) != WAIT_OBJECT_0) return 1;
        q_items[q_len++] = p * PER_PRODUCER + i + 1;
        ReleaseMutex(q_mutex);
        ReleaseSemaphore(q_work, 1, NULL);
    }
    return 0;
}

/* takes work while there is some; ends on "stop" once the queue is empty
   (WaitForMultipleObjects picks the lowest signaled index: work first) */
static DWORD WINAPI mx_consumer(void *arg)
{
    HANDLE objs[2] = { q_work, q_stop };
    (void)arg;
    for (;;)
    {
        DWORD r = WaitForMultipleObjects(2, objs, FALSE, 20000);
        if (r == WAIT_OBJECT_0 + 1) return 0;
        if (r != WAIT_OBJECT_0) return 1;
        WaitForSingleObject(q_mutex, INFINITE);
        LONG item = q_len ? q_items[--q_len] : 0;
        ReleaseMutex(q_mutex);
        if (item) consumed(item);
    }
}

static void mx_stop(void)
{
    SetEvent(q_stop);
}

static void test_mutex_events(void)
{
    reset_ring();
    q_mutex = CreateMutexW(NULL, FALSE, NULL);
    q_work = CreateSemaphoreW(NULL, 0, TOTAL, NULL);
    q_stop = CreateEventW(NULL, TRUE, FALSE, NULL);
    ok(run_threads(mx_producer, mx_consumer, mx_stop), "mutex and events: the threads did not end\n");
    check_ring("mutex and events");
    ok(q_len == 0, "%d items left\n", q_len);
    SetLastError(0xdeadbeef);
    ok(!ReleaseMutex(q_mutex) && GetLastError() == ERROR_NOT_OWNER, "ReleaseMutex by a non-owner: %lu\n",
       GetLastError());
    CloseHandle(q_mutex);
    CloseHandle(q_work);
    CloseHandle(q_stop);
}

int main(void)
{
    test_semaphores();
    test_condition_variable();
    test_mutex_events();
    return test_summary();
}
