/*
 * tests/kernel32/stackreuse.c — a thread whose stack overflowed (and was
 * not reset with _resetstkoflw) ends; the next thread of the same stack
 * size starts with a stack shaped as a fresh one (the same distance from
 * StackBase to StackLimit) and overflows into EXCEPTION_STACK_OVERFLOW
 * again, whatever memory the system gave it (wlx hands a finished thread's
 * stack to the next one).
 *
 * gcc has no __try: a vectored handler takes the overflow and goes on in a
 * function entered on a stack pointer saved before the recursion.
 */
#include "test.h"

#define STACK_RESERVE 0x40000

static DWORD watched_tid;            /* the thread the handler looks after */
static volatile LONG overflows;
static ULONG_PTR resume_rsp;         /* where after_overflow starts */
static volatile int stop_recursion;  /* never set: keeps the recursion honest */

static void after_overflow(void)
{
    ExitThread(0);
}

static LONG WINAPI overflow_handler(EXCEPTION_POINTERS *ep)
{
    if (GetCurrentThreadId() != watched_tid || ep->ExceptionRecord->ExceptionCode != EXCEPTION_STACK_OVERFLOW)
        return EXCEPTION_CONTINUE_SEARCH;
    overflows++;
    ep->ContextRecord->Rsp = resume_rsp;
    ep->ContextRecord->Rip = (ULONG_PTR)after_overflow;
    return EXCEPTION_CONTINUE_EXECUTION;
}

static int __attribute__((noinline)) recurse(int depth)
{
    volatile char buffer[512];
    buffer[depth & 511] = (char)depth;
    if (stop_recursion) return 0;
    return recurse(depth + 1) + buffer[(depth + 1) & 511];
}

/* records how much of its stack a new thread finds committed, then overflows */
static DWORD WINAPI overflow_thread(void *arg)
{
    volatile char here;
    NT_TIB *tib = (NT_TIB *)NtCurrentTeb();
    *(ULONG_PTR *)arg = (ULONG_PTR)tib->StackBase - (ULONG_PTR)tib->StackLimit;
    /* below this frame, 16-byte aligned as at a function's entry after its call */
    resume_rsp = (((ULONG_PTR)&here - 0x400) & ~(ULONG_PTR)15) - 8;
    watched_tid = GetCurrentThreadId();
    recurse(0);
    return 2;
}

/* one thread that overflows; its exit code (0: it overflowed and recovered) */
static DWORD run_overflow_thread(ULONG_PTR *committed)
{
    DWORD code = 0xdeadbeef;
    HANDLE thread = CreateThread(NULL, STACK_RESERVE, overflow_thread, committed,
                                 STACK_SIZE_PARAM_IS_A_RESERVATION, NULL);
    ok(thread != NULL, "CreateThread failed: %lu\n", GetLastError());
    if (!thread) return code;
    ok(WaitForSingleObject(thread, 10000) == WAIT_OBJECT_0, "the overflowing thread did not end\n");
    GetExitCodeThread(thread, &code);
    CloseHandle(thread);
    return code;
}

static void test_overflow_twice(void)
{
    ULONG_PTR first = 0, second = 0;
    void *vh = AddVectoredExceptionHandler(1, overflow_handler);
    DWORD code1 = run_overflow_thread(&first);
    DWORD code2 = run_overflow_thread(&second);
    RemoveVectoredExceptionHandler(vh);

    ok(code1 == 0, "first thread's exit code %lu, want 0\n", code1);
    ok(code2 == 0, "second thread's exit code %lu, want 0\n", code2);
    ok(overflows == 2, "%ld overflows, want 2\n", overflows);
    ok(first != 0 && first == second, "committed stack at start: %#Ix then %#Ix\n", first, second);
}

int main(void)
{
    test_start("stackreuse");
    test_overflow_twice();
    return test_summary();
}
