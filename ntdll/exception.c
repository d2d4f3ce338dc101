/*
 * ntdll/exception.c — x64 structured exception handling: dispatch (vectored
 * handlers, then the frame handlers found by unwinding, then the unhandled
 * filter), raising, unwinding to a target frame (termination handlers,
 * nested and collided cases), contexts, stack back traces, and the report
 * printed for an exception nobody handles.
 *
 * Sections: vectored handlers · dispatch · raising · unwinding · contexts ·
 * back traces · the unhandled exception.
 */
#include "private.h"
#include "loader.h"
#include "exception.h"

static void unhandled_exception(EXCEPTION_RECORD *rec, CONTEXT *ctx) __attribute__((noreturn));

/* --- vectored handlers ------------------------------------------------------ */

/* An entry stays linked while a call to it is in progress; removal marks it
   and the last user frees it. Handlers run without the lock held. */
struct vectored {
    LIST_ENTRY entry;
    PVECTORED_EXCEPTION_HANDLER func;
    LONG refs;
    BOOL removed;
};

static LIST_ENTRY exception_handlers = { &exception_handlers, &exception_handlers };
static LIST_ENTRY continue_handlers = { &continue_handlers, &continue_handlers };
static volatile LONG vectored_lock;

static void lock_vectored(void)
{
    while (__atomic_exchange_n(&vectored_lock, 1, __ATOMIC_ACQUIRE)) NtYieldExecution();
}
static void unlock_vectored(void) { __atomic_store_n(&vectored_lock, 0, __ATOMIC_RELEASE); }

static void *add_vectored(LIST_ENTRY *list, ULONG first, PVECTORED_EXCEPTION_HANDLER func)
{
    struct vectored *v = RtlAllocateHeap(PROCESS_HEAP(), 0, sizeof(*v));
    if (!v) return NULL;
    v->func = func;
    v->refs = 1;
    v->removed = FALSE;
    lock_vectored();
    LIST_ENTRY *after = first ? list : list->Blink;
    v->entry.Flink = after->Flink;
    v->entry.Blink = after;
    after->Flink->Blink = &v->entry;
    after->Flink = &v->entry;
    unlock_vectored();
    return v;
}

/* drop a reference with the lock held; returns the entry to free, if any */
static struct vectored *release_vectored(struct vectored *v)
{
    if (--v->refs) return NULL;
    v->entry.Blink->Flink = v->entry.Flink;
    v->entry.Flink->Blink = v->entry.Blink;
    return v;
}

static ULONG remove_vectored(LIST_ENTRY *list, void *handle)
{
    struct vectored *dead = NULL;
    ULONG found = 0;
    lock_vectored();
    for (LIST_ENTRY *e = list->Flink; e != list; e = e->Flink)
    {
        struct vectored *v = CONTAINING_RECORD(e, struct vectored, entry);
        if (v != handle || v->removed) continue;
        v->removed = TRUE;
        dead = release_vectored(v);
        found = 1;
        break;
    }
    unlock_vectored();
    if (dead) RtlFreeHeap(PROCESS_HEAP(), 0, dead);
    return found;
}

/* EXCEPTION_CONTINUE_EXECUTION from a handler ends the walk */
static LONG call_vectored(LIST_ENTRY *list, EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    EXCEPTION_POINTERS ptrs = { rec, ctx };
    LONG ret = EXCEPTION_CONTINUE_SEARCH;
    /* no lock for an empty list (the continue handlers, usually): a handler
       being added meanwhile is as if it had come just after */
    if (__atomic_load_n(&list->Flink, __ATOMIC_ACQUIRE) == list) return ret;
    lock_vectored();
    LIST_ENTRY *e = list->Flink;
    while (e != list)
    {
        struct vectored *v = CONTAINING_RECORD(e, struct vectored, entry), *dead;
        if (v->removed) { e = e->Flink; continue; }
        v->refs++;
        unlock_vectored();
        TRACE_SEH("calling vectored handler %p code %08x\n", v->func, (unsigned)rec->ExceptionCode);
        ret = v->func(&ptrs);
        TRACE_SEH("vectored handler %p returned %d\n", v->func, (int)ret);
        lock_vectored();
        e = e->Flink;
        dead = release_vectored(v);
        if (dead) { unlock_vectored(); RtlFreeHeap(PROCESS_HEAP(), 0, dead); lock_vectored(); }
        if (ret == EXCEPTION_CONTINUE_EXECUTION) break;
    }
    unlock_vectored();
    return ret;
}

PVOID NTAPI RtlAddVectoredExceptionHandler(ULONG first, PVECTORED_EXCEPTION_HANDLER func)
{
    return add_vectored(&exception_handlers, first, func);
}

ULONG NTAPI RtlRemoveVectoredExceptionHandler(PVOID handle)
{
    return remove_vectored(&exception_handlers, handle);
}

PVOID NTAPI RtlAddVectoredContinueHandler(ULONG first, PVECTORED_EXCEPTION_HANDLER func)
{
    return add_vectored(&continue_handlers, first, func);
}

ULONG NTAPI RtlRemoveVectoredContinueHandler(PVOID handle)
{
    return remove_vectored(&continue_handlers, handle);
}

/* --- dispatch ------------------------------------------------------------------ */

static int frame_on_stack(ULONG64 frame)
{
    ULONG64 low = TEB_FIELD(ULONG64, TEB_DEALLOCATION_STACK), high = TEB_FIELD(ULONG64, TEB_STACK_BASE);
    return frame >= low && frame < high && !(frame & 7);
}

/* One frame up from ctx. Returns the frame's handler of the given type (or
   NULL) and fills dispatch; a function without unwind data is a leaf whose
   return address is at rsp. Returns FALSE when the walk cannot go on. */
static BOOL unwind_frame(DWORD type, DISPATCHER_CONTEXT *dispatch, CONTEXT *ctx, PEXCEPTION_ROUTINE *handler)
{
    ULONG64 frame;
    *handler = NULL;
    dispatch->ControlPc = ctx->Rip;
    dispatch->FunctionEntry = RtlLookupFunctionEntry(ctx->Rip, &dispatch->ImageBase, dispatch->HistoryTable);
    if (!dispatch->FunctionEntry)
    {
        if (!frame_on_stack(ctx->Rsp)) return FALSE;
        dispatch->EstablisherFrame = ctx->Rsp;
        dispatch->LanguageHandler = NULL;
        ctx->Rip = *(ULONG64 *)ctx->Rsp;
        ctx->Rsp += 8;
        return TRUE;
    }
    *handler = RtlVirtualUnwind(type, dispatch->ImageBase, ctx->Rip, dispatch->FunctionEntry, ctx,
                                &dispatch->HandlerData, &frame, NULL);
    dispatch->EstablisherFrame = frame;
    dispatch->LanguageHandler = *handler;
    return frame_on_stack(frame);
}

/* the handler of call_handler_for_exception's frame: an exception raised
   inside a handler walks through here; the outer dispatch's frame tells the
   inner one where the outer walk stood */
EXCEPTION_DISPOSITION WINAPI wlx_nested_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
                                                DISPATCHER_CONTEXT *dispatch)
{
    (void)ctx;
    if (rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND)) return ExceptionContinueSearch;
    DISPATCHER_CONTEXT *outer = *(DISPATCHER_CONTEXT **)((BYTE *)frame + 0x30);
    dispatch->EstablisherFrame = outer->EstablisherFrame;
    return ExceptionNestedException;
}

static void raise_status(NTSTATUS status, EXCEPTION_RECORD *nested)
{
    EXCEPTION_RECORD rec = { 0 };
    rec.ExceptionCode = status;
    rec.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
    rec.ExceptionRecord = nested;
    RtlRaiseException(&rec);
}

/* what unwinding a frame changes in a CONTEXT (RtlVirtualUnwind: control
   and integer registers, xmm6-15): the frame walks copy only this, not all
   1232 bytes, from one frame to the next (bench/cxxthrow.cpp) */
static void copy_unwind_state(CONTEXT *dst, const CONTEXT *src)
{
    /* plain 8-byte moves, inline: RtlVirtualUnwind has just written the
       integer registers one by one (wider loads would stall on those
       stores), and a memcpy or a struct assignment (which became two "rep
       movsl") has a start-up cost that was a fifth of an MSVC throw */
    enum { REGS = (offsetof(CONTEXT, FltSave) - offsetof(CONTEXT, ContextFlags)) / 8 };
    const ULONG64 *s = (const ULONG64 *)&src->ContextFlags;
    ULONG64 *d = (ULONG64 *)&dst->ContextFlags;
#pragma GCC unroll 32
    for (int i = 0; i < REGS; i++) d[i] = s[i];
    s = (const ULONG64 *)&src->Xmm6;
    d = (ULONG64 *)&dst->Xmm6;
#pragma GCC unroll 32
    for (int i = 0; i < 20; i++) d[i] = s[i];
}

static BOOLEAN dispatch_frames(EXCEPTION_RECORD *rec, CONTEXT *orig)
{
    UNWIND_HISTORY_TABLE table = { 0 };
    DISPATCHER_CONTEXT dispatch = { 0 };
    CONTEXT buffers[2] = { *orig, *orig };
    CONTEXT *context = &buffers[0], *new_context = &buffers[1], *swap;   /* a frame and its caller */
    ULONG64 nested_frame = 0;
    PEXCEPTION_ROUTINE handler;

    dispatch.HistoryTable = &table;
    /* the faulting frame is walked even at rip 0 (a call through a null
       pointer: a leaf whose return address is at rsp); a caller at 0 ends
       the walk */
    for (BOOL first = TRUE; first || context->Rip; first = FALSE)
    {
        copy_unwind_state(new_context, context);
        if (!unwind_frame(UNW_FLAG_EHANDLER, &dispatch, new_context, &handler))
        {
            rec->ExceptionFlags |= EXCEPTION_STACK_INVALID;
            break;
        }
        if (handler)
        {
            dispatch.ContextRecord = context;
            dispatch.TargetIp = 0;
            dispatch.ScopeIndex = 0;
            TRACE_SEH("calling handler %p frame %p rip %p\n", handler, (void *)dispatch.EstablisherFrame,
                      (void *)context->Rip);
            EXCEPTION_DISPOSITION res = call_handler_for_exception(rec, (void *)dispatch.EstablisherFrame, orig,
                                                                   &dispatch, handler);
            TRACE_SEH("handler %p returned %d\n", handler, (int)res);
            if (nested_frame == dispatch.EstablisherFrame)
            {
                rec->ExceptionFlags &= ~EXCEPTION_NESTED_CALL;
                nested_frame = 0;
            }
            switch (res)
            {
            case ExceptionContinueExecution:
                if (rec->ExceptionFlags & EXCEPTION_NONCONTINUABLE) raise_status(STATUS_NONCONTINUABLE_EXCEPTION, rec);
                return TRUE;
            case ExceptionContinueSearch:
                break;
            case ExceptionNestedException:
                rec->ExceptionFlags |= EXCEPTION_NESTED_CALL;
                if (dispatch.EstablisherFrame > nested_frame) nested_frame = dispatch.EstablisherFrame;
                break;
            default:
                raise_status(STATUS_INVALID_DISPOSITION, rec);
                break;
            }
        }
        /* the caller's state becomes the frame to look at next */
        swap = context; context = new_context; new_context = swap;
    }
    return FALSE;
}

BOOLEAN NTAPI RtlDispatchException(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    BOOLEAN handled;
    TRACE_SEH("dispatching code %08x flags %x at %p rip %p rsp %p\n", (unsigned)rec->ExceptionCode,
              (unsigned)rec->ExceptionFlags, rec->ExceptionAddress, (void *)ctx->Rip, (void *)ctx->Rsp);
    if (call_vectored(&exception_handlers, rec, ctx) == EXCEPTION_CONTINUE_EXECUTION) handled = TRUE;
    else handled = dispatch_frames(rec, ctx);
    /* Windows calls the continue handlers whenever dispatch returns: the
       exception continued, or no frame took it. A walk that ran to the
       stack's end has met the thread start's filter on Windows (here
       unhandled_exception calls it), which ends the process; one that
       broke off on a frame it could not unwind (a runtime's own stacks: Go
       counts on its last continue handler to report such a crash) comes
       back here with no handler found. */
    if (handled || (rec->ExceptionFlags & EXCEPTION_STACK_INVALID)) call_vectored(&continue_handlers, rec, ctx);
    return handled;
}

/* Going on at a CONTEXT that holds debug registers (a handler's
   EXCEPTION_CONTINUE_EXECUTION, NtContinue) sets them, as Windows' kernel
   does: a handler that clears Dr7 in the context it returns turns its
   breakpoints off. The thread's own are in its TEB (ntdll/unix/debugreg.c);
   the system call is made only when they differ. */
NTSTATUS NTAPI NtSetContextThread(HANDLE thread, const CONTEXT *ctx);

static void continue_debug_registers(const CONTEXT *ctx)
{
    const DWORD64 *now = &TEB_FIELD(DWORD64, TEB_WLX_DEBUG_REGS);   /* Dr0-3, Dr6, Dr7 */
    CONTEXT dbg;
    if ((ctx->ContextFlags & CONTEXT_DEBUG_REGISTERS) != CONTEXT_DEBUG_REGISTERS) return;
    if (ctx->Dr0 == now[0] && ctx->Dr1 == now[1] && ctx->Dr2 == now[2] && ctx->Dr3 == now[3] &&
        ctx->Dr6 == now[4] && ctx->Dr7 == now[5])
        return;
    dbg.ContextFlags = CONTEXT_DEBUG_REGISTERS;
    dbg.Dr0 = ctx->Dr0; dbg.Dr1 = ctx->Dr1; dbg.Dr2 = ctx->Dr2; dbg.Dr3 = ctx->Dr3;
    dbg.Dr6 = ctx->Dr6; dbg.Dr7 = ctx->Dr7;
    TRACE_SEH("going on with Dr7 %p (was %p)\n", (void *)ctx->Dr7, (void *)now[5]);
    NtSetContextThread(NtCurrentThread(), &dbg);
}

/* called by KiUserExceptionDispatcher with what the Unix side built; going
   on where the fault was also restores the AVX state kept in that frame */
NTSTATUS NTAPI __wlx_suspend_stop(void);

void WINAPI wlx_dispatch_exception(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    /* a SuspendThread that came while the Unix side built this frame stops
       the thread here, in a system call, where its context is a Windows one */
    if (TEB_FIELD(volatile ULONG, TEB_WLX_STOP_PENDING)) __wlx_suspend_stop();
    if (RtlDispatchException(rec, ctx))
    {
        continue_debug_registers(ctx);
        restore_context_avx(ctx, (const struct avx_upper *)((BYTE *)ctx + DISPATCH_FRAME_AVX));
    }
    NtRaiseException(rec, ctx, FALSE);
}

/* --- raising ---------------------------------------------------------------------- */

/* the caller's context: ours, one frame unwound */
static inline __attribute__((always_inline)) void capture_caller_context(CONTEXT *ctx)
{
    DWORD64 base, frame;
    void *data;
    RtlCaptureContext(ctx);
    RUNTIME_FUNCTION *f = RtlLookupFunctionEntry(ctx->Rip, &base, NULL);
    if (f) RtlVirtualUnwind(UNW_FLAG_NHANDLER, base, ctx->Rip, f, ctx, &data, &frame, NULL);
}

void NTAPI RtlRaiseException(EXCEPTION_RECORD *rec)
{
    CONTEXT ctx;
    capture_caller_context(&ctx);
    rec->ExceptionAddress = (void *)ctx.Rip;
    if (RtlDispatchException(rec, &ctx)) NtContinue(&ctx, FALSE);
    NtRaiseException(rec, &ctx, FALSE);   /* the second chance: nobody took it */
}

/* not a system call here: dispatch is the PE side's business. The second
   chance (first_chance FALSE) has the top-level filter decide, then ends
   the process with the exception code. */
NTSTATUS NTAPI NtRaiseException(EXCEPTION_RECORD *rec, CONTEXT *ctx, BOOLEAN first_chance)
{
    if (first_chance && RtlDispatchException(rec, ctx)) NtContinue(ctx, FALSE);
    unhandled_exception(rec, ctx);
}

/* --- unwinding ------------------------------------------------------------------- */

/* the handler of call_handler_for_unwind's frame: an unwind started inside a
   termination handler reached the unwind that called it; the new one takes
   over where the old one stood (its frame, context and scope index) */
EXCEPTION_DISPOSITION WINAPI wlx_collided_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
                                                  DISPATCHER_CONTEXT *dispatch)
{
    (void)ctx;
    if (!(rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND))) return ExceptionContinueSearch;
    DISPATCHER_CONTEXT *outer = *(DISPATCHER_CONTEXT **)((BYTE *)frame + 0x30);
    *dispatch->ContextRecord = *outer->ContextRecord;
    dispatch->ControlPc = outer->ControlPc;
    dispatch->ImageBase = outer->ImageBase;
    dispatch->FunctionEntry = outer->FunctionEntry;
    dispatch->EstablisherFrame = outer->EstablisherFrame;
    dispatch->LanguageHandler = outer->LanguageHandler;
    dispatch->HandlerData = outer->HandlerData;
    dispatch->HistoryTable = outer->HistoryTable;
    dispatch->ScopeIndex = outer->ScopeIndex;
    return ExceptionCollidedUnwind;
}

/* call one frame's termination handler, again after each collided unwind */
static void unwind_call_handler(EXCEPTION_RECORD *rec, ULONG64 target_frame, DISPATCHER_CONTEXT *dispatch,
                                CONTEXT *new_context)
{
    PEXCEPTION_ROUTINE handler = dispatch->LanguageHandler;
    for (;;)
    {
        if (dispatch->EstablisherFrame == target_frame) rec->ExceptionFlags |= EXCEPTION_TARGET_UNWIND;
        TRACE_SEH("unwind: calling handler %p frame %p flags %x\n", handler, (void *)dispatch->EstablisherFrame,
                  (unsigned)rec->ExceptionFlags);
        EXCEPTION_DISPOSITION res = call_handler_for_unwind(rec, (void *)dispatch->EstablisherFrame,
                                                            dispatch->ContextRecord, dispatch, handler);
        rec->ExceptionFlags &= ~(EXCEPTION_COLLIDED_UNWIND | EXCEPTION_TARGET_UNWIND);
        if (res == ExceptionContinueSearch) return;
        if (res != ExceptionCollidedUnwind) raise_status(STATUS_INVALID_DISPOSITION, rec);
        /* continue the older unwind: redo its frame with its handler */
        ULONG64 frame;
        *new_context = *dispatch->ContextRecord;
        RtlVirtualUnwind(UNW_FLAG_UHANDLER, dispatch->ImageBase, dispatch->ControlPc, dispatch->FunctionEntry,
                         new_context, &dispatch->HandlerData, &frame, NULL);
        handler = dispatch->LanguageHandler;
        rec->ExceptionFlags |= EXCEPTION_COLLIDED_UNWIND;
    }
}

void NTAPI RtlUnwindEx(PVOID target_frame, PVOID target_ip, EXCEPTION_RECORD *rec, PVOID retval, CONTEXT *ctx,
                       UNWIND_HISTORY_TABLE *table)
{
    EXCEPTION_RECORD local_rec;
    CONTEXT local_ctx, new_context;
    UNWIND_HISTORY_TABLE local_table = { 0 };
    DISPATCHER_CONTEXT dispatch = { 0 };
    PEXCEPTION_ROUTINE handler;

    if (!ctx) ctx = &local_ctx;
    capture_caller_context(ctx);
    if (!rec)
    {
        memset(&local_rec, 0, sizeof(local_rec));
        local_rec.ExceptionCode = STATUS_UNWIND;
        local_rec.ExceptionAddress = (void *)ctx->Rip;
        rec = &local_rec;
    }
    rec->ExceptionFlags |= EXCEPTION_UNWINDING | (target_frame ? 0 : EXCEPTION_EXIT_UNWIND);
    TRACE_SEH("unwind to frame %p ip %p code %08x\n", target_frame, target_ip, (unsigned)rec->ExceptionCode);
    dispatch.HistoryTable = table ? table : &local_table;
    dispatch.TargetIp = (ULONG64)target_ip;
    dispatch.ContextRecord = ctx;

    /* two states, swapped at each step instead of copied back: the frame
       being unwound (cur) and its caller (next) */
    CONTEXT *cur = ctx, *next = &new_context, *swap;
    new_context = *ctx;
    for (;;)
    {
        copy_unwind_state(next, cur);
        /* rip 0 is the stack's end for an exit unwind; on the way to a
           target it is a frame too (a call through a null pointer) */
        if ((!cur->Rip && !target_frame) || !unwind_frame(UNW_FLAG_UHANDLER, &dispatch, next, &handler))
        {
            if (!target_frame) break;   /* an exit unwind ends at the stack's end */
            raise_status(STATUS_BAD_STACK, rec);
        }
        if (target_frame && dispatch.EstablisherFrame > (ULONG64)target_frame)
            raise_status(STATUS_INVALID_UNWIND_TARGET, rec);
        if (handler)
        {
            dispatch.ScopeIndex = 0;
            unwind_call_handler(rec, (ULONG64)target_frame, &dispatch, next);
        }
        if (dispatch.EstablisherFrame == (ULONG64)target_frame) break;
        swap = cur; cur = next; next = swap;
        dispatch.ContextRecord = cur;
    }
    if (cur != ctx) copy_unwind_state(ctx, cur);
    dispatch.ContextRecord = ctx;
    ctx->Rax = (ULONG64)retval;
    if (rec->ExceptionCode != STATUS_UNWIND_CONSOLIDATE) ctx->Rip = (ULONG64)target_ip;
    TRACE_SEH("unwind done: resuming at %p rsp %p\n", (void *)ctx->Rip, (void *)ctx->Rsp);
    RtlRestoreContext(ctx, rec);
}

void NTAPI RtlUnwind(PVOID frame, PVOID target_ip, EXCEPTION_RECORD *rec, PVOID retval)
{
    CONTEXT ctx;
    RtlUnwindEx(frame, target_ip, rec, retval, &ctx, NULL);
}

/* --- contexts --------------------------------------------------------------------- */

/* the _JUMP_BUFFER of setjmp.h (x64): Frame, Rbx, Rsp, Rbp, Rsi, Rdi,
   R12-R15, Rip, MxCsr, FpCsr, Spare, Xmm6-Xmm15 */
struct jump_buffer {
    ULONG64 Frame, Rbx, Rsp, Rbp, Rsi, Rdi, R12, R13, R14, R15, Rip;
    ULONG MxCsr;
    USHORT FpCsr, Spare;
    M128A Xmm[10];
};

/* what consolidate_call (exception_entry.S) expects: KiUserExceptionDispatcher's layout */
struct consolidate_frame {
    CONTEXT context;            /* 0x000 */
    ULONG64 machine_frame[4];   /* 0x4d0: rip, cs, eflags, rsp */
    EXCEPTION_RECORD record;    /* 0x4f0 */
};
C_ASSERT(offsetof(struct consolidate_frame, record) == 0x4f0);
void consolidate_call(struct consolidate_frame *frame, void *callback) __attribute__((noreturn));

/* STATUS_UNWIND_CONSOLIDATE: the callback (a C++ catch block) runs here,
   below everything the unwind left on the stack, as on Windows: the thrown
   object still lives in the frame that threw, above us. Its frame holds
   copies of the target context and record; its unwind data leads straight
   back to the target frame. */
static void __attribute__((noinline, noreturn)) consolidate(const CONTEXT *ctx, const EXCEPTION_RECORD *rec)
{
    struct consolidate_frame f __attribute__((aligned(64)));
    TRACE_SEH("consolidate: calling %p, then back to frame %p\n", (void *)rec->ExceptionInformation[0],
              (void *)ctx->Rsp);
    f.context = *ctx;
    f.machine_frame[0] = ctx->Rip;
    f.machine_frame[1] = ctx->SegCs;
    f.machine_frame[2] = ctx->EFlags;
    f.machine_frame[3] = ctx->Rsp;
    f.record = *rec;
    consolidate_call(&f, (void *)rec->ExceptionInformation[0]);
}

void CDECL RtlRestoreContext(CONTEXT *ctx, EXCEPTION_RECORD *rec)
{
    if (rec && rec->ExceptionCode == STATUS_LONGJUMP && rec->NumberParameters >= 1)
    {
        struct jump_buffer *jb = (struct jump_buffer *)rec->ExceptionInformation[0];
        ctx->Rbx = jb->Rbx; ctx->Rsp = jb->Rsp; ctx->Rbp = jb->Rbp; ctx->Rsi = jb->Rsi; ctx->Rdi = jb->Rdi;
        ctx->R12 = jb->R12; ctx->R13 = jb->R13; ctx->R14 = jb->R14; ctx->R15 = jb->R15; ctx->Rip = jb->Rip;
        ctx->MxCsr = jb->MxCsr;
        ctx->FltSave.ControlWord = jb->FpCsr;
        for (int i = 0; i < 10; i++) (&ctx->Xmm6)[i] = jb->Xmm[i];
    }
    else if (rec && rec->ExceptionCode == STATUS_UNWIND_CONSOLIDATE && rec->NumberParameters >= 1)
        consolidate(ctx, rec);
    restore_context(ctx);
}

NTSTATUS NTAPI NtContinue(CONTEXT *ctx, BOOLEAN alertable)
{
    (void)alertable;
    continue_debug_registers(ctx);
    restore_context(ctx);
}

/* --- back traces ------------------------------------------------------------------- */

ULONG NTAPI __attribute__((noinline)) RtlWalkFrameChain(void **callers, ULONG count, ULONG flags)
{
    CONTEXT ctx;
    DISPATCHER_CONTEXT dispatch = { 0 };
    PEXCEPTION_ROUTINE handler;
    ULONG n = 0, skip = flags >> 8;   /* the frames to skip sit in bits 8..31 */
    capture_caller_context(&ctx);
    while (n < count && ctx.Rip)
    {
        if (skip) skip--;
        else callers[n++] = (void *)ctx.Rip;
        if (!unwind_frame(UNW_FLAG_NHANDLER, &dispatch, &ctx, &handler)) break;
    }
    return n;
}

/* as deep as the stack goes (a recursion of 1000 frames gives 1000): the
   walk writes straight into the caller's buffer */
USHORT NTAPI RtlCaptureStackBackTrace(ULONG skip, ULONG count, void **buffer, ULONG *hash)
{
    ULONG got, h = 0;
    if (count > 0xffff) count = 0xffff;
    if (skip > 0xffffff - 1) return 0;
    /* our own frame is not the caller's concern: skip it too (the loop
       below keeps the call from being a tail call that would lose it) */
    got = RtlWalkFrameChain(buffer, count, (skip + 1) << 8);
    for (ULONG i = 0; i < got; i++) h += (ULONG)(ULONG_PTR)buffer[i];
    if (hash) *hash = h;
    return (USHORT)got;
}

/* --- the unhandled exception ------------------------------------------------------ */

static const char *exception_name(DWORD code)
{
    switch (code)
    {
    case STATUS_ACCESS_VIOLATION: return "access violation";
    case STATUS_ILLEGAL_INSTRUCTION: return "illegal instruction";
    case STATUS_PRIVILEGED_INSTRUCTION: return "privileged instruction";
    case STATUS_INTEGER_DIVIDE_BY_ZERO: return "integer divide by zero";
    case STATUS_INTEGER_OVERFLOW: return "integer overflow";
    case STATUS_FLOAT_DIVIDE_BY_ZERO: return "float divide by zero";
    case STATUS_FLOAT_INVALID_OPERATION: return "float invalid operation";
    case STATUS_FLOAT_OVERFLOW: return "float overflow";
    case STATUS_FLOAT_UNDERFLOW: return "float underflow";
    case STATUS_FLOAT_INEXACT_RESULT: return "float inexact result";
    case STATUS_BREAKPOINT: return "breakpoint";
    case STATUS_SINGLE_STEP: return "single step";
    case STATUS_STACK_OVERFLOW: return "stack overflow";
    case STATUS_DATATYPE_MISALIGNMENT: return "datatype misalignment";
    case STATUS_NONCONTINUABLE_EXCEPTION: return "noncontinuable exception";
    case STATUS_INVALID_DISPOSITION: return "invalid disposition";
    case STATUS_STACK_BUFFER_OVERRUN: return "stack buffer overrun (fail fast)";
    case 0x20474343: return "C++ exception (gcc)";
    case 0xe06d7363: return "C++ exception (msvc)";
    default: return "exception";
    }
}

/* the nearest named export at or below rva */
static const char *nearest_export(BYTE *base, DWORD rva, DWORD *sym_rva)
{
    IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)(base + ((IMAGE_DOS_HEADER *)base)->e_lfanew);
    IMAGE_DATA_DIRECTORY *dir = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_EXPORT];
    const char *best = NULL;
    if (nt->OptionalHeader.NumberOfRvaAndSizes <= IMAGE_DIRECTORY_ENTRY_EXPORT || !dir->VirtualAddress) return NULL;
    IMAGE_EXPORT_DIRECTORY *exp = (IMAGE_EXPORT_DIRECTORY *)(base + dir->VirtualAddress);
    DWORD *funcs = (DWORD *)(base + exp->AddressOfFunctions), *names = (DWORD *)(base + exp->AddressOfNames);
    WORD *ords = (WORD *)(base + exp->AddressOfNameOrdinals);
    *sym_rva = 0;
    for (DWORD i = 0; i < exp->NumberOfNames; i++)
    {
        DWORD f = ords[i] < exp->NumberOfFunctions ? funcs[ords[i]] : 0;
        if (f >= dir->VirtualAddress && f < dir->VirtualAddress + dir->Size) continue;   /* a forwarder */
        if (f && f <= rva && f >= *sym_rva) { *sym_rva = f; best = (const char *)(base + names[i]); }
    }
    return best;
}

/* A module's COFF symbol table, when its file has one (mingw-w64's gcc and
   ld keep it unless told to strip; wlx's own DLLs have it): it names the
   functions that are not exported, the program's own among them. The table
   lies in the file after the sections, never mapped, so it is read from the
   file, once per module, into memory of its own (the heap may be what
   broke). */
#define COFF_SYMBOL_SIZE 18
#define COFF_TABLE_MAX (64u << 20)

struct coff_table {
    BYTE *base;        /* the module it belongs to */
    BYTE *symbols;     /* NULL: the module has none (or they could not be read) */
    DWORD count, strings_size;
    BOOL typed;        /* some symbols say they are functions: only those count */
};

static BOOL read_file_at(HANDLE file, void *buf, DWORD size, ULONG64 offset)
{
    IO_STATUS_BLOCK io;
    LARGE_INTEGER at;
    at.QuadPart = offset;
    return !NtReadFile(file, NULL, NULL, NULL, &io, buf, size, &at, NULL) && io.Information == size;
}

static void coff_load(WLX_LDR_ENTRY *m, struct coff_table *t)
{
    IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)((BYTE *)m->DllBase + ((IMAGE_DOS_HEADER *)m->DllBase)->e_lfanew);
    DWORD offset = nt->FileHeader.PointerToSymbolTable, count = nt->FileHeader.NumberOfSymbols, strings = 0;
    WCHAR path[MAX_PATH + 8] = L"\\??\\";
    UNICODE_STRING name;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    HANDLE file;
    SIZE_T size;
    void *mem = NULL;
    int len = 4;

    t->base = m->DllBase;
    t->symbols = NULL;
    if (!offset || !count || count > COFF_TABLE_MAX / COFF_SYMBOL_SIZE || !m->FullDllName.Buffer) return;
    for (int i = 0; i < m->FullDllName.Length / 2 && len < MAX_PATH + 6; i++) path[len++] = m->FullDllName.Buffer[i];
    path[len] = 0;
    name.Buffer = path;
    name.Length = name.MaximumLength = len * sizeof(WCHAR);
    InitializeObjectAttributes(&attr, &name, OBJ_CASE_INSENSITIVE, NULL, NULL);
    if (NtOpenFile(&file, FILE_READ_DATA | SYNCHRONIZE, &attr, &io, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                   FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE))
        return;
    /* the string table follows the symbols, its size (itself included) first */
    if (read_file_at(file, &strings, 4, offset + (ULONG64)count * COFF_SYMBOL_SIZE) && strings >= 4 &&
        strings <= COFF_TABLE_MAX)
    {
        size = (SIZE_T)count * COFF_SYMBOL_SIZE + strings + 1;
        if (!NtAllocateVirtualMemory(NtCurrentProcess(), &mem, 0, &size, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE))
        {
            if (read_file_at(file, mem, count * COFF_SYMBOL_SIZE + strings, offset))
            {
                t->symbols = mem;
                t->count = count;
                t->strings_size = strings;
                t->typed = FALSE;
                for (DWORD i = 0; i < count && !t->typed; i++)
                    t->typed = (*(const WORD *)(t->symbols + (SIZE_T)i * COFF_SYMBOL_SIZE + 14) & 0x30) == 0x20;
            }
            else NtFreeVirtualMemory(NtCurrentProcess(), &mem, &size, MEM_RELEASE);
        }
    }
    NtClose(file);
}

/* the function symbol nearest below rva, if it is nearer than *sym_rva */
static const char *nearest_coff_symbol(WLX_LDR_ENTRY *m, DWORD rva, DWORD *sym_rva, char *name, int size)
{
    static struct coff_table tables[16];
    static int used;
    struct coff_table *t = NULL;
    IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)((BYTE *)m->DllBase + ((IMAGE_DOS_HEADER *)m->DllBase)->e_lfanew);
    IMAGE_SECTION_HEADER *sections = IMAGE_FIRST_SECTION(nt);
    const char *strings;
    const BYTE *best = NULL;

    for (int i = 0; i < used; i++)
        if (tables[i].base == m->DllBase) t = &tables[i];
    if (!t)
    {
        t = &tables[used < 16 ? used++ : 15];
        coff_load(m, t);
    }
    if (!t->symbols) return NULL;
    strings = (const char *)t->symbols + (SIZE_T)t->count * COFF_SYMBOL_SIZE;
    for (DWORD i = 0; i < t->count; i++)
    {
        const BYTE *sym = t->symbols + (SIZE_T)i * COFF_SYMBOL_SIZE;
        SHORT section = *(const SHORT *)(sym + 12);
        BYTE storage = sym[16], aux = sym[17];
        DWORD value = *(const DWORD *)(sym + 8), at;
        i += aux;
        /* functions: external or static symbols in a code section; not the
           section symbols themselves (".text", with their auxiliary entry) */
        if ((storage != 2 && storage != 3) || section <= 0 || section > nt->FileHeader.NumberOfSections) continue;
        if (!(sections[section - 1].Characteristics & IMAGE_SCN_MEM_EXECUTE)) continue;
        if (t->typed ? (*(const WORD *)(sym + 14) & 0x30) != 0x20 : storage == 3 && aux) continue;
        at = sections[section - 1].VirtualAddress + value;
        if (at <= rva && at >= *sym_rva) { *sym_rva = at; best = sym; }
    }
    if (!best) return NULL;
    if (*(const DWORD *)best)   /* a short name, inline and not always terminated */
    {
        int n = 0;
        while (n < 8 && best[n] && n < size - 1) { name[n] = best[n]; n++; }
        name[n] = 0;
    }
    else
    {
        DWORD at = *(const DWORD *)(best + 4);
        const char *s = at < t->strings_size ? strings + at : "?";
        int n = 0;
        while (s[n] && n < size - 1 && s + n < strings + t->strings_size) { name[n] = s[n]; n++; }
        name[n] = 0;
    }
    return name;
}

/* "module+0xoff (symbol+0xoff)"; no loader lock: the process is dying and
   another thread may hold it. The symbol is the nearest function below the
   address, from the module's COFF symbols, else its exports. */
static void describe(ULONG64 addr, char *buf, int size)
{
    static char coff_name[128];
    WLX_LDR_ENTRY *m = ldr_find_by_address((void *)addr);
    if (!m) { wlx_snprintf(buf, size, "%p", (void *)addr); return; }
    DWORD rva = (DWORD)(addr - (ULONG64)m->DllBase), sym_rva = 0;
    const char *sym = nearest_export(m->DllBase, rva, &sym_rva), *coff;
    if (!sym) sym_rva = 0;
    if ((coff = nearest_coff_symbol(m, rva, &sym_rva, coff_name, sizeof(coff_name)))) sym = coff;
    int n = wlx_snprintf(buf, size, "%ls+0x%x", m->BaseDllName.Buffer, (unsigned)rva);
    if (sym) wlx_snprintf(buf + n, size - n, " (%s+0x%x)", sym, (unsigned)(rva - sym_rva));
}

static void print_report(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    char where[256], extra[96] = "";
    describe((ULONG64)rec->ExceptionAddress, where, sizeof(where));
    if (rec->ExceptionCode == STATUS_ACCESS_VIOLATION && rec->NumberParameters >= 2)
    {
        ULONG_PTR kind = rec->ExceptionInformation[0];
        wlx_snprintf(extra, sizeof(extra), ", %s address %p",
                     kind == 1 ? "writing" : kind == 8 ? "executing" : "reading", (void *)rec->ExceptionInformation[1]);
    }
    wlx_msg("wlx: %s: unhandled exception 0x%08x (%s) at %s%s\n", wlx_exe_name(), (unsigned)rec->ExceptionCode,
            exception_name(rec->ExceptionCode), where, extra);
    wlx_msg("  rip=%p rsp=%p rbp=%p eflags=%08x\n", (void *)ctx->Rip, (void *)ctx->Rsp, (void *)ctx->Rbp,
            (unsigned)ctx->EFlags);
    wlx_msg("  rax=%p rbx=%p rcx=%p rdx=%p\n", (void *)ctx->Rax, (void *)ctx->Rbx, (void *)ctx->Rcx, (void *)ctx->Rdx);
    wlx_msg("  rsi=%p rdi=%p r8 =%p r9 =%p\n", (void *)ctx->Rsi, (void *)ctx->Rdi, (void *)ctx->R8, (void *)ctx->R9);
    wlx_msg("  r10=%p r11=%p r12=%p r13=%p\n", (void *)ctx->R10, (void *)ctx->R11, (void *)ctx->R12, (void *)ctx->R13);
    wlx_msg("  r14=%p r15=%p\n", (void *)ctx->R14, (void *)ctx->R15);
    wlx_msg("  backtrace:\n");
    CONTEXT walk = *ctx;
    DISPATCHER_CONTEXT dispatch = { 0 };
    PEXCEPTION_ROUTINE handler;
    for (int i = 0; i < 16 && (!i || walk.Rip); i++)
    {
        describe(walk.Rip, where, sizeof(where));
        wlx_msg("    #%d %s\n", i, where);
        if (!unwind_frame(UNW_FLAG_NHANDLER, &dispatch, &walk, &handler)) break;
    }
}

static int reported;

/* for kernel32's UnhandledExceptionFilter when the program set no filter */
LONG NTAPI __wlx_exception_report(EXCEPTION_POINTERS *ptrs)
{
    if (!__atomic_exchange_n(&reported, 1, __ATOMIC_ACQ_REL)) print_report(ptrs->ExceptionRecord, ptrs->ContextRecord);
    return EXCEPTION_EXECUTE_HANDLER;
}

/* Windows calls the top-level filter (kernel32's UnhandledExceptionFilter,
   which calls the program's SetUnhandledExceptionFilter one) from the
   handler around the thread's start; we call it once frame handlers are done */
static LONG call_top_filter(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    static LONG (WINAPI *filter)(EXCEPTION_POINTERS *);
    EXCEPTION_POINTERS ptrs = { rec, ctx };
    if (!filter)
    {
        UNICODE_STRING name;
        ANSI_STRING proc;
        HMODULE k32;
        RtlInitUnicodeString(&name, L"kernel32.dll");
        RtlInitAnsiString(&proc, "UnhandledExceptionFilter");
        if (!LdrGetDllHandle(NULL, 0, &name, &k32)) LdrGetProcedureAddress(k32, &proc, 0, (void **)&filter);
        if (!filter) filter = __wlx_exception_report;
    }
    return filter(&ptrs);
}

/* where the unwind of unhandled_exception lands, on the outermost frame's
   stack: the process ends with the code the unwind left in rax */
extern void wlx_unhandled_unwound(void);
__asm__ (".text\n"
         "wlx_unhandled_unwound:\n\t"
         "andq $-16, %rsp\n\t"
         "subq $0x20, %rsp\n\t"
         "movl %eax, %edx\n\t"
         "movq $-1, %rcx\n\t"
         "call NtTerminateProcess\n\t"
         "ud2\n");

/* the establisher frame of the thread's outermost function */
static ULONG64 outermost_frame(const CONTEXT *ctx)
{
    CONTEXT walk = *ctx;
    DISPATCHER_CONTEXT dispatch = { 0 };
    PEXCEPTION_ROUTINE handler;
    ULONG64 frame = 0;
    for (int i = 0; i < 100000 && (!i || walk.Rip); i++)
    {
        if (!unwind_frame(UNW_FLAG_NHANDLER, &dispatch, &walk, &handler)) break;
        if (dispatch.FunctionEntry) frame = dispatch.EstablisherFrame;
    }
    return frame;
}

static volatile LONG unhandled_unwinding;
static DWORD unhandled_code;

static void unhandled_exception(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    TRACE_SEH("unhandled exception %08x\n", (unsigned)rec->ExceptionCode);
    /* an exception while the stack of an unhandled one unwinds ends it all */
    if (__atomic_load_n(&unhandled_unwinding, __ATOMIC_ACQUIRE))
        NtTerminateProcess(NtCurrentProcess(), unhandled_code);
    LONG res = call_top_filter(rec, ctx);
    if (res == EXCEPTION_CONTINUE_EXECUTION) NtContinue(ctx, FALSE);
    /* Windows calls the filter from the __except of the thread's start
       (RtlUserThreadStart), so EXCEPTION_EXECUTE_HANDLER from the program's
       filter unwinds the stack there, running __finally blocks and other
       termination handlers, before the process ends. Not after wlx's own
       report (the crash dialog's place: Windows ends the process there). */
    if (res == EXCEPTION_EXECUTE_HANDLER && !__atomic_load_n(&reported, __ATOMIC_ACQUIRE))
    {
        ULONG64 frame = outermost_frame(ctx);
        if (frame && !__atomic_exchange_n(&unhandled_unwinding, 1, __ATOMIC_ACQ_REL))
        {
            CONTEXT unwind_ctx;
            unhandled_code = rec->ExceptionCode;
            TRACE_SEH("unwinding to the outermost frame %p\n", (void *)frame);
            RtlUnwindEx((void *)frame, (void *)wlx_unhandled_unwound, rec, (void *)(ULONG_PTR)rec->ExceptionCode,
                        &unwind_ctx, NULL);
        }
    }
    /* a filter that declines still leaves the report to be printed */
    if (res == EXCEPTION_CONTINUE_SEARCH)
    {
        EXCEPTION_POINTERS ptrs = { rec, ctx };
        __wlx_exception_report(&ptrs);
    }
    NtTerminateProcess(NtCurrentProcess(), rec->ExceptionCode);
    for (;;) ;
}

/* --- __C_specific_handler ---------------------------------------------------------- */

/* MSVC's handler for __try/__except/__finally. HandlerData is the scope
   table: per scope, [Begin, End) of the guarded code, HandlerAddress (an
   __except filter, 1 for "always", or a __finally block when JumpTarget is
   0) and JumpTarget (the __except block). ScopeIndex records how far an
   interrupted unwind got, so a collided unwind runs no __finally twice. */
typedef LONG (WINAPI *scope_filter)(EXCEPTION_POINTERS *, void *frame);
typedef void (WINAPI *scope_finally)(BOOLEAN abnormal, void *frame);

static EXCEPTION_DISPOSITION c_handler_unwind(EXCEPTION_RECORD *rec, void *frame, DISPATCHER_CONTEXT *dispatch)
{
    SCOPE_TABLE_AMD64 *table = dispatch->HandlerData;
    DWORD pc = (DWORD)(dispatch->ControlPc - dispatch->ImageBase);
    DWORD target = (DWORD)(dispatch->TargetIp - dispatch->ImageBase);
    for (ULONG i = dispatch->ScopeIndex; i < table->Count; i++)
    {
        if (pc < table->ScopeRecord[i].BeginAddress || pc >= table->ScopeRecord[i].EndAddress) continue;
        /* the __except block the unwind goes to, or a target inside this
           scope (_local_unwind for a goto or break to an enclosing __try):
           this scope and the ones around it stay */
        if ((rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND) &&
            (table->ScopeRecord[i].JumpTarget == target ||
             (target >= table->ScopeRecord[i].BeginAddress && target < table->ScopeRecord[i].EndAddress)))
            return ExceptionContinueSearch;
        if (table->ScopeRecord[i].JumpTarget) continue;
        dispatch->ScopeIndex = i + 1;
        ((scope_finally)(dispatch->ImageBase + table->ScopeRecord[i].HandlerAddress))(TRUE, frame);
    }
    return ExceptionContinueSearch;
}

EXCEPTION_DISPOSITION CDECL __C_specific_handler(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
                                                 DISPATCHER_CONTEXT *dispatch)
{
    SCOPE_TABLE_AMD64 *table = dispatch->HandlerData;
    EXCEPTION_POINTERS ptrs = { rec, ctx };
    DWORD pc = (DWORD)(dispatch->ControlPc - dispatch->ImageBase);

    if (rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND))
        return c_handler_unwind(rec, frame, dispatch);
    for (ULONG i = dispatch->ScopeIndex; i < table->Count; i++)
    {
        LONG res;
        if (pc < table->ScopeRecord[i].BeginAddress || pc >= table->ScopeRecord[i].EndAddress) continue;
        if (!table->ScopeRecord[i].JumpTarget) continue;   /* a __finally */
        if (table->ScopeRecord[i].HandlerAddress == EXCEPTION_EXECUTE_HANDLER) res = EXCEPTION_EXECUTE_HANDLER;
        else res = ((scope_filter)(dispatch->ImageBase + table->ScopeRecord[i].HandlerAddress))(&ptrs, frame);
        if (res == EXCEPTION_CONTINUE_EXECUTION) return ExceptionContinueExecution;
        if (res == EXCEPTION_CONTINUE_SEARCH) continue;
        RtlUnwindEx(frame, (void *)(dispatch->ImageBase + table->ScopeRecord[i].JumpTarget), rec,
                    (void *)(ULONG_PTR)rec->ExceptionCode, dispatch->ContextRecord, dispatch->HistoryTable);
    }
    return ExceptionContinueSearch;
}
