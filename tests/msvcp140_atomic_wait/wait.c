/*
 * tests/msvcp140_atomic_wait/wait.c — msvcp140_atomic_wait.dll, the
 * satellite MSVC's C++20 headers call for std::atomic::wait/notify (and
 * so std::latch, std::barrier, semaphores), the parallel algorithms' thread
 * pool and per-object shared mutexes: direct waits (1-8 bytes, compared by
 * value) and indirect ones (the caller's callback compares), timeouts,
 * deadlines, a wake from another thread, the mutex table, 128-bit
 * compare-exchange, thread-pool work submitted in bulk, shared mutexes per
 * instance. Reached through GetProcAddress, as mingw has no import library.
 */
#include "test.h"

#define NO_DEADLINE (~0ULL)

static BOOL (WINAPI *p_wait_direct)(const volatile void *, void *, SIZE_T, DWORD);
static void (WINAPI *p_notify_one_direct)(const void *);
static void (WINAPI *p_notify_all_direct)(const void *);
static BOOL (WINAPI *p_wait_indirect)(const void *, void *, SIZE_T, void *,
                                      BOOLEAN (WINAPI *)(const void *, void *, SIZE_T, void *), DWORD);
static void (WINAPI *p_notify_all_indirect)(const void *);
static ULONGLONG (WINAPI *p_get_deadline)(ULONGLONG);
static DWORD (WINAPI *p_get_remaining)(ULONGLONG);
static void *(WINAPI *p_get_mutex)(const void *);
static char (WINAPI *p_has_cmpxchg16b)(void);
static unsigned char (WINAPI *p_cmpxchg128)(LONGLONG *, LONGLONG, LONGLONG, LONGLONG *);
static unsigned int (WINAPI *p_hw_threads)(void);
static PTP_WORK (WINAPI *p_create_work)(PTP_WORK_CALLBACK, void *, PTP_CALLBACK_ENVIRON);
static void (WINAPI *p_bulk_submit)(PTP_WORK, SIZE_T);
static void (WINAPI *p_submit)(PTP_WORK);
static void (WINAPI *p_wait_work)(PTP_WORK, BOOL);
static void (WINAPI *p_close_work)(PTP_WORK);
static void (WINAPI *p_wait_on_uchar)(const volatile unsigned char *, unsigned char);
static void (WINAPI *p_wake_all)(const volatile void *);
static void *(WINAPI *p_acquire_instance)(void *);
static void (WINAPI *p_release_instance)(void *);

static volatile LONG value;
static volatile LONG callbacks;

static DWORD WINAPI setter(void *arg)
{
    (void)arg;
    InterlockedExchange(&value, 2);
    p_notify_all_direct((const void *)&value);
    return 0;
}

static void test_direct(void)
{
    LONG cmp = 1;
    HANDLE thread;

    value = 5;
    ok(p_wait_direct(&value, &cmp, sizeof(cmp), INFINITE), "a value that differs: no wait\n");
    value = 1;
    SetLastError(0xdeadbeef);
    ok(!p_wait_direct(&value, &cmp, sizeof(cmp), 0) && GetLastError() == ERROR_TIMEOUT,
       "an equal value and no time: FALSE, ERROR_TIMEOUT (error %lu)\n", GetLastError());

    /* woken by another thread's notify once it changed the value */
    thread = CreateThread(NULL, 0, setter, NULL, 0, NULL);
    while (value == 1) p_wait_direct(&value, &cmp, sizeof(cmp), INFINITE);
    ok(value == 2, "the wait ends with the new value\n");
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    p_notify_one_direct((const void *)&value);   /* nobody waiting: nothing happens */
}

static BOOLEAN WINAPI equal_bytes(const void *storage, void *comparand, SIZE_T size, void *param)
{
    InterlockedIncrement(&callbacks);
    ok(param == (void *)0x1234, "the callback gets the parameter\n");
    return !memcmp(storage, comparand, size);
}

static void test_indirect(void)
{
    char big[24] = "twenty-four bytes long!", cmp[24];

    if (test_is("wine"))
    {
        skip("__std_atomic_wait_indirect: Wine 8 only stubs it\n");
        return;
    }
    memcpy(cmp, big, sizeof(cmp));
    callbacks = 0;
    SetLastError(0xdeadbeef);
    ok(!p_wait_indirect(big, cmp, sizeof(big), (void *)0x1234, equal_bytes, 0) && GetLastError() == ERROR_TIMEOUT,
       "equal through the callback and no time: FALSE, ERROR_TIMEOUT (%lu)\n", GetLastError());
    ok(callbacks >= 1, "the callback compared (%ld)\n", callbacks);
    cmp[0] = 'X';
    ok(p_wait_indirect(big, cmp, sizeof(big), (void *)0x1234, equal_bytes, INFINITE), "different: no wait\n");
    p_notify_all_indirect(big);
}

static void test_deadlines(void)
{
    ULONGLONG d;

    if (test_is("wine"))
    {
        skip("deadlines: Wine 8 only stubs __std_atomic_wait_get_deadline\n");
        return;
    }
    ok(p_get_deadline(NO_DEADLINE) == NO_DEADLINE, "no timeout: no deadline\n");
    ok(p_get_remaining(NO_DEADLINE) == INFINITE, "no deadline: INFINITE remains\n");
    d = p_get_deadline(0);
    ok(p_get_remaining(d) == 0, "a deadline now: nothing remains\n");
    d = p_get_deadline(100000);
    ok(p_get_remaining(d) <= 100000 && p_get_remaining(d) > 0, "a deadline ahead: at most its timeout remains\n");
}

static void test_mutex_and_cas(void)
{
    static int a, b;
    LONGLONG data[2] __attribute__((aligned(16))) = { 1, 2 };
    LONGLONG cmp[2] = { 1, 2 };
    SRWLOCK *lock;

    if (test_is("wine"))
    {
        skip("the mutex table and cmpxchg16b: Wine 8 only stubs them\n");
        return;
    }
    lock = p_get_mutex(&a);
    ok(lock != NULL && lock == p_get_mutex(&a), "one mutex per address\n");
    AcquireSRWLockExclusive(lock);
    ReleaseSRWLockExclusive(lock);
    (void)b;

    ok(p_has_cmpxchg16b() == 1, "cmpxchg16b\n");
    ok(p_cmpxchg128(data, 20, 10, cmp) == 1 && data[0] == 10 && data[1] == 20, "equal: replaced (low, high)\n");
    cmp[0] = 7; cmp[1] = 7;
    ok(p_cmpxchg128(data, 99, 99, cmp) == 0 && cmp[0] == 10 && cmp[1] == 20 && data[0] == 10,
       "different: not replaced, the comparand gets the value\n");
}

static void CALLBACK work_cb(PTP_CALLBACK_INSTANCE inst, void *context, PTP_WORK work)
{
    (void)inst; (void)work;
    InterlockedIncrement((LONG *)context);
}

static void test_pool(void)
{
    SYSTEM_INFO si;
    LONG count = 0;
    PTP_WORK work;

    GetNativeSystemInfo(&si);
    ok(p_hw_threads() == si.dwNumberOfProcessors, "hardware threads: %u\n", p_hw_threads());
    work = p_create_work(work_cb, &count, NULL);
    ok(work != NULL, "work created\n");
    if (!work) return;
    p_bulk_submit(work, 5);
    p_submit(work);
    p_wait_work(work, FALSE);
    ok(count == 6, "six callbacks ran (%ld)\n", count);
    p_close_work(work);

    if (test_is("wine")) skip("__std_execution_wait_on_uchar: Wine 8 only stubs it\n");
    else
    {
        unsigned char flag = 1;
        p_wait_on_uchar(&flag, 0);             /* differs: returns at once */
        p_wake_all(&flag);
        ok(1, "__std_execution_wait_on_uchar on a byte that differs\n");
    }
}

static void test_instances(void)
{
    static int instance;
    SRWLOCK *m1, *m2;

    if (test_is("wine")) { skip("shared mutexes per instance: Wine 8 only stubs them\n"); return; }
    m1 = p_acquire_instance(&instance);
    m2 = p_acquire_instance(&instance);
    ok(m1 && m1 == m2, "one shared mutex per instance while acquired\n");
    AcquireSRWLockShared(m1);
    ReleaseSRWLockShared(m1);
    p_release_instance(&instance);
    p_release_instance(&instance);
}

int main(void)
{
    HMODULE dll = LoadLibraryA("msvcp140_atomic_wait.dll");

    test_start("msvcp140_atomic_wait:wait");
    if (!dll)
    {
        skip("no msvcp140_atomic_wait.dll\n");
        return test_summary();
    }
#define GET(p, name) (p = (void *)GetProcAddress(dll, name))
    GET(p_wait_direct, "__std_atomic_wait_direct");
    GET(p_notify_one_direct, "__std_atomic_notify_one_direct");
    GET(p_notify_all_direct, "__std_atomic_notify_all_direct");
    GET(p_wait_indirect, "__std_atomic_wait_indirect");
    GET(p_notify_all_indirect, "__std_atomic_notify_all_indirect");
    GET(p_get_deadline, "__std_atomic_wait_get_deadline");
    GET(p_get_remaining, "__std_atomic_wait_get_remaining_timeout");
    GET(p_get_mutex, "__std_atomic_get_mutex");
    GET(p_has_cmpxchg16b, "__std_atomic_has_cmpxchg16b");
    GET(p_cmpxchg128, "__std_atomic_compare_exchange_128");
    GET(p_hw_threads, "__std_parallel_algorithms_hw_threads");
    GET(p_create_work, "__std_create_threadpool_work");
    GET(p_bulk_submit, "__std_bulk_submit_threadpool_work");
    GET(p_submit, "__std_submit_threadpool_work");
    GET(p_wait_work, "__std_wait_for_threadpool_work_callbacks");
    GET(p_close_work, "__std_close_threadpool_work");
    GET(p_wait_on_uchar, "__std_execution_wait_on_uchar");
    GET(p_wake_all, "__std_execution_wake_by_address_all");
    GET(p_acquire_instance, "__std_acquire_shared_mutex_for_instance");
    GET(p_release_instance, "__std_release_shared_mutex_for_instance");

    test_direct();
    test_indirect();
    test_deadlines();
    test_mutex_and_cas();
    test_pool();
    test_instances();
    return test_summary();
}
