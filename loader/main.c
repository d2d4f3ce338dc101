/*
 * loader/main.c — the `wlx` command: options, the prefix, the program's
 * image, then the hand-over to ntdll (PE side) on the main thread.
 *
 * Sections: usage · finding the program · start-up.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../ntdll/unix/private.h"
#include "loader.h"
#include "wlx/procstart.h"

#define WLX_VERSION "0.1"

static void usage(FILE *out)
{
    fprintf(out,
        "Usage: wlx [options] PROGRAM.exe [ARGUMENTS...]\n"
        "Runs a 64-bit Windows program on Linux.\n\n"
        "PROGRAM may be a Unix path (./app.exe, /opt/app.exe) or a Windows path\n"
        "(C:\\tools\\app.exe), or the name of one of wlx's own programs (reg).\n\n"
        "Options:\n"
        "  --help       show this help and exit\n"
        "  --version    show the version and exit\n"
        "  --raw-args   pass the arguments as they are (by default an argument that is\n"
        "               an absolute Unix path, or --name=/unix/path, becomes a Windows\n"
        "               path: /tmp/a.txt is Z:\\tmp\\a.txt)\n\n"
        "Environment:\n"
        "  WLXPREFIX    the prefix folder (default ~/.wlx), created on first use\n"
        "  WLXDEBUG     trace channels, e.g. +loaddll,+relay,+seh,+server,+file\n");
}

/* a Windows path given on the command line: map it through the prefix */
static char *find_program(const char *arg)
{
    if (strlen(arg) >= 2 && arg[1] == ':' && !strchr(arg, '/'))
    {
        char *unix_path;
        size_t n = strlen(arg);
        WCHAR *w = malloc((n + 8) * sizeof(WCHAR));
        size_t len = 4 + wlx_utf8_to_utf16(arg, n, w + 4, n + 4);
        w[0] = '\\'; w[1] = '?'; w[2] = '?'; w[3] = '\\';
        UNICODE_STRING us = { (uint16_t)(len * 2), (uint16_t)(len * 2), 0, w };
        NTSTATUS status = path_nt_to_unix(&us, &unix_path, 0);
        free(w);
        return status ? NULL : unix_path;
    }
    return loader_realpath(arg);
}

/* A bare name that is no file here ("reg", "reg.exe"): one of wlx's own
 * programs, which live beside the builtin DLLs (C:\windows\system32 for
 * Windows programs, see ntdll/unix/path.c). Only .exe files qualify. */
static char *find_builtin_program(const char *arg)
{
    size_t n = strlen(arg);
    struct stat st;
    if (!n || strpbrk(arg, "/\\:") || n > 64) return NULL;
    int has_ext = n > 4 && !strcasecmp(arg + n - 4, ".exe");
    char *path = malloc(strlen(wlx_builtin_dir) + n + 8);
    char *p = path + sprintf(path, "%s/", wlx_builtin_dir);
    for (const char *s = arg; *s; s++) *p++ = (*s >= 'A' && *s <= 'Z') ? *s + 32 : *s;
    strcpy(p, has_ext ? "" : ".exe");
    if (!stat(path, &st) && S_ISREG(st.st_mode)) return path;
    free(path);
    return NULL;
}

/* Unix paths among the program's arguments become Windows paths, as a user
 * typing "wlx app.exe /home/me/in.txt --out=/tmp/o" means them: an argument
 * (or the value after "=" of a "--name=value" one) that is an absolute Unix
 * path naming something that exists, or with at least two components whose
 * folder exists. A lone "/x" that names nothing stays as it is: it is far
 * more likely a Windows-style switch. --raw-args turns this off. */
static int is_unix_path(const char *s)
{
    struct stat st;
    const char *last;
    char *dir;
    int ok;
    if (s[0] != '/' || !s[1] || s[1] == '/') return 0;
    if (!lstat(s, &st)) return 1;
    last = strrchr(s, '/');
    if (last == s) return 0;   /* one component that does not exist */
    dir = strndup(s, last - s);
    ok = dir && !stat(dir, &st) && S_ISDIR(st.st_mode);
    free(dir);
    return ok;
}

static char *windows_arg(char *arg)
{
    char *eq = arg[0] == '-' ? strchr(arg, '=') : NULL;
    const char *path = eq ? eq + 1 : arg;
    char *dos, *out;
    if (!is_unix_path(path) || !(dos = path_unix_to_dos(path))) return arg;
    if (!eq) return dos;
    out = malloc((eq + 1 - arg) + strlen(dos) + 1);
    memcpy(out, arg, eq + 1 - arg);
    strcpy(out + (eq + 1 - arg), dos);
    free(dos);
    return out;
}

int main(int argc, char **argv)
{
    int i = 1, raw_args = 0;
    for (; i < argc && argv[i][0] == '-'; i++)
    {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { usage(stdout); return 0; }
        if (!strcmp(argv[i], "--version")) { printf("wlx %s\n", WLX_VERSION); return 0; }
        if (!strcmp(argv[i], "--raw-args")) { raw_args = 1; continue; }
        if (!strcmp(argv[i], "--")) { i++; break; }
        fprintf(stderr, "wlx: unknown option '%s' (see wlx --help)\n", argv[i]);
        return 2;
    }
    if (i >= argc) { usage(stderr); return 2; }

    /* a child started by another wlx comes with every signal blocked (ntdll/unix/spawn.c) */
    int from_parent = getenv(WLX_STARTUP_FD_VAR) != NULL;
    if (from_parent)
    {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
    }
    wlx_debug_init();
    loader_reserve_address_space();
    virtual_init();
    loader_init_paths(from_parent);
    prefix_init();

    const char *arg = argv[i];
    char *exe = find_program(arg);
    struct stat st;
    if (!exe || stat(exe, &st) || !S_ISREG(st.st_mode))   /* e.g. a folder named reg here */
    {
        char *builtin = find_builtin_program(arg);
        if (builtin) { free(exe); exe = builtin; }
    }
    if (!exe)
    {
        fprintf(stderr, "wlx: %s: no such file\n", arg);
        return 127;
    }
    if (!raw_args)
        for (int a = i + 1; a < argc; a++) argv[a] = windows_arg(argv[a]);
    loader_run(exe, argc - i, argv + i);
}
