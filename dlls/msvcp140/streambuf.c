/*
 * dlls/msvcp140/streambuf.c — basic_streambuf<char>: the get and put areas
 * reached through their pointers-to-pointers (_IGfirst …, as derived
 * buffers such as basic_filebuf may point them at their own fields), the
 * public members over the virtual ones, and the virtual defaults a derived
 * class of the program inherits (overflow fails, xsputn goes through the
 * put area and overflow, uflow through underflow …).
 *
 * Virtual calls go through the object's own vtable (iostream.h's SB_*
 * slots): the program's derived buffer overrides what it needs.
 */
#include "iostream.h"

#define VCALL(sb, slot, type) ((type)(sb)->vtable[slot])

/* ---- the areas ---- */

char *__cdecl streambuf_eback(const struct streambuf *sb) { return *sb->igfirst; }
char *__cdecl streambuf_gptr(const struct streambuf *sb) { return *sb->ignext; }
char *__cdecl streambuf_egptr(const struct streambuf *sb) { return *sb->ignext + *sb->igcount; }
char *__cdecl streambuf_pbase(const struct streambuf *sb) { return *sb->ipfirst; }
char *__cdecl streambuf_pptr(const struct streambuf *sb) { return *sb->ipnext; }
char *__cdecl streambuf_epptr(const struct streambuf *sb) { return *sb->ipnext + *sb->ipcount; }

void __cdecl streambuf_gbump(struct streambuf *sb, int off)
{
    *sb->igcount -= off;
    *sb->ignext += off;
}

void __cdecl streambuf_pbump(struct streambuf *sb, int off)
{
    *sb->ipcount -= off;
    *sb->ipnext += off;
}

void __cdecl streambuf_setg(struct streambuf *sb, char *first, char *next, char *last)
{
    *sb->igfirst = first;
    *sb->ignext = next;
    *sb->igcount = (int)(last - next);
}

void __cdecl streambuf_setp(struct streambuf *sb, char *first, char *last)
{
    *sb->ipfirst = first;
    *sb->ipnext = first;
    *sb->ipcount = (int)(last - first);
}

void __cdecl streambuf_setp_next(struct streambuf *sb, char *first, char *next, char *last)
{
    *sb->ipfirst = first;
    *sb->ipnext = next;
    *sb->ipcount = (int)(last - next);
}

__int64 __cdecl streambuf_Gnavail(const struct streambuf *sb) { return *sb->ignext ? *sb->igcount : 0; }
__int64 __cdecl streambuf_Pnavail(const struct streambuf *sb) { return *sb->ipnext ? *sb->ipcount : 0; }

char *__cdecl streambuf_Gndec(struct streambuf *sb) { ++*sb->igcount; return --*sb->ignext; }
char *__cdecl streambuf_Gninc(struct streambuf *sb) { --*sb->igcount; return (*sb->ignext)++; }
char *__cdecl streambuf_Gnpreinc(struct streambuf *sb) { --*sb->igcount; return ++*sb->ignext; }
char *__cdecl streambuf_Pninc(struct streambuf *sb) { --*sb->ipcount; return (*sb->ipnext)++; }

/* _Init(): the pointers at the object's own fields, both areas empty */
void __cdecl streambuf_Init_empty(struct streambuf *sb)
{
    sb->igfirst = &sb->gfirst;
    sb->ipfirst = &sb->pfirst;
    sb->ignext = &sb->gnext;
    sb->ipnext = &sb->pnext;
    sb->igcount = &sb->gcount;
    sb->ipcount = &sb->pcount;
    streambuf_setp(sb, NULL, NULL);
    streambuf_setg(sb, NULL, NULL, NULL);
}

/* _Init(gfirst, gnext, gcount, pfirst, pnext, pcount): pointers elsewhere */
void __cdecl streambuf_Init(struct streambuf *sb, char **gf, char **gn, int *gc, char **pf, char **pn, int *pc)
{
    sb->igfirst = gf;
    sb->ipfirst = pf;
    sb->ignext = gn;
    sb->ipnext = pn;
    sb->igcount = gc;
    sb->ipcount = pc;
}

/* ---- construction ---- */

void streambuf_set_vtable(struct streambuf *sb, const void *const *vtable)
{
    sb->vtable = vtable;
}

struct streambuf *__cdecl streambuf_ctor(struct streambuf *sb)
{
    sb->vtable = streambuf_vtable;
    sb->loc = locale_new_global();
    streambuf_Init_empty(sb);
    return sb;
}

/* basic_streambuf(_Uninitialized) */
struct streambuf *__cdecl streambuf_ctor_uninitialized(struct streambuf *sb, int unused)
{
    (void)unused;
    sb->vtable = streambuf_vtable;
    return sb;
}

struct streambuf *__cdecl streambuf_copy_ctor(struct streambuf *sb, const struct streambuf *other)
{
    sb->vtable = streambuf_vtable;
    sb->loc = malloc(sizeof(*sb->loc));
    if (!sb->loc) std_Xbad_alloc();
    locale_copy(sb->loc, other->loc);
    streambuf_Init_empty(sb);
    streambuf_setp_next(sb, streambuf_pbase(other), streambuf_pptr(other), streambuf_epptr(other));
    streambuf_setg(sb, streambuf_eback(other), streambuf_gptr(other), streambuf_egptr(other));
    return sb;
}

void __cdecl streambuf_dtor(struct streambuf *sb)
{
    sb->vtable = streambuf_vtable;
    locale_delete(sb->loc);
    sb->loc = NULL;
}

static void *__cdecl streambuf_deleting_dtor(struct streambuf *sb, unsigned int flags)
{
    streambuf_dtor(sb);
    if (flags & 1) free(sb);
    return sb;
}

/* ---- the virtual defaults ---- */

void __cdecl streambuf_Lock(struct streambuf *sb) { (void)sb; }
void __cdecl streambuf_Unlock(struct streambuf *sb) { (void)sb; }
int __cdecl streambuf_overflow(struct streambuf *sb, int c) { (void)sb; (void)c; return CHAR_EOF; }
int __cdecl streambuf_pbackfail(struct streambuf *sb, int c) { (void)sb; (void)c; return CHAR_EOF; }
__int64 __cdecl streambuf_showmanyc(struct streambuf *sb) { (void)sb; return 0; }
int __cdecl streambuf_underflow(struct streambuf *sb) { (void)sb; return CHAR_EOF; }

int __cdecl streambuf_uflow(struct streambuf *sb)
{
    if (VCALL(sb, SB_UNDERFLOW, int (__cdecl *)(struct streambuf *))(sb) == CHAR_EOF) return CHAR_EOF;
    return (unsigned char)*streambuf_Gninc(sb);
}

__int64 __cdecl streambuf_xsgetn(struct streambuf *sb, char *ptr, __int64 count)
{
    __int64 start = count;
    while (count > 0)
    {
        __int64 size = streambuf_Gnavail(sb);
        if (size > 0)
        {
            if (size > count) size = count;
            memcpy(ptr, streambuf_gptr(sb), size);
            ptr += size;
            count -= size;
            streambuf_gbump(sb, (int)size);
        }
        else
        {
            int c = VCALL(sb, SB_UFLOW, int (__cdecl *)(struct streambuf *))(sb);
            if (c == CHAR_EOF) break;
            *ptr++ = (char)c;
            count--;
        }
    }
    return start - count;
}

__int64 __cdecl streambuf_xsputn(struct streambuf *sb, const char *ptr, __int64 count)
{
    __int64 start = count;
    while (count > 0)
    {
        __int64 size = streambuf_Pnavail(sb);
        if (size > 0)
        {
            if (size > count) size = count;
            memcpy(streambuf_pptr(sb), ptr, size);
            ptr += size;
            count -= size;
            streambuf_pbump(sb, (int)size);
        }
        else if (VCALL(sb, SB_OVERFLOW, int (__cdecl *)(struct streambuf *, int))(sb, (unsigned char)*ptr) == CHAR_EOF)
            break;
        else
        {
            ptr++;
            count--;
        }
    }
    return start - count;
}

struct fpos *__cdecl streambuf_seekoff(struct streambuf *sb, struct fpos *ret, __int64 off, int way, int mode)
{
    (void)sb; (void)off; (void)way; (void)mode;
    ret->off = -1;
    ret->fpos = 0;
    ret->state = 0;
    return ret;
}

struct fpos *__cdecl streambuf_seekpos(struct streambuf *sb, struct fpos *ret, const struct fpos *pos, int mode)
{
    (void)pos;
    return streambuf_seekoff(sb, ret, 0, 0, mode);
}

struct streambuf *__cdecl streambuf_setbuf(struct streambuf *sb, char *buf, __int64 count)
{
    (void)buf; (void)count;
    return sb;
}

int __cdecl streambuf_sync(struct streambuf *sb) { (void)sb; return 0; }
void __cdecl streambuf_imbue(struct streambuf *sb, const struct locale *loc) { (void)sb; (void)loc; }

const void *const streambuf_vtable[SB_SLOTS] =
{
    streambuf_deleting_dtor, streambuf_Lock, streambuf_Unlock, streambuf_overflow, streambuf_pbackfail,
    streambuf_showmanyc, streambuf_underflow, streambuf_uflow, streambuf_xsgetn, streambuf_xsputn,
    streambuf_seekoff, streambuf_seekpos, streambuf_setbuf, streambuf_sync, streambuf_imbue,
};

/* ---- the public members ---- */

void sb_lock(struct streambuf *sb) { VCALL(sb, SB_LOCK, void (__cdecl *)(struct streambuf *))(sb); }
void sb_unlock(struct streambuf *sb) { VCALL(sb, SB_UNLOCK, void (__cdecl *)(struct streambuf *))(sb); }

int __cdecl streambuf_sgetc(struct streambuf *sb)
{
    if (streambuf_Gnavail(sb) > 0) return (unsigned char)*streambuf_gptr(sb);
    return VCALL(sb, SB_UNDERFLOW, int (__cdecl *)(struct streambuf *))(sb);
}

int __cdecl streambuf_sbumpc(struct streambuf *sb)
{
    if (streambuf_Gnavail(sb) > 0) return (unsigned char)*streambuf_Gninc(sb);
    return VCALL(sb, SB_UFLOW, int (__cdecl *)(struct streambuf *))(sb);
}

int __cdecl streambuf_snextc(struct streambuf *sb)
{
    if (streambuf_Gnavail(sb) > 1) return (unsigned char)*streambuf_Gnpreinc(sb);
    if (streambuf_sbumpc(sb) == CHAR_EOF) return CHAR_EOF;
    return streambuf_sgetc(sb);
}

__int64 __cdecl streambuf_sgetn(struct streambuf *sb, char *ptr, __int64 count)
{
    return VCALL(sb, SB_XSGETN, __int64 (__cdecl *)(struct streambuf *, char *, __int64))(sb, ptr, count);
}

int __cdecl streambuf_sputbackc(struct streambuf *sb, char c)
{
    char *g = streambuf_gptr(sb);
    if (g && streambuf_eback(sb) < g && g[-1] == c) return (unsigned char)*streambuf_Gndec(sb);
    return VCALL(sb, SB_PBACKFAIL, int (__cdecl *)(struct streambuf *, int))(sb, (unsigned char)c);
}

int __cdecl streambuf_sungetc(struct streambuf *sb)
{
    char *g = streambuf_gptr(sb);
    if (g && streambuf_eback(sb) < g) return (unsigned char)*streambuf_Gndec(sb);
    return VCALL(sb, SB_PBACKFAIL, int (__cdecl *)(struct streambuf *, int))(sb, CHAR_EOF);
}

void __cdecl streambuf_stossc(struct streambuf *sb)
{
    if (streambuf_Gnavail(sb) > 0) streambuf_Gninc(sb);
    else VCALL(sb, SB_UFLOW, int (__cdecl *)(struct streambuf *))(sb);
}

int __cdecl streambuf_sputc(struct streambuf *sb, char c)
{
    if (streambuf_Pnavail(sb) > 0) return (unsigned char)(*streambuf_Pninc(sb) = c);
    return VCALL(sb, SB_OVERFLOW, int (__cdecl *)(struct streambuf *, int))(sb, (unsigned char)c);
}

__int64 __cdecl streambuf_sputn(struct streambuf *sb, const char *ptr, __int64 count)
{
    return VCALL(sb, SB_XSPUTN, __int64 (__cdecl *)(struct streambuf *, const char *, __int64))(sb, ptr, count);
}

__int64 __cdecl streambuf_in_avail(struct streambuf *sb)
{
    __int64 n = streambuf_Gnavail(sb);
    return n > 0 ? n : VCALL(sb, SB_SHOWMANYC, __int64 (__cdecl *)(struct streambuf *))(sb);
}

int __cdecl streambuf_pubsync(struct streambuf *sb)
{
    return VCALL(sb, SB_SYNC, int (__cdecl *)(struct streambuf *))(sb);
}

struct fpos *__cdecl streambuf_pubseekoff(struct streambuf *sb, struct fpos *ret, __int64 off, int way, int mode)
{
    return VCALL(sb, SB_SEEKOFF, struct fpos *(__cdecl *)(struct streambuf *, struct fpos *, __int64, int, int))(sb, ret, off, way, mode);
}

struct fpos *__cdecl streambuf_pubseekpos(struct streambuf *sb, struct fpos *ret, const struct fpos *pos, int mode)
{
    struct fpos copy = *pos;
    return VCALL(sb, SB_SEEKPOS, struct fpos *(__cdecl *)(struct streambuf *, struct fpos *, const struct fpos *, int))(sb, ret, &copy, mode);
}

struct streambuf *__cdecl streambuf_pubsetbuf(struct streambuf *sb, char *buf, __int64 count)
{
    return VCALL(sb, SB_SETBUF, struct streambuf *(__cdecl *)(struct streambuf *, char *, __int64))(sb, buf, count);
}

struct locale *__cdecl streambuf_getloc(const struct streambuf *sb, struct locale *ret)
{
    return locale_copy(ret, sb->loc);
}

/* pubimbue: imbue told first, the old locale returned */
struct locale *__cdecl streambuf_pubimbue(struct streambuf *sb, struct locale *ret, const struct locale *loc)
{
    locale_copy(ret, sb->loc);
    VCALL(sb, SB_IMBUE, void (__cdecl *)(struct streambuf *, const struct locale *))(sb, loc);
    locale_destroy(sb->loc);
    locale_copy(sb->loc, loc);
    return ret;
}

struct streambuf *__cdecl streambuf_assign(struct streambuf *sb, const struct streambuf *other)
{
    struct locale old;
    if (sb == other) return sb;
    streambuf_setp_next(sb, streambuf_pbase(other), streambuf_pptr(other), streambuf_epptr(other));
    streambuf_setg(sb, streambuf_eback(other), streambuf_gptr(other), streambuf_egptr(other));
    streambuf_pubimbue(sb, &old, other->loc);
    locale_destroy(&old);
    return sb;
}

void __cdecl streambuf_swap(struct streambuf *sb, struct streambuf *other)
{
    char *pf = streambuf_pbase(sb), *pn = streambuf_pptr(sb), *pe = streambuf_epptr(sb);
    char *gf = streambuf_eback(sb), *gn = streambuf_gptr(sb), *ge = streambuf_egptr(sb);
    struct locale *loc = sb->loc;
    if (sb == other) return;
    streambuf_setp_next(sb, streambuf_pbase(other), streambuf_pptr(other), streambuf_epptr(other));
    streambuf_setp_next(other, pf, pn, pe);
    streambuf_setg(sb, streambuf_eback(other), streambuf_gptr(other), streambuf_egptr(other));
    streambuf_setg(other, gf, gn, ge);
    sb->loc = other->loc;
    other->loc = loc;
}
