/*
 * ntdll/security.h — declarations shared by ntdll's security files: SIDs
 * (sid.c), ACLs (acl.c), security descriptors (secdesc.c) and the
 * synthesized token (security.c). The NT status codes and Rtl prototypes
 * mingw-w64's headers lack are here.
 */
#ifndef WLX_NTDLL_SECURITY_H
#define WLX_NTDLL_SECURITY_H

#include <string.h>
#include "private.h"
#include "wlx/token.h"
#include "wlx/user.h"

#ifndef STATUS_INVALID_SID
#define STATUS_INVALID_SID              ((NTSTATUS)0xC0000078)
#endif
#ifndef STATUS_INVALID_ACL
#define STATUS_INVALID_ACL              ((NTSTATUS)0xC0000077)
#endif
#ifndef STATUS_INVALID_SECURITY_DESCR
#define STATUS_INVALID_SECURITY_DESCR   ((NTSTATUS)0xC0000079)
#endif
#ifndef STATUS_UNKNOWN_REVISION
#define STATUS_UNKNOWN_REVISION         ((NTSTATUS)0xC0000058)
#endif
#ifndef STATUS_ALLOTTED_SPACE_EXCEEDED
#define STATUS_ALLOTTED_SPACE_EXCEEDED  ((NTSTATUS)0xC0000099)
#endif
#ifndef STATUS_BAD_DESCRIPTOR_FORMAT
#define STATUS_BAD_DESCRIPTOR_FORMAT    ((NTSTATUS)0xC00000E7)
#endif
#ifndef STATUS_NOT_ALL_ASSIGNED
#define STATUS_NOT_ALL_ASSIGNED         ((NTSTATUS)0x00000106)
#endif
#ifndef SE_DACL_UNTRUSTED
#define SE_DACL_UNTRUSTED  0x0040
#define SE_SERVER_SECURITY 0x0080
#endif
#ifndef STATUS_NO_TOKEN
#define STATUS_NO_TOKEN                 ((NTSTATUS)0xC000007C)
#endif

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

/* private syscalls (ntdll/unix/token.c) */
NTSTATUS NTAPI __wlx_token_info(HANDLE token, ULONG need, struct wlx_token_info *info);
NTSTATUS NTAPI __wlx_token_adjust(HANDLE token, UINT64 enable, UINT64 disable, UINT64 *previous);
NTSTATUS NTAPI __wlx_set_thread_token(HANDLE token);
NTSTATUS NTAPI __wlx_token_deny(HANDLE token, UINT32 mask);
NTSTATUS NTAPI NtOpenProcessToken(HANDLE, ACCESS_MASK, HANDLE *);
NTSTATUS NTAPI NtOpenThreadToken(HANDLE, ACCESS_MASK, BOOLEAN, HANDLE *);
NTSTATUS NTAPI NtDuplicateToken(HANDLE, ACCESS_MASK, OBJECT_ATTRIBUTES *, BOOLEAN, TOKEN_TYPE, HANDLE *);

/* SIDs (sid.c) */
BOOLEAN NTAPI RtlValidSid(PSID sid);
ULONG NTAPI RtlLengthSid(PSID sid);
ULONG NTAPI RtlLengthRequiredSid(ULONG count);
NTSTATUS NTAPI RtlCopySid(ULONG len, PSID dst, PSID src);
BOOLEAN NTAPI RtlEqualSid(PSID a, PSID b);
/* writes a SID with the given authority and sub-authorities at `sid` */
void sid_build(SID *sid, BYTE authority, BYTE count, const DWORD *subs);

/* security descriptors (secdesc.c) */
BOOLEAN NTAPI RtlValidSecurityDescriptor(PSECURITY_DESCRIPTOR sd);
NTSTATUS NTAPI RtlGetOwnerSecurityDescriptor(PSECURITY_DESCRIPTOR sd, PSID *owner, PBOOLEAN defaulted);
NTSTATUS NTAPI RtlGetGroupSecurityDescriptor(PSECURITY_DESCRIPTOR sd, PSID *group, PBOOLEAN defaulted);
NTSTATUS NTAPI RtlGetDaclSecurityDescriptor(PSECURITY_DESCRIPTOR sd, PBOOLEAN present, PACL *dacl,
                                            PBOOLEAN defaulted);

/* ACLs (acl.c) */
BOOLEAN NTAPI RtlValidAcl(PACL acl);
NTSTATUS NTAPI RtlCreateAcl(PACL acl, ULONG size, ULONG revision);
NTSTATUS NTAPI RtlAddAccessAllowedAce(PACL acl, ULONG revision, ACCESS_MASK mask, PSID sid);

#endif
