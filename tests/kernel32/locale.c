/*
 * tests/kernel32/locale.c — code pages and locale data: MultiByteToWideChar
 * and WideCharToMultiByte for UTF-8, 1252 and 437, GetACP/GetOEMCP,
 * GetCPInfo(Ex), IsValidCodePage, IsDBCSLeadByte(Ex), CompareString(Ordinal),
 * lstrcmp(i)W, LCMapStringW, GetLocaleInfoW for en-US, GetStringTypeW.
 */
#include "test.h"
#include <wchar.h>

#define EN_US MAKELCID(MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US), SORT_DEFAULT)

static int mb_to_wc(UINT cp, DWORD flags, const char *src, int len, WCHAR *dst, int size)
{
    memset(dst, 0xcc, size * sizeof(WCHAR));
    return MultiByteToWideChar(cp, flags, src, len, dst, size);
}

static void test_utf8_decode(void)
{
    static const char text[] = "h\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
    static const WCHAR expect[] = L"h\x00e9\x20ac\xd83d\xde00";
    WCHAR buf[16];
    int n;

    /* size query: output size 0, counts the terminator of a -1 string */
    ok(MultiByteToWideChar(CP_UTF8, 0, text, -1, NULL, 0) == 6, "size %d\n",
       MultiByteToWideChar(CP_UTF8, 0, text, -1, NULL, 0));
    n = mb_to_wc(CP_UTF8, 0, text, -1, buf, 16);
    ok(n == 6 && !memcmp(buf, expect, sizeof(expect)), "decoded %d: %ls\n", n, buf);
    /* with an explicit length nothing is terminated */
    n = mb_to_wc(CP_UTF8, 0, text, 3, buf, 16);
    ok(n == 2 && buf[1] == 0xe9 && buf[2] == 0xcccc, "explicit length gave %d\n", n);

    SetLastError(0xdeadbeef);
    ok(mb_to_wc(CP_UTF8, 0, text, -1, buf, 3) == 0, "short buffer accepted\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
}

static void test_utf8_invalid(void)
{
    WCHAR buf[16];
    int n;

    /* Vista on: each invalid byte becomes U+FFFD */
    n = mb_to_wc(CP_UTF8, 0, "a\x80" "b", 3, buf, 16);
    ok(n == 3 && buf[0] == 'a' && buf[1] == 0xfffd && buf[2] == 'b', "stray continuation: %d %04x\n", n, buf[1]);
    n = mb_to_wc(CP_UTF8, 0, "x\xe2\x82", 3, buf, 16);
    ok(n >= 2 && buf[0] == 'x' && buf[1] == 0xfffd, "truncated sequence: %d %04x\n", n, buf[1]);

    SetLastError(0xdeadbeef);
    ok(mb_to_wc(CP_UTF8, MB_ERR_INVALID_CHARS, "a\x80" "b", 3, buf, 16) == 0, "invalid byte accepted\n");
    ok(GetLastError() == ERROR_NO_UNICODE_TRANSLATION, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(mb_to_wc(CP_UTF8, MB_ERR_INVALID_CHARS, "\xc0\xaf", 2, buf, 16) == 0, "overlong form accepted\n");
    ok(GetLastError() == ERROR_NO_UNICODE_TRANSLATION, "error %lu\n", GetLastError());
    /* UTF-8 must not encode surrogates */
    SetLastError(0xdeadbeef);
    ok(mb_to_wc(CP_UTF8, MB_ERR_INVALID_CHARS, "\xed\xa0\x80", 3, buf, 16) == 0, "encoded surrogate accepted\n");
    ok(GetLastError() == ERROR_NO_UNICODE_TRANSLATION, "error %lu\n", GetLastError());
    ok(mb_to_wc(CP_UTF8, MB_ERR_INVALID_CHARS, "ok", 2, buf, 16) == 2, "valid text refused\n");
}

static void test_utf8_encode(void)
{
    char buf[16];
    BOOL used = 5;
    int n;

    ok(WideCharToMultiByte(CP_UTF8, 0, L"\xd83d\xde00", -1, NULL, 0, NULL, NULL) == 5, "size of a pair\n");
    memset(buf, 0xcc, sizeof(buf));
    n = WideCharToMultiByte(CP_UTF8, 0, L"\xe9\xd83d\xde00", -1, buf, 16, NULL, NULL);
    ok(n == 7 && !memcmp(buf, "\xc3\xa9\xf0\x9f\x98\x80", 7), "encoded %d\n", n);

    /* a lone surrogate becomes U+FFFD, or an error when asked */
    n = WideCharToMultiByte(CP_UTF8, 0, L"\xd800", 1, buf, 16, NULL, NULL);
    ok(n == 3 && !memcmp(buf, "\xef\xbf\xbd", 3), "lone surrogate gave %d\n", n);
    SetLastError(0xdeadbeef);
    ok(!WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, L"\xd800", 1, buf, 16, NULL, NULL),
       "lone surrogate accepted\n");
    ok(GetLastError() == ERROR_NO_UNICODE_TRANSLATION, "error %lu\n", GetLastError());

    SetLastError(0xdeadbeef);
    ok(!WideCharToMultiByte(CP_UTF8, 0, L"abc", -1, buf, 2, NULL, NULL), "short buffer accepted\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());

    /* documented: lpUsedDefaultChar must be NULL for CP_UTF8; Wine 8
     * ignores it and converts */
    SetLastError(0xdeadbeef);
    n = WideCharToMultiByte(CP_UTF8, 0, L"a", 1, buf, 16, NULL, &used);
    todo_wine(n == 0 && GetLastError() == ERROR_INVALID_PARAMETER, "used-default pointer: %d, error %lu\n",
              n, GetLastError());
}

static void test_cp1252(void)
{
    WCHAR buf[8];
    char out[8];
    BOOL used;
    int n;

    n = mb_to_wc(1252, 0, "\x80\xe9\x81", 3, buf, 8);
    /* 0x81 has no character in 1252; it maps to the C1 control U+0081 */
    ok(n == 3 && buf[0] == 0x20ac && buf[1] == 0xe9 && buf[2] == 0x81, "1252 decode %04x %04x %04x\n",
       buf[0], buf[1], buf[2]);

    used = TRUE;
    n = WideCharToMultiByte(1252, 0, L"\x20ac\xe9", 2, out, 8, NULL, &used);
    ok(n == 2 && (BYTE)out[0] == 0x80 && (BYTE)out[1] == 0xe9 && !used, "1252 encode %02x %02x used %d\n",
       (BYTE)out[0], (BYTE)out[1], used);
    /* no 1252 character: the code page's default '?' */
    used = FALSE;
    n = WideCharToMultiByte(1252, 0, L"\x4e00", 1, out, 8, NULL, &used);
    ok(n == 1 && out[0] == '?' && used, "unmapped: %02x used %d\n", (BYTE)out[0], used);
    /* best fit turns U+0100 into 'A' unless forbidden; then the caller's default */
    n = WideCharToMultiByte(1252, 0, L"\x0100", 1, out, 8, NULL, NULL);
    ok(n == 1 && out[0] == 'A', "best fit gave %02x\n", (BYTE)out[0]);
    used = FALSE;
    n = WideCharToMultiByte(1252, WC_NO_BEST_FIT_CHARS, L"\x0100", 1, out, 8, "*", &used);
    ok(n == 1 && out[0] == '*' && used, "default char gave %02x used %d\n", (BYTE)out[0], used);
}

static void test_cp437(void)
{
    WCHAR buf[8];
    char out[8];
    int n;

    n = mb_to_wc(437, 0, "\x82\xc4\xb3\xdb", 4, buf, 8);
    ok(n == 4 && buf[0] == 0xe9 && buf[1] == 0x2500 && buf[2] == 0x2502 && buf[3] == 0x2588,
       "437 decode %04x %04x %04x %04x\n", buf[0], buf[1], buf[2], buf[3]);
    n = WideCharToMultiByte(437, 0, L"\x2554\xe9", 2, out, 8, NULL, NULL);
    ok(n == 2 && (BYTE)out[0] == 0xc9 && (BYTE)out[1] == 0x82, "437 encode %02x %02x\n", (BYTE)out[0], (BYTE)out[1]);
}

static void test_default_code_pages(void)
{
    WCHAR buf[4];

    /* the ANSI and OEM code pages follow the system locale */
    if (GetSystemDefaultLCID() != EN_US || GetUserDefaultLCID() != EN_US)
    {
        skip("locale %#lx is not en-US\n", GetUserDefaultLCID());
        return;
    }
    ok(GetACP() == 1252, "ACP %u\n", GetACP());
    ok(GetOEMCP() == 437, "OEMCP %u\n", GetOEMCP());
    ok(mb_to_wc(CP_ACP, 0, "\x80", 1, buf, 4) == 1 && buf[0] == 0x20ac, "CP_ACP is not 1252\n");
    ok(mb_to_wc(CP_OEMCP, 0, "\x82", 1, buf, 4) == 1 && buf[0] == 0xe9, "CP_OEMCP is not 437\n");
    ok(!IsDBCSLeadByte(0x81), "0x81 is a lead byte in 1252\n");
}

static void test_cpinfo(void)
{
    CPINFO info;
    CPINFOEXW ex;

    ok(GetCPInfo(1252, &info), "GetCPInfo(1252) failed\n");
    ok(info.MaxCharSize == 1 && info.DefaultChar[0] == '?' && !info.LeadByte[0], "1252: max %u default %02x\n",
       info.MaxCharSize, info.DefaultChar[0]);
    ok(GetCPInfo(CP_UTF8, &info) && info.MaxCharSize == 4, "UTF-8 max %u\n", info.MaxCharSize);
    /* Shift-JIS: lead bytes come as ranges, ended by a zero pair.
       wlx has no double-byte code pages yet (todo_wlx). */
    todo_wlx(GetCPInfo(932, &info) && info.MaxCharSize == 2, "932 max %u\n", info.MaxCharSize);
    todo_wlx(info.LeadByte[0] == 0x81 && info.LeadByte[1] == 0x9f && info.LeadByte[2] == 0xe0 && info.LeadByte[3] == 0xfc,
       "932 lead ranges %02x-%02x %02x-%02x\n", info.LeadByte[0], info.LeadByte[1], info.LeadByte[2], info.LeadByte[3]);
    todo_wlx(IsDBCSLeadByteEx(932, 0x81) && !IsDBCSLeadByteEx(932, 0x41), "932 lead bytes\n");

    ok(GetCPInfoExW(1252, 0, &ex), "GetCPInfoExW failed\n");
    ok(ex.CodePage == 1252 && ex.UnicodeDefaultChar == '?', "cp %u default %04x\n", ex.CodePage, ex.UnicodeDefaultChar);
    /* Windows names it "1252  (ANSI - Latin I)"; Wine 8 says "ANSI Latin 1" */
    todo_wine(wcsstr(ex.CodePageName, L"1252") != NULL, "name %ls\n", ex.CodePageName);

    SetLastError(0xdeadbeef);
    ok(!GetCPInfo(12345, &info), "code page 12345 exists\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    ok(IsValidCodePage(1252) && IsValidCodePage(437) && IsValidCodePage(CP_UTF8), "IsValidCodePage\n");
    ok(!IsValidCodePage(12345), "12345 valid\n");
}

static void test_compare(void)
{
    ok(CompareStringW(EN_US, NORM_IGNORECASE, L"a", -1, L"B", -1) == CSTR_LESS_THAN, "a vs B ignoring case\n");
    ok(CompareStringW(EN_US, 0, L"a", -1, L"B", -1) == CSTR_LESS_THAN, "a vs B is linguistic\n");
    ok(CompareStringW(EN_US, NORM_IGNORECASE, L"abc", -1, L"ABC", -1) == CSTR_EQUAL, "abc vs ABC ignoring case\n");
    /* lower case sorts before upper case when case counts */
    ok(CompareStringW(EN_US, 0, L"abc", -1, L"ABC", -1) == CSTR_LESS_THAN, "abc vs ABC\n");
    ok(CompareStringW(EN_US, 0, L"abd", -1, L"abc", -1) == CSTR_GREATER_THAN, "abd vs abc\n");
    ok(CompareStringW(EN_US, 0, L"abcX", 3, L"abc", -1) == CSTR_EQUAL, "explicit length\n");

    SetLastError(0xdeadbeef);
    ok(!CompareStringW(EN_US, 0x00400000, L"a", -1, L"b", -1), "bogus flag accepted\n");
    ok(GetLastError() == ERROR_INVALID_FLAGS, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!CompareStringW(EN_US, 0, NULL, -1, L"b", -1), "NULL string accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());

    /* ordinal: code unit values, 'a' (0x61) > 'B' (0x42) */
    ok(CompareStringOrdinal(L"a", -1, L"B", -1, FALSE) == CSTR_GREATER_THAN, "ordinal a vs B\n");
    ok(CompareStringOrdinal(L"a", -1, L"B", -1, TRUE) == CSTR_LESS_THAN, "ordinal a vs B ignoring case\n");
    ok(CompareStringOrdinal(L"Hello", -1, L"hELLO", -1, TRUE) == CSTR_EQUAL, "ordinal equal\n");
    ok(CompareStringOrdinal(L"ab", 2, L"abc", 3, FALSE) == CSTR_LESS_THAN, "prefix is less\n");

    ok(lstrcmpiW(L"hello", L"HELLO") == 0, "lstrcmpiW equal\n");
    ok(lstrcmpW(L"a", L"B") < 0, "lstrcmpW is linguistic\n");
    ok(lstrcmpW(L"abc", L"ABC") < 0, "lstrcmpW case order\n");
    ok(lstrcmpiW(L"b", L"A") > 0, "lstrcmpiW order\n");
}

static void test_lcmap(void)
{
    WCHAR buf[16];
    int n;

    n = LCMapStringW(EN_US, LCMAP_UPPERCASE, L"hello \xe9", -1, buf, 16);
    ok(n == 8 && !wcscmp(buf, L"HELLO \xc9"), "upper %d %ls\n", n, buf);
    n = LCMapStringW(EN_US, LCMAP_LOWERCASE, L"MiXeD", -1, buf, 16);
    ok(n == 6 && !wcscmp(buf, L"mixed"), "lower %d %ls\n", n, buf);
    ok(LCMapStringW(EN_US, LCMAP_UPPERCASE, L"abc", -1, NULL, 0) == 4, "size query\n");
    ok(LCMapStringW(EN_US, LCMAP_UPPERCASE, L"abcdef", 3, buf, 16) == 3, "explicit length\n");

    /* UPPERCASE|LOWERCASE is LCMAP_TITLECASE (0x300) since Windows 7: the
       first letter of a word upper-cased. Wine 8 rejects it with
       ERROR_INVALID_FLAGS (todo_wine). */
    todo_wine(LCMapStringW(EN_US, LCMAP_UPPERCASE | LCMAP_LOWERCASE, L"ab", -1, buf, 16) == 3 && !wcscmp(buf, L"Ab"),
              "title case %ls\n", buf);
    SetLastError(0xdeadbeef);
    ok(!LCMapStringW(EN_US, LCMAP_UPPERCASE, L"abcdef", -1, buf, 3), "short buffer accepted\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
}

static void check_locale_info_(int line, LCTYPE type, const WCHAR *expect)
{
    WCHAR buf[80];
    int n = GetLocaleInfoW(EN_US, type, buf, 80);
    test_ok_(0, __FILE__, line, n == (int)wcslen(expect) + 1 && !wcscmp(buf, expect),
             "type %#lx: %d %ls, expected %ls\n", type, n, n ? buf : L"", expect);
}
#define check_locale_info(t, e) check_locale_info_(__LINE__, t, e)

static void test_locale_info(void)
{
    DWORD cp = 0;
    WCHAR buf[2];

    check_locale_info(LOCALE_SDECIMAL, L".");
    check_locale_info(LOCALE_STHOUSAND, L",");
    check_locale_info(LOCALE_SENGLANGUAGE, L"English");
    check_locale_info(LOCALE_IDEFAULTANSICODEPAGE, L"1252");
    check_locale_info(LOCALE_IDEFAULTCODEPAGE, L"437");
    check_locale_info(LOCALE_SISO639LANGNAME, L"en");
    check_locale_info(LOCALE_SISO3166CTRYNAME, L"US");
    ok(GetLocaleInfoW(EN_US, LOCALE_SENGLANGUAGE, NULL, 0) == 8, "size query\n");
    /* LOCALE_RETURN_NUMBER: the value as a DWORD, size counted in WCHARs */
    ok(GetLocaleInfoW(EN_US, LOCALE_IDEFAULTANSICODEPAGE | LOCALE_RETURN_NUMBER, (WCHAR *)&cp, 2) == 2 && cp == 1252,
       "number %lu\n", cp);
    SetLastError(0xdeadbeef);
    ok(!GetLocaleInfoW(EN_US, LOCALE_SENGLANGUAGE, buf, 2), "short buffer accepted\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
}

static void test_string_type(void)
{
    WORD type[6];

    ok(GetStringTypeW(CT_CTYPE1, L"Aa1 \t.", 6, type), "GetStringTypeW failed\n");
    ok((type[0] & (C1_UPPER | C1_ALPHA)) == (C1_UPPER | C1_ALPHA) && !(type[0] & C1_LOWER), "A: %#x\n", type[0]);
    ok((type[1] & (C1_LOWER | C1_ALPHA)) == (C1_LOWER | C1_ALPHA) && !(type[1] & C1_UPPER), "a: %#x\n", type[1]);
    ok((type[2] & C1_DIGIT) && !(type[2] & C1_ALPHA), "1: %#x\n", type[2]);
    ok((type[3] & (C1_SPACE | C1_BLANK)) == (C1_SPACE | C1_BLANK), "space: %#x\n", type[3]);
    ok((type[4] & (C1_SPACE | C1_CNTRL)) == (C1_SPACE | C1_CNTRL), "tab: %#x\n", type[4]);
    ok((type[5] & C1_PUNCT) && !(type[5] & C1_ALPHA), ".: %#x\n", type[5]);
}

int main(int argc, char **argv)
{
    test_start("kernel32:locale");
    test_utf8_decode();
    test_utf8_invalid();
    test_utf8_encode();
    test_cp1252();
    test_cp437();
    test_default_code_pages();
    test_cpinfo();
    test_compare();
    test_lcmap();
    test_locale_info();
    test_string_type();
    return test_summary();
}
