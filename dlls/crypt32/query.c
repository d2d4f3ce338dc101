/*
 * dlls/crypt32/query.c — CryptQueryObject for certificates: a file or a
 * blob holding one certificate, as DER (CERT_QUERY_FORMAT_BINARY) or as
 * base64, with or without PEM lines (CERT_QUERY_FORMAT_BASE64_ENCODED).
 * The certificate comes back as a context in a new memory store. Other
 * contents (PKCS#7, serialized stores, CRLs, PFX) are not recognized:
 * CRYPT_E_NO_MATCH.
 */
#include "private.h"

#define MAX_FILE (16 * 1024 * 1024)

/* a file's bytes, if it has at most `max` (HeapFree them); rootcerts.c
   reads the CA bundle with it */
BYTE *crypt32_read_file(const WCHAR *name, DWORD max, DWORD *size)
{
    HANDLE f = CreateFileW(name, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    LARGE_INTEGER len;
    BYTE *buf = NULL;

    if (f == INVALID_HANDLE_VALUE) return NULL;
    if (GetFileSizeEx(f, &len) && len.QuadPart <= max && (buf = HeapAlloc(GetProcessHeap(), 0, len.QuadPart + 1)) &&
        !ReadFile(f, buf, len.LowPart, size, NULL))
    {
        HeapFree(GetProcessHeap(), 0, buf);
        buf = NULL;
    }
    CloseHandle(f);
    return buf;
}

/* the certificate in `data` as a context of a new memory store */
static PCCERT_CONTEXT load_cert(const BYTE *data, DWORD size, HCERTSTORE *store_out)
{
    HCERTSTORE store;
    PCCERT_CONTEXT ctx = NULL;

    if (!(store = CertOpenStore(CERT_STORE_PROV_MEMORY, 0, 0, 0, NULL))) return NULL;
    if (!CertAddEncodedCertificateToStore(store, X509_ASN_ENCODING, data, size, CERT_STORE_ADD_ALWAYS, &ctx))
    {
        CertCloseStore(store, 0);
        return NULL;
    }
    *store_out = store;
    return ctx;
}

/* base64 text (PEM lines allowed) decoded (HeapFree it), or NULL */
static BYTE *from_base64(const BYTE *text, DWORD len, DWORD *size)
{
    BYTE *der;

    if (!CryptStringToBinaryA((const char *)text, len, CRYPT_STRING_BASE64_ANY, NULL, size, NULL, NULL)) return NULL;
    if (!(der = HeapAlloc(GetProcessHeap(), 0, *size))) return NULL;
    if (CryptStringToBinaryA((const char *)text, len, CRYPT_STRING_BASE64_ANY, der, size, NULL, NULL)) return der;
    HeapFree(GetProcessHeap(), 0, der);
    return NULL;
}

/* a certificate in the bytes: DER first, then base64; the format found */
static PCCERT_CONTEXT find_cert(const BYTE *data, DWORD size, DWORD formats, DWORD *format, HCERTSTORE *store)
{
    PCCERT_CONTEXT ctx = NULL;
    DWORD der_size;
    BYTE *der;

    if ((formats & CERT_QUERY_FORMAT_FLAG_BINARY) && (ctx = load_cert(data, size, store)))
    {
        *format = CERT_QUERY_FORMAT_BINARY;
        return ctx;
    }
    if ((formats & CERT_QUERY_FORMAT_FLAG_BASE64_ENCODED) && (der = from_base64(data, size, &der_size)))
    {
        if ((ctx = load_cert(der, der_size, store))) *format = CERT_QUERY_FORMAT_BASE64_ENCODED;
        HeapFree(GetProcessHeap(), 0, der);
    }
    return ctx;
}

BOOL WINAPI CryptQueryObject(DWORD type, const void *object, DWORD contents, DWORD formats, DWORD flags,
                             DWORD *encoding, DWORD *content, DWORD *format, HCERTSTORE *store_out,
                             HCRYPTMSG *msg, const void **context)
{
    const CERT_BLOB *blob = object;
    HCERTSTORE store = NULL;
    PCCERT_CONTEXT ctx = NULL;
    BYTE *file = NULL;
    const BYTE *data;
    DWORD size = 0, found = 0;

    (void)flags;
    if (!object) { SetLastError(E_INVALIDARG); return FALSE; }
    if (type == CERT_QUERY_OBJECT_FILE)
    {
        /* as Wine's crypt32 (tests/crypt32/query.c): an unreadable file is no match */
        if (!(file = crypt32_read_file(object, MAX_FILE, &size))) { SetLastError(CRYPT_E_NO_MATCH); return FALSE; }
        data = file;
    }
    else if (type == CERT_QUERY_OBJECT_BLOB) { data = blob->pbData; size = blob->cbData; }
    else { SetLastError(E_INVALIDARG); return FALSE; }

    if ((contents & CERT_QUERY_CONTENT_FLAG_CERT) && data && size) ctx = find_cert(data, size, formats, &found, &store);
    HeapFree(GetProcessHeap(), 0, file);
    if (!ctx) { SetLastError(CRYPT_E_NO_MATCH); return FALSE; }

    if (encoding) *encoding = X509_ASN_ENCODING;
    if (content) *content = CERT_QUERY_CONTENT_CERT;
    if (format) *format = found;
    if (msg) *msg = NULL;
    if (context) *context = ctx;
    else CertFreeCertificateContext(ctx);
    if (store_out) *store_out = store;
    else CertCloseStore(store, 0);
    return TRUE;
}
