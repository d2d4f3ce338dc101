/*
 * AF_UNIX addresses: a Windows program names its socket file with a Windows
 * path in sun_path (UTF-8); Linux needs the Unix path of that file. bind and
 * connect hand ws2_32.so the address with its path translated through
 * ntdll's __wlx_unix_path (the layouts are otherwise the same: a 16-bit
 * family, then 108 bytes of path). Abstract and unnamed addresses pass as
 * they are.
 *
 * A program sizes its Windows path for sun_path; the Unix path can be much
 * longer ("C:" stands for the prefix's drive_c): such a path crosses whole
 * (struct sock_unix_path), and the Unix side names it through its folder.
 */
#include "private.h"

NTSTATUS WINAPI __wlx_unix_path(const UNICODE_STRING *nt_name, char *buffer, ULONG size, ULONG *needed);

/* addr as Linux wants it: *out (of *len bytes) or addr itself; a WSA error or 0 */
int ws2_unix_address(const struct sockaddr *addr, int *len, struct sock_unix_path *out)
{
    const SOCKADDR_UN *un = (const SOCKADDR_UN *)addr;
    WCHAR wpath[UNIX_PATH_MAX + 1];
    UNICODE_STRING nt;
    NTSTATUS status;
    ULONG needed;
    int n;

    if (!addr || *len <= (int)FIELD_OFFSET(SOCKADDR_UN, sun_path) || addr->sa_family != AF_UNIX || !un->sun_path[0])
        return 0;
    n = MultiByteToWideChar(CP_UTF8, 0, un->sun_path, strnlen(un->sun_path, min(UNIX_PATH_MAX, *len - 2)), wpath,
                            UNIX_PATH_MAX);
    wpath[n] = 0;
    if (!RtlDosPathNameToNtPathName_U(wpath, &nt, NULL, NULL)) return WSAEINVAL;
    out->family = AF_UNIX;
    status = __wlx_unix_path(&nt, out->path, sizeof(out->path), &needed);
    RtlFreeUnicodeString(&nt);
    if (status == STATUS_BUFFER_TOO_SMALL) return WSAENAMETOOLONG;
    if (status) return ws2_status_to_wsa(status);   /* a missing folder: ERROR_PATH_NOT_FOUND */
    /* a path of exactly 108 bytes fills sun_path without its NUL: a plain SOCKADDR_UN still */
    if (needed == sizeof(((SOCKADDR_UN *)0)->sun_path) + 1) needed--;
    *len = FIELD_OFFSET(SOCKADDR_UN, sun_path) + needed;
    return 0;
}
