/*
 * kernel32/guard.S — k32_call_guarded(func, a, b, c): func(a, b, c) under
 * an exception handler (k32_guard_handler, locale.c) that turns a fault
 * into a return of 0 from here, as the lstr* functions' __try/__except
 * does on Windows (documented for lstrcpy, lstrcpyn, lstrcat).
 */
    .text
    .globl k32_call_guarded
    .globl k32_call_guarded_return
    .def k32_call_guarded; .scl 2; .type 32; .endef
    .seh_proc k32_call_guarded
k32_call_guarded:
    subq $0x28, %rsp
    .seh_stackalloc 0x28
    .seh_endprologue
    .seh_handler k32_guard_handler, @except
    movq %rcx, %rax
    movq %rdx, %rcx
    movq %r8, %rdx
    movq %r9, %r8
    call *%rax
    nop
k32_call_guarded_return:            /* the unwind of a fault lands here, rax 0 */
    addq $0x28, %rsp
    ret
    .seh_endproc
