/*
 * ntdll/unix/file.c — file handles: NtCreateFile/NtOpenFile, NtReadFile,
 * NtWriteFile, NtFlushBuffersFile, byte-range locks, anonymous pipes and
 * device I/O controls. A file handle wraps a Unix fd; reads and writes go
 * straight to it with no server round trip.
 *
 * Share modes and locks are Windows', not Unix's: every open disk file is
 * recorded on an in-process inode record (device + inode number) holding the
 * opens' access and share modes, the delete-pending flag and the locks.
 * Locks also reach other processes as open-file-description locks; share
 * modes across processes are the server's job (issue 3).
 *
 * Sections: the file object · inodes and share modes · devices ·
 * create/open · read/write · locks · pipes · duplication · device controls.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/xattr.h>
#include <termios.h>
#include <unistd.h>
#include "private.h"
#include "xhandle.h"
#include "file.h"
#include "thread.h"
#include "iocp.h"
#include "socket.h"

struct lock {
    struct lock *next;
    uint64_t offset, length;
    struct file *owner;
    int exclusive;
};

struct inode {
    struct inode *next;
    dev_t dev;
    ino_t ino;
    struct file *opens;         /* every open file object of this inode */
    int delete_pending;         /* unlink when the last open goes */
    struct lock *locks;
};

static pthread_mutex_t inode_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t lock_released = PTHREAD_COND_INITIALIZER;
static struct inode *inodes;

static void inode_detach(struct file *f);

/* --- the file object ---------------------------------------------------- */

static void file_destroy(struct wlx_object *obj)
{
    struct file *f = (struct file *)obj;
    io_file_closed(f);
    dirwatch_free(f);
    if (f->pipe) pipe_destroy(f);
    if (f->port) port_release(f->port);
    if (f->inode) inode_detach(f);
    else if (f->delete_on_close && f->unix_path)
    {
        if (f->is_dir) rmdir(f->unix_path); else unlink(f->unix_path);
    }
    dir_close(f);
    if (f->fd > 2 || f->owns_fd)
    {
        if (!f->pipe) socket_poll_file_closing(f->fd);   /* AFD polls on it report its close */
        close(f->fd);
        if (f->io_watched) io_thread_kick();
    }
    pthread_mutex_destroy(&f->io_lock);
    free(f->unix_path);
}

/* WaitForSingleObject on a file handle (programs wait on their stdin so).
   A terminal is signaled while input waits to be read, as a console input
   handle is. Any other file is the file object Windows resets when an I/O
   starts and sets when one ends (file_wait, async.c), so a pipe or disk
   file nobody reads from overlapped answers at once, as there. */
static NTSTATUS file_or_tty_wait(struct wlx_object *obj, const LARGE_INTEGER *timeout)
{
    struct file *f = (struct file *)obj;
    struct timespec ts, now;
    int absolute = 0, infinite;
    if (f->pipe || f->fd < 0 || !isatty(f->fd)) return file_wait(obj, timeout);
    infinite = !nt_timeout_to_timespec(timeout, &ts, &absolute);
    int64_t left_ms = infinite ? -1 : ts.tv_sec * 1000LL + (ts.tv_nsec + 999999) / 1000000;
    if (!infinite && absolute)
    {
        clock_gettime(CLOCK_REALTIME, &now);
        left_ms -= now.tv_sec * 1000LL + now.tv_nsec / 1000000;
        if (left_ms < 0) left_ms = 0;
    }
    for (;;)
    {
        struct pollfd p = { f->fd, POLLIN, 0 };
        int step = left_ms < 0 || left_ms > 100 ? 100 : (int)left_ms;
        int r = poll(&p, 1, step);
        if (r > 0) return STATUS_WAIT_0;
        if (r < 0 && errno != EINTR) return STATUS_WAIT_0;   /* nothing to wait for: say signaled */
        if (left_ms >= 0 && (left_ms -= step) <= 0) return STATUS_TIMEOUT;
    }
}

/* file_export: fileshare.c */
const struct object_ops file_ops = { "File", file_destroy, file_or_tty_wait, NULL, file_export };

NTSTATUS file_get(HANDLE h, struct file **f)
{
    return handle_get(h, &file_ops, (struct wlx_object **)f);
}

static struct file *file_new(int fd, ACCESS_MASK access, uint32_t options)
{
    struct file *f = object_new(&file_ops, sizeof(*f));
    if (!f) return NULL;
    f->fd = fd;
    f->access = access;
    f->options = options;
    pthread_mutex_init(&f->io_lock, NULL);
    return f;
}

struct file *file_alloc(int fd, ACCESS_MASK access, uint32_t options)
{
    return file_new(fd, access, options);
}

static ACCESS_MASK map_generic(ACCESS_MASK a)
{
    if (a & GENERIC_READ) a |= FILE_READ_DATA | FILE_READ_ATTRIBUTES | FILE_READ_EA | SYNCHRONIZE | 0x20000;
    if (a & GENERIC_WRITE) a |= FILE_WRITE_DATA | FILE_APPEND_DATA | FILE_WRITE_ATTRIBUTES | FILE_WRITE_EA | SYNCHRONIZE | 0x20000;
    if (a & GENERIC_EXECUTE) a |= FILE_EXECUTE | FILE_READ_ATTRIBUTES | SYNCHRONIZE | 0x20000;
    if (a & (GENERIC_ALL | MAXIMUM_ALLOWED)) a |= FILE_ALL_ACCESS;
    return a & ~(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL | MAXIMUM_ALLOWED);
}

ACCESS_MASK file_map_generic(ACCESS_MASK a)
{
    return map_generic(a);
}

/* the std handles: fds 0/1/2 as they came from the shell */
HANDLE file_wrap_fd(int fd, ACCESS_MASK access, unsigned options)
{
    struct file *f = file_new(fd, map_generic(access), options);
    if (!f) return 0;
    return handle_alloc(&f->obj, f->access, 0);
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
    if (S_ISDIR(st->st_mode)) a |= FILE_ATTRIBUTE_DIRECTORY;
    else a |= FILE_ATTRIBUTE_ARCHIVE;
    if (!(st->st_mode & 0222)) a |= FILE_ATTRIBUTE_READONLY;
    /* Unix's hidden files; "." and ".." are not */
    if (name && name[0] == '.' && name[1] && strcmp(name, "..")) a |= FILE_ATTRIBUTE_HIDDEN;
    return a;
}

/* The attributes Unix has no bit for (hidden, system) live in an extended
   attribute, as Samba and Wine keep them; file systems without user
   xattrs just do not keep them. fd < 0: by path. */
#define XATTR_DOS "user.DOSATTRIB"
#define XATTR_DOS_BITS (FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM)

/* the bits kept in the attribute's value (n bytes read into buf, or < 0) */
static uint32_t xattr_value_bits(char *buf, ssize_t n)
{
    if (n <= 0) return 0;
    buf[n] = 0;
    return strtoul(buf, NULL, 0) & XATTR_DOS_BITS;
}

uint32_t file_xattr_attributes(int fd, const char *path)
{
    char buf[32];
    ssize_t n = fd >= 0 ? fgetxattr(fd, XATTR_DOS, buf, sizeof(buf) - 1)
                        : path ? getxattr(path, XATTR_DOS, buf, sizeof(buf) - 1) : -1;
    return xattr_value_bits(buf, n);
}

/* getxattrat(2) (Linux 6.13+): the value comes through this (the kernel's
   uapi struct xattr_args) */
#ifndef SYS_getxattrat
#define SYS_getxattrat 464
#endif
struct xattr_args_v0 { uint64_t value; uint32_t size; uint32_t flags; };

static int no_getxattrat;   /* the kernel lacks it (or may not use it): by path */

/* The same for the entry `name` of the folder open as dirfd (dir_path its
   Unix path): one lookup of one name, where the path form walks every
   component again for each entry of a listing (ntdll/unix/dir.c). */
uint32_t file_xattr_attributes_at(int dirfd, const char *dir_path, const char *name)
{
    char buf[32], path[4096];
    if (!__atomic_load_n(&no_getxattrat, __ATOMIC_RELAXED))
    {
        struct xattr_args_v0 args = { (uintptr_t)buf, sizeof(buf) - 1, 0 };
        ssize_t n = syscall(SYS_getxattrat, dirfd, name, 0, XATTR_DOS, &args, sizeof(args));
        /* ENOSYS: an older kernel; EPERM: a seccomp filter that does not
           know it (the path form would give ENODATA, not EPERM, for a user
           xattr it cannot read) */
        if (n >= 0 || (errno != ENOSYS && errno != EPERM)) return xattr_value_bits(buf, n);
        __atomic_store_n(&no_getxattrat, 1, __ATOMIC_RELAXED);
    }
    if (!dir_path || snprintf(path, sizeof(path), "%s/%s", dir_path, name) >= (int)sizeof(path)) return 0;
    return file_xattr_attributes(-1, path);
}

void file_set_xattr_attributes(int fd, uint32_t attributes)
{
    char buf[32];
    attributes &= XATTR_DOS_BITS;
    if (!attributes) { fremovexattr(fd, XATTR_DOS); return; }
    int n = snprintf(buf, sizeof(buf), "0x%x", attributes);
    fsetxattr(fd, XATTR_DOS, buf, n, 0);
}

/* --- inodes and share modes --------------------------------------------- */

static int wants_read(ACCESS_MASK a) { return (a & (FILE_READ_DATA | FILE_EXECUTE)) != 0; }
static int wants_write(ACCESS_MASK a) { return (a & (FILE_WRITE_DATA | FILE_APPEND_DATA)) != 0; }
static int wants_delete(ACCESS_MASK a) { return (a & DELETE) != 0; }

/* tests/kernel32/file.c: each side must share what the other one uses; an
   open with no data access (0, FILE_READ_ATTRIBUTES...) takes no part in
   the check, neither checked nor holding others back (test_share_no_data_access) */
static int share_conflict(ACCESS_MASK a1, uint32_t s1, ACCESS_MASK a2, uint32_t s2)
{
    if (!(wants_read(a1) || wants_write(a1) || wants_delete(a1)) ||
        !(wants_read(a2) || wants_write(a2) || wants_delete(a2))) return 0;
    return (wants_read(a1) && !(s2 & FILE_SHARE_READ)) || (wants_write(a1) && !(s2 & FILE_SHARE_WRITE)) ||
           (wants_delete(a1) && !(s2 & FILE_SHARE_DELETE)) ||
           (wants_read(a2) && !(s1 & FILE_SHARE_READ)) || (wants_write(a2) && !(s1 & FILE_SHARE_WRITE)) ||
           (wants_delete(a2) && !(s1 & FILE_SHARE_DELETE));
}

/* record f on the inode of st, checking share modes against the other opens */
static NTSTATUS inode_attach(struct file *f, const struct stat *st)
{
    struct inode *ino;
    NTSTATUS status = STATUS_SUCCESS;
    pthread_mutex_lock(&inode_mutex);
    for (ino = inodes; ino; ino = ino->next) if (ino->dev == st->st_dev && ino->ino == st->st_ino) break;
    if (ino)
    {
        if (ino->delete_pending) status = STATUS_DELETE_PENDING;
        for (struct file *o = ino->opens; o && !status; o = o->next_open)
            if (share_conflict(o->access, o->sharing, f->access, f->sharing)) status = STATUS_SHARING_VIOLATION;
    }
    else if (!(ino = calloc(1, sizeof(*ino)))) status = STATUS_NO_MEMORY;
    else
    {
        ino->dev = st->st_dev;
        ino->ino = st->st_ino;
        ino->next = inodes;
        inodes = ino;
    }
    if (!status)
    {
        f->inode = ino;
        f->next_open = ino->opens;
        ino->opens = f;
    }
    pthread_mutex_unlock(&inode_mutex);
    return status;
}

static void remove_locks_of(struct inode *ino, struct file *f)
{
    for (struct lock **l = &ino->locks; *l;)
    {
        if ((*l)->owner != f) { l = &(*l)->next; continue; }
        struct lock *dead = *l;
        *l = dead->next;
        free(dead);
    }
}

static void inode_detach(struct file *f)
{
    struct inode *ino = f->inode;
    pthread_mutex_lock(&inode_mutex);
    for (struct file **p = &ino->opens; *p; p = &(*p)->next_open)
        if (*p == f) { *p = f->next_open; break; }
    remove_locks_of(ino, f);
    if (f->delete_on_close) ino->delete_pending = 1;
    if (!ino->opens)
    {
        /* the last handle: a pending delete happens now, as on Windows */
        if (ino->delete_pending && f->unix_path)
        {
            if (f->is_dir) rmdir(f->unix_path); else unlink(f->unix_path);
        }
        for (struct inode **p = &inodes; *p; p = &(*p)->next)
            if (*p == ino) { *p = ino->next; break; }
        free(ino);
    }
    pthread_cond_broadcast(&lock_released);
    pthread_mutex_unlock(&inode_mutex);
}

/* the device and inode of an open disk file, from its sharing record (no stat) */
int file_inode_id(const struct file *f, dev_t *dev, ino_t *ino)
{
    if (!f->inode) return -1;
    *dev = f->inode->dev;
    *ino = f->inode->ino;
    return 0;
}

static int dir_is_empty(int fd)
{
    int dfd = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
    struct dirent *de;
    int empty = 1;
    if (!d) { if (dfd >= 0) close(dfd); return 1; }
    while ((de = readdir(d)))
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) { empty = 0; break; }
    closedir(d);
    return empty;
}

/* after a rename every handle of the file knows it under its new name */
void file_renamed(struct file *f, char *new_path)
{
    pthread_mutex_lock(&inode_mutex);
    if (f->inode)
        for (struct file *o = f->inode->opens; o; o = o->next_open)
        {
            if (o == f || !o->unix_path) continue;
            char *copy = strdup(new_path);
            if (copy) { free(o->unix_path); o->unix_path = copy; }
        }
    free(f->unix_path);
    f->unix_path = new_path;
    pthread_mutex_unlock(&inode_mutex);
}

/* FileDispositionInformation(Ex): a read-only file (unless the Ex flags say
   to ignore it) or a full folder cannot be deleted; POSIX semantics remove
   the name at once, the classic ones when the last handle goes */
NTSTATUS file_set_delete_pending(struct file *f, int pending, uint32_t ex_flags)
{
    struct stat st;
    if (!f->unix_path) return STATUS_INVALID_PARAMETER;
    if (pending && !(f->access & DELETE)) return STATUS_ACCESS_DENIED;
    if (pending && !fstat(f->fd, &st))
    {
        if (!S_ISDIR(st.st_mode) && !(st.st_mode & 0222) && !(ex_flags & FILE_DISPOSITION_IGNORE_READONLY))
            return STATUS_CANNOT_DELETE;
        if (S_ISDIR(st.st_mode) && !dir_is_empty(f->fd)) return STATUS_DIRECTORY_NOT_EMPTY;
    }
    if (pending && (ex_flags & FILE_DISPOSITION_POSIX))
    {
        if (f->is_dir ? rmdir(f->unix_path) : unlink(f->unix_path)) return errno_to_status(errno);
        return STATUS_SUCCESS;
    }
    f->delete_on_close = pending;
    if (f->inode)
    {
        pthread_mutex_lock(&inode_mutex);
        f->inode->delete_pending = pending;
        pthread_mutex_unlock(&inode_mutex);
    }
    return STATUS_SUCCESS;
}

/* --- devices ------------------------------------------------------------ */

/* DOS device names are devices wherever they appear as the last component:
   "NUL", "C:\dir\nul" */
static const char *device_of(const UNICODE_STRING *nt, ACCESS_MASK access)
{
    static const char *const names[] = { "NUL", "CON", "CONIN$", "CONOUT$", NULL };
    const WCHAR *s = nt->Buffer;
    size_t n = nt->Length / sizeof(WCHAR), start = n;
    char name[8];
    while (start && s[start - 1] != '\\') start--;
    if (n - start >= sizeof(name) || n == start) return NULL;
    for (size_t i = start; i < n; i++)
    {
        if (s[i] >= 0x80) return NULL;
        name[i - start] = s[i];
    }
    name[n - start] = 0;
    for (int i = 0; names[i]; i++)
    {
        if (strcasecmp(name, names[i])) continue;
        if (i == 0) return "/dev/null";
        if (i == 1 && !(access & (FILE_READ_DATA))) return "CONOUT$";
        return i == 1 || i == 2 ? "CONIN$" : "CONOUT$";
    }
    return NULL;
}

static NTSTATUS open_device(const char *dev, HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                            IO_STATUS_BLOCK *io, uint32_t options)
{
    int mode = (wants_read(access) && wants_write(access)) ? O_RDWR : wants_write(access) ? O_WRONLY : O_RDONLY;
    int fd;
    /* the console is the controlling terminal; without one there is no console */
    if (dev[0] == '/') fd = open(dev, mode | O_CLOEXEC);
    else fd = open("/dev/tty", mode | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return io->Status = dev[0] == '/' ? errno_to_status(errno) : STATUS_INVALID_HANDLE;
    struct file *f = file_new(fd, access, options);
    if (!f) { close(fd); return io->Status = STATUS_NO_MEMORY; }
    f->owns_fd = 1;
    *handle = handle_alloc(&f->obj, access, attr->Attributes & OBJ_INHERIT);
    if (!*handle) { object_release(&f->obj); return io->Status = STATUS_NO_MEMORY; }
    io->Information = FILE_OPENED;
    return io->Status = STATUS_SUCCESS;
}

/* --- create/open ------------------------------------------------------- */

struct open_request {
    char *path;
    struct stat st;
    int exists;
    ACCESS_MASK access;
    uint32_t attributes, sharing, disposition, options;
    int flags, truncate;
    uint64_t info;
};

static NTSTATUS open_directory(struct open_request *r, int *fd)
{
    if (r->exists)
    {
        if (r->options & FILE_NON_DIRECTORY_FILE) return STATUS_FILE_IS_A_DIRECTORY;
        if (r->disposition == FILE_CREATE) return STATUS_OBJECT_NAME_COLLISION;
        if (r->disposition != FILE_OPEN && r->disposition != FILE_OPEN_IF) return STATUS_FILE_IS_A_DIRECTORY;
        r->info = FILE_OPENED;
    }
    else
    {
        if (r->disposition != FILE_CREATE && r->disposition != FILE_OPEN_IF) return STATUS_OBJECT_NAME_NOT_FOUND;
        if (mkdir(r->path, 0777)) return errno_to_status(errno);
        r->info = FILE_CREATED;
    }
    *fd = open(r->path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (*fd < 0) return errno_to_status(errno);
    /* an existing folder: the lookup's stat still describes it */
    if (r->info == FILE_CREATED) fstat(*fd, &r->st);
    return STATUS_SUCCESS;
}

static NTSTATUS open_regular(struct open_request *r, int *fd)
{
    int flags = O_CLOEXEC | O_NOCTTY;
    switch (r->disposition)
    {
    case FILE_OPEN: if (!r->exists) return STATUS_OBJECT_NAME_NOT_FOUND; r->info = FILE_OPENED; break;
    case FILE_CREATE: if (r->exists) return STATUS_OBJECT_NAME_COLLISION; flags |= O_CREAT | O_EXCL; r->info = FILE_CREATED; break;
    case FILE_OPEN_IF: flags |= O_CREAT; r->info = r->exists ? FILE_OPENED : FILE_CREATED; break;
    case FILE_OVERWRITE: if (!r->exists) return STATUS_OBJECT_NAME_NOT_FOUND; r->truncate = 1; r->info = FILE_OVERWRITTEN; break;
    case FILE_OVERWRITE_IF: flags |= O_CREAT; r->truncate = r->exists; r->info = r->exists ? FILE_OVERWRITTEN : FILE_CREATED; break;
    default: /* FILE_SUPERSEDE */ flags |= O_CREAT; r->truncate = r->exists; r->info = r->exists ? FILE_SUPERSEDED : FILE_CREATED; break;
    }
    if (r->options & FILE_DIRECTORY_FILE) return r->exists ? STATUS_NOT_A_DIRECTORY : STATUS_OBJECT_NAME_NOT_FOUND;
    /* an AF_UNIX socket's file is a reparse point on Windows: opened only as
       one (to delete it or read its attributes), and never for data */
    if (r->exists && S_ISSOCK(r->st.st_mode))
    {
        if (!(r->options & FILE_OPEN_REPARSE_POINT)) return STATUS_IO_REPARSE_TAG_NOT_HANDLED;
        if (r->truncate) return STATUS_ACCESS_DENIED;
        *fd = open(r->path, O_PATH | O_CLOEXEC);
        return *fd < 0 ? errno_to_status(errno) : STATUS_SUCCESS;
    }
    /* the read-only attribute forbids writing and overwriting, even to
       root, who Linux would let through */
    if (r->exists && (r->truncate || wants_write(r->access)) && !(r->st.st_mode & 0222)) return STATUS_ACCESS_DENIED;
    /* overwriting a hidden or system file must repeat those attributes */
    if (r->exists && r->truncate && (file_xattr_attributes(-1, r->path) & ~r->attributes & XATTR_DOS_BITS))
        return STATUS_ACCESS_DENIED;
    if (wants_write(r->access) || r->truncate) flags |= O_RDWR;
    else flags |= O_RDONLY;
    *fd = open(r->path, flags, (r->attributes & FILE_ATTRIBUTE_READONLY) ? 0444 : 0666);
    if (*fd < 0 && errno == EACCES && (flags & O_ACCMODE) == O_RDWR && !wants_write(r->access) && !r->truncate)
        *fd = open(r->path, (flags & ~O_ACCMODE) | O_RDONLY, 0666);
    if (*fd < 0 && errno == EACCES && (flags & O_ACCMODE) == O_RDWR && !wants_read(r->access))
        *fd = open(r->path, (flags & ~O_ACCMODE) | O_WRONLY, 0666);
    if (*fd < 0) return errno_to_status(errno);
    /* an existing file opened as is: the lookup's stat still describes it */
    if (!r->exists || r->truncate) fstat(*fd, &r->st);
    return STATUS_SUCCESS;
}

static NTSTATUS make_file_object(struct open_request *r, int fd, HANDLE *handle, OBJECT_ATTRIBUTES *attr)
{
    struct file *f = file_new(fd, r->access, r->options);
    NTSTATUS status;
    if (!f) { close(fd); return STATUS_NO_MEMORY; }
    f->owns_fd = 1;
    f->sharing = r->sharing;
    f->is_dir = S_ISDIR(r->st.st_mode);
    f->unix_path = r->path;
    r->path = NULL;
    /* a read-only file cannot be opened for deletion, not even by root */
    if ((r->options & FILE_DELETE_ON_CLOSE) && !f->is_dir && !(r->st.st_mode & 0222))
    {
        object_release(&f->obj);
        return STATUS_CANNOT_DELETE;
    }
    if ((status = inode_attach(f, &r->st))) { object_release(&f->obj); return status; }
    /* truncate only once the share modes allow this open */
    if (r->truncate && ftruncate(fd, 0)) { status = errno_to_status(errno); object_release(&f->obj); return status; }
    /* a new file takes the hidden and system attributes it was created with */
    if ((r->info == FILE_CREATED || r->truncate) && (r->attributes & XATTR_DOS_BITS))
        file_set_xattr_attributes(fd, r->attributes);
    f->delete_on_close = !!(r->options & FILE_DELETE_ON_CLOSE);
    /* FILE_APPEND_DATA without FILE_WRITE_DATA: every write goes to the end */
    if ((r->access & FILE_APPEND_DATA) && !(r->access & FILE_WRITE_DATA) && !f->is_dir)
    {
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_APPEND);
        f->append_only = 1;
    }
    *handle = handle_alloc(&f->obj, r->access, attr->Attributes & OBJ_INHERIT);
    if (!*handle) { object_release(&f->obj); return STATUS_NO_MEMORY; }
    return STATUS_SUCCESS;
}

/* attr's name relative to its RootDirectory (an open folder) as a full NT
   name "\??\X:\folder\name" in *full (free full->Buffer): how Rust's
   remove_dir_all and other handle-relative walkers open a folder's entries */
static NTSTATUS relative_name(const OBJECT_ATTRIBUTES *attr, UNICODE_STRING *full)
{
    static const WCHAR dos_prefix[4] = { '\\', '?', '?', '\\' };
    const UNICODE_STRING *name = attr->ObjectName;
    size_t n = name->Length / sizeof(WCHAR), dos_len, len;
    struct file *root;
    char *dos;
    NTSTATUS status;

    if (n && name->Buffer[0] == '\\') return STATUS_OBJECT_NAME_INVALID;
    if ((status = file_get(attr->RootDirectory, &root))) return status;
    dos = root->unix_path && root->is_dir ? path_unix_to_dos(root->unix_path) : NULL;
    object_release(&root->obj);
    if (!dos) return STATUS_OBJECT_PATH_SYNTAX_BAD;
    dos_len = strlen(dos);
    full->Buffer = malloc((4 + dos_len + 1 + n) * sizeof(WCHAR));
    if (!full->Buffer) { free(dos); return STATUS_NO_MEMORY; }
    memcpy(full->Buffer, dos_prefix, sizeof(dos_prefix));
    len = 4 + wlx_utf8_to_utf16(dos, dos_len, full->Buffer + 4, dos_len);
    free(dos);
    if (n && full->Buffer[len - 1] != '\\') full->Buffer[len++] = '\\';
    memcpy(full->Buffer + len, name->Buffer, n * sizeof(WCHAR));
    full->Length = full->MaximumLength = (len + n) * sizeof(WCHAR);
    return STATUS_SUCCESS;
}

/* the Unix path of attr's file, its name taken relative to RootDirectory when there is one */
static NTSTATUS attr_to_unix(const OBJECT_ATTRIBUTES *attr, char **path, int create_last)
{
    UNICODE_STRING full;
    NTSTATUS status;

    if (!attr->RootDirectory) return path_nt_to_unix(attr->ObjectName, path, create_last);
    if ((status = relative_name(attr, &full))) return status;
    status = path_nt_to_unix(&full, path, create_last);
    free(full.Buffer);
    return status;
}

NTSTATUS WINAPI unix_NtCreateFile(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                                  IO_STATUS_BLOCK *io, LARGE_INTEGER *alloc_size, uint32_t attributes,
                                  uint32_t sharing, uint32_t disposition, uint32_t options,
                                  void *ea_buffer, uint32_t ea_length)
{
    struct open_request r = { 0 };
    NTSTATUS status;
    const char *dev;
    int fd = -1;

    (void)alloc_size; (void)ea_buffer; (void)ea_length;
    *handle = 0;
    if (!attr || !attr->ObjectName) return STATUS_INVALID_PARAMETER;
    if (disposition > FILE_OVERWRITE_IF) return STATUS_INVALID_PARAMETER;
    if ((options & FILE_DIRECTORY_FILE) && (options & FILE_NON_DIRECTORY_FILE)) return STATUS_INVALID_PARAMETER;
    r.access = map_generic(access);
    if (options & FILE_DELETE_ON_CLOSE) r.access |= DELETE;
    r.attributes = attributes;
    r.sharing = sharing;
    r.disposition = disposition;
    r.options = options;
    if ((dev = device_of(attr->ObjectName, r.access))) return open_device(dev, handle, r.access, attr, io, options);
    if (attr->RootDirectory)
    {
        int is_pipe;
        status = pipe_open_relative(attr, handle, r.access, options, io, &is_pipe);
        if (is_pipe) return status;
    }
    else if (pipe_is_root(attr->ObjectName))
        return pipe_open_root(handle, r.access, attr->Attributes, options, io);
    if (pipe_is_name(attr->ObjectName))
        return pipe_open_client(attr->ObjectName, handle, r.access, attr->Attributes, options, io);
    if (socket_is_afd_name(attr->ObjectName)) return socket_open_afd(handle, attr->Attributes, io);

    status = attr_to_unix(attr, &r.path, disposition != FILE_OPEN && disposition != FILE_OVERWRITE);
    if (status) return io->Status = status;
    r.exists = !path_stat(r.path, &r.st);
    if ((options & FILE_OPEN_REPARSE_POINT) && symlink_is_link(r.path))
    {
        /* the link itself, not its target (symlink.c) */
        status = symlink_open(r.path, disposition, options, &fd, &r.st);
        r.exists = 1;
        r.info = FILE_OPENED;
    }
    else if ((r.exists && S_ISDIR(r.st.st_mode)) || (!r.exists && (options & FILE_DIRECTORY_FILE)))
        status = open_directory(&r, &fd);
    else
        status = open_regular(&r, &fd);
    if (!status) status = make_file_object(&r, fd, handle, attr);
    if (!status) io->Information = r.info;
    TRACE(FILE, "NtCreateFile %s disp %u opts %#x access %#x share %#x -> %#x handle %p\n",
          r.path ? r.path : "(opened)", disposition, options, r.access, sharing, status, *handle);
    free(r.path);
    io->Status = status;
    return status;
}

NTSTATUS WINAPI unix_NtOpenFile(HANDLE *handle, ACCESS_MASK access, OBJECT_ATTRIBUTES *attr,
                                IO_STATUS_BLOCK *io, uint32_t sharing, uint32_t options)
{
    return unix_NtCreateFile(handle, access, attr, io, NULL, 0, sharing, FILE_OPEN, options, NULL, 0);
}

/* --- read/write -------------------------------------------------------- */

static int is_synchronous(const struct file *f)
{
    return (f->options & (FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT)) != 0;
}

static int use_file_pointer(const LARGE_INTEGER *offset)
{
    return !offset || offset->QuadPart == FILE_USE_FILE_POINTER_POSITION;
}

/* A synchronous handle reads at the given offset and leaves the file pointer
   after the data (tests/kernel32/file.c test_positioned_io); an overlapped
   handle has no pointer to move. */
static ssize_t read_at(struct file *f, void *buffer, size_t length, const LARGE_INTEGER *offset)
{
    ssize_t r;
    if (use_file_pointer(offset)) return read(f->fd, buffer, length);
    if (!is_synchronous(f)) return pread(f->fd, buffer, length, offset->QuadPart);
    pthread_mutex_lock(&f->io_lock);
    r = lseek(f->fd, offset->QuadPart, SEEK_SET) < 0 ? -1 : read(f->fd, buffer, length);
    pthread_mutex_unlock(&f->io_lock);
    return r;
}

static ssize_t write_at(struct file *f, const void *buffer, size_t length, const LARGE_INTEGER *offset)
{
    ssize_t r;
    int to_end = offset && offset->QuadPart == FILE_WRITE_TO_END_OF_FILE;
    if (use_file_pointer(offset) || f->append_only) return write(f->fd, buffer, length);
    if (!is_synchronous(f) && !to_end) return pwrite(f->fd, buffer, length, offset->QuadPart);
    pthread_mutex_lock(&f->io_lock);
    r = lseek(f->fd, to_end ? 0 : offset->QuadPart, to_end ? SEEK_END : SEEK_SET) < 0 ? -1 : write(f->fd, buffer, length);
    pthread_mutex_unlock(&f->io_lock);
    return r;
}

/* After EAGAIN on a synchronous handle: its fd's open file description is
   non-blocking because another process made it so (a named pipe's client
   end that a parent, libuv for one, gave a child as a std handle: wlx's
   pipe ends are non-blocking sockets). Waits until the fd is ready, as a
   blocking fd would; 1 to try again, 0 (errno kept) for another error. */
static int wait_ready(int fd, short events)
{
    struct pollfd p = { fd, events, 0 };
    if (errno != EAGAIN) return 0;
    while (poll(&p, 1, -1) < 0)
        if (errno != EINTR) return 0;
    return 1;
}

static NTSTATUS read_status(struct file *f, ssize_t r, uint32_t length)
{
    struct stat st;
    /* a socket whose peer closed with data of ours unread (a named pipe's
       server end that never read its client's hello, given to a child as
       its stdin) says ECONNRESET where a pipe says end of file: the writer
       has gone all the same */
    if (r < 0 && errno == ECONNRESET) return STATUS_PIPE_BROKEN;
    if (r < 0) return errno == EFAULT ? STATUS_ACCESS_VIOLATION : errno_to_status(errno);
    if (r || !length) return STATUS_SUCCESS;
    /* nothing: end of file for files, a closed write end for pipes */
    if (fstat(f->fd, &st)) return STATUS_END_OF_FILE;
    if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)) return STATUS_PIPE_BROKEN;
    if (S_ISCHR(st.st_mode)) return STATUS_SUCCESS;
    return STATUS_END_OF_FILE;
}

/* --- overlapped read/write ---------------------------------------------------
 * A handle opened without FILE_SYNCHRONOUS_IO_*: a disk file is read or
 * written at once and the result reported as Windows reports it (event, APC,
 * port: async.c); a pipe, socket or device is tried without blocking and what
 * would block is queued on the I/O thread. */

/* a pipe, socket or character device (what may block)? decided once */
static int is_stream(struct file *f)
{
    struct stat st;
    if (!f->stream) f->stream = !fstat(f->fd, &st) && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) ||
                                                       S_ISCHR(st.st_mode)) ? 2 : 1;
    return f->stream == 2;
}

/* writing to a pipe nobody reads: "the pipe is being closed" */
static NTSTATUS write_error(int err)
{
    return err == EFAULT ? STATUS_ACCESS_VIOLATION : err == EPIPE || err == ECONNRESET ? STATUS_PIPE_CLOSING
                                                                                     : errno_to_status(err);
}

static int would_block(int fd, short events)
{
    struct pollfd p = { fd, events, 0 };
    return poll(&p, 1, 0) == 0;
}

/* A zero-byte read of a pipe or socket completes once data is there, taking
   none, or fails once the writer has gone (libuv waits for input this way);
   STATUS_PENDING when neither yet (io_block waits). Other files: -1. */
static NTSTATUS zero_read_pipe(struct file *f)
{
    struct pollfd p = { f->fd, POLLIN, 0 };
    struct stat st;
    int avail = 0, n;

    if (fstat(f->fd, &st) || !(S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))) return -1;
    do n = poll(&p, 1, 0); while (n < 0 && errno == EINTR);
    if (n < 0) return errno_to_status(errno);
    if (!n) return STATUS_PENDING;
    /* readable with nothing to read: the end of the stream */
    return !ioctl(f->fd, FIONREAD, &avail) && avail > 0 ? STATUS_SUCCESS : STATUS_PIPE_BROKEN;
}

static NTSTATUS try_read_stream(struct file *f, void *buf, uint32_t len, uint64_t *done, void *arg)
{
    NTSTATUS status;
    ssize_t r;
    (void)arg;
    if (!len && (status = zero_read_pipe(f)) != (NTSTATUS)-1) return status;
    if (len && would_block(f->fd, POLLIN)) return STATUS_PENDING;
    do r = read(f->fd, buf, len); while (r < 0 && errno == EINTR);
    if (r < 0 && errno == EAGAIN) return STATUS_PENDING;
    *done = r > 0 ? r : 0;
    return read_status(f, r, len);
}

/* a host pipe or socket (an anonymous pipe, a std handle from the shell, a
   named pipe's end in a child)? decided once */
static int is_pipe_like(struct file *f)
{
    struct stat st;
    if (!f->pipe_like) f->pipe_like = !fstat(f->fd, &st) && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)) ? 2 : 1;
    return f->pipe_like == 2;
}

/* a write completes once everything is written */
static NTSTATUS try_write_stream(struct file *f, void *buf, uint32_t len, uint64_t *done, void *arg)
{
    ssize_t r;
    (void)arg;
    if (len && would_block(f->fd, POLLOUT)) return STATUS_PENDING;
    do r = write(f->fd, buf, len); while (r < 0 && errno == EINTR);
    if (r < 0 && errno == EAGAIN) return STATUS_PENDING;
    if (r < 0) return write_error(errno);
    *done = r;
    return (uint32_t)r < len ? STATUS_PENDING : STATUS_SUCCESS;
}

static NTSTATUS read_overlapped(struct file *f, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                                void *buffer, uint32_t length, const LARGE_INTEGER *offset)
{
    struct io_notify n;
    uint64_t done = 0;
    ssize_t r;
    NTSTATUS status = io_begin(f, event, apc, apc_ctx, io, &n);
    if (status) return status;
    if (!is_stream(f))
    {
        do r = read_at(f, buffer, length, offset); while (r < 0 && errno == EINTR);
        return io_finish_now(f, &n, read_status(f, r, length), r > 0 ? r : 0);
    }
    if (io_has_queued(f, IO_READ)) return io_queue(f, IO_READ, f->fd, try_read_stream, buffer, length, NULL, &n);
    status = try_read_stream(f, buffer, length, &done, NULL);
    if (status != STATUS_PENDING) return io_finish_now(f, &n, status, done);
    return io_queue(f, IO_READ, f->fd, try_read_stream, buffer, length, NULL, &n);
}

static NTSTATUS write_all(struct file *f, const void *buffer, uint32_t length, const LARGE_INTEGER *offset, size_t *done);

static NTSTATUS write_overlapped(struct file *f, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                                 const void *buffer, uint32_t length, const LARGE_INTEGER *offset)
{
    struct io_notify n;
    uint64_t done = 0;
    size_t written = 0;
    NTSTATUS status = io_begin(f, event, apc, apc_ctx, io, &n);
    if (status) return status;
    if (!is_stream(f))
    {
        status = write_all(f, buffer, length, offset, &written);
        return io_finish_now(f, &n, status, written);
    }
    if (io_has_queued(f, IO_WRITE))
        return io_queue(f, IO_WRITE, f->fd, try_write_stream, (void *)buffer, length, NULL, &n);
    status = try_write_stream(f, (void *)buffer, length, &done, NULL);
    if (status != STATUS_PENDING) return io_finish_now(f, &n, status, done);
    return io_queue(f, IO_WRITE, f->fd, try_write_stream, (char *)buffer + done, length - done, NULL, &n);
}

NTSTATUS WINAPI unix_NtReadFile(HANDLE handle, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                                void *buffer, uint32_t length, LARGE_INTEGER *offset, uint32_t *key)
{
    struct file *f;
    NTSTATUS status = file_get(handle, &f);
    ssize_t r = 0;
    (void)key;
    if (status) return status;
    if (f->is_dir) status = STATUS_INVALID_DEVICE_REQUEST;
    else if (!(f->access & FILE_READ_DATA)) status = STATUS_ACCESS_DENIED;
    else if (f->pipe) { status = pipe_read(f, event, apc, apc_ctx, io, buffer, length); goto done; }
    else if (!is_synchronous(f))
    {
        status = read_overlapped(f, event, apc, apc_ctx, io, buffer, length, offset);
        goto done;
    }
    else if (is_pipe_like(f))
    {
        /* a pipe's blocking read waits in poll with the thread's cancel
           eventfd (async.c io_block), so that CancelSynchronousIo and
           CancelIoEx from another thread end it, as on Windows; a
           zero-byte one too (libuv's reader thread: ctest stops it when a
           test times out, tests/kernel32/real_pipepoll.c) */
        uint64_t got = 0;
        status = io_block(f, IO_READ, f->fd, try_read_stream, buffer, length, NULL, &got);
        r = got;
    }
    else
    {
        do r = read_at(f, buffer, length, offset);
        while (r < 0 && (errno == EINTR || wait_ready(f->fd, POLLIN)));
        status = read_status(f, r, length);
    }
    io->Status = status;
    io->Information = r > 0 ? (uint64_t)r : 0;
    if (event || apc) io_sync_notify(event, apc, apc_ctx, io);
done:
    object_release(&f->obj);
    return status;
}

static NTSTATUS write_all(struct file *f, const void *buffer, uint32_t length, const LARGE_INTEGER *offset, size_t *done)
{
    NTSTATUS status = STATUS_SUCCESS;
    *done = 0;
    while (*done < length)
    {
        LARGE_INTEGER at, *where = NULL;
        ssize_t r;
        /* a write cut short continues after what was written */
        if (offset && offset->QuadPart >= 0) { at.QuadPart = offset->QuadPart + *done; where = &at; }
        else if (!*done) where = (LARGE_INTEGER *)offset;
        r = write_at(f, (const char *)buffer + *done, length - *done, where);
        if (r < 0)
        {
            if (errno == EINTR || wait_ready(f->fd, POLLOUT)) continue;
            status = write_error(errno);
            break;
        }
        *done += r;
    }
    return status;
}

NTSTATUS WINAPI unix_NtWriteFile(HANDLE handle, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                                 const void *buffer, uint32_t length, LARGE_INTEGER *offset, uint32_t *key)
{
    struct file *f;
    NTSTATUS status = file_get(handle, &f);
    size_t done = 0;
    (void)key;
    if (status) return status;
    if (f->is_dir) status = STATUS_INVALID_DEVICE_REQUEST;
    else if (!wants_write(f->access)) status = STATUS_ACCESS_DENIED;
    else if (f->pipe) { status = pipe_write(f, event, apc, apc_ctx, io, buffer, length); goto done; }
    else if (!is_synchronous(f))
    {
        status = write_overlapped(f, event, apc, apc_ctx, io, buffer, length, offset);
        goto done;
    }
    else status = write_all(f, buffer, length, offset, &done);
    io->Status = status;
    io->Information = done;
    if (event || apc) io_sync_notify(event, apc, apc_ctx, io);
done:
    object_release(&f->obj);
    return status;
}

/* flags (NtFlushBuffersFileEx): FLUSH_FLAGS_FILE_DATA_ONLY (1) writes the
   data, not the metadata; FLUSH_FLAGS_NO_SYNC (2) does not wait for the
   disk, nothing to do here; FLUSH_FLAGS_FILE_DATA_SYNC_ONLY (4) is fdatasync */
static NTSTATUS flush_file(HANDLE handle, uint32_t flags, IO_STATUS_BLOCK *io)
{
    struct file *f;
    if (flags & ~7u) return STATUS_INVALID_PARAMETER;
    NTSTATUS status = file_get(handle, &f);
    if (status) return status;
    int r = flags & 2 ? 0 : flags & 5 ? fdatasync(f->fd) : fsync(f->fd);
    if (r && errno != EINVAL && errno != EROFS) status = errno_to_status(errno);
    object_release(&f->obj);
    io->Status = status;
    io->Information = 0;
    return status;
}

NTSTATUS WINAPI unix_NtFlushBuffersFile(HANDLE handle, IO_STATUS_BLOCK *io)
{
    return flush_file(handle, 0, io);
}

/* PostgreSQL 18 looks it up at start (its fdatasync) */
NTSTATUS WINAPI unix_NtFlushBuffersFileEx(HANDLE handle, uint32_t flags, void *params, uint32_t size,
                                          IO_STATUS_BLOCK *io)
{
    if (params || size) return STATUS_INVALID_PARAMETER;
    return flush_file(handle, flags, io);
}

/* --- locks ------------------------------------------------------------- */

static int ranges_overlap(uint64_t o1, uint64_t l1, uint64_t o2, uint64_t l2)
{
    if (!l1 || !l2) return 0;    /* an empty range locks nothing */
    return o1 < o2 + l2 && o2 < o1 + l1;
}

/* Locks belong to the handle: an exclusive lock overlaps no other lock,
   even one of the same handle; a shared one overlaps shared locks and the
   exclusive locks of its own handle (LMDB takes a shared lock over its
   exclusive one, then unlocks once to keep only the shared one), as
   Windows does (tests/kernel32/file.c). */
static int lock_conflicts(struct inode *ino, const struct file *f, uint64_t offset, uint64_t length, int exclusive)
{
    for (struct lock *l = ino->locks; l; l = l->next)
        if (ranges_overlap(l->offset, l->length, offset, length) &&
            (exclusive || (l->exclusive && l->owner != f))) return 1;
    return 0;
}

/* whether f holds an exclusive lock over the range (its host lock stays) */
static int own_exclusive(struct inode *ino, const struct file *f, uint64_t offset, uint64_t length)
{
    for (struct lock *l = ino->locks; l; l = l->next)
        if (l->owner == f && l->exclusive && ranges_overlap(l->offset, l->length, offset, length)) return 1;
    return 0;
}

/* Other processes see the lock through an open-file-description lock on
   the handle's own fd (one per handle, as Windows locks are). A shared
   lock needs a readable fd, an exclusive one a writable fd: failing that
   the host takes the weaker lock, or none, and the in-process record stands.
   Returns 1 when another process holds a conflicting lock. */
static int host_lock(int fd, uint64_t offset, uint64_t length, short type, int wait)
{
    struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = (off_t)offset, .l_len = (off_t)length };
    if (!length || offset > (uint64_t)INT64_MAX - length) return 0;
    while (fcntl(fd, wait ? F_OFD_SETLKW : F_OFD_SETLK, &fl))
    {
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EACCES) return 1;
        if (errno == EBADF && fl.l_type == F_WRLCK) { fl.l_type = F_RDLCK; continue; }
        return 0;
    }
    return 0;
}

/* takes the record of f's lock off the inode, an exclusive one before a
   shared one of the same range (Windows' order); 1 if it was there */
static int remove_lock(struct file *f, uint64_t offset, uint64_t length)
{
    struct lock **found = NULL;
    for (struct lock **l = &f->inode->locks; *l; l = &(*l)->next)
    {
        struct lock *k = *l;
        if (k->owner != f || k->offset != offset || k->length != length) continue;
        if (!found || k->exclusive) found = l;
        if (k->exclusive) break;
    }
    if (!found) return 0;
    struct lock *k = *found;
    *found = k->next;
    free(k);
    pthread_cond_broadcast(&lock_released);
    return 1;
}

static NTSTATUS add_lock(struct file *f, uint64_t offset, uint64_t length, int fail_immediately, int exclusive)
{
    NTSTATUS status = STATUS_SUCCESS;
    struct lock *l = calloc(1, sizeof(*l));
    if (!l) return STATUS_NO_MEMORY;
    pthread_mutex_lock(&inode_mutex);
    while (lock_conflicts(f->inode, f, offset, length, exclusive))
    {
        if (fail_immediately) { status = STATUS_LOCK_NOT_GRANTED; break; }
        pthread_cond_wait(&lock_released, &inode_mutex);
    }
    if (!status)
    {
        *l = (struct lock){ f->inode->locks, offset, length, f, exclusive };
        f->inode->locks = l;
        l = NULL;
    }
    pthread_mutex_unlock(&inode_mutex);
    free(l);
    return status;
}

/* a shared lock over the handle's own exclusive one leaves the host's
   exclusive lock as it is: the host would turn it into a shared one */
static int own_exclusive_locked(struct file *f, uint64_t offset, uint64_t length)
{
    pthread_mutex_lock(&inode_mutex);
    int ret = own_exclusive(f->inode, f, offset, length);
    pthread_mutex_unlock(&inode_mutex);
    return ret;
}

NTSTATUS WINAPI unix_NtLockFile(HANDLE handle, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                                LARGE_INTEGER *offset, LARGE_INTEGER *length, uint32_t key,
                                uint8_t fail_immediately, uint8_t exclusive)
{
    struct file *f;
    NTSTATUS status = file_get(handle, &f);
    (void)event; (void)apc; (void)apc_ctx; (void)key;
    if (status) return status;
    if (!f->inode) status = STATUS_INVALID_DEVICE_REQUEST;
    else if (offset->QuadPart < 0 || length->QuadPart < 0) status = STATUS_INVALID_PARAMETER;
    else if (!(status = add_lock(f, offset->QuadPart, length->QuadPart, fail_immediately, exclusive)) &&
             !(!exclusive && own_exclusive_locked(f, offset->QuadPart, length->QuadPart)) &&
             host_lock(f->fd, offset->QuadPart, length->QuadPart, exclusive ? F_WRLCK : F_RDLCK, !fail_immediately))
    {
        pthread_mutex_lock(&inode_mutex);
        remove_lock(f, offset->QuadPart, length->QuadPart);
        pthread_mutex_unlock(&inode_mutex);
        status = STATUS_LOCK_NOT_GRANTED;
    }
    object_release(&f->obj);
    if (io) { io->Status = status; io->Information = 0; }
    return status;
}

NTSTATUS WINAPI unix_NtUnlockFile(HANDLE handle, IO_STATUS_BLOCK *io, LARGE_INTEGER *offset,
                                  LARGE_INTEGER *length, uint32_t key)
{
    struct file *f;
    NTSTATUS status = file_get(handle, &f);
    uint64_t off, len;
    (void)key;
    if (status) return status;
    status = STATUS_RANGE_NOT_LOCKED;
    off = offset->QuadPart;
    len = length->QuadPart;
    if (f->inode)
    {
        pthread_mutex_lock(&inode_mutex);
        /* only the exact range this handle locked */
        if (remove_lock(f, off, len))
        {
            status = STATUS_SUCCESS;
            host_lock(f->fd, off, len, F_UNLCK, 0);
            /* the host merged overlapping locks of this handle: give back what the others still hold */
            for (struct lock *l = f->inode->locks; l; l = l->next)
                if (l->owner == f && ranges_overlap(l->offset, l->length, off, len))
                    host_lock(f->fd, l->offset, l->length, l->exclusive ? F_WRLCK : F_RDLCK, 0);
        }
        pthread_mutex_unlock(&inode_mutex);
    }
    object_release(&f->obj);
    if (io) { io->Status = status; io->Information = 0; }
    return status;
}

/* --- pipes --------------------------------------------------------------- */

/* whether the other end of a host pipe or socket has gone (every writer of
   a pipe's read end closed): what Windows reports as a broken pipe once the
   data is read */
static int host_pipe_peer_gone(int fd, int is_sock)
{
    struct pollfd p = { fd, POLLIN | POLLRDHUP, 0 };
    char c;
    if (poll(&p, 1, 0) <= 0) return 0;
    if (is_sock)
    {
        ssize_t r = recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
        return !r || (r < 0 && errno == ECONNRESET);   /* ECONNRESET: see read_status */
    }
    return (p.revents & (POLLHUP | POLLRDHUP | POLLERR)) != 0;
}

/* FilePipeInformation of a pipe that is a host pipe or socket (an anonymous
   pipe, or a std handle the shell gave): a byte pipe in blocking mode. Byte
   reads and blocking waits may be set, as SetNamedPipeHandleState does on
   Windows' anonymous pipes; message reads are refused as on any byte pipe,
   non-blocking mode is not offered. FilePipeLocalInformation describes it
   as Windows describes CreatePipe's pipes: one instance of a byte pipe of
   4096-byte quotas, the read end the server's. STATUS_INVALID_INFO_CLASS
   for other classes and other files. */
NTSTATUS host_pipe_info(struct file *f, uint32_t klass, void *buf, uint32_t len, int set, uint64_t *info)
{
    struct stat st;
    uint32_t *u = buf;

    if ((klass != 23 /* FilePipeInformation */ && klass != 24 /* FilePipeLocalInformation */) || f->pipe)
        return STATUS_INVALID_INFO_CLASS;
    if (fstat(f->fd, &st) || !(S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))) return STATUS_INVALID_INFO_CLASS;
    if (klass == 24)
    {
        int avail = 0, reader = (f->access & FILE_READ_DATA) != 0;
        if (set) return STATUS_INVALID_INFO_CLASS;
        if (len < 40) return STATUS_INFO_LENGTH_MISMATCH;
        if (reader) ioctl(f->fd, FIONREAD, &avail);
        u[0] = 0;                                   /* NamedPipeType: byte stream */
        u[1] = S_ISSOCK(st.st_mode) ? 2 : 0;        /* NamedPipeConfiguration: full duplex or inbound */
        u[2] = 1;                                   /* MaximumInstances */
        u[3] = 1;                                   /* CurrentInstances */
        u[4] = 4096;                                /* InboundQuota */
        u[5] = avail > 0 ? avail : 0;               /* ReadDataAvailable */
        u[6] = 4096;                                /* OutboundQuota */
        u[7] = 4096;                                /* WriteQuotaAvailable */
        u[8] = reader && !avail && host_pipe_peer_gone(f->fd, S_ISSOCK(st.st_mode)) ? 4 : 3;  /* closing, connected */
        u[9] = reader;                              /* NamedPipeEnd: the read end is the server's */
        *info = 40;
        return STATUS_SUCCESS;
    }
    if (len < 8) return STATUS_INFO_LENGTH_MISMATCH;
    if (!set)
    {
        u[0] = u[1] = 0;   /* FILE_PIPE_BYTE_STREAM_MODE, FILE_PIPE_QUEUE_OPERATION */
        *info = 8;
        return STATUS_SUCCESS;
    }
    if (u[0] > 1 || u[1] > 1 || u[0]) return STATUS_INVALID_PARAMETER;
    return u[1] ? STATUS_NOT_SUPPORTED : STATUS_SUCCESS;
}

/* CreatePipe: an anonymous pipe is a Unix pipe; the read end may only read */
NTSTATUS WINAPI unix___wlx_create_pipe(HANDLE *read_end, HANDLE *write_end, uint32_t attributes)
{
    int fds[2];
    struct file *r, *w;
    if (pipe2(fds, O_CLOEXEC)) return errno_to_status(errno);
    r = file_new(fds[0], FILE_READ_DATA | FILE_READ_ATTRIBUTES | FILE_WRITE_ATTRIBUTES | SYNCHRONIZE | 0x20000,
                 FILE_SYNCHRONOUS_IO_NONALERT);
    w = file_new(fds[1], FILE_WRITE_DATA | FILE_APPEND_DATA | FILE_READ_ATTRIBUTES | FILE_WRITE_ATTRIBUTES |
                 SYNCHRONIZE | 0x20000, FILE_SYNCHRONOUS_IO_NONALERT);
    if (!r || !w)
    {
        if (r) object_release(&r->obj); else close(fds[0]);
        if (w) object_release(&w->obj); else close(fds[1]);
        return STATUS_NO_MEMORY;
    }
    r->owns_fd = w->owns_fd = 1;
    *read_end = handle_alloc(&r->obj, r->access, attributes & OBJ_INHERIT);
    *write_end = handle_alloc(&w->obj, w->access, attributes & OBJ_INHERIT);
    return *read_end && *write_end ? STATUS_SUCCESS : STATUS_NO_MEMORY;
}

/* --- duplication ------------------------------------------------------------
 * NtDuplicateObject within the process: the new handle refers to the same
 * object, so a duplicated file handle shares the file pointer, as on
 * Windows. (Generic over handle.c's API; other processes are the server's.) */

#define DUPLICATE_CLOSE_SOURCE    1
#define DUPLICATE_SAME_ACCESS     2
#define DUPLICATE_SAME_ATTRIBUTES 4

static struct wlx_object *current_thread_object(void)
{
    struct wlx_object *obj;
    __asm__ ("movq %%gs:%c1, %0" : "=r"(obj) : "i"(TEB_WLX_UNIX_THREAD));
    if (obj) __atomic_add_fetch(&obj->refcount, 1, __ATOMIC_RELAXED);
    return obj;
}

NTSTATUS WINAPI unix_NtDuplicateObject(HANDLE src_process, HANDLE src, HANDLE dst_process, HANDLE *dst,
                                       ACCESS_MASK access, uint32_t attributes, uint32_t options)
{
    struct wlx_object *obj = NULL;
    NTSTATUS status;
    /* another process, or our own process object: xhandle.c */
    if (src_process != NtCurrentProcess() || (dst && dst_process != NtCurrentProcess()) || src == NtCurrentProcess())
        return xhandle_duplicate(src_process, src, dst_process, dst, access, attributes, options);
    if (src == NtCurrentThread()) status = (obj = current_thread_object()) ? STATUS_SUCCESS : STATUS_INVALID_HANDLE;
    else status = handle_get(src, NULL, &obj);
    if (status) return status;
    if (options & DUPLICATE_SAME_ACCESS)
        access = obj->ops == &file_ops ? ((struct file *)obj)->access : 0x1fffff;  /* the type's all-access */
    else if (obj->ops == &file_ops)
        access = map_generic(access);
    if (dst)
    {
        *dst = handle_alloc(obj, access, attributes & OBJ_INHERIT);
        if (!*dst) { object_release(obj); status = STATUS_NO_MEMORY; }
    }
    else object_release(obj);
    if (!status && (options & DUPLICATE_CLOSE_SOURCE) && src != NtCurrentThread()) handle_close(src);
    return status;
}

/* --- device controls ----------------------------------------------------- */

#define FSCTL_PIPE_PEEK 0x0011400c
#define FSCTL_GET_REPARSE_POINT 0x000900a8
/* wlx's private console control on a terminal handle (kernel32/console.c):
   out: 4 x uint16 columns, rows, cursor x, cursor y (cursor unknown: 0) */
#define WLX_IOCTL_CONSOLE_SIZE 0x00500f00
/* in/out: uint32 Windows console mode bits applied to the terminal */
#define WLX_IOCTL_CONSOLE_SET_ECHO 0x00500f04
/* in: uint16 columns, rows: the terminal's new size (ResizePseudoConsole on
   its pty, kernel32/pseudoconsole.c; the kernel tells the foreground with SIGWINCH) */
#define WLX_IOCTL_CONSOLE_SET_SIZE 0x00500f08

NTSTATUS WINAPI unix_NtFsControlFile(HANDLE handle, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                                     uint32_t code, void *in, uint32_t in_len, void *out, uint32_t out_len)
{
    struct file *f;
    NTSTATUS status = file_get(handle, &f);
    int avail = 0;
    struct stat st;
    (void)event; (void)apc; (void)apc_ctx; (void)in; (void)in_len;
    if (status) return status;
    if (f->pipe)
    {
        status = pipe_fsctl(f, event, apc, apc_ctx, io, code, in, in_len, out, out_len);
        object_release(&f->obj);
        return status;
    }
    io->Information = 0;
    if (code == FSCTL_GET_REPARSE_POINT)
    {
        uint64_t info = 0;
        status = symlink_get_reparse(f, out, out_len, &info);
        io->Information = info;
    }
    else if (code != FSCTL_PIPE_PEEK) status = STATUS_INVALID_DEVICE_REQUEST;
    else if (fstat(f->fd, &st) || !(S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))) status = STATUS_INVALID_PARAMETER;
    else if (!(f->access & FILE_READ_DATA)) status = STATUS_ACCESS_DENIED;   /* the write end */
    else if (out_len < 16) status = STATUS_INFO_LENGTH_MISMATCH;
    else
    {
        /* FILE_PIPE_PEEK_BUFFER: state, bytes available, messages, message length, data */
        uint32_t *u = out;
        ioctl(f->fd, FIONREAD, &avail);
        /* nothing left and no writer: broken, as a read would say */
        if (!avail && host_pipe_peer_gone(f->fd, S_ISSOCK(st.st_mode))) status = STATUS_PIPE_BROKEN;
        u[0] = 3;  /* FILE_PIPE_CONNECTED_STATE */
        u[1] = avail;
        u[2] = 0;
        u[3] = 0;
        io->Information = status ? 0 : 16;
        if (!status && out_len > 16 && avail)
        {
            /* peek without consuming: a socket by MSG_PEEK, a pipe by tee()
               into a pipe of our own, read from there */
            ssize_t r = -1;
            uint32_t want = out_len - 16 < (uint32_t)avail ? out_len - 16 : (uint32_t)avail;
            if (S_ISSOCK(st.st_mode)) r = recv(f->fd, u + 4, out_len - 16, MSG_PEEK | MSG_DONTWAIT);
            else
            {
                int tmp[2];
                if (!pipe2(tmp, O_CLOEXEC | O_NONBLOCK))
                {
                    ssize_t t = tee(f->fd, tmp[1], want, SPLICE_F_NONBLOCK);
                    r = t > 0 ? read(tmp[0], u + 4, t) : -1;
                    close(tmp[0]);
                    close(tmp[1]);
                }
            }
            if (r > 0) io->Information += r;
            if ((uint32_t)avail > out_len - 16) status = STATUS_BUFFER_OVERFLOW;
        }
    }
    object_release(&f->obj);
    io->Status = status;
    return status;
}

NTSTATUS WINAPI unix_NtDeviceIoControlFile(HANDLE handle, HANDLE event, void *apc, void *apc_ctx, IO_STATUS_BLOCK *io,
                                           uint32_t code, void *in, uint32_t in_len, void *out, uint32_t out_len)
{
    struct file *f;
    NTSTATUS status = file_get(handle, &f);
    if (status) return status;
    if (code >> 12 == 0x12)   /* FILE_DEVICE_NETWORK: the AFD controls of sockets (socket.c) */
    {
        status = socket_ioctl(f, event, apc, apc_ctx, io, code, in, in_len, out, out_len);
        object_release(&f->obj);
        return status;
    }
    io->Information = 0;
    if (!isatty(f->fd)) status = STATUS_INVALID_HANDLE;
    else if (code == WLX_IOCTL_CONSOLE_SIZE && out_len >= 8)
    {
        struct winsize ws = { 0 };
        uint16_t *u = out;
        if (ioctl(f->fd, TIOCGWINSZ, &ws) || !ws.ws_col) { ws.ws_col = 80; ws.ws_row = 25; }
        u[0] = ws.ws_col; u[1] = ws.ws_row; u[2] = 0; u[3] = 0;
        io->Information = 8;
    }
    else if (code == WLX_IOCTL_CONSOLE_SET_SIZE && in_len >= 4)
    {
        const uint16_t *u = in;
        struct winsize ws = { u[1], u[0], 0, 0 };
        if (!u[0] || !u[1]) status = STATUS_INVALID_PARAMETER;
        else if (ioctl(f->fd, TIOCSWINSZ, &ws)) status = errno_to_status(errno);
    }
    else if (code == WLX_IOCTL_CONSOLE_SET_ECHO && in_len >= 4)
    {
        /* ENABLE_LINE_INPUT 2, ENABLE_ECHO_INPUT 4 */
        struct termios t;
        uint32_t mode = *(uint32_t *)in;
        if (tcgetattr(f->fd, &t)) status = errno_to_status(errno);
        else
        {
            t.c_lflag = (mode & 2) ? (t.c_lflag | ICANON) : (t.c_lflag & ~ICANON);
            t.c_lflag = (mode & 4) ? (t.c_lflag | ECHO) : (t.c_lflag & ~ECHO);
            if (tcsetattr(f->fd, TCSANOW, &t)) status = errno_to_status(errno);
        }
    }
    else status = STATUS_INVALID_DEVICE_REQUEST;
    object_release(&f->obj);
    io->Status = status;
    return status;
}

/* --- completion ports -------------------------------------------------------
 * NtSetInformationFile's classes for ports (fileinfo.c hands them here):
 * FileCompletionInformation binds the handle to a port and key, once;
 * FileIoCompletionNotificationInformation sets FILE_SKIP_* flags. */

#define FileCompletionInformation                30
#define FileIoCompletionNotificationInformation  41
#define FileReplaceCompletionInformation         61

NTSTATUS file_set_completion(struct file *f, uint32_t klass, const void *ptr, uint32_t len)
{
    const uint64_t *info = ptr;   /* FILE_COMPLETION_INFORMATION: port handle, key */
    NTSTATUS status = STATUS_SUCCESS;
    struct port *p = NULL;
    switch (klass)
    {
    case FileCompletionInformation:
    case FileReplaceCompletionInformation:
        if (len < 16) return STATUS_INFO_LENGTH_MISMATCH;
        if (info[0] && !(p = port_from_handle((HANDLE)(uintptr_t)info[0], &status))) return status;
        pthread_mutex_lock(&f->io_lock);
        if (klass == FileCompletionInformation && (f->port || !p)) status = STATUS_INVALID_PARAMETER;
        else
        {
            struct port *old = f->port;
            f->port = p;
            f->port_key = info[1];
            p = old;
        }
        pthread_mutex_unlock(&f->io_lock);
        if (p) port_release(p);
        return status;
    case FileIoCompletionNotificationInformation:
        if (len < 4) return STATUS_INFO_LENGTH_MISMATCH;
        if (*(const uint32_t *)ptr & ~(uint32_t)7) return STATUS_INVALID_PARAMETER;
        f->completion_flags |= *(const uint32_t *)ptr;
        return STATUS_SUCCESS;
    }
    return STATUS_INVALID_INFO_CLASS;
}
