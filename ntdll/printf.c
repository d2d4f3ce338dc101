/*
 * ntdll/printf.c — the printf family ntdll exports (sprintf, _snprintf,
 * _vsnprintf, swprintf, _snwprintf, _vsnwprintf, _vscwprintf…), which
 * Windows' ntdll implements without floating point. One engine for narrow
 * and wide formats and outputs; Microsoft's size prefixes (%I64d, %I32d,
 * %Id), and %s/%S meaning "this width"/"the other width".
 */
#include <stdarg.h>
#include "private.h"

struct sink {
    void *buf;        /* char or WCHAR */
    size_t size;      /* in characters */
    size_t len;       /* characters produced (may exceed size) */
    int wide;
};

static void emit(struct sink *s, WCHAR c)
{
    if (s->len < s->size)
    {
        if (s->wide) ((WCHAR *)s->buf)[s->len] = c;
        else ((char *)s->buf)[s->len] = (char)(c < 0x100 ? c : '?');
    }
    s->len++;
}

static void emit_pad(struct sink *s, WCHAR c, int n) { while (n-- > 0) emit(s, c); }

static void emit_string(struct sink *s, const void *str, int wide, int prec, int width, int left)
{
    size_t n = 0;
    if (!str) { str = wide ? (const void *)L"(null)" : (const void *)"(null)"; }
    if (wide) while ((prec < 0 || (int)n < prec) && ((const WCHAR *)str)[n]) n++;
    else while ((prec < 0 || (int)n < prec) && ((const char *)str)[n]) n++;
    if (!left) emit_pad(s, ' ', width - (int)n);
    for (size_t i = 0; i < n; i++)
        emit(s, wide ? ((const WCHAR *)str)[i] : (WCHAR)(unsigned char)((const char *)str)[i]);
    if (left) emit_pad(s, ' ', width - (int)n);
}

static void emit_number(struct sink *s, unsigned long long v, int neg, int base, int upper, int width, int prec,
                        int left, int zero, char sign, int alt)
{
    char digits[32];
    int n = 0;
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    if (v || prec) do { digits[n++] = set[v % base]; v /= base; } while (v);
    int zeros = prec > n ? prec - n : 0;
    int prefix = (neg || sign) ? 1 : 0;
    if (alt && base == 16 && n) prefix += 2;
    if (alt && base == 8 && !zeros && (!n || digits[n - 1] != '0')) zeros = 1;
    int total = prefix + zeros + n;
    if (zero && !left && prec < 0) { zeros += width - total; total = width; }
    if (!left) emit_pad(s, ' ', width - total);
    if (neg) emit(s, '-'); else if (sign) emit(s, sign);
    if (alt && base == 16 && n) { emit(s, '0'); emit(s, upper ? 'X' : 'x'); }
    emit_pad(s, '0', zeros);
    while (n) emit(s, digits[--n]);
    if (left) emit_pad(s, ' ', width - total);
}

/* fmt is char or WCHAR according to fmt_wide */
static size_t format(struct sink *s, const void *fmt, int fmt_wide, va_list ap)
{
    size_t i = 0;
#define CH(k) (fmt_wide ? ((const WCHAR *)fmt)[k] : (WCHAR)(unsigned char)((const char *)fmt)[k])
    while (CH(i))
    {
        WCHAR c = CH(i++);
        if (c != '%') { emit(s, c); continue; }
        int left = 0, zero = 0, alt = 0, width = 0, prec = -1, size = 0; /* size: 0 int, 1 long, 2 int64, -1 short */
        char sign = 0;
        int strwide = -1;   /* for %s/%c: 1 wide, 0 narrow, -1 "as the function" */
        for (;; i++)
        {
            c = CH(i);
            if (c == '-') left = 1;
            else if (c == '0') zero = 1;
            else if (c == '+') sign = '+';
            else if (c == ' ') { if (!sign) sign = ' '; }
            else if (c == '#') alt = 1;
            else break;
        }
        if (CH(i) == '*') { width = va_arg(ap, int); if (width < 0) { left = 1; width = -width; } i++; }
        else while (CH(i) >= '0' && CH(i) <= '9') width = width * 10 + CH(i++) - '0';
        if (CH(i) == '.')
        {
            i++;
            prec = 0;
            if (CH(i) == '*') { prec = va_arg(ap, int); i++; }
            else while (CH(i) >= '0' && CH(i) <= '9') prec = prec * 10 + CH(i++) - '0';
        }
        for (;;)
        {
            c = CH(i);
            if (c == 'l') { i++; if (CH(i) == 'l') { i++; size = 2; } else { size = 1; strwide = 1; } }
            else if (c == 'h') { i++; size = -1; strwide = 0; if (CH(i) == 'h') i++; }
            else if (c == 'w') { i++; strwide = 1; }
            else if (c == 'I' && CH(i + 1) == '6' && CH(i + 2) == '4') { i += 3; size = 2; }
            else if (c == 'I' && CH(i + 1) == '3' && CH(i + 2) == '2') { i += 3; size = 0; }
            else if (c == 'I' || c == 'z' || c == 't' || c == 'j') { i++; size = 2; }
            else break;
        }
        c = CH(i);
        if (!c) break;
        i++;
        switch (c)
        {
        case 'd': case 'i':
        {
            long long v = size == 2 ? va_arg(ap, long long) : size == -1 ? (short)va_arg(ap, int) : va_arg(ap, int);
            emit_number(s, v < 0 ? -(unsigned long long)v : (unsigned long long)v, v < 0, 10, 0, width, prec, left, zero, sign, 0);
            break;
        }
        case 'u': case 'x': case 'X': case 'o':
        {
            unsigned long long v = size == 2 ? va_arg(ap, unsigned long long)
                                 : size == -1 ? (unsigned short)va_arg(ap, unsigned) : va_arg(ap, unsigned);
            emit_number(s, v, 0, c == 'o' ? 8 : c == 'u' ? 10 : 16, c == 'X', width, prec, left, zero, 0, alt);
            break;
        }
        case 'p':
            emit_number(s, (ULONG_PTR)va_arg(ap, void *), 0, 16, 1, width ? width : 16, 16, left, 0, 0, 0);
            break;
        case 's': case 'S':
        {
            int w = strwide >= 0 ? strwide : ((c == 's') == (s->wide != 0));
            emit_string(s, va_arg(ap, const void *), w, prec, width, left);
            break;
        }
        case 'c': case 'C':
        {
            WCHAR ch = (WCHAR)va_arg(ap, int);
            int w = strwide >= 0 ? strwide : ((c == 'c') == (s->wide != 0));
            if (!w) ch &= 0xff;
            if (!left) emit_pad(s, ' ', width - 1);
            emit(s, ch);
            if (left) emit_pad(s, ' ', width - 1);
            break;
        }
        case 'n':
            *va_arg(ap, int *) = (int)s->len;
            break;
        case '%': emit(s, '%'); break;
        default: emit(s, c); break;   /* floating point: not supported by ntdll's printf */
        }
    }
#undef CH
    return s->len;
}

/* _vsnprintf rules: -1 when the output does not fit, no NUL then */
static int finish(struct sink *s)
{
    if (s->len < s->size)
    {
        if (s->wide) ((WCHAR *)s->buf)[s->len] = 0; else ((char *)s->buf)[s->len] = 0;
        return (int)s->len;
    }
    return s->len == s->size ? (int)s->len : -1;
}

int __cdecl _vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct sink s = { buf, size, 0, 0 };
    format(&s, fmt, 0, ap);
    return finish(&s);
}

int __cdecl _vsnwprintf(WCHAR *buf, size_t size, const WCHAR *fmt, va_list ap)
{
    struct sink s = { buf, size, 0, 1 };
    format(&s, fmt, 1, ap);
    return finish(&s);
}

int __cdecl _snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = _vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return r;
}

int __cdecl _snwprintf(WCHAR *buf, size_t size, const WCHAR *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = _vsnwprintf(buf, size, fmt, ap);
    va_end(ap);
    return r;
}

int __cdecl vsprintf(char *buf, const char *fmt, va_list ap)
{
    return _vsnprintf(buf, (size_t)-1 / 2, fmt, ap);
}

int __cdecl sprintf(char *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsprintf(buf, fmt, ap);
    va_end(ap);
    return r;
}

/* ntdll's swprintf is the old one without a count */
int __cdecl swprintf(WCHAR *buf, const WCHAR *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = _vsnwprintf(buf, (size_t)-1 / 4, fmt, ap);
    va_end(ap);
    return r;
}

int __cdecl _vscprintf(const char *fmt, va_list ap)
{
    struct sink s = { NULL, 0, 0, 0 };
    return (int)format(&s, fmt, 0, ap);
}

int __cdecl _vscwprintf(const WCHAR *fmt, va_list ap)
{
    struct sink s = { NULL, 0, 0, 1 };
    return (int)format(&s, fmt, 1, ap);
}
