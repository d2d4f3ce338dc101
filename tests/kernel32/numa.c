/*
 * tests/kernel32/numa.c — the NUMA functions on a machine with one node
 * (what GetNumaHighestNodeNumber reports): VirtualAllocExNuma on node 0 or
 * with no preference, the node's available memory, proximity domain 0.
 * Functions Wine 8 lacks are skipped there.
 */
#include <windows.h>
#include "test.h"

int main(void)
{
    HMODULE k32 = GetModuleHandleA("kernel32.dll");
    LPVOID (WINAPI *alloc_numa)(HANDLE, void *, SIZE_T, DWORD, DWORD, DWORD) = (void *)GetProcAddress(k32, "VirtualAllocExNuma");
    BOOL (WINAPI *avail_node)(UCHAR, ULONGLONG *) = (void *)GetProcAddress(k32, "GetNumaAvailableMemoryNode");
    BOOL (WINAPI *proximity)(ULONG, UCHAR *) = (void *)GetProcAddress(k32, "GetNumaProximityNode");
    ULONG highest = 99;
    ok(GetNumaHighestNodeNumber(&highest), "GetNumaHighestNodeNumber %lu\n", GetLastError());
    if (highest != 0) { skip("%lu NUMA nodes\n", highest + 1); return test_summary(); }

    if (alloc_numa)
    {
        BYTE *p = alloc_numa(GetCurrentProcess(), NULL, 0x10000, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE, 0);
        ok(p != NULL, "node 0: error %lu\n", GetLastError());
        if (p) { p[0x8000] = 1; VirtualFree(p, 0, MEM_RELEASE); }
        p = alloc_numa(GetCurrentProcess(), NULL, 0x10000, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE, NUMA_NO_PREFERRED_NODE);
        ok(p != NULL, "no preferred node: error %lu\n", GetLastError());
        if (p) VirtualFree(p, 0, MEM_RELEASE);
    }
    else skip("no VirtualAllocExNuma\n");

    if (avail_node)
    {
        ULONGLONG avail = 0;
        MEMORYSTATUSEX ms = { sizeof(ms) };
        GlobalMemoryStatusEx(&ms);
        /* Wine 8's GetNumaAvailableMemoryNode and GetNumaProximityNode are stubs */
        todo_wine(avail_node(0, &avail) && avail > 0 && avail <= ms.ullTotalPhys, "node 0 has %I64u bytes free\n", avail);
        SetLastError(0xdeadbeef);
        todo_wine(!avail_node(1, &avail) && GetLastError() == ERROR_INVALID_PARAMETER, "node 1: error %lu\n", GetLastError());
    }
    else skip("no GetNumaAvailableMemoryNode\n");

    if (proximity)
    {
        UCHAR node = 77;
        todo_wine(proximity(0, &node) && node == 0, "proximity domain 0 is node %u\n", node);
    }
    else skip("no GetNumaProximityNode\n");
    return test_summary();
}
