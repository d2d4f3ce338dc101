/* tests/crypt32/store.c — certificate stores: opening system and memory
   stores, enumerating and searching them, closing; CertVerifyTimeValidity. */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include "test.h"

static void test_memory_store(void)
{
    HCERTSTORE store = CertOpenStore(CERT_STORE_PROV_MEMORY, 0, 0, 0, NULL), dup;

    ok(store != NULL, "CertOpenStore(memory) failed %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!CertEnumCertificatesInStore(store, NULL), "a new memory store has a certificate\n");
    ok(GetLastError() == CRYPT_E_NOT_FOUND, "error %lx\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!CertFindCertificateInStore(store, X509_ASN_ENCODING, 0, CERT_FIND_ANY, NULL, NULL), "found a certificate\n");
    ok(GetLastError() == CRYPT_E_NOT_FOUND, "error %lx\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!CertEnumCRLsInStore(store, NULL), "a new memory store has a CRL\n");
    ok(GetLastError() == CRYPT_E_NOT_FOUND, "error %lx\n", GetLastError());

    dup = CertDuplicateStore(store);
    ok(dup == store, "CertDuplicateStore gave %p for %p\n", dup, store);
    ok(CertCloseStore(dup, 0), "closing the duplicate failed\n");
    ok(CertCloseStore(store, CERT_CLOSE_STORE_CHECK_FLAG), "CertCloseStore failed %lu\n", GetLastError());
    ok(CertCloseStore(NULL, 0), "closing NULL failed\n");
}

static void test_system_stores(void)
{
    static const char *names[] = { "ROOT", "MY", "CA" };
    HCERTSTORE store;
    PCCERT_CONTEXT cert;

    for (int i = 0; i < 3; i++)
    {
        store = CertOpenSystemStoreA(0, names[i]);
        ok(store != NULL, "CertOpenSystemStoreA(%s) failed %lu\n", names[i], GetLastError());
        /* whatever it holds, the enumeration ends with CRYPT_E_NOT_FOUND */
        cert = NULL;
        for (int n = 0; n < 10000 && (cert = CertEnumCertificatesInStore(store, cert)); n++)
            ok(cert->pbCertEncoded && cert->cbCertEncoded, "an empty certificate\n");
        ok(GetLastError() == CRYPT_E_NOT_FOUND, "%s: error %lx\n", names[i], GetLastError());
        ok(CertCloseStore(store, 0), "CertCloseStore failed\n");
    }
    store = CertOpenSystemStoreW(0, L"ROOT");
    ok(store != NULL, "CertOpenSystemStoreW failed %lu\n", GetLastError());
    CertCloseStore(store, 0);
    store = CertOpenStore(CERT_STORE_PROV_SYSTEM_W, 0, 0, CERT_SYSTEM_STORE_CURRENT_USER, L"MY");
    ok(store != NULL, "CertOpenStore(system) failed %lu\n", GetLastError());
    CertCloseStore(store, 0);
}

/* ROOT holds trusted roots: DER certificates with their names and validity */
static void test_root_certificates(void)
{
    HCERTSTORE store = CertOpenSystemStoreW(0, L"ROOT");
    PCCERT_CONTEXT cert = NULL, dup;
    int count = 0, valid_now = 0, well_formed = 0;

    ok(store != NULL, "CertOpenSystemStoreW(ROOT) failed %lu\n", GetLastError());
    while (count < 10000 && (cert = CertEnumCertificatesInStore(store, cert)))
    {
        const CERT_INFO *info = cert->pCertInfo;
        count++;
        if (cert->cbCertEncoded > 64 && cert->pbCertEncoded[0] == 0x30 && info && info->Subject.cbData &&
            info->Subject.pbData[0] == 0x30 && info->Issuer.cbData && info->Issuer.pbData[0] == 0x30 &&
            CompareFileTime(&info->NotBefore, &info->NotAfter) < 0)
            well_formed++;
        if (info && CertVerifyTimeValidity(NULL, (CERT_INFO *)info) == 0) valid_now++;
        if (count == 1)
        {
            dup = CertDuplicateCertificateContext(cert);
            ok(dup && dup->cbCertEncoded == cert->cbCertEncoded, "CertDuplicateCertificateContext gave %p\n", dup);
            CertFreeCertificateContext(dup);
        }
    }
    ok(count > 0, "ROOT is empty\n");
    ok(well_formed == count, "%d of %d certificates well formed\n", well_formed, count);
    ok(valid_now > 0, "none of %d roots is valid now\n", count);
    ok(GetLastError() == CRYPT_E_NOT_FOUND, "end of the walk: %lx\n", GetLastError());
    cert = CertFindCertificateInStore(store, X509_ASN_ENCODING, 0, CERT_FIND_ANY, NULL, NULL);
    ok(cert != NULL, "CERT_FIND_ANY found nothing\n");
    CertFreeCertificateContext(cert);
    ok(CertCloseStore(store, 0), "CertCloseStore failed\n");
}

static void test_time_validity(void)
{
    CERT_INFO info = { 0 };
    FILETIME before = { 0, 100 }, inside = { 0, 200 }, after = { 0, 300 };

    info.NotBefore = before;
    info.NotAfter = after;
    ok(CertVerifyTimeValidity(&inside, &info) == 0, "inside\n");
    ok(CertVerifyTimeValidity(&before, &info) == 0, "at NotBefore\n");
    ok(CertVerifyTimeValidity(&after, &info) == 0, "at NotAfter\n");
    inside.dwHighDateTime = 50;
    ok(CertVerifyTimeValidity(&inside, &info) == -1, "before\n");
    inside.dwHighDateTime = 400;
    ok(CertVerifyTimeValidity(&inside, &info) == 1, "after\n");
    ok(CertVerifyTimeValidity(NULL, &info) == 1, "now is after 1601\n");
}

/* a link to a ROOT certificate in a memory store (.NET's X509Chain adds
   its extra certificates so) */
static void test_link(void)
{
    HCERTSTORE root = CertOpenSystemStoreW(0, L"ROOT"), mem = CertOpenStore(CERT_STORE_PROV_MEMORY, 0, 0, 0, NULL);
    PCCERT_CONTEXT cert = root ? CertEnumCertificatesInStore(root, NULL) : NULL, link = NULL, c;
    DWORD count;

    if (!cert) { skip("no root certificate\n"); CertCloseStore(root, 0); CertCloseStore(mem, 0); return; }
    ok(CertAddCertificateLinkToStore(mem, cert, CERT_STORE_ADD_ALWAYS, &link), "CertAddCertificateLinkToStore failed %lx\n",
       GetLastError());
    ok(link && link->cbCertEncoded == cert->cbCertEncoded &&
       !memcmp(link->pbCertEncoded, cert->pbCertEncoded, cert->cbCertEncoded), "the link's certificate\n");
    CertFreeCertificateContext(link);
    SetLastError(0xdeadbeef);
    ok(!CertAddCertificateLinkToStore(mem, cert, CERT_STORE_ADD_NEW, NULL) && GetLastError() == CRYPT_E_EXISTS,
       "a second link with CERT_STORE_ADD_NEW: %lx\n", GetLastError());
    for (c = NULL, count = 0; (c = CertEnumCertificatesInStore(mem, c)); count++)
        ok(c->cbCertEncoded == cert->cbCertEncoded, "the certificate linked\n");
    ok(count == 1, "%lu certificates in the store\n", count);
    CertFreeCertificateContext(cert);
    CertCloseStore(mem, 0);
    CertCloseStore(root, 0);
}

int main(void)
{
    test_start("store");
    test_memory_store();
    test_system_stores();
    test_root_certificates();
    test_time_validity();
    test_link();
    return test_summary();
}
