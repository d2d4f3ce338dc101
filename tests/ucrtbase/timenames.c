/*
 * tests/ucrtbase/timenames.c — what Microsoft's C++ library (msvcp60,
 * msvcp140) imports from the CRT for its locale facets, in the "C" locale:
 *   - _Getdays/_Getmonths (and ucrtbase's _W_ forms): ":Sun:Sunday:...",
 *     ":Jan:January:..." on the heap;
 *   - _Gettnames (and _W_Gettnames): a heap block starting with the 43
 *     narrow strings of __lc_time_data (days, months, AM/PM, the short and
 *     long date and the time formats); in ucrtbase the same 43 wide after
 *     two ints; _Strftime/_Wcsftime format with it, and _Wcsftime prints
 *     the names the block holds;
 *   - ___lc_locale_name_func (no names in "C"), ___mb_cur_max_l_func,
 *     __p__mbctype/__p__mbcasemap for ASCII letters, __strncnt, __wcsncnt.
 * msvcrt.dll's _Getdays/_Getmonths/_Gettnames/_Strftime are checked too,
 * loaded beside ucrtbase.
 *
 * Build: see tests/ucrtbase/printf.c.
 */
#include "test.h"
#include <stdlib.h>
#include <locale.h>
#include <mbctype.h>
#include <time.h>
#include <wchar.h>

static const char days[] = ":Sun:Sunday:Mon:Monday:Tue:Tuesday:Wed:Wednesday:Thu:Thursday:Fri:Friday:Sat:Saturday";
static const char months[] = ":Jan:January:Feb:February:Mar:March:Apr:April:May:May:Jun:June:Jul:July"
                             ":Aug:August:Sep:September:Oct:October:Nov:November:Dec:December";

typedef char *(__cdecl *get_names_func)(void);
typedef wchar_t *(__cdecl *wget_names_func)(void);
typedef void *(__cdecl *gettnames_func)(void);
typedef size_t (__cdecl *strftime_func)(char *, size_t, const char *, const struct tm *, void *);
typedef size_t (__cdecl *wcsftime_func)(wchar_t *, size_t, const wchar_t *, const struct tm *, void *);
typedef void (__cdecl *free_func)(void *);

/* 2024-01-17 (a Wednesday) 13:05:09 */
static const struct tm when = { 9, 5, 13, 17, 0, 124, 3, 16, 0 };

static void test_dll(HMODULE dll, const char *name, BOOL ucrt)
{
    get_names_func p_Getdays = (void *)GetProcAddress(dll, "_Getdays");
    get_names_func p_Getmonths = (void *)GetProcAddress(dll, "_Getmonths");
    gettnames_func p_Gettnames = (void *)GetProcAddress(dll, "_Gettnames");
    strftime_func p_Strftime = (void *)GetProcAddress(dll, "_Strftime");
    free_func p_free = (void *)GetProcAddress(dll, "free");
    static const char *const expect[43] = {
        "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
        "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "AM", "PM", "MM/dd/yy", "dddd, MMMM dd, yyyy", "HH:mm:ss" };
    char *s, buf[128];
    char **names;
    size_t len;
    int i, bad = -1;

    if (!ok(p_Getdays && p_Getmonths && p_Gettnames && p_Strftime && p_free, "%s: functions missing\n", name))
        return;
    s = p_Getdays();
    ok(s && !strcmp(s, days), "%s: _Getdays: %s\n", name, s);
    p_free(s);
    s = p_Getmonths();
    ok(s && !strcmp(s, months), "%s: _Getmonths: %s\n", name, s);
    p_free(s);

    names = p_Gettnames();
    if (!ok(names != NULL, "%s: _Gettnames\n", name)) return;
    for (i = 0; i < 43; i++)
        if (!names[i] || strcmp(names[i], expect[i])) { bad = i; break; }
    ok(bad == -1, "%s: _Gettnames string %d: %s\n", name, bad, bad >= 0 ? names[bad] : "");
    if (ucrt)
    {
        /* the wide strings follow two ints */
        wchar_t **wnames = (wchar_t **)((char *)names + 43 * sizeof(char *) + 2 * sizeof(int));
        static wchar_t xyz[] = L"Xyz";
        wchar_t wbuf[128];

        ok(!wcscmp(wnames[0], L"Sun") && !wcscmp(wnames[27], L"February") && !wcscmp(wnames[42], L"HH:mm:ss"),
           "%s: the wide strings: %ls %ls %ls\n", name, wnames[0], wnames[27], wnames[42]);
        wnames[3] = xyz;
        len = ((wcsftime_func)GetProcAddress(dll, "_Wcsftime"))(wbuf, 128, L"%a %A", &when, names);
        ok(len == 13 && !wcscmp(wbuf, L"Xyz Wednesday"), "%s: _Wcsftime with the block: %ls\n", name, wbuf);
        wnames[3] = (wchar_t *)L"Wed";
    }
    len = p_Strftime(buf, sizeof(buf), "%a %A %b %B %p|%d.%m.%Y %H:%M:%S", &when, names);
    ok(len == 48 && !strcmp(buf, "Wed Wednesday Jan January PM|17.01.2024 13:05:09"),
       "%s: _Strftime: %d %s\n", name, (int)len, buf);
    len = p_Strftime(buf, sizeof(buf), "%#x", &when, names);
    ok(!strcmp(buf, "Wednesday, January 17, 2024"), "%s: _Strftime %%#x: %s\n", name, buf);
    len = p_Strftime(buf, sizeof(buf), "%b %p", &when, NULL);
    ok(len == 6 && !strcmp(buf, "Jan PM"), "%s: _Strftime of the current locale: %s\n", name, buf);
    p_free(names);

    len = ((size_t (__cdecl *)(const char *, size_t))GetProcAddress(dll, "__strncnt"))("abcdef", 4);
    ok(len == 4, "%s: __strncnt: %d\n", name, (int)len);
}

static void test_ucrt_only(HMODULE ucrt)
{
    wget_names_func p_W_Getdays = (void *)GetProcAddress(ucrt, "_W_Getdays");
    wget_names_func p_W_Getmonths = (void *)GetProcAddress(ucrt, "_W_Getmonths");
    gettnames_func p_W_Gettnames = (void *)GetProcAddress(ucrt, "_W_Gettnames");
    wcsftime_func p_Wcsftime = (void *)GetProcAddress(ucrt, "_Wcsftime");
    wchar_t **(__cdecl *p_lc_locale_name)(void) = (void *)GetProcAddress(ucrt, "___lc_locale_name_func");
    int (__cdecl *p_mb_cur_max_l)(_locale_t) = (void *)GetProcAddress(ucrt, "___mb_cur_max_l_func");
    unsigned char *(__cdecl *p_mbctype)(void) = (void *)GetProcAddress(ucrt, "__p__mbctype");
    unsigned char *(__cdecl *p_mbcasemap)(void) = (void *)GetProcAddress(ucrt, "__p__mbcasemap");
    size_t (__cdecl *p_wcsncnt)(const wchar_t *, size_t) = (void *)GetProcAddress(ucrt, "__wcsncnt");
    wchar_t *w, wbuf[64], expect[sizeof(months)];
    unsigned char *table;
    _locale_t c_locale;
    void *names;
    size_t len;
    int i;

    if (!ok(p_W_Getdays && p_W_Getmonths && p_W_Gettnames && p_Wcsftime && p_lc_locale_name &&
            p_mb_cur_max_l && p_mbctype && p_mbcasemap && p_wcsncnt, "ucrtbase: functions missing\n"))
        return;
    w = p_W_Getdays();
    for (i = 0; days[i] || (expect[i] = 0); i++) expect[i] = days[i];
    ok(w && !wcscmp(w, expect), "_W_Getdays: %ls\n", w);
    free(w);
    w = p_W_Getmonths();
    for (i = 0; months[i] || (expect[i] = 0); i++) expect[i] = months[i];
    ok(w && !wcscmp(w, expect), "_W_Getmonths: %ls\n", w);
    free(w);

    names = p_W_Gettnames();
    ok(names && !strcmp(((char **)names)[7], "Sunday"), "_W_Gettnames\n");
    len = p_Wcsftime(wbuf, 64, L"%A %B %I%p", &when, names);
    ok(len == 22 && !wcscmp(wbuf, L"Wednesday January 01PM"), "_Wcsftime: %d %ls\n", (int)len, wbuf);
    len = p_Wcsftime(wbuf, 4, L"%A", &when, names);
    ok(len == 0 && !wbuf[0], "_Wcsftime past the buffer: %d\n", (int)len);
    free(names);

    ok(p_lc_locale_name()[LC_CTYPE] == NULL && p_lc_locale_name()[LC_TIME] == NULL,
       "___lc_locale_name_func in the \"C\" locale: %ls\n", p_lc_locale_name()[LC_CTYPE]);
    ok(p_mb_cur_max_l(NULL) == 1, "___mb_cur_max_l_func(NULL): %d\n", p_mb_cur_max_l(NULL));
    c_locale = _create_locale(LC_ALL, "C");
    ok(c_locale && p_mb_cur_max_l(c_locale) == 1, "___mb_cur_max_l_func(\"C\")\n");
    _free_locale(c_locale);

    table = p_mbctype();
    ok(table[1 + 'A'] == _SBUP && table[1 + 'z'] == _SBLOW && table[1 + '5'] == 0 && table[0] == 0,
       "_mbctype: %x %x %x\n", table[1 + 'A'], table[1 + 'z'], table[1 + '5']);
    if (test_is("wine")) skip("Wine 8's __p__mbcasemap is a stub\n");  /* it ends the process */
    else
    {
        table = p_mbcasemap();
        ok(table['A'] == 'a' && table['z'] == 'Z' && table['5'] == 0, "_mbcasemap: %x %x %x\n",
           table['A'], table['z'], table['5']);
    }
    if (test_is("wine")) skip("Wine 8's __wcsncnt is a stub\n");
    else ok(p_wcsncnt(L"abc", 10) == 3 && p_wcsncnt(L"abc", 2) == 2, "__wcsncnt\n");
}

int main(void)
{
    HMODULE ucrt = GetModuleHandleA("ucrtbase.dll"), msvcrt = LoadLibraryA("msvcrt.dll");

    test_start("ucrtbase:timenames");
    test_dll(ucrt, "ucrtbase", TRUE);
    test_ucrt_only(ucrt);
    if (msvcrt) test_dll(msvcrt, "msvcrt", FALSE);
    else skip("no msvcrt.dll\n");
    return test_summary();
}
