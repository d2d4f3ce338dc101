/*
 * kernel32/main.c — kernel32's entry point, thread start thunk, last error.
 */
#include "private.h"

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    (void)inst; (void)reason; (void)reserved;
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
