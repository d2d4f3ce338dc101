/*
 * kernel32/boot.c — TEMPORARY: the few file and console functions the first
 * programs need, until kernel32/file.c and console.c land. Delete then.
 */
#include "private.h"

NTSTATUS NTAPI NtClose(HANDLE);

HANDLE WINAPI GetStdHandle(DWORD which)
{
    BYTE *pp = k32_params();
    switch (which)
    {
    case STD_INPUT_HANDLE: return *(HANDLE *)(pp + PP_STDIN);
    case STD_OUTPUT_HANDLE: return *(HANDLE *)(pp + PP_STDOUT);
    case STD_ERROR_HANDLE: return *(HANDLE *)(pp + PP_STDERR);
    }
    SetLastError(ERROR_INVALID_HANDLE);
    return INVALID_HANDLE_VALUE;
}

BOOL WINAPI WriteFile(HANDLE h, LPCVOID buf, DWORD len, DWORD *written, OVERLAPPED *ov)
{
    IO_STATUS_BLOCK io;
    (void)ov;
    if (written) *written = 0;
    NTSTATUS status = NtWriteFile(h, NULL, NULL, NULL, &io, buf, len, NULL, NULL);
    if (!set_ntstatus(status)) return FALSE;
    if (written) *written = io.Information;
    return TRUE;
}

BOOL WINAPI ReadFile(HANDLE h, LPVOID buf, DWORD len, DWORD *read, OVERLAPPED *ov)
{
    IO_STATUS_BLOCK io;
    (void)ov;
    if (read) *read = 0;
    NTSTATUS status = NtReadFile(h, NULL, NULL, NULL, &io, buf, len, NULL, NULL);
    if (status == STATUS_END_OF_FILE) return TRUE;
    if (!set_ntstatus(status)) return FALSE;
    if (read) *read = io.Information;
    return TRUE;
}

DWORD WINAPI GetFileType(HANDLE h)
{
    IO_STATUS_BLOCK io;
    DWORD info[2];
    if (!set_ntstatus(NtQueryVolumeInformationFile(h, &io, info, sizeof(info), 4 /* FileFsDeviceInformation */)))
        return FILE_TYPE_UNKNOWN;
    switch (info[0])
    {
    case 0x11: return FILE_TYPE_PIPE;
    case 0x15: case 0x50: return FILE_TYPE_CHAR;
    default: return FILE_TYPE_DISK;
    }
}

BOOL WINAPI CloseHandle(HANDLE h)
{
    return set_ntstatus(NtClose(h));
}

void WINAPI GetLocalTime(SYSTEMTIME *st)
{
    memset(st, 0, sizeof(*st));
}
