/*
 * kernel32/procmem.c — another process's memory and the counters programs
 * sample: ReadProcessMemory/WriteProcessMemory (ntdll's
 * NtRead/NtWriteVirtualMemory), GetProcessIoCounters and
 * K32GetPerformanceInfo (psapi's GetPerformanceInfo).
 */
#include "private.h"
#include <psapi.h>

NTSTATUS NTAPI NtReadVirtualMemory(HANDLE, const void *, void *, SIZE_T, SIZE_T *);
NTSTATUS NTAPI NtWriteVirtualMemory(HANDLE, void *, const void *, SIZE_T, SIZE_T *);
NTSTATUS NTAPI NtQueryInformationProcess(HANDLE, PROCESSINFOCLASS, void *, ULONG, ULONG *);
NTSTATUS NTAPI __wlx_thread_ids(DWORD *ids, DWORD max, DWORD *count);

#define PROCESS_IO_COUNTERS_CLASS 2    /* ProcessIoCounters */

BOOL WINAPI ReadProcessMemory(HANDLE process, const void *addr, void *buf, SIZE_T size, SIZE_T *done)
{
    return set_ntstatus(NtReadVirtualMemory(process, addr, buf, size, done));
}

static BOOL is_self(HANDLE process)
{
    return process == GetCurrentProcess() || GetProcessId(process) == GetCurrentProcessId();
}

/* Windows writes into read-only and executable pages of the target (a
   debugger patching code): the pages are made writable for the copy and
   get their protection back. Done here for the calling process, whose
   protections VirtualQuery knows; no-access and guard pages still fail. */
static BOOL unprotect_own(void *addr, SIZE_T size, DWORD *old)
{
    static const DWORD writable_of[][2] = {
        { PAGE_READONLY, PAGE_READWRITE }, { PAGE_EXECUTE_READ, PAGE_EXECUTE_READWRITE },
        { PAGE_EXECUTE, PAGE_EXECUTE_READWRITE },
    };
    MEMORY_BASIC_INFORMATION mbi;

    if (!VirtualQuery(addr, &mbi, sizeof(mbi)) || mbi.State != MEM_COMMIT) return FALSE;
    if ((char *)mbi.BaseAddress + mbi.RegionSize < (char *)addr + size) return FALSE;   /* one region only */
    for (size_t i = 0; i < ARRAYSIZE(writable_of); i++)
        if (mbi.Protect == writable_of[i][0]) return VirtualProtect(addr, size, writable_of[i][1], old);
    return FALSE;
}

BOOL WINAPI WriteProcessMemory(HANDLE process, void *addr, const void *buf, SIZE_T size, SIZE_T *done)
{
    NTSTATUS status = NtWriteVirtualMemory(process, addr, buf, size, done);
    DWORD old, ignored;

    if (status && is_self(process) && unprotect_own(addr, size, &old))
    {
        status = NtWriteVirtualMemory(process, addr, buf, size, done);
        VirtualProtect(addr, size, old, &ignored);
    }
    if (!status) FlushInstructionCache(process, addr, size);
    return set_ntstatus(status);
}

BOOL WINAPI GetProcessIoCounters(HANDLE process, IO_COUNTERS *counters)
{
    return set_ntstatus(NtQueryInformationProcess(process, PROCESS_IO_COUNTERS_CLASS, counters,
                                                  sizeof(*counters), NULL));
}

/* system-wide memory in pages, from GlobalMemoryStatusEx; this process's
   handles and threads (the only counts wlx knows without asking every
   process of the machine) */
BOOL WINAPI K32GetPerformanceInfo(PERFORMANCE_INFORMATION *info, DWORD size)
{
    MEMORYSTATUSEX ms = { sizeof(ms) };
    SYSTEM_INFO si;
    DWORD threads = 1;

    if (size < sizeof(*info)) { SetLastError(ERROR_BAD_LENGTH); return FALSE; }
    if (!GlobalMemoryStatusEx(&ms)) return FALSE;
    GetSystemInfo(&si);
    __wlx_thread_ids(NULL, 0, &threads);
    memset(info, 0, sizeof(*info));
    info->cb = sizeof(*info);
    info->PageSize = si.dwPageSize;
    info->CommitLimit = ms.ullTotalPageFile / si.dwPageSize;
    info->CommitTotal = (ms.ullTotalPageFile - ms.ullAvailPageFile) / si.dwPageSize;
    info->CommitPeak = info->CommitTotal;
    info->PhysicalTotal = ms.ullTotalPhys / si.dwPageSize;
    info->PhysicalAvailable = ms.ullAvailPhys / si.dwPageSize;
    info->HandleCount = 1;
    info->ProcessCount = 1;
    info->ThreadCount = threads ? threads : 1;
    return TRUE;
}
