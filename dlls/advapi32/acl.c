/*
 * dlls/advapi32/acl.c — ACLs and security descriptors: the Win32 functions
 * over ntdll's Rtl*Acl, Rtl*Ace and Rtl*SecurityDescriptor (ntdll/acl.c,
 * ntdll/secdesc.c). Where the signatures match, advapi32.spec forwards.
 *
 * Sections: ACLs · security descriptors.
 */
#include "secpriv.h"

/* --- ACLs ------------------------------------------------------------------------ */

BOOL WINAPI InitializeAcl(PACL acl, DWORD size, DWORD revision)
{
    return sec_status(RtlCreateAcl(acl, size, revision));
}

BOOL WINAPI IsValidAcl(PACL acl)
{
    return RtlValidAcl(acl);
}

BOOL WINAPI AddAccessAllowedAce(PACL acl, DWORD revision, DWORD mask, PSID sid)
{
    return sec_status(RtlAddAccessAllowedAce(acl, revision, mask, sid));
}

BOOL WINAPI AddAccessAllowedAceEx(PACL acl, DWORD revision, DWORD flags, DWORD mask, PSID sid)
{
    return sec_status(RtlAddAccessAllowedAceEx(acl, revision, flags, mask, sid));
}

BOOL WINAPI AddAccessDeniedAce(PACL acl, DWORD revision, DWORD mask, PSID sid)
{
    return sec_status(RtlAddAccessDeniedAce(acl, revision, mask, sid));
}

BOOL WINAPI AddAccessDeniedAceEx(PACL acl, DWORD revision, DWORD flags, DWORD mask, PSID sid)
{
    return sec_status(RtlAddAccessDeniedAceEx(acl, revision, flags, mask, sid));
}

BOOL WINAPI AddAce(PACL acl, DWORD revision, DWORD index, LPVOID list, DWORD len)
{
    return sec_status(RtlAddAce(acl, revision, index, list, len));
}

BOOL WINAPI DeleteAce(PACL acl, DWORD index)
{
    return sec_status(RtlDeleteAce(acl, index));
}

BOOL WINAPI GetAce(PACL acl, DWORD index, LPVOID *ace)
{
    return sec_status(RtlGetAce(acl, index, ace));
}

BOOL WINAPI FindFirstFreeAce(PACL acl, LPVOID *ace)
{
    return RtlFirstFreeAce(acl, (PACE_HEADER *)ace);
}

BOOL WINAPI GetAclInformation(PACL acl, LPVOID info, DWORD len, ACL_INFORMATION_CLASS cls)
{
    return sec_status(RtlQueryInformationAcl(acl, info, len, cls));
}

/* --- security descriptors ----------------------------------------------------------- */

BOOL WINAPI InitializeSecurityDescriptor(PSECURITY_DESCRIPTOR sd, DWORD revision)
{
    return sec_status(RtlCreateSecurityDescriptor(sd, revision));
}

BOOL WINAPI IsValidSecurityDescriptor(PSECURITY_DESCRIPTOR sd)
{
    if (RtlValidSecurityDescriptor(sd)) return TRUE;
    SetLastError(ERROR_INVALID_SECURITY_DESCR);
    return FALSE;
}

DWORD WINAPI GetSecurityDescriptorLength(PSECURITY_DESCRIPTOR sd)
{
    return RtlLengthSecurityDescriptor(sd);
}

BOOL WINAPI SetSecurityDescriptorOwner(PSECURITY_DESCRIPTOR sd, PSID owner, BOOL defaulted)
{
    return sec_status(RtlSetOwnerSecurityDescriptor(sd, owner, defaulted));
}

BOOL WINAPI SetSecurityDescriptorGroup(PSECURITY_DESCRIPTOR sd, PSID group, BOOL defaulted)
{
    return sec_status(RtlSetGroupSecurityDescriptor(sd, group, defaulted));
}

BOOL WINAPI SetSecurityDescriptorDacl(PSECURITY_DESCRIPTOR sd, BOOL present, PACL dacl, BOOL defaulted)
{
    return sec_status(RtlSetDaclSecurityDescriptor(sd, present, dacl, defaulted));
}

BOOL WINAPI SetSecurityDescriptorSacl(PSECURITY_DESCRIPTOR sd, BOOL present, PACL sacl, BOOL defaulted)
{
    return sec_status(RtlSetSaclSecurityDescriptor(sd, present, sacl, defaulted));
}

/* the BOOLEAN outputs of ntdll widened into the caller's BOOLs */
typedef NTSTATUS (NTAPI *get_sid_fn)(PSECURITY_DESCRIPTOR, PSID *, PBOOLEAN);
typedef NTSTATUS (NTAPI *get_acl_fn)(PSECURITY_DESCRIPTOR, PBOOLEAN, PACL *, PBOOLEAN);

static BOOL get_sid_part(get_sid_fn get, PSECURITY_DESCRIPTOR sd, PSID *sid, LPBOOL defaulted)
{
    BOOLEAN d = FALSE;
    NTSTATUS status = get(sd, sid, &d);
    if (defaulted) *defaulted = d;
    return sec_status(status);
}

static BOOL get_acl_part(get_acl_fn get, PSECURITY_DESCRIPTOR sd, LPBOOL present, PACL *acl, LPBOOL defaulted)
{
    BOOLEAN p = FALSE, d = FALSE;
    NTSTATUS status;

    if (!present) return sec_status(STATUS_INVALID_PARAMETER);
    status = get(sd, &p, acl, &d);
    *present = p;
    if (p && defaulted) *defaulted = d;
    return sec_status(status);
}

BOOL WINAPI GetSecurityDescriptorOwner(PSECURITY_DESCRIPTOR sd, PSID *owner, LPBOOL defaulted)
{
    return get_sid_part(RtlGetOwnerSecurityDescriptor, sd, owner, defaulted);
}

BOOL WINAPI GetSecurityDescriptorGroup(PSECURITY_DESCRIPTOR sd, PSID *group, LPBOOL defaulted)
{
    return get_sid_part(RtlGetGroupSecurityDescriptor, sd, group, defaulted);
}

BOOL WINAPI GetSecurityDescriptorDacl(PSECURITY_DESCRIPTOR sd, LPBOOL present, PACL *dacl, LPBOOL defaulted)
{
    return get_acl_part(RtlGetDaclSecurityDescriptor, sd, present, dacl, defaulted);
}

BOOL WINAPI GetSecurityDescriptorSacl(PSECURITY_DESCRIPTOR sd, LPBOOL present, PACL *sacl, LPBOOL defaulted)
{
    return get_acl_part(RtlGetSaclSecurityDescriptor, sd, present, sacl, defaulted);
}

BOOL WINAPI GetSecurityDescriptorControl(PSECURITY_DESCRIPTOR sd, PSECURITY_DESCRIPTOR_CONTROL control,
                                         LPDWORD revision)
{
    return sec_status(RtlGetControlSecurityDescriptor(sd, control, revision));
}

BOOL WINAPI SetSecurityDescriptorControl(PSECURITY_DESCRIPTOR sd, SECURITY_DESCRIPTOR_CONTROL mask,
                                         SECURITY_DESCRIPTOR_CONTROL bits)
{
    return sec_status(RtlSetControlSecurityDescriptor(sd, mask, bits));
}

BOOL WINAPI MakeSelfRelativeSD(PSECURITY_DESCRIPTOR abs, PSECURITY_DESCRIPTOR rel, LPDWORD len)
{
    return sec_status(RtlMakeSelfRelativeSD(abs, rel, len));
}

BOOL WINAPI MakeAbsoluteSD(PSECURITY_DESCRIPTOR rel, PSECURITY_DESCRIPTOR abs, LPDWORD abs_size, PACL dacl,
                           LPDWORD dacl_size, PACL sacl, LPDWORD sacl_size, PSID owner, LPDWORD owner_size,
                           PSID group, LPDWORD group_size)
{
    return sec_status(RtlSelfRelativeToAbsoluteSD(rel, abs, abs_size, dacl, dacl_size, sacl, sacl_size,
                                                  owner, owner_size, group, group_size));
}
