/*
 * tests/ole32/com.c — apartments (CoInitializeEx's S_OK/S_FALSE/
 * RPC_E_CHANGED_MODE, OleInitialize), the task allocator, GUIDs and their
 * strings, class creation failing cleanly for an unknown class, the
 * process's security and message filter, and COM through combase.dll.
 */
#define COBJMACROS
#include "test.h"
#include <objbase.h>
#include <ole2.h>
#include <propidl.h>

static const GUID test_guid = { 0x12345678, 0x9abc, 0xdef0, { 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef } };
static const GUID unknown_clsid = { 0xdeadbeef, 0x1234, 0x5678, { 1, 2, 3, 4, 5, 6, 7, 8 } };
static const GUID null_guid;
static const GUID iid_iunknown = { 0, 0, 0, { 0xc0, 0, 0, 0, 0, 0, 0, 0x46 } };

static DWORD WINAPI mta_thread(void *arg)
{
    HRESULT *results = arg;
    results[0] = CoInitializeEx(NULL, COINIT_MULTITHREADED);
    results[1] = CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    results[2] = CoInitializeEx(NULL, COINIT_MULTITHREADED);
    CoUninitialize();
    CoUninitialize();
    results[3] = CoGetCurrentProcess();
    return 0;
}

static void test_apartments(void)
{
    HRESULT hr, results[4] = { 0 };
    HANDLE thread;
    void *obj = (void *)1;

    hr = CoCreateInstance(&unknown_clsid, NULL, CLSCTX_INPROC_SERVER, &iid_iunknown, &obj);
    ok(hr == CO_E_NOTINITIALIZED && obj == NULL, "before CoInitialize: %#lx\n", hr);

    hr = CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    ok(hr == S_OK, "first init %#lx\n", hr);
    hr = CoInitialize(NULL);
    ok(hr == S_FALSE, "second init %#lx\n", hr);
    hr = CoInitializeEx(NULL, COINIT_MULTITHREADED);
    ok(hr == RPC_E_CHANGED_MODE, "other model %#lx\n", hr);

    /* each thread has its own apartment */
    thread = CreateThread(NULL, 0, mta_thread, results, 0, NULL);
    WaitForSingleObject(thread, 5000);
    CloseHandle(thread);
    ok(results[0] == S_OK, "thread MTA init %#lx\n", results[0]);
    ok(results[1] == RPC_E_CHANGED_MODE, "thread STA over MTA %#lx\n", results[1]);
    ok(results[2] == S_FALSE, "thread second MTA %#lx\n", results[2]);
    ok(results[3] != 0 && (DWORD)results[3] != CoGetCurrentProcess(), "CoGetCurrentProcess is per thread\n");
    ok(CoGetCurrentProcess() == CoGetCurrentProcess(), "CoGetCurrentProcess changes\n");

    obj = (void *)1;
    hr = CoCreateInstance(&unknown_clsid, NULL, CLSCTX_INPROC_SERVER, &iid_iunknown, &obj);
    ok(hr == REGDB_E_CLASSNOTREG && obj == NULL, "unknown class: %#lx\n", hr);
    obj = (void *)1;
    hr = CoGetClassObject(&unknown_clsid, CLSCTX_INPROC_SERVER, NULL, &iid_iunknown, &obj);
    ok(hr == REGDB_E_CLASSNOTREG && obj == NULL, "unknown class object: %#lx\n", hr);
    ok(CoCreateInstance(&unknown_clsid, NULL, CLSCTX_INPROC_SERVER, &iid_iunknown, NULL) == E_POINTER, "NULL out\n");

    /* OleInitialize rides on the apartment */
    hr = OleInitialize(NULL);
    ok(hr == S_OK, "OleInitialize %#lx\n", hr);
    hr = OleInitialize(NULL);
    ok(hr == S_FALSE, "second OleInitialize %#lx\n", hr);
    OleUninitialize();
    OleUninitialize();

    CoUninitialize();
    CoUninitialize();
    /* out of the apartment: the model may change again */
    hr = CoInitializeEx(NULL, COINIT_MULTITHREADED);
    ok(hr == S_OK, "re-init as MTA %#lx\n", hr);
    CoUninitialize();
}

static void test_malloc(void)
{
    IMalloc *m = NULL;
    char *p;

    p = CoTaskMemAlloc(16);
    ok(p != NULL, "CoTaskMemAlloc\n");
    memset(p, 'x', 16);
    p = CoTaskMemRealloc(p, 4096);
    ok(p && p[15] == 'x', "CoTaskMemRealloc kept the contents\n");
    CoTaskMemFree(p);
    CoTaskMemFree(NULL);

    ok(CoGetMalloc(MEMCTX_TASK, &m) == S_OK && m, "CoGetMalloc\n");
    if (m)
    {
        p = IMalloc_Alloc(m, 100);
        ok(p != NULL, "IMalloc_Alloc\n");
        ok(IMalloc_GetSize(m, p) >= 100, "GetSize %Iu\n", IMalloc_GetSize(m, p));
        ok(IMalloc_DidAlloc(m, p) == 1, "DidAlloc\n");
        CoTaskMemFree(p);   /* the same allocator */
        IMalloc_Release(m);
    }
    m = (IMalloc *)1;
    ok(CoGetMalloc(MEMCTX_SHARED, &m) == E_INVALIDARG, "shared context\n");
}

static void test_guids(void)
{
    WCHAR buf[64];
    WCHAR *str = NULL;
    GUID g, g2;
    int len;

    len = StringFromGUID2(&test_guid, buf, ARRAYSIZE(buf));
    ok(len == 39 && !lstrcmpW(buf, L"{12345678-9ABC-DEF0-0123-456789ABCDEF}"), "StringFromGUID2 %d %ls\n", len, buf);
    ok(StringFromGUID2(&test_guid, buf, 38) == 0, "short buffer\n");
    ok(StringFromCLSID(&test_guid, &str) == S_OK && str && !lstrcmpW(str, buf), "StringFromCLSID\n");
    CoTaskMemFree(str);
    ok(StringFromIID(&test_guid, &str) == S_OK && str && !lstrcmpW(str, buf), "StringFromIID\n");
    CoTaskMemFree(str);

    ok(CLSIDFromString(L"{12345678-9abc-DEF0-0123-456789abcdef}", &g) == S_OK && IsEqualGUID(&g, &test_guid),
       "CLSIDFromString\n");
    ok(CLSIDFromString(L"{12345678-9abc-DEF0-0123-456789abcdeg}", &g) == CO_E_CLASSSTRING, "bad digit\n");
    ok(CLSIDFromString(L"12345678-9abc-DEF0-0123-456789abcdef", &g) == CO_E_CLASSSTRING, "no braces\n");
    ok(CLSIDFromString(NULL, &g) == S_OK && IsEqualGUID(&g, &null_guid), "NULL string\n");
    ok(IIDFromString(L"{12345678-9ABC-DEF0-0123-456789ABCDEF}", &g) == S_OK && IsEqualGUID(&g, &test_guid), "IIDFromString\n");

    ok(CoCreateGuid(&g) == S_OK && CoCreateGuid(&g2) == S_OK, "CoCreateGuid\n");
    ok(!IsEqualGUID(&g, &g2), "two equal GUIDs\n");
    ok((g.Data3 >> 12) == 4 && (g.Data4[0] & 0xc0) == 0x80, "not a version 4 GUID: %04x %02x\n", g.Data3, g.Data4[0]);
}

static DWORD WINAPI filter_mta_thread(void *arg)
{
    IMessageFilter *old = (IMessageFilter *)1;
    HRESULT hr;

    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    hr = CoRegisterMessageFilter(NULL, &old);
    CoUninitialize();
    return hr == CO_E_NOT_SUPPORTED;
}

static void test_process_settings(void)
{
    IMessageFilter *old = (IMessageFilter *)1;
    HANDLE thread;
    DWORD mta_ok = 0;
    HRESULT hr;

    CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    hr = CoRegisterMessageFilter(NULL, &old);
    ok(hr == S_OK && old == NULL, "CoRegisterMessageFilter in an STA: %#lx %p\n", hr, old);
    thread = CreateThread(NULL, 0, filter_mta_thread, NULL, 0, NULL);
    WaitForSingleObject(thread, INFINITE);
    GetExitCodeThread(thread, &mta_ok);
    CloseHandle(thread);
    ok(mta_ok, "CoRegisterMessageFilter in the MTA is not CO_E_NOT_SUPPORTED\n");

    /* the process's security is set once (Wine 8 accepts every call) */
    hr = CoInitializeSecurity(NULL, -1, NULL, NULL, RPC_C_AUTHN_LEVEL_DEFAULT, RPC_C_IMP_LEVEL_IMPERSONATE, NULL,
                              EOAC_NONE, NULL);
    ok(hr == S_OK, "CoInitializeSecurity %#lx\n", hr);
    hr = CoInitializeSecurity(NULL, -1, NULL, NULL, RPC_C_AUTHN_LEVEL_DEFAULT, RPC_C_IMP_LEVEL_IMPERSONATE, NULL,
                              EOAC_NONE, NULL);
    todo_wine(hr == RPC_E_TOO_LATE, "second CoInitializeSecurity %#lx\n", hr);
    CoUninitialize();
}

/* COM's functions are combase's on Windows (ole32 forwards them there):
   a program may take them from either */
static void test_combase(void)
{
    HMODULE combase = LoadLibraryW(L"combase.dll");
    HRESULT (WINAPI *pCoInitializeEx)(void *, DWORD);
    void (WINAPI *pCoUninitialize)(void);
    HRESULT (WINAPI *pCoCreateInstance)(REFCLSID, IUnknown *, DWORD, REFIID, void **);
    HRESULT (WINAPI *pPropVariantClear)(PROPVARIANT *);
    PROPVARIANT pv;
    void *obj = (void *)1;

    ok(combase != NULL, "no combase.dll\n");
    if (!combase) return;
    pCoInitializeEx = (void *)GetProcAddress(combase, "CoInitializeEx");
    pCoUninitialize = (void *)GetProcAddress(combase, "CoUninitialize");
    pCoCreateInstance = (void *)GetProcAddress(combase, "CoCreateInstance");
    pPropVariantClear = (void *)GetProcAddress(combase, "PropVariantClear");
    ok(pCoInitializeEx && pCoUninitialize && pCoCreateInstance && pPropVariantClear, "combase lacks COM\n");
    if (!pCoInitializeEx || !pCoUninitialize || !pCoCreateInstance || !pPropVariantClear) return;
    ok(pCoInitializeEx(NULL, COINIT_MULTITHREADED) == S_OK, "combase CoInitializeEx\n");
    ok(CoInitializeEx(NULL, COINIT_MULTITHREADED) == S_FALSE, "ole32 does not see combase's apartment\n");
    CoUninitialize();
    ok(pCoCreateInstance(&unknown_clsid, NULL, CLSCTX_INPROC_SERVER, &iid_iunknown, &obj) == REGDB_E_CLASSNOTREG &&
       obj == NULL, "combase CoCreateInstance\n");
    pCoUninitialize();
    PropVariantInit(&pv);
    pv.vt = VT_LPWSTR;
    pv.pwszVal = CoTaskMemAlloc(4);
    pv.pwszVal[0] = 0;
    ok(pPropVariantClear(&pv) == S_OK && pv.vt == VT_EMPTY, "combase PropVariantClear\n");
}

int main(void)
{
    test_start("ole32/com");
    test_apartments();
    test_malloc();
    test_guids();
    test_process_settings();
    test_combase();
    return test_summary();
}
