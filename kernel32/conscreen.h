/*
 * kernel32/conscreen.h — the console screen-buffer model shared by
 * conscreen.c (the cells, text, VT sequences, drawing on the terminal) and
 * conout.c (the screen-buffer API on top of it). Private to kernel32.
 */
#ifndef WLX_KERNEL32_CONSCREEN_H
#define WLX_KERNEL32_CONSCREEN_H

#include "private.h"

struct screen
{
    HANDLE handle;            /* CreateConsoleScreenBuffer's handle; NULL: the terminal's own buffer */
    CHAR_INFO *cells;         /* width * height cells, row after row */
    SHORT width, height;
    SHORT x, y;               /* the cursor */
    WORD attr;                /* the attributes of what is written from now on */
    DWORD mode;               /* its console mode (ENABLE_PROCESSED_OUTPUT …) */
    BOOL wrap_pending;        /* VT output: the last column was written, the wrap waits for the next character */
    BOOL term_wrap;           /* legacy output: the model wrapped, the terminal waits to (see put_char) */
    SHORT saved_x, saved_y;   /* ESC 7 / CSI s */
    SHORT dirty_top, dirty_bottom;   /* rows changed while another buffer was shown (top > bottom: none) */
    BOOL moved;               /* the cursor or attributes changed while another buffer was shown */
    BOOL closed;              /* its last handle was closed while it was shown: freed when it stops being shown */
    BYTE esc;                 /* VT parser state (conscreen.c) */
    BYTE seq_len;
    char seq[40];             /* the parameters of the control sequence being read */
};

/* what goes to the terminal: nothing when the buffer is not the one shown */
struct out
{
    HANDLE tty;               /* NULL: the buffer is not shown, output is dropped */
    BOOL failed;
    int len;
    WCHAR buf[1024];
};

/* every use of the model holds this lock (the order of what reaches the terminal is the model's) */
extern RTL_CRITICAL_SECTION screen_lock;

/* the buffer behind a console output handle (a std handle value too), with
   the lock held; NULL with ERROR_INVALID_HANDLE when it is no console
   output. `sync`: the terminal's own buffer follows the terminal's size */
struct screen *screen_get(HANDLE h, BOOL sync);
struct screen *screen_create(HANDLE h);
void screen_forget(HANDLE h);
BOOL screen_shown(const struct screen *s);
BOOL screen_activate(struct screen *s, HANDLE tty);

static inline CHAR_INFO *screen_cell(struct screen *s, int x, int y) { return &s->cells[y * s->width + x]; }

void out_start(struct out *o, struct screen *s, HANDLE h);
BOOL out_end(struct out *o);
void out_cursor(struct out *o, int x, int y);
void out_attr(struct out *o, WORD attr);

/* processed text at the cursor (WriteConsole, WriteFile): the model and the terminal */
void screen_text(struct screen *s, struct out *o, const WCHAR *text, DWORD count);
/* text the terminal showed on its own (the echo of a line read): the model only */
void screen_echo(struct screen *s, const WCHAR *text, DWORD count);
/* cells changed in the model: drawn when the buffer is shown, noted when not */
void screen_changed(struct screen *s, struct out *o, int left, int top, int right, int bottom);
void screen_set_cursor(struct screen *s, struct out *o, int x, int y);
void screen_set_attr(struct screen *s, struct out *o, WORD attr);

/* conout.c */
void k32_console_echoed(HANDLE in, const WCHAR *text, DWORD count);
BOOL k32_screen_mode(HANDLE h, DWORD *mode, BOOL set);

/* console.c */
HANDLE k32_console_handle(HANDLE h);
BOOL k32_is_console(HANDLE h);
BOOL k32_is_console_input(HANDLE h);
BOOL k32_console_write_utf8(HANDLE h, const WCHAR *text, DWORD count);

#endif
