/*
 * tests/msvcrt/scanf.c — sscanf and swscanf of msvcrt.dll: integer, string,
 * character and scanset conversions, floating point, %I64d, field widths,
 * assignment suppression, the returned counts and EOF on empty input.
 *
 * Build with -D__USE_MINGW_ANSI_STDIO=0 -fno-builtin (see printf.c).
 */
#include "test.h"
#include <wchar.h>

#pragma GCC diagnostic ignored "-Wformat"

static void test_integers(void)
{
    int a = 0, b = 0, c = 0, r;
    unsigned int u = 0;
    __int64 big = 0;
    short h = 0;

    r = sscanf("12 -34 0x1f", "%d %d %x", &a, &b, &u);
    ok(r == 3 && a == 12 && b == -34 && u == 0x1f, "%%d %%d %%x: %d %d %d %x\n", r, a, b, u);
    r = sscanf("0x10 010 10", "%i %i %i", &a, &b, &c);
    ok(r == 3 && a == 16 && b == 8 && c == 10, "%%i bases: %d %d %d %d\n", r, a, b, c);
    r = sscanf("-9000000000", "%I64d", &big);
    ok(r == 1 && big == -9000000000ll, "%%I64d: %d\n", r);
    r = sscanf("123456", "%3d%d", &a, &b);
    ok(r == 2 && a == 123 && b == 456, "width: %d %d %d\n", r, a, b);
    r = sscanf("70000", "%hd", &h);
    ok(r == 1 && h == (short)70000, "%%hd: %d %d\n", r, h);
    r = sscanf("1 2", "%*d %d", &a);
    ok(r == 1 && a == 2, "suppressed: %d %d\n", r, a);
    r = sscanf("17", "%o", &u);
    ok(r == 1 && u == 017, "%%o: %d %o\n", r, u);
}

static void test_strings(void)
{
    char s1[16], s2[16], c[4];
    int r, n;

    r = sscanf("  hello world", "%s %s", s1, s2);
    ok(r == 2 && !strcmp(s1, "hello") && !strcmp(s2, "world"), "%%s: %d\n", r);
    r = sscanf("abcdefgh", "%3s%s", s1, s2);
    ok(r == 2 && !strcmp(s1, "abc") && !strcmp(s2, "defgh"), "%%3s: %d %s %s\n", r, s1, s2);

    /* %c does not skip white space and writes no NUL */
    memset(c, 'x', sizeof(c));
    r = sscanf(" ab", "%c%c", &c[0], &c[1]);
    ok(r == 2 && c[0] == ' ' && c[1] == 'a' && c[2] == 'x', "%%c: %d '%c%c%c'\n", r, c[0], c[1], c[2]);
    memset(c, 'x', sizeof(c));
    r = sscanf("xyz", "%2c", c);
    ok(r == 1 && c[0] == 'x' && c[1] == 'y' && c[2] == 'x', "%%2c: %d\n", r);

    r = sscanf("hello123", "%[a-z]%d", s1, &n);
    ok(r == 2 && !strcmp(s1, "hello") && n == 123, "%%[a-z]: %d %s %d\n", r, s1, n);
    r = sscanf("key,value", "%[^,],%s", s1, s2);
    ok(r == 2 && !strcmp(s1, "key") && !strcmp(s2, "value"), "%%[^,]: %d %s %s\n", r, s1, s2);
    r = sscanf("123abc", "%[a-z]", s1);
    ok(r == 0, "scanset matching nothing: %d\n", r);
    r = sscanf("a]b", "%[]a]", s1);
    ok(r == 1 && !strcmp(s1, "a]"), "] first in scanset: %d %s\n", r, s1);

    /* %n counts characters consumed, and is not counted in the result */
    r = sscanf("abc def", "%s%n", s1, &n);
    ok(r == 1 && n == 3, "%%n: %d %d\n", r, n);
}

static void test_floats(void)
{
    float f = 0;
    double d = 0, e = 0;
    int r;

    r = sscanf("3.5 -2.25e3", "%f %lf", &f, &d);
    ok(r == 2 && f == 3.5f && d == -2250.0, "%%f %%lf: %d %f %f\n", r, f, d);
    r = sscanf("1e-2x", "%lf", &d);
    ok(r == 1 && d == 0.01, "%%lf 1e-2: %d\n", r);
    r = sscanf("1.25", "%3lf", &d);
    ok(r == 1 && d == 1.2, "width on %%lf: %d %f\n", r, d);
    r = sscanf("-.5e1", "%le", &e);
    ok(r == 1 && e == -5.0, "%%le: %d %f\n", r, e);
}

static void test_counts(void)
{
    int a = 7, b = 7, r;

    r = sscanf("", "%d", &a);
    ok(r == EOF, "empty input: %d\n", r);
    r = sscanf("x", "%d", &a);
    ok(r == 0 && a == 7, "no match: %d\n", r);
    r = sscanf("5 x", "%d %d", &a, &b);
    ok(r == 1 && a == 5 && b == 7, "partial match: %d\n", r);
    r = sscanf("5", "%d %d", &a, &b);
    ok(r == 1, "input ends early: %d\n", r);
    r = sscanf("abc", "abd");
    ok(r == 0, "literal mismatch: %d\n", r);
}

static void test_wide(void)
{
    wchar_t ws[16];
    char s[16];
    int a = 0, r;
    double d = 0;

    /* in swscanf %s stores wide characters, %S narrow ones */
    r = swscanf(L"42 word 1.5", L"%d %s %lf", &a, ws, &d);
    ok(r == 3 && a == 42 && !wcscmp(ws, L"word") && d == 1.5, "swscanf: %d\n", r);
    r = swscanf(L"narrow", L"%S", s);
    ok(r == 1 && !strcmp(s, "narrow"), "swscanf %%S: %d %s\n", r, s);
    r = swscanf(L"", L"%d", &a);
    ok(r == EOF, "swscanf empty: %d\n", r);
    /* and in sscanf %S stores wide characters */
    r = sscanf("wide", "%S", ws);
    ok(r == 1 && !wcscmp(ws, L"wide"), "sscanf %%S: %d\n", r);
}

int main(int argc, char **argv)
{
    test_start("msvcrt:scanf");
    test_integers();
    test_strings();
    test_floats();
    test_counts();
    test_wide();
    return test_summary();
}
