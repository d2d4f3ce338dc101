/*
 * kernel32/file.c — files and directories: CreateFile, ReadFile/WriteFile,
 * file pointers and sizes, attributes, handle information and times,
 * delete/move/copy/replace, directories, FindFirstFile, locks, final path
 * names, anonymous pipes, CloseHandle and DuplicateHandle.
 *
 * Each function checks and translates its arguments, calls the NT function
 * and converts the status; the few Windows quirks are commented where they
 * happen.
 *
 * Sections: helpers · create/close/duplicate · read/write · pointer and size ·
 * attributes and information · delete/move/copy · directories · find ·
 * locks · final path · pipes · small and legacy · A functions.
 */
#include "private.h"

#ifndef FSCTL_PIPE_PEEK
#define FSCTL_PIPE_PEEK 0x0011400c
#endif
#ifndef FILE_DEVICE_DISK_FS
#define FILE_DEVICE_DISK_FS 0x08
#endif
#ifndef FILE_DEVICE_NETWORK_FS
#define FILE_DEVICE_NETWORK_FS 0x14
#endif
#ifndef FILE_DEVICE_VIRTUAL_DISK
#define FILE_DEVICE_VIRTUAL_DISK 0x24
#endif
#define FILE_ATTRIBUTE_VALID_FLAGS     0x00007fb7
#define FILE_ATTRIBUTE_VALID_SET_FLAGS 0x000031a7

/* --- helpers ---------------------------------------------------------------- */

/* the NT name of a DOS path; free with free_nt_name */
static NTSTATUS nt_name(const WCHAR *dos, UNICODE_STRING *nt)
{
    if (!dos || !*dos) return STATUS_OBJECT_PATH_NOT_FOUND;
    return RtlDosPathNameToNtPathName_U_WithStatus(dos, nt, NULL, NULL);
}

static void free_nt_name(UNICODE_STRING *nt)
{
    RtlFreeHeap(PROCESS_HEAP(), 0, nt->Buffer);
}

/* NtOpenFile of a DOS path */
static NTSTATUS open_path(const WCHAR *path, ACCESS_MASK access, ULONG sharing, ULONG options, HANDLE *h)
{
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    NTSTATUS status = nt_name(path, &nt);
    if (status) return status;
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
    status = NtOpenFile(h, access | SYNCHRONIZE, &attr, &io, sharing, options | FILE_SYNCHRONOUS_IO_NONALERT);
    free_nt_name(&nt);
    return status;
}

static NTSTATUS query_info(HANDLE h, void *buf, ULONG len, FILE_INFORMATION_CLASS klass)
{
    IO_STATUS_BLOCK io;
    return NtQueryInformationFile(h, &io, buf, len, klass);
}

static NTSTATUS set_info(HANDLE h, void *buf, ULONG len, FILE_INFORMATION_CLASS klass)
{
    IO_STATUS_BLOCK io;
    return NtSetInformationFile(h, &io, buf, len, klass);
}

/* the pseudo handles STD_INPUT_HANDLE… stand for the std handles here too */
static HANDLE real_handle(HANDLE h)
{
    ULONG_PTR v = (ULONG_PTR)h;
    if (v == (ULONG_PTR)STD_INPUT_HANDLE || v == (ULONG_PTR)STD_OUTPUT_HANDLE || v == (ULONG_PTR)STD_ERROR_HANDLE)
        return GetStdHandle((DWORD)v);
    return h;
}

static void to_filetime(const LARGE_INTEGER *li, FILETIME *ft)
{
    ft->dwLowDateTime = li->u.LowPart;
    ft->dwHighDateTime = li->u.HighPart;
}

/* string results: the length on success, the size needed (NUL included) if too small */
static DWORD copy_result(const WCHAR *s, DWORD len, WCHAR *buf, DWORD size)
{
    if (len >= size) return len + 1;
    memcpy(buf, s, len * sizeof(WCHAR));
    buf[len] = 0;
    return len;
}

/* --- create/close ----------------------------------------------------------- */

static ULONG create_disposition(DWORD creation)
{
    switch (creation)
    {
    case CREATE_NEW: return FILE_CREATE;
    case CREATE_ALWAYS: return FILE_OVERWRITE_IF;
    case OPEN_EXISTING: return FILE_OPEN;
    case OPEN_ALWAYS: return FILE_OPEN_IF;
    case TRUNCATE_EXISTING: return FILE_OVERWRITE;
    }
    return ~0u;
}

static ULONG create_options(DWORD flags)
{
    ULONG options = 0;
    if (!(flags & FILE_FLAG_BACKUP_SEMANTICS)) options |= FILE_NON_DIRECTORY_FILE;
    else options |= FILE_OPEN_FOR_BACKUP_INTENT;
    if (!(flags & FILE_FLAG_OVERLAPPED)) options |= FILE_SYNCHRONOUS_IO_NONALERT;
    if (flags & FILE_FLAG_DELETE_ON_CLOSE) options |= FILE_DELETE_ON_CLOSE;
    if (flags & FILE_FLAG_WRITE_THROUGH) options |= FILE_WRITE_THROUGH;
    if (flags & FILE_FLAG_NO_BUFFERING) options |= FILE_NO_INTERMEDIATE_BUFFERING;
    if (flags & FILE_FLAG_RANDOM_ACCESS) options |= FILE_RANDOM_ACCESS;
    if (flags & FILE_FLAG_SEQUENTIAL_SCAN) options |= FILE_SEQUENTIAL_ONLY;
    if (flags & FILE_FLAG_OPEN_REPARSE_POINT) options |= FILE_OPEN_REPARSE_POINT;
    return options;
}

HANDLE WINAPI CreateFileW(LPCWSTR name, DWORD access, DWORD sharing, LPSECURITY_ATTRIBUTES sa,
                          DWORD creation, DWORD flags, HANDLE template)
{
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    HANDLE h = INVALID_HANDLE_VALUE;
    ULONG disposition = create_disposition(creation);
    NTSTATUS status;

    (void)template;
    if (disposition == ~0u) { SetLastError(ERROR_INVALID_PARAMETER); return INVALID_HANDLE_VALUE; }
    if ((status = nt_name(name, &nt))) { set_ntstatus(status); return INVALID_HANDLE_VALUE; }
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE | (sa && sa->bInheritHandle ? OBJ_INHERIT : 0),
                               NULL, sa ? sa->lpSecurityDescriptor : NULL);
    status = NtCreateFile(&h, access | SYNCHRONIZE | FILE_READ_ATTRIBUTES, &attr, &io, NULL,
                          flags & FILE_ATTRIBUTE_VALID_FLAGS, sharing, disposition, create_options(flags), NULL, 0);
    free_nt_name(&nt);
    if (status)
    {
        /* CREATE_NEW of an existing file says "file exists", not "already exists" */
        if (status == STATUS_OBJECT_NAME_COLLISION) SetLastError(ERROR_FILE_EXISTS);
        else set_ntstatus(status);
        return INVALID_HANDLE_VALUE;
    }
    /* success, yet the last error tells whether the file was there */
    if ((creation == CREATE_ALWAYS && io.Information == FILE_OVERWRITTEN) ||
        (creation == OPEN_ALWAYS && io.Information == FILE_OPENED))
        SetLastError(ERROR_ALREADY_EXISTS);
    else
        SetLastError(0);
    return h;
}

/* CreateFileW with its attributes, flags and security QoS flags in one
   structure (documented); no structure: none of them */
HANDLE WINAPI CreateFile2(LPCWSTR name, DWORD access, DWORD sharing, DWORD creation,
                          CREATEFILE2_EXTENDED_PARAMETERS *params)
{
    if (!params) return CreateFileW(name, access, sharing, NULL, creation, 0, NULL);
    if (params->dwSize != sizeof(*params)) { SetLastError(ERROR_INVALID_PARAMETER); return INVALID_HANDLE_VALUE; }
    return CreateFileW(name, access, sharing, params->lpSecurityAttributes, creation,
                       params->dwFileAttributes | params->dwFileFlags | params->dwSecurityQosFlags,
                       params->hTemplateFile);
}

BOOL WINAPI CloseHandle(HANDLE h)
{
    HANDLE real = real_handle(h);
    /* the pseudo handles of the process and the thread (INVALID_HANDLE_VALUE
       is the process's): closing one does nothing, and says so with TRUE */
    if (real == GetCurrentProcess() || real == GetCurrentThread()) return TRUE;
    if (real != h)
    {
        /* closing a pseudo std handle closes the handle and empties the slot */
        SetStdHandle((DWORD)(ULONG_PTR)h, NULL);
    }
    k32_console_forget(real);
    return set_ntstatus(NtClose(real));
}

/* within the process; other processes wait for the server */
BOOL WINAPI DuplicateHandle(HANDLE src_process, HANDLE src, HANDLE dst_process, HANDLE *dst, DWORD access,
                            BOOL inherit, DWORD options)
{
    if ((options & DUPLICATE_CLOSE_SOURCE) && src_process == GetCurrentProcess()) k32_console_forget(real_handle(src));
    return set_ntstatus(NtDuplicateObject(src_process, real_handle(src), dst_process, dst, access,
                                          inherit ? OBJ_INHERIT : 0, options));
}

/* --- read/write -------------------------------------------------------------- */

static LARGE_INTEGER overlapped_offset(const OVERLAPPED *ov)
{
    LARGE_INTEGER off;
    off.u.LowPart = ov->Offset;
    off.u.HighPart = ov->OffsetHigh;
    return off;
}

/* what ReadFile and WriteFile pass to ntdll: with an OVERLAPPED, its
   status block, offset and event; without, a local status block */
struct io_args {
    IO_STATUS_BLOCK iosb, *io;
    LARGE_INTEGER off, *poff;
    HANDLE event;
    void *apc_ctx;              /* the OVERLAPPED, for a completion port */
};

static void io_setup(struct io_args *a, OVERLAPPED *ov)
{
    a->io = ov ? (IO_STATUS_BLOCK *)ov : &a->iosb;
    a->poff = NULL;
    a->event = NULL;
    a->apc_ctx = NULL;
    if (!ov) return;
    a->off = overlapped_offset(ov);
    a->poff = &a->off;
    /* an event with its low bit set: no packet to the port */
    a->event = (HANDLE)((ULONG_PTR)ov->hEvent & ~(ULONG_PTR)1);
    if (!((ULONG_PTR)ov->hEvent & 1)) a->apc_ctx = ov;
    ov->Internal = STATUS_PENDING;
}

NTSTATUS NTAPI __wlx_wait_io_status(IO_STATUS_BLOCK *, LARGE_INTEGER *);   /* ntdll/unix/async.c */

/* An overlapped handle used without an OVERLAPPED (allowed, though the
   documentation warns against it): the operation may pend with its status
   block on our stack, so wait here until it is done. */
static NTSTATUS io_wait_local(struct io_args *a, NTSTATUS status)
{
    if (status != STATUS_PENDING || a->io != &a->iosb) return status;
    __wlx_wait_io_status(a->io, NULL);
    return a->io->Status;
}

BOOL WINAPI ReadFile(HANDLE h, LPVOID buf, DWORD len, DWORD *done, OVERLAPPED *ov)
{
    struct io_args a;
    NTSTATUS status;

    if (done) *done = 0;
    io_setup(&a, ov);
    status = io_wait_local(&a, NtReadFile(real_handle(h), a.event, NULL, a.apc_ctx, a.io, buf, len, a.poff, NULL));
    if (status == STATUS_PENDING) { SetLastError(ERROR_IO_PENDING); return FALSE; }
    if (status == STATUS_END_OF_FILE)
    {
        /* at the end of a file: success with nothing read, except when an
           OVERLAPPED gave the position */
        if (ov) { SetLastError(ERROR_HANDLE_EOF); return FALSE; }
        return TRUE;
    }
    if (done && (!status || status == STATUS_BUFFER_OVERFLOW)) *done = a.io->Information;
    /* a line from the console: the terminal echoed it (console.c) */
    if (!status && !ov) k32_console_read_echo(h, buf, a.io->Information);
    return set_ntstatus(status);
}

BOOL WINAPI WriteFile(HANDLE h, LPCVOID buf, DWORD len, DWORD *done, OVERLAPPED *ov)
{
    struct io_args a;
    NTSTATUS status;

    BOOL ret;

    if (done) *done = 0;
    /* a console's text goes through its screen buffer (conout.c) */
    if (!ov && k32_console_write_file(h, buf, len, done, &ret)) return ret;
    io_setup(&a, ov);
    status = io_wait_local(&a, NtWriteFile(real_handle(h), a.event, NULL, a.apc_ctx, a.io, buf, len, a.poff, NULL));
    if (status == STATUS_PENDING) { SetLastError(ERROR_IO_PENDING); return FALSE; }
    if (done && !status) *done = a.io->Information;
    return set_ntstatus(status);
}

/* ReadFileEx/WriteFileEx: the completion routine runs as an APC of the
   calling thread (in its next alertable wait), even when the I/O is done at once */
static void WINAPI file_io_apc(void *routine, IO_STATUS_BLOCK *io, ULONG reserved)
{
    (void)reserved;
    ((LPOVERLAPPED_COMPLETION_ROUTINE)routine)(RtlNtStatusToDosError(io->Status), io->Information, (OVERLAPPED *)io);
}

static BOOL io_ex_result(NTSTATUS status)
{
    /* pending or done: the routine will tell */
    if (status == STATUS_PENDING || status >= 0) { SetLastError(0); return TRUE; }
    if (status == STATUS_END_OF_FILE) { SetLastError(ERROR_HANDLE_EOF); return FALSE; }
    return set_ntstatus(status);
}

typedef NTSTATUS (NTAPI *nt_io_fn)(HANDLE, HANDLE, PVOID, PVOID, IO_STATUS_BLOCK *, PVOID, ULONG, LARGE_INTEGER *, ULONG *);

static BOOL io_ex(nt_io_fn fn, HANDLE h, void *buf, DWORD len, OVERLAPPED *ov, LPOVERLAPPED_COMPLETION_ROUTINE done)
{
    LARGE_INTEGER off;
    if (!ov || !done) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    off = overlapped_offset(ov);
    ov->Internal = STATUS_PENDING;
    return io_ex_result(fn(real_handle(h), NULL, file_io_apc, done, (IO_STATUS_BLOCK *)ov, buf, len, &off, NULL));
}

BOOL WINAPI ReadFileEx(HANDLE h, LPVOID buf, DWORD len, OVERLAPPED *ov, LPOVERLAPPED_COMPLETION_ROUTINE done)
{
    return io_ex(NtReadFile, h, buf, len, ov, done);
}

BOOL WINAPI WriteFileEx(HANDLE h, LPCVOID buf, DWORD len, OVERLAPPED *ov, LPOVERLAPPED_COMPLETION_ROUTINE done)
{
    return io_ex((nt_io_fn)NtWriteFile, h, (void *)buf, len, ov, done);
}

NTSTATUS NTAPI NtNotifyChangeDirectoryFile(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK, PVOID, ULONG,
                                           ULONG, BOOLEAN);

/* A folder's changes (ntdll/unix/dirwatch.c), reported as ReadFile reports:
   to the OVERLAPPED's event or port, or to a completion routine as an APC.
   Pending is success here, and so is STATUS_NOTIFY_ENUM_DIR (nothing
   returned: the caller lists the folder again), as documented. */
BOOL WINAPI ReadDirectoryChangesW(HANDLE h, LPVOID buf, DWORD len, BOOL subtree, DWORD filter, DWORD *returned,
                                  OVERLAPPED *ov, LPOVERLAPPED_COMPLETION_ROUTINE routine)
{
    struct io_args a;
    NTSTATUS status;

    if (routine && !ov) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    io_setup(&a, ov);
    if (routine)
        status = NtNotifyChangeDirectoryFile(real_handle(h), NULL, (PIO_APC_ROUTINE)file_io_apc, routine, a.io, buf,
                                             len, filter, subtree != 0);
    else
        status = io_wait_local(&a, NtNotifyChangeDirectoryFile(real_handle(h), a.event, NULL, a.apc_ctx, a.io, buf,
                                                               len, filter, subtree != 0));
    if (status < 0) return set_ntstatus(status);
    if (returned && !ov) *returned = a.io->Information;
    return TRUE;
}

BOOL WINAPI FlushFileBuffers(HANDLE h)
{
    IO_STATUS_BLOCK io;
    return set_ntstatus(NtFlushBuffersFile(real_handle(h), &io));
}

/* --- pointer and size ---------------------------------------------------------- */

BOOL WINAPI SetFilePointerEx(HANDLE h, LARGE_INTEGER dist, LARGE_INTEGER *newpos, DWORD method)
{
    FILE_POSITION_INFORMATION pos;
    FILE_STANDARD_INFORMATION std;
    NTSTATUS status = STATUS_SUCCESS;
    LONGLONG base = 0;

    switch (method)
    {
    case FILE_BEGIN: break;
    case FILE_CURRENT:
        status = query_info(h, &pos, sizeof(pos), FilePositionInformation);
        base = pos.CurrentByteOffset.QuadPart;
        break;
    case FILE_END:
        status = query_info(h, &std, sizeof(std), FileStandardInformation);
        base = std.EndOfFile.QuadPart;
        break;
    default: SetLastError(ERROR_INVALID_PARAMETER); return FALSE;
    }
    if (status) return set_ntstatus(status);
    pos.CurrentByteOffset.QuadPart = base + dist.QuadPart;
    if (pos.CurrentByteOffset.QuadPart < 0) { SetLastError(ERROR_NEGATIVE_SEEK); return FALSE; }
    if (!set_ntstatus(set_info(h, &pos, sizeof(pos), FilePositionInformation))) return FALSE;
    if (newpos) *newpos = pos.CurrentByteOffset;
    return TRUE;
}

DWORD WINAPI SetFilePointer(HANDLE h, LONG low, LONG *high, DWORD method)
{
    LARGE_INTEGER dist, pos;
    if (high) { dist.u.LowPart = low; dist.u.HighPart = *high; }
    else dist.QuadPart = low;
    if (!SetFilePointerEx(h, dist, &pos, method)) return INVALID_SET_FILE_POINTER;
    if (high) *high = pos.u.HighPart;
    /* 0xffffffff is a valid low part: the cleared last error says so */
    if (pos.u.LowPart == INVALID_SET_FILE_POINTER) SetLastError(NO_ERROR);
    return pos.u.LowPart;
}

BOOL WINAPI SetEndOfFile(HANDLE h)
{
    FILE_POSITION_INFORMATION pos;
    FILE_END_OF_FILE_INFORMATION eof;
    NTSTATUS status = query_info(h, &pos, sizeof(pos), FilePositionInformation);
    if (status) return set_ntstatus(status);
    eof.EndOfFile = pos.CurrentByteOffset;
    return set_ntstatus(set_info(h, &eof, sizeof(eof), FileEndOfFileInformation));
}

BOOL WINAPI GetFileSizeEx(HANDLE h, LARGE_INTEGER *size)
{
    FILE_STANDARD_INFORMATION std;
    if (!set_ntstatus(query_info(real_handle(h), &std, sizeof(std), FileStandardInformation))) return FALSE;
    *size = std.EndOfFile;
    return TRUE;
}

NTSTATUS NTAPI NtOpenProcessToken(HANDLE, ACCESS_MASK, HANDLE *);
NTSTATUS NTAPI NtOpenThreadToken(HANDLE, ACCESS_MASK, BOOLEAN, HANDLE *);
NTSTATUS NTAPI NtQueryInformationToken(HANDLE, TOKEN_INFORMATION_CLASS, void *, ULONG, ULONG *);

/* whether the thread's token (or the process's) has privilege `luid` enabled */
static BOOL privilege_enabled(DWORD luid)
{
    union { TOKEN_PRIVILEGES tp; BYTE buf[1024]; } u;
    HANDLE token;
    ULONG len;
    BOOL ret = FALSE;

    if (NtOpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token) &&
        NtOpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return FALSE;
    if (!NtQueryInformationToken(token, TokenPrivileges, &u, sizeof(u), &len))
        for (DWORD i = 0; i < u.tp.PrivilegeCount; i++)
            if (u.tp.Privileges[i].Luid.LowPart == luid && !u.tp.Privileges[i].Luid.HighPart)
                ret = (u.tp.Privileges[i].Attributes & SE_PRIVILEGE_ENABLED) != 0;
    NtClose(token);
    return ret;
}

/* Every byte of a Linux file reads as written or as zeros, so there is no
   valid-data length to move; what remains are Windows' checks: the
   SeManageVolumePrivilege enabled (ERROR_PRIVILEGE_NOT_HELD), a handle with
   write access (ERROR_ACCESS_DENIED), a length within the file
   (ERROR_INVALID_PARAMETER). tests/kernel32/filemisc.c */
BOOL WINAPI SetFileValidData(HANDLE h, LONGLONG length)
{
    FILE_STANDARD_INFORMATION std;
    ACCESS_MASK access;
    NTSTATUS status;

    if (!privilege_enabled(28 /* SE_MANAGE_VOLUME_PRIVILEGE */)) { SetLastError(ERROR_PRIVILEGE_NOT_HELD); return FALSE; }
    h = real_handle(h);
    if ((status = query_info(h, &access, sizeof(access), FileAccessInformation)) ||
        (status = query_info(h, &std, sizeof(std), FileStandardInformation)))
        return set_ntstatus(status);
    if (!(access & FILE_WRITE_DATA)) { SetLastError(ERROR_ACCESS_DENIED); return FALSE; }
    if (length < 0 || length > std.EndOfFile.QuadPart) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return TRUE;
}

DWORD WINAPI GetFileSize(HANDLE h, DWORD *high)
{
    LARGE_INTEGER size;
    if (!GetFileSizeEx(h, &size)) return INVALID_FILE_SIZE;
    if (high) *high = size.u.HighPart;
    if (size.u.LowPart == INVALID_FILE_SIZE) SetLastError(NO_ERROR);
    return size.u.LowPart;
}

DWORD WINAPI GetFileType(HANDLE h)
{
    IO_STATUS_BLOCK io;
    FILE_FS_DEVICE_INFORMATION info;
    NTSTATUS status = NtQueryVolumeInformationFile(real_handle(h), &io, &info, sizeof(info), FileFsDeviceInformation);
    if (status == STATUS_OBJECT_TYPE_MISMATCH) status = STATUS_INVALID_HANDLE;
    if (!set_ntstatus(status)) return FILE_TYPE_UNKNOWN;
    switch (info.DeviceType)
    {
    case FILE_DEVICE_NAMED_PIPE: return FILE_TYPE_PIPE;
    case FILE_DEVICE_DISK: case FILE_DEVICE_DISK_FS: case FILE_DEVICE_CD_ROM:
    case FILE_DEVICE_NETWORK_FS: case FILE_DEVICE_VIRTUAL_DISK: return FILE_TYPE_DISK;
    default: return FILE_TYPE_CHAR;
    }
}

/* --- attributes and information ------------------------------------------------ */

DWORD WINAPI GetFileAttributesW(LPCWSTR name)
{
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    FILE_BASIC_INFORMATION info;
    NTSTATUS status = nt_name(name, &nt);
    if (status) { set_ntstatus(status); return INVALID_FILE_ATTRIBUTES; }
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
    status = NtQueryAttributesFile(&attr, &info);
    free_nt_name(&nt);
    if (!set_ntstatus(status)) return INVALID_FILE_ATTRIBUTES;
    return info.FileAttributes;
}

BOOL WINAPI GetFileAttributesExW(LPCWSTR name, GET_FILEEX_INFO_LEVELS level, LPVOID ptr)
{
    WIN32_FILE_ATTRIBUTE_DATA *data = ptr;
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    FILE_NETWORK_OPEN_INFORMATION info;
    NTSTATUS status;

    if (level != GetFileExInfoStandard) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if ((status = nt_name(name, &nt))) return set_ntstatus(status);
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
    status = NtQueryFullAttributesFile(&attr, &info);
    free_nt_name(&nt);
    if (!set_ntstatus(status)) return FALSE;
    data->dwFileAttributes = info.FileAttributes;
    to_filetime(&info.CreationTime, &data->ftCreationTime);
    to_filetime(&info.LastAccessTime, &data->ftLastAccessTime);
    to_filetime(&info.LastWriteTime, &data->ftLastWriteTime);
    data->nFileSizeHigh = info.EndOfFile.u.HighPart;
    data->nFileSizeLow = info.EndOfFile.u.LowPart;
    return TRUE;
}

BOOL WINAPI SetFileAttributesW(LPCWSTR name, DWORD attributes)
{
    FILE_BASIC_INFORMATION info;
    HANDLE h;
    NTSTATUS status = open_path(name, FILE_WRITE_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                                FILE_OPEN_FOR_BACKUP_INTENT, &h);
    if (status) return set_ntstatus(status);
    memset(&info, 0, sizeof(info));
    /* 0 would mean "leave the attributes alone": NORMAL clears them */
    info.FileAttributes = (attributes & FILE_ATTRIBUTE_VALID_SET_FLAGS) ? attributes & FILE_ATTRIBUTE_VALID_SET_FLAGS
                                                                         : FILE_ATTRIBUTE_NORMAL;
    status = set_info(h, &info, sizeof(info), FileBasicInformation);
    NtClose(h);
    return set_ntstatus(status);
}

BOOL WINAPI GetFileInformationByHandle(HANDLE h, BY_HANDLE_FILE_INFORMATION *out)
{
    FILE_BASIC_INFORMATION basic;
    FILE_STANDARD_INFORMATION std;
    FILE_INTERNAL_INFORMATION internal;
    BYTE volbuf[sizeof(FILE_FS_VOLUME_INFORMATION) + 64 * sizeof(WCHAR)];
    FILE_FS_VOLUME_INFORMATION *vol = (FILE_FS_VOLUME_INFORMATION *)volbuf;
    IO_STATUS_BLOCK io;
    NTSTATUS status;

    h = real_handle(h);
    if ((status = query_info(h, &basic, sizeof(basic), FileBasicInformation)) ||
        (status = query_info(h, &std, sizeof(std), FileStandardInformation)) ||
        (status = query_info(h, &internal, sizeof(internal), FileInternalInformation)))
        return set_ntstatus(status);
    status = NtQueryVolumeInformationFile(h, &io, vol, sizeof(volbuf), FileFsVolumeInformation);
    if (status && status != STATUS_BUFFER_OVERFLOW) return set_ntstatus(status);
    out->dwFileAttributes = basic.FileAttributes;
    to_filetime(&basic.CreationTime, &out->ftCreationTime);
    to_filetime(&basic.LastAccessTime, &out->ftLastAccessTime);
    to_filetime(&basic.LastWriteTime, &out->ftLastWriteTime);
    out->dwVolumeSerialNumber = vol->VolumeSerialNumber;
    out->nFileSizeHigh = std.EndOfFile.u.HighPart;
    out->nFileSizeLow = std.EndOfFile.u.LowPart;
    out->nNumberOfLinks = std.NumberOfLinks;
    out->nFileIndexHigh = internal.IndexNumber.u.HighPart;
    out->nFileIndexLow = internal.IndexNumber.u.LowPart;
    return TRUE;
}

/* FileIdInfo: the volume serial number and the file id */
static NTSTATUS query_file_id(HANDLE h, FILE_ID_INFO *info, DWORD size)
{
    FILE_INTERNAL_INFORMATION internal;
    BYTE volbuf[sizeof(FILE_FS_VOLUME_INFORMATION) + 64 * sizeof(WCHAR)];
    FILE_FS_VOLUME_INFORMATION *vol = (FILE_FS_VOLUME_INFORMATION *)volbuf;
    IO_STATUS_BLOCK io;
    NTSTATUS status;
    if (size < sizeof(*info)) return STATUS_BUFFER_TOO_SMALL;
    if ((status = query_info(h, &internal, sizeof(internal), FileInternalInformation))) return status;
    status = NtQueryVolumeInformationFile(h, &io, vol, sizeof(volbuf), FileFsVolumeInformation);
    if (status && status != STATUS_BUFFER_OVERFLOW) return status;
    memset(info, 0, sizeof(*info));
    info->VolumeSerialNumber = vol->VolumeSerialNumber;
    memcpy(&info->FileId, &internal.IndexNumber, sizeof(internal.IndexNumber));
    return STATUS_SUCCESS;
}

/* the directory classes read the folder the handle is open on, from the
   start for the Restart forms */
static NTSTATUS query_directory(HANDLE h, void *buf, DWORD size, FILE_INFORMATION_CLASS nt, BOOLEAN restart)
{
    IO_STATUS_BLOCK io;
    NTSTATUS status = NtQueryDirectoryFile(h, NULL, NULL, NULL, &io, buf, size, nt, FALSE, NULL, restart);
    if (status == STATUS_NO_SUCH_FILE) status = STATUS_NO_MORE_FILES;
    return status;
}

BOOL WINAPI GetFileInformationByHandleEx(HANDLE h, FILE_INFO_BY_HANDLE_CLASS klass, LPVOID buf, DWORD size)
{
    FILE_INFORMATION_CLASS nt;
    NTSTATUS status;
    h = real_handle(h);
    switch (klass)
    {
    case FileBasicInfo: nt = FileBasicInformation; break;
    case FileStandardInfo: nt = FileStandardInformation; break;
    case FileNameInfo: nt = FileNameInformation; break;
    case FileAttributeTagInfo: nt = (FILE_INFORMATION_CLASS)35; break;   /* FileAttributeTagInformation */
    case FileIdInfo: return set_ntstatus(query_file_id(h, buf, size));
    case FileIdBothDirectoryInfo: case FileIdBothDirectoryRestartInfo:
        return set_ntstatus(query_directory(h, buf, size, (FILE_INFORMATION_CLASS)37,   /* FileIdBothDirectoryInformation */
                                            klass == FileIdBothDirectoryRestartInfo));
    case FileFullDirectoryInfo: case FileFullDirectoryRestartInfo:
        return set_ntstatus(query_directory(h, buf, size, (FILE_INFORMATION_CLASS)2,    /* FileFullDirectoryInformation */
                                            klass == FileFullDirectoryRestartInfo));
    default: SetLastError(ERROR_INVALID_PARAMETER); return FALSE;
    }
    status = query_info(h, buf, size, nt);
    if (status == STATUS_INFO_LENGTH_MISMATCH) status = STATUS_BUFFER_TOO_SMALL;
    return set_ntstatus(status);
}

/* FILE_RENAME_INFO carries a DOS name; NtSetInformationFile wants an NT one */
static NTSTATUS set_rename(HANDLE h, const FILE_RENAME_INFO *in, DWORD size, FILE_INFORMATION_CLASS nt_class)
{
    FILE_RENAME_INFORMATION *out;
    UNICODE_STRING nt;
    WCHAR *name;
    NTSTATUS status;
    ULONG len;
    if (size < offsetof(FILE_RENAME_INFO, FileName) || in->FileNameLength > size - offsetof(FILE_RENAME_INFO, FileName))
        return STATUS_INVALID_PARAMETER;
    if (!(name = RtlAllocateHeap(PROCESS_HEAP(), 0, in->FileNameLength + sizeof(WCHAR)))) return STATUS_NO_MEMORY;
    memcpy(name, in->FileName, in->FileNameLength);
    name[in->FileNameLength / sizeof(WCHAR)] = 0;
    status = in->RootDirectory ? STATUS_NOT_IMPLEMENTED : nt_name(name, &nt);
    RtlFreeHeap(PROCESS_HEAP(), 0, name);
    if (status) return status;
    len = offsetof(FILE_RENAME_INFORMATION, FileName) + nt.Length;
    if (!(out = RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, len))) status = STATUS_NO_MEMORY;
    else
    {
        /* the Ex form has flags where the plain one has ReplaceIfExists */
        memcpy(out, in, offsetof(FILE_RENAME_INFO, RootDirectory));
        out->FileNameLength = nt.Length;
        memcpy(out->FileName, nt.Buffer, nt.Length);
        status = set_info(h, out, len, nt_class);
        RtlFreeHeap(PROCESS_HEAP(), 0, out);
    }
    free_nt_name(&nt);
    return status;
}

BOOL WINAPI SetFileInformationByHandle(HANDLE h, FILE_INFO_BY_HANDLE_CLASS klass, LPVOID buf, DWORD size)
{
    FILE_INFORMATION_CLASS nt;
    h = real_handle(h);
    switch (klass)
    {
    case FileBasicInfo: nt = FileBasicInformation; break;
    case FileDispositionInfo: nt = FileDispositionInformation; break;
    case FileAllocationInfo: nt = (FILE_INFORMATION_CLASS)19; break;        /* FileAllocationInformation */
    case FileEndOfFileInfo: nt = FileEndOfFileInformation; break;
    case 21 /* FileDispositionInfoEx */: nt = (FILE_INFORMATION_CLASS)64; break;   /* FileDispositionInformationEx */
    case FileRenameInfo: return set_ntstatus(set_rename(h, buf, size, FileRenameInformation));
    case 22 /* FileRenameInfoEx */: return set_ntstatus(set_rename(h, buf, size, (FILE_INFORMATION_CLASS)65));
    default: SetLastError(ERROR_INVALID_PARAMETER); return FALSE;
    }
    return set_ntstatus(set_info(h, buf, size, nt));
}

BOOL WINAPI GetFileTime(HANDLE h, FILETIME *creation, FILETIME *access, FILETIME *write)
{
    FILE_BASIC_INFORMATION info;
    if (!set_ntstatus(query_info(real_handle(h), &info, sizeof(info), FileBasicInformation))) return FALSE;
    if (creation) to_filetime(&info.CreationTime, creation);
    if (access) to_filetime(&info.LastAccessTime, access);
    if (write) to_filetime(&info.LastWriteTime, write);
    return TRUE;
}

BOOL WINAPI SetFileTime(HANDLE h, const FILETIME *creation, const FILETIME *access, const FILETIME *write)
{
    FILE_BASIC_INFORMATION info;
    memset(&info, 0, sizeof(info));   /* 0: this time stays as it is */
    if (creation) { info.CreationTime.u.LowPart = creation->dwLowDateTime; info.CreationTime.u.HighPart = creation->dwHighDateTime; }
    if (access) { info.LastAccessTime.u.LowPart = access->dwLowDateTime; info.LastAccessTime.u.HighPart = access->dwHighDateTime; }
    if (write) { info.LastWriteTime.u.LowPart = write->dwLowDateTime; info.LastWriteTime.u.HighPart = write->dwHighDateTime; }
    return set_ntstatus(set_info(real_handle(h), &info, sizeof(info), FileBasicInformation));
}

/* --- delete/move/copy ---------------------------------------------------------- */

/* open with DELETE and mark for deletion: the sharing and read-only checks
   are the file system's (tests/kernel32/file.c test_share_modes) */
static BOOL delete_path(const WCHAR *path, ULONG options)
{
    FILE_DISPOSITION_INFORMATION disp = { TRUE };
    HANDLE h;
    NTSTATUS status = open_path(path, DELETE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                                options | FILE_OPEN_FOR_BACKUP_INTENT | FILE_OPEN_REPARSE_POINT, &h);
    if (status) return set_ntstatus(status);
    status = set_info(h, &disp, sizeof(disp), FileDispositionInformation);
    NtClose(h);
    return set_ntstatus(status);
}

BOOL WINAPI DeleteFileW(LPCWSTR path)
{
    return delete_path(path, FILE_NON_DIRECTORY_FILE);
}

BOOL WINAPI RemoveDirectoryW(LPCWSTR path)
{
    return delete_path(path, FILE_DIRECTORY_FILE);
}

/* renames an open file to the DOS path dst */
static NTSTATUS rename_handle(HANDLE h, const WCHAR *dst, BOOL replace)
{
    FILE_RENAME_INFORMATION *info;
    UNICODE_STRING nt;
    NTSTATUS status;
    ULONG size;

    if ((status = nt_name(dst, &nt))) return status;
    size = offsetof(FILE_RENAME_INFORMATION, FileName) + nt.Length;
    if (!(info = RtlAllocateHeap(PROCESS_HEAP(), 0, size))) status = STATUS_NO_MEMORY;
    else
    {
        info->ReplaceIfExists = replace != FALSE;
        info->RootDirectory = NULL;
        info->FileNameLength = nt.Length;
        memcpy(info->FileName, nt.Buffer, nt.Length);
        status = set_info(h, info, size, FileRenameInformation);
        RtlFreeHeap(PROCESS_HEAP(), 0, info);
    }
    free_nt_name(&nt);
    return status;
}

/* a rename reports no progress; a move to another volume is a copy, which does */
BOOL WINAPI MoveFileWithProgressW(LPCWSTR src, LPCWSTR dst, LPPROGRESS_ROUTINE progress, LPVOID param, DWORD flags)
{
    HANDLE h;
    NTSTATUS status;

    if (!dst)
    {
        /* MoveFileEx(src, NULL, MOVEFILE_DELAY_UNTIL_REBOOT) deletes at reboot: now is as good */
        if (flags & MOVEFILE_DELAY_UNTIL_REBOOT) return DeleteFileW(src) || RemoveDirectoryW(src);
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if ((status = open_path(src, DELETE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                            FILE_OPEN_FOR_BACKUP_INTENT | FILE_OPEN_REPARSE_POINT, &h)))
        return set_ntstatus(status);
    status = rename_handle(h, dst, (flags & MOVEFILE_REPLACE_EXISTING) != 0);
    NtClose(h);
    /* another volume: copy, then delete the source */
    if (status == STATUS_NOT_SAME_DEVICE && (flags & MOVEFILE_COPY_ALLOWED))
        return CopyFileExW(src, dst, progress, param, NULL,
                           (flags & MOVEFILE_REPLACE_EXISTING) ? 0 : COPY_FILE_FAIL_IF_EXISTS) && DeleteFileW(src);
    return set_ntstatus(status);
}

BOOL WINAPI MoveFileExW(LPCWSTR src, LPCWSTR dst, DWORD flags)
{
    return MoveFileWithProgressW(src, dst, NULL, NULL, flags);
}

BOOL WINAPI MoveFileW(LPCWSTR src, LPCWSTR dst)
{
    return MoveFileExW(src, dst, MOVEFILE_COPY_ALLOWED);
}

/* ReplaceFile: the replacement takes the replaced file's name, creation
   time and attributes (documented); the replaced file is renamed to the
   backup name or goes. Both are opened first, with the access and sharing
   documented, so a missing or busy file is reported as itself and nothing
   has moved; after that the documented ERROR_UNABLE_TO_* codes say which
   step failed. Without a backup the replacement is renamed over the
   replaced file in one step: on failure both stay as they were. */
BOOL WINAPI ReplaceFileW(LPCWSTR replaced, LPCWSTR replacement, LPCWSTR backup, DWORD flags,
                         LPVOID exclude, LPVOID reserved)
{
    FILE_BASIC_INFORMATION old_info, info;
    HANDLE old, new;
    NTSTATUS status;

    (void)exclude; (void)reserved;
    if (!replaced || !replacement) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if ((status = open_path(replaced, GENERIC_READ | DELETE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                            FILE_NON_DIRECTORY_FILE, &old)))
        return set_ntstatus(status);
    status = open_path(replacement, GENERIC_READ | GENERIC_WRITE | DELETE | WRITE_DAC, 0, FILE_NON_DIRECTORY_FILE, &new);
    if (status == STATUS_ACCESS_DENIED)
        status = open_path(replacement, GENERIC_READ | DELETE | WRITE_DAC, 0, FILE_NON_DIRECTORY_FILE, &new);
    if (status) { NtClose(old); return set_ntstatus(status); }

    /* the merge: the replaced file's creation time and attributes */
    if (!(status = query_info(old, &old_info, sizeof(old_info), FileBasicInformation)) &&
        !(status = query_info(new, &info, sizeof(info), FileBasicInformation)))
    {
        info.CreationTime = old_info.CreationTime;
        info.FileAttributes = old_info.FileAttributes ? old_info.FileAttributes : FILE_ATTRIBUTE_NORMAL;
        info.ChangeTime.QuadPart = 0;
        status = set_info(new, &info, sizeof(info), FileBasicInformation);
    }
    if (status && !(flags & REPLACEFILE_IGNORE_MERGE_ERRORS))
    {
        NtClose(old);
        NtClose(new);
        return set_ntstatus(status);
    }

    if (backup && rename_handle(old, backup, TRUE))
    {
        NtClose(old);
        NtClose(new);
        SetLastError(ERROR_UNABLE_TO_REMOVE_REPLACED);
        return FALSE;
    }
    NtClose(old);
    status = rename_handle(new, replaced, TRUE);
    NtClose(new);
    if (status)
    {
        SetLastError(backup ? ERROR_UNABLE_TO_MOVE_REPLACEMENT_2 : ERROR_UNABLE_TO_MOVE_REPLACEMENT);
        return FALSE;
    }
    return TRUE;
}

/* --- directories ------------------------------------------------------------------ */

BOOL WINAPI CreateDirectoryW(LPCWSTR path, LPSECURITY_ATTRIBUTES sa)
{
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    HANDLE h;
    NTSTATUS status = nt_name(path, &nt);
    if (status) return set_ntstatus(status);
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, sa ? sa->lpSecurityDescriptor : NULL);
    status = NtCreateFile(&h, FILE_LIST_DIRECTORY | SYNCHRONIZE, &attr, &io, NULL, FILE_ATTRIBUTE_NORMAL,
                          FILE_SHARE_READ | FILE_SHARE_WRITE, FILE_CREATE,
                          FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT | FILE_OPEN_FOR_BACKUP_INTENT, NULL, 0);
    free_nt_name(&nt);
    if (!status) NtClose(h);
    return set_ntstatus(status);
}

BOOL WINAPI CreateDirectoryExW(LPCWSTR template, LPCWSTR path, LPSECURITY_ATTRIBUTES sa)
{
    (void)template;
    return CreateDirectoryW(path, sa);
}

/* --- find ------------------------------------------------------------------------------ */

#define FIND_MAGIC 0x46494e44   /* "FIND" */
#define FIND_BUFFER 8192

struct find_handle {
    DWORD magic;
    HANDLE dir;
    FINDEX_INFO_LEVELS level;
    ULONG pos, len;            /* the entry to return next, the bytes in data */
    BYTE data[FIND_BUFFER] __attribute__((aligned(8)));
};

/* FindFirstFile masks in the form the file system matches: '?' any
   character or none before a dot, "*." up to the last dot, a dot before a
   wildcard or at the end also the end of the name; "*.*" is "*" */
static size_t dos_mask(const WCHAR *src, size_t len, WCHAR *dst)
{
    if (len == 3 && src[0] == '*' && src[1] == '.' && src[2] == '*') len = 1;
    for (size_t i = 0; i < len; i++)
    {
        WCHAR c = src[i], next = i + 1 < len ? src[i + 1] : 0;
        if (c == '?') c = '>';
        else if (c == '*' && next == '.') c = '<';
        else if (c == '.' && (next == '?' || next == '*' || !next) && len > 1) c = '"';
        dst[i] = c;
    }
    dst[len] = 0;
    return len;
}

static void fill_find_data(const FILE_BOTH_DIR_INFORMATION *e, WIN32_FIND_DATAW *fd, FINDEX_INFO_LEVELS level)
{
    ULONG n = e->FileNameLength / sizeof(WCHAR);
    memset(fd, 0, sizeof(*fd));
    fd->dwFileAttributes = e->FileAttributes;
    to_filetime(&e->CreationTime, &fd->ftCreationTime);
    to_filetime(&e->LastAccessTime, &fd->ftLastAccessTime);
    to_filetime(&e->LastWriteTime, &fd->ftLastWriteTime);
    fd->nFileSizeHigh = e->EndOfFile.u.HighPart;
    fd->nFileSizeLow = e->EndOfFile.u.LowPart;
    if (n >= MAX_PATH) n = MAX_PATH - 1;
    memcpy(fd->cFileName, e->FileName, n * sizeof(WCHAR));
    if (level == FindExInfoStandard && e->ShortNameLength)
        memcpy(fd->cAlternateFileName, e->ShortName, e->ShortNameLength);
}

static NTSTATUS find_fill(struct find_handle *f, UNICODE_STRING *mask, BOOLEAN restart)
{
    IO_STATUS_BLOCK io;
    NTSTATUS status = NtQueryDirectoryFile(f->dir, NULL, NULL, NULL, &io, f->data, sizeof(f->data),
                                           FileBothDirectoryInformation, FALSE, mask, restart);
    f->pos = 0;
    f->len = status ? 0 : io.Information;
    return status;
}

static struct find_handle *find_open(const WCHAR *name, FINDEX_INFO_LEVELS level, NTSTATUS *status)
{
    UNICODE_STRING nt, dir, mask;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    struct find_handle *f = NULL;
    WCHAR *file_part = NULL, *maskbuf;
    size_t dirlen, masklen;

    if ((*status = RtlDosPathNameToNtPathName_U_WithStatus(name, &nt, &file_part, NULL))) return NULL;
    if (!file_part || !*file_part) { free_nt_name(&nt); *status = STATUS_NO_SUCH_FILE; return NULL; }
    masklen = wcslen(file_part);
    dirlen = file_part - nt.Buffer;
    if (dirlen > 7) dirlen--;          /* keep the backslash of a root: "\??\C:\" */
    dir.Buffer = nt.Buffer;
    dir.Length = dir.MaximumLength = dirlen * sizeof(WCHAR);
    if (!(maskbuf = RtlAllocateHeap(PROCESS_HEAP(), 0, (masklen + 1) * sizeof(WCHAR)))) *status = STATUS_NO_MEMORY;
    else if (!(f = RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*f)))) *status = STATUS_NO_MEMORY;
    else
    {
        masklen = dos_mask(file_part, masklen, maskbuf);
        mask.Buffer = maskbuf;
        mask.Length = mask.MaximumLength = masklen * sizeof(WCHAR);
        if (masklen == 1 && maskbuf[0] == '*') mask.Length = 0;
        InitializeObjectAttributes(&attr, &dir, OBJ_CASE_INSENSITIVE, NULL, NULL);
        *status = NtOpenFile(&f->dir, FILE_LIST_DIRECTORY | SYNCHRONIZE, &attr, &io,
                             FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                             FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT | FILE_OPEN_FOR_BACKUP_INTENT);
        /* a missing folder is a missing path, even as the last component */
        if (*status == STATUS_OBJECT_NAME_NOT_FOUND) *status = STATUS_OBJECT_PATH_NOT_FOUND;
        if (!*status && (*status = find_fill(f, mask.Length ? &mask : NULL, TRUE))) NtClose(f->dir);
        if (*status == STATUS_NO_MORE_FILES) *status = STATUS_NO_SUCH_FILE;
    }
    RtlFreeHeap(PROCESS_HEAP(), 0, maskbuf);
    free_nt_name(&nt);
    if (*status) { RtlFreeHeap(PROCESS_HEAP(), 0, f); return NULL; }
    f->magic = FIND_MAGIC;
    f->level = level;
    return f;
}

HANDLE WINAPI FindFirstFileExW(LPCWSTR name, FINDEX_INFO_LEVELS level, LPVOID data, FINDEX_SEARCH_OPS op,
                               LPVOID filter, DWORD flags)
{
    struct find_handle *f;
    NTSTATUS status;
    (void)flags;
    if ((level != FindExInfoStandard && level != FindExInfoBasic) || op > FindExSearchLimitToDirectories || filter)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    if (!(f = find_open(name, level, &status))) { set_ntstatus(status); return INVALID_HANDLE_VALUE; }
    if (!FindNextFileW(f, data)) { FindClose(f); SetLastError(ERROR_FILE_NOT_FOUND); return INVALID_HANDLE_VALUE; }
    return f;
}

HANDLE WINAPI FindFirstFileW(LPCWSTR name, WIN32_FIND_DATAW *data)
{
    return FindFirstFileExW(name, FindExInfoStandard, data, FindExSearchNameMatch, NULL, 0);
}

static struct find_handle *find_handle(HANDLE h)
{
    struct find_handle *f = h;
    if (!f || f == INVALID_HANDLE_VALUE || f->magic != FIND_MAGIC) return NULL;
    return f;
}

BOOL WINAPI FindNextFileW(HANDLE h, WIN32_FIND_DATAW *data)
{
    struct find_handle *f = find_handle(h);
    FILE_BOTH_DIR_INFORMATION *e;
    if (!f) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    if (f->pos >= f->len)
    {
        NTSTATUS status = find_fill(f, NULL, FALSE);
        if (status == STATUS_NO_MORE_FILES || status == STATUS_NO_SUCH_FILE || (!status && !f->len))
        {
            SetLastError(ERROR_NO_MORE_FILES);
            return FALSE;
        }
        if (status) return set_ntstatus(status);
    }
    e = (FILE_BOTH_DIR_INFORMATION *)(f->data + f->pos);
    fill_find_data(e, data, f->level);
    f->pos = e->NextEntryOffset ? f->pos + e->NextEntryOffset : f->len;
    return TRUE;
}

BOOL WINAPI FindClose(HANDLE h)
{
    struct find_handle *f = find_handle(h);
    if (!f && k32_find_list_close(h)) return TRUE;   /* a stream or name search */
    if (!f) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    f->magic = 0;
    NtClose(f->dir);
    RtlFreeHeap(PROCESS_HEAP(), 0, f);
    return TRUE;
}

/* --- locks ------------------------------------------------------------------------------ */

static LARGE_INTEGER make_li(DWORD low, DWORD high)
{
    LARGE_INTEGER li;
    li.u.LowPart = low;
    li.u.HighPart = high;
    return li;
}

BOOL WINAPI LockFile(HANDLE h, DWORD off_low, DWORD off_high, DWORD len_low, DWORD len_high)
{
    IO_STATUS_BLOCK io;
    LARGE_INTEGER off = make_li(off_low, off_high), len = make_li(len_low, len_high);
    return set_ntstatus(NtLockFile(h, NULL, NULL, NULL, &io, &off, &len, 0, TRUE, TRUE));
}

BOOL WINAPI LockFileEx(HANDLE h, DWORD flags, DWORD reserved, DWORD len_low, DWORD len_high, OVERLAPPED *ov)
{
    LARGE_INTEGER off, len = make_li(len_low, len_high);
    if (reserved || !ov) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    off = overlapped_offset(ov);
    ov->Internal = STATUS_PENDING;
    return set_ntstatus(NtLockFile(h, ov->hEvent, NULL, NULL, (IO_STATUS_BLOCK *)ov, &off, &len, 0,
                                   !!(flags & LOCKFILE_FAIL_IMMEDIATELY), !!(flags & LOCKFILE_EXCLUSIVE_LOCK)));
}

BOOL WINAPI UnlockFile(HANDLE h, DWORD off_low, DWORD off_high, DWORD len_low, DWORD len_high)
{
    IO_STATUS_BLOCK io;
    LARGE_INTEGER off = make_li(off_low, off_high), len = make_li(len_low, len_high);
    return set_ntstatus(NtUnlockFile(h, &io, &off, &len, 0));
}

BOOL WINAPI UnlockFileEx(HANDLE h, DWORD reserved, DWORD len_low, DWORD len_high, OVERLAPPED *ov)
{
    LARGE_INTEGER off, len = make_li(len_low, len_high);
    if (reserved || !ov) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    off = overlapped_offset(ov);
    return set_ntstatus(NtUnlockFile(h, (IO_STATUS_BLOCK *)ov, &off, &len, 0));
}

/* --- final path -------------------------------------------------------------------------- */

DWORD WINAPI GetFinalPathNameByHandleW(HANDLE h, LPWSTR buf, DWORD size, DWORD flags)
{
    WCHAR path[MAX_PATH * 4 + 8], *p = path + 4;
    ULONG needed;
    NTSTATUS status = __wlx_file_dos_path(real_handle(h), p, sizeof(path) - 4 * sizeof(WCHAR), &needed);
    if (status) { set_ntstatus(status); return 0; }
    switch (flags & 7)
    {
    case VOLUME_NAME_DOS:
        p -= 4;
        memcpy(p, L"\\\\?\\", 4 * sizeof(WCHAR));
        break;
    case VOLUME_NAME_NONE:
        p += 2;      /* past "C:" */
        break;
    case VOLUME_NAME_NT:
    {
        /* the drive's device, numbered as QueryDosDevice numbers it (A: is 1) */
        WCHAR dev[32];
        int n = _snwprintf(dev, ARRAYSIZE(dev), L"\\Device\\HarddiskVolume%d", (p[0] | 0x20) - 'a' + 1);
        memmove(path + n, p + 2, (wcslen(p + 2) + 1) * sizeof(WCHAR));
        memcpy(path, dev, n * sizeof(WCHAR));
        p = path;
        break;
    }
    default:
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return copy_result(p, wcslen(p), buf, size);
}

/* --- pipes ---------------------------------------------------------------------------------- */

BOOL WINAPI CreatePipe(HANDLE *read_end, HANDLE *write_end, SECURITY_ATTRIBUTES *sa, DWORD size)
{
    (void)size;
    return set_ntstatus(__wlx_create_pipe(read_end, write_end, sa && sa->bInheritHandle ? OBJ_INHERIT : 0));
}

BOOL WINAPI PeekNamedPipe(HANDLE h, LPVOID buf, DWORD size, DWORD *read, DWORD *avail, DWORD *left)
{
    IO_STATUS_BLOCK io;
    ULONG out_size = 16 + size;
    ULONG *peek = RtlAllocateHeap(PROCESS_HEAP(), 0, out_size);
    NTSTATUS status;
    if (!peek) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    status = NtFsControlFile(real_handle(h), NULL, NULL, NULL, &io, FSCTL_PIPE_PEEK, NULL, 0, peek, out_size);
    if (status == STATUS_BUFFER_OVERFLOW) status = STATUS_SUCCESS;
    if (!status)
    {
        ULONG got = io.Information - 16;
        if (avail) *avail = peek[1];
        if (read) *read = got;
        /* what the peek did not copy of the first message (message pipes) */
        if (left) *left = peek[3] > got ? peek[3] - got : 0;
        if (buf && got) memcpy(buf, peek + 4, got);
    }
    RtlFreeHeap(PROCESS_HEAP(), 0, peek);
    return set_ntstatus(status);
}

/* --- small and legacy ------------------------------------------------------------------------- */

static BOOL oem_file_apis;

/* recorded; the A functions convert with the ANSI code page either way */
void WINAPI SetFileApisToOEM(void) { oem_file_apis = TRUE; }
void WINAPI SetFileApisToANSI(void) { oem_file_apis = FALSE; }
BOOL WINAPI AreFileApisANSI(void) { return !oem_file_apis; }

BOOL WINAPI CreateHardLinkW(LPCWSTR link, LPCWSTR target, LPSECURITY_ATTRIBUTES sa)
{
    FILE_LINK_INFORMATION *info;
    UNICODE_STRING nt;
    HANDLE h;
    NTSTATUS status;
    ULONG size;
    (void)sa;
    if ((status = open_path(target, SYNCHRONIZE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                            FILE_NON_DIRECTORY_FILE, &h)))
        return set_ntstatus(status);
    if ((status = nt_name(link, &nt))) { NtClose(h); return set_ntstatus(status); }
    size = offsetof(FILE_LINK_INFORMATION, FileName) + nt.Length;
    if (!(info = RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, size))) status = STATUS_NO_MEMORY;
    else
    {
        info->FileNameLength = nt.Length;
        memcpy(info->FileName, nt.Buffer, nt.Length);
        status = set_info(h, info, size, (FILE_INFORMATION_CLASS)11);   /* FileLinkInformation */
        RtlFreeHeap(PROCESS_HEAP(), 0, info);
    }
    free_nt_name(&nt);
    NtClose(h);
    return set_ntstatus(status);
}

/* no compression: the size on disk is the size */
DWORD WINAPI GetCompressedFileSizeW(LPCWSTR name, DWORD *high)
{
    WIN32_FILE_ATTRIBUTE_DATA data;
    if (!GetFileAttributesExW(name, GetFileExInfoStandard, &data)) return INVALID_FILE_SIZE;
    if (high) *high = data.nFileSizeHigh;
    if (data.nFileSizeLow == INVALID_FILE_SIZE) SetLastError(NO_ERROR);
    return data.nFileSizeLow;
}

/* a new handle on the same file, with other access or sharing */
HANDLE WINAPI ReOpenFile(HANDLE h, DWORD access, DWORD sharing, DWORD flags)
{
    WCHAR path[MAX_PATH * 4];
    ULONG needed;
    NTSTATUS status = __wlx_file_dos_path(real_handle(h), path, sizeof(path), &needed);
    if (status) { set_ntstatus(status); return INVALID_HANDLE_VALUE; }
    return CreateFileW(path, access, sharing, NULL, OPEN_EXISTING, flags, NULL);
}

/* the 16-bit file functions some old programs still call */
static HFILE hfile_of(HANDLE h)
{
    return h == INVALID_HANDLE_VALUE ? HFILE_ERROR : (HFILE)(ULONG_PTR)h;
}

/* the access and sharing of an OF_* mode (_lopen, OpenFile) */
static DWORD of_access(UINT mode)
{
    static const DWORD access[] = { GENERIC_READ, GENERIC_WRITE, GENERIC_READ | GENERIC_WRITE, GENERIC_READ };
    return access[mode & 3];
}

static DWORD of_sharing(UINT mode)
{
    switch (mode & 0x70)
    {
    case OF_SHARE_EXCLUSIVE: return 0;
    case OF_SHARE_DENY_WRITE: return FILE_SHARE_READ;
    case OF_SHARE_DENY_READ: return FILE_SHARE_WRITE;
    }
    return FILE_SHARE_READ | FILE_SHARE_WRITE;
}

HFILE WINAPI _lopen(LPCSTR path, INT mode)
{
    return hfile_of(CreateFileA(path, of_access(mode), of_sharing(mode), NULL, OPEN_EXISTING, 0, NULL));
}

/* OFSTRUCT.fFixedDisk: the path's drive is not removable */
static BYTE fixed_disk(const char *path)
{
    char root[4] = { path[0], ':', '\\', 0 };
    return path[0] && path[1] == ':' && GetDriveTypeA(root) != DRIVE_REMOVABLE;
}

/* The 16-bit way to open, create, test or delete a file. A name without a
   folder is searched as SearchPath searches; the OFSTRUCT gets its size,
   the full path found (or the one that was not), the error, and the file's
   DOS date and time (OF_VERIFY compares them). OF_EXIST and OF_DELETE
   return 1, OF_PARSE 0, the others the handle; failure HFILE_ERROR. */
HFILE WINAPI OpenFile(LPCSTR name, OFSTRUCT *ofs, UINT mode)
{
    char *path = ofs->szPathName;
    FILETIME ft;
    WORD date, time;
    HANDLE h;

    ofs->cBytes = sizeof(*ofs);
    ofs->nErrCode = 0;
    if (mode & OF_REOPEN) name = ofs->szPathName;
    if (!name) { SetLastError(ERROR_INVALID_PARAMETER); goto error; }
    if (mode & OF_PARSE)
    {
        if (!GetFullPathNameA(name, sizeof(ofs->szPathName), path, NULL)) goto error;
        ofs->fFixedDisk = fixed_disk(path);
        return 0;
    }
    if (mode & OF_CREATE)
    {
        if (!GetFullPathNameA(name, sizeof(ofs->szPathName), path, NULL)) goto error;
        h = CreateFileA(path, of_access(mode), of_sharing(mode), NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    }
    else
    {
        if (!SearchPathA(NULL, name, NULL, sizeof(ofs->szPathName), path, NULL))
        {
            GetFullPathNameA(name, sizeof(ofs->szPathName), path, NULL);
            SetLastError(ERROR_FILE_NOT_FOUND);
            goto error;
        }
        if (mode & OF_DELETE)
        {
            if (!DeleteFileA(path)) goto error;
            return 1;
        }
        h = CreateFileA(path, of_access(mode), of_sharing(mode), NULL, OPEN_EXISTING, 0, NULL);
    }
    if (h == INVALID_HANDLE_VALUE) goto error;
    ofs->fFixedDisk = fixed_disk(path);
    GetFileTime(h, NULL, NULL, &ft);
    FileTimeToDosDateTime(&ft, &date, &time);
    if ((mode & OF_VERIFY) && (ofs->Reserved1 != date || ofs->Reserved2 != time))
    {
        CloseHandle(h);
        SetLastError(ERROR_FILE_NOT_FOUND);
        goto error;
    }
    ofs->Reserved1 = date;
    ofs->Reserved2 = time;
    if (mode & OF_EXIST)
    {
        CloseHandle(h);
        return 1;
    }
    return hfile_of(h);

error:
    ofs->nErrCode = GetLastError();
    return HFILE_ERROR;
}

HFILE WINAPI _lcreat(LPCSTR path, INT attr)
{
    /* only the read-only, hidden and system bits mean anything here */
    return hfile_of(CreateFileA(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                                CREATE_ALWAYS, (attr & 7) ? (DWORD)(attr & 7) : FILE_ATTRIBUTE_NORMAL, NULL));
}

HFILE WINAPI _lclose(HFILE f)
{
    return CloseHandle((HANDLE)(ULONG_PTR)f) ? 0 : HFILE_ERROR;
}

LONG WINAPI _hread(HFILE f, LPVOID buf, LONG count)
{
    DWORD done;
    return ReadFile((HANDLE)(ULONG_PTR)f, buf, count, &done, NULL) ? (LONG)done : HFILE_ERROR;
}

UINT WINAPI _lread(HFILE f, LPVOID buf, UINT count)
{
    return _hread(f, buf, count);
}

/* writing nothing cuts the file at the pointer */
LONG WINAPI _hwrite(HFILE f, LPCSTR buf, LONG count)
{
    DWORD done;
    if (!count) return SetEndOfFile((HANDLE)(ULONG_PTR)f) ? 0 : HFILE_ERROR;
    return WriteFile((HANDLE)(ULONG_PTR)f, buf, count, &done, NULL) ? (LONG)done : HFILE_ERROR;
}

UINT WINAPI _lwrite(HFILE f, LPCSTR buf, UINT count)
{
    return _hwrite(f, buf, count);
}

LONG WINAPI _llseek(HFILE f, LONG offset, INT origin)
{
    return SetFilePointer((HANDLE)(ULONG_PTR)f, offset, NULL, origin);
}

/* --- A functions ------------------------------------------------------------------------------- */

/* an A path as a heap W string; NULL (last error set) when it cannot be */
static WCHAR *path_AtoW(const char *s)
{
    WCHAR *w;
    if (!s) return NULL;
    if (!(w = k32_strdup_AtoW(s))) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return w;
}

static void free_w(WCHAR *w)
{
    RtlFreeHeap(PROCESS_HEAP(), 0, w);
}

HANDLE WINAPI CreateFileA(LPCSTR name, DWORD access, DWORD sharing, LPSECURITY_ATTRIBUTES sa,
                          DWORD creation, DWORD flags, HANDLE template)
{
    WCHAR *w = path_AtoW(name);
    HANDLE h;
    if (!w && name) return INVALID_HANDLE_VALUE;
    h = CreateFileW(w, access, sharing, sa, creation, flags, template);
    free_w(w);
    return h;
}

#define A_WRAPPER1(ret, func, fail)                                     \
    ret WINAPI func##A(LPCSTR a)                                        \
    {                                                                   \
        WCHAR *w = path_AtoW(a);                                        \
        ret r;                                                          \
        if (!w) { if (!a) SetLastError(ERROR_PATH_NOT_FOUND); return fail; } \
        r = func##W(w);                                                 \
        free_w(w);                                                      \
        return r;                                                       \
    }

A_WRAPPER1(BOOL, DeleteFile, FALSE)
A_WRAPPER1(BOOL, RemoveDirectory, FALSE)
A_WRAPPER1(DWORD, GetFileAttributes, INVALID_FILE_ATTRIBUTES)

BOOL WINAPI SetFileAttributesA(LPCSTR name, DWORD attributes)
{
    WCHAR *w = path_AtoW(name);
    BOOL ret;
    if (!w) return FALSE;
    ret = SetFileAttributesW(w, attributes);
    free_w(w);
    return ret;
}

BOOL WINAPI GetFileAttributesExA(LPCSTR name, GET_FILEEX_INFO_LEVELS level, LPVOID data)
{
    WCHAR *w = path_AtoW(name);
    BOOL ret;
    if (!w) return FALSE;
    ret = GetFileAttributesExW(w, level, data);
    free_w(w);
    return ret;
}

BOOL WINAPI CreateDirectoryA(LPCSTR path, LPSECURITY_ATTRIBUTES sa)
{
    WCHAR *w = path_AtoW(path);
    BOOL ret;
    if (!w) return FALSE;
    ret = CreateDirectoryW(w, sa);
    free_w(w);
    return ret;
}

BOOL WINAPI CreateDirectoryExA(LPCSTR template, LPCSTR path, LPSECURITY_ATTRIBUTES sa)
{
    (void)template;
    return CreateDirectoryA(path, sa);
}

/* two paths, as MoveFileExA takes them (the second may be NULL) */
static BOOL two_paths(LPCSTR a1, LPCSTR a2, WCHAR **w1, WCHAR **w2)
{
    *w1 = path_AtoW(a1);
    *w2 = a2 ? path_AtoW(a2) : NULL;
    if (*w1 && (*w2 || !a2)) return TRUE;
    free_w(*w1);
    free_w(*w2);
    *w1 = *w2 = NULL;
    return FALSE;
}

BOOL WINAPI MoveFileExA(LPCSTR src, LPCSTR dst, DWORD flags)
{
    WCHAR *w1, *w2;
    BOOL ret;
    if (!two_paths(src, dst, &w1, &w2)) return FALSE;
    ret = MoveFileExW(w1, w2, flags);
    free_w(w1);
    free_w(w2);
    return ret;
}

BOOL WINAPI MoveFileA(LPCSTR src, LPCSTR dst)
{
    return MoveFileExA(src, dst, MOVEFILE_COPY_ALLOWED);
}

BOOL WINAPI MoveFileWithProgressA(LPCSTR src, LPCSTR dst, LPPROGRESS_ROUTINE progress, LPVOID param, DWORD flags)
{
    WCHAR *w1, *w2;
    BOOL ret;
    if (!two_paths(src, dst, &w1, &w2)) return FALSE;
    ret = MoveFileWithProgressW(w1, w2, progress, param, flags);
    free_w(w1);
    free_w(w2);
    return ret;
}

BOOL WINAPI ReplaceFileA(LPCSTR replaced, LPCSTR replacement, LPCSTR backup, DWORD flags, LPVOID exclude,
                         LPVOID reserved)
{
    WCHAR *w1 = NULL, *w2 = NULL, *w3 = NULL;
    BOOL ret = FALSE;
    if (!replaced || !replacement) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (two_paths(replaced, replacement, &w1, &w2) && (!backup || (w3 = path_AtoW(backup))))
        ret = ReplaceFileW(w1, w2, w3, flags, exclude, reserved);
    free_w(w1);
    free_w(w2);
    free_w(w3);
    return ret;
}

static void find_data_WtoA(const WIN32_FIND_DATAW *w, WIN32_FIND_DATAA *a)
{
    memcpy(a, w, offsetof(WIN32_FIND_DATAA, cFileName));
    WideCharToMultiByte(CP_ACP, 0, w->cFileName, -1, a->cFileName, sizeof(a->cFileName), NULL, NULL);
    WideCharToMultiByte(CP_ACP, 0, w->cAlternateFileName, -1, a->cAlternateFileName,
                        sizeof(a->cAlternateFileName), NULL, NULL);
}

HANDLE WINAPI FindFirstFileExA(LPCSTR name, FINDEX_INFO_LEVELS level, LPVOID data, FINDEX_SEARCH_OPS op,
                               LPVOID filter, DWORD flags)
{
    WIN32_FIND_DATAW wd;
    WCHAR *w = path_AtoW(name);
    HANDLE h;
    if (!w) return INVALID_HANDLE_VALUE;
    h = FindFirstFileExW(w, level, &wd, op, filter, flags);
    free_w(w);
    if (h != INVALID_HANDLE_VALUE) find_data_WtoA(&wd, data);
    return h;
}

HANDLE WINAPI FindFirstFileA(LPCSTR name, WIN32_FIND_DATAA *data)
{
    return FindFirstFileExA(name, FindExInfoStandard, data, FindExSearchNameMatch, NULL, 0);
}

BOOL WINAPI FindNextFileA(HANDLE h, WIN32_FIND_DATAA *data)
{
    WIN32_FIND_DATAW wd;
    if (!FindNextFileW(h, &wd)) return FALSE;
    find_data_WtoA(&wd, data);
    return TRUE;
}

DWORD WINAPI GetFinalPathNameByHandleA(HANDLE h, LPSTR buf, DWORD size, DWORD flags)
{
    WCHAR w[MAX_PATH * 4 + 32];
    DWORD len = GetFinalPathNameByHandleW(h, w, ARRAYSIZE(w), flags), alen;
    if (!len || len >= ARRAYSIZE(w)) return 0;
    alen = WideCharToMultiByte(CP_ACP, 0, w, -1, NULL, 0, NULL, NULL);
    if (alen > size) return alen;
    WideCharToMultiByte(CP_ACP, 0, w, -1, buf, size, NULL, NULL);
    return alen - 1;
}

BOOL WINAPI CreateHardLinkA(LPCSTR link, LPCSTR target, LPSECURITY_ATTRIBUTES sa)
{
    WCHAR *w1, *w2;
    BOOL ret;
    if (!two_paths(link, target, &w1, &w2)) return FALSE;
    ret = CreateHardLinkW(w1, w2, sa);
    free_w(w1);
    free_w(w2);
    return ret;
}

DWORD WINAPI GetCompressedFileSizeA(LPCSTR name, DWORD *high)
{
    WCHAR *w = path_AtoW(name);
    DWORD ret;
    if (!w) return INVALID_FILE_SIZE;
    ret = GetCompressedFileSizeW(w, high);
    free_w(w);
    return ret;
}
