/* tests/ncrypt/keys.c — the software key storage provider with public keys:
   NCryptImportKey of RSA and ECDSA P-256 public blobs (openssl's keys,
   tests/bcrypt/genkeys.sh), NCryptVerifySignature of openssl's signatures
   and of altered ones (NTE_BAD_SIGNATURE), properties (the algorithm, the
   length, a property of the caller's own set and read back), export. */
#include <windows.h>
#include <ncrypt.h>
#include <stdio.h>
#include "test.h"
#include "../bcrypt/pubkeys.h"

static NCRYPT_PROV_HANDLE prov;

static NCRYPT_KEY_HANDLE import(const WCHAR *type, const BYTE *blob, DWORD size)
{
    NCRYPT_KEY_HANDLE key = 0;
    SECURITY_STATUS st = NCryptImportKey(prov, 0, type, NULL, &key, (BYTE *)blob, size, 0);
    ok(st == ERROR_SUCCESS, "NCryptImportKey(%ls): %lx\n", type, st);
    return st ? 0 : key;
}

static void test_rsa(void)
{
    BYTE blob[sizeof(BCRYPT_RSAKEY_BLOB) + sizeof(rsa_e) + sizeof(rsa_n)], bad[sizeof(sig_pkcs1)];
    BCRYPT_RSAKEY_BLOB *hdr = (void *)blob;
    BCRYPT_PKCS1_PADDING_INFO pkcs1 = { BCRYPT_SHA256_ALGORITHM };
    NCRYPT_KEY_HANDLE key;
    WCHAR name[32];
    DWORD size, bits;
    SECURITY_STATUS st;

    hdr->Magic = BCRYPT_RSAPUBLIC_MAGIC;
    hdr->BitLength = sizeof(rsa_n) * 8;
    hdr->cbPublicExp = sizeof(rsa_e);
    hdr->cbModulus = sizeof(rsa_n);
    hdr->cbPrime1 = hdr->cbPrime2 = 0;
    memcpy(hdr + 1, rsa_e, sizeof(rsa_e));
    memcpy((BYTE *)(hdr + 1) + sizeof(rsa_e), rsa_n, sizeof(rsa_n));
    if (!(key = import(BCRYPT_RSAPUBLIC_BLOB, blob, sizeof(blob)))) return;

    st = NCryptGetProperty(key, NCRYPT_ALGORITHM_GROUP_PROPERTY, (BYTE *)name, sizeof(name), &size, 0);
    ok(!st && !lstrcmpW(name, NCRYPT_RSA_ALGORITHM_GROUP), "group: %lx %ls\n", st, st ? L"" : name);
    st = NCryptGetProperty(key, NCRYPT_LENGTH_PROPERTY, (BYTE *)&bits, sizeof(bits), &size, 0);
    ok(!st && bits == 2048, "length: %lx %lu\n", st, bits);

    st = NCryptVerifySignature(key, &pkcs1, (BYTE *)digest, sizeof(digest), (BYTE *)sig_pkcs1, sizeof(sig_pkcs1),
                               NCRYPT_PAD_PKCS1_FLAG);
    ok(st == ERROR_SUCCESS, "PKCS#1: %lx\n", st);
    memcpy(bad, sig_pkcs1, sizeof(bad));
    bad[7] ^= 0x80;
    st = NCryptVerifySignature(key, &pkcs1, (BYTE *)digest, sizeof(digest), bad, sizeof(bad), NCRYPT_PAD_PKCS1_FLAG);
    ok(st == NTE_BAD_SIGNATURE, "PKCS#1, altered: %lx\n", st);
    ok(NCryptFreeObject(key) == ERROR_SUCCESS, "free\n");
}

static void test_ecdsa(void)
{
    BYTE blob[sizeof(BCRYPT_ECCKEY_BLOB) + sizeof(ec_xy)], out[sizeof(blob)], hash[32];
    BCRYPT_ECCKEY_BLOB *hdr = (void *)blob;
    NCRYPT_KEY_HANDLE key;
    WCHAR name[32];
    DWORD size, value = 1;
    SECURITY_STATUS st;

    hdr->dwMagic = BCRYPT_ECDSA_PUBLIC_P256_MAGIC;
    hdr->cbKey = 32;
    memcpy(hdr + 1, ec_xy, sizeof(ec_xy));
    if (!(key = import(BCRYPT_ECCPUBLIC_BLOB, blob, sizeof(blob)))) return;

    st = NCryptGetProperty(key, NCRYPT_ALGORITHM_PROPERTY, (BYTE *)name, sizeof(name), &size, 0);
    ok(!st && !lstrcmpW(name, NCRYPT_ECDSA_P256_ALGORITHM), "algorithm: %lx %ls\n", st, st ? L"" : name);
    st = NCryptVerifySignature(key, NULL, (BYTE *)digest, sizeof(digest), (BYTE *)sig_ecdsa, sizeof(sig_ecdsa), 0);
    ok(st == ERROR_SUCCESS, "ECDSA: %lx\n", st);
    memcpy(hash, digest, sizeof(hash));
    hash[3] ^= 4;
    st = NCryptVerifySignature(key, NULL, hash, sizeof(hash), (BYTE *)sig_ecdsa, sizeof(sig_ecdsa), 0);
    ok(st == NTE_BAD_SIGNATURE, "ECDSA, other digest: %lx\n", st);

    /* a property of the caller's own (.NET marks its keys so) */
    st = NCryptSetProperty(key, L"wlx test property", (BYTE *)&value, sizeof(value), 0);
    ok(st == ERROR_SUCCESS, "set: %lx\n", st);
    value = 0;
    st = NCryptGetProperty(key, L"wlx test property", (BYTE *)&value, sizeof(value), &size, 0);
    ok(!st && size == sizeof(value) && value == 1, "get: %lx %lu %lu\n", st, size, value);

    st = NCryptExportKey(key, 0, BCRYPT_ECCPUBLIC_BLOB, NULL, out, sizeof(out), &size, 0);
    ok(!st && size == sizeof(blob) && !memcmp(out, blob, size), "export: %lx %lu\n", st, size);
    NCryptFreeObject(key);
}

int main(void)
{
    SECURITY_STATUS st;

    test_start("ncrypt/keys");
    st = NCryptOpenStorageProvider(&prov, MS_KEY_STORAGE_PROVIDER, 0);
    ok(st == ERROR_SUCCESS, "NCryptOpenStorageProvider: %lx\n", st);
    if (!st)
    {
        test_rsa();
        /* Wine 8's provider refuses ECC public blobs (NTE_INVALID_PARAMETER) */
        if (test_is("wine")) skip("ECDSA keys: not in Wine 8's ncrypt\n");
        else test_ecdsa();
        ok(NCryptFreeObject(prov) == ERROR_SUCCESS, "free the provider\n");
    }
    return test_summary();
}
