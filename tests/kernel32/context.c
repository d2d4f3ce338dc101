/*
 * tests/kernel32/context.c — GetThreadContext/SetThreadContext on another,
 * suspended thread (how runtimes such as Go preempt their threads): the
 * context shows where the thread runs; a changed Rip sends it elsewhere.
 */
#include "test.h"

static volatile LONG spinning, stop;

static DWORD WINAPI __attribute__((noinline)) spin(void *arg)
{
    (void)arg;
    spinning = 1;
    while (!stop) __asm__ volatile ("pause");
    return 7;
}

static void __attribute__((noinline)) redirected(void)
{
    ExitThread(42);
}

static void test_get_set_context(void)
{
    HANDLE thread = CreateThread(NULL, 0, spin, NULL, 0, NULL);
    CONTEXT ctx;
    DWORD code = 0;

    ok(thread != NULL, "CreateThread failed\n");
    while (!spinning) Sleep(1);
    ok(SuspendThread(thread) == 0, "SuspendThread failed\n");
    memset(&ctx, 0, sizeof(ctx));
    ctx.ContextFlags = CONTEXT_FULL;
    ok(GetThreadContext(thread, &ctx), "GetThreadContext failed: %lu\n", GetLastError());
    /* the loop is a few bytes into spin(), far from its end */
    ok(ctx.Rip >= (DWORD64)spin && ctx.Rip < (DWORD64)spin + 0x80, "Rip %p, spin at %p\n", (void *)ctx.Rip, spin);
    ok(ctx.Rsp != 0 && !(ctx.Rsp & 7), "Rsp %p\n", (void *)ctx.Rsp);
    ok(ctx.SegCs == 0x33, "SegCs %#x\n", ctx.SegCs);

    /* send it to redirected() with an aligned stack as after a call */
    ctx.Rsp = (ctx.Rsp & ~15ULL) - 8;
    ctx.Rip = (DWORD64)redirected;
    ctx.ContextFlags = CONTEXT_CONTROL;
    ok(SetThreadContext(thread, &ctx), "SetThreadContext failed: %lu\n", GetLastError());
    ok(ResumeThread(thread) == 1, "ResumeThread failed\n");
    ok(WaitForSingleObject(thread, 10000) == WAIT_OBJECT_0, "thread did not end\n");
    ok(GetExitCodeThread(thread, &code) && code == 42, "exit code %lu (the new Rip was not taken)\n", code);
    stop = 1;
    CloseHandle(thread);
}

int main(int argc, char **argv)
{
    (void)argc; (void)argv;
    test_start("kernel32:context");
    test_get_set_context();
    return test_summary();
}
