/*
 * SSPI without security packages: wlx provides no Negotiate, NTLM,
 * Kerberos or Schannel (TLS) provider, so the package list is empty, asking
 * for a package or credentials says SEC_E_SECPKG_NOT_FOUND, and every call
 * on a credential or context handle says SEC_E_INVALID_HANDLE (none can
 * exist). Programs that use Schannel for HTTPS then report a clean TLS
 * error instead of crashing on a missing export.
 */
#include "private.h"

/* --- packages ----------------------------------------------------------------- */

SECURITY_STATUS WINAPI EnumerateSecurityPackagesW(ULONG *count, PSecPkgInfoW *info)
{
    if (!count || !info) return SEC_E_INVALID_TOKEN;
    *count = 0;
    *info = NULL;
    return SEC_E_OK;
}

SECURITY_STATUS WINAPI EnumerateSecurityPackagesA(ULONG *count, PSecPkgInfoA *info)
{
    return EnumerateSecurityPackagesW(count, (PSecPkgInfoW *)info);
}

SECURITY_STATUS WINAPI QuerySecurityPackageInfoW(SEC_WCHAR *name, PSecPkgInfoW *info)
{
    if (info) *info = NULL;
    return SEC_E_SECPKG_NOT_FOUND;
}

SECURITY_STATUS WINAPI QuerySecurityPackageInfoA(SEC_CHAR *name, PSecPkgInfoA *info)
{
    if (info) *info = NULL;
    return SEC_E_SECPKG_NOT_FOUND;
}

/* the buffers SSPI hands out come from the process heap; none is handed out here, NULL is fine */
SECURITY_STATUS WINAPI FreeContextBuffer(void *buffer)
{
    if (buffer) HeapFree(GetProcessHeap(), 0, buffer);
    return SEC_E_OK;
}

/* --- credentials ------------------------------------------------------------------- */

SECURITY_STATUS WINAPI AcquireCredentialsHandleW(SEC_WCHAR *principal, SEC_WCHAR *package, ULONG use, void *logon_id,
                                                 void *auth_data, SEC_GET_KEY_FN get_key, void *get_key_arg,
                                                 PCredHandle cred, PTimeStamp expiry)
{
    return SEC_E_SECPKG_NOT_FOUND;
}

SECURITY_STATUS WINAPI AcquireCredentialsHandleA(SEC_CHAR *principal, SEC_CHAR *package, ULONG use, void *logon_id,
                                                 void *auth_data, SEC_GET_KEY_FN get_key, void *get_key_arg,
                                                 PCredHandle cred, PTimeStamp expiry)
{
    return SEC_E_SECPKG_NOT_FOUND;
}

/* every handle is invalid, as none was ever given */
static SECURITY_STATUS no_handle(void) { return SEC_E_INVALID_HANDLE; }

SECURITY_STATUS WINAPI FreeCredentialsHandle(PCredHandle cred) { return no_handle(); }

SECURITY_STATUS WINAPI QueryCredentialsAttributesW(PCredHandle cred, ULONG attr, void *buf) { return no_handle(); }

SECURITY_STATUS WINAPI QueryCredentialsAttributesA(PCredHandle cred, ULONG attr, void *buf) { return no_handle(); }

/* --- contexts --------------------------------------------------------------------- */

SECURITY_STATUS WINAPI InitializeSecurityContextW(PCredHandle cred, PCtxtHandle ctx, SEC_WCHAR *target, ULONG req,
                                                  ULONG reserved1, ULONG rep, PSecBufferDesc input, ULONG reserved2,
                                                  PCtxtHandle new_ctx, PSecBufferDesc output, ULONG *attrs,
                                                  PTimeStamp expiry)
{
    return no_handle();
}

SECURITY_STATUS WINAPI InitializeSecurityContextA(PCredHandle cred, PCtxtHandle ctx, SEC_CHAR *target, ULONG req,
                                                  ULONG reserved1, ULONG rep, PSecBufferDesc input, ULONG reserved2,
                                                  PCtxtHandle new_ctx, PSecBufferDesc output, ULONG *attrs,
                                                  PTimeStamp expiry)
{
    return no_handle();
}

SECURITY_STATUS WINAPI AcceptSecurityContext(PCredHandle cred, PCtxtHandle ctx, PSecBufferDesc input, ULONG req,
                                             ULONG rep, PCtxtHandle new_ctx, PSecBufferDesc output, ULONG *attrs,
                                             PTimeStamp expiry)
{
    return no_handle();
}

SECURITY_STATUS WINAPI CompleteAuthToken(PCtxtHandle ctx, PSecBufferDesc token) { return no_handle(); }
SECURITY_STATUS WINAPI DeleteSecurityContext(PCtxtHandle ctx) { return no_handle(); }
SECURITY_STATUS WINAPI ApplyControlToken(PCtxtHandle ctx, PSecBufferDesc input) { return no_handle(); }
SECURITY_STATUS WINAPI QueryContextAttributesW(PCtxtHandle ctx, ULONG attr, void *buf) { return no_handle(); }
SECURITY_STATUS WINAPI QueryContextAttributesA(PCtxtHandle ctx, ULONG attr, void *buf) { return no_handle(); }
SECURITY_STATUS WINAPI ImpersonateSecurityContext(PCtxtHandle ctx) { return no_handle(); }
SECURITY_STATUS WINAPI RevertSecurityContext(PCtxtHandle ctx) { return no_handle(); }
SECURITY_STATUS WINAPI QuerySecurityContextToken(PCtxtHandle ctx, void **token) { return no_handle(); }

SECURITY_STATUS WINAPI MakeSignature(PCtxtHandle ctx, ULONG qop, PSecBufferDesc msg, ULONG seq)
{
    return no_handle();
}

SECURITY_STATUS WINAPI VerifySignature(PCtxtHandle ctx, PSecBufferDesc msg, ULONG seq, ULONG *qop)
{
    return no_handle();
}

SECURITY_STATUS WINAPI EncryptMessage(PCtxtHandle ctx, ULONG qop, PSecBufferDesc msg, ULONG seq)
{
    return no_handle();
}

SECURITY_STATUS WINAPI DecryptMessage(PCtxtHandle ctx, PSecBufferDesc msg, ULONG seq, ULONG *qop)
{
    return no_handle();
}

/* --- the dispatch tables (InitSecurityInterface) ----------------------------------- */

static SecurityFunctionTableW table_w =
{
    .dwVersion = SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION,
    .EnumerateSecurityPackagesW = EnumerateSecurityPackagesW,
    .QueryCredentialsAttributesW = QueryCredentialsAttributesW,
    .AcquireCredentialsHandleW = AcquireCredentialsHandleW,
    .FreeCredentialsHandle = FreeCredentialsHandle,
    .InitializeSecurityContextW = InitializeSecurityContextW,
    .AcceptSecurityContext = AcceptSecurityContext,
    .CompleteAuthToken = CompleteAuthToken,
    .DeleteSecurityContext = DeleteSecurityContext,
    .ApplyControlToken = ApplyControlToken,
    .QueryContextAttributesW = QueryContextAttributesW,
    .ImpersonateSecurityContext = ImpersonateSecurityContext,
    .RevertSecurityContext = RevertSecurityContext,
    .MakeSignature = MakeSignature,
    .VerifySignature = VerifySignature,
    .FreeContextBuffer = FreeContextBuffer,
    .QuerySecurityPackageInfoW = QuerySecurityPackageInfoW,
    .QuerySecurityContextToken = QuerySecurityContextToken,
    .EncryptMessage = EncryptMessage,
    .DecryptMessage = DecryptMessage,
};

static SecurityFunctionTableA table_a =
{
    .dwVersion = SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION,
    .EnumerateSecurityPackagesA = EnumerateSecurityPackagesA,
    .QueryCredentialsAttributesA = QueryCredentialsAttributesA,
    .AcquireCredentialsHandleA = AcquireCredentialsHandleA,
    .FreeCredentialsHandle = FreeCredentialsHandle,
    .InitializeSecurityContextA = InitializeSecurityContextA,
    .AcceptSecurityContext = AcceptSecurityContext,
    .CompleteAuthToken = CompleteAuthToken,
    .DeleteSecurityContext = DeleteSecurityContext,
    .ApplyControlToken = ApplyControlToken,
    .QueryContextAttributesA = QueryContextAttributesA,
    .ImpersonateSecurityContext = ImpersonateSecurityContext,
    .RevertSecurityContext = RevertSecurityContext,
    .MakeSignature = MakeSignature,
    .VerifySignature = VerifySignature,
    .FreeContextBuffer = FreeContextBuffer,
    .QuerySecurityPackageInfoA = QuerySecurityPackageInfoA,
    .QuerySecurityContextToken = QuerySecurityContextToken,
    .EncryptMessage = EncryptMessage,
    .DecryptMessage = DecryptMessage,
};

PSecurityFunctionTableW WINAPI InitSecurityInterfaceW(void) { return &table_w; }
PSecurityFunctionTableA WINAPI InitSecurityInterfaceA(void) { return &table_a; }
