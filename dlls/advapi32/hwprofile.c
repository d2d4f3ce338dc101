/*
 * dlls/advapi32/hwprofile.c — GetCurrentHwProfile: the one hardware profile
 * of a desktop machine that cannot be docked.
 *
 * Windows keeps a profile's GUID and name under IDConfigDB\Hardware
 * Profiles\<nnnn>; the GUID is made once per installation. Here it is made
 * at the first call, at random, and kept at the same place in the prefix's
 * registry, so that it stays the same for every later call and process.
 */
#include "secpriv.h"

#define PROFILE_KEY L"SYSTEM\\CurrentControlSet\\Control\\IDConfigDB\\Hardware Profiles\\0001"
#define PROFILE_NAME L"Profile 1"

NTSTATUS NTAPI RtlStringFromGUID(const GUID *guid, UNICODE_STRING *str);

/* "{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}" of a random (version 4) GUID
   into out (HW_PROFILE_GUIDLEN characters) */
static void random_guid_string(WCHAR *out)
{
    UNICODE_STRING str;
    GUID guid;

    __wlx_random(&guid, sizeof(guid));
    guid.Data3 = (guid.Data3 & 0x0fff) | 0x4000;
    guid.Data4[0] = (guid.Data4[0] & 0x3f) | 0x80;
    out[0] = 0;
    if (RtlStringFromGUID(&guid, &str)) return;
    lstrcpynW(out, str.Buffer, HW_PROFILE_GUIDLEN);
    RtlFreeUnicodeString(&str);
}

/* the profile's GUID string, stored at the first call; a random one, not
 * kept, if the registry cannot be written */
static void profile_guid(WCHAR *guid)
{
    DWORD size = HW_PROFILE_GUIDLEN * sizeof(WCHAR), type;
    HKEY key;

    if (RegCreateKeyExW(HKEY_LOCAL_MACHINE, PROFILE_KEY, 0, NULL, 0, KEY_QUERY_VALUE | KEY_SET_VALUE,
                        NULL, &key, NULL))
    {
        random_guid_string(guid);
        return;
    }
    if (RegQueryValueExW(key, L"HwProfileGuid", NULL, &type, (BYTE *)guid, &size) || type != REG_SZ
        || (size != (HW_PROFILE_GUIDLEN - 1) * sizeof(WCHAR) && size != HW_PROFILE_GUIDLEN * sizeof(WCHAR)))
    {
        random_guid_string(guid);
        RegSetValueExW(key, L"HwProfileGuid", 0, REG_SZ, (BYTE *)guid, (lstrlenW(guid) + 1) * sizeof(WCHAR));
        RegSetValueExW(key, L"FriendlyName", 0, REG_SZ, (BYTE *)PROFILE_NAME, sizeof(PROFILE_NAME));
    }
    guid[HW_PROFILE_GUIDLEN - 1] = 0;
    RegCloseKey(key);
}

BOOL WINAPI GetCurrentHwProfileW(LPHW_PROFILE_INFOW info)
{
    if (!info) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    /* a desktop that cannot be undocked: UNDOCKED is always set, and
     * USER_SUPPLIED when the user said nothing (the documented defaults) */
    info->dwDockInfo = DOCKINFO_UNDOCKED | DOCKINFO_USER_SUPPLIED;
    profile_guid(info->szHwProfileGuid);
    lstrcpynW(info->szHwProfileName, PROFILE_NAME, MAX_PROFILE_LEN);
    return TRUE;
}

BOOL WINAPI GetCurrentHwProfileA(LPHW_PROFILE_INFOA info)
{
    HW_PROFILE_INFOW w;

    if (!info) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    GetCurrentHwProfileW(&w);
    info->dwDockInfo = w.dwDockInfo;
    WideCharToMultiByte(CP_ACP, 0, w.szHwProfileGuid, -1, info->szHwProfileGuid, HW_PROFILE_GUIDLEN, NULL, NULL);
    WideCharToMultiByte(CP_ACP, 0, w.szHwProfileName, -1, info->szHwProfileName, MAX_PROFILE_LEN, NULL, NULL);
    return TRUE;
}
