/*
 * dlls/msvcp140/streambuf_t.h — the body of basic_streambuf, included by
 * streambuf.c once per character type (char, and wchar_t whose functions
 * serve unsigned short's exports too, the same on x64). The includer
 * defines CHAR_T, INT_T (char_traits' int_type: int, unsigned short),
 * EOF_T (its eof()), TO_INT(a character to INT_T), SB_STRUCT and SBF(name)
 * (a function's name for this type).
 */

/* ---- the areas ---- */

CHAR_T *__cdecl SBF(eback)(const SB_STRUCT *sb) { return *sb->igfirst; }
CHAR_T *__cdecl SBF(gptr)(const SB_STRUCT *sb) { return *sb->ignext; }
CHAR_T *__cdecl SBF(egptr)(const SB_STRUCT *sb) { return *sb->ignext + *sb->igcount; }
CHAR_T *__cdecl SBF(pbase)(const SB_STRUCT *sb) { return *sb->ipfirst; }
CHAR_T *__cdecl SBF(pptr)(const SB_STRUCT *sb) { return *sb->ipnext; }
CHAR_T *__cdecl SBF(epptr)(const SB_STRUCT *sb) { return *sb->ipnext + *sb->ipcount; }

void __cdecl SBF(gbump)(SB_STRUCT *sb, int off)
{
    *sb->igcount -= off;
    *sb->ignext += off;
}

void __cdecl SBF(pbump)(SB_STRUCT *sb, int off)
{
    *sb->ipcount -= off;
    *sb->ipnext += off;
}

void __cdecl SBF(setg)(SB_STRUCT *sb, CHAR_T *first, CHAR_T *next, CHAR_T *last)
{
    *sb->igfirst = first;
    *sb->ignext = next;
    *sb->igcount = (int)(last - next);
}

void __cdecl SBF(setp)(SB_STRUCT *sb, CHAR_T *first, CHAR_T *last)
{
    *sb->ipfirst = first;
    *sb->ipnext = first;
    *sb->ipcount = (int)(last - first);
}

void __cdecl SBF(setp_next)(SB_STRUCT *sb, CHAR_T *first, CHAR_T *next, CHAR_T *last)
{
    *sb->ipfirst = first;
    *sb->ipnext = next;
    *sb->ipcount = (int)(last - next);
}

__int64 __cdecl SBF(Gnavail)(const SB_STRUCT *sb) { return *sb->ignext ? *sb->igcount : 0; }
__int64 __cdecl SBF(Pnavail)(const SB_STRUCT *sb) { return *sb->ipnext ? *sb->ipcount : 0; }

CHAR_T *__cdecl SBF(Gndec)(SB_STRUCT *sb) { ++*sb->igcount; return --*sb->ignext; }
CHAR_T *__cdecl SBF(Gninc)(SB_STRUCT *sb) { --*sb->igcount; return (*sb->ignext)++; }
CHAR_T *__cdecl SBF(Gnpreinc)(SB_STRUCT *sb) { --*sb->igcount; return ++*sb->ignext; }
CHAR_T *__cdecl SBF(Pninc)(SB_STRUCT *sb) { --*sb->ipcount; return (*sb->ipnext)++; }

/* _Init(): the pointers at the object's own fields, both areas empty */
void __cdecl SBF(Init_empty)(SB_STRUCT *sb)
{
    sb->igfirst = &sb->gfirst;
    sb->ipfirst = &sb->pfirst;
    sb->ignext = &sb->gnext;
    sb->ipnext = &sb->pnext;
    sb->igcount = &sb->gcount;
    sb->ipcount = &sb->pcount;
    SBF(setp)(sb, NULL, NULL);
    SBF(setg)(sb, NULL, NULL, NULL);
}

/* _Init(gfirst, gnext, gcount, pfirst, pnext, pcount): pointers elsewhere */
void __cdecl SBF(Init)(SB_STRUCT *sb, CHAR_T **gf, CHAR_T **gn, int *gc, CHAR_T **pf, CHAR_T **pn, int *pc)
{
    sb->igfirst = gf;
    sb->ipfirst = pf;
    sb->ignext = gn;
    sb->ipnext = pn;
    sb->igcount = gc;
    sb->ipcount = pc;
}

/* ---- construction ---- */

void SBF(set_vtable)(SB_STRUCT *sb, const void *const *vtable)
{
    sb->vtable = vtable;
}

SB_STRUCT *__cdecl SBF(ctor)(SB_STRUCT *sb)
{
    sb->vtable = SBF(vtable);
    sb->loc = locale_new_global();
    SBF(Init_empty)(sb);
    return sb;
}

/* basic_streambuf(_Uninitialized) */
SB_STRUCT *__cdecl SBF(ctor_uninitialized)(SB_STRUCT *sb, int unused)
{
    (void)unused;
    sb->vtable = SBF(vtable);
    return sb;
}

SB_STRUCT *__cdecl SBF(copy_ctor)(SB_STRUCT *sb, const SB_STRUCT *other)
{
    sb->vtable = SBF(vtable);
    sb->loc = malloc(sizeof(*sb->loc));
    if (!sb->loc) std_Xbad_alloc();
    locale_copy(sb->loc, other->loc);
    SBF(Init_empty)(sb);
    SBF(setp_next)(sb, SBF(pbase)(other), SBF(pptr)(other), SBF(epptr)(other));
    SBF(setg)(sb, SBF(eback)(other), SBF(gptr)(other), SBF(egptr)(other));
    return sb;
}

void __cdecl SBF(dtor)(SB_STRUCT *sb)
{
    sb->vtable = SBF(vtable);
    locale_delete(sb->loc);
    sb->loc = NULL;
}

static void *__cdecl SBF(deleting_dtor)(SB_STRUCT *sb, unsigned int flags)
{
    SBF(dtor)(sb);
    if (flags & 1) free(sb);
    return sb;
}

/* ---- the virtual defaults ---- */

void __cdecl SBF(Lock)(SB_STRUCT *sb) { (void)sb; }
void __cdecl SBF(Unlock)(SB_STRUCT *sb) { (void)sb; }
INT_T __cdecl SBF(overflow)(SB_STRUCT *sb, INT_T c) { (void)sb; (void)c; return EOF_T; }
INT_T __cdecl SBF(pbackfail)(SB_STRUCT *sb, INT_T c) { (void)sb; (void)c; return EOF_T; }
__int64 __cdecl SBF(showmanyc)(SB_STRUCT *sb) { (void)sb; return 0; }
INT_T __cdecl SBF(underflow)(SB_STRUCT *sb) { (void)sb; return EOF_T; }

INT_T __cdecl SBF(uflow)(SB_STRUCT *sb)
{
    if (VCALL(sb, SB_UNDERFLOW, INT_T (__cdecl *)(SB_STRUCT *))(sb) == EOF_T) return EOF_T;
    return TO_INT *SBF(Gninc)(sb);
}

__int64 __cdecl SBF(xsgetn)(SB_STRUCT *sb, CHAR_T *ptr, __int64 count)
{
    __int64 start = count;
    while (count > 0)
    {
        __int64 size = SBF(Gnavail)(sb);
        if (size > 0)
        {
            if (size > count) size = count;
            memcpy(ptr, SBF(gptr)(sb), size * sizeof(CHAR_T));
            ptr += size;
            count -= size;
            SBF(gbump)(sb, (int)size);
        }
        else
        {
            INT_T c = VCALL(sb, SB_UFLOW, INT_T (__cdecl *)(SB_STRUCT *))(sb);
            if (c == EOF_T) break;
            *ptr++ = (CHAR_T)c;
            count--;
        }
    }
    return start - count;
}

__int64 __cdecl SBF(xsputn)(SB_STRUCT *sb, const CHAR_T *ptr, __int64 count)
{
    __int64 start = count;
    while (count > 0)
    {
        __int64 size = SBF(Pnavail)(sb);
        if (size > 0)
        {
            if (size > count) size = count;
            memcpy(SBF(pptr)(sb), ptr, size * sizeof(CHAR_T));
            ptr += size;
            count -= size;
            SBF(pbump)(sb, (int)size);
        }
        else if (VCALL(sb, SB_OVERFLOW, INT_T (__cdecl *)(SB_STRUCT *, INT_T))(sb, TO_INT *ptr) == EOF_T)
            break;
        else
        {
            ptr++;
            count--;
        }
    }
    return start - count;
}

struct fpos *__cdecl SBF(seekoff)(SB_STRUCT *sb, struct fpos *ret, __int64 off, int way, int mode)
{
    (void)sb; (void)off; (void)way; (void)mode;
    ret->off = -1;
    ret->fpos = 0;
    ret->state = 0;
    return ret;
}

struct fpos *__cdecl SBF(seekpos)(SB_STRUCT *sb, struct fpos *ret, const struct fpos *pos, int mode)
{
    (void)pos;
    return SBF(seekoff)(sb, ret, 0, 0, mode);
}

SB_STRUCT *__cdecl SBF(setbuf)(SB_STRUCT *sb, CHAR_T *buf, __int64 count)
{
    (void)buf; (void)count;
    return sb;
}

int __cdecl SBF(sync)(SB_STRUCT *sb) { (void)sb; return 0; }
void __cdecl SBF(imbue)(SB_STRUCT *sb, const struct locale *loc) { (void)sb; (void)loc; }

const void *const SBF(vtable)[SB_SLOTS] =
{
    SBF(deleting_dtor), SBF(Lock), SBF(Unlock), SBF(overflow), SBF(pbackfail),
    SBF(showmanyc), SBF(underflow), SBF(uflow), SBF(xsgetn), SBF(xsputn),
    SBF(seekoff), SBF(seekpos), SBF(setbuf), SBF(sync), SBF(imbue),
};

/* ---- the public members ---- */

void SBF(lock_vcall)(SB_STRUCT *sb) { VCALL(sb, SB_LOCK, void (__cdecl *)(SB_STRUCT *))(sb); }
void SBF(unlock_vcall)(SB_STRUCT *sb) { VCALL(sb, SB_UNLOCK, void (__cdecl *)(SB_STRUCT *))(sb); }

INT_T __cdecl SBF(sgetc)(SB_STRUCT *sb)
{
    if (SBF(Gnavail)(sb) > 0) return TO_INT *SBF(gptr)(sb);
    return VCALL(sb, SB_UNDERFLOW, INT_T (__cdecl *)(SB_STRUCT *))(sb);
}

INT_T __cdecl SBF(sbumpc)(SB_STRUCT *sb)
{
    if (SBF(Gnavail)(sb) > 0) return TO_INT *SBF(Gninc)(sb);
    return VCALL(sb, SB_UFLOW, INT_T (__cdecl *)(SB_STRUCT *))(sb);
}

INT_T __cdecl SBF(snextc)(SB_STRUCT *sb)
{
    if (SBF(Gnavail)(sb) > 1) return TO_INT *SBF(Gnpreinc)(sb);
    if (SBF(sbumpc)(sb) == EOF_T) return EOF_T;
    return SBF(sgetc)(sb);
}

__int64 __cdecl SBF(sgetn)(SB_STRUCT *sb, CHAR_T *ptr, __int64 count)
{
    return VCALL(sb, SB_XSGETN, __int64 (__cdecl *)(SB_STRUCT *, CHAR_T *, __int64))(sb, ptr, count);
}

INT_T __cdecl SBF(sputbackc)(SB_STRUCT *sb, CHAR_T c)
{
    CHAR_T *g = SBF(gptr)(sb);
    if (g && SBF(eback)(sb) < g && g[-1] == c) return TO_INT *SBF(Gndec)(sb);
    return VCALL(sb, SB_PBACKFAIL, INT_T (__cdecl *)(SB_STRUCT *, INT_T))(sb, TO_INT c);
}

INT_T __cdecl SBF(sungetc)(SB_STRUCT *sb)
{
    CHAR_T *g = SBF(gptr)(sb);
    if (g && SBF(eback)(sb) < g) return TO_INT *SBF(Gndec)(sb);
    return VCALL(sb, SB_PBACKFAIL, INT_T (__cdecl *)(SB_STRUCT *, INT_T))(sb, EOF_T);
}

void __cdecl SBF(stossc)(SB_STRUCT *sb)
{
    if (SBF(Gnavail)(sb) > 0) SBF(Gninc)(sb);
    else VCALL(sb, SB_UFLOW, INT_T (__cdecl *)(SB_STRUCT *))(sb);
}

INT_T __cdecl SBF(sputc)(SB_STRUCT *sb, CHAR_T c)
{
    if (SBF(Pnavail)(sb) > 0) return TO_INT (*SBF(Pninc)(sb) = c);
    return VCALL(sb, SB_OVERFLOW, INT_T (__cdecl *)(SB_STRUCT *, INT_T))(sb, TO_INT c);
}

__int64 __cdecl SBF(sputn)(SB_STRUCT *sb, const CHAR_T *ptr, __int64 count)
{
    return VCALL(sb, SB_XSPUTN, __int64 (__cdecl *)(SB_STRUCT *, const CHAR_T *, __int64))(sb, ptr, count);
}

__int64 __cdecl SBF(in_avail)(SB_STRUCT *sb)
{
    __int64 n = SBF(Gnavail)(sb);
    return n > 0 ? n : VCALL(sb, SB_SHOWMANYC, __int64 (__cdecl *)(SB_STRUCT *))(sb);
}

int __cdecl SBF(pubsync)(SB_STRUCT *sb)
{
    return VCALL(sb, SB_SYNC, INT_T (__cdecl *)(SB_STRUCT *))(sb);
}

struct fpos *__cdecl SBF(pubseekoff)(SB_STRUCT *sb, struct fpos *ret, __int64 off, int way, int mode)
{
    return VCALL(sb, SB_SEEKOFF, struct fpos *(__cdecl *)(SB_STRUCT *, struct fpos *, __int64, int, int))(sb, ret, off, way, mode);
}

struct fpos *__cdecl SBF(pubseekpos)(SB_STRUCT *sb, struct fpos *ret, const struct fpos *pos, int mode)
{
    struct fpos copy = *pos;
    return VCALL(sb, SB_SEEKPOS, struct fpos *(__cdecl *)(SB_STRUCT *, struct fpos *, const struct fpos *, int))(sb, ret, &copy, mode);
}

SB_STRUCT *__cdecl SBF(pubsetbuf)(SB_STRUCT *sb, CHAR_T *buf, __int64 count)
{
    return VCALL(sb, SB_SETBUF, SB_STRUCT *(__cdecl *)(SB_STRUCT *, CHAR_T *, __int64))(sb, buf, count);
}

struct locale *__cdecl SBF(getloc)(const SB_STRUCT *sb, struct locale *ret)
{
    return locale_copy(ret, sb->loc);
}

/* pubimbue: imbue told first, the old locale returned */
struct locale *__cdecl SBF(pubimbue)(SB_STRUCT *sb, struct locale *ret, const struct locale *loc)
{
    locale_copy(ret, sb->loc);
    VCALL(sb, SB_IMBUE, void (__cdecl *)(SB_STRUCT *, const struct locale *))(sb, loc);
    locale_destroy(sb->loc);
    locale_copy(sb->loc, loc);
    return ret;
}

SB_STRUCT *__cdecl SBF(assign)(SB_STRUCT *sb, const SB_STRUCT *other)
{
    struct locale old;
    if (sb == other) return sb;
    SBF(setp_next)(sb, SBF(pbase)(other), SBF(pptr)(other), SBF(epptr)(other));
    SBF(setg)(sb, SBF(eback)(other), SBF(gptr)(other), SBF(egptr)(other));
    SBF(pubimbue)(sb, &old, other->loc);
    locale_destroy(&old);
    return sb;
}

void __cdecl SBF(swap)(SB_STRUCT *sb, SB_STRUCT *other)
{
    CHAR_T *pf = SBF(pbase)(sb), *pn = SBF(pptr)(sb), *pe = SBF(epptr)(sb);
    CHAR_T *gf = SBF(eback)(sb), *gn = SBF(gptr)(sb), *ge = SBF(egptr)(sb);
    struct locale *loc = sb->loc;
    if (sb == other) return;
    SBF(setp_next)(sb, SBF(pbase)(other), SBF(pptr)(other), SBF(epptr)(other));
    SBF(setp_next)(other, pf, pn, pe);
    SBF(setg)(sb, SBF(eback)(other), SBF(gptr)(other), SBF(egptr)(other));
    SBF(setg)(other, gf, gn, ge);
    sb->loc = other->loc;
    other->loc = loc;
}
