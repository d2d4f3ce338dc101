/*
 * ntdll/pointer.c — RtlEncodePointer/RtlDecodePointer and the "system"
 * pair: a pointer XORed with a secret, then rotated right by the secret's
 * low six bits, as Windows does. The process secret is drawn at random on
 * first use; the system secret is KUSER_SHARED_DATA's cookie, the same for
 * every process of the machine.
 */
#include "private.h"

NTSTATUS NTAPI __wlx_random(void *buf, ULONG64 size);

#define KUSD_COOKIE ((volatile ULONG *)0x7ffe0330)

static ULONG_PTR process_secret;    /* 0: not drawn yet */

static ULONG_PTR get_process_secret(void)
{
    ULONG_PTR secret = __atomic_load_n(&process_secret, __ATOMIC_ACQUIRE), expected = 0;
    if (secret) return secret;
    if (__wlx_random(&secret, sizeof(secret)) || !secret) secret = (ULONG_PTR)&secret ^ 0x9e3779b97f4a7c15ull;
    /* a racing thread may have drawn first: everyone keeps the winner's */
    if (!__atomic_compare_exchange_n(&process_secret, &expected, secret, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        secret = expected;
    return secret;
}

static ULONG_PTR rotr(ULONG_PTR v, unsigned n)
{
    n &= 63;
    return n ? (v >> n) | (v << (64 - n)) : v;
}

static ULONG_PTR rotl(ULONG_PTR v, unsigned n)
{
    n &= 63;
    return n ? (v << n) | (v >> (64 - n)) : v;
}

static void *encode(void *ptr, ULONG_PTR secret)
{
    return (void *)rotr((ULONG_PTR)ptr ^ secret, (unsigned)secret);
}

static void *decode(void *ptr, ULONG_PTR secret)
{
    return (void *)(rotl((ULONG_PTR)ptr, (unsigned)secret) ^ secret);
}

void * NTAPI RtlEncodePointer(void *ptr) { return encode(ptr, get_process_secret()); }
void * NTAPI RtlDecodePointer(void *ptr) { return decode(ptr, get_process_secret()); }
void * NTAPI RtlEncodeSystemPointer(void *ptr) { return encode(ptr, *KUSD_COOKIE); }
void * NTAPI RtlDecodeSystemPointer(void *ptr) { return decode(ptr, *KUSD_COOKIE); }
