/*
 * kernel32/procmisc.c — process-wide settings programs read and set at
 * start-up: affinity masks, the priority class and boost, working-set
 * sizes, shutdown parameters, the handle count, Windows Error Reporting
 * flags, and fail-fast termination.
 *
 * Affinity is bookkeeping against the processors Windows would report
 * (GetSystemInfo's active mask): the host scheduler is not told.
 */
#include "private.h"
#include <psapi.h>

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

/* The priority class: remembered for this process (Linux would need
   privileges to raise it), NORMAL for another; the values Windows accepts,
   REALTIME quietly becoming HIGH as it does without the privilege. */
static DWORD priority_class = NORMAL_PRIORITY_CLASS;

DWORD WINAPI GetPriorityClass(HANDLE process)
{
    if (!is_self(process) && !GetProcessId(process)) return 0;
    return is_self(process) ? priority_class : NORMAL_PRIORITY_CLASS;
}

BOOL WINAPI SetPriorityClass(HANDLE process, DWORD cls)
{
    switch (cls)
    {
    case IDLE_PRIORITY_CLASS: case BELOW_NORMAL_PRIORITY_CLASS: case NORMAL_PRIORITY_CLASS:
    case ABOVE_NORMAL_PRIORITY_CLASS: case HIGH_PRIORITY_CLASS: case REALTIME_PRIORITY_CLASS:
    case PROCESS_MODE_BACKGROUND_BEGIN: case PROCESS_MODE_BACKGROUND_END:
        break;
    default:
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!is_self(process) && !GetProcessId(process)) return FALSE;
    if ((cls == PROCESS_MODE_BACKGROUND_BEGIN || cls == PROCESS_MODE_BACKGROUND_END) && !is_self(process))
    {
        SetLastError(ERROR_INVALID_PARAMETER);   /* only for the calling process */
        return FALSE;
    }
    if (cls == REALTIME_PRIORITY_CLASS) cls = HIGH_PRIORITY_CLASS;
    if (is_self(process) && cls != PROCESS_MODE_BACKGROUND_BEGIN && cls != PROCESS_MODE_BACKGROUND_END)
        priority_class = cls;
    return TRUE;
}

/* working-set limits: Windows' defaults, remembered when set (Linux has none to apply) */
static SIZE_T ws_min = 200 * 1024, ws_max = 1380 * 1024;
static DWORD ws_flags;

BOOL WINAPI GetProcessWorkingSetSizeEx(HANDLE process, SIZE_T *min, SIZE_T *max, DWORD *flags)
{
    if (!is_self(process) && !GetProcessId(process)) return FALSE;
    *min = ws_min;
    *max = ws_max;
    if (flags) *flags = ws_flags;
    return TRUE;
}

BOOL WINAPI GetProcessWorkingSetSize(HANDLE process, SIZE_T *min, SIZE_T *max)
{
    return GetProcessWorkingSetSizeEx(process, min, max, NULL);
}

BOOL WINAPI SetProcessWorkingSetSizeEx(HANDLE process, SIZE_T min, SIZE_T max, DWORD flags)
{
    if (!is_self(process) && !GetProcessId(process)) return FALSE;
    if (min == (SIZE_T)-1 && max == (SIZE_T)-1) return TRUE;   /* "trim the working set" */
    if (min > max) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (is_self(process)) { ws_min = min; ws_max = max; ws_flags = flags; }
    return TRUE;
}

BOOL WINAPI SetProcessWorkingSetSize(HANDLE process, SIZE_T min, SIZE_T max)
{
    return SetProcessWorkingSetSizeEx(process, min, max, 0);
}

/* the order in which the system would shut processes down: recorded */
static DWORD shutdown_level = 0x280, shutdown_flags;

BOOL WINAPI SetProcessShutdownParameters(DWORD level, DWORD flags)
{
    if (level > 0x4ff) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    shutdown_level = level;
    shutdown_flags = flags;
    return TRUE;
}

BOOL WINAPI GetProcessShutdownParameters(DWORD *level, DWORD *flags)
{
    *level = shutdown_level;
    *flags = shutdown_flags;
    return TRUE;
}

/* Set/GetProcessInformation: memory priority and power throttling are
   hints Linux has no use for, checked and kept for this process (memory
   priority reads back as set; power throttling has no Get on Windows
   either); the other classes are facts of the process */
static ULONG memory_priority = MEMORY_PRIORITY_NORMAL;
static PROCESS_POWER_THROTTLING_STATE power_throttling = { PROCESS_POWER_THROTTLING_CURRENT_VERSION, 0, 0 };

static DWORD info_size(PROCESS_INFORMATION_CLASS cls)
{
    switch (cls)
    {
    case ProcessMemoryPriority: return sizeof(MEMORY_PRIORITY_INFORMATION);
    case ProcessAppMemoryInfo: return sizeof(APP_MEMORY_INFORMATION);
    case ProcessPowerThrottling: return sizeof(PROCESS_POWER_THROTTLING_STATE);
    case ProcessProtectionLevelInfo: return sizeof(PROCESS_PROTECTION_LEVEL_INFORMATION);
    case ProcessMachineTypeInfo: return sizeof(PROCESS_MACHINE_INFORMATION);
    default: return 0;
    }
}

BOOL WINAPI SetProcessInformation(HANDLE process, PROCESS_INFORMATION_CLASS cls, void *info, DWORD size)
{
    if (!info || !size) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!is_self(process) && !GetProcessId(process)) return FALSE;
    if (info_size(cls) && size != info_size(cls)) { SetLastError(ERROR_BAD_LENGTH); return FALSE; }
    if (cls == ProcessMemoryPriority)
    {
        ULONG p = ((MEMORY_PRIORITY_INFORMATION *)info)->MemoryPriority;
        if (p < MEMORY_PRIORITY_VERY_LOW || p > MEMORY_PRIORITY_NORMAL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
        if (is_self(process)) memory_priority = p;
    }
    else if (cls == ProcessPowerThrottling)
    {
        const PROCESS_POWER_THROTTLING_STATE *st = info;
        if (st->Version != PROCESS_POWER_THROTTLING_CURRENT_VERSION || (st->StateMask & ~st->ControlMask))
        {
            SetLastError(ERROR_INVALID_PARAMETER);
            return FALSE;
        }
        if (is_self(process))
        {
            power_throttling.ControlMask = st->ControlMask;
            power_throttling.StateMask = st->StateMask;
        }
    }
    return TRUE;
}

BOOL WINAPI GetProcessInformation(HANDLE process, PROCESS_INFORMATION_CLASS cls, void *info, DWORD size)
{
    DWORD need = info_size(cls);
    if (!need || cls == ProcessPowerThrottling) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!info || size != need) { SetLastError(ERROR_BAD_LENGTH); return FALSE; }
    if (!is_self(process) && !GetProcessId(process)) return FALSE;
    switch (cls)
    {
    case ProcessMemoryPriority:
        ((MEMORY_PRIORITY_INFORMATION *)info)->MemoryPriority = is_self(process) ? memory_priority : MEMORY_PRIORITY_NORMAL;
        return TRUE;
    case ProcessAppMemoryInfo:
    {
        APP_MEMORY_INFORMATION *mi = info;
        PROCESS_MEMORY_COUNTERS_EX pmc = { sizeof(pmc) };
        MEMORYSTATUSEX ms = { sizeof(ms) };
        if (!K32GetProcessMemoryInfo(process, (PROCESS_MEMORY_COUNTERS *)&pmc, sizeof(pmc)) || !GlobalMemoryStatusEx(&ms))
            return FALSE;
        mi->AvailableCommit = ms.ullAvailPageFile;
        mi->PrivateCommitUsage = pmc.PrivateUsage;
        mi->PeakPrivateCommitUsage = pmc.PeakPagefileUsage;
        mi->TotalCommitUsage = ms.ullTotalPageFile - ms.ullAvailPageFile;
        return TRUE;
    }
    case ProcessProtectionLevelInfo:
        ((PROCESS_PROTECTION_LEVEL_INFORMATION *)info)->ProtectionLevel = PROTECTION_LEVEL_NONE;
        return TRUE;
    case ProcessMachineTypeInfo:
    {
        PROCESS_MACHINE_INFORMATION *m = info;
        m->ProcessMachine = IMAGE_FILE_MACHINE_AMD64;
        m->Res0 = 0;
        m->MachineAttributes = UserEnabled | KernelEnabled;
        return TRUE;
    }
    default:
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
}

/* DEP is always on for 64-bit processes and cannot be changed */
BOOL WINAPI SetProcessDEPPolicy(DWORD flags)
{
    (void)flags;
    SetLastError(ERROR_NOT_SUPPORTED);
    return FALSE;
}

/* the subsystem version the program was linked for: (major << 16) | minor */
DWORD WINAPI GetProcessVersion(DWORD pid)
{
    if (pid && pid != GetCurrentProcessId())
    {
        HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid);
        if (!h) return 0;
        CloseHandle(h);
        return 0x000a0000;    /* another process's headers are not read: Windows 10 */
    }
    BYTE *base = (BYTE *)GetModuleHandleW(NULL);
    IMAGE_NT_HEADERS *nt = (IMAGE_NT_HEADERS *)(base + ((IMAGE_DOS_HEADER *)base)->e_lfanew);
    return ((DWORD)nt->OptionalHeader.MajorSubsystemVersion << 16) | nt->OptionalHeader.MinorSubsystemVersion;
}

BOOL WINAPI GetProcessHandleCount(HANDLE process, DWORD *count)
{
    ULONG n = 0;
    NTSTATUS status = NtQueryInformationProcess(process, 20 /* ProcessHandleCount */, &n, sizeof(n), NULL);
    if (status) return set_ntstatus(status);
    if (!count) { SetLastError(ERROR_NOACCESS); return FALSE; }
    *count = n;
    return TRUE;
}

/* obsolete: the handle count is not limited */
UINT WINAPI SetHandleCount(UINT count) { return count; }

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
