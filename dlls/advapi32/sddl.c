/*
 * dlls/advapi32/sddl.c — the Security Descriptor Definition Language:
 * ConvertStringSecurityDescriptorToSecurityDescriptor and back.
 *
 * "O:<sid>G:<sid>D:<flags>(<ace>)...S:<flags>(<ace>)..."; an ACE is
 * "(type;flags;rights;object guid;inherited object guid;sid)". Supported:
 * ACE types A, D, AU, AL, ML; ACE flags; rights as hex numbers or the
 * two-letter codes; DACL/SACL flags P, AR, AI and NO_ACCESS_CONTROL; SIDs as
 * "S-1-..." or aliases (sid.c). Object ACEs (GUIDs) are refused.
 *
 * Sections: the tables · string to descriptor · descriptor to string.
 */
#include "secpriv.h"

/* --- the tables ------------------------------------------------------------------- */

struct code { const WCHAR *text; DWORD value; };

static const struct code ace_types[] = {
    { L"AU", SYSTEM_AUDIT_ACE_TYPE }, { L"AL", SYSTEM_ALARM_ACE_TYPE },
    { L"ML", SYSTEM_MANDATORY_LABEL_ACE_TYPE }, { L"A", ACCESS_ALLOWED_ACE_TYPE }, { L"D", ACCESS_DENIED_ACE_TYPE },
};

/* in the order Windows writes them */
static const struct code ace_flags[] = {
    { L"OI", OBJECT_INHERIT_ACE }, { L"CI", CONTAINER_INHERIT_ACE }, { L"NP", NO_PROPAGATE_INHERIT_ACE },
    { L"IO", INHERIT_ONLY_ACE }, { L"ID", INHERITED_ACE }, { L"SA", SUCCESSFUL_ACCESS_ACE_FLAG },
    { L"FA", FAILED_ACCESS_ACE_FLAG },
};

/* whole masks first (written when a mask is exactly one), then single rights */
static const struct code whole_rights[] = {
    { L"FA", FILE_ALL_ACCESS }, { L"FR", FILE_GENERIC_READ }, { L"FW", FILE_GENERIC_WRITE },
    { L"FX", FILE_GENERIC_EXECUTE }, { L"KA", KEY_ALL_ACCESS }, { L"KR", KEY_READ }, { L"KW", KEY_WRITE },
    { L"KX", KEY_EXECUTE },
};
/* single rights, from the lowest bit up: the order Windows writes them in */
static const struct code bit_rights[] = {
    { L"CC", 0x01 }, { L"DC", 0x02 }, { L"LC", 0x04 }, { L"SW", 0x08 }, { L"RP", 0x10 }, { L"WP", 0x20 },
    { L"DT", 0x40 }, { L"LO", 0x80 }, { L"CR", 0x100 }, { L"SD", DELETE }, { L"RC", READ_CONTROL },
    { L"WD", WRITE_DAC }, { L"WO", WRITE_OWNER }, { L"GA", GENERIC_ALL }, { L"GX", GENERIC_EXECUTE },
    { L"GW", GENERIC_WRITE }, { L"GR", GENERIC_READ },
};

/* the ACL flags after "D:" or "S:": present, auto-inherit-required, auto-inherited */
struct acl_flags { DWORD protect, request, inherited; };
static const struct acl_flags dacl_bits = { SE_DACL_PROTECTED, SE_DACL_AUTO_INHERIT_REQ, SE_DACL_AUTO_INHERITED };
static const struct acl_flags sacl_bits = { SE_SACL_PROTECTED, SE_SACL_AUTO_INHERIT_REQ, SE_SACL_AUTO_INHERITED };

/* the table entry whose text starts at *p (longest first in the tables) */
static const struct code *match_code(const struct code *table, DWORD count, const WCHAR **p)
{
    for (DWORD i = 0; i < count; i++)
    {
        DWORD n = lstrlenW(table[i].text);
        if (!memcmp(*p, table[i].text, n * sizeof(WCHAR)))
        {
            *p += n;
            return &table[i];
        }
    }
    return NULL;
}

/* --- string to descriptor -------------------------------------------------------------- */

/* rights up to ';': a number (0x hex or decimal) or codes */
static BOOL parse_rights(const WCHAR **pp, DWORD *mask)
{
    const WCHAR *p = *pp;
    const struct code *c;

    *mask = 0;
    if (*p >= '0' && *p <= '9')
    {
        ULONGLONG v;
        if (!sec_parse_number(&p, 0xffffffff, &v)) return FALSE;
        *mask = v;
        *pp = p;
        return TRUE;
    }
    while (*p != ';')
    {
        if (!(c = match_code(whole_rights, ARRAY_SIZE(whole_rights), &p)) &&
            !(c = match_code(bit_rights, ARRAY_SIZE(bit_rights), &p))) return FALSE;
        *mask |= c->value;
    }
    *pp = p;
    return TRUE;
}

/* one "(...)" ACE at *pp, appended to acl */
static BOOL parse_ace(const WCHAR **pp, ACL *acl)
{
    BYTE buf[sizeof(ACCESS_ALLOWED_ACE) + SECURITY_MAX_SID_SIZE];
    ACCESS_ALLOWED_ACE *ace = (ACCESS_ALLOWED_ACE *)buf;
    const WCHAR *p = *pp + 1;
    const struct code *c;
    DWORD flags = 0, mask;

    if (!(c = match_code(ace_types, ARRAY_SIZE(ace_types), &p)) || *p++ != ';') return FALSE;
    ace->Header.AceType = c->value;
    while (*p != ';')
    {
        if (!(c = match_code(ace_flags, ARRAY_SIZE(ace_flags), &p))) return FALSE;
        flags |= c->value;
    }
    p++;
    if (!parse_rights(&p, &mask) || *p++ != ';') return FALSE;
    if (*p++ != ';' || *p++ != ';') return FALSE;   /* no object GUIDs */
    if (!sec_sid_from_string(p, &p, (SID *)&ace->SidStart) || *p++ != ')') return FALSE;
    ace->Header.AceFlags = flags;
    ace->Header.AceSize = FIELD_OFFSET(ACCESS_ALLOWED_ACE, SidStart) + GetLengthSid(&ace->SidStart);
    ace->Mask = mask;
    if (RtlAddAce(acl, ACL_REVISION, MAXDWORD, ace, ace->Header.AceSize)) return FALSE;
    *pp = p;
    return TRUE;
}

/* "flags(ace)(ace)..." after "D:" or "S:"; *null for NO_ACCESS_CONTROL */
static BOOL parse_acl(const WCHAR **pp, ACL *acl, const struct acl_flags *bits, WORD *control, BOOL *null)
{
    static const WCHAR no_access[] = L"NO_ACCESS_CONTROL";
    const WCHAR *p = *pp;

    *null = FALSE;
    for (;;)
    {
        if (*p == 'P') { *control |= bits->protect; p++; }
        else if (p[0] == 'A' && p[1] == 'R') { *control |= bits->request; p += 2; }
        else if (p[0] == 'A' && p[1] == 'I') { *control |= bits->inherited; p += 2; }
        else if (!memcmp(p, no_access, sizeof(no_access) - sizeof(WCHAR)))
        {
            *null = TRUE;
            p += ARRAY_SIZE(no_access) - 1;
        }
        else break;
    }
    RtlCreateAcl(acl, 0xfffc, ACL_REVISION);
    while (*p == '(') if (!parse_ace(&p, acl)) return FALSE;
    *pp = p;
    return TRUE;
}

/* trims an ACL built in a large buffer to its ACEs */
static void shrink_acl(ACL *acl)
{
    ACL_SIZE_INFORMATION info;
    GetAclInformation(acl, &info, sizeof(info), AclSizeInformation);
    acl->AclSize = info.AclBytesInUse;
}

struct parsed_sd {
    SECURITY_DESCRIPTOR sd;
    BYTE owner[SECURITY_MAX_SID_SIZE], group[SECURITY_MAX_SID_SIZE];
    BYTE dacl[0x10000], sacl[0x10000];
};

/* one "X:..." part at *pp */
static BOOL parse_part(const WCHAR **pp, struct parsed_sd *s)
{
    const WCHAR *p = *pp + 2;
    WORD control = 0;
    BOOL null;

    switch ((*pp)[0])
    {
    case 'O':
        if (!sec_sid_from_string(p, &p, (SID *)s->owner)) return FALSE;
        RtlSetOwnerSecurityDescriptor(&s->sd, s->owner, FALSE);
        break;
    case 'G':
        if (!sec_sid_from_string(p, &p, (SID *)s->group)) return FALSE;
        RtlSetGroupSecurityDescriptor(&s->sd, s->group, FALSE);
        break;
    case 'D':
        if (!parse_acl(&p, (ACL *)s->dacl, &dacl_bits, &control, &null)) return FALSE;
        shrink_acl((ACL *)s->dacl);
        RtlSetDaclSecurityDescriptor(&s->sd, TRUE, null ? NULL : (ACL *)s->dacl, FALSE);
        break;
    case 'S':
        if (!parse_acl(&p, (ACL *)s->sacl, &sacl_bits, &control, &null)) return FALSE;
        shrink_acl((ACL *)s->sacl);
        RtlSetSaclSecurityDescriptor(&s->sd, TRUE, null ? NULL : (ACL *)s->sacl, FALSE);
        break;
    default:
        return FALSE;
    }
    s->sd.Control |= control;
    *pp = p;
    return TRUE;
}

BOOL WINAPI ConvertStringSecurityDescriptorToSecurityDescriptorW(LPCWSTR str, DWORD revision,
                                                                 PSECURITY_DESCRIPTOR *out, PULONG size)
{
    struct parsed_sd *s;
    const WCHAR *p = str;
    ULONG len = 0;
    BOOL ok = TRUE;

    if (!str || !out) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (revision != SDDL_REVISION_1) { SetLastError(ERROR_UNKNOWN_REVISION); return FALSE; }
    if (!(s = sec_alloc(sizeof(*s)))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    RtlCreateSecurityDescriptor(&s->sd, SECURITY_DESCRIPTOR_REVISION);
    while (ok && *p)
    {
        while (*p == ' ') p++;
        ok = p[0] && p[1] == ':' && parse_part(&p, s);
    }
    if (ok)
    {
        RtlAbsoluteToSelfRelativeSD(&s->sd, NULL, &len);
        if ((*out = LocalAlloc(LMEM_FIXED, len))) RtlAbsoluteToSelfRelativeSD(&s->sd, *out, &len);
        else { ok = FALSE; SetLastError(ERROR_NOT_ENOUGH_MEMORY); }
        if (ok && size) *size = len;
    }
    else SetLastError(ERROR_INVALID_PARAMETER);
    sec_free(s);
    return ok;
}

BOOL WINAPI ConvertStringSecurityDescriptorToSecurityDescriptorA(LPCSTR str, DWORD revision,
                                                                 PSECURITY_DESCRIPTOR *out, PULONG size)
{
    WCHAR *w;
    BOOL ret;

    if (!str) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!(w = sec_strdup_aw(str))) return FALSE;
    ret = ConvertStringSecurityDescriptorToSecurityDescriptorW(w, revision, out, size);
    sec_free(w);
    return ret;
}

/* --- descriptor to string ------------------------------------------------------------------ */

/* a growing UTF-16 string */
struct out { WCHAR *buf; DWORD len, size; BOOL failed; };

static void put(struct out *o, const WCHAR *s)
{
    DWORD n = lstrlenW(s);
    if (o->len + n + 1 > o->size)
    {
        DWORD size = (o->len + n + 1) * 2;
        WCHAR *buf = LocalAlloc(LMEM_FIXED, size * sizeof(WCHAR));
        if (!buf) { o->failed = TRUE; return; }
        if (o->buf) { memcpy(buf, o->buf, o->len * sizeof(WCHAR)); LocalFree(o->buf); }
        o->buf = buf;
        o->size = size;
    }
    memcpy(o->buf + o->len, s, (n + 1) * sizeof(WCHAR));
    o->len += n;
}

static void put_sid(struct out *o, PSID sid)
{
    const WCHAR *alias = sec_sid_alias(sid);
    WCHAR buf[200];
    if (alias) put(o, alias);
    else { sec_sid_to_string(sid, buf); put(o, buf); }
}

static void put_hex(struct out *o, DWORD v)
{
    WCHAR buf[12] = L"0x", tmp[9];
    int n = 0, i = 2;
    do tmp[n++] = L"0123456789abcdef"[v & 15]; while (v >>= 4);
    while (n) buf[i++] = tmp[--n];
    buf[i] = 0;
    put(o, buf);
}

/* a whole-mask code, else single-right codes if they cover it, else hex */
static void put_rights(struct out *o, DWORD mask)
{
    DWORD covered = 0;
    for (DWORD i = 0; i < ARRAY_SIZE(whole_rights); i++)
        if (whole_rights[i].value == mask) { put(o, whole_rights[i].text); return; }
    for (DWORD i = 0; i < ARRAY_SIZE(bit_rights); i++)
        if (mask & bit_rights[i].value) covered |= bit_rights[i].value;
    if (!mask || covered != mask) { put_hex(o, mask); return; }
    for (DWORD i = 0; i < ARRAY_SIZE(bit_rights); i++)
        if (mask & bit_rights[i].value) put(o, bit_rights[i].text);
}

static BOOL put_ace(struct out *o, const ACE_HEADER *hdr)
{
    const ACCESS_ALLOWED_ACE *ace = (const ACCESS_ALLOWED_ACE *)hdr;
    DWORD i;

    for (i = 0; i < ARRAY_SIZE(ace_types) && ace_types[i].value != hdr->AceType; i++);
    if (i == ARRAY_SIZE(ace_types)) return FALSE;
    put(o, L"(");
    put(o, ace_types[i].text);
    put(o, L";");
    for (i = 0; i < ARRAY_SIZE(ace_flags); i++) if (hdr->AceFlags & ace_flags[i].value) put(o, ace_flags[i].text);
    put(o, L";");
    put_rights(o, ace->Mask);
    put(o, L";;;");
    put_sid(o, (PSID)&ace->SidStart);
    put(o, L")");
    return TRUE;
}

static BOOL put_acl(struct out *o, const WCHAR *prefix, const ACL *acl, WORD control, const struct acl_flags *bits)
{
    void *ace;
    put(o, prefix);
    if (control & bits->protect) put(o, L"P");
    if (control & bits->request) put(o, L"AR");
    if (control & bits->inherited) put(o, L"AI");
    if (!acl) { put(o, L"NO_ACCESS_CONTROL"); return TRUE; }
    for (DWORD i = 0; i < acl->AceCount; i++)
        if (!GetAce((PACL)acl, i, &ace) || !put_ace(o, ace)) return FALSE;
    return TRUE;
}

BOOL WINAPI ConvertSecurityDescriptorToStringSecurityDescriptorW(PSECURITY_DESCRIPTOR sd, DWORD revision,
                                                                 SECURITY_INFORMATION info, LPWSTR *str, PULONG len)
{
    struct out o = { 0 };
    SECURITY_DESCRIPTOR_CONTROL control;
    BOOL present, defaulted, ok = TRUE;
    DWORD sd_revision;
    PSID sid;
    PACL acl;

    if (!sd || !str) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (revision != SDDL_REVISION_1) { SetLastError(ERROR_UNKNOWN_REVISION); return FALSE; }
    if (!GetSecurityDescriptorControl(sd, &control, &sd_revision)) return FALSE;
    put(&o, L"");
    if ((info & OWNER_SECURITY_INFORMATION) && GetSecurityDescriptorOwner(sd, &sid, &defaulted) && sid)
    {
        put(&o, L"O:");
        put_sid(&o, sid);
    }
    if ((info & GROUP_SECURITY_INFORMATION) && GetSecurityDescriptorGroup(sd, &sid, &defaulted) && sid)
    {
        put(&o, L"G:");
        put_sid(&o, sid);
    }
    if ((info & DACL_SECURITY_INFORMATION) && GetSecurityDescriptorDacl(sd, &present, &acl, &defaulted) && present)
        ok = put_acl(&o, L"D:", acl, control, &dacl_bits);
    if (ok && (info & SACL_SECURITY_INFORMATION) && GetSecurityDescriptorSacl(sd, &present, &acl, &defaulted) &&
        present)
        ok = put_acl(&o, L"S:", acl, control, &sacl_bits);
    if (!ok || o.failed)
    {
        if (o.buf) LocalFree(o.buf);
        SetLastError(o.failed ? ERROR_NOT_ENOUGH_MEMORY : ERROR_INVALID_ACL);
        return FALSE;
    }
    *str = o.buf;
    if (len) *len = o.len + 1;
    return TRUE;
}

BOOL WINAPI ConvertSecurityDescriptorToStringSecurityDescriptorA(PSECURITY_DESCRIPTOR sd, DWORD revision,
                                                                 SECURITY_INFORMATION info, LPSTR *str, PULONG len)
{
    WCHAR *w;
    int n;

    if (!str) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!ConvertSecurityDescriptorToStringSecurityDescriptorW(sd, revision, info, &w, NULL)) return FALSE;
    n = WideCharToMultiByte(CP_ACP, 0, w, -1, NULL, 0, NULL, NULL);
    if ((*str = LocalAlloc(LMEM_FIXED, n))) WideCharToMultiByte(CP_ACP, 0, w, -1, *str, n, NULL, NULL);
    LocalFree(w);
    if (!*str) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    if (len) *len = n;
    return TRUE;
}
