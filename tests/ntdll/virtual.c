/*
 * tests/ntdll/virtual.c — the NT virtual memory calls: NtAllocateVirtualMemory,
 * NtFreeVirtualMemory, NtProtectVirtualMemory and
 * NtQueryVirtualMemory(MemoryBasicInformation), with region-exact answers
 * for reservations split by partial commits and protection changes, and for
 * the pages of the ntdll image.
 */
#define WIN32_NO_STATUS
#include "test.h"
#undef WIN32_NO_STATUS
#include <ntstatus.h>

#define PAGE 0x1000
#define MEMORY_BASIC_INFORMATION_CLASS 0

static NTSTATUS (WINAPI *pNtAllocateVirtualMemory)(HANDLE, void **, ULONG_PTR, SIZE_T *, ULONG, ULONG);
static NTSTATUS (WINAPI *pNtFreeVirtualMemory)(HANDLE, void **, SIZE_T *, ULONG);
static NTSTATUS (WINAPI *pNtProtectVirtualMemory)(HANDLE, void **, SIZE_T *, ULONG, ULONG *);
static NTSTATUS (WINAPI *pNtQueryVirtualMemory)(HANDLE, const void *, int, void *, SIZE_T, SIZE_T *);

static int load_functions(void)
{
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
#define LOAD(name) if (!(*(FARPROC *)&p##name = GetProcAddress(ntdll, #name))) return 0
    LOAD(NtAllocateVirtualMemory);
    LOAD(NtFreeVirtualMemory);
    LOAD(NtProtectVirtualMemory);
    LOAD(NtQueryVirtualMemory);
#undef LOAD
    return 1;
}

static NTSTATUS query(const void *addr, MEMORY_BASIC_INFORMATION *info)
{
    SIZE_T len = 0xdead;
    NTSTATUS status;

    memset(info, 0xcc, sizeof(*info));
    status = pNtQueryVirtualMemory(GetCurrentProcess(), addr, MEMORY_BASIC_INFORMATION_CLASS, info,
                                   sizeof(*info), &len);
    if (!status && len != sizeof(*info)) return STATUS_INFO_LENGTH_MISMATCH;
    return status;
}

/* the region starting at addr: its size, state and protection */
static void check_region_(int line, char *addr, SIZE_T size, DWORD state, DWORD protect, char *alloc_base)
{
    MEMORY_BASIC_INFORMATION info;
    NTSTATUS status = query(addr, &info);

    test_ok_(0, __FILE__, line, status == STATUS_SUCCESS, "query status %#lx\n", status);
    test_ok_(0, __FILE__, line, info.BaseAddress == addr && info.RegionSize == size,
             "region %p+%#Ix, expected %p+%#Ix\n", info.BaseAddress, info.RegionSize, addr, size);
    test_ok_(0, __FILE__, line, info.State == state && info.Protect == protect, "state %#lx protect %#lx\n",
             info.State, info.Protect);
    test_ok_(0, __FILE__, line, info.AllocationBase == alloc_base && info.Type == MEM_PRIVATE,
             "allocation base %p type %#lx\n", info.AllocationBase, info.Type);
}
#define check_region(...) check_region_(__LINE__, __VA_ARGS__)

static char *reserve(SIZE_T size)
{
    void *base = NULL;
    NTSTATUS status = pNtAllocateVirtualMemory(GetCurrentProcess(), &base, 0, &size, MEM_RESERVE, PAGE_READWRITE);
    ok(status == STATUS_SUCCESS, "reserve status %#lx\n", status);
    return status ? NULL : base;
}

static NTSTATUS commit(char *addr, SIZE_T size, ULONG protect, void **out_base, SIZE_T *out_size)
{
    *out_base = addr;
    *out_size = size;
    return pNtAllocateVirtualMemory(GetCurrentProcess(), out_base, 0, out_size, MEM_COMMIT, protect);
}

static void test_allocate_rounding(void)
{
    void *base = NULL;
    SIZE_T size = 0x1234;
    NTSTATUS status;

    /* both base and size come back rounded: 64 KiB base, whole pages */
    status = pNtAllocateVirtualMemory(GetCurrentProcess(), &base, 0, &size, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    ok(status == STATUS_SUCCESS, "status %#lx\n", status);
    ok(base && !((ULONG_PTR)base & 0xffff), "base %p\n", base);
    ok(size == 2 * PAGE, "size %#Ix\n", size);
    if (status) return;
    check_region(base, 2 * PAGE, MEM_COMMIT, PAGE_READWRITE, base);

    /* release takes size 0 and gives back the whole region's size */
    size = 0;
    status = pNtFreeVirtualMemory(GetCurrentProcess(), &base, &size, MEM_RELEASE);
    ok(status == STATUS_SUCCESS && size == 2 * PAGE, "release status %#lx size %#Ix\n", status, size);

    size = 0;
    status = pNtAllocateVirtualMemory(GetCurrentProcess(), &base, 0, &size, MEM_RESERVE, PAGE_READWRITE);
    ok(status != STATUS_SUCCESS, "zero size accepted\n");
}

static void test_split_regions(void)
{
    char *base = reserve(8 * PAGE);
    void *addr;
    SIZE_T size;
    ULONG old;
    NTSTATUS status;

    if (!base) return;
    check_region(base, 8 * PAGE, MEM_RESERVE, 0, base);

    /* an unaligned commit covers every page it touches */
    status = commit(base + PAGE + 0x10, 4 * PAGE - 0x20, PAGE_READWRITE, &addr, &size);
    ok(status == STATUS_SUCCESS, "commit status %#lx\n", status);
    ok(addr == base + PAGE && size == 4 * PAGE, "commit gave %p+%#Ix\n", addr, size);
    check_region(base, PAGE, MEM_RESERVE, 0, base);
    check_region(base + PAGE, 4 * PAGE, MEM_COMMIT, PAGE_READWRITE, base);
    check_region(base + 5 * PAGE, 3 * PAGE, MEM_RESERVE, 0, base);

    /* a protection change on the middle page cuts the committed run in three */
    addr = base + 2 * PAGE;
    size = PAGE;
    status = pNtProtectVirtualMemory(GetCurrentProcess(), &addr, &size, PAGE_READONLY, &old);
    ok(status == STATUS_SUCCESS && old == PAGE_READWRITE, "protect status %#lx old %#lx\n", status, old);
    ok(VirtualProtect(base + 3 * PAGE, PAGE, PAGE_EXECUTE_READ, &old) && old == PAGE_READWRITE,
       "VirtualProtect old %#lx\n", old);
    check_region(base + PAGE, PAGE, MEM_COMMIT, PAGE_READWRITE, base);
    check_region(base + 2 * PAGE, PAGE, MEM_COMMIT, PAGE_READONLY, base);
    check_region(base + 3 * PAGE, PAGE, MEM_COMMIT, PAGE_EXECUTE_READ, base);
    check_region(base + 4 * PAGE, PAGE, MEM_COMMIT, PAGE_READWRITE, base);

    /* a query inside a region reports from its page to the region's end */
    {
        MEMORY_BASIC_INFORMATION info;
        query(base + 6 * PAGE + 0x123, &info);
        ok(info.BaseAddress == base + 6 * PAGE && info.RegionSize == 2 * PAGE, "mid-region query %p+%#Ix\n",
           info.BaseAddress, info.RegionSize);
    }

    /* pages that are only reserved have no protection to change */
    addr = base + 5 * PAGE;
    size = PAGE;
    status = pNtProtectVirtualMemory(GetCurrentProcess(), &addr, &size, PAGE_READONLY, &old);
    ok(status == STATUS_NOT_COMMITTED, "protect of reserved status %#lx\n", status);

    addr = base + 4 * PAGE;
    size = PAGE;
    status = pNtFreeVirtualMemory(GetCurrentProcess(), &addr, &size, MEM_DECOMMIT);
    ok(status == STATUS_SUCCESS && addr == base + 4 * PAGE && size == PAGE, "decommit %#lx\n", status);
    /* the decommitted page joins the reserved run after it */
    check_region(base + 4 * PAGE, 4 * PAGE, MEM_RESERVE, 0, base);

    addr = base + PAGE;
    size = 0;
    status = pNtFreeVirtualMemory(GetCurrentProcess(), &addr, &size, MEM_RELEASE);
    ok(status == STATUS_FREE_VM_NOT_AT_BASE, "release off base status %#lx\n", status);

    addr = base;
    size = 0;
    status = pNtFreeVirtualMemory(GetCurrentProcess(), &addr, &size, MEM_RELEASE);
    ok(status == STATUS_SUCCESS && size == 8 * PAGE, "release status %#lx size %#Ix\n", status, size);
}

static void test_query_errors(void)
{
    MEMORY_BASIC_INFORMATION info;
    SIZE_T len;
    NTSTATUS status;

    status = pNtQueryVirtualMemory(GetCurrentProcess(), &info, MEMORY_BASIC_INFORMATION_CLASS, &info,
                                   sizeof(info) - 1, &len);
    ok(status == STATUS_INFO_LENGTH_MISMATCH, "short buffer status %#lx\n", status);
    /* kernel addresses are outside what a process may ask about */
    status = query((void *)0xffff800000000000, &info);
    ok(status == STATUS_INVALID_PARAMETER, "kernel address status %#lx\n", status);
}

static void test_image(void)
{
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    MEMORY_BASIC_INFORMATION info;

    ok(query(ntdll, &info) == STATUS_SUCCESS, "query of ntdll failed\n");
    ok(info.BaseAddress == (void *)ntdll && info.AllocationBase == (void *)ntdll, "header region %p base %p\n",
       info.BaseAddress, info.AllocationBase);
    ok(info.Type == MEM_IMAGE && info.State == MEM_COMMIT, "type %#lx state %#lx\n", info.Type, info.State);
    ok(info.Protect == PAGE_READONLY, "header protection %#lx\n", info.Protect);
    ok(info.AllocationProtect == PAGE_EXECUTE_WRITECOPY, "allocation protection %#lx\n", info.AllocationProtect);

    ok(query((void *)pNtQueryVirtualMemory, &info) == STATUS_SUCCESS, "query of ntdll code failed\n");
    ok(info.AllocationBase == (void *)ntdll, "code allocation base %p, module %p\n", info.AllocationBase, ntdll);
    ok(info.Type == MEM_IMAGE, "code type %#lx\n", info.Type);
    ok(info.Protect == PAGE_EXECUTE_READ, "code protection %#lx\n", info.Protect);
}

int main(int argc, char **argv)
{
    test_start("ntdll:virtual");
    if (!load_functions())
    {
        ok(0, "an Nt virtual memory function is missing from ntdll\n");
        return test_summary();
    }
    test_allocate_rounding();
    test_split_regions();
    test_query_errors();
    test_image();
    return test_summary();
}
