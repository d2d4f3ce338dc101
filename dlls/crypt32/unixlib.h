/*
 * dlls/crypt32/unixlib.h — the door between crypt32.dll (PE) and
 * crypt32.so (Unix, over nettle and hogweed): signature verification.
 * Fixed-width types only; included by both sides. The PE side parses the
 * certificate (der.c) and hands over bare numbers, big-endian; the Unix
 * side hashes the signed bytes and checks the signature.
 */
#ifndef WLX_CRYPT32_UNIXLIB_H
#define WLX_CRYPT32_UNIXLIB_H

#include <stdint.h>

enum crypt32_unix_func
{
    unix_verify_signature,   /* struct verify_params */
    unix_func_count
};

enum sig_kind { SIG_RSA_PKCS1, SIG_RSA_PSS, SIG_ECDSA };
enum sig_hash { SIG_SHA1, SIG_SHA256, SIG_SHA384, SIG_SHA512 };
enum sig_curve { CURVE_P256, CURVE_P384, CURVE_P521 };

/* RSA: key1 = modulus, key2 = public exponent, sig1 = the signature;
   ECDSA: key1 = X, key2 = Y (of the curve's size), sig1 = r, sig2 = s */
struct verify_params {
    uint64_t data, key1, key2, sig1, sig2;
    uint32_t data_len, key1_len, key2_len, sig1_len, sig2_len;
    uint32_t kind;           /* enum sig_kind */
    uint32_t hash;           /* enum sig_hash */
    uint32_t curve;          /* enum sig_curve (ECDSA) */
    uint32_t salt_len;       /* RSASSA-PSS */
    uint32_t pad;
};

#define CRYPT32_STATUS_INVALID_SIGNATURE  ((int32_t)0xC000A000)
#define CRYPT32_STATUS_NOT_SUPPORTED      ((int32_t)0xC00000BB)
#define CRYPT32_STATUS_NO_MEMORY          ((int32_t)0xC0000017)

#ifndef _WIN32
typedef int32_t (*wlx_unix_func)(void *params);
#endif

#endif /* WLX_CRYPT32_UNIXLIB_H */
