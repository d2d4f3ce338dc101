/* tests/loader/inputs/needsdll.c — imports a DLL that does not exist */
#include <windows.h>
__declspec(dllimport) int wlx_test_missing_function(void);
void __attribute__((force_align_arg_pointer)) start(void) { ExitProcess(wlx_test_missing_function()); }
