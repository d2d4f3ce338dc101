/*
 * dlls/msvcp140/istream_t.h — the bodies of basic_istream and
 * basic_iostream, included by istream.c once per character type (char;
 * wchar_t, whose functions serve unsigned short's exports too). A number's
 * characters are gathered as chars (they are ASCII when accepted) and
 * converted by the C runtime. The includer defines CHAR_T, INT_T, EOF_T,
 * IOS_STRUCT, SB_STRUCT, OS_STRUCT, IS_STRUCT, ISENTRY_STRUCT,
 * ISF/IOSTF/OSF/IOSF/SBF(name), IOS(is), IS_SPACE(c) and IS_DIGIT(c).
 */

/* vbtable: the basic_istream at 0, its basic_ios at 24 (vtordisp at 20) */
const int ISF(vbtable)[2] = { 0, 24 };

static void *__cdecl ISF(vbase_deleting_dtor)(IOS_STRUCT *ios, unsigned int flags);

const void *const ISF(vtable)[1] = { ISF(vbase_deleting_dtor) };

static void ISF(vbase_init)(IS_STRUCT *is)
{
    IOS_STRUCT *ios = IOS(is);
    ios->base.vtable = ISF(vtable);
    *(int *)((char *)ios - 4) = 0;
}

IS_STRUCT *__cdecl ISF(ctor)(IS_STRUCT *is, SB_STRUCT *sb, bool8 isstd, int most_derived)
{
    if (most_derived)
    {
        is->vbtable = ISF(vbtable);
        IOSF(ctor_default)(IOS(is));
    }
    ISF(vbase_init)(is);
    is->chcount = 0;
    IOSF(init)(IOS(is), sb, isstd);
    return is;
}

IS_STRUCT *__cdecl ISF(ctor_uninitialized)(IS_STRUCT *is, int uninit, bool8 addit, int most_derived)
{
    (void)uninit;
    if (most_derived)
    {
        is->vbtable = ISF(vbtable);
        IOSF(ctor_default)(IOS(is));
    }
    ISF(vbase_init)(is);
    if (addit) IOS(is)->base.stdstr = 1;
    is->chcount = 0;
    return is;
}

/* basic_istream(basic_istream &&): as basic_ostream's, and right's count
   taken over */
IS_STRUCT *__cdecl ISF(move_ctor)(IS_STRUCT *is, IS_STRUCT *right, int most_derived)
{
    if (most_derived)
    {
        is->vbtable = ISF(vbtable);
        IOSF(ctor_default)(IOS(is));
    }
    ISF(vbase_init)(is);
    IOSF(init)(IOS(is), NULL, 0);
    IOSF(move)(IOS(is), IOS(right));
    is->chcount = right->chcount;
    right->chcount = 0;
    return is;
}

void __cdecl ISF(dtor)(IOS_STRUCT *ios) { ios->base.vtable = ISF(vtable); }

void __cdecl ISF(vbase_dtor)(IS_STRUCT *is)
{
    ISF(dtor)(IOS(is));
    IOSF(dtor)(IOS(is));
}

static void *__cdecl ISF(vbase_deleting_dtor)(IOS_STRUCT *ios, unsigned int flags)
{
    IS_STRUCT *is = (IS_STRUCT *)((char *)ios - *(int *)((char *)ios - 4) - ISF(vbtable)[1]);
    ISF(vbase_dtor)(is);
    if (flags & 1) free(is);
    return is;
}

/* ---- basic_iostream: istream at 0, ostream at 16, basic_ios at 32 ---- */

const int IOSTF(vbtable_i)[2] = { 0, 32 };
const int IOSTF(vbtable_o)[2] = { 0, 16 };

static void *__cdecl IOSTF(vbase_deleting_dtor)(IOS_STRUCT *ios, unsigned int flags);

const void *const IOSTF(vtable)[1] = { IOSTF(vbase_deleting_dtor) };

IS_STRUCT *__cdecl IOSTF(ctor)(IS_STRUCT *is, SB_STRUCT *sb, int most_derived)
{
    OS_STRUCT *os = (OS_STRUCT *)((char *)is + 16);
    if (most_derived)
    {
        is->vbtable = IOSTF(vbtable_i);
        os->vbtable = IOSTF(vbtable_o);
        IOSF(ctor_default)(IOS(is));
    }
    ISF(ctor)(is, sb, 0, 0);
    OSF(vbase_init)(os, os->vbtable[1]);
    IOS(is)->base.vtable = IOSTF(vtable);
    return is;
}

/* basic_iostream(basic_iostream &&): its istream part moved (the format,
   state and count; the buffer stays behind), its ostream part as new */
IS_STRUCT *__cdecl IOSTF(move_ctor)(IS_STRUCT *is, IS_STRUCT *right, int most_derived)
{
    OS_STRUCT *os = (OS_STRUCT *)((char *)is + 16);
    if (most_derived)
    {
        is->vbtable = IOSTF(vbtable_i);
        os->vbtable = IOSTF(vbtable_o);
        IOSF(ctor_default)(IOS(is));
    }
    ISF(move_ctor)(is, right, 0);
    OSF(vbase_init)(os, os->vbtable[1]);
    IOS(is)->base.vtable = IOSTF(vtable);
    return is;
}

void __cdecl IOSTF(dtor)(IOS_STRUCT *ios) { ios->base.vtable = IOSTF(vtable); }

void __cdecl IOSTF(vbase_dtor)(IS_STRUCT *is)
{
    IOSTF(dtor)(IOS(is));
    IOSF(dtor)(IOS(is));
}

static void *__cdecl IOSTF(vbase_deleting_dtor)(IOS_STRUCT *ios, unsigned int flags)
{
    IS_STRUCT *is = (IS_STRUCT *)((char *)ios - *(int *)((char *)ios - 4) - IOSTF(vbtable_i)[1]);
    IOSTF(vbase_dtor)(is);
    if (flags & 1) free(is);
    return is;
}

/* ---- the sentry ---- */

/* _Ipfx(noskip): good, the tied stream flushed, white space skipped unless
   noskip or !skipws; otherwise failbit (and eofbit at the end) */
bool8 __cdecl ISF(Ipfx)(IS_STRUCT *is, bool8 noskip)
{
    IOS_STRUCT *ios = IOS(is);
    if (ios->base.state == IOS_GOOD)
    {
        if (ios->tie) OSF(flush)(ios->tie);
        if (!noskip && (ios->base.fmtfl & IOS_SKIPWS))
        {
            int c = SBF(sgetc)(ios->strbuf);
            for (;; c = SBF(snextc)(ios->strbuf))
            {
                if (c == EOF_T) { IOSF(setstate)(ios, IOS_EOF, 0); break; }
                if (!IS_SPACE(c)) break;
            }
        }
        if (ios->base.state == IOS_GOOD) return 1;
    }
    IOSF(setstate)(ios, IOS_FAIL, 0);
    return 0;
}

bool8 __cdecl ISF(ipfx)(IS_STRUCT *is, bool8 noskip) { return ISF(Ipfx)(is, noskip); }
void __cdecl ISF(isfx)(IS_STRUCT *is) { (void)is; }

ISENTRY_STRUCT { IS_STRUCT *is; bool8 ok; };     /* basic_istream::sentry */

ISENTRY_STRUCT *__cdecl ISF(sentry_ctor)(ISENTRY_STRUCT *s, IS_STRUCT *is, bool8 noskip)
{
    s->is = is;
    if (IOS(is)->strbuf) SBF(lock_vcall)(IOS(is)->strbuf);
    s->ok = ISF(Ipfx)(is, noskip);
    return s;
}

void __cdecl ISF(sentry_dtor)(ISENTRY_STRUCT *s)
{
    if (IOS(s->is)->strbuf) SBF(unlock_vcall)(IOS(s->is)->strbuf);
}

bool8 __cdecl ISF(sentry_ok)(const ISENTRY_STRUCT *s) { return s->ok; }

/* _Sentry_base: the lock alone */
ISENTRY_STRUCT *__cdecl ISF(sentry_base_ctor)(ISENTRY_STRUCT *s, IS_STRUCT *is)
{
    s->is = is;
    if (IOS(is)->strbuf) SBF(lock_vcall)(IOS(is)->strbuf);
    return s;
}

/* ---- num_get, C locale ---- */

/* the characters of a number as the buffer gives them: [sign] then, for an
   integer, [0x] and digits of the base (base 0: as the prefix says), for a
   floating-point value digits, one '.', and an exponent; the character
   after it stays in the buffer, the buffer's end sets eofbit */
static size_t ISF(scan_number)(SB_STRUCT *sb, int fmtfl, char *buf, size_t size, BOOL floating, int *base,
                               int *state)
{
    int c = sb ? SBF(sgetc)(sb) : EOF_T;
    size_t n = 0;
    BOOL dot = FALSE, exp = FALSE, digits = FALSE;

    if (!floating)
    {
        int basefield = fmtfl & IOS_BASEFIELD;
        *base = basefield == IOS_OCT ? 8 : basefield == IOS_HEX ? 16 : basefield == 0 ? 0 : 10;
    }
    if (c == '+' || c == '-') { buf[n++] = (char)c; c = SBF(snextc)(sb); }
    if (!floating && (*base == 0 || *base == 16) && c == '0')
    {
        buf[n++] = '0';
        digits = TRUE;
        c = SBF(snextc)(sb);
        if (c == 'x' || c == 'X')
        {
            buf[n++] = (char)c;
            digits = FALSE;
            *base = 16;
            c = SBF(snextc)(sb);
        }
        else if (*base == 0) *base = 8;
    }
    if (!floating && *base == 0) *base = 10;
    for (; c != EOF_T && n + 1 < size; c = SBF(snextc)(sb))
    {
        if (floating)
        {
            if (IS_DIGIT(c)) digits = TRUE;
            else if (c == '.' && !dot && !exp) dot = TRUE;
            else if ((c == 'e' || c == 'E') && digits && !exp)
            {
                exp = TRUE;
                buf[n++] = (char)c;
                c = SBF(snextc)(sb);
                if (c != '+' && c != '-') { if (c == EOF_T) break; if (!IS_DIGIT(c)) break; }
            }
            else break;
        }
        else
        {
            int d = IS_DIGIT(c) ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : 99;
            if (d >= *base) break;
            digits = TRUE;
        }
        buf[n++] = (char)c;
    }
    buf[n] = 0;
    if (c == EOF_T) *state |= IOS_EOF;
    if (!digits) *state |= IOS_FAIL;
    return n;
}

/* the scanned characters as an integer within [min, max] (unsigned: max
   only, and "-n" wraps as strtoul does), stored in out's size; 0 when
   scanning failed, the limit and failbit out of range */
static void ISF(convert_integer)(const char *buf, int base, int *state, void *out, int size, BOOL is_unsigned,
                                 __int64 min, unsigned __int64 max)
{
    char *end;
    unsigned __int64 uv = 0;
    __int64 v = 0;

    if (!(*state & IOS_FAIL))
    {
        errno = 0;
        if (is_unsigned)
        {
            BOOL neg = buf[0] == '-';
            uv = _strtoui64(buf + (neg || buf[0] == '+'), &end, base);
            if (errno || uv > max) { *state |= IOS_FAIL; uv = max; }
            else if (neg) uv = (0 - uv) & max;
        }
        else
        {
            v = _strtoi64(buf, &end, base);
            if (errno || v > (__int64)max) { *state |= IOS_FAIL; v = (__int64)max; }
            else if (v < min) { *state |= IOS_FAIL; v = min; }
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
}

static IS_STRUCT *ISF(get_integer)(IS_STRUCT *is, void *out, int size, BOOL is_unsigned,
                                   __int64 min, unsigned __int64 max)
{
    IOS_STRUCT *ios = IOS(is);
    int state = IOS_GOOD, base = 10;
    if (ISF(Ipfx)(is, 0))
    {
        char buf[128];
        ISF(scan_number)(ios->strbuf, ios->base.fmtfl, buf, sizeof(buf), FALSE, &base, &state);
        ISF(convert_integer)(buf, base, &state, out, size, is_unsigned, min, max);
        IOSF(setstate)(ios, state, 0);
    }
    return is;
}

IS_STRUCT *__cdecl ISF(read_short)(IS_STRUCT *is, short *v) { return ISF(get_integer)(is, v, 2, FALSE, -32768, 32767); }
IS_STRUCT *__cdecl ISF(read_ushort)(IS_STRUCT *is, unsigned short *v) { return ISF(get_integer)(is, v, 2, TRUE, 0, 0xffff); }
IS_STRUCT *__cdecl ISF(read_int)(IS_STRUCT *is, int *v) { return ISF(get_integer)(is, v, 4, FALSE, -2147483647 - 1, 2147483647); }
IS_STRUCT *__cdecl ISF(read_uint)(IS_STRUCT *is, unsigned int *v) { return ISF(get_integer)(is, v, 4, TRUE, 0, 0xffffffff); }
IS_STRUCT *__cdecl ISF(read_int64)(IS_STRUCT *is, __int64 *v) { return ISF(get_integer)(is, v, 8, FALSE, (-0x7fffffffffffffffLL - 1), 0x7fffffffffffffffULL); }
IS_STRUCT *__cdecl ISF(read_uint64)(IS_STRUCT *is, unsigned __int64 *v) { return ISF(get_integer)(is, v, 8, TRUE, 0, ~0ULL); }

/* bool without boolalpha: 0 or 1, anything else failbit */
IS_STRUCT *__cdecl ISF(read_bool)(IS_STRUCT *is, bool8 *v)
{
    IOS_STRUCT *ios = IOS(is);
    __int64 n = 0;
    ISF(get_integer)(is, &n, 8, FALSE, (-0x7fffffffffffffffLL - 1), 0x7fffffffffffffffULL);
    if (ios->base.state & IOS_FAIL) *v = 0;
    else if (n == 0 || n == 1) *v = (bool8)n;
    else { *v = 1; IOSF(setstate)(ios, IOS_FAIL, 0); }
    return is;
}

/* the scanned characters as a double; 0 and failbit when none convert */
static double ISF(convert_double)(const char *buf, int *state)
{
    char *end;
    double v;

    if (*state & IOS_FAIL) return 0;
    errno = 0;
    v = crt_strtod(buf, &end);
    if (end == buf) { *state |= IOS_FAIL; v = 0; }
    return v;
}

static IS_STRUCT *ISF(get_double)(IS_STRUCT *is, double *out)
{
    IOS_STRUCT *ios = IOS(is);
    int state = IOS_GOOD, base = 10;
    if (ISF(Ipfx)(is, 0))
    {
        char buf[400];
        ISF(scan_number)(ios->strbuf, ios->base.fmtfl, buf, sizeof(buf), TRUE, &base, &state);
        *out = ISF(convert_double)(buf, &state);
        IOSF(setstate)(ios, state, 0);
    }
    return is;
}

IS_STRUCT *__cdecl ISF(read_double)(IS_STRUCT *is, double *v) { return ISF(get_double)(is, v); }

IS_STRUCT *__cdecl ISF(read_float)(IS_STRUCT *is, float *v)
{
    double d = 0;
    ISF(get_double)(is, &d);
    if (!(IOS(is)->base.state & IOS_FAIL) || d == 0) *v = (float)d;
    return is;
}

IS_STRUCT *__cdecl ISF(read_ptr)(IS_STRUCT *is, void **v)
{
    unsigned __int64 n = 0;
    int saved = IOS(is)->base.fmtfl;
    IOS(is)->base.fmtfl = (saved & ~IOS_BASEFIELD) | IOS_HEX;
    ISF(get_integer)(is, &n, 8, TRUE, 0, ~0ULL);
    IOS(is)->base.fmtfl = saved;
    *v = (void *)(ULONG_PTR)n;
    return is;
}

/* operator>>(streambuf *): everything up to the end copied to the other buffer */
IS_STRUCT *__cdecl ISF(read_streambuf)(IS_STRUCT *is, SB_STRUCT *to)
{
    IOS_STRUCT *ios = IOS(is);
    int state = IOS_GOOD;
    BOOL copied = FALSE;
    if (!to) state = IOS_FAIL;
    else if (ISF(Ipfx)(is, 0))
    {
        int c;
        for (c = SBF(sgetc)(ios->strbuf);; c = SBF(snextc)(ios->strbuf))
        {
            if (c == EOF_T) { state |= IOS_EOF; break; }
            if (SBF(sputc)(to, (CHAR_T)c) == EOF_T) break;
            copied = TRUE;
        }
    }
    IOSF(setstate)(ios, copied ? state : state | IOS_FAIL, 0);
    return is;
}

IS_STRUCT *__cdecl ISF(read_func)(IS_STRUCT *is, IS_STRUCT *(__cdecl *fn)(IS_STRUCT *)) { return fn(is); }

IS_STRUCT *__cdecl ISF(read_func_ios)(IS_STRUCT *is, IOS_STRUCT *(__cdecl *fn)(IOS_STRUCT *))
{
    fn(IOS(is));
    return is;
}

IS_STRUCT *__cdecl ISF(read_func_ios_base)(IS_STRUCT *is, struct ios_base *(__cdecl *fn)(struct ios_base *))
{
    fn(&IOS(is)->base);
    return is;
}

/* ---- unformatted input ---- */

INT_T __cdecl ISF(get)(IS_STRUCT *is)
{
    IOS_STRUCT *ios = IOS(is);
    int c = EOF_T;
    is->chcount = 0;
    if (ISF(Ipfx)(is, 1))
    {
        c = SBF(sgetc)(ios->strbuf);
        if (c == EOF_T) IOSF(setstate)(ios, IOS_EOF | IOS_FAIL, 0);
        else { SBF(sbumpc)(ios->strbuf); is->chcount = 1; }
    }
    return c;
}

IS_STRUCT *__cdecl ISF(get_char)(IS_STRUCT *is, CHAR_T *c)
{
    int r = ISF(get)(is);
    if (r != EOF_T) *c = (CHAR_T)r;
    return is;
}

/* get(str, count, delim) and getline: up to count - 1 characters or the
   delimiter (getline takes it out, get leaves it); always terminated */
static IS_STRUCT *ISF(get_line)(IS_STRUCT *is, CHAR_T *str, __int64 count, CHAR_T delim, BOOL extract_delim)
{
    IOS_STRUCT *ios = IOS(is);
    int state = IOS_GOOD;
    is->chcount = 0;
    if (ISF(Ipfx)(is, 1) && count > 0)
    {
        int c = SBF(sgetc)(ios->strbuf);
        for (;; c = SBF(snextc)(ios->strbuf))
        {
            if (c == EOF_T) { state |= IOS_EOF; break; }
            if ((CHAR_T)c == delim)
            {
                if (extract_delim) { is->chcount++; SBF(sbumpc)(ios->strbuf); }
                break;
            }
            if (--count <= 0) { state |= IOS_FAIL; break; }
            *str++ = (CHAR_T)c;
            is->chcount++;
        }
    }
    if (count > 0 || is->chcount) *str = 0;
    if (!is->chcount) state |= IOS_FAIL;
    IOSF(setstate)(ios, state, 0);
    return is;
}

IS_STRUCT *__cdecl ISF(get_str_delim)(IS_STRUCT *is, CHAR_T *str, __int64 count, CHAR_T delim)
{
    return ISF(get_line)(is, str, count, delim, FALSE);
}

IS_STRUCT *__cdecl ISF(get_str)(IS_STRUCT *is, CHAR_T *str, __int64 count)
{
    return ISF(get_line)(is, str, count, (CHAR_T)'\n', FALSE);
}

IS_STRUCT *__cdecl ISF(getline_delim)(IS_STRUCT *is, CHAR_T *str, __int64 count, CHAR_T delim)
{
    return ISF(get_line)(is, str, count, delim, TRUE);
}

IS_STRUCT *__cdecl ISF(getline)(IS_STRUCT *is, CHAR_T *str, __int64 count)
{
    return ISF(get_line)(is, str, count, (CHAR_T)'\n', TRUE);
}

/* get(streambuf &, delim): characters copied to the other buffer up to the delimiter */
IS_STRUCT *__cdecl ISF(get_streambuf_delim)(IS_STRUCT *is, SB_STRUCT *to, CHAR_T delim)
{
    IOS_STRUCT *ios = IOS(is);
    int state = IOS_GOOD;
    is->chcount = 0;
    if (ISF(Ipfx)(is, 1))
    {
        int c = SBF(sgetc)(ios->strbuf);
        for (;; c = SBF(snextc)(ios->strbuf))
        {
            if (c == EOF_T) { state |= IOS_EOF; break; }
            if ((CHAR_T)c == delim || SBF(sputc)(to, (CHAR_T)c) == EOF_T) break;
            is->chcount++;
        }
    }
    if (!is->chcount) state |= IOS_FAIL;
    IOSF(setstate)(ios, state, 0);
    return is;
}

IS_STRUCT *__cdecl ISF(get_streambuf)(IS_STRUCT *is, SB_STRUCT *to)
{
    return ISF(get_streambuf_delim)(is, to, (CHAR_T)'\n');
}

IS_STRUCT *__cdecl ISF(ignore)(IS_STRUCT *is, __int64 count, INT_T delim)
{
    IOS_STRUCT *ios = IOS(is);
    int state = IOS_GOOD;
    is->chcount = 0;
    if (ISF(Ipfx)(is, 1) && count > 0)
    {
        for (;;)
        {
            int c;
            if (count != 0x7fffffffffffffffLL && --count < 0) break;
            if ((c = SBF(sbumpc)(ios->strbuf)) == EOF_T) { state |= IOS_EOF; break; }
            is->chcount++;
            if (c == delim) break;
        }
    }
    IOSF(setstate)(ios, state, 0);
    return is;
}

INT_T __cdecl ISF(peek)(IS_STRUCT *is)
{
    IOS_STRUCT *ios = IOS(is);
    int c = EOF_T;
    is->chcount = 0;
    if (ISF(Ipfx)(is, 1) && (c = SBF(sgetc)(ios->strbuf)) == EOF_T)
        IOSF(setstate)(ios, IOS_EOF, 0);
    return c;
}

IS_STRUCT *__cdecl ISF(read)(IS_STRUCT *is, CHAR_T *str, __int64 count)
{
    IOS_STRUCT *ios = IOS(is);
    int state = IOS_GOOD;
    is->chcount = 0;
    if (ISF(Ipfx)(is, 1))
    {
        __int64 n = SBF(sgetn)(ios->strbuf, str, count);
        is->chcount = n;
        if (n != count) state |= IOS_EOF | IOS_FAIL;
    }
    IOSF(setstate)(ios, state, 0);
    return is;
}

__int64 __cdecl ISF(readsome)(IS_STRUCT *is, CHAR_T *str, __int64 count)
{
    IOS_STRUCT *ios = IOS(is);
    __int64 avail;
    is->chcount = 0;
    if (!ISF(Ipfx)(is, 1)) return 0;
    avail = SBF(in_avail)(ios->strbuf);
    if (avail < 0) IOSF(setstate)(ios, IOS_EOF, 0);
    else if (avail > 0) ISF(read)(is, str, avail < count ? avail : count);
    return is->chcount;
}

IS_STRUCT *__cdecl ISF(putback)(IS_STRUCT *is, CHAR_T c)
{
    IOS_STRUCT *ios = IOS(is);
    int state = ios->base.state & ~IOS_EOF;
    is->chcount = 0;
    IOSF(clear)(ios, state, 0);
    if (ISF(Ipfx)(is, 1) && SBF(sputbackc)(ios->strbuf, c) == EOF_T)
        IOSF(setstate)(ios, IOS_BAD, 0);
    return is;
}

IS_STRUCT *__cdecl ISF(unget)(IS_STRUCT *is)
{
    IOS_STRUCT *ios = IOS(is);
    is->chcount = 0;
    IOSF(clear)(ios, ios->base.state & ~IOS_EOF, 0);
    if (ISF(Ipfx)(is, 1) && SBF(sungetc)(ios->strbuf) == EOF_T)
        IOSF(setstate)(ios, IOS_BAD, 0);
    return is;
}

__int64 __cdecl ISF(gcount)(const IS_STRUCT *is) { return is->chcount; }

int __cdecl ISF(sync)(IS_STRUCT *is)
{
    IOS_STRUCT *ios = IOS(is);
    if (!ios->strbuf) return -1;
    if (SBF(pubsync)(ios->strbuf) == -1) { IOSF(setstate)(ios, IOS_BAD, 0); return -1; }
    return 0;
}

struct fpos *__cdecl ISF(tellg)(IS_STRUCT *is, struct fpos *ret)
{
    IOS_STRUCT *ios = IOS(is);
    if (!(ios->base.state & (IOS_FAIL | IOS_BAD))) return SBF(pubseekoff)(ios->strbuf, ret, 0, IOS_CUR, IOS_IN);
    ret->off = -1; ret->fpos = 0; ret->state = 0;
    return ret;
}

IS_STRUCT *__cdecl ISF(seekg_off)(IS_STRUCT *is, __int64 off, int way)
{
    IOS_STRUCT *ios = IOS(is);
    IOSF(clear)(ios, ios->base.state & ~IOS_EOF, 0);
    if (!(ios->base.state & (IOS_FAIL | IOS_BAD)))
    {
        struct fpos pos;
        SBF(pubseekoff)(ios->strbuf, &pos, off, way, IOS_IN);
        if (pos.off + pos.fpos == -1) IOSF(setstate)(ios, IOS_FAIL, 0);
    }
    return is;
}

IS_STRUCT *__cdecl ISF(seekg_pos)(IS_STRUCT *is, const struct fpos *where)
{
    IOS_STRUCT *ios = IOS(is);
    IOSF(clear)(ios, ios->base.state & ~IOS_EOF, 0);
    if (!(ios->base.state & (IOS_FAIL | IOS_BAD)))
    {
        struct fpos pos;
        SBF(pubseekpos)(ios->strbuf, &pos, where, IOS_IN);
        if (pos.off + pos.fpos == -1) IOSF(setstate)(ios, IOS_FAIL, 0);
    }
    return is;
}

IS_STRUCT *__cdecl ISF(assign_move)(IS_STRUCT *is, IS_STRUCT *other);

void __cdecl ISF(swap)(IS_STRUCT *is, IS_STRUCT *other)
{
    __int64 n;
    if (is == other) return;
    IOSF(swap)(IOS(is), IOS(other));
    n = is->chcount; is->chcount = other->chcount; other->chcount = n;
}

/* operator=(basic_istream &&): a swap */
IS_STRUCT *__cdecl ISF(assign_move)(IS_STRUCT *is, IS_STRUCT *other)
{
    ISF(swap)(is, other);
    return is;
}

/* basic_iostream's swap and move assignment: its istream part's */
void __cdecl IOSTF(swap)(IS_STRUCT *is, IS_STRUCT *other) { ISF(swap)(is, other); }
IS_STRUCT *__cdecl IOSTF(assign_move)(IS_STRUCT *is, IS_STRUCT *other) { ISF(swap)(is, other); return is; }
