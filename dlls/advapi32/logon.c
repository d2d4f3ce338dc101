/*
 * dlls/advapi32/logon.c — logging on as a user: LogonUser(Ex) and
 * CreateProcessWithLogonW. A wlx process has one identity (doc/security.md)
 * and no password database to check against, so every logon fails as it
 * does on Windows for a wrong user name or password: ERROR_LOGON_FAILURE
 * (tests/advapi32/logon.c).
 */
#include "secpriv.h"

static BOOL logon_failure(PHANDLE token)
{
    if (token) *token = NULL;
    SetLastError(ERROR_LOGON_FAILURE);
    return FALSE;
}

BOOL WINAPI LogonUserW(LPCWSTR user, LPCWSTR domain, LPCWSTR password, DWORD type, DWORD provider, PHANDLE token)
{
    return logon_failure(token);
}

BOOL WINAPI LogonUserA(LPCSTR user, LPCSTR domain, LPCSTR password, DWORD type, DWORD provider, PHANDLE token)
{
    return logon_failure(token);
}

BOOL WINAPI LogonUserExW(LPCWSTR user, LPCWSTR domain, LPCWSTR password, DWORD type, DWORD provider, PHANDLE token,
                         PSID *logon_sid, PVOID *profile, LPDWORD profile_len, PQUOTA_LIMITS quota)
{
    return logon_failure(token);
}

BOOL WINAPI LogonUserExA(LPCSTR user, LPCSTR domain, LPCSTR password, DWORD type, DWORD provider, PHANDLE token,
                         PSID *logon_sid, PVOID *profile, LPDWORD profile_len, PQUOTA_LIMITS quota)
{
    return logon_failure(token);
}

/* the process is never started: the credentials cannot be checked */
BOOL WINAPI CreateProcessWithLogonW(LPCWSTR user, LPCWSTR domain, LPCWSTR password, DWORD logon_flags,
                                    LPCWSTR app, LPWSTR cmdline, DWORD flags, LPVOID env, LPCWSTR dir,
                                    LPSTARTUPINFOW si, LPPROCESS_INFORMATION pi)
{
    return logon_failure(NULL);
}
