/*
 * ntdll/exception.h — shared by exception.c, unwind.c and exception_entry.S's
 * C callers: the UNWIND_INFO layout (documented x64 format, absent from
 * mingw's headers) and the assembly helpers.
 */
#ifndef WLX_NTDLL_EXCEPTION_H
#define WLX_NTDLL_EXCEPTION_H

/* UNWIND_INFO: version:3 flags:5, prolog size, code count, frame reg:4 offset:4 */
typedef struct {
    BYTE version_flags;
    BYTE size_of_prolog;
    BYTE count_of_codes;
    BYTE frame;
    BYTE codes[];   /* USHORT slots; then handler RVA + data, or a chained RUNTIME_FUNCTION */
} UNWIND_INFO_X64;

#define UWOP_PUSH_NONVOL     0
#define UWOP_ALLOC_LARGE     1
#define UWOP_ALLOC_SMALL     2
#define UWOP_SET_FPREG       3
#define UWOP_SAVE_NONVOL     4
#define UWOP_SAVE_NONVOL_FAR 5
#define UWOP_EPILOG          6
#define UWOP_SPARE_CODE      7
#define UWOP_SAVE_XMM128     8
#define UWOP_SAVE_XMM128_FAR 9
#define UWOP_PUSH_MACHFRAME  10

#ifndef STATUS_UNWIND_CONSOLIDATE
#define STATUS_UNWIND_CONSOLIDATE ((NTSTATUS)0x80000029)
#endif
#ifndef STATUS_LONGJUMP
#define STATUS_LONGJUMP ((NTSTATUS)0x80000026)
#endif
#ifndef STATUS_INVALID_UNWIND_TARGET
#define STATUS_INVALID_UNWIND_TARGET ((NTSTATUS)0xC0000029)
#endif
#ifndef STATUS_BAD_STACK
#define STATUS_BAD_STACK ((NTSTATUS)0xC0000028)
#endif

#define TRACE_SEH(...) do { if (DEBUG_ON(SEH)) wlx_dbg(__VA_ARGS__); } while (0)

/* exception_entry.S: call a language handler inside a frame whose own
   handler recognises a nested exception (dispatch) or a collided unwind */
EXCEPTION_DISPOSITION call_handler_for_exception(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
                                                 DISPATCHER_CONTEXT *dispatch, PEXCEPTION_ROUTINE handler);
EXCEPTION_DISPOSITION call_handler_for_unwind(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
                                              DISPATCHER_CONTEXT *dispatch, PEXCEPTION_ROUTINE handler);
/* jump to ctx (integer, control and, when flagged, floating-point state) */
void restore_context(const CONTEXT *ctx) __attribute__((noreturn));
/* KiUserExceptionDispatcher's frame keeps the AVX upper halves of the
   faulting code here, after the EXCEPTION_RECORD (ntdll/unix/signal.c) */
struct avx_upper {
    ULONG64 state;              /* 0 no AVX, 1 upper halves zero, 2 in ymm_hi */
    ULONG64 pad;
    M128A ymm_hi[16];
};
#define DISPATCH_FRAME_AVX 0x590    /* its offset from the CONTEXT */
/* the same, the AVX upper halves too (avx may be NULL) */
void restore_context_avx(const CONTEXT *ctx, const struct avx_upper *avx) __attribute__((noreturn));

/* exception.c */
void NTAPI RtlRaiseException(EXCEPTION_RECORD *rec);
NTSTATUS NTAPI LdrGetDllHandle(const WCHAR *path, ULONG flags, const UNICODE_STRING *name, HMODULE *module);
NTSTATUS NTAPI LdrGetProcedureAddress(HMODULE module, const ANSI_STRING *name, ULONG ordinal, void **address);
NTSTATUS NTAPI NtRaiseException(EXCEPTION_RECORD *rec, CONTEXT *ctx, BOOLEAN first_chance);
NTSTATUS NTAPI NtContinue(CONTEXT *ctx, BOOLEAN alertable);
BOOLEAN NTAPI RtlDispatchException(EXCEPTION_RECORD *rec, CONTEXT *ctx);

#endif
