/*
 * dlls/msvcp140/wctype.c — ctype<wchar_t> (whose functions serve
 * ctype<unsigned short>'s exports too), exported whole as MSVC's header
 * declares it: classification through _Getwctype (the system's
 * CT_CTYPE1 bits, as the C runtime's iswctype has them), case through
 * _Towlower/_Towupper, widen and narrow through the C runtime's mbrtowc and
 * wcrtomb in the facet's code page (the "C" locale: a byte is its own code
 * point, a character past 0xff has no narrow form and gives the default).
 *
 * Its vtable follows MSVC's rule for overloaded virtual functions, as
 * ctype<char>'s does: each name's overloads together, in reverse order of
 * declaration (do_is(const wchar_t *, ...) before do_is(mask, wchar_t)).
 */
#include "iostream.h"
#include <wchar.h>

struct ctypevec { ULONG page; const short *table; int delfl; WCHAR *locale_name; };
struct cvtvec { unsigned int page; unsigned int mbcurmax; int isclocale; unsigned char isleadbyte[32]; };

struct ctypevec *__cdecl Getctype(struct ctypevec *ret);
struct cvtvec *__cdecl Getcvt(struct cvtvec *ret);
int __cdecl Mbrtowc(WCHAR *out, const char *in, size_t len, mbstate_t *state, const struct cvtvec *cvt);
int __cdecl Wcrtomb(char *out, WCHAR wc, mbstate_t *state, const struct cvtvec *cvt);
WCHAR __cdecl Towlower(WCHAR c, const struct ctypevec *vec);
WCHAR __cdecl Towupper(WCHAR c, const struct ctypevec *vec);
short __cdecl Getwctype(WCHAR c, const struct ctypevec *vec);
const WCHAR *__cdecl Getwctypes(const WCHAR *first, const WCHAR *last, short *dest, const struct ctypevec *vec);
struct facet *__cdecl facet_ctor(struct facet *f, size_t refs);
void __cdecl facet_dtor(struct facet *f);
void __cdecl facet_incref(struct facet *f);
struct facet *__cdecl facet_decref(struct facet *f);

struct ctype_wchar { struct facet base; struct ctypevec ctype; struct cvtvec cvt; };

struct locale_id ctype_wchar_id;                      /* ctype<wchar_t>::id */
struct locale_id ctype_ushort_id;                     /* ctype<unsigned short>::id: another facet */

/* ---- the virtual functions ---- */

bool8 __cdecl ctype_wchar_do_is(const struct ctype_wchar *ct, short mask, WCHAR c)
{
    return (Getwctype(c, &ct->ctype) & mask) != 0;
}

const WCHAR *__cdecl ctype_wchar_do_is_range(const struct ctype_wchar *ct, const WCHAR *first, const WCHAR *last,
                                             short *dest)
{
    return Getwctypes(first, last, dest, &ct->ctype);
}

const WCHAR *__cdecl ctype_wchar_do_scan_is(const struct ctype_wchar *ct, short mask, const WCHAR *first,
                                            const WCHAR *last)
{
    while (first != last && !ctype_wchar_do_is(ct, mask, *first)) first++;
    return first;
}

const WCHAR *__cdecl ctype_wchar_do_scan_not(const struct ctype_wchar *ct, short mask, const WCHAR *first,
                                             const WCHAR *last)
{
    while (first != last && ctype_wchar_do_is(ct, mask, *first)) first++;
    return first;
}

WCHAR __cdecl ctype_wchar_do_tolower(const struct ctype_wchar *ct, WCHAR c) { return Towlower(c, &ct->ctype); }
WCHAR __cdecl ctype_wchar_do_toupper(const struct ctype_wchar *ct, WCHAR c) { return Towupper(c, &ct->ctype); }

const WCHAR *__cdecl ctype_wchar_do_tolower_range(const struct ctype_wchar *ct, WCHAR *first, const WCHAR *last)
{
    for (; first != last; first++) *first = Towlower(*first, &ct->ctype);
    return first;
}

const WCHAR *__cdecl ctype_wchar_do_toupper_range(const struct ctype_wchar *ct, WCHAR *first, const WCHAR *last)
{
    for (; first != last; first++) *first = Towupper(*first, &ct->ctype);
    return first;
}

/* _Dowiden(byte): its character in the facet's code page, WEOF if none */
WCHAR __cdecl ctype_wchar_Dowiden(const struct ctype_wchar *ct, char c)
{
    mbstate_t state = { 0 };
    WCHAR wc;
    return Mbrtowc(&wc, &c, 1, &state, &ct->cvt) < 0 ? WCHAR_EOF : wc;
}

/* _Donarrow(c, dflt): its single byte in the facet's code page, else dflt */
char __cdecl ctype_wchar_Donarrow(const struct ctype_wchar *ct, WCHAR c, char dflt)
{
    mbstate_t state = { 0 };
    char buf[MB_LEN_MAX];
    return Wcrtomb(buf, c, &state, &ct->cvt) == 1 ? buf[0] : dflt;
}

WCHAR __cdecl ctype_wchar_do_widen(const struct ctype_wchar *ct, char c) { return ctype_wchar_Dowiden(ct, c); }

const char *__cdecl ctype_wchar_do_widen_range(const struct ctype_wchar *ct, const char *first, const char *last,
                                               WCHAR *dest)
{
    for (; first != last; first++) *dest++ = ctype_wchar_Dowiden(ct, *first);
    return first;
}

char __cdecl ctype_wchar_do_narrow(const struct ctype_wchar *ct, WCHAR c, char dflt)
{
    return ctype_wchar_Donarrow(ct, c, dflt);
}

const WCHAR *__cdecl ctype_wchar_do_narrow_range(const struct ctype_wchar *ct, const WCHAR *first, const WCHAR *last,
                                                 char dflt, char *dest)
{
    for (; first != last; first++) *dest++ = ctype_wchar_Donarrow(ct, *first, dflt);
    return first;
}

void __cdecl ctype_wchar_dtor(struct ctype_wchar *ct);

static void *__cdecl ctype_wchar_deleting_dtor(struct ctype_wchar *ct, unsigned int flags)
{
    ctype_wchar_dtor(ct);
    if (flags & 1) free(ct);
    return ct;
}

enum { CW_DTOR, CW_INCREF, CW_DECREF, CW_IS_RANGE, CW_IS, CW_SCAN_IS, CW_SCAN_NOT, CW_TOLOWER_RANGE, CW_TOLOWER,
       CW_TOUPPER_RANGE, CW_TOUPPER, CW_WIDEN_RANGE, CW_WIDEN, CW_NARROW_RANGE, CW_NARROW, CW_SLOTS };

const void *const ctype_wchar_vtable[CW_SLOTS] =
{
    ctype_wchar_deleting_dtor, facet_incref, facet_decref,
    ctype_wchar_do_is_range, ctype_wchar_do_is, ctype_wchar_do_scan_is, ctype_wchar_do_scan_not,
    ctype_wchar_do_tolower_range, ctype_wchar_do_tolower, ctype_wchar_do_toupper_range, ctype_wchar_do_toupper,
    ctype_wchar_do_widen_range, ctype_wchar_do_widen, ctype_wchar_do_narrow_range, ctype_wchar_do_narrow,
};

/* ---- construction ---- */

static void ctype_wchar_tidy(struct ctype_wchar *ct)
{
    if (ct->ctype.delfl) free((void *)ct->ctype.table);
    free(ct->ctype.locale_name);
    ct->ctype.table = NULL;
    ct->ctype.locale_name = NULL;
}

void __cdecl ctype_wchar_dtor(struct ctype_wchar *ct)
{
    ct->base.vtable = ctype_wchar_vtable;
    ctype_wchar_tidy(ct);
    facet_dtor(&ct->base);
}

/* _Init(const _Locinfo &): the current locale's classification and code page */
void __cdecl ctype_wchar_Init(struct ctype_wchar *ct, const struct locinfo *info)
{
    (void)info;
    Getctype(&ct->ctype);
    Getcvt(&ct->cvt);
}

struct ctype_wchar *__cdecl ctype_wchar_ctor_locinfo(struct ctype_wchar *ct, const struct locinfo *info, size_t refs)
{
    facet_ctor(&ct->base, refs);
    ct->base.vtable = ctype_wchar_vtable;
    ctype_wchar_Init(ct, info);
    return ct;
}

struct ctype_wchar *__cdecl ctype_wchar_ctor(struct ctype_wchar *ct, size_t refs)
{
    return ctype_wchar_ctor_locinfo(ct, NULL, refs);
}

/* static _Getcat(const facet **, const locale *): a lazy ctype<wchar_t> */
size_t __cdecl ctype_wchar_Getcat(const struct facet **pf, const struct locale *loc)
{
    (void)loc;
    if (pf && !*pf)
    {
        struct ctype_wchar *ct = malloc(sizeof(*ct));
        if (!ct) std_Xbad_alloc();
        *pf = &ctype_wchar_ctor_locinfo(ct, NULL, 0)->base;
    }
    return LC_CTYPE;
}

/* ---- the public members: through the vtable, a derived facet's own ---- */

#define VCALL(ct, slot, type) ((type)(ct)->base.vtable[slot])

bool8 __cdecl ctype_wchar_is(const struct ctype_wchar *ct, short mask, WCHAR c)
{
    return VCALL(ct, CW_IS, bool8 (__cdecl *)(const struct ctype_wchar *, short, WCHAR))(ct, mask, c);
}

const WCHAR *__cdecl ctype_wchar_is_range(const struct ctype_wchar *ct, const WCHAR *first, const WCHAR *last, short *dest)
{
    return VCALL(ct, CW_IS_RANGE, const WCHAR *(__cdecl *)(const struct ctype_wchar *, const WCHAR *, const WCHAR *,
                                                           short *))(ct, first, last, dest);
}

const WCHAR *__cdecl ctype_wchar_scan_is(const struct ctype_wchar *ct, short mask, const WCHAR *first, const WCHAR *last)
{
    return VCALL(ct, CW_SCAN_IS, const WCHAR *(__cdecl *)(const struct ctype_wchar *, short, const WCHAR *,
                                                          const WCHAR *))(ct, mask, first, last);
}

const WCHAR *__cdecl ctype_wchar_scan_not(const struct ctype_wchar *ct, short mask, const WCHAR *first, const WCHAR *last)
{
    return VCALL(ct, CW_SCAN_NOT, const WCHAR *(__cdecl *)(const struct ctype_wchar *, short, const WCHAR *,
                                                           const WCHAR *))(ct, mask, first, last);
}

WCHAR __cdecl ctype_wchar_tolower(const struct ctype_wchar *ct, WCHAR c)
{
    return VCALL(ct, CW_TOLOWER, WCHAR (__cdecl *)(const struct ctype_wchar *, WCHAR))(ct, c);
}

const WCHAR *__cdecl ctype_wchar_tolower_range(const struct ctype_wchar *ct, WCHAR *first, const WCHAR *last)
{
    return VCALL(ct, CW_TOLOWER_RANGE, const WCHAR *(__cdecl *)(const struct ctype_wchar *, WCHAR *,
                                                                const WCHAR *))(ct, first, last);
}

WCHAR __cdecl ctype_wchar_toupper(const struct ctype_wchar *ct, WCHAR c)
{
    return VCALL(ct, CW_TOUPPER, WCHAR (__cdecl *)(const struct ctype_wchar *, WCHAR))(ct, c);
}

const WCHAR *__cdecl ctype_wchar_toupper_range(const struct ctype_wchar *ct, WCHAR *first, const WCHAR *last)
{
    return VCALL(ct, CW_TOUPPER_RANGE, const WCHAR *(__cdecl *)(const struct ctype_wchar *, WCHAR *,
                                                                const WCHAR *))(ct, first, last);
}

WCHAR __cdecl ctype_wchar_widen(const struct ctype_wchar *ct, char c)
{
    return VCALL(ct, CW_WIDEN, WCHAR (__cdecl *)(const struct ctype_wchar *, char))(ct, c);
}

const char *__cdecl ctype_wchar_widen_range(const struct ctype_wchar *ct, const char *first, const char *last, WCHAR *dest)
{
    return VCALL(ct, CW_WIDEN_RANGE, const char *(__cdecl *)(const struct ctype_wchar *, const char *, const char *,
                                                             WCHAR *))(ct, first, last, dest);
}

char __cdecl ctype_wchar_narrow(const struct ctype_wchar *ct, WCHAR c, char dflt)
{
    return VCALL(ct, CW_NARROW, char (__cdecl *)(const struct ctype_wchar *, WCHAR, char))(ct, c, dflt);
}

const WCHAR *__cdecl ctype_wchar_narrow_range(const struct ctype_wchar *ct, const WCHAR *first, const WCHAR *last,
                                              char dflt, char *dest)
{
    return VCALL(ct, CW_NARROW_RANGE, const WCHAR *(__cdecl *)(const struct ctype_wchar *, const WCHAR *,
                                                               const WCHAR *, char, char *))(ct, first, last, dflt, dest);
}

/* the "default constructor closure" (??_F): ctype(0) */
void __cdecl ctype_wchar_default_closure(struct ctype_wchar *ct) { ctype_wchar_ctor(ct, 0); }
