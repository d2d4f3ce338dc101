/*
 * altdll.dll — helper of tests/kernel32/altsearch.c: imports altdep.dll,
 * which is only in its own folder (sub\), not beside the test program.
 */
#include <windows.h>

__declspec(dllimport) int altdep_value(void);

__declspec(dllexport) int alt_value(void)
{
    return altdep_value() + 1;
}
