/*
 * kernel32/fiber_switch.S — the register half of SwitchToFiber.
 *
 * __wlx_fiber_swap(struct fiber_regs *save, const struct fiber_regs *load)
 * saves the callee-saved state of the Windows x64 ABI (rbx rbp rdi rsi
 * r12-r15, xmm6-xmm15, MXCSR and the x87 control word) and the stack
 * pointer into save, loads them from load and returns into the loaded
 * fiber: where it last called __wlx_fiber_swap, or, for a new fiber, into
 * __wlx_fiber_start, whose address CreateFiber put on its stack.
 * The layout matches struct fiber_regs in fiber.c.
 */
    .text
    .globl __wlx_fiber_swap
    .def __wlx_fiber_swap; .scl 2; .type 32; .endef
__wlx_fiber_swap:
    movq %rbx, 0x00(%rcx)
    movq %rbp, 0x08(%rcx)
    movq %rdi, 0x10(%rcx)
    movq %rsi, 0x18(%rcx)
    movq %r12, 0x20(%rcx)
    movq %r13, 0x28(%rcx)
    movq %r14, 0x30(%rcx)
    movq %r15, 0x38(%rcx)
    movq %rsp, 0x40(%rcx)
    stmxcsr 0x48(%rcx)
    fnstcw 0x4c(%rcx)
    movdqu %xmm6,  0x50(%rcx)
    movdqu %xmm7,  0x60(%rcx)
    movdqu %xmm8,  0x70(%rcx)
    movdqu %xmm9,  0x80(%rcx)
    movdqu %xmm10, 0x90(%rcx)
    movdqu %xmm11, 0xa0(%rcx)
    movdqu %xmm12, 0xb0(%rcx)
    movdqu %xmm13, 0xc0(%rcx)
    movdqu %xmm14, 0xd0(%rcx)
    movdqu %xmm15, 0xe0(%rcx)

    movq 0x00(%rdx), %rbx
    movq 0x08(%rdx), %rbp
    movq 0x10(%rdx), %rdi
    movq 0x18(%rdx), %rsi
    movq 0x20(%rdx), %r12
    movq 0x28(%rdx), %r13
    movq 0x30(%rdx), %r14
    movq 0x38(%rdx), %r15
    movq 0x40(%rdx), %rsp
    ldmxcsr 0x48(%rdx)
    fldcw 0x4c(%rdx)
    movdqu 0x50(%rdx), %xmm6
    movdqu 0x60(%rdx), %xmm7
    movdqu 0x70(%rdx), %xmm8
    movdqu 0x80(%rdx), %xmm9
    movdqu 0x90(%rdx), %xmm10
    movdqu 0xa0(%rdx), %xmm11
    movdqu 0xb0(%rdx), %xmm12
    movdqu 0xc0(%rdx), %xmm13
    movdqu 0xd0(%rdx), %xmm14
    movdqu 0xe0(%rdx), %xmm15
    ret
