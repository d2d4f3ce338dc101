/*
 * ntdll/relay_entry.S — the common part of every relay thunk (WLXDEBUG=+relay).
 * A thunk loads its struct relay_entry into rax and jumps here. We log the
 * call with the arguments as the caller left them (the four register ones
 * spilled into the caller's home space make all of them one array), call the
 * real function with the same registers and stack arguments, log the result.
 */
    .text
    .globl __wlx_relay_entry
    .def __wlx_relay_entry; .scl 2; .type 32; .endef
    .seh_proc __wlx_relay_entry
__wlx_relay_entry:
    pushq %rbp
    .seh_pushreg %rbp
    movq %rsp, %rbp
    .seh_setframe %rbp, 0
    subq $0x100, %rsp
    .seh_stackalloc 0x100
    .seh_endprologue
    movq %rcx, 0x10(%rbp)
    movq %rdx, 0x18(%rbp)
    movq %r8, 0x20(%rbp)
    movq %r9, 0x28(%rbp)
    movq %rax, -0x08(%rbp)
    movdqu %xmm0, -0x20(%rbp)
    movdqu %xmm1, -0x30(%rbp)
    movdqu %xmm2, -0x40(%rbp)
    movdqu %xmm3, -0x50(%rbp)
    movq %rax, %rcx
    leaq 0x10(%rbp), %rdx
    leaq -0x50(%rbp), %r8
    movq 8(%rbp), %r9
    call relay_log_call
    /* stack arguments 5..16 for the real call */
    .irp i, 0,1,2,3,4,5,6,7,8,9,10,11
    movq 0x30+8*\i(%rbp), %rax
    movq %rax, 0x20+8*\i(%rsp)
    .endr
    movq 0x10(%rbp), %rcx
    movq 0x18(%rbp), %rdx
    movq 0x20(%rbp), %r8
    movq 0x28(%rbp), %r9
    movdqu -0x20(%rbp), %xmm0
    movdqu -0x30(%rbp), %xmm1
    movdqu -0x40(%rbp), %xmm2
    movdqu -0x50(%rbp), %xmm3
    movq -0x08(%rbp), %rax
    call *(%rax)
    movq %rax, -0x60(%rbp)
    movdqu %xmm0, -0x70(%rbp)
    movq -0x08(%rbp), %rcx
    movq %rax, %rdx
    movq 8(%rbp), %r8
    call relay_log_ret
    movq -0x60(%rbp), %rax
    movdqu -0x70(%rbp), %xmm0
    movq %rbp, %rsp
    popq %rbp
    ret
    .seh_endproc
