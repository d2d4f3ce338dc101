/*
 * dlls/bcrypt/unix/hash.c — digests, HMAC and PBKDF2 through nettle
 * (nettle's generic nettle_hash interface and its HMAC and PBKDF2
 * functions): the hash half of bcrypt.so. The door table is at the end.
 */
#include <stdlib.h>
#include <string.h>
#include <nettle/nettle-meta.h>
#include <nettle/hmac.h>
#include <nettle/pbkdf2.h>
#include "../unixlib.h"

int32_t unix_key_create_call(void *args);   /* cipher.c */
int32_t unix_key_free_call(void *args);
int32_t unix_cipher_call(void *args);
int32_t unix_pubkey_verify_call(void *args);   /* pubkey.c */

struct hash_state {
    const struct nettle_hash *hash;
    int hmac;
    size_t size;          /* of the whole struct */
    /* plain: one context; HMAC: outer, inner and running contexts */
    uint8_t ctx[];
};

static const struct nettle_hash *hash_of(uint32_t alg)
{
    switch (alg)
    {
    case HASH_MD5: return &nettle_md5;
    case HASH_SHA1: return &nettle_sha1;
    case HASH_SHA256: return &nettle_sha256;
    case HASH_SHA384: return &nettle_sha384;
    case HASH_SHA512: return &nettle_sha512;
    default: return NULL;
    }
}

static void *outer_ctx(struct hash_state *s) { return s->ctx; }
static void *inner_ctx(struct hash_state *s) { return s->ctx + s->hash->context_size; }
static void *run_ctx(struct hash_state *s) { return s->hmac ? s->ctx + 2 * s->hash->context_size : s->ctx; }

static int32_t unix_hash_create_call(void *args)
{
    struct hash_params *p = args;
    const struct nettle_hash *hash = hash_of(p->alg);
    struct hash_state *s;
    size_t size;

    if (!hash) return BCRYPT_STATUS_NOT_SUPPORTED;
    size = sizeof(*s) + hash->context_size * (p->hmac ? 3 : 1);
    if (!(s = calloc(1, size))) return BCRYPT_STATUS_NO_MEMORY;
    s->hash = hash;
    s->hmac = !!p->hmac;
    s->size = size;
    if (s->hmac)
        hmac_set_key(outer_ctx(s), inner_ctx(s), run_ctx(s), hash, p->len, (const uint8_t *)(uintptr_t)p->data);
    else
        hash->init(s->ctx);
    p->ctx = (uintptr_t)s;
    return 0;
}

static int32_t unix_hash_update_call(void *args)
{
    struct hash_params *p = args;
    struct hash_state *s = (struct hash_state *)(uintptr_t)p->ctx;
    const uint8_t *data = (const uint8_t *)(uintptr_t)p->data;

    if (s->hmac) hmac_update(run_ctx(s), s->hash, p->len, data);
    else s->hash->update(run_ctx(s), p->len, data);
    return 0;
}

/* nettle's digest functions restart the state (HMAC: keyed again) */
static int32_t unix_hash_finish_call(void *args)
{
    struct hash_params *p = args;
    struct hash_state *s = (struct hash_state *)(uintptr_t)p->ctx;
    uint8_t *out = (uint8_t *)(uintptr_t)p->data;

    if (p->len != s->hash->digest_size) return BCRYPT_STATUS_INVALID_PARAMETER;
    if (s->hmac) hmac_digest(outer_ctx(s), inner_ctx(s), run_ctx(s), s->hash, p->len, out);
    else s->hash->digest(run_ctx(s), p->len, out);
    return 0;
}

static int32_t unix_hash_dup_call(void *args)
{
    struct hash_params *p = args;
    struct hash_state *s = (struct hash_state *)(uintptr_t)p->ctx, *copy;

    if (!(copy = malloc(s->size))) return BCRYPT_STATUS_NO_MEMORY;
    memcpy(copy, s, s->size);
    p->out_ctx = (uintptr_t)copy;
    return 0;
}

static int32_t unix_hash_free_call(void *args)
{
    struct hash_state *s = (struct hash_state *)(uintptr_t)*(uint64_t *)args;
    if (s) { memset(s, 0, s->size); free(s); }
    return 0;
}

static int32_t unix_pbkdf2_call(void *args)
{
    struct pbkdf2_params *p = args;
    const uint8_t *password = (const uint8_t *)(uintptr_t)p->password;
    const uint8_t *salt = (const uint8_t *)(uintptr_t)p->salt;
    uint8_t *out = (uint8_t *)(uintptr_t)p->out;

    if (!p->iterations || p->iterations > 0xffffffffu) return BCRYPT_STATUS_INVALID_PARAMETER;
    switch (p->alg)
    {
    case HASH_SHA1: pbkdf2_hmac_sha1(p->password_len, password, p->iterations, p->salt_len, salt, p->out_len, out); break;
    case HASH_SHA256: pbkdf2_hmac_sha256(p->password_len, password, p->iterations, p->salt_len, salt, p->out_len, out); break;
    case HASH_SHA384: pbkdf2_hmac_sha384(p->password_len, password, p->iterations, p->salt_len, salt, p->out_len, out); break;
    case HASH_SHA512: pbkdf2_hmac_sha512(p->password_len, password, p->iterations, p->salt_len, salt, p->out_len, out); break;
    default: return BCRYPT_STATUS_NOT_SUPPORTED;
    }
    return 0;
}

const wlx_unix_func __wlx_unix_funcs[] =
{
    unix_hash_create_call,
    unix_hash_update_call,
    unix_hash_finish_call,
    unix_hash_dup_call,
    unix_hash_free_call,
    unix_pbkdf2_call,
    unix_key_create_call,
    unix_key_free_call,
    unix_cipher_call,
    unix_pubkey_verify_call,
};

_Static_assert(sizeof(__wlx_unix_funcs) / sizeof(__wlx_unix_funcs[0]) == unix_func_count, "door table");
