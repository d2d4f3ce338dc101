/*
 * kernel32/main.c — kernel32's entry point, thread start thunk, last error.
 */
#include "private.h"

NTSTATUS NTAPI __wlx_set_ctrl_routine(void *routine);
DWORD WINAPI CtrlRoutine(void *arg);

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    (void)inst; (void)reserved;
    /* Ctrl-C arrives as a new thread at CtrlRoutine (console.c) */
    if (reason == DLL_PROCESS_ATTACH) __wlx_set_ctrl_routine(CtrlRoutine);
    return TRUE;
}

/* ntdll starts the main thread and every new thread through this */
void WINAPI BaseThreadInitThunk(DWORD unknown, LPTHREAD_START_ROUTINE start, void *arg)
{
    (void)unknown;
    ExitThread(start(arg));
}

DWORD WINAPI GetLastError(void) { return *(DWORD *)(k32_teb() + TEB_LAST_ERROR); }
void WINAPI SetLastError(DWORD err) { *(DWORD *)(k32_teb() + TEB_LAST_ERROR) = err; }
