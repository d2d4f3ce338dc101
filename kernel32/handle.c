/*
 * kernel32/handle.c — handle flags and identity: GetHandleInformation,
 * SetHandleInformation (HANDLE_FLAG_INHERIT, HANDLE_FLAG_PROTECT_FROM_CLOSE)
 * and CompareObjectHandles, on ntdll's NtQueryObject /
 * NtSetInformationObject / NtCompareObjects.
 */
#include "private.h"

NTSTATUS NTAPI NtSetInformationObject(HANDLE, ULONG, void *, ULONG);
NTSTATUS NTAPI NtCompareObjects(HANDLE, HANDLE);

#define ObjectHandleFlagInformation 4

struct handle_flags { BOOLEAN inherit, protect_from_close; };

BOOL WINAPI GetHandleInformation(HANDLE h, DWORD *flags)
{
    struct handle_flags f;
    if (!set_ntstatus(NtQueryObject(h, ObjectHandleFlagInformation, &f, sizeof(f), NULL))) return FALSE;
    if (flags) *flags = (f.inherit ? HANDLE_FLAG_INHERIT : 0) | (f.protect_from_close ? HANDLE_FLAG_PROTECT_FROM_CLOSE : 0);
    return TRUE;
}

/* only the bits in mask change */
BOOL WINAPI SetHandleInformation(HANDLE h, DWORD mask, DWORD flags)
{
    struct handle_flags f;
    if (!set_ntstatus(NtQueryObject(h, ObjectHandleFlagInformation, &f, sizeof(f), NULL))) return FALSE;
    if (mask & HANDLE_FLAG_INHERIT) f.inherit = (flags & HANDLE_FLAG_INHERIT) != 0;
    if (mask & HANDLE_FLAG_PROTECT_FROM_CLOSE) f.protect_from_close = (flags & HANDLE_FLAG_PROTECT_FROM_CLOSE) != 0;
    return set_ntstatus(NtSetInformationObject(h, ObjectHandleFlagInformation, &f, sizeof(f)));
}

/* TRUE when both handles name the same object; never sets the last error */
BOOL WINAPI CompareObjectHandles(HANDLE a, HANDLE b)
{
    return NtCompareObjects(a, b) == STATUS_SUCCESS;
}
