/*
 * ntdll/acl.c — access-control lists: creating them, adding, finding and
 * deleting ACEs, checking them (the Rtl*Acl and Rtl*Ace functions).
 *
 * An ACL is an 8-byte header (revision 2-4, size, ACE count) followed by
 * ACEs, each a header (type, flags, size) and its body; an access-allowed or
 * -denied ACE's body is the mask then the SID.
 */
#include "security.h"

#define ACE_FLAGS_VALID (OBJECT_INHERIT_ACE | CONTAINER_INHERIT_ACE | NO_PROPAGATE_INHERIT_ACE | \
                         INHERIT_ONLY_ACE | INHERITED_ACE | SUCCESSFUL_ACCESS_ACE_FLAG | FAILED_ACCESS_ACE_FLAG)

NTSTATUS NTAPI RtlCreateAcl(PACL acl, ULONG size, ULONG revision)
{
    if (size < sizeof(ACL)) return STATUS_BUFFER_TOO_SMALL;
    if (revision < MIN_ACL_REVISION || revision > MAX_ACL_REVISION || size > 0xffff)
        return STATUS_INVALID_PARAMETER;
    memset(acl, 0, sizeof(ACL));
    acl->AclRevision = revision;
    acl->AclSize = size & ~3;
    return STATUS_SUCCESS;
}

/* the end of the ACEs (where the next goes), or NULL if they overrun the ACL */
static BYTE *acl_end(const ACL *acl)
{
    BYTE *p = (BYTE *)(acl + 1), *limit = (BYTE *)acl + acl->AclSize;
    for (WORD i = 0; i < acl->AceCount; i++)
    {
        const ACE_HEADER *ace = (const ACE_HEADER *)p;
        if (p + sizeof(ACE_HEADER) > limit || ace->AceSize < sizeof(ACE_HEADER) || p + ace->AceSize > limit)
            return NULL;
        p += ace->AceSize;
    }
    return p;
}

BOOLEAN NTAPI RtlValidAcl(PACL acl)
{
    if (!acl || acl->AclRevision < MIN_ACL_REVISION || acl->AclRevision > MAX_ACL_REVISION) return FALSE;
    if (acl->AclSize < sizeof(ACL) || (acl->AclSize & 3)) return FALSE;
    return acl_end(acl) != NULL;
}

BOOLEAN NTAPI RtlFirstFreeAce(PACL acl, PACE_HEADER *ace)
{
    BYTE *end = acl_end(acl);
    *ace = NULL;
    if (!end) return FALSE;
    if (end < (BYTE *)acl + acl->AclSize) *ace = (PACE_HEADER)end;
    return TRUE;
}

NTSTATUS NTAPI RtlGetAce(PACL acl, ULONG index, PVOID *out)
{
    BYTE *p = (BYTE *)(acl + 1);
    if (!RtlValidAcl(acl) || index >= acl->AceCount) return STATUS_INVALID_PARAMETER;
    while (index--) p += ((ACE_HEADER *)p)->AceSize;
    *out = p;
    return STATUS_SUCCESS;
}

/* inserts `len` bytes of ACEs (`count` of them) before ACE `index`
   (MAXULONG: at the end) */
static NTSTATUS insert_aces(PACL acl, ULONG index, const void *aces, ULONG len, WORD count)
{
    BYTE *end = acl_end(acl), *at = (BYTE *)(acl + 1);
    if (!end) return STATUS_INVALID_ACL;
    if (end + len > (BYTE *)acl + acl->AclSize) return STATUS_ALLOTTED_SPACE_EXCEEDED;
    for (ULONG i = 0; i < index && i < acl->AceCount; i++) at += ((ACE_HEADER *)at)->AceSize;
    memmove(at + len, at, end - at);
    memcpy(at, aces, len);
    acl->AceCount += count;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlAddAce(PACL acl, ULONG revision, ULONG index, PVOID list, ULONG len)
{
    const BYTE *p = list, *end = p + len;
    WORD count = 0;

    if (!RtlValidAcl(acl)) return STATUS_INVALID_PARAMETER;
    for (; p < end; p += ((const ACE_HEADER *)p)->AceSize, count++)
        if (((const ACE_HEADER *)p)->AceSize < sizeof(ACE_HEADER)) return STATUS_INVALID_PARAMETER;
    if (p != end) return STATUS_INVALID_PARAMETER;
    if (revision > acl->AclRevision) acl->AclRevision = revision;
    return insert_aces(acl, index, list, len, count);
}

NTSTATUS NTAPI RtlDeleteAce(PACL acl, ULONG index)
{
    BYTE *ace, *end;
    NTSTATUS status = RtlGetAce(acl, index, (void **)&ace);
    if (status) return status;
    end = acl_end(acl);
    WORD size = ((ACE_HEADER *)ace)->AceSize;
    memmove(ace, ace + size, end - ace - size);
    acl->AceCount--;
    return STATUS_SUCCESS;
}

/* appends an ACE of the ACCESS_ALLOWED_ACE shape (mask then SID) */
static NTSTATUS add_mask_ace(PACL acl, ULONG revision, ULONG flags, ACCESS_MASK mask, PSID sid, BYTE type)
{
    BYTE buf[sizeof(ACCESS_ALLOWED_ACE) + SECURITY_MAX_SID_SIZE];
    ACCESS_ALLOWED_ACE *ace = (ACCESS_ALLOWED_ACE *)buf;
    ULONG sid_len;

    if (!RtlValidSid(sid)) return STATUS_INVALID_SID;
    if (!acl || !RtlValidAcl(acl)) return STATUS_INVALID_ACL;
    if (revision < MIN_ACL_REVISION || revision > MAX_ACL_REVISION) return STATUS_REVISION_MISMATCH;
    if (flags & ~ACE_FLAGS_VALID) return STATUS_INVALID_PARAMETER;
    sid_len = RtlLengthSid(sid);
    ace->Header.AceType = type;
    ace->Header.AceFlags = flags;
    ace->Header.AceSize = FIELD_OFFSET(ACCESS_ALLOWED_ACE, SidStart) + sid_len;
    ace->Mask = mask;
    memcpy(&ace->SidStart, sid, sid_len);
    if (revision > acl->AclRevision) acl->AclRevision = revision;
    return insert_aces(acl, ~0u, ace, ace->Header.AceSize, 1);
}

NTSTATUS NTAPI RtlAddAccessAllowedAceEx(PACL acl, ULONG revision, ULONG flags, ACCESS_MASK mask, PSID sid)
{
    return add_mask_ace(acl, revision, flags, mask, sid, ACCESS_ALLOWED_ACE_TYPE);
}

NTSTATUS NTAPI RtlAddAccessAllowedAce(PACL acl, ULONG revision, ACCESS_MASK mask, PSID sid)
{
    return add_mask_ace(acl, revision, 0, mask, sid, ACCESS_ALLOWED_ACE_TYPE);
}

NTSTATUS NTAPI RtlAddAccessDeniedAceEx(PACL acl, ULONG revision, ULONG flags, ACCESS_MASK mask, PSID sid)
{
    return add_mask_ace(acl, revision, flags, mask, sid, ACCESS_DENIED_ACE_TYPE);
}

NTSTATUS NTAPI RtlAddAccessDeniedAce(PACL acl, ULONG revision, ACCESS_MASK mask, PSID sid)
{
    return add_mask_ace(acl, revision, 0, mask, sid, ACCESS_DENIED_ACE_TYPE);
}

NTSTATUS NTAPI RtlAddMandatoryAce(PACL acl, ULONG revision, ULONG flags, ULONG policy, ULONG type, PSID sid)
{
    if (type != SYSTEM_MANDATORY_LABEL_ACE_TYPE) return STATUS_INVALID_PARAMETER;
    return add_mask_ace(acl, revision, flags, policy, sid, SYSTEM_MANDATORY_LABEL_ACE_TYPE);
}

NTSTATUS NTAPI RtlQueryInformationAcl(PACL acl, PVOID info, ULONG len, ACL_INFORMATION_CLASS cls)
{
    BYTE *end;

    switch (cls)
    {
    case AclRevisionInformation:
        if (len < sizeof(ACL_REVISION_INFORMATION)) return STATUS_INVALID_PARAMETER;
        ((ACL_REVISION_INFORMATION *)info)->AclRevision = acl->AclRevision;
        return STATUS_SUCCESS;
    case AclSizeInformation:
    {
        ACL_SIZE_INFORMATION *size = info;
        if (len < sizeof(*size)) return STATUS_INVALID_PARAMETER;
        if (!(end = acl_end(acl))) return STATUS_INVALID_PARAMETER;
        size->AceCount = acl->AceCount;
        size->AclBytesInUse = end - (BYTE *)acl;
        size->AclBytesFree = acl->AclSize - size->AclBytesInUse;
        return STATUS_SUCCESS;
    }
    default:
        return STATUS_INVALID_PARAMETER;
    }
}
