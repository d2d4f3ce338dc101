/*
 * depdll.dll — helper for tests/kernel32/module.c: imported by testdll.dll,
 * so the loader must run this DllMain before testdll's (dependency order) and
 * detach it after testdll's.
 */
#include <windows.h>

static volatile LONG attached;
static LONG *detach_log;   /* the test's log: [0] = count, then ids */

__declspec(dllexport) LONG dep_attached(void)
{
    return attached;
}

__declspec(dllexport) void dep_set_log(LONG *log)
{
    detach_log = log;
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    if (reason == DLL_PROCESS_ATTACH) attached = 1;
    if (reason == DLL_PROCESS_DETACH && detach_log)
        detach_log[InterlockedIncrement(&detach_log[0])] = 'D';
    return TRUE;
}
