/*
 * Certificate stores. The "ROOT" system store holds the host's trusted
 * roots (rootcerts.c), one store object for the whole process; every other
 * store ("MY", "CA", memory and collection stores) opens empty, so its
 * enumerations and searches end at once with CRYPT_E_NOT_FOUND. A store
 * handle is checked by its magic, so a bad one fails with E_INVALIDARG
 * instead of crashing. CertVerifyTimeValidity works on any CERT_INFO.
 */
#include "private.h"

#define STORE_MAGIC 0x53746f72          /* "Stor" */

struct store {
    DWORD magic;
    LONG refs;
    BOOL root;                  /* the ROOT store: never freed, holds the roots */
};

static struct store root_store = { STORE_MAGIC, 1, TRUE };

static BOOL fail(DWORD error)
{
    SetLastError(error);
    return FALSE;
}

static struct store *get_store(HCERTSTORE h)
{
    struct store *s = h;
    if (!s || s->magic != STORE_MAGIC) { SetLastError(E_INVALIDARG); return NULL; }
    return s;
}

static HCERTSTORE new_store(void)
{
    struct store *s = HeapAlloc(GetProcessHeap(), 0, sizeof(*s));
    if (!s) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    s->magic = STORE_MAGIC;
    s->refs = 1;
    s->root = FALSE;
    return s;
}

/* the providers wlx can open: all of them are empty */
static BOOL known_provider(LPCSTR provider)
{
    switch ((ULONG_PTR)provider)
    {
    case (ULONG_PTR)CERT_STORE_PROV_MEMORY:
    case (ULONG_PTR)CERT_STORE_PROV_SYSTEM_A:
    case (ULONG_PTR)CERT_STORE_PROV_SYSTEM_W:
    case (ULONG_PTR)CERT_STORE_PROV_COLLECTION:
    case (ULONG_PTR)CERT_STORE_PROV_SYSTEM_REGISTRY_A:
    case (ULONG_PTR)CERT_STORE_PROV_SYSTEM_REGISTRY_W:
        return TRUE;
    default:
        return FALSE;
    }
}

/* a system store's name is "ROOT" (A or W, any case) */
static BOOL is_root_name(LPCSTR provider, const void *para)
{
    if (provider == CERT_STORE_PROV_SYSTEM_W || provider == CERT_STORE_PROV_SYSTEM_REGISTRY_W)
        return !lstrcmpiW(para, L"ROOT");
    if (provider == CERT_STORE_PROV_SYSTEM_A || provider == CERT_STORE_PROV_SYSTEM_REGISTRY_A)
        return !lstrcmpiA(para, "ROOT");
    return FALSE;
}

HCERTSTORE WINAPI CertOpenStore(LPCSTR provider, DWORD encoding, HCRYPTPROV_LEGACY prov, DWORD flags, const void *para)
{
    (void)encoding; (void)prov; (void)flags;
    if (!IS_INTRESOURCE(provider) || !known_provider(provider)) { SetLastError(ERROR_FILE_NOT_FOUND); return NULL; }
    if ((provider == CERT_STORE_PROV_SYSTEM_A || provider == CERT_STORE_PROV_SYSTEM_W) && !para)
    {
        SetLastError(E_INVALIDARG);
        return NULL;
    }
    if (para && is_root_name(provider, para)) return CertDuplicateStore(&root_store);
    return new_store();
}

HCERTSTORE WINAPI CertOpenSystemStoreW(HCRYPTPROV_LEGACY prov, LPCWSTR name)
{
    if (!name) { SetLastError(E_INVALIDARG); return NULL; }
    return CertOpenStore(CERT_STORE_PROV_SYSTEM_W, 0, prov, CERT_SYSTEM_STORE_CURRENT_USER, name);
}

HCERTSTORE WINAPI CertOpenSystemStoreA(HCRYPTPROV_LEGACY prov, LPCSTR name)
{
    if (!name) { SetLastError(E_INVALIDARG); return NULL; }
    return CertOpenStore(CERT_STORE_PROV_SYSTEM_A, 0, prov, CERT_SYSTEM_STORE_CURRENT_USER, name);
}

HCERTSTORE WINAPI CertDuplicateStore(HCERTSTORE h)
{
    struct store *s = get_store(h);
    if (s) InterlockedIncrement(&s->refs);
    return s;
}

BOOL WINAPI CertCloseStore(HCERTSTORE h, DWORD flags)
{
    struct store *s;
    (void)flags;
    if (!h) return TRUE;                              /* as Windows: closing nothing succeeds */
    if (!(s = get_store(h))) return FALSE;
    if (!InterlockedDecrement(&s->refs) && !s->root)
    {
        s->magic = 0;
        HeapFree(GetProcessHeap(), 0, s);
    }
    return TRUE;
}

/* --- contents: none ------------------------------------------------------------- */

/* the store's certificate after `prev` (the first for NULL) */
PCCERT_CONTEXT WINAPI CertEnumCertificatesInStore(HCERTSTORE h, PCCERT_CONTEXT prev)
{
    struct store *s = get_store(h);
    const PCCERT_CONTEXT *list;
    DWORD n, i = 0;

    if (!s) return NULL;
    n = s->root ? crypt32_root_certs(s, &list) : 0;
    if (prev)
    {
        while (i < n && list[i] != prev) i++;
        i++;                                          /* past prev; a foreign prev ends the walk */
        CertFreeCertificateContext(prev);
    }
    if (i < n) return list[i];
    SetLastError(CRYPT_E_NOT_FOUND);
    return NULL;
}

/* CERT_FIND_ANY walks the store; other searches find nothing */
PCCERT_CONTEXT WINAPI CertFindCertificateInStore(HCERTSTORE h, DWORD encoding, DWORD flags, DWORD type,
                                                 const void *para, PCCERT_CONTEXT prev)
{
    (void)encoding; (void)flags; (void)para;
    if (type == CERT_FIND_ANY) return CertEnumCertificatesInStore(h, prev);
    if (!get_store(h)) return NULL;
    SetLastError(CRYPT_E_NOT_FOUND);
    return NULL;
}

PCCRL_CONTEXT WINAPI CertEnumCRLsInStore(HCERTSTORE h, PCCRL_CONTEXT prev)
{
    (void)prev;
    if (!get_store(h)) return NULL;
    SetLastError(CRYPT_E_NOT_FOUND);
    return NULL;
}

/* the root contexts live as long as the process, and no other store hands
   out any: duplication is the same pointer, freeing has nothing to release */
PCCERT_CONTEXT WINAPI CertDuplicateCertificateContext(PCCERT_CONTEXT ctx)
{
    return ctx;
}

BOOL WINAPI CertFreeCertificateContext(PCCERT_CONTEXT ctx)
{
    (void)ctx;
    return TRUE;
}

BOOL WINAPI CertDeleteCertificateFromStore(PCCERT_CONTEXT ctx)
{
    if (!ctx) return fail(E_INVALIDARG);
    return fail(E_ACCESSDENIED);                      /* the roots are the host's, read-only here */
}

BOOL WINAPI CertGetCertificateContextProperty(PCCERT_CONTEXT ctx, DWORD id, void *data, DWORD *size)
{
    (void)id; (void)data;
    if (!ctx || !size) return fail(E_INVALIDARG);
    return fail(CRYPT_E_NOT_FOUND);
}

/* no extended key usage recorded: TRUE with no identifiers and
   CRYPT_E_NOT_FOUND, which documents "good for every use" */
BOOL WINAPI CertGetEnhancedKeyUsage(PCCERT_CONTEXT ctx, DWORD flags, PCERT_ENHKEY_USAGE usage, DWORD *size)
{
    (void)flags;
    if (!ctx || !size) return fail(ERROR_INVALID_PARAMETER);
    if (usage)
    {
        if (*size < sizeof(*usage)) { *size = sizeof(*usage); return fail(ERROR_MORE_DATA); }
        usage->cUsageIdentifier = 0;
        usage->rgpszUsageIdentifier = NULL;
    }
    *size = sizeof(*usage);
    SetLastError(CRYPT_E_NOT_FOUND);
    return TRUE;
}

/* -1 before NotBefore, 1 after NotAfter, 0 inside; `time` NULL: now */
LONG WINAPI CertVerifyTimeValidity(LPFILETIME time, PCERT_INFO info)
{
    FILETIME now;
    if (!time) { GetSystemTimeAsFileTime(&now); time = &now; }
    if (CompareFileTime(time, &info->NotBefore) < 0) return -1;
    if (CompareFileTime(time, &info->NotAfter) > 0) return 1;
    return 0;
}

/* PKCS#12 import needs an ASN.1 and cipher stack wlx's crypt32 does not have */
HCERTSTORE WINAPI PFXImportCertStore(CRYPT_DATA_BLOB *pfx, LPCWSTR password, DWORD flags)
{
    (void)password; (void)flags;
    SetLastError(pfx && pfx->pbData ? (DWORD)NTE_NOT_SUPPORTED : (DWORD)E_INVALIDARG);
    return NULL;
}
