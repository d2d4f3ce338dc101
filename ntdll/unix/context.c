/*
 * ntdll/unix/context.c — Windows CONTEXTs of threads: built from a
 * ucontext (a fault, a suspended thread), written back into one, and the
 * context of a thread that stands inside a system call.
 *
 * A thread suspended inside wlx's Unix code (blocked in a wait, say) shows
 * the Windows registers of its system call, as Windows shows the user-mode
 * registers of a thread in the kernel: rip at ntdll's __wlx_syscall_return
 * (the door's ret), rsp at the return address, the non-volatile registers
 * the door kept in the TEB (ntdll/door.S). A context set on such a thread
 * is kept aside (TEB_WLX_PENDING_CONTEXT) and the door goes on there when
 * the call returns; the call itself finishes first, as on Windows, where a
 * wait goes on after the kernel has changed the thread's user context.
 *
 * A thread that has not run yet (created suspended) shows where it will
 * begin; a context set on it is where it begins, once ntdll has attached it
 * (TLS, DLL_THREAD_ATTACH) as every new thread.
 *
 * XSTATE (CONTEXT_XSTATE): the AVX upper halves, from and to the signal
 * frame's XSAVE area. Windows treats them as volatile across calls, so a
 * thread in a system call reports them in their initial state.
 *
 * Sections: ucontext ↔ CONTEXT · XSTATE · inside a system call · before the
 * thread runs · entry points.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <ucontext.h>
#include <unistd.h>
#include "private.h"
#include "thread.h"
#include "wincontext.h"

#define FXSAVE_REGS_SIZE 416   /* x87 and xmm0-15; the rest of the 512 bytes is the kernel's */

/* --- ucontext ↔ CONTEXT ------------------------------------------------------ */

void context_from_ucontext(WIN_CONTEXT *c, const ucontext_t *uc)
{
    const greg_t *g = uc->uc_mcontext.gregs;
    /* every field is written: the ones without a value here are zeroed */
    wlx_zero_blocks(c->PHome, sizeof(c->PHome));
    wlx_zero_blocks(c->Dr, sizeof(c->Dr));
    wlx_zero_blocks(c->VectorRegister, sizeof(*c) - offsetof(WIN_CONTEXT, VectorRegister));
    c->ContextFlags = CONTEXT_ALL_AMD64;
    c->Rax = g[REG_RAX]; c->Rcx = g[REG_RCX]; c->Rdx = g[REG_RDX]; c->Rbx = g[REG_RBX];
    c->Rsp = g[REG_RSP]; c->Rbp = g[REG_RBP]; c->Rsi = g[REG_RSI]; c->Rdi = g[REG_RDI];
    c->R8 = g[REG_R8]; c->R9 = g[REG_R9]; c->R10 = g[REG_R10]; c->R11 = g[REG_R11];
    c->R12 = g[REG_R12]; c->R13 = g[REG_R13]; c->R14 = g[REG_R14]; c->R15 = g[REG_R15];
    c->Rip = g[REG_RIP];
    c->EFlags = (uint32_t)g[REG_EFL] & ~0x100u;   /* TF: the step has been taken */
    /* the selectors Windows x64 user code sees */
    c->SegCs = 0x33; c->SegSs = c->SegDs = c->SegEs = c->SegGs = 0x2b; c->SegFs = 0x53;
    if (uc->uc_mcontext.fpregs)
    {
        wlx_copy_blocks(c->FltSave, uc->uc_mcontext.fpregs, sizeof(c->FltSave));
        c->MxCsr = uc->uc_mcontext.fpregs->mxcsr;
    }
    else
    {
        wlx_zero_blocks(c->FltSave, sizeof(c->FltSave));
        c->MxCsr = 0;
    }
}

/* the flags a context may set: the arithmetic ones, DF, TF (a debugger,
   or a program stepping another thread, sets it: one instruction, then
   EXCEPTION_SINGLE_STEP in that thread) and RF (the instruction at rip runs
   past an execution breakpoint there: debugreg.c) */
#define USER_EFLAGS 0x10dd5u

/* the parts of src that its ContextFlags name, into dst (another CONTEXT) */
static void merge_context(WIN_CONTEXT *dst, const WIN_CONTEXT *src)
{
    uint32_t flags = src->ContextFlags;
    /* x64 winnt.h: control is rip, rsp and the flags; rbp is an integer register */
    if ((flags & CONTEXT_CONTROL_FLAGS) == CONTEXT_CONTROL_FLAGS)
    {
        dst->Rip = src->Rip; dst->Rsp = src->Rsp;
        dst->EFlags = (dst->EFlags & ~USER_EFLAGS) | (src->EFlags & USER_EFLAGS);
    }
    if ((flags & CONTEXT_INTEGER_FLAGS) == CONTEXT_INTEGER_FLAGS)
    {
        dst->Rax = src->Rax; dst->Rbp = src->Rbp; dst->Rcx = src->Rcx; dst->Rdx = src->Rdx; dst->Rbx = src->Rbx;
        dst->Rsi = src->Rsi; dst->Rdi = src->Rdi; dst->R8 = src->R8; dst->R9 = src->R9;
        dst->R10 = src->R10; dst->R11 = src->R11; dst->R12 = src->R12; dst->R13 = src->R13;
        dst->R14 = src->R14; dst->R15 = src->R15;
    }
    if ((flags & CONTEXT_FLOATING_FLAGS) == CONTEXT_FLOATING_FLAGS)
    {
        memcpy(dst->FltSave, src->FltSave, FXSAVE_REGS_SIZE);
        dst->MxCsr = src->MxCsr;
    }
}

/* SetThreadContext: the debug registers are taken at once, whatever the
   thread is doing (debugreg.c); does the CONTEXT change registers too? */
static int context_set_debug(struct wlx_thread *t, const WIN_CONTEXT *c)
{
    uint32_t flags = c->ContextFlags;
    if ((flags & CONTEXT_DEBUG_FLAGS) == CONTEXT_DEBUG_FLAGS) debugreg_set(t, c);
    return (flags & CONTEXT_AMD64_FLAG) && (flags & 0x4b);   /* control, integer, floating point, xstate */
}

static void ucontext_set(ucontext_t *uc, const WIN_CONTEXT *c)
{
    greg_t *g = uc->uc_mcontext.gregs;
    WIN_CONTEXT cur;
    context_from_ucontext(&cur, uc);
    merge_context(&cur, c);
    g[REG_RAX] = cur.Rax; g[REG_RCX] = cur.Rcx; g[REG_RDX] = cur.Rdx; g[REG_RBX] = cur.Rbx;
    g[REG_RSP] = cur.Rsp; g[REG_RBP] = cur.Rbp; g[REG_RSI] = cur.Rsi; g[REG_RDI] = cur.Rdi;
    g[REG_R8] = cur.R8; g[REG_R9] = cur.R9; g[REG_R10] = cur.R10; g[REG_R11] = cur.R11;
    g[REG_R12] = cur.R12; g[REG_R13] = cur.R13; g[REG_R14] = cur.R14; g[REG_R15] = cur.R15;
    g[REG_RIP] = cur.Rip;
    g[REG_EFL] = (g[REG_EFL] & ~(greg_t)USER_EFLAGS) | (cur.EFlags & USER_EFLAGS);
    if (uc->uc_mcontext.fpregs)
    {
        /* the kernel's own bytes (the XSAVE marker) at the end stay */
        memcpy(uc->uc_mcontext.fpregs, cur.FltSave, FXSAVE_REGS_SIZE);
        uc->uc_mcontext.fpregs->mxcsr = cur.MxCsr;
    }
}

/* --- XSTATE -------------------------------------------------------------------- */

/* the XSAVE area header a CONTEXT with CONTEXT_XSTATE points to, when it
   has room for the AVX state; else NULL */
static uint64_t *context_xstate(const WIN_CONTEXT *c)
{
    if ((c->ContextFlags & CONTEXT_XSTATE_FLAGS) != CONTEXT_XSTATE_FLAGS) return NULL;
    const WIN_CONTEXT_EX *ex = (const WIN_CONTEXT_EX *)(c + 1);
    /* InitializeContext puts the header just past the CONTEXT_EX, 64-aligned */
    if (ex->XState.Length < 64 + XSAVE_AVX_SIZE || ex->XState.Length > 4096 ||
        ex->XState.Offset < (int32_t)sizeof(*ex) || ex->XState.Offset > 4096) return NULL;
    return (uint64_t *)((uint8_t *)ex + ex->XState.Offset);
}

/* the signal frame's XSAVE area, when the kernel wrote one with AVX room */
static uint8_t *frame_xsave(const ucontext_t *uc)
{
    uint8_t *fp = (uint8_t *)uc->uc_mcontext.fpregs;
    const struct _fpx_sw_bytes *sw = (const struct _fpx_sw_bytes *)(fp + 464);
    if (!fp || sw->magic1 != FP_XSTATE_MAGIC1 || sw->xstate_size < XSAVE_AVX_OFFSET + XSAVE_AVX_SIZE) return NULL;
    return (sw->xstate_bv & XSTATE_MASK_AVX) ? fp : NULL;
}

/* GetThreadContext: the features asked for in the header's mask; the mask
   then says which are not in their initial state (none when uc is NULL) */
static void xstate_get(WIN_CONTEXT *c, const ucontext_t *uc)
{
    uint64_t *hdr = context_xstate(c);
    if (!hdr) return;
    uint8_t *xs = uc ? frame_xsave(uc) : NULL;
    uint64_t inuse = xs ? *(uint64_t *)(xs + 512) : 0;   /* XSTATE_BV */
    hdr[0] &= XSTATE_MASK_AVX & inuse;
    if (hdr[0] & XSTATE_MASK_AVX) memcpy(hdr + 8, xs + XSAVE_AVX_OFFSET, XSAVE_AVX_SIZE);
}

/* SetThreadContext: a feature in the mask is written, one outside it goes
   back to its initial state */
static void xstate_set(ucontext_t *uc, const WIN_CONTEXT *c)
{
    const uint64_t *hdr = context_xstate(c);
    uint8_t *xs = (uint8_t *)uc->uc_mcontext.fpregs;
    const struct _fpx_sw_bytes *sw = (const struct _fpx_sw_bytes *)(xs + 464);
    if (!hdr || !xs || sw->magic1 != FP_XSTATE_MAGIC1 || sw->xstate_size < XSAVE_AVX_OFFSET + XSAVE_AVX_SIZE)
        return;
    uint64_t *bv = (uint64_t *)(xs + 512);
    if (hdr[0] & XSTATE_MASK_AVX)
    {
        memcpy(xs + XSAVE_AVX_OFFSET, hdr + 8, XSAVE_AVX_SIZE);
        *bv |= XSTATE_MASK_AVX;
    }
    else *bv &= ~(uint64_t)XSTATE_MASK_AVX;
}

/* --- inside a system call ---------------------------------------------------- */

static void *syscall_return;   /* ntdll's __wlx_syscall_return */

/* a CONTEXT with no registers set yet, the FPU state the calling thread's
   (its control words are every thread's) */
static void blank_context(WIN_CONTEXT *c)
{
    memset(c, 0, sizeof(*c));
    c->ContextFlags = CONTEXT_ALL_AMD64;
    c->SegCs = 0x33; c->SegSs = c->SegDs = c->SegEs = c->SegGs = 0x2b; c->SegFs = 0x53;
    c->EFlags = 0x202;
    __asm__ volatile ("fxsave64 %0" : "=m"(c->FltSave));
    c->MxCsr = *(uint32_t *)(c->FltSave + 24);
}

/* the Windows registers of a thread in a system call; uc is where it was
   caught in the Unix code (for the FPU control state), NULL for ourselves */
static void syscall_context(WIN_CONTEXT *c, const ucontext_t *uc, const uint8_t *teb)
{
    const uint64_t *regs = (const uint64_t *)(teb + TEB_WLX_SYSCALL_REGS);
    if (!syscall_return) syscall_return = signal_ntdll_export("__wlx_syscall_return");
    if (uc) context_from_ucontext(c, uc);
    else blank_context(c);
    /* volatile registers do not survive a system call */
    c->Rax = c->Rcx = c->Rdx = c->R8 = c->R9 = c->R10 = c->R11 = 0;
    c->Rip = (uint64_t)syscall_return;
    c->Rsp = *(const uint64_t *)(teb + TEB_WLX_SAVED_RSP);
    c->Rbx = regs[0]; c->Rbp = regs[1]; c->Rsi = regs[2]; c->Rdi = regs[3];
    c->R12 = regs[4]; c->R13 = regs[5]; c->R14 = regs[6]; c->R15 = regs[7];
    memcpy(c->FltSave + 160 + 6 * 16, teb + TEB_WLX_SYSCALL_XMM, 10 * 16);   /* xmm6-15 */
}

/* a CONTEXT buffer of the thread's, kept for its life (restore_context
   reads it: 16-byte aligned) */
static WIN_CONTEXT *context_buffer(void **buf)
{
    if (!*buf && posix_memalign(buf, 64, sizeof(WIN_CONTEXT))) *buf = NULL;
    return *buf;
}

/* --- before the thread runs ---------------------------------------------------- */

/* where a new thread begins: ntdll's __wlx_thread_start(start, param) on
   the stack enter_pe (thread.c) would give it */
static void initial_context(struct wlx_thread *t, WIN_CONTEXT *c)
{
    uintptr_t top = *(uintptr_t *)((uint8_t *)t->teb + TEB_STACK_BASE);
    blank_context(c);
    c->Rsp = ((top - 0x100) & ~0xfUL) - 0x28;
    c->Rip = (uint64_t)wlx_thread_start_pe;
    c->Rcx = (uint64_t)t->start;
    c->Rdx = (uint64_t)t->param;
}

void context_get_initial(struct wlx_thread *t, void *ctx)
{
    WIN_CONTEXT *c = ctx;
    uint32_t flags = c->ContextFlags;
    uint64_t *hdr = context_xstate(c), mask = hdr ? hdr[0] : 0;
    if (t->initial_context) *c = *(WIN_CONTEXT *)t->initial_context;
    else initial_context(t, c);
    debugreg_get(t->teb, c);
    c->ContextFlags = flags ? flags : CONTEXT_ALL_AMD64;
    if (hdr) { hdr[0] = mask; xstate_get(c, NULL); }
}

/* the thread starts there (thread.c, ntdll's __wlx_thread_start_context) */
NTSTATUS context_set_initial(struct wlx_thread *t, const void *ctx)
{
    if (!context_set_debug(t, ctx)) return STATUS_SUCCESS;
    int fresh = !t->initial_context;
    WIN_CONTEXT *c = context_buffer(&t->initial_context);
    if (!c) return STATUS_NO_MEMORY;
    if (fresh) initial_context(t, c);
    merge_context(c, ctx);
    c->ContextFlags = CONTEXT_ALL_AMD64;
    return STATUS_SUCCESS;
}

/* --- entry points (thread.c) --------------------------------------------------- */

/* is [p, p+size) the caller's memory, readable (and writable)? The kernel
   checks for us (process_vm_readv/writev on ourselves), so a bad pointer is
   an error and never a fault in wlx's code; writing checks by copying the
   bytes onto themselves */
static int user_memory_ok(void *p, size_t size, int write)
{
    uint8_t buf[512];
    for (size_t done = 0; done < size; )
    {
        size_t n = size - done < sizeof(buf) ? size - done : sizeof(buf);
        struct iovec local = { write ? (uint8_t *)p + done : buf, n }, remote = { (uint8_t *)p + done, n };
        ssize_t r = write ? process_vm_writev(getpid(), &local, 1, &remote, 1, 0)
                          : process_vm_readv(getpid(), &local, 1, &remote, 1, 0);
        if (r != (ssize_t)n) return 0;
        done += n;
    }
    return 1;
}

/* the caller's CONTEXT, and the XSTATE area it names: STATUS_ACCESS_VIOLATION
   when they are not memory it may read (SetThreadContext) or write (Get),
   as Windows answers (tests/kernel32/context.c) */
NTSTATUS context_check_user(void *ctx, int write)
{
    WIN_CONTEXT *c = ctx;
    if (!user_memory_ok(c, sizeof(*c), write)) return STATUS_ACCESS_VIOLATION;
    if ((c->ContextFlags & CONTEXT_XSTATE_FLAGS) != CONTEXT_XSTATE_FLAGS) return STATUS_SUCCESS;
    if (!user_memory_ok(c + 1, sizeof(WIN_CONTEXT_EX), 0)) return STATUS_ACCESS_VIOLATION;
    uint64_t *hdr = context_xstate(c);
    if (!hdr) return STATUS_SUCCESS;
    const WIN_CONTEXT_EX *ex = (const WIN_CONTEXT_EX *)(c + 1);
    return user_memory_ok(hdr, ex->XState.Length, write) ? STATUS_SUCCESS : STATUS_ACCESS_VIOLATION;
}

/* GetThreadContext of a thread suspended at uc (NULL: the calling thread,
   necessarily in this system call) */
void context_get(struct wlx_thread *t, void *ctx, const ucontext_t *uc)
{
    WIN_CONTEXT *c = ctx;
    const uint8_t *teb = t->teb;
    const WIN_CONTEXT *pending = *(WIN_CONTEXT *const *)(teb + TEB_WLX_PENDING_CONTEXT);
    uint32_t flags = c->ContextFlags;
    uint64_t mask = 0, *hdr = context_xstate(c);
    if (hdr) mask = hdr[0];
    if (pending) *c = *pending;
    else if (!uc || *(const uint64_t *)(teb + TEB_WLX_SAVED_RSP)) syscall_context(c, uc, teb);
    else context_from_ucontext(c, uc);
    debugreg_get(teb, c);
    c->ContextFlags = flags ? flags : CONTEXT_ALL_AMD64;
    if (hdr)
    {
        hdr[0] = mask;
        xstate_get(c, pending || !uc || *(const uint64_t *)(teb + TEB_WLX_SAVED_RSP) ? NULL : uc);
    }
}

/* SetThreadContext; a thread in a system call goes on there when it returns */
NTSTATUS context_set(struct wlx_thread *t, const void *ctx, ucontext_t *uc)
{
    const WIN_CONTEXT *c = ctx;
    uint8_t *teb = t->teb;
    WIN_CONTEXT *pending = *(WIN_CONTEXT **)(teb + TEB_WLX_PENDING_CONTEXT);
    if (!context_set_debug(t, c)) return STATUS_SUCCESS;
    if (uc && !pending && !*(uint64_t *)(teb + TEB_WLX_SAVED_RSP))
    {
        ucontext_set(uc, c);
        xstate_set(uc, c);
        return STATUS_SUCCESS;
    }
    if (!pending)
    {
        if (!(pending = context_buffer(&t->pending_context))) return STATUS_NO_MEMORY;
        syscall_context(pending, uc, teb);
    }
    merge_context(pending, c);
    pending->ContextFlags = CONTEXT_ALL_AMD64;
    TRACE(THREAD, "thread %04x in a syscall goes on at rip %p rsp %p\n", t->tid, (void *)pending->Rip,
          (void *)pending->Rsp);
    __atomic_store_n((WIN_CONTEXT **)(teb + TEB_WLX_PENDING_CONTEXT), pending, __ATOMIC_RELEASE);
    return STATUS_SUCCESS;
}
