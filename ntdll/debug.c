/*
 * ntdll/debug.c — ntdll's own small formatter (for traces and the messages
 * users see: missing DLLs, unimplemented functions), and the handler every
 * '@ stub' export jumps to.
 */
#include <stdarg.h>
#include "private.h"

const char __wlx_version[] = "wlx 0.1";

static void put(char *buf, size_t size, size_t *pos, char c)
{
    if (*pos + 1 < size) buf[*pos] = c;
    (*pos)++;
}

static void put_num(char *buf, size_t size, size_t *pos, unsigned long long v, int base, int neg, int width, char pad)
{
    char tmp[24];
    int n = 0;
    do { tmp[n++] = "0123456789abcdef"[v % base]; v /= base; } while (v);
    if (neg) tmp[n++] = '-';
    while (n < width--) put(buf, size, pos, pad);
    while (n) put(buf, size, pos, tmp[--n]);
}

/* %s %ls %c %d %u %x %p %%, with l/ll/z/I64 sizes, width and '0' */
int wlx_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    size_t pos = 0;
    for (; *fmt; fmt++)
    {
        if (*fmt != '%') { put(buf, size, &pos, *fmt); continue; }
        fmt++;
        char pad = ' ';
        int width = 0, longs = 0, wide = 0;
        if (*fmt == '0') pad = '0', fmt++;
        while (*fmt >= '0' && *fmt <= '9') width = width * 10 + *fmt++ - '0';
        for (;; fmt++)
        {
            if (*fmt == 'l') longs++, wide = 1;
            else if (*fmt == 'z') longs = 2;
            else if (*fmt == 'h') wide = 0;
            else if (fmt[0] == 'I' && fmt[1] == '6' && fmt[2] == '4') longs = 2, fmt += 2;
            else break;
        }
        switch (*fmt)
        {
        case 's':
            if (wide)
            {
                const WCHAR *w = va_arg(ap, const WCHAR *);
                if (!w) w = L"(null)";
                for (; *w; w++) put(buf, size, &pos, *w < 0x80 ? (char)*w : '?');
            }
            else
            {
                const char *s = va_arg(ap, const char *);
                if (!s) s = "(null)";
                while (*s) put(buf, size, &pos, *s++);
            }
            break;
        case 'c': put(buf, size, &pos, (char)va_arg(ap, int)); break;
        case 'd': case 'i':
        {
            long long v = longs >= 2 ? va_arg(ap, long long) : va_arg(ap, int);
            put_num(buf, size, &pos, v < 0 ? -(unsigned long long)v : (unsigned long long)v, 10, v < 0, width, pad);
            break;
        }
        case 'u': case 'x': case 'X':
        {
            unsigned long long v = longs >= 2 ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned int);
            put_num(buf, size, &pos, v, *fmt == 'u' ? 10 : 16, 0, width, pad);
            break;
        }
        case 'p':
            put_num(buf, size, &pos, (ULONG_PTR)va_arg(ap, void *), 16, 0, 16, '0');
            break;
        case '%': put(buf, size, &pos, '%'); break;
        default: put(buf, size, &pos, '%'); put(buf, size, &pos, *fmt); break;
        }
        if (!*fmt) break;
    }
    if (size) buf[pos < size ? pos : size - 1] = 0;
    return (int)pos;
}

int wlx_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = wlx_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n < (int)size ? n : (int)size - 1;
}

void wlx_msg(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = wlx_vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    __wlx_message(buf, n < (int)sizeof(buf) ? n : (int)sizeof(buf) - 1);
}

void wlx_dbg(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    int n = 0;
    {
        DWORD tid = (DWORD)(ULONG_PTR)TEB_FIELD(ULONG_PTR, TEB_CLIENT_THREAD);
        char hex[16];
        int k = 0;
        do { hex[k++] = "0123456789abcdef"[tid % 16]; tid /= 16; } while (tid);
        while (k < 4) hex[k++] = '0';
        while (k) buf[n++] = hex[--k];
        buf[n++] = ':';
    }
    va_start(ap, fmt);
    n += wlx_vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
    va_end(ap);
    __wlx_message(buf, n < (int)sizeof(buf) ? n : (int)sizeof(buf) - 1);
}

const char *wlx_exe_name(void)
{
    const char *name = PEB_FIELD(const char *, PEB_WLX_EXE_UNIX_NAME);
    return name ? name : "program";
}

/* every '@ stub' export lands here (see tools/winebuild) */
void __cdecl __wlx_unimplemented(const char *dll, const char *func)
{
    wlx_msg("wlx: unimplemented function %s.%s called\n", dll, func);
    NtTerminateProcess(NtCurrentProcess(), STATUS_NOT_IMPLEMENTED);
}
