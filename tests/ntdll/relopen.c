/*
 * tests/ntdll/relopen.c — NtCreateFile/NtOpenFile with a RootDirectory: the
 * name is taken relative to the open folder (how Rust's remove_dir_all
 * walks and deletes a tree), for files, subfolders and a nested name.
 */
#define WIN32_NO_STATUS
#include "test.h"
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <winternl.h>

static NTSTATUS (WINAPI *pNtCreateFile)(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, IO_STATUS_BLOCK *,
                                        LARGE_INTEGER *, ULONG, ULONG, ULONG, ULONG, void *, ULONG);

/* opens or creates `name` under `root` */
static NTSTATUS open_under(HANDLE root, const WCHAR *name, ACCESS_MASK access, ULONG disposition, ULONG options,
                           HANDLE *out)
{
    UNICODE_STRING us;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;

    us.Buffer = (WCHAR *)name;
    us.Length = us.MaximumLength = wcslen(name) * sizeof(WCHAR);
    InitializeObjectAttributes(&attr, &us, OBJ_CASE_INSENSITIVE, root, NULL);
    *out = NULL;
    return pNtCreateFile(out, access | SYNCHRONIZE, &attr, &io, NULL, 0, FILE_SHARE_READ | FILE_SHARE_WRITE |
                         FILE_SHARE_DELETE, disposition, options | FILE_SYNCHRONOUS_IO_NONALERT, NULL, 0);
}

int main(void)
{
    WCHAR dir[MAX_PATH], path[MAX_PATH];
    HANDLE root, sub, h;
    FILE_DISPOSITION_INFO del = { TRUE };
    NTSTATUS status;
    DWORD written;
    char buf[8] = { 0 };

    test_start("ntdll/relopen");
    pNtCreateFile = (void *)GetProcAddress(GetModuleHandleA("ntdll.dll"), "NtCreateFile");
    GetTempPathW(MAX_PATH, dir);
    wcscat(dir, L"wlx-relopen");
    CreateDirectoryW(dir, NULL);
    root = CreateFileW(dir, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_EXISTING,
                       FILE_FLAG_BACKUP_SEMANTICS, NULL);
    ok(root != INVALID_HANDLE_VALUE, "open folder: %lu\n", GetLastError());

    /* a file created relative to the folder is in the folder */
    status = open_under(root, L"a.txt", GENERIC_WRITE, FILE_CREATE, FILE_NON_DIRECTORY_FILE, &h);
    ok(status == STATUS_SUCCESS, "create a.txt: %08lx\n", status);
    WriteFile(h, "hi", 2, &written, NULL);
    CloseHandle(h);
    swprintf(path, MAX_PATH, L"%s\\a.txt", dir);
    h = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    ok(h != INVALID_HANDLE_VALUE, "a.txt is not in the folder: %lu\n", GetLastError());
    ReadFile(h, buf, sizeof(buf), &written, NULL);
    ok(written == 2 && !memcmp(buf, "hi", 2), "contents %.*s\n", (int)written, buf);
    CloseHandle(h);

    /* a subfolder, and a nested name through it; case-insensitive */
    status = open_under(root, L"sub", GENERIC_READ, FILE_CREATE, FILE_DIRECTORY_FILE, &sub);
    ok(status == STATUS_SUCCESS, "create sub: %08lx\n", status);
    status = open_under(sub, L"b.txt", GENERIC_WRITE, FILE_CREATE, FILE_NON_DIRECTORY_FILE, &h);
    ok(status == STATUS_SUCCESS, "create sub\\b.txt: %08lx\n", status);
    CloseHandle(h);
    status = open_under(root, L"SUB\\B.TXT", GENERIC_READ, FILE_OPEN, 0, &h);
    ok(status == STATUS_SUCCESS, "open SUB\\B.TXT under the root: %08lx\n", status);
    CloseHandle(h);
    status = open_under(root, L"missing.txt", GENERIC_READ, FILE_OPEN, 0, &h);
    ok(status == STATUS_OBJECT_NAME_NOT_FOUND, "missing: %08lx\n", status);

    /* deleting through relative handles, as remove_dir_all does */
    status = open_under(sub, L"b.txt", DELETE, FILE_OPEN, FILE_OPEN_REPARSE_POINT, &h);
    ok(status == STATUS_SUCCESS, "open b.txt for delete: %08lx\n", status);
    ok(SetFileInformationByHandle(h, FileDispositionInfo, &del, sizeof(del)), "delete b.txt: %lu\n", GetLastError());
    CloseHandle(h);
    CloseHandle(sub);
    status = open_under(root, L"sub", DELETE, FILE_OPEN, FILE_DIRECTORY_FILE | FILE_OPEN_REPARSE_POINT, &h);
    ok(status == STATUS_SUCCESS, "open sub for delete: %08lx\n", status);
    ok(SetFileInformationByHandle(h, FileDispositionInfo, &del, sizeof(del)), "delete sub: %lu\n", GetLastError());
    CloseHandle(h);
    swprintf(path, MAX_PATH, L"%s\\sub", dir);
    ok(GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES, "sub still there\n");

    CloseHandle(root);
    swprintf(path, MAX_PATH, L"%s\\a.txt", dir);
    DeleteFileW(path);
    ok(RemoveDirectoryW(dir), "folder left non-empty: %lu\n", GetLastError());
    return test_summary();
}
