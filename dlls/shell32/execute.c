/*
 * ShellExecute(Ex): with no file associations yet, the only thing that can
 * run is a program: the "open" verb (or none) on an .exe/.com, found like
 * CreateProcess finds it, started with CreateProcessW. Anything else (a
 * document, a URL) fails the way Windows fails for a file type or protocol
 * with no handler: SE_ERR_NOASSOC, ERROR_NO_ASSOCIATION
 * (tests/shell32/execute.c).
 */
#include "private.h"

#define SE_SUCCESS 42   /* any value above 32 means success */

/* TRUE when `file` names a program (by its extension) */
static BOOL is_program(const WCHAR *file)
{
    const WCHAR *dot = NULL;

    for (const WCHAR *p = file; *p; p++)
    {
        if (*p == '\\' || *p == '/') dot = NULL;
        else if (*p == '.') dot = p;
    }
    return dot && (!lstrcmpiW(dot, L".exe") || !lstrcmpiW(dot, L".com"));
}

/* TRUE when `file` is a URL ("scheme:..."; a drive letter is not a scheme) */
static BOOL is_url(const WCHAR *file)
{
    const WCHAR *p = file;

    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
           *p == '+' || *p == '-' || *p == '.')
        p++;
    return *p == ':' && p - file > 1;
}

/* fails with `se` in hInstApp and `err` as the last error */
static BOOL fail(SHELLEXECUTEINFOW *info, UINT_PTR se, DWORD err)
{
    info->hInstApp = (HINSTANCE)se;
    SetLastError(err);
    return FALSE;
}

/* "\"program\" parameters" into a new heap string */
static WCHAR *build_command_line(const WCHAR *program, const WCHAR *params)
{
    size_t len = lstrlenW(program) + (params ? lstrlenW(params) : 0) + 4;
    WCHAR *cmd = HeapAlloc(GetProcessHeap(), 0, len * sizeof(WCHAR));

    if (!cmd) return NULL;
    lstrcpyW(cmd, L"\"");
    lstrcatW(cmd, program);
    lstrcatW(cmd, L"\"");
    if (params && *params)
    {
        lstrcatW(cmd, L" ");
        lstrcatW(cmd, params);
    }
    return cmd;
}

BOOL WINAPI ShellExecuteExW(SHELLEXECUTEINFOW *info)
{
    WCHAR program[MAX_PATH], *cmd;
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    BOOL ok;

    if (!info || info->cbSize != sizeof(*info)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    info->hProcess = NULL;
    if (!info->lpFile || !*info->lpFile) return fail(info, SE_ERR_FNF, ERROR_FILE_NOT_FOUND);
    if (info->lpVerb && *info->lpVerb && lstrcmpiW(info->lpVerb, L"open"))
        return fail(info, SE_ERR_NOASSOC, ERROR_NO_ASSOCIATION);
    /* no protocol has a handler: there is no desktop to open a URL on */
    if (is_url(info->lpFile)) return fail(info, SE_ERR_NOASSOC, ERROR_NO_ASSOCIATION);
    if (!SearchPathW(NULL, info->lpFile, L".exe", MAX_PATH, program, NULL))
        return fail(info, SE_ERR_FNF, ERROR_FILE_NOT_FOUND);
    if (!is_program(program)) return fail(info, SE_ERR_NOASSOC, ERROR_NO_ASSOCIATION);

    if (!(cmd = build_command_line(program, info->lpParameters))) return fail(info, SE_ERR_OOM, ERROR_NOT_ENOUGH_MEMORY);
    si.dwFlags = STARTF_USESHOWWINDOW;
    si.wShowWindow = info->nShow;
    ok = CreateProcessW(program, cmd, NULL, NULL, FALSE, 0, NULL,
                        info->lpDirectory && *info->lpDirectory ? info->lpDirectory : NULL, &si, &pi);
    HeapFree(GetProcessHeap(), 0, cmd);
    if (!ok)
    {
        DWORD err = GetLastError();
        return fail(info, err == ERROR_FILE_NOT_FOUND ? SE_ERR_FNF : SE_ERR_ACCESSDENIED, err);
    }
    CloseHandle(pi.hThread);
    if (info->fMask & SEE_MASK_NOCLOSEPROCESS) info->hProcess = pi.hProcess;
    else CloseHandle(pi.hProcess);
    info->hInstApp = (HINSTANCE)SE_SUCCESS;
    return TRUE;
}

HINSTANCE WINAPI ShellExecuteW(HWND owner, LPCWSTR verb, LPCWSTR file, LPCWSTR params, LPCWSTR dir, INT show)
{
    SHELLEXECUTEINFOW info = { sizeof(info) };

    info.hwnd = owner;
    info.lpVerb = verb;
    info.lpFile = file;
    info.lpParameters = params;
    info.lpDirectory = dir;
    info.nShow = show;
    ShellExecuteExW(&info);
    return info.hInstApp;
}

/* the four strings of the A forms, converted */
struct wide_args { WCHAR *verb, *file, *params, *dir; };

static void widen(struct wide_args *w, LPCSTR verb, LPCSTR file, LPCSTR params, LPCSTR dir)
{
    w->verb = shell32_strdup_aw(verb);
    w->file = shell32_strdup_aw(file);
    w->params = shell32_strdup_aw(params);
    w->dir = shell32_strdup_aw(dir);
}

static void free_wide(struct wide_args *w)
{
    HeapFree(GetProcessHeap(), 0, w->verb);
    HeapFree(GetProcessHeap(), 0, w->file);
    HeapFree(GetProcessHeap(), 0, w->params);
    HeapFree(GetProcessHeap(), 0, w->dir);
}

BOOL WINAPI ShellExecuteExA(SHELLEXECUTEINFOA *info)
{
    SHELLEXECUTEINFOW w;
    struct wide_args args;
    BOOL ok;

    if (!info || info->cbSize != sizeof(*info)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    memcpy(&w, info, sizeof(w));   /* same layout, the strings aside */
    w.cbSize = sizeof(w);
    widen(&args, info->lpVerb, info->lpFile, info->lpParameters, info->lpDirectory);
    w.lpVerb = args.verb;
    w.lpFile = args.file;
    w.lpParameters = args.params;
    w.lpDirectory = args.dir;
    w.lpClass = NULL;
    ok = ShellExecuteExW(&w);
    info->hInstApp = w.hInstApp;
    info->hProcess = w.hProcess;
    free_wide(&args);
    return ok;
}

HINSTANCE WINAPI ShellExecuteA(HWND owner, LPCSTR verb, LPCSTR file, LPCSTR params, LPCSTR dir, INT show)
{
    struct wide_args args;
    HINSTANCE ret;

    widen(&args, verb, file, params, dir);
    ret = ShellExecuteW(owner, args.verb, args.file, args.params, args.dir, show);
    free_wide(&args);
    return ret;
}

/*
 * FindExecutable: the program that would open `file`. With no associations,
 * a program answers itself and anything else has no handler
 * (tests/shell32/findexec.c). A relative name is looked for in `dir` first.
 */
HINSTANCE WINAPI FindExecutableW(LPCWSTR file, LPCWSTR dir, LPWSTR result)
{
    WCHAR path[MAX_PATH];
    DWORD attr;

    if (!result) return (HINSTANCE)SE_ERR_OOM;
    result[0] = 0;
    if (!file || !*file) return (HINSTANCE)SE_ERR_FNF;
    path[0] = 0;
    if (dir && *dir && PathIsRelativeW(file) && PathCombineW(path, dir, file))
    {
        attr = GetFileAttributesW(path);
        if (attr == INVALID_FILE_ATTRIBUTES || (attr & FILE_ATTRIBUTE_DIRECTORY)) path[0] = 0;
    }
    if (!path[0] && !SearchPathW(NULL, file, NULL, MAX_PATH, path, NULL)) return (HINSTANCE)SE_ERR_FNF;
    if (!is_program(path)) return (HINSTANCE)SE_ERR_NOASSOC;
    lstrcpyW(result, path);
    return (HINSTANCE)SE_SUCCESS;
}

HINSTANCE WINAPI FindExecutableA(LPCSTR file, LPCSTR dir, LPSTR result)
{
    WCHAR resultw[MAX_PATH], *filew = shell32_strdup_aw(file), *dirw = shell32_strdup_aw(dir);
    HINSTANCE ret;

    ret = FindExecutableW(filew, dirw, resultw);
    if (result && !WideCharToMultiByte(CP_ACP, 0, resultw, -1, result, MAX_PATH, NULL, NULL)) result[0] = 0;
    HeapFree(GetProcessHeap(), 0, filew);
    HeapFree(GetProcessHeap(), 0, dirw);
    return ret;
}
