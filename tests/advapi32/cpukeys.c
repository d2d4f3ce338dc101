/*
 * tests/advapi32/cpukeys.c — HKLM\HARDWARE\DESCRIPTION\System\CentralProcessor:
 * one key per processor GetSystemInfo counts, each with a name, a vendor,
 * an identifier ("Intel64 Family ..." or "AMD64 Family ...") and its speed
 * in ~MHz (runtimes such as libuv build os.cpus() from these).
 */
#include <windows.h>
#include <stdio.h>
#include "test.h"

int main(void)
{
    SYSTEM_INFO si;
    DWORD i;

    test_start("advapi32/cpukeys");
    GetSystemInfo(&si);
    for (i = 0; i < si.dwNumberOfProcessors && i < 64; i++)
    {
        WCHAR path[96], text[128];
        DWORD mhz = 0, size, type;
        HKEY key;
        LONG rc;

        swprintf(path, ARRAYSIZE(path), L"HARDWARE\\DESCRIPTION\\System\\CentralProcessor\\%lu", i);
        rc = RegOpenKeyExW(HKEY_LOCAL_MACHINE, path, 0, KEY_QUERY_VALUE, &key);
        ok(rc == ERROR_SUCCESS, "processor %lu: no key (%ld)\n", i, rc);
        if (rc) continue;
        size = sizeof(mhz);
        rc = RegQueryValueExW(key, L"~MHz", NULL, &type, (BYTE *)&mhz, &size);
        ok(rc == ERROR_SUCCESS && type == REG_DWORD, "processor %lu: ~MHz %ld type %lu\n", i, rc, type);
        size = sizeof(text);
        rc = RegQueryValueExW(key, L"ProcessorNameString", NULL, &type, (BYTE *)text, &size);
        ok(rc == ERROR_SUCCESS && type == REG_SZ && size > 2, "processor %lu: name %ld\n", i, rc);
        size = sizeof(text);
        rc = RegQueryValueExW(key, L"VendorIdentifier", NULL, &type, (BYTE *)text, &size);
        ok(rc == ERROR_SUCCESS && type == REG_SZ && size > 2, "processor %lu: vendor %ld\n", i, rc);
        size = sizeof(text);
        rc = RegQueryValueExW(key, L"Identifier", NULL, &type, (BYTE *)text, &size);
        ok(rc == ERROR_SUCCESS && (!wcsncmp(text, L"Intel64 Family ", 15) || !wcsncmp(text, L"AMD64 Family ", 13)),
           "processor %lu: identifier %ls\n", i, rc ? L"" : text);
        RegCloseKey(key);
    }
    return test_summary();
}
