/*
 * dlls/bcrypt/private.h — private declarations of bcrypt.dll's PE side:
 * the objects behind its handles and the door to bcrypt.so.
 */
#ifndef WLX_BCRYPT_PRIVATE_H
#define WLX_BCRYPT_PRIVATE_H

#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <bcrypt.h>
#include <string.h>
#include "unixlib.h"

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

/* what an algorithm provider is */
enum alg_kind { KIND_HASH, KIND_CIPHER, KIND_RNG, KIND_RSA, KIND_ECDSA };

/* the algorithms wlx provides (main.c) */
struct alg_def {
    const WCHAR *name;      /* BCRYPT_*_ALGORITHM */
    enum alg_kind kind;
    enum bcrypt_hash_alg hash;
    ULONG hash_len;         /* digest bytes */
    ULONG block_len;        /* hash: its block; cipher: 16 */
    ULONG key_bits;         /* ECDSA on one curve: its size; 0 any */
};

#define MAGIC_ALG  0x414c474f   /* 'ALGO' */
#define MAGIC_HASH 0x48415348   /* 'HASH' */
#define MAGIC_KEY  0x4b455920   /* 'KEY ' */
#define MAGIC_PUBKEY 0x5055424b /* 'PUBK' */

struct algorithm {
    ULONG magic;
    const struct alg_def *def;
    ULONG flags;            /* BCRYPT_ALG_HANDLE_HMAC_FLAG, BCRYPT_HASH_REUSABLE_FLAG */
    enum bcrypt_mode mode;  /* ciphers: the chaining mode keys start with */
    BOOL pseudo;            /* a Windows 10 pseudo-handle: never freed */
};

struct hash {
    ULONG magic;
    const struct alg_def *def;
    UINT64 ctx;             /* bcrypt.so's state */
    BOOL reusable;
    BOOL finished;          /* not reusable and finished: no more data */
};

struct key {
    ULONG magic;
    const struct alg_def *def;
    enum bcrypt_mode mode;
    UINT64 ctx;
    ULONG secret_len;
    BYTE secret[32];        /* for BCryptExportKey */
};

/* main.c */
NTSTATUS bcrypt_unix(enum bcrypt_unix_func code, void *params);
void *bcrypt_alloc(SIZE_T size);
void bcrypt_free(void *ptr);
void bcrypt_destroy(enum bcrypt_unix_func free_code, UINT64 ctx, void *object, SIZE_T size);
struct algorithm *get_algorithm(BCRYPT_ALG_HANDLE handle);   /* NULL if not one */
ULONG object_magic(const void *handle);
NTSTATUS put_property(const void *value, ULONG size, PUCHAR out, ULONG out_len, ULONG *result);
BOOL same_name(const WCHAR *a, const WCHAR *b);   /* case-insensitive */

/* hash.c */
NTSTATUS hash_property(struct hash *hash, const WCHAR *prop, PUCHAR out, ULONG len, ULONG *result);

/* key.c */
NTSTATUS key_get_property(struct key *key, const WCHAR *prop, PUCHAR out, ULONG len, ULONG *result);
NTSTATUS key_set_property(struct key *key, const WCHAR *prop, PUCHAR value, ULONG len);
/* pubkey.c: RSA and ECDSA public keys */
NTSTATUS pubkey_alg_property(struct algorithm *alg, const WCHAR *prop, PUCHAR out, ULONG len, ULONG *result);
NTSTATUS pubkey_get_property(void *key, const WCHAR *prop, PUCHAR out, ULONG len, ULONG *result);
NTSTATUS pubkey_export(void *key, const WCHAR *type, PUCHAR out, ULONG out_len, ULONG *result);
NTSTATUS pubkey_destroy(void *key);

/* the mode named by a BCRYPT_CHAIN_MODE_* string, or -1 */
int mode_from_name(const WCHAR *name, ULONG len);
const WCHAR *mode_name(enum bcrypt_mode mode);

#endif
