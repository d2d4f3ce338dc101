/*
 * CryptBinaryToStringA/W and CryptStringToBinaryA/W: binary data as
 * base64 (bare or between "-----BEGIN x-----" / "-----END x-----" lines),
 * as hex (pairs separated by spaces, 16 bytes a line) or as raw hex, and
 * back. Lines end with CRLF unless CRYPT_STRING_NOCR (LF) or
 * CRYPT_STRING_NOCRLF (nothing) say otherwise.
 *
 * Both directions work in char; the W forms convert at the edges.
 * Sections: encoding · decoding · the API.
 */
#include "private.h"

#define FORMAT_MASK   0x0000ffff
#define NOCRLF        0x40000000   /* CRYPT_STRING_NOCRLF */
#define NOCR          0x80000000   /* CRYPT_STRING_NOCR */

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* --- encoding ---------------------------------------------------------------- */

/* a growing output: `buf` NULL counts only */
struct out { char *buf; DWORD len; };

static void put(struct out *o, char c)
{
    if (o->buf) o->buf[o->len] = c;
    o->len++;
}

static void put_str(struct out *o, const char *s) { while (*s) put(o, *s++); }

static void put_eol(struct out *o, DWORD flags)
{
    if (flags & NOCRLF) return;
    if (!(flags & NOCR)) put(o, '\r');
    put(o, '\n');
}

static void encode_base64(struct out *o, const BYTE *data, DWORD size, DWORD flags)
{
    DWORD col = 0;
    for (DWORD i = 0; i < size; i += 3)
    {
        DWORD v = data[i] << 16 | (i + 1 < size ? data[i + 1] << 8 : 0) | (i + 2 < size ? data[i + 2] : 0);
        put(o, b64[v >> 18 & 63]);
        put(o, b64[v >> 12 & 63]);
        put(o, i + 1 < size ? b64[v >> 6 & 63] : '=');
        put(o, i + 2 < size ? b64[v & 63] : '=');
        if ((col += 4) == 64 && i + 3 < size) { put_eol(o, flags); col = 0; }
    }
    if (size) put_eol(o, flags);
}

static void put_hex_byte(struct out *o, BYTE b)
{
    put(o, "0123456789abcdef"[b >> 4]);
    put(o, "0123456789abcdef"[b & 15]);
}

/* CRYPT_STRING_HEX: "xx xx ... xx  xx ... xx", 16 bytes a line, two
   spaces between the halves */
static void encode_hex(struct out *o, const BYTE *data, DWORD size, DWORD flags)
{
    for (DWORD i = 0; i < size; i++)
    {
        if (i % 16) put_str(o, i % 16 == 8 ? "  " : " ");
        put_hex_byte(o, data[i]);
        if (i % 16 == 15 || i + 1 == size) put_eol(o, flags);
    }
}

static const char *header_name(DWORD format)
{
    switch (format)
    {
    case CRYPT_STRING_BASE64HEADER: return "CERTIFICATE";
    case CRYPT_STRING_BASE64REQUESTHEADER: return "NEW CERTIFICATE REQUEST";
    case CRYPT_STRING_BASE64X509CRLHEADER: return "X509 CRL";
    default: return NULL;
    }
}

/* the text for `format`; FALSE for a format this file does not make */
static BOOL encode(struct out *o, const BYTE *data, DWORD size, DWORD flags)
{
    DWORD format = flags & FORMAT_MASK;
    const char *name = header_name(format);

    switch (format)
    {
    case CRYPT_STRING_BASE64:
        encode_base64(o, data, size, flags);
        return TRUE;
    case CRYPT_STRING_HEX:
        encode_hex(o, data, size, flags);
        return TRUE;
    case CRYPT_STRING_HEXRAW:
        for (DWORD i = 0; i < size; i++) put_hex_byte(o, data[i]);
        put_eol(o, flags);
        return TRUE;
    case CRYPT_STRING_BASE64HEADER: case CRYPT_STRING_BASE64REQUESTHEADER: case CRYPT_STRING_BASE64X509CRLHEADER:
        put_str(o, "-----BEGIN "); put_str(o, name); put_str(o, "-----");
        put_eol(o, flags & ~NOCRLF);              /* the header keeps its line end */
        encode_base64(o, data, size, flags & ~NOCRLF);
        put_str(o, "-----END "); put_str(o, name); put_str(o, "-----");
        put_eol(o, flags & ~NOCRLF);
        return TRUE;
    default:
        return FALSE;
    }
}

/* --- decoding ------------------------------------------------------------------- */

static int b64_value(char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

static BOOL is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* base64 text to bytes (`out` NULL: counts); white space is skipped, '='
   ends the data; FALSE on any other character */
static BOOL decode_base64(const char *s, DWORD len, BYTE *out, DWORD *size)
{
    DWORD bits = 0, nbits = 0, n = 0, pad = 0;
    for (DWORD i = 0; i < len; i++)
    {
        int v;
        if (is_space(s[i])) continue;
        if (s[i] == '=') { pad++; continue; }
        if (pad || (v = b64_value(s[i])) < 0) return FALSE;
        bits = bits << 6 | v;
        if ((nbits += 6) >= 8)
        {
            nbits -= 8;
            if (out) out[n] = (BYTE)(bits >> nbits);
            n++;
        }
    }
    if (pad > 2) return FALSE;
    *size = n;
    return TRUE;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* pairs of hex digits, white space between pairs allowed */
static BOOL decode_hex(const char *s, DWORD len, BYTE *out, DWORD *size)
{
    DWORD n = 0;
    for (DWORD i = 0; i < len; )
    {
        int hi, lo;
        if (is_space(s[i])) { i++; continue; }
        if (i + 1 >= len || (hi = hex_value(s[i])) < 0 || (lo = hex_value(s[i + 1])) < 0) return FALSE;
        if (out) out[n] = (BYTE)(hi << 4 | lo);
        n++;
        i += 2;
    }
    *size = n;
    return TRUE;
}

/* the base64 between "-----BEGIN ...-----" and "-----END": its start and
   length; *skip: characters before the header */
static BOOL find_armour(const char *s, DWORD len, DWORD *start, DWORD *body, DWORD *skip)
{
    DWORD i, j;
    for (i = 0; i + 11 <= len && memcmp(s + i, "-----BEGIN ", 11); i++) {}
    if (i + 11 > len) return FALSE;
    for (j = i + 11; j + 5 <= len && memcmp(s + j, "-----", 5); j++) {}
    if (j + 5 > len) return FALSE;
    *skip = i;
    *start = j + 5;
    for (j = *start; j + 8 <= len && memcmp(s + j, "-----END", 8); j++) {}
    if (j + 8 > len) return FALSE;
    *body = j - *start;
    return TRUE;
}

/* decodes `s` as `format` into out (NULL: counts); *used: the format that
   matched, for the _ANY formats */
static BOOL decode(const char *s, DWORD len, DWORD format, BYTE *out, DWORD *size, DWORD *skip, DWORD *used)
{
    DWORD start, body;

    *skip = 0;
    *used = format;
    switch (format)
    {
    case CRYPT_STRING_BASE64: return decode_base64(s, len, out, size);
    case CRYPT_STRING_HEX: case CRYPT_STRING_HEXRAW: case CRYPT_STRING_HEX_ANY: return decode_hex(s, len, out, size);
    case CRYPT_STRING_BASE64HEADER: case CRYPT_STRING_BASE64REQUESTHEADER: case CRYPT_STRING_BASE64X509CRLHEADER:
        return find_armour(s, len, &start, &body, skip) && decode_base64(s + start, body, out, size);
    case CRYPT_STRING_BINARY:
        if (out) memcpy(out, s, len);
        *size = len;
        return TRUE;
    case CRYPT_STRING_BASE64_ANY: case CRYPT_STRING_ANY:
        if (decode(s, len, CRYPT_STRING_BASE64HEADER, out, size, skip, used)) return TRUE;
        if (decode(s, len, CRYPT_STRING_BASE64, out, size, skip, used)) return TRUE;
        return format == CRYPT_STRING_ANY && decode(s, len, CRYPT_STRING_BINARY, out, size, skip, used);
    default:
        return FALSE;
    }
}

/* --- the API ------------------------------------------------------------------------ */

static BOOL fail(DWORD error)
{
    SetLastError(error);
    return FALSE;
}

/* the shared body of the A and W encoders: `text` receives chars (A) or
   WCHARs (W); sizes as documented: without a buffer the size needed with
   the NUL, with one the characters written without it (CRYPT_STRING_BINARY
   has no NUL) */
static BOOL binary_to_string(const BYTE *data, DWORD size, DWORD flags, void *text, DWORD *count, BOOL wide)
{
    struct out o = { NULL, 0 };
    BOOL binary = (flags & FORMAT_MASK) == CRYPT_STRING_BINARY;
    DWORD need;

    if (!count || (!data && size)) return fail(ERROR_INVALID_PARAMETER);
    if (binary)
        o.len = size;
    else if (!encode(&o, data, size, flags))
        return fail(ERROR_INVALID_PARAMETER);
    need = o.len + !binary;
    if (!text) { *count = need; return TRUE; }
    if (*count < need) { *count = need; return fail(ERROR_MORE_DATA); }
    if (!(o.buf = HeapAlloc(GetProcessHeap(), 0, need))) return fail(ERROR_NOT_ENOUGH_MEMORY);
    if (binary) memcpy(o.buf, data, size);
    else { o.len = 0; encode(&o, data, size, flags); o.buf[o.len] = 0; }
    if (wide) for (DWORD i = 0; i < need; i++) ((WCHAR *)text)[i] = (BYTE)o.buf[i];
    else memcpy(text, o.buf, need);
    HeapFree(GetProcessHeap(), 0, o.buf);
    *count = o.len;
    return TRUE;
}

BOOL WINAPI CryptBinaryToStringA(const BYTE *data, DWORD size, DWORD flags, LPSTR text, DWORD *count)
{
    return binary_to_string(data, size, flags, text, count, FALSE);
}

BOOL WINAPI CryptBinaryToStringW(const BYTE *data, DWORD size, DWORD flags, LPWSTR text, DWORD *count)
{
    return binary_to_string(data, size, flags, text, count, TRUE);
}

BOOL WINAPI CryptStringToBinaryA(LPCSTR text, DWORD len, DWORD flags, BYTE *out, DWORD *size, DWORD *skip,
                                 DWORD *used)
{
    DWORD need, skipped, format;

    if (!text || !size) return fail(ERROR_INVALID_PARAMETER);
    if (!len) len = lstrlenA(text);
    if (!decode(text, len, flags, NULL, &need, &skipped, &format)) return fail(ERROR_INVALID_DATA);
    if (out && *size < need) { *size = need; return fail(ERROR_MORE_DATA); }
    if (out) decode(text, len, flags, out, &need, &skipped, &format);
    *size = need;
    if (skip) *skip = skipped;
    if (used) *used = format;
    return TRUE;
}

/* the text is ASCII in every format but binary, which the W form takes
   as the bytes of its WCHARs */
BOOL WINAPI CryptStringToBinaryW(LPCWSTR text, DWORD len, DWORD flags, BYTE *out, DWORD *size, DWORD *skip,
                                 DWORD *used)
{
    char *a;
    BOOL ok;

    if (!text || !size) return fail(ERROR_INVALID_PARAMETER);
    if (!len) len = lstrlenW(text);
    if (flags == CRYPT_STRING_BINARY)
        return CryptStringToBinaryA((const char *)text, len * sizeof(WCHAR), flags, out, size, skip, used);
    if (!(a = HeapAlloc(GetProcessHeap(), 0, len + 1))) return fail(ERROR_NOT_ENOUGH_MEMORY);
    for (DWORD i = 0; i < len; i++) a[i] = text[i] < 0x80 ? (char)text[i] : '?';
    a[len] = 0;
    ok = CryptStringToBinaryA(a, len, flags, out, size, skip, used);
    HeapFree(GetProcessHeap(), 0, a);
    return ok;
}
