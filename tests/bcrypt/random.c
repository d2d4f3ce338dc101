/*
 * tests/bcrypt/random.c — random numbers: BCryptGenRandom (with an RNG
 * provider, with NULL and BCRYPT_USE_SYSTEM_PREFERRED_RNG, the pseudo-handle)
 * and bcryptprimitives' ProcessPrng.
 *
 * Randomness cannot be asserted; what is checked is that the buffer is
 * written (two 64-byte draws are never equal, and never all zero) and that
 * bad arguments are refused.
 */
#include <windows.h>
#include <bcrypt.h>
#include "test.h"

#ifndef BCRYPT_RNG_ALG_HANDLE
#define BCRYPT_RNG_ALG_HANDLE ((BCRYPT_ALG_HANDLE)0x00000081)
#endif

static int all_zero(const BYTE *p, size_t n)
{
    while (n--) if (*p++) return 0;
    return 1;
}

static void test_process_prng(void)
{
    BOOL (WINAPI *pProcessPrng)(PBYTE, SIZE_T);
    HMODULE mod = LoadLibraryA("bcryptprimitives.dll");
    BYTE a[64] = {0}, b[64] = {0};

    pProcessPrng = mod ? (void *)GetProcAddress(mod, "ProcessPrng") : NULL;
    if (!pProcessPrng)
    {
        /* Wine 8.0 lacks ProcessPrng (added in Wine 9) */
        ok(!test_is("wlx"), "ProcessPrng missing\n");
        skip("ProcessPrng not available\n");
        return;
    }
    ok(pProcessPrng(a, sizeof(a)) == TRUE, "ProcessPrng failed\n");
    ok(pProcessPrng(b, sizeof(b)) == TRUE, "ProcessPrng failed\n");
    ok(!all_zero(a, sizeof(a)) && memcmp(a, b, sizeof(a)), "ProcessPrng gave no random bytes\n");
    ok(pProcessPrng(a, 0) == TRUE, "ProcessPrng of 0 bytes failed\n");
}

static void test_gen_random(void)
{
    BCRYPT_ALG_HANDLE alg;
    BYTE a[64] = {0}, b[64] = {0}, big[100000];
    NTSTATUS status;

    status = BCryptOpenAlgorithmProvider(&alg, BCRYPT_RNG_ALGORITHM, NULL, 0);
    ok(!status, "open RNG: %#lx\n", status);
    if (status) return;
    ok(!BCryptGenRandom(alg, a, sizeof(a), 0), "BCryptGenRandom failed\n");
    ok(!BCryptGenRandom(alg, b, sizeof(b), 0), "BCryptGenRandom failed\n");
    ok(!all_zero(a, sizeof(a)) && memcmp(a, b, sizeof(a)), "no random bytes\n");
    memset(big, 0, sizeof(big));
    ok(!BCryptGenRandom(alg, big, sizeof(big), 0), "large BCryptGenRandom failed\n");
    ok(!all_zero(big + sizeof(big) - 64, 64), "the end of a large buffer is not written\n");
    status = BCryptGenRandom(alg, NULL, 16, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL buffer: %#lx\n", status);
    ok(!BCryptGenRandom(alg, a, 0, 0), "0 bytes failed\n");
    ok(!BCryptCloseAlgorithmProvider(alg, 0), "close failed\n");

    /* no provider: the system's preferred RNG, only with the flag */
    memset(a, 0, sizeof(a));
    status = BCryptGenRandom(NULL, a, sizeof(a), BCRYPT_USE_SYSTEM_PREFERRED_RNG);
    ok(!status && !all_zero(a, sizeof(a)), "system preferred RNG: %#lx\n", status);
    status = BCryptGenRandom(NULL, a, sizeof(a), 0);
    ok(status == STATUS_INVALID_HANDLE, "NULL provider without the flag: %#lx\n", status);

    /* Windows 10's pseudo-handle */
    memset(a, 0, sizeof(a));
    status = BCryptGenRandom(BCRYPT_RNG_ALG_HANDLE, a, sizeof(a), 0);
    ok(!status && !all_zero(a, sizeof(a)), "RNG pseudo-handle: %#lx\n", status);
}

static void test_hash_provider_is_not_rng(void)
{
    BCRYPT_ALG_HANDLE alg;
    BYTE a[16];
    NTSTATUS status;

    if (BCryptOpenAlgorithmProvider(&alg, BCRYPT_SHA256_ALGORITHM, NULL, 0)) return;
    status = BCryptGenRandom(alg, a, sizeof(a), 0);
    ok(status == STATUS_INVALID_HANDLE, "GenRandom on a hash provider: %#lx\n", status);
    BCryptCloseAlgorithmProvider(alg, 0);
}

int main(void)
{
    test_start("bcrypt/random");
    test_process_prng();
    test_gen_random();
    test_hash_provider_is_not_rng();
    return test_summary();
}
