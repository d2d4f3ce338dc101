/*
 * ctype.c — character classification and case mapping of the "C" locale:
 * the exported tables (_ctype, _pctype, _wctype, _pwctype), the is and isw functions,
 * _isctype/iswctype, toupper/tolower/towupper/towlower and their _l forms.
 *
 * Characters above U+00FF are classified by GetStringTypeW (CT_CTYPE1),
 * whose C1_* bits are the CRT's _UPPER.._ALPHA bits.
 */
#include "format.h"

/* The SDK's ctype.h turns many of these names into macros: function names
 * below are parenthesised so that they are not expanded. */

#define UP  0x001   /* _UPPER */
#define LO  0x002   /* _LOWER */
#define DI  0x004   /* _DIGIT */
#define SP  0x008   /* _SPACE */
#define PU  0x010   /* _PUNCT */
#define CT  0x020   /* _CONTROL */
#define BL  0x040   /* _BLANK */
#define HX  0x080   /* _HEX */
#define AL  0x100   /* C1_ALPHA: only in the wide table */

/* The narrow "C" table as msvcrt has it: letters carry no alpha bit
 * (isalpha tests _UPPER|_LOWER), bytes 0x80-0xFF are nothing. */
#define NARROW_CLASS(c) \
    ((c) == ' ' ? SP | BL : \
     (c) >= 9 && (c) <= 13 ? SP | CT : \
     (c) < 32 || (c) == 127 ? CT : \
     (c) >= '0' && (c) <= '9' ? DI | HX : \
     (c) >= 'A' && (c) <= 'F' ? UP | HX : \
     (c) >= 'G' && (c) <= 'Z' ? UP : \
     (c) >= 'a' && (c) <= 'f' ? LO | HX : \
     (c) >= 'g' && (c) <= 'z' ? LO : \
     (c) < 127 ? PU : 0)

/* The wide table for U+0000-U+00FF (Latin-1 as msvcrt classifies it). */
#define WIDE_CLASS(c) \
    ((c) == 9 ? SP | BL | CT : \
     (c) == 0xa0 ? SP | BL : \
     (c) >= 0x7f && (c) <= 0x9f ? CT : \
     (c) < 0x80 ? NARROW_CLASS(c) | (((c) | 32) >= 'a' && ((c) | 32) <= 'z' ? AL : 0) : \
     (c) == 0xb2 || (c) == 0xb3 || (c) == 0xb9 ? DI | PU : \
     (c) < 0xc0 || (c) == 0xd7 || (c) == 0xf7 ? PU : \
     (c) < 0xdf ? AL | UP : AL | LO)

#define ROW(f, b) f(b), f(b + 1), f(b + 2), f(b + 3), f(b + 4), f(b + 5), f(b + 6), f(b + 7), \
                  f(b + 8), f(b + 9), f(b + 10), f(b + 11), f(b + 12), f(b + 13), f(b + 14), f(b + 15)
#define TABLE(f) ROW(f, 0x00), ROW(f, 0x10), ROW(f, 0x20), ROW(f, 0x30), ROW(f, 0x40), ROW(f, 0x50), \
                 ROW(f, 0x60), ROW(f, 0x70), ROW(f, 0x80), ROW(f, 0x90), ROW(f, 0xa0), ROW(f, 0xb0), \
                 ROW(f, 0xc0), ROW(f, 0xd0), ROW(f, 0xe0), ROW(f, 0xf0)

/* _ctype[0] is EOF's entry; _pctype points at _ctype + 1 */
const unsigned short msvcrt_ctype[257] __asm__("_ctype") = { 0, TABLE(NARROW_CLASS) };
const unsigned short *msvcrt_pctype __asm__("_pctype") = msvcrt_ctype + 1;

const unsigned short wide_table[257] __asm__("_wctype") = { 0, TABLE(WIDE_CLASS) };
const unsigned short *msvcrt_pwctype __asm__("_pwctype") = wide_table + 1;

const unsigned short *__cdecl (__pctype_func)(void)
{
    return msvcrt_ctype + 1;
}

const wctype_t *__cdecl (__pwctype_func)(void)
{
    return wide_table + 1;
}

/* ---- narrow ---------------------------------------------------------- */

int __cdecl (_isctype)(int c, int mask)
{
    if (c < -1 || c > 255) return 0;
    return msvcrt_ctype[c + 1] & mask;
}

int __cdecl (_isctype_l)(int c, int mask, _locale_t l) { return _isctype(c, mask); }

#define CLASSIFY(name, mask) \
    int __cdecl (name)(int c) { return _isctype(c, mask); } \
    int __cdecl (_##name##_l)(int c, _locale_t l) { return _isctype(c, mask); }

CLASSIFY(isalpha, UP | LO | AL)
CLASSIFY(isupper, UP)
CLASSIFY(islower, LO)
CLASSIFY(isdigit, DI)
CLASSIFY(isxdigit, HX)
CLASSIFY(isspace, SP)
CLASSIFY(ispunct, PU)
CLASSIFY(isalnum, UP | LO | AL | DI)
CLASSIFY(isprint, UP | LO | AL | DI | PU | BL)
CLASSIFY(isgraph, UP | LO | AL | DI | PU)
CLASSIFY(iscntrl, CT)

#undef isascii
#undef toascii
#undef iscsym
#undef iscsymf
int __cdecl (isblank)(int c) { return c == '\t' ? BL : _isctype(c, BL); }
int __cdecl (isascii)(int c) { return (unsigned)c < 0x80; }
int __cdecl (__isascii)(int c) { return (unsigned)c < 0x80; }
int __cdecl (toascii)(int c) { return c & 0x7f; }
int __cdecl (__toascii)(int c) { return c & 0x7f; }
int __cdecl (__iscsym)(int c) { return c == '_' || isalnum(c); }
int __cdecl (__iscsymf)(int c) { return c == '_' || isalpha(c); }
int __cdecl (iscsym)(int c) { return __iscsym(c); }
int __cdecl (iscsymf)(int c) { return __iscsymf(c); }

/* Lead bytes exist only in double-byte locales; "C" has none. */
int __cdecl (isleadbyte)(int c) { return 0; }
int __cdecl (_isleadbyte_l)(int c, _locale_t l) { return 0; }

int __cdecl (toupper)(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
int __cdecl (tolower)(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
int __cdecl (_toupper_l)(int c, _locale_t l) { return toupper(c); }
int __cdecl (_tolower_l)(int c, _locale_t l) { return tolower(c); }

/* _toupper/_tolower convert without checking the case first. */
int __cdecl (_toupper)(int c) { return c - 'a' + 'A'; }
int __cdecl (_tolower)(int c) { return c - 'A' + 'a'; }

/* ---- wide ------------------------------------------------------------ */

int __cdecl (iswctype)(wint_t c, wctype_t mask)
{
    WORD type;
    WCHAR w = c;
#ifndef WLX_UCRT
    /* msvcrt classifies Latin-1 by its own table; ucrtbase asks the system */
    if (c < 256) return wide_table[c + 1] & mask;
#endif
    if (c == 0xffff || !GetStringTypeW(CT_CTYPE1, &w, 1, &type)) return 0;
    return type & mask;
}

int __cdecl (is_wctype)(wint_t c, wctype_t mask) { return iswctype(c, mask); }
int __cdecl (_iswctype_l)(wint_t c, wctype_t mask, _locale_t l) { return iswctype(c, mask); }

#define WCLASSIFY(name, mask) \
    int __cdecl (name)(wint_t c) { return iswctype(c, mask); } \
    int __cdecl (_##name##_l)(wint_t c, _locale_t l) { return iswctype(c, mask); }

WCLASSIFY(iswalpha, UP | LO | AL)
WCLASSIFY(iswupper, UP)
WCLASSIFY(iswlower, LO)
WCLASSIFY(iswdigit, DI)
WCLASSIFY(iswxdigit, HX)
WCLASSIFY(iswspace, SP)
WCLASSIFY(iswpunct, PU)
WCLASSIFY(iswalnum, UP | LO | AL | DI)
#ifdef WLX_UCRT
/* ucrtbase: of the blanks only the space is printable (not \t, not U+00A0) */
int __cdecl (iswprint)(wint_t c) { return c == ' ' || iswctype(c, UP | LO | AL | DI | PU); }
int __cdecl (_iswprint_l)(wint_t c, _locale_t l) { return iswprint(c); }
#else
WCLASSIFY(iswprint, UP | LO | AL | DI | PU | BL)
#endif
WCLASSIFY(iswgraph, UP | LO | AL | DI | PU)
WCLASSIFY(iswcntrl, CT)
WCLASSIFY(iswblank, BL)

int __cdecl (iswascii)(wint_t c) { return c < 0x80; }
int __cdecl (__iswcsym)(wint_t c) { return c == '_' || iswalnum(c); }
int __cdecl (__iswcsymf)(wint_t c) { return c == '_' || iswalpha(c); }

/* In the "C" locale only ASCII letters change case (msvcrt). */
wint_t __cdecl (towupper)(wint_t c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
wint_t __cdecl (towlower)(wint_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
wint_t __cdecl (_towupper_l)(wint_t c, _locale_t l) { return towupper(c); }
wint_t __cdecl (_towlower_l)(wint_t c, _locale_t l) { return towlower(c); }
