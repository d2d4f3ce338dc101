/*
 * Console I/O (conio.h): _getch/_getwch/_getche/_getwche, _kbhit,
 * _ungetch/_ungetwch, _putch/_putwch, _cputs/_cputws and their _nolock
 * forms, _cgets/_cgetws and their _s forms. As msvcrt, they talk to the
 * console itself (CONIN$ and CONOUT$, opened once), never to stdin/stdout:
 * a redirected program still reads keys from its terminal. Without a
 * console, reads give EOF/WEOF (an empty line) and writes fail.
 *
 * Keys come from ReadConsoleInput: a character key gives its character;
 * an arrow, editing or function key gives two results, a prefix (0xE0 for
 * the keys of the extended keypad, 0 for F1-F12) and then its scan code,
 * as the Windows console reports them.
 */
#include "private.h"
#include <conio.h>
#include <stdio.h>


static HANDLE conin = INVALID_HANDLE_VALUE, conout = INVALID_HANDLE_VALUE;
static BOOL conin_tried, conout_tried;
static int ungot = EOF;               /* _ungetch's character, EOF if none */
static int pending_scan = EOF;        /* the scan code after a 0/0xE0 prefix */

wint_t __cdecl _putwch_nolock(wchar_t c);
int __cdecl _putch_nolock(int c);

static HANDLE open_console(const wchar_t *name, HANDLE *slot, BOOL *tried)
{
    if (!*tried)
    {
        *slot = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                            OPEN_EXISTING, 0, NULL);
        *tried = TRUE;
    }
    return *slot;
}

static HANDLE console_in(void) { return open_console(L"CONIN$", &conin, &conin_tried); }
static HANDLE console_out(void) { return open_console(L"CONOUT$", &conout, &conout_tried); }

/* ---- reading keys ---- */

/* the prefix of a key that has no character, 0 when it has none */
static int key_prefix(const KEY_EVENT_RECORD *k)
{
    WORD vk = k->wVirtualKeyCode;
    if (vk >= VK_F1 && vk <= VK_F12) return 0x100;   /* 0, then the scan code */
    if ((vk >= VK_PRIOR && vk <= VK_DOWN) || vk == VK_INSERT || vk == VK_DELETE) return 0xe0;
    return -1;
}

/* the next key press from the console: its character, or a prefix whose
   scan code the next call returns (then *raw is set: a byte, not a
   character); WEOF without a console */
static wint_t next_key(BOOL *raw)
{
    HANDLE in = console_in();
    INPUT_RECORD rec;
    DWORD n, mode = 0;
    wint_t ret = WEOF;

    *raw = FALSE;
    if (in == INVALID_HANDLE_VALUE) return WEOF;
    GetConsoleMode(in, &mode);
    SetConsoleMode(in, 0);                            /* raw: no line editing, no echo, no Ctrl+C */
    while (ReadConsoleInputW(in, &rec, 1, &n) && n)
    {
        const KEY_EVENT_RECORD *k = &rec.Event.KeyEvent;
        int prefix;
        if (rec.EventType != KEY_EVENT || !k->bKeyDown) continue;
        if (k->uChar.UnicodeChar) { ret = k->uChar.UnicodeChar; break; }
        if ((prefix = key_prefix(k)) < 0) continue;   /* Shift, Ctrl... alone */
        pending_scan = k->wVirtualScanCode;
        ret = prefix & 0xff;
        *raw = TRUE;
        break;
    }
    SetConsoleMode(in, mode);
    return ret;
}

/* the ungot character, a pending scan code, or the next key */
static wint_t take_key(BOOL *raw)
{
    wint_t c;
    *raw = TRUE;
    if (ungot != EOF) { c = ungot; ungot = EOF; return c; }
    if (pending_scan != EOF) { c = pending_scan; pending_scan = EOF; return c; }
    return next_key(raw);
}

wint_t __cdecl _getwch_nolock(void)
{
    BOOL raw;
    return take_key(&raw);
}

int __cdecl _getch_nolock(void)
{
    BOOL raw;
    wint_t w = take_key(&raw);
    char a;
    if (w == WEOF) return EOF;
    if (w < 0x80 || raw) return w & 0xff;
    /* a character outside ASCII: its byte in the console's code page */
    return WideCharToMultiByte(GetConsoleCP(), 0, (wchar_t *)&w, 1, &a, 1, NULL, NULL) ? (unsigned char)a : EOF;
}

/* a character given back by _ungetch was echoed when first read: it comes
   back without a second echo (_cscanf reads through these and gives back
   the character after a field) */
wint_t __cdecl _getwche_nolock(void)
{
    BOOL again = ungot != EOF;
    wint_t c = _getwch_nolock();
    return c == WEOF || again ? c : _putwch_nolock(c);
}

int __cdecl _getche_nolock(void)
{
    BOOL again = ungot != EOF;
    int c = _getch_nolock();
    return c == EOF || again ? c : _putch_nolock(c);
}

/* a key press waits: an ungot character, or a key-down event with a
   character or a prefixed key; other events are dropped, as msvcrt does */
int __cdecl _kbhit(void)
{
    HANDLE in;
    INPUT_RECORD recs[64];
    DWORD n = 0, i;
    int hit = 0;

    _lock(MSVCRT_LOCK_CONIO);
    if (ungot != EOF || pending_scan != EOF) hit = 1;
    else if ((in = console_in()) != INVALID_HANDLE_VALUE && PeekConsoleInputW(in, recs, ARRAYSIZE(recs), &n))
    {
        for (i = 0; i < n && !hit; i++)
        {
            const KEY_EVENT_RECORD *k = &recs[i].Event.KeyEvent;
            hit = recs[i].EventType == KEY_EVENT && k->bKeyDown && (k->uChar.UnicodeChar || key_prefix(k) >= 0);
        }
        if (!hit && n) ReadConsoleInputW(in, recs, n, &n);   /* only releases and the like: drop them */
    }
    _unlock(MSVCRT_LOCK_CONIO);
    return hit;
}

wint_t __cdecl _ungetwch_nolock(wint_t c)
{
    if (c == WEOF || ungot != EOF) return WEOF;
    ungot = c;
    return c;
}

int __cdecl _ungetch_nolock(int c)
{
    if (c == EOF || ungot != EOF) return EOF;
    ungot = c & 0xff;
    return ungot;
}

/* ---- writing ---- */

static BOOL write_wide(const wchar_t *s, DWORD len)
{
    HANDLE out = console_out();
    DWORD done;
    return out != INVALID_HANDLE_VALUE && WriteConsoleW(out, s, len, &done, NULL) && done == len;
}

static BOOL write_ansi(const char *s, DWORD len)
{
    HANDLE out = console_out();
    DWORD done;
    return out != INVALID_HANDLE_VALUE && WriteConsoleA(out, s, len, &done, NULL) && done == len;
}

/* count bytes, or UTF-16 units when wide, to the console (conformat.c):
   FALSE without one or when the write fails */
BOOL msvcrt_conio_write(const void *units, DWORD count, BOOL wide)
{
    return wide ? write_wide(units, count) : write_ansi(units, count);
}

wint_t __cdecl _putwch_nolock(wchar_t c)
{
    return write_wide(&c, 1) ? c : WEOF;
}

int __cdecl _putch_nolock(int c)
{
    char a = (char)c;
    return write_ansi(&a, 1) ? (c & 0xff) : EOF;
}

/* _cputs and _cputws: the whole string, 0 or -1 */
static int cputs_common(const void *s, BOOL wide)
{
    BOOL ok;
    if (!s) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return -1; }
    _lock(MSVCRT_LOCK_CONIO);
    ok = wide ? write_wide(s, wcslen(s)) : write_ansi(s, strlen(s));
    _unlock(MSVCRT_LOCK_CONIO);
    return ok ? 0 : -1;
}

int __cdecl _cputs(const char *s) { return cputs_common(s, FALSE); }
int __cdecl _cputws(const wchar_t *s) { return cputs_common(s, TRUE); }

/* the locking forms: the _nolock function under msvcrt's console lock */
#define LOCKED(type, name, params, args) \
    type __cdecl name params \
    { \
        type r; \
        _lock(MSVCRT_LOCK_CONIO); \
        r = name##_nolock args; \
        _unlock(MSVCRT_LOCK_CONIO); \
        return r; \
    }

LOCKED(wint_t, _getwch, (void), ())
LOCKED(int, _getch, (void), ())
LOCKED(wint_t, _getwche, (void), ())
LOCKED(int, _getche, (void), ())
LOCKED(wint_t, _ungetwch, (wint_t c), (c))
LOCKED(int, _ungetch, (int c), (c))
LOCKED(wint_t, _putwch, (wchar_t c), (c))
LOCKED(int, _putch, (int c), (c))

/* ---- reading a line: _cgets, _cgetws and their _s forms ---- */

/* Reads keys until Enter, echoing them, Backspace taking one back; stops
   without waiting for Enter once max characters are in (the rest stays
   for the next read). Arrow and function keys are dropped. The count
   read, or -1 when there is no console and nothing was read. Called under
   the console lock. */
static int read_line(wchar_t *buf, size_t max)
{
    size_t n = 0;
    wint_t c;
    BOOL raw;

    while (n < max)
    {
        if ((c = take_key(&raw)) == WEOF) return n ? (int)n : -1;
        if (raw && (c == 0 || c == 0xe0) && pending_scan != EOF) { pending_scan = EOF; continue; }
        if (c == '\r' || c == '\n')
        {
            write_wide(L"\r\n", 2);
            break;
        }
        if (c == '\b')
        {
            if (n) { n--; write_wide(L"\b \b", 3); }
            continue;
        }
        buf[n++] = c;
        write_wide(&buf[n - 1], 1);
    }
    return n;
}

/* the parameters of the _s forms (documented): EINVAL for a NULL buffer or
   count, a zero size; TRUE when they may go on */
static BOOL cgets_s_valid(void *buf, size_t size, size_t *count, size_t unit)
{
    if (buf && size && count) return TRUE;
    if (buf && size) memset(buf, 0, unit);
    msvcrt_invalid_parameter();
    *_errno() = EINVAL;
    return FALSE;
}

errno_t __cdecl _cgetws_s(wchar_t *buf, size_t size, size_t *count)
{
    int n;

    if (!cgets_s_valid(buf, size, count, sizeof(wchar_t))) return EINVAL;
    _lock(MSVCRT_LOCK_CONIO);
    n = read_line(buf, size - 1);
    _unlock(MSVCRT_LOCK_CONIO);
    if (n < 0) n = 0;
    buf[n] = 0;
    *count = n;
    return 0;
}

errno_t __cdecl _cgets_s(char *buf, size_t size, size_t *count)
{
    wchar_t *line;
    int n, bytes;

    if (!cgets_s_valid(buf, size, count, 1)) return EINVAL;
    if (!(line = malloc(size * sizeof(wchar_t)))) return *_errno() = ENOMEM;
    _lock(MSVCRT_LOCK_CONIO);
    n = read_line(line, size - 1);
    _unlock(MSVCRT_LOCK_CONIO);
    /* in the console's code page; a character that no longer fits is cut */
    bytes = n > 0 ? WideCharToMultiByte(GetConsoleCP(), 0, line, n, buf, size - 1, NULL, NULL) : 0;
    free(line);
    buf[bytes] = 0;
    *count = bytes;
    return 0;
}

/* buf[0] holds the most characters to read (documented: the buffer has
   room for them, a NUL and 2 bytes more); the count goes to buf[1], the
   line from buf[2], which is returned */
char * __cdecl _cgets(char *buf)
{
    size_t count;

    if (!buf) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return NULL; }
    if (_cgets_s(buf + 2, (unsigned char)buf[0] + 1, &count)) return NULL;
    buf[1] = (char)count;
    return buf + 2;
}

wchar_t * __cdecl _cgetws(wchar_t *buf)
{
    size_t count;

    if (!buf) { msvcrt_invalid_parameter(); *_errno() = EINVAL; return NULL; }
    if (_cgetws_s(buf + 2, buf[0] + 1, &count)) return NULL;
    buf[1] = (wchar_t)count;
    return buf + 2;
}

/* msvcrt's startup hook for the C locale's lconv: wlx's lconv is ready
   from the start (locale.c), nothing is left to do */
int __cdecl __lconv_init(void)
{
    return 0;
}
