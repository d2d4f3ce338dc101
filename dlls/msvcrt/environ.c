/*
 * Environment: the CRT's own copies (_environ, _wenviron, and __initenv,
 * the block main() received), getenv family, _putenv family. As msvcrt,
 * getenv reads only the CRT's copies; _putenv updates them and the process
 * environment (SetEnvironmentVariable). Names compare case-insensitively
 * and entries starting with '=' (per-drive directories) are left out.
 */
#include "private.h"
#include <string.h>
#include <wchar.h>

char **msvcrt_environ;
wchar_t **msvcrt_wenviron;
char **msvcrt_initenv;
wchar_t **msvcrt_winitenv;

/* ---- conversions shared by the CRT ---- */

char *msvcrt_wide_to_narrow(const wchar_t *str, UINT cp)
{
    int len = WideCharToMultiByte(cp, 0, str, -1, NULL, 0, NULL, NULL);
    char *ret = malloc(len ? len : 1);

    if (ret) WideCharToMultiByte(cp, 0, str, -1, ret, len, NULL, NULL);
    return ret;
}

wchar_t *msvcrt_narrow_to_wide(const char *str, UINT cp)
{
    int len = MultiByteToWideChar(cp, 0, str, -1, NULL, 0);
    wchar_t *ret = malloc((len ? len : 1) * sizeof(wchar_t));

    if (ret) MultiByteToWideChar(cp, 0, str, -1, ret, len);
    return ret;
}

/* ---- building the copies ---- */

static wchar_t **wide_env_from_block(const wchar_t *block)
{
    const wchar_t *p;
    wchar_t **env;
    int count = 0;

    for (p = block; *p; p += lstrlenW(p) + 1) if (*p != '=') count++;
    if (!(env = malloc((count + 1) * sizeof(*env)))) return NULL;
    count = 0;
    for (p = block; *p; p += lstrlenW(p) + 1)
        if (*p != '=') env[count++] = _wcsdup(p);
    env[count] = NULL;
    return env;
}

static char **narrow_env_from_wide(wchar_t **wenv)
{
    char **env;
    int count = 0;

    while (wenv[count]) count++;
    if (!(env = malloc((count + 1) * sizeof(*env)))) return NULL;
    for (count = 0; wenv[count]; count++) env[count] = msvcrt_wide_to_narrow(wenv[count], CP_ACP);
    env[count] = NULL;
    return env;
}

void msvcrt_init_environ(void)
{
    wchar_t *block = GetEnvironmentStringsW();

    msvcrt_wenviron = msvcrt_winitenv = wide_env_from_block(block);
    FreeEnvironmentStringsW(block);
    if (msvcrt_wenviron) msvcrt_environ = msvcrt_initenv = narrow_env_from_wide(msvcrt_wenviron);
}

void msvcrt_free_environ(void)
{
}

char *** __cdecl __p__environ(void) { return &msvcrt_environ; }
wchar_t *** __cdecl __p__wenviron(void) { return &msvcrt_wenviron; }

int __cdecl _initialize_narrow_environment(void) { return 0; }
int __cdecl _initialize_wide_environment(void) { return 0; }
char ** __cdecl _get_initial_narrow_environment(void) { return msvcrt_initenv; }
wchar_t ** __cdecl _get_initial_wide_environment(void) { return msvcrt_winitenv; }

/* ---- lookup ---- */

static int ascii_upper(int c)
{
    return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

/* Length of the name when entry is "name=...", else 0. */
static size_t match_name(const char *entry, const char *name, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (ascii_upper((unsigned char)entry[i]) != ascii_upper((unsigned char)name[i])) return 0;
    return entry[len] == '=' ? len : 0;
}

static size_t match_wname(const wchar_t *entry, const wchar_t *name, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (ascii_upper(entry[i]) != ascii_upper(name[i])) return 0;
    return entry[len] == '=' ? len : 0;
}

static int find_entry(char **env, const char *name, size_t len)
{
    int i;

    for (i = 0; env && env[i]; i++) if (match_name(env[i], name, len)) return i;
    return -1;
}

static int find_wentry(wchar_t **env, const wchar_t *name, size_t len)
{
    int i;

    for (i = 0; env && env[i]; i++) if (match_wname(env[i], name, len)) return i;
    return -1;
}

char * __cdecl getenv(const char *name)
{
    char *ret = NULL;
    size_t len;
    int i;

    if (!name)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return NULL;
    }
    len = strlen(name);
    _lock(MSVCRT_LOCK_ENV);
    if ((i = find_entry(msvcrt_environ, name, len)) >= 0) ret = msvcrt_environ[i] + len + 1;
    _unlock(MSVCRT_LOCK_ENV);
    return ret;
}

wchar_t * __cdecl _wgetenv(const wchar_t *name)
{
    wchar_t *ret = NULL;
    size_t len;
    int i;

    if (!name)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return NULL;
    }
    len = wcslen(name);
    _lock(MSVCRT_LOCK_ENV);
    if ((i = find_wentry(msvcrt_wenviron, name, len)) >= 0) ret = msvcrt_wenviron[i] + len + 1;
    _unlock(MSVCRT_LOCK_ENV);
    return ret;
}

errno_t __cdecl getenv_s(size_t *needed, char *buf, size_t size, const char *name)
{
    const char *value;
    size_t len;

    if (!needed || !name || (!buf && size))
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    if (!(value = getenv(name)))
    {
        *needed = 0;
        if (buf) *buf = 0;
        return 0;
    }
    len = strlen(value) + 1;
    *needed = len;
    if (!buf) return 0;   /* size query */
    if (len > size) return *_errno() = ERANGE;
    memcpy(buf, value, len);
    return 0;
}

errno_t __cdecl _wgetenv_s(size_t *needed, wchar_t *buf, size_t size, const wchar_t *name)
{
    const wchar_t *value;
    size_t len;

    if (!needed || !name || (!buf && size))
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    if (!(value = _wgetenv(name)))
    {
        *needed = 0;
        if (buf) *buf = 0;
        return 0;
    }
    len = wcslen(value) + 1;
    *needed = len;
    if (!buf) return 0;
    if (len > size) return *_errno() = ERANGE;
    memcpy(buf, value, len * sizeof(wchar_t));
    return 0;
}

errno_t __cdecl _dupenv_s(char **ret, size_t *len, const char *name)
{
    const char *value;

    if (!ret || !name)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    *ret = NULL;
    if (len) *len = 0;
    if (!(value = getenv(name))) return 0;
    if (!(*ret = _strdup(value))) return *_errno() = ENOMEM;
    if (len) *len = strlen(value) + 1;
    return 0;
}

errno_t __cdecl _wdupenv_s(wchar_t **ret, size_t *len, const wchar_t *name)
{
    const wchar_t *value;

    if (!ret || !name)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    *ret = NULL;
    if (len) *len = 0;
    if (!(value = _wgetenv(name))) return 0;
    if (!(*ret = _wcsdup(value))) return *_errno() = ENOMEM;
    if (len) *len = wcslen(value) + 1;
    return 0;
}

/* ---- updating ---- */

/* A fresh array with entry `index` replaced, removed (str NULL) or added
 * (index -1). The old array may still be main()'s envp: never touched. */
static void **updated_array(void **env, int index, void *str)
{
    void **ret;
    int count = 0, i, out = 0;

    while (env && env[count]) count++;
    if (!(ret = malloc((count + 2) * sizeof(*ret)))) return NULL;
    for (i = 0; i < count; i++)
    {
        if (i != index) ret[out++] = env[i];
        else if (str) ret[out++] = str;
    }
    if (index < 0 && str) ret[out++] = str;
    ret[out] = NULL;
    return ret;
}

static void replace_array(void ***env, void **fresh, void **initial)
{
    if (*env != initial) free(*env);
    *env = fresh;
}

/* name/value are both forms of one change; value NULL removes. */
static int apply_change(const wchar_t *wname, const wchar_t *wvalue)
{
    size_t len = wcslen(wname);
    wchar_t *wentry = NULL;
    char *entry = NULL, *name;
    void **wfresh, **fresh;
    int ret = -1;

    if (wvalue)
    {
        if (!(wentry = malloc((len + wcslen(wvalue) + 2) * sizeof(wchar_t)))) return -1;
        memcpy(wentry, wname, len * sizeof(wchar_t));
        wentry[len] = '=';
        wcscpy(wentry + len + 1, wvalue);
        entry = msvcrt_wide_to_narrow(wentry, CP_ACP);
    }
    name = msvcrt_wide_to_narrow(wname, CP_ACP);
    _lock(MSVCRT_LOCK_ENV);
    wfresh = updated_array((void **)msvcrt_wenviron, find_wentry(msvcrt_wenviron, wname, len), wentry);
    fresh = updated_array((void **)msvcrt_environ, name ? find_entry(msvcrt_environ, name, strlen(name)) : -1, entry);
    if (wfresh && fresh && (SetEnvironmentVariableW(wname, wvalue) ||
                           (!wvalue && GetLastError() == ERROR_ENVVAR_NOT_FOUND)))
    {
        replace_array((void ***)&msvcrt_wenviron, wfresh, (void **)msvcrt_winitenv);
        replace_array((void ***)&msvcrt_environ, fresh, (void **)msvcrt_initenv);
        ret = 0;
    }
    else
    {
        free(wfresh);
        free(fresh);
        free(wentry);
        free(entry);
    }
    _unlock(MSVCRT_LOCK_ENV);
    free(name);
    return ret;
}

/* "name=value" sets, "name=" removes (documented) */
int __cdecl _wputenv(const wchar_t *str)
{
    const wchar_t *eq;
    wchar_t *name;
    int ret;

    if (!str || !(eq = wcschr(str, '=')) || eq == str)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    if (!(name = malloc((eq - str + 1) * sizeof(wchar_t)))) return -1;
    memcpy(name, str, (eq - str) * sizeof(wchar_t));
    name[eq - str] = 0;
    ret = apply_change(name, eq[1] ? eq + 1 : NULL);
    free(name);
    if (ret) *_errno() = ENOMEM;
    return ret;
}

int __cdecl _putenv(const char *str)
{
    wchar_t *wstr;
    int ret;

    if (!str)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    if (!(wstr = msvcrt_narrow_to_wide(str, CP_ACP))) return -1;
    ret = _wputenv(wstr);
    free(wstr);
    return ret;
}

errno_t __cdecl _wputenv_s(const wchar_t *name, const wchar_t *value)
{
    if (!name || !value || !*name || wcschr(name, '='))
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    if (apply_change(name, *value ? value : NULL)) return *_errno() = ENOMEM;
    return 0;
}

errno_t __cdecl _putenv_s(const char *name, const char *value)
{
    wchar_t *wname, *wvalue;
    errno_t ret;

    if (!name || !value)
    {
        msvcrt_invalid_parameter();
        return *_errno() = EINVAL;
    }
    wname = msvcrt_narrow_to_wide(name, CP_ACP);
    wvalue = msvcrt_narrow_to_wide(value, CP_ACP);
    ret = wname && wvalue ? _wputenv_s(wname, wvalue) : ENOMEM;
    free(wname);
    free(wvalue);
    return ret;
}

#ifdef WLX_UCRT
/* __dcrt_get_wide_environment_from_os: a copy of the process's wide
 * environment block as the system has it (NAME=value strings, a double
 * NUL at the end) in memory the caller frees with free(); NULL when it
 * cannot be had. */
wchar_t * __cdecl __dcrt_get_wide_environment_from_os(void)
{
    wchar_t *block = GetEnvironmentStringsW(), *end, *copy;
    size_t size;

    if (!block) return NULL;
    for (end = block; *end; end += wcslen(end) + 1) ;
    size = (end + 1 - block) * sizeof(wchar_t);
    if ((copy = malloc(size))) memcpy(copy, block, size);
    FreeEnvironmentStringsW(block);
    return copy;
}
#endif
