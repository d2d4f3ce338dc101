/*
 * delaydll.dll — helper for tests/kernel32/module.c: module.exe imports it
 * through a delay-load library, so it must not be loaded before its first call.
 */
#include <windows.h>

__declspec(dllexport) int delay_answer(void)
{
    return 42;
}
