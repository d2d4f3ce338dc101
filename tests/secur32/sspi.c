/*
 * tests/secur32/sspi.c — SSPI's answers for unknown packages and handles
 * that were never given, the dispatch table, GetUserNameEx, and the
 * process's logon session.
 */
#define SECURITY_WIN32
#include "test.h"
#include <sspi.h>
#include <security.h>
#include <ntsecapi.h>

static void test_packages(void)
{
    SecPkgInfoW *info = (SecPkgInfoW *)0xdeadbeef;
    ULONG count = 0xdeadbeef, i;
    CredHandle cred;
    CtxtHandle ctx;
    TimeStamp expiry;
    SECURITY_STATUS status;

    status = EnumerateSecurityPackagesW(&count, &info);
    ok(status == SEC_E_OK, "EnumerateSecurityPackagesW: %08lx\n", status);
    for (i = 0; status == SEC_E_OK && i < count; i++)
        ok(info[i].Name && info[i].Name[0], "package %lu has no name\n", i);
    if (status == SEC_E_OK) ok(FreeContextBuffer(info) == SEC_E_OK, "FreeContextBuffer\n");

    status = QuerySecurityPackageInfoW((SEC_WCHAR *)L"wlx-no-such-package", &info);
    ok(status == SEC_E_SECPKG_NOT_FOUND, "unknown package info: %08lx\n", status);
    status = AcquireCredentialsHandleW(NULL, (SEC_WCHAR *)L"wlx-no-such-package", SECPKG_CRED_OUTBOUND, NULL,
                                       NULL, NULL, NULL, &cred, &expiry);
    ok(status == SEC_E_SECPKG_NOT_FOUND, "unknown package credentials: %08lx\n", status);

    /* handles nobody gave */
    memset(&ctx, 0, sizeof(ctx));
    memset(&cred, 0, sizeof(cred));
    ok(DeleteSecurityContext(&ctx) == SEC_E_INVALID_HANDLE, "DeleteSecurityContext of nothing\n");
    ok(FreeCredentialsHandle(&cred) == SEC_E_INVALID_HANDLE, "FreeCredentialsHandle of nothing\n");
}

static void test_interface(void)
{
    SecurityFunctionTableW *w = InitSecurityInterfaceW();
    SecurityFunctionTableA *a = InitSecurityInterfaceA();
    SecPkgInfoW *info;
    ULONG count;

    ok(w && w->dwVersion >= 1, "no W table\n");
    ok(a && a->dwVersion >= 1, "no A table\n");
    if (!w || !a) return;
    ok(w->AcquireCredentialsHandleW && w->InitializeSecurityContextW && w->DecryptMessage &&
       w->EncryptMessage && w->FreeContextBuffer && w->DeleteSecurityContext, "W table lacks functions\n");
    ok(a->AcquireCredentialsHandleA && a->InitializeSecurityContextA, "A table lacks functions\n");
    ok(w->EnumerateSecurityPackagesW(&count, &info) == SEC_E_OK, "through the table\n");
    w->FreeContextBuffer(info);
}

static void test_user_name(void)
{
    WCHAR name[256], plain[256], *slash;
    ULONG size = 0;
    DWORD plain_len = ARRAYSIZE(plain);

    GetUserNameW(plain, &plain_len);
    SetLastError(0xdeadbeef);
    ok(!GetUserNameExW(NameSamCompatible, NULL, &size), "no buffer accepted\n");
    ok(GetLastError() == ERROR_MORE_DATA, "no buffer: error %lu\n", GetLastError());
    ok(size > 2, "size %lu\n", size);
    size = ARRAYSIZE(name);
    ok(GetUserNameExW(NameSamCompatible, name, &size), "NameSamCompatible: error %lu\n", GetLastError());
    ok(size == wcslen(name), "size %lu for %ls\n", size, name);
    slash = wcschr(name, '\\');
    ok(slash && !lstrcmpiW(slash + 1, plain), "NameSamCompatible %ls, user %ls\n", name, plain);
    {
        WCHAR computer[MAX_COMPUTERNAME_LENGTH + 1];
        DWORD len = ARRAYSIZE(computer);
        GetComputerNameW(computer, &len);
        ok(slash && slash - name == len && !_wcsnicmp(name, computer, len), "NameSamCompatible %ls, computer %ls\n",
           name, computer);
    }
    {
        char namea[256];
        ULONG sizea = 2;
        SetLastError(0xdeadbeef);
        ok(!GetUserNameExA(NameSamCompatible, namea, &sizea) && GetLastError() == ERROR_MORE_DATA,
           "A form, short buffer: error %lu\n", GetLastError());
        ok(sizea == size + 1, "A form needs %lu, W form gave %lu characters\n", sizea, size);
        sizea = sizeof(namea);
        ok(GetUserNameExA(NameSamCompatible, namea, &sizea) && sizea == strlen(namea), "A form: %lu\n", sizea);
    }
    /* no domain: the forms only a domain controller knows do not exist */
    size = ARRAYSIZE(name);
    SetLastError(0xdeadbeef);
    ok(!GetUserNameExW(NameUserPrincipal, name, &size), "NameUserPrincipal exists\n");
    ok(GetLastError() == ERROR_NONE_MAPPED, "NameUserPrincipal: error %lu\n", GetLastError());
}

static void test_logon_sessions(void)
{
    SECURITY_LOGON_SESSION_DATA *data = NULL;
    TOKEN_STATISTICS stats;
    WCHAR user[256];
    DWORD len, user_len = ARRAYSIZE(user);
    HANDLE token;
    ULONG count = 0, i;
    LUID *list = NULL;
    NTSTATUS status;
    BOOL found = FALSE;

    OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token);
    GetTokenInformation(token, TokenStatistics, &stats, sizeof(stats), &len);
    CloseHandle(token);
    GetUserNameW(user, &user_len);

    status = LsaEnumerateLogonSessions(&count, &list);
    ok(status == 0, "LsaEnumerateLogonSessions: %08lx\n", status);
    /* Wine 8 answers an empty list */
    todo_wine(count >= 1, "no logon session\n");
    for (i = 0; i < count; i++)
        if (list[i].LowPart == stats.AuthenticationId.LowPart && list[i].HighPart == stats.AuthenticationId.HighPart)
            found = TRUE;
    todo_wine(found, "the token's session is not listed\n");
    if (list) LsaFreeReturnBuffer(list);

    status = LsaGetLogonSessionData(&stats.AuthenticationId, &data);
    ok(status == 0 && data, "LsaGetLogonSessionData: %08lx\n", status);
    if (status || !data) return;
    ok(data->LogonId.LowPart == stats.AuthenticationId.LowPart, "logon id %lx\n", data->LogonId.LowPart);
    /* Wine 8 fills in nothing but the size and the logon id */
    todo_wine(data->UserName.Length == wcslen(user) * sizeof(WCHAR) &&
       !memcmp(data->UserName.Buffer, user, data->UserName.Length), "user %.*ls\n",
       data->UserName.Length / 2, data->UserName.Buffer);
    todo_wine(data->Sid && IsValidSid(data->Sid), "no SID\n");
    LsaFreeReturnBuffer(data);
}

int main(void)
{
    test_start("secur32/sspi");
    test_packages();
    test_interface();
    test_user_name();
    test_logon_sessions();
    return test_summary();
}
