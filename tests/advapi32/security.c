/*
 * tests/advapi32/security.c — advapi32's security and crypto functions:
 * tokens and their information, privileges, impersonation, SIDs (well-known
 * and string forms), account lookups matching GetUserName, ACLs, security
 * descriptors, SDDL round trips, file security, CryptoAPI hashes and random
 * numbers, RtlGenRandom, the event log and the service manager, a
 * restricted token and a process started with it (PostgreSQL's initdb and
 * pg_ctl start themselves again so).
 *
 * Nothing here depends on the particular user: the user's SID is checked
 * for its shape (a local account, S-1-5-21-a-b-c-rid) and for consistency
 * between the token, the account lookups and GetUserName.
 */
#include <windows.h>
#include <sddl.h>
#include <aclapi.h>
#include "test.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
/* privilege LUIDs (winnt.h's SE_*_PRIVILEGE, kernel-mode headers) */
#define SE_CREATE_TOKEN_PRIVILEGE 2
#define SE_SHUTDOWN_PRIVILEGE 19
#define SE_DEBUG_PRIVILEGE 20
#define SHUTDOWN_NAME L"SeShutdownPrivilege"

static TOKEN_USER *token_user(HANDLE token, BYTE *buf, DWORD size)
{
    DWORD len = 0;
    return GetTokenInformation(token, TokenUser, buf, size, &len) ? (TOKEN_USER *)buf : NULL;
}

static PSID well_known(WELL_KNOWN_SID_TYPE type, BYTE *buf)
{
    DWORD size = SECURITY_MAX_SID_SIZE;
    return CreateWellKnownSid(type, NULL, buf, &size) ? buf : NULL;
}

/* --- tokens ------------------------------------------------------------------------- */

static void test_token_user(HANDLE token)
{
    BYTE buf[256];
    TOKEN_USER *user;
    DWORD len = 0;
    SID *sid;

    SetLastError(0xdeadbeef);
    ok(!GetTokenInformation(token, TokenUser, NULL, 0, &len), "size query succeeded\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
    ok(len > sizeof(TOKEN_USER), "size %lu\n", len);
    SetLastError(0xdeadbeef);
    ok(!GetTokenInformation(token, TokenUser, buf, len - 1, &len), "short buffer succeeded\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
    user = token_user(token, buf, sizeof(buf));
    ok(user != NULL, "TokenUser failed: %lu\n", GetLastError());
    if (!user) return;
    sid = user->User.Sid;
    ok(IsValidSid(sid), "invalid user SID\n");
    /* a local account: S-1-5-21-<domain>-<rid>; or root-like systems' S-1-5-18 never */
    ok(sid->IdentifierAuthority.Value[5] == 5 && sid->SubAuthorityCount == 5 && sid->SubAuthority[0] == 21,
       "user SID is not a local account's\n");
    ok((BYTE *)sid >= buf && (BYTE *)sid < buf + len, "the SID is not inside the buffer\n");
}

static void test_token_groups(HANDLE token)
{
    BYTE admins[SECURITY_MAX_SID_SIZE], world[SECURITY_MAX_SID_SIZE], users[SECURITY_MAX_SID_SIZE];
    TOKEN_GROUPS *groups;
    DWORD len = 0, i;
    BOOL found_admins = FALSE, found_world = FALSE, found_users = FALSE;

    well_known(WinBuiltinAdministratorsSid, admins);
    well_known(WinWorldSid, world);
    well_known(WinBuiltinUsersSid, users);
    GetTokenInformation(token, TokenGroups, NULL, 0, &len);
    ok(len >= sizeof(TOKEN_GROUPS), "size %lu\n", len);
    groups = HeapAlloc(GetProcessHeap(), 0, len);
    ok(GetTokenInformation(token, TokenGroups, groups, len, &len), "TokenGroups failed %lu\n", GetLastError());
    for (i = 0; i < groups->GroupCount; i++)
    {
        ok(IsValidSid(groups->Groups[i].Sid), "group %lu invalid\n", i);
        if (EqualSid(groups->Groups[i].Sid, admins)) found_admins = !!(groups->Groups[i].Attributes & SE_GROUP_ENABLED);
        if (EqualSid(groups->Groups[i].Sid, world)) found_world = !!(groups->Groups[i].Attributes & SE_GROUP_ENABLED);
        if (EqualSid(groups->Groups[i].Sid, users)) found_users = TRUE;
    }
    ok(found_admins, "not an enabled member of Administrators\n");
    ok(found_world, "not an enabled member of Everyone\n");
    ok(found_users, "not a member of Users\n");
    HeapFree(GetProcessHeap(), 0, groups);
}

static void test_token_misc(HANDLE token)
{
    BYTE buf[256], admins[SECURITY_MAX_SID_SIZE];
    TOKEN_MANDATORY_LABEL *label = (void *)buf;
    TOKEN_STATISTICS stats;
    TOKEN_ELEVATION elevation;
    TOKEN_TYPE type = 0;
    DWORD len = 0, value, rid;
    BOOL member = FALSE;

    ok(GetTokenInformation(token, TokenType, &type, sizeof(type), &len) && type == TokenPrimary,
       "TokenType %u\n", type);
    ok(len == sizeof(type), "TokenType size %lu\n", len);
    SetLastError(0xdeadbeef);
    ok(!GetTokenInformation(token, TokenType, &type, 2, &len), "short TokenType succeeded\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
    ok(GetTokenInformation(token, TokenElevation, &elevation, sizeof(elevation), &len), "TokenElevation failed\n");
    ok(elevation.TokenIsElevated, "not elevated\n");
    ok(GetTokenInformation(token, TokenIntegrityLevel, buf, sizeof(buf), &len), "TokenIntegrityLevel failed\n");
    rid = *GetSidSubAuthority(label->Label.Sid, 0);
    ok(GetSidIdentifierAuthority(label->Label.Sid)->Value[5] == 16 && rid >= SECURITY_MANDATORY_HIGH_RID,
       "integrity level %#lx\n", rid);
    ok(label->Label.Attributes & SE_GROUP_INTEGRITY, "label attributes %#lx\n", label->Label.Attributes);
    ok(GetTokenInformation(token, TokenStatistics, &stats, sizeof(stats), &len), "TokenStatistics failed\n");
    ok(stats.TokenType == TokenPrimary && stats.PrivilegeCount > 0 && stats.GroupCount > 0, "statistics\n");
    value = 0xdead;
    ok(GetTokenInformation(token, TokenIsAppContainer, &value, sizeof(value), &len) && !value, "app container\n");
    ok(GetTokenInformation(token, TokenSessionId, &value, sizeof(value), &len), "TokenSessionId failed\n");
    /* only impersonation tokens have a level */
    SetLastError(0xdeadbeef);
    ok(!GetTokenInformation(token, TokenImpersonationLevel, &value, sizeof(value), &len),
       "a primary token has an impersonation level\n");
    ok(CheckTokenMembership(NULL, well_known(WinBuiltinAdministratorsSid, admins), &member) && member,
       "CheckTokenMembership: not an administrator\n");
}

static void test_tokens(void)
{
    HANDLE token;

    SetLastError(0xdeadbeef);
    ok(!OpenProcessToken(NULL, TOKEN_QUERY, &token), "NULL process\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "error %lu\n", GetLastError());
    ok(OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token), "OpenProcessToken %lu\n", GetLastError());
    test_token_user(token);
    test_token_groups(token);
    test_token_misc(token);
    ok(CloseHandle(token), "CloseHandle of a token\n");
}

/* --- privileges ----------------------------------------------------------------------- */

static BOOL privilege_enabled(HANDLE token, LUID luid)
{
    BYTE buf[2048];
    TOKEN_PRIVILEGES *privs = (void *)buf;
    DWORD len;
    for (DWORD i = 0; GetTokenInformation(token, TokenPrivileges, buf, sizeof(buf), &len) && i < privs->PrivilegeCount; i++)
        if (privs->Privileges[i].Luid.LowPart == luid.LowPart && privs->Privileges[i].Luid.HighPart == luid.HighPart)
            return !!(privs->Privileges[i].Attributes & SE_PRIVILEGE_ENABLED);
    return FALSE;
}

static void test_privileges(void)
{
    TOKEN_PRIVILEGES tp, prev;
    WCHAR name[64];
    char nameA[64];
    DWORD len;
    HANDLE token, query_only;
    LUID luid;
    BOOL was;

    ok(LookupPrivilegeValueW(NULL, SHUTDOWN_NAME, &luid), "LookupPrivilegeValueW %lu\n", GetLastError());
    ok(luid.LowPart == SE_SHUTDOWN_PRIVILEGE && !luid.HighPart, "shutdown LUID %lu\n", luid.LowPart);
    ok(LookupPrivilegeValueA(NULL, "sedebugprivilege", &luid) && luid.LowPart == SE_DEBUG_PRIVILEGE,
       "names are not case-insensitive\n");
    SetLastError(0xdeadbeef);
    ok(!LookupPrivilegeValueW(NULL, L"SeNoSuchPrivilege", &luid), "unknown privilege found\n");
    ok(GetLastError() == ERROR_NO_SUCH_PRIVILEGE, "error %lu\n", GetLastError());
    luid.LowPart = SE_SHUTDOWN_PRIVILEGE; luid.HighPart = 0;
    len = ARRAY_SIZE(name);
    ok(LookupPrivilegeNameW(NULL, &luid, name, &len) && !lstrcmpW(name, SHUTDOWN_NAME) &&
       len == lstrlenW(SHUTDOWN_NAME), "LookupPrivilegeNameW\n");
    len = 3;
    SetLastError(0xdeadbeef);
    ok(!LookupPrivilegeNameW(NULL, &luid, name, &len) && GetLastError() == ERROR_INSUFFICIENT_BUFFER &&
       len == lstrlenW(SHUTDOWN_NAME) + 1, "short buffer: %lu %lu\n", GetLastError(), len);
    len = sizeof(nameA);
    ok(LookupPrivilegeNameA(NULL, &luid, nameA, &len) && !strcmp(nameA, "SeShutdownPrivilege"), "A name\n");

    ok(OpenProcessToken(GetCurrentProcess(), TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY, &token), "open\n");
    was = privilege_enabled(token, luid);
    tp.PrivilegeCount = 1;
    tp.Privileges[0].Luid = luid;
    tp.Privileges[0].Attributes = SE_PRIVILEGE_ENABLED;
    SetLastError(0xdeadbeef);
    ok(AdjustTokenPrivileges(token, FALSE, &tp, sizeof(prev), &prev, &len), "Adjust %lu\n", GetLastError());
    ok(GetLastError() == ERROR_SUCCESS, "error %lu\n", GetLastError());
    ok(privilege_enabled(token, luid), "SeShutdownPrivilege not enabled\n");
    ok(prev.PrivilegeCount == (was ? 0 : 1), "previous state lists %lu\n", prev.PrivilegeCount);
    if (!was)
    {
        /* put it back: the previous state disables it again */
        ok(AdjustTokenPrivileges(token, FALSE, &prev, 0, NULL, NULL), "restore\n");
        ok(!privilege_enabled(token, luid), "not restored\n");
    }
    /* a privilege the token does not hold */
    tp.Privileges[0].Luid.LowPart = SE_CREATE_TOKEN_PRIVILEGE;
    SetLastError(0xdeadbeef);
    ok(AdjustTokenPrivileges(token, FALSE, &tp, 0, NULL, NULL), "Adjust failed\n");
    ok(GetLastError() == ERROR_NOT_ALL_ASSIGNED, "error %lu\n", GetLastError());
    CloseHandle(token);

    ok(OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &query_only), "open\n");
    tp.Privileges[0].Luid = luid;
    SetLastError(0xdeadbeef);
    ok(!AdjustTokenPrivileges(query_only, FALSE, &tp, 0, NULL, NULL), "adjusted without the right\n");
    ok(GetLastError() == ERROR_ACCESS_DENIED, "error %lu\n", GetLastError());
    CloseHandle(query_only);
}

static void test_impersonation(void)
{
    HANDLE token, process, dup;
    SECURITY_IMPERSONATION_LEVEL level;
    TOKEN_TYPE type;
    DWORD len;

    SetLastError(0xdeadbeef);
    ok(!OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token), "a thread token without impersonating\n");
    ok(GetLastError() == ERROR_NO_TOKEN, "error %lu\n", GetLastError());
    ok(ImpersonateSelf(SecurityImpersonation), "ImpersonateSelf %lu\n", GetLastError());
    ok(OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token), "OpenThreadToken %lu\n", GetLastError());
    ok(GetTokenInformation(token, TokenType, &type, sizeof(type), &len) && type == TokenImpersonation, "type\n");
    ok(GetTokenInformation(token, TokenImpersonationLevel, &level, sizeof(level), &len) &&
       level == SecurityImpersonation, "level %u\n", level);
    CloseHandle(token);
    ok(RevertToSelf(), "RevertToSelf\n");
    SetLastError(0xdeadbeef);
    ok(!OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token), "token left after RevertToSelf\n");
    ok(GetLastError() == ERROR_NO_TOKEN, "error %lu\n", GetLastError());

    ok(OpenProcessToken(GetCurrentProcess(), TOKEN_DUPLICATE | TOKEN_QUERY, &process), "open\n");
    ok(DuplicateTokenEx(process, TOKEN_QUERY, NULL, SecurityAnonymous, TokenPrimary, &dup), "DuplicateTokenEx\n");
    ok(GetTokenInformation(dup, TokenType, &type, sizeof(type), &len) && type == TokenPrimary, "dup type\n");
    CloseHandle(dup);
    ok(DuplicateToken(process, SecurityIdentification, &dup), "DuplicateToken %lu\n", GetLastError());
    ok(GetTokenInformation(dup, TokenImpersonationLevel, &level, sizeof(level), &len) &&
       level == SecurityIdentification, "dup level %u\n", level);
    CloseHandle(dup);
    CloseHandle(process);
}

/* --- SIDs -------------------------------------------------------------------------------- */

static void test_sids(void)
{
    SID_IDENTIFIER_AUTHORITY nt = { SECURITY_NT_AUTHORITY };
    BYTE buf[SECURITY_MAX_SID_SIZE], copy[SECURITY_MAX_SID_SIZE];
    PSID admins, parsed;
    WCHAR *str;
    char *strA;
    DWORD size;

    ok(AllocateAndInitializeSid(&nt, 2, SECURITY_BUILTIN_DOMAIN_RID, DOMAIN_ALIAS_RID_ADMINS, 0, 0, 0, 0, 0, 0,
                                &admins), "AllocateAndInitializeSid\n");
    ok(IsValidSid(admins) && GetLengthSid(admins) == 16, "length %lu\n", GetLengthSid(admins));
    ok(*GetSidSubAuthorityCount(admins) == 2 && *GetSidSubAuthority(admins, 1) == 544, "sub-authorities\n");
    ok(GetSidLengthRequired(2) == 16, "GetSidLengthRequired\n");
    size = sizeof(buf);
    ok(CreateWellKnownSid(WinBuiltinAdministratorsSid, NULL, buf, &size) && size == 16, "CreateWellKnownSid\n");
    ok(EqualSid(admins, buf), "well-known Administrators differs\n");
    ok(IsWellKnownSid(admins, WinBuiltinAdministratorsSid), "IsWellKnownSid\n");
    ok(!IsWellKnownSid(admins, WinWorldSid), "Administrators is Everyone\n");
    size = 4;
    SetLastError(0xdeadbeef);
    ok(!CreateWellKnownSid(WinWorldSid, NULL, buf, &size) && GetLastError() == ERROR_INSUFFICIENT_BUFFER &&
       size == 12, "short CreateWellKnownSid: %lu %lu\n", GetLastError(), size);
    SetLastError(0xdeadbeef);
    ok(!CopySid(8, copy, admins), "CopySid into too little room\n");
    /* RtlCopySid's STATUS_BUFFER_TOO_SMALL; Wine 8 sets no error */
    todo_wine(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
    ok(CopySid(sizeof(copy), copy, admins) && EqualSid(copy, admins), "CopySid\n");

    ok(ConvertSidToStringSidW(admins, &str) && !lstrcmpW(str, L"S-1-5-32-544"), "string form\n");
    LocalFree(str);
    ok(ConvertSidToStringSidA(admins, &strA) && !strcmp(strA, "S-1-5-32-544"), "ANSI string form\n");
    LocalFree(strA);
    ok(ConvertStringSidToSidW(L"BA", &parsed) && EqualSid(parsed, admins), "alias BA\n");
    LocalFree(parsed);
    ok(ConvertStringSidToSidW(L"S-1-5-32-544", &parsed) && EqualSid(parsed, admins), "S-1-5-32-544\n");
    LocalFree(parsed);
    ok(ConvertStringSidToSidA("SY", &parsed) && IsWellKnownSid(parsed, WinLocalSystemSid), "alias SY\n");
    LocalFree(parsed);
    ok(ConvertStringSidToSidW(L"WD", &parsed) && IsWellKnownSid(parsed, WinWorldSid), "alias WD\n");
    LocalFree(parsed);
    ok(ConvertStringSidToSidW(L"S-1-5-21-1-2-3-1001", &parsed) && *GetSidSubAuthorityCount(parsed) == 5 &&
       *GetSidSubAuthority(parsed, 4) == 1001, "a domain SID\n");
    LocalFree(parsed);
    ok(!ConvertStringSidToSidW(L"S-1-", &parsed), "S-1- parsed\n");
    SetLastError(0xdeadbeef);
    ok(!ConvertStringSidToSidW(L"not a sid", &parsed), "garbage parsed\n");
    ok(GetLastError() == ERROR_INVALID_SID, "error %lu\n", GetLastError());
    FreeSid(admins);
}

/* --- accounts ---------------------------------------------------------------------------------- */

static void check_lookup(WELL_KNOWN_SID_TYPE type, const WCHAR *want_name, const WCHAR *want_domain)
{
    BYTE buf[SECURITY_MAX_SID_SIZE], sid[SECURITY_MAX_SID_SIZE];
    WCHAR name[64], domain[64];
    DWORD name_len = ARRAY_SIZE(name), domain_len = ARRAY_SIZE(domain), sid_len = sizeof(sid);
    SID_NAME_USE use;

    ok(LookupAccountSidW(NULL, well_known(type, buf), name, &name_len, domain, &domain_len, &use),
       "LookupAccountSidW(%ls) %lu\n", want_name, GetLastError());
    ok(!lstrcmpiW(name, want_name) && !lstrcmpiW(domain, want_domain), "%ls: got %ls\\%ls\n", want_name, domain, name);
    ok(name_len == lstrlenW(name) && domain_len == lstrlenW(domain), "lengths %lu %lu\n", name_len, domain_len);
    domain_len = ARRAY_SIZE(domain);
    ok(LookupAccountNameW(NULL, want_name, sid, &sid_len, domain, &domain_len, &use) && EqualSid(sid, buf),
       "LookupAccountNameW(%ls) %lu\n", want_name, GetLastError());
}

static void test_accounts(void)
{
    BYTE buf[256], sid[SECURITY_MAX_SID_SIZE];
    WCHAR user[256], name[256], domain[256], qualified[520];
    char userA[256];
    DWORD len = 0, name_len, domain_len, sid_len;
    SID_NAME_USE use;
    TOKEN_USER *tu;
    HANDLE token;
    PSID unknown;

    SetLastError(0xdeadbeef);
    ok(!GetUserNameW(NULL, &len) && GetLastError() == ERROR_INSUFFICIENT_BUFFER && len > 1, "size query\n");
    len = ARRAY_SIZE(user);
    ok(GetUserNameW(user, &len) && len == lstrlenW(user) + 1, "GetUserNameW %lu\n", GetLastError());
    len = sizeof(userA);
    ok(GetUserNameA(userA, &len) && len == strlen(userA) + 1, "GetUserNameA\n");

    /* the token's user looks up to the same name */
    OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token);
    tu = token_user(token, buf, sizeof(buf));
    CloseHandle(token);
    name_len = 0; domain_len = 0;
    SetLastError(0xdeadbeef);
    ok(!LookupAccountSidW(NULL, tu->User.Sid, NULL, &name_len, NULL, &domain_len, &use), "no buffers\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
    ok(name_len == lstrlenW(user) + 1 && domain_len > 1, "needed %lu %lu\n", name_len, domain_len);
    name_len = ARRAY_SIZE(name); domain_len = ARRAY_SIZE(domain);
    ok(LookupAccountSidW(NULL, tu->User.Sid, name, &name_len, domain, &domain_len, &use), "lookup user %lu\n",
       GetLastError());
    ok(!lstrcmpiW(name, user), "token user %ls, GetUserName %ls\n", name, user);
    ok(use == SidTypeUser, "use %u\n", use);

    /* and back, plain and domain-qualified */
    sid_len = sizeof(sid); domain_len = ARRAY_SIZE(domain);
    ok(LookupAccountNameW(NULL, user, sid, &sid_len, domain, &domain_len, &use) && EqualSid(sid, tu->User.Sid),
       "LookupAccountNameW(user) %lu\n", GetLastError());
    lstrcpyW(qualified, domain);
    lstrcatW(qualified, L"\\");
    lstrcatW(qualified, user);
    sid_len = sizeof(sid); domain_len = ARRAY_SIZE(domain);
    ok(LookupAccountNameW(NULL, qualified, sid, &sid_len, domain, &domain_len, &use) && EqualSid(sid, tu->User.Sid),
       "LookupAccountNameW(%ls) %lu\n", qualified, GetLastError());
    sid_len = 0; domain_len = 0;
    SetLastError(0xdeadbeef);
    ok(!LookupAccountNameW(NULL, user, NULL, &sid_len, NULL, &domain_len, &use) &&
       GetLastError() == ERROR_INSUFFICIENT_BUFFER && sid_len == GetLengthSid(tu->User.Sid), "size query\n");

    check_lookup(WinBuiltinAdministratorsSid, L"Administrators", L"BUILTIN");
    check_lookup(WinLocalSystemSid, L"SYSTEM", L"NT AUTHORITY");
    check_lookup(WinWorldSid, L"Everyone", L"");

    ConvertStringSidToSidW(L"S-1-5-21-1-2-3-4", &unknown);
    name_len = ARRAY_SIZE(name); domain_len = ARRAY_SIZE(domain);
    SetLastError(0xdeadbeef);
    ok(!LookupAccountSidW(NULL, unknown, name, &name_len, domain, &domain_len, &use), "unknown SID found\n");
    ok(GetLastError() == ERROR_NONE_MAPPED, "error %lu\n", GetLastError());
    LocalFree(unknown);
}

/* --- ACLs and security descriptors --------------------------------------------------------------- */

static void test_acls(void)
{
    BYTE buf[256], small[40], admins[SECURITY_MAX_SID_SIZE], world[SECURITY_MAX_SID_SIZE];
    ACL *acl = (ACL *)buf, *tiny = (ACL *)small;
    ACL_SIZE_INFORMATION info;
    ACCESS_ALLOWED_ACE *ace;

    well_known(WinBuiltinAdministratorsSid, admins);
    well_known(WinWorldSid, world);
    SetLastError(0xdeadbeef);
    ok(!InitializeAcl(acl, 4, ACL_REVISION) && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "tiny ACL\n");
    ok(InitializeAcl(acl, sizeof(buf), ACL_REVISION), "InitializeAcl\n");
    ok(IsValidAcl(acl), "empty ACL invalid\n");
    ok(AddAccessAllowedAce(acl, ACL_REVISION, FILE_ALL_ACCESS, admins), "allowed\n");
    ok(AddAccessAllowedAceEx(acl, ACL_REVISION, CONTAINER_INHERIT_ACE, GENERIC_READ, world), "allowed ex\n");
    ok(AddAccessDeniedAce(acl, ACL_REVISION, DELETE, world), "denied\n");
    ok(IsValidAcl(acl) && acl->AceCount == 3, "count %u\n", acl->AceCount);
    ok(GetAce(acl, 1, (void **)&ace), "GetAce\n");
    ok(ace->Header.AceType == ACCESS_ALLOWED_ACE_TYPE && ace->Header.AceFlags == CONTAINER_INHERIT_ACE &&
       ace->Mask == GENERIC_READ && EqualSid(&ace->SidStart, world), "ACE 1\n");
    ok(GetAce(acl, 2, (void **)&ace) && ace->Header.AceType == ACCESS_DENIED_ACE_TYPE, "ACE 2\n");
    SetLastError(0xdeadbeef);
    ok(!GetAce(acl, 3, (void **)&ace), "ACE 3 exists\n");
    ok(GetAclInformation(acl, &info, sizeof(info), AclSizeInformation), "GetAclInformation\n");
    ok(info.AceCount == 3 && info.AclBytesInUse == sizeof(ACL) + 3 * 8 + 16 + 12 + 12 &&
       info.AclBytesInUse + info.AclBytesFree == sizeof(buf), "in use %lu free %lu\n", info.AclBytesInUse,
       info.AclBytesFree);
    ok(InitializeAcl(tiny, sizeof(small), ACL_REVISION), "small ACL\n");
    ok(AddAccessAllowedAce(tiny, ACL_REVISION, GENERIC_ALL, admins), "first ACE fits\n");
    SetLastError(0xdeadbeef);
    ok(!AddAccessAllowedAce(tiny, ACL_REVISION, GENERIC_ALL, admins), "second ACE fits\n");
    ok(GetLastError() == ERROR_ALLOTTED_SPACE_EXCEEDED, "error %lu\n", GetLastError());
}

static void test_descriptors(void)
{
    BYTE acl_buf[128], admins[SECURITY_MAX_SID_SIZE], system[SECURITY_MAX_SID_SIZE], rel[512];
    BYTE abs_buf[64], dacl2[128], sacl2[64], owner2[68], group2[68];
    DWORD len, abs_len, dacl_len, sacl_len, owner_len, group_len, revision;
    SECURITY_DESCRIPTOR sd;
    SECURITY_DESCRIPTOR_CONTROL control;
    ACL *acl = (ACL *)acl_buf, *got_acl;
    BOOL present, defaulted;
    PSID owner;

    well_known(WinBuiltinAdministratorsSid, admins);
    well_known(WinLocalSystemSid, system);
    InitializeAcl(acl, sizeof(acl_buf), ACL_REVISION);
    AddAccessAllowedAce(acl, ACL_REVISION, GENERIC_ALL, system);
    SetLastError(0xdeadbeef);
    ok(!InitializeSecurityDescriptor(&sd, 2) && GetLastError() == ERROR_UNKNOWN_REVISION, "revision 2\n");
    ok(InitializeSecurityDescriptor(&sd, SECURITY_DESCRIPTOR_REVISION), "InitializeSecurityDescriptor\n");
    ok(IsValidSecurityDescriptor(&sd), "empty descriptor invalid\n");
    ok(SetSecurityDescriptorOwner(&sd, admins, FALSE) && SetSecurityDescriptorGroup(&sd, system, TRUE), "owner\n");
    ok(SetSecurityDescriptorDacl(&sd, TRUE, acl, FALSE), "dacl\n");
    ok(GetSecurityDescriptorControl(&sd, &control, &revision), "control\n");
    ok(control == (SE_DACL_PRESENT | SE_GROUP_DEFAULTED) && revision == 1, "control %#x\n", control);
    ok(GetSecurityDescriptorLength(&sd) == sizeof(sd) + 16 + 12 + acl->AclSize, "length %lu\n",
       GetSecurityDescriptorLength(&sd));

    len = 0;
    SetLastError(0xdeadbeef);
    ok(!MakeSelfRelativeSD(&sd, rel, &len) && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "size query\n");
    ok(len == sizeof(SECURITY_DESCRIPTOR_RELATIVE) + 16 + 12 + acl->AclSize, "relative size %lu\n", len);
    ok(MakeSelfRelativeSD(&sd, rel, &len), "MakeSelfRelativeSD\n");
    ok(IsValidSecurityDescriptor(rel) && GetSecurityDescriptorLength(rel) == len, "relative length\n");
    ok(GetSecurityDescriptorControl(rel, &control, &revision) && (control & SE_SELF_RELATIVE), "not relative\n");
    ok(GetSecurityDescriptorOwner(rel, &owner, &defaulted) && EqualSid(owner, admins) && !defaulted, "owner\n");
    ok(GetSecurityDescriptorDacl(rel, &present, &got_acl, &defaulted) && present && got_acl->AceCount == 1, "dacl\n");
    SetLastError(0xdeadbeef);
    ok(!SetSecurityDescriptorOwner(rel, system, FALSE), "set owner of a relative descriptor\n");
    ok(GetLastError() == ERROR_INVALID_SECURITY_DESCR, "error %lu\n", GetLastError());

    abs_len = dacl_len = sacl_len = owner_len = group_len = 0;
    SetLastError(0xdeadbeef);
    ok(!MakeAbsoluteSD(rel, NULL, &abs_len, NULL, &dacl_len, NULL, &sacl_len, NULL, &owner_len, NULL, &group_len),
       "MakeAbsoluteSD size query\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "error %lu\n", GetLastError());
    ok(abs_len == sizeof(SECURITY_DESCRIPTOR) && dacl_len == acl->AclSize && !sacl_len && owner_len == 16 &&
       group_len == 12, "sizes %lu %lu %lu %lu %lu\n", abs_len, dacl_len, sacl_len, owner_len, group_len);
    ok(MakeAbsoluteSD(rel, abs_buf, &abs_len, (ACL *)dacl2, &dacl_len, (ACL *)sacl2, &sacl_len, owner2, &owner_len,
                      group2, &group_len), "MakeAbsoluteSD %lu\n", GetLastError());
    ok(GetSecurityDescriptorOwner(abs_buf, &owner, &defaulted) && owner == (PSID)owner2 && EqualSid(owner, admins),
       "absolute owner\n");
}

/* one AccessCheck with the thread's impersonation token */
static BOOL check_access(PSECURITY_DESCRIPTOR sd, HANDLE token, DWORD desired, DWORD *granted, BOOL *result)
{
    GENERIC_MAPPING mapping = { FILE_GENERIC_READ, FILE_GENERIC_WRITE, FILE_GENERIC_EXECUTE, FILE_ALL_ACCESS };
    BYTE set_buf[64];
    DWORD set_len = sizeof(set_buf);

    *granted = 0xdeadbeef;
    *result = 0xdeadbeef;
    return AccessCheck(sd, token, desired, &mapping, (PRIVILEGE_SET *)set_buf, &set_len, granted, result);
}

static void test_access_check(void)
{
    PSECURITY_DESCRIPTOR sd;
    HANDLE token, primary;
    DWORD granted;
    BOOL result;

    /* Everyone may read; writing data is denied to Everyone; the owner is SYSTEM */
    ok(ConvertStringSecurityDescriptorToSecurityDescriptorW(L"O:SYG:SYD:(D;;0x2;;;WD)(A;;FR;;;WD)", SDDL_REVISION_1,
                                                            &sd, NULL), "parse\n");
    OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &primary);
    SetLastError(0xdeadbeef);
    ok(!check_access(sd, primary, FILE_READ_DATA, &granted, &result), "a primary token was accepted\n");
    ok(GetLastError() == ERROR_NO_IMPERSONATION_TOKEN, "error %lu\n", GetLastError());
    CloseHandle(primary);

    ImpersonateSelf(SecurityImpersonation);
    OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token);
    RevertToSelf();
    ok(check_access(sd, token, FILE_READ_DATA, &granted, &result) && result && granted == FILE_READ_DATA,
       "read: %d %#lx\n", result, granted);
    ok(check_access(sd, token, FILE_GENERIC_READ, &granted, &result) && result && granted == FILE_GENERIC_READ,
       "generic read: %d %#lx\n", result, granted);
    SetLastError(0xdeadbeef);
    ok(check_access(sd, token, FILE_WRITE_DATA, &granted, &result) && !result && !granted, "write: %d %#lx\n",
       result, granted);
    ok(GetLastError() == ERROR_ACCESS_DENIED, "error %lu\n", GetLastError());
    ok(check_access(sd, token, MAXIMUM_ALLOWED, &granted, &result) && result && granted == FILE_GENERIC_READ,
       "maximum: %d %#lx\n", result, granted);
    LocalFree(sd);

    /* a NULL DACL grants everything */
    ConvertStringSecurityDescriptorToSecurityDescriptorW(L"O:SYG:SY", SDDL_REVISION_1, &sd, NULL);
    {
        SECURITY_DESCRIPTOR abs;
        PSID owner, group;
        BOOL defaulted;
        InitializeSecurityDescriptor(&abs, SECURITY_DESCRIPTOR_REVISION);
        GetSecurityDescriptorOwner(sd, &owner, &defaulted);
        GetSecurityDescriptorGroup(sd, &group, &defaulted);
        SetSecurityDescriptorOwner(&abs, owner, FALSE);
        SetSecurityDescriptorGroup(&abs, group, FALSE);
        SetSecurityDescriptorDacl(&abs, TRUE, NULL, FALSE);
        ok(check_access(&abs, token, FILE_ALL_ACCESS, &granted, &result) && result && granted == FILE_ALL_ACCESS,
           "NULL DACL: %d %#lx\n", result, granted);
    }
    LocalFree(sd);
    CloseHandle(token);
}

/* --- SDDL -------------------------------------------------------------------------------------- */

static void check_sddl_round_trip(const WCHAR *sddl, BOOL wine_differs)
{
    PSECURITY_DESCRIPTOR sd;
    WCHAR *back;
    ULONG size = 0, len = 0;

    ok(ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl, SDDL_REVISION_1, &sd, &size),
       "parse %ls: %lu\n", sddl, GetLastError());
    if (!sd) return;
    ok(IsValidSecurityDescriptor(sd) && size == GetSecurityDescriptorLength(sd), "%ls: size %lu\n", sddl, size);
    ok(ConvertSecurityDescriptorToStringSecurityDescriptorW(sd, SDDL_REVISION_1, OWNER_SECURITY_INFORMATION |
       GROUP_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION | SACL_SECURITY_INFORMATION, &back, &len),
       "print %ls: %lu\n", sddl, GetLastError());
    if (wine_differs) todo_wine(!lstrcmpW(back, sddl), "round trip of %ls gave %ls\n", sddl, back);
    else ok(!lstrcmpW(back, sddl), "round trip of %ls gave %ls\n", sddl, back);
    ok(len == lstrlenW(back) + 1, "length %lu\n", len);
    LocalFree(back);
    LocalFree(sd);
}

static void test_sddl(void)
{
    BYTE admins[SECURITY_MAX_SID_SIZE];
    PSECURITY_DESCRIPTOR sd;
    BOOL present, defaulted;
    ACCESS_ALLOWED_ACE *ace;
    PSID owner;
    PACL dacl;
    char *strA;

    /* rights are written from the lowest bit up, as Windows does */
    check_sddl_round_trip(L"O:BAG:SYD:(A;;FA;;;BA)(A;OICI;GA;;;SY)(D;;0x1200a9;;;WD)", FALSE);
    check_sddl_round_trip(L"D:PAI(A;;KA;;;BU)(A;CIIO;GR;;;AU)", FALSE);
    check_sddl_round_trip(L"O:S-1-5-21-1-2-3-1001D:(A;;GWGR;;;S-1-5-21-1-2-3-1001)", FALSE);
    check_sddl_round_trip(L"D:(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)", FALSE);
    check_sddl_round_trip(L"O:SYG:BAD:", FALSE);
    /* a NULL DACL; Wine 8 writes "D:" */
    check_sddl_round_trip(L"D:NO_ACCESS_CONTROL", TRUE);

    ok(ConvertStringSecurityDescriptorToSecurityDescriptorA("O:BAD:(A;;0x10000000;;;BA)", SDDL_REVISION_1, &sd, NULL),
       "ANSI parse\n");
    ok(GetSecurityDescriptorOwner(sd, &owner, &defaulted) &&
       EqualSid(owner, well_known(WinBuiltinAdministratorsSid, admins)), "owner\n");
    ok(GetSecurityDescriptorDacl(sd, &present, &dacl, &defaulted) && present && dacl->AceCount == 1, "dacl\n");
    ok(GetAce(dacl, 0, (void **)&ace) && ace->Mask == GENERIC_ALL, "hex rights\n");
    ok(ConvertSecurityDescriptorToStringSecurityDescriptorA(sd, SDDL_REVISION_1, DACL_SECURITY_INFORMATION, &strA, NULL)
       && !strcmp(strA, "D:(A;;GA;;;BA)"), "only the DACL: %s\n", strA);
    LocalFree(strA);
    LocalFree(sd);

    SetLastError(0xdeadbeef);
    ok(!ConvertStringSecurityDescriptorToSecurityDescriptorW(L"D:(A;;FA;;;BA)", 2, &sd, NULL), "revision 2\n");
    ok(GetLastError() == ERROR_UNKNOWN_REVISION, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!ConvertStringSecurityDescriptorToSecurityDescriptorW(L"D:(Q;;FA;;;BA)", SDDL_REVISION_1, &sd, NULL),
       "a bad ACE type parsed\n");
    ok(!ConvertStringSecurityDescriptorToSecurityDescriptorW(L"O:XYZ", SDDL_REVISION_1, &sd, NULL), "bad owner\n");
}

/* --- file security ---------------------------------------------------------------------------- */

static void test_file_security(void)
{
    WCHAR path[MAX_PATH];
    BYTE buf[1024];
    DWORD needed = 0;
    PSECURITY_DESCRIPTOR sd;
    BOOL present, defaulted;
    PSID owner;
    PACL dacl;
    DWORD err;

    GetModuleFileNameW(NULL, path, ARRAY_SIZE(path));
    SetLastError(0xdeadbeef);
    ok(!GetFileSecurityW(path, OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, NULL, 0, &needed),
       "size query succeeded\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER && needed > sizeof(SECURITY_DESCRIPTOR_RELATIVE),
       "error %lu, needed %lu\n", GetLastError(), needed);
    ok(needed <= sizeof(buf) && GetFileSecurityW(path, OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, buf,
                                                 sizeof(buf), &needed), "GetFileSecurityW %lu\n", GetLastError());
    ok(IsValidSecurityDescriptor(buf), "invalid descriptor\n");
    ok(GetSecurityDescriptorOwner(buf, &owner, &defaulted) && owner && IsValidSid(owner), "owner\n");
    ok(GetSecurityDescriptorDacl(buf, &present, &dacl, &defaulted) && present, "no DACL\n");
    ok(SetFileSecurityW(path, DACL_SECURITY_INFORMATION, buf), "SetFileSecurityW %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!GetFileSecurityW(L"C:\\no\\such\\file.wlx", OWNER_SECURITY_INFORMATION, buf, sizeof(buf), &needed),
       "a missing file has security\n");
    ok(GetLastError() == ERROR_PATH_NOT_FOUND || GetLastError() == ERROR_FILE_NOT_FOUND, "error %lu\n", GetLastError());

    err = GetNamedSecurityInfoW(path, SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, &owner,
                                NULL, &dacl, NULL, &sd);
    ok(err == ERROR_SUCCESS, "GetNamedSecurityInfoW %lu\n", err);
    if (!err)
    {
        ok(IsValidSid(owner) && dacl && IsValidAcl(dacl), "owner and DACL\n");
        LocalFree(sd);
    }
}

/* --- crypto and random ---------------------------------------------------------------------------- */

static void check_crypt_hash(HCRYPTPROV prov, ALG_ID alg, const char *data, const BYTE *want, DWORD want_len)
{
    HCRYPTHASH hash;
    BYTE out[64];
    DWORD len, size = 0, id = 0;

    ok(CryptCreateHash(prov, alg, 0, 0, &hash), "CryptCreateHash(%#x) %#lx\n", alg, GetLastError());
    ok(CryptHashData(hash, (const BYTE *)data, strlen(data), 0), "CryptHashData\n");
    len = sizeof(size);
    ok(CryptGetHashParam(hash, HP_HASHSIZE, (BYTE *)&size, &len, 0) && size == want_len, "size %lu\n", size);
    len = sizeof(id);
    ok(CryptGetHashParam(hash, HP_ALGID, (BYTE *)&id, &len, 0) && id == alg, "algid %#lx\n", id);
    len = 0;
    ok(CryptGetHashParam(hash, HP_HASHVAL, NULL, &len, 0) && len == want_len, "value size %lu\n", len);
    len = sizeof(out);
    ok(CryptGetHashParam(hash, HP_HASHVAL, out, &len, 0) && len == want_len && !memcmp(out, want, len),
       "digest of %#x\n", alg);
    SetLastError(0xdeadbeef);
    ok(!CryptHashData(hash, (const BYTE *)"x", 1, 0) && GetLastError() == (DWORD)NTE_BAD_HASH_STATE,
       "data after the value: %#lx\n", GetLastError());
    ok(CryptDestroyHash(hash), "CryptDestroyHash\n");
}

static void test_crypt(void)
{
    /* RFC 1321 and FIPS 180 "abc" */
    static const BYTE md5[] = { 0x90,0x01,0x50,0x98,0x3c,0xd2,0x4f,0xb0,0xd6,0x96,0x3f,0x7d,0x28,0xe1,0x7f,0x72 };
    static const BYTE sha1[] = { 0xa9,0x99,0x3e,0x36,0x47,0x06,0x81,0x6a,0xba,0x3e,0x25,0x71,0x78,0x50,0xc2,0x6c,
                                 0x9c,0xd0,0xd8,0x9d };
    static const BYTE sha256[] = { 0xba,0x78,0x16,0xbf,0x8f,0x01,0xcf,0xea,0x41,0x41,0x40,0xde,0x5d,0xae,0x22,0x23,
                                   0xb0,0x03,0x61,0xa3,0x96,0x17,0x7a,0x9c,0xb4,0x10,0xff,0x61,0xf2,0x00,0x15,0xad };
    BOOLEAN (WINAPI *pRtlGenRandom)(PVOID, ULONG);
    BYTE a[64] = { 0 }, b[64] = { 0 };
    HCRYPTPROV prov;

    ok(CryptAcquireContextW(&prov, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT), "CryptAcquireContextW %#lx\n",
       GetLastError());
    ok(CryptGenRandom(prov, sizeof(a), a) && CryptGenRandom(prov, sizeof(b), b) && memcmp(a, b, sizeof(a)),
       "CryptGenRandom\n");
    check_crypt_hash(prov, CALG_MD5, "abc", md5, sizeof(md5));
    check_crypt_hash(prov, CALG_SHA1, "abc", sha1, sizeof(sha1));
    check_crypt_hash(prov, CALG_SHA_256, "abc", sha256, sizeof(sha256));
    ok(CryptReleaseContext(prov, 0), "CryptReleaseContext\n");

    pRtlGenRandom = (void *)GetProcAddress(GetModuleHandleA("advapi32.dll"), "SystemFunction036");
    ok(pRtlGenRandom != NULL, "no SystemFunction036\n");
    if (!pRtlGenRandom) return;
    memset(a, 0, sizeof(a)); memset(b, 0, sizeof(b));
    ok(pRtlGenRandom(a, sizeof(a)) && pRtlGenRandom(b, sizeof(b)) && memcmp(a, b, sizeof(a)), "RtlGenRandom\n");
}

/* --- event log and services ------------------------------------------------------------------------ */

static void test_eventlog_and_services(void)
{
    const WCHAR *strings[] = { L"wlx test event" };
    SC_HANDLE scm, service;
    HANDLE source;

    source = RegisterEventSourceW(NULL, L"wlx-security-test");
    ok(source != NULL, "RegisterEventSourceW %lu\n", GetLastError());
    ok(ReportEventW(source, EVENTLOG_INFORMATION_TYPE, 0, 1, NULL, 1, 0, strings, NULL), "ReportEventW %lu\n",
       GetLastError());
    ok(DeregisterEventSource(source), "DeregisterEventSource\n");

    scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
    ok(scm != NULL, "OpenSCManagerW %lu\n", GetLastError());
    if (!scm) return;
    SetLastError(0xdeadbeef);
    service = OpenServiceW(scm, L"wlx-no-such-service", SERVICE_QUERY_STATUS);
    ok(!service && GetLastError() == ERROR_SERVICE_DOES_NOT_EXIST, "OpenServiceW: %lu\n", GetLastError());
    ok(CloseServiceHandle(scm), "CloseServiceHandle\n");
}

static void test_restricted(void)
{
    HANDLE token, restricted;
    BYTE a[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE], b[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE];
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    char cmd[] = "cmd.exe /c exit 5";
    TOKEN_TYPE type;
    DWORD len, code = 0;

    ok(OpenProcessToken(GetCurrentProcess(), TOKEN_ALL_ACCESS, &token), "OpenProcessToken\n");
    ok(CreateRestrictedToken(token, 0, 0, NULL, 0, NULL, 0, NULL, &restricted), "CreateRestrictedToken: error %lu\n",
       GetLastError());
    ok(GetTokenInformation(restricted, TokenType, &type, sizeof(type), &len) && type == TokenPrimary, "a primary token\n");
    ok(GetTokenInformation(token, TokenUser, a, sizeof(a), &len) &&
       GetTokenInformation(restricted, TokenUser, b, sizeof(b), &len) &&
       EqualSid(((TOKEN_USER *)a)->User.Sid, ((TOKEN_USER *)b)->User.Sid), "the same user\n");
    ok(CreateProcessAsUserA(restricted, NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi),
       "CreateProcessAsUser: error %lu\n", GetLastError());
    WaitForSingleObject(pi.hProcess, 10000);
    ok(GetExitCodeProcess(pi.hProcess, &code) && code == 5, "exit code %lu\n", code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    CloseHandle(restricted);
    CloseHandle(token);
}

int main(void)
{
    test_start("advapi32/security");
    test_restricted();
    test_tokens();
    test_privileges();
    test_impersonation();
    test_sids();
    test_accounts();
    test_acls();
    test_descriptors();
    test_sddl();
    test_access_check();
    test_file_security();
    test_crypt();
    test_eventlog_and_services();
    return test_summary();
}
