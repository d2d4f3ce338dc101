/*
 * tests/kernel32/cpuset.c — Windows 8/10 process odds and ends that
 * runtimes and allocators call: CPU sets (GetSystemCpuSetInformation, a
 * process's default set, a thread's selected set), GetProcessInformation /
 * SetProcessInformation, offered and discarded memory
 * (OfferVirtualMemory, ReclaimVirtualMemory, DiscardVirtualMemory,
 * PrefetchVirtualMemory), power requests and Beep. Functions Wine 8 lacks
 * are skipped there.
 */
#include <windows.h>
#include <stdio.h>
#include "test.h"

typedef struct
{
    DWORD Size, Type, Id;
    WORD Group;
    BYTE LogicalProcessorIndex, CoreIndex, LastLevelCacheIndex, NumaNodeIndex, EfficiencyClass, AllFlags;
    DWORD Reserved;
    DWORD64 AllocationTag;
} CPU_SET_INFO;

static HMODULE k32;
#define FN(name) ((void *)GetProcAddress(k32, #name))

static void test_cpu_sets(void)
{
    BOOL (WINAPI *get_info)(void *, ULONG, ULONG *, HANDLE, ULONG) = FN(GetSystemCpuSetInformation);
    BOOL (WINAPI *set_default)(HANDLE, const ULONG *, ULONG) = FN(SetProcessDefaultCpuSets);
    BOOL (WINAPI *get_default)(HANDLE, ULONG *, ULONG, ULONG *) = FN(GetProcessDefaultCpuSets);
    BOOL (WINAPI *set_thread)(HANDLE, const ULONG *, ULONG) = FN(SetThreadSelectedCpuSets);
    BOOL (WINAPI *get_thread)(HANDLE, ULONG *, ULONG, ULONG *) = FN(GetThreadSelectedCpuSets);
    SYSTEM_INFO si;
    ULONG len = 0, required = 77, ids[64];
    if (!get_info || !set_default || !get_default || !set_thread || !get_thread) { skip("no CPU sets\n"); return; }
    GetSystemInfo(&si);

    SetLastError(0xdeadbeef);
    ok(!get_info(NULL, 0, &len, GetCurrentProcess(), 0) && GetLastError() == ERROR_INSUFFICIENT_BUFFER,
       "no buffer: error %lu\n", GetLastError());
    ok(len == si.dwNumberOfProcessors * sizeof(CPU_SET_INFO), "%lu bytes for %lu processors\n", len,
       si.dwNumberOfProcessors);
    CPU_SET_INFO *info = HeapAlloc(GetProcessHeap(), 0, len);
    ok(get_info(info, len, &len, GetCurrentProcess(), 0), "GetSystemCpuSetInformation failed\n");
    for (DWORD i = 0; i < si.dwNumberOfProcessors && i < 64; i++)
    {
        ok(info[i].Size == sizeof(CPU_SET_INFO) && info[i].Type == 0, "entry %lu: size %lu type %lu\n", i, info[i].Size,
           info[i].Type);
        ok(info[i].LogicalProcessorIndex == i && info[i].Group == 0, "entry %lu is processor %u\n", i,
           info[i].LogicalProcessorIndex);
        ok(info[i].CoreIndex <= i && info[i].LastLevelCacheIndex <= i, "entry %lu: core %u cache %u\n", i,
           info[i].CoreIndex, info[i].LastLevelCacheIndex);
        ids[i] = info[i].Id;
    }
    ok(!get_info(info, len, &len, GetCurrentProcess(), 1), "flags were taken\n");

    /* no default set at first; one set reads back; an unknown ID is refused */
    ok(get_default(GetCurrentProcess(), NULL, 0, &required) && required == 0, "a default set of %lu\n", required);
    ok(set_default(GetCurrentProcess(), ids, 1), "SetProcessDefaultCpuSets failed, error %lu\n", GetLastError());
    ULONG got[64] = { 0 };
    ok(!get_default(GetCurrentProcess(), got, 0, &required) && required == 1 &&
       GetLastError() == ERROR_INSUFFICIENT_BUFFER, "no room: %lu, error %lu\n", required, GetLastError());
    ok(get_default(GetCurrentProcess(), got, 64, &required) && required == 1 && got[0] == ids[0], "read back %lu\n",
       got[0]);
    ULONG bad = 0x7fff;
    ok(!set_default(GetCurrentProcess(), &bad, 1) && GetLastError() == ERROR_INVALID_PARAMETER,
       "an unknown ID: error %lu\n", GetLastError());
    ok(set_default(GetCurrentProcess(), NULL, 0), "clearing failed\n");
    ok(get_default(GetCurrentProcess(), got, 64, &required) && required == 0, "cleared: %lu left\n", required);

    ok(get_thread(GetCurrentThread(), got, 64, &required) && required == 0, "a thread set of %lu\n", required);
    ok(set_thread(GetCurrentThread(), ids, si.dwNumberOfProcessors > 1 ? 2 : 1), "SetThreadSelectedCpuSets failed\n");
    ok(get_thread(GetCurrentThread(), got, 64, &required) && required == (si.dwNumberOfProcessors > 1 ? 2u : 1u) &&
       got[0] == ids[0], "thread set read back: %lu\n", required);
    set_thread(GetCurrentThread(), NULL, 0);
    HeapFree(GetProcessHeap(), 0, info);
}

static void test_process_information(void)
{
    BOOL (WINAPI *get)(HANDLE, PROCESS_INFORMATION_CLASS, void *, DWORD) = FN(GetProcessInformation);
    MEMORY_PRIORITY_INFORMATION mp = { 0 };
    if (!get) { skip("no GetProcessInformation\n"); return; }
    ok(get(GetCurrentProcess(), ProcessMemoryPriority, &mp, sizeof(mp)) && mp.MemoryPriority == MEMORY_PRIORITY_NORMAL,
       "memory priority %lu\n", mp.MemoryPriority);
    mp.MemoryPriority = MEMORY_PRIORITY_LOW;
    ok(SetProcessInformation(GetCurrentProcess(), ProcessMemoryPriority, &mp, sizeof(mp)), "set failed, error %lu\n",
       GetLastError());
    mp.MemoryPriority = 0;
    todo_wine(get(GetCurrentProcess(), ProcessMemoryPriority, &mp, sizeof(mp)) && mp.MemoryPriority == MEMORY_PRIORITY_LOW,
              "memory priority %lu after setting low\n", mp.MemoryPriority);   /* Wine 8 does not keep it */
    mp.MemoryPriority = MEMORY_PRIORITY_NORMAL;
    SetProcessInformation(GetCurrentProcess(), ProcessMemoryPriority, &mp, sizeof(mp));
    SetLastError(0xdeadbeef);
    ok(!get(GetCurrentProcess(), ProcessMemoryPriority, &mp, sizeof(mp) + 1), "a wrong size was taken\n");

    PROCESS_POWER_THROTTLING_STATE pt = { PROCESS_POWER_THROTTLING_CURRENT_VERSION, PROCESS_POWER_THROTTLING_EXECUTION_SPEED,
                                          PROCESS_POWER_THROTTLING_EXECUTION_SPEED };
    ok(SetProcessInformation(GetCurrentProcess(), ProcessPowerThrottling, &pt, sizeof(pt)), "throttling: error %lu\n",
       GetLastError());
}

static void test_offered_memory(void)
{
    DWORD (WINAPI *offer)(void *, SIZE_T, int) = FN(OfferVirtualMemory);
    DWORD (WINAPI *reclaim)(void *, SIZE_T) = FN(ReclaimVirtualMemory);
    DWORD (WINAPI *discard)(void *, SIZE_T) = FN(DiscardVirtualMemory);
    BOOL (WINAPI *prefetch)(HANDLE, ULONG_PTR, WIN32_MEMORY_RANGE_ENTRY *, ULONG) = FN(PrefetchVirtualMemory);
    SIZE_T size = 0x10000;
    BYTE *p = VirtualAlloc(NULL, size, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    if (!offer || !reclaim || !discard || !prefetch) { skip("no offered memory\n"); VirtualFree(p, 0, MEM_RELEASE); return; }
    memset(p, 0x5a, size);
    ok(offer(p + 1, 0x1000, 4) == ERROR_INVALID_PARAMETER, "an unaligned offer was taken\n");
    ok(offer(p, size, 99) == ERROR_INVALID_PARAMETER, "a bad priority was taken\n");
    ok(offer(p, size, 1 /* VmOfferPriorityVeryLow */) == ERROR_SUCCESS, "offer failed\n");
    DWORD r = reclaim(p, size);
    ok(r == ERROR_SUCCESS || r == ERROR_BUSY, "reclaim: %lu\n", r);
    /* reclaimed memory is usable again either way */
    memset(p, 0x11, size);
    ok(p[size - 1] == 0x11, "the pages do not take writes\n");
    ok(discard(p, size) == ERROR_SUCCESS, "discard failed\n");
    p[0] = 7;
    ok(p[0] == 7, "the pages do not take writes after a discard\n");
    WIN32_MEMORY_RANGE_ENTRY range = { p, size };
    ok(prefetch(GetCurrentProcess(), 1, &range, 0), "prefetch failed, error %lu\n", GetLastError());
    VirtualFree(p, 0, MEM_RELEASE);
}

static void test_power_requests(void)
{
    HANDLE (WINAPI *create)(REASON_CONTEXT *) = FN(PowerCreateRequest);
    BOOL (WINAPI *set)(HANDLE, POWER_REQUEST_TYPE) = FN(PowerSetRequest);
    BOOL (WINAPI *clear)(HANDLE, POWER_REQUEST_TYPE) = FN(PowerClearRequest);
    REASON_CONTEXT reason = { POWER_REQUEST_CONTEXT_VERSION, POWER_REQUEST_CONTEXT_SIMPLE_STRING };
    if (!create || !set || !clear) { skip("no power requests\n"); return; }
    reason.Reason.SimpleReasonString = (LPWSTR)L"a long computation";
    HANDLE h = create(&reason);
    if (h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_CALL_NOT_IMPLEMENTED && test_is("wine"))
    {
        skip("Wine 8's power requests are stubs\n");
        return;
    }
    ok(h && h != INVALID_HANDLE_VALUE, "PowerCreateRequest failed, error %lu\n", GetLastError());
    ok(set(h, PowerRequestSystemRequired), "set failed, error %lu\n", GetLastError());
    ok(clear(h, PowerRequestSystemRequired), "clear failed, error %lu\n", GetLastError());
    ok(CloseHandle(h), "the request is not a handle to close\n");
    reason.Version = 99;
    SetLastError(0xdeadbeef);
    ok(create(&reason) == INVALID_HANDLE_VALUE && GetLastError() == ERROR_INVALID_PARAMETER,
       "a bad version: error %lu\n", GetLastError());
}

static void test_beep(void)
{
    ok(Beep(440, 10), "Beep failed, error %lu\n", GetLastError());
}

int main(void)
{
    k32 = GetModuleHandleA("kernel32.dll");
    test_cpu_sets();
    test_process_information();
    test_offered_memory();
    test_power_requests();
    test_beep();
    return test_summary();
}
