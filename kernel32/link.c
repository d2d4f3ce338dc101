/*
 * kernel32/link.c — symbolic links (CreateSymbolicLinkW/A) and device
 * controls (DeviceIoControl).
 *
 * A link is a Linux symlink, which the Windows side sees as a reparse point
 * (ntdll/unix/symlink.c). Its target is kept as Windows keeps it: a relative
 * target stays relative (its '\' become '/'), an absolute one names the
 * target's Unix path. There is one user and developer mode is on, so no
 * privilege is needed; SYMBOLIC_LINK_FLAG_DIRECTORY changes nothing on Linux.
 */
#include "private.h"

NTSTATUS NTAPI __wlx_create_symlink(const UNICODE_STRING *link, const char *target);        /* symlink.c */
NTSTATUS NTAPI __wlx_unix_path(const UNICODE_STRING *nt_name, char *buf, ULONG size, ULONG *needed); /* unixname.c */
ULONG NTAPI RtlDetermineDosPathNameType_U(PCWSTR path);

#define RTL_PATH_TYPE_RELATIVE 5           /* "dir\file": neither drive nor root */
#define VALID_LINK_FLAGS (SYMBOLIC_LINK_FLAG_DIRECTORY | 0x2 /* SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE */)

/* what the Linux symlink must hold for the Windows `target`, in buf[size] */
static NTSTATUS link_target(LPCWSTR target, char *buf, ULONG size)
{
    UNICODE_STRING nt;
    NTSTATUS status;
    ULONG needed, i;

    if (RtlDetermineDosPathNameType_U(target) == RTL_PATH_TYPE_RELATIVE)
    {
        if (!WideCharToMultiByte(CP_UTF8, 0, target, -1, buf, size, NULL, NULL)) return STATUS_NAME_TOO_LONG;
        for (i = 0; buf[i]; i++) if (buf[i] == '\\') buf[i] = '/';
        return STATUS_SUCCESS;
    }
    if (!RtlDosPathNameToNtPathName_U(target, &nt, NULL, NULL)) return STATUS_OBJECT_NAME_INVALID;
    status = __wlx_unix_path(&nt, buf, size, &needed);
    RtlFreeUnicodeString(&nt);
    return status;
}

BOOLEAN WINAPI CreateSymbolicLinkW(LPCWSTR link, LPCWSTR target, DWORD flags)
{
    char unix_target[4096];
    UNICODE_STRING nt;
    NTSTATUS status;

    if (!link || !target || !*link || !*target || (flags & ~VALID_LINK_FLAGS))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if ((status = link_target(target, unix_target, sizeof(unix_target)))) return set_ntstatus(status);
    if (!RtlDosPathNameToNtPathName_U(link, &nt, NULL, NULL))
    {
        SetLastError(ERROR_PATH_NOT_FOUND);
        return FALSE;
    }
    status = __wlx_create_symlink(&nt, unix_target);
    RtlFreeUnicodeString(&nt);
    return set_ntstatus(status);
}

BOOLEAN WINAPI CreateSymbolicLinkA(LPCSTR link, LPCSTR target, DWORD flags)
{
    WCHAR wlink[MAX_PATH], wtarget[MAX_PATH];

    if (!link || !target) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!MultiByteToWideChar(CP_ACP, 0, link, -1, wlink, MAX_PATH) ||
        !MultiByteToWideChar(CP_ACP, 0, target, -1, wtarget, MAX_PATH))
    {
        SetLastError(ERROR_FILENAME_EXCED_RANGE);
        return FALSE;
    }
    return CreateSymbolicLinkW(wlink, wtarget, flags);
}

/* --- device controls ------------------------------------------------------------ */

#define FILE_DEVICE_FILE_SYSTEM_ 9

/* File-system controls (device type 9: FSCTL_*) go to NtFsControlFile, the
   rest to NtDeviceIoControlFile; with an OVERLAPPED, reported as ReadFile's
   are. A reply that does not fit says ERROR_MORE_DATA with what fitted. */
BOOL WINAPI DeviceIoControl(HANDLE h, DWORD code, LPVOID in, DWORD in_len, LPVOID out, DWORD out_len,
                            LPDWORD returned, LPOVERLAPPED ov)
{
    IO_STATUS_BLOCK iosb, *io = ov ? (IO_STATUS_BLOCK *)ov : &iosb;
    HANDLE event = ov ? (HANDLE)((ULONG_PTR)ov->hEvent & ~(ULONG_PTR)1) : NULL;
    void *apc_ctx = ov && !((ULONG_PTR)ov->hEvent & 1) ? ov : NULL;
    NTSTATUS status;

    if (ov) ov->Internal = STATUS_PENDING;
    if ((code >> 16) == FILE_DEVICE_FILE_SYSTEM_)
        status = NtFsControlFile(h, event, NULL, apc_ctx, io, code, in, in_len, out, out_len);
    else
        status = NtDeviceIoControlFile(h, event, NULL, apc_ctx, io, code, in, in_len, out, out_len);
    if (status == STATUS_PENDING)
    {
        SetLastError(ERROR_IO_PENDING);
        return FALSE;
    }
    if (returned && (!status || status == STATUS_BUFFER_OVERFLOW)) *returned = io->Information;
    return set_ntstatus(status);
}
