/*
 * dlls/bcrypt/unixlib.h — the door between bcrypt.dll (PE) and bcrypt.so
 * (Unix, over nettle): entry numbers and parameter structs, fixed-width
 * types only, included by both sides.
 *
 * Hash and key states live in the .so, named by opaque 64-bit handles; the
 * PE side keeps the Windows objects (algorithm providers, properties,
 * padding, blobs). Every entry returns an NTSTATUS.
 */
#ifndef WLX_BCRYPT_UNIXLIB_H
#define WLX_BCRYPT_UNIXLIB_H

#include <stdint.h>

enum bcrypt_unix_func
{
    unix_hash_create,   /* struct hash_params: alg, hmac, data/len = HMAC key; out: ctx */
    unix_hash_update,   /* ctx, data/len */
    unix_hash_finish,   /* ctx, data/len = output (exactly the digest size); the state restarts */
    unix_hash_dup,      /* ctx; out: out_ctx */
    unix_hash_free,     /* params: the uint64_t ctx itself */
    unix_pbkdf2,        /* struct pbkdf2_params */
    unix_key_create,    /* struct key_params: AES key of 16, 24 or 32 bytes; out: ctx */
    unix_key_free,      /* params: the uint64_t ctx itself */
    unix_cipher,        /* struct cipher_params */
    unix_pubkey_verify, /* struct pubkey_params (unix/pubkey.c, over hogweed) */
    unix_func_count
};

/* hash algorithms */
enum bcrypt_hash_alg { HASH_MD5, HASH_SHA1, HASH_SHA256, HASH_SHA384, HASH_SHA512, HASH_COUNT };

/* chaining modes */
enum bcrypt_mode { MODE_ECB, MODE_CBC, MODE_CFB, MODE_GCM };

struct hash_params {
    uint64_t ctx;        /* in/out */
    uint64_t out_ctx;    /* hash_dup: the copy */
    uint64_t data;
    uint32_t len;
    uint32_t alg;        /* enum bcrypt_hash_alg */
    uint32_t hmac;       /* nonzero: HMAC keyed with data/len */
    uint32_t pad;
};

struct pbkdf2_params {
    uint64_t password, salt, out;
    uint64_t iterations;
    uint32_t password_len, salt_len, out_len;
    uint32_t alg;        /* the HMAC's hash: enum bcrypt_hash_alg */
};

struct key_params {
    uint64_t ctx;        /* out (create) / in (free) */
    uint64_t secret;
    uint32_t len;
    uint32_t pad;
};

/* ECB and CBC take whole 16-byte blocks; CBC and CFB (8-bit feedback)
   update iv; GCM takes iv as the nonce and writes (encrypt) or checks
   (decrypt) the tag */
struct cipher_params {
    uint64_t ctx;
    uint64_t iv, in, out, aad, tag;
    uint32_t mode;       /* enum bcrypt_mode */
    uint32_t encrypt;
    uint32_t len, iv_len, aad_len, tag_len;
};

/* a signature over a digest checked with a public key, big-endian numbers:
   RSA: key1 = modulus, key2 = exponent, sig1 = the signature; ECDSA:
   key1/key2 = X/Y (of the curve's size), sig1/sig2 = r/s */
enum pubkey_kind { PUBKEY_RSA_PKCS1, PUBKEY_RSA_PSS, PUBKEY_ECDSA };
enum pubkey_curve { PUBKEY_P256, PUBKEY_P384, PUBKEY_P521 };
struct pubkey_params {
    uint64_t key1, key2, sig1, sig2, digest;
    uint32_t key1_len, key2_len, sig1_len, sig2_len, digest_len;
    uint32_t kind;       /* enum pubkey_kind */
    uint32_t hash;       /* PSS: enum bcrypt_hash_alg (SHA-256/384/512) */
    uint32_t salt_len;   /* PSS */
    uint32_t curve;      /* ECDSA: enum pubkey_curve */
    uint32_t pad;
};

#define BCRYPT_STATUS_INVALID_SIGNATURE  ((int32_t)0xC000A000)
#define BCRYPT_STATUS_AUTH_TAG_MISMATCH  ((int32_t)0xC000A002)
#define BCRYPT_STATUS_INVALID_PARAMETER  ((int32_t)0xC000000D)
#define BCRYPT_STATUS_NO_MEMORY          ((int32_t)0xC0000017)
#define BCRYPT_STATUS_NOT_SUPPORTED      ((int32_t)0xC00000BB)

#ifndef _WIN32
typedef int32_t (*wlx_unix_func)(void *params);
#endif

#endif /* WLX_BCRYPT_UNIXLIB_H */
