/*
 * tests/shell32/execute.c — ShellExecute(Ex) beyond starting a program
 * (folders.c does that): the folder it runs in, the A forms, and what a
 * console machine without handlers answers for a document of an unknown
 * type, an unknown URL protocol and a missing file.
 */
#include "test.h"
#include <shellapi.h>

static WCHAR exe[MAX_PATH], dir[MAX_PATH];

/* runs this program with `params` through ShellExecuteExW; its exit code */
static DWORD run_child(const WCHAR *params, const WCHAR *directory)
{
    SHELLEXECUTEINFOW info = { sizeof(info) };
    DWORD code = 0xdeadbeef;

    info.fMask = SEE_MASK_NOCLOSEPROCESS | SEE_MASK_FLAG_NO_UI;
    info.lpFile = exe;
    info.lpParameters = params;
    info.lpDirectory = directory;
    info.nShow = SW_HIDE;
    if (!ShellExecuteExW(&info)) return GetLastError() | 0x80000000;
    if (!info.hProcess) return 0xdeadbeef;
    WaitForSingleObject(info.hProcess, INFINITE);
    GetExitCodeProcess(info.hProcess, &code);
    CloseHandle(info.hProcess);
    return code;
}

static void test_programs(void)
{
    char exea[MAX_PATH];
    HINSTANCE inst;

    /* the child checks its current folder is the one asked for */
    ok(run_child(L"cwd", dir) == 0, "the child ran elsewhere than lpDirectory\n");
    ok(run_child(L"child 5", NULL) == 5, "exit code through ShellExecuteExW\n");

    GetModuleFileNameA(NULL, exea, MAX_PATH);
    inst = ShellExecuteA(NULL, "open", exea, "child 0", NULL, SW_HIDE);
    ok((UINT_PTR)inst > 32, "ShellExecuteA: %p\n", inst);
}

static void test_no_handler(void)
{
    SHELLEXECUTEINFOW info = { sizeof(info) };
    WCHAR doc[MAX_PATH];
    HINSTANCE inst;
    HANDLE file;

    /* a document of a type nothing handles */
    lstrcpyW(doc, dir);
    lstrcatW(doc, L"\\document.wlxnoassoc");
    file = CreateFileW(doc, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CloseHandle(file);
    inst = ShellExecuteW(NULL, NULL, doc, NULL, NULL, SW_HIDE);
    ok((UINT_PTR)inst == SE_ERR_NOASSOC, "document: %p\n", inst);
    info.fMask = SEE_MASK_FLAG_NO_UI;
    info.lpFile = doc;
    SetLastError(0xdeadbeef);
    ok(!ShellExecuteExW(&info), "ShellExecuteExW opened a document\n");
    ok((UINT_PTR)info.hInstApp == SE_ERR_NOASSOC, "document: hInstApp %p\n", info.hInstApp);
    /* Wine 8 answers ERROR_PROC_NOT_FOUND for a document with no handler */
    todo_wine(GetLastError() == ERROR_NO_ASSOCIATION, "document: error %lu\n", GetLastError());
    DeleteFileW(doc);

    /* a URL of a protocol nothing handles */
    inst = ShellExecuteW(NULL, L"open", L"wlx-no-such-protocol:something", NULL, NULL, SW_HIDE);
    ok((UINT_PTR)inst == SE_ERR_NOASSOC, "URL: %p\n", inst);
    inst = ShellExecuteA(NULL, NULL, "wlx-no-such-protocol://host/path", NULL, NULL, SW_HIDE);
    ok((UINT_PTR)inst == SE_ERR_NOASSOC, "URL (A): %p\n", inst);

    /* a file that is not there */
    info.lpFile = L"wlx-no-such-file.wlxnoassoc";
    SetLastError(0xdeadbeef);
    ok(!ShellExecuteExW(&info), "ShellExecuteExW opened nothing\n");
    ok((UINT_PTR)info.hInstApp == SE_ERR_FNF, "missing file: hInstApp %p\n", info.hInstApp);
    ok(GetLastError() == ERROR_FILE_NOT_FOUND, "missing file: error %lu\n", GetLastError());
}

int main(int argc, char **argv)
{
    if (argc > 2 && !strcmp(argv[1], "child")) return atoi(argv[2]);
    GetTempPathW(MAX_PATH, dir);
    lstrcatW(dir, L"wlx-shexec");
    if (argc > 1 && !strcmp(argv[1], "cwd"))
    {
        WCHAR cwd[MAX_PATH];
        GetCurrentDirectoryW(MAX_PATH, cwd);
        return lstrcmpiW(cwd, dir) != 0;
    }
    test_start("shell32/execute");
    GetModuleFileNameW(NULL, exe, MAX_PATH);
    CreateDirectoryW(dir, NULL);
    test_programs();
    test_no_handler();
    RemoveDirectoryW(dir);
    return test_summary();
}
