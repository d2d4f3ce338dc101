/*
 * kernel32/localeenum.c — what the system offers, by enumeration or by
 * name: code pages (EnumSystemCodePages), UI languages (EnumUILanguages),
 * language groups (EnumSystemLanguageGroups, EnumLanguageGroupLocales,
 * IsValidLanguageGroup), locale names and LCIDs (ConvertDefaultLocale,
 * ResolveLocaleName, VerLanguageName) and the NLS version
 * (GetNLSVersion(Ex), IsValidNLSVersion).
 *
 * The locales are localedata.c's; the code pages ntdll's tables; the one
 * UI language is en-US, as on a default install.
 */
#include "nls.h"
#include "wlx/nls.h"

void NTAPI RtlSetLastWin32Error(DWORD);
size_t __cdecl wcslen(const WCHAR *);
void *__cdecl memcpy(void *, const void *, size_t);
WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR);

static BOOL fail(DWORD err)
{
    RtlSetLastWin32Error(err);
    return FALSE;
}

/* a number as text in a base, into buf (at least 12) */
static WCHAR *number_text(WCHAR *buf, ULONG v, int base, int width)
{
    static const WCHAR digits[] = L"0123456789abcdef";
    WCHAR tmp[12];
    int n = 0, i = 0;

    do tmp[n++] = digits[v % base]; while (v /= base);
    while (n < width) tmp[n++] = '0';
    while (n) buf[i++] = tmp[--n];
    buf[i] = 0;
    return buf;
}

static void narrow(const WCHAR *src, char *dst, int size)
{
    WideCharToMultiByte(CP_ACP, 0, src, -1, dst, size, NULL, NULL);
}

/* ======================================================================
 * code pages
 * ====================================================================== */

/* the Windows code pages wlx may have a table for, in order */
static const USHORT candidate_cps[] =
{
    37, 437, 500, 708, 720, 737, 775, 850, 852, 855, 857, 858, 860, 861, 862, 863, 864, 865, 866,
    869, 870, 874, 875, 1026, 1047, 1140, 1141, 1142, 1143, 1144, 1145, 1146, 1147, 1148, 1149,
    1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258, 10000, 10001, 10002, 10003, 10004,
    10005, 10006, 10007, 10008, 10010, 10017, 10021, 10029, 10079, 10081, 10082, 20127, 20866,
    21866, 28591, 28592, 28593, 28594, 28595, 28596, 28597, 28598, 28599, 28603, 28605,
};

static BOOL enum_code_pages(BOOL (*call)(UINT cp, void *), void *arg, DWORD flags)
{
    unsigned int i;

    if (flags != CP_INSTALLED && flags != CP_SUPPORTED) return fail(ERROR_INVALID_FLAGS);
    /* UTF-7 and UTF-8 are not listed, as on Windows (tests/kernel32/nlsenum.c) */
    for (i = 0; i < sizeof(candidate_cps) / sizeof(candidate_cps[0]); i++)
        if (__wlx_nls_sbcs_table(candidate_cps[i]) && !call(candidate_cps[i], arg)) return TRUE;
    return TRUE;
}

static BOOL call_cp_w(UINT cp, void *proc)
{
    WCHAR buf[12];
    return ((CODEPAGE_ENUMPROCW)proc)(number_text(buf, cp, 10, 1));
}

static BOOL call_cp_a(UINT cp, void *proc)
{
    WCHAR buf[12];
    char a[12];
    narrow(number_text(buf, cp, 10, 1), a, 12);
    return ((CODEPAGE_ENUMPROCA)proc)(a);
}

BOOL WINAPI EnumSystemCodePagesW(CODEPAGE_ENUMPROCW proc, DWORD flags)
{
    if (!proc) return fail(ERROR_INVALID_PARAMETER);
    return enum_code_pages(call_cp_w, proc, flags);
}

BOOL WINAPI EnumSystemCodePagesA(CODEPAGE_ENUMPROCA proc, DWORD flags)
{
    if (!proc) return fail(ERROR_INVALID_PARAMETER);
    return enum_code_pages(call_cp_a, proc, flags);
}

/* ======================================================================
 * UI languages
 * ====================================================================== */

/* the filters (mingw's winnls.h lacks their names) */
#define MUI_ALL_INSTALLED_LANGUAGES_ 0x20
#define MUI_LICENSED_LANGUAGES_      0x40
#define MUI_GROUP_POLICY_            0x80
#define UI_FLAGS (MUI_LANGUAGE_ID | MUI_LANGUAGE_NAME | MUI_ALL_INSTALLED_LANGUAGES_ | MUI_LICENSED_LANGUAGES_ | \
                  MUI_GROUP_POLICY_)

/* en-US: "0409" (MUI_LANGUAGE_ID, the default) or "en-US" (MUI_LANGUAGE_NAME) */
static const WCHAR *ui_language(DWORD flags, WCHAR *buf)
{
    if (flags & MUI_LANGUAGE_NAME) return L"en-US";
    return number_text(buf, LCID_EN_US, 16, 4);
}

BOOL WINAPI EnumUILanguagesW(UILANGUAGE_ENUMPROCW proc, DWORD flags, LONG_PTR param)
{
    WCHAR buf[12], copy[LOCALE_NAME_MAX_LENGTH];
    const WCHAR *lang;

    if (!proc) return fail(ERROR_INVALID_PARAMETER);
    if (flags & ~UI_FLAGS) return fail(ERROR_INVALID_FLAGS);
    if ((flags & MUI_LANGUAGE_ID) && (flags & MUI_LANGUAGE_NAME)) return fail(ERROR_INVALID_PARAMETER);
    lang = ui_language(flags, buf);
    memcpy(copy, lang, (wcslen(lang) + 1) * sizeof(WCHAR));
    proc(copy, param);
    return TRUE;
}

BOOL WINAPI EnumUILanguagesA(UILANGUAGE_ENUMPROCA proc, DWORD flags, LONG_PTR param)
{
    WCHAR buf[12];
    char a[LOCALE_NAME_MAX_LENGTH];

    if (!proc) return fail(ERROR_INVALID_PARAMETER);
    if (flags & ~UI_FLAGS) return fail(ERROR_INVALID_FLAGS);
    if ((flags & MUI_LANGUAGE_ID) && (flags & MUI_LANGUAGE_NAME)) return fail(ERROR_INVALID_PARAMETER);
    narrow(ui_language(flags, buf), a, sizeof(a));
    proc(a, param);
    return TRUE;
}

/* ======================================================================
 * language groups
 * ====================================================================== */

#define NGROUPS 17

static const WCHAR *const group_names[NGROUPS] =
{
    L"Western Europe and United States", L"Central Europe", L"Baltic", L"Greek", L"Cyrillic", L"Turkic",
    L"Japanese", L"Korean", L"Traditional Chinese", L"Simplified Chinese", L"Thai", L"Hebrew", L"Arabic",
    L"Vietnamese", L"Indic", L"Georgian", L"Armenian",
};

/* every group is installed, as on Windows 10 */
BOOL WINAPI IsValidLanguageGroup(LGRPID group, DWORD flags)
{
    if (flags != LGRPID_INSTALLED && flags != LGRPID_SUPPORTED) return FALSE;
    return group >= 1 && group <= NGROUPS;
}

/* id as Windows writes it: hexadecimal, no leading zeros ("a" is 10) */
static BOOL enum_groups(BOOL (*call)(LGRPID, const WCHAR *, const WCHAR *, DWORD, LONG_PTR, void *),
                        void *proc, DWORD flags, LONG_PTR param)
{
    WCHAR id[12];
    LGRPID g;

    if (!proc) return fail(ERROR_INVALID_PARAMETER);
    if (flags != LGRPID_INSTALLED && flags != LGRPID_SUPPORTED) return fail(ERROR_INVALID_FLAGS);
    for (g = 1; g <= NGROUPS; g++)
        if (!call(g, number_text(id, g, 16, 1), group_names[g - 1], LGRPID_INSTALLED, param, proc)) break;
    return TRUE;
}

static BOOL call_group_w(LGRPID g, const WCHAR *id, const WCHAR *name, DWORD flags, LONG_PTR param, void *proc)
{
    WCHAR idc[12], namec[64];
    memcpy(idc, id, (wcslen(id) + 1) * sizeof(WCHAR));
    memcpy(namec, name, (wcslen(name) + 1) * sizeof(WCHAR));
    return ((LANGUAGEGROUP_ENUMPROCW)proc)(g, idc, namec, flags, param);
}

static BOOL call_group_a(LGRPID g, const WCHAR *id, const WCHAR *name, DWORD flags, LONG_PTR param, void *proc)
{
    char ida[12], namea[64];
    narrow(id, ida, sizeof(ida));
    narrow(name, namea, sizeof(namea));
    return ((LANGUAGEGROUP_ENUMPROCA)proc)(g, ida, namea, flags, param);
}

BOOL WINAPI EnumSystemLanguageGroupsW(LANGUAGEGROUP_ENUMPROCW proc, DWORD flags, LONG_PTR param)
{
    return enum_groups(call_group_w, proc, flags, param);
}

BOOL WINAPI EnumSystemLanguageGroupsA(LANGUAGEGROUP_ENUMPROCA proc, DWORD flags, LONG_PTR param)
{
    return enum_groups(call_group_a, proc, flags, param);
}

/* the specific locales of a group, with their LCID as "%08x" */
static BOOL enum_group_locales(BOOL wide, void *proc, LGRPID group, DWORD flags, LONG_PTR param)
{
    WCHAR id[12];
    char ida[12];
    unsigned int i;

    if (!proc) return fail(ERROR_INVALID_PARAMETER);
    if (flags) return fail(ERROR_INVALID_FLAGS);
    if (group < 1 || group > NGROUPS) return fail(ERROR_INVALID_PARAMETER);
    for (i = 0; i < k32_locale_count; i++)
    {
        const struct k32_locale *loc = &k32_locales[i];
        BOOL go;
        if (loc->group != group || !loc->country) continue;
        number_text(id, loc->lcid, 16, 8);
        if (wide) go = ((LANGGROUPLOCALE_ENUMPROCW)proc)(group, loc->lcid, id, param);
        else
        {
            narrow(id, ida, sizeof(ida));
            go = ((LANGGROUPLOCALE_ENUMPROCA)proc)(group, loc->lcid, ida, param);
        }
        if (!go) break;
    }
    return TRUE;
}

BOOL WINAPI EnumLanguageGroupLocalesW(LANGGROUPLOCALE_ENUMPROCW proc, LGRPID group, DWORD flags, LONG_PTR param)
{
    return enum_group_locales(TRUE, proc, group, flags, param);
}

BOOL WINAPI EnumLanguageGroupLocalesA(LANGGROUPLOCALE_ENUMPROCA proc, LGRPID group, DWORD flags, LONG_PTR param)
{
    return enum_group_locales(FALSE, proc, group, flags, param);
}

/* ======================================================================
 * names and LCIDs
 * ====================================================================== */

/* the defaults become the user's locale, a neutral LCID its default
 * specific one; any other LCID is returned as it is */
LCID WINAPI ConvertDefaultLocale(LCID lcid)
{
    const struct k32_locale *loc;
    LANGID lang = LANGIDFROMLCID(lcid);

    switch (lcid)
    {
    case LOCALE_NEUTRAL:
    case LOCALE_USER_DEFAULT:
    case LOCALE_SYSTEM_DEFAULT:
    case LOCALE_CUSTOM_DEFAULT:
    case LOCALE_CUSTOM_UNSPECIFIED:
    case LOCALE_CUSTOM_UI_DEFAULT:
        return LCID_EN_US;
    }
    if (SUBLANGID(lang) != SUBLANG_NEUTRAL || PRIMARYLANGID(lang) == LANG_INVARIANT) return lcid;
    if ((loc = k32_locale_default_of(lang)))
        return MAKELCID(LANGIDFROMLCID(loc->lcid), SORTIDFROMLCID(lcid));
    return MAKELCID(MAKELANGID(PRIMARYLANGID(lang), SUBLANG_DEFAULT), SORTIDFROMLCID(lcid));
}

/* "Spanish (Spain)": the language and country in English; a neutral
 * language by itself; an unknown one "Language Neutral" */
static const WCHAR *language_name(DWORD lang, WCHAR *buf, int size)
{
    LCID lcid = MAKELCID(lang, SORT_DEFAULT);

    if (lang == LANG_INVARIANT) lcid = LOCALE_INVARIANT;
    if (PRIMARYLANGID(lang) != LANG_NEUTRAL && GetLocaleInfoW(lcid, LOCALE_SLOCALIZEDDISPLAYNAME, buf, size))
        return buf;
    return L"Language Neutral";
}

DWORD WINAPI VerLanguageNameW(DWORD lang, LPWSTR buf, DWORD size)
{
    WCHAR tmp[128];
    const WCHAR *name = language_name(lang, tmp, 128);
    DWORD len = wcslen(name);

    if (!buf) return len;
    if (!size) return 0;
    if (len >= size) len = size - 1;   /* cut to the buffer */
    memcpy(buf, name, len * sizeof(WCHAR));
    buf[len] = 0;
    return len;
}

DWORD WINAPI VerLanguageNameA(DWORD lang, LPSTR buf, DWORD size)
{
    WCHAR tmp[128];
    char a[256];
    const WCHAR *name = language_name(lang, tmp, 128);
    DWORD len = WideCharToMultiByte(CP_ACP, 0, name, -1, a, sizeof(a), NULL, NULL) - 1;

    if (!buf) return len;
    if (!size) return 0;
    if (len >= size) len = size - 1;
    memcpy(buf, a, len);
    buf[len] = 0;
    return len;
}

static BOOL same_prefix(const WCHAR *name, const WCHAR *prefix)
{
    for (; *prefix; name++, prefix++)
        if (RtlUpcaseUnicodeChar(*name) != RtlUpcaseUnicodeChar(*prefix)) return FALSE;
    return !*name || *name == '-' || *name == '_';
}

/* the known locale a name best stands for: itself, a language's default,
 * the script-tagged Chinese and Serbian names; NULL if none */
static const struct k32_locale *resolve_name(const WCHAR *name)
{
    const struct k32_locale *loc;
    WCHAR lang[LOCALE_NAME_MAX_LENGTH];
    int i;

    if ((loc = k32_locale_from_name(name)))
        return loc->country ? loc : k32_locale_default_of(loc->lcid);
    if (same_prefix(name, L"zh-Hant")) return k32_locale_from_lcid(0x0404);
    if (same_prefix(name, L"zh-Hans")) return k32_locale_from_lcid(0x0804);
    if (same_prefix(name, L"sr")) return k32_locale_from_lcid(0x241a);
    /* "en-US-x-private", "en-XX": the part that is a language */
    for (i = 0; name[i] && name[i] != '-' && name[i] != '_' && i < LOCALE_NAME_MAX_LENGTH - 1; i++) lang[i] = name[i];
    lang[i] = 0;
    if (i < 2 || i > 3) return NULL;
    for (i = 0; name[i] && i < LOCALE_NAME_MAX_LENGTH - 1; i++)
    {
        /* a full specific name before its private part */
        if (name[i] == '-' && (name[i + 1] == 'x' || name[i + 1] == 'X') && name[i + 2] == '-')
        {
            WCHAR head[LOCALE_NAME_MAX_LENGTH];
            memcpy(head, name, i * sizeof(WCHAR));
            head[i] = 0;
            if ((loc = k32_locale_from_name(head)) && loc->country) return loc;
            break;
        }
    }
    if (!(loc = k32_locale_from_name(lang))) return NULL;
    return loc->country ? loc : k32_locale_default_of(loc->lcid);
}

int WINAPI ResolveLocaleName(LPCWSTR name, LPWSTR buf, int size)
{
    const struct k32_locale *loc = NULL;
    const WCHAR *result = L"";
    int len;

    if (!name) loc = k32_locale_from_lcid(LCID_EN_US);
    else if (*name) loc = resolve_name(name);
    if (loc) result = loc->name;
    len = wcslen(result) + 1;
    if (!buf) return len;
    if (size < len) return fail(ERROR_INSUFFICIENT_BUFFER);
    memcpy(buf, result, len * sizeof(WCHAR));
    return len;
}

/* ======================================================================
 * NLS versions
 * ====================================================================== */

/* the sorting of Windows 10 */
#define NLS_VERSION     0x00060101
static const GUID sort_guid = { 0x00000001, 0x57ee, 0x1e5c, { 0x00, 0xb4, 0xd0, 0x00, 0x0b, 0xb1, 0xe1, 0x1e } };

/* the first three fields make the old NLSVERSIONINFO, which is accepted */
#define OLD_VERSION_SIZE FIELD_OFFSET(NLSVERSIONINFO, dwEffectiveId)

static BOOL fill_version(DWORD function, LCID lcid, NLSVERSIONINFO *info)
{
    if (function != COMPARE_STRING) return fail(ERROR_INVALID_FLAGS);
    if (!info) return fail(ERROR_INVALID_PARAMETER);
    if (info->dwNLSVersionInfoSize < OLD_VERSION_SIZE) return fail(ERROR_INSUFFICIENT_BUFFER);
    if (!(lcid = k32_resolve_lcid(lcid))) return fail(ERROR_INVALID_PARAMETER);
    info->dwNLSVersion = NLS_VERSION;
    info->dwDefinedVersion = NLS_VERSION;
    if (info->dwNLSVersionInfoSize >= sizeof(NLSVERSIONINFO))
    {
        info->dwEffectiveId = lcid;
        info->guidCustomVersion = sort_guid;
    }
    return TRUE;
}

BOOL WINAPI GetNLSVersion(NLS_FUNCTION function, LCID lcid, LPNLSVERSIONINFO info)
{
    return fill_version(function, lcid, info);
}

BOOL WINAPI GetNLSVersionEx(NLS_FUNCTION function, LPCWSTR name, LPNLSVERSIONINFOEX info)
{
    LCID lcid = LOCALE_USER_DEFAULT;

    if (name && !(lcid = LocaleNameToLCID(name, 0)) && *name) return fail(ERROR_INVALID_PARAMETER);
    if (name && !*name) lcid = LOCALE_INVARIANT;
    if (info && info->dwNLSVersionInfoSize < sizeof(*info)) return fail(ERROR_INSUFFICIENT_BUFFER);
    if (!fill_version(function, lcid, (NLSVERSIONINFO *)info)) return FALSE;
    info->dwEffectiveId = k32_resolve_lcid(lcid);
    info->guidCustomVersion = sort_guid;
    return TRUE;
}

/* the one version there is: ERROR_SUCCESS and FALSE for any other */
DWORD WINAPI IsValidNLSVersion(NLS_FUNCTION function, LPCWSTR name, LPNLSVERSIONINFOEX info)
{
    if (function != COMPARE_STRING) return fail(ERROR_INVALID_FLAGS);
    if (!info || info->dwNLSVersionInfoSize < OLD_VERSION_SIZE) return fail(ERROR_INVALID_PARAMETER);
    if (name && *name && !LocaleNameToLCID(name, 0)) return fail(ERROR_INVALID_PARAMETER);
    if (info->dwNLSVersion != NLS_VERSION) return fail(ERROR_SUCCESS);
    return TRUE;
}
