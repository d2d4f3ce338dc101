/*
 * kernel32/console.c — standard handles and the console. The console is the
 * terminal wlx runs in: a handle is a console when it is a tty (the Unix side
 * reports FILE_DEVICE_CONSOLE for those). Text goes to it as UTF-8; modes,
 * code pages, colours, the title and the Ctrl handlers are kept here.
 *
 * On any other handle the console functions fail with ERROR_INVALID_HANDLE:
 * that is how programs tell a redirected stream from a console.
 *
 * Sections: std handles · console check · write · read · modes and code
 * pages · screen buffer and cursor · colours · allocation · screen buffers ·
 * title · Ctrl handlers.
 */
#include "private.h"

#ifndef FILE_DEVICE_CONSOLE
#define FILE_DEVICE_CONSOLE 0x50
#endif
/* wlx's private controls on a terminal handle (ntdll/unix/file.c) */
#define WLX_IOCTL_CONSOLE_SIZE     0x00500f00
#define WLX_IOCTL_CONSOLE_SET_ECHO 0x00500f04

static int put_number(WCHAR *p, int v);

static UINT input_cp, output_cp;         /* 0: not set yet, the OEM code page */
static DWORD input_mode = ENABLE_PROCESSED_INPUT | ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT | ENABLE_MOUSE_INPUT |
                          ENABLE_INSERT_MODE | ENABLE_QUICK_EDIT_MODE | ENABLE_EXTENDED_FLAGS | 0x100;
static DWORD output_mode = ENABLE_PROCESSED_OUTPUT | ENABLE_WRAP_AT_EOL_OUTPUT;
static WORD text_attributes = FOREGROUND_RED | FOREGROUND_GREEN | FOREGROUND_BLUE;

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

/* --- write ------------------------------------------------------------------------------ */

static BOOL write_utf8(HANDLE h, const WCHAR *text, DWORD count)
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

BOOL WINAPI WriteConsoleW(HANDLE h, const void *text, DWORD count, DWORD *written, void *reserved)
{
    (void)reserved;
    if (written) *written = 0;
    if (!is_console(h) || !write_utf8(h, text, count)) return FALSE;
    if (written) *written = count;
    return TRUE;
}

BOOL WINAPI WriteConsoleA(HANDLE h, const void *text, DWORD count, DWORD *written, void *reserved)
{
    WCHAR small[512], *w = small;
    UINT cp = GetConsoleOutputCP();
    int len;
    BOOL ret;
    (void)reserved;
    if (written) *written = 0;
    if (!is_console(h)) return FALSE;
    len = count ? MultiByteToWideChar(cp, 0, text, count, NULL, 0) : 0;
    if (len > (int)ARRAYSIZE(small) && !(w = RtlAllocateHeap(PROCESS_HEAP(), 0, len * sizeof(WCHAR))))
    {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    if (len) MultiByteToWideChar(cp, 0, text, count, w, len);
    ret = write_utf8(h, w, len);
    if (w != small) RtlFreeHeap(PROCESS_HEAP(), 0, w);
    if (ret && written) *written = count;
    return ret;
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
    *mode = is_input(h) ? input_mode : output_mode;
    return TRUE;
}

BOOL WINAPI SetConsoleMode(HANDLE h, DWORD mode)
{
    IO_STATUS_BLOCK io;
    if (!is_console(h)) return FALSE;
    if (!is_input(h)) { output_mode = mode; return TRUE; }
    /* line input and echo are the terminal's */
    if ((mode ^ input_mode) & (ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT))
        NtDeviceIoControlFile(console_handle(h), NULL, NULL, NULL, &io, WLX_IOCTL_CONSOLE_SET_ECHO, &mode,
                              sizeof(mode), NULL, 0);
    input_mode = mode;
    return TRUE;
}

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

/* --- screen buffer ----------------------------------------------------------------------------- */

BOOL WINAPI GetConsoleScreenBufferInfo(HANDLE h, CONSOLE_SCREEN_BUFFER_INFO *info)
{
    IO_STATUS_BLOCK io;
    USHORT size[4];
    if (!is_console(h)) return FALSE;
    if (!set_ntstatus(NtDeviceIoControlFile(console_handle(h), NULL, NULL, NULL, &io, WLX_IOCTL_CONSOLE_SIZE,
                                            NULL, 0, size, sizeof(size))))
        return FALSE;
    /* the terminal is the window and the whole buffer */
    info->dwSize.X = size[0];
    info->dwSize.Y = size[1];
    info->dwCursorPosition.X = size[2];
    info->dwCursorPosition.Y = size[3];
    info->wAttributes = text_attributes;
    info->srWindow.Left = 0;
    info->srWindow.Top = 0;
    info->srWindow.Right = size[0] - 1;
    info->srWindow.Bottom = size[1] - 1;
    info->dwMaximumWindowSize = info->dwSize;
    return TRUE;
}

/* the cursor moves by escape sequence; the buffer's contents are the
   terminal's, so filling the whole of it is a clear */
BOOL WINAPI SetConsoleCursorPosition(HANDLE h, COORD pos)
{
    WCHAR seq[24];
    int n = 0;
    if (!is_console(h)) return FALSE;
    seq[n++] = 0x1b; seq[n++] = '[';
    n += put_number(seq + n, pos.Y + 1);
    seq[n++] = ';';
    n += put_number(seq + n, pos.X + 1);
    seq[n++] = 'H';
    return write_utf8(h, seq, n);
}

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
    return write_utf8(h, info->bVisible ? show : hide, 6);
}

BOOL WINAPI FillConsoleOutputCharacterW(HANDLE h, WCHAR ch, DWORD count, COORD pos, DWORD *written)
{
    CONSOLE_SCREEN_BUFFER_INFO info;
    static const WCHAR clear[] = L"\x1b[2J";
    WCHAR line[256];
    DWORD done = 0;
    if (!GetConsoleScreenBufferInfo(h, &info)) return FALSE;
    if (!pos.X && !pos.Y && ch == ' ' && count >= (DWORD)info.dwSize.X * info.dwSize.Y)
    {
        if (!write_utf8(h, clear, 4)) return FALSE;
        done = count;
    }
    else
    {
        for (int i = 0; i < (int)ARRAYSIZE(line); i++) line[i] = ch;
        if (!SetConsoleCursorPosition(h, pos)) return FALSE;
        while (done < count)
        {
            DWORD n = min(count - done, ARRAYSIZE(line));
            if (!write_utf8(h, line, n)) return FALSE;
            done += n;
        }
    }
    if (written) *written = done;
    return TRUE;
}

BOOL WINAPI FillConsoleOutputCharacterA(HANDLE h, CHAR ch, DWORD count, COORD pos, DWORD *written)
{
    WCHAR wch = ' ';
    MultiByteToWideChar(GetConsoleOutputCP(), 0, &ch, 1, &wch, 1);
    return FillConsoleOutputCharacterW(h, wch, count, pos, written);
}

/* colours follow SetConsoleTextAttribute; cells already written keep theirs */
BOOL WINAPI FillConsoleOutputAttribute(HANDLE h, WORD attr, DWORD count, COORD pos, DWORD *written)
{
    (void)attr; (void)pos;
    if (!is_console(h)) return FALSE;
    if (written) *written = count;
    return TRUE;
}

/* --- colours ----------------------------------------------------------------------------------- */

/* Windows colours as SGR sequences */
static int ansi_colour(WORD bits)
{
    return ((bits & 4) ? 1 : 0) | ((bits & 2) ? 2 : 0) | ((bits & 1) ? 4 : 0);
}

static int put_number(WCHAR *p, int v)
{
    int n = 0;
    if (v >= 100) p[n++] = '0' + v / 100;
    if (v >= 10) p[n++] = '0' + v / 10 % 10;
    p[n++] = '0' + v % 10;
    return n;
}

/* grey on black, the console default, is the terminal's own default colours */
BOOL WINAPI SetConsoleTextAttribute(HANDLE h, WORD attr)
{
    WCHAR seq[16];
    int fg = ansi_colour(attr & 7), bg = ansi_colour((attr >> 4) & 7), n = 0;
    if (!is_console(h)) return FALSE;
    text_attributes = attr;
    seq[n++] = 0x1b; seq[n++] = '['; seq[n++] = '0'; seq[n++] = ';';
    n += put_number(seq + n, (attr & FOREGROUND_INTENSITY) ? 90 + fg : fg == 7 ? 39 : 30 + fg);
    seq[n++] = ';';
    n += put_number(seq + n, (attr & BACKGROUND_INTENSITY) ? 100 + bg : bg == 0 ? 49 : 40 + bg);
    seq[n++] = 'm';
    return write_utf8(h, seq, n);
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

/* --- screen buffers ------------------------------------------------------------------------------ */

/* A new screen buffer is the terminal opened again; making one active
   switches the terminal to its alternate screen, making the original
   output active switches back (what full-screen programs use buffers for). */
static HANDLE extra_buffers[8];
static BOOL on_alternate;

HANDLE WINAPI CreateConsoleScreenBuffer(DWORD access, DWORD share, const SECURITY_ATTRIBUTES *sa, DWORD flags,
                                        void *data)
{
    HANDLE h;
    (void)data;
    if (flags != CONSOLE_TEXTMODE_BUFFER) { SetLastError(ERROR_INVALID_PARAMETER); return INVALID_HANDLE_VALUE; }
    if (!have_console()) { SetLastError(ERROR_INVALID_HANDLE); return INVALID_HANDLE_VALUE; }
    h = CreateFileW(L"CONOUT$", access, share, (SECURITY_ATTRIBUTES *)sa, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) return h;
    for (size_t i = 0; i < ARRAYSIZE(extra_buffers); i++)
        if (!extra_buffers[i]) { extra_buffers[i] = h; break; }
    return h;
}

static BOOL is_extra_buffer(HANDLE h)
{
    for (size_t i = 0; i < ARRAYSIZE(extra_buffers); i++) if (h && extra_buffers[i] == h) return TRUE;
    return FALSE;
}

BOOL WINAPI SetConsoleActiveScreenBuffer(HANDLE h)
{
    BOOL alternate;
    if (!is_console(h)) return FALSE;
    alternate = is_extra_buffer(console_handle(h));
    if (alternate != on_alternate && !write_utf8(h, alternate ? L"\x1b[?1049h" : L"\x1b[?1049l", 8)) return FALSE;
    on_alternate = alternate;
    return TRUE;
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
        write_utf8(out, start, wcslen(start));
        write_utf8(out, title, wcslen(title));
        write_utf8(out, end, 1);
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
   process with STATUS_CONTROL_C_EXIT, as Windows does. */
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
        if (list[n](event)) return 0;
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
