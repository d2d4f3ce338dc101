/*
 * kernel32/process.c — this process: start-up info, ids, exit.
 * (Creating other processes: issue 3.)
 */
#include "private.h"

static STARTUPINFOA startup_a;

void WINAPI GetStartupInfoW(STARTUPINFOW *info)
{
    BYTE *pp = k32_params();
    memset(info, 0, sizeof(*info));
    info->cb = sizeof(*info);
    info->lpDesktop = ((UNICODE_STRING *)(pp + PP_DESKTOP_INFO))->Buffer;
    info->lpTitle = ((UNICODE_STRING *)(pp + PP_WINDOW_TITLE))->Buffer;
    info->dwFlags = *(DWORD *)(pp + PP_WINDOW_FLAGS);
    info->wShowWindow = (WORD)*(DWORD *)(pp + PP_SHOW_WINDOW_FLAGS);
    info->hStdInput = *(HANDLE *)(pp + PP_STDIN);
    info->hStdOutput = *(HANDLE *)(pp + PP_STDOUT);
    info->hStdError = *(HANDLE *)(pp + PP_STDERR);
}

void WINAPI GetStartupInfoA(STARTUPINFOA *info)
{
    STARTUPINFOW w;
    GetStartupInfoW(&w);
    memset(info, 0, sizeof(*info));
    info->cb = sizeof(*info);
    info->dwFlags = w.dwFlags;
    info->wShowWindow = w.wShowWindow;
    info->hStdInput = w.hStdInput;
    info->hStdOutput = w.hStdOutput;
    info->hStdError = w.hStdError;
    info->lpDesktop = startup_a.lpDesktop;
    info->lpTitle = startup_a.lpTitle;
}

void WINAPI ExitProcess(UINT code)
{
    RtlExitUserProcess(code);
}

BOOL WINAPI TerminateProcess(HANDLE process, UINT code)
{
    if (!process) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    return set_ntstatus(NtTerminateProcess(process, code));
}

#undef GetCurrentProcess
#undef GetCurrentThread
HANDLE WINAPI GetCurrentProcess(void) { return NtCurrentProcess(); }
HANDLE WINAPI GetCurrentThread(void) { return NtCurrentThread(); }
DWORD WINAPI GetCurrentProcessId(void) { return (DWORD)*(ULONG_PTR *)(k32_teb() + TEB_CLIENT_PROCESS); }
DWORD WINAPI GetCurrentThreadId(void) { return (DWORD)*(ULONG_PTR *)(k32_teb() + TEB_CLIENT_THREAD); }
DWORD WINAPI GetCurrentProcessorNumber(void) { return 0; }

BOOL WINAPI IsDebuggerPresent(void) { return *(BYTE *)(k32_peb() + PEB_BEING_DEBUGGED) != 0; }

/* no WOW64 here: every process is native 64-bit */
BOOL WINAPI IsWow64Process(HANDLE process, BOOL *wow64)
{
    (void)process;
    *wow64 = FALSE;
    return TRUE;
}

UINT WINAPI SetErrorMode(UINT mode)
{
    static UINT current;
    UINT old = current;
    current = mode;
    return old;
}

UINT WINAPI GetErrorMode(void)
{
    UINT mode = SetErrorMode(0);
    SetErrorMode(mode);
    return mode;
}

