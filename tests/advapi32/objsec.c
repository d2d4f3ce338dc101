/*
 * tests/advapi32/objsec.c — the security of kernel objects by handle
 * (GetKernelObjectSecurity, SetKernelObjectSecurity: the access a handle
 * needs, the size protocol), PrivilegeCheck on an impersonation token,
 * the TRUSTEE and EXPLICIT_ACCESS builders with SetEntriesInAcl, and
 * IsTextUnicode.
 */
#include <windows.h>
#include <aclapi.h>
#include "test.h"

static void test_kernel_object_security(void)
{
    SECURITY_INFORMATION info = OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION;
    BYTE buf[1024];
    PSECURITY_DESCRIPTOR sd = buf;
    DWORD needed = 0, needed2;
    PSID owner = NULL;
    PACL dacl = NULL;
    BOOL present = FALSE, defaulted;
    HANDLE event, limited;

    /* an unnamed event has no descriptor (its type does not require one):
       an empty one comes back */
    event = CreateEventW(NULL, TRUE, FALSE, NULL);
    ok(GetKernelObjectSecurity(event, info, buf, sizeof(buf), &needed), "unnamed event: error %lu\n",
       GetLastError());
    ok(needed == sizeof(SECURITY_DESCRIPTOR_RELATIVE), "unnamed event: needed %lu\n", needed);
    GetSecurityDescriptorOwner(sd, &owner, &defaulted);
    present = TRUE;
    GetSecurityDescriptorDacl(sd, &present, &dacl, &defaulted);
    ok(!owner && !present, "unnamed event: owner %p, DACL present %d\n", owner, present);
    CloseHandle(event);

    /* a named one gets its creator's default descriptor: an owner and a
       DACL (Wine 8 gives a named object created without attributes no
       descriptor either: the todo_wine lines below) */
    event = CreateEventW(NULL, TRUE, FALSE, L"wlx-objsec-test-event");
    SetLastError(0xdeadbeef);
    ok(!GetKernelObjectSecurity(event, info, NULL, 0, &needed), "no buffer accepted\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "no buffer: error %lu\n", GetLastError());
    todo_wine(needed > sizeof(SECURITY_DESCRIPTOR_RELATIVE) && needed <= sizeof(buf), "needed %lu\n", needed);
    SetLastError(0xdeadbeef);
    ok(!GetKernelObjectSecurity(event, info, buf, needed - 1, &needed2), "short buffer accepted\n");
    ok(GetLastError() == ERROR_INSUFFICIENT_BUFFER, "short buffer: error %lu\n", GetLastError());
    ok(needed2 == needed, "needed %lu then %lu\n", needed, needed2);

    ok(GetKernelObjectSecurity(event, info, buf, sizeof(buf), &needed2), "event: error %lu\n", GetLastError());
    ok(needed2 == needed, "needed %lu with a buffer\n", needed2);
    ok(IsValidSecurityDescriptor(sd), "invalid descriptor\n");
    ok(GetSecurityDescriptorLength(sd) == needed, "length %lu, needed %lu\n", GetSecurityDescriptorLength(sd), needed);
    todo_wine(GetSecurityDescriptorOwner(sd, &owner, &defaulted) && owner && IsValidSid(owner), "no owner\n");
    todo_wine(GetSecurityDescriptorDacl(sd, &present, &dacl, &defaulted) && present, "no DACL\n");

    /* only what was asked for */
    ok(GetKernelObjectSecurity(event, OWNER_SECURITY_INFORMATION, buf, sizeof(buf), &needed2), "owner only\n");
    owner = NULL;
    GetSecurityDescriptorOwner(sd, &owner, &defaulted);
    present = TRUE;
    GetSecurityDescriptorDacl(sd, &present, &dacl, &defaulted);
    todo_wine(owner != NULL && !present, "owner %p, DACL present %d\n", owner, present);

    /* reading needs READ_CONTROL, writing the DACL WRITE_DAC */
    DuplicateHandle(GetCurrentProcess(), event, GetCurrentProcess(), &limited, SYNCHRONIZE, FALSE, 0);
    SetLastError(0xdeadbeef);
    ok(!GetKernelObjectSecurity(limited, info, buf, sizeof(buf), &needed2), "read without READ_CONTROL\n");
    ok(GetLastError() == ERROR_ACCESS_DENIED, "without READ_CONTROL: error %lu\n", GetLastError());
    GetKernelObjectSecurity(event, info, buf, sizeof(buf), &needed2);
    SetLastError(0xdeadbeef);
    ok(!SetKernelObjectSecurity(limited, DACL_SECURITY_INFORMATION, sd), "write without WRITE_DAC\n");
    ok(GetLastError() == ERROR_ACCESS_DENIED, "without WRITE_DAC: error %lu\n", GetLastError());
    CloseHandle(limited);
    ok(SetKernelObjectSecurity(event, DACL_SECURITY_INFORMATION, sd), "set DACL: error %lu\n", GetLastError());
    CloseHandle(event);

    /* the process through its pseudo-handle */
    ok(GetKernelObjectSecurity(GetCurrentProcess(), info, buf, sizeof(buf), &needed), "process: error %lu\n",
       GetLastError());
    ok(IsValidSecurityDescriptor(sd), "process: invalid descriptor\n");

    SetLastError(0xdeadbeef);
    ok(!GetKernelObjectSecurity((HANDLE)0xdead0, info, buf, sizeof(buf), &needed), "bad handle accepted\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "bad handle: error %lu\n", GetLastError());
}

static void test_privilege_check(void)
{
    PRIVILEGE_SET set = { 1, PRIVILEGE_SET_ALL_NECESSARY };
    struct { PRIVILEGE_SET set; LUID_AND_ATTRIBUTES more; } two = { { 2, PRIVILEGE_SET_ALL_NECESSARY } };
    HANDLE token;
    BOOL result;
    LUID change_notify, shutdown;

    LookupPrivilegeValueW(NULL, L"SeChangeNotifyPrivilege", &change_notify);   /* enabled for everyone */
    LookupPrivilegeValueW(NULL, L"SeShutdownPrivilege", &shutdown);             /* held, disabled */
    set.Privilege[0].Luid = change_notify;

    /* a primary token is refused (Wine 8 checks a primary token as it
       checks an impersonation one) */
    OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token);
    SetLastError(0xdeadbeef);
    result = 2;
    todo_wine(!PrivilegeCheck(token, &set, &result), "primary token accepted\n");
    todo_wine(GetLastError() == ERROR_NO_IMPERSONATION_TOKEN, "primary token: error %lu\n", GetLastError());
    CloseHandle(token);

    ok(ImpersonateSelf(SecurityImpersonation), "ImpersonateSelf: error %lu\n", GetLastError());
    ok(OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token), "OpenThreadToken: error %lu\n",
       GetLastError());
    result = FALSE;
    ok(PrivilegeCheck(token, &set, &result), "PrivilegeCheck: error %lu\n", GetLastError());
    ok(result == TRUE, "SeChangeNotifyPrivilege not held\n");
    ok(set.Privilege[0].Attributes & SE_PRIVILEGE_USED_FOR_ACCESS, "not marked used: %#lx\n",
       set.Privilege[0].Attributes);

    set.Privilege[0].Luid = shutdown;
    set.Privilege[0].Attributes = 0;
    result = TRUE;
    ok(PrivilegeCheck(token, &set, &result), "PrivilegeCheck(shutdown): error %lu\n", GetLastError());
    ok(result == FALSE, "disabled SeShutdownPrivilege counted\n");
    ok(!(set.Privilege[0].Attributes & SE_PRIVILEGE_USED_FOR_ACCESS), "disabled one marked used\n");

    /* all necessary, or any one */
    two.set.Privilege[0].Luid = change_notify;
    two.set.Privilege[1].Luid = shutdown;
    result = TRUE;
    ok(PrivilegeCheck(token, &two.set, &result) && result == FALSE, "all necessary: %d\n", result);
    two.set.Control = 0;
    result = FALSE;
    ok(PrivilegeCheck(token, &two.set, &result) && result == TRUE, "any: %d\n", result);
    CloseHandle(token);
    RevertToSelf();
}

static void test_trustees(void)
{
    EXPLICIT_ACCESS_W ea;
    EXPLICIT_ACCESS_A eaa;
    TRUSTEE_W trustee;
    PACL acl = NULL;
    ACCESS_ALLOWED_ACE *ace;
    BYTE everyone[SECURITY_MAX_SID_SIZE];
    DWORD size = sizeof(everyone), rc;
    WCHAR name[] = L"Everyone";
    char namea[] = "Everyone";

    memset(&ea, 0xcc, sizeof(ea));
    BuildExplicitAccessWithNameW(&ea, name, GENERIC_READ, GRANT_ACCESS, SUB_CONTAINERS_AND_OBJECTS_INHERIT);
    ok(ea.grfAccessPermissions == GENERIC_READ && ea.grfAccessMode == GRANT_ACCESS &&
       ea.grfInheritance == SUB_CONTAINERS_AND_OBJECTS_INHERIT, "fields %#lx %d %#lx\n",
       ea.grfAccessPermissions, ea.grfAccessMode, ea.grfInheritance);
    ok(ea.Trustee.pMultipleTrustee == NULL && ea.Trustee.MultipleTrusteeOperation == NO_MULTIPLE_TRUSTEE,
       "multiple trustee %p %d\n", ea.Trustee.pMultipleTrustee, ea.Trustee.MultipleTrusteeOperation);
    ok(ea.Trustee.TrusteeForm == TRUSTEE_IS_NAME && ea.Trustee.TrusteeType == TRUSTEE_IS_UNKNOWN,
       "form %d type %d\n", ea.Trustee.TrusteeForm, ea.Trustee.TrusteeType);
    ok(ea.Trustee.ptstrName == name, "name %p\n", ea.Trustee.ptstrName);
    ok(GetTrusteeNameW(&ea.Trustee) == name && GetTrusteeFormW(&ea.Trustee) == TRUSTEE_IS_NAME &&
       GetTrusteeTypeW(&ea.Trustee) == TRUSTEE_IS_UNKNOWN, "GetTrustee*\n");

    memset(&eaa, 0xcc, sizeof(eaa));
    BuildExplicitAccessWithNameA(&eaa, namea, GENERIC_ALL, DENY_ACCESS, NO_INHERITANCE);
    ok(eaa.Trustee.ptstrName == namea && eaa.Trustee.TrusteeForm == TRUSTEE_IS_NAME &&
       eaa.grfAccessMode == DENY_ACCESS && eaa.grfInheritance == NO_INHERITANCE, "A form\n");

    /* what a program does with it: an ACL granting Everyone read */
    rc = SetEntriesInAclW(1, &ea, NULL, &acl);
    ok(rc == ERROR_SUCCESS && acl, "SetEntriesInAclW %lu\n", rc);
    CreateWellKnownSid(WinWorldSid, NULL, everyone, &size);
    if (acl && GetAce(acl, 0, (void **)&ace))
    {
        ok(ace->Header.AceType == ACCESS_ALLOWED_ACE_TYPE, "ACE type %d\n", ace->Header.AceType);
        ok(EqualSid(&ace->SidStart, everyone), "not Everyone's ACE\n");
        ok(ace->Header.AceFlags == (OBJECT_INHERIT_ACE | CONTAINER_INHERIT_ACE), "ACE flags %#x\n",
           ace->Header.AceFlags);
    }
    else ok(0, "no ACE\n");
    LocalFree(acl);

    BuildTrusteeWithSidW(&trustee, everyone);
    ok(trustee.TrusteeForm == TRUSTEE_IS_SID && trustee.ptstrName == (WCHAR *)everyone &&
       trustee.TrusteeType == TRUSTEE_IS_UNKNOWN, "BuildTrusteeWithSidW\n");
    BuildTrusteeWithNameW(&trustee, name);
    ok(trustee.TrusteeForm == TRUSTEE_IS_NAME && trustee.ptstrName == name, "BuildTrusteeWithNameW\n");
}

static void test_is_text_unicode(void)
{
    static const WCHAR text[] = L"plain text, in UTF-16";
    static const char ansi[] = "plain text, in ANSI characters";
    static const WCHAR reversed[] = { 0xfffe, 'a' << 8, 'b' << 8, 0 };
    static const WCHAR signed_text[] = { 0xfeff, 'a', 'b', 'c', 0 };
    INT flags;

    ok(IsTextUnicode(text, sizeof(text) - sizeof(WCHAR), NULL), "UTF-16 text not taken for Unicode\n");
    flags = IS_TEXT_UNICODE_SIGNATURE;
    ok(IsTextUnicode(signed_text, sizeof(signed_text) - sizeof(WCHAR), &flags), "text with a BOM\n");
    ok(flags == IS_TEXT_UNICODE_SIGNATURE, "BOM flags %#x\n", flags);
    ok(!IsTextUnicode(ansi, sizeof(ansi) - 1, NULL), "ANSI text taken for Unicode\n");
    flags = IS_TEXT_UNICODE_REVERSE_SIGNATURE;
    ok(!IsTextUnicode(reversed, sizeof(reversed) - sizeof(WCHAR), &flags), "reversed text taken for Unicode\n");
    ok(flags == IS_TEXT_UNICODE_REVERSE_SIGNATURE, "reversed flags %#x\n", flags);
}

int main(void)
{
    test_start("advapi32/objsec");
    test_kernel_object_security();
    test_privilege_check();
    test_trustees();
    test_is_text_unicode();
    return test_summary();
}
