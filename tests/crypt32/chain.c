/* tests/crypt32/chain.c — certificate chains and policies: a root, an
   intermediate and a leaf (tests/crypt32/certs.h, made by gencerts.sh)
   with the root trusted through an engine's exclusive root store; expired,
   self-signed, partial, badly signed, RSA-PSS and non-CA-issued cases;
   CERT_CHAIN_POLICY_BASE and _SSL with server names; memory stores;
   signatures checked alone; the host's own roots. */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include <stddef.h>
#include "test.h"
#include "certs.h"

#define ENC (X509_ASN_ENCODING | PKCS_7_ASN_ENCODING)

static PCCERT_CONTEXT root, inter, leaf;
static HCERTSTORE roots, cas;            /* the exclusive root store; a store holding the intermediate */
static HCERTCHAINENGINE engine;
static FILETIME when;                    /* 2030-06-01: inside every validity but the expired one's */

static PCCERT_CONTEXT make(const BYTE *der, DWORD size)
{
    PCCERT_CONTEXT c = CertCreateCertificateContext(ENC, der, size);
    ok(c != NULL, "CertCreateCertificateContext failed %lx\n", GetLastError());
    return c;
}

static PCCERT_CHAIN_CONTEXT get_chain(HCERTCHAINENGINE eng, PCCERT_CONTEXT cert, HCERTSTORE extra, FILETIME *time)
{
    CERT_CHAIN_PARA para = { sizeof(para) };
    PCCERT_CHAIN_CONTEXT chain = NULL;
    ok(CertGetCertificateChain(eng, cert, time, extra, &para, 0, NULL, &chain), "CertGetCertificateChain failed %lx\n",
       GetLastError());
    return chain;
}

/* the policy's error (and element index) for a chain */
static HRESULT policy(LPCSTR oid, PCCERT_CHAIN_CONTEXT chain, DWORD flags, const WCHAR *server, LONG *element)
{
    SSL_EXTRA_CERT_CHAIN_POLICY_PARA ssl = { { sizeof(ssl) }, AUTHTYPE_SERVER, 0, (WCHAR *)server };
    CERT_CHAIN_POLICY_PARA para = { sizeof(para), flags, server ? &ssl : NULL };
    CERT_CHAIN_POLICY_STATUS status = { sizeof(status) };

    ok(CertVerifyCertificateChainPolicy(oid, chain, &para, &status), "CertVerifyCertificateChainPolicy failed\n");
    if (element) *element = status.lElementIndex;
    return status.dwError;
}

static void setup(void)
{
    /* Windows 7's size (up to hExclusiveTrustedPeople): Windows 8 also takes
       the full one, Wine 8 only this one */
    CERT_CHAIN_ENGINE_CONFIG config = { offsetof(CERT_CHAIN_ENGINE_CONFIG, dwExclusiveFlags) };
    SYSTEMTIME st = { 2030, 6, 0, 1 };

    SystemTimeToFileTime(&st, &when);
    root = make(cert_root, sizeof(cert_root));
    inter = make(cert_inter, sizeof(cert_inter));
    leaf = make(cert_leaf, sizeof(cert_leaf));
    roots = CertOpenStore(CERT_STORE_PROV_MEMORY, 0, 0, 0, NULL);
    cas = CertOpenStore(CERT_STORE_PROV_MEMORY, 0, 0, 0, NULL);
    ok(CertAddCertificateContextToStore(roots, root, CERT_STORE_ADD_NEW, NULL), "adding the root failed %lx\n", GetLastError());
    ok(CertAddCertificateContextToStore(cas, inter, CERT_STORE_ADD_NEW, NULL), "adding inter failed %lx\n", GetLastError());
    config.hExclusiveRoot = roots;
    ok(CertCreateCertificateChainEngine(&config, &engine), "CertCreateCertificateChainEngine failed %lx\n", GetLastError());
}

static void test_memory_store(void)
{
    HCERTSTORE store = CertOpenStore(CERT_STORE_PROV_MEMORY, 0, 0, 0, NULL);
    PCCERT_CONTEXT added = NULL, again = NULL, c = NULL;
    int count = 0;

    ok(CertAddCertificateContextToStore(store, leaf, CERT_STORE_ADD_NEW, &added), "add failed %lx\n", GetLastError());
    ok(added && added != leaf && added->hCertStore == store, "the added context is not the store's\n");
    SetLastError(0xdeadbeef);
    ok(!CertAddCertificateContextToStore(store, leaf, CERT_STORE_ADD_NEW, NULL), "added twice\n");
    ok(GetLastError() == CRYPT_E_EXISTS, "error %lx\n", GetLastError());
    ok(CertAddCertificateContextToStore(store, leaf, CERT_STORE_ADD_USE_EXISTING, &again), "use existing failed\n");
    ok(again == added, "USE_EXISTING gave another context\n");
    CertFreeCertificateContext(again);
    ok(CertAddEncodedCertificateToStore(store, ENC, cert_root, sizeof(cert_root), CERT_STORE_ADD_NEW, NULL),
       "CertAddEncodedCertificateToStore failed %lx\n", GetLastError());
    while ((c = CertEnumCertificatesInStore(store, c))) count++;
    ok(count == 2, "%d certificates in the store\n", count);
    c = CertFindCertificateInStore(store, ENC, 0, CERT_FIND_SUBJECT_NAME, &root->pCertInfo->Subject, NULL);
    ok(c && c->cbCertEncoded == sizeof(cert_root), "CERT_FIND_SUBJECT_NAME\n");
    ok(CertDeleteCertificateFromStore(c), "delete failed %lx\n", GetLastError());
    count = 0;
    c = NULL;
    while ((c = CertEnumCertificatesInStore(store, c))) count++;
    ok(count == 1, "%d certificates after the delete\n", count);
    ok(CertCloseStore(store, 0), "close failed\n");
    /* a context outlives its store's handle */
    ok(added->pCertInfo->dwVersion == CERT_V3 && CertFreeCertificateContext(added), "context after the close\n");
}

static void test_good_chain(void)
{
    PCCERT_CHAIN_CONTEXT chain = get_chain(engine, leaf, cas, &when), dup;
    const CERT_SIMPLE_CHAIN *simple;
    LONG element;

    if (!chain) return;
    ok(chain->cChain == 1, "%lu chains\n", chain->cChain);
    simple = chain->rgpChain[0];
    ok(simple->cElement == 3, "%lu elements\n", simple->cElement);
    ok(!chain->TrustStatus.dwErrorStatus, "errors %lx\n", chain->TrustStatus.dwErrorStatus);
    if (simple->cElement == 3)
    {
        ok(simple->rgpElement[0]->pCertContext->cbCertEncoded == sizeof(cert_leaf), "element 0\n");
        ok(simple->rgpElement[1]->pCertContext->cbCertEncoded == sizeof(cert_inter), "element 1\n");
        ok(simple->rgpElement[2]->pCertContext->cbCertEncoded == sizeof(cert_root), "element 2\n");
        ok(simple->rgpElement[2]->TrustStatus.dwInfoStatus & CERT_TRUST_IS_SELF_SIGNED, "root info %lx\n",
           simple->rgpElement[2]->TrustStatus.dwInfoStatus);
        ok(!(simple->rgpElement[0]->TrustStatus.dwInfoStatus & CERT_TRUST_IS_SELF_SIGNED), "leaf self-signed\n");
    }
    ok(policy(CERT_CHAIN_POLICY_BASE, chain, 0, NULL, NULL) == S_OK, "base policy\n");
    ok(policy(CERT_CHAIN_POLICY_SSL, chain, 0, L"www.wlx.test", NULL) == S_OK, "ssl www.wlx.test\n");
    ok(policy(CERT_CHAIN_POLICY_SSL, chain, 0, L"WWW.WLX.TEST", NULL) == S_OK, "ssl in capitals\n");
    ok(policy(CERT_CHAIN_POLICY_SSL, chain, 0, L"x.api.wlx.test", NULL) == S_OK, "ssl wildcard\n");
    /* Wine 8 matches DNS names only, not the iPAddress entry Windows matches */
    todo_wine(policy(CERT_CHAIN_POLICY_SSL, chain, 0, L"127.0.0.1", NULL) == S_OK, "ssl IP address\n");
    ok(policy(CERT_CHAIN_POLICY_SSL, chain, 0, L"wrong.wlx.test", &element) == CERT_E_CN_NO_MATCH && element == 0,
       "ssl wrong name\n");
    ok(policy(CERT_CHAIN_POLICY_SSL, chain, 0, L"x.y.api.wlx.test", NULL) == CERT_E_CN_NO_MATCH, "wildcard of two labels\n");
    ok(policy(CERT_CHAIN_POLICY_SSL, chain, 0, L"127.0.0.2", NULL) == CERT_E_CN_NO_MATCH, "ssl other IP\n");
    dup = CertDuplicateCertificateChain(chain);
    ok(dup == chain, "CertDuplicateCertificateChain gave %p\n", dup);
    CertFreeCertificateChain(dup);
    CertFreeCertificateChain(chain);
}

static void test_untrusted(void)
{
    PCCERT_CONTEXT self = make(cert_selfsigned, sizeof(cert_selfsigned));
    HCERTSTORE all = CertOpenStore(CERT_STORE_PROV_MEMORY, 0, 0, 0, NULL);
    PCCERT_CHAIN_CONTEXT chain;
    LONG element;

    /* the default engine finds the test root but does not trust it */
    CertAddCertificateContextToStore(all, inter, CERT_STORE_ADD_NEW, NULL);
    CertAddCertificateContextToStore(all, root, CERT_STORE_ADD_NEW, NULL);
    chain = get_chain(NULL, leaf, all, &when);
    ok(chain && chain->rgpChain[0]->cElement == 3, "untrusted chain\n");
    ok(chain && (chain->TrustStatus.dwErrorStatus & CERT_TRUST_IS_UNTRUSTED_ROOT), "untrusted root: %lx\n",
       chain ? chain->TrustStatus.dwErrorStatus : 0);
    ok(policy(CERT_CHAIN_POLICY_BASE, chain, 0, NULL, NULL) == CERT_E_UNTRUSTEDROOT, "base policy\n");
    ok(policy(CERT_CHAIN_POLICY_BASE, chain, CERT_CHAIN_POLICY_ALLOW_UNKNOWN_CA_FLAG, NULL, NULL) == S_OK, "allowed\n");
    ok(policy(CERT_CHAIN_POLICY_SSL, chain, 0, L"www.wlx.test", NULL) == CERT_E_UNTRUSTEDROOT, "ssl policy\n");
    CertFreeCertificateChain(chain);

    /* a self-signed ECDSA P-384 certificate nobody trusts */
    chain = get_chain(engine, self, NULL, &when);
    ok(chain && chain->rgpChain[0]->cElement == 1, "self-signed chain\n");
    if (chain)
    {
        ok(chain->rgpChain[0]->rgpElement[0]->TrustStatus.dwInfoStatus & CERT_TRUST_IS_SELF_SIGNED, "info %lx\n",
           chain->rgpChain[0]->rgpElement[0]->TrustStatus.dwInfoStatus);
        ok(chain->TrustStatus.dwErrorStatus == CERT_TRUST_IS_UNTRUSTED_ROOT, "errors %lx\n", chain->TrustStatus.dwErrorStatus);
        ok(policy(CERT_CHAIN_POLICY_BASE, chain, 0, NULL, &element) == CERT_E_UNTRUSTEDROOT && element == 0, "policy\n");
        CertFreeCertificateChain(chain);
    }
    CertFreeCertificateContext(self);
    CertCloseStore(all, 0);
}

static void test_expired(void)
{
    PCCERT_CONTEXT expired = make(cert_expired, sizeof(cert_expired));
    PCCERT_CHAIN_CONTEXT chain = get_chain(engine, expired, cas, &when);
    SYSTEMTIME st = { 2010, 1, 0, 1 };
    FILETIME early;
    LONG element = -2;

    ok(chain && chain->rgpChain[0]->cElement == 3, "expired chain\n");
    if (chain)
    {
        ok(chain->TrustStatus.dwErrorStatus == CERT_TRUST_IS_NOT_TIME_VALID, "errors %lx\n", chain->TrustStatus.dwErrorStatus);
        ok(chain->rgpChain[0]->rgpElement[0]->TrustStatus.dwErrorStatus == CERT_TRUST_IS_NOT_TIME_VALID, "leaf errors\n");
        ok(policy(CERT_CHAIN_POLICY_BASE, chain, 0, NULL, &element) == CERT_E_EXPIRED && element == 0, "base %ld\n", element);
        ok(policy(CERT_CHAIN_POLICY_BASE, chain, CERT_CHAIN_POLICY_IGNORE_NOT_TIME_VALID_FLAG, NULL, NULL) == S_OK, "ignored\n");
        ok(policy(CERT_CHAIN_POLICY_SSL, chain, 0, L"expired.wlx.test", NULL) == CERT_E_EXPIRED, "ssl\n");
        CertFreeCertificateChain(chain);
    }
    /* in 2010 every certificate of the good chain is not yet valid */
    SystemTimeToFileTime(&st, &early);
    chain = get_chain(engine, leaf, cas, &early);
    ok(chain && chain->rgpChain[0]->cElement == 3 &&
       chain->rgpChain[0]->rgpElement[2]->TrustStatus.dwErrorStatus == CERT_TRUST_IS_NOT_TIME_VALID, "2010\n");
    CertFreeCertificateChain(chain);
    CertFreeCertificateContext(expired);
}

static void test_broken_chains(void)
{
    BYTE bad[sizeof(cert_leaf)];
    PCCERT_CONTEXT forged, pss = make(cert_pss, sizeof(cert_pss)), noca = make(cert_noca, sizeof(cert_noca));
    PCCERT_CHAIN_CONTEXT chain;
    HCERTSTORE both = CertOpenStore(CERT_STORE_PROV_MEMORY, 0, 0, 0, NULL);
    HRESULT hr;
    LONG element;

    /* no intermediate to be found */
    chain = get_chain(engine, leaf, NULL, &when);
    ok(chain && chain->rgpChain[0]->cElement == 1, "partial chain\n");
    ok(chain && (chain->TrustStatus.dwErrorStatus & CERT_TRUST_IS_PARTIAL_CHAIN), "errors %lx\n",
       chain ? chain->TrustStatus.dwErrorStatus : 0);
    /* CERT_E_CHAINING is a base policy error (CERT_CHAIN_POLICY_STATUS's
       documentation); Wine 8's base policy passes a partial chain */
    hr = policy(CERT_CHAIN_POLICY_BASE, chain, 0, NULL, &element);
    todo_wine(hr == CERT_E_CHAINING, "base policy %lx element %ld\n", hr, element);
    CertFreeCertificateChain(chain);

    /* the last byte belongs to the signature: changed, it fails */
    memcpy(bad, cert_leaf, sizeof(bad));
    bad[sizeof(bad) - 1] ^= 1;
    forged = make(bad, sizeof(bad));
    chain = get_chain(engine, forged, cas, &when);
    ok(chain && (chain->rgpChain[0]->rgpElement[0]->TrustStatus.dwErrorStatus & CERT_TRUST_IS_NOT_SIGNATURE_VALID),
       "forged leaf: %lx\n", chain ? chain->TrustStatus.dwErrorStatus : 0);
    hr = policy(CERT_CHAIN_POLICY_BASE, chain, 0, NULL, NULL);
    ok(hr == TRUST_E_CERT_SIGNATURE, "base policy %lx\n", hr);
    CertFreeCertificateChain(chain);
    CertFreeCertificateContext(forged);

    /* RSASSA-PSS, signed by the root itself: Wine 8 cannot check PSS
       signatures (NOT_SIGNATURE_VALID), Windows can */
    chain = get_chain(engine, pss, NULL, &when);
    ok(chain && chain->rgpChain[0]->cElement == 2, "pss chain\n");
    todo_wine(chain && !chain->TrustStatus.dwErrorStatus, "pss chain: %lx\n", chain ? chain->TrustStatus.dwErrorStatus : 0);
    todo_wine(policy(CERT_CHAIN_POLICY_SSL, chain, 0, L"pss.wlx.test", NULL) == S_OK, "ssl by common name\n");
    ok(policy(CERT_CHAIN_POLICY_SSL, chain, CERT_CHAIN_POLICY_IGNORE_ALL_NOT_TIME_VALID_FLAGS, L"pss.wlx.tes", NULL) != S_OK,
       "ssl by a wrong common name\n");
    CertFreeCertificateChain(chain);

    /* issued by the leaf, which is no CA */
    CertAddCertificateContextToStore(both, leaf, CERT_STORE_ADD_NEW, NULL);
    CertAddCertificateContextToStore(both, inter, CERT_STORE_ADD_NEW, NULL);
    chain = get_chain(engine, noca, both, &when);
    ok(chain && chain->rgpChain[0]->cElement == 4, "noca chain\n");
    if (chain && chain->rgpChain[0]->cElement == 4)
    {
        ok(chain->rgpChain[0]->rgpElement[1]->TrustStatus.dwErrorStatus & CERT_TRUST_INVALID_BASIC_CONSTRAINTS,
           "leaf as CA: %lx\n", chain->rgpChain[0]->rgpElement[1]->TrustStatus.dwErrorStatus);
        /* TRUST_E_BASIC_CONSTRAINTS is a base policy error too (and its flags
           have CERT_CHAIN_POLICY_IGNORE_INVALID_BASIC_CONSTRAINTS_FLAG); Wine 8's
           base policy passes the chain */
        hr = policy(CERT_CHAIN_POLICY_BASE, chain, 0, NULL, NULL);
        todo_wine(hr == TRUST_E_BASIC_CONSTRAINTS, "base policy %lx\n", hr);
        ok(policy(CERT_CHAIN_POLICY_BASE, chain, CERT_CHAIN_POLICY_IGNORE_INVALID_BASIC_CONSTRAINTS_FLAG, NULL, NULL) == S_OK,
           "ignored\n");
        ok(policy(CERT_CHAIN_POLICY_BASIC_CONSTRAINTS, chain, 0, NULL, NULL) == TRUST_E_BASIC_CONSTRAINTS, "bc policy\n");
    }
    CertFreeCertificateChain(chain);
    CertCloseStore(both, 0);
    CertFreeCertificateContext(pss);
    CertFreeCertificateContext(noca);
}

static void test_usage(void)
{
    static char *server[] = { szOID_PKIX_KP_SERVER_AUTH }, *code[] = { szOID_PKIX_KP_CODE_SIGNING };
    CERT_CHAIN_PARA para = { sizeof(para) };
    PCCERT_CHAIN_CONTEXT chain = NULL;

    para.RequestedUsage.dwType = USAGE_MATCH_TYPE_AND;
    para.RequestedUsage.Usage.cUsageIdentifier = 1;
    para.RequestedUsage.Usage.rgpszUsageIdentifier = server;
    ok(CertGetCertificateChain(engine, leaf, &when, cas, &para, 0, NULL, &chain) && !chain->TrustStatus.dwErrorStatus,
       "server auth: %lx\n", chain ? chain->TrustStatus.dwErrorStatus : 0);
    CertFreeCertificateChain(chain);
    para.RequestedUsage.Usage.rgpszUsageIdentifier = code;
    ok(CertGetCertificateChain(engine, leaf, &when, cas, &para, 0, NULL, &chain) &&
       (chain->rgpChain[0]->rgpElement[0]->TrustStatus.dwErrorStatus & CERT_TRUST_IS_NOT_VALID_FOR_USAGE),
       "code signing: %lx\n", chain ? chain->TrustStatus.dwErrorStatus : 0);
    ok(policy(CERT_CHAIN_POLICY_BASE, chain, 0, NULL, NULL) == CERT_E_WRONG_USAGE, "base policy\n");
    CertFreeCertificateChain(chain);
}

static void test_signatures(void)
{
    ok(CryptVerifyCertificateSignatureEx(0, ENC, CRYPT_VERIFY_CERT_SIGN_SUBJECT_CERT, (void *)leaf,
                                         CRYPT_VERIFY_CERT_SIGN_ISSUER_CERT, (void *)inter, 0, NULL),
       "leaf by inter: %lx\n", GetLastError());
    ok(CryptVerifyCertificateSignature(0, ENC, cert_inter, sizeof(cert_inter), &root->pCertInfo->SubjectPublicKeyInfo),
       "inter by root: %lx\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!CryptVerifyCertificateSignature(0, ENC, cert_root, sizeof(cert_root), &inter->pCertInfo->SubjectPublicKeyInfo),
       "root by inter\n");
    SetLastError(0xdeadbeef);
    ok(!CryptVerifyCertificateSignature(0, ENC, cert_pss, sizeof(cert_pss), &inter->pCertInfo->SubjectPublicKeyInfo) &&
       GetLastError() != 0xdeadbeef, "pss by inter\n");
}

static void test_bad_parameters(void)
{
    CERT_CHAIN_ENGINE_CONFIG config = { 1 };
    HCERTCHAINENGINE eng = (HCERTCHAINENGINE)1;

    SetLastError(0xdeadbeef);
    ok(!CertCreateCertificateChainEngine(&config, &eng), "an engine of a bad config size\n");
    ok(GetLastError() == E_INVALIDARG, "bad config: error %lx\n", GetLastError());
}

/* every root of the host's ROOT store valid now chains to itself, trusted */
static void test_host_roots(void)
{
    HCERTSTORE store = CertOpenSystemStoreW(0, L"ROOT");
    PCCERT_CONTEXT c = NULL;
    PCCERT_CHAIN_CONTEXT chain;
    CERT_CHAIN_PARA para = { sizeof(para) };
    int checked = 0, good = 0;

    while (checked < 400 && (c = CertEnumCertificatesInStore(store, c)))
    {
        if (CertVerifyTimeValidity(NULL, c->pCertInfo) ||
            !CertCompareCertificateName(ENC, &c->pCertInfo->Subject, &c->pCertInfo->Issuer))
            continue;
        checked++;
        if (!CertGetCertificateChain(NULL, c, NULL, NULL, &para, 0, NULL, &chain)) continue;
        /* Wine marks a few roots not valid for some usage: only trust counts here */
        if (chain->rgpChain[0]->cElement == 1 &&
            !(chain->TrustStatus.dwErrorStatus & (CERT_TRUST_IS_UNTRUSTED_ROOT | CERT_TRUST_IS_PARTIAL_CHAIN |
                                                  CERT_TRUST_IS_NOT_SIGNATURE_VALID | CERT_TRUST_IS_NOT_TIME_VALID)))
            good++;
        else printf("root %d: %lu elements, errors %lx\n", checked, chain->rgpChain[0]->cElement, chain->TrustStatus.dwErrorStatus);
        CertFreeCertificateChain(chain);
    }
    ok(checked > 0, "no root valid now\n");
    ok(good == checked, "%d of %d roots trusted\n", good, checked);
    CertCloseStore(store, 0);
}

int main(void)
{
    test_start("chain");
    setup();
    test_memory_store();
    test_good_chain();
    test_untrusted();
    test_expired();
    test_broken_chains();
    test_usage();
    test_signatures();
    test_bad_parameters();
    test_host_roots();
    CertFreeCertificateChainEngine(engine);
    CertCloseStore(roots, 0);
    CertCloseStore(cas, 0);
    CertFreeCertificateContext(root);
    CertFreeCertificateContext(inter);
    CertFreeCertificateContext(leaf);
    return test_summary();
}
