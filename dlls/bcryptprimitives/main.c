/*
 * bcryptprimitives.dll — ProcessPrng, the process's random-number generator
 * (Go 1.22+ and Rust 1.78+ import it and cannot start without it).
 *
 * The bytes come from ntdll's private __wlx_random (the kernel's getrandom),
 * the one source all of wlx's random functions share.
 */
#include <windows.h>

NTSTATUS WINAPI __wlx_random(void *buf, SIZE_T size);

/* Windows documents it as always returning TRUE: it cannot fail */
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    __wlx_random(data, size);
    return TRUE;
}
