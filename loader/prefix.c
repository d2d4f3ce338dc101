/*
 * loader/prefix.c — where things are: wlx's own DLL folder, and the prefix
 * ($WLXPREFIX, default ~/.wlx), created on first use. Creating it is a
 * handful of mkdir/symlink calls (no boot step); every call tolerates
 * EEXIST so two wlx started at once on a fresh prefix both succeed.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../ntdll/unix/private.h"
#include "loader.h"

const char *process_user_name(void);
char *wlx_server_binary;

void loader_init_paths(const char *argv0)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    (void)argv0;
    if (n <= 0) wlx_fatal("cannot find the wlx binary (/proc/self/exe)");
    exe[n] = 0;
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
    char *real = realpath(path, NULL);
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
