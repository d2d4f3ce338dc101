/*
 * dlls/crypt32/chain.c — certificate chains: chain engines
 * (CertCreateCertificateChainEngine: the trusted roots — the ROOT store or
 * the config's hExclusiveRoot — plus additional stores to find issuers in)
 * and CertGetCertificateChain, which builds one simple chain from the
 * certificate up to a self-signed certificate or a trusted anchor.
 *
 * Issuers are looked for in the engine's roots, the caller's additional
 * store, the certificate's own store and the engine's stores, by subject
 * name; among those named right, one whose key verifies the signature
 * (verify.c) and, better, that is valid at the time asked wins. Each
 * element then gets its trust status: signature, validity time, basic
 * constraints of the CAs, the requested key usage; the chain gets
 * untrusted root or partial chain. Revocation is not checked (no CRL or
 * OCSP fetching): no revocation status bit is ever set.
 *
 * Sections: engines · finding issuers · trust status · the chain context.
 */
#include "private.h"

#define ENGINE_MAGIC 0x456e6769         /* "Engi" */
#define MAX_DEPTH    16

struct engine {
    DWORD magic;
    HCERTSTORE roots;                   /* trusted anchors */
    DWORD store_count;
    HCERTSTORE stores[8];               /* where issuers may be */
};

/* one block per chain: the context, its one simple chain and its elements */
struct chain {
    CERT_CHAIN_CONTEXT ctx;             /* what callers see: first */
    LONG refs;
    CERT_SIMPLE_CHAIN simple;
    PCERT_SIMPLE_CHAIN simple_list[1];
    CERT_CHAIN_ELEMENT elements[MAX_DEPTH];
    PCERT_CHAIN_ELEMENT element_list[MAX_DEPTH];
};

static BOOL fail(DWORD error)
{
    SetLastError(error);
    return FALSE;
}

/* --- engines ------------------------------------------------------------------ */

static struct engine default_engine;
static INIT_ONCE default_once = INIT_ONCE_STATIC_INIT;

static BOOL CALLBACK init_default(INIT_ONCE *once, void *param, void **ctx)
{
    (void)once; (void)param; (void)ctx;
    default_engine.magic = ENGINE_MAGIC;
    default_engine.roots = CertOpenSystemStoreW(0, L"ROOT");
    return TRUE;
}

/* the engine of a handle: HCCE_CURRENT_USER (NULL) and HCCE_LOCAL_MACHINE
   are the default one */
static struct engine *get_engine(HCERTCHAINENGINE h)
{
    struct engine *e = h;
    if (h == HCCE_CURRENT_USER || h == HCCE_LOCAL_MACHINE)
    {
        InitOnceExecuteOnce(&default_once, init_default, NULL, NULL);
        return &default_engine;
    }
    if (e->magic != ENGINE_MAGIC) { SetLastError(E_INVALIDARG); return NULL; }
    return e;
}

BOOL WINAPI CertCreateCertificateChainEngine(CERT_CHAIN_ENGINE_CONFIG *config, HCERTCHAINENGINE *out)
{
    struct engine *e;
    DWORD i;

    if (!config || !out) return fail(E_INVALIDARG);
    /* three sizes: before Windows 7's exclusive stores, Windows 7's, Windows 8's */
    if (config->cbSize != sizeof(*config) && config->cbSize != FIELD_OFFSET(CERT_CHAIN_ENGINE_CONFIG, hExclusiveRoot) &&
        config->cbSize != FIELD_OFFSET(CERT_CHAIN_ENGINE_CONFIG, dwExclusiveFlags))
        return fail(E_INVALIDARG);
    if (config->cAdditionalStore > ARRAY_SIZE(e->stores) - 1) return fail(E_INVALIDARG);
    if (!(e = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*e)))) return fail(ERROR_OUTOFMEMORY);
    e->magic = ENGINE_MAGIC;
    /* an exclusive root store replaces ROOT: its certificates are the anchors */
    if (config->cbSize > FIELD_OFFSET(CERT_CHAIN_ENGINE_CONFIG, hExclusiveRoot) && config->hExclusiveRoot)
        e->roots = CertDuplicateStore(config->hExclusiveRoot);
    else
        e->roots = CertOpenSystemStoreW(0, L"ROOT");
    for (i = 0; i < config->cAdditionalStore; i++)
        if (config->rghAdditionalStore[i]) e->stores[e->store_count++] = CertDuplicateStore(config->rghAdditionalStore[i]);
    if (config->hRestrictedOther) e->stores[e->store_count++] = CertDuplicateStore(config->hRestrictedOther);
    *out = e;
    return TRUE;
}

void WINAPI CertFreeCertificateChainEngine(HCERTCHAINENGINE h)
{
    struct engine *e = h;
    DWORD i;

    if (h == HCCE_CURRENT_USER || h == HCCE_LOCAL_MACHINE || e->magic != ENGINE_MAGIC) return;
    e->magic = 0;
    CertCloseStore(e->roots, 0);
    for (i = 0; i < e->store_count; i++) CertCloseStore(e->stores[i], 0);
    HeapFree(GetProcessHeap(), 0, e);
}

/* --- finding issuers ---------------------------------------------------------- */

static BOOL self_issued(PCCERT_CONTEXT c)
{
    return CertCompareCertificateName(0, &c->pCertInfo->Subject, &c->pCertInfo->Issuer);
}

static BOOL signed_by(PCCERT_CONTEXT subject, PCCERT_CONTEXT issuer)
{
    return !crypt32_verify_signed(subject->pbCertEncoded, subject->cbCertEncoded,
                                  &issuer->pCertInfo->SubjectPublicKeyInfo);
}

/* the store's copy of `c`, referenced, or NULL */
static PCCERT_CONTEXT find_in(HCERTSTORE store, PCCERT_CONTEXT c)
{
    return store ? CertFindCertificateInStore(store, X509_ASN_ENCODING, 0, CERT_FIND_EXISTING, c, NULL) : NULL;
}

/* a better issuer candidate: signs the subject, then valid at `time` */
static int candidate_rank(PCCERT_CONTEXT subject, PCCERT_CONTEXT issuer, FILETIME *time)
{
    return (signed_by(subject, issuer) ? 2 : 0) + (CertVerifyTimeValidity(time, issuer->pCertInfo) ? 0 : 1);
}

/* the best issuer of `subject` in `store` (referenced), keeping the best
   found so far in *best / *best_rank */
static void find_issuer_in(HCERTSTORE store, PCCERT_CONTEXT subject, FILETIME *time, PCCERT_CONTEXT *best, int *best_rank)
{
    PCCERT_CONTEXT c = NULL;
    int rank;

    if (!store) return;
    while (*best_rank < 3 && (c = CertFindCertificateInStore(store, X509_ASN_ENCODING, 0, CERT_FIND_SUBJECT_NAME,
                                                            &subject->pCertInfo->Issuer, c)))
    {
        if (cert_same(c, subject) || (rank = candidate_rank(subject, c, time)) <= *best_rank) continue;
        CertFreeCertificateContext(*best);
        *best = CertDuplicateCertificateContext(c);
        *best_rank = rank;
    }
    CertFreeCertificateContext(c);
}

static PCCERT_CONTEXT find_issuer(const struct engine *e, HCERTSTORE extra, PCCERT_CONTEXT subject, FILETIME *time,
                                  BOOL *good_signature)
{
    PCCERT_CONTEXT best = NULL;
    int rank = -1;
    DWORD i;

    find_issuer_in(e->roots, subject, time, &best, &rank);
    find_issuer_in(extra, subject, time, &best, &rank);
    find_issuer_in(subject->hCertStore, subject, time, &best, &rank);
    for (i = 0; i < e->store_count; i++) find_issuer_in(e->stores[i], subject, time, &best, &rank);
    *good_signature = rank >= 2;
    return best;
}

/* --- trust status ------------------------------------------------------------- */

/* basic constraints of a CA at `depth` above the end certificate */
static DWORD ca_status(PCCERT_CONTEXT c, DWORD depth)
{
    const CERT_INFO *info = c->pCertInfo;
    CERT_EXTENSION *ext = CertFindExtension(szOID_BASIC_CONSTRAINTS2, info->cExtension, info->rgExtension);
    CERT_BASIC_CONSTRAINTS2_INFO *bc;
    DWORD status = 0;

    if (!ext) return 0;                     /* v1 roots and old CAs carry none */
    if (crypt32_decode(X509_BASIC_CONSTRAINTS2, ext->Value.pbData, ext->Value.cbData, (void **)&bc))
        return CERT_TRUST_INVALID_BASIC_CONSTRAINTS;
    if (!bc->fCA || (bc->fPathLenConstraint && depth - 1 > bc->dwPathLenConstraint))
        status = CERT_TRUST_INVALID_BASIC_CONSTRAINTS;
    HeapFree(GetProcessHeap(), 0, bc);
    return status;
}

/* whether the certificate's enhanced key usage allows what is requested */
static BOOL usage_ok(PCCERT_CONTEXT c, const CERT_USAGE_MATCH *match)
{
    const CERT_ENHKEY_USAGE *want = &match->Usage;
    const CERT_INFO *info = c->pCertInfo;
    CERT_EXTENSION *ext = CertFindExtension(szOID_ENHANCED_KEY_USAGE, info->cExtension, info->rgExtension);
    CERT_ENHKEY_USAGE *has;
    DWORD i, j, found = 0;

    if (!want->cUsageIdentifier || !ext) return TRUE;   /* no extension: every use */
    if (crypt32_decode(X509_ENHANCED_KEY_USAGE, ext->Value.pbData, ext->Value.cbData, (void **)&has)) return FALSE;
    for (i = 0; i < want->cUsageIdentifier; i++)
        for (j = 0; j < has->cUsageIdentifier; j++)
            if (!strcmp(has->rgpszUsageIdentifier[j], want->rgpszUsageIdentifier[i]) ||
                !strcmp(has->rgpszUsageIdentifier[j], "2.5.29.37.0"))       /* anyExtendedKeyUsage */
            {
                found++;
                break;
            }
    HeapFree(GetProcessHeap(), 0, has);
    return match->dwType == USAGE_MATCH_TYPE_OR ? found > 0 : found == want->cUsageIdentifier;
}

/* the element's own errors, with the issuer found above it (or none) */
static void element_status(CERT_CHAIN_ELEMENT *el, DWORD depth, FILETIME *time, const CERT_CHAIN_PARA *para)
{
    PCCERT_CONTEXT c = el->pCertContext;

    if (CertVerifyTimeValidity(time, c->pCertInfo)) el->TrustStatus.dwErrorStatus |= CERT_TRUST_IS_NOT_TIME_VALID;
    if (depth) el->TrustStatus.dwErrorStatus |= ca_status(c, depth);
    if (!usage_ok(c, &para->RequestedUsage)) el->TrustStatus.dwErrorStatus |= CERT_TRUST_IS_NOT_VALID_FOR_USAGE;
}

/* --- the chain context -------------------------------------------------------- */

static struct chain *new_chain(void)
{
    struct chain *ch = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*ch));
    DWORD i;

    if (!ch) return NULL;
    ch->refs = 1;
    ch->ctx.cbSize = sizeof(ch->ctx);
    ch->ctx.cChain = 1;
    ch->ctx.rgpChain = ch->simple_list;
    ch->simple_list[0] = &ch->simple;
    ch->simple.cbSize = sizeof(ch->simple);
    ch->simple.rgpElement = ch->element_list;
    for (i = 0; i < MAX_DEPTH; i++)
    {
        ch->elements[i].cbSize = sizeof(ch->elements[i]);
        ch->element_list[i] = &ch->elements[i];
    }
    return ch;
}

/* adds `c` (a reference the chain now owns) on top */
static CERT_CHAIN_ELEMENT *push(struct chain *ch, PCCERT_CONTEXT c)
{
    CERT_CHAIN_ELEMENT *el = &ch->elements[ch->simple.cElement++];
    el->pCertContext = c;
    return el;
}

static BOOL in_chain(const struct chain *ch, PCCERT_CONTEXT c)
{
    DWORD i;
    for (i = 0; i < ch->simple.cElement; i++) if (cert_same(ch->elements[i].pCertContext, c)) return TRUE;
    return FALSE;
}

/* builds up from the end certificate; the chain-level errors it returns */
static DWORD build(struct chain *ch, const struct engine *e, HCERTSTORE extra, PCCERT_CONTEXT cert, FILETIME *time)
{
    CERT_CHAIN_ELEMENT *el = push(ch, CertDuplicateCertificateContext(cert));
    PCCERT_CONTEXT anchor, issuer;
    BOOL good;

    for (;;)
    {
        PCCERT_CONTEXT c = el->pCertContext;
        if ((anchor = find_in(e->roots, c)))      /* a trusted anchor ends the chain */
        {
            CertFreeCertificateContext(anchor);
            if (self_issued(c) && signed_by(c, c))
                el->TrustStatus.dwInfoStatus |= CERT_TRUST_IS_SELF_SIGNED | CERT_TRUST_HAS_NAME_MATCH_ISSUER;
            return 0;
        }
        if (self_issued(c) && signed_by(c, c))
        {
            el->TrustStatus.dwInfoStatus |= CERT_TRUST_IS_SELF_SIGNED | CERT_TRUST_HAS_NAME_MATCH_ISSUER;
            el->TrustStatus.dwErrorStatus |= CERT_TRUST_IS_UNTRUSTED_ROOT;
            return 0;
        }
        if (!(issuer = find_issuer(e, extra, c, time, &good))) return CERT_TRUST_IS_PARTIAL_CHAIN;
        if (ch->simple.cElement == MAX_DEPTH || in_chain(ch, issuer))
        {
            CertFreeCertificateContext(issuer);
            return CERT_TRUST_IS_PARTIAL_CHAIN;
        }
        el->TrustStatus.dwInfoStatus |= CERT_TRUST_HAS_NAME_MATCH_ISSUER;
        if (!good) el->TrustStatus.dwErrorStatus |= CERT_TRUST_IS_NOT_SIGNATURE_VALID;
        el = push(ch, issuer);
    }
}

BOOL WINAPI CertGetCertificateChain(HCERTCHAINENGINE engine, PCCERT_CONTEXT cert, LPFILETIME time,
                                    HCERTSTORE extra, PCERT_CHAIN_PARA para, DWORD flags, void *reserved,
                                    PCCERT_CHAIN_CONTEXT *out)
{
    const struct engine *e;
    struct chain *ch;
    FILETIME now;
    DWORD i, chain_errors, errors = 0, infos = 0;

    (void)flags; (void)reserved;
    if (!out) return fail(E_INVALIDARG);
    *out = NULL;
    if (!cert || !para || !cert_get(cert)) return fail(E_INVALIDARG);
    if (!(e = get_engine(engine))) return FALSE;
    if (!time) { GetSystemTimeAsFileTime(&now); time = &now; }
    if (!(ch = new_chain())) return fail(ERROR_OUTOFMEMORY);
    chain_errors = build(ch, e, extra, cert, time);
    for (i = 0; i < ch->simple.cElement; i++)
    {
        element_status(&ch->elements[i], i, time, para);
        errors |= ch->elements[i].TrustStatus.dwErrorStatus;
        infos |= ch->elements[i].TrustStatus.dwInfoStatus;
    }
    ch->simple.TrustStatus.dwErrorStatus = errors | chain_errors;
    ch->simple.TrustStatus.dwInfoStatus = infos & ~CERT_TRUST_IS_SELF_SIGNED;
    ch->ctx.TrustStatus = ch->simple.TrustStatus;
    *out = &ch->ctx;
    return TRUE;
}

PCCERT_CHAIN_CONTEXT WINAPI CertDuplicateCertificateChain(PCCERT_CHAIN_CONTEXT ctx)
{
    struct chain *ch = (struct chain *)ctx;
    if (ch) InterlockedIncrement(&ch->refs);
    return ctx;
}

void WINAPI CertFreeCertificateChain(PCCERT_CHAIN_CONTEXT ctx)
{
    struct chain *ch = (struct chain *)ctx;
    DWORD i;

    if (!ch || InterlockedDecrement(&ch->refs)) return;
    for (i = 0; i < ch->simple.cElement; i++) CertFreeCertificateContext(ch->elements[i].pCertContext);
    HeapFree(GetProcessHeap(), 0, ch);
}
