/*
 * GUIDs: CoCreateGuid (version 4, from the system's random source) and the
 * "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}" string form both ways.
 */
#include "private.h"

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG len);   /* advapi32's RtlGenRandom */

#define GUID_STRING_LEN 39   /* braces, 32 digits, 4 dashes, NUL */

HRESULT WINAPI CoCreateGuid(GUID *guid)
{
    if (!guid) return E_INVALIDARG;
    if (!SystemFunction036(guid, sizeof(*guid))) return E_FAIL;
    guid->Data3 = (guid->Data3 & 0x0fff) | 0x4000;   /* version 4: random */
    guid->Data4[0] = (guid->Data4[0] & 0x3f) | 0x80; /* RFC 4122 variant */
    return S_OK;
}

#undef IsEqualGUID   /* a macro in the SDK headers; the export is a function */
BOOL WINAPI IsEqualGUID(REFGUID a, REFGUID b)
{
    return !memcmp(a, b, sizeof(GUID));
}

/* the 38 characters of `guid`'s string and a NUL */
static void format_guid(const GUID *guid, WCHAR *out)
{
    static const char hex[] = "0123456789ABCDEF";
    BYTE bytes[16];
    int pos = 0;

    /* the first three fields print as numbers, the last eight bytes as bytes */
    bytes[0] = guid->Data1 >> 24; bytes[1] = guid->Data1 >> 16; bytes[2] = guid->Data1 >> 8; bytes[3] = guid->Data1;
    bytes[4] = guid->Data2 >> 8; bytes[5] = guid->Data2;
    bytes[6] = guid->Data3 >> 8; bytes[7] = guid->Data3;
    memcpy(bytes + 8, guid->Data4, 8);
    out[pos++] = '{';
    for (int i = 0; i < 16; i++)
    {
        if (i == 4 || i == 6 || i == 8 || i == 10) out[pos++] = '-';
        out[pos++] = hex[bytes[i] >> 4];
        out[pos++] = hex[bytes[i] & 15];
    }
    out[pos++] = '}';
    out[pos] = 0;
}

INT WINAPI StringFromGUID2(REFGUID guid, LPOLESTR buf, INT len)
{
    if (!guid || !buf || len < GUID_STRING_LEN) return 0;
    format_guid(guid, buf);
    return GUID_STRING_LEN;
}

HRESULT WINAPI StringFromCLSID(REFCLSID clsid, LPOLESTR *str)
{
    if (!clsid || !str) return E_INVALIDARG;
    if (!(*str = CoTaskMemAlloc(GUID_STRING_LEN * sizeof(WCHAR)))) return E_OUTOFMEMORY;
    format_guid(clsid, *str);
    return S_OK;
}

static int hex_value(WCHAR c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* parses exactly "{8-4-4-4-12}" (hex digits of either case) */
static BOOL parse_guid(const WCHAR *str, GUID *guid)
{
    BYTE bytes[16];
    int pos = 1;

    if (str[0] != '{') return FALSE;
    for (int i = 0; i < 16; i++)
    {
        int hi, lo;
        if (i == 4 || i == 6 || i == 8 || i == 10) { if (str[pos++] != '-') return FALSE; }
        if ((hi = hex_value(str[pos])) < 0 || (lo = hex_value(str[pos + 1])) < 0) return FALSE;
        bytes[i] = hi << 4 | lo;
        pos += 2;
    }
    if (str[pos] != '}' || str[pos + 1]) return FALSE;
    guid->Data1 = (DWORD)bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3];
    guid->Data2 = bytes[4] << 8 | bytes[5];
    guid->Data3 = bytes[6] << 8 | bytes[7];
    memcpy(guid->Data4, bytes + 8, 8);
    return TRUE;
}

/* a NULL string is GUID_NULL; a ProgID would be looked up in the registry,
 * where none is registered yet */
HRESULT WINAPI CLSIDFromString(LPCOLESTR str, LPCLSID clsid)
{
    if (!clsid) return E_INVALIDARG;
    if (!str) { memset(clsid, 0, sizeof(*clsid)); return S_OK; }
    if (parse_guid(str, clsid)) return S_OK;
    memset(clsid, 0, sizeof(*clsid));
    return CO_E_CLASSSTRING;
}

HRESULT WINAPI IIDFromString(LPCOLESTR str, LPIID iid)
{
    if (!iid) return E_INVALIDARG;
    if (!str) { memset(iid, 0, sizeof(*iid)); return S_OK; }
    if (parse_guid(str, iid)) return S_OK;
    return E_INVALIDARG;
}
