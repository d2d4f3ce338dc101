/* tests/loader/inputs/callstub.c — calls a kernel32 export wlx only stubs
   (found at run time, so the program itself stays valid on Windows) */
#include <windows.h>
void __attribute__((force_align_arg_pointer)) start(void)
{
    FARPROC f = GetProcAddress(GetModuleHandleA("kernel32.dll"), "AddLocalAlternateComputerNameW");
    if (f) f();
    ExitProcess(0);
}
