/* tests/kernel32/critsec.c — the critical-section initializers that
   return BOOL say TRUE on success (the MSVC runtime's start-up checks it),
   and the sections they make work. */
#include <windows.h>
#include <stdio.h>
#include "test.h"

int main(void)
{
    CRITICAL_SECTION a, b;

    test_start("critsec");
    ok(InitializeCriticalSectionEx(&a, 4000, 0) == TRUE, "InitializeCriticalSectionEx failed %lu\n", GetLastError());
    ok(InitializeCriticalSectionAndSpinCount(&b, 4000) == TRUE, "InitializeCriticalSectionAndSpinCount failed %lu\n",
       GetLastError());
    EnterCriticalSection(&a);
    ok(TryEnterCriticalSection(&b), "TryEnterCriticalSection failed\n");
    ok(a.RecursionCount == 1 && b.RecursionCount == 1, "recursion %ld %ld\n", a.RecursionCount, b.RecursionCount);
    LeaveCriticalSection(&b);
    LeaveCriticalSection(&a);
    DeleteCriticalSection(&a);
    DeleteCriticalSection(&b);
    return test_summary();
}
