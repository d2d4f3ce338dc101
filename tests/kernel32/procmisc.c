/* tests/kernel32/procmisc.c — process-wide settings: affinity masks, the
   priority boost, Windows Error Reporting flags, RaiseFailFastException. */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include "test.h"

#define WER_FAULT_REPORTING_FLAG_NOHEAP 1   /* werapi.h */

static void test_affinity(void)
{
    DWORD_PTR mask = 0, sys = 0, prev;
    SYSTEM_INFO si;

    GetSystemInfo(&si);
    ok(GetProcessAffinityMask(GetCurrentProcess(), &mask, &sys), "GetProcessAffinityMask failed %lu\n", GetLastError());
    ok(mask != 0 && sys != 0, "masks %Ix %Ix\n", mask, sys);
    ok((mask & ~sys) == 0, "process mask %Ix outside system mask %Ix\n", mask, sys);
    ok(sys == si.dwActiveProcessorMask, "system mask %Ix, GetSystemInfo %Ix\n", sys, si.dwActiveProcessorMask);

    SetLastError(0xdeadbeef);
    ok(!SetProcessAffinityMask(GetCurrentProcess(), 0), "a zero mask was accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    ok(SetProcessAffinityMask(GetCurrentProcess(), 1), "SetProcessAffinityMask(1) failed %lu\n", GetLastError());
    ok(GetProcessAffinityMask(GetCurrentProcess(), &mask, &sys) && mask == 1, "mask now %Ix\n", mask);

    /* a thread mask must stay inside the process's */
    if (sys & 2)
    {
        SetLastError(0xdeadbeef);
        ok(!SetThreadAffinityMask(GetCurrentThread(), 2), "a mask outside the process's was accepted\n");
        ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    }
    prev = SetThreadAffinityMask(GetCurrentThread(), 1);
    ok(prev != 0, "SetThreadAffinityMask failed %lu\n", GetLastError());
    ok(SetProcessAffinityMask(GetCurrentProcess(), sys), "restoring the mask failed %lu\n", GetLastError());
    ok(GetProcessAffinityMask(GetCurrentProcess(), &mask, NULL) && mask == sys, "mask now %Ix\n", mask);
}

static void test_priority_boost(void)
{
    BOOL disabled = 2;
    ok(SetProcessPriorityBoost(GetCurrentProcess(), TRUE), "SetProcessPriorityBoost failed %lu\n", GetLastError());
    /* Wine 8.0's GetProcessPriorityBoost does not report the setting */
    todo_wine(GetProcessPriorityBoost(GetCurrentProcess(), &disabled) && disabled == TRUE, "disabled %d\n", disabled);
    ok(SetProcessPriorityBoost(GetCurrentProcess(), FALSE), "SetProcessPriorityBoost failed %lu\n", GetLastError());
    ok(GetProcessPriorityBoost(GetCurrentProcess(), &disabled) && disabled == FALSE, "disabled %d\n", disabled);
}

static void test_wer(void)
{
    HMODULE k32 = GetModuleHandleA("kernel32.dll");
    HRESULT (WINAPI *pWerSetFlags)(DWORD) = (void *)GetProcAddress(k32, "WerSetFlags");
    HRESULT (WINAPI *pWerGetFlags)(HANDLE, DWORD *) = (void *)GetProcAddress(k32, "WerGetFlags");
    DWORD flags = 0;
    if (!pWerSetFlags || !pWerGetFlags) { skip("no WerSetFlags\n"); return; }
    ok(pWerSetFlags(WER_FAULT_REPORTING_FLAG_NOHEAP) == S_OK, "WerSetFlags failed\n");
    /* Wine 8.0's WerGetFlags is a stub returning E_NOTIMPL */
    todo_wine(pWerGetFlags(GetCurrentProcess(), &flags) == S_OK, "WerGetFlags failed\n");
    todo_wine(flags == WER_FAULT_REPORTING_FLAG_NOHEAP, "flags %lx\n", flags);
    ok(pWerSetFlags(0) == S_OK, "WerSetFlags(0) failed\n");
    todo_wine(pWerGetFlags(GetCurrentProcess(), &flags) == S_OK && flags == 0, "flags %lx\n", flags);
}

/* a child that ends itself with RaiseFailFastException: no handler runs;
   without a record the code is STATUS_FAIL_FAST_EXCEPTION */
static LONG CALLBACK must_not_run(EXCEPTION_POINTERS *ep)
{
    (void)ep;
    ExitProcess(99);
}

static void child_failfast(void)
{
    AddVectoredExceptionHandler(1, must_not_run);
    SetUnhandledExceptionFilter(must_not_run);
    RaiseFailFastException(NULL, NULL, 0);
    ExitProcess(98);
}

static void test_failfast(const char *self)
{
    char cmd[MAX_PATH + 32];
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    DWORD code = 0;

    si.dwFlags = STARTF_USESTDHANDLES;   /* the child's message goes nowhere */
    snprintf(cmd, sizeof(cmd), "\"%s\" failfast", self);
    ok(CreateProcessA(self, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi), "CreateProcess failed %lu\n", GetLastError());
    ok(WaitForSingleObject(pi.hProcess, 20000) == WAIT_OBJECT_0, "child did not end\n");
    GetExitCodeProcess(pi.hProcess, &code);
    ok(code == 0xc0000602 /* STATUS_FAIL_FAST_EXCEPTION */, "exit code %lx\n", code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
}

/* FlushProcessWriteBuffers: a barrier on every thread of the process */
static volatile LONG flag_a, flag_b;
static DWORD WINAPI writer(void *arg)
{
    (void)arg;
    flag_b = 1;
    while (!flag_a) SwitchToThread();
    return 0;
}

static void test_flush_write_buffers(void)
{
    HANDLE t = CreateThread(NULL, 0, writer, NULL, 0, NULL);
    flag_a = 1;
    FlushProcessWriteBuffers();
    ok(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0, "the other thread never saw the write\n");
    while (!flag_b) SwitchToThread();
    CloseHandle(t);
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "failfast")) child_failfast();
    test_affinity();
    test_priority_boost();
    test_wer();
    test_flush_write_buffers();
    test_failfast(argv[0]);
    return test_summary();
}
