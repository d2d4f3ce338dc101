/*
 * kernel32/dirnotify.c — change notifications: FindFirstChangeNotification
 * gives a handle that is signaled when something in a folder changes,
 * FindNextChangeNotification asks for the next change, FindCloseChange
 * Notification ends it.
 *
 * The handle is the folder itself, opened for overlapped I/O with one
 * NtNotifyChangeDirectoryFile pending on it (ntdll/unix/dirwatch.c, the
 * inotify watch behind ReadDirectoryChangesW). A file object is reset when
 * an I/O starts and set when one ends, so the folder's handle is signaled
 * once a change ends the request, which is what waiting programs see. The
 * request asks for no records (a buffer of 0 bytes): a change ends it with
 * STATUS_NOTIFY_ENUM_DIR. FindNextChangeNotification issues the next one;
 * the watch records changes made in between, and they end it at once.
 */
#include "private.h"

NTSTATUS NTAPI NtNotifyChangeDirectoryFile(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK, PVOID, ULONG,
                                           ULONG, BOOLEAN);

#define NOTIFY_FILTERS 0x17f     /* FILE_NOTIFY_CHANGE_* */

/* the requests' status: nobody reads it (Windows too keeps one for all) */
static IO_STATUS_BLOCK notify_io;

/* the folder's watch keeps the filter and the tree flag of the first request */
static BOOL request(HANDLE h, BOOL subtree, DWORD filter)
{
    NTSTATUS status = NtNotifyChangeDirectoryFile(h, NULL, NULL, NULL, &notify_io, NULL, 0, filter, subtree != 0);
    /* pending, or ended at once by recorded changes (STATUS_NOTIFY_ENUM_DIR, a success) */
    return NT_SUCCESS(status) || set_ntstatus(status);
}

HANDLE WINAPI FindFirstChangeNotificationW(LPCWSTR path, BOOL subtree, DWORD filter)
{
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    NTSTATUS status;
    HANDLE h;

    if (!filter || (filter & ~NOTIFY_FILTERS)) { SetLastError(ERROR_INVALID_PARAMETER); return INVALID_HANDLE_VALUE; }
    if (!path || !*path) { SetLastError(ERROR_PATH_NOT_FOUND); return INVALID_HANDLE_VALUE; }
    if ((status = RtlDosPathNameToNtPathName_U_WithStatus(path, &nt, NULL, NULL)))
    {
        set_ntstatus(status);
        return INVALID_HANDLE_VALUE;
    }
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
    status = NtOpenFile(&h, FILE_LIST_DIRECTORY | SYNCHRONIZE, &attr, &io,
                        FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                        FILE_DIRECTORY_FILE | FILE_OPEN_FOR_BACKUP_INTENT);
    RtlFreeHeap(PROCESS_HEAP(), 0, nt.Buffer);
    if (status) { set_ntstatus(status); return INVALID_HANDLE_VALUE; }
    if (!request(h, subtree, filter))
    {
        NtClose(h);
        return INVALID_HANDLE_VALUE;
    }
    return h;
}

/* the watch has the filter and tree flag already: these are only its shape */
BOOL WINAPI FindNextChangeNotification(HANDLE h)
{
    return request(h, FALSE, FILE_NOTIFY_CHANGE_FILE_NAME);
}

BOOL WINAPI FindCloseChangeNotification(HANDLE h)
{
    return CloseHandle(h);
}

HANDLE WINAPI FindFirstChangeNotificationA(LPCSTR path, BOOL subtree, DWORD filter)
{
    WCHAR *w = path ? k32_strdup_AtoW(path) : NULL;
    HANDLE h;
    if (path && !w) return INVALID_HANDLE_VALUE;
    h = FindFirstChangeNotificationW(w, subtree, filter);
    RtlFreeHeap(PROCESS_HEAP(), 0, w);
    return h;
}
