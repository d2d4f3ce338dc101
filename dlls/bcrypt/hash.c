/*
 * dlls/bcrypt/hash.c — hashes and HMACs: BCryptCreateHash, BCryptHashData,
 * BCryptFinishHash, BCryptDuplicateHash, BCryptDestroyHash, BCryptHash,
 * and BCryptDeriveKeyPBKDF2. The digests run in bcrypt.so (nettle).
 */
#include "private.h"

static struct hash *get_hash(BCRYPT_HASH_HANDLE handle)
{
    struct hash *hash = handle;
    return object_magic(hash) == MAGIC_HASH ? hash : NULL;
}

/* a hash object (the caller's object buffer is not needed: ours is on the heap) */
static NTSTATUS create_hash(struct algorithm *alg, PUCHAR secret, ULONG secret_len, ULONG flags, struct hash **out)
{
    struct hash_params p = { 0 };
    struct hash *hash;
    NTSTATUS status;

    if (alg->def->kind != KIND_HASH) return STATUS_INVALID_HANDLE;
    if (flags & ~BCRYPT_HASH_REUSABLE_FLAG) return STATUS_INVALID_PARAMETER;
    if (!(hash = bcrypt_alloc(sizeof(*hash)))) return STATUS_NO_MEMORY;
    p.alg = alg->def->hash;
    p.hmac = !!(alg->flags & BCRYPT_ALG_HANDLE_HMAC_FLAG);
    p.data = (UINT_PTR)secret;
    p.len = p.hmac ? secret_len : 0;
    if ((status = bcrypt_unix(unix_hash_create, &p)))
    {
        bcrypt_free(hash);
        return status;
    }
    hash->magic = MAGIC_HASH;
    hash->def = alg->def;
    hash->ctx = p.ctx;
    hash->reusable = !!((flags | alg->flags) & BCRYPT_HASH_REUSABLE_FLAG);
    *out = hash;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI BCryptCreateHash(BCRYPT_ALG_HANDLE handle, BCRYPT_HASH_HANDLE *out, PUCHAR object, ULONG object_len,
                                 PUCHAR secret, ULONG secret_len, ULONG flags)
{
    struct algorithm *alg = get_algorithm(handle);

    (void)object; (void)object_len;
    if (!alg) return STATUS_INVALID_HANDLE;
    if (!out) return STATUS_INVALID_PARAMETER;
    return create_hash(alg, secret, secret_len, flags, (struct hash **)out);
}

NTSTATUS WINAPI BCryptHashData(BCRYPT_HASH_HANDLE handle, PUCHAR data, ULONG len, ULONG flags)
{
    struct hash *hash = get_hash(handle);
    struct hash_params p = { 0 };

    (void)flags;
    if (!hash) return STATUS_INVALID_HANDLE;
    if (!data && len) return STATUS_INVALID_PARAMETER;
    if (hash->finished) return STATUS_INVALID_HANDLE;
    if (!len) return STATUS_SUCCESS;
    p.ctx = hash->ctx;
    p.data = (UINT_PTR)data;
    p.len = len;
    return bcrypt_unix(unix_hash_update, &p);
}

/* the output must be exactly the digest's size; a reusable hash starts
   again, another one takes no more data */
NTSTATUS WINAPI BCryptFinishHash(BCRYPT_HASH_HANDLE handle, PUCHAR out, ULONG len, ULONG flags)
{
    struct hash *hash = get_hash(handle);
    struct hash_params p = { 0 };
    NTSTATUS status;

    (void)flags;
    if (!hash) return STATUS_INVALID_HANDLE;
    if (!out || len != hash->def->hash_len) return STATUS_INVALID_PARAMETER;
    if (hash->finished) return STATUS_INVALID_HANDLE;
    p.ctx = hash->ctx;
    p.data = (UINT_PTR)out;
    p.len = len;
    if (!(status = bcrypt_unix(unix_hash_finish, &p)) && !hash->reusable) hash->finished = TRUE;
    return status;
}

NTSTATUS WINAPI BCryptDuplicateHash(BCRYPT_HASH_HANDLE handle, BCRYPT_HASH_HANDLE *out, PUCHAR object,
                                    ULONG object_len, ULONG flags)
{
    struct hash *hash = get_hash(handle), *copy;
    struct hash_params p = { 0 };
    NTSTATUS status;

    (void)object; (void)object_len; (void)flags;
    if (!hash) return STATUS_INVALID_HANDLE;
    if (!out) return STATUS_INVALID_PARAMETER;
    if (!(copy = bcrypt_alloc(sizeof(*copy)))) return STATUS_NO_MEMORY;
    p.ctx = hash->ctx;
    if ((status = bcrypt_unix(unix_hash_dup, &p)))
    {
        bcrypt_free(copy);
        return status;
    }
    *copy = *hash;
    copy->ctx = p.out_ctx;
    *out = copy;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI BCryptDestroyHash(BCRYPT_HASH_HANDLE handle)
{
    struct hash *hash = get_hash(handle);

    if (!hash) return STATUS_INVALID_PARAMETER;
    bcrypt_destroy(unix_hash_free, hash->ctx, hash, sizeof(*hash));
    return STATUS_SUCCESS;
}

/* one-shot: create, hash, finish, destroy */
NTSTATUS WINAPI BCryptHash(BCRYPT_ALG_HANDLE handle, PUCHAR secret, ULONG secret_len, PUCHAR in, ULONG in_len,
                           PUCHAR out, ULONG out_len)
{
    struct algorithm *alg = get_algorithm(handle);
    struct hash *hash;
    NTSTATUS status;

    if (!alg) return STATUS_INVALID_HANDLE;
    if ((status = create_hash(alg, secret, secret_len, 0, &hash))) return status;
    if (!(status = BCryptHashData(hash, in, in_len, 0))) status = BCryptFinishHash(hash, out, out_len, 0);
    BCryptDestroyHash(hash);
    return status;
}

NTSTATUS hash_property(struct hash *hash, const WCHAR *prop, PUCHAR out, ULONG len, ULONG *result)
{
    ULONG value;

    if (!lstrcmpW(prop, BCRYPT_ALGORITHM_NAME))
        return put_property(hash->def->name, (lstrlenW(hash->def->name) + 1) * sizeof(WCHAR), out, len, result);
    if (!lstrcmpW(prop, BCRYPT_HASH_LENGTH)) value = hash->def->hash_len;
    else if (!lstrcmpW(prop, BCRYPT_HASH_BLOCK_LENGTH)) value = hash->def->block_len;
    else return STATUS_NOT_SUPPORTED;
    return put_property(&value, sizeof(value), out, len, result);
}

/* the PRF is an HMAC provider of SHA-1 or SHA-2 */
NTSTATUS WINAPI BCryptDeriveKeyPBKDF2(BCRYPT_ALG_HANDLE handle, PUCHAR password, ULONG password_len, PUCHAR salt,
                                      ULONG salt_len, ULONGLONG iterations, PUCHAR out, ULONG out_len, ULONG flags)
{
    struct algorithm *alg = get_algorithm(handle);
    struct pbkdf2_params p = { 0 };

    (void)flags;
    if (!alg) return STATUS_INVALID_HANDLE;
    if (alg->def->kind != KIND_HASH || !(alg->flags & BCRYPT_ALG_HANDLE_HMAC_FLAG)) return STATUS_NOT_SUPPORTED;
    if (!out || !out_len || !iterations || (!password && password_len) || (!salt && salt_len))
        return STATUS_INVALID_PARAMETER;
    p.password = (UINT_PTR)password;
    p.password_len = password_len;
    p.salt = (UINT_PTR)salt;
    p.salt_len = salt_len;
    p.iterations = iterations;
    p.out = (UINT_PTR)out;
    p.out_len = out_len;
    p.alg = alg->def->hash;
    return bcrypt_unix(unix_pbkdf2, &p);
}
