/*
 * dlls/msvcrt/msvcrtonly.c — exports msvcrt.dll has and ucrtbase.dll does
 * not: the printf exponent switch (_set_output_format), the Windows
 * version getters (_get_osver and friends), _get_environ, __get_app_type,
 * _set_SSE2_enable, _abnormal_termination, frexpf, the debug forms of
 * operator new, the __crt* wrappers of kernel32's NLS functions, _heapadd
 * and __CppXcptFilter. Not built into ucrtbase.
 */
#include "private.h"

#ifndef WLX_UCRT

#include <errno.h>
#include <math.h>
#include <stdio.h>

extern char **msvcrt_environ;
extern wchar_t **msvcrt_wenviron;
extern unsigned int msvcrt_osver, msvcrt_winver, msvcrt_winmajor, msvcrt_winminor, msvcrt_osplatform;
void *__cdecl msvcrt_operator_new(size_t size);

/* _TWO_DIGIT_EXPONENT: printf's %e/%g print two exponent digits, not three */
unsigned int msvcrt_output_format;

unsigned int __cdecl _get_output_format(void)
{
    return msvcrt_output_format;
}

unsigned int __cdecl _set_output_format(unsigned int format)
{
    unsigned int old = msvcrt_output_format;
    msvcrt_output_format = format & _TWO_DIGIT_EXPONENT;
    return old;
}

/* a value out through a pointer, the pointer checked as the _get_ functions do */
static errno_t give(unsigned int *out, unsigned int value)
{
    if (!out)
    {
        msvcrt_invalid_parameter();
        return EINVAL;
    }
    *out = value;
    return 0;
}

errno_t __cdecl _get_osplatform(unsigned int *value) { return give(value, msvcrt_osplatform); }
errno_t __cdecl _get_osver(unsigned int *value) { return give(value, msvcrt_osver); }
errno_t __cdecl _get_winmajor(unsigned int *value) { return give(value, msvcrt_winmajor); }
errno_t __cdecl _get_winminor(unsigned int *value) { return give(value, msvcrt_winminor); }

errno_t __cdecl _get_environ(char ***value)
{
    if (!value)
    {
        msvcrt_invalid_parameter();
        return EINVAL;
    }
    *value = msvcrt_environ;
    return 0;
}

errno_t __cdecl _get_wenviron(wchar_t ***value)
{
    if (!value)
    {
        msvcrt_invalid_parameter();
        return EINVAL;
    }
    *value = msvcrt_wenviron;
    return 0;
}

int __cdecl __get_app_type(void)
{
    return msvcrt_app_type;
}

/* x64 always has SSE2: the flag asked for is the flag given */
int __cdecl _set_SSE2_enable(int flag)
{
    return flag;
}

/* only meaningful inside a __finally block, where the compiler inlines it */
int __cdecl _abnormal_termination(void)
{
    return 0;
}

float __cdecl frexpf(float x, int *exp)
{
    return (float)frexp(x, exp);
}

/* operator new(size_t, int block_type, const char *file, int line): the
   debug CRT's form; the block type and place are not kept */
void *__cdecl msvcrt_operator_new_dbg(size_t size, int type, const char *file, int line)
{
    (void)type; (void)file; (void)line;
    return msvcrt_operator_new(size);
}

/* ---- the old CRT's National Language Support wrappers: kernel32's
 * functions under the CRT's names (the code page and flag arguments of the
 * LCMapString pair were for Windows 9x's A/W conversions) ---- */

int __cdecl __crtCompareStringA(LCID lcid, DWORD flags, const char *a, int alen, const char *b, int blen)
{
    return CompareStringA(lcid, flags, a, alen, b, blen);
}

int __cdecl __crtCompareStringW(LCID lcid, DWORD flags, const wchar_t *a, int alen, const wchar_t *b, int blen)
{
    return CompareStringW(lcid, flags, a, alen, b, blen);
}

int __cdecl __crtLCMapStringA(LCID lcid, DWORD flags, const char *src, int srclen, char *dst, int dstlen,
                              unsigned int codepage, int xflag)
{
    return LCMapStringA(lcid, flags, src, srclen, dst, dstlen);
}

int __cdecl __crtLCMapStringW(LCID lcid, DWORD flags, const wchar_t *src, int srclen, wchar_t *dst, int dstlen,
                              unsigned int codepage, int xflag)
{
    return LCMapStringW(lcid, flags, src, srclen, dst, dstlen);
}

int __cdecl __crtGetLocaleInfoW(LCID lcid, LCTYPE type, wchar_t *buf, int len)
{
    return GetLocaleInfoW(lcid, type, buf, len);
}

/* the first argument is unused (it was the 9x code path's code page) */
BOOL __cdecl __crtGetStringTypeW(DWORD unused, DWORD type, const wchar_t *str, int len, WORD *types)
{
    return GetStringTypeW(type, str, len, types);
}

/* _heapadd: giving the heap memory of one's own is not supported on
 * Win32: -1 and ENOSYS, as documented */
int __cdecl _heapadd(void *mem, size_t size)
{
    *_errno() = ENOSYS;
    return -1;
}

/* __CppXcptFilter: the filter of a C++ program's start-up frame: a C++
 * exception (0xE06D7363) goes to _XcptFilter, anything else is not its
 * business (EXCEPTION_CONTINUE_SEARCH) */
int __cdecl _XcptFilter(unsigned long code, EXCEPTION_POINTERS *ptrs);

int __cdecl __CppXcptFilter(unsigned long code, EXCEPTION_POINTERS *ptrs)
{
    if (code != 0xe06d7363) return EXCEPTION_CONTINUE_SEARCH;
    return _XcptFilter(code, ptrs);
}

#endif
