/*
 * kernel32/process.c — processes: this one (start-up info, ids, exit) and
 * others (CreateProcess, OpenProcess, exit codes, ids, termination).
 *
 * Sections: this process · finding the program · CreateProcess · other
 * processes.
 */
#include "private.h"
#include "wlx/procstart.h"

BOOL k32_is_console(HANDLE h);   /* console.c */

NTSTATUS NTAPI __wlx_create_process(struct wlx_create_process *);
NTSTATUS NTAPI NtOpenProcess(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, CLIENT_ID *);

static STARTUPINFOA startup_a;

void WINAPI GetStartupInfoW(STARTUPINFOW *info)
{
    BYTE *pp = k32_params();
    memset(info, 0, sizeof(*info));
    info->cb = sizeof(*info);
    info->lpDesktop = ((UNICODE_STRING *)(pp + PP_DESKTOP_INFO))->Buffer;
    info->lpTitle = ((UNICODE_STRING *)(pp + PP_WINDOW_TITLE))->Buffer;
    info->dwFlags = *(DWORD *)(pp + PP_WINDOW_FLAGS);
    info->wShowWindow = (WORD)*(DWORD *)(pp + PP_SHOW_WINDOW_FLAGS);
    info->hStdInput = *(HANDLE *)(pp + PP_STDIN);
    info->hStdOutput = *(HANDLE *)(pp + PP_STDOUT);
    info->hStdError = *(HANDLE *)(pp + PP_STDERR);
    /* the C runtime's data from the parent (msvcrt passes its fd table) */
    UNICODE_STRING *rt = (UNICODE_STRING *)(pp + PP_RUNTIME_DATA);
    info->cbReserved2 = rt->Buffer ? rt->Length : 0;
    info->lpReserved2 = rt->Buffer ? (BYTE *)rt->Buffer : NULL;
}

void WINAPI GetStartupInfoA(STARTUPINFOA *info)
{
    STARTUPINFOW w;
    GetStartupInfoW(&w);
    memset(info, 0, sizeof(*info));
    info->cb = sizeof(*info);
    info->dwFlags = w.dwFlags;
    info->wShowWindow = w.wShowWindow;
    info->hStdInput = w.hStdInput;
    info->hStdOutput = w.hStdOutput;
    info->hStdError = w.hStdError;
    info->cbReserved2 = w.cbReserved2;
    info->lpReserved2 = w.lpReserved2;
    info->lpDesktop = startup_a.lpDesktop;
    info->lpTitle = startup_a.lpTitle;
}

void WINAPI ExitProcess(UINT code)
{
    RtlExitUserProcess(code);
}

BOOL WINAPI TerminateProcess(HANDLE process, UINT code)
{
    if (!process) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    return set_ntstatus(NtTerminateProcess(process, code));
}

#undef GetCurrentProcess
#undef GetCurrentThread
HANDLE WINAPI GetCurrentProcess(void) { return NtCurrentProcess(); }
HANDLE WINAPI GetCurrentThread(void) { return NtCurrentThread(); }
DWORD WINAPI GetCurrentProcessId(void) { return (DWORD)*(ULONG_PTR *)(k32_teb() + TEB_CLIENT_PROCESS); }
DWORD WINAPI GetCurrentThreadId(void) { return (DWORD)*(ULONG_PTR *)(k32_teb() + TEB_CLIENT_THREAD); }
DWORD WINAPI GetCurrentProcessorNumber(void) { return 0; }

BOOL WINAPI IsDebuggerPresent(void) { return *(BYTE *)(k32_peb() + PEB_BEING_DEBUGGED) != 0; }

/* no WOW64 here: every process is native 64-bit */
BOOL WINAPI IsWow64Process(HANDLE process, BOOL *wow64)
{
    (void)process;
    *wow64 = FALSE;
    return TRUE;
}

/* File system redirection is a WOW64 thing: a native 64-bit process has
   none to turn off and gets ERROR_INVALID_FUNCTION (STATUS_NOT_IMPLEMENTED) */
BOOL WINAPI Wow64DisableWow64FsRedirection(PVOID *old)
{
    (void)old;
    SetLastError(ERROR_INVALID_FUNCTION);
    return FALSE;
}

BOOL WINAPI Wow64RevertWow64FsRedirection(PVOID old)
{
    (void)old;
    SetLastError(ERROR_INVALID_FUNCTION);
    return FALSE;
}

BOOLEAN WINAPI Wow64EnableWow64FsRedirection(BOOLEAN enable)
{
    (void)enable;
    SetLastError(ERROR_INVALID_FUNCTION);
    return FALSE;
}

/* the process's machine: not WOW64 (IMAGE_FILE_MACHINE_UNKNOWN), on x86-64 */
BOOL WINAPI IsWow64Process2(HANDLE process, USHORT *process_machine, USHORT *native_machine)
{
    (void)process;
    *process_machine = IMAGE_FILE_MACHINE_UNKNOWN;
    if (native_machine) *native_machine = IMAGE_FILE_MACHINE_AMD64;
    return TRUE;
}

UINT WINAPI SetErrorMode(UINT mode)
{
    static UINT current;
    UINT old = current;
    current = mode;
    return old;
}

UINT WINAPI GetErrorMode(void)
{
    UINT mode = SetErrorMode(0);
    SetErrorMode(mode);
    return mode;
}


/* --- finding the program ----------------------------------------------------------- */

static BOOL is_file(const WCHAR *path)
{
    DWORD attr = GetFileAttributesW(path);
    return attr != INVALID_FILE_ATTRIBUTES && !(attr & FILE_ATTRIBUTE_DIRECTORY);
}

/* a name from the command line: ".exe" added when it has no extension, then
   the program's folder, the current folder, system32, Windows, PATH */
static BOOL search_exe(const WCHAR *name, size_t len, WCHAR *out)
{
    WCHAR buf[MAX_PATH];
    if (!len || len >= MAX_PATH) return FALSE;
    memcpy(buf, name, len * sizeof(WCHAR));
    buf[len] = 0;
    DWORD n = SearchPathW(NULL, buf, L".exe", MAX_PATH, out, NULL);
    return n && n < MAX_PATH && is_file(out);
}

/* The application name is used as given (no search, no extension). Otherwise
   the first token of the command line: a quoted one as it is; an unquoted one
   with spaces is tried a word at a time ("c:\program files\a b.exe"). */
static BOOL find_program(const WCHAR *app, const WCHAR *cmdline, WCHAR *out)
{
    if (app)
    {
        DWORD n = GetFullPathNameW(app, MAX_PATH, out, NULL);
        if (n && n < MAX_PATH && is_file(out)) return TRUE;
        SetLastError(ERROR_FILE_NOT_FOUND);
        return FALSE;
    }
    if (!cmdline) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    while (*cmdline == ' ' || *cmdline == '\t') cmdline++;
    if (*cmdline == '"')
    {
        const WCHAR *end = wcschr(cmdline + 1, '"');
        size_t len = end ? (size_t)(end - cmdline - 1) : wcslen(cmdline + 1);
        if (search_exe(cmdline + 1, len, out)) return TRUE;
    }
    else
    {
        const WCHAR *p = cmdline;
        for (;;)
        {
            while (*p && *p != ' ' && *p != '\t') p++;
            if (search_exe(cmdline, p - cmdline, out)) return TRUE;
            if (!*p) break;
            while (*p == ' ' || *p == '\t') p++;
            if (!*p) break;
        }
    }
    SetLastError(ERROR_FILE_NOT_FOUND);
    return FALSE;
}

/* --- CreateProcess ------------------------------------------------------------------- */

static SIZE_T env_block_size_w(const WCHAR *env)
{
    const WCHAR *p = env;
    while (*p) p += wcslen(p) + 1;
    return (p - env + 1) * sizeof(WCHAR);
}

/* NULL: the current block; ANSI unless CREATE_UNICODE_ENVIRONMENT */
static WCHAR *child_env(void *env, DWORD flags, SIZE_T *size)
{
    if (!env) env = *(WCHAR **)(k32_params() + PP_ENVIRONMENT);
    else if (!(flags & CREATE_UNICODE_ENVIRONMENT))
    {
        const char *a = env, *p = a;
        while (*p) p += strlen(p) + 1;
        int len = p - a + 1;
        int wlen = MultiByteToWideChar(CP_ACP, 0, a, len, NULL, 0);
        WCHAR *w = RtlAllocateHeap(PROCESS_HEAP(), 0, wlen * sizeof(WCHAR));
        if (!w) return NULL;
        MultiByteToWideChar(CP_ACP, 0, a, len, w, wlen);
        *size = wlen * sizeof(WCHAR);
        return w;
    }
    *size = env_block_size_w(env);
    return env;
}

/* the current folder of the child, as a full path ending with '\' */
static BOOL child_curdir(const WCHAR *curdir, WCHAR *out)
{
    DWORD n = curdir ? GetFullPathNameW(curdir, MAX_PATH, out, NULL) : GetCurrentDirectoryW(MAX_PATH, out);
    if (!n || n >= MAX_PATH - 1) { SetLastError(ERROR_DIRECTORY); return FALSE; }
    DWORD attr = GetFileAttributesW(out);
    if (attr == INVALID_FILE_ATTRIBUTES || !(attr & FILE_ATTRIBUTE_DIRECTORY)) { SetLastError(ERROR_DIRECTORY); return FALSE; }
    if (out[n - 1] != '\\') { out[n] = '\\'; out[n + 1] = 0; }
    return TRUE;
}

/* The child's std handles. STARTF_USESTDHANDLES: the members as they are
   (NULL and INVALID_HANDLE_VALUE included). Otherwise a console program
   shares our console and gets our std handles, but DETACHED_PROCESS has no
   console and so no std handles (NULL), and CREATE_NEW_CONSOLE and
   CREATE_NO_WINDOW give it a console of its own: here one without a window,
   whose handles are the null device (valid, writes go nowhere, reads end at
   once). tests/kernel32/stdhandles.c. A pseudoconsole's child has its
   console instead of NULL members (node-pty and Windows Terminal pass
   STARTF_USESTDHANDLES with NULLs so), or without STARTF_USESTDHANDLES
   instead of our std handles that are a console or NULL; ours that are
   not (a redirected parent's pipes) go to the child as they are, as on
   Windows (microsoft/terminal#11276). tests/kernel32/pseudoconsole.c.
   Returns the handle to close after the child started, or
   INVALID_HANDLE_VALUE. */
static HANDLE child_std_handles(const STARTUPINFOW *si, DWORD flags, HANDLE pty, void *out[3])
{
    static const DWORD ids[3] = { STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE };
    HANDLE console = INVALID_HANDLE_VALUE;
    if (si && (si->dwFlags & STARTF_USESTDHANDLES))
    {
        out[0] = si->hStdInput;
        out[1] = si->hStdOutput;
        out[2] = si->hStdError;
        for (int i = 0; pty && i < 3; i++) if (!out[i]) out[i] = pty;
        return console;
    }
    if (pty)
    {
        DWORD err = GetLastError();
        for (int i = 0; i < 3; i++)
        {
            HANDLE h = GetStdHandle(ids[i]);
            out[i] = !h || k32_is_console(h) ? pty : h;
        }
        SetLastError(err);
        return console;
    }
    if (flags & (CREATE_NEW_CONSOLE | CREATE_NO_WINDOW) && !(flags & DETACHED_PROCESS))
        console = CreateFileW(L"NUL", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                              OPEN_EXISTING, 0, NULL);
    for (int i = 0; i < 3; i++)
        out[i] = (flags & DETACHED_PROCESS) ? NULL
                 : (flags & (CREATE_NEW_CONSOLE | CREATE_NO_WINDOW)) ? console : GetStdHandle(ids[i]);
    return console;
}

/* token: CreateProcessAsUser's (the child's primary token), or NULL */
static BOOL create_process(HANDLE token, LPCWSTR app, LPWSTR cmdline, BOOL inherit, DWORD flags, LPVOID env,
                           LPCWSTR curdir, LPSTARTUPINFOW si, LPPROCESS_INFORMATION pi)
{
    WCHAR exe[MAX_PATH], dir[MAX_PATH + 1];
    UNICODE_STRING nt;
    struct wlx_create_process cp = {0};
    SIZE_T env_size = 0;

    if ((flags & (DETACHED_PROCESS | CREATE_NEW_CONSOLE)) == (DETACHED_PROCESS | CREATE_NEW_CONSOLE))
    {
        SetLastError(ERROR_INVALID_PARAMETER);   /* the two exclude each other */
        return FALSE;
    }

    if (!find_program(app, cmdline, exe) || !child_curdir(curdir, dir)) return FALSE;
    if (!RtlDosPathNameToNtPathName_U(exe, &nt, NULL, NULL)) { SetLastError(ERROR_FILE_NOT_FOUND); return FALSE; }
    WCHAR *wenv = child_env(env, flags, &env_size);
    if (!wenv) { RtlFreeUnicodeString(&nt); SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    cp.exe_nt = (const uint16_t *)nt.Buffer;
    cp.cmdline = (const uint16_t *)(cmdline ? cmdline : app);
    cp.curdir = (const uint16_t *)dir;
    cp.env = (const uint16_t *)wenv;
    cp.env_size = env_size;
    cp.flags = flags;
    cp.inherit = inherit;
    cp.token = token;
    k32_attr_handle_list(si, flags, &cp.handle_list, (DWORD *)&cp.handle_list_count);
    if (si)
    {
        cp.startup_flags = si->dwFlags;
        cp.show_window = si->wShowWindow;
        cp.runtime_data = si->lpReserved2;
        cp.runtime_size = si->cbReserved2;
    }
    cp.console = k32_pseudoconsole_slave(k32_attr_pseudoconsole(si, flags));
    HANDLE console = child_std_handles(si, flags, cp.console, cp.std_handles);
    NTSTATUS status = __wlx_create_process(&cp);
    if (console != INVALID_HANDLE_VALUE) CloseHandle(console);
    RtlFreeUnicodeString(&nt);
    if (wenv != env && env) RtlFreeHeap(PROCESS_HEAP(), 0, wenv);
    if (status) return set_ntstatus(status);
    pi->hProcess = cp.process;
    pi->hThread = cp.thread;
    pi->dwProcessId = cp.process_id;
    pi->dwThreadId = cp.thread_id;
    return TRUE;
}

BOOL WINAPI CreateProcessW(LPCWSTR app, LPWSTR cmdline, LPSECURITY_ATTRIBUTES psa, LPSECURITY_ATTRIBUTES tsa,
                           BOOL inherit, DWORD flags, LPVOID env, LPCWSTR curdir, LPSTARTUPINFOW si,
                           LPPROCESS_INFORMATION pi)
{
    (void)psa; (void)tsa;
    return create_process(NULL, app, cmdline, inherit, flags, env, curdir, si, pi);
}

static WCHAR *to_wide(const char *s)
{
    if (!s) return NULL;
    int n = MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0);
    WCHAR *w = RtlAllocateHeap(PROCESS_HEAP(), 0, n * sizeof(WCHAR));
    if (w) MultiByteToWideChar(CP_ACP, 0, s, -1, w, n);
    return w;
}

/* the old way to start a program: > 31 on success, else an error code */
UINT WINAPI WinExec(LPCSTR cmdline, UINT show)
{
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    size_t len = lstrlenA(cmdline);
    char *copy = HeapAlloc(GetProcessHeap(), 0, len + 1);
    if (!copy) return 0;
    memcpy(copy, cmdline, len + 1);
    si.dwFlags = STARTF_USESHOWWINDOW;
    si.wShowWindow = show;
    BOOL ok = CreateProcessA(NULL, copy, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi);
    DWORD err = GetLastError();
    HeapFree(GetProcessHeap(), 0, copy);
    if (!ok) return err == ERROR_FILE_NOT_FOUND || err == ERROR_PATH_NOT_FOUND ? err : ERROR_BAD_FORMAT;
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return 33;
}

static BOOL create_process_a(HANDLE token, LPCSTR app, LPSTR cmdline, BOOL inherit, DWORD flags, LPVOID env,
                             LPCSTR curdir, LPSTARTUPINFOA si, LPPROCESS_INFORMATION pi)
{
    STARTUPINFOEXW six = { { sizeof(STARTUPINFOW) } };
    STARTUPINFOW *siw = &six.StartupInfo;
    WCHAR *wapp = to_wide(app), *wcmd = to_wide(cmdline), *wdir = to_wide(curdir);
    if (si && (flags & EXTENDED_STARTUPINFO_PRESENT) && si->cb >= sizeof(STARTUPINFOEXA))
    {
        /* the attribute list is not text: it goes as is */
        six.StartupInfo.cb = sizeof(six);
        six.lpAttributeList = ((STARTUPINFOEXA *)si)->lpAttributeList;
    }
    if (si)
    {
        siw->dwFlags = si->dwFlags;
        siw->wShowWindow = si->wShowWindow;
        siw->hStdInput = si->hStdInput;
        siw->hStdOutput = si->hStdOutput;
        siw->hStdError = si->hStdError;
        siw->cbReserved2 = si->cbReserved2;
        siw->lpReserved2 = si->lpReserved2;
    }
    /* an ANSI environment stays ANSI: CreateProcessW converts it */
    BOOL ret = create_process(token, wapp, wcmd, inherit, flags, env, wdir, si ? siw : NULL, pi);
    RtlFreeHeap(PROCESS_HEAP(), 0, wapp);
    RtlFreeHeap(PROCESS_HEAP(), 0, wcmd);
    RtlFreeHeap(PROCESS_HEAP(), 0, wdir);
    return ret;
}

BOOL WINAPI CreateProcessA(LPCSTR app, LPSTR cmdline, LPSECURITY_ATTRIBUTES psa, LPSECURITY_ATTRIBUTES tsa,
                           BOOL inherit, DWORD flags, LPVOID env, LPCSTR curdir, LPSTARTUPINFOA si,
                           LPPROCESS_INFORMATION pi)
{
    (void)psa; (void)tsa;
    return create_process_a(NULL, app, cmdline, inherit, flags, env, curdir, si, pi);
}

/* --- other processes ----------------------------------------------------------------- */

static BOOL basic_info(HANDLE process, PROCESS_BASIC_INFORMATION *info)
{
    return set_ntstatus(NtQueryInformationProcess(process, ProcessBasicInformation, info, sizeof(*info), NULL));
}

/* STILL_ACTIVE (STATUS_PENDING) while it runs, then the full 32-bit code */
BOOL WINAPI GetExitCodeProcess(HANDLE process, LPDWORD code)
{
    PROCESS_BASIC_INFORMATION info;
    if (!basic_info(process, &info)) return FALSE;
    if (code) *code = (DWORD)info.ExitStatus;
    return TRUE;
}

DWORD WINAPI GetProcessId(HANDLE process)
{
    PROCESS_BASIC_INFORMATION info;
    return basic_info(process, &info) ? (DWORD)info.UniqueProcessId : 0;
}

HANDLE WINAPI OpenProcess(DWORD access, BOOL inherit, DWORD id)
{
    HANDLE handle = 0;
    OBJECT_ATTRIBUTES attr;
    CLIENT_ID cid = { (HANDLE)(ULONG_PTR)id, 0 };
    InitializeObjectAttributes(&attr, NULL, inherit ? OBJ_INHERIT : 0, NULL, NULL);
    if (!set_ntstatus(NtOpenProcess(&handle, access, &attr, &cid))) return NULL;
    return handle;
}

/* every process of a prefix runs in one session, the console's: 1 (what
   NtQueryInformationProcess says of the calling process) */
BOOL WINAPI ProcessIdToSessionId(DWORD pid, DWORD *session)
{
    HANDLE process;

    if (!session) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (pid != GetCurrentProcessId())
    {
        if (!(process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid))) return FALSE;
        CloseHandle(process);
    }
    *session = 1;
    return TRUE;
}

DWORD WINAPI WTSGetActiveConsoleSessionId(void)
{
    return 1;
}

/* One user: a process started with a token of the caller's runs as the
   caller, with that token's deny-only groups (a restricted token's:
   ntdll/security.c NtFilterToken), which its children keep. */
NTSTATUS NTAPI NtQueryInformationToken(HANDLE, TOKEN_INFORMATION_CLASS, void *, ULONG, ULONG *);

static BOOL token_ok(HANDLE token)
{
    TOKEN_TYPE type;
    ULONG len;
    return !token || set_ntstatus(NtQueryInformationToken(token, TokenType, &type, sizeof(type), &len));
}

BOOL WINAPI CreateProcessAsUserW(HANDLE token, LPCWSTR app, LPWSTR cmdline, LPSECURITY_ATTRIBUTES psa,
                                 LPSECURITY_ATTRIBUTES tsa, BOOL inherit, DWORD flags, LPVOID env, LPCWSTR curdir,
                                 LPSTARTUPINFOW si, LPPROCESS_INFORMATION pi)
{
    (void)psa; (void)tsa;
    if (!token_ok(token)) return FALSE;
    return create_process(token, app, cmdline, inherit, flags, env, curdir, si, pi);
}

BOOL WINAPI CreateProcessAsUserA(HANDLE token, LPCSTR app, LPSTR cmdline, LPSECURITY_ATTRIBUTES psa,
                                 LPSECURITY_ATTRIBUTES tsa, BOOL inherit, DWORD flags, LPVOID env, LPCSTR curdir,
                                 LPSTARTUPINFOA si, LPPROCESS_INFORMATION pi)
{
    (void)psa; (void)tsa;
    if (!token_ok(token)) return FALSE;
    return create_process_a(token, app, cmdline, inherit, flags, env, curdir, si, pi);
}
