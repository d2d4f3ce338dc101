/*
 * tests/kernel32/mapping.c — file mappings: pagefile- and file-backed
 * CreateFileMapping, views (MapViewOfFile*, UnmapViewOfFile, FlushViewOfFile)
 * sharing bytes with each other and with ReadFile/WriteFile, copy-on-write
 * and read-only views, size and alignment errors, FILE_MAP_* access rules,
 * named mappings (in this process and from a child process), VirtualQuery
 * of a view, and NtQuerySection/NtExtendSection.
 */
#include "test.h"
#include <winternl.h>
#include <ntstatus.h>

#define PAGE 0x1000
#define GRANULARITY 0x10000

static WCHAR temp_dir[MAX_PATH];

/* a fresh file in the temp folder holding size bytes of (i * 7) & 0xff */
static HANDLE make_file(const WCHAR *name, DWORD size, DWORD access, WCHAR *path)
{
    HANDLE h;
    _snwprintf(path, MAX_PATH, L"%lswlx-map-%lu-%ls", temp_dir, GetCurrentProcessId(), name);
    h = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, CREATE_ALWAYS, 0, NULL);
    ok(h != INVALID_HANDLE_VALUE, "CreateFileW %ls: %lu\n", path, GetLastError());
    for (DWORD i = 0; i < size; i++)
    {
        BYTE b = (BYTE)(i * 7);
        DWORD done;
        if (!WriteFile(h, &b, 1, &done, NULL)) break;
    }
    if (access == (GENERIC_READ | GENERIC_WRITE)) return h;
    CloseHandle(h);
    h = CreateFileW(path, access, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    ok(h != INVALID_HANDLE_VALUE, "reopening %ls: %lu\n", path, GetLastError());
    return h;
}

static BOOL read_at(HANDLE file, DWORD offset, void *buf, DWORD len)
{
    OVERLAPPED ov = { 0 };
    DWORD done = 0;
    ov.Offset = offset;
    return ReadFile(file, buf, len, &done, &ov) && done == len;
}

static BOOL write_at(HANDLE file, DWORD offset, const void *buf, DWORD len)
{
    OVERLAPPED ov = { 0 };
    DWORD done = 0;
    ov.Offset = offset;
    return WriteFile(file, buf, len, &done, &ov) && done == len;
}

static MEMORY_BASIC_INFORMATION query(const void *addr)
{
    MEMORY_BASIC_INFORMATION info;
    memset(&info, 0xcc, sizeof(info));
    if (VirtualQuery(addr, &info, sizeof(info)) != sizeof(info)) memset(&info, 0, sizeof(info));
    return info;
}

/* CreateFileMappingW must fail with error */
static void create_fails_(int line, HANDLE file, DWORD protect, DWORD size, DWORD error, const char *what)
{
    HANDLE map;
    SetLastError(0xdeadbeef);
    map = CreateFileMappingW(file, NULL, protect, 0, size, NULL);
    test_ok_(0, __FILE__, line, !map && GetLastError() == error, "%s: %p, error %lu\n", what, map, GetLastError());
    if (map) CloseHandle(map);
}
#define create_fails(...) create_fails_(__LINE__, __VA_ARGS__)

/* MapViewOfFileEx must fail with error */
static void view_fails_(int line, HANDLE map, DWORD access, DWORD offset, SIZE_T size, void *base, DWORD error,
                        const char *what)
{
    void *v;
    SetLastError(0xdeadbeef);
    v = MapViewOfFileEx(map, access, 0, offset, size, base);
    test_ok_(0, __FILE__, line, !v && GetLastError() == error, "%s: %p, error %lu\n", what, v, GetLastError());
    if (v) UnmapViewOfFile(v);
}
#define view_fails(...) view_fails_(__LINE__, __VA_ARGS__)

/* --- writing to memory that may fault -------------------------------------------
   probe_write stores one byte at *p and returns 1; when the store faults, the
   vectored handler skips it and the function returns 0. */
extern void *probe_store_insn, *probe_done_insn;
int probe_write(volatile char *p);
__asm__(".text\n"
        ".globl probe_write\n"
        "probe_write:\n"
        "    movl $1, %eax\n"
        "probe_store:\n"
        "    movb $0x5a, (%rcx)\n"
        "probe_done:\n"
        "    ret\n"
        ".data\n"
        ".globl probe_store_insn\n"
        "probe_store_insn: .quad probe_store\n"
        ".globl probe_done_insn\n"
        "probe_done_insn: .quad probe_done\n"
        ".text\n");

static EXCEPTION_RECORD fault;

static LONG CALLBACK probe_handler(EXCEPTION_POINTERS *ep)
{
    if ((void *)ep->ContextRecord->Rip != probe_store_insn) return EXCEPTION_CONTINUE_SEARCH;
    fault = *ep->ExceptionRecord;
    ep->ContextRecord->Rax = 0;
    ep->ContextRecord->Rip = (ULONG_PTR)probe_done_insn;
    return EXCEPTION_CONTINUE_EXECUTION;
}

/* --- pagefile-backed mappings ----------------------------------------------------- */

static void test_pagefile(void)
{
    HANDLE map;
    char *v1, *v2;

    SetLastError(0xdeadbeef);
    map = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 0x20000, NULL);
    ok(map != NULL, "CreateFileMappingW failed: %lu\n", GetLastError());
    ok(GetLastError() == 0, "last error %lu\n", GetLastError());
    v1 = MapViewOfFile(map, FILE_MAP_WRITE, 0, 0, 0);
    v2 = MapViewOfFile(map, FILE_MAP_READ, 0, 0, 0);
    ok(v1 && v2 && v1 != v2, "views %p %p: %lu\n", v1, v2, GetLastError());
    if (!v1 || !v2) return;
    ok(!((ULONG_PTR)v1 & (GRANULARITY - 1)) && !((ULONG_PTR)v2 & (GRANULARITY - 1)), "views %p %p not aligned\n", v1, v2);
    ok(v1[0] == 0 && v1[0x1ffff] == 0, "new mapping not zeroed\n");
    strcpy(v1 + 0x10000, "two views, one section");
    ok(!strcmp(v2 + 0x10000, "two views, one section"), "second view sees \"%.22s\"\n", v2 + 0x10000);

    /* the second view, 64 KiB in */
    char *v3 = MapViewOfFile(map, FILE_MAP_READ, 0, 0x10000, 0x100);
    ok(v3 && !strcmp(v3, "two views, one section"), "view at offset 64 KiB: %p\n", v3);
    UnmapViewOfFile(v3);

    ok(UnmapViewOfFile(v1), "UnmapViewOfFile failed: %lu\n", GetLastError());
    ok(UnmapViewOfFile(v2 + 5), "UnmapViewOfFile inside the view failed: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!UnmapViewOfFile(v1), "second UnmapViewOfFile succeeded\n");
    ok(GetLastError() == ERROR_INVALID_ADDRESS, "last error %lu\n", GetLastError());
    CloseHandle(map);

    /* bad handles and addresses */
    HANDLE ev = CreateEventW(NULL, FALSE, FALSE, NULL);
    view_fails(NULL, FILE_MAP_READ, 0, 0, NULL, ERROR_INVALID_HANDLE, "NULL mapping");
    view_fails(ev, FILE_MAP_READ, 0, 0, NULL, ERROR_INVALID_HANDLE, "an event as mapping");
    create_fails(ev, PAGE_READONLY, 0, ERROR_INVALID_HANDLE, "an event as file");
    CloseHandle(ev);
    SetLastError(0xdeadbeef);
    ok(!UnmapViewOfFile(NULL) && GetLastError() == ERROR_INVALID_ADDRESS, "UnmapViewOfFile(NULL): %lu\n",
       GetLastError());

    create_fails(INVALID_HANDLE_VALUE, PAGE_READWRITE, 0, ERROR_INVALID_PARAMETER, "size 0");
    create_fails(INVALID_HANDLE_VALUE, PAGE_NOACCESS, PAGE, ERROR_INVALID_PARAMETER, "PAGE_NOACCESS");
}

/* --- VirtualQuery, VirtualProtect, VirtualFree on a view ------------------------------ */

static void test_query_view(void)
{
    HANDLE map = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 0x5800, NULL);
    MEMORY_BASIC_INFORMATION info;
    DWORD old;
    char *v;

    ok(map != NULL, "CreateFileMappingW failed: %lu\n", GetLastError());
    v = MapViewOfFile(map, FILE_MAP_WRITE, 0, 0, 0);
    ok(v != NULL, "MapViewOfFile failed: %lu\n", GetLastError());
    if (!v) return;
    info = query(v + PAGE + 12);
    ok(info.BaseAddress == v + PAGE, "BaseAddress %p\n", info.BaseAddress);
    ok(info.AllocationBase == v, "AllocationBase %p, expected %p\n", info.AllocationBase, v);
    ok(info.AllocationProtect == PAGE_READWRITE, "AllocationProtect %#lx\n", info.AllocationProtect);
    ok(info.RegionSize == 0x6000 - PAGE, "RegionSize %#Ix (the view is rounded up to pages)\n", info.RegionSize);
    ok(info.State == MEM_COMMIT, "State %#lx\n", info.State);
    ok(info.Protect == PAGE_READWRITE, "Protect %#lx\n", info.Protect);
    ok(info.Type == MEM_MAPPED, "Type %#lx\n", info.Type);

    ok(VirtualProtect(v + PAGE, PAGE, PAGE_READONLY, &old), "VirtualProtect failed: %lu\n", GetLastError());
    ok(old == PAGE_READWRITE, "old protection %#lx\n", old);
    info = query(v);
    ok(info.RegionSize == PAGE && info.Protect == PAGE_READWRITE, "first page: %#Ix %#lx\n", info.RegionSize, info.Protect);
    info = query(v + PAGE);
    ok(info.RegionSize == PAGE && info.Protect == PAGE_READONLY, "second page: %#Ix %#lx\n", info.RegionSize, info.Protect);
    ok(info.AllocationProtect == PAGE_READWRITE && info.Type == MEM_MAPPED, "second page: %#lx %#lx\n",
       info.AllocationProtect, info.Type);

    /* views are not VirtualAlloc's: VirtualFree refuses them */
    SetLastError(0xdeadbeef);
    ok(!VirtualFree(v, 0, MEM_RELEASE), "VirtualFree of a view succeeded\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "last error %lu\n", GetLastError());
    ok(query(v).Type == MEM_MAPPED, "view gone after VirtualFree\n");
    UnmapViewOfFile(v);
    ok(query(v).State == MEM_FREE, "unmapped view: state %#lx\n", query(v).State);

    v = MapViewOfFile(map, FILE_MAP_READ, 0, 0, PAGE);
    info = query(v);
    ok(info.Protect == PAGE_READONLY && info.AllocationProtect == PAGE_READONLY && info.RegionSize == PAGE,
       "read view: %#lx %#lx %#Ix\n", info.Protect, info.AllocationProtect, info.RegionSize);
    UnmapViewOfFile(v);
    v = MapViewOfFile(map, FILE_MAP_COPY, 0, 0, 0);
    info = query(v);
    ok(info.Protect == PAGE_WRITECOPY && info.Type == MEM_MAPPED, "copy view: %#lx %#lx\n", info.Protect, info.Type);
    UnmapViewOfFile(v);
    CloseHandle(map);
}

/* --- file-backed mappings ---------------------------------------------------------- */

static void test_file_backed(void)
{
    WCHAR path[MAX_PATH];
    HANDLE file = make_file(L"shared.bin", 3 * PAGE, GENERIC_READ | GENERIC_WRITE, path), map;
    char buf[16], *v;
    BOOL same = TRUE;

    map = CreateFileMappingW(file, NULL, PAGE_READWRITE, 0, 0, NULL);
    ok(map != NULL, "CreateFileMappingW failed: %lu\n", GetLastError());
    v = MapViewOfFile(map, FILE_MAP_ALL_ACCESS, 0, 0, 0);
    ok(v != NULL, "MapViewOfFile failed: %lu\n", GetLastError());
    if (!v) goto done;
    for (int i = 0; i < 3 * PAGE; i++) if ((BYTE)v[i] != (BYTE)(i * 7)) same = FALSE;
    ok(same, "the view does not hold the file's bytes\n");
    ok(query(v).RegionSize == 3 * PAGE, "view size %#Ix\n", query(v).RegionSize);

    /* WriteFile shows in the view at once */
    ok(write_at(file, 100, "hello", 5), "WriteFile failed: %lu\n", GetLastError());
    ok(!memcmp(v + 100, "hello", 5), "view sees \"%.5s\"\n", v + 100);
    /* and the view's writes show in ReadFile */
    memcpy(v + PAGE + 3, "world", 5);
    ok(FlushViewOfFile(v + PAGE, 16), "FlushViewOfFile failed: %lu\n", GetLastError());
    ok(read_at(file, PAGE + 3, buf, 5) && !memcmp(buf, "world", 5), "ReadFile sees \"%.5s\"\n", buf);
    memcpy(v + 2 * PAGE, "after unmap", 11);
    ok(UnmapViewOfFile(v), "UnmapViewOfFile failed: %lu\n", GetLastError());
    ok(read_at(file, 2 * PAGE, buf, 11) && !memcmp(buf, "after unmap", 11), "ReadFile sees \"%.11s\"\n", buf);
    /* flushing memory that is not a view of a file is no error */
    ok(FlushViewOfFile(buf, 4), "FlushViewOfFile of the stack failed: %lu\n", GetLastError());
done:
    CloseHandle(map);
    CloseHandle(file);
    DeleteFileW(path);
}

static void test_copy_on_write(void)
{
    WCHAR path[MAX_PATH];
    HANDLE file = make_file(L"cow.bin", PAGE, GENERIC_READ, path), map;
    char buf[8], *cow, *shared;

    /* a read-only mapping of a read-only file still gives copy-on-write views */
    map = CreateFileMappingW(file, NULL, PAGE_READONLY, 0, 0, NULL);
    ok(map != NULL, "CreateFileMappingW failed: %lu\n", GetLastError());
    cow = MapViewOfFile(map, FILE_MAP_COPY, 0, 0, 0);
    shared = MapViewOfFile(map, FILE_MAP_READ, 0, 0, 0);
    ok(cow && shared, "views %p %p: %lu\n", cow, shared, GetLastError());
    if (!cow || !shared) goto done;
    memcpy(cow, "private", 7);
    ok(!memcmp(cow, "private", 7), "copy-on-write view lost its write\n");
    ok(shared[0] == 0 && shared[1] == 7, "the other view sees the private write\n");
    ok(read_at(file, 0, buf, 7) && buf[1] == 7, "the file got the private write\n");
    UnmapViewOfFile(cow);
    UnmapViewOfFile(shared);
done:
    CloseHandle(map);
    CloseHandle(file);
    DeleteFileW(path);
}

static void test_read_only(void)
{
    WCHAR path[MAX_PATH];
    HANDLE file = make_file(L"ro.bin", PAGE, GENERIC_READ, path), map;
    char *v;
    void *handler;

    /* writing needs a file opened for writing */
    create_fails(file, PAGE_READWRITE, 0, ERROR_ACCESS_DENIED, "PAGE_READWRITE on a read-only file");
    map = CreateFileMappingW(file, NULL, PAGE_READONLY, 0, 0, NULL);
    ok(map != NULL, "CreateFileMappingW failed: %lu\n", GetLastError());

    view_fails(map, FILE_MAP_WRITE, 0, 0, NULL, ERROR_ACCESS_DENIED, "write view of a read-only mapping");
    v = MapViewOfFile(map, FILE_MAP_READ, 0, 0, 0);
    ok(v != NULL, "MapViewOfFile failed: %lu\n", GetLastError());
    if (!v) goto done;
    ok(v[1] == 7, "view holds %d\n", v[1]);

    handler = AddVectoredExceptionHandler(1, probe_handler);
    memset(&fault, 0, sizeof(fault));
    ok(!probe_write(v + 10), "writing to a read-only view did not fault\n");
    ok(fault.ExceptionCode == EXCEPTION_ACCESS_VIOLATION, "exception %#lx\n", fault.ExceptionCode);
    ok(fault.NumberParameters == 2 && fault.ExceptionInformation[0] == 1 &&
       fault.ExceptionInformation[1] == (ULONG_PTR)(v + 10), "parameters %lu: %Iu %#Ix\n", fault.NumberParameters,
       fault.ExceptionInformation[0], fault.ExceptionInformation[1]);
    ok(v[10] == 70, "the byte changed to %d\n", v[10]);
    RemoveVectoredExceptionHandler(handler);
    UnmapViewOfFile(v);
done:
    CloseHandle(map);
    CloseHandle(file);
    DeleteFileW(path);
}

/* --- sizes, offsets and alignment -------------------------------------------------- */

static void test_sizes(void)
{
    WCHAR path[MAX_PATH], path2[MAX_PATH];
    HANDLE empty = make_file(L"empty.bin", 0, GENERIC_READ | GENERIC_WRITE, path), file, map;
    LARGE_INTEGER size;
    char *v;

    /* an empty file cannot be mapped at its own size */
    create_fails(empty, PAGE_READONLY, 0, ERROR_FILE_INVALID, "empty file");
    create_fails(empty, PAGE_READWRITE, 0, ERROR_FILE_INVALID, "empty file, read-write");
    /* a read-only section cannot be larger than its file ... */
    create_fails(empty, PAGE_READONLY, PAGE, ERROR_NOT_ENOUGH_MEMORY, "too big");
    /* ... a writable one extends the file */
    map = CreateFileMappingW(empty, NULL, PAGE_READWRITE, 0, 5000, NULL);
    ok(map != NULL, "CreateFileMappingW failed: %lu\n", GetLastError());
    ok(GetFileSizeEx(empty, &size) && size.QuadPart == 5000, "file size %I64d\n", size.QuadPart);
    CloseHandle(map);
    CloseHandle(empty);
    DeleteFileW(path);

    file = make_file(L"sizes.bin", 0x20000, GENERIC_READ | GENERIC_WRITE, path2);
    map = CreateFileMappingW(file, NULL, PAGE_READWRITE, 0, 0, NULL);
    ok(map != NULL, "CreateFileMappingW failed: %lu\n", GetLastError());
    /* offsets go by the 64 KiB allocation granularity */
    view_fails(map, FILE_MAP_READ, PAGE, PAGE, NULL, ERROR_MAPPED_ALIGNMENT, "offset 4 KiB");
    v = MapViewOfFile(map, FILE_MAP_READ, 0, GRANULARITY, PAGE);
    ok(v && (BYTE)v[0] == (BYTE)(GRANULARITY * 7) && (BYTE)v[1] == (BYTE)(GRANULARITY * 7 + 7),
       "offset 64 KiB: %p\n", v);
    UnmapViewOfFile(v);
    /* a view cannot reach past the section */
    view_fails(map, FILE_MAP_READ, 0, 0x20001, NULL, ERROR_ACCESS_DENIED, "view too big");
    view_fails(map, FILE_MAP_READ, 0x20000, 0, NULL, ERROR_INVALID_PARAMETER, "offset at the end");
    v = MapViewOfFile(map, FILE_MAP_READ, 0, 0x10000, 0);
    ok(v && query(v).RegionSize == 0x10000, "view to the end: %p %#Ix\n", v, query(v).RegionSize);
    UnmapViewOfFile(v);

    /* a chosen address: taken as given, and 64 KiB aligned */
    v = VirtualAlloc(NULL, 0x40000, MEM_RESERVE, PAGE_NOACCESS);
    VirtualFree(v, 0, MEM_RELEASE);
    char *at = MapViewOfFileEx(map, FILE_MAP_READ, 0, 0, 0, v + GRANULARITY);
    ok(at == v + GRANULARITY, "MapViewOfFileEx at %p gave %p: %lu\n", v + GRANULARITY, at, GetLastError());
    view_fails(map, FILE_MAP_READ, 0, 0, v + GRANULARITY, ERROR_INVALID_ADDRESS, "same address twice");
    UnmapViewOfFile(at);
    view_fails(map, FILE_MAP_READ, 0, 0, v + PAGE, ERROR_MAPPED_ALIGNMENT, "unaligned address");
    CloseHandle(map);
    CloseHandle(file);
    DeleteFileW(path2);
}

/* a view 4 GiB into a (sparse) file: 64-bit offsets all the way */
static void test_large_offset(void)
{
    WCHAR path[MAX_PATH];
    HANDLE file = make_file(L"large.bin", 0, GENERIC_READ | GENERIC_WRITE, path), map;
    LARGE_INTEGER end = { .QuadPart = 0x100000000LL + 2 * GRANULARITY };
    OVERLAPPED ov = { 0 };
    DWORD done = 0;
    char buf[8] = { 0 }, *v;

    if (!SetFilePointerEx(file, end, NULL, FILE_BEGIN) || !SetEndOfFile(file))
    {
        skip("no 4 GiB file here: %lu\n", GetLastError());
        CloseHandle(file);
        DeleteFileW(path);
        return;
    }
    map = CreateFileMappingW(file, NULL, PAGE_READWRITE, 0, 0, NULL);
    ok(map != NULL, "CreateFileMappingW failed: %lu\n", GetLastError());
    v = MapViewOfFile(map, FILE_MAP_WRITE, 1, GRANULARITY, PAGE);
    ok(v != NULL, "view at 4 GiB + 64 KiB failed: %lu\n", GetLastError());
    if (v)
    {
        memcpy(v + 5, "far", 3);
        UnmapViewOfFile(v);
        ov.Offset = GRANULARITY + 5;
        ov.OffsetHigh = 1;
        ok(ReadFile(file, buf, 3, &done, &ov) && !memcmp(buf, "far", 3), "ReadFile at 4 GiB sees \"%.3s\"\n", buf);
    }
    CloseHandle(map);
    CloseHandle(file);
    DeleteFileW(path);
}

/* GetMappedFileName: the file's NT name (\Device\HarddiskVolumeN\... on
   Windows, \??\C:\... on Wine: only the end is compared) */
static void test_mapped_name(void)
{
    DWORD (WINAPI *pGetMappedFileNameW)(HANDLE, void *, WCHAR *, DWORD);
    WCHAR path[MAX_PATH], name[MAX_PATH + 64], *slash;
    HANDLE file, map, pagefile;
    char *v, *pv;
    DWORD n;

    pGetMappedFileNameW = (void *)GetProcAddress(GetModuleHandleA("kernel32.dll"), "K32GetMappedFileNameW");
    if (!pGetMappedFileNameW)
    {
        skip("no K32GetMappedFileNameW\n");
        return;
    }
    file = make_file(L"named.bin", PAGE, GENERIC_READ, path);
    map = CreateFileMappingW(file, NULL, PAGE_READONLY, 0, 0, NULL);
    v = MapViewOfFile(map, FILE_MAP_READ, 0, 0, 0);
    ok(v != NULL, "MapViewOfFile failed: %lu\n", GetLastError());
    memset(name, 0, sizeof(name));
    n = pGetMappedFileNameW(GetCurrentProcess(), v + 100, name, ARRAYSIZE(name));
    slash = wcsrchr(path, '\\');
    ok(n && n == (DWORD)lstrlenW(name) && n > (DWORD)lstrlenW(slash) &&
       !lstrcmpiW(name + n - lstrlenW(slash), slash), "GetMappedFileNameW: %lu %ls\n", n, name);
    ok(name[0] == '\\', "not an NT name: %ls\n", name);
    /* a DLL is a view of its file too */
    n = pGetMappedFileNameW(GetCurrentProcess(), GetModuleHandleA("kernel32.dll"), name, ARRAYSIZE(name));
    ok(n > 13 && !lstrcmpiW(name + n - 13, L"\\kernel32.dll"), "GetMappedFileNameW of kernel32: %lu %ls\n", n, name);
    /* memory that is no view of a file */
    n = pGetMappedFileNameW(GetCurrentProcess(), &n, name, ARRAYSIZE(name));
    ok(!n, "GetMappedFileNameW of the stack: %lu\n", n);
    pagefile = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, PAGE, NULL);
    pv = MapViewOfFile(pagefile, FILE_MAP_READ, 0, 0, 0);
    n = pGetMappedFileNameW(GetCurrentProcess(), pv, name, ARRAYSIZE(name));
    ok(!n, "GetMappedFileNameW of a pagefile view: %lu\n", n);
    UnmapViewOfFile(pv);
    CloseHandle(pagefile);
    UnmapViewOfFile(v);
    CloseHandle(map);
    CloseHandle(file);
    DeleteFileW(path);
}

/* the Windows 10 forms, from kernelbase (kernel32 in wlx, through API sets) */
static void test_win10_forms(void)
{
    HANDLE (WINAPI *pCreateFileMapping2)(HANDLE, SECURITY_ATTRIBUTES *, ULONG, ULONG, ULONG, ULONG64, const WCHAR *,
                                         void *, ULONG);
    void *(WINAPI *pMapViewOfFile3)(HANDLE, HANDLE, void *, ULONG64, SIZE_T, ULONG, ULONG, void *, ULONG);
    HMODULE dll = LoadLibraryA("kernelbase.dll");
    HANDLE map;
    char *v, *v2;

    if (!dll) dll = GetModuleHandleA("kernel32.dll");
    pCreateFileMapping2 = (void *)GetProcAddress(dll, "CreateFileMapping2");
    pMapViewOfFile3 = (void *)GetProcAddress(dll, "MapViewOfFile3");
    if (!pCreateFileMapping2 || !pMapViewOfFile3)
    {
        skip("no CreateFileMapping2/MapViewOfFile3\n");
        return;
    }
    map = pCreateFileMapping2(INVALID_HANDLE_VALUE, NULL, FILE_MAP_ALL_ACCESS, PAGE_READWRITE, SEC_COMMIT,
                              2 * GRANULARITY, NULL, NULL, 0);
    ok(map != NULL, "CreateFileMapping2 failed: %lu\n", GetLastError());
    v = pMapViewOfFile3(map, GetCurrentProcess(), NULL, GRANULARITY, PAGE, 0, PAGE_READWRITE, NULL, 0);
    ok(v != NULL, "MapViewOfFile3 failed: %lu\n", GetLastError());
    v2 = MapViewOfFile(map, FILE_MAP_READ, 0, 0, 0);
    if (v && v2)
    {
        strcpy(v, "second half");
        ok(!strcmp(v2 + GRANULARITY, "second half"), "MapViewOfFile3's view is elsewhere in the section\n");
        ok(query(v).RegionSize == PAGE && query(v).Type == MEM_MAPPED, "view %#Ix %#lx\n", query(v).RegionSize,
           query(v).Type);
    }
    UnmapViewOfFile(v);
    UnmapViewOfFile(v2);
    CloseHandle(map);
}

/* --- image sections ----------------------------------------------------------------- */

static void test_image(void)
{
    WCHAR self[MAX_PATH], path[MAX_PATH];
    HANDLE file, map;
    MEMORY_BASIC_INFORMATION info;
    BYTE *v;

    /* this program: mapped as an image, elsewhere than where it runs */
    GetModuleFileNameW(NULL, self, MAX_PATH);
    file = CreateFileW(self, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    ok(file != INVALID_HANDLE_VALUE, "opening %ls: %lu\n", self, GetLastError());
    map = CreateFileMappingW(file, NULL, PAGE_READONLY | SEC_IMAGE, 0, 0, NULL);
    ok(map != NULL, "SEC_IMAGE mapping failed: %lu\n", GetLastError());
    v = MapViewOfFile(map, FILE_MAP_READ, 0, 0, 0);
    ok(v != NULL, "image view failed: %lu\n", GetLastError());
    if (v)
    {
        const IMAGE_NT_HEADERS *nt = (const IMAGE_NT_HEADERS *)(v + ((IMAGE_DOS_HEADER *)v)->e_lfanew);
        ok(v != (BYTE *)GetModuleHandleW(NULL), "the image view is the running program\n");
        ok(!memcmp(v, GetModuleHandleW(NULL), sizeof(IMAGE_DOS_HEADER)), "the view's DOS header differs\n");
        info = query(v);
        ok(info.Type == MEM_IMAGE && info.AllocationBase == v && info.Protect == PAGE_READONLY,
           "image view: type %#lx base %p protect %#lx\n", info.Type, info.AllocationBase, info.Protect);
        info = query(v + nt->OptionalHeader.SizeOfImage - 1);
        ok(info.Type == MEM_IMAGE && info.AllocationBase == v, "last page: type %#lx base %p\n", info.Type,
           info.AllocationBase);
        ok(UnmapViewOfFile(v), "UnmapViewOfFile failed: %lu\n", GetLastError());
        ok(query(v).State == MEM_FREE, "unmapped image: state %#lx\n", query(v).State);
    }
    CloseHandle(map);
    CloseHandle(file);

    /* a file that is no image */
    file = make_file(L"notimage.bin", PAGE, GENERIC_READ, path);
    create_fails(file, PAGE_READONLY | SEC_IMAGE, 0, ERROR_BAD_EXE_FORMAT, "SEC_IMAGE of a data file");
    CloseHandle(file);
    DeleteFileW(path);
}

/* --- named mappings ------------------------------------------------------------------ */

static void test_named(void)
{
    char name[64], local[80];
    HANDLE map, map2, open, ev;
    char *v1, *v2;

    sprintf(name, "wlx-mapping-test-%lu", GetCurrentProcessId());
    sprintf(local, "Local\\%s", name);
    SetLastError(0xdeadbeef);
    ok(!OpenFileMappingA(FILE_MAP_READ, FALSE, name), "OpenFileMappingA of a new name succeeded\n");
    ok(GetLastError() == ERROR_FILE_NOT_FOUND, "last error %lu\n", GetLastError());

    SetLastError(0xdeadbeef);
    map = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, PAGE, name);
    ok(map != NULL && GetLastError() == 0, "CreateFileMappingA: %p, %lu\n", map, GetLastError());
    SetLastError(0xdeadbeef);
    map2 = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 2 * PAGE, name);
    ok(map2 != NULL && map2 != map, "second CreateFileMappingA: %p\n", map2);
    ok(GetLastError() == ERROR_ALREADY_EXISTS, "last error %lu\n", GetLastError());
    v1 = MapViewOfFile(map, FILE_MAP_WRITE, 0, 0, 0);
    v2 = MapViewOfFile(map2, FILE_MAP_READ, 0, 0, 0);
    ok(v1 && v2, "views %p %p\n", v1, v2);
    if (v1 && v2)
    {
        strcpy(v1, "same object");
        ok(!strcmp(v2, "same object"), "the second handle is another section\n");
        /* the existing section keeps its own size */
        ok(query(v2).RegionSize == PAGE, "view of the existing section: %#Ix\n", query(v2).RegionSize);
    }
    UnmapViewOfFile(v2);

    open = OpenFileMappingA(FILE_MAP_READ, FALSE, local);
    ok(open != NULL, "OpenFileMappingA(Local\\) failed: %lu\n", GetLastError());
    v2 = MapViewOfFile(open, FILE_MAP_READ, 0, 0, 0);
    ok(v2 && !strcmp(v2, "same object"), "opened mapping's view %p\n", v2);
    UnmapViewOfFile(v2);
    /* the handle was opened for reading only */
    view_fails(open, FILE_MAP_WRITE, 0, 0, NULL, ERROR_ACCESS_DENIED, "write view through a read handle");
    CloseHandle(open);
    /* FILE_MAP_WRITE alone is enough for a read-write view */
    open = OpenFileMappingA(FILE_MAP_WRITE, FALSE, name);
    v2 = MapViewOfFile(open, FILE_MAP_WRITE, 0, 0, 0);
    ok(v2 && !strcmp(v2, "same object"), "write view through a FILE_MAP_WRITE handle: %p, %lu\n", v2, GetLastError());
    UnmapViewOfFile(v2);
    CloseHandle(open);
    open = OpenFileMappingW(FILE_MAP_ALL_ACCESS, FALSE, NULL);
    ok(!open && GetLastError() == ERROR_INVALID_PARAMETER, "NULL name: %p, %lu\n", open, GetLastError());

    /* one namespace: an event's name is not a mapping's */
    sprintf(local, "wlx-mapping-event-%lu", GetCurrentProcessId());
    ev = CreateEventA(NULL, FALSE, FALSE, local);
    SetLastError(0xdeadbeef);
    open = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, PAGE, local);
    ok(!open && GetLastError() == ERROR_INVALID_HANDLE, "mapping named as an event: %p, %lu\n", open,
       GetLastError());
    if (open) CloseHandle(open);
    CloseHandle(ev);

    /* closing the handles leaves the view usable */
    CloseHandle(map);
    CloseHandle(map2);
    ok(v1 && !strcmp(v1, "same object"), "view lost after closing the handles\n");
    if (v1) strcpy(v1, "still here");
    ok(v1 && !strcmp(v1, "still here"), "view not writable after closing the handles\n");
    ok(UnmapViewOfFile(v1), "UnmapViewOfFile failed: %lu\n", GetLastError());
}

/* --- another process ------------------------------------------------------------------ */

/* the child: opens the parent's mapping by name (or takes the inherited
   handle "#value") and writes to it */
static int child_main(const char *name)
{
    if (!strcmp(name, "hold")) { Sleep(30000); return 0; }   /* killed by the parent */
    HANDLE map = name[0] == '#' ? (HANDLE)(ULONG_PTR)strtoul(name + 1, NULL, 16)
                                : OpenFileMappingA(FILE_MAP_WRITE, FALSE, name);
    char *v;
    if (!map) return 2;
    if (!(v = MapViewOfFile(map, FILE_MAP_WRITE, 0, 0, 0))) return 3;
    if (strcmp(v, "from the parent")) return 4;
    strcpy(v, "from the child");
    UnmapViewOfFile(v);
    CloseHandle(map);
    return 0;
}

/* runs the child on arg; its exit code (~0 when it could not run) */
static DWORD run_child(const char *arg, BOOL inherit)
{
    char module[MAX_PATH], cmd[MAX_PATH + 80];
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD code = ~0u;

    GetModuleFileNameA(NULL, module, MAX_PATH);
    sprintf(cmd, "\"%s\" child %s", module, arg);
    if (!ok(CreateProcessA(module, cmd, NULL, NULL, inherit, 0, NULL, NULL, &si, &pi),
            "CreateProcessA failed: %lu\n", GetLastError()))
        return code;
    ok(WaitForSingleObject(pi.hProcess, 30000) == WAIT_OBJECT_0, "child did not finish\n");
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return code;
}

static void test_cross_process(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    char name[64];
    DWORD code;
    HANDLE map;
    char *v;

    /* by name */
    sprintf(name, "wlx-mapping-xproc-%lu", GetCurrentProcessId());
    map = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, PAGE, name);
    v = MapViewOfFile(map, FILE_MAP_WRITE, 0, 0, 0);
    ok(v != NULL, "MapViewOfFile failed: %lu\n", GetLastError());
    if (!v) return;
    strcpy(v, "from the parent");
    code = run_child(name, FALSE);
    ok(code == 0, "child exit code %lu\n", code);
    ok(!strcmp(v, "from the child"), "parent's view holds \"%s\"\n", v);
    UnmapViewOfFile(v);
    CloseHandle(map);

    /* by an inherited handle */
    map = CreateFileMappingA(INVALID_HANDLE_VALUE, &sa, PAGE_READWRITE, 0, PAGE, NULL);
    v = MapViewOfFile(map, FILE_MAP_WRITE, 0, 0, 0);
    ok(v != NULL, "MapViewOfFile failed: %lu\n", GetLastError());
    if (!v) return;
    strcpy(v, "from the parent");
    sprintf(name, "#%Ix", (ULONG_PTR)map);
    code = run_child(name, TRUE);
    ok(code == 0, "child exit code %lu\n", code);
    ok(!strcmp(v, "from the child"), "parent's view holds \"%s\"\n", v);
    UnmapViewOfFile(v);
    CloseHandle(map);
}

/* a named mapping handed to another process (DuplicateHandle) keeps its
   name while that process holds it, after its creator closed its own
   handle: PostgreSQL's processes pin their dynamic shared memory segments
   in the postmaster so, and others open them by name later */
static void test_name_held_elsewhere(void)
{
    char module[MAX_PATH], cmd[MAX_PATH + 80], name[64];
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    HANDLE map, there = NULL, h;

    sprintf(name, "Global/wlx-mapping-held-%lu", GetCurrentProcessId());
    GetModuleFileNameA(NULL, module, MAX_PATH);
    sprintf(cmd, "\"%s\" child hold", module);
    if (!ok(CreateProcessA(module, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi), "CreateProcessA: %lu\n", GetLastError()))
        return;
    map = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, PAGE, name);
    ok(map != NULL, "CreateFileMapping %s: %lu\n", name, GetLastError());
    ok(DuplicateHandle(GetCurrentProcess(), map, pi.hProcess, &there, 0, FALSE, DUPLICATE_SAME_ACCESS),
       "DuplicateHandle: %lu\n", GetLastError());
    CloseHandle(map);
    h = OpenFileMappingA(FILE_MAP_READ, FALSE, name);
    ok(h != NULL, "the name while the child holds the mapping: %lu\n", GetLastError());
    if (h) CloseHandle(h);
    TerminateProcess(pi.hProcess, 0);
    WaitForSingleObject(pi.hProcess, 10000);
    /* gone with the child's handles (wlx's server drops a killed process's
       references when its connection closes, a moment later: looked at
       again for up to 5 s) */
    for (int i = 0; i < 100; i++)
    {
        SetLastError(0xdeadbeef);
        if (!(h = OpenFileMappingA(FILE_MAP_READ, FALSE, name))) break;
        CloseHandle(h);
        Sleep(50);
    }
    ok(!h && GetLastError() == ERROR_FILE_NOT_FOUND, "the name once nobody holds it: %p, %lu\n", h, GetLastError());
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
}

/* --- the NT calls ----------------------------------------------------------------------- */

typedef struct { void *BaseAddress; ULONG Attributes; LARGE_INTEGER Size; } SECTION_BASIC_INFO;
static NTSTATUS (NTAPI *pNtQuerySection)(HANDLE, int, void *, SIZE_T, SIZE_T *);
static NTSTATUS (NTAPI *pNtExtendSection)(HANDLE, LARGE_INTEGER *);

static void test_nt_section(void)
{
    WCHAR path[MAX_PATH];
    HMODULE ntdll = GetModuleHandleA("ntdll.dll");
    SECTION_BASIC_INFO info;
    LARGE_INTEGER size;
    SIZE_T len = 0;
    NTSTATUS status;
    HANDLE file, map;

    pNtQuerySection = (void *)GetProcAddress(ntdll, "NtQuerySection");
    pNtExtendSection = (void *)GetProcAddress(ntdll, "NtExtendSection");
    if (!pNtQuerySection)
    {
        skip("no NtQuerySection\n");
        return;
    }
    map = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 3 * PAGE, NULL);
    memset(&info, 0xcc, sizeof(info));
    status = pNtQuerySection(map, 0, &info, sizeof(info), &len);
    ok(!status && len == sizeof(info), "NtQuerySection: %#lx, %Iu\n", status, len);
    ok(info.Size.QuadPart == 3 * PAGE && info.Attributes == SEC_COMMIT && !info.BaseAddress,
       "pagefile section: size %#I64x attributes %#lx base %p\n", info.Size.QuadPart, info.Attributes, info.BaseAddress);
    status = pNtQuerySection(map, 0, &info, sizeof(info) - 1, &len);
    ok(status == STATUS_INFO_LENGTH_MISMATCH, "short buffer: %#lx\n", status);
    CloseHandle(map);

    file = make_file(L"extend.bin", 5000, GENERIC_READ | GENERIC_WRITE, path);
    map = CreateFileMappingW(file, NULL, PAGE_READWRITE, 0, 0, NULL);
    status = pNtQuerySection(map, 0, &info, sizeof(info), &len);
    ok(!status && info.Size.QuadPart == 5000 && info.Attributes == SEC_FILE,
       "file section: %#lx size %I64d attributes %#lx\n", status, info.Size.QuadPart, info.Attributes);
    /* kernel32's mapping handles have no SECTION_EXTEND_SIZE */
    size.QuadPart = 0x10000;
    if (pNtExtendSection) status = pNtExtendSection(map, &size);
    else skip("no NtExtendSection\n");
    ok(!pNtExtendSection || status == STATUS_ACCESS_DENIED, "NtExtendSection through kernel32's handle: %#lx\n", status);
    CloseHandle(map);
    CloseHandle(file);
    DeleteFileW(path);
}

int main(int argc, char **argv)
{
    if (argc > 2 && !strcmp(argv[1], "child")) return child_main(argv[2]);
    test_start("kernel32:mapping");
    GetTempPathW(MAX_PATH, temp_dir);
    test_pagefile();
    test_query_view();
    test_file_backed();
    test_copy_on_write();
    test_read_only();
    test_sizes();
    test_large_offset();
    test_mapped_name();
    test_win10_forms();
    test_image();
    test_named();
    test_cross_process();
    test_name_held_elsewhere();
    test_nt_section();
    return test_summary();
}
