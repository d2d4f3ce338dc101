/*
 * dlls/bcrypt/main.c — bcrypt.dll's algorithm providers: the algorithms
 * wlx provides, opening and closing providers (and Windows 10's
 * pseudo-handles), properties, random numbers, BCryptEnumAlgorithms, and
 * the door to bcrypt.so (dlls/bcrypt/unix, over nettle).
 *
 * Sections: plumbing · algorithms and providers · properties · random.
 */
#include "private.h"

/* ntdll's private door and random source (ARCHITECTURE.md) */
LONG WINAPI __wlx_unix_lib_load(HMODULE module, UINT64 *handle);
LONG WINAPI __wlx_unix_call(UINT64 handle, UINT32 code, void *params);
NTSTATUS WINAPI __wlx_random(void *buf, SIZE_T size);
extern IMAGE_DOS_HEADER __ImageBase;

/* --- plumbing ----------------------------------------------------------------- */

static UINT64 unix_handle;

NTSTATUS bcrypt_unix(enum bcrypt_unix_func code, void *params)
{
    UINT64 handle = unix_handle;
    NTSTATUS status;

    if (!handle)
    {
        /* loading twice in a race is harmless: same library */
        if ((status = __wlx_unix_lib_load((HMODULE)&__ImageBase, &handle))) return status;
        unix_handle = handle;
    }
    return __wlx_unix_call(handle, code, params);
}

/* frees a hash or key: its state in bcrypt.so, then the object */
void bcrypt_destroy(enum bcrypt_unix_func free_code, UINT64 ctx, void *object, SIZE_T size)
{
    bcrypt_unix(free_code, &ctx);
    SecureZeroMemory(object, size);
    bcrypt_free(object);
}

void *bcrypt_alloc(SIZE_T size) { return HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, size); }
void bcrypt_free(void *ptr) { if (ptr) HeapFree(GetProcessHeap(), 0, ptr); }

BOOL same_name(const WCHAR *a, const WCHAR *b)
{
    for (;; a++, b++)
    {
        WCHAR x = *a >= 'a' && *a <= 'z' ? *a - 32 : *a, y = *b >= 'a' && *b <= 'z' ? *b - 32 : *b;
        if (x != y) return FALSE;
        if (!x) return TRUE;
    }
}

/* --- algorithms and providers ---------------------------------------------------- */

static const struct alg_def algorithms[] = {
    { BCRYPT_MD5_ALGORITHM, KIND_HASH, HASH_MD5, 16, 64 },
    { BCRYPT_SHA1_ALGORITHM, KIND_HASH, HASH_SHA1, 20, 64 },
    { BCRYPT_SHA256_ALGORITHM, KIND_HASH, HASH_SHA256, 32, 64 },
    { BCRYPT_SHA384_ALGORITHM, KIND_HASH, HASH_SHA384, 48, 128 },
    { BCRYPT_SHA512_ALGORITHM, KIND_HASH, HASH_SHA512, 64, 128 },
    { BCRYPT_AES_ALGORITHM, KIND_CIPHER, 0, 0, 16 },
    { BCRYPT_RNG_ALGORITHM, KIND_RNG, 0, 0, 0 },
    { BCRYPT_RSA_ALGORITHM, KIND_RSA, 0, 0, 0 },
    { BCRYPT_ECDSA_P256_ALGORITHM, KIND_ECDSA, 0, 0, 0, 256 },
    { BCRYPT_ECDSA_P384_ALGORITHM, KIND_ECDSA, 0, 0, 0, 384 },
    { BCRYPT_ECDSA_P521_ALGORITHM, KIND_ECDSA, 0, 0, 0, 521 },
    { L"ECDSA", KIND_ECDSA, 0, 0, 0, 0 },             /* BCRYPT_ECDSA_ALGORITHM: any curve */
};
enum { DEF_MD5, DEF_SHA1, DEF_SHA256, DEF_SHA384, DEF_SHA512, DEF_AES, DEF_RNG };

/* Windows 10's pseudo-handles: (BCRYPT_ALG_HANDLE)value */
static struct algorithm pseudo[] = {
    { MAGIC_ALG, &algorithms[DEF_MD5], 0, 0, TRUE },                              /* 0x21 */
    { MAGIC_ALG, &algorithms[DEF_SHA1], 0, 0, TRUE },                             /* 0x31 */
    { MAGIC_ALG, &algorithms[DEF_SHA256], 0, 0, TRUE },                           /* 0x41 */
    { MAGIC_ALG, &algorithms[DEF_SHA384], 0, 0, TRUE },                           /* 0x51 */
    { MAGIC_ALG, &algorithms[DEF_SHA512], 0, 0, TRUE },                           /* 0x61 */
    { MAGIC_ALG, &algorithms[DEF_RNG], 0, 0, TRUE },                              /* 0x81 */
    { MAGIC_ALG, &algorithms[DEF_MD5], BCRYPT_ALG_HANDLE_HMAC_FLAG, 0, TRUE },    /* 0x91 */
    { MAGIC_ALG, &algorithms[DEF_SHA1], BCRYPT_ALG_HANDLE_HMAC_FLAG, 0, TRUE },   /* 0xa1 */
    { MAGIC_ALG, &algorithms[DEF_SHA256], BCRYPT_ALG_HANDLE_HMAC_FLAG, 0, TRUE }, /* 0xb1 */
    { MAGIC_ALG, &algorithms[DEF_SHA384], BCRYPT_ALG_HANDLE_HMAC_FLAG, 0, TRUE }, /* 0xc1 */
    { MAGIC_ALG, &algorithms[DEF_SHA512], BCRYPT_ALG_HANDLE_HMAC_FLAG, 0, TRUE }, /* 0xd1 */
    { MAGIC_ALG, &algorithms[DEF_AES], 0, MODE_CBC, TRUE },                       /* 0x1a1 */
    { MAGIC_ALG, &algorithms[DEF_AES], 0, MODE_ECB, TRUE },                       /* 0x1b1 */
    { MAGIC_ALG, &algorithms[DEF_AES], 0, MODE_CFB, TRUE },                       /* 0x1c1 */
    { MAGIC_ALG, &algorithms[DEF_AES], 0, MODE_GCM, TRUE },                       /* 0x1e1 */
};
static const ULONG_PTR pseudo_values[] = {
    0x21, 0x31, 0x41, 0x51, 0x61, 0x81, 0x91, 0xa1, 0xb1, 0xc1, 0xd1, 0x1a1, 0x1b1, 0x1c1, 0x1e1
};

/* the magic of the object behind a handle; 0 for NULL and the small values
   that cannot be pointers (an unknown pseudo-handle) */
ULONG object_magic(const void *handle)
{
    return (ULONG_PTR)handle < 0x10000 ? 0 : *(const ULONG *)handle;
}

struct algorithm *get_algorithm(BCRYPT_ALG_HANDLE handle)
{
    struct algorithm *alg = handle;
    ULONG_PTR value = (ULONG_PTR)handle;

    if (value < 0x10000)
    {
        for (ULONG i = 0; i < ARRAY_SIZE(pseudo_values); i++)
            if (pseudo_values[i] == value) return &pseudo[i];
        return NULL;
    }
    return object_magic(alg) == MAGIC_ALG ? alg : NULL;
}

#define OPEN_FLAGS (BCRYPT_ALG_HANDLE_HMAC_FLAG | BCRYPT_HASH_REUSABLE_FLAG | BCRYPT_PROV_DISPATCH)

NTSTATUS WINAPI BCryptOpenAlgorithmProvider(BCRYPT_ALG_HANDLE *handle, LPCWSTR id, LPCWSTR impl, ULONG flags)
{
    const struct alg_def *def = NULL;
    struct algorithm *alg;

    (void)impl;   /* the one implementation is ours */
    if (!handle || !id) return STATUS_INVALID_PARAMETER;
    if (flags & ~OPEN_FLAGS) return STATUS_INVALID_PARAMETER;
    for (ULONG i = 0; i < ARRAY_SIZE(algorithms); i++)
        if (same_name(id, algorithms[i].name)) def = &algorithms[i];
    if (!def) return STATUS_NOT_FOUND;
    if ((flags & BCRYPT_ALG_HANDLE_HMAC_FLAG) && def->kind != KIND_HASH) return STATUS_NOT_SUPPORTED;
    if (!(alg = bcrypt_alloc(sizeof(*alg)))) return STATUS_NO_MEMORY;
    alg->magic = MAGIC_ALG;
    alg->def = def;
    alg->flags = flags & (BCRYPT_ALG_HANDLE_HMAC_FLAG | BCRYPT_HASH_REUSABLE_FLAG);
    alg->mode = MODE_CBC;   /* AES's default chaining */
    *handle = alg;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI BCryptCloseAlgorithmProvider(BCRYPT_ALG_HANDLE handle, ULONG flags)
{
    struct algorithm *alg = get_algorithm(handle);

    (void)flags;
    if (!alg) return STATUS_INVALID_HANDLE;
    if (alg->pseudo) return STATUS_SUCCESS;
    alg->magic = 0;
    bcrypt_free(alg);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI BCryptEnumAlgorithms(ULONG ops, ULONG *count, BCRYPT_ALGORITHM_IDENTIFIER **list, ULONG flags)
{
    static const ULONG class_of[] = { BCRYPT_HASH_INTERFACE, BCRYPT_CIPHER_INTERFACE, BCRYPT_RNG_INTERFACE,
                                      BCRYPT_ASYMMETRIC_ENCRYPTION_INTERFACE, BCRYPT_SIGNATURE_INTERFACE };
    static const ULONG op_of[] = { BCRYPT_HASH_OPERATION, BCRYPT_CIPHER_OPERATION, BCRYPT_RNG_OPERATION,
                                   BCRYPT_ASYMMETRIC_ENCRYPTION_OPERATION | BCRYPT_SIGNATURE_OPERATION,
                                   BCRYPT_SIGNATURE_OPERATION };
    BCRYPT_ALGORITHM_IDENTIFIER *out;
    ULONG n = 0;

    (void)flags;
    if (!count || !list) return STATUS_INVALID_PARAMETER;
    if (!(out = bcrypt_alloc(sizeof(*out) * ARRAY_SIZE(algorithms)))) return STATUS_NO_MEMORY;
    for (ULONG i = 0; i < ARRAY_SIZE(algorithms); i++)
    {
        if (ops && !(ops & op_of[algorithms[i].kind])) continue;
        out[n].pszName = (WCHAR *)algorithms[i].name;
        out[n].dwClass = class_of[algorithms[i].kind];
        out[n].dwFlags = 0;
        n++;
    }
    *count = n;
    *list = out;
    return STATUS_SUCCESS;
}

void WINAPI BCryptFreeBuffer(PVOID buffer)
{
    bcrypt_free(buffer);
}

NTSTATUS WINAPI BCryptGetFipsAlgorithmMode(BOOLEAN *enabled)
{
    if (!enabled) return STATUS_INVALID_PARAMETER;
    *enabled = FALSE;
    return STATUS_SUCCESS;
}

/* --- properties ------------------------------------------------------------------ */

/* out NULL: only the size; too small: STATUS_BUFFER_TOO_SMALL */
NTSTATUS put_property(const void *value, ULONG size, PUCHAR out, ULONG out_len, ULONG *result)
{
    if (!result) return STATUS_INVALID_PARAMETER;
    *result = size;
    if (!out) return STATUS_SUCCESS;
    if (out_len < size) return STATUS_BUFFER_TOO_SMALL;
    memcpy(out, value, size);
    return STATUS_SUCCESS;
}

static NTSTATUS put_dword(ULONG value, PUCHAR out, ULONG len, ULONG *result)
{
    return put_property(&value, sizeof(value), out, len, result);
}

static NTSTATUS put_string(const WCHAR *str, PUCHAR out, ULONG len, ULONG *result)
{
    return put_property(str, (lstrlenW(str) + 1) * sizeof(WCHAR), out, len, result);
}

/* the sizes of the objects programs may pass (we allocate our own) */
#define HASH_OBJECT_LENGTH 0x200
#define KEY_OBJECT_LENGTH  0x300

static NTSTATUS cipher_property(struct algorithm *alg, const WCHAR *prop, PUCHAR out, ULONG len, ULONG *result)
{
    if (!lstrcmpW(prop, BCRYPT_CHAINING_MODE)) return put_string(mode_name(alg->mode), out, len, result);
    if (!lstrcmpW(prop, BCRYPT_BLOCK_LENGTH)) return put_dword(16, out, len, result);
    if (!lstrcmpW(prop, BCRYPT_OBJECT_LENGTH)) return put_dword(KEY_OBJECT_LENGTH, out, len, result);
    if (!lstrcmpW(prop, BCRYPT_KEY_LENGTHS))
    {
        BCRYPT_KEY_LENGTHS_STRUCT lengths = { 128, 256, 64 };
        return put_property(&lengths, sizeof(lengths), out, len, result);
    }
    if (!lstrcmpW(prop, BCRYPT_AUTH_TAG_LENGTH))
    {
        BCRYPT_AUTH_TAG_LENGTHS_STRUCT tags = { 12, 16, 1 };
        if (alg->mode != MODE_GCM) return STATUS_NOT_SUPPORTED;
        return put_property(&tags, sizeof(tags), out, len, result);
    }
    if (!lstrcmpW(prop, BCRYPT_BLOCK_SIZE_LIST))
    {
        ULONG sizes[] = { 16 };
        return put_property(sizes, sizeof(sizes), out, len, result);
    }
    return STATUS_NOT_SUPPORTED;
}

static NTSTATUS alg_property(struct algorithm *alg, const WCHAR *prop, PUCHAR out, ULONG len, ULONG *result)
{
    const struct alg_def *def = alg->def;

    if (!lstrcmpW(prop, BCRYPT_ALGORITHM_NAME)) return put_string(def->name, out, len, result);
    if (def->kind == KIND_CIPHER) return cipher_property(alg, prop, out, len, result);
    if (def->kind == KIND_RSA || def->kind == KIND_ECDSA) return pubkey_alg_property(alg, prop, out, len, result);
    if (def->kind != KIND_HASH) return STATUS_NOT_SUPPORTED;
    if (!lstrcmpW(prop, BCRYPT_HASH_LENGTH)) return put_dword(def->hash_len, out, len, result);
    if (!lstrcmpW(prop, BCRYPT_OBJECT_LENGTH)) return put_dword(HASH_OBJECT_LENGTH, out, len, result);
    if (!lstrcmpW(prop, BCRYPT_HASH_BLOCK_LENGTH)) return put_dword(def->block_len, out, len, result);
    if (!lstrcmpW(prop, BCRYPT_IS_REUSABLE_HASH))
        return put_dword(!!(alg->flags & BCRYPT_HASH_REUSABLE_FLAG), out, len, result);
    return STATUS_NOT_SUPPORTED;
}

NTSTATUS WINAPI BCryptGetProperty(BCRYPT_HANDLE handle, LPCWSTR prop, PUCHAR out, ULONG len, ULONG *result,
                                  ULONG flags)
{
    struct algorithm *alg = get_algorithm(handle);

    (void)flags;
    if (!prop || !result) return STATUS_INVALID_PARAMETER;
    if (alg) return alg_property(alg, prop, out, len, result);
    switch (object_magic(handle))
    {
    case MAGIC_HASH: return hash_property(handle, prop, out, len, result);
    case MAGIC_KEY: return key_get_property(handle, prop, out, len, result);
    case MAGIC_PUBKEY: return pubkey_get_property(handle, prop, out, len, result);
    default: return STATUS_INVALID_HANDLE;
    }
}

NTSTATUS WINAPI BCryptSetProperty(BCRYPT_HANDLE handle, LPCWSTR prop, PUCHAR value, ULONG len, ULONG flags)
{
    struct algorithm *alg = get_algorithm(handle);
    int mode;

    (void)flags;
    if (!prop) return STATUS_INVALID_PARAMETER;
    if (!alg)
    {
        if (object_magic(handle) == MAGIC_KEY) return key_set_property(handle, prop, value, len);
        return object_magic(handle) == MAGIC_HASH ? STATUS_NOT_SUPPORTED : STATUS_INVALID_HANDLE;
    }
    if (alg->def->kind != KIND_CIPHER || lstrcmpW(prop, BCRYPT_CHAINING_MODE)) return STATUS_NOT_SUPPORTED;
    if (alg->pseudo) return STATUS_ACCESS_DENIED;   /* fixed by the handle's name */
    if ((mode = mode_from_name((const WCHAR *)value, len)) < 0) return STATUS_NOT_SUPPORTED;
    alg->mode = mode;
    return STATUS_SUCCESS;
}

/* --- random ---------------------------------------------------------------------- */

NTSTATUS WINAPI BCryptGenRandom(BCRYPT_ALG_HANDLE handle, PUCHAR buf, ULONG len, ULONG flags)
{
    struct algorithm *alg = get_algorithm(handle);

    if (!handle)
    {
        if (!(flags & BCRYPT_USE_SYSTEM_PREFERRED_RNG)) return STATUS_INVALID_HANDLE;
    }
    else if (!alg || alg->def->kind != KIND_RNG) return STATUS_INVALID_HANDLE;
    else if (flags & BCRYPT_USE_SYSTEM_PREFERRED_RNG) return STATUS_INVALID_PARAMETER;
    if (!len) return STATUS_SUCCESS;
    if (!buf) return STATUS_INVALID_PARAMETER;
    return __wlx_random(buf, len);
}
