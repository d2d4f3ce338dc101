/*
 * tests/kernel32/job.c — job objects: names, assigning processes,
 * accounting and the process id list, children joining their parent's job,
 * TerminateJobObject, KILL_ON_JOB_CLOSE, limits and bad arguments, the
 * messages a job sends to its completion port (what build tools wait on),
 * nested jobs and the active process limit. The program runs itself as a
 * child ("job.exe <mode>").
 */
#include "../test.h"
#include "selfchild.h"


static BOOL start(const WCHAR *args, DWORD flags, PROCESS_INFORMATION *pi)
{
    return start_self(args, FALSE, flags, NULL, pi);
}

/* "spawn": in a job, starts a grandchild and answers whether it is in a job too
   (0), or 10 when CreateProcess failed with ERROR_NOT_ENOUGH_QUOTA */
static int child_spawn(void)
{
    PROCESS_INFORMATION pi;
    BOOL in = FALSE;
    /* refused by an active process limit: ERROR_NOT_ENOUGH_QUOTA */
    if (!start(L"sleep", 0, &pi)) return GetLastError() == ERROR_NOT_ENOUGH_QUOTA ? 10 : 12;
    if (!IsProcessInJob(pi.hProcess, NULL, &in)) in = 2;
    TerminateProcess(pi.hProcess, 0);
    WaitForSingleObject(pi.hProcess, 5000);
    return in == TRUE ? 0 : 11;
}

static void test_names(void)
{
    WCHAR name[64];
    HANDLE j, j2;
    _snwprintf(name, ARRAYSIZE(name), L"wlx-job-%lx", GetCurrentProcessId());
    SetLastError(0xdeadbeef);
    j = CreateJobObjectW(NULL, name);
    ok(j != NULL, "CreateJobObject failed: %lu\n", GetLastError());
    ok(GetLastError() == 0, "last error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    j2 = CreateJobObjectW(NULL, name);
    ok(j2 != NULL && GetLastError() == ERROR_ALREADY_EXISTS, "second CreateJobObject: %p %lu\n", j2, GetLastError());
    CloseHandle(j2);
    j2 = OpenJobObjectW(JOB_OBJECT_ALL_ACCESS, FALSE, name);
    ok(j2 != NULL, "OpenJobObject failed: %lu\n", GetLastError());
    CloseHandle(j2);
    CloseHandle(j);
    SetLastError(0xdeadbeef);
    ok(!OpenJobObjectW(JOB_OBJECT_ALL_ACCESS, FALSE, name), "the job outlived its handles\n");
    ok(GetLastError() == ERROR_FILE_NOT_FOUND, "got %lu\n", GetLastError());

    /* a name held by an event is not a job's */
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, name);
    SetLastError(0xdeadbeef);
    ok(!CreateJobObjectW(NULL, name), "a job took an event's name\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "got %lu\n", GetLastError());
    CloseHandle(e);
}

static void test_assign(void)
{
    JOBOBJECT_BASIC_ACCOUNTING_INFORMATION acct;
    union { JOBOBJECT_BASIC_PROCESS_ID_LIST list; BYTE buf[256]; } ids;
    PROCESS_INFORMATION pi;
    HANDLE j = CreateJobObjectW(NULL, NULL);
    BOOL in = 2;
    DWORD len;

    ok(IsProcessInJob(GetCurrentProcess(), j, &in) && !in, "we are in a new job: %d\n", in);
    if (!ok(start(L"sleep", CREATE_SUSPENDED, &pi), "CreateProcess failed: %lu\n", GetLastError())) return;
    ok(AssignProcessToJobObject(j, pi.hProcess), "AssignProcessToJobObject failed: %lu\n", GetLastError());
    ok(IsProcessInJob(pi.hProcess, j, &in) && in, "the child is not in the job\n");
    ok(IsProcessInJob(pi.hProcess, NULL, &in) && in, "the child is in no job\n");

    ok(QueryInformationJobObject(j, JobObjectBasicAccountingInformation, &acct, sizeof(acct), &len),
       "QueryInformationJobObject failed: %lu\n", GetLastError());
    ok(acct.TotalProcesses == 1 && acct.ActiveProcesses == 1, "total %lu active %lu\n",
       acct.TotalProcesses, acct.ActiveProcesses);
    ok(QueryInformationJobObject(j, JobObjectBasicProcessIdList, &ids, sizeof(ids), &len),
       "QueryInformationJobObject failed: %lu\n", GetLastError());
    ok(ids.list.NumberOfProcessIdsInList == 1 && ids.list.ProcessIdList[0] == pi.dwProcessId,
       "ids: %lu, %Iu\n", ids.list.NumberOfProcessIdsInList, ids.list.ProcessIdList[0]);
    ResumeThread(pi.hThread);

    ok(TerminateJobObject(j, 77), "TerminateJobObject failed: %lu\n", GetLastError());
    ok(finish(&pi) == 77, "the child's exit code is not the job's\n");
    ok(QueryInformationJobObject(j, JobObjectBasicAccountingInformation, &acct, sizeof(acct), &len),
       "QueryInformationJobObject failed\n");
    ok(acct.ActiveProcesses == 0 && acct.TotalProcesses == 1, "after: total %lu active %lu\n",
       acct.TotalProcesses, acct.ActiveProcesses);
    ok(WaitForSingleObject(j, 5000) == WAIT_OBJECT_0, "a terminated job is not signaled\n");
    CloseHandle(j);
}

/* a child of a process in a job is in the job too */
static void test_children_join(void)
{
    PROCESS_INFORMATION pi;
    HANDLE j = CreateJobObjectW(NULL, NULL);
    if (!ok(start(L"spawn", CREATE_SUSPENDED, &pi), "CreateProcess failed\n")) return;
    ok(AssignProcessToJobObject(j, pi.hProcess), "AssignProcessToJobObject failed: %lu\n", GetLastError());
    ResumeThread(pi.hThread);
    DWORD code = finish(&pi);
    ok(code == 0, "the grandchild was not in the job (%lu)\n", code);
    CloseHandle(j);
}

/* "spawnbreak": in a job, starts a grandchild with CREATE_BREAKAWAY_FROM_JOB:
   0 when it is out of the job, 1 when in it, 5 when CreateProcess was refused */
static int child_spawnbreak(void)
{
    PROCESS_INFORMATION pi;
    BOOL in = 2;
    if (!start(L"sleep", CREATE_BREAKAWAY_FROM_JOB, &pi)) return GetLastError() == ERROR_ACCESS_DENIED ? 5 : 10;
    if (!IsProcessInJob(pi.hProcess, NULL, &in)) in = 2;
    TerminateProcess(pi.hProcess, 0);
    WaitForSingleObject(pi.hProcess, 5000);
    return in == FALSE ? 0 : in == TRUE ? 1 : 11;
}

/* CREATE_BREAKAWAY_FROM_JOB: refused unless the job allows it */
static void test_breakaway(void)
{
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits = { 0 };
    PROCESS_INFORMATION pi;
    HANDLE j = CreateJobObjectW(NULL, NULL);
    DWORD code;

    if (!ok(start(L"spawnbreak", CREATE_SUSPENDED, &pi), "CreateProcess failed\n")) return;
    ok(AssignProcessToJobObject(j, pi.hProcess), "AssignProcessToJobObject failed: %lu\n", GetLastError());
    ResumeThread(pi.hThread);
    code = finish(&pi);
    ok(code == 5, "breakaway from a job that does not allow it: %lu\n", code);

    limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_BREAKAWAY_OK;
    ok(SetInformationJobObject(j, JobObjectExtendedLimitInformation, &limits, sizeof(limits)),
       "SetInformationJobObject failed: %lu\n", GetLastError());
    if (!ok(start(L"spawnbreak", CREATE_SUSPENDED, &pi), "CreateProcess failed\n")) return;
    ok(AssignProcessToJobObject(j, pi.hProcess), "AssignProcessToJobObject failed: %lu\n", GetLastError());
    ResumeThread(pi.hThread);
    code = finish(&pi);
    ok(code == 0, "breakaway allowed: %lu\n", code);
    CloseHandle(j);
}

/* KILL_ON_JOB_CLOSE: closing the last handle ends the processes */
static void test_kill_on_close(void)
{
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits = { 0 };
    PROCESS_INFORMATION pi;
    HANDLE j = CreateJobObjectW(NULL, NULL);
    DWORD len;

    limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    ok(SetInformationJobObject(j, JobObjectExtendedLimitInformation, &limits, sizeof(limits)),
       "SetInformationJobObject failed: %lu\n", GetLastError());
    memset(&limits, 0, sizeof(limits));
    ok(QueryInformationJobObject(j, JobObjectExtendedLimitInformation, &limits, sizeof(limits), &len),
       "QueryInformationJobObject failed: %lu\n", GetLastError());
    /* Wine 8.0 answers the limits with zeros */
    todo_wine(limits.BasicLimitInformation.LimitFlags == JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, "flags %lx\n",
              limits.BasicLimitInformation.LimitFlags);
    SetLastError(0xdeadbeef);
    ok(!SetInformationJobObject(j, JobObjectExtendedLimitInformation, &limits, sizeof(limits) - 4),
       "a short buffer was taken\n");
    if (!ok(start(L"sleep", 0, &pi), "CreateProcess failed\n")) return;
    ok(AssignProcessToJobObject(j, pi.hProcess), "AssignProcessToJobObject failed: %lu\n", GetLastError());
    ok(WaitForSingleObject(pi.hProcess, 0) == WAIT_TIMEOUT, "the child ended early\n");
    CloseHandle(j);
    ok(WaitForSingleObject(pi.hProcess, 10000) == WAIT_OBJECT_0, "the child outlived its job\n");
    finish(&pi);
}

/* the next message of a job's port: 5 s at most (never hangs) */
static void expect_msg_(int line, HANDLE port, DWORD msg, ULONG_PTR key, DWORD pid)
{
    DWORD bytes = 0xdeadbeef;
    ULONG_PTR got_key = 0;
    OVERLAPPED *ov = (OVERLAPPED *)0xdeadbeef;
    BOOL r = GetQueuedCompletionStatus(port, &bytes, &got_key, &ov, 5000);
    ok(r, "line %d: no message %lu (%lu)\n", line, msg, GetLastError());
    ok(r && bytes == msg && got_key == key && (ULONG_PTR)ov == pid,
       "line %d: expected %lu key %Iu pid %lx, got %lu key %Iu ov %p\n", line, msg, key, pid, bytes, got_key, ov);
}
#define expect_msg(port, msg, key, pid) expect_msg_(__LINE__, port, msg, key, pid)

static void expect_no_msg(HANDLE port)
{
    DWORD bytes;
    ULONG_PTR key;
    OVERLAPPED *ov;
    SetLastError(0xdeadbeef);
    ok(!GetQueuedCompletionStatus(port, &bytes, &key, &ov, 0) && GetLastError() == WAIT_TIMEOUT,
       "an unexpected message: %lu\n", bytes);
}

static HANDLE job_with_port(ULONG_PTR key, HANDLE *port)
{
    JOBOBJECT_ASSOCIATE_COMPLETION_PORT assoc;
    HANDLE j = CreateJobObjectW(NULL, NULL);
    *port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    assoc.CompletionKey = (void *)key;
    assoc.CompletionPort = *port;
    ok(SetInformationJobObject(j, JobObjectAssociateCompletionPortInformation, &assoc, sizeof(assoc)),
       "associating the port failed: %lu\n", GetLastError());
    return j;
}

/* JOBOBJECT_ASSOCIATE_COMPLETION_PORT: NEW_PROCESS when a process joins,
   EXIT_PROCESS when it ends, ACTIVE_PROCESS_ZERO when the last one did */
static void test_port_messages(void)
{
    PROCESS_INFORMATION pi, pi2;
    HANDLE port, j = job_with_port(0x55, &port);

    if (!ok(start(L"sleep", CREATE_SUSPENDED, &pi), "CreateProcess failed\n")) return;
    ok(AssignProcessToJobObject(j, pi.hProcess), "AssignProcessToJobObject failed: %lu\n", GetLastError());
    expect_msg(port, JOB_OBJECT_MSG_NEW_PROCESS, 0x55, pi.dwProcessId);
    if (!ok(start(L"sleep", CREATE_SUSPENDED, &pi2), "CreateProcess failed\n")) return;
    ok(AssignProcessToJobObject(j, pi2.hProcess), "AssignProcessToJobObject failed: %lu\n", GetLastError());
    expect_msg(port, JOB_OBJECT_MSG_NEW_PROCESS, 0x55, pi2.dwProcessId);
    expect_no_msg(port);

    TerminateProcess(pi.hProcess, 3);
    finish(&pi);
    expect_msg(port, JOB_OBJECT_MSG_EXIT_PROCESS, 0x55, pi.dwProcessId);
    expect_no_msg(port);   /* one is still running */
    TerminateProcess(pi2.hProcess, 4);
    finish(&pi2);
    expect_msg(port, JOB_OBJECT_MSG_EXIT_PROCESS, 0x55, pi2.dwProcessId);
    expect_msg(port, JOB_OBJECT_MSG_ACTIVE_PROCESS_ZERO, 0x55, 0);
    expect_no_msg(port);
    CloseHandle(j);
    CloseHandle(port);
}

/* a port associated with a job that already has a process hears of it; a
   port closed while associated does not disturb the job */
static void test_port_late(void)
{
    JOBOBJECT_ASSOCIATE_COMPLETION_PORT assoc;
    JOBOBJECT_BASIC_ACCOUNTING_INFORMATION acct;
    PROCESS_INFORMATION pi;
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1), j = CreateJobObjectW(NULL, NULL);
    DWORD len;

    if (!ok(start(L"sleep", CREATE_SUSPENDED, &pi), "CreateProcess failed\n")) return;
    ok(AssignProcessToJobObject(j, pi.hProcess), "AssignProcessToJobObject failed: %lu\n", GetLastError());
    assoc.CompletionKey = (void *)3;
    assoc.CompletionPort = port;
    ok(SetInformationJobObject(j, JobObjectAssociateCompletionPortInformation, &assoc, sizeof(assoc)),
       "associating the port failed: %lu\n", GetLastError());
    expect_msg(port, JOB_OBJECT_MSG_NEW_PROCESS, 3, pi.dwProcessId);
    expect_no_msg(port);
    CloseHandle(port);
    TerminateProcess(pi.hProcess, 1);
    finish(&pi);
    ok(QueryInformationJobObject(j, JobObjectBasicAccountingInformation, &acct, sizeof(acct), &len),
       "QueryInformationJobObject failed: %lu\n", GetLastError());
    ok(acct.ActiveProcesses == 0 && acct.TotalProcesses == 1, "total %lu active %lu\n",
       acct.TotalProcesses, acct.ActiveProcesses);
    CloseHandle(j);
}

/* "exitcode <n>": ends with that exit code */
static int child_exitcode(const char *arg)
{
    ExitProcess(strtoul(arg, NULL, 16));
}

/* an exit code that says the process died of an exception is reported as
   an abnormal exit; the children of a member join the job and are reported */
static void test_port_exit_kinds(void)
{
    PROCESS_INFORMATION pi;
    HANDLE port, j = job_with_port(7, &port);
    DWORD grandchild = 0, bytes;
    ULONG_PTR key;
    OVERLAPPED *ov;

    if (!ok(start(L"exitcode c0000005", CREATE_SUSPENDED, &pi), "CreateProcess failed\n")) return;
    ok(AssignProcessToJobObject(j, pi.hProcess), "AssignProcessToJobObject failed: %lu\n", GetLastError());
    ResumeThread(pi.hThread);
    ok(finish(&pi) == 0xc0000005, "exit code\n");
    expect_msg(port, JOB_OBJECT_MSG_NEW_PROCESS, 7, pi.dwProcessId);
    /* Wine 8.0 reports every end as JOB_OBJECT_MSG_EXIT_PROCESS */
    if (test_is("wine")) expect_msg(port, JOB_OBJECT_MSG_EXIT_PROCESS, 7, pi.dwProcessId);
    else expect_msg(port, JOB_OBJECT_MSG_ABNORMAL_EXIT_PROCESS, 7, pi.dwProcessId);
    expect_msg(port, JOB_OBJECT_MSG_ACTIVE_PROCESS_ZERO, 7, 0);

    /* "spawn" starts a grandchild, ends it, then ends itself */
    if (!ok(start(L"spawn", CREATE_SUSPENDED, &pi), "CreateProcess failed\n")) return;
    ok(AssignProcessToJobObject(j, pi.hProcess), "AssignProcessToJobObject failed: %lu\n", GetLastError());
    ResumeThread(pi.hThread);
    ok(finish(&pi) == 0, "the grandchild was not in the job\n");
    expect_msg(port, JOB_OBJECT_MSG_NEW_PROCESS, 7, pi.dwProcessId);
    if (ok(GetQueuedCompletionStatus(port, &bytes, &key, &ov, 5000) && bytes == JOB_OBJECT_MSG_NEW_PROCESS,
           "no message for the grandchild\n"))
        grandchild = (DWORD)(ULONG_PTR)ov;
    ok(grandchild && grandchild != pi.dwProcessId, "grandchild %lx\n", grandchild);
    expect_msg(port, JOB_OBJECT_MSG_EXIT_PROCESS, 7, grandchild);
    expect_msg(port, JOB_OBJECT_MSG_EXIT_PROCESS, 7, pi.dwProcessId);
    expect_msg(port, JOB_OBJECT_MSG_ACTIVE_PROCESS_ZERO, 7, 0);
    expect_no_msg(port);
    CloseHandle(j);
    CloseHandle(port);
}

/* what a build tool does: a job that kills on close, a port, and a wait for
   ACTIVE_PROCESS_ZERO while the children run and end on their own */
static void test_port_build_tool(void)
{
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits = { 0 };
    PROCESS_INFORMATION pi[3];
    HANDLE port, j = job_with_port(1, &port);
    DWORD bytes, exits = 0;
    ULONG_PTR key;
    OVERLAPPED *ov;
    int i, zero = 0;

    limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    ok(SetInformationJobObject(j, JobObjectExtendedLimitInformation, &limits, sizeof(limits)), "limits\n");
    for (i = 0; i < 3; i++)
    {
        if (!ok(start(L"exitcode 0", CREATE_SUSPENDED, &pi[i]), "CreateProcess failed\n")) return;
        ok(AssignProcessToJobObject(j, pi[i].hProcess), "AssignProcessToJobObject failed: %lu\n", GetLastError());
    }
    for (i = 0; i < 3; i++) ResumeThread(pi[i].hThread);
    while (!zero && GetQueuedCompletionStatus(port, &bytes, &key, &ov, 10000))
    {
        if (bytes == JOB_OBJECT_MSG_EXIT_PROCESS) exits++;
        zero = bytes == JOB_OBJECT_MSG_ACTIVE_PROCESS_ZERO;
    }
    ok(zero && exits == 3, "zero %d after %lu exits\n", zero, exits);
    for (i = 0; i < 3; i++) ok(finish(&pi[i]) == 0, "exit code\n");
    CloseHandle(j);
    CloseHandle(port);
}

/* nested jobs (Windows 8+): a process in a job assigned to an empty job
   nests that job under its own; the parent's accounting covers it, and
   ending the parent ends it */
static void test_nested(void)
{
    JOBOBJECT_BASIC_ACCOUNTING_INFORMATION acct;
    union { JOBOBJECT_BASIC_PROCESS_ID_LIST list; BYTE buf[256]; } ids;
    PROCESS_INFORMATION pi, pi2;
    HANDLE port, outer = job_with_port(9, &port), inner = CreateJobObjectW(NULL, NULL);
    HANDLE other = CreateJobObjectW(NULL, NULL);
    BOOL in;
    DWORD len;

    if (!ok(start(L"sleep", CREATE_SUSPENDED, &pi), "CreateProcess failed\n")) return;
    if (!ok(start(L"sleep", CREATE_SUSPENDED, &pi2), "CreateProcess failed\n")) return;
    ok(AssignProcessToJobObject(outer, pi.hProcess), "AssignProcessToJobObject failed: %lu\n", GetLastError());
    expect_msg(port, JOB_OBJECT_MSG_NEW_PROCESS, 9, pi.dwProcessId);
    ok(AssignProcessToJobObject(inner, pi.hProcess), "nesting failed: %lu\n", GetLastError());
    ok(IsProcessInJob(pi.hProcess, inner, &in) && in, "not in the inner job\n");
    ok(IsProcessInJob(pi.hProcess, outer, &in) && in, "not in the outer job any more\n");

    /* a job with processes of its own, outside the chain, is refused */
    ok(AssignProcessToJobObject(other, pi2.hProcess), "AssignProcessToJobObject failed: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!AssignProcessToJobObject(other, pi.hProcess), "a job outside the hierarchy took the process\n");
    ok(GetLastError() == ERROR_ACCESS_DENIED, "got %lu\n", GetLastError());

    ok(QueryInformationJobObject(outer, JobObjectBasicAccountingInformation, &acct, sizeof(acct), &len),
       "QueryInformationJobObject failed: %lu\n", GetLastError());
    ok(acct.TotalProcesses == 1 && acct.ActiveProcesses == 1, "outer: total %lu active %lu\n",
       acct.TotalProcesses, acct.ActiveProcesses);
    ok(QueryInformationJobObject(outer, JobObjectBasicProcessIdList, &ids, sizeof(ids), &len),
       "QueryInformationJobObject failed: %lu\n", GetLastError());
    ok(ids.list.NumberOfProcessIdsInList == 1 && ids.list.ProcessIdList[0] == pi.dwProcessId,
       "outer ids: %lu\n", ids.list.NumberOfProcessIdsInList);
    ok(QueryInformationJobObject(inner, JobObjectBasicAccountingInformation, &acct, sizeof(acct), &len),
       "QueryInformationJobObject failed: %lu\n", GetLastError());
    ok(acct.TotalProcesses == 1 && acct.ActiveProcesses == 1, "inner: total %lu active %lu\n",
       acct.TotalProcesses, acct.ActiveProcesses);

    /* the outer job's end reaches the inner job's process */
    ok(TerminateJobObject(outer, 12), "TerminateJobObject failed: %lu\n", GetLastError());
    ok(finish(&pi) == 12, "the nested process outlived the outer job\n");
    expect_msg(port, JOB_OBJECT_MSG_EXIT_PROCESS, 9, pi.dwProcessId);
    expect_msg(port, JOB_OBJECT_MSG_ACTIVE_PROCESS_ZERO, 9, 0);
    TerminateProcess(pi2.hProcess, 0);
    finish(&pi2);
    CloseHandle(inner);
    CloseHandle(outer);
    CloseHandle(other);
    CloseHandle(port);
}

/* KILL_ON_JOB_CLOSE of a parent job ends the processes of its child jobs */
static void test_nested_kill_on_close(void)
{
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits = { 0 };
    PROCESS_INFORMATION pi;
    HANDLE outer = CreateJobObjectW(NULL, NULL), inner = CreateJobObjectW(NULL, NULL);

    limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    ok(SetInformationJobObject(outer, JobObjectExtendedLimitInformation, &limits, sizeof(limits)), "limits\n");
    if (!ok(start(L"sleep", 0, &pi), "CreateProcess failed\n")) return;
    ok(AssignProcessToJobObject(outer, pi.hProcess), "AssignProcessToJobObject failed: %lu\n", GetLastError());
    ok(AssignProcessToJobObject(inner, pi.hProcess), "nesting failed: %lu\n", GetLastError());
    CloseHandle(outer);
    ok(WaitForSingleObject(pi.hProcess, 10000) == WAIT_OBJECT_0, "the nested process outlived the outer job\n");
    finish(&pi);
    CloseHandle(inner);
}

/* ActiveProcessLimit: a process assigned over it is ended and the
   assignment fails; the port hears ACTIVE_PROCESS_LIMIT */
static void test_active_limit(void)
{
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits = { 0 };
    PROCESS_INFORMATION pi, pi2;
    HANDLE port, j = job_with_port(5, &port);

    limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_ACTIVE_PROCESS;
    limits.BasicLimitInformation.ActiveProcessLimit = 1;
    ok(SetInformationJobObject(j, JobObjectExtendedLimitInformation, &limits, sizeof(limits)), "limits\n");
    if (!ok(start(L"sleep", CREATE_SUSPENDED, &pi), "CreateProcess failed\n")) return;
    if (!ok(start(L"sleep", CREATE_SUSPENDED, &pi2), "CreateProcess failed\n")) return;
    ok(AssignProcessToJobObject(j, pi.hProcess), "AssignProcessToJobObject failed: %lu\n", GetLastError());
    expect_msg(port, JOB_OBJECT_MSG_NEW_PROCESS, 5, pi.dwProcessId);
    /* Wine 8.0 does not enforce ActiveProcessLimit */
    todo_wine(!AssignProcessToJobObject(j, pi2.hProcess), "a process over the limit was taken\n");
    todo_wine(WaitForSingleObject(pi2.hProcess, 5000) == WAIT_OBJECT_0, "the process over the limit still runs\n");
    if (!test_is("wine")) expect_msg(port, JOB_OBJECT_MSG_ACTIVE_PROCESS_LIMIT, 5, 0);
    TerminateJobObject(j, 0);
    TerminateProcess(pi2.hProcess, 0);
    finish(&pi);
    finish(&pi2);
    CloseHandle(j);
    CloseHandle(port);

    /* a member at the limit cannot start a child ("spawn" answers 10) */
    j = job_with_port(5, &port);
    ok(SetInformationJobObject(j, JobObjectExtendedLimitInformation, &limits, sizeof(limits)), "limits\n");
    if (!ok(start(L"spawn", CREATE_SUSPENDED, &pi), "CreateProcess failed\n")) return;
    ok(AssignProcessToJobObject(j, pi.hProcess), "AssignProcessToJobObject failed: %lu\n", GetLastError());
    expect_msg(port, JOB_OBJECT_MSG_NEW_PROCESS, 5, pi.dwProcessId);
    ResumeThread(pi.hThread);
    todo_wine(finish(&pi) == 10, "a member at the limit started a child\n");
    if (!test_is("wine")) expect_msg(port, JOB_OBJECT_MSG_ACTIVE_PROCESS_LIMIT, 5, 0);
    CloseHandle(j);
    CloseHandle(port);
}

/* the extended limits read back as set; BasicAndIoAccounting counts */
static void test_limits_roundtrip(void)
{
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits = { 0 }, back;
    JOBOBJECT_BASIC_AND_IO_ACCOUNTING_INFORMATION io;
    PROCESS_INFORMATION pi;
    HANDLE j = CreateJobObjectW(NULL, NULL);
    DWORD len = 0;

    limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_ACTIVE_PROCESS | JOB_OBJECT_LIMIT_JOB_MEMORY
                                              | JOB_OBJECT_LIMIT_BREAKAWAY_OK;
    limits.BasicLimitInformation.ActiveProcessLimit = 3;
    limits.JobMemoryLimit = 512 << 20;
    ok(SetInformationJobObject(j, JobObjectExtendedLimitInformation, &limits, sizeof(limits)), "limits\n");
    memset(&back, 0xcc, sizeof(back));
    ok(QueryInformationJobObject(j, JobObjectExtendedLimitInformation, &back, sizeof(back), &len),
       "QueryInformationJobObject failed: %lu\n", GetLastError());
    ok(len == sizeof(back), "len %lu\n", len);
    /* Wine 8.0 answers the limits with zeros */
    todo_wine(back.BasicLimitInformation.LimitFlags == limits.BasicLimitInformation.LimitFlags
              && back.BasicLimitInformation.ActiveProcessLimit == 3 && back.JobMemoryLimit == 512 << 20,
              "flags %lx limit %lu memory %Iu\n", back.BasicLimitInformation.LimitFlags,
              back.BasicLimitInformation.ActiveProcessLimit, back.JobMemoryLimit);

    if (!ok(start(L"sleep", CREATE_SUSPENDED, &pi), "CreateProcess failed\n")) return;
    ok(AssignProcessToJobObject(j, pi.hProcess), "AssignProcessToJobObject failed: %lu\n", GetLastError());
    /* Wine 8.0 does not know JobObjectBasicAndIoAccountingInformation (ERROR_INVALID_FUNCTION) */
    memset(&io, 0xcc, sizeof(io));
    len = 0;
    todo_wine(QueryInformationJobObject(j, JobObjectBasicAndIoAccountingInformation, &io, sizeof(io), &len)
              && len == sizeof(io), "QueryInformationJobObject failed: %lu\n", GetLastError());
    todo_wine(io.BasicInfo.TotalProcesses == 1 && io.BasicInfo.ActiveProcesses == 1
              && !io.IoInfo.OtherOperationCount, "total %lu active %lu\n",
              io.BasicInfo.TotalProcesses, io.BasicInfo.ActiveProcesses);
    SetLastError(0xdeadbeef);
    ok(!QueryInformationJobObject(j, JobObjectBasicAndIoAccountingInformation, &io, sizeof(io) - 8, &len),
       "a short buffer was taken\n");
    todo_wine(GetLastError() == ERROR_BAD_LENGTH, "got %lu\n", GetLastError());
    TerminateJobObject(j, 0);
    finish(&pi);
    CloseHandle(j);
}

static void test_bad(void)
{
    BOOL in;
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
    SetLastError(0xdeadbeef);
    ok(!AssignProcessToJobObject(e, GetCurrentProcess()), "an event took a process\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "got %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!TerminateJobObject((HANDLE)0xdead00, 0), "a bad handle was terminated\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "got %lu\n", GetLastError());
    ok(IsProcessInJob(GetCurrentProcess(), NULL, &in), "IsProcessInJob failed\n");
    CloseHandle(e);
}

int main(int argc, char **argv)
{
    test_start("kernel32:job");
    GetModuleFileNameW(NULL, module, MAX_PATH);
    if (argc > 1)
    {
        if (!strcmp(argv[1], "sleep")) { Sleep(20000); return 3; }
        if (!strcmp(argv[1], "spawn")) return child_spawn();
        if (!strcmp(argv[1], "spawnbreak")) return child_spawnbreak();
        if (!strcmp(argv[1], "exitcode") && argc > 2) return child_exitcode(argv[2]);
        return 99;
    }
    test_names();
    test_assign();
    test_children_join();
    test_breakaway();
    test_kill_on_close();
    test_port_messages();
    test_port_exit_kinds();
    test_port_build_tool();
    test_port_late();
    test_nested();
    test_nested_kill_on_close();
    test_active_limit();
    test_limits_roundtrip();
    test_bad();
    return test_summary();
}
