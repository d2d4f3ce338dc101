/*
 * kernel32/stream.c — a file's streams and its names: FindFirstStreamW/
 * FindNextStreamW and FindFirstFileNameW/FindNextFileNameW.
 *
 * Both answer from a list made when the search starts, handed out one
 * entry at a time; FindClose frees it (file.c asks k32_find_list_close).
 *
 * Streams come from NtQueryInformationFile(FileStreamInformation): a file
 * on Linux has one, the unnamed "::$DATA" with the file's size; a folder
 * has none, so its search ends at once with ERROR_HANDLE_EOF, as on NTFS.
 *
 * Names are the file's hard links, each a path from the root of its volume
 * without the drive ("\dir\file.txt"), as Windows gives them. Linux keeps
 * no list of a file's names: the list is the name the file was opened by,
 * then, when the file has more links, the other names of it in the same
 * folder (the same file id). Links in other folders are not found.
 */
#include "private.h"

#define LIST_MAGIC 0x4c444e46   /* "FNDL" */

struct list_entry
{
    struct list_entry *next;
    LONGLONG size;              /* a stream's size */
    WCHAR name[];
};

struct find_list
{
    DWORD magic;
    struct list_entry *first, **tail;
    struct list_entry *cur;     /* what FindNext* returns next */
};

static struct find_list *list_new(void)
{
    struct find_list *l = RtlAllocateHeap(PROCESS_HEAP(), 0, sizeof(*l));
    if (!l) return NULL;
    l->magic = LIST_MAGIC;
    l->first = l->cur = NULL;
    l->tail = &l->first;
    return l;
}

static BOOL list_add(struct find_list *l, const WCHAR *name, size_t len, LONGLONG size)
{
    struct list_entry *e = RtlAllocateHeap(PROCESS_HEAP(), 0, sizeof(*e) + (len + 1) * sizeof(WCHAR));
    if (!e) return FALSE;
    e->next = NULL;
    e->size = size;
    memcpy(e->name, name, len * sizeof(WCHAR));
    e->name[len] = 0;
    *l->tail = e;
    l->tail = &e->next;
    if (!l->cur) l->cur = e;
    return TRUE;
}

static void list_free(struct find_list *l)
{
    while (l->first)
    {
        struct list_entry *e = l->first;
        l->first = e->next;
        RtlFreeHeap(PROCESS_HEAP(), 0, e);
    }
    l->magic = 0;
    RtlFreeHeap(PROCESS_HEAP(), 0, l);
}

static struct find_list *list_of(HANDLE h)
{
    struct find_list *l = h;
    return l && h != INVALID_HANDLE_VALUE && l->magic == LIST_MAGIC ? l : NULL;
}

/* FindClose of a stream or name search: FALSE when h is not one */
BOOL k32_find_list_close(HANDLE h)
{
    struct find_list *l = list_of(h);
    if (!l) return FALSE;
    list_free(l);
    return TRUE;
}

/* opens a file or folder to ask about it */
static NTSTATUS open_for_query(const WCHAR *name, HANDLE *h)
{
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    NTSTATUS status;

    if (!name || !*name) return STATUS_OBJECT_PATH_NOT_FOUND;
    if ((status = RtlDosPathNameToNtPathName_U_WithStatus(name, &nt, NULL, NULL))) return status;
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
    status = NtOpenFile(h, FILE_READ_ATTRIBUTES | SYNCHRONIZE, &attr, &io,
                        FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                        FILE_OPEN_FOR_BACKUP_INTENT | FILE_SYNCHRONOUS_IO_NONALERT);
    RtlFreeHeap(PROCESS_HEAP(), 0, nt.Buffer);
    return status;
}

/* NtQueryInformationFile into a heap buffer that grows until it fits */
static NTSTATUS query_alloc(HANDLE h, FILE_INFORMATION_CLASS klass, void **out, ULONG *len)
{
    ULONG size = 1024;
    IO_STATUS_BLOCK io;
    NTSTATUS status;

    for (;;)
    {
        if (!(*out = RtlAllocateHeap(PROCESS_HEAP(), 0, size))) return STATUS_NO_MEMORY;
        status = NtQueryInformationFile(h, &io, *out, size, klass);
        if (status != STATUS_BUFFER_OVERFLOW && status != STATUS_INFO_LENGTH_MISMATCH) break;
        RtlFreeHeap(PROCESS_HEAP(), 0, *out);
        if (size >= 1 << 24) return status;
        size *= 4;
    }
    if (status) { RtlFreeHeap(PROCESS_HEAP(), 0, *out); *out = NULL; }
    else *len = io.Information;
    return status;
}

/* --- streams ---------------------------------------------------------------------- */

static BOOL fill_stream(const struct list_entry *e, WIN32_FIND_STREAM_DATA *data)
{
    size_t n = wcslen(e->name);
    if (n >= ARRAYSIZE(data->cStreamName)) n = ARRAYSIZE(data->cStreamName) - 1;
    data->StreamSize.QuadPart = e->size;
    memcpy(data->cStreamName, e->name, n * sizeof(WCHAR));
    data->cStreamName[n] = 0;
    return TRUE;
}

HANDLE WINAPI FindFirstStreamW(LPCWSTR name, STREAM_INFO_LEVELS level, LPVOID data, DWORD flags)
{
    FILE_STREAM_INFORMATION *info;
    struct find_list *l;
    NTSTATUS status;
    HANDLE h;
    ULONG len, pos = 0;

    if (level != FindStreamInfoStandard || flags || !data)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    if ((status = open_for_query(name, &h))) { set_ntstatus(status); return INVALID_HANDLE_VALUE; }
    status = query_alloc(h, FileStreamInformation, (void **)&info, &len);
    NtClose(h);
    if (status) { set_ntstatus(status); return INVALID_HANDLE_VALUE; }
    if (!(l = list_new())) status = STATUS_NO_MEMORY;
    while (!status && pos + offsetof(FILE_STREAM_INFORMATION, StreamName) <= len)
    {
        FILE_STREAM_INFORMATION *s = (FILE_STREAM_INFORMATION *)((BYTE *)info + pos);
        if (!list_add(l, s->StreamName, s->StreamNameLength / sizeof(WCHAR), s->StreamSize.QuadPart))
            status = STATUS_NO_MEMORY;
        if (!s->NextEntryOffset) break;
        pos += s->NextEntryOffset;
    }
    RtlFreeHeap(PROCESS_HEAP(), 0, info);
    if (!status && !l->first) status = STATUS_END_OF_FILE;   /* a folder: no stream */
    if (status)
    {
        if (l) list_free(l);
        set_ntstatus(status);
        return INVALID_HANDLE_VALUE;
    }
    fill_stream(l->cur, data);
    l->cur = l->cur->next;
    return l;
}

BOOL WINAPI FindNextStreamW(HANDLE h, LPVOID data)
{
    struct find_list *l = list_of(h);
    if (!l) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    if (!l->cur) { SetLastError(ERROR_HANDLE_EOF); return FALSE; }
    fill_stream(l->cur, data);
    l->cur = l->cur->next;
    return TRUE;
}

/* --- names --------------------------------------------------------------------------- */

/* the other names of file `id` in its folder, added to l: `path` is the
   DOS path it was found by, `own` its name from the volume's root */
static void add_other_links(struct find_list *l, const WCHAR *path, const WCHAR *own, LONGLONG id)
{
    size_t own_dir = wcslen(own), base_len;
    WCHAR *full = NULL, *slash, *name;
    const WCHAR *base;
    IO_STATUS_BLOCK io;
    BOOLEAN restart = TRUE;
    HANDLE dir;
    BYTE *buf;
    DWORD n;

    while (own_dir && own[own_dir - 1] != '\\') own_dir--;
    base = own + own_dir;
    base_len = wcslen(base);
    if (!(n = GetFullPathNameW(path, 0, NULL, NULL)) || !(full = RtlAllocateHeap(PROCESS_HEAP(), 0, n * sizeof(WCHAR))))
        return;
    GetFullPathNameW(path, n, full, NULL);
    if ((slash = wcsrchr(full, '\\'))) slash[slash - full == 2 ? 1 : 0] = 0;   /* "C:\" keeps its backslash */
    dir = CreateFileW(full, FILE_LIST_DIRECTORY, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                      OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    RtlFreeHeap(PROCESS_HEAP(), 0, full);
    if (dir == INVALID_HANDLE_VALUE) return;
    if ((buf = RtlAllocateHeap(PROCESS_HEAP(), 0, 65536)))
    {
        while (!NtQueryDirectoryFile(dir, NULL, NULL, NULL, &io, buf, 65536, FileIdBothDirectoryInformation, FALSE,
                                     NULL, restart) && io.Information)
        {
            FILE_ID_BOTH_DIR_INFORMATION *e = (FILE_ID_BOTH_DIR_INFORMATION *)buf;
            restart = FALSE;
            for (;;)
            {
                ULONG len = e->FileNameLength / sizeof(WCHAR);
                if (e->FileId.QuadPart == id && !(len == base_len &&
                    CompareStringOrdinal(e->FileName, len, base, base_len, TRUE) == CSTR_EQUAL) &&
                    (name = RtlAllocateHeap(PROCESS_HEAP(), 0, (own_dir + len) * sizeof(WCHAR))))
                {
                    memcpy(name, own, own_dir * sizeof(WCHAR));
                    memcpy(name + own_dir, e->FileName, len * sizeof(WCHAR));
                    list_add(l, name, own_dir + len, 0);
                    RtlFreeHeap(PROCESS_HEAP(), 0, name);
                }
                if (!e->NextEntryOffset) break;
                e = (FILE_ID_BOTH_DIR_INFORMATION *)((BYTE *)e + e->NextEntryOffset);
            }
        }
        RtlFreeHeap(PROCESS_HEAP(), 0, buf);
    }
    CloseHandle(dir);
}

/* the name in the caller's buffer: StringLength in and out counts the NUL;
   too small is ERROR_MORE_DATA with the length needed */
static BOOL fill_name(const struct list_entry *e, DWORD *len, PWSTR buf)
{
    DWORD n = wcslen(e->name) + 1;
    BOOL fits = buf && *len >= n;

    if (fits) memcpy(buf, e->name, n * sizeof(WCHAR));
    *len = n;
    if (!fits) SetLastError(ERROR_MORE_DATA);
    return fits;
}

HANDLE WINAPI FindFirstFileNameW(LPCWSTR path, DWORD flags, LPDWORD len, PWSTR buf)
{
    FILE_STANDARD_INFORMATION std;
    FILE_INTERNAL_INFORMATION id;
    FILE_NAME_INFORMATION *own = NULL;
    struct find_list *l = NULL;
    IO_STATUS_BLOCK io;
    NTSTATUS status;
    ULONG size;
    HANDLE h;

    if (flags || !len) { SetLastError(ERROR_INVALID_PARAMETER); return INVALID_HANDLE_VALUE; }
    if ((status = open_for_query(path, &h))) { set_ntstatus(status); return INVALID_HANDLE_VALUE; }
    if (!(status = query_alloc(h, FileNameInformation, (void **)&own, &size)) &&
        !(status = NtQueryInformationFile(h, &io, &std, sizeof(std), FileStandardInformation)) &&
        !(status = NtQueryInformationFile(h, &io, &id, sizeof(id), FileInternalInformation)))
    {
        if (!(l = list_new()) || !list_add(l, own->FileName, own->FileNameLength / sizeof(WCHAR), 0))
            status = STATUS_NO_MEMORY;
    }
    NtClose(h);
    if (!status && std.NumberOfLinks > 1)
    {
        WCHAR *own_name = RtlAllocateHeap(PROCESS_HEAP(), 0, own->FileNameLength + sizeof(WCHAR));
        if (own_name)
        {
            memcpy(own_name, own->FileName, own->FileNameLength);
            own_name[own->FileNameLength / sizeof(WCHAR)] = 0;
            add_other_links(l, path, own_name, id.IndexNumber.QuadPart);
            RtlFreeHeap(PROCESS_HEAP(), 0, own_name);
        }
    }
    RtlFreeHeap(PROCESS_HEAP(), 0, own);
    if (status)
    {
        if (l) list_free(l);
        set_ntstatus(status);
        return INVALID_HANDLE_VALUE;
    }
    if (!fill_name(l->cur, len, buf)) { list_free(l); return INVALID_HANDLE_VALUE; }
    l->cur = l->cur->next;
    return l;
}

BOOL WINAPI FindNextFileNameW(HANDLE h, LPDWORD len, PWSTR buf)
{
    struct find_list *l = list_of(h);
    if (!l || !len) { SetLastError(l ? ERROR_INVALID_PARAMETER : ERROR_INVALID_HANDLE); return FALSE; }
    if (!l->cur) { SetLastError(ERROR_HANDLE_EOF); return FALSE; }
    if (!fill_name(l->cur, len, buf)) return FALSE;
    l->cur = l->cur->next;
    return TRUE;
}
