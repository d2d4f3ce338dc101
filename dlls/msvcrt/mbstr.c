/*
 * dlls/msvcrt/mbstr.c — the _mbs*, _mbc*, _mbb* and _ismb* functions of the
 * multibyte code page (_getmbcp/_setmbcp), each once, over an explicit
 * code page: the plain export passes the current one, the _l export the
 * one of the _locale_t it gets (locale.c: msvcrt_locale_mbcp; NULL means
 * the current one), as the CRT does.
 *
 * Like Microsoft's CRT, this one knows the four double-byte code pages of
 * the Far East itself (932 Shift-JIS, 936, 949, 950: their lead and trail
 * byte ranges), so _setmbcp(932) works whether or not the system has the
 * code page. The code-page-932 functions (hiragana/katakana, JIS <->
 * Shift-JIS, the kana classes, full-width <-> half-width) do their
 * documented conversion under 932 and leave the character as it is (or
 * answer 0) under any other.
 *
 * Sections: code pages, bytes and characters, classification, 932
 * conversions, strings, the _s forms, the exports.
 */
#include "private.h"
#include <ctype.h>
#include <string.h>
#include <mbctype.h>
#include <mbstring.h>

#define EINVAL 22
#define ERANGE 34
#define EILSEQ 42

unsigned int msvcrt_locale_mbcp(_locale_t locale);   /* locale.c */

/* ---- code pages ---- */

static int mb_codepage = -1;             /* _setmbcp; -1: not chosen yet */

static unsigned int cur_cp(void)
{
    if (mb_codepage < 0) mb_codepage = GetACP();   /* msvcrt starts with _MB_CP_ANSI */
    return mb_codepage;
}

static unsigned int loc_cp(_locale_t l)
{
    return l ? msvcrt_locale_mbcp(l) : cur_cp();
}

static int is_lead(unsigned int cp, unsigned int c)
{
    c &= 0xff;
    switch (cp)
    {
    case 0: return 0;
    case 932: return (c >= 0x81 && c <= 0x9f) || (c >= 0xe0 && c <= 0xfc);
    case 936: case 949: case 950: return c >= 0x81 && c <= 0xfe;
    default: return IsDBCSLeadByteEx(cp, c);
    }
}

static int is_dbcs(unsigned int cp)
{
    CPINFO info;
    if (cp == 932 || cp == 936 || cp == 949 || cp == 950) return 1;
    return cp && GetCPInfo(cp, &info) && info.MaxCharSize > 1;
}

static int is_trail(unsigned int cp, unsigned int c)
{
    c &= 0xff;
    switch (cp)
    {
    case 932: return (c >= 0x40 && c <= 0x7e) || (c >= 0x80 && c <= 0xfc);
    case 936: return c >= 0x40 && c <= 0xfe && c != 0x7f;
    case 949: return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x81 && c <= 0xfe);
    case 950: return (c >= 0x40 && c <= 0x7e) || (c >= 0xa1 && c <= 0xfe);
    default: return is_dbcs(cp) && c >= 0x40 && c != 0x7f;
    }
}

/* for msvcpaux.c's _mbctype table */
int msvcrt_mb_is_lead(unsigned int cp, unsigned int c) { return is_lead(cp, c); }
int msvcrt_mb_is_trail(unsigned int cp, unsigned int c) { return is_dbcs(cp) && is_trail(cp, c); }

int __cdecl _getmbcp(void) { return cur_cp(); }

int __cdecl _setmbcp(int cp)
{
    CPINFO info;
    switch (cp)
    {
    case -3: cp = GetOEMCP(); break;   /* _MB_CP_OEM */
    case -4: cp = GetACP(); break;     /* _MB_CP_ANSI */
    case -2: return 0;                 /* _MB_CP_LOCALE */
    case -1: return 0;                 /* _MB_CP_SBCS */
    }
    if (cp && !is_dbcs(cp) && !GetCPInfo(cp, &info)) { *_errno() = EINVAL; return -1; }
    mb_codepage = cp;
    return 0;
}

/* ---- bytes and characters ---- */

static size_t clen(unsigned int cp, const unsigned char *s)
{
    return is_lead(cp, *s) && s[1] ? 2 : 1;
}

static unsigned int char_at(unsigned int cp, const unsigned char *s)
{
    return clen(cp, s) == 2 ? (s[0] << 8) | s[1] : s[0];
}

static const unsigned char *next(unsigned int cp, const unsigned char *s) { return s + clen(cp, s); }

/* bytes taken by the first n characters */
static size_t char_bytes(unsigned int cp, const unsigned char *s, size_t n)
{
    const unsigned char *p = s;
    while (n-- && *p) p = next(cp, p);
    return p - s;
}

/* characters in the first n bytes (a cut double-byte character counts) */
static size_t byte_chars(unsigned int cp, const unsigned char *s, size_t n)
{
    size_t count = 0;
    const unsigned char *p = s;
    while (*p && (size_t)(p - s) < n) { p = next(cp, p); count++; }
    return count;
}

/* Byte types: _MBC_SINGLE 0, _MBC_LEAD 1, _MBC_TRAIL 2, _MBC_ILLEGAL -1 */
static int sbtype(unsigned int cp, const unsigned char *s, size_t n)
{
    const unsigned char *p = s, *end = s + n;
    while (p < end)
    {
        if (!*p) return -1;
        p += is_lead(cp, *p) ? 2 : 1;
    }
    if (!*end) return -1;
    if (p > end) return is_trail(cp, *end) ? 2 : -1;
    return is_lead(cp, *end) ? 1 : 0;
}

/* ---- classification ---- */

static int kana_932(unsigned int cp, unsigned int c) { return cp == 932 && c >= 0xa1 && c <= 0xdf; }

static int b_kalnum(unsigned int cp, unsigned int c) { return cp == 932 && c >= 0xa6 && c <= 0xdf; }
static int b_kpunct(unsigned int cp, unsigned int c) { return cp == 932 && c >= 0xa1 && c <= 0xa5; }
static int b_alpha(unsigned int cp, unsigned int c) { c &= 0xff; return isalpha(c) || b_kalnum(cp, c); }
static int b_alnum(unsigned int cp, unsigned int c) { c &= 0xff; return isalnum(c) || b_kalnum(cp, c); }
static int b_punct(unsigned int cp, unsigned int c) { c &= 0xff; return ispunct(c) || b_kpunct(cp, c); }
static int b_print(unsigned int cp, unsigned int c) { c &= 0xff; return isprint(c) || kana_932(cp, c); }
static int b_graph(unsigned int cp, unsigned int c) { c &= 0xff; return isgraph(c) || kana_932(cp, c); }
static int b_blank(unsigned int cp, unsigned int c) { c &= 0xff; return c == ' ' || c == '\t'; }

static int legal(unsigned int cp, unsigned int c)
{
    return c > 0xff && c <= 0xffff && is_lead(cp, c >> 8) && is_trail(cp, c);
}

/* double-byte characters of 932 (Shift-JIS): full-width digits and
 * letters, the symbols row, hiragana, katakana, the JIS levels */
static int c_digit(unsigned int cp, unsigned int c) { return c < 256 ? isdigit(c) : cp == 932 && c >= 0x824f && c <= 0x8258; }
/* the letters of 932 that have two cases: full-width Latin, Greek,
 * Cyrillic (the lower-case Cyrillic row skips 0x847f) */
static const struct { unsigned short upper, last, lower; } case_ranges[] =
{
    { 0x8260, 0x8279, 0x8281 }, { 0x839f, 0x83b6, 0x83bf }, { 0x8440, 0x844e, 0x8470 }, { 0x844f, 0x8460, 0x8480 },
};

/* the other case of c in 932, or 0 */
static unsigned int other_case(unsigned int cp, unsigned int c, int want_lower)
{
    if (cp != 932) return 0;
    for (unsigned int i = 0; i < sizeof(case_ranges) / sizeof(case_ranges[0]); i++)
    {
        unsigned int n = case_ranges[i].last - case_ranges[i].upper;
        if (want_lower && c >= case_ranges[i].upper && c <= case_ranges[i].last)
            return c - case_ranges[i].upper + case_ranges[i].lower;
        if (!want_lower && c >= case_ranges[i].lower && c <= case_ranges[i].lower + n)
            return c - case_ranges[i].lower + case_ranges[i].upper;
    }
    return 0;
}

static int c_upper(unsigned int cp, unsigned int c) { return c < 256 ? isupper(c) : other_case(cp, c, 1) != 0; }
static int c_lower(unsigned int cp, unsigned int c) { return c < 256 ? islower(c) : other_case(cp, c, 0) != 0; }
static int c_hira(unsigned int cp, unsigned int c) { return cp == 932 && c >= 0x829f && c <= 0x82f1; }
static int c_kata(unsigned int cp, unsigned int c) { return cp == 932 && c >= 0x8340 && c <= 0x8396 && c != 0x837f; }
static int c_symbol(unsigned int cp, unsigned int c) { return cp == 932 && c >= 0x8141 && c <= 0x81ac && c != 0x817f; }
static int c_space(unsigned int cp, unsigned int c) { return c < 256 ? isspace(c) : cp == 932 && c == 0x8140; }
static int c_blank(unsigned int cp, unsigned int c) { return c < 256 ? b_blank(cp, c) : cp == 932 && c == 0x8140; }
static int c_alpha(unsigned int cp, unsigned int c)
{
    if (c < 256) return b_alpha(cp, c);
    return c_upper(cp, c) || c_lower(cp, c);
}
static int c_alnum(unsigned int cp, unsigned int c) { return c < 256 ? b_alnum(cp, c) : c_alpha(cp, c) || c_digit(cp, c); }
static int c_punct(unsigned int cp, unsigned int c) { return c < 256 ? b_punct(cp, c) : c_symbol(cp, c); }
static int c_print(unsigned int cp, unsigned int c) { return c < 256 ? b_print(cp, c) : legal(cp, c); }
static int c_graph(unsigned int cp, unsigned int c) { return c < 256 ? b_graph(cp, c) : legal(cp, c) && !c_space(cp, c); }
static int c_l0(unsigned int cp, unsigned int c) { return cp == 932 && legal(cp, c) && c >= 0x8140 && c <= 0x889e; }
static int c_l1(unsigned int cp, unsigned int c) { return cp == 932 && legal(cp, c) && c >= 0x889f && c <= 0x9872; }
static int c_l2(unsigned int cp, unsigned int c) { return cp == 932 && legal(cp, c) && c >= 0x989f && c <= 0xeaa4; }
static int c_legal(unsigned int cp, unsigned int c) { return legal(cp, c); }

/* single bytes follow the "C" rules (ASCII only); the letters of 932 too */
static unsigned int c_tolower(unsigned int cp, unsigned int c)
{
    if (c < 256) return c >= 'A' && c <= 'Z' ? c + 32 : c;
    return other_case(cp, c, 1) ? other_case(cp, c, 1) : c;
}
static unsigned int c_toupper(unsigned int cp, unsigned int c)
{
    if (c < 256) return c >= 'a' && c <= 'z' ? c - 32 : c;
    return other_case(cp, c, 0) ? other_case(cp, c, 0) : c;
}

static int bbtype(unsigned int cp, unsigned int c, int type)
{
    if (type == 1) return is_trail(cp, c) ? 2 : -1;           /* after a lead byte */
    if (is_lead(cp, c)) return 1;
    return b_print(cp, c) ? 0 : -1;
}

/* ---- code page 932 conversions ---- */

/* katakana 0x8340..0x8393 (0x837f unused) <-> hiragana 0x829f..0x82f1 */
static unsigned int c_tohira(unsigned int cp, unsigned int c)
{
    if (!c_kata(cp, c) || c > 0x8393) return c;
    return c - (c < 0x837f ? 0xa1 : 0xa2);
}

static unsigned int c_tokata(unsigned int cp, unsigned int c)
{
    if (!c_hira(cp, c)) return c;
    return c + (c < 0x82de ? 0xa1 : 0xa2);
}

/* JIS X 0208 row/cell bytes 0x21..0x7e <-> Shift-JIS; 0 when not convertible */
static unsigned int c_jistojms(unsigned int cp, unsigned int c)
{
    unsigned int j1 = c >> 8, j2 = c & 0xff, s1, s2;

    if (cp != 932) return c;
    if (j1 < 0x21 || j1 > 0x7e || j2 < 0x21 || j2 > 0x7e) return 0;
    s1 = ((j1 + 1) >> 1) + (j1 <= 0x5e ? 0x70 : 0xb0);
    if (j1 & 1) s2 = j2 + (j2 >= 0x60 ? 0x20 : 0x1f);
    else s2 = j2 + 0x7e;
    return (s1 << 8) | s2;
}

static unsigned int c_jmstojis(unsigned int cp, unsigned int c)
{
    unsigned int s1 = c >> 8, s2 = c & 0xff, j1, j2;

    if (cp != 932) return c;
    if (!legal(cp, c) || s1 > 0xef) return 0;
    j1 = (s1 - (s1 >= 0xe0 ? 0xb0 : 0x70)) * 2;
    if (s2 < 0x9f) { j1--; j2 = s2 - (s2 >= 0x80 ? 0x20 : 0x1f); }
    else j2 = s2 - 0x7e;
    return (j1 << 8) | j2;
}

/* full-width forms of the single bytes (code page 932): ASCII 0x20..0x7e
 * and half-width katakana 0xa1..0xdf */
static const unsigned short ascii_wide[95] =
{
    0x8140, 0x8149, 0x8168, 0x8194, 0x8190, 0x8193, 0x8195, 0x8166, 0x8169, 0x816a, 0x8196, 0x817b,
    0x8143, 0x817c, 0x8144, 0x815e, 0x824f, 0x8250, 0x8251, 0x8252, 0x8253, 0x8254, 0x8255, 0x8256,
    0x8257, 0x8258, 0x8146, 0x8147, 0x8183, 0x8181, 0x8184, 0x8148, 0x8197, 0x8260, 0x8261, 0x8262,
    0x8263, 0x8264, 0x8265, 0x8266, 0x8267, 0x8268, 0x8269, 0x826a, 0x826b, 0x826c, 0x826d, 0x826e,
    0x826f, 0x8270, 0x8271, 0x8272, 0x8273, 0x8274, 0x8275, 0x8276, 0x8277, 0x8278, 0x8279, 0x816d,
    0x818f, 0x816e, 0x814f, 0x8151, 0x8165, 0x8281, 0x8282, 0x8283, 0x8284, 0x8285, 0x8286, 0x8287,
    0x8288, 0x8289, 0x828a, 0x828b, 0x828c, 0x828d, 0x828e, 0x828f, 0x8290, 0x8291, 0x8292, 0x8293,
    0x8294, 0x8295, 0x8296, 0x8297, 0x8298, 0x8299, 0x829a, 0x816f, 0x8162, 0x8170, 0x8150,
};
static const unsigned short kana_wide[63] =
{
    0x8142, 0x8175, 0x8176, 0x8141, 0x8145, 0x8392, 0x8340, 0x8342, 0x8344, 0x8346, 0x8348, 0x8383,
    0x8385, 0x8387, 0x8362, 0x815b, 0x8341, 0x8343, 0x8345, 0x8347, 0x8349, 0x834a, 0x834c, 0x834e,
    0x8350, 0x8352, 0x8354, 0x8356, 0x8358, 0x835a, 0x835c, 0x835e, 0x8360, 0x8363, 0x8365, 0x8367,
    0x8369, 0x836a, 0x836b, 0x836c, 0x836d, 0x836e, 0x8371, 0x8374, 0x8377, 0x837a, 0x837d, 0x837e,
    0x8380, 0x8381, 0x8382, 0x8384, 0x8386, 0x8388, 0x8389, 0x838a, 0x838b, 0x838c, 0x838d, 0x838f,
    0x8393, 0x814a, 0x814b,
};

static unsigned int c_btombc(unsigned int cp, unsigned int c)
{
    if (cp != 932) return c;
    if (c >= 0x20 && c <= 0x7e) return ascii_wide[c - 0x20];
    if (c >= 0xa1 && c <= 0xdf) return kana_wide[c - 0xa1];
    return c;
}

/* the half-width byte of a full-width character: ASCII forms, kana (a
 * hiragana as its katakana; a voiced or semi-voiced one loses the mark, as
 * half-width kana write it apart), else c */
static unsigned int c_tombb(unsigned int cp, unsigned int c)
{
    static const unsigned short odd_kana[][2] =
    {
        { 0x838e, 0xdc }, { 0x8390, 0xb2 }, { 0x8391, 0xb4 },   /* small wa, wi, we */
        { 0x8394, 0xb3 }, { 0x8395, 0xb6 }, { 0x8396, 0xb9 },   /* vu, small ka, small ke */
    };
    unsigned int i, k, back;

    if (cp != 932 || c < 256) return c;
    for (i = 0; i < 95; i++) if (ascii_wide[i] == c) return 0x20 + i;
    k = c_tokata(cp, c);
    for (i = 0; i < sizeof(odd_kana) / sizeof(odd_kana[0]); i++) if (odd_kana[i][0] == k) return odd_kana[i][1];
    for (back = 0; back < 3; back++)
    {
        if (back && !(c_kata(cp, k) && k >= 0x834b && k <= 0x837c)) break;
        for (i = 0; i < 63; i++) if (kana_wide[i] == k - back) return 0xa1 + i;
    }
    return c;
}

/* ---- strings ---- */

static unsigned char *s_chr(unsigned int cp, const unsigned char *s, unsigned int c)
{
    for (;; s = next(cp, s))
    {
        if (char_at(cp, s) == c) return (unsigned char *)s;
        if (!*s) return NULL;
    }
}

static unsigned char *s_rchr(unsigned int cp, const unsigned char *s, unsigned int c)
{
    const unsigned char *found = NULL;
    for (;; s = next(cp, s))
    {
        if (char_at(cp, s) == c) found = s;
        if (!*s) return (unsigned char *)found;
    }
}

static unsigned char *s_dec(unsigned int cp, const unsigned char *start, const unsigned char *cur)
{
    const unsigned char *p = start, *prev = NULL;
    if (cur <= start) return NULL;
    while (p < cur) { prev = p; p = next(cp, p); }
    return (unsigned char *)prev;
}

static size_t s_len(unsigned int cp, const unsigned char *s)
{
    size_t n = 0;
    for (; *s; s = next(cp, s)) n++;
    return n;
}

static unsigned char *s_str(unsigned int cp, const unsigned char *s, const unsigned char *find)
{
    size_t n = strlen((const char *)find);
    for (; *s; s = next(cp, s))
        if (!strncmp((const char *)s, (const char *)find, n)) return (unsigned char *)s;
    return n ? NULL : (unsigned char *)s;
}

/* Compares at most n characters (chars) or n bytes (bytes). */
static int compare(unsigned int cp, const unsigned char *a, const unsigned char *b, size_t n, int bytes, int fold)
{
    while (n)
    {
        unsigned int ca = char_at(cp, a), cb = char_at(cp, b);
        size_t la = clen(cp, a);
        if (fold) { ca = c_tolower(cp, ca); cb = c_tolower(cp, cb); }
        if (bytes && la > n) { ca = *a; cb = *b; }     /* a cut lead byte compares alone */
        if (ca != cb) return ca < cb ? -1 : 1;
        if (!ca) return 0;
        n -= bytes ? (la < n ? la : n) : 1;
        a = next(cp, a);
        b = next(cp, b);
    }
    return 0;
}

static unsigned char *s_ncpy(unsigned int cp, unsigned char *dst, const unsigned char *src, size_t n)
{
    size_t bytes = char_bytes(cp, src, n), chars = byte_chars(cp, src, bytes), i;
    for (i = 0; i < bytes; i++) dst[i] = src[i];
    for (; chars < n; chars++) dst[i++] = 0;    /* like strncpy: padded with NULs */
    return dst;
}

static unsigned char *s_ncat(unsigned int cp, unsigned char *dst, const unsigned char *src, size_t n)
{
    unsigned char *d = dst + strlen((char *)dst);
    size_t bytes = char_bytes(cp, src, n);
    memcpy(d, src, bytes);
    d[bytes] = 0;
    return dst;
}

static int has_char(unsigned int cp, const unsigned char *set, unsigned int c)
{
    for (; *set; set = next(cp, set)) if (char_at(cp, set) == c) return 1;
    return 0;
}

static size_t s_spn(unsigned int cp, const unsigned char *s, const unsigned char *set, int in)
{
    const unsigned char *p = s;
    while (*p && has_char(cp, set, char_at(cp, p)) == in) p = next(cp, p);
    return p - s;
}

static void s_map(unsigned int cp, unsigned char *s, size_t max, unsigned int (*fn)(unsigned int, unsigned int))
{
    unsigned char *start = s;
    for (; *s && (size_t)(s - start) < max; s = (unsigned char *)next(cp, s))
    {
        unsigned int c = fn(cp, char_at(cp, s));
        if (clen(cp, s) == 1) *s = (unsigned char)c;
        else if (c > 0xff) { s[0] = (unsigned char)(c >> 8); s[1] = (unsigned char)c; }
    }
}

/* Reverses characters, keeping each double-byte pair in order. */
static unsigned char *s_rev(unsigned int cp, unsigned char *s)
{
    size_t len = strlen((char *)s), i;
    unsigned char *tmp = malloc(len + 1), *p;
    if (!tmp) return s;
    p = tmp + len;
    *p = 0;
    for (i = 0; i < len; )
    {
        size_t l = clen(cp, s + i);
        p -= l;
        memcpy(p, s + i, l);
        i += l;
    }
    memcpy(s, tmp, len);
    free(tmp);
    return s;
}

/* fills the first n bytes (or all) with character c; a double-byte c
 * that does not fit the last byte leaves a space there */
static unsigned char *s_set(unsigned char *s, unsigned int c, size_t n)
{
    unsigned char *p = s;
    if (c > 0xff)
    {
        while (n >= 2 && p[0] && p[1]) { *p++ = (unsigned char)(c >> 8); *p++ = (unsigned char)c; n -= 2; }
        if (n && *p) *p = ' ';
    }
    else for (; n && *p; p++, n--) *p = (unsigned char)c;
    return s;
}

static unsigned char *s_tok(unsigned int cp, unsigned char *s, const unsigned char *delim, unsigned char **ctx)
{
    unsigned char *end;
    if (!delim || !ctx || (!s && !*ctx)) { *_errno() = EINVAL; msvcrt_invalid_parameter(); return NULL; }
    if (!s) s = *ctx;
    s += s_spn(cp, s, delim, 1);
    if (!*s) { *ctx = s; return NULL; }
    end = s + s_spn(cp, s, delim, 0);
    if (*end) { size_t len = clen(cp, end); *end = 0; if (len == 2) end[1] = 0; end += len; }
    *ctx = end;
    return s;
}

/* ---- the _s forms ---- */

static errno_t fail(errno_t err, unsigned char *dst, size_t size)
{
    if (dst && size) dst[0] = 0;
    *_errno() = err;
    msvcrt_invalid_parameter();
    return err;
}

/* copies at most count (chars: characters, else bytes; _TRUNCATE: all)
 * of src to dst + at; the result must fit size with its NUL, or with
 * _TRUNCATE it is cut on a character boundary (STRUNCATE) */
static errno_t copy_s(unsigned int cp, unsigned char *dst, size_t size, size_t at,
                      const unsigned char *src, size_t count, int chars)
{
    size_t room = size - at, bytes;

    if (count == _TRUNCATE) bytes = strlen((const char *)src);
    else if (chars) bytes = char_bytes(cp, src, count);
    else { bytes = 0; while (bytes < count && src[bytes]) bytes++; }
    if (bytes < room)
    {
        memcpy(dst + at, src, bytes);
        dst[at + bytes] = 0;
        return 0;
    }
    if (count != _TRUNCATE) return fail(ERANGE, dst, size);
    bytes = 0;
    while (src[bytes] && bytes + clen(cp, src + bytes) < room) bytes += clen(cp, src + bytes);
    memcpy(dst + at, src, bytes);
    dst[at + bytes] = 0;
    return STRUNCATE;
}

static errno_t cpy_s(unsigned int cp, unsigned char *dst, size_t size, const unsigned char *src, size_t count, int chars)
{
    if (!dst || !size) return fail(EINVAL, NULL, 0);
    if (!src) return fail(EINVAL, dst, size);
    if (!count) { dst[0] = 0; return 0; }
    return copy_s(cp, dst, size, 0, src, count, chars);
}

static errno_t cat_s(unsigned int cp, unsigned char *dst, size_t size, const unsigned char *src, size_t count, int chars)
{
    size_t used = 0;
    if (!dst || !size) return fail(EINVAL, NULL, 0);
    if (!src) return fail(EINVAL, dst, size);
    while (used < size && dst[used]) used++;
    if (used == size) return fail(EINVAL, dst, size);     /* not terminated */
    return copy_s(cp, dst, size, used, src, count, chars);
}

/* the string must end within size */
static errno_t check_s(unsigned char *s, size_t size)
{
    if (!s && !size) return 0;
    if (!s || !size || !memchr(s, 0, size)) return fail(EINVAL, s, size);
    return -1;
}

static errno_t map_s(unsigned int cp, unsigned char *s, size_t size, unsigned int (*fn)(unsigned int, unsigned int))
{
    errno_t err = check_s(s, size);
    if (err != -1) return err;
    s_map(cp, s, size, fn);
    return 0;
}

static errno_t set_s(unsigned char *s, size_t size, unsigned int c, size_t n)
{
    errno_t err = check_s(s, size);
    if (err != -1) return err;
    s_set(s, c, n);
    return 0;
}

static errno_t ccpy_s(unsigned int cp, unsigned char *dst, size_t size, int *copied, const unsigned char *src)
{
    size_t len;
    if (copied) *copied = 0;
    if (!dst || !src) return fail(EINVAL, NULL, 0);
    len = clen(cp, src);
    if (len > size) return fail(ERANGE, dst, size);
    memcpy(dst, src, len);
    if (copied) *copied = (int)len;
    return 0;
}

/* ---- the exports: each plain one over the current code page, each _l
 * one over its locale's ---- */

typedef unsigned char uchar;
#define NO_LIMIT ((size_t)-2)   /* a count that never runs out (not _TRUNCATE) */

/* classification and conversion of one character */
#define CLASS(name, impl, val) \
    int __cdecl name(unsigned int c) { return impl(cur_cp(), c) ? (val) : 0; } \
    int __cdecl name##_l(unsigned int c, _locale_t l) { return impl(loc_cp(l), c) ? (val) : 0; }
#define CONVERT(name, impl) \
    unsigned int __cdecl name(unsigned int c) { return impl(cur_cp(), c); } \
    unsigned int __cdecl name##_l(unsigned int c, _locale_t l) { return impl(loc_cp(l), c); }

CLASS(_ismbblead, is_lead, 4)       /* _M1, as _mbctype has it */
CLASS(_ismbbtrail, is_trail, 8)     /* _M2 */
CLASS(_ismbbalpha, b_alpha, 1)
CLASS(_ismbbalnum, b_alnum, 1)
CLASS(_ismbbpunct, b_punct, 1)
CLASS(_ismbbprint, b_print, 1)
CLASS(_ismbbgraph, b_graph, 1)
CLASS(_ismbbblank, b_blank, 1)
CLASS(_ismbbkana, kana_932, 1)
CLASS(_ismbbkalnum, b_kalnum, 1)
CLASS(_ismbbkpunct, b_kpunct, 1)
CLASS(_ismbbkprint, kana_932, 1)
CLASS(_ismbcalpha, c_alpha, 1)
CLASS(_ismbcdigit, c_digit, 1)
CLASS(_ismbcalnum, c_alnum, 1)
CLASS(_ismbcspace, c_space, 1)
CLASS(_ismbcblank, c_blank, 1)
CLASS(_ismbcpunct, c_punct, 1)
CLASS(_ismbcprint, c_print, 1)
CLASS(_ismbcgraph, c_graph, 1)
CLASS(_ismbclower, c_lower, 1)
CLASS(_ismbcupper, c_upper, 1)
CLASS(_ismbchira, c_hira, 1)
CLASS(_ismbckata, c_kata, 1)
CLASS(_ismbcsymbol, c_symbol, 1)
CLASS(_ismbcl0, c_l0, 1)
CLASS(_ismbcl1, c_l1, 1)
CLASS(_ismbcl2, c_l2, 1)
CLASS(_ismbclegal, c_legal, 1)
CONVERT(_mbctolower, c_tolower)
CONVERT(_mbctoupper, c_toupper)
CONVERT(_mbctohira, c_tohira)
CONVERT(_mbctokata, c_tokata)
CONVERT(_mbcjistojms, c_jistojms)
CONVERT(_mbcjmstojis, c_jmstojis)
CONVERT(_mbbtombc, c_btombc)
CONVERT(_mbctombb, c_tombb)

int __cdecl _mbbtype(unsigned char c, int type) { return bbtype(cur_cp(), c, type); }
int __cdecl _mbbtype_l(unsigned char c, int type, _locale_t l) { return bbtype(loc_cp(l), c, type); }

size_t __cdecl _mbclen(const uchar *s) { return clen(cur_cp(), s); }
size_t __cdecl _mbclen_l(const uchar *s, _locale_t l) { return clen(loc_cp(l), s); }
uchar *__cdecl _mbsinc(const uchar *s) { return (uchar *)next(cur_cp(), s); }
uchar *__cdecl _mbsinc_l(const uchar *s, _locale_t l) { return (uchar *)next(loc_cp(l), s); }
uchar *__cdecl _mbsdec(const uchar *a, const uchar *b) { return s_dec(cur_cp(), a, b); }
uchar *__cdecl _mbsdec_l(const uchar *a, const uchar *b, _locale_t l) { return s_dec(loc_cp(l), a, b); }
size_t __cdecl _mbslen(const uchar *s) { return s_len(cur_cp(), s); }
size_t __cdecl _mbslen_l(const uchar *s, _locale_t l) { return s_len(loc_cp(l), s); }
unsigned int __cdecl _mbsnextc(const uchar *s) { return char_at(cur_cp(), s); }
unsigned int __cdecl _mbsnextc_l(const uchar *s, _locale_t l) { return char_at(loc_cp(l), s); }
uchar *__cdecl _mbschr(const uchar *s, unsigned int c) { return s_chr(cur_cp(), s, c); }
uchar *__cdecl _mbschr_l(const uchar *s, unsigned int c, _locale_t l) { return s_chr(loc_cp(l), s, c); }
uchar *__cdecl _mbsrchr(const uchar *s, unsigned int c) { return s_rchr(cur_cp(), s, c); }
uchar *__cdecl _mbsrchr_l(const uchar *s, unsigned int c, _locale_t l) { return s_rchr(loc_cp(l), s, c); }
uchar *__cdecl _mbsstr(const uchar *s, const uchar *f) { return s_str(cur_cp(), s, f); }
uchar *__cdecl _mbsstr_l(const uchar *s, const uchar *f, _locale_t l) { return s_str(loc_cp(l), s, f); }

/* comparisons: collation is the plain order (the "C" locale's) */
#define CMP(name, n, bytes, fold) \
    int __cdecl name(const uchar *a, const uchar *b) { return compare(cur_cp(), a, b, n, bytes, fold); } \
    int __cdecl name##_l(const uchar *a, const uchar *b, _locale_t l) { return compare(loc_cp(l), a, b, n, bytes, fold); }
#define NCMP(name, bytes, fold) \
    int __cdecl name(const uchar *a, const uchar *b, size_t n) { return compare(cur_cp(), a, b, n, bytes, fold); } \
    int __cdecl name##_l(const uchar *a, const uchar *b, size_t n, _locale_t l) { return compare(loc_cp(l), a, b, n, bytes, fold); }
CMP(_mbscmp, (size_t)-1, 0, 0)
CMP(_mbsicmp, (size_t)-1, 0, 1)
CMP(_mbscoll, (size_t)-1, 0, 0)
CMP(_mbsicoll, (size_t)-1, 0, 1)
NCMP(_mbsncmp, 0, 0)
NCMP(_mbsnicmp, 0, 1)
NCMP(_mbsnbcmp, 1, 0)
NCMP(_mbsnbicmp, 1, 1)
NCMP(_mbsncoll, 0, 0)
NCMP(_mbsnicoll, 0, 1)
NCMP(_mbsnbcoll, 1, 0)
NCMP(_mbsnbicoll, 1, 1)

size_t __cdecl _mbsnbcnt(const uchar *s, size_t n) { return char_bytes(cur_cp(), s, n); }
size_t __cdecl _mbsnbcnt_l(const uchar *s, size_t n, _locale_t l) { return char_bytes(loc_cp(l), s, n); }
size_t __cdecl _mbsnccnt(const uchar *s, size_t n) { return byte_chars(cur_cp(), s, n); }
size_t __cdecl _mbsnccnt_l(const uchar *s, size_t n, _locale_t l) { return byte_chars(loc_cp(l), s, n); }
size_t __cdecl _mbsnlen(const uchar *s, size_t n) { return byte_chars(cur_cp(), s, n); }
size_t __cdecl _mbsnlen_l(const uchar *s, size_t n, _locale_t l) { return byte_chars(loc_cp(l), s, n); }
uchar *__cdecl _mbsninc(const uchar *s, size_t n) { return s ? (uchar *)s + char_bytes(cur_cp(), s, n) : NULL; }
uchar *__cdecl _mbsninc_l(const uchar *s, size_t n, _locale_t l) { return s ? (uchar *)s + char_bytes(loc_cp(l), s, n) : NULL; }

uchar *__cdecl _mbscpy(uchar *dst, const uchar *src) { strcpy((char *)dst, (const char *)src); return dst; }
uchar *__cdecl _mbscat(uchar *dst, const uchar *src) { strcat((char *)dst, (const char *)src); return dst; }
uchar *__cdecl _mbsdup(const uchar *s) { return (uchar *)_strdup((const char *)s); }
uchar *__cdecl _mbsncpy(uchar *d, const uchar *s, size_t n) { return s_ncpy(cur_cp(), d, s, n); }
uchar *__cdecl _mbsncpy_l(uchar *d, const uchar *s, size_t n, _locale_t l) { return s_ncpy(loc_cp(l), d, s, n); }
uchar *__cdecl _mbsnbcpy(uchar *d, const uchar *s, size_t n) { return (uchar *)strncpy((char *)d, (const char *)s, n); }
uchar *__cdecl _mbsnbcpy_l(uchar *d, const uchar *s, size_t n, _locale_t l) { return _mbsnbcpy(d, s, n); }
uchar *__cdecl _mbsncat(uchar *d, const uchar *s, size_t n) { return s_ncat(cur_cp(), d, s, n); }
uchar *__cdecl _mbsncat_l(uchar *d, const uchar *s, size_t n, _locale_t l) { return s_ncat(loc_cp(l), d, s, n); }
uchar *__cdecl _mbsnbcat(uchar *d, const uchar *s, size_t n) { return (uchar *)strncat((char *)d, (const char *)s, n); }
uchar *__cdecl _mbsnbcat_l(uchar *d, const uchar *s, size_t n, _locale_t l) { return _mbsnbcat(d, s, n); }

size_t __cdecl _mbsspn(const uchar *s, const uchar *set) { return s_spn(cur_cp(), s, set, 1); }
size_t __cdecl _mbsspn_l(const uchar *s, const uchar *set, _locale_t l) { return s_spn(loc_cp(l), s, set, 1); }
size_t __cdecl _mbscspn(const uchar *s, const uchar *set) { return s_spn(cur_cp(), s, set, 0); }
size_t __cdecl _mbscspn_l(const uchar *s, const uchar *set, _locale_t l) { return s_spn(loc_cp(l), s, set, 0); }
uchar *__cdecl _mbsspnp_l(const uchar *s, const uchar *set, _locale_t l)
{
    s += s_spn(loc_cp(l), s, set, 1);
    return *s ? (uchar *)s : NULL;
}
uchar *__cdecl _mbsspnp(const uchar *s, const uchar *set) { return _mbsspnp_l(s, set, NULL); }
uchar *__cdecl _mbspbrk_l(const uchar *s, const uchar *set, _locale_t l)
{
    s += s_spn(loc_cp(l), s, set, 0);
    return *s ? (uchar *)s : NULL;
}
uchar *__cdecl _mbspbrk(const uchar *s, const uchar *set) { return _mbspbrk_l(s, set, NULL); }

uchar *__cdecl _mbslwr(uchar *s) { s_map(cur_cp(), s, (size_t)-1, c_tolower); return s; }
uchar *__cdecl _mbslwr_l(uchar *s, _locale_t l) { s_map(loc_cp(l), s, (size_t)-1, c_tolower); return s; }
uchar *__cdecl _mbsupr(uchar *s) { s_map(cur_cp(), s, (size_t)-1, c_toupper); return s; }
uchar *__cdecl _mbsupr_l(uchar *s, _locale_t l) { s_map(loc_cp(l), s, (size_t)-1, c_toupper); return s; }
uchar *__cdecl _mbsrev(uchar *s) { return s_rev(cur_cp(), s); }
uchar *__cdecl _mbsrev_l(uchar *s, _locale_t l) { return s_rev(loc_cp(l), s); }
uchar *__cdecl _mbsset(uchar *s, unsigned int c) { return s_set(s, c, (size_t)-1); }
uchar *__cdecl _mbsset_l(uchar *s, unsigned int c, _locale_t l) { return s_set(s, c, (size_t)-1); }
uchar *__cdecl _mbsnbset(uchar *s, unsigned int c, size_t n) { return s_set(s, c, n); }
uchar *__cdecl _mbsnbset_l(uchar *s, unsigned int c, size_t n, _locale_t l) { return s_set(s, c, n); }
uchar *__cdecl _mbsnset(uchar *s, unsigned int c, size_t n) { return s_set(s, c, char_bytes(cur_cp(), s, n)); }
uchar *__cdecl _mbsnset_l(uchar *s, unsigned int c, size_t n, _locale_t l) { return s_set(s, c, char_bytes(loc_cp(l), s, n)); }

int __cdecl _mbsbtype(const uchar *s, size_t n) { return sbtype(cur_cp(), s, n); }
int __cdecl _mbsbtype_l(const uchar *s, size_t n, _locale_t l) { return sbtype(loc_cp(l), s, n); }
int __cdecl _ismbslead(const uchar *start, const uchar *p) { return sbtype(cur_cp(), start, p - start) == 1 ? -1 : 0; }
int __cdecl _ismbslead_l(const uchar *start, const uchar *p, _locale_t l) { return sbtype(loc_cp(l), start, p - start) == 1 ? -1 : 0; }
int __cdecl _ismbstrail(const uchar *start, const uchar *p) { return sbtype(cur_cp(), start, p - start) == 2 ? -1 : 0; }
int __cdecl _ismbstrail_l(const uchar *start, const uchar *p, _locale_t l) { return sbtype(loc_cp(l), start, p - start) == 2 ? -1 : 0; }

uchar *__cdecl _mbstok_s(uchar *s, const uchar *delim, uchar **ctx) { return s_tok(cur_cp(), s, delim, ctx); }
uchar *__cdecl _mbstok_s_l(uchar *s, const uchar *delim, uchar **ctx, _locale_t l) { return s_tok(loc_cp(l), s, delim, ctx); }
uchar *__cdecl _mbstok_l(uchar *s, const uchar *delim, _locale_t l)
{
    uchar **ctx = &msvcrt_get_thread_data()->mbstok_next;
    if (!s && !*ctx) return NULL;
    return s_tok(loc_cp(l), s, delim, ctx);
}
uchar *__cdecl _mbstok(uchar *s, const uchar *delim) { return _mbstok_l(s, delim, NULL); }

void __cdecl _mbccpy(uchar *dst, const uchar *src) { memcpy(dst, src, clen(cur_cp(), src)); }
void __cdecl _mbccpy_l(uchar *dst, const uchar *src, _locale_t l) { memcpy(dst, src, clen(loc_cp(l), src)); }
errno_t __cdecl _mbccpy_s(uchar *dst, size_t size, int *copied, const uchar *src) { return ccpy_s(cur_cp(), dst, size, copied, src); }
errno_t __cdecl _mbccpy_s_l(uchar *dst, size_t size, int *copied, const uchar *src, _locale_t l) { return ccpy_s(loc_cp(l), dst, size, copied, src); }

errno_t __cdecl _mbscpy_s(uchar *d, size_t size, const uchar *s) { return cpy_s(cur_cp(), d, size, s, NO_LIMIT, 0); }
errno_t __cdecl _mbscpy_s_l(uchar *d, size_t size, const uchar *s, _locale_t l) { return cpy_s(loc_cp(l), d, size, s, NO_LIMIT, 0); }
errno_t __cdecl _mbscat_s(uchar *d, size_t size, const uchar *s) { return cat_s(cur_cp(), d, size, s, NO_LIMIT, 0); }
errno_t __cdecl _mbscat_s_l(uchar *d, size_t size, const uchar *s, _locale_t l) { return cat_s(loc_cp(l), d, size, s, NO_LIMIT, 0); }
errno_t __cdecl _mbsncpy_s(uchar *d, size_t size, const uchar *s, size_t n) { return cpy_s(cur_cp(), d, size, s, n, 1); }
errno_t __cdecl _mbsncpy_s_l(uchar *d, size_t size, const uchar *s, size_t n, _locale_t l) { return cpy_s(loc_cp(l), d, size, s, n, 1); }
errno_t __cdecl _mbsnbcpy_s(uchar *d, size_t size, const uchar *s, size_t n) { return cpy_s(cur_cp(), d, size, s, n, 0); }
errno_t __cdecl _mbsnbcpy_s_l(uchar *d, size_t size, const uchar *s, size_t n, _locale_t l) { return cpy_s(loc_cp(l), d, size, s, n, 0); }
errno_t __cdecl _mbsncat_s(uchar *d, size_t size, const uchar *s, size_t n) { return cat_s(cur_cp(), d, size, s, n, 1); }
errno_t __cdecl _mbsncat_s_l(uchar *d, size_t size, const uchar *s, size_t n, _locale_t l) { return cat_s(loc_cp(l), d, size, s, n, 1); }
errno_t __cdecl _mbsnbcat_s(uchar *d, size_t size, const uchar *s, size_t n) { return cat_s(cur_cp(), d, size, s, n, 0); }
errno_t __cdecl _mbsnbcat_s_l(uchar *d, size_t size, const uchar *s, size_t n, _locale_t l) { return cat_s(loc_cp(l), d, size, s, n, 0); }
errno_t __cdecl _mbslwr_s(uchar *s, size_t size) { return map_s(cur_cp(), s, size, c_tolower); }
errno_t __cdecl _mbslwr_s_l(uchar *s, size_t size, _locale_t l) { return map_s(loc_cp(l), s, size, c_tolower); }
errno_t __cdecl _mbsupr_s(uchar *s, size_t size) { return map_s(cur_cp(), s, size, c_toupper); }
errno_t __cdecl _mbsupr_s_l(uchar *s, size_t size, _locale_t l) { return map_s(loc_cp(l), s, size, c_toupper); }
errno_t __cdecl _mbsset_s(uchar *s, size_t size, unsigned int c) { return set_s(s, size, c, (size_t)-1); }
errno_t __cdecl _mbsset_s_l(uchar *s, size_t size, unsigned int c, _locale_t l) { return set_s(s, size, c, (size_t)-1); }
errno_t __cdecl _mbsnbset_s(uchar *s, size_t size, unsigned int c, size_t n) { return set_s(s, size, c, n); }
errno_t __cdecl _mbsnbset_s_l(uchar *s, size_t size, unsigned int c, size_t n, _locale_t l) { return set_s(s, size, c, n); }
errno_t __cdecl _mbsnset_s(uchar *s, size_t size, unsigned int c, size_t n)
{
    return s ? set_s(s, size, c, char_bytes(cur_cp(), s, n)) : set_s(s, size, c, 0);
}
errno_t __cdecl _mbsnset_s_l(uchar *s, size_t size, unsigned int c, size_t n, _locale_t l)
{
    return s ? set_s(s, size, c, char_bytes(loc_cp(l), s, n)) : set_s(s, size, c, 0);
}
