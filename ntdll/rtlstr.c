/*
 * ntdll/rtlstr.c — counted strings (UNICODE_STRING, STRING/ANSI_STRING/
 * OEM_STRING): init, create/free, copy/append, ANSI/OEM <-> Unicode
 * conversions, case mapping, comparison, integer <-> text, hashing, GUIDs.
 *
 * Lengths are in bytes and strings need not be null-terminated; functions
 * that build a string add a terminator only when it fits, as Windows does.
 * Allocations come from the process heap (PEB->ProcessHeap).
 */
#include "nls_private.h"

#define MAX_USTRING_BYTES 0xfffe

static void *str_alloc( SIZE_T size )
{
    return RtlAllocateHeap( nls_process_heap(), 0, size );
}

static void str_free( void *ptr )
{
    if (ptr) RtlFreeHeap( nls_process_heap(), 0, ptr );
}

/* --- init, create, free ------------------------------------------------- */

void WINAPI RtlInitUnicodeString( PUNICODE_STRING str, PCWSTR src )
{
    SIZE_T len = src ? wcslen( src ) * sizeof(WCHAR) : 0;

    /* too long a source is cut, so that Length + terminator fits a USHORT */
    if (len > 0xfffc) len = 0xfffc;
    str->Length = len;
    str->MaximumLength = src ? len + sizeof(WCHAR) : 0;
    str->Buffer = (PWSTR)src;
}

NTSTATUS WINAPI RtlInitUnicodeStringEx( PUNICODE_STRING str, PCWSTR src )
{
    SIZE_T len = src ? wcslen( src ) * sizeof(WCHAR) : 0;

    if (len > 0xfffc) return STATUS_NAME_TOO_LONG;
    RtlInitUnicodeString( str, src );
    return STATUS_SUCCESS;
}

void WINAPI RtlInitString( PSTRING str, PCSZ src )
{
    SIZE_T len = src ? strlen( src ) : 0;

    if (len > 0xfffe) len = 0xfffe;
    str->Length = len;
    str->MaximumLength = src ? len + 1 : 0;
    str->Buffer = (PCHAR)src;
}

void WINAPI RtlInitAnsiString( PANSI_STRING str, PCSZ src )
{
    RtlInitString( str, src );
}

NTSTATUS WINAPI RtlInitAnsiStringEx( PANSI_STRING str, PCSZ src )
{
    if (src && strlen( src ) > 0xfffe) return STATUS_NAME_TOO_LONG;
    RtlInitString( str, src );
    return STATUS_SUCCESS;
}

BOOLEAN WINAPI RtlCreateUnicodeString( PUNICODE_STRING str, PCWSTR src )
{
    SIZE_T len = (wcslen( src ) + 1) * sizeof(WCHAR);

    if (len > MAX_USTRING_BYTES) return FALSE;
    if (!(str->Buffer = str_alloc( len ))) return FALSE;
    memcpy( str->Buffer, src, len );
    str->Length = len - sizeof(WCHAR);
    str->MaximumLength = len;
    return TRUE;
}

BOOLEAN WINAPI RtlCreateUnicodeStringFromAsciiz( PUNICODE_STRING str, LPCSTR src )
{
    STRING ansi;

    RtlInitAnsiString( &ansi, src );
    return !RtlAnsiStringToUnicodeString( str, &ansi, TRUE );
}

NTSTATUS WINAPI RtlDuplicateUnicodeString( ULONG flags, const UNICODE_STRING *src, UNICODE_STRING *dst )
{
    /* flags: 1 = add a terminator, 2 = allocate even for an empty string */
    SIZE_T len;

    if (!src || !dst || flags > 3 || src->Length > src->MaximumLength ||
        (src->Length == 0 && src->MaximumLength > 0 && !src->Buffer))
        return STATUS_INVALID_PARAMETER;
    if (!src->Length && flags != 3)
    {
        dst->Length = dst->MaximumLength = 0;
        dst->Buffer = NULL;
        return STATUS_SUCCESS;
    }
    len = src->Length + ((flags & 1) ? sizeof(WCHAR) : 0);
    if (len > 0xffff) return STATUS_NAME_TOO_LONG;
    if (!(dst->Buffer = str_alloc( len ))) return STATUS_NO_MEMORY;
    memcpy( dst->Buffer, src->Buffer, src->Length );
    dst->Length = src->Length;
    dst->MaximumLength = len;
    if (flags & 1) dst->Buffer[dst->Length / sizeof(WCHAR)] = 0;
    return STATUS_SUCCESS;
}

void WINAPI RtlFreeUnicodeString( PUNICODE_STRING str )
{
    str_free( str->Buffer );
    str->Buffer = NULL;
    str->Length = str->MaximumLength = 0;
}

void WINAPI RtlFreeAnsiString( PANSI_STRING str )
{
    str_free( str->Buffer );
    str->Buffer = NULL;
    str->Length = str->MaximumLength = 0;
}

void WINAPI RtlFreeOemString( POEM_STRING str )
{
    RtlFreeAnsiString( str );
}

/* --- copy and append ---------------------------------------------------- */

void WINAPI RtlCopyUnicodeString( PUNICODE_STRING dst, const UNICODE_STRING *src )
{
    USHORT len;

    if (!src) { dst->Length = 0; return; }
    len = src->Length < dst->MaximumLength ? src->Length : dst->MaximumLength;
    memmove( dst->Buffer, src->Buffer, len );
    dst->Length = len;
    /* the terminator is written whenever Length < MaximumLength */
    if (len < dst->MaximumLength) dst->Buffer[len / sizeof(WCHAR)] = 0;
}

void WINAPI RtlCopyString( PSTRING dst, const STRING *src )
{
    USHORT len;

    if (!src) { dst->Length = 0; return; }
    len = src->Length < dst->MaximumLength ? src->Length : dst->MaximumLength;
    memmove( dst->Buffer, src->Buffer, len );
    dst->Length = len;
}

static NTSTATUS append_bytes( PUNICODE_STRING dst, const WCHAR *src, SIZE_T len )
{
    if (dst->Length + len > dst->MaximumLength) return STATUS_BUFFER_TOO_SMALL;
    memmove( (char *)dst->Buffer + dst->Length, src, len );
    dst->Length += len;
    if (dst->Length + sizeof(WCHAR) <= dst->MaximumLength) dst->Buffer[dst->Length / sizeof(WCHAR)] = 0;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI RtlAppendUnicodeToString( PUNICODE_STRING dst, PCWSTR src )
{
    if (!src) return STATUS_SUCCESS;
    return append_bytes( dst, src, wcslen( src ) * sizeof(WCHAR) );
}

NTSTATUS WINAPI RtlAppendUnicodeStringToString( PUNICODE_STRING dst, const UNICODE_STRING *src )
{
    return append_bytes( dst, src->Buffer, src->Length );
}

NTSTATUS WINAPI RtlAppendStringToString( PSTRING dst, const STRING *src )
{
    if (dst->Length + src->Length > dst->MaximumLength) return STATUS_BUFFER_TOO_SMALL;
    memmove( dst->Buffer + dst->Length, src->Buffer, src->Length );
    dst->Length += src->Length;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI RtlAppendAsciizToString( PSTRING dst, LPCSTR src )
{
    STRING str;

    if (!src) return STATUS_SUCCESS;
    RtlInitString( &str, src );
    return RtlAppendStringToString( dst, &str );
}

/* --- ANSI/OEM <-> Unicode ----------------------------------------------- */

/* the "Size" functions count the terminator; all our ANSI/OEM code pages are
 * single-byte */
ULONG WINAPI RtlxAnsiStringToUnicodeSize( const STRING *str )
{
    return (str->Length + 1) * sizeof(WCHAR);
}

ULONG WINAPI RtlxOemStringToUnicodeSize( const STRING *str )
{
    return (str->Length + 1) * sizeof(WCHAR);
}

ULONG WINAPI RtlxUnicodeStringToAnsiSize( const UNICODE_STRING *str )
{
    return str->Length / sizeof(WCHAR) + 1;
}

ULONG WINAPI RtlxUnicodeStringToOemSize( const UNICODE_STRING *str )
{
    return str->Length / sizeof(WCHAR) + 1;
}

static NTSTATUS sbcs_string_to_unicode( const struct nls_sbcs_table *t, PUNICODE_STRING dst,
                                        const STRING *src, BOOLEAN alloc )
{
    ULONG total = (src->Length + 1) * sizeof(WCHAR);

    if (total > 0xffff) return STATUS_INVALID_PARAMETER_2;
    dst->Length = total - sizeof(WCHAR);
    if (alloc)
    {
        if (!(dst->Buffer = str_alloc( total ))) return STATUS_NO_MEMORY;
        dst->MaximumLength = total;
    }
    else if (total > dst->MaximumLength) return STATUS_BUFFER_OVERFLOW;
    nls_sbcs_to_unicode( t, dst->Buffer, src->Length, src->Buffer, src->Length );
    dst->Buffer[dst->Length / sizeof(WCHAR)] = 0;
    return STATUS_SUCCESS;
}

/* A too small buffer still gets what fits (and a terminator), with
 * STATUS_BUFFER_OVERFLOW. */
static NTSTATUS unicode_to_sbcs_string( const struct nls_sbcs_table *t, PSTRING dst,
                                        const UNICODE_STRING *src, BOOLEAN alloc, BOOLEAN upcase )
{
    ULONG i, total = src->Length / sizeof(WCHAR) + 1;
    NTSTATUS status = STATUS_SUCCESS;

    if (total > 0xffff) return STATUS_INVALID_PARAMETER_2;
    dst->Length = total - 1;
    if (alloc)
    {
        if (!(dst->Buffer = str_alloc( total ))) return STATUS_NO_MEMORY;
        dst->MaximumLength = total;
    }
    else if (dst->MaximumLength < total)
    {
        if (!dst->MaximumLength) return STATUS_BUFFER_OVERFLOW;
        dst->Length = dst->MaximumLength - 1;
        status = STATUS_BUFFER_OVERFLOW;
    }
    for (i = 0; i < dst->Length; i++)
    {
        WCHAR wc = upcase ? nls_toupper( src->Buffer[i] ) : src->Buffer[i];
        nls_unicode_to_sbcs( t, dst->Buffer + i, 1, &wc, 1 );
    }
    dst->Buffer[dst->Length] = 0;
    return status;
}

NTSTATUS WINAPI RtlAnsiStringToUnicodeString( PUNICODE_STRING dst, PCANSI_STRING src, BOOLEAN alloc )
{
    return sbcs_string_to_unicode( nls_ansi_table(), dst, src, alloc );
}

NTSTATUS WINAPI RtlOemStringToUnicodeString( PUNICODE_STRING dst, const STRING *src, BOOLEAN alloc )
{
    return sbcs_string_to_unicode( nls_oem_table(), dst, src, alloc );
}

NTSTATUS WINAPI RtlUnicodeStringToAnsiString( PANSI_STRING dst, PCUNICODE_STRING src, BOOLEAN alloc )
{
    return unicode_to_sbcs_string( nls_ansi_table(), dst, src, alloc, FALSE );
}

NTSTATUS WINAPI RtlUnicodeStringToOemString( POEM_STRING dst, PCUNICODE_STRING src, BOOLEAN alloc )
{
    return unicode_to_sbcs_string( nls_oem_table(), dst, src, alloc, FALSE );
}

NTSTATUS WINAPI RtlUpcaseUnicodeStringToAnsiString( PANSI_STRING dst, PCUNICODE_STRING src, BOOLEAN alloc )
{
    return unicode_to_sbcs_string( nls_ansi_table(), dst, src, alloc, TRUE );
}

NTSTATUS WINAPI RtlUpcaseUnicodeStringToOemString( POEM_STRING dst, PCUNICODE_STRING src, BOOLEAN alloc )
{
    return unicode_to_sbcs_string( nls_oem_table(), dst, src, alloc, TRUE );
}

WCHAR WINAPI RtlAnsiCharToUnicodeChar( PUCHAR *src )
{
    WCHAR wc = nls_ansi_table()->to_unicode[**src];
    (*src)++;
    return wc;
}

/* --- case mapping ------------------------------------------------------- */

static NTSTATUS map_string( PUNICODE_STRING dst, const UNICODE_STRING *src, BOOLEAN alloc,
                            WCHAR (*map)(WCHAR) )
{
    ULONG i, len = src->Length;

    if (alloc)
    {
        if (!(dst->Buffer = str_alloc( len ))) return STATUS_NO_MEMORY;
        dst->MaximumLength = len;
    }
    else if (len > dst->MaximumLength) return STATUS_BUFFER_OVERFLOW;
    for (i = 0; i < len / sizeof(WCHAR); i++) dst->Buffer[i] = map( src->Buffer[i] );
    dst->Length = len;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI RtlUpcaseUnicodeString( PUNICODE_STRING dst, PCUNICODE_STRING src, BOOLEAN alloc )
{
    return map_string( dst, src, alloc, nls_toupper );
}

NTSTATUS WINAPI RtlDowncaseUnicodeString( PUNICODE_STRING dst, PCUNICODE_STRING src, BOOLEAN alloc )
{
    return map_string( dst, src, alloc, nls_tolower );
}

/* RtlUpperChar changes only a..z, whatever the ANSI code page */
CHAR WINAPI RtlUpperChar( CHAR ch )
{
    return (ch >= 'a' && ch <= 'z') ? ch - 'a' + 'A' : ch;
}

void WINAPI RtlUpperString( PSTRING dst, const STRING *src )
{
    USHORT i, len = src->Length < dst->MaximumLength ? src->Length : dst->MaximumLength;

    for (i = 0; i < len; i++) dst->Buffer[i] = RtlUpperChar( src->Buffer[i] );
    dst->Length = len;
}

/* --- comparison --------------------------------------------------------- */

LONG WINAPI RtlCompareUnicodeStrings( const WCHAR *s1, SIZE_T len1, const WCHAR *s2, SIZE_T len2,
                                      BOOLEAN ci )
{
    SIZE_T i, len = len1 < len2 ? len1 : len2;

    for (i = 0; i < len; i++)
    {
        WCHAR c1 = ci ? nls_toupper( s1[i] ) : s1[i];
        WCHAR c2 = ci ? nls_toupper( s2[i] ) : s2[i];
        if (c1 != c2) return (LONG)c1 - (LONG)c2;
    }
    return (LONG)len1 - (LONG)len2;
}

LONG WINAPI RtlCompareUnicodeString( PCUNICODE_STRING s1, PCUNICODE_STRING s2, BOOLEAN ci )
{
    return RtlCompareUnicodeStrings( s1->Buffer, s1->Length / sizeof(WCHAR),
                                     s2->Buffer, s2->Length / sizeof(WCHAR), ci );
}

BOOLEAN WINAPI RtlEqualUnicodeString( PCUNICODE_STRING s1, PCUNICODE_STRING s2, BOOLEAN ci )
{
    if (s1->Length != s2->Length) return FALSE;
    return !RtlCompareUnicodeString( s1, s2, ci );
}

BOOLEAN WINAPI RtlPrefixUnicodeString( PCUNICODE_STRING prefix, PCUNICODE_STRING str, BOOLEAN ci )
{
    if (prefix->Length > str->Length) return FALSE;
    return !RtlCompareUnicodeStrings( prefix->Buffer, prefix->Length / sizeof(WCHAR),
                                      str->Buffer, prefix->Length / sizeof(WCHAR), ci );
}

LONG WINAPI RtlCompareString( const STRING *s1, const STRING *s2, BOOLEAN ci )
{
    USHORT i, len = s1->Length < s2->Length ? s1->Length : s2->Length;

    for (i = 0; i < len; i++)
    {
        /* the characters compare as signed CHARs */
        CHAR c1 = ci ? RtlUpperChar( s1->Buffer[i] ) : s1->Buffer[i];
        CHAR c2 = ci ? RtlUpperChar( s2->Buffer[i] ) : s2->Buffer[i];
        if (c1 != c2) return (LONG)c1 - (LONG)c2;
    }
    return (LONG)s1->Length - (LONG)s2->Length;
}

BOOLEAN WINAPI RtlEqualString( const STRING *s1, const STRING *s2, BOOLEAN ci )
{
    if (s1->Length != s2->Length) return FALSE;
    return !RtlCompareString( s1, s2, ci );
}

BOOLEAN WINAPI RtlPrefixString( const STRING *prefix, const STRING *str, BOOLEAN ci )
{
    STRING head;

    if (prefix->Length > str->Length) return FALSE;
    head = *str;
    head.Length = prefix->Length;
    return !RtlCompareString( prefix, &head, ci );
}

/* --- integers ----------------------------------------------------------- */

/* writes value in base as upper-case digits; returns the digit count */
static ULONG format_ulong( ULONG value, ULONG base, char *buf )
{
    char tmp[33];
    ULONG n = 0, i;

    do
    {
        ULONG d = value % base;
        tmp[n++] = d < 10 ? '0' + d : 'A' + d - 10;
        value /= base;
    } while (value);
    for (i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
    return n;
}

static BOOL valid_base( ULONG base )
{
    return base == 2 || base == 8 || base == 10 || base == 16;
}

NTSTATUS WINAPI RtlIntegerToChar( ULONG value, ULONG base, ULONG length, PCHAR str )
{
    char buf[33];
    ULONG n;

    if (!base) base = 10;
    if (!valid_base( base )) return STATUS_INVALID_PARAMETER;
    n = format_ulong( value, base, buf );
    if (length < n) return STATUS_BUFFER_OVERFLOW;
    if (!str) return STATUS_ACCESS_VIOLATION;
    memcpy( str, buf, n );
    if (length > n) str[n] = 0;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI RtlIntegerToUnicodeString( ULONG value, ULONG base, PUNICODE_STRING str )
{
    char buf[33];
    ULONG i, n;

    if (!base) base = 10;
    if (!valid_base( base )) return STATUS_INVALID_PARAMETER;
    n = format_ulong( value, base, buf );
    str->Length = n * sizeof(WCHAR);
    if (str->Length >= str->MaximumLength) return STATUS_BUFFER_OVERFLOW;
    for (i = 0; i < n; i++) str->Buffer[i] = buf[i];
    str->Buffer[n] = 0;
    return STATUS_SUCCESS;
}

static int digit_value( WCHAR c )
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* Shared parser: blanks (any char <= ' '), a sign, with base 0 a 0x/0o/0b
 * prefix, then digits up to the first invalid one. No digit at all still
 * succeeds, with 0. */
static NTSTATUS parse_ulong( const void *text, ULONG len, BOOL wide, ULONG base, ULONG *value )
{
    ULONG pos = 0, result = 0;
    BOOL negative = FALSE;
#define CH(i) (wide ? ((const WCHAR *)text)[i] : (BYTE)((const char *)text)[i])

    if (base && !valid_base( base )) return STATUS_INVALID_PARAMETER;
    if (!value) return STATUS_ACCESS_VIOLATION;
    while (pos < len && CH(pos) <= ' ') pos++;
    if (pos < len && (CH(pos) == '+' || CH(pos) == '-')) negative = CH(pos++) == '-';
    if (!base)
    {
        base = 10;
        if (pos + 1 < len && CH(pos) == '0')
        {
            WCHAR p = CH(pos + 1);
            if (p == 'x') base = 16;
            else if (p == 'o') base = 8;
            else if (p == 'b') base = 2;
            if (base != 10) pos += 2;
        }
    }
    for (; pos < len; pos++)
    {
        int d = digit_value( CH(pos) );
        if (d >= (int)base) break;
        result = result * base + d;
    }
#undef CH
    *value = negative ? -result : result;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI RtlUnicodeStringToInteger( PCUNICODE_STRING str, ULONG base, ULONG *value )
{
    return parse_ulong( str->Buffer, str->Length / sizeof(WCHAR), TRUE, base, value );
}

NTSTATUS WINAPI RtlCharToInteger( PCSZ str, ULONG base, PULONG value )
{
    return parse_ulong( str, strlen( str ), FALSE, base, value );
}

/* --- hashing ------------------------------------------------------------ */

#define HASH_STRING_ALGORITHM_DEFAULT 0
#define HASH_STRING_ALGORITHM_X65599  1

NTSTATUS WINAPI RtlHashUnicodeString( PCUNICODE_STRING str, BOOLEAN ci, ULONG alg, ULONG *hash )
{
    ULONG i, h = 0;

    if (!str || !hash) return STATUS_INVALID_PARAMETER;
    if (alg != HASH_STRING_ALGORITHM_DEFAULT && alg != HASH_STRING_ALGORITHM_X65599)
        return STATUS_INVALID_PARAMETER;
    for (i = 0; i < str->Length / sizeof(WCHAR); i++)
        h = h * 65599 + (ci ? nls_toupper( str->Buffer[i] ) : str->Buffer[i]);
    *hash = h;
    return STATUS_SUCCESS;
}

/* --- GUIDs -------------------------------------------------------------- */

static const char guid_format[] = "{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}";

NTSTATUS WINAPI RtlStringFromGUID( const GUID *guid, PUNICODE_STRING str )
{
    static const char hex[] = "0123456789ABCDEF";
    BYTE bytes[16];
    unsigned int i, b = 0;

    /* the textual order: Data1..Data3 big-endian, then Data4 as stored */
    for (i = 0; i < 4; i++) bytes[i] = guid->Data1 >> (24 - 8 * i);
    bytes[4] = guid->Data2 >> 8; bytes[5] = guid->Data2;
    bytes[6] = guid->Data3 >> 8; bytes[7] = guid->Data3;
    memcpy( bytes + 8, guid->Data4, 8 );

    if (!(str->Buffer = str_alloc( sizeof(guid_format) * sizeof(WCHAR) ))) return STATUS_NO_MEMORY;
    str->Length = (sizeof(guid_format) - 1) * sizeof(WCHAR);
    str->MaximumLength = sizeof(guid_format) * sizeof(WCHAR);
    for (i = 0; i < sizeof(guid_format); i++)
    {
        if (guid_format[i] != 'x') { str->Buffer[i] = guid_format[i]; continue; }
        str->Buffer[i] = hex[bytes[b / 2] >> ((b & 1) ? 0 : 4) & 0xf];
        b++;
    }
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI RtlGUIDFromString( PUNICODE_STRING str, GUID *guid )
{
    BYTE bytes[16] = { 0 };
    unsigned int i, b = 0;

    if (str->Length != (sizeof(guid_format) - 1) * sizeof(WCHAR)) return STATUS_INVALID_PARAMETER;
    for (i = 0; i < sizeof(guid_format) - 1; i++)
    {
        WCHAR c = str->Buffer[i];
        int d = digit_value( c );
        if (guid_format[i] != 'x')
        {
            if (c != guid_format[i]) return STATUS_INVALID_PARAMETER;
            continue;
        }
        if (d > 15) return STATUS_INVALID_PARAMETER;
        bytes[b / 2] |= d << ((b & 1) ? 0 : 4);
        b++;
    }
    guid->Data1 = (bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3];
    guid->Data2 = (bytes[4] << 8) | bytes[5];
    guid->Data3 = (bytes[6] << 8) | bytes[7];
    memcpy( guid->Data4, bytes + 8, 8 );
    return STATUS_SUCCESS;
}

/* --- text detection ----------------------------------------------------- */

/* RtlIsTextUnicode: signature, control-character, illegal-character and
 * NUL-byte tests, and a simple statistic (most characters below U+0100) for text
 * without a signature. */
BOOLEAN WINAPI RtlIsTextUnicode( LPCVOID buf, INT len, INT *pf )
{
    static const WCHAR controls[] = { '\r', '\n', '\t', ' ' };
    const WCHAR *s = buf;
    INT want = pf ? *pf : ~0, found = 0, i, j, count = len / sizeof(WCHAR), low = 0;

    if (len < (INT)sizeof(WCHAR))
    {
        if (pf) *pf = 0;
        return FALSE;
    }
    if (len & 1) found |= IS_TEXT_UNICODE_ODD_LENGTH;
    if (s[0] == 0xfeff) found |= IS_TEXT_UNICODE_SIGNATURE;
    if (s[0] == 0xfffe) found |= IS_TEXT_UNICODE_REVERSE_SIGNATURE;
    for (i = 0; i < count; i++)
    {
        WCHAR c = s[i];
        for (j = 0; j < 4; j++)
        {
            if (c == controls[j]) found |= IS_TEXT_UNICODE_CONTROLS;
            if (c == (WCHAR)(controls[j] << 8)) found |= IS_TEXT_UNICODE_REVERSE_CONTROLS;
        }
        if (i && (c == 0xfffe || c == 0xffff)) found |= IS_TEXT_UNICODE_ILLEGAL_CHARS;
        if (c < 0x100) low++;
    }
    for (i = 0; i < len; i++)
        if (!((const BYTE *)buf)[i]) { found |= IS_TEXT_UNICODE_NULL_BYTES; break; }
    if (!(found & (IS_TEXT_UNICODE_SIGNATURE | IS_TEXT_UNICODE_REVERSE_SIGNATURE)) && low * 2 > count)
        found |= IS_TEXT_UNICODE_STATISTICS;
    if (pf) *pf = found & want;

    if (found & (IS_TEXT_UNICODE_REVERSE_MASK | IS_TEXT_UNICODE_ILLEGAL_CHARS | IS_TEXT_UNICODE_ODD_LENGTH))
        return FALSE;
    /* NUL bytes mean the high bytes of UTF-16 text, not an 8-bit string */
    return (found & (IS_TEXT_UNICODE_SIGNATURE | IS_TEXT_UNICODE_CONTROLS | IS_TEXT_UNICODE_STATISTICS |
                     IS_TEXT_UNICODE_NULL_BYTES)) != 0;
}
