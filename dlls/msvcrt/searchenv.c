/*
 * dlls/msvcrt/searchenv.c — _searchenv, _wsearchenv and their _s forms:
 * a file looked for in the current folder, then in each folder of an
 * environment variable's list (PATH, LIB, INCLUDE…, read from the CRT's
 * environment), as documented:
 *   - found in the current folder: its full path; in a listed folder: that
 *     folder and the name joined by a backslash;
 *   - not found (or an empty name): an empty string, ENOENT;
 *   - a NULL name, a NULL buffer or a zero size: the invalid-parameter
 *     handler, then EINVAL; a path longer than the buffer: an empty
 *     string, ERANGE.
 * The forms without _s take a buffer of _MAX_PATH characters.
 */
#include "private.h"
#include <wchar.h>

static BOOL exists(const wchar_t *path)
{
    return GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES;
}

/* copies path to out (size characters): 0, or ERANGE with out emptied */
static errno_t give(const wchar_t *path, wchar_t *out, size_t size)
{
    if (wcslen(path) >= size)
    {
        out[0] = 0;
        return *_errno() = ERANGE;
    }
    wcscpy(out, path);
    return 0;
}

errno_t __cdecl _wsearchenv_s(const wchar_t *name, const wchar_t *var, wchar_t *out, size_t size)
{
    const wchar_t *list, *end;
    wchar_t full[MAX_PATH * 2], *path;
    size_t dir_len, len;
    errno_t ret;

    if (!name || !out || !size)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    out[0] = 0;
    if (!*name) return *_errno() = ENOENT;
    if (exists(name))
    {
        len = GetFullPathNameW(name, ARRAYSIZE(full), full, NULL);
        if (len && len < ARRAYSIZE(full)) return give(full, out, size);
    }
    if (!var || !(list = _wgetenv(var))) return *_errno() = ENOENT;
    len = wcslen(name);
    for (; *list; list = *end ? end + 1 : end)
    {
        if (!(end = wcschr(list, ';'))) end = list + wcslen(list);
        dir_len = end - list;
        if (dir_len >= 2 && list[0] == '"' && list[dir_len - 1] == '"') { list++; dir_len -= 2; }
        if (!dir_len) continue;
        if (!(path = malloc((dir_len + len + 2) * sizeof(wchar_t)))) return *_errno() = ENOMEM;
        memcpy(path, list, dir_len * sizeof(wchar_t));
        if (path[dir_len - 1] != '\\' && path[dir_len - 1] != '/') path[dir_len++] = '\\';
        wcscpy(path + dir_len, name);
        if (exists(path))
        {
            ret = give(path, out, size);
            free(path);
            return ret;
        }
        free(path);
    }
    return *_errno() = ENOENT;
}

errno_t __cdecl _searchenv_s(const char *name, const char *var, char *out, size_t size)
{
    wchar_t *wname, *wvar = NULL, wout[MAX_PATH * 2];
    errno_t ret;
    int n;

    if (!name || !out || !size)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    out[0] = 0;
    wname = msvcrt_narrow_to_wide(name, CP_ACP);
    if (var) wvar = msvcrt_narrow_to_wide(var, CP_ACP);
    if (!wname || (var && !wvar)) ret = *_errno() = ENOMEM;
    else if (!(ret = _wsearchenv_s(wname, wvar, wout, ARRAYSIZE(wout))))
    {
        n = WideCharToMultiByte(CP_ACP, 0, wout, -1, NULL, 0, NULL, NULL);
        if (n > 0 && (size_t)n <= size) WideCharToMultiByte(CP_ACP, 0, wout, -1, out, size, NULL, NULL);
        else ret = *_errno() = ERANGE;
    }
    free(wname);
    free(wvar);
    return ret;
}

void __cdecl _wsearchenv(const wchar_t *name, const wchar_t *var, wchar_t *out)
{
    _wsearchenv_s(name, var, out, MAX_PATH);
}

void __cdecl _searchenv(const char *name, const char *var, char *out)
{
    _searchenv_s(name, var, out, MAX_PATH);
}
