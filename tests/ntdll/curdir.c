/*
 * tests/ntdll/curdir.c — the current directory's handle in the process
 * parameters (CURDIR.Handle): it exists from the start, follows
 * SetCurrentDirectory, and opens relative names (NtCreateFile with it as
 * RootDirectory, as Zig's standard library does); and a folder's NT path
 * from GetFinalPathNameByHandle(VOLUME_NAME_NT) opens again with NtCreateFile.
 */
#include <windows.h>
#include <winternl.h>
#include "test.h"

typedef struct { UNICODE_STRING DosPath; HANDLE Handle; } CURDIR_;

/* the CURDIR of the process parameters (after the fields winternl.h names) */
static CURDIR_ *cur_dir(void)
{
    BYTE *params = (BYTE *)NtCurrentTeb()->ProcessEnvironmentBlock->ProcessParameters;
    return (CURDIR_ *)(params + 0x38);
}

static NTSTATUS open_rel(HANDLE root, const WCHAR *name, ULONG disposition, HANDLE *out)
{
    UNICODE_STRING us;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    RtlInitUnicodeString(&us, name);
    InitializeObjectAttributes(&attr, &us, OBJ_CASE_INSENSITIVE, root, NULL);
    return NtCreateFile(out, GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE, &attr, &io, NULL, 0,
                        FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, disposition,
                        FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE, NULL, 0);
}

int main(void)
{
    WCHAR tmp[MAX_PATH], dir[MAX_PATH], sub[MAX_PATH], old[MAX_PATH], path[MAX_PATH], nt[MAX_PATH + 8];
    HANDLE h, first;
    NTSTATUS status;
    DWORD len;

    test_start("ntdll/curdir");
    GetCurrentDirectoryW(MAX_PATH, old);
    GetTempPathW(MAX_PATH, tmp);
    wsprintfW(dir, L"%swlx-curdir-%lu", tmp, GetCurrentProcessId());
    wsprintfW(sub, L"%s\\sub", dir);
    CreateDirectoryW(dir, NULL);
    CreateDirectoryW(sub, NULL);

    first = cur_dir()->Handle;
    ok(first != NULL, "no current directory handle at start\n");
    ok(SetCurrentDirectoryW(dir), "SetCurrentDirectory %lu\n", GetLastError());
    ok(cur_dir()->Handle != NULL, "no handle after SetCurrentDirectory\n");
    status = open_rel(cur_dir()->Handle, L"a.txt", FILE_CREATE, &h);
    ok(!status, "relative create %lx\n", status);
    if (!status) CloseHandle(h);
    wsprintfW(path, L"%s\\a.txt", dir);
    ok(GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES, "a.txt is not in the current directory\n");

    ok(SetCurrentDirectoryW(L"sub"), "SetCurrentDirectory(sub) %lu\n", GetLastError());
    status = open_rel(cur_dir()->Handle, L"b.txt", FILE_CREATE, &h);
    ok(!status, "relative create in sub %lx\n", status);
    if (!status) CloseHandle(h);
    wsprintfW(path, L"%s\\b.txt", sub);
    ok(GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES, "b.txt is not in sub\n");

    /* the folder's NT path names it again */
    len = GetFinalPathNameByHandleW(cur_dir()->Handle, nt, ARRAYSIZE(nt), VOLUME_NAME_NT);
    ok(len && !wcsncmp(nt, L"\\Device\\", 8), "NT path %lu %ls\n", GetLastError(), len ? nt : L"");
    if (len && len + 8 < ARRAYSIZE(nt))
    {
        lstrcatW(nt, L"\\b.txt");
        status = open_rel(NULL, nt, FILE_OPEN, &h);
        /* Wine 8.0 names the volume device but has no such object to open */
        todo_wine(!status, "opening %ls: %lx\n", nt, status);
        if (!status) CloseHandle(h);
    }

    SetCurrentDirectoryW(old);
    DeleteFileW(path);
    wsprintfW(path, L"%s\\a.txt", dir);
    DeleteFileW(path);
    ok(RemoveDirectoryW(sub), "remove sub %lu\n", GetLastError());
    ok(RemoveDirectoryW(dir), "remove dir %lu\n", GetLastError());
    return test_summary();
}
