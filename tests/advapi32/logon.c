/*
 * tests/advapi32/logon.c — logging on as another user with a wrong
 * password (LogonUser, CreateProcessWithLogonW: ERROR_LOGON_FAILURE), and
 * the credential manager when it holds nothing for the caller (CredRead,
 * CredEnumerate: ERROR_NOT_FOUND).
 */
#include <windows.h>
#include <wincred.h>
#include "test.h"

static void test_logon(void)
{
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi = { 0 };
    WCHAR cmd[MAX_PATH + 16] = L"\"";
    HANDLE token = NULL;
    BOOL ret;

    /* Wine 8's LogonUser succeeds for any name and password, with a dummy
       token, and its CreateProcessWithLogonW fails with another error */
    SetLastError(0xdeadbeef);
    ret = LogonUserW(L"wlx-no-such-user", L".", L"not the password", LOGON32_LOGON_INTERACTIVE,
                     LOGON32_PROVIDER_DEFAULT, &token);
    todo_wine(!ret, "logged on as nobody\n");
    todo_wine(GetLastError() == ERROR_LOGON_FAILURE, "LogonUserW: error %lu\n", GetLastError());
    if (ret) CloseHandle(token);
    SetLastError(0xdeadbeef);
    ret = LogonUserA("wlx-no-such-user", ".", "not the password", LOGON32_LOGON_NETWORK,
                     LOGON32_PROVIDER_DEFAULT, &token);
    todo_wine(!ret && GetLastError() == ERROR_LOGON_FAILURE, "LogonUserA: %d, error %lu\n", ret, GetLastError());
    if (ret) CloseHandle(token);

    /* the child would only exit: this program with an argument */
    GetModuleFileNameW(NULL, cmd + 1, MAX_PATH);
    lstrcatW(cmd, L"\" child");
    SetLastError(0xdeadbeef);
    ret = CreateProcessWithLogonW(L"wlx-no-such-user", L".", L"not the password", 0, NULL, cmd, 0, NULL, NULL,
                                  &si, &pi);
    ok(!ret, "process started as nobody\n");
    todo_wine(GetLastError() == ERROR_LOGON_FAILURE, "CreateProcessWithLogonW: error %lu\n", GetLastError());
    if (ret)
    {
        WaitForSingleObject(pi.hProcess, INFINITE);
        CloseHandle(pi.hProcess);
        CloseHandle(pi.hThread);
    }
}

static void test_credentials(void)
{
    PCREDENTIALW *creds, cred;
    DWORD count = 5;
    BOOL ret;

    SetLastError(0xdeadbeef);
    ret = CredEnumerateW(L"wlx-no-such-target*", 0, &count, &creds);
    ok(!ret && GetLastError() == ERROR_NOT_FOUND, "CredEnumerateW(filter): %d, error %lu\n", ret, GetLastError());
    ok(count == 0, "count %lu\n", count);
    SetLastError(0xdeadbeef);
    ret = CredEnumerateW(NULL, 2, &count, &creds);
    ok(!ret && GetLastError() == ERROR_INVALID_FLAGS, "CredEnumerateW(bad flags): %d, error %lu\n", ret,
       GetLastError());
    SetLastError(0xdeadbeef);
    ret = CredReadW(L"wlx-no-such-target", CRED_TYPE_GENERIC, 0, &cred);
    ok(!ret && GetLastError() == ERROR_NOT_FOUND, "CredReadW: %d, error %lu\n", ret, GetLastError());
    SetLastError(0xdeadbeef);
    ret = CredDeleteW(L"wlx-no-such-target", CRED_TYPE_GENERIC, 0);
    ok(!ret && GetLastError() == ERROR_NOT_FOUND, "CredDeleteW: %d, error %lu\n", ret, GetLastError());
    CredFree(NULL);
}

int main(int argc, char **argv)
{
    if (argc > 1) return 0;   /* the child of CreateProcessWithLogonW, if it ever starts */
    test_start("advapi32/logon");
    test_logon();
    test_credentials();
    return test_summary();
}
