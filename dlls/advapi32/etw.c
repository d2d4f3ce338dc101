/*
 * dlls/advapi32/etw.c — Event Tracing for Windows, provider side. A program
 * registers providers and writes events; a trace session enables them.
 * wlx runs no trace sessions, so a provider is never enabled: registering
 * gives a handle, EventEnabled says no, writes succeed and go nowhere (what
 * Windows does when nobody listens), and the enable callback never runs.
 * Also the thread's activity id (EventActivityIdControl). The classic
 * (RegisterTraceGuids) side is trace.c.
 */
#include "secpriv.h"
#include <evntprov.h>

#define PROVIDER_MAGIC 0x45545750   /* 'ETWP' */

/* EVENT_INFO_CLASS values newer than mingw's evntprov.h */
#define INFO_SET_TRAITS 2           /* EventProviderSetTraits */
#define INFO_USE_DESCRIPTOR_TYPE 3  /* EventProviderUseDescriptorType */

struct etw_provider
{
    DWORD magic;
    GUID id;
    PENABLECALLBACK callback;   /* kept for a session that never comes */
    void *context;
};

static struct etw_provider *get_provider(REGHANDLE handle)
{
    struct etw_provider *p = (struct etw_provider *)(ULONG_PTR)handle;
    return sec_is_object(p, PROVIDER_MAGIC) ? p : NULL;
}

ULONG WINAPI EventRegister(LPCGUID id, PENABLECALLBACK callback, void *context, PREGHANDLE handle)
{
    struct etw_provider *p;

    if (!id || !handle) return ERROR_INVALID_PARAMETER;
    if (!(p = sec_alloc(sizeof(*p)))) return ERROR_NOT_ENOUGH_MEMORY;
    p->magic = PROVIDER_MAGIC;
    p->id = *id;
    p->callback = callback;
    p->context = context;
    *handle = (REGHANDLE)(ULONG_PTR)p;
    return ERROR_SUCCESS;
}

ULONG WINAPI EventUnregister(REGHANDLE handle)
{
    struct etw_provider *p = get_provider(handle);

    if (!p) return ERROR_INVALID_HANDLE;
    p->magic = 0;
    sec_free(p);
    return ERROR_SUCCESS;
}

/* no session enables anything */
BOOLEAN WINAPI EventEnabled(REGHANDLE handle, PCEVENT_DESCRIPTOR descriptor)
{
    return FALSE;
}

BOOLEAN WINAPI EventProviderEnabled(REGHANDLE handle, UCHAR level, ULONGLONG keyword)
{
    return FALSE;
}

/* the provider traits, descriptor types and binary tracking a program may
   set are accepted; other classes are unknown to this version */
ULONG WINAPI EventSetInformation(REGHANDLE handle, EVENT_INFO_CLASS cls, void *info, ULONG size)
{
    if (!get_provider(handle)) return ERROR_INVALID_HANDLE;
    switch (cls)
    {
    case EventProviderBinaryTrackInfo:
    case INFO_SET_TRAITS:
    case INFO_USE_DESCRIPTOR_TYPE:
        return info || !size ? ERROR_SUCCESS : ERROR_INVALID_PARAMETER;
    default:
        return ERROR_NOT_SUPPORTED;
    }
}

/* an event written with no session listening: checked, then dropped */
static ULONG write_event(REGHANDLE handle, PCEVENT_DESCRIPTOR descriptor, ULONG count, PEVENT_DATA_DESCRIPTOR data)
{
    if (!get_provider(handle)) return ERROR_INVALID_HANDLE;
    if (!descriptor || (count && !data)) return ERROR_INVALID_PARAMETER;
    return ERROR_SUCCESS;
}

ULONG WINAPI EventWrite(REGHANDLE handle, PCEVENT_DESCRIPTOR descriptor, ULONG count, PEVENT_DATA_DESCRIPTOR data)
{
    return write_event(handle, descriptor, count, data);
}

ULONG WINAPI EventWriteTransfer(REGHANDLE handle, PCEVENT_DESCRIPTOR descriptor, LPCGUID activity,
                                LPCGUID related, ULONG count, PEVENT_DATA_DESCRIPTOR data)
{
    return write_event(handle, descriptor, count, data);
}

ULONG WINAPI EventWriteEx(REGHANDLE handle, PCEVENT_DESCRIPTOR descriptor, ULONG64 filter, ULONG flags,
                          LPCGUID activity, LPCGUID related, ULONG count, PEVENT_DATA_DESCRIPTOR data)
{
    return write_event(handle, descriptor, count, data);
}

ULONG WINAPI EventWriteString(REGHANDLE handle, UCHAR level, ULONGLONG keyword, PCWSTR string)
{
    if (!get_provider(handle)) return ERROR_INVALID_HANDLE;
    return string ? ERROR_SUCCESS : ERROR_INVALID_PARAMETER;
}

/* --- activity ids ----------------------------------------------------------- */

/* Each thread has an activity id (zero until set), which events written
   with a NULL activity carry. It lives in fiber-local storage, freed when
   the thread ends. */
static DWORD activity_slot = FLS_OUT_OF_INDEXES;

static void WINAPI free_activity(void *id)
{
    sec_free(id);
}

/* the thread's id; created (zero) when `create` */
static GUID *thread_activity(BOOL create)
{
    GUID *id;

    if (activity_slot == FLS_OUT_OF_INDEXES)
    {
        DWORD slot;
        if (!create || (slot = FlsAlloc(free_activity)) == FLS_OUT_OF_INDEXES) return NULL;
        if (InterlockedCompareExchange((LONG *)&activity_slot, slot, FLS_OUT_OF_INDEXES) != FLS_OUT_OF_INDEXES)
            FlsFree(slot);
    }
    if (!(id = FlsGetValue(activity_slot)) && create && (id = sec_alloc(sizeof(*id))))
    {
        memset(id, 0, sizeof(*id));
        FlsSetValue(activity_slot, id);
    }
    return id;
}

/* a new id: random, with the version 4 and variant bits */
static void new_activity(GUID *id)
{
    __wlx_random(id, sizeof(*id));
    id->Data3 = (id->Data3 & 0x0fff) | 0x4000;
    id->Data4[0] = (id->Data4[0] & 0x3f) | 0x80;
}

ULONG WINAPI EventActivityIdControl(ULONG code, LPGUID id)
{
    static const GUID zero;
    GUID *current, previous;

    if (!id || code < EVENT_ACTIVITY_CTRL_GET_ID || code > EVENT_ACTIVITY_CTRL_CREATE_SET_ID)
        return ERROR_INVALID_PARAMETER;
    if (code == EVENT_ACTIVITY_CTRL_CREATE_ID)
    {
        new_activity(id);
        return ERROR_SUCCESS;
    }
    if (code == EVENT_ACTIVITY_CTRL_GET_ID)
    {
        current = thread_activity(FALSE);
        *id = current ? *current : zero;
        return ERROR_SUCCESS;
    }
    if (!(current = thread_activity(TRUE))) return ERROR_NOT_ENOUGH_MEMORY;
    previous = *current;
    switch (code)
    {
    case EVENT_ACTIVITY_CTRL_SET_ID: *current = *id; break;
    case EVENT_ACTIVITY_CTRL_GET_SET_ID: *current = *id; *id = previous; break;
    case EVENT_ACTIVITY_CTRL_CREATE_SET_ID: new_activity(current); *id = previous; break;
    }
    return ERROR_SUCCESS;
}
