/*
 * ntdll/unix/signal.c — hardware faults become Windows exceptions.
 *
 * SIGSEGV/SIGBUS/SIGILL/SIGFPE/SIGTRAP in Windows code: the handler (on a
 * per-thread alternate stack) builds a CONTEXT, a machine frame and an
 * EXCEPTION_RECORD on the thread's Windows stack, below the faulting rsp,
 * and jumps from the handler straight to ntdll's KiUserExceptionDispatcher
 * (PE side, no rt_sigreturn: leave_to_dispatcher), which dispatches as
 * Windows does. CONTEXTs themselves: context.c; hardware breakpoints (a
 * SIGTRAP from a perf event): debugreg.c. A fault in wlx's own Unix code (a system call
 * in progress) or in a thread that is not a Windows thread is a wlx bug: it
 * is reported, never handed to Windows handlers.
 *
 * Sections: Windows layouts · classifying a fault · stack overflow and guard
 * pages · building the frame · wlx's own faults · set-up.
 */
#define _GNU_SOURCE
#include <asm/prctl.h>
#include <dlfcn.h>
#include <signal.h>
#include <sys/auxv.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>
#include "private.h"
#include "thread.h"
#include "wincontext.h"

#define ALTSTACK_SIZE (64 * 1024)

/* a perf event with sigtrap (Linux 5.13+; debugreg.c's breakpoints) */
#ifndef TRAP_PERF
#define TRAP_PERF 6
#endif

/* its attr.sig_data: si_perf_data in Linux's siginfo (uapi
   asm-generic/siginfo.h, _sigfault._perf), just after si_addr; glibc 2.36
   has no name for it */
static uint64_t perf_sig_data(const siginfo_t *si)
{
    return *(const uint64_t *)((const uint8_t *)&si->si_addr + sizeof(void *));
}

/* --- Windows layouts (x64 EXCEPTION_RECORD, documented; CONTEXT: wincontext.h) */

typedef struct {
    uint32_t ExceptionCode, ExceptionFlags;
    uint64_t ExceptionRecord, ExceptionAddress;
    uint32_t NumberParameters, pad;
    uint64_t ExceptionInformation[15];
} WIN_EXCEPTION_RECORD;

_Static_assert(sizeof(WIN_EXCEPTION_RECORD) == 0x98, "EXCEPTION_RECORD");

/* what KiUserExceptionDispatcher finds at its rsp (ntdll/exception_entry.S) */
struct dispatch_frame {
    WIN_CONTEXT context;                 /* 0x000 */
    uint64_t machine_frame[4];           /* 0x4d0: rip, cs, eflags, rsp */
    WIN_EXCEPTION_RECORD record;         /* 0x4f0 */
    uint64_t align;
    /* wlx's own: the AVX upper halves, which the handler does not put back
       (restore_context_avx, ntdll/exception_entry.S, does when execution goes
       on at the fault) */
    uint64_t avx_state;                  /* 0x590: 0 no AVX, 1 upper halves zero, 2 in ymm_hi */
    uint64_t pad;
    M128A ymm_hi[16];
};
_Static_assert(offsetof(struct dispatch_frame, record) == 0x4f0, "dispatch frame");
_Static_assert(offsetof(struct dispatch_frame, avx_state) == 0x590, "DISPATCH_FRAME_AVX, ntdll/exception.h");


#define EXC_ACCESS_VIOLATION        0xc0000005
#define EXC_ILLEGAL_INSTRUCTION     0xc000001d
#define EXC_PRIVILEGED_INSTRUCTION  0xc0000096
#define EXC_INT_DIVIDE_BY_ZERO      0xc0000094
#define EXC_INT_OVERFLOW            0xc0000095
#define EXC_FLT_DIVIDE_BY_ZERO      0xc000008e
#define EXC_FLT_INEXACT_RESULT      0xc000008f
#define EXC_FLT_INVALID_OPERATION   0xc0000090
#define EXC_FLT_OVERFLOW            0xc0000091
#define EXC_FLT_UNDERFLOW           0xc0000093
#define EXC_FLT_MULTIPLE_TRAPS      0xc00002b5
#define EXC_DATATYPE_MISALIGNMENT   0x80000002
#define EXC_BREAKPOINT              0x80000003
#define EXC_SINGLE_STEP             0x80000004
#define EXC_STACK_OVERFLOW          0xc00000fd
#define EXC_STACK_BUFFER_OVERRUN    0xc0000409   /* __fastfail */

static const char *exception_name(uint32_t code)
{
    switch (code)
    {
    case EXC_ACCESS_VIOLATION: return "access violation";
    case EXC_ILLEGAL_INSTRUCTION: return "illegal instruction";
    case EXC_PRIVILEGED_INSTRUCTION: return "privileged instruction";
    case EXC_INT_DIVIDE_BY_ZERO: return "integer divide by zero";
    case EXC_INT_OVERFLOW: return "integer overflow";
    case EXC_FLT_DIVIDE_BY_ZERO: return "float divide by zero";
    case EXC_FLT_INVALID_OPERATION: return "float invalid operation";
    case EXC_FLT_MULTIPLE_TRAPS: return "float multiple traps";
    case EXC_BREAKPOINT: return "breakpoint";
    case EXC_SINGLE_STEP: return "single step";
    case EXC_STACK_OVERFLOW: return "stack overflow";
    case EXC_STACK_BUFFER_OVERRUN: return "fail fast";
    default: return "exception";
    }
}

/* --- classifying a fault ---------------------------------------------------- */

/* a #GP on one of these is Windows' "privileged instruction"; on anything
   else it is an access violation at address ~0 */
static int is_privileged(const uint8_t *p)
{
    while ((*p & 0xf0) == 0x40 || *p == 0x66 || *p == 0xf2 || *p == 0xf3) p++;
    switch (p[0])
    {
    case 0xf4: case 0xfa: case 0xfb:                      /* hlt cli sti */
    case 0xe4: case 0xe5: case 0xe6: case 0xe7:           /* in/out imm */
    case 0xec: case 0xed: case 0xee: case 0xef:           /* in/out dx */
    case 0x6c: case 0x6d: case 0x6e: case 0x6f:           /* ins/outs */
        return 1;
    case 0x0f:
        return p[1] == 0x06 || p[1] == 0x08 || p[1] == 0x09 || p[1] == 0x30 || p[1] == 0x32 ||
               p[1] == 0x20 || p[1] == 0x22 || p[1] == 0x21 || p[1] == 0x23 || p[1] == 0x01;
    }
    return 0;
}

/* #DE comes as FPE_INTDIV both for a zero divisor and for a quotient that
   does not fit (INT_MIN / -1), which Windows reports as an overflow: look
   at the divisor of the div/idiv at rip */
static const int greg_of[16] = { REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
                                 REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15 };

static int divisor_is_nonzero(const ucontext_t *uc)
{
    const greg_t *g = uc->uc_mcontext.gregs;
    const uint8_t *p = (const uint8_t *)g[REG_RIP];
    int rex = 0, opsize16 = 0;
    for (;; p++)
    {
        if (*p == 0x66) opsize16 = 1;
        else if (*p == 0x67 || *p == 0xf2 || *p == 0xf3 || *p == 0x2e || *p == 0x3e) ;
        else break;
    }
    if ((*p & 0xf0) == 0x40) rex = *p++;
    if (*p != 0xf6 && *p != 0xf7) return 0;
    int size = *p == 0xf6 ? 1 : (rex & 8) ? 8 : opsize16 ? 2 : 4;
    uint8_t modrm = p[1];
    int mod = modrm >> 6, rm = modrm & 7;
    const uint8_t *q = p + 2;
    uint64_t value;
    if (mod == 3)
    {
        if (size == 1 && !rex && rm >= 4) value = (uint64_t)g[greg_of[rm - 4]] >> 8;   /* ah ch dh bh */
        else value = g[greg_of[rm | ((rex & 1) << 3)]];
    }
    else
    {
        uint64_t addr = 0;
        if (rm == 4)
        {
            uint8_t sib = *q++;
            int index = ((sib >> 3) & 7) | ((rex & 2) << 2), base = (sib & 7) | ((rex & 1) << 3);
            if (index != 4) addr += (uint64_t)g[greg_of[index]] << (sib >> 6);
            if ((sib & 7) == 5 && mod == 0) { addr += *(const int32_t *)q; q += 4; }
            else addr += g[greg_of[base]];
        }
        else if (rm == 5 && mod == 0) { addr = (uint64_t)(q + 4) + *(const int32_t *)q; q += 4; }
        else addr = g[greg_of[rm | ((rex & 1) << 3)]];
        if (mod == 1) addr += *(const int8_t *)q;
        if (mod == 2) addr += *(const int32_t *)q;
        value = size == 8 ? *(const uint64_t *)addr : size == 4 ? *(const uint32_t *)addr
              : size == 2 ? *(const uint16_t *)addr : *(const uint8_t *)addr;
    }
    if (size < 8) value &= (1ULL << (size * 8)) - 1;
    return value != 0;
}

static void classify(int sig, const siginfo_t *si, const ucontext_t *uc, WIN_EXCEPTION_RECORD *rec)
{
    uint64_t rip = uc->uc_mcontext.gregs[REG_RIP];
    uint64_t err = uc->uc_mcontext.gregs[REG_ERR], trapno = uc->uc_mcontext.gregs[REG_TRAPNO];
    rec->ExceptionAddress = rip;
    switch (sig)
    {
    case SIGSEGV:
    case SIGBUS:
        if (sig == SIGSEGV && si->si_code == SI_KERNEL && trapno == 13 && is_privileged((const uint8_t *)rip))
        {
            rec->ExceptionCode = EXC_PRIVILEGED_INSTRUCTION;
            break;
        }
        /* __fastfail: int 0x29 (a #GP from user mode), code in rcx */
        if (sig == SIGSEGV && si->si_code == SI_KERNEL && trapno == 13 && ((const uint8_t *)rip)[0] == 0xcd
            && ((const uint8_t *)rip)[1] == 0x29)
        {
            rec->ExceptionCode = EXC_STACK_BUFFER_OVERRUN;
            rec->ExceptionFlags = 1;   /* EXCEPTION_NONCONTINUABLE */
            rec->NumberParameters = 1;
            rec->ExceptionInformation[0] = uc->uc_mcontext.gregs[REG_RCX];
            break;
        }
        if (sig == SIGBUS && si->si_code == BUS_ADRALN)
        {
            rec->ExceptionCode = EXC_DATATYPE_MISALIGNMENT;
            break;
        }
        rec->ExceptionCode = EXC_ACCESS_VIOLATION;
        rec->NumberParameters = 2;
        if (si->si_code == SI_KERNEL)   /* #GP: a non-canonical address, Windows says ~0 */
        {
            rec->ExceptionInformation[0] = 0;
            rec->ExceptionInformation[1] = ~0ULL;
        }
        else
        {
            /* page-fault error code: bit 1 write, bit 4 instruction fetch */
            rec->ExceptionInformation[0] = (err & 0x10) || (uint64_t)si->si_addr == rip ? 8 : (err & 2) ? 1 : 0;
            rec->ExceptionInformation[1] = (uint64_t)si->si_addr;
            /* guard pages: raise_windows_exception (guard_page_hit) */
        }
        break;
    case SIGILL:
        rec->ExceptionCode = si->si_code == ILL_PRVOPC ? EXC_PRIVILEGED_INSTRUCTION : EXC_ILLEGAL_INSTRUCTION;
        break;
    case SIGFPE:
        /* SSE (#XM, trap 19): x64 Windows names the cause (Linux's si_code
           comes from MXCSR too) and passes 0 and MXCSR; only 32-bit code
           under WOW64 sees STATUS_FLOAT_MULTIPLE_TRAPS */
        if (trapno == 19)
        {
            rec->NumberParameters = 2;
            rec->ExceptionInformation[0] = 0;
            rec->ExceptionInformation[1] = uc->uc_mcontext.fpregs ? uc->uc_mcontext.fpregs->mxcsr : 0;
        }
        switch (si->si_code)
        {
        case FPE_INTDIV:
            rec->ExceptionCode = divisor_is_nonzero(uc) ? EXC_INT_OVERFLOW : EXC_INT_DIVIDE_BY_ZERO;
            break;
        case FPE_INTOVF: rec->ExceptionCode = EXC_INT_OVERFLOW; break;
        case FPE_FLTDIV: rec->ExceptionCode = EXC_FLT_DIVIDE_BY_ZERO; break;
        case FPE_FLTOVF: rec->ExceptionCode = EXC_FLT_OVERFLOW; break;
        case FPE_FLTUND: rec->ExceptionCode = EXC_FLT_UNDERFLOW; break;
        case FPE_FLTRES: rec->ExceptionCode = EXC_FLT_INEXACT_RESULT; break;
        default: rec->ExceptionCode = EXC_FLT_INVALID_OPERATION; break;
        }
        break;
    case SIGTRAP:
        /* a single step, or a hardware breakpoint (debugreg.c): Windows says
           EXCEPTION_SINGLE_STEP for both, at rip (after a data access, at
           an execution breakpoint) */
        if (si->si_code == TRAP_TRACE || si->si_code == TRAP_PERF || trapno == 1) rec->ExceptionCode = EXC_SINGLE_STEP;
        else
        {
            /* int3 has run: Windows reports the int3 itself */
            rec->ExceptionCode = EXC_BREAKPOINT;
            if (*(const uint8_t *)(rip - 1) == 0xcc) rec->ExceptionAddress = rip - 1;
            rec->NumberParameters = 1;
        }
        break;
    }
}

/* --- stack overflow and guard pages ---------------------------------------- */

/* Windows' stacks (learn.microsoft.com "Thread Stack Size") are a
   reservation [DeallocationStack, StackBase) in the TEB: committed stack
   from StackLimit up, below it a guard region of PAGE_GUARD pages (the soft
   guard and the thread's stack guarantee), reserve below that, and a lowest
   page never committed. Fibers, and runtimes that switch stacks themselves
   and keep the TEB's fields current (wasmer and wasmtime through corosensei,
   Go), have the same shape; the TEB always describes the running one.

   Touching the guard region grows the stack without any exception: the
   pages touched become stack, as many pages below the region become guard
   pages, and StackLimit follows. When the reserve above the lowest page
   cannot take them, the whole region becomes stack for the handlers and it
   is EXCEPTION_STACK_OVERFLOW. A guard page outside the TEB's stack fires
   once: STATUS_GUARD_PAGE_VIOLATION, and the page loses its guard.

   A thread's own Windows stack (thread.c) is committed whole (Linux commits
   it as it is used): one no-access page, WLX_STACK_GUARD_SIZE of guard
   pages above it, then stack. No reserve lies below its guard region, so
   touching it is the overflow at once; msvcrt's _resetstkoflw puts it
   back. Guard pages are mapped without access: a SEGV_ACCERR fault. */

#define PAGE_NOACCESS  0x01
#define PAGE_READWRITE 0x04
#define PAGE_GUARD     0x100
#define STACK_PAGE     0x1000
#define STATUS_GUARD_PAGE_VIOLATION 0x80000001

#define TEB_PTR(teb, off) (*(uintptr_t *)((teb) + (off)))

NTSTATUS WINAPI unix_NtProtectVirtualMemory(HANDLE process, void **addr, size_t *size, uint32_t prot, uint32_t *old);

void signal_init_stack_guard(void *teb)
{
    uint8_t *low = *(uint8_t **)((uint8_t *)teb + TEB_DEALLOCATION_STACK);
    void *addr = low;
    size_t size = STACK_PAGE;
    uint32_t old;
    unix_NtProtectVirtualMemory(NtCurrentProcess(), &addr, &size, PAGE_NOACCESS, &old);
    addr = low + STACK_PAGE;
    size = WLX_STACK_GUARD_SIZE;
    unix_NtProtectVirtualMemory(NtCurrentProcess(), &addr, &size, PAGE_READWRITE | PAGE_GUARD, &old);
    *(void **)((uint8_t *)teb + TEB_STACK_LIMIT) = low + STACK_PAGE + WLX_STACK_GUARD_SIZE;
}

enum guard_hit { GUARD_NONE, GUARD_FIRED, GUARD_GREW, GUARD_OVERFLOW };

static int is_guard_page(uintptr_t page)
{
    int vprot = virtual_page_vprot((void *)page);
    return vprot >= 0 && (vprot & (VPROT_GUARD | VPROT_COMMITTED)) == (VPROT_GUARD | VPROT_COMMITTED);
}

/* a thread's stack handed to a new thread (thread.c keeps them): the shape
   signal_init_stack_guard gives it, re-armed only when the last thread used
   some of it (else two mprotect calls per thread start) */
void signal_reset_stack_guard(void *teb)
{
    uintptr_t low = TEB_PTR((uint8_t *)teb, TEB_DEALLOCATION_STACK), guard_end = low + STACK_PAGE + WLX_STACK_GUARD_SIZE;
    int vprot = virtual_page_vprot((void *)low);
    int intact = vprot >= 0 && !(vprot & (VPROT_READ | VPROT_WRITE | VPROT_EXEC | VPROT_GUARD));
    for (uintptr_t page = low + STACK_PAGE; intact && page < guard_end; page += STACK_PAGE) intact = is_guard_page(page);
    if (intact) TEB_PTR((uint8_t *)teb, TEB_STACK_LIMIT) = guard_end;
    else signal_init_stack_guard(teb);
}

static void clear_guard_pages(uintptr_t start, uintptr_t end)
{
    for (uintptr_t page = start; page < end; page += STACK_PAGE) virtual_clear_guard((void *)page);
}

/* the page holding addr was touched: what Windows makes of it (above) */
static enum guard_hit guard_page_hit(uint8_t *teb, uintptr_t addr)
{
    uintptr_t page = addr & ~(uintptr_t)(STACK_PAGE - 1), low = page, high = page + STACK_PAGE;
    uintptr_t bottom = TEB_PTR(teb, TEB_DEALLOCATION_STACK), base = TEB_PTR(teb, TEB_STACK_BASE);

    if (!is_guard_page(page)) return GUARD_NONE;
    if (page < bottom || page >= base) return virtual_clear_guard((void *)page) ? GUARD_FIRED : GUARD_NONE;
    /* the guard region around the page; the pages from it up become stack */
    while (low - STACK_PAGE >= bottom && is_guard_page(low - STACK_PAGE)) low -= STACK_PAGE;
    while (high < base && is_guard_page(high)) high += STACK_PAGE;
    size_t moved = (high - page) / STACK_PAGE;
    if (low >= bottom + (moved + 1) * STACK_PAGE &&
        !virtual_commit_pages((void *)(low - moved * STACK_PAGE), moved, VPROT_READ | VPROT_WRITE | VPROT_GUARD))
    {
        clear_guard_pages(page, high);
        TEB_PTR(teb, TEB_STACK_LIMIT) = page;
        TRACE(SEH, "stack grown to %p (guard region %p-%p)\n", (void *)page, (void *)(low - moved * STACK_PAGE), (void *)page);
        return GUARD_GREW;
    }
    clear_guard_pages(low, high);
    TEB_PTR(teb, TEB_STACK_LIMIT) = low;
    return GUARD_OVERFLOW;
}

/* --- building the frame ----------------------------------------------------- */

static void *dispatcher;   /* ntdll's KiUserExceptionDispatcher */

/* an export of ntdll, the image holding its __wlx_thread_start: walk down
   from there to its header */
void *signal_ntdll_export(const char *name)
{
    extern void *wlx_thread_start_pe;
    if (!wlx_thread_start_pe) return NULL;
    uintptr_t p = (uintptr_t)wlx_thread_start_pe & ~0xfffUL;
    for (int i = 0; i < 0x4000 && *(const uint16_t *)p != 0x5a4d; i++) p -= 0x1000;
    return *(const uint16_t *)p == 0x5a4d ? image_find_export((void *)p, name) : NULL;
}

static void *find_dispatcher(void)
{
    if (!dispatcher) dispatcher = signal_ntdll_export("KiUserExceptionDispatcher");
    return dispatcher;
}

/* Windows has no red zone, but a leaf may still be using what is just below
   rsp at the instant of the fault (a push in progress): leave some room */
#define STACK_SLACK 0x80

static void wlx_crash(int sig, siginfo_t *si, ucontext_t *uc, const char *why) __attribute__((noreturn));
static __thread uint32_t crash_code;  /* an exception that could not be dispatched */
static __thread int in_fault_handler;   /* a fault inside the handler itself is a wlx bug */

/* The fast way out: no rt_sigreturn. The handler runs with SA_NODEFER and
   an empty sa_mask, so delivery changed no signal mask and there is none to
   restore; it leaves the signal stack by moving off it. The kernel gave the
   handler a fresh FPU state, and putting the faulting code's one back with
   XRSTOR costs ~350 ns here: the dispatch runs with the thread's control
   words only (x87, MXCSR), as the CONTEXT holds every register, and the AVX
   upper halves, which the CONTEXT lacks, go in the frame for
   restore_context_avx. Then straight to KiUserExceptionDispatcher on the
   Windows stack, with AC clear (the kernel cleared DF and TF, not AC); the
   handlers' verdict resumes in user mode. See doc/ARCHITECTURE.md "Faults". */
static void __attribute__((noreturn)) leave_to_dispatcher(const ucontext_t *uc, struct dispatch_frame *f)
{
    const uint8_t *fp = (const uint8_t *)uc->uc_mcontext.fpregs;
    const struct _fpx_sw_bytes *sw = (const struct _fpx_sw_bytes *)(fp + 464);   /* fxsave's sw_reserved */
    f->avx_state = 0;
    if (fp && sw->magic1 == FP_XSTATE_MAGIC1 && (sw->xstate_bv & 4) && sw->xstate_size >= 576 + 256)
    {
        f->avx_state = 1;
        if (*(const uint64_t *)(fp + 512) & 4)    /* XSTATE_BV: in use */
        {
            f->avx_state = 2;
            wlx_copy_blocks(f->ymm_hi, fp + 576, sizeof(f->ymm_hi));
        }
    }
    in_fault_handler = 0;
    if (fp) __asm__ volatile ("fldcw (%0)\n\tldmxcsr 24(%0)" :: "r"(fp));
    if (uc->uc_mcontext.gregs[REG_EFL] & 0x40000)   /* AC, rarely set: POPFQ costs */
        __asm__ volatile ("movq %0, %%rsp\n\tpushfq\n\tandl $~0x40000, (%%rsp)\n\tpopfq\n\tjmp *%1"
                          :: "r"(f), "r"(dispatcher) : "memory");
    __asm__ volatile ("movq %0, %%rsp\n\tjmp *%1" :: "r"(f), "r"(dispatcher) : "memory");
    __builtin_unreachable();
}

/* Room for the dispatch frame below rsp, made as Windows' kernel writes
   its frame: the pages are probed from the top, so a guard region there
   grows the stack, and one that cannot grow turns the exception into
   EXCEPTION_STACK_OVERFLOW (its guard consumed, there is room now). A frame
   that cannot be written (no stack left, or no writable memory under rsp)
   ends the process with the exception's code, as Windows ends a process
   whose exception it cannot deliver. */
static struct dispatch_frame *frame_room(int sig, siginfo_t *si, ucontext_t *uc, uint8_t *teb, WIN_EXCEPTION_RECORD *rec)
{
    uintptr_t rsp = uc->uc_mcontext.gregs[REG_RSP];
    uintptr_t frame = (rsp - STACK_SLACK - sizeof(struct dispatch_frame)) & ~(uintptr_t)0x3f;
    uintptr_t bottom = TEB_PTR(teb, TEB_DEALLOCATION_STACK), base = TEB_PTR(teb, TEB_STACK_BASE);
    int on_stack = rsp + 0x10000 > bottom && rsp <= base;   /* or just past its end */

    /* inside the committed stack the TEB names: nothing to probe (every
       fault of a program that is not short of stack takes this way) */
    if (frame >= TEB_PTR(teb, TEB_STACK_LIMIT) && rsp <= base) return (struct dispatch_frame *)frame;
    for (uintptr_t page = (rsp - 1) & ~(uintptr_t)(STACK_PAGE - 1); page + STACK_PAGE > frame; page -= STACK_PAGE)
    {
        int vprot = on_stack && page < bottom + STACK_PAGE ? 0 : virtual_page_vprot((void *)page);
        if (vprot < 0) continue;   /* not Windows memory: as it is */
        if ((vprot & VPROT_GUARD) && guard_page_hit(teb, page) == GUARD_OVERFLOW)
        {
            rec->ExceptionCode = EXC_STACK_OVERFLOW;
            rec->NumberParameters = 2;
            rec->ExceptionInformation[0] = 1;
            rec->ExceptionInformation[1] = page;
            vprot = VPROT_COMMITTED | VPROT_WRITE;
        }
        else if (vprot & VPROT_GUARD) vprot = virtual_page_vprot((void *)page);
        if ((vprot & (VPROT_COMMITTED | VPROT_WRITE | VPROT_GUARD)) != (VPROT_COMMITTED | VPROT_WRITE))
        {
            crash_code = on_stack ? EXC_STACK_OVERFLOW : rec->ExceptionCode;
            wlx_crash(sig, si, uc, on_stack ? "no room left on the stack to dispatch it"
                                            : "the stack pointer is on no writable memory");
        }
    }
    return (struct dispatch_frame *)frame;
}

static void raise_windows_exception(int sig, siginfo_t *si, ucontext_t *uc, uint8_t *teb)
{
    WIN_EXCEPTION_RECORD rec;
    wlx_zero_blocks(&rec, sizeof(rec));   /* not "rep stos" */
    if (!find_dispatcher()) wlx_crash(sig, si, uc, "ntdll has no KiUserExceptionDispatcher");
    classify(sig, si, uc, &rec);
    if (rec.ExceptionCode == EXC_STACK_BUFFER_OVERRUN)
    {
        /* no handler may see a fast fail: the process ends with the code */
        char why[64];
        snprintf(why, sizeof(why), "__fastfail(%lu)", (unsigned long)rec.ExceptionInformation[0]);
        crash_code = EXC_STACK_BUFFER_OVERRUN;
        wlx_crash(sig, si, uc, why);
    }
    if (sig == SIGSEGV && si->si_code == SEGV_ACCERR)
    {
        switch (guard_page_hit(teb, (uintptr_t)si->si_addr))
        {
        case GUARD_NONE: break;
        case GUARD_GREW:   /* the access runs again on the grown stack */
            in_fault_handler = 0;
            /* no dispatcher to stop in (see thread.c): a SuspendThread that
               came meanwhile stops the thread here, at the access */
            thread_stop_pending(uc);
            return;
        case GUARD_FIRED: rec.ExceptionCode = STATUS_GUARD_PAGE_VIOLATION; break;
        case GUARD_OVERFLOW: rec.ExceptionCode = EXC_STACK_OVERFLOW; break;   /* the parameters stay: access, address */
        }
    }

    struct dispatch_frame *f = frame_room(sig, si, uc, teb, &rec);
    f->record = rec;
    context_from_ucontext(&f->context, uc);
    /* a hardware breakpoint: Dr6 names it. One on execution is a fault,
       and the CPU does not set RF in the flags it saves for it (Intel SDM
       vol. 3, 18.3.1.1), so a handler that returns without setting RF or
       changing Dr7 meets it again, as on Windows; Linux set RF for its own
       return */
    if (sig == SIGTRAP && si->si_code == TRAP_PERF && debugreg_hit(teb, perf_sig_data(si)) == 1)
        f->context.EFlags &= ~0x10000u;
    debugreg_get(teb, &f->context);
    if (f->record.ExceptionCode == EXC_BREAKPOINT) f->context.Rip = f->record.ExceptionAddress;
    f->machine_frame[0] = f->context.Rip;
    f->machine_frame[1] = f->context.SegCs;
    f->machine_frame[2] = f->context.EFlags;
    f->machine_frame[3] = f->context.Rsp;
    TRACE(SEH, "signal %d: code %08x at %p, address %p, dispatching with rsp %p\n", sig, f->record.ExceptionCode,
          (void *)f->record.ExceptionAddress, si->si_addr, (void *)f);

    leave_to_dispatcher(uc, f);
}

/* --- wlx's own faults -------------------------------------------------------- */

static void wlx_crash(int sig, siginfo_t *si, ucontext_t *uc, const char *why)
{
    WIN_EXCEPTION_RECORD rec = { 0 };
    char where[256], buf[1024];
    uint64_t rip = uc->uc_mcontext.gregs[REG_RIP];
    classify(sig, si, uc, &rec);
    if (crash_code) rec.ExceptionCode = crash_code;
    virtual_describe_address((void *)rip, where, sizeof(where));
    int n = snprintf(buf, sizeof(buf), "wlx: unhandled exception 0x%08x (%s) at %s", rec.ExceptionCode,
                     exception_name(rec.ExceptionCode), where);
    if (rec.ExceptionCode == EXC_ACCESS_VIOLATION)
        n += snprintf(buf + n, sizeof(buf) - n, ", %s address %p",
                      rec.ExceptionInformation[0] == 1 ? "writing" : rec.ExceptionInformation[0] == 8 ? "executing" : "reading",
                      si->si_addr);
    if (why) n += snprintf(buf + n, sizeof(buf) - n, ": %s", why);
    n += snprintf(buf + n, sizeof(buf) - n, "\n");
    write(2, buf, n);
    /* a Windows program's exception: GetExitCodeProcess gets the whole code */
    if (crash_code) process_exit(rec.ExceptionCode);
    _exit(rec.ExceptionCode & 0xff);
}

/* a fault while a system call runs on the Unix stack: name the Unix
   function and the Windows caller, never let Windows handlers see it */
static void unix_code_fault(int sig, siginfo_t *si, ucontext_t *uc, uint8_t *teb)
{
    uint64_t rip = uc->uc_mcontext.gregs[REG_RIP];
    uint64_t win_rsp = *(uint64_t *)(teb + TEB_WLX_SAVED_RSP);
    char caller[256], where[512], buf[1024];
    Dl_info info;
    /* the binary is not linked -rdynamic: a file offset for addr2line is what there is */
    if (dladdr((void *)rip, &info) && info.dli_fname)
    {
        const char *file = strrchr(info.dli_fname, '/') ? strrchr(info.dli_fname, '/') + 1 : info.dli_fname;
        if (info.dli_sname) snprintf(where, sizeof(where), "%s (%s+0x%lx)", file, info.dli_sname,
                                     (unsigned long)(rip - (uint64_t)info.dli_saddr));
        else snprintf(where, sizeof(where), "%s+0x%lx", file, (unsigned long)(rip - (uint64_t)info.dli_fbase));
    }
    else snprintf(where, sizeof(where), "%p", (void *)rip);
    virtual_describe_address(*(void **)win_rsp, caller, sizeof(caller));
    int n = snprintf(buf, sizeof(buf),
                     "wlx: internal error: signal %d (%s) in wlx's Unix code at %s, address %p,\n"
                     "     in a system call made from %s\n",
                     sig, strsignal(sig), where, si->si_addr, caller);
    write(2, buf, n);
    _exit(sig == SIGSEGV ? 0x05 : 0x1d);
}

extern char __executable_start[], etext[];   /* the wlx binary's code, from the linker */

/* the GS base (the TEB of a Windows thread): the rdgsbase instruction when
   the kernel allows it (Linux 5.9+, HWCAP2_FSGSBASE), saving a system call
   on every fault; else arch_prctl */
static int have_fsgsbase = -1;

static uint8_t *current_gs_base(void)
{
    uint8_t *base = NULL;
    if (have_fsgsbase < 0) have_fsgsbase = (getauxval(AT_HWCAP2) & 2 /* HWCAP2_FSGSBASE */) != 0;
    if (have_fsgsbase) __asm__ volatile ("rdgsbase %0" : "=r" (base));
    else syscall(SYS_arch_prctl, ARCH_GET_GS, &base);
    return base;
}

/* A hardware breakpoint (debugreg.c) that fired in wlx's own code is no
   Windows exception: the Unix side touching Windows memory for a system
   call (what Windows' kernel does in kernel mode, where the program's
   breakpoints are not its business), building an exception's frame,
   starting or ending a thread. The signal is let go (for an execution
   breakpoint the kernel has set RF in uc). */
static int breakpoint_in_wlx(const ucontext_t *uc, const uint8_t *teb)
{
    uint64_t rip = uc->uc_mcontext.gregs[REG_RIP];
    if (in_fault_handler || !teb || *(uint8_t *const *)(teb + TEB_SELF) != teb) return 1;
    if (*(const uint64_t *)(teb + TEB_WLX_SAVED_RSP)) return 1;
    if (rip >= (uint64_t)__executable_start && rip < (uint64_t)etext) return 1;
    const struct wlx_thread *t = *(struct wlx_thread *const *)(teb + TEB_WLX_UNIX_THREAD);
    return !t || !__atomic_load_n(&t->in_pe, __ATOMIC_RELAXED);
}

static void fault_handler(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    uint8_t *teb = current_gs_base();
    if (sig == SIGTRAP && si->si_code == TRAP_PERF && breakpoint_in_wlx(uc, teb))
    {
        TRACE(SEH, "hardware breakpoint Dr%lu hit in wlx's code at %p, not reported\n",
              (unsigned long)perf_sig_data(si), (void *)uc->uc_mcontext.gregs[REG_RIP]);
        return;
    }
    if (in_fault_handler) wlx_crash(sig, si, uc, "a fault while handling a fault (a wlx bug)");
    in_fault_handler = 1;
    if (!teb || *(uint8_t **)(teb + TEB_SELF) != teb)
        wlx_crash(sig, si, uc, "in a thread that runs no Windows code (a wlx bug)");
    if (*(uint64_t *)(teb + TEB_WLX_SAVED_RSP))
    {
        unix_code_fault(sig, si, uc, teb);
        return;
    }
    /* wlx's own code outside a system call (thread start, exit) */
    uint64_t rip = uc->uc_mcontext.gregs[REG_RIP];
    if (rip >= (uint64_t)__executable_start && rip < (uint64_t)etext)
        wlx_crash(sig, si, uc, "in wlx's Unix code outside a system call (a wlx bug)");
    raise_windows_exception(sig, si, uc, teb);
}

/* is this thread turning a fault into an exception (wlx's code on the
   signal stack, up to the jump to KiUserExceptionDispatcher)? SuspendThread
   then lets it go on and stop at the dispatcher (thread.c) */
int signal_in_fault_path(const ucontext_t *uc)
{
    uint64_t rip = uc->uc_mcontext.gregs[REG_RIP];
    return in_fault_handler || (rip >= (uint64_t)__executable_start && rip < (uint64_t)etext);
}

/* --- set-up ------------------------------------------------------------------- */

/* glibc (2.35+) registers every thread for restartable sequences, and the
   kernel then updates the thread's rseq area on each signal it delivers
   (and after each preemption): ~6% of a caught fault here (bench/avcatch,
   wlx 2.15 -> 2.03 us, best of 15 runs). Nothing in wlx uses rseq; glibc
   only reads the CPU number from it, and its sched_getcpu falls back to
   getcpu once the kernel has reset the area. So a thread that is about to
   run Windows code leaves. The length is the one glibc registered with (32
   bytes before glibc 2.40, which reports a smaller __rseq_size); a glibc
   that did not register (older, or tunable glibc.pthread.rseq=0) has size 0. */
extern const ptrdiff_t __rseq_offset __attribute__((weak));
extern const unsigned int __rseq_size __attribute__((weak));

#define RSEQ_FLAG_UNREGISTER 1
#define RSEQ_SIG_X86 0x53053053
#define RSEQ_AREA_MIN 32

void signal_leave_rseq(void)
{
    if (!&__rseq_size || !&__rseq_offset || !__rseq_size) return;
    void *area = (uint8_t *)__builtin_thread_pointer() + __rseq_offset;
    unsigned int len = __rseq_size > RSEQ_AREA_MIN ? __rseq_size : RSEQ_AREA_MIN;
    if (syscall(SYS_rseq, area, len, RSEQ_FLAG_UNREGISTER, RSEQ_SIG_X86) && len != RSEQ_AREA_MIN)
        syscall(SYS_rseq, area, RSEQ_AREA_MIN, RSEQ_FLAG_UNREGISTER, RSEQ_SIG_X86);
}

void signal_init_thread(void)
{
    stack_t ss;
    ss.ss_sp = malloc(ALTSTACK_SIZE);
    ss.ss_size = ALTSTACK_SIZE;
    ss.ss_flags = 0;
    if (ss.ss_sp) sigaltstack(&ss, NULL);
}

void signal_init_process(void)
{
    struct sigaction sa;
    struct rlimit rl = { 0, 0 };
    setrlimit(RLIMIT_CORE, &rl);   /* a crash is reported, never dumped */
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = fault_handler;
    /* SA_NODEFER and no sa_mask: delivery changes no mask, so the handler
       may leave without rt_sigreturn (leave_to_dispatcher) */
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);
    signal_init_thread();
}
