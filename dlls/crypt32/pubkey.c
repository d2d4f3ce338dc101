/*
 * dlls/crypt32/pubkey.c — CryptImportPublicKeyInfoEx2: a certificate's
 * public key (CERT_PUBLIC_KEY_INFO) as a bcrypt key handle. RSA keys
 * become BCRYPT_RSAPUBLIC_BLOBs for the "RSA" provider; EC keys on P-256,
 * P-384 and P-521 BCRYPT_ECCPUBLIC_BLOBs for "ECDSA_P256" and its kin
 * (.NET gets its ECDsa keys from certificates so). Other keys: NTE_BAD_ALGID.
 */
#include "private.h"
#include <bcrypt.h>

static BOOL fail(DWORD error)
{
    SetLastError(error);
    return FALSE;
}

/* an INTEGER's magnitude, its leading zeros dropped */
static DWORD take_uint(struct der *d, const BYTE **p, DWORD *len)
{
    struct der c;
    DWORD err = der_take(d, 0x02, &c);

    if (err) return err;
    if (c.p == c.end || (*c.p & 0x80)) return CRYPT_E_ASN1_CORRUPT;
    while (c.end - c.p > 1 && !*c.p) c.p++;
    *p = c.p;
    *len = c.end - c.p;
    return 0;
}

/* RSAPublicKey ::= SEQUENCE { modulus, publicExponent } as a BCRYPT_RSAKEY_BLOB */
static DWORD rsa_blob(const CRYPT_BIT_BLOB *bits, BYTE **blob, DWORD *size)
{
    struct der all = der_init(bits->pbData, bits->cbData), seq;
    const BYTE *n, *e;
    DWORD n_len, e_len, err;
    BCRYPT_RSAKEY_BLOB *hdr;

    if ((err = der_take(&all, 0x30, &seq)) || (err = take_uint(&seq, &n, &n_len)) || (err = take_uint(&seq, &e, &e_len)))
        return err;
    *size = sizeof(*hdr) + e_len + n_len;
    if (!(hdr = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, *size))) return ERROR_OUTOFMEMORY;
    hdr->Magic = BCRYPT_RSAPUBLIC_MAGIC;
    hdr->BitLength = n_len * 8;
    hdr->cbPublicExp = e_len;
    hdr->cbModulus = n_len;
    memcpy(hdr + 1, e, e_len);
    memcpy((BYTE *)(hdr + 1) + e_len, n, n_len);
    *blob = (BYTE *)hdr;
    return 0;
}

/* an uncompressed point 04 || X || Y on the curve the parameters name */
static DWORD ecc_blob(const CERT_PUBLIC_KEY_INFO *info, const WCHAR **alg, BYTE **blob, DWORD *size)
{
    static const struct { const char *oid; const WCHAR *alg; DWORD magic, len; } curves[] = {
        { szOID_ECC_CURVE_P256, BCRYPT_ECDSA_P256_ALGORITHM, BCRYPT_ECDSA_PUBLIC_P256_MAGIC, 32 },
        { szOID_ECC_CURVE_P384, BCRYPT_ECDSA_P384_ALGORITHM, BCRYPT_ECDSA_PUBLIC_P384_MAGIC, 48 },
        { szOID_ECC_CURVE_P521, BCRYPT_ECDSA_P521_ALGORITHM, BCRYPT_ECDSA_PUBLIC_P521_MAGIC, 66 },
    };
    struct der all = der_init(info->Algorithm.Parameters.pbData, info->Algorithm.Parameters.cbData), oid;
    const CRYPT_BIT_BLOB *bits = &info->PublicKey;
    BCRYPT_ECCKEY_BLOB *hdr;
    DWORD i, err;

    if ((err = der_take(&all, 0x06, &oid))) return err;
    for (i = 0; i < ARRAY_SIZE(curves) && !der_oid_is(&oid, curves[i].oid); i++) {}
    if (i == ARRAY_SIZE(curves)) return NTE_BAD_ALGID;
    if (bits->cbData != 1 + 2 * curves[i].len || bits->pbData[0] != 4) return NTE_BAD_PUBLIC_KEY;
    *size = sizeof(*hdr) + 2 * curves[i].len;
    if (!(hdr = HeapAlloc(GetProcessHeap(), 0, *size))) return ERROR_OUTOFMEMORY;
    hdr->dwMagic = curves[i].magic;
    hdr->cbKey = curves[i].len;
    memcpy(hdr + 1, bits->pbData + 1, 2 * curves[i].len);
    *alg = curves[i].alg;
    *blob = (BYTE *)hdr;
    return 0;
}

BOOL WINAPI CryptImportPublicKeyInfoEx2(DWORD encoding, PCERT_PUBLIC_KEY_INFO info, DWORD flags, void *aux,
                                        BCRYPT_KEY_HANDLE *key)
{
    const WCHAR *alg_name, *type;
    BCRYPT_ALG_HANDLE alg;
    NTSTATUS status;
    BYTE *blob = NULL;
    DWORD size, err;

    (void)flags; (void)aux;
    if ((encoding & CERT_ENCODING_TYPE_MASK) != X509_ASN_ENCODING || !info || !key) return fail(E_INVALIDARG);
    if (!info->Algorithm.pszObjId) return fail(NTE_BAD_ALGID);
    if (!strcmp(info->Algorithm.pszObjId, szOID_RSA_RSA))
    {
        alg_name = BCRYPT_RSA_ALGORITHM;
        type = BCRYPT_RSAPUBLIC_BLOB;
        err = rsa_blob(&info->PublicKey, &blob, &size);
    }
    else if (!strcmp(info->Algorithm.pszObjId, szOID_ECC_PUBLIC_KEY))
    {
        type = BCRYPT_ECCPUBLIC_BLOB;
        err = ecc_blob(info, &alg_name, &blob, &size);
    }
    else err = NTE_BAD_ALGID;
    if (err) return fail(err);
    if (!(status = BCryptOpenAlgorithmProvider(&alg, alg_name, NULL, 0)))
    {
        status = BCryptImportKeyPair(alg, NULL, type, key, blob, size, 0);
        BCryptCloseAlgorithmProvider(alg, 0);   /* the key keeps what it needs */
    }
    HeapFree(GetProcessHeap(), 0, blob);
    if (status) return fail(status == (NTSTATUS)0xc0000017 ? ERROR_OUTOFMEMORY : (DWORD)NTE_BAD_PUBLIC_KEY);
    return TRUE;
}
