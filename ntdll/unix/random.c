/*
 * ntdll/unix/random.c — the one way to the kernel's random numbers.
 *
 * Every random byte wlx hands out (bcryptprimitives' ProcessPrng, bcrypt's
 * BCryptGenRandom, advapi32's RtlGenRandom and CryptGenRandom) comes from
 * the private syscall __wlx_random, which reads Linux's getrandom(2).
 */
#include <errno.h>
#include <sys/random.h>
#include "private.h"

NTSTATUS WINAPI unix___wlx_random(void *buf, uint64_t size)
{
    uint8_t *p = buf;

    if (!p && size) return STATUS_INVALID_PARAMETER;
    while (size)
    {
        /* getrandom returns at most 32 MiB per call, and may be interrupted */
        ssize_t n = getrandom(p, size, 0);
        if (n < 0)
        {
            if (errno == EINTR) continue;
            return errno_to_status(errno);
        }
        p += n;
        size -= n;
    }
    return STATUS_SUCCESS;
}
