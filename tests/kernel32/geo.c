/*
 * tests/kernel32/geo.c — the user's nation and what GetGeoInfo says of it:
 * its ISO codes and GEOID agree with each other and with the default geo
 * name; buffer sizes are counted in characters with the terminator.
 */
#include <windows.h>
#include "test.h"

int main(void)
{
    GEOID geo;
    WCHAR iso2[8], iso3[8], nation[16], name[8];
    char aiso2[8];
    int len;

    test_start("kernel32/geo");
    geo = GetUserGeoID(GEOCLASS_NATION);
    ok(geo != GEOID_NOT_AVAILABLE, "no nation\n");
    len = GetGeoInfoW(geo, GEO_ISO2, iso2, ARRAYSIZE(iso2), 0);
    ok(len == 3 && lstrlenW(iso2) == 2, "GEO_ISO2 %d %ls\n", len, iso2);
    ok(GetGeoInfoW(geo, GEO_ISO2, NULL, 0, 0) == 3, "size query\n");
    len = GetGeoInfoW(geo, GEO_ISO3, iso3, ARRAYSIZE(iso3), 0);
    ok(len == 4 && !wcsncmp(iso3, iso2, 1), "GEO_ISO3 %d %ls\n", len, iso3);
    len = GetGeoInfoW(geo, GEO_NATION, nation, ARRAYSIZE(nation), 0);
    ok(len > 1 && _wtoi(nation) == geo, "GEO_NATION %ls for %ld\n", nation, geo);
    ok(GetGeoInfoA(geo, GEO_ISO2, aiso2, sizeof(aiso2), 0) == 3 && aiso2[0] == (char)iso2[0], "ANSI ISO2 %s\n", aiso2);
    SetLastError(0xdeadbeef);
    ok(!GetGeoInfoW(geo, GEO_ISO2, iso2, 1, 0) && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "short buffer: %lu\n",
       GetLastError());
    len = GetUserDefaultGeoName(name, ARRAYSIZE(name));
    ok(len == 3 && !lstrcmpW(name, iso2), "default geo name %d %ls (ISO2 %ls)\n", len, name, iso2);
    return test_summary();
}
