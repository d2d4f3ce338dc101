/*
 * tests/kernel32/fileallocation.c — SetFileInformationByHandle with
 * FileAllocationInfo: an allocation below the end of file truncates the
 * file there and leaves the file pointer alone; a larger one keeps the
 * size. Rust's File::create opens with OPEN_ALWAYS and truncates so, then
 * writes at the file pointer (dprint's `fmt` rewrote files after 38 zero
 * bytes when the pointer moved).
 */
#include "test.h"

static const char old_text[] = "{\"a\":1,   \"b\":[1,2,3],\n\"c\":{\"d\":\"e\"}}\n";
static const char new_text[] = "{ \"a\": 1 }\n";

static HANDLE open_always(const char *path)
{
    return CreateFileA(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
}

static BOOL set_allocation(HANDLE h, LONGLONG size)
{
    FILE_ALLOCATION_INFO info;
    info.AllocationSize.QuadPart = size;
    return SetFileInformationByHandle(h, FileAllocationInfo, &info, sizeof(info));
}

/* the whole file is text */
static BOOL file_is(HANDLE h, const char *text)
{
    char buf[128] = { 0 };
    DWORD done = 0, pos = SetFilePointer(h, 0, NULL, FILE_CURRENT);
    BOOL same;
    SetFilePointer(h, 0, NULL, FILE_BEGIN);
    same = ReadFile(h, buf, sizeof(buf) - 1, &done, NULL) && done == strlen(text) && !strcmp(buf, text);
    SetFilePointer(h, pos, NULL, FILE_BEGIN);
    return same;
}

/* Wine 8.0 implements FileAllocationInformation neither in kernelbase's
   SetFileInformationByHandle (ERROR_CALL_NOT_IMPLEMENTED) nor in ntdll:
   the file keeps its old bytes after the new ones there */
static void test_truncate_then_write(const char *path)
{
    DWORD done = 0;
    HANDLE h = open_always(path);

    ok(h != INVALID_HANDLE_VALUE, "create failed %lu\n", GetLastError());
    ok(WriteFile(h, old_text, sizeof(old_text) - 1, &done, NULL) && done == sizeof(old_text) - 1, "write failed\n");
    CloseHandle(h);

    SetLastError(0xdeadbeef);
    h = open_always(path);
    ok(h != INVALID_HANDLE_VALUE && GetLastError() == ERROR_ALREADY_EXISTS, "reopen: error %lu\n", GetLastError());
    todo_wine(set_allocation(h, 0), "FileAllocationInfo 0 failed %lu\n", GetLastError());
    ok(SetFilePointer(h, 0, NULL, FILE_CURRENT) == 0, "file pointer moved to %lu\n", SetFilePointer(h, 0, NULL, FILE_CURRENT));
    ok(WriteFile(h, new_text, sizeof(new_text) - 1, &done, NULL), "write failed %lu\n", GetLastError());
    todo_wine(file_is(h, new_text), "the file is not the new text alone\n");
    /* more than the file: the size stays */
    todo_wine(set_allocation(h, 0x10000) && file_is(h, new_text), "allocation 64K changed the file\n");
    CloseHandle(h);
}

int main(void)
{
    char dir[MAX_PATH], path[MAX_PATH];
    test_start("fileallocation");
    GetTempPathA(sizeof(dir), dir);
    snprintf(path, sizeof(path), "%swlx-fileallocation-%lu.json", dir, GetCurrentProcessId());
    test_truncate_then_write(path);
    DeleteFileA(path);
    return test_summary();
}
