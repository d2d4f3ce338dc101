/*
 * ntdll/unix/loadimage.c — the private syscall ntdll's PE loader uses to map
 * a DLL by NT path in one door crossing: open, validate, map, relocate.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "private.h"

#define MAP_BUILTIN_ONLY 1   /* succeed only for wlx's own DLLs */
#define MAP_IS_BUILTIN   1   /* result flag */

NTSTATUS WINAPI unix___wlx_map_image(const UNICODE_STRING *nt_path, uint32_t flags, void **base, uint64_t *size,
                                     uint32_t *result_flags, char *why, uint32_t why_len)
{
    char *path;
    struct image_info info;
    const char *reason = "";
    NTSTATUS status = path_nt_to_unix(nt_path, &path, 0);
    if (status) return status;
    size_t blen = strlen(wlx_builtin_dir);
    int builtin = !strncmp(path, wlx_builtin_dir, blen) && path[blen] == '/';
    if ((flags & MAP_BUILTIN_ONLY) && !builtin) { free(path); return STATUS_OBJECT_NAME_NOT_FOUND; }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) { status = errno_to_status(errno); free(path); return status; }
    status = image_map(fd, path, &info, &reason);
    close(fd);
    if (status)
    {
        if (why && why_len) snprintf(why, why_len, "%s", reason ? reason : "");
        TRACE(LOADDLL, "cannot map %s: %s\n", path, reason ? reason : "");
        free(path);
        return status;
    }
    section_name_image(info.base, path);   /* GetMappedFileName of a module */
    free(path);
    *base = info.base;
    *size = info.size;
    *result_flags = builtin ? MAP_IS_BUILTIN : 0;
    return info.relocated ? STATUS_IMAGE_NOT_AT_BASE : STATUS_SUCCESS;
}

NTSTATUS WINAPI unix___wlx_unmap_image(void *base)
{
    virtual_release(base);
    return STATUS_SUCCESS;
}
