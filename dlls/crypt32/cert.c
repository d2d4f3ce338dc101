/*
 * dlls/crypt32/cert.c — certificate contexts: making one from DER
 * (CertCreateCertificateContext: the CERT_INFO is CryptDecodeObjectEx's
 * X509_CERT_TO_BE_SIGNED), counting references, and what is read from one:
 * extensions, enhanced key usage, hash properties, names compared, times,
 * key usage bits and the usages a set of certificates allows.
 *
 * A context belongs to a store (store.c) and holds it; one made outside a
 * store names crypt32's empty store, as Windows gives such a context a
 * store of its own. The context, its CERT_INFO and its encoding are one
 * heap block plus the decoded CERT_INFO block.
 *
 * Sections: contexts · reading a certificate · properties · usages.
 */
#include "private.h"
#include <bcrypt.h>

static BOOL fail(DWORD error)
{
    SetLastError(error);
    return FALSE;
}

/* --- contexts ----------------------------------------------------------------- */

/* the context behind a caller's pointer, NULL (E_INVALIDARG) if it is none */
struct cert *cert_get(PCCERT_CONTEXT ctx)
{
    struct cert *c = (struct cert *)ctx;
    if (!c || c->magic != CERT_MAGIC) { SetLastError(E_INVALIDARG); return NULL; }
    return c;
}

/* a new context (one reference) over a copy of `der`, holding `store` */
struct cert *cert_create(const BYTE *der, DWORD size, HCERTSTORE store, DWORD *error)
{
    struct cert *c = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*c) + size);
    void *info, *signed_info;

    if (!c) { *error = ERROR_OUTOFMEMORY; return NULL; }
    memcpy(c + 1, der, size);
    /* the signed shape is checked too: a context's signature can be verified */
    if ((*error = crypt32_decode(X509_CERT, der, size, &signed_info)))
    {
        HeapFree(GetProcessHeap(), 0, c);
        return NULL;
    }
    HeapFree(GetProcessHeap(), 0, signed_info);
    if ((*error = crypt32_decode(X509_CERT_TO_BE_SIGNED, der, size, &info)))
    {
        HeapFree(GetProcessHeap(), 0, c);
        return NULL;
    }
    c->ctx.dwCertEncodingType = X509_ASN_ENCODING;
    c->ctx.pbCertEncoded = (BYTE *)(c + 1);
    c->ctx.cbCertEncoded = size;
    c->ctx.pCertInfo = info;
    c->ctx.hCertStore = store;
    c->magic = CERT_MAGIC;
    c->refs = 1;
    store_hold(store);
    return c;
}

/* the same certificate: the same encoding */
BOOL cert_same(PCCERT_CONTEXT a, PCCERT_CONTEXT b)
{
    return a->cbCertEncoded == b->cbCertEncoded && !memcmp(a->pbCertEncoded, b->pbCertEncoded, a->cbCertEncoded);
}

PCCERT_CONTEXT WINAPI CertCreateCertificateContext(DWORD encoding, const BYTE *data, DWORD size)
{
    struct cert *c;
    DWORD err;

    if ((encoding & CERT_ENCODING_TYPE_MASK) != X509_ASN_ENCODING) { SetLastError(E_INVALIDARG); return NULL; }
    if (!data || !size) { SetLastError(CRYPT_E_ASN1_EOD); return NULL; }
    if (!(c = cert_create(data, size, crypt32_empty_store, &err))) { SetLastError(err); return NULL; }
    c->ctx.dwCertEncodingType = encoding;
    return &c->ctx;
}

PCCERT_CONTEXT WINAPI CertDuplicateCertificateContext(PCCERT_CONTEXT ctx)
{
    struct cert *c = ctx ? cert_get(ctx) : NULL;
    if (c) InterlockedIncrement(&c->refs);
    return c ? &c->ctx : NULL;
}

BOOL WINAPI CertFreeCertificateContext(PCCERT_CONTEXT ctx)
{
    struct cert *c;
    HCERTSTORE store;

    if (!ctx) return TRUE;
    if (!(c = cert_get(ctx))) return FALSE;
    if (InterlockedDecrement(&c->refs)) return TRUE;
    store = c->ctx.hCertStore;
    c->magic = 0;
    while (c->props)
    {
        struct cert_prop *next = c->props->next;
        HeapFree(GetProcessHeap(), 0, c->props);
        c->props = next;
    }
    HeapFree(GetProcessHeap(), 0, c->ctx.pCertInfo);
    HeapFree(GetProcessHeap(), 0, c);
    store_release(store);
    return TRUE;
}

/* --- reading a certificate ---------------------------------------------------- */

PCERT_EXTENSION WINAPI CertFindExtension(LPCSTR oid, DWORD count, CERT_EXTENSION *exts)
{
    DWORD i;

    if (!oid || (count && !exts)) { SetLastError(E_INVALIDARG); return NULL; }
    for (i = 0; i < count; i++)
        if (exts[i].pszObjId && !strcmp(exts[i].pszObjId, oid)) return &exts[i];
    SetLastError(CRYPT_E_NOT_FOUND);
    return NULL;
}

BOOL WINAPI CertCompareCertificateName(DWORD encoding, PCERT_NAME_BLOB a, PCERT_NAME_BLOB b)
{
    (void)encoding;
    if (!a || !b) return fail(E_INVALIDARG);
    return a->cbData == b->cbData && !memcmp(a->pbData, b->pbData, a->cbData);
}

/* the same issuer and serial number */
BOOL WINAPI CertCompareCertificate(DWORD encoding, PCERT_INFO a, PCERT_INFO b)
{
    return CertCompareCertificateName(encoding, &a->Issuer, &b->Issuer) &&
           a->SerialNumber.cbData == b->SerialNumber.cbData &&
           !memcmp(a->SerialNumber.pbData, b->SerialNumber.pbData, a->SerialNumber.cbData);
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

/* the enhanced key usage extension; none means "good for every use": TRUE
   with no identifiers and CRYPT_E_NOT_FOUND */
BOOL WINAPI CertGetEnhancedKeyUsage(PCCERT_CONTEXT ctx, DWORD flags, PCERT_ENHKEY_USAGE usage, DWORD *size)
{
    const CERT_INFO *info;
    CERT_EXTENSION *ext;

    if (!ctx || !size) return fail(ERROR_INVALID_PARAMETER);
    info = ctx->pCertInfo;
    ext = flags & CERT_FIND_PROP_ONLY_ENHKEY_USAGE_FLAG ? NULL
        : CertFindExtension(szOID_ENHANCED_KEY_USAGE, info->cExtension, info->rgExtension);
    if (ext)
        return CryptDecodeObjectEx(X509_ASN_ENCODING, X509_ENHANCED_KEY_USAGE, ext->Value.pbData,
                                   ext->Value.cbData, 0, NULL, usage, size);
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

/* --- properties --------------------------------------------------------------- */

/* a digest of the encoded certificate through bcrypt */
BOOL cert_hash(PCCERT_CONTEXT ctx, const WCHAR *alg_name, BYTE *out, DWORD len)
{
    BCRYPT_ALG_HANDLE alg;
    NTSTATUS status;

    if (BCryptOpenAlgorithmProvider(&alg, alg_name, NULL, 0)) return FALSE;
    status = BCryptHash(alg, NULL, 0, ctx->pbCertEncoded, ctx->cbCertEncoded, out, len);
    BCryptCloseAlgorithmProvider(alg, 0);
    return !status;
}

/* --- properties: set ones are kept with the context; the hashes are
   computed when none was set ------------------------------------------------ */

static SRWLOCK prop_lock = SRWLOCK_INIT;

/* CRYPT_KEY_PROV_INFO made one block: the strings and parameters after it */
static BYTE *flat_key_prov_info(const CRYPT_KEY_PROV_INFO *info, DWORD *size)
{
    DWORD container = info->pwszContainerName ? (lstrlenW(info->pwszContainerName) + 1) * sizeof(WCHAR) : 0;
    DWORD provider = info->pwszProvName ? (lstrlenW(info->pwszProvName) + 1) * sizeof(WCHAR) : 0;
    DWORD params = info->cProvParam * sizeof(CRYPT_KEY_PROV_PARAM), i;
    BYTE *out, *p;

    *size = sizeof(*info) + container + provider + params;
    for (i = 0; i < info->cProvParam; i++) *size += info->rgProvParam[i].cbData;
    if (!(out = HeapAlloc(GetProcessHeap(), 0, *size))) return NULL;
    memcpy(out, info, sizeof(*info));
    p = out + sizeof(*info);
    if (params) { memcpy(p, info->rgProvParam, params); p += params; }
    if (container) { memcpy(p, info->pwszContainerName, container); p += container; }
    if (provider) { memcpy(p, info->pwszProvName, provider); p += provider; }
    for (i = 0; i < info->cProvParam; i++)
    {
        memcpy(p, info->rgProvParam[i].pbData, info->rgProvParam[i].cbData);
        p += info->rgProvParam[i].cbData;
    }
    return out;
}

/* the block's pointers made to point into it at its address now */
static void fix_key_prov_info(BYTE *flat)
{
    CRYPT_KEY_PROV_INFO *info = (CRYPT_KEY_PROV_INFO *)flat;
    BYTE *p = flat + sizeof(*info);
    DWORD i;

    if (info->cProvParam) { info->rgProvParam = (CRYPT_KEY_PROV_PARAM *)p; p += info->cProvParam * sizeof(*info->rgProvParam); }
    else info->rgProvParam = NULL;
    if (info->pwszContainerName) { info->pwszContainerName = (WCHAR *)p; p += (lstrlenW((WCHAR *)p) + 1) * sizeof(WCHAR); }
    if (info->pwszProvName) { info->pwszProvName = (WCHAR *)p; p += (lstrlenW((WCHAR *)p) + 1) * sizeof(WCHAR); }
    for (i = 0; i < info->cProvParam; i++) { info->rgProvParam[i].pbData = p; p += info->rgProvParam[i].cbData; }
}

/* data NULL removes the property; flags (persistence) matter only to
   stores kept on disk, which wlx does not write */
BOOL WINAPI CertSetCertificateContextProperty(PCCERT_CONTEXT ctx, DWORD id, DWORD flags, const void *data)
{
    struct cert *c = ctx ? cert_get(ctx) : NULL;
    struct cert_prop *prop = NULL, **pp;
    const BYTE *bytes = NULL;
    BYTE *flat = NULL;
    DWORD size = 0;

    (void)flags;
    if (!c || !id || id > CERT_LAST_USER_PROP_ID) return fail(E_INVALIDARG);
    if (data)
    {
        switch (id)
        {
        case CERT_KEY_PROV_HANDLE_PROP_ID: bytes = data; size = sizeof(HCRYPTPROV); break;
        case CERT_NCRYPT_KEY_HANDLE_PROP_ID: bytes = data; size = sizeof(ULONG_PTR); break;
        case CERT_KEY_CONTEXT_PROP_ID: bytes = data; size = ((const CERT_KEY_CONTEXT *)data)->cbSize; break;
        case CERT_DATE_STAMP_PROP_ID: bytes = data; size = sizeof(FILETIME); break;
        case CERT_KEY_PROV_INFO_PROP_ID:
            if (!(flat = flat_key_prov_info(data, &size))) return fail(ERROR_OUTOFMEMORY);
            bytes = flat;
            break;
        default:   /* a CRYPT_DATA_BLOB */
            bytes = ((const CRYPT_DATA_BLOB *)data)->pbData;
            size = ((const CRYPT_DATA_BLOB *)data)->cbData;
            break;
        }
        if (!(prop = HeapAlloc(GetProcessHeap(), 0, FIELD_OFFSET(struct cert_prop, data[size]))))
        {
            HeapFree(GetProcessHeap(), 0, flat);
            return fail(ERROR_OUTOFMEMORY);
        }
        prop->id = id;
        prop->size = size;
        if (size) memcpy(prop->data, bytes, size);
        HeapFree(GetProcessHeap(), 0, flat);
    }
    AcquireSRWLockExclusive(&prop_lock);
    for (pp = &c->props; *pp; pp = &(*pp)->next)
        if ((*pp)->id == id)
        {
            struct cert_prop *old = *pp;
            *pp = old->next;
            HeapFree(GetProcessHeap(), 0, old);
            break;
        }
    if (prop) { prop->next = c->props; c->props = prop; }
    ReleaseSRWLockExclusive(&prop_lock);
    return TRUE;
}

/* a set property into data (*size bytes); -1 when there is none */
static int get_set_prop(struct cert *c, DWORD id, void *data, DWORD *size)
{
    struct cert_prop *p;
    int ret = -1;

    AcquireSRWLockShared(&prop_lock);
    for (p = c->props; p && p->id != id; p = p->next) ;
    if (p)
    {
        if (!data) { *size = p->size; ret = TRUE; }
        else if (*size < p->size) { *size = p->size; ret = FALSE; SetLastError(ERROR_MORE_DATA); }
        else
        {
            memcpy(data, p->data, p->size);
            if (id == CERT_KEY_PROV_INFO_PROP_ID) fix_key_prov_info(data);
            *size = p->size;
            ret = TRUE;
        }
    }
    ReleaseSRWLockShared(&prop_lock);
    return ret;
}

BOOL WINAPI CertGetCertificateContextProperty(PCCERT_CONTEXT ctx, DWORD id, void *data, DWORD *size)
{
    struct cert *c = ctx ? cert_get(ctx) : NULL;
    const WCHAR *alg;
    DWORD len;
    BYTE digest[32];
    int ret;

    if (!ctx || !size) return fail(E_INVALIDARG);
    if (c && (ret = get_set_prop(c, id, data, size)) >= 0) return ret;
    switch (id)
    {
    case CERT_SHA1_HASH_PROP_ID: alg = BCRYPT_SHA1_ALGORITHM; len = 20; break;
    case CERT_MD5_HASH_PROP_ID: alg = BCRYPT_MD5_ALGORITHM; len = 16; break;
    case CERT_SHA256_HASH_PROP_ID: alg = BCRYPT_SHA256_ALGORITHM; len = 32; break;
    default: return fail(CRYPT_E_NOT_FOUND);
    }
    if (data && *size < len) { *size = len; return fail(ERROR_MORE_DATA); }
    *size = len;
    if (!data) return TRUE;
    if (!cert_hash(ctx, alg, digest, len)) return fail(NTE_BAD_ALGID);
    memcpy(data, digest, len);
    return TRUE;
}

/* --- usages ------------------------------------------------------------------- */

/* the key usage extension's bits, up to `size` bytes (the rest zeroed);
   FALSE (with all zeroed) when the certificate has none */
BOOL WINAPI CertGetIntendedKeyUsage(DWORD encoding, PCERT_INFO info, BYTE *usage, DWORD size)
{
    CERT_EXTENSION *ext;
    CRYPT_BIT_BLOB *bits;
    DWORD n;

    (void)encoding;
    if (!info || (size && !usage)) return fail(ERROR_INVALID_PARAMETER);
    if (size) memset(usage, 0, size);
    if (!(ext = CertFindExtension(szOID_KEY_USAGE, info->cExtension, info->rgExtension)))
    {
        SetLastError(0);
        return FALSE;
    }
    if (crypt32_decode(X509_KEY_USAGE, ext->Value.pbData, ext->Value.cbData, (void **)&bits))
        return fail(CRYPT_E_ASN1_BADTAG);
    n = min(size, bits->cbData);
    if (n) memcpy(usage, bits->pbData, n);
    HeapFree(GetProcessHeap(), 0, bits);
    return TRUE;
}

/* an OID list's place in the caller's block: the pointers, then the strings */
static BOOL give_oids(char **oids, int count, LPSTR *out, DWORD *size)
{
    DWORD need = count * sizeof(LPSTR), i;
    char *p;

    for (i = 0; i < (DWORD)count; i++) need += strlen(oids[i]) + 1;
    if (!out) { *size = need; return TRUE; }
    if (*size < need) { *size = need; return fail(ERROR_MORE_DATA); }
    *size = need;
    p = (char *)(out + count);
    for (i = 0; i < (DWORD)count; i++)
    {
        out[i] = p;
        strcpy(p, oids[i]);
        p += strlen(p) + 1;
    }
    return TRUE;
}

/* the enhanced key usages all the certificates allow: -1 when none of them
   restricts its usages, else the OIDs every restricting one names */
BOOL WINAPI CertGetValidUsages(DWORD count, PCCERT_CONTEXT *certs, int *num, LPSTR *oids, DWORD *size)
{
    CERT_ENHKEY_USAGE *usage, *first = NULL;
    char **kept = NULL;
    int n = -1, j, k;
    DWORD i, len;
    BOOL ret;

    if (!num || !size || (count && !certs)) return fail(ERROR_INVALID_PARAMETER);
    for (i = 0; i < count; i++)
    {
        len = 0;
        if (!CertGetEnhancedKeyUsage(certs[i], 0, NULL, &len)) continue;
        if (!(usage = HeapAlloc(GetProcessHeap(), 0, len))) { ret = fail(ERROR_OUTOFMEMORY); goto done; }
        if (!CertGetEnhancedKeyUsage(certs[i], 0, usage, &len) || !usage->cUsageIdentifier)
        {
            HeapFree(GetProcessHeap(), 0, usage);
            continue;
        }
        if (n < 0)                                   /* the first restriction: its list */
        {
            first = usage;
            kept = (char **)usage->rgpszUsageIdentifier;
            n = usage->cUsageIdentifier;
            continue;
        }
        for (j = k = 0; j < n; j++)                  /* later ones: what they also name */
        {
            DWORD m;
            for (m = 0; m < usage->cUsageIdentifier && strcmp(usage->rgpszUsageIdentifier[m], kept[j]); m++) {}
            if (m < usage->cUsageIdentifier) kept[k++] = kept[j];
        }
        n = k;
        HeapFree(GetProcessHeap(), 0, usage);
    }
    *num = n;
    ret = give_oids(kept, max(n, 0), oids, size);
done:
    HeapFree(GetProcessHeap(), 0, first);
    return ret;
}
