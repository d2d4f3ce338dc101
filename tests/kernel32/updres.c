/*
 * tests/kernel32/updres.c — BeginUpdateResource / UpdateResource /
 * EndUpdateResource on a copy of this program (its resources come from
 * updres.rc): resources added by string and by ID, one replaced, one
 * deleted, the others kept; the copy still runs; a begin that drops all
 * resources; a discarded update leaves the file as it was; bad files.
 */
#include <windows.h>
#include <stdio.h>
#include "test.h"

static WCHAR copy_path[MAX_PATH];

static BOOL read_all(const WCHAR *path, BYTE **data, DWORD *size)
{
    HANDLE h = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) return FALSE;
    *size = GetFileSize(h, NULL);
    *data = HeapAlloc(GetProcessHeap(), 0, *size);
    DWORD got = 0;
    BOOL done = ReadFile(h, *data, *size, &got, NULL) && got == *size;
    CloseHandle(h);
    return done;
}

/* the resource's bytes in the module, or NULL */
static const BYTE *resource(HMODULE m, LPCWSTR type, LPCWSTR name, WORD lang, DWORD *size)
{
    HRSRC r = FindResourceExW(m, type, name, lang);
    if (!r) return NULL;
    *size = SizeofResource(m, r);
    return LockResource(LoadResource(m, r));
}

static void test_update(void)
{
    static const char added[] = "added by string";
    BYTE big[10000];
    DWORD size = 0;
    for (int i = 0; i < (int)sizeof(big); i++) big[i] = (BYTE)(i * 7);

    HANDLE h = BeginUpdateResourceW(copy_path, FALSE);
    ok(h != NULL, "BeginUpdateResource failed, error %lu\n", GetLastError());
    if (!h) return;
    ok(UpdateResourceW(h, (LPCWSTR)RT_RCDATA, L"ADDED", MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US), (void *)added,
                       sizeof(added)), "add: error %lu\n", GetLastError());
    ok(UpdateResourceW(h, (LPCWSTR)RT_RCDATA, L"KEEP", 0, (void *)"replaced", 8), "replace: error %lu\n",
       GetLastError());
    ok(UpdateResourceW(h, (LPCWSTR)RT_RCDATA, L"GONE", 0, NULL, 0), "delete: error %lu\n", GetLastError());
    ok(UpdateResourceW(h, L"MYTYPE", MAKEINTRESOURCEW(7), MAKELANGID(LANG_GERMAN, SUBLANG_GERMAN), big, sizeof(big)),
       "add by ID: error %lu\n", GetLastError());
    ok(UpdateResourceA(h, "MYTYPE", "ANSI", 0, (void *)"ansi", 4), "add through the A form: error %lu\n",
       GetLastError());
    ok(EndUpdateResourceW(h, FALSE), "EndUpdateResource failed, error %lu\n", GetLastError());

    HMODULE m = LoadLibraryExW(copy_path, NULL, LOAD_LIBRARY_AS_DATAFILE);
    ok(m != NULL, "the copy does not load, error %lu\n", GetLastError());
    if (!m) return;
    const BYTE *p = resource(m, (LPCWSTR)RT_RCDATA, L"ADDED", MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US), &size);
    ok(p && size == sizeof(added) && !memcmp(p, added, size), "the added resource: %p, %lu bytes\n", p, size);
    p = resource(m, (LPCWSTR)RT_RCDATA, L"KEEP", 0, &size);
    ok(p && size == 8 && !memcmp(p, "replaced", 8), "the replaced resource: %p, %lu bytes\n", p, size);
    /* "If lpData is NULL and cbData is 0, the specified resource is deleted":
       Wine 8 keeps it */
    todo_wine(!FindResourceExW(m, (LPCWSTR)RT_RCDATA, L"GONE", 0), "the deleted resource is there\n");
    p = resource(m, L"MYTYPE", MAKEINTRESOURCEW(7), MAKELANGID(LANG_GERMAN, SUBLANG_GERMAN), &size);
    ok(p && size == sizeof(big) && !memcmp(p, big, size), "the resource by ID: %p, %lu bytes\n", p, size);
    p = resource(m, L"MYTYPE", L"ANSI", 0, &size);
    ok(p && size == 4 && !memcmp(p, "ansi", 4), "the A form's resource: %p, %lu bytes\n", p, size);
    p = resource(m, (LPCWSTR)RT_STRING, MAKEINTRESOURCEW(1), 0, &size);
    ok(p && size >= 2 && *(const WORD *)p == 0, "the string table is gone\n");   /* string 0 of block 1: none */
    FreeLibrary(m);

    /* the copy is still a program that runs */
    WCHAR cmd[MAX_PATH + 16];
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD code = 0;
    swprintf(cmd, ARRAYSIZE(cmd), L"\"%ls\" child", copy_path);
    ok(CreateProcessW(copy_path, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi), "the copy does not start: %lu\n",
       GetLastError());
    if (pi.hProcess)
    {
        WaitForSingleObject(pi.hProcess, 30000);
        GetExitCodeProcess(pi.hProcess, &code);
        ok(code == 42, "the copy exited with %lu\n", code);
        CloseHandle(pi.hProcess);
        CloseHandle(pi.hThread);
    }
}

static void test_delete_all_and_discard(void)
{
    BYTE *before, *after;
    DWORD before_size, after_size, size;

    HANDLE h = BeginUpdateResourceW(copy_path, TRUE);
    ok(h != NULL, "BeginUpdateResource failed, error %lu\n", GetLastError());
    if (!h) return;
    ok(UpdateResourceW(h, (LPCWSTR)RT_RCDATA, L"ONLY", 0, (void *)"one", 3), "add: error %lu\n", GetLastError());
    ok(EndUpdateResourceW(h, FALSE), "EndUpdateResource failed, error %lu\n", GetLastError());
    HMODULE m = LoadLibraryExW(copy_path, NULL, LOAD_LIBRARY_AS_DATAFILE);
    ok(m != NULL, "the copy does not load, error %lu\n", GetLastError());
    if (m)
    {
        const BYTE *p = resource(m, (LPCWSTR)RT_RCDATA, L"ONLY", 0, &size);
        ok(p && size == 3 && !memcmp(p, "one", 3), "the one resource: %p\n", p);
        ok(!FindResourceExW(m, (LPCWSTR)RT_RCDATA, L"KEEP", 0), "an old resource is left\n");
        ok(!FindResourceExW(m, (LPCWSTR)RT_RCDATA, L"ADDED", MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US)),
           "an earlier update's resource is left\n");
        FreeLibrary(m);
    }

    /* a discarded update writes nothing */
    ok(read_all(copy_path, &before, &before_size), "cannot read the copy\n");
    h = BeginUpdateResourceW(copy_path, TRUE);
    ok(h != NULL, "BeginUpdateResource failed, error %lu\n", GetLastError());
    if (h)
    {
        UpdateResourceW(h, (LPCWSTR)RT_RCDATA, L"NEVER", 0, (void *)"x", 1);
        ok(EndUpdateResourceW(h, TRUE), "a discarding EndUpdateResource failed, error %lu\n", GetLastError());
    }
    ok(read_all(copy_path, &after, &after_size), "cannot read the copy\n");
    ok(before_size == after_size && !memcmp(before, after, before_size), "the file changed\n");
}

static void test_bad_files(void)
{
    WCHAR path[MAX_PATH];
    lstrcpyW(path, copy_path);
    lstrcatW(path, L".txt");
    HANDLE f = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD n;
    WriteFile(f, "not a program at all, just some text", 36, &n, NULL);
    CloseHandle(f);
    ok(!BeginUpdateResourceW(path, FALSE), "a text file was taken\n");
    DeleteFileW(path);
    SetLastError(0xdeadbeef);
    ok(!BeginUpdateResourceW(path, FALSE), "a missing file was taken\n");
    /* CreateFile's error: Wine 8 sets none */
    todo_wine(GetLastError() == ERROR_FILE_NOT_FOUND, "a missing file: error %lu\n", GetLastError());
}

int main(int argc, char **argv)
{
    WCHAR self[MAX_PATH], dir[MAX_PATH];
    if (argc > 1 && !strcmp(argv[1], "child")) return 42;
    GetModuleFileNameW(NULL, self, MAX_PATH);
    GetTempPathW(MAX_PATH, dir);
    swprintf(copy_path, MAX_PATH, L"%lsupdres_copy_%lu.exe", dir, GetCurrentProcessId());
    ok(CopyFileW(self, copy_path, FALSE), "cannot copy myself, error %lu\n", GetLastError());
    test_update();
    test_delete_all_and_discard();
    test_bad_files();
    DeleteFileW(copy_path);
    return test_summary();
}
