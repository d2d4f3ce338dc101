/*
 * kernel32/fls.c — fiber local storage over ntdll's RtlFls* (each fiber's
 * block is swapped in by SwitchToFiber, fiber.c).
 */
#include "private.h"

NTSTATUS NTAPI RtlFlsAlloc(PFLS_CALLBACK_FUNCTION, ULONG *);
NTSTATUS NTAPI RtlFlsFree(ULONG);
NTSTATUS NTAPI RtlFlsGetValue(ULONG, void **);
NTSTATUS NTAPI RtlFlsSetValue(ULONG, void *);

DWORD WINAPI FlsAlloc(PFLS_CALLBACK_FUNCTION callback)
{
    ULONG index;
    if (RtlFlsAlloc(callback, &index)) { SetLastError(ERROR_NO_MORE_ITEMS); return FLS_OUT_OF_INDEXES; }
    return index;
}

BOOL WINAPI FlsFree(DWORD index)
{
    return set_ntstatus(RtlFlsFree(index));
}

PVOID WINAPI FlsGetValue(DWORD index)
{
    void *value;
    NTSTATUS status = RtlFlsGetValue(index, &value);
    if (status) { set_ntstatus(status); return NULL; }
    SetLastError(ERROR_SUCCESS);
    return value;
}

BOOL WINAPI FlsSetValue(DWORD index, PVOID value)
{
    return set_ntstatus(RtlFlsSetValue(index, value));
}
