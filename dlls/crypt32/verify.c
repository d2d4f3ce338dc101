/*
 * dlls/crypt32/verify.c — certificate signatures: the signature algorithm
 * and the issuer's public key are parsed here (der.c) into bare numbers,
 * crypt32.so checks them (unix/verify.c, over nettle/hogweed). Supported:
 * RSA PKCS#1 v1.5 with SHA-1/256/384/512, RSASSA-PSS with SHA-256/384/512
 * (MGF1 of the same hash), ECDSA with SHA-1/256/384/512 on P-256, P-384 and
 * P-521. Also CryptVerifyCertificateSignature(Ex).
 *
 * Sections: algorithms · keys and signatures · the API.
 */
#include "private.h"
#include "unixlib.h"
#include "wlx/unixcall.h"


/* --- algorithms --------------------------------------------------------------- */

static const struct { const char *oid; enum sig_kind kind; enum sig_hash hash; } sig_algs[] = {
    { szOID_RSA_SHA1RSA, SIG_RSA_PKCS1, SIG_SHA1 },
    { szOID_RSA_SHA256RSA, SIG_RSA_PKCS1, SIG_SHA256 },
    { szOID_RSA_SHA384RSA, SIG_RSA_PKCS1, SIG_SHA384 },
    { szOID_RSA_SHA512RSA, SIG_RSA_PKCS1, SIG_SHA512 },
    { szOID_ECDSA_SHA1, SIG_ECDSA, SIG_SHA1 },
    { szOID_ECDSA_SHA256, SIG_ECDSA, SIG_SHA256 },
    { szOID_ECDSA_SHA384, SIG_ECDSA, SIG_SHA384 },
    { szOID_ECDSA_SHA512, SIG_ECDSA, SIG_SHA512 },
};

static const struct { const char *oid; enum sig_hash hash; } hash_algs[] = {
    { szOID_OIWSEC_sha1, SIG_SHA1 },
    { szOID_NIST_sha256, SIG_SHA256 },
    { szOID_NIST_sha384, SIG_SHA384 },
    { szOID_NIST_sha512, SIG_SHA512 },
};

/* RSASSA-PSS-params ::= SEQUENCE { [0] hashAlgorithm DEFAULT sha1, [1]
   maskGenAlgorithm DEFAULT mgf1SHA1, [2] saltLength DEFAULT 20, [3] trailerField } */
static DWORD pss_params(const CRYPT_OBJID_BLOB *blob, struct verify_params *p)
{
    struct der all = der_init(blob->pbData, blob->cbData), seq, c, alg, oid;
    DWORD i, err;

    p->hash = SIG_SHA1;
    p->salt_len = 20;
    if (!blob->cbData) return 0;
    if ((err = der_take(&all, 0x30, &seq))) return err;
    if (der_peek(&seq, 0xa0))
    {
        if ((err = der_take(&seq, 0xa0, &c)) || (err = der_take(&c, 0x30, &alg)) || (err = der_take(&alg, 0x06, &oid)))
            return err;
        for (i = 0; i < ARRAY_SIZE(hash_algs) && !der_oid_is(&oid, hash_algs[i].oid); i++) {}
        if (i == ARRAY_SIZE(hash_algs)) return NTE_BAD_ALGID;
        p->hash = hash_algs[i].hash;
    }
    if (der_peek(&seq, 0xa1) && (err = der_take(&seq, 0xa1, &c))) return err;   /* MGF1 of the same hash */
    if (der_peek(&seq, 0xa2))
    {
        DWORD salt;
        if ((err = der_take(&seq, 0xa2, &c)) || (err = der_take(&c, 0x02, &alg)) || (err = der_uint(&alg, &salt)))
            return err;
        p->salt_len = salt;
    }
    return 0;
}

static DWORD signature_algorithm(const CRYPT_ALGORITHM_IDENTIFIER *alg, struct verify_params *p)
{
    DWORD i;

    if (!strcmp(alg->pszObjId, szOID_RSA_SSA_PSS))
    {
        p->kind = SIG_RSA_PSS;
        return pss_params(&alg->Parameters, p);
    }
    for (i = 0; i < ARRAY_SIZE(sig_algs); i++)
    {
        if (strcmp(alg->pszObjId, sig_algs[i].oid)) continue;
        p->kind = sig_algs[i].kind;
        p->hash = sig_algs[i].hash;
        return 0;
    }
    return NTE_BAD_ALGID;
}

/* --- keys and signatures ------------------------------------------------------ */

/* an INTEGER's magnitude: its content without the sign byte */
static DWORD take_uint(struct der *d, uint64_t *data, uint32_t *len)
{
    struct der c;
    DWORD err = der_take(d, 0x02, &c);

    if (err) return err;
    if (c.p == c.end || (*c.p & 0x80)) return CRYPT_E_ASN1_CORRUPT;   /* empty or negative */
    while (c.end - c.p > 1 && !*c.p) c.p++;
    *data = (ULONG_PTR)c.p;
    *len = c.end - c.p;
    return 0;
}

/* RSAPublicKey ::= SEQUENCE { modulus, publicExponent }; EC keys are an
   uncompressed point 04 || X || Y on the curve named by the parameters */
static DWORD public_key(const CERT_PUBLIC_KEY_INFO *key, struct verify_params *p)
{
    static const struct { const char *oid; enum sig_curve curve; DWORD size; } curves[] = {
        { "1.2.840.10045.3.1.7", CURVE_P256, 32 },
        { "1.3.132.0.34", CURVE_P384, 48 },
        { "1.3.132.0.35", CURVE_P521, 66 },
    };
    const BYTE *bits = key->PublicKey.pbData;
    DWORD n = key->PublicKey.cbData, i, err;
    struct der all, seq, oid;

    if (!strcmp(key->Algorithm.pszObjId, szOID_RSA_RSA))
    {
        if (p->kind == SIG_ECDSA) return NTE_BAD_ALGID;
        all = der_init(bits, n);
        if ((err = der_take(&all, 0x30, &seq)) || (err = take_uint(&seq, &p->key1, &p->key1_len)) ||
            (err = take_uint(&seq, &p->key2, &p->key2_len)))
            return err;
        return 0;
    }
    if (strcmp(key->Algorithm.pszObjId, szOID_ECC_PUBLIC_KEY) || p->kind != SIG_ECDSA) return NTE_BAD_ALGID;
    all = der_init(key->Algorithm.Parameters.pbData, key->Algorithm.Parameters.cbData);
    if ((err = der_take(&all, 0x06, &oid))) return err;
    for (i = 0; i < ARRAY_SIZE(curves) && !der_oid_is(&oid, curves[i].oid); i++) {}
    if (i == ARRAY_SIZE(curves)) return NTE_BAD_ALGID;
    if (n != 1 + 2 * curves[i].size || bits[0] != 4) return NTE_BAD_PUBLIC_KEY;   /* compressed points: no */
    p->curve = curves[i].curve;
    p->key1 = (ULONG_PTR)(bits + 1);
    p->key2 = (ULONG_PTR)(bits + 1 + curves[i].size);
    p->key1_len = p->key2_len = curves[i].size;
    return 0;
}

/* the signature (big-endian in `sig`): RSA's as it is, ECDSA's a
   SEQUENCE { r INTEGER, s INTEGER } */
static DWORD signature_value(const BYTE *sig, DWORD len, struct verify_params *p)
{
    struct der all = der_init(sig, len), seq;
    DWORD err;

    if (p->kind != SIG_ECDSA)
    {
        p->sig1 = (ULONG_PTR)sig;
        p->sig1_len = len;
        return 0;
    }
    if ((err = der_take(&all, 0x30, &seq)) || (err = take_uint(&seq, &p->sig1, &p->sig1_len)) ||
        (err = take_uint(&seq, &p->sig2, &p->sig2_len)))
        return err;
    return 0;
}

/* the door: whether `data` is signed by `key`, the signature parsed into `p` */
static DWORD check(struct verify_params *p, const BYTE *data, DWORD size)
{
    p->data = (ULONG_PTR)data;
    p->data_len = size;
    switch (wlx_unix_call(unix_verify_signature, p))
    {
    case 0: return 0;
    case CRYPT32_STATUS_INVALID_SIGNATURE: return NTE_BAD_SIGNATURE;
    case CRYPT32_STATUS_NO_MEMORY: return ERROR_OUTOFMEMORY;
    default: return NTE_BAD_ALGID;
    }
}

/* whether the DER-signed object `encoded` (a certificate, or any
   SEQUENCE { toBeSigned, algorithm, BIT STRING }) is signed by `key`:
   0, NTE_BAD_SIGNATURE, or why it could not be checked */
DWORD crypt32_verify_signed(const BYTE *encoded, DWORD size, const CERT_PUBLIC_KEY_INFO *key)
{
    struct verify_params p = { 0 };
    CERT_SIGNED_CONTENT_INFO *info;
    BYTE *sig = NULL;
    DWORD err, i, n;

    if ((err = crypt32_decode(X509_CERT, encoded, size, (void **)&info))) return err;
    n = info->Signature.cbData;
    if (!(err = signature_algorithm(&info->SignatureAlgorithm, &p)) && !(err = public_key(key, &p)))
    {
        if (!(sig = HeapAlloc(GetProcessHeap(), 0, n + 1))) err = ERROR_OUTOFMEMORY;
        else
        {
            for (i = 0; i < n; i++) sig[i] = info->Signature.pbData[n - 1 - i];   /* decoded reversed */
            err = signature_value(sig, n, &p);
        }
    }
    if (!err) err = check(&p, info->ToBeSigned.pbData, info->ToBeSigned.cbData);
    HeapFree(GetProcessHeap(), 0, sig);
    HeapFree(GetProcessHeap(), 0, info);
    return err;
}

/* whether `data` is signed by `key` as a CMS signer signs it: `alg` may
   name the key alone (rsaEncryption, id-ecPublicKey: the hash is then
   `hash_oid`'s) or the whole signature algorithm; `sig` as encoded
   (big-endian; ECDSA's a SEQUENCE { r, s }) */
DWORD crypt32_verify_data(const BYTE *data, DWORD size, const CRYPT_ALGORITHM_IDENTIFIER *alg, const char *hash_oid,
                          const BYTE *sig, DWORD sig_len, const CERT_PUBLIC_KEY_INFO *key)
{
    struct verify_params p = { 0 };
    DWORD i, err;

    if (!strcmp(alg->pszObjId, szOID_RSA_RSA) || !strcmp(alg->pszObjId, szOID_ECC_PUBLIC_KEY))
    {
        p.kind = strcmp(alg->pszObjId, szOID_RSA_RSA) ? SIG_ECDSA : SIG_RSA_PKCS1;
        for (i = 0; i < ARRAY_SIZE(hash_algs) && strcmp(hash_oid, hash_algs[i].oid); i++) {}
        if (i == ARRAY_SIZE(hash_algs)) return NTE_BAD_ALGID;
        p.hash = hash_algs[i].hash;
    }
    else if ((err = signature_algorithm(alg, &p))) return err;
    if ((err = public_key(key, &p)) || (err = signature_value(sig, sig_len, &p))) return err;
    return check(&p, data, size);
}

/* --- the API ------------------------------------------------------------------ */

BOOL WINAPI CryptVerifyCertificateSignatureEx(HCRYPTPROV_LEGACY prov, DWORD encoding, DWORD subject_type,
                                              void *subject, DWORD issuer_type, void *issuer, DWORD flags,
                                              void *extra)
{
    const CRYPT_DATA_BLOB *blob = subject;
    PCCERT_CONTEXT subject_cert = subject, issuer_cert = issuer;
    const BYTE *data;
    DWORD size, err;

    (void)prov; (void)encoding; (void)flags; (void)extra;
    if (!subject || (!issuer && issuer_type != CRYPT_VERIFY_CERT_SIGN_ISSUER_NULL)) { SetLastError(E_INVALIDARG); return FALSE; }
    switch (subject_type)
    {
    case CRYPT_VERIFY_CERT_SIGN_SUBJECT_BLOB: data = blob->pbData; size = blob->cbData; break;
    case CRYPT_VERIFY_CERT_SIGN_SUBJECT_CERT: data = subject_cert->pbCertEncoded; size = subject_cert->cbCertEncoded; break;
    default: SetLastError(E_INVALIDARG); return FALSE;
    }
    switch (issuer_type)
    {
    case CRYPT_VERIFY_CERT_SIGN_ISSUER_PUBKEY: err = crypt32_verify_signed(data, size, issuer); break;
    case CRYPT_VERIFY_CERT_SIGN_ISSUER_CERT:
        err = crypt32_verify_signed(data, size, &issuer_cert->pCertInfo->SubjectPublicKeyInfo);
        break;
    default: err = E_INVALIDARG; break;
    }
    if (err) SetLastError(err);
    return !err;
}

BOOL WINAPI CryptVerifyCertificateSignature(HCRYPTPROV_LEGACY prov, DWORD encoding, const BYTE *data, DWORD size,
                                            PCERT_PUBLIC_KEY_INFO key)
{
    CRYPT_DATA_BLOB blob = { size, (BYTE *)data };
    return CryptVerifyCertificateSignatureEx(prov, encoding, CRYPT_VERIFY_CERT_SIGN_SUBJECT_BLOB, &blob,
                                             CRYPT_VERIFY_CERT_SIGN_ISSUER_PUBKEY, key, 0, NULL);
}
