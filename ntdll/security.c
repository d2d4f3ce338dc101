/*
 * ntdll/security.c — the synthesized access token: what NtQueryInformationToken
 * answers, NtAdjustPrivilegesToken, NtSetInformationToken, and the Rtl
 * helpers over them (RtlAdjustPrivilege, RtlImpersonateSelf).
 *
 * Every wlx process runs as the user of wlx/user.h, an elevated member of
 * Administrators (as Wine's default prefix): the fixed content below is
 * built here; what changes (privileges enabled, type, level, ids) comes from
 * the Unix side (ntdll/unix/token.c, through __wlx_token_info).
 *
 * Sections: the token's SIDs · building answers · NtQueryInformationToken ·
 * privileges · setting and impersonation.
 */
#include "security.h"

/* --- the token's SIDs ------------------------------------------------------- */

struct group_def {
    BYTE authority;     /* SECURITY_*_AUTHORITY's last byte */
    BYTE count;
    DWORD subs[3];
    DWORD attributes;
};

#define GROUP_ON (SE_GROUP_MANDATORY | SE_GROUP_ENABLED_BY_DEFAULT | SE_GROUP_ENABLED)

/* what TokenGroups lists for an elevated administrator on Windows 10 */
static const struct group_def token_groups[] = {
    { 1, 1, { 0 }, GROUP_ON },                                       /* Everyone */
    { 5, 1, { 114 }, GROUP_ON },                                     /* Local account and member of Administrators */
    { 5, 2, { 32, 544 }, GROUP_ON | SE_GROUP_OWNER },                /* BUILTIN\Administrators */
    { 5, 2, { 32, 545 }, GROUP_ON },                                 /* BUILTIN\Users */
    { 5, 1, { 4 }, GROUP_ON },                                       /* INTERACTIVE */
    { 2, 1, { 1 }, GROUP_ON },                                       /* CONSOLE LOGON */
    { 5, 1, { 11 }, GROUP_ON },                                      /* Authenticated Users */
    { 5, 1, { 15 }, GROUP_ON },                                      /* This Organization */
    { 5, 1, { 113 }, GROUP_ON },                                     /* Local account */
    { 5, 3, { 5, 0, WLX_LOGON_ID_LOW }, GROUP_ON | SE_GROUP_LOGON_ID }, /* the logon session */
    { 2, 1, { 0 }, GROUP_ON },                                       /* LOCAL */
    { 5, 2, { 64, 10 }, GROUP_ON },                                  /* NTLM Authentication */
    { 16, 1, { SECURITY_MANDATORY_HIGH_RID }, SE_GROUP_INTEGRITY | SE_GROUP_INTEGRITY_ENABLED },
};
#define GROUP_LOGON     9
#define GROUP_INTEGRITY 12

static void user_sid(SID *sid)
{
    static const DWORD subs[5] = { SECURITY_NT_NON_UNIQUE, WLX_USER_DOMAIN_0, WLX_USER_DOMAIN_1,
                                   WLX_USER_DOMAIN_2, WLX_USER_RID };
    sid_build(sid, 5, 5, subs);
}

/* --- building answers ------------------------------------------------------- 
   An answer is built in a scratch buffer with its pointers aimed at where
   it will land in the caller's buffer; it is copied only if it fits. */

#define ANSWER_MAX 2048

struct answer {
    BYTE scratch[ANSWER_MAX];
    BYTE *dest;          /* the caller's buffer */
    ULONG used;
};

/* room for `size` bytes aligned to `align`: its offset */
static ULONG answer_put(struct answer *a, ULONG size, ULONG align)
{
    ULONG off = (a->used + align - 1) & ~(align - 1);
    a->used = off + size;
    return off;
}

static void *answer_at(struct answer *a, ULONG off) { return a->scratch + off; }
static void *answer_dest(struct answer *a, ULONG off) { return a->dest + off; }

/* a copy of a SID in the answer: its address in the caller's buffer */
static PSID answer_sid(struct answer *a, const SID *sid)
{
    ULONG len = RtlLengthSid((PSID)sid), off = answer_put(a, len, 4);
    memcpy(answer_at(a, off), sid, len);
    return answer_dest(a, off);
}

static PSID answer_group_sid(struct answer *a, const struct group_def *g)
{
    BYTE buf[SECURITY_MAX_SID_SIZE];
    sid_build((SID *)buf, g->authority, g->count, g->subs);
    return answer_sid(a, (SID *)buf);
}

static PSID answer_user_sid(struct answer *a)
{
    BYTE buf[SECURITY_MAX_SID_SIZE];
    user_sid((SID *)buf);
    return answer_sid(a, (SID *)buf);
}

/* TOKEN_GROUPS of `count` groups of token_groups starting at `first`; bit
   i of `deny` makes group i deny-only (a restricted token's, NtFilterToken) */
static void answer_groups(struct answer *a, ULONG first, ULONG count, UINT32 deny)
{
    ULONG off = answer_put(a, FIELD_OFFSET(TOKEN_GROUPS, Groups[count]), 8);
    for (ULONG i = 0; i < count; i++)
    {
        PSID sid = answer_group_sid(a, &token_groups[first + i]);
        TOKEN_GROUPS *tg = answer_at(a, off);
        tg->Groups[i].Sid = sid;
        DWORD attr = token_groups[first + i].attributes;
        if ((deny >> (first + i)) & 1)   /* no longer enabled; mandatory and owner stay (as Wine 8) */
            attr = (attr & ~(SE_GROUP_ENABLED | SE_GROUP_ENABLED_BY_DEFAULT)) | SE_GROUP_USE_FOR_DENY_ONLY;
        tg->Groups[i].Attributes = attr;
    }
    ((TOKEN_GROUPS *)answer_at(a, off))->GroupCount = count;
}

static ULONG privilege_count(void)
{
    return __builtin_popcountll(WLX_PRIVILEGES_HELD);
}

static void answer_privileges(struct answer *a, UINT64 enabled)
{
    ULONG off = answer_put(a, FIELD_OFFSET(TOKEN_PRIVILEGES, Privileges[privilege_count()]), 4);
    TOKEN_PRIVILEGES *tp = answer_at(a, off);
    ULONG n = 0;

    for (ULONG i = 0; i <= WLX_PRIVILEGE_MAX; i++)
    {
        if (!(WLX_PRIVILEGES_HELD & WLX_PRIV_BIT(i))) continue;
        tp->Privileges[n].Luid.LowPart = i;
        tp->Privileges[n].Luid.HighPart = 0;
        tp->Privileges[n].Attributes = ((enabled & WLX_PRIV_BIT(i)) ? SE_PRIVILEGE_ENABLED : 0) |
                                       ((WLX_PRIVILEGES_DEFAULT & WLX_PRIV_BIT(i)) ? SE_PRIVILEGE_ENABLED_BY_DEFAULT : 0);
        n++;
    }
    tp->PrivilegeCount = n;
}

/* the default DACL: the user and SYSTEM get everything, the logon session
   read and execute (what Windows gives) */
static void answer_default_dacl(struct answer *a)
{
    BYTE user[SECURITY_MAX_SID_SIZE], system[SECURITY_MAX_SID_SIZE], logon[SECURITY_MAX_SID_SIZE];
    static const DWORD system_rid = SECURITY_LOCAL_SYSTEM_RID;
    const struct group_def *g = &token_groups[GROUP_LOGON];
    ULONG hdr = answer_put(a, sizeof(TOKEN_DEFAULT_DACL), 8), size, off;
    PACL acl;

    user_sid((SID *)user);
    sid_build((SID *)system, 5, 1, &system_rid);
    sid_build((SID *)logon, g->authority, g->count, g->subs);
    size = sizeof(ACL) + 3 * FIELD_OFFSET(ACCESS_ALLOWED_ACE, SidStart) +
           RtlLengthSid(user) + RtlLengthSid(system) + RtlLengthSid(logon);
    off = answer_put(a, size, 4);
    acl = answer_at(a, off);
    RtlCreateAcl(acl, size, ACL_REVISION);
    RtlAddAccessAllowedAce(acl, ACL_REVISION, GENERIC_ALL, user);
    RtlAddAccessAllowedAce(acl, ACL_REVISION, GENERIC_ALL, system);
    RtlAddAccessAllowedAce(acl, ACL_REVISION, GENERIC_READ | GENERIC_EXECUTE, logon);
    ((TOKEN_DEFAULT_DACL *)answer_at(a, hdr))->DefaultDacl = answer_dest(a, off);
}

static void answer_dword(struct answer *a, DWORD value)
{
    *(DWORD *)answer_at(a, answer_put(a, sizeof(DWORD), 4)) = value;
}

static void answer_statistics(struct answer *a, const struct wlx_token_info *info)
{
    TOKEN_STATISTICS *st = answer_at(a, answer_put(a, sizeof(*st), 8));
    st->TokenId.LowPart = (DWORD)info->token_id;
    st->TokenId.HighPart = info->token_id >> 32;
    st->AuthenticationId.LowPart = WLX_LOGON_ID_LOW;
    st->AuthenticationId.HighPart = 0;
    st->ExpirationTime.QuadPart = 0x7fffffffffffffffLL;
    st->TokenType = info->type;
    st->ImpersonationLevel = info->level;
    st->DynamicCharged = 4096;
    st->DynamicAvailable = 4096 - 200;   /* what the default DACL and group take, about */
    st->GroupCount = ARRAY_SIZE(token_groups);
    st->PrivilegeCount = privilege_count();
    st->ModifiedId.LowPart = (DWORD)info->modified_id;
    st->ModifiedId.HighPart = info->modified_id >> 32;
}

/* one class's answer; STATUS_INVALID_INFO_CLASS for a class the token has no
   answer to */
static NTSTATUS build_answer(struct answer *a, TOKEN_INFORMATION_CLASS cls, const struct wlx_token_info *info)
{
    ULONG off;

    switch ((int)cls)
    {
    case TokenUser:
        off = answer_put(a, sizeof(TOKEN_USER), 8);
        ((TOKEN_USER *)answer_at(a, off))->User.Sid = answer_user_sid(a);
        ((TOKEN_USER *)answer_at(a, off))->User.Attributes = 0;
        return STATUS_SUCCESS;
    case TokenGroups: answer_groups(a, 0, ARRAY_SIZE(token_groups), info->deny_groups); return STATUS_SUCCESS;
    case TokenLogonSid: answer_groups(a, GROUP_LOGON, 1, info->deny_groups); return STATUS_SUCCESS;
    case TokenRestrictedSids:
    case TokenCapabilities: answer_groups(a, 0, 0, 0); return STATUS_SUCCESS;
    case TokenPrivileges: answer_privileges(a, info->enabled); return STATUS_SUCCESS;
    case TokenOwner:
    case TokenPrimaryGroup:   /* both are the user (TOKEN_OWNER and TOKEN_PRIMARY_GROUP: one PSID) */
        off = answer_put(a, sizeof(TOKEN_OWNER), 8);
        ((TOKEN_OWNER *)answer_at(a, off))->Owner = answer_user_sid(a);
        return STATUS_SUCCESS;
    case TokenDefaultDacl: answer_default_dacl(a); return STATUS_SUCCESS;
    case TokenSource:
    {
        TOKEN_SOURCE *src = answer_at(a, answer_put(a, sizeof(TOKEN_SOURCE), 4));
        memcpy(src->SourceName, "User32  ", TOKEN_SOURCE_LENGTH);
        src->SourceIdentifier.LowPart = WLX_LOGON_ID_LOW;
        src->SourceIdentifier.HighPart = 0;
        return STATUS_SUCCESS;
    }
    case TokenType: answer_dword(a, info->type); return STATUS_SUCCESS;
    case TokenImpersonationLevel:
        if (info->type != TokenImpersonation) return STATUS_INVALID_INFO_CLASS;
        answer_dword(a, info->level);
        return STATUS_SUCCESS;
    case TokenStatistics: answer_statistics(a, info); return STATUS_SUCCESS;
    case TokenSessionId: answer_dword(a, 1); return STATUS_SUCCESS;   /* the interactive session */
    case TokenOrigin:
        off = answer_put(a, sizeof(TOKEN_ORIGIN), 4);
        ((TOKEN_ORIGIN *)answer_at(a, off))->OriginatingLogonSession.LowPart = 0x3e7;   /* SYSTEM_LUID */
        ((TOKEN_ORIGIN *)answer_at(a, off))->OriginatingLogonSession.HighPart = 0;
        return STATUS_SUCCESS;
    /* elevated without a split token, as with UAC off: no linked token */
    case TokenElevationType: answer_dword(a, TokenElevationTypeDefault); return STATUS_SUCCESS;
    case TokenElevation: answer_dword(a, 1); return STATUS_SUCCESS;
    case TokenLinkedToken: return STATUS_NO_TOKEN;
    case TokenIntegrityLevel:
        off = answer_put(a, sizeof(TOKEN_MANDATORY_LABEL), 8);
        ((TOKEN_MANDATORY_LABEL *)answer_at(a, off))->Label.Sid = answer_group_sid(a, &token_groups[GROUP_INTEGRITY]);
        ((TOKEN_MANDATORY_LABEL *)answer_at(a, off))->Label.Attributes = token_groups[GROUP_INTEGRITY].attributes;
        return STATUS_SUCCESS;
    case TokenMandatoryPolicy:
        answer_dword(a, TOKEN_MANDATORY_POLICY_NO_WRITE_UP | TOKEN_MANDATORY_POLICY_NEW_PROCESS_MIN);
        return STATUS_SUCCESS;
    case TokenAppContainerSid:
        off = answer_put(a, sizeof(TOKEN_APPCONTAINER_INFORMATION), 8);
        ((TOKEN_APPCONTAINER_INFORMATION *)answer_at(a, off))->TokenAppContainer = NULL;
        return STATUS_SUCCESS;
    /* the DWORD flags that are all 0 here */
    case TokenSandBoxInert: case TokenHasRestrictions: case TokenVirtualizationAllowed:
    case TokenVirtualizationEnabled: case TokenUIAccess: case TokenIsAppContainer:
    case TokenAppContainerNumber: case TokenIsRestricted:
        answer_dword(a, 0);
        return STATUS_SUCCESS;
    default:
        return STATUS_INVALID_INFO_CLASS;
    }
}

/* --- restricted tokens --------------------------------------------------------
   NtFilterToken (CreateRestrictedToken): a copy of the token, of its type,
   whose groups named in `disable` are deny-only from then on, and so in the
   processes CreateProcessAsUser starts with it and their children
   (PostgreSQL's initdb and pg_ctl start themselves so without
   Administrators: postgres.exe refuses to run as an administrator).
   Privileges to delete and restricting SIDs are not kept: one user, and no
   access check of wlx's looks at them. */

NTSTATUS NTAPI NtQueryInformationToken(HANDLE token, TOKEN_INFORMATION_CLASS cls, PVOID buf, ULONG len,
                                       PULONG ret_len);

NTSTATUS NTAPI NtFilterToken(HANDLE token, ULONG flags, TOKEN_GROUPS *disable, TOKEN_PRIVILEGES *privileges,
                             TOKEN_GROUPS *restricting, HANDLE *out)
{
    OBJECT_ATTRIBUTES attr = { sizeof(attr) };
    TOKEN_TYPE type;
    ULONG len;
    UINT32 mask = 0;
    NTSTATUS status;

    (void)flags; (void)privileges; (void)restricting;
    if (!out) return STATUS_ACCESS_VIOLATION;
    if ((status = NtQueryInformationToken(token, TokenType, &type, sizeof(type), &len))) return status;
    for (ULONG j = 0; disable && j < disable->GroupCount; j++)
        for (ULONG i = 0; i < ARRAY_SIZE(token_groups); i++)
        {
            BYTE sid[SECURITY_MAX_SID_SIZE];
            const struct group_def *g = &token_groups[i];
            sid_build((SID *)sid, g->authority, g->count, g->subs);
            if (disable->Groups[j].Sid && RtlEqualSid(disable->Groups[j].Sid, sid)) mask |= 1u << i;
        }
    if ((status = NtDuplicateToken(token, TOKEN_ALL_ACCESS, &attr, FALSE, type, out))) return status;
    if (mask && (status = __wlx_token_deny(*out, mask)))
    {
        NtClose(*out);
        *out = NULL;
    }
    return status;
}

/* --- NtQueryInformationToken -------------------------------------------------- */

NTSTATUS NTAPI NtQueryInformationToken(HANDLE token, TOKEN_INFORMATION_CLASS cls, PVOID buf, ULONG len,
                                       PULONG ret_len)
{
    struct wlx_token_info info;
    struct answer *a;
    NTSTATUS status;

    if ((status = __wlx_token_info(token, cls == TokenSource ? TOKEN_QUERY_SOURCE : TOKEN_QUERY, &info)))
        return status;
    if (!(a = RtlAllocateHeap(PROCESS_HEAP(), 0, sizeof(*a)))) return STATUS_NO_MEMORY;
    a->dest = buf;
    a->used = 0;
    if (!(status = build_answer(a, cls, &info)))
    {
        if (ret_len) *ret_len = a->used;
        if (len < a->used || !buf) status = STATUS_BUFFER_TOO_SMALL;
        else memcpy(buf, a->scratch, a->used);
    }
    RtlFreeHeap(PROCESS_HEAP(), 0, a);
    return status;
}

/* --- privileges ---------------------------------------------------------------- */

/* the mask of a privilege LUID, 0 for one no token can hold */
static UINT64 privilege_bit(const LUID *luid)
{
    if (luid->HighPart || luid->LowPart > 63) return 0;
    return WLX_PRIV_BIT(luid->LowPart);
}

/* fills `prev` with the privileges in `changed` and their state before */
static void previous_state(TOKEN_PRIVILEGES *prev, UINT64 changed, UINT64 enabled)
{
    ULONG n = 0;
    for (ULONG i = 0; i < 64; i++)
    {
        if (!(changed & WLX_PRIV_BIT(i))) continue;
        prev->Privileges[n].Luid.LowPart = i;
        prev->Privileges[n].Luid.HighPart = 0;
        prev->Privileges[n].Attributes = (enabled & WLX_PRIV_BIT(i)) ? SE_PRIVILEGE_ENABLED : 0;
        n++;
    }
    prev->PrivilegeCount = n;
}

NTSTATUS NTAPI NtAdjustPrivilegesToken(HANDLE token, BOOLEAN disable_all, PTOKEN_PRIVILEGES new_state,
                                       DWORD len, PTOKEN_PRIVILEGES prev, PDWORD ret_len)
{
    UINT64 enable = 0, disable = 0, unknown = 0, changed;
    struct wlx_token_info info;
    NTSTATUS status;
    ULONG need;

    if (disable_all) disable = ~(UINT64)0;
    else if (!new_state) return STATUS_INVALID_PARAMETER;
    else
        for (ULONG i = 0; i < new_state->PrivilegeCount; i++)
        {
            UINT64 bit = privilege_bit(&new_state->Privileges[i].Luid);
            if (!(bit & WLX_PRIVILEGES_HELD)) unknown = 1;
            else if (new_state->Privileges[i].Attributes & SE_PRIVILEGE_ENABLED) enable |= bit;
            else disable |= bit;
        }
    if ((status = __wlx_token_info(token, TOKEN_ADJUST_PRIVILEGES | (prev ? TOKEN_QUERY : 0), &info)))
        return status;
    changed = ((enable & ~info.enabled) | (disable & info.enabled)) & WLX_PRIVILEGES_HELD;
    if (prev)
    {
        need = FIELD_OFFSET(TOKEN_PRIVILEGES, Privileges[__builtin_popcountll(changed)]);
        if (ret_len) *ret_len = need;
        if (len < need) return STATUS_BUFFER_TOO_SMALL;
        previous_state(prev, changed, info.enabled);
    }
    if ((status = __wlx_token_adjust(token, enable, disable, NULL))) return status;
    return unknown ? STATUS_NOT_ALL_ASSIGNED : STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlAdjustPrivilege(ULONG privilege, BOOLEAN enable, BOOLEAN current_thread, PBOOLEAN was_enabled)
{
    LUID luid = { privilege, 0 };
    UINT64 bit = privilege_bit(&luid), before;
    HANDLE token;
    NTSTATUS status;

    if (current_thread)
        status = NtOpenThreadToken(NtCurrentThread(), TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY, FALSE, &token);
    else
        status = NtOpenProcessToken(NtCurrentProcess(), TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY, &token);
    if (status) return status;
    status = __wlx_token_adjust(token, enable ? bit : 0, enable ? 0 : bit, &before);
    NtClose(token);
    if (!(bit & WLX_PRIVILEGES_HELD)) return STATUS_PRIVILEGE_NOT_HELD;
    if (!status && was_enabled) *was_enabled = !!(before & bit);
    return status;
}

/* --- setting and impersonation --------------------------------------------------- */

/* what a program may set is accepted and changes nothing: the token's
   content is fixed */
NTSTATUS NTAPI NtSetInformationToken(HANDLE token, TOKEN_INFORMATION_CLASS cls, PVOID buf, ULONG len)
{
    struct wlx_token_info info;
    NTSTATUS status;

    if ((status = __wlx_token_info(token, TOKEN_ADJUST_DEFAULT, &info))) return status;
    switch ((int)cls)
    {
    case TokenOwner: case TokenPrimaryGroup: case TokenDefaultDacl: case TokenSessionId:
    case TokenIntegrityLevel: case TokenVirtualizationEnabled: case TokenMandatoryPolicy:
    case TokenOrigin: case TokenUIAccess:
        return buf || !len ? STATUS_SUCCESS : STATUS_ACCESS_VIOLATION;
    default:
        return STATUS_INVALID_INFO_CLASS;
    }
}

NTSTATUS NTAPI RtlImpersonateSelf(SECURITY_IMPERSONATION_LEVEL level)
{
    SECURITY_QUALITY_OF_SERVICE qos = { sizeof(qos), level, SECURITY_STATIC_TRACKING, FALSE };
    OBJECT_ATTRIBUTES attr = { sizeof(attr) };
    HANDLE process, dup;
    NTSTATUS status;

    attr.SecurityQualityOfService = &qos;
    if ((status = NtOpenProcessToken(NtCurrentProcess(), TOKEN_DUPLICATE, &process))) return status;
    status = NtDuplicateToken(process, TOKEN_IMPERSONATE | TOKEN_QUERY | TOKEN_ADJUST_PRIVILEGES, &attr,
                              FALSE, TokenImpersonation, &dup);
    NtClose(process);
    if (status) return status;
    status = __wlx_set_thread_token(dup);
    NtClose(dup);
    return status;
}
