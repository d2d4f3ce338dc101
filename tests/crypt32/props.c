/* tests/crypt32/props.c — certificate context properties: a data blob set,
   read back (its size asked first, ERROR_MORE_DATA for a short buffer),
   replaced and removed; CRYPT_KEY_PROV_INFO read back whole (its strings and
   parameters in the same buffer); a duplicate context sees what the
   original set; an unset property is CRYPT_E_NOT_FOUND; a set SHA-1 hash
   property wins over the computed one. */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include "test.h"
#include "certs.h"

#define ENC (X509_ASN_ENCODING | PKCS_7_ASN_ENCODING)

static void test_blob(PCCERT_CONTEXT cert)
{
    BYTE name[] = "a friendly name", buf[64];
    CRYPT_DATA_BLOB blob = { sizeof(name), name };
    PCCERT_CONTEXT dup;
    DWORD size = 0;

    SetLastError(0xdeadbeef);
    ok(!CertGetCertificateContextProperty(cert, CERT_FRIENDLY_NAME_PROP_ID, NULL, &size)
       && GetLastError() == (DWORD)CRYPT_E_NOT_FOUND, "unset: error %lx\n", GetLastError());
    ok(CertSetCertificateContextProperty(cert, CERT_FRIENDLY_NAME_PROP_ID, 0, &blob), "set: %lx\n", GetLastError());
    ok(CertGetCertificateContextProperty(cert, CERT_FRIENDLY_NAME_PROP_ID, NULL, &size) && size == sizeof(name),
       "size %lu\n", size);
    size = 4;
    SetLastError(0xdeadbeef);
    ok(!CertGetCertificateContextProperty(cert, CERT_FRIENDLY_NAME_PROP_ID, buf, &size)
       && GetLastError() == ERROR_MORE_DATA && size == sizeof(name), "short buffer: %lx size %lu\n", GetLastError(), size);
    size = sizeof(buf);
    ok(CertGetCertificateContextProperty(cert, CERT_FRIENDLY_NAME_PROP_ID, buf, &size)
       && size == sizeof(name) && !memcmp(buf, name, size), "read back: %lu\n", size);

    dup = CertDuplicateCertificateContext(cert);
    size = sizeof(buf);
    ok(CertGetCertificateContextProperty(dup, CERT_FRIENDLY_NAME_PROP_ID, buf, &size) && size == sizeof(name),
       "through a duplicate: %lx\n", GetLastError());
    CertFreeCertificateContext(dup);

    blob.cbData = 3;
    ok(CertSetCertificateContextProperty(cert, CERT_FRIENDLY_NAME_PROP_ID, 0, &blob), "replace\n");
    size = sizeof(buf);
    ok(CertGetCertificateContextProperty(cert, CERT_FRIENDLY_NAME_PROP_ID, buf, &size) && size == 3, "replaced: %lu\n", size);
    ok(CertSetCertificateContextProperty(cert, CERT_FRIENDLY_NAME_PROP_ID, 0, NULL), "remove\n");
    ok(!CertGetCertificateContextProperty(cert, CERT_FRIENDLY_NAME_PROP_ID, NULL, &size), "still there after removal\n");
}

static void test_key_prov_info(PCCERT_CONTEXT cert)
{
    BYTE param_data[] = { 1, 2, 3 };
    CRYPT_KEY_PROV_PARAM param = { 7, param_data, sizeof(param_data), 0 };
    CRYPT_KEY_PROV_INFO info = { (WCHAR *)L"container", (WCHAR *)L"a provider", PROV_RSA_FULL, 0, 1, &param, AT_KEYEXCHANGE };
    CRYPT_KEY_PROV_INFO *got;
    DWORD size = 0;

    ok(CertSetCertificateContextProperty(cert, CERT_KEY_PROV_INFO_PROP_ID, 0, &info), "set: %lx\n", GetLastError());
    ok(CertGetCertificateContextProperty(cert, CERT_KEY_PROV_INFO_PROP_ID, NULL, &size) && size > sizeof(info),
       "size %lu\n", size);
    got = HeapAlloc(GetProcessHeap(), 0, size);
    ok(CertGetCertificateContextProperty(cert, CERT_KEY_PROV_INFO_PROP_ID, got, &size), "get: %lx\n", GetLastError());
    ok(got->pwszContainerName && !lstrcmpW(got->pwszContainerName, L"container"), "container %ls\n", got->pwszContainerName);
    ok(got->pwszProvName && !lstrcmpW(got->pwszProvName, L"a provider"), "provider %ls\n", got->pwszProvName);
    ok(got->dwProvType == PROV_RSA_FULL && got->dwKeySpec == AT_KEYEXCHANGE && got->cProvParam == 1, "fields\n");
    ok(got->cProvParam == 1 && got->rgProvParam[0].dwParam == 7 && got->rgProvParam[0].cbData == 3
       && !memcmp(got->rgProvParam[0].pbData, param_data, 3), "parameter\n");
    ok((BYTE *)got->pwszContainerName >= (BYTE *)got && (BYTE *)got->pwszContainerName < (BYTE *)got + size,
       "the strings are in the buffer\n");
    HeapFree(GetProcessHeap(), 0, got);
}

static void test_hash(PCCERT_CONTEXT cert)
{
    BYTE hash[20], mine[20];
    CRYPT_DATA_BLOB blob = { sizeof(mine), mine };
    DWORD size = sizeof(hash);

    ok(CertGetCertificateContextProperty(cert, CERT_SHA1_HASH_PROP_ID, hash, &size) && size == 20, "computed\n");
    memset(mine, 0x5a, sizeof(mine));
    ok(CertSetCertificateContextProperty(cert, CERT_SHA1_HASH_PROP_ID, 0, &blob), "set the hash\n");
    size = sizeof(hash);
    ok(CertGetCertificateContextProperty(cert, CERT_SHA1_HASH_PROP_ID, hash, &size) && !memcmp(hash, mine, 20),
       "the set hash wins\n");
}

int main(void)
{
    PCCERT_CONTEXT cert;

    test_start("crypt32/props");
    cert = CertCreateCertificateContext(ENC, cert_leaf, sizeof(cert_leaf));
    ok(cert != NULL, "CertCreateCertificateContext: %lx\n", GetLastError());
    if (!cert) return test_summary();
    test_blob(cert);
    test_key_prov_info(cert);
    test_hash(cert);
    CertFreeCertificateContext(cert);
    return test_summary();
}
