/*
 * bench/heap.c — mixed-size allocation: HeapAlloc/HeapFree on the process
 * heap (native twin: malloc/free). A working set of live blocks is kept; each
 * operation frees the block in a pseudo-randomly chosen slot and allocates a
 * new one of a pseudo-random size from 16 B to 4 KiB, smaller sizes being
 * more frequent (one size class of 16..4096 B picked evenly, then a size in
 * it). The sequence is the same on every run and on both sides.
 */
#include "bench.h"
#ifndef _WIN32
#include <stdlib.h>
#endif

#define SLOTS 1024
#define ITERATIONS 1000000

static void *slots[SLOTS];
static unsigned int seed;

/* xorshift32: cheap, and unlike a plain LCG its low bits are not periodic */
static unsigned int next_random(void)
{
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    return seed;
}

static unsigned int random_size(void)
{
    unsigned int r = next_random();
    unsigned int low = 16u << (r % 8);          /* 16 .. 2048 */

    return low + (r >> 3) % low + (r >> 31);   /* up to 4096, odd sizes too */
}

#ifdef _WIN32
static void *block_alloc(unsigned int size) { return HeapAlloc(GetProcessHeap(), 0, size); }
static void block_free(void *p) { HeapFree(GetProcessHeap(), 0, p); }
#else
static void *block_alloc(unsigned int size) { return malloc(size); }
static void block_free(void *p) { free(p); }
#endif

static int replace(unsigned int slot)
{
    char *p;

    if (slots[slot]) block_free(slots[slot]);
    if (!(p = block_alloc(random_size()))) return 1;
    p[0] = 1;           /* touch it, as a user of the block would */
    slots[slot] = p;
    return 0;
}

/* One operation = one free + one allocation. The working set is filled
 * before and emptied after, inside the timed span, but that is SLOTS
 * operations out of millions. */
static int heap_loop(bench_u64 n)
{
    seed = 42;
    for (unsigned int i = 0; i < SLOTS; i++)
        if (replace(i)) return bench_fail("allocation", 1);
    for (bench_u64 i = 0; i < n; i++)
        if (replace(next_random() % SLOTS)) return bench_fail("allocation", 1);
    for (unsigned int i = 0; i < SLOTS; i++)
    {
        block_free(slots[i]);
        slots[i] = 0;
    }
    return 0;
}

static int bench_main(void)
{
    return bench_report("heap", ITERATIONS, heap_loop);
}
