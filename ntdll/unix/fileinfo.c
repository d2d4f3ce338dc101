/*
 * ntdll/unix/fileinfo.c — file information classes: NtQueryInformationFile,
 * NtSetInformationFile, NtQueryAttributesFile/NtQueryFullAttributesFile,
 * NtQueryVolumeInformationFile, NtDeleteFile.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <unistd.h>
#include "private.h"
#include "file.h"
#include "iocp.h"

enum {
    FileDirectoryInformation = 1, FileBasicInformation = 4, FileStandardInformation = 5,
    FileInternalInformation = 6, FileEaInformation = 7, FileAccessInformation = 8,
    FileNameInformation = 9, FileRenameInformation = 10, FileDispositionInformation = 13,
    FilePositionInformation = 14, FileModeInformation = 16, FileAlignmentInformation = 17,
    FileAllInformation = 18, FileAllocationInformation = 19, FileEndOfFileInformation = 20,
    FileStreamInformation = 22, FileNetworkOpenInformation = 34, FileAttributeTagInformation = 35,
    FileDispositionInformationEx = 64, FileRenameInformationEx = 65, FileLinkInformation = 11,
};

struct basic_info { int64_t creation, access, write, change; uint32_t attributes, pad; };
struct standard_info { int64_t allocation, eof; uint32_t links; uint8_t delete_pending, directory, pad[2]; };
struct network_open_info { int64_t creation, access, write, change, allocation, eof; uint32_t attributes, pad; };
struct rename_info { uint32_t flags; uint32_t pad; HANDLE root; uint32_t name_len; WCHAR name[1]; };
_Static_assert(sizeof(struct basic_info) == 40, "basic");
_Static_assert(sizeof(struct standard_info) == 24, "standard");
_Static_assert(sizeof(struct network_open_info) == 56, "network open");
_Static_assert(offsetof(struct rename_info, name) == 20, "rename");

static struct timespec ts_of(const struct statx_timestamp *t)
{
    struct timespec ts = { t->tv_sec, t->tv_nsec };
    return ts;
}

/* One statx for what stat() gives and the creation time (the birth time
   where the file system keeps one, else the older of ctime and mtime).
   name "" means dirfd itself; follow: follow a final symlink. */
int file_statx(int dirfd, const char *name, int follow, struct stat *st, int64_t *birth)
{
    struct statx sx;
    int flags = (name[0] ? 0 : AT_EMPTY_PATH) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
    if (statx(dirfd, name, flags, STATX_BASIC_STATS | STATX_BTIME, &sx)) return -1;
    memset(st, 0, sizeof(*st));
    st->st_dev = makedev(sx.stx_dev_major, sx.stx_dev_minor);
    st->st_rdev = makedev(sx.stx_rdev_major, sx.stx_rdev_minor);
    st->st_ino = sx.stx_ino;
    st->st_mode = sx.stx_mode;
    st->st_nlink = sx.stx_nlink;
    st->st_uid = sx.stx_uid;
    st->st_gid = sx.stx_gid;
    st->st_size = sx.stx_size;
    st->st_blksize = sx.stx_blksize;
    st->st_blocks = sx.stx_blocks;
    st->st_atim = ts_of(&sx.stx_atime);
    st->st_mtim = ts_of(&sx.stx_mtime);
    st->st_ctim = ts_of(&sx.stx_ctime);
    if (sx.stx_mask & STATX_BTIME)
    {
        struct timespec ts = ts_of(&sx.stx_btime);
        *birth = unix_time_to_filetime(&ts);
    }
    else *birth = unix_time_to_filetime(st->st_ctim.tv_sec < st->st_mtim.tv_sec ? &st->st_ctim : &st->st_mtim);
    return 0;
}

static const char *base_name(const char *path)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    return slash ? slash + 1 : path;
}

#define FILE_ATTRIBUTE_REPARSE_POINT 0x400
#define IO_REPARSE_TAG_SYMLINK       0xA000000Cu

/* the attributes of a file known by fd (or, when fd < 0, by path); a
   symlink opened as itself is a reparse point, a folder when its target is */
static uint32_t attributes_of(const struct stat *st, int fd, const char *path)
{
    struct stat target;

    if (S_ISLNK(st->st_mode))
        return FILE_ATTRIBUTE_REPARSE_POINT |
               (path && !stat(path, &target) && S_ISDIR(target.st_mode) ? FILE_ATTRIBUTE_DIRECTORY
                                                                         : FILE_ATTRIBUTE_ARCHIVE);
    return file_attributes(st, base_name(path)) | file_xattr_attributes(fd, path);
}

static void fill_basic(const struct stat *st, int64_t birth, uint32_t attributes, struct basic_info *b)
{
    b->creation = birth;
    b->access = unix_time_to_filetime(&st->st_atim);
    b->write = unix_time_to_filetime(&st->st_mtim);
    b->change = unix_time_to_filetime(&st->st_ctim);
    b->attributes = attributes;
    b->pad = 0;
}

static void fill_standard(const struct stat *st, struct standard_info *s)
{
    s->eof = S_ISDIR(st->st_mode) ? 0 : st->st_size;
    s->allocation = S_ISDIR(st->st_mode) ? 0 : (int64_t)st->st_blocks * 512;
    s->links = st->st_nlink;
    s->delete_pending = 0;
    s->directory = S_ISDIR(st->st_mode);
    s->pad[0] = s->pad[1] = 0;
}

static NTSTATUS set_return(IO_STATUS_BLOCK *io, NTSTATUS status, uint64_t info)
{
    io->Status = status;
    io->Information = info;
    return status;
}

NTSTATUS WINAPI unix_NtQueryInformationFile(HANDLE handle, IO_STATUS_BLOCK *io, void *ptr, uint32_t len, uint32_t klass)
{
    struct file *f;
    struct stat st;
    int64_t birth;
    NTSTATUS status = file_get(handle, &f);
    uint64_t info = 0;
    if (status) return status;
    /* a named pipe's own classes (pipe.c) */
    if (f->pipe && (status = pipe_query(f, klass, ptr, len, &info)) != STATUS_INVALID_INFO_CLASS) goto done;
    if ((status = host_pipe_info(f, klass, ptr, len, 0, &info)) != STATUS_INVALID_INFO_CLASS) goto done;
    status = STATUS_SUCCESS;
    if (file_statx(f->fd, "", 1, &st, &birth)) { status = errno_to_status(errno); goto done; }
    switch (klass)
    {
    case FileBasicInformation:
        if (len < sizeof(struct basic_info)) { status = STATUS_INFO_LENGTH_MISMATCH; break; }
        fill_basic(&st, birth, attributes_of(&st, f->fd, f->unix_path), ptr); info = sizeof(struct basic_info); break;
    case FileStandardInformation:
        if (len < sizeof(struct standard_info)) { status = STATUS_INFO_LENGTH_MISMATCH; break; }
        fill_standard(&st, ptr);
        ((struct standard_info *)ptr)->delete_pending = f->delete_on_close;
        info = sizeof(struct standard_info); break;
    case FileInternalInformation:
        if (len < 8) { status = STATUS_INFO_LENGTH_MISMATCH; break; }
        *(uint64_t *)ptr = st.st_ino; info = 8; break;
    case FileEaInformation:
        if (len < 4) { status = STATUS_INFO_LENGTH_MISMATCH; break; }
        *(uint32_t *)ptr = 0; info = 4; break;
    case FileAccessInformation:
        if (len < 4) { status = STATUS_INFO_LENGTH_MISMATCH; break; }
        *(uint32_t *)ptr = f->access; info = 4; break;
    case FilePositionInformation:
        if (len < 8) { status = STATUS_INFO_LENGTH_MISMATCH; break; }
        {
            off_t pos = lseek(f->fd, 0, SEEK_CUR);
            *(int64_t *)ptr = pos < 0 ? 0 : pos;
        }
        info = 8; break;
    case FileModeInformation:
        if (len < 4) { status = STATUS_INFO_LENGTH_MISMATCH; break; }
        *(uint32_t *)ptr = f->options & 0x103e; info = 4; break;
    case FileAlignmentInformation:
        if (len < 4) { status = STATUS_INFO_LENGTH_MISMATCH; break; }
        *(uint32_t *)ptr = 0; info = 4; break;
    case FileNetworkOpenInformation:
        if (len < sizeof(struct network_open_info)) { status = STATUS_INFO_LENGTH_MISMATCH; break; }
        {
            struct basic_info b; struct standard_info s;
            struct network_open_info *n = ptr;
            fill_basic(&st, birth, attributes_of(&st, f->fd, f->unix_path), &b); fill_standard(&st, &s);
            n->creation = b.creation; n->access = b.access; n->write = b.write; n->change = b.change;
            n->allocation = s.allocation; n->eof = s.eof; n->attributes = b.attributes; n->pad = 0;
        }
        info = sizeof(struct network_open_info); break;
    case FileAttributeTagInformation:
        if (len < 8) { status = STATUS_INFO_LENGTH_MISMATCH; break; }
        ((uint32_t *)ptr)[0] = attributes_of(&st, f->fd, f->unix_path);
        ((uint32_t *)ptr)[1] = S_ISLNK(st.st_mode) ? IO_REPARSE_TAG_SYMLINK : 0;
        info = 8; break;
    case FileStreamInformation:
    {
        /* Linux files have one stream, the unnamed "::$DATA"; a folder has
           none (FindFirstStreamW: ERROR_HANDLE_EOF), as on NTFS */
        static const WCHAR data[] = { ':', ':', '$', 'D', 'A', 'T', 'A' };
        uint8_t *p = ptr;
        if (S_ISDIR(st.st_mode)) break;
        if (len < 24) { status = STATUS_INFO_LENGTH_MISMATCH; break; }
        *(uint32_t *)p = 0;                                  /* NextEntryOffset */
        *(uint32_t *)(p + 4) = sizeof(data);                 /* StreamNameLength */
        *(int64_t *)(p + 8) = st.st_size;                    /* StreamSize */
        *(int64_t *)(p + 16) = (int64_t)st.st_blocks * 512;  /* StreamAllocationSize */
        if (len < 24 + sizeof(data)) { status = STATUS_BUFFER_OVERFLOW; info = 24; break; }
        memcpy(p + 24, data, sizeof(data));
        info = 24 + sizeof(data);
        break;
    }
    case FileNameInformation:
    case FileAllInformation:
    {
        /* the name is the path without the drive: "\dir\file" */
        size_t off = klass == FileAllInformation ? 0x60 : 0;   /* FILE_ALL_INFORMATION.NameInformation */
        if (len < off + 4) { status = STATUS_INFO_LENGTH_MISMATCH; break; }
        if (klass == FileAllInformation)
        {
            uint8_t *p = ptr;
            fill_basic(&st, birth, attributes_of(&st, f->fd, f->unix_path), (struct basic_info *)p);
            fill_standard(&st, (struct standard_info *)(p + 0x28));
            *(uint64_t *)(p + 0x40) = st.st_ino;
            *(uint32_t *)(p + 0x48) = 0;
            *(uint32_t *)(p + 0x4c) = f->access;
            *(int64_t *)(p + 0x50) = lseek(f->fd, 0, SEEK_CUR) < 0 ? 0 : lseek(f->fd, 0, SEEK_CUR);
            *(uint32_t *)(p + 0x58) = f->options & 0x103e;
            *(uint32_t *)(p + 0x5c) = 0;
        }
        char *dos = f->unix_path ? path_unix_to_dos(f->unix_path) : NULL;
        const char *name = dos ? dos + 2 : "\\";
        size_t wlen = wlx_utf8_to_utf16(name, strlen(name), NULL, 0);
        size_t room = (len - off - 4) / sizeof(WCHAR);
        *(uint32_t *)((uint8_t *)ptr + off) = wlen * sizeof(WCHAR);
        wlx_utf8_to_utf16(name, strlen(name), (WCHAR *)((uint8_t *)ptr + off + 4), room);
        if (room < wlen) { status = STATUS_BUFFER_OVERFLOW; info = len; }
        else info = off + 4 + wlen * sizeof(WCHAR);
        free(dos);
        break;
    }
    default:
        status = STATUS_INVALID_INFO_CLASS;
    }
done:
    object_release(&f->obj);
    return set_return(io, status, info);
}

static NTSTATUS set_times(struct file *f, const struct basic_info *b)
{
    struct timespec ts[2] = { { 0, UTIME_OMIT }, { 0, UTIME_OMIT } };
    const int64_t epoch = 116444736000000000LL;
    if (b->access > 0) { ts[0].tv_sec = (b->access - epoch) / 10000000; ts[0].tv_nsec = (b->access - epoch) % 10000000 * 100; }
    if (b->write > 0) { ts[1].tv_sec = (b->write - epoch) / 10000000; ts[1].tv_nsec = (b->write - epoch) % 10000000 * 100; }
    /* nothing to change (SetFileAttributes) is no system call */
    if ((b->access > 0 || b->write > 0) && futimens(f->fd, ts)) return errno_to_status(errno);
    if (b->attributes && f->unix_path)
    {
        struct stat st;
        if (!fstat(f->fd, &st))
        {
            mode_t mode = st.st_mode & 07777;
            if (b->attributes & FILE_ATTRIBUTE_READONLY) mode &= ~0222;
            else if (!(mode & 0200)) mode |= 0200 | ((mode & 0044) >> 1);
            if (mode != (st.st_mode & 07777) && fchmod(f->fd, mode)) return errno_to_status(errno);
        }
        file_set_xattr_attributes(f->fd, b->attributes);
    }
    return STATUS_SUCCESS;
}

/* a rename to the same name in another case: the lookup found the file
   itself, but the name must take the case asked for */
static char *with_requested_name(char *dest, const struct rename_info *r)
{
    size_t n = r->name_len / sizeof(WCHAR), start = n;
    while (start && r->name[start - 1] != '\\') start--;
    char *slash = strrchr(dest, '/');
    size_t dirlen = slash ? (size_t)(slash - dest) : 0;
    size_t ulen = wlx_utf16_to_utf8(r->name + start, n - start, NULL, 0);
    char *out = malloc(dirlen + ulen + 2);
    if (out)
    {
        memcpy(out, dest, dirlen);
        out[dirlen] = '/';
        wlx_utf16_to_utf8(r->name + start, n - start, out + dirlen + 1, ulen);
        out[dirlen + 1 + ulen] = 0;
    }
    free(dest);
    return out;
}

static NTSTATUS do_rename(struct file *f, const struct rename_info *r, int flags)
{
    UNICODE_STRING us = { (uint16_t)r->name_len, (uint16_t)r->name_len, 0, (WCHAR *)r->name };
    char *dest;
    struct stat st;
    NTSTATUS status;
    if (!f->unix_path) return STATUS_INVALID_PARAMETER;
    if (!(f->access & DELETE)) return STATUS_ACCESS_DENIED;
    if (r->root) return STATUS_NOT_IMPLEMENTED;
    status = path_nt_to_unix(&us, &dest, 1);
    if (status) return status;
    if (!strcmp(dest, f->unix_path) && !(dest = with_requested_name(dest, r))) return STATUS_NO_MEMORY;
    if (!(flags & 1 /* replace if exists */) && !lstat(dest, &st) && strcmp(dest, f->unix_path))
    {
        free(dest);
        return STATUS_OBJECT_NAME_COLLISION;
    }
    if (!lstat(dest, &st) && S_ISDIR(st.st_mode) && strcmp(dest, f->unix_path)) { free(dest); return STATUS_ACCESS_DENIED; }
    if (rename(f->unix_path, dest)) { status = errno_to_status(errno); free(dest); return status; }
    file_renamed(f, dest);
    return STATUS_SUCCESS;
}

/* CreateHardLink: another name for the file; folders have none */
static NTSTATUS do_link(struct file *f, const struct rename_info *r, int replace)
{
    UNICODE_STRING us = { (uint16_t)r->name_len, (uint16_t)r->name_len, 0, (WCHAR *)r->name };
    struct stat st;
    char *dest;
    NTSTATUS status;
    if (!f->unix_path) return STATUS_INVALID_PARAMETER;
    if (f->is_dir) return STATUS_FILE_IS_A_DIRECTORY;
    if (r->root) return STATUS_NOT_IMPLEMENTED;
    if ((status = path_nt_to_unix(&us, &dest, 1))) return status;
    if (!lstat(dest, &st))
    {
        if (!replace) status = STATUS_OBJECT_NAME_COLLISION;
        else if (S_ISDIR(st.st_mode) || unlink(dest)) status = STATUS_ACCESS_DENIED;
    }
    if (!status && link(f->unix_path, dest)) status = errno_to_status(errno);
    free(dest);
    return status;
}

/* the size of an open file, without moving its file pointer (-1: unknown) */
static int64_t file_size(int fd)
{
    struct stat st;
    return fstat(fd, &st) ? -1 : st.st_size;
}

NTSTATUS WINAPI unix_NtSetInformationFile(HANDLE handle, IO_STATUS_BLOCK *io, void *ptr, uint32_t len, uint32_t klass)
{
    struct file *f;
    NTSTATUS status = file_get(handle, &f);
    if (status) return status;
    switch (klass)
    {
    case FilePositionInformation:
        if (len < 8) status = STATUS_INVALID_PARAMETER;
        else if (*(int64_t *)ptr < 0) status = STATUS_INVALID_PARAMETER;
        else if (lseek(f->fd, *(int64_t *)ptr, SEEK_SET) < 0) status = errno_to_status(errno);
        break;
    case FileEndOfFileInformation:
    case FileAllocationInformation:
        if (len < 8) status = STATUS_INVALID_PARAMETER;
        /* a smaller allocation truncates (Rust's File::create: OPEN_ALWAYS,
           then allocation 0); the file pointer stays where it is */
        else if (klass == FileEndOfFileInformation || *(int64_t *)ptr < file_size(f->fd))
        {
            if (ftruncate(f->fd, *(int64_t *)ptr)) status = errno_to_status(errno);
        }
        break;
    case FileBasicInformation:
        if (len < sizeof(struct basic_info)) status = STATUS_INVALID_PARAMETER;
        else status = set_times(f, ptr);
        break;
    case FileDispositionInformation:
        if (len < 1) status = STATUS_INVALID_PARAMETER;
        else status = file_set_delete_pending(f, *(uint8_t *)ptr != 0, 0);
        break;
    case FileDispositionInformationEx:
        /* FILE_DISPOSITION_DELETE and its modifiers */
        if (len < 4) status = STATUS_INVALID_PARAMETER;
        else status = file_set_delete_pending(f, (*(uint32_t *)ptr & 1) != 0, *(uint32_t *)ptr);
        break;
    case FileRenameInformation:
    case FileRenameInformationEx:
        if (len < sizeof(struct rename_info) - sizeof(WCHAR)) status = STATUS_INVALID_PARAMETER;
        else
        {
            const struct rename_info *r = ptr;
            int flags = klass == FileRenameInformation ? (*(uint8_t *)ptr ? 1 : 0) : r->flags;
            status = do_rename(f, r, flags);
        }
        break;
    case FileLinkInformation:
        /* FILE_LINK_INFORMATION has the layout of the rename record */
        if (len < sizeof(struct rename_info) - sizeof(WCHAR)) status = STATUS_INVALID_PARAMETER;
        else status = do_link(f, ptr, *(uint8_t *)ptr);
        break;
    default:
        status = file_set_completion(f, klass, ptr, len);   /* ports (file.c) */
        if (status == STATUS_INVALID_INFO_CLASS && f->pipe) status = pipe_set(f, klass, ptr, len);
        if (status == STATUS_INVALID_INFO_CLASS) status = host_pipe_info(f, klass, ptr, len, 1, NULL);
    }
    object_release(&f->obj);
    return set_return(io, status, 0);
}

static NTSTATUS stat_attr(const OBJECT_ATTRIBUTES *attr, struct stat *st, struct basic_info *b)
{
    char *path;
    int64_t birth;
    NTSTATUS status = path_nt_to_unix(attr->ObjectName, &path, 0);
    if (status) return status;
    if (file_statx(AT_FDCWD, path, 1, st, &birth)) status = errno_to_status(errno);
    else fill_basic(st, birth, attributes_of(st, -1, path), b);
    free(path);
    return status;
}

NTSTATUS WINAPI unix_NtQueryAttributesFile(const OBJECT_ATTRIBUTES *attr, struct basic_info *info)
{
    struct stat st;
    return stat_attr(attr, &st, info);
}

NTSTATUS WINAPI unix_NtQueryFullAttributesFile(const OBJECT_ATTRIBUTES *attr, struct network_open_info *info)
{
    struct stat st;
    struct basic_info b;
    NTSTATUS status = stat_attr(attr, &st, &b);
    if (!status)
    {
        struct standard_info s;
        fill_standard(&st, &s);
        info->creation = b.creation; info->access = b.access; info->write = b.write; info->change = b.change;
        info->allocation = s.allocation; info->eof = s.eof; info->attributes = b.attributes; info->pad = 0;
    }
    return status;
}

/* GetFinalPathNameByHandle: the handle's DOS path ("C:\dir\file"), which
   no NT information class gives with its drive letter */
NTSTATUS WINAPI unix___wlx_file_dos_path(HANDLE handle, WCHAR *buffer, uint32_t size, uint32_t *needed)
{
    struct file *f;
    NTSTATUS status = file_get(handle, &f);
    if (status) return status;
    char *dos = f->unix_path ? path_unix_to_dos(f->unix_path) : NULL;
    if (!dos) status = STATUS_INVALID_HANDLE;
    else
    {
        size_t len = wlx_utf8_to_utf16(dos, strlen(dos), NULL, 0);
        *needed = (len + 1) * sizeof(WCHAR);
        if (*needed > size) status = STATUS_BUFFER_TOO_SMALL;
        else { wlx_utf8_to_utf16(dos, strlen(dos), buffer, len); buffer[len] = 0; }
    }
    free(dos);
    object_release(&f->obj);
    return status;
}

NTSTATUS WINAPI unix_NtDeleteFile(const OBJECT_ATTRIBUTES *attr)
{
    char *path;
    struct stat st;
    NTSTATUS status = path_nt_to_unix(attr->ObjectName, &path, 0);
    if (status) return status;
    if (lstat(path, &st)) status = errno_to_status(errno);
    else if (S_ISDIR(st.st_mode) ? rmdir(path) : unlink(path)) status = errno_to_status(errno);
    free(path);
    return status;
}

/* --- volume information ------------------------------------------------ */
#define FILE_DEVICE_DISK        0x07
#define FILE_DEVICE_NAMED_PIPE  0x11
#define FILE_DEVICE_NULL        0x15
#define FILE_DEVICE_CONSOLE     0x50
enum { FileFsVolumeInformation = 1, FileFsSizeInformation = 3, FileFsDeviceInformation = 4,
       FileFsAttributeInformation = 5, FileFsFullSizeInformation = 7 };

NTSTATUS WINAPI unix_NtQueryVolumeInformationFile(HANDLE handle, IO_STATUS_BLOCK *io, void *ptr, uint32_t len, uint32_t klass)
{
    struct file *f;
    struct stat st;
    struct statvfs sv;
    uint64_t info = 0;
    NTSTATUS status = file_get(handle, &f);
    if (status) return status;
    if (fstat(f->fd, &st)) { status = errno_to_status(errno); goto done; }
    switch (klass)
    {
    case FileFsDeviceInformation:
        if (len < 8) { status = STATUS_INFO_LENGTH_MISMATCH; break; }
        {
            uint32_t type = FILE_DEVICE_DISK;
            if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)) type = FILE_DEVICE_NAMED_PIPE;
            else if (S_ISCHR(st.st_mode)) type = isatty(f->fd) ? FILE_DEVICE_CONSOLE : FILE_DEVICE_NULL;
            ((uint32_t *)ptr)[0] = type;
            ((uint32_t *)ptr)[1] = 0;
        }
        info = 8; break;
    case FileFsSizeInformation:
    case FileFsFullSizeInformation:
        if (len < (klass == FileFsSizeInformation ? 24u : 32u)) { status = STATUS_INFO_LENGTH_MISMATCH; break; }
        if (fstatvfs(f->fd, &sv)) { status = errno_to_status(errno); break; }
        {
            int64_t *p = ptr;
            uint32_t *u;
            uint64_t unit = sv.f_frsize ? sv.f_frsize : 4096;
            p[0] = sv.f_blocks * unit / 4096;
            p[1] = sv.f_bavail * unit / 4096;
            if (klass == FileFsFullSizeInformation) { p[2] = sv.f_bfree * unit / 4096; u = (uint32_t *)&p[3]; info = 32; }
            else { u = (uint32_t *)&p[2]; info = 24; }
            u[0] = 8;    /* sectors per allocation unit */
            u[1] = 512;  /* bytes per sector */
        }
        break;
    case FileFsAttributeInformation:
        if (len < 12) { status = STATUS_INFO_LENGTH_MISMATCH; break; }
        {
            uint32_t *u = ptr;
            static const WCHAR ntfs[] = { 'N', 'T', 'F', 'S' };
            u[0] = 0x0002 | 0x0001 | 0x0004 | 0x0008; /* case preserved+sensitive search, unicode, acls */
            u[1] = 255;
            u[2] = sizeof(ntfs);
            if (len < 12 + sizeof(ntfs)) { status = STATUS_BUFFER_OVERFLOW; info = len; break; }
            memcpy(u + 3, ntfs, sizeof(ntfs));
            info = 12 + sizeof(ntfs);
        }
        break;
    case FileFsVolumeInformation:
        if (len < 24) { status = STATUS_INFO_LENGTH_MISMATCH; break; }
        memset(ptr, 0, 24);
        ((uint32_t *)ptr)[2] = (uint32_t)st.st_dev;  /* VolumeSerialNumber */
        info = 18;
        break;
    default:
        status = STATUS_INVALID_INFO_CLASS;
    }
done:
    object_release(&f->obj);
    return set_return(io, status, info);
}
