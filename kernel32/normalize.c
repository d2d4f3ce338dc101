/*
 * kernel32/normalize.c — Unicode normalization: NormalizeString and
 * IsNormalizedString for the forms C, D, KC and KD.
 *
 * What is covered (the rest passes through unchanged):
 *   - canonical decomposition and composition of the precomposed Latin,
 *     Greek and Cyrillic letters (locale.c's table, which is also what
 *     MultiByteToWideChar's MB_COMPOSITE uses), of the canonical
 *     singletons (Ohm, Kelvin and Angstrom signs, the Greek tonos,
 *     question mark and ano teleia, U+0340/0341/0343/0344) and of Hangul
 *     syllables (algorithmically);
 *   - canonical ordering by combining class of the marks U+0300-036F and
 *     U+0483-0487;
 *   - compatibility mappings (KC, KD) of Latin-1, the Latin ligatures and
 *     digraphs, spacing accents, the typographic spaces, dot leaders and
 *     primes, super- and subscript digits, Roman numerals, letterlike
 *     symbols (TM, No, TEL, c/o), the Latin ligatures U+FB00-FB06 and the
 *     fullwidth ASCII forms.
 */
#include "nls.h"

void NTAPI RtlSetLastWin32Error(DWORD);
size_t __cdecl wcslen(const WCHAR *);
void *__cdecl memcpy(void *, const void *, size_t);
int __cdecl memcmp(const void *, const void *, size_t);
PVOID NTAPI RtlAllocateHeap(HANDLE, ULONG, SIZE_T);
BOOLEAN NTAPI RtlFreeHeap(HANDLE, ULONG, PVOID);

#define MAX_DECOMP 18   /* the longest expansion of one character (KD) */

/* Hangul syllables: L V [T] */
#define S_BASE 0xac00
#define L_BASE 0x1100
#define V_BASE 0x1161
#define T_BASE 0x11a7
#define L_COUNT 19
#define V_COUNT 21
#define T_COUNT 28
#define N_COUNT (V_COUNT * T_COUNT)
#define S_COUNT (L_COUNT * N_COUNT)

struct mapping
{
    WCHAR        ch;
    const WCHAR *to;
};

/* canonical singletons and multi-mark decompositions locale.c's table lacks */
static const struct mapping canonical_map[] =
{
    { 0x0340, L"\x0300" }, { 0x0341, L"\x0301" }, { 0x0343, L"\x0313" }, { 0x0344, L"\x0308\x0301" },
    { 0x0374, L"\x02b9" }, { 0x037e, L";" }, { 0x0385, L"\x00a8\x0301" }, { 0x0387, L"\x00b7" },
    { 0x2000, L"\x2002" }, { 0x2001, L"\x2003" }, { 0x2126, L"\x03a9" }, { 0x212a, L"K" },
    { 0x212b, L"\x00c5" },
};

/* compatibility mappings (KC, KD), sorted */
static const struct mapping compat_map[] =
{
    { 0x00a0, L" " }, { 0x00a8, L" \x0308" }, { 0x00aa, L"a" }, { 0x00af, L" \x0304" },
    { 0x00b2, L"2" }, { 0x00b3, L"3" }, { 0x00b4, L" \x0301" }, { 0x00b5, L"\x03bc" },
    { 0x00b8, L" \x0327" }, { 0x00b9, L"1" }, { 0x00ba, L"o" }, { 0x00bc, L"1\x2044" L"4" },
    { 0x00bd, L"1\x2044" L"2" }, { 0x00be, L"3\x2044" L"4" }, { 0x0132, L"IJ" }, { 0x0133, L"ij" },
    { 0x013f, L"L\x00b7" }, { 0x0140, L"l\x00b7" }, { 0x0149, L"\x02bcn" }, { 0x017f, L"s" },
    { 0x01c4, L"D\x017d" }, { 0x01c5, L"D\x017e" }, { 0x01c6, L"d\x017e" }, { 0x01c7, L"LJ" },
    { 0x01c8, L"Lj" }, { 0x01c9, L"lj" }, { 0x01ca, L"NJ" }, { 0x01cb, L"Nj" }, { 0x01cc, L"nj" },
    { 0x01f1, L"DZ" }, { 0x01f2, L"Dz" }, { 0x01f3, L"dz" }, { 0x02b0, L"h" }, { 0x02b2, L"j" },
    { 0x02b3, L"r" }, { 0x02b7, L"w" }, { 0x02b8, L"y" }, { 0x02d8, L" \x0306" }, { 0x02d9, L" \x0307" },
    { 0x02da, L" \x030a" }, { 0x02db, L" \x0328" }, { 0x02dc, L" \x0303" }, { 0x02dd, L" \x030b" },
    { 0x2002, L" " }, { 0x2003, L" " }, { 0x2004, L" " }, { 0x2005, L" " }, { 0x2006, L" " },
    { 0x2007, L" " }, { 0x2008, L" " }, { 0x2009, L" " }, { 0x200a, L" " }, { 0x2011, L"\x2010" },
    { 0x2017, L" \x0333" }, { 0x2024, L"." }, { 0x2025, L".." }, { 0x2026, L"..." }, { 0x202f, L" " },
    { 0x2033, L"\x2032\x2032" }, { 0x2034, L"\x2032\x2032\x2032" }, { 0x203c, L"!!" }, { 0x205f, L" " },
    { 0x2070, L"0" }, { 0x2071, L"i" }, { 0x2074, L"4" }, { 0x2075, L"5" }, { 0x2076, L"6" },
    { 0x2077, L"7" }, { 0x2078, L"8" }, { 0x2079, L"9" }, { 0x207a, L"+" }, { 0x207b, L"\x2212" },
    { 0x207c, L"=" }, { 0x207d, L"(" }, { 0x207e, L")" }, { 0x207f, L"n" }, { 0x2080, L"0" },
    { 0x2081, L"1" }, { 0x2082, L"2" }, { 0x2083, L"3" }, { 0x2084, L"4" }, { 0x2085, L"5" },
    { 0x2086, L"6" }, { 0x2087, L"7" }, { 0x2088, L"8" }, { 0x2089, L"9" }, { 0x208a, L"+" },
    { 0x208b, L"\x2212" }, { 0x208c, L"=" }, { 0x208d, L"(" }, { 0x208e, L")" }, { 0x20a8, L"Rs" },
    { 0x2100, L"a/c" }, { 0x2101, L"a/s" }, { 0x2103, L"\x00b0" L"C" }, { 0x2105, L"c/o" },
    { 0x2106, L"c/u" }, { 0x2109, L"\x00b0" L"F" }, { 0x2116, L"No" }, { 0x2121, L"TEL" }, { 0x2122, L"TM" },
    { 0x2160, L"I" }, { 0x2161, L"II" }, { 0x2162, L"III" }, { 0x2163, L"IV" }, { 0x2164, L"V" },
    { 0x2165, L"VI" }, { 0x2166, L"VII" }, { 0x2167, L"VIII" }, { 0x2168, L"IX" }, { 0x2169, L"X" },
    { 0x216a, L"XI" }, { 0x216b, L"XII" }, { 0x216c, L"L" }, { 0x216d, L"C" }, { 0x216e, L"D" },
    { 0x216f, L"M" }, { 0x2170, L"i" }, { 0x2171, L"ii" }, { 0x2172, L"iii" }, { 0x2173, L"iv" },
    { 0x2174, L"v" }, { 0x2175, L"vi" }, { 0x2176, L"vii" }, { 0x2177, L"viii" }, { 0x2178, L"ix" },
    { 0x2179, L"x" }, { 0x217a, L"xi" }, { 0x217b, L"xii" }, { 0x217c, L"l" }, { 0x217d, L"c" },
    { 0x217e, L"d" }, { 0x217f, L"m" }, { 0x3000, L" " }, { 0xfb00, L"ff" }, { 0xfb01, L"fi" },
    { 0xfb02, L"fl" }, { 0xfb03, L"ffi" }, { 0xfb04, L"ffl" }, { 0xfb05, L"\x017ft" }, { 0xfb06, L"st" },
    { 0xffe0, L"\x00a2" }, { 0xffe1, L"\x00a3" }, { 0xffe5, L"\x00a5" },
};

static const WCHAR *lookup(const struct mapping *map, int count, WCHAR ch)
{
    int lo = 0, hi = count - 1;

    while (lo <= hi)
    {
        int mid = (lo + hi) / 2;
        if (map[mid].ch == ch) return map[mid].to;
        if (map[mid].ch < ch) lo = mid + 1;
        else hi = mid - 1;
    }
    return NULL;
}

/* canonical combining class; 0 for a starter */
static BYTE combining_class(WCHAR ch)
{
    static const BYTE classes[0x70] =
    {
        230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230,   /* 0300 */
        230, 230, 230, 230, 230, 232, 220, 220, 220, 220, 232, 216, 220, 220, 220, 220,   /* 0310 */
        220, 202, 202, 220, 220, 220, 220, 202, 202, 220, 220, 220, 220, 220, 220, 220,   /* 0320 */
        220, 220, 220, 220,   1,   1,   1,   1,   1, 220, 220, 220, 220, 230, 230, 230,   /* 0330 */
        230, 230, 230, 230, 230, 240, 230, 220, 220, 220, 230, 230, 230, 220, 220,   0,   /* 0340 */
        230, 230, 230, 220, 220, 220, 220, 230, 232, 220, 220, 230, 233, 234, 234, 233,   /* 0350 */
        234, 234, 233, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230, 230,   /* 0360 */
    };
    if (ch >= 0x300 && ch < 0x370) return classes[ch - 0x300];
    if (ch >= 0x483 && ch <= 0x487) return 230;
    return 0;
}

/* the full decomposition of one character; the count */
static int decompose(WCHAR ch, BOOL compat, WCHAR *out)
{
    const WCHAR *to;
    WCHAR parts[3];
    int n, i, count = 0;

    if (ch >= S_BASE && ch < S_BASE + S_COUNT)
    {
        int s = ch - S_BASE;
        out[0] = L_BASE + s / N_COUNT;
        out[1] = V_BASE + s % N_COUNT / T_COUNT;
        if (!(s % T_COUNT)) return 2;
        out[2] = T_BASE + s % T_COUNT;
        return 3;
    }
    if (compat && ch >= 0xff01 && ch <= 0xff5e)   /* fullwidth ASCII */
    {
        out[0] = ch - 0xfee0;
        return 1;
    }
    to = lookup(canonical_map, sizeof(canonical_map) / sizeof(canonical_map[0]), ch);
    if (!to && compat) to = lookup(compat_map, sizeof(compat_map) / sizeof(compat_map[0]), ch);
    if (to)
    {
        /* the mapping's characters decompose in turn */
        for (; *to; to++) count += decompose(*to, compat, out + count);
        return count;
    }
    n = k32_decompose(ch, parts);
    if (n == 1)
    {
        out[0] = ch;
        return 1;
    }
    count = decompose(parts[0], compat, out);
    for (i = 1; i < n; i++) out[count++] = parts[i];
    return count;
}

/* puts each run of marks in the order of their combining classes (stable) */
static void canonical_order(WCHAR *s, int len)
{
    int i, j;

    for (i = 1; i < len; i++)
    {
        BYTE cc = combining_class(s[i]);
        WCHAR ch = s[i];
        if (!cc) continue;
        for (j = i; j > 0 && combining_class(s[j - 1]) > cc; j--) s[j] = s[j - 1];
        s[j] = ch;
    }
}

static WCHAR compose_two(WCHAR a, WCHAR b)
{
    if (a >= L_BASE && a < L_BASE + L_COUNT && b >= V_BASE && b < V_BASE + V_COUNT)
        return S_BASE + ((a - L_BASE) * V_COUNT + b - V_BASE) * T_COUNT;
    if (a >= S_BASE && a < S_BASE + S_COUNT && !((a - S_BASE) % T_COUNT) && b > T_BASE && b < T_BASE + T_COUNT)
        return a + b - T_BASE;
    return combining_class(b) ? k32_compose(a, b) : 0;
}

/* canonical composition in place; the new length */
static int compose(WCHAR *s, int len)
{
    int starter = -1, out = 0, i;
    BYTE last_cc = 0;

    for (i = 0; i < len; i++)
    {
        WCHAR ch = s[i], composed;
        BYTE cc = combining_class(ch);

        /* a mark combines with the starter unless a mark of the same or a
         * higher class came between them; a starter only right after it */
        if (starter >= 0 && (last_cc < cc || (!last_cc && out == starter + 1)) &&
            (composed = compose_two(s[starter], ch)))
        {
            s[starter] = composed;
            continue;
        }
        if (!cc)
        {
            starter = out;
            last_cc = 0;
        }
        else last_cc = cc;
        s[out++] = ch;
    }
    return out;
}

/* normalizes src into a heap buffer; the length, or -(index + 1) of an
 * unpaired surrogate */
static int normalize(NORM_FORM form, const WCHAR *src, int len, WCHAR **result)
{
    BOOL compat = form == NormalizationKC || form == NormalizationKD;
    BOOL composed = form == NormalizationC || form == NormalizationKC;
    WCHAR *out = RtlAllocateHeap(GetProcessHeap(), 0, ((SIZE_T)len * MAX_DECOMP + 1) * sizeof(WCHAR));
    int i, n = 0;

    *result = out;
    if (!out) return 0;
    for (i = 0; i < len; i++)
    {
        WCHAR ch = src[i];
        if (ch >= 0xd800 && ch <= 0xdbff)
        {
            if (i + 1 >= len || src[i + 1] < 0xdc00 || src[i + 1] > 0xdfff) return -(i + 1);
            out[n++] = ch;
            out[n++] = src[++i];
            continue;
        }
        if (ch >= 0xdc00 && ch <= 0xdfff) return -(i + 1);
        n += decompose(ch, compat, out + n);
    }
    canonical_order(out, n);
    if (composed) n = compose(out, n);
    return n;
}

static BOOL valid_form(NORM_FORM form)
{
    return form == NormalizationC || form == NormalizationD || form == NormalizationKC || form == NormalizationKD;
}

/* size 0: an estimate of the room needed (three times the input, eighteen
 * for the compatibility forms); a short buffer or an invalid character: a
 * value <= 0 and the error */
int WINAPI NormalizeString(NORM_FORM form, LPCWSTR src, int srclen, LPWSTR dst, int dstlen)
{
    WCHAR *out;
    int n;

    if (!valid_form(form) || !src || srclen < -1 || dstlen < 0 || (dstlen && !dst))
    {
        RtlSetLastWin32Error(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (srclen == -1) srclen = wcslen(src) + 1;
    if (!srclen) return 0;
    if (!dstlen) return srclen * (form == NormalizationKC || form == NormalizationKD ? MAX_DECOMP : 3);
    n = normalize(form, src, srclen, &out);
    if (!out)
    {
        RtlSetLastWin32Error(ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    if (n < 0) RtlSetLastWin32Error(ERROR_NO_UNICODE_TRANSLATION);
    else if (n > dstlen)
    {
        RtlSetLastWin32Error(ERROR_INSUFFICIENT_BUFFER);
        n = -n;
    }
    else
    {
        memcpy(dst, out, n * sizeof(WCHAR));
        RtlSetLastWin32Error(ERROR_SUCCESS);
    }
    RtlFreeHeap(GetProcessHeap(), 0, out);
    return n;
}

BOOL WINAPI IsNormalizedString(NORM_FORM form, LPCWSTR str, int len)
{
    WCHAR *out;
    BOOL same;
    int n;

    if (!valid_form(form) || !str || len < -1)
    {
        RtlSetLastWin32Error(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (len == -1) len = wcslen(str);
    n = normalize(form, str, len, &out);
    if (!out)
    {
        RtlSetLastWin32Error(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    if (n < 0)
    {
        RtlFreeHeap(GetProcessHeap(), 0, out);
        RtlSetLastWin32Error(ERROR_NO_UNICODE_TRANSLATION);
        return FALSE;
    }
    same = n == len && !memcmp(out, str, len * sizeof(WCHAR));
    RtlFreeHeap(GetProcessHeap(), 0, out);
    RtlSetLastWin32Error(ERROR_SUCCESS);
    return same;
}

/* for idn.c: NFKC of a label into out (room for len * MAX_DECOMP); the
 * length, negative on a bad surrogate */
int k32_nfkc(const WCHAR *src, int len, WCHAR *out)
{
    WCHAR *tmp;
    int n = normalize(NormalizationKC, src, len, &tmp);

    if (!tmp) return -1;
    if (n > 0) memcpy(out, tmp, n * sizeof(WCHAR));
    RtlFreeHeap(GetProcessHeap(), 0, tmp);
    return n;
}
