/*
 * ntdll/unix/unicode.c — UTF-8 ⇄ UTF-16 for paths, the command line and the
 * environment crossing between Linux and Windows. Invalid input becomes
 * U+FFFD; lone surrogates are encoded as-is (WTF-8) so file names survive.
 */
#include "private.h"

size_t wlx_wcslen(const WCHAR *s)
{
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

/* returns the number of WCHARs written (or needed, when dst is NULL) */
size_t wlx_utf8_to_utf16(const char *src, size_t srclen, WCHAR *dst, size_t dstlen)
{
    const unsigned char *s = (const unsigned char *)src, *end = s + srclen;
    size_t n = 0;
    while (s < end)
    {
        uint32_t c = *s++;
        int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
        if (c >= 0x80 && (c < 0xc2 || c > 0xf4)) { c = 0xfffd; extra = 0; }
        else if (extra)
        {
            c &= 0x3f >> extra;
            int i;
            for (i = 0; i < extra && s < end && (*s & 0xc0) == 0x80; i++) c = (c << 6) | (*s++ & 0x3f);
            if (i < extra || (extra == 2 && c < 0x800) || (extra == 3 && (c < 0x10000 || c > 0x10ffff))) c = 0xfffd;
        }
        if (c >= 0x10000)
        {
            if (dst && n + 1 < dstlen) { dst[n] = 0xd800 | ((c - 0x10000) >> 10); dst[n + 1] = 0xdc00 | (c & 0x3ff); }
            n += 2;
        }
        else
        {
            if (dst && n < dstlen) dst[n] = c;
            n++;
        }
    }
    return n;
}

size_t wlx_utf16_to_utf8(const WCHAR *src, size_t srclen, char *dst, size_t dstlen)
{
    size_t n = 0;
    for (size_t i = 0; i < srclen; i++)
    {
        uint32_t c = src[i];
        char buf[4];
        int len;
        if (c >= 0xd800 && c < 0xdc00 && i + 1 < srclen && src[i + 1] >= 0xdc00 && src[i + 1] < 0xe000)
            c = 0x10000 + ((c - 0xd800) << 10) + (src[++i] - 0xdc00);
        if (c < 0x80) { buf[0] = c; len = 1; }
        else if (c < 0x800) { buf[0] = 0xc0 | (c >> 6); buf[1] = 0x80 | (c & 0x3f); len = 2; }
        else if (c < 0x10000) { buf[0] = 0xe0 | (c >> 12); buf[1] = 0x80 | ((c >> 6) & 0x3f); buf[2] = 0x80 | (c & 0x3f); len = 3; }
        else { buf[0] = 0xf0 | (c >> 18); buf[1] = 0x80 | ((c >> 12) & 0x3f); buf[2] = 0x80 | ((c >> 6) & 0x3f); buf[3] = 0x80 | (c & 0x3f); len = 4; }
        for (int k = 0; k < len; k++) { if (dst && n < dstlen) dst[n] = buf[k]; n++; }
    }
    return n;
}
