/*
 * dlls/msvcrt/msvcrtonly.c — exports msvcrt.dll has and ucrtbase.dll does
 * not: the printf exponent switch (_set_output_format), the Windows
 * version getters (_get_osver and friends), _get_environ, __get_app_type,
 * _set_SSE2_enable, _abnormal_termination, frexpf, and the debug forms of
 * operator new. Not built into ucrtbase.
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

#endif
