/*
 * kernel32/procpolicy.c — a process's mitigation policies, DEP and
 * critical flag, as programs ask and set them at start.
 *
 * GetProcessMitigationPolicy answers what a normal 64-bit process has: DEP
 * on and permanent; ASLR as the image asked for it (bottom-up and high
 * entropy from its DllCharacteristics), no forced relocation; every other
 * policy off — until the program sets one. SetProcessMitigationPolicy
 * accepts the policies programs set on themselves (dynamic code, strict
 * handle checks, extension points, image loads, fonts, signatures, ...)
 * and records them, so reading one back gives what was set; wlx does not
 * enforce them. A policy can only be made stricter, not relaxed, as on
 * Windows (ERROR_ACCESS_DENIED); DEP is always on for a 64-bit process.
 */
#include "private.h"

#define MITIGATION_POLICIES 19      /* up to ProcessSEHOPPolicy (18) */

static DWORD policy_flags[MITIGATION_POLICIES];    /* what the program set, per policy */
static SRWLOCK policy_lock = SRWLOCK_INIT;

static BOOL is_self(HANDLE process)
{
    return process == GetCurrentProcess() || GetProcessId(process) == GetCurrentProcessId();
}

/* the size of a policy's structure; 0 for a policy that is not one */
static SIZE_T policy_size(PROCESS_MITIGATION_POLICY policy, SIZE_T length)
{
    if (policy == ProcessDEPPolicy) return sizeof(PROCESS_MITIGATION_DEP_POLICY);
    /* one ULONG64 of mask, or two on Windows 10 */
    if (policy == ProcessMitigationOptionsMask) return length == 2 * sizeof(ULONG64) ? length : sizeof(ULONG64);
    /* a DWORD of flags; a longer buffer is fine (mingw-w64's dynamic code
       structure has 33 bits of fields, so its programs pass 8 bytes) */
    if ((unsigned)policy < MITIGATION_POLICIES) return length >= sizeof(DWORD) ? length : sizeof(DWORD);
    return 0;
}

/* ASLR as the program's image asked for it */
static DWORD aslr_flags(void)
{
    BYTE *base = (BYTE *)GetModuleHandleW(NULL);
    IMAGE_NT_HEADERS *nt = (IMAGE_NT_HEADERS *)(base + ((IMAGE_DOS_HEADER *)base)->e_lfanew);
    WORD dll = nt->OptionalHeader.DllCharacteristics;
    PROCESS_MITIGATION_ASLR_POLICY aslr = { 0 };

    aslr.EnableBottomUpRandomization = (dll & IMAGE_DLLCHARACTERISTICS_DYNAMIC_BASE) != 0;
    aslr.EnableHighEntropy = (dll & IMAGE_DLLCHARACTERISTICS_DYNAMIC_BASE) &&
                             (dll & IMAGE_DLLCHARACTERISTICS_HIGH_ENTROPY_VA);
    return aslr.Flags;
}

BOOL WINAPI GetProcessMitigationPolicy(HANDLE process, PROCESS_MITIGATION_POLICY policy, PVOID buffer, SIZE_T length)
{
    SIZE_T size = policy_size(policy, length);
    DWORD flags;

    if (!size || !buffer || length != size) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!is_self(process) && !GetProcessId(process)) return FALSE;   /* GetProcessId set the error */
    memset(buffer, 0, size);
    if (policy == ProcessDEPPolicy)
    {
        PROCESS_MITIGATION_DEP_POLICY *dep = buffer;
        dep->Enable = 1;
        dep->Permanent = TRUE;
        return TRUE;
    }
    if (policy == ProcessMitigationOptionsMask) return TRUE;
    AcquireSRWLockShared(&policy_lock);
    flags = is_self(process) ? policy_flags[policy] : 0;
    ReleaseSRWLockShared(&policy_lock);
    if (policy == ProcessASLRPolicy) flags |= aslr_flags();
    *(DWORD *)buffer = flags;
    return TRUE;
}

BOOL WINAPI SetProcessMitigationPolicy(PROCESS_MITIGATION_POLICY policy, PVOID buffer, SIZE_T length)
{
    SIZE_T size = policy_size(policy, length);
    DWORD flags;
    BOOL ret = TRUE;

    if (!size || !buffer || length != size || policy == ProcessMitigationOptionsMask)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (policy == ProcessDEPPolicy)
    {
        /* on already, for good: asking for it again is fine, turning it off is not */
        if (((PROCESS_MITIGATION_DEP_POLICY *)buffer)->Enable) return TRUE;
        SetLastError(ERROR_ACCESS_DENIED);
        return FALSE;
    }
    flags = *(DWORD *)buffer;
    if (policy == ProcessASLRPolicy) flags &= ~aslr_flags();   /* what the image has already */
    AcquireSRWLockExclusive(&policy_lock);
    if (policy_flags[policy] & ~flags) ret = FALSE;    /* something set would be cleared */
    else policy_flags[policy] = flags;
    ReleaseSRWLockExclusive(&policy_lock);
    if (!ret) SetLastError(ERROR_ACCESS_DENIED);
    return ret;
}

/* "supported for 32-bit processes only": a 64-bit process gets ERROR_NOT_SUPPORTED (documented) */
BOOL WINAPI GetProcessDEPPolicy(HANDLE process, LPDWORD flags, PBOOL permanent)
{
    (void)process; (void)flags; (void)permanent;
    SetLastError(ERROR_NOT_SUPPORTED);
    return FALSE;
}

/* no process is critical to the system here */
BOOL WINAPI IsProcessCritical(HANDLE process, PBOOL critical)
{
    ULONG value = 0;
    NTSTATUS status = NtQueryInformationProcess(process, ProcessBreakOnTermination, &value, sizeof(value), NULL);

    if (status == STATUS_NOT_IMPLEMENTED) status = STATUS_SUCCESS;   /* another process: not critical either */
    if (status) return set_ntstatus(status);
    if (!critical) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    *critical = value != 0;
    return TRUE;
}
