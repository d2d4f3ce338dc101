/*
 * kernel32/except.c — the kernel32 face of exceptions: RaiseException, and
 * the top-level filter (SetUnhandledExceptionFilter/UnhandledExceptionFilter)
 * that ntdll calls for an exception no frame handler took. The vectored
 * handler functions and the Rtl unwinding API are forwards to ntdll.
 */
#include "private.h"

LONG NTAPI __wlx_exception_report(EXCEPTION_POINTERS *ptrs);
void NTAPI RtlRaiseException(EXCEPTION_RECORD *rec);

void WINAPI RaiseException(DWORD code, DWORD flags, DWORD nargs, const ULONG_PTR *args)
{
    EXCEPTION_RECORD rec;
    rec.ExceptionCode = code;
    rec.ExceptionFlags = flags & EXCEPTION_NONCONTINUABLE;
    rec.ExceptionRecord = NULL;
    rec.ExceptionAddress = (void *)RaiseException;
    /* more than EXCEPTION_MAXIMUM_PARAMETERS are silently cut */
    if (!args) nargs = 0;
    if (nargs > EXCEPTION_MAXIMUM_PARAMETERS) nargs = EXCEPTION_MAXIMUM_PARAMETERS;
    rec.NumberParameters = nargs;
    for (DWORD i = 0; i < nargs; i++) rec.ExceptionInformation[i] = args[i];
    RtlRaiseException(&rec);
}

static LPTOP_LEVEL_EXCEPTION_FILTER top_filter;

LPTOP_LEVEL_EXCEPTION_FILTER WINAPI SetUnhandledExceptionFilter(LPTOP_LEVEL_EXCEPTION_FILTER filter)
{
    return __atomic_exchange_n(&top_filter, filter, __ATOMIC_ACQ_REL);
}

/* The program's filter decides first. Without one (or when it declines)
   Windows shows the crash dialog and has the process end; we print ntdll's
   report instead and answer EXCEPTION_EXECUTE_HANDLER, which ends it too. */
LONG WINAPI UnhandledExceptionFilter(EXCEPTION_POINTERS *ptrs)
{
    LPTOP_LEVEL_EXCEPTION_FILTER filter = __atomic_load_n(&top_filter, __ATOMIC_ACQUIRE);
    if (filter)
    {
        LONG res = filter(ptrs);
        if (res != EXCEPTION_CONTINUE_SEARCH) return res;
    }
    return __wlx_exception_report(ptrs);
}
