/*
 * GetUserNameEx: the user's name in the forms a local (non-domain) account
 * has. NameSamCompatible is "MACHINE\user", NameDisplay the user's name
 * (there is no full name); the forms that need a domain controller fail
 * with ERROR_NONE_MAPPED, as on a Windows machine in no domain.
 */
#include "private.h"

/* the name in `format`, in buf[MAX_PATH]; FALSE with the error when the form does not exist */
static BOOL user_name_in(EXTENDED_NAME_FORMAT format, WCHAR *buf)
{
    DWORD n = MAX_COMPUTERNAME_LENGTH + 1, user_len;

    switch (format)
    {
    case NameSamCompatible:
        if (!GetComputerNameW(buf, &n)) return FALSE;
        buf[n++] = '\\';
        user_len = MAX_PATH - n;
        return GetUserNameW(buf + n, &user_len);
    case NameDisplay:
        user_len = MAX_PATH;
        return GetUserNameW(buf, &user_len);
    case NameUnknown:
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    default:
        SetLastError(ERROR_NONE_MAPPED);
        return FALSE;
    }
}

/* the name into buf (UTF-16, or ANSI when `ansi`): *size is the characters
   without the NUL on success, the size needed with it on ERROR_MORE_DATA */
static BOOLEAN give_name(EXTENDED_NAME_FORMAT format, void *buf, PULONG size, BOOL ansi)
{
    WCHAR name[MAX_PATH];
    ULONG len;

    if (!size) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!user_name_in(format, name)) return FALSE;
    len = ansi ? WideCharToMultiByte(CP_ACP, 0, name, -1, NULL, 0, NULL, NULL) - 1 : lstrlenW(name);
    if (!buf || *size <= len)
    {
        *size = len + 1;
        SetLastError(ERROR_MORE_DATA);
        return FALSE;
    }
    if (ansi) WideCharToMultiByte(CP_ACP, 0, name, -1, buf, *size, NULL, NULL);
    else memcpy(buf, name, (len + 1) * sizeof(WCHAR));
    *size = len;
    return TRUE;
}

BOOLEAN WINAPI GetUserNameExW(EXTENDED_NAME_FORMAT format, LPWSTR buf, PULONG size)
{
    return give_name(format, buf, size, FALSE);
}

BOOLEAN WINAPI GetUserNameExA(EXTENDED_NAME_FORMAT format, LPSTR buf, PULONG size)
{
    return give_name(format, buf, size, TRUE);
}
