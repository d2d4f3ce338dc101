/*
 * scanf.c — the scanf engine (narrow and wide, msvcrt and ucrtbase rules,
 * the *_s buffer sizes) reading through a get/unget pair, and the string
 * entry points: sscanf, _snscanf, swscanf, _snwscanf, their _s/_l forms
 * and ucrtbase's __stdio_common_vsscanf/__stdio_common_vswscanf. FILE
 * sources (fscanf, scanf…) are in stdio.c, which calls msvcrt_scan().
 *
 * Sections: input; conversion specs; integers; floating point; strings,
 * characters and scansets; the engine loop; entry points.
 */
#include "format.h"

#define EINVAL 22
#define SCAN_BUF 1100     /* longest floating-point field kept */

/* ---- input ------------------------------------------------------------ */

struct in
{
    msvcrt_getc get;
    msvcrt_ungetc unget;
    void *ctx;
    int count;         /* units consumed, for %n */
    int eof;           /* the source ran dry */
};

static int in_get(struct in *in)
{
    int c = in->get(in->ctx);
    if (c < 0) { in->eof = 1; return -1; }
    in->count++;
    return c;
}

static void in_unget(struct in *in, int c)
{
    if (c < 0) return;
    in->unget(in->ctx, c);
    in->count--;
}

static int is_space(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static void skip_space(struct in *in)
{
    int c;
    while (is_space(c = in_get(in)));
    in_unget(in, c);
}

/* ---- conversion specifications ----------------------------------------- */

enum size { SZ_NONE, SZ_HH, SZ_H, SZ_L, SZ_LL, SZ_64, SZ_W };

struct spec
{
    int suppress;      /* '*' */
    int width;         /* 0: unlimited */
    enum size size;
    int conv;
};

static inline int fmt_at(const void *fmt, unsigned flags, int i)
{
    return flags & MSVCRT_FMT_WIDE_FMT ? ((const msvcrt_wchar *)fmt)[i]
                                       : ((const unsigned char *)fmt)[i];
}

static int parse_spec(const void *fmt, unsigned flags, int i, struct spec *sp)
{
    int c;
    sp->suppress = sp->width = 0;
    sp->size = SZ_NONE;
    if (fmt_at(fmt, flags, i) == '*') { sp->suppress = 1; i++; }
    for (; (c = fmt_at(fmt, flags, i)) >= '0' && c <= '9'; i++) sp->width = sp->width * 10 + c - '0';
    for (;; i++)
    {
        c = fmt_at(fmt, flags, i);
        if (c == 'h')
            /* msvcrt reads "hh" as no size at all; ucrtbase as char */
            sp->size = sp->size != SZ_H ? SZ_H : (flags & MSVCRT_FMT_UCRT) ? SZ_HH : SZ_NONE;
        else if (c == 'l')
            sp->size = sp->size == SZ_L ? SZ_LL : SZ_L;
        else if (c == 'L' || c == 'j' || c == 'z' || c == 't') sp->size = c == 'L' ? SZ_L : SZ_64;
        else if (c == 'w') sp->size = SZ_W;
        else if (c == 'I' && fmt_at(fmt, flags, i + 1) == '6' && fmt_at(fmt, flags, i + 2) == '4')
        { sp->size = SZ_64; i += 2; }
        else if (c == 'I' && fmt_at(fmt, flags, i + 1) == '3' && fmt_at(fmt, flags, i + 2) == '2')
        { sp->size = SZ_NONE; i += 2; }
        else if (c == 'I') sp->size = SZ_64;
        else break;
    }
    sp->conv = c;
    return i;
}

/* Reads the next unit if the field width allows it. */
static int field_get(struct in *in, int *left)
{
    if (!*left) return -1;
    (*left)--;
    return in_get(in);
}

/* ---- integers --------------------------------------------------------- */

static int digit_of(int c, int base)
{
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10
          : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
    return d < base ? d : -1;
}

/* Returns 1 and the value (wrapping on overflow, as msvcrt does), or 0
 * on a matching failure. */
static int scan_integer(struct in *in, const struct spec *sp, UINT64 *value)
{
    int left = sp->width ? sp->width : -1, base, c, neg = 0, digits = 0, d;
    UINT64 v = 0;

    base = sp->conv == 'o' ? 8 : sp->conv == 'x' || sp->conv == 'X' || sp->conv == 'p' ? 16
         : sp->conv == 'i' ? 0 : 10;
    c = field_get(in, &left);
    if (c == '+' || c == '-') { neg = c == '-'; c = field_get(in, &left); }
    /* %p takes plain hex digits, no 0x */
    if (c == '0' && (base == 0 || (base == 16 && sp->conv != 'p')))
    {
        digits = 1;
        c = field_get(in, &left);
        /* after "0x" a hex digit must follow */
        if (c == 'x' || c == 'X') { base = 16; digits = 0; c = field_get(in, &left); }
        else if (base == 0) base = 8;
    }
    if (!base) base = 10;
    for (; c >= 0 && (d = digit_of(c, base)) >= 0; c = field_get(in, &left), digits++)
        v = v * base + d;
    in_unget(in, c);
    if (!digits) return 0;
    *value = neg ? -v : v;
    return 1;
}

static void store_integer(void *p, const struct spec *sp, UINT64 v)
{
    if (sp->conv == 'p') { *(void **)p = (void *)(ULONG_PTR)v; return; }
    switch (sp->size)
    {
    case SZ_HH: *(char *)p = (char)v; break;
    case SZ_H: *(short *)p = (short)v; break;
    case SZ_LL: case SZ_64: *(UINT64 *)p = v; break;
    default: *(int *)p = (int)v; break;
    }
}

/* ---- floating point --------------------------------------------------- */

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Appends c to buf if it is the next character of word (case-insensitive). */
static int take_word(struct in *in, int *left, int c, const char *word, char *buf, int *n)
{
    int i;
    for (i = 0; word[i]; i++)
    {
        if (lower(c) != word[i]) { in_unget(in, c); return 0; }
        buf[(*n)++] = (char)c;
        if (word[i + 1]) c = field_get(in, left);
    }
    return 1;
}

/* Collects the text of a number as strtod reads it, then converts it. */
static int scan_float(struct in *in, const struct spec *sp, unsigned flags, double *value)
{
    char buf[SCAN_BUF + 8];
    int left = sp->width ? sp->width : -1, n = 0, c, digits = 0, hex = 0;
    size_t len;
    int erange;

    c = field_get(in, &left);
    if (c == '+' || c == '-') { buf[n++] = (char)c; c = field_get(in, &left); }
    if ((flags & MSVCRT_FMT_UCRT) && (lower(c) == 'i' || lower(c) == 'n'))
    {
        int is_inf = lower(c) == 'i';
        if (!take_word(in, &left, c, is_inf ? "inf" : "nan", buf, &n)) return 0;
        /* "infinity": once past "inf" an 'i' commits to the long form */
        if (is_inf && lower(c = field_get(in, &left)) == 'i')
        {
            if (!take_word(in, &left, c, "inity", buf, &n)) return 0;
        }
        else if (is_inf) in_unget(in, c);
        buf[n] = 0;
        *value = msvcrt_parse_double(buf, 0, 1, &len, &erange);
        return 1;
    }
    if ((flags & MSVCRT_FMT_UCRT) && c == '0')
    {
        buf[n++] = '0';
        digits = 1;
        c = field_get(in, &left);
        /* after "0x" a hex digit must follow (ucrtbase fails the field) */
        if (lower(c) == 'x') { buf[n++] = 'x'; hex = 1; digits = 0; c = field_get(in, &left); }
    }
    for (; c >= 0 && (hex ? digit_of(c, 16) >= 0 : c >= '0' && c <= '9'); c = field_get(in, &left), digits++)
        if (n < SCAN_BUF) buf[n++] = (char)c;
    if (c == '.')
    {
        buf[n++] = '.';
        for (c = field_get(in, &left); c >= 0 && (hex ? digit_of(c, 16) >= 0 : c >= '0' && c <= '9');
             c = field_get(in, &left), digits++)
            if (n < SCAN_BUF) buf[n++] = (char)c;
    }
    if (!digits) { in_unget(in, c); return 0; }
    if (lower(c) == (hex ? 'p' : 'e'))
    {
        /* an exponent letter without exponent digits fails the field */
        int exp_digits = 0;
        buf[n++] = (char)c;
        c = field_get(in, &left);
        if (c == '+' || c == '-') { buf[n++] = (char)c; c = field_get(in, &left); }
        for (; c >= '0' && c <= '9'; c = field_get(in, &left), exp_digits++)
            if (n < SCAN_BUF) buf[n++] = (char)c;
        if (!exp_digits) { in_unget(in, c); return 0; }
    }
    in_unget(in, c);
    buf[n] = 0;
    *value = msvcrt_parse_double(buf, 0, (flags & MSVCRT_FMT_UCRT) != 0, &len, &erange);
    return 1;
}

/* ---- strings, characters, scansets ------------------------------------- */

/* Where converted characters go: a narrow or wide buffer, or nowhere. */
struct sink
{
    void *p;
    int wide;
    size_t size;       /* *_s: units available; (size_t)-1 unlimited */
    size_t used;
    int overflow;
};

/* Stores one input unit; in_wide says what the unit is. */
static void sink_put(struct sink *s, int c, int in_wide)
{
    char mb[8];
    int len, i;
    msvcrt_wchar wc;

    if (!s->p) return;
    if (s->wide)
    {
        if (in_wide) wc = (msvcrt_wchar)c;
        else { char b = (char)c; if (msvcrt_mb_to_wc(&b, 1, &wc) < 0) wc = (unsigned char)c; }
        if (s->used >= s->size) { s->overflow = 1; return; }
        ((msvcrt_wchar *)s->p)[s->used++] = wc;
        return;
    }
    if (in_wide) { if ((len = msvcrt_wc_to_mb((msvcrt_wchar)c, mb)) < 0) { mb[0] = '?'; len = 1; } }
    else { mb[0] = (char)c; len = 1; }
    for (i = 0; i < len; i++)
    {
        if (s->used >= s->size) { s->overflow = 1; return; }
        ((char *)s->p)[s->used++] = mb[i];
    }
}

static void sink_terminate(struct sink *s)
{
    if (!s->p) return;
    if (s->used >= s->size) { s->overflow = 1; s->used = 0; }
    if (s->wide) ((msvcrt_wchar *)s->p)[s->used] = 0;
    else ((char *)s->p)[s->used] = 0;
}

/* Scanset: [set] or [^set], with ranges a-z; ']' first is a member. */
struct scanset
{
    const void *fmt;
    unsigned flags;
    int start, end;    /* members are fmt[start..end) */
    int negate;
};

static int parse_scanset(const void *fmt, unsigned flags, int i, struct scanset *set)
{
    set->fmt = fmt;
    set->flags = flags;
    set->negate = fmt_at(fmt, flags, i) == '^';
    if (set->negate) i++;
    set->start = i;
    if (fmt_at(fmt, flags, i) == ']') i++;
    while (fmt_at(fmt, flags, i) && fmt_at(fmt, flags, i) != ']') i++;
    set->end = i;
    return fmt_at(fmt, flags, i) ? i + 1 : i;
}

static int in_scanset(const struct scanset *set, int c)
{
    int i, found = 0;
    for (i = set->start; i < set->end && !found; i++)
    {
        int a = fmt_at(set->fmt, set->flags, i);
        if (i + 2 < set->end && fmt_at(set->fmt, set->flags, i + 1) == '-')
        {
            int b = fmt_at(set->fmt, set->flags, i + 2);
            found = a <= b ? c >= a && c <= b : c >= b && c <= a;
            i += 2;
        }
        else found = c == a;
    }
    return found != set->negate;
}

/* %s, %c and %[: returns the number of units matched. */
static int scan_text(struct in *in, const struct spec *sp, const struct scanset *set,
                     struct sink *s, int in_wide)
{
    int left = sp->width ? sp->width : (sp->conv == 'c' || sp->conv == 'C' ? 1 : -1);
    int c, n = 0;

    while ((c = field_get(in, &left)) >= 0)
    {
        if (sp->conv == '[' ? !in_scanset(set, c) : (sp->conv == 's' || sp->conv == 'S') && is_space(c))
        {
            in_unget(in, c);
            break;
        }
        sink_put(s, c, in_wide);
        n++;
    }
    return n;
}

/* ---- the engine ------------------------------------------------------- */

/* Does %s/%c/%[ store wide characters? (the printf rules) */
static int store_is_wide(const struct spec *sp, unsigned flags)
{
    int upper = sp->conv == 'S' || sp->conv == 'C';
    int wide_fn = (flags & MSVCRT_FMT_WIDE_FMT) != 0;
    if (sp->size == SZ_H) return 0;
    if (sp->size == SZ_L || sp->size == SZ_W) return 1;
    if ((flags & MSVCRT_FMT_UCRT) && !(flags & MSVCRT_FMT_LEGACY_WIDE)) wide_fn = 0;
    return upper ? !wide_fn : wide_fn;
}

/* What a conversion returns. msvcrt's quirks: a field that meets the end
 * of the input, or a failed floating-point field, make the whole call
 * return EOF when nothing was converted (assigned) before. */
enum conv_result { CONV_FAIL, CONV_OK, CONV_EOF, CONV_FLOAT_FAIL };

struct state
{
    struct in in;
    unsigned flags;
    va_list ap;
    int assigned;
    int done;          /* directives matched: conversions, literal text */
};

/* Runs one text conversion. */
static int convert_text(struct state *st, const struct spec *sp, const struct scanset *set)
{
    struct sink s = { NULL, store_is_wide(sp, st->flags), (size_t)-1, 0, 0 };
    int n, is_c = sp->conv == 'c' || sp->conv == 'C';

    if (!sp->suppress)
    {
        s.p = va_arg(st->ap, void *);
        if (st->flags & MSVCRT_FMT_SECURE) s.size = va_arg(st->ap, unsigned int);
    }
    if (sp->conv == 's' || sp->conv == 'S') skip_space(&st->in);
    n = scan_text(&st->in, sp, set, &s, (st->flags & MSVCRT_FMT_WIDE_FMT) != 0);
    if (!n)
    {
        if (sp->conv == '[') sink_terminate(&s);   /* msvcrt leaves "" behind */
        /* %s finding only the end of the input counts as EOF (for msvcrt
         * only when it stores narrow characters) */
        return st->in.eof && (!s.wide || (st->flags & MSVCRT_FMT_UCRT)) && (sp->conv == 's' || sp->conv == 'S')
               ? CONV_EOF : CONV_FAIL;
    }
    if (!is_c) sink_terminate(&s);
    if (s.overflow)
    {
        /* *_s: the buffer was too small; it is emptied and scanning stops */
        if (s.p && s.size) { if (s.wide) *(msvcrt_wchar *)s.p = 0; else *(char *)s.p = 0; }
        return 0;
    }
    if (!sp->suppress) st->assigned++;
    return 1;
}

static int convert_number(struct state *st, const struct spec *sp)
{
    UINT64 v;
    double d;
    int c = sp->conv | 0x20;

    skip_space(&st->in);
    if (c == 'e' || c == 'f' || c == 'g' || c == 'a')
    {
        int before = st->in.count;
        if (!scan_float(&st->in, sp, st->flags, &d))
            return st->in.count != before ? CONV_FLOAT_FAIL : CONV_FAIL;
        if (sp->suppress) return 1;
        if (sp->size == SZ_L || sp->size == SZ_LL) *va_arg(st->ap, double *) = d;
        else *va_arg(st->ap, float *) = (float)d;
    }
    else
    {
        if (!scan_integer(&st->in, sp, &v)) return 0;
        if (sp->suppress) return 1;
        store_integer(va_arg(st->ap, void *), sp, v);
    }
    st->assigned++;
    return 1;
}

/* One conversion: an enum conv_result. */
static int convert(struct state *st, const void *fmt, int *pos)
{
    struct spec sp;
    struct scanset set;
    int i = parse_spec(fmt, st->flags, *pos, &sp);

    *pos = i + 1;
    switch (sp.conv)
    {
    case 'n':
        if (!sp.suppress) *va_arg(st->ap, int *) = st->in.count;
        return 1;
    case '[':
        *pos = parse_scanset(fmt, st->flags, i + 1, &set);
        return convert_text(st, &sp, &set);
    case 's': case 'S': case 'c': case 'C':
        return convert_text(st, &sp, NULL);
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'p':
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
        return convert_number(st, &sp);
    case '%':
    {
        int c;
        skip_space(&st->in);
        if ((c = in_get(&st->in)) == '%') return 1;
        in_unget(&st->in, c);
        return 0;
    }
    }
    return 0;           /* unknown conversion: stop */
}

int msvcrt_scan(const void *fmt, unsigned flags, va_list ap,
                msvcrt_getc get, msvcrt_ungetc unget, void *ctx)
{
    struct state st;
    int i = 0, c, f, result = CONV_OK;

    memset(&st, 0, sizeof(st));
    st.in.get = get;
    st.in.unget = unget;
    st.in.ctx = ctx;
    st.flags = flags;
    va_copy(st.ap, ap);
    while (result == CONV_OK && (f = fmt_at(fmt, flags, i)))
    {
        if (is_space(f))
        {
            skip_space(&st.in);
            while (is_space(fmt_at(fmt, flags, i))) i++;
        }
        else if (f == '%' && fmt_at(fmt, flags, i + 1) != '%')
        {
            /* a first conversion that starts at the end of the input, even
             * %n, makes the result EOF */
            c = in_get(&st.in);
            in_unget(&st.in, c);
            if (c < 0 && !st.done) { result = CONV_EOF; break; }
            i++;
            result = convert(&st, fmt, &i);
            if (result == CONV_OK) st.done++;
        }
        else
        {
            int percent = f == '%';
            if (percent)
            {
                /* "%%" is like a conversion: EOF at the start, then white
                 * space skipped */
                c = in_get(&st.in);
                in_unget(&st.in, c);
                if (c < 0 && !st.done) { result = CONV_EOF; break; }
                i++;
                skip_space(&st.in);
            }
            if ((c = in_get(&st.in)) == f) { i++; st.done++; }
            else { in_unget(&st.in, c); result = c < 0 && !st.done && !percent ? CONV_EOF : CONV_FAIL; }
        }
    }
    va_end(st.ap);
    if ((result == CONV_EOF || result == CONV_FLOAT_FAIL) && !st.assigned) return -1;
    return st.assigned;
}

/* ---- string sources ---------------------------------------------------- */

struct strsrc
{
    const void *s;
    size_t len, pos;   /* len (size_t)-1: up to the terminator */
    int wide;
};

static int strsrc_get(void *ctx)
{
    struct strsrc *src = ctx;
    int c;
    if (src->pos >= src->len) return -1;
    c = src->wide ? ((const msvcrt_wchar *)src->s)[src->pos] : ((const unsigned char *)src->s)[src->pos];
    if (!c) return -1;
    src->pos++;
    return c;
}

static void strsrc_unget(void *ctx, int c)
{
    struct strsrc *src = ctx;
    if (src->pos) src->pos--;
}

static int scan_string(const void *str, size_t len, unsigned flags, const void *fmt, va_list ap)
{
    struct strsrc src = { str, len, 0, (flags & MSVCRT_FMT_WIDE_FMT) != 0 };
    if (!str || !fmt)
    {
        *_errno() = EINVAL;
        _invalid_parameter_noinfo();
        return -1;
    }
    return msvcrt_scan(fmt, flags, ap, strsrc_get, strsrc_unget, &src);
}

#define NARROW WLX_FMT_DEFAULT
#define WIDE   (WLX_FMT_DEFAULT | MSVCRT_FMT_WIDE_FMT)
#define SECURE MSVCRT_FMT_SECURE
#define ALL    ((size_t)-1)

#define VARARGS_CALL(last, call) \
    int ret; va_list ap; va_start(ap, last); ret = call; va_end(ap); return ret

int __cdecl sscanf(const char *str, const char *fmt, ...) { VARARGS_CALL(fmt, scan_string(str, ALL, NARROW, fmt, ap)); }
int __cdecl _sscanf_l(const char *str, const char *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, scan_string(str, ALL, NARROW, fmt, ap)); }
int __cdecl sscanf_s(const char *str, const char *fmt, ...) { VARARGS_CALL(fmt, scan_string(str, ALL, NARROW | SECURE, fmt, ap)); }
int __cdecl _sscanf_s_l(const char *str, const char *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, scan_string(str, ALL, NARROW | SECURE, fmt, ap)); }
int __cdecl _snscanf(const char *str, size_t len, const char *fmt, ...) { VARARGS_CALL(fmt, scan_string(str, len, NARROW, fmt, ap)); }
int __cdecl _snscanf_l(const char *str, size_t len, const char *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, scan_string(str, len, NARROW, fmt, ap)); }
int __cdecl _snscanf_s(const char *str, size_t len, const char *fmt, ...) { VARARGS_CALL(fmt, scan_string(str, len, NARROW | SECURE, fmt, ap)); }
int __cdecl _snscanf_s_l(const char *str, size_t len, const char *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, scan_string(str, len, NARROW | SECURE, fmt, ap)); }
int __cdecl vsscanf(const char *str, const char *fmt, va_list ap) { return scan_string(str, ALL, NARROW, fmt, ap); }

int __cdecl swscanf(const wchar_t *str, const wchar_t *fmt, ...) { VARARGS_CALL(fmt, scan_string(str, ALL, WIDE, fmt, ap)); }
int __cdecl _swscanf_l(const wchar_t *str, const wchar_t *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, scan_string(str, ALL, WIDE, fmt, ap)); }
int __cdecl swscanf_s(const wchar_t *str, const wchar_t *fmt, ...) { VARARGS_CALL(fmt, scan_string(str, ALL, WIDE | SECURE, fmt, ap)); }
int __cdecl _swscanf_s_l(const wchar_t *str, const wchar_t *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, scan_string(str, ALL, WIDE | SECURE, fmt, ap)); }
int __cdecl _snwscanf(const wchar_t *str, size_t len, const wchar_t *fmt, ...) { VARARGS_CALL(fmt, scan_string(str, len, WIDE, fmt, ap)); }
int __cdecl _snwscanf_l(const wchar_t *str, size_t len, const wchar_t *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, scan_string(str, len, WIDE, fmt, ap)); }
int __cdecl _snwscanf_s(const wchar_t *str, size_t len, const wchar_t *fmt, ...) { VARARGS_CALL(fmt, scan_string(str, len, WIDE | SECURE, fmt, ap)); }
int __cdecl _snwscanf_s_l(const wchar_t *str, size_t len, const wchar_t *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, scan_string(str, len, WIDE | SECURE, fmt, ap)); }
int __cdecl vswscanf(const wchar_t *str, const wchar_t *fmt, va_list ap) { return scan_string(str, ALL, WIDE, fmt, ap); }

/* _CRT_INTERNAL_SCANF_* option bits */
#define UCRT_SCANF_SECURECRT             0x1
#define UCRT_SCANF_LEGACY_WIDE_SPECIFIERS 0x2

static unsigned ucrt_scan_flags(unsigned __int64 options, int wide)
{
    unsigned flags = MSVCRT_FMT_UCRT;
    if (options & UCRT_SCANF_SECURECRT) flags |= MSVCRT_FMT_SECURE;
    if (options & UCRT_SCANF_LEGACY_WIDE_SPECIFIERS) flags |= MSVCRT_FMT_LEGACY_WIDE;
    if (wide) flags |= MSVCRT_FMT_WIDE_FMT;
    return flags;
}

int __cdecl __stdio_common_vsscanf(unsigned __int64 options, const char *str, size_t len,
                                   const char *fmt, _locale_t locale, va_list ap)
{
    return scan_string(str, len, ucrt_scan_flags(options, 0), fmt, ap);
}

int __cdecl __stdio_common_vswscanf(unsigned __int64 options, const wchar_t *str, size_t len,
                                    const wchar_t *fmt, _locale_t locale, va_list ap)
{
    return scan_string(str, len, ucrt_scan_flags(options, 1), fmt, ap);
}
