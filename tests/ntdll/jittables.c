/*
 * tests/ntdll/jittables.c — what a JIT (V8, .NET) does with memory it writes
 * code into: growable function tables (RtlAddGrowableFunctionTable, entries
 * published by RtlGrowFunctionTable, RtlDeleteGrowableFunctionTable) seen by
 * RtlLookupFunctionEntry, and executable allocations marked as invalid
 * Control Flow Guard targets (PAGE_TARGETS_INVALID, PAGE_TARGETS_NO_UPDATE).
 */
#include <windows.h>
#include "test.h"

typedef DWORD (NTAPI *add_growable_fn)(void **, PRUNTIME_FUNCTION, DWORD, DWORD, ULONG_PTR, ULONG_PTR);
typedef void (NTAPI *grow_fn)(void *, DWORD);
typedef void (NTAPI *delete_growable_fn)(void *);

static void test_growable(void)
{
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    add_growable_fn add = (add_growable_fn)GetProcAddress(ntdll, "RtlAddGrowableFunctionTable");
    grow_fn grow = (grow_fn)GetProcAddress(ntdll, "RtlGrowFunctionTable");
    delete_growable_fn del = (delete_growable_fn)GetProcAddress(ntdll, "RtlDeleteGrowableFunctionTable");
    RUNTIME_FUNCTION table[4];
    BYTE *code = VirtualAlloc(NULL, 0x10000, MEM_COMMIT | MEM_RESERVE, PAGE_EXECUTE_READWRITE);
    ULONG_PTR base = (ULONG_PTR)code;
    DWORD64 found_base = 0;
    void *handle = NULL;
    DWORD status;

    ok(add && grow && del, "growable table functions missing\n");
    if (!add || !grow || !del || !code) return;
    /* two functions with empty unwind info (version 1, no codes) at 0x2000 */
    code[0x2000] = 1;
    memset(table, 0, sizeof(table));
    table[0].BeginAddress = 0x100; table[0].EndAddress = 0x200; table[0].UnwindData = 0x2000;
    table[1].BeginAddress = 0x300; table[1].EndAddress = 0x400; table[1].UnwindData = 0x2000;

    status = add(&handle, table, 1, 4, base, base + 0x10000);
    ok(status == 0 && handle, "RtlAddGrowableFunctionTable %lx\n", status);
    ok(RtlLookupFunctionEntry(base + 0x150, &found_base, NULL) == &table[0] && found_base == base,
       "first function not found\n");
    ok(!RtlLookupFunctionEntry(base + 0x350, &found_base, NULL), "second function found before the table grew\n");
    grow(handle, 2);
    ok(RtlLookupFunctionEntry(base + 0x350, &found_base, NULL) == &table[1], "second function not found after growing\n");
    ok(!RtlLookupFunctionEntry(base + 0x250, &found_base, NULL), "a gap between functions found\n");
    del(handle);
    ok(!RtlLookupFunctionEntry(base + 0x150, &found_base, NULL), "found after the table was deleted\n");
    VirtualFree(code, 0, MEM_RELEASE);
}

static void test_cfg_flags(void)
{
    BYTE *p = VirtualAlloc(NULL, 0x2000, MEM_RESERVE, PAGE_NOACCESS);
    DWORD old = 0;

    ok(p != NULL, "reserve %lu\n", GetLastError());
    ok(VirtualAlloc(p, 0x1000, MEM_COMMIT, PAGE_EXECUTE_READWRITE | PAGE_TARGETS_INVALID) == p,
       "commit with PAGE_TARGETS_INVALID: %lu\n", GetLastError());
    p[0] = 0xc3;   /* writable */
    ok(VirtualProtect(p, 0x1000, PAGE_EXECUTE_READ | PAGE_TARGETS_NO_UPDATE, &old),
       "protect with PAGE_TARGETS_NO_UPDATE: %lu\n", GetLastError());
    ok((old & 0xff) == PAGE_EXECUTE_READWRITE, "old protection %lx\n", old);
    VirtualFree(p, 0, MEM_RELEASE);
}

int main(void)
{
    test_start("ntdll/jittables");
    test_growable();
    test_cfg_flags();
    return test_summary();
}
