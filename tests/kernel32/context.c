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

/* --- a thread inside a system call ------------------------------------------ */

static HANDLE wake_event;
static volatile LONG waiting, injected_calls, wait_results;
static volatile DWORD redirected_tid;
static volatile DWORD64 stack_mark;

/* blocks in the kernel until woken; each wait's result is counted */
static DWORD WINAPI __attribute__((noinline)) blocked_waiter(void *arg)
{
    volatile int mark;
    (void)arg;
    stack_mark = (DWORD64)&mark;
    for (;;)
    {
        waiting = 1;
        if (WaitForSingleObject(wake_event, INFINITE) == WAIT_OBJECT_0) InterlockedIncrement(&wait_results);
        if (wait_results >= 100) return 3;
    }
}

static void __attribute__((noinline)) redirected_from_wait(void)
{
    redirected_tid = GetCurrentThreadId();
    ExitThread(43);
}

/* Go's preemption: a call injected by pushing the old rip. The trampoline
   keeps every register and the flags, aligns the stack for the C part and
   returns where the thread was. */
void WINAPI __attribute__((used)) injected(void) { InterlockedIncrement(&injected_calls); }
extern void inject_trampoline(void);
__asm__ (".text\n"
         "inject_trampoline:\n\t"
         "pushfq\n\tpushq %rax\n\tpushq %rcx\n\tpushq %rdx\n\tpushq %r8\n\tpushq %r9\n\t"
         "pushq %r10\n\tpushq %r11\n\tpushq %rbp\n\tmovq %rsp, %rbp\n\t"
         "andq $-16, %rsp\n\tsubq $0x20, %rsp\n\tcall injected\n\t"
         "movq %rbp, %rsp\n\tpopq %rbp\n\tpopq %r11\n\tpopq %r10\n\tpopq %r9\n\tpopq %r8\n\t"
         "popq %rdx\n\tpopq %rcx\n\tpopq %rax\n\tpopfq\n\tret\n");

static int in_module(DWORD64 addr, const char *name)
{
    BYTE *base = (BYTE *)GetModuleHandleA(name);
    IMAGE_NT_HEADERS *nt = (IMAGE_NT_HEADERS *)(base + ((IMAGE_DOS_HEADER *)base)->e_lfanew);
    return addr >= (DWORD64)base && addr < (DWORD64)base + nt->OptionalHeader.SizeOfImage;
}

/* a thread that has gone to sleep in the kernel, suspended, its context read */
static HANDLE start_blocked_thread(CONTEXT *ctx)
{
    HANDLE thread;
    waiting = 0; wait_results = 0; stack_mark = 0;
    ResetEvent(wake_event);
    thread = CreateThread(NULL, 0, blocked_waiter, NULL, 0, NULL);
    while (!waiting) Sleep(1);
    Sleep(50);   /* not a check: only a chance for it to reach the wait */
    SuspendThread(thread);
    memset(ctx, 0, sizeof(*ctx));
    ctx->ContextFlags = CONTEXT_FULL;
    ok(GetThreadContext(thread, ctx), "GetThreadContext failed: %lu\n", GetLastError());
    return thread;
}

static void test_context_in_syscall(void)
{
    CONTEXT ctx;
    DWORD code = 0;
    HANDLE thread;

    wake_event = CreateEventA(NULL, FALSE, FALSE, NULL);

    /* Windows shows the user-mode state at the system call: rip in ntdll
       (after its syscall instruction), rsp on the thread's own stack */
    thread = start_blocked_thread(&ctx);
    ok(in_module(ctx.Rip, "ntdll.dll"), "Rip %p is not in ntdll\n", (void *)ctx.Rip);
    ok(ctx.Rsp < stack_mark && ctx.Rsp > stack_mark - 0x10000, "Rsp %p, thread's frame at %p\n",
       (void *)ctx.Rsp, (void *)stack_mark);
    /* a new context: the wait goes on (as on Windows, where the kernel only
       changes the user-mode state it returns to), then the thread runs there */
    ctx.Rsp = (ctx.Rsp & ~15ULL) - 8;
    ctx.Rip = (DWORD64)redirected_from_wait;
    ctx.ContextFlags = CONTEXT_CONTROL;
    ok(SetThreadContext(thread, &ctx), "SetThreadContext failed: %lu\n", GetLastError());
    ok(ResumeThread(thread) == 1, "ResumeThread failed\n");
    SetEvent(wake_event);
    ok(WaitForSingleObject(thread, 10000) == WAIT_OBJECT_0, "thread did not end\n");
    ok(GetExitCodeThread(thread, &code) && code == 43, "exit code %lu (the new Rip was not taken)\n", code);
    ok(redirected_tid == GetThreadId(thread), "ran on thread %lu, not %lu\n", redirected_tid, GetThreadId(thread));
    CloseHandle(thread);

    /* a call injected into the blocked thread runs when the wait returns,
       and the thread goes on with the wait's result as if nothing happened */
    thread = start_blocked_thread(&ctx);
    ok(in_module(ctx.Rip, "ntdll.dll"), "Rip %p is not in ntdll\n", (void *)ctx.Rip);
    ctx.Rsp -= 8;
    *(DWORD64 *)ctx.Rsp = ctx.Rip;
    ctx.Rip = (DWORD64)inject_trampoline;
    ctx.ContextFlags = CONTEXT_CONTROL;
    ok(SetThreadContext(thread, &ctx), "SetThreadContext failed: %lu\n", GetLastError());
    ResumeThread(thread);
    while (!wait_results) { SetEvent(wake_event); Sleep(1); }
    ok(injected_calls == 1, "injected call ran %ld times\n", injected_calls);
    ok(wait_results >= 1, "the wait did not return WAIT_OBJECT_0\n");
    TerminateThread(thread, 0);
    WaitForSingleObject(thread, 10000);
    CloseHandle(thread);
    CloseHandle(wake_event);
}

/* Go's way, many times over: a thread that alternates system calls and
   its own code gets calls injected wherever it stands; each runs once and
   the thread goes on unharmed */
static volatile LONG busy_stop, busy_running;
static volatile LONG64 busy_sum;

static DWORD WINAPI __attribute__((noinline)) busy_thread(void *arg)
{
    LONG64 sum = 0;
    (void)arg;
    do
    {
        for (int i = 0; i < 1000; i++) sum += i;
        busy_running = 1;
        SwitchToThread();
    } while (!busy_stop);
    busy_sum = sum;
    return 0;
}

static void test_repeated_injection(void)
{
    HANDLE thread = CreateThread(NULL, 0, busy_thread, NULL, 0, NULL);
    CONTEXT ctx;
    int injected_count = 0;

    injected_calls = 0;
    while (!busy_running) Sleep(1);
    for (int i = 0; i < 200; i++)
    {
        SuspendThread(thread);
        memset(&ctx, 0, sizeof(ctx));
        ctx.ContextFlags = CONTEXT_FULL;
        if (GetThreadContext(thread, &ctx) && ctx.Rsp)
        {
            ctx.Rsp -= 8;
            *(DWORD64 *)ctx.Rsp = ctx.Rip;
            ctx.Rip = (DWORD64)inject_trampoline;
            ctx.ContextFlags = CONTEXT_CONTROL;
            if (SetThreadContext(thread, &ctx)) injected_count++;
        }
        ResumeThread(thread);
        /* the next suspension must not catch the thread inside the last call */
        while (injected_calls < injected_count) SwitchToThread();
    }
    busy_stop = 1;
    ok(WaitForSingleObject(thread, 10000) == WAIT_OBJECT_0, "thread did not end\n");
    ok(injected_count == 200, "%d calls injected\n", injected_count);
    ok(injected_calls == injected_count, "%ld of %d injected calls ran\n", injected_calls, injected_count);
    ok(busy_sum > 0, "the thread's own work was lost\n");
    CloseHandle(thread);
}

/* a thread created suspended shows where it will begin: ntdll, with its
   start routine and parameter in rcx and rdx; a context set then is where
   it begins */
static DWORD WINAPI never_runs(void *arg)
{
    (void)arg;
    return 1;
}

static void test_unstarted_thread(void)
{
    HANDLE thread = CreateThread(NULL, 0, never_runs, (void *)0x1234, CREATE_SUSPENDED, NULL);
    CONTEXT ctx;
    DWORD code = 0;

    /* a CONTEXT that is no memory: an error, not a crash */
    SetLastError(0xdeadbeef);
    ok(!GetThreadContext(thread, (CONTEXT *)0x1000), "GetThreadContext took a bad pointer\n");
    ok(GetLastError() == ERROR_NOACCESS, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!SetThreadContext(thread, (CONTEXT *)0x1000), "SetThreadContext took a bad pointer\n");
    ok(GetLastError() == ERROR_NOACCESS, "error %lu\n", GetLastError());

    memset(&ctx, 0, sizeof(ctx));
    ctx.ContextFlags = CONTEXT_FULL;
    ok(GetThreadContext(thread, &ctx), "GetThreadContext failed: %lu\n", GetLastError());
    ok(in_module(ctx.Rip, "ntdll.dll"), "Rip %p is not in ntdll\n", (void *)ctx.Rip);
    ok(ctx.Rcx == (DWORD64)never_runs && ctx.Rdx == 0x1234, "Rcx %#llx Rdx %#llx\n", ctx.Rcx, ctx.Rdx);
    ok(ctx.Rsp && !(ctx.Rsp & 7), "Rsp %p\n", (void *)ctx.Rsp);
    ctx.Rsp = (ctx.Rsp & ~15ULL) - 0x100 - 8;
    ctx.Rip = (DWORD64)redirected_from_wait;
    ctx.ContextFlags = CONTEXT_CONTROL;
    redirected_tid = 0;
    ok(SetThreadContext(thread, &ctx), "SetThreadContext failed: %lu\n", GetLastError());
    ok(ResumeThread(thread) == 1, "ResumeThread failed\n");
    ok(WaitForSingleObject(thread, 10000) == WAIT_OBJECT_0, "thread did not end\n");
    ok(GetExitCodeThread(thread, &code) && code == 43, "exit code %lu (the new Rip was not taken)\n", code);
    ok(redirected_tid == GetThreadId(thread), "ran on thread %lu, not %lu\n", redirected_tid, GetThreadId(thread));
    CloseHandle(thread);
}

/* the calling thread's own context (Windows: as at the system call) */
static void test_own_context(void)
{
    CONTEXT ctx;
    memset(&ctx, 0, sizeof(ctx));
    ctx.ContextFlags = CONTEXT_FULL;
    ok(GetThreadContext(GetCurrentThread(), &ctx), "GetThreadContext failed: %lu\n", GetLastError());
    ok(ctx.Rsp < (DWORD64)&ctx && ctx.Rsp > (DWORD64)&ctx - 0x10000, "Rsp %p, a local at %p\n", (void *)ctx.Rsp, &ctx);
    ok(ctx.SegCs == 0x33, "SegCs %#x\n", ctx.SegCs);
}

/* --- extended contexts (XSTATE: AVX) ------------------------------------------ */

#ifndef CONTEXT_XSTATE
#define CONTEXT_XSTATE (CONTEXT_AMD64 | 0x40)
#endif

static BYTE ctx_buf[2][4096] __attribute__((aligned(64)));

static CONTEXT *new_context(int which, DWORD flags)
{
    CONTEXT *ctx = NULL;
    DWORD len = sizeof(ctx_buf[which]);
    memset(ctx_buf[which], 0, len);
    ok(InitializeContext(ctx_buf[which], flags, &ctx, &len), "InitializeContext(%#lx) failed: %lu\n", flags, GetLastError());
    return ctx;
}

static void test_xstate_layout(void)
{
    DWORD len = 0, plain_len = 0, l;
    DWORD64 mask;
    CONTEXT *ctx = NULL, plain;
    BYTE *p;

    ok((GetEnabledXStateFeatures() & 3) == 3, "enabled %#llx\n", GetEnabledXStateFeatures());
    SetLastError(0xdeadbeef);
    ok(!InitializeContext(NULL, CONTEXT_ALL, &ctx, &plain_len), "no buffer: succeeded\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
    ok(plain_len >= sizeof(CONTEXT), "length %lu\n", plain_len);
    SetLastError(0xdeadbeef);
    ok(!InitializeContext(NULL, 0x12345, &ctx, &len), "flags without CONTEXT_AMD64: succeeded\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    if (!(GetEnabledXStateFeatures() & XSTATE_MASK_AVX)) { skip("no AVX\n"); return; }

    SetLastError(0xdeadbeef);
    ok(!InitializeContext(NULL, CONTEXT_ALL | CONTEXT_XSTATE, &ctx, &len), "no buffer: succeeded\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
    ok(len >= plain_len + 64 + 256, "length %lu, without XSTATE %lu\n", len, plain_len);
    l = len - 1;
    SetLastError(0xdeadbeef);
    ok(!InitializeContext(ctx_buf[0], CONTEXT_ALL | CONTEXT_XSTATE, &ctx, &l), "short buffer: succeeded\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER && l == len, "error %lu length %lu\n", GetLastError(), l);

    /* a buffer 8 bytes off: the CONTEXT is aligned within it */
    l = len;
    ok(InitializeContext(ctx_buf[0] + 8, CONTEXT_ALL | CONTEXT_XSTATE, &ctx, &l), "failed: %lu\n", GetLastError());
    ok(!((ULONG_PTR)ctx & 15) && (BYTE *)ctx >= ctx_buf[0] + 8, "context at %p, buffer %p\n", ctx, ctx_buf[0] + 8);
    ok(ctx->ContextFlags == (CONTEXT_ALL | CONTEXT_XSTATE), "flags %#lx\n", ctx->ContextFlags);
    p = LocateXStateFeature(ctx, XSTATE_AVX, &l);
    ok(p && l == 256, "AVX at %p length %lu\n", p, l);
    ok(p && !((ULONG_PTR)p & 63) && p > (BYTE *)(ctx + 1) && p + 256 <= ctx_buf[0] + 8 + len,
       "AVX at %p, context at %p, buffer end %p\n", p, ctx, ctx_buf[0] + 8 + len);
    ok(LocateXStateFeature(ctx, XSTATE_LEGACY_FLOATING_POINT, &l) == &ctx->FltSave && l == 160, "x87 length %lu\n", l);
    ok(LocateXStateFeature(ctx, XSTATE_LEGACY_SSE, &l) == &ctx->FltSave.XmmRegisters && l == 256, "SSE length %lu\n", l);
    ok(!LocateXStateFeature(ctx, 3, &l), "feature 3 found\n");

    /* the mask: legacy features with CONTEXT_FLOATING_POINT, AVX when set */
    ok(GetXStateFeaturesMask(ctx, &mask) && mask == 3, "mask %#llx\n", mask);
    ok(SetXStateFeaturesMask(ctx, XSTATE_MASK_AVX), "SetXStateFeaturesMask failed\n");
    ok(GetXStateFeaturesMask(ctx, &mask) && mask == 7, "mask %#llx\n", mask);
    memset(&plain, 0, sizeof(plain));
    plain.ContextFlags = CONTEXT_ALL;
    ok(!SetXStateFeaturesMask(&plain, XSTATE_MASK_AVX), "a CONTEXT without XSTATE took a mask\n");
    ok(!LocateXStateFeature(&plain, XSTATE_AVX, &l), "a CONTEXT without XSTATE has AVX\n");
}

static void test_copy_context(void)
{
    CONTEXT *dst, *src;
    DWORD64 mask;

    if (!(GetEnabledXStateFeatures() & XSTATE_MASK_AVX)) { skip("no AVX\n"); return; }
    src = new_context(1, CONTEXT_ALL | CONTEXT_XSTATE);
    src->Rip = 0x1234; src->Rax = 0x5678; src->Rbp = 0x9abc; src->SegDs = 0x2b; src->Dr7 = 0x55;
    SetXStateFeaturesMask(src, XSTATE_MASK_AVX);

    dst = new_context(0, CONTEXT_ALL | CONTEXT_XSTATE);
    ok(CopyContext(dst, CONTEXT_CONTROL, src), "CopyContext failed: %lu\n", GetLastError());
    ok(dst->Rip == 0x1234 && !dst->Rax && !dst->Rbp, "Rip %#llx Rax %#llx Rbp %#llx\n", dst->Rip, dst->Rax, dst->Rbp);
    ok(GetXStateFeaturesMask(dst, &mask) && mask == 3, "mask %#llx\n", mask);
    ok(CopyContext(dst, CONTEXT_ALL | CONTEXT_XSTATE, src), "CopyContext failed: %lu\n", GetLastError());
    ok(dst->Rax == 0x5678 && dst->Rbp == 0x9abc && dst->SegDs == 0x2b && dst->Dr7 == 0x55, "not copied\n");
    ok(GetXStateFeaturesMask(dst, &mask) && mask == 7, "mask %#llx\n", mask);

    /* the destination gains the parts copied */
    dst = new_context(0, CONTEXT_CONTROL);
    ok(CopyContext(dst, CONTEXT_INTEGER, src), "CopyContext failed: %lu\n", GetLastError());
    ok(dst->ContextFlags == (CONTEXT_CONTROL | CONTEXT_INTEGER) && dst->Rax == 0x5678, "flags %#lx Rax %#llx\n",
       dst->ContextFlags, dst->Rax);
    /* no room for XSTATE */
    dst = new_context(0, CONTEXT_ALL);
    SetLastError(0xdeadbeef);
    ok(!CopyContext(dst, CONTEXT_ALL | CONTEXT_XSTATE, src), "CopyContext into a CONTEXT without XSTATE\n");
    ok(GetLastError() == ERROR_MORE_DATA, "error %lu\n", GetLastError());
}

/* a thread holding known AVX state in ymm4 while it spins */
struct avx_data { BYTE in[32], out[32]; };
static volatile LONG avx_spinning, avx_stop;
extern DWORD WINAPI avx_spinner(void *data);
__asm__ (".text\n"
         "avx_spinner:\n\t"
         "vmovdqu (%rcx), %ymm4\n\t"
         "movl $1, avx_spinning(%rip)\n"
         "1:\tpause\n\t"
         "cmpl $0, avx_stop(%rip)\n\t"
         "je 1b\n\t"
         "vmovdqu %ymm4, 32(%rcx)\n\t"
         "vzeroupper\n\t"
         "xorl %eax, %eax\n\t"
         "ret\n");

static void test_xstate_thread(void)
{
    static struct avx_data data;
    CONTEXT *ctx;
    DWORD64 mask;
    BYTE *ymm;
    HANDLE thread;
    int i;

    if (!(GetEnabledXStateFeatures() & XSTATE_MASK_AVX)) { skip("no AVX\n"); return; }
    for (i = 0; i < 32; i++) data.in[i] = (BYTE)(0x40 + i);
    thread = CreateThread(NULL, 0, avx_spinner, &data, 0, NULL);
    while (!avx_spinning) Sleep(1);
    SuspendThread(thread);

    ctx = new_context(0, CONTEXT_FULL | CONTEXT_XSTATE);
    SetXStateFeaturesMask(ctx, XSTATE_MASK_AVX);
    ok(GetThreadContext(thread, ctx), "GetThreadContext failed: %lu\n", GetLastError());
    ok(GetXStateFeaturesMask(ctx, &mask) && (mask & XSTATE_MASK_AVX), "mask %#llx\n", mask);
    ymm = LocateXStateFeature(ctx, XSTATE_AVX, NULL);
    ok(ymm && !memcmp(ymm + 4 * 16, data.in + 16, 16), "ymm4's upper half is not the thread's\n");
    ok(!memcmp(&ctx->Xmm4, data.in, 16), "xmm4 is not the thread's\n");

    /* a new upper half, then the thread stores what it has */
    for (i = 0; i < 16; i++) ymm[4 * 16 + i] = (BYTE)(0xa0 + i);
    ctx->ContextFlags = CONTEXT_XSTATE;
    SetXStateFeaturesMask(ctx, XSTATE_MASK_AVX);
    ok(SetThreadContext(thread, ctx), "SetThreadContext failed: %lu\n", GetLastError());
    ResumeThread(thread);
    avx_stop = 1;
    ok(WaitForSingleObject(thread, 10000) == WAIT_OBJECT_0, "thread did not end\n");
    ok(!memcmp(data.out, data.in, 16), "xmm4 changed\n");
    for (i = 0; i < 16; i++) if (data.out[16 + i] != 0xa0 + i) break;
    ok(i == 16, "ymm4's upper half byte %d is %#x\n", i, i < 16 ? data.out[16 + i] : 0);
    CloseHandle(thread);
}

int main(int argc, char **argv)
{
    (void)argc; (void)argv;
    test_start("kernel32:context");
    test_get_set_context();
    test_context_in_syscall();
    test_repeated_injection();
    test_unstarted_thread();
    test_own_context();
    test_xstate_layout();
    test_copy_context();
    test_xstate_thread();
    return test_summary();
}
