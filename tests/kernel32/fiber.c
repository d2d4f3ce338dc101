/* tests/kernel32/fiber.c — fibers: conversion, creation, switching back and
   forth, fiber data, per-fiber FLS, deletion, exceptions on a fiber's stack */
#include <windows.h>
#include "test.h"

static void *main_fiber, *fiber_a, *fiber_b;
static int trace[16], ntrace;
static DWORD fls_index;
static LONG fls_callbacks;
static void *fls_last;

static void WINAPI fls_cb(void *value)
{
    InterlockedIncrement(&fls_callbacks);
    fls_last = value;
}

static LONG CALLBACK skip_int3(EXCEPTION_POINTERS *ep)
{
    if (ep->ExceptionRecord->ExceptionCode != EXCEPTION_BREAKPOINT) return EXCEPTION_CONTINUE_SEARCH;
    ep->ContextRecord->Rip++;   /* past the int3 */
    return EXCEPTION_CONTINUE_EXECUTION;
}

static void WINAPI fiber_proc(void *param)
{
    int id = (int)(INT_PTR)param;
    volatile double d = id * 1.5;   /* floating point state survives switches */

    ok(GetFiberData() == param, "fiber %d: data %p\n", id, GetFiberData());
    ok(GetCurrentFiber() == (id == 1 ? fiber_a : fiber_b), "fiber %d: wrong current fiber\n", id);
    ok(IsThreadAFiber(), "fiber %d: not a fiber\n", id);
    /* each fiber has its own fiber local storage */
    ok(FlsGetValue(fls_index) == NULL, "fiber %d starts with FLS %p\n", id, FlsGetValue(fls_index));
    FlsSetValue(fls_index, (void *)(INT_PTR)(0x100 + id));

    for (int round = 0; round < 3; round++)
    {
        trace[ntrace++] = id * 10 + round;
        /* an exception raised and handled on this fiber's stack */
        __debugbreak();
        SwitchToFiber(id == 1 ? fiber_b : main_fiber);
        ok(FlsGetValue(fls_index) == (void *)(INT_PTR)(0x100 + id), "fiber %d: FLS now %p\n", id, FlsGetValue(fls_index));
    }
    ok(d == id * 1.5, "fiber %d: a floating point local changed\n", id);
    SwitchToFiber(main_fiber);
    ok(0, "a finished fiber was resumed\n");
}

int main(void)
{
    void *handler = AddVectoredExceptionHandler(1, skip_int3);
    static const int expect[] = { 10, 20, 11, 21, 12, 22 };

    ok(!IsThreadAFiber(), "a plain thread is a fiber\n");
    fls_index = FlsAlloc(fls_cb);
    FlsSetValue(fls_index, (void *)0x55);

    main_fiber = ConvertThreadToFiber((void *)0x1234);
    ok(main_fiber != NULL, "ConvertThreadToFiber failed %lu\n", GetLastError());
    ok(IsThreadAFiber(), "not a fiber after ConvertThreadToFiber\n");
    ok(GetFiberData() == (void *)0x1234, "main fiber data %p\n", GetFiberData());
    ok(FlsGetValue(fls_index) == (void *)0x55, "the thread's FLS went with the conversion: %p\n", FlsGetValue(fls_index));
    SetLastError(0xdeadbeef);
    ok(!ConvertThreadToFiber(NULL), "converted twice\n");
    ok(GetLastError() == ERROR_ALREADY_FIBER, "error %lu\n", GetLastError());

    fiber_a = CreateFiber(0, fiber_proc, (void *)1);
    fiber_b = CreateFiberEx(16384, 65536, FIBER_FLAG_FLOAT_SWITCH, fiber_proc, (void *)2);
    ok(fiber_a && fiber_b, "CreateFiber failed %lu\n", GetLastError());

    /* main -> a -> b -> main, three rounds */
    for (int round = 0; round < 3; round++) SwitchToFiber(fiber_a);
    ok(ntrace == 6, "%d steps\n", ntrace);
    for (int i = 0; i < 6 && i < ntrace; i++) ok(trace[i] == expect[i], "step %d: %d, want %d\n", i, trace[i], expect[i]);
    ok(GetCurrentFiber() == main_fiber, "back in the wrong fiber\n");
    ok(FlsGetValue(fls_index) == (void *)0x55, "main fiber's FLS now %p\n", FlsGetValue(fls_index));

    /* let both finish their loops; then deleting them runs their FLS callbacks */
    SwitchToFiber(fiber_a);
    SwitchToFiber(fiber_b);
    fls_callbacks = 0;
    DeleteFiber(fiber_a);
    ok(fls_callbacks == 1 && fls_last == (void *)0x101, "DeleteFiber: %ld callbacks, last %p\n", fls_callbacks, fls_last);
    DeleteFiber(fiber_b);
    ok(fls_callbacks == 2 && fls_last == (void *)0x102, "DeleteFiber: %ld callbacks, last %p\n", fls_callbacks, fls_last);

    ok(ConvertFiberToThread(), "ConvertFiberToThread failed %lu\n", GetLastError());
    ok(!IsThreadAFiber(), "still a fiber\n");
    /* Windows refuses a thread that is no fiber (ERROR_ALREADY_THREAD);
       Wine 8.0 does not check */
    SetLastError(0xdeadbeef);
    todo_wine(!ConvertFiberToThread(), "converted back twice\n");
    todo_wine(GetLastError() == ERROR_ALREADY_THREAD, "error %lu\n", GetLastError());
    RemoveVectoredExceptionHandler(handler);
    return test_summary();
}
