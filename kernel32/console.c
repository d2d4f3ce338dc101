/*
 * kernel32/console.c — standard handles and the console. The console is the
 * terminal wlx runs in: a handle is a console when it is a tty (the Unix side
 * reports FILE_DEVICE_CONSOLE for those). Text goes to it as UTF-8; what is
 * written goes through the screen-buffer model (conscreen.c, conout.c).
 * Reads, modes, code pages, the cursor's look, the title and the Ctrl
 * handlers are kept here.
 *
 * On any other handle the console functions fail with ERROR_INVALID_HANDLE:
 * that is how programs tell a redirected stream from a console.
 *
 * Sections: std handles · console check · write · read · modes and code
 * pages · cursor · allocation · title · Ctrl handlers · the screen
 * buffer's other properties.
 */
#include "conscreen.h"

#ifndef FILE_DEVICE_CONSOLE
#define FILE_DEVICE_CONSOLE 0x50
#endif
/* wlx's private controls on a terminal handle (ntdll/unix/file.c) */
#define WLX_IOCTL_CONSOLE_SIZE     0x00500f00
#define WLX_IOCTL_CONSOLE_SET_ECHO 0x00500f04

static UINT input_cp, output_cp;         /* 0: not set yet, the OEM code page */
static DWORD input_mode = ENABLE_PROCESSED_INPUT | ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT | ENABLE_MOUSE_INPUT |
                          ENABLE_INSERT_MODE | ENABLE_QUICK_EDIT_MODE | ENABLE_EXTENDED_FLAGS | 0x100;

/* --- std handles ------------------------------------------------------------------ */

static HANDLE *std_slot(DWORD which)
{
    BYTE *pp = k32_params();
    switch (which)
    {
    case STD_INPUT_HANDLE: return (HANDLE *)(pp + PP_STDIN);
    case STD_OUTPUT_HANDLE: return (HANDLE *)(pp + PP_STDOUT);
    case STD_ERROR_HANDLE: return (HANDLE *)(pp + PP_STDERR);
    }
    return NULL;
}

HANDLE WINAPI GetStdHandle(DWORD which)
{
    HANDLE *slot = std_slot(which);
    if (!slot) { SetLastError(ERROR_INVALID_HANDLE); return INVALID_HANDLE_VALUE; }
    return *slot;
}

BOOL WINAPI SetStdHandle(DWORD which, HANDLE h)
{
    HANDLE *slot = std_slot(which);
    if (!slot) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    *slot = h;
    return TRUE;
}

BOOL WINAPI SetStdHandleEx(DWORD which, HANDLE h, HANDLE *prev)
{
    HANDLE *slot = std_slot(which);
    if (!slot) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    if (prev) *prev = *slot;
    *slot = h;
    return TRUE;
}

/* --- console check ------------------------------------------------------------------ */

static HANDLE console_handle(HANDLE h)
{
    ULONG_PTR v = (ULONG_PTR)h;
    if (v == (ULONG_PTR)STD_INPUT_HANDLE || v == (ULONG_PTR)STD_OUTPUT_HANDLE || v == (ULONG_PTR)STD_ERROR_HANDLE)
        return GetStdHandle((DWORD)v);
    return h;
}

/* a tty; anything else fails with ERROR_INVALID_HANDLE */
static BOOL is_console(HANDLE h)
{
    IO_STATUS_BLOCK io;
    FILE_FS_DEVICE_INFORMATION info;
    if (!NtQueryVolumeInformationFile(console_handle(h), &io, &info, sizeof(info), FileFsDeviceInformation) &&
        info.DeviceType == FILE_DEVICE_CONSOLE)
        return TRUE;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

static BOOL is_input(HANDLE h)
{
    return console_handle(h) == GetStdHandle(STD_INPUT_HANDLE);
}

static BOOL have_console(void)
{
    DWORD err = GetLastError();
    BOOL ret = is_console(GetStdHandle(STD_OUTPUT_HANDLE)) || is_console(GetStdHandle(STD_INPUT_HANDLE)) ||
               is_console(GetStdHandle(STD_ERROR_HANDLE));
    SetLastError(err);
    return ret;
}

/* for the screen-buffer model (conscreen.c, conout.c) */
HANDLE k32_console_handle(HANDLE h) { return console_handle(h); }
BOOL k32_is_console(HANDLE h) { return is_console(h); }
BOOL k32_is_console_input(HANDLE h) { return is_input(h); }

/* --- write ------------------------------------------------------------------------------ */

BOOL k32_console_write_utf8(HANDLE h, const WCHAR *text, DWORD count)
{
    char small[1024], *buf = small;
    IO_STATUS_BLOCK io;
    NTSTATUS status;
    int len;
    if (!count) return TRUE;
    len = WideCharToMultiByte(CP_UTF8, 0, text, count, NULL, 0, NULL, NULL);
    if (len > (int)sizeof(small) && !(buf = RtlAllocateHeap(PROCESS_HEAP(), 0, len)))
    {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    WideCharToMultiByte(CP_UTF8, 0, text, count, buf, len, NULL, NULL);
    status = NtWriteFile(console_handle(h), NULL, NULL, NULL, &io, buf, len, NULL, NULL);
    if (buf != small) RtlFreeHeap(PROCESS_HEAP(), 0, buf);
    return set_ntstatus(status);
}

/* --- read -------------------------------------------------------------------------------- */

/* up to size bytes of UTF-8 from the terminal */
static BOOL read_utf8(HANDLE h, char *buf, DWORD size, DWORD *got)
{
    IO_STATUS_BLOCK io;
    NTSTATUS status = NtReadFile(console_handle(h), NULL, NULL, NULL, &io, buf, size, NULL, NULL);
    *got = 0;
    if (status == STATUS_END_OF_FILE) return TRUE;
    if (!set_ntstatus(status)) return FALSE;
    *got = io.Information;
    return TRUE;
}

/* the bytes of a UTF-8 sequence cut by the end of a read, kept for the next */
static char pending[4];
static DWORD pending_len;

static DWORD incomplete_tail(const char *s, DWORD len)
{
    for (DWORD back = 1; back <= 3 && back <= len; back++)
    {
        unsigned char c = s[len - back];
        if ((c & 0xc0) == 0x80) continue;                   /* a continuation byte */
        DWORD need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
        return need > back ? back : 0;
    }
    return 0;
}

BOOL WINAPI ReadConsoleW(HANDLE h, void *buf, DWORD count, DWORD *read, void *control)
{
    char small[1024], *utf8 = small;
    DWORD got, keep;
    BOOL ret;
    (void)control;
    if (read) *read = 0;
    if (!is_console(h)) return FALSE;
    if (!count) return TRUE;
    /* a UTF-8 byte never makes more than one UTF-16 unit (4-byte sequences make two of four) */
    if (count + 4 > sizeof(small) && !(utf8 = RtlAllocateHeap(PROCESS_HEAP(), 0, count + 4)))
    {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    memcpy(utf8, pending, pending_len);
    if ((ret = read_utf8(h, utf8 + pending_len, count - min(pending_len, count - 1), &got)))
    {
        got += pending_len;
        keep = got ? incomplete_tail(utf8, got) : 0;
        memcpy(pending, utf8 + got - keep, keep);
        pending_len = keep;
        got -= keep;
        if (read) *read = got ? MultiByteToWideChar(CP_UTF8, 0, utf8, got, buf, count) : 0;
        /* the terminal echoed the line: the screen-buffer model takes it too */
        if (read && *read && (input_mode & (ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT)) ==
                             (ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT))
            k32_console_echoed(h, buf, *read);
    }
    if (utf8 != small) RtlFreeHeap(PROCESS_HEAP(), 0, utf8);
    return ret;
}

BOOL WINAPI ReadConsoleA(HANDLE h, void *buf, DWORD count, DWORD *read, void *control)
{
    WCHAR small[512], *w = small;
    DWORD got = 0;
    BOOL ret;
    (void)control;
    if (read) *read = 0;
    if (count > ARRAYSIZE(small) && !(w = RtlAllocateHeap(PROCESS_HEAP(), 0, count * sizeof(WCHAR))))
    {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    if ((ret = ReadConsoleW(h, w, count, &got, NULL)) && read)
        *read = got ? WideCharToMultiByte(GetConsoleCP(), 0, w, got, buf, count, NULL, NULL) : 0;
    if (w != small) RtlFreeHeap(PROCESS_HEAP(), 0, w);
    return ret;
}

/* ReadFile of the std input on a terminal in line mode with echo: the
   terminal showed the line; the screen-buffer model takes it too */
void k32_console_read_echo(HANDLE h, const void *buf, DWORD len)
{
    WCHAR w[512];
    DWORD err = GetLastError();
    int n;
    if (!len || console_handle(h) != GetStdHandle(STD_INPUT_HANDLE) ||
        (input_mode & (ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT)) != (ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT))
        return;
    if (is_console(h) && (n = MultiByteToWideChar(CP_UTF8, 0, buf, min(len, ARRAYSIZE(w)), w, ARRAYSIZE(w))))
        k32_console_echoed(h, w, n);
    SetLastError(err);
}

/* the console input handle behind `h` (a std handle value included), or
   NULL with ERROR_INVALID_HANDLE when it is no console input (conin.c) */
HANDLE k32_console_input(HANDLE h)
{
    if (!is_console(h)) return NULL;
    return console_handle(h);
}

/* --- modes and code pages -------------------------------------------------------------------- */

BOOL WINAPI GetConsoleMode(HANDLE h, DWORD *mode)
{
    if (!is_console(h)) return FALSE;
    if (!is_input(h)) return k32_screen_mode(h, mode, FALSE);   /* each screen buffer has its own */
    *mode = input_mode;
    return TRUE;
}

BOOL WINAPI SetConsoleMode(HANDLE h, DWORD mode)
{
    IO_STATUS_BLOCK io;
    if (!is_console(h)) return FALSE;
    if (!is_input(h)) return k32_screen_mode(h, &mode, TRUE);
    /* line input and echo are the terminal's */
    if ((mode ^ input_mode) & (ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT))
        NtDeviceIoControlFile(console_handle(h), NULL, NULL, NULL, &io, WLX_IOCTL_CONSOLE_SET_ECHO, &mode,
                              sizeof(mode), NULL, 0);
    input_mode = mode;
    if (mode & ENABLE_WINDOW_INPUT) k32_console_watch_size(console_handle(h));
    return TRUE;
}

DWORD k32_console_input_mode(void) { return input_mode; }

UINT WINAPI GetConsoleCP(void)
{
    return input_cp ? input_cp : GetOEMCP();
}

UINT WINAPI GetConsoleOutputCP(void)
{
    return output_cp ? output_cp : GetOEMCP();
}

BOOL WINAPI SetConsoleCP(UINT cp)
{
    if (!IsValidCodePage(cp)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    input_cp = cp;
    return TRUE;
}

BOOL WINAPI SetConsoleOutputCP(UINT cp)
{
    if (!IsValidCodePage(cp)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    output_cp = cp;
    return TRUE;
}

/* --- cursor ----------------------------------------------------------------------------- */

BOOL WINAPI GetConsoleCursorInfo(HANDLE h, CONSOLE_CURSOR_INFO *info)
{
    if (!is_console(h)) return FALSE;
    info->dwSize = 25;
    info->bVisible = TRUE;
    return TRUE;
}

BOOL WINAPI SetConsoleCursorInfo(HANDLE h, const CONSOLE_CURSOR_INFO *info)
{
    static const WCHAR show[] = L"\x1b[?25h", hide[] = L"\x1b[?25l";
    if (!is_console(h)) return FALSE;
    return k32_console_write_utf8(h, info->bVisible ? show : hide, 6);
}

/* --- allocation -------------------------------------------------------------------------------- */

/* a console program already has the terminal; without one there is none to make */
BOOL WINAPI AllocConsole(void)
{
    if (have_console()) { SetLastError(ERROR_ACCESS_DENIED); return FALSE; }
    return TRUE;
}

BOOL WINAPI FreeConsole(void)
{
    return TRUE;
}

BOOL WINAPI AttachConsole(DWORD pid)
{
    (void)pid;
    SetLastError(have_console() ? ERROR_ACCESS_DENIED : ERROR_INVALID_HANDLE);
    return FALSE;
}

HWND WINAPI GetConsoleWindow(void)
{
    return NULL;
}

/* --- title --------------------------------------------------------------------------------------- */

static WCHAR title[1024];

BOOL WINAPI SetConsoleTitleW(LPCWSTR text)
{
    static const WCHAR start[] = L"\x1b]0;", end[] = L"\x07";
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    DWORD err = GetLastError();
    lstrcpynW(title, text, ARRAYSIZE(title));
    /* the terminal shows it through the xterm title sequence */
    if (is_console(out))
    {
        k32_console_write_utf8(out, start, wcslen(start));
        k32_console_write_utf8(out, title, wcslen(title));
        k32_console_write_utf8(out, end, 1);
    }
    SetLastError(err);
    return TRUE;
}

DWORD WINAPI GetConsoleTitleW(LPWSTR buf, DWORD size)
{
    DWORD len = wcslen(title);
    if (!size) return 0;
    lstrcpynW(buf, title, size);
    return len < size ? len : size - 1;
}

BOOL WINAPI SetConsoleTitleA(LPCSTR text)
{
    WCHAR *w = k32_strdup_AtoW(text);
    BOOL ret;
    if (!w) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    ret = SetConsoleTitleW(w);
    RtlFreeHeap(PROCESS_HEAP(), 0, w);
    return ret;
}

DWORD WINAPI GetConsoleTitleA(LPSTR buf, DWORD size)
{
    if (!size) return 0;
    int n = WideCharToMultiByte(GetConsoleOutputCP(), 0, title, -1, buf, size, NULL, NULL);
    if (!n) { buf[size - 1] = 0; return size - 1; }
    return n - 1;
}

/* --- Ctrl handlers ------------------------------------------------------------------------------ */

static PHANDLER_ROUTINE handlers[64];
static int handler_count;
static BOOL ignore_ctrl_c;
static BOOL set_ctrl_handler(PHANDLER_ROUTINE func, BOOL add);

static RTL_CRITICAL_SECTION ctrl_section = { (void *)-1, -1, 0, 0, 0, 0 };

/* Ctrl-C/Ctrl-Break: ntdll's Unix side starts a new thread here on SIGINT
   (ntdll/unix/ctrlc.c). Handlers run last-registered first; the first that
   returns TRUE ends the event; if none does, the default handler ends the
   process with STATUS_CONTROL_C_EXIT, as Windows does. CTRL_CLOSE_EVENT
   (SIGHUP: the terminal or a pseudoconsole closed) ends the process
   whatever the handlers return, as Windows does once they are done; unlike
   Windows, a handler that never returns is not cut short after 5 s. */
DWORD WINAPI CtrlRoutine(void *arg)
{
    DWORD event = (DWORD)(ULONG_PTR)arg;
    PHANDLER_ROUTINE list[ARRAYSIZE(handlers)];
    int n;
    RtlEnterCriticalSection(&ctrl_section);
    n = handler_count;
    memcpy(list, handlers, n * sizeof(list[0]));
    BOOL ignored = ignore_ctrl_c && event == CTRL_C_EVENT;
    RtlLeaveCriticalSection(&ctrl_section);
    while (n-- > 0)
        if (list[n](event)) break;
    if (n >= 0 && event != CTRL_CLOSE_EVENT) return 0;
    if (ignored) return 0;
    ExitProcess(STATUS_CONTROL_C_EXIT);
}

NTSTATUS NTAPI __wlx_signal_process(ULONG id, ULONG event);

/* Group 0 is every process of the console: wlx reaches this process only
   (its handlers run on a new thread, as for a key press). Another group
   is the process that leads it: a Ctrl-Break reaches it; a Ctrl-C is
   documented to succeed without reaching it. */
BOOL WINAPI GenerateConsoleCtrlEvent(DWORD event, DWORD group)
{
    if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!have_console()) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    if (group && event == CTRL_C_EVENT) return TRUE;
    return set_ntstatus(__wlx_signal_process(group, event));
}

BOOL WINAPI SetConsoleCtrlHandler(PHANDLER_ROUTINE func, BOOL add)
{
    BOOL ret;
    RtlEnterCriticalSection(&ctrl_section);
    ret = set_ctrl_handler(func, add);
    RtlLeaveCriticalSection(&ctrl_section);
    return ret;
}

static BOOL set_ctrl_handler(PHANDLER_ROUTINE func, BOOL add)
{
    if (!func) { ignore_ctrl_c = add; return TRUE; }
    if (add)
    {
        if (handler_count == ARRAYSIZE(handlers)) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
        handlers[handler_count++] = func;
        return TRUE;
    }
    for (int i = handler_count - 1; i >= 0; i--)
    {
        if (handlers[i] != func) continue;
        memmove(handlers + i, handlers + i + 1, (handler_count - i - 1) * sizeof(handlers[0]));
        handler_count--;
        return TRUE;
    }
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
}

/* --- the screen buffer's other properties ---------------------------------------------------
   The terminal is both the window and the buffer: its size is what
   GetConsoleScreenBufferInfo reports, and a program cannot make it larger
   or move the view. Requests the terminal already satisfies succeed; the
   others fail as Windows fails an impossible one. */

/* Windows 10's default console palette (COLORREF: 0x00BBGGRR) */
static const COLORREF default_palette[16] =
{
    0x0c0c0c, 0xda3700, 0x0ea113, 0xdd963a, 0x1f0fc5, 0x981788, 0x009cc1, 0xcccccc,
    0x767676, 0xff783b, 0x0cc616, 0xd6d661, 0x5648e7, 0x9e00b4, 0xa5f1f9, 0xf2f2f2,
};

BOOL WINAPI GetConsoleScreenBufferInfoEx(HANDLE h, CONSOLE_SCREEN_BUFFER_INFOEX *info)
{
    CONSOLE_SCREEN_BUFFER_INFO base;
    if (!info || info->cbSize != sizeof(*info))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!GetConsoleScreenBufferInfo(h, &base)) return FALSE;
    info->dwSize = base.dwSize;
    info->dwCursorPosition = base.dwCursorPosition;
    info->wAttributes = base.wAttributes;
    info->srWindow = base.srWindow;
    info->dwMaximumWindowSize = base.dwMaximumWindowSize;
    info->wPopupAttributes = BACKGROUND_RED | BACKGROUND_BLUE | BACKGROUND_INTENSITY | FOREGROUND_RED | FOREGROUND_BLUE;
    info->bFullscreenSupported = FALSE;
    memcpy(info->ColorTable, default_palette, sizeof(default_palette));
    return TRUE;
}

BOOL WINAPI SetConsoleScreenBufferInfoEx(HANDLE h, CONSOLE_SCREEN_BUFFER_INFOEX *info)
{
    CONSOLE_SCREEN_BUFFER_INFO base;
    if (!info || info->cbSize != sizeof(*info))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!GetConsoleScreenBufferInfo(h, &base)) return FALSE;
    /* the colours take effect; the size and the palette stay the terminal's */
    if (info->wAttributes != base.wAttributes) return SetConsoleTextAttribute(h, info->wAttributes);
    return TRUE;
}

BOOL WINAPI SetConsoleScreenBufferSize(HANDLE h, COORD size)
{
    CONSOLE_SCREEN_BUFFER_INFO info;
    if (!GetConsoleScreenBufferInfo(h, &info)) return FALSE;
    /* smaller than the window: refused, as on Windows; larger: the terminal cannot grow */
    if (size.X != info.dwSize.X || size.Y != info.dwSize.Y)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return TRUE;
}

BOOL WINAPI SetConsoleWindowInfo(HANDLE h, BOOL absolute, const SMALL_RECT *rect)
{
    CONSOLE_SCREEN_BUFFER_INFO info;
    SMALL_RECT r;
    if (!GetConsoleScreenBufferInfo(h, &info)) return FALSE;
    if (!rect)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    r = *rect;
    if (!absolute)
    {
        r.Left += info.srWindow.Left;
        r.Top += info.srWindow.Top;
        r.Right += info.srWindow.Right;
        r.Bottom += info.srWindow.Bottom;
    }
    /* the window is the whole terminal: only that window is possible */
    if (r.Left != info.srWindow.Left || r.Top != info.srWindow.Top || r.Right != info.srWindow.Right ||
        r.Bottom != info.srWindow.Bottom)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return TRUE;
}

COORD WINAPI GetLargestConsoleWindowSize(HANDLE h)
{
    CONSOLE_SCREEN_BUFFER_INFO info;
    COORD none = { 0, 0 };
    if (!GetConsoleScreenBufferInfo(h, &info)) return none;
    return info.dwSize;
}

/* the process list of the console: this process and the one that started
   it (the shell, as when a console program runs from cmd.exe; a count of
   one tells programs they own the console and should wait before it closes) */
DWORD WINAPI GetConsoleProcessList(DWORD *list, DWORD count)
{
    PROCESS_BASIC_INFORMATION pbi;
    DWORD ids[2], n = 0;
    if (!list || !count)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    ids[n++] = GetCurrentProcessId();
    if (!NtQueryInformationProcess(GetCurrentProcess(), ProcessBasicInformation, &pbi, sizeof(pbi), NULL) &&
        pbi.InheritedFromUniqueProcessId)
        ids[n++] = (DWORD)pbi.InheritedFromUniqueProcessId;
    if (count >= n) memcpy(list, ids, n * sizeof(DWORD));
    return n;
}

/* a terminal's font is its own: what programs see is Windows' default one */
BOOL WINAPI GetCurrentConsoleFont(HANDLE h, BOOL maximum, CONSOLE_FONT_INFO *info)
{
    CONSOLE_SCREEN_BUFFER_INFO sb;
    if (!GetConsoleScreenBufferInfo(h, &sb)) return FALSE;
    info->nFont = 0;
    info->dwFontSize.X = 8;
    info->dwFontSize.Y = 16;
    (void)maximum;
    return TRUE;
}

BOOL WINAPI GetCurrentConsoleFontEx(HANDLE h, BOOL maximum, CONSOLE_FONT_INFOEX *info)
{
    CONSOLE_SCREEN_BUFFER_INFO sb;
    if (!info || info->cbSize != sizeof(*info))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!GetConsoleScreenBufferInfo(h, &sb)) return FALSE;
    info->nFont = 0;
    info->dwFontSize.X = 8;
    info->dwFontSize.Y = 16;
    info->FontFamily = FF_MODERN | TMPF_TRUETYPE | TMPF_VECTOR;
    info->FontWeight = FW_NORMAL;
    lstrcpynW(info->FaceName, L"Consolas", LF_FACESIZE);
    (void)maximum;
    return TRUE;
}

BOOL WINAPI SetCurrentConsoleFontEx(HANDLE h, BOOL maximum, CONSOLE_FONT_INFOEX *info)
{
    CONSOLE_SCREEN_BUFFER_INFO sb;
    (void)maximum;
    if (!info || info->cbSize != sizeof(*info))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return GetConsoleScreenBufferInfo(h, &sb);   /* accepted: the terminal keeps its font */
}

COORD WINAPI GetConsoleFontSize(HANDLE h, DWORD index)
{
    COORD size = { 0, 0 };
    CONSOLE_SCREEN_BUFFER_INFO sb;
    if (index || !GetConsoleScreenBufferInfo(h, &sb))
    {
        if (index) SetLastError(ERROR_INVALID_PARAMETER);
        return size;
    }
    size.X = 8;
    size.Y = 16;
    return size;
}

/* command history: Windows' defaults, kept per process */
static CONSOLE_HISTORY_INFO history = { sizeof(CONSOLE_HISTORY_INFO), 50, 4, 0 };

BOOL WINAPI GetConsoleHistoryInfo(CONSOLE_HISTORY_INFO *info)
{
    if (!info || info->cbSize != sizeof(*info))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *info = history;
    return TRUE;
}

BOOL WINAPI SetConsoleHistoryInfo(CONSOLE_HISTORY_INFO *info)
{
    if (!info || info->cbSize != sizeof(*info))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    history = *info;
    return TRUE;
}

BOOL WINAPI GetConsoleDisplayMode(DWORD *mode)
{
    if (!mode)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *mode = 0;   /* windowed */
    return TRUE;
}
