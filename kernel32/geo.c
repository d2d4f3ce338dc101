/*
 * kernel32/geo.c — the user's geographical location. wlx's locale is en-US
 * (locale.c), so the user's nation is the United States (GEOID 244, "US");
 * it is the one location whose information is known here.
 */
#include <windows.h>
#include <winnls.h>

#define GEOID_US 244

GEOID WINAPI GetUserGeoID(GEOCLASS cls)
{
    return cls == GEOCLASS_NATION ? GEOID_US : GEOID_NOT_AVAILABLE;
}

/* a string answer: its length with the terminator, or what it needs when
   count is 0; ERROR_INSUFFICIENT_BUFFER when it does not fit */
static int give_string(const WCHAR *value, WCHAR *buf, int count)
{
    int len = lstrlenW(value) + 1;

    if (count < 0 || (count && !buf)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (!count) return len;
    if (count < len) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    memcpy(buf, value, len * sizeof(WCHAR));
    return len;
}

int WINAPI GetUserDefaultGeoName(LPWSTR buf, int count)
{
    return give_string(L"US", buf, count);
}

int WINAPI GetGeoInfoW(GEOID geo, GEOTYPE type, LPWSTR buf, int count, LANGID lang)
{
    const WCHAR *value;

    if (geo != GEOID_US) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    switch (type)
    {
    case GEO_NATION: value = L"244"; break;
    case GEO_ISO2: value = L"US"; break;
    case GEO_ISO3: value = L"USA"; break;
    case GEO_RFC1766: value = L"en-US"; break;
    case GEO_LCID: value = L"00000409"; break;
    case GEO_FRIENDLYNAME: value = L"United States"; break;
    case GEO_OFFICIALNAME: value = L"United States of America"; break;
    case GEO_LATITUDE: value = L"39.45"; break;
    case GEO_LONGITUDE: value = L"-98.908"; break;
    case GEO_PARENT: value = L"39070"; break;   /* World */
    default: SetLastError(ERROR_INVALID_FLAGS); return 0;
    }
    return give_string(value, buf, count);
}

int WINAPI GetGeoInfoA(GEOID geo, GEOTYPE type, LPSTR buf, int count, LANGID lang)
{
    WCHAR wide[64];
    int len = GetGeoInfoW(geo, type, wide, ARRAYSIZE(wide), lang);

    if (!len) return 0;
    if (count < 0 || (count && !buf)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    return WideCharToMultiByte(CP_ACP, 0, wide, -1, buf, count, NULL, NULL);
}
