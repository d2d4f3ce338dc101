/*
 * dlls/advapi32/sid.c — SIDs: the Win32 SID functions over ntdll's Rtl*Sid,
 * well-known SIDs (CreateWellKnownSid, IsWellKnownSid, SDDL aliases,
 * account names) and the string form (ConvertSidToStringSid,
 * ConvertStringSidToSid).
 *
 * Sections: the SID functions · well-known SIDs · string SIDs.
 */
#include "secpriv.h"
#include "sidtable.h"

/* --- the SID functions ----------------------------------------------------- */

BOOL WINAPI AllocateAndInitializeSid(PSID_IDENTIFIER_AUTHORITY auth, BYTE count, DWORD s0, DWORD s1, DWORD s2,
                                     DWORD s3, DWORD s4, DWORD s5, DWORD s6, DWORD s7, PSID *sid)
{
    return sec_status(RtlAllocateAndInitializeSid(auth, count, s0, s1, s2, s3, s4, s5, s6, s7, sid));
}

BOOL WINAPI EqualSid(PSID a, PSID b)
{
    SetLastError(ERROR_SUCCESS);   /* Windows clears it */
    return RtlEqualSid(a, b);
}

BOOL WINAPI EqualPrefixSid(PSID a, PSID b)
{
    return RtlEqualPrefixSid(a, b);
}

BOOL WINAPI IsValidSid(PSID sid)
{
    return RtlValidSid(sid);
}

BOOL WINAPI CopySid(DWORD len, PSID dst, PSID src)
{
    return sec_status(RtlCopySid(len, dst, src));
}

BOOL WINAPI InitializeSid(PSID sid, PSID_IDENTIFIER_AUTHORITY auth, BYTE count)
{
    return sec_status(RtlInitializeSid(sid, auth, count));
}

/* --- well-known SIDs ----------------------------------------------------------- */

/* builds entry `w`'s SID; a domain-relative one goes under the machine's
   domain (the user's, wlx/user.h) */
void sec_wellknown_sid(const struct wellknown *w, SID *sid)
{
    SID_IDENTIFIER_AUTHORITY auth = { { 0, 0, 0, 0, 0, w->authority } };
    DWORD i = 0;

    if (w->domain_rid)
    {
        static const DWORD domain[4] = { SECURITY_NT_NON_UNIQUE, WLX_USER_DOMAIN_0, WLX_USER_DOMAIN_1,
                                         WLX_USER_DOMAIN_2 };
        RtlInitializeSid(sid, &auth, 5);
        for (; i < 4; i++) sid->SubAuthority[i] = domain[i];
        sid->SubAuthority[4] = w->subs[0];
        return;
    }
    RtlInitializeSid(sid, &auth, w->count);
    for (; i < w->count; i++) sid->SubAuthority[i] = w->subs[i];
}

void sec_user_sid(SID *sid)
{
    sec_wellknown_sid(&sec_user_entry, sid);
}

/* the table entry of a SID, or NULL */
const struct wellknown *sec_find_wellknown(const SID *sid)
{
    BYTE buf[SECURITY_MAX_SID_SIZE];
    for (DWORD i = 0; i < sec_wellknown_count; i++)
    {
        sec_wellknown_sid(&sec_wellknown[i], (SID *)buf);
        if (RtlEqualSid((PSID)sid, buf)) return &sec_wellknown[i];
    }
    return NULL;
}

const WCHAR *sec_sid_alias(const SID *sid)
{
    const struct wellknown *w = sec_find_wellknown(sid);
    return w && w->alias[0] ? w->alias : NULL;
}

BOOL WINAPI CreateWellKnownSid(WELL_KNOWN_SID_TYPE type, PSID domain, PSID sid, DWORD *size)
{
    BYTE buf[SECURITY_MAX_SID_SIZE];
    const struct wellknown *w = NULL;
    DWORD len;

    if (!size) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    for (DWORD i = 0; i < sec_wellknown_count; i++)
        if (sec_wellknown[i].type == type && type != WinAccountSid_none) { w = &sec_wellknown[i]; break; }
    if (!w) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    sec_wellknown_sid(w, (SID *)buf);
    if (w->domain_rid)
    {
        /* under the domain given (its sub-authorities, then the RID) */
        SID *d = domain, *out = (SID *)buf;
        if (!d || !RtlValidSid(d) || d->SubAuthorityCount >= SID_MAX_SUB_AUTHORITIES)
        {
            SetLastError(ERROR_INVALID_PARAMETER);
            return FALSE;
        }
        memcpy(out, d, RtlLengthSid(d));
        out->SubAuthority[out->SubAuthorityCount++] = w->subs[0];
    }
    len = RtlLengthSid(buf);
    if (!sid || *size < len)
    {
        *size = len;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    memcpy(sid, buf, len);
    *size = len;
    return TRUE;
}

BOOL WINAPI IsWellKnownSid(PSID sid, WELL_KNOWN_SID_TYPE type)
{
    const struct wellknown *w;
    if (!RtlValidSid(sid)) return FALSE;
    for (DWORD i = 0; i < sec_wellknown_count; i++)
    {
        w = &sec_wellknown[i];
        if (w->type != type || type == WinAccountSid_none) continue;
        if (w->domain_rid)   /* any domain: the last sub-authority is the RID */
        {
            SID *s = sid;
            if (s->SubAuthorityCount >= 2 && s->SubAuthority[0] == SECURITY_NT_NON_UNIQUE &&
                s->SubAuthority[s->SubAuthorityCount - 1] == w->subs[0]) return TRUE;
            continue;
        }
        return sec_find_wellknown(sid) == w;
    }
    return FALSE;
}

/* --- string SIDs ------------------------------------------------------------------ */

/* ntdll writes the string form (RtlConvertSidToUnicodeString) */
DWORD sec_sid_to_string(const SID *sid, WCHAR *buf)
{
    UNICODE_STRING str = { 0, 200 * sizeof(WCHAR), buf };
    if (RtlConvertSidToUnicodeString(&str, (PSID)sid, FALSE)) { buf[0] = 0; return 0; }
    buf[str.Length / sizeof(WCHAR)] = 0;
    return str.Length / sizeof(WCHAR);
}

BOOL WINAPI ConvertSidToStringSidW(PSID sid, LPWSTR *out)
{
    WCHAR buf[200];
    DWORD len;

    if (!sid || !out) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!RtlValidSid(sid)) { SetLastError(ERROR_INVALID_SID); return FALSE; }
    len = sec_sid_to_string(sid, buf) + 1;
    if (!(*out = LocalAlloc(LMEM_FIXED, len * sizeof(WCHAR)))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    memcpy(*out, buf, len * sizeof(WCHAR));
    return TRUE;
}

BOOL WINAPI ConvertSidToStringSidA(PSID sid, LPSTR *out)
{
    WCHAR *w;
    int len;

    if (!out) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!ConvertSidToStringSidW(sid, &w)) return FALSE;
    len = WideCharToMultiByte(CP_ACP, 0, w, -1, NULL, 0, NULL, NULL);
    if ((*out = LocalAlloc(LMEM_FIXED, len))) WideCharToMultiByte(CP_ACP, 0, w, -1, *out, len, NULL, NULL);
    LocalFree(w);
    if (!*out) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return *out != NULL;
}

/* a decimal (or 0x hex) number at *p, at most `max`; advances *p */
BOOL sec_parse_number(const WCHAR **p, ULONGLONG max, ULONGLONG *out)
{
    const WCHAR *s = *p;
    ULONGLONG v = 0;
    int base = 10, digits = 0;

    if (s[0] == L'0' && (s[1] == L'x' || s[1] == L'X')) { base = 16; s += 2; }
    for (;; s++, digits++)
    {
        int d;
        if (*s >= L'0' && *s <= L'9') d = *s - L'0';
        else if (base == 16 && *s >= L'a' && *s <= L'f') d = *s - L'a' + 10;
        else if (base == 16 && *s >= L'A' && *s <= L'F') d = *s - L'A' + 10;
        else break;
        v = v * base + d;
        if (v > max) return FALSE;
    }
    if (!digits) return FALSE;
    *p = s;
    *out = v;
    return TRUE;
}

/* "S-1-<authority>-<sub>..." at str; *end after it */
static BOOL parse_sid_numbers(const WCHAR *str, const WCHAR **end, SID *sid)
{
    ULONGLONG rev, auth, sub;
    const WCHAR *p = str;

    if ((p[0] != L'S' && p[0] != L's') || p[1] != L'-') return FALSE;
    p += 2;
    if (!sec_parse_number(&p, 255, &rev) || rev != SID_REVISION || *p++ != L'-') return FALSE;
    if (!sec_parse_number(&p, 0xffffffffffffULL, &auth)) return FALSE;
    sid->Revision = SID_REVISION;
    sid->SubAuthorityCount = 0;
    for (int i = 0; i < 6; i++) sid->IdentifierAuthority.Value[i] = auth >> ((5 - i) * 8);
    while (*p == L'-' && p[1] >= L'0' && p[1] <= L'9')
    {
        p++;
        if (sid->SubAuthorityCount == SID_MAX_SUB_AUTHORITIES || !sec_parse_number(&p, 0xffffffff, &sub)) return FALSE;
        sid->SubAuthority[sid->SubAuthorityCount++] = (DWORD)sub;
    }
    *end = p;
    return TRUE;
}

BOOL sec_sid_from_string(const WCHAR *str, const WCHAR **end, SID *sid)
{
    if (str[0] == L'S' && str[1] == L'-') return parse_sid_numbers(str, end, sid);
    for (DWORD i = 0; i < sec_wellknown_count; i++)
    {
        const WCHAR *alias = sec_wellknown[i].alias;
        if (alias[0] && str[0] == alias[0] && str[1] == alias[1])
        {
            sec_wellknown_sid(&sec_wellknown[i], sid);
            *end = str + 2;
            return TRUE;
        }
    }
    return FALSE;
}

BOOL WINAPI ConvertStringSidToSidW(LPCWSTR str, PSID *out)
{
    BYTE buf[SECURITY_MAX_SID_SIZE];
    const WCHAR *end;
    DWORD len;

    if (!str || !out) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!sec_sid_from_string(str, &end, (SID *)buf) || *end) { SetLastError(ERROR_INVALID_SID); return FALSE; }
    len = RtlLengthSid(buf);
    if (!(*out = LocalAlloc(LMEM_FIXED, len))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    memcpy(*out, buf, len);
    return TRUE;
}

BOOL WINAPI ConvertStringSidToSidA(LPCSTR str, PSID *out)
{
    WCHAR *w;
    BOOL ret;

    if (!str || !out) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!(w = sec_strdup_aw(str))) return FALSE;
    ret = ConvertStringSidToSidW(w, out);
    sec_free(w);
    return ret;
}
