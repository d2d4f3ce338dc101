/* tests/bcrypt/pubkey.c — RSA and ECDSA public keys: BCryptImportKeyPair of
   public blobs made from openssl's keys (tests/bcrypt/genkeys.sh writes
   pubkeys.h), BCryptVerifySignature with PKCS#1 v1.5, PSS and ECDSA
   signatures openssl made, altered digests and signatures refused with
   STATUS_INVALID_SIGNATURE, bad blobs refused, key properties and export. */
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <bcrypt.h>
#include <stdio.h>
#include "test.h"
#include "pubkeys.h"

static BYTE rsa_blob[sizeof(BCRYPT_RSAKEY_BLOB) + sizeof(rsa_e) + sizeof(rsa_n)];
static BYTE ec_blob[sizeof(BCRYPT_ECCKEY_BLOB) + sizeof(ec_xy)];

static void make_blobs(void)
{
    BCRYPT_RSAKEY_BLOB *rsa = (void *)rsa_blob;
    BCRYPT_ECCKEY_BLOB *ecc = (void *)ec_blob;

    rsa->Magic = BCRYPT_RSAPUBLIC_MAGIC;
    rsa->BitLength = sizeof(rsa_n) * 8;
    rsa->cbPublicExp = sizeof(rsa_e);
    rsa->cbModulus = sizeof(rsa_n);
    memcpy(rsa + 1, rsa_e, sizeof(rsa_e));
    memcpy((BYTE *)(rsa + 1) + sizeof(rsa_e), rsa_n, sizeof(rsa_n));
    ecc->dwMagic = BCRYPT_ECDSA_PUBLIC_P256_MAGIC;
    ecc->cbKey = 32;
    memcpy(ecc + 1, ec_xy, sizeof(ec_xy));
}

static void test_rsa(void)
{
    BCRYPT_PKCS1_PADDING_INFO pkcs1 = { BCRYPT_SHA256_ALGORITHM };
    BCRYPT_PSS_PADDING_INFO pss = { BCRYPT_SHA256_ALGORITHM, 32 };
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE key;
    BCRYPT_KEY_LENGTHS_STRUCT lengths;
    BYTE bad[sizeof(sig_pkcs1)], out[sizeof(rsa_blob)], hash[32];
    ULONG size, bits;
    NTSTATUS status;

    status = BCryptOpenAlgorithmProvider(&alg, BCRYPT_RSA_ALGORITHM, NULL, 0);
    ok(!status, "open RSA: %lx\n", status);
    if (status) return;
    /* Wine 8 has neither BCRYPT_KEY_LENGTHS of RSA nor BCRYPT_KEY_LENGTH of its keys */
    status = BCryptGetProperty(alg, BCRYPT_KEY_LENGTHS, (BYTE *)&lengths, sizeof(lengths), &size, 0);
    if (test_is("wine")) skip("RSA key lengths: not in Wine 8\n");
    else ok(!status && lengths.dwMinLength == 512 && lengths.dwMaxLength == 16384 && lengths.dwIncrement == 64,
       "key lengths: %lx %lu %lu %lu\n", status, lengths.dwMinLength, lengths.dwMaxLength, lengths.dwIncrement);

    status = BCryptImportKeyPair(alg, NULL, BCRYPT_RSAPUBLIC_BLOB, &key, rsa_blob, sizeof(rsa_blob), 0);
    ok(!status, "import: %lx\n", status);
    if (status) { BCryptCloseAlgorithmProvider(alg, 0); return; }
    status = BCryptGetProperty(key, BCRYPT_KEY_LENGTH, (BYTE *)&bits, sizeof(bits), &size, 0);
    if (test_is("wine")) skip("key length: not in Wine 8\n");
    else ok(!status && bits == 2048, "key length: %lx %lu\n", status, bits);

    status = BCryptVerifySignature(key, &pkcs1, (BYTE *)digest, sizeof(digest), (BYTE *)sig_pkcs1, sizeof(sig_pkcs1),
                                   BCRYPT_PAD_PKCS1);
    ok(!status, "PKCS#1: %lx\n", status);
    status = BCryptVerifySignature(key, &pss, (BYTE *)digest, sizeof(digest), (BYTE *)sig_pss, sizeof(sig_pss), BCRYPT_PAD_PSS);
    ok(!status, "PSS: %lx\n", status);

    memcpy(hash, digest, sizeof(hash));
    hash[0] ^= 1;
    status = BCryptVerifySignature(key, &pkcs1, hash, sizeof(hash), (BYTE *)sig_pkcs1, sizeof(sig_pkcs1), BCRYPT_PAD_PKCS1);
    ok(status == STATUS_INVALID_SIGNATURE, "PKCS#1, other digest: %lx\n", status);
    memcpy(bad, sig_pkcs1, sizeof(bad));
    bad[100] ^= 0x10;
    status = BCryptVerifySignature(key, &pkcs1, (BYTE *)digest, sizeof(digest), bad, sizeof(bad), BCRYPT_PAD_PKCS1);
    ok(status == STATUS_INVALID_SIGNATURE, "PKCS#1, altered signature: %lx\n", status);
    status = BCryptVerifySignature(key, &pss, hash, sizeof(hash), (BYTE *)sig_pss, sizeof(sig_pss), BCRYPT_PAD_PSS);
    ok(status == STATUS_INVALID_SIGNATURE, "PSS, other digest: %lx\n", status);
    /* the PKCS#1 signature is no PSS one */
    status = BCryptVerifySignature(key, &pss, (BYTE *)digest, sizeof(digest), (BYTE *)sig_pkcs1, sizeof(sig_pkcs1),
                                   BCRYPT_PAD_PSS);
    ok(status == STATUS_INVALID_SIGNATURE, "PKCS#1 signature as PSS: %lx\n", status);

    status = BCryptExportKey(key, NULL, BCRYPT_RSAPUBLIC_BLOB, out, sizeof(out), &size, 0);
    ok(!status && size == sizeof(rsa_blob) && !memcmp(out, rsa_blob, size), "export: %lx %lu\n", status, size);
    ok(!BCryptDestroyKey(key), "destroy\n");

    /* a blob that lies about its sizes (Wine 8 says NTE_BAD_DATA) */
    ((BCRYPT_RSAKEY_BLOB *)rsa_blob)->cbModulus += 16;
    status = BCryptImportKeyPair(alg, NULL, BCRYPT_RSAPUBLIC_BLOB, &key, rsa_blob, sizeof(rsa_blob), 0);
    ok(status != STATUS_SUCCESS, "short blob: %lx\n", status);
    if (!status) BCryptDestroyKey(key);
    ((BCRYPT_RSAKEY_BLOB *)rsa_blob)->cbModulus -= 16;
    BCryptCloseAlgorithmProvider(alg, 0);
}

static void test_ecdsa(void)
{
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE key;
    BYTE bad[sizeof(sig_ecdsa)], hash[32];
    ULONG size, bits;
    NTSTATUS status;

    status = BCryptOpenAlgorithmProvider(&alg, BCRYPT_ECDSA_P256_ALGORITHM, NULL, 0);
    ok(!status, "open ECDSA_P256: %lx\n", status);
    if (status) return;
    status = BCryptImportKeyPair(alg, NULL, BCRYPT_ECCPUBLIC_BLOB, &key, ec_blob, sizeof(ec_blob), 0);
    ok(!status, "import: %lx\n", status);
    if (status) { BCryptCloseAlgorithmProvider(alg, 0); return; }
    status = BCryptGetProperty(key, BCRYPT_KEY_LENGTH, (BYTE *)&bits, sizeof(bits), &size, 0);
    if (test_is("wine")) skip("key length: not in Wine 8\n");
    else ok(!status && bits == 256, "key length: %lx %lu\n", status, bits);

    status = BCryptVerifySignature(key, NULL, (BYTE *)digest, sizeof(digest), (BYTE *)sig_ecdsa, sizeof(sig_ecdsa), 0);
    ok(!status, "ECDSA: %lx\n", status);
    memcpy(hash, digest, sizeof(hash));
    hash[31] ^= 1;
    status = BCryptVerifySignature(key, NULL, hash, sizeof(hash), (BYTE *)sig_ecdsa, sizeof(sig_ecdsa), 0);
    ok(status == STATUS_INVALID_SIGNATURE, "ECDSA, other digest: %lx\n", status);
    memcpy(bad, sig_ecdsa, sizeof(bad));
    bad[40] ^= 0x01;
    status = BCryptVerifySignature(key, NULL, (BYTE *)digest, sizeof(digest), bad, sizeof(bad), 0);
    ok(status == STATUS_INVALID_SIGNATURE, "ECDSA, altered s: %lx\n", status);
    status = BCryptVerifySignature(key, NULL, (BYTE *)digest, sizeof(digest), (BYTE *)sig_ecdsa, 63, 0);
    ok(status == STATUS_INVALID_SIGNATURE || status == STATUS_INVALID_PARAMETER, "ECDSA, short: %lx\n", status);
    BCryptDestroyKey(key);

    /* a P-256 key for the P-384 provider */
    BCryptCloseAlgorithmProvider(alg, 0);
    BCryptOpenAlgorithmProvider(&alg, BCRYPT_ECDSA_P384_ALGORITHM, NULL, 0);
    status = BCryptImportKeyPair(alg, NULL, BCRYPT_ECCPUBLIC_BLOB, &key, ec_blob, sizeof(ec_blob), 0);
    ok(status != STATUS_SUCCESS, "P-256 key as P-384\n");
    if (!status) BCryptDestroyKey(key);
    BCryptCloseAlgorithmProvider(alg, 0);
}

int main(void)
{
    test_start("bcrypt/pubkey");
    make_blobs();
    test_rsa();
    test_ecdsa();
    return test_summary();
}
