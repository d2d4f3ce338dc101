/*
 * tests/msvcrt/ctype.c — character classification of msvcrt.dll in the
 * default "C" locale: every class for every byte 0..255 (bytes >= 0x80
 * belong to no class), toupper/tolower, _isctype with the SDK masks, and
 * the wide classes, which follow Unicode whatever the locale.
 *
 * Build with -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin (see printf.c).
 */
#include "test.h"
#include <ctype.h>
#include <wctype.h>

/* The C locale's classes, written out from the ASCII table. */
static int c_upper(int c) { return c >= 'A' && c <= 'Z'; }
static int c_lower(int c) { return c >= 'a' && c <= 'z'; }
static int c_digit(int c) { return c >= '0' && c <= '9'; }
static int c_space(int c) { return c == ' ' || (c >= 0x09 && c <= 0x0d); }
static int c_cntrl(int c) { return c < 0x20 || c == 0x7f; }
static int c_print(int c) { return c >= 0x20 && c < 0x7f; }
static int c_alnum(int c) { return c_upper(c) || c_lower(c) || c_digit(c); }
static int c_punct(int c) { return c_print(c) && c != ' ' && !c_alnum(c); }
static int c_xdigit(int c)
{
    return c_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static void test_classes(void)
{
    int c, bad = 0;

    for (c = 0; c < 256; c++)
    {
        int alpha = c_upper(c) || c_lower(c);
        if (!isalpha(c) != !alpha) { bad++; ok(0, "isalpha(0x%02x)\n", c); }
        if (!isupper(c) != !c_upper(c)) { bad++; ok(0, "isupper(0x%02x)\n", c); }
        if (!islower(c) != !c_lower(c)) { bad++; ok(0, "islower(0x%02x)\n", c); }
        if (!isdigit(c) != !c_digit(c)) { bad++; ok(0, "isdigit(0x%02x)\n", c); }
        if (!isxdigit(c) != !c_xdigit(c)) { bad++; ok(0, "isxdigit(0x%02x)\n", c); }
        if (!isspace(c) != !c_space(c)) { bad++; ok(0, "isspace(0x%02x)\n", c); }
        if (!iscntrl(c) != !c_cntrl(c)) { bad++; ok(0, "iscntrl(0x%02x)\n", c); }
        if (!isprint(c) != !c_print(c)) { bad++; ok(0, "isprint(0x%02x)\n", c); }
        if (!isgraph(c) != !(c_print(c) && c != ' ')) { bad++; ok(0, "isgraph(0x%02x)\n", c); }
        if (!ispunct(c) != !c_punct(c)) { bad++; ok(0, "ispunct(0x%02x)\n", c); }
        if (!isalnum(c) != !c_alnum(c)) { bad++; ok(0, "isalnum(0x%02x)\n", c); }
        if (bad > 20) break;
    }
    ok(!bad, "%d classification errors\n", bad);
    ok(!isalpha(EOF) && !isspace(EOF), "EOF is in no class\n");
}

static void test_case(void)
{
    int c, bad = 0;

    for (c = 0; c < 256; c++)
    {
        int up = c_lower(c) ? c - 0x20 : c, low = c_upper(c) ? c + 0x20 : c;
        if (toupper(c) != up || tolower(c) != low)
        {
            ok(0, "toupper/tolower(0x%02x): %x %x\n", c, toupper(c), tolower(c));
            if (++bad > 10) break;
        }
    }
    ok(toupper(EOF) == EOF, "toupper(EOF)\n");
    /* _toupper/_tolower convert without checking the class first */
    ok(_toupper('a') == 'A' && _tolower('A') == 'a', "_toupper/_tolower\n");
    ok(__isascii(0x7f) && !__isascii(0x80), "__isascii\n");
    ok(__toascii(0x1c1) == 0x41, "__toascii\n");
}

static void test_isctype(void)
{
    /* the mask bits are the SDK's (_UPPER 1, _LOWER 2, _DIGIT 4, ...) */
    ok(_UPPER == 0x1 && _LOWER == 0x2 && _DIGIT == 0x4 && _SPACE == 0x8, "masks\n");
    ok(_isctype('A', _UPPER) && !_isctype('A', _LOWER), "_isctype('A')\n");
    ok(_isctype('7', _DIGIT | _HEX) && !_isctype('g', _HEX), "_isctype digits\n");
    /* msvcrt's classic table gives _BLANK to the space only, not to tab
     * (0x09 is _SPACE|_CONTROL = 0x28) */
    ok(_isctype(' ', _BLANK) && !_isctype('\t', _BLANK) && !_isctype('\n', _BLANK), "_BLANK\n");
    ok(_pctype['\t'] == (_SPACE | _CONTROL) && _pctype[' '] == (_SPACE | _BLANK), "_pctype tab/space\n");
    ok(_isctype('\n', _SPACE) && _isctype('\n', _CONTROL), "_isctype('\\n')\n");
    ok(_isctype('!', _PUNCT) && !_isctype(0xe9, _ALPHA), "_PUNCT/_ALPHA\n");
    /* the classic table: 'a' is _LOWER|_HEX */
    ok((_pctype[(unsigned char)'a'] & 0xff) == (_LOWER | _HEX), "_pctype['a'] = %x\n", _pctype['a']);
}

static void test_wide(void)
{
    ok(iswalpha(0xe9) && iswlower(0xe9) && !iswupper(0xe9), "U+00E9 é\n");
    ok(iswalpha(0xc9) && iswupper(0xc9), "U+00C9 É\n");
    ok(iswalpha(0x3b1), "U+03B1 alpha\n");
    ok(!iswalpha(0xd7) && iswpunct(0xd7), "U+00D7 multiplication sign\n");
    ok(iswspace(L' ') && iswspace(L'\t') && !iswspace(L'x'), "iswspace\n");
    ok(iswdigit(L'5') && !iswdigit(L'a'), "iswdigit\n");
    ok(towupper(L'a') == L'A' && towlower(L'A') == L'a', "towupper/towlower ASCII\n");
    ok(iswctype(L'A', _UPPER) && iswctype(0xe9, _ALPHA), "iswctype\n");
}

/* mingw's headers turn the is* and isw* calls into macros over _pctype and
 * iswctype; programs built with other compilers call the exports. */
static void test_exports(void)
{
    HMODULE crt = GetModuleHandleA("msvcrt.dll");
    int (__cdecl *p_isalpha)(int) = (void *)GetProcAddress(crt, "isalpha");
    int (__cdecl *p_iswalpha)(wint_t) = (void *)GetProcAddress(crt, "iswalpha");
    int (__cdecl *p_toupper)(int) = (void *)GetProcAddress(crt, "_toupper");

    ok(p_isalpha && p_iswalpha && p_toupper, "missing exports\n");
    if (!p_isalpha || !p_iswalpha || !p_toupper) return;
    ok(p_isalpha('q') && !p_isalpha(0xe9) && !p_isalpha('1'), "isalpha export\n");
    ok(p_iswalpha(0xe9) && !p_iswalpha(L'1'), "iswalpha export\n");
    ok(p_toupper('b') == 'B', "_toupper export\n");
}

int main(int argc, char **argv)
{
    test_start("msvcrt:ctype");
    test_classes();
    test_case();
    test_isctype();
    test_wide();
    test_exports();
    return test_summary();
}
