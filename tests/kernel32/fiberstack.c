/*
 * tests/kernel32/fiberstack.c — faults on stacks a program makes itself
 * dispatch as on a thread's own stack: fibers, and a stack switched to by
 * hand with the TEB's StackBase/StackLimit/DeallocationStack updated, as
 * wasm runtimes (wasmtime, wasmer: corosensei) and Go do.
 *
 * Windows' stacks (learn.microsoft.com "Thread Stack Size", "Creating Guard
 * Pages"): reserved whole, the top committed, a region of PAGE_GUARD pages
 * below. Touching the guard region grows the stack with no exception
 * reaching the program, also when it is the exception frame the system
 * writes that touches it; running out of reserve is
 * EXCEPTION_STACK_OVERFLOW; a guard page that is not on the current stack
 * fires STATUS_GUARD_PAGE_VIOLATION once and then is an ordinary page.
 *
 * gcc has no __try: a vectored handler takes the exceptions; after an
 * overflow it goes on at a recovery point (a context of its own, as
 * tests/kernel32/stackoverflow.c does).
 */
#include "test.h"
#include <malloc.h>

#define TEB_DEALLOCATION_STACK 0x1478   /* TEB.DeallocationStack (x64) */
#define STACK_RESERVE 0x100000
#define STACK_COMMIT  0x4000
#define GUARD_SIZE    0x2000

/* --- call_on_stack: the hand switch -----------------------------------------
   int call_on_stack(void *top, void (*fn)(void *), void *arg) runs fn(arg)
   on the stack ending at top (16-aligned) and returns 0; bail_out, entered
   by an exception handler's context with any rsp, makes it return 1. The
   caller's non-volatile registers are kept for both ways back. */
int call_on_stack(void *top, void (*fn)(void *), void *arg);
void bail_out(void);
void *saved_rsp;   /* the caller's rsp, for both ways back */

__asm__(
    ".text\n"
    ".globl call_on_stack\n"
    "call_on_stack:\n\t"
    "push %rbp\n\tpush %rbx\n\tpush %rsi\n\tpush %rdi\n\t"
    "push %r12\n\tpush %r13\n\tpush %r14\n\tpush %r15\n\t"
    "sub $0xa8, %rsp\n\t"
    "movdqa %xmm6, 0x00(%rsp)\n\tmovdqa %xmm7, 0x10(%rsp)\n\t"
    "movdqa %xmm8, 0x20(%rsp)\n\tmovdqa %xmm9, 0x30(%rsp)\n\t"
    "movdqa %xmm10, 0x40(%rsp)\n\tmovdqa %xmm11, 0x50(%rsp)\n\t"
    "movdqa %xmm12, 0x60(%rsp)\n\tmovdqa %xmm13, 0x70(%rsp)\n\t"
    "movdqa %xmm14, 0x80(%rsp)\n\tmovdqa %xmm15, 0x90(%rsp)\n\t"
    "mov %rsp, saved_rsp(%rip)\n\t"
    "lea -0x20(%rcx), %rsp\n\t"      /* a home area for fn */
    "mov %r8, %rcx\n\t"
    "call *%rdx\n\t"
    "xor %eax, %eax\n\t"
    "jmp 1f\n"
    ".globl bail_out\n"
    "bail_out:\n\t"
    "mov $1, %eax\n"
    "1:\n\t"
    "mov saved_rsp(%rip), %rsp\n\t"
    "movdqa 0x00(%rsp), %xmm6\n\tmovdqa 0x10(%rsp), %xmm7\n\t"
    "movdqa 0x20(%rsp), %xmm8\n\tmovdqa 0x30(%rsp), %xmm9\n\t"
    "movdqa 0x40(%rsp), %xmm10\n\tmovdqa 0x50(%rsp), %xmm11\n\t"
    "movdqa 0x60(%rsp), %xmm12\n\tmovdqa 0x70(%rsp), %xmm13\n\t"
    "movdqa 0x80(%rsp), %xmm14\n\tmovdqa 0x90(%rsp), %xmm15\n\t"
    "add $0xa8, %rsp\n\t"
    "pop %r15\n\tpop %r14\n\tpop %r13\n\tpop %r12\n\t"
    "pop %rdi\n\tpop %rsi\n\tpop %rbx\n\tpop %rbp\n\t"
    "ret\n");

/* --- what the handler saw --------------------------------------------------- */

static DWORD test_tid;
static LONG breakpoints, guard_violations, overflows, others;
static ULONG_PTR overflow_address;
static ULONG_PTR resume_rsp;          /* after an overflow: go on here */
static void (*resume_at)(void);

static LONG WINAPI handler(EXCEPTION_POINTERS *ep)
{
    EXCEPTION_RECORD *rec = ep->ExceptionRecord;
    if (GetCurrentThreadId() != test_tid) return EXCEPTION_CONTINUE_SEARCH;
    switch (rec->ExceptionCode)
    {
    case EXCEPTION_BREAKPOINT:
        breakpoints++;
        ep->ContextRecord->Rip++;   /* past the int3 */
        return EXCEPTION_CONTINUE_EXECUTION;
    case STATUS_GUARD_PAGE_VIOLATION:
        guard_violations++;          /* the access runs again, now unguarded */
        return EXCEPTION_CONTINUE_EXECUTION;
    case EXCEPTION_STACK_OVERFLOW:
        if (!overflows++) overflow_address = rec->NumberParameters >= 2 ? rec->ExceptionInformation[1] : 0;
        ep->ContextRecord->Rsp = resume_rsp;
        ep->ContextRecord->Rip = (ULONG_PTR)resume_at;
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    others++;
    return EXCEPTION_CONTINUE_SEARCH;
}

static void reset_counts(void)
{
    breakpoints = guard_violations = overflows = others = 0;
    overflow_address = 0;
}

/* no exception but the breakpoints reached the program */
#define ok_no_exceptions() \
    ok(!guard_violations && !overflows && !others, "exceptions seen: %ld guard, %ld overflow, %ld other\n", \
       guard_violations, overflows, others)

static volatile int stop_recursion;   /* never set: keeps the recursion honest */

/* about 1 KiB of stack a level */
static int __attribute__((noinline)) recurse(int depth, int max)
{
    volatile char buffer[1000];
    buffer[depth % 1000] = (char)depth;
    if (stop_recursion || depth == max) return 1;
    return recurse(depth + 1, max) + buffer[(depth + 1) % 1000];
}

static int deep_result;

/* --- a stack made by hand ----------------------------------------------------- */

struct own_stack
{
    BYTE *alloc, *top, *limit;   /* DeallocationStack, StackBase, StackLimit */
};

/* reserved whole, the top committed, a guard region below, as corosensei
   makes its stacks */
static BOOL make_stack(struct own_stack *s)
{
    if (!(s->alloc = VirtualAlloc(NULL, STACK_RESERVE, MEM_RESERVE, PAGE_READWRITE))) return FALSE;
    s->top = s->alloc + STACK_RESERVE;
    s->limit = s->top - STACK_COMMIT;
    return VirtualAlloc(s->limit, STACK_COMMIT, MEM_COMMIT, PAGE_READWRITE) &&
           VirtualAlloc(s->limit - GUARD_SIZE, GUARD_SIZE, MEM_COMMIT, PAGE_READWRITE | PAGE_GUARD);
}

/* runs fn(arg) on the stack with the TEB describing it, reads back the
   stack limit (as runtimes do when they switch away) and puts the thread's
   own stack back in the TEB; 1 when the handler bailed out */
static int run_on_stack(struct own_stack *s, void (*fn)(void *), void *arg)
{
    NT_TIB *tib = (NT_TIB *)NtCurrentTeb();
    void **dealloc = (void **)((BYTE *)NtCurrentTeb() + TEB_DEALLOCATION_STACK);
    void *base = tib->StackBase, *limit = tib->StackLimit, *bottom = *dealloc;
    int r;

    tib->StackBase = s->top;
    tib->StackLimit = s->limit;
    *dealloc = s->alloc;
    r = call_on_stack(s->top, fn, arg);
    s->limit = tib->StackLimit;
    tib->StackBase = base;
    tib->StackLimit = limit;
    *dealloc = bottom;
    return r;
}

/* the same on a new stack, with the exception counts reset; the caller
   frees s->alloc */
static int run_on_new_stack(struct own_stack *s, void (*fn)(void *), void *arg)
{
    ok(make_stack(s), "cannot make a stack: %lu\n", GetLastError());
    reset_counts();
    return run_on_stack(s, fn, arg);
}

static DWORD page_state(const void *addr, DWORD *protect)
{
    MEMORY_BASIC_INFORMATION mbi;
    if (!VirtualQuery(addr, &mbi, sizeof(mbi))) return 0;
    *protect = mbi.Protect;
    return mbi.State;
}

static void go_deep(void *arg)
{
    (void)arg;
    deep_result = recurse(0, 200);
}

/* the stack grows through its guard region without any exception */
static void test_growth(void)
{
    struct own_stack s;
    DWORD protect = 0, state;

    ok(run_on_new_stack(&s, go_deep, NULL) == 0, "the handler bailed out\n");
    ok(deep_result == 1, "recursion result %d\n", deep_result);
    ok_no_exceptions();
    ok(s.limit < s.top - STACK_COMMIT - 150 * 1024 && s.limit >= s.alloc, "StackLimit %p, stack %p-%p\n", s.limit, s.alloc, s.top);
    state = page_state(s.top - 150 * 1024, &protect);
    ok(state == MEM_COMMIT && protect == PAGE_READWRITE, "grown page: state %#lx protect %#lx\n", state, protect);
    state = page_state(s.alloc + 0x1000, &protect);
    ok(state == MEM_RESERVE, "the bottom of the reserve: state %#lx\n", state);
    VirtualFree(s.alloc, 0, MEM_RELEASE);
}

static void __attribute__((noinline)) break_here(void)
{
    __debugbreak();
}

/* rsp just above the stack limit: the exception frame lies on the guard
   region, which grows under it */
static void break_near_limit(void *arg)
{
    BYTE *limit = ((NT_TIB *)NtCurrentTeb())->StackLimit;
    BYTE *here = __builtin_frame_address(0);
    volatile BYTE *pad = alloca(here - limit - 0x180);
    (void)arg;
    pad[0] = 1;
    break_here();
}

static void test_frame_on_guard(void)
{
    struct own_stack s;

    ok(run_on_new_stack(&s, break_near_limit, NULL) == 0, "the handler bailed out\n");
    ok(breakpoints == 1, "%ld breakpoints\n", breakpoints);
    ok_no_exceptions();
    ok(s.limit < s.top - STACK_COMMIT, "StackLimit %p did not move below %p\n", s.limit, s.top - STACK_COMMIT);
    VirtualFree(s.alloc, 0, MEM_RELEASE);
}

/* the recovery point, below this frame: rsp as at a function's entry */
#define SET_RESUME(where, func) do { \
        resume_rsp = (((ULONG_PTR)(where) - 0x200) & ~(ULONG_PTR)15) - 8; \
        resume_at = (func); \
    } while (0)

static void go_forever(void *arg)
{
    volatile char here;
    (void)arg;
    SET_RESUME(&here, bail_out);   /* bail_out goes back to the caller's stack */
    recurse(0, -1);
}

/* running out of reserve: EXCEPTION_STACK_OVERFLOW on that stack */
static void test_overflow(void)
{
    struct own_stack s;

    ok(run_on_new_stack(&s, go_forever, NULL) == 1, "no overflow\n");
    ok(overflows == 1, "%ld overflows\n", overflows);
    ok(!others, "%ld other exceptions\n", others);
    ok(overflow_address >= (ULONG_PTR)s.alloc && overflow_address < (ULONG_PTR)s.top,
       "overflow at %p, not in the stack %p-%p\n", (void *)overflow_address, s.alloc, s.top);
    VirtualFree(s.alloc, 0, MEM_RELEASE);
}

static volatile BYTE first_read, second_read;

static void touch_twice(void *arg)
{
    volatile BYTE *p = arg;
    first_read = p[0];
    second_read = p[1];
}

/* a guard page that is not on the current stack fires once */
static void test_guard_elsewhere(void)
{
    struct own_stack s;
    BYTE *page = VirtualAlloc(NULL, 0x1000, MEM_COMMIT, PAGE_READWRITE | PAGE_GUARD);
    DWORD protect = 0;

    ok(page != NULL, "VirtualAlloc failed %lu\n", GetLastError());
    ok(run_on_new_stack(&s, touch_twice, page) == 0, "the handler bailed out\n");
    ok(guard_violations == 1, "%ld guard page violations, want 1\n", guard_violations);
    ok(!overflows && !others, "%ld overflows, %ld others\n", overflows, others);
    ok(page_state(page, &protect) == MEM_COMMIT && protect == PAGE_READWRITE, "protect now %#lx\n", protect);
    VirtualFree(s.alloc, 0, MEM_RELEASE);
    VirtualFree(page, 0, MEM_RELEASE);
}

/* --- fibers -------------------------------------------------------------------- */

static void *main_fiber;
static ULONG_PTR fiber_low, fiber_high;
static int fiber_recovered;

static void WINAPI deep_fiber(void *arg)
{
    (void)arg;
    deep_result = recurse(0, 200);
    SwitchToFiber(main_fiber);
}

static void after_fiber_overflow(void)
{
    fiber_recovered = 1;
    SwitchToFiber(main_fiber);
}

static void WINAPI overflow_fiber(void *arg)
{
    volatile char here;
    NT_TIB *tib = (NT_TIB *)NtCurrentTeb();
    (void)arg;
    fiber_high = (ULONG_PTR)tib->StackBase;
    /* the reserve is at least what was asked (Wine's is larger) */
    fiber_low = *(ULONG_PTR *)((BYTE *)NtCurrentTeb() + TEB_DEALLOCATION_STACK);
    SET_RESUME(&here, after_fiber_overflow);
    recurse(0, -1);
    SwitchToFiber(main_fiber);
}

static void test_fibers(void)
{
    void *fiber;

    main_fiber = ConvertThreadToFiber(NULL);
    ok(main_fiber != NULL, "ConvertThreadToFiber failed %lu\n", GetLastError());

    /* a small commit grows to 200 KiB */
    reset_counts();
    deep_result = 0;
    fiber = CreateFiberEx(0x1000, 0x80000, 0, deep_fiber, NULL);
    ok(fiber != NULL, "CreateFiberEx failed %lu\n", GetLastError());
    SwitchToFiber(fiber);
    ok(deep_result == 1, "recursion result %d\n", deep_result);
    ok_no_exceptions();
    DeleteFiber(fiber);

    /* a 256 KiB fiber overflows and recovers */
    reset_counts();
    fiber = CreateFiberEx(0x1000, 0x40000, 0, overflow_fiber, NULL);
    ok(fiber != NULL, "CreateFiberEx failed %lu\n", GetLastError());
    SwitchToFiber(fiber);
    ok(fiber_recovered, "the overflowing fiber did not recover\n");
    ok(overflows == 1, "%ld overflows\n", overflows);
    ok(!others, "%ld other exceptions\n", others);
    ok(fiber_low && fiber_high - fiber_low >= 0x40000, "fiber stack %p-%p\n", (void *)fiber_low, (void *)fiber_high);
    ok(overflow_address >= fiber_low && overflow_address < fiber_high, "overflow at %p, not in the fiber's stack %p-%p\n",
       (void *)overflow_address, (void *)fiber_low, (void *)fiber_high);
    DeleteFiber(fiber);
    ConvertFiberToThread();
}

int main(void)
{
    void *vh = AddVectoredExceptionHandler(1, handler);
    test_start("fiberstack");
    test_tid = GetCurrentThreadId();
    test_growth();
    test_frame_on_guard();
    test_overflow();
    test_guard_elsewhere();
    test_fibers();
    RemoveVectoredExceptionHandler(vh);
    return test_summary();
}
