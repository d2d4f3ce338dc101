/*
 * kernel32/conin.c — console input events: ReadConsoleInputW/A,
 * PeekConsoleInputW/A, GetNumberOfConsoleInputEvents, WriteConsoleInputW/A
 * and FlushConsoleInputBuffer.
 *
 * The events wait in a queue of this process. WriteConsoleInput adds to it;
 * when it runs dry, the terminal's bytes are read key by key (ntdll's
 * __wlx_console_read_raw) and turned into key-down/key-up pairs as the
 * Windows console makes them: characters with their virtual key, and the
 * terminal's escape sequences for arrows, editing and function keys. On a
 * handle that is no console (a pipe, a file) every function fails with
 * ERROR_INVALID_HANDLE, as on Windows. A new terminal size is a
 * WINDOW_BUFFER_SIZE_EVENT when the input mode asks for them.
 *
 * Sections: the queue · terminal bytes to key events · size changes · the API.
 */
#include "private.h"

NTSTATUS NTAPI __wlx_console_read_raw(HANDLE, void *buf, ULONG size, LONG timeout_ms, ULONG *got);

/* --- the queue ------------------------------------------------------------------ */

static INPUT_RECORD *queue;
static DWORD queue_len, queue_cap;
static RTL_CRITICAL_SECTION queue_lock = { (void *)-1, -1, 0, 0, 0, 0 };

static BOOL queue_push(const INPUT_RECORD *rec)
{
    if (queue_len == queue_cap)
    {
        DWORD n = queue_cap ? queue_cap * 2 : 64;
        INPUT_RECORD *q = queue ? HeapReAlloc(PROCESS_HEAP(), 0, queue, n * sizeof(*q))
                                : HeapAlloc(PROCESS_HEAP(), 0, n * sizeof(*q));
        if (!q) return FALSE;
        queue = q;
        queue_cap = n;
    }
    queue[queue_len++] = *rec;
    return TRUE;
}

/* copies up to `count` events out; `remove` takes them off the queue */
static DWORD queue_take(INPUT_RECORD *out, DWORD count, BOOL remove)
{
    DWORD n = min(count, queue_len);
    memcpy(out, queue, n * sizeof(*out));
    if (remove)
    {
        memmove(queue, queue + n, (queue_len - n) * sizeof(*queue));
        queue_len -= n;
    }
    return n;
}

/* --- terminal bytes to key events ----------------------------------------------- */

/* the scan code of a virtual key on a US keyboard, as the console reports
   it (msvcrt's _getch returns it after the prefix of an extended key) */
static WORD scan_code(WORD vk)
{
    static const BYTE letters[26] = {
        0x1e, 0x30, 0x2e, 0x20, 0x12, 0x21, 0x22, 0x23, 0x17, 0x24, 0x25, 0x26, 0x32,
        0x31, 0x18, 0x19, 0x10, 0x13, 0x1f, 0x14, 0x16, 0x2f, 0x11, 0x2d, 0x15, 0x2c,
    };
    static const struct { WORD vk; BYTE scan; } keys[] = {
        { VK_ESCAPE, 0x01 }, { VK_BACK, 0x0e }, { VK_TAB, 0x0f }, { VK_RETURN, 0x1c }, { VK_SPACE, 0x39 },
        { VK_HOME, 0x47 }, { VK_UP, 0x48 }, { VK_PRIOR, 0x49 }, { VK_LEFT, 0x4b }, { VK_RIGHT, 0x4d },
        { VK_END, 0x4f }, { VK_DOWN, 0x50 }, { VK_NEXT, 0x51 }, { VK_INSERT, 0x52 }, { VK_DELETE, 0x53 },
        { VK_F11, 0x57 }, { VK_F12, 0x58 },
    };
    if (vk >= 'A' && vk <= 'Z') return letters[vk - 'A'];
    if (vk >= '1' && vk <= '9') return 0x02 + vk - '1';
    if (vk == '0') return 0x0b;
    if (vk >= VK_F1 && vk <= VK_F10) return 0x3b + vk - VK_F1;
    for (size_t i = 0; i < ARRAYSIZE(keys); i++) if (keys[i].vk == vk) return keys[i].scan;
    return 0;
}

static void push_key(WORD vk, WCHAR ch, DWORD state)
{
    INPUT_RECORD rec = { KEY_EVENT };
    rec.Event.KeyEvent.wRepeatCount = 1;
    rec.Event.KeyEvent.wVirtualKeyCode = vk;
    rec.Event.KeyEvent.wVirtualScanCode = scan_code(vk);
    rec.Event.KeyEvent.uChar.UnicodeChar = ch;
    rec.Event.KeyEvent.dwControlKeyState = state;
    rec.Event.KeyEvent.bKeyDown = TRUE;
    queue_push(&rec);
    rec.Event.KeyEvent.bKeyDown = FALSE;
    queue_push(&rec);
}

/* a character the terminal sent as itself */
static void push_char(WCHAR ch)
{
    if (ch >= 'a' && ch <= 'z') push_key(ch - 'a' + 'A', ch, 0);
    else if (ch >= 'A' && ch <= 'Z') push_key(ch, ch, SHIFT_PRESSED);
    else if (ch >= '0' && ch <= '9') push_key(ch, ch, 0);
    else if (ch == ' ') push_key(VK_SPACE, ch, 0);
    else if (ch == '\r' || ch == '\n') push_key(VK_RETURN, '\r', 0);
    else if (ch == '\t') push_key(VK_TAB, ch, 0);
    else if (ch == 0x7f || ch == '\b') push_key(VK_BACK, '\b', 0);
    else if (ch == 0x1b) push_key(VK_ESCAPE, ch, 0);
    else if (ch >= 1 && ch <= 26) push_key('A' + ch - 1, ch, LEFT_CTRL_PRESSED);   /* Ctrl+letter */
    else push_key(0, ch, 0);
}

/* "ESC [ n ~": editing and function keys */
static WORD tilde_key(int n)
{
    static const WORD keys[] = {
        [1] = VK_HOME, [2] = VK_INSERT, [3] = VK_DELETE, [4] = VK_END, [5] = VK_PRIOR, [6] = VK_NEXT,
        [7] = VK_HOME, [8] = VK_END, [11] = VK_F1, [12] = VK_F2, [13] = VK_F3, [14] = VK_F4, [15] = VK_F5,
        [17] = VK_F6, [18] = VK_F7, [19] = VK_F8, [20] = VK_F9, [21] = VK_F10, [23] = VK_F11, [24] = VK_F12,
    };
    return n > 0 && n < (int)ARRAYSIZE(keys) ? keys[n] : 0;
}

/* "ESC [ X" / "ESC O X": arrows, Home/End, F1-F4 */
static WORD letter_key(char c)
{
    switch (c)
    {
    case 'A': return VK_UP;
    case 'B': return VK_DOWN;
    case 'C': return VK_RIGHT;
    case 'D': return VK_LEFT;
    case 'H': return VK_HOME;
    case 'F': return VK_END;
    case 'P': return VK_F1;
    case 'Q': return VK_F2;
    case 'R': return VK_F3;
    case 'S': return VK_F4;
    default: return 0;
    }
}

/* an escape sequence at s (s[0] is ESC): how many bytes it took, 0 if it
   is none this table knows (then ESC is a key of its own) */
static DWORD parse_escape(const char *s, DWORD len)
{
    DWORD i = 2;
    int n = 0;
    WORD vk;

    if (len < 3 || (s[1] != '[' && s[1] != 'O')) return 0;
    while (i < len && s[i] >= '0' && s[i] <= '9') n = n * 10 + s[i++] - '0';
    if (i < len && s[i] == ';') while (++i < len && s[i] >= '0' && s[i] <= '9') {}   /* modifiers: ignored */
    if (i >= len) return 0;
    vk = s[i] == '~' ? tilde_key(n) : letter_key(s[i]);
    if (!vk) return 0;
    push_key(vk, 0, (vk >= VK_PRIOR && vk <= VK_DOWN) || vk == VK_INSERT || vk == VK_DELETE ? ENHANCED_KEY : 0);
    return i + 1;
}

/* turns a read of terminal bytes (UTF-8) into key events */
static void push_bytes(const char *s, DWORD len)
{
    DWORD i = 0;
    while (i < len)
    {
        DWORD used, seq;
        WCHAR w[2];
        int n;

        if (s[i] == 0x1b && (used = parse_escape(s + i, len - i))) { i += used; continue; }
        if ((unsigned char)s[i] < 0x80) { push_char(s[i++]); continue; }
        seq = (unsigned char)s[i] >= 0xf0 ? 4 : (unsigned char)s[i] >= 0xe0 ? 3 : 2;
        if (seq > len - i) seq = len - i;
        n = MultiByteToWideChar(CP_UTF8, 0, s + i, seq, w, 2);
        for (int k = 0; k < n; k++) push_key(0, w[k], 0);
        i += seq;
    }
}

/* reads what the terminal has (waiting up to `timeout_ms`, -1: until a key)
   into the queue */
static BOOL fill_queue(HANDLE h, LONG timeout_ms)
{
    char buf[256];
    ULONG got = 0;
    NTSTATUS status = __wlx_console_read_raw(h, buf, sizeof(buf), timeout_ms, &got);
    if (status) return set_ntstatus(status);
    push_bytes(buf, got);
    return TRUE;
}

/* --- size changes ------------------------------------------------------------------ */

#define WLX_IOCTL_CONSOLE_SIZE 0x00500f00   /* ntdll/unix/file.c */
#define SIZE_POLL_MS 100                     /* how often a waiting read looks at the size */

static COORD last_size;                      /* the terminal's size when last looked at */

/* With ENABLE_WINDOW_INPUT a new terminal size (a resized window, or
   ResizePseudoConsole on a pseudoconsole) is a WINDOW_BUFFER_SIZE_EVENT,
   as the buffer is the window here (conscreen.c). The size is looked at
   when events are asked for, and every SIZE_POLL_MS while a read waits. */
static void check_size(HANDLE h)
{
    IO_STATUS_BLOCK io;
    USHORT size[4];
    if (!(k32_console_input_mode() & ENABLE_WINDOW_INPUT)) { last_size.X = 0; return; }
    if (NtDeviceIoControlFile(h, NULL, NULL, NULL, &io, WLX_IOCTL_CONSOLE_SIZE, NULL, 0, size, sizeof(size)) ||
        !size[0] || !size[1])
        return;
    COORD now = { (SHORT)min(size[0], 0x7fff), (SHORT)min(size[1], 0x7fff) };
    if (last_size.X && (now.X != last_size.X || now.Y != last_size.Y))
    {
        INPUT_RECORD rec = { WINDOW_BUFFER_SIZE_EVENT };
        rec.Event.WindowBufferSizeEvent.dwSize = now;
        queue_push(&rec);
    }
    last_size = now;
}

/* SetConsoleMode turned ENABLE_WINDOW_INPUT on: changes count from now */
void k32_console_watch_size(HANDLE h)
{
    RtlEnterCriticalSection(&queue_lock);
    check_size(h);
    RtlLeaveCriticalSection(&queue_lock);
}

/* --- the API ------------------------------------------------------------------------ */

/* the common body of Read and Peek: `wait` blocks until an event exists */
static BOOL get_events(HANDLE h, INPUT_RECORD *buf, DWORD count, DWORD *read, BOOL remove, BOOL wait)
{
    BOOL ok = TRUE;

    if (read) *read = 0;
    if (!(h = k32_console_input(h))) return FALSE;
    if (!buf || !read) { SetLastError(ERROR_INVALID_ACCESS); return FALSE; }
    RtlEnterCriticalSection(&queue_lock);
    check_size(h);
    if (!queue_len) ok = fill_queue(h, 0);
    while (ok && wait && !queue_len && count)
    {
        ok = fill_queue(h, last_size.X ? SIZE_POLL_MS : -1);
        if (ok && !queue_len) check_size(h);
    }
    if (ok) *read = queue_take(buf, count, remove);
    RtlLeaveCriticalSection(&queue_lock);
    return ok;
}

/* the A forms give each character in the console's input code page */
static void events_to_ansi(INPUT_RECORD *buf, DWORD n)
{
    for (DWORD i = 0; i < n; i++)
    {
        KEY_EVENT_RECORD *k = &buf[i].Event.KeyEvent;
        WCHAR ch;
        char a = 0;
        if (buf[i].EventType != KEY_EVENT) continue;
        ch = k->uChar.UnicodeChar;
        if (ch) WideCharToMultiByte(GetConsoleCP(), 0, &ch, 1, &a, 1, NULL, NULL);
        k->uChar.UnicodeChar = 0;
        k->uChar.AsciiChar = a;
    }
}

BOOL WINAPI ReadConsoleInputW(HANDLE h, INPUT_RECORD *buf, DWORD count, DWORD *read)
{
    return get_events(h, buf, count, read, TRUE, TRUE);
}

BOOL WINAPI PeekConsoleInputW(HANDLE h, INPUT_RECORD *buf, DWORD count, DWORD *read)
{
    return get_events(h, buf, count, read, FALSE, FALSE);
}

BOOL WINAPI ReadConsoleInputA(HANDLE h, INPUT_RECORD *buf, DWORD count, DWORD *read)
{
    if (!get_events(h, buf, count, read, TRUE, TRUE)) return FALSE;
    events_to_ansi(buf, *read);
    return TRUE;
}

BOOL WINAPI PeekConsoleInputA(HANDLE h, INPUT_RECORD *buf, DWORD count, DWORD *read)
{
    if (!get_events(h, buf, count, read, FALSE, FALSE)) return FALSE;
    events_to_ansi(buf, *read);
    return TRUE;
}

BOOL WINAPI GetNumberOfConsoleInputEvents(HANDLE h, DWORD *count)
{
    BOOL ok;
    if (!(h = k32_console_input(h))) return FALSE;
    if (!count) { SetLastError(ERROR_INVALID_ACCESS); return FALSE; }
    RtlEnterCriticalSection(&queue_lock);
    check_size(h);
    ok = queue_len || fill_queue(h, 0);
    *count = queue_len;
    RtlLeaveCriticalSection(&queue_lock);
    return ok;
}

static BOOL write_events(HANDLE h, const INPUT_RECORD *buf, DWORD count, DWORD *written, BOOL ansi)
{
    DWORD i;

    if (written) *written = 0;
    if (!k32_console_input(h)) return FALSE;
    if (!written || (count && !buf)) { SetLastError(ERROR_INVALID_ACCESS); return FALSE; }
    RtlEnterCriticalSection(&queue_lock);
    for (i = 0; i < count; i++)
    {
        INPUT_RECORD rec = buf[i];
        if (ansi && rec.EventType == KEY_EVENT)
        {
            char a = rec.Event.KeyEvent.uChar.AsciiChar;
            WCHAR w = 0;
            if (a) MultiByteToWideChar(GetConsoleCP(), 0, &a, 1, &w, 1);
            rec.Event.KeyEvent.uChar.UnicodeChar = w;
        }
        if (!queue_push(&rec)) break;
    }
    RtlLeaveCriticalSection(&queue_lock);
    *written = i;
    if (i < count) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    return TRUE;
}

BOOL WINAPI WriteConsoleInputW(HANDLE h, const INPUT_RECORD *buf, DWORD count, DWORD *written)
{
    return write_events(h, buf, count, written, FALSE);
}

BOOL WINAPI WriteConsoleInputA(HANDLE h, const INPUT_RECORD *buf, DWORD count, DWORD *written)
{
    return write_events(h, buf, count, written, TRUE);
}

/* drops the queue and what the terminal holds unread */
BOOL WINAPI FlushConsoleInputBuffer(HANDLE h)
{
    char buf[256];
    ULONG got;

    if (!(h = k32_console_input(h))) return FALSE;
    RtlEnterCriticalSection(&queue_lock);
    queue_len = 0;
    while (!__wlx_console_read_raw(h, buf, sizeof(buf), 0, &got) && got) {}
    RtlLeaveCriticalSection(&queue_lock);
    return TRUE;
}
