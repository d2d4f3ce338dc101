/*
 * tests/kernel32/stdhandles.c — the standard handles a child gets from
 * CreateProcess: with and without STARTF_USESTDHANDLES, with NULL and
 * INVALID_HANDLE_VALUE members, and with the console flags
 * (DETACHED_PROCESS, CREATE_NO_WINDOW, CREATE_NEW_CONSOLE).
 *
 * The child ("report <file>") writes one line into <file>: for each std
 * handle what GetStdHandle returned (N: NULL, I: INVALID_HANDLE_VALUE,
 * V: a valid handle, B: a bad value), the type of its stdout (c: character
 * device, as a console is; p: pipe; d: disk; u: unknown), then whether
 * writing one byte to its stdout worked and the error it gave.
 *
 * Windows' behaviour: winpty's console tests (checked on XP to Windows 10)
 * give a DETACHED_PROCESS child NULL std handles even when the parent's are
 * pipes; a CREATE_NEW_CONSOLE / CREATE_NO_WINDOW child gets handles to its
 * own new console, not the parent's (Microsoft's console docs, issue 119).
 */
#include "../test.h"
#include "selfchild.h"

static char report_path[MAX_PATH];

static char classify(HANDLE h)
{
    DWORD flags;
    if (!h) return 'N';
    if (h == INVALID_HANDLE_VALUE) return 'I';
    return GetHandleInformation(h, &flags) ? 'V' : 'B';
}

static int child_report(const char *path)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE), file;
    char line[64];
    DWORD written = 0, err = 0, n;
    BOOL wrote;

    line[0] = classify(GetStdHandle(STD_INPUT_HANDLE));
    line[1] = classify(out);
    line[2] = classify(GetStdHandle(STD_ERROR_HANDLE));
    switch (GetFileType(out))
    {
    case FILE_TYPE_CHAR: line[3] = 'c'; break;
    case FILE_TYPE_PIPE: line[3] = 'p'; break;
    case FILE_TYPE_DISK: line[3] = 'd'; break;
    default: line[3] = 'u'; break;
    }
    SetLastError(0xdeadbeef);
    wrote = WriteFile(out, "x", 1, &written, NULL);
    if (!wrote) err = GetLastError();
    n = 4 + sprintf(line + 4, " %d %lu\n", wrote, err);
    file = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    if (file == INVALID_HANDLE_VALUE) return 2;
    WriteFile(file, line, n, &written, NULL);
    CloseHandle(file);
    return 0;
}

/* runs the child with our std handles set to the write end of a pipe;
   "line" gets its report, *got whether the byte it wrote reached the pipe */
static BOOL run_child(BOOL inherit, DWORD flags, STARTUPINFOW *si, char *line, size_t size, BOOL *got)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    PROCESS_INFORMATION pi;
    HANDLE rd, wr, saved[3], file;
    WCHAR args[MAX_PATH + 16];
    DWORD n = 0, avail = 0, i;
    static const DWORD std_ids[3] = { STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE };

    *got = FALSE;
    line[0] = 0;
    DeleteFileA(report_path);
    if (!CreatePipe(&rd, &wr, &sa, 0)) return FALSE;
    SetHandleInformation(rd, HANDLE_FLAG_INHERIT, 0);
    for (i = 0; i < 3; i++)
    {
        saved[i] = GetStdHandle(std_ids[i]);
        SetStdHandle(std_ids[i], wr);
    }
    _snwprintf(args, ARRAYSIZE(args), L"report \"%hs\"", report_path);
    BOOL started = start_self(args, inherit, flags, si, &pi);
    for (i = 0; i < 3; i++) SetStdHandle(std_ids[i], saved[i]);
    CloseHandle(wr);
    if (started)
    {
        ok(finish(&pi) == 0, "the child failed\n");
        *got = PeekNamedPipe(rd, NULL, 0, NULL, &avail, NULL) && avail > 0;
    }
    CloseHandle(rd);
    if (!started) return FALSE;
    file = CreateFileA(report_path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (file == INVALID_HANDLE_VALUE) return FALSE;
    ReadFile(file, line, size - 1, &n, NULL);
    line[n] = 0;
    CloseHandle(file);
    return TRUE;
}

/* no STARTF_USESTDHANDLES, no console flag: the parent's std handles */
static void test_default(void)
{
    char line[64];
    BOOL got;
    if (!ok(run_child(TRUE, 0, NULL, line, sizeof(line), &got), "CreateProcess failed: %lu\n", GetLastError()))
        return;
    ok(!strcmp(line, "VVVp 1 0\n"), "got '%s'\n", line);
    ok(got, "the child's output did not reach our stdout pipe\n");
}

/* STARTF_USESTDHANDLES with NULL members: the child has no std handles;
   GetStdHandle answers NULL and writing fails with ERROR_INVALID_HANDLE */
static void test_null_members(void)
{
    STARTUPINFOW si = { sizeof(si) };
    char line[64];
    BOOL got;
    si.dwFlags = STARTF_USESTDHANDLES;
    if (!ok(run_child(TRUE, 0, &si, line, sizeof(line), &got), "CreateProcess failed: %lu\n", GetLastError()))
        return;
    ok(!strcmp(line, "NNNu 0 6\n"), "got '%s'\n", line);
    ok(!got, "the child wrote into our stdout pipe\n");
}

/* INVALID_HANDLE_VALUE members are passed as they are */
static void test_invalid_members(void)
{
    STARTUPINFOW si = { sizeof(si) };
    char line[64];
    BOOL got;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = si.hStdOutput = si.hStdError = INVALID_HANDLE_VALUE;
    if (!ok(run_child(TRUE, 0, &si, line, sizeof(line), &got), "CreateProcess failed: %lu\n", GetLastError()))
        return;
    /* Wine hands the child NULL instead; either way there is no handle */
    ok(!strcmp(line, "IIIu 0 6\n") || !strcmp(line, "NNNu 0 6\n"), "got '%s'\n", line);
    ok(!got, "the child wrote into our stdout pipe\n");
}

/* DETACHED_PROCESS: no console, so no std handles, whatever ours are */
static void test_detached(void)
{
    char line[64];
    BOOL got;
    if (!ok(run_child(TRUE, DETACHED_PROCESS, NULL, line, sizeof(line), &got), "CreateProcess failed: %lu\n",
            GetLastError()))
        return;
    ok(!strcmp(line, "NNNu 0 6\n"), "got '%s'\n", line);
    ok(!got, "the child wrote into our stdout pipe\n");
}

/* CREATE_NO_WINDOW / CREATE_NEW_CONSOLE: handles to a console of its own
   (a character device), writing works and nothing reaches our pipe */
static void test_new_console(DWORD flag, const char *name)
{
    char line[64];
    BOOL got;
    if (!ok(run_child(TRUE, flag, NULL, line, sizeof(line), &got), "%s: CreateProcess failed: %lu\n", name,
            GetLastError()))
        return;
    ok(!strncmp(line, "VVVc ", 5), "%s: got '%s'\n", name, line);
    /* Wine 8.0 without a display: its console host fails a new window's
       writes with ERROR_OPERATION_ABORTED */
    if (flag == CREATE_NEW_CONSOLE)
        todo_wine(!strcmp(line + 4, " 1 0\n"), "%s: got '%s'\n", name, line);
    else
        ok(!strcmp(line + 4, " 1 0\n"), "%s: got '%s'\n", name, line);
    ok(!got, "%s: the child wrote into our stdout pipe\n", name);
}

/* the two console choices exclude each other (winpty's tests on Windows:
   ERROR_INVALID_PARAMETER; the process creation flags' documentation says
   CREATE_NEW_CONSOLE "cannot be used with DETACHED_PROCESS") */
static void test_bad_flags(void)
{
    PROCESS_INFORMATION pi;
    SetLastError(0xdeadbeef);
    BOOL ret = start_self(L"report nul", FALSE, DETACHED_PROCESS | CREATE_NEW_CONSOLE, NULL, &pi);
    /* Wine 8.0 starts the process */
    todo_wine(!ret && GetLastError() == ERROR_INVALID_PARAMETER, "got %d %lu\n", ret, GetLastError());
    if (ret) finish(&pi);
}

int main(int argc, char **argv)
{
    GetModuleFileNameW(NULL, module, MAX_PATH);
    if (argc >= 3 && !strcmp(argv[1], "report")) return child_report(argv[2]);
    GetTempPathA(MAX_PATH, report_path);
    sprintf(report_path + strlen(report_path), "stdhandles-%lu.txt", GetCurrentProcessId());
    test_default();
    test_null_members();
    test_invalid_members();
    test_detached();
    test_new_console(CREATE_NO_WINDOW, "CREATE_NO_WINDOW");
    test_new_console(CREATE_NEW_CONSOLE, "CREATE_NEW_CONSOLE");
    test_bad_flags();
    DeleteFileA(report_path);
    return test_summary();
}
