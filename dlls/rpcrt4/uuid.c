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

/* the 36 characters of `uuid` and a NUL into `out` */
static void format_uuid(const UUID *uuid, char *out)
{
    static const char hex[] = "0123456789abcdef";
    BYTE b[16];
    int i, n = 0;

    b[0] = uuid->Data1 >> 24; b[1] = uuid->Data1 >> 16; b[2] = uuid->Data1 >> 8; b[3] = uuid->Data1;
    b[4] = uuid->Data2 >> 8; b[5] = uuid->Data2; b[6] = uuid->Data3 >> 8; b[7] = uuid->Data3;
    memcpy(b + 8, uuid->Data4, 8);
    for (i = 0; i < 16; i++)
    {
        if (i == 4 || i == 6 || i == 8 || i == 10) out[n++] = '-';
        out[n++] = hex[b[i] >> 4];
        out[n++] = hex[b[i] & 15];
    }
    out[n] = 0;
}

RPC_STATUS WINAPI UuidToStringA(UUID *uuid, RPC_CSTR *str)
{
    static const UUID nil;
    char *s;

    if (!str) return RPC_S_INVALID_ARG;
    if (!(s = LocalAlloc(LMEM_FIXED, 37))) return RPC_S_OUT_OF_MEMORY;
    format_uuid(uuid ? uuid : &nil, s);
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
    format_uuid(uuid ? uuid : &nil, a);
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

static int hexval(WCHAR c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* parses the 36-character form (NULL or "" is the nil UUID) */
static RPC_STATUS parse_uuid(const WCHAR *s, UUID *uuid)
{
    BYTE b[16];
    int i, n = 0, hi, lo;

    if (!s || !*s) return UuidCreateNil(uuid);
    for (i = 0; i < 36; n++)
    {
        if (i == 8 || i == 13 || i == 18 || i == 23)
        {
            if (s[i] != '-') return RPC_S_INVALID_STRING_UUID;
            i++;
        }
        if ((hi = hexval(s[i])) < 0 || (lo = hexval(s[i + 1])) < 0) return RPC_S_INVALID_STRING_UUID;
        b[n] = hi << 4 | lo;
        i += 2;
    }
    if (s[36]) return RPC_S_INVALID_STRING_UUID;
    uuid->Data1 = (ULONG)b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3];
    uuid->Data2 = b[4] << 8 | b[5];
    uuid->Data3 = b[6] << 8 | b[7];
    memcpy(uuid->Data4, b + 8, 8);
    return RPC_S_OK;
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
