/*
 * dlls/advapi32/cred.c — the Credential Manager (CredRead, CredEnumerate,
 * CredWrite...). wlx keeps no credential store: the store is empty
 * (reads and enumerations find nothing: ERROR_NOT_FOUND), and
 * CredGetSessionTypes says no type can be kept (CRED_PERSIST_NONE), so
 * writing one fails as Windows fails for a logon session without a
 * credential set (ERROR_NO_SUCH_LOGON_SESSION). Programs then ask the user
 * or use another store (tests/advapi32/cred.c).
 */
#include "secpriv.h"
#include <wincred.h>

#define CRED_ENUMERATE_ALL_CREDENTIALS 0x1   /* newer than mingw's wincred.h */

static BOOL not_found(void)
{
    SetLastError(ERROR_NOT_FOUND);
    return FALSE;
}

BOOL WINAPI CredEnumerateW(LPCWSTR filter, DWORD flags, DWORD *count, PCREDENTIALW **creds)
{
    if (flags & ~CRED_ENUMERATE_ALL_CREDENTIALS) { SetLastError(ERROR_INVALID_FLAGS); return FALSE; }
    if (!count || !creds) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    *count = 0;
    *creds = NULL;
    return not_found();
}

BOOL WINAPI CredEnumerateA(LPCSTR filter, DWORD flags, DWORD *count, PCREDENTIALA **creds)
{
    return CredEnumerateW(NULL, flags, count, (PCREDENTIALW **)creds);
}

BOOL WINAPI CredReadW(LPCWSTR target, DWORD type, DWORD flags, PCREDENTIALW *cred)
{
    if (!target || !cred || !type || type > CRED_TYPE_MAXIMUM_EX) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    *cred = NULL;
    return not_found();
}

BOOL WINAPI CredReadA(LPCSTR target, DWORD type, DWORD flags, PCREDENTIALA *cred)
{
    return CredReadW(target ? L"" : NULL, type, flags, (PCREDENTIALW *)cred);
}

BOOL WINAPI CredDeleteW(LPCWSTR target, DWORD type, DWORD flags)
{
    if (!target || !type || type > CRED_TYPE_MAXIMUM_EX) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return not_found();
}

BOOL WINAPI CredDeleteA(LPCSTR target, DWORD type, DWORD flags)
{
    return CredDeleteW(target ? L"" : NULL, type, flags);
}

BOOL WINAPI CredWriteW(PCREDENTIALW cred, DWORD flags)
{
    if (!cred) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    SetLastError(ERROR_NO_SUCH_LOGON_SESSION);
    return FALSE;
}

BOOL WINAPI CredWriteA(PCREDENTIALA cred, DWORD flags)
{
    return CredWriteW((PCREDENTIALW)cred, flags);
}

BOOL WINAPI CredGetSessionTypes(DWORD count, LPDWORD persist)
{
    for (DWORD i = 0; i < count; i++) persist[i] = CRED_PERSIST_NONE;
    return TRUE;
}

/* nothing is ever handed out to free */
VOID WINAPI CredFree(PVOID buffer)
{
}
