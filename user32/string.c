/*
 * user32 characters: case mapping (CharUpper/CharLower and their Buff forms),
 * walking strings (CharNext/CharPrev), classification (IsChar*), and the OEM
 * <-> ANSI conversions (OemToChar/CharToOem).
 *
 * The A forms go through UTF-16 in the ANSI code page. A pointer whose high
 * bits are zero is a single character, not a string (CharUpper/CharLower).
 */
#include "private.h"

WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR);
WCHAR NTAPI RtlDowncaseUnicodeChar(WCHAR);

#define TO_UTF16 1200   /* convert_chars: a target "code page" meaning UTF-16 */

static BOOL is_single_char(const void *p) { return !((ULONG_PTR)p >> 16); }

static void map_case_w(WCHAR *str, DWORD len, BOOL upper)
{
    for (DWORD i = 0; i < len; i++)
        str[i] = upper ? RtlUpcaseUnicodeChar(str[i]) : RtlDowncaseUnicodeChar(str[i]);
}

/* maps `len` ANSI bytes in place; single-byte code pages keep the length */
static DWORD map_case_a(char *str, DWORD len, BOOL upper)
{
    WCHAR small[256], *wide = small;
    int wlen;

    if (!len) return 0;
    if (len > ARRAYSIZE(small) && !(wide = HeapAlloc(GetProcessHeap(), 0, len * sizeof(WCHAR)))) return 0;
    wlen = MultiByteToWideChar(CP_ACP, 0, str, len, wide, len);
    map_case_w(wide, wlen, upper);
    WideCharToMultiByte(CP_ACP, 0, wide, wlen, str, len, NULL, NULL);
    if (wide != small) HeapFree(GetProcessHeap(), 0, wide);
    return len;
}

LPWSTR WINAPI CharUpperW(LPWSTR str)
{
    if (is_single_char(str)) return (LPWSTR)(ULONG_PTR)RtlUpcaseUnicodeChar(LOWORD((ULONG_PTR)str));
    map_case_w(str, lstrlenW(str), TRUE);
    return str;
}

LPWSTR WINAPI CharLowerW(LPWSTR str)
{
    if (is_single_char(str)) return (LPWSTR)(ULONG_PTR)RtlDowncaseUnicodeChar(LOWORD((ULONG_PTR)str));
    map_case_w(str, lstrlenW(str), FALSE);
    return str;
}

DWORD WINAPI CharUpperBuffW(LPWSTR str, DWORD len)
{
    if (!str) return 0;
    map_case_w(str, len, TRUE);
    return len;
}

DWORD WINAPI CharLowerBuffW(LPWSTR str, DWORD len)
{
    if (!str) return 0;
    map_case_w(str, len, FALSE);
    return len;
}

/* a single ANSI character given as a pointer value */
static LPSTR map_single_a(LPSTR ch, BOOL upper)
{
    char c = (char)LOWORD((ULONG_PTR)ch);
    map_case_a(&c, 1, upper);
    return (LPSTR)(ULONG_PTR)(BYTE)c;
}

LPSTR WINAPI CharUpperA(LPSTR str)
{
    if (is_single_char(str)) return map_single_a(str, TRUE);
    map_case_a(str, lstrlenA(str), TRUE);
    return str;
}

LPSTR WINAPI CharLowerA(LPSTR str)
{
    if (is_single_char(str)) return map_single_a(str, FALSE);
    map_case_a(str, lstrlenA(str), FALSE);
    return str;
}

DWORD WINAPI CharUpperBuffA(LPSTR str, DWORD len)
{
    return str ? map_case_a(str, len, TRUE) : 0;
}

DWORD WINAPI CharLowerBuffA(LPSTR str, DWORD len)
{
    return str ? map_case_a(str, len, FALSE) : 0;
}

/* ---- walking strings ---- */

LPWSTR WINAPI CharNextW(LPCWSTR p)
{
    return (LPWSTR)(*p ? p + 1 : p);
}

LPWSTR WINAPI CharPrevW(LPCWSTR start, LPCWSTR p)
{
    return (LPWSTR)(p > start ? p - 1 : start);
}

LPSTR WINAPI CharNextExA(WORD cp, LPCSTR p, DWORD flags)
{
    if (!*p) return (LPSTR)p;
    if (IsDBCSLeadByteEx(cp, *p) && p[1]) return (LPSTR)p + 2;
    return (LPSTR)p + 1;
}

LPSTR WINAPI CharNextA(LPCSTR p)
{
    return CharNextExA(CP_ACP, p, 0);
}

/* the start of the character before `p`: walks forward from `start`,
 * the only way to know where double-byte characters begin */
LPSTR WINAPI CharPrevExA(WORD cp, LPCSTR start, LPCSTR p, DWORD flags)
{
    LPCSTR prev = start;

    if (!start || !p) return (LPSTR)p;
    while (start < p)
    {
        LPCSTR next = CharNextExA(cp, start, flags);
        if (next == start || next > p) break;
        prev = start;
        start = next;
    }
    return (LPSTR)prev;
}

LPSTR WINAPI CharPrevA(LPCSTR start, LPCSTR p)
{
    return CharPrevExA(CP_ACP, start, p, 0);
}

/* ---- classification ---- */

static BOOL char_type_w(WCHAR ch, WORD mask)
{
    WORD type = 0;
    GetStringTypeW(CT_CTYPE1, &ch, 1, &type);
    return (type & mask) != 0;
}

static WCHAR ansi_to_wide(CHAR ch)
{
    WCHAR w = 0;
    MultiByteToWideChar(CP_ACP, 0, &ch, 1, &w, 1);
    return w;
}

BOOL WINAPI IsCharAlphaW(WCHAR ch) { return char_type_w(ch, C1_ALPHA); }
BOOL WINAPI IsCharAlphaNumericW(WCHAR ch) { return char_type_w(ch, C1_ALPHA | C1_DIGIT); }
BOOL WINAPI IsCharUpperW(WCHAR ch) { return char_type_w(ch, C1_UPPER); }
BOOL WINAPI IsCharLowerW(WCHAR ch) { return char_type_w(ch, C1_LOWER); }
BOOL WINAPI IsCharAlphaA(CHAR ch) { return IsCharAlphaW(ansi_to_wide(ch)); }
BOOL WINAPI IsCharAlphaNumericA(CHAR ch) { return IsCharAlphaNumericW(ansi_to_wide(ch)); }
BOOL WINAPI IsCharUpperA(CHAR ch) { return IsCharUpperW(ansi_to_wide(ch)); }
BOOL WINAPI IsCharLowerA(CHAR ch) { return IsCharLowerW(ansi_to_wide(ch)); }

/* ---- OEM <-> ANSI ---- */

/* converts `len` bytes from code page `from` to `to` (same buffer allowed);
 * `to` == TO_UTF16 writes UTF-16 */
static BOOL convert_chars(UINT from, const char *src, UINT to, void *dst, DWORD len)
{
    WCHAR small[256], *wide = small;
    int wlen;

    if (!src || !dst) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (len > ARRAYSIZE(small) && !(wide = HeapAlloc(GetProcessHeap(), 0, len * sizeof(WCHAR)))) return FALSE;
    wlen = MultiByteToWideChar(from, 0, src, len, wide, len);
    if (to == TO_UTF16) memcpy(dst, wide, wlen * sizeof(WCHAR));
    else WideCharToMultiByte(to, 0, wide, wlen, dst, len, NULL, NULL);
    if (wide != small) HeapFree(GetProcessHeap(), 0, wide);
    return TRUE;
}

BOOL WINAPI OemToCharBuffA(LPCSTR src, LPSTR dst, DWORD len) { return convert_chars(CP_OEMCP, src, CP_ACP, dst, len); }
BOOL WINAPI OemToCharBuffW(LPCSTR src, LPWSTR dst, DWORD len) { return convert_chars(CP_OEMCP, src, TO_UTF16, dst, len); }
BOOL WINAPI CharToOemBuffA(LPCSTR src, LPSTR dst, DWORD len) { return convert_chars(CP_ACP, src, CP_OEMCP, dst, len); }

BOOL WINAPI OemToCharA(LPCSTR src, LPSTR dst)
{
    return src && OemToCharBuffA(src, dst, lstrlenA(src) + 1);
}

BOOL WINAPI OemToCharW(LPCSTR src, LPWSTR dst)
{
    return src && OemToCharBuffW(src, dst, lstrlenA(src) + 1);
}

BOOL WINAPI CharToOemA(LPCSTR src, LPSTR dst)
{
    return src && CharToOemBuffA(src, dst, lstrlenA(src) + 1);
}

BOOL WINAPI CharToOemBuffW(LPCWSTR src, LPSTR dst, DWORD len)
{
    if (!src || !dst) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    WideCharToMultiByte(CP_OEMCP, 0, src, len, dst, len, NULL, NULL);
    return TRUE;
}

BOOL WINAPI CharToOemW(LPCWSTR src, LPSTR dst)
{
    return src && CharToOemBuffW(src, dst, lstrlenW(src) + 1);
}
