/*
 * dlls/msvcrt/cxx_call.S — the two calls of C++ exception handling whose
 * frames need a handler of their own (cxx_frame.c):
 *
 *   cxx_call_catch    runs a catch funclet. Its unwind handler,
 *                     cxx_catch_unwind_handler, finds the catch block's node
 *                     at 0x30 from our establisher frame when an exception
 *                     leaves the catch block, and ends the old exception.
 *   cxx_call_guarded  runs a destructor, copy constructor or cleanup
 *                     funclet; an exception leaving it reaches
 *                     cxx_guard_handler, which calls terminate().
 *   cxx_read_pointer  reads a pointer that may not be readable (RTTI);
 *                     cxx_read_fault_handler makes a fault return FALSE.
 *
 * The nop after each call keeps the return address out of the epilogue.
 */

    .text

/* void *cxx_call_catch(void *funclet, ULONG64 root_frame, struct cxx_catch_node *node)
   The funclet takes the frame of the function it belongs to in rdx and
   returns where that function goes on. */
    .globl cxx_call_catch
    .def cxx_call_catch; .scl 2; .type 32; .endef
    .seh_proc cxx_call_catch
cxx_call_catch:
    subq $0x38, %rsp
    .seh_stackalloc 0x38
    .seh_endprologue
    .seh_handler cxx_catch_unwind_handler, @unwind
    movq %r8, 0x30(%rsp)
    movq %rcx, %rax
    movq %rdx, %rcx
    call *%rax
    nop
    addq $0x38, %rsp
    ret
    .seh_endproc

/* ULONG64 cxx_call_guarded(void *func, ULONG64 arg1, ULONG64 arg2, ULONG64 arg3):
   func(arg1, arg2, arg3) */
    .globl cxx_call_guarded
    .def cxx_call_guarded; .scl 2; .type 32; .endef
    .seh_proc cxx_call_guarded
cxx_call_guarded:
    subq $0x28, %rsp
    .seh_stackalloc 0x28
    .seh_endprologue
    .seh_handler cxx_guard_handler, @except
    movq %rcx, %rax
    movq %rdx, %rcx
    movq %r8, %rdx
    movq %r9, %r8
    call *%rax
    nop
    addq $0x28, %rsp
    ret
    .seh_endproc

/* BOOL cxx_read_pointer(const void *const *ptr, const void **value):
   *value = *ptr, or FALSE when reading faults (an object that is no
   object: typeid and dynamic_cast then throw __non_rtti_object).
   cxx_read_fault_handler resumes a fault at cxx_read_pointer_fault. */
    .globl cxx_read_pointer
    .def cxx_read_pointer; .scl 2; .type 32; .endef
    .seh_proc cxx_read_pointer
cxx_read_pointer:
    .seh_endprologue
    .seh_handler cxx_read_fault_handler, @except
    movq (%rcx), %rax
    movq %rax, (%rdx)
    movl $1, %eax
    ret
    .globl cxx_read_pointer_fault
cxx_read_pointer_fault:
    xorl %eax, %eax
    ret
    .seh_endproc
