/*
 * dlls/msvcp140/ios.c — ios_base and basic_ios<char>: a stream's state,
 * format flags, width, precision, locale, iword/pword array and
 * callbacks; clear() throwing ios_base::failure for the bits exceptions()
 * names; basic_ios's stream buffer, tie and fill character; ios_base::Init;
 * and <iomanip>'s manipulators msvcp140 makes (setw, setprecision,
 * setiosflags, resetiosflags: an _Smanip, a function and its argument).
 *
 * MSVC's headers define most of these inline, but the classes are
 * exported whole, so a program may call any of them here.
 */
#include "iostream.h"

int ios_base_index;                                   /* ios_base::_Index: xalloc's next */
bool8 ios_base_sync = 1;                              /* ios_base::_Sync */
int ios_base_init_cnt = -1;                           /* ios_base::Init::_Init_cnt */

/* ---- ios_base ---- */

void __cdecl ios_base_Ios_base_dtor(struct ios_base *b);

static void __cdecl ios_base_callfns(struct ios_base *b, int event)
{
    for (struct fnarray *f = b->calls; f; f = f->next) f->fn(event, b, f->index);
}

static void ios_base_tidy(struct ios_base *b)
{
    ios_base_callfns(b, 0);                           /* erase_event */
    for (struct iosarray *a = b->arr, *next; a; a = next) { next = a->next; free(a); }
    b->arr = NULL;
    for (struct fnarray *f = b->calls, *next; f; f = next) { next = f->next; free(f); }
    b->calls = NULL;
}

void __cdecl ios_base_dtor(struct ios_base *b)
{
    ios_base_Ios_base_dtor(b);
}

static void *__cdecl ios_base_deleting_dtor(struct ios_base *b, unsigned int flags)
{
    ios_base_dtor(b);
    if (flags & 1) free(b);
    return b;
}

const void *const ios_base_vtable[] = { ios_base_deleting_dtor };

/* static _Ios_base_dtor(ios_base *): a standard stream's is left alone */
void __cdecl ios_base_Ios_base_dtor(struct ios_base *b)
{
    if (b->stdstr) return;
    if (b->loc)
    {
        ios_base_tidy(b);
        locale_delete(b->loc);
        b->loc = NULL;
    }
}

/* static _Addstd(ios_base *): marks a standard stream (never destroyed) */
void __cdecl ios_base_Addstd(struct ios_base *b)
{
    b->stdstr = 1;
}

/* _Init(): a new stream's defaults: skipws | dec, precision 6 */
void __cdecl ios_base_Init(struct ios_base *b)
{
    b->loc = NULL;
    b->stdstr = 0;
    b->except = IOS_GOOD;
    b->fmtfl = IOS_SKIPWS | IOS_DEC;
    b->prec = 6;
    b->wide = 0;
    b->arr = NULL;
    b->calls = NULL;
    b->state = IOS_GOOD;
    b->loc = locale_new_global();
}

struct ios_base *__cdecl ios_base_ctor(struct ios_base *b)
{
    b->vtable = ios_base_vtable;
    b->stdstr = 0;
    b->arr = NULL;
    b->calls = NULL;
    b->loc = NULL;
    return b;
}

/* clear(state, reraise): the state set; a bit exceptions() names throws
   ios_base::failure (or, with reraise, rethrows the current exception) */
void __cdecl ios_base_clear_reraise(struct ios_base *b, int state, bool8 reraise)
{
    int filtered;
    state &= IOS_STATMASK;
    b->state = state;
    if (!(filtered = state & b->except)) return;
    if (reraise) _CxxThrowException(NULL, NULL);
    msvcp_throw_ios_failure(filtered & IOS_BAD ? "ios_base::badbit set"
                            : filtered & IOS_FAIL ? "ios_base::failbit set" : "ios_base::eofbit set");
}

void __cdecl ios_base_clear(struct ios_base *b, int state) { ios_base_clear_reraise(b, state, 0); }
void __cdecl ios_base_setstate_reraise(struct ios_base *b, int state, bool8 reraise) { ios_base_clear_reraise(b, b->state | state, reraise); }
void __cdecl ios_base_setstate(struct ios_base *b, int state) { ios_base_clear_reraise(b, b->state | state, 0); }
int __cdecl ios_base_rdstate(const struct ios_base *b) { return b->state; }
bool8 __cdecl ios_base_good(const struct ios_base *b) { return b->state == IOS_GOOD; }
bool8 __cdecl ios_base_eof(const struct ios_base *b) { return (b->state & IOS_EOF) != 0; }
bool8 __cdecl ios_base_fail(const struct ios_base *b) { return (b->state & (IOS_BAD | IOS_FAIL)) != 0; }
bool8 __cdecl ios_base_bad(const struct ios_base *b) { return (b->state & IOS_BAD) != 0; }
bool8 __cdecl ios_base_op_bool(const struct ios_base *b) { return !ios_base_fail(b); }
int __cdecl ios_base_exceptions_get(const struct ios_base *b) { return b->except; }

void __cdecl ios_base_exceptions_set(struct ios_base *b, int except)
{
    b->except = except & IOS_STATMASK;
    ios_base_clear(b, b->state);
}

int __cdecl ios_base_flags_get(const struct ios_base *b) { return b->fmtfl; }

int __cdecl ios_base_flags_set(struct ios_base *b, int flags)
{
    int old = b->fmtfl;
    b->fmtfl = flags & IOS_FMTMASK;
    return old;
}

int __cdecl ios_base_setf(struct ios_base *b, int flags)
{
    int old = b->fmtfl;
    b->fmtfl |= flags & IOS_FMTMASK;
    return old;
}

int __cdecl ios_base_setf_mask(struct ios_base *b, int flags, int mask)
{
    int old = b->fmtfl;
    b->fmtfl = (old & ~mask) | (flags & mask & IOS_FMTMASK);
    return old;
}

void __cdecl ios_base_unsetf(struct ios_base *b, int mask) { b->fmtfl &= ~mask; }
__int64 __cdecl ios_base_precision_get(const struct ios_base *b) { return b->prec; }

__int64 __cdecl ios_base_precision_set(struct ios_base *b, __int64 prec)
{
    __int64 old = b->prec;
    b->prec = prec;
    return old;
}

__int64 __cdecl ios_base_width_get(const struct ios_base *b) { return b->wide; }

__int64 __cdecl ios_base_width_set(struct ios_base *b, __int64 width)
{
    __int64 old = b->wide;
    b->wide = width;
    return old;
}

struct locale *__cdecl ios_base_getloc(const struct ios_base *b, struct locale *ret)
{
    return locale_copy(ret, b->loc);
}

struct locale *__cdecl ios_base_imbue(struct ios_base *b, struct locale *ret, const struct locale *loc)
{
    locale_copy(ret, b->loc);
    locale_destroy(b->loc);
    locale_copy(b->loc, loc);
    ios_base_callfns(b, 1);                           /* imbue_event */
    return ret;
}

int __cdecl ios_base_xalloc(void)
{
    struct lockit lk;
    int index;
    lockit_ctor_kind(&lk, LOCK_STREAM);
    index = ios_base_index++;
    lockit_dtor(&lk);
    return index;
}

static struct iosarray *ios_base_findarr(struct ios_base *b, int index)
{
    struct iosarray *a, *reuse = NULL;
    for (a = b->arr; a; a = a->next)
    {
        if (a->index == index) return a;
        if (!reuse && !a->lo && !a->vp) reuse = a;
    }
    if (reuse)
    {
        reuse->index = index;
        return reuse;
    }
    if (!(a = malloc(sizeof(*a)))) std_Xbad_alloc();
    a->next = b->arr;
    a->index = index;
    a->lo = 0;
    a->vp = NULL;
    b->arr = a;
    return a;
}

LONG *__cdecl ios_base_iword(struct ios_base *b, int index) { return &ios_base_findarr(b, index)->lo; }
void **__cdecl ios_base_pword(struct ios_base *b, int index) { return &ios_base_findarr(b, index)->vp; }

void __cdecl ios_base_register_callback(struct ios_base *b, void (__cdecl *fn)(int, void *, int), int index)
{
    struct fnarray *f = malloc(sizeof(*f));
    if (!f) std_Xbad_alloc();
    f->next = b->calls;
    f->index = index;
    f->fn = fn;
    b->calls = f;
}

/* copyfmt: all but the state, callbacks told (copyfmt_event), then the
   exception mask, which may throw */
struct ios_base *__cdecl ios_base_copyfmt(struct ios_base *b, const struct ios_base *other)
{
    if (b == other) return b;
    ios_base_tidy(b);
    locale_destroy(b->loc);
    locale_copy(b->loc, other->loc);
    b->fmtfl = other->fmtfl;
    b->prec = other->prec;
    b->wide = other->wide;
    for (struct iosarray *a = other->arr; a; a = a->next)
        if (a->lo || a->vp)
        {
            *ios_base_iword(b, a->index) = a->lo;
            *ios_base_pword(b, a->index) = a->vp;
        }
    for (struct fnarray *f = other->calls; f; f = f->next) ios_base_register_callback(b, f->fn, f->index);
    ios_base_callfns(b, 2);                           /* copyfmt_event */
    ios_base_exceptions_set(b, other->except);
    return b;
}

bool8 __cdecl ios_base_sync_with_stdio(bool8 sync)
{
    struct lockit lk;
    bool8 old;
    lockit_ctor_kind(&lk, LOCK_STREAM);
    old = ios_base_sync;
    ios_base_sync = sync;
    lockit_dtor(&lk);
    return old;
}

void __cdecl ios_base_swap(struct ios_base *b, struct ios_base *other)
{
    struct ios_base tmp;
    if (b == other) return;
    tmp = *b;
    b->state = other->state; b->except = other->except; b->fmtfl = other->fmtfl;
    b->prec = other->prec; b->wide = other->wide; b->arr = other->arr; b->calls = other->calls; b->loc = other->loc;
    other->state = tmp.state; other->except = tmp.except; other->fmtfl = tmp.fmtfl;
    other->prec = tmp.prec; other->wide = tmp.wide; other->arr = tmp.arr; other->calls = tmp.calls; other->loc = tmp.loc;
}

/* ios_base::Init: the standard streams are made at process attach */
void *__cdecl ios_base_Init_ctor(void *init) { InterlockedIncrement((LONG *)&ios_base_init_cnt); return init; }
void __cdecl ios_base_Init_dtor(void *init)
{
    (void)init;
    InterlockedDecrement((LONG *)&ios_base_init_cnt);
}
int *__cdecl ios_base_Init_cnt_func(void) { return &ios_base_init_cnt; }

#define CHAR_T char
#define IOS_STRUCT struct basic_ios
#define SB_STRUCT struct streambuf
#define OS_STRUCT struct ostream
#define IOSF(name) basic_ios_##name
#define SBF(name) streambuf_##name
#define WIDEN(c) (c)
#define NARROW(c, dflt) (c)
#include "ios_t.h"
#undef CHAR_T
#undef IOS_STRUCT
#undef SB_STRUCT
#undef OS_STRUCT
#undef IOSF
#undef SBF
#undef WIDEN
#undef NARROW

#define CHAR_T WCHAR
#define IOS_STRUCT struct wbasic_ios
#define SB_STRUCT struct wstreambuf
#define OS_STRUCT struct wostream
#define IOSF(name) wbasic_ios_##name
#define SBF(name) wstreambuf_##name
#define WIDEN(c) ((WCHAR)(unsigned char)(c))
#define NARROW(c, dflt) ((c) < 0x100 ? (char)(c) : (dflt))
#include "ios_t.h"

/* ---- <iomanip>'s _Smanip makers ---- */

struct smanip_int64 { void (__cdecl *fn)(struct ios_base *, __int64); __int64 arg; };
struct smanip_int { void (__cdecl *fn)(struct ios_base *, int); int arg; };

static void __cdecl do_setw(struct ios_base *b, __int64 w) { b->wide = w; }
static void __cdecl do_setprecision(struct ios_base *b, __int64 p) { b->prec = p; }
static void __cdecl do_setiosflags(struct ios_base *b, int f) { ios_base_setf_mask(b, IOS_FMTMASK, f); }
static void __cdecl do_resetiosflags(struct ios_base *b, int f) { ios_base_setf_mask(b, 0, f); }

struct smanip_int64 *__cdecl std_setw(struct smanip_int64 *ret, __int64 w)
{
    ret->fn = do_setw;
    ret->arg = w;
    return ret;
}

struct smanip_int64 *__cdecl std_setprecision(struct smanip_int64 *ret, __int64 p)
{
    ret->fn = do_setprecision;
    ret->arg = p;
    return ret;
}

struct smanip_int *__cdecl std_setiosflags(struct smanip_int *ret, int f)
{
    ret->fn = do_setiosflags;
    ret->arg = f;
    return ret;
}

struct smanip_int *__cdecl std_resetiosflags(struct smanip_int *ret, int f)
{
    ret->fn = do_resetiosflags;
    ret->arg = f;
    return ret;
}

/* ---- _Winit: the wide streams' initialiser, counted like ios_base::Init ---- */

int winit_init_cnt;                                    /* _Winit::_Init_cnt */

void *__cdecl winit_ctor(void *w) { InterlockedIncrement((LONG *)&winit_init_cnt); return w; }
void __cdecl winit_dtor(void *w) { (void)w; InterlockedDecrement((LONG *)&winit_init_cnt); }
void *__cdecl winit_assign(void *w, const void *other) { (void)other; return w; }
