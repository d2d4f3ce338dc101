/*
 * tests/ntdll/heap.c — ntdll's heap: RtlCreateHeap, RtlAllocateHeap,
 * RtlFreeHeap, RtlSizeHeap, RtlReAllocateHeap, RtlDestroyHeap; block
 * alignment, a mixed-size workload whose contents are checked after frees
 * and moves, HeapWalk over a private heap, HeapValidate.
 */
#include "test.h"

static HANDLE (WINAPI *pRtlCreateHeap)(ULONG, void *, SIZE_T, SIZE_T, void *, void *);
static void *(WINAPI *pRtlDestroyHeap)(HANDLE);
static void *(WINAPI *pRtlAllocateHeap)(HANDLE, ULONG, SIZE_T);
static BOOLEAN (WINAPI *pRtlFreeHeap)(HANDLE, ULONG, void *);
static SIZE_T (WINAPI *pRtlSizeHeap)(HANDLE, ULONG, const void *);
static void *(WINAPI *pRtlReAllocateHeap)(HANDLE, ULONG, void *, SIZE_T);
static BOOLEAN (WINAPI *pRtlValidateHeap)(HANDLE, ULONG, const void *);

static int load_functions(void)
{
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
#define LOAD(name) if (!(*(FARPROC *)&p##name = GetProcAddress(ntdll, #name))) return 0
    LOAD(RtlCreateHeap);
    LOAD(RtlDestroyHeap);
    LOAD(RtlAllocateHeap);
    LOAD(RtlFreeHeap);
    LOAD(RtlSizeHeap);
    LOAD(RtlReAllocateHeap);
    LOAD(RtlValidateHeap);
#undef LOAD
    return 1;
}

static HANDLE create_heap(void)
{
    HANDLE heap = pRtlCreateHeap(HEAP_GROWABLE, NULL, 0, 0, NULL, NULL);
    ok(heap != NULL, "RtlCreateHeap failed\n");
    return heap;
}

static void test_basics(void)
{
    HANDLE heap = create_heap();
    unsigned char *p;
    SIZE_T i, misaligned = 0, wrong_size = 0;
    void *blocks[64];

    if (!heap) return;
    /* x64 blocks are 16-byte aligned (MEMORY_ALLOCATION_ALIGNMENT) whatever the size */
    for (i = 0; i < 64; i++)
    {
        blocks[i] = pRtlAllocateHeap(heap, 0, i + 1);
        if ((ULONG_PTR)blocks[i] & 15) misaligned++;
        if (pRtlSizeHeap(heap, 0, blocks[i]) != i + 1) wrong_size++;
    }
    ok(!misaligned, "%Iu blocks not 16-byte aligned\n", misaligned);
    ok(!wrong_size, "%Iu blocks with the wrong RtlSizeHeap\n", wrong_size);
    for (i = 0; i < 64; i++) ok(pRtlFreeHeap(heap, 0, blocks[i]), "free %Iu failed\n", i);
    ok(pRtlFreeHeap(heap, 0, NULL), "freeing NULL failed\n");

    p = pRtlAllocateHeap(heap, HEAP_ZERO_MEMORY, 3000);
    for (i = 0; p && i < 3000 && !p[i]; i++) ;
    ok(i == 3000, "HEAP_ZERO_MEMORY block not zeroed at %Iu\n", i);

    /* a block past the large-block threshold is still an ordinary block */
    p = pRtlAllocateHeap(heap, 0, 2 << 20);
    ok(p && !((ULONG_PTR)p & 15) && pRtlSizeHeap(heap, 0, p) == 2 << 20, "large block %p\n", p);
    if (p) p[(2 << 20) - 1] = 1;
    ok(pRtlFreeHeap(heap, 0, p), "free of the large block failed\n");

    ok(pRtlValidateHeap(heap, 0, NULL), "heap invalid\n");
    /* RtlDestroyHeap returns NULL on success, the heap on failure */
    ok(pRtlDestroyHeap(heap) == NULL, "RtlDestroyHeap failed\n");
}

static void test_realloc(void)
{
    HANDLE heap = create_heap();
    unsigned char *p, *q;
    SIZE_T i;

    if (!heap) return;
    p = pRtlAllocateHeap(heap, 0, 100);
    memset(p, 0x5a, 100);
    q = pRtlReAllocateHeap(heap, HEAP_ZERO_MEMORY, p, 100000);
    ok(q != NULL && pRtlSizeHeap(heap, 0, q) == 100000, "growth failed\n");
    for (i = 0; q && i < 100 && q[i] == 0x5a; i++) ;
    ok(i == 100, "contents lost at %Iu\n", i);
    for (i = 100; q && i < 100000 && !q[i]; i++) ;
    ok(i == 100000, "grown part not zeroed at %Iu\n", i);

    p = pRtlReAllocateHeap(heap, HEAP_REALLOC_IN_PLACE_ONLY, q, 50);
    ok(p == q && pRtlSizeHeap(heap, 0, q) == 50, "in-place shrink gave %p\n", p);
    ok(!pRtlReAllocateHeap(heap, HEAP_REALLOC_IN_PLACE_ONLY, q, 64 << 20), "in-place growth to 64 MiB\n");
    ok(pRtlSizeHeap(heap, 0, q) == 50 && q[49] == 0x5a, "failed realloc changed the block\n");
    pRtlDestroyHeap(heap);
}

static unsigned int next_random(unsigned int *seed)
{
    *seed = *seed * 1103515245 + 12345;
    return *seed >> 8;
}

static BYTE pattern(int block, SIZE_T offset)
{
    return (BYTE)(block * 7 + offset * 13 + 1);
}

static void fill(BYTE *p, int block, SIZE_T size)
{
    SIZE_T i;
    for (i = 0; i < size; i++) p[i] = pattern(block, i);
}

static int intact(const BYTE *p, int block, SIZE_T size)
{
    SIZE_T i;
    for (i = 0; i < size; i++) if (p[i] != pattern(block, i)) return 0;
    return 1;
}

/* a mixed workload: every surviving block still holds its own pattern */
static void test_mixed_sizes(void)
{
    enum { COUNT = 1500 };
    static BYTE *block[COUNT];
    static SIZE_T size[COUNT];
    HANDLE heap = create_heap();
    unsigned int seed = 42;
    int i, bad = 0, failed = 0;

    if (!heap) return;
    for (i = 0; i < COUNT; i++)
    {
        size[i] = (i % 97 == 0) ? 300000 + next_random(&seed) % 100000 : 1 + next_random(&seed) % 3000;
        block[i] = pRtlAllocateHeap(heap, 0, size[i]);
        if (!block[i]) { failed++; size[i] = 0; continue; }
        fill(block[i], i, size[i]);
    }
    ok(!failed, "%d allocations failed\n", failed);
    for (i = 0; i < COUNT; i += 3)
    {
        pRtlFreeHeap(heap, 0, block[i]);
        block[i] = NULL;
    }
    /* resize every third survivor; the kept prefix must follow the block */
    for (i = 1; i < COUNT; i += 3)
    {
        SIZE_T new_size = 1 + next_random(&seed) % 6000;
        BYTE *p = pRtlReAllocateHeap(heap, 0, block[i], new_size);
        if (!p) { failed++; continue; }
        if (!intact(p, i, new_size < size[i] ? new_size : size[i])) bad++;
        block[i] = p;
        size[i] = new_size;
        fill(p, i, new_size);
    }
    ok(!failed, "%d reallocations failed\n", failed);
    ok(pRtlValidateHeap(heap, 0, NULL), "heap invalid after the workload\n");
    for (i = 0; i < COUNT; i++) if (block[i] && !intact(block[i], i, size[i])) bad++;
    ok(!bad, "%d blocks corrupted\n", bad);
    for (i = 0; i < COUNT; i++) if (block[i]) pRtlFreeHeap(heap, 0, block[i]);
    ok(pRtlValidateHeap(heap, 0, NULL), "heap invalid after freeing all\n");
    pRtlDestroyHeap(heap);
}

static void test_walk(void)
{
    static const SIZE_T sizes[3] = { 10, 200, 3000 };
    HANDLE heap = create_heap();
    PROCESS_HEAP_ENTRY entry;
    void *blocks[3];
    int i, found = 0, busy = 0;

    if (!heap) return;
    for (i = 0; i < 3; i++) blocks[i] = pRtlAllocateHeap(heap, 0, sizes[i]);
    entry.lpData = NULL;
    while (HeapWalk(heap, &entry))
    {
        if (!(entry.wFlags & PROCESS_HEAP_ENTRY_BUSY)) continue;
        busy++;
        for (i = 0; i < 3; i++)
            if (entry.lpData == blocks[i] && entry.cbData == sizes[i]) found |= 1 << i;
    }
    ok(GetLastError() == ERROR_NO_MORE_ITEMS, "walk ended with error %lu\n", GetLastError());
    ok(found == 7, "walk found blocks %#x of 0x7\n", found);
    ok(busy == 3, "walk saw %d busy blocks in a fresh heap\n", busy);

    ok(HeapValidate(heap, 0, blocks[1]), "a live block is invalid\n");
    ok(HeapValidate(heap, 0, NULL), "the heap is invalid\n");
    pRtlFreeHeap(heap, 0, blocks[1]);
    found = 0;
    entry.lpData = NULL;
    while (HeapWalk(heap, &entry))
        if ((entry.wFlags & PROCESS_HEAP_ENTRY_BUSY) && entry.lpData == blocks[1]) found = 1;
    ok(!found, "a freed block is still busy\n");
    pRtlDestroyHeap(heap);
}

static void test_process_heap(void)
{
    HANDLE heap = GetProcessHeap();
    void *p = pRtlAllocateHeap(heap, 0, 24);

    ok(p != NULL && pRtlSizeHeap(heap, 0, p) == 24, "process heap block %p\n", p);
    /* kernel32's heap functions and ntdll's share their blocks */
    ok(HeapSize(heap, 0, p) == 24, "HeapSize %Iu\n", HeapSize(heap, 0, p));
    ok(HeapFree(heap, 0, p), "HeapFree of an Rtl block failed\n");
}

int main(int argc, char **argv)
{
    test_start("ntdll:heap");
    if (!load_functions())
    {
        ok(0, "an Rtl heap function is missing from ntdll\n");
        return test_summary();
    }
    test_basics();
    test_realloc();
    test_mixed_sizes();
    test_walk();
    test_process_heap();
    return test_summary();
}
