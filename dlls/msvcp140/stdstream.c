/*
 * dlls/msvcp140/stdstream.c — std::cin, std::cout, std::cerr and std::clog
 * over the C runtime's stdin, stdout and stderr, and _Fiopen (the fopen of
 * basic_filebuf::open, an ios_base::openmode turned into an fopen mode).
 *
 * The standard streams' buffers keep no buffer of their own: every
 * character goes to (or comes from) ucrtbase's FILE, as MSVC's do, so
 * output through cout and printf keeps its order. cin and cerr are tied to
 * cout, cerr is unitbuf. They are made at process attach and never
 * destroyed (ios_base::_Addstd). std::wcin, wcout, wcerr and wclog are the
 * same over fgetwc/fputwc (the C runtime converts to the console's or file's
 * encoding); the unsigned short names of /Zc:wchar_t- code are the same
 * objects.
 */
#include "iostream.h"

void __cdecl _lock_file(FILE *file);
void __cdecl _unlock_file(FILE *file);
FILE *__cdecl _fsopen(const char *name, const char *mode, int share);
FILE *__cdecl _wfsopen(const WCHAR *name, const WCHAR *mode, int share);
int __cdecl _fseeki64(FILE *file, __int64 off, int origin);
__int64 __cdecl _ftelli64(FILE *file);

/* ---- a stream buffer over a FILE ---- */

struct stdiobuf { struct streambuf base; FILE *file; };

static FILE *file_of(struct streambuf *sb) { return ((struct stdiobuf *)sb)->file; }

static void __cdecl stdio_lock(struct streambuf *sb) { _lock_file(file_of(sb)); }
static void __cdecl stdio_unlock(struct streambuf *sb) { _unlock_file(file_of(sb)); }

static int __cdecl stdio_overflow(struct streambuf *sb, int c)
{
    if (c == CHAR_EOF) return 0;
    return fputc(c, file_of(sb)) == EOF ? CHAR_EOF : c;
}

static int __cdecl stdio_pbackfail(struct streambuf *sb, int c)
{
    if (c == CHAR_EOF) return CHAR_EOF;
    return ungetc(c, file_of(sb)) == EOF ? CHAR_EOF : c;
}

static int __cdecl stdio_underflow(struct streambuf *sb)
{
    int c = fgetc(file_of(sb));
    if (c == EOF) return CHAR_EOF;
    ungetc(c, file_of(sb));
    return c;
}

static int __cdecl stdio_uflow(struct streambuf *sb)
{
    int c = fgetc(file_of(sb));
    return c == EOF ? CHAR_EOF : c;
}

static __int64 __cdecl stdio_xsputn(struct streambuf *sb, const char *ptr, __int64 count)
{
    return count > 0 ? (__int64)fwrite(ptr, 1, count, file_of(sb)) : 0;
}

static struct fpos *__cdecl stdio_seekoff(struct streambuf *sb, struct fpos *ret, __int64 off, int way, int mode)
{
    (void)mode;
    ret->fpos = 0;
    ret->state = 0;
    ret->off = -1;
    if (!_fseeki64(file_of(sb), off, way == IOS_BEG ? SEEK_SET : way == IOS_CUR ? SEEK_CUR : SEEK_END))
        ret->off = _ftelli64(file_of(sb));
    return ret;
}

static struct fpos *__cdecl stdio_seekpos(struct streambuf *sb, struct fpos *ret, const struct fpos *pos, int mode)
{
    return stdio_seekoff(sb, ret, pos->off + pos->fpos, IOS_BEG, mode);
}

static int __cdecl stdio_sync(struct streambuf *sb)
{
    return fflush(file_of(sb)) == EOF ? -1 : 0;
}

static const void *stdiobuf_vtable[SB_SLOTS];

static struct stdiobuf in_buf, out_buf, err_buf, log_buf;

static void stdiobuf_init(struct stdiobuf *buf, FILE *file)
{
    streambuf_ctor(&buf->base);
    buf->base.vtable = stdiobuf_vtable;
    buf->file = file;
}

/* ---- a wide stream buffer over a FILE ---- */

struct wstdiobuf { struct wstreambuf base; FILE *file; };

static FILE *wfile_of(struct wstreambuf *sb) { return ((struct wstdiobuf *)sb)->file; }

static void __cdecl wstdio_lock(struct wstreambuf *sb) { _lock_file(wfile_of(sb)); }
static void __cdecl wstdio_unlock(struct wstreambuf *sb) { _unlock_file(wfile_of(sb)); }

static unsigned short __cdecl wstdio_overflow(struct wstreambuf *sb, unsigned short c)
{
    if (c == WCHAR_EOF) return 0;
    return fputwc(c, wfile_of(sb)) == WEOF ? WCHAR_EOF : c;
}

static unsigned short __cdecl wstdio_pbackfail(struct wstreambuf *sb, unsigned short c)
{
    if (c == WCHAR_EOF) return WCHAR_EOF;
    return ungetwc(c, wfile_of(sb)) == WEOF ? WCHAR_EOF : c;
}

static unsigned short __cdecl wstdio_underflow(struct wstreambuf *sb)
{
    wint_t c = fgetwc(wfile_of(sb));
    if (c == WEOF) return WCHAR_EOF;
    ungetwc(c, wfile_of(sb));
    return c;
}

static unsigned short __cdecl wstdio_uflow(struct wstreambuf *sb)
{
    wint_t c = fgetwc(wfile_of(sb));
    return c == WEOF ? WCHAR_EOF : c;
}

static __int64 __cdecl wstdio_xsputn(struct wstreambuf *sb, const WCHAR *ptr, __int64 count)
{
    __int64 done = 0;
    while (done < count && fputwc(ptr[done], wfile_of(sb)) != WEOF) done++;
    return done;
}

static int __cdecl wstdio_sync(struct wstreambuf *sb)
{
    return fflush(wfile_of(sb)) == EOF ? -1 : 0;
}

static const void *wstdiobuf_vtable[SB_SLOTS];

static struct wstdiobuf win_buf, wout_buf, werr_buf, wlog_buf;

static void wstdiobuf_init(struct wstdiobuf *buf, FILE *file)
{
    wstreambuf_ctor(&buf->base);
    buf->base.vtable = wstdiobuf_vtable;
    buf->file = file;
}

/* ---- the streams: laid out as MSVC's basic_ostream and basic_istream ---- */

struct ostream_obj { struct ostream os; char vtordisp[8]; struct basic_ios ios; };
struct istream_obj { struct istream is; char vtordisp[8]; struct basic_ios ios; };

struct ostream_obj std_cout, std_cerr, std_clog;
struct istream_obj std_cin;
struct wostream_obj { struct wostream os; char vtordisp[8]; struct wbasic_ios ios; };
struct wostream_obj std_wcout, std_wcerr, std_wclog;
struct wistream_obj { struct wistream is; char vtordisp[8]; struct wbasic_ios ios; };
struct wistream_obj std_wcin;

static void init_wide_streams(void)
{
    memcpy(wstdiobuf_vtable, wstreambuf_vtable, sizeof(wstdiobuf_vtable));
    wstdiobuf_vtable[SB_LOCK] = wstdio_lock;
    wstdiobuf_vtable[SB_UNLOCK] = wstdio_unlock;
    wstdiobuf_vtable[SB_OVERFLOW] = wstdio_overflow;
    wstdiobuf_vtable[SB_PBACKFAIL] = wstdio_pbackfail;
    wstdiobuf_vtable[SB_UNDERFLOW] = wstdio_underflow;
    wstdiobuf_vtable[SB_UFLOW] = wstdio_uflow;
    wstdiobuf_vtable[SB_XSPUTN] = wstdio_xsputn;
    wstdiobuf_vtable[SB_SYNC] = wstdio_sync;

    wstdiobuf_init(&win_buf, __acrt_iob_func(0));
    wstdiobuf_init(&wout_buf, __acrt_iob_func(1));
    wstdiobuf_init(&werr_buf, __acrt_iob_func(2));
    wstdiobuf_init(&wlog_buf, __acrt_iob_func(2));
    wostream_ctor(&std_wcout.os, &wout_buf.base, 1, 1);
    wostream_ctor(&std_wcerr.os, &werr_buf.base, 1, 1);
    wostream_ctor(&std_wclog.os, &wlog_buf.base, 1, 1);
    wistream_ctor(&std_wcin.is, &win_buf.base, 1, 1);
    std_wcin.ios.tie = &std_wcout.os;
    std_wcerr.ios.tie = &std_wcout.os;
    std_wcerr.ios.base.fmtfl |= IOS_UNITBUF;
}

void msvcp_init_iostreams(void)
{
    memcpy(stdiobuf_vtable, streambuf_vtable, sizeof(stdiobuf_vtable));
    stdiobuf_vtable[SB_LOCK] = stdio_lock;
    stdiobuf_vtable[SB_UNLOCK] = stdio_unlock;
    stdiobuf_vtable[SB_OVERFLOW] = stdio_overflow;
    stdiobuf_vtable[SB_PBACKFAIL] = stdio_pbackfail;
    stdiobuf_vtable[SB_UNDERFLOW] = stdio_underflow;
    stdiobuf_vtable[SB_UFLOW] = stdio_uflow;
    stdiobuf_vtable[SB_XSPUTN] = stdio_xsputn;
    stdiobuf_vtable[SB_SEEKOFF] = stdio_seekoff;
    stdiobuf_vtable[SB_SEEKPOS] = stdio_seekpos;
    stdiobuf_vtable[SB_SYNC] = stdio_sync;

    stdiobuf_init(&in_buf, __acrt_iob_func(0));
    stdiobuf_init(&out_buf, __acrt_iob_func(1));
    stdiobuf_init(&err_buf, __acrt_iob_func(2));
    stdiobuf_init(&log_buf, __acrt_iob_func(2));

    ostream_ctor(&std_cout.os, &out_buf.base, 1, 1);
    ostream_ctor(&std_cerr.os, &err_buf.base, 1, 1);
    ostream_ctor(&std_clog.os, &log_buf.base, 1, 1);
    istream_ctor(&std_cin.is, &in_buf.base, 1, 1);
    std_cin.ios.tie = &std_cout.os;
    std_cerr.ios.tie = &std_cout.os;
    std_cerr.ios.base.fmtfl |= IOS_UNITBUF;
    init_wide_streams();
}

/* ---- _Fiopen ---- */

/* the fopen mode of an openmode (in, out, trunc, app; binary adds "b"), as
   basic_filebuf::open's table has them; NULL for a combination it refuses */
static const char *open_mode(int mode)
{
    static const struct { int mode; const char *str; } modes[] =
    {
        { IOS_IN, "r" }, { IOS_OUT, "w" }, { IOS_OUT | 0x10, "w" }, { IOS_OUT | 0x08, "a" }, { 0x08, "a" },
        { IOS_IN | IOS_OUT, "r+" }, { IOS_IN | IOS_OUT | 0x10, "w+" }, { IOS_IN | IOS_OUT | 0x08, "a+" },
        { IOS_IN | 0x08, "a+" },
    };
    int base = mode & ~(0x04 | 0x20 | 0x40 | 0x80);   /* less ate, binary, _Nocreate, _Noreplace */
    for (size_t i = 0; i < ARRAYSIZE(modes); i++) if (modes[i].mode == base) return modes[i].str;
    return NULL;
}

static FILE *fiopen(const char *name, const WCHAR *wname, int mode, int prot)
{
    const char *m = open_mode(mode);
    char str[8];
    WCHAR wstr[8];
    FILE *file;
    size_t i;

    if (!m) return NULL;
    /* _Nocreate: only an existing file; _Noreplace: only a new one */
    if ((mode & 0x40) || (mode & 0x80))
    {
        FILE *probe = name ? _fsopen(name, "r", prot) : _wfsopen(wname, L"r", prot);
        if (probe) fclose(probe);
        if ((mode & 0x40) && !probe) return NULL;
        if ((mode & 0x80) && probe) return NULL;
    }
    strcpy(str, m);
    if (mode & 0x20) strcat(str, "b");
    for (i = 0; str[i]; i++) wstr[i] = str[i];
    wstr[i] = 0;
    file = name ? _fsopen(name, str, prot) : _wfsopen(wname, wstr, prot);
    if (file && (mode & 0x04) && _fseeki64(file, 0, SEEK_END))
    {
        fclose(file);
        return NULL;
    }
    return file;
}

FILE *__cdecl std_Fiopen(const char *name, int mode, int prot) { return fiopen(name, NULL, mode, prot); }
FILE *__cdecl std_Fiopen_w(const WCHAR *name, int mode, int prot) { return fiopen(NULL, name, mode, prot); }

/* ---- the standard streams' pointers and _BADOFF ---- */

struct ostream *std_Ptr_cout = &std_cout.os, *std_Ptr_cerr = &std_cerr.os, *std_Ptr_clog = &std_clog.os;
struct istream *std_Ptr_cin = &std_cin.is;
struct wostream *std_Ptr_wcout = &std_wcout.os, *std_Ptr_wcerr = &std_wcerr.os, *std_Ptr_wclog = &std_wclog.os;
struct wistream *std_Ptr_wcin = &std_wcin.is;
const __int64 std_BADOFF = -1;                        /* _BADOFF: the invalid stream offset */
