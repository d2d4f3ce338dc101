/*
 * dlls/bcrypt/unix/pubkey.c — bcrypt.so: BCryptVerifySignature's check of
 * a signature over a digest with an RSA (PKCS#1 v1.5 or PSS) or ECDSA
 * (P-256, P-384, P-521) public key, through hogweed. The PE side has
 * parsed the key blob and the padding; this side gets big-endian numbers.
 */
#include <stdint.h>
#include <string.h>
#include <gmp.h>
#include <nettle/rsa.h>
#include <nettle/ecdsa.h>
#include <nettle/ecc-curve.h>
#include "../unixlib.h"

static const void *ptr(uint64_t p) { return (const void *)(uintptr_t)p; }

static void import(mpz_t z, uint64_t data, uint32_t len)
{
    mpz_init(z);
    if (len) mpz_import(z, len, 1, 1, 1, 0, ptr(data));
}

/* PKCS#1 v1.5: the digest as given is what the padding wraps (the PE side
   put a DigestInfo around it when the caller named a hash) */
static int check_rsa(const struct pubkey_params *p)
{
    struct rsa_public_key key;
    mpz_t sig;
    int good = 0;

    rsa_public_key_init(&key);
    mpz_import(key.n, p->key1_len, 1, 1, 1, 0, ptr(p->key1));
    mpz_import(key.e, p->key2_len, 1, 1, 1, 0, ptr(p->key2));
    import(sig, p->sig1, p->sig1_len);
    if (p->key1_len && p->key2_len && rsa_public_key_prepare(&key))
    {
        if (p->kind == PUBKEY_RSA_PKCS1) good = rsa_pkcs1_verify(&key, p->digest_len, ptr(p->digest), sig);
        else if (p->hash == HASH_SHA256 && p->digest_len == 32)
            good = rsa_pss_sha256_verify_digest(&key, p->salt_len, ptr(p->digest), sig);
        else if (p->hash == HASH_SHA384 && p->digest_len == 48)
            good = rsa_pss_sha384_verify_digest(&key, p->salt_len, ptr(p->digest), sig);
        else if (p->hash == HASH_SHA512 && p->digest_len == 64)
            good = rsa_pss_sha512_verify_digest(&key, p->salt_len, ptr(p->digest), sig);
    }
    mpz_clear(sig);
    rsa_public_key_clear(&key);
    return good;
}

static int check_ecdsa(const struct pubkey_params *p)
{
    const struct ecc_curve *curve = p->curve == PUBKEY_P256 ? nettle_get_secp_256r1()
                                  : p->curve == PUBKEY_P384 ? nettle_get_secp_384r1()
                                  : p->curve == PUBKEY_P521 ? nettle_get_secp_521r1() : NULL;
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
        good = ecdsa_verify(&key, p->digest_len, ptr(p->digest), &sig);
    dsa_signature_clear(&sig);
    mpz_clear(x);
    mpz_clear(y);
    ecc_point_clear(&key);
    return good;
}

int32_t unix_pubkey_verify_call(void *args)
{
    const struct pubkey_params *p = args;
    int good;

    if (p->kind > PUBKEY_ECDSA) return BCRYPT_STATUS_NOT_SUPPORTED;
    good = p->kind == PUBKEY_ECDSA ? check_ecdsa(p) : check_rsa(p);
    return good ? 0 : BCRYPT_STATUS_INVALID_SIGNATURE;
}
