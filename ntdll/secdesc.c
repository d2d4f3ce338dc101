/*
 * ntdll/secdesc.c — security descriptors: creating and checking them,
 * their owner, group, DACL, SACL and control bits, their length, and the
 * conversions between the absolute form (pointers) and the self-relative
 * form (offsets in one block), the Rtl*SecurityDescriptor functions.
 */
#include "security.h"

#define SD_IS_RELATIVE(sd) ((sd)->Control & SE_SELF_RELATIVE)

/* a component of either form: `abs` the absolute field, `off` the
   self-relative offset */
static void *sd_part(const SECURITY_DESCRIPTOR *sd, void *abs, DWORD off)
{
    if (!SD_IS_RELATIVE(sd)) return abs;
    return off ? (BYTE *)sd + off : NULL;
}

static PSID sd_owner(const SECURITY_DESCRIPTOR *sd)
{
    return sd_part(sd, sd->Owner, ((const SECURITY_DESCRIPTOR_RELATIVE *)sd)->Owner);
}

static PSID sd_group(const SECURITY_DESCRIPTOR *sd)
{
    return sd_part(sd, sd->Group, ((const SECURITY_DESCRIPTOR_RELATIVE *)sd)->Group);
}

static PACL sd_dacl(const SECURITY_DESCRIPTOR *sd)
{
    if (!(sd->Control & SE_DACL_PRESENT)) return NULL;
    return sd_part(sd, sd->Dacl, ((const SECURITY_DESCRIPTOR_RELATIVE *)sd)->Dacl);
}

static PACL sd_sacl(const SECURITY_DESCRIPTOR *sd)
{
    if (!(sd->Control & SE_SACL_PRESENT)) return NULL;
    return sd_part(sd, sd->Sacl, ((const SECURITY_DESCRIPTOR_RELATIVE *)sd)->Sacl);
}

/* the checks every Set function makes: revision 1, absolute form */
static NTSTATUS sd_check_settable(const SECURITY_DESCRIPTOR *sd)
{
    if (sd->Revision != SECURITY_DESCRIPTOR_REVISION) return STATUS_UNKNOWN_REVISION;
    if (SD_IS_RELATIVE(sd)) return STATUS_INVALID_SECURITY_DESCR;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlCreateSecurityDescriptor(PSECURITY_DESCRIPTOR sd, ULONG revision)
{
    if (revision != SECURITY_DESCRIPTOR_REVISION) return STATUS_UNKNOWN_REVISION;
    memset(sd, 0, sizeof(SECURITY_DESCRIPTOR));
    ((SECURITY_DESCRIPTOR *)sd)->Revision = SECURITY_DESCRIPTOR_REVISION;
    return STATUS_SUCCESS;
}

BOOLEAN NTAPI RtlValidSecurityDescriptor(PSECURITY_DESCRIPTOR psd)
{
    const SECURITY_DESCRIPTOR *sd = psd;
    PSID owner, group;
    PACL dacl, sacl;

    if (!sd || sd->Revision != SECURITY_DESCRIPTOR_REVISION) return FALSE;
    if ((owner = sd_owner(sd)) && !RtlValidSid(owner)) return FALSE;
    if ((group = sd_group(sd)) && !RtlValidSid(group)) return FALSE;
    if ((dacl = sd_dacl(sd)) && !RtlValidAcl(dacl)) return FALSE;
    if ((sacl = sd_sacl(sd)) && !RtlValidAcl(sacl)) return FALSE;
    return TRUE;
}

ULONG NTAPI RtlLengthSecurityDescriptor(PSECURITY_DESCRIPTOR psd)
{
    const SECURITY_DESCRIPTOR *sd = psd;
    ULONG len;
    PACL acl;

    if (!sd) return 0;
    len = SD_IS_RELATIVE(sd) ? sizeof(SECURITY_DESCRIPTOR_RELATIVE) : sizeof(SECURITY_DESCRIPTOR);
    if (sd_owner(sd)) len += RtlLengthSid(sd_owner(sd));
    if (sd_group(sd)) len += RtlLengthSid(sd_group(sd));
    if ((acl = sd_dacl(sd))) len += acl->AclSize;
    if ((acl = sd_sacl(sd))) len += acl->AclSize;
    return len;
}

/* --- owner, group, DACL, SACL, control ------------------------------------ */

/* a part (owner, group, ACL) and its defaulted bit */
static NTSTATUS set_part(SECURITY_DESCRIPTOR *sd, void **field, WORD defaulted_bit, void *value, BOOLEAN defaulted)
{
    NTSTATUS status = sd_check_settable(sd);
    if (status) return status;
    *field = value;
    sd->Control = defaulted ? sd->Control | defaulted_bit : sd->Control & ~defaulted_bit;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlSetOwnerSecurityDescriptor(PSECURITY_DESCRIPTOR psd, PSID owner, BOOLEAN defaulted)
{
    SECURITY_DESCRIPTOR *sd = psd;
    return set_part(sd, &sd->Owner, SE_OWNER_DEFAULTED, owner, defaulted);
}

NTSTATUS NTAPI RtlSetGroupSecurityDescriptor(PSECURITY_DESCRIPTOR psd, PSID group, BOOLEAN defaulted)
{
    SECURITY_DESCRIPTOR *sd = psd;
    return set_part(sd, &sd->Group, SE_GROUP_DEFAULTED, group, defaulted);
}

/* DACL and SACL: `present` FALSE clears the present bit and ignores the rest */
static NTSTATUS set_acl(SECURITY_DESCRIPTOR *sd, PACL *field, WORD present_bit, WORD defaulted_bit,
                        BOOLEAN present, PACL acl, BOOLEAN defaulted)
{
    NTSTATUS status = sd_check_settable(sd);
    if (status) return status;
    if (!present)
    {
        sd->Control &= ~present_bit;
        return STATUS_SUCCESS;
    }
    sd->Control |= present_bit;
    return set_part(sd, (void **)field, defaulted_bit, acl, defaulted);
}

NTSTATUS NTAPI RtlSetDaclSecurityDescriptor(PSECURITY_DESCRIPTOR psd, BOOLEAN present, PACL dacl, BOOLEAN defaulted)
{
    SECURITY_DESCRIPTOR *sd = psd;
    return set_acl(sd, &sd->Dacl, SE_DACL_PRESENT, SE_DACL_DEFAULTED, present, dacl, defaulted);
}

NTSTATUS NTAPI RtlSetSaclSecurityDescriptor(PSECURITY_DESCRIPTOR psd, BOOLEAN present, PACL sacl, BOOLEAN defaulted)
{
    SECURITY_DESCRIPTOR *sd = psd;
    return set_acl(sd, &sd->Sacl, SE_SACL_PRESENT, SE_SACL_DEFAULTED, present, sacl, defaulted);
}

NTSTATUS NTAPI RtlGetOwnerSecurityDescriptor(PSECURITY_DESCRIPTOR psd, PSID *owner, PBOOLEAN defaulted)
{
    const SECURITY_DESCRIPTOR *sd = psd;
    if (!sd || !owner || !defaulted) return STATUS_INVALID_PARAMETER;
    if (sd->Revision != SECURITY_DESCRIPTOR_REVISION) return STATUS_UNKNOWN_REVISION;
    *owner = sd_owner(sd);
    *defaulted = !!(sd->Control & SE_OWNER_DEFAULTED);
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlGetGroupSecurityDescriptor(PSECURITY_DESCRIPTOR psd, PSID *group, PBOOLEAN defaulted)
{
    const SECURITY_DESCRIPTOR *sd = psd;
    if (!sd || !group || !defaulted) return STATUS_INVALID_PARAMETER;
    if (sd->Revision != SECURITY_DESCRIPTOR_REVISION) return STATUS_UNKNOWN_REVISION;
    *group = sd_group(sd);
    *defaulted = !!(sd->Control & SE_GROUP_DEFAULTED);
    return STATUS_SUCCESS;
}

/* the ACL is written (and `defaulted`) only when present, as on Windows */
static NTSTATUS get_acl(const SECURITY_DESCRIPTOR *sd, PACL acl, WORD present_bit, WORD defaulted_bit,
                        PBOOLEAN present, PACL *out, PBOOLEAN defaulted)
{
    if (!sd || !present) return STATUS_INVALID_PARAMETER;
    if (sd->Revision != SECURITY_DESCRIPTOR_REVISION) return STATUS_UNKNOWN_REVISION;
    *present = !!(sd->Control & present_bit);
    if (*present)
    {
        if (out) *out = acl;
        if (defaulted) *defaulted = !!(sd->Control & defaulted_bit);
    }
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlGetDaclSecurityDescriptor(PSECURITY_DESCRIPTOR psd, PBOOLEAN present, PACL *dacl,
                                            PBOOLEAN defaulted)
{
    const SECURITY_DESCRIPTOR *sd = psd;
    return get_acl(sd, sd ? sd_dacl(sd) : NULL, SE_DACL_PRESENT, SE_DACL_DEFAULTED, present, dacl, defaulted);
}

NTSTATUS NTAPI RtlGetSaclSecurityDescriptor(PSECURITY_DESCRIPTOR psd, PBOOLEAN present, PACL *sacl,
                                            PBOOLEAN defaulted)
{
    const SECURITY_DESCRIPTOR *sd = psd;
    return get_acl(sd, sd ? sd_sacl(sd) : NULL, SE_SACL_PRESENT, SE_SACL_DEFAULTED, present, sacl, defaulted);
}

NTSTATUS NTAPI RtlGetControlSecurityDescriptor(PSECURITY_DESCRIPTOR psd, PSECURITY_DESCRIPTOR_CONTROL control,
                                               PULONG revision)
{
    const SECURITY_DESCRIPTOR *sd = psd;
    if (!sd || !control || !revision) return STATUS_INVALID_PARAMETER;
    *revision = sd->Revision;
    *control = sd->Control;
    if (sd->Revision != SECURITY_DESCRIPTOR_REVISION) return STATUS_UNKNOWN_REVISION;
    return STATUS_SUCCESS;
}

/* only the inheritance and protection bits may be set by a program */
#define SD_CONTROL_SETTABLE (SE_DACL_UNTRUSTED | SE_SERVER_SECURITY | SE_DACL_AUTO_INHERIT_REQ | \
                             SE_SACL_AUTO_INHERIT_REQ | SE_DACL_AUTO_INHERITED | SE_SACL_AUTO_INHERITED | \
                             SE_DACL_PROTECTED | SE_SACL_PROTECTED | SE_RM_CONTROL_VALID)

NTSTATUS NTAPI RtlSetControlSecurityDescriptor(PSECURITY_DESCRIPTOR psd, SECURITY_DESCRIPTOR_CONTROL mask,
                                               SECURITY_DESCRIPTOR_CONTROL bits)
{
    SECURITY_DESCRIPTOR *sd = psd;
    if ((mask | bits) & ~SD_CONTROL_SETTABLE) return STATUS_INVALID_PARAMETER;
    if (sd->Revision != SECURITY_DESCRIPTOR_REVISION) return STATUS_UNKNOWN_REVISION;
    sd->Control = (sd->Control & ~mask) | (bits & mask);
    return STATUS_SUCCESS;
}

/* --- absolute <-> self-relative -------------------------------------------- */

/* copies `len` bytes of `part` at *pos in the block `base`, returns its offset */
static DWORD put_part(BYTE *base, ULONG *pos, const void *part, ULONG len)
{
    DWORD off;
    if (!part) return 0;
    off = *pos;
    memcpy(base + off, part, len);
    *pos += len;
    return off;
}

static NTSTATUS make_relative(const SECURITY_DESCRIPTOR *abs, SECURITY_DESCRIPTOR_RELATIVE *rel, ULONG *len)
{
    PSID owner = sd_owner(abs), group = sd_group(abs);
    PACL dacl = sd_dacl(abs), sacl = sd_sacl(abs);
    ULONG need = sizeof(*rel), pos = sizeof(*rel);

    if (owner) need += RtlLengthSid(owner);
    if (group) need += RtlLengthSid(group);
    if (dacl) need += dacl->AclSize;
    if (sacl) need += sacl->AclSize;
    if (*len < need || !rel)
    {
        *len = need;
        return STATUS_BUFFER_TOO_SMALL;
    }
    rel->Revision = abs->Revision;
    rel->Sbz1 = abs->Sbz1;
    rel->Control = abs->Control | SE_SELF_RELATIVE;
    /* Windows' order: SACL, DACL, owner, group */
    rel->Sacl = put_part((BYTE *)rel, &pos, sacl, sacl ? sacl->AclSize : 0);
    rel->Dacl = put_part((BYTE *)rel, &pos, dacl, dacl ? dacl->AclSize : 0);
    rel->Owner = put_part((BYTE *)rel, &pos, owner, owner ? RtlLengthSid(owner) : 0);
    rel->Group = put_part((BYTE *)rel, &pos, group, group ? RtlLengthSid(group) : 0);
    *len = need;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlAbsoluteToSelfRelativeSD(PSECURITY_DESCRIPTOR abs, PSECURITY_DESCRIPTOR rel, PULONG len)
{
    const SECURITY_DESCRIPTOR *sd = abs;
    if (!sd || !len) return STATUS_INVALID_PARAMETER;
    if (SD_IS_RELATIVE(sd)) return STATUS_BAD_DESCRIPTOR_FORMAT;
    return make_relative(sd, rel, len);
}

/* either form in: a relative one is copied */
NTSTATUS NTAPI RtlMakeSelfRelativeSD(PSECURITY_DESCRIPTOR abs, PSECURITY_DESCRIPTOR rel, PULONG len)
{
    const SECURITY_DESCRIPTOR *sd = abs;
    if (!sd || !len) return STATUS_INVALID_PARAMETER;
    if (SD_IS_RELATIVE(sd))
    {
        ULONG need = RtlLengthSecurityDescriptor(abs);
        if (*len < need || !rel) { *len = need; return STATUS_BUFFER_TOO_SMALL; }
        memcpy(rel, abs, need);
        *len = need;
        return STATUS_SUCCESS;
    }
    return make_relative(sd, rel, len);
}

/* one part of RtlSelfRelativeToAbsoluteSD: checks room, copies if all fit */
struct abs_part { const void *src; ULONG len; void *dst; ULONG *size; };

NTSTATUS NTAPI RtlSelfRelativeToAbsoluteSD(PSECURITY_DESCRIPTOR rel, PSECURITY_DESCRIPTOR abs, PULONG abs_size,
                                           PACL dacl, PULONG dacl_size, PACL sacl, PULONG sacl_size,
                                           PSID owner, PULONG owner_size, PSID group, PULONG group_size)
{
    const SECURITY_DESCRIPTOR *src = rel;
    SECURITY_DESCRIPTOR *dst = abs;
    PSID src_owner, src_group;
    PACL src_dacl, src_sacl;
    BOOL too_small = FALSE;

    if (!src || !abs_size || !dacl_size || !sacl_size || !owner_size || !group_size)
        return STATUS_INVALID_PARAMETER;
    if (!SD_IS_RELATIVE(src)) return STATUS_BAD_DESCRIPTOR_FORMAT;
    src_owner = sd_owner(src); src_group = sd_group(src);
    src_dacl = sd_dacl(src); src_sacl = sd_sacl(src);
    struct abs_part parts[] = {
        { src_dacl, src_dacl ? src_dacl->AclSize : 0, dacl, dacl_size },
        { src_sacl, src_sacl ? src_sacl->AclSize : 0, sacl, sacl_size },
        { src_owner, src_owner ? RtlLengthSid(src_owner) : 0, owner, owner_size },
        { src_group, src_group ? RtlLengthSid(src_group) : 0, group, group_size },
    };
    if (*abs_size < sizeof(SECURITY_DESCRIPTOR) || !dst) too_small = TRUE;
    for (int i = 0; i < 4; i++)
        if (*parts[i].size < parts[i].len || (parts[i].len && !parts[i].dst)) too_small = TRUE;
    if (too_small)
    {
        *abs_size = sizeof(SECURITY_DESCRIPTOR);
        for (int i = 0; i < 4; i++) *parts[i].size = parts[i].len;
        return STATUS_BUFFER_TOO_SMALL;
    }
    for (int i = 0; i < 4; i++) if (parts[i].len) memcpy(parts[i].dst, parts[i].src, parts[i].len);
    dst->Revision = src->Revision;
    dst->Sbz1 = src->Sbz1;
    dst->Control = src->Control & ~SE_SELF_RELATIVE;
    dst->Dacl = src_dacl ? dacl : NULL;
    dst->Sacl = src_sacl ? sacl : NULL;
    dst->Owner = src_owner ? owner : NULL;
    dst->Group = src_group ? group : NULL;
    return STATUS_SUCCESS;
}
