/*
 * dlls/msvcrt/uchar.c — <uchar.h> and the wide classification by name:
 * mbrtoc16, mbrtoc32, c16rtomb, c32rtomb (ucrtbase), wctype, wctrans,
 * towctrans.
 *
 * The char16_t/char32_t conversions are UTF-8 whatever the locale, as the
 * documentation says ("Translates the first UTF-8 multibyte character…",
 * "converts … to a UTF-8 multibyte character"). A 4-byte sequence gives
 * mbrtoc16 a surrogate pair: the high half with the bytes' count, the low
 * half from the next call, which returns (size_t)-3 and reads nothing.
 * c16rtomb keeps a high half in the state and writes nothing (0), then
 * writes the 4 bytes with the low half. Ill-formed input (a stray or
 * over-long byte, a surrogate's code, past U+10FFFF) is (size_t)-1 with
 * errno EILSEQ; a character cut short is (size_t)-2 with its bytes kept in
 * the state.
 *
 * The state is the UCRT's 8-byte mbstate_t { _Wchar; _Byte; _State }
 * (mingw's msvcrt headers make mbstate_t an int, so it is spelled out
 * here): _Wchar holds the bits decoded so far or the waiting surrogate,
 * _Byte the continuation bytes still expected, _State what waits (a
 * sequence being read, or a surrogate half). A NULL state is each
 * function's own.
 */
#include "private.h"
#include <ctype.h>
#include <wchar.h>
#include <wctype.h>
#include <string.h>

struct ucrt_mbstate
{
    unsigned int value;        /* _Wchar */
    unsigned short pending;    /* _Byte: continuation bytes still expected */
    unsigned short state;      /* _State: what waits, below */
};

/* mbrtoc16's low half to give; c16rtomb's to take; a sequence of 2-4 bytes being read */
enum { WAIT_NONE, WAIT_LOW_OUT, WAIT_LOW_IN, READING = 0x10 };

#define INCOMPLETE ((size_t)-2)
#define SURROGATE_OUT ((size_t)-3)

static size_t ill_formed(struct ucrt_mbstate *st)
{
    memset(st, 0, sizeof(*st));
    *_errno() = EILSEQ;
    return (size_t)-1;
}

/* the lowest value a sequence of 1 + count bytes may encode (no over-long forms) */
static unsigned int sequence_min(int count)
{
    return count == 1 ? 0x80 : count == 2 ? 0x800 : 0x10000;
}

/* decodes one UTF-8 character, going on from the state: its byte count in
   this call, 0 for U+0000, INCOMPLETE or (size_t)-1 */
static size_t utf8_decode(unsigned int *out, const unsigned char *s, size_t n, struct ucrt_mbstate *st)
{
    size_t used = 0;
    unsigned char c;
    int total;

    if (!n) return INCOMPLETE;
    if (!st->pending)
    {
        c = s[used++];
        if (c < 0x80) { *out = c; return c ? 1 : 0; }
        if (c < 0xc2 || c > 0xf4) return ill_formed(st);
        st->pending = c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
        st->value = c & (0x3f >> st->pending);
        st->state = READING + st->pending;
    }
    while (st->pending)
    {
        if (used == n) return INCOMPLETE;
        c = s[used++];
        if ((c & 0xc0) != 0x80) return ill_formed(st);
        st->value = (st->value << 6) | (c & 0x3f);
        st->pending--;
    }
    total = st->state - READING;
    *out = st->value;
    memset(st, 0, sizeof(*st));
    if (*out < sequence_min(total) || *out > 0x10ffff || (*out >= 0xd800 && *out <= 0xdfff))
        return ill_formed(st);
    return used;
}

size_t __cdecl mbrtoc32(unsigned int *dst, const char *s, size_t n, mbstate_t *state)
{
    static struct ucrt_mbstate own;
    struct ucrt_mbstate *st = state ? (struct ucrt_mbstate *)state : &own;
    unsigned int c;
    size_t ret;

    if (!s) { s = ""; n = 1; dst = NULL; }
    ret = utf8_decode(&c, (const unsigned char *)s, n, st);
    if (ret != INCOMPLETE && ret != (size_t)-1 && dst) *dst = c;
    return ret;
}

size_t __cdecl mbrtoc16(unsigned short *dst, const char *s, size_t n, mbstate_t *state)
{
    static struct ucrt_mbstate own;
    struct ucrt_mbstate *st = state ? (struct ucrt_mbstate *)state : &own;
    unsigned int c;
    size_t ret;

    if (!s) { s = ""; n = 1; dst = NULL; }
    if (st->state == WAIT_LOW_OUT)
    {
        if (dst) *dst = 0xdc00 | (st->value & 0x3ff);
        memset(st, 0, sizeof(*st));
        return SURROGATE_OUT;
    }
    ret = utf8_decode(&c, (const unsigned char *)s, n, st);
    if (ret == INCOMPLETE || ret == (size_t)-1) return ret;
    if (c >= 0x10000)
    {
        st->value = c - 0x10000;
        st->state = WAIT_LOW_OUT;
        c = 0xd800 | (st->value >> 10);
    }
    if (dst) *dst = c;
    return ret;
}

/* UTF-8 of c (at most U+10FFFF, no surrogate) into out: its length */
static size_t utf8_encode(char *out, unsigned int c)
{
    if (c < 0x80) { out[0] = c; return 1; }
    if (c < 0x800)
    {
        out[0] = 0xc0 | (c >> 6);
        out[1] = 0x80 | (c & 0x3f);
        return 2;
    }
    if (c < 0x10000)
    {
        out[0] = 0xe0 | (c >> 12);
        out[1] = 0x80 | ((c >> 6) & 0x3f);
        out[2] = 0x80 | (c & 0x3f);
        return 3;
    }
    out[0] = 0xf0 | (c >> 18);
    out[1] = 0x80 | ((c >> 12) & 0x3f);
    out[2] = 0x80 | ((c >> 6) & 0x3f);
    out[3] = 0x80 | (c & 0x3f);
    return 4;
}

size_t __cdecl c32rtomb(char *dst, unsigned int c, mbstate_t *state)
{
    static struct ucrt_mbstate own;
    struct ucrt_mbstate *st = state ? (struct ucrt_mbstate *)state : &own;
    char buf[4];

    if (!dst) { dst = buf; c = 0; }
    if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return ill_formed(st);
    memset(st, 0, sizeof(*st));
    return utf8_encode(dst, c);
}

size_t __cdecl c16rtomb(char *dst, unsigned short c, mbstate_t *state)
{
    static struct ucrt_mbstate own;
    struct ucrt_mbstate *st = state ? (struct ucrt_mbstate *)state : &own;
    char buf[4];
    unsigned int full;

    if (!dst) { dst = buf; c = 0; }
    if (st->state == WAIT_LOW_IN)
    {
        if (c < 0xdc00 || c > 0xdfff) return ill_formed(st);
        full = 0x10000 + ((st->value & 0x3ff) << 10) + (c & 0x3ff);
        memset(st, 0, sizeof(*st));
        return utf8_encode(dst, full);
    }
    if (c >= 0xd800 && c <= 0xdbff)
    {
        st->value = c;
        st->state = WAIT_LOW_IN;
        return 0;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return ill_formed(st);
    return utf8_encode(dst, c);
}

/* ---- classification and mappings by name ---- */

static const struct { const char *name; wctype_t mask; } class_names[] =
{
    { "alnum", _ALPHA | _DIGIT },
    { "alpha", _ALPHA },
    { "blank", _BLANK },
    { "cntrl", _CONTROL },
    { "digit", _DIGIT },
    { "graph", _PUNCT | _ALPHA | _DIGIT },
    { "lower", _LOWER },
    { "print", _BLANK | _PUNCT | _ALPHA | _DIGIT },
    { "punct", _PUNCT },
    { "space", _SPACE },
    { "upper", _UPPER },
    { "xdigit", _HEX },
};

/* the iswctype mask of a class name, 0 for a name it does not know */
wctype_t __cdecl wctype(const char *name)
{
    size_t i;
    for (i = 0; name && i < ARRAYSIZE(class_names); i++)
        if (!strcmp(name, class_names[i].name)) return class_names[i].mask;
    return 0;
}

/* the values Windows gives: "toupper" 1, "tolower" 2, 0 for other names */
#define TRANS_TOUPPER 1
#define TRANS_TOLOWER 2

wctrans_t __cdecl wctrans(const char *name)
{
    if (name && !strcmp(name, "toupper")) return TRANS_TOUPPER;
    if (name && !strcmp(name, "tolower")) return TRANS_TOLOWER;
    return 0;
}

wint_t __cdecl towctrans(wint_t c, wctrans_t mapping)
{
    if (mapping == TRANS_TOUPPER) return towupper(c);
    if (mapping == TRANS_TOLOWER) return towlower(c);
    return c;
}
