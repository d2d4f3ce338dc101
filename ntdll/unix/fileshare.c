/*
 * ntdll/unix/fileshare.c — file handles crossing to another process
 * (inheritance, DuplicateHandle): the export hook of file objects and its
 * importer (private.h, "exporting objects").
 *
 * EXPORT_FILE: the fd itself (dup'ed; the receiver shares the open file
 * description, so the file pointer is shared as Windows shares it between
 * duplicated handles); data[0] the access mask, data[1] the open options.
 * Sharing-mode records stay with the process that opened the file.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "private.h"
#include "file.h"

NTSTATUS file_export(struct wlx_object *obj, struct object_export *ex, int *fd)
{
    struct file *f = (struct file *)obj;
    if ((*fd = fcntl(f->fd, F_DUPFD_CLOEXEC, 3)) < 0) return errno_to_status(errno);
    memset(ex, 0, sizeof(*ex));
    ex->kind = EXPORT_FILE;
    ex->data[0] = f->access;
    ex->data[1] = f->options;
    return STATUS_SUCCESS;
}

static struct wlx_object *file_import(const struct object_export *ex, int fd)
{
    struct wlx_object *obj = NULL;
    if (fd < 0) return NULL;
    /* a file object around the fd: made through the file code's own wrapper,
       then taken out of the handle table it put it in */
    HANDLE h = file_wrap_fd(fd, (ACCESS_MASK)ex->data[0], (unsigned)ex->data[1]);
    if (!h) { close(fd); return NULL; }
    if (handle_get(h, &file_ops, &obj)) obj = NULL;
    handle_close(h);
    return obj;
}

static void __attribute__((constructor)) register_file_import(void)
{
    handle_register_import(EXPORT_FILE, file_import);
}
