/*
 * kernel32/conscreen.c — the console screen-buffer model. Each screen buffer
 * (the terminal's own, and each one CreateConsoleScreenBuffer made) keeps
 * its cells (character and attributes), size, cursor and current
 * attributes, as the Windows console does; the buffer being shown is drawn
 * on the terminal with VT sequences. What programs write goes through here
 * (conout.c's API, WriteConsole, WriteFile on a console), so the Read*
 * functions return what is on the screen.
 *
 * Text: in the console's legacy output mode the model follows Windows
 * (a tab writes spaces to the next multiple of 8, the wrap at the last
 * column is immediate) and the terminal is told to do the same. With
 * ENABLE_VIRTUAL_TERMINAL_PROCESSING the text reaches the terminal
 * unchanged, as before this model existed; the model follows the
 * terminal's rules (the wrap waits for the next character) and reads the
 * common sequences (cursor moves, erases, SGR colours); cells drawn by
 * other sequences are not read back.
 *
 * Not known: what was on the terminal before the process started, and the
 * terminal's cursor then (a terminal tells it only in answer to a query):
 * the model starts blank with its cursor at the top left. Drawing a
 * rectangle saves and restores the terminal's cursor, so text written
 * after it continues where the terminal has it.
 *
 * Sections: buffers · output to the terminal · drawing · text · VT sequences.
 */
#include "conscreen.h"

RTL_CRITICAL_SECTION screen_lock = { (void *)-1, -1, 0, 0, 0, 0 };

#define DEFAULT_ATTR (FOREGROUND_RED | FOREGROUND_GREEN | FOREGROUND_BLUE)
#define DEFAULT_MODE (ENABLE_PROCESSED_OUTPUT | ENABLE_WRAP_AT_EOL_OUTPUT)
#define MAX_SCREENS 16

/* --- buffers ------------------------------------------------------------------------------ */

static struct screen terminal_screen;         /* the buffer the process's console handles show */
static struct screen *extra[MAX_SCREENS];     /* CreateConsoleScreenBuffer's */
static struct screen *active = &terminal_screen;

#define WLX_IOCTL_CONSOLE_SIZE 0x00500f00

static void terminal_size(HANDLE h, SHORT *width, SHORT *height)
{
    IO_STATUS_BLOCK io;
    USHORT size[4];
    *width = 80;
    *height = 25;
    if (!NtDeviceIoControlFile(k32_console_handle(h), NULL, NULL, NULL, &io, WLX_IOCTL_CONSOLE_SIZE, NULL, 0,
                               size, sizeof(size)) && size[0] && size[1])
    {
        *width = min(size[0], 0x7fff);
        *height = min(size[1], 0x7fff);
    }
}

static void blank(CHAR_INFO *c, int n, WORD attr)
{
    for (int i = 0; i < n; i++)
    {
        c[i].Char.UnicodeChar = ' ';
        c[i].Attributes = attr;
    }
}

/* a new size keeps the cells of the top left that fit */
static BOOL screen_resize(struct screen *s, SHORT width, SHORT height)
{
    CHAR_INFO *cells = RtlAllocateHeap(PROCESS_HEAP(), 0, (SIZE_T)width * height * sizeof(CHAR_INFO));
    if (!cells) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    blank(cells, width * height, s->attr);
    for (int y = 0; s->cells && y < min(height, s->height); y++)
        memcpy(cells + y * width, s->cells + y * s->width, min(width, s->width) * sizeof(CHAR_INFO));
    if (s->cells) RtlFreeHeap(PROCESS_HEAP(), 0, s->cells);
    s->cells = cells;
    s->width = width;
    s->height = height;
    s->x = min(s->x, width - 1);
    s->y = min(s->y, height - 1);
    s->wrap_pending = FALSE;
    return TRUE;
}

struct screen *screen_get(HANDLE h, BOOL sync)
{
    HANDLE real = k32_console_handle(h);
    struct screen *s = &terminal_screen;
    SHORT width, height;

    for (int i = 0; real && i < MAX_SCREENS; i++)
        if (extra[i] && extra[i]->handle == real) return extra[i];
    /* an input handle is no screen buffer */
    if (!k32_is_console(h)) return NULL;
    if (k32_is_console_input(h)) { SetLastError(ERROR_INVALID_HANDLE); return NULL; }
    if (!s->cells || sync)
    {
        if (!s->cells)
        {
            s->attr = DEFAULT_ATTR;
            s->mode = DEFAULT_MODE;
            s->dirty_top = 1;
            s->dirty_bottom = 0;
        }
        terminal_size(h, &width, &height);
        if ((width != s->width || height != s->height) && !screen_resize(s, width, height)) return NULL;
    }
    return s;
}

/* a new buffer has the size of the terminal and the current attributes */
struct screen *screen_create(HANDLE h)
{
    struct screen *s, *model = screen_get(h, TRUE);
    int slot;

    if (!model) return NULL;
    for (slot = 0; slot < MAX_SCREENS && extra[slot]; slot++) {}
    if (slot == MAX_SCREENS || !(s = RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*s))))
    {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    s->attr = model->attr;
    s->mode = DEFAULT_MODE;
    s->dirty_top = 1;
    if (!screen_resize(s, terminal_screen.width, terminal_screen.height))
    {
        RtlFreeHeap(PROCESS_HEAP(), 0, s);
        return NULL;
    }
    s->handle = h;
    extra[slot] = s;
    return s;
}

static void screen_free(struct screen *s)
{
    RtlFreeHeap(PROCESS_HEAP(), 0, s->cells);
    RtlFreeHeap(PROCESS_HEAP(), 0, s);
}

/* CloseHandle of a buffer's handle (file.c): the buffer goes, unless it is shown */
void screen_forget(HANDLE h)
{
    RtlEnterCriticalSection(&screen_lock);
    for (int i = 0; h && i < MAX_SCREENS; i++)
    {
        if (!extra[i] || extra[i]->handle != h) continue;
        if (extra[i] == active)
        {
            extra[i]->closed = TRUE;
            extra[i]->handle = NULL;
        }
        else
        {
            screen_free(extra[i]);
            extra[i] = NULL;
        }
    }
    RtlLeaveCriticalSection(&screen_lock);
}

BOOL screen_shown(const struct screen *s)
{
    return s == active;
}

/* --- output to the terminal ---------------------------------------------------------------- */

static void out_flush(struct out *o)
{
    if (o->len && o->tty && !o->failed && !k32_console_write_utf8(o->tty, o->buf, o->len)) o->failed = TRUE;
    o->len = 0;
}

static void out_ch(struct out *o, WCHAR c)
{
    if (!o->tty) return;
    if (o->len == ARRAYSIZE(o->buf)) out_flush(o);
    o->buf[o->len++] = c;
}

static void out_str(struct out *o, const WCHAR *s)
{
    while (*s) out_ch(o, *s++);
}

static void out_number(struct out *o, int v)
{
    WCHAR digits[8];
    int n = 0;
    do digits[n++] = '0' + v % 10; while ((v /= 10));
    while (n) out_ch(o, digits[--n]);
}

void out_start(struct out *o, struct screen *s, HANDLE h)
{
    o->tty = s == active ? h : NULL;
    o->failed = FALSE;
    o->len = 0;
}

BOOL out_end(struct out *o)
{
    out_flush(o);
    return !o->failed;
}

void out_cursor(struct out *o, int x, int y)
{
    out_str(o, L"\x1b[");
    out_number(o, y + 1);
    out_ch(o, ';');
    out_number(o, x + 1);
    out_ch(o, 'H');
}

/* Windows colour bits (blue 1, green 2, red 4) ⇄ SGR colour numbers (red 1, green 2, blue 4) */
static int swap_rb(int bits)
{
    return (bits & 2) | ((bits & 1) << 2) | ((bits & 4) >> 2);
}

/* grey on black, the console's default, is the terminal's own default colours */
void out_attr(struct out *o, WORD attr)
{
    int fg = swap_rb(attr & 7), bg = swap_rb((attr >> 4) & 7);
    out_str(o, L"\x1b[0;");
    out_number(o, (attr & FOREGROUND_INTENSITY) ? 90 + fg : fg == 7 ? 39 : 30 + fg);
    out_ch(o, ';');
    out_number(o, (attr & BACKGROUND_INTENSITY) ? 100 + bg : bg == 0 ? 49 : 40 + bg);
    if (attr & COMMON_LVB_UNDERSCORE) out_str(o, L";4");
    if (attr & COMMON_LVB_REVERSE_VIDEO) out_str(o, L";7");
    out_ch(o, 'm');
}

/* --- drawing -------------------------------------------------------------------------------- */

/* a control character has no glyph on the terminal: a blank cell stands for it */
static WCHAR glyph(WCHAR c)
{
    return c < 0x20 || c == 0x7f ? ' ' : c;
}

/* the terminal goes where the model's cursor is after a wrap it has not done yet */
static void finish_wrap(struct screen *s, struct out *o)
{
    if (!s->term_wrap) return;
    s->term_wrap = FALSE;
    out_str(o, L"\r\n");
}

/* the cells of a rectangle, from the model; the terminal's cursor and colours
   are saved and restored around it (ESC 7 / ESC 8) */
static void draw(struct screen *s, struct out *o, int left, int top, int right, int bottom)
{
    WORD attr = 0xffff;
    finish_wrap(s, o);   /* a scroll it stands for comes first */
    out_str(o, L"\x1b" L"7");
    for (int y = top; y <= bottom; y++)
    {
        out_cursor(o, left, y);
        for (int x = left; x <= right; x++)
        {
            CHAR_INFO *c = screen_cell(s, x, y);
            if (c->Attributes != attr) out_attr(o, attr = c->Attributes);
            out_ch(o, glyph(c->Char.UnicodeChar));
        }
    }
    out_str(o, L"\x1b" L"8");
}

static void note_dirty(struct screen *s, int top, int bottom)
{
    if (s->dirty_top > s->dirty_bottom) { s->dirty_top = top; s->dirty_bottom = bottom; return; }
    s->dirty_top = min(s->dirty_top, top);
    s->dirty_bottom = max(s->dirty_bottom, bottom);
}

void screen_changed(struct screen *s, struct out *o, int left, int top, int right, int bottom)
{
    if (left > right || top > bottom) return;
    if (o->tty) draw(s, o, left, top, right, bottom);
    else note_dirty(s, top, bottom);
}

void screen_set_cursor(struct screen *s, struct out *o, int x, int y)
{
    s->x = x;
    s->y = y;
    s->wrap_pending = FALSE;
    s->term_wrap = FALSE;
    if (o->tty) out_cursor(o, x, y);
    else s->moved = TRUE;
}

void screen_set_attr(struct screen *s, struct out *o, WORD attr)
{
    s->attr = attr;
    if (o->tty) out_attr(o, attr);
    else s->moved = TRUE;
}

/* shows a buffer: another of CreateConsoleScreenBuffer's is drawn whole on
   the terminal's alternate screen; the terminal's own comes back from the
   terminal's main screen (the user's scrollback with it), with the rows
   that changed while it was hidden drawn again */
BOOL screen_activate(struct screen *s, HANDLE tty)
{
    struct screen *old = active;
    struct out o;

    if (s == old) return TRUE;
    active = s;
    out_start(&o, s, tty);
    finish_wrap(old, &o);   /* its cursor is saved where the model has it */
    if (s == &terminal_screen)
    {
        out_str(&o, L"\x1b[?1049l");
        screen_changed(s, &o, 0, s->dirty_top, s->width - 1, s->dirty_bottom);
        if (s->moved) { out_cursor(&o, s->x, s->y); out_attr(&o, s->attr); }
    }
    else
    {
        if (old == &terminal_screen) out_str(&o, L"\x1b[?1049h");
        out_attr(&o, s->attr);
        out_str(&o, L"\x1b[2J");
        draw(s, &o, 0, 0, s->width - 1, s->height - 1);
        out_cursor(&o, s->x, s->y);
        out_attr(&o, s->attr);
    }
    s->dirty_top = 1;
    s->dirty_bottom = 0;
    s->moved = FALSE;
    if (old->closed)
    {
        for (int i = 0; i < MAX_SCREENS; i++) if (extra[i] == old) extra[i] = NULL;
        screen_free(old);
    }
    return out_end(&o);
}

/* --- text ----------------------------------------------------------------------------------- */

static void scroll_up(struct screen *s)
{
    memmove(s->cells, s->cells + s->width, (SIZE_T)(s->height - 1) * s->width * sizeof(CHAR_INFO));
    blank(s->cells + (s->height - 1) * s->width, s->width, s->attr);
    if (s != active) note_dirty(s, 0, s->height - 1);
}

/* the next line; at the bottom of the buffer its contents move up one line */
static void line_feed(struct screen *s)
{
    if (s->y < s->height - 1) s->y++;
    else scroll_up(s);
}

static void vt_char(struct screen *s, WCHAR c);

/* a character for the cell at the cursor; `o` NULL: the terminal has it already */
static void put_char(struct screen *s, struct out *o, WCHAR c, BOOL vt, BOOL wrap)
{
    CHAR_INFO *cell;
    if (s->wrap_pending)
    {
        s->wrap_pending = FALSE;
        s->x = 0;
        line_feed(s);
    }
    cell = screen_cell(s, s->x, s->y);
    cell->Char.UnicodeChar = c;
    cell->Attributes = s->attr;
    if (o) out_ch(o, vt ? c : glyph(c));
    if (o && s != active) note_dirty(s, s->y, s->y);
    if (s->x < s->width - 1) s->x++;
    else if (!wrap)
    {
        /* the cursor stays in the last column; the terminal is told so */
        if (o && !vt) { out_str(o, L"\x1b["); out_number(o, s->width); out_ch(o, 'G'); }
    }
    else if (vt || !o) s->wrap_pending = TRUE;
    else
    {
        /* the legacy console wraps at once; the terminal wraps when it
           writes the next character, which puts that where the model has
           it. Only a control or a sequence coming first needs the terminal
           moved (finish_wrap): a line that ends in the last column and then
           \n leaves an empty line, as on Windows. Leaving the wrap to the
           terminal also keeps long lines whole when the terminal's column
           is not the model's (a process started mid-line) */
        s->x = 0;
        line_feed(s);
        if (o && o->tty) s->term_wrap = TRUE;
    }
}

/* the processed-output controls: \r \n \b \t \a */
static BOOL put_control(struct screen *s, struct out *o, WCHAR c, BOOL vt, BOOL wrap)
{
    DWORD mode = s->mode;
    switch (c)
    {
    case '\r':
        s->x = 0;
        s->wrap_pending = FALSE;
        if (o) out_ch(o, '\r');
        return TRUE;
    case '\n':
        s->wrap_pending = FALSE;
        line_feed(s);
        if (!vt || !(mode & DISABLE_NEWLINE_AUTO_RETURN)) s->x = 0;
        if (o) out_str(o, vt ? L"\n" : L"\r\n");
        return TRUE;
    case '\b':
        s->wrap_pending = FALSE;
        if (s->x > 0) { s->x--; if (o) out_ch(o, '\b'); }
        else if (o && vt) out_ch(o, '\b');
        return TRUE;
    case '\t':
        if (vt || !o)
        {
            /* a terminal's tab moves the cursor without writing */
            s->wrap_pending = FALSE;
            s->x = min((s->x / 8 + 1) * 8, s->width - 1);
            if (o) out_ch(o, '\t');
        }
        else for (int n = 8 - s->x % 8; n > 0; n--) put_char(s, o, ' ', vt, wrap);
        return TRUE;
    case '\a':
        if (o) out_ch(o, '\a');
        return TRUE;
    }
    return FALSE;
}

static void text(struct screen *s, struct out *o, const WCHAR *t, DWORD count)
{
    DWORD mode = s->mode;
    BOOL vt = (mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING) || !o;
    BOOL wrap = (mode & ENABLE_WRAP_AT_EOL_OUTPUT) != 0 || !o;

    for (DWORD i = 0; i < count; i++)
    {
        WCHAR c = t[i];
        BOOL moves = c == 0x1b || ((mode & ENABLE_PROCESSED_OUTPUT) && (c == '\r' || c == '\n' || c == '\b'));
        if (s->term_wrap && o && moves) finish_wrap(s, o);
        else if (s->term_wrap && o && c != '\a') s->term_wrap = FALSE;   /* the terminal wraps as it writes c */
        /* escape sequences reach the terminal as they are, in any mode (as
           before the model existed); the model reads what it knows of them */
        if (s->esc || c == 0x1b)
        {
            vt_char(s, c);
            if (o) out_ch(o, c);
            continue;
        }
        if ((mode & ENABLE_PROCESSED_OUTPUT) && put_control(s, o, c, vt, wrap)) continue;
        put_char(s, o, c, vt, wrap);
    }
}

void screen_text(struct screen *s, struct out *o, const WCHAR *t, DWORD count)
{
    text(s, o, t, count);
}

void screen_echo(struct screen *s, const WCHAR *t, DWORD count)
{
    if (count) s->term_wrap = FALSE;   /* the terminal wrapped as it echoed */
    text(s, NULL, t, count);
}

/* --- VT sequences --------------------------------------------------------------------------- */

enum { ESC_NONE, ESC_START, ESC_CSI, ESC_OSC, ESC_OSC_END, ESC_ONE_MORE };

static void erase(struct screen *s, int from, int to)   /* cell indexes, inclusive */
{
    if (from <= to) blank(s->cells + from, to - from + 1, s->attr);
    if (s != active) note_dirty(s, from / s->width, to / s->width);
}

/* SGR: the colours and the attributes Windows has */
static void vt_sgr(struct screen *s, const int *p, int n)
{
    WORD a = s->attr;
    for (int i = 0; i < n; i++)
    {
        int v = p[i];
        if (v == 0) a = DEFAULT_ATTR;
        else if (v == 1) a |= FOREGROUND_INTENSITY;
        else if (v == 22) a &= ~FOREGROUND_INTENSITY;
        else if (v == 4) a |= COMMON_LVB_UNDERSCORE;
        else if (v == 24) a &= ~COMMON_LVB_UNDERSCORE;
        else if (v == 7) a |= COMMON_LVB_REVERSE_VIDEO;
        else if (v == 27) a &= ~COMMON_LVB_REVERSE_VIDEO;
        else if (v >= 30 && v <= 37) a = (a & ~7) | swap_rb(v - 30);
        else if (v == 39) a = (a & ~7) | DEFAULT_ATTR;
        else if (v >= 40 && v <= 47) a = (a & ~0x70) | swap_rb(v - 40) << 4;
        else if (v == 49) a &= ~0x70;
        else if (v >= 90 && v <= 97) a = (a & ~7) | swap_rb(v - 90) | FOREGROUND_INTENSITY;
        else if (v >= 100 && v <= 107) a = (a & ~0x70) | swap_rb(v - 100) << 4 | BACKGROUND_INTENSITY;
        else if ((v == 38 || v == 48) && i + 1 < n)   /* 256 and RGB colours: skipped */
            i += p[i + 1] == 5 ? 2 : p[i + 1] == 2 ? 4 : 1;
    }
    s->attr = a;
}

static void vt_csi(struct screen *s, char final)
{
    int p[16] = { 0 }, n = 0, x = s->x, y = s->y, w = s->width, h = s->height;
    const char *c = s->seq;

    if (s->seq_len && (*c < '0' || *c > ';')) return;   /* private modes (?25h, ?1049h …): not the model's */
    for (int i = 0; i < s->seq_len; i++)
    {
        if (c[i] == ';') { if (n < 15) n++; }
        else if (c[i] >= '0' && c[i] <= '9') p[n] = min(p[n] * 10 + c[i] - '0', 9999);
        else return;
    }
    n++;
    int p0 = p[0] ? p[0] : 1;
    switch (final)
    {
    case 'A': y -= p0; break;
    case 'B': y += p0; break;
    case 'C': x += p0; break;
    case 'D': x -= p0; break;
    case 'E': y += p0; x = 0; break;
    case 'F': y -= p0; x = 0; break;
    case 'G': x = p0 - 1; break;
    case 'd': y = p0 - 1; break;
    case 'H': case 'f': y = p0 - 1; x = (p[1] ? p[1] : 1) - 1; break;
    case 's': s->saved_x = x; s->saved_y = y; return;
    case 'u': x = s->saved_x; y = s->saved_y; break;
    case 'J':
        if (p[0] == 0) erase(s, y * w + x, w * h - 1);
        else if (p[0] == 1) erase(s, 0, y * w + x);
        else erase(s, 0, w * h - 1);
        return;
    case 'K':
        if (p[0] == 0) erase(s, y * w + x, y * w + w - 1);
        else if (p[0] == 1) erase(s, y * w, y * w + x);
        else erase(s, y * w, y * w + w - 1);
        return;
    case 'm': vt_sgr(s, p, n); return;
    default: return;
    }
    s->x = max(0, min(x, w - 1));
    s->y = max(0, min(y, h - 1));
    s->wrap_pending = FALSE;
}

/* one character of an escape sequence (the first is ESC) */
static void vt_char(struct screen *s, WCHAR c)
{
    switch (s->esc)
    {
    case ESC_NONE:
        s->esc = ESC_START;
        return;
    case ESC_START:
        s->esc = ESC_NONE;
        if (c == '[') { s->esc = ESC_CSI; s->seq_len = 0; }
        else if (c == ']') s->esc = ESC_OSC;
        else if (c == '(' || c == ')' || c == '#' || c == '%') s->esc = ESC_ONE_MORE;
        else if (c == '7') { s->saved_x = s->x; s->saved_y = s->y; }
        else if (c == '8') { s->x = s->saved_x; s->y = s->saved_y; s->wrap_pending = FALSE; }
        else if (c == 0x1b) s->esc = ESC_START;
        return;
    case ESC_CSI:
        if (c >= 0x40 && c <= 0x7e) { s->esc = ESC_NONE; vt_csi(s, c); }
        else if (c >= 0x20 && c < 0x40 && s->seq_len < sizeof(s->seq)) s->seq[s->seq_len++] = c;
        else if (c == 0x1b) s->esc = ESC_START;
        return;
    case ESC_OSC:                              /* a title and the like: ends with BEL or ESC \ */
        if (c == 7) s->esc = ESC_NONE;
        else if (c == 0x1b) s->esc = ESC_OSC_END;
        return;
    default:
        s->esc = ESC_NONE;
        return;
    }
}
