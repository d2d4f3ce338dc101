/*
 * dlls/msvcp140/numget_t.h — the body of num_get<E, istreambuf_iterator<E>>,
 * included by istream.c after istream_t.h once per character type (char;
 * wchar_t, whose functions serve unsigned short's exports too): a number
 * read from the iterator's buffer as the streams' extractors read one
 * (istream_t.h's scan_number and conversions), eofbit when the buffer
 * ended, failbit when nothing or too much converted, ORed into the
 * caller's state. The range read ends where the buffer does: `last` is
 * taken to be the end-of-stream iterator, as a stream's is.
 *
 * The iterators come by value, which on x64 is a pointer to the caller's
 * copy, and the first one goes back through the hidden return pointer.
 * The vtable: dtor, _Incref, _Decref, then do_get's overloads in reverse
 * order of declaration (void *, long double, double, float, unsigned long
 * long, long long, unsigned long, long, unsigned int, unsigned short, bool).
 * The includer defines NG_STRUCT and NGF(name) besides istream_t.h's.
 */

NG_STRUCT { struct facet base; };
struct NGF(iter) { SB_STRUCT *sb; bool8 got; CHAR_T val; };   /* istreambuf_iterator<E> */

/* read a field with the scanner; the iterator after it back in ret */
static struct NGF(iter) *NGF(get_field)(struct NGF(iter) *ret, const struct NGF(iter) *first, const struct ios_base *b,
                                        char *buf, size_t size, BOOL floating, int fmtfl, int *base, int *state)
{
    *ret = *first;
    ISF(scan_number)(ret->sb, fmtfl, buf, size, floating, base, state);
    if (*state & IOS_EOF) ret->sb = NULL;
    ret->got = 0;
    (void)b;
    return ret;
}

static struct NGF(iter) *NGF(get_integer)(struct NGF(iter) *ret, const struct NGF(iter) *first, const struct ios_base *b,
                                          int *state, void *out, int size, BOOL is_unsigned, __int64 min,
                                          unsigned __int64 max, int fmtfl)
{
    char buf[128];
    int base = 10, st = IOS_GOOD;

    NGF(get_field)(ret, first, b, buf, sizeof(buf), FALSE, fmtfl, &base, &st);
    ISF(convert_integer)(buf, base, &st, out, size, is_unsigned, min, max);
    *state |= st;
    return ret;
}

#define NG_ARGS const NG_STRUCT *ng, struct NGF(iter) *ret, const struct NGF(iter) *first, \
                const struct NGF(iter) *last, struct ios_base *b, int *state

struct NGF(iter) *__cdecl NGF(do_get_ushort)(NG_ARGS, unsigned short *v)
{
    (void)ng; (void)last;
    return NGF(get_integer)(ret, first, b, state, v, 2, TRUE, 0, 0xffff, b->fmtfl);
}

struct NGF(iter) *__cdecl NGF(do_get_uint)(NG_ARGS, unsigned int *v)
{
    (void)ng; (void)last;
    return NGF(get_integer)(ret, first, b, state, v, 4, TRUE, 0, 0xffffffff, b->fmtfl);
}

struct NGF(iter) *__cdecl NGF(do_get_long)(NG_ARGS, LONG *v)
{
    (void)ng; (void)last;
    return NGF(get_integer)(ret, first, b, state, v, 4, FALSE, -2147483647 - 1, 2147483647, b->fmtfl);
}

struct NGF(iter) *__cdecl NGF(do_get_ulong)(NG_ARGS, ULONG *v)
{
    (void)ng; (void)last;
    return NGF(get_integer)(ret, first, b, state, v, 4, TRUE, 0, 0xffffffff, b->fmtfl);
}

struct NGF(iter) *__cdecl NGF(do_get_int64)(NG_ARGS, __int64 *v)
{
    (void)ng; (void)last;
    return NGF(get_integer)(ret, first, b, state, v, 8, FALSE, (-0x7fffffffffffffffLL - 1), 0x7fffffffffffffffULL,
                            b->fmtfl);
}

struct NGF(iter) *__cdecl NGF(do_get_uint64)(NG_ARGS, unsigned __int64 *v)
{
    (void)ng; (void)last;
    return NGF(get_integer)(ret, first, b, state, v, 8, TRUE, 0, ~0ULL, b->fmtfl);
}

/* a pointer: hexadecimal, as %p writes it */
struct NGF(iter) *__cdecl NGF(do_get_ptr)(NG_ARGS, void **v)
{
    unsigned __int64 n = 0;
    (void)ng; (void)last;
    NGF(get_integer)(ret, first, b, state, &n, 8, TRUE, 0, ~0ULL, (b->fmtfl & ~IOS_BASEFIELD) | IOS_HEX);
    *v = (void *)(ULONG_PTR)n;
    return ret;
}

/* bool: 0 or 1 (anything else failbit, and true), or "true"/"false" under boolalpha */
struct NGF(iter) *__cdecl NGF(do_get_bool)(NG_ARGS, bool8 *v)
{
    (void)ng; (void)last;
    if (!(b->fmtfl & IOS_BOOLALPHA))
    {
        __int64 n = 0;
        int st = IOS_GOOD;
        NGF(get_integer)(ret, first, b, &st, &n, 8, FALSE, (-0x7fffffffffffffffLL - 1), 0x7fffffffffffffffULL, b->fmtfl);
        if (st & IOS_FAIL) *v = 0;
        else if (n == 0 || n == 1) *v = (bool8)n;
        else { *v = 1; st |= IOS_FAIL; }
        *state |= st;
        return ret;
    }
    else
    {
        static const char *const names[2] = { "false", "true" };
        BOOL alive[2] = { TRUE, TRUE };
        size_t pos = 0;
        int c, matched = -1;

        *ret = *first;
        for (c = ret->sb ? SBF(sgetc)(ret->sb) : EOF_T; c != EOF_T; c = SBF(snextc)(ret->sb), pos++)
        {
            BOOL any = FALSE;
            for (int i = 0; i < 2; i++)
            {
                if (alive[i] && names[i][pos] == c) any = TRUE;
                else alive[i] = FALSE;
            }
            if (!any) break;
            for (int i = 0; i < 2; i++) if (alive[i] && !names[i][pos + 1]) matched = i;
            if (matched >= 0) { SBF(sbumpc)(ret->sb); c = ret->sb ? SBF(sgetc)(ret->sb) : EOF_T; break; }
        }
        if (c == EOF_T) { *state |= IOS_EOF; ret->sb = NULL; }
        ret->got = 0;
        if (matched < 0) *state |= IOS_FAIL;
        else *v = (bool8)matched;
        return ret;
    }
}

struct NGF(iter) *__cdecl NGF(do_get_double)(NG_ARGS, double *v)
{
    char buf[400];
    int base = 10, st = IOS_GOOD;
    (void)ng; (void)last;
    NGF(get_field)(ret, first, b, buf, sizeof(buf), TRUE, b->fmtfl, &base, &st);
    *v = ISF(convert_double)(buf, &st);
    *state |= st;
    return ret;
}

struct NGF(iter) *__cdecl NGF(do_get_float)(NG_ARGS, float *v)
{
    double d = 0;
    NGF(do_get_double)(ng, ret, first, last, b, state, &d);
    *v = (float)d;
    return ret;
}

/* ---- the object ---- */

void __cdecl NGF(dtor)(NG_STRUCT *ng);

static void *__cdecl NGF(deleting_dtor)(NG_STRUCT *ng, unsigned int flags)
{
    NGF(dtor)(ng);
    if (flags & 1) free(ng);
    return ng;
}

enum { NGF(SLOT_PTR) = 3, NGF(SLOT_LDOUBLE), NGF(SLOT_DOUBLE), NGF(SLOT_FLOAT), NGF(SLOT_UINT64), NGF(SLOT_INT64),
       NGF(SLOT_ULONG), NGF(SLOT_LONG), NGF(SLOT_UINT), NGF(SLOT_USHORT), NGF(SLOT_BOOL) };

const void *const NGF(vtable)[] =
{
    NGF(deleting_dtor), facet_incref, facet_decref, NGF(do_get_ptr), NGF(do_get_double), NGF(do_get_double),
    NGF(do_get_float), NGF(do_get_uint64), NGF(do_get_int64), NGF(do_get_ulong), NGF(do_get_long),
    NGF(do_get_uint), NGF(do_get_ushort), NGF(do_get_bool),
};

void __cdecl NGF(dtor)(NG_STRUCT *ng)
{
    ng->base.vtable = NGF(vtable);
    facet_dtor(&ng->base);
}

void __cdecl NGF(Init)(NG_STRUCT *ng, const struct locinfo *info) { (void)ng; (void)info; }

NG_STRUCT *__cdecl NGF(ctor_locinfo)(NG_STRUCT *ng, const struct locinfo *info, size_t refs)
{
    facet_ctor(&ng->base, refs);
    ng->base.vtable = NGF(vtable);
    NGF(Init)(ng, info);
    return ng;
}

NG_STRUCT *__cdecl NGF(ctor)(NG_STRUCT *ng, size_t refs) { return NGF(ctor_locinfo)(ng, NULL, refs); }
void __cdecl NGF(default_closure)(NG_STRUCT *ng) { NGF(ctor)(ng, 0); }

/* static _Getcat(const facet **, const locale *): a lazy facet, LC_NUMERIC */
size_t __cdecl NGF(Getcat)(const struct facet **pf, const struct locale *loc)
{
    (void)loc;
    if (pf && !*pf)
    {
        NG_STRUCT *ng = malloc(sizeof(*ng));
        if (!ng) std_Xbad_alloc();
        *pf = &NGF(ctor_locinfo)(ng, NULL, 0)->base;
    }
    return LC_NUMERIC;
}

/* ---- get: through the vtable ---- */

#define NG_CALL(slot, T) \
    return ((struct NGF(iter) *(__cdecl *)(const NG_STRUCT *, struct NGF(iter) *, const struct NGF(iter) *, \
             const struct NGF(iter) *, struct ios_base *, int *, T))ng->base.vtable[slot])(ng, ret, first, last, b, state, v)

struct NGF(iter) *__cdecl NGF(get_bool)(NG_ARGS, bool8 *v) { NG_CALL(NGF(SLOT_BOOL), bool8 *); }
struct NGF(iter) *__cdecl NGF(get_ushort)(NG_ARGS, unsigned short *v) { NG_CALL(NGF(SLOT_USHORT), unsigned short *); }
struct NGF(iter) *__cdecl NGF(get_uint)(NG_ARGS, unsigned int *v) { NG_CALL(NGF(SLOT_UINT), unsigned int *); }
struct NGF(iter) *__cdecl NGF(get_long)(NG_ARGS, LONG *v) { NG_CALL(NGF(SLOT_LONG), LONG *); }
struct NGF(iter) *__cdecl NGF(get_ulong)(NG_ARGS, ULONG *v) { NG_CALL(NGF(SLOT_ULONG), ULONG *); }
struct NGF(iter) *__cdecl NGF(get_int64)(NG_ARGS, __int64 *v) { NG_CALL(NGF(SLOT_INT64), __int64 *); }
struct NGF(iter) *__cdecl NGF(get_uint64)(NG_ARGS, unsigned __int64 *v) { NG_CALL(NGF(SLOT_UINT64), unsigned __int64 *); }
struct NGF(iter) *__cdecl NGF(get_float)(NG_ARGS, float *v) { NG_CALL(NGF(SLOT_FLOAT), float *); }
struct NGF(iter) *__cdecl NGF(get_double)(NG_ARGS, double *v) { NG_CALL(NGF(SLOT_DOUBLE), double *); }
struct NGF(iter) *__cdecl NGF(get_ldouble)(NG_ARGS, double *v) { NG_CALL(NGF(SLOT_LDOUBLE), double *); }
struct NGF(iter) *__cdecl NGF(get_ptr)(NG_ARGS, void **v) { NG_CALL(NGF(SLOT_PTR), void **); }
#undef NG_CALL
#undef NG_ARGS
