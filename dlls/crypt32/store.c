/*
 * Certificate stores. A store is a list of certificate contexts, each
 * held once by the list. The "ROOT" system store is one store object for
 * the whole process, filled on first use with the host's trusted roots
 * (rootcerts.c); memory, collection and the other system stores ("MY",
 * "CA") open empty and keep what is added to them for the life of the
 * handle. A store handle is checked by its magic, so a bad one fails with
 * E_INVALIDARG instead of crashing.
 *
 * Lifetime: a store counts its open handles and its holds (the handles
 * plus every context naming it). The last handle closed empties the list;
 * the last hold freed frees the store, so contexts outlive their store's
 * handle as on Windows. One lock guards every list.
 *
 * Sections: stores · contents · adding and deleting · searching.
 */
#include "private.h"
#include <bcrypt.h>

#define STORE_MAGIC 0x53746f72          /* "Stor" */

struct store {
    DWORD magic;
    LONG handles;               /* open handles */
    LONG holds;                 /* handles + contexts naming this store */
    BOOL is_static;             /* ROOT and the empty store: never freed */
    struct cert *first, *last;  /* the list, in the order added */
};

static struct store root_store = { STORE_MAGIC, 1, 1, TRUE };
static struct store empty_store = { STORE_MAGIC, 1, 1, TRUE };
HCERTSTORE crypt32_empty_store = &empty_store;
static SRWLOCK store_lock = SRWLOCK_INIT;

static BOOL fail(DWORD error)
{
    SetLastError(error);
    return FALSE;
}

/* --- stores ------------------------------------------------------------------- */

static struct store *get_store(HCERTSTORE h)
{
    struct store *s = h;
    if (!s || s->magic != STORE_MAGIC) { SetLastError(E_INVALIDARG); return NULL; }
    if (s == &root_store) crypt32_load_roots(s);
    return s;
}

void store_hold(HCERTSTORE h)
{
    InterlockedIncrement(&((struct store *)h)->holds);
}

void store_release(HCERTSTORE h)
{
    struct store *s = h;
    if (InterlockedDecrement(&s->holds) || s->is_static) return;
    s->magic = 0;
    HeapFree(GetProcessHeap(), 0, s);
}

static HCERTSTORE new_store(void)
{
    struct store *s = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*s));
    if (!s) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    s->magic = STORE_MAGIC;
    s->handles = s->holds = 1;
    return s;
}

/* the providers wlx can open */
static BOOL known_provider(LPCSTR provider)
{
    switch ((ULONG_PTR)provider)
    {
    case (ULONG_PTR)CERT_STORE_PROV_MEMORY:
    case (ULONG_PTR)CERT_STORE_PROV_MSG:
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

/* CERT_STORE_PROV_MSG: a memory store holding the certificates a decoded
   message carries (msg.c answers CMSG_CERT_PARAM) */
static HCERTSTORE msg_store(HCRYPTMSG msg)
{
    DWORD count = 0, size = sizeof(count), i, len;
    HCERTSTORE store;
    BYTE *der;

    if (!msg) { SetLastError(E_INVALIDARG); return NULL; }
    if (!CryptMsgGetParam(msg, CMSG_CERT_COUNT_PARAM, 0, &count, &size)) return NULL;
    if (!(store = new_store())) return NULL;
    for (i = 0; i < count; i++)
    {
        if (!CryptMsgGetParam(msg, CMSG_CERT_PARAM, i, NULL, &len) || !(der = HeapAlloc(GetProcessHeap(), 0, len)))
            continue;
        /* one that does not decode (an attribute certificate) is left out */
        if (CryptMsgGetParam(msg, CMSG_CERT_PARAM, i, der, &len))
            CertAddEncodedCertificateToStore(store, X509_ASN_ENCODING, der, len, CERT_STORE_ADD_ALWAYS, NULL);
        HeapFree(GetProcessHeap(), 0, der);
    }
    return store;
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
    if (provider == CERT_STORE_PROV_MSG) return msg_store((HCRYPTMSG)para);
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
    if (!s) return NULL;
    InterlockedIncrement(&s->handles);
    InterlockedIncrement(&s->holds);
    return s;
}

BOOL WINAPI CertCloseStore(HCERTSTORE h, DWORD flags)
{
    struct store *s;
    struct cert *list = NULL, *next;

    (void)flags;
    if (!h) return TRUE;                              /* as Windows: closing nothing succeeds */
    if (!(s = get_store(h))) return FALSE;
    AcquireSRWLockExclusive(&store_lock);
    if (!InterlockedDecrement(&s->handles) && !s->is_static)
    {
        list = s->first;                              /* the last handle: the list lets go */
        s->first = s->last = NULL;
        for (next = list; next; next = next->next) next->listed = FALSE;
    }
    ReleaseSRWLockExclusive(&store_lock);
    for (; list; list = next)
    {
        next = list->next;
        CertFreeCertificateContext(&list->ctx);
    }
    store_release(s);
    return TRUE;
}

/* --- contents ----------------------------------------------------------------- */

/* puts a new context (its one reference becomes the list's) at the end */
void store_append(HCERTSTORE h, struct cert *cert)
{
    struct store *s = h;
    AcquireSRWLockExclusive(&store_lock);
    cert->listed = TRUE;
    cert->next = NULL;
    if (s->last) s->last->next = cert;
    else s->first = cert;
    s->last = cert;
    ReleaseSRWLockExclusive(&store_lock);
}

/* the store's certificate after `prev` (the first for NULL), referenced;
   `prev` is freed */
PCCERT_CONTEXT WINAPI CertEnumCertificatesInStore(HCERTSTORE h, PCCERT_CONTEXT prev)
{
    struct store *s = get_store(h);
    struct cert *c = NULL, *p = prev ? cert_get(prev) : NULL;

    if (!s || (prev && !p)) return NULL;
    AcquireSRWLockShared(&store_lock);
    if (!p) c = s->first;
    else if (p->listed && p->ctx.hCertStore == s) c = p->next;   /* a foreign prev ends the walk */
    if (c) InterlockedIncrement(&c->refs);
    ReleaseSRWLockShared(&store_lock);
    if (p) CertFreeCertificateContext(prev);
    if (c) return &c->ctx;
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

/* --- adding and deleting ------------------------------------------------------ */

/* takes `c` out of its store's list (the list's reference is the caller's now) */
static BOOL unlink_cert(struct store *s, struct cert *c)
{
    struct cert **p, *prev = NULL;
    BOOL found = FALSE;

    AcquireSRWLockExclusive(&store_lock);
    for (p = &s->first; *p; prev = *p, p = &(*p)->next)
    {
        if (*p != c) continue;
        *p = c->next;
        if (s->last == c) s->last = prev;
        c->listed = FALSE;
        found = TRUE;
        break;
    }
    ReleaseSRWLockExclusive(&store_lock);
    return found;
}

/* the store's copy of the same certificate, referenced, or NULL */
static struct cert *find_same(HCERTSTORE h, PCCERT_CONTEXT ctx)
{
    PCCERT_CONTEXT c = NULL;
    while ((c = CertEnumCertificatesInStore(h, c)))
        if (cert_same(c, ctx)) return cert_get(c);
    return NULL;
}

/* what the disposition makes of a certificate already in the store: 1 add
   the new one (after removing `old` when set), 0 keep the old, -1 fail */
static int disposition_of(DWORD disposition, struct cert *old, PCCERT_CONTEXT ctx, BOOL *remove)
{
    *remove = FALSE;
    if (!old) return 1;
    switch (disposition)
    {
    case CERT_STORE_ADD_NEW: return -1;
    case CERT_STORE_ADD_USE_EXISTING: return 0;
    case CERT_STORE_ADD_ALWAYS: return 1;
    case CERT_STORE_ADD_NEWER:
    case CERT_STORE_ADD_NEWER_INHERIT_PROPERTIES:
        if (CompareFileTime(&old->ctx.pCertInfo->NotBefore, &ctx->pCertInfo->NotBefore) >= 0) return -1;
        /* fall through */
    default:
        *remove = TRUE;
        return 1;
    }
}

BOOL WINAPI CertAddCertificateContextToStore(HCERTSTORE h, PCCERT_CONTEXT ctx, DWORD disposition,
                                             PCCERT_CONTEXT *added)
{
    struct store *s = h ? get_store(h) : NULL;
    struct cert *old, *c;
    BOOL remove;
    DWORD err;
    int what;

    if (added) *added = NULL;
    if (!ctx || !cert_get(ctx)) return fail(E_INVALIDARG);
    if (disposition < CERT_STORE_ADD_NEW || disposition > CERT_STORE_ADD_NEWER_INHERIT_PROPERTIES)
        return fail(E_INVALIDARG);
    if (h && !s) return FALSE;
    old = s ? find_same(s, ctx) : NULL;
    what = disposition_of(disposition, old, ctx, &remove);
    if (what <= 0)
    {
        if (what < 0) { CertFreeCertificateContext(old ? &old->ctx : NULL); return fail(CRYPT_E_EXISTS); }
        if (added) *added = &old->ctx;
        else CertFreeCertificateContext(&old->ctx);
        return TRUE;
    }
    if (old && remove && unlink_cert(s, old)) CertFreeCertificateContext(&old->ctx);
    if (old) CertFreeCertificateContext(&old->ctx);
    if (!(c = cert_create(ctx->pbCertEncoded, ctx->cbCertEncoded, s ? s : crypt32_empty_store, &err)))
        return fail(err);
    c->ctx.dwCertEncodingType = ctx->dwCertEncodingType;
    if (s)
    {
        InterlockedIncrement(&c->refs);               /* one for the list, one for the caller */
        store_append(s, c);
    }
    if (added) *added = &c->ctx;
    else CertFreeCertificateContext(&c->ctx);
    return TRUE;
}

/* a link to the context: wlx adds a copy, so a property set later through
   one is not seen through the other (.NET's X509Chain adds its extra
   certificates so) */
BOOL WINAPI CertAddCertificateLinkToStore(HCERTSTORE h, PCCERT_CONTEXT ctx, DWORD disposition, PCCERT_CONTEXT *added)
{
    if (!h) return fail(E_INVALIDARG);
    return CertAddCertificateContextToStore(h, ctx, disposition, added);
}

BOOL WINAPI CertAddEncodedCertificateToStore(HCERTSTORE h, DWORD encoding, const BYTE *data, DWORD size,
                                             DWORD disposition, PCCERT_CONTEXT *added)
{
    PCCERT_CONTEXT ctx = CertCreateCertificateContext(encoding, data, size);
    BOOL ret;

    if (added) *added = NULL;
    if (!ctx) return FALSE;
    ret = CertAddCertificateContextToStore(h, ctx, disposition, added);
    CertFreeCertificateContext(ctx);
    return ret;
}

/* takes the certificate out of its store and always frees `ctx` */
BOOL WINAPI CertDeleteCertificateFromStore(PCCERT_CONTEXT ctx)
{
    struct cert *c;
    struct store *s;

    if (!ctx) return fail(E_INVALIDARG);
    if (!(c = cert_get(ctx))) return FALSE;
    s = c->ctx.hCertStore;
    if (s == &root_store)                             /* the roots are the host's, read-only here */
    {
        CertFreeCertificateContext(ctx);
        return fail(E_ACCESSDENIED);
    }
    if (unlink_cert(s, c)) CertFreeCertificateContext(ctx);
    CertFreeCertificateContext(ctx);
    return TRUE;
}

/* --- searching ---------------------------------------------------------------- */

/* whether `c` is what a CertFindCertificateInStore search asks for */
static BOOL find_match(PCCERT_CONTEXT c, DWORD type, const void *para)
{
    const CERT_INFO *info = c->pCertInfo;
    const CRYPT_HASH_BLOB *hash = para;
    BYTE digest[20];

    switch (type)
    {
    case CERT_FIND_ANY: return TRUE;
    case CERT_FIND_SUBJECT_NAME: return CertCompareCertificateName(0, (PCERT_NAME_BLOB)&info->Subject, (PCERT_NAME_BLOB)para);
    case CERT_FIND_ISSUER_NAME: return CertCompareCertificateName(0, (PCERT_NAME_BLOB)&info->Issuer, (PCERT_NAME_BLOB)para);
    case CERT_FIND_EXISTING: return cert_same(c, para);
    case CERT_FIND_SUBJECT_CERT: return CertCompareCertificate(0, (PCERT_INFO)info, (PCERT_INFO)para);
    case CERT_FIND_SHA1_HASH:
        return hash->cbData == 20 && cert_hash(c, BCRYPT_SHA1_ALGORITHM, digest, 20) && !memcmp(digest, hash->pbData, 20);
    default: return FALSE;
    }
}

static BOOL known_find_type(DWORD type)
{
    return type == CERT_FIND_ANY || type == CERT_FIND_SUBJECT_NAME || type == CERT_FIND_ISSUER_NAME ||
           type == CERT_FIND_EXISTING || type == CERT_FIND_SUBJECT_CERT || type == CERT_FIND_SHA1_HASH;
}

PCCERT_CONTEXT WINAPI CertFindCertificateInStore(HCERTSTORE h, DWORD encoding, DWORD flags, DWORD type,
                                                 const void *para, PCCERT_CONTEXT prev)
{
    PCCERT_CONTEXT c = prev;

    (void)encoding; (void)flags;
    if (type != CERT_FIND_ANY && !para && known_find_type(type)) { SetLastError(E_INVALIDARG); return NULL; }
    while ((c = CertEnumCertificatesInStore(h, c)))
        if (known_find_type(type) && find_match(c, type, para)) return c;
    return NULL;                                      /* the walk's end set CRYPT_E_NOT_FOUND */
}

/* PKCS#12 import needs cipher suites wlx's crypt32 does not have */
HCERTSTORE WINAPI PFXImportCertStore(CRYPT_DATA_BLOB *pfx, LPCWSTR password, DWORD flags)
{
    (void)password; (void)flags;
    SetLastError(pfx && pfx->pbData ? (DWORD)NTE_NOT_SUPPORTED : (DWORD)E_INVALIDARG);
    return NULL;
}
