/*
 * ntdll/unix/path.c — NT paths ⇄ Unix paths through the prefix.
 *
 * "\??\C:\dir\file" → "<prefix>/dosdevices/c:" + "/dir/file", each component
 * looked up case-insensitively (exact name first, then a scan of the
 * folder comparing with Unicode simple case folding, as NTFS does; the
 * scans' answers are cached while the folder does not change). Builtin
 * DLLs asked for in C:\windows\system32 that are not in the prefix come
 * from wlx's own DLL folder, so GetModuleFileName of a builtin can say
 * C:\windows\system32\kernel32.dll as on Windows.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wctype.h>
#include "private.h"
#include "file.h"

char *wlx_prefix_dir;
char *wlx_builtin_dir;

static int valid_name_char(WCHAR c)
{
    return c >= 32 && c != '*' && c != '?' && c != '"' && c != '<' && c != '>' && c != '|';
}

/* --- case folding --------------------------------------------------------- */

static locale_t utf8_locale;
static pthread_once_t utf8_once = PTHREAD_ONCE_INIT;

static void init_utf8_locale(void)
{
    utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

/* the host's Unicode simple upper-case mapping of a BMP character */
WCHAR wlx_toupper(WCHAR c)
{
    if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    pthread_once(&utf8_once, init_utf8_locale);
    if (!utf8_locale || (c >= 0xd800 && c < 0xe000)) return c;
    wint_t u = towupper_l(c, utf8_locale);
    return u < 0x10000 ? (WCHAR)u : c;
}

static int names_equal_nocase(const char *a, const char *b)
{
    WCHAR wa[256], wb[256];
    size_t la = wlx_utf8_to_utf16(a, strlen(a), wa, 256), lb = wlx_utf8_to_utf16(b, strlen(b), wb, 256);
    if (la != lb || la > 256) return 0;
    for (size_t i = 0; i < la; i++) if (wlx_toupper(wa[i]) != wlx_toupper(wb[i])) return 0;
    return 1;
}

/* --- the lookup cache -------------------------------------------------------------
 * A case-folded scan costs a whole readdir, and programs repeat the same
 * lookups (DLL searches mostly miss). The answer for (folder, name) holds
 * as long as the folder's change time is the same: no entry was added,
 * removed or renamed since. Misses are cached too. */

#define CACHE_SIZE 256

struct cache_entry {
    char *dir, *name;            /* the folder, the name asked for */
    char *found;                 /* its real name, NULL for "no such entry" */
    struct timespec ctime;       /* the folder's change time then */
};

static struct cache_entry cache[CACHE_SIZE];
static pthread_mutex_t cache_mutex = PTHREAD_MUTEX_INITIALIZER;

static unsigned cache_slot(const char *dir, const char *name)
{
    unsigned h = 5381;
    for (const char *p = dir; *p; p++) h = h * 33 + (unsigned char)*p;
    for (const char *p = name; *p; p++) h = h * 33 + (unsigned char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    return h % CACHE_SIZE;
}

/* 1: found (real name copied), 0: known missing, -1: not cached */
static int cache_lookup(const char *dir, const char *name, const struct timespec *ctime, char *out)
{
    int ret = -1;
    pthread_mutex_lock(&cache_mutex);
    struct cache_entry *e = &cache[cache_slot(dir, name)];
    if (e->dir && !strcmp(e->dir, dir) && !strcmp(e->name, name) &&
        e->ctime.tv_sec == ctime->tv_sec && e->ctime.tv_nsec == ctime->tv_nsec)
    {
        ret = e->found != NULL;
        if (ret) strcpy(out, e->found);
    }
    pthread_mutex_unlock(&cache_mutex);
    return ret;
}

static void cache_store(const char *dir, const char *name, const struct timespec *ctime, const char *found)
{
    pthread_mutex_lock(&cache_mutex);
    struct cache_entry *e = &cache[cache_slot(dir, name)];
    free(e->dir); free(e->name); free(e->found);
    e->dir = strdup(dir);
    e->name = strdup(name);
    e->found = found ? strdup(found) : NULL;
    e->ctime = *ctime;
    if (!e->dir || !e->name || (found && !e->found))
    {
        free(e->dir); free(e->name); free(e->found);
        e->dir = e->name = e->found = NULL;
    }
    pthread_mutex_unlock(&cache_mutex);
}

/* file systems stamp times from a coarse clock: a folder changed in the
   last second may change again under the same stamp, so it is not cached */
static int ctime_settled(const struct timespec *ctime)
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME_COARSE, &now);
    return now.tv_sec - ctime->tv_sec >= 2;
}

static int scan_folder(const char *dir, const char *name, char *out)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    int found = 0;
    if (!d) return 0;
    while ((de = readdir(d)))
        if (!strcasecmp(de->d_name, name) || names_equal_nocase(de->d_name, name))
        {
            strcpy(out, de->d_name);
            found = 1;
            break;
        }
    closedir(d);
    return found;
}

/* name in folder dir (which exists, dir_st its stat) ignoring case, its
   real name copied to real: 1 found, 0 not. The folder cache answers for the
   folders it keeps; the others are scanned (their answers cached while the
   folder's change time holds). */
static int find_nocase(const char *dir, const struct stat *dir_st, const char *name, char *real)
{
    WCHAR w[256];
    size_t wlen = wlx_utf8_to_utf16(name, strlen(name), w, 256);
    int found = wlen <= 256 ? dircache_find(dir, dir_st, w, wlen, real, 1024) : -1;
    if (found >= 0) return found;
    if (!ctime_settled(&dir_st->st_ctim)) return scan_folder(dir, name, real);
    if ((found = cache_lookup(dir, name, &dir_st->st_ctim, real)) < 0)
    {
        found = scan_folder(dir, name, real);
        cache_store(dir, name, &dir_st->st_ctim, found ? real : NULL);
    }
    return found;
}

/* path[0..dirlen) is a folder, ending in '/': name is appended to it, in the
   case it has there when some entry matches it ignoring case (returns 1), else
   as given (returns 0). dir_st is the folder's stat, NULL when not made yet. */
static int resolve_last(char *path, size_t dirlen, const char *name, const struct stat *dir_st)
{
    struct stat st;
    char real[1024];
    size_t len = strlen(name);
    int found;
    path[dirlen] = 0;
    const char *dir = dirlen ? path : "/";
    if (!dir_st) dir_st = stat(dir, &st) ? NULL : &st;
    found = dir_st && find_nocase(dir, dir_st, name, real);
    /* upper and lower case may take different UTF-8 lengths */
    if (found) memcpy(path + dirlen, real, strlen(real) + 1);
    else memcpy(path + dirlen, name, len + 1);
    return found;
}

/* find name in folder dir (which exists) ignoring case; returns 1 if found */
static int lookup_component(char *path, size_t dirlen, const char *name)
{
    struct stat st;
    memcpy(path + dirlen, name, strlen(name) + 1);
    if (!lstat(path, &st)) return 1;
    return resolve_last(path, dirlen, name, NULL);
}

static char *builtin_fallback(char *path)
{
    static const char sys32[] = "/drive_c/windows/system32/";
    size_t plen = strlen(wlx_prefix_dir);
    struct stat st;
    if (strncmp(path, wlx_prefix_dir, plen) || strncasecmp(path + plen, sys32, sizeof(sys32) - 1)) return path;
    const char *name = path + plen + sizeof(sys32) - 1;
    if (strchr(name, '/') || !lstat(path, &st)) return path;
    char *alt = malloc(strlen(wlx_builtin_dir) + strlen(name) + 2);
    char *p = alt + sprintf(alt, "%s/", wlx_builtin_dir);
    for (const char *s = name; *s; s++) *p++ = (*s >= 'A' && *s <= 'Z') ? *s + 32 : *s;
    *p = 0;
    if (!stat(alt, &st)) { free(path); return alt; }
    free(alt);
    return path;
}

/* where a dosdevices link leads, resolved: the common targets ("/" for z:,
   "../drive_c" for c:, in a prefix path that is canonical already) with a
   readlink and an lstat, not realpath's readlink of every component */
static char *drive_link_target(const char *link)
{
    char target[4096], path[4096];
    struct stat st;
    ssize_t n = readlink(link, target, sizeof(target) - 1);

    if (n <= 0) return NULL;
    target[n] = 0;
    if (!strcmp(target, "/")) return strdup("/");
    if (!strncmp(target, "../", 3) && target[3] && !strchr(target + 3, '/') && strcmp(target + 3, "..")
        && strcmp(target + 3, ".")
        && snprintf(path, sizeof(path), "%s/%s", wlx_prefix_dir, target + 3) < (int)sizeof(path)
        && !lstat(path, &st) && S_ISDIR(st.st_mode))
        return strdup(path);
    return realpath(link, NULL);
}

/* the Unix folder behind each drive letter, resolved once per process */
static char *drive_roots[26];
static pthread_mutex_t drive_mutex = PTHREAD_MUTEX_INITIALIZER;

static const char *drive_root(char drive)
{
    char link[4096];
    pthread_mutex_lock(&drive_mutex);
    char *root = drive_roots[drive - 'a'];
    if (!root)
    {
        snprintf(link, sizeof(link), "%s/dosdevices/%c:", wlx_prefix_dir, drive);
        root = drive_link_target(link);
        if (root && !strcmp(root, "/")) root[0] = 0;   /* "" + "/x" below */
        drive_roots[drive - 'a'] = root;
    }
    pthread_mutex_unlock(&drive_mutex);
    return root;
}

/* The last lookup's stat, per thread: NtCreateFile asks again right away.
   missing: the lookup saw that nothing has that name (a file to create). */
static __thread struct { char *path; struct stat st; int missing; } last_stat;

static void remember_stat(const char *path, const struct stat *st)
{
    free(last_stat.path);
    last_stat.path = st && S_ISLNK(st->st_mode) ? NULL : strdup(path);
    last_stat.missing = !st;
    if (st) last_stat.st = *st;
}

static void forget_stat(void)
{
    free(last_stat.path);
    last_stat.path = NULL;
}

int path_stat(const char *path, struct stat *st)
{
    if (last_stat.path && !strcmp(last_stat.path, path))
    {
        int missing = last_stat.missing;
        if (!missing) *st = last_stat.st;
        forget_stat();   /* good for one use: the file may change */
        if (missing) errno = ENOENT;
        return missing ? -1 : 0;
    }
    return stat(path, st);
}

/* The common case costs one lstat: the name as given exists, in this case.
   The next most common (a file about to be created) costs an lstat of its
   folder as given and a look for the last name in it, not a walk of every
   folder above. Returns 1 with *out set, 0 to fall back to the walk. */
static int fast_lookup(const char *root, const WCHAR *s, size_t n, char **out)
{
    size_t rlen = strlen(root);
    char *path = malloc(rlen + n * 3 + 2 + 256);   /* room for a case variant of the last name */
    struct stat st;
    size_t len = rlen;
    if (!path) return 0;
    memcpy(path, root, rlen);
    while (n)
    {
        while (n && s[0] == '\\') { s++; n--; }
        if (!n) break;
        size_t clen = 0;
        while (clen < n && s[clen] != '\\') clen++;
        if ((clen == 1 && s[0] == '.') || (clen == 2 && s[0] == '.' && s[1] == '.')) { free(path); return 0; }
        for (size_t i = 0; i < clen; i++)
            if (!valid_name_char(s[i]) || s[i] == '/') { free(path); return 0; }
        path[len++] = '/';
        len += wlx_utf16_to_utf8(s, clen, path + len, clen * 3);
        s += clen; n -= clen;
    }
    if (!len) path[len++] = '/';
    path[len] = 0;
    if (!lstat(path, &st))
    {
        remember_stat(path, &st);
        *out = path;
        return 1;
    }
    char *slash = strrchr(path, '/');
    if (errno != ENOENT || !slash || (size_t)(slash - path) < rlen || !slash[1]) { free(path); return 0; }
    *slash = 0;
    int parent = !lstat(slash == path ? "/" : path, &st) && S_ISDIR(st.st_mode);
    *slash = '/';
    if (!parent) { free(path); return 0; }
    char name[1024];
    snprintf(name, sizeof(name), "%s", slash + 1);
    /* the folder is no link (lstat): its lstat is its stat */
    if (!resolve_last(path, slash + 1 - path, name, &st)) remember_stat(path, NULL);
    *out = path;
    return 1;
}

/* "\Device\HarddiskVolumeN..." (N from 1 for A: to 26 for Z:, the names
   QueryDosDevice and GetFinalPathNameByHandle's VOLUME_NAME_NT give drives):
   sets *drive and gives the prefix's length, 0 for other names */
static size_t volume_prefix(const WCHAR *s, size_t n, char *drive)
{
    static const char prefix[] = "\\Device\\HarddiskVolume";
    size_t plen = sizeof(prefix) - 1, i;
    unsigned num = 0;

    if (n <= plen) return 0;
    for (i = 0; i < plen; i++)
        if ((s[i] | (prefix[i] >= 'A' ? 0x20 : 0)) != (WCHAR)(prefix[i] | (prefix[i] >= 'A' ? 0x20 : 0))) return 0;
    for (; i < n && s[i] >= '0' && s[i] <= '9' && num <= 26; i++) num = num * 10 + (s[i] - '0');
    if (i == plen || num < 1 || num > 26 || (i < n && s[i] != '\\')) return 0;
    *drive = 'a' + num - 1;
    return i;
}

NTSTATUS path_nt_to_unix(const UNICODE_STRING *nt, char **unix_path, int create_last)
{
    const WCHAR *s = nt->Buffer;
    size_t n = nt->Length / sizeof(WCHAR);
    (void)create_last;

    char drive;
    size_t vlen = volume_prefix(s, n, &drive);
    if (vlen) { s += vlen; n -= vlen; }   /* \Device\HarddiskVolumeN: drive N */
    else
    {
        if (n < 4 || s[0] != '\\' || s[1] != '?' || s[2] != '?' || s[3] != '\\') return STATUS_OBJECT_PATH_SYNTAX_BAD;
        s += 4; n -= 4;
        if (n < 2 || s[1] != ':' || !((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'))
            return STATUS_OBJECT_PATH_NOT_FOUND;   /* UNC and devices: not yet */
        drive = s[0] | 0x20;
        s += 2; n -= 2;
    }
    if (n && s[0] != '\\') return STATUS_OBJECT_NAME_INVALID;

    const char *root = drive_root(drive);
    if (!root) return STATUS_OBJECT_PATH_NOT_FOUND;
    char *fast;
    forget_stat();
    if (fast_lookup(root, s, n, &fast))
    {
        *unix_path = builtin_fallback(fast);
        return STATUS_SUCCESS;
    }

    size_t cap = strlen(root) + 32 + n * 3 + 2;
    char *path = malloc(cap + 256);
    if (!path) return STATUS_NO_MEMORY;
    size_t len = strlen(root);
    memcpy(path, root, len + 1);
    while (n)
    {
        while (n && s[0] == '\\') { s++; n--; }
        if (!n) break;
        size_t clen = 0;
        while (clen < n && s[clen] != '\\') clen++;
        for (size_t i = 0; i < clen; i++)
            if (!valid_name_char(s[i]) || s[i] == '/') { free(path); return STATUS_OBJECT_NAME_INVALID; }
        char name[1024];
        size_t ulen = wlx_utf16_to_utf8(s, clen, name, sizeof(name) - 1);
        if (ulen >= sizeof(name) - 1) { free(path); return STATUS_OBJECT_NAME_INVALID; }
        name[ulen] = 0;
        s += clen; n -= clen;
        int last = !n || (n == 1 && s[0] == '\\');
        if (!strcmp(name, ".")) continue;
        if (!strcmp(name, ".."))
        {
            char *slash = strrchr(path, '/');
            if (slash) *slash = 0, len = slash - path;
            continue;
        }
        path[len++] = '/';
        int found = lookup_component(path, len, name);
        len += strlen(path + len);
        if (!found && !last) { free(path); return STATUS_OBJECT_PATH_NOT_FOUND; }
    }
    if (!len) path[len++] = '/';
    path[len] = 0;
    *unix_path = builtin_fallback(path);
    return STATUS_SUCCESS;
}

/* "C:\\..." for paths inside drive_c, "Z:\\..." for the rest of the Unix tree */
char *path_unix_to_dos(const char *unix_path)
{
    size_t plen = strlen(wlx_prefix_dir);
    const char *rest = unix_path;
    char drive = 'Z';
    if (!strncmp(unix_path, wlx_prefix_dir, plen) && !strncmp(unix_path + plen, "/drive_c", 8) &&
        (unix_path[plen + 8] == '/' || !unix_path[plen + 8]))
    {
        drive = 'C';
        rest = unix_path + plen + 8;
    }
    else if (!strncmp(unix_path, wlx_builtin_dir, strlen(wlx_builtin_dir)) && unix_path[strlen(wlx_builtin_dir)] == '/')
    {
        const char *name = unix_path + strlen(wlx_builtin_dir) + 1;
        char *r = malloc(strlen(name) + 32);
        sprintf(r, "C:\\windows\\system32\\%s", name);
        return r;
    }
    char *r = malloc(strlen(rest) + 4);
    char *p = r;
    *p++ = drive; *p++ = ':';
    if (!*rest) *p++ = '\\';
    for (; *rest; rest++) *p++ = *rest == '/' ? '\\' : *rest;
    *p = 0;
    return r;
}
