/*
 * dlls/msvcp140/istream.c — basic_istream<char> and basic_iostream<char>:
 * construction over the virtual base, _Ipfx (the sentry: flush the tied
 * stream, skip white space), the extractors with what num_get does for
 * them in the C locale (the longest prefix of a number read character by
 * character from the buffer, converted as strtol/strtoull/strtod would;
 * nothing read: failbit and 0; out of range: failbit and the limit; the
 * buffer's end: eofbit), and the unformatted input (get, getline, ignore,
 * read, readsome, peek, putback, unget, sync, tellg, seekg) counting what
 * they took in gcount().
 *
 * `this` is the basic_istream subobject; basic_iostream's istream part
 * lies at its start, its ostream part 16 bytes in.
 */
#include "iostream.h"

#define IOS(is) istream_ios(is)

/* the C runtime's own (mingw's header would name its replacement) */
double __cdecl crt_strtod(const char *str, char **end) __asm__("strtod");

/* vbtable: the basic_istream at 0, its basic_ios at 24 (vtordisp at 20) */
const int istream_vbtable[2] = { 0, 24 };

static void *__cdecl istream_vbase_deleting_dtor(struct basic_ios *ios, unsigned int flags);

const void *const istream_vtable[1] = { istream_vbase_deleting_dtor };

static void istream_vbase_init(struct istream *is)
{
    struct basic_ios *ios = IOS(is);
    ios->base.vtable = istream_vtable;
    *(int *)((char *)ios - 4) = 0;
}

struct istream *__cdecl istream_ctor(struct istream *is, struct streambuf *sb, bool8 isstd, int most_derived)
{
    if (most_derived)
    {
        is->vbtable = istream_vbtable;
        basic_ios_ctor_default(IOS(is));
    }
    istream_vbase_init(is);
    is->chcount = 0;
    basic_ios_init(IOS(is), sb, isstd);
    return is;
}

struct istream *__cdecl istream_ctor_uninitialized(struct istream *is, int uninit, bool8 addit, int most_derived)
{
    (void)uninit;
    if (most_derived)
    {
        is->vbtable = istream_vbtable;
        basic_ios_ctor_default(IOS(is));
    }
    istream_vbase_init(is);
    if (addit) IOS(is)->base.stdstr = 1;
    is->chcount = 0;
    return is;
}

void __cdecl istream_dtor(struct basic_ios *ios) { ios->base.vtable = istream_vtable; }

void __cdecl istream_vbase_dtor(struct istream *is)
{
    istream_dtor(IOS(is));
    basic_ios_dtor(IOS(is));
}

static void *__cdecl istream_vbase_deleting_dtor(struct basic_ios *ios, unsigned int flags)
{
    struct istream *is = (struct istream *)((char *)ios - *(int *)((char *)ios - 4) - istream_vbtable[1]);
    istream_vbase_dtor(is);
    if (flags & 1) free(is);
    return is;
}

/* ---- basic_iostream: istream at 0, ostream at 16, basic_ios at 32 ---- */

static const int iostream_vbtable_i[2] = { 0, 32 };
static const int iostream_vbtable_o[2] = { 0, 16 };

static void *__cdecl iostream_vbase_deleting_dtor(struct basic_ios *ios, unsigned int flags);

static const void *const iostream_vtable[1] = { iostream_vbase_deleting_dtor };

struct istream *__cdecl iostream_ctor(struct istream *is, struct streambuf *sb, int most_derived)
{
    struct ostream *os = (struct ostream *)((char *)is + 16);
    if (most_derived)
    {
        is->vbtable = iostream_vbtable_i;
        os->vbtable = iostream_vbtable_o;
        basic_ios_ctor_default(IOS(is));
    }
    istream_ctor(is, sb, 0, 0);
    ostream_vbase_init(os, os->vbtable[1]);
    IOS(is)->base.vtable = iostream_vtable;
    return is;
}

void __cdecl iostream_dtor(struct basic_ios *ios) { ios->base.vtable = iostream_vtable; }

void __cdecl iostream_vbase_dtor(struct istream *is)
{
    iostream_dtor(IOS(is));
    basic_ios_dtor(IOS(is));
}

static void *__cdecl iostream_vbase_deleting_dtor(struct basic_ios *ios, unsigned int flags)
{
    struct istream *is = (struct istream *)((char *)ios - *(int *)((char *)ios - 4) - iostream_vbtable_i[1]);
    iostream_vbase_dtor(is);
    if (flags & 1) free(is);
    return is;
}

/* ---- the sentry ---- */

/* _Ipfx(noskip): good, the tied stream flushed, white space skipped unless
   noskip or !skipws; otherwise failbit (and eofbit at the end) */
bool8 __cdecl istream_Ipfx(struct istream *is, bool8 noskip)
{
    struct basic_ios *ios = IOS(is);
    if (ios->base.state == IOS_GOOD)
    {
        if (ios->tie) ostream_flush(ios->tie);
        if (!noskip && (ios->base.fmtfl & IOS_SKIPWS))
        {
            int c = streambuf_sgetc(ios->strbuf);
            for (;; c = streambuf_snextc(ios->strbuf))
            {
                if (c == CHAR_EOF) { basic_ios_setstate(ios, IOS_EOF, 0); break; }
                if (!isspace(c)) break;
            }
        }
        if (ios->base.state == IOS_GOOD) return 1;
    }
    basic_ios_setstate(ios, IOS_FAIL, 0);
    return 0;
}

bool8 __cdecl istream_ipfx(struct istream *is, bool8 noskip) { return istream_Ipfx(is, noskip); }
void __cdecl istream_isfx(struct istream *is) { (void)is; }

struct isentry { struct istream *is; bool8 ok; };     /* basic_istream::sentry */

struct isentry *__cdecl istream_sentry_ctor(struct isentry *s, struct istream *is, bool8 noskip)
{
    s->is = is;
    if (IOS(is)->strbuf) sb_lock(IOS(is)->strbuf);
    s->ok = istream_Ipfx(is, noskip);
    return s;
}

void __cdecl istream_sentry_dtor(struct isentry *s)
{
    if (IOS(s->is)->strbuf) sb_unlock(IOS(s->is)->strbuf);
}

bool8 __cdecl istream_sentry_ok(const struct isentry *s) { return s->ok; }

/* _Sentry_base: the lock alone */
struct isentry *__cdecl istream_sentry_base_ctor(struct isentry *s, struct istream *is)
{
    s->is = is;
    if (IOS(is)->strbuf) sb_lock(IOS(is)->strbuf);
    return s;
}

/* ---- num_get, C locale ---- */

/* the characters of a number as the buffer gives them: [sign] then, for an
   integer, [0x] and digits of the base (base 0: as the prefix says), for a
   floating-point value digits, one '.', and an exponent; the character
   after it stays in the buffer, the buffer's end sets eofbit */
static size_t scan_number(struct basic_ios *ios, char *buf, size_t size, BOOL floating, int *base, int *state)
{
    struct streambuf *sb = ios->strbuf;
    int c = streambuf_sgetc(sb);
    size_t n = 0;
    BOOL dot = FALSE, exp = FALSE, digits = FALSE;

    if (!floating)
    {
        int basefield = ios->base.fmtfl & IOS_BASEFIELD;
        *base = basefield == IOS_OCT ? 8 : basefield == IOS_HEX ? 16 : basefield == 0 ? 0 : 10;
    }
    if (c == '+' || c == '-') { buf[n++] = (char)c; c = streambuf_snextc(sb); }
    if (!floating && (*base == 0 || *base == 16) && c == '0')
    {
        buf[n++] = '0';
        digits = TRUE;
        c = streambuf_snextc(sb);
        if (c == 'x' || c == 'X')
        {
            buf[n++] = (char)c;
            digits = FALSE;
            *base = 16;
            c = streambuf_snextc(sb);
        }
        else if (*base == 0) *base = 8;
    }
    if (!floating && *base == 0) *base = 10;
    for (; c != CHAR_EOF && n + 1 < size; c = streambuf_snextc(sb))
    {
        if (floating)
        {
            if (isdigit(c)) digits = TRUE;
            else if (c == '.' && !dot && !exp) dot = TRUE;
            else if ((c == 'e' || c == 'E') && digits && !exp)
            {
                exp = TRUE;
                buf[n++] = (char)c;
                c = streambuf_snextc(sb);
                if (c != '+' && c != '-') { if (c == CHAR_EOF) break; if (!isdigit(c)) break; }
            }
            else break;
        }
        else
        {
            int d = isdigit(c) ? c - '0' : isxdigit(c) ? tolower(c) - 'a' + 10 : 99;
            if (d >= *base) break;
            digits = TRUE;
        }
        buf[n++] = (char)c;
    }
    buf[n] = 0;
    if (c == CHAR_EOF) *state |= IOS_EOF;
    if (!digits) *state |= IOS_FAIL;
    return n;
}

/* an integer within [min, max] (unsigned: max only, and "-n" wraps as strtoul does) */
static struct istream *get_integer(struct istream *is, void *out, int size, BOOL is_unsigned,
                                   __int64 min, unsigned __int64 max)
{
    struct basic_ios *ios = IOS(is);
    int state = IOS_GOOD, base = 10;
    if (istream_Ipfx(is, 0))
    {
        char buf[128], *end;
        unsigned __int64 uv = 0;
        __int64 v = 0;
        scan_number(ios, buf, sizeof(buf), FALSE, &base, &state);
        if (!(state & IOS_FAIL))
        {
            errno = 0;
            if (is_unsigned)
            {
                BOOL neg = buf[0] == '-';
                uv = _strtoui64(buf + (neg || buf[0] == '+'), &end, base);
                if (errno || uv > max) { state |= IOS_FAIL; uv = max; }
                else if (neg) uv = (0 - uv) & max;
            }
            else
            {
                v = _strtoi64(buf, &end, base);
                if (errno || v > (__int64)max) { state |= IOS_FAIL; v = (__int64)max; }
                else if (v < min) { state |= IOS_FAIL; v = min; }
            }
        }
        if (is_unsigned) v = (__int64)uv;
        switch (size)
        {
        case 1: *(bool8 *)out = (bool8)v; break;
        case 2: *(short *)out = (short)v; break;
        case 4: *(int *)out = (int)v; break;
        default: *(__int64 *)out = v; break;
        }
        basic_ios_setstate(ios, state, 0);
    }
    return is;
}

struct istream *__cdecl istream_read_short(struct istream *is, short *v) { return get_integer(is, v, 2, FALSE, -32768, 32767); }
struct istream *__cdecl istream_read_ushort(struct istream *is, unsigned short *v) { return get_integer(is, v, 2, TRUE, 0, 0xffff); }
struct istream *__cdecl istream_read_int(struct istream *is, int *v) { return get_integer(is, v, 4, FALSE, -2147483647 - 1, 2147483647); }
struct istream *__cdecl istream_read_uint(struct istream *is, unsigned int *v) { return get_integer(is, v, 4, TRUE, 0, 0xffffffff); }
struct istream *__cdecl istream_read_int64(struct istream *is, __int64 *v) { return get_integer(is, v, 8, FALSE, (-0x7fffffffffffffffLL - 1), 0x7fffffffffffffffULL); }
struct istream *__cdecl istream_read_uint64(struct istream *is, unsigned __int64 *v) { return get_integer(is, v, 8, TRUE, 0, ~0ULL); }

/* bool without boolalpha: 0 or 1, anything else failbit */
struct istream *__cdecl istream_read_bool(struct istream *is, bool8 *v)
{
    struct basic_ios *ios = IOS(is);
    __int64 n = 0;
    get_integer(is, &n, 8, FALSE, (-0x7fffffffffffffffLL - 1), 0x7fffffffffffffffULL);
    if (ios->base.state & IOS_FAIL) *v = 0;
    else if (n == 0 || n == 1) *v = (bool8)n;
    else { *v = 1; basic_ios_setstate(ios, IOS_FAIL, 0); }
    return is;
}

static struct istream *get_double(struct istream *is, double *out)
{
    struct basic_ios *ios = IOS(is);
    int state = IOS_GOOD, base = 10;
    if (istream_Ipfx(is, 0))
    {
        char buf[400], *end;
        double v = 0;
        scan_number(ios, buf, sizeof(buf), TRUE, &base, &state);
        if (!(state & IOS_FAIL))
        {
            errno = 0;
            v = crt_strtod(buf, &end);
            if (end == buf) { state |= IOS_FAIL; v = 0; }
        }
        *out = v;
        basic_ios_setstate(ios, state, 0);
    }
    return is;
}

struct istream *__cdecl istream_read_double(struct istream *is, double *v) { return get_double(is, v); }

struct istream *__cdecl istream_read_float(struct istream *is, float *v)
{
    double d = 0;
    get_double(is, &d);
    if (!(IOS(is)->base.state & IOS_FAIL) || d == 0) *v = (float)d;
    return is;
}

struct istream *__cdecl istream_read_ptr(struct istream *is, void **v)
{
    unsigned __int64 n = 0;
    int saved = IOS(is)->base.fmtfl;
    IOS(is)->base.fmtfl = (saved & ~IOS_BASEFIELD) | IOS_HEX;
    get_integer(is, &n, 8, TRUE, 0, ~0ULL);
    IOS(is)->base.fmtfl = saved;
    *v = (void *)(ULONG_PTR)n;
    return is;
}

/* operator>>(streambuf *): everything up to the end copied to the other buffer */
struct istream *__cdecl istream_read_streambuf(struct istream *is, struct streambuf *to)
{
    struct basic_ios *ios = IOS(is);
    int state = IOS_GOOD;
    BOOL copied = FALSE;
    if (!to) state = IOS_FAIL;
    else if (istream_Ipfx(is, 0))
    {
        int c;
        for (c = streambuf_sgetc(ios->strbuf);; c = streambuf_snextc(ios->strbuf))
        {
            if (c == CHAR_EOF) { state |= IOS_EOF; break; }
            if (streambuf_sputc(to, (char)c) == CHAR_EOF) break;
            copied = TRUE;
        }
    }
    basic_ios_setstate(ios, copied ? state : state | IOS_FAIL, 0);
    return is;
}

struct istream *__cdecl istream_read_func(struct istream *is, struct istream *(__cdecl *fn)(struct istream *)) { return fn(is); }

struct istream *__cdecl istream_read_func_ios(struct istream *is, struct basic_ios *(__cdecl *fn)(struct basic_ios *))
{
    fn(IOS(is));
    return is;
}

struct istream *__cdecl istream_read_func_ios_base(struct istream *is, struct ios_base *(__cdecl *fn)(struct ios_base *))
{
    fn(&IOS(is)->base);
    return is;
}

/* ---- unformatted input ---- */

int __cdecl istream_get(struct istream *is)
{
    struct basic_ios *ios = IOS(is);
    int c = CHAR_EOF;
    is->chcount = 0;
    if (istream_Ipfx(is, 1))
    {
        c = streambuf_sgetc(ios->strbuf);
        if (c == CHAR_EOF) basic_ios_setstate(ios, IOS_EOF | IOS_FAIL, 0);
        else { streambuf_sbumpc(ios->strbuf); is->chcount = 1; }
    }
    return c;
}

struct istream *__cdecl istream_get_char(struct istream *is, char *c)
{
    int r = istream_get(is);
    if (r != CHAR_EOF) *c = (char)r;
    return is;
}

/* get(str, count, delim) and getline: up to count - 1 characters or the
   delimiter (getline takes it out, get leaves it); always terminated */
static struct istream *get_line(struct istream *is, char *str, __int64 count, char delim, BOOL extract_delim)
{
    struct basic_ios *ios = IOS(is);
    int state = IOS_GOOD;
    is->chcount = 0;
    if (istream_Ipfx(is, 1) && count > 0)
    {
        int c = streambuf_sgetc(ios->strbuf);
        for (;; c = streambuf_snextc(ios->strbuf))
        {
            if (c == CHAR_EOF) { state |= IOS_EOF; break; }
            if ((char)c == delim)
            {
                if (extract_delim) { is->chcount++; streambuf_sbumpc(ios->strbuf); }
                break;
            }
            if (--count <= 0) { state |= IOS_FAIL; break; }
            *str++ = (char)c;
            is->chcount++;
        }
    }
    if (count > 0 || is->chcount) *str = 0;
    if (!is->chcount) state |= IOS_FAIL;
    basic_ios_setstate(ios, state, 0);
    return is;
}

struct istream *__cdecl istream_get_str_delim(struct istream *is, char *str, __int64 count, char delim)
{
    return get_line(is, str, count, delim, FALSE);
}

struct istream *__cdecl istream_get_str(struct istream *is, char *str, __int64 count)
{
    return get_line(is, str, count, '\n', FALSE);
}

struct istream *__cdecl istream_getline_delim(struct istream *is, char *str, __int64 count, char delim)
{
    return get_line(is, str, count, delim, TRUE);
}

struct istream *__cdecl istream_getline(struct istream *is, char *str, __int64 count)
{
    return get_line(is, str, count, '\n', TRUE);
}

/* get(streambuf &, delim): characters copied to the other buffer up to the delimiter */
struct istream *__cdecl istream_get_streambuf_delim(struct istream *is, struct streambuf *to, char delim)
{
    struct basic_ios *ios = IOS(is);
    int state = IOS_GOOD;
    is->chcount = 0;
    if (istream_Ipfx(is, 1))
    {
        int c = streambuf_sgetc(ios->strbuf);
        for (;; c = streambuf_snextc(ios->strbuf))
        {
            if (c == CHAR_EOF) { state |= IOS_EOF; break; }
            if ((char)c == delim || streambuf_sputc(to, (char)c) == CHAR_EOF) break;
            is->chcount++;
        }
    }
    if (!is->chcount) state |= IOS_FAIL;
    basic_ios_setstate(ios, state, 0);
    return is;
}

struct istream *__cdecl istream_get_streambuf(struct istream *is, struct streambuf *to)
{
    return istream_get_streambuf_delim(is, to, '\n');
}

struct istream *__cdecl istream_ignore(struct istream *is, __int64 count, int delim)
{
    struct basic_ios *ios = IOS(is);
    int state = IOS_GOOD;
    is->chcount = 0;
    if (istream_Ipfx(is, 1) && count > 0)
    {
        for (;;)
        {
            int c;
            if (count != 0x7fffffffffffffffLL && --count < 0) break;
            if ((c = streambuf_sbumpc(ios->strbuf)) == CHAR_EOF) { state |= IOS_EOF; break; }
            is->chcount++;
            if (c == delim) break;
        }
    }
    basic_ios_setstate(ios, state, 0);
    return is;
}

int __cdecl istream_peek(struct istream *is)
{
    struct basic_ios *ios = IOS(is);
    int c = CHAR_EOF;
    is->chcount = 0;
    if (istream_Ipfx(is, 1) && (c = streambuf_sgetc(ios->strbuf)) == CHAR_EOF)
        basic_ios_setstate(ios, IOS_EOF, 0);
    return c;
}

struct istream *__cdecl istream_read(struct istream *is, char *str, __int64 count)
{
    struct basic_ios *ios = IOS(is);
    int state = IOS_GOOD;
    is->chcount = 0;
    if (istream_Ipfx(is, 1))
    {
        __int64 n = streambuf_sgetn(ios->strbuf, str, count);
        is->chcount = n;
        if (n != count) state |= IOS_EOF | IOS_FAIL;
    }
    basic_ios_setstate(ios, state, 0);
    return is;
}

__int64 __cdecl istream_readsome(struct istream *is, char *str, __int64 count)
{
    struct basic_ios *ios = IOS(is);
    __int64 avail;
    is->chcount = 0;
    if (!istream_Ipfx(is, 1)) return 0;
    avail = streambuf_in_avail(ios->strbuf);
    if (avail < 0) basic_ios_setstate(ios, IOS_EOF, 0);
    else if (avail > 0) istream_read(is, str, avail < count ? avail : count);
    return is->chcount;
}

struct istream *__cdecl istream_putback(struct istream *is, char c)
{
    struct basic_ios *ios = IOS(is);
    int state = ios->base.state & ~IOS_EOF;
    is->chcount = 0;
    basic_ios_clear(ios, state, 0);
    if (istream_Ipfx(is, 1) && streambuf_sputbackc(ios->strbuf, c) == CHAR_EOF)
        basic_ios_setstate(ios, IOS_BAD, 0);
    return is;
}

struct istream *__cdecl istream_unget(struct istream *is)
{
    struct basic_ios *ios = IOS(is);
    is->chcount = 0;
    basic_ios_clear(ios, ios->base.state & ~IOS_EOF, 0);
    if (istream_Ipfx(is, 1) && streambuf_sungetc(ios->strbuf) == CHAR_EOF)
        basic_ios_setstate(ios, IOS_BAD, 0);
    return is;
}

__int64 __cdecl istream_gcount(const struct istream *is) { return is->chcount; }

int __cdecl istream_sync(struct istream *is)
{
    struct basic_ios *ios = IOS(is);
    if (!ios->strbuf) return -1;
    if (streambuf_pubsync(ios->strbuf) == -1) { basic_ios_setstate(ios, IOS_BAD, 0); return -1; }
    return 0;
}

struct fpos *__cdecl istream_tellg(struct istream *is, struct fpos *ret)
{
    struct basic_ios *ios = IOS(is);
    if (!(ios->base.state & (IOS_FAIL | IOS_BAD))) return streambuf_pubseekoff(ios->strbuf, ret, 0, IOS_CUR, IOS_IN);
    ret->off = -1; ret->fpos = 0; ret->state = 0;
    return ret;
}

struct istream *__cdecl istream_seekg_off(struct istream *is, __int64 off, int way)
{
    struct basic_ios *ios = IOS(is);
    basic_ios_clear(ios, ios->base.state & ~IOS_EOF, 0);
    if (!(ios->base.state & (IOS_FAIL | IOS_BAD)))
    {
        struct fpos pos;
        streambuf_pubseekoff(ios->strbuf, &pos, off, way, IOS_IN);
        if (pos.off + pos.fpos == -1) basic_ios_setstate(ios, IOS_FAIL, 0);
    }
    return is;
}

struct istream *__cdecl istream_seekg_pos(struct istream *is, const struct fpos *where)
{
    struct basic_ios *ios = IOS(is);
    basic_ios_clear(ios, ios->base.state & ~IOS_EOF, 0);
    if (!(ios->base.state & (IOS_FAIL | IOS_BAD)))
    {
        struct fpos pos;
        streambuf_pubseekpos(ios->strbuf, &pos, where, IOS_IN);
        if (pos.off + pos.fpos == -1) basic_ios_setstate(ios, IOS_FAIL, 0);
    }
    return is;
}

void __cdecl istream_swap(struct istream *is, struct istream *other)
{
    __int64 n;
    if (is == other) return;
    basic_ios_swap(IOS(is), IOS(other));
    n = is->chcount; is->chcount = other->chcount; other->chcount = n;
}
