#define _GNU_SOURCE
/*
 * bench/avcatch.c — an access violation caught by a vectored exception
 * handler that resumes after the faulting instruction (native twin: a
 * SIGSEGV handler that does the same by moving the saved rip). The fault
 * is a 4-byte store "movl $1, (%rax)" with rax = 0: 2 bytes of opcode.
 *
 * With AVCATCH_FLOOR set, the native twin measures the least any Linux
 * program can pay for the same round trip and reports it as "avfloor": the
 * fault and the signal's delivery, a handler that does nothing, and no
 * rt_sigreturn (it leaves with _longjmp, as wlx leaves its handler for
 * KiUserExceptionDispatcher). make bench prints wlx and Wine against it.
 */
#include "bench.h"
#ifndef _WIN32
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <ucontext.h>
#endif

#define ITERATIONS 20000

static inline void fault(void)
{
    /* movl $1, (%rax) with rax = 0; the handlers skip its 6 bytes */
    __asm__ volatile ("xorl %%eax, %%eax\n\t.byte 0xc7, 0x00, 0x01, 0x00, 0x00, 0x00" ::: "rax", "memory");
}

#ifdef _WIN32
static LONG WINAPI handler(EXCEPTION_POINTERS *ep)
{
    if (ep->ExceptionRecord->ExceptionCode != EXCEPTION_ACCESS_VIOLATION) return EXCEPTION_CONTINUE_SEARCH;
    ep->ContextRecord->Rip += 6;
    return EXCEPTION_CONTINUE_EXECUTION;
}

static int bench_main(void)
{
    if (!AddVectoredExceptionHandler(1, handler)) return bench_fail("AddVectoredExceptionHandler", 1);
    return bench_report("avcatch", ITERATIONS, ({ int loop(bench_u64 n) { for (bench_u64 i = 0; i < n; i++) fault(); return 0; } loop; }));
}
#else
static void handler(int sig, siginfo_t *si, void *ctx)
{
    (void)sig; (void)si;
    ((ucontext_t *)ctx)->uc_mcontext.gregs[REG_RIP] += 6;
}

static jmp_buf floor_jump;

static void floor_handler(int sig, siginfo_t *si, void *ctx)
{
    (void)sig; (void)si; (void)ctx;
    _longjmp(floor_jump, 1);
}

static int floor_loop(bench_u64 n)
{
    for (volatile bench_u64 i = 0; i < n; i++)
        if (!_setjmp(floor_jump)) fault();
    return 0;
}

static int bench_main(void)
{
    struct sigaction sa = { 0 };
    int floor = getenv("AVCATCH_FLOOR") != NULL;
    sa.sa_sigaction = floor ? floor_handler : handler;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;   /* no mask to restore: _longjmp may leave */
    sigaction(SIGSEGV, &sa, NULL);
    if (floor) return bench_report("avfloor", ITERATIONS, floor_loop);
    return bench_report("avcatch", ITERATIONS, ({ int loop(bench_u64 n) { for (bench_u64 i = 0; i < n; i++) fault(); return 0; } loop; }));
}
#endif
