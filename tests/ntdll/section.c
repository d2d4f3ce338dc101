/*
 * tests/ntdll/section.c — the NT section calls: NtCreateSection's parameter
 * rules, NtMapViewOfSection's (offset and base alignment, view size
 * rounding, zero bits, inherit disposition, protection against the
 * section's and the handle's), SEC_RESERVE views committed with
 * NtAllocateVirtualMemory, NtProtectVirtualMemory within a view,
 * NtUnmapViewOfSection, NtQuerySection, NtExtendSection, NtOpenSection and
 * NtFlushVirtualMemory; a view larger than its data file's section with
 * MEM_RESERVE, committed as the file grows (LMDB's incremental growth).
 */
#define WIN32_NO_STATUS
#include "test.h"
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <winternl.h>

#define PAGE 0x1000
#define GRANULARITY 0x10000
#define VIEW_SHARE 1
#define VIEW_UNMAP 2

typedef struct { void *BaseAddress; ULONG Attributes; LARGE_INTEGER Size; } SECTION_BASIC_INFO;

static NTSTATUS (WINAPI *pNtCreateSection)(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, LARGE_INTEGER *, ULONG, ULONG,
                                           HANDLE);
static NTSTATUS (WINAPI *pNtOpenSection)(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *);
static NTSTATUS (WINAPI *pNtMapViewOfSection)(HANDLE, HANDLE, void **, ULONG_PTR, SIZE_T, LARGE_INTEGER *, SIZE_T *,
                                              ULONG, ULONG, ULONG);
static NTSTATUS (WINAPI *pNtUnmapViewOfSection)(HANDLE, void *);
static NTSTATUS (WINAPI *pNtQuerySection)(HANDLE, int, void *, SIZE_T, SIZE_T *);
static NTSTATUS (WINAPI *pNtExtendSection)(HANDLE, LARGE_INTEGER *);
static NTSTATUS (WINAPI *pNtFlushVirtualMemory)(HANDLE, void **, SIZE_T *, IO_STATUS_BLOCK *);
static NTSTATUS (WINAPI *pNtAllocateVirtualMemory)(HANDLE, void **, ULONG_PTR, SIZE_T *, ULONG, ULONG);
static NTSTATUS (WINAPI *pNtProtectVirtualMemory)(HANDLE, void **, SIZE_T *, ULONG, ULONG *);
static NTSTATUS (WINAPI *pNtClose)(HANDLE);

static int load_functions(void)
{
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
#define LOAD(name) if (!(*(FARPROC *)&p##name = GetProcAddress(ntdll, #name))) return 0
    LOAD(NtCreateSection);
    LOAD(NtOpenSection);
    LOAD(NtMapViewOfSection);
    LOAD(NtUnmapViewOfSection);
    LOAD(NtQuerySection);
    LOAD(NtFlushVirtualMemory);
    LOAD(NtAllocateVirtualMemory);
    LOAD(NtProtectVirtualMemory);
    LOAD(NtClose);
#undef LOAD
    /* Wine 8 has no NtExtendSection */
    *(FARPROC *)&pNtExtendSection = GetProcAddress(ntdll, "NtExtendSection");
    return 1;
}

static HANDLE pagefile_section(ULONG protect, ULONG attributes, LONGLONG size)
{
    LARGE_INTEGER max = { .QuadPart = size };
    HANDLE h = NULL;
    NTSTATUS status = pNtCreateSection(&h, SECTION_ALL_ACCESS, NULL, &max, protect, attributes, NULL);
    ok(!status, "NtCreateSection: %#lx\n", status);
    return h;
}

/* maps at *base (NULL: anywhere); returns the status */
static NTSTATUS map(HANDLE section, void **base, ULONG_PTR zero_bits, LONGLONG offset, SIZE_T *size, ULONG inherit,
                   ULONG type, ULONG protect)
{
    LARGE_INTEGER off = { .QuadPart = offset };
    return pNtMapViewOfSection(section, GetCurrentProcess(), base, zero_bits, 0, &off, size, inherit, type, protect);
}

static MEMORY_BASIC_INFORMATION query(const void *addr)
{
    MEMORY_BASIC_INFORMATION info;
    memset(&info, 0xcc, sizeof(info));
    if (VirtualQuery(addr, &info, sizeof(info)) != sizeof(info)) memset(&info, 0, sizeof(info));
    return info;
}

static void test_create(void)
{
    LARGE_INTEGER size = { .QuadPart = PAGE };
    HANDLE h = NULL;
    NTSTATUS status;

    status = pNtCreateSection(&h, SECTION_ALL_ACCESS, NULL, NULL, PAGE_READWRITE, SEC_COMMIT, NULL);
    ok(status == STATUS_INVALID_PARAMETER, "pagefile section without a size: %#lx\n", status);
    status = pNtCreateSection(&h, SECTION_ALL_ACCESS, NULL, &size, PAGE_READWRITE, 0, NULL);
    ok(status == STATUS_INVALID_PARAMETER, "no SEC_ kind: %#lx\n", status);
    status = pNtCreateSection(&h, SECTION_ALL_ACCESS, NULL, &size, PAGE_READONLY, SEC_IMAGE, NULL);
    ok(status == STATUS_INVALID_FILE_FOR_SECTION, "SEC_IMAGE without a file: %#lx\n", status);
    h = pagefile_section(PAGE_READWRITE, SEC_COMMIT, PAGE);
    pNtClose(h);
}

static void test_map_rules(void)
{
    HANDLE h = pagefile_section(PAGE_READWRITE, SEC_COMMIT, 4 * GRANULARITY), ro;
    void *base = NULL, *base2;
    SIZE_T size = 0;
    NTSTATUS status;

    /* a whole-section view */
    status = map(h, &base, 0, 0, &size, VIEW_SHARE, 0, PAGE_READWRITE);
    ok(!status && size == 4 * GRANULARITY, "map: %#lx %p %#Ix\n", status, base, size);
    pNtUnmapViewOfSection(GetCurrentProcess(), base);

    /* the size is rounded up to pages */
    base = NULL; size = 100;
    status = map(h, &base, 0, GRANULARITY, &size, VIEW_UNMAP, 0, PAGE_READONLY);
    ok(!status && size == PAGE, "100 bytes at 64 KiB: %#lx %#Ix\n", status, size);
    ok(query(base).Type == MEM_MAPPED && query(base).RegionSize == PAGE, "view type %#lx size %#Ix\n",
       query(base).Type, query(base).RegionSize);
    status = pNtUnmapViewOfSection(GetCurrentProcess(), (char *)base + 16);
    ok(!status, "unmap from inside the view: %#lx\n", status);
    status = pNtUnmapViewOfSection(GetCurrentProcess(), base);
    ok(status == STATUS_NOT_MAPPED_VIEW, "second unmap: %#lx\n", status);

    /* alignment of the offset and of a chosen base */
    base = NULL; size = PAGE;
    status = map(h, &base, 0, PAGE, &size, VIEW_SHARE, 0, PAGE_READWRITE);
    ok(status == STATUS_MAPPED_ALIGNMENT, "offset 4 KiB: %#lx\n", status);
    base = VirtualAlloc(NULL, 2 * GRANULARITY, MEM_RESERVE, PAGE_NOACCESS);
    VirtualFree(base, 0, MEM_RELEASE);
    base2 = (char *)base + PAGE; size = PAGE;
    status = map(h, &base2, 0, 0, &size, VIEW_SHARE, 0, PAGE_READWRITE);
    ok(status == STATUS_MAPPED_ALIGNMENT, "base 4 KiB past 64 KiB: %#lx\n", status);
    base2 = base; size = PAGE;
    status = map(h, &base2, 0, 0, &size, VIEW_SHARE, 0, PAGE_READWRITE);
    ok(!status && base2 == base, "at a chosen base: %#lx %p %p\n", status, base2, base);
    void *same = base; size = PAGE;
    status = map(h, &same, 0, 0, &size, VIEW_SHARE, 0, PAGE_READWRITE);
    ok(status == STATUS_CONFLICTING_ADDRESSES, "over a view: %#lx\n", status);
    pNtUnmapViewOfSection(GetCurrentProcess(), base2);

    /* sizes past the end, bad dispositions, top-down and zero bits */
    base = NULL; size = 4 * GRANULARITY + 1;
    status = map(h, &base, 0, 0, &size, VIEW_SHARE, 0, PAGE_READWRITE);
    ok(status == STATUS_INVALID_VIEW_SIZE, "view past the end: %#lx\n", status);
    base = NULL; size = 0;
    status = map(h, &base, 0, 0, &size, VIEW_SHARE, MEM_TOP_DOWN, PAGE_READWRITE);
    ok(!status, "MEM_TOP_DOWN: %#lx\n", status);
    pNtUnmapViewOfSection(GetCurrentProcess(), base);
    base = NULL; size = 0;
    status = map(h, &base, 1, 0, &size, VIEW_SHARE, 0, PAGE_READWRITE);
    ok(!status && (ULONG_PTR)base + size <= 0x80000000, "zero bits 1: %#lx %p\n", status, base);
    pNtUnmapViewOfSection(GetCurrentProcess(), base);

    /* the view's protection must fit the section's: Wine checks only the
       handle's access and maps a writable view of a read-only section */
    ro = pagefile_section(PAGE_READONLY, SEC_COMMIT, PAGE);
    base = NULL; size = 0;
    status = map(ro, &base, 0, 0, &size, VIEW_SHARE, 0, PAGE_READWRITE);
    todo_wine(status == STATUS_SECTION_PROTECTION, "read-write view of a read-only section: %#lx\n", status);
    if (!status) pNtUnmapViewOfSection(GetCurrentProcess(), base);
    base = NULL; size = 0;
    status = map(ro, &base, 0, 0, &size, VIEW_SHARE, 0, PAGE_WRITECOPY);
    ok(!status, "copy-on-write view of a read-only section: %#lx\n", status);
    pNtUnmapViewOfSection(GetCurrentProcess(), base);
    pNtClose(ro);

    /* ... and the handle's access */
    ok(DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &ro, SECTION_MAP_READ | SECTION_QUERY, FALSE, 0),
       "DuplicateHandle failed: %lu\n", GetLastError());
    base = NULL; size = 0;
    status = map(ro, &base, 0, 0, &size, VIEW_SHARE, 0, PAGE_READWRITE);
    ok(status == STATUS_ACCESS_DENIED, "write view through a read handle: %#lx\n", status);
    base = NULL; size = 0;
    status = map(ro, &base, 0, 0, &size, VIEW_SHARE, 0, PAGE_READONLY);
    ok(!status, "read view through a read handle: %#lx\n", status);
    pNtUnmapViewOfSection(GetCurrentProcess(), base);
    pNtClose(ro);
    pNtClose(h);

    status = pNtUnmapViewOfSection(GetCurrentProcess(), &size);
    ok(status == STATUS_NOT_MAPPED_VIEW, "unmap of the stack: %#lx\n", status);
}

/* SEC_RESERVE views start reserved; NtAllocateVirtualMemory commits them */
static void test_reserve(void)
{
    HANDLE h = pagefile_section(PAGE_READWRITE, SEC_RESERVE, 4 * PAGE);
    void *base = NULL, *p;
    SIZE_T size = 0, len;
    NTSTATUS status;

    status = map(h, &base, 0, 0, &size, VIEW_SHARE, 0, PAGE_READWRITE);
    ok(!status, "map: %#lx\n", status);
    MEMORY_BASIC_INFORMATION info = query(base);
    ok(info.State == MEM_RESERVE && info.Type == MEM_MAPPED && info.RegionSize == 4 * PAGE,
       "reserved view: state %#lx type %#lx size %#Ix\n", info.State, info.Type, info.RegionSize);
    p = (char *)base + PAGE; len = PAGE;
    status = pNtAllocateVirtualMemory(GetCurrentProcess(), &p, 0, &len, MEM_COMMIT, PAGE_READWRITE);
    ok(!status, "commit in the view: %#lx\n", status);
    info = query((char *)base + PAGE);
    ok(info.State == MEM_COMMIT && info.Protect == PAGE_READWRITE && info.RegionSize == PAGE &&
       info.AllocationBase == base, "committed page: %#lx %#lx %#Ix %p\n", info.State, info.Protect,
       info.RegionSize, info.AllocationBase);
    *(int *)((char *)base + PAGE) = 42;
    ok(query(base).State == MEM_RESERVE, "first page: %#lx\n", query(base).State);
    pNtUnmapViewOfSection(GetCurrentProcess(), base);
    pNtClose(h);
}

static void test_protect(void)
{
    HANDLE h = pagefile_section(PAGE_READONLY, SEC_COMMIT, 2 * PAGE);
    void *base = NULL, *p;
    SIZE_T size = 0, len;
    ULONG old;
    NTSTATUS status;

    map(h, &base, 0, 0, &size, VIEW_SHARE, 0, PAGE_READONLY);
    p = base; len = PAGE;
    status = pNtProtectVirtualMemory(GetCurrentProcess(), &p, &len, PAGE_READWRITE, &old);
    ok(status == STATUS_INVALID_PAGE_PROTECTION, "read-write in a read-only section's view: %#lx\n", status);
    p = base; len = PAGE;
    status = pNtProtectVirtualMemory(GetCurrentProcess(), &p, &len, PAGE_NOACCESS, &old);
    ok(!status && old == PAGE_READONLY, "PAGE_NOACCESS: %#lx, old %#lx\n", status, old);
    ok(query(base).Protect == PAGE_NOACCESS && query((char *)base + PAGE).Protect == PAGE_READONLY,
       "protections %#lx %#lx\n", query(base).Protect, query((char *)base + PAGE).Protect);
    pNtUnmapViewOfSection(GetCurrentProcess(), base);
    pNtClose(h);
}

static void test_query_open_flush(void)
{
    HANDLE h = pagefile_section(PAGE_READWRITE, SEC_COMMIT, 100), h2 = NULL;
    SECTION_BASIC_INFO info;
    IO_STATUS_BLOCK io;
    UNICODE_STRING name;
    OBJECT_ATTRIBUTES attr;
    WCHAR buf[64];
    SIZE_T len = 0;
    void *p;
    NTSTATUS status;
    char image_info[64];

    status = pNtQuerySection(h, 0, &info, sizeof(info), &len);
    ok(!status && info.Size.QuadPart == PAGE && info.Attributes == SEC_COMMIT,
       "100-byte section: %#lx size %#I64x attributes %#lx\n", status, info.Size.QuadPart, info.Attributes);
    status = pNtQuerySection(h, 1, image_info, sizeof(image_info), &len);
    ok(status == STATUS_SECTION_NOT_IMAGE, "image information of a data section: %#lx\n", status);
    if (pNtExtendSection)
    {
        LARGE_INTEGER size = { .QuadPart = 2 * PAGE };
        status = pNtExtendSection(h, &size);
        ok(status == STATUS_SECTION_NOT_EXTENDED, "extending a pagefile section: %#lx\n", status);
    }
    pNtClose(h);

    /* named sections */
    _snwprintf(buf, 64, L"\\BaseNamedObjects\\wlx-nt-section-%lu", GetCurrentProcessId());
    name.Buffer = buf;
    name.Length = name.MaximumLength = (USHORT)(wcslen(buf) * sizeof(WCHAR));
    InitializeObjectAttributes(&attr, &name, 0, NULL, NULL);
    status = pNtOpenSection(&h2, SECTION_MAP_READ, &attr);
    ok(status == STATUS_OBJECT_NAME_NOT_FOUND, "open before create: %#lx\n", status);
    LARGE_INTEGER max = { .QuadPart = PAGE };
    status = pNtCreateSection(&h, SECTION_ALL_ACCESS, &attr, &max, PAGE_READWRITE, SEC_COMMIT, NULL);
    ok(!status, "named create: %#lx\n", status);
    status = pNtCreateSection(&h2, SECTION_ALL_ACCESS, &attr, &max, PAGE_READWRITE, SEC_COMMIT, NULL);
    ok(status == STATUS_OBJECT_NAME_COLLISION, "second create: %#lx\n", status);
    attr.Attributes = OBJ_OPENIF;
    status = pNtCreateSection(&h2, SECTION_ALL_ACCESS, &attr, &max, PAGE_READWRITE, SEC_COMMIT, NULL);
    ok(status == STATUS_OBJECT_NAME_EXISTS, "second create with OBJ_OPENIF: %#lx\n", status);
    if (status == STATUS_OBJECT_NAME_EXISTS) pNtClose(h2);
    status = pNtOpenSection(&h2, SECTION_MAP_READ, &attr);
    ok(!status, "open: %#lx\n", status);
    status = pNtQuerySection(h2, 0, &info, sizeof(info), &len);
    ok(status == STATUS_ACCESS_DENIED, "query without SECTION_QUERY: %#lx\n", status);
    pNtClose(h2);
    pNtClose(h);

    /* flushing a view */
    h = pagefile_section(PAGE_READWRITE, SEC_COMMIT, 2 * PAGE);
    p = NULL; len = 0;
    map(h, &p, 0, 0, &len, VIEW_SHARE, 0, PAGE_READWRITE);
    void *addr = (char *)p + 10;
    len = 5;
    status = pNtFlushVirtualMemory(GetCurrentProcess(), &addr, &len, &io);
    ok(!status && addr == p, "flush: %#lx %p\n", status, addr);
    pNtUnmapViewOfSection(GetCurrentProcess(), p);
    pNtClose(h);
}

/* a file section that may write grows with NtExtendSection, file and all */
static void test_extend_file(void)
{
    WCHAR dir[MAX_PATH], path[MAX_PATH];
    HANDLE file, h = NULL;
    LARGE_INTEGER size = { .QuadPart = 0 }, fsize;
    SECTION_BASIC_INFO info;
    NTSTATUS status;

    if (!pNtExtendSection)
    {
        skip("no NtExtendSection\n");
        return;
    }
    GetTempPathW(MAX_PATH, dir);
    _snwprintf(path, MAX_PATH, L"%lswlx-nt-section-%lu.bin", dir, GetCurrentProcessId());
    file = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    WriteFile(file, "abc", 3, (DWORD *)&fsize.LowPart, NULL);
    status = pNtCreateSection(&h, SECTION_ALL_ACCESS, NULL, NULL, PAGE_READWRITE, SEC_COMMIT, file);
    ok(!status, "file section: %#lx\n", status);
    size.QuadPart = 3 * PAGE;
    status = pNtExtendSection(h, &size);
    ok(!status, "extend: %#lx\n", status);
    ok(GetFileSizeEx(file, &fsize) && fsize.QuadPart == 3 * PAGE, "file size %I64d\n", fsize.QuadPart);
    pNtQuerySection(h, 0, &info, sizeof(info), NULL);
    ok(info.Size.QuadPart == 3 * PAGE, "section size %#I64x\n", info.Size.QuadPart);
    size.QuadPart = 10;
    status = pNtExtendSection(h, &size);
    ok(!status && size.QuadPart == 3 * PAGE, "shrink: %#lx, size %#I64x\n", status, size.QuadPart);
    pNtClose(h);
    CloseHandle(file);
    DeleteFileW(path);
}

/* MEM_RESERVE lets a view of a data file's section be larger than the
   section: the file's pages are committed, the rest reserved; once the file
   has grown, committing that part shows the file's new pages. LMDB maps
   its whole map size over a database file of two pages so. */
static void test_reserve_beyond_file(void)
{
    WCHAR dir[MAX_PATH], path[MAX_PATH];
    HANDLE file, h = NULL;
    LARGE_INTEGER off = { .QuadPart = 0 };
    MEMORY_BASIC_INFORMATION mbi;
    SIZE_T size = 16 * GRANULARITY, commit;
    char buf[2 * PAGE], *view = NULL;
    void *addr;
    DWORD done;
    NTSTATUS status;

    GetTempPathW(MAX_PATH, dir);
    _snwprintf(path, MAX_PATH, L"%lswlx-nt-section-big-%lu.bin", dir, GetCurrentProcessId());
    file = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, CREATE_ALWAYS, 0, NULL);
    memset(buf, 'a', sizeof(buf));
    WriteFile(file, buf, sizeof(buf), &done, NULL);
    status = pNtCreateSection(&h, SECTION_MAP_READ, NULL, NULL, PAGE_READWRITE, SEC_RESERVE, file);
    ok(!status, "file section: %#lx\n", status);

    status = pNtMapViewOfSection(h, GetCurrentProcess(), (void **)&view, 0, 0, NULL, &size, VIEW_UNMAP, 0, PAGE_READONLY);
    ok(status == STATUS_INVALID_VIEW_SIZE && !view, "larger than the section without MEM_RESERVE: %#lx\n", status);
    size = 16 * GRANULARITY;
    status = pNtMapViewOfSection(h, GetCurrentProcess(), (void **)&view, 0, 0, NULL, &size, VIEW_UNMAP, MEM_RESERVE,
                                 PAGE_READONLY);
    /* Wine 8 refuses it (STATUS_INVALID_VIEW_SIZE); Windows maps it, which
       LMDB's Windows build relies on */
    todo_wine(!status && view && size == 16 * GRANULARITY, "with MEM_RESERVE: %#lx, size %#Ix\n", status, size);
    pNtClose(h);
    if (status) goto done;
    ok(view[0] == 'a' && view[2 * PAGE - 1] == 'a', "the file's pages are there\n");
    VirtualQuery(view, &mbi, sizeof(mbi));
    ok(mbi.State == MEM_COMMIT && mbi.Type == MEM_MAPPED && mbi.RegionSize == 2 * PAGE && mbi.Protect == PAGE_READONLY,
       "the file's part: state %#lx type %#lx size %#Ix protect %#lx\n", mbi.State, mbi.Type, mbi.RegionSize, mbi.Protect);
    VirtualQuery(view + 2 * PAGE, &mbi, sizeof(mbi));
    ok(mbi.State == MEM_RESERVE && mbi.Type == MEM_MAPPED && mbi.RegionSize == 16 * GRANULARITY - 2 * PAGE,
       "the rest: state %#lx type %#lx size %#Ix\n", mbi.State, mbi.Type, mbi.RegionSize);

    /* the file grows (as LMDB grows it), then the view's next pages are committed */
    off.QuadPart = 4 * PAGE;
    SetFilePointerEx(file, off, NULL, FILE_BEGIN);
    memset(buf, 'b', sizeof(buf));
    ok(WriteFile(file, buf, sizeof(buf), &done, NULL), "write beyond the section: %lu\n", GetLastError());
    addr = view + 2 * PAGE;
    commit = 4 * PAGE;
    status = pNtAllocateVirtualMemory(GetCurrentProcess(), &addr, 0, &commit, MEM_COMMIT, PAGE_READONLY);
    ok(!status, "commit the view's next pages: %#lx\n", status);
    ok(!status && view[2 * PAGE] == 0 && view[4 * PAGE] == 'b' && view[6 * PAGE - 1] == 'b', "they show the file's new pages\n");
    VirtualQuery(view + 2 * PAGE, &mbi, sizeof(mbi));
    ok(mbi.State == MEM_COMMIT && mbi.RegionSize == 4 * PAGE, "committed: state %#lx size %#Ix\n", mbi.State, mbi.RegionSize);
    pNtUnmapViewOfSection(GetCurrentProcess(), view);
done:
    CloseHandle(file);
    DeleteFileW(path);
}

int main(void)
{
    test_start("ntdll:section");
    if (!load_functions())
    {
        skip("section functions missing\n");
        return test_summary();
    }
    test_create();
    test_map_rules();
    test_reserve();
    test_protect();
    test_query_open_flush();
    test_extend_file();
    test_reserve_beyond_file();
    return test_summary();
}
