/*
 * ntdll/unix/symlink.c — symbolic links as Windows sees them: a Linux
 * symlink is a reparse point of tag IO_REPARSE_TAG_SYMLINK.
 *
 * · creating (__wlx_create_symlink, for kernel32's CreateSymbolicLink): the
 *   target is already what Linux must store (a relative path with '/', or
 *   the Unix path of an absolute one);
 * · opening one as itself (NtCreateFile with FILE_OPEN_REPARSE_POINT): an
 *   O_PATH handle on the link, which can be queried and deleted;
 * · reading it (FSCTL_GET_REPARSE_POINT): a REPARSE_DATA_BUFFER whose
 *   substitute name is "\??\C:\..." for an absolute target and the
 *   relative path (SYMLINK_FLAG_RELATIVE) otherwise, as NTFS keeps them.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "private.h"
#include "file.h"

#define IO_REPARSE_TAG_SYMLINK     0xA000000Cu
#define SYMLINK_FLAG_RELATIVE      1
#define STATUS_NOT_A_REPARSE_POINT ((NTSTATUS)0xC0000275)
#define STATUS_OBJECT_NAME_COLLISION_ ((NTSTATUS)0xC0000035)

/* --- creating -------------------------------------------------------------- */

NTSTATUS WINAPI unix___wlx_create_symlink(const UNICODE_STRING *link_nt, const char *target)
{
    NTSTATUS status;
    char *link;

    if (!link_nt || !target || !*target) return STATUS_INVALID_PARAMETER;
    if ((status = path_nt_to_unix(link_nt, &link, 1))) return status;
    if (symlink(target, link)) status = errno == EEXIST ? STATUS_OBJECT_NAME_COLLISION_ : errno_to_status(errno);
    free(link);
    return status;
}

/* --- opening one as itself ------------------------------------------------------ */

int symlink_is_link(const char *path)
{
    struct stat st;
    return !lstat(path, &st) && S_ISLNK(st.st_mode);
}

/* the link at `path` itself (its lstat in *st); the dispositions that would replace it are refused */
NTSTATUS symlink_open(const char *path, uint32_t disposition, uint32_t options, int *fd, struct stat *st)
{
    if (disposition == FILE_CREATE) return STATUS_OBJECT_NAME_COLLISION_;
    if (disposition != FILE_OPEN && disposition != FILE_OPEN_IF) return STATUS_ACCESS_DENIED;
    /* a link to a folder is a folder (RemoveDirectory opens it so) */
    if ((options & FILE_DIRECTORY_FILE) && (stat(path, st) || !S_ISDIR(st->st_mode))) return STATUS_NOT_A_DIRECTORY;
    if ((*fd = open(path, O_PATH | O_NOFOLLOW | O_CLOEXEC)) < 0) return errno_to_status(errno);
    if (fstatat(*fd, "", st, AT_EMPTY_PATH)) { close(*fd); *fd = -1; return errno_to_status(errno); }
    return STATUS_SUCCESS;
}

/* --- reading it ------------------------------------------------------------------ */

/* UTF-8 `s` as UTF-16 at out (room for `room` characters); '/' becomes '\'; the characters written */
static size_t put_wide(const char *s, WCHAR *out, size_t room)
{
    size_t n = wlx_utf8_to_utf16(s, strlen(s), out, room);
    for (size_t i = 0; i < n; i++) if (out[i] == '/') out[i] = '\\';
    return n;
}

/* FSCTL_GET_REPARSE_POINT on f: REPARSE_DATA_BUFFER with SymbolicLinkReparseBuffer */
NTSTATUS symlink_get_reparse(struct file *f, void *out, uint32_t out_len, uint64_t *info)
{
    static const WCHAR nt_prefix[4] = { '\\', '?', '?', '\\' };
    char target[PATH_MAX];
    char *dos = NULL;
    uint8_t *buf = out;
    WCHAR names[2 * (PATH_MAX + 8)];
    size_t sub_len, print_len;
    uint32_t flags = 0, data_len, tag = IO_REPARSE_TAG_SYMLINK;
    uint16_t v;
    ssize_t n;

    if (!f->unix_path || (n = readlinkat(f->fd, "", target, sizeof(target) - 1)) < 0)
        return STATUS_NOT_A_REPARSE_POINT;
    target[n] = 0;
    if (target[0] == '/' && !(dos = path_unix_to_dos(target))) return STATUS_NO_MEMORY;
    if (dos)
    {
        /* substitute "\??\C:\dir", print "C:\dir" */
        memcpy(names, nt_prefix, sizeof(nt_prefix));
        sub_len = 4 + put_wide(dos, names + 4, PATH_MAX);
        print_len = put_wide(dos, names + sub_len, PATH_MAX);
        free(dos);
    }
    else
    {
        flags = SYMLINK_FLAG_RELATIVE;
        sub_len = put_wide(target, names, PATH_MAX);
        print_len = put_wide(target, names + sub_len, PATH_MAX);
    }
    /* header (tag, length, reserved), then 4 name offsets/lengths, flags, the names */
    data_len = 12 + (sub_len + print_len) * sizeof(WCHAR);
    *info = 8 + data_len;
    if (out_len < 8 + 12) return STATUS_BUFFER_TOO_SMALL;
    if (out_len < *info) { *info = 0; return STATUS_BUFFER_OVERFLOW; }
    memcpy(buf, &tag, 4);
    v = data_len; memcpy(buf + 4, &v, 2);
    v = 0; memcpy(buf + 6, &v, 2);
    v = 0; memcpy(buf + 8, &v, 2);                                     /* SubstituteNameOffset */
    v = sub_len * sizeof(WCHAR); memcpy(buf + 10, &v, 2);              /* SubstituteNameLength */
    memcpy(buf + 12, &v, 2);                                           /* PrintNameOffset */
    v = print_len * sizeof(WCHAR); memcpy(buf + 14, &v, 2);            /* PrintNameLength */
    memcpy(buf + 16, &flags, 4);
    memcpy(buf + 20, names, (sub_len + print_len) * sizeof(WCHAR));
    return STATUS_SUCCESS;
}
