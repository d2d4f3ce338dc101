/*
 * ntdll/unix/file.c — file handles: NtCreateFile/NtOpenFile, NtReadFile,
 * NtWriteFile, information classes, attributes, volume (device) queries.
 * A file handle wraps a Unix fd; reads and writes go straight to it with no
 * server round trip.
 *
 * Sections: the file object · create/open · read/write · information.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include "private.h"
#include "file.h"

/* --- the file object ---------------------------------------------------- */

static void file_destroy(struct wlx_object *obj)
{
    struct file *f = (struct file *)obj;
    if (f->delete_on_close && f->unix_path)
    {
        if (f->is_dir) rmdir(f->unix_path); else unlink(f->unix_path);
    }
    if (f->dir) dir_close(f);
    if (f->fd > 2 || f->owns_fd) close(f->fd);
    free(f->unix_path);
}

const struct object_ops file_ops = { "File", file_destroy, NULL };

NTSTATUS file_get(HANDLE h, struct file **f)
{
    return handle_get(h, &file_ops, (struct wlx_object **)f);
}

HANDLE file_wrap_fd(int fd, ACCESS_MASK access, unsigned options)
{
    struct file *f = object_new(&file_ops, sizeof(*f));
    if (!f) return 0;
    f->fd = fd;
    f->access = access;
    f->options = options;
    return handle_alloc(&f->obj, access, 0);
}

int file_handle_fd(HANDLE h)
{
    struct file *f;
    if (file_get(h, &f)) return -1;
    int fd = f->fd;
    object_release(&f->obj);
    return fd;
}

uint64_t unix_time_to_filetime(const struct timespec *ts)
{
    return (uint64_t)ts->tv_sec * 10000000ULL + ts->tv_nsec / 100 + 116444736000000000ULL;
}

uint32_t file_attributes(const struct stat *st, const char *name)
{
    uint32_t a = 0;
    (void)name;
    if (S_ISDIR(st->st_mode)) a |= FILE_ATTRIBUTE_DIRECTORY;
    else a |= FILE_ATTRIBUTE_ARCHIVE;
    if (!(st->st_mode & 0222)) a |= FILE_ATTRIBUTE_READONLY;
    return a;
}

/* --- create/open ------------------------------------------------------- */

static ACCESS_MASK map_generic(ACCESS_MASK a)
{
    if (a & GENERIC_READ) a |= FILE_READ_DATA | FILE_READ_ATTRIBUTES | FILE_READ_EA | SYNCHRONIZE;
    if (a & GENERIC_WRITE) a |= FILE_WRITE_DATA | FILE_APPEND_DATA | FILE_WRITE_ATTRIBUTES | FILE_WRITE_EA | SYNCHRONIZE;
    if (a & GENERIC_EXECUTE) a |= FILE_EXECUTE | FILE_READ_ATTRIBUTES | SYNCHRONIZE;
    if (a & (GENERIC_ALL | MAXIMUM_ALLOWED)) a |= FILE_ALL_ACCESS;
    return a & ~(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL | MAXIMUM_ALLOWED);
}

NTSTATUS WINAPI unix_NtCreateFile(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                                  IO_STATUS_BLOCK *io, LARGE_INTEGER *alloc_size, uint32_t attributes,
                                  uint32_t sharing, uint32_t disposition, uint32_t options,
                                  void *ea_buffer, uint32_t ea_length)
{
    char *path;
    struct stat st;
    NTSTATUS status;
    int exists, flags = O_CLOEXEC | O_NOCTTY, fd;
    uint64_t info;

    (void)alloc_size; (void)sharing; (void)ea_buffer; (void)ea_length;
    *handle = 0;
    if (!attr || !attr->ObjectName) return STATUS_INVALID_PARAMETER;
    if (disposition > FILE_OVERWRITE_IF) return STATUS_INVALID_PARAMETER;
    if ((options & FILE_DIRECTORY_FILE) && (options & FILE_NON_DIRECTORY_FILE)) return STATUS_INVALID_PARAMETER;
    access = map_generic(access);

    status = path_nt_to_unix(attr->ObjectName, &path, disposition != FILE_OPEN && disposition != FILE_OVERWRITE);
    if (status) return io->Status = status;
    exists = !stat(path, &st);
    if (exists && S_ISDIR(st.st_mode))
    {
        if (options & FILE_NON_DIRECTORY_FILE) { status = STATUS_FILE_IS_A_DIRECTORY; goto done; }
        if (disposition == FILE_CREATE) { status = STATUS_OBJECT_NAME_COLLISION; goto done; }
        if (disposition != FILE_OPEN && disposition != FILE_OPEN_IF) { status = STATUS_FILE_IS_A_DIRECTORY; goto done; }
        fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) { status = errno_to_status(errno); goto done; }
        info = FILE_OPENED;
        goto made;
    }
    if (options & FILE_DIRECTORY_FILE)
    {
        if (exists) { status = STATUS_NOT_A_DIRECTORY; goto done; }
        if (disposition != FILE_CREATE && disposition != FILE_OPEN_IF) { status = STATUS_OBJECT_NAME_NOT_FOUND; goto done; }
        if (mkdir(path, 0777)) { status = errno_to_status(errno); goto done; }
        fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) { status = errno_to_status(errno); goto done; }
        exists = 0;
        stat(path, &st);
        info = FILE_CREATED;
        goto made;
    }

    switch (disposition)
    {
    case FILE_OPEN: if (!exists) { status = STATUS_OBJECT_NAME_NOT_FOUND; goto done; } info = FILE_OPENED; break;
    case FILE_CREATE: if (exists) { status = STATUS_OBJECT_NAME_COLLISION; goto done; } flags |= O_CREAT | O_EXCL; info = FILE_CREATED; break;
    case FILE_OPEN_IF: flags |= O_CREAT; info = exists ? FILE_OPENED : FILE_CREATED; break;
    case FILE_OVERWRITE: if (!exists) { status = STATUS_OBJECT_NAME_NOT_FOUND; goto done; } flags |= O_TRUNC; info = FILE_OVERWRITTEN; break;
    case FILE_OVERWRITE_IF: flags |= O_CREAT | O_TRUNC; info = exists ? FILE_OVERWRITTEN : FILE_CREATED; break;
    default: /* FILE_SUPERSEDE */ flags |= O_CREAT | O_TRUNC; info = exists ? FILE_SUPERSEDED : FILE_CREATED; break;
    }
    if (access & (FILE_WRITE_DATA | FILE_APPEND_DATA)) flags |= (access & (FILE_READ_DATA | FILE_EXECUTE)) ? O_RDWR : O_WRONLY;
    else if (flags & O_TRUNC) flags |= (access & FILE_READ_DATA) ? O_RDWR : O_WRONLY;
    else flags |= O_RDONLY;
    if (exists && S_ISREG(st.st_mode) && (flags & O_TRUNC) && (st.st_mode & 0222) == 0)
    {
        /* Windows refuses to overwrite a read-only file; root on Linux would not */
        status = STATUS_ACCESS_DENIED;
        goto done;
    }
    fd = open(path, flags, (attributes & FILE_ATTRIBUTE_READONLY) ? 0444 : 0666);
    if (fd < 0 && (errno == EACCES || errno == EISDIR) && (flags & O_ACCMODE) != O_RDONLY && !(access & (FILE_WRITE_DATA | FILE_APPEND_DATA)))
        fd = open(path, (flags & ~O_ACCMODE) | O_RDONLY, 0666);
    if (fd < 0) { status = errno_to_status(errno); goto done; }
    if (!exists || (flags & O_TRUNC)) fstat(fd, &st);

made:
    {
        struct file *f = object_new(&file_ops, sizeof(*f));
        if (!f) { close(fd); status = STATUS_NO_MEMORY; goto done; }
        f->fd = fd;
        f->owns_fd = 1;
        f->access = access;
        f->options = options;
        f->is_dir = S_ISDIR(st.st_mode);
        f->delete_on_close = !!(options & FILE_DELETE_ON_CLOSE);
        f->unix_path = path;
        /* FILE_APPEND_DATA without FILE_WRITE_DATA: every write goes to the end */
        if ((access & FILE_APPEND_DATA) && !(access & FILE_WRITE_DATA) && !f->is_dir)
        {
            fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_APPEND);
            f->append_only = 1;
        }
        path = NULL;
        *handle = handle_alloc(&f->obj, access, attr->Attributes & OBJ_INHERIT);
        if (!*handle) { object_release(&f->obj); status = STATUS_NO_MEMORY; goto done; }
        io->Information = info;
    }
done:
    if (TRACE_ON(FILE)) wlx_trace("NtCreateFile %s disp %u opts %#x -> %#x handle %p\n", path ? path : "(opened)", disposition, options, status, *handle);
    free(path);
    io->Status = status;
    return status;
}

NTSTATUS WINAPI unix_NtOpenFile(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                                IO_STATUS_BLOCK *io, uint32_t sharing, uint32_t options)
{
    return unix_NtCreateFile(handle, access, attr, io, NULL, 0, sharing, FILE_OPEN, options, NULL, 0);
}

/* --- read/write -------------------------------------------------------- */

static int use_file_pointer(const LARGE_INTEGER *offset)
{
    return !offset || offset->QuadPart == FILE_USE_FILE_POINTER_POSITION;
}

NTSTATUS WINAPI unix_NtReadFile(HANDLE handle, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                                void *buffer, uint32_t length, LARGE_INTEGER *offset, uint32_t *key)
{
    struct file *f;
    NTSTATUS status = file_get(handle, &f);
    ssize_t r;
    (void)event; (void)apc; (void)apc_ctx; (void)key;
    if (status) return status;
    if (f->is_dir) { object_release(&f->obj); return STATUS_INVALID_DEVICE_REQUEST; }
    do
        r = use_file_pointer(offset) ? read(f->fd, buffer, length) : pread(f->fd, buffer, length, offset->QuadPart);
    while (r < 0 && errno == EINTR);
    if (r < 0) status = errno == EFAULT ? STATUS_ACCESS_VIOLATION : errno_to_status(errno);
    else if (!r && length)
    {
        struct stat st;
        /* end of file for files; a closed write end for pipes */
        if (!fstat(f->fd, &st) && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))) status = STATUS_PIPE_BROKEN;
        else if (!fstat(f->fd, &st) && S_ISCHR(st.st_mode)) status = STATUS_SUCCESS;
        else status = STATUS_END_OF_FILE;
    }
    object_release(&f->obj);
    io->Status = status;
    io->Information = r > 0 ? (uint64_t)r : 0;
    return status;
}

NTSTATUS WINAPI unix_NtWriteFile(HANDLE handle, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                                 const void *buffer, uint32_t length, LARGE_INTEGER *offset, uint32_t *key)
{
    struct file *f;
    NTSTATUS status = file_get(handle, &f);
    size_t done = 0;
    (void)event; (void)apc; (void)apc_ctx; (void)key;
    if (status) return status;
    while (done < length)
    {
        ssize_t r;
        if (offset && offset->QuadPart == FILE_WRITE_TO_END_OF_FILE)
        {
            lseek(f->fd, 0, SEEK_END);
            r = write(f->fd, (const char *)buffer + done, length - done);
        }
        else if (use_file_pointer(offset) || f->append_only)
            r = write(f->fd, (const char *)buffer + done, length - done);
        else
            r = pwrite(f->fd, (const char *)buffer + done, length - done, offset->QuadPart + done);
        if (r < 0)
        {
            if (errno == EINTR) continue;
            status = errno == EFAULT ? STATUS_ACCESS_VIOLATION : errno_to_status(errno);
            break;
        }
        done += r;
    }
    object_release(&f->obj);
    io->Status = status;
    io->Information = done;
    return status;
}

NTSTATUS WINAPI unix_NtFlushBuffersFile(HANDLE handle, IO_STATUS_BLOCK *io)
{
    struct file *f;
    NTSTATUS status = file_get(handle, &f);
    if (status) return status;
    if (fsync(f->fd) && errno != EINVAL && errno != EROFS) status = errno_to_status(errno);
    object_release(&f->obj);
    io->Status = status;
    io->Information = 0;
    return status;
}
