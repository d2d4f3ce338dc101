/*
 * kernel32/sysinfo.c — what a program learns about the machine: processors
 * and their features, memory, the Windows version (with the Windows 8.1+
 * rule for programs without a compatibility manifest), the computer name,
 * product type and firmware tables.
 *
 * Sections: processors · memory · version · computer name · product and firmware.
 */
#include "private.h"

NTSTATUS NTAPI RtlUnicodeToMultiByteN(char *, ULONG, ULONG *, const WCHAR *, ULONG);

/* --- processors ---------------------------------------------------------------- */

void WINAPI GetSystemInfo(SYSTEM_INFO *si)
{
    struct wlx_basic_info basic;
    struct wlx_cpu_info cpu;

    memset(si, 0, sizeof(*si));
    if (NtQuerySystemInformation(SystemBasicInformation, &basic, sizeof(basic), NULL) ||
        NtQuerySystemInformation(WLX_SystemCpuInformation, &cpu, sizeof(cpu), NULL))
        return;
    si->wProcessorArchitecture = cpu.architecture;
    si->dwPageSize = basic.page_size;
    si->lpMinimumApplicationAddress = (void *)basic.min_user_address;
    si->lpMaximumApplicationAddress = (void *)basic.max_user_address;
    si->dwActiveProcessorMask = basic.active_processor_mask;
    si->dwNumberOfProcessors = basic.number_of_processors;
    si->dwProcessorType = PROCESSOR_AMD_X8664;
    si->dwAllocationGranularity = basic.allocation_granularity;
    si->wProcessorLevel = cpu.level;
    si->wProcessorRevision = cpu.revision;
}

/* a 64-bit process runs on the native machine */
void WINAPI GetNativeSystemInfo(SYSTEM_INFO *si)
{
    GetSystemInfo(si);
}

BOOL WINAPI IsProcessorFeaturePresent(DWORD feature)
{
    return RtlIsProcessorFeaturePresent(feature);
}

/* one processor group: group 0 or ALL_PROCESSOR_GROUPS */
static DWORD processors_in_group(WORD group)
{
    struct wlx_basic_info basic;
    if (group && group != ALL_PROCESSOR_GROUPS) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (!set_ntstatus(NtQuerySystemInformation(SystemBasicInformation, &basic, sizeof(basic), NULL))) return 0;
    return basic.number_of_processors;
}

DWORD WINAPI GetActiveProcessorCount(WORD group) { return processors_in_group(group); }
DWORD WINAPI GetMaximumProcessorCount(WORD group) { return processors_in_group(group); }
WORD WINAPI GetActiveProcessorGroupCount(void) { return 1; }
WORD WINAPI GetMaximumProcessorGroupCount(void) { return 1; }

BOOL WINAPI GetLogicalProcessorInformation(SYSTEM_LOGICAL_PROCESSOR_INFORMATION *info, DWORD *len)
{
    ULONG needed = 0;
    NTSTATUS status;
    if (!len) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    status = NtQuerySystemInformation(WLX_SystemLogicalProcessorInformation, info, *len, &needed);
    if (status == STATUS_INFO_LENGTH_MISMATCH)
    {
        *len = needed;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    if (!set_ntstatus(status)) return FALSE;
    *len = needed;
    return TRUE;
}

/* The Ex form is built from the plain one: one group, each record sized
   by its relationship. */
static DWORD ex_record(const SYSTEM_LOGICAL_PROCESSOR_INFORMATION *in, SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX *out)
{
    GROUP_AFFINITY *mask;
    DWORD size;
    switch (in->Relationship)
    {
    case RelationProcessorCore: case RelationProcessorPackage:
        size = offsetof(SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX, Processor) + sizeof(PROCESSOR_RELATIONSHIP); break;
    case RelationNumaNode:
        size = offsetof(SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX, NumaNode) + sizeof(NUMA_NODE_RELATIONSHIP); break;
    case RelationCache:
        size = offsetof(SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX, Cache) + sizeof(CACHE_RELATIONSHIP); break;
    default: return 0;
    }
    if (!out) return size;
    memset(out, 0, size);
    out->Relationship = in->Relationship;
    out->Size = size;
    switch (in->Relationship)
    {
    case RelationNumaNode: out->NumaNode.NodeNumber = in->NumaNode.NodeNumber; mask = &out->NumaNode.GroupMask; break;
    case RelationCache:
        out->Cache.Level = in->Cache.Level;
        out->Cache.Associativity = in->Cache.Associativity;
        out->Cache.LineSize = in->Cache.LineSize;
        out->Cache.CacheSize = in->Cache.Size;
        out->Cache.Type = in->Cache.Type;
        mask = &out->Cache.GroupMask;
        break;
    default:
        out->Processor.Flags = in->Relationship == RelationProcessorCore ? in->ProcessorCore.Flags : 0;
        out->Processor.GroupCount = 1;
        mask = out->Processor.GroupMask;
    }
    mask->Mask = in->ProcessorMask;
    return size;
}

BOOL WINAPI GetLogicalProcessorInformationEx(LOGICAL_PROCESSOR_RELATIONSHIP rel,
                                             SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX *buf, DWORD *len)
{
    SYSTEM_LOGICAL_PROCESSOR_INFORMATION list[256];
    DWORD size = sizeof(list), needed = 0, n, i;
    BYTE *out = (BYTE *)buf;

    if (!len) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!GetLogicalProcessorInformation(list, &size)) return FALSE;
    n = size / sizeof(list[0]);
    for (i = 0; i < n; i++)
        if (rel == RelationAll || rel == list[i].Relationship) needed += ex_record(&list[i], NULL);
    if (rel == RelationGroup || rel == RelationAll) needed += offsetof(SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX, Group) + sizeof(GROUP_RELATIONSHIP);
    if (*len < needed) { *len = needed; SetLastError(ERROR_INSUFFICIENT_BUFFER); return FALSE; }
    for (i = 0; i < n; i++)
        if (rel == RelationAll || rel == list[i].Relationship) out += ex_record(&list[i], (void *)out);
    if (rel == RelationGroup || rel == RelationAll)
    {
        SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX *g = (void *)out;
        DWORD count = GetActiveProcessorCount(0);
        memset(g, 0, offsetof(SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX, Group) + sizeof(GROUP_RELATIONSHIP));
        g->Relationship = RelationGroup;
        g->Size = offsetof(SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX, Group) + sizeof(GROUP_RELATIONSHIP);
        g->Group.MaximumGroupCount = g->Group.ActiveGroupCount = 1;
        g->Group.GroupInfo[0].MaximumProcessorCount = g->Group.GroupInfo[0].ActiveProcessorCount = count;
        g->Group.GroupInfo[0].ActiveProcessorMask = count >= 64 ? ~(KAFFINITY)0 : ((KAFFINITY)1 << count) - 1;
    }
    *len = needed;
    return TRUE;
}

/* one NUMA node, 0, holding every processor */
BOOL WINAPI GetNumaHighestNodeNumber(ULONG *node)
{
    *node = 0;
    return TRUE;
}

BOOL WINAPI GetNumaNodeProcessorMask(UCHAR node, ULONGLONG *mask)
{
    SYSTEM_INFO si;
    if (node) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    GetSystemInfo(&si);
    *mask = si.dwActiveProcessorMask;
    return TRUE;
}

BOOL WINAPI GetNumaNodeProcessorMaskEx(USHORT node, GROUP_AFFINITY *affinity)
{
    ULONGLONG mask;
    if (node > 0xff || !GetNumaNodeProcessorMask(node, &mask)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    memset(affinity, 0, sizeof(*affinity));
    affinity->Mask = mask;
    return TRUE;
}

BOOL WINAPI GetNumaProcessorNode(UCHAR processor, UCHAR *node)
{
    if (processor >= GetActiveProcessorCount(0)) { *node = 0xff; SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    *node = 0;
    return TRUE;
}

BOOL WINAPI GetNumaProcessorNodeEx(PROCESSOR_NUMBER *processor, USHORT *node)
{
    if (processor->Group || processor->Number >= GetActiveProcessorCount(0))
    {
        *node = 0xffff;
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *node = 0;
    return TRUE;
}

/* --- memory -------------------------------------------------------------------- */

/* the address space the process holds (VM_COUNTERS.VirtualSize), at most the total */
static ULONGLONG process_virtual_size(ULONGLONG total)
{
    VM_COUNTERS vm;
    if (NtQueryInformationProcess(NtCurrentProcess(), ProcessVmCounters, &vm, sizeof(vm), NULL)) return 0;
    return vm.VirtualSize < total ? vm.VirtualSize : total;
}

BOOL WINAPI GlobalMemoryStatusEx(MEMORYSTATUSEX *ms)
{
    struct wlx_basic_info basic;
    struct wlx_performance_info perf;

    if (ms->dwLength != sizeof(*ms)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!set_ntstatus(NtQuerySystemInformation(SystemBasicInformation, &basic, sizeof(basic), NULL)) ||
        !set_ntstatus(NtQuerySystemInformation(SystemPerformanceInformation, &perf, sizeof(perf), NULL)))
        return FALSE;
    ms->ullTotalPhys = (ULONGLONG)basic.physical_pages * basic.page_size;
    ms->ullAvailPhys = (ULONGLONG)perf.available_pages * basic.page_size;
    if (ms->ullAvailPhys > ms->ullTotalPhys) ms->ullAvailPhys = ms->ullTotalPhys;
    ms->dwMemoryLoad = ms->ullTotalPhys ? (ms->ullTotalPhys - ms->ullAvailPhys) * 100 / ms->ullTotalPhys : 0;
    ms->ullTotalPageFile = (ULONGLONG)perf.commit_limit * basic.page_size;
    ms->ullAvailPageFile = (ULONGLONG)(perf.commit_limit - perf.committed_pages) * basic.page_size;
    ms->ullTotalVirtual = basic.max_user_address - basic.min_user_address + 1;
    ms->ullAvailVirtual = ms->ullTotalVirtual - process_virtual_size(ms->ullTotalVirtual);
    ms->ullAvailExtendedVirtual = 0;
    return TRUE;
}

void WINAPI GlobalMemoryStatus(MEMORYSTATUS *ms)
{
    MEMORYSTATUSEX ex = { sizeof(ex) };
    memset(ms, 0, sizeof(*ms));
    ms->dwLength = sizeof(*ms);
    if (!GlobalMemoryStatusEx(&ex)) return;
    ms->dwMemoryLoad = ex.dwMemoryLoad;
    ms->dwTotalPhys = ex.ullTotalPhys;
    ms->dwAvailPhys = ex.ullAvailPhys;
    ms->dwTotalPageFile = ex.ullTotalPageFile;
    ms->dwAvailPageFile = ex.ullAvailPageFile;
    ms->dwTotalVirtual = ex.ullTotalVirtual;
    ms->dwAvailVirtual = ex.ullAvailVirtual;
}

BOOL WINAPI GetPhysicallyInstalledSystemMemory(ULONGLONG *kb)
{
    struct wlx_basic_info basic;
    if (!kb) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!set_ntstatus(NtQuerySystemInformation(SystemBasicInformation, &basic, sizeof(basic), NULL))) return FALSE;
    *kb = (ULONGLONG)basic.physical_pages * basic.page_size / 1024;
    return TRUE;
}

/* --- version ------------------------------------------------------------------- */

/* the exe's RT_MANIFEST resource (24), first name, first language */
static const IMAGE_RESOURCE_DIRECTORY_ENTRY *res_entries(const IMAGE_RESOURCE_DIRECTORY *dir)
{
    return (const IMAGE_RESOURCE_DIRECTORY_ENTRY *)(dir + 1);
}

static const char *exe_manifest(DWORD *size)
{
    BYTE *base = *(BYTE **)(k32_peb() + PEB_IMAGE_BASE);
    IMAGE_NT_HEADERS *nt = (IMAGE_NT_HEADERS *)(base + ((IMAGE_DOS_HEADER *)base)->e_lfanew);
    IMAGE_DATA_DIRECTORY *dd = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_RESOURCE];
    const BYTE *root;
    const IMAGE_RESOURCE_DIRECTORY *dir;
    const IMAGE_RESOURCE_DIRECTORY_ENTRY *e = NULL;
    int i, level;

    if (!dd->VirtualAddress || !dd->Size) return NULL;
    root = base + dd->VirtualAddress;
    dir = (const IMAGE_RESOURCE_DIRECTORY *)root;
    for (i = 0; i < dir->NumberOfIdEntries; i++)
    {
        e = res_entries(dir) + dir->NumberOfNamedEntries + i;
        if (e->Id == 24) break;
        e = NULL;
    }
    for (level = 0; e && level < 2; level++)   /* name, then language: take the first */
    {
        if (!e->DataIsDirectory) return NULL;
        dir = (const IMAGE_RESOURCE_DIRECTORY *)(root + e->OffsetToDirectory);
        e = dir->NumberOfNamedEntries + dir->NumberOfIdEntries ? res_entries(dir) : NULL;
    }
    if (!e || e->DataIsDirectory) return NULL;
    const IMAGE_RESOURCE_DATA_ENTRY *data = (const IMAGE_RESOURCE_DATA_ENTRY *)(root + e->OffsetToData);
    *size = data->Size;
    return (const char *)base + data->OffsetToData;
}

static BOOL contains_nocase(const char *text, DWORD size, const char *what)
{
    DWORD n = strlen(what);
    for (DWORD i = 0; i + n <= size; i++)
    {
        DWORD j = 0;
        while (j < n && (text[i + j] | 0x20) == (what[j] | 0x20)) j++;
        if (j == n) return TRUE;
    }
    return FALSE;
}

/* Since Windows 8.1 a program is told the newest version its manifest's
   <supportedOS> lists, and Windows 8 (6.2.9200) without one. */
static void effective_version(OSVERSIONINFOEXW *v)
{
    DWORD size = 0;
    const char *manifest;

    /* the PEB's numbers, which RtlGetVersion reports too */
    memset(v, 0, sizeof(*v));
    v->dwOSVersionInfoSize = sizeof(*v);
    v->dwMajorVersion = *(ULONG *)(k32_peb() + PEB_OS_MAJOR);
    v->dwMinorVersion = *(ULONG *)(k32_peb() + PEB_OS_MINOR);
    v->dwBuildNumber = *(USHORT *)(k32_peb() + PEB_OS_BUILD);
    v->dwPlatformId = *(ULONG *)(k32_peb() + PEB_OS_PLATFORM);
    v->wSuiteMask = VER_SUITE_SINGLEUSERTS;
    v->wProductType = VER_NT_WORKSTATION;
    if (v->dwMajorVersion < 6 || (v->dwMajorVersion == 6 && v->dwMinorVersion < 3)) return;
    manifest = exe_manifest(&size);
    if (manifest && contains_nocase(manifest, size, "8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a")) return;  /* Windows 10 */
    if (manifest && contains_nocase(manifest, size, "1f676c76-80e1-4239-95bb-83d0f6d0da78"))           /* Windows 8.1 */
    {
        v->dwMajorVersion = 6; v->dwMinorVersion = 3; v->dwBuildNumber = 9600;
        return;
    }
    v->dwMajorVersion = 6; v->dwMinorVersion = 2; v->dwBuildNumber = 9200;
}

BOOL WINAPI GetVersionExW(OSVERSIONINFOW *info)
{
    OSVERSIONINFOEXW v;
    DWORD size = info->dwOSVersionInfoSize;

    /* only the two documented sizes (tests/kernel32/sysinfo.c) */
    if (size != sizeof(OSVERSIONINFOW) && size != sizeof(OSVERSIONINFOEXW))
    {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    effective_version(&v);
    v.dwOSVersionInfoSize = size;
    memcpy(info, &v, size);
    return TRUE;
}

BOOL WINAPI GetVersionExA(OSVERSIONINFOA *info)
{
    OSVERSIONINFOEXW v;
    OSVERSIONINFOEXA *ex = (OSVERSIONINFOEXA *)info;
    DWORD size = info->dwOSVersionInfoSize, i;

    if (size != sizeof(OSVERSIONINFOA) && size != sizeof(OSVERSIONINFOEXA))
    {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    effective_version(&v);
    info->dwMajorVersion = v.dwMajorVersion;
    info->dwMinorVersion = v.dwMinorVersion;
    info->dwBuildNumber = v.dwBuildNumber;
    info->dwPlatformId = v.dwPlatformId;
    for (i = 0; i < 127 && v.szCSDVersion[i]; i++) info->szCSDVersion[i] = (char)v.szCSDVersion[i];
    info->szCSDVersion[i] = 0;
    if (size == sizeof(OSVERSIONINFOEXA))
    {
        ex->wServicePackMajor = v.wServicePackMajor;
        ex->wServicePackMinor = v.wServicePackMinor;
        ex->wSuiteMask = v.wSuiteMask;
        ex->wProductType = v.wProductType;
        ex->wReserved = 0;
    }
    return TRUE;
}

/* major in the low byte, minor above it, the build in the high word; bit 31 clear on NT */
DWORD WINAPI GetVersion(void)
{
    OSVERSIONINFOEXW v;
    effective_version(&v);
    return ((v.dwBuildNumber & 0x7fff) << 16) | (v.dwMinorVersion << 8) | v.dwMajorVersion;
}

/* ntdll's too, but a same-named forward makes winebuild emit a thunk that
   clashes with the import library's (reported to the lead): 3 bits per
   VER_* type bit, in bit order. */
ULONGLONG WINAPI VerSetConditionMask(ULONGLONG conditions, DWORD type, BYTE condition)
{
    condition &= 7;
    if (!condition) return conditions;
    for (unsigned i = 0; i < 8; i++)
        if (type & (1u << i))
            conditions = (conditions & ~(7ULL << (3 * i))) | ((ULONGLONG)condition << (3 * i));
    return conditions;
}

/* The same manifest rule applies to what VerifyVersionInfo compares with. */
BOOL WINAPI VerifyVersionInfoW(OSVERSIONINFOEXW *want, DWORD type, DWORDLONG conditions)
{
    OSVERSIONINFOEXW have;
    NTSTATUS status;
    effective_version(&have);
    status = __wlx_verify_version(&have, want, type, conditions);
    if (status == STATUS_REVISION_MISMATCH) { SetLastError(ERROR_OLD_WIN_VERSION); return FALSE; }
    return set_ntstatus(status);
}

BOOL WINAPI VerifyVersionInfoA(OSVERSIONINFOEXA *want, DWORD type, DWORDLONG conditions)
{
    OSVERSIONINFOEXW w = { sizeof(w), want->dwMajorVersion, want->dwMinorVersion, want->dwBuildNumber,
                           want->dwPlatformId, {0}, want->wServicePackMajor, want->wServicePackMinor,
                           want->wSuiteMask, want->wProductType, 0 };
    return VerifyVersionInfoW(&w, type, conditions);
}

/* --- computer name -------------------------------------------------------------- */

BOOL WINAPI GetComputerNameExW(COMPUTER_NAME_FORMAT format, WCHAR *buf, DWORD *size)
{
    NTSTATUS status = __wlx_computer_name(format, buf, size);
    if (status == STATUS_BUFFER_OVERFLOW) { SetLastError(ERROR_MORE_DATA); return FALSE; }
    return set_ntstatus(status);
}

/* too small a buffer: ERROR_BUFFER_OVERFLOW here, ERROR_MORE_DATA in the Ex form */
BOOL WINAPI GetComputerNameW(WCHAR *buf, DWORD *size)
{
    NTSTATUS status = __wlx_computer_name(ComputerNameNetBIOS, buf, size);
    if (status == STATUS_BUFFER_OVERFLOW) { SetLastError(ERROR_BUFFER_OVERFLOW); return FALSE; }
    return set_ntstatus(status);
}

static BOOL name_to_ansi(COMPUTER_NAME_FORMAT format, char *buf, DWORD *size, DWORD overflow_error)
{
    WCHAR name[256];
    char ansi[512];
    DWORD len = ARRAYSIZE(name);
    ULONG bytes = 0;

    if (!set_ntstatus(__wlx_computer_name(format, name, &len))) return FALSE;
    RtlUnicodeToMultiByteN(ansi, sizeof(ansi) - 1, &bytes, name, len * sizeof(WCHAR));
    if (!buf || *size < bytes + 1)
    {
        *size = bytes + 1;
        SetLastError(overflow_error);
        return FALSE;
    }
    memcpy(buf, ansi, bytes);
    buf[bytes] = 0;
    *size = bytes;
    return TRUE;
}

BOOL WINAPI GetComputerNameA(char *buf, DWORD *size)
{
    return name_to_ansi(ComputerNameNetBIOS, buf, size, ERROR_BUFFER_OVERFLOW);
}

BOOL WINAPI GetComputerNameExA(COMPUTER_NAME_FORMAT format, char *buf, DWORD *size)
{
    return name_to_ansi(format, buf, size, ERROR_MORE_DATA);
}

/* --- product and firmware ----------------------------------------------------- */

BOOL WINAPI GetProductInfo(DWORD major, DWORD minor, DWORD sp_major, DWORD sp_minor, DWORD *type)
{
    return RtlGetProductInfo(major, minor, sp_major, sp_minor, type);
}

/* No firmware tables (ACPI, SMBIOS) are exposed: programs are told none exist. */
UINT WINAPI GetSystemFirmwareTable(DWORD provider, DWORD id, void *buf, DWORD size)
{
    (void)provider; (void)id; (void)buf; (void)size;
    SetLastError(ERROR_NOT_FOUND);
    return 0;
}

UINT WINAPI EnumSystemFirmwareTables(DWORD provider, void *buf, DWORD size)
{
    (void)provider; (void)buf; (void)size;
    SetLastError(ERROR_NOT_FOUND);
    return 0;
}

BOOL WINAPI GetSystemRegistryQuota(DWORD *allowed, DWORD *used)
{
    if (allowed) *allowed = 0xffffffff;   /* no quota since Windows Vista */
    if (used) *used = 0x1000000;
    return TRUE;
}

/* what a Windows 10 PC on mains power without a battery says */
BOOL WINAPI GetSystemPowerStatus(SYSTEM_POWER_STATUS *ps)
{
    memset(ps, 0, sizeof(*ps));
    ps->ACLineStatus = AC_LINE_ONLINE;
    ps->BatteryFlag = BATTERY_FLAG_NO_BATTERY;
    ps->BatteryLifePercent = BATTERY_PERCENTAGE_UNKNOWN;
    ps->BatteryLifeTime = ps->BatteryFullLifeTime = BATTERY_LIFE_UNKNOWN;
    return TRUE;
}

DEP_SYSTEM_POLICY_TYPE WINAPI GetSystemDEPPolicy(void)
{
    return DEPPolicyOptIn;   /* the client Windows default */
}

BOOL WINAPI GetFirmwareType(FIRMWARE_TYPE *type)
{
    if (!type) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    *type = FirmwareTypeUefi;
    return TRUE;
}

/* idle, kernel (idle included) and user time summed over the processors */
BOOL WINAPI GetSystemTimes(FILETIME *idle, FILETIME *kernel, FILETIME *user)
{
    struct wlx_processor_perf_info info[64];
    ULONG len = 0;
    ULONGLONG sum[3] = {0};

    if (!set_ntstatus(NtQuerySystemInformation(SystemProcessorPerformanceInformation, info, sizeof(info), &len)))
        return FALSE;
    for (ULONG i = 0; i < len / sizeof(info[0]); i++)
    {
        sum[0] += info[i].idle_time; sum[1] += info[i].kernel_time; sum[2] += info[i].user_time;
    }
    if (idle) { idle->dwLowDateTime = (DWORD)sum[0]; idle->dwHighDateTime = sum[0] >> 32; }
    if (kernel) { kernel->dwLowDateTime = (DWORD)sum[1]; kernel->dwHighDateTime = sum[1] >> 32; }
    if (user) { user->dwLowDateTime = (DWORD)sum[2]; user->dwHighDateTime = sum[2] >> 32; }
    return TRUE;
}

/* the one NUMA node: 0 (NUMA_NO_PREFERRED_NODE, ~0, asks for none) */
static BOOL numa_node_ok(ULONG node)
{
    if (node == 0 || node == NUMA_NO_PREFERRED_NODE) return TRUE;
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
}

LPVOID WINAPI VirtualAllocExNuma(HANDLE process, void *addr, SIZE_T size, DWORD type, DWORD protect, DWORD node)
{
    return numa_node_ok(node) ? VirtualAllocEx(process, addr, size, type, protect) : NULL;
}

BOOL WINAPI GetNumaAvailableMemoryNode(UCHAR node, ULONGLONG *available)
{
    MEMORYSTATUSEX ms = { sizeof(ms) };
    if (node || !available) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!GlobalMemoryStatusEx(&ms)) return FALSE;
    *available = ms.ullAvailPhys;
    return TRUE;
}

BOOL WINAPI GetNumaAvailableMemoryNodeEx(USHORT node, ULONGLONG *available)
{
    return GetNumaAvailableMemoryNode(node > 0xff ? 0xff : (UCHAR)node, available);
}

/* a proximity domain is a node here: domain 0 is node 0 */
BOOL WINAPI GetNumaProximityNodeEx(ULONG proximity, USHORT *node)
{
    if (proximity || !node) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    *node = 0;
    return TRUE;
}

BOOL WINAPI GetNumaProximityNode(ULONG proximity, UCHAR *node)
{
    USHORT n;
    if (!node || !GetNumaProximityNodeEx(proximity, &n)) { if (!node) SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    *node = (UCHAR)n;
    return TRUE;
}
