/* tests/loader/inputs/needsexport.c — imports a kernel32 function that
   does not exist on Windows either */
#include <windows.h>
__declspec(dllimport) int WINAPI CreateFooW(void);
void __attribute__((force_align_arg_pointer)) start(void) { ExitProcess(CreateFooW()); }
