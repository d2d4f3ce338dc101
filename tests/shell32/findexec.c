/*
 * tests/shell32/findexec.c — FindExecutable: a program answers itself, a
 * relative name is looked for in lpDirectory, a missing file is SE_ERR_FNF
 * with an empty result, a document of a type nobody handles SE_ERR_NOASSOC.
 * (cmd.exe asks it about every program it is about to start.)
 */
#include "test.h"
#include <shellapi.h>

static WCHAR exe[MAX_PATH], dir[MAX_PATH];

static void test_program(void)
{
    WCHAR result[MAX_PATH], *name;
    char resulta[MAX_PATH], exea[MAX_PATH];
    HINSTANCE inst;

    memset(result, 0xcc, sizeof(result));
    inst = FindExecutableW(exe, NULL, result);
    ok((UINT_PTR)inst > 32, "FindExecutableW(self): %p\n", inst);
    ok(!lstrcmpiW(result, exe), "FindExecutableW(self) answered %ls, not %ls\n", result, exe);

    /* a bare name is looked for in lpDirectory */
    name = wcsrchr(exe, '\\') + 1;
    memset(result, 0xcc, sizeof(result));
    inst = FindExecutableW(name, dir, result);
    ok((UINT_PTR)inst > 32, "FindExecutableW(%ls, %ls): %p\n", name, dir, inst);
    ok(!lstrcmpiW(result, exe), "FindExecutableW(name, dir) answered %ls\n", result);

    GetModuleFileNameA(NULL, exea, MAX_PATH);
    memset(resulta, 0xcc, sizeof(resulta));
    inst = FindExecutableA(exea, NULL, resulta);
    ok((UINT_PTR)inst > 32, "FindExecutableA(self): %p\n", inst);
    ok(!lstrcmpiA(resulta, exea), "FindExecutableA(self) answered %s\n", resulta);
}

static void test_missing(void)
{
    WCHAR result[MAX_PATH], path[MAX_PATH];
    HINSTANCE inst;

    lstrcpyW(path, dir);
    lstrcatW(path, L"\\no such file.exe");
    memset(result, 0xcc, sizeof(result));
    inst = FindExecutableW(path, NULL, result);
    ok(inst == (HINSTANCE)SE_ERR_FNF, "missing file: %p\n", inst);
    ok(!result[0], "missing file: result not emptied (%04x)\n", result[0]);

    lstrcpyW(path, dir);
    lstrcatW(path, L"\\no such folder\\x.exe");
    memset(result, 0xcc, sizeof(result));
    inst = FindExecutableW(path, NULL, result);
    ok(inst == (HINSTANCE)SE_ERR_FNF || inst == (HINSTANCE)SE_ERR_PNF, "missing folder: %p\n", inst);
    ok(!result[0], "missing folder: result not emptied (%04x)\n", result[0]);
}

static void test_no_handler(void)
{
    WCHAR result[MAX_PATH], doc[MAX_PATH];
    HINSTANCE inst;
    HANDLE file;

    lstrcpyW(doc, dir);
    lstrcatW(doc, L"\\findexec.wlxnoassoc");
    file = CreateFileW(doc, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    ok(file != INVALID_HANDLE_VALUE, "CreateFileW: %lu\n", GetLastError());
    CloseHandle(file);

    memset(result, 0xcc, sizeof(result));
    inst = FindExecutableW(doc, NULL, result);
    ok(inst == (HINSTANCE)SE_ERR_NOASSOC, "unknown type: %p\n", inst);
    ok(!result[0], "unknown type: result not emptied (%04x)\n", result[0]);
    DeleteFileW(doc);
}

int main(void)
{
    test_start("shell32/findexec");
    GetModuleFileNameW(NULL, exe, MAX_PATH);
    lstrcpyW(dir, exe);
    *wcsrchr(dir, '\\') = 0;

    test_program();
    test_missing();
    test_no_handler();
    return test_summary();
}
