/*
 * tests/kernel32/xthread.c — threads of other processes, as turbo uses
 * them: a child created suspended is found in a Toolhelp thread snapshot
 * (CreateToolhelp32Snapshot(TH32CS_SNAPTHREAD), matching
 * th32OwnerProcessID; the process snapshot lists it under its parent),
 * opened with OpenThread and resumed through that handle; a child's second thread is listed too, and opened, suspended and
 * resumed (the counts), queried (GetThreadId, GetProcessIdOfThread,
 * GetExitCodeThread) and waited on from the parent.
 *
 * The program runs itself as a child ("xthread.exe <mode> <parent pid>").
 * Children talk through named events holding the parent's id and a pipe on
 * their stdout; every wait has a timeout.
 */
#include "../test.h"
#include <tlhelp32.h>
#include "selfchild.h"

#define OPEN_ACCESS (THREAD_SUSPEND_RESUME | THREAD_QUERY_INFORMATION | SYNCHRONIZE)

static HANDLE named_event(const char *what, DWORD parent, BOOL create)
{
    char name[64];
    sprintf(name, "Local\\wlx_xthread_%s_%lu", what, parent);
    return create ? CreateEventA(NULL, TRUE, FALSE, name) : OpenEventA(EVENT_ALL_ACCESS, FALSE, name);
}

/* --- the child's modes ---------------------------------------------------------- */

static HANDLE quit_event;

static DWORD WINAPI second_thread(void *arg)
{
    (void)arg;
    return WaitForSingleObject(quit_event, 10000) == WAIT_OBJECT_0 ? 77 : 78;
}

/* "two": a second thread that ends (code 77) when QUIT is set; its id goes
   to stdout; the process ends once DONE is set */
static int child_two(DWORD parent)
{
    HANDLE done = named_event("done", parent, FALSE), thread;
    char line[32];
    DWORD tid, n;

    if (!(quit_event = named_event("quit", parent, FALSE)) || !done) return 10;
    if (!(thread = CreateThread(NULL, 0, second_thread, NULL, 0, &tid))) return 11;
    sprintf(line, "%lu\n", tid);
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), line, strlen(line), &n, NULL);
    if (WaitForSingleObject(thread, 10000) != WAIT_OBJECT_0) return 12;
    if (WaitForSingleObject(done, 10000) != WAIT_OBJECT_0) return 13;
    return 0;
}

/* --- helpers ----------------------------------------------------------------------- */

/* the ids of the threads a snapshot lists for process pid (at most max);
   how many there are */
static DWORD snapshot_threads(DWORD pid, DWORD *ids, DWORD max)
{
    THREADENTRY32 te = { sizeof(te) };
    DWORD n = 0;
    HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPTHREAD, 0);

    ok(snap != INVALID_HANDLE_VALUE, "CreateToolhelp32Snapshot failed: %lu\n", GetLastError());
    if (snap == INVALID_HANDLE_VALUE) return 0;
    for (BOOL more = Thread32First(snap, &te); more; more = Thread32Next(snap, &te))
    {
        if (te.th32OwnerProcessID != pid) continue;
        /* a normal thread of a normal process has base priority 8
           (learn.microsoft.com, "Scheduling Priorities"); Wine 8.0 reports
           the relative priority (0) instead */
        todo_wine(te.tpBasePri == 8, "thread %lu: base priority %ld\n", te.th32ThreadID, te.tpBasePri);
        if (n < max) ids[n] = te.th32ThreadID;
        n++;
    }
    CloseHandle(snap);
    return n;
}

static BOOL listed(const DWORD *ids, DWORD n, DWORD id)
{
    for (DWORD i = 0; i < n; i++) if (ids[i] == id) return TRUE;
    return FALSE;
}

/* the process snapshot's entry for pid: TRUE when listed */
static BOOL snapshot_process(DWORD pid, PROCESSENTRY32W *found)
{
    PROCESSENTRY32W pe = { sizeof(pe) };
    BOOL listed = FALSE;
    HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);

    ok(snap != INVALID_HANDLE_VALUE, "CreateToolhelp32Snapshot failed: %lu\n", GetLastError());
    if (snap == INVALID_HANDLE_VALUE) return FALSE;
    for (BOOL more = Process32FirstW(snap, &pe); more && !listed; more = Process32NextW(snap, &pe))
        if (pe.th32ProcessID == pid) { *found = pe; listed = TRUE; }
    CloseHandle(snap);
    return listed;
}

/* --- the tests ---------------------------------------------------------------------- */

/* the caller's own threads are in the snapshot, under its own id */
static void test_own_threads(void)
{
    DWORD ids[64], n = snapshot_threads(GetCurrentProcessId(), ids, ARRAYSIZE(ids));
    ok(n >= 1, "no thread of ours listed\n");
    ok(listed(ids, n, GetCurrentThreadId()), "the current thread is not listed\n");
}

/* what turbo does: a child created suspended, its main thread found in a
   snapshot, opened by id and resumed through that handle */
static void test_suspended_child(void)
{
    PROCESS_INFORMATION pi;
    DWORD ids[8], n, code = 0;
    HANDLE thread;

    if (!start_self(L"exit42", FALSE, CREATE_SUSPENDED, NULL, &pi))
    {
        ok(0, "CreateProcess failed: %lu\n", GetLastError());
        return;
    }
    PROCESSENTRY32W pe = { sizeof(pe) };
    ok(snapshot_process(pi.dwProcessId, &pe), "the child is not in a process snapshot\n");
    ok(pe.th32ParentProcessID == GetCurrentProcessId(), "its parent is %lu\n", pe.th32ParentProcessID);
    ok(!lstrcmpiW(pe.szExeFile, L"xthread.exe"), "its name is %ls\n", pe.szExeFile);
    ok(pe.cntThreads == 1, "its thread count is %lu\n", pe.cntThreads);
    n = snapshot_threads(pi.dwProcessId, ids, ARRAYSIZE(ids));
    ok(n == 1, "the suspended child has %lu threads listed\n", n);
    ok(n >= 1 && ids[0] == pi.dwThreadId, "listed %lu, its main thread is %lu\n", n ? ids[0] : 0, pi.dwThreadId);

    thread = OpenThread(OPEN_ACCESS, FALSE, pi.dwThreadId);
    ok(thread != NULL, "OpenThread failed: %lu\n", GetLastError());
    if (!thread)
    {
        TerminateProcess(pi.hProcess, 1);
        finish(&pi);
        return;
    }
    ok(GetThreadId(thread) == pi.dwThreadId, "GetThreadId %lu\n", GetThreadId(thread));
    ok(GetProcessIdOfThread(thread) == pi.dwProcessId, "GetProcessIdOfThread %lu\n", GetProcessIdOfThread(thread));
    ok(GetExitCodeThread(thread, &code) && code == STILL_ACTIVE, "exit code %lu\n", code);
    ok(WaitForSingleObject(thread, 0) == WAIT_TIMEOUT, "the thread is signaled before it ran\n");
    /* the counts through either handle */
    ok(SuspendThread(thread) == 1, "SuspendThread of the suspended main thread\n");
    ok(ResumeThread(pi.hThread) == 2, "ResumeThread through CreateProcess's handle\n");
    ok(ResumeThread(thread) == 1, "ResumeThread through OpenThread's handle\n");
    ok(WaitForSingleObject(thread, 10000) == WAIT_OBJECT_0, "the main thread did not end\n");
    ok(GetExitCodeThread(thread, &code) && code == 42, "thread exit code %lu\n", code);
    CloseHandle(thread);
    code = finish(&pi);
    ok(code == 42, "the child ended with %lu\n", code);
}

/* a child with a second thread: both listed; the second opened, suspended,
   resumed, queried and waited on */
static void test_second_thread(void)
{
    HANDLE quit = named_event("quit", GetCurrentProcessId(), TRUE);
    HANDLE done = named_event("done", GetCurrentProcessId(), TRUE);
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    HANDLE rd, wr, thread;
    DWORD ids[8], n, tid = 0, got = 0, code = 0;
    WCHAR args[32];
    char line[32] = { 0 };

    if (!quit || !done || !CreatePipe(&rd, &wr, &sa, 0))
    {
        ok(0, "set-up failed: %lu\n", GetLastError());
        return;
    }
    SetHandleInformation(rd, HANDLE_FLAG_INHERIT, 0);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = wr;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    _snwprintf(args, ARRAYSIZE(args), L"two %lu", GetCurrentProcessId());
    if (!start_self(args, TRUE, 0, &si, &pi))
    {
        ok(0, "CreateProcess failed: %lu\n", GetLastError());
        return;
    }
    CloseHandle(wr);
    while (got < sizeof(line) - 1 && !strchr(line, '\n') && ReadFile(rd, line + got, sizeof(line) - 1 - got, &n, NULL) && n)
        got += n;
    CloseHandle(rd);
    tid = strtoul(line, NULL, 10);
    ok(tid && tid != pi.dwThreadId, "the child's second thread is %lu\n", tid);

    n = snapshot_threads(pi.dwProcessId, ids, ARRAYSIZE(ids));
    ok(n == 2, "the child has %lu threads listed\n", n);
    ok(listed(ids, n, pi.dwThreadId), "its main thread is not listed\n");
    ok(listed(ids, n, tid), "its second thread is not listed\n");

    thread = OpenThread(OPEN_ACCESS, FALSE, tid);
    ok(thread != NULL, "OpenThread failed: %lu\n", GetLastError());
    if (thread)
    {
        ok(GetThreadId(thread) == tid, "GetThreadId %lu\n", GetThreadId(thread));
        ok(GetProcessIdOfThread(thread) == pi.dwProcessId, "GetProcessIdOfThread %lu\n", GetProcessIdOfThread(thread));
        ok(GetExitCodeThread(thread, &code) && code == STILL_ACTIVE, "exit code %lu\n", code);
        ok(SuspendThread(thread) == 0, "first SuspendThread\n");
        ok(SuspendThread(thread) == 1, "second SuspendThread\n");
        ok(ResumeThread(thread) == 2, "first ResumeThread\n");
        /* suspended, it cannot end even once its wait is satisfied */
        SetEvent(quit);
        ok(WaitForSingleObject(thread, 200) == WAIT_TIMEOUT, "a suspended thread ended\n");
        ok(ResumeThread(thread) == 1, "second ResumeThread\n");
        ok(WaitForSingleObject(thread, 10000) == WAIT_OBJECT_0, "the thread did not end\n");
        ok(GetExitCodeThread(thread, &code) && code == 77, "exit code %lu\n", code);
        ok(ResumeThread(thread) == 0, "ResumeThread of an ended thread\n");
        CloseHandle(thread);
    }
    SetEvent(quit);
    SetEvent(done);
    code = finish(&pi);
    ok(code == 0, "the child ended with %lu\n", code);
    CloseHandle(quit);
    CloseHandle(done);
}

static void test_bad_id(void)
{
    SetLastError(0xdeadbeef);
    ok(!OpenThread(OPEN_ACCESS, FALSE, 0xfffffffc), "OpenThread of an unknown id succeeded\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
}

int main(int argc, char **argv)
{
    test_start("kernel32:xthread");
    if (argc > 1 && !strcmp(argv[1], "exit42")) return 42;
    if (argc > 2 && !strcmp(argv[1], "two")) return child_two(strtoul(argv[2], NULL, 10));
    GetModuleFileNameW(NULL, module, MAX_PATH);
    test_own_threads();
    test_suspended_child();
    test_second_thread();
    test_bad_id();
    return test_summary();
}
