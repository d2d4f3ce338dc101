/*
 * tests/kernel32/listattr.c — the attributes a folder listing reports for
 * each entry are the file's own: hidden and system set by
 * SetFileAttributes show in FindFirstFile/FindNextFile and in
 * GetFileInformationByHandleEx's directory classes (what the Go runtime
 * lists folders with), the same as GetFileAttributes says; a plain file
 * has neither, a folder has FILE_ATTRIBUTE_DIRECTORY.
 */
#include "../test.h"

static WCHAR dir[MAX_PATH];

static const struct { const WCHAR *name; DWORD set; } entries[] = {
    { L"plain.txt", 0 },
    { L"hidden.txt", FILE_ATTRIBUTE_HIDDEN },
    { L"system.txt", FILE_ATTRIBUTE_SYSTEM | FILE_ATTRIBUTE_HIDDEN },
    { L"sub", FILE_ATTRIBUTE_HIDDEN },          /* a folder */
};

#define CHECKED (FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM | FILE_ATTRIBUTE_DIRECTORY)

static int entry_index(const WCHAR *name)
{
    for (int i = 0; i < (int)ARRAYSIZE(entries); i++) if (!wcscmp(entries[i].name, name)) return i;
    return -1;
}

static DWORD expected(int i)
{
    return entries[i].set | (!wcscmp(entries[i].name, L"sub") ? FILE_ATTRIBUTE_DIRECTORY : 0);
}

static void make_entries(void)
{
    WCHAR tmp[MAX_PATH], path[MAX_PATH];
    GetTempPathW(MAX_PATH, tmp);
    _snwprintf(dir, MAX_PATH, L"%lswlx_listattr_%lu", tmp, GetCurrentProcessId());
    ok(CreateDirectoryW(dir, NULL), "CreateDirectoryW failed, error %lu\n", GetLastError());
    for (int i = 0; i < (int)ARRAYSIZE(entries); i++)
    {
        _snwprintf(path, MAX_PATH, L"%ls\\%ls", dir, entries[i].name);
        if (expected(i) & FILE_ATTRIBUTE_DIRECTORY) ok(CreateDirectoryW(path, NULL), "CreateDirectoryW failed\n");
        else
        {
            HANDLE h = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
            ok(h != INVALID_HANDLE_VALUE, "CreateFileW failed, error %lu\n", GetLastError());
            CloseHandle(h);
        }
        if (entries[i].set) ok(SetFileAttributesW(path, entries[i].set), "SetFileAttributesW failed\n");
        ok((GetFileAttributesW(path) & CHECKED) == expected(i), "%ls: GetFileAttributesW %#lx\n",
           entries[i].name, GetFileAttributesW(path));
    }
}

static void remove_entries(void)
{
    WCHAR path[MAX_PATH];
    for (int i = 0; i < (int)ARRAYSIZE(entries); i++)
    {
        _snwprintf(path, MAX_PATH, L"%ls\\%ls", dir, entries[i].name);
        SetFileAttributesW(path, FILE_ATTRIBUTE_NORMAL);
        if (expected(i) & FILE_ATTRIBUTE_DIRECTORY) RemoveDirectoryW(path);
        else DeleteFileW(path);
    }
    ok(RemoveDirectoryW(dir), "RemoveDirectoryW failed, error %lu\n", GetLastError());
}

static void test_find_files(void)
{
    WCHAR mask[MAX_PATH];
    WIN32_FIND_DATAW fd;
    int seen = 0;
    _snwprintf(mask, MAX_PATH, L"%ls\\*", dir);
    HANDLE h = FindFirstFileW(mask, &fd);
    ok(h != INVALID_HANDLE_VALUE, "FindFirstFileW failed, error %lu\n", GetLastError());
    if (h == INVALID_HANDLE_VALUE) return;
    do
    {
        int i = entry_index(fd.cFileName);
        if (i < 0) continue;
        seen++;
        ok((fd.dwFileAttributes & CHECKED) == expected(i), "FindNextFileW: %ls has %#lx\n", fd.cFileName,
           fd.dwFileAttributes);
    } while (FindNextFileW(h, &fd));
    FindClose(h);
    ok(seen == ARRAYSIZE(entries), "FindNextFileW listed %d entries of %d\n", seen, (int)ARRAYSIZE(entries));
}

/* FileFullDirectoryInfo and FileIdBothDirectoryInfo, restarted each time */
static void test_handle_classes(void)
{
    static const FILE_INFO_BY_HANDLE_CLASS classes[] = { FileFullDirectoryRestartInfo, FileIdBothDirectoryRestartInfo };
    HANDLE h = CreateFileW(dir, FILE_LIST_DIRECTORY, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    ok(h != INVALID_HANDLE_VALUE, "CreateFileW on the folder failed, error %lu\n", GetLastError());
    if (h == INVALID_HANDLE_VALUE) return;
    for (int c = 0; c < (int)ARRAYSIZE(classes); c++)
    {
        static BYTE buf[8192] __attribute__((aligned(8)));
        int seen = 0;
        BOOL ret = GetFileInformationByHandleEx(h, classes[c], buf, sizeof(buf));
        ok(ret, "class %d: GetFileInformationByHandleEx failed, error %lu\n", classes[c], GetLastError());
        for (BYTE *p = buf; ret; )
        {
            DWORD next, attr, len;
            const WCHAR *name;
            if (classes[c] == FileFullDirectoryRestartInfo)
            {
                FILE_FULL_DIR_INFO *e = (FILE_FULL_DIR_INFO *)p;
                next = e->NextEntryOffset, attr = e->FileAttributes, len = e->FileNameLength, name = e->FileName;
            }
            else
            {
                FILE_ID_BOTH_DIR_INFO *e = (FILE_ID_BOTH_DIR_INFO *)p;
                next = e->NextEntryOffset, attr = e->FileAttributes, len = e->FileNameLength, name = e->FileName;
            }
            WCHAR n[MAX_PATH];
            _snwprintf(n, MAX_PATH, L"%.*ls", (int)(len / sizeof(WCHAR)), name);
            int i = entry_index(n);
            if (i >= 0)
            {
                seen++;
                ok((attr & CHECKED) == expected(i), "class %d: %ls has %#lx\n", classes[c], n, attr);
            }
            if (!next) break;
            p += next;
        }
        ok(seen == ARRAYSIZE(entries), "class %d listed %d entries of %d\n", classes[c], seen,
           (int)ARRAYSIZE(entries));
    }
    CloseHandle(h);
}

int main(void)
{
    test_start("kernel32:listattr");
    make_entries();
    test_find_files();
    test_handle_classes();
    remove_entries();
    return test_summary();
}
