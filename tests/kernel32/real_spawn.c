/*
 * tests/kernel32/real_spawn.c — starting and supervising children the way
 * modern runtimes and build tools do (Rust's std::process, Python's
 * subprocess, libuv, ninja):
 *
 *   - STARTUPINFOEXW with PROC_THREAD_ATTRIBUTE_HANDLE_LIST naming only the
 *     child's three std handles (EXTENDED_STARTUPINFO_PRESENT,
 *     CREATE_UNICODE_ENVIRONMENT with an environment block of our own): the
 *     child gets its std handles and the variable, and not another
 *     inheritable handle the list leaves out;
 *   - a job with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE and a completion port:
 *     children started suspended, assigned, resumed; one starts a child of
 *     its own (it joins the job); the port reports NEW_PROCESS and
 *     EXIT_PROCESS for each and ACTIVE_PROCESS_ZERO once; the accounting
 *     counts them; then closing a job kills a child still running in it;
 *     TerminateJobObject's code, and a grandchild started with
 *     CREATE_BREAKAWAY_FROM_JOB (JOB_OBJECT_LIMIT_BREAKAWAY_OK) outside it;
 *   - 64 children at once, waited for with one wait-all
 *     WaitForMultipleObjects (MAXIMUM_WAIT_OBJECTS), each exit code right;
 *   - GetProcessTimes of a child that has ended and GetThreadTimes of a
 *     running and an ended thread, as build tools report them;
 *   - a whole process suspended and resumed (NtSuspendProcess /
 *     NtResumeProcess, as process managers do);
 *   - GetExitCodeProcess says STILL_ACTIVE while a child runs and
 *     TerminateProcess's code after, OpenProcess by id sees the same.
 */
#include "../test.h"
#include "selfchild.h"
#include <stdlib.h>

/* --- children ------------------------------------------------------------------ */

/* "std <handle>": echoes stdin to stdout upper-cased, reports the variable
   and whether <handle> (inheritable in the parent, left out of the list)
   is a handle here */
static int child_std(HANDLE leaked)
{
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE), out = GetStdHandle(STD_OUTPUT_HANDLE),
           err = GetStdHandle(STD_ERROR_HANDLE);
    char buf[256], var[64];
    DWORD n, flags, total = 0;
    int i;

    while (ReadFile(in, buf, sizeof(buf), &n, NULL) && n)
    {
        for (i = 0; i < (int)n; i++) if (buf[i] >= 'a' && buf[i] <= 'z') buf[i] -= 32;
        if (!WriteFile(out, buf, n, &n, NULL)) return 10;
        total += n;
    }
    char path[8];
    int has_path = GetEnvironmentVariableA("PATH", path, sizeof(path)) != 0;
    n = GetEnvironmentVariableA("WLX_SPAWN_VAR", var, sizeof(var));
    n = sprintf(buf, "var=%s path=%s leaked=%d\n", n ? var : "(none)", has_path ? "yes" : "no",
                GetHandleInformation(leaked, &flags) ? 1 : 0);
    if (!WriteFile(err, buf, n, &n, NULL)) return 11;
    return total;
}

/* "tree": starts "sleep 0" (a grandchild), waits for it, exits 33 */
static int child_tree(void)
{
    PROCESS_INFORMATION pi;
    if (!start_self(L"sleep 0", FALSE, 0, NULL, &pi)) return 1;
    if (WaitForSingleObject(pi.hProcess, 10000)) return 2;
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return 33;
}

/* --- the handle list --------------------------------------------------------------- */

static DWORD read_all(HANDLE h, char *buf, DWORD size)
{
    DWORD len = 0, n;
    while (len < size - 1 && ReadFile(h, buf + len, size - 1 - len, &n, NULL) && n) len += n;
    buf[len] = 0;
    return len;
}

static void test_handle_list(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE in_rd, in_wr, out_rd, out_wr, err_rd, err_wr, leaked;
    STARTUPINFOEXW si;
    PROCESS_INFORMATION pi;
    SIZE_T size = 0;
    WCHAR cmd[MAX_PATH + 64], env[512], *p;
    char out[256], err[256];
    DWORD n;

    ok(CreatePipe(&in_rd, &in_wr, &sa, 0) && CreatePipe(&out_rd, &out_wr, &sa, 0) && CreatePipe(&err_rd, &err_wr, &sa, 0),
       "CreatePipe: %lu\n", GetLastError());
    /* our ends are not for the child */
    SetHandleInformation(in_wr, HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation(out_rd, HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation(err_rd, HANDLE_FLAG_INHERIT, 0);
    leaked = CreateEventW(&sa, TRUE, FALSE, NULL);   /* inheritable, not in the list */

    ok(!InitializeProcThreadAttributeList(NULL, 1, 0, &size) && GetLastError() == ERROR_INSUFFICIENT_BUFFER && size,
       "attribute list size: %lu %Iu\n", GetLastError(), size);
    memset(&si, 0, sizeof(si));
    si.StartupInfo.cb = sizeof(si);
    si.StartupInfo.dwFlags = STARTF_USESTDHANDLES;
    si.StartupInfo.hStdInput = in_rd;
    si.StartupInfo.hStdOutput = out_wr;
    si.StartupInfo.hStdError = err_wr;
    si.lpAttributeList = HeapAlloc(GetProcessHeap(), 0, size);
    ok(InitializeProcThreadAttributeList(si.lpAttributeList, 1, 0, &size), "InitializeProcThreadAttributeList: %lu\n", GetLastError());
    HANDLE list[3] = { in_rd, out_wr, err_wr };
    ok(UpdateProcThreadAttribute(si.lpAttributeList, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, list, sizeof(list), NULL, NULL),
       "UpdateProcThreadAttribute: %lu\n", GetLastError());

    /* an environment of our own: one variable, and PATH for the loader */
    p = env;
    p += swprintf(p, 200, L"WLX_SPAWN_VAR=hello world") + 1;
    n = GetEnvironmentVariableW(L"PATH", p + 5, 250);
    if (n && n < 250) { memcpy(p, L"PATH=", 5 * sizeof(WCHAR)); p += 5 + n + 1; }
    *p = 0;

    swprintf(cmd, ARRAYSIZE(cmd), L"\"%ls\" std %Iu", module, (ULONG_PTR)leaked);
    BOOL ret = CreateProcessW(module, cmd, NULL, NULL, TRUE, EXTENDED_STARTUPINFO_PRESENT | CREATE_UNICODE_ENVIRONMENT,
                              env, NULL, &si.StartupInfo, &pi);
    ok(ret, "CreateProcess: %lu\n", GetLastError());
    DeleteProcThreadAttributeList(si.lpAttributeList);
    HeapFree(GetProcessHeap(), 0, si.lpAttributeList);
    CloseHandle(in_rd);
    CloseHandle(out_wr);
    CloseHandle(err_wr);
    if (!ret) return;

    ok(WriteFile(in_wr, "make it loud", 12, &n, NULL), "write: %lu\n", GetLastError());
    CloseHandle(in_wr);
    read_all(out_rd, out, sizeof(out));
    read_all(err_rd, err, sizeof(err));
    ok(!strcmp(out, "MAKE IT LOUD"), "child's stdout: \"%s\"\n", out);
    ok(!strcmp(err, "var=hello world path=yes leaked=0\n"), "child's stderr: \"%s\"\n", err);
    ok(finish(&pi) == 12, "exit code\n");
    CloseHandle(out_rd);
    CloseHandle(err_rd);
    CloseHandle(leaked);
}

/* --- a job with a completion port ---------------------------------------------------- */

#define JOB_KEY 0x10b

static void test_job_port(void)
{
    JOBOBJECT_ASSOCIATE_COMPLETION_PORT assoc;
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits;
    JOBOBJECT_BASIC_ACCOUNTING_INFORMATION acct;
    PROCESS_INFORMATION pis[3];
    HANDLE job, port;
    DWORD msg, pid;
    ULONG_PTR key;
    OVERLAPPED *ov;
    int i, news = 0, exits = 0, zero = 0, others = 0, right_codes = 0;
    DWORD ids[4] = { 0 };

    job = CreateJobObjectW(NULL, NULL);
    port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    assoc.CompletionKey = (void *)JOB_KEY;
    assoc.CompletionPort = port;
    ok(SetInformationJobObject(job, JobObjectAssociateCompletionPortInformation, &assoc, sizeof(assoc)),
       "associate the port: %lu\n", GetLastError());
    memset(&limits, 0, sizeof(limits));
    limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    ok(SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof(limits)), "limits: %lu\n", GetLastError());

    /* two plain children and one that starts a grandchild */
    static const WCHAR *args[3] = { L"exit 5", L"exit 6", L"tree" };
    for (i = 0; i < 3; i++)
    {
        if (!ok(start_self(args[i], FALSE, CREATE_SUSPENDED, NULL, &pis[i]), "CreateProcess: %lu\n", GetLastError())) return;
        ok(AssignProcessToJobObject(job, pis[i].hProcess), "assign: %lu\n", GetLastError());
        BOOL in = FALSE;
        ok(IsProcessInJob(pis[i].hProcess, job, &in) && in, "IsProcessInJob: %d\n", in);
        ids[i] = pis[i].dwProcessId;
    }
    for (i = 0; i < 3; i++) ResumeThread(pis[i].hThread);

    /* messages until the job is empty (bounded) */
    while (!zero && GetQueuedCompletionStatus(port, &msg, &key, &ov, 10000))
    {
        pid = (DWORD)(ULONG_PTR)ov;
        if (key != JOB_KEY) { others++; continue; }
        switch (msg)
        {
        case JOB_OBJECT_MSG_NEW_PROCESS: news++; break;
        case JOB_OBJECT_MSG_EXIT_PROCESS:
        case JOB_OBJECT_MSG_ABNORMAL_EXIT_PROCESS:
            exits++;
            if (pid != ids[0] && pid != ids[1] && pid != ids[2]) ids[3] = pid;   /* the grandchild */
            break;
        case JOB_OBJECT_MSG_ACTIVE_PROCESS_ZERO: zero++; ok(pid == 0, "ACTIVE_PROCESS_ZERO carries %lu\n", pid); break;
        default: others++;
        }
    }
    ok(zero == 1, "ACTIVE_PROCESS_ZERO %d times\n", zero);
    ok(news == 4, "NEW_PROCESS %d times, expected 4 (3 children and a grandchild)\n", news);
    ok(exits == 4, "EXIT_PROCESS %d times\n", exits);
    ok(ids[3] != 0, "no exit message for the grandchild\n");
    ok(!others, "%d other messages\n", others);
    ok(QueryInformationJobObject(job, JobObjectBasicAccountingInformation, &acct, sizeof(acct), NULL),
       "accounting: %lu\n", GetLastError());
    ok(acct.TotalProcesses == 4 && acct.ActiveProcesses == 0 && acct.TotalTerminatedProcesses == 0,
       "total %lu active %lu terminated %lu\n", acct.TotalProcesses, acct.ActiveProcesses, acct.TotalTerminatedProcesses);
    DWORD codes[3] = { 5, 6, 33 };
    for (i = 0; i < 3; i++) if (finish(&pis[i]) == codes[i]) right_codes++;
    ok(right_codes == 3, "%d of 3 exit codes right\n", right_codes);
    CloseHandle(job);
    CloseHandle(port);

    /* closing the last handle of a KILL_ON_JOB_CLOSE job ends what runs in it */
    job = CreateJobObjectW(NULL, NULL);
    ok(SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof(limits)), "limits: %lu\n", GetLastError());
    if (!ok(start_self(L"sleep 30000", FALSE, CREATE_SUSPENDED, NULL, &pis[0]), "CreateProcess: %lu\n", GetLastError())) return;
    ok(AssignProcessToJobObject(job, pis[0].hProcess), "assign: %lu\n", GetLastError());
    ResumeThread(pis[0].hThread);
    ok(WaitForSingleObject(pis[0].hProcess, 100) == WAIT_TIMEOUT, "the sleeper ended early\n");
    CloseHandle(job);
    ok(WaitForSingleObject(pis[0].hProcess, 10000) == WAIT_OBJECT_0, "closing the job did not kill the child\n");
    CloseHandle(pis[0].hProcess);
    CloseHandle(pis[0].hThread);
}

/* TerminateJobObject ends every process of the job with its code; a child
   of a job member that asks CREATE_BREAKAWAY_FROM_JOB (allowed by
   JOB_OBJECT_LIMIT_BREAKAWAY_OK) is outside the job and lives on */
static int child_breakaway(const char *parent)
{
    PROCESS_INFORMATION pi;
    BOOL in = FALSE;
    char name[64];
    if (!IsProcessInJob(GetCurrentProcess(), NULL, &in) || !in) return 1;
    if (!start_self(L"injob", FALSE, CREATE_BREAKAWAY_FROM_JOB, NULL, &pi)) return 2;
    DWORD code = finish(&pi);
    if (code != 40) return 3;              /* 40: the grandchild was in no job */
    sprintf(name, "wlx-real-spawn-%s", parent);
    HANDLE ev = OpenEventA(EVENT_MODIFY_STATE, FALSE, name);
    if (!ev || !SetEvent(ev)) return 5;
    Sleep(30000);                          /* until TerminateJobObject */
    return 4;
}

static void test_terminate_job(void)
{
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits;
    PROCESS_INFORMATION pi[2];
    HANDLE job = CreateJobObjectW(NULL, NULL);
    DWORD code;
    WCHAR name[64], args[64];

    swprintf(name, ARRAYSIZE(name), L"wlx-real-spawn-%lu", GetCurrentProcessId());
    swprintf(args, ARRAYSIZE(args), L"breakaway %lu", GetCurrentProcessId());
    HANDLE ready = CreateEventW(NULL, TRUE, FALSE, name);
    memset(&limits, 0, sizeof(limits));
    limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_BREAKAWAY_OK;
    ok(SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof(limits)), "limits: %lu\n", GetLastError());
    if (!ok(start_self(args, FALSE, CREATE_SUSPENDED, NULL, &pi[0]), "CreateProcess: %lu\n", GetLastError())) return;
    if (!ok(start_self(L"sleep 30000", FALSE, CREATE_SUSPENDED, NULL, &pi[1]), "CreateProcess: %lu\n", GetLastError())) return;
    ok(AssignProcessToJobObject(job, pi[0].hProcess) && AssignProcessToJobObject(job, pi[1].hProcess), "assign: %lu\n", GetLastError());
    ResumeThread(pi[0].hThread);
    ResumeThread(pi[1].hThread);
    /* the breakaway child says when its grandchild has run */
    ok(WaitForMultipleObjects(2, (HANDLE[]){ ready, pi[0].hProcess }, FALSE, 10000) == WAIT_OBJECT_0,
       "the breakaway child did not get through\n");
    ok(WaitForSingleObject(pi[0].hProcess, 0) == WAIT_TIMEOUT, "the breakaway child ended early\n");
    ok(TerminateJobObject(job, 77), "TerminateJobObject: %lu\n", GetLastError());
    ok(WaitForMultipleObjects(2, (HANDLE[]){ pi[0].hProcess, pi[1].hProcess }, TRUE, 10000) == WAIT_OBJECT_0, "the job's processes live on\n");
    ok(GetExitCodeProcess(pi[0].hProcess, &code) && code == 77, "breakaway child's code %lu (77: killed with the job; other: its check)\n", code);
    ok(GetExitCodeProcess(pi[1].hProcess, &code) && code == 77, "sleeper's code %lu\n", code);
    JOBOBJECT_BASIC_ACCOUNTING_INFORMATION acct;
    ok(QueryInformationJobObject(job, JobObjectBasicAccountingInformation, &acct, sizeof(acct), NULL) &&
       acct.TotalProcesses == 2 && acct.ActiveProcesses == 0, "total %lu active %lu (the grandchild broke away)\n",
       acct.TotalProcesses, acct.ActiveProcesses);
    for (int i = 0; i < 2; i++) { CloseHandle(pi[i].hProcess); CloseHandle(pi[i].hThread); }
    CloseHandle(job);
    CloseHandle(ready);
}

/* --- many children ------------------------------------------------------------------- */

static void test_sixty_four(void)
{
    HANDLE procs[MAXIMUM_WAIT_OBJECTS + 1];
    PROCESS_INFORMATION pi;
    WCHAR args[32];
    int i, started = 0, right = 0;

    for (i = 0; i < MAXIMUM_WAIT_OBJECTS; i++)
    {
        swprintf(args, ARRAYSIZE(args), L"exit %d", 100 + i);
        BOOL started_one = start_self(args, FALSE, 0, NULL, &pi);
        /* Wine 8.0 with dozens of processes starting now and then fails one
           with ERROR_INTERNAL_ERROR; Windows does not: tried again there only */
        for (int retry = 0; !started_one && test_is("wine") && retry < 3; retry++)
        {
            Sleep(100);
            started_one = start_self(args, FALSE, 0, NULL, &pi);
        }
        if (!started_one) { ok(0, "child %d: %lu\n", i, GetLastError()); break; }
        CloseHandle(pi.hThread);
        procs[started++] = pi.hProcess;
    }
    procs[started] = procs[0];
    SetLastError(0xdeadbeef);
    ok(WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS + 1, procs, TRUE, 0) == WAIT_FAILED &&
       GetLastError() == ERROR_INVALID_PARAMETER, "65 handles: %lu\n", GetLastError());
    ok(WaitForMultipleObjects(started, procs, TRUE, 30000) == WAIT_OBJECT_0, "wait-all over %d children\n", started);
    for (i = 0; i < started; i++)
    {
        DWORD code = 0;
        if (GetExitCodeProcess(procs[i], &code) && code == (DWORD)(100 + i)) right++;
        CloseHandle(procs[i]);
    }
    ok(right == MAXIMUM_WAIT_OBJECTS, "%d of %d exit codes right\n", right, MAXIMUM_WAIT_OBJECTS);
}

/* --- times, as a build tool reports them ------------------------------------------------ */

static LONGLONG ft(FILETIME f) { return ((LONGLONG)f.dwHighDateTime << 32) | f.dwLowDateTime; }

/* about 150 ms of CPU */
static volatile LONG sink;
static DWORD WINAPI burn(void *arg)
{
    DWORD start = GetTickCount();
    while (GetTickCount() - start < 150) for (int i = 0; i < 10000; i++) sink += i;
    return 0;
}

static void test_times(void)
{
    PROCESS_INFORMATION pi;
    FILETIME c, e, k, u, now;
    if (!ok(start_self(L"burn", FALSE, 0, NULL, &pi), "CreateProcess: %lu\n", GetLastError())) return;
    ok(WaitForSingleObject(pi.hProcess, 10000) == WAIT_OBJECT_0, "the child did not end\n");
    GetSystemTimeAsFileTime(&now);
    /* the child has ended: its times are still there */
    ok(GetProcessTimes(pi.hProcess, &c, &e, &k, &u), "GetProcessTimes of an ended child: %lu\n", GetLastError());
    ok(ft(c) && ft(e) >= ft(c) && ft(e) <= ft(now) + 10000000, "created %I64d, exited %I64d, now %I64d\n", ft(c), ft(e), ft(now));
    ok(ft(u) + ft(k) > 0, "the child used no CPU: user %I64d kernel %I64d\n", ft(u), ft(k));
    ok(finish(&pi) == 0, "exit code\n");

    /* a thread's: while it runs (exit 0), and after */
    HANDLE t = CreateThread(NULL, 0, burn, NULL, 0, NULL);
    ok(GetThreadTimes(t, &c, &e, &k, &u), "GetThreadTimes: %lu\n", GetLastError());
    ok(ft(c) && !ft(e), "running thread: created %I64d exited %I64d\n", ft(c), ft(e));
    ok(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0, "the thread did not end\n");
    ok(GetThreadTimes(t, &c, &e, &k, &u), "GetThreadTimes of an ended thread: %lu\n", GetLastError());
    ok(ft(e) >= ft(c), "ended thread: created %I64d exited %I64d\n", ft(c), ft(e));
    /* Windows keeps an ended thread's CPU times; Wine 8.0 now and then
       reports them as 0 once the thread has gone */
    ok(ft(u) + ft(k) > 0 || test_is("wine"), "ended thread: user %I64d kernel %I64d\n", ft(u), ft(k));
    CloseHandle(t);
    ok(GetThreadTimes(GetCurrentThread(), &c, &e, &k, &u) && ft(c) && !ft(e), "the current thread's times: %lu\n", GetLastError());
}

/* --- suspending a whole process (process managers, psutil) -------------------------------- */

static int child_ticker(const char *name)
{
    HANDLE map = OpenFileMappingA(FILE_MAP_WRITE, FALSE, name);
    volatile LONG *ticks = map ? MapViewOfFile(map, FILE_MAP_WRITE, 0, 0, 0) : NULL;
    if (!ticks) return 1;
    for (;;) { InterlockedIncrement(ticks); Sleep(1); }
}

static void test_suspend_process(void)
{
    NTSTATUS (WINAPI *pNtSuspendProcess)(HANDLE) = (void *)GetProcAddress(GetModuleHandleA("ntdll.dll"), "NtSuspendProcess");
    NTSTATUS (WINAPI *pNtResumeProcess)(HANDLE) = (void *)GetProcAddress(GetModuleHandleA("ntdll.dll"), "NtResumeProcess");
    NTSTATUS (WINAPI *pNtSetInformationThread)(HANDLE, ULONG, void *, ULONG) =
        (void *)GetProcAddress(GetModuleHandleA("ntdll.dll"), "NtSetInformationThread");
    PROCESS_INFORMATION pi;
    char name[64];
    WCHAR args[96];
    LONG a, b;

    if (!ok(pNtSuspendProcess && pNtResumeProcess && pNtSetInformationThread, "ntdll lacks NtSuspendProcess/NtResumeProcess/NtSetInformationThread\n")) return;
    /* a thread hidden from the debugger, as protected programs do at start-up */
    ok(!pNtSetInformationThread(GetCurrentThread(), 17 /* ThreadHideFromDebugger */, NULL, 0), "ThreadHideFromDebugger\n");

    sprintf(name, "wlx-real-spawn-ticks-%lu", GetCurrentProcessId());
    HANDLE map = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, name);
    volatile LONG *ticks = MapViewOfFile(map, FILE_MAP_WRITE, 0, 0, 0);
    swprintf(args, ARRAYSIZE(args), L"ticker %hs", name);
    if (!ok(start_self(args, FALSE, 0, NULL, &pi), "CreateProcess: %lu\n", GetLastError())) return;
    for (int i = 0; i < 500 && *ticks < 5; i++) Sleep(10);
    ok(*ticks >= 5, "the ticker does not tick\n");
    ok(!pNtSuspendProcess(pi.hProcess), "NtSuspendProcess\n");
    Sleep(30);                 /* a tick on its way may still land */
    a = *ticks;
    Sleep(200);
    b = *ticks;
    ok(a == b, "the suspended process ticked %ld times\n", b - a);
    ok(WaitForSingleObject(pi.hProcess, 0) == WAIT_TIMEOUT, "the suspended process is not running\n");
    ok(!pNtResumeProcess(pi.hProcess), "NtResumeProcess\n");
    for (int i = 0; i < 500 && *ticks < b + 5; i++) Sleep(10);
    ok(*ticks >= b + 5, "the resumed process does not tick\n");
    TerminateProcess(pi.hProcess, 0);
    finish(&pi);
    UnmapViewOfFile((void *)ticks);
    CloseHandle(map);
}

/* --- the old ways: WinExec ------------------------------------------------------------------- */

static void test_winexec(void)
{
    char cmd[MAX_PATH + 64], name[64];
    sprintf(name, "wlx-real-spawn-winexec-%lu", GetCurrentProcessId());
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, name);
    sprintf(cmd, "\"%ls\" signal %s", module, name);
    UINT r = WinExec(cmd, SW_HIDE);
    ok(r > 31, "WinExec: %u\n", r);
    ok(WaitForSingleObject(ev, 10000) == WAIT_OBJECT_0, "the program WinExec started did not run\n");
    r = WinExec("wlx-no-such-program-anywhere.exe", SW_HIDE);
    ok(r == ERROR_FILE_NOT_FOUND, "WinExec of a missing program: %u\n", r);
    CloseHandle(ev);
}

/* --- terminating ----------------------------------------------------------------------- */

static void test_terminate(void)
{
    PROCESS_INFORMATION pi;
    DWORD code = 0;

    if (!ok(start_self(L"sleep 30000", FALSE, 0, NULL, &pi), "CreateProcess: %lu\n", GetLastError())) return;
    ok(GetExitCodeProcess(pi.hProcess, &code) && code == STILL_ACTIVE, "running child's code %lu\n", code);
    HANDLE other = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION | SYNCHRONIZE, FALSE, pi.dwProcessId);
    ok(other != NULL, "OpenProcess: %lu\n", GetLastError());
    ok(GetProcessId(other) == pi.dwProcessId, "GetProcessId %lu\n", GetProcessId(other));
    ok(TerminateProcess(pi.hProcess, 0xC0DE1234), "TerminateProcess: %lu\n", GetLastError());
    ok(WaitForSingleObject(other, 10000) == WAIT_OBJECT_0, "the opened handle did not see the end\n");
    ok(GetExitCodeProcess(other, &code) && code == 0xC0DE1234, "exit code through OpenProcess %#lx\n", code);
    ok(GetExitCodeProcess(pi.hProcess, &code) && code == 0xC0DE1234, "exit code %#lx\n", code);
    /* terminating an ended process: access is fine, the code stays */
    TerminateProcess(pi.hProcess, 7);
    ok(GetExitCodeProcess(pi.hProcess, &code) && code == 0xC0DE1234, "code after a second TerminateProcess %#lx\n", code);
    CloseHandle(other);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
}

int main(int argc, char **argv)
{
    GetModuleFileNameW(NULL, module, MAX_PATH);
    test_start("real_spawn");
    if (argc >= 3 && !strcmp(argv[1], "exit")) return atoi(argv[2]);
    if (argc >= 3 && !strcmp(argv[1], "sleep")) { Sleep(atoi(argv[2])); return 0; }
    if (argc >= 3 && !strcmp(argv[1], "std")) return child_std((HANDLE)(ULONG_PTR)_strtoui64(argv[2], NULL, 10));
    if (argc >= 2 && !strcmp(argv[1], "tree")) return child_tree();
    if (argc >= 2 && !strcmp(argv[1], "burn")) return burn(NULL);
    if (argc >= 3 && !strcmp(argv[1], "ticker")) return child_ticker(argv[2]);
    if (argc >= 3 && !strcmp(argv[1], "signal"))
    {
        HANDLE ev = OpenEventA(EVENT_MODIFY_STATE, FALSE, argv[2]);
        return ev && SetEvent(ev) ? 0 : 1;
    }
    if (argc >= 3 && !strcmp(argv[1], "breakaway")) return child_breakaway(argv[2]);
    if (argc >= 2 && !strcmp(argv[1], "injob"))
    {
        BOOL in = TRUE;
        return IsProcessInJob(GetCurrentProcess(), NULL, &in) && !in ? 40 : 41;
    }
    test_handle_list();
    test_job_port();
    test_terminate_job();
    test_sixty_four();
    test_times();
    test_winexec();
    test_suspend_process();
    test_terminate();
    return test_summary();
}
