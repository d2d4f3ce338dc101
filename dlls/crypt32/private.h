/*
 * dlls/crypt32/private.h — what crypt32's files share: the SDK header with
 * crypt32's own functions not marked dllimport.
 */
#ifndef WLX_CRYPT32_PRIVATE_H
#define WLX_CRYPT32_PRIVATE_H

#define WIN32_LEAN_AND_MEAN
#define WINIMPM
#define WINCRYPT32API
#define CRYPT_OID_INFO_HAS_EXTRA_FIELDS   /* the CNG names (Windows Vista on) */
#include <windows.h>
#include <wincrypt.h>

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

/* cert.c: a certificate context as crypt32 keeps it */
struct cert {
    CERT_CONTEXT ctx;            /* what callers see: first */
    DWORD magic;                 /* CERT_MAGIC while alive */
    LONG refs;
    struct cert *next;           /* in its store's list (store.c) */
    BOOL listed;                 /* its store's list holds it (one of `refs`) */
    struct cert_prop *props;     /* set by CertSetCertificateContextProperty */
};
struct cert_prop {
    struct cert_prop *next;
    DWORD id, size;
    BYTE data[];                 /* as CertGetCertificateContextProperty gives it */
};
#define CERT_MAGIC 0x43657274    /* "Cert" */
struct cert *cert_get(PCCERT_CONTEXT ctx);
struct cert *cert_create(const BYTE *der, DWORD size, HCERTSTORE store, DWORD *error);
BOOL cert_same(PCCERT_CONTEXT a, PCCERT_CONTEXT b);
BOOL cert_hash(PCCERT_CONTEXT ctx, const WCHAR *alg, BYTE *out, DWORD len);

/* store.c: contexts hold their store; the "empty" store names contexts
   created outside any store */
extern HCERTSTORE crypt32_empty_store;
void store_hold(HCERTSTORE store);
void store_release(HCERTSTORE store);
void store_append(HCERTSTORE store, struct cert *cert);

/* query.c: a whole file, up to `max` bytes (HeapFree it) */
BYTE *crypt32_read_file(const WCHAR *name, DWORD max, DWORD *size);

/* rootcerts.c: fills the ROOT store with the host's trusted roots, once */
void crypt32_load_roots(HCERTSTORE root);

/* verify.c: 0 if the signed DER object is signed by `key`, else why not */
DWORD crypt32_verify_signed(const BYTE *encoded, DWORD size, const CERT_PUBLIC_KEY_INFO *key);
/* verify.c: 0 if `data` is signed by `key` (`sig` as a CMS signer encodes it) */
DWORD crypt32_verify_data(const BYTE *data, DWORD size, const CRYPT_ALGORITHM_IDENTIFIER *alg, const char *hash_oid,
                          const BYTE *sig, DWORD sig_len, const CERT_PUBLIC_KEY_INFO *key);

/* decode.c: the decoded struct in one heap block (HeapFree it) */
DWORD crypt32_decode(LPCSTR type, const BYTE *data, DWORD size, void **result);

/* der.c: a window over untrusted DER; `start` is an element's first byte
   (its tag), [p, end) its content or what is left to read */
struct der { const BYTE *start, *p, *end; };
#define DER_MAX_OID 128          /* chars of the longest dotted OID read */
struct der der_init(const BYTE *data, DWORD size);
DWORD der_read(struct der *d, BYTE *tag, struct der *elem);
DWORD der_take(struct der *d, BYTE tag, struct der *elem);
BOOL der_peek(const struct der *d, BYTE tag);
DWORD der_uint(const struct der *c, DWORD *value);
DWORD der_time(struct der *d, FILETIME *ft);
DWORD der_oid_string(const struct der *c, char *buf, DWORD size);
BOOL der_oid_is(const struct der *c, const char *oid);
DWORD der_from_ber(const BYTE *data, DWORD size, BYTE **out, DWORD *out_size);

#endif
