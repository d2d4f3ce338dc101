/*
 * tests/oleaut32/errorinfo.c — the thread's error object: SetErrorInfo
 * takes a reference, GetErrorInfo hands it over and clears it, each thread
 * has its own.
 */
#define COBJMACROS
#include "test.h"
#include <oleauto.h>

/* a minimal IErrorInfo that counts its references */
struct error_object
{
    IErrorInfo iface;
    LONG refs;
};

static struct error_object *impl(IErrorInfo *iface) { return (struct error_object *)iface; }

static HRESULT WINAPI eo_QueryInterface(IErrorInfo *iface, REFIID iid, void **out)
{
    if (IsEqualIID(iid, &IID_IUnknown) || IsEqualIID(iid, &IID_IErrorInfo))
    {
        *out = iface;
        IErrorInfo_AddRef(iface);
        return S_OK;
    }
    *out = NULL;
    return E_NOINTERFACE;
}
static ULONG WINAPI eo_AddRef(IErrorInfo *iface) { return InterlockedIncrement(&impl(iface)->refs); }
static ULONG WINAPI eo_Release(IErrorInfo *iface) { return InterlockedDecrement(&impl(iface)->refs); }
static HRESULT WINAPI eo_GetGUID(IErrorInfo *iface, GUID *guid) { *guid = GUID_NULL; return S_OK; }
static HRESULT WINAPI eo_GetSource(IErrorInfo *iface, BSTR *s) { *s = NULL; return S_OK; }
static HRESULT WINAPI eo_GetDescription(IErrorInfo *iface, BSTR *s) { *s = NULL; return S_OK; }
static HRESULT WINAPI eo_GetHelpFile(IErrorInfo *iface, BSTR *s) { *s = NULL; return S_OK; }
static HRESULT WINAPI eo_GetHelpContext(IErrorInfo *iface, DWORD *c) { *c = 0; return S_OK; }

static IErrorInfoVtbl eo_vtbl =
{
    eo_QueryInterface, eo_AddRef, eo_Release, eo_GetGUID, eo_GetSource,
    eo_GetDescription, eo_GetHelpFile, eo_GetHelpContext,
};

static struct error_object first = { { &eo_vtbl }, 1 }, second = { { &eo_vtbl }, 1 };

/* another thread sees none of the main thread's error object, and sets its own */
static DWORD WINAPI other_thread(void *arg)
{
    IErrorInfo *got = (IErrorInfo *)0xdeadbeef;
    HRESULT hr = GetErrorInfo(0, &got);

    ok(hr == S_FALSE && !got, "other thread: %08lx %p\n", hr, got);
    ok(SetErrorInfo(0, &second.iface) == S_OK, "other thread: SetErrorInfo\n");
    return 0;
}

int main(void)
{
    IErrorInfo *got = (IErrorInfo *)0xdeadbeef;
    HANDLE thread;
    HRESULT hr;

    test_start("oleaut32/errorinfo");
    hr = GetErrorInfo(0, &got);
    ok(hr == S_FALSE && !got, "none set: %08lx %p\n", hr, got);
    ok(GetErrorInfo(1, &got) == E_INVALIDARG, "reserved argument accepted\n");
    ok(SetErrorInfo(1, &first.iface) == E_INVALIDARG, "reserved argument accepted\n");
    ok(first.refs == 1, "refs %ld after a rejected set\n", first.refs);

    ok(SetErrorInfo(0, &first.iface) == S_OK, "SetErrorInfo failed\n");
    ok(first.refs == 2, "SetErrorInfo took %ld references\n", first.refs - 1);
    /* replacing it drops the thread's reference to the first */
    ok(SetErrorInfo(0, &second.iface) == S_OK, "SetErrorInfo failed\n");
    ok(first.refs == 1 && second.refs == 2, "refs %ld %ld\n", first.refs, second.refs);
    /* Get hands the thread's reference over: no new one, and the thread has none left */
    hr = GetErrorInfo(0, &got);
    ok(hr == S_OK && got == &second.iface, "GetErrorInfo: %08lx %p\n", hr, got);
    ok(second.refs == 2, "GetErrorInfo changed the references: %ld\n", second.refs);
    IErrorInfo_Release(got);
    hr = GetErrorInfo(0, &got);
    ok(hr == S_FALSE && !got, "second GetErrorInfo: %08lx %p\n", hr, got);
    /* NULL clears */
    SetErrorInfo(0, &first.iface);
    ok(SetErrorInfo(0, NULL) == S_OK, "SetErrorInfo(NULL) failed\n");
    ok(first.refs == 1, "clearing kept %ld references\n", first.refs - 1);
    ok(GetErrorInfo(0, &got) == S_FALSE, "cleared, still an error object\n");

    /* per thread */
    SetErrorInfo(0, &first.iface);
    thread = CreateThread(NULL, 0, other_thread, NULL, 0, NULL);
    WaitForSingleObject(thread, 5000);
    CloseHandle(thread);
    hr = GetErrorInfo(0, &got);
    ok(hr == S_OK && got == &first.iface, "main thread's object: %08lx %p\n", hr, got);
    if (got) IErrorInfo_Release(got);
    return test_summary();
}
