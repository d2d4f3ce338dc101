/*
 * dlls/msvcp140/locale.c — std::locale's core as MSVC's inline code uses
 * it: the facet ids and their counter, the global and classic "C"
 * _Locimp (locale::_Init, _Getgloballocale, classic, global), _Locimp's
 * out-of-line members (a copy, a facet added), _Locinfo (the C runtime's
 * locale switched for the time a facet is built), the C functions the
 * inline ctype<char> and collate<char> facets call (_Getctype, _Tolower,
 * _Getcoll, _Strcoll …), and codecvt<char, char, _Mbstatet>, which
 * basic_filebuf asks for and msvcp140 makes.
 *
 * A _Locimp made here holds no facets: MSVC's use_facet (inline in the
 * program) finds none, asks the facet's _Getcat for a "lazy" one and keeps
 * it, which for the C locale is the facet the classic locale would have
 * held. Facet ids are handed out on first use from _Id_cnt, shared by the
 * program and msvcp140.
 *
 * Sections: facets and ids · _Locimp · locale · _Locinfo · ctype and
 * collate helpers · codecvt<char, char, _Mbstatet>.
 */
#include "iostream.h"

/* ---- facets and ids ---- */

int locale_id_cnt;                                    /* locale::id::_Id_cnt */
struct locale_id ctype_char_id, codecvt_char_id, collate_char_id, numpunct_char_id;
struct locale_id num_get_char_id, num_put_char_id;
/* the ids of facets not made here yet: a program that names one still
   loads, and its use_facet reaches the facet's _Getcat */
struct locale_id collate_wchar_id, collate_ushort_id, numpunct_wchar_id, numpunct_ushort_id;
struct locale_id num_get_wchar_id, num_get_ushort_id, num_put_wchar_id, num_put_ushort_id;
struct locale_id time_get_char_id, time_get_wchar_id, time_put_char_id, time_put_wchar_id, time_put_ushort_id;

/* locale::id::operator size_t(): the id's number, the next of _Id_cnt
   on first use (the headers inline the same; satellites such as
   msvcp140_codecvt_ids hold ids that start at 0) */
size_t __cdecl locale_id_value(struct locale_id *id)
{
    if (!id->id)
    {
        struct lockit lk;
        lockit_ctor_kind(&lk, LOCK_LOCALE);
        if (!id->id) id->id = ++locale_id_cnt;
        lockit_dtor(&lk);
    }
    return id->id;
}

void __cdecl facet_incref(struct facet *f)
{
    InterlockedIncrement(&f->refs);
}

struct facet *__cdecl facet_decref(struct facet *f)
{
    return InterlockedDecrement(&f->refs) == 0 ? f : NULL;
}

static void *__cdecl facet_deleting_dtor(struct facet *f, unsigned int flags)
{
    if (flags & 1) free(f);
    return f;
}

/* ---- _Locimp ---- */

static void *__cdecl locimp_deleting_dtor(struct locimp *imp, unsigned int flags);

const void *const locimp_vtable[] = { locimp_deleting_dtor, facet_incref, facet_decref };

static struct locimp *global_imp;                     /* the global locale */
static struct locimp *classic_imp;                    /* the "C" locale */
struct locimp *locimp_clocptr;                        /* _Locimp::_Clocptr */

static void yarn_set(struct yarn *y, const char *s)
{
    free(y->ptr);
    y->ptr = NULL;
    y->nul = 0;
    if (s && (y->ptr = malloc(strlen(s) + 1))) strcpy(y->ptr, s);
}

static struct locimp *locimp_alloc(bool8 transparent)
{
    struct locimp *imp = calloc(1, sizeof(*imp));
    if (!imp) std_Xbad_alloc();
    imp->base.vtable = locimp_vtable;
    imp->base.refs = 1;
    imp->xparent = transparent;
    yarn_set(&imp->name, "*");
    return imp;
}

/* static _Locimp_Addfac(_Locimp *, facet *, size_t id): the facet at id,
   the vector grown as needed; the locale keeps a reference */
void __cdecl locimp_addfac(struct locimp *imp, struct facet *fac, size_t id)
{
    struct lockit lk;
    lockit_ctor_kind(&lk, LOCK_LOCALE);
    if (id >= imp->facetcount)
    {
        size_t count = id + 1 < 40 ? 40 : id + 1;
        struct facet **vec = realloc(imp->facetvec, count * sizeof(*vec));
        if (!vec) { lockit_dtor(&lk); std_Xbad_alloc(); }
        memset(vec + imp->facetcount, 0, (count - imp->facetcount) * sizeof(*vec));
        imp->facetvec = vec;
        imp->facetcount = count;
    }
    ((void (__cdecl *)(struct facet *))fac->vtable[1])(fac);
    if (imp->facetvec[id])
    {
        struct facet *old = ((struct facet *(__cdecl *)(struct facet *))imp->facetvec[id]->vtable[2])(imp->facetvec[id]);
        if (old) ((void *(__cdecl *)(struct facet *, unsigned int))old->vtable[0])(old, 1);
    }
    imp->facetvec[id] = fac;
    lockit_dtor(&lk);
}

/* static _Locimp_ctor(_Locimp *, const _Locimp &): the facets of other
   shared with this one (the inline constructor has set the rest) */
void __cdecl locimp_ctor(struct locimp *imp, const struct locimp *other)
{
    struct lockit lk;
    lockit_ctor_kind(&lk, LOCK_LOCALE);
    imp->facetvec = NULL;
    imp->facetcount = 0;
    for (size_t i = 0; i < other->facetcount; i++)
        if (other->facetvec[i]) locimp_addfac(imp, other->facetvec[i], i);
    lockit_dtor(&lk);
}

/* static _Locimp_dtor(_Locimp *): its facets released */
void __cdecl locimp_dtor(struct locimp *imp)
{
    struct lockit lk;
    lockit_ctor_kind(&lk, LOCK_LOCALE);
    for (size_t i = 0; i < imp->facetcount; i++)
    {
        struct facet *f = imp->facetvec[i];
        if (!f) continue;
        f = ((struct facet *(__cdecl *)(struct facet *))f->vtable[2])(f);
        if (f) ((void *(__cdecl *)(struct facet *, unsigned int))f->vtable[0])(f, 1);
    }
    free(imp->facetvec);
    imp->facetvec = NULL;
    imp->facetcount = 0;
    lockit_dtor(&lk);
}

static void *__cdecl locimp_deleting_dtor(struct locimp *imp, unsigned int flags)
{
    locimp_dtor(imp);
    free(imp->name.ptr);
    if (flags & 1) free(imp);
    return imp;
}

/* static _New_Locimp(bool transparent) */
struct locimp *__cdecl locimp_new(bool8 transparent)
{
    return locimp_alloc(transparent);
}

/* static _New_Locimp(const _Locimp &) */
struct locimp *__cdecl locimp_new_copy(const struct locimp *other)
{
    struct locimp *imp = locimp_alloc(other->xparent);
    imp->catmask = other->catmask;
    yarn_set(&imp->name, other->name.ptr ? other->name.ptr : "");
    locimp_ctor(imp, other);
    return imp;
}

/* ---- locale ---- */

void msvcp_init_locale(void)
{
    classic_imp = locimp_alloc(0);
    classic_imp->catmask = 0x3f;                       /* all */
    yarn_set(&classic_imp->name, "C");
    classic_imp->base.refs = 2;                       /* the global's and classic()'s: never freed */
    global_imp = locimp_clocptr = classic_imp;
}

/* static locale::_Init(bool incref): the global locale's implementation */
struct locimp *__cdecl locale_Init(bool8 incref)
{
    struct lockit lk;
    struct locimp *imp;
    lockit_ctor_kind(&lk, LOCK_LOCALE);
    imp = global_imp;
    if (incref) facet_incref(&imp->base);
    lockit_dtor(&lk);
    return imp;
}

/* static locale::_Getgloballocale() */
struct locimp *__cdecl locale_Getgloballocale(void)
{
    return global_imp;
}

/* static locale::_Setgloballocale(void *) */
void __cdecl locale_Setgloballocale(void *imp)
{
    global_imp = imp;
}

/* static locale::classic(): a locale over the "C" implementation */
const struct locale *__cdecl locale_classic(void)
{
    static struct locale classic;
    if (!classic.ptr) classic.ptr = classic_imp;
    return &classic;
}

struct locale *locale_copy(struct locale *dst, const struct locale *src)
{
    dst->ptr = src->ptr;
    facet_incref(&dst->ptr->base);
    return dst;
}

void locale_destroy(struct locale *loc)
{
    struct facet *f;
    if (!loc->ptr) return;
    if ((f = facet_decref(&loc->ptr->base))) ((void *(__cdecl *)(struct facet *, unsigned int))f->vtable[0])(f, 1);
    loc->ptr = NULL;
}

struct locale *locale_new_global(void)
{
    struct locale *loc = malloc(sizeof(*loc));
    if (!loc) std_Xbad_alloc();
    loc->ptr = locale_Init(1);
    return loc;
}

void locale_delete(struct locale *loc)
{
    if (!loc) return;
    locale_destroy(loc);
    free(loc);
}

/* static locale::global(const locale &): the new global, the old returned;
   a named one also becomes the C runtime's locale */
struct locale *__cdecl locale_global(struct locale *ret, const struct locale *loc)
{
    struct lockit lk;
    lockit_ctor_kind(&lk, LOCK_LOCALE);
    ret->ptr = global_imp;                            /* the global's reference passes to ret */
    global_imp = loc->ptr;
    facet_incref(&global_imp->base);
    if (global_imp->name.ptr && strcmp(global_imp->name.ptr, "*")) setlocale(LC_ALL, global_imp->name.ptr);
    lockit_dtor(&lk);
    return ret;
}

/* static locale::empty(): a transparent locale without facets */
struct locale *__cdecl locale_empty(struct locale *ret)
{
    ret->ptr = locimp_alloc(1);
    return ret;
}

/* ---- _Locinfo ---- */

/* static _Locinfo_ctor(_Locinfo *, int category, const char *name): the C
   runtime's locale for category set to name for the object's life; the
   name it then has kept (or "*": no such locale) */
void __cdecl locinfo_ctor_cat(struct locinfo *info, int category, const char *name)
{
    const char *old = setlocale(LC_ALL, NULL);
    yarn_set(&info->oldlocname, old ? old : "");
    (void)category;                                   /* MSVC's category mask: all of them here */
    if (name) name = setlocale(LC_ALL, name);
    yarn_set(&info->newlocname, name ? name : "*");
}

void __cdecl locinfo_ctor(struct locinfo *info, const char *name)
{
    locinfo_ctor_cat(info, LC_ALL, name);
}

/* static _Locinfo_dtor(_Locinfo *): the C runtime's locale back */
void __cdecl locinfo_dtor(struct locinfo *info)
{
    if (info->oldlocname.ptr && *info->oldlocname.ptr) setlocale(LC_ALL, info->oldlocname.ptr);
}

/* static _Locinfo_Addcats(_Locinfo *, int, const char *) */
struct locinfo *__cdecl locinfo_addcats(struct locinfo *info, int category, const char *name)
{
    const char *now = NULL;
    if (name && category) now = setlocale(LC_ALL, name);
    else now = setlocale(LC_ALL, NULL);
    yarn_set(&info->newlocname, now ? now : "*");
    return info;
}

/* ---- ctype and collate helpers ---- */

struct ctypevec { ULONG page; const short *table; int delfl; WCHAR *locale_name; };
struct collvec { ULONG page; WCHAR *locale_name; };

/* the C runtime's locale name for category, NULL in the "C" locale (as
   ___lc_locale_name_func has it: the collate and ctype helpers then take
   their plain byte paths) */
static WCHAR *locale_name_copy(int category)
{
    const char *name = setlocale(category, NULL);
    size_t n = name ? strlen(name) : 0;
    WCHAR *w;
    if (!name || !strcmp(name, "C")) return NULL;
    if (!(w = malloc((n + 1) * sizeof(WCHAR)))) return NULL;
    for (size_t i = 0; i < n; i++) w[i] = (unsigned char)name[i];
    w[n] = 0;
    return w;
}

/* _Getctype(): the C runtime's classification table for the 256 bytes, a
   copy ctype<char> frees (_Delfl 1) */
struct ctypevec *__cdecl Getctype(struct ctypevec *ret)
{
    short *table = malloc(256 * sizeof(short));
    const unsigned short *crt = __pctype_func();
    if (!table) std_Xbad_alloc();
    for (int i = 0; i < 256; i++) table[i] = (short)crt[i];
    ret->page = ___lc_codepage_func();
    ret->table = table;
    ret->delfl = 1;
    ret->locale_name = locale_name_copy(LC_CTYPE);
    return ret;
}

int __cdecl Tolower(int c, const struct ctypevec *vec)
{
    (void)vec;
    return (unsigned)c < 256 ? tolower(c) : c;
}

int __cdecl Toupper(int c, const struct ctypevec *vec)
{
    (void)vec;
    return (unsigned)c < 256 ? toupper(c) : c;
}

struct collvec *__cdecl Getcoll(struct collvec *ret)
{
    ret->page = ___lc_codepage_func();
    ret->locale_name = locale_name_copy(LC_COLLATE);
    return ret;
}

/* _Strcoll: [s1, e1) against [s2, e2) as strcoll orders them */
int __cdecl Strcoll(const char *s1, const char *e1, const char *s2, const char *e2, const struct collvec *coll)
{
    size_t n1 = e1 - s1, n2 = e2 - s2;
    int r;
    (void)coll;
    r = memcmp(s1, s2, n1 < n2 ? n1 : n2);
    if (r) return r < 0 ? -1 : 1;
    return n1 < n2 ? -1 : n1 > n2;
}

/* _Strxfrm: the C locale's transform is the string itself; its length back
   (larger than the room: nothing written) */
size_t __cdecl Strxfrm(char *d1, char *de, const char *s1, const char *se, const struct collvec *coll)
{
    size_t n = se - s1;
    (void)coll;
    if (n <= (size_t)(de - d1)) memcpy(d1, s1, n);
    return n;
}

/* __crtLCMapStringA: the byte string mapped as LCMapString's flags say (the
   C locale's case mappings) */
int __cdecl crtLCMapStringA(const WCHAR *locale, DWORD flags, const char *src, int srclen, char *dst, int dstlen,
                            UINT codepage, BOOL error)
{
    (void)locale; (void)codepage; (void)error;
    if (srclen < 0) srclen = (int)strlen(src) + 1;
    if (!dstlen) return srclen;
    if (dstlen < srclen) return 0;
    for (int i = 0; i < srclen; i++)
    {
        unsigned char c = src[i];
        if (flags & LCMAP_LOWERCASE) c = tolower(c);
        else if (flags & LCMAP_UPPERCASE) c = toupper(c);
        dst[i] = c;
    }
    return srclen;
}

/* ---- codecvt<char, char, _Mbstatet>: no conversion ---- */

enum { CVT_OK, CVT_PARTIAL, CVT_ERROR, CVT_NOCONV };

static bool8 __cdecl cvt_always_noconv(const struct facet *f) { (void)f; return 1; }
static int __cdecl cvt_max_length(const struct facet *f) { (void)f; return 1; }
static int __cdecl cvt_encoding(const struct facet *f) { (void)f; return 1; }

static int __cdecl cvt_in(const struct facet *f, void *state, const char *f1, const char *l1, const char **m1,
                          char *f2, char *l2, char **m2)
{
    (void)f; (void)state; (void)l1; (void)l2;
    *m1 = f1;
    *m2 = f2;
    return CVT_NOCONV;
}

static int __cdecl cvt_unshift(const struct facet *f, void *state, char *f2, char *l2, char **m2)
{
    (void)f; (void)state; (void)l2;
    *m2 = f2;
    return CVT_NOCONV;
}

static int __cdecl cvt_length(const struct facet *f, void *state, const char *f1, const char *l1, size_t count)
{
    size_t n = l1 - f1;
    (void)f; (void)state;
    if (n > 0x7fffffff) n = 0x7fffffff;
    return (int)(count < n ? count : n);
}

/* dtor, _Incref, _Decref, do_always_noconv, do_max_length, do_encoding,
   do_in, do_out, do_unshift, do_length */
const void *const codecvt_char_vtable[] =
{
    facet_deleting_dtor, facet_incref, facet_decref, cvt_always_noconv, cvt_max_length, cvt_encoding,
    cvt_in, cvt_in, cvt_unshift, cvt_length,
};

/* static codecvt<char, char, _Mbstatet>::_Getcat(const facet **, const locale *):
   a new facet for use_facet to keep; its category, LC_CTYPE */
size_t __cdecl codecvt_char_Getcat(const struct facet **pf, const struct locale *loc)
{
    (void)loc;
    if (pf && !*pf)
    {
        struct facet *f = malloc(sizeof(*f));
        if (!f) std_Xbad_alloc();
        f->vtable = codecvt_char_vtable;
        f->refs = 0;
        *pf = f;
    }
    return LC_CTYPE;
}
