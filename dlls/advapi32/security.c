/*
 * dlls/advapi32/security.c — access tokens and privileges: opening,
 * querying, adjusting and duplicating tokens, impersonation, membership,
 * privilege checks, privilege names. Thin layers over ntdll
 * (ntdll/security.c).
 *
 * Sections: tokens · impersonation · membership and privilege checks ·
 * privileges by name · small helpers shared by advapi32's security files.
 */
#include "secpriv.h"

/* --- tokens ------------------------------------------------------------------ */

BOOL WINAPI OpenProcessToken(HANDLE process, DWORD access, PHANDLE token)
{
    return sec_status(NtOpenProcessTokenEx(process, access, 0, token));
}

BOOL WINAPI OpenThreadToken(HANDLE thread, DWORD access, BOOL as_self, PHANDLE token)
{
    return sec_status(NtOpenThreadTokenEx(thread, access, as_self, 0, token));
}

BOOL WINAPI GetTokenInformation(HANDLE token, TOKEN_INFORMATION_CLASS cls, LPVOID buf, DWORD len, PDWORD ret_len)
{
    return sec_status(NtQueryInformationToken(token, cls, buf, len, ret_len));
}

BOOL WINAPI SetTokenInformation(HANDLE token, TOKEN_INFORMATION_CLASS cls, LPVOID buf, DWORD len)
{
    return sec_status(NtSetInformationToken(token, cls, buf, len));
}

/* TRUE even when some privilege was not held: then the last error is
   ERROR_NOT_ALL_ASSIGNED, else ERROR_SUCCESS (documented) */
BOOL WINAPI AdjustTokenPrivileges(HANDLE token, BOOL disable_all, PTOKEN_PRIVILEGES new_state, DWORD len,
                                  PTOKEN_PRIVILEGES prev, PDWORD ret_len)
{
    NTSTATUS status = NtAdjustPrivilegesToken(token, disable_all, new_state, len, prev, ret_len);
    if (status == STATUS_NOT_ALL_ASSIGNED)
    {
        SetLastError(ERROR_NOT_ALL_ASSIGNED);
        return TRUE;
    }
    if (!status) SetLastError(ERROR_SUCCESS);
    return sec_status(status);
}

BOOL WINAPI DuplicateTokenEx(HANDLE token, DWORD access, LPSECURITY_ATTRIBUTES sa,
                             SECURITY_IMPERSONATION_LEVEL level, TOKEN_TYPE type, PHANDLE out)
{
    SECURITY_QUALITY_OF_SERVICE qos = { sizeof(qos), level, SECURITY_STATIC_TRACKING, FALSE };
    OBJECT_ATTRIBUTES attr = { sizeof(attr) };

    attr.Attributes = sa && sa->bInheritHandle ? OBJ_INHERIT : 0;
    attr.SecurityDescriptor = sa ? sa->lpSecurityDescriptor : NULL;
    attr.SecurityQualityOfService = &qos;
    return sec_status(NtDuplicateToken(token, access, &attr, FALSE, type, out));
}

/* A copy of the token (NtFilterToken) whose SIDs to disable are deny-only:
   PostgreSQL's initdb and pg_ctl drop Administrators and Power Users so,
   then start themselves again with it (CreateProcessAsUser), since
   postgres.exe refuses to run as an administrator. Privileges to delete
   and restricting SIDs are not kept (ntdll/security.c). */
BOOL WINAPI CreateRestrictedToken(HANDLE token, DWORD flags, DWORD ndisable, PSID_AND_ATTRIBUTES disable,
                                  DWORD ndelete, PLUID_AND_ATTRIBUTES privileges, DWORD nrestrict,
                                  PSID_AND_ATTRIBUTES restricting, PHANDLE out)
{
    TOKEN_GROUPS *groups = NULL;
    BOOL ret;

    (void)ndelete; (void)privileges; (void)nrestrict; (void)restricting;
    if (!out || (ndisable && !disable)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (ndisable)
    {
        if (!(groups = sec_alloc(FIELD_OFFSET(TOKEN_GROUPS, Groups[ndisable]))))
        {
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return FALSE;
        }
        groups->GroupCount = ndisable;
        memcpy(groups->Groups, disable, ndisable * sizeof(*disable));
    }
    ret = sec_status(NtFilterToken(token, flags, groups, NULL, NULL, out));
    sec_free(groups);
    return ret;
}

BOOL WINAPI DuplicateToken(HANDLE token, SECURITY_IMPERSONATION_LEVEL level, PHANDLE out)
{
    return DuplicateTokenEx(token, TOKEN_IMPERSONATE | TOKEN_QUERY, NULL, level, TokenImpersonation, out);
}

/* --- impersonation --------------------------------------------------------------- */

BOOL WINAPI ImpersonateSelf(SECURITY_IMPERSONATION_LEVEL level)
{
    return sec_status(RtlImpersonateSelf(level));
}

/* The thread impersonates as anonymous: here with a copy of the user's own
   token, as there is one user and no ANONYMOUS LOGON token; RevertToSelf
   ends it as any impersonation. Other threads: as SetThreadToken. */
BOOL WINAPI ImpersonateAnonymousToken(HANDLE thread)
{
    if (thread != GetCurrentThread() && GetThreadId(thread) != GetCurrentThreadId())
    {
        SetLastError(GetThreadId(thread) ? ERROR_NOT_SUPPORTED : ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return ImpersonateSelf(SecurityImpersonation);
}

BOOL WINAPI RevertToSelf(void)
{
    return sec_status(__wlx_set_thread_token(NULL));
}

/* the current thread only (NULL thread: the caller) */
BOOL WINAPI SetThreadToken(PHANDLE thread, HANDLE token)
{
    if (thread && *thread != GetCurrentThread())
    {
        SetLastError(ERROR_NOT_SUPPORTED);
        return FALSE;
    }
    return sec_status(__wlx_set_thread_token(token));
}

BOOL WINAPI ImpersonateLoggedOnUser(HANDLE token)
{
    HANDLE dup;
    BOOL ret;

    if (!DuplicateToken(token, SecurityImpersonation, &dup)) return FALSE;
    ret = SetThreadToken(NULL, dup);
    CloseHandle(dup);
    return ret;
}

/* --- membership and privilege checks ----------------------------------------------- */

/* is `sid` an enabled group (or the user) of `token`; a NULL token is the
   caller's effective token. An impersonation token is needed, as on Windows. */
BOOL WINAPI CheckTokenMembership(HANDLE token, PSID sid, PBOOL is_member)
{
    TOKEN_GROUPS *groups = NULL;
    BYTE user_buf[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE];
    DWORD len = 0;
    BOOL ret = FALSE;

    if (!sid || !is_member) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    *is_member = FALSE;
    if (token)
    {
        TOKEN_TYPE type;
        if (!GetTokenInformation(token, TokenType, &type, sizeof(type), &len)) return FALSE;
        if (type != TokenImpersonation) { SetLastError(ERROR_NO_IMPERSONATION_TOKEN); return FALSE; }
    }
    else token = (HANDLE)(LONG_PTR)-6;   /* GetCurrentThreadEffectiveToken() */
    if (!GetTokenInformation(token, TokenUser, user_buf, sizeof(user_buf), &len)) return FALSE;
    if (EqualSid(((TOKEN_USER *)user_buf)->User.Sid, sid)) { *is_member = TRUE; return TRUE; }
    GetTokenInformation(token, TokenGroups, NULL, 0, &len);
    if (!(groups = sec_alloc(len))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    if (GetTokenInformation(token, TokenGroups, groups, len, &len))
    {
        for (DWORD i = 0; i < groups->GroupCount; i++)
            if ((groups->Groups[i].Attributes & SE_GROUP_ENABLED) && EqualSid(groups->Groups[i].Sid, sid))
                *is_member = TRUE;
        ret = TRUE;
    }
    sec_free(groups);
    return ret;
}

/* does an impersonation token hold the privileges, enabled: all of them
   with PRIVILEGE_SET_ALL_NECESSARY, else any; those enabled are marked
   SE_PRIVILEGE_USED_FOR_ACCESS (tests/advapi32/objsec.c) */
BOOL WINAPI PrivilegeCheck(HANDLE token, PPRIVILEGE_SET required, LPBOOL result)
{
    TOKEN_PRIVILEGES *held;
    TOKEN_TYPE type;
    DWORD len = 0, enabled = 0;

    if (!required || !result) { SetLastError(ERROR_NOACCESS); return FALSE; }
    if (!GetTokenInformation(token, TokenType, &type, sizeof(type), &len)) return FALSE;
    if (type != TokenImpersonation) { SetLastError(ERROR_NO_IMPERSONATION_TOKEN); return FALSE; }
    GetTokenInformation(token, TokenPrivileges, NULL, 0, &len);
    if (!(held = sec_alloc(len))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    if (!GetTokenInformation(token, TokenPrivileges, held, len, &len)) { sec_free(held); return FALSE; }
    for (DWORD i = 0; i < required->PrivilegeCount; i++)
    {
        LUID_AND_ATTRIBUTES *want = &required->Privilege[i];
        want->Attributes &= ~SE_PRIVILEGE_USED_FOR_ACCESS;
        for (DWORD j = 0; j < held->PrivilegeCount; j++)
            if (!memcmp(&held->Privileges[j].Luid, &want->Luid, sizeof(LUID)) &&
                (held->Privileges[j].Attributes & SE_PRIVILEGE_ENABLED))
            {
                want->Attributes |= SE_PRIVILEGE_USED_FOR_ACCESS;
                enabled++;
                break;
            }
    }
    sec_free(held);
    if (required->Control & PRIVILEGE_SET_ALL_NECESSARY) *result = enabled == required->PrivilegeCount;
    else *result = enabled > 0;
    return TRUE;
}

/* --- privileges by name ------------------------------------------------------------- */

/* privilege names by LUID (SE_MIN_WELL_KNOWN_PRIVILEGE = 2 ...) */
static const WCHAR *const privilege_names[] = {
    [2] = L"SeCreateTokenPrivilege", L"SeAssignPrimaryTokenPrivilege", L"SeLockMemoryPrivilege",
    L"SeIncreaseQuotaPrivilege", L"SeMachineAccountPrivilege", L"SeTcbPrivilege", L"SeSecurityPrivilege",
    L"SeTakeOwnershipPrivilege", L"SeLoadDriverPrivilege", L"SeSystemProfilePrivilege",
    L"SeSystemtimePrivilege", L"SeProfileSingleProcessPrivilege", L"SeIncreaseBasePriorityPrivilege",
    L"SeCreatePagefilePrivilege", L"SeCreatePermanentPrivilege", L"SeBackupPrivilege",
    L"SeRestorePrivilege", L"SeShutdownPrivilege", L"SeDebugPrivilege", L"SeAuditPrivilege",
    L"SeSystemEnvironmentPrivilege", L"SeChangeNotifyPrivilege", L"SeRemoteShutdownPrivilege",
    L"SeUndockPrivilege", L"SeSyncAgentPrivilege", L"SeEnableDelegationPrivilege",
    L"SeManageVolumePrivilege", L"SeImpersonatePrivilege", L"SeCreateGlobalPrivilege",
    L"SeTrustedCredManAccessPrivilege", L"SeRelabelPrivilege", L"SeIncreaseWorkingSetPrivilege",
    L"SeTimeZonePrivilege", L"SeCreateSymbolicLinkPrivilege", L"SeDelegateSessionUserImpersonatePrivilege",
};

/* only the local machine's privileges: a remote system name is accepted and
   answered locally */
BOOL WINAPI LookupPrivilegeValueW(LPCWSTR system, LPCWSTR name, PLUID luid)
{
    (void)system;
    if (!name || !luid) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    for (DWORD i = 2; i < ARRAY_SIZE(privilege_names); i++)
        if (!lstrcmpiW(name, privilege_names[i]))
        {
            luid->LowPart = i;
            luid->HighPart = 0;
            return TRUE;
        }
    SetLastError(ERROR_NO_SUCH_PRIVILEGE);
    return FALSE;
}

BOOL WINAPI LookupPrivilegeValueA(LPCSTR system, LPCSTR name, PLUID luid)
{
    WCHAR *systemW = sec_strdup_aw(system), *nameW = sec_strdup_aw(name);
    BOOL ret = FALSE;

    if ((systemW || !system) && (nameW || !name)) ret = LookupPrivilegeValueW(systemW, nameW, luid);
    sec_free(systemW);
    sec_free(nameW);
    return ret;
}

BOOL WINAPI LookupPrivilegeNameW(LPCWSTR system, PLUID luid, LPWSTR name, LPDWORD len)
{
    const WCHAR *found;
    DWORD n;

    (void)system;
    if (!luid || !len) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (luid->HighPart || luid->LowPart < 2 || luid->LowPart >= ARRAY_SIZE(privilege_names))
    {
        SetLastError(ERROR_NO_SUCH_PRIVILEGE);
        return FALSE;
    }
    found = privilege_names[luid->LowPart];
    n = lstrlenW(found);
    if (!name || *len <= n)
    {
        *len = n + 1;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    memcpy(name, found, (n + 1) * sizeof(WCHAR));
    *len = n;
    return TRUE;
}

BOOL WINAPI LookupPrivilegeNameA(LPCSTR system, PLUID luid, LPSTR name, LPDWORD len)
{
    WCHAR buf[64];
    DWORD n = ARRAY_SIZE(buf), need;

    (void)system;
    if (!len) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!LookupPrivilegeNameW(NULL, luid, buf, &n)) return FALSE;
    need = WideCharToMultiByte(CP_ACP, 0, buf, -1, NULL, 0, NULL, NULL);
    if (!name || *len < need)
    {
        *len = need;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    *len = WideCharToMultiByte(CP_ACP, 0, buf, -1, name, *len, NULL, NULL) - 1;
    return TRUE;
}

/* --- small helpers ------------------------------------------------------------------ */

void *sec_alloc(SIZE_T size) { return HeapAlloc(GetProcessHeap(), 0, size); }
void sec_free(void *ptr) { if (ptr) HeapFree(GetProcessHeap(), 0, ptr); }

WCHAR *sec_strdup_aw(const char *str)
{
    WCHAR *ret;
    int len;

    if (!str) return NULL;
    len = MultiByteToWideChar(CP_ACP, 0, str, -1, NULL, 0);
    if (!(ret = sec_alloc(len * sizeof(WCHAR)))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    MultiByteToWideChar(CP_ACP, 0, str, -1, ret, len);
    return ret;
}

/* --- access checks -------------------------------------------------------------------- */

NTSTATUS NTAPI NtAccessCheck(PSECURITY_DESCRIPTOR, HANDLE, ACCESS_MASK, PGENERIC_MAPPING, PPRIVILEGE_SET, PULONG,
                             PACCESS_MASK, PNTSTATUS);

/* TRUE when the check could be made; *result says whether access is granted
   (if not, the last error says why) */
BOOL WINAPI AccessCheck(PSECURITY_DESCRIPTOR sd, HANDLE token, DWORD desired, PGENERIC_MAPPING mapping,
                        PPRIVILEGE_SET privileges, LPDWORD privileges_len, LPDWORD granted, LPBOOL result)
{
    NTSTATUS access_status, status;

    if (!result) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    status = NtAccessCheck(sd, token, desired, mapping, privileges, privileges_len, granted, &access_status);
    if (status) return sec_status(status);
    *result = !access_status;
    if (access_status) SetLastError(RtlNtStatusToDosError(access_status));
    return TRUE;
}
