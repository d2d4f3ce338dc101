/*
 * altdep.dll — helper of tests/kernel32/altsearch.c: built into a folder of
 * its own (sub\) beside altdll.dll, which imports it.
 */
#include <windows.h>

__declspec(dllexport) int altdep_value(void)
{
    return 42;
}
