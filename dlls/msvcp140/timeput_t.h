/*
 * dlls/msvcp140/timeput_t.h — the body of time_put<E, ostreambuf_iterator<E>>,
 * included by timeput.c once per character type (char; wchar_t, whose
 * functions serve unsigned short's exports too): what std::put_time's
 * inline operator<< calls. do_put writes one conversion ("%" [modifier]
 * conversion) as the C runtime's strftime/wcsftime gives it in the "C"
 * locale; put over a pattern copies its text and hands each conversion
 * to do_put through the vtable (dtor, _Incref, _Decref, do_put).
 * The includer defines CHAR_T, EOF_T, SB_STRUCT, TP_STRUCT, TPF/SBF(name)
 * and FTIME (strftime or wcsftime).
 */

TP_STRUCT { struct facet base; void *tnames; struct cvtvec cvt; };
struct TPF(iter) { bool8 failed; SB_STRUCT *sb; };   /* ostreambuf_iterator<E> */

static void TPF(putc)(struct TPF(iter) *it, CHAR_T c)
{
    if (!it->sb || SBF(sputc)(it->sb, c) == EOF_T) it->failed = 1;
}

struct TPF(iter) *__cdecl TPF(do_put)(const TP_STRUCT *tp, struct TPF(iter) *ret, const struct TPF(iter) *dest,
                                      struct ios_base *b, CHAR_T fill, const struct tm *t, char conv, char mod)
{
    CHAR_T fmt[4], out[256];
    size_t n, i = 0;

    (void)tp; (void)b; (void)fill;
    *ret = *dest;
    fmt[i++] = '%';
    if (mod) fmt[i++] = (CHAR_T)(unsigned char)mod;
    fmt[i++] = (CHAR_T)(unsigned char)conv;
    fmt[i] = 0;
    n = FTIME(out, ARRAYSIZE(out), fmt, t);
    for (i = 0; i < n; i++) TPF(putc)(ret, out[i]);
    return ret;
}

struct TPF(iter) *__cdecl TPF(put)(const TP_STRUCT *tp, struct TPF(iter) *ret, const struct TPF(iter) *dest,
                                   struct ios_base *b, CHAR_T fill, const struct tm *t, char conv, char mod)
{
    return ((struct TPF(iter) *(__cdecl *)(const TP_STRUCT *, struct TPF(iter) *, const struct TPF(iter) *,
             struct ios_base *, CHAR_T, const struct tm *, char, char))tp->base.vtable[3])(tp, ret, dest, b, fill,
                                                                                          t, conv, mod);
}

/* put(dest, base, fill, tm, first, last): the pattern's text as it is, each
   "%" [E|O|#] conversion through do_put; a "%" ending the pattern as it is */
struct TPF(iter) *__cdecl TPF(put_pattern)(const TP_STRUCT *tp, struct TPF(iter) *ret, const struct TPF(iter) *dest,
                                           struct ios_base *b, CHAR_T fill, const struct tm *t, const CHAR_T *first,
                                           const CHAR_T *last)
{
    struct TPF(iter) it = *dest;

    for (; first != last; first++)
    {
        char conv, mod = 0;
        if (*first != '%') { TPF(putc)(&it, *first); continue; }
        if (++first == last) { TPF(putc)(&it, first[-1]); break; }
        conv = (char)*first;
        if (conv == 'E' || conv == 'O' || conv == '#')
        {
            if (++first == last) break;
            mod = conv;
            conv = (char)*first;
        }
        TPF(put)(tp, &it, &it, b, fill, t, conv, mod);
    }
    *ret = it;
    return ret;
}

/* ---- the object ---- */

void __cdecl TPF(dtor)(TP_STRUCT *tp);

static void *__cdecl TPF(deleting_dtor)(TP_STRUCT *tp, unsigned int flags)
{
    TPF(dtor)(tp);
    if (flags & 1) free(tp);
    return tp;
}

const void *const TPF(vtable)[] = { TPF(deleting_dtor), facet_incref, facet_decref, TPF(do_put) };

void __cdecl TPF(dtor)(TP_STRUCT *tp)
{
    tp->base.vtable = TPF(vtable);
    facet_dtor(&tp->base);
}

void __cdecl TPF(Init)(TP_STRUCT *tp, const struct locinfo *info)
{
    (void)info;
    tp->tnames = NULL;
    Getcvt(&tp->cvt);
}

TP_STRUCT *__cdecl TPF(ctor_locinfo)(TP_STRUCT *tp, const struct locinfo *info, size_t refs)
{
    facet_ctor(&tp->base, refs);
    tp->base.vtable = TPF(vtable);
    TPF(Init)(tp, info);
    return tp;
}

TP_STRUCT *__cdecl TPF(ctor)(TP_STRUCT *tp, size_t refs) { return TPF(ctor_locinfo)(tp, NULL, refs); }

/* time_put(const char *locale name, refs): the "C" locale's here */
TP_STRUCT *__cdecl TPF(ctor_name)(TP_STRUCT *tp, const char *name, size_t refs)
{
    (void)name;
    return TPF(ctor_locinfo)(tp, NULL, refs);
}

void __cdecl TPF(default_closure)(TP_STRUCT *tp) { TPF(ctor)(tp, 0); }

/* static _Getcat(const facet **, const locale *): a lazy facet, LC_TIME */
size_t __cdecl TPF(Getcat)(const struct facet **pf, const struct locale *loc)
{
    (void)loc;
    if (pf && !*pf)
    {
        TP_STRUCT *tp = malloc(sizeof(*tp));
        if (!tp) std_Xbad_alloc();
        *pf = &TPF(ctor_locinfo)(tp, NULL, 0)->base;
    }
    return LC_TIME;
}
