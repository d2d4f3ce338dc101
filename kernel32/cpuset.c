/*
 * kernel32/cpuset.c — CPU sets (Windows 10): GetSystemCpuSetInformation,
 * the process's default set and a thread's selected set.
 *
 * Each logical processor is one CPU set, ID 0x100 + its index (Windows
 * numbers them from 0x100 too); its core and last-level cache are named by
 * the lowest processor index sharing them, from
 * GetLogicalProcessorInformation. A set chosen for the process or a thread
 * is a scheduling preference on Windows and is kept here so that it reads
 * back; Linux is not told (affinity masks are the hard form, and those are
 * applied).
 */
#include "private.h"

#define FIRST_ID 0x100

typedef struct
{
    DWORD Size;
    DWORD Type;                 /* CpuSetInformation: 0 */
    DWORD Id;
    WORD Group;
    BYTE LogicalProcessorIndex, CoreIndex, LastLevelCacheIndex, NumaNodeIndex, EfficiencyClass, AllFlags;
    DWORD Reserved;
    DWORD64 AllocationTag;
} CPU_SET_INFO;

static DWORD cpu_count(void)
{
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    return si.dwNumberOfProcessors > 64 ? 64 : si.dwNumberOfProcessors;
}

static BYTE lowest(ULONG_PTR mask)
{
    BYTE i = 0;
    while (mask && !(mask & 1)) { mask >>= 1; i++; }
    return i;
}

/* the core and last-level cache of each processor */
static void topology(DWORD n, BYTE *core, BYTE *llc)
{
    DWORD len = 0;
    BYTE level[64] = { 0 };
    for (DWORD i = 0; i < n; i++) core[i] = llc[i] = (BYTE)i;
    GetLogicalProcessorInformation(NULL, &len);
    SYSTEM_LOGICAL_PROCESSOR_INFORMATION *info = len ? HeapAlloc(GetProcessHeap(), 0, len) : NULL;
    if (!info) return;
    if (GetLogicalProcessorInformation(info, &len))
        for (DWORD k = 0; k < len / sizeof(*info); k++)
            for (DWORD i = 0; i < n; i++)
            {
                if (!(info[k].ProcessorMask & ((ULONG_PTR)1 << i))) continue;
                if (info[k].Relationship == RelationProcessorCore) core[i] = lowest(info[k].ProcessorMask);
                else if (info[k].Relationship == RelationCache && info[k].Cache.Level >= level[i])
                {
                    level[i] = info[k].Cache.Level;
                    llc[i] = lowest(info[k].ProcessorMask);
                }
            }
    HeapFree(GetProcessHeap(), 0, info);
}

BOOL WINAPI GetSystemCpuSetInformation(void *buffer, ULONG length, ULONG *returned, HANDLE process, ULONG flags)
{
    DWORD n = cpu_count();
    BYTE core[64], llc[64];
    ULONG need = n * sizeof(CPU_SET_INFO);
    if (flags || !returned) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (process && process != GetCurrentProcess() && !GetProcessId(process)) return FALSE;
    *returned = need;
    if (length < need || !buffer) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return FALSE; }
    topology(n, core, llc);
    CPU_SET_INFO *out = buffer;
    for (DWORD i = 0; i < n; i++)
    {
        memset(&out[i], 0, sizeof(out[i]));
        out[i].Size = sizeof(out[i]);
        out[i].Id = FIRST_ID + i;
        out[i].LogicalProcessorIndex = (BYTE)i;
        out[i].CoreIndex = core[i];
        out[i].LastLevelCacheIndex = llc[i];
    }
    return TRUE;
}

/* --- chosen sets ------------------------------------------------------------ */

struct chosen { DWORD owner; ULONG count; ULONG ids[64]; };   /* owner: a thread ID, 0 the process */

static SRWLOCK chosen_lock = SRWLOCK_INIT;
static struct chosen *chosen;
static ULONG chosen_count;

static BOOL valid_ids(const ULONG *ids, ULONG count)
{
    DWORD n = cpu_count();
    if (count > n || (count && !ids)) return FALSE;
    for (ULONG i = 0; i < count; i++)
        if (ids[i] < FIRST_ID || ids[i] >= FIRST_ID + n) return FALSE;
    return TRUE;
}

static BOOL set_chosen(DWORD owner, const ULONG *ids, ULONG count)
{
    BOOL done = TRUE;
    if (!valid_ids(ids, count)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    AcquireSRWLockExclusive(&chosen_lock);
    ULONG i = 0;
    while (i < chosen_count && chosen[i].owner != owner) i++;
    if (i == chosen_count)
    {
        struct chosen *grown = chosen ? HeapReAlloc(GetProcessHeap(), 0, chosen, (i + 1) * sizeof(*chosen))
                                      : HeapAlloc(GetProcessHeap(), 0, sizeof(*chosen));
        if (grown) { chosen = grown; chosen_count++; chosen[i].owner = owner; }
        else done = FALSE;
    }
    if (done)
    {
        chosen[i].count = count;
        if (count) memcpy(chosen[i].ids, ids, count * sizeof(ULONG));
    }
    ReleaseSRWLockExclusive(&chosen_lock);
    if (!done) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return done;
}

static BOOL get_chosen(DWORD owner, ULONG *ids, ULONG count, ULONG *required)
{
    BOOL done = TRUE;
    if (!required) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    AcquireSRWLockShared(&chosen_lock);
    ULONG i = 0;
    while (i < chosen_count && chosen[i].owner != owner) i++;
    ULONG have = i < chosen_count ? chosen[i].count : 0;
    *required = have;
    if (have > count || (have && !ids)) done = FALSE;
    else if (have) memcpy(ids, chosen[i].ids, have * sizeof(ULONG));
    ReleaseSRWLockShared(&chosen_lock);
    if (!done) SetLastError(ERROR_INSUFFICIENT_BUFFER);
    return done;
}

static BOOL is_this_process(HANDLE process)
{
    if (process == GetCurrentProcess() || GetProcessId(process) == GetCurrentProcessId()) return TRUE;
    if (GetProcessId(process)) SetLastError(ERROR_NOT_SUPPORTED);   /* another process's sets are its own */
    return FALSE;
}

BOOL WINAPI SetProcessDefaultCpuSets(HANDLE process, const ULONG *ids, ULONG count)
{
    return is_this_process(process) && set_chosen(0, ids, count);
}

BOOL WINAPI GetProcessDefaultCpuSets(HANDLE process, ULONG *ids, ULONG count, ULONG *required)
{
    return is_this_process(process) && get_chosen(0, ids, count, required);
}

BOOL WINAPI SetThreadSelectedCpuSets(HANDLE thread, const ULONG *ids, ULONG count)
{
    DWORD tid = GetThreadId(thread);
    return tid && set_chosen(tid, ids, count);
}

BOOL WINAPI GetThreadSelectedCpuSets(HANDLE thread, ULONG *ids, ULONG count, ULONG *required)
{
    DWORD tid = GetThreadId(thread);
    return tid && get_chosen(tid, ids, count, required);
}
