/*
 * dlls/bcrypt/unix/cipher.c — AES keys and the ECB, CBC, CFB (8-bit
 * feedback, Windows' default for CFB) and GCM modes through nettle: the
 * cipher half of bcrypt.so.
 */
#include <stdlib.h>
#include <string.h>
#include <nettle/nettle-meta.h>
#include <nettle/cbc.h>
#include <nettle/cfb.h>
#include <nettle/gcm.h>
#include <nettle/memops.h>
#include "../unixlib.h"

struct key_state {
    const struct nettle_cipher *cipher;
    size_t size;          /* of the whole struct */
    struct gcm_key gcm;   /* GCM's hash key, derived once */
    /* the encryption context, then the decryption one */
    uint8_t ctx[];
};

static void *enc_ctx(struct key_state *k) { return k->ctx; }
static void *dec_ctx(struct key_state *k) { return k->ctx + k->cipher->context_size; }

int32_t unix_key_create_call(void *args)
{
    struct key_params *p = args;
    const struct nettle_cipher *cipher;
    struct key_state *k;
    size_t size;

    switch (p->len)
    {
    case 16: cipher = &nettle_aes128; break;
    case 24: cipher = &nettle_aes192; break;
    case 32: cipher = &nettle_aes256; break;
    default: return BCRYPT_STATUS_INVALID_PARAMETER;
    }
    size = sizeof(*k) + 2 * cipher->context_size;
    if (!(k = calloc(1, size))) return BCRYPT_STATUS_NO_MEMORY;
    k->cipher = cipher;
    k->size = size;
    cipher->set_encrypt_key(enc_ctx(k), (const uint8_t *)(uintptr_t)p->secret);
    cipher->set_decrypt_key(dec_ctx(k), (const uint8_t *)(uintptr_t)p->secret);
    gcm_set_key(&k->gcm, enc_ctx(k), cipher->encrypt);
    p->ctx = (uintptr_t)k;
    return 0;
}

int32_t unix_key_free_call(void *args)
{
    struct key_state *k = (struct key_state *)(uintptr_t)*(uint64_t *)args;
    if (k) { memset(k, 0, k->size); free(k); }
    return 0;
}

static int32_t run_gcm(struct key_state *k, struct cipher_params *p, uint8_t *out, const uint8_t *in)
{
    uint8_t tag[GCM_DIGEST_SIZE];
    struct gcm_ctx ctx;

    if (!p->tag_len || p->tag_len > GCM_DIGEST_SIZE) return BCRYPT_STATUS_INVALID_PARAMETER;
    gcm_set_iv(&ctx, &k->gcm, p->iv_len, (const uint8_t *)(uintptr_t)p->iv);
    if (p->aad_len) gcm_update(&ctx, &k->gcm, p->aad_len, (const uint8_t *)(uintptr_t)p->aad);
    if (p->encrypt) gcm_encrypt(&ctx, &k->gcm, enc_ctx(k), k->cipher->encrypt, p->len, out, in);
    else gcm_decrypt(&ctx, &k->gcm, enc_ctx(k), k->cipher->encrypt, p->len, out, in);
    gcm_digest(&ctx, &k->gcm, enc_ctx(k), k->cipher->encrypt, p->tag_len, tag);
    if (p->encrypt)
    {
        memcpy((uint8_t *)(uintptr_t)p->tag, tag, p->tag_len);
        return 0;
    }
    return memeql_sec(tag, (const uint8_t *)(uintptr_t)p->tag, p->tag_len) ? 0 : BCRYPT_STATUS_AUTH_TAG_MISMATCH;
}

int32_t unix_cipher_call(void *args)
{
    struct cipher_params *p = args;
    struct key_state *k = (struct key_state *)(uintptr_t)p->ctx;
    const uint8_t *in = (const uint8_t *)(uintptr_t)p->in;
    uint8_t *out = (uint8_t *)(uintptr_t)p->out, *iv = (uint8_t *)(uintptr_t)p->iv;
    size_t block = k->cipher->block_size;

    if (p->mode != MODE_GCM && p->mode != MODE_ECB && p->iv_len != block) return BCRYPT_STATUS_INVALID_PARAMETER;
    if ((p->mode == MODE_ECB || p->mode == MODE_CBC) && p->len % block) return BCRYPT_STATUS_INVALID_PARAMETER;
    switch (p->mode)
    {
    case MODE_ECB:
        if (p->encrypt) k->cipher->encrypt(enc_ctx(k), p->len, out, in);
        else k->cipher->decrypt(dec_ctx(k), p->len, out, in);
        return 0;
    case MODE_CBC:
        if (p->encrypt) cbc_encrypt(enc_ctx(k), k->cipher->encrypt, block, iv, p->len, out, in);
        else cbc_decrypt(dec_ctx(k), k->cipher->decrypt, block, iv, p->len, out, in);
        return 0;
    case MODE_CFB:
        if (p->encrypt) cfb8_encrypt(enc_ctx(k), k->cipher->encrypt, block, iv, p->len, out, in);
        else cfb8_decrypt(enc_ctx(k), k->cipher->encrypt, block, iv, p->len, out, in);
        return 0;
    case MODE_GCM:
        return run_gcm(k, p, out, in);
    default:
        return BCRYPT_STATUS_NOT_SUPPORTED;
    }
}
