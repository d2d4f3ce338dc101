/*
 * tests/ntdll/unwindcodes.c — RtlVirtualUnwind on hand-made functions and
 * stacks, the way a JIT describes its code: every x64 unwind code
 * (UWOP_PUSH_NONVOL, ALLOC_SMALL, ALLOC_LARGE of both sizes, SET_FPREG,
 * SAVE_NONVOL and SAVE_XMM128 near and far, PUSH_MACHFRAME with and
 * without an error code), a frame register with an offset (the establisher
 * frame comes from it), a pc inside the prolog (only the codes of what ran
 * are undone), a pc inside the epilog (the epilog's instructions are
 * simulated, the prolog's codes ignored), and chained unwind info. The
 * functions are found through RtlAddFunctionTable. Then the real stack:
 * RtlCaptureStackBackTrace through a recursion 300 deep.
 */
#include "test.h"

static BYTE *code;     /* functions and their unwind info */
static BYTE *stack;    /* a made-up stack */

static const BYTE func_a[] = {
    0x55,                                     /* 00 push rbp */
    0x53,                                     /* 01 push rbx */
    0x48, 0x81, 0xec, 0x00, 0x01, 0x00, 0x00, /* 02 sub rsp, 0x100 */
    0x48, 0x8d, 0x6c, 0x24, 0x20,             /* 09 lea rbp, [rsp+0x20] */
    0x4c, 0x89, 0x7c, 0x24, 0x30,             /* 0e mov [rsp+0x30], r15 */
    0x0f, 0x29, 0x74, 0x24, 0x40,             /* 13 movaps [rsp+0x40], xmm6 */
};                                            /* 18 body (nops) */
static const BYTE epilog_a[] = {
    0x48, 0x8d, 0xa5, 0xe0, 0x00, 0x00, 0x00, /* 40 lea rsp, [rbp+0xe0] */
    0x5b,                                     /* 47 pop rbx */
    0x5d,                                     /* 48 pop rbp */
    0xc3,                                     /* 49 ret */
};
/* version 1, prolog 0x18, 9 slots, frame register rbp at offset 0x20 */
static const BYTE unwind_a[] = {
    0x01, 0x18, 0x09, 0x25,
    0x18, 0x68, 0x04, 0x00,   /* 18: SAVE_XMM128 xmm6 at 4 * 16 */
    0x13, 0xf4, 0x06, 0x00,   /* 13: SAVE_NONVOL r15 at 6 * 8 */
    0x0e, 0x03,               /* 0e: SET_FPREG */
    0x09, 0x01, 0x20, 0x00,   /* 09: ALLOC_LARGE 0x20 * 8 */
    0x02, 0x30,               /* 02: PUSH_NONVOL rbx */
    0x01, 0x50,               /* 01: PUSH_NONVOL rbp */
};

/* B: push rbx; sub rsp, 0x20, and a second part of it chained to that */
static const BYTE func_b[] = { 0x53, 0x48, 0x83, 0xec, 0x20 };
static const BYTE unwind_b[] = { 0x01, 0x05, 0x02, 0x00, 0x05, 0x32, 0x01, 0x30 };
static const BYTE unwind_b2[] = { 0x21, 0x00, 0x00, 0x00,
                                  0x00, 0x01, 0x00, 0x00, 0x20, 0x01, 0x00, 0x00, 0x40, 0x08, 0x00, 0x00 };

/* C: the far forms: ALLOC_LARGE 0x12340, r12 at 0x10000, xmm15 at 0x10010 */
static const BYTE unwind_c[] = {
    0x01, 0x18, 0x09, 0x00,
    0x18, 0xf9, 0x10, 0x00, 0x01, 0x00,   /* SAVE_XMM128_FAR xmm15, 0x10010 */
    0x0f, 0xc5, 0x00, 0x00, 0x01, 0x00,   /* SAVE_NONVOL_FAR r12, 0x10000 */
    0x07, 0x11, 0x40, 0x23, 0x01, 0x00,   /* ALLOC_LARGE 0x12340 */
};

/* D: a machine frame, D2 with an error code below it */
static const BYTE unwind_d[] = { 0x01, 0x00, 0x01, 0x00, 0x00, 0x0a };
static const BYTE unwind_d2[] = { 0x01, 0x00, 0x01, 0x00, 0x00, 0x1a };

static RUNTIME_FUNCTION table[] = {
    { 0x000, 0x04a, 0x800 },   /* A */
    { 0x100, 0x120, 0x840 },   /* B */
    { 0x200, 0x220, 0x860 },   /* B, second part */
    { 0x300, 0x340, 0x880 },   /* C */
    { 0x400, 0x420, 0x8a0 },   /* D */
    { 0x500, 0x520, 0x8c0 },   /* D2 */
};

#define RA      0x1122334455667788ULL
#define V_RBP   0x0bbb0bbb0bbb0bbbULL
#define V_RBX   0x0bbb1bbb2bbb3bbbULL
#define V_R15   0x0f0f0f0f0f0f0f0fULL
#define V_R12   0x0c0c0c0c0c0c0c0cULL
#define JUNK    0xdeadbeefdeadbeefULL

static ULONG64 frame;

static void unwind_at(ULONG64 pc, CONTEXT *ctx)
{
    ULONG64 base = 0;
    void *data = NULL;
    RUNTIME_FUNCTION *f = RtlLookupFunctionEntry(pc, &base, NULL);
    ok(f != NULL && base == (ULONG64)code, "no function entry for %Ix\n", pc);
    if (!f) return;
    frame = 0;
    ctx->Rip = pc;
    RtlVirtualUnwind(UNW_FLAG_NHANDLER, base, pc, f, ctx, &data, &frame, NULL);
}

static void set_junk(CONTEXT *ctx)
{
    memset(ctx, 0, sizeof(*ctx));
    ctx->ContextFlags = CONTEXT_FULL;
    ctx->Rbx = ctx->Rbp = ctx->R12 = ctx->R15 = JUNK;
    memset(&ctx->Xmm6, 0xee, sizeof(M128A));
    memset(&ctx->Xmm15, 0xee, sizeof(M128A));
}

static void test_function_a(void)
{
    ULONG64 e = (ULONG64)stack + 0x1000, s = e - 16 - 0x100, fn = (ULONG64)code;
    CONTEXT ctx;
    M128A xmm;
    memset(&xmm, 0x66, sizeof(xmm));
    *(ULONG64 *)e = RA;
    *(ULONG64 *)(e - 8) = V_RBP;
    *(ULONG64 *)(e - 16) = V_RBX;
    *(ULONG64 *)(s + 0x30) = V_R15;
    memcpy((void *)(s + 0x40), &xmm, sizeof(xmm));

    /* the body: rsp anywhere below, rbp set up by the prolog */
    set_junk(&ctx);
    ctx.Rsp = s - 0x40;
    ctx.Rbp = s + 0x20;
    unwind_at(fn + 0x20, &ctx);
    ok(ctx.Rip == RA && ctx.Rsp == e + 8, "body: Rip %Ix Rsp %Ix, expected %Ix %Ix\n", ctx.Rip, ctx.Rsp, RA, e + 8);
    ok(ctx.Rbp == V_RBP && ctx.Rbx == V_RBX, "body: Rbp %Ix Rbx %Ix\n", ctx.Rbp, ctx.Rbx);
    ok(ctx.R15 == V_R15, "body: R15 %Ix\n", ctx.R15);
    ok(!memcmp(&ctx.Xmm6, &xmm, sizeof(xmm)), "body: Xmm6 not restored\n");
    ok(frame == s, "body: establisher frame %Ix, expected %Ix (rbp - 0x20)\n", frame, s);

    /* in the prolog, after the sub: the pushes and the allocation only */
    set_junk(&ctx);
    ctx.Rsp = s;
    unwind_at(fn + 0x09, &ctx);
    ok(ctx.Rip == RA && ctx.Rsp == e + 8, "prolog 09: Rip %Ix Rsp %Ix\n", ctx.Rip, ctx.Rsp);
    ok(ctx.Rbp == V_RBP && ctx.Rbx == V_RBX, "prolog 09: Rbp %Ix Rbx %Ix\n", ctx.Rbp, ctx.Rbx);
    ok(ctx.R15 == JUNK, "prolog 09: R15 %Ix was not saved yet\n", ctx.R15);
    ok(frame == s, "prolog 09: establisher frame %Ix, expected %Ix\n", frame, s);

    /* after the first push; at the entry */
    set_junk(&ctx);
    ctx.Rsp = e - 8;
    unwind_at(fn + 0x01, &ctx);
    ok(ctx.Rip == RA && ctx.Rsp == e + 8 && ctx.Rbp == V_RBP && ctx.Rbx == JUNK,
       "prolog 01: Rip %Ix Rsp %Ix Rbp %Ix Rbx %Ix\n", ctx.Rip, ctx.Rsp, ctx.Rbp, ctx.Rbx);
    set_junk(&ctx);
    ctx.Rsp = e;
    unwind_at(fn, &ctx);
    ok(ctx.Rip == RA && ctx.Rsp == e + 8 && ctx.Rbp == JUNK, "entry: Rip %Ix Rsp %Ix Rbp %Ix\n", ctx.Rip, ctx.Rsp,
       ctx.Rbp);

    /* in the epilog: its instructions are simulated, from lea rsp on */
    set_junk(&ctx);
    ctx.Rsp = s - 0x40;
    ctx.Rbp = s + 0x20;
    unwind_at(fn + 0x40, &ctx);
    ok(ctx.Rip == RA && ctx.Rsp == e + 8, "epilog 40: Rip %Ix Rsp %Ix\n", ctx.Rip, ctx.Rsp);
    ok(ctx.Rbp == V_RBP && ctx.Rbx == V_RBX, "epilog 40: Rbp %Ix Rbx %Ix\n", ctx.Rbp, ctx.Rbx);
    ok(ctx.R15 == JUNK, "epilog 40: R15 %Ix: the epilog does not restore it\n", ctx.R15);
    set_junk(&ctx);
    ctx.Rsp = e - 8;
    ctx.Rbx = V_RBX + 1;
    unwind_at(fn + 0x48, &ctx);
    ok(ctx.Rip == RA && ctx.Rsp == e + 8 && ctx.Rbp == V_RBP && ctx.Rbx == V_RBX + 1,
       "epilog 48: Rip %Ix Rsp %Ix Rbp %Ix Rbx %Ix\n", ctx.Rip, ctx.Rsp, ctx.Rbp, ctx.Rbx);
    set_junk(&ctx);
    ctx.Rsp = e;
    unwind_at(fn + 0x49, &ctx);
    ok(ctx.Rip == RA && ctx.Rsp == e + 8 && ctx.Rbp == JUNK, "epilog 49: Rip %Ix Rsp %Ix Rbp %Ix\n", ctx.Rip,
       ctx.Rsp, ctx.Rbp);
}

static void test_chained(void)
{
    ULONG64 s = (ULONG64)stack + 0x2000;
    CONTEXT ctx;
    *(ULONG64 *)(s + 0x20) = V_RBX;
    *(ULONG64 *)(s + 0x28) = RA;
    set_junk(&ctx);
    ctx.Rsp = s;
    unwind_at((ULONG64)code + 0x210, &ctx);
    ok(ctx.Rip == RA && ctx.Rsp == s + 0x30 && ctx.Rbx == V_RBX, "chained: Rip %Ix Rsp %Ix Rbx %Ix\n", ctx.Rip,
       ctx.Rsp, ctx.Rbx);
    ok(frame == s, "chained: establisher frame %Ix, expected %Ix\n", frame, s);
    /* the primary part itself */
    set_junk(&ctx);
    ctx.Rsp = s;
    unwind_at((ULONG64)code + 0x110, &ctx);
    ok(ctx.Rip == RA && ctx.Rsp == s + 0x30 && ctx.Rbx == V_RBX, "primary: Rip %Ix Rsp %Ix Rbx %Ix\n", ctx.Rip,
       ctx.Rsp, ctx.Rbx);
}

static void test_far(void)
{
    ULONG64 s = (ULONG64)stack + 0x3000;
    CONTEXT ctx;
    M128A xmm;
    memset(&xmm, 0x5f, sizeof(xmm));
    *(ULONG64 *)(s + 0x10000) = V_R12;
    memcpy((void *)(s + 0x10010), &xmm, sizeof(xmm));
    *(ULONG64 *)(s + 0x12340) = RA;
    set_junk(&ctx);
    ctx.Rsp = s;
    unwind_at((ULONG64)code + 0x320, &ctx);
    ok(ctx.Rip == RA && ctx.Rsp == s + 0x12348, "far: Rip %Ix Rsp %Ix, expected %Ix\n", ctx.Rip, ctx.Rsp, s + 0x12348);
    ok(ctx.R12 == V_R12, "far: R12 %Ix\n", ctx.R12);
    ok(!memcmp(&ctx.Xmm15, &xmm, sizeof(xmm)), "far: Xmm15 not restored\n");
}

static void test_machine_frame(void)
{
    ULONG64 s = (ULONG64)stack + 0x16000, *m = (ULONG64 *)s;
    CONTEXT ctx;
    m[0] = RA; m[1] = 0x33; m[2] = 0x246; m[3] = 0x7770000; m[4] = 0x2b;
    set_junk(&ctx);
    ctx.Rsp = s;
    unwind_at((ULONG64)code + 0x410, &ctx);
    ok(ctx.Rip == RA && ctx.Rsp == 0x7770000, "machine frame: Rip %Ix Rsp %Ix\n", ctx.Rip, ctx.Rsp);
    m[0] = 0xe; m[1] = RA; m[2] = 0x33; m[3] = 0x246; m[4] = 0x7780000; m[5] = 0x2b;
    set_junk(&ctx);
    ctx.Rsp = s;
    unwind_at((ULONG64)code + 0x510, &ctx);
    ok(ctx.Rip == RA && ctx.Rsp == 0x7780000, "machine frame with error code: Rip %Ix Rsp %Ix\n", ctx.Rip, ctx.Rsp);
}

static void *trace[1000], *trace_skipped[8];
static USHORT traced, traced_skipped;
static volatile int sink;

static int __attribute__((noinline)) recurse(int n)
{
    if (!n)
    {
        traced = RtlCaptureStackBackTrace(0, 1000, trace, NULL);
        traced_skipped = RtlCaptureStackBackTrace(3, 8, trace_skipped, NULL);
        return 0;
    }
    int r = recurse(n - 1);
    sink = r;   /* no tail call */
    return r + 1;
}

static void test_back_trace(void)
{
    recurse(300);
    /* 301 frames of recurse, then this function, main and the start */
    ok(traced > 302 && traced < 330, "%u frames\n", traced);
    ok(traced_skipped == 8, "%u frames with 3 skipped\n", traced_skipped);
    ok(traced_skipped && trace_skipped[0] == trace[3], "the skipped trace starts at %p, expected %p\n",
       trace_skipped[0], trace[3]);
    ok(trace[0] != trace[1] && trace[1] == trace[2], "frames 0-2: %p %p %p\n", trace[0], trace[1], trace[2]);
}

int main(void)
{
    test_start("unwindcodes");
    code = VirtualAlloc(NULL, 0x1000, MEM_COMMIT | MEM_RESERVE, PAGE_EXECUTE_READWRITE);
    stack = VirtualAlloc(NULL, 0x20000, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    if (!ok(code && stack, "VirtualAlloc failed\n")) return test_summary();
    memset(code, 0x90, 0x800);   /* nops: no pc in a body looks like an epilog */
    memcpy(code, func_a, sizeof(func_a));
    memcpy(code + 0x40, epilog_a, sizeof(epilog_a));
    memcpy(code + 0x100, func_b, sizeof(func_b));
    memcpy(code + 0x800, unwind_a, sizeof(unwind_a));
    memcpy(code + 0x840, unwind_b, sizeof(unwind_b));
    memcpy(code + 0x860, unwind_b2, sizeof(unwind_b2));
    memcpy(code + 0x880, unwind_c, sizeof(unwind_c));
    memcpy(code + 0x8a0, unwind_d, sizeof(unwind_d));
    memcpy(code + 0x8c0, unwind_d2, sizeof(unwind_d2));
    for (int i = 0x11f; i < 0x200; i++) code[i] = 0xcc;
    code[0x11f] = 0xc3;   /* B's end is a ret: not reached by its pcs */
    ok(RtlAddFunctionTable(table, ARRAYSIZE(table), (ULONG64)code), "RtlAddFunctionTable failed\n");
    test_function_a();
    test_chained();
    test_far();
    test_machine_frame();
    RtlDeleteFunctionTable(table);
    test_back_trace();
    return test_summary();
}
