/*
 * tests/kernel32/nlsstring.c — finding and transforming text:
 * FindNLSString(Ex), FindStringOrdinal, NormalizeString/IsNormalizedString
 * (C, D, KC, KD), IdnToAscii/IdnToUnicode (Punycode, RFC 3492),
 * GetStringScripts and VerifyScripts.
 */
#include "test.h"
#include <wchar.h>

#define EN_US MAKELCID(MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US), SORT_DEFAULT)

static void check_find(DWORD flags, const WCHAR *src, const WCHAR *value, int expect, int expect_len, int line)
{
    int found = -7, ret = FindNLSString(EN_US, flags, src, -1, value, -1, &found);
    ok(ret == expect && (expect < 0 ? found == -7 : found == expect_len),
       "line %d: '%ls' in '%ls' (%#lx): %d, length %d\n", line, value, src, flags, ret, found);
}

static void test_find_nls_string(void)
{
    int found, ret;

    check_find(FIND_FROMSTART, L"hello world hello", L"hello", 0, 5, __LINE__);
    check_find(FIND_FROMEND, L"hello world hello", L"hello", 12, 5, __LINE__);
    check_find(FIND_STARTSWITH, L"hello world hello", L"hello", 0, 5, __LINE__);
    check_find(FIND_ENDSWITH, L"hello world hello", L"hello", 12, 5, __LINE__);
    check_find(FIND_STARTSWITH, L"hello world hello", L"world", -1, 0, __LINE__);
    check_find(FIND_FROMSTART, L"hello world hello", L"WORLD", -1, 0, __LINE__);
    check_find(FIND_FROMSTART | NORM_IGNORECASE, L"hello world hello", L"WORLD", 6, 5, __LINE__);
    check_find(FIND_FROMSTART | LINGUISTIC_IGNORECASE, L"hello world hello", L"WORLD", 6, 5, __LINE__);
    /* linguistic: a decomposed e acute is the precomposed one */
    check_find(FIND_FROMSTART, L"cafe\x0301 bar", L"caf\x00e9", 0, 5, __LINE__);
    check_find(FIND_FROMSTART, L"caf\x00e9 bar", L"cafe\x0301", 0, 4, __LINE__);
    check_find(FIND_FROMSTART | NORM_IGNORENONSPACE, L"caf\x00e9 bar", L"cafe", 0, 4, __LINE__);
    check_find(FIND_FROMSTART, L"caf\x00e9 bar", L"cafe", -1, 0, __LINE__);
    check_find(FIND_FROMSTART, L"ab\xff43", L"bc", -1, 0, __LINE__);
    check_find(FIND_FROMSTART | NORM_IGNOREWIDTH, L"ab\xff43", L"bc", 1, 2, __LINE__);
    check_find(FIND_FROMSTART, L"abc", L"x", -1, 0, __LINE__);

    found = -7;
    ret = FindNLSString(EN_US, FIND_FROMSTART, L"abcabc", 4, L"bc", -1, &found);
    ok(ret == 1 && found == 2, "counted source: %d %d\n", ret, found);
    ret = FindNLSString(EN_US, FIND_FROMEND, L"abcabc", 4, L"bc", -1, &found);
    ok(ret == 1 && found == 2, "counted source from the end: %d %d\n", ret, found);

    SetLastError(0xdeadbeef);
    ret = FindNLSString(EN_US, FIND_FROMSTART, L"abc", 0, L"b", -1, &found);
    ok(ret == -1 && GetLastError() == ERROR_INVALID_PARAMETER, "empty source: %d %lu\n", ret, GetLastError());
    SetLastError(0xdeadbeef);
    ret = FindNLSString(EN_US, FIND_FROMSTART, L"abc", -1, L"", 0, &found);
    ok(ret == -1 && GetLastError() == ERROR_INVALID_PARAMETER, "empty value: %d %lu\n", ret, GetLastError());
    SetLastError(0xdeadbeef);
    ret = FindNLSString(EN_US, FIND_FROMSTART, NULL, -1, L"b", -1, &found);
    ok(ret == -1 && GetLastError() == ERROR_INVALID_PARAMETER, "NULL source: %d %lu\n", ret, GetLastError());
    SetLastError(0xdeadbeef);
    ret = FindNLSString(EN_US, FIND_FROMSTART, L"abc", -2, L"b", -1, &found);
    ok(ret == -1 && GetLastError() == ERROR_INVALID_PARAMETER, "length -2: %d %lu\n", ret, GetLastError());

    found = -5;
    ret = FindNLSStringEx(L"en-US", FIND_FROMSTART, L"Hello", -1, L"LL", -1, &found, NULL, NULL, 0);
    ok(ret == -1 && found == -5, "Ex case sensitive: %d %d\n", ret, found);
    ret = FindNLSStringEx(L"en-US", FIND_FROMSTART | NORM_IGNORECASE, L"Hello", -1, L"LL", -1, NULL, NULL, NULL, 0);
    ok(ret == 2, "Ex without found: %d\n", ret);
    ret = FindNLSStringEx(NULL, FIND_FROMSTART, L"Hello", -1, L"ll", -1, &found, NULL, NULL, 0);
    ok(ret == 2 && found == 2, "Ex NULL locale: %d %d\n", ret, found);
    SetLastError(0xdeadbeef);
    ret = FindNLSStringEx(L"xx-YY", FIND_FROMSTART, L"Hello", -1, L"ll", -1, &found, NULL, NULL, 0);
    ok(ret == -1 && GetLastError() == ERROR_INVALID_PARAMETER, "unknown locale: %d %lu\n", ret, GetLastError());
}

static void check_ordinal(DWORD flags, const WCHAR *src, int srclen, const WCHAR *value, BOOL ignore_case,
                          int expect, DWORD error, int line)
{
    int ret;

    SetLastError(0xdeadbeef);
    ret = FindStringOrdinal(flags, src, srclen, value, -1, ignore_case);
    ok(ret == expect && GetLastError() == error, "line %d: %d, error %lu\n", line, ret, GetLastError());
}

static void test_find_string_ordinal(void)
{
    check_ordinal(FIND_FROMSTART, L"hello world hello", -1, L"hello", FALSE, 0, 0, __LINE__);
    check_ordinal(FIND_FROMEND, L"hello world hello", -1, L"hello", FALSE, 12, 0, __LINE__);
    check_ordinal(FIND_STARTSWITH, L"hello world hello", -1, L"world", FALSE, -1, 0, __LINE__);
    check_ordinal(FIND_ENDSWITH, L"hello world hello", -1, L"HELLO", TRUE, 12, 0, __LINE__);
    check_ordinal(FIND_ENDSWITH, L"hello world hello", -1, L"HELLO", FALSE, -1, 0, __LINE__);
    check_ordinal(FIND_FROMSTART, L"abc", -1, L"x", FALSE, -1, 0, __LINE__);
    check_ordinal(FIND_FROMSTART, L"abc", -1, L"", FALSE, 0, 0, __LINE__);
    check_ordinal(FIND_FROMSTART, L"", 0, L"a", FALSE, -1, 0, __LINE__);
    check_ordinal(FIND_FROMSTART, L"caf\x00e9", -1, L"\x00c9", TRUE, 3, 0, __LINE__);
    /* ordinal: a decomposed e acute is not the precomposed one */
    check_ordinal(FIND_FROMSTART, L"cafe\x0301", -1, L"\x00e9", FALSE, -1, 0, __LINE__);
    check_ordinal(0, L"abcabc", -1, L"bc", FALSE, -1, ERROR_INVALID_FLAGS, __LINE__);
    check_ordinal(FIND_FROMSTART | FIND_FROMEND, L"abcabc", -1, L"bc", FALSE, -1, ERROR_INVALID_FLAGS, __LINE__);
    check_ordinal(FIND_FROMSTART | NORM_IGNORECASE, L"abc", -1, L"B", FALSE, -1, ERROR_INVALID_FLAGS, __LINE__);
    check_ordinal(FIND_FROMSTART, NULL, -1, L"a", FALSE, -1, ERROR_INVALID_PARAMETER, __LINE__);
    check_ordinal(FIND_FROMSTART, L"abc", -1, NULL, FALSE, -1, ERROR_INVALID_PARAMETER, __LINE__);
}

static void check_normalize(NORM_FORM form, const WCHAR *src, int len, const WCHAR *expect, int line)
{
    WCHAR buf[64];
    int ret, estimate, expect_len = wcslen(expect) + (len == -1 ? 1 : 0);

    estimate = NormalizeString(form, src, len, NULL, 0);
    memset(buf, 0xcc, sizeof(buf));
    ret = NormalizeString(form, src, len, buf, 64);
    ok(ret == expect_len && !memcmp(buf, expect, expect_len * sizeof(WCHAR)), "line %d: %d, '%.*ls'\n", line, ret,
       ret > 0 ? ret : 0, buf);
    ok(estimate >= expect_len, "line %d: estimate %d\n", line, estimate);
    ok(IsNormalizedString(form, expect, wcslen(expect)), "line %d: the result is not normalized\n", line);
}

static void test_normalize(void)
{
    WCHAR buf[8];
    int ret;

    check_normalize(NormalizationC, L"e\x0301", 2, L"\x00e9", __LINE__);
    check_normalize(NormalizationD, L"\x00e9", 1, L"e\x0301", __LINE__);
    check_normalize(NormalizationC, L"\x00e9", -1, L"\x00e9", __LINE__);
    check_normalize(NormalizationD, L"\x1ec7", 1, L"e\x0323\x0302", __LINE__);
    /* marks are put in their canonical order before composing */
    check_normalize(NormalizationC, L"e\x0323\x0302", 3, L"\x1ec7", __LINE__);
    check_normalize(NormalizationC, L"e\x0302\x0323", 3, L"\x1ec7", __LINE__);
    check_normalize(NormalizationD, L"e\x0302\x0323", 3, L"e\x0323\x0302", __LINE__);
    check_normalize(NormalizationC, L"A\x030a", 2, L"\x00c5", __LINE__);
    check_normalize(NormalizationC, L"\x212b", 1, L"\x00c5", __LINE__);
    check_normalize(NormalizationD, L"\x00c5", 1, L"A\x030a", __LINE__);
    check_normalize(NormalizationC, L"Cr\x00e8me br\x00fbl\x00e9" L"e", -1, L"Cr\x00e8me br\x00fbl\x00e9" L"e", __LINE__);
    check_normalize(NormalizationD, L"\x0419", 1, L"\x0418\x0306", __LINE__);
    /* Hangul syllables compose and decompose by rule */
    check_normalize(NormalizationC, L"\xac00", 1, L"\xac00", __LINE__);
    check_normalize(NormalizationD, L"\xac01", 1, L"\x1100\x1161\x11a8", __LINE__);
    check_normalize(NormalizationC, L"\x1100\x1161\x11a8", 3, L"\xac01", __LINE__);
    /* compatibility forms */
    check_normalize(NormalizationKC, L"\xfb01", 1, L"fi", __LINE__);
    check_normalize(NormalizationKD, L"\x00bd", 1, L"1\x2044" L"2", __LINE__);
    check_normalize(NormalizationKC, L"\xff21\x2122", 2, L"ATM", __LINE__);
    check_normalize(NormalizationKC, L"\x00a0", 1, L" ", __LINE__);
    check_normalize(NormalizationKD, L"\x00e9", 1, L"e\x0301", __LINE__);
    check_normalize(NormalizationC, L"\xfb01", 1, L"\xfb01", __LINE__);

    ok(!IsNormalizedString(NormalizationC, L"e\x0301", 2), "decomposed e acute is NFC\n");
    ok(IsNormalizedString(NormalizationD, L"e\x0301", 2), "decomposed e acute is not NFD\n");
    ok(!IsNormalizedString(NormalizationKC, L"\xfb01", 1), "fi ligature is NFKC\n");

    SetLastError(0xdeadbeef);
    ret = NormalizeString(NormalizationC, L"\xd800", 1, buf, 8);
    ok(ret <= 0 && GetLastError() == ERROR_NO_UNICODE_TRANSLATION, "lone surrogate: %d %lu\n", ret, GetLastError());
    SetLastError(0xdeadbeef);
    ret = NormalizeString(NormalizationD, L"\x00e9\x00e9\x00e9", 3, buf, 4);
    ok(ret <= 0 && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "short buffer: %d %lu\n", ret, GetLastError());
    SetLastError(0xdeadbeef);
    NormalizeString(3, L"a", 1, buf, 8);
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "form 3: error %lu\n", GetLastError());
}

static void check_ascii(DWORD flags, const WCHAR *in, const WCHAR *expect, int line)
{
    WCHAR buf[300];
    int ret;

    SetLastError(0xdeadbeef);
    ret = IdnToAscii(flags, in, -1, buf, 300);
    if (!expect)
        ok(!ret && GetLastError() == ERROR_INVALID_NAME, "line %d: %d, error %lu\n", line, ret, GetLastError());
    else
        ok(ret == (int)wcslen(expect) + 1 && !wcscmp(buf, expect), "line %d: %d '%ls'\n", line, ret, ret ? buf : L"");
}

static void check_unicode(const WCHAR *in, const WCHAR *expect, int line)
{
    WCHAR buf[300];
    int ret;

    SetLastError(0xdeadbeef);
    ret = IdnToUnicode(0, in, -1, buf, 300);
    if (!expect)
        ok(!ret && GetLastError() == ERROR_INVALID_NAME, "line %d: %d, error %lu\n", line, ret, GetLastError());
    else
        ok(ret == (int)wcslen(expect) + 1 && !wcscmp(buf, expect), "line %d: %d '%ls'\n", line, ret, ret ? buf : L"");
}

static void test_idn(void)
{
    WCHAR buf[32];
    int ret;

    check_ascii(0, L"example.com", L"example.com", __LINE__);
    check_ascii(0, L"Example.COM", L"Example.COM", __LINE__);   /* ASCII labels stay as they are */
    check_ascii(0, L"b\x00fc" L"cher.de", L"xn--bcher-kva.de", __LINE__);
    check_ascii(0, L"B\x00dc" L"CHER.de", L"xn--bcher-kva.de", __LINE__);
    check_ascii(0, L"\x043f\x0440\x0438\x043c\x0435\x0440.\x0440\x0444", L"xn--e1afmkfd.xn--p1ai", __LINE__);
    check_ascii(0, L"\x4f8b\x3048.\x30c6\x30b9\x30c8", L"xn--r8jz45g.xn--zckzah", __LINE__);
    check_ascii(0, L"a\x3002" L"b", L"a.b", __LINE__);          /* the ideographic full stop separates */
    check_ascii(0, L"\x00fc.", L"xn--tda.", __LINE__);           /* a trailing dot */
    check_ascii(0, L"xn--bcher-kva.de", L"xn--bcher-kva.de", __LINE__);
    check_ascii(0, L"a_b.com", L"a_b.com", __LINE__);
    check_ascii(IDN_USE_STD3_ASCII_RULES, L"a_b.com", NULL, __LINE__);
    check_ascii(IDN_USE_STD3_ASCII_RULES, L"-ab.com", NULL, __LINE__);
    check_ascii(0, L"a..b", NULL, __LINE__);
    check_ascii(0, L"", NULL, __LINE__);
    check_ascii(0, L"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com", NULL, __LINE__);   /* 64 */
    check_ascii(0, L"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
                L"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com", __LINE__);   /* 63 */

    check_unicode(L"xn--bcher-kva.de", L"b\x00fc" L"cher.de", __LINE__);
    check_unicode(L"example.com", L"example.com", __LINE__);
    check_unicode(L"xn--e1afmkfd.xn--p1ai", L"\x043f\x0440\x0438\x043c\x0435\x0440.\x0440\x0444", __LINE__);
    check_unicode(L"xn--r8jz45g.xn--zckzah", L"\x4f8b\x3048.\x30c6\x30b9\x30c8", __LINE__);
    check_unicode(L"b\x00fc" L"cher.de", NULL, __LINE__);

    ok(IdnToAscii(0, L"b\x00fc" L"cher.de", -1, NULL, 0) == 17, "size query\n");
    SetLastError(0xdeadbeef);
    ret = IdnToAscii(0, L"b\x00fc" L"cher.de", -1, buf, 5);
    ok(!ret && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "short buffer: %d %lu\n", ret, GetLastError());
    /* a counted string gets no terminator */
    ret = IdnToAscii(0, L"b\x00fc" L"cher.de", 9, buf, 32);
    ok(ret == 16 && !memcmp(buf, L"xn--bcher-kva.de", 16 * sizeof(WCHAR)), "counted: %d\n", ret);
}

static void test_scripts(void)
{
    WCHAR buf[64];
    int ret;

    /* Wine 8 has no GetStringScripts or VerifyScripts (the call ends the process) */
    if (test_is("wine"))
    {
        skip("GetStringScripts, VerifyScripts: not in Wine 8\n");
        return;
    }
    /* alphabetical order, each followed by ';' */
    ret = GetStringScripts(0, L"Hello \x043f\x0440\x0438", -1, buf, 64);
    ok(ret == 11 && !wcscmp(buf, L"Cyrl;Latn;"), "Latin and Cyrillic: %d %ls\n", ret, buf);
    ret = GetStringScripts(0, L"Hi 1", -1, buf, 64);
    ok(ret == 6 && !wcscmp(buf, L"Latn;"), "common ignored: %d %ls\n", ret, buf);
    ret = GetStringScripts(GSS_ALLOW_INHERITED_COMMON, L"Hi 1", -1, buf, 64);
    ok(ret == 11 && !wcscmp(buf, L"Latn;Zyyy;"), "common kept: %d %ls\n", ret, buf);
    ret = GetStringScripts(0, L"123", -1, buf, 64);
    ok(ret == 1 && !buf[0], "only common: %d\n", ret);
    ret = GetStringScripts(0, L"abc", 0, buf, 64);
    ok(ret == 1 && !buf[0], "empty: %d\n", ret);
    ok(GetStringScripts(0, L"\x3042\x30a2\x4e00", -1, NULL, 0) == 16, "size query\n");
    SetLastError(0xdeadbeef);
    ret = GetStringScripts(0, L"Hello", -1, buf, 3);
    ok(!ret && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "short buffer: %d %lu\n", ret, GetLastError());

    ok(VerifyScripts(0, L"Latn;", -1, L"Latn;", -1), "Latin in Latin\n");
    SetLastError(0xdeadbeef);
    ok(!VerifyScripts(0, L"Latn;", -1, L"Cyrl;Latn;", -1), "Cyrillic in Latin\n");
    ok(GetLastError() == ERROR_SUCCESS, "error %lu\n", GetLastError());
    ok(VerifyScripts(VS_ALLOW_LATIN, L"Cyrl;", -1, L"Cyrl;Latn;", -1), "Latin allowed\n");
}

static void test_defined(void)
{
    BOOL ret;

    ok(IsNLSDefinedString(COMPARE_STRING, 0, NULL, L"abc", 3), "abc not defined\n");
    ok(IsNLSDefinedString(COMPARE_STRING, 0, NULL, L"caf\x00e9", -1), "cafe not defined\n");
    ok(!IsNLSDefinedString(COMPARE_STRING, 0, NULL, L"a\xffff", 2), "U+FFFF defined\n");
    ok(!IsNLSDefinedString(COMPARE_STRING, 0, NULL, L"a\xd800", 2), "a lone surrogate defined\n");
    ok(!IsNLSDefinedString(COMPARE_STRING, 0, NULL, L"a\x0378", 2), "unassigned U+0378 defined\n");
    ok(!IsNLSDefinedString(COMPARE_STRING, 0, NULL, L"a\xe000", 2), "private use defined\n");
    SetLastError(0xdeadbeef);
    ret = IsNLSDefinedString(2, 0, NULL, L"abc", 3);
    ok(!ret && GetLastError() == ERROR_INVALID_FLAGS, "function 2: %d %lu\n", ret, GetLastError());
}

int main(void)
{
    test_start("kernel32:nlsstring");
    test_defined();
    test_find_nls_string();
    test_find_string_ordinal();
    test_normalize();
    test_idn();
    test_scripts();
    return test_summary();
}
