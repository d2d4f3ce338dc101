/*
 * rpcrt4: UUIDs. UuidCreate makes version 4 (random) UUIDs from ProcessPrng.
 * UuidCreateSequential makes version 1 (time-based) UUIDs: the 100 ns
 * ticks since 1582-10-15, a clock sequence and a node chosen at random once
 * per process with the multicast bit set (the way RFC 4122 says to mark a
 * node that is not a network card's address), and it answers
 * RPC_S_UUID_LOCAL_ONLY as Windows does on a machine without one: the
 * UUID is unique to this machine. Strings are the 36-character lower-case
 * form; they are LocalAlloc'd (RpcStringFree frees them).
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <rpc.h>
#include <winternl.h>

NTSTATUS NTAPI RtlStringFromGUID(const GUID *guid, UNICODE_STRING *str);
NTSTATUS NTAPI RtlGUIDFromString(UNICODE_STRING *str, GUID *guid);

#ifndef RPC_S_UUID_LOCAL_ONLY
#define RPC_S_UUID_LOCAL_ONLY 1824
#endif

BOOL WINAPI ProcessPrng(BYTE *data, SIZE_T len);

RPC_STATUS WINAPI UuidCreate(UUID *uuid)
{
    if (!uuid) return RPC_S_INVALID_ARG;
    ProcessPrng((BYTE *)uuid, sizeof(*uuid));
    uuid->Data3 = (uuid->Data3 & 0x0fff) | 0x4000;        /* version 4 */
    uuid->Data4[0] = (uuid->Data4[0] & 0x3f) | 0x80;      /* RFC 4122 variant */
    return RPC_S_OK;
}

RPC_STATUS WINAPI UuidCreateNil(UUID *uuid)
{
    if (!uuid) return RPC_S_INVALID_ARG;
    memset(uuid, 0, sizeof(*uuid));
    return RPC_S_OK;
}

static SRWLOCK seq_lock = SRWLOCK_INIT;
static BOOL seq_ready;
static BYTE seq_node[6];
static USHORT seq_clock;
static ULONGLONG seq_last;

RPC_STATUS WINAPI UuidCreateSequential(UUID *uuid)
{
    FILETIME ft;
    ULONGLONG t;

    if (!uuid) return RPC_S_INVALID_ARG;
    GetSystemTimeAsFileTime(&ft);
    /* FILETIME counts from 1601-01-01; UUIDs from 1582-10-15, 6653 days earlier */
    t = ((ULONGLONG)ft.dwHighDateTime << 32 | ft.dwLowDateTime) + 6653ULL * 86400 * 10000000;
    AcquireSRWLockExclusive(&seq_lock);
    if (!seq_ready)
    {
        ProcessPrng(seq_node, sizeof(seq_node));
        ProcessPrng((BYTE *)&seq_clock, sizeof(seq_clock));
        seq_node[0] |= 1;
        seq_ready = TRUE;
    }
    /* two UUIDs in the same tick, or the clock going back: the next time */
    if (t <= seq_last) t = seq_last + 1;
    seq_last = t;
    uuid->Data1 = (ULONG)t;
    uuid->Data2 = (USHORT)(t >> 32);
    uuid->Data3 = ((USHORT)(t >> 48) & 0x0fff) | 0x1000;  /* version 1 */
    uuid->Data4[0] = ((seq_clock >> 8) & 0x3f) | 0x80;
    uuid->Data4[1] = (BYTE)seq_clock;
    memcpy(uuid->Data4 + 2, seq_node, 6);
    ReleaseSRWLockExclusive(&seq_lock);
    return RPC_S_UUID_LOCAL_ONLY;
}

int WINAPI UuidEqual(UUID *a, UUID *b, RPC_STATUS *status)
{
    static const UUID nil;
    *status = RPC_S_OK;
    return !memcmp(a ? a : &nil, b ? b : &nil, sizeof(UUID));
}

int WINAPI UuidIsNil(UUID *uuid, RPC_STATUS *status)
{
    static const UUID nil;
    *status = RPC_S_OK;
    return !uuid || !memcmp(uuid, &nil, sizeof(UUID));
}

/* the 36 characters of `uuid` and a NUL into `out`: ntdll's "{...}" form,
   without its braces, in lower case as RPC writes it; FALSE without memory */
static BOOL format_uuid(const UUID *uuid, char *out)
{
    UNICODE_STRING str;
    int i;

    if (RtlStringFromGUID(uuid, &str)) return FALSE;
    for (i = 0; i < 36; i++)
    {
        WCHAR c = str.Buffer[i + 1];
        out[i] = c >= 'A' && c <= 'F' ? c + ('a' - 'A') : c;
    }
    out[36] = 0;
    RtlFreeUnicodeString(&str);
    return TRUE;
}

RPC_STATUS WINAPI UuidToStringA(UUID *uuid, RPC_CSTR *str)
{
    static const UUID nil;
    char *s;

    if (!str) return RPC_S_INVALID_ARG;
    if (!(s = LocalAlloc(LMEM_FIXED, 37))) return RPC_S_OUT_OF_MEMORY;
    if (!format_uuid(uuid ? uuid : &nil, s)) { LocalFree(s); return RPC_S_OUT_OF_MEMORY; }
    *str = (RPC_CSTR)s;
    return RPC_S_OK;
}

RPC_STATUS WINAPI UuidToStringW(UUID *uuid, RPC_WSTR *str)
{
    static const UUID nil;
    char a[37];
    WCHAR *s;
    int i;

    if (!str) return RPC_S_INVALID_ARG;
    if (!(s = LocalAlloc(LMEM_FIXED, 37 * sizeof(WCHAR)))) return RPC_S_OUT_OF_MEMORY;
    if (!format_uuid(uuid ? uuid : &nil, a)) { LocalFree(s); return RPC_S_OUT_OF_MEMORY; }
    for (i = 0; i < 37; i++) s[i] = a[i];
    *str = (RPC_WSTR)s;
    return RPC_S_OK;
}

RPC_STATUS WINAPI RpcStringFreeA(RPC_CSTR *str)
{
    if (str && *str) { LocalFree(*str); *str = NULL; }
    return RPC_S_OK;
}

RPC_STATUS WINAPI RpcStringFreeW(RPC_WSTR *str)
{
    if (str && *str) { LocalFree(*str); *str = NULL; }
    return RPC_S_OK;
}

/* parses the 36-character form (NULL or "" is the nil UUID): ntdll's
   parser given it in braces */
static RPC_STATUS parse_uuid(const WCHAR *s, UUID *uuid)
{
    WCHAR braced[39];
    UNICODE_STRING str = { 38 * sizeof(WCHAR), sizeof(braced), braced };

    if (!s || !*s) return UuidCreateNil(uuid);
    if (lstrlenW(s) != 36) return RPC_S_INVALID_STRING_UUID;
    braced[0] = '{';
    memcpy(braced + 1, s, 36 * sizeof(WCHAR));
    braced[37] = '}';
    braced[38] = 0;
    return RtlGUIDFromString(&str, uuid) ? RPC_S_INVALID_STRING_UUID : RPC_S_OK;
}

RPC_STATUS WINAPI UuidFromStringW(RPC_WSTR str, UUID *uuid)
{
    if (!uuid) return RPC_S_INVALID_ARG;
    return parse_uuid((const WCHAR *)str, uuid);
}

RPC_STATUS WINAPI UuidFromStringA(RPC_CSTR str, UUID *uuid)
{
    WCHAR w[40];
    int i;

    if (!uuid) return RPC_S_INVALID_ARG;
    if (!str) return UuidCreateNil(uuid);
    for (i = 0; i < 39 && str[i]; i++) w[i] = str[i];
    w[i] = 0;
    return parse_uuid(w, uuid);
}
