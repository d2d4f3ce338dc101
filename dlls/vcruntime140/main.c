/*
 * vcruntime140.dll: every export is a forward (vcruntime140.spec) to
 * ucrtbase.dll or kernel32.dll; this entry point is all the DLL runs.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    (void)inst;
    (void)reason;
    (void)reserved;
    return TRUE;
}
