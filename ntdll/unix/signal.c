/*
 * ntdll/unix/signal.c — hardware faults in Windows code.
 *
 * Until exception dispatch lands (issue 4: SIGSEGV → EXCEPTION_RECORD +
 * CONTEXT → KiUserExceptionDispatcher), a fault ends the process the way an
 * unhandled Windows exception does: one report naming the exception, the
 * address as module+offset, then exit with the exception code. No core dump,
 * no hang. Handlers run on a per-thread alternate stack.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <ucontext.h>
#include <unistd.h>
#include "private.h"

#define ALTSTACK_SIZE (64 * 1024)

void signal_init_thread(void)
{
    stack_t ss;
    ss.ss_sp = malloc(ALTSTACK_SIZE);
    ss.ss_size = ALTSTACK_SIZE;
    ss.ss_flags = 0;
    if (ss.ss_sp) sigaltstack(&ss, NULL);
}

static const char *exception_name(uint32_t code)
{
    switch (code)
    {
    case 0xc0000005: return "access violation";
    case 0xc000001d: return "illegal instruction";
    case 0xc0000096: return "privileged instruction";
    case 0xc0000094: return "integer divide by zero";
    case 0xc0000095: return "integer overflow";
    case 0xc000008e: return "float divide by zero";
    case 0xc0000090: return "float invalid operation";
    case 0x80000003: return "breakpoint";
    case 0x80000004: return "single step";
    default: return "exception";
    }
}

static uint32_t signal_to_code(int sig, const siginfo_t *si)
{
    switch (sig)
    {
    case SIGSEGV: case SIGBUS: return 0xc0000005;
    case SIGILL: return si->si_code == ILL_PRVOPC ? 0xc0000096 : 0xc000001d;
    case SIGFPE:
        switch (si->si_code)
        {
        case FPE_INTDIV: return 0xc0000094;
        case FPE_INTOVF: return 0xc0000095;
        case FPE_FLTDIV: return 0xc000008e;
        default: return 0xc0000090;
        }
    case SIGTRAP: return si->si_code == TRAP_TRACE ? 0x80000004 : 0x80000003;
    }
    return 0xc0000005;
}

static void fault_handler(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    uintptr_t rip = uc->uc_mcontext.gregs[REG_RIP];
    uint32_t code = signal_to_code(sig, si);
    char where[256];
    virtual_describe_address((void *)rip, where, sizeof(where));
    char buf[1024];
    int n = snprintf(buf, sizeof(buf), "wlx: unhandled exception 0x%08x (%s) at %s", code, exception_name(code), where);
    if (code == 0xc0000005)
        n += snprintf(buf + n, sizeof(buf) - n, ", %s address %p", (uc->uc_mcontext.gregs[REG_ERR] & 2) ? "writing" : "reading",
                      si->si_addr);
    n += snprintf(buf + n, sizeof(buf) - n, "\n");
    write(2, buf, n);
    _exit(code & 0xff);
}

void signal_init_process(void)
{
    struct sigaction sa;
    struct rlimit rl = { 0, 0 };
    setrlimit(RLIMIT_CORE, &rl);   /* a crash is reported, never dumped */
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = fault_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);
    signal_init_thread();
}
