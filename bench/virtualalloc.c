/*
 * bench/virtualalloc.c — allocating fresh memory from the system: VirtualAlloc
 * of 64 KiB (MEM_COMMIT|MEM_RESERVE, read/write), a write to its first page,
 * VirtualFree(MEM_RELEASE) (native twin: mmap of anonymous memory, the same
 * write, munmap). The write makes the first page really exist, as a user of
 * the memory would.
 */
#include "bench.h"
#ifndef _WIN32
#include <sys/mman.h>
#endif

#define ITERATIONS 8000
#define SIZE 0x10000

static int virtualalloc_loop(bench_u64 n)
{
    for (bench_u64 i = 0; i < n; i++)
    {
#ifdef _WIN32
        volatile char *p = VirtualAlloc(NULL, SIZE, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
        if (!p) return bench_fail("VirtualAlloc", 1);
        p[0] = 1;
        if (!VirtualFree((void *)p, 0, MEM_RELEASE)) return bench_fail("VirtualFree", 1);
#else
        volatile char *p = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) return bench_fail("mmap", 1);
        p[0] = 1;
        if (munmap((void *)p, SIZE)) return bench_fail("munmap", 1);
#endif
    }
    return 0;
}

static int bench_main(void)
{
    return bench_report("virtualalloc", ITERATIONS, virtualalloc_loop);
}
