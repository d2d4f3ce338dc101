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

struct provider { DWORD magic; LONG refs; DWORD type; const WCHAR *name; };

/* the providers a Windows system lists; each is served by this one
   implementation (hashes and random numbers) */
static const struct { DWORD type; const WCHAR *name; } providers[] = {
    { PROV_RSA_FULL, L"Microsoft Base Cryptographic Provider v1.0" },
    { PROV_RSA_FULL, L"Microsoft Enhanced Cryptographic Provider v1.0" },
    { PROV_RSA_AES, L"Microsoft Enhanced RSA and AES Cryptographic Provider" },
    { PROV_RSA_FULL, L"Microsoft Strong Cryptographic Provider" },
};

/* the name a context gets: the one asked for when listed, else the
   default of its type (Windows' defaults: Strong for RSA_FULL, the AES
   provider for RSA_AES) */
static const WCHAR *provider_name_for(const WCHAR *name, DWORD type)
{
    for (DWORD i = 0; name && i < ARRAY_SIZE(providers); i++)
        if (!lstrcmpiW(name, providers[i].name)) return providers[i].name;
    return type == PROV_RSA_AES ? providers[2].name : providers[3].name;
}

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

    (void)container;
    if (!out) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    *out = 0;
    if (flags & CRYPT_DELETEKEYSET) return TRUE;
    if (!(prov = sec_alloc(sizeof(*prov)))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    prov->magic = PROV_MAGIC;
    prov->refs = 1;
    prov->type = type;
    prov->name = provider_name_for(provider_name, type);
    *out = (HCRYPTPROV)prov;
    return TRUE;
}

BOOL WINAPI CryptAcquireContextA(HCRYPTPROV *out, LPCSTR container, LPCSTR provider_name, DWORD type, DWORD flags)
{
    WCHAR *name = sec_strdup_aw(provider_name);
    BOOL ret;

    (void)container;
    if (provider_name && !name) return FALSE;
    ret = CryptAcquireContextW(out, NULL, name, type, flags);
    sec_free(name);
    return ret;
}

/* index-th provider: its type and name (size in bytes, terminator included) */
BOOL WINAPI CryptEnumProvidersW(DWORD index, DWORD *reserved, DWORD flags, DWORD *type, LPWSTR name, DWORD *size)
{
    DWORD need;

    if (reserved || flags || !size || !type) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (index >= ARRAY_SIZE(providers)) { SetLastError(ERROR_NO_MORE_ITEMS); return FALSE; }
    need = (lstrlenW(providers[index].name) + 1) * sizeof(WCHAR);
    *type = providers[index].type;
    if (name && *size < need) { *size = need; SetLastError(ERROR_MORE_DATA); return FALSE; }
    if (name) memcpy(name, providers[index].name, need);
    *size = need;
    return TRUE;
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

/* HP_HASHVAL sets the value (for signing a hash computed elsewhere) and ends the hash */
BOOL WINAPI CryptSetHashParam(HCRYPTHASH handle, DWORD param, const BYTE *data, DWORD flags)
{
    struct crypt_hash *hash = get_hash(handle);

    if (!hash) { SetLastError(NTE_BAD_HASH); return FALSE; }
    if (flags) { SetLastError(NTE_BAD_FLAGS); return FALSE; }
    if (param != HP_HASHVAL) { SetLastError(NTE_BAD_TYPE); return FALSE; }
    if (!data) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    memcpy(hash->value, data, hash->size);
    hash->finished = TRUE;
    return TRUE;
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

/* --- provider parameters and keys ------------------------------------------------------ */

/* an ANSI string answer, sized in bytes with its terminator */
static BOOL give_ansi_param(const WCHAR *value, BYTE *buf, DWORD *len)
{
    char ansi[128];
    int n = WideCharToMultiByte(CP_ACP, 0, value, -1, ansi, sizeof(ansi), NULL, NULL);
    return give_param(ansi, n, buf, len);
}

BOOL WINAPI CryptGetProvParam(HCRYPTPROV handle, DWORD param, BYTE *buf, DWORD *len, DWORD flags)
{
    static const DWORD version = 0x200, impl = CRYPT_IMPL_SOFTWARE;
    struct provider *prov = get_provider(handle);

    if (!prov) { SetLastError(NTE_BAD_UID); return FALSE; }
    switch (param)
    {
    case PP_NAME: return give_ansi_param(prov->name, buf, len);
    case PP_PROVTYPE: return give_param(&prov->type, sizeof(DWORD), buf, len);
    case PP_VERSION: return give_param(&version, sizeof(DWORD), buf, len);
    case PP_IMPTYPE: return give_param(&impl, sizeof(DWORD), buf, len);
    default: SetLastError(NTE_BAD_TYPE); return FALSE;
    }
}

/* No key container holds keys here and no key can be made or imported, so
   no key handle exists: the user's keys are missing (NTE_NO_KEY) and any
   key handle given is not one (NTE_BAD_KEY), as for an empty container. */
BOOL WINAPI CryptGetUserKey(HCRYPTPROV handle, DWORD spec, HCRYPTKEY *key)
{
    if (!get_provider(handle)) { SetLastError(NTE_BAD_UID); return FALSE; }
    if (!key) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    SetLastError(NTE_NO_KEY);
    return FALSE;
}

static BOOL no_such_key(void)
{
    SetLastError(NTE_BAD_KEY);
    return FALSE;
}

BOOL WINAPI CryptDestroyKey(HCRYPTKEY key)
{
    return no_such_key();
}

BOOL WINAPI CryptExportKey(HCRYPTKEY key, HCRYPTKEY exp_key, DWORD type, DWORD flags, BYTE *data, DWORD *len)
{
    return no_such_key();
}

BOOL WINAPI CryptDecrypt(HCRYPTKEY key, HCRYPTHASH hash, BOOL final, DWORD flags, BYTE *data, DWORD *len)
{
    return no_such_key();
}

/* signing needs the container's key of `spec`, which is never there */
BOOL WINAPI CryptSignHashW(HCRYPTHASH handle, DWORD spec, LPCWSTR desc, DWORD flags, BYTE *sig, DWORD *len)
{
    if (!get_hash(handle)) { SetLastError(NTE_BAD_HASH); return FALSE; }
    SetLastError(NTE_NO_KEY);
    return FALSE;
}

BOOL WINAPI CryptSignHashA(HCRYPTHASH handle, DWORD spec, LPCSTR desc, DWORD flags, BYTE *sig, DWORD *len)
{
    return CryptSignHashW(handle, spec, NULL, flags, sig, len);
}
