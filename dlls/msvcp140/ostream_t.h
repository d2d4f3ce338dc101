/*
 * dlls/msvcp140/ostream_t.h — the body of basic_ostream, included by
 * ostream.c once per character type (char; wchar_t, whose functions serve
 * unsigned short's exports too). Numbers are formatted as chars by the C
 * runtime and widened into the field. The includer defines CHAR_T, EOF_T,
 * IOS_STRUCT, SB_STRUCT, OS_STRUCT, SENTRY_STRUCT, OSF/IOSF/SBF(name)
 * (a function's name for this type), IOS(os) and WIDEN(c).
 */

/* vbtable: the basic_ostream at 0, the basic_ios at 16 (vtordisp at 12) */
const int OSF(vbtable)[2] = { 0, 16 };

/* ---- construction ---- */

static void *__cdecl OSF(vbase_deleting_dtor)(IOS_STRUCT *ios, unsigned int flags);

const void *const OSF(vtable)[1] = { OSF(vbase_deleting_dtor) };

/* the vbase's vfptr and vtordisp, as every constructor of the class sets them */
void OSF(vbase_init)(OS_STRUCT *os, int vbase_offset)
{
    IOS_STRUCT *ios = (IOS_STRUCT *)((char *)os + vbase_offset);
    ios->base.vtable = OSF(vtable);
    *(int *)((char *)ios - 4) = 0;
}

/* basic_ostream(streambuf *, bool isstd), most_derived: MSVC's hidden flag
   for the class that builds the virtual base */
OS_STRUCT *__cdecl OSF(ctor)(OS_STRUCT *os, SB_STRUCT *sb, bool8 isstd, int most_derived)
{
    if (most_derived)
    {
        os->vbtable = OSF(vbtable);
        IOSF(ctor_default)(IOS(os));
    }
    OSF(vbase_init)(os, os->vbtable[1]);
    IOSF(init)(IOS(os), sb, isstd);
    return os;
}

/* basic_ostream(_Uninitialized, bool addit): a standard stream already set up */
OS_STRUCT *__cdecl OSF(ctor_uninitialized)(OS_STRUCT *os, int uninit, bool8 addit, int most_derived)
{
    (void)uninit;
    if (most_derived)
    {
        os->vbtable = OSF(vbtable);
        IOSF(ctor_default)(IOS(os));
    }
    OSF(vbase_init)(os, os->vbtable[1]);
    if (addit) IOS(os)->base.stdstr = 1;
    return os;
}

/* basic_ostream(basic_ostream &&), as MSVC's: a basic_ios without a
   buffer, then right's state, flags, fill and tie moved in (right keeps
   its buffer; a derived stream sets its own) */
OS_STRUCT *__cdecl OSF(move_ctor)(OS_STRUCT *os, OS_STRUCT *right, int most_derived)
{
    if (most_derived)
    {
        os->vbtable = OSF(vbtable);
        IOSF(ctor_default)(IOS(os));
    }
    OSF(vbase_init)(os, os->vbtable[1]);
    IOSF(init)(IOS(os), NULL, 0);
    IOSF(move)(IOS(os), IOS(right));
    return os;
}

/* ~basic_ostream(): `this` is the basic_ios (the destructor is virtual in
   ios_base); only the vfptr is reset, the caller destroys the vbase */
void __cdecl OSF(dtor)(IOS_STRUCT *ios)
{
    ios->base.vtable = OSF(vtable);
}

/* the "vbase destructor" (??_D): `this` at the object, all of it */
void __cdecl OSF(vbase_dtor)(OS_STRUCT *os)
{
    IOS_STRUCT *ios = IOS(os);
    OSF(dtor)(ios);
    IOSF(dtor)(ios);
}

static void *__cdecl OSF(vbase_deleting_dtor)(IOS_STRUCT *ios, unsigned int flags)
{
    OS_STRUCT *os = (OS_STRUCT *)((char *)ios - *(int *)((char *)ios - 4) - OSF(vbtable)[1]);
    OSF(vbase_dtor)(os);
    if (flags & 1) free(os);
    return os;
}

/* ---- the sentry ---- */

void __cdecl OSF(Osfx)(OS_STRUCT *os)
{
    IOS_STRUCT *ios = IOS(os);
    if (ios->base.state == IOS_GOOD && (ios->base.fmtfl & IOS_UNITBUF))
        if (SBF(pubsync)(ios->strbuf) == -1) IOSF(setstate)(ios, IOS_BAD, 0);
}

/* sentry(os): the buffer locked; ok if the stream is good once its tie is flushed */
static bool8 OSF(sentry_enter)(OS_STRUCT *os)
{
    IOS_STRUCT *ios = IOS(os);
    if (ios->strbuf) SBF(lock_vcall)(ios->strbuf);
    if (ios->base.state != IOS_GOOD) return 0;
    if (!ios->tie || ios->tie == os) return 1;
    OSF(flush)(ios->tie);
    return ios->base.state == IOS_GOOD;
}

static void OSF(sentry_leave)(OS_STRUCT *os)
{
    IOS_STRUCT *ios = IOS(os);
    if (!std_uncaught_exception()) OSF(Osfx)(os);
    if (ios->strbuf) SBF(unlock_vcall)(ios->strbuf);
}

SENTRY_STRUCT { OS_STRUCT *os; bool8 ok; };      /* basic_ostream::sentry */

SENTRY_STRUCT *__cdecl OSF(sentry_ctor)(SENTRY_STRUCT *s, OS_STRUCT *os)
{
    s->os = os;
    s->ok = OSF(sentry_enter)(os);
    return s;
}

void __cdecl OSF(sentry_dtor)(SENTRY_STRUCT *s) { OSF(sentry_leave)(s->os); }
bool8 __cdecl OSF(sentry_ok)(const SENTRY_STRUCT *s) { return s->ok; }

/* _Sentry_base: the lock alone */
SENTRY_STRUCT *__cdecl OSF(sentry_base_ctor)(SENTRY_STRUCT *s, OS_STRUCT *os)
{
    s->os = os;
    if (IOS(os)->strbuf) SBF(lock_vcall)(IOS(os)->strbuf);
    return s;
}

void __cdecl OSF(sentry_base_dtor)(SENTRY_STRUCT *s)
{
    if (IOS(s->os)->strbuf) SBF(unlock_vcall)(IOS(s->os)->strbuf);
}

bool8 __cdecl OSF(opfx)(OS_STRUCT *os)
{
    IOS_STRUCT *ios = IOS(os);
    if (ios->base.state != IOS_GOOD) return 0;
    if (ios->tie && ios->tie != os) OSF(flush)(ios->tie);
    return ios->base.state == IOS_GOOD;
}

void __cdecl OSF(osfx)(OS_STRUCT *os) { OSF(Osfx)(os); }

/* ---- num_put, C locale ---- */

/* the field [buf, buf + len) padded to width with the fill character;
   width back to 0; false when the buffer refused a character */
static BOOL OSF(put_field)(IOS_STRUCT *ios, const char *buf, size_t len, size_t prefix)
{
    SB_STRUCT *sb = ios->strbuf;
    int adjust = ios->base.fmtfl & IOS_ADJUSTFIELD;
    __int64 pad = ios->base.wide > 0 && (size_t)ios->base.wide > len ? ios->base.wide - (__int64)len : 0;
    BOOL ok = TRUE;

    CHAR_T text[400] = { 0 };

    if (len > ARRAYSIZE(text)) len = ARRAYSIZE(text);
    for (size_t i = 0; i < len; i++) text[i] = WIDEN(buf[i]);
    if (adjust != IOS_INTERNAL) prefix = 0;
    if (prefix && SBF(sputn)(sb, text, prefix) != (__int64)prefix) ok = FALSE;
    if (adjust != IOS_LEFT)
        for (; ok && pad > 0; pad--) if (SBF(sputc)(sb, ios->fill) == EOF_T) ok = FALSE;
    if (ok && SBF(sputn)(sb, text + prefix, len - prefix) != (__int64)(len - prefix)) ok = FALSE;
    for (; ok && pad > 0; pad--) if (SBF(sputc)(sb, ios->fill) == EOF_T) ok = FALSE;
    ios->base.wide = 0;
    return ok;
}

static OS_STRUCT *OSF(put_integer)(OS_STRUCT *os, __int64 value, BOOL is_unsigned)
{
    IOS_STRUCT *ios = IOS(os);
    int state = IOS_GOOD;
    if (OSF(sentry_enter)(os))
    {
        char buf[80];
        int n = msvcp_format_integer(buf, sizeof(buf), ios->base.fmtfl, value, is_unsigned);
        if (!OSF(put_field)(ios, buf, n, msvcp_field_prefix(buf))) state = IOS_BAD;
    }
    OSF(sentry_leave)(os);
    IOSF(setstate)(ios, state, 0);
    return os;
}

/* oct and hex show a signed value's bits as the unsigned type of its size */
static BOOL OSF(want_bits)(OS_STRUCT *os)
{
    int base = IOS(os)->base.fmtfl & IOS_BASEFIELD;
    return base == IOS_OCT || base == IOS_HEX;
}

OS_STRUCT *__cdecl OSF(print_short)(OS_STRUCT *os, short v)
{
    return OSF(want_bits)(os) ? OSF(put_integer)(os, (unsigned short)v, TRUE) : OSF(put_integer)(os, v, FALSE);
}
OS_STRUCT *__cdecl OSF(print_ushort)(OS_STRUCT *os, unsigned short v) { return OSF(put_integer)(os, v, TRUE); }
OS_STRUCT *__cdecl OSF(print_int)(OS_STRUCT *os, int v)
{
    return OSF(want_bits)(os) ? OSF(put_integer)(os, (unsigned int)v, TRUE) : OSF(put_integer)(os, v, FALSE);
}
OS_STRUCT *__cdecl OSF(print_uint)(OS_STRUCT *os, unsigned int v) { return OSF(put_integer)(os, v, TRUE); }
OS_STRUCT *__cdecl OSF(print_long)(OS_STRUCT *os, LONG v)
{
    return OSF(want_bits)(os) ? OSF(put_integer)(os, (ULONG)v, TRUE) : OSF(put_integer)(os, v, FALSE);
}
OS_STRUCT *__cdecl OSF(print_ulong)(OS_STRUCT *os, ULONG v) { return OSF(put_integer)(os, v, TRUE); }
OS_STRUCT *__cdecl OSF(print_int64)(OS_STRUCT *os, __int64 v) { return OSF(put_integer)(os, v, FALSE); }
OS_STRUCT *__cdecl OSF(print_uint64)(OS_STRUCT *os, unsigned __int64 v) { return OSF(put_integer)(os, (__int64)v, TRUE); }

OS_STRUCT *__cdecl OSF(print_double)(OS_STRUCT *os, double value)
{
    IOS_STRUCT *ios = IOS(os);
    int state = IOS_GOOD;
    if (OSF(sentry_enter)(os))
    {
        char buf[400];
        int n = msvcp_format_double(buf, sizeof(buf), ios->base.fmtfl, ios->base.prec, value);
        if (!OSF(put_field)(ios, buf, n, msvcp_field_prefix(buf))) state = IOS_BAD;
    }
    OSF(sentry_leave)(os);
    IOSF(setstate)(ios, state, 0);
    return os;
}

OS_STRUCT *__cdecl OSF(print_float)(OS_STRUCT *os, float v) { return OSF(print_double)(os, v); }

OS_STRUCT *__cdecl OSF(print_bool)(OS_STRUCT *os, bool8 v)
{
    IOS_STRUCT *ios = IOS(os);
    int state = IOS_GOOD;
    if (!(ios->base.fmtfl & IOS_BOOLALPHA)) return OSF(put_integer)(os, v ? 1 : 0, FALSE);
    if (OSF(sentry_enter)(os))
    {
        const char *s = v ? "true" : "false";
        if (!OSF(put_field)(ios, s, strlen(s), 0)) state = IOS_BAD;
    }
    OSF(sentry_leave)(os);
    IOSF(setstate)(ios, state, 0);
    return os;
}

/* a pointer: its 16 hexadecimal digits, as MSVC's %p gives them */
OS_STRUCT *__cdecl OSF(print_ptr)(OS_STRUCT *os, const void *p)
{
    IOS_STRUCT *ios = IOS(os);
    int state = IOS_GOOD;
    if (OSF(sentry_enter)(os))
    {
        char buf[32];
        int n = msvcp_format_pointer(buf, sizeof(buf), p);
        if (!OSF(put_field)(ios, buf, n, 0)) state = IOS_BAD;
    }
    OSF(sentry_leave)(os);
    IOSF(setstate)(ios, state, 0);
    return os;
}

/* operator<<(streambuf *): the other buffer copied to its end; failbit
   if nothing was, badbit without a buffer */
OS_STRUCT *__cdecl OSF(print_streambuf)(OS_STRUCT *os, SB_STRUCT *from)
{
    IOS_STRUCT *ios = IOS(os);
    int state = IOS_GOOD;
    BOOL copied = FALSE;
    if (OSF(sentry_enter)(os) && from)
    {
        for (int c = SBF(sgetc)(from); c != EOF_T; c = SBF(snextc)(from), copied = TRUE)
            if (SBF(sputc)(ios->strbuf, (CHAR_T)c) == EOF_T) { state |= IOS_BAD; break; }
    }
    OSF(sentry_leave)(os);
    ios->base.wide = 0;
    IOSF(setstate)(ios, !from ? IOS_BAD : copied ? state : state | IOS_FAIL, 0);
    return os;
}

OS_STRUCT *__cdecl OSF(print_func)(OS_STRUCT *os, OS_STRUCT *(__cdecl *fn)(OS_STRUCT *))
{
    return fn(os);
}

OS_STRUCT *__cdecl OSF(print_func_ios)(OS_STRUCT *os, IOS_STRUCT *(__cdecl *fn)(IOS_STRUCT *))
{
    fn(IOS(os));
    return os;
}

OS_STRUCT *__cdecl OSF(print_func_ios_base)(OS_STRUCT *os, struct ios_base *(__cdecl *fn)(struct ios_base *))
{
    fn(&IOS(os)->base);
    return os;
}

/* ---- unformatted output ---- */

OS_STRUCT *__cdecl OSF(put)(OS_STRUCT *os, CHAR_T c)
{
    IOS_STRUCT *ios = IOS(os);
    int state = IOS_GOOD;
    if (!OSF(sentry_enter)(os)) state = IOS_BAD;
    else if (SBF(sputc)(ios->strbuf, c) == EOF_T) state = IOS_BAD;
    OSF(sentry_leave)(os);
    IOSF(setstate)(ios, state, 0);
    return os;
}

OS_STRUCT *__cdecl OSF(write)(OS_STRUCT *os, const CHAR_T *str, __int64 count)
{
    IOS_STRUCT *ios = IOS(os);
    int state = IOS_GOOD;
    if (!OSF(sentry_enter)(os)) state = IOS_BAD;
    else if (count > 0 && SBF(sputn)(ios->strbuf, str, count) != count) state = IOS_BAD;
    OSF(sentry_leave)(os);
    IOSF(setstate)(ios, state, 0);
    return os;
}

OS_STRUCT *__cdecl OSF(flush)(OS_STRUCT *os)
{
    IOS_STRUCT *ios = IOS(os);
    SB_STRUCT *sb = ios->strbuf;
    if (!sb) return os;
    if (OSF(sentry_enter)(os))
    {
        int state = SBF(pubsync)(sb) == -1 ? IOS_BAD : IOS_GOOD;
        OSF(sentry_leave)(os);
        IOSF(setstate)(ios, state, 0);
        return os;
    }
    OSF(sentry_leave)(os);
    return os;
}

struct fpos *__cdecl OSF(tellp)(OS_STRUCT *os, struct fpos *ret)
{
    IOS_STRUCT *ios = IOS(os);
    OSF(sentry_enter)(os);
    if (!(ios->base.state & (IOS_FAIL | IOS_BAD))) SBF(pubseekoff)(ios->strbuf, ret, 0, IOS_CUR, IOS_OUT);
    else { ret->off = -1; ret->fpos = 0; ret->state = 0; }
    OSF(sentry_leave)(os);
    return ret;
}

OS_STRUCT *__cdecl OSF(seekp_off)(OS_STRUCT *os, __int64 off, int way)
{
    IOS_STRUCT *ios = IOS(os);
    OSF(sentry_enter)(os);
    if (!(ios->base.state & (IOS_FAIL | IOS_BAD)))
    {
        struct fpos pos;
        SBF(pubseekoff)(ios->strbuf, &pos, off, way, IOS_OUT);
        if (pos.off + pos.fpos == -1) IOSF(setstate)(ios, IOS_FAIL, 0);
    }
    OSF(sentry_leave)(os);
    return os;
}

OS_STRUCT *__cdecl OSF(seekp_pos)(OS_STRUCT *os, const struct fpos *where)
{
    IOS_STRUCT *ios = IOS(os);
    OSF(sentry_enter)(os);
    if (!(ios->base.state & (IOS_FAIL | IOS_BAD)))
    {
        struct fpos pos;
        SBF(pubseekpos)(ios->strbuf, &pos, where, IOS_OUT);
        if (pos.off + pos.fpos == -1) IOSF(setstate)(ios, IOS_FAIL, 0);
    }
    OSF(sentry_leave)(os);
    return os;
}

OS_STRUCT *__cdecl OSF(assign_move)(OS_STRUCT *os, OS_STRUCT *other)
{
    if (os != other) IOSF(swap)(IOS(os), IOS(other));
    return os;
}

void __cdecl OSF(swap)(OS_STRUCT *os, OS_STRUCT *other)
{
    if (os != other) IOSF(swap)(IOS(os), IOS(other));
}
