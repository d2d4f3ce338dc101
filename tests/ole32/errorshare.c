/*
 * tests/ole32/errorshare.c — the thread's error object is one, whichever
 * of combase, ole32 or oleaut32 sets or gets it; RoInitialize is the
 * thread's COM apartment (as CoInitializeEx answers it).
 */
#define COBJMACROS
#include <windows.h>
#include <objbase.h>
#include <oleauto.h>
#include "test.h"

/* a minimal IErrorInfo: only its reference count matters here */
static LONG refs = 1;
static HRESULT WINAPI qi(IErrorInfo *e, REFIID riid, void **out) { (void)e; (void)riid; *out = NULL; return E_NOINTERFACE; }
static ULONG WINAPI add_ref(IErrorInfo *e) { (void)e; return InterlockedIncrement(&refs); }
static ULONG WINAPI release(IErrorInfo *e) { (void)e; return InterlockedDecrement(&refs); }
static HRESULT WINAPI get_guid(IErrorInfo *e, GUID *g) { (void)e; (void)g; return E_NOTIMPL; }
static HRESULT WINAPI get_bstr(IErrorInfo *e, BSTR *b) { (void)e; *b = NULL; return E_NOTIMPL; }
static HRESULT WINAPI get_dword(IErrorInfo *e, DWORD *d) { (void)e; *d = 0; return E_NOTIMPL; }
static IErrorInfoVtbl vtbl = { qi, add_ref, release, get_guid, get_bstr, get_bstr, get_bstr, get_dword };
static IErrorInfo info = { &vtbl };

int main(void)
{
    HMODULE combase = LoadLibraryA("combase.dll"), ole32 = LoadLibraryA("ole32.dll"), oleaut32 = LoadLibraryA("oleaut32.dll");
    HRESULT (WINAPI *set_oa)(ULONG, IErrorInfo *) = (void *)GetProcAddress(oleaut32, "SetErrorInfo");
    HRESULT (WINAPI *get_ole)(ULONG, IErrorInfo **) = (void *)GetProcAddress(ole32, "GetErrorInfo");
    HRESULT (WINAPI *get_cb)(ULONG, IErrorInfo **) = (void *)GetProcAddress(combase, "GetErrorInfo");
    HRESULT (WINAPI *ro_init)(int) = (void *)GetProcAddress(combase, "RoInitialize");
    void (WINAPI *ro_uninit)(void) = (void *)GetProcAddress(combase, "RoUninitialize");
    IErrorInfo *got = NULL;

    ok(set_oa && get_ole && get_cb, "missing exports\n");
    if (set_oa && get_ole && get_cb)
    {
        ok(set_oa(0, &info) == S_OK && refs == 2, "oleaut32's SetErrorInfo: %ld references\n", refs);
        ok(get_ole(0, &got) == S_OK && got == &info, "ole32's GetErrorInfo gave %p\n", got);
        ok(refs == 2, "the reference moved: %ld\n", refs);
        ok(get_cb(0, &got) == S_FALSE && !got, "a second get: %p\n", got);
        IErrorInfo_Release(&info);
        ok(refs == 1, "%ld references left\n", refs);
    }

    ok(ro_init && ro_uninit, "missing RoInitialize\n");
    if (ro_init && ro_uninit)
    {
        ok(ro_init(1 /* RO_INIT_MULTITHREADED */) == S_OK, "RoInitialize failed\n");
        ok(CoInitializeEx(NULL, COINIT_MULTITHREADED) == S_FALSE, "the MTA is not the thread's\n");
        CoUninitialize();
        ok(ro_init(0 /* RO_INIT_SINGLETHREADED */) == RPC_E_CHANGED_MODE, "an STA on an MTA thread\n");
        ro_uninit();
        ok(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED) == S_OK, "the thread was left in an apartment\n");
        CoUninitialize();
    }
    return test_summary();
}
