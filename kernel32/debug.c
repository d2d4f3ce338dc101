/*
 * kernel32/debug.c — what a program says to a debugger, and its last words.
 *
 * OutputDebugStringA/W: without a debugger Windows drops the string (a
 * debugger would receive it); wlx has no debugger, so the string goes
 * nowhere unless WLXDEBUG=+debugstr asks for it on stderr, one line per
 * call: "<tid>:debugstr: text". DebugBreak is an int3: without a debugger
 * the program's own handlers see EXCEPTION_BREAKPOINT. CheckRemoteDebugger
 * Present asks the process's debug port (none under wlx). FatalAppExit
 * prints its message on stderr (Windows shows it in a message box) and
 * ends the process as Windows does after the box: ExitProcess(0).
 */
#include "private.h"

NTSTATUS NTAPI __wlx_message(const char *utf8, ULONG len);
int __cdecl _snprintf(char *, size_t, const char *, ...);   /* ntdll's */

static BOOL debugstr_on(void)
{
    return (*(DWORD *)(k32_peb() + PEB_WLX_DEBUG_FLAGS) & WLX_DBG_DEBUGSTR) != 0;
}

/* prints `text` (UTF-8, `len` bytes) with the thread id; a newline is added
   when the text has none, so the next trace starts on its own line */
static void print_debugstr(const char *text, int len)
{
    char buf[1024];
    int n;
    while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r')) len--;
    n = _snprintf(buf, sizeof(buf), "%04lx:debugstr: ", GetCurrentThreadId());
    if (len > (int)sizeof(buf) - 1 - n) len = sizeof(buf) - 1 - n;   /* long strings are cut */
    memcpy(buf + n, text, len);
    n += len;
    buf[n++] = '\n';
    __wlx_message(buf, n);
}

void WINAPI OutputDebugStringA(const char *text)
{
    if (!text || !debugstr_on()) return;
    print_debugstr(text, lstrlenA(text));
}

void WINAPI OutputDebugStringW(const WCHAR *text)
{
    char small[512], *utf8 = small;
    int len;

    if (!text || !debugstr_on()) return;
    len = WideCharToMultiByte(CP_UTF8, 0, text, -1, NULL, 0, NULL, NULL);
    if (len > (int)sizeof(small) && !(utf8 = HeapAlloc(PROCESS_HEAP(), 0, len))) return;
    WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8, len, NULL, NULL);
    print_debugstr(utf8, len - 1);
    if (utf8 != small) RtlFreeHeap(PROCESS_HEAP(), 0, utf8);
}

/* tests/kernel32/startup.c: a vectored handler sees EXCEPTION_BREAKPOINT at
   the int3 and may step over it */
void WINAPI DebugBreak(void)
{
    __asm__ volatile("int3");
}

BOOL WINAPI CheckRemoteDebuggerPresent(HANDLE process, BOOL *present)
{
    DWORD_PTR port = 0;
    NTSTATUS status;

    if (!process || !present)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    status = NtQueryInformationProcess(process, ProcessDebugPort, &port, sizeof(port), NULL);
    /* another live process: wlx runs no debugger, so it has no port either */
    if (status == STATUS_NOT_IMPLEMENTED) status = STATUS_SUCCESS;
    if (status) return set_ntstatus(status);
    *present = port != 0;
    return TRUE;
}

/* NT raises a hard error (the message box; a debug build of kernel32 lets
   the user cancel) and then calls ExitProcess(0): the exit code is 0 */
void WINAPI FatalAppExitW(UINT action, LPCWSTR text)
{
    static const char prefix[] = "wlx: FatalAppExit: ";
    char buf[1024];
    int n = sizeof(prefix) - 1, chars = text ? lstrlenW(text) : 0;

    (void)action;
    memcpy(buf, prefix, n);
    if (chars > 300) chars = 300;     /* 3 bytes each at most: it fits; meant to be 35 (documented) */
    if (chars) n += WideCharToMultiByte(CP_UTF8, 0, text, chars, buf + n, sizeof(buf) - n - 1, NULL, NULL);
    buf[n++] = '\n';
    __wlx_message(buf, n);
    ExitProcess(0);
}

void WINAPI FatalAppExitA(UINT action, LPCSTR text)
{
    WCHAR *w = text ? k32_strdup_AtoW(text) : NULL;
    FatalAppExitW(action, w ? w : L"");
}
