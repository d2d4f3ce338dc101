/*
 * tests/ntdll/flush.c — NtFlushBuffersFile and NtFlushBuffersFileEx (what
 * PostgreSQL 18 looks up at start for its fdatasync): a written file
 * flushed with each flag, an unknown flag refused.
 */
#define WIN32_NO_STATUS
#include "test.h"
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <winternl.h>

static NTSTATUS (WINAPI *pNtFlushBuffersFile)(HANDLE, IO_STATUS_BLOCK *);
static NTSTATUS (WINAPI *pNtFlushBuffersFileEx)(HANDLE, ULONG, void *, ULONG, IO_STATUS_BLOCK *);

int main(void)
{
    HMODULE ntdll = GetModuleHandleA("ntdll.dll");
    char dir[MAX_PATH], path[MAX_PATH];
    IO_STATUS_BLOCK io;
    HANDLE h;
    DWORD n;
    ULONG flags[] = { 0, 1 /* FILE_DATA_ONLY */, 2 /* NO_SYNC */, 4 /* FILE_DATA_SYNC_ONLY */ };
    int i;

    test_start("ntdll:flush");
    pNtFlushBuffersFile = (void *)GetProcAddress(ntdll, "NtFlushBuffersFile");
    pNtFlushBuffersFileEx = (void *)GetProcAddress(ntdll, "NtFlushBuffersFileEx");
    /* Windows 10 1709+ has it; Wine 8.0 does not */
    todo_wine(pNtFlushBuffersFileEx != NULL, "no NtFlushBuffersFileEx\n");
    GetTempPathA(sizeof(dir), dir);
    GetTempFileNameA(dir, "fl", 0, path);
    h = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    ok(WriteFile(h, "data", 4, &n, NULL), "write\n");
    memset(&io, 0xcc, sizeof(io));
    ok(pNtFlushBuffersFile(h, &io) == STATUS_SUCCESS && io.Status == STATUS_SUCCESS && !io.Information, "flush\n");
    for (i = 0; pNtFlushBuffersFileEx && i < ARRAYSIZE(flags); i++)
    {
        memset(&io, 0xcc, sizeof(io));
        ok(pNtFlushBuffersFileEx(h, flags[i], NULL, 0, &io) == STATUS_SUCCESS && io.Status == STATUS_SUCCESS,
           "flags %#lx: status %#lx\n", flags[i], io.Status);
    }
    if (pNtFlushBuffersFileEx)
        ok(pNtFlushBuffersFileEx(h, 0x100, NULL, 0, &io) == STATUS_INVALID_PARAMETER, "an unknown flag\n");
    CloseHandle(h);
    DeleteFileA(path);
    return test_summary();
}
