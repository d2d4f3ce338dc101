/*
 * dlls/msvcp140/numput_t.h — the body of num_put<E, ostreambuf_iterator<E>>,
 * included by numput.c once per character type (char; wchar_t, whose
 * functions serve unsigned short's exports too): the facet MSVC's headers
 * reach through use_facet (put_money, a program's own formatting),
 * formatting as the streams' inserters do (numfmt.c) into the iterator's
 * buffer, padded to the ios_base's width with the fill given.
 *
 * The iterator (bool failed; the buffer) comes by value, which on x64 is
 * a pointer to the caller's copy, and goes back through the hidden return
 * pointer after `this`. The vtable: dtor, _Incref, _Decref, then do_put's
 * overloads in reverse order of declaration (const void *, long double,
 * double, unsigned long long, long long, unsigned long, long, bool).
 * The includer defines CHAR_T, EOF_T, SB_STRUCT, NP_STRUCT, NPF/SBF(name)
 * and WIDEN(c).
 */

NP_STRUCT { struct facet base; };
struct NPF(iter) { bool8 failed; SB_STRUCT *sb; };   /* ostreambuf_iterator<E> */

static void NPF(putc)(struct NPF(iter) *it, CHAR_T c)
{
    if (!it->sb || SBF(sputc)(it->sb, c) == EOF_T) it->failed = 1;
}

/* the field [buf, buf + len), padded to the width with fill where
   adjustfield says (internal: after the first prefix characters); the
   width back to 0 */
static struct NPF(iter) *NPF(put_field)(struct NPF(iter) *ret, const struct NPF(iter) *dest, struct ios_base *b,
                                         CHAR_T fill, const char *buf, size_t len, size_t prefix)
{
    struct NPF(iter) it = *dest;
    int adjust = b->fmtfl & IOS_ADJUSTFIELD;
    __int64 pad = b->wide > 0 && (size_t)b->wide > len ? b->wide - (__int64)len : 0;
    size_t i = 0;

    if (adjust != IOS_INTERNAL) prefix = 0;
    for (; i < prefix; i++) NPF(putc)(&it, WIDEN(buf[i]));
    if (adjust != IOS_LEFT) for (; pad > 0; pad--) NPF(putc)(&it, fill);
    for (; i < len; i++) NPF(putc)(&it, WIDEN(buf[i]));
    for (; pad > 0; pad--) NPF(putc)(&it, fill);
    b->wide = 0;
    *ret = it;
    return ret;
}

static struct NPF(iter) *NPF(put_integer)(struct NPF(iter) *ret, const struct NPF(iter) *dest, struct ios_base *b,
                                           CHAR_T fill, __int64 value, BOOL is_unsigned)
{
    char buf[80];
    int n = msvcp_format_integer(buf, sizeof(buf), b->fmtfl, value, is_unsigned);
    return NPF(put_field)(ret, dest, b, fill, buf, n, msvcp_field_prefix(buf));
}

/* oct and hex show a long's bits as an unsigned long */
static BOOL NPF(want_bits)(const struct ios_base *b)
{
    int base = b->fmtfl & IOS_BASEFIELD;
    return base == IOS_OCT || base == IOS_HEX;
}

struct NPF(iter) *__cdecl NPF(do_put_long)(const NP_STRUCT *np, struct NPF(iter) *ret, const struct NPF(iter) *dest,
                                           struct ios_base *b, CHAR_T fill, LONG v)
{
    (void)np;
    if (NPF(want_bits)(b)) return NPF(put_integer)(ret, dest, b, fill, (ULONG)v, TRUE);
    return NPF(put_integer)(ret, dest, b, fill, v, FALSE);
}

struct NPF(iter) *__cdecl NPF(do_put_ulong)(const NP_STRUCT *np, struct NPF(iter) *ret, const struct NPF(iter) *dest,
                                            struct ios_base *b, CHAR_T fill, ULONG v)
{
    (void)np;
    return NPF(put_integer)(ret, dest, b, fill, v, TRUE);
}

struct NPF(iter) *__cdecl NPF(do_put_int64)(const NP_STRUCT *np, struct NPF(iter) *ret, const struct NPF(iter) *dest,
                                            struct ios_base *b, CHAR_T fill, __int64 v)
{
    (void)np;
    return NPF(put_integer)(ret, dest, b, fill, v, FALSE);
}

struct NPF(iter) *__cdecl NPF(do_put_uint64)(const NP_STRUCT *np, struct NPF(iter) *ret, const struct NPF(iter) *dest,
                                             struct ios_base *b, CHAR_T fill, unsigned __int64 v)
{
    (void)np;
    return NPF(put_integer)(ret, dest, b, fill, (__int64)v, TRUE);
}

/* bool: 0 or 1, or the C locale's "true" and "false" under boolalpha */
struct NPF(iter) *__cdecl NPF(do_put_bool)(const NP_STRUCT *np, struct NPF(iter) *ret, const struct NPF(iter) *dest,
                                           struct ios_base *b, CHAR_T fill, bool8 v)
{
    const char *s = v ? "true" : "false";

    (void)np;
    if (!(b->fmtfl & IOS_BOOLALPHA)) return NPF(put_integer)(ret, dest, b, fill, v ? 1 : 0, FALSE);
    return NPF(put_field)(ret, dest, b, fill, s, strlen(s), 0);
}

struct NPF(iter) *__cdecl NPF(do_put_double)(const NP_STRUCT *np, struct NPF(iter) *ret, const struct NPF(iter) *dest,
                                             struct ios_base *b, CHAR_T fill, double v)
{
    char buf[400];
    int n = msvcp_format_double(buf, sizeof(buf), b->fmtfl, b->prec, v);

    (void)np;
    return NPF(put_field)(ret, dest, b, fill, buf, n, msvcp_field_prefix(buf));
}

struct NPF(iter) *__cdecl NPF(do_put_ptr)(const NP_STRUCT *np, struct NPF(iter) *ret, const struct NPF(iter) *dest,
                                          struct ios_base *b, CHAR_T fill, const void *v)
{
    char buf[32];
    int n = msvcp_format_pointer(buf, sizeof(buf), v);

    (void)np;
    return NPF(put_field)(ret, dest, b, fill, buf, n, 0);
}

/* ---- the object ---- */

void __cdecl NPF(dtor)(NP_STRUCT *np);

static void *__cdecl NPF(deleting_dtor)(NP_STRUCT *np, unsigned int flags)
{
    NPF(dtor)(np);
    if (flags & 1) free(np);
    return np;
}

enum { NPF(SLOT_PTR) = 3, NPF(SLOT_LDOUBLE), NPF(SLOT_DOUBLE), NPF(SLOT_UINT64), NPF(SLOT_INT64), NPF(SLOT_ULONG),
       NPF(SLOT_LONG), NPF(SLOT_BOOL) };

const void *const NPF(vtable)[] =
{
    NPF(deleting_dtor), facet_incref, facet_decref, NPF(do_put_ptr), NPF(do_put_double), NPF(do_put_double),
    NPF(do_put_uint64), NPF(do_put_int64), NPF(do_put_ulong), NPF(do_put_long), NPF(do_put_bool),
};

void __cdecl NPF(dtor)(NP_STRUCT *np)
{
    np->base.vtable = NPF(vtable);
    facet_dtor(&np->base);
}

void __cdecl NPF(Init)(NP_STRUCT *np, const struct locinfo *info) { (void)np; (void)info; }

NP_STRUCT *__cdecl NPF(ctor_locinfo)(NP_STRUCT *np, const struct locinfo *info, size_t refs)
{
    facet_ctor(&np->base, refs);
    np->base.vtable = NPF(vtable);
    NPF(Init)(np, info);
    return np;
}

NP_STRUCT *__cdecl NPF(ctor)(NP_STRUCT *np, size_t refs) { return NPF(ctor_locinfo)(np, NULL, refs); }
void __cdecl NPF(default_closure)(NP_STRUCT *np) { NPF(ctor)(np, 0); }

/* static _Getcat(const facet **, const locale *): a lazy facet, LC_NUMERIC */
size_t __cdecl NPF(Getcat)(const struct facet **pf, const struct locale *loc)
{
    (void)loc;
    if (pf && !*pf)
    {
        NP_STRUCT *np = malloc(sizeof(*np));
        if (!np) std_Xbad_alloc();
        *pf = &NPF(ctor_locinfo)(np, NULL, 0)->base;
    }
    return LC_NUMERIC;
}

/* ---- put: through the vtable, a derived facet's own ---- */

#define NP_CALL(slot, T) \
    return ((struct NPF(iter) *(__cdecl *)(const NP_STRUCT *, struct NPF(iter) *, const struct NPF(iter) *, \
             struct ios_base *, CHAR_T, T))np->base.vtable[slot])(np, ret, dest, b, fill, v)

struct NPF(iter) *__cdecl NPF(put_bool)(const NP_STRUCT *np, struct NPF(iter) *ret, const struct NPF(iter) *dest,
                                        struct ios_base *b, CHAR_T fill, bool8 v) { NP_CALL(NPF(SLOT_BOOL), bool8); }
struct NPF(iter) *__cdecl NPF(put_long)(const NP_STRUCT *np, struct NPF(iter) *ret, const struct NPF(iter) *dest,
                                        struct ios_base *b, CHAR_T fill, LONG v) { NP_CALL(NPF(SLOT_LONG), LONG); }
struct NPF(iter) *__cdecl NPF(put_ulong)(const NP_STRUCT *np, struct NPF(iter) *ret, const struct NPF(iter) *dest,
                                         struct ios_base *b, CHAR_T fill, ULONG v) { NP_CALL(NPF(SLOT_ULONG), ULONG); }
struct NPF(iter) *__cdecl NPF(put_int64)(const NP_STRUCT *np, struct NPF(iter) *ret, const struct NPF(iter) *dest,
                                         struct ios_base *b, CHAR_T fill, __int64 v) { NP_CALL(NPF(SLOT_INT64), __int64); }
struct NPF(iter) *__cdecl NPF(put_uint64)(const NP_STRUCT *np, struct NPF(iter) *ret, const struct NPF(iter) *dest,
                                          struct ios_base *b, CHAR_T fill, unsigned __int64 v)
{
    NP_CALL(NPF(SLOT_UINT64), unsigned __int64);
}
struct NPF(iter) *__cdecl NPF(put_double)(const NP_STRUCT *np, struct NPF(iter) *ret, const struct NPF(iter) *dest,
                                          struct ios_base *b, CHAR_T fill, double v) { NP_CALL(NPF(SLOT_DOUBLE), double); }
struct NPF(iter) *__cdecl NPF(put_ldouble)(const NP_STRUCT *np, struct NPF(iter) *ret, const struct NPF(iter) *dest,
                                           struct ios_base *b, CHAR_T fill, double v) { NP_CALL(NPF(SLOT_LDOUBLE), double); }
struct NPF(iter) *__cdecl NPF(put_ptr)(const NP_STRUCT *np, struct NPF(iter) *ret, const struct NPF(iter) *dest,
                                       struct ios_base *b, CHAR_T fill, const void *v) { NP_CALL(NPF(SLOT_PTR), const void *); }
#undef NP_CALL
