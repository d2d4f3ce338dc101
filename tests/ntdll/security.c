/*
 * tests/ntdll/security.c — ntdll's security layer seen directly: the
 * NT status codes of NtOpenProcessToken/NtOpenThreadToken,
 * NtQueryInformationToken (sizes, STATUS_BUFFER_TOO_SMALL, pseudo-handles),
 * NtAdjustPrivilegesToken, RtlAdjustPrivilege, and the Rtl SID, ACL and
 * security-descriptor functions' argument checks.
 */
#include <windows.h>
#include <winternl.h>
#include "test.h"

#define STATUS_SUCCESS_            ((NTSTATUS)0x00000000)
#define STATUS_NOT_ALL_ASSIGNED_   ((NTSTATUS)0x00000106)
#define STATUS_BUFFER_OVERFLOW_    ((NTSTATUS)0x80000005)
#define STATUS_INVALID_PARAMETER_  ((NTSTATUS)0xC000000D)
#define STATUS_BUFFER_TOO_SMALL_   ((NTSTATUS)0xC0000023)
#define STATUS_UNKNOWN_REVISION_   ((NTSTATUS)0xC0000058)
#define STATUS_NO_TOKEN_           ((NTSTATUS)0xC000007C)
#define STATUS_BAD_DESCRIPTOR_FORMAT_ ((NTSTATUS)0xC00000E7)
#define CURRENT_PROCESS_TOKEN      ((HANDLE)(LONG_PTR)-4)

static NTSTATUS (NTAPI *pNtOpenProcessToken)(HANDLE, ACCESS_MASK, HANDLE *);
static NTSTATUS (NTAPI *pNtOpenThreadToken)(HANDLE, ACCESS_MASK, BOOLEAN, HANDLE *);
static NTSTATUS (NTAPI *pNtQueryInformationToken)(HANDLE, TOKEN_INFORMATION_CLASS, void *, ULONG, ULONG *);
static NTSTATUS (NTAPI *pNtAdjustPrivilegesToken)(HANDLE, BOOLEAN, TOKEN_PRIVILEGES *, ULONG, TOKEN_PRIVILEGES *,
                                                  ULONG *);
static NTSTATUS (NTAPI *pRtlAdjustPrivilege)(ULONG, BOOLEAN, BOOLEAN, BOOLEAN *);
static NTSTATUS (NTAPI *pRtlConvertSidToUnicodeString)(UNICODE_STRING *, PSID, BOOLEAN);
static NTSTATUS (NTAPI *pRtlCreateAcl)(ACL *, ULONG, ULONG);
static NTSTATUS (NTAPI *pRtlCopySid)(ULONG, PSID, PSID);
static NTSTATUS (NTAPI *pRtlCreateSecurityDescriptor)(PSECURITY_DESCRIPTOR, ULONG);
static NTSTATUS (NTAPI *pRtlAbsoluteToSelfRelativeSD)(PSECURITY_DESCRIPTOR, PSECURITY_DESCRIPTOR, ULONG *);
static NTSTATUS (NTAPI *pRtlAddAccessAllowedAce)(ACL *, ULONG, ACCESS_MASK, PSID);
static ULONG (NTAPI *pRtlLengthRequiredSid)(ULONG);

static int load(void)
{
    HMODULE ntdll = GetModuleHandleA("ntdll.dll");
#define GET(name) (p##name = (void *)GetProcAddress(ntdll, #name))
    return GET(NtOpenProcessToken) && GET(NtOpenThreadToken) && GET(NtQueryInformationToken) &&
           GET(NtAdjustPrivilegesToken) && GET(RtlAdjustPrivilege) && GET(RtlConvertSidToUnicodeString) &&
           GET(RtlCreateAcl) && GET(RtlCopySid) && GET(RtlCreateSecurityDescriptor) &&
           GET(RtlAbsoluteToSelfRelativeSD) && GET(RtlAddAccessAllowedAce) && GET(RtlLengthRequiredSid);
#undef GET
}

static void test_token_queries(void)
{
    BYTE buf[1024];
    TOKEN_TYPE type = 0;
    HANDLE token;
    NTSTATUS status;
    ULONG len = 0, len2 = 0;

    status = pNtOpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token);
    ok(status == STATUS_NO_TOKEN_, "thread token: %#lx\n", status);
    status = pNtOpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token);
    ok(!status, "NtOpenProcessToken %#lx\n", status);
    if (status) return;

    status = pNtQueryInformationToken(token, TokenGroups, buf, 4, &len);
    ok(status == STATUS_BUFFER_TOO_SMALL_ && len > sizeof(TOKEN_GROUPS), "short: %#lx %lu\n", status, len);
    status = pNtQueryInformationToken(token, TokenGroups, buf, sizeof(buf), &len2);
    ok(!status && len2 == len, "TokenGroups %#lx %lu %lu\n", status, len, len2);
    status = pNtQueryInformationToken(token, TokenPrivileges, buf, sizeof(buf), &len);
    ok(!status && ((TOKEN_PRIVILEGES *)buf)->PrivilegeCount > 0 &&
       len == FIELD_OFFSET(TOKEN_PRIVILEGES, Privileges[((TOKEN_PRIVILEGES *)buf)->PrivilegeCount]),
       "TokenPrivileges %#lx %lu\n", status, len);
    status = pNtQueryInformationToken(token, TokenDefaultDacl, buf, sizeof(buf), &len);
    ok(!status && ((TOKEN_DEFAULT_DACL *)buf)->DefaultDacl &&
       ((TOKEN_DEFAULT_DACL *)buf)->DefaultDacl->AceCount > 0, "TokenDefaultDacl %#lx\n", status);
    CloseHandle(token);

    /* Windows 8's pseudo-handle of the process token answers queries */
    status = pNtQueryInformationToken(CURRENT_PROCESS_TOKEN, TokenType, &type, sizeof(type), &len);
    ok(!status && type == TokenPrimary, "pseudo-handle TokenType %#lx %u\n", status, type);
}

static void test_adjust(void)
{
    TOKEN_PRIVILEGES tp, prev;
    BOOLEAN was = 2, again;
    HANDLE token;
    NTSTATUS status;
    ULONG len = 0;

    if (pNtOpenProcessToken(GetCurrentProcess(), TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY, &token)) return;
    /* disable SeChangeNotifyPrivilege (23, enabled by default), asking for the previous state in no room */
    tp.PrivilegeCount = 1;
    tp.Privileges[0].Luid.LowPart = 23;
    tp.Privileges[0].Luid.HighPart = 0;
    tp.Privileges[0].Attributes = 0;
    /* documented: too small a buffer for the previous state fails and changes
       nothing; Wine 8 makes the change and succeeds */
    status = pNtAdjustPrivilegesToken(token, FALSE, &tp, 0, &prev, &len);
    todo_wine(status == STATUS_BUFFER_TOO_SMALL_ && len == sizeof(prev), "no room: %#lx %lu\n", status, len);
    status = pNtAdjustPrivilegesToken(token, FALSE, &tp, sizeof(prev), &prev, &len);
    todo_wine(!status && prev.PrivilegeCount == 1 && (prev.Privileges[0].Attributes & SE_PRIVILEGE_ENABLED),
       "disable: %#lx %lu\n", status, prev.PrivilegeCount);
    status = pNtAdjustPrivilegesToken(token, FALSE, &prev, 0, NULL, NULL);
    ok(!status, "restore %#lx\n", status);
    tp.Privileges[0].Luid.LowPart = 2;   /* SeCreateTokenPrivilege: not held */
    tp.Privileges[0].Attributes = SE_PRIVILEGE_ENABLED;
    status = pNtAdjustPrivilegesToken(token, FALSE, &tp, 0, NULL, NULL);
    ok(status == STATUS_NOT_ALL_ASSIGNED_, "not held: %#lx\n", status);
    CloseHandle(token);

    /* SeShutdownPrivilege (19) through RtlAdjustPrivilege, and back */
    status = pRtlAdjustPrivilege(19, TRUE, FALSE, &was);
    ok(!status && was <= 1, "RtlAdjustPrivilege %#lx\n", status);
    status = pRtlAdjustPrivilege(19, was, FALSE, &again);
    ok(!status, "RtlAdjustPrivilege again %#lx\n", status);
}

static void test_rtl(void)
{
    SID_IDENTIFIER_AUTHORITY nt = { SECURITY_NT_AUTHORITY };
    BYTE sid_buf[SECURITY_MAX_SID_SIZE], acl_buf[64], rel[128];
    SID *sid = (SID *)sid_buf;
    WCHAR text[8];
    UNICODE_STRING str = { 0, sizeof(text), text };
    SECURITY_DESCRIPTOR sd;
    NTSTATUS status;
    ULONG len;

    ok(pRtlLengthRequiredSid(3) == 20, "RtlLengthRequiredSid\n");
    InitializeSid(sid, &nt, 2);
    *GetSidSubAuthority(sid, 0) = 32;
    *GetSidSubAuthority(sid, 1) = 544;
    status = pRtlConvertSidToUnicodeString(&str, sid, FALSE);
    ok(status == STATUS_BUFFER_OVERFLOW_, "small string: %#lx\n", status);
    status = pRtlConvertSidToUnicodeString(&str, sid, TRUE);
    ok(!status && str.Length == 12 * sizeof(WCHAR) && !memcmp(str.Buffer, L"S-1-5-32-544", str.Length),
       "S-1-5-32-544: %#lx\n", status);
    if (!status) HeapFree(GetProcessHeap(), 0, str.Buffer);
    /* the WDK documents STATUS_BUFFER_TOO_SMALL; Wine 8's RtlCopySid returns a BOOLEAN */
    status = pRtlCopySid(8, acl_buf, sid);
    todo_wine(status == STATUS_BUFFER_TOO_SMALL_, "RtlCopySid: %#lx\n", status);

    status = pRtlCreateAcl((ACL *)acl_buf, sizeof(acl_buf), 1);
    ok(status == STATUS_INVALID_PARAMETER_, "ACL revision 1: %#lx\n", status);
    status = pRtlCreateAcl((ACL *)acl_buf, 4, ACL_REVISION);
    ok(status == STATUS_BUFFER_TOO_SMALL_, "ACL of 4 bytes: %#lx\n", status);
    ok(!pRtlCreateAcl((ACL *)acl_buf, sizeof(acl_buf), ACL_REVISION), "RtlCreateAcl\n");
    ok(!pRtlAddAccessAllowedAce((ACL *)acl_buf, ACL_REVISION, GENERIC_ALL, sid), "RtlAddAccessAllowedAce\n");

    status = pRtlCreateSecurityDescriptor(&sd, 0);
    ok(status == STATUS_UNKNOWN_REVISION_, "descriptor revision 0: %#lx\n", status);
    ok(!pRtlCreateSecurityDescriptor(&sd, SECURITY_DESCRIPTOR_REVISION), "RtlCreateSecurityDescriptor\n");
    len = sizeof(rel);
    ok(!pRtlAbsoluteToSelfRelativeSD(&sd, rel, &len), "empty relative descriptor\n");
    len = sizeof(rel);
    status = pRtlAbsoluteToSelfRelativeSD(rel, rel + 64, &len);
    ok(status == STATUS_BAD_DESCRIPTOR_FORMAT_, "relative in: %#lx\n", status);
}

int main(void)
{
    test_start("ntdll/security");
    if (!load())
    {
        ok(0, "ntdll lacks a security function\n");
        return test_summary();
    }
    test_token_queries();
    test_adjust();
    test_rtl();
    return test_summary();
}
