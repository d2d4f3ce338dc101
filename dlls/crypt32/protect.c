/*
 * CryptProtectData/CryptUnprotectData: data sealed with AES-256-GCM
 * (bcrypt) under a key of the user's (or, with CRYPTPROTECT_LOCAL_MACHINE,
 * of the machine's) kept in the prefix: 32 random bytes in
 * %APPDATA%\Microsoft\Protect\wlx-user.key (%ProgramData%\...\wlx-machine.key),
 * made on first use. The blob starts as Windows' DPAPI blobs do (version 1
 * and the provider GUID), then carries the nonce, the tag and the
 * ciphertext of the description and the data; the optional entropy is
 * authenticated with them, so a wrong one fails with ERROR_INVALID_DATA.
 * CryptUnprotectData tries the user's key, then the machine's (the tag
 * tells which one sealed the blob).
 *
 * Sections: the key · sealing · the API.
 */
#include "private.h"
#include <bcrypt.h>

static const BYTE blob_head[20] = {                 /* DWORD 1, {df9d8cd0-1501-11d1-8c7a-00c04fc297eb} */
    0x01, 0x00, 0x00, 0x00, 0xd0, 0x8c, 0x9d, 0xdf, 0x01, 0x15, 0xd1, 0x11,
    0x8c, 0x7a, 0x00, 0xc0, 0x4f, 0xc2, 0x97, 0xeb,
};
#define NONCE_SIZE 12
#define TAG_SIZE   16
#define KEY_SIZE   32
#define OVERHEAD   (sizeof(blob_head) + NONCE_SIZE + TAG_SIZE)

/* --- the key ------------------------------------------------------------------------ */

/* "<folder>\Microsoft\Protect\<name>", folder from the environment */
static BOOL key_path(BOOL machine, WCHAR *path, DWORD size)
{
    DWORD n = GetEnvironmentVariableW(machine ? L"ProgramData" : L"APPDATA", path, size);
    if (!n || n + 40 > size) return FALSE;
    lstrcatW(path, L"\\Microsoft");
    CreateDirectoryW(path, NULL);
    lstrcatW(path, L"\\Protect");
    CreateDirectoryW(path, NULL);
    lstrcatW(path, machine ? L"\\wlx-machine.key" : L"\\wlx-user.key");
    return TRUE;
}

/* reads the key, or makes it when `create` (CREATE_NEW: a racing
   process's key wins) */
static BOOL load_key(BOOL machine, BOOL create, BYTE key[KEY_SIZE])
{
    WCHAR path[MAX_PATH];
    DWORD n = 0;
    HANDLE f = INVALID_HANDLE_VALUE;

    if (!key_path(machine, path, ARRAYSIZE(path))) return FALSE;
    if (create) f = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_HIDDEN, NULL);
    if (f != INVALID_HANDLE_VALUE)
    {
        BOOL ok = !BCryptGenRandom(NULL, key, KEY_SIZE, BCRYPT_USE_SYSTEM_PREFERRED_RNG) &&
                  WriteFile(f, key, KEY_SIZE, &n, NULL) && n == KEY_SIZE;
        CloseHandle(f);
        if (!ok) DeleteFileW(path);
        return ok;
    }
    f = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (f == INVALID_HANDLE_VALUE) return FALSE;
    ReadFile(f, key, KEY_SIZE, &n, NULL);
    CloseHandle(f);
    return n == KEY_SIZE;
}

/* --- sealing -------------------------------------------------------------------------- */

/* AES-256-GCM of `in` into `out` (same length) with the tag; entropy as AAD */
static BOOL gcm(BOOL machine, BOOL encrypt, BYTE *nonce, BYTE *tag, const DATA_BLOB *entropy, BYTE *in, DWORD len,
                BYTE *out)
{
    BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO info;
    BCRYPT_ALG_HANDLE alg = NULL;
    BCRYPT_KEY_HANDLE key = NULL;
    BYTE secret[KEY_SIZE];
    ULONG done = 0;
    NTSTATUS status = (NTSTATUS)0xc0000001;     /* STATUS_UNSUCCESSFUL */

    if (!load_key(machine, encrypt, secret)) return FALSE;
    BCRYPT_INIT_AUTH_MODE_INFO(info);
    info.pbNonce = nonce;
    info.cbNonce = NONCE_SIZE;
    info.pbTag = tag;
    info.cbTag = TAG_SIZE;
    if (entropy && entropy->cbData) { info.pbAuthData = entropy->pbData; info.cbAuthData = entropy->cbData; }
    if (!BCryptOpenAlgorithmProvider(&alg, BCRYPT_AES_ALGORITHM, NULL, 0) &&
        !BCryptSetProperty(alg, BCRYPT_CHAINING_MODE, (BYTE *)BCRYPT_CHAIN_MODE_GCM, sizeof(BCRYPT_CHAIN_MODE_GCM), 0) &&
        !BCryptGenerateSymmetricKey(alg, &key, NULL, 0, secret, KEY_SIZE, 0))
        status = encrypt ? BCryptEncrypt(key, in, len, &info, NULL, 0, out, len, &done, 0)
                         : BCryptDecrypt(key, in, len, &info, NULL, 0, out, len, &done, 0);
    SecureZeroMemory(secret, sizeof(secret));
    if (key) BCryptDestroyKey(key);
    if (alg) BCryptCloseAlgorithmProvider(alg, 0);
    return !status && done == len;
}

static BOOL fail(DWORD error)
{
    SetLastError(error);
    return FALSE;
}

/* --- the API ------------------------------------------------------------------------------ */

BOOL WINAPI CryptProtectData(DATA_BLOB *in, LPCWSTR description, DATA_BLOB *entropy, void *reserved,
                             CRYPTPROTECT_PROMPTSTRUCT *prompt, DWORD flags, DATA_BLOB *out)
{
    DWORD desc_len = description ? (lstrlenW(description) + 1) * sizeof(WCHAR) : 0;
    DWORD plain_len, total;
    BYTE *plain, *blob;
    BOOL ok;

    (void)reserved; (void)prompt;
    if (!in || !out || (in->cbData && !in->pbData)) return fail(ERROR_INVALID_PARAMETER);
    plain_len = sizeof(DWORD) + desc_len + in->cbData;
    total = OVERHEAD + plain_len;
    if (!(plain = HeapAlloc(GetProcessHeap(), 0, plain_len))) return fail(ERROR_NOT_ENOUGH_MEMORY);
    if (!(blob = LocalAlloc(LMEM_FIXED, total))) { HeapFree(GetProcessHeap(), 0, plain); return fail(ERROR_NOT_ENOUGH_MEMORY); }
    memcpy(plain, &desc_len, sizeof(DWORD));
    if (desc_len) memcpy(plain + sizeof(DWORD), description, desc_len);
    if (in->cbData) memcpy(plain + sizeof(DWORD) + desc_len, in->pbData, in->cbData);
    memcpy(blob, blob_head, sizeof(blob_head));
    ok = !BCryptGenRandom(NULL, blob + sizeof(blob_head), NONCE_SIZE, BCRYPT_USE_SYSTEM_PREFERRED_RNG) &&
         gcm(flags & CRYPTPROTECT_LOCAL_MACHINE, TRUE, blob + sizeof(blob_head), blob + sizeof(blob_head) + NONCE_SIZE,
             entropy, plain, plain_len, blob + OVERHEAD);
    SecureZeroMemory(plain, plain_len);
    HeapFree(GetProcessHeap(), 0, plain);
    if (!ok) { LocalFree(blob); return fail(ERROR_INVALID_DATA); }
    out->pbData = blob;
    out->cbData = total;
    return TRUE;
}

BOOL WINAPI CryptUnprotectData(DATA_BLOB *in, LPWSTR *description, DATA_BLOB *entropy, void *reserved,
                               CRYPTPROTECT_PROMPTSTRUCT *prompt, DWORD flags, DATA_BLOB *out)
{
    DWORD plain_len, desc_len;
    BYTE *plain, *nonce, *tag, *data;
    BOOL ok;

    (void)reserved; (void)prompt; (void)flags;
    if (!in || !out || !in->pbData) return fail(ERROR_INVALID_PARAMETER);
    if (in->cbData < OVERHEAD + sizeof(DWORD) || memcmp(in->pbData, blob_head, sizeof(blob_head)))
        return fail(ERROR_INVALID_DATA);
    plain_len = in->cbData - OVERHEAD;
    nonce = in->pbData + sizeof(blob_head);
    tag = nonce + NONCE_SIZE;
    if (!(plain = HeapAlloc(GetProcessHeap(), 0, plain_len))) return fail(ERROR_NOT_ENOUGH_MEMORY);
    ok = gcm(FALSE, FALSE, nonce, tag, entropy, in->pbData + OVERHEAD, plain_len, plain) ||
         gcm(TRUE, FALSE, nonce, tag, entropy, in->pbData + OVERHEAD, plain_len, plain);
    desc_len = 0;
    if (ok) memcpy(&desc_len, plain, sizeof(DWORD));
    if (!ok || desc_len > plain_len - sizeof(DWORD) || desc_len % sizeof(WCHAR))
    {
        SecureZeroMemory(plain, plain_len);
        HeapFree(GetProcessHeap(), 0, plain);
        return fail(ERROR_INVALID_DATA);
    }
    data = plain + sizeof(DWORD) + desc_len;
    out->cbData = plain_len - sizeof(DWORD) - desc_len;
    out->pbData = LocalAlloc(LMEM_FIXED, out->cbData ? out->cbData : 1);
    if (description)
    {
        *description = LocalAlloc(LMEM_FIXED, desc_len ? desc_len : sizeof(WCHAR));
        if (*description && desc_len) memcpy(*description, plain + sizeof(DWORD), desc_len);
        else if (*description) (*description)[0] = 0;
    }
    if (out->pbData) memcpy(out->pbData, data, out->cbData);
    SecureZeroMemory(plain, plain_len);
    HeapFree(GetProcessHeap(), 0, plain);
    if (!out->pbData) return fail(ERROR_NOT_ENOUGH_MEMORY);
    return TRUE;
}
