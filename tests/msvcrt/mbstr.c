/*
 * tests/msvcrt/mbstr.c — the multibyte-code-page functions msvcrt.dll
 * (and, built again as tests/ucrtbase/mbstr.c, ucrtbase.dll) exports:
 *   - code page 932 (Shift-JIS) after _setmbcp(932): hiragana/katakana,
 *     JIS <-> Shift-JIS, full-width <-> half-width (_mbbtombc/_mbctombb),
 *     the kana and JIS-level classes, _mbbtype;
 *   - the same with another code page (1252) or a "C" locale object: the
 *     932 conversions leave the character as it is;
 *   - strings with a double-byte character (_mbsrev, counts), the _s
 *     forms' results and errors, and _l forms taking their locale's code
 *     page (a "C" locale: single-byte) or the current one (NULL).
 * Every function is looked up by name; what Wine 8 has as a stub is
 * skipped (tests/winestub.h), where Wine departs it says so.
 */
#include "test.h"
#include "winestub.h"
#include <errno.h>
#include <locale.h>
#include <mbctype.h>

#ifndef CRT_DLL
#define CRT_DLL "msvcrt.dll"
#endif

static HMODULE crt;
static int invalid_calls, have_handler;   /* msvcrt.dll may lack the setter: its default returns */

static void __cdecl on_invalid(const wchar_t *e, const wchar_t *f, const wchar_t *file, unsigned line, uintptr_t r)
{
    invalid_calls++;
}

/* NULL for a missing export (msvcrt.dll lacks some of the newer _s and
 * _l forms) or one of Wine's stubs: the caller skips */
static void *func(const char *name)
{
    void *p = GetProcAddress(crt, name);
    return is_wine_stub(p) ? NULL : p;
}

typedef unsigned int (__cdecl *conv_fn)(unsigned int);
typedef int (__cdecl *class_fn)(unsigned int);
typedef unsigned char uchar;

static unsigned int conv(const char *name, unsigned int c)
{
    conv_fn f = func(name);
    return f ? f(c) : 0xdeadbeef;
}

/* -1: the function is missing (a Wine stub) */
static int is(const char *name, unsigned int c)
{
    class_fn f = func(name);
    return f ? !!f(c) : -1;
}

#define CLASS_OK(name, c, want) do { int r_ = is(name, c); \
    if (r_ < 0) skip("%s is a stub\n", name); else ok(r_ == (want), "%s(%#x) = %d\n", name, c, r_); } while (0)
#define CONV_OK(name, c, want) do { unsigned int r_ = conv(name, c); \
    if (r_ == 0xdeadbeef) skip("%s is a stub\n", name); else ok(r_ == (want), "%s(%#x) = %#x, not %#x\n", name, c, r_, want); } while (0)

static void test_932(void)
{
    int (__cdecl *p_mbbtype)(unsigned char, int) = func("_mbbtype");

    CONV_OK("_mbctohira", 0x8341, 0x82a0);      /* ア -> あ */
    CONV_OK("_mbctohira", 0x8393, 0x82f1);      /* ン -> ん (past the gap at 0x837f) */
    CONV_OK("_mbctohira", 0x8394, 0x8394);      /* ヴ has no hiragana */
    CONV_OK("_mbctohira", 0x8260, 0x8260);
    CONV_OK("_mbctokata", 0x82a0, 0x8341);
    CONV_OK("_mbctokata", 0x82de, 0x8380);      /* む -> ム */
    CONV_OK("_mbctokata", 0x41, 0x41);
    CONV_OK("_mbcjistojms", 0x2121, 0x8140);
    CONV_OK("_mbcjistojms", 0x2422, 0x82a0);
    CONV_OK("_mbcjistojms", 0x3021, 0x889f);   /* 亜 */
    CONV_OK("_mbcjistojms", 0x5e7e, 0x9ffc);
    CONV_OK("_mbcjistojms", 0x5f21, 0xe040);   /* rows from 0x5f go to lead bytes 0xe0.. */
    CONV_OK("_mbcjistojms", 0x7e7e, 0xeffc);
    CONV_OK("_mbcjistojms", 0x2020, 0);         /* not a JIS row/cell */
    CONV_OK("_mbcjmstojis", 0x8140, 0x2121);
    CONV_OK("_mbcjmstojis", 0x82a0, 0x2422);
    CONV_OK("_mbcjmstojis", 0x889f, 0x3021);
    CONV_OK("_mbcjmstojis", 0xeaa4, 0x7426);
    CONV_OK("_mbcjmstojis", 0x8100, 0);         /* no trail byte */
    CONV_OK("_mbbtombc", 'A', 0x8260);
    CONV_OK("_mbbtombc", '0', 0x824f);
    CONV_OK("_mbbtombc", ' ', 0x8140);
    CONV_OK("_mbbtombc", 0xb1, 0x8341);         /* half-width ｱ -> ア */
    CONV_OK("_mbbtombc", 0xde, 0x814a);         /* ﾞ -> ゛ */
    CONV_OK("_mbbtombc", 0x80, 0x80);
    /* Wine 8's table is shifted from '_' to '}': it gives 0x8278 for 'a' */
    todo_wine(conv("_mbbtombc", 'a') == 0x8281, "_mbbtombc('a') = %#x\n", conv("_mbbtombc", 'a'));
    CONV_OK("_mbctombb", 0x8260, 'A');
    CONV_OK("_mbctombb", 0x8341, 0xb1);
    CONV_OK("_mbctombb", 0x834b, 0xb6);         /* ガ -> ｶ, the mark dropped */
    CONV_OK("_mbctombb", 0x82aa, 0xb6);         /* が -> ｶ */
    CONV_OK("_mbctombb", 0x8370, 0xca);         /* パ -> ﾊ */
    CONV_OK("_mbctombb", 0x889f, 0x889f);       /* a kanji stays */

    CLASS_OK("_ismbblead", 0x81, 1);
    CLASS_OK("_ismbblead", 0xe0, 1);
    CLASS_OK("_ismbblead", 0xa0, 0);
    CLASS_OK("_ismbbtrail", 0x40, 1);
    CLASS_OK("_ismbbtrail", 0x7f, 0);
    CLASS_OK("_ismbbkana", 0xb1, 1);
    CLASS_OK("_ismbbkana", 0x41, 0);
    CLASS_OK("_ismbbkalnum", 0xb1, 1);
    CLASS_OK("_ismbbkalnum", 0xa1, 0);
    CLASS_OK("_ismbbkpunct", 0xa1, 1);
    CLASS_OK("_ismbbkpunct", 0xb1, 0);
    CLASS_OK("_ismbbkprint", 0xdf, 1);
    CLASS_OK("_ismbbkprint", 0x41, 0);
    CLASS_OK("_ismbchira", 0x82a0, 1);
    CLASS_OK("_ismbchira", 0x8341, 0);
    CLASS_OK("_ismbckata", 0x8341, 1);
    CLASS_OK("_ismbckata", 0x837f, 0);
    CLASS_OK("_ismbckata", 0x82a0, 0);
    CLASS_OK("_ismbcl0", 0x8140, 1);
    CLASS_OK("_ismbcl0", 0x889f, 0);
    CLASS_OK("_ismbcl1", 0x889f, 1);
    CLASS_OK("_ismbcl1", 0x989f, 0);
    CLASS_OK("_ismbcl2", 0x989f, 1);
    CLASS_OK("_ismbcl2", 0x8140, 0);
    CLASS_OK("_ismbclegal", 0x8140, 1);
    CLASS_OK("_ismbclegal", 0x817f, 0);
    CLASS_OK("_ismbclegal", 0x41, 0);
    /* documented as 0x8141..0x81ac; Wine 8 says no for 、 */
    todo_wine(is("_ismbcsymbol", 0x8141) == 1, "_ismbcsymbol(0x8141)\n");
    CLASS_OK("_ismbcsymbol", 0x8260, 0);
    CLASS_OK("_ismbcdigit", 0x824f, 1);
    CLASS_OK("_ismbcdigit", '7', 1);
    CLASS_OK("_ismbcupper", 0x8260, 1);
    CLASS_OK("_ismbclower", 0x8281, 1);
    CLASS_OK("_ismbclower", 0x8260, 0);
    CLASS_OK("_ismbcalpha", 0x8260, 1);
    CLASS_OK("_ismbcupper", 0x839f, 1);         /* Greek Α */
    CLASS_OK("_ismbclower", 0x8491, 1);         /* Cyrillic я */
    CONV_OK("_mbctolower", 0x8260, 0x8281);     /* Ａ -> ａ */
    CONV_OK("_mbctoupper", 0x8281, 0x8260);
    CONV_OK("_mbctolower", 0x839f, 0x83bf);     /* Α -> α */
    CONV_OK("_mbctolower", 0x8460, 0x8491);     /* Я -> я, past the gap at 0x847f */
    CONV_OK("_mbctoupper", 0x8480, 0x844f);
    CONV_OK("_mbctolower", 0x82a0, 0x82a0);     /* kana have no case */
    CLASS_OK("_ismbcblank", 0x8140, 1);
    CLASS_OK("_ismbcblank", 0x8141, 0);

    if (p_mbbtype)
    {
        ok(p_mbbtype(0x81, 0) == _MBC_LEAD, "lead: %d\n", p_mbbtype(0x81, 0));
        ok(p_mbbtype(0x40, _MBC_LEAD) == _MBC_TRAIL, "trail: %d\n", p_mbbtype(0x40, _MBC_LEAD));
        ok(p_mbbtype(0x7f, _MBC_LEAD) == _MBC_ILLEGAL, "0x7f after a lead: %d\n", p_mbbtype(0x7f, _MBC_LEAD));
        ok(p_mbbtype('A', 0) == _MBC_SINGLE, "'A': %d\n", p_mbbtype('A', 0));
        /* documented: 0xa1..0xdf are single bytes of 932; Wine 8 says illegal */
        todo_wine(p_mbbtype(0xb1, 0) == _MBC_SINGLE, "half-width kana: %d\n", p_mbbtype(0xb1, 0));
    }
    else skip("_mbbtype is a stub\n");
}

static void test_strings_932(void)
{
    size_t (__cdecl *p_mbslen)(const uchar *) = func("_mbslen");
    uchar *(__cdecl *p_mbsrev)(uchar *) = func("_mbsrev");
    size_t (__cdecl *p_mbsnbcnt)(const uchar *, size_t) = func("_mbsnbcnt");
    size_t (__cdecl *p_mbsnccnt)(const uchar *, size_t) = func("_mbsnccnt");
    errno_t (__cdecl *p_mbsncpy_s)(uchar *, size_t, const uchar *, size_t) = func("_mbsncpy_s");
    errno_t (__cdecl *p_mbccpy_s)(uchar *, size_t, int *, const uchar *) = func("_mbccpy_s");
    void (__cdecl *p_mbccpy)(uchar *, const uchar *) = func("_mbccpy");
    uchar s[] = "a\x82\xa0" "b", buf[8];
    int copied;
    errno_t err;

    ok(p_mbslen(s) == 3, "_mbslen: %zu\n", p_mbslen(s));
    ok(p_mbsnbcnt(s, 2) == 3, "_mbsnbcnt: %zu\n", p_mbsnbcnt(s, 2));
    ok(p_mbsnccnt(s, 3) == 2, "_mbsnccnt: %zu\n", p_mbsnccnt(s, 3));
    {
        uchar *(__cdecl *p_mbslwr)(uchar *) = func("_mbslwr");
        uchar *(__cdecl *p_mbsupr)(uchar *) = func("_mbsupr");
        uchar w[] = "A\x82\x60z\x82\x81";   /* A, full-width Ａ, z, full-width ａ */
        p_mbslwr(w);
        ok(!memcmp(w, "a\x82\x81z\x82\x81", 7), "_mbslwr: %02x %02x %02x\n", w[0], w[1], w[2]);
        p_mbsupr(w);
        ok(!memcmp(w, "A\x82\x60Z\x82\x60", 7), "_mbsupr: %02x %02x %02x\n", w[0], w[1], w[2]);
    }
    p_mbsrev(s);
    ok(!memcmp(s, "b\x82\xa0" "a", 5), "_mbsrev keeps the pair: %02x %02x %02x %02x\n", s[0], s[1], s[2], s[3]);
    p_mbsrev(s);
    if (p_mbsncpy_s)
    {
        memset(buf, 'x', sizeof(buf));
        err = p_mbsncpy_s(buf, 3, s, _TRUNCATE);
        ok(err == STRUNCATE && !strcmp((char *)buf, "a"), "_mbsncpy_s cut before the pair: %d \"%s\"\n", err, buf);
        err = p_mbsncpy_s(buf, 8, s, 2);
        ok(!err && !strcmp((char *)buf, "a\x82\xa0"), "_mbsncpy_s two characters: %d\n", err);
    }
    else skip("_mbsncpy_s is a stub\n");
    invalid_calls = 0;
    copied = 7;
    err = p_mbccpy_s(buf, 1, &copied, s + 1);
    ok(err == ERANGE && copied == 0 && (!have_handler || invalid_calls == 1), "_mbccpy_s no room: %d %d\n", err, copied);
    err = p_mbccpy_s(buf, 2, &copied, s + 1);
    ok(!err && copied == 2 && buf[0] == 0x82 && buf[1] == 0xa0, "_mbccpy_s: %d %d\n", err, copied);
    memset(buf, 0, sizeof(buf));
    p_mbccpy(buf, s + 1);
    ok(buf[0] == 0x82 && buf[1] == 0xa0 && !buf[2], "_mbccpy\n");
}

/* _mbstrnlen counts in LC_CTYPE's code page ("C": one byte each), at most max bytes */
static void test_mbstrnlen(void)
{
    size_t (__cdecl *p_mbstrnlen)(const char *, size_t) = func("_mbstrnlen");
    int *(__cdecl *p_errno)(void) = func("_errno");

    if (!p_mbstrnlen) { skip("no _mbstrnlen\n"); return; }
    ok(p_mbstrnlen("abcdef", 4) == 4, "_mbstrnlen cut: %zu\n", p_mbstrnlen("abcdef", 4));
    ok(p_mbstrnlen("ab", 10) == 2, "_mbstrnlen whole: %zu\n", p_mbstrnlen("ab", 10));
    ok(p_mbstrnlen("\x82\xa0", 10) == 2, "_mbstrnlen in \"C\": bytes\n");
    *p_errno() = 0;
    ok(p_mbstrnlen(NULL, 4) == (size_t)-1 && *p_errno() == EINVAL, "_mbstrnlen(NULL)\n");
}

static void test_other_cp(void)
{
    /* the 932 conversions leave characters alone in other code pages */
    CONV_OK("_mbctohira", 0x8341, 0x8341);
    CONV_OK("_mbcjistojms", 0x2121, 0x2121);
    CONV_OK("_mbbtombc", 'A', 'A');
    CLASS_OK("_ismbblead", 0x81, 0);
    CLASS_OK("_ismbckata", 0x8341, 0);
    CLASS_OK("_ismbcl1", 0x889f, 0);
}

static void test_s_forms(void)
{
    errno_t (__cdecl *p_mbscpy_s)(uchar *, size_t, const uchar *) = func("_mbscpy_s");
    errno_t (__cdecl *p_mbscat_s)(uchar *, size_t, const uchar *) = func("_mbscat_s");
    errno_t (__cdecl *p_mbsncat_s)(uchar *, size_t, const uchar *, size_t) = func("_mbsncat_s");
    errno_t (__cdecl *p_mbsnbcpy_s)(uchar *, size_t, const uchar *, size_t) = func("_mbsnbcpy_s");
    errno_t (__cdecl *p_mbslwr_s)(uchar *, size_t) = func("_mbslwr_s");
    errno_t (__cdecl *p_mbsupr_s)(uchar *, size_t) = func("_mbsupr_s");
    errno_t (__cdecl *p_mbsset_s)(uchar *, size_t, unsigned int) = func("_mbsset_s");
    errno_t (__cdecl *p_mbsnbset_s)(uchar *, size_t, unsigned int, size_t) = func("_mbsnbset_s");
    uchar buf[8];
    errno_t err;

    invalid_calls = 0;
    err = p_mbscpy_s(buf, 8, (const uchar *)"abc");
    ok(!err && !strcmp((char *)buf, "abc"), "_mbscpy_s: %d\n", err);
    err = p_mbscpy_s(buf, 3, (const uchar *)"abc");
    ok(err == ERANGE && !buf[0], "_mbscpy_s too long: %d %#x\n", err, buf[0]);
    err = p_mbscpy_s(buf, 8, NULL);
    ok(err == EINVAL && !buf[0], "_mbscpy_s NULL: %d %#x\n", err, buf[0]);
    /* documented as strcpy_s's: each error goes to the invalid-parameter
       handler; Wine 8's _mbscpy_s returns without calling it */
    if (have_handler) todo_wine(invalid_calls == 2, "_mbscpy_s reported %d errors\n", invalid_calls);
    strcpy((char *)buf, "ab");
    err = p_mbscat_s(buf, 8, (const uchar *)"cd");
    ok(!err && !strcmp((char *)buf, "abcd"), "_mbscat_s: %d\n", err);
    err = p_mbscat_s(buf, 5, (const uchar *)"e");
    ok(err == ERANGE && !buf[0], "_mbscat_s too long: %d\n", err);
    if (p_mbsncat_s)
    {
        strcpy((char *)buf, "ab");
        err = p_mbsncat_s(buf, 8, (const uchar *)"cdef", 2);
        ok(!err && !strcmp((char *)buf, "abcd"), "_mbsncat_s: %d %s\n", err, buf);
    }
    else skip("_mbsncat_s is a stub\n");
    err = p_mbsnbcpy_s(buf, 8, (const uchar *)"wxyz", 3);
    ok(!err && !strcmp((char *)buf, "wxy"), "_mbsnbcpy_s: %d %s\n", err, buf);
    strcpy((char *)buf, "aBc");
    ok(!p_mbsupr_s(buf, 8) && !strcmp((char *)buf, "ABC"), "_mbsupr_s: %s\n", buf);
    ok(!p_mbslwr_s(buf, 8) && !strcmp((char *)buf, "abc"), "_mbslwr_s: %s\n", buf);
    ok(p_mbslwr_s(NULL, 0) == 0, "_mbslwr_s(NULL, 0)\n");
    invalid_calls = 0;
    ok(p_mbslwr_s(NULL, 4) == EINVAL && (!have_handler || invalid_calls == 1), "_mbslwr_s(NULL, 4)\n");
    memcpy(buf, "abcd", 4);
    ok(p_mbsupr_s(buf, 4) == EINVAL && !buf[0], "_mbsupr_s unterminated\n");
    if (p_mbsset_s && p_mbsnbset_s)
    {
        strcpy((char *)buf, "abcd");
        ok(!p_mbsset_s(buf, 8, 'x') && !strcmp((char *)buf, "xxxx"), "_mbsset_s: %s\n", buf);
        ok(!p_mbsnbset_s(buf, 8, 'y', 2) && !strcmp((char *)buf, "yyxx"), "_mbsnbset_s: %s\n", buf);
    }
    else skip("_mbsset_s is a stub\n");
}

/* _l forms: the locale's code page ("C": none) or, for NULL, the current one */
static void test_l_forms(void)
{
    int (__cdecl *p_ismbblead_l)(unsigned int, _locale_t) = func("_ismbblead_l");
    size_t (__cdecl *p_mbclen_l)(const uchar *, _locale_t) = func("_mbclen_l");
    unsigned int (__cdecl *p_mbctohira_l)(unsigned int, _locale_t) = func("_mbctohira_l");
    int (__cdecl *p_ismbckata_l)(unsigned int, _locale_t) = func("_ismbckata_l");
    size_t (__cdecl *p_mbsnccnt_l)(const uchar *, size_t, _locale_t) = func("_mbsnccnt_l");
    errno_t (__cdecl *p_mbscpy_s_l)(uchar *, size_t, const uchar *, _locale_t) = func("_mbscpy_s_l");
    _locale_t (__cdecl *p_create_locale)(int, const char *) = func("_create_locale");
    void (__cdecl *p_free_locale)(_locale_t) = func("_free_locale");
    _locale_t c;
    uchar buf[8];

    if (!p_create_locale) { skip("no _create_locale\n"); return; }
    c = p_create_locale(LC_ALL, "C");
    ok(p_ismbblead_l(0x81, NULL) != 0, "_ismbblead_l(NULL) is 932's\n");
    ok(!p_ismbblead_l(0x81, c), "_ismbblead_l(\"C\"): no lead bytes\n");
    ok(p_mbclen_l((const uchar *)"\x82\xa0", c) == 1, "_mbclen_l(\"C\")\n");
    ok(p_mbclen_l((const uchar *)"\x82\xa0", NULL) == 2, "_mbclen_l(NULL)\n");
    if (p_mbsnccnt_l) ok(p_mbsnccnt_l((const uchar *)"\x82\xa0", 2, c) == 2, "_mbsnccnt_l(\"C\")\n");
    if (p_mbctohira_l)
    {
        ok(p_mbctohira_l(0x8341, NULL) == 0x82a0, "_mbctohira_l(NULL)\n");
        ok(p_mbctohira_l(0x8341, c) == 0x8341, "_mbctohira_l(\"C\"): %#x\n", p_mbctohira_l(0x8341, c));
    }
    if (p_ismbckata_l) ok(!p_ismbckata_l(0x8341, c) && p_ismbckata_l(0x8341, NULL), "_ismbckata_l\n");
    ok(!p_mbscpy_s_l(buf, 8, (const uchar *)"hi", c) && !strcmp((char *)buf, "hi"), "_mbscpy_s_l\n");
    p_free_locale(c);
}

int main(void)
{
    int (__cdecl *p_setmbcp)(int);
    void *(__cdecl *p_set_handler)(void *);

    crt = GetModuleHandleA(CRT_DLL);
    if (!crt) crt = LoadLibraryA(CRT_DLL);
    p_setmbcp = func("_setmbcp");
    p_set_handler = (void *)GetProcAddress(crt, "_set_invalid_parameter_handler");
    if (p_set_handler) { p_set_handler(on_invalid); have_handler = 1; }
    if (p_setmbcp(932)) { skip("no code page 932\n"); return test_summary(); }
    test_932();
    test_strings_932();
    test_l_forms();
    test_s_forms();
    test_mbstrnlen();
    ok(!p_setmbcp(1252), "_setmbcp(1252)\n");
    test_other_cp();
    return test_summary();
}
