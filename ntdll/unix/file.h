/*
 * ntdll/unix/file.h — the file object, the per-inode sharing/lock record and
 * the NT file constants shared by file.c, fileinfo.c, dir.c and path.c.
 */
#ifndef WLX_NTDLL_UNIX_FILE_H
#define WLX_NTDLL_UNIX_FILE_H

#include <dirent.h>
#include <pthread.h>
#include <sys/stat.h>

struct inode;
struct async_op;

struct file {
    struct wlx_object obj;
    int fd;
    int owns_fd;
    ACCESS_MASK access;
    uint32_t options;
    uint32_t sharing;           /* FILE_SHARE_* it was opened with */
    int is_dir, delete_on_close, append_only;
    char *unix_path;            /* NULL for std handles, pipes and devices */
    struct inode *inode;        /* sharing and locks, NULL when not a disk file */
    struct file *next_open;     /* in inode->opens */
    pthread_mutex_t io_lock;    /* seek+read/write of synchronous handles */
    /* directory listing state (dir.c) */
    DIR *dir;
    WCHAR *pattern;
    size_t pattern_len;
    int listed_dots;            /* 0: "." next, 1: ".." next, 2: real entries */
    char *held;                 /* a name read that did not fit: the next one listed (no seekdir) */
    char *given;                /* the held name once listed, until the next */
    char **names;               /* instead of dir: the names a mask without wildcards matches */
    size_t names_pos;           /* the next of them */
    /* completion port and asynchronous I/O (iocp.c, async.c) */
    struct port *port;          /* associated completion port, or NULL */
    uint64_t port_key;
    uint32_t completion_flags;  /* FILE_SKIP_* of SetFileCompletionNotificationModes */
    int stream;                 /* 0 not known yet, 1 a disk file, 2 pipe/socket/device (may block) */
    int pipe_like;              /* 0 not known yet, 1 no, 2 a host pipe or socket (cancellable blocking reads) */
    struct async_op *pending;   /* async.c: its queued operations, oldest first */
    int io_watched;             /* async.c: the I/O thread has watched it (io_thread_kick when it goes) */
    uint32_t io_reset;          /* async.c: 0 while the file object is signaled (waits on its handle) */
    uint32_t io_waiters;        /* threads waiting on the handle */
    struct pipe_end *pipe;      /* a named pipe's end (pipe.c), or NULL */
    int pipe_root;              /* the pipe file system's root: only a RootDirectory (pipe.c) */
    struct dir_watch *watch;    /* dirwatch.c: a folder's change notifications, or NULL */
};

extern const struct object_ops file_ops;
NTSTATUS file_export(struct wlx_object *obj, struct object_export *ex, int *fd);   /* fileshare.c */
NTSTATUS file_wait(struct wlx_object *obj, const LARGE_INTEGER *timeout);          /* async.c */
NTSTATUS file_get(HANDLE h, struct file **f);
void dirwatch_free(struct file *f);   /* dirwatch.c */
/* symlink.c: Linux symlinks as reparse points */
struct stat;
int symlink_is_link(const char *path);
NTSTATUS symlink_open(const char *path, uint32_t disposition, uint32_t options, int *fd, struct stat *st);
NTSTATUS symlink_get_reparse(struct file *f, void *out, uint32_t out_len, uint64_t *info);
uint64_t unix_time_to_filetime(const struct timespec *ts);
uint32_t file_attributes(const struct stat *st, const char *name);
uint32_t file_xattr_attributes(int fd, const char *path);
uint32_t file_xattr_attributes_at(int dirfd, const char *dir_path, const char *name);
void file_set_xattr_attributes(int fd, uint32_t attributes);
int file_statx(int dirfd, const char *name, int follow, struct stat *st, int64_t *birth);
void dir_close(struct file *f);
int file_inode_id(const struct file *f, dev_t *dev, ino_t *ino);
/* dircache.c: folders' names kept for case-insensitive lookups; -1 when a
   folder is not kept (scan it), else the number of names that match */
int dircache_find(const char *dir, const struct stat *dir_st, const WCHAR *name, size_t len, char *real, size_t size);
int dircache_matches(dev_t dev, ino_t ino, const WCHAR *name, size_t len, char ***names);
void dircache_free_list(char **names);
NTSTATUS file_set_delete_pending(struct file *f, int pending, uint32_t ex_flags);
#define FILE_DISPOSITION_POSIX           0x02   /* FILE_DISPOSITION_POSIX_SEMANTICS */
#define FILE_DISPOSITION_IGNORE_READONLY 0x10   /* FILE_DISPOSITION_IGNORE_READONLY_ATTRIBUTE */
void file_renamed(struct file *f, char *new_path);                  /* takes new_path */

/* Unicode case folding (path.c), used for lookups and wildcard matching */
WCHAR wlx_toupper(WCHAR c);

/* access rights */
#define FILE_READ_DATA        0x0001
#define FILE_WRITE_DATA       0x0002
#define FILE_APPEND_DATA      0x0004
#define FILE_READ_EA          0x0008
#define FILE_WRITE_EA         0x0010
#define FILE_EXECUTE          0x0020
#define FILE_READ_ATTRIBUTES  0x0080
#define FILE_WRITE_ATTRIBUTES 0x0100
#define DELETE                0x00010000
#define SYNCHRONIZE           0x00100000
#define FILE_ALL_ACCESS       0x001f01ff
#define MAXIMUM_ALLOWED       0x02000000
#define GENERIC_ALL           0x10000000
#define GENERIC_EXECUTE       0x20000000
#define GENERIC_WRITE         0x40000000
#define GENERIC_READ          0x80000000

/* dispositions, options, results */
#define FILE_SUPERSEDE    0
#define FILE_OPEN         1
#define FILE_CREATE       2
#define FILE_OPEN_IF      3
#define FILE_OVERWRITE    4
#define FILE_OVERWRITE_IF 5
#define FILE_DIRECTORY_FILE      0x0001
#define FILE_SYNCHRONOUS_IO_ALERT    0x0010
#define FILE_SYNCHRONOUS_IO_NONALERT 0x0020
#define FILE_NON_DIRECTORY_FILE  0x0040
#define FILE_DELETE_ON_CLOSE     0x1000
#define FILE_OPEN_REPARSE_POINT  0x00200000
#define STATUS_IO_REPARSE_TAG_NOT_HANDLED ((NTSTATUS)0xC0000279)
#define FILE_SUPERSEDED  0
#define FILE_OPENED      1
#define FILE_CREATED     2
#define FILE_OVERWRITTEN 3
#define FILE_WRITE_TO_END_OF_FILE      (-1LL)
#define FILE_USE_FILE_POINTER_POSITION (-2LL)

/* attributes */
#define FILE_ATTRIBUTE_READONLY  0x01
#define FILE_ATTRIBUTE_HIDDEN    0x02
#define FILE_ATTRIBUTE_SYSTEM    0x04
#define FILE_ATTRIBUTE_DIRECTORY 0x10
#define FILE_ATTRIBUTE_ARCHIVE   0x20
#define FILE_ATTRIBUTE_NORMAL    0x80

/* share modes */
#define FILE_SHARE_READ   1
#define FILE_SHARE_WRITE  2
#define FILE_SHARE_DELETE 4

/* NTSTATUS values only the file code uses */
#define STATUS_LOCK_NOT_GRANTED   ((NTSTATUS)0xC0000055)
#define STATUS_RANGE_NOT_LOCKED   ((NTSTATUS)0xC000007E)
#define STATUS_FILE_LOCK_CONFLICT ((NTSTATUS)0xC0000054)
#define STATUS_PIPE_CLOSING       ((NTSTATUS)0xC00000B1)

#endif
