/*
 * dlls/advapi32/crypt.c — random numbers (RtlGenRandom) and the CryptoAPI
 * subset programs use: providers, CryptGenRandom, MD5/SHA-1/SHA-256 hashes.
 * Randomness comes from ntdll's __wlx_random (the kernel), hashing from
 * bcrypt.dll: no second implementation here.
 */
#include "secpriv.h"
#include <bcrypt.h>

/* RtlGenRandom; Windows documents it as a BOOLEAN */
BOOLEAN WINAPI SystemFunction036(PVOID buf, ULONG len)
{
    return !__wlx_random(buf, len);
}

/* --- bcrypt, loaded on first use -------------------------------------------------- */

static struct {
    NTSTATUS (WINAPI *open)(BCRYPT_ALG_HANDLE *, LPCWSTR, LPCWSTR, ULONG);
    NTSTATUS (WINAPI *close)(BCRYPT_ALG_HANDLE, ULONG);
    NTSTATUS (WINAPI *create)(BCRYPT_ALG_HANDLE, BCRYPT_HASH_HANDLE *, PUCHAR, ULONG, PUCHAR, ULONG, ULONG);
    NTSTATUS (WINAPI *data)(BCRYPT_HASH_HANDLE, PUCHAR, ULONG, ULONG);
    NTSTATUS (WINAPI *finish)(BCRYPT_HASH_HANDLE, PUCHAR, ULONG, ULONG);
    NTSTATUS (WINAPI *dup)(BCRYPT_HASH_HANDLE, BCRYPT_HASH_HANDLE *, PUCHAR, ULONG, ULONG);
    NTSTATUS (WINAPI *destroy)(BCRYPT_HASH_HANDLE);
} bcrypt;

static BOOL load_bcrypt(void)
{
    static const char *const names[] = { "BCryptOpenAlgorithmProvider", "BCryptCloseAlgorithmProvider",
        "BCryptCreateHash", "BCryptHashData", "BCryptFinishHash", "BCryptDuplicateHash", "BCryptDestroyHash" };
    void **slots = (void **)&bcrypt;
    HMODULE mod;

    if (bcrypt.destroy) return TRUE;
    if (!(mod = LoadLibraryW(L"bcrypt.dll"))) return FALSE;
    for (DWORD i = 0; i < ARRAY_SIZE(names); i++)
        if (!(slots[i] = (void *)GetProcAddress(mod, names[i]))) return FALSE;
    return TRUE;
}

/* --- providers ------------------------------------------------------------------------ */

#define PROV_MAGIC 0x50525631   /* 'PRV1' */
#define HASH_MAGIC 0x48534831   /* 'HSH1' */

struct provider { DWORD magic; LONG refs; };

static struct provider *get_provider(HCRYPTPROV handle)
{
    struct provider *prov = (struct provider *)handle;
    return sec_is_object(prov, PROV_MAGIC) ? prov : NULL;
}

/* every provider type and key container is the same one here: hashes and
   random numbers need no keys */
BOOL WINAPI CryptAcquireContextW(HCRYPTPROV *out, LPCWSTR container, LPCWSTR provider_name, DWORD type, DWORD flags)
{
    struct provider *prov;

    (void)container; (void)provider_name; (void)type;
    if (!out) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    *out = 0;
    if (flags & CRYPT_DELETEKEYSET) return TRUE;
    if (!(prov = sec_alloc(sizeof(*prov)))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    prov->magic = PROV_MAGIC;
    prov->refs = 1;
    *out = (HCRYPTPROV)prov;
    return TRUE;
}

BOOL WINAPI CryptAcquireContextA(HCRYPTPROV *out, LPCSTR container, LPCSTR provider_name, DWORD type, DWORD flags)
{
    (void)container; (void)provider_name;
    return CryptAcquireContextW(out, NULL, NULL, type, flags);
}

BOOL WINAPI CryptContextAddRef(HCRYPTPROV handle, DWORD *reserved, DWORD flags)
{
    struct provider *prov = get_provider(handle);
    if (!prov) { SetLastError(NTE_BAD_UID); return FALSE; }
    if (reserved || flags) { SetLastError(NTE_BAD_FLAGS); return FALSE; }
    InterlockedIncrement(&prov->refs);
    return TRUE;
}

BOOL WINAPI CryptReleaseContext(HCRYPTPROV handle, DWORD flags)
{
    struct provider *prov = get_provider(handle);

    if (!prov) { SetLastError(NTE_BAD_UID); return FALSE; }
    if (flags) { SetLastError(NTE_BAD_FLAGS); return FALSE; }
    if (!InterlockedDecrement(&prov->refs))
    {
        prov->magic = 0;
        sec_free(prov);
    }
    return TRUE;
}

BOOL WINAPI CryptGenRandom(HCRYPTPROV handle, DWORD len, BYTE *buf)
{
    if (!get_provider(handle)) { SetLastError(NTE_BAD_UID); return FALSE; }
    if (!buf && len) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return sec_status(__wlx_random(buf, len));
}

/* --- hashes ------------------------------------------------------------------------------ */

struct crypt_hash {
    DWORD magic;
    ALG_ID alg;
    BCRYPT_ALG_HANDLE bcrypt_alg;
    BCRYPT_HASH_HANDLE bcrypt_hash;
    DWORD size;
    BOOL finished;        /* HP_HASHVAL was read: value[] holds it */
    BYTE value[64];
};

static struct crypt_hash *get_hash(HCRYPTHASH handle)
{
    struct crypt_hash *hash = (struct crypt_hash *)handle;
    return sec_is_object(hash, HASH_MAGIC) ? hash : NULL;
}

static const struct { ALG_ID alg; const WCHAR *name; DWORD size; } hash_algs[] = {
    { CALG_MD5, BCRYPT_MD5_ALGORITHM, 16 },
    { CALG_SHA1, BCRYPT_SHA1_ALGORITHM, 20 },
    { CALG_SHA_256, BCRYPT_SHA256_ALGORITHM, 32 },
    { CALG_SHA_384, BCRYPT_SHA384_ALGORITHM, 48 },
    { CALG_SHA_512, BCRYPT_SHA512_ALGORITHM, 64 },
};

/* the hash_algs entry of `alg`, or ARRAY_SIZE(hash_algs) */
static DWORD hash_alg_index(ALG_ID alg)
{
    DWORD i;
    for (i = 0; i < ARRAY_SIZE(hash_algs) && hash_algs[i].alg != alg; i++);
    return i;
}

BOOL WINAPI CryptCreateHash(HCRYPTPROV prov, ALG_ID alg, HCRYPTKEY key, DWORD flags, HCRYPTHASH *out)
{
    struct crypt_hash *hash;
    DWORD i;

    if (!get_provider(prov)) { SetLastError(NTE_BAD_UID); return FALSE; }
    if (!out) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (flags) { SetLastError(NTE_BAD_FLAGS); return FALSE; }
    if ((i = hash_alg_index(alg)) == ARRAY_SIZE(hash_algs) || key) { SetLastError(NTE_BAD_ALGID); return FALSE; }
    if (!load_bcrypt()) { SetLastError(NTE_PROVIDER_DLL_FAIL); return FALSE; }
    if (!(hash = sec_alloc(sizeof(*hash)))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    memset(hash, 0, sizeof(*hash));
    if (bcrypt.open(&hash->bcrypt_alg, hash_algs[i].name, NULL, 0) ||
        bcrypt.create(hash->bcrypt_alg, &hash->bcrypt_hash, NULL, 0, NULL, 0, 0))
    {
        if (hash->bcrypt_alg) bcrypt.close(hash->bcrypt_alg, 0);
        sec_free(hash);
        SetLastError(NTE_FAIL);
        return FALSE;
    }
    hash->magic = HASH_MAGIC;
    hash->alg = alg;
    hash->size = hash_algs[i].size;
    *out = (HCRYPTHASH)hash;
    return TRUE;
}

BOOL WINAPI CryptHashData(HCRYPTHASH handle, const BYTE *data, DWORD len, DWORD flags)
{
    struct crypt_hash *hash = get_hash(handle);

    (void)flags;
    if (!hash) { SetLastError(NTE_BAD_HASH); return FALSE; }
    if (hash->finished) { SetLastError(NTE_BAD_HASH_STATE); return FALSE; }
    if (!data && len) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (len && bcrypt.data(hash->bcrypt_hash, (PUCHAR)data, len, 0)) { SetLastError(NTE_FAIL); return FALSE; }
    return TRUE;
}

/* a DWORD or byte answer: NULL buf gives the size, too small ERROR_MORE_DATA */
static BOOL give_param(const void *value, DWORD size, BYTE *buf, DWORD *len)
{
    if (!len) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (buf && *len < size) { *len = size; SetLastError(ERROR_MORE_DATA); return FALSE; }
    if (buf) memcpy(buf, value, size);
    *len = size;
    return TRUE;
}

BOOL WINAPI CryptGetHashParam(HCRYPTHASH handle, DWORD param, BYTE *buf, DWORD *len, DWORD flags)
{
    struct crypt_hash *hash = get_hash(handle);

    (void)flags;
    if (!hash) { SetLastError(NTE_BAD_HASH); return FALSE; }
    switch (param)
    {
    case HP_ALGID: return give_param(&hash->alg, sizeof(DWORD), buf, len);
    case HP_HASHSIZE: return give_param(&hash->size, sizeof(DWORD), buf, len);
    case HP_HASHVAL:
        /* the first read ends the hash; later reads give the same value */
        if (buf && !hash->finished)
        {
            if (len && *len < hash->size) return give_param(hash->value, hash->size, buf, len);
            if (bcrypt.finish(hash->bcrypt_hash, hash->value, hash->size, 0)) { SetLastError(NTE_FAIL); return FALSE; }
            hash->finished = TRUE;
        }
        return give_param(hash->value, hash->size, buf, len);
    default:
        SetLastError(NTE_BAD_TYPE);
        return FALSE;
    }
}

BOOL WINAPI CryptDuplicateHash(HCRYPTHASH handle, DWORD *reserved, DWORD flags, HCRYPTHASH *out)
{
    struct crypt_hash *hash = get_hash(handle), *copy;

    if (!hash) { SetLastError(NTE_BAD_HASH); return FALSE; }
    if (reserved || flags || !out) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!(copy = sec_alloc(sizeof(*copy)))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    *copy = *hash;
    copy->bcrypt_alg = NULL;
    if (bcrypt.open(&copy->bcrypt_alg, hash_algs[hash_alg_index(hash->alg)].name, NULL, 0) ||
        bcrypt.dup(hash->bcrypt_hash, &copy->bcrypt_hash, NULL, 0, 0))
    {
        if (copy->bcrypt_alg) bcrypt.close(copy->bcrypt_alg, 0);
        sec_free(copy);
        SetLastError(NTE_FAIL);
        return FALSE;
    }
    *out = (HCRYPTHASH)copy;
    return TRUE;
}

BOOL WINAPI CryptDestroyHash(HCRYPTHASH handle)
{
    struct crypt_hash *hash = get_hash(handle);

    if (!hash) { SetLastError(NTE_BAD_HASH); return FALSE; }
    bcrypt.destroy(hash->bcrypt_hash);
    bcrypt.close(hash->bcrypt_alg, 0);
    hash->magic = 0;
    sec_free(hash);
    return TRUE;
}
