/*
 * kernel32/procgroup.c — processor groups. wlx reports one group (group 0)
 * holding every processor, so group affinities are the affinity masks of
 * procmisc.c with a group number that must be 0.
 */
#include "private.h"

BOOL WINAPI GetProcessGroupAffinity(HANDLE process, USHORT *count, USHORT *groups)
{
    DWORD_PTR mask, system;

    if (!count) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!GetProcessAffinityMask(process, &mask, &system)) return FALSE;
    if (*count < 1 || !groups) { *count = 1; SetLastError(ERROR_INSUFFICIENT_BUFFER); return FALSE; }
    *count = 1;
    groups[0] = 0;
    return TRUE;
}

BOOL WINAPI GetThreadGroupAffinity(HANDLE thread, GROUP_AFFINITY *affinity)
{
    DWORD_PTR mask, system;

    if (!affinity) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!GetThreadId(thread)) return FALSE;              /* GetThreadId set the error */
    if (!GetProcessAffinityMask(GetCurrentProcess(), &mask, &system)) return FALSE;
    memset(affinity, 0, sizeof(*affinity));
    affinity->Mask = mask;                                /* threads follow the process's mask */
    return TRUE;
}

BOOL WINAPI SetThreadGroupAffinity(HANDLE thread, const GROUP_AFFINITY *affinity, GROUP_AFFINITY *previous)
{
    DWORD_PTR old;

    if (!affinity || affinity->Group || affinity->Reserved[0] || affinity->Reserved[1] || affinity->Reserved[2])
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!GetThreadId(thread)) return FALSE;
    if (!(old = SetThreadAffinityMask(thread, affinity->Mask))) return FALSE;
    if (previous)
    {
        memset(previous, 0, sizeof(*previous));
        previous->Mask = old;
    }
    return TRUE;
}
