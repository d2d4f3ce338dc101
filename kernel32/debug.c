/*
 * kernel32/debug.c — OutputDebugStringA/W. Without a debugger Windows
 * drops the string (a debugger would receive it); wlx has no debugger, so
 * the string goes nowhere unless WLXDEBUG=+debugstr asks for it on stderr,
 * one line per call: "<tid>:debugstr: text".
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
