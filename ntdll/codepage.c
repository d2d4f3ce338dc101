/*
 * ntdll/codepage.c — code page conversions below the Rtl string functions.
 *
 * Sections: table lookup (the process ANSI code page is 1252 and the OEM one
 * 437, as on an en-US Windows), single-byte conversions, UTF-8
 * (RtlUTF8ToUnicodeN / RtlUnicodeToUTF8N) and the ANSI/OEM "N" functions
 * (RtlMultiByteToUnicodeN and friends).
 */
#include "nls_private.h"

#define ANSI_CODEPAGE 1252
#define OEM_CODEPAGE  437

/* exported data: the code pages of the process, as ntdll exports them */
USHORT NlsAnsiCodePage = ANSI_CODEPAGE;
BOOLEAN NlsMbCodePageTag = FALSE;     /* TRUE when the ANSI code page is DBCS */
BOOLEAN NlsMbOemCodePageTag = FALSE;

/* --- table lookup ------------------------------------------------------- */

const struct nls_sbcs_table * __stdcall __wlx_nls_sbcs_table( UINT codepage )
{
    unsigned int i;

    for (i = 0; i < nls_sbcs_count; i++)
        if (nls_sbcs_tables[i].codepage == codepage) return &nls_sbcs_tables[i];
    return NULL;
}

int __stdcall __wlx_nls_sbcs_lookup( const struct nls_sbcs_table *t, WCHAR wc, BOOLEAN *best_fit )
{
    int lo = 0, hi = t->reverse_count - 1;

    *best_fit = FALSE;
    if (wc < 0x80 && t->to_unicode[wc] == wc) return wc;
    while (lo <= hi)
    {
        int mid = (lo + hi) / 2;
        const struct nls_reverse *r = &t->from_unicode[mid];
        if (r->wc == wc)
        {
            *best_fit = r->best_fit;
            return r->ch;
        }
        if (r->wc < wc) lo = mid + 1;
        else hi = mid - 1;
    }
    return -1;
}

const struct nls_sbcs_table *nls_ansi_table(void)
{
    static const struct nls_sbcs_table *table;
    if (!table) table = __wlx_nls_sbcs_table( ANSI_CODEPAGE );
    return table;
}

const struct nls_sbcs_table *nls_oem_table(void)
{
    static const struct nls_sbcs_table *table;
    if (!table) table = __wlx_nls_sbcs_table( OEM_CODEPAGE );
    return table;
}

/* --- single-byte conversions -------------------------------------------- */

/* converts min(srclen, dstlen) characters; returns the count */
DWORD nls_sbcs_to_unicode( const struct nls_sbcs_table *t, WCHAR *dst, DWORD dstlen,
                           const char *src, DWORD srclen )
{
    DWORD i, n = srclen < dstlen ? srclen : dstlen;

    for (i = 0; i < n; i++) dst[i] = t->to_unicode[(BYTE)src[i]];
    return n;
}

/* Rtl conversions use the full table: best fit, then the default char '?' */
DWORD nls_unicode_to_sbcs( const struct nls_sbcs_table *t, char *dst, DWORD dstlen,
                           const WCHAR *src, DWORD srclen )
{
    DWORD i, n = srclen < dstlen ? srclen : dstlen;
    BOOLEAN best_fit;

    for (i = 0; i < n; i++)
    {
        int ch = __wlx_nls_sbcs_lookup( t, src[i], &best_fit );
        dst[i] = ch < 0 ? '?' : ch;
    }
    return n;
}

/* --- UTF-8 -------------------------------------------------------------- */

/* Decodes one code point at src[0..len). Returns the bytes consumed; *cp is
 * the code point, or -1 for an ill-formed sequence, which becomes one U+FFFD.
 * What one U+FFFD covers follows Windows 10 (tests/kernel32/codepage.c):
 * - a byte that cannot start a sequence: itself alone;
 * - a sequence cut short by the end of the input: all the remaining bytes;
 * - a lead byte whose first trail byte is a continuation byte outside the
 *   lead's range (overlong, surrogate, above U+10FFFF): both bytes;
 * - otherwise the lead and the valid trail bytes before the first bad one. */
static unsigned int utf8_decode( const BYTE *src, unsigned int len, int *cp )
{
    BYTE c = src[0], lo = 0x80, hi = 0xbf;
    unsigned int need, i;
    int val;

    *cp = -1;
    if (c < 0x80) { *cp = c; return 1; }
    if (c < 0xc2 || c > 0xf4) return 1;
    if (c < 0xe0) { need = 1; val = c & 0x1f; }
    else if (c < 0xf0)
    {
        need = 2; val = c & 0x0f;
        if (c == 0xe0) lo = 0xa0;        /* overlong */
        if (c == 0xed) hi = 0x9f;        /* encoded surrogates */
    }
    else
    {
        need = 3; val = c & 0x07;
        if (c == 0xf0) lo = 0x90;        /* overlong */
        if (c == 0xf4) hi = 0x8f;        /* above U+10FFFF */
    }
    if (len <= need) return len;
    if ((src[1] & 0xc0) != 0x80) return 1;
    if (src[1] < lo || src[1] > hi) return 2;
    for (i = 1; i <= need; i++)
    {
        if ((src[i] & 0xc0) != 0x80) return i;
        val = (val << 6) | (src[i] & 0x3f);
    }
    *cp = val;
    return need + 1;
}

NTSTATUS WINAPI RtlUTF8ToUnicodeN( WCHAR *dst, ULONG dstlen, ULONG *reslen, const char *src, ULONG srclen )
{
    const BYTE *s = (const BYTE *)src, *end = s + srclen;
    ULONG pos = 0, max = dst ? dstlen / sizeof(WCHAR) : ~0u;
    NTSTATUS status = STATUS_SUCCESS;

    if (!src) return STATUS_INVALID_PARAMETER_4;
    if (!reslen) return STATUS_INVALID_PARAMETER;

    while (s < end)
    {
        int cp;
        unsigned int used = utf8_decode( s, end - s, &cp );
        unsigned int units = cp >= 0x10000 ? 2 : 1;
        if (pos >= max) { status = STATUS_BUFFER_TOO_SMALL; break; }
        if (cp < 0) { cp = 0xfffd; status = STATUS_SOME_NOT_MAPPED; }
        if (units == 2)
        {
            /* a pair that does not fit leaves its high surrogate */
            if (dst) dst[pos] = 0xd800 | ((cp - 0x10000) >> 10);
            if (dst && pos + 1 < max) dst[pos + 1] = 0xdc00 | (cp & 0x3ff);
            pos += pos + 1 < max ? 2 : 1;
        }
        else
        {
            if (dst) dst[pos] = cp;
            pos++;
        }
        s += used;
    }
    *reslen = pos * sizeof(WCHAR);
    return status;
}

/* reads one code point from UTF-16; a lone surrogate gives -1 */
static unsigned int utf16_decode( const WCHAR *src, unsigned int len, int *cp )
{
    WCHAR c = src[0];

    if (c < 0xd800 || c > 0xdfff) { *cp = c; return 1; }
    if (c <= 0xdbff && len > 1 && src[1] >= 0xdc00 && src[1] <= 0xdfff)
    {
        *cp = 0x10000 + ((c & 0x3ff) << 10) + (src[1] & 0x3ff);
        return 2;
    }
    *cp = -1;
    return 1;
}

static unsigned int utf8_encode( int cp, BYTE *out )
{
    if (cp < 0x80) { out[0] = cp; return 1; }
    if (cp < 0x800)
    {
        out[0] = 0xc0 | (cp >> 6);
        out[1] = 0x80 | (cp & 0x3f);
        return 2;
    }
    if (cp < 0x10000)
    {
        out[0] = 0xe0 | (cp >> 12);
        out[1] = 0x80 | ((cp >> 6) & 0x3f);
        out[2] = 0x80 | (cp & 0x3f);
        return 3;
    }
    out[0] = 0xf0 | (cp >> 18);
    out[1] = 0x80 | ((cp >> 12) & 0x3f);
    out[2] = 0x80 | ((cp >> 6) & 0x3f);
    out[3] = 0x80 | (cp & 0x3f);
    return 4;
}

NTSTATUS WINAPI RtlUnicodeToUTF8N( char *dst, ULONG dstlen, ULONG *reslen, const WCHAR *src, ULONG srclen )
{
    ULONG i = 0, count = srclen / sizeof(WCHAR), pos = 0, max = dst ? dstlen : ~0u;
    NTSTATUS status = STATUS_SUCCESS;

    if (!src) return STATUS_INVALID_PARAMETER_4;
    if (!reslen) return STATUS_INVALID_PARAMETER;

    while (i < count)
    {
        BYTE buf[4];
        int cp;
        unsigned int used = utf16_decode( src + i, count - i, &cp ), len;

        if (cp < 0) { cp = 0xfffd; status = STATUS_SOME_NOT_MAPPED; }
        len = utf8_encode( cp, buf );
        if (pos + len > max) { status = STATUS_BUFFER_TOO_SMALL; break; }
        if (dst) memcpy( dst + pos, buf, len );
        pos += len;
        i += used;
    }
    *reslen = pos;
    return status;
}

/* --- ANSI and OEM "N" functions ----------------------------------------- */

NTSTATUS WINAPI RtlMultiByteToUnicodeN( WCHAR *dst, ULONG dstlen, ULONG *reslen, const char *src, ULONG srclen )
{
    DWORD n = nls_sbcs_to_unicode( nls_ansi_table(), dst, dstlen / sizeof(WCHAR), src, srclen );
    if (reslen) *reslen = n * sizeof(WCHAR);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI RtlOemToUnicodeN( WCHAR *dst, ULONG dstlen, ULONG *reslen, const char *src, ULONG srclen )
{
    DWORD n = nls_sbcs_to_unicode( nls_oem_table(), dst, dstlen / sizeof(WCHAR), src, srclen );
    if (reslen) *reslen = n * sizeof(WCHAR);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI RtlUnicodeToMultiByteN( char *dst, ULONG dstlen, ULONG *reslen, const WCHAR *src, ULONG srclen )
{
    DWORD n = nls_unicode_to_sbcs( nls_ansi_table(), dst, dstlen, src, srclen / sizeof(WCHAR) );
    if (reslen) *reslen = n;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI RtlUnicodeToOemN( char *dst, ULONG dstlen, ULONG *reslen, const WCHAR *src, ULONG srclen )
{
    DWORD n = nls_unicode_to_sbcs( nls_oem_table(), dst, dstlen, src, srclen / sizeof(WCHAR) );
    if (reslen) *reslen = n;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI RtlMultiByteToUnicodeSize( ULONG *size, const char *str, ULONG len )
{
    *size = len * sizeof(WCHAR);     /* single-byte ANSI code page */
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI RtlUnicodeToMultiByteSize( PULONG size, PWCH str, ULONG len )
{
    *size = len / sizeof(WCHAR);
    return STATUS_SUCCESS;
}

/* upcasing conversions: the case mapping first, then the code page */
NTSTATUS WINAPI RtlUpcaseUnicodeToMultiByteN( char *dst, ULONG dstlen, ULONG *reslen, const WCHAR *src, ULONG srclen )
{
    ULONG i, n = srclen / sizeof(WCHAR) < dstlen ? srclen / sizeof(WCHAR) : dstlen;

    for (i = 0; i < n; i++)
    {
        WCHAR up = nls_toupper( src[i] );
        nls_unicode_to_sbcs( nls_ansi_table(), dst + i, 1, &up, 1 );
    }
    if (reslen) *reslen = n;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI RtlUpcaseUnicodeToOemN( char *dst, ULONG dstlen, ULONG *reslen, const WCHAR *src, ULONG srclen )
{
    ULONG i, n = srclen / sizeof(WCHAR) < dstlen ? srclen / sizeof(WCHAR) : dstlen;

    for (i = 0; i < n; i++)
    {
        WCHAR up = nls_toupper( src[i] );
        nls_unicode_to_sbcs( nls_oem_table(), dst + i, 1, &up, 1 );
    }
    if (reslen) *reslen = n;
    return STATUS_SUCCESS;
}

/* RtlGetACP-style queries the kernel32 side may use */
void WINAPI RtlGetDefaultCodePage( USHORT *ansi, USHORT *oem )
{
    *ansi = ANSI_CODEPAGE;
    *oem = OEM_CODEPAGE;
}
