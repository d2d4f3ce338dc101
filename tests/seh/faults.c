/*
 * tests/seh/faults.c — deliberate faults of every kind caught by C's
 * __try/__except (compiled by clang for x86_64-w64-mingw32, which emits
 * __C_specific_handler scope tables as MSVC does; gcc has no __try):
 * execute/read/write access violations, a call through a null pointer,
 * illegal and privileged instructions, breakpoints, division faults through
 * register and memory operands, guard pages, stack overflow recovered twice
 * on the main thread with _resetstkoflw; filters that read
 * GetExceptionInformation and return EXCEPTION_CONTINUE_EXECUTION after
 * repairing the context; __finally on every way out of a __try; continuing a
 * noncontinuable exception; single stepping switched on through the
 * context; vectored handlers that remove themselves while dispatching.
 * Children: the unhandled-exception filter's three answers, an unhandled
 * fault in another thread, and wlx's crash report.
 */
#include "test.h"
#include <malloc.h>
#include <float.h>
#include <setjmp.h>

/* addresses the compiler cannot see through: a null pointer it knows of
   would make the code after it unreachable */
static void *volatile null_address;

static EXCEPTION_RECORD seen_rec;
static CONTEXT seen_ctx;
static volatile int filter_calls;

/* a filter: keeps a copy of what it was shown, then runs the __except block */
static LONG keep(EXCEPTION_POINTERS *ptrs, LONG ret)
{
    seen_rec = *ptrs->ExceptionRecord;
    seen_ctx = *ptrs->ContextRecord;
    filter_calls++;
    return ret;
}

static void reset_seen(void)
{
    memset(&seen_rec, 0, sizeof(seen_rec));
    memset(&seen_ctx, 0, sizeof(seen_ctx));
    filter_calls = 0;
}

/* ---- access violations ---- */

typedef void (*func_t)(void);

/* clang's __try covers calls only (no -fasync-exceptions for C): every
   fault happens in a function of its own */
static void __attribute__((noinline)) write_byte(volatile BYTE *p, BYTE v) { *p = v; }
static BYTE __attribute__((noinline)) read_byte(volatile BYTE *p) { return *p; }

static int call_at(void *code)
{
    int caught = 0;
    reset_seen();
    __try { ((func_t)code)(); }
    __except (keep(GetExceptionInformation(), EXCEPTION_EXECUTE_HANDLER)) { caught = 1; }
    return caught;
}

static void test_access_violations(void)
{
    BYTE *page = VirtualAlloc(NULL, 0x2000, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    DWORD old;
    ok(page != NULL, "VirtualAlloc failed\n");
    if (!page) return;
    page[0] = 0xc3;   /* ret */
    page[0x1000] = 0xc3;

    /* code in memory that is not executable: DEP */
    ok(call_at(page), "executing a PAGE_READWRITE page was not caught\n");
    ok(seen_rec.ExceptionCode == EXCEPTION_ACCESS_VIOLATION, "code %08lx\n", seen_rec.ExceptionCode);
    ok(seen_rec.ExceptionAddress == page, "address %p, expected %p\n", seen_rec.ExceptionAddress, page);
    ok(seen_rec.NumberParameters == 2, "%lu parameters\n", seen_rec.NumberParameters);
    ok(seen_rec.ExceptionInformation[0] == EXCEPTION_EXECUTE_FAULT, "kind %Iu, expected 8 (execute)\n",
       seen_rec.ExceptionInformation[0]);
    ok(seen_rec.ExceptionInformation[1] == (ULONG_PTR)page, "fault address %Ix\n", seen_rec.ExceptionInformation[1]);
    ok(seen_ctx.Rip == (ULONG_PTR)page, "Rip %Ix\n", seen_ctx.Rip);

    /* made executable, the same code runs */
    ok(VirtualProtect(page, 0x1000, PAGE_EXECUTE_READ, &old), "VirtualProtect failed\n");
    ok(!call_at(page), "executable code faulted: %08lx\n", seen_rec.ExceptionCode);

    /* a no-access page: executing it is an execute fault too */
    ok(VirtualProtect(page + 0x1000, 0x1000, PAGE_NOACCESS, &old), "VirtualProtect failed\n");
    ok(call_at(page + 0x1000), "executing a PAGE_NOACCESS page was not caught\n");
    ok(seen_rec.ExceptionCode == EXCEPTION_ACCESS_VIOLATION, "code %08lx\n", seen_rec.ExceptionCode);
    ok(seen_rec.ExceptionInformation[0] == EXCEPTION_EXECUTE_FAULT, "kind %Iu, expected 8\n",
       seen_rec.ExceptionInformation[0]);
    ok(seen_rec.ExceptionInformation[1] == (ULONG_PTR)page + 0x1000, "fault address %Ix\n",
       seen_rec.ExceptionInformation[1]);

    /* a call through a null function pointer: the return address is on the
       stack, the fault is at 0 */
    ok(call_at(null_address), "calling address 0 was not caught\n");
    ok(seen_rec.ExceptionCode == EXCEPTION_ACCESS_VIOLATION, "code %08lx\n", seen_rec.ExceptionCode);
    ok(seen_rec.ExceptionAddress == NULL, "address %p\n", seen_rec.ExceptionAddress);
    ok(seen_rec.ExceptionInformation[0] == EXCEPTION_EXECUTE_FAULT, "kind %Iu, expected 8\n",
       seen_rec.ExceptionInformation[0]);
    ok(seen_rec.ExceptionInformation[1] == 0, "fault address %Ix\n", seen_rec.ExceptionInformation[1]);
    ok(seen_ctx.Rip == 0, "Rip %Ix\n", seen_ctx.Rip);

    /* writing a read-only page, reading a no-access one */
    ok(VirtualProtect(page, 0x1000, PAGE_READONLY, &old), "VirtualProtect failed\n");
    reset_seen();
    __try { write_byte(page + 0x123, 1); }
    __except (keep(GetExceptionInformation(), EXCEPTION_EXECUTE_HANDLER)) {}
    ok(filter_calls == 1, "filter called %d times\n", filter_calls);
    ok(seen_rec.ExceptionInformation[0] == EXCEPTION_WRITE_FAULT, "kind %Iu, expected 1\n",
       seen_rec.ExceptionInformation[0]);
    ok(seen_rec.ExceptionInformation[1] == (ULONG_PTR)page + 0x123, "fault address %Ix\n",
       seen_rec.ExceptionInformation[1]);
    ok(page[0x123] == 0, "the write went through\n");
    reset_seen();
    __try { read_byte(page + 0x1fff); }
    __except (keep(GetExceptionInformation(), EXCEPTION_EXECUTE_HANDLER)) {}
    ok(filter_calls == 1, "filter called %d times\n", filter_calls);
    ok(seen_rec.ExceptionInformation[0] == EXCEPTION_READ_FAULT, "kind %Iu, expected 0\n",
       seen_rec.ExceptionInformation[0]);
    ok(seen_rec.ExceptionInformation[1] == (ULONG_PTR)page + 0x1fff, "fault address %Ix\n",
       seen_rec.ExceptionInformation[1]);

    /* an address that is not canonical: the processor does not say which,
       Windows reports a read of ~0 */
    reset_seen();
    __try { read_byte((BYTE *)null_address + 0x8000000000000000ULL); }
    __except (keep(GetExceptionInformation(), EXCEPTION_EXECUTE_HANDLER)) {}
    ok(seen_rec.ExceptionCode == EXCEPTION_ACCESS_VIOLATION, "code %08lx\n", seen_rec.ExceptionCode);
    ok(seen_rec.ExceptionInformation[1] == ~(ULONG_PTR)0, "fault address %Ix, expected ~0\n",
       seen_rec.ExceptionInformation[1]);
    VirtualFree(page, 0, MEM_RELEASE);
}

/* ---- instructions ---- */

extern char ud2_at[], hlt_at[], cli_at[], in_at[], out_at[], int3_at[];
static void __attribute__((noinline)) do_ud2(void) { __asm__ volatile("ud2_at: ud2"); }
static void __attribute__((noinline)) do_hlt(void) { __asm__ volatile("hlt_at: hlt"); }
static void __attribute__((noinline)) do_cli(void) { __asm__ volatile("cli_at: cli"); }
static void __attribute__((noinline)) do_in(void) { __asm__ volatile("in_at: movl $0x60, %%edx\n\tinb %%dx, %%al" ::: "eax", "edx"); }
static void __attribute__((noinline)) do_out(void) { __asm__ volatile("out_at: outb %%al, $0x80" ::: "memory"); }
static void __attribute__((noinline)) do_int3(void) { __asm__ volatile("int3_at: int3\n\tnop"); }

static DWORD run_insn(func_t f)
{
    reset_seen();
    __try { f(); }
    __except (keep(GetExceptionInformation(), EXCEPTION_EXECUTE_HANDLER)) {}
    return filter_calls ? seen_rec.ExceptionCode : 0;
}

static void test_instructions(void)
{
    DWORD code;
    code = run_insn(do_ud2);
    ok(code == EXCEPTION_ILLEGAL_INSTRUCTION, "ud2: %08lx\n", code);
    ok(seen_rec.ExceptionAddress == ud2_at, "ud2 at %p, reported %p\n", ud2_at, seen_rec.ExceptionAddress);

    code = run_insn(do_hlt);
    ok(code == EXCEPTION_PRIV_INSTRUCTION, "hlt: %08lx\n", code);
    ok(seen_rec.ExceptionAddress == hlt_at, "hlt at %p, reported %p\n", hlt_at, seen_rec.ExceptionAddress);
    code = run_insn(do_cli);
    ok(code == EXCEPTION_PRIV_INSTRUCTION, "cli: %08lx\n", code);
    ok(seen_rec.ExceptionAddress == cli_at, "cli at %p, reported %p\n", cli_at, seen_rec.ExceptionAddress);
    code = run_insn(do_in);
    ok(code == EXCEPTION_PRIV_INSTRUCTION, "in: %08lx\n", code);
    ok(seen_rec.ExceptionAddress == in_at + 5, "in at %p, reported %p\n", in_at + 5, seen_rec.ExceptionAddress);
    code = run_insn(do_out);
    ok(code == EXCEPTION_PRIV_INSTRUCTION, "out: %08lx\n", code);

    code = run_insn(do_int3);
    ok(code == EXCEPTION_BREAKPOINT, "int3: %08lx\n", code);
    ok(seen_rec.ExceptionAddress == int3_at, "int3 at %p, reported %p\n", int3_at, seen_rec.ExceptionAddress);
    ok(seen_ctx.Rip == (ULONG_PTR)int3_at, "int3: Rip %Ix\n", seen_ctx.Rip);
}

/* div and idiv of each width, divisor in a register or in memory */
static volatile LONG64 mem_divisor;

static void __attribute__((noinline)) divide_insn(int kind)
{
    switch (kind)
    {
    case 0:   /* idiv cl: -128 / -1 does not fit a byte */
        __asm__ volatile("movw $-128, %%ax\n\tmovb $-1, %%cl\n\tidivb %%cl" ::: "eax", "ecx");
        break;
    case 1:   /* idiv qword [mem]: INT64_MIN / -1 */
        mem_divisor = -1;
        __asm__ volatile("movabsq $0x8000000000000000, %%rax\n\tcqto\n\tidivq %0" :: "m"(mem_divisor) : "rax", "rdx");
        break;
    case 2:   /* div qword [mem] by 0 */
        mem_divisor = 0;
        __asm__ volatile("movl $5, %%eax\n\txorl %%edx, %%edx\n\tdivq %0" :: "m"(mem_divisor) : "rax", "rdx");
        break;
    case 3:   /* div r9d: a quotient that does not fit 32 bits */
        __asm__ volatile("movl $2, %%edx\n\txorl %%eax, %%eax\n\tmovl $1, %%r9d\n\tdivl %%r9d" ::: "rax", "rdx", "r9");
        break;
    case 4:   /* div word: 16-bit divide by zero through r10w */
        __asm__ volatile("movl $7, %%eax\n\txorl %%edx, %%edx\n\txorl %%r10d, %%r10d\n\tdivw %%r10w" ::: "rax", "rdx", "r10");
        break;
    }
}

static DWORD divide(int kind)
{
    reset_seen();
    __try { divide_insn(kind); }
    __except (keep(GetExceptionInformation(), EXCEPTION_EXECUTE_HANDLER)) {}
    return filter_calls ? seen_rec.ExceptionCode : 0;
}

static void test_division(void)
{
    DWORD code;
    /* Wine 8 reports every #DE as a division by zero */
    code = divide(0);
    todo_wine(code == EXCEPTION_INT_OVERFLOW, "idiv cl: %08lx\n", code);
    code = divide(1);
    todo_wine(code == EXCEPTION_INT_OVERFLOW, "idiv qword [mem]: %08lx\n", code);
    code = divide(2);
    ok(code == EXCEPTION_INT_DIVIDE_BY_ZERO, "div qword [mem] by 0: %08lx\n", code);
    code = divide(3);
    todo_wine(code == EXCEPTION_INT_OVERFLOW, "div r9d: %08lx\n", code);
    code = divide(4);
    ok(code == EXCEPTION_INT_DIVIDE_BY_ZERO, "div r10w by 0: %08lx\n", code);
}

/* ---- floating point, unmasked ---- */

static volatile double fp_zero = 0.0, fp_one = 1.0, fp_result;
static void __attribute__((noinline)) sse_divide(void) { fp_result = fp_one / fp_zero; }

static void test_float(void)
{
    unsigned int old = _controlfp(0, 0);
    reset_seen();
    _clearfp();
    _controlfp(old & ~_EM_ZERODIVIDE, _MCW_EM);
    __try { sse_divide(); }
    __except (keep(GetExceptionInformation(), EXCEPTION_EXECUTE_HANDLER)) {}
    _clearfp();
    _controlfp(old, _MCW_EM);
    ok(filter_calls == 1, "an unmasked SSE division by zero raised nothing\n");
    /* x64 Windows names the cause of an SSE exception (32-bit code under
       WOW64 gets STATUS_FLOAT_MULTIPLE_TRAPS) and passes 0 and MXCSR */
    ok(seen_rec.ExceptionCode == STATUS_FLOAT_DIVIDE_BY_ZERO, "code %08lx\n", seen_rec.ExceptionCode);
    ok(seen_rec.NumberParameters == 2 && seen_rec.ExceptionInformation[0] == 0, "%lu parameters, first %Ix\n",
       seen_rec.NumberParameters, seen_rec.ExceptionInformation[0]);
    ok(seen_rec.ExceptionInformation[1] == seen_ctx.MxCsr, "second parameter %Ix, MxCsr %lx\n",
       seen_rec.ExceptionInformation[1], seen_ctx.MxCsr);
    ok(seen_ctx.MxCsr & 4, "MxCsr %#lx: no division by zero flagged\n", seen_ctx.MxCsr);
    /* masked again: infinity, no exception */
    reset_seen();
    __try { sse_divide(); }
    __except (keep(GetExceptionInformation(), EXCEPTION_EXECUTE_HANDLER)) {}
    ok(filter_calls == 0 && fp_result > 1e308, "masked: %d exceptions, result %f\n", filter_calls, fp_result);
}

/* ---- filters that continue ---- */

static BYTE fixed_target[16];
extern char reload_at[];

/* reads through rax; the filter points rax at a good buffer */
static int __attribute__((noinline)) read_through_rax(BYTE *p)
{
    int v;
    __asm__ volatile("reload_at: movzbl (%1), %0" : "=r"(v) : "a"(p) : "memory");
    return v;
}

static LONG repair_rax(EXCEPTION_POINTERS *ptrs)
{
    filter_calls++;
    if (ptrs->ExceptionRecord->ExceptionCode != EXCEPTION_ACCESS_VIOLATION) return EXCEPTION_CONTINUE_SEARCH;
    if (ptrs->ContextRecord->Rip != (ULONG_PTR)reload_at) return EXCEPTION_CONTINUE_SEARCH;
    ptrs->ContextRecord->Rax = (ULONG_PTR)fixed_target;
    return EXCEPTION_CONTINUE_EXECUTION;
}

static void test_continue_execution(void)
{
    int v = -1, handled = 0;
    fixed_target[0] = 0x5c;
    filter_calls = 0;
    __try { v = read_through_rax((BYTE *)null_address + 16); }
    __except (repair_rax(GetExceptionInformation())) { handled = 1; }
    ok(!handled, "the __except block ran\n");
    ok(filter_calls == 1, "filter called %d times\n", filter_calls);
    ok(v == 0x5c, "the faulting read went on with %#x\n", v);
}

/* ---- __finally ---- */

static char trail[32];
static int ntrail;
static void mark(char c) { if (ntrail < 31) trail[ntrail++] = c; trail[ntrail] = 0; }

static int __attribute__((noinline)) finally_return(void)
{
    __try { mark('t'); return 1; }
    __finally { mark(AbnormalTermination() ? 'A' : 'f'); }
    return 2;
}

static void __attribute__((noinline)) finally_leave(void)
{
    __try { mark('t'); __leave; mark('x'); }
    __finally { mark(AbnormalTermination() ? 'A' : 'f'); }
}

static void __attribute__((noinline)) finally_fault(volatile int *p)
{
    __try
    {
        __try { mark('t'); write_byte((volatile BYTE *)p, 1); mark('x'); }
        __finally { mark(AbnormalTermination() ? 'A' : 'f'); }
    }
    __finally { mark(AbnormalTermination() ? 'B' : 'g'); }
}

static LONG order_filter(void) { mark('F'); return EXCEPTION_EXECUTE_HANDLER; }

/* longjmp out of a __try: msvcrt's longjmp unwinds (STATUS_LONGJUMP), the
   __finally runs on the way */
static jmp_buf jump_buffer;
static void __attribute__((noinline)) jump_out(void) { longjmp(jump_buffer, 7); }

static void __attribute__((noinline)) finally_longjmp(void)
{
    __try { mark('t'); jump_out(); mark('x'); }
    __finally { mark(AbnormalTermination() ? 'A' : 'f'); }
}

static void __attribute__((noinline)) test_longjmp(void)
{
    volatile int r;
    ntrail = 0;
    r = setjmp(jump_buffer);
    if (!r) finally_longjmp();
    else mark('0' + r);
    ok(!strcmp(trail, "tA7"), "longjmp out of a __try: %s, expected tA7\n", trail);
}

static void test_finally(void)
{
    ntrail = 0;
    ok(finally_return() == 1, "return out of __try\n");
    /* MSVC calls it an abnormal termination, clang does not: only that it ran */
    ok(ntrail == 2 && trail[0] == 't' && (trail[1] == 'A' || trail[1] == 'f'), "return out of __try: %s\n", trail);
    ntrail = 0;
    finally_leave();
    ok(!strcmp(trail, "tf"), "__leave: %s, expected tf\n", trail);

    test_longjmp();

    /* the filter runs before the __finally blocks, which run innermost first
       and before the __except block */
    ntrail = 0;
    __try { finally_fault(null_address); }
    __except (order_filter()) { mark('E'); }
    ok(!strcmp(trail, "tFABE"), "order %s, expected tFABE\n", trail);

    /* an exception caught inside a __finally block that runs while unwinding */
    ntrail = 0;
    __try
    {
        __try { RaiseException(0xe0000010, 0, 0, NULL); }
        __finally
        {
            __try { RaiseException(0xe0000011, 0, 0, NULL); }
            __except (GetExceptionCode() == 0xe0000011) { mark('i'); }
            mark('f');
        }
    }
    __except (GetExceptionCode() == 0xe0000010) { mark('E'); }
    ok(!strcmp(trail, "ifE"), "an exception handled inside a __finally: %s, expected ifE\n", trail);

    /* a collided unwind: the __finally that the unwind to the middle
       __except runs raises an exception that only the outer __except
       takes; its unwind crosses the first one, which stops there (the
       __finally does not run twice, the middle __except block never) */
    ntrail = 0;
    __try
    {
        __try
        {
            __try { RaiseException(0xe0000020, 0, 0, NULL); }
            __finally
            {
                mark('f');
                if (AbnormalTermination()) RaiseException(0xe0000021, 0, 0, NULL);
            }
        }
        __except (GetExceptionCode() == 0xe0000020) { mark('M'); }
        mark('x');
    }
    __except (GetExceptionCode() == 0xe0000021) { mark('O'); }
    ok(!strcmp(trail, "fO"), "a collided unwind: %s, expected fO\n", trail);

    /* an unwind started from a __finally: the outer filter runs once, the
       finally blocks of both levels once each */
    ntrail = 0;
    __try { finally_fault(null_address); finally_fault(null_address); }
    __except (order_filter()) { mark('E'); }
    ok(!strcmp(trail, "tFABE"), "after a collided unwind, order %s, expected tFABE\n", trail);
}

/* ---- through callbacks of the system ---- */

static void CALLBACK faulting_apc(ULONG_PTR arg)
{
    write_byte((volatile BYTE *)arg, 1);
}

static int __cdecl faulting_compare(const void *a, const void *b)
{
    RaiseException(0xe0000030, 0, 0, NULL);
    return 0;
}

static void test_callbacks(void)
{
    int caught = 0, values[4] = { 4, 3, 2, 1 };
    /* an APC run by an alertable wait */
    reset_seen();
    __try
    {
        ok(QueueUserAPC(faulting_apc, GetCurrentThread(), (ULONG_PTR)null_address + 8), "QueueUserAPC failed\n");
        SleepEx(0, TRUE);
    }
    __except (keep(GetExceptionInformation(), EXCEPTION_EXECUTE_HANDLER)) { caught = 1; }
    ok(caught && seen_rec.ExceptionCode == EXCEPTION_ACCESS_VIOLATION && seen_rec.ExceptionInformation[1] == 8,
       "a fault in an APC: caught %d, code %08lx\n", caught, seen_rec.ExceptionCode);
    /* the thread's state is sane afterwards: another APC runs */
    ok(QueueUserAPC(faulting_apc, GetCurrentThread(), (ULONG_PTR)&values[0]), "QueueUserAPC failed\n");
    ok(SleepEx(0, TRUE) == WAIT_IO_COMPLETION && values[0] == 1, "the second APC did not run\n");

    caught = 0;
    __try { qsort(values, 4, sizeof(int), faulting_compare); }
    __except (GetExceptionCode() == 0xe0000030) { caught = 1; }
    ok(caught, "an exception out of qsort's callback was not caught\n");
}

/* ---- _local_unwind ---- */

/* what MSVC emits for a return (or goto, break) out of __try blocks with
   __finally handlers: msvcrt's _local_unwind(frame, target). clang does
   not, so the two functions are written out: scope 0 the inner __try,
   scope 1 the outer one; local_unwind_out goes to a target outside both
   (a return), local_unwind_in to one inside the outer (a break out of the
   inner only), whose __finally then must not run. */
void __attribute__((used)) finally_inner(BOOLEAN abnormal, void *frame) { mark(abnormal ? 'I' : 'i'); }
void __attribute__((used)) finally_outer(BOOLEAN abnormal, void *frame) { mark(abnormal ? 'O' : 'o'); }
int local_unwind_out(void);
int local_unwind_in(void);
__asm__(".text\n"
        ".def local_unwind_out; .scl 2; .type 32; .endef\n"
        ".seh_proc local_unwind_out\n"
        "local_unwind_out:\n\t"
        "subq $0x28, %rsp\n\t"
        ".seh_stackalloc 0x28\n\t"
        ".seh_endprologue\n\t"
        ".seh_handler __C_specific_handler, @unwind, @except\n\t"
        ".seh_handlerdata\n\t"
        ".long 2\n\t"
        ".rva lu1_inner_begin, lu1_inner_end, finally_inner\n\t.long 0\n\t"
        ".rva lu1_outer_begin, lu1_outer_end, finally_outer\n\t.long 0\n\t"
        ".text\n"
        "lu1_outer_begin:\n\t"
        "nop\n"
        "lu1_inner_begin:\n\t"
        "movq %rsp, %rcx\n\t"
        "leaq lu1_target(%rip), %rdx\n\t"
        "callq *__imp__local_unwind(%rip)\n\t"
        "nop\n"
        "lu1_inner_end:\n\t"
        "nop\n"
        "lu1_outer_end:\n\t"
        "movl $2, %eax\n\t"
        "jmp lu1_done\n"
        "lu1_target:\n\t"
        "movl $1, %eax\n"
        "lu1_done:\n\t"
        "addq $0x28, %rsp\n\t"
        "ret\n"
        ".seh_endproc\n"
        ".def local_unwind_in; .scl 2; .type 32; .endef\n"
        ".seh_proc local_unwind_in\n"
        "local_unwind_in:\n\t"
        "subq $0x28, %rsp\n\t"
        ".seh_stackalloc 0x28\n\t"
        ".seh_endprologue\n\t"
        ".seh_handler __C_specific_handler, @unwind, @except\n\t"
        ".seh_handlerdata\n\t"
        ".long 2\n\t"
        ".rva lu2_inner_begin, lu2_inner_end, finally_inner\n\t.long 0\n\t"
        ".rva lu2_outer_begin, lu2_outer_end, finally_outer\n\t.long 0\n\t"
        ".text\n"
        "lu2_outer_begin:\n\t"
        "nop\n"
        "lu2_inner_begin:\n\t"
        "movq %rsp, %rcx\n\t"
        "leaq lu2_target(%rip), %rdx\n\t"
        "callq *__imp__local_unwind(%rip)\n\t"
        "nop\n"
        "lu2_inner_end:\n\t"
        "movl $2, %eax\n\t"
        "jmp lu2_done\n"
        "lu2_target:\n\t"
        "movl $1, %eax\n\t"
        "nop\n"
        "lu2_outer_end:\n"
        "lu2_done:\n\t"
        "addq $0x28, %rsp\n\t"
        "ret\n"
        ".seh_endproc\n");

static void test_local_unwind(void)
{
    ntrail = 0;
    ok(local_unwind_out() == 1, "_local_unwind did not reach its target\n");
    ok(!strcmp(trail, "IO"), "a return out of two __try blocks: %s, expected IO\n", trail);
    ntrail = 0;
    ok(local_unwind_in() == 1, "_local_unwind did not reach its target\n");
    ok(!strcmp(trail, "I"), "a break out of the inner __try only: %s, expected I\n", trail);
}

/* ---- noncontinuable ---- */

static EXCEPTION_RECORD nested_inner;

static LONG keep_nested(EXCEPTION_POINTERS *ptrs)
{
    keep(ptrs, EXCEPTION_EXECUTE_HANDLER);
    if (ptrs->ExceptionRecord->ExceptionRecord) nested_inner = *ptrs->ExceptionRecord->ExceptionRecord;
    return EXCEPTION_EXECUTE_HANDLER;
}

static void test_noncontinuable(void)
{
    ULONG_PTR args[2] = { 0x11, 0x22 };
    int inner_calls = 0;
    reset_seen();
    memset(&nested_inner, 0, sizeof(nested_inner));
    __try
    {
        __try { RaiseException(0xe0000bad, EXCEPTION_NONCONTINUABLE, 2, args); }
        __except (inner_calls++, GetExceptionCode() == 0xe0000bad ? EXCEPTION_CONTINUE_EXECUTION : EXCEPTION_CONTINUE_SEARCH) {}
    }
    __except (keep_nested(GetExceptionInformation())) {}
    ok(inner_calls == 2, "inner filter called %d times, expected 2 (both exceptions)\n", inner_calls);
    ok(seen_rec.ExceptionCode == STATUS_NONCONTINUABLE_EXCEPTION, "code %08lx\n", seen_rec.ExceptionCode);
    ok(seen_rec.ExceptionFlags & EXCEPTION_NONCONTINUABLE, "flags %lx\n", seen_rec.ExceptionFlags);
    /* Wine 8 leaves the new record's ExceptionRecord NULL */
    todo_wine(nested_inner.ExceptionCode == 0xe0000bad, "the nested record's code %08lx\n", nested_inner.ExceptionCode);
    todo_wine(nested_inner.NumberParameters == 2 && nested_inner.ExceptionInformation[1] == 0x22,
       "the nested record's parameters %lu %Ix\n", nested_inner.NumberParameters, nested_inner.ExceptionInformation[1]);

    /* RaiseException keeps only the noncontinuable flag, and at most 15 parameters */
    ULONG_PTR many[20];
    for (int i = 0; i < 20; i++) many[i] = 0x100 + i;
    reset_seen();
    __try { RaiseException(0xe0000123, 0, 20, many); }
    __except (keep(GetExceptionInformation(), EXCEPTION_EXECUTE_HANDLER)) {}
    ok(seen_rec.NumberParameters == EXCEPTION_MAXIMUM_PARAMETERS, "%lu parameters\n", seen_rec.NumberParameters);
    ok(seen_rec.ExceptionInformation[14] == 0x10e, "last parameter %Ix\n", seen_rec.ExceptionInformation[14]);
    HMODULE exe = GetModuleHandleW(NULL), from = NULL;
    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                       seen_rec.ExceptionAddress, &from);
    ok(from != NULL && from != exe, "RaiseException's ExceptionAddress %p is not in a system DLL\n",
       seen_rec.ExceptionAddress);
}

/* ---- guard pages, stack overflow ---- */

static void test_guard_page(void)
{
    volatile BYTE *p = VirtualAlloc(NULL, 0x1000, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE | PAGE_GUARD);
    int v = -1;
    ok(p != NULL, "VirtualAlloc failed\n");
    if (!p) return;
    reset_seen();
    __try { v = read_byte(p + 0x10); }
    __except (keep(GetExceptionInformation(), EXCEPTION_EXECUTE_HANDLER)) {}
    ok(seen_rec.ExceptionCode == STATUS_GUARD_PAGE_VIOLATION, "code %08lx\n", seen_rec.ExceptionCode);
    ok(seen_rec.NumberParameters == 2 && seen_rec.ExceptionInformation[0] == 0 &&
       seen_rec.ExceptionInformation[1] == (ULONG_PTR)p + 0x10, "parameters %lu %Iu %Ix\n",
       seen_rec.NumberParameters, seen_rec.ExceptionInformation[0], seen_rec.ExceptionInformation[1]);
    reset_seen();
    __try { write_byte(p + 0x20, 5); v = read_byte(p + 0x20); }
    __except (keep(GetExceptionInformation(), EXCEPTION_EXECUTE_HANDLER)) {}
    ok(filter_calls == 0, "the guard fired twice: %08lx\n", seen_rec.ExceptionCode);
    ok(v == 5, "read %d\n", v);
    VirtualFree((void *)p, 0, MEM_RELEASE);
}

static volatile int stop_recursion;

static int __attribute__((noinline)) recurse(int depth)
{
    volatile char buffer[1024];
    buffer[depth & 1023] = (char)depth;
    if (stop_recursion) return 0;
    return recurse(depth + 1) + buffer[(depth + 7) & 1023];
}

static int overflow_once(void)
{
    int caught = 0;
    reset_seen();
    __try { recurse(0); }
    __except (keep(GetExceptionInformation(), GetExceptionCode() == EXCEPTION_STACK_OVERFLOW)) { caught = 1; }
    return caught;
}

/* in a child: the main thread overflows, goes on, and overflows again;
   the exit code has a bit for each thing that went wrong */
static int overflow_child(void)
{
    int bad = 0;
    char text[64];
    if (!overflow_once() || seen_rec.ExceptionCode != EXCEPTION_STACK_OVERFLOW) bad |= 1;
    if (!_resetstkoflw()) bad |= 2;
    /* the thread goes on: calls that need stack work */
    if (snprintf(text, sizeof(text), "%d-%s", 5, "x") != 3 || strcmp(text, "5-x")) bad |= 4;
    if (!overflow_once() || seen_rec.ExceptionCode != EXCEPTION_STACK_OVERFLOW) bad |= 8;
    if (!_resetstkoflw()) bad |= 16;
    return bad;
}

static DWORD run_child(const char *what, char *output, DWORD size);

static void test_stack_overflow(void)
{
    DWORD code = run_child("overflow", NULL, 0);
    ok(code == 0, "main thread's stack overflows: exit code %#lx\n", code);
}

/* ---- vectored handlers and single steps ---- */

extern char step_start[], step_next[], step_after[];
static ULONG_PTR step_addresses[4];
static int nsteps;

static LONG CALLBACK step_handler(EXCEPTION_POINTERS *ptrs)
{
    CONTEXT *ctx = ptrs->ContextRecord;
    if (ptrs->ExceptionRecord->ExceptionCode == EXCEPTION_BREAKPOINT && ctx->Rip == (ULONG_PTR)step_start)
    {
        ctx->Rip++;                 /* past the int3 */
        ctx->EFlags |= 0x100;       /* and one instruction more */
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    if (ptrs->ExceptionRecord->ExceptionCode == EXCEPTION_SINGLE_STEP)
    {
        if (nsteps < 4) step_addresses[nsteps] = (ULONG_PTR)ptrs->ExceptionRecord->ExceptionAddress;
        nsteps++;
        if (nsteps == 1) ctx->EFlags |= 0x100;   /* once more */
        else ctx->EFlags &= ~0x100;
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    return EXCEPTION_CONTINUE_SEARCH;
}

static void test_single_step(void)
{
    void *h = AddVectoredExceptionHandler(1, step_handler);
    nsteps = 0;
    __asm__ volatile("step_start: int3\n\t"
                     "movl $1, %%eax\n"
                     "step_next: movl $2, %%eax\n"
                     "step_after: nop" ::: "eax");
    RemoveVectoredExceptionHandler(h);
    ok(nsteps == 2, "%d single steps, expected 2\n", nsteps);
    ok(step_addresses[0] == (ULONG_PTR)step_next, "first step at %Ix, expected %p\n", step_addresses[0], step_next);
    ok(step_addresses[1] == (ULONG_PTR)step_after, "second step at %Ix, expected %p\n", step_addresses[1], step_after);
}

static void *self_removing;
static int removing_calls, other_calls, continue_calls;

static LONG CALLBACK remove_myself(EXCEPTION_POINTERS *ptrs)
{
    removing_calls++;
    ok(RemoveVectoredExceptionHandler(self_removing), "removing the running handler failed\n");
    return EXCEPTION_CONTINUE_SEARCH;
}

static LONG CALLBACK count_other(EXCEPTION_POINTERS *ptrs)
{
    other_calls++;
    return EXCEPTION_CONTINUE_SEARCH;
}

static LONG CALLBACK count_continue(EXCEPTION_POINTERS *ptrs)
{
    continue_calls++;
    return EXCEPTION_CONTINUE_SEARCH;
}

static void test_vectored(void)
{
    void *other = AddVectoredExceptionHandler(0, count_other);
    self_removing = AddVectoredExceptionHandler(1, remove_myself);
    removing_calls = other_calls = 0;
    for (int i = 0; i < 2; i++)
    {
        int caught = 0;
        __try { RaiseException(0xe0000042, 0, 0, NULL); }
        __except (GetExceptionCode() == 0xe0000042) { caught = 1; }
        ok(caught, "round %d: not caught\n", i);
    }
    ok(removing_calls == 1, "the self-removing handler ran %d times\n", removing_calls);
    ok(other_calls == 2, "the other handler ran %d times\n", other_calls);
    ok(!RemoveVectoredExceptionHandler(self_removing), "removed twice\n");
    ok(RemoveVectoredExceptionHandler(other), "removing the other handler failed\n");

    /* a continue handler runs for an exception a filter continues; not for
       one an __except block takes */
    void *c = AddVectoredContinueHandler(1, count_continue);
    continue_calls = 0;
    __try { RaiseException(0xe0000043, 0, 0, NULL); }
    __except (EXCEPTION_EXECUTE_HANDLER) {}
    ok(continue_calls == 0, "continue handler ran %d times for a handled exception\n", continue_calls);
    __try { RaiseException(0xe0000044, 0, 0, NULL); }
    __except (EXCEPTION_CONTINUE_EXECUTION) {}
    /* Wine 8 never calls vectored continue handlers */
    todo_wine(continue_calls == 1, "continue handler ran %d times for a continued exception\n", continue_calls);
    RemoveVectoredContinueHandler(c);
}

/* ---- children ---- */

static LONG WINAPI top_execute(EXCEPTION_POINTERS *ptrs) { return EXCEPTION_EXECUTE_HANDLER; }
static LONG WINAPI top_search(EXCEPTION_POINTERS *ptrs) { return EXCEPTION_CONTINUE_SEARCH; }
extern char top_fault_at[];
static LONG WINAPI top_continue(EXCEPTION_POINTERS *ptrs)
{
    if (ptrs->ContextRecord->Rip != (ULONG_PTR)top_fault_at) return EXCEPTION_CONTINUE_SEARCH;
    ptrs->ContextRecord->Rip += 3;   /* movl %eax, (%rcx): 2 bytes... plus the nop */
    return EXCEPTION_CONTINUE_EXECUTION;
}

static void __attribute__((noinline)) crash_here(void)
{
    __asm__ volatile("xorl %%ecx, %%ecx\n\tmovl $0x33, %%eax\n"
                     "top_fault_at: movl %%eax, (%%rcx)\n\tnop" ::: "eax", "ecx", "memory");
}

static DWORD WINAPI crashing_thread(void *arg)
{
    crash_here();
    return 0;
}

static DWORD WINAPI crashing_thread_finally(void *arg)
{
    __try { crash_here(); }
    __finally { ExitProcess(81); }
    return 0;
}

/* a fault on a stack the unwinder cannot walk: rsp in memory that is no
   stack, the faulting code without unwind data */
static LONG CALLBACK exit_66(EXCEPTION_POINTERS *ptrs)
{
    ExitProcess(ptrs->ExceptionRecord->ExceptionFlags & EXCEPTION_STACK_INVALID ? 66 : 67);
}

static void fault_on_bad_stack(void)
{
    BYTE *mem = VirtualAlloc(NULL, 0x10000, MEM_COMMIT | MEM_RESERVE, PAGE_EXECUTE_READWRITE);
    /* mov rsp, rcx; xor eax, eax; mov [rax], eax */
    static const BYTE code[] = { 0x48, 0x89, 0xcc, 0x31, 0xc0, 0x89, 0x00 };
    memcpy(mem, code, sizeof(code));
    memset(mem + 0x1000, 0xab, 0xf000);   /* "return addresses" that are nothing */
    AddVectoredContinueHandler(1, exit_66);
    ((void (*)(void *))mem)(mem + 0x8000);
}

static int child(const char *what)
{
    SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
    if (!strcmp(what, "execute")) SetUnhandledExceptionFilter(top_execute);
    if (!strcmp(what, "search")) SetUnhandledExceptionFilter(top_search);
    if (!strcmp(what, "continue"))
    {
        SetUnhandledExceptionFilter(top_continue);
        crash_here();
        return 77;
    }
    if (!strcmp(what, "finally"))
    {
        /* the filter's EXCEPTION_EXECUTE_HANDLER unwinds the stack to the
           thread's start, which runs __finally blocks on the way */
        SetUnhandledExceptionFilter(top_execute);
        __try { crash_here(); }
        __finally { ExitProcess(78); }
    }
    if (!strcmp(what, "thread-finally"))
    {
        HANDLE thread;
        SetUnhandledExceptionFilter(top_execute);
        thread = CreateThread(NULL, 0, crashing_thread_finally, NULL, 0, NULL);
        WaitForSingleObject(thread, 10000);
        return 80;
    }
    if (!strcmp(what, "thread"))
    {
        HANDLE thread = CreateThread(NULL, 0, crashing_thread, NULL, 0, NULL);
        WaitForSingleObject(thread, 10000);
        return 79;
    }
    if (!strcmp(what, "raise")) RaiseException(0xe0001234, 0, 0, NULL);
    if (!strcmp(what, "overflow")) return overflow_child();
    if (!strcmp(what, "badstack")) fault_on_bad_stack();
    crash_here();
    return 1;
}

static DWORD run_child(const char *what, char *output, DWORD size)
{
    char path[MAX_PATH], cmd[MAX_PATH + 40];
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE read_end, write_end;
    DWORD code = 0xdeadbeef, got = 0, n;
    if (output) *output = 0;
    if (!CreatePipe(&read_end, &write_end, &sa, 0)) return code;
    SetHandleInformation(read_end, HANDLE_FLAG_INHERIT, 0);
    si.dwFlags = STARTF_USESTDHANDLES;   /* without output: no handles, crash reports stay out of the log */
    if (output) si.hStdOutput = si.hStdError = write_end;
    GetModuleFileNameA(NULL, path, sizeof(path));
    snprintf(cmd, sizeof(cmd), "\"%s\" %s", path, what);
    if (CreateProcessA(path, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi))
    {
        CloseHandle(write_end);
        write_end = NULL;
        while (output && got + 1 < size && ReadFile(read_end, output + got, size - 1 - got, &n, NULL) && n) got += n;
        if (output) output[got] = 0;
        if (WaitForSingleObject(pi.hProcess, 20000) != WAIT_OBJECT_0) TerminateProcess(pi.hProcess, 0xdead);
        GetExitCodeProcess(pi.hProcess, &code);
        CloseHandle(pi.hProcess);
        CloseHandle(pi.hThread);
    }
    if (write_end) CloseHandle(write_end);
    CloseHandle(read_end);
    return code;
}

static void test_unhandled(void)
{
    static char report[8192];
    DWORD code;
    code = run_child("execute", NULL, 0);
    ok(code == EXCEPTION_ACCESS_VIOLATION, "filter EXCEPTION_EXECUTE_HANDLER: exit code %08lx\n", code);
    code = run_child("continue", NULL, 0);
    ok(code == 77, "filter EXCEPTION_CONTINUE_EXECUTION: exit code %08lx\n", code);
    code = run_child("finally", NULL, 0);
    ok(code == 78, "the __finally block did not run on the way to the thread's start: exit code %08lx\n", code);
    code = run_child("thread-finally", NULL, 0);
    ok(code == 81, "another thread's __finally did not run on the way to its start: exit code %08lx\n", code);
    code = run_child("thread", NULL, 0);
    ok(code == EXCEPTION_ACCESS_VIOLATION, "a fault in another thread: exit code %08lx\n", code);
    code = run_child("raise", NULL, 0);
    ok(code == 0xe0001234, "an unhandled RaiseException: exit code %08lx\n", code);
    /* the walk breaks off (EXCEPTION_STACK_INVALID): dispatch returns
       unhandled through the continue handlers (Go's runtime reports its
       crashes from one); Wine 8 calls none */
    code = run_child("badstack", NULL, 0);
    todo_wine(code == 66, "a fault on a stack that cannot be walked: exit code %08lx, expected 66\n", code);

    code = run_child("search", report, sizeof(report));
    ok(code == EXCEPTION_ACCESS_VIOLATION, "filter EXCEPTION_CONTINUE_SEARCH: exit code %08lx\n", code);
    if (!test_is("wlx")) return;   /* the report is wlx's own */
    ok(strstr(report, "0xc0000005") != NULL, "no code in the report:\n%s\n", report);
    ok(strstr(report, "faults.exe+0x") != NULL, "no module+offset in the report:\n%s\n", report);
    /* the program exports nothing: the function comes from its COFF symbols */
    ok(strstr(report, "(crash_here+0x") != NULL, "the faulting function is not named:\n%s\n", report);
    ok(strstr(report, "writing address 0000000000000000") != NULL || strstr(report, "writing address 0x0") != NULL
       || strstr(report, "writing address (nil)") != NULL, "the access is not described:\n%s\n", report);
}

int main(int argc, char **argv)
{
    if (argc > 1) return child(argv[1]);
    test_start("faults");
    test_access_violations();
    test_instructions();
    test_division();
    test_float();
    test_continue_execution();
    test_finally();
    test_callbacks();
    test_local_unwind();
    test_noncontinuable();
    test_guard_page();
    test_stack_overflow();
    test_single_step();
    test_vectored();
    test_unhandled();
    return test_summary();
}
