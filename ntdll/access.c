/*
 * ntdll/access.c — access checks: NtAccessCheck and RtlMapGenericMask.
 *
 * A descriptor's DACL is read in order against the token's user and enabled
 * groups: an allowed ACE grants what no earlier ACE denied, a denied ACE
 * refuses what no earlier ACE granted. A NULL DACL grants everything; the
 * owner gets READ_CONTROL and WRITE_DAC without asking.
 *
 * Sections: the token's SIDs · the DACL walk · NtAccessCheck.
 */
#include "security.h"

#ifndef STATUS_NO_IMPERSONATION_TOKEN
#define STATUS_NO_IMPERSONATION_TOKEN ((NTSTATUS)0xC000005C)
#endif

NTSTATUS NTAPI NtQueryInformationToken(HANDLE, TOKEN_INFORMATION_CLASS, PVOID, ULONG, PULONG);

void NTAPI RtlMapGenericMask(PACCESS_MASK mask, const GENERIC_MAPPING *mapping)
{
    if (*mask & GENERIC_READ) *mask |= mapping->GenericRead;
    if (*mask & GENERIC_WRITE) *mask |= mapping->GenericWrite;
    if (*mask & GENERIC_EXECUTE) *mask |= mapping->GenericExecute;
    if (*mask & GENERIC_ALL) *mask |= mapping->GenericAll;
    *mask &= ~(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL);
}

/* --- the token's SIDs ------------------------------------------------------------ */

/* the user and groups of a token (heap blocks) */
struct identity {
    TOKEN_USER *user;
    TOKEN_GROUPS *groups;
};

static NTSTATUS query_alloc(HANDLE token, TOKEN_INFORMATION_CLASS cls, void **out)
{
    ULONG len = 0;
    NTSTATUS status = NtQueryInformationToken(token, cls, NULL, 0, &len);

    if (status != STATUS_BUFFER_TOO_SMALL) return status;
    if (!(*out = RtlAllocateHeap(PROCESS_HEAP(), 0, len))) return STATUS_NO_MEMORY;
    if ((status = NtQueryInformationToken(token, cls, *out, len, &len))) RtlFreeHeap(PROCESS_HEAP(), 0, *out);
    return status;
}

static void identity_free(struct identity *id)
{
    RtlFreeHeap(PROCESS_HEAP(), 0, id->user);
    RtlFreeHeap(PROCESS_HEAP(), 0, id->groups);
}

static NTSTATUS identity_get(HANDLE token, struct identity *id)
{
    NTSTATUS status;
    id->user = NULL;
    id->groups = NULL;
    if (!(status = query_alloc(token, TokenUser, (void **)&id->user)))
        status = query_alloc(token, TokenGroups, (void **)&id->groups);
    if (status) identity_free(id);
    return status;
}

static BOOL identity_has(const struct identity *id, PSID sid)
{
    if (RtlEqualSid(id->user->User.Sid, sid)) return TRUE;
    for (ULONG i = 0; i < id->groups->GroupCount; i++)
        if ((id->groups->Groups[i].Attributes & SE_GROUP_ENABLED) && RtlEqualSid(id->groups->Groups[i].Sid, sid))
            return TRUE;
    return FALSE;
}

/* --- the DACL walk --------------------------------------------------------------------- */

/* what the DACL grants the identity (all of `mapping` for a NULL DACL) */
static ACCESS_MASK dacl_grants(const ACL *dacl, const struct identity *id, const GENERIC_MAPPING *mapping)
{
    ACCESS_MASK allowed = 0, denied = 0;
    const BYTE *p;

    if (!dacl) return mapping->GenericAll | mapping->GenericRead | mapping->GenericWrite | mapping->GenericExecute;
    p = (const BYTE *)(dacl + 1);
    for (WORD i = 0; i < dacl->AceCount; p += ((const ACE_HEADER *)p)->AceSize, i++)
    {
        const ACCESS_ALLOWED_ACE *ace = (const ACCESS_ALLOWED_ACE *)p;
        ACCESS_MASK mask = ace->Mask;

        if (ace->Header.AceFlags & INHERIT_ONLY_ACE) continue;
        if (ace->Header.AceType != ACCESS_ALLOWED_ACE_TYPE && ace->Header.AceType != ACCESS_DENIED_ACE_TYPE) continue;
        if (!identity_has(id, (PSID)&ace->SidStart)) continue;
        RtlMapGenericMask(&mask, mapping);
        if (ace->Header.AceType == ACCESS_ALLOWED_ACE_TYPE) allowed |= mask & ~denied;
        else denied |= mask & ~allowed;
    }
    return allowed;
}

/* --- NtAccessCheck ------------------------------------------------------------------------ */

NTSTATUS NTAPI NtAccessCheck(PSECURITY_DESCRIPTOR sd, HANDLE token, ACCESS_MASK desired, PGENERIC_MAPPING mapping,
                             PPRIVILEGE_SET privileges, PULONG privileges_len, PACCESS_MASK granted,
                             PNTSTATUS access_status)
{
    struct wlx_token_info info;
    struct identity id;
    BOOLEAN present, defaulted;
    PSID owner = NULL, group = NULL;
    PACL dacl = NULL;
    ACCESS_MASK allowed;
    NTSTATUS status;

    if (!sd || !mapping || !privileges_len || !granted || !access_status) return STATUS_ACCESS_VIOLATION;
    if ((status = __wlx_token_info(token, TOKEN_QUERY, &info))) return status;
    if (info.type != TokenImpersonation) return STATUS_NO_IMPERSONATION_TOKEN;
    if (!RtlValidSecurityDescriptor(sd)) return STATUS_INVALID_SECURITY_DESCR;
    RtlGetOwnerSecurityDescriptor(sd, &owner, &defaulted);
    RtlGetGroupSecurityDescriptor(sd, &group, &defaulted);
    if (!owner || !group) return STATUS_INVALID_SECURITY_DESCR;
    if (*privileges_len < sizeof(PRIVILEGE_SET))
    {
        *privileges_len = sizeof(PRIVILEGE_SET);
        return STATUS_BUFFER_TOO_SMALL;
    }
    if (privileges) privileges->PrivilegeCount = 0;
    RtlGetDaclSecurityDescriptor(sd, &present, &dacl, &defaulted);
    if ((status = identity_get(token, &id))) return status;
    allowed = dacl_grants(present ? dacl : NULL, &id, mapping);
    if (identity_has(&id, owner)) allowed |= READ_CONTROL | WRITE_DAC;
    identity_free(&id);

    RtlMapGenericMask(&desired, mapping);
    if (desired & MAXIMUM_ALLOWED)
    {
        /* everything the DACL allows, provided it includes what was named */
        desired &= ~MAXIMUM_ALLOWED;
        *granted = (desired & ~allowed) ? 0 : allowed;
    }
    else *granted = (desired & ~allowed) ? 0 : desired;
    *access_status = *granted ? STATUS_SUCCESS : STATUS_ACCESS_DENIED;
    return STATUS_SUCCESS;
}
