/*
 * tests/ntdll/exception.c — x64 structured exception handling: vectored
 * handlers (an access violation resumed by moving Rip, RaiseException's
 * record, EXCEPTION_CONTINUE_SEARCH chaining, removal), hardware exception
 * codes (divide by zero, breakpoint), frame handlers through MSVC's scope
 * tables (__C_specific_handler: a filter, an __except target, a __finally
 * run by the unwind), the top-level filter, and walking the stack with
 * RtlCaptureContext/RtlLookupFunctionEntry/RtlVirtualUnwind.
 *
 * mingw's gcc has no __try: the scope tables are written with the same
 * .seh_handler/.seh_handlerdata directives mingw's own excpt.h uses.
 */
#include "test.h"

/* --- vectored handlers and hardware exceptions -------------------------------- */

static EXCEPTION_RECORD last_rec;
static CONTEXT last_ctx;
static volatile int calls;
static ULONG_PTR resume_at;
static void *handler_trace[32];
static volatile USHORT handler_frames;

/* record the exception and resume where the test said */
static LONG CALLBACK resume_handler(EXCEPTION_POINTERS *ptrs)
{
    calls++;
    last_rec = *ptrs->ExceptionRecord;
    last_ctx = *ptrs->ContextRecord;
    handler_frames = RtlCaptureStackBackTrace(0, 32, handler_trace, NULL);
    if (!resume_at) return EXCEPTION_CONTINUE_SEARCH;
    ptrs->ContextRecord->Rip = resume_at;
    return EXCEPTION_CONTINUE_EXECUTION;
}

extern char write_fault_insn[], write_fault_resume[], read_fault_insn[], read_fault_resume[];
extern char idiv_insn[], idiv_resume[], div_insn[], div_resume[], int3_insn[], int3_resume[], step_resume[];

static void __attribute__((noinline, noclone)) write_fault(void)
{
    __asm__ volatile("xorl %%eax, %%eax\n"
                     "write_fault_insn:\n\tmovl $1, 0x10(%%rax)\n"
                     "write_fault_resume:\n\tnop" ::: "rax", "memory");
}

static void __attribute__((noinline, noclone)) read_fault(void)
{
    __asm__ volatile("movl $0x20, %%eax\n"
                     "read_fault_insn:\n\tmovl (%%rax), %%ecx\n"
                     "read_fault_resume:\n\tnop" ::: "rax", "rcx", "memory");
}

static void __attribute__((noinline, noclone)) divide_by_zero(void)
{
    __asm__ volatile("movl $7, %%eax\n\txorl %%edx, %%edx\n\txorl %%ecx, %%ecx\n"
                     "div_insn:\n\tdivl %%ecx\n"
                     "div_resume:\n\tnop" ::: "rax", "rcx", "rdx", "memory");
}

/* INT_MIN / -1: the quotient does not fit */
static void __attribute__((noinline, noclone)) divide_overflow(void)
{
    __asm__ volatile("movl $0x80000000, %%eax\n\tcltd\n\tmovl $-1, %%ecx\n"
                     "idiv_insn:\n\tidivl %%ecx\n"
                     "idiv_resume:\n\tnop" ::: "rax", "rcx", "rdx", "memory");
}

/* TF set by popfq: the trap comes after the next instruction */
static void __attribute__((noinline, noclone)) single_step(void)
{
    __asm__ volatile("pushfq\n\torl $0x100, (%%rsp)\n\tpopfq\n\tnop\n\tnop\n"
                     "step_resume:\n\tnop" ::: "memory", "cc");
}

static void __attribute__((noinline, noclone)) breakpoint(void)
{
    __asm__ volatile("int3_insn:\n\tint3\n"
                     "int3_resume:\n\tnop" ::: "memory");
}

static int same_function(ULONG64 pc, void *func);

/* the walk from a handler goes through KiUserExceptionDispatcher's frame
   into the faulting function and its caller */
static int trace_has(void *func)
{
    for (int i = 0; i < handler_frames; i++) if (same_function((ULONG64)handler_trace[i], func)) return 1;
    return 0;
}

static void __attribute__((noinline, noclone)) test_access_violation(void)
{
    void *h = AddVectoredExceptionHandler(1, resume_handler);
    ok(h != NULL, "AddVectoredExceptionHandler failed\n");

    calls = 0;
    resume_at = (ULONG_PTR)write_fault_resume;
    write_fault();
    ok(calls == 1, "handler called %d times\n", calls);
    ok(last_rec.ExceptionCode == EXCEPTION_ACCESS_VIOLATION, "code %08lx\n", last_rec.ExceptionCode);
    ok(last_rec.ExceptionAddress == write_fault_insn, "address %p, expected %p\n", last_rec.ExceptionAddress,
       write_fault_insn);
    ok(last_rec.NumberParameters == 2, "%lu parameters\n", last_rec.NumberParameters);
    ok(last_rec.ExceptionInformation[0] == 1, "access kind %Iu, expected 1 (write)\n", last_rec.ExceptionInformation[0]);
    ok(last_rec.ExceptionInformation[1] == 0x10, "fault address %Ix\n", last_rec.ExceptionInformation[1]);
    ok(last_ctx.Rip == (ULONG_PTR)write_fault_insn, "context Rip %Ix\n", last_ctx.Rip);
    ok(last_ctx.Rax == 0, "context Rax %Ix\n", last_ctx.Rax);
    ok(handler_frames > 2, "%u frames from the handler\n", handler_frames);
    ok(trace_has(test_access_violation), "the handler's back trace misses the faulting function's caller\n");

    calls = 0;
    resume_at = (ULONG_PTR)read_fault_resume;
    read_fault();
    ok(calls == 1, "handler called %d times\n", calls);
    ok(last_rec.ExceptionCode == EXCEPTION_ACCESS_VIOLATION, "code %08lx\n", last_rec.ExceptionCode);
    ok(last_rec.ExceptionInformation[0] == 0, "access kind %Iu, expected 0 (read)\n", last_rec.ExceptionInformation[0]);
    ok(last_rec.ExceptionInformation[1] == 0x20, "fault address %Ix\n", last_rec.ExceptionInformation[1]);
    ok(last_ctx.Rax == 0x20, "context Rax %Ix\n", last_ctx.Rax);

    calls = 0;
    resume_at = (ULONG_PTR)div_resume;
    divide_by_zero();
    ok(calls == 1, "handler called %d times\n", calls);
    ok(last_rec.ExceptionCode == EXCEPTION_INT_DIVIDE_BY_ZERO, "code %08lx\n", last_rec.ExceptionCode);
    ok(last_rec.ExceptionAddress == div_insn, "address %p, expected %p\n", last_rec.ExceptionAddress, div_insn);

    calls = 0;
    resume_at = (ULONG_PTR)idiv_resume;
    divide_overflow();
    ok(calls == 1, "handler called %d times\n", calls);
    /* Wine reports every #DE as a division by zero */
    todo_wine(last_rec.ExceptionCode == EXCEPTION_INT_OVERFLOW, "code %08lx\n", last_rec.ExceptionCode);
    ok(last_rec.ExceptionAddress == idiv_insn, "address %p, expected %p\n", last_rec.ExceptionAddress, idiv_insn);

    calls = 0;
    resume_at = (ULONG_PTR)int3_resume;
    breakpoint();
    ok(calls == 1, "handler called %d times\n", calls);
    ok(last_rec.ExceptionCode == EXCEPTION_BREAKPOINT, "code %08lx\n", last_rec.ExceptionCode);
    /* x64 Windows reports the int3 itself, in the record and the context */
    ok(last_rec.ExceptionAddress == int3_insn, "address %p, expected %p\n", last_rec.ExceptionAddress, int3_insn);
    ok(last_ctx.Rip == (ULONG_PTR)int3_insn, "context Rip %Ix, expected %p\n", last_ctx.Rip, int3_insn);

    calls = 0;
    resume_at = (ULONG_PTR)step_resume;
    single_step();
    ok(calls == 1, "handler called %d times\n", calls);
    ok(last_rec.ExceptionCode == EXCEPTION_SINGLE_STEP, "code %08lx\n", last_rec.ExceptionCode);
    ok(!(last_ctx.EFlags & 0x100), "TF still set in the context: %08lx\n", last_ctx.EFlags);

    ok(RemoveVectoredExceptionHandler(h) != 0, "RemoveVectoredExceptionHandler failed\n");
    ok(RemoveVectoredExceptionHandler(h) == 0, "a second removal succeeded\n");
    resume_at = 0;
}

static LONG CALLBACK continue_handler(EXCEPTION_POINTERS *ptrs)
{
    last_rec = *ptrs->ExceptionRecord;
    calls++;
    return EXCEPTION_CONTINUE_EXECUTION;
}

static void test_raise_exception(void)
{
    ULONG_PTR args[20];
    void *h = AddVectoredExceptionHandler(0, continue_handler);
    for (int i = 0; i < 20; i++) args[i] = 0x1000 + i;

    calls = 0;
    RaiseException(0xe0001234, 0, 3, args);
    ok(calls == 1, "handler called %d times\n", calls);
    ok(last_rec.ExceptionCode == 0xe0001234, "code %08lx\n", last_rec.ExceptionCode);
    ok(last_rec.ExceptionFlags == 0, "flags %lx\n", last_rec.ExceptionFlags);
    ok(last_rec.ExceptionRecord == NULL, "nested record %p\n", last_rec.ExceptionRecord);
    ok(last_rec.NumberParameters == 3, "%lu parameters\n", last_rec.NumberParameters);
    ok(last_rec.ExceptionInformation[0] == 0x1000 && last_rec.ExceptionInformation[2] == 0x1002,
       "parameters %Ix %Ix\n", last_rec.ExceptionInformation[0], last_rec.ExceptionInformation[2]);

    calls = 0;
    RaiseException(0xe0005678, 0, 0, NULL);
    ok(calls == 1 && last_rec.NumberParameters == 0, "calls %d, %lu parameters\n", calls, last_rec.NumberParameters);

    /* more than EXCEPTION_MAXIMUM_PARAMETERS are cut to 15 */
    calls = 0;
    RaiseException(0xe0005679, 0, 20, args);
    ok(calls == 1 && last_rec.NumberParameters == EXCEPTION_MAXIMUM_PARAMETERS, "calls %d, %lu parameters\n", calls,
       last_rec.NumberParameters);
    ok(last_rec.ExceptionInformation[14] == 0x100e, "last parameter %Ix\n", last_rec.ExceptionInformation[14]);
    RemoveVectoredExceptionHandler(h);
}

/* --- chaining ----------------------------------------------------------------------- */

static char order[8];
static int norder;

static LONG CALLBACK search_a(EXCEPTION_POINTERS *ptrs) { order[norder++] = 'a'; return EXCEPTION_CONTINUE_SEARCH; }
static LONG CALLBACK search_b(EXCEPTION_POINTERS *ptrs) { order[norder++] = 'b'; return EXCEPTION_CONTINUE_SEARCH; }
static LONG CALLBACK stop_c(EXCEPTION_POINTERS *ptrs) { order[norder++] = 'c'; return EXCEPTION_CONTINUE_EXECUTION; }

static LONG CALLBACK continue_d(EXCEPTION_POINTERS *ptrs) { order[norder++] = 'd'; return EXCEPTION_CONTINUE_SEARCH; }

static void test_chaining(void)
{
    void *c = AddVectoredExceptionHandler(0, stop_c);
    void *b = AddVectoredExceptionHandler(1, search_b);
    void *a = AddVectoredExceptionHandler(1, search_a);

    norder = 0;
    memset(order, 0, sizeof(order));
    RaiseException(0xe0000001, 0, 0, NULL);
    ok(!strcmp(order, "abc"), "order %s, expected abc\n", order);

    ok(RemoveVectoredExceptionHandler(b), "removing b failed\n");
    norder = 0;
    memset(order, 0, sizeof(order));
    RaiseException(0xe0000002, 0, 0, NULL);
    ok(!strcmp(order, "ac"), "order %s after removing b, expected ac\n", order);

    /* when continue handlers run is not documented (Wine 8 never calls
       them): only registering and removing one is checked */
    void *d = AddVectoredContinueHandler(0, continue_d);
    ok(d != NULL, "AddVectoredContinueHandler failed\n");
    ok(RemoveVectoredContinueHandler(d), "RemoveVectoredContinueHandler failed\n");
    ok(!RemoveVectoredContinueHandler(d), "a second removal succeeded\n");

    RemoveVectoredExceptionHandler(a);
    RemoveVectoredExceptionHandler(c);
}

/* --- frame handlers: __C_specific_handler's scope tables ---------------------------- */

static volatile int filter_calls, finally_calls, finally_abnormal;
static DWORD filter_code;
static void *filter_frame;

LONG WINAPI __attribute__((used)) test_filter(EXCEPTION_POINTERS *ptrs, void *frame)
{
    filter_calls++;
    filter_code = ptrs->ExceptionRecord->ExceptionCode;
    filter_frame = frame;
    return EXCEPTION_EXECUTE_HANDLER;
}

void WINAPI __attribute__((used)) test_finally(BOOLEAN abnormal, void *frame)
{
    finally_calls++;
    finally_abnormal = abnormal;
}

/* __try { fault } __except (test_filter(...)) { return 1; } return 0; */
static int __attribute__((noinline, noclone)) try_except_fault(void)
{
    int caught;
    __asm__ volatile(".seh_handler __C_specific_handler, @except\n\t"
                     ".seh_handlerdata\n\t"
                     ".long 1\n\t"
                     ".rva try1_begin, try1_end, test_filter, try1_target\n\t"
                     ".text\n"
                     "try1_begin:\n\t"
                     "xorl %%eax, %%eax\n\t"
                     "movl $1, 0x18(%%rax)\n\t"
                     "nop\n"
                     "try1_end:\n\t"
                     "xorl %0, %0\n\t"
                     "jmp 1f\n"
                     "try1_target:\n\t"
                     "movl $1, %0\n"
                     "1:"
                     : "=&r"(caught) :: "rax", "rcx", "rdx", "r8", "r9", "r10", "r11", "memory");
    return caught;
}

/* an empty call: a function calling it gets the home space and alignment
   the calls made from the asm below need (rsp never moves in the body,
   as the unwind data describes) */
static void __attribute__((noinline, noclone)) touch(void) { __asm__ volatile("" ::: "memory"); }

/* __try { RaiseException } __finally { test_finally(AbnormalTermination()) } */
static void __attribute__((noinline, noclone, used)) try_finally_raise(void)
{
    touch();
    __asm__ volatile(".seh_handler __C_specific_handler, @unwind\n\t"
                     ".seh_handlerdata\n\t"
                     ".long 1\n\t"
                     ".rva try2_begin, try2_end, test_finally\n\t.long 0\n\t"
                     ".text\n"
                     "try2_begin:\n\t"
                     "movl $0xe0004321, %%ecx\n\t"
                     "xorl %%edx, %%edx\n\t"
                     "xorl %%r8d, %%r8d\n\t"
                     "xorl %%r9d, %%r9d\n\t"
                     "call *__imp_RaiseException(%%rip)\n\t"
                     "nop\n"
                     "try2_end:\n\t"
                     "nop"
                     ::: "rax", "rcx", "rdx", "r8", "r9", "r10", "r11", "memory");
}

/* __try { try_finally_raise() } __except (test_filter(...)) { return 1; } */
static int __attribute__((noinline, noclone)) try_except_outer(void)
{
    int caught;
    touch();
    __asm__ volatile(".seh_handler __C_specific_handler, @except\n\t"
                     ".seh_handlerdata\n\t"
                     ".long 1\n\t"
                     ".rva try3_begin, try3_end, test_filter, try3_target\n\t"
                     ".text\n"
                     "try3_begin:\n\t"
                     "call try_finally_raise\n\t"
                     "nop\n"
                     "try3_end:\n\t"
                     "xorl %0, %0\n\t"
                     "jmp 1f\n"
                     "try3_target:\n\t"
                     "movl $1, %0\n"
                     "1:"
                     : "=&r"(caught) :: "rax", "rcx", "rdx", "r8", "r9", "r10", "r11", "memory");
    return caught;
}

/* an exception raised inside a filter: the new dispatch walks back through
   the first one (a nested exception) and reaches the outer __except */
static volatile int raising_calls;
static DWORD raising_codes[4];

LONG WINAPI __attribute__((used)) raising_filter(EXCEPTION_POINTERS *ptrs, void *frame)
{
    if (raising_calls < 4) raising_codes[raising_calls] = ptrs->ExceptionRecord->ExceptionCode;
    if (raising_calls++ == 0) RaiseException(0xe000beef, 0, 0, NULL);
    return EXCEPTION_CONTINUE_SEARCH;
}

/* __try { RaiseException(0xe000cafe) } __except (raising_filter(...)) {} */
static void __attribute__((noinline, noclone, used)) try_raise_in_filter(void)
{
    touch();
    __asm__ volatile(".seh_handler __C_specific_handler, @except\n\t"
                     ".seh_handlerdata\n\t"
                     ".long 1\n\t"
                     ".rva try4_begin, try4_end, raising_filter, try4_end\n\t"
                     ".text\n"
                     "try4_begin:\n\t"
                     "movl $0xe000cafe, %%ecx\n\t"
                     "xorl %%edx, %%edx\n\t"
                     "xorl %%r8d, %%r8d\n\t"
                     "xorl %%r9d, %%r9d\n\t"
                     "call *__imp_RaiseException(%%rip)\n\t"
                     "nop\n"
                     "try4_end:\n\t"
                     "nop"
                     ::: "rax", "rcx", "rdx", "r8", "r9", "r10", "r11", "memory");
}

/* __try { try_raise_in_filter() } __except (test_filter(...)) { return 1; } */
static int __attribute__((noinline, noclone)) try_except_nested(void)
{
    int caught;
    touch();
    __asm__ volatile(".seh_handler __C_specific_handler, @except\n\t"
                     ".seh_handlerdata\n\t"
                     ".long 1\n\t"
                     ".rva try5_begin, try5_end, test_filter, try5_target\n\t"
                     ".text\n"
                     "try5_begin:\n\t"
                     "call try_raise_in_filter\n\t"
                     "nop\n"
                     "try5_end:\n\t"
                     "xorl %0, %0\n\t"
                     "jmp 1f\n"
                     "try5_target:\n\t"
                     "movl $1, %0\n"
                     "1:"
                     : "=&r"(caught) :: "rax", "rcx", "rdx", "r8", "r9", "r10", "r11", "memory");
    return caught;
}

static void test_frame_handlers(void)
{
    filter_calls = finally_calls = 0;
    ok(try_except_fault() == 1, "the __except block did not run\n");
    ok(filter_calls == 1, "filter called %d times\n", filter_calls);
    ok(filter_code == EXCEPTION_ACCESS_VIOLATION, "filter saw %08lx\n", filter_code);

    filter_calls = finally_calls = 0;
    ok(try_except_outer() == 1, "the outer __except block did not run\n");
    ok(filter_calls == 1, "filter called %d times\n", filter_calls);
    ok(filter_code == 0xe0004321, "filter saw %08lx\n", filter_code);
    ok(finally_calls == 1, "__finally ran %d times\n", finally_calls);
    ok(finally_abnormal, "__finally not told of the abnormal termination\n");

    filter_calls = raising_calls = 0;
    ok(try_except_nested() == 1, "the outer __except block did not run\n");
    ok(raising_calls == 2, "the raising filter ran %d times\n", raising_calls);
    ok(raising_codes[0] == 0xe000cafe && raising_codes[1] == 0xe000beef, "the raising filter saw %08lx %08lx\n",
       raising_codes[0], raising_codes[1]);
    ok(filter_calls == 1 && filter_code == 0xe000beef, "outer filter: %d calls, code %08lx\n", filter_calls,
       filter_code);

    /* try_finally_raise's frame is gone: the stack is usable again */
    ok(try_except_fault() == 1, "a second __try failed\n");
}

/* --- the top-level filter ------------------------------------------------------------ */

static volatile int top_calls;

static LONG WINAPI top_filter(EXCEPTION_POINTERS *ptrs)
{
    top_calls++;
    last_rec = *ptrs->ExceptionRecord;
    ptrs->ContextRecord->Rip = (ULONG_PTR)read_fault_resume;
    return EXCEPTION_CONTINUE_EXECUTION;
}

static void test_top_filter(void)
{
    LPTOP_LEVEL_EXCEPTION_FILTER old = SetUnhandledExceptionFilter(top_filter);
    top_calls = 0;
    read_fault();
    ok(top_calls == 1, "top-level filter called %d times\n", top_calls);
    ok(last_rec.ExceptionCode == EXCEPTION_ACCESS_VIOLATION, "code %08lx\n", last_rec.ExceptionCode);
    ok(SetUnhandledExceptionFilter(old) == top_filter, "SetUnhandledExceptionFilter returned another filter\n");
}

/* --- walking the stack ------------------------------------------------------------------ */

static ULONG64 walked[8];
static volatile int nwalked;

static void __attribute__((noinline, noclone)) walk_from_here(void)
{
    CONTEXT ctx;
    RtlCaptureContext(&ctx);
    nwalked = 0;
    for (int i = 0; i < 4; i++)
    {
        ULONG64 base, frame;
        void *data;
        RUNTIME_FUNCTION *f = RtlLookupFunctionEntry(ctx.Rip, &base, NULL);
        if (!f) break;
        RtlVirtualUnwind(UNW_FLAG_NHANDLER, base, ctx.Rip, f, &ctx, &data, &frame, NULL);
        walked[nwalked++] = ctx.Rip;
    }
}

static int __attribute__((noinline, noclone)) nested2(int x) { walk_from_here(); return x + 1; }
static int __attribute__((noinline, noclone)) nested1(int x) { return nested2(x) * 2; }

static int same_function(ULONG64 pc, void *func)
{
    ULONG64 b1, b2;
    RUNTIME_FUNCTION *f1 = RtlLookupFunctionEntry(pc, &b1, NULL);
    RUNTIME_FUNCTION *f2 = RtlLookupFunctionEntry((ULONG64)func, &b2, NULL);
    return f1 && f1 == f2 && b1 == b2;
}

static void __attribute__((noinline, noclone)) test_unwind(void)
{
    ULONG64 base;
    RUNTIME_FUNCTION *f = RtlLookupFunctionEntry((ULONG64)nested1, &base, NULL);
    ok(f != NULL, "no function entry for nested1\n");
    if (f)
    {
        ok(base == (ULONG64)GetModuleHandleW(NULL), "image base %Ix\n", base);
        ok(base + f->BeginAddress == (ULONG64)nested1, "function begins at %Ix, expected %p\n",
           base + f->BeginAddress, nested1);
    }
    ok(RtlLookupFunctionEntry(0x1000, &base, NULL) == NULL, "an entry for an unmapped address\n");
    void *image;
    ok(RtlPcToFileHeader(nested1, &image) == GetModuleHandleW(NULL) && image == GetModuleHandleW(NULL),
       "RtlPcToFileHeader gave %p\n", image);
    ok(RtlPcToFileHeader((void *)0x1000, &image) == NULL && !image, "RtlPcToFileHeader gave %p for nothing\n", image);

    ok(nested1(1) == 4, "nested1 returned wrong value\n");
    ok(nwalked == 4, "walked %d frames\n", nwalked);
    ok(same_function(walked[0], nested2), "frame 1 at %Ix, not in nested2\n", walked[0]);
    ok(same_function(walked[1], nested1), "frame 2 at %Ix, not in nested1\n", walked[1]);
    ok(same_function(walked[2], test_unwind), "frame 3 at %Ix, not in test_unwind\n", walked[2]);
}

/* --- RtlUnwindEx with STATUS_UNWIND_CONSOLIDATE (how MSVC runs catch blocks) ---------- */

#ifndef STATUS_UNWIND_CONSOLIDATE
#define STATUS_UNWIND_CONSOLIDATE ((DWORD)0x80000029)
#endif

static volatile int consolidate_calls;
static ULONG_PTR consolidate_param;
static ULONG64 consolidate_rsp;

static void *CALLBACK consolidate_callback(EXCEPTION_RECORD *rec)
{
    consolidate_calls++;
    consolidate_param = rec->ExceptionInformation[1];
    consolidate_rsp = (ULONG64)__builtin_frame_address(0);
    handler_frames = RtlCaptureStackBackTrace(0, 32, handler_trace, NULL);
    return (void *)rec->ExceptionInformation[2];
}

/* unwind to frame, then the callback says where to go on */
void __attribute__((noinline, noclone, used)) unwind_consolidate(ULONG64 frame, void *resume)
{
    EXCEPTION_RECORD rec = { 0 };
    CONTEXT ctx;
    rec.ExceptionCode = STATUS_UNWIND_CONSOLIDATE;
    rec.NumberParameters = 3;
    rec.ExceptionInformation[0] = (ULONG_PTR)consolidate_callback;
    rec.ExceptionInformation[1] = 0x1234;
    rec.ExceptionInformation[2] = (ULONG_PTR)resume;
    RtlUnwindEx((void *)frame, NULL, &rec, (void *)0x5678, &ctx, NULL);
}

static ULONG64 consolidate_frame;

static int __attribute__((noinline, noclone)) consolidate_target(void)
{
    CONTEXT ctx;
    ULONG64 base, frame;
    void *data;
    int resumed;
    RtlCaptureContext(&ctx);
    RUNTIME_FUNCTION *f = RtlLookupFunctionEntry(ctx.Rip, &base, NULL);
    RtlVirtualUnwind(UNW_FLAG_NHANDLER, base, ctx.Rip, f, &ctx, &data, &frame, NULL);
    consolidate_frame = frame;
    __asm__ volatile("movq %1, %%rcx\n\t"
                     "leaq consolidate_resume(%%rip), %%rdx\n\t"
                     "call unwind_consolidate\n\t"
                     "xorl %0, %0\n\t"
                     "jmp 1f\n"
                     "consolidate_resume:\n\t"
                     "movl $1, %0\n"
                     "1:"
                     : "=&r"(resumed) : "r"(frame) : "rax", "rcx", "rdx", "r8", "r9", "r10", "r11", "memory");
    return resumed;
}

static void __attribute__((noinline, noclone)) test_consolidate(void)
{
    consolidate_calls = 0;
    ok(consolidate_target() == 1, "execution did not go on where the callback said\n");
    ok(consolidate_calls == 1, "callback called %d times\n", consolidate_calls);
    ok(consolidate_param == 0x1234, "callback saw parameter %Ix\n", consolidate_param);
    /* the callback runs below the target frame */
    ok(consolidate_rsp < consolidate_frame, "callback frame %Ix, target frame %Ix\n", consolidate_rsp,
       consolidate_frame);
    /* and a walk from the callback goes straight into the target frame */
    ok(trace_has(consolidate_target), "the callback's back trace misses the target function\n");
    ok(!trace_has(unwind_consolidate), "the callback's back trace has the unwound function\n");
}

/* --- dynamic function tables ------------------------------------------------------------ */

static RUNTIME_FUNCTION dyn_entry;
static int callback_calls;

static RUNTIME_FUNCTION *CALLBACK table_callback(DWORD64 pc, void *context)
{
    callback_calls++;
    return context;
}

static void test_function_tables(void)
{
    static RUNTIME_FUNCTION table[2];
    BYTE *code = VirtualAlloc(NULL, 0x10000, MEM_COMMIT | MEM_RESERVE, PAGE_EXECUTE_READWRITE);
    ULONG64 base;
    ok(code != NULL, "VirtualAlloc failed\n");
    if (!code) return;
    table[0].BeginAddress = 0x100; table[0].EndAddress = 0x200; table[0].UnwindData = 0x1000;
    table[1].BeginAddress = 0x300; table[1].EndAddress = 0x400; table[1].UnwindData = 0x1000;

    ok(RtlLookupFunctionEntry((ULONG64)code + 0x150, &base, NULL) == NULL, "an entry before the table was added\n");
    ok(RtlAddFunctionTable(table, 2, (ULONG64)code), "RtlAddFunctionTable failed\n");
    ok(RtlLookupFunctionEntry((ULONG64)code + 0x150, &base, NULL) == &table[0], "entry 0 not found\n");
    ok(base == (ULONG64)code, "base %Ix\n", base);
    ok(RtlLookupFunctionEntry((ULONG64)code + 0x3ff, &base, NULL) == &table[1], "entry 1 not found\n");
    ok(RtlLookupFunctionEntry((ULONG64)code + 0x250, &base, NULL) == NULL, "an entry between functions\n");
    ok(RtlDeleteFunctionTable(table), "RtlDeleteFunctionTable failed\n");
    ok(!RtlDeleteFunctionTable(table), "a second deletion succeeded\n");
    ok(RtlLookupFunctionEntry((ULONG64)code + 0x150, &base, NULL) == NULL, "an entry after deletion\n");

    /* a callback for a range; its identifier has the two low bits set */
    dyn_entry.BeginAddress = 0x500; dyn_entry.EndAddress = 0x600; dyn_entry.UnwindData = 0x1000;
    callback_calls = 0;
    ok(!RtlInstallFunctionTableCallback((ULONG64)code, (ULONG64)code, 0x10000, table_callback, &dyn_entry, NULL),
       "an identifier without the low bits accepted\n");
    ok(RtlInstallFunctionTableCallback((ULONG64)code | 3, (ULONG64)code, 0x10000, table_callback, &dyn_entry, NULL),
       "RtlInstallFunctionTableCallback failed\n");
    ok(RtlLookupFunctionEntry((ULONG64)code + 0x550, &base, NULL) == &dyn_entry, "callback entry not found\n");
    ok(callback_calls == 1, "callback called %d times\n", callback_calls);
    ok(RtlDeleteFunctionTable((RUNTIME_FUNCTION *)((ULONG64)code | 3)), "deleting the callback failed\n");
    VirtualFree(code, 0, MEM_RELEASE);
}

/* --- the faulting code's state after a handled fault -------------------------- */

/* what state_fault() holds across its fault and reports after it */
struct fault_state {
    BYTE ymm_in[32];            /* 0x00: loaded into ymm7 */
    DWORD mxcsr_in;             /* 0x20 */
    DWORD use_x87;              /* 0x24: 1.0 on the x87 stack across the fault */
    DWORD mxcsr_saved;          /* 0x28 */
    DWORD pad;
    BYTE ymm_out[32];           /* 0x30 */
    DWORD mxcsr_out;            /* 0x50 */
    DWORD pad2;
    ULONG64 rbx, r12, r15;      /* 0x58 */
    double x87_out;             /* 0x70 */
};
extern void state_fault(struct fault_state *s);
extern char state_fault_resume[];
__asm__ (".text\n"
         "state_fault:\n\t"
         "pushq %rbx\n\tpushq %r12\n\tpushq %r15\n\t"
         "stmxcsr 0x28(%rcx)\n\t"
         "vmovdqu (%rcx), %ymm7\n\t"
         "ldmxcsr 0x20(%rcx)\n\t"
         "cmpl $0, 0x24(%rcx)\n\tje 1f\n\tfld1\n"
         "1:\tmovabsq $0x1122334455667788, %rbx\n\t"
         "movabsq $0x2233445566778899, %r12\n\t"
         "movabsq $0x33445566778899aa, %r15\n\t"
         "xorl %eax, %eax\n\t"
         "movl $1, (%rax)\n"
         "state_fault_resume:\n\t"
         "vmovdqu %ymm7, 0x30(%rcx)\n\t"
         "stmxcsr 0x50(%rcx)\n\t"
         "movq %rbx, 0x58(%rcx)\n\tmovq %r12, 0x60(%rcx)\n\tmovq %r15, 0x68(%rcx)\n\t"
         "cmpl $0, 0x24(%rcx)\n\tje 2f\n\tfstpl 0x70(%rcx)\n"
         "2:\tldmxcsr 0x28(%rcx)\n\t"
         "vzeroupper\n\t"
         "popq %r15\n\tpopq %r12\n\tpopq %rbx\n\tret\n");

static void test_state_survives(void)
{
    static struct fault_state st;
    void *h;

    if (!(GetEnabledXStateFeatures() & XSTATE_MASK_AVX)) { skip("no AVX\n"); return; }
    h = AddVectoredExceptionHandler(1, resume_handler);
    for (int x87 = 0; x87 < 2; x87++)
    {
        memset(&st, 0, sizeof(st));
        for (int i = 0; i < 32; i++) st.ymm_in[i] = (BYTE)(0x61 + i);
        st.mxcsr_in = 0x7f80;   /* round toward zero, all masked */
        st.use_x87 = x87;
        calls = 0;
        resume_at = (ULONG_PTR)state_fault_resume;
        state_fault(&st);
        ok(calls == 1, "handler called %d times\n", calls);
        ok(!memcmp(st.ymm_out, st.ymm_in, 16), "x87 %d: xmm7 not kept\n", x87);
        ok(!memcmp(st.ymm_out + 16, st.ymm_in + 16, 16), "x87 %d: ymm7's upper half not kept\n", x87);
        ok(st.mxcsr_out == 0x7f80, "x87 %d: mxcsr %#lx\n", x87, st.mxcsr_out);
        ok(last_ctx.MxCsr == 0x7f80, "x87 %d: context MxCsr %#lx\n", x87, last_ctx.MxCsr);
        ok(st.rbx == 0x1122334455667788 && st.r12 == 0x2233445566778899 && st.r15 == 0x33445566778899aa,
           "x87 %d: registers not kept\n", x87);
        if (x87) ok(st.x87_out == 1.0, "the x87 stack lost its value: %f\n", st.x87_out);
    }
    resume_at = 0;
    RemoveVectoredExceptionHandler(h);
}

int main(void)
{
    test_start("exception");
    test_access_violation();
    test_state_survives();
    test_raise_exception();
    test_chaining();
    test_frame_handlers();
    test_top_filter();
    test_unwind();
    test_function_tables();
    test_consolidate();
    return test_summary();
}
