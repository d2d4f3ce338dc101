/*
 * dlls/combase/errorinfo.c — the thread's error object
 * (SetErrorInfo/GetErrorInfo, also exported as CoSetErrorInfo/
 * CoGetErrorInfo; ole32's and oleaut32's are forwarded here, as on
 * Windows, so all three DLLs share one per thread): each thread holds
 * at most one IErrorInfo reference, kept in a TLS slot of the DLL's. Set
 * takes a reference and drops the one held before; Get hands the held
 * reference over to the caller and leaves the thread with none, as Windows
 * does (a second Get answers S_FALSE).
 */
#define COBJMACROS
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <oleauto.h>

static INIT_ONCE slot_once = INIT_ONCE_STATIC_INIT;
static DWORD slot = TLS_OUT_OF_INDEXES;

static BOOL CALLBACK alloc_slot(INIT_ONCE *once, void *param, void **context)
{
    slot = TlsAlloc();
    return TRUE;
}

/* the TLS slot holding each thread's error object, TLS_OUT_OF_INDEXES when none could be had */
static DWORD error_slot(void)
{
    InitOnceExecuteOnce(&slot_once, alloc_slot, NULL, NULL);
    return slot;
}

HRESULT WINAPI SetErrorInfo(ULONG reserved, IErrorInfo *info)
{
    IErrorInfo *old;
    DWORD index;

    if (reserved) return E_INVALIDARG;
    if ((index = error_slot()) == TLS_OUT_OF_INDEXES) return E_OUTOFMEMORY;
    old = TlsGetValue(index);
    if (info) IErrorInfo_AddRef(info);
    TlsSetValue(index, info);
    if (old) IErrorInfo_Release(old);
    return S_OK;
}

HRESULT WINAPI GetErrorInfo(ULONG reserved, IErrorInfo **info)
{
    DWORD index;

    if (!info) return E_INVALIDARG;
    *info = NULL;
    if (reserved) return E_INVALIDARG;
    if ((index = error_slot()) == TLS_OUT_OF_INDEXES) return S_FALSE;
    /* the thread's reference becomes the caller's */
    *info = TlsGetValue(index);
    TlsSetValue(index, NULL);
    return *info ? S_OK : S_FALSE;
}
