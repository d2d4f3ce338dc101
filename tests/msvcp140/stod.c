/*
 * tests/msvcp140/stod.c — msvcp140's C conversion helpers that MSVC's
 * inline num_get calls (_Stoul, _Stolx, _Stoll, _Stoull, their checked
 * "x" forms, _Stod/_Stof/_Stold scaled by a power of ten, the wide
 * _WStod family), __Wcrtomb_lk, and _Locinfo's wide day and month names
 * under their unsigned short name. Reached through GetProcAddress.
 */
#include "test.h"
#include <wchar.h>

static HMODULE dll;

#define GET(name) GetProcAddress(dll, name)

static void test_integers(void)
{
    unsigned long (__cdecl *p_Stoul)(const char *, char **, int) = (void *)GET("_Stoul");
    unsigned long (__cdecl *p_Stoulx)(const char *, char **, int, int *) = (void *)GET("_Stoulx");
    long (__cdecl *p_Stolx)(const char *, char **, int, int *) = (void *)GET("_Stolx");
    __int64 (__cdecl *p_Stoll)(const char *, char **, int) = (void *)GET("_Stoll");
    __int64 (__cdecl *p_Stollx)(const char *, char **, int, int *) = (void *)GET("_Stollx");
    unsigned __int64 (__cdecl *p_Stoull)(const char *, char **, int) = (void *)GET("_Stoull");
    unsigned __int64 (__cdecl *p_Stoullx)(const char *, char **, int, int *) = (void *)GET("_Stoullx");
    const char *s;
    char *end;
    int err;
    unsigned long ul;
    long l;

    ok(p_Stoul && p_Stoulx && p_Stolx && p_Stoll && p_Stollx && p_Stoull && p_Stoullx, "the integer helpers are exported\n");
    if (!p_Stoul || !p_Stoulx || !p_Stolx || !p_Stoll || !p_Stollx || !p_Stoull || !p_Stoullx) return;

    s = "123abc";
    ok(p_Stoul(s, &end, 10) == 123 && end == s + 3, "_Stoul: the digits, the end after them\n");
    s = "  42";
    ok(p_Stoul(s, &end, 10) == 42 && end == s + 4, "_Stoul: white space skipped\n");
    s = "xyz";
    ok(p_Stoul(s, &end, 10) == 0 && end == s, "_Stoul: no digits, 0 and the end at the start\n");
    err = -1;
    ok(p_Stoulx("ff", &end, 16, &err) == 255 && err == 0, "_Stoulx: hexadecimal, no error (%d)\n", err);
    /* out of range: an error, and the type's limit (Wine 8 returns the low
       32 bits of the 64-bit value) */
    err = 0;
    ul = p_Stoulx("99999999999", &end, 10, &err);
    ok(err != 0, "_Stoulx: past 32 bits, an error\n");
    todo_wine(ul == 0xffffffffUL, "_Stoulx: past 32 bits, the limit (%lx)\n", ul);
    err = -1;
    ok(p_Stolx("-2147483648", &end, 10, &err) == (long)0x80000000UL && err == 0, "_Stolx: the smallest long\n");
    err = 0;
    l = p_Stolx("2147483648", &end, 10, &err);
    ok(err != 0, "_Stolx: one past the largest, an error\n");
    todo_wine(l == 0x7fffffffL, "_Stolx: one past the largest, the limit (%lx)\n", l);
    err = 0;
    l = p_Stolx("-2147483649", &end, 10, &err);
    ok(err != 0, "_Stolx: one below the smallest, an error\n");
    todo_wine(l == (long)0x80000000UL, "_Stolx: one below the smallest, the limit (%lx)\n", l);
    ok(p_Stoll("-9223372036854775808", &end, 10) == (__int64)0x8000000000000000ULL, "_Stoll: the smallest long long\n");
    err = 0;
    ok(p_Stollx("9223372036854775808", &end, 10, &err) == 0x7fffffffffffffffLL && err != 0, "_Stollx: past the largest\n");
    ok(p_Stoull("18446744073709551615", &end, 10) == ~0ULL, "_Stoull: the largest\n");
    err = 0;
    ok(p_Stoullx("18446744073709551616", &end, 10, &err) == ~0ULL && err != 0, "_Stoullx: past the largest\n");
    ok(p_Stoull("0x1F", &end, 0) == 31, "_Stoull: base 0 reads the prefix\n");
}

static void test_floating(void)
{
    double (__cdecl *p_Stod)(const char *, char **, long) = (void *)GET("_Stod");
    double (__cdecl *p_Stodx)(const char *, char **, long, int *) = (void *)GET("_Stodx");
    float (__cdecl *p_Stof)(const char *, char **, long) = (void *)GET("_Stof");
    float (__cdecl *p_Stofx)(const char *, char **, long, int *) = (void *)GET("_Stofx");
    double (__cdecl *p_Stold)(const char *, char **, long) = (void *)GET("_Stold");
    double (__cdecl *p_WStod)(const wchar_t *, wchar_t **, long) = (void *)GET("_WStod");
    float (__cdecl *p_WStof)(const wchar_t *, wchar_t **, long) = (void *)GET("_WStof");
    const char *s;
    const wchar_t *ws;
    char *end;
    wchar_t *wend;
    int err;

    ok(p_Stod && p_Stodx && p_Stof && p_Stofx && p_Stold && p_WStod && p_WStof, "the floating-point helpers are exported\n");
    if (!p_Stod || !p_Stodx || !p_Stof || !p_Stofx || !p_Stold || !p_WStod || !p_WStof) return;

    s = "1.5e3x";
    ok(p_Stod(s, &end, 0) == 1500.0 && end == s + 5, "_Stod: the number, the end after it\n");
    ok(p_Stod("1.5", &end, 2) == 150.0, "_Stod: scaled by 10^pten\n");
    ok(p_Stod("2500", &end, -2) == 25.0, "_Stod: a negative power of ten\n");
    err = -1;
    ok(p_Stodx("0.125", &end, 0, &err) == 0.125 && err == 0, "_Stodx: no error\n");
    err = 0;
    p_Stodx("1e999", &end, 0, &err);
    ok(err != 0, "_Stodx: out of range, an error\n");
    ok(p_Stof("0.25", &end, 0) == 0.25f, "_Stof\n");
    ok(p_Stold("-7.5", &end, 0) == -7.5, "_Stold: long double is double\n");
    if (test_is("wine"))
    {
        skip("Wine 8 stubs the wide _WStod family\n");
        return;
    }
    ws = L"2.5z";
    ok(p_WStod(ws, &wend, 0) == 2.5 && wend == ws + 3, "_WStod: the wide form\n");
    ok(p_WStod(L"3", &wend, 1) == 30.0 && p_WStof(L"0.5", &wend, 0) == 0.5f, "_WStod scaled, _WStof\n");
}

static void test_misc(void)
{
    const void *(__cdecl *days_w)(const void *) = (void *)GET("?_W_Getdays@_Locinfo@std@@QEBAPEB_WXZ");
    const void *(__cdecl *days_g)(const void *) = (void *)GET("?_W_Getdays@_Locinfo@std@@QEBAPEBGXZ");
    const void *(__cdecl *months_g)(const void *) = (void *)GET("?_W_Getmonths@_Locinfo@std@@QEBAPEBGXZ");
    int (__cdecl *p_Wcrtomb_lk)(char *, wchar_t, mbstate_t *, const void *) = (void *)GET("__Wcrtomb_lk");
    char locinfo[256] = { 0 }, buf[8];
    mbstate_t state = { 0 };
    unsigned char cvt[44] = { 0 };

    /* Wine 8 exports the wide names under one name only and stubs __Wcrtomb_lk */
    if (test_is("wine"))
    {
        skip("Wine 8: _W_Getdays under one name, __Wcrtomb_lk a stub\n");
        return;
    }
    ok(days_w && days_g && months_g, "_W_Getdays and _W_Getmonths under both names\n");
    if (days_w && days_g && months_g)
    {
        ok(!wcsncmp(days_g(locinfo), L":Sun:Sunday:Mon", 15) && !wcsncmp(days_w(locinfo), days_g(locinfo), 15),
           "the same day names under the unsigned short name\n");
        ok(!wcsncmp(months_g(locinfo), L":Jan:January", 12), "month names\n");
    }
    ok(p_Wcrtomb_lk != NULL, "__Wcrtomb_lk is exported\n");
    if (p_Wcrtomb_lk) ok(p_Wcrtomb_lk(buf, L'A', &state, cvt) == 1 && buf[0] == 'A', "__Wcrtomb_lk: one byte for 'A'\n");
}

int main(void)
{
    test_start("msvcp140 stod");
    dll = LoadLibraryA("msvcp140.dll");
    ok(dll != NULL, "msvcp140 loads\n");
    if (!dll) return test_summary();
    test_integers();
    test_floating();
    test_misc();
    return test_summary();
}
