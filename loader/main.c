/*
 * loader/main.c — the `wlx` command: options, the prefix, the program's
 * image, then the hand-over to ntdll (PE side) on the main thread.
 *
 * Sections: usage · finding the program · start-up.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../ntdll/unix/private.h"
#include "loader.h"

#define WLX_VERSION "0.1"

static void usage(FILE *out)
{
    fprintf(out,
        "Usage: wlx [options] PROGRAM.exe [ARGUMENTS...]\n"
        "Runs a 64-bit Windows program on Linux.\n\n"
        "PROGRAM may be a Unix path (./app.exe, /opt/app.exe) or a Windows path\n"
        "(C:\\\\tools\\\\app.exe), or the name of one of wlx's own programs (reg).\n\n"
        "Options:\n"
        "  --help       show this help and exit\n"
        "  --version    show the version and exit\n\n"
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
    char *full = realpath(arg, NULL);
    return full;
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

int main(int argc, char **argv)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++)
    {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { usage(stdout); return 0; }
        if (!strcmp(argv[i], "--version")) { printf("wlx %s\n", WLX_VERSION); return 0; }
        if (!strcmp(argv[i], "--")) { i++; break; }
        fprintf(stderr, "wlx: unknown option '%s' (see wlx --help)\n", argv[i]);
        return 2;
    }
    if (i >= argc) { usage(stderr); return 2; }

    wlx_debug_init();
    loader_reserve_address_space();
    virtual_init();
    loader_init_paths(argv[0]);
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
    loader_run(exe, argc - i, argv + i);
}
