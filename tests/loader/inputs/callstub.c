/* tests/loader/inputs/callstub.c — imports a kernel32 export wlx only stubs
   and calls it: the stub must name the function and stop the process. With
   an argument, probes for it with GetProcAddress instead, which must answer
   "not found" for a stub (exit 0), as on a Windows without the function. */
#include <windows.h>
DWORD WINAPI AddLocalAlternateComputerNameW(const WCHAR *, ULONG);
void __attribute__((force_align_arg_pointer)) start(void)
{
    const char *cmd = GetCommandLineA();
    while (*cmd && *cmd != ' ') cmd++;
    if (*cmd)
    {
        FARPROC f = GetProcAddress(GetModuleHandleA("kernel32.dll"), "AddLocalAlternateComputerNameW");
        ExitProcess(f ? 1 : GetLastError() == ERROR_PROC_NOT_FOUND ? 0 : 3);
    }
    AddLocalAlternateComputerNameW(L"x", 0);
    ExitProcess(0);
}
