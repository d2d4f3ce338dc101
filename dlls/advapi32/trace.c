/*
 * dlls/advapi32/trace.c — classic ("MOF", Windows 2000) event tracing from
 * a provider's side: RegisterTraceGuids, UnregisterTraceGuids and what a
 * provider calls once a session has enabled it (GetTraceLoggerHandle,
 * GetTraceEnableFlags/Level, TraceEvent, TraceMessage). WPP-instrumented
 * code registers this way at start-up.
 *
 * As for manifest providers (etw.c), wlx runs no trace sessions: a
 * registration succeeds and is never enabled, so the control callback never
 * runs, and as no session handle exists the session calls fail with
 * ERROR_INVALID_HANDLE, which is what Windows answers for a handle that
 * names no session (tests/advapi32/etw.c).
 */
#define _WMI_SOURCE_
#include "secpriv.h"
#include <wmistr.h>
#include <evntrace.h>

#define REGISTRATION_MAGIC 0x45545752   /* 'ETWR' */

struct registration
{
    DWORD magic;
    GUID control;
    WMIDPREQUEST callback;      /* kept for a session that never comes */
    void *context;
};

ULONG WMIAPI RegisterTraceGuidsW(WMIDPREQUEST callback, PVOID context, LPCGUID control, ULONG count,
                                 PTRACE_GUID_REGISTRATION guids, LPCWSTR mof_path, LPCWSTR mof_resource,
                                 PTRACEHANDLE handle)
{
    struct registration *r;

    if (!callback || !control || !handle || (count && !guids)) return ERROR_INVALID_PARAMETER;
    for (ULONG i = 0; i < count; i++) if (!guids[i].Guid) return ERROR_INVALID_PARAMETER;
    if (!(r = sec_alloc(sizeof(*r)))) return ERROR_NOT_ENOUGH_MEMORY;
    r->magic = REGISTRATION_MAGIC;
    r->control = *control;
    r->callback = callback;
    r->context = context;
    for (ULONG i = 0; i < count; i++) guids[i].RegHandle = r;
    *handle = (TRACEHANDLE)(ULONG_PTR)r;
    return ERROR_SUCCESS;
}

ULONG WMIAPI RegisterTraceGuidsA(WMIDPREQUEST callback, PVOID context, LPCGUID control, ULONG count,
                                 PTRACE_GUID_REGISTRATION guids, LPCSTR mof_path, LPCSTR mof_resource,
                                 PTRACEHANDLE handle)
{
    /* the MOF names only matter to a session's consumer */
    return RegisterTraceGuidsW(callback, context, control, count, guids, NULL, NULL, handle);
}

ULONG WMIAPI UnregisterTraceGuids(TRACEHANDLE handle)
{
    struct registration *r = (struct registration *)(ULONG_PTR)handle;

    if (!sec_is_object(r, REGISTRATION_MAGIC)) return ERROR_INVALID_HANDLE;
    r->magic = 0;
    sec_free(r);
    return ERROR_SUCCESS;
}

/* --- what an enabled provider calls: no session exists ---------------------- */

TRACEHANDLE WMIAPI GetTraceLoggerHandle(PVOID buffer)
{
    SetLastError(buffer ? ERROR_INVALID_HANDLE : ERROR_INVALID_PARAMETER);
    return (TRACEHANDLE)(LONG_PTR)INVALID_HANDLE_VALUE;
}

ULONG WMIAPI GetTraceEnableFlags(TRACEHANDLE session)
{
    SetLastError(ERROR_INVALID_HANDLE);
    return 0;
}

UCHAR WMIAPI GetTraceEnableLevel(TRACEHANDLE session)
{
    SetLastError(ERROR_INVALID_HANDLE);
    return 0;
}

ULONG WMIAPI TraceEvent(TRACEHANDLE session, PEVENT_TRACE_HEADER header)
{
    return header ? ERROR_INVALID_HANDLE : ERROR_INVALID_PARAMETER;
}

ULONG TraceMessageVa(TRACEHANDLE session, ULONG flags, LPCGUID guid, USHORT number, va_list args)
{
    return ERROR_INVALID_HANDLE;
}

ULONG __cdecl TraceMessage(TRACEHANDLE session, ULONG flags, LPCGUID guid, USHORT number, ...)
{
    return ERROR_INVALID_HANDLE;
}
