/*
 * ntdll/path.c — DOS paths: full-path resolution (GetFullPathName rules:
 * '/' as '\', "." and "..", drive-relative and rooted paths, trailing dots
 * and spaces dropped), DOS → NT names ("C:\x" → "\??\C:\x"), and the
 * process's current directory.
 */
#include "private.h"
#include "loader.h"

typedef enum { PATH_UNKNOWN, PATH_UNC, PATH_DRIVE_ABS, PATH_DRIVE_REL, PATH_ROOTED, PATH_RELATIVE,
               PATH_LOCAL_DEVICE, PATH_ROOT_LOCAL_DEVICE } path_type;

/* loader.c: the PEB's lock over the current directory */
void NTAPI RtlAcquirePebLock(void);
void NTAPI RtlReleasePebLock(void);

static int is_sep(WCHAR c) { return c == '\\' || c == '/'; }

ULONG NTAPI RtlDetermineDosPathNameType_U(const WCHAR *p)
{
    if (is_sep(p[0]))
    {
        if (!is_sep(p[1])) return PATH_ROOTED;
        if ((p[2] == '.' || p[2] == '?') && (is_sep(p[3]) || !p[3])) return p[3] ? PATH_LOCAL_DEVICE : PATH_ROOT_LOCAL_DEVICE;
        return PATH_UNC;
    }
    if (p[0] && p[1] == ':') return is_sep(p[2]) ? PATH_DRIVE_ABS : PATH_DRIVE_REL;
    return PATH_RELATIVE;
}

/* RtlIsDosDeviceName_U: whether a DOS path's last element names a device
 * (AUX, CON, NUL, PRN, COM1-COM9, LPT1-LPT9, any case), which Windows 10
 * opens instead of a file even with an extension, trailing spaces or a
 * colon after it ("c:\\dir\\nul.txt"). The answer is the name's offset and
 * length in bytes, MAKELONG(length, offset), or 0. UNC and device paths
 * (\\\\.\\, \\\\?\\) and paths ending in a separator name none. Go asks this
 * to tell reserved names (filepath.IsLocal, os.Root). */
ULONG NTAPI RtlIsDosDeviceName_U(const WCHAR *name)
{
    static const WCHAR *const three[] = { L"AUX", L"CON", L"NUL", L"PRN" };
    if (!name || !*name) return 0;
    switch (RtlDetermineDosPathNameType_U(name))
    {
    case PATH_UNC: case PATH_LOCAL_DEVICE: case PATH_ROOT_LOCAL_DEVICE: return 0;
    default: break;
    }
    const WCHAR *start = name, *end = name;
    while (*end) end++;
    if (is_sep(end[-1])) return 0;
    for (const WCHAR *p = name; p < end; p++) if (is_sep(*p)) start = p + 1;
    if (start == name && name[0] && name[1] == ':') start = name + 2;   /* "c:nul" */
    const WCHAR *p = start;
    while (p < end && *p != '.' && *p != ':' && *p != ' ') p++;
    size_t n = p - start;
    while (p < end && *p == ' ') p++;
    if (p < end && *p != '.' && *p != ':') return 0;   /* more name after the spaces */
    WCHAR up[4];
    if (n != 3 && n != 4) return 0;
    for (size_t i = 0; i < 3; i++) up[i] = start[i] >= 'a' && start[i] <= 'z' ? start[i] - 32 : start[i];
    up[3] = 0;
    BOOL device = FALSE;
    if (n == 3)
        for (size_t i = 0; i < sizeof(three) / sizeof(three[0]); i++)
            device |= !wcscmp(up, three[i]);
    else device = (!wcscmp(up, L"COM") || !wcscmp(up, L"LPT")) && start[3] >= '1' && start[3] <= '9';
    if (!device) return 0;
    return ((ULONG)((start - name) * sizeof(WCHAR)) << 16) | (ULONG)(n * sizeof(WCHAR));
}

static UNICODE_STRING *cur_dir(void)
{
    return (UNICODE_STRING *)(PROCESS_PARAMS() + PP_CURDIR);
}

/* collapse ".", "..", doubled separators; keep the first `root` chars */
static void collapse(WCHAR *p, size_t root)
{
    WCHAR *out = p + root, *in = p + root;
    while (*in)
    {
        while (is_sep(*in)) in++;
        if (!*in) break;
        WCHAR *end = in;
        while (*end && !is_sep(*end)) end++;
        size_t len = end - in;
        if (len == 1 && in[0] == '.') { in = end; continue; }
        if (len == 2 && in[0] == '.' && in[1] == '.')
        {
            if (out > p + root)
            {
                out--;
                while (out > p + root && out[-1] != '\\') out--;
            }
            in = end;
            continue;
        }
        memmove(out, in, len * sizeof(WCHAR));
        out += len;
        /* trailing dots and spaces of a component are dropped, as Windows does */
        if (!*end) while (out > p + root && (out[-1] == '.' || out[-1] == ' ')) out--;
        if (*end) *out++ = '\\';
        in = end;
    }
    /* "C:\a\b\." and "C:\a\b\c\.." end at "C:\a\b": the caller re-adds a
       trailing backslash only when the name itself ended with one */
    while (out > p + root && out[-1] == '\\') out--;
    *out = 0;
}

/* returns the length in bytes (without NUL), or the size needed if bigger than size */
ULONG NTAPI RtlGetFullPathName_U(const WCHAR *name, ULONG size, WCHAR *buffer, WCHAR **file_part)
{
    WCHAR tmp[MAX_PATH * 4];
    size_t n = 0, root;
    const UNICODE_STRING *cd = cur_dir();
    size_t cdlen = cd->Length / sizeof(WCHAR);

    if (file_part) *file_part = NULL;
    if (!name || !*name) return 0;
    /* a bare DOS device name is the device: "nul" is "\\.\nul", without a
       file part (tests/kernel32/devpath.c). Only a bare name (spaces or a
       colon may follow): Windows 11 no longer takes "nul.txt" or
       "dir\nul" for a device here, and a Linux tree has files named aux.c */
    ULONG device = RtlIsDosDeviceName_U(name);
    size_t off = (device >> 16) / sizeof(WCHAR), dlen = (device & 0xffff) / sizeof(WCHAR);
    const WCHAR *rest = name + off + dlen;
    while (*rest == ' ') rest++;
    if (*rest == ':') rest++;
    if (device && !off && !*rest)
    {
        if ((dlen + 5) * sizeof(WCHAR) > size) return (dlen + 5) * sizeof(WCHAR);
        memcpy(buffer, L"\\\\.\\", 4 * sizeof(WCHAR));
        memcpy(buffer + 4, name + off, dlen * sizeof(WCHAR));
        buffer[dlen + 4] = 0;
        return (dlen + 4) * sizeof(WCHAR);
    }
    size_t nlen = wcslen(name);
    if (nlen + cdlen + 4 >= sizeof(tmp) / sizeof(WCHAR)) return 0;
    switch (RtlDetermineDosPathNameType_U(name))
    {
    case PATH_UNC:
        memcpy(tmp, name, (nlen + 1) * sizeof(WCHAR));
        for (WCHAR *p = tmp; *p; p++) if (*p == '/') *p = '\\';
        /* root: \\server\share\ */
        root = 2;
        for (int k = 0; k < 2 && tmp[root]; k++) { while (tmp[root] && tmp[root] != '\\') root++; if (tmp[root]) root++; }
        break;
    case PATH_LOCAL_DEVICE:
    case PATH_ROOT_LOCAL_DEVICE:
        memcpy(tmp, name, (nlen + 1) * sizeof(WCHAR));
        for (WCHAR *p = tmp; *p; p++) if (*p == '/') *p = '\\';
        root = 4;
        break;
    case PATH_DRIVE_ABS:
        memcpy(tmp, name, (nlen + 1) * sizeof(WCHAR));
        tmp[0] = towupper(tmp[0]);
        root = 3;
        break;
    case PATH_DRIVE_REL:
        if (cdlen >= 2 && towupper(cd->Buffer[0]) == towupper(name[0]) && cd->Buffer[1] == ':')
        {
            memcpy(tmp, cd->Buffer, cdlen * sizeof(WCHAR));
            n = cdlen;
        }
        else { tmp[0] = towupper(name[0]); tmp[1] = ':'; tmp[2] = '\\'; n = 3; }
        if (tmp[n - 1] != '\\') tmp[n++] = '\\';
        memcpy(tmp + n, name + 2, (nlen - 1) * sizeof(WCHAR));
        root = 3;
        break;
    case PATH_ROOTED:
        /* the current directory's drive (or UNC share) */
        if (cdlen >= 2 && cd->Buffer[1] == ':') { tmp[0] = cd->Buffer[0]; tmp[1] = ':'; n = 2; }
        memcpy(tmp + n, name, (nlen + 1) * sizeof(WCHAR));
        root = n + 1;
        break;
    default:
        memcpy(tmp, cd->Buffer, cdlen * sizeof(WCHAR));
        n = cdlen;
        if (n && tmp[n - 1] != '\\') tmp[n++] = '\\';
        memcpy(tmp + n, name, (nlen + 1) * sizeof(WCHAR));
        root = (cdlen >= 3 && cd->Buffer[1] == ':') ? 3 : 0;
        break;
    }
    for (WCHAR *p = tmp; *p; p++) if (*p == '/') *p = '\\';
    int trailing = is_sep(name[nlen - 1]);
    collapse(tmp, root);
    size_t len = wcslen(tmp);
    if (trailing && len && tmp[len - 1] != '\\') { tmp[len++] = '\\'; tmp[len] = 0; }
    if ((len + 1) * sizeof(WCHAR) > size) return (len + 1) * sizeof(WCHAR);
    memcpy(buffer, tmp, (len + 1) * sizeof(WCHAR));
    if (file_part && len && buffer[len - 1] != '\\')
    {
        WCHAR *slash = wcsrchr(buffer, '\\');
        if (slash && slash[1]) *file_part = slash + 1;
    }
    return len * sizeof(WCHAR);
}

/* "C:\x" → "\??\C:\x", "\\server\share" → "\??\UNC\server\share", "\\?\x" kept */
NTSTATUS path_dos_to_nt(const WCHAR *dos, UNICODE_STRING *nt)
{
    WCHAR full[MAX_PATH * 4];
    const WCHAR *src = full;
    const WCHAR *prefix = L"\\??\\";
    if (dos[0] == '\\' && dos[1] == '\\' && dos[2] == '?' && dos[3] == '\\')
    {
        src = dos + 4;
    }
    else
    {
        ULONG len = RtlGetFullPathName_U(dos, sizeof(full), full, NULL);
        if (!len || len >= sizeof(full)) return STATUS_OBJECT_NAME_INVALID;
        if (full[0] == '\\' && full[1] == '\\')
        {
            if (full[2] == '.' && full[3] == '\\') src = full + 4;
            else { prefix = L"\\??\\UNC\\"; src = full + 2; }
        }
    }
    size_t plen = wcslen(prefix), slen = wcslen(src);
    nt->Buffer = RtlAllocateHeap(PROCESS_HEAP(), 0, (plen + slen + 1) * sizeof(WCHAR));
    if (!nt->Buffer) return STATUS_NO_MEMORY;
    memcpy(nt->Buffer, prefix, plen * sizeof(WCHAR));
    memcpy(nt->Buffer + plen, src, (slen + 1) * sizeof(WCHAR));
    nt->Length = (plen + slen) * sizeof(WCHAR);
    nt->MaximumLength = nt->Length + sizeof(WCHAR);
    return STATUS_SUCCESS;
}

typedef struct { UNICODE_STRING name; HANDLE handle; } RTL_RELATIVE_NAME_;

NTSTATUS NTAPI RtlDosPathNameToNtPathName_U_WithStatus(const WCHAR *dos, UNICODE_STRING *nt, WCHAR **file_part,
                                                       RTL_RELATIVE_NAME_ *relative)
{
    if (!dos || !*dos) return STATUS_OBJECT_NAME_INVALID;
    NTSTATUS status = path_dos_to_nt(dos, nt);
    if (status) return status;
    if (relative) memset(relative, 0, sizeof(*relative));
    if (file_part)
    {
        WCHAR *slash = wcsrchr(nt->Buffer, '\\');
        *file_part = slash && slash[1] ? slash + 1 : NULL;
    }
    return STATUS_SUCCESS;
}

BOOL NTAPI RtlDosPathNameToNtPathName_U(PCWSTR dos, PUNICODE_STRING nt, PCWSTR *file_part, VOID *relative)
{
    return !RtlDosPathNameToNtPathName_U_WithStatus(dos, nt, (WCHAR **)file_part, relative);
}

ULONG NTAPI RtlGetCurrentDirectory_U(ULONG size, WCHAR *buffer)
{
    UNICODE_STRING *cd = cur_dir();
    ULONG len = cd->Length / sizeof(WCHAR);
    /* without the trailing backslash, except for a drive root */
    if (len > 3 && cd->Buffer[len - 1] == '\\') len--;
    if ((len + 1) * sizeof(WCHAR) > size) return (len + 1) * sizeof(WCHAR);
    memcpy(buffer, cd->Buffer, len * sizeof(WCHAR));
    buffer[len] = 0;
    return len * sizeof(WCHAR);
}

/* the current directory's handle (CURDIR.Handle, after DosPath): programs
   such as Zig's standard library open relative names against it */
static HANDLE *cur_dir_handle(void)
{
    return (HANDLE *)(PROCESS_PARAMS() + PP_CURDIR + sizeof(UNICODE_STRING));
}

/* opens the folder named by DOS path `full` (with its final backslash) as
   Windows holds a current directory: for traversal, shared for reading and
   writing (so it cannot be deleted while current) */
static NTSTATUS open_cur_dir(const WCHAR *full, HANDLE *handle)
{
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    NTSTATUS status = path_dos_to_nt(full, &nt);

    if (status) return status;
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
    status = NtOpenFile(handle, FILE_TRAVERSE | SYNCHRONIZE, &attr, &io, FILE_SHARE_READ | FILE_SHARE_WRITE,
                        FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
    RtlFreeHeap(PROCESS_HEAP(), 0, nt.Buffer);
    return status;
}

/* at process start: the handle of the directory the process starts in */
void path_init_cur_dir(void)
{
    UNICODE_STRING *cd = cur_dir();
    HANDLE handle;

    if (*cur_dir_handle() || !cd->Length) return;
    if (!open_cur_dir(cd->Buffer, &handle)) *cur_dir_handle() = handle;
}

NTSTATUS NTAPI RtlSetCurrentDirectory_U(const UNICODE_STRING *dir)
{
    WCHAR name[MAX_PATH + 1], full[MAX_PATH + 2];
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    FILE_BASIC_INFORMATION info;
    size_t n = dir->Length / sizeof(WCHAR);
    if (n >= MAX_PATH) return STATUS_NAME_TOO_LONG;
    memcpy(name, dir->Buffer, n * sizeof(WCHAR));
    name[n] = 0;
    ULONG len = RtlGetFullPathName_U(name, sizeof(full) - sizeof(WCHAR), full, NULL);
    if (!len || len >= sizeof(full) - sizeof(WCHAR)) return STATUS_OBJECT_NAME_INVALID;
    len /= sizeof(WCHAR);
    if (full[len - 1] != '\\') { full[len++] = '\\'; full[len] = 0; }
    NTSTATUS status = path_dos_to_nt(full, &nt);
    HANDLE handle, old;
    if (status) return status;
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
    status = NtQueryAttributesFile(&attr, &info);
    RtlFreeHeap(PROCESS_HEAP(), 0, nt.Buffer);
    if (status) return status;
    if (!(info.FileAttributes & FILE_ATTRIBUTE_DIRECTORY)) return STATUS_NOT_A_DIRECTORY;
    UNICODE_STRING *cd = cur_dir();
    if ((len + 1) * sizeof(WCHAR) > cd->MaximumLength) return STATUS_NAME_TOO_LONG;
    if ((status = open_cur_dir(full, &handle))) return status;
    RtlAcquirePebLock();
    memcpy(cd->Buffer, full, (len + 1) * sizeof(WCHAR));
    cd->Length = len * sizeof(WCHAR);
    old = *cur_dir_handle();
    *cur_dir_handle() = handle;
    RtlReleasePebLock();
    if (old) NtClose(old);
    return STATUS_SUCCESS;
}
