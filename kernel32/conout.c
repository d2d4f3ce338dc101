/*
 * kernel32/conout.c — console output through the screen-buffer model
 * (conscreen.c): WriteConsole and WriteFile on a console, the buffer's
 * information, cursor and colours, the cell functions (Fill*,
 * Read/WriteConsoleOutput*, ScrollConsoleScreenBuffer) and the buffers
 * CreateConsoleScreenBuffer makes and SetConsoleActiveScreenBuffer shows.
 *
 * Rectangles are clipped to the buffer and the SMALL_RECT parameters say
 * what was done; runs of cells (the *Character and *Attribute functions)
 * go on from the end of a line to the start of the next and stop at the
 * end of the buffer. The *A functions go through the console's output code
 * page. On a handle that is no console output: ERROR_INVALID_HANDLE.
 *
 * Sections: text · information, cursor, colours · runs of cells ·
 * rectangles · scrolling · screen buffers.
 */
#include "conscreen.h"

/* the lock held and the terminal output started: NULL (the error set) if h is no console output */
static struct screen *enter(HANDLE h, BOOL sync, struct out *o)
{
    struct screen *s;
    RtlEnterCriticalSection(&screen_lock);
    if (!(s = screen_get(h, sync)))
    {
        RtlLeaveCriticalSection(&screen_lock);
        return NULL;
    }
    out_start(o, s, h);
    return s;
}

static BOOL leave(struct out *o, BOOL ret)
{
    if (!out_end(o) && ret)
    {
        SetLastError(ERROR_WRITE_FAULT);
        ret = FALSE;
    }
    RtlLeaveCriticalSection(&screen_lock);
    return ret;
}

static BOOL fail(struct out *o, DWORD error)
{
    leave(o, FALSE);
    SetLastError(error);
    return FALSE;
}

/* the output code page's text as WCHARs: a heap copy when it does not fit `small` */
static WCHAR *to_wide(const char *text, DWORD count, WCHAR *small, DWORD small_len, UINT cp, DWORD *len)
{
    WCHAR *w = small;
    *len = count ? MultiByteToWideChar(cp, 0, text, count, NULL, 0) : 0;
    if (*len > small_len && !(w = RtlAllocateHeap(PROCESS_HEAP(), 0, *len * sizeof(WCHAR))))
    {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    if (*len) MultiByteToWideChar(cp, 0, text, count, w, *len);
    return w;
}

/* --- text ------------------------------------------------------------------------------------ */

static BOOL write_text(HANDLE h, const WCHAR *text, DWORD count)
{
    struct out o;
    struct screen *s = enter(h, FALSE, &o);
    if (!s) return FALSE;
    screen_text(s, &o, text, count);
    return leave(&o, TRUE);
}

BOOL WINAPI WriteConsoleW(HANDLE h, const void *text, DWORD count, DWORD *written, void *reserved)
{
    (void)reserved;
    if (written) *written = 0;
    if (count && !text) { SetLastError(ERROR_INVALID_ACCESS); return FALSE; }
    if (!write_text(h, text, count)) return FALSE;
    if (written) *written = count;
    return TRUE;
}

BOOL WINAPI WriteConsoleA(HANDLE h, const void *text, DWORD count, DWORD *written, void *reserved)
{
    WCHAR small[512], *w;
    DWORD len;
    BOOL ret;
    (void)reserved;
    if (written) *written = 0;
    if (count && !text) { SetLastError(ERROR_INVALID_ACCESS); return FALSE; }
    if (!k32_is_console(h)) return FALSE;
    if (!(w = to_wide(text, count, small, ARRAYSIZE(small), GetConsoleOutputCP(), &len))) return FALSE;
    ret = write_text(h, w, len);
    if (w != small) RtlFreeHeap(PROCESS_HEAP(), 0, w);
    if (ret && written) *written = count;
    return ret;
}

/* WriteFile asks of each handle whether it is a console output (a system
   call, a third of a small write's cost): the answers for the last few
   handles are kept, each as handle | 1 when it is one, until the handle
   is closed */
static ULONG_PTR known[4];
static LONG known_next;

static BOOL is_console_output(HANDLE h)
{
    ULONG_PTR v = (ULONG_PTR)k32_console_handle(h);
    DWORD err = GetLastError();
    BOOL yes;
    for (int i = 0; i < (int)ARRAYSIZE(known); i++)
        if ((known[i] & ~(ULONG_PTR)1) == v) return known[i] & 1;
    yes = k32_is_console(h) && !k32_is_console_input(h);
    SetLastError(err);
    if (v && !(v & 3)) known[(ULONG)InterlockedIncrement(&known_next) % ARRAYSIZE(known)] = v | yes;
    return yes;
}

void k32_console_forget(HANDLE h)
{
    for (int i = 0; i < (int)ARRAYSIZE(known); i++)
        if ((known[i] & ~(ULONG_PTR)1) == (ULONG_PTR)h) known[i] = 0;
    screen_forget(h);
}

/* the bytes of a UTF-8 character cut by the end of a WriteFile, kept for the next */
static char utf8_tail[4];
static DWORD utf8_tail_len;

/* WriteFile on a console (file.c): FALSE when h is no console, and nothing
   done. The bytes are UTF-8 when they read as UTF-8 (what the terminal made
   of them before this model existed), else text of the output code page */
BOOL k32_console_write_file(HANDLE h, const void *buf, DWORD len, DWORD *done, BOOL *ret)
{
    DWORD keep = 0, n, total;
    WCHAR small[512], *w;
    char bytes[512], *b = bytes;
    UINT cp = CP_UTF8;

    if (!is_console_output(h) || (!buf && len)) return FALSE;
    RtlEnterCriticalSection(&screen_lock);   /* the tail is the console's, whichever thread writes */
    total = utf8_tail_len + len;
    if (total > sizeof(bytes) && !(b = RtlAllocateHeap(PROCESS_HEAP(), 0, total)))
    {
        RtlLeaveCriticalSection(&screen_lock);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        *ret = FALSE;
        return TRUE;
    }
    memcpy(b, utf8_tail, utf8_tail_len);
    memcpy(b + utf8_tail_len, buf, len);
    utf8_tail_len = 0;
    /* a character cut at the end: the rest comes with the next write. Only
       for text known to be UTF-8 (the code page, or UTF-8 before it in the
       write): an OEM box-drawing byte at the end of a line must show now */
    for (DWORD back = 1; back <= 3 && back <= total; back++)
    {
        unsigned char c = b[total - back];
        if ((c & 0xc0) == 0x80) continue;
        if (c >= 0xc0 && (DWORD)(c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2) > back) keep = back;
        break;
    }
    if (keep && GetConsoleOutputCP() != CP_UTF8)
    {
        BOOL utf8 = FALSE;
        for (DWORD i = 0; i < total - keep && !utf8; i++) utf8 = (unsigned char)b[i] >= 0x80;
        if (!utf8 || !MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, b, total - keep, NULL, 0)) keep = 0;
    }
    if (total - keep && !MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, b, total - keep, NULL, 0))
    {
        cp = GetConsoleOutputCP();
        keep = 0;
    }
    memcpy(utf8_tail, b + total - keep, keep);
    utf8_tail_len = keep;
    w = to_wide(b, total - keep, small, ARRAYSIZE(small), cp, &n);
    *ret = w && write_text(h, w, n);
    if (w && w != small) RtlFreeHeap(PROCESS_HEAP(), 0, w);
    if (b != bytes) RtlFreeHeap(PROCESS_HEAP(), 0, b);
    RtlLeaveCriticalSection(&screen_lock);
    if (*ret && done) *done = len;
    return TRUE;
}

/* a line ReadConsole read was echoed by the terminal: the model takes it too (console.c) */
void k32_console_echoed(HANDLE in, const WCHAR *text, DWORD count)
{
    struct screen *s;
    (void)in;
    RtlEnterCriticalSection(&screen_lock);
    if ((s = screen_get((HANDLE)(ULONG_PTR)STD_OUTPUT_HANDLE, FALSE)) && !s->handle) screen_echo(s, text, count);
    RtlLeaveCriticalSection(&screen_lock);
}

/* GetConsoleMode/SetConsoleMode of an output handle: each buffer has its own (console.c) */
BOOL k32_screen_mode(HANDLE h, DWORD *mode, BOOL set)
{
    struct out o;
    struct screen *s = enter(h, FALSE, &o);
    if (!s) return FALSE;
    if (set) s->mode = *mode;
    else *mode = s->mode;
    return leave(&o, TRUE);
}

/* --- information, cursor, colours ------------------------------------------------------------ */

BOOL WINAPI GetConsoleScreenBufferInfo(HANDLE h, CONSOLE_SCREEN_BUFFER_INFO *info)
{
    struct out o;
    struct screen *s = enter(h, TRUE, &o);
    if (!s) return FALSE;
    if (!info) return fail(&o, ERROR_INVALID_ACCESS);
    /* the buffer is the window: the terminal shows the whole of it */
    info->dwSize.X = s->width;
    info->dwSize.Y = s->height;
    info->dwCursorPosition.X = s->x;
    info->dwCursorPosition.Y = s->y;
    info->wAttributes = s->attr;
    info->srWindow.Left = 0;
    info->srWindow.Top = 0;
    info->srWindow.Right = s->width - 1;
    info->srWindow.Bottom = s->height - 1;
    info->dwMaximumWindowSize = info->dwSize;
    return leave(&o, TRUE);
}

BOOL WINAPI SetConsoleCursorPosition(HANDLE h, COORD pos)
{
    struct out o;
    struct screen *s = enter(h, FALSE, &o);
    if (!s) return FALSE;
    if (pos.X < 0 || pos.Y < 0 || pos.X >= s->width || pos.Y >= s->height) return fail(&o, ERROR_INVALID_PARAMETER);
    screen_set_cursor(s, &o, pos.X, pos.Y);
    return leave(&o, TRUE);
}

BOOL WINAPI SetConsoleTextAttribute(HANDLE h, WORD attr)
{
    struct out o;
    struct screen *s = enter(h, FALSE, &o);
    if (!s) return FALSE;
    screen_set_attr(s, &o, attr);
    return leave(&o, TRUE);
}

/* --- runs of cells ----------------------------------------------------------------------------- */

enum run_op { FILL_CHAR, FILL_ATTR, WRITE_CHARS, WRITE_ATTRS, READ_CHARS, READ_ATTRS };

/* `count` cells from `pos` on, line after line, up to the end of the buffer */
static BOOL run(HANDLE h, enum run_op op, const void *in, WCHAR ch, WORD attr, void *outp, DWORD count, COORD pos,
                DWORD *done)
{
    struct out o;
    struct screen *s = enter(h, FALSE, &o);
    DWORD start, n, total;

    if (!s) return FALSE;
    if (!done || (count && (op == WRITE_CHARS || op == WRITE_ATTRS) && !in) ||
        (count && (op == READ_CHARS || op == READ_ATTRS) && !outp))
        return fail(&o, ERROR_INVALID_ACCESS);
    *done = 0;
    /* a position outside the buffer: nothing done, and no error (Wine 8 agrees) */
    total = (DWORD)s->width * s->height;
    start = pos.X < 0 || pos.Y < 0 || pos.Y >= s->height || pos.X >= s->width ? total
                                                                               : (DWORD)pos.Y * s->width + pos.X;
    n = min(count, total - start);
    for (DWORD i = 0; i < n; i++)
    {
        CHAR_INFO *c = &s->cells[start + i];
        switch (op)
        {
        case FILL_CHAR: c->Char.UnicodeChar = ch; break;
        case FILL_ATTR: c->Attributes = attr; break;
        case WRITE_CHARS: c->Char.UnicodeChar = ((const WCHAR *)in)[i]; break;
        case WRITE_ATTRS: c->Attributes = ((const WORD *)in)[i]; break;
        case READ_CHARS: ((WCHAR *)outp)[i] = c->Char.UnicodeChar; break;
        case READ_ATTRS: ((WORD *)outp)[i] = c->Attributes; break;
        }
    }
    if (n && op != READ_CHARS && op != READ_ATTRS)
    {
        int first = start / s->width, last = (start + n - 1) / s->width;
        if (first == last) screen_changed(s, &o, start % s->width, first, (start + n - 1) % s->width, first);
        else screen_changed(s, &o, 0, first, s->width - 1, last);
    }
    *done = n;
    return leave(&o, TRUE);
}

BOOL WINAPI FillConsoleOutputCharacterW(HANDLE h, WCHAR ch, DWORD count, COORD pos, DWORD *written)
{
    return run(h, FILL_CHAR, NULL, ch, 0, NULL, count, pos, written);
}

BOOL WINAPI FillConsoleOutputCharacterA(HANDLE h, CHAR ch, DWORD count, COORD pos, DWORD *written)
{
    WCHAR wch = ' ';
    MultiByteToWideChar(GetConsoleOutputCP(), 0, &ch, 1, &wch, 1);
    return FillConsoleOutputCharacterW(h, wch, count, pos, written);
}

BOOL WINAPI FillConsoleOutputAttribute(HANDLE h, WORD attr, DWORD count, COORD pos, DWORD *written)
{
    return run(h, FILL_ATTR, NULL, 0, attr, NULL, count, pos, written);
}

BOOL WINAPI WriteConsoleOutputCharacterW(HANDLE h, const WCHAR *text, DWORD count, COORD pos, DWORD *written)
{
    return run(h, WRITE_CHARS, text, 0, 0, NULL, count, pos, written);
}

BOOL WINAPI WriteConsoleOutputAttribute(HANDLE h, const WORD *attrs, DWORD count, COORD pos, DWORD *written)
{
    return run(h, WRITE_ATTRS, attrs, 0, 0, NULL, count, pos, written);
}

BOOL WINAPI ReadConsoleOutputCharacterW(HANDLE h, WCHAR *buf, DWORD count, COORD pos, DWORD *read)
{
    return run(h, READ_CHARS, NULL, 0, 0, buf, count, pos, read);
}

BOOL WINAPI ReadConsoleOutputAttribute(HANDLE h, WORD *attrs, DWORD count, COORD pos, DWORD *read)
{
    return run(h, READ_ATTRS, NULL, 0, 0, attrs, count, pos, read);
}

BOOL WINAPI WriteConsoleOutputCharacterA(HANDLE h, const char *text, DWORD count, COORD pos, DWORD *written)
{
    WCHAR small[512], *w;
    DWORD len;
    BOOL ret;
    if (!written || (count && !text)) { SetLastError(ERROR_INVALID_ACCESS); return FALSE; }
    *written = 0;
    if (!k32_is_console(h)) return FALSE;
    if (!(w = to_wide(text, count, small, ARRAYSIZE(small), GetConsoleOutputCP(), &len))) return FALSE;
    ret = WriteConsoleOutputCharacterW(h, w, len, pos, written);
    if (w != small) RtlFreeHeap(PROCESS_HEAP(), 0, w);
    return ret;
}

BOOL WINAPI ReadConsoleOutputCharacterA(HANDLE h, char *buf, DWORD count, COORD pos, DWORD *read)
{
    WCHAR small[512], *w = small;
    DWORD got = 0;
    BOOL ret;
    if (!read || (count && !buf)) { SetLastError(ERROR_INVALID_ACCESS); return FALSE; }
    *read = 0;
    if (count > ARRAYSIZE(small) && !(w = RtlAllocateHeap(PROCESS_HEAP(), 0, count * sizeof(WCHAR))))
    {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    if ((ret = ReadConsoleOutputCharacterW(h, w, count, pos, &got)) && got)
        *read = WideCharToMultiByte(GetConsoleOutputCP(), 0, w, got, buf, count, NULL, NULL);
    if (w != small) RtlFreeHeap(PROCESS_HEAP(), 0, w);
    return ret;
}

/* --- rectangles ---------------------------------------------------------------------------------- */

/* the part of `region` both the caller's buffer (size, from coord) and the
   screen buffer have; FALSE when there is none */
static BOOL clip_region(const struct screen *s, COORD size, COORD coord, const SMALL_RECT *region, SMALL_RECT *r)
{
    r->Left = max(region->Left, 0);
    r->Top = max(region->Top, 0);
    r->Right = min(min(region->Right, region->Left + size.X - coord.X - 1), s->width - 1);
    r->Bottom = min(min(region->Bottom, region->Top + size.Y - coord.Y - 1), s->height - 1);
    return r->Left <= r->Right && r->Top <= r->Bottom;
}

/* the caller's cell for the screen cell (x, y) */
static SIZE_T user_cell(COORD size, COORD coord, const SMALL_RECT *region, int x, int y)
{
    return (SIZE_T)(coord.Y + y - region->Top) * size.X + coord.X + x - region->Left;
}

static BOOL rect_io(HANDLE h, CHAR_INFO *user, COORD size, COORD coord, SMALL_RECT *region, BOOL write, UINT cp)
{
    struct out o;
    struct screen *s = enter(h, FALSE, &o);
    SMALL_RECT r;

    if (!s) return FALSE;
    if (!user || !region) return fail(&o, ERROR_INVALID_ACCESS);
    /* a start outside the caller's buffer, an inverted region: refused */
    if (coord.X < 0 || coord.Y < 0 || coord.X >= size.X || coord.Y >= size.Y || region->Left > region->Right ||
        region->Top > region->Bottom)
        return fail(&o, ERROR_INVALID_PARAMETER);
    /* nothing of the region in the buffer: a read fails, a write does nothing */
    if (!clip_region(s, size, coord, region, &r)) return write ? leave(&o, TRUE) : fail(&o, ERROR_INVALID_PARAMETER);
    for (int y = r.Top; y <= r.Bottom; y++)
        for (int x = r.Left; x <= r.Right; x++)
        {
            CHAR_INFO *u = &user[user_cell(size, coord, region, x, y)], *c = screen_cell(s, x, y);
            if (write)
            {
                *c = *u;
                if (cp) { char a = u->Char.AsciiChar; MultiByteToWideChar(cp, 0, &a, 1, &c->Char.UnicodeChar, 1); }
            }
            else
            {
                *u = *c;
                if (cp)
                {
                    char a = 0;
                    WideCharToMultiByte(cp, 0, &c->Char.UnicodeChar, 1, &a, 1, NULL, NULL);
                    u->Char.UnicodeChar = 0;
                    u->Char.AsciiChar = a;
                }
            }
        }
    if (write) screen_changed(s, &o, r.Left, r.Top, r.Right, r.Bottom);
    *region = r;
    return leave(&o, TRUE);
}

BOOL WINAPI WriteConsoleOutputW(HANDLE h, const CHAR_INFO *buf, COORD size, COORD coord, SMALL_RECT *region)
{
    return rect_io(h, (CHAR_INFO *)buf, size, coord, region, TRUE, 0);
}

BOOL WINAPI WriteConsoleOutputA(HANDLE h, const CHAR_INFO *buf, COORD size, COORD coord, SMALL_RECT *region)
{
    return rect_io(h, (CHAR_INFO *)buf, size, coord, region, TRUE, GetConsoleOutputCP());
}

BOOL WINAPI ReadConsoleOutputW(HANDLE h, CHAR_INFO *buf, COORD size, COORD coord, SMALL_RECT *region)
{
    return rect_io(h, buf, size, coord, region, FALSE, 0);
}

BOOL WINAPI ReadConsoleOutputA(HANDLE h, CHAR_INFO *buf, COORD size, COORD coord, SMALL_RECT *region)
{
    return rect_io(h, buf, size, coord, region, FALSE, GetConsoleOutputCP());
}

/* --- scrolling ------------------------------------------------------------------------------------- */

static BOOL intersect(SMALL_RECT *r, const SMALL_RECT *with)
{
    r->Left = max(r->Left, with->Left);
    r->Top = max(r->Top, with->Top);
    r->Right = min(r->Right, with->Right);
    r->Bottom = min(r->Bottom, with->Bottom);
    return r->Left <= r->Right && r->Top <= r->Bottom;
}

static BOOL inside(const SMALL_RECT *r, int x, int y)
{
    return x >= r->Left && x <= r->Right && y >= r->Top && y <= r->Bottom;
}

/* The source rectangle (clipped to the buffer) moves to `dest`; what of it
   the move leaves behind takes `fill`; only cells inside the clip
   rectangle change. */
static BOOL scroll(HANDLE h, const SMALL_RECT *scroll_rect, const SMALL_RECT *clip_rect, COORD dest, CHAR_INFO fill)
{
    struct out o;
    struct screen *s = enter(h, FALSE, &o);
    SMALL_RECT all, src, clip, box;
    CHAR_INFO *copy;
    int w, hgt, dx, dy;

    if (!s) return FALSE;
    if (!scroll_rect) return fail(&o, ERROR_INVALID_ACCESS);
    all.Left = all.Top = 0;
    all.Right = s->width - 1;
    all.Bottom = s->height - 1;
    src = *scroll_rect;
    clip = clip_rect ? *clip_rect : all;
    if (!intersect(&src, &all)) return fail(&o, ERROR_INVALID_PARAMETER);
    if (!intersect(&clip, &all)) return fail(&o, ERROR_INVALID_PARAMETER);
    /* the destination keeps its place relative to what clipping kept of the source */
    dx = dest.X + src.Left - scroll_rect->Left;
    dy = dest.Y + src.Top - scroll_rect->Top;
    w = src.Right - src.Left + 1;
    hgt = src.Bottom - src.Top + 1;
    if (!(copy = RtlAllocateHeap(PROCESS_HEAP(), 0, (SIZE_T)w * hgt * sizeof(CHAR_INFO))))
        return fail(&o, ERROR_NOT_ENOUGH_MEMORY);
    for (int y = 0; y < hgt; y++)
        memcpy(copy + y * w, screen_cell(s, src.Left, src.Top + y), w * sizeof(CHAR_INFO));
    for (int y = src.Top; y <= src.Bottom; y++)
        for (int x = src.Left; x <= src.Right; x++)
            if (inside(&clip, x, y)) *screen_cell(s, x, y) = fill;
    for (int y = 0; y < hgt; y++)
        for (int x = 0; x < w; x++)
            if (inside(&clip, dx + x, dy + y)) *screen_cell(s, dx + x, dy + y) = copy[y * w + x];
    RtlFreeHeap(PROCESS_HEAP(), 0, copy);
    /* what changed: the source and the destination, inside the clip rectangle */
    box.Left = min(src.Left, dx);
    box.Top = min(src.Top, dy);
    box.Right = max(src.Right, dx + w - 1);
    box.Bottom = max(src.Bottom, dy + hgt - 1);
    if (intersect(&box, &clip)) screen_changed(s, &o, box.Left, box.Top, box.Right, box.Bottom);
    return leave(&o, TRUE);
}

BOOL WINAPI ScrollConsoleScreenBufferW(HANDLE h, const SMALL_RECT *scroll_rect, const SMALL_RECT *clip, COORD dest,
                                       const CHAR_INFO *fill)
{
    if (!fill) { SetLastError(ERROR_INVALID_ACCESS); return FALSE; }
    return scroll(h, scroll_rect, clip, dest, *fill);
}

BOOL WINAPI ScrollConsoleScreenBufferA(HANDLE h, const SMALL_RECT *scroll_rect, const SMALL_RECT *clip, COORD dest,
                                       const CHAR_INFO *fill)
{
    CHAR_INFO f;
    char a;
    if (!fill) { SetLastError(ERROR_INVALID_ACCESS); return FALSE; }
    f = *fill;
    a = fill->Char.AsciiChar;
    f.Char.UnicodeChar = ' ';
    MultiByteToWideChar(GetConsoleOutputCP(), 0, &a, 1, &f.Char.UnicodeChar, 1);
    return scroll(h, scroll_rect, clip, dest, f);
}

/* --- screen buffers ------------------------------------------------------------------------------- */

/* A new buffer's handle is the terminal opened again; the model tells it
   from the terminal's own buffer by its handle (a duplicate of it is taken
   for the terminal's own). */
HANDLE WINAPI CreateConsoleScreenBuffer(DWORD access, DWORD share, const SECURITY_ATTRIBUTES *sa, DWORD flags,
                                        void *data)
{
    HANDLE h;
    DWORD err;
    struct screen *s;
    (void)data;
    if (flags != CONSOLE_TEXTMODE_BUFFER) { SetLastError(ERROR_INVALID_PARAMETER); return INVALID_HANDLE_VALUE; }
    h = CreateFileW(L"CONOUT$", access, share, (SECURITY_ATTRIBUTES *)sa, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) return h;
    if (!k32_is_console(h)) { CloseHandle(h); SetLastError(ERROR_INVALID_HANDLE); return INVALID_HANDLE_VALUE; }
    RtlEnterCriticalSection(&screen_lock);
    s = screen_create(h);
    RtlLeaveCriticalSection(&screen_lock);
    if (!s) { err = GetLastError(); CloseHandle(h); SetLastError(err); return INVALID_HANDLE_VALUE; }
    return h;
}

BOOL WINAPI SetConsoleActiveScreenBuffer(HANDLE h)
{
    struct out o;
    struct screen *s = enter(h, FALSE, &o);
    BOOL ret;
    if (!s) return FALSE;
    ret = screen_activate(s, h);
    return leave(&o, ret);
}
