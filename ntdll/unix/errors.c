/*
 * ntdll/unix/errors.c — the one place where a Unix errno becomes an NTSTATUS.
 */
#include <errno.h>
#include "private.h"

NTSTATUS errno_to_status(int err)
{
    if (err < 0) err = -err;
    switch (err)
    {
    case 0: return STATUS_SUCCESS;
    case ENOENT: return STATUS_OBJECT_NAME_NOT_FOUND;
    case ENOTDIR: return STATUS_OBJECT_PATH_NOT_FOUND;
    case EACCES: case EPERM: return STATUS_ACCESS_DENIED;
    case EROFS: return STATUS_MEDIA_WRITE_PROTECTED;
    case EEXIST: return STATUS_OBJECT_NAME_COLLISION;
    case EISDIR: return STATUS_FILE_IS_A_DIRECTORY;
    case ENOTEMPTY: return STATUS_DIRECTORY_NOT_EMPTY;
    case EBADF: return STATUS_INVALID_HANDLE;
    case ENOMEM: return STATUS_NO_MEMORY;
    case ENOSPC: case EDQUOT: return STATUS_DISK_FULL;
    case EMFILE: case ENFILE: return STATUS_TOO_MANY_OPENED_FILES;
    case EINVAL: return STATUS_INVALID_PARAMETER;
    case ENAMETOOLONG: return STATUS_OBJECT_NAME_INVALID;
    case EPIPE: return STATUS_PIPE_BROKEN;
    case EXDEV: return STATUS_NOT_SAME_DEVICE;
    case ESPIPE: return STATUS_INVALID_PARAMETER;
    case ENOSYS: case EOPNOTSUPP: return STATUS_NOT_SUPPORTED;
    case EBUSY: return STATUS_SHARING_VIOLATION;
    case ELOOP: return STATUS_OBJECT_PATH_NOT_FOUND;
    case EFAULT: return STATUS_ACCESS_VIOLATION;
    case ETIMEDOUT: return STATUS_TIMEOUT;
    case EIO: return STATUS_IO_DEVICE_ERROR;
    default: return STATUS_UNSUCCESSFUL;
    }
}
