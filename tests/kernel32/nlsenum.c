/*
 * tests/kernel32/nlsenum.c — what the locale system offers: EnumSystemLocales
 * (W, A, Ex), the identity of locales other than en-US, EnumSystemCodePages,
 * EnumUILanguages, language groups, ConvertDefaultLocale, ResolveLocaleName,
 * VerLanguageName, the NLS version functions and SetLocaleInfo.
 */
#include "test.h"
#include <wchar.h>

static int found_count, total_count;
static LPARAM seen_param;

static BOOL CALLBACK locale_w(LPWSTR id)
{
    total_count++;
    if (!wcscmp(id, L"00000409")) found_count++;
    return TRUE;
}

static BOOL CALLBACK locale_a(LPSTR id)
{
    total_count++;
    if (!strcmp(id, "00000407")) found_count++;
    return TRUE;
}

static int bad_names, neutral_specific, en_us_flags, en_flags, invariant_seen;

static BOOL CALLBACK locale_ex(LPWSTR name, DWORD flags, LPARAM param)
{
    WCHAR buf[LOCALE_NAME_MAX_LENGTH];

    total_count++;
    seen_param = param;
    if (!wcscmp(name, L"en-US")) en_us_flags = flags;
    if (!wcscmp(name, L"en")) en_flags = flags;
    if (!*name) invariant_seen = 1;
    if ((flags & LOCALE_NEUTRALDATA) && (flags & LOCALE_SPECIFICDATA)) neutral_specific++;
    /* each one answers for its own name */
    if (*name && (!GetLocaleInfoEx(name, LOCALE_SNAME, buf, LOCALE_NAME_MAX_LENGTH) || wcscmp(buf, name)))
        bad_names++;
    return TRUE;
}

static BOOL CALLBACK stop_at_first(LPWSTR name, DWORD flags, LPARAM param)
{
    total_count++;
    return FALSE;
}

static void test_enum_locales(void)
{
    found_count = total_count = 0;
    ok(EnumSystemLocalesW(locale_w, LCID_SUPPORTED), "EnumSystemLocalesW failed\n");
    ok(found_count == 1, "00000409 seen %d times\n", found_count);
    ok(total_count >= 30, "only %d locales\n", total_count);

    found_count = total_count = 0;
    ok(EnumSystemLocalesA(locale_a, LCID_INSTALLED), "EnumSystemLocalesA failed\n");
    ok(found_count == 1, "00000407 seen %d times\n", found_count);

    total_count = bad_names = neutral_specific = en_us_flags = en_flags = 0;
    ok(EnumSystemLocalesEx(locale_ex, LOCALE_ALL, 0x1234, NULL), "EnumSystemLocalesEx failed\n");
    ok(seen_param == 0x1234, "param %Ix\n", seen_param);
    ok(en_us_flags == (LOCALE_WINDOWS | LOCALE_SPECIFICDATA), "en-US flags %x\n", en_us_flags);
    ok(en_flags == (LOCALE_WINDOWS | LOCALE_NEUTRALDATA), "en flags %x\n", en_flags);
    ok(!neutral_specific, "%d both neutral and specific\n", neutral_specific);
    ok(!bad_names, "%d names not answered\n", bad_names);

    en_us_flags = en_flags = 0;
    ok(EnumSystemLocalesEx(locale_ex, LOCALE_NEUTRALDATA, 0, NULL), "neutral enumeration failed\n");
    ok(en_flags && !en_us_flags, "neutral only: en %x, en-US %x\n", en_flags, en_us_flags);
    en_us_flags = en_flags = 0;
    ok(EnumSystemLocalesEx(locale_ex, LOCALE_SPECIFICDATA, 0, NULL), "specific enumeration failed\n");
    ok(!en_flags && en_us_flags, "specific only: en %x, en-US %x\n", en_flags, en_us_flags);

    total_count = 0;
    ok(EnumSystemLocalesEx(stop_at_first, LOCALE_ALL, 0, NULL), "stopped enumeration failed\n");
    ok(total_count == 1, "went on after FALSE: %d\n", total_count);
}

static void check_info(const WCHAR *name, LCTYPE type, const WCHAR *expect)
{
    WCHAR buf[128];
    int ret = GetLocaleInfoEx(name, type, buf, 128);
    ok(ret && !wcscmp(buf, expect), "%ls %#lx: %d '%ls', expected '%ls'\n", name, type, ret, ret ? buf : L"", expect);
}

static void test_identity(void)
{
    WCHAR buf[LOCALE_NAME_MAX_LENGTH];

    check_info(L"de-DE", LOCALE_SENGLISHLANGUAGENAME, L"German");
    check_info(L"de-DE", LOCALE_SENGLISHCOUNTRYNAME, L"Germany");
    check_info(L"de-DE", LOCALE_SNATIVELANGUAGENAME, L"Deutsch");
    check_info(L"de-DE", LOCALE_SNATIVECOUNTRYNAME, L"Deutschland");
    check_info(L"de-DE", LOCALE_SISO639LANGNAME, L"de");
    check_info(L"de-DE", LOCALE_SISO639LANGNAME2, L"deu");
    check_info(L"de-DE", LOCALE_SISO3166CTRYNAME, L"DE");
    check_info(L"de-DE", LOCALE_SABBREVLANGNAME, L"DEU");
    check_info(L"de-DE", LOCALE_IDEFAULTANSICODEPAGE, L"1252");
    check_info(L"de-DE", LOCALE_IDEFAULTCODEPAGE, L"850");
    check_info(L"de-AT", LOCALE_SENGLISHCOUNTRYNAME, L"Austria");
    check_info(L"fr-CA", LOCALE_SNATIVELANGUAGENAME, L"français");
    check_info(L"ru-RU", LOCALE_IDEFAULTANSICODEPAGE, L"1251");
    check_info(L"ru-RU", LOCALE_IDEFAULTCODEPAGE, L"866");
    check_info(L"pl-PL", LOCALE_IDEFAULTANSICODEPAGE, L"1250");
    check_info(L"ja-JP", LOCALE_IDEFAULTANSICODEPAGE, L"932");
    check_info(L"el-GR", LOCALE_SNATIVELANGUAGENAME, L"Ελληνικά");
    check_info(L"es-MX", LOCALE_SENGLISHCOUNTRYNAME, L"Mexico");

    ok(LocaleNameToLCID(L"de-CH", 0) == 0x0807, "de-CH is %04lx\n", LocaleNameToLCID(L"de-CH", 0));
    ok(LocaleNameToLCID(L"fr", 0) == 0x040c, "fr is %04lx\n", LocaleNameToLCID(L"fr", 0));
    ok(LocaleNameToLCID(L"fr", LOCALE_ALLOW_NEUTRAL_NAMES) == 0x000c, "neutral fr is %04lx\n",
       LocaleNameToLCID(L"fr", LOCALE_ALLOW_NEUTRAL_NAMES));
    ok(LCIDToLocaleName(0x0c0a, buf, LOCALE_NAME_MAX_LENGTH, 0) && !wcscmp(buf, L"es-ES"), "0c0a is %ls\n", buf);
    ok(IsValidLocale(0x0816, LCID_SUPPORTED), "pt-PT not valid\n");
}

static int cp_count, cp_1252, cp_utf8, cp_invalid;

static BOOL CALLBACK code_page_w(LPWSTR cp)
{
    UINT n = wcstoul(cp, NULL, 10);
    cp_count++;
    if (n == 1252) cp_1252++;
    if (n == CP_UTF8) cp_utf8++;
    if (!IsValidCodePage(n)) cp_invalid++;
    return TRUE;
}

static BOOL CALLBACK code_page_a(LPSTR cp)
{
    if (atoi(cp) == 437) cp_1252++;
    return TRUE;
}

static void test_code_pages(void)
{
    cp_count = cp_1252 = cp_utf8 = cp_invalid = 0;
    ok(EnumSystemCodePagesW(code_page_w, CP_INSTALLED), "EnumSystemCodePagesW failed\n");
    ok(cp_count >= 10, "only %d code pages\n", cp_count);
    ok(cp_1252 == 1, "1252 seen %d times\n", cp_1252);
    ok(!cp_utf8, "UTF-8 listed\n");
    ok(!cp_invalid, "%d listed code pages not valid\n", cp_invalid);
    cp_1252 = 0;
    ok(EnumSystemCodePagesA(code_page_a, CP_SUPPORTED), "EnumSystemCodePagesA failed\n");
    ok(cp_1252 == 1, "437 seen %d times\n", cp_1252);
}

static int ui_id, ui_name;

static BOOL CALLBACK ui_language_w(LPWSTR lang, LONG_PTR param)
{
    if (param == 1 && !wcscmp(lang, L"0409")) ui_id++;
    if (param == 2 && !wcscmp(lang, L"en-US")) ui_name++;
    return TRUE;
}

static BOOL CALLBACK ui_language_a(LPSTR lang, LONG_PTR param)
{
    if (param == 3 && !strcmp(lang, "en-US")) ui_name++;
    return TRUE;
}

static void test_ui_languages(void)
{
    ui_id = ui_name = 0;
    ok(EnumUILanguagesW(ui_language_w, 0, 1), "EnumUILanguagesW failed\n");
    ok(ui_id == 1, "0409 seen %d times\n", ui_id);
    ok(EnumUILanguagesW(ui_language_w, MUI_LANGUAGE_NAME, 2), "by name failed\n");
    ok(EnumUILanguagesA(ui_language_a, MUI_LANGUAGE_NAME, 3), "A by name failed\n");
    ok(ui_name == 2, "en-US seen %d times\n", ui_name);
}

static int group1_ok, groups, group_locales_ok, group_locales;

static BOOL CALLBACK group_w(LGRPID id, LPWSTR str, LPWSTR name, DWORD flags, LONG_PTR param)
{
    groups++;
    if (id == 1 && !wcscmp(str, L"1") && !wcscmp(name, L"Western Europe and United States") &&
        flags == LGRPID_INSTALLED && param == 7) group1_ok++;
    return TRUE;
}

static BOOL CALLBACK group_a(LGRPID id, LPSTR str, LPSTR name, DWORD flags, LONG_PTR param)
{
    if (id == 10 && !strcmp(str, "a") && !strcmp(name, "Simplified Chinese")) group1_ok++;
    return TRUE;
}

static BOOL CALLBACK group_locale_w(LGRPID id, LCID lcid, LPWSTR str, LONG_PTR param)
{
    group_locales++;
    if (id == param && lcid == 0x0419 && !wcscmp(str, L"00000419")) group_locales_ok++;
    return TRUE;
}

static BOOL CALLBACK group_locale_a(LGRPID id, LCID lcid, LPSTR str, LONG_PTR param)
{
    if (id == 1 && lcid == 0x0409 && !strcmp(str, "00000409")) group_locales_ok++;
    return TRUE;
}

static void test_language_groups(void)
{
    groups = group1_ok = 0;
    ok(EnumSystemLanguageGroupsW(group_w, LGRPID_INSTALLED, 7), "EnumSystemLanguageGroupsW failed\n");
    ok(EnumSystemLanguageGroupsA(group_a, LGRPID_SUPPORTED, 7), "EnumSystemLanguageGroupsA failed\n");
    ok(groups == 17, "%d groups\n", groups);
    ok(group1_ok == 2, "groups 1 and 10 seen as expected %d times\n", group1_ok);

    group_locales = group_locales_ok = 0;
    ok(EnumLanguageGroupLocalesW(group_locale_w, LGRPID_CYRILLIC, 0, LGRPID_CYRILLIC), "Cyrillic locales failed\n");
    ok(EnumLanguageGroupLocalesA(group_locale_a, LGRPID_WESTERN_EUROPE, 0, 0), "Western locales failed\n");
    ok(group_locales_ok == 2, "ru-RU and en-US seen as expected %d times\n", group_locales_ok);

    ok(IsValidLanguageGroup(LGRPID_WESTERN_EUROPE, LGRPID_INSTALLED), "group 1 not installed\n");
    ok(IsValidLanguageGroup(LGRPID_ARMENIAN, LGRPID_SUPPORTED), "group 17 not supported\n");
    ok(!IsValidLanguageGroup(0, LGRPID_SUPPORTED), "group 0 valid\n");
    ok(!IsValidLanguageGroup(18, LGRPID_SUPPORTED), "group 18 valid\n");
}

static void test_convert_default(void)
{
    static const struct { LCID in, out; } tests[] =
    {
        { LOCALE_NEUTRAL, 0x0409 }, { LOCALE_USER_DEFAULT, 0x0409 }, { LOCALE_SYSTEM_DEFAULT, 0x0409 },
        { LOCALE_CUSTOM_DEFAULT, 0x0409 }, { LOCALE_CUSTOM_UNSPECIFIED, 0x0409 },
        { 0x0009, 0x0409 }, { 0x0007, 0x0407 }, { 0x000c, 0x040c }, { 0x0409, 0x0409 }, { 0x1009, 0x1009 },
        { LOCALE_INVARIANT, LOCALE_INVARIANT }, { 0x10409, 0x10409 }, { 0x1234, 0x1234 },
    };
    unsigned int i;

    for (i = 0; i < sizeof(tests) / sizeof(tests[0]); i++)
        ok(ConvertDefaultLocale(tests[i].in) == tests[i].out, "%04lx became %04lx, expected %04lx\n",
           tests[i].in, ConvertDefaultLocale(tests[i].in), tests[i].out);
}

static void test_resolve(void)
{
    static const struct { const WCHAR *in, *out; } tests[] =
    {
        { L"en-US", L"en-US" }, { L"en", L"en-US" }, { L"de", L"de-DE" }, { L"EN-us", L"en-US" },
        { L"", L"" }, { L"xx", L"" }, { L"zh-Hans", L"zh-CN" }, { L"en-XX", L"en-US" }, { L"fr-FR", L"fr-FR" },
        { L"sr", L"sr-Latn-RS" }, { L"x-bogus", L"" }, { L"en-US-x-private", L"en-US" },
    };
    WCHAR buf[LOCALE_NAME_MAX_LENGTH];
    unsigned int i;
    int ret;

    for (i = 0; i < sizeof(tests) / sizeof(tests[0]); i++)
    {
        memset(buf, 0xcc, sizeof(buf));
        ret = ResolveLocaleName(tests[i].in, buf, LOCALE_NAME_MAX_LENGTH);
        ok(ret == (int)wcslen(tests[i].out) + 1 && !wcscmp(buf, tests[i].out), "'%ls' resolved to %d '%ls'\n",
           tests[i].in, ret, buf);
    }
    ok(ResolveLocaleName(NULL, buf, LOCALE_NAME_MAX_LENGTH) == 6 && !wcscmp(buf, L"en-US"), "NULL gave %ls\n", buf);
    ok(ResolveLocaleName(L"de", NULL, 0) == 6, "size query %d\n", ResolveLocaleName(L"de", NULL, 0));
    SetLastError(0xdeadbeef);
    ret = ResolveLocaleName(L"de", buf, 2);
    ok(!ret, "small buffer gave %d\n", ret);
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
}

static void test_ver_language_name(void)
{
    char bufA[64];
    WCHAR buf[64];
    DWORD ret;

    /* Wine answers the language alone ("English"), counting the
     * terminator; Windows documents "Spanish (Traditional Sort)" for 040a */
    ret = VerLanguageNameW(0x0409, buf, 64);
    ok(ret == wcslen(buf) + (test_is("wine") ? 1 : 0) && !wcsncmp(buf, L"English", 7), "0409: %lu %ls\n", ret, buf);
    todo_wine(!wcscmp(buf, L"English (United States)"), "0409 is %ls\n", buf);
    ret = VerLanguageNameA(0x0407, bufA, 64);
    ok(ret == strlen(bufA) + (test_is("wine") ? 1 : 0) && !strncmp(bufA, "German", 6), "0407: %lu %s\n", ret, bufA);
    todo_wine(!strcmp(bufA, "German (Germany)"), "0407 is %s\n", bufA);
    /* an unknown language is no error */
    ret = VerLanguageNameW(0x0000, buf, 64);
    ok(ret != 0, "neutral language failed\n");
    todo_wine(!wcscmp(buf, L"Language Neutral"), "0000 is %ls\n", buf);
}

static void test_nls_version(void)
{
    NLSVERSIONINFO info;
    NLSVERSIONINFOEX infoex;

    memset(&info, 0, sizeof(info));
    info.dwNLSVersionInfoSize = sizeof(info);
    ok(GetNLSVersion(COMPARE_STRING, 0x0409, &info), "GetNLSVersion failed: %lu\n", GetLastError());
    info.dwNLSVersionInfoSize = 4;
    ok(!GetNLSVersion(COMPARE_STRING, 0x0409, &info), "size 4 accepted\n");
    info.dwNLSVersionInfoSize = sizeof(info);
    ok(!GetNLSVersion(0x2, 0x0409, &info), "function 2 accepted\n");

    memset(&infoex, 0, sizeof(infoex));
    infoex.dwNLSVersionInfoSize = sizeof(infoex);
    ok(GetNLSVersionEx(COMPARE_STRING, L"en-US", &infoex), "GetNLSVersionEx failed: %lu\n", GetLastError());
    ok(IsValidNLSVersion(COMPARE_STRING, L"en-US", &infoex), "its own version not valid\n");
    ok(!GetNLSVersionEx(COMPARE_STRING, L"xx-YY", &infoex), "unknown locale accepted\n");
}

/* SetLocaleInfo's values are the user's (Wine keeps them in the registry:
 * everything is put back) */
static void test_set_locale_info(void)
{
    WCHAR decimal[8], date_sep[8], time_sep[8], buf[80];
    BOOL ret;

    GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SDECIMAL, decimal, 8);
    GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SDATE, date_sep, 8);
    GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_STIME, time_sep, 8);

    ok(SetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SDECIMAL, L"!"), "set SDECIMAL failed: %lu\n", GetLastError());
    ok(GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SDECIMAL, buf, 80) && !wcscmp(buf, L"!"), "SDECIMAL %ls\n", buf);
    ok(GetLocaleInfoW(0x0409, LOCALE_SDECIMAL, buf, 80) && !wcscmp(buf, L"!"), "0409's SDECIMAL %ls\n", buf);
    ok(GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SDECIMAL | LOCALE_NOUSEROVERRIDE, buf, 80) && !wcscmp(buf, L"."),
       "SDECIMAL without the override %ls\n", buf);
    ok(GetNumberFormatW(LOCALE_USER_DEFAULT, 0, L"1.5", NULL, buf, 80) && !wcscmp(buf, L"1!50"), "number %ls\n", buf);
    ok(SetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SDECIMAL, decimal), "restore failed\n");

    /* the date separator goes into the short date format */
    ok(SetLocaleInfoA(LOCALE_USER_DEFAULT, LOCALE_SDATE, "-"), "set SDATE failed: %lu\n", GetLastError());
    ok(GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SSHORTDATE, buf, 80) && !wcscmp(buf, L"M-d-yyyy"), "short date %ls\n", buf);
    ok(SetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SDATE, date_sep), "restore failed\n");
    ok(GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SSHORTDATE, buf, 80) && !wcscmp(buf, L"M/d/yyyy"), "short date %ls\n", buf);
    /* and the time separator into the time format */
    ok(SetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_STIME, L"."), "set STIME failed: %lu\n", GetLastError());
    ok(GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_STIMEFORMAT, buf, 80) && !wcscmp(buf, L"h.mm.ss tt"), "time %ls\n", buf);
    ok(SetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_STIME, time_sep), "restore failed\n");
    ok(GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_STIMEFORMAT, buf, 80) && !wcscmp(buf, L"h:mm:ss tt"), "time %ls\n", buf);

    /* what is not the user's to set */
    SetLastError(0xdeadbeef);
    ret = SetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SNAME, L"xx");
    ok(!ret, "SNAME set\n");
    ok(GetLastError() == ERROR_INVALID_FLAGS, "error %lu\n", GetLastError());
    ret = SetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SLIST, NULL);
    ok(!ret, "NULL value accepted\n");
}

int main(void)
{
    test_start("kernel32:nlsenum");
    test_enum_locales();
    test_identity();
    test_code_pages();
    test_ui_languages();
    test_language_groups();
    test_convert_default();
    test_resolve();
    test_ver_language_name();
    test_nls_version();
    test_set_locale_info();
    return test_summary();
}
