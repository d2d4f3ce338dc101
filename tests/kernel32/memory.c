/*
 * tests/kernel32/memory.c — virtual memory and heaps as kernel32 shows them:
 * VirtualAlloc/VirtualFree/VirtualProtect/VirtualQuery (region-exact), reservations
 * of a TiB bottom-up and top-down, guard
 * pages, allocation granularity, the Heap* family, Global* and Local*
 * handles, IsBad*Ptr.
 */
#include "test.h"

#define PAGE 0x1000
#define GRANULARITY 0x10000

static MEMORY_BASIC_INFORMATION query(const void *addr)
{
    MEMORY_BASIC_INFORMATION info;
    memset(&info, 0xcc, sizeof(info));
    if (VirtualQuery(addr, &info, sizeof(info)) != sizeof(info)) memset(&info, 0, sizeof(info));
    return info;
}

/* one region: its start, size, state and protection (type is MEM_PRIVATE) */
static void check_region_(int line, char *addr, SIZE_T size, DWORD state, DWORD protect,
                          char *alloc_base, DWORD alloc_protect)
{
    MEMORY_BASIC_INFORMATION info = query(addr);
    test_ok_(0, __FILE__, line, info.BaseAddress == addr, "BaseAddress %p, expected %p\n", info.BaseAddress, addr);
    test_ok_(0, __FILE__, line, info.RegionSize == size, "RegionSize %#Ix, expected %#Ix\n", info.RegionSize, size);
    test_ok_(0, __FILE__, line, info.State == state, "State %#lx, expected %#lx\n", info.State, state);
    test_ok_(0, __FILE__, line, info.Protect == protect, "Protect %#lx, expected %#lx\n", info.Protect, protect);
    test_ok_(0, __FILE__, line, info.AllocationBase == alloc_base, "AllocationBase %p\n", info.AllocationBase);
    test_ok_(0, __FILE__, line, info.AllocationProtect == alloc_protect, "AllocationProtect %#lx\n", info.AllocationProtect);
    test_ok_(0, __FILE__, line, info.Type == MEM_PRIVATE, "Type %#lx\n", info.Type);
}
#define check_region(...) check_region_(__LINE__, __VA_ARGS__)

static void test_system_info(void)
{
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    ok(si.dwPageSize == PAGE, "page size %#lx\n", si.dwPageSize);
    ok(si.dwAllocationGranularity == GRANULARITY, "granularity %#lx\n", si.dwAllocationGranularity);
    ok((ULONG_PTR)si.lpMinimumApplicationAddress == 0x10000, "minimum address %p\n", si.lpMinimumApplicationAddress);
}

static void test_reserve_commit(void)
{
    char *base = VirtualAlloc(NULL, 16 * PAGE, MEM_RESERVE, PAGE_NOACCESS), *p;
    DWORD old;

    ok(base != NULL, "reserve failed, error %lu\n", GetLastError());
    if (!base) return;
    ok(!((ULONG_PTR)base & (GRANULARITY - 1)), "reservation %p not 64 KiB aligned\n", base);
    /* a reserved region has no protection of its own */
    check_region(base, 16 * PAGE, MEM_RESERVE, 0, base, PAGE_NOACCESS);

    p = VirtualAlloc(base + 2 * PAGE, 3 * PAGE, MEM_COMMIT, PAGE_READWRITE);
    ok(p == base + 2 * PAGE, "commit returned %p\n", p);
    check_region(base, 2 * PAGE, MEM_RESERVE, 0, base, PAGE_NOACCESS);
    check_region(base + 2 * PAGE, 3 * PAGE, MEM_COMMIT, PAGE_READWRITE, base, PAGE_NOACCESS);
    check_region(base + 5 * PAGE, 11 * PAGE, MEM_RESERVE, 0, base, PAGE_NOACCESS);
    ok(p[0] == 0 && p[3 * PAGE - 1] == 0, "committed memory not zeroed\n");
    p[0] = 1;

    /* committing rounds the start down and the end up to whole pages */
    p = VirtualAlloc(base + 6 * PAGE + 0x100, 0x100, MEM_COMMIT, PAGE_READONLY);
    ok(p == base + 6 * PAGE, "unaligned commit returned %p\n", p);
    check_region(base + 6 * PAGE, PAGE, MEM_COMMIT, PAGE_READONLY, base, PAGE_NOACCESS);

    /* protecting the middle page splits the committed range in three */
    ok(VirtualProtect(base + 3 * PAGE, PAGE, PAGE_READONLY, &old), "VirtualProtect failed\n");
    ok(old == PAGE_READWRITE, "old protection %#lx\n", old);
    check_region(base + 2 * PAGE, PAGE, MEM_COMMIT, PAGE_READWRITE, base, PAGE_NOACCESS);
    check_region(base + 3 * PAGE, PAGE, MEM_COMMIT, PAGE_READONLY, base, PAGE_NOACCESS);
    check_region(base + 4 * PAGE, PAGE, MEM_COMMIT, PAGE_READWRITE, base, PAGE_NOACCESS);
    ok(VirtualProtect(base + 3 * PAGE, PAGE, PAGE_READWRITE, &old) && old == PAGE_READONLY,
       "protecting back gave old %#lx\n", old);
    check_region(base + 2 * PAGE, 3 * PAGE, MEM_COMMIT, PAGE_READWRITE, base, PAGE_NOACCESS);

    /* a range that is not all committed cannot be protected */
    SetLastError(0xdeadbeef);
    ok(!VirtualProtect(base + 4 * PAGE, 2 * PAGE, PAGE_READONLY, &old), "protected a reserved page\n");
    ok(GetLastError() == ERROR_INVALID_ADDRESS, "error %lu\n", GetLastError());

    ok(VirtualFree(base + 2 * PAGE, PAGE, MEM_DECOMMIT), "decommit failed\n");
    check_region(base + 2 * PAGE, PAGE, MEM_RESERVE, 0, base, PAGE_NOACCESS);
    check_region(base + 3 * PAGE, 2 * PAGE, MEM_COMMIT, PAGE_READWRITE, base, PAGE_NOACCESS);
    /* recommitting a decommitted page gives zeros again */
    p = VirtualAlloc(base + 2 * PAGE, PAGE, MEM_COMMIT, PAGE_READWRITE);
    ok(p && p[0] == 0, "recommitted page not zeroed\n");

    ok(VirtualFree(base, 0, MEM_RELEASE), "release failed, error %lu\n", GetLastError());
    ok(query(base).State == MEM_FREE, "released region state %#lx\n", query(base).State);
}

/* reservations larger than the low 4 GiB, bottom-up and MEM_TOP_DOWN (GHC's
   runtime reserves its 1 TiB heap top-down at start): 128 TiB of address
   space take them; a committed page of one is usable */
static void test_big_reserve(void)
{
    static const SIZE_T sizes[] = { (SIZE_T)8 << 30, (SIZE_T)1 << 40, ((SIZE_T)1 << 40) + 0x100000 };
    static const DWORD types[] = { MEM_RESERVE, MEM_RESERVE | MEM_TOP_DOWN };
    int i, j;

    for (i = 0; i < ARRAYSIZE(sizes); i++)
        for (j = 0; j < ARRAYSIZE(types); j++)
        {
            char *base = VirtualAlloc(NULL, sizes[i], types[j], PAGE_NOACCESS), *p;
            ok(base != NULL, "%#Ix bytes, type %#lx: error %lu\n", sizes[i], types[j], GetLastError());
            if (!base) continue;
            ok(!((ULONG_PTR)base & (GRANULARITY - 1)), "reservation %p not 64 KiB aligned\n", base);
            check_region(base, sizes[i], MEM_RESERVE, 0, base, PAGE_NOACCESS);
            p = VirtualAlloc(base + sizes[i] - PAGE, PAGE, MEM_COMMIT, PAGE_READWRITE);
            ok(p == base + sizes[i] - PAGE, "commit of the last page: %p\n", p);
            if (p) { p[0] = 1; ok(p[0] == 1, "not writable\n"); }
            ok(VirtualFree(base, 0, MEM_RELEASE), "release: error %lu\n", GetLastError());
        }
}

static void test_free_errors(void)
{
    char *base = VirtualAlloc(NULL, 4 * PAGE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);

    if (!base) return;
    SetLastError(0xdeadbeef);
    ok(!VirtualFree(base, PAGE, MEM_RELEASE), "release with a size succeeded\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!VirtualFree(base + PAGE, 0, MEM_RELEASE), "release not at the base succeeded\n");
    ok(GetLastError() == ERROR_INVALID_ADDRESS, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!VirtualFree(base, 0, 0), "free without a type succeeded\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!VirtualFree(base, 0, MEM_RELEASE | MEM_DECOMMIT), "both types accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    ok(query(base).State == MEM_COMMIT, "failed calls changed the region\n");

    ok(VirtualFree(base, 0, MEM_RELEASE), "release failed\n");
    ok(!VirtualFree(base, 0, MEM_RELEASE), "double release succeeded\n");
}

static void test_alloc_errors(void)
{
    char *base, *p;

    SetLastError(0xdeadbeef);
    ok(!VirtualAlloc(NULL, 0, MEM_COMMIT, PAGE_READWRITE), "zero size accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!VirtualAlloc(NULL, PAGE, MEM_COMMIT, 0), "no protection accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());

    /* MEM_COMMIT alone with no address reserves too; one byte is a page */
    p = VirtualAlloc(NULL, 1, MEM_COMMIT, PAGE_READWRITE);
    ok(p != NULL, "commit without reserve failed\n");
    if (p) check_region(p, PAGE, MEM_COMMIT, PAGE_READWRITE, p, PAGE_READWRITE);
    VirtualFree(p, 0, MEM_RELEASE);

    /* find a free 64 KiB block, then check reserve rounds down to it and
     * commit outside any reservation fails */
    base = VirtualAlloc(NULL, GRANULARITY, MEM_RESERVE, PAGE_NOACCESS);
    VirtualFree(base, 0, MEM_RELEASE);
    SetLastError(0xdeadbeef);
    ok(!VirtualAlloc(base + PAGE, PAGE, MEM_COMMIT, PAGE_READWRITE), "commit of free memory\n");
    ok(GetLastError() == ERROR_INVALID_ADDRESS, "error %lu\n", GetLastError());
    p = VirtualAlloc(base + 0x1234, PAGE, MEM_RESERVE, PAGE_READWRITE);
    ok(p == base, "reserve at %p returned %p\n", base + 0x1234, p);
    /* a reservation the same place twice fails */
    SetLastError(0xdeadbeef);
    ok(!VirtualAlloc(base, PAGE, MEM_RESERVE, PAGE_READWRITE), "double reserve succeeded\n");
    ok(GetLastError() == ERROR_INVALID_ADDRESS, "error %lu\n", GetLastError());
    VirtualFree(p, 0, MEM_RELEASE);
}

static void test_free_region(void)
{
    char *base = VirtualAlloc(NULL, PAGE, MEM_RESERVE, PAGE_READWRITE);
    MEMORY_BASIC_INFORMATION info;

    if (!base) return;
    ok(!((ULONG_PTR)base & (GRANULARITY - 1)), "one-page reservation %p not 64 KiB aligned\n", base);
    check_region(base, PAGE, MEM_RESERVE, 0, base, PAGE_READWRITE);
    VirtualFree(base, 0, MEM_RELEASE);
    info = query(base);
    ok(info.State == MEM_FREE, "state %#lx\n", info.State);
    ok(info.BaseAddress == base, "base %p\n", info.BaseAddress);
    ok(info.AllocationBase == NULL, "allocation base %p\n", info.AllocationBase);
    ok(info.Protect == PAGE_NOACCESS, "free protection %#lx\n", info.Protect);
    ok(info.RegionSize >= GRANULARITY && !(info.RegionSize & (PAGE - 1)), "size %#Ix\n", info.RegionSize);

    SetLastError(0xdeadbeef);
    ok(!VirtualQuery((void *)~(ULONG_PTR)0xffff, &info, sizeof(info)), "query past user space\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
}

static void test_image_pages(void)
{
    HMODULE exe = GetModuleHandleW(NULL);
    MEMORY_BASIC_INFORMATION info = query(exe);

    ok(info.BaseAddress == (void *)exe && info.AllocationBase == (void *)exe, "header region %p\n", info.BaseAddress);
    ok(info.Type == MEM_IMAGE, "header type %#lx\n", info.Type);
    ok(info.State == MEM_COMMIT, "header state %#lx\n", info.State);
    ok(info.Protect == PAGE_READONLY, "header protection %#lx\n", info.Protect);
    ok(info.AllocationProtect == PAGE_EXECUTE_WRITECOPY, "image allocation protection %#lx\n", info.AllocationProtect);
    ok(info.RegionSize == PAGE, "header size %#Ix\n", info.RegionSize);

    info = query((void *)test_image_pages);
    ok(info.AllocationBase == (void *)exe, "code allocation base %p\n", info.AllocationBase);
    ok(info.Type == MEM_IMAGE, "code type %#lx\n", info.Type);
    ok(info.Protect == PAGE_EXECUTE_READ, "code protection %#lx\n", info.Protect);
}

static volatile LONG guard_hits;

static LONG CALLBACK guard_handler(EXCEPTION_POINTERS *ptrs)
{
    if (ptrs->ExceptionRecord->ExceptionCode != STATUS_GUARD_PAGE_VIOLATION) return EXCEPTION_CONTINUE_SEARCH;
    guard_hits++;
    /* the system has already cleared PAGE_GUARD: retrying succeeds */
    return EXCEPTION_CONTINUE_EXECUTION;
}

static void test_guard_page(void)
{
    volatile char *p = VirtualAlloc(NULL, PAGE, MEM_COMMIT, PAGE_READWRITE | PAGE_GUARD);
    void *handler;
    DWORD old;

    ok(p != NULL, "guard page alloc failed\n");
    if (!p) return;
    ok(query((void *)p).Protect == (PAGE_READWRITE | PAGE_GUARD), "protect %#lx\n", query((void *)p).Protect);
    handler = AddVectoredExceptionHandler(1, guard_handler);
    p[0] = 5;
    ok(guard_hits == 1, "guard hits %ld\n", guard_hits);
    ok(query((void *)p).Protect == PAGE_READWRITE, "guard not one-shot: %#lx\n", query((void *)p).Protect);
    ok(p[0] == 5, "value %d\n", p[0]);
    ok(guard_hits == 1, "second access hit the guard\n");

    ok(VirtualProtect((void *)p, PAGE, PAGE_READONLY | PAGE_GUARD, &old), "re-guard failed\n");
    ok(old == PAGE_READWRITE, "old %#lx\n", old);
    ok(p[0] == 5 && guard_hits == 2, "read of a guard page: hits %ld\n", guard_hits);
    RemoveVectoredExceptionHandler(handler);
    VirtualFree((void *)p, 0, MEM_RELEASE);
}

static void test_bad_ptr(void)
{
    char *p = VirtualAlloc(NULL, 2 * PAGE, MEM_RESERVE, PAGE_NOACCESS);
    char buf[16];

    VirtualAlloc(p, PAGE, MEM_COMMIT, PAGE_READONLY);
    ok(!IsBadReadPtr(buf, sizeof(buf)), "stack buffer unreadable\n");
    ok(IsBadReadPtr(NULL, 1), "NULL readable\n");
    ok(!IsBadReadPtr(p, PAGE), "read-only page unreadable\n");
    ok(IsBadWritePtr(p, 1), "read-only page writable\n");
    ok(IsBadReadPtr(p + PAGE - 1, 2), "reserved page readable\n");
    VirtualFree(p, 0, MEM_RELEASE);
}

static void test_heap_realloc(HANDLE heap)
{
    unsigned char *p = HeapAlloc(heap, 0, 64), *q;
    SIZE_T i;

    memset(p, 0xab, 64);
    /* growing in place only: fails (NULL) when it cannot, leaving the block */
    q = HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, p, 16 << 20);
    ok(q == NULL, "in-place growth to 16 MiB returned %p\n", q);
    ok(HeapSize(heap, 0, p) == 64 && p[63] == 0xab, "block changed by a failed realloc\n");
    /* shrinking in place keeps the address */
    q = HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, p, 32);
    ok(q == p, "in-place shrink moved %p to %p\n", p, q);
    ok(HeapSize(heap, 0, p) == 32, "size after shrink %Iu\n", HeapSize(heap, 0, p));

    q = HeapReAlloc(heap, HEAP_ZERO_MEMORY, p, 4096);
    ok(q != NULL && HeapSize(heap, 0, q) == 4096, "growth failed\n");
    for (i = 0; q && i < 32 && q[i] == 0xab; i++) ;
    ok(i == 32, "contents not kept at %Iu\n", i);
    for (i = 32; q && i < 4096 && q[i] == 0; i++) ;
    ok(i == 4096, "grown part not zeroed at %Iu\n", i);
    ok(HeapFree(heap, 0, q), "HeapFree failed\n");
}

static void test_heap(void)
{
    HANDLE heap = HeapCreate(0, 0, 0), fixed;
    unsigned char *p;
    char *peb = (char *)__readgsqword(0x60);
    SIZE_T i;

    ok(GetProcessHeap() != NULL, "no process heap\n");
    ok(GetProcessHeap() == *(HANDLE *)(peb + 0x30), "process heap is not PEB.ProcessHeap\n");
    ok(heap != NULL, "HeapCreate failed\n");
    if (!heap) return;

    p = HeapAlloc(heap, HEAP_ZERO_MEMORY, 1000);
    ok(p != NULL && !((ULONG_PTR)p & 15), "block %p not 16-byte aligned\n", p);
    for (i = 0; p && i < 1000 && !p[i]; i++) ;
    ok(i == 1000, "HEAP_ZERO_MEMORY block not zeroed at %Iu\n", i);
    ok(HeapSize(heap, 0, p) == 1000, "HeapSize %Iu\n", HeapSize(heap, 0, p));
    ok(HeapFree(heap, 0, p), "HeapFree failed\n");
    ok(HeapFree(heap, 0, NULL), "HeapFree(NULL) failed\n");

    p = HeapAlloc(heap, 0, 0);
    ok(p != NULL, "zero-size allocation failed\n");
    ok(HeapSize(heap, 0, p) == 0, "zero-size block size %Iu\n", HeapSize(heap, 0, p));
    HeapFree(heap, 0, p);

    test_heap_realloc(heap);
    ok(HeapValidate(heap, 0, NULL), "heap invalid\n");
    ok(HeapDestroy(heap), "HeapDestroy failed\n");

    /* a heap with a maximum size does not grow past it */
    fixed = HeapCreate(0, 0x10000, 0x10000);
    ok(fixed != NULL, "fixed-size HeapCreate failed\n");
    ok(!HeapAlloc(fixed, 0, 0x20000), "allocation larger than the heap succeeded\n");
    ok(HeapAlloc(fixed, 0, 0x100) != NULL, "small allocation in a fixed heap failed\n");
    HeapDestroy(fixed);
}

static void test_global(void)
{
    HGLOBAL h = GlobalAlloc(GMEM_MOVEABLE | GMEM_ZEROINIT, 100), h2;
    char *p;

    ok(h != NULL, "GlobalAlloc failed\n");
    p = GlobalLock(h);
    /* a moveable handle is not the address of the memory */
    ok(p != NULL && p != (char *)h, "GlobalLock gave %p for %p\n", p, h);
    if (!p) return;
    ok(p[0] == 0 && p[99] == 0, "GMEM_ZEROINIT ignored\n");
    ok(GlobalSize(h) == 100, "GlobalSize %Iu\n", GlobalSize(h));
    ok((GlobalFlags(h) & GMEM_LOCKCOUNT) == 1, "lock count %u\n", GlobalFlags(h) & GMEM_LOCKCOUNT);
    ok(GlobalHandle(p) == h, "GlobalHandle gave %p\n", GlobalHandle(p));
    strcpy(p, "moveable");
    SetLastError(0xdeadbeef);
    /* the last unlock returns FALSE with NO_ERROR */
    ok(!GlobalUnlock(h), "GlobalUnlock returned TRUE at count 0\n");
    ok(GetLastError() == NO_ERROR, "error %lu\n", GetLastError());

    h2 = GlobalReAlloc(h, 5000, GMEM_MOVEABLE);
    ok(h2 != NULL, "GlobalReAlloc failed\n");
    p = GlobalLock(h2);
    ok(p && !strcmp(p, "moveable"), "contents lost\n");
    ok(GlobalSize(h2) == 5000, "size after realloc %Iu\n", GlobalSize(h2));
    GlobalUnlock(h2);
    ok(GlobalFree(h2) == NULL, "GlobalFree failed\n");

    /* GMEM_FIXED: the handle is the pointer */
    h = GlobalAlloc(GMEM_FIXED, 16);
    ok(GlobalLock(h) == (void *)h, "fixed block locks to %p, handle %p\n", GlobalLock(h), h);
    ok(GlobalHandle(h) == h, "GlobalHandle of a fixed block\n");
    ok(GlobalFree(h) == NULL, "GlobalFree failed\n");
}

static void test_local(void)
{
    HLOCAL h = LocalAlloc(LMEM_FIXED | LMEM_ZEROINIT, 50);
    char *p = (char *)h;

    ok(h != NULL && p[0] == 0 && p[49] == 0, "LMEM_ZEROINIT block %p\n", h);
    ok(LocalSize(h) == 50, "LocalSize %Iu\n", LocalSize(h));
    ok(LocalFree(h) == NULL, "LocalFree failed\n");

    h = LocalAlloc(LMEM_MOVEABLE, 20);
    p = LocalLock(h);
    ok(p != NULL && p != (char *)h, "LocalLock gave %p for %p\n", p, h);
    ok(LocalHandle(p) == h, "LocalHandle gave %p\n", LocalHandle(p));
    ok(!LocalUnlock(h), "LocalUnlock returned TRUE at count 0\n");
    ok(LocalFree(h) == NULL, "LocalFree of a moveable block failed\n");
}

int main(int argc, char **argv)
{
    test_start("kernel32:memory");
    test_system_info();
    test_reserve_commit();
    test_big_reserve();
    test_free_errors();
    test_alloc_errors();
    test_free_region();
    test_image_pages();
    test_guard_page();
    test_bad_ptr();
    test_heap();
    test_global();
    test_local();
    return test_summary();
}
