/*
 * dlls/ncrypt/ncrypt.c — the Microsoft Software Key Storage Provider, for
 * ephemeral public keys only: NCryptImportKey of RSA and ECDSA public
 * blobs (each a bcrypt key underneath), NCryptVerifySignature through
 * BCryptVerifySignature, properties, export, freeing. Nothing is stored:
 * NCryptOpenKey finds no key, and private keys, key creation, signing and
 * encryption are not provided (NTE_NOT_SUPPORTED). .NET's ECDsaCng reads
 * a certificate's ECDSA key so.
 *
 * Sections: objects · keys · properties.
 */
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <bcrypt.h>
#include <ncrypt.h>

#define MAGIC_PROV 0x4e50524f    /* 'NPRO' */
#define MAGIC_NKEY 0x4e4b4559    /* 'NKEY' */

/* a property set by name (the provider keeps any: .NET sets "CLR IsEphemeral") */
struct nprop {
    struct nprop *next;
    DWORD size;
    WCHAR *name;
    BYTE *value;
    BYTE data[];                 /* the name, then the value */
};

struct nobject {
    ULONG magic;
    struct nprop *props;
    BCRYPT_KEY_HANDLE key;       /* keys: the bcrypt key */
    const WCHAR *alg;            /* keys: BCRYPT_*_ALGORITHM */
    const WCHAR *group;          /* keys: NCRYPT_RSA_ALGORITHM_GROUP or NCRYPT_ECDSA_ALGORITHM_GROUP */
    DWORD bits;
};

/* --- objects ------------------------------------------------------------------ */

static struct nobject *get_object(NCRYPT_HANDLE handle, ULONG magic)
{
    struct nobject *obj = (struct nobject *)handle;
    return handle && obj->magic == magic ? obj : NULL;
}

SECURITY_STATUS WINAPI NCryptOpenStorageProvider(NCRYPT_PROV_HANDLE *out, LPCWSTR name, DWORD flags)
{
    struct nobject *prov;

    (void)flags;
    if (!out) return NTE_INVALID_PARAMETER;
    if (name && lstrcmpiW(name, MS_KEY_STORAGE_PROVIDER)) return NTE_BAD_PROVIDER;
    if (!(prov = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*prov)))) return NTE_NO_MEMORY;
    prov->magic = MAGIC_PROV;
    *out = (NCRYPT_PROV_HANDLE)prov;
    return ERROR_SUCCESS;
}

SECURITY_STATUS WINAPI NCryptFreeObject(NCRYPT_HANDLE handle)
{
    struct nobject *obj = get_object(handle, MAGIC_PROV);

    if (!obj && (obj = get_object(handle, MAGIC_NKEY))) BCryptDestroyKey(obj->key);
    if (!obj) return NTE_INVALID_HANDLE;
    obj->magic = 0;
    while (obj->props)
    {
        struct nprop *next = obj->props->next;
        HeapFree(GetProcessHeap(), 0, obj->props);
        obj->props = next;
    }
    HeapFree(GetProcessHeap(), 0, obj);
    return ERROR_SUCCESS;
}

SECURITY_STATUS WINAPI NCryptFreeBuffer(PVOID buffer)
{
    HeapFree(GetProcessHeap(), 0, buffer);
    return ERROR_SUCCESS;
}

BOOL WINAPI NCryptIsKeyHandle(NCRYPT_KEY_HANDLE handle)
{
    return get_object(handle, MAGIC_NKEY) != NULL;
}

/* --- keys --------------------------------------------------------------------- */

/* the bcrypt algorithm of a public blob, from its magic */
static const WCHAR *blob_algorithm(const BYTE *data, DWORD size, const WCHAR **group, DWORD *bits)
{
    DWORD magic = size >= sizeof(DWORD) ? *(const DWORD *)data : 0;

    *group = NCRYPT_ECDSA_ALGORITHM_GROUP;
    switch (magic)
    {
    case BCRYPT_RSAPUBLIC_MAGIC:
        *group = NCRYPT_RSA_ALGORITHM_GROUP;
        *bits = size >= sizeof(BCRYPT_RSAKEY_BLOB) ? ((const BCRYPT_RSAKEY_BLOB *)data)->BitLength : 0;
        return BCRYPT_RSA_ALGORITHM;
    case BCRYPT_ECDSA_PUBLIC_P256_MAGIC: *bits = 256; return BCRYPT_ECDSA_P256_ALGORITHM;
    case BCRYPT_ECDSA_PUBLIC_P384_MAGIC: *bits = 384; return BCRYPT_ECDSA_P384_ALGORITHM;
    case BCRYPT_ECDSA_PUBLIC_P521_MAGIC: *bits = 521; return BCRYPT_ECDSA_P521_ALGORITHM;
    default: return NULL;
    }
}

SECURITY_STATUS WINAPI NCryptImportKey(NCRYPT_PROV_HANDLE prov, NCRYPT_KEY_HANDLE import_key, LPCWSTR type,
                                       NCryptBufferDesc *params, NCRYPT_KEY_HANDLE *out, PBYTE data, DWORD size,
                                       DWORD flags)
{
    BCRYPT_ALG_HANDLE alg;
    struct nobject *key;
    const WCHAR *alg_name, *group;
    NTSTATUS status;
    DWORD bits = 0;

    (void)params; (void)flags;
    if (!get_object(prov, MAGIC_PROV)) return NTE_INVALID_HANDLE;
    if (!type || !out || !data) return NTE_INVALID_PARAMETER;
    if (import_key) return NTE_NOT_SUPPORTED;
    if (lstrcmpW(type, BCRYPT_RSAPUBLIC_BLOB) && lstrcmpW(type, BCRYPT_ECCPUBLIC_BLOB) &&
        lstrcmpW(type, BCRYPT_PUBLIC_KEY_BLOB))
        return NTE_NOT_SUPPORTED;                     /* private keys: none */
    if (!(alg_name = blob_algorithm(data, size, &group, &bits))) return NTE_BAD_DATA;
    if (!(key = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*key)))) return NTE_NO_MEMORY;
    if (!(status = BCryptOpenAlgorithmProvider(&alg, alg_name, NULL, 0)))
    {
        status = BCryptImportKeyPair(alg, NULL, type, &key->key, data, size, 0);
        BCryptCloseAlgorithmProvider(alg, 0);
    }
    if (status)
    {
        HeapFree(GetProcessHeap(), 0, key);
        return status == STATUS_NO_MEMORY ? NTE_NO_MEMORY : NTE_BAD_DATA;
    }
    key->magic = MAGIC_NKEY;
    key->alg = alg_name;
    key->group = group;
    key->bits = bits;
    *out = (NCRYPT_KEY_HANDLE)key;
    return ERROR_SUCCESS;
}

SECURITY_STATUS WINAPI NCryptOpenKey(NCRYPT_PROV_HANDLE prov, NCRYPT_KEY_HANDLE *out, LPCWSTR name, DWORD spec,
                                     DWORD flags)
{
    (void)name; (void)spec; (void)flags;
    if (!get_object(prov, MAGIC_PROV)) return NTE_INVALID_HANDLE;
    if (!out) return NTE_INVALID_PARAMETER;
    return NTE_BAD_KEYSET;                            /* nothing is stored */
}

SECURITY_STATUS WINAPI NCryptVerifySignature(NCRYPT_KEY_HANDLE handle, void *padding, PBYTE hash, DWORD hash_len,
                                             PBYTE sig, DWORD sig_len, DWORD flags)
{
    struct nobject *key = get_object(handle, MAGIC_NKEY);
    NTSTATUS status;

    if (!key) return NTE_INVALID_HANDLE;
    status = BCryptVerifySignature(key->key, padding, hash, hash_len, sig, sig_len, flags & ~NCRYPT_SILENT_FLAG);
    switch (status)
    {
    case STATUS_SUCCESS: return ERROR_SUCCESS;
    case STATUS_INVALID_SIGNATURE: return NTE_BAD_SIGNATURE;
    case STATUS_NO_MEMORY: return NTE_NO_MEMORY;
    case STATUS_NOT_SUPPORTED: return NTE_NOT_SUPPORTED;
    default: return NTE_INVALID_PARAMETER;
    }
}

SECURITY_STATUS WINAPI NCryptExportKey(NCRYPT_KEY_HANDLE handle, NCRYPT_KEY_HANDLE export_key, LPCWSTR type,
                                       NCryptBufferDesc *params, PBYTE out, DWORD len, DWORD *result, DWORD flags)
{
    struct nobject *key = get_object(handle, MAGIC_NKEY);
    NTSTATUS status;

    (void)params; (void)flags;
    if (!key) return NTE_INVALID_HANDLE;
    if (!type || !result) return NTE_INVALID_PARAMETER;
    if (export_key) return NTE_NOT_SUPPORTED;
    status = BCryptExportKey(key->key, NULL, type, out, len, result, 0);
    switch (status)
    {
    case STATUS_SUCCESS: return ERROR_SUCCESS;
    case STATUS_BUFFER_TOO_SMALL: return NTE_BUFFER_TOO_SMALL;
    default: return NTE_NOT_SUPPORTED;
    }
}

/* --- properties --------------------------------------------------------------- */

static SECURITY_STATUS put(const void *value, DWORD size, PBYTE out, DWORD len, DWORD *result)
{
    *result = size;
    if (!out) return ERROR_SUCCESS;
    if (len < size) return NTE_BUFFER_TOO_SMALL;
    memcpy(out, value, size);
    return ERROR_SUCCESS;
}

static SECURITY_STATUS put_string(const WCHAR *s, PBYTE out, DWORD len, DWORD *result)
{
    return put(s, (lstrlenW(s) + 1) * sizeof(WCHAR), out, len, result);
}

static SECURITY_STATUS put_dword(DWORD value, PBYTE out, DWORD len, DWORD *result)
{
    return put(&value, sizeof(value), out, len, result);
}

SECURITY_STATUS WINAPI NCryptGetProperty(NCRYPT_HANDLE handle, LPCWSTR prop, PBYTE out, DWORD len, DWORD *result,
                                         DWORD flags)
{
    struct nobject *key = get_object(handle, MAGIC_NKEY), *prov = get_object(handle, MAGIC_PROV);
    struct nprop *p;

    (void)flags;
    if (!key && !prov) return NTE_INVALID_HANDLE;
    if (!prop || !result) return NTE_INVALID_PARAMETER;
    for (p = (key ? key : prov)->props; p; p = p->next)
        if (!lstrcmpW(p->name, prop)) return put(p->value, p->size, out, len, result);
    if (prov)
    {
        if (!lstrcmpW(prop, NCRYPT_NAME_PROPERTY)) return put_string(MS_KEY_STORAGE_PROVIDER, out, len, result);
        if (!lstrcmpW(prop, NCRYPT_IMPL_TYPE_PROPERTY)) return put_dword(NCRYPT_IMPL_SOFTWARE_FLAG, out, len, result);
        return NTE_NOT_SUPPORTED;
    }
    if (!lstrcmpW(prop, NCRYPT_ALGORITHM_GROUP_PROPERTY)) return put_string(key->group, out, len, result);
    if (!lstrcmpW(prop, NCRYPT_ALGORITHM_PROPERTY)) return put_string(key->alg, out, len, result);
    if (!lstrcmpW(prop, NCRYPT_LENGTH_PROPERTY)) return put_dword(key->bits, out, len, result);
    if (!lstrcmpW(prop, NCRYPT_KEY_USAGE_PROPERTY))
        return put_dword(!lstrcmpW(key->group, NCRYPT_RSA_ALGORITHM_GROUP) ? NCRYPT_ALLOW_ALL_USAGES : NCRYPT_ALLOW_SIGNING_FLAG,
                         out, len, result);
    if (!lstrcmpW(prop, NCRYPT_EXPORT_POLICY_PROPERTY) || !lstrcmpW(prop, NCRYPT_KEY_TYPE_PROPERTY))
        return put_dword(0, out, len, result);
    if (!lstrcmpW(prop, NCRYPT_PROVIDER_HANDLE_PROPERTY))
    {
        NCRYPT_PROV_HANDLE p;
        SECURITY_STATUS st = NCryptOpenStorageProvider(&p, NULL, 0);
        if (st) return st;
        if ((st = put(&p, sizeof(p), out, len, result)) || !out) NCryptFreeObject(p);
        return st;
    }
    return NTE_NOT_FOUND;                             /* an ephemeral key has no name */
}

/* the properties the provider computes cannot be set; policies of a key's
   private half are accepted (a public key has none to keep); any other
   name is kept with the object, as Windows' provider keeps it */
SECURITY_STATUS WINAPI NCryptSetProperty(NCRYPT_HANDLE handle, LPCWSTR prop, PBYTE value, DWORD len, DWORD flags)
{
    struct nobject *obj = get_object(handle, MAGIC_NKEY);
    struct nprop *p, **pp;
    DWORD name_size;

    (void)flags;
    if (!obj && !(obj = get_object(handle, MAGIC_PROV))) return NTE_INVALID_HANDLE;
    if (!prop || (len && !value)) return NTE_INVALID_PARAMETER;
    if (!lstrcmpW(prop, NCRYPT_EXPORT_POLICY_PROPERTY) || !lstrcmpW(prop, NCRYPT_KEY_USAGE_PROPERTY) ||
        !lstrcmpW(prop, NCRYPT_UI_POLICY_PROPERTY))
        return ERROR_SUCCESS;
    if (!lstrcmpW(prop, NCRYPT_ALGORITHM_GROUP_PROPERTY) || !lstrcmpW(prop, NCRYPT_ALGORITHM_PROPERTY) ||
        !lstrcmpW(prop, NCRYPT_LENGTH_PROPERTY) || !lstrcmpW(prop, NCRYPT_NAME_PROPERTY) ||
        !lstrcmpW(prop, NCRYPT_PROVIDER_HANDLE_PROPERTY) || !lstrcmpW(prop, NCRYPT_IMPL_TYPE_PROPERTY))
        return NTE_NOT_SUPPORTED;
    name_size = (lstrlenW(prop) + 1) * sizeof(WCHAR);
    if (len > 0x100000 || !(p = HeapAlloc(GetProcessHeap(), 0, sizeof(*p) + name_size + len))) return NTE_NO_MEMORY;
    p->name = (WCHAR *)p->data;
    memcpy(p->name, prop, name_size);
    p->value = p->data + name_size;
    p->size = len;
    if (len) memcpy(p->value, value, len);
    for (pp = &obj->props; *pp; pp = &(*pp)->next)
        if (!lstrcmpW((*pp)->name, prop))
        {
            struct nprop *old = *pp;
            *pp = old->next;
            HeapFree(GetProcessHeap(), 0, old);
            break;
        }
    p->next = obj->props;
    obj->props = p;
    return ERROR_SUCCESS;
}
