/*
 * tests/ole32/proxy.c — CoSetProxyBlanket and CoQueryProxyBlanket ask the
 * object for IClientSecurity and pass the call on; a local object that
 * has none answers E_NOINTERFACE.
 */
#define COBJMACROS
#include "test.h"
#include <objbase.h>

static const IID iid_client_security = { 0x0000013d, 0, 0, { 0xc0, 0, 0, 0, 0, 0, 0, 0x46 } };
static const IID iid_unknown = { 0, 0, 0, { 0xc0, 0, 0, 0, 0, 0, 0, 0x46 } };

/* one object that is its own IUnknown and, when `secure`, its own IClientSecurity */
struct object
{
    IClientSecurity iface;
    BOOL secure;
    DWORD authn_set;
    int set_calls;
};

static struct object *impl(IClientSecurity *iface) { return (struct object *)iface; }

static HRESULT WINAPI obj_QueryInterface(IClientSecurity *iface, REFIID iid, void **out)
{
    if (IsEqualIID(iid, &iid_unknown) || (impl(iface)->secure && IsEqualIID(iid, &iid_client_security)))
    {
        *out = iface;
        return S_OK;
    }
    *out = NULL;
    return E_NOINTERFACE;
}
static ULONG WINAPI obj_AddRef(IClientSecurity *iface) { return 2; }
static ULONG WINAPI obj_Release(IClientSecurity *iface) { return 1; }
static HRESULT WINAPI obj_QueryBlanket(IClientSecurity *iface, IUnknown *proxy, DWORD *authn, DWORD *authz,
                                       OLECHAR **name, DWORD *level, DWORD *imp, void **id, DWORD *caps)
{
    if (authn) *authn = impl(iface)->authn_set;
    return S_OK;
}
static HRESULT WINAPI obj_SetBlanket(IClientSecurity *iface, IUnknown *proxy, DWORD authn, DWORD authz,
                                     OLECHAR *name, DWORD level, DWORD imp, void *id, DWORD caps)
{
    impl(iface)->authn_set = authn;
    impl(iface)->set_calls++;
    return S_OK;
}
static HRESULT WINAPI obj_CopyProxy(IClientSecurity *iface, IUnknown *proxy, IUnknown **copy)
{
    return E_NOTIMPL;
}

static IClientSecurityVtbl obj_vtbl =
{
    obj_QueryInterface, obj_AddRef, obj_Release, obj_QueryBlanket, obj_SetBlanket, obj_CopyProxy,
};

int main(void)
{
    struct object plain = { { &obj_vtbl }, FALSE }, proxy = { { &obj_vtbl }, TRUE };
    DWORD authn = 0;
    HRESULT hr;

    test_start("ole32/proxy");
    CoInitializeEx(NULL, COINIT_MULTITHREADED);
    hr = CoSetProxyBlanket((IUnknown *)&plain.iface, RPC_C_AUTHN_WINNT, RPC_C_AUTHZ_NONE, NULL,
                           RPC_C_AUTHN_LEVEL_CALL, RPC_C_IMP_LEVEL_IMPERSONATE, NULL, EOAC_NONE);
    ok(hr == E_NOINTERFACE, "local object: %08lx\n", hr);
    hr = CoQueryProxyBlanket((IUnknown *)&plain.iface, &authn, NULL, NULL, NULL, NULL, NULL, NULL);
    ok(hr == E_NOINTERFACE, "query, local object: %08lx\n", hr);

    hr = CoSetProxyBlanket((IUnknown *)&proxy.iface, RPC_C_AUTHN_WINNT, RPC_C_AUTHZ_NONE, NULL,
                           RPC_C_AUTHN_LEVEL_CALL, RPC_C_IMP_LEVEL_IMPERSONATE, NULL, EOAC_NONE);
    ok(hr == S_OK && proxy.set_calls == 1, "proxy: %08lx, %d calls\n", hr, proxy.set_calls);
    hr = CoQueryProxyBlanket((IUnknown *)&proxy.iface, &authn, NULL, NULL, NULL, NULL, NULL, NULL);
    ok(hr == S_OK && authn == RPC_C_AUTHN_WINNT, "query, proxy: %08lx %lu\n", hr, authn);
    CoUninitialize();
    return test_summary();
}
