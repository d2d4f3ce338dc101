/*
 * ntdll/exception_entry.S — the assembly of exception handling on x64:
 * KiUserExceptionDispatcher (where the Unix side resumes a faulting thread),
 * RtlCaptureContext, the context restore, and the two wrappers through which
 * language handlers are called, whose own handlers let a nested exception
 * or a collided unwind find the outer dispatch.
 *
 * CONTEXT offsets (documented x64 layout): ContextFlags 0x30, MxCsr 0x34,
 * SegCs 0x38 … SegSs 0x42, EFlags 0x44, Rax 0x78 … R15 0xf0, Rip 0xf8,
 * FltSave 0x100 (XMM0 at 0x1a0), size 0x4d0.
 */
#include "wlx/door.h"

    .text

/* Entered from the Unix signal handler with rsp at a CONTEXT, a machine frame
   (rip, cs, eflags, rsp, ss) at rsp+0x4d0 and the EXCEPTION_RECORD at
   rsp+0x4f0, as on Windows. The unwind codes describe that layout, so a walk
   from inside the dispatch (a nested exception, a backtrace) goes on into the
   faulting frame with its non-volatile registers. */
    .globl KiUserExceptionDispatcher
    .def KiUserExceptionDispatcher; .scl 2; .type 32; .endef
    .seh_proc KiUserExceptionDispatcher
KiUserExceptionDispatcher:
    .seh_pushframe
    .seh_stackalloc 0x4d0
    .seh_savereg %rbx, 0x90
    .seh_savereg %rbp, 0xa0
    .seh_savereg %rsi, 0xa8
    .seh_savereg %rdi, 0xb0
    .seh_savereg %r12, 0xd8
    .seh_savereg %r13, 0xe0
    .seh_savereg %r14, 0xe8
    .seh_savereg %r15, 0xf0
    .seh_savexmm %xmm6, 0x200
    .seh_savexmm %xmm7, 0x210
    .seh_savexmm %xmm8, 0x220
    .seh_savexmm %xmm9, 0x230
    .seh_savexmm %xmm10, 0x240
    .seh_savexmm %xmm11, 0x250
    .seh_savexmm %xmm12, 0x260
    .seh_savexmm %xmm13, 0x270
    .seh_savexmm %xmm14, 0x280
    .seh_savexmm %xmm15, 0x290
    .seh_endprologue
    cld
    leaq 0x4f0(%rsp), %rcx          /* record */
    movq %rsp, %rdx                 /* context; its P1Home..P4Home are the home space */
    call wlx_dispatch_exception     /* never returns */
    ud2
    .seh_endproc

/* void RtlCaptureContext(CONTEXT *ctx): the caller's state as at our return */
    .globl RtlCaptureContext
    .def RtlCaptureContext; .scl 2; .type 32; .endef
    .seh_proc RtlCaptureContext
RtlCaptureContext:
    pushfq
    .seh_stackalloc 8
    .seh_endprologue
    movl $0x10000f, 0x30(%rcx)      /* CONTEXT_AMD64|CONTROL|INTEGER|SEGMENTS|FLOATING_POINT */
    movq %rax, 0x78(%rcx)
    movq %rcx, 0x80(%rcx)
    movq %rdx, 0x88(%rcx)
    movq %rbx, 0x90(%rcx)
    leaq 0x10(%rsp), %rax
    movq %rax, 0x98(%rcx)
    movq %rbp, 0xa0(%rcx)
    movq %rsi, 0xa8(%rcx)
    movq %rdi, 0xb0(%rcx)
    movq %r8, 0xb8(%rcx)
    movq %r9, 0xc0(%rcx)
    movq %r10, 0xc8(%rcx)
    movq %r11, 0xd0(%rcx)
    movq %r12, 0xd8(%rcx)
    movq %r13, 0xe0(%rcx)
    movq %r14, 0xe8(%rcx)
    movq %r15, 0xf0(%rcx)
    movq 8(%rsp), %rax
    movq %rax, 0xf8(%rcx)
    movw %cs, 0x38(%rcx)
    movw %ds, 0x3a(%rcx)
    movw %es, 0x3c(%rcx)
    movw %fs, 0x3e(%rcx)
    movw %gs, 0x40(%rcx)
    movw %ss, 0x42(%rcx)
    movl (%rsp), %eax
    movl %eax, 0x44(%rcx)
    fxsave 0x100(%rcx)
    stmxcsr 0x34(%rcx)
    movq 0x78(%rcx), %rax
    addq $8, %rsp
    ret
    .seh_endproc

/* every integer register but rsp from the CONTEXT at rcx, rcx last */
.macro load_integer_registers
    movq 0x78(%rcx), %rax
    movq 0x88(%rcx), %rdx
    movq 0x90(%rcx), %rbx
    movq 0xa0(%rcx), %rbp
    movq 0xa8(%rcx), %rsi
    movq 0xb0(%rcx), %rdi
    movq 0xb8(%rcx), %r8
    movq 0xc0(%rcx), %r9
    movq 0xc8(%rcx), %r10
    movq 0xd0(%rcx), %r11
    movq 0xd8(%rcx), %r12
    movq 0xe0(%rcx), %r13
    movq 0xe8(%rcx), %r14
    movq 0xf0(%rcx), %r15
    movq 0x80(%rcx), %rcx
.endm

/* void restore_context(const CONTEXT *ctx): load everything and go on there.
   void restore_context_avx(const CONTEXT *ctx, const struct avx_upper *avx):
   the same, then the AVX upper halves: avx->state 0 leaves them, 1 zeroes
   them, 2 loads them from avx->ymm_hi[16] (KiUserExceptionDispatcher's
   frame, ntdll/unix/signal.c).

   FXRSTOR costs ~170 ns and IRETQ ~120 ns on the machines measured (an
   access violation round trip is ~2.5 us), so the usual case avoids both:
   - x87 state with FSW 0 and no register in use (the usual case between
     calls) is only its control word; the xmm registers are 16 loads; any
     other x87 state takes FXRSTOR.
   - rip and rflags go just below the new rsp (scratch in the Windows ABI:
     no red zone) and POPFQ; RET finish, unless the CONTEXT itself lies
     there or TF is set (a single step must trap after the first instruction
     at rip, not after the RET): then IRETQ from the current stack.
   - RF (resume flag: the instruction at rip runs past an execution
     breakpoint there) is set by IRETQ alone, even in user mode; POPFQ
     leaves it clear. Most contexts of a fault have it (the CPU sets it in
     what it saves for any fault but an instruction breakpoint), and it
     matters only when the thread has an execution breakpoint
     (TEB_WLX_DEBUG_EXEC, ntdll/unix/debugreg.c): then IRETQ too. */
    .globl restore_context
    .def restore_context; .scl 2; .type 32; .endef
    .seh_proc restore_context
restore_context:
    .seh_endprologue
    xorl %edx, %edx
    .globl restore_context_avx
restore_context_avx:
    testl $0x8, 0x30(%rcx)          /* CONTEXT_FLOATING_POINT */
    jz 4f
    cmpw $0, 0x102(%rcx)            /* FltSave.StatusWord */
    jne 1f
    cmpb $0, 0x104(%rcx)            /* FltSave.TagWord (abridged): all empty */
    jne 1f
    fnstsw %ax
    testw %ax, %ax
    jz 0f
    fnclex
0:  fldcw 0x100(%rcx)
    .irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    movdqu 0x1a0+16*\i(%rcx), %xmm\i
    .endr
    jmp 2f
1:  fxrstor 0x100(%rcx)
2:  ldmxcsr 0x34(%rcx)
    testq %rdx, %rdx
    jz 4f
    cmpq $1, (%rdx)
    jb 4f
    je 3f
    .irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    vinsertf128 $1, 0x10+16*\i(%rdx), %ymm\i, %ymm\i
    .endr
    jmp 4f
3:  vzeroupper
4:  testl $0x100, 0x44(%rcx)        /* TF */
    jnz 6f
    testl $0x10000, 0x44(%rcx)      /* RF */
    jz 7f
    cmpl $0, %gs:TEB_WLX_DEBUG_EXEC
    jnz 6f
7:  movq 0x98(%rcx), %r8
    subq $16, %r8                   /* where rip and rflags go */
    leaq 0x2a0(%rcx), %rax          /* the end of what is read from the CONTEXT */
    cmpq %r8, %rax
    jbe 5f
    leaq 16(%r8), %rax
    cmpq %rax, %rcx
    jb 6f
5:  movq 0xf8(%rcx), %rax
    movq %rax, 8(%r8)
    movl 0x44(%rcx), %eax
    movq %rax, (%r8)
    movq %r8, %rsp
    load_integer_registers
    popfq
    ret
6:  movl %ss, %eax
    pushq %rax
    pushq 0x98(%rcx)
    movl 0x44(%rcx), %eax
    pushq %rax
    movl %cs, %eax
    pushq %rax
    pushq 0xf8(%rcx)
    load_integer_registers
    iretq
    .seh_endproc

/* EXCEPTION_DISPOSITION call_handler_for_exception(rec, frame, ctx, dispatch, handler)
   The DISPATCHER_CONTEXT pointer is kept at 0x30 from our establisher frame,
   where wlx_nested_handler finds it. The nop after the call keeps the return
   address out of the epilogue. */
    .globl call_handler_for_exception
    .def call_handler_for_exception; .scl 2; .type 32; .endef
    .seh_proc call_handler_for_exception
call_handler_for_exception:
    subq $0x38, %rsp
    .seh_stackalloc 0x38
    .seh_endprologue
    .seh_handler wlx_nested_handler, @except
    movq %r9, 0x30(%rsp)
    movq 0x60(%rsp), %rax
    call *%rax
    nop
    addq $0x38, %rsp
    ret
    .seh_endproc

/* the same for termination handlers; wlx_collided_handler answers an
   unwind that reaches this frame */
    .globl call_handler_for_unwind
    .def call_handler_for_unwind; .scl 2; .type 32; .endef
    .seh_proc call_handler_for_unwind
call_handler_for_unwind:
    subq $0x38, %rsp
    .seh_stackalloc 0x38
    .seh_endprologue
    .seh_handler wlx_collided_handler, @unwind
    movq %r9, 0x30(%rsp)
    movq 0x60(%rsp), %rax
    call *%rax
    nop
    addq $0x38, %rsp
    ret
    .seh_endproc

/* void consolidate_call(struct frame *frame, void *callback)
   RtlRestoreContext's STATUS_UNWIND_CONSOLIDATE: frame holds a copy of the
   target CONTEXT, a machine frame and the EXCEPTION_RECORD (the layout
   KiUserExceptionDispatcher gets), placed just below the target's rsp. We
   move there and call the callback (a C++ catch block) from a frame whose
   unwind data leads straight back into the target frame, then go on at the
   address it returns. */
    .globl consolidate_call
    .def consolidate_call; .scl 2; .type 32; .endef
consolidate_call:
    movq %rcx, %rsp
    movq %rdx, %rax
    jmp consolidate_body

    .def consolidate_frame; .scl 3; .type 32; .endef
    .seh_proc consolidate_frame
consolidate_frame:
    .seh_pushframe
    .seh_stackalloc 0x4d0
    .seh_savereg %rbx, 0x90
    .seh_savereg %rbp, 0xa0
    .seh_savereg %rsi, 0xa8
    .seh_savereg %rdi, 0xb0
    .seh_savereg %r12, 0xd8
    .seh_savereg %r13, 0xe0
    .seh_savereg %r14, 0xe8
    .seh_savereg %r15, 0xf0
    .seh_savexmm %xmm6, 0x200
    .seh_savexmm %xmm7, 0x210
    .seh_savexmm %xmm8, 0x220
    .seh_savexmm %xmm9, 0x230
    .seh_savexmm %xmm10, 0x240
    .seh_savexmm %xmm11, 0x250
    .seh_savexmm %xmm12, 0x260
    .seh_savexmm %xmm13, 0x270
    .seh_savexmm %xmm14, 0x280
    .seh_savexmm %xmm15, 0x290
    .seh_endprologue
consolidate_body:
    leaq 0x4f0(%rsp), %rcx          /* the record's copy */
    call *%rax
    movq %rax, 0xf8(%rsp)           /* where to go on */
    movq %rsp, %rcx
    call restore_context
    ud2
    .seh_endproc
