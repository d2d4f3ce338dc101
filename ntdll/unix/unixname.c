/*
 * ntdll/unix/unixname.c — __wlx_unix_path: the Unix path of an NT path, for
 * PE code that must hand a real path to Linux (ws2_32's AF_UNIX socket
 * addresses: a socket file lives at a path the Windows program named). The
 * last component may not exist yet (a socket about to be bound).
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
