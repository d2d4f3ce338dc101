/*
 * tests/kernel32/suspendsys.c — suspending a thread that is inside a system
 * call. Windows suspends a thread only on its way back to user mode (or
 * parks it in a kernel wait), never while it holds a kernel lock, so the
 * suspender can go on making system calls of its own. The Go runtime
 * depends on it: it suspends threads at any moment to preempt them, then
 * reads their context, creates events, waits, and resumes them.
 */
#include "test.h"

#define ROUNDS 3000

static volatile LONG stop;
static HANDLE shared_event;

/* system calls back to back: most of its time is spent inside them */
static DWORD WINAPI busy_in_syscalls(void *arg)
{
    (void)arg;
    while (!stop)
    {
        HANDLE dup, e = CreateEventW(NULL, FALSE, FALSE, NULL);
        if (e) CloseHandle(e);
        SetEvent(shared_event);
        ResetEvent(shared_event);
        if (DuplicateHandle(GetCurrentProcess(), shared_event, GetCurrentProcess(), &dup, 0, FALSE,
                            DUPLICATE_SAME_ACCESS))
            CloseHandle(dup);
    }
    return 0;
}

/* what failed, by call: SuspendThread, GetThreadContext, CreateEvent,
   the wait, ResumeThread */
static LONG failures, failed[5];
static const char *const call_names[5] = { "SuspendThread", "GetThreadContext", "CreateEventW",
                                           "WaitForSingleObject", "ResumeThread" };

static void failed_call(int which)
{
    InterlockedIncrement(&failures);
    InterlockedIncrement(&failed[which]);
}

/* suspends the busy thread again and again and, while it is suspended,
   makes system calls that need what the busy one uses */
static DWORD WINAPI suspender(void *arg)
{
    HANDLE busy = arg;
    for (int i = 0; i < ROUNDS; i++)
    {
        CONTEXT ctx;
        if (SuspendThread(busy) == (DWORD)-1) { failed_call(0); break; }
        memset(&ctx, 0, sizeof(ctx));
        ctx.ContextFlags = CONTEXT_CONTROL;
        if (!GetThreadContext(busy, &ctx) || !ctx.Rsp)
        {
            failed_call(1);
            printf("GetThreadContext: error %lu, rsp %p, rip %p\n", GetLastError(), (void *)ctx.Rsp, (void *)ctx.Rip);
        }
        HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
        if (!e) failed_call(2);
        else
        {
            SetEvent(e);
            if (WaitForSingleObject(e, 0) != WAIT_OBJECT_0) failed_call(3);
            CloseHandle(e);
        }
        DWORD prev = ResumeThread(busy);
        if (prev != 1) { failed_call(4); printf("ResumeThread gave %lu (error %lu)\n", prev, GetLastError()); }
    }
    return 0;
}

static void test_suspend_inside_syscalls(void)
{
    shared_event = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE busy = CreateThread(NULL, 0, busy_in_syscalls, NULL, 0, NULL);
    HANDLE s = CreateThread(NULL, 0, suspender, busy, 0, NULL);
    ok(busy && s, "CreateThread failed\n");
    /* a deadlock must fail the test, not hang it */
    DWORD r = WaitForSingleObject(s, 60000);
    ok(r == WAIT_OBJECT_0, "the suspender is stuck (%lu): a thread was suspended holding a lock\n", r);
    if (r != WAIT_OBJECT_0)
    {
        test_summary();
        ExitProcess(1);
    }
    ok(!failures, "%ld calls failed while the other thread was suspended\n", failures);
    for (int i = 0; i < 5; i++) if (failed[i]) printf("  %s failed %ld times\n", call_names[i], failed[i]);
    stop = 1;
    ok(WaitForSingleObject(busy, 10000) == WAIT_OBJECT_0, "the busy thread did not end\n");
    CloseHandle(s);
    CloseHandle(busy);
    CloseHandle(shared_event);
}

int main(int argc, char **argv)
{
    (void)argc; (void)argv;
    test_start("kernel32:suspendsys");
    test_suspend_inside_syscalls();
    return test_summary();
}
