/*
 * printf.c — the printf format engine (one implementation for narrow and
 * wide formats and outputs, msvcrt and ucrtbase rules chosen by flags) and
 * the string-target entry points: sprintf, _snprintf, _vsnprintf, _scprintf,
 * swprintf, _snwprintf, the *_s variants and ucrtbase's __stdio_common_*.
 * FILE targets (printf, fprintf…) live in stdio.c and call msvcrt_format().
 *
 * Sections: output buffering; conversion specs; integers; strings and
 * characters; floating point; the engine loop; entry points.
 */
#include "format.h"
#ifndef WLX_UCRT
extern unsigned int msvcrt_output_format;   /* msvcrtonly.c */
#endif

#define EINVAL 22
#define ERANGE 34

static int str_len(const char *s)
{
    int n = 0;
    while (s[n]) n++;
    return n;
}

/* ---- output: buffered units sent to the sink --------------------------- */

struct out
{
    msvcrt_sink sink;
    void *ctx;
    int wide;          /* units are msvcrt_wchar */
    int measure;       /* count only, emit nothing */
    int count;         /* units produced */
    int error;
    int used;
    union { char c[256]; msvcrt_wchar w[256]; } buf;
};

static void out_flush(struct out *o)
{
    if (o->used && o->sink(o->ctx, o->buf.c, o->used) < 0) o->error = 1;
    o->used = 0;
}

static void out_unit(struct out *o, int u)
{
    o->count++;
    if (o->measure) return;
    if (o->wide) o->buf.w[o->used++] = (msvcrt_wchar)u;
    else o->buf.c[o->used++] = (char)u;
    if (o->used == 256) out_flush(o);
}

static void out_ascii(struct out *o, const char *s, int n)
{
    while (n-- > 0) out_unit(o, (unsigned char)*s++);
}

static void out_repeat(struct out *o, char c, int n)
{
    while (n-- > 0) out_unit(o, c);
}

/* Bytes of the current code page; converted when the output is wide. */
static void out_bytes(struct out *o, const char *s, int n)
{
    msvcrt_wchar wc;
    int len;
    if (!o->wide) { out_ascii(o, s, n); return; }
    while (n > 0)
    {
        len = msvcrt_mb_to_wc(s, n, &wc);
        if (len <= 0) { wc = (unsigned char)*s; len = 1; }
        out_unit(o, wc);
        s += len;
        n -= len;
    }
}

/* Wide characters; converted to the code page when the output is narrow.
 * A character without a representation fails the whole call (msvcrt). */
static void out_wchars(struct out *o, const msvcrt_wchar *s, int n)
{
    char mb[8];
    int len, i;
    /* nothing of a string that cannot be converted is written */
    for (i = 0; i < n && !o->wide; i++)
        if (msvcrt_wc_to_mb(s[i], mb) < 0) { o->error = 1; return; }
    for (; n > 0; n--, s++)
    {
        if (o->wide) { out_unit(o, *s); continue; }
        if ((len = msvcrt_wc_to_mb(*s, mb)) < 0) { o->error = 1; return; }
        out_ascii(o, mb, len);
    }
}

/* ---- conversion specifications ----------------------------------------- */

enum size { SZ_NONE, SZ_HH, SZ_H, SZ_L, SZ_LL, SZ_64, SZ_32, SZ_PTR, SZ_LD, SZ_W };

struct spec
{
    int left, plus, space, alt, zero;
    int width;         /* 0: none */
    int prec;          /* -1: none */
    enum size size;
    int conv;          /* conversion character */
};

/* Emits the body of a field; called twice when the width needs its length. */
typedef void (*body_fn)(struct out *o, const struct spec *sp, const void *arg);

static int body_length(struct out *o, const struct spec *sp, body_fn body, const void *arg)
{
    struct out m = *o;
    m.measure = 1;
    m.count = 0;
    body(&m, sp, arg);
    if (m.error) o->error = 1;
    return m.count;
}

/* Lays out prefix (sign, 0x) + body in the field width; zero padding goes
 * between the prefix and the body. */
static void emit_field(struct out *o, const struct spec *sp, const char *prefix,
                       int zero_pad, body_fn body, const void *arg)
{
    int plen = str_len(prefix), pad = 0;
    if (sp->width) pad = sp->width - plen - body_length(o, sp, body, arg);
    if (!sp->left && !zero_pad) out_repeat(o, ' ', pad);
    out_ascii(o, prefix, plen);
    if (!sp->left && zero_pad) out_repeat(o, '0', pad);
    body(o, sp, arg);
    if (sp->left) out_repeat(o, ' ', pad);
}

/* ---- arguments ------------------------------------------------------------ */

/* Where conversion arguments come from: the va_list in order, or for the
 * _printf_p family's "%2$d" a table read beforehand. On x64 every variadic
 * argument fills one 8-byte slot (doubles too), so slots are read as UINT64
 * and narrowed by the conversion. */
#define MAX_POSITIONAL 100

struct args
{
    va_list *ap;
    UINT64 *table;     /* positional mode: the slots, in order */
    int count;         /* slots in table */
    int pos;           /* positional mode: slot of the next fetch */
};

static UINT64 arg_u64(struct args *a)
{
    if (!a->table) return va_arg(*a->ap, UINT64);
    return a->pos >= 0 && a->pos < a->count ? a->table[a->pos] : 0;
}

static double arg_double(struct args *a)
{
    UINT64 bits;
    double d;
    if (!a->table) return va_arg(*a->ap, double);
    bits = arg_u64(a);
    memcpy(&d, &bits, sizeof(d));
    return d;
}

/* ---- integers ---------------------------------------------------------- */

static void body_text(struct out *o, const struct spec *sp, const void *arg)
{
    out_ascii(o, arg, str_len(arg));
}

static UINT64 fetch_integer(struct args *ap, const struct spec *sp, int is_signed)
{
    INT64 v;
    switch (sp->size)
    {
    case SZ_LL: case SZ_64: case SZ_PTR:
        return arg_u64(ap);
    default:
        v = is_signed ? (INT64)(int)arg_u64(ap) : (INT64)(unsigned int)arg_u64(ap);
        break;
    }
    if (sp->size == SZ_H) v = is_signed ? (INT64)(short)v : (INT64)(unsigned short)v;
    if (sp->size == SZ_HH) v = is_signed ? (INT64)(signed char)v : (INT64)(unsigned char)v;
    return (UINT64)v;
}

/* %p: "0X" with '#', then 16 hex digits, laid out like a string (the
 * precision cuts it, no sign, no zero padding) — msvcrt's rules. */
static void format_pointer(struct out *o, const struct spec *sp, struct args *ap)
{
    static const char hex[] = "0123456789ABCDEF";
    UINT64 v = arg_u64(ap);
    char text[20];
    int n = 0, i, len;
    if (sp->alt && v) { text[n++] = '0'; text[n++] = 'X'; }
    for (i = 15; i >= 0; i--) text[n++] = hex[(v >> (4 * i)) & 15];
    len = sp->prec >= 0 && sp->prec < n ? sp->prec : n;
    text[len] = 0;
    emit_field(o, sp, "", 0, body_text, text);
}

static void format_integer(struct out *o, struct spec *sp, unsigned flags, struct args *ap)
{
    static const char lower_digits[] = "0123456789abcdef", upper_digits[] = "0123456789ABCDEF";
    const char *digits = sp->conv == 'X' ? upper_digits : lower_digits;
    int is_signed = sp->conv == 'd' || sp->conv == 'i';
    unsigned base = sp->conv == 'o' ? 8 : (sp->conv == 'x' || sp->conv == 'X') ? 16 : 10;
    char tmp[80], prefix[4] = "";
    UINT64 v;
    int n = 0, prec = sp->prec;

    v = fetch_integer(ap, sp, is_signed);
    if (is_signed && (INT64)v < 0) { prefix[0] = '-'; v = -v; }
    else if (is_signed && sp->plus) prefix[0] = '+';
    else if (is_signed && sp->space) prefix[0] = ' ';
    if (sp->alt && v && base == 16)
        { prefix[0] = '0'; prefix[1] = sp->conv == 'X' ? 'X' : 'x'; }
    if (prec < 0) prec = 1;
    for (; v; v /= base) tmp[n++] = digits[v % base];
    /* '#' adds a leading 0 to octal, but msvcrt prints nothing for %#.0o of 0 */
    if (sp->alt && base == 8 && n >= prec && (n || (flags & MSVCRT_FMT_UCRT))) prec = n + 1;
    while (n < prec && n < 79) tmp[n++] = '0';
    {
        char body[80];
        int i;
        for (i = 0; i < n; i++) body[i] = tmp[n - 1 - i];
        body[n] = 0;
        /* msvcrt zero-pads even when a precision is given; C99 does not */
        int zero_pad = sp->zero && !sp->left && (sp->prec < 0 || !(flags & MSVCRT_FMT_UCRT));
        emit_field(o, sp, prefix, zero_pad, body_text, body);
    }
}

/* ---- strings and characters -------------------------------------------- */

struct text { const void *p; int wide; int len; };

static void body_string(struct out *o, const struct spec *sp, const void *arg)
{
    const struct text *t = arg;
    char mb[8];
    int len;
    if (!t->wide) out_bytes(o, t->p, t->len);
    else if (o->wide || sp->conv == 's' || sp->conv == 'S') out_wchars(o, t->p, t->len);
    /* a %lc the code page cannot represent prints nothing (not an error) */
    else if ((len = msvcrt_wc_to_mb(*(const msvcrt_wchar *)t->p, mb)) > 0) out_ascii(o, mb, len);
}

/* Decides whether %s/%c (and %S/%C) take a wide argument. */
static int arg_is_wide(const struct spec *sp, unsigned flags)
{
    int upper = sp->conv == 'S' || sp->conv == 'C';
    int wide_fn = (flags & MSVCRT_FMT_WIDE_FMT) != 0;
    if (sp->size == SZ_H) return 0;
    if (sp->size == SZ_L || sp->size == SZ_W) return 1;
    if ((flags & MSVCRT_FMT_UCRT) && !(flags & MSVCRT_FMT_LEGACY_WIDE)) wide_fn = 0;
    return upper ? !wide_fn : wide_fn;
}

static void format_string(struct out *o, const struct spec *sp, unsigned flags, struct args *ap)
{
    static const msvcrt_wchar null_w[] = { '(', 'n', 'u', 'l', 'l', ')', 0 };
    struct text t;
    int max = sp->prec < 0 ? 0x7fffffff : sp->prec;

    t.wide = arg_is_wide(sp, flags);
    t.p = (const void *)(ULONG_PTR)arg_u64(ap);
    if (!t.p) t.p = t.wide ? (const void *)null_w : (const void *)"(null)";
    if (t.wide) { const msvcrt_wchar *w = t.p; for (t.len = 0; t.len < max && w[t.len]; t.len++); }
    else { const char *c = t.p; for (t.len = 0; t.len < max && c[t.len]; t.len++); }
    emit_field(o, sp, "", sp->zero && !sp->left, body_string, &t);
}

static void format_char(struct out *o, const struct spec *sp, unsigned flags, struct args *ap)
{
    struct text t;
    msvcrt_wchar w;
    char c;
    int v = (int)arg_u64(ap);

    t.wide = arg_is_wide(sp, flags);
    t.len = 1;
    if (t.wide) { w = (msvcrt_wchar)v; t.p = &w; }
    else { c = (char)v; t.p = &c; }
    emit_field(o, sp, "", sp->zero && !sp->left, body_string, &t);
}

/* ---- floating point ---------------------------------------------------- */

struct fp
{
    char digits[1100];   /* significant digits, or msvcrt's "1#INF" text */
    int n;               /* digits in use */
    int decpt;           /* value = 0.digits * 10^decpt */
    int style;           /* 'e' or 'f' after %g's choice */
    int prec;            /* digits after the point */
    int strip;           /* %g without '#': drop trailing zeros */
    int exp_digits;      /* minimum exponent digits */
    int upper;
};

static char digit_at(const struct fp *f, int i)
{
    return i >= 0 && i < f->n ? f->digits[i] : '0';
}

/* Number of fraction digits really printed once %g's zeros are removed. */
static int fraction_digits(const struct fp *f, int first)
{
    int prec = f->prec;
    if (f->strip)
        while (prec > 0 && digit_at(f, first + prec - 1) == '0') prec--;
    return prec;
}

static void body_float(struct out *o, const struct spec *sp, const void *arg)
{
    const struct fp *f = arg;
    int i, first, prec;
    char exp_buf[16];

    if (f->style == 'f')
    {
        if (f->decpt <= 0) out_unit(o, '0');
        for (i = 0; i < f->decpt; i++) out_unit(o, digit_at(f, i));
        first = f->decpt;
    }
    else
    {
        out_unit(o, digit_at(f, 0));
        first = 1;
    }
    prec = fraction_digits(f, first);
    if (prec > 0 || (sp->alt)) out_unit(o, '.');
    for (i = 0; i < prec; i++) out_unit(o, digit_at(f, first + i));
    if (f->style == 'p')
    {
        out_ascii(o, f->upper ? "P+0" : "p+0", 3);
        return;
    }
    if (f->style == 'e')
    {
        int e = f->n && f->digits[0] != '0' ? f->decpt - 1 : 0, len = 0;
        char tmp[12];
        out_unit(o, f->upper ? 'E' : 'e');
        out_unit(o, e < 0 ? '-' : '+');
        if (e < 0) e = -e;
        do tmp[len++] = '0' + e % 10; while ((e /= 10));
        while (len < f->exp_digits) tmp[len++] = '0';
        for (i = 0; i < len; i++) exp_buf[i] = tmp[len - 1 - i];
        out_ascii(o, exp_buf, len);
    }
}

/* msvcrt prints non-finite values as the "number" 1.#INF, 1.#QNAN, 1.#SNAN
 * or 1.#IND, digits that get padded and rounded like any other. */
static int special_digits(UINT64 bits, char *digits)
{
    UINT64 mant = bits & ((1ull << 52) - 1);
    const char *s;
    if (!mant) s = "1#INF";
    else if (!(mant & (1ull << 51))) s = "1#SNAN";
    else if ((bits >> 63) && mant == 1ull << 51) s = "1#IND";
    else s = "1#QNAN";
    memcpy(digits, s, str_len(s) + 1);
    return str_len(s);
}

/* msvcrt.dll produced at most 17 significant digits and filled the rest
 * of the field with zeros. Both round half away from zero, except ucrtbase
 * with _CRT_INTERNAL_PRINTF_STANDARD_ROUNDING: ties to even. */
static void round_fp(struct fp *f, int keep, unsigned flags, int finite)
{
    int ucrt = (flags & MSVCRT_FMT_UCRT) != 0;
    if (finite && !ucrt && keep > 17) keep = 17;
    f->n = msvcrt_round_digits(f->digits, f->n, keep, &f->decpt,
                               finite && (flags & MSVCRT_FMT_STANDARD_ROUNDING));
    if (!f->n) { f->digits[0] = '0'; f->n = 1; f->decpt = 1; }
}

static void layout_decimal(struct fp *f, const struct spec *sp, unsigned flags, int finite)
{
    int prec = sp->prec < 0 ? 6 : sp->prec;
    int conv = sp->conv | 0x20;
    int is_zero = f->digits[0] == '0';

    f->strip = 0;
    if (conv == 'f')
    {
        f->style = 'f';
        f->prec = prec;
        round_fp(f, f->decpt + prec, flags, finite);
        return;
    }
    if (conv == 'e')
    {
        f->style = 'e';
        f->prec = prec;
        round_fp(f, prec + 1, flags, finite);
        return;
    }
    /* %g: P significant digits; %e when the exponent is < -4 or >= P */
    if (!prec) prec = 1;
    round_fp(f, prec, flags, finite);
    f->strip = !sp->alt;
    if (is_zero || (f->decpt - 1 >= -4 && f->decpt - 1 < prec))
    {
        f->style = 'f';
        f->prec = prec - (is_zero ? 1 : f->decpt);
    }
    else
    {
        f->style = 'e';
        f->prec = prec - 1;
    }
}

static void format_ucrt_special(struct out *o, const struct spec *sp, UINT64 bits)
{
    UINT64 mant = bits & ((1ull << 52) - 1);
    int upper = sp->conv >= 'A' && sp->conv <= 'Z';
    const char *s;
    char prefix[2] = "";
    struct spec field = *sp;

    if (!mant) s = upper ? "INF" : "inf";
    else if (!(mant & (1ull << 51))) s = upper ? "NAN(SNAN)" : "nan(snan)";
    else if ((bits >> 63) && mant == 1ull << 51) s = upper ? "NAN(IND)" : "nan(ind)";
    else s = upper ? "NAN" : "nan";
    if (bits >> 63) prefix[0] = '-';
    else if (sp->plus) prefix[0] = '+';
    else if (sp->space) prefix[0] = ' ';
    emit_field(o, &field, prefix, 0, body_text, s);
}

/* %a: hexadecimal mantissa, binary exponent. */
static void format_hex_float(struct out *o, const struct spec *sp, UINT64 bits,
                             const char *prefix_sign)
{
    static const char lower_digits[] = "0123456789abcdef", upper_digits[] = "0123456789ABCDEF";
    int upper = sp->conv == 'A';
    const char *hex = upper ? upper_digits : lower_digits;
    UINT64 mant = bits & ((1ull << 52) - 1);
    int exp = (int)((bits >> 52) & 0x7ff), lead = 1, prec = sp->prec < 0 ? 13 : sp->prec;

    if (prec > 500) prec = 500;
    char body[600], prefix[8];
    int n, i;

    if (!exp) { lead = 0; exp = mant ? -1022 : 0; }
    else exp -= 1023;
    n = 0;
    if (prec < 13)
    {
        /* round the dropped nibbles half away from zero */
        int drop = (13 - prec) * 4;
        UINT64 full = ((UINT64)lead << 52) | mant;
        UINT64 half = 1ull << (drop - 1);
        full = (full + half) >> drop << drop;
        lead = (int)(full >> 52);
        mant = full & ((1ull << 52) - 1);
    }
    body[n++] = '0' + lead;
    if (prec || sp->alt) body[n++] = '.';
    for (i = 0; i < prec; i++)
        body[n++] = i < 13 ? hex[(mant >> (48 - 4 * i)) & 15] : '0';
    body[n++] = upper ? 'P' : 'p';
    body[n++] = exp < 0 ? '-' : '+';
    if (exp < 0) exp = -exp;
    {
        char tmp[8];
        int len = 0;
        do tmp[len++] = '0' + exp % 10; while ((exp /= 10));
        while (len) body[n++] = tmp[--len];
    }
    body[n] = 0;
    n = 0;
    if (*prefix_sign) prefix[n++] = *prefix_sign;
    prefix[n++] = '0';
    prefix[n++] = upper ? 'X' : 'x';
    prefix[n] = 0;
    emit_field(o, sp, prefix, sp->zero && !sp->left, body_text, body);
}

static void format_float(struct out *o, const struct spec *sp, unsigned flags, struct args *ap)
{
    double v = arg_double(ap);
    UINT64 bits;
    int finite, ucrt = (flags & MSVCRT_FMT_UCRT) != 0;
    char prefix[2] = "", hex_prefix[4];
    int i;
    struct fp *f;
    struct fp storage;

    memcpy(&bits, &v, sizeof(bits));
    finite = ((bits >> 52) & 0x7ff) != 0x7ff;
    if (!finite && ucrt && !(flags & MSVCRT_FMT_MSVCRT_INFNAN))
    {
        format_ucrt_special(o, sp, bits);
        return;
    }
    if (bits >> 63) prefix[0] = '-';
    else if (sp->plus) prefix[0] = '+';
    else if (sp->space) prefix[0] = ' ';
    if ((sp->conv | 0x20) == 'a' && finite)
    {
        format_hex_float(o, sp, bits, prefix);
        return;
    }
    f = &storage;
    f->strip = 0;
    f->upper = sp->conv >= 'A' && sp->conv <= 'Z';
#ifdef WLX_UCRT
    f->exp_digits = ucrt && !(flags & MSVCRT_FMT_THREE_DIGIT_EXP) ? 2 : 3;
#else
    /* msvcrt: three digits unless _set_output_format(_TWO_DIGIT_EXPONENT) */
    f->exp_digits = (ucrt && !(flags & MSVCRT_FMT_THREE_DIGIT_EXP)) || (!ucrt && msvcrt_output_format) ? 2 : 3;
#endif
    if (finite) f->n = msvcrt_exact_digits(v, f->digits, &f->decpt);
    else { f->n = special_digits(bits, f->digits); f->decpt = 1; }
    if ((sp->conv | 0x20) == 'a')
    {
        /* msvcrt's %a of 1.#INF: the same text in the hex layout, p+0 */
        struct spec e = *sp;
        e.conv = 'e';
        e.prec = sp->prec < 0 ? 13 : sp->prec;
        layout_decimal(f, &e, flags, 0);
        f->style = 'p';
        i = 0;
        if (prefix[0]) hex_prefix[i++] = prefix[0];
        hex_prefix[i++] = '0';
        hex_prefix[i++] = f->upper ? 'X' : 'x';
        hex_prefix[i] = 0;
        emit_field(o, sp, hex_prefix, 0, body_float, f);
        return;
    }
    layout_decimal(f, sp, flags, finite);
    emit_field(o, sp, prefix, sp->zero && !sp->left, body_float, f);
}

/* ---- the engine -------------------------------------------------------- */

static inline int fmt_at(const void *fmt, unsigned flags, int i)
{
    return flags & MSVCRT_FMT_WIDE_FMT ? ((const msvcrt_wchar *)fmt)[i]
                                       : ((const unsigned char *)fmt)[i];
}

static int printf_count_output;   /* %n refused unless enabled */

/* Reads flags, width, precision and size; returns the index after it. */
/* "n$" at i (the _p functions' positions): returns n and moves i past it,
 * or 0 when there is none. */
static int read_position(const void *fmt, unsigned flags, int *i)
{
    int j = *i, n = 0, c;
    if (!(flags & MSVCRT_FMT_POSITIONAL)) return 0;
    for (; (c = fmt_at(fmt, flags, j)) >= '0' && c <= '9'; j++) n = n * 10 + c - '0';
    if (c != '$' || j == *i || !n || n > MAX_POSITIONAL) return 0;
    *i = j + 1;
    return n;
}

/* A '*' width or precision: the next argument, or argument m for "*m$". */
static int star_value(const void *fmt, unsigned flags, int *i, struct args *ap)
{
    int m = read_position(fmt, flags, i);
    if (m) ap->pos = m - 1;
    return (int)arg_u64(ap);
}

/* Reads flags, width, precision; returns the index after them. */
static int parse_spec(const void *fmt, unsigned flags, int i, struct spec *sp, struct args *ap)
{
    int c;
    memset(sp, 0, sizeof(*sp));
    sp->prec = -1;
    for (;; i++)
    {
        c = fmt_at(fmt, flags, i);
        if (c == '-') sp->left = 1;
        else if (c == '+') sp->plus = 1;
        else if (c == ' ') sp->space = 1;
        else if (c == '#') sp->alt = 1;
        else if (c == '0') sp->zero = 1;
        else break;
    }
    if (c == '*')
    {
        i++;
        sp->width = star_value(fmt, flags, &i, ap);
        if (sp->width < 0) { sp->left = 1; sp->width = -sp->width; }
        c = fmt_at(fmt, flags, i);
    }
    else
        for (; c >= '0' && c <= '9'; c = fmt_at(fmt, flags, ++i)) sp->width = sp->width * 10 + c - '0';
    if (c == '.')
    {
        sp->prec = 0;
        c = fmt_at(fmt, flags, ++i);
        if (c == '*')
        {
            i++;
            sp->prec = star_value(fmt, flags, &i, ap);
            if (sp->prec < 0) sp->prec = -1;
        }
        else
            for (; c >= '0' && c <= '9'; c = fmt_at(fmt, flags, ++i)) sp->prec = sp->prec * 10 + c - '0';
    }
    return i;
}

/* The _p functions: finds whether the format numbers its arguments and how
 * many slots it uses. Returns 1 (positional, *count set), 0 (plain), -1
 * (both kinds mixed: invalid). */
static int scan_positions(const void *fmt, unsigned flags, int *count)
{
    int i = 0, c, n, numbered = 0, plain = 0;
    char used[MAX_POSITIONAL + 1] = { 0 };
    *count = 0;
    while ((c = fmt_at(fmt, flags, i)))
    {
        if (c != '%') { i++; continue; }
        if (fmt_at(fmt, flags, i + 1) == '%') { i += 2; continue; }
        i++;
        if ((n = read_position(fmt, flags, &i))) numbered = 1; else plain = 1;
        if (n > *count) *count = n;
        used[n] = 1;
        while ((c = fmt_at(fmt, flags, i)) && (c == '-' || c == '+' || c == ' ' || c == '#' || c == '.'
               || c == '*' || (c >= '0' && c <= '9')))
        {
            i++;
            if (c == '*')
            {
                if ((n = read_position(fmt, flags, &i))) numbered = 1; else plain = 1;
                if (n > *count) *count = n;
                used[n] = 1;
            }
        }
        while ((c = fmt_at(fmt, flags, i)) && (c == 'h' || c == 'l' || c == 'L' || c == 'w' || c == 'I'
               || c == 'j' || c == 'z' || c == 't' || c == '3' || c == '2' || c == '6' || c == '4')) i++;
        if (c) i++;
    }
    if (numbered && plain) return -1;
    /* every argument up to the last one used must be used */
    for (n = 1; n <= *count; n++) if (!used[n]) return -1;
    return numbered;
}

static int is_int_conv(int c)
{
    return c == 'd' || c == 'i' || c == 'o' || c == 'u' || c == 'x' || c == 'X';
}

static int parse_size(const void *fmt, unsigned flags, int i, struct spec *sp)
{
    int c = fmt_at(fmt, flags, i);
    switch (c)
    {
    case 'h':
        sp->size = SZ_H;
        if (fmt_at(fmt, flags, i + 1) == 'h')
        {
            i++;
            if (flags & MSVCRT_FMT_UCRT) sp->size = SZ_HH;   /* msvcrt: like h */
        }
        return i + 1;
    case 'l':
        if (fmt_at(fmt, flags, i + 1) == 'l') { sp->size = SZ_LL; return i + 2; }
        sp->size = SZ_L;
        return i + 1;
    case 'L': sp->size = SZ_LD; return i + 1;
    case 'w': sp->size = SZ_W; return i + 1;
    case 'j':
        sp->size = SZ_PTR;
        return i + 1;
    case 'z': case 't':
        /* these (and a bare I) are sizes only before an integer conversion */
        if (!is_int_conv(fmt_at(fmt, flags, i + 1))) return i;
        sp->size = SZ_PTR;
        return i + 1;
    case 'I':
        if (fmt_at(fmt, flags, i + 1) == '6' && fmt_at(fmt, flags, i + 2) == '4')
        { sp->size = SZ_64; return i + 3; }
        if (fmt_at(fmt, flags, i + 1) == '3' && fmt_at(fmt, flags, i + 2) == '2')
        { sp->size = SZ_32; return i + 3; }
        if (!is_int_conv(fmt_at(fmt, flags, i + 1))) return i;
        sp->size = SZ_PTR;
        return i + 1;
    }
    return i;
}

static int store_count(struct out *o, const struct spec *sp, unsigned flags, struct args *ap)
{
    void *p;
    /* the *_s functions never take %n; the others only when enabled
       (msvcrt.dll too since Vista: tests/msvcrt/printf.c) */
    if ((flags & MSVCRT_FMT_SECURE) || !printf_count_output)
    {
        *_errno() = EINVAL;
        _invalid_parameter_noinfo();
        return -1;
    }
    p = (void *)(ULONG_PTR)arg_u64(ap);
    switch (sp->size)
    {
    case SZ_HH: *(char *)p = (char)o->count; break;
    case SZ_H: *(short *)p = (short)o->count; break;
    case SZ_LL: case SZ_64: case SZ_PTR: *(INT64 *)p = o->count; break;
    default: *(int *)p = o->count; break;
    }
    return 0;
}

static int format_one(struct out *o, struct spec *sp, unsigned flags, struct args *ap)
{
    switch (sp->conv)
    {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        format_integer(o, sp, flags, ap);
        return 0;
    case 'p':
        format_pointer(o, sp, ap);
        return 0;
    case 's': case 'S':
        format_string(o, sp, flags, ap);
        return 0;
    case 'c': case 'C':
        format_char(o, sp, flags, ap);
        return 0;
    case 'e': case 'E': case 'f': case 'g': case 'G': case 'a': case 'A':
        format_float(o, sp, flags, ap);
        return 0;
    case 'F':
        if (!(flags & MSVCRT_FMT_UCRT)) break;
        format_float(o, sp, flags, ap);
        return 0;
    case 'n':
        return store_count(o, sp, flags, ap);
    }
    return 1;   /* not a conversion */
}

int msvcrt_format(const void *fmt, unsigned flags, va_list ap, msvcrt_sink sink, void *ctx)
{
    struct out o;
    struct spec sp;
    struct args args = { NULL, NULL, 0, 0 };
    UINT64 table[MAX_POSITIONAL];
    int i = 0, start, c, pos = 0, k;
    va_list copy;

    va_copy(copy, ap);
    args.ap = &copy;
    if (flags & MSVCRT_FMT_POSITIONAL)
    {
        switch (scan_positions(fmt, flags, &args.count))
        {
        case -1:
            va_end(copy);
            _invalid_parameter_noinfo();
            return -1;
        case 1:
            for (k = 0; k < args.count; k++) table[k] = va_arg(copy, UINT64);
            args.table = table;
            break;
        }
    }
    memset(&o, 0, offsetof(struct out, buf));
    o.sink = sink;
    o.ctx = ctx;
    o.wide = (flags & MSVCRT_FMT_WIDE_OUT) != 0;
    while ((c = fmt_at(fmt, flags, i)) && !o.error)
    {
        if (c != '%' || fmt_at(fmt, flags, i + 1) == '%')
        {
            msvcrt_wchar w = (msvcrt_wchar)c;
            char b = (char)c;
            if (flags & MSVCRT_FMT_WIDE_FMT) out_wchars(&o, &w, 1);
            else out_bytes(&o, &b, 1);
            i += c == '%' ? 2 : 1;
            continue;
        }
        i++;
        if (args.table) pos = read_position(fmt, flags, &i);
        i = parse_spec(fmt, flags, i, &sp, &args);
        /* several size prefixes may follow each other: the last one counts */
        for (start = i; (i = parse_size(fmt, flags, i, &sp)) != start; start = i);
        sp.conv = fmt_at(fmt, flags, i);
        if (!sp.conv) break;
        i++;
        if (args.table) args.pos = pos - 1;
        switch (format_one(&o, &sp, flags, &args))
        {
        case 0: break;
        case 1:
            if (flags & MSVCRT_FMT_SECURE) { _invalid_parameter_noinfo(); o.error = 1; break; }
            /* an unknown conversion prints its character, without padding;
             * msvcrt prints nothing for %F or a '%' after flags or width */
            if (sp.conv == '%' || (sp.conv == 'F' && !(flags & MSVCRT_FMT_UCRT))) break;
            {
                msvcrt_wchar w = (msvcrt_wchar)sp.conv;
                char b = (char)sp.conv;
                if (flags & MSVCRT_FMT_WIDE_FMT) out_wchars(&o, &w, 1);
                else out_bytes(&o, &b, 1);
            }
            break;
        default: o.error = 1; break;
        }
    }
    va_end(copy);
    out_flush(&o);
    return o.error ? -1 : o.count;
}

/* ---- string targets ---------------------------------------------------- */

struct strbuf
{
    void *buf;
    size_t size;       /* units that may be stored */
    size_t pos;        /* units produced (may exceed size) */
    int wide;
};

static int strbuf_sink(void *ctx, const void *units, int count)
{
    struct strbuf *b = ctx;
    size_t room = b->pos < b->size ? b->size - b->pos : 0;
    size_t n = (size_t)count < room ? (size_t)count : room;
    size_t unit = b->wide ? 2 : 1;
    if (n) memcpy((char *)b->buf + b->pos * unit, units, n * unit);
    b->pos += count;
    return 0;
}

/* Formats into buf, storing at most size units, no terminator. Returns the
 * full length, or -1 on a formatting error. */
static int format_to_buffer(void *buf, size_t size, unsigned flags, const void *fmt, va_list ap)
{
    struct strbuf b = { buf, buf ? size : 0, 0, (flags & MSVCRT_FMT_WIDE_OUT) != 0 };
    return msvcrt_format(fmt, flags, ap, strbuf_sink, &b);
}

static void put_nul(void *buf, int wide, size_t index)
{
    if (wide) ((msvcrt_wchar *)buf)[index] = 0;
    else ((char *)buf)[index] = 0;
}

static int invalid_arg(int err)
{
    *_errno() = err;
    _invalid_parameter_noinfo();
    return -1;
}

/* _vsnprintf: a result that fits exactly is not terminated; a longer one
 * is cut, not terminated, and gives -1. */
static int legacy_snprintf(void *buf, size_t count, unsigned flags, const void *fmt, va_list ap)
{
    int len;
    if (!fmt || (!buf && count)) return invalid_arg(EINVAL);
    len = format_to_buffer(buf, count, flags, fmt, ap);
    if (len < 0) return -1;
    if ((size_t)len < count) put_nul(buf, flags & MSVCRT_FMT_WIDE_OUT, len);
    return (size_t)len > count ? -1 : len;
}

/* _vsnprintf_c: cut to fit and always terminated; -1 when cut. */
static int terminated_snprintf(void *buf, size_t count, unsigned flags, const void *fmt, va_list ap)
{
    int len;
    if (!fmt || (!buf && count)) return invalid_arg(EINVAL);
    len = format_to_buffer(buf, count, flags, fmt, ap);
    if (len < 0 || !count) return -1;
    if ((size_t)len < count) { put_nul(buf, flags & MSVCRT_FMT_WIDE_OUT, len); return len; }
    put_nul(buf, flags & MSVCRT_FMT_WIDE_OUT, count - 1);
    return -1;
}

/* vsprintf: no limit. */
static int unbounded_printf(void *buf, unsigned flags, const void *fmt, va_list ap)
{
    int len;
    if (!buf || !fmt) return invalid_arg(EINVAL);
    len = format_to_buffer(buf, (size_t)-1 / 4, flags, fmt, ap);
    if (len >= 0) put_nul(buf, flags & MSVCRT_FMT_WIDE_OUT, len);
    return len;
}

static int count_printf(unsigned flags, const void *fmt, va_list ap)
{
    if (!fmt) return invalid_arg(EINVAL);
    return format_to_buffer(NULL, 0, flags, fmt, ap);
}

/* vsprintf_s / _vsnprintf_s: count is the most units to write before the
 * terminator, (size_t)-1 (_TRUNCATE) meaning "what fits". A result that
 * does not fit the buffer clears it and is an invalid parameter (ERANGE)
 * unless truncation was asked for (count < size, or _TRUNCATE). */
static int secure_snprintf(void *buf, size_t size, size_t count, unsigned flags,
                           const void *fmt, va_list ap)
{
    int wide = flags & MSVCRT_FMT_WIDE_OUT, len;
    size_t limit;
    if (!fmt || !buf || !size)
    {
        if (buf && size) put_nul(buf, wide, 0);
        return invalid_arg(EINVAL);
    }
    limit = count < size ? count : size - 1;
    if (count == (size_t)-1) limit = size - 1;
    len = format_to_buffer(buf, limit, flags | MSVCRT_FMT_SECURE, fmt, ap);
    if (len < 0) { put_nul(buf, wide, 0); return -1; }
    if ((size_t)len <= limit && (size_t)len < size) { put_nul(buf, wide, len); return len; }
    if (count < size || count == (size_t)-1)
    {
        put_nul(buf, wide, limit);   /* truncated as asked */
        return -1;
    }
    put_nul(buf, wide, 0);
    return invalid_arg(ERANGE);
}

#define NARROW WLX_FMT_DEFAULT
#define WIDE   (WLX_FMT_DEFAULT | MSVCRT_FMT_WIDE_FMT | MSVCRT_FMT_WIDE_OUT)
#define POS    MSVCRT_FMT_POSITIONAL

#define VARARGS_CALL(last, call) \
    int ret; va_list ap; va_start(ap, last); ret = call; va_end(ap); return ret

/* narrow, count-limited */
int __cdecl _vsnprintf(char *buf, size_t count, const char *fmt, va_list ap) { return legacy_snprintf(buf, count, NARROW, fmt, ap); }
int __cdecl _vsnprintf_l(char *buf, size_t count, const char *fmt, _locale_t locale, va_list ap) { return legacy_snprintf(buf, count, NARROW, fmt, ap); }
int __cdecl _snprintf(char *buf, size_t count, const char *fmt, ...) { VARARGS_CALL(fmt, legacy_snprintf(buf, count, NARROW, fmt, ap)); }
int __cdecl _snprintf_l(char *buf, size_t count, const char *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, legacy_snprintf(buf, count, NARROW, fmt, ap)); }
int __cdecl _vsnprintf_c(char *buf, size_t count, const char *fmt, va_list ap) { return terminated_snprintf(buf, count, NARROW, fmt, ap); }
int __cdecl _vsnprintf_c_l(char *buf, size_t count, const char *fmt, _locale_t locale, va_list ap) { return terminated_snprintf(buf, count, NARROW, fmt, ap); }
int __cdecl _snprintf_c(char *buf, size_t count, const char *fmt, ...) { VARARGS_CALL(fmt, terminated_snprintf(buf, count, NARROW, fmt, ap)); }
int __cdecl _snprintf_c_l(char *buf, size_t count, const char *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, terminated_snprintf(buf, count, NARROW, fmt, ap)); }

/* narrow, unbounded and counting */
int __cdecl vsprintf(char *buf, const char *fmt, va_list ap) { return unbounded_printf(buf, NARROW, fmt, ap); }
int __cdecl _vsprintf_l(char *buf, const char *fmt, _locale_t locale, va_list ap) { return unbounded_printf(buf, NARROW, fmt, ap); }
int __cdecl sprintf(char *buf, const char *fmt, ...) { VARARGS_CALL(fmt, unbounded_printf(buf, NARROW, fmt, ap)); }
int __cdecl _sprintf_l(char *buf, const char *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, unbounded_printf(buf, NARROW, fmt, ap)); }
int __cdecl _vscprintf(const char *fmt, va_list ap) { return count_printf(NARROW, fmt, ap); }
int __cdecl _vscprintf_l(const char *fmt, _locale_t locale, va_list ap) { return count_printf(NARROW, fmt, ap); }
int __cdecl _scprintf(const char *fmt, ...) { VARARGS_CALL(fmt, count_printf(NARROW, fmt, ap)); }
int __cdecl _scprintf_l(const char *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, count_printf(NARROW, fmt, ap)); }

/* narrow, secure */
int __cdecl vsprintf_s(char *buf, size_t size, const char *fmt, va_list ap) { return secure_snprintf(buf, size, size, NARROW, fmt, ap); }
int __cdecl _vsprintf_s_l(char *buf, size_t size, const char *fmt, _locale_t locale, va_list ap) { return secure_snprintf(buf, size, size, NARROW, fmt, ap); }
int __cdecl sprintf_s(char *buf, size_t size, const char *fmt, ...) { VARARGS_CALL(fmt, secure_snprintf(buf, size, size, NARROW, fmt, ap)); }
int __cdecl _sprintf_s_l(char *buf, size_t size, const char *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, secure_snprintf(buf, size, size, NARROW, fmt, ap)); }
int __cdecl _vsnprintf_s(char *buf, size_t size, size_t count, const char *fmt, va_list ap) { return secure_snprintf(buf, size, count, NARROW, fmt, ap); }
int __cdecl _vsnprintf_s_l(char *buf, size_t size, size_t count, const char *fmt, _locale_t locale, va_list ap) { return secure_snprintf(buf, size, count, NARROW, fmt, ap); }
int __cdecl _snprintf_s(char *buf, size_t size, size_t count, const char *fmt, ...) { VARARGS_CALL(fmt, secure_snprintf(buf, size, count, NARROW, fmt, ap)); }
int __cdecl _snprintf_s_l(char *buf, size_t size, size_t count, const char *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, secure_snprintf(buf, size, count, NARROW, fmt, ap)); }

/* narrow, positional (_printf_p family: "%2$s %1$d"; bounded like the
 * secure functions) */
int __cdecl _vsprintf_p(char *buf, size_t size, const char *fmt, va_list ap) { return secure_snprintf(buf, size, size, NARROW | POS, fmt, ap); }
int __cdecl _vsprintf_p_l(char *buf, size_t size, const char *fmt, _locale_t locale, va_list ap) { return secure_snprintf(buf, size, size, NARROW | POS, fmt, ap); }
int __cdecl _sprintf_p(char *buf, size_t size, const char *fmt, ...) { VARARGS_CALL(fmt, secure_snprintf(buf, size, size, NARROW | POS, fmt, ap)); }
int __cdecl _sprintf_p_l(char *buf, size_t size, const char *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, secure_snprintf(buf, size, size, NARROW | POS, fmt, ap)); }
int __cdecl _vscprintf_p(const char *fmt, va_list ap) { return count_printf(NARROW | POS, fmt, ap); }
int __cdecl _vscprintf_p_l(const char *fmt, _locale_t locale, va_list ap) { return count_printf(NARROW | POS, fmt, ap); }
int __cdecl _scprintf_p(const char *fmt, ...) { VARARGS_CALL(fmt, count_printf(NARROW | POS, fmt, ap)); }
int __cdecl _scprintf_p_l(const char *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, count_printf(NARROW | POS, fmt, ap)); }

/* Wide. msvcrt.dll's swprintf/vswprintf are the pre-C99 ones without a
 * count (same as _swprintf); ucrtbase has no such export. */
int __cdecl _vsnwprintf(wchar_t *buf, size_t count, const wchar_t *fmt, va_list ap) { return legacy_snprintf(buf, count, WIDE, fmt, ap); }
int __cdecl _vsnwprintf_l(wchar_t *buf, size_t count, const wchar_t *fmt, _locale_t locale, va_list ap) { return legacy_snprintf(buf, count, WIDE, fmt, ap); }
int __cdecl _snwprintf(wchar_t *buf, size_t count, const wchar_t *fmt, ...) { VARARGS_CALL(fmt, legacy_snprintf(buf, count, WIDE, fmt, ap)); }
int __cdecl _snwprintf_l(wchar_t *buf, size_t count, const wchar_t *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, legacy_snprintf(buf, count, WIDE, fmt, ap)); }
int __cdecl _vswprintf_c(wchar_t *buf, size_t count, const wchar_t *fmt, va_list ap) { return terminated_snprintf(buf, count, WIDE, fmt, ap); }
int __cdecl _vswprintf_c_l(wchar_t *buf, size_t count, const wchar_t *fmt, _locale_t locale, va_list ap) { return terminated_snprintf(buf, count, WIDE, fmt, ap); }
int __cdecl _swprintf_c(wchar_t *buf, size_t count, const wchar_t *fmt, ...) { VARARGS_CALL(fmt, terminated_snprintf(buf, count, WIDE, fmt, ap)); }
int __cdecl _swprintf_c_l(wchar_t *buf, size_t count, const wchar_t *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, terminated_snprintf(buf, count, WIDE, fmt, ap)); }
int __cdecl _vswprintf(wchar_t *buf, const wchar_t *fmt, va_list ap) { return unbounded_printf(buf, WIDE, fmt, ap); }
int __cdecl _swprintf(wchar_t *buf, const wchar_t *fmt, ...) { VARARGS_CALL(fmt, unbounded_printf(buf, WIDE, fmt, ap)); }
int __cdecl _vswprintf_l(wchar_t *buf, const wchar_t *fmt, _locale_t locale, va_list ap) { return unbounded_printf(buf, WIDE, fmt, ap); }
int __cdecl _swprintf_l(wchar_t *buf, const wchar_t *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, unbounded_printf(buf, WIDE, fmt, ap)); }

#ifndef WLX_UCRT
int __cdecl msvcrt_vswprintf(wchar_t *buf, const wchar_t *fmt, va_list ap) __asm__("vswprintf");
int __cdecl msvcrt_vswprintf(wchar_t *buf, const wchar_t *fmt, va_list ap) { return unbounded_printf(buf, WIDE, fmt, ap); }
int __cdecl msvcrt_swprintf(wchar_t *buf, const wchar_t *fmt, ...) __asm__("swprintf");
int __cdecl msvcrt_swprintf(wchar_t *buf, const wchar_t *fmt, ...) { VARARGS_CALL(fmt, unbounded_printf(buf, WIDE, fmt, ap)); }
#endif

int __cdecl _vscwprintf(const wchar_t *fmt, va_list ap) { return count_printf(WIDE, fmt, ap); }
int __cdecl _vscwprintf_l(const wchar_t *fmt, _locale_t locale, va_list ap) { return count_printf(WIDE, fmt, ap); }
int __cdecl _scwprintf(const wchar_t *fmt, ...) { VARARGS_CALL(fmt, count_printf(WIDE, fmt, ap)); }
int __cdecl _scwprintf_l(const wchar_t *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, count_printf(WIDE, fmt, ap)); }

int __cdecl vswprintf_s(wchar_t *buf, size_t size, const wchar_t *fmt, va_list ap) { return secure_snprintf(buf, size, size, WIDE, fmt, ap); }
int __cdecl _vswprintf_s_l(wchar_t *buf, size_t size, const wchar_t *fmt, _locale_t locale, va_list ap) { return secure_snprintf(buf, size, size, WIDE, fmt, ap); }
int __cdecl swprintf_s(wchar_t *buf, size_t size, const wchar_t *fmt, ...) { VARARGS_CALL(fmt, secure_snprintf(buf, size, size, WIDE, fmt, ap)); }
int __cdecl _swprintf_s_l(wchar_t *buf, size_t size, const wchar_t *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, secure_snprintf(buf, size, size, WIDE, fmt, ap)); }
int __cdecl _vsnwprintf_s(wchar_t *buf, size_t size, size_t count, const wchar_t *fmt, va_list ap) { return secure_snprintf(buf, size, count, WIDE, fmt, ap); }
int __cdecl _vsnwprintf_s_l(wchar_t *buf, size_t size, size_t count, const wchar_t *fmt, _locale_t locale, va_list ap) { return secure_snprintf(buf, size, count, WIDE, fmt, ap); }
int __cdecl _snwprintf_s(wchar_t *buf, size_t size, size_t count, const wchar_t *fmt, ...) { VARARGS_CALL(fmt, secure_snprintf(buf, size, count, WIDE, fmt, ap)); }
int __cdecl _snwprintf_s_l(wchar_t *buf, size_t size, size_t count, const wchar_t *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, secure_snprintf(buf, size, count, WIDE, fmt, ap)); }

int __cdecl _vswprintf_p(wchar_t *buf, size_t size, const wchar_t *fmt, va_list ap) { return secure_snprintf(buf, size, size, WIDE | POS, fmt, ap); }
int __cdecl _vswprintf_p_l(wchar_t *buf, size_t size, const wchar_t *fmt, _locale_t locale, va_list ap) { return secure_snprintf(buf, size, size, WIDE | POS, fmt, ap); }
int __cdecl _swprintf_p(wchar_t *buf, size_t size, const wchar_t *fmt, ...) { VARARGS_CALL(fmt, secure_snprintf(buf, size, size, WIDE | POS, fmt, ap)); }
int __cdecl _swprintf_p_l(wchar_t *buf, size_t size, const wchar_t *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, secure_snprintf(buf, size, size, WIDE | POS, fmt, ap)); }
int __cdecl _vscwprintf_p(const wchar_t *fmt, va_list ap) { return count_printf(WIDE | POS, fmt, ap); }
int __cdecl _vscwprintf_p_l(const wchar_t *fmt, _locale_t locale, va_list ap) { return count_printf(WIDE | POS, fmt, ap); }
int __cdecl _scwprintf_p(const wchar_t *fmt, ...) { VARARGS_CALL(fmt, count_printf(WIDE | POS, fmt, ap)); }
int __cdecl _scwprintf_p_l(const wchar_t *fmt, _locale_t locale, ...) { VARARGS_CALL(locale, count_printf(WIDE | POS, fmt, ap)); }

/* ---- ucrtbase: __stdio_common_* --------------------------------------- */

/* _CRT_INTERNAL_PRINTF_* option bits of the ucrtbase entry points */
#define UCRT_LEGACY_VSPRINTF_NULL_TERMINATION 0x01
#define UCRT_STANDARD_SNPRINTF_BEHAVIOR       0x02
#define UCRT_LEGACY_WIDE_SPECIFIERS           0x04
#define UCRT_LEGACY_MSVCRT_COMPATIBILITY      0x08
#define UCRT_LEGACY_THREE_DIGIT_EXPONENTS     0x10
#define UCRT_STANDARD_ROUNDING                0x20

unsigned msvcrt_ucrt_printf_flags(unsigned __int64 options)
{
    unsigned flags = MSVCRT_FMT_UCRT;
    if (options & UCRT_LEGACY_WIDE_SPECIFIERS) flags |= MSVCRT_FMT_LEGACY_WIDE;
    if (options & UCRT_LEGACY_MSVCRT_COMPATIBILITY) flags |= MSVCRT_FMT_MSVCRT_INFNAN;
    if (options & UCRT_LEGACY_THREE_DIGIT_EXPONENTS) flags |= MSVCRT_FMT_THREE_DIGIT_EXP;
    if (options & UCRT_STANDARD_ROUNDING) flags |= MSVCRT_FMT_STANDARD_ROUNDING;
    return flags;
}

static unsigned ucrt_flags(unsigned __int64 options, int wide)
{
    unsigned flags = msvcrt_ucrt_printf_flags(options);
    if (wide) flags |= MSVCRT_FMT_WIDE_FMT | MSVCRT_FMT_WIDE_OUT;
    return flags;
}

/* vsnprintf (C99: cut to fit, always terminated, full length returned)
 * or _vsnprintf (legacy) depending on the options. Without either option
 * a cut result is terminated and gives -2, which the SDK's inline
 * wrappers turn into -1. A NULL buffer of size 0 just measures. */
static int common_vsprintf(unsigned __int64 options, void *buf, size_t len,
                           const void *fmt, va_list ap, unsigned flags)
{
    int wide = (flags & MSVCRT_FMT_WIDE_OUT) != 0, ret;

    if (!fmt || (!buf && len)) return invalid_arg(EINVAL);
    ret = format_to_buffer(buf, len, flags, fmt, ap);
    if (ret < 0 || !buf) return ret;
    if ((size_t)ret < len) { put_nul(buf, wide, ret); return ret; }
    if (options & UCRT_LEGACY_VSPRINTF_NULL_TERMINATION)   /* wins over STANDARD */
        return (size_t)ret == len ? ret : -1;
    if (options & UCRT_STANDARD_SNPRINTF_BEHAVIOR)
    {
        if (len) put_nul(buf, wide, len - 1);
        return ret;
    }
    if (!len) return -1;
    put_nul(buf, wide, len - 1);
    return -2;
}

int __cdecl __stdio_common_vsprintf(unsigned __int64 options, char *buf, size_t len,
                                    const char *fmt, _locale_t locale, va_list ap)
{
    return common_vsprintf(options, buf, len, fmt, ap, ucrt_flags(options, 0));
}

int __cdecl __stdio_common_vswprintf(unsigned __int64 options, wchar_t *buf, size_t len,
                                     const wchar_t *fmt, _locale_t locale, va_list ap)
{
    return common_vsprintf(options, buf, len, fmt, ap, ucrt_flags(options, 1));
}

int __cdecl __stdio_common_vsprintf_p(unsigned __int64 options, char *buf, size_t len,
                                      const char *fmt, _locale_t locale, va_list ap)
{
    return common_vsprintf(options, buf, len, fmt, ap, ucrt_flags(options, 0) | POS);
}

int __cdecl __stdio_common_vswprintf_p(unsigned __int64 options, wchar_t *buf, size_t len,
                                       const wchar_t *fmt, _locale_t locale, va_list ap)
{
    return common_vsprintf(options, buf, len, fmt, ap, ucrt_flags(options, 1) | POS);
}

int __cdecl __stdio_common_vsprintf_s(unsigned __int64 options, char *buf, size_t len,
                                      const char *fmt, _locale_t locale, va_list ap)
{
    return secure_snprintf(buf, len, len, ucrt_flags(options, 0), fmt, ap);
}

int __cdecl __stdio_common_vswprintf_s(unsigned __int64 options, wchar_t *buf, size_t len,
                                       const wchar_t *fmt, _locale_t locale, va_list ap)
{
    return secure_snprintf(buf, len, len, ucrt_flags(options, 1), fmt, ap);
}

int __cdecl __stdio_common_vsnprintf_s(unsigned __int64 options, char *buf, size_t len,
                                       size_t count, const char *fmt, _locale_t locale, va_list ap)
{
    return secure_snprintf(buf, len, count, ucrt_flags(options, 0), fmt, ap);
}

int __cdecl __stdio_common_vsnwprintf_s(unsigned __int64 options, wchar_t *buf, size_t len,
                                        size_t count, const wchar_t *fmt, _locale_t locale, va_list ap)
{
    return secure_snprintf(buf, len, count, ucrt_flags(options, 1), fmt, ap);
}

/* ucrtbase: %n is off unless the program turns it on. */
int __cdecl _set_printf_count_output(int enable)
{
    int old = printf_count_output;
    printf_count_output = enable != 0;
    return old;
}

int __cdecl _get_printf_count_output(void)
{
    return printf_count_output;
}
