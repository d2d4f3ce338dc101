/* tests/crypt32/query.c — CryptQueryObject on a certificate: DER and PEM,
   in a blob and in a file; what is not a certificate is no match. */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include "test.h"
#include "certs.h"

#define ANY_CONTENT CERT_QUERY_CONTENT_FLAG_ALL
#define ANY_FORMAT  CERT_QUERY_FORMAT_FLAG_ALL

/* queries a blob; the format found, or 0 when it fails */
static DWORD query_blob(const void *data, DWORD size, DWORD contents)
{
    CERT_BLOB blob = { size, (BYTE *)data };
    DWORD encoding = 0, content = 0, format = 0;
    HCERTSTORE store = NULL;
    HCRYPTMSG msg = (HCRYPTMSG)1;
    PCCERT_CONTEXT ctx = NULL;

    if (!CryptQueryObject(CERT_QUERY_OBJECT_BLOB, &blob, contents, ANY_FORMAT, 0, &encoding, &content, &format,
                          &store, &msg, (const void **)&ctx))
        return 0;
    ok(content == CERT_QUERY_CONTENT_CERT, "content %lu\n", content);
    ok(encoding == X509_ASN_ENCODING, "encoding %lx\n", encoding);
    ok(ctx && ctx->cbCertEncoded == sizeof(cert_leaf) && !memcmp(ctx->pbCertEncoded, cert_leaf, sizeof(cert_leaf)),
       "the context is not the certificate\n");
    ok(store && CertFindCertificateInStore(store, X509_ASN_ENCODING, 0, CERT_FIND_EXISTING, ctx, NULL) != NULL,
       "the store does not hold it\n");
    ok(msg == NULL, "a message for a certificate\n");
    CertFreeCertificateContext(ctx);
    CertCloseStore(store, 0);
    return format;
}

static char *pem_of(const BYTE *der, DWORD size)
{
    DWORD len = 0;
    char *pem;
    CryptBinaryToStringA(der, size, CRYPT_STRING_BASE64HEADER, NULL, &len);
    pem = malloc(len);
    CryptBinaryToStringA(der, size, CRYPT_STRING_BASE64HEADER, pem, &len);
    return pem;
}

static void test_blobs(void)
{
    char *pem = pem_of(cert_leaf, sizeof(cert_leaf));
    static const BYTE junk[] = "not a certificate at all";

    ok(query_blob(cert_leaf, sizeof(cert_leaf), ANY_CONTENT) == CERT_QUERY_FORMAT_BINARY, "DER blob\n");
    ok(query_blob(cert_leaf, sizeof(cert_leaf), CERT_QUERY_CONTENT_FLAG_CERT) == CERT_QUERY_FORMAT_BINARY, "DER, CERT only\n");
    ok(query_blob(pem, strlen(pem), ANY_CONTENT) == CERT_QUERY_FORMAT_BASE64_ENCODED, "PEM blob\n");
    SetLastError(0xdeadbeef);
    ok(!query_blob(junk, sizeof(junk), ANY_CONTENT), "junk matched\n");
    ok(GetLastError() == CRYPT_E_NO_MATCH, "junk: error %lx\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!query_blob(cert_leaf, 100, ANY_CONTENT), "a truncated certificate matched\n");
    ok(GetLastError() == CRYPT_E_NO_MATCH, "truncated: error %lx\n", GetLastError());
    free(pem);
}

static void test_file(void)
{
    WCHAR dir[MAX_PATH], path[MAX_PATH];
    DWORD written, content = 0, format = 0;
    PCCERT_CONTEXT ctx = NULL;
    HANDLE f;

    GetTempPathW(MAX_PATH, dir);
    GetTempFileNameW(dir, L"crt", 0, path);
    f = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    ok(f != INVALID_HANDLE_VALUE, "cannot create %ls\n", path);
    WriteFile(f, cert_root, sizeof(cert_root), &written, NULL);
    CloseHandle(f);
    ok(CryptQueryObject(CERT_QUERY_OBJECT_FILE, path, ANY_CONTENT, ANY_FORMAT, 0, NULL, &content, &format, NULL, NULL,
                        (const void **)&ctx), "file query failed %lx\n", GetLastError());
    ok(content == CERT_QUERY_CONTENT_CERT && format == CERT_QUERY_FORMAT_BINARY, "content %lu format %lu\n", content, format);
    ok(ctx && ctx->cbCertEncoded == sizeof(cert_root), "file context\n");
    CertFreeCertificateContext(ctx);
    DeleteFileW(path);
    SetLastError(0xdeadbeef);
    ok(!CryptQueryObject(CERT_QUERY_OBJECT_FILE, path, ANY_CONTENT, ANY_FORMAT, 0, NULL, NULL, NULL, NULL, NULL, NULL),
       "a missing file matched\n");
    ok(GetLastError() == CRYPT_E_NO_MATCH, "missing file: error %lx\n", GetLastError());
}

int main(void)
{
    test_start("query");
    test_blobs();
    test_file();
    return test_summary();
}
