/*
 * StackWalk64 for x64 threads: the first call reports the frame of the
 * CONTEXT given; each later one unwinds it one frame with the image's
 * .pdata (RtlVirtualUnwind), or as a leaf (return address at rsp) where a
 * function has no unwind data. The walk ends at a zero return address.
 * SymFunctionTableAccess64 is RtlLookupFunctionEntry.
 */
#include "private.h"

PEXCEPTION_ROUTINE NTAPI RtlVirtualUnwind(DWORD type, DWORD64 base, DWORD64 pc, PRUNTIME_FUNCTION func,
                                          PCONTEXT ctx, PVOID *data, PDWORD64 frame, PKNONVOLATILE_CONTEXT_POINTERS ptrs);

PVOID WINAPI SymFunctionTableAccess64(HANDLE process, DWORD64 addr)
{
    DWORD64 base;
    return RtlLookupFunctionEntry(addr, &base, NULL);
}

/* one frame up: the caller's registers in `ctx`; FALSE at the end */
static BOOL unwind_one(CONTEXT *ctx)
{
    DWORD64 base, frame;
    RUNTIME_FUNCTION *func = RtlLookupFunctionEntry(ctx->Rip, &base, NULL);
    void *data;

    if (func) RtlVirtualUnwind(0 /* UNW_FLAG_NHANDLER */, base, ctx->Rip, func, ctx, &data, &frame, NULL);
    else
    {
        /* a leaf: the return address is on top of the stack */
        if (!ctx->Rsp) return FALSE;
        ctx->Rip = *(DWORD64 *)ctx->Rsp;
        ctx->Rsp += 8;
    }
    return ctx->Rip != 0;
}

static void set_address(ADDRESS64 *a, DWORD64 offset)
{
    a->Offset = offset;
    a->Segment = 0;
    a->Mode = AddrModeFlat;
}

BOOL WINAPI StackWalk64(DWORD machine, HANDLE process, HANDLE thread, LPSTACKFRAME64 frame, PVOID context,
                        PREAD_PROCESS_MEMORY_ROUTINE64 read, PFUNCTION_TABLE_ACCESS_ROUTINE64 table,
                        PGET_MODULE_BASE_ROUTINE64 base, PTRANSLATE_ADDRESS_ROUTINE64 translate)
{
    CONTEXT *ctx = context;

    if (machine != IMAGE_FILE_MACHINE_AMD64 || !frame || !ctx)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (GetProcessId(process) != GetCurrentProcessId())
    {
        SetLastError(ERROR_NOT_SUPPORTED);   /* another process's stack cannot be read yet */
        return FALSE;
    }
    /* the caller zeroes the frame before the first call, which reports the
     * context's own frame; Reserved[0] marks the calls after it */
    if (!frame->Reserved[0]) frame->Reserved[0] = 1;
    else if (!unwind_one(ctx)) return FALSE;

    set_address(&frame->AddrPC, ctx->Rip);
    set_address(&frame->AddrStack, ctx->Rsp);
    set_address(&frame->AddrFrame, ctx->Rbp);
    frame->FuncTableEntry = SymFunctionTableAccess64(process, ctx->Rip);
    {
        /* the return address: unwinding a copy one frame further */
        CONTEXT next = *ctx;
        set_address(&frame->AddrReturn, unwind_one(&next) ? next.Rip : 0);
    }
    frame->Far = FALSE;
    return TRUE;
}

/* StackWalkEx: StackWalk64's frame with the frame's size and an inline
   context after it (no inline frames: that context is 0) */
typedef struct
{
    STACKFRAME64 frame;
    DWORD StackFrameSize;
    DWORD InlineFrameContext;
} STACKFRAME_EX_;

BOOL WINAPI StackWalkEx(DWORD machine, HANDLE process, HANDLE thread, STACKFRAME_EX_ *frame, PVOID context,
                        PREAD_PROCESS_MEMORY_ROUTINE64 read, PFUNCTION_TABLE_ACCESS_ROUTINE64 table,
                        PGET_MODULE_BASE_ROUTINE64 base, PTRANSLATE_ADDRESS_ROUTINE64 translate, DWORD flags)
{
    (void)flags;
    if (!frame || frame->StackFrameSize < sizeof(*frame)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!StackWalk64(machine, process, thread, &frame->frame, context, read, table, base, translate)) return FALSE;
    frame->InlineFrameContext = 0;
    return TRUE;
}
