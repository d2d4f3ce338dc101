/* tests/msvcrt/xcptfilter.c — _XcptFilter, the C runtime's exception
   filter around main: exceptions with a signal meaning go to signal()
   handlers. */
#include <windows.h>
#include <signal.h>
#include <float.h>
#include "test.h"

int __cdecl _XcptFilter(unsigned long, EXCEPTION_POINTERS *);
void ** __cdecl __pxcptinfoptrs(void);

static int seen_sig, seen_fpe;
static void *seen_info;

static void __cdecl handler(int sig)
{
    seen_sig = sig;
    seen_info = *__pxcptinfoptrs();
}

static void __cdecl fpe_handler(int sig, int code)
{
    seen_sig = sig;
    seen_fpe = code;
}

static EXCEPTION_POINTERS *make_ptrs(DWORD code)
{
    static EXCEPTION_RECORD rec;
    static CONTEXT ctx;
    static EXCEPTION_POINTERS ptrs;
    memset(&rec, 0, sizeof(rec));
    rec.ExceptionCode = code;
    ptrs.ExceptionRecord = &rec;
    ptrs.ContextRecord = &ctx;
    return &ptrs;
}

int main(void)
{
    EXCEPTION_POINTERS *ptrs = make_ptrs(EXCEPTION_ACCESS_VIOLATION);

    /* no handler: the search goes on */
    ok(_XcptFilter(EXCEPTION_ACCESS_VIOLATION, ptrs) == EXCEPTION_CONTINUE_SEARCH, "SIG_DFL did not continue the search\n");

    /* a handler runs with the exception visible, is reset, and execution resumes */
    signal(SIGSEGV, handler);
    ok(_XcptFilter(EXCEPTION_ACCESS_VIOLATION, ptrs) == EXCEPTION_CONTINUE_EXECUTION, "handler: not resumed\n");
    ok(seen_sig == SIGSEGV, "handler got %d\n", seen_sig);
    ok(seen_info == ptrs, "_pxcptinfoptrs was %p, not %p\n", seen_info, ptrs);
    ok(signal(SIGSEGV, SIG_DFL) == SIG_DFL, "the handler was not reset to SIG_DFL\n");

    /* SIG_IGN resumes without a call */
    seen_sig = 0;
    signal(SIGILL, SIG_IGN);
    ptrs = make_ptrs(EXCEPTION_ILLEGAL_INSTRUCTION);
    ok(_XcptFilter(EXCEPTION_ILLEGAL_INSTRUCTION, ptrs) == EXCEPTION_CONTINUE_EXECUTION, "SIG_IGN: not resumed\n");
    ok(seen_sig == 0, "a handler ran for SIG_IGN\n");
    signal(SIGILL, SIG_DFL);

    /* float exceptions come with their sub-code */
    signal(SIGFPE, (void (__cdecl *)(int))fpe_handler);
    ptrs = make_ptrs(EXCEPTION_FLT_DIVIDE_BY_ZERO);
    ok(_XcptFilter(EXCEPTION_FLT_DIVIDE_BY_ZERO, ptrs) == EXCEPTION_CONTINUE_EXECUTION, "SIGFPE: not resumed\n");
    ok(seen_sig == SIGFPE && seen_fpe == _FPE_ZERODIVIDE, "SIGFPE handler got %d %#x\n", seen_sig, seen_fpe);

    /* codes without a signal are not the runtime's business */
    ptrs = make_ptrs(0xe0000001);
    ok(_XcptFilter(0xe0000001, ptrs) == EXCEPTION_CONTINUE_SEARCH, "a foreign code was handled\n");
    return test_summary();
}
