/*
 * dlls/advapi32/aclentries.c — SetEntriesInAcl: a new DACL made of an old
 * one and a list of EXPLICIT_ACCESS entries (grant, set, deny, revoke for a
 * trustee named by SID or account name), in the canonical order Windows
 * keeps: explicit denials, explicit grants, then the inherited ACEs as they
 * were. The result is LocalAlloc'ed (the caller LocalFrees it).
 */
#include "secpriv.h"
#include <aclapi.h>

#define MAX_SID_SIZE SECURITY_MAX_SID_SIZE

/* one ACE of the ACL being built */
struct ace_item
{
    BYTE type;        /* ACCESS_ALLOWED_ACE_TYPE or ACCESS_DENIED_ACE_TYPE */
    BYTE flags;       /* inheritance flags, INHERITED_ACE for inherited ones */
    ACCESS_MASK mask;
    PSID sid;         /* points into the old ACL or into sids[] */
};

/* the SID of a trustee into `buf`: given as a SID, or an account name
   ("CURRENT_USER" is the caller); an error code or ERROR_SUCCESS */
static DWORD trustee_sid(const TRUSTEE_W *trustee, BYTE *buf)
{
    WCHAR domain[256];
    DWORD size = MAX_SID_SIZE, dsize = ARRAY_SIZE(domain);
    SID_NAME_USE use;

    if (trustee->MultipleTrusteeOperation != NO_MULTIPLE_TRUSTEE) return ERROR_INVALID_PARAMETER;
    switch (trustee->TrusteeForm)
    {
    case TRUSTEE_IS_SID:
        if (!trustee->ptstrName || !IsValidSid((PSID)trustee->ptstrName)) return ERROR_INVALID_PARAMETER;
        return CopySid(MAX_SID_SIZE, buf, (PSID)trustee->ptstrName) ? ERROR_SUCCESS : GetLastError();
    case TRUSTEE_IS_NAME:
        if (!trustee->ptstrName) return ERROR_INVALID_PARAMETER;
        if (!lstrcmpW(trustee->ptstrName, L"CURRENT_USER")) { sec_user_sid((SID *)buf); return ERROR_SUCCESS; }
        return LookupAccountNameW(NULL, trustee->ptstrName, buf, &size, domain, &dsize, &use)
               ? ERROR_SUCCESS : ERROR_NONE_MAPPED;
    default:
        return ERROR_INVALID_PARAMETER;   /* the object-type forms belong to object ACEs */
    }
}

/* drop the explicit ACEs of `sid` (of one type, or any when type is 0xff) */
static void drop_explicit(struct ace_item *items, DWORD *count, PSID sid, BYTE type)
{
    DWORD kept = 0;
    for (DWORD i = 0; i < *count; i++)
    {
        BOOL match = !(items[i].flags & INHERITED_ACE) && EqualSid(items[i].sid, sid) &&
                     (type == 0xff || items[i].type == type);
        if (!match) items[kept++] = items[i];
    }
    *count = kept;
}

/* apply one entry to the list (room for one more item is there) */
static void apply_entry(struct ace_item *items, DWORD *count, const EXPLICIT_ACCESS_W *e, PSID sid)
{
    BYTE flags = e->grfInheritance & VALID_INHERIT_FLAGS;
    BYTE type = e->grfAccessMode == DENY_ACCESS ? ACCESS_DENIED_ACE_TYPE : ACCESS_ALLOWED_ACE_TYPE;

    if (e->grfAccessMode == SET_ACCESS || e->grfAccessMode == REVOKE_ACCESS)
        drop_explicit(items, count, sid, e->grfAccessMode == SET_ACCESS ? ACCESS_ALLOWED_ACE_TYPE : 0xff);
    if (e->grfAccessMode == REVOKE_ACCESS) return;
    /* a grant or denial adds its rights to an ACE of the same kind for the trustee */
    for (DWORD i = 0; i < *count; i++)
        if (items[i].type == type && items[i].flags == flags && EqualSid(items[i].sid, sid))
        {
            items[i].mask |= e->grfAccessPermissions;
            return;
        }
    items[*count].type = type;
    items[*count].flags = flags;
    items[*count].mask = e->grfAccessPermissions;
    items[*count].sid = sid;
    (*count)++;
}

/* the rank of an item in canonical order */
static int ace_rank(const struct ace_item *item)
{
    if (item->flags & INHERITED_ACE) return 2;
    return item->type == ACCESS_DENIED_ACE_TYPE ? 0 : 1;
}

/* the ACL of `items` in canonical order (stable within a rank) */
static DWORD build_acl(const struct ace_item *items, DWORD count, PACL *out)
{
    DWORD size = sizeof(ACL);
    PACL acl;

    for (DWORD i = 0; i < count; i++) size += sizeof(ACCESS_ALLOWED_ACE) - sizeof(DWORD) + GetLengthSid(items[i].sid);
    if (!(acl = LocalAlloc(LMEM_FIXED, size))) return ERROR_NOT_ENOUGH_MEMORY;
    InitializeAcl(acl, size, ACL_REVISION);
    for (int rank = 0; rank < 3; rank++)
        for (DWORD i = 0; i < count; i++)
        {
            BOOL ok;
            if (ace_rank(&items[i]) != rank) continue;
            if (items[i].type == ACCESS_DENIED_ACE_TYPE)
                ok = AddAccessDeniedAceEx(acl, ACL_REVISION, items[i].flags, items[i].mask, items[i].sid);
            else
                ok = AddAccessAllowedAceEx(acl, ACL_REVISION, items[i].flags, items[i].mask, items[i].sid);
            if (!ok) { LocalFree(acl); return GetLastError(); }
        }
    *out = acl;
    return ERROR_SUCCESS;
}

/* the old ACL's allow/deny ACEs as items; other ACE types are not kept */
static DWORD read_old_acl(PACL old, struct ace_item *items, DWORD *count)
{
    *count = 0;
    if (!old) return ERROR_SUCCESS;
    if (!IsValidAcl(old)) return ERROR_INVALID_PARAMETER;
    for (DWORD i = 0; i < old->AceCount; i++)
    {
        ACCESS_ALLOWED_ACE *ace;
        if (!GetAce(old, i, (void **)&ace)) return ERROR_INVALID_PARAMETER;
        if (ace->Header.AceType != ACCESS_ALLOWED_ACE_TYPE && ace->Header.AceType != ACCESS_DENIED_ACE_TYPE) continue;
        items[*count].type = ace->Header.AceType;
        items[*count].flags = ace->Header.AceFlags;
        items[*count].mask = ace->Mask;
        items[*count].sid = &ace->SidStart;
        (*count)++;
    }
    return ERROR_SUCCESS;
}

DWORD WINAPI SetEntriesInAclW(ULONG n, PEXPLICIT_ACCESS_W entries, PACL old, PACL *out)
{
    struct ace_item *items;
    BYTE (*sids)[MAX_SID_SIZE];
    DWORD count, rc;

    if (!out || (n && !entries)) return ERROR_INVALID_PARAMETER;
    *out = NULL;
    if (!n && !old) return ERROR_SUCCESS;
    items = HeapAlloc(GetProcessHeap(), 0, ((old ? old->AceCount : 0) + n) * sizeof(*items) + n * MAX_SID_SIZE + 1);
    if (!items) return ERROR_NOT_ENOUGH_MEMORY;
    sids = (void *)(items + (old ? old->AceCount : 0) + n);
    if (!(rc = read_old_acl(old, items, &count)))
        for (ULONG i = 0; i < n && !rc; i++)
        {
            switch (entries[i].grfAccessMode)
            {
            case NOT_USED_ACCESS: continue;
            case GRANT_ACCESS: case SET_ACCESS: case DENY_ACCESS: case REVOKE_ACCESS: break;
            default: rc = ERROR_INVALID_PARAMETER; continue;   /* audit modes belong to SACLs */
            }
            if (!(rc = trustee_sid(&entries[i].Trustee, sids[i]))) apply_entry(items, &count, &entries[i], sids[i]);
        }
    if (!rc) rc = build_acl(items, count, out);
    HeapFree(GetProcessHeap(), 0, items);
    return rc;
}

/* the ANSI form: names converted, everything else as given */
DWORD WINAPI SetEntriesInAclA(ULONG n, PEXPLICIT_ACCESS_A entries, PACL old, PACL *out)
{
    EXPLICIT_ACCESS_W *wide;
    DWORD rc = ERROR_SUCCESS;
    ULONG done = 0;

    if (!out || (n && !entries)) return ERROR_INVALID_PARAMETER;
    if (!(wide = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, n * sizeof(*wide) + 1))) return ERROR_NOT_ENOUGH_MEMORY;
    for (; done < n && !rc; done++)
    {
        memcpy(&wide[done], &entries[done], sizeof(wide[done]));   /* the same layout, string pointer aside */
        if (entries[done].Trustee.TrusteeForm == TRUSTEE_IS_NAME && entries[done].Trustee.ptstrName &&
            !(wide[done].Trustee.ptstrName = sec_strdup_aw(entries[done].Trustee.ptstrName)))
            rc = ERROR_NOT_ENOUGH_MEMORY;
    }
    if (!rc) rc = SetEntriesInAclW(n, wide, old, out);
    for (ULONG i = 0; i < done; i++)
        if (entries[i].Trustee.TrusteeForm == TRUSTEE_IS_NAME) sec_free(wide[i].Trustee.ptstrName);
    HeapFree(GetProcessHeap(), 0, wide);
    return rc;
}
