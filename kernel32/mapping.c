/*
 * kernel32/mapping.c — file mappings on ntdll's sections: CreateFileMapping
 * (A/W, Numa, FromApp, 2), OpenFileMapping (A/W), MapViewOfFile (Ex, ExNuma,
 * FromApp, 3), UnmapViewOfFile(Ex) and FlushViewOfFile.
 *
 * A mapping handle gets the section rights its protection allows, no more:
 * mapping a view for writing through a read-only mapping then fails with
 * ERROR_ACCESS_DENIED, as on Windows (tests/kernel32/mapping.c).
 */
#include "private.h"

NTSTATUS NTAPI NtCreateSection(HANDLE *, ACCESS_MASK, const OBJECT_ATTRIBUTES *, const LARGE_INTEGER *, ULONG,
                               ULONG, HANDLE);
NTSTATUS NTAPI NtOpenSection(HANDLE *, ACCESS_MASK, const OBJECT_ATTRIBUTES *);
NTSTATUS NTAPI NtMapViewOfSection(HANDLE, HANDLE, void **, ULONG_PTR, SIZE_T, const LARGE_INTEGER *, SIZE_T *,
                                  ULONG, ULONG, ULONG);
NTSTATUS NTAPI NtMapViewOfSectionEx(HANDLE, HANDLE, void **, const LARGE_INTEGER *, SIZE_T *, ULONG, ULONG,
                                    MEM_EXTENDED_PARAMETER *, ULONG);
NTSTATUS NTAPI NtUnmapViewOfSectionEx(HANDLE, void *, ULONG);
NTSTATUS NTAPI NtFlushVirtualMemory(HANDLE, void **, SIZE_T *, IO_STATUS_BLOCK *);

#define VIEW_SHARE 1
#define SEC_KIND_MASK (SEC_COMMIT | SEC_RESERVE | SEC_IMAGE)
#ifndef FILE_MAP_RESERVE
#define FILE_MAP_RESERVE 0x80000000
#endif
#ifndef FILE_MAP_TARGETS_INVALID
#define FILE_MAP_TARGETS_INVALID 0x40000000
#endif
#ifndef FILE_MAP_LARGE_PAGES
#define FILE_MAP_LARGE_PAGES 0x20000000
#endif

/* --- mappings --------------------------------------------------------------- */

/* the rights of a new mapping's handle: those its protection can use */
static ACCESS_MASK mapping_access(ULONG protect)
{
    ACCESS_MASK access = STANDARD_RIGHTS_REQUIRED | SECTION_QUERY | SECTION_MAP_READ;
    switch (protect & 0xff)
    {
    case PAGE_READWRITE: access |= SECTION_MAP_WRITE; break;
    case PAGE_EXECUTE_READ:
    case PAGE_EXECUTE_WRITECOPY: access |= SECTION_MAP_EXECUTE; break;
    case PAGE_EXECUTE_READWRITE: access |= SECTION_MAP_WRITE | SECTION_MAP_EXECUTE; break;
    }
    return access;
}

/* the common part of every CreateFileMapping: file INVALID_HANDLE_VALUE is
   a pagefile-backed mapping, which needs a size; a name that exists gives
   the existing mapping and ERROR_ALREADY_EXISTS */
static HANDLE create_mapping(HANDLE file, SECURITY_ATTRIBUTES *sa, ACCESS_MASK access, ULONG protect,
                             ULONG attributes, ULONG64 size, const WCHAR *name)
{
    struct k32_object_name n;
    LARGE_INTEGER max = { .QuadPart = (LONGLONG)size };
    HANDLE h = NULL;

    if (!(attributes & SEC_KIND_MASK)) attributes |= SEC_COMMIT;
    if (file == INVALID_HANDLE_VALUE)
    {
        file = NULL;
        if (!size)
        {
            SetLastError(ERROR_INVALID_PARAMETER);
            return NULL;
        }
    }
    if (!k32_object_attr(&n, sa, FALSE, name)) return NULL;
    n.attr.Attributes |= OBJ_OPENIF;
    NTSTATUS status = NtCreateSection(&h, access, &n.attr, size ? &max : NULL, protect, attributes, file);
    if (status == STATUS_OBJECT_NAME_EXISTS) SetLastError(ERROR_ALREADY_EXISTS);
    else if (!set_ntstatus(status)) return NULL;
    else SetLastError(ERROR_SUCCESS);
    return h;
}

/* CreateFileMapping's flProtect carries the SEC_* attributes in its high bits */
HANDLE WINAPI CreateFileMappingW(HANDLE file, SECURITY_ATTRIBUTES *sa, DWORD protect, DWORD size_high,
                                 DWORD size_low, const WCHAR *name)
{
    ULONG prot = protect & 0xfff;
    return create_mapping(file, sa, mapping_access(prot), prot, protect & ~0xfff,
                          ((ULONG64)size_high << 32) | size_low, name);
}

HANDLE WINAPI CreateFileMappingA(HANDLE file, SECURITY_ATTRIBUTES *sa, DWORD protect, DWORD size_high,
                                 DWORD size_low, const char *name)
{
    WCHAR *wname = NULL;
    if (name && !(wname = k32_strdup_AtoW(name))) return NULL;
    HANDLE h = CreateFileMappingW(file, sa, protect, size_high, size_low, wname);
    DWORD err = GetLastError();
    RtlFreeHeap(PROCESS_HEAP(), 0, wname);
    SetLastError(err);
    return h;
}

/* NUMA nodes make no difference here */
HANDLE WINAPI CreateFileMappingNumaW(HANDLE file, SECURITY_ATTRIBUTES *sa, DWORD protect, DWORD size_high,
                                     DWORD size_low, const WCHAR *name, DWORD node)
{
    return CreateFileMappingW(file, sa, protect, size_high, size_low, name);
}

HANDLE WINAPI CreateFileMappingNumaA(HANDLE file, SECURITY_ATTRIBUTES *sa, DWORD protect, DWORD size_high,
                                     DWORD size_low, const char *name, DWORD node)
{
    return CreateFileMappingA(file, sa, protect, size_high, size_low, name);
}

HANDLE WINAPI CreateFileMappingFromApp(HANDLE file, SECURITY_ATTRIBUTES *sa, ULONG protect, ULONG64 size,
                                       const WCHAR *name)
{
    return CreateFileMappingW(file, sa, protect, (DWORD)(size >> 32), (DWORD)size, name);
}

HANDLE WINAPI CreateFileMapping2(HANDLE file, SECURITY_ATTRIBUTES *sa, ULONG access, ULONG protect,
                                 ULONG attributes, ULONG64 size, const WCHAR *name,
                                 MEM_EXTENDED_PARAMETER *params, ULONG count)
{
    /* the extended parameters (a NUMA node) change nothing here */
    return create_mapping(file, sa, access, protect, attributes, size, name);
}

/* FILE_MAP_COPY (SECTION_QUERY) maps a copy-on-write view, which only needs
   to read the section */
HANDLE WINAPI OpenFileMappingW(DWORD access, BOOL inherit, const WCHAR *name)
{
    struct k32_object_name n;
    HANDLE h = NULL;
    if (!name)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (access == FILE_MAP_COPY) access = SECTION_MAP_READ;
    if (!k32_object_attr(&n, NULL, inherit, name)) return NULL;
    if (!set_ntstatus(NtOpenSection(&h, access, &n.attr))) return NULL;
    return h;
}

HANDLE WINAPI OpenFileMappingA(DWORD access, BOOL inherit, const char *name)
{
    WCHAR *wname = NULL;
    if (name && !(wname = k32_strdup_AtoW(name))) return NULL;
    HANDLE h = OpenFileMappingW(access, inherit, wname);
    DWORD err = GetLastError();
    RtlFreeHeap(PROCESS_HEAP(), 0, wname);
    SetLastError(err);
    return h;
}

/* --- views ----------------------------------------------------------------------- */

/* FILE_MAP_* → the view's page protection. FILE_MAP_ALL_ACCESS includes
   the FILE_MAP_COPY bit, so copy-on-write is FILE_MAP_COPY with at most
   FILE_MAP_READ and FILE_MAP_EXECUTE beside it. */
static ULONG view_protect(DWORD access)
{
    BOOL exec = (access & FILE_MAP_EXECUTE) != 0;
    access &= ~(FILE_MAP_RESERVE | FILE_MAP_TARGETS_INVALID | FILE_MAP_LARGE_PAGES);
    if ((access & FILE_MAP_COPY) && !(access & ~(FILE_MAP_COPY | FILE_MAP_READ | FILE_MAP_EXECUTE)))
        return exec ? PAGE_EXECUTE_WRITECOPY : PAGE_WRITECOPY;
    if (access & FILE_MAP_WRITE) return exec ? PAGE_EXECUTE_READWRITE : PAGE_READWRITE;
    if (access & FILE_MAP_READ) return exec ? PAGE_EXECUTE_READ : PAGE_READONLY;
    return exec ? PAGE_EXECUTE : PAGE_NOACCESS;
}

static ULONG view_type(DWORD access)
{
    return ((access & FILE_MAP_RESERVE) ? MEM_RESERVE : 0) | ((access & FILE_MAP_LARGE_PAGES) ? MEM_LARGE_PAGES : 0);
}

/* an image mapped away from its preferred base is still a success */
static void *mapped(NTSTATUS status, void *addr)
{
    if (status == STATUS_IMAGE_NOT_AT_BASE) status = STATUS_SUCCESS;
    return set_ntstatus(status) ? addr : NULL;
}

static void *map_view(HANDLE mapping, DWORD access, ULONG64 offset, SIZE_T size, void *base)
{
    LARGE_INTEGER off = { .QuadPart = (LONGLONG)offset };
    NTSTATUS status = NtMapViewOfSection(mapping, GetCurrentProcess(), &base, 0, 0, &off, &size, VIEW_SHARE,
                                         view_type(access), view_protect(access));
    return mapped(status, base);
}

void *WINAPI MapViewOfFileEx(HANDLE mapping, DWORD access, DWORD offset_high, DWORD offset_low, SIZE_T size,
                             void *base)
{
    return map_view(mapping, access, ((ULONG64)offset_high << 32) | offset_low, size, base);
}

void *WINAPI MapViewOfFile(HANDLE mapping, DWORD access, DWORD offset_high, DWORD offset_low, SIZE_T size)
{
    return map_view(mapping, access, ((ULONG64)offset_high << 32) | offset_low, size, NULL);
}

void *WINAPI MapViewOfFileExNuma(HANDLE mapping, DWORD access, DWORD offset_high, DWORD offset_low, SIZE_T size,
                                 void *base, DWORD node)
{
    return map_view(mapping, access, ((ULONG64)offset_high << 32) | offset_low, size, base);
}

void *WINAPI MapViewOfFileFromApp(HANDLE mapping, ULONG access, ULONG64 offset, SIZE_T size)
{
    return map_view(mapping, access, offset, size, NULL);
}

void *WINAPI MapViewOfFile3(HANDLE mapping, HANDLE process, void *base, ULONG64 offset, SIZE_T size, ULONG type,
                            ULONG protect, MEM_EXTENDED_PARAMETER *params, ULONG count)
{
    LARGE_INTEGER off = { .QuadPart = (LONGLONG)offset };
    NTSTATUS status = NtMapViewOfSectionEx(mapping, process, &base, &off, &size, type, protect, params, count);
    return mapped(status, base);
}

BOOL WINAPI UnmapViewOfFileEx(void *addr, ULONG flags)
{
    return set_ntstatus(NtUnmapViewOfSectionEx(GetCurrentProcess(), addr, flags));
}

BOOL WINAPI UnmapViewOfFile2(HANDLE process, void *addr, ULONG flags)
{
    return set_ntstatus(NtUnmapViewOfSectionEx(process, addr, flags));
}

BOOL WINAPI UnmapViewOfFile(const void *addr)
{
    return UnmapViewOfFileEx((void *)addr, 0);
}

/* flushing memory that is not a file's view has nothing to do */
BOOL WINAPI FlushViewOfFile(const void *addr, SIZE_T size)
{
    IO_STATUS_BLOCK io;
    void *base = (void *)addr;
    NTSTATUS status = NtFlushVirtualMemory(GetCurrentProcess(), &base, &size, &io);
    if (status == STATUS_NOT_MAPPED_DATA) status = STATUS_SUCCESS;
    return set_ntstatus(status);
}

/* --- GetMappedFileName (psapi's, K32 in kernel32) ------------------------------ */

/* the NT name of the file mapped at addr, e.g. \Device\HarddiskVolume3\x.dat,
   truncated to size characters; its length */
DWORD WINAPI K32GetMappedFileNameW(HANDLE process, void *addr, WCHAR *name, DWORD size)
{
    struct { UNICODE_STRING str; WCHAR buf[MAX_PATH + 64]; } small;
    UNICODE_STRING *info = &small.str;
    SIZE_T need = 0;
    DWORD len = 0;

    if (!name || !size)
    {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    NTSTATUS status = NtQueryVirtualMemory(process, addr, 2 /* MemoryMappedFilenameInformation */, info,
                                           sizeof(small), &need);
    if (status == STATUS_BUFFER_OVERFLOW && (info = RtlAllocateHeap(PROCESS_HEAP(), 0, need)))
        status = NtQueryVirtualMemory(process, addr, 2, info, need, &need);
    if (!info) status = STATUS_NO_MEMORY;
    if (set_ntstatus(status))
    {
        len = info->Length / sizeof(WCHAR) < size ? info->Length / sizeof(WCHAR) : size - 1;
        memcpy(name, info->Buffer, len * sizeof(WCHAR));
        name[len] = 0;
    }
    if (info && info != &small.str) RtlFreeHeap(PROCESS_HEAP(), 0, info);
    return len;
}

DWORD WINAPI K32GetMappedFileNameA(HANDLE process, void *addr, char *name, DWORD size)
{
    WCHAR *wname;
    DWORD len = 0;
    if (!name || !size)
    {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    if (!(wname = RtlAllocateHeap(PROCESS_HEAP(), 0, size * sizeof(WCHAR))))
    {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    if (K32GetMappedFileNameW(process, addr, wname, size))
        len = (DWORD)WideCharToMultiByte(CP_ACP, 0, wname, -1, name, (int)size, NULL, NULL);
    if (len) len--;   /* without the terminating NUL */
    RtlFreeHeap(PROCESS_HEAP(), 0, wname);
    return len;
}
