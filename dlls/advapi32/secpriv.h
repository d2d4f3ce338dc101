/*
 * dlls/advapi32/secpriv.h — private declarations of advapi32's security,
 * crypto and event-log sources (security.c, sid.c, account.c, acl.c,
 * sddl.c, filesec.c, objsec.c, crypt.c, eventlog.c, service.c, ...).
 */
#ifndef WLX_ADVAPI32_SECPRIV_H
#define WLX_ADVAPI32_SECPRIV_H

#define _ADVAPI32_
#include <windows.h>
#include <winternl.h>
#include <ntstatus.h>
#include <sddl.h>
#include <string.h>
#include "wlx/token.h"
#include "wlx/user.h"

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

/* ntdll's own (ntdll/security.c, ntdll/unix/token.c, ntdll/unix/random.c) */
NTSTATUS NTAPI __wlx_random(void *buf, SIZE_T size);
NTSTATUS NTAPI __wlx_user_name(WCHAR *buf, ULONG *size);
NTSTATUS NTAPI __wlx_set_thread_token(HANDLE token);
NTSTATUS NTAPI NtOpenProcessTokenEx(HANDLE, ACCESS_MASK, ULONG, HANDLE *);
NTSTATUS NTAPI NtOpenThreadTokenEx(HANDLE, ACCESS_MASK, BOOLEAN, ULONG, HANDLE *);
NTSTATUS NTAPI NtQueryInformationToken(HANDLE, TOKEN_INFORMATION_CLASS, PVOID, ULONG, PULONG);
NTSTATUS NTAPI NtSetInformationToken(HANDLE, TOKEN_INFORMATION_CLASS, PVOID, ULONG);
NTSTATUS NTAPI NtAdjustPrivilegesToken(HANDLE, BOOLEAN, PTOKEN_PRIVILEGES, DWORD, PTOKEN_PRIVILEGES, PDWORD);
NTSTATUS NTAPI NtDuplicateToken(HANDLE, ACCESS_MASK, OBJECT_ATTRIBUTES *, BOOLEAN, TOKEN_TYPE, HANDLE *);
NTSTATUS NTAPI NtFilterToken(HANDLE, ULONG, TOKEN_GROUPS *, TOKEN_PRIVILEGES *, TOKEN_GROUPS *, HANDLE *);
NTSTATUS NTAPI RtlImpersonateSelf(SECURITY_IMPERSONATION_LEVEL);
NTSTATUS NTAPI RtlCreateAcl(PACL, ULONG, ULONG);
NTSTATUS NTAPI RtlAddAccessAllowedAce(PACL, ULONG, ACCESS_MASK, PSID);
NTSTATUS NTAPI RtlAddAccessAllowedAceEx(PACL, ULONG, ULONG, ACCESS_MASK, PSID);
NTSTATUS NTAPI RtlAddAccessDeniedAceEx(PACL, ULONG, ULONG, ACCESS_MASK, PSID);
NTSTATUS NTAPI RtlCreateSecurityDescriptor(PSECURITY_DESCRIPTOR, ULONG);
NTSTATUS NTAPI RtlSetOwnerSecurityDescriptor(PSECURITY_DESCRIPTOR, PSID, BOOLEAN);
NTSTATUS NTAPI RtlSetGroupSecurityDescriptor(PSECURITY_DESCRIPTOR, PSID, BOOLEAN);
NTSTATUS NTAPI RtlSetDaclSecurityDescriptor(PSECURITY_DESCRIPTOR, BOOLEAN, PACL, BOOLEAN);
NTSTATUS NTAPI RtlSetSaclSecurityDescriptor(PSECURITY_DESCRIPTOR, BOOLEAN, PACL, BOOLEAN);
NTSTATUS NTAPI RtlGetOwnerSecurityDescriptor(PSECURITY_DESCRIPTOR, PSID *, PBOOLEAN);
NTSTATUS NTAPI RtlGetGroupSecurityDescriptor(PSECURITY_DESCRIPTOR, PSID *, PBOOLEAN);
NTSTATUS NTAPI RtlGetDaclSecurityDescriptor(PSECURITY_DESCRIPTOR, PBOOLEAN, PACL *, PBOOLEAN);
NTSTATUS NTAPI RtlGetSaclSecurityDescriptor(PSECURITY_DESCRIPTOR, PBOOLEAN, PACL *, PBOOLEAN);
NTSTATUS NTAPI RtlAbsoluteToSelfRelativeSD(PSECURITY_DESCRIPTOR, PSECURITY_DESCRIPTOR, PULONG);
ULONG NTAPI RtlLengthSecurityDescriptor(PSECURITY_DESCRIPTOR);
ULONG NTAPI RtlLengthSid(PSID);
BOOLEAN NTAPI RtlValidSid(PSID);
BOOLEAN NTAPI RtlEqualSid(PSID, PSID);
BOOLEAN NTAPI RtlEqualPrefixSid(PSID, PSID);
NTSTATUS NTAPI RtlInitializeSid(PSID, PSID_IDENTIFIER_AUTHORITY, BYTE);
NTSTATUS NTAPI RtlAllocateAndInitializeSid(PSID_IDENTIFIER_AUTHORITY, BYTE, DWORD, DWORD, DWORD, DWORD, DWORD,
                                           DWORD, DWORD, DWORD, PSID *);
BOOLEAN NTAPI RtlValidAcl(PACL);
NTSTATUS NTAPI RtlGetAce(PACL, ULONG, PVOID *);
NTSTATUS NTAPI RtlAddAce(PACL, ULONG, ULONG, PVOID, ULONG);
NTSTATUS NTAPI RtlDeleteAce(PACL, ULONG);
NTSTATUS NTAPI RtlAddAccessDeniedAce(PACL, ULONG, ACCESS_MASK, PSID);
NTSTATUS NTAPI RtlQueryInformationAcl(PACL, PVOID, ULONG, ACL_INFORMATION_CLASS);
BOOLEAN NTAPI RtlFirstFreeAce(PACL, PACE_HEADER *);
BOOLEAN NTAPI RtlValidSecurityDescriptor(PSECURITY_DESCRIPTOR);
NTSTATUS NTAPI RtlGetControlSecurityDescriptor(PSECURITY_DESCRIPTOR, PSECURITY_DESCRIPTOR_CONTROL, PULONG);
NTSTATUS NTAPI RtlSetControlSecurityDescriptor(PSECURITY_DESCRIPTOR, SECURITY_DESCRIPTOR_CONTROL,
                                               SECURITY_DESCRIPTOR_CONTROL);
NTSTATUS NTAPI RtlMakeSelfRelativeSD(PSECURITY_DESCRIPTOR, PSECURITY_DESCRIPTOR, PULONG);
NTSTATUS NTAPI RtlSelfRelativeToAbsoluteSD(PSECURITY_DESCRIPTOR, PSECURITY_DESCRIPTOR, PULONG, PACL, PULONG,
                                           PACL, PULONG, PSID, PULONG, PSID, PULONG);
NTSTATUS NTAPI RtlCopySid(ULONG, PSID, PSID);

/* the NTSTATUS of an ntdll call as the Win32 result: TRUE, or FALSE with
   the last error set */
static inline BOOL sec_status(NTSTATUS status)
{
    if (status) SetLastError(RtlNtStatusToDosError(status));
    return !status;
}

/* does a handle of ours (a heap object starting with a magic DWORD) carry
   `magic`; small values, which cannot be our pointers, do not */
static inline BOOL sec_is_object(const void *handle, DWORD magic)
{
    return (ULONG_PTR)handle >= 0x10000 && *(const DWORD *)handle == magic;
}

/* strings: a heap copy of an ANSI string in UTF-16 (NULL stays NULL;
   sec_strdup_aw sets ERROR_NOT_ENOUGH_MEMORY when it fails) */
WCHAR *sec_strdup_aw(const char *str);
void sec_free(void *ptr);
void *sec_alloc(SIZE_T size);

/* well-known SIDs and accounts (sid.c, account.c) */
void sec_user_sid(SID *sid);
BOOL sec_sid_from_string(const WCHAR *str, const WCHAR **end, SID *sid);   /* "S-1-..." or an alias */
/* a decimal (or 0x hex) number at *p, at most `max`; advances *p */
BOOL sec_parse_number(const WCHAR **p, ULONGLONG max, ULONGLONG *out);
/* the SDDL alias of a SID ("BA"), or NULL */
const WCHAR *sec_sid_alias(const SID *sid);
/* the string form of a SID into buf (at least 200 characters); its length */
DWORD sec_sid_to_string(const SID *sid, WCHAR *buf);

/* a self-relative descriptor for an object of ours: owner and group the
   user, a DACL giving the user, Administrators and SYSTEM `rights` (the
   object type's full access) (filesec.c); the parts `info` asks for.
   LocalAlloc'ed. */
PSECURITY_DESCRIPTOR sec_object_descriptor(SECURITY_INFORMATION info, ACCESS_MASK rights, DWORD *len);
static inline PSECURITY_DESCRIPTOR sec_file_descriptor(SECURITY_INFORMATION info, DWORD *len)
{
    return sec_object_descriptor(info, FILE_ALL_ACCESS, len);
}

#endif
