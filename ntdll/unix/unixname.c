/*
 * ntdll/unix/unixname.c — __wlx_unix_path: the Unix path of an NT path, for
 * PE code that must hand a real path to Linux (ws2_32's AF_UNIX socket
 * addresses: a socket file lives at a path the Windows program named). The
 * last component may not exist yet (a socket about to be bound). And
 * __wlx_dos_path, the other way: the DOS path of a Unix path Linux reported
 * (an AF_UNIX socket's name).
 */
#include <stdlib.h>
#include <string.h>
#include "private.h"

NTSTATUS WINAPI unix___wlx_unix_path(const UNICODE_STRING *nt_name, char *buffer, uint32_t size, uint32_t *needed)
{
    NTSTATUS status;
    size_t len;
    char *path;

    if (!nt_name || !needed) return STATUS_INVALID_PARAMETER;
    if ((status = path_nt_to_unix(nt_name, &path, 1))) return status;
    len = strlen(path) + 1;
    *needed = len;
    if (!buffer || len > size) status = STATUS_BUFFER_TOO_SMALL;
    else memcpy(buffer, path, len);
    free(path);
    return status;
}

NTSTATUS WINAPI unix___wlx_dos_path(const char *unix_path, WCHAR *buffer, uint32_t size, uint32_t *needed)
{
    NTSTATUS status = STATUS_SUCCESS;
    size_t len;
    char *dos;

    if (!unix_path || unix_path[0] != '/' || !needed) return STATUS_INVALID_PARAMETER;
    if (!(dos = path_unix_to_dos(unix_path))) return STATUS_NO_MEMORY;
    len = wlx_utf8_to_utf16(dos, strlen(dos), NULL, 0);
    *needed = (len + 1) * sizeof(WCHAR);
    if (!buffer || *needed > size) status = STATUS_BUFFER_TOO_SMALL;
    else { wlx_utf8_to_utf16(dos, strlen(dos), buffer, len); buffer[len] = 0; }
    free(dos);
    return status;
}
