/*
 * Apartments: CoInitialize(Ex)/CoUninitialize and OleInitialize count per
 * thread and remember the thread's model (the first call's), as Windows
 * does; no object is ever created across them yet, so CoCreateInstance and
 * CoGetClassObject answer REGDB_E_CLASSNOTREG once the thread is inside an
 * apartment (CO_E_NOTINITIALIZED before). CoGetApartmentType tells a
 * thread its apartment (the process's first single-threaded one is the
 * "main" STA; a thread outside any is in the implicit MTA while some other
 * thread holds the MTA) and CoWaitForMultipleHandles waits as a thread
 * outside a message loop does.
 */
#include "private.h"

struct apartment {
    LONG inits;        /* CoInitialize(Ex) calls not yet undone */
    LONG ole_inits;    /* OleInitialize calls not yet undone */
    DWORD model;       /* COINIT_APARTMENTTHREADED or COINIT_MULTITHREADED */
    DWORD id;          /* CoGetCurrentProcess's number, 0 until asked */
};

static DWORD tls_index = TLS_OUT_OF_INDEXES;
static LONG next_thread_number;
static LONG mta_threads;           /* threads inside the multithreaded apartment */
static LONG main_sta_thread;       /* the first thread to enter a single-threaded one, while it stays */

/* the thread's state; created on first use when `create` */
static struct apartment *thread_state(BOOL create)
{
    struct apartment *apt;

    if (tls_index == TLS_OUT_OF_INDEXES) return NULL;
    apt = TlsGetValue(tls_index);
    if (!apt && create && (apt = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*apt))))
        TlsSetValue(tls_index, apt);
    return apt;
}

BOOL ole32_thread_initialized(void)
{
    struct apartment *apt = thread_state(FALSE);
    return apt && apt->inits > 0;
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, void *reserved)
{
    switch (reason)
    {
    case DLL_PROCESS_ATTACH:
        tls_index = TlsAlloc();
        break;
    case DLL_THREAD_DETACH:
        HeapFree(GetProcessHeap(), 0, thread_state(FALSE));
        break;
    case DLL_PROCESS_DETACH:
        if (!reserved && tls_index != TLS_OUT_OF_INDEXES) TlsFree(tls_index);
        break;
    }
    return TRUE;
}

HRESULT WINAPI CoInitializeEx(LPVOID reserved, DWORD flags)
{
    struct apartment *apt;
    DWORD model = (flags & COINIT_APARTMENTTHREADED) ? COINIT_APARTMENTTHREADED : COINIT_MULTITHREADED;

    if (reserved) return E_INVALIDARG;
    if (!(apt = thread_state(TRUE))) return E_OUTOFMEMORY;
    if (apt->inits > 0 && apt->model != model) return RPC_E_CHANGED_MODE;
    apt->model = model;
    if (apt->inits++) return S_FALSE;
    if (model == COINIT_MULTITHREADED) InterlockedIncrement(&mta_threads);
    else InterlockedCompareExchange(&main_sta_thread, GetCurrentThreadId(), 0);
    return S_OK;
}

HRESULT WINAPI CoInitialize(LPVOID reserved)
{
    /* reserved is ignored here (Windows: "must be NULL", but not checked) */
    return CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
}

void WINAPI CoUninitialize(void)
{
    struct apartment *apt = thread_state(FALSE);
    if (!apt || apt->inits <= 0 || --apt->inits) return;
    if (apt->model == COINIT_MULTITHREADED) InterlockedDecrement(&mta_threads);
    else InterlockedCompareExchange(&main_sta_thread, 0, GetCurrentThreadId());
}

/* the calling thread's apartment: its own, else the implicit MTA while
   another thread keeps the MTA alive, else CO_E_NOTINITIALIZED */
HRESULT WINAPI CoGetApartmentType(APTTYPE *type, APTTYPEQUALIFIER *qualifier)
{
    struct apartment *apt = thread_state(FALSE);

    if (!type || !qualifier) return E_INVALIDARG;
    *type = APTTYPE_CURRENT;
    *qualifier = APTTYPEQUALIFIER_NONE;
    if (apt && apt->inits > 0)
    {
        if (apt->model == COINIT_MULTITHREADED) *type = APTTYPE_MTA;
        else *type = (DWORD)main_sta_thread == GetCurrentThreadId() ? APTTYPE_MAINSTA : APTTYPE_STA;
        return S_OK;
    }
    if (mta_threads > 0)
    {
        *type = APTTYPE_MTA;
        *qualifier = APTTYPEQUALIFIER_IMPLICIT_MTA;
        return S_OK;
    }
    return CO_E_NOTINITIALIZED;
}

/* a wait on the handles (all of them with COWAIT_WAITALL), alertable with
   COWAIT_ALERTABLE; RPC_S_CALLPENDING when the time runs out */
HRESULT WINAPI CoWaitForMultipleHandles(DWORD flags, DWORD timeout, ULONG count, HANDLE *handles, DWORD *index)
{
    DWORD r;

    if (!index) return E_INVALIDARG;
    *index = 0;
    if (!handles) return E_INVALIDARG;
    if (!count) return RPC_E_NO_SYNC;
    r = WaitForMultipleObjectsEx(count, handles, (flags & COWAIT_WAITALL) != 0, timeout, (flags & COWAIT_ALERTABLE) != 0);
    if (r == WAIT_TIMEOUT) return RPC_S_CALLPENDING;
    if (r == WAIT_IO_COMPLETION) { *index = WAIT_IO_COMPLETION; return S_OK; }
    if (r == WAIT_FAILED) return HRESULT_FROM_WIN32(GetLastError());
    *index = r >= WAIT_ABANDONED_0 && r < WAIT_ABANDONED_0 + count ? r - WAIT_ABANDONED_0 : r - WAIT_OBJECT_0;
    return S_OK;
}

HRESULT WINAPI OleInitialize(LPVOID reserved)
{
    HRESULT hr = CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    struct apartment *apt;

    if (FAILED(hr)) return hr;
    apt = thread_state(FALSE);
    /* the first OleInitialize of the thread says S_OK even after CoInitialize */
    return apt->ole_inits++ ? S_FALSE : S_OK;
}

void WINAPI OleUninitialize(void)
{
    struct apartment *apt = thread_state(FALSE);

    if (!apt || apt->ole_inits <= 0) return;
    apt->ole_inits--;
    CoUninitialize();
}

/* The process's COM security, set once: nothing is ever called from
   another process, so the values are only remembered as set; a second call
   is too late, as on Windows (tests/ole32/com.c) */
HRESULT WINAPI CoInitializeSecurity(PSECURITY_DESCRIPTOR sd, LONG count, SOLE_AUTHENTICATION_SERVICE *services,
                                    void *reserved1, DWORD authn, DWORD imp, void *list, DWORD caps, void *reserved3)
{
    static LONG security_set;

    return InterlockedExchange(&security_set, 1) ? RPC_E_TOO_LATE : S_OK;
}

/* a number unique to the calling thread (not the process, despite the name) */
DWORD WINAPI CoGetCurrentProcess(void)
{
    struct apartment *apt = thread_state(TRUE);

    if (!apt) return 0;
    if (!apt->id) apt->id = InterlockedIncrement(&next_thread_number);
    return apt->id;
}

/* single-threaded apartments may register a filter; no call ever reaches it */
HRESULT WINAPI CoRegisterMessageFilter(LPMESSAGEFILTER filter, LPMESSAGEFILTER *old)
{
    struct apartment *apt = thread_state(FALSE);

    if (old) *old = NULL;
    if (!apt || !apt->inits || apt->model != COINIT_APARTMENTTHREADED) return CO_E_NOT_SUPPORTED;
    return S_OK;
}

/* no class is registered: the registry's CLSID keys are not read yet */
HRESULT WINAPI CoGetClassObject(REFCLSID clsid, DWORD context, LPVOID server, REFIID iid, LPVOID *obj)
{
    if (!obj || !clsid || !iid) return E_INVALIDARG;
    *obj = NULL;
    if (!ole32_thread_initialized()) return CO_E_NOTINITIALIZED;
    return REGDB_E_CLASSNOTREG;
}

HRESULT WINAPI CoCreateInstance(REFCLSID clsid, LPUNKNOWN outer, DWORD context, REFIID iid, LPVOID *obj)
{
    if (!obj) return E_POINTER;
    *obj = NULL;
    if (!clsid || !iid) return E_INVALIDARG;
    if (!ole32_thread_initialized()) return CO_E_NOTINITIALIZED;
    return REGDB_E_CLASSNOTREG;
}

HRESULT WINAPI CoCreateInstanceEx(REFCLSID clsid, LPUNKNOWN outer, DWORD context, COSERVERINFO *server,
                                  ULONG count, MULTI_QI *results)
{
    if (!count || !results) return E_INVALIDARG;
    for (ULONG i = 0; i < count; i++)
    {
        results[i].pItf = NULL;
        results[i].hr = REGDB_E_CLASSNOTREG;
    }
    if (!ole32_thread_initialized()) return CO_E_NOTINITIALIZED;
    return REGDB_E_CLASSNOTREG;
}
