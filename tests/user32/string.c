/*
 * tests/user32/string.c — user32's character functions: case mapping
 * (strings and single characters), CharNext/CharPrev, IsChar*, OEM <-> ANSI
 * and wsprintf's documented subset.
 */
#include "test.h"

static void test_case(void)
{
    WCHAR w[] = L"Hello, World \x00e9";
    char a[] = "MiXeD 123";
    DWORD n;

    ok(CharUpperW(w) == w && !lstrcmpW(w, L"HELLO, WORLD \x00c9"), "CharUpperW %ls\n", w);
    ok(CharLowerW(w) == w && !lstrcmpW(w, L"hello, world \x00e9"), "CharLowerW %ls\n", w);
    /* a pointer below 0x10000 is one character */
    ok(CharUpperW((WCHAR *)(ULONG_PTR)'q') == (WCHAR *)(ULONG_PTR)'Q', "single char upper\n");
    ok(CharLowerW((WCHAR *)(ULONG_PTR)'Q') == (WCHAR *)(ULONG_PTR)'q', "single char lower\n");
    ok(CharUpperA(a) == a && !strcmp(a, "MIXED 123"), "CharUpperA %s\n", a);
    ok(CharLowerA(a) == a && !strcmp(a, "mixed 123"), "CharLowerA %s\n", a);
    ok(CharUpperA((char *)(ULONG_PTR)'z') == (char *)(ULONG_PTR)'Z', "single char upper A\n");

    /* the Buff forms stop at the length, not at a NUL */
    lstrcpyW(w, L"abcdef");
    n = CharUpperBuffW(w, 3);
    ok(n == 3 && !lstrcmpW(w, L"ABCdef"), "CharUpperBuffW %lu %ls\n", n, w);
    n = CharLowerBuffW(w, 2);
    ok(n == 2 && !lstrcmpW(w, L"abCdef"), "CharLowerBuffW %lu %ls\n", n, w);
    strcpy(a, "xyz");
    n = CharUpperBuffA(a, 2);
    ok(n == 2 && !strcmp(a, "XYz"), "CharUpperBuffA %lu %s\n", n, a);
    n = CharLowerBuffA(a, 3);
    ok(n == 3 && !strcmp(a, "xyz"), "CharLowerBuffA %lu %s\n", n, a);
}

static void test_walk(void)
{
    static const WCHAR w[] = L"ab";
    static const char a[] = "ab";

    ok(CharNextW(w) == w + 1, "CharNextW\n");
    ok(CharNextW(w + 2) == w + 2, "CharNextW stays on the NUL\n");
    ok(CharPrevW(w, w + 2) == w + 1, "CharPrevW\n");
    ok(CharPrevW(w, w) == w, "CharPrevW at the start\n");
    ok(CharNextA(a) == a + 1 && CharNextA(a + 2) == a + 2, "CharNextA\n");
    ok(CharPrevA(a, a + 2) == a + 1 && CharPrevA(a, a) == a, "CharPrevA\n");
    ok(CharNextExA(CP_ACP, a, 0) == a + 1, "CharNextExA\n");
    ok(CharPrevExA(CP_ACP, a, a + 1, 0) == a, "CharPrevExA\n");
}

static void test_classify(void)
{
    ok(IsCharAlphaW('a') && IsCharAlphaW(0x00e9) && !IsCharAlphaW('1') && !IsCharAlphaW(' '), "IsCharAlphaW\n");
    ok(IsCharAlphaNumericW('1') && IsCharAlphaNumericW('Z') && !IsCharAlphaNumericW('-'), "IsCharAlphaNumericW\n");
    ok(IsCharUpperW('A') && !IsCharUpperW('a') && !IsCharUpperW('1'), "IsCharUpperW\n");
    ok(IsCharLowerW('a') && !IsCharLowerW('A'), "IsCharLowerW\n");
    ok(IsCharAlphaA('x') && !IsCharAlphaA('#'), "IsCharAlphaA\n");
    ok(IsCharAlphaNumericA('7') && !IsCharAlphaNumericA('.'), "IsCharAlphaNumericA\n");
}

static void test_oem(void)
{
    char out[16];
    WCHAR wout[16];

    /* ASCII is the same in every OEM and ANSI code page */
    ok(OemToCharA("abc", out) && !strcmp(out, "abc"), "OemToCharA\n");
    ok(CharToOemA("xyz", out) && !strcmp(out, "xyz"), "CharToOemA\n");
    ok(OemToCharW("hi", wout) && !lstrcmpW(wout, L"hi"), "OemToCharW\n");
    ok(CharToOemW(L"hey", out) && !strcmp(out, "hey"), "CharToOemW\n");
    memset(out, 'z', sizeof(out));
    ok(OemToCharBuffA("abcdef", out, 3) && !memcmp(out, "abcz", 4), "OemToCharBuffA\n");
    ok(CharToOemBuffA("defg", out, 2) && !memcmp(out, "decz", 4), "CharToOemBuffA\n");
    /* in place */
    strcpy(out, "same");
    ok(OemToCharA(out, out) && !strcmp(out, "same"), "in place\n");
}

static void test_wsprintf(void)
{
    WCHAR w[1100], big[1100];
    char a[1100];
    int len;

    len = wsprintfW(w, L"%d|%5d|%-4d|%05u|%x|%X|%#x", -12, 34, 5, 6u, 255, 255, 16);
    ok(len == lstrlenW(w) && !lstrcmpW(w, L"-12|   34|5   |00006|ff|FF|0x10"), "wsprintfW %ls\n", w);
    len = wsprintfW(w, L"%s+%S+%c+%ls+%hs", L"wide", "narrow", L'c', L"l", "h");
    ok(!lstrcmpW(w, L"wide+narrow+c+l+h"), "wsprintfW strings %ls\n", w);
    len = wsprintfA(a, "%s/%S/%.2s/%li/%lu", "abc", L"W", "xyz", -5L, 7UL);
    ok(len == 13 && !strcmp(a, "abc/W/xy/-5/7"), "wsprintfA %d %s\n", len, a);
    len = wsprintfA(a, "%I64d %I64x", (LONGLONG)-1, (ULONGLONG)0x123456789aULL);
    ok(!strcmp(a, "-1 123456789a"), "I64 %s\n", a);

    /* at most 1024 characters, the terminator included */
    for (int i = 0; i < 1099; i++) big[i] = 'x';
    big[1099] = 0;
    w[1024] = 'z';
    len = wsprintfW(w, L"%s", big);
    /* (the count returned for a cut string differs between versions) */
    ok(lstrlenW(w) == 1023 && w[1024] == 'z', "cut at 1024: len %d strlen %d\n", len, lstrlenW(w));
}

int main(void)
{
    test_start("user32/string");
    test_case();
    test_walk();
    test_classify();
    test_oem();
    test_wsprintf();
    return test_summary();
}
