/* tests/kernel32/fls.c — fiber local storage: slots, values per thread, and
   the callbacks that run on a thread's end and on FlsFree */
#include <windows.h>
#include "test.h"

static LONG callback_calls;
static void *last_value;
static DWORD callback_thread;

static void WINAPI fls_callback(void *value)
{
    InterlockedIncrement(&callback_calls);
    last_value = value;
    callback_thread = GetCurrentThreadId();
}

static DWORD index_for_thread;

static DWORD WINAPI thread_sets_value(void *arg)
{
    ok(FlsGetValue(index_for_thread) == NULL, "a new thread starts with %p\n", FlsGetValue(index_for_thread));
    ok(FlsSetValue(index_for_thread, arg), "FlsSetValue failed %lu\n", GetLastError());
    ok(FlsGetValue(index_for_thread) == arg, "value %p\n", FlsGetValue(index_for_thread));
    return GetCurrentThreadId();
}

static void test_basics(void)
{
    DWORD a = FlsAlloc(NULL), b = FlsAlloc(NULL);
    ok(a != FLS_OUT_OF_INDEXES && b != FLS_OUT_OF_INDEXES && a != b, "indexes %lu %lu\n", a, b);
    SetLastError(0xdeadbeef);
    ok(FlsGetValue(a) == NULL, "fresh slot holds %p\n", FlsGetValue(a));
    ok(GetLastError() == ERROR_SUCCESS, "error %lu\n", GetLastError());
    ok(FlsSetValue(a, (void *)0x1234) && FlsSetValue(b, (void *)0x5678), "FlsSetValue failed\n");
    ok(FlsGetValue(a) == (void *)0x1234 && FlsGetValue(b) == (void *)0x5678, "values %p %p\n", FlsGetValue(a), FlsGetValue(b));
    ok(FlsFree(a), "FlsFree failed %lu\n", GetLastError());
    ok(FlsFree(b), "FlsFree failed %lu\n", GetLastError());

    /* a freed or never-allocated index */
    SetLastError(0xdeadbeef);
    ok(!FlsFree(a), "freeing twice succeeded\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!FlsSetValue(0xffff, (void *)1), "an out-of-range index worked\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(FlsGetValue(0xffff) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
}

static void test_thread_end_callback(void)
{
    HANDLE thread;
    DWORD tid = 0;

    index_for_thread = FlsAlloc(fls_callback);
    ok(index_for_thread != FLS_OUT_OF_INDEXES, "FlsAlloc failed %lu\n", GetLastError());
    callback_calls = 0;
    thread = CreateThread(NULL, 0, thread_sets_value, (void *)0xabcd, 0, NULL);
    WaitForSingleObject(thread, INFINITE);
    GetExitCodeThread(thread, &tid);
    CloseHandle(thread);
    /* the value of the ended thread went to the callback, on that thread */
    ok(callback_calls == 1, "callback ran %ld times\n", callback_calls);
    ok(last_value == (void *)0xabcd, "callback got %p\n", last_value);
    ok(callback_thread == tid, "callback ran on thread %lx, not %lx\n", callback_thread, tid);
    /* the main thread's value is its own */
    ok(FlsGetValue(index_for_thread) == NULL, "main thread sees %p\n", FlsGetValue(index_for_thread));

    /* a thread whose value is NULL gets no callback */
    callback_calls = 0;
    thread = CreateThread(NULL, 0, thread_sets_value, NULL, 0, NULL);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    ok(callback_calls == 0, "callback ran %ld times for a NULL value\n", callback_calls);
    FlsFree(index_for_thread);
}

static void test_free_callback(void)
{
    DWORD index = FlsAlloc(fls_callback);
    callback_calls = 0;
    ok(FlsSetValue(index, (void *)0x77), "FlsSetValue failed\n");
    ok(FlsFree(index), "FlsFree failed %lu\n", GetLastError());
    /* freeing the slot hands the live value to the callback */
    ok(callback_calls == 1 && last_value == (void *)0x77, "calls %ld value %p\n", callback_calls, last_value);
    ok(callback_thread == GetCurrentThreadId(), "callback on thread %lx\n", callback_thread);
}

static void test_fiber_query(void)
{
    ok(!IsThreadAFiber(), "a plain thread is a fiber\n");
}

int main(void)
{
    test_basics();
    test_thread_end_callback();
    test_free_callback();
    test_fiber_query();
    return test_summary();
}
