/*
 * tests/kernel32/casefold.c — names ignore case in a folder that is being
 * filled, as 7-Zip fills one when it extracts: FindFirstFile of a name not
 * there yet, CreateFile, then the next name. Enough files that wlx keeps the
 * folder's names in memory (ntdll/unix/dircache.c), then changes made by
 * this process (delete, rename, create) and by another one must show at
 * once, in any case.
 */
#include "test.h"
#include "selfchild.h"

#define NFILES 600

static WCHAR dir[MAX_PATH];

static void path_of(WCHAR *out, const WCHAR *name)
{
    _snwprintf(out, MAX_PATH, L"%ls\\%ls", dir, name);
}

/* FindFirstFile of name: TRUE when found, its name on disk in found */
static BOOL find_one(const WCHAR *name, WCHAR *found)
{
    WIN32_FIND_DATAW fd;
    WCHAR path[MAX_PATH];
    path_of(path, name);
    HANDLE h = FindFirstFileW(path, &fd);
    if (h == INVALID_HANDLE_VALUE) return FALSE;
    lstrcpyW(found, fd.cFileName);
    /* one name, one entry */
    SetLastError(0xdeadbeef);
    ok(!FindNextFileW(h, &fd) && GetLastError() == ERROR_NO_MORE_FILES, "%ls: a second entry (%lu)\n",
       name, GetLastError());
    FindClose(h);
    return TRUE;
}

static BOOL create_file(const WCHAR *name, DWORD disposition)
{
    WCHAR path[MAX_PATH];
    path_of(path, name);
    HANDLE h = CreateFileW(path, GENERIC_WRITE, 0, NULL, disposition, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE) return FALSE;
    CloseHandle(h);
    return TRUE;
}

/* what 7-Zip does for each file: look for it (in another case here), create it */
static void test_fill(void)
{
    WCHAR name[64], other[64], found[MAX_PATH];
    int early = 0, created = 0, late = 0, wrong_case = 0;
    for (int i = 0; i < NFILES; i++)
    {
        _snwprintf(name, 64, L"File%04d.txt", i);
        _snwprintf(other, 64, L"fILE%04d.TXT", i);
        if (find_one(other, found)) early++;
        if (create_file(name, CREATE_NEW)) created++;
        if (!find_one(other, found)) late++;
        else if (lstrcmpW(found, name)) wrong_case++;
    }
    ok(!early, "%d names found before they were created\n", early);
    ok(created == NFILES, "%d of %d created\n", created, NFILES);
    ok(!late, "%d names not found after they were created\n", late);
    ok(!wrong_case, "%d names found in the wrong case\n", wrong_case);
}

static void test_own_changes(void)
{
    WCHAR path[MAX_PATH], path2[MAX_PATH], found[MAX_PATH];

    SetLastError(0xdeadbeef);
    ok(!create_file(L"FILE0005.TXT", CREATE_NEW) && GetLastError() == ERROR_FILE_EXISTS,
       "CREATE_NEW over another case: %lu\n", GetLastError());

    path_of(path, L"file0007.TXT");
    ok(DeleteFileW(path), "DeleteFile: %lu\n", GetLastError());
    ok(!find_one(L"FILE0007.txt", found), "deleted file still found\n");
    SetLastError(0xdeadbeef);
    ok(GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES && GetLastError() == ERROR_FILE_NOT_FOUND,
       "deleted file's attributes: %lu\n", GetLastError());

    path_of(path, L"FILE0008.TXT");
    path_of(path2, L"Moved.txt");
    ok(MoveFileW(path, path2), "MoveFile: %lu\n", GetLastError());
    ok(!find_one(L"file0008.txt", found), "renamed file found under its old name\n");
    ok(find_one(L"MOVED.TXT", found) && !lstrcmpW(found, L"Moved.txt"), "renamed file: %ls\n", found);

    /* a name created again after its delete */
    ok(create_file(L"File0007.TXT", CREATE_NEW), "create after delete: %lu\n", GetLastError());
    ok(find_one(L"file0007.txt", found) && !lstrcmpW(found, L"File0007.TXT"), "re-created: %ls\n", found);

    path_of(path, L"SubFolder");
    ok(CreateDirectoryW(path, NULL), "CreateDirectory: %lu\n", GetLastError());
    path_of(path, L"SUBFOLDER");
    SetLastError(0xdeadbeef);
    ok(!CreateDirectoryW(path, NULL) && GetLastError() == ERROR_ALREADY_EXISTS, "again: %lu\n", GetLastError());
    ok(find_one(L"subfolder", found) && !lstrcmpW(found, L"SubFolder"), "folder: %ls\n", found);
}

/* another process changes the folder: this one sees it at once */
static void test_other_process(void)
{
    PROCESS_INFORMATION pi;
    WCHAR args[MAX_PATH + 32], path[MAX_PATH], found[MAX_PATH];

    ok(!find_one(L"fromchild.txt", found), "child's file found before it is made\n");
    _snwprintf(args, ARRAYSIZE(args), L"create \"%ls\"", dir);
    ok(start_self(args, FALSE, 0, NULL, &pi), "CreateProcess: %lu\n", GetLastError());
    ok(finish(&pi) == 0, "child create failed\n");

    path_of(path, L"FROMCHILD.TXT");
    ok(GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES, "child's file: %lu\n", GetLastError());
    ok(find_one(L"fromCHILD.txt", found) && !lstrcmpW(found, L"FromChild.txt"), "child's file: %ls\n", found);
    SetLastError(0xdeadbeef);
    ok(!create_file(L"fromchild.txt", CREATE_NEW) && GetLastError() == ERROR_FILE_EXISTS,
       "CREATE_NEW over the child's file: %lu\n", GetLastError());

    _snwprintf(args, ARRAYSIZE(args), L"delete \"%ls\"", dir);
    ok(start_self(args, FALSE, 0, NULL, &pi), "CreateProcess: %lu\n", GetLastError());
    ok(finish(&pi) == 0, "child delete failed\n");
    ok(!find_one(L"FromChild.txt", found), "file deleted by the child still found\n");
    ok(!find_one(L"file0010.txt", found), "file deleted by the child still found\n");
    ok(create_file(L"fromchild.TXT", CREATE_NEW), "create after the child's delete: %lu\n", GetLastError());
}

static int child_main(char **argv)
{
    WCHAR path[MAX_PATH];
    MultiByteToWideChar(CP_ACP, 0, argv[2], -1, dir, MAX_PATH);
    if (!strcmp(argv[1], "create")) return create_file(L"FromChild.txt", CREATE_NEW) ? 0 : 1;
    path_of(path, L"FromChild.txt");
    if (!DeleteFileW(path)) return 2;
    path_of(path, L"File0010.txt");
    return DeleteFileW(path) ? 0 : 3;
}

static void cleanup(void)
{
    WCHAR mask[MAX_PATH], path[MAX_PATH];
    WIN32_FIND_DATAW fd;
    path_of(mask, L"*");
    HANDLE h = FindFirstFileW(mask, &fd);
    if (h != INVALID_HANDLE_VALUE)
    {
        do
        {
            if (!lstrcmpW(fd.cFileName, L".") || !lstrcmpW(fd.cFileName, L"..")) continue;
            path_of(path, fd.cFileName);
            if (fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) RemoveDirectoryW(path);
            else DeleteFileW(path);
        } while (FindNextFileW(h, &fd));
        FindClose(h);
    }
    ok(RemoveDirectoryW(dir), "RemoveDirectory: %lu\n", GetLastError());
}

int main(int argc, char **argv)
{
    WCHAR tmp[MAX_PATH];
    if (argc > 2) return child_main(argv);
    GetModuleFileNameW(NULL, module, MAX_PATH);
    GetTempPathW(MAX_PATH, tmp);
    _snwprintf(dir, MAX_PATH, L"%lswlx-casefold-%lu", tmp, GetCurrentProcessId());
    if (!CreateDirectoryW(dir, NULL)) { ok(0, "cannot create %ls: %lu\n", dir, GetLastError()); return test_summary(); }
    test_fill();
    test_own_changes();
    test_other_process();
    cleanup();
    return test_summary();
}
