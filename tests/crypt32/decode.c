/* tests/crypt32/decode.c — CryptDecodeObjectEx on X.509 structures
   (certificates, names, extensions, key info, octet strings), the size
   protocol (NULL buffer, ERROR_MORE_DATA, CRYPT_DECODE_ALLOC_FLAG), and
   CertCreateCertificateContext's CERT_INFO; damaged input fails cleanly.
   The certificates are tests/crypt32/certs.h (made by gencerts.sh). */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include "test.h"
#include "certs.h"

#define ENC (X509_ASN_ENCODING | PKCS_7_ASN_ENCODING)

static void *decode(LPCSTR type, const BYTE *data, DWORD size)
{
    void *out = NULL;
    DWORD len = 0;
    if (!CryptDecodeObjectEx(ENC, type, data, size, CRYPT_DECODE_ALLOC_FLAG, NULL, &out, &len)) return NULL;
    return out;
}

static void test_cert_info(void)
{
    PCCERT_CONTEXT ctx = CertCreateCertificateContext(ENC, cert_leaf, sizeof(cert_leaf));
    const CERT_INFO *info;
    SYSTEMTIME st;

    ok(ctx != NULL, "CertCreateCertificateContext failed %lx\n", GetLastError());
    if (!ctx) return;
    info = ctx->pCertInfo;
    ok(ctx->cbCertEncoded == sizeof(cert_leaf) && !memcmp(ctx->pbCertEncoded, cert_leaf, sizeof(cert_leaf)),
       "the encoding is not the certificate\n");
    ok(ctx->hCertStore != NULL, "no store\n");
    ok(info->dwVersion == CERT_V3, "version %lu\n", info->dwVersion);
    /* serial 0x1002, least significant byte first */
    ok(info->SerialNumber.cbData == 2 && info->SerialNumber.pbData[0] == 0x02 && info->SerialNumber.pbData[1] == 0x10,
       "serial %lu bytes\n", info->SerialNumber.cbData);
    ok(!strcmp(info->SignatureAlgorithm.pszObjId, szOID_ECDSA_SHA256), "signature %s\n", info->SignatureAlgorithm.pszObjId);
    ok(!strcmp(info->SubjectPublicKeyInfo.Algorithm.pszObjId, szOID_RSA_RSA), "key %s\n",
       info->SubjectPublicKeyInfo.Algorithm.pszObjId);
    ok(info->SubjectPublicKeyInfo.PublicKey.cbData == 270 && !info->SubjectPublicKeyInfo.PublicKey.cUnusedBits,
       "public key %lu bytes\n", info->SubjectPublicKeyInfo.PublicKey.cbData);
    ok(info->Subject.cbData && info->Subject.pbData[0] == 0x30, "subject\n");
    ok(info->Issuer.cbData && info->Issuer.pbData[0] == 0x30, "issuer\n");
    FileTimeToSystemTime(&info->NotBefore, &st);
    ok(st.wYear == 2020 && st.wMonth == 1 && st.wDay == 1 && st.wHour == 0, "NotBefore %u-%u-%u\n", st.wYear, st.wMonth, st.wDay);
    FileTimeToSystemTime(&info->NotAfter, &st);
    ok(st.wYear == 2049 && st.wMonth == 12 && st.wDay == 31 && st.wSecond == 59, "NotAfter %u-%u-%u\n", st.wYear, st.wMonth, st.wDay);
    ok(info->cExtension == 6, "%lu extensions\n", info->cExtension);
    ok(CertFindExtension(szOID_SUBJECT_ALT_NAME2, info->cExtension, info->rgExtension) != NULL, "no SAN\n");
    ok(CertFindExtension(szOID_BASIC_CONSTRAINTS2, info->cExtension, info->rgExtension)->fCritical, "not critical\n");
    ok(!CertFindExtension(szOID_BASIC_CONSTRAINTS2, 0, NULL), "found in nothing\n");
    ok(!CertFindExtension("1.2.3.4", info->cExtension, info->rgExtension), "found 1.2.3.4\n");
    CertFreeCertificateContext(ctx);
}

static void test_name(void)
{
    PCCERT_CONTEXT ctx = CertCreateCertificateContext(ENC, cert_leaf, sizeof(cert_leaf));
    CERT_NAME_INFO *name;
    CERT_RDN_ATTR *attr;

    name = decode(X509_NAME, ctx->pCertInfo->Subject.pbData, ctx->pCertInfo->Subject.cbData);
    ok(name != NULL, "X509_NAME failed %lx\n", GetLastError());
    if (name)
    {
        ok(name->cRDN == 2, "%lu RDNs\n", name->cRDN);
        attr = &name->rgRDN[0].rgRDNAttr[0];
        ok(name->rgRDN[0].cRDNAttr == 1 && !strcmp(attr->pszObjId, szOID_COMMON_NAME), "first %s\n", attr->pszObjId);
        /* openssl writes UTF8String; X509_NAME gives it as UTF-16 */
        ok(attr->dwValueType == CERT_RDN_UTF8_STRING, "type %lu\n", attr->dwValueType);
        ok(attr->Value.cbData == 24 && !memcmp(attr->Value.pbData, L"www.wlx.test", 24), "value %lu bytes\n",
           attr->Value.cbData);
        attr = &name->rgRDN[1].rgRDNAttr[0];
        ok(!strcmp(attr->pszObjId, szOID_ORGANIZATION_NAME), "second %s\n", attr->pszObjId);
        LocalFree(name);
    }
    name = decode(X509_UNICODE_NAME, ctx->pCertInfo->Issuer.pbData, ctx->pCertInfo->Issuer.cbData);
    ok(name != NULL, "X509_UNICODE_NAME failed %lx\n", GetLastError());
    if (name)
    {
        attr = &name->rgRDN[0].rgRDNAttr[0];
        ok(attr->Value.cbData >= 42 && !lstrcmpW((WCHAR *)attr->Value.pbData, L"wlx test intermediate"),
           "issuer %lu bytes\n", attr->Value.cbData);
        LocalFree(name);
    }
    CertFreeCertificateContext(ctx);
}

static CERT_EXTENSION *leaf_ext(PCCERT_CONTEXT ctx, LPCSTR oid)
{
    return CertFindExtension(oid, ctx->pCertInfo->cExtension, ctx->pCertInfo->rgExtension);
}

static void test_extensions(void)
{
    PCCERT_CONTEXT leaf = CertCreateCertificateContext(ENC, cert_leaf, sizeof(cert_leaf));
    PCCERT_CONTEXT root = CertCreateCertificateContext(ENC, cert_root, sizeof(cert_root));
    CERT_EXTENSION *ext;
    CERT_BASIC_CONSTRAINTS2_INFO *bc;
    CERT_ENHKEY_USAGE *eku;
    CERT_ALT_NAME_INFO *san;
    CRYPT_BIT_BLOB *bits;
    CRYPT_DATA_BLOB *id;

    ext = leaf_ext(leaf, szOID_BASIC_CONSTRAINTS2);
    bc = decode(X509_BASIC_CONSTRAINTS2, ext->Value.pbData, ext->Value.cbData);
    ok(bc && !bc->fCA && !bc->fPathLenConstraint, "leaf basic constraints\n");
    LocalFree(bc);
    ext = leaf_ext(root, szOID_BASIC_CONSTRAINTS2);
    bc = decode(szOID_BASIC_CONSTRAINTS2, ext->Value.pbData, ext->Value.cbData);
    ok(bc && bc->fCA, "root is no CA\n");
    LocalFree(bc);

    ext = leaf_ext(leaf, szOID_ENHANCED_KEY_USAGE);
    eku = decode(X509_ENHANCED_KEY_USAGE, ext->Value.pbData, ext->Value.cbData);
    ok(eku && eku->cUsageIdentifier == 2, "EKU\n");
    if (eku)
    {
        ok(!strcmp(eku->rgpszUsageIdentifier[0], szOID_PKIX_KP_SERVER_AUTH), "usage 0 %s\n", eku->rgpszUsageIdentifier[0]);
        ok(!strcmp(eku->rgpszUsageIdentifier[1], szOID_PKIX_KP_CLIENT_AUTH), "usage 1 %s\n", eku->rgpszUsageIdentifier[1]);
    }
    LocalFree(eku);

    ext = leaf_ext(leaf, szOID_KEY_USAGE);
    bits = decode(X509_KEY_USAGE, ext->Value.pbData, ext->Value.cbData);
    ok(bits && bits->cbData == 1 && bits->pbData[0] == (CERT_DIGITAL_SIGNATURE_KEY_USAGE | CERT_KEY_ENCIPHERMENT_KEY_USAGE),
       "key usage\n");
    LocalFree(bits);
    ext = leaf_ext(leaf, szOID_SUBJECT_KEY_IDENTIFIER);
    id = decode(szOID_SUBJECT_KEY_IDENTIFIER, ext->Value.pbData, ext->Value.cbData);
    ok(id && id->cbData == 20, "subject key identifier\n");
    LocalFree(id);

    ext = leaf_ext(leaf, szOID_SUBJECT_ALT_NAME2);
    san = decode(X509_ALTERNATE_NAME, ext->Value.pbData, ext->Value.cbData);
    ok(san && san->cAltEntry == 3, "SAN\n");
    if (san && san->cAltEntry == 3)
    {
        ok(san->rgAltEntry[0].dwAltNameChoice == CERT_ALT_NAME_DNS_NAME &&
           !lstrcmpW(san->rgAltEntry[0].pwszDNSName, L"www.wlx.test"), "entry 0\n");
        ok(san->rgAltEntry[1].dwAltNameChoice == CERT_ALT_NAME_DNS_NAME &&
           !lstrcmpW(san->rgAltEntry[1].pwszDNSName, L"*.api.wlx.test"), "entry 1\n");
        ok(san->rgAltEntry[2].dwAltNameChoice == CERT_ALT_NAME_IP_ADDRESS && san->rgAltEntry[2].IPAddress.cbData == 4 &&
           !memcmp(san->rgAltEntry[2].IPAddress.pbData, "\x7f\0\0\x01", 4), "entry 2\n");
    }
    LocalFree(san);
    CertFreeCertificateContext(leaf);
    CertFreeCertificateContext(root);
}

static void test_signed_and_key(void)
{
    CERT_SIGNED_CONTENT_INFO *sig = decode(X509_CERT, cert_root, sizeof(cert_root));
    CERT_INFO *info;
    CERT_EXTENSIONS *exts;
    BYTE last = cert_root[sizeof(cert_root) - 1];

    ok(sig != NULL, "X509_CERT failed %lx\n", GetLastError());
    if (sig)
    {
        ok(sig->ToBeSigned.pbData[0] == 0x30 && sig->ToBeSigned.cbData < sizeof(cert_root), "to be signed\n");
        ok(!strcmp(sig->SignatureAlgorithm.pszObjId, szOID_RSA_SHA256RSA), "algorithm %s\n", sig->SignatureAlgorithm.pszObjId);
        /* the signature comes out reversed: its last byte first */
        ok(sig->Signature.cbData == 256 && sig->Signature.pbData[0] == last, "signature\n");
        info = decode(X509_CERT_TO_BE_SIGNED, sig->ToBeSigned.pbData, sig->ToBeSigned.cbData);
        ok(info && info->cExtension == 3, "to be signed decoded alone\n");
        if (info)
        {
            /* the tbs extensions, re-read as X509_EXTENSIONS: the content of
               its last element, [3] (short length form for these three) */
            const BYTE *p = sig->ToBeSigned.pbData, *end = p + sig->ToBeSigned.cbData;
            while (p < end - 2 && !(p[0] == 0xa3 && p + 2 + p[1] == end)) p++;
            exts = p < end - 2 ? decode(X509_EXTENSIONS, p + 2, p[1]) : NULL;
            ok(exts && exts->cExtension == 3, "X509_EXTENSIONS\n");
            LocalFree(exts);
        }
        LocalFree(info);
        LocalFree(sig);
    }
}

static void test_octets_and_key_info(void)
{
    static const BYTE octets[] = { 0x04, 0x03, 1, 2, 3 }, null[] = { 0x05, 0x00 };
    /* SEQUENCE { SEQUENCE { OID 1.2.840.10045.2.1, OID prime256v1 }, BIT STRING 04 01 02 } */
    static const BYTE spki[] = { 0x30, 0x1a, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01,
                                 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07,
                                 0x03, 0x03, 0x00, 0x04, 0x01 };
    CRYPT_DATA_BLOB *blob = decode(X509_OCTET_STRING, octets, sizeof(octets));
    CERT_PUBLIC_KEY_INFO *key;

    ok(blob && blob->cbData == 3 && !memcmp(blob->pbData, "\1\2\3", 3), "octet string\n");
    LocalFree(blob);
    SetLastError(0xdeadbeef);
    ok(!decode(X509_OCTET_STRING, null, sizeof(null)), "NULL decoded as an octet string\n");
    ok(GetLastError() == CRYPT_E_ASN1_BADTAG, "error %lx\n", GetLastError());
    key = decode(X509_PUBLIC_KEY_INFO, spki, sizeof(spki));
    ok(key != NULL, "X509_PUBLIC_KEY_INFO failed %lx\n", GetLastError());
    if (key)
    {
        ok(!strcmp(key->Algorithm.pszObjId, szOID_ECC_PUBLIC_KEY), "algorithm %s\n", key->Algorithm.pszObjId);
        ok(key->Algorithm.Parameters.cbData == 10 && key->Algorithm.Parameters.pbData[0] == 0x06, "parameters\n");
        ok(key->PublicKey.cbData == 2 && key->PublicKey.pbData[0] == 4, "key bits\n");
        LocalFree(key);
    }
}

static void test_size_protocol(void)
{
    PCCERT_CONTEXT ctx = CertCreateCertificateContext(ENC, cert_leaf, sizeof(cert_leaf));
    const CERT_NAME_BLOB *subject = &ctx->pCertInfo->Subject;
    DWORD size = 0, small;
    BYTE *buf;

    ok(CryptDecodeObjectEx(ENC, X509_NAME, subject->pbData, subject->cbData, 0, NULL, NULL, &size), "size query\n");
    ok(size > sizeof(CERT_NAME_INFO), "size %lu\n", size);
    buf = HeapAlloc(GetProcessHeap(), 0, size);
    small = size - 1;
    SetLastError(0xdeadbeef);
    ok(!CryptDecodeObjectEx(ENC, X509_NAME, subject->pbData, subject->cbData, 0, NULL, buf, &small), "too small worked\n");
    ok(GetLastError() == ERROR_MORE_DATA && small == size, "error %lx size %lu\n", GetLastError(), small);
    small = size;
    ok(CryptDecodeObject(ENC, X509_NAME, subject->pbData, subject->cbData, 0, buf, &small), "exact size failed\n");
    ok(((CERT_NAME_INFO *)buf)->cRDN == 2, "decoded %lu RDNs\n", ((CERT_NAME_INFO *)buf)->cRDN);
    HeapFree(GetProcessHeap(), 0, buf);
    CertFreeCertificateContext(ctx);
}

/* every truncation of a certificate, and damaged bytes, fail without a crash */
static void test_bad_input(void)
{
    BYTE copy[sizeof(cert_leaf)];
    PCCERT_CONTEXT ctx;
    static const LPCSTR types[] = { X509_NAME, X509_UNICODE_NAME, X509_EXTENSIONS, X509_ALTERNATE_NAME,
                                    X509_BASIC_CONSTRAINTS2, X509_ENHANCED_KEY_USAGE, X509_PUBLIC_KEY_INFO,
                                    X509_CERT, X509_CERT_TO_BE_SIGNED, X509_OCTET_STRING, X509_KEY_USAGE };
    DWORD i, failed = 0, seed = 12345, err, size = 0;
    void *out;

    for (i = 0; i < sizeof(cert_leaf); i++)
    {
        SetLastError(0xdeadbeef);
        ctx = CertCreateCertificateContext(ENC, cert_leaf, i);
        if (!ctx && (GetLastError() & 0xffff0000) == 0x80090000) failed++;
        CertFreeCertificateContext(ctx);
    }
    ok(failed == sizeof(cert_leaf), "%lu of %u truncations failed with an ASN.1 error\n", failed, (unsigned)sizeof(cert_leaf));
    SetLastError(0xdeadbeef);
    ok(!CertCreateCertificateContext(ENC, cert_leaf, 40), "truncated\n");
    err = GetLastError();
    ok(err == CRYPT_E_ASN1_EOD || err == CRYPT_E_ASN1_CORRUPT, "error %lx\n", err);
    for (i = 0; i < 2000; i++)        /* flipped bytes: any answer but a crash */
    {
        memcpy(copy, cert_leaf, sizeof(copy));
        seed = seed * 1103515245 + 12345;
        copy[(seed >> 8) % sizeof(copy)] ^= 1 << (seed >> 4) % 8;
        seed = seed * 1103515245 + 12345;
        copy[(seed >> 8) % 200] = seed >> 20;
        ctx = CertCreateCertificateContext(ENC, copy, sizeof(copy));
        CertFreeCertificateContext(ctx);
        /* and the other decoders, from a few places inside it */
        for (DWORD t = 0; t < ARRAYSIZE(types); t++)
            LocalFree(decode(types[t], copy + (seed >> 12) % 300, sizeof(copy) - 300));
    }
    SetLastError(0xdeadbeef);
    ok(!CryptDecodeObjectEx(ENC, X509_CERT, NULL, 0, CRYPT_DECODE_ALLOC_FLAG, NULL, &out, &size), "decoded nothing\n");
    SetLastError(0xdeadbeef);
    ok(!CryptDecodeObjectEx(ENC, "1.2.3.4.5", cert_leaf, sizeof(cert_leaf), CRYPT_DECODE_ALLOC_FLAG, NULL, &out, &size),
       "decoded an unknown type\n");
    ok(GetLastError() == ERROR_FILE_NOT_FOUND, "unknown type: error %lx\n", GetLastError());
}

int main(void)
{
    test_start("decode");
    test_cert_info();
    test_name();
    test_extensions();
    test_signed_and_key();
    test_octets_and_key_info();
    test_size_protocol();
    test_bad_input();
    return test_summary();
}
