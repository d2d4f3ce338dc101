/*
 * dlls/msvcp140/iostream.h — msvcp140's iostreams for char (and the
 * locale core under them) as MSVC's headers lay them out on x64: what
 * locale.c, streambuf.c, ios.c, ostream.c, istream.c and stdstream.c
 * share. A program built with /MD constructs and reads these objects
 * itself (the headers' inline code), so every field is where MSVC puts it
 * (checked with clang's MSVC layout of tests/msvc/msvcios.h).
 *
 * Calls: members take `this` first; a member returning a class (locale,
 * fpos) by value takes the return slot second; a free or static function
 * returning one larger than 8 bytes takes it first; a class passed by
 * value (fpos) comes as a pointer to the caller's copy. bool is one byte.
 *
 * Streams with a virtual base (basic_ostream, basic_istream): the object
 * starts with its vbtable pointer; vbtable[1] is the offset from there to
 * the basic_ios, before which 4 bytes of vtordisp lie (#pragma
 * vtordisp(2) in MSVC's headers). Virtual functions of ios_base's vtable
 * take `this` at the basic_ios.
 */
#ifndef WLX_MSVCP140_IOSTREAM_H
#define WLX_MSVCP140_IOSTREAM_H

#include "private.h"
#include <ctype.h>
#include <locale.h>
#include <string.h>
#undef __pctype_func

void __cdecl std_Xbad_alloc(void) __attribute__((noreturn));

typedef unsigned char bool8;      /* C++ bool */

/* the C runtime's, as ucrtbase exports them */
FILE *__cdecl __acrt_iob_func(unsigned int index);
const unsigned short *__cdecl __pctype_func(void);
unsigned int __cdecl ___lc_codepage_func(void);
int __cdecl __stdio_common_vsprintf(unsigned __int64 options, char *buf, size_t size, const char *fmt,
                                    void *locale, va_list args);

/* ---- locale (locale.c) ---- */

struct yarn { char *ptr; char nul; };          /* _Yarn<char>: malloc'ed string or NULL */
struct wyarn { WCHAR *ptr; WCHAR nul; };

struct facet                                   /* locale::facet */
{
    const void *const *vtable;                 /* deleting dtor, _Incref, _Decref, then the facet's own */
    LONG refs;
};

struct locimp                                  /* locale::_Locimp */
{
    struct facet base;
    struct facet **facetvec;
    size_t facetcount;
    int catmask;
    bool8 xparent;                             /* transparent: look in the global locale */
    struct yarn name;
};

struct locale { struct locimp *ptr; };
struct locale_id { size_t id; };               /* 0 until first use */

struct lockit { int kind; };
struct lockit *__cdecl lockit_ctor_kind(struct lockit *lk, int kind);
void __cdecl lockit_dtor(struct lockit *lk);
#define LOCK_LOCALE 0
#define LOCK_STREAM 2

struct locinfo                                 /* _Locinfo */
{
    struct lockit lock;
    struct yarn days, months;
    struct wyarn wdays, wmonths;
    struct yarn oldlocname, newlocname;
};

void msvcp_init_locale(void);
struct locimp *__cdecl locale_Init(bool8 incref);
struct locale *locale_copy(struct locale *dst, const struct locale *src);   /* a new reference */
void locale_destroy(struct locale *loc);
struct locale *locale_new_global(void);                                     /* new'ed copy of the global */
void locale_delete(struct locale *loc);

/* ---- streams ---- */

struct fpos { __int64 off; __int64 fpos; unsigned __int64 state; };   /* fpos<_Mbstatet> */

enum
{
    IOS_SKIPWS = 0x1, IOS_UNITBUF = 0x2, IOS_UPPERCASE = 0x4, IOS_SHOWBASE = 0x8, IOS_SHOWPOINT = 0x10,
    IOS_SHOWPOS = 0x20, IOS_LEFT = 0x40, IOS_RIGHT = 0x80, IOS_INTERNAL = 0x100, IOS_DEC = 0x200,
    IOS_OCT = 0x400, IOS_HEX = 0x800, IOS_SCIENTIFIC = 0x1000, IOS_FIXED = 0x2000, IOS_BOOLALPHA = 0x4000,
    IOS_ADJUSTFIELD = 0x1c0, IOS_BASEFIELD = 0xe00, IOS_FLOATFIELD = 0x3000, IOS_FMTMASK = 0xffff
};
enum { IOS_GOOD = 0, IOS_EOF = 1, IOS_FAIL = 2, IOS_BAD = 4, IOS_STATMASK = 0x17 };
enum { IOS_IN = 1, IOS_OUT = 2 };
enum { IOS_BEG, IOS_CUR, IOS_END };
#define CHAR_EOF (-1)

/* basic_streambuf<T>: the same fields for char and wchar_t */
#define STREAMBUF_FIELDS(T) \
    const void *const *vtable; \
    T *gfirst, *pfirst; \
    T **igfirst, **ipfirst; \
    T *gnext, *pnext; \
    T **ignext, **ipnext; \
    int gcount, pcount; \
    int *igcount, *ipcount; \
    struct locale *loc;
struct streambuf { STREAMBUF_FIELDS(char) };          /* basic_streambuf<char> */
struct wstreambuf { STREAMBUF_FIELDS(WCHAR) };        /* basic_streambuf<wchar_t> and <unsigned short> */
#define WCHAR_EOF 0xffff                               /* char_traits<wchar_t>::eof(), WEOF */

/* its vtable's slots */
enum
{
    SB_DTOR, SB_LOCK, SB_UNLOCK, SB_OVERFLOW, SB_PBACKFAIL, SB_SHOWMANYC, SB_UNDERFLOW, SB_UFLOW,
    SB_XSGETN, SB_XSPUTN, SB_SEEKOFF, SB_SEEKPOS, SB_SETBUF, SB_SYNC, SB_IMBUE, SB_SLOTS
};
extern const void *const streambuf_vtable[SB_SLOTS];
extern const void *const wstreambuf_vtable[SB_SLOTS];

struct iosarray { struct iosarray *next; int index; LONG lo; void *vp; };
struct fnarray { struct fnarray *next; int index; void (__cdecl *fn)(int, void *, int); };

struct ios_base
{
    const void *const *vtable;
    size_t stdstr;
    int state, except, fmtfl;
    __int64 prec, wide;
    struct iosarray *arr;
    struct fnarray *calls;
    struct locale *loc;
};

struct ostream;
struct basic_ios                               /* basic_ios<char> */
{
    struct ios_base base;
    struct streambuf *strbuf;
    struct ostream *tie;
    char fill;
};

struct wostream;
struct wbasic_ios                              /* basic_ios<wchar_t> and <unsigned short> */
{
    struct ios_base base;
    struct wstreambuf *strbuf;
    struct wostream *tie;
    WCHAR fill;
};

struct ostream { const int *vbtable; };                   /* then vtordisp, then the basic_ios */
struct wostream { const int *vbtable; };
struct wistream { const int *vbtable; __int64 chcount; };
struct istream { const int *vbtable; __int64 chcount; };

static inline struct basic_ios *ostream_ios(struct ostream *os) { return (struct basic_ios *)((char *)os + os->vbtable[1]); }
static inline struct wbasic_ios *wostream_ios(struct wostream *os) { return (struct wbasic_ios *)((char *)os + os->vbtable[1]); }
static inline struct basic_ios *istream_ios(struct istream *is) { return (struct basic_ios *)((char *)is + is->vbtable[1]); }
static inline struct wbasic_ios *wistream_ios(struct wistream *is) { return (struct wbasic_ios *)((char *)is + is->vbtable[1]); }

/* streambuf.c */
struct streambuf *__cdecl streambuf_ctor(struct streambuf *sb);
void __cdecl streambuf_dtor(struct streambuf *sb);
void streambuf_set_vtable(struct streambuf *sb, const void *const *vtable);
int __cdecl streambuf_sgetc(struct streambuf *sb);
int __cdecl streambuf_sbumpc(struct streambuf *sb);
int __cdecl streambuf_snextc(struct streambuf *sb);
int __cdecl streambuf_sputc(struct streambuf *sb, char c);
__int64 __cdecl streambuf_sputn(struct streambuf *sb, const char *p, __int64 n);
__int64 __cdecl streambuf_sgetn(struct streambuf *sb, char *p, __int64 n);
int __cdecl streambuf_sputbackc(struct streambuf *sb, char c);
int __cdecl streambuf_sungetc(struct streambuf *sb);
int __cdecl streambuf_pubsync(struct streambuf *sb);
__int64 __cdecl streambuf_in_avail(struct streambuf *sb);
struct fpos *__cdecl streambuf_pubseekoff(struct streambuf *sb, struct fpos *ret, __int64 off, int way, int mode);
struct fpos *__cdecl streambuf_pubseekpos(struct streambuf *sb, struct fpos *ret, const struct fpos *pos, int mode);
struct fpos *__cdecl wstreambuf_pubseekoff(struct wstreambuf *sb, struct fpos *ret, __int64 off, int way, int mode);
struct fpos *__cdecl wstreambuf_pubseekpos(struct wstreambuf *sb, struct fpos *ret, const struct fpos *pos, int mode);
struct locale *__cdecl streambuf_pubimbue(struct streambuf *sb, struct locale *ret, const struct locale *loc);
struct locale *__cdecl wstreambuf_pubimbue(struct wstreambuf *sb, struct locale *ret, const struct locale *loc);
void sb_lock(struct streambuf *sb);
void sb_unlock(struct streambuf *sb);
struct wstreambuf *__cdecl wstreambuf_ctor(struct wstreambuf *sb);
void __cdecl wstreambuf_dtor(struct wstreambuf *sb);
unsigned short __cdecl wstreambuf_sputc(struct wstreambuf *sb, WCHAR c);
__int64 __cdecl wstreambuf_sputn(struct wstreambuf *sb, const WCHAR *p, __int64 n);
unsigned short __cdecl wstreambuf_sgetc(struct wstreambuf *sb);
unsigned short __cdecl wstreambuf_sbumpc(struct wstreambuf *sb);
unsigned short __cdecl wstreambuf_snextc(struct wstreambuf *sb);
int __cdecl wstreambuf_pubsync(struct wstreambuf *sb);
void streambuf_lock_vcall(struct streambuf *sb);
void streambuf_unlock_vcall(struct streambuf *sb);
void wstreambuf_lock_vcall(struct wstreambuf *sb);
void wstreambuf_unlock_vcall(struct wstreambuf *sb);

/* ios.c */
void __cdecl ios_base_clear_reraise(struct ios_base *b, int state, bool8 reraise);
void __cdecl basic_ios_setstate(struct basic_ios *ios, int state, bool8 reraise);
void __cdecl basic_ios_clear(struct basic_ios *ios, int state, bool8 reraise);
void __cdecl basic_ios_init(struct basic_ios *ios, struct streambuf *sb, bool8 isstd);
void __cdecl basic_ios_swap(struct basic_ios *ios, struct basic_ios *other);
void __cdecl basic_ios_move(struct basic_ios *ios, struct basic_ios *other);
void __cdecl wbasic_ios_move(struct wbasic_ios *ios, struct wbasic_ios *other);
struct basic_ios *__cdecl basic_ios_ctor_default(struct basic_ios *ios);
void __cdecl basic_ios_dtor(struct basic_ios *ios);
extern const void *const basic_ios_vtable[1];
void __cdecl wbasic_ios_setstate(struct wbasic_ios *ios, int state, bool8 reraise);
void __cdecl wbasic_ios_clear(struct wbasic_ios *ios, int state, bool8 reraise);
void __cdecl wbasic_ios_init(struct wbasic_ios *ios, struct wstreambuf *sb, bool8 isstd);
void __cdecl wbasic_ios_swap(struct wbasic_ios *ios, struct wbasic_ios *other);
struct wbasic_ios *__cdecl wbasic_ios_ctor_default(struct wbasic_ios *ios);
void __cdecl wbasic_ios_dtor(struct wbasic_ios *ios);

/* ostream.c */
struct ostream *__cdecl ostream_flush(struct ostream *os);
struct ostream *__cdecl ostream_ctor(struct ostream *os, struct streambuf *sb, bool8 isstd, int most_derived);
void ostream_vbase_init(struct ostream *os, int vbase_offset);
extern const int ostream_vbtable[2];
extern const void *const ostream_vtable[1];
struct wostream *__cdecl wostream_flush(struct wostream *os);
struct wostream *__cdecl wostream_ctor(struct wostream *os, struct wstreambuf *sb, bool8 isstd, int most_derived);
void wostream_vbase_init(struct wostream *os, int vbase_offset);
extern const int wostream_vbtable[2];
extern const void *const wostream_vtable[1];

/* istream.c */
struct istream *__cdecl istream_ctor(struct istream *is, struct streambuf *sb, bool8 isstd, int most_derived);
extern const int istream_vbtable[2];
extern const void *const istream_vtable[1];
struct wistream *__cdecl wistream_ctor(struct wistream *is, struct wstreambuf *sb, bool8 isstd, int most_derived);
extern const int wistream_vbtable[2];
extern const void *const wistream_vtable[1];
__int64 __cdecl wstreambuf_sgetn(struct wstreambuf *sb, WCHAR *p, __int64 n);
unsigned short __cdecl wstreambuf_sputbackc(struct wstreambuf *sb, WCHAR c);
unsigned short __cdecl wstreambuf_sungetc(struct wstreambuf *sb);
__int64 __cdecl wstreambuf_in_avail(struct wstreambuf *sb);

/* stdstream.c */
void msvcp_init_iostreams(void);
int __cdecl fmt_print(char *buf, size_t size, const char *fmt, ...);

/* numfmt.c */
int msvcp_format_integer(char *buf, size_t size, int flags, __int64 value, BOOL is_unsigned);
int msvcp_format_double(char *buf, size_t size, int flags, __int64 prec, double value);
int msvcp_format_pointer(char *buf, size_t size, const void *p);
size_t msvcp_field_prefix(const char *buf);

#endif /* WLX_MSVCP140_IOSTREAM_H */
