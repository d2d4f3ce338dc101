/*
 * kernel32/procmisc.c — process-wide settings programs read and set at
 * start-up: affinity masks, the priority boost, Windows Error Reporting
 * flags, and fail-fast termination.
 *
 * Affinity is bookkeeping against the processors Windows would report
 * (GetSystemInfo's active mask): the host scheduler is not told.
 */
#include "private.h"

int __cdecl _snprintf(char *, size_t, const char *, ...);   /* ntdll's */

static DWORD_PTR process_affinity;   /* 0: never set (all processors) */
static DWORD wer_flags;
static BOOL priority_boost_disabled;

static DWORD_PTR system_affinity(void)
{
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    return si.dwActiveProcessorMask;
}

static BOOL is_self(HANDLE process)
{
    return process == GetCurrentProcess() || GetProcessId(process) == GetCurrentProcessId();
}

BOOL WINAPI GetProcessAffinityMask(HANDLE process, DWORD_PTR *mask, DWORD_PTR *system)
{
    DWORD_PTR all = system_affinity();
    if (!is_self(process) && !GetProcessId(process)) return FALSE;   /* GetProcessId set the error */
    if (mask) *mask = process_affinity && is_self(process) ? process_affinity : all;
    if (system) *system = all;
    return TRUE;
}

BOOL WINAPI SetProcessAffinityMask(HANDLE process, DWORD_PTR mask)
{
    if (!is_self(process)) { SetLastError(ERROR_ACCESS_DENIED); return FALSE; }
    if (!mask || (mask & ~system_affinity())) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    process_affinity = mask;
    return TRUE;
}

/* the previous mask, or 0 with ERROR_INVALID_PARAMETER for a mask outside
   the process's */
DWORD_PTR WINAPI SetThreadAffinityMask(HANDLE thread, DWORD_PTR mask)
{
    DWORD_PTR allowed = process_affinity ? process_affinity : system_affinity();
    (void)thread;
    if (!mask || (mask & ~allowed)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    return allowed;
}

BOOL WINAPI SetProcessPriorityBoost(HANDLE process, BOOL disable)
{
    if (!is_self(process) && !GetProcessId(process)) return FALSE;
    priority_boost_disabled = !!disable;
    return TRUE;
}

BOOL WINAPI GetProcessPriorityBoost(HANDLE process, BOOL *disabled)
{
    if (!is_self(process) && !GetProcessId(process)) return FALSE;
    *disabled = priority_boost_disabled;
    return TRUE;
}

HRESULT WINAPI WerSetFlags(DWORD flags)
{
    wer_flags = flags;
    return S_OK;
}

HRESULT WINAPI WerGetFlags(HANDLE process, DWORD *flags)
{
    if (!flags) return E_INVALIDARG;
    if (!is_self(process)) return HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);
    *flags = wer_flags;
    return S_OK;
}

/* Ends the process at once, no handler runs: the exit code is the
   exception's code (STATUS_FAIL_FAST_EXCEPTION without a record). */
void WINAPI RaiseFailFastException(EXCEPTION_RECORD *record, CONTEXT *context, DWORD flags)
{
    DWORD code = record ? record->ExceptionCode : 0xc0000602 /* STATUS_FAIL_FAST_EXCEPTION */;
    char msg[96];
    DWORD written;
    (void)context;
    (void)flags;
    _snprintf(msg, sizeof(msg), "wlx: fail-fast exception 0x%08lx: the program ended itself\n", (unsigned long)code);
    WriteFile(GetStdHandle(STD_ERROR_HANDLE), msg, lstrlenA(msg), &written, NULL);
    TerminateProcess(GetCurrentProcess(), code);
}
