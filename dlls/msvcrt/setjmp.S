/*
 * setjmp/longjmp for x64, on the _JUMP_BUFFER layout of setjmp.h:
 *   0x00 Frame  0x08 Rbx  0x10 Rsp  0x18 Rbp  0x20 Rsi  0x28 Rdi
 *   0x30 R12    0x38 R13  0x40 R14  0x48 R15  0x50 Rip
 *   0x58 MxCsr (4)  0x5c FpCsr (2)  0x5e Spare (2)  0x60.. Xmm6-Xmm15
 * mingw calls _setjmp(buf, frame) (frame = __builtin_frame_address(0));
 * ucrtbase programs call __intrinsic_setjmp(ex)(buf, frame).
 *
 * longjmp on Windows x64 unwinds (RtlUnwind to Frame with STATUS_LONGJUMP,
 * running __finally blocks and C++ destructors on the way; jump.c), then
 * restores the registers. Its frame has unwind data, so that the unwind
 * walks through it.
 */
    .text

    .globl _setjmp
    .globl _setjmpex
    .globl __intrinsic_setjmp
    .globl __intrinsic_setjmpex
    .globl setjmp
    .def _setjmp; .scl 2; .type 32; .endef
    .def _setjmpex; .scl 2; .type 32; .endef
    .def __intrinsic_setjmp; .scl 2; .type 32; .endef
    .def __intrinsic_setjmpex; .scl 2; .type 32; .endef
    .def setjmp; .scl 2; .type 32; .endef
_setjmp:
_setjmpex:
__intrinsic_setjmp:
__intrinsic_setjmpex:
setjmp:
    movq %rdx, 0x00(%rcx)
    movq %rbx, 0x08(%rcx)
    leaq 8(%rsp), %rax              /* the caller's rsp after we return */
    movq %rax, 0x10(%rcx)
    movq %rbp, 0x18(%rcx)
    movq %rsi, 0x20(%rcx)
    movq %rdi, 0x28(%rcx)
    movq %r12, 0x30(%rcx)
    movq %r13, 0x38(%rcx)
    movq %r14, 0x40(%rcx)
    movq %r15, 0x48(%rcx)
    movq (%rsp), %rax
    movq %rax, 0x50(%rcx)
    stmxcsr 0x58(%rcx)
    fnstcw 0x5c(%rcx)
    movw $0, 0x5e(%rcx)
    movdqu %xmm6, 0x60(%rcx)
    movdqu %xmm7, 0x70(%rcx)
    movdqu %xmm8, 0x80(%rcx)
    movdqu %xmm9, 0x90(%rcx)
    movdqu %xmm10, 0xa0(%rcx)
    movdqu %xmm11, 0xb0(%rcx)
    movdqu %xmm12, 0xc0(%rcx)
    movdqu %xmm13, 0xd0(%rcx)
    movdqu %xmm14, 0xe0(%rcx)
    movdqu %xmm15, 0xf0(%rcx)
    xorl %eax, %eax
    ret

    .globl longjmp
    .def longjmp; .scl 2; .type 32; .endef
    .seh_proc longjmp
longjmp:
    pushq %rcx
    .seh_pushreg %rcx
    pushq %rdx
    .seh_pushreg %rdx
    subq $0x28, %rsp
    .seh_stackalloc 0x28
    .seh_endprologue
    movl %edx, %eax
    testl %eax, %eax
    jnz 1f
    movl $1, %eax                   /* longjmp(buf, 0) returns 1 */
1:
    movl %eax, %edx
    movl %eax, 0x28(%rsp)           /* the value, over the saved rdx */
    call msvcrt_longjmp_unwind      /* comes back when it cannot unwind */
    movq 0x30(%rsp), %rcx
    movl 0x28(%rsp), %eax
    movq 0x08(%rcx), %rbx
    movq 0x18(%rcx), %rbp
    movq 0x20(%rcx), %rsi
    movq 0x28(%rcx), %rdi
    movq 0x30(%rcx), %r12
    movq 0x38(%rcx), %r13
    movq 0x40(%rcx), %r14
    movq 0x48(%rcx), %r15
    ldmxcsr 0x58(%rcx)
    fnclex
    fldcw 0x5c(%rcx)
    movdqu 0x60(%rcx), %xmm6
    movdqu 0x70(%rcx), %xmm7
    movdqu 0x80(%rcx), %xmm8
    movdqu 0x90(%rcx), %xmm9
    movdqu 0xa0(%rcx), %xmm10
    movdqu 0xb0(%rcx), %xmm11
    movdqu 0xc0(%rcx), %xmm12
    movdqu 0xd0(%rcx), %xmm13
    movdqu 0xe0(%rcx), %xmm14
    movdqu 0xf0(%rcx), %xmm15
    movq 0x10(%rcx), %rsp
    jmp *0x50(%rcx)
    .seh_endproc
