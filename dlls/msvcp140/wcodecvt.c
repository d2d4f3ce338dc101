/*
 * dlls/msvcp140/wcodecvt.c — codecvt<wchar_t, char, _Mbstatet> (whose
 * functions serve codecvt<unsigned short, char, _Mbstatet>'s exports too),
 * the facet a wide basic_filebuf converts through: multibyte to wide and
 * back with the C runtime's mbrtowc and wcrtomb in the facet's code page,
 * a conversion state carried in the caller's _Mbstatet; and the members
 * of codecvt_base.
 *
 * Results are codecvt_base's: ok, partial (the input ends inside a
 * character, or the output is full), error (no such character), noconv.
 * The vtable: dtor, _Incref, _Decref, do_always_noconv, do_max_length,
 * do_encoding, do_in, do_out, do_unshift, do_length.
 */
#include "iostream.h"
#include <wchar.h>

struct cvtvec { unsigned int page; unsigned int mbcurmax; int isclocale; unsigned char isleadbyte[32]; };

struct cvtvec *__cdecl Getcvt(struct cvtvec *ret);
int __cdecl Mbrtowc(WCHAR *out, const char *in, size_t len, mbstate_t *state, const struct cvtvec *cvt);
int __cdecl Wcrtomb(char *out, WCHAR wc, mbstate_t *state, const struct cvtvec *cvt);
struct facet *__cdecl facet_ctor(struct facet *f, size_t refs);
void __cdecl facet_dtor(struct facet *f);
void __cdecl facet_incref(struct facet *f);
struct facet *__cdecl facet_decref(struct facet *f);

enum { CVT_OK, CVT_PARTIAL, CVT_ERROR, CVT_NOCONV };

struct codecvt_wchar { struct facet base; struct cvtvec cvt; };

struct locale_id codecvt_wchar_id, codecvt_ushort_id;

/* ---- codecvt_base ---- */

bool8 __cdecl codecvt_base_do_always_noconv(const struct facet *f) { (void)f; return 0; }
int __cdecl codecvt_base_do_max_length(const struct facet *f) { (void)f; return 1; }
int __cdecl codecvt_base_do_encoding(const struct facet *f) { (void)f; return 1; }

#define VCALL(f, slot, type) ((type)(f)->vtable[slot])
enum { CV_DTOR, CV_INCREF, CV_DECREF, CV_NOCONV, CV_MAXLEN, CV_ENCODING, CV_IN, CV_OUT, CV_UNSHIFT, CV_LENGTH };

bool8 __cdecl codecvt_base_always_noconv(const struct facet *f)
{
    return VCALL(f, CV_NOCONV, bool8 (__cdecl *)(const struct facet *))(f);
}

int __cdecl codecvt_base_max_length(const struct facet *f)
{
    return VCALL(f, CV_MAXLEN, int (__cdecl *)(const struct facet *))(f);
}

int __cdecl codecvt_base_encoding(const struct facet *f)
{
    return VCALL(f, CV_ENCODING, int (__cdecl *)(const struct facet *))(f);
}

/* ---- codecvt<wchar_t, char, _Mbstatet>'s virtual functions ---- */

bool8 __cdecl codecvt_wchar_do_always_noconv(const struct codecvt_wchar *cv) { (void)cv; return 0; }
int __cdecl codecvt_wchar_do_max_length(const struct codecvt_wchar *cv) { return cv->cvt.mbcurmax; }
/* 0: a wide character takes a varying number of bytes */
int __cdecl codecvt_wchar_do_encoding(const struct codecvt_wchar *cv) { (void)cv; return 0; }

/* bytes to wide characters while both ranges last; as MSVC's does, the
   result is ok once a character was converted (even with input left when
   the output is full), partial when none was, and the input's end inside
   a character counts as consumed */
int __cdecl codecvt_wchar_do_in(const struct codecvt_wchar *cv, mbstate_t *state, const char *from,
                                const char *from_end, const char **from_next, WCHAR *to, WCHAR *to_end,
                                WCHAR **to_next)
{
    int ret = from == from_end ? CVT_OK : CVT_PARTIAL;

    *from_next = from;
    *to_next = to;
    while (*from_next != from_end && *to_next != to_end)
    {
        int n = Mbrtowc(*to_next, *from_next, from_end - *from_next, state, &cv->cvt);
        if (n == -2)
        {
            *from_next = from_end;
            return ret;
        }
        if (n == -1) return CVT_ERROR;
        if (n == 0) n = 1;                                   /* a null byte */
        *from_next += n;
        ++*to_next;
        ret = CVT_OK;
    }
    return ret;
}

int __cdecl codecvt_wchar_do_out(const struct codecvt_wchar *cv, mbstate_t *state, const WCHAR *from,
                                 const WCHAR *from_end, const WCHAR **from_next, char *to, char *to_end,
                                 char **to_next)
{
    *from_next = from;
    *to_next = to;
    for (; *from_next != from_end; ++*from_next)
    {
        char buf[MB_LEN_MAX];
        mbstate_t saved = *state;
        int n = Wcrtomb(buf, **from_next, state, &cv->cvt);
        if (n < 0) return CVT_ERROR;
        if (n > to_end - *to_next)
        {
            *state = saved;
            return CVT_PARTIAL;
        }
        memcpy(*to_next, buf, n);
        *to_next += n;
    }
    return CVT_OK;
}

/* no shift states in the C runtime's encodings: nothing to write */
int __cdecl codecvt_wchar_do_unshift(const struct codecvt_wchar *cv, mbstate_t *state, char *to, char *to_end,
                                     char **to_next)
{
    (void)cv; (void)state; (void)to_end;
    *to_next = to;
    return CVT_OK;
}

/* the bytes of at most count wide characters at the start of [from, from_end) */
int __cdecl codecvt_wchar_do_length(const struct codecvt_wchar *cv, mbstate_t *state, const char *from,
                                    const char *from_end, size_t count)
{
    const char *p = from;
    for (; count && p != from_end; count--)
    {
        WCHAR wc;
        int n = Mbrtowc(&wc, p, from_end - p, state, &cv->cvt);
        if (n < 0) break;
        p += n ? n : 1;
    }
    return (int)(p - from);
}

void __cdecl codecvt_wchar_dtor(struct codecvt_wchar *cv);

static void *__cdecl codecvt_wchar_deleting_dtor(struct codecvt_wchar *cv, unsigned int flags)
{
    codecvt_wchar_dtor(cv);
    if (flags & 1) free(cv);
    return cv;
}

const void *const codecvt_wchar_vtable[] =
{
    codecvt_wchar_deleting_dtor, facet_incref, facet_decref, codecvt_wchar_do_always_noconv,
    codecvt_wchar_do_max_length, codecvt_wchar_do_encoding, codecvt_wchar_do_in, codecvt_wchar_do_out,
    codecvt_wchar_do_unshift, codecvt_wchar_do_length,
};

/* ---- construction ---- */

void __cdecl codecvt_wchar_dtor(struct codecvt_wchar *cv)
{
    cv->base.vtable = codecvt_wchar_vtable;
    facet_dtor(&cv->base);
}

void __cdecl codecvt_wchar_Init(struct codecvt_wchar *cv, const struct locinfo *info)
{
    (void)info;
    Getcvt(&cv->cvt);
}

struct codecvt_wchar *__cdecl codecvt_wchar_ctor_locinfo(struct codecvt_wchar *cv, const struct locinfo *info,
                                                         size_t refs)
{
    facet_ctor(&cv->base, refs);
    cv->base.vtable = codecvt_wchar_vtable;
    codecvt_wchar_Init(cv, info);
    return cv;
}

struct codecvt_wchar *__cdecl codecvt_wchar_ctor(struct codecvt_wchar *cv, size_t refs)
{
    return codecvt_wchar_ctor_locinfo(cv, NULL, refs);
}

void __cdecl codecvt_wchar_default_closure(struct codecvt_wchar *cv) { codecvt_wchar_ctor(cv, 0); }

/* static _Getcat(const facet **, const locale *): a lazy facet, LC_CTYPE */
size_t __cdecl codecvt_wchar_Getcat(const struct facet **pf, const struct locale *loc)
{
    (void)loc;
    if (pf && !*pf)
    {
        struct codecvt_wchar *cv = malloc(sizeof(*cv));
        if (!cv) std_Xbad_alloc();
        *pf = &codecvt_wchar_ctor_locinfo(cv, NULL, 0)->base;
    }
    return LC_CTYPE;
}

/* ---- the public members: through the vtable ---- */

int __cdecl codecvt_wchar_in(const struct codecvt_wchar *cv, mbstate_t *state, const char *from,
                             const char *from_end, const char **from_next, WCHAR *to, WCHAR *to_end, WCHAR **to_next)
{
    return VCALL(&cv->base, CV_IN, int (__cdecl *)(const struct codecvt_wchar *, mbstate_t *, const char *,
                 const char *, const char **, WCHAR *, WCHAR *, WCHAR **))(cv, state, from, from_end, from_next,
                                                                            to, to_end, to_next);
}

int __cdecl codecvt_wchar_out(const struct codecvt_wchar *cv, mbstate_t *state, const WCHAR *from,
                              const WCHAR *from_end, const WCHAR **from_next, char *to, char *to_end, char **to_next)
{
    return VCALL(&cv->base, CV_OUT, int (__cdecl *)(const struct codecvt_wchar *, mbstate_t *, const WCHAR *,
                 const WCHAR *, const WCHAR **, char *, char *, char **))(cv, state, from, from_end, from_next,
                                                                          to, to_end, to_next);
}

int __cdecl codecvt_wchar_unshift(const struct codecvt_wchar *cv, mbstate_t *state, char *to, char *to_end,
                                  char **to_next)
{
    return VCALL(&cv->base, CV_UNSHIFT, int (__cdecl *)(const struct codecvt_wchar *, mbstate_t *, char *, char *,
                 char **))(cv, state, to, to_end, to_next);
}

int __cdecl codecvt_wchar_length(const struct codecvt_wchar *cv, mbstate_t *state, const char *from,
                                 const char *from_end, size_t count)
{
    return VCALL(&cv->base, CV_LENGTH, int (__cdecl *)(const struct codecvt_wchar *, mbstate_t *, const char *,
                 const char *, size_t))(cv, state, from, from_end, count);
}

/* ---- codecvt_base's own objects ---- */

void __cdecl codecvt_base_dtor(struct facet *f);

static void *__cdecl codecvt_base_deleting_dtor(struct facet *f, unsigned int flags)
{
    codecvt_base_dtor(f);
    if (flags & 1) free(f);
    return f;
}

const void *const codecvt_base_vtable[] =
{
    codecvt_base_deleting_dtor, facet_incref, facet_decref, codecvt_base_do_always_noconv,
    codecvt_base_do_max_length, codecvt_base_do_encoding,
};

struct facet *__cdecl codecvt_base_ctor(struct facet *f, size_t refs)
{
    facet_ctor(f, refs);
    f->vtable = codecvt_base_vtable;
    return f;
}

void __cdecl codecvt_base_dtor(struct facet *f)
{
    f->vtable = codecvt_base_vtable;
    facet_dtor(f);
}

void __cdecl codecvt_base_default_closure(struct facet *f) { codecvt_base_ctor(f, 0); }
