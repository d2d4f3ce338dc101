/*
 * tests/kernel32/findorder.c — the order FindFirstFile/FindNextFile list a
 * folder in: NTFS keeps a folder's names in a B-tree ordered by their
 * upper-cased UTF-16 code units, so a listing comes out "." and ".." first,
 * then sorted that way ('_' after the letters, since 'Z' < '_'), whatever
 * order the files were made in. Programs (cmd's for and xcopy, build tools
 * that hash what they read) rely on it.
 */
#include "test.h"

static WCHAR dir[MAX_PATH];

/* made in this order, on purpose not the listing's */
static const WCHAR *made[] = { L"b.txt", L"_under", L"Z1", L"a.txt", L"z0", L"C", L"a-b", L"10", L"9",
                               L"\x00e9t\x00e9", L"B2.txt", L"sub" };
static const WCHAR *listed[] = { L".", L"..", L"10", L"9", L"a-b", L"a.txt", L"b.txt", L"B2.txt", L"C",
                                 L"sub", L"z0", L"Z1", L"_under", L"\x00e9t\x00e9" };
static const WCHAR *listed_txt[] = { L"a.txt", L"b.txt", L"B2.txt" };

static void make_files(void)
{
    WCHAR tmp[MAX_PATH], path[MAX_PATH];

    GetTempPathW(MAX_PATH, tmp);
    _snwprintf(dir, MAX_PATH, L"%lswlx_findorder_%lu", tmp, GetCurrentProcessId());
    ok(CreateDirectoryW(dir, NULL), "CreateDirectoryW: %lu\n", GetLastError());
    for (int i = 0; i < ARRAYSIZE(made); i++)
    {
        HANDLE h;
        _snwprintf(path, MAX_PATH, L"%ls\\%ls", dir, made[i]);
        if (!wcscmp(made[i], L"sub"))
        {
            ok(CreateDirectoryW(path, NULL), "CreateDirectoryW %ls: %lu\n", path, GetLastError());
            continue;
        }
        h = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
        ok(h != INVALID_HANDLE_VALUE, "CreateFileW %ls: %lu\n", path, GetLastError());
        CloseHandle(h);
    }
}

static void remove_files(void)
{
    WCHAR path[MAX_PATH];

    for (int i = 0; i < ARRAYSIZE(made); i++)
    {
        _snwprintf(path, MAX_PATH, L"%ls\\%ls", dir, made[i]);
        if (!wcscmp(made[i], L"sub")) RemoveDirectoryW(path);
        else DeleteFileW(path);
    }
    ok(RemoveDirectoryW(dir), "RemoveDirectoryW: %lu\n", GetLastError());
}

static void check_listing(const WCHAR *mask, const WCHAR **expect, int count)
{
    WIN32_FIND_DATAW data;
    WCHAR path[MAX_PATH];
    HANDLE find;
    int n = 0;

    _snwprintf(path, MAX_PATH, L"%ls\\%ls", dir, mask);
    find = FindFirstFileW(path, &data);
    ok(find != INVALID_HANDLE_VALUE, "FindFirstFileW %ls: %lu\n", path, GetLastError());
    if (find == INVALID_HANDLE_VALUE) return;
    do
    {
        if (n < count)
            ok(!wcscmp(data.cFileName, expect[n]), "%ls: entry %d is %ls, not %ls\n", mask, n, data.cFileName, expect[n]);
        n++;
    } while (FindNextFileW(find, &data));
    ok(GetLastError() == ERROR_NO_MORE_FILES, "FindNextFileW ended with %lu\n", GetLastError());
    ok(n == count, "%ls: %d entries, not %d\n", mask, n, count);
    FindClose(find);
}

int main(void)
{
    test_start("kernel32/findorder");
    make_files();
    check_listing(L"*", listed, ARRAYSIZE(listed));
    check_listing(L"*.txt", listed_txt, ARRAYSIZE(listed_txt));
    remove_files();
    return test_summary();
}
