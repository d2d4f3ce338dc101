/*
 * kernel32/timer.c — waitable timers: CreateWaitableTimer(Ex)A/W,
 * OpenWaitableTimerA/W, SetWaitableTimer(Ex), CancelWaitableTimer, on
 * ntdll's NtCreateTimer family. Names go to \BaseNamedObjects, as for events.
 */
#include "private.h"

typedef VOID (NTAPI *NT_TIMER_APC)(PVOID, ULONG, LONG);
NTSTATUS NTAPI NtCreateTimer(HANDLE *, ACCESS_MASK, const OBJECT_ATTRIBUTES *, ULONG);
NTSTATUS NTAPI NtOpenTimer(HANDLE *, ACCESS_MASK, const OBJECT_ATTRIBUTES *);
NTSTATUS NTAPI NtSetTimer(HANDLE, const LARGE_INTEGER *, NT_TIMER_APC, PVOID, BOOLEAN, LONG, BOOLEAN *);
NTSTATUS NTAPI NtCancelTimer(HANDLE, BOOLEAN *);

#ifndef CREATE_WAITABLE_TIMER_MANUAL_RESET
#define CREATE_WAITABLE_TIMER_MANUAL_RESET 0x1
#endif

HANDLE WINAPI CreateWaitableTimerExW(SECURITY_ATTRIBUTES *sa, const WCHAR *name, DWORD flags, DWORD access)
{
    struct k32_object_name n;
    HANDLE h = NULL;
    if (!k32_object_attr(&n, sa, FALSE, name)) return NULL;
    /* NotificationTimer 0 (manual reset), SynchronizationTimer 1 */
    NTSTATUS status = NtCreateTimer(&h, access, &n.attr, (flags & CREATE_WAITABLE_TIMER_MANUAL_RESET) ? 0 : 1);
    if (status == STATUS_OBJECT_NAME_EXISTS) SetLastError(ERROR_ALREADY_EXISTS);
    else if (status) { set_ntstatus(status); return NULL; }
    else SetLastError(0);
    return h;
}

HANDLE WINAPI CreateWaitableTimerW(SECURITY_ATTRIBUTES *sa, BOOL manual, const WCHAR *name)
{
    return CreateWaitableTimerExW(sa, name, manual ? CREATE_WAITABLE_TIMER_MANUAL_RESET : 0, TIMER_ALL_ACCESS);
}

/* A versions: the name converted (NULL stays NULL) */
static WCHAR *timer_name_AtoW(const char *name, BOOL *ok)
{
    WCHAR *w = NULL;
    *ok = !name || (w = k32_strdup_AtoW(name));
    if (!*ok) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return w;
}

HANDLE WINAPI CreateWaitableTimerExA(SECURITY_ATTRIBUTES *sa, const char *name, DWORD flags, DWORD access)
{
    BOOL ok;
    WCHAR *w = timer_name_AtoW(name, &ok);
    if (!ok) return NULL;
    HANDLE h = CreateWaitableTimerExW(sa, w, flags, access);
    RtlFreeHeap(PROCESS_HEAP(), 0, w);
    return h;
}

HANDLE WINAPI CreateWaitableTimerA(SECURITY_ATTRIBUTES *sa, BOOL manual, const char *name)
{
    return CreateWaitableTimerExA(sa, name, manual ? CREATE_WAITABLE_TIMER_MANUAL_RESET : 0, TIMER_ALL_ACCESS);
}

HANDLE WINAPI OpenWaitableTimerW(DWORD access, BOOL inherit, const WCHAR *name)
{
    struct k32_object_name n;
    HANDLE h = NULL;
    if (!name) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    if (!k32_object_attr(&n, NULL, inherit, name)) return NULL;
    return set_ntstatus(NtOpenTimer(&h, access, &n.attr)) ? h : NULL;
}

HANDLE WINAPI OpenWaitableTimerA(DWORD access, BOOL inherit, const char *name)
{
    BOOL ok;
    WCHAR *w = timer_name_AtoW(name, &ok);
    if (!ok) return NULL;
    HANDLE h = OpenWaitableTimerW(access, inherit, w);
    RtlFreeHeap(PROCESS_HEAP(), 0, w);
    return h;
}

/* the completion routine is called as an APC (ctx, FILETIME low, high) in
   the setting thread's next alertable wait */
BOOL WINAPI SetWaitableTimerEx(HANDLE timer, const LARGE_INTEGER *due, LONG period, PTIMERAPCROUTINE routine,
                               LPVOID arg, PREASON_CONTEXT context, ULONG delay)
{
    (void)context; (void)delay;
    return set_ntstatus(NtSetTimer(timer, due, (NT_TIMER_APC)routine, arg, FALSE, period, NULL));
}

BOOL WINAPI SetWaitableTimer(HANDLE timer, const LARGE_INTEGER *due, LONG period, PTIMERAPCROUTINE routine,
                             LPVOID arg, BOOL resume)
{
    return set_ntstatus(NtSetTimer(timer, due, (NT_TIMER_APC)routine, arg, (BOOLEAN)resume, period, NULL));
}

BOOL WINAPI CancelWaitableTimer(HANDLE timer)
{
    return set_ntstatus(NtCancelTimer(timer, NULL));
}
