/*
 * tests/kernel32/process.c — CreateProcess and process handles: the program
 * runs itself as a child ("process.exe <mode> ...") and checks exit codes,
 * waiting, std handle redirection, the exact command line, the environment
 * block, the current folder, CREATE_SUSPENDED, TerminateProcess, OpenProcess.
 */
#include "../test.h"
#include <winternl.h>

static WCHAR module[MAX_PATH], tmpdir[MAX_PATH];

/* --- the child's modes ------------------------------------------------------------- */

static void put_w(const WCHAR *s, DWORD bytes)
{
    DWORD n;
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), s, bytes, &n, NULL);
}

static int child_main(int argc, char **argv)
{
    const char *mode = argv[1];
    WCHAR buf[MAX_PATH];
    DWORD n;
    if (!strcmp(mode, "exit") && argc > 2) ExitProcess(strtoul(argv[2], NULL, 16));
    if (!strcmp(mode, "sleep")) { Sleep(60000); return 3; }
    if (!strcmp(mode, "print"))
    {
        WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), "to stdout\n", 10, &n, NULL);
        WriteFile(GetStdHandle(STD_ERROR_HANDLE), "to stderr\n", 10, &n, NULL);
        return 0;
    }
    if (!strcmp(mode, "cmdline")) { const WCHAR *c = GetCommandLineW(); put_w(c, wcslen(c) * 2); return 0; }
    if (!strcmp(mode, "cwd")) { n = GetCurrentDirectoryW(MAX_PATH, buf); put_w(buf, n * 2); return 0; }
    if (!strcmp(mode, "env"))
    {
        /* A and B as given, nothing of the parent's */
        int bad = 0;
        n = GetEnvironmentVariableW(L"WlxA", buf, MAX_PATH);
        bad |= n != 1 || wcscmp(buf, L"1");
        n = GetEnvironmentVariableW(L"WlxB", buf, MAX_PATH);
        bad |= n != 9 || wcscmp(buf, L"two words");
        bad |= GetEnvironmentVariableW(L"WlxParentOnly", buf, MAX_PATH) != 0;
        return bad ? 1 : 42;
    }
    if (!strcmp(mode, "startup"))
    {
        STARTUPINFOA si;
        GetStartupInfoA(&si);
        return si.cbReserved2 == 8 && !memcmp(si.lpReserved2, "\0\0\0\0wlx!", 8) &&
               (si.dwFlags & STARTF_USESHOWWINDOW) && si.wShowWindow == SW_SHOWMINNOACTIVE ? 44 : 1;
    }
    if (!strcmp(mode, "parent") && argc > 2)
    {
        PROCESS_BASIC_INFORMATION info;
        NTSTATUS (WINAPI *query)(HANDLE, PROCESSINFOCLASS, void *, ULONG, ULONG *) =
            (void *)GetProcAddress(GetModuleHandleA("ntdll.dll"), "NtQueryInformationProcess");
        if (!query || query(GetCurrentProcess(), ProcessBasicInformation, &info, sizeof(info), NULL)) return 2;
        return info.InheritedFromUniqueProcessId == strtoul(argv[2], NULL, 16) ? 43 : 1;
    }
    return 99;
}

/* --- helpers ------------------------------------------------------------------------- */

static BOOL run(const WCHAR *args, DWORD flags, void *env, const WCHAR *dir, STARTUPINFOW *si,
                PROCESS_INFORMATION *pi)
{
    WCHAR cmd[1024];
    STARTUPINFOW def = { sizeof(def) };
    _snwprintf(cmd, ARRAYSIZE(cmd), L"\"%ls\" %ls", module, args);
    return CreateProcessW(module, cmd, NULL, NULL, si != NULL, flags, env, dir, si ? si : &def, pi);
}

static DWORD finish(PROCESS_INFORMATION *pi)
{
    DWORD code = 0xdeadbeef;
    ok(WaitForSingleObject(pi->hProcess, 30000) == WAIT_OBJECT_0, "child did not end\n");
    ok(GetExitCodeProcess(pi->hProcess, &code), "GetExitCodeProcess failed: %lu\n", GetLastError());
    CloseHandle(pi->hProcess);
    CloseHandle(pi->hThread);
    return code;
}

/* runs the child with stdout (and stderr) going to a file; returns what it wrote */
static DWORD run_captured(const WCHAR *cmdline, const WCHAR *app, void *out, DWORD size, DWORD *code)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    WCHAR path[MAX_PATH], cmd[1024];
    DWORD got = 0;
    wcscpy(cmd, cmdline);
    _snwprintf(path, MAX_PATH, L"%ls\\out.txt", tmpdir);
    HANDLE file = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa,
                              CREATE_ALWAYS, 0, NULL);
    ok(file != INVALID_HANDLE_VALUE, "CreateFile failed: %lu\n", GetLastError());
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = si.hStdError = file;
    if (ok(CreateProcessW(app, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi), "CreateProcess failed: %lu\n", GetLastError()))
        *code = finish(&pi);
    SetFilePointer(file, 0, NULL, FILE_BEGIN);
    ReadFile(file, out, size, &got, NULL);
    CloseHandle(file);
    DeleteFileW(path);
    return got;
}

/* --- tests --------------------------------------------------------------------------- */

static void test_exit_codes(void)
{
    PROCESS_INFORMATION pi;
    if (!ok(run(L"exit 12345678", 0, NULL, NULL, NULL, &pi), "CreateProcess failed: %lu\n", GetLastError())) return;
    ok(pi.dwProcessId && pi.dwThreadId && pi.hProcess && pi.hThread, "no ids or handles\n");
    ok(GetProcessId(pi.hProcess) == pi.dwProcessId, "GetProcessId %lu, expected %lu\n", GetProcessId(pi.hProcess), pi.dwProcessId);
    DWORD code = finish(&pi);
    ok(code == 0x12345678, "exit code %lx\n", code);
    if (run(L"exit 0", 0, NULL, NULL, NULL, &pi)) { code = finish(&pi); ok(code == 0, "exit code %lx\n", code); }
    if (run(L"exit 100", 0, NULL, NULL, NULL, &pi)) { code = finish(&pi); ok(code == 0x100, "exit code %lx\n", code); }
}

static void test_wait_and_terminate(void)
{
    PROCESS_INFORMATION pi;
    DWORD code;
    if (!ok(run(L"sleep", 0, NULL, NULL, NULL, &pi), "CreateProcess failed: %lu\n", GetLastError())) return;
    ok(WaitForSingleObject(pi.hProcess, 0) == WAIT_TIMEOUT, "a running child is signaled\n");
    ok(GetExitCodeProcess(pi.hProcess, &code) && code == STILL_ACTIVE, "exit code %lu while running\n", code);
    HANDLE other = OpenProcess(PROCESS_QUERY_INFORMATION | SYNCHRONIZE, FALSE, pi.dwProcessId);
    ok(other != NULL, "OpenProcess failed: %lu\n", GetLastError());
    ok(TerminateProcess(pi.hProcess, 0xbeef), "TerminateProcess failed: %lu\n", GetLastError());
    code = finish(&pi);
    ok(code == 0xbeef, "exit code %lx after TerminateProcess\n", code);
    if (other)
    {
        ok(WaitForSingleObject(other, 30000) == WAIT_OBJECT_0, "opened handle not signaled\n");
        ok(GetExitCodeProcess(other, &code) && code == 0xbeef, "exit code %lx through OpenProcess\n", code);
        ok(GetProcessId(other) == pi.dwProcessId, "GetProcessId of the opened handle\n");
        CloseHandle(other);
    }
}

static void test_redirection(void)
{
    char out[256] = {0};
    WCHAR cmd[1024];
    DWORD code = 0;
    _snwprintf(cmd, ARRAYSIZE(cmd), L"\"%ls\" print", module);
    DWORD n = run_captured(cmd, module, out, sizeof(out) - 1, &code);
    ok(code == 0, "exit code %lu\n", code);
    ok(n == 20 && !strcmp(out, "to stdout\nto stderr\n"), "child wrote %lu bytes: \"%s\"\n", n, out);
}

/* the usual way to read a child's output: an inheritable pipe; EOF once the
   child ends, since the parent closed its own copy of the write end */
static void test_pipe(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    HANDLE rd, wr;
    char out[256] = {0};
    DWORD total = 0, n, code;
    if (!ok(CreatePipe(&rd, &wr, &sa, 0), "CreatePipe failed: %lu\n", GetLastError())) return;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = si.hStdError = wr;
    BOOL created = run(L"print", 0, NULL, NULL, &si, &pi);
    ok(created, "CreateProcess failed: %lu\n", GetLastError());
    CloseHandle(wr);
    while (created && total < sizeof(out) - 1 && ReadFile(rd, out + total, sizeof(out) - 1 - total, &n, NULL) && n)
        total += n;
    CloseHandle(rd);
    if (!created) return;
    code = finish(&pi);
    ok(code == 0, "exit code %lu\n", code);
    ok(total == 20 && !strcmp(out, "to stdout\nto stderr\n"), "read %lu bytes: \"%s\"\n", total, out);
}

static void test_command_line(void)
{
    static const WCHAR *const args[] = {
        L"cmdline a \"b c\" d\\\"e f\\\\\" \"g\\\\\"  end\\",
        L"cmdline",
        L"cmdline \"\" \t x",
    };
    WCHAR cmd[1024], out[1024];
    DWORD code = 0;
    for (size_t i = 0; i < ARRAYSIZE(args); i++)
    {
        memset(out, 0, sizeof(out));
        _snwprintf(cmd, ARRAYSIZE(cmd), L"\"%ls\" %ls", module, args[i]);
        DWORD n = run_captured(cmd, module, out, sizeof(out) - 2, &code);
        ok(n == wcslen(cmd) * 2 && !wcscmp(out, cmd), "%u: child saw [%ls], expected [%ls]\n", (unsigned)i, out, cmd);
    }
    /* without an application name, from the first token; ".exe" is added */
    WCHAR noext[MAX_PATH];
    wcscpy(noext, module);
    WCHAR *dot = wcsrchr(noext, '.');
    if (dot && !_wcsicmp(dot, L".exe") && !wcschr(noext, ' '))
    {
        *dot = 0;
        _snwprintf(cmd, ARRAYSIZE(cmd), L"%ls cmdline x", noext);
        memset(out, 0, sizeof(out));
        DWORD n = run_captured(cmd, NULL, out, sizeof(out) - 2, &code);
        ok(n == wcslen(cmd) * 2 && !wcscmp(out, cmd), "child saw [%ls], expected [%ls]\n", out, cmd);
    }
    else skip("the test's path has a space in it\n");
}

static void test_not_found(void)
{
    PROCESS_INFORMATION pi;
    STARTUPINFOW si = { sizeof(si) };
    WCHAR cmd[] = L"wlx-no-such-program-here.exe arg";
    SetLastError(0);
    ok(!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi), "CreateProcess succeeded\n");
    ok(GetLastError() == ERROR_FILE_NOT_FOUND, "error %lu\n", GetLastError());
}

static void test_bad_programs(void)
{
    PROCESS_INFORMATION pi;
    STARTUPINFOW si = { sizeof(si) };
    WCHAR path[MAX_PATH], cmd[MAX_PATH + 8];
    DWORD n;
    _snwprintf(path, MAX_PATH, L"%ls\\text.exe", tmpdir);
    HANDLE file = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    WriteFile(file, "this is not a program\r\n", 23, &n, NULL);
    CloseHandle(file);
    _snwprintf(cmd, ARRAYSIZE(cmd), L"\"%ls\" x", path);
    SetLastError(0);
    ok(!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi), "a text file was started\n");
    ok(GetLastError() == ERROR_BAD_EXE_FORMAT, "error %lu\n", GetLastError());
    DeleteFileW(path);
    SetLastError(0);
    ok(!OpenProcess(PROCESS_QUERY_INFORMATION, FALSE, 0), "OpenProcess of id 0 succeeded\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
}

static void test_startup_info(void)
{
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD code;
    si.dwFlags = STARTF_USESHOWWINDOW;
    si.wShowWindow = SW_SHOWMINNOACTIVE;
    si.cbReserved2 = 8;
    si.lpReserved2 = (BYTE *)"\0\0\0\0wlx!";
    if (ok(run(L"startup", 0, NULL, NULL, &si, &pi), "CreateProcess failed: %lu\n", GetLastError()))
        { code = finish(&pi); ok(code == 44, "child's STARTUPINFO is wrong (%lu)\n", code); }
}

static void test_environment(void)
{
    static const WCHAR wenv[] = L"WlxA=1\0WlxB=two words\0SystemRoot=C:\\windows\0";
    static const char aenv[] = "WlxA=1\0WlxB=two words\0SystemRoot=C:\\windows\0";
    PROCESS_INFORMATION pi;
    DWORD code;
    SetEnvironmentVariableW(L"WlxParentOnly", L"yes");
    if (ok(run(L"env", CREATE_UNICODE_ENVIRONMENT, (void *)wenv, NULL, NULL, &pi), "CreateProcess failed: %lu\n", GetLastError()))
        { code = finish(&pi); ok(code == 42, "child's environment is wrong (%lu)\n", code); }
    if (ok(run(L"env", 0, (void *)aenv, NULL, NULL, &pi), "CreateProcess failed: %lu\n", GetLastError()))
        { code = finish(&pi); ok(code == 42, "child's ANSI environment is wrong (%lu)\n", code); }
    /* CreateProcessA with the ANSI block too */
    char cmd[1024];
    STARTUPINFOA sia = { sizeof(sia) };
    snprintf(cmd, sizeof(cmd), "\"%ls\" env", module);
    if (ok(CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, (void *)aenv, NULL, &sia, &pi), "CreateProcessA failed: %lu\n", GetLastError()))
        { code = finish(&pi); ok(code == 42, "child's environment is wrong (%lu)\n", code); }
    SetEnvironmentVariableW(L"WlxParentOnly", NULL);
}

static void test_current_directory(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    WCHAR path[MAX_PATH], out[MAX_PATH] = {0};
    DWORD got = 0;
    _snwprintf(path, MAX_PATH, L"%ls\\cwd.txt", tmpdir);
    HANDLE file = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa, CREATE_ALWAYS, 0, NULL);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdOutput = si.hStdError = file;
    if (ok(run(L"cwd", 0, NULL, tmpdir, &si, &pi), "CreateProcess failed: %lu\n", GetLastError())) finish(&pi);
    SetFilePointer(file, 0, NULL, FILE_BEGIN);
    ReadFile(file, out, sizeof(out) - 2, &got, NULL);
    CloseHandle(file);
    DeleteFileW(path);
    ok(!lstrcmpiW(out, tmpdir), "child's folder [%ls], expected [%ls]\n", out, tmpdir);
    SetLastError(0);
    _snwprintf(path, MAX_PATH, L"%ls\\no-such-folder", tmpdir);
    ok(!run(L"cwd", 0, NULL, path, NULL, &pi), "CreateProcess with a missing folder succeeded\n");
    ok(GetLastError() == ERROR_DIRECTORY, "error %lu\n", GetLastError());
}

static void test_suspended(void)
{
    PROCESS_INFORMATION pi;
    DWORD code, prev;
    if (!ok(run(L"exit 7", CREATE_SUSPENDED, NULL, NULL, NULL, &pi), "CreateProcess failed: %lu\n", GetLastError())) return;
    /* a suspended process cannot end however long we wait */
    ok(WaitForSingleObject(pi.hProcess, 200) == WAIT_TIMEOUT, "suspended child ended\n");
    ok(GetExitCodeProcess(pi.hProcess, &code) && code == STILL_ACTIVE, "exit code %lu\n", code);
    prev = ResumeThread(pi.hThread);
    ok(prev == 1, "ResumeThread returned %lu\n", prev);
    code = finish(&pi);
    ok(code == 7, "exit code %lu\n", code);
}

static void test_parent_id(void)
{
    PROCESS_INFORMATION pi;
    WCHAR args[64];
    DWORD code;
    _snwprintf(args, ARRAYSIZE(args), L"parent %lx", GetCurrentProcessId());
    if (ok(run(args, 0, NULL, NULL, NULL, &pi), "CreateProcess failed: %lu\n", GetLastError()))
        { code = finish(&pi); ok(code == 43, "child's parent id is wrong (%lu)\n", code); }
}

int main(int argc, char **argv)
{
    if (argc > 1) return child_main(argc, argv);
    test_start("kernel32:process");
    GetModuleFileNameW(NULL, module, MAX_PATH);
    WCHAR base[MAX_PATH];
    GetTempPathW(MAX_PATH, base);
    _snwprintf(tmpdir, MAX_PATH, L"%lswlxproc-%lu", base, GetCurrentProcessId());
    CreateDirectoryW(tmpdir, NULL);
    GetLongPathNameW(tmpdir, tmpdir, MAX_PATH);
    test_exit_codes();
    test_wait_and_terminate();
    test_redirection();
    test_pipe();
    test_command_line();
    test_not_found();
    test_bad_programs();
    test_startup_info();
    test_environment();
    test_current_directory();
    test_suspended();
    test_parent_id();
    RemoveDirectoryW(tmpdir);
    return test_summary();
}
