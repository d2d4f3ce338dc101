/*
 * dlls/msvcrt/spawn.c — the _spawn and _exec families and _cwait.
 *
 * A program is found as the CRT documents it, then started through
 * CreateProcess with handles inherited, the fd table handed down in
 * STARTUPINFO.lpReserved2 (lowio.c: msvcrt_fd_block, inherit_fds), the
 * arguments joined by single spaces and never quoted ("hi there" reaches
 * the child as two arguments, as the documentation warns), and the
 * environment from envp, or the parent's when envp is NULL.
 *
 * Modes: _P_WAIT waits and returns the exit code; _P_NOWAIT and _P_NOWAITO
 * return the process handle, which _cwait waits on and closes; _P_DETACH
 * starts the child without a console and returns 0 (so _cwait on it fails);
 * _P_OVERLAY, which every _exec function is, starts the child and ends the
 * caller with _exit(0). Windows has no exec: whoever waits on the caller
 * sees 0 at once while the new program runs on (CPython's os.execv on
 * Windows shows the same: python/cpython#101191).
 *
 * The search: a name whose last component has an extension is tried as it
 * is ("name." as "name"); without one, the name itself, then with .com,
 * .exe, .bat and .cmd. The p forms, when that fails and the name has no
 * drive or slash, try each folder of the CRT's PATH in the same way.
 *
 * Errors: -1 with errno EINVAL (after the invalid-parameter handler) for a
 * NULL or empty name, no argv[0] or an empty one, an unknown mode; ENOENT
 * when nothing is found; E2BIG for a command line past CreateProcess's
 * 32767 characters (the documentation's 1024 bytes are MS-DOS's); else
 * CreateProcess's error mapped (ENOEXEC for a file that is no program).
 */
#include "private.h"
#include <process.h>
#include <stdarg.h>
#include <wchar.h>

#define MAX_COMMAND_LINE 32767    /* CreateProcess's limit, its NUL counted */

static const wchar_t *const extensions[] = { L".com", L".exe", L".bat", L".cmd" };

static BOOL is_file(const wchar_t *path)
{
    DWORD attr = GetFileAttributesW(path);
    return attr != INVALID_FILE_ATTRIBUTES && !(attr & FILE_ATTRIBUTE_DIRECTORY);
}

/* buf holds a candidate of len characters, with room for 4 more: TRUE when
   it (or it with an extension, kept in buf) is a file */
static BOOL try_candidate(wchar_t *buf, size_t len)
{
    const wchar_t *base = buf, *p;
    size_t i;

    for (p = buf; *p; p++)
        if (*p == '\\' || *p == '/' || *p == ':') base = p + 1;
    if ((p = wcsrchr(base, '.')))
    {
        if (!p[1]) buf[--len] = 0;
        return is_file(buf);
    }
    if (is_file(buf)) return TRUE;
    for (i = 0; i < ARRAYSIZE(extensions); i++)
    {
        wcscpy(buf + len, extensions[i]);
        if (is_file(buf)) return TRUE;
    }
    buf[len] = 0;
    return FALSE;
}

/* the file to run, on the heap; NULL with errno set when there is none */
static wchar_t *find_program(const wchar_t *name, BOOL use_path)
{
    size_t len = wcslen(name), dir_len;
    const wchar_t *path, *end;
    wchar_t *buf;

    if (!(buf = malloc((len + 5) * sizeof(wchar_t)))) goto no_memory;
    wcscpy(buf, name);
    if (try_candidate(buf, len)) return buf;
    free(buf);
    if (use_path && !wcspbrk(name, L"\\/:") && (path = _wgetenv(L"PATH")))
    {
        for (; *path; path = *end ? end + 1 : end)
        {
            if (!(end = wcschr(path, ';'))) end = path + wcslen(path);
            dir_len = end - path;
            if (dir_len >= 2 && path[0] == '"' && path[dir_len - 1] == '"') { path++; dir_len -= 2; }
            if (!dir_len) continue;
            if (!(buf = malloc((dir_len + len + 6) * sizeof(wchar_t)))) goto no_memory;
            memcpy(buf, path, dir_len * sizeof(wchar_t));
            if (buf[dir_len - 1] != '\\' && buf[dir_len - 1] != '/') buf[dir_len++] = '\\';
            wcscpy(buf + dir_len, name);
            if (try_candidate(buf, dir_len + len)) return buf;
            free(buf);
        }
    }
    *_errno() = ENOENT;
    return NULL;
no_memory:
    *_errno() = ENOMEM;
    return NULL;
}

/* argv joined by spaces, on the heap; NULL with errno set */
static wchar_t *command_line(const wchar_t *const *argv)
{
    size_t len = 0, i;
    wchar_t *line, *p;

    for (i = 0; argv[i]; i++) len += wcslen(argv[i]) + 1;
    if (len > MAX_COMMAND_LINE) { *_errno() = E2BIG; return NULL; }
    if (!(p = line = malloc(len * sizeof(wchar_t)))) { *_errno() = ENOMEM; return NULL; }
    for (i = 0; argv[i]; i++)
    {
        if (i) *p++ = ' ';
        wcscpy(p, argv[i]);
        p += wcslen(p);
    }
    return line;
}

/* "A=1\0B=2\0\0" from envp, on the heap; NULL with errno set */
static wchar_t *environment_block(const wchar_t *const *envp)
{
    size_t len = 1, i, n;
    wchar_t *block, *p;

    for (i = 0; envp[i]; i++) len += wcslen(envp[i]) + 1;
    if (!(p = block = malloc((len + 1) * sizeof(wchar_t)))) { *_errno() = ENOMEM; return NULL; }
    for (i = 0; envp[i]; i++)
    {
        n = wcslen(envp[i]) + 1;
        memcpy(p, envp[i], n * sizeof(wchar_t));
        p += n;
    }
    *p++ = 0;
    if (p == block + 1) *p = 0;   /* no variable: still two NULs */
    return block;
}

static intptr_t spawn(int mode, const wchar_t *name, const wchar_t *const *argv,
                      const wchar_t *const *envp, BOOL use_path)
{
    wchar_t *program = NULL, *line = NULL, *env = NULL;
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD code, flags = envp ? CREATE_UNICODE_ENVIRONMENT : 0;
    intptr_t ret = -1;
    BOOL ok;

    if (!name || !*name || !argv || !argv[0] || !*argv[0] || mode < _P_WAIT || mode > _P_DETACH)
    {
        msvcrt_invalid_parameter();
        *_errno() = EINVAL;
        return -1;
    }
    if (!(program = find_program(name, use_path)) || !(line = command_line(argv)) ||
        (envp && !(env = environment_block(envp))))
        goto done;
    if (!(si.lpReserved2 = msvcrt_fd_block(&si.cbReserved2))) { *_errno() = ENOMEM; goto done; }
    if (mode == _P_DETACH) flags |= DETACHED_PROCESS;
    ok = CreateProcessW(program, line, NULL, NULL, TRUE, flags, env, NULL, &si, &pi);
    free(si.lpReserved2);
    if (!ok)
    {
        msvcrt_set_errno_from_win32(GetLastError());
        goto done;
    }
    CloseHandle(pi.hThread);
    switch (mode)
    {
    case _P_WAIT:
        WaitForSingleObject(pi.hProcess, INFINITE);
        if (!GetExitCodeProcess(pi.hProcess, &code)) code = (DWORD)-1;
        CloseHandle(pi.hProcess);
        ret = (int)code;
        break;
    case _P_OVERLAY:
        _exit(0);
    case _P_DETACH:
        CloseHandle(pi.hProcess);
        ret = 0;
        break;
    default:   /* _P_NOWAIT, _P_NOWAITO */
        ret = (intptr_t)pi.hProcess;
        break;
    }
done:
    free(program);
    free(line);
    free(env);
    return ret;
}

/* ---- narrow strings: converted in the ANSI code page ---- */

static void free_array(wchar_t **array)
{
    size_t i;
    if (!array) return;
    for (i = 0; array[i]; i++) free(array[i]);
    free(array);
}

/* a wide copy of a NULL-ended array (NULL stays NULL); *failed on no memory */
static wchar_t **wide_array(const char *const *array, BOOL *failed)
{
    size_t n = 0, i;
    wchar_t **ret;

    if (!array) return NULL;
    while (array[n]) n++;
    if (!(ret = calloc(n + 1, sizeof(*ret)))) { *failed = TRUE; return NULL; }
    for (i = 0; i < n; i++)
        if (!(ret[i] = msvcrt_narrow_to_wide(array[i], CP_ACP))) *failed = TRUE;
    return ret;
}

static intptr_t spawn_narrow(int mode, const char *name, const char *const *argv,
                             const char *const *envp, BOOL use_path)
{
    wchar_t *wname = name ? msvcrt_narrow_to_wide(name, CP_ACP) : NULL;
    BOOL failed = name && !wname;
    wchar_t **wargv = wide_array(argv, &failed), **wenvp = wide_array(envp, &failed);
    intptr_t ret = -1;

    if (failed) *_errno() = ENOMEM;
    else ret = spawn(mode, wname, (const wchar_t *const *)wargv, (const wchar_t *const *)wenvp, use_path);
    free(wname);
    free_array(wargv);
    free_array(wenvp);
    return ret;
}

/* ---- the l forms: the arguments up to a NULL, then envp for the e forms ---- */

static const void **collect_args(const void *arg0, va_list ap, BOOL with_env, const void *const **envp)
{
    const void **args;
    size_t n = 1, i;
    va_list count;

    va_copy(count, ap);
    if (arg0) while (va_arg(count, const void *)) n++;
    va_end(count);
    if (!(args = malloc((n + 1) * sizeof(*args)))) { *_errno() = ENOMEM; return NULL; }
    args[0] = arg0;
    for (i = 1; i < n; i++) args[i] = va_arg(ap, const void *);
    args[n] = NULL;
    *envp = NULL;
    if (with_env && arg0)
    {
        (void)va_arg(ap, const void *);   /* the NULL that ends the arguments */
        *envp = va_arg(ap, const void *const *);
    }
    return args;
}

static intptr_t spawnl_narrow(int mode, const char *name, const char *arg0, va_list ap,
                              BOOL with_env, BOOL use_path)
{
    const void *const *envp;
    const void **args = collect_args(arg0, ap, with_env, &envp);
    intptr_t ret;

    if (!args) return -1;
    ret = spawn_narrow(mode, name, (const char *const *)args, (const char *const *)envp, use_path);
    free(args);
    return ret;
}

static intptr_t spawnl_wide(int mode, const wchar_t *name, const wchar_t *arg0, va_list ap,
                            BOOL with_env, BOOL use_path)
{
    const void *const *envp;
    const void **args = collect_args(arg0, ap, with_env, &envp);
    intptr_t ret;

    if (!args) return -1;
    ret = spawn(mode, name, (const wchar_t *const *)args, (const wchar_t *const *)envp, use_path);
    free(args);
    return ret;
}

#define SPAWNL(func, mode_param, mode, type, impl, with_env, use_path) \
    intptr_t __cdecl func(mode_param const type *name, const type *arg0, ...) \
    { \
        intptr_t ret; \
        va_list ap; \
        va_start(ap, arg0); \
        ret = impl(mode, name, arg0, ap, with_env, use_path); \
        va_end(ap); \
        return ret; \
    }

#define MODE int mode,
#define NO_MODE

SPAWNL(_spawnl,    MODE, mode, char, spawnl_narrow, FALSE, FALSE)
SPAWNL(_spawnle,   MODE, mode, char, spawnl_narrow, TRUE,  FALSE)
SPAWNL(_spawnlp,   MODE, mode, char, spawnl_narrow, FALSE, TRUE)
SPAWNL(_spawnlpe,  MODE, mode, char, spawnl_narrow, TRUE,  TRUE)
SPAWNL(_wspawnl,   MODE, mode, wchar_t, spawnl_wide, FALSE, FALSE)
SPAWNL(_wspawnle,  MODE, mode, wchar_t, spawnl_wide, TRUE,  FALSE)
SPAWNL(_wspawnlp,  MODE, mode, wchar_t, spawnl_wide, FALSE, TRUE)
SPAWNL(_wspawnlpe, MODE, mode, wchar_t, spawnl_wide, TRUE,  TRUE)
SPAWNL(_execl,    NO_MODE, _P_OVERLAY, char, spawnl_narrow, FALSE, FALSE)
SPAWNL(_execle,   NO_MODE, _P_OVERLAY, char, spawnl_narrow, TRUE,  FALSE)
SPAWNL(_execlp,   NO_MODE, _P_OVERLAY, char, spawnl_narrow, FALSE, TRUE)
SPAWNL(_execlpe,  NO_MODE, _P_OVERLAY, char, spawnl_narrow, TRUE,  TRUE)
SPAWNL(_wexecl,   NO_MODE, _P_OVERLAY, wchar_t, spawnl_wide, FALSE, FALSE)
SPAWNL(_wexecle,  NO_MODE, _P_OVERLAY, wchar_t, spawnl_wide, TRUE,  FALSE)
SPAWNL(_wexeclp,  NO_MODE, _P_OVERLAY, wchar_t, spawnl_wide, FALSE, TRUE)
SPAWNL(_wexeclpe, NO_MODE, _P_OVERLAY, wchar_t, spawnl_wide, TRUE,  TRUE)

/* ---- the v forms ---- */

intptr_t __cdecl _spawnv(int mode, const char *name, const char *const *argv)
{ return spawn_narrow(mode, name, argv, NULL, FALSE); }
intptr_t __cdecl _spawnve(int mode, const char *name, const char *const *argv, const char *const *envp)
{ return spawn_narrow(mode, name, argv, envp, FALSE); }
intptr_t __cdecl _spawnvp(int mode, const char *name, const char *const *argv)
{ return spawn_narrow(mode, name, argv, NULL, TRUE); }
intptr_t __cdecl _spawnvpe(int mode, const char *name, const char *const *argv, const char *const *envp)
{ return spawn_narrow(mode, name, argv, envp, TRUE); }
intptr_t __cdecl _wspawnv(int mode, const wchar_t *name, const wchar_t *const *argv)
{ return spawn(mode, name, argv, NULL, FALSE); }
intptr_t __cdecl _wspawnve(int mode, const wchar_t *name, const wchar_t *const *argv, const wchar_t *const *envp)
{ return spawn(mode, name, argv, envp, FALSE); }
intptr_t __cdecl _wspawnvp(int mode, const wchar_t *name, const wchar_t *const *argv)
{ return spawn(mode, name, argv, NULL, TRUE); }
intptr_t __cdecl _wspawnvpe(int mode, const wchar_t *name, const wchar_t *const *argv, const wchar_t *const *envp)
{ return spawn(mode, name, argv, envp, TRUE); }

intptr_t __cdecl _execv(const char *name, const char *const *argv)
{ return spawn_narrow(_P_OVERLAY, name, argv, NULL, FALSE); }
intptr_t __cdecl _execve(const char *name, const char *const *argv, const char *const *envp)
{ return spawn_narrow(_P_OVERLAY, name, argv, envp, FALSE); }
intptr_t __cdecl _execvp(const char *name, const char *const *argv)
{ return spawn_narrow(_P_OVERLAY, name, argv, NULL, TRUE); }
intptr_t __cdecl _execvpe(const char *name, const char *const *argv, const char *const *envp)
{ return spawn_narrow(_P_OVERLAY, name, argv, envp, TRUE); }
intptr_t __cdecl _wexecv(const wchar_t *name, const wchar_t *const *argv)
{ return spawn(_P_OVERLAY, name, argv, NULL, FALSE); }
intptr_t __cdecl _wexecve(const wchar_t *name, const wchar_t *const *argv, const wchar_t *const *envp)
{ return spawn(_P_OVERLAY, name, argv, envp, FALSE); }
intptr_t __cdecl _wexecvp(const wchar_t *name, const wchar_t *const *argv)
{ return spawn(_P_OVERLAY, name, argv, NULL, TRUE); }
intptr_t __cdecl _wexecvpe(const wchar_t *name, const wchar_t *const *argv, const wchar_t *const *envp)
{ return spawn(_P_OVERLAY, name, argv, envp, TRUE); }

/* ---- _cwait ---- */

/* The action is ignored (Windows has no process tree to choose in); the
   handle is closed unless it is a pseudo handle (documented). */
intptr_t __cdecl _cwait(int *status, intptr_t handle, int action)
{
    HANDLE process = (HANDLE)handle;
    DWORD code;

    if (WaitForSingleObject(process, INFINITE) == WAIT_FAILED || !GetExitCodeProcess(process, &code))
    {
        *__doserrno() = GetLastError();
        *_errno() = ECHILD;
        return -1;
    }
    if (status) *status = (int)code;
    if (handle != -1 && handle != -2) CloseHandle(process);
    return handle;
}
