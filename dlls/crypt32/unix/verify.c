/*
 * dlls/crypt32/unix/verify.c — crypt32.so: certificate signature checks
 * through nettle (hashes) and hogweed (RSA PKCS#1 v1.5, RSASSA-PSS,
 * ECDSA on P-256, P-384 and P-521). The PE side has parsed the
 * certificate; this side gets big-endian numbers and the signed bytes.
 * The door table is at the end.
 */
#include <stdlib.h>
#include <string.h>
#include <gmp.h>
#include <nettle/nettle-meta.h>
#include <nettle/rsa.h>
#include <nettle/ecdsa.h>
#include <nettle/ecc-curve.h>
#include "../unixlib.h"

/* PKCS#1 v1.5 signs a DigestInfo: this DER prefix, then the digest (RFC 8017, 9.2) */
static const uint8_t prefix_sha1[] = { 0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14 };
static const uint8_t prefix_sha256[] = { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20 };
static const uint8_t prefix_sha384[] = { 0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30 };
static const uint8_t prefix_sha512[] = { 0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40 };

static const struct hash_def {
    const struct nettle_hash *hash;
    const uint8_t *prefix;
    size_t prefix_len;
} hashes[] = {
    [SIG_SHA1] = { &nettle_sha1, prefix_sha1, sizeof(prefix_sha1) },
    [SIG_SHA256] = { &nettle_sha256, prefix_sha256, sizeof(prefix_sha256) },
    [SIG_SHA384] = { &nettle_sha384, prefix_sha384, sizeof(prefix_sha384) },
    [SIG_SHA512] = { &nettle_sha512, prefix_sha512, sizeof(prefix_sha512) },
};

#define MAX_DIGEST 64

static const void *ptr(uint64_t p) { return (const void *)(uintptr_t)p; }

static void import(mpz_t z, uint64_t data, uint32_t len)
{
    mpz_init(z);
    if (len) mpz_import(z, len, 1, 1, 1, 0, ptr(data));
}

static int check_rsa(const struct verify_params *p, const uint8_t *digest)
{
    const struct hash_def *h = &hashes[p->hash];
    struct rsa_public_key key;
    uint8_t info[sizeof(prefix_sha512) + MAX_DIGEST];
    mpz_t sig;
    int good = 0;

    rsa_public_key_init(&key);
    mpz_import(key.n, p->key1_len, 1, 1, 1, 0, ptr(p->key1));
    mpz_import(key.e, p->key2_len, 1, 1, 1, 0, ptr(p->key2));
    import(sig, p->sig1, p->sig1_len);
    if (p->key1_len && p->key2_len && rsa_public_key_prepare(&key))
    {
        if (p->kind == SIG_RSA_PKCS1)
        {
            memcpy(info, h->prefix, h->prefix_len);
            memcpy(info + h->prefix_len, digest, h->hash->digest_size);
            good = rsa_pkcs1_verify(&key, h->prefix_len + h->hash->digest_size, info, sig);
        }
        else if (p->hash == SIG_SHA256) good = rsa_pss_sha256_verify_digest(&key, p->salt_len, digest, sig);
        else if (p->hash == SIG_SHA384) good = rsa_pss_sha384_verify_digest(&key, p->salt_len, digest, sig);
        else if (p->hash == SIG_SHA512) good = rsa_pss_sha512_verify_digest(&key, p->salt_len, digest, sig);
    }
    mpz_clear(sig);
    rsa_public_key_clear(&key);
    return good;
}

static const struct ecc_curve *curve_of(uint32_t curve)
{
    switch (curve)
    {
    case CURVE_P256: return nettle_get_secp_256r1();
    case CURVE_P384: return nettle_get_secp_384r1();
    case CURVE_P521: return nettle_get_secp_521r1();
    default: return NULL;
    }
}

static int check_ecdsa(const struct verify_params *p, const uint8_t *digest, size_t digest_len)
{
    const struct ecc_curve *curve = curve_of(p->curve);
    struct ecc_point key;
    struct dsa_signature sig;
    mpz_t x, y;
    int good = 0;

    if (!curve) return 0;
    ecc_point_init(&key, curve);
    import(x, p->key1, p->key1_len);
    import(y, p->key2, p->key2_len);
    dsa_signature_init(&sig);
    mpz_import(sig.r, p->sig1_len, 1, 1, 1, 0, ptr(p->sig1));
    mpz_import(sig.s, p->sig2_len, 1, 1, 1, 0, ptr(p->sig2));
    if (ecc_point_set(&key, x, y))                      /* 0: the point is not on the curve */
        good = ecdsa_verify(&key, digest_len, digest, &sig);
    dsa_signature_clear(&sig);
    mpz_clear(x);
    mpz_clear(y);
    ecc_point_clear(&key);
    return good;
}

static int32_t unix_verify_signature_call(void *args)
{
    const struct verify_params *p = args;
    uint8_t digest[MAX_DIGEST];
    const struct nettle_hash *hash;
    void *ctx;
    int good;

    if (p->hash > SIG_SHA512 || p->kind > SIG_ECDSA) return CRYPT32_STATUS_NOT_SUPPORTED;
    if (p->kind == SIG_RSA_PSS && p->hash == SIG_SHA1) return CRYPT32_STATUS_NOT_SUPPORTED;
    hash = hashes[p->hash].hash;
    if (!(ctx = malloc(hash->context_size))) return CRYPT32_STATUS_NO_MEMORY;
    hash->init(ctx);
    hash->update(ctx, p->data_len, ptr(p->data));
    hash->digest(ctx, hash->digest_size, digest);
    free(ctx);
    good = p->kind == SIG_ECDSA ? check_ecdsa(p, digest, hash->digest_size) : check_rsa(p, digest);
    return good ? 0 : CRYPT32_STATUS_INVALID_SIGNATURE;
}

const wlx_unix_func __wlx_unix_funcs[] =
{
    unix_verify_signature_call,
};

_Static_assert(sizeof(__wlx_unix_funcs) / sizeof(__wlx_unix_funcs[0]) == unix_func_count, "door table");
