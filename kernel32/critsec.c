/*
 * kernel32/critsec.c — the critical-section initializers that return BOOL:
 * ntdll's Rtl forms return an NTSTATUS (0 on success), which a plain
 * forward would hand back as FALSE. The MSVC runtime's start-up checks the
 * BOOL of InitializeCriticalSectionEx and fails fast on FALSE
 * (tests/kernel32/critsec.c).
 */
#include "private.h"

NTSTATUS NTAPI RtlInitializeCriticalSectionEx(RTL_CRITICAL_SECTION *cs, ULONG spin, ULONG flags);
NTSTATUS NTAPI RtlInitializeCriticalSectionAndSpinCount(RTL_CRITICAL_SECTION *cs, ULONG spin);

BOOL WINAPI InitializeCriticalSectionEx(CRITICAL_SECTION *cs, DWORD spin, DWORD flags)
{
    return set_ntstatus(RtlInitializeCriticalSectionEx(cs, spin, flags));
}

BOOL WINAPI InitializeCriticalSectionAndSpinCount(CRITICAL_SECTION *cs, DWORD spin)
{
    return set_ntstatus(RtlInitializeCriticalSectionAndSpinCount(cs, spin));
}
