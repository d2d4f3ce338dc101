/*
 * dlls/msvcrt/msvcpaux.c — locale accessors and counts that Microsoft's C++
 * library (msvcp140.dll, msvcp60.dll) imports from the CRT beyond the C
 * standard: ___lc_locale_name_func, ___mb_cur_max_l_func, __strncnt,
 * __wcsncnt, and the multibyte code page's byte tables _mbctype and
 * _mbcasemap with their accessors __p__mbctype and __p__mbcasemap.
 *
 * _mbctype[c + 1] classes byte c of the _getmbcp() code page: _M1 for a
 * lead byte, _M2 for a possible trail byte of a double-byte code page,
 * _SBUP/_SBLOW for a single-byte upper/lower-case letter, whose other case
 * _mbcasemap[c] holds (0 for any other byte). The tables are filled again
 * whenever an accessor sees the code page changed (_setmbcp); a program
 * reading the data exports directly sees the start-up code page's.
 */
#include "private.h"
#include <locale.h>
#include <mbctype.h>
#include <wchar.h>

#undef _mbctype
#undef _mbcasemap

/* until an accessor fills them for the code page: the ASCII letters, which
   every code page shares */
#define LETTER(u) [u] = u + 32, [u + 32] = u
unsigned char msvcrt_mbctype[257] __asm__("_mbctype") =
    { ['A' + 1 ... 'Z' + 1] = _SBUP, ['a' + 1 ... 'z' + 1] = _SBLOW };
unsigned char msvcrt_mbcasemap[256] __asm__("_mbcasemap") =
{
    LETTER('A'), LETTER('B'), LETTER('C'), LETTER('D'), LETTER('E'), LETTER('F'), LETTER('G'),
    LETTER('H'), LETTER('I'), LETTER('J'), LETTER('K'), LETTER('L'), LETTER('M'), LETTER('N'),
    LETTER('O'), LETTER('P'), LETTER('Q'), LETTER('R'), LETTER('S'), LETTER('T'), LETTER('U'),
    LETTER('V'), LETTER('W'), LETTER('X'), LETTER('Y'), LETTER('Z'),
};
static int tables_cp = -1;      /* the code page the tables describe */

/* the case class of byte c alone in code page cp, and its other case */
static unsigned char single_byte_case(unsigned int cp, unsigned char c, unsigned char *other)
{
    WCHAR w, flipped;
    WORD type = 0;
    char back;
    BOOL lossy = FALSE;

    if (c < 0x80 || !cp)
    {
        if (c >= 'A' && c <= 'Z') { *other = c + 32; return _SBUP; }
        if (c >= 'a' && c <= 'z') { *other = c - 32; return _SBLOW; }
        return 0;
    }
    if (MultiByteToWideChar(cp, MB_ERR_INVALID_CHARS, (char *)&c, 1, &w, 1) != 1 ||
        !GetStringTypeW(CT_CTYPE1, &w, 1, &type) || !(type & (C1_UPPER | C1_LOWER)))
        return 0;
    if (LCMapStringW(LOCALE_INVARIANT, type & C1_UPPER ? LCMAP_LOWERCASE : LCMAP_UPPERCASE, &w, 1, &flipped, 1) != 1 ||
        WideCharToMultiByte(cp, 0, &flipped, 1, &back, 1, NULL, &lossy) != 1 || lossy)
        return 0;
    *other = back;
    return type & C1_UPPER ? _SBUP : _SBLOW;
}

int msvcrt_mb_is_lead(unsigned int cp, unsigned int c);    /* mbstr.c */
int msvcrt_mb_is_trail(unsigned int cp, unsigned int c);

static void fill_tables(void)
{
    int cp = _getmbcp(), c;

    if (cp == tables_cp) return;
    memset(msvcrt_mbctype, 0, sizeof(msvcrt_mbctype));
    memset(msvcrt_mbcasemap, 0, sizeof(msvcrt_mbcasemap));
    for (c = 0; c < 256; c++)
    {
        if (msvcrt_mb_is_lead(cp, c)) msvcrt_mbctype[c + 1] |= _M1;
        if (msvcrt_mb_is_trail(cp, c)) msvcrt_mbctype[c + 1] |= _M2;
        if (!(msvcrt_mbctype[c + 1] & _M1))
            msvcrt_mbctype[c + 1] |= single_byte_case(cp, c, &msvcrt_mbcasemap[c]);
    }
    tables_cp = cp;
}

unsigned char * __cdecl __p__mbctype(void)
{
    fill_tables();
    return msvcrt_mbctype;
}

unsigned char * __cdecl __p__mbcasemap(void)
{
    fill_tables();
    return msvcrt_mbcasemap;
}

/* one name per category, LC_ALL to LC_TIME: none in the "C" locale */
wchar_t ** __cdecl ___lc_locale_name_func(void)
{
    static wchar_t *names[LC_MAX + 1];
    static wchar_t en_us[] = L"en-US";
    int i;

    for (i = 0; i <= LC_MAX; i++) names[i] = ___lc_codepage_func() ? en_us : NULL;
    return names;
}

#ifdef WLX_UCRT
/* the public start of ucrtbase's locale data (locale.c) */
struct locale_data_public
{
    const unsigned short *pctype;
    int mb_cur_max;
    unsigned int codepage;
};

int __cdecl ___mb_cur_max_l_func(_locale_t locale)
{
    if (!locale) return ___mb_cur_max_func();
    return ((const struct locale_data_public *)locale->locinfo)->mb_cur_max;
}
#endif

size_t __cdecl __strncnt(const char *s, size_t count)
{
    size_t n = 0;
    while (n < count && s[n]) n++;
    return n;
}

size_t __cdecl __wcsncnt(const wchar_t *s, size_t count)
{
    size_t n = 0;
    while (n < count && s[n]) n++;
    return n;
}
