/*
 * DLL entry point of msvcrt.dll / ucrtbase.dll: per-process set-up (locks,
 * per-thread slot, fd table, std streams, environment and argv copies,
 * clock origin) and tear-down, per-thread clean-up.
 */
#include "private.h"

HMODULE msvcrt_module;
unsigned int msvcrt_clock_start_ms;

static BOOL process_attach(HINSTANCE inst)
{
    msvcrt_module = inst;
    msvcrt_clock_start_ms = GetTickCount();
    if (!msvcrt_init_tls()) return FALSE;
    msvcrt_init_locks();
    msvcrt_init_io();
    msvcrt_init_streams();
    msvcrt_init_environ();
    msvcrt_init_args();
    msvcrt_init_time();
    return TRUE;
}

static void process_detach(BOOL terminating)
{
    /* ExitProcess without exit(): still write out what the streams hold;
     * exit() already did, _exit() must not */
    if (terminating && !msvcrt_exiting()) msvcrt_flush_at_exit();
    if (terminating) return;  /* other threads may still use our state */
    msvcrt_free_thread_data();
    msvcrt_free_streams();
    msvcrt_free_io();
    msvcrt_free_environ();
    msvcrt_free_locks();
    msvcrt_free_tls();
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    switch (reason)
    {
    case DLL_PROCESS_ATTACH:
        return process_attach(inst);
    case DLL_THREAD_DETACH:
        msvcrt_free_thread_data();
        break;
    case DLL_PROCESS_DETACH:
        process_detach(reserved != NULL);
        break;
    }
    return TRUE;
}
