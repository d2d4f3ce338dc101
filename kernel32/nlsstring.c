/*
 * kernel32/nlsstring.c — finding and classifying text: FindNLSString(Ex)
 * (linguistic, through CompareStringEx), FindStringOrdinal (code units,
 * optionally upper-cased), GetStringScripts and VerifyScripts (ISO 15924
 * script codes of the common scripts, by code point ranges).
 */
#include "nls.h"

void NTAPI RtlSetLastWin32Error(DWORD);
WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR);
size_t __cdecl wcslen(const WCHAR *);
void *__cdecl memcpy(void *, const void *, size_t);
void *__cdecl memmove(void *, const void *, size_t);

#define FIND_FLAGS (FIND_STARTSWITH | FIND_ENDSWITH | FIND_FROMSTART | FIND_FROMEND)
#define NLS_FIND_COMPARE_FLAGS (NORM_IGNORECASE | NORM_IGNORENONSPACE | NORM_IGNORESYMBOLS | NORM_IGNOREKANATYPE | \
                                NORM_IGNOREWIDTH | LINGUISTIC_IGNORECASE | LINGUISTIC_IGNOREDIACRITIC | \
                                NORM_LINGUISTIC_CASING | SORT_STRINGSORT | SORT_DIGITSASNUMBERS)

static int fail(DWORD err)
{
    RtlSetLastWin32Error(err);
    return -1;
}

/* at most one of the FIND_ flags; none is FIND_FROMSTART */
static BOOL one_find_flag(DWORD find)
{
    return !(find & (find - 1));
}

/* ======================================================================
 * FindNLSString
 * ====================================================================== */

/* the length of the shortest stretch of src from start that compares equal
 * to value, or -1. A match may be longer than the value by its ignored
 * characters and decompositions: up to twice the value and 8 more are
 * tried. */
static int match_at(const WCHAR *locale, DWORD flags, const WCHAR *src, int srclen, int start, BOOL to_end,
                    const WCHAR *value, int vallen)
{
    int end, max = start + 2 * vallen + 8;

    if (max > srclen) max = srclen;
    if (to_end)
    {
        if (srclen - start > 2 * vallen + 8) return -1;
        return CompareStringEx(locale, flags, src + start, srclen - start, value, vallen, NULL, NULL, 0) ==
               CSTR_EQUAL ? srclen - start : -1;
    }
    for (end = start + 1; end <= max; end++)
        if (CompareStringEx(locale, flags, src + start, end - start, value, vallen, NULL, NULL, 0) == CSTR_EQUAL)
            return end - start;
    return -1;
}

int WINAPI FindNLSStringEx(LPCWSTR locale, DWORD flags, LPCWSTR src, int srclen, LPCWSTR value, int vallen,
                           LPINT found, LPNLSVERSIONINFO version, LPVOID reserved, LPARAM handle)
{
    DWORD find = flags & FIND_FLAGS, compare = flags & ~FIND_FLAGS;
    int i, len;

    if (locale && *locale && !LocaleNameToLCID(locale, 0)) return fail(ERROR_INVALID_PARAMETER);
    if (!src || !value || !srclen || srclen < -1 || !vallen || vallen < -1) return fail(ERROR_INVALID_PARAMETER);
    if (!one_find_flag(find) || (compare & ~NLS_FIND_COMPARE_FLAGS)) return fail(ERROR_INVALID_FLAGS);
    if (srclen == -1) srclen = wcslen(src);
    if (vallen == -1) vallen = wcslen(value);
    switch (find)
    {
    case 0:
    case FIND_FROMSTART:
        for (i = 0; i < srclen; i++)
            if ((len = match_at(locale, compare, src, srclen, i, FALSE, value, vallen)) >= 0) goto done;
        break;
    case FIND_FROMEND:
        for (i = srclen - 1; i >= 0; i--)
            if ((len = match_at(locale, compare, src, srclen, i, FALSE, value, vallen)) >= 0) goto done;
        break;
    case FIND_STARTSWITH:
        i = 0;
        if ((len = match_at(locale, compare, src, srclen, 0, FALSE, value, vallen)) >= 0) goto done;
        break;
    case FIND_ENDSWITH:
        for (i = srclen - 1; i >= 0; i--)
            if ((len = match_at(locale, compare, src, srclen, i, TRUE, value, vallen)) >= 0) goto done;
        break;
    }
    RtlSetLastWin32Error(ERROR_SUCCESS);   /* not found is no failure */
    return -1;
done:
    if (found) *found = len;
    return i;
}

int WINAPI FindNLSString(LCID lcid, DWORD flags, LPCWSTR src, int srclen, LPCWSTR value, int vallen, LPINT found)
{
    WCHAR name[LOCALE_NAME_MAX_LENGTH];

    if (!LCIDToLocaleName(lcid, name, LOCALE_NAME_MAX_LENGTH, 0)) return fail(ERROR_INVALID_PARAMETER);
    return FindNLSStringEx(name, flags, src, srclen, value, vallen, found, NULL, NULL, 0);
}

/* ======================================================================
 * FindStringOrdinal
 * ====================================================================== */

static BOOL same_units(const WCHAR *a, const WCHAR *b, int len, BOOL ignore_case)
{
    int i;
    for (i = 0; i < len; i++)
    {
        if (a[i] == b[i]) continue;
        if (!ignore_case || RtlUpcaseUnicodeChar(a[i]) != RtlUpcaseUnicodeChar(b[i])) return FALSE;
    }
    return TRUE;
}

/* exactly one FIND_ flag; ERROR_SUCCESS when not found */
int WINAPI FindStringOrdinal(DWORD flags, LPCWSTR src, int srclen, LPCWSTR value, int vallen, BOOL ignore_case)
{
    int i, last;

    if (!src || !value) return fail(ERROR_INVALID_PARAMETER);
    if ((flags & ~FIND_FLAGS) || !flags || !one_find_flag(flags)) return fail(ERROR_INVALID_FLAGS);
    if (srclen == -1) srclen = wcslen(src);
    if (vallen == -1) vallen = wcslen(value);
    RtlSetLastWin32Error(ERROR_SUCCESS);
    if (srclen < 0 || vallen < 0 || vallen > srclen) return -1;
    last = srclen - vallen;
    switch (flags)
    {
    case FIND_FROMSTART:
        for (i = 0; i <= last; i++) if (same_units(src + i, value, vallen, ignore_case)) return i;
        break;
    case FIND_FROMEND:
        for (i = last; i >= 0; i--) if (same_units(src + i, value, vallen, ignore_case)) return i;
        break;
    case FIND_STARTSWITH:
        if (same_units(src, value, vallen, ignore_case)) return 0;
        break;
    case FIND_ENDSWITH:
        if (same_units(src + last, value, vallen, ignore_case)) return last;
        break;
    }
    return -1;
}

/* ======================================================================
 * scripts
 * ====================================================================== */

struct script_range
{
    WCHAR first, last;
    char  code[5];
};

/* the scripts of the BMP that programs meet, by range; characters of no
 * script (digits, punctuation, spaces, symbols) are Common ("Zyyy"), the
 * combining marks Inherited ("Qaii"), what is not listed Common too */
static const struct script_range script_ranges[] =
{
    { 0x0041, 0x005a, "Latn" }, { 0x0061, 0x007a, "Latn" }, { 0x00aa, 0x00aa, "Latn" },
    { 0x00ba, 0x00ba, "Latn" }, { 0x00c0, 0x00d6, "Latn" }, { 0x00d8, 0x00f6, "Latn" },
    { 0x00f8, 0x02b8, "Latn" }, { 0x02e0, 0x02e4, "Latn" }, { 0x0300, 0x036f, "Qaii" },
    { 0x0370, 0x0373, "Grek" }, { 0x0375, 0x0377, "Grek" }, { 0x037a, 0x037d, "Grek" },
    { 0x037f, 0x037f, "Grek" }, { 0x0384, 0x0384, "Grek" }, { 0x0386, 0x0386, "Grek" },
    { 0x0388, 0x03e1, "Grek" }, { 0x03e2, 0x03ef, "Copt" }, { 0x03f0, 0x03ff, "Grek" },
    { 0x0400, 0x0484, "Cyrl" }, { 0x0485, 0x0486, "Qaii" }, { 0x0487, 0x052f, "Cyrl" },
    { 0x0531, 0x058a, "Armn" }, { 0x058d, 0x058f, "Armn" }, { 0x0591, 0x05f4, "Hebr" },
    { 0x0600, 0x0604, "Arab" }, { 0x0606, 0x060b, "Arab" }, { 0x060d, 0x061a, "Arab" },
    { 0x061c, 0x061e, "Arab" }, { 0x0620, 0x063f, "Arab" }, { 0x0641, 0x064a, "Arab" },
    { 0x064b, 0x0655, "Qaii" }, { 0x0656, 0x066f, "Arab" }, { 0x0670, 0x0670, "Qaii" },
    { 0x0671, 0x06dc, "Arab" }, { 0x06de, 0x06ff, "Arab" }, { 0x0700, 0x074f, "Syrc" },
    { 0x0750, 0x077f, "Arab" }, { 0x0780, 0x07b1, "Thaa" }, { 0x0900, 0x0950, "Deva" },
    { 0x0951, 0x0954, "Qaii" }, { 0x0955, 0x0963, "Deva" }, { 0x0966, 0x097f, "Deva" },
    { 0x0980, 0x09ff, "Beng" }, { 0x0a00, 0x0a7f, "Guru" }, { 0x0a80, 0x0aff, "Gujr" },
    { 0x0b00, 0x0b7f, "Orya" }, { 0x0b80, 0x0bff, "Taml" }, { 0x0c00, 0x0c7f, "Telu" },
    { 0x0c80, 0x0cff, "Knda" }, { 0x0d00, 0x0d7f, "Mlym" }, { 0x0d80, 0x0dff, "Sinh" },
    { 0x0e01, 0x0e3a, "Thai" }, { 0x0e40, 0x0e5b, "Thai" }, { 0x0e80, 0x0eff, "Laoo" },
    { 0x0f00, 0x0fff, "Tibt" }, { 0x1000, 0x109f, "Mymr" }, { 0x10a0, 0x10fa, "Geor" },
    { 0x10fc, 0x10ff, "Geor" }, { 0x1100, 0x11ff, "Hang" }, { 0x1200, 0x139f, "Ethi" },
    { 0x13a0, 0x13ff, "Cher" }, { 0x1780, 0x17ff, "Khmr" }, { 0x1800, 0x18af, "Mong" },
    { 0x1d00, 0x1d25, "Latn" }, { 0x1d2c, 0x1d5c, "Latn" }, { 0x1d62, 0x1d65, "Latn" },
    { 0x1d6b, 0x1d77, "Latn" }, { 0x1d79, 0x1dbe, "Latn" }, { 0x1dc0, 0x1dff, "Qaii" },
    { 0x1e00, 0x1eff, "Latn" }, { 0x1f00, 0x1ffe, "Grek" }, { 0x200c, 0x200d, "Qaii" },
    { 0x2071, 0x2071, "Latn" }, { 0x207f, 0x207f, "Latn" }, { 0x2090, 0x209c, "Latn" },
    { 0x20d0, 0x20f0, "Qaii" }, { 0x212a, 0x212b, "Latn" }, { 0x2132, 0x2132, "Latn" },
    { 0x214e, 0x214e, "Latn" }, { 0x2160, 0x2188, "Latn" }, { 0x2c00, 0x2c5f, "Glag" },
    { 0x2c60, 0x2c7f, "Latn" }, { 0x2d00, 0x2d2d, "Geor" }, { 0x2de0, 0x2dff, "Cyrl" },
    { 0x2e80, 0x2fd5, "Hani" }, { 0x3005, 0x3005, "Hani" }, { 0x3007, 0x3007, "Hani" },
    { 0x3021, 0x3029, "Hani" }, { 0x302a, 0x302d, "Qaii" }, { 0x3038, 0x303b, "Hani" },
    { 0x3041, 0x3096, "Hira" }, { 0x3099, 0x309a, "Qaii" }, { 0x309d, 0x309f, "Hira" },
    { 0x30a1, 0x30fa, "Kana" }, { 0x30fd, 0x30ff, "Kana" }, { 0x3105, 0x312f, "Bopo" },
    { 0x3131, 0x318e, "Hang" }, { 0x31a0, 0x31ba, "Bopo" }, { 0x31f0, 0x31ff, "Kana" },
    { 0x3400, 0x4dbf, "Hani" }, { 0x4e00, 0x9fff, "Hani" }, { 0xa000, 0xa4cf, "Yiii" },
    { 0xa640, 0xa69f, "Cyrl" }, { 0xa722, 0xa787, "Latn" }, { 0xa78b, 0xa7ff, "Latn" },
    { 0xab30, 0xab5a, "Latn" }, { 0xab5c, 0xab64, "Latn" }, { 0xac00, 0xd7a3, "Hang" },
    { 0xf900, 0xfad9, "Hani" }, { 0xfb00, 0xfb06, "Latn" }, { 0xfb13, 0xfb17, "Armn" },
    { 0xfb1d, 0xfb4f, "Hebr" }, { 0xfb50, 0xfdff, "Arab" }, { 0xfe00, 0xfe0f, "Qaii" },
    { 0xfe20, 0xfe2f, "Qaii" }, { 0xfe70, 0xfefc, "Arab" }, { 0xff21, 0xff3a, "Latn" },
    { 0xff41, 0xff5a, "Latn" }, { 0xff66, 0xff6f, "Kana" }, { 0xff71, 0xff9d, "Kana" },
    { 0xffa0, 0xffdc, "Hang" },
};

static const char *script_of(WCHAR c)
{
    int lo = 0, hi = sizeof(script_ranges) / sizeof(script_ranges[0]) - 1;

    /* surrogates name characters beyond the BMP: scripts wlx does not tell apart */
    if (c >= 0xd800 && c <= 0xdfff) return "Zyyy";
    while (lo <= hi)
    {
        int mid = (lo + hi) / 2;
        if (c < script_ranges[mid].first) hi = mid - 1;
        else if (c > script_ranges[mid].last) lo = mid + 1;
        else return script_ranges[mid].code;
    }
    return "Zyyy";
}

static int code_cmp(const char *a, const char *b)
{
    int i;
    for (i = 0; i < 4; i++) if (a[i] != b[i]) return (unsigned char)a[i] - (unsigned char)b[i];
    return 0;
}

/* the scripts of the string in alphabetical order, each followed by ';' */
int WINAPI GetStringScripts(DWORD flags, LPCWSTR str, int len, LPWSTR scripts, int size)
{
    const char *found[64];
    int count = 0, i, k, needed;

    if (flags & ~GSS_ALLOW_INHERITED_COMMON) { RtlSetLastWin32Error(ERROR_INVALID_FLAGS); return 0; }
    if (!str || len < -1 || size < 0 || (size && !scripts))
    {
        RtlSetLastWin32Error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (len == -1) len = wcslen(str);
    for (i = 0; i < len; i++)
    {
        const char *code = script_of(str[i]);
        if (!(flags & GSS_ALLOW_INHERITED_COMMON) && (!code_cmp(code, "Zyyy") || !code_cmp(code, "Qaii"))) continue;
        for (k = 0; k < count && code_cmp(found[k], code) < 0; k++) ;
        if (k < count && !code_cmp(found[k], code)) continue;
        if (count == 64) break;
        memmove(found + k + 1, found + k, (count - k) * sizeof(found[0]));
        found[k] = code;
        count++;
    }
    needed = count * 5 + 1;
    if (!size) return needed;
    if (size < needed)
    {
        RtlSetLastWin32Error(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    for (i = 0; i < count; i++)
    {
        for (k = 0; k < 4; k++) scripts[i * 5 + k] = found[i][k];
        scripts[i * 5 + 4] = ';';
    }
    scripts[count * 5] = 0;
    return needed;
}

/* is the script code at s (4 letters) in the list? */
static BOOL in_list(const WCHAR *list, int len, const WCHAR *s)
{
    int i;
    for (i = 0; i + 4 <= len; i += 5)
        if (list[i] == s[0] && list[i + 1] == s[1] && list[i + 2] == s[2] && list[i + 3] == s[3]) return TRUE;
    return FALSE;
}

/* a list of "Xxxx;" items */
static BOOL valid_list(const WCHAR *list, int len)
{
    int i;
    if (len % 5) return FALSE;
    for (i = 4; i < len; i += 5) if (list[i] != ';') return FALSE;
    return TRUE;
}

/* every script of test_scripts is one of locale_scripts (Latin always, with
 * VS_ALLOW_LATIN); FALSE with ERROR_SUCCESS when one is not */
BOOL WINAPI VerifyScripts(DWORD flags, LPCWSTR locale_scripts, int locale_len, LPCWSTR test_scripts, int test_len)
{
    int i;

    if (flags & ~VS_ALLOW_LATIN) { RtlSetLastWin32Error(ERROR_INVALID_FLAGS); return FALSE; }
    if (!locale_scripts || !test_scripts || locale_len < -1 || test_len < -1)
    {
        RtlSetLastWin32Error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (locale_len == -1) locale_len = wcslen(locale_scripts);
    if (test_len == -1) test_len = wcslen(test_scripts);
    if (!valid_list(locale_scripts, locale_len) || !valid_list(test_scripts, test_len))
    {
        RtlSetLastWin32Error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    RtlSetLastWin32Error(ERROR_SUCCESS);
    for (i = 0; i < test_len; i += 5)
    {
        const WCHAR *s = test_scripts + i;
        if ((flags & VS_ALLOW_LATIN) && s[0] == 'L' && s[1] == 'a' && s[2] == 't' && s[3] == 'n') continue;
        if (!in_list(locale_scripts, locale_len, s)) return FALSE;
    }
    return TRUE;
}

/* ======================================================================
 * IsNLSDefinedString
 * ====================================================================== */

/* every character is one Unicode defines (not private use, not a
 * surrogate, not a non-character) */
BOOL WINAPI IsNLSDefinedString(NLS_FUNCTION function, DWORD flags, LPNLSVERSIONINFO version, LPCWSTR str, INT len)
{
    WORD type;
    int i;

    if (function != COMPARE_STRING)
    {
        RtlSetLastWin32Error(ERROR_INVALID_FLAGS);
        return FALSE;
    }
    if (!str || len < -1)
    {
        RtlSetLastWin32Error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (len == -1) len = wcslen(str);
    for (i = 0; i < len; i++)
    {
        WCHAR c = str[i];
        if ((c >= 0xd800 && c <= 0xdfff) || (c >= 0xe000 && c <= 0xf8ff) || c >= 0xfffe ||
            (c >= 0xfdd0 && c <= 0xfdef)) return FALSE;
        if (!GetStringTypeW(CT_CTYPE1, &c, 1, &type) || !(type & C1_DEFINED)) return FALSE;
    }
    return TRUE;
}
