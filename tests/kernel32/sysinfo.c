/*
 * tests/kernel32/sysinfo.c — what a process learns about the machine.
 *
 * Covers GetSystemInfo/GetNativeSystemInfo, the version functions
 * (GetVersionExW/A, GetVersion, ntdll's RtlGetVersion and the Windows 8.1+
 * rule that a program without a compatibility manifest is told 6.2),
 * IsWow64Process, processor features and counts, GetComputerNameW,
 * GetSystemDirectoryW, GlobalMemoryStatusEx, drives and
 * GetVolumeInformationW. Values that differ between machines (names,
 * sizes) are checked for form only.
 */
#include "test.h"

typedef LONG (WINAPI *RtlGetVersion_fn)(OSVERSIONINFOEXW *);

static void test_system_info(void)
{
    SYSTEM_INFO si, native;
    DWORD bits = 0;
    DWORD_PTR mask;

    memset(&si, 0xcc, sizeof(si));
    GetSystemInfo(&si);
    ok(si.wProcessorArchitecture == PROCESSOR_ARCHITECTURE_AMD64, "architecture %u\n", si.wProcessorArchitecture);
    ok(si.dwPageSize == 4096, "page size %lu\n", si.dwPageSize);
    ok(si.dwAllocationGranularity == 65536, "allocation granularity %lu\n", si.dwAllocationGranularity);
    ok(si.dwNumberOfProcessors >= 1, "%lu processors\n", si.dwNumberOfProcessors);
    ok(si.dwProcessorType == PROCESSOR_AMD_X8664, "processor type %lu\n", si.dwProcessorType);
    /* The first and last 64 KiB of the user address space are never mapped. */
    ok(si.lpMinimumApplicationAddress == (void *)0x10000, "minimum address %p\n", si.lpMinimumApplicationAddress);
    ok(si.lpMaximumApplicationAddress == (void *)0x7ffffffeffff, "maximum address %p\n",
       si.lpMaximumApplicationAddress);
    for (mask = si.dwActiveProcessorMask; mask; mask &= mask - 1) bits++;
    ok(bits == si.dwNumberOfProcessors || (si.dwNumberOfProcessors > 64 && bits == 64),
       "processor mask %#I64x for %lu processors\n", (ULONGLONG)si.dwActiveProcessorMask,
       si.dwNumberOfProcessors);

    /* A 64-bit process sees the native machine. */
    memset(&native, 0xcc, sizeof(native));
    GetNativeSystemInfo(&native);
    ok(!memcmp(&si, &native, sizeof(si)), "GetNativeSystemInfo differs from GetSystemInfo\n");
}

static void test_processors(void)
{
    SYSTEM_INFO si;
    BOOL wow64 = 0xdead;

    GetSystemInfo(&si);
    ok(GetActiveProcessorCount(ALL_PROCESSOR_GROUPS) >= si.dwNumberOfProcessors,
       "active processors %lu\n", GetActiveProcessorCount(ALL_PROCESSOR_GROUPS));
    ok(GetCurrentProcessorNumber() < GetActiveProcessorCount(ALL_PROCESSOR_GROUPS),
       "current processor %lu\n", GetCurrentProcessorNumber());
    ok(IsWow64Process(GetCurrentProcess(), &wow64), "IsWow64Process failed: %lu\n", GetLastError());
    ok(wow64 == FALSE, "a 64-bit process is WoW64: %d\n", wow64);

    /* SSE2 and friends are part of x86-64 itself. */
    ok(IsProcessorFeaturePresent(PF_XMMI64_INSTRUCTIONS_AVAILABLE), "no SSE2\n");
    ok(IsProcessorFeaturePresent(PF_XMMI_INSTRUCTIONS_AVAILABLE), "no SSE\n");
    ok(IsProcessorFeaturePresent(PF_MMX_INSTRUCTIONS_AVAILABLE), "no MMX\n");
    ok(IsProcessorFeaturePresent(PF_RDTSC_INSTRUCTION_AVAILABLE), "no RDTSC\n");
    ok(IsProcessorFeaturePresent(PF_COMPARE_EXCHANGE_DOUBLE), "no CMPXCHG8B\n");
    ok(!IsProcessorFeaturePresent(PF_FLOATING_POINT_EMULATED), "floating point is emulated\n");
    ok(!IsProcessorFeaturePresent(1000), "unknown feature 1000 is present\n");
}

static int has_manifest(void)
{
    return FindResourceW(NULL, MAKEINTRESOURCEW(1), (LPCWSTR)RT_MANIFEST) != NULL;
}

static void test_version(void)
{
    RtlGetVersion_fn pRtlGetVersion;
    OSVERSIONINFOEXW real = { sizeof(real) }, ver = { sizeof(ver) };
    OSVERSIONINFOA vera = { sizeof(vera) };
    DWORD packed;

    pRtlGetVersion = (RtlGetVersion_fn)GetProcAddress(GetModuleHandleA("ntdll.dll"), "RtlGetVersion");
    ok(pRtlGetVersion != NULL, "no RtlGetVersion\n");
    if (!pRtlGetVersion) return;
    ok(pRtlGetVersion(&real) == 0, "RtlGetVersion failed\n");
    ok(real.dwPlatformId == VER_PLATFORM_WIN32_NT, "platform %lu\n", real.dwPlatformId);
    ok(real.dwMajorVersion >= 6, "RtlGetVersion says %lu.%lu\n", real.dwMajorVersion, real.dwMinorVersion);
    if (real.dwMajorVersion == 10)
        ok(real.dwBuildNumber >= 10240, "Windows 10 build %lu\n", real.dwBuildNumber);

    ok(GetVersionExW((OSVERSIONINFOW *)&ver), "GetVersionExW failed: %lu\n", GetLastError());
    ok(ver.dwPlatformId == VER_PLATFORM_WIN32_NT, "platform %lu\n", ver.dwPlatformId);
    ok(ver.wProductType == VER_NT_WORKSTATION || ver.wProductType == VER_NT_SERVER ||
       ver.wProductType == VER_NT_DOMAIN_CONTROLLER, "product type %u\n", ver.wProductType);
    /* Since Windows 8.1, a program not manifested for the running version is
     * told Windows 8 (6.2.9200); before that, the truth. */
    if (has_manifest())
        skip("the program has a manifest; it may declare any supported version\n");
    else if (real.dwMajorVersion > 6 || (real.dwMajorVersion == 6 && real.dwMinorVersion >= 3))
        ok(ver.dwMajorVersion == 6 && ver.dwMinorVersion == 2 && ver.dwBuildNumber == 9200,
           "GetVersionExW says %lu.%lu.%lu on %lu.%lu\n", ver.dwMajorVersion, ver.dwMinorVersion,
           ver.dwBuildNumber, real.dwMajorVersion, real.dwMinorVersion);
    else
        ok(ver.dwMajorVersion == real.dwMajorVersion && ver.dwMinorVersion == real.dwMinorVersion,
           "GetVersionExW says %lu.%lu on %lu.%lu\n", ver.dwMajorVersion, ver.dwMinorVersion,
           real.dwMajorVersion, real.dwMinorVersion);

    ok(GetVersionExA(&vera), "GetVersionExA failed: %lu\n", GetLastError());
    ok(vera.dwMajorVersion == ver.dwMajorVersion && vera.dwMinorVersion == ver.dwMinorVersion &&
       vera.dwBuildNumber == ver.dwBuildNumber, "GetVersionExA differs from GetVersionExW\n");

    /* GetVersion packs the same: major, minor, then the build; bit 31 clear on NT. */
    packed = GetVersion();
    ok(LOBYTE(LOWORD(packed)) == ver.dwMajorVersion && HIBYTE(LOWORD(packed)) == ver.dwMinorVersion,
       "GetVersion %#lx\n", packed);
    ok(HIWORD(packed) == (ver.dwBuildNumber & 0xffff) && !(packed & 0x80000000), "GetVersion %#lx\n", packed);
}

static void test_version_bad_size(void)
{
    OSVERSIONINFOW ver;
    OSVERSIONINFOA vera;
    DWORD err;

    /* Only the two documented structure sizes are accepted. */
    ver.dwOSVersionInfoSize = sizeof(ver) - 1;
    ok(!GetVersionExW(&ver), "GetVersionExW accepted a wrong size\n");
    vera.dwOSVersionInfoSize = sizeof(vera) + 1;
    SetLastError(0xdeadbeef);
    ok(!GetVersionExA(&vera), "GetVersionExA accepted a wrong size\n");
    err = GetLastError();
    ok(err == ERROR_INSUFFICIENT_BUFFER, "wrong size: last error %lu\n", err);
}

static void test_computer_name(void)
{
    WCHAR name[MAX_COMPUTERNAME_LENGTH + 1], ex[256], small[1];
    DWORD size = ARRAYSIZE(name), size_ex = ARRAYSIZE(ex), size_small = 1, err;
    BOOL ret;

    ok(GetComputerNameW(name, &size), "GetComputerNameW failed: %lu\n", GetLastError());
    ok(size > 0 && size == (DWORD)lstrlenW(name) && size <= MAX_COMPUTERNAME_LENGTH,
       "computer name length %lu\n", size);
    ok(GetComputerNameExW(ComputerNameNetBIOS, ex, &size_ex), "GetComputerNameExW failed\n");
    ok(!lstrcmpiW(name, ex), "NetBIOS name %ls differs from %ls\n", ex, name);

    /* Too small: ERROR_BUFFER_OVERFLOW and the size needed, with its NUL. */
    SetLastError(0xdeadbeef);
    ret = GetComputerNameW(small, &size_small);
    err = GetLastError();
    ok(!ret && err == ERROR_BUFFER_OVERFLOW, "small buffer: %d, last error %lu\n", ret, err);
    ok(size_small == size + 1, "size needed %lu for length %lu\n", size_small, size);
}

static void test_system_directory(void)
{
    WCHAR windir[MAX_PATH], sysdir[MAX_PATH];
    char sysdira[MAX_PATH], conv[MAX_PATH];
    UINT len;

    GetWindowsDirectoryW(windir, MAX_PATH);
    lstrcatW(windir, L"\\system32");
    len = GetSystemDirectoryW(sysdir, MAX_PATH);
    ok(len == (UINT)lstrlenW(sysdir) && !lstrcmpiW(sysdir, windir), "system directory %ls\n", sysdir);
    len = GetSystemDirectoryA(sysdira, MAX_PATH);
    WideCharToMultiByte(CP_ACP, 0, sysdir, -1, conv, MAX_PATH, NULL, NULL);
    ok(len == strlen(conv) && !strcmp(sysdira, conv), "GetSystemDirectoryA gave %s\n", sysdira);
}

static void test_memory_status(void)
{
    MEMORYSTATUSEX ms;
    DWORD err;

    memset(&ms, 0, sizeof(ms));
    ms.dwLength = sizeof(ms);
    ok(GlobalMemoryStatusEx(&ms), "GlobalMemoryStatusEx failed: %lu\n", GetLastError());
    ok(ms.dwMemoryLoad <= 100, "memory load %lu\n", ms.dwMemoryLoad);
    ok(ms.ullTotalPhys > 0 && ms.ullAvailPhys <= ms.ullTotalPhys, "physical %I64u of %I64u\n",
       ms.ullAvailPhys, ms.ullTotalPhys);
    ok(ms.ullTotalPageFile > 0 && ms.ullAvailPageFile <= ms.ullTotalPageFile, "commit %I64u of %I64u\n",
       ms.ullAvailPageFile, ms.ullTotalPageFile);
    ok(ms.ullAvailVirtual <= ms.ullTotalVirtual, "virtual %I64u of %I64u\n", ms.ullAvailVirtual,
       ms.ullTotalVirtual);
    /* The user address space of a 64-bit process is at least 8 TiB. */
    ok(ms.ullTotalVirtual >= ((ULONGLONG)8 << 40), "total virtual %I64u\n", ms.ullTotalVirtual);

    ms.dwLength = sizeof(ms) - 4;
    SetLastError(0xdeadbeef);
    ok(!GlobalMemoryStatusEx(&ms), "GlobalMemoryStatusEx accepted a wrong size\n");
    err = GetLastError();
    ok(err == ERROR_INVALID_PARAMETER, "wrong size: last error %lu\n", err);
}

static void test_drives(void)
{
    DWORD drives = GetLogicalDrives();
    WCHAR root[4] = L"?:\\", cwd[MAX_PATH];
    int letter;

    ok(drives & (1 << 2), "no C: in %#lx\n", drives);
    ok(GetDriveTypeW(L"C:\\") == DRIVE_FIXED, "C: has type %u\n", GetDriveTypeW(L"C:\\"));
    /* A letter missing from the mask has no root directory. */
    for (letter = 25; letter >= 0 && (drives & (1 << letter)); letter--) ;
    if (letter >= 0)
    {
        root[0] = 'A' + letter;
        ok(GetDriveTypeW(root) == DRIVE_NO_ROOT_DIR, "%ls has type %u\n", root, GetDriveTypeW(root));
    }
    /* NULL means the root of the current directory. */
    GetCurrentDirectoryW(MAX_PATH, cwd);
    if (cwd[1] == ':')
    {
        root[0] = cwd[0];
        ok(GetDriveTypeW(NULL) == GetDriveTypeW(root), "GetDriveTypeW(NULL) %u\n", GetDriveTypeW(NULL));
    }
}

/* the volume of a folder handle on C: is C:'s volume */
static void test_volume_by_handle(DWORD c_serial, DWORD c_flags, const WCHAR *c_fs)
{
    WCHAR fs[MAX_PATH + 1], windir[MAX_PATH];
    DWORD serial = 0, flags = 0, max_component = 0;
    HANDLE h;

    GetWindowsDirectoryW(windir, ARRAYSIZE(windir));
    h = CreateFileW(windir, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_EXISTING,
                    FILE_FLAG_BACKUP_SEMANTICS, NULL);
    ok(h != INVALID_HANDLE_VALUE, "opening %ls failed: %lu\n", windir, GetLastError());
    ok(GetVolumeInformationByHandleW(h, NULL, 0, &serial, &max_component, &flags, fs, ARRAYSIZE(fs)),
       "GetVolumeInformationByHandleW failed: %lu\n", GetLastError());
    ok(serial == c_serial, "serial %#lx, C: has %#lx\n", serial, c_serial);
    ok(flags == c_flags, "flags %#lx, C: has %#lx\n", flags, c_flags);
    ok(!lstrcmpW(fs, c_fs), "file system %ls, C: has %ls\n", fs, c_fs);
    ok(max_component == 255, "maximum component length %lu\n", max_component);
    CloseHandle(h);
    SetLastError(0xdeadbeef);
    ok(!GetVolumeInformationByHandleW(INVALID_HANDLE_VALUE, NULL, 0, &serial, NULL, NULL, NULL, 0),
       "an invalid handle succeeded\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "error %lu\n", GetLastError());
}

static void test_volume_information(void)
{
    WCHAR label[MAX_PATH + 1], fs[MAX_PATH + 1];
    DWORD serial = 0, max_component = 0, flags = 0;

    ok(GetVolumeInformationW(L"C:\\", label, ARRAYSIZE(label), &serial, &max_component, &flags,
                             fs, ARRAYSIZE(fs)), "GetVolumeInformationW failed: %lu\n", GetLastError());
    ok(max_component == 255, "maximum component length %lu\n", max_component);
    ok(!lstrcmpW(fs, L"NTFS"), "file system %ls\n", fs);
    ok(flags & FILE_CASE_PRESERVED_NAMES, "flags %#lx\n", flags);
    /* Every argument but the root is optional. */
    ok(GetVolumeInformationW(L"C:\\", NULL, 0, NULL, NULL, NULL, NULL, 0),
       "GetVolumeInformationW without outputs failed: %lu\n", GetLastError());
    test_volume_by_handle(serial, flags, fs);
}

int main(int argc, char **argv)
{
    test_start("kernel32:sysinfo");
    test_system_info();
    test_processors();
    test_version();
    test_version_bad_size();
    test_computer_name();
    test_system_directory();
    test_memory_status();
    test_drives();
    test_volume_information();
    return test_summary();
}
