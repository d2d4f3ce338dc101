/*
 * dlls/bcrypt/pubkey.c — RSA and ECDSA public keys: BCryptImportKeyPair of
 * the public blobs (BCRYPT_RSAPUBLIC_BLOB, BCRYPT_ECCPUBLIC_BLOB, or
 * BCRYPT_PUBLIC_KEY_BLOB naming either by its magic), BCryptVerifySignature
 * (RSA PKCS#1 v1.5 and PSS, ECDSA on P-256, P-384 and P-521; the check is
 * hogweed's, in bcrypt.so: unix/pubkey.c), their properties and export.
 * Private keys, key generation and signing are not provided.
 *
 * Sections: keys · signatures · properties and export.
 */
#include "private.h"

struct pubkey {
    ULONG magic;             /* MAGIC_PUBKEY */
    const struct alg_def *def;
    ULONG bits;              /* the modulus' or the curve's size */
    ULONG blob_len;
    BYTE blob[];             /* the blob imported: BCRYPT_RSAKEY_BLOB or BCRYPT_ECCKEY_BLOB and numbers */
};

static struct pubkey *get_pubkey(BCRYPT_KEY_HANDLE handle)
{
    return object_magic(handle) == MAGIC_PUBKEY ? handle : NULL;
}

/* --- keys --------------------------------------------------------------------- */

/* the curve size (bits) of an ECDSA public magic, 0 if none */
static ULONG ecdsa_bits(ULONG magic, ULONG key_bytes)
{
    switch (magic)
    {
    case BCRYPT_ECDSA_PUBLIC_P256_MAGIC: return key_bytes == 32 ? 256 : 0;
    case BCRYPT_ECDSA_PUBLIC_P384_MAGIC: return key_bytes == 48 ? 384 : 0;
    case BCRYPT_ECDSA_PUBLIC_P521_MAGIC: return key_bytes == 66 ? 521 : 0;
    case BCRYPT_ECDSA_PUBLIC_GENERIC_MAGIC:
        return key_bytes == 32 ? 256 : key_bytes == 48 ? 384 : key_bytes == 66 ? 521 : 0;
    default: return 0;
    }
}

/* the key's size if `blob` is a well-formed public key for `def`, else 0 */
static ULONG check_blob(const struct alg_def *def, const WCHAR *type, const BYTE *blob, ULONG len)
{
    if (def->kind == KIND_RSA)
    {
        const BCRYPT_RSAKEY_BLOB *rsa = (const void *)blob;
        if (lstrcmpW(type, BCRYPT_RSAPUBLIC_BLOB) && lstrcmpW(type, BCRYPT_PUBLIC_KEY_BLOB)) return 0;
        if (len < sizeof(*rsa) || rsa->Magic != BCRYPT_RSAPUBLIC_MAGIC) return 0;
        if (!rsa->cbPublicExp || !rsa->cbModulus || rsa->cbPublicExp > 8 || rsa->cbModulus > 2048 ||
            len - sizeof(*rsa) < rsa->cbPublicExp + rsa->cbModulus)
            return 0;
        return rsa->BitLength ? rsa->BitLength : rsa->cbModulus * 8;
    }
    else
    {
        const BCRYPT_ECCKEY_BLOB *ecc = (const void *)blob;
        ULONG bits;
        if (lstrcmpW(type, BCRYPT_ECCPUBLIC_BLOB) && lstrcmpW(type, BCRYPT_PUBLIC_KEY_BLOB)) return 0;
        if (len < sizeof(*ecc) || ecc->cbKey > 66 || len - sizeof(*ecc) < 2 * ecc->cbKey) return 0;
        bits = ecdsa_bits(ecc->dwMagic, ecc->cbKey);
        if (def->key_bits && bits != def->key_bits) return 0;
        return bits;
    }
}

NTSTATUS WINAPI BCryptImportKeyPair(BCRYPT_ALG_HANDLE handle, BCRYPT_KEY_HANDLE import_key, LPCWSTR type,
                                    BCRYPT_KEY_HANDLE *out, PUCHAR input, ULONG len, ULONG flags)
{
    struct algorithm *alg = get_algorithm(handle);
    struct pubkey *key;
    ULONG bits;

    (void)flags;
    if (!alg) return STATUS_INVALID_HANDLE;
    if (!type || !out || !input) return STATUS_INVALID_PARAMETER;
    if (import_key) return STATUS_NOT_SUPPORTED;
    if (alg->def->kind != KIND_RSA && alg->def->kind != KIND_ECDSA) return STATUS_NOT_SUPPORTED;
    if (!(bits = check_blob(alg->def, type, input, len)))
        return lstrcmpW(type, BCRYPT_RSAPUBLIC_BLOB) && lstrcmpW(type, BCRYPT_ECCPUBLIC_BLOB) &&
               lstrcmpW(type, BCRYPT_PUBLIC_KEY_BLOB) ? STATUS_NOT_SUPPORTED : STATUS_INVALID_PARAMETER;
    if (!(key = bcrypt_alloc(sizeof(*key) + len))) return STATUS_NO_MEMORY;
    key->magic = MAGIC_PUBKEY;
    key->def = alg->def;
    key->bits = bits;
    key->blob_len = len;
    memcpy(key->blob, input, len);
    *out = key;
    return STATUS_SUCCESS;
}

NTSTATUS pubkey_destroy(void *handle)
{
    struct pubkey *key = handle;
    key->magic = 0;
    bcrypt_free(key);
    return STATUS_SUCCESS;
}

/* --- signatures --------------------------------------------------------------- */

/* PKCS#1 v1.5 signs a DigestInfo: this DER prefix, then the digest (RFC 8017, 9.2) */
static const BYTE prefix_md5[] = { 0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05, 0x05, 0x00, 0x04, 0x10 };
static const BYTE prefix_sha1[] = { 0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14 };
static const BYTE prefix_sha256[] = { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20 };
static const BYTE prefix_sha384[] = { 0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30 };
static const BYTE prefix_sha512[] = { 0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40 };

static const struct {
    const WCHAR *name;
    enum bcrypt_hash_alg hash;
    ULONG len;
    const BYTE *prefix;
    ULONG prefix_len;
} hashes[] = {
    { BCRYPT_MD5_ALGORITHM, HASH_MD5, 16, prefix_md5, sizeof(prefix_md5) },
    { BCRYPT_SHA1_ALGORITHM, HASH_SHA1, 20, prefix_sha1, sizeof(prefix_sha1) },
    { BCRYPT_SHA256_ALGORITHM, HASH_SHA256, 32, prefix_sha256, sizeof(prefix_sha256) },
    { BCRYPT_SHA384_ALGORITHM, HASH_SHA384, 48, prefix_sha384, sizeof(prefix_sha384) },
    { BCRYPT_SHA512_ALGORITHM, HASH_SHA512, 64, prefix_sha512, sizeof(prefix_sha512) },
};

static int find_hash(const WCHAR *name)
{
    for (ULONG i = 0; name && i < ARRAY_SIZE(hashes); i++)
        if (same_name(name, hashes[i].name)) return i;
    return -1;
}

static NTSTATUS verify_rsa(struct pubkey *key, void *padding, const BYTE *hash, ULONG hash_len, const BYTE *sig,
                           ULONG sig_len, ULONG flags)
{
    const BCRYPT_RSAKEY_BLOB *rsa = (const void *)key->blob;
    struct pubkey_params p = { 0 };
    BYTE info[sizeof(prefix_sha512) + 64];
    int h;

    p.key2 = (ULONG_PTR)(rsa + 1);
    p.key2_len = rsa->cbPublicExp;
    p.key1 = p.key2 + rsa->cbPublicExp;
    p.key1_len = rsa->cbModulus;
    p.sig1 = (ULONG_PTR)sig;
    p.sig1_len = sig_len;
    if (flags & BCRYPT_PAD_PSS)
    {
        const BCRYPT_PSS_PADDING_INFO *pss = padding;
        if (!pss || (h = find_hash(pss->pszAlgId)) < 0) return STATUS_INVALID_PARAMETER;
        if (hashes[h].len != hash_len) return STATUS_INVALID_PARAMETER;
        p.kind = PUBKEY_RSA_PSS;
        p.hash = hashes[h].hash;
        p.salt_len = pss->cbSalt;
        p.digest = (ULONG_PTR)hash;
        p.digest_len = hash_len;
    }
    else if (flags & BCRYPT_PAD_PKCS1)
    {
        const BCRYPT_PKCS1_PADDING_INFO *pkcs1 = padding;
        p.kind = PUBKEY_RSA_PKCS1;
        if (pkcs1 && pkcs1->pszAlgId)   /* named: a DigestInfo around the digest; else the bytes alone */
        {
            if ((h = find_hash(pkcs1->pszAlgId)) < 0 || hashes[h].len != hash_len) return STATUS_INVALID_PARAMETER;
            memcpy(info, hashes[h].prefix, hashes[h].prefix_len);
            memcpy(info + hashes[h].prefix_len, hash, hash_len);
            p.digest = (ULONG_PTR)info;
            p.digest_len = hashes[h].prefix_len + hash_len;
        }
        else
        {
            p.digest = (ULONG_PTR)hash;
            p.digest_len = hash_len;
        }
    }
    else return STATUS_INVALID_PARAMETER;
    return bcrypt_unix(unix_pubkey_verify, &p);
}

static NTSTATUS verify_ecdsa(struct pubkey *key, const BYTE *hash, ULONG hash_len, const BYTE *sig, ULONG sig_len)
{
    const BCRYPT_ECCKEY_BLOB *ecc = (const void *)key->blob;
    struct pubkey_params p = { 0 };
    ULONG n = ecc->cbKey;

    if (sig_len != 2 * n) return STATUS_INVALID_SIGNATURE;   /* r || s, each of the curve's size */
    p.kind = PUBKEY_ECDSA;
    p.curve = key->bits == 256 ? PUBKEY_P256 : key->bits == 384 ? PUBKEY_P384 : PUBKEY_P521;
    p.key1 = (ULONG_PTR)(ecc + 1);
    p.key2 = p.key1 + n;
    p.key1_len = p.key2_len = n;
    p.sig1 = (ULONG_PTR)sig;
    p.sig2 = (ULONG_PTR)(sig + n);
    p.sig1_len = p.sig2_len = n;
    p.digest = (ULONG_PTR)hash;
    p.digest_len = hash_len;
    return bcrypt_unix(unix_pubkey_verify, &p);
}

NTSTATUS WINAPI BCryptVerifySignature(BCRYPT_KEY_HANDLE handle, void *padding, PUCHAR hash, ULONG hash_len,
                                      PUCHAR sig, ULONG sig_len, ULONG flags)
{
    struct pubkey *key = get_pubkey(handle);

    if (!key) return STATUS_INVALID_HANDLE;
    if (!hash || !hash_len || !sig || !sig_len) return STATUS_INVALID_PARAMETER;
    if (key->def->kind == KIND_RSA) return verify_rsa(key, padding, hash, hash_len, sig, sig_len, flags);
    if (flags & (BCRYPT_PAD_PKCS1 | BCRYPT_PAD_PSS)) return STATUS_INVALID_PARAMETER;
    return verify_ecdsa(key, hash, hash_len, sig, sig_len);
}

/* --- properties and export ---------------------------------------------------- */

NTSTATUS pubkey_alg_property(struct algorithm *alg, const WCHAR *prop, PUCHAR out, ULONG len, ULONG *result)
{
    if (!lstrcmpW(prop, BCRYPT_KEY_LENGTHS))
    {
        /* RSA: 512 to 16384 bits in steps of 64; ECDSA: its curve's */
        BCRYPT_KEY_LENGTHS_STRUCT rsa = { 512, 16384, 64 }, ecc = { 256, 521, 0 };
        if (alg->def->key_bits) ecc.dwMinLength = ecc.dwMaxLength = alg->def->key_bits;
        return put_property(alg->def->kind == KIND_RSA ? &rsa : &ecc, sizeof(rsa), out, len, result);
    }
    if (!lstrcmpW(prop, BCRYPT_PADDING_SCHEMES) && alg->def->kind == KIND_RSA)
    {
        ULONG schemes = BCRYPT_SUPPORTED_PAD_PKCS1_SIG | BCRYPT_SUPPORTED_PAD_PSS;
        return put_property(&schemes, sizeof(schemes), out, len, result);
    }
    return STATUS_NOT_SUPPORTED;
}

NTSTATUS pubkey_get_property(void *handle, const WCHAR *prop, PUCHAR out, ULONG len, ULONG *result)
{
    struct pubkey *key = handle;

    if (!lstrcmpW(prop, BCRYPT_KEY_LENGTH) || !lstrcmpW(prop, BCRYPT_KEY_STRENGTH))
        return put_property(&key->bits, sizeof(key->bits), out, len, result);
    if (!lstrcmpW(prop, BCRYPT_ALGORITHM_NAME))
        return put_property(key->def->name, (lstrlenW(key->def->name) + 1) * sizeof(WCHAR), out, len, result);
    return STATUS_NOT_SUPPORTED;
}

/* the public blob as imported */
NTSTATUS pubkey_export(void *handle, const WCHAR *type, PUCHAR out, ULONG out_len, ULONG *result)
{
    struct pubkey *key = handle;
    const WCHAR *own = key->def->kind == KIND_RSA ? BCRYPT_RSAPUBLIC_BLOB : BCRYPT_ECCPUBLIC_BLOB;

    if (!type || !result) return STATUS_INVALID_PARAMETER;
    if (lstrcmpW(type, own) && lstrcmpW(type, BCRYPT_PUBLIC_KEY_BLOB)) return STATUS_NOT_SUPPORTED;
    return put_property(key->blob, key->blob_len, out, out_len, result);
}
