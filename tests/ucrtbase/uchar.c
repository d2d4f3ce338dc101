/*
 * tests/ucrtbase/uchar.c — <uchar.h> conversions and the wide classes by
 * name:
 *   - mbrtoc16/mbrtoc32 read UTF-8 whatever the locale (documented): a
 *     character's byte count, 0 for NUL, (size_t)-2 for a character cut
 *     short (finished by the next call), (size_t)-1 with EILSEQ for a bad
 *     byte; a 4-byte character gives mbrtoc16 its high surrogate, then
 *     (size_t)-3 with the low one;
 *   - c16rtomb/c32rtomb write UTF-8: a high surrogate waits in the state
 *     (0 bytes) for its low half; a lone low half and values past U+10FFFF
 *     are EILSEQ;
 *   - the same in the English_United States.1252 locale and, where the CRT
 *     has it, ".UTF-8";
 *   - wctype's masks, wctrans's values (toupper 1, tolower 2), towctrans,
 *     and the _wctype table export.
 * Wine 8 has the four conversions as stubs that end the process: they are
 * skipped there.
 *
 * Build: see tests/ucrtbase/printf.c.
 */
#include "test.h"
#include <stdlib.h>
#include <errno.h>
#include <locale.h>
#include <ctype.h>
#include <wctype.h>

/* the UCRT's mbstate_t */
typedef struct { unsigned int wchar; unsigned short byte, state; } state_t;

static size_t (__cdecl *p_mbrtoc16)(unsigned short *, const char *, size_t, state_t *);
static size_t (__cdecl *p_mbrtoc32)(unsigned int *, const char *, size_t, state_t *);
static size_t (__cdecl *p_c16rtomb)(char *, unsigned short, state_t *);
static size_t (__cdecl *p_c32rtomb)(char *, unsigned int, state_t *);

static void test_to_utf16(const char *where)
{
    state_t st = { 0 };
    unsigned short c = 0;
    unsigned int c32 = 0;
    size_t r;

    r = p_mbrtoc16(&c, "\xc3\xa9z", 3, &st);
    ok(r == 2 && c == 0xe9, "%s: mbrtoc16 U+00E9: %d %x\n", where, (int)r, c);
    r = p_mbrtoc16(&c, "A", 1, &st);
    ok(r == 1 && c == 'A', "%s: mbrtoc16 A: %d %x\n", where, (int)r, c);
    c = 1;
    r = p_mbrtoc16(&c, "", 1, &st);
    ok(r == 0 && c == 0, "%s: mbrtoc16 NUL: %d %x\n", where, (int)r, c);

    r = p_mbrtoc16(&c, "\xf0\x9f\x98\x80", 4, &st);
    ok(r == 4 && c == 0xd83d, "%s: mbrtoc16 U+1F600, high half: %d %x\n", where, (int)r, c);
    r = p_mbrtoc16(&c, "x", 1, &st);
    ok(r == (size_t)-3 && c == 0xde00, "%s: mbrtoc16 low half: %d %x\n", where, (int)r, c);
    r = p_mbrtoc16(&c, "x", 1, &st);
    ok(r == 1 && c == 'x', "%s: mbrtoc16 after the pair: %d %x\n", where, (int)r, c);

    r = p_mbrtoc16(&c, "\xe2\x82", 2, &st);
    ok(r == (size_t)-2, "%s: mbrtoc16 cut short: %d\n", where, (int)r);
    r = p_mbrtoc16(&c, "\xac", 1, &st);
    ok(r == 1 && c == 0x20ac, "%s: mbrtoc16 the rest of U+20AC: %d %x\n", where, (int)r, c);
    r = p_mbrtoc16(&c, "a", 0, &st);
    ok(r == (size_t)-2, "%s: mbrtoc16 of 0 bytes: %d\n", where, (int)r);

    errno = 0;
    r = p_mbrtoc16(&c, "\xff", 1, &st);
    ok(r == (size_t)-1 && errno == EILSEQ, "%s: mbrtoc16 0xff: %d errno %d\n", where, (int)r, errno);
    memset(&st, 0, sizeof(st));
    errno = 0;
    r = p_mbrtoc16(&c, "\x80", 1, &st);
    ok(r == (size_t)-1 && errno == EILSEQ, "%s: mbrtoc16 a stray continuation byte: %d errno %d\n",
       where, (int)r, errno);
    memset(&st, 0, sizeof(st));
    r = p_mbrtoc16(&c, NULL, 7, &st);
    ok(r == 0, "%s: mbrtoc16 of NULL: %d\n", where, (int)r);
    r = p_mbrtoc16(NULL, "\xd0\x96", 2, NULL);
    ok(r == 2, "%s: mbrtoc16 without a destination or state: %d\n", where, (int)r);

    r = p_mbrtoc32(&c32, "\xf0\x9f\x98\x80", 4, &st);
    ok(r == 4 && c32 == 0x1f600, "%s: mbrtoc32 U+1F600: %d %x\n", where, (int)r, c32);
    r = p_mbrtoc32(&c32, "\xf0\x9f", 2, &st);
    ok(r == (size_t)-2, "%s: mbrtoc32 cut short: %d\n", where, (int)r);
    r = p_mbrtoc32(&c32, "\x98\x81", 2, &st);
    ok(r == 2 && c32 == 0x1f601, "%s: mbrtoc32 the rest: %d %x\n", where, (int)r, c32);
}

static void test_from_utf16(const char *where)
{
    state_t st = { 0 };
    char buf[8];
    size_t r;

    memset(buf, 0, sizeof(buf));
    r = p_c16rtomb(buf, 0xe9, &st);
    ok(r == 2 && !memcmp(buf, "\xc3\xa9", 2), "%s: c16rtomb U+00E9: %d\n", where, (int)r);
    r = p_c16rtomb(buf, 'A', &st);
    ok(r == 1 && buf[0] == 'A', "%s: c16rtomb A: %d\n", where, (int)r);
    r = p_c16rtomb(buf, 0xd83d, &st);
    ok(r == 0, "%s: c16rtomb high half: %d\n", where, (int)r);
    r = p_c16rtomb(buf, 0xde00, &st);
    ok(r == 4 && !memcmp(buf, "\xf0\x9f\x98\x80", 4), "%s: c16rtomb low half: %d\n", where, (int)r);
    errno = 0;
    r = p_c16rtomb(buf, 0xde00, &st);
    ok(r == (size_t)-1 && errno == EILSEQ, "%s: c16rtomb lone low half: %d errno %d\n", where, (int)r, errno);
    memset(&st, 0, sizeof(st));

    r = p_c32rtomb(buf, 0x20ac, &st);
    ok(r == 3 && !memcmp(buf, "\xe2\x82\xac", 3), "%s: c32rtomb U+20AC: %d\n", where, (int)r);
    r = p_c32rtomb(buf, 0x10ffff, &st);
    ok(r == 4 && !memcmp(buf, "\xf4\x8f\xbf\xbf", 4), "%s: c32rtomb U+10FFFF: %d\n", where, (int)r);
    errno = 0;
    r = p_c32rtomb(buf, 0x110000, &st);
    ok(r == (size_t)-1 && errno == EILSEQ, "%s: c32rtomb past U+10FFFF: %d errno %d\n", where, (int)r, errno);
    memset(&st, 0, sizeof(st));
    r = p_c32rtomb(NULL, 'x', &st);
    ok(r == 1, "%s: c32rtomb without a buffer: %d\n", where, (int)r);
}

static void test_classes(HMODULE ucrt)
{
    const unsigned short *table = (const unsigned short *)GetProcAddress(ucrt, "_wctype");
    const unsigned short *(__cdecl *p_pwctype_func)(void) = (void *)GetProcAddress(ucrt, "__pwctype_func");

    ok(wctype("alpha") == _ALPHA && wctype("digit") == _DIGIT && wctype("xdigit") == _HEX &&
       wctype("alnum") == (_ALPHA | _DIGIT) && wctype("upper") == _UPPER && wctype("lower") == _LOWER &&
       wctype("space") == _SPACE && wctype("punct") == _PUNCT && wctype("cntrl") == _CONTROL,
       "wctype masks: alpha %x alnum %x\n", wctype("alpha"), wctype("alnum"));
    ok(wctype("graph") == (_PUNCT | _ALPHA | _DIGIT) && wctype("print") == (_BLANK | _PUNCT | _ALPHA | _DIGIT),
       "wctype graph %x print %x\n", wctype("graph"), wctype("print"));
    ok(wctype("Alpha") == 0 && wctype("") == 0, "wctype of unknown names\n");
    ok((iswctype)(L'q', wctype("lower")) && !(iswctype)(L'Q', wctype("lower")), "iswctype with wctype\n");

    ok(wctrans("toupper") == 1 && wctrans("tolower") == 2 && wctrans("totitle") == 0,
       "wctrans: %d %d\n", (int)wctrans("toupper"), (int)wctrans("tolower"));
    ok(towctrans(L'a', wctrans("toupper")) == L'A' && towctrans(L'A', wctrans("tolower")) == L'a' &&
       towctrans(L'A', wctrans("toupper")) == L'A', "towctrans\n");

    if (ok(table != NULL, "no _wctype export\n"))
        ok(table[0] == 0 && table[1 + 'a'] == p_pwctype_func()['a'] && (table[1 + 'Z'] & _UPPER) &&
           (table[1 + ' '] & _SPACE), "_wctype: %x %x\n", table[1 + 'a'], table[1 + 'Z']);
}

int main(void)
{
    HMODULE ucrt = GetModuleHandleA("ucrtbase.dll");

    test_start("ucrtbase:uchar");
    p_mbrtoc16 = (void *)GetProcAddress(ucrt, "mbrtoc16");
    p_mbrtoc32 = (void *)GetProcAddress(ucrt, "mbrtoc32");
    p_c16rtomb = (void *)GetProcAddress(ucrt, "c16rtomb");
    p_c32rtomb = (void *)GetProcAddress(ucrt, "c32rtomb");
    test_classes(ucrt);
    if (test_is("wine")) skip("Wine 8's mbrtoc16, mbrtoc32, c16rtomb, c32rtomb are stubs\n");
    else if (ok(p_mbrtoc16 && p_mbrtoc32 && p_c16rtomb && p_c32rtomb, "functions missing\n"))
    {
        test_to_utf16("C");
        test_from_utf16("C");
        if (setlocale(LC_ALL, "English_United States.1252"))
        {
            test_to_utf16("1252");
            test_from_utf16("1252");
        }
        else skip("no English_United States.1252 locale\n");
        if (setlocale(LC_ALL, ".UTF-8"))
        {
            test_to_utf16("UTF-8");
            test_from_utf16("UTF-8");
        }
        else skip("no .UTF-8 locale\n");
        setlocale(LC_ALL, "C");
    }
    return test_summary();
}
