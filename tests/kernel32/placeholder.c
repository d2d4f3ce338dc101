/*
 * tests/kernel32/placeholder.c — address-space placeholders (Windows 10
 * 1803+): VirtualAlloc2's MEM_RESERVE_PLACEHOLDER, splitting with
 * VirtualFree(MEM_RELEASE | MEM_PRESERVE_PLACEHOLDER), replacing one with a
 * private allocation (MEM_REPLACE_PLACEHOLDER) or a section's view
 * (MapViewOfFile3), giving it back (MEM_PRESERVE_PLACEHOLDER), coalescing
 * (MEM_COALESCE_PLACEHOLDERS), and an address requirement's alignment
 * (GraalVM's heap chunks are 1 MiB reservations at 1 MiB boundaries; an
 * object's chunk is found by masking its address). The functions are looked up in
 * kernelbase.dll, as GraalVM's native images do.
 */
#include "test.h"

#define G 0x10000

#ifndef MEM_RESERVE_PLACEHOLDER
#define MEM_RESERVE_PLACEHOLDER 0x00040000
#define MEM_REPLACE_PLACEHOLDER 0x00004000
#define MEM_PRESERVE_PLACEHOLDER 0x00000002
#define MEM_COALESCE_PLACEHOLDERS 0x00000001
#endif

static void *(WINAPI *pVirtualAlloc2)(HANDLE, void *, SIZE_T, ULONG, ULONG, void *, ULONG);
static void *(WINAPI *pMapViewOfFile3)(HANDLE, HANDLE, void *, ULONG64, SIZE_T, ULONG, ULONG, void *, ULONG);
static BOOL (WINAPI *pUnmapViewOfFile2)(HANDLE, void *, ULONG);

/* VirtualQuery's region at addr: its size, state, type and allocation base */
static void check_(int line, char *addr, SIZE_T size, DWORD state, DWORD type, char *alloc)
{
    MEMORY_BASIC_INFORMATION info;
    memset(&info, 0, sizeof(info));
    VirtualQuery(addr, &info, sizeof(info));
    test_ok_(0, __FILE__, line, info.RegionSize == size && info.State == state && info.Type == type &&
             info.AllocationBase == alloc, "%p: size %#Ix state %#lx type %#lx base %p\n", addr, info.RegionSize,
             info.State, info.Type, info.AllocationBase);
}
#define check(...) check_(__LINE__, __VA_ARGS__)

/* VirtualAlloc2 with MEM_EXTENDED_PARAMETER's address requirements */
static char *alloc_aligned(SIZE_T size, ULONG type, SIZE_T alignment)
{
    MEM_ADDRESS_REQUIREMENTS req = { NULL, NULL, alignment };
    MEM_EXTENDED_PARAMETER param;
    memset(&param, 0, sizeof(param));
    param.Type = MemExtendedParameterAddressRequirements;
    param.Pointer = &req;
    return pVirtualAlloc2(NULL, NULL, size, type, PAGE_NOACCESS, &param, 1);
}

static void test_alignment(int placeholders)
{
    char *p[6];
    int i;

    /* several in a row: the free space after each is not aligned */
    for (i = 0; i < 6; i++)
    {
        p[i] = alloc_aligned(0x100000, i % 2 || !placeholders ? MEM_RESERVE : MEM_RESERVE | MEM_RESERVE_PLACEHOLDER,
                             0x100000);
        ok(p[i] && !((ULONG_PTR)p[i] & 0xfffff), "%d: %p not at a 1 MiB boundary, error %lu\n", i, p[i], GetLastError());
    }
    for (i = 0; i < 6; i++) if (p[i]) VirtualFree(p[i], 0, MEM_RELEASE);
    ok(!alloc_aligned(G, MEM_RESERVE, 0x18000), "an alignment that is no power of two\n");
}

int main(void)
{
    HMODULE kb = GetModuleHandleA("kernelbase.dll");
    HANDLE mapping;
    char *base, *p;

    test_start("kernel32:placeholder");
    ok(kb != NULL, "kernelbase.dll is not loaded\n");
    pVirtualAlloc2 = (void *)GetProcAddress(kb, "VirtualAlloc2");
    pMapViewOfFile3 = (void *)GetProcAddress(kb, "MapViewOfFile3");
    pUnmapViewOfFile2 = (void *)GetProcAddress(kb, "UnmapViewOfFile2");
    if (!pVirtualAlloc2 || !pMapViewOfFile3 || !pUnmapViewOfFile2)
    {
        skip("no VirtualAlloc2, MapViewOfFile3 or UnmapViewOfFile2\n");
        return test_summary();
    }

    base = pVirtualAlloc2(NULL, NULL, 4 * G, MEM_RESERVE | MEM_RESERVE_PLACEHOLDER, PAGE_NOACCESS, NULL, 0);
    /* Wine 8.0 has VirtualAlloc2 without placeholders (ERROR_INVALID_PARAMETER) */
    todo_wine(base != NULL, "a placeholder: error %lu\n", GetLastError());
    test_alignment(base != NULL);
    if (!base) return test_summary();
    check(base, 4 * G, MEM_RESERVE, MEM_PRIVATE, base);
    ok(!VirtualAlloc(base, G, MEM_COMMIT, PAGE_READWRITE), "a placeholder's pages were committed\n");
    ok(!pVirtualAlloc2(NULL, NULL, G, MEM_RESERVE | MEM_RESERVE_PLACEHOLDER, PAGE_READWRITE, NULL, 0),
       "a placeholder with access\n");

    /* split off the first 64 KiB, then replace it with committed memory */
    ok(VirtualFree(base, G, MEM_RELEASE | MEM_PRESERVE_PLACEHOLDER), "split: error %lu\n", GetLastError());
    check(base, G, MEM_RESERVE, MEM_PRIVATE, base);
    check(base + G, 3 * G, MEM_RESERVE, MEM_PRIVATE, base + G);
    ok(!pVirtualAlloc2(NULL, base + G, G, MEM_RESERVE | MEM_COMMIT | MEM_REPLACE_PLACEHOLDER, PAGE_READWRITE, NULL, 0),
       "a part of a placeholder was replaced\n");
    p = pVirtualAlloc2(NULL, base, G, MEM_RESERVE | MEM_COMMIT | MEM_REPLACE_PLACEHOLDER, PAGE_READWRITE, NULL, 0);
    ok(p == base, "replaced by %p, error %lu\n", p, GetLastError());
    if (p) { p[0] = 1; p[G - 1] = 2; }
    check(base, G, MEM_COMMIT, MEM_PRIVATE, base);

    /* the next 64 KiB: a section's view */
    ok(VirtualFree(base + G, G, MEM_RELEASE | MEM_PRESERVE_PLACEHOLDER), "second split: error %lu\n", GetLastError());
    mapping = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, G, NULL);
    p = pMapViewOfFile3(mapping, GetCurrentProcess(), base + G, 0, G, MEM_REPLACE_PLACEHOLDER, PAGE_READWRITE, NULL, 0);
    ok(p == base + G, "view at %p, error %lu\n", p, GetLastError());
    if (p) { p[5] = 5; ok(p[5] == 5, "the view is not writable\n"); }
    check(base + G, G, MEM_COMMIT, MEM_MAPPED, base + G);
    check(base + 2 * G, 2 * G, MEM_RESERVE, MEM_PRIVATE, base + 2 * G);
    ok(pUnmapViewOfFile2(GetCurrentProcess(), base + G, MEM_PRESERVE_PLACEHOLDER), "unmap: error %lu\n", GetLastError());
    check(base + G, G, MEM_RESERVE, MEM_PRIVATE, base + G);
    CloseHandle(mapping);

    /* the memory goes back to a placeholder, then all of them become one */
    ok(VirtualFree(base, G, MEM_RELEASE | MEM_PRESERVE_PLACEHOLDER), "back to a placeholder: error %lu\n", GetLastError());
    check(base, G, MEM_RESERVE, MEM_PRIVATE, base);
    ok(!VirtualAlloc(base, G, MEM_COMMIT, PAGE_READWRITE), "a placeholder's pages were committed\n");
    ok(VirtualFree(base, 4 * G, MEM_RELEASE | MEM_COALESCE_PLACEHOLDERS), "coalesce: error %lu\n", GetLastError());
    check(base, 4 * G, MEM_RESERVE, MEM_PRIVATE, base);
    p = pVirtualAlloc2(NULL, base, 4 * G, MEM_RESERVE | MEM_COMMIT | MEM_REPLACE_PLACEHOLDER, PAGE_READWRITE, NULL, 0);
    ok(p == base && !p[0] && !p[G - 1], "the whole range, fresh zero pages: %p\n", p);
    ok(VirtualFree(base, 0, MEM_RELEASE), "release: error %lu\n", GetLastError());
    {
        MEMORY_BASIC_INFORMATION info;
        ok(VirtualQuery(base, &info, sizeof(info)) && info.State == MEM_FREE, "not free: state %#lx\n", info.State);
    }
    return test_summary();
}
