/*
 * tests/shell32/fileop.c — SHFileOperationW without a user interface
 * (FOF_SILENT | FOF_NOCONFIRMATION | FOF_NOERRORUI | FOF_NOCONFIRMMKDIR):
 * a folder copied to a new name with its contents, several files copied
 * into a folder that is made for them, a wildcard, FOF_MULTIDESTFILES,
 * move, rename, delete of folders, and a missing source failing.
 * Also SHGetDesktopFolder, which wlx does not have (no shell folders).
 */
#include "test.h"
#include <shlobj.h>
#include <shellapi.h>

#define QUIET (FOF_SILENT | FOF_NOCONFIRMATION | FOF_NOERRORUI | FOF_NOCONFIRMMKDIR)

static WCHAR base[MAX_PATH];

/* base\a followed by a second NUL (a one-item list), in buf */
static WCHAR *item(WCHAR *buf, const WCHAR *a)
{
    int n = swprintf(buf, MAX_PATH, L"%ls\\%ls", base, a);
    buf[n + 1] = 0;
    return buf;
}

/* base\a\0base\b\0\0 in buf */
static WCHAR *items2(WCHAR *buf, const WCHAR *a, const WCHAR *b)
{
    int n = swprintf(buf, MAX_PATH, L"%ls\\%ls", base, a) + 1;
    n += swprintf(buf + n, MAX_PATH, L"%ls\\%ls", base, b) + 1;
    buf[n] = 0;
    return buf;
}

static BOOL exists(const WCHAR *rel)
{
    WCHAR path[MAX_PATH];
    swprintf(path, MAX_PATH, L"%ls\\%ls", base, rel);
    return GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES;
}

static void make_file(const WCHAR *rel)
{
    WCHAR path[MAX_PATH];
    HANDLE h;
    swprintf(path, MAX_PATH, L"%ls\\%ls", base, rel);
    h = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    WriteFile(h, "data", 4, NULL, NULL);
    CloseHandle(h);
}

static int run(UINT func, const WCHAR *from, const WCHAR *to, FILEOP_FLAGS extra, BOOL *aborted)
{
    SHFILEOPSTRUCTW op = { NULL, func, from, to, QUIET | extra, TRUE, NULL, NULL };
    int ret = SHFileOperationW(&op);
    if (aborted) *aborted = op.fAnyOperationsAborted;
    return ret;
}

static void test_fileop(void)
{
    WCHAR from[MAX_PATH], to[MAX_PATH];
    BOOL aborted;
    int ret;

    make_file(L"src\\a.txt");
    make_file(L"src\\b.txt");
    make_file(L"src\\sub\\c.txt");

    ret = run(FO_COPY, item(from, L"src"), item(to, L"dst"), 0, &aborted);
    ok(ret == 0 && !aborted, "copy folder: %d %d\n", ret, aborted);
    ok(exists(L"dst\\a.txt") && exists(L"dst\\sub\\c.txt") && exists(L"src\\a.txt"), "folder not copied\n");

    ret = run(FO_COPY, items2(from, L"src\\a.txt", L"src\\b.txt"), item(to, L"multi"), 0, NULL);
    ok(ret == 0 && exists(L"multi\\a.txt") && exists(L"multi\\b.txt"), "copy two files: %d\n", ret);

    CreateDirectoryW(item(to, L"wild"), NULL);
    ret = run(FO_COPY, item(from, L"src\\*.txt"), item(to, L"wild"), 0, NULL);
    ok(ret == 0 && exists(L"wild\\a.txt") && exists(L"wild\\b.txt") && !exists(L"wild\\sub"), "wildcard: %d\n", ret);

    ret = run(FO_COPY, items2(from, L"src\\a.txt", L"src\\b.txt"), items2(to, L"one.txt", L"two.txt"),
              FOF_MULTIDESTFILES, NULL);
    ok(ret == 0 && exists(L"one.txt") && exists(L"two.txt"), "FOF_MULTIDESTFILES: %d\n", ret);

    ret = run(FO_MOVE, item(from, L"one.txt"), item(to, L"moved.txt"), 0, NULL);
    ok(ret == 0 && !exists(L"one.txt") && exists(L"moved.txt"), "move: %d\n", ret);

    ret = run(FO_MOVE, item(from, L"multi"), item(to, L"dst"), 0, NULL);
    ok(ret == 0 && !exists(L"multi") && exists(L"dst\\multi\\b.txt"), "move a folder into one: %d\n", ret);

    ret = run(FO_RENAME, item(from, L"moved.txt"), item(to, L"renamed.txt"), 0, NULL);
    ok(ret == 0 && !exists(L"moved.txt") && exists(L"renamed.txt"), "rename: %d\n", ret);

    SetFileAttributesW(item(to, L"two.txt"), FILE_ATTRIBUTE_READONLY);
    ret = run(FO_DELETE, items2(from, L"dst", L"two.txt"), NULL, FOF_ALLOWUNDO, &aborted);
    ok(ret == 0 && !aborted && !exists(L"dst") && !exists(L"two.txt"), "delete: %d %d\n", ret, aborted);

    ret = run(FO_DELETE, item(from, L"no such file"), NULL, 0, NULL);
    ok(ret != 0, "deleting a missing file succeeded\n");
    ret = run(FO_COPY, item(from, L"no such file"), item(to, L"x"), 0, NULL);
    ok(ret != 0 && !exists(L"x"), "copying a missing file: %d\n", ret);
}

int main(void)
{
    WCHAR list[MAX_PATH];
    IShellFolder *desktop = (void *)1;
    HRESULT hr;
    int n;

    test_start("shell32/fileop");
    GetTempPathW(MAX_PATH, base);
    swprintf(base + lstrlenW(base), MAX_PATH, L"wlx-fileop-%lu", GetCurrentProcessId());
    CreateDirectoryW(base, NULL);
    CreateDirectoryW(item(list, L"src"), NULL);
    CreateDirectoryW(item(list, L"src\\sub"), NULL);
    test_fileop();

    n = lstrlenW(base);
    memcpy(list, base, (n + 1) * sizeof(WCHAR));
    list[n + 1] = 0;
    ok(run(FO_DELETE, list, NULL, 0, NULL) == 0 && GetFileAttributesW(base) == INVALID_FILE_ATTRIBUTES,
       "deleting the test folder\n");

    hr = SHGetDesktopFolder(&desktop);
    todo_wlx(hr == S_OK && desktop, "SHGetDesktopFolder: %#lx\n", hr);
    if (hr == S_OK && desktop) desktop->lpVtbl->Release(desktop);
    else ok(desktop == NULL, "not cleared\n");
    return test_summary();
}
