/*
 * dlls/advapi32/filesec.c — the security of files and other objects:
 * GetFileSecurity/SetFileSecurity, Get/SetNamedSecurityInfo and
 * Get/SetSecurityInfo (and the descriptor objsec.c gives kernel objects).
 *
 * Linux keeps no Windows descriptors, so one is synthesized: the owner and
 * primary group are the user (wlx/user.h), the DACL gives the user,
 * Administrators and SYSTEM full access. Setting a descriptor succeeds and
 * changes nothing (documented in doc/security.md).
 */
#include "secpriv.h"
#include <aclapi.h>

/* the well-known SIDs the synthesized DACL names */
static void small_sid(SID *sid, BYTE authority, BYTE count, DWORD a, DWORD b)
{
    SID_IDENTIFIER_AUTHORITY auth = { { 0, 0, 0, 0, 0, authority } };
    InitializeSid(sid, &auth, count);
    sid->SubAuthority[0] = a;
    if (count > 1) sid->SubAuthority[1] = b;
}

PSECURITY_DESCRIPTOR sec_object_descriptor(SECURITY_INFORMATION info, ACCESS_MASK rights, DWORD *len)
{
    BYTE user[SECURITY_MAX_SID_SIZE], admins[SECURITY_MAX_SID_SIZE], system[SECURITY_MAX_SID_SIZE];
    BYTE acl_buf[sizeof(ACL) + 3 * (sizeof(ACCESS_ALLOWED_ACE) + SECURITY_MAX_SID_SIZE)];
    SECURITY_DESCRIPTOR sd;
    PSECURITY_DESCRIPTOR rel;
    ACL *acl = (ACL *)acl_buf;

    sec_user_sid((SID *)user);
    small_sid((SID *)admins, 5, 2, SECURITY_BUILTIN_DOMAIN_RID, DOMAIN_ALIAS_RID_ADMINS);
    small_sid((SID *)system, 5, 1, SECURITY_LOCAL_SYSTEM_RID, 0);
    /* exactly the size of its ACEs: no free space in the descriptor */
    RtlCreateAcl(acl, sizeof(ACL) + 3 * FIELD_OFFSET(ACCESS_ALLOWED_ACE, SidStart) + RtlLengthSid(user) +
                 RtlLengthSid(admins) + RtlLengthSid(system), ACL_REVISION);
    RtlAddAccessAllowedAce(acl, ACL_REVISION, rights, user);
    RtlAddAccessAllowedAce(acl, ACL_REVISION, rights, admins);
    RtlAddAccessAllowedAce(acl, ACL_REVISION, rights, system);

    RtlCreateSecurityDescriptor(&sd, SECURITY_DESCRIPTOR_REVISION);
    if (info & OWNER_SECURITY_INFORMATION) RtlSetOwnerSecurityDescriptor(&sd, user, FALSE);
    if (info & GROUP_SECURITY_INFORMATION) RtlSetGroupSecurityDescriptor(&sd, user, FALSE);
    if (info & DACL_SECURITY_INFORMATION) RtlSetDaclSecurityDescriptor(&sd, TRUE, acl, FALSE);
    *len = 0;
    RtlAbsoluteToSelfRelativeSD(&sd, NULL, len);
    if (!(rel = LocalAlloc(LMEM_FIXED, *len))) return NULL;
    RtlAbsoluteToSelfRelativeSD(&sd, rel, len);
    return rel;
}

/* the object exists: a file or folder by name; 0 or a Win32 error */
static DWORD check_file(const WCHAR *name)
{
    if (!name) return ERROR_INVALID_PARAMETER;
    if (GetFileAttributesW(name) == INVALID_FILE_ATTRIBUTES) return GetLastError();
    return 0;
}

/* --- GetFileSecurity / SetFileSecurity ---------------------------------------- */

BOOL WINAPI GetFileSecurityW(LPCWSTR name, SECURITY_INFORMATION info, PSECURITY_DESCRIPTOR buf, DWORD len,
                             LPDWORD needed)
{
    PSECURITY_DESCRIPTOR sd;
    DWORD err = check_file(name), size;

    if (err) { SetLastError(err); return FALSE; }
    if (!needed) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!(sd = sec_file_descriptor(info, &size))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    *needed = size;
    if (len < size || !buf) err = ERROR_INSUFFICIENT_BUFFER;
    else memcpy(buf, sd, size);
    LocalFree(sd);
    if (err) { SetLastError(err); return FALSE; }
    return TRUE;
}

BOOL WINAPI GetFileSecurityA(LPCSTR name, SECURITY_INFORMATION info, PSECURITY_DESCRIPTOR buf, DWORD len,
                             LPDWORD needed)
{
    WCHAR *nameW = sec_strdup_aw(name);
    BOOL ret = (nameW || !name) && GetFileSecurityW(nameW, info, buf, len, needed);
    sec_free(nameW);
    return ret;
}

BOOL WINAPI SetFileSecurityW(LPCWSTR name, SECURITY_INFORMATION info, PSECURITY_DESCRIPTOR sd)
{
    DWORD err = check_file(name);

    (void)info;
    if (!err && !sd) err = ERROR_INVALID_PARAMETER;
    if (!err && !IsValidSecurityDescriptor(sd)) err = ERROR_INVALID_SECURITY_DESCR;
    if (err) { SetLastError(err); return FALSE; }
    return TRUE;
}

BOOL WINAPI SetFileSecurityA(LPCSTR name, SECURITY_INFORMATION info, PSECURITY_DESCRIPTOR sd)
{
    WCHAR *nameW = sec_strdup_aw(name);
    BOOL ret = (nameW || !name) && SetFileSecurityW(nameW, info, sd);
    sec_free(nameW);
    return ret;
}

/* --- Get/SetNamedSecurityInfo, Get/SetSecurityInfo ------------------------------- */

/* the parts asked for point into the descriptor, which the caller frees
   with LocalFree */
static DWORD give_descriptor(SECURITY_INFORMATION info, PSID *owner, PSID *group, PACL *dacl, PACL *sacl,
                             PSECURITY_DESCRIPTOR *out)
{
    PSECURITY_DESCRIPTOR sd;
    BOOL present, defaulted;
    DWORD len;

    if (!out && (owner || group || dacl || sacl)) return ERROR_INVALID_PARAMETER;
    if (!(sd = sec_file_descriptor(info, &len))) return ERROR_NOT_ENOUGH_MEMORY;
    if (owner) GetSecurityDescriptorOwner(sd, owner, &defaulted);
    if (group) GetSecurityDescriptorGroup(sd, group, &defaulted);
    if (dacl) { *dacl = NULL; GetSecurityDescriptorDacl(sd, &present, dacl, &defaulted); }
    if (sacl) *sacl = NULL;
    if (out) *out = sd;
    else LocalFree(sd);
    return ERROR_SUCCESS;
}

DWORD WINAPI GetNamedSecurityInfoW(LPCWSTR name, SE_OBJECT_TYPE type, SECURITY_INFORMATION info, PSID *owner,
                                   PSID *group, PACL *dacl, PACL *sacl, PSECURITY_DESCRIPTOR *sd)
{
    DWORD err;
    if (!name) return ERROR_INVALID_PARAMETER;
    if (type == SE_FILE_OBJECT && (err = check_file(name))) return err;
    return give_descriptor(info, owner, group, dacl, sacl, sd);
}

DWORD WINAPI GetNamedSecurityInfoA(LPCSTR name, SE_OBJECT_TYPE type, SECURITY_INFORMATION info, PSID *owner,
                                   PSID *group, PACL *dacl, PACL *sacl, PSECURITY_DESCRIPTOR *sd)
{
    WCHAR *nameW = sec_strdup_aw(name);
    DWORD err = name && !nameW ? ERROR_NOT_ENOUGH_MEMORY
                               : GetNamedSecurityInfoW(nameW, type, info, owner, group, dacl, sacl, sd);
    sec_free(nameW);
    return err;
}

DWORD WINAPI GetSecurityInfo(HANDLE handle, SE_OBJECT_TYPE type, SECURITY_INFORMATION info, PSID *owner,
                             PSID *group, PACL *dacl, PACL *sacl, PSECURITY_DESCRIPTOR *sd)
{
    (void)type;
    if (!handle || handle == INVALID_HANDLE_VALUE) return ERROR_INVALID_HANDLE;
    return give_descriptor(info, owner, group, dacl, sacl, sd);
}

DWORD WINAPI SetNamedSecurityInfoW(LPWSTR name, SE_OBJECT_TYPE type, SECURITY_INFORMATION info, PSID owner,
                                   PSID group, PACL dacl, PACL sacl)
{
    (void)info; (void)owner; (void)group; (void)dacl; (void)sacl;
    if (!name) return ERROR_INVALID_PARAMETER;
    return type == SE_FILE_OBJECT ? check_file(name) : ERROR_SUCCESS;
}

DWORD WINAPI SetNamedSecurityInfoA(LPSTR name, SE_OBJECT_TYPE type, SECURITY_INFORMATION info, PSID owner,
                                   PSID group, PACL dacl, PACL sacl)
{
    WCHAR *nameW = sec_strdup_aw(name);
    DWORD err = name && !nameW ? ERROR_NOT_ENOUGH_MEMORY
                               : SetNamedSecurityInfoW(nameW, type, info, owner, group, dacl, sacl);
    sec_free(nameW);
    return err;
}

DWORD WINAPI SetSecurityInfo(HANDLE handle, SE_OBJECT_TYPE type, SECURITY_INFORMATION info, PSID owner,
                             PSID group, PACL dacl, PACL sacl)
{
    (void)type; (void)info; (void)owner; (void)group; (void)dacl; (void)sacl;
    if (!handle || handle == INVALID_HANDLE_VALUE) return ERROR_INVALID_HANDLE;
    return ERROR_SUCCESS;
}
