/*
 * wsprintf: the printf subset Windows documents for user32 (no floating
 * point), output capped at 1024 characters including the terminating NUL.
 * ntdll's formatter does the work: its %s/%S/%ls/%hs and integer forms are
 * the ones wsprintf takes.
 */
#include "private.h"
#include <stdarg.h>

#define WSPRINTF_MAX 1024   /* characters, terminator included */

int __cdecl _vsnprintf(char *, size_t, const char *, va_list);
int __cdecl _vsnwprintf(WCHAR *, size_t, const WCHAR *, va_list);

/* a result that did not fit is cut and terminated, like Windows */
static int finish(int len, void *buf, BOOL wide)
{
    if (len >= 0 && len < WSPRINTF_MAX) return len;
    if (wide) ((WCHAR *)buf)[WSPRINTF_MAX - 1] = 0;
    else ((char *)buf)[WSPRINTF_MAX - 1] = 0;
    return WSPRINTF_MAX - 1;
}

int WINAPI wvsprintfW(LPWSTR buf, LPCWSTR format, va_list args)
{
    if (!buf || !format) return -1;
    return finish(_vsnwprintf(buf, WSPRINTF_MAX, format, args), buf, TRUE);
}

int WINAPI wvsprintfA(LPSTR buf, LPCSTR format, va_list args)
{
    if (!buf || !format) return -1;
    return finish(_vsnprintf(buf, WSPRINTF_MAX, format, args), buf, FALSE);
}

/* wsprintfW and wsprintfA: the varargs forms of wvsprintf */
#define DEFINE_WSPRINTF(name, vname, char_t) \
int WINAPIV name(char_t *buf, const char_t *format, ...) \
{ \
    va_list args; \
    int len; \
    va_start(args, format); \
    len = vname(buf, format, args); \
    va_end(args); \
    return len; \
}
DEFINE_WSPRINTF(wsprintfW, wvsprintfW, WCHAR)
DEFINE_WSPRINTF(wsprintfA, wvsprintfA, CHAR)
