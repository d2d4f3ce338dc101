/*
 * Security blankets of proxies (CoSetProxyBlanket, CoQueryProxyBlanket):
 * as on Windows, they ask the proxy for IClientSecurity and pass the call
 * on. No object of this process is a proxy (nothing is ever reached in
 * another process), so an object without IClientSecurity answers
 * E_NOINTERFACE, which is what Windows says of a local object.
 */
#include "private.h"

/* IID_IClientSecurity, defined here as no uuid library is linked */
static const IID iid_client_security = { 0x0000013d, 0, 0, { 0xc0, 0, 0, 0, 0, 0, 0, 0x46 } };

/* the proxy's IClientSecurity, or the error of asking for it */
static HRESULT client_security(IUnknown *proxy, IClientSecurity **security)
{
    *security = NULL;
    if (!proxy) return E_INVALIDARG;
    return IUnknown_QueryInterface(proxy, &iid_client_security, (void **)security);
}

HRESULT WINAPI CoSetProxyBlanket(IUnknown *proxy, DWORD authn, DWORD authz, OLECHAR *server_name,
                                 DWORD level, DWORD imp_level, RPC_AUTH_IDENTITY_HANDLE identity, DWORD caps)
{
    IClientSecurity *security;
    HRESULT hr = client_security(proxy, &security);

    if (FAILED(hr)) return hr;
    hr = IClientSecurity_SetBlanket(security, proxy, authn, authz, server_name, level, imp_level, identity, caps);
    IClientSecurity_Release(security);
    return hr;
}

HRESULT WINAPI CoQueryProxyBlanket(IUnknown *proxy, DWORD *authn, DWORD *authz, OLECHAR **server_name,
                                   DWORD *level, DWORD *imp_level, RPC_AUTH_IDENTITY_HANDLE *identity, DWORD *caps)
{
    IClientSecurity *security;
    HRESULT hr = client_security(proxy, &security);

    if (FAILED(hr)) return hr;
    hr = IClientSecurity_QueryBlanket(security, proxy, authn, authz, server_name, level, imp_level, identity, caps);
    IClientSecurity_Release(security);
    return hr;
}
