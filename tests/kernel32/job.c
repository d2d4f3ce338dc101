/*
 * tests/kernel32/job.c — job objects: names, assigning processes,
 * accounting and the process id list, children joining their parent's job,
 * TerminateJobObject, KILL_ON_JOB_CLOSE, limits and bad arguments. The
 * program runs itself as a child ("job.exe <mode>").
 */
#include "../test.h"
#include "selfchild.h"


static BOOL start(const WCHAR *args, DWORD flags, PROCESS_INFORMATION *pi)
{
    return start_self(args, FALSE, flags, NULL, pi);
}

/* "spawn": in a job, starts a grandchild and answers whether it is in a job too */
static int child_spawn(void)
{
    PROCESS_INFORMATION pi;
    BOOL in = FALSE;
    if (!start(L"sleep", 0, &pi)) return 10;
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
        return 99;
    }
    test_names();
    test_assign();
    test_children_join();
    test_breakaway();
    test_kill_on_close();
    test_bad();
    return test_summary();
}
