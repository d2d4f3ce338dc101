/*
 * tests/ntdll/anonpipe.c — pipes made through the named-pipe file system's
 * root, as Rust's standard library (1.8x) makes a child's stdio pipes: the
 * root "\??\PIPE\" (or "\Device\NamedPipe\") opened with NtOpenFile, a pipe
 * without a name created with it as RootDirectory (NtCreateNamedPipeFile,
 * overlapped), its client end opened with the pipe itself as RootDirectory
 * and an empty name; a named pipe created relative to the root is the
 * \\.\pipe\ name. Data both ways, the end of the stream when one end goes.
 */
#include <windows.h>
#include <winternl.h>
#include "test.h"

NTSTATUS NTAPI NtCreateNamedPipeFile(HANDLE *, ULONG, OBJECT_ATTRIBUTES *, IO_STATUS_BLOCK *, ULONG, ULONG, ULONG,
                                     ULONG, ULONG, ULONG, ULONG, ULONG, ULONG, LARGE_INTEGER *);

static NTSTATUS open_root(const WCHAR *name, HANDLE *root)
{
    UNICODE_STRING us;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    RtlInitUnicodeString(&us, name);
    InitializeObjectAttributes(&attr, &us, 0, NULL, NULL);
    return NtOpenFile(root, GENERIC_READ | SYNCHRONIZE, &attr, &io, FILE_SHARE_READ | FILE_SHARE_WRITE,
                      FILE_SYNCHRONOUS_IO_NONALERT);
}

/* a pipe relative to root (name NULL: without a name), read by us, overlapped */
static NTSTATUS create_in(HANDLE root, const WCHAR *name, HANDLE *pipe)
{
    UNICODE_STRING us = { 0, 0, NULL };
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    LARGE_INTEGER timeout = { .QuadPart = -500000 };
    if (name) RtlInitUnicodeString(&us, name);
    InitializeObjectAttributes(&attr, &us, 0, root, NULL);
    return NtCreateNamedPipeFile(pipe, SYNCHRONIZE | GENERIC_READ, &attr, &io, FILE_SHARE_WRITE, FILE_CREATE, 0,
                                 0, 0, 0, 1, 65536, 65536, &timeout);
}

/* the client end of pipe: RootDirectory the pipe, no name */
static NTSTATUS open_client(HANDLE pipe, HANDLE *client)
{
    UNICODE_STRING empty = { 0, 0, NULL };
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    InitializeObjectAttributes(&attr, &empty, OBJ_INHERIT, pipe, NULL);
    return NtOpenFile(client, SYNCHRONIZE | GENERIC_WRITE | FILE_READ_ATTRIBUTES, &attr, &io, 0,
                      FILE_NON_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
}

/* an overlapped read of the server end, waited for */
static BOOL read_ours(HANDLE h, char *buf, DWORD size, DWORD *got)
{
    OVERLAPPED ov = { 0 };
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    BOOL r = ReadFile(h, buf, size, NULL, &ov);
    if (!r && GetLastError() == ERROR_IO_PENDING) r = GetOverlappedResult(h, &ov, got, TRUE);
    else if (r) GetOverlappedResult(h, &ov, got, FALSE);
    DWORD err = GetLastError();
    CloseHandle(ov.hEvent);
    SetLastError(err);
    return r;
}

static void test_root(const WCHAR *root_name)
{
    HANDLE root = NULL, ours = NULL, theirs = NULL;
    char buf[64];
    DWORD n = 0;
    NTSTATUS status;

    status = open_root(root_name, &root);
    ok(!status, "%ls: NtOpenFile of the root: %#lx\n", root_name, status);
    if (status) return;
    status = create_in(root, NULL, &ours);
    ok(!status, "%ls: a pipe without a name: %#lx\n", root_name, status);
    if (!status)
    {
        status = open_client(ours, &theirs);
        ok(!status, "%ls: its client end: %#lx\n", root_name, status);
    }
    if (theirs)
    {
        ok(GetFileType(theirs) == FILE_TYPE_PIPE, "the client end's type: %lu\n", GetFileType(theirs));
        ok(WriteFile(theirs, "hello, pipe", 11, &n, NULL) && n == 11, "write: %lu\n", GetLastError());
        memset(buf, 0, sizeof(buf));
        ok(read_ours(ours, buf, sizeof(buf), &n) && n == 11 && !memcmp(buf, "hello, pipe", 11),
           "read %lu bytes \"%.*s\", error %lu\n", n, (int)n, buf, GetLastError());
        CloseHandle(theirs);
        SetLastError(0xdeadbeef);
        ok(!read_ours(ours, buf, sizeof(buf), &n) && GetLastError() == ERROR_BROKEN_PIPE,
           "read after the writer went: error %lu\n", GetLastError());
    }
    if (ours) CloseHandle(ours);
    CloseHandle(root);
}

/* a named pipe made relative to the root is the \\.\pipe\ name */
static void test_named_in_root(void)
{
    WCHAR name[64], path[80];
    HANDLE root, ours = NULL, theirs;
    char buf[16];
    DWORD n = 0;
    NTSTATUS status;

    if (open_root(L"\\??\\PIPE\\", &root)) return;
    swprintf(name, ARRAYSIZE(name), L"wlx-anonpipe-%lu", GetCurrentProcessId());
    swprintf(path, ARRAYSIZE(path), L"\\\\.\\pipe\\%ls", name);
    status = create_in(root, name, &ours);
    /* Wine 8.0 refuses a name relative to the root (STATUS_OBJECT_NAME_INVALID) */
    todo_wine(!status, "a named pipe in the root: %#lx\n", status);
    if (status) { CloseHandle(root); return; }
    theirs = CreateFileW(path, GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(theirs != INVALID_HANDLE_VALUE, "CreateFile of %ls: %lu\n", path, GetLastError());
    if (theirs != INVALID_HANDLE_VALUE)
    {
        ok(WriteFile(theirs, "named", 5, &n, NULL) && n == 5, "write: %lu\n", GetLastError());
        ok(read_ours(ours, buf, sizeof(buf), &n) && n == 5 && !memcmp(buf, "named", 5), "read %lu\n", n);
        CloseHandle(theirs);
    }
    if (ours) CloseHandle(ours);
    CloseHandle(root);
}

int main(void)
{
    test_start("ntdll/anonpipe");
    test_root(L"\\??\\PIPE\\");
    test_root(L"\\Device\\NamedPipe\\");
    test_named_in_root();
    return test_summary();
}
