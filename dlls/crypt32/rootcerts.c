/*
 * The trusted root certificates: the "ROOT" system store holds the host's
 * CA bundle (/etc/ssl/certs/ca-certificates.crt through drive Z:), read
 * once per process, as Windows' ROOT store holds its trusted roots. Each
 * PEM block becomes a context of the ROOT store (cert.c); one that does
 * not decode is left out.
 */
#include "private.h"

#define BUNDLE_PATH L"Z:\\etc\\ssl\\certs\\ca-certificates.crt"
#define MAX_BUNDLE  (8 * 1024 * 1024)
#define PEM_END     "-----END CERTIFICATE-----"

static INIT_ONCE roots_once = INIT_ONCE_STATIC_INIT;

/* one PEM block (up to its END line) as a context of the ROOT store */
static void add_root(HCERTSTORE store, const char *block, DWORD len)
{
    DWORD der_size, skip, err;
    struct cert *c;
    BYTE *der;

    if (!CryptStringToBinaryA(block, len, CRYPT_STRING_BASE64HEADER, NULL, &der_size, &skip, NULL)) return;
    if (!(der = HeapAlloc(GetProcessHeap(), 0, der_size))) return;
    if (CryptStringToBinaryA(block, len, CRYPT_STRING_BASE64HEADER, der, &der_size, NULL, NULL) &&
        (c = cert_create(der, der_size, store, &err)))
        store_append(store, c);
    HeapFree(GetProcessHeap(), 0, der);
}

/* each "-----BEGIN CERTIFICATE-----" block of the bundle */
static BOOL CALLBACK load_roots(INIT_ONCE *once, void *store, void **ctx)
{
    const DWORD end_len = sizeof(PEM_END) - 1;
    DWORD size = 0, pos = 0;
    char *text = (char *)crypt32_read_file(BUNDLE_PATH, MAX_BUNDLE, &size);

    (void)once; (void)ctx;
    if (!text) return TRUE;
    while (pos < size)
    {
        const char *block = text + pos;
        DWORD rest = size - pos, end;

        for (end = 0; end + end_len <= rest && memcmp(block + end, PEM_END, end_len); end++) {}
        if (end + end_len > rest) break;
        end += end_len;
        pos += end;
        add_root(store, block, end);
    }
    HeapFree(GetProcessHeap(), 0, text);
    return TRUE;
}

void crypt32_load_roots(HCERTSTORE root)
{
    InitOnceExecuteOnce(&roots_once, load_roots, root, NULL);
}
