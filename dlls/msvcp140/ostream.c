/*
 * dlls/msvcp140/ostream.c — basic_ostream<char>: construction over the
 * virtual base basic_ios, the sentry (lock the buffer, flush the tied
 * stream; afterwards _Osfx's flush for unitbuf), the inserters and what
 * num_put does for them in the C locale — printf formats built from the
 * flags as MSVC's num_put builds them (%+#lx, %.*g …), then the field
 * padded to width() with the fill character at the place adjustfield
 * says (internal: after the sign or 0x) — and put, write, flush, tellp,
 * seekp.
 *
 * `this` is the basic_ostream subobject (its vbtable pointer); its
 * basic_ios lies where vbtable[1] says.
 */
#include "iostream.h"

#define IOS(os) ostream_ios(os)

BOOL __cdecl std_uncaught_exception(void);

/* vbtable: the basic_ostream at 0, the basic_ios at 16 (vtordisp at 12) */
const int ostream_vbtable[2] = { 0, 16 };

/* ---- construction ---- */

static void *__cdecl ostream_vbase_deleting_dtor(struct basic_ios *ios, unsigned int flags);

const void *const ostream_vtable[1] = { ostream_vbase_deleting_dtor };

/* the vbase's vfptr and vtordisp, as every constructor of the class sets them */
void ostream_vbase_init(struct ostream *os, int vbase_offset)
{
    struct basic_ios *ios = (struct basic_ios *)((char *)os + vbase_offset);
    ios->base.vtable = ostream_vtable;
    *(int *)((char *)ios - 4) = 0;
}

/* basic_ostream(streambuf *, bool isstd), most_derived: MSVC's hidden flag
   for the class that builds the virtual base */
struct ostream *__cdecl ostream_ctor(struct ostream *os, struct streambuf *sb, bool8 isstd, int most_derived)
{
    if (most_derived)
    {
        os->vbtable = ostream_vbtable;
        basic_ios_ctor_default(IOS(os));
    }
    ostream_vbase_init(os, os->vbtable[1]);
    basic_ios_init(IOS(os), sb, isstd);
    return os;
}

/* basic_ostream(_Uninitialized, bool addit): a standard stream already set up */
struct ostream *__cdecl ostream_ctor_uninitialized(struct ostream *os, int uninit, bool8 addit, int most_derived)
{
    (void)uninit;
    if (most_derived)
    {
        os->vbtable = ostream_vbtable;
        basic_ios_ctor_default(IOS(os));
    }
    ostream_vbase_init(os, os->vbtable[1]);
    if (addit) IOS(os)->base.stdstr = 1;
    return os;
}

/* ~basic_ostream(): `this` is the basic_ios (the destructor is virtual in
   ios_base); only the vfptr is reset, the caller destroys the vbase */
void __cdecl ostream_dtor(struct basic_ios *ios)
{
    ios->base.vtable = ostream_vtable;
}

/* the "vbase destructor" (??_D): `this` at the object, all of it */
void __cdecl ostream_vbase_dtor(struct ostream *os)
{
    struct basic_ios *ios = IOS(os);
    ostream_dtor(ios);
    basic_ios_dtor(ios);
}

static void *__cdecl ostream_vbase_deleting_dtor(struct basic_ios *ios, unsigned int flags)
{
    struct ostream *os = (struct ostream *)((char *)ios - *(int *)((char *)ios - 4) - ostream_vbtable[1]);
    ostream_vbase_dtor(os);
    if (flags & 1) free(os);
    return os;
}

/* ---- the sentry ---- */

void __cdecl ostream_Osfx(struct ostream *os)
{
    struct basic_ios *ios = IOS(os);
    if (ios->base.state == IOS_GOOD && (ios->base.fmtfl & IOS_UNITBUF))
        if (streambuf_pubsync(ios->strbuf) == -1) basic_ios_setstate(ios, IOS_BAD, 0);
}

/* sentry(os): the buffer locked; ok if the stream is good once its tie is flushed */
static bool8 sentry_enter(struct ostream *os)
{
    struct basic_ios *ios = IOS(os);
    if (ios->strbuf) sb_lock(ios->strbuf);
    if (ios->base.state != IOS_GOOD) return 0;
    if (!ios->tie || ios->tie == os) return 1;
    ostream_flush(ios->tie);
    return ios->base.state == IOS_GOOD;
}

static void sentry_leave(struct ostream *os)
{
    struct basic_ios *ios = IOS(os);
    if (!std_uncaught_exception()) ostream_Osfx(os);
    if (ios->strbuf) sb_unlock(ios->strbuf);
}

struct sentry { struct ostream *os; bool8 ok; };      /* basic_ostream::sentry */

struct sentry *__cdecl ostream_sentry_ctor(struct sentry *s, struct ostream *os)
{
    s->os = os;
    s->ok = sentry_enter(os);
    return s;
}

void __cdecl ostream_sentry_dtor(struct sentry *s) { sentry_leave(s->os); }
bool8 __cdecl ostream_sentry_ok(const struct sentry *s) { return s->ok; }

/* _Sentry_base: the lock alone */
struct sentry *__cdecl ostream_sentry_base_ctor(struct sentry *s, struct ostream *os)
{
    s->os = os;
    if (IOS(os)->strbuf) sb_lock(IOS(os)->strbuf);
    return s;
}

void __cdecl ostream_sentry_base_dtor(struct sentry *s)
{
    if (IOS(s->os)->strbuf) sb_unlock(IOS(s->os)->strbuf);
}

bool8 __cdecl ostream_opfx(struct ostream *os)
{
    struct basic_ios *ios = IOS(os);
    if (ios->base.state != IOS_GOOD) return 0;
    if (ios->tie && ios->tie != os) ostream_flush(ios->tie);
    return ios->base.state == IOS_GOOD;
}

void __cdecl ostream_osfx(struct ostream *os) { ostream_Osfx(os); }

/* ---- num_put, C locale ---- */

int __cdecl fmt_print(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = __stdio_common_vsprintf(0, buf, size, fmt, NULL, ap);
    va_end(ap);
    return n;
}

/* the field [buf, buf + len) padded to width with the fill character;
   width back to 0; false when the buffer refused a character */
static BOOL put_field(struct basic_ios *ios, const char *buf, size_t len, size_t prefix)
{
    struct streambuf *sb = ios->strbuf;
    int adjust = ios->base.fmtfl & IOS_ADJUSTFIELD;
    __int64 pad = ios->base.wide > 0 && (size_t)ios->base.wide > len ? ios->base.wide - (__int64)len : 0;
    BOOL ok = TRUE;

    if (adjust != IOS_INTERNAL) prefix = 0;
    if (prefix && streambuf_sputn(sb, buf, prefix) != (__int64)prefix) ok = FALSE;
    if (adjust != IOS_LEFT)
        for (; ok && pad > 0; pad--) if (streambuf_sputc(sb, ios->fill) == CHAR_EOF) ok = FALSE;
    if (ok && streambuf_sputn(sb, buf + prefix, len - prefix) != (__int64)(len - prefix)) ok = FALSE;
    for (; ok && pad > 0; pad--) if (streambuf_sputc(sb, ios->fill) == CHAR_EOF) ok = FALSE;
    ios->base.wide = 0;
    return ok;
}

/* where internal padding goes: after a sign, then after 0x */
static size_t field_prefix(const char *buf)
{
    size_t n = (*buf == '+' || *buf == '-') ? 1 : 0;
    if (buf[n] == '0' && (buf[n + 1] == 'x' || buf[n + 1] == 'X')) n += 2;
    return n;
}

/* "%" [+] [#] ll conversion, as MSVC's num_put makes an integer's format */
static void int_format(char *fmt, int flags, char conversion)
{
    int base = flags & IOS_BASEFIELD;
    *fmt++ = '%';
    if (flags & IOS_SHOWPOS) *fmt++ = '+';
    if (flags & IOS_SHOWBASE) *fmt++ = '#';
    *fmt++ = 'l';
    *fmt++ = 'l';
    *fmt++ = base == IOS_OCT ? 'o' : base != IOS_HEX ? conversion : (flags & IOS_UPPERCASE) ? 'X' : 'x';
    *fmt = 0;
}

static struct ostream *put_integer(struct ostream *os, __int64 value, BOOL is_unsigned)
{
    struct basic_ios *ios = IOS(os);
    int state = IOS_GOOD;
    if (sentry_enter(os))
    {
        char fmt[16], buf[80];
        int n;
        int_format(fmt, ios->base.fmtfl, is_unsigned ? 'u' : 'd');
        n = fmt_print(buf, sizeof(buf), fmt, value);
        if (!put_field(ios, buf, n, field_prefix(buf))) state = IOS_BAD;
    }
    sentry_leave(os);
    basic_ios_setstate(ios, state, 0);
    return os;
}

/* oct and hex show a signed value's bits as the unsigned type of its size */
static BOOL want_bits(struct ostream *os)
{
    int base = IOS(os)->base.fmtfl & IOS_BASEFIELD;
    return base == IOS_OCT || base == IOS_HEX;
}

struct ostream *__cdecl ostream_print_short(struct ostream *os, short v)
{
    return want_bits(os) ? put_integer(os, (unsigned short)v, TRUE) : put_integer(os, v, FALSE);
}
struct ostream *__cdecl ostream_print_ushort(struct ostream *os, unsigned short v) { return put_integer(os, v, TRUE); }
struct ostream *__cdecl ostream_print_int(struct ostream *os, int v)
{
    return want_bits(os) ? put_integer(os, (unsigned int)v, TRUE) : put_integer(os, v, FALSE);
}
struct ostream *__cdecl ostream_print_uint(struct ostream *os, unsigned int v) { return put_integer(os, v, TRUE); }
struct ostream *__cdecl ostream_print_long(struct ostream *os, LONG v)
{
    return want_bits(os) ? put_integer(os, (ULONG)v, TRUE) : put_integer(os, v, FALSE);
}
struct ostream *__cdecl ostream_print_ulong(struct ostream *os, ULONG v) { return put_integer(os, v, TRUE); }
struct ostream *__cdecl ostream_print_int64(struct ostream *os, __int64 v) { return put_integer(os, v, FALSE); }
struct ostream *__cdecl ostream_print_uint64(struct ostream *os, unsigned __int64 v) { return put_integer(os, (__int64)v, TRUE); }

struct ostream *__cdecl ostream_print_double(struct ostream *os, double value)
{
    struct basic_ios *ios = IOS(os);
    int state = IOS_GOOD;
    if (sentry_enter(os))
    {
        int flags = ios->base.fmtfl, ffl = flags & IOS_FLOATFIELD;
        BOOL up = (flags & IOS_UPPERCASE) != 0;
        __int64 prec = ios->base.prec;
        char fmt[16], *f = fmt, buf[400];
        int n;

        /* MSVC's num_put: precision <= 0 means 6 except in fixed notation */
        if (prec <= 0 && ffl != IOS_FIXED) prec = 6;
        if (prec > 350) prec = 350;
        *f++ = '%';
        if (flags & IOS_SHOWPOS) *f++ = '+';
        if (flags & IOS_SHOWPOINT) *f++ = '#';
        if (ffl != (IOS_FIXED | IOS_SCIENTIFIC)) { *f++ = '.'; *f++ = '*'; }
        *f++ = ffl == IOS_FIXED ? 'f' : ffl == (IOS_FIXED | IOS_SCIENTIFIC) ? (up ? 'A' : 'a')
             : ffl == IOS_SCIENTIFIC ? (up ? 'E' : 'e') : (up ? 'G' : 'g');
        *f = 0;
        if (ffl == (IOS_FIXED | IOS_SCIENTIFIC)) n = fmt_print(buf, sizeof(buf), fmt, value);
        else n = fmt_print(buf, sizeof(buf), fmt, (int)prec, value);
        if (n < 0 || n >= (int)sizeof(buf)) n = 0;
        if (!put_field(ios, buf, n, field_prefix(buf))) state = IOS_BAD;
    }
    sentry_leave(os);
    basic_ios_setstate(ios, state, 0);
    return os;
}

struct ostream *__cdecl ostream_print_float(struct ostream *os, float v) { return ostream_print_double(os, v); }

struct ostream *__cdecl ostream_print_bool(struct ostream *os, bool8 v)
{
    struct basic_ios *ios = IOS(os);
    int state = IOS_GOOD;
    if (!(ios->base.fmtfl & IOS_BOOLALPHA)) return put_integer(os, v ? 1 : 0, FALSE);
    if (sentry_enter(os))
    {
        const char *s = v ? "true" : "false";
        if (!put_field(ios, s, strlen(s), 0)) state = IOS_BAD;
    }
    sentry_leave(os);
    basic_ios_setstate(ios, state, 0);
    return os;
}

/* a pointer: its 16 hexadecimal digits, as MSVC's %p gives them */
struct ostream *__cdecl ostream_print_ptr(struct ostream *os, const void *p)
{
    struct basic_ios *ios = IOS(os);
    int state = IOS_GOOD;
    if (sentry_enter(os))
    {
        char buf[32];
        int n = fmt_print(buf, sizeof(buf), "%016llX", (unsigned __int64)(ULONG_PTR)p);
        if (!put_field(ios, buf, n, 0)) state = IOS_BAD;
    }
    sentry_leave(os);
    basic_ios_setstate(ios, state, 0);
    return os;
}

/* operator<<(streambuf *): the other buffer copied to its end; failbit
   if nothing was, badbit without a buffer */
struct ostream *__cdecl ostream_print_streambuf(struct ostream *os, struct streambuf *from)
{
    struct basic_ios *ios = IOS(os);
    int state = IOS_GOOD;
    BOOL copied = FALSE;
    if (sentry_enter(os) && from)
    {
        for (int c = streambuf_sgetc(from); c != CHAR_EOF; c = streambuf_snextc(from), copied = TRUE)
            if (streambuf_sputc(ios->strbuf, (char)c) == CHAR_EOF) { state |= IOS_BAD; break; }
    }
    sentry_leave(os);
    ios->base.wide = 0;
    basic_ios_setstate(ios, !from ? IOS_BAD : copied ? state : state | IOS_FAIL, 0);
    return os;
}

struct ostream *__cdecl ostream_print_func(struct ostream *os, struct ostream *(__cdecl *fn)(struct ostream *))
{
    return fn(os);
}

struct ostream *__cdecl ostream_print_func_ios(struct ostream *os, struct basic_ios *(__cdecl *fn)(struct basic_ios *))
{
    fn(IOS(os));
    return os;
}

struct ostream *__cdecl ostream_print_func_ios_base(struct ostream *os, struct ios_base *(__cdecl *fn)(struct ios_base *))
{
    fn(&IOS(os)->base);
    return os;
}

/* ---- unformatted output ---- */

struct ostream *__cdecl ostream_put(struct ostream *os, char c)
{
    struct basic_ios *ios = IOS(os);
    int state = IOS_GOOD;
    if (!sentry_enter(os)) state = IOS_BAD;
    else if (streambuf_sputc(ios->strbuf, c) == CHAR_EOF) state = IOS_BAD;
    sentry_leave(os);
    basic_ios_setstate(ios, state, 0);
    return os;
}

struct ostream *__cdecl ostream_write(struct ostream *os, const char *str, __int64 count)
{
    struct basic_ios *ios = IOS(os);
    int state = IOS_GOOD;
    if (!sentry_enter(os)) state = IOS_BAD;
    else if (count > 0 && streambuf_sputn(ios->strbuf, str, count) != count) state = IOS_BAD;
    sentry_leave(os);
    basic_ios_setstate(ios, state, 0);
    return os;
}

struct ostream *__cdecl ostream_flush(struct ostream *os)
{
    struct basic_ios *ios = IOS(os);
    struct streambuf *sb = ios->strbuf;
    if (!sb) return os;
    if (sentry_enter(os))
    {
        int state = streambuf_pubsync(sb) == -1 ? IOS_BAD : IOS_GOOD;
        sentry_leave(os);
        basic_ios_setstate(ios, state, 0);
        return os;
    }
    sentry_leave(os);
    return os;
}

struct fpos *__cdecl ostream_tellp(struct ostream *os, struct fpos *ret)
{
    struct basic_ios *ios = IOS(os);
    sentry_enter(os);
    if (!(ios->base.state & (IOS_FAIL | IOS_BAD))) streambuf_pubseekoff(ios->strbuf, ret, 0, IOS_CUR, IOS_OUT);
    else { ret->off = -1; ret->fpos = 0; ret->state = 0; }
    sentry_leave(os);
    return ret;
}

struct ostream *__cdecl ostream_seekp_off(struct ostream *os, __int64 off, int way)
{
    struct basic_ios *ios = IOS(os);
    sentry_enter(os);
    if (!(ios->base.state & (IOS_FAIL | IOS_BAD)))
    {
        struct fpos pos;
        streambuf_pubseekoff(ios->strbuf, &pos, off, way, IOS_OUT);
        if (pos.off + pos.fpos == -1) basic_ios_setstate(ios, IOS_FAIL, 0);
    }
    sentry_leave(os);
    return os;
}

struct ostream *__cdecl ostream_seekp_pos(struct ostream *os, const struct fpos *where)
{
    struct basic_ios *ios = IOS(os);
    sentry_enter(os);
    if (!(ios->base.state & (IOS_FAIL | IOS_BAD)))
    {
        struct fpos pos;
        streambuf_pubseekpos(ios->strbuf, &pos, where, IOS_OUT);
        if (pos.off + pos.fpos == -1) basic_ios_setstate(ios, IOS_FAIL, 0);
    }
    sentry_leave(os);
    return os;
}

struct ostream *__cdecl ostream_assign_move(struct ostream *os, struct ostream *other)
{
    if (os != other) basic_ios_swap(IOS(os), IOS(other));
    return os;
}

void __cdecl ostream_swap(struct ostream *os, struct ostream *other)
{
    if (os != other) basic_ios_swap(IOS(os), IOS(other));
}
