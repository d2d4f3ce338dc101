/*
 * loader/reserve.c — keeping the address ranges Windows programs expect free.
 *
 * wlx is a PIE and the host libraries load high, so at start the low 4 GiB
 * are empty. We reserve them PROT_NONE at once (one mmap, no memory used) so
 * nothing of the host ever lands where exes (0x400000, 0x140000000) and
 * "below 4 GiB" allocations go; ntdll/unix/virtual.c hands it out.
 */
#include <sys/mman.h>
#include "../ntdll/unix/private.h"
#include "loader.h"

void loader_reserve_address_space(void)
{
    const uintptr_t start = 0x10000, end = 0x100000000UL;
    void *p = mmap((void *)start, end - start, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
    if (p == MAP_FAILED)
    {
        /* something already sits there (an unusual host setup): reserve what is free */
        for (uintptr_t a = start; a < end; a += 0x10000000)
            mmap((void *)a, 0x10000000 - (a == start ? start : 0), PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
    }
}
