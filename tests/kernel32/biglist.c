/*
 * tests/kernel32/biglist.c — listing a folder of 600 files through buffers
 * that hold a few entries at a time: GetFileInformationByHandleEx's
 * FileIdBothDirectoryInfo with a 1 KiB buffer (Go's way) and
 * FindFirstFile/FindNextFile. Every name comes exactly once, "." and ".."
 * included, and FileIdBothDirectoryRestartInfo starts the listing again.
 */
#include "../test.h"

#define COUNT 600

static WCHAR dir[MAX_PATH];
static unsigned char seen[COUNT + 2];

static void make_files(void)
{
    WCHAR tmp[MAX_PATH], path[MAX_PATH];
    GetTempPathW(MAX_PATH, tmp);
    _snwprintf(dir, MAX_PATH, L"%lswlx_biglist_%lu", tmp, GetCurrentProcessId());
    ok(CreateDirectoryW(dir, NULL), "CreateDirectoryW failed, error %lu\n", GetLastError());
    for (int i = 0; i < COUNT; i++)
    {
        _snwprintf(path, MAX_PATH, L"%ls\\a file with a long name to fill buffers %04d.txt", dir, i);
        HANDLE h = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
        ok(h != INVALID_HANDLE_VALUE, "CreateFileW %d failed, error %lu\n", i, GetLastError());
        CloseHandle(h);
    }
}

static void remove_files(void)
{
    WCHAR path[MAX_PATH];
    for (int i = 0; i < COUNT; i++)
    {
        _snwprintf(path, MAX_PATH, L"%ls\\a file with a long name to fill buffers %04d.txt", dir, i);
        DeleteFileW(path);
    }
    ok(RemoveDirectoryW(dir), "RemoveDirectoryW failed, error %lu\n", GetLastError());
}

/* marks a listed name; the count of names seen twice or not ours */
static int mark(const WCHAR *name, size_t len)
{
    WCHAR buf[MAX_PATH];
    int i;
    memcpy(buf, name, len * sizeof(WCHAR));
    buf[len] = 0;
    if (!wcscmp(buf, L".")) i = COUNT;
    else if (!wcscmp(buf, L"..")) i = COUNT + 1;
    else if (swscanf(buf, L"a file with a long name to fill buffers %d.txt", &i) != 1 || i < 0 || i >= COUNT) return 1;
    return seen[i]++ ? 1 : 0;
}

static int missing(void)
{
    int n = 0;
    for (int i = 0; i < COUNT + 2; i++) n += !seen[i];
    return n;
}

static void test_handle_listing(void)
{
    HANDLE h = CreateFileW(dir, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    __declspec(align(8)) unsigned char buf[1024];
    int calls, bad, pass;

    ok(h != INVALID_HANDLE_VALUE, "opening the folder failed, error %lu\n", GetLastError());
    for (pass = 0; pass < 2; pass++)
    {
        FILE_INFO_BY_HANDLE_CLASS cls = pass ? FileIdBothDirectoryRestartInfo : FileIdBothDirectoryInfo;
        memset(seen, 0, sizeof(seen));
        calls = bad = 0;
        while (GetFileInformationByHandleEx(h, cls, buf, sizeof(buf)))
        {
            FILE_ID_BOTH_DIR_INFO *e = (FILE_ID_BOTH_DIR_INFO *)buf;
            calls++;
            cls = FileIdBothDirectoryInfo;
            for (;;)
            {
                bad += mark(e->FileName, e->FileNameLength / sizeof(WCHAR));
                if (!e->NextEntryOffset) break;
                e = (FILE_ID_BOTH_DIR_INFO *)((unsigned char *)e + e->NextEntryOffset);
            }
        }
        ok(GetLastError() == ERROR_NO_MORE_FILES, "pass %d: the listing ended with error %lu\n", pass, GetLastError());
        ok(!bad, "pass %d: %d names twice or unknown\n", pass, bad);
        ok(!missing(), "pass %d: %d names missing\n", pass, missing());
        ok(calls > COUNT / 20, "pass %d: %d calls for %d names: the buffer held too many\n", pass, calls, COUNT);
    }
    CloseHandle(h);
}

static void test_find_listing(void)
{
    WIN32_FIND_DATAW fd;
    WCHAR mask[MAX_PATH];
    int bad = 0;
    HANDLE h;

    memset(seen, 0, sizeof(seen));
    _snwprintf(mask, MAX_PATH, L"%ls\\*", dir);
    h = FindFirstFileW(mask, &fd);
    ok(h != INVALID_HANDLE_VALUE, "FindFirstFileW failed, error %lu\n", GetLastError());
    if (h == INVALID_HANDLE_VALUE) return;
    do bad += mark(fd.cFileName, wcslen(fd.cFileName));
    while (FindNextFileW(h, &fd));
    ok(GetLastError() == ERROR_NO_MORE_FILES, "FindNextFileW ended with error %lu\n", GetLastError());
    FindClose(h);
    ok(!bad, "%d names twice or unknown\n", bad);
    ok(!missing(), "%d names missing\n", missing());
}

int main(void)
{
    test_start("kernel32/biglist");
    make_files();
    test_handle_listing();
    test_find_listing();
    remove_files();
    return test_summary();
}
