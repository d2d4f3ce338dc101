/* tests/loader/inputs/lib.c — a DLL, given to wlx as if it were a program */
#include <windows.h>
BOOL WINAPI DllMain(HINSTANCE h, DWORD r, void *p) { (void)h; (void)r; (void)p; return TRUE; }
__declspec(dllexport) int lib_function(void) { return 1; }
