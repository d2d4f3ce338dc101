/*
 * kernel32/fiber.c — fibers: ConvertThreadToFiber(Ex), CreateFiber(Ex),
 * SwitchToFiber, DeleteFiber, ConvertFiberToThread.
 *
 * A fiber is its parameter (first, as GetFiberData() reads it), its saved
 * registers, its stack, and the TEB fields that follow the running fiber:
 * NtTib.FiberData, the stack bounds (StackBase, StackLimit and
 * DeallocationStack: a fault on a fiber's stack grows it or overflows as a
 * thread's does, ntdll/unix/signal.c), GuaranteedStackBytes and FlsData
 * (each fiber has its own fiber local storage; ntdll's RtlProcessFlsData
 * runs a deleted fiber's FLS callbacks).
 */
#include "private.h"

#define TEB_FIBER_DATA        0x0020
#define TEB_GUARANTEED_STACK  0x1748
#define TEB_FLS_DATA          0x17c8
#define TEB_SAME_TEB_FLAGS    0x17ee
#define HAS_FIBER_DATA        0x0004

struct fiber_regs
{
    ULONG64 rbx, rbp, rdi, rsi, r12, r13, r14, r15, rsp;
    DWORD mxcsr;
    WORD fpcw, pad;
    M128A xmm[10];   /* xmm6..xmm15 */
};
_Static_assert(offsetof(struct fiber_regs, xmm) == 0x50, "fiber_switch.S layout");

struct fiber
{
    void *param;                      /* GetFiberData() */
    LPFIBER_START_ROUTINE start;
    struct fiber_regs regs;
    void *stack_base, *stack_limit, *stack_bottom;  /* TEB's StackBase, StackLimit, DeallocationStack */
    void *stack_alloc;                /* NULL: the thread's own stack */
    ULONG guaranteed;
    void *fls_data;
    DWORD flags;                      /* FIBER_FLAG_FLOAT_SWITCH: registers are always switched */
};

void __wlx_fiber_swap(struct fiber_regs *save, const struct fiber_regs *load);
void NTAPI RtlProcessFlsData(void *data, ULONG flags);

static BYTE *teb(void) { return k32_teb(); }
#define TEBF(type, off) (*(type *)(teb() + (off)))

BOOL WINAPI IsThreadAFiber(void)
{
    return (TEBF(WORD, TEB_SAME_TEB_FLAGS) & HAS_FIBER_DATA) != 0;
}

static struct fiber *current_fiber(void) { return TEBF(struct fiber *, TEB_FIBER_DATA); }

LPVOID WINAPI ConvertThreadToFiberEx(LPVOID param, DWORD flags)
{
    struct fiber *f;
    if (IsThreadAFiber()) { SetLastError(ERROR_ALREADY_FIBER); return NULL; }
    if (!(f = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*f)))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    f->param = param;
    f->flags = flags;
    f->stack_base = TEBF(void *, TEB_STACK_BASE);
    f->stack_limit = TEBF(void *, TEB_STACK_LIMIT);
    f->stack_bottom = TEBF(void *, TEB_DEALLOCATION_STACK);
    f->fls_data = TEBF(void *, TEB_FLS_DATA);
    TEBF(struct fiber *, TEB_FIBER_DATA) = f;
    TEBF(WORD, TEB_SAME_TEB_FLAGS) |= HAS_FIBER_DATA;
    return f;
}

LPVOID WINAPI ConvertThreadToFiber(LPVOID param)
{
    return ConvertThreadToFiberEx(param, 0);
}

/* the thread goes on as a plain thread with the current fiber's state */
BOOL WINAPI ConvertFiberToThread(void)
{
    struct fiber *f = current_fiber();
    if (!IsThreadAFiber()) { SetLastError(ERROR_ALREADY_THREAD); return FALSE; }
    TEBF(WORD, TEB_SAME_TEB_FLAGS) &= ~HAS_FIBER_DATA;
    TEBF(void *, TEB_FIBER_DATA) = NULL;
    HeapFree(GetProcessHeap(), 0, f);
    return TRUE;
}

/* a new fiber's first code (reached by __wlx_fiber_swap's ret): its start
   routine; a fiber whose routine returns ends its thread */
void __wlx_fiber_start(void)
{
    struct fiber *f = current_fiber();
    f->start(f->param);
    ExitThread(0);
}

/* A fiber's stack has a thread stack's shape: reserved whole, the top
   committed, a guard region below (two pages and the creating thread's
   stack guarantee) that moves down as the stack grows, and a lowest page
   never committed; running into it is EXCEPTION_STACK_OVERFLOW. */
static BOOL fiber_alloc_stack(struct fiber *f, SIZE_T commit, SIZE_T reserve)
{
    SIZE_T guard = 0x2000 + ((TEBF(ULONG, TEB_GUARANTEED_STACK) + 0xfff) & ~0xfff);
    BYTE *stack;

    commit = commit ? (commit + 0xfff) & ~(SIZE_T)0xfff : 0x1000;
    if (!reserve) reserve = 1024 * 1024;   /* the exe's default would do too */
    if (reserve < commit + guard + 0x1000) reserve = commit + guard + 0x1000;
    reserve = (reserve + 0xffff) & ~(SIZE_T)0xffff;
    if (!(stack = VirtualAlloc(NULL, reserve, MEM_RESERVE, PAGE_READWRITE))) return FALSE;
    if (!VirtualAlloc(stack + reserve - commit, commit, MEM_COMMIT, PAGE_READWRITE) ||
        !VirtualAlloc(stack + reserve - commit - guard, guard, MEM_COMMIT, PAGE_READWRITE | PAGE_GUARD))
    {
        VirtualFree(stack, 0, MEM_RELEASE);
        return FALSE;
    }
    f->stack_alloc = f->stack_bottom = stack;
    f->stack_base = stack + reserve;
    f->stack_limit = stack + reserve - commit;
    return TRUE;
}

LPVOID WINAPI CreateFiberEx(SIZE_T commit, SIZE_T reserve, DWORD flags, LPFIBER_START_ROUTINE start, LPVOID param)
{
    struct fiber *f;
    BYTE *top;

    if (!(f = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*f)))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    if (!fiber_alloc_stack(f, commit, reserve))
    {
        HeapFree(GetProcessHeap(), 0, f);
        return NULL;
    }
    f->param = param;
    f->start = start;
    f->flags = flags;
    /* the first switch "returns" into __wlx_fiber_start with the stack
       aligned as after a call (rsp % 16 == 8), below a home area */
    top = (BYTE *)f->stack_base - 0x40;
    *(void **)top = (void *)__wlx_fiber_start;
    f->regs.rsp = (ULONG64)top;
    f->regs.mxcsr = 0x1f80;
    f->regs.fpcw = 0x27f;
    return f;
}

LPVOID WINAPI CreateFiber(SIZE_T stack, LPFIBER_START_ROUTINE start, LPVOID param)
{
    return CreateFiberEx(stack, 0, 0, start, param);
}

void WINAPI SwitchToFiber(LPVOID target)
{
    struct fiber *from = current_fiber(), *to = target;
    if (from == to) return;
    /* the TEB follows the fiber */
    from->stack_base = TEBF(void *, TEB_STACK_BASE);
    from->stack_limit = TEBF(void *, TEB_STACK_LIMIT);
    from->stack_bottom = TEBF(void *, TEB_DEALLOCATION_STACK);
    from->guaranteed = TEBF(ULONG, TEB_GUARANTEED_STACK);
    from->fls_data = TEBF(void *, TEB_FLS_DATA);
    TEBF(void *, TEB_STACK_BASE) = to->stack_base;
    TEBF(void *, TEB_STACK_LIMIT) = to->stack_limit;
    TEBF(void *, TEB_DEALLOCATION_STACK) = to->stack_bottom;
    TEBF(ULONG, TEB_GUARANTEED_STACK) = to->guaranteed;
    TEBF(void *, TEB_FLS_DATA) = to->fls_data;
    TEBF(struct fiber *, TEB_FIBER_DATA) = to;
    __wlx_fiber_swap(&from->regs, &to->regs);
}

/* Deleting the running fiber ends the thread; another fiber's stack and
   fiber local storage (its callbacks run) go away. */
void WINAPI DeleteFiber(LPVOID ptr)
{
    struct fiber *f = ptr;
    if (!f) return;
    if (f == current_fiber()) ExitThread(1);
    RtlProcessFlsData(f->fls_data, 1 | 2);
    if (f->stack_alloc) VirtualFree(f->stack_alloc, 0, MEM_RELEASE);
    HeapFree(GetProcessHeap(), 0, f);
}
