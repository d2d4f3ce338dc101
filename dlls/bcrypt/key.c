/*
 * dlls/bcrypt/key.c — AES keys: creating, importing and exporting them
 * (BCRYPT_KEY_DATA_BLOB), their properties, and BCryptEncrypt/BCryptDecrypt
 * in ECB, CBC, CFB and GCM modes with optional PKCS#7 block padding. The
 * cipher runs in bcrypt.so (nettle); padding and blobs are done here.
 *
 * Sections: chaining modes · keys · encrypt and decrypt.
 */
#include "private.h"

#define AES_BLOCK 16

/* --- chaining modes ---------------------------------------------------------------- */

static const WCHAR *const mode_names[] = {
    [MODE_ECB] = BCRYPT_CHAIN_MODE_ECB, [MODE_CBC] = BCRYPT_CHAIN_MODE_CBC,
    [MODE_CFB] = BCRYPT_CHAIN_MODE_CFB, [MODE_GCM] = BCRYPT_CHAIN_MODE_GCM,
};

const WCHAR *mode_name(enum bcrypt_mode mode) { return mode_names[mode]; }

int mode_from_name(const WCHAR *name, ULONG len)
{
    if (!name || len < sizeof(WCHAR)) return -1;
    for (int i = 0; i < (int)ARRAY_SIZE(mode_names); i++)
        if (!lstrcmpW(name, mode_names[i])) return i;
    return -1;
}

/* --- keys ------------------------------------------------------------------------------ */

static struct key *get_key(BCRYPT_KEY_HANDLE handle)
{
    struct key *key = handle;
    return object_magic(key) == MAGIC_KEY ? key : NULL;
}

static NTSTATUS make_key(struct algorithm *alg, const BYTE *secret, ULONG len, BCRYPT_KEY_HANDLE *out)
{
    struct key_params p = { 0 };
    struct key *key;
    NTSTATUS status;

    if (alg->def->kind != KIND_CIPHER) return STATUS_INVALID_HANDLE;
    if (!out || !secret) return STATUS_INVALID_PARAMETER;
    if (len != 16 && len != 24 && len != 32) return STATUS_INVALID_PARAMETER;
    if (!(key = bcrypt_alloc(sizeof(*key)))) return STATUS_NO_MEMORY;
    p.secret = (UINT_PTR)secret;
    p.len = len;
    if ((status = bcrypt_unix(unix_key_create, &p)))
    {
        bcrypt_free(key);
        return status;
    }
    key->magic = MAGIC_KEY;
    key->def = alg->def;
    key->mode = alg->mode;
    key->ctx = p.ctx;
    key->secret_len = len;
    memcpy(key->secret, secret, len);
    *out = key;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI BCryptGenerateSymmetricKey(BCRYPT_ALG_HANDLE handle, BCRYPT_KEY_HANDLE *out, PUCHAR object,
                                           ULONG object_len, PUCHAR secret, ULONG len, ULONG flags)
{
    struct algorithm *alg = get_algorithm(handle);

    (void)object; (void)object_len; (void)flags;
    if (!alg) return STATUS_INVALID_HANDLE;
    return make_key(alg, secret, len, out);
}

NTSTATUS WINAPI BCryptImportKey(BCRYPT_ALG_HANDLE handle, BCRYPT_KEY_HANDLE import_key, LPCWSTR type,
                                BCRYPT_KEY_HANDLE *out, PUCHAR object, ULONG object_len, PUCHAR in, ULONG in_len,
                                ULONG flags)
{
    struct algorithm *alg = get_algorithm(handle);
    const BCRYPT_KEY_DATA_BLOB_HEADER *hdr = (const void *)in;

    (void)object; (void)object_len; (void)flags;
    if (!alg) return STATUS_INVALID_HANDLE;
    if (!type || !in || !out) return STATUS_INVALID_PARAMETER;
    if (import_key || lstrcmpW(type, BCRYPT_KEY_DATA_BLOB)) return STATUS_NOT_SUPPORTED;
    if (in_len < sizeof(*hdr)) return STATUS_BUFFER_TOO_SMALL;
    if (hdr->dwMagic != BCRYPT_KEY_DATA_BLOB_MAGIC) return STATUS_INVALID_PARAMETER;
    if (hdr->dwVersion != BCRYPT_KEY_DATA_BLOB_VERSION1) return STATUS_NOT_SUPPORTED;
    if (hdr->cbKeyData > in_len - sizeof(*hdr)) return STATUS_INVALID_PARAMETER;
    return make_key(alg, (const BYTE *)(hdr + 1), hdr->cbKeyData, out);
}

NTSTATUS WINAPI BCryptExportKey(BCRYPT_KEY_HANDLE handle, BCRYPT_KEY_HANDLE export_key, LPCWSTR type, PUCHAR out,
                                ULONG out_len, ULONG *result, ULONG flags)
{
    struct key *key = get_key(handle);
    BCRYPT_KEY_DATA_BLOB_HEADER *hdr = (void *)out;
    ULONG size;

    (void)flags;
    if (!key && object_magic(handle) == MAGIC_PUBKEY)
        return export_key ? STATUS_NOT_SUPPORTED : pubkey_export(handle, type, out, out_len, result);
    if (!key) return STATUS_INVALID_HANDLE;
    if (!type || !result) return STATUS_INVALID_PARAMETER;
    if (export_key || lstrcmpW(type, BCRYPT_KEY_DATA_BLOB)) return STATUS_NOT_SUPPORTED;
    size = sizeof(*hdr) + key->secret_len;
    *result = size;
    if (!out) return STATUS_SUCCESS;
    if (out_len < size) return STATUS_BUFFER_TOO_SMALL;
    hdr->dwMagic = BCRYPT_KEY_DATA_BLOB_MAGIC;
    hdr->dwVersion = BCRYPT_KEY_DATA_BLOB_VERSION1;
    hdr->cbKeyData = key->secret_len;
    memcpy(hdr + 1, key->secret, key->secret_len);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI BCryptDestroyKey(BCRYPT_KEY_HANDLE handle)
{
    struct key *key = get_key(handle);

    if (!key && object_magic(handle) == MAGIC_PUBKEY) return pubkey_destroy(handle);
    if (!key) return STATUS_INVALID_HANDLE;
    bcrypt_destroy(unix_key_free, key->ctx, key, sizeof(*key));
    return STATUS_SUCCESS;
}

NTSTATUS key_get_property(struct key *key, const WCHAR *prop, PUCHAR out, ULONG len, ULONG *result)
{
    ULONG value;

    if (!lstrcmpW(prop, BCRYPT_CHAINING_MODE))
        return put_property(mode_name(key->mode), (lstrlenW(mode_name(key->mode)) + 1) * sizeof(WCHAR), out, len,
                            result);
    if (!lstrcmpW(prop, BCRYPT_KEY_LENGTH)) value = key->secret_len * 8;
    else if (!lstrcmpW(prop, BCRYPT_BLOCK_LENGTH)) value = AES_BLOCK;
    else if (!lstrcmpW(prop, BCRYPT_AUTH_TAG_LENGTH) && key->mode == MODE_GCM)
    {
        BCRYPT_AUTH_TAG_LENGTHS_STRUCT tags = { 12, 16, 1 };
        return put_property(&tags, sizeof(tags), out, len, result);
    }
    else return STATUS_NOT_SUPPORTED;
    return put_property(&value, sizeof(value), out, len, result);
}

NTSTATUS key_set_property(struct key *key, const WCHAR *prop, PUCHAR value, ULONG len)
{
    int mode;
    if (lstrcmpW(prop, BCRYPT_CHAINING_MODE)) return STATUS_NOT_SUPPORTED;
    if ((mode = mode_from_name((const WCHAR *)value, len)) < 0) return STATUS_NOT_SUPPORTED;
    key->mode = mode;
    return STATUS_SUCCESS;
}

/* --- encrypt and decrypt ----------------------------------------------------------------- */

/* GCM: one call with the whole message (chained calls are not supported) */
static NTSTATUS run_gcm(struct key *key, BOOL encrypt, PUCHAR in, ULONG len, void *padding, PUCHAR out,
                        ULONG out_len, ULONG *result, ULONG flags)
{
    BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO *info = padding;
    struct cipher_params p = { 0 };

    if (!info || info->dwInfoVersion != BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO_VERSION) return STATUS_INVALID_PARAMETER;
    if (flags & BCRYPT_BLOCK_PADDING) return STATUS_INVALID_PARAMETER;
    if (info->cbNonce != 12 || !info->pbNonce) return STATUS_INVALID_PARAMETER;
    if (info->cbTag < 12 || info->cbTag > 16 || !info->pbTag) return STATUS_INVALID_PARAMETER;
    if (info->dwFlags & BCRYPT_AUTH_MODE_CHAIN_CALLS_FLAG) return STATUS_NOT_SUPPORTED;
    *result = len;
    if (!out && len) return STATUS_SUCCESS;   /* the size only (an empty message still has a tag) */
    if (out_len < len) return STATUS_BUFFER_TOO_SMALL;
    p.ctx = key->ctx;
    p.mode = MODE_GCM;
    p.encrypt = encrypt;
    p.iv = (UINT_PTR)info->pbNonce;
    p.iv_len = info->cbNonce;
    p.aad = (UINT_PTR)info->pbAuthData;
    p.aad_len = info->pbAuthData ? info->cbAuthData : 0;
    p.tag = (UINT_PTR)info->pbTag;
    p.tag_len = info->cbTag;
    p.in = (UINT_PTR)in;
    p.out = (UINT_PTR)out;
    p.len = len;
    return bcrypt_unix(unix_cipher, &p);
}

/* `len` bytes of whole blocks (or any length in CFB) through the key's mode;
   iv (16 bytes) carries the chaining over */
static NTSTATUS run_cipher(struct key *key, BOOL encrypt, const BYTE *in, ULONG len, PUCHAR iv, BYTE *out)
{
    struct cipher_params p = { 0 };

    p.ctx = key->ctx;
    p.mode = key->mode;
    p.encrypt = encrypt;
    p.iv = (UINT_PTR)iv;
    p.iv_len = AES_BLOCK;
    p.in = (UINT_PTR)in;
    p.out = (UINT_PTR)out;
    p.len = len;
    return bcrypt_unix(unix_cipher, &p);
}

static NTSTATUS encrypt_blocks(struct key *key, PUCHAR in, ULONG len, PUCHAR iv, PUCHAR out, ULONG out_len,
                               ULONG *result, ULONG flags)
{
    BYTE last[AES_BLOCK];
    ULONG whole, need;
    NTSTATUS status;

    if (flags & BCRYPT_BLOCK_PADDING) need = (len / AES_BLOCK + 1) * AES_BLOCK;   /* PKCS#7 adds 1-16 bytes */
    else if (key->mode != MODE_CFB && len % AES_BLOCK) return STATUS_INVALID_BUFFER_SIZE;
    else need = len;
    *result = need;
    if (!out) return STATUS_SUCCESS;
    if (out_len < need) return STATUS_BUFFER_TOO_SMALL;
    whole = (flags & BCRYPT_BLOCK_PADDING) ? len / AES_BLOCK * AES_BLOCK : len;
    if (whole && (status = run_cipher(key, TRUE, in, whole, iv, out))) return status;
    if (!(flags & BCRYPT_BLOCK_PADDING)) return STATUS_SUCCESS;
    memcpy(last, in + whole, len - whole);
    memset(last + (len - whole), AES_BLOCK - (len - whole), AES_BLOCK - (len - whole));
    return run_cipher(key, TRUE, last, AES_BLOCK, iv, out + whole);
}

/* the length of PKCS#7 padding at the end of a block, 0 if invalid */
static ULONG padding_length(const BYTE *block)
{
    BYTE n = block[AES_BLOCK - 1];
    if (!n || n > AES_BLOCK) return 0;
    for (ULONG i = AES_BLOCK - n; i < AES_BLOCK; i++) if (block[i] != n) return 0;
    return n;
}

static NTSTATUS decrypt_blocks(struct key *key, PUCHAR in, ULONG len, PUCHAR iv, PUCHAR out, ULONG out_len,
                               ULONG *result, ULONG flags)
{
    BYTE last[AES_BLOCK];
    ULONG whole, pad;
    NTSTATUS status;

    if (key->mode != MODE_CFB && len % AES_BLOCK) return STATUS_INVALID_BUFFER_SIZE;
    if (!(flags & BCRYPT_BLOCK_PADDING))
    {
        *result = len;
        if (!out) return STATUS_SUCCESS;
        if (out_len < len) return STATUS_BUFFER_TOO_SMALL;
        return run_cipher(key, FALSE, in, len, iv, out);
    }
    if (!len) return STATUS_INVALID_PARAMETER;
    /* without an output buffer the size is given as the whole input */
    if (!out) { *result = len; return STATUS_SUCCESS; }
    whole = len - AES_BLOCK;
    if (out_len < whole) { *result = len; return STATUS_BUFFER_TOO_SMALL; }
    if (whole && (status = run_cipher(key, FALSE, in, whole, iv, out))) return status;
    if ((status = run_cipher(key, FALSE, in + whole, AES_BLOCK, iv, last))) return status;
    if (!(pad = padding_length(last))) return STATUS_INVALID_PARAMETER;
    *result = whole + AES_BLOCK - pad;
    if (out_len < *result) return STATUS_BUFFER_TOO_SMALL;
    memcpy(out + whole, last, AES_BLOCK - pad);
    return STATUS_SUCCESS;
}

/* what BCryptEncrypt and BCryptDecrypt share: checks, GCM, the IV */
static NTSTATUS run_crypt(BCRYPT_KEY_HANDLE handle, BOOL encrypt, PUCHAR in, ULONG len, void *padding, PUCHAR iv,
                          ULONG iv_len, PUCHAR out, ULONG out_len, ULONG *result, ULONG flags)
{
    struct key *key = get_key(handle);
    BYTE zero_iv[AES_BLOCK] = { 0 };

    if (!key) return STATUS_INVALID_HANDLE;
    if (!result || (!in && len)) return STATUS_INVALID_PARAMETER;
    if (key->mode == MODE_GCM) return run_gcm(key, encrypt, in, len, padding, out, out_len, result, flags);
    if (iv && iv_len != AES_BLOCK && key->mode != MODE_ECB) return STATUS_INVALID_PARAMETER;
    if ((flags & BCRYPT_BLOCK_PADDING) && key->mode == MODE_CFB) return STATUS_INVALID_PARAMETER;
    if (!iv || key->mode == MODE_ECB) iv = zero_iv;   /* no IV: chaining starts from zeros */
    if (encrypt) return encrypt_blocks(key, in, len, iv, out, out_len, result, flags);
    return decrypt_blocks(key, in, len, iv, out, out_len, result, flags);
}

NTSTATUS WINAPI BCryptEncrypt(BCRYPT_KEY_HANDLE handle, PUCHAR in, ULONG len, VOID *padding, PUCHAR iv,
                              ULONG iv_len, PUCHAR out, ULONG out_len, ULONG *result, ULONG flags)
{
    return run_crypt(handle, TRUE, in, len, padding, iv, iv_len, out, out_len, result, flags);
}

NTSTATUS WINAPI BCryptDecrypt(BCRYPT_KEY_HANDLE handle, PUCHAR in, ULONG len, VOID *padding, PUCHAR iv,
                              ULONG iv_len, PUCHAR out, ULONG out_len, ULONG *result, ULONG flags)
{
    return run_crypt(handle, FALSE, in, len, padding, iv, iv_len, out, out_len, result, flags);
}
