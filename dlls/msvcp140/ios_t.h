/*
 * dlls/msvcp140/ios_t.h — the body of basic_ios, included by ios.c once
 * per character type (char; wchar_t, whose functions serve unsigned
 * short's exports too). The includer defines CHAR_T, IOS_STRUCT,
 * SB_STRUCT, OS_STRUCT, IOSF(name) and SBF(name) (a function's name for
 * this type), WIDEN(c) and NARROW(c, dflt).
 */

/* ---- basic_ios<CHAR_T> ---- */

static void *__cdecl IOSF(deleting_dtor)(IOS_STRUCT *ios, unsigned int flags)
{
    IOSF(dtor)(ios);
    if (flags & 1) free(ios);
    return ios;
}

const void *const IOSF(vtable)[1] = { IOSF(deleting_dtor) };

/* basic_ios(): nothing set yet; a derived stream calls init() */
IOS_STRUCT *__cdecl IOSF(ctor_default)(IOS_STRUCT *ios)
{
    ios_base_ctor(&ios->base);
    ios->base.vtable = IOSF(vtable);
    return ios;
}

IOS_STRUCT *__cdecl IOSF(ctor)(IOS_STRUCT *ios, SB_STRUCT *sb)
{
    IOSF(ctor_default)(ios);
    IOSF(init)(ios, sb, 0);
    return ios;
}

void __cdecl IOSF(dtor)(IOS_STRUCT *ios)
{
    ios->base.vtable = ios_base_vtable;
    ios_base_dtor(&ios->base);
}

/* clear(state, reraise): badbit too while there is no stream buffer */
void __cdecl IOSF(clear)(IOS_STRUCT *ios, int state, bool8 reraise)
{
    ios_base_clear_reraise(&ios->base, state | (ios->strbuf ? 0 : IOS_BAD), reraise);
}

void __cdecl IOSF(clear_old)(IOS_STRUCT *ios, unsigned int state) { IOSF(clear)(ios, state, 0); }

void __cdecl IOSF(setstate)(IOS_STRUCT *ios, int state, bool8 reraise)
{
    IOSF(clear)(ios, ios->base.state | state, reraise);
}

void __cdecl IOSF(setstate_old)(IOS_STRUCT *ios, unsigned int state) { IOSF(setstate)(ios, state, 0); }

IOS_STRUCT *__cdecl IOSF(copyfmt)(IOS_STRUCT *ios, const IOS_STRUCT *other)
{
    ios->tie = other->tie;
    ios->fill = other->fill;
    ios_base_copyfmt(&ios->base, &other->base);
    return ios;
}

OS_STRUCT *__cdecl IOSF(tie_get)(const IOS_STRUCT *ios) { return ios->tie; }

OS_STRUCT *__cdecl IOSF(tie_set)(IOS_STRUCT *ios, OS_STRUCT *tie)
{
    OS_STRUCT *old = ios->tie;
    ios->tie = tie;
    return old;
}

SB_STRUCT *__cdecl IOSF(rdbuf_get)(const IOS_STRUCT *ios) { return ios->strbuf; }

SB_STRUCT *__cdecl IOSF(rdbuf_set)(IOS_STRUCT *ios, SB_STRUCT *sb)
{
    SB_STRUCT *old = ios->strbuf;
    ios->strbuf = sb;
    IOSF(clear)(ios, IOS_GOOD, 0);
    return old;
}

void __cdecl IOSF(set_rdbuf)(IOS_STRUCT *ios, SB_STRUCT *sb) { ios->strbuf = sb; }

struct locale *__cdecl IOSF(imbue)(IOS_STRUCT *ios, struct locale *ret, const struct locale *loc)
{
    ios_base_imbue(&ios->base, ret, loc);
    if (ios->strbuf)
    {
        struct locale old;
        SBF(pubimbue)(ios->strbuf, &old, loc);
        locale_destroy(&old);
    }
    return ret;
}

CHAR_T __cdecl IOSF(fill_get)(const IOS_STRUCT *ios) { return ios->fill; }

CHAR_T __cdecl IOSF(fill_set)(IOS_STRUCT *ios, CHAR_T fill)
{
    CHAR_T old = ios->fill;
    ios->fill = fill;
    return old;
}

/* narrow and widen: a CHAR_T stream's are the identity (ctype<CHAR_T>'s) */
char __cdecl IOSF(narrow)(const IOS_STRUCT *ios, CHAR_T c, char dflt) { (void)ios; return NARROW(c, dflt); }
CHAR_T __cdecl IOSF(widen)(const IOS_STRUCT *ios, char c) { (void)ios; return WIDEN(c); }

void __cdecl IOSF(swap)(IOS_STRUCT *ios, IOS_STRUCT *other)
{
    CHAR_T fill;
    OS_STRUCT *tie;
    ios_base_swap(&ios->base, &other->base);
    fill = ios->fill; ios->fill = other->fill; other->fill = fill;
    tie = ios->tie; ios->tie = other->tie; other->tie = tie;
}

void __cdecl IOSF(move)(IOS_STRUCT *ios, IOS_STRUCT *other)
{
    if (ios == other) return;
    ios->strbuf = NULL;
    ios->tie = NULL;
    IOSF(swap)(ios, other);
}

/* init(sb, isstd): ios_base's defaults, the buffer (none: badbit), fill ' ' */
void __cdecl IOSF(init)(IOS_STRUCT *ios, SB_STRUCT *sb, bool8 isstd)
{
    ios_base_Init(&ios->base);
    ios->strbuf = sb;
    ios->tie = NULL;
    ios->fill = ' ';
    if (!sb) IOSF(setstate)(ios, IOS_BAD, 0);
    if (isstd) ios_base_Addstd(&ios->base);
}

