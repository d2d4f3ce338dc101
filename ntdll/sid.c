/*
 * ntdll/sid.c — security identifiers: the Rtl*Sid functions.
 *
 * A SID is a revision (1), a count of sub-authorities (at most 15), a 6-byte
 * big-endian identifier authority and the sub-authorities (DWORDs).
 */
#include "security.h"

#define SID_MAX_SUBS 15

static BOOLEAN sid_ok(const SID *sid)
{
    return sid && sid->Revision == SID_REVISION && sid->SubAuthorityCount <= SID_MAX_SUBS;
}

void sid_build(SID *sid, BYTE authority, BYTE count, const DWORD *subs)
{
    sid->Revision = SID_REVISION;
    sid->SubAuthorityCount = count;
    memset(sid->IdentifierAuthority.Value, 0, 6);
    sid->IdentifierAuthority.Value[5] = authority;
    for (BYTE i = 0; i < count; i++) sid->SubAuthority[i] = subs[i];
}

BOOLEAN NTAPI RtlValidSid(PSID sid)
{
    return sid_ok(sid);
}

ULONG NTAPI RtlLengthRequiredSid(ULONG count)
{
    return FIELD_OFFSET(SID, SubAuthority[count]);
}

ULONG NTAPI RtlLengthSid(PSID sid)
{
    if (!sid_ok(sid)) return 0;
    return RtlLengthRequiredSid(((SID *)sid)->SubAuthorityCount);
}

NTSTATUS NTAPI RtlInitializeSid(PSID sid, PSID_IDENTIFIER_AUTHORITY auth, BYTE count)
{
    SID *s = sid;
    if (count > SID_MAX_SUBS) return STATUS_INVALID_PARAMETER;
    s->Revision = SID_REVISION;
    s->SubAuthorityCount = count;
    if (auth) s->IdentifierAuthority = *auth;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlAllocateAndInitializeSid(PSID_IDENTIFIER_AUTHORITY auth, BYTE count,
                                           DWORD s0, DWORD s1, DWORD s2, DWORD s3,
                                           DWORD s4, DWORD s5, DWORD s6, DWORD s7, PSID *out)
{
    const DWORD subs[8] = { s0, s1, s2, s3, s4, s5, s6, s7 };
    SID *sid;

    if (!auth || !out) return STATUS_INVALID_PARAMETER;
    if (count > 8) return STATUS_INVALID_SID;
    if (!(sid = RtlAllocateHeap(PROCESS_HEAP(), 0, RtlLengthRequiredSid(count)))) return STATUS_NO_MEMORY;
    sid->Revision = SID_REVISION;
    sid->SubAuthorityCount = count;
    sid->IdentifierAuthority = *auth;
    for (BYTE i = 0; i < count; i++) sid->SubAuthority[i] = subs[i];
    *out = sid;
    return STATUS_SUCCESS;
}

PVOID NTAPI RtlFreeSid(PSID sid)
{
    RtlFreeHeap(PROCESS_HEAP(), 0, sid);
    return NULL;
}

NTSTATUS NTAPI RtlCopySid(ULONG len, PSID dst, PSID src)
{
    ULONG need = RtlLengthSid(src);
    if (!need || len < need) return STATUS_BUFFER_TOO_SMALL;
    memmove(dst, src, need);
    return STATUS_SUCCESS;
}

BOOLEAN NTAPI RtlEqualSid(PSID a, PSID b)
{
    ULONG len = RtlLengthSid(a);
    return len && len == RtlLengthSid(b) && !memcmp(a, b, len);
}

/* same authority and all sub-authorities but the last */
BOOLEAN NTAPI RtlEqualPrefixSid(PSID a, PSID b)
{
    SID *x = a, *y = b;
    if (!sid_ok(x) || !sid_ok(y) || x->SubAuthorityCount != y->SubAuthorityCount) return FALSE;
    if (!x->SubAuthorityCount) return !memcmp(x, y, RtlLengthRequiredSid(0));
    return !memcmp(x, y, RtlLengthRequiredSid(x->SubAuthorityCount - 1));
}

PDWORD NTAPI RtlSubAuthoritySid(PSID sid, ULONG index)
{
    return &((SID *)sid)->SubAuthority[index];
}

PUCHAR NTAPI RtlSubAuthorityCountSid(PSID sid)
{
    return &((SID *)sid)->SubAuthorityCount;
}

PSID_IDENTIFIER_AUTHORITY NTAPI RtlIdentifierAuthoritySid(PSID sid)
{
    return &((SID *)sid)->IdentifierAuthority;
}

/* --- S-1-5-21-... ---------------------------------------------------------- */

static WCHAR *put_dec(WCHAR *p, ULONGLONG v)
{
    WCHAR tmp[24];
    int n = 0;
    do tmp[n++] = L'0' + v % 10; while (v /= 10);
    while (n) *p++ = tmp[--n];
    return p;
}

/* the SID's string form at buf (room for 2 + 3 + 20 + 15 * 11 + 1 chars);
   returns its length. Authorities of 2^32 and more are printed in hex, as
   Windows does (0x and 12 digits). */
static ULONG sid_format(const SID *sid, WCHAR *buf)
{
    const BYTE *a = sid->IdentifierAuthority.Value;
    ULONGLONG auth = 0;
    WCHAR *p = buf;

    for (int i = 0; i < 6; i++) auth = (auth << 8) | a[i];
    *p++ = L'S'; *p++ = L'-';
    p = put_dec(p, sid->Revision);
    *p++ = L'-';
    if (auth >> 32)
    {
        *p++ = L'0'; *p++ = L'x';
        for (int i = 11; i >= 0; i--) *p++ = L"0123456789ABCDEF"[(auth >> (i * 4)) & 15];
    }
    else p = put_dec(p, auth);
    for (int i = 0; i < sid->SubAuthorityCount; i++)
    {
        *p++ = L'-';
        p = put_dec(p, sid->SubAuthority[i]);
    }
    *p = 0;
    return p - buf;
}

NTSTATUS NTAPI RtlConvertSidToUnicodeString(PUNICODE_STRING str, PSID sid, BOOLEAN allocate)
{
    WCHAR buf[200];
    ULONG len, bytes;

    if (!sid_ok(sid)) return STATUS_INVALID_SID;
    len = sid_format(sid, buf);
    bytes = len * sizeof(WCHAR);
    if (allocate)
    {
        if (!(str->Buffer = RtlAllocateHeap(PROCESS_HEAP(), 0, bytes + sizeof(WCHAR)))) return STATUS_NO_MEMORY;
        str->MaximumLength = bytes + sizeof(WCHAR);
    }
    else if (bytes > str->MaximumLength) return STATUS_BUFFER_OVERFLOW;
    memcpy(str->Buffer, buf, bytes);
    if (bytes < str->MaximumLength) str->Buffer[len] = 0;
    str->Length = bytes;
    return STATUS_SUCCESS;
}
