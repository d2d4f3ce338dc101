/*
 * ntdll/unix/dircache.c — folder listings kept in memory for case-insensitive
 * lookups.
 *
 * Windows names ignore case, Linux's do not: a name that is not on disk as
 * given (a file about to be created, a DLL searched along a path, the
 * FindFirstFile that 7-Zip makes before creating each file) costs a scan of
 * its whole folder, so a program creating N files in one folder pays N².
 * Here a folder's names are kept, case-folded, in a hash table, and kept
 * true by inotify: the kernel queues an event for every entry created,
 * removed or renamed in a watched folder, by this process or any other,
 * before the call that made the change returns. Every lookup first applies
 * the queued events (one read, which usually answers EAGAIN), so it sees
 * every change completed before it started, as a scan would; no time stamp
 * is trusted (they are too coarse to tell two changes apart).
 *
 * A watch is not free: a process that held one waits for the kernel's mark
 * reaper (an SRCU grace period, 5-8 ms measured here) when it exits. So a
 * folder is kept only once scanning it has cost about as much: each lookup
 * in it adds a cost (a fixed part plus its size), and it is read and watched
 * when the sum passes KEEP_COST. Small folders are scanned as before.
 *
 * Only local file systems are kept (a network file system does not tell
 * inotify what other machines change); for the others, without inotify, or
 * for huge folders, the caller scans as before.
 *
 * Sections: folded names · one folder · the folders · events · lookups.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>
#include "private.h"
#include "file.h"

#define MAX_FOLDERS 64          /* folders kept, least recently used dropped */
#define MAX_NAMES   65536       /* a bigger folder is scanned, not kept */
#define MAX_UNITS   256         /* UTF-16 units of a folded name (NAME_MAX is 255 bytes) */
#define KEEP_COST   32768       /* in listing bytes/16 (~entries), plus 64 a lookup: ~5 ms of scans */

/* --- folded names --------------------------------------------------------- */

struct dc_name {
    struct dc_name *next;       /* in its bucket, oldest first */
    uint32_t hash;              /* of the folded name */
    uint32_t units;             /* the folded name's length */
    WCHAR *fold;                /* the folded name, inside this block */
    char real[];                /* the name on disk */
};

/* the folded (upper-case) UTF-16 form of a name and its hash; 0 when too long */
static size_t fold_name(const WCHAR *name, size_t len, WCHAR *out, uint32_t *hash)
{
    uint32_t h = 2166136261u;
    if (len > MAX_UNITS) return 0;
    for (size_t i = 0; i < len; i++)
    {
        out[i] = wlx_toupper(name[i]);
        h = (h ^ out[i]) * 16777619u;
    }
    *hash = h;
    return len;
}

static size_t fold_utf8(const char *name, WCHAR *out, uint32_t *hash)
{
    WCHAR w[MAX_UNITS];
    size_t len = wlx_utf8_to_utf16(name, strlen(name), w, MAX_UNITS);
    return len <= MAX_UNITS ? fold_name(w, len, out, hash) : 0;
}

static struct dc_name *name_new(const char *real, const WCHAR *fold, size_t units, uint32_t hash)
{
    size_t rlen = strlen(real) + 1, off = (sizeof(struct dc_name) + rlen + 1) & ~(size_t)1;
    struct dc_name *n = malloc(off + units * sizeof(WCHAR));
    if (!n) return NULL;
    n->next = NULL;
    n->hash = hash;
    n->units = units;
    n->fold = (WCHAR *)((char *)n + off);
    memcpy(n->real, real, rlen);
    memcpy(n->fold, fold, units * sizeof(WCHAR));
    return n;
}

static int name_matches(const struct dc_name *n, const WCHAR *fold, size_t units, uint32_t hash)
{
    return n->hash == hash && n->units == units && !memcmp(n->fold, fold, units * sizeof(WCHAR));
}

/* --- one folder ------------------------------------------------------------ */

struct dc_folder {
    int in_use;
    int uncached;               /* not kept: still counting its cost, or remote, or huge */
    int never;                  /* cannot be kept (remote, huge, no watch): scanned for good */
    uint64_t cost;              /* what scanning it has cost so far */
    dev_t dev;
    ino_t ino;
    int wd;                     /* its inotify watch, -1 when none */
    uint64_t used;              /* when last looked up, for dropping the oldest */
    struct dc_name **buckets;
    size_t nbuckets, count;     /* nbuckets is a power of two */
};

static struct dc_name **bucket_of(struct dc_folder *d, uint32_t hash)
{
    return &d->buckets[hash & (d->nbuckets - 1)];
}

/* link n at the end of its bucket: names that fold alike stay in the order
   they came (the listing's, then creation order), and the first is used */
static void bucket_append(struct dc_folder *d, struct dc_name *n)
{
    struct dc_name **p = bucket_of(d, n->hash);
    while (*p) p = &(*p)->next;
    n->next = NULL;
    *p = n;
}

static int folder_grow(struct dc_folder *d)
{
    size_t old = d->nbuckets;
    struct dc_name **prev = d->buckets;
    struct dc_name **b = calloc(old ? old * 2 : 16, sizeof(*b));
    if (!b) return -1;
    d->buckets = b;
    d->nbuckets = old ? old * 2 : 16;
    for (size_t i = 0; i < old; i++)
        for (struct dc_name *n = prev[i], *next; n; n = next)
        {
            next = n->next;
            bucket_append(d, n);
        }
    free(prev);
    return 0;
}

/* the entry of this exact on-disk name */
static struct dc_name **find_real(struct dc_folder *d, const char *real, const WCHAR *fold, size_t units, uint32_t hash)
{
    struct dc_name **p = bucket_of(d, hash);
    for (; *p; p = &(*p)->next)
        if (name_matches(*p, fold, units, hash) && !strcmp((*p)->real, real)) break;
    return p;
}

/* a name appeared (listing, create, rename to); -1 when it cannot be kept */
static int folder_add(struct dc_folder *d, const char *real)
{
    WCHAR fold[MAX_UNITS];
    uint32_t hash;
    size_t units = fold_utf8(real, fold, &hash);
    if (!units || d->count >= MAX_NAMES) return -1;
    if (d->count >= d->nbuckets * 2 && folder_grow(d)) return -1;
    if (*find_real(d, real, fold, units, hash)) return 0;
    struct dc_name *n = name_new(real, fold, units, hash);
    if (!n) return -1;
    bucket_append(d, n);
    d->count++;
    return 0;
}

/* a name went away (delete, rename from) */
static void folder_remove(struct dc_folder *d, const char *real)
{
    WCHAR fold[MAX_UNITS];
    uint32_t hash;
    size_t units = fold_utf8(real, fold, &hash);
    struct dc_name **p, *n;
    if (!units || !d->nbuckets || !(n = *(p = find_real(d, real, fold, units, hash)))) return;
    *p = n->next;
    free(n);
    d->count--;
}

/* --- the folders ------------------------------------------------------------- */

static struct dc_folder folders[MAX_FOLDERS];
static pthread_mutex_t dc_mutex = PTHREAD_MUTEX_INITIALIZER;
static int inotify_fd = -1;
static int dc_disabled;         /* no inotify here: every lookup scans */
static uint64_t dc_clock;

/* forget a folder; unwatch says whether its watch still has to be removed */
static void folder_drop(struct dc_folder *d, int unwatch)
{
    if (unwatch && d->wd >= 0) inotify_rm_watch(inotify_fd, d->wd);
    for (size_t i = 0; i < d->nbuckets; i++)
        for (struct dc_name *n = d->buckets[i], *next; n; n = next)
        {
            next = n->next;
            free(n);
        }
    free(d->buckets);
    memset(d, 0, sizeof(*d));
    d->wd = -1;
}

static struct dc_folder *folder_by_wd(int wd)
{
    for (int i = 0; i < MAX_FOLDERS; i++)
        if (folders[i].in_use && folders[i].wd == wd) return &folders[i];
    return NULL;
}

static struct dc_folder *folder_by_inode(dev_t dev, ino_t ino)
{
    for (int i = 0; i < MAX_FOLDERS; i++)
        if (folders[i].in_use && folders[i].dev == dev && folders[i].ino == ino) return &folders[i];
    return NULL;
}

/* a free slot, dropping the least recently used folder when none is */
static struct dc_folder *folder_slot(void)
{
    struct dc_folder *oldest = &folders[0];
    for (int i = 0; i < MAX_FOLDERS; i++)
    {
        if (!folders[i].in_use) return &folders[i];
        if (folders[i].used < oldest->used) oldest = &folders[i];
    }
    folder_drop(oldest, 1);
    return oldest;
}

/* file systems whose every change inotify hears of */
static int is_local_fs(int fd)
{
    static const long types[] = {
        0xef53,         /* ext2/3/4 */
        0x58465342,     /* xfs */
        0x9123683e,     /* btrfs */
        0x01021994,     /* tmpfs */
        0xf2f52010,     /* f2fs */
        0x794c7630,     /* overlayfs */
        0x2fc12fc1,     /* zfs */
    };
    struct statfs sf;
    if (fstatfs(fd, &sf)) return 0;
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if ((long)sf.f_type == types[i]) return 1;
    return 0;
}

/* watch the folder open as fd (closed here), then read its names: in this
   order, so that whatever changes while it is read is in the queue too */
static int folder_fill(struct dc_folder *d, int fd)
{
    char self[64];
    struct dirent *de;
    DIR *dir;
    snprintf(self, sizeof(self), "/proc/self/fd/%d", fd);
    d->wd = inotify_add_watch(inotify_fd, self, IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                                                IN_DELETE_SELF | IN_ONLYDIR);
    if (d->wd < 0 || !(dir = fdopendir(fd))) { close(fd); return -1; }
    while ((de = readdir(dir)))
    {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
        if (folder_add(d, de->d_name)) { closedir(dir); return -1; }
    }
    closedir(dir);
    return 0;
}

/* a slot for (dev, ino), kept (names) or not (uncached: the caller scans) */
static void folder_init(struct dc_folder *d, dev_t dev, ino_t ino, int uncached)
{
    d->in_use = 1;
    d->dev = dev;
    d->ino = ino;
    d->wd = -1;
    d->uncached = uncached;
}

/* read and watch the folder (dev, ino) at path */
static struct dc_folder *folder_load(const char *path, dev_t dev, ino_t ino)
{
    struct stat st;
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return NULL;
    /* the path may name another folder by now: that one is not asked for */
    if (fstat(fd, &st) || st.st_dev != dev || st.st_ino != ino) { close(fd); return NULL; }
    struct dc_folder *d = folder_by_inode(dev, ino);
    if (d) folder_drop(d, 1);   /* a counting slot */
    else d = folder_slot();
    folder_init(d, dev, ino, 0);
    if (!is_local_fs(fd)) close(fd);
    else if (!folder_fill(d, fd)) return d;
    folder_drop(d, 1);
    folder_init(d, dev, ino, 1);
    d->never = 1;
    return d;
}

/* --- events ------------------------------------------------------------------ */

static void drop_all(void)
{
    for (int i = 0; i < MAX_FOLDERS; i++)
        if (folders[i].in_use) folder_drop(&folders[i], 1);
}

static void apply_event(const struct inotify_event *ev)
{
    struct dc_folder *d;
    if (ev->mask & IN_Q_OVERFLOW) { drop_all(); return; }   /* changes were lost */
    if (!(d = folder_by_wd(ev->wd))) return;                 /* dropped since */
    if (ev->mask & IN_IGNORED) { folder_drop(d, 0); return; }   /* the folder or its file system is gone */
    if (ev->mask & (IN_DELETE_SELF | IN_UNMOUNT)) { folder_drop(d, 1); return; }
    if (!ev->len) return;
    if (ev->mask & (IN_CREATE | IN_MOVED_TO))
    {
        if (folder_add(d, ev->name)) folder_drop(d, 1);
    }
    else if (ev->mask & (IN_DELETE | IN_MOVED_FROM)) folder_remove(d, ev->name);
}

/* everything the kernel queued so far */
static void apply_events(void)
{
    char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;)
    {
        ssize_t n = read(inotify_fd, buf, sizeof(buf));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
        {
            if (n < 0 && errno != EAGAIN) drop_all();   /* cannot tell what changed */
            return;
        }
        for (char *p = buf; p < buf + n;)
        {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            apply_event(ev);
            p += sizeof(*ev) + ev->len;
        }
        /* a read stops early only when the queue ran dry */
        if ((size_t)n + sizeof(struct inotify_event) + NAME_MAX + 1 <= sizeof(buf)) return;
    }
}

/* --- lookups ------------------------------------------------------------------ */

static int dc_ready(void)
{
    if (inotify_fd < 0 && !dc_disabled)
    {
        inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (inotify_fd < 0) dc_disabled = 1;
    }
    return !dc_disabled;
}

/* the kept folder (dev, ino) with the queued changes applied, or NULL;
   dir_size > 0: a lookup by path (dir names it) that counts towards keeping it */
static struct dc_folder *folder_get(const char *dir, dev_t dev, ino_t ino, uint64_t dir_size)
{
    struct dc_folder *d;
    if (inotify_fd >= 0) apply_events();
    if ((d = folder_by_inode(dev, ino)) && !d->uncached) return d;
    if (!dir_size || (d && d->never)) return NULL;
    if (!d)
    {
        d = folder_slot();
        folder_init(d, dev, ino, 1);
    }
    d->used = ++dc_clock;
    d->cost += 64 + dir_size / 16;
    if (d->cost < KEEP_COST || !dc_ready()) return NULL;
    d = folder_load(dir, dev, ino);
    return d && !d->uncached ? d : NULL;
}

/* The names in folder (dev, ino) that equal name ignoring case, oldest first:
   their count, the first copied to first (size bytes) and all of them to a
   NULL-terminated array in *all when asked; -1 when the folder is not kept
   (the caller scans). */
static int lookup(const char *dir, dev_t dev, ino_t ino, uint64_t dir_size, const WCHAR *name, size_t len,
                  char *first, size_t size, char ***all)
{
    WCHAR fold[MAX_UNITS];
    uint32_t hash;
    int count = 0;
    size_t units = fold_name(name, len, fold, &hash);
    struct dc_folder *d;

    if (!units) return -1;
    pthread_mutex_lock(&dc_mutex);
    if (!(d = folder_get(dir, dev, ino, dir_size))) { pthread_mutex_unlock(&dc_mutex); return -1; }
    d->used = ++dc_clock;
    if (all) *all = NULL;
    for (struct dc_name *n = d->nbuckets ? *bucket_of(d, hash) : NULL; n; n = n->next)
    {
        if (!name_matches(n, fold, units, hash)) continue;
        if (!count && first) snprintf(first, size, "%s", n->real);
        count++;
        if (!all) continue;
        char **grown = realloc(*all, (count + 1) * sizeof(char *));
        if (grown) *all = grown;
        if (!grown || !(grown[count - 1] = strdup(n->real)))
        {
            dircache_free_list(*all);
            *all = NULL;
            count = -1;
            break;
        }
        grown[count] = NULL;
    }
    if (all && !count && !(*all = calloc(1, sizeof(char *)))) count = -1;
    pthread_mutex_unlock(&dc_mutex);
    return count;
}

/* a lookup by path, in the folder dir of stat dir_st: 1 found (its name on
   disk copied to real), 0 not, -1 not kept (scan it) */
int dircache_find(const char *dir, const struct stat *dir_st, const WCHAR *name, size_t len, char *real, size_t size)
{
    uint64_t dir_size = dir_st->st_size > 0 ? dir_st->st_size : 1;
    int count = lookup(dir, dir_st->st_dev, dir_st->st_ino, dir_size, name, len, real, size, NULL);
    return count < 0 ? -1 : count > 0;
}

/* the names matching name in a folder already kept (a listing by handle) */
int dircache_matches(dev_t dev, ino_t ino, const WCHAR *name, size_t len, char ***names)
{
    return lookup(NULL, dev, ino, 0, name, len, NULL, 0, names);
}

void dircache_free_list(char **names)
{
    if (!names) return;
    for (char **p = names; *p; p++) free(*p);
    free(names);
}
