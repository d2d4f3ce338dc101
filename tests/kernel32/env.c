/*
 * tests/kernel32/env.c — the process environment and command line.
 *
 * Covers Get/SetEnvironmentVariableW/A (missing variables, size rules,
 * deletion, case-insensitive names), ExpandEnvironmentStringsW, the
 * GetEnvironmentStringsW block, GetCommandLineW/A, the variables every
 * Windows process starts with, and what a child process inherits: the
 * program runs itself with the argument "child" for that part.
 */
#include "test.h"

static void test_get_set(void)
{
    WCHAR buf[64];
    DWORD len, err;

    SetLastError(0xdeadbeef);
    len = GetEnvironmentVariableW(L"WLX_SURELY_NOT_SET", buf, ARRAYSIZE(buf));
    err = GetLastError();
    ok(len == 0 && err == ERROR_ENVVAR_NOT_FOUND, "missing variable: %lu, last error %lu\n", len, err);

    ok(SetEnvironmentVariableW(L"WlxTestVar", L"some value"), "SetEnvironmentVariableW failed: %lu\n",
       GetLastError());
    len = GetEnvironmentVariableW(L"WlxTestVar", buf, ARRAYSIZE(buf));
    ok(len == 10 && !lstrcmpW(buf, L"some value"), "got %lu %ls\n", len, buf);

    /* Too small: the size needed, counting the NUL. */
    lstrcpyW(buf, L"untouched");
    len = GetEnvironmentVariableW(L"WlxTestVar", buf, 10);
    ok(len == 11, "size needed %lu\n", len);
    len = GetEnvironmentVariableW(L"WlxTestVar", NULL, 0);
    ok(len == 11, "size needed with no buffer %lu\n", len);
    len = GetEnvironmentVariableW(L"WlxTestVar", buf, 11);
    ok(len == 10 && !lstrcmpW(buf, L"some value"), "exact fit gave %lu %ls\n", len, buf);

    /* Names are case-insensitive. */
    len = GetEnvironmentVariableW(L"WLXTESTVAR", buf, ARRAYSIZE(buf));
    ok(len == 10 && !lstrcmpW(buf, L"some value"), "upper-case name gave %lu\n", len);
    ok(SetEnvironmentVariableW(L"wlxtestvar", L"other"), "set with other case failed\n");
    len = GetEnvironmentVariableW(L"WlxTestVar", buf, ARRAYSIZE(buf));
    ok(len == 5 && !lstrcmpW(buf, L"other"), "setting with other case did not replace: %ls\n", buf);

    /* A NULL value deletes. */
    ok(SetEnvironmentVariableW(L"WlxTestVar", NULL), "delete failed: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    len = GetEnvironmentVariableW(L"WlxTestVar", buf, ARRAYSIZE(buf));
    err = GetLastError();
    ok(len == 0 && err == ERROR_ENVVAR_NOT_FOUND, "after delete: %lu, last error %lu\n", len, err);
    /* Deleting what is not there is not an error. */
    ok(SetEnvironmentVariableW(L"WlxTestVar", NULL), "deleting a missing variable failed: %lu\n",
       GetLastError());

    /* '=' ends a name, so a name cannot hold one. */
    SetLastError(0xdeadbeef);
    ok(!SetEnvironmentVariableW(L"Wlx=Bad", L"x"), "a name with '=' was accepted\n");
    err = GetLastError();
    ok(err == ERROR_INVALID_PARAMETER, "a name with '=': last error %lu\n", err);
}

static void test_empty_value(void)
{
    WCHAR buf[8];
    DWORD len, err;

    /* An empty value is still a variable: 0 characters, but no error. */
    ok(SetEnvironmentVariableW(L"WlxEmpty", L""), "setting an empty value failed: %lu\n", GetLastError());
    buf[0] = 'x';
    SetLastError(0xdeadbeef);
    len = GetEnvironmentVariableW(L"WlxEmpty", buf, ARRAYSIZE(buf));
    err = GetLastError();
    ok(len == 0 && buf[0] == 0, "empty value gave %lu\n", len);
    ok(err != ERROR_ENVVAR_NOT_FOUND, "an empty variable reads as missing\n");
    SetEnvironmentVariableW(L"WlxEmpty", NULL);
}

static void test_ansi(void)
{
    char buf[32];
    DWORD len, err;

    ok(SetEnvironmentVariableA("WlxAnsi", "ansi value"), "SetEnvironmentVariableA failed\n");
    len = GetEnvironmentVariableA("WLXANSI", buf, sizeof(buf));
    ok(len == 10 && !strcmp(buf, "ansi value"), "got %lu %s\n", len, buf);
    len = GetEnvironmentVariableA("WlxAnsi", buf, 4);
    ok(len == 11, "size needed %lu\n", len);
    {
        WCHAR bufw[32];
        len = GetEnvironmentVariableW(L"WlxAnsi", bufw, ARRAYSIZE(bufw));
        ok(len == 10 && !lstrcmpW(bufw, L"ansi value"), "W view of an A variable: %ls\n", bufw);
    }
    SetEnvironmentVariableA("WlxAnsi", NULL);
    SetLastError(0xdeadbeef);
    len = GetEnvironmentVariableA("WlxAnsi", buf, sizeof(buf));
    err = GetLastError();
    ok(len == 0 && err == ERROR_ENVVAR_NOT_FOUND, "after delete: %lu, last error %lu\n", len, err);
}

static void test_expand(void)
{
    static const WCHAR src[] = L"[%WlxExp%] [%wlxexp%] [%WLX_UNKNOWN%] 100% %%";
    static const WCHAR expect[] = L"[abc] [abc] [%WLX_UNKNOWN%] 100% %%";
    WCHAR buf[128];
    DWORD len;

    SetEnvironmentVariableW(L"WlxExp", L"abc");
    /* The return value counts the NUL. */
    len = ExpandEnvironmentStringsW(src, buf, ARRAYSIZE(buf));
    ok(len == ARRAYSIZE(expect), "returned %lu, expected %u\n", len, (unsigned)ARRAYSIZE(expect));
    ok(!lstrcmpW(buf, expect), "expanded to %ls\n", buf);

    len = ExpandEnvironmentStringsW(src, buf, 5);
    ok(len == ARRAYSIZE(expect), "size needed %lu\n", len);
    len = ExpandEnvironmentStringsW(src, NULL, 0);
    ok(len == ARRAYSIZE(expect), "size needed with no buffer %lu\n", len);

    len = ExpandEnvironmentStringsW(L"no variables", buf, ARRAYSIZE(buf));
    ok(len == 13 && !lstrcmpW(buf, L"no variables"), "plain string gave %lu %ls\n", len, buf);
    len = ExpandEnvironmentStringsW(L"%SystemRoot%\\x", buf, ARRAYSIZE(buf));
    ok(len == 13 && !lstrcmpiW(buf, L"C:\\windows\\x"), "%%SystemRoot%% gave %lu %ls\n", len, buf);
    SetEnvironmentVariableW(L"WlxExp", NULL);
}

/* Walks the block checking "name=value" entries; returns 1 if entry is in it. */
static int block_has(const WCHAR *block, const WCHAR *entry, int *well_formed)
{
    const WCHAR *p;
    int found = 0;

    *well_formed = 1;
    for (p = block; *p; p += lstrlenW(p) + 1)
    {
        /* Hidden "=C:=C:\dir" entries start with '=', so look past the first. */
        if (!wcschr(p + 1, '=')) *well_formed = 0;
        if (!lstrcmpW(p, entry)) found = 1;
    }
    return found;
}

static void test_environment_block(void)
{
    WCHAR *block;
    int well_formed;

    SetEnvironmentVariableW(L"WlxBlock", L"in block");
    block = GetEnvironmentStringsW();
    ok(block != NULL, "GetEnvironmentStringsW failed\n");
    ok(block_has(block, L"WlxBlock=in block", &well_formed), "variable not found in the block\n");
    ok(well_formed, "an entry without '='\n");
    ok(FreeEnvironmentStringsW(block), "FreeEnvironmentStringsW failed\n");

    /* The block is a copy: later changes do not show up in it. */
    block = GetEnvironmentStringsW();
    SetEnvironmentVariableW(L"WlxBlock", NULL);
    ok(block_has(block, L"WlxBlock=in block", &well_formed), "the block changed under us\n");
    FreeEnvironmentStringsW(block);
    block = GetEnvironmentStringsW();
    ok(!block_has(block, L"WlxBlock=in block", &well_formed), "deleted variable still in a new block\n");
    FreeEnvironmentStringsW(block);
}

static void check_variable(const WCHAR *name, const WCHAR *expect)
{
    WCHAR buf[MAX_PATH * 4];
    DWORD len = GetEnvironmentVariableW(name, buf, ARRAYSIZE(buf));

    ok(len > 0 && len < ARRAYSIZE(buf), "%ls is not set\n", name);
    if (len && expect) ok(!lstrcmpiW(buf, expect), "%ls is %ls, expected %ls\n", name, buf, expect);
}

static void test_standard_variables(void)
{
    WCHAR windir[MAX_PATH], buf[MAX_PATH * 4], name[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD size = ARRAYSIZE(name);
    SYSTEM_INFO si;

    GetWindowsDirectoryW(windir, MAX_PATH);
    check_variable(L"SystemRoot", windir);
    check_variable(L"windir", windir);
    check_variable(L"SystemDrive", L"C:");
    check_variable(L"OS", L"Windows_NT");
    /* A 64-bit process sees its own architecture. */
    check_variable(L"PROCESSOR_ARCHITECTURE", L"AMD64");
    check_variable(L"TEMP", NULL);
    check_variable(L"TMP", NULL);
    check_variable(L"USERPROFILE", NULL);
    check_variable(L"ProgramFiles", NULL);

    GetSystemInfo(&si);
    _snwprintf(buf, ARRAYSIZE(buf), L"%lu", si.dwNumberOfProcessors);
    check_variable(L"NUMBER_OF_PROCESSORS", buf);
    GetComputerNameW(name, &size);
    check_variable(L"COMPUTERNAME", name);

    GetEnvironmentVariableW(L"PATH", buf, ARRAYSIZE(buf));
    _wcslwr(buf);
    ok(wcsstr(buf, L"c:\\windows\\system32") != NULL, "PATH lacks the system directory: %ls\n", buf);
    GetEnvironmentVariableW(L"PATHEXT", buf, ARRAYSIZE(buf));
    _wcsupr(buf);
    ok(wcsstr(buf, L".EXE") != NULL, "PATHEXT lacks .EXE: %ls\n", buf);
    GetEnvironmentVariableW(L"ComSpec", buf, ARRAYSIZE(buf));
    ok(lstrlenW(buf) > 7 && !lstrcmpiW(buf + lstrlenW(buf) - 7, L"cmd.exe"), "ComSpec is %ls\n", buf);
}

/* The last component of the first token of a command line, quotes removed. */
static void first_token_name(const WCHAR *cmd, WCHAR *out, int size)
{
    const WCHAR *start = cmd, *end, *slash;
    WCHAR stop = ' ';

    if (*start == '"') { start++; stop = '"'; }
    for (end = start; *end && *end != stop && (stop == '"' || *end != '\t'); end++) ;
    for (slash = start; slash < end; slash++) if (*slash == '\\' || *slash == '/') start = slash + 1;
    lstrcpynW(out, start, min((int)(end - start) + 1, size));
}

static void test_command_line(void)
{
    WCHAR token[MAX_PATH], module[MAX_PATH], *base, *cmdw = GetCommandLineW();
    char *cmda = GetCommandLineA(), conv[1024];

    ok(cmdw && *cmdw, "empty GetCommandLineW\n");
    ok(cmda && *cmda, "empty GetCommandLineA\n");
    WideCharToMultiByte(CP_ACP, 0, cmdw, -1, conv, sizeof(conv), NULL, NULL);
    ok(!strcmp(conv, cmda), "A and W command lines differ: %s / %s\n", cmda, conv);
    ok(GetCommandLineW() == cmdw, "GetCommandLineW returns a new pointer each time\n");

    /* It starts with the program, as it was typed: with or without .exe. */
    first_token_name(cmdw, token, MAX_PATH);
    GetModuleFileNameW(NULL, module, MAX_PATH);
    base = wcsrchr(module, '\\') + 1;
    if (lstrcmpiW(token, base)) base[lstrlenW(base) - 4] = 0;
    ok(!lstrcmpiW(token, base), "command line %ls does not start with the program\n", cmdw);
}

static int child_main(void)
{
    WCHAR buf[32];
    DWORD len;
    WCHAR *block;
    int well_formed;

    test_start("kernel32:env (child)");
    len = GetEnvironmentVariableW(L"WLXCHILDVAR", buf, ARRAYSIZE(buf));
    ok(len == 2 && !lstrcmpW(buf, L"42"), "inherited variable through another case: %lu\n", len);
    /* The name keeps the case it was set with. */
    block = GetEnvironmentStringsW();
    ok(block_has(block, L"WlxChildVar=42", &well_formed), "inherited entry not in the block as set\n");
    FreeEnvironmentStringsW(block);
    /* No summary line: the parent reports the result through the exit code. */
    return test_failures ? 1 : 0;
}

static void test_child_inherits(void)
{
    WCHAR module[MAX_PATH], cmd[MAX_PATH + 16];
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD code = 0xdeadbeef;

    GetModuleFileNameW(NULL, module, MAX_PATH);
    _snwprintf(cmd, ARRAYSIZE(cmd), L"\"%ls\" child", module);
    SetEnvironmentVariableW(L"WlxChildVar", L"42");
    if (!ok(CreateProcessW(module, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi),
            "CreateProcessW failed: %lu\n", GetLastError()))
        return;
    ok(WaitForSingleObject(pi.hProcess, 30000) == WAIT_OBJECT_0, "child did not finish\n");
    GetExitCodeProcess(pi.hProcess, &code);
    ok(code == 0, "child reported failures (exit code %lu)\n", code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    SetEnvironmentVariableW(L"WlxChildVar", NULL);
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "child")) return child_main();
    test_start("kernel32:env");
    test_get_set();
    test_empty_value();
    test_ansi();
    test_expand();
    test_environment_block();
    test_standard_variables();
    test_command_line();
    test_child_inherits();
    return test_summary();
}
