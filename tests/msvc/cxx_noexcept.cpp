/*
 * tests/msvc/cxx_noexcept.cpp — __C_specific_handler_noexcept, the scope
 * table handler MSVC gives a noexcept function that holds __try blocks.
 * clang does not emit it: the Makefile renames __C_specific_handler in
 * this file's assembly. Used by tests/msvc/cxx_mt.cpp, in children.
 */
#include "msvctest.h"

extern "C" unsigned long __cdecl _exception_code(void);

/* a C++ exception from f leaves through here: the function is "noexcept",
   so the program terminates; an SEH exception 0xe0000100 is taken */
extern "C" __declspec(noinline) int seh_noexcept_call(void (*f)(int), int v)
{
    __try { f(v); }
    __except (_exception_code() == 0xe0000100 ? 1 : 0) { return 1; }
    return 0;
}
