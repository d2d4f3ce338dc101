/*
 * tests/ntdll/usershared.c — KUSER_SHARED_DATA, the read-only page at
 * 0x7ffe0000 that programs (MSVC's runtime, anti-tamper code, language
 * runtimes) read without calling anything: its fields say what the API
 * says. Offsets are Windows' documented x64 layout.
 */
#include <windows.h>
#include <winternl.h>
#include "test.h"

#define KUSD ((const volatile BYTE *)0x7ffe0000)
#define FIELD(type, off) (*(const volatile type *)(KUSD + (off)))

NTSTATUS NTAPI RtlGetVersion(RTL_OSVERSIONINFOEXW *);

/* a KSYSTEM_TIME: read High1, Low, High2 until the two high parts agree */
static LONGLONG ksystem_time(unsigned int off)
{
    for (;;)
    {
        LONG high1 = FIELD(LONG, off + 4);
        ULONG low = FIELD(ULONG, off);
        LONG high2 = FIELD(LONG, off + 8);
        if (high1 == high2) return ((LONGLONG)high1 << 32) | low;
    }
}

static LONGLONG llabs_(LONGLONG v) { return v < 0 ? -v : v; }

int main(void)
{
    MEMORY_BASIC_INFORMATION mbi;
    RTL_OSVERSIONINFOEXW ver = { sizeof(ver) };
    TIME_ZONE_INFORMATION tzi;
    SYSTEM_INFO si;
    MEMORYSTATUSEX ms = { sizeof(ms) };
    FILETIME ft;
    LARGE_INTEGER freq;
    WCHAR windir[MAX_PATH];
    DWORD zone, ticks;
    LONGLONG bias, now, kusd_now, t1, t2;
    int mismatches = 0, first = -1;

    test_start("ntdll/usershared");

    ok(VirtualQuery((void *)KUSD, &mbi, sizeof(mbi)) == sizeof(mbi), "VirtualQuery failed: %lu\n", GetLastError());
    ok(mbi.State == MEM_COMMIT && mbi.Protect == PAGE_READONLY, "state %#lx, protection %#lx\n", mbi.State,
       mbi.Protect);

    /* the version, as RtlGetVersion tells it (no manifest involved) */
    ok(!RtlGetVersion(&ver), "RtlGetVersion failed\n");
    ok(FIELD(ULONG, 0x26c) == ver.dwMajorVersion && FIELD(ULONG, 0x270) == ver.dwMinorVersion,
       "NtMajorVersion.NtMinorVersion %lu.%lu, RtlGetVersion %lu.%lu\n", FIELD(ULONG, 0x26c), FIELD(ULONG, 0x270),
       ver.dwMajorVersion, ver.dwMinorVersion);
    ok(FIELD(ULONG, 0x260) == ver.dwBuildNumber, "NtBuildNumber %lu, RtlGetVersion %lu\n", FIELD(ULONG, 0x260),
       ver.dwBuildNumber);
    /* Wine 8 leaves ImageNumberLow/High at 0; Windows x64 has 0x8664 in both */
    todo_wine(FIELD(USHORT, 0x2c) == IMAGE_FILE_MACHINE_AMD64 && FIELD(USHORT, 0x2e) == IMAGE_FILE_MACHINE_AMD64,
       "image numbers %#x %#x\n", FIELD(USHORT, 0x2c), FIELD(USHORT, 0x2e));
    /* the product type RtlGetVersion reports (1 a workstation, 3 a server).
       Wine 8's server fixes its copy when it starts: one started with a new
       prefix, before wineboot wrote the registry, says 3 for its whole life
       (seen in make check-reference's fresh prefix), so Wine is not held to it */
    ok((FIELD(ULONG, 0x264) == ver.wProductType && ver.wProductType) || test_is("wine"),
       "NtProductType %lu, RtlGetVersion's %u\n", FIELD(ULONG, 0x264), ver.wProductType);

    /* NtSystemRoot: the Windows folder */
    ok(GetWindowsDirectoryW(windir, MAX_PATH) > 0, "GetWindowsDirectoryW failed\n");
    ok(!lstrcmpiW((const WCHAR *)(KUSD + 0x30), windir), "NtSystemRoot %ls, the Windows folder %ls\n",
       (const WCHAR *)(KUSD + 0x30), windir);

    /* processor features: the same answers as IsProcessorFeaturePresent */
    for (int i = 0; i < 64; i++)
        if (!!FIELD(BOOLEAN, 0x274 + i) != !!IsProcessorFeaturePresent(i))
        {
            mismatches++;
            if (first < 0) first = i;
        }
    ok(!mismatches, "%d processor features differ from IsProcessorFeaturePresent, the first PF %d\n", mismatches,
       first);
    ok(FIELD(BOOLEAN, 0x274 + PF_XMMI64_INSTRUCTIONS_AVAILABLE), "no SSE2 on an x86_64 machine\n");

    GetSystemInfo(&si);
    ok(FIELD(ULONG, 0x3c0) == si.dwNumberOfProcessors, "ActiveProcessorCount %lu, GetSystemInfo %lu\n",
       FIELD(ULONG, 0x3c0), si.dwNumberOfProcessors);
    ok(GlobalMemoryStatusEx(&ms), "GlobalMemoryStatusEx failed\n");
    /* the physical pages (a little more than what GlobalMemoryStatusEx says
       is usable on Windows, which keeps some for itself) */
    ok(FIELD(ULONG, 0x2e8) >= ms.ullTotalPhys / 4096 * 9 / 10 && FIELD(ULONG, 0x2e8) <= ms.ullTotalPhys / 4096 * 11 / 10,
       "NumberOfPhysicalPages %lu, GlobalMemoryStatusEx %I64u pages\n", FIELD(ULONG, 0x2e8), ms.ullTotalPhys / 4096);

    /* the clocks: the page's figures are those of the API, to the clock
       tick (15.6 ms) they are refreshed by; the bound here is loose (5 s)
       so a machine too busy to refresh them on time does not fail */
    GetSystemTimeAsFileTime(&ft);
    now = ((LONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime;
    kusd_now = ksystem_time(0x14);
    ok(llabs_(now - kusd_now) < 50000000, "SystemTime %I64d, GetSystemTimeAsFileTime %I64d\n", kusd_now, now);
    ticks = GetTickCount();
    t1 = (LONGLONG)(((unsigned __int64)(ULONG)ksystem_time(0x320) * FIELD(ULONG, 0x4)) >> 24);
    ok(llabs_((LONG)(ticks - (DWORD)t1)) < 5000, "tick count %I64d ms, GetTickCount %lu\n", t1, ticks);
    ok(FIELD(ULONG, 0x4) != 0, "TickCountMultiplier is 0\n");
    /* the interrupt time (100 ns since boot) moves on */
    t1 = ksystem_time(0x8);
    Sleep(100);
    t2 = ksystem_time(0x8);
    ok(t1 > 0 && t2 > t1, "InterruptTime did not move on: %I64d then %I64d\n", t1, t2);
    ok(QueryPerformanceFrequency(&freq), "QueryPerformanceFrequency failed\n");
    /* Wine 8 leaves QpcFrequency at 0; Windows 10 puts the counter's rate there */
    todo_wine(FIELD(LONGLONG, 0x300) == freq.QuadPart, "QpcFrequency %I64d, QueryPerformanceFrequency %I64d\n",
       FIELD(LONGLONG, 0x300), freq.QuadPart);

    /* the zone: TimeZoneId is what GetTimeZoneInformation returns, and
       TimeZoneBias is UTC - local now in 100 ns units */
    zone = GetTimeZoneInformation(&tzi);
    ok(zone != TIME_ZONE_ID_INVALID, "GetTimeZoneInformation failed\n");
    ok(FIELD(ULONG, 0x240) == zone, "TimeZoneId %lu, GetTimeZoneInformation %lu\n", FIELD(ULONG, 0x240), zone);
    bias = tzi.Bias + (zone == TIME_ZONE_ID_DAYLIGHT ? tzi.DaylightBias : zone == TIME_ZONE_ID_STANDARD ? tzi.StandardBias : 0);
    ok(ksystem_time(0x20) == bias * 600000000, "TimeZoneBias %I64d, GetTimeZoneInformation %I64d minutes\n",
       ksystem_time(0x20), bias);

    return test_summary();
}
