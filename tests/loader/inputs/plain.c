/* tests/loader/inputs/plain.c — a kernel32-only program (no CRT) that
   prints one line; badinput.sh patches copies of it into corrupt files. */
#include <windows.h>
/* a pointer in data: gives the image a relocation to apply */
const char *volatile message = "plain\n";

void __attribute__((force_align_arg_pointer)) start(void)
{
    DWORD n;
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), message, 6, &n, NULL);
    ExitProcess(0);
}
