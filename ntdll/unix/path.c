/*
 * ntdll/unix/path.c — NT paths ⇄ Unix paths through the prefix.
 *
 * "\??\C:\dir\file" → "<prefix>/dosdevices/c:" + "/dir/file", each component
 * looked up case-insensitively (exact name first, then a scan of the
 * folder). Builtin DLLs asked for in C:\windows\system32 that are not in the
 * prefix come from wlx's own DLL folder, so GetModuleFileName of a builtin
 * can say C:\windows\system32\kernel32.dll as on Windows.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "private.h"

char *wlx_prefix_dir;
char *wlx_builtin_dir;

static int valid_name_char(WCHAR c)
{
    return c >= 32 && c != '*' && c != '?' && c != '"' && c != '<' && c != '>' && c != '|';
}

/* find name in folder dir (which exists) ignoring case; returns 1 if found */
static int lookup_component(char *path, size_t dirlen, const char *name)
{
    struct stat st;
    size_t len = strlen(name);
    memcpy(path + dirlen, name, len + 1);
    if (!lstat(path, &st)) return 1;
    path[dirlen] = 0;
    DIR *d = opendir(dirlen ? path : "/");
    int found = 0;
    if (d)
    {
        struct dirent *de;
        while ((de = readdir(d)))
            if (!strcasecmp(de->d_name, name))  /* ASCII case folding for now */
            {
                memcpy(path + dirlen, de->d_name, len + 1);
                found = 1;
                break;
            }
        closedir(d);
    }
    if (!found) memcpy(path + dirlen, name, len + 1);
    return found;
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

NTSTATUS path_nt_to_unix(const UNICODE_STRING *nt, char **unix_path, int create_last)
{
    const WCHAR *s = nt->Buffer;
    size_t n = nt->Length / sizeof(WCHAR);
    (void)create_last;

    if (n < 4 || s[0] != '\\' || s[1] != '?' || s[2] != '?' || s[3] != '\\') return STATUS_OBJECT_PATH_SYNTAX_BAD;
    s += 4; n -= 4;
    if (n < 2 || s[1] != ':' || !((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'))
        return STATUS_OBJECT_PATH_NOT_FOUND;   /* UNC and devices: not yet */
    char drive = s[0] | 0x20;
    s += 2; n -= 2;
    if (n && s[0] != '\\') return STATUS_OBJECT_NAME_INVALID;

    size_t cap = strlen(wlx_prefix_dir) + 32 + n * 3 + 2;
    char *path = malloc(cap + 256);
    if (!path) return STATUS_NO_MEMORY;
    size_t len = sprintf(path, "%s/dosdevices/%c:", wlx_prefix_dir, drive);
    {
        /* resolve the drive link once so later lookups start from a real folder */
        char *real = realpath(path, NULL);
        if (!real) { free(path); return STATUS_OBJECT_PATH_NOT_FOUND; }
        len = strlen(real);
        if (len == 1) len = 0;  /* "/" */
        memcpy(path, real, len + 1);
        free(real);
    }
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
        len += ulen;
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
