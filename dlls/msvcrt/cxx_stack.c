/*
 * dlls/msvcrt/cxx_stack.c — _resetstkoflw: after a stack overflow was
 * handled, put the stack's guard back so that the next overflow raises
 * EXCEPTION_STACK_OVERFLOW again. (Beside the C++ exception code: what a
 * C++ program that catches overflows through a translator calls.)
 *
 * wlx's thread stacks (ntdll/unix/signal.c) end in one no-access page with
 * WLX_STACK_GUARD_SIZE of guard pages above it; an overflow turns those into
 * ordinary stack. The tests are tests/kernel32/stackoverflow.c.
 */
#include "private.h"
#include "wlx/door.h"

#define STACK_PAGE 0x1000

/* nonzero when the guard is back; zero when the caller still runs on the
   guard pages (from the handler itself), as Windows */
int __cdecl _resetstkoflw(void)
{
    BYTE *teb = (BYTE *)NtCurrentTeb();
    BYTE *zone = *(BYTE **)(teb + TEB_DEALLOCATION_STACK) + STACK_PAGE;
    DWORD old;

    if ((BYTE *)&old < zone + WLX_STACK_GUARD_SIZE + STACK_PAGE) return 0;
    if (!VirtualProtect(zone, WLX_STACK_GUARD_SIZE, PAGE_READWRITE | PAGE_GUARD, &old)) return 0;
    *(BYTE **)(teb + TEB_STACK_LIMIT) = zone + WLX_STACK_GUARD_SIZE;
    return 1;
}
