/*
 * dlls/msvcp140/numfmt.c — what num_put does for a number in the C
 * locale, as chars, shared by the streams' inserters (ostream_t.h) and
 * the num_put facets (numput_t.h): printf formats built from the stream's
 * flags as MSVC's num_put builds them (%+#llx, %.*g …), and where
 * internal padding goes (after the sign, then after 0x).
 */
#include "iostream.h"

/* an integer as "%" [+] [#] ll conversion: its length back */
int msvcp_format_integer(char *buf, size_t size, int flags, __int64 value, BOOL is_unsigned)
{
    int base = flags & IOS_BASEFIELD;
    char fmt[16], *f = fmt;

    *f++ = '%';
    if (flags & IOS_SHOWPOS) *f++ = '+';
    if (flags & IOS_SHOWBASE) *f++ = '#';
    *f++ = 'l';
    *f++ = 'l';
    *f++ = base == IOS_OCT ? 'o' : base != IOS_HEX ? (is_unsigned ? 'u' : 'd') : (flags & IOS_UPPERCASE) ? 'X' : 'x';
    *f = 0;
    return fmt_print(buf, size, fmt, value);
}

/* a double: precision <= 0 means 6 except in fixed notation; fixed|scientific is hexfloat */
int msvcp_format_double(char *buf, size_t size, int flags, __int64 prec, double value)
{
    int ffl = flags & IOS_FLOATFIELD, n;
    BOOL up = (flags & IOS_UPPERCASE) != 0;
    char fmt[16], *f = fmt;

    if (prec <= 0 && ffl != IOS_FIXED) prec = 6;
    if (prec > 350) prec = 350;
    *f++ = '%';
    if (flags & IOS_SHOWPOS) *f++ = '+';
    if (flags & IOS_SHOWPOINT) *f++ = '#';
    if (ffl != (IOS_FIXED | IOS_SCIENTIFIC)) { *f++ = '.'; *f++ = '*'; }
    *f++ = ffl == IOS_FIXED ? 'f' : ffl == (IOS_FIXED | IOS_SCIENTIFIC) ? (up ? 'A' : 'a')
         : ffl == IOS_SCIENTIFIC ? (up ? 'E' : 'e') : (up ? 'G' : 'g');
    *f = 0;
    if (ffl == (IOS_FIXED | IOS_SCIENTIFIC)) n = fmt_print(buf, size, fmt, value);
    else n = fmt_print(buf, size, fmt, (int)prec, value);
    return n < 0 || n >= (int)size ? 0 : n;
}

/* a pointer: its 16 hexadecimal digits, as MSVC's %p gives them */
int msvcp_format_pointer(char *buf, size_t size, const void *p)
{
    return fmt_print(buf, size, "%016llX", (unsigned __int64)(ULONG_PTR)p);
}

size_t msvcp_field_prefix(const char *buf)
{
    size_t n = (*buf == '+' || *buf == '-') ? 1 : 0;
    if (buf[n] == '0' && (buf[n + 1] == 'x' || buf[n + 1] == 'X')) n += 2;
    return n;
}
