/*
 * dlls/msvcp140/ctype.c — ctype<char>, the facet `cin >> word`,
 * isspace(c, loc) and basic_ios::widen go through, exported whole as
 * MSVC's header declares it (a program that does not inline its members
 * calls them here, and one that builds it with msvcp140's constructor
 * gets msvcp140's vtable); locale::facet's and ctype_base's out-of-line
 * members that program-defined facets put in their own vtables; the
 * _Locinfo getters the inline facets call (_Getctype, _Getcvt, day and
 * month names …); and the C helpers of the inline wchar_t facets
 * (_Getcvt, _Mbrtowc, _Wcrtomb, _Towlower, _Getwctype …).
 *
 * ctype<char>'s vtable is MSVC's: overloads of one virtual function sit
 * together in reverse order of declaration (do_tolower(char *, const char
 * *) before do_tolower(char)), as clang's MSVC ABI lays them out.
 */
#include "iostream.h"
#include <wchar.h>
#include <wctype.h>

struct ctypevec { ULONG page; const short *table; int delfl; WCHAR *locale_name; };
struct collvec { ULONG page; WCHAR *locale_name; };
struct cvtvec { unsigned int page; unsigned int mbcurmax; int isclocale; unsigned char isleadbyte[32]; };

struct ctypevec *__cdecl Getctype(struct ctypevec *ret);
struct collvec *__cdecl Getcoll(struct collvec *ret);
int __cdecl Tolower(int c, const struct ctypevec *vec);
int __cdecl Toupper(int c, const struct ctypevec *vec);
void __cdecl facet_incref(struct facet *f);
struct facet *__cdecl facet_decref(struct facet *f);
extern struct locale_id ctype_char_id;

struct ctype_char { struct facet base; struct ctypevec ctype; };

/* ---- locale::facet and ctype_base ---- */

static void *__cdecl facet_deleting_dtor(struct facet *f, unsigned int flags);
const void *const facet_vtable[] = { facet_deleting_dtor, facet_incref, facet_decref };

struct facet *__cdecl facet_ctor(struct facet *f, size_t refs)
{
    f->vtable = facet_vtable;
    f->refs = (LONG)refs;
    return f;
}

void __cdecl facet_dtor(struct facet *f) { f->vtable = facet_vtable; }

static void *__cdecl facet_deleting_dtor(struct facet *f, unsigned int flags)
{
    facet_dtor(f);
    if (flags & 1) free(f);
    return f;
}

/* static facet::_Getcat: no C category, no lazy facet */
size_t __cdecl facet_Getcat(const struct facet **pf, const struct locale *loc)
{
    (void)pf; (void)loc;
    return (size_t)-1;
}

struct facet *__cdecl ctype_base_ctor(struct facet *f, size_t refs) { return facet_ctor(f, refs); }
void __cdecl ctype_base_dtor(struct facet *f) { facet_dtor(f); }

/* ---- ctype<char> ---- */

static void ctype_tidy(struct ctype_char *ct)
{
    if (ct->ctype.delfl > 0) free((void *)ct->ctype.table);
    else if (ct->ctype.delfl < 0) free((void *)ct->ctype.table);   /* delete[] of shorts: the same heap */
    free(ct->ctype.locale_name);
    ct->ctype.locale_name = NULL;
}

void __cdecl ctype_char_Tidy(struct ctype_char *ct) { ctype_tidy(ct); }

char __cdecl ctype_char_do_tolower(const struct ctype_char *ct, char c) { return (char)Tolower((unsigned char)c, &ct->ctype); }
char __cdecl ctype_char_do_toupper(const struct ctype_char *ct, char c) { return (char)Toupper((unsigned char)c, &ct->ctype); }

const char *__cdecl ctype_char_do_tolower_range(const struct ctype_char *ct, char *first, const char *last)
{
    for (; first != last; first++) *first = (char)Tolower((unsigned char)*first, &ct->ctype);
    return first;
}

const char *__cdecl ctype_char_do_toupper_range(const struct ctype_char *ct, char *first, const char *last)
{
    for (; first != last; first++) *first = (char)Toupper((unsigned char)*first, &ct->ctype);
    return first;
}

char __cdecl ctype_char_do_widen(const struct ctype_char *ct, char c) { (void)ct; return c; }
char __cdecl ctype_char_do_narrow(const struct ctype_char *ct, char c, char dflt) { (void)ct; (void)dflt; return c; }

const char *__cdecl ctype_char_do_widen_range(const struct ctype_char *ct, const char *first, const char *last, char *dest)
{
    (void)ct;
    memcpy(dest, first, last - first);
    return last;
}

const char *__cdecl ctype_char_do_narrow_range(const struct ctype_char *ct, const char *first, const char *last,
                                               char dflt, char *dest)
{
    (void)ct; (void)dflt;
    memcpy(dest, first, last - first);
    return last;
}

void __cdecl ctype_char_dtor(struct ctype_char *ct);

static void *__cdecl ctype_char_deleting_dtor(struct ctype_char *ct, unsigned int flags)
{
    ctype_char_dtor(ct);
    if (flags & 1) free(ct);
    return ct;
}

enum { CT_DTOR, CT_INCREF, CT_DECREF, CT_TOLOWER_RANGE, CT_TOLOWER, CT_TOUPPER_RANGE, CT_TOUPPER,
       CT_WIDEN_RANGE, CT_WIDEN, CT_NARROW_RANGE, CT_NARROW, CT_SLOTS };

const void *const ctype_char_vtable[CT_SLOTS] =
{
    ctype_char_deleting_dtor, facet_incref, facet_decref,
    ctype_char_do_tolower_range, ctype_char_do_tolower, ctype_char_do_toupper_range, ctype_char_do_toupper,
    ctype_char_do_widen_range, ctype_char_do_widen, ctype_char_do_narrow_range, ctype_char_do_narrow,
};

void __cdecl ctype_char_dtor(struct ctype_char *ct)
{
    ct->base.vtable = ctype_char_vtable;
    ctype_tidy(ct);
    facet_dtor(&ct->base);
}

void __cdecl ctype_char_Init(struct ctype_char *ct, const struct locinfo *info)
{
    (void)info;
    Getctype(&ct->ctype);
}

/* ctype(const _Locinfo &, size_t refs) */
struct ctype_char *__cdecl ctype_char_ctor_locinfo(struct ctype_char *ct, const struct locinfo *info, size_t refs)
{
    facet_ctor(&ct->base, refs);
    ct->base.vtable = ctype_char_vtable;
    ctype_char_Init(ct, info);
    return ct;
}

/* ctype(const mask *table, bool del, size_t refs): the caller's table
   (deleted with the facet if del), else the classic one */
struct ctype_char *__cdecl ctype_char_ctor_table(struct ctype_char *ct, const short *table, bool8 del, size_t refs)
{
    facet_ctor(&ct->base, refs);
    ct->base.vtable = ctype_char_vtable;
    Getctype(&ct->ctype);
    if (table)
    {
        ctype_tidy(ct);
        ct->ctype.table = table;
        ct->ctype.delfl = del ? -1 : 0;
    }
    return ct;
}

/* static _Getcat(const facet **, const locale *): a lazy ctype<char> */
size_t __cdecl ctype_char_Getcat(const struct facet **pf, const struct locale *loc)
{
    (void)loc;
    if (pf && !*pf)
    {
        struct ctype_char *ct = malloc(sizeof(*ct));
        if (!ct) std_Xbad_alloc();
        *pf = &ctype_char_ctor_locinfo(ct, NULL, 0)->base;
    }
    return LC_CTYPE;
}

#define VCALL(ct, slot, type) ((type)(ct)->base.vtable[slot])

bool8 __cdecl ctype_char_is(const struct ctype_char *ct, short mask, char c)
{
    return (ct->ctype.table[(unsigned char)c] & mask) != 0;
}

const char *__cdecl ctype_char_is_range(const struct ctype_char *ct, const char *first, const char *last, short *dest)
{
    for (; first != last; first++, dest++) *dest = ct->ctype.table[(unsigned char)*first];
    return first;
}

const char *__cdecl ctype_char_scan_is(const struct ctype_char *ct, short mask, const char *first, const char *last)
{
    while (first != last && !ctype_char_is(ct, mask, *first)) first++;
    return first;
}

const char *__cdecl ctype_char_scan_not(const struct ctype_char *ct, short mask, const char *first, const char *last)
{
    while (first != last && ctype_char_is(ct, mask, *first)) first++;
    return first;
}

char __cdecl ctype_char_tolower(const struct ctype_char *ct, char c)
{
    return VCALL(ct, CT_TOLOWER, char (__cdecl *)(const struct ctype_char *, char))(ct, c);
}

const char *__cdecl ctype_char_tolower_range(const struct ctype_char *ct, char *first, const char *last)
{
    return VCALL(ct, CT_TOLOWER_RANGE, const char *(__cdecl *)(const struct ctype_char *, char *, const char *))(ct, first, last);
}

char __cdecl ctype_char_toupper(const struct ctype_char *ct, char c)
{
    return VCALL(ct, CT_TOUPPER, char (__cdecl *)(const struct ctype_char *, char))(ct, c);
}

const char *__cdecl ctype_char_toupper_range(const struct ctype_char *ct, char *first, const char *last)
{
    return VCALL(ct, CT_TOUPPER_RANGE, const char *(__cdecl *)(const struct ctype_char *, char *, const char *))(ct, first, last);
}

char __cdecl ctype_char_widen(const struct ctype_char *ct, char c)
{
    return VCALL(ct, CT_WIDEN, char (__cdecl *)(const struct ctype_char *, char))(ct, c);
}

const char *__cdecl ctype_char_widen_range(const struct ctype_char *ct, const char *first, const char *last, char *dest)
{
    return VCALL(ct, CT_WIDEN_RANGE, const char *(__cdecl *)(const struct ctype_char *, const char *, const char *, char *))(ct, first, last, dest);
}

char __cdecl ctype_char_narrow(const struct ctype_char *ct, char c, char dflt)
{
    return VCALL(ct, CT_NARROW, char (__cdecl *)(const struct ctype_char *, char, char))(ct, c, dflt);
}

const char *__cdecl ctype_char_narrow_range(const struct ctype_char *ct, const char *first, const char *last, char dflt, char *dest)
{
    return VCALL(ct, CT_NARROW_RANGE, const char *(__cdecl *)(const struct ctype_char *, const char *, const char *, char, char *))(ct, first, last, dflt, dest);
}

const short *__cdecl ctype_char_table(const struct ctype_char *ct) { return ct->ctype.table; }

/* static classic_table(): the "C" locale's, one for the process */
const short *__cdecl ctype_char_classic_table(void)
{
    static struct ctype_char *classic;
    if (!classic)
    {
        struct ctype_char *ct = malloc(sizeof(*ct));
        if (!ct) std_Xbad_alloc();
        ctype_char_ctor_locinfo(ct, NULL, 1);
        if (InterlockedCompareExchangePointer((void **)&classic, ct, NULL)) ctype_char_deleting_dtor(ct, 1);
    }
    return classic->ctype.table;
}

const size_t ctype_char_table_size = 256;

/* ---- _Locinfo's getters ---- */

struct ctypevec *__cdecl locinfo_Getctype(const struct locinfo *info, struct ctypevec *ret) { (void)info; return Getctype(ret); }
struct collvec *__cdecl locinfo_Getcoll(const struct locinfo *info, struct collvec *ret) { (void)info; return Getcoll(ret); }

/* _Getcvt(): the code page and whether it is the "C" locale's */
struct cvtvec *__cdecl Getcvt(struct cvtvec *ret)
{
    const char *name = setlocale(LC_CTYPE, NULL);
    memset(ret, 0, sizeof(*ret));
    ret->page = ___lc_codepage_func();
    ret->mbcurmax = ___mb_cur_max_func();
    ret->isclocale = !name || !strcmp(name, "C");
    if (ret->mbcurmax > 1)
        for (int c = 0; c < 256; c++)
            if (IsDBCSLeadByteEx(ret->page, (BYTE)c)) ret->isleadbyte[c >> 3] |= 1 << (c & 7);
    return ret;
}

struct cvtvec *__cdecl locinfo_Getcvt(const struct locinfo *info, struct cvtvec *ret) { (void)info; return Getcvt(ret); }

const char *__cdecl locinfo_Getname(const struct locinfo *info)
{
    return info->newlocname.ptr ? info->newlocname.ptr : "";
}

const char *__cdecl locinfo_Getfalse(const struct locinfo *info) { (void)info; return "false"; }
const char *__cdecl locinfo_Gettrue(const struct locinfo *info) { (void)info; return "true"; }

static const char days[] = ":Sun:Sunday:Mon:Monday:Tue:Tuesday:Wed:Wednesday:Thu:Thursday:Fri:Friday:Sat:Saturday";
static const char months[] = ":Jan:January:Feb:February:Mar:March:Apr:April:May:May:Jun:June:Jul:July:Aug:August"
                             ":Sep:September:Oct:October:Nov:November:Dec:December";
static const WCHAR wdays[] = L":Sun:Sunday:Mon:Monday:Tue:Tuesday:Wed:Wednesday:Thu:Thursday:Fri:Friday:Sat:Saturday";
static const WCHAR wmonths[] = L":Jan:January:Feb:February:Mar:March:Apr:April:May:May:Jun:June:Jul:July:Aug:August"
                               L":Sep:September:Oct:October:Nov:November:Dec:December";

/* the C locale's day and month names, as MSVC's _Locinfo strings them */
const char *__cdecl locinfo_Getdays(const struct locinfo *info) { (void)info; return days; }
const char *__cdecl locinfo_Getmonths(const struct locinfo *info) { (void)info; return months; }
const WCHAR *__cdecl locinfo_W_Getdays(const struct locinfo *info) { (void)info; return wdays; }
const WCHAR *__cdecl locinfo_W_Getmonths(const struct locinfo *info) { (void)info; return wmonths; }

/* month, day, year: the C locale's date order (time_base::mdy) */
int __cdecl locinfo_Getdateorder(const struct locinfo *info) { (void)info; return 2; }
const struct lconv *__cdecl locinfo_Getlconv(const struct locinfo *info) { (void)info; return localeconv(); }

/* ---- the wide helpers ---- */

int __cdecl Mbrtowc(WCHAR *out, const char *in, size_t len, mbstate_t *state, const struct cvtvec *cvt)
{
    (void)cvt;
    return (int)mbrtowc(out, in, len, state);
}

int __cdecl Wcrtomb(char *out, WCHAR wc, mbstate_t *state, const struct cvtvec *cvt)
{
    (void)cvt;
    return (int)wcrtomb(out, wc, state);
}

WCHAR __cdecl Towlower(WCHAR c, const struct ctypevec *vec) { (void)vec; return towlower(c); }
WCHAR __cdecl Towupper(WCHAR c, const struct ctypevec *vec) { (void)vec; return towupper(c); }

/* _Getwctype: the character's ctype mask (CT_CTYPE1's bits are the C
   runtime's _UPPER, _LOWER, _DIGIT …) */
short __cdecl Getwctype(WCHAR c, const struct ctypevec *vec)
{
    WORD type = 0;
    (void)vec;
    GetStringTypeW(CT_CTYPE1, &c, 1, &type);
    return (short)type;
}

const WCHAR *__cdecl Getwctypes(const WCHAR *first, const WCHAR *last, short *dest, const struct ctypevec *vec)
{
    for (; first != last; first++, dest++) *dest = Getwctype(*first, vec);
    return first;
}

/* _Wcscoll and _Wcsxfrm: the C locale's order, code unit by code unit */
int __cdecl Wcscoll(const WCHAR *s1, const WCHAR *e1, const WCHAR *s2, const WCHAR *e2, const struct collvec *coll)
{
    (void)coll;
    for (; s1 != e1 && s2 != e2; s1++, s2++) if (*s1 != *s2) return *s1 < *s2 ? -1 : 1;
    return s1 != e1 ? 1 : s2 != e2 ? -1 : 0;
}

size_t __cdecl Wcsxfrm(WCHAR *d1, WCHAR *de, const WCHAR *s1, const WCHAR *se, const struct collvec *coll)
{
    size_t n = se - s1;
    (void)coll;
    if (n <= (size_t)(de - d1)) memcpy(d1, s1, n * sizeof(WCHAR));
    return n;
}

/* the "default constructor closures" (??_F): facet(0), ctype_base(0) */
void __cdecl facet_default_closure(struct facet *f) { facet_ctor(f, 0); }

/* ---- _Facet_base: the abstract base, its reference counting pure ---- */

void __cdecl _purecall(void);
static void *__cdecl facet_base_deleting_dtor(struct facet *f, unsigned int flags);
const void *const facet_base_vtable[] = { facet_base_deleting_dtor, _purecall, _purecall };

struct facet *__cdecl facet_base_ctor(struct facet *f)
{
    f->vtable = facet_base_vtable;
    return f;
}

struct facet *__cdecl facet_base_copy_ctor(struct facet *f, const struct facet *other)
{
    (void)other;
    return facet_base_ctor(f);
}

void __cdecl facet_base_dtor(struct facet *f) { f->vtable = facet_base_vtable; }

static void *__cdecl facet_base_deleting_dtor(struct facet *f, unsigned int flags)
{
    facet_base_dtor(f);
    if (flags & 1) free(f);
    return f;
}

struct facet *__cdecl facet_base_assign(struct facet *f, const struct facet *other)
{
    (void)other;
    return f;
}
