/*
 * dlls/msvcrt/jump.c — jumps that unwind: longjmp's unwinding half, and
 * _local_unwind. On Windows x64 a jump to
 * a buffer whose setjmp recorded a frame unwinds the frames in between
 * (RtlUnwind with STATUS_LONGJUMP), so their __finally blocks and C++
 * destructors run; RtlRestoreContext then takes the registers from the
 * buffer. setjmp.S calls this first and, when it comes back, only restores
 * the registers.
 */
#include "private.h"

struct jump_buffer { ULONG64 Frame, Rbx, Rsp, Rbp, Rsi, Rdi, R12, R13, R14, R15, Rip; };

/* is frame the establisher frame of one of our callers? (A mingw program
   passes __builtin_frame_address(0), which can be another address: then
   the jump stays a plain register restore rather than an unwind that
   could not find its target.) */
static BOOL frame_on_chain(ULONG64 frame)
{
    CONTEXT ctx;
    RtlCaptureContext(&ctx);
    for (int i = 0; i < 100000 && ctx.Rip; i++)
    {
        ULONG64 base, established;
        void *data;
        RUNTIME_FUNCTION *f = RtlLookupFunctionEntry(ctx.Rip, &base, NULL);
        if (f) RtlVirtualUnwind(UNW_FLAG_NHANDLER, base, ctx.Rip, f, &ctx, &data, &established, NULL);
        else
        {
            established = ctx.Rsp;
            ctx.Rip = *(ULONG64 *)ctx.Rsp;
            ctx.Rsp += 8;
        }
        if (established == frame) return TRUE;
        if (established > frame) return FALSE;
    }
    return FALSE;
}

void __cdecl msvcrt_longjmp_unwind(struct jump_buffer *jb, int retval)
{
    EXCEPTION_RECORD rec = { 0 };
    if (!jb->Frame || !frame_on_chain(jb->Frame)) return;
    rec.ExceptionCode = STATUS_LONGJUMP;
    rec.NumberParameters = 1;
    rec.ExceptionInformation[0] = (ULONG_PTR)jb;
    RtlUnwind((void *)jb->Frame, (void *)jb->Rip, &rec, (void *)(LONG_PTR)retval);
}

/* MSVC's code for a return, goto or break that leaves __try blocks with
   __finally handlers in the same function: unwind the function's own frame
   (its scopes between here and target run their __finally blocks) and go on
   at target */
void __cdecl _local_unwind(void *frame, void *target)
{
    RtlUnwind(frame, target, NULL, NULL);
}
