/*
 * ntdll/unix/dirwatch.c — NtNotifyChangeDirectoryFile (ReadDirectoryChangesW)
 * through inotify.
 *
 * The first call on a folder handle sets up its watch: an inotify instance
 * watching the folder (and, with WatchTree, every folder below it, new ones
 * added as they appear), with the filter and tree flag of that first call,
 * as Windows keeps them for the handle. From then on every change is
 * recorded, between calls too, until the handle closes. A call takes the
 * recorded changes as FILE_NOTIFY_INFORMATION records; with none it waits
 * (a synchronous handle blocks, an overlapped one pends on the I/O thread
 * of async.c, which watches the inotify fd). Changes that do not fit the
 * caller's buffer, or more than the watch keeps, give STATUS_NOTIFY_ENUM_DIR
 * with no records: the caller must list the folder again, as on Windows.
 *
 * Sections: the watch · recording changes · taking them · the system call.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>
#include "private.h"
#include "file.h"
#include "iocp.h"

#define STATUS_NOTIFY_ENUM_DIR ((NTSTATUS)0x0000010C)
#define FILE_LIST_DIRECTORY    0x0001   /* a folder's FILE_READ_DATA */

#define FILE_ACTION_ADDED            1
#define FILE_ACTION_REMOVED          2
#define FILE_ACTION_MODIFIED         3
#define FILE_ACTION_RENAMED_OLD_NAME 4
#define FILE_ACTION_RENAMED_NEW_NAME 5

#define FILE_NOTIFY_CHANGE_FILE_NAME   0x001
#define FILE_NOTIFY_CHANGE_DIR_NAME    0x002
#define FILE_NOTIFY_CHANGE_ATTRIBUTES  0x004
#define FILE_NOTIFY_CHANGE_SIZE        0x008
#define FILE_NOTIFY_CHANGE_LAST_WRITE  0x010
#define FILE_NOTIFY_CHANGE_LAST_ACCESS 0x020
#define FILE_NOTIFY_CHANGE_CREATION    0x040
#define FILE_NOTIFY_CHANGE_SECURITY    0x100
#define FILE_NOTIFY_VALID_MASK         0x17f

#define MAX_CHANGES 4096        /* recorded and not yet taken; more: STATUS_NOTIFY_ENUM_DIR */

/* one recorded change: the name relative to the watched folder, '\' separated */
struct change
{
    struct change *next;
    uint32_t action;
    uint32_t len;               /* characters */
    WCHAR name[];
};

/* a watched folder of the tree */
struct watched_dir
{
    int wd;
    char *rel;                  /* relative to the root, '/' separated ("" for the root) */
};

struct dir_watch
{
    pthread_mutex_t lock;
    int fd;                     /* the inotify instance */
    uint32_t filter;            /* FILE_NOTIFY_CHANGE_* of the first call */
    int subtree;
    int overflow;               /* changes were lost: the next call says STATUS_NOTIFY_ENUM_DIR */
    char *root;                 /* the folder's Unix path */
    struct watched_dir *dirs;
    size_t n_dirs, cap_dirs;
    struct change *head, **tail, *last;
    size_t n_changes;
    char **listed;              /* names reported from a new folder's listing during this drain */
    size_t n_listed, cap_listed;
};

static pthread_mutex_t setup_lock = PTHREAD_MUTEX_INITIALIZER;

/* --- the watch ------------------------------------------------------------------ */

/* what inotify must report for a filter */
static uint32_t inotify_mask(uint32_t filter)
{
    uint32_t mask = IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR;
    if (filter & (FILE_NOTIFY_CHANGE_SIZE | FILE_NOTIFY_CHANGE_LAST_WRITE)) mask |= IN_MODIFY;
    if (filter & (FILE_NOTIFY_CHANGE_ATTRIBUTES | FILE_NOTIFY_CHANGE_SECURITY | FILE_NOTIFY_CHANGE_LAST_WRITE |
                  FILE_NOTIFY_CHANGE_CREATION))
        mask |= IN_ATTRIB;
    if (filter & FILE_NOTIFY_CHANGE_LAST_ACCESS) mask |= IN_ACCESS;
    return mask;
}

/* "rel/name" ("name" under the root); NULL without memory */
static char *join_rel(const char *rel, const char *name)
{
    size_t a = strlen(rel), b = strlen(name);
    char *out = malloc(a + b + 2);

    if (!out) return NULL;
    memcpy(out, rel, a);
    if (a) out[a++] = '/';
    memcpy(out + a, name, b + 1);
    return out;
}

static struct watched_dir *find_dir(struct dir_watch *w, int wd)
{
    for (size_t i = 0; i < w->n_dirs; i++) if (w->dirs[i].wd == wd) return &w->dirs[i];
    return NULL;
}

static void record(struct dir_watch *w, uint32_t action, const char *rel);
static uint32_t action_of(uint32_t mask, uint32_t filter);

/* a name reported from a listing: its own IN_CREATE, if it comes in this drain, is no new change */
static void remember_listed(struct dir_watch *w, const char *rel)
{
    if (w->n_listed == w->cap_listed)
    {
        size_t cap = w->cap_listed ? w->cap_listed * 2 : 16;
        char **grown = realloc(w->listed, cap * sizeof(*grown));
        if (!grown) return;
        w->listed = grown;
        w->cap_listed = cap;
    }
    if ((w->listed[w->n_listed] = strdup(rel))) w->n_listed++;
}

static int was_listed(struct dir_watch *w, const char *rel)
{
    for (size_t i = 0; i < w->n_listed; i++) if (!strcmp(w->listed[i], rel)) return 1;
    return 0;
}

static void forget_listed(struct dir_watch *w)
{
    for (size_t i = 0; i < w->n_listed; i++) free(w->listed[i]);
    w->n_listed = 0;
}

/* watches the folder `rel` (takes it) and, in a tree, the folders below it;
   -errno. report: the folder is new, and what was made in it before its
   watch began is reported as added (Windows saw it all) */
static int watch_dir(struct dir_watch *w, char *rel, int report)
{
    char path[PATH_MAX];
    struct watched_dir *d;
    struct dirent *de;
    DIR *dir;
    int wd;

    snprintf(path, sizeof(path), "%s%s%s", w->root, *rel ? "/" : "", rel);
    if ((wd = inotify_add_watch(w->fd, path, inotify_mask(w->filter))) < 0) { free(rel); return -errno; }
    if ((d = find_dir(w, wd))) { free(d->rel); d->rel = rel; }   /* the same folder, seen again */
    else
    {
        if (w->n_dirs == w->cap_dirs)
        {
            size_t cap = w->cap_dirs ? w->cap_dirs * 2 : 16;
            struct watched_dir *grown = realloc(w->dirs, cap * sizeof(*grown));
            if (!grown) { free(rel); return -ENOMEM; }
            w->dirs = grown;
            w->cap_dirs = cap;
        }
        w->dirs[w->n_dirs++] = (struct watched_dir){ wd, rel };
    }
    if (!w->subtree || !(dir = opendir(path))) return 0;
    while ((de = readdir(dir)))
    {
        struct stat st;
        int is_dir = de->d_type == DT_DIR || (de->d_type == DT_UNKNOWN &&
                     !fstatat(dirfd(dir), de->d_name, &st, AT_SYMLINK_NOFOLLOW) && S_ISDIR(st.st_mode));
        if ((!is_dir && !report) || !strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
        char *sub = join_rel(rel, de->d_name);
        if (!sub) continue;
        if (report)
        {
            uint32_t action = action_of(IN_CREATE | (is_dir ? IN_ISDIR : 0), w->filter);
            if (action) record(w, action, sub);
            remember_listed(w, sub);
        }
        if (is_dir) watch_dir(w, sub, report);   /* a folder that vanished meanwhile is skipped */
        else free(sub);
    }
    closedir(dir);
    return 0;
}

static void free_changes(struct dir_watch *w)
{
    while (w->head)
    {
        struct change *c = w->head;
        w->head = c->next;
        free(c);
    }
    w->tail = &w->head;
    w->last = NULL;
    w->n_changes = 0;
}

void dirwatch_free(struct file *f)
{
    struct dir_watch *w = f->watch;

    if (!w) return;
    f->watch = NULL;
    close(w->fd);
    free_changes(w);
    forget_listed(w);
    free(w->listed);
    for (size_t i = 0; i < w->n_dirs; i++) free(w->dirs[i].rel);
    free(w->dirs);
    free(w->root);
    pthread_mutex_destroy(&w->lock);
    free(w);
}

/* the watch of folder f, set up by the first call */
static NTSTATUS get_watch(struct file *f, uint32_t filter, int subtree, struct dir_watch **out)
{
    struct dir_watch *w;
    char *rel;
    int err;

    pthread_mutex_lock(&setup_lock);
    if ((w = f->watch)) goto done;
    if (!(w = calloc(1, sizeof(*w))) || !(w->root = strdup(f->unix_path)) || !(rel = strdup("")))
    {
        if (w) free(w->root);
        free(w);
        pthread_mutex_unlock(&setup_lock);
        return STATUS_NO_MEMORY;
    }
    pthread_mutex_init(&w->lock, NULL);
    w->filter = filter;
    w->subtree = subtree;
    w->tail = &w->head;
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    f->watch = w;
    if (w->fd < 0 || (err = watch_dir(w, rel, 0)))
    {
        NTSTATUS status = errno_to_status(w->fd < 0 ? errno : -err);
        dirwatch_free(f);
        pthread_mutex_unlock(&setup_lock);
        return status;
    }
done:
    pthread_mutex_unlock(&setup_lock);
    *out = w;
    return STATUS_SUCCESS;
}

/* --- recording changes ------------------------------------------------------------ */

/* the Windows action of an inotify event under filter, 0 for none */
static uint32_t action_of(uint32_t mask, uint32_t filter)
{
    uint32_t names = (mask & IN_ISDIR) ? FILE_NOTIFY_CHANGE_DIR_NAME : FILE_NOTIFY_CHANGE_FILE_NAME;

    if (mask & (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO))
    {
        if (!(filter & names)) return 0;
        if (mask & IN_CREATE) return FILE_ACTION_ADDED;
        if (mask & IN_DELETE) return FILE_ACTION_REMOVED;
        return (mask & IN_MOVED_FROM) ? FILE_ACTION_RENAMED_OLD_NAME : FILE_ACTION_RENAMED_NEW_NAME;
    }
    /* the rest was only asked of inotify when the filter wants it (inotify_mask) */
    return (mask & (IN_MODIFY | IN_ATTRIB | IN_ACCESS)) ? FILE_ACTION_MODIFIED : 0;
}

/* appends a change of `rel` (a '/' path) unless it repeats the last one */
static void record(struct dir_watch *w, uint32_t action, const char *rel)
{
    size_t ulen = strlen(rel);
    struct change *c;
    size_t len;

    if (w->n_changes >= MAX_CHANGES) { w->overflow = 1; return; }
    if (!(c = malloc(sizeof(*c) + ulen * sizeof(WCHAR)))) { w->overflow = 1; return; }
    len = wlx_utf8_to_utf16(rel, ulen, c->name, ulen);
    for (size_t i = 0; i < len; i++) if (c->name[i] == '/') c->name[i] = '\\';
    c->action = action;
    c->len = len;
    c->next = NULL;
    /* the IN_MODIFY of each write() of one file in a row: one record, as NTFS coalesces them */
    if (action == FILE_ACTION_MODIFIED && w->last && w->last->action == action && w->last->len == len &&
        !memcmp(w->last->name, c->name, len * sizeof(WCHAR)))
    {
        free(c);
        return;
    }
    *w->tail = c;
    w->tail = &c->next;
    w->last = c;
    w->n_changes++;
}

/* one inotify event: recorded, and a new folder of a tree watched */
static void handle_event(struct dir_watch *w, const struct inotify_event *ev)
{
    struct watched_dir *d;
    uint32_t action;
    char *rel;

    if (ev->mask & IN_Q_OVERFLOW) { w->overflow = 1; return; }
    if (!ev->len || !(d = find_dir(w, ev->wd))) return;
    /* outside the root only with WatchTree (the root's own watch is the only one otherwise) */
    if (!(rel = join_rel(d->rel, ev->name))) { w->overflow = 1; return; }
    /* made in a new folder after its watch began, and already reported from its listing */
    if ((ev->mask & IN_CREATE) && was_listed(w, rel)) { free(rel); return; }
    if ((action = action_of(ev->mask, w->filter))) record(w, action, rel);
    if (w->subtree && (ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO)))
    {
        /* a folder moved in is one change on Windows; a new one may already have content */
        watch_dir(w, rel, !!(ev->mask & IN_CREATE));   /* takes rel */
        return;
    }
    free(rel);
}

/* reads what inotify has (never blocks) */
static void drain(struct dir_watch *w)
{
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    ssize_t n;

    while ((n = read(w->fd, buf, sizeof(buf))) > 0)
    {
        for (char *p = buf; p < buf + n; )
        {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            handle_event(w, ev);
            p += sizeof(*ev) + ev->len;
        }
    }
    /* an IN_CREATE of a listed name was queued before the listing: read by now */
    forget_listed(w);
}

/* --- taking them -------------------------------------------------------------------- */

/* the bytes of one FILE_NOTIFY_INFORMATION record, DWORD-aligned */
static size_t record_size(const struct change *c)
{
    return (12 + c->len * sizeof(WCHAR) + 3) & ~(size_t)3;
}

/* writes the recorded changes into buf as FILE_NOTIFY_INFORMATION records; the bytes written */
static uint64_t write_records(struct dir_watch *w, uint8_t *buf)
{
    uint8_t *prev = NULL, *p = buf;
    uint64_t end = 0;

    for (struct change *c = w->head; c; c = c->next)
    {
        uint32_t bytes = c->len * sizeof(WCHAR), zero = 0;
        memcpy(p, &zero, 4);
        memcpy(p + 4, &c->action, 4);
        memcpy(p + 8, &bytes, 4);
        memcpy(p + 12, c->name, bytes);
        if (prev)
        {
            uint32_t next = p - prev;
            memcpy(prev, &next, 4);
        }
        prev = p;
        end = (p - buf) + 12 + bytes;   /* the last record's padding is not part of the data */
        p += record_size(c);
    }
    return end;
}

/* io_try_fn: the recorded changes if there are any, else STATUS_PENDING */
static NTSTATUS take_changes(struct file *f, void *buf, uint32_t len, uint64_t *done, void *arg)
{
    struct dir_watch *w = f->watch;
    NTSTATUS status = STATUS_SUCCESS;
    size_t need = 0;

    (void)arg;
    *done = 0;
    if (!w) return STATUS_CANCELLED;
    pthread_mutex_lock(&w->lock);
    drain(w);
    for (struct change *c = w->head; c; c = c->next) need += record_size(c);
    if (!w->overflow && !w->head) status = STATUS_PENDING;
    else if (w->overflow || need > len) status = STATUS_NOTIFY_ENUM_DIR;   /* everything is dropped */
    else *done = write_records(w, buf);
    if (status != STATUS_PENDING)
    {
        free_changes(w);
        w->overflow = 0;
    }
    pthread_mutex_unlock(&w->lock);
    return status;
}

/* --- the system call ------------------------------------------------------------------- */

NTSTATUS WINAPI unix_NtNotifyChangeDirectoryFile(HANDLE handle, HANDLE event, void *apc, void *apc_ctx,
                                                 IO_STATUS_BLOCK *io, void *buffer, uint32_t length,
                                                 uint32_t filter, uint8_t subtree)
{
    struct dir_watch *w = NULL;
    struct io_notify n;
    struct file *f;
    uint64_t done = 0;
    NTSTATUS status;

    if (!filter || (filter & ~FILE_NOTIFY_VALID_MASK)) return STATUS_INVALID_PARAMETER;
    if ((status = file_get(handle, &f))) return status;
    if (!f->is_dir || !f->unix_path) status = STATUS_INVALID_PARAMETER;
    else if (!(f->access & FILE_LIST_DIRECTORY)) status = STATUS_ACCESS_DENIED;
    else status = get_watch(f, filter, subtree != 0, &w);
    if (status) goto done;
    if (f->options & (FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT))
    {
        status = io_block(f, IO_WAIT, w->fd, take_changes, buffer, length, NULL, &done);
        io->Status = status;
        io->Information = done;
        if (event || apc) io_sync_notify(event, apc, apc_ctx, io);
        goto done;
    }
    if ((status = io_begin(f, event, apc, apc_ctx, io, &n))) goto done;
    status = take_changes(f, buffer, length, &done, NULL);
    if (status != STATUS_PENDING) status = io_finish_now(f, &n, status, done);
    else status = io_queue(f, IO_WAIT, w->fd, take_changes, buffer, length, NULL, &n);
done:
    object_release(&f->obj);
    return status;
}
