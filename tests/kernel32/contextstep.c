/*
 * tests/kernel32/contextstep.c — the trap flag set in another thread's
 * context (SetThreadContext of a suspended thread, as a debugger or a
 * runtime stepping a thread does): the thread runs one instruction, then
 * gets EXCEPTION_SINGLE_STEP at the next one in its own handlers, and goes
 * on with TF clear. And a thread that faults in a loop (its vectored handler
 * skips the faulting instruction) suspended and read over and over, as a
 * sampling profiler or a garbage collector does: every context is one of
 * that thread's, on its stack, and no fault is lost; and calls injected
 * into it as Go preempts (the old rip pushed, rip at a trampoline) run
 * once each without disturbing the faults.
 */
#include "test.h"

static volatile LONG spinning, stop, steps;
static volatile DWORD64 step_address, step_eflags;
static DWORD spinner_tid;

static LONG CALLBACK step_handler(EXCEPTION_POINTERS *ptrs)
{
    if (ptrs->ExceptionRecord->ExceptionCode != EXCEPTION_SINGLE_STEP || GetCurrentThreadId() != spinner_tid)
        return EXCEPTION_CONTINUE_SEARCH;
    steps++;
    step_address = (DWORD64)ptrs->ExceptionRecord->ExceptionAddress;
    step_eflags = ptrs->ContextRecord->EFlags;
    stop = 1;
    return EXCEPTION_CONTINUE_EXECUTION;
}

static DWORD WINAPI spin(void *arg)
{
    spinning = 1;
    while (!stop) __asm__ volatile("pause");
    return 9;
}

static void test_step_other_thread(void)
{
    void *h = AddVectoredExceptionHandler(1, step_handler);
    HANDLE thread = CreateThread(NULL, 0, spin, NULL, 0, &spinner_tid);
    CONTEXT ctx;
    DWORD code = 0;
    ok(thread != NULL, "CreateThread failed\n");
    while (!spinning) Sleep(1);
    ok(SuspendThread(thread) == 0, "SuspendThread failed\n");
    memset(&ctx, 0, sizeof(ctx));
    ctx.ContextFlags = CONTEXT_FULL;
    ok(GetThreadContext(thread, &ctx), "GetThreadContext failed\n");
    ok(!(ctx.EFlags & 0x100), "TF already set: %#lx\n", ctx.EFlags);
    ctx.EFlags |= 0x100;
    ctx.ContextFlags = CONTEXT_CONTROL;
    ok(SetThreadContext(thread, &ctx), "SetThreadContext failed\n");
    ok(ResumeThread(thread) == 1, "ResumeThread failed\n");
    ok(WaitForSingleObject(thread, 5000) == WAIT_OBJECT_0, "the thread did not take a single step\n");
    if (!stop) { stop = 1; WaitForSingleObject(thread, 5000); }
    ok(GetExitCodeThread(thread, &code) && code == 9, "exit code %lu\n", code);
    ok(steps == 1, "%ld single steps, expected 1 (TF is clear after the first)\n", steps);
    /* one instruction of the loop ran: the step is reported at the next
       one, which is just after it or, when the thread stood on the loop's
       backward branch, the branch's target: in the loop's function either
       way, and never where the thread stood */
    {
        DWORD64 base = 0;
        RUNTIME_FUNCTION *fn = RtlLookupFunctionEntry(ctx.Rip, &base, NULL);
        ok(fn && base + fn->BeginAddress == (DWORD64)spin, "the thread was at %Ix, not in its loop\n", ctx.Rip);
        if (fn)
            ok(step_address != ctx.Rip && step_address >= base + fn->BeginAddress &&
               step_address < base + fn->EndAddress, "step at %Ix, the thread was at %Ix in %Ix-%Ix\n",
               step_address, ctx.Rip, base + fn->BeginAddress, base + fn->EndAddress);
    }
    ok(!(step_eflags & 0x100), "the handler's context has TF set: %#Ix\n", step_eflags);
    CloseHandle(thread);
    RemoveVectoredExceptionHandler(h);
}

#define FAULTS 20000

static volatile LONG faults, faulter_done;
static char *volatile null_pointer;
static ULONG_PTR faulter_low, faulter_high;
extern char fault_insn[];

static LONG CALLBACK skip_fault(EXCEPTION_POINTERS *ptrs)
{
    if (ptrs->ExceptionRecord->ExceptionCode != EXCEPTION_ACCESS_VIOLATION ||
        ptrs->ContextRecord->Rip != (DWORD64)fault_insn)
        return EXCEPTION_CONTINUE_SEARCH;
    InterlockedIncrement(&faults);
    ptrs->ContextRecord->Rip += 2;   /* movb (%rax), %cl */
    return EXCEPTION_CONTINUE_EXECUTION;
}

static DWORD WINAPI faulter(void *arg)
{
    GetCurrentThreadStackLimits(&faulter_low, &faulter_high);
    for (int i = 0; i < FAULTS; i++)
        __asm__ volatile("movq %0, %%rax\n"
                         "fault_insn: movb (%%rax), %%cl" :: "m"(null_pointer) : "rax", "rcx", "memory");
    faulter_done = 1;
    return 0;
}

static void test_suspend_faulting_thread(void)
{
    void *h = AddVectoredExceptionHandler(1, skip_fault);
    HANDLE thread = CreateThread(NULL, 0, faulter, NULL, 0, NULL);
    int reads = 0, failed = 0, odd = 0;
    DWORD64 odd_rip = 0, odd_rsp = 0;
    ok(thread != NULL, "CreateThread failed\n");
    while (!faulter_low) Sleep(1);
    while (!faulter_done && reads < 100000)
    {
        CONTEXT ctx;
        if (SuspendThread(thread) == (DWORD)-1) { failed++; break; }
        ctx.ContextFlags = CONTEXT_FULL;
        if (!GetThreadContext(thread, &ctx)) failed++;
        else if (!faulter_done && (!ctx.Rip || ctx.Rsp < faulter_low || ctx.Rsp >= faulter_high))
        {
            odd++;
            odd_rip = ctx.Rip;
            odd_rsp = ctx.Rsp;
        }
        ResumeThread(thread);
        reads++;
    }
    ok(WaitForSingleObject(thread, 60000) == WAIT_OBJECT_0, "the faulting thread did not end\n");
    ok(faults == FAULTS, "%ld of %d faults handled\n", faults, FAULTS);
    ok(!failed, "%d suspensions or context reads failed\n", failed);
    /* Wine 8 now and then shows a context caught in its own signal
       handling (rsp off the thread's stack): not held against it here */
    ok(!odd || test_is("wine"), "%d of %d contexts off the thread's stack, last Rip %I64x Rsp %I64x (stack %Ix-%Ix)\n", odd, reads,
       odd_rip, odd_rsp, faulter_low, faulter_high);
    CloseHandle(thread);
    RemoveVectoredExceptionHandler(h);
}

/* Go's preemption: a call injected by pushing the old rip; the trampoline
   keeps every register and the flags and returns where the thread was */
static volatile LONG injected_calls;
void WINAPI __attribute__((used)) count_injection(void) { InterlockedIncrement(&injected_calls); }
extern void injection_trampoline(void);
__asm__ (".text\n"
         "injection_trampoline:\n\t"
         "pushfq\n\tpushq %rax\n\tpushq %rcx\n\tpushq %rdx\n\tpushq %r8\n\tpushq %r9\n\t"
         "pushq %r10\n\tpushq %r11\n\tpushq %rbp\n\tmovq %rsp, %rbp\n\t"
         "andq $-16, %rsp\n\tsubq $0x20, %rsp\n\tcall count_injection\n\t"
         "movq %rbp, %rsp\n\tpopq %rbp\n\tpopq %r11\n\tpopq %r10\n\tpopq %r9\n\tpopq %r8\n\t"
         "popq %rdx\n\tpopq %rcx\n\tpopq %rax\n\tpopfq\n\tret\n");

static void test_inject_into_faulting_thread(void)
{
    void *h = AddVectoredExceptionHandler(1, skip_fault);
    HANDLE thread;
    int injections = 0, failed = 0;
    faults = 0;
    faulter_done = 0;
    faulter_low = 0;
    thread = CreateThread(NULL, 0, faulter, NULL, 0, NULL);
    ok(thread != NULL, "CreateThread failed\n");
    while (!faulter_low) Sleep(1);
    while (!faulter_done && injections < 2000)
    {
        CONTEXT ctx;
        if (SuspendThread(thread) == (DWORD)-1) { failed++; break; }
        ctx.ContextFlags = CONTEXT_FULL;
        if (!GetThreadContext(thread, &ctx)) failed++;
        else if (!faulter_done)
        {
            ctx.Rsp -= 8;
            *(DWORD64 *)ctx.Rsp = ctx.Rip;
            ctx.Rip = (DWORD64)injection_trampoline;
            ctx.ContextFlags = CONTEXT_CONTROL;
            if (SetThreadContext(thread, &ctx)) injections++;
            else failed++;
        }
        ResumeThread(thread);
        Sleep(0);
    }
    ok(WaitForSingleObject(thread, 60000) == WAIT_OBJECT_0, "the faulting thread did not end\n");
    ok(faults == FAULTS, "%ld of %d faults handled with calls injected\n", faults, FAULTS);
    ok(!failed, "%d suspensions or context calls failed\n", failed);
    /* Wine 8 loses some: a context set while the thread dispatches its
       fault is overwritten by the dispatch's own */
    ok(injected_calls == injections || test_is("wine"), "%ld of %d injected calls ran\n", injected_calls,
       injections);
    CloseHandle(thread);
    RemoveVectoredExceptionHandler(h);
}

int main(void)
{
    test_start("contextstep");
    test_step_other_thread();
    test_suspend_faulting_thread();
    test_inject_into_faulting_thread();
    return test_summary();
}
