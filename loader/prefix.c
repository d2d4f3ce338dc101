/*
 * loader/prefix.c — where things are: wlx's own DLL folder, and the prefix
 * ($WLXPREFIX, default ~/.wlx), created on first use. Creating it is a
 * handful of mkdir/symlink calls (no boot step); every call tolerates
 * EEXIST so two wlx started at once on a fresh prefix both succeed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../ntdll/unix/private.h"
#include "loader.h"

const char *process_user_name(void);
char *wlx_server_binary;

/* realpath in three calls: the kernel resolves the path once for an O_PATH
   open, and its /proc/self/fd link is the canonical name (realpath reads
   the link of every component: ten calls for a prefix four folders deep,
   twice at every process start); realpath itself without /proc */
char *loader_realpath(const char *path)
{
    char link[32], buf[PATH_MAX];
    int fd = open(path, O_PATH | O_CLOEXEC);
    ssize_t n = -1;

    if (fd < 0) return NULL;
    snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
    n = readlink(link, buf, sizeof(buf) - 1);
    close(fd);
    if (n <= 0 || buf[0] != '/' || n == sizeof(buf) - 1) return realpath(path, NULL);
    buf[n] = 0;
    return strdup(buf);
}

/* A child of another wlx was started by the absolute path its parent made
   from its own (procobj.c wlx_binary): the kernel kept it (AT_EXECFN), no
   need to ask /proc. Anyone else may have come through a relative path or a
   symbolic link: /proc/self/exe says where the binary really is. */
static ssize_t own_path(char *exe, size_t size, int from_parent)
{
    const char *execfn = from_parent ? (const char *)getauxval(AT_EXECFN) : NULL;
    if (execfn && execfn[0] == '/' && strlen(execfn) < size)
    {
        strcpy(exe, execfn);
        return strlen(exe);
    }
    ssize_t n = readlink("/proc/self/exe", exe, size - 1);
    if (n > 0) exe[n] = 0;
    return n;
}

void loader_init_paths(int from_parent)
{
    char exe[PATH_MAX];
    if (own_path(exe, sizeof(exe), from_parent) <= 0) wlx_fatal("cannot find the wlx binary (/proc/self/exe)");
    char *slash = strrchr(exe, '/');
    *slash = 0;                                  /* .../bin */
    if ((slash = strrchr(exe, '/'))) *slash = 0; /* ... */
    wlx_builtin_dir = malloc(strlen(exe) + 16);
    sprintf(wlx_builtin_dir, "%s/lib/wlx", exe);
    wlx_server_binary = malloc(strlen(exe) + 16);
    sprintf(wlx_server_binary, "%s/bin/wlxserver", exe);
}

static void make_dir(const char *prefix, const char *sub)
{
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/%s", prefix, sub);
    if (mkdir(path, 0777) && errno != EEXIST) wlx_fatal("cannot create %s: %s", path, strerror(errno));
}

static void make_link(const char *prefix, const char *name, const char *target)
{
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/dosdevices/%s", prefix, name);
    if (symlink(target, path) && errno != EEXIST) wlx_fatal("cannot create %s: %s", path, strerror(errno));
}

void prefix_init(void)
{
    const char *env = getenv("WLXPREFIX");
    char path[PATH_MAX], user_dir[256];
    struct stat st;

    if (env && *env) snprintf(path, sizeof(path), "%s", env);
    else
    {
        const char *home = getenv("HOME");
        if (!home || !*home) wlx_fatal("neither WLXPREFIX nor HOME is set: cannot place the prefix");
        snprintf(path, sizeof(path), "%s/.wlx", home);
    }
    if (mkdir(path, 0777) && errno != EEXIST) wlx_fatal("cannot create the prefix %s: %s", path, strerror(errno));
    char *real = loader_realpath(path);
    if (!real || stat(real, &st) || !S_ISDIR(st.st_mode)) wlx_fatal("the prefix %s is not a folder", path);
    wlx_prefix_dir = real;

    snprintf(path, sizeof(path), "%s/dosdevices/z:", real);
    if (!lstat(path, &st)) return;   /* complete: the last step of creation below */

    static const char *const dirs[] = {
        "drive_c", "drive_c/windows", "drive_c/windows/system32", "drive_c/windows/temp",
        "drive_c/ProgramData", "drive_c/Program Files", "drive_c/Program Files (x86)",
        "drive_c/Program Files/Common Files", "drive_c/users", "drive_c/users/Public", NULL,
    };
    for (int i = 0; dirs[i]; i++) make_dir(real, dirs[i]);
    static const char *const user_dirs[] = {
        "", "/AppData", "/AppData/Local", "/AppData/Local/Temp", "/AppData/Roaming",
        "/Desktop", "/Documents", "/Downloads", NULL,
    };
    for (int i = 0; user_dirs[i]; i++)
    {
        snprintf(user_dir, sizeof(user_dir), "drive_c/users/%s%s", process_user_name(), user_dirs[i]);
        make_dir(real, user_dir);
    }
    make_dir(real, "dosdevices");
    make_link(real, "c:", "../drive_c");
    make_link(real, "z:", "/");
}
