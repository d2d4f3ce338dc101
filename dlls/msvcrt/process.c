/*
 * dlls/msvcrt/process.c — commands run by the command interpreter (%COMSPEC%,
 * else cmd.exe found as CreateProcess finds programs): system/_wsystem
 * wait for "cmd.exe /c command"; _popen/_wpopen give a stream on a pipe to
 * its stdin ("w") or from its stdout ("r"), and _pclose closes the stream,
 * waits for the command and returns its exit code. The child gets the other
 * std handles of the process.
 */
#include "private.h"
#include <fcntl.h>

struct popen_entry {
    FILE *file;
    HANDLE process;
    struct popen_entry *next;
};
static struct popen_entry *popens;
static SRWLOCK popen_lock = SRWLOCK_INIT;

/* "<interpreter>" /c command, on the heap */
static wchar_t *command_line(const wchar_t *command)
{
    const wchar_t *shell = _wgetenv(L"COMSPEC");
    size_t n;
    wchar_t *line;

    if (!shell || !*shell) shell = L"cmd.exe";
    n = wcslen(shell) + wcslen(command) + 8;
    if (!(line = malloc(n * sizeof(wchar_t)))) return NULL;
    _snwprintf(line, n, L"\"%ls\" /c %ls", shell, command);
    return line;
}

/* starts the command with the given std handles; its process handle, or NULL */
static HANDLE start(const wchar_t *command, HANDLE in, HANDLE out, HANDLE err)
{
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    wchar_t *line = command_line(command);
    BOOL ok;

    if (!line) { *_errno() = ENOMEM; return NULL; }
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = in;
    si.hStdOutput = out;
    si.hStdError = err;
    ok = CreateProcessW(NULL, line, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi);
    free(line);
    if (!ok) { *_errno() = msvcrt_errno_from_win32(GetLastError()); return NULL; }
    CloseHandle(pi.hThread);
    return pi.hProcess;
}

/* waits for the process and closes it: its exit code, or -1 */
static int wait_for(HANDLE process)
{
    DWORD code = (DWORD)-1;
    WaitForSingleObject(process, INFINITE);
    if (!GetExitCodeProcess(process, &code)) code = (DWORD)-1;
    CloseHandle(process);
    return (int)code;
}

int __cdecl _wsystem(const wchar_t *command)
{
    HANDLE process;

    if (!command)   /* is there an interpreter? */
    {
        const wchar_t *shell = _wgetenv(L"COMSPEC");
        return shell && *shell ? 1 : SearchPathW(NULL, L"cmd.exe", NULL, 0, NULL, NULL) != 0;
    }
    msvcrt_flush_all(TRUE);
    process = start(command, GetStdHandle(STD_INPUT_HANDLE), GetStdHandle(STD_OUTPUT_HANDLE),
                    GetStdHandle(STD_ERROR_HANDLE));
    return process ? wait_for(process) : -1;
}

/* a narrow string in the ANSI code page as a new wide one (NULL stays NULL) */
static wchar_t *widen(const char *s)
{
    int n;
    wchar_t *w;
    if (!s) return NULL;
    n = MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0);
    if ((w = malloc(n * sizeof(wchar_t)))) MultiByteToWideChar(CP_ACP, 0, s, -1, w, n);
    return w;
}

int __cdecl system(const char *command)
{
    wchar_t *w = widen(command);
    int ret;
    if (command && !w) { *_errno() = ENOMEM; return -1; }
    ret = _wsystem(w);
    free(w);
    return ret;
}

FILE * __cdecl _wpopen(const wchar_t *command, const wchar_t *mode)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE rd, wr, ours, theirs, process;
    struct popen_entry *entry;
    int reading, oflags = 0, fd;
    const wchar_t *m;
    FILE *file;

    if (!command || !mode) { *_errno() = EINVAL; return NULL; }
    reading = wcschr(mode, 'r') != NULL;
    if (reading == (wcschr(mode, 'w') != NULL)) { *_errno() = EINVAL; return NULL; }
    for (m = mode; *m; m++)
        if (*m == 'b') oflags = _O_BINARY;
        else if (*m == 't') oflags = _O_TEXT;
    if (!(entry = malloc(sizeof(*entry)))) { *_errno() = ENOMEM; return NULL; }
    if (!CreatePipe(&rd, &wr, &sa, 0))
    {
        free(entry);
        *_errno() = msvcrt_errno_from_win32(GetLastError());
        return NULL;
    }
    ours = reading ? rd : wr;
    theirs = reading ? wr : rd;
    SetHandleInformation(ours, HANDLE_FLAG_INHERIT, 0);
    msvcrt_flush_all(TRUE);
    process = reading ? start(command, GetStdHandle(STD_INPUT_HANDLE), theirs, GetStdHandle(STD_ERROR_HANDLE))
                      : start(command, theirs, GetStdHandle(STD_OUTPUT_HANDLE), GetStdHandle(STD_ERROR_HANDLE));
    CloseHandle(theirs);
    if (!process)
    {
        CloseHandle(ours);
        free(entry);
        return NULL;
    }
    fd = msvcrt_alloc_fd(ours, oflags | (reading ? _O_RDONLY : _O_WRONLY));
    file = fd < 0 ? NULL : _wfdopen(fd, reading ? (oflags == _O_BINARY ? L"rb" : L"r")
                                                : (oflags == _O_BINARY ? L"wb" : L"w"));
    if (!file)
    {
        if (fd >= 0) _close(fd); else CloseHandle(ours);
        wait_for(process);
        free(entry);
        return NULL;
    }
    entry->file = file;
    entry->process = process;
    AcquireSRWLockExclusive(&popen_lock);
    entry->next = popens;
    popens = entry;
    ReleaseSRWLockExclusive(&popen_lock);
    return file;
}

FILE * __cdecl _popen(const char *command, const char *mode)
{
    wchar_t *wcommand = widen(command), *wmode = widen(mode);
    FILE *file = NULL;
    if (!command || !mode) *_errno() = EINVAL;
    else if (!wcommand || !wmode) *_errno() = ENOMEM;
    else file = _wpopen(wcommand, wmode);
    free(wcommand);
    free(wmode);
    return file;
}

int __cdecl _pclose(FILE *file)
{
    struct popen_entry **p, *entry = NULL;

    AcquireSRWLockExclusive(&popen_lock);
    for (p = &popens; *p; p = &(*p)->next)
        if ((*p)->file == file) { entry = *p; *p = entry->next; break; }
    ReleaseSRWLockExclusive(&popen_lock);
    if (!entry) { *_errno() = EINVAL; return -1; }
    fclose(file);
    {
        int code = wait_for(entry->process);
        free(entry);
        return code;
    }
}
