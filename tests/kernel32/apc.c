/*
 * tests/kernel32/apc.c — user APCs (QueueUserAPC and alertable waits:
 * SleepEx, WaitForSingleObjectEx, WaitForMultipleObjectsEx) and waitable
 * timers (relative and absolute due times, manual and auto reset, periodic,
 * cancel, names, completion routines). No timing is asserted: waits have
 * generous bounds and only their outcome is checked.
 */
#include "test.h"

static int apc_calls;
static ULONG_PTR apc_order[8];
static DWORD apc_thread;

static void CALLBACK record_apc(ULONG_PTR data)
{
    if (apc_calls < 8) apc_order[apc_calls] = data;
    apc_calls++;
    apc_thread = GetCurrentThreadId();
}

static void test_apc_self(void)
{
    DWORD ret;
    apc_calls = 0;
    ok(SleepEx(0, TRUE) == 0, "SleepEx(0, TRUE) with no APC did not return 0\n");
    ok(QueueUserAPC(record_apc, GetCurrentThread(), 1), "QueueUserAPC failed, error %lu\n", GetLastError());
    Sleep(0);
    ok(SleepEx(10, FALSE) == 0, "a non-alertable SleepEx did not return 0\n");
    ok(apc_calls == 0, "an APC ran in a non-alertable sleep\n");
    ret = SleepEx(0, TRUE);
    ok(ret == WAIT_IO_COMPLETION, "SleepEx(0, TRUE) returned %lu\n", ret);
    ok(apc_calls == 1, "the APC ran %d times\n", apc_calls);
    ok(apc_thread == GetCurrentThreadId(), "the APC ran on another thread\n");

    ok(QueueUserAPC(record_apc, GetCurrentThread(), 2), "QueueUserAPC failed\n");
    ret = SleepEx(INFINITE, TRUE);
    ok(ret == WAIT_IO_COMPLETION, "SleepEx(INFINITE, TRUE) returned %lu\n", ret);
    ok(apc_calls == 2 && apc_order[1] == 2, "the second APC did not run (%d calls)\n", apc_calls);
    ok(SleepEx(0, TRUE) == 0, "SleepEx after the APCs ran returned non-zero\n");
}

static void test_apc_fifo(void)
{
    apc_calls = 0;
    for (ULONG_PTR i = 1; i <= 3; i++)
        ok(QueueUserAPC(record_apc, GetCurrentThread(), i), "QueueUserAPC failed\n");
    ok(SleepEx(0, TRUE) == WAIT_IO_COMPLETION, "SleepEx did not run the APCs\n");
    ok(apc_calls == 3, "%d APCs ran, expected 3\n", apc_calls);
    ok(apc_order[0] == 1 && apc_order[1] == 2 && apc_order[2] == 3, "APC order %Iu %Iu %Iu\n",
       apc_order[0], apc_order[1], apc_order[2]);
}

static void test_apc_waits(void)
{
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL), handles[2];
    DWORD ret;
    apc_calls = 0;
    ok(WaitForSingleObjectEx(e, 0, TRUE) == WAIT_TIMEOUT, "alertable wait with no APC did not time out\n");
    ok(QueueUserAPC(record_apc, GetCurrentThread(), 5), "QueueUserAPC failed\n");
    ok(WaitForSingleObject(e, 10) == WAIT_TIMEOUT, "non-alertable wait did not time out\n");
    ok(apc_calls == 0, "an APC ran in a non-alertable wait\n");
    ret = WaitForSingleObjectEx(e, INFINITE, TRUE);
    ok(ret == WAIT_IO_COMPLETION, "WaitForSingleObjectEx returned %lu\n", ret);
    ok(apc_calls == 1, "the APC ran %d times\n", apc_calls);

    handles[0] = e;
    handles[1] = CreateEventW(NULL, FALSE, FALSE, NULL);
    ok(QueueUserAPC(record_apc, GetCurrentThread(), 6), "QueueUserAPC failed\n");
    ret = WaitForMultipleObjectsEx(2, handles, FALSE, INFINITE, TRUE);
    ok(ret == WAIT_IO_COMPLETION, "WaitForMultipleObjectsEx returned %lu\n", ret);
    ok(apc_calls == 2 && apc_order[1] == 6, "the APC did not run (%d calls)\n", apc_calls);
    CloseHandle(handles[1]);
    CloseHandle(e);
}

struct waiter { HANDLE ready, never; DWORD result, tid; };

static DWORD WINAPI alertable_waiter(void *arg)
{
    struct waiter *w = arg;
    w->tid = GetCurrentThreadId();
    SetEvent(w->ready);
    w->result = WaitForSingleObjectEx(w->never, 10000, TRUE);
    return 0;
}

static void CALLBACK queue_more_apc(ULONG_PTR data)
{
    record_apc(data);
    if (data < 3) QueueUserAPC(queue_more_apc, GetCurrentThread(), data + 1);
}

static void test_apc_nested_and_errors(void)
{
    HANDLE e = CreateEventW(NULL, TRUE, TRUE, NULL);
    DWORD ret;
    /* APCs queued by an APC run in the same alertable wait */
    apc_calls = 0;
    ok(QueueUserAPC(queue_more_apc, GetCurrentThread(), 1), "QueueUserAPC failed\n");
    ok(SleepEx(0, TRUE) == WAIT_IO_COMPLETION, "SleepEx did not run the APCs\n");
    ok(apc_calls == 3, "%d APCs ran, expected 3\n", apc_calls);

    /* a signaled object wins over a queued APC, which stays queued */
    apc_calls = 0;
    ok(QueueUserAPC(record_apc, GetCurrentThread(), 9), "QueueUserAPC failed\n");
    ret = WaitForSingleObjectEx(e, 0, TRUE);
    ok(ret == WAIT_OBJECT_0, "alertable wait on a signaled event returned %lu\n", ret);
    ok(apc_calls == 0, "the APC ran although the event was signaled\n");
    ok(SleepEx(0, TRUE) == WAIT_IO_COMPLETION && apc_calls == 1, "the APC was lost\n");
    CloseHandle(e);

    SetLastError(0xdeadbeef);
    ok(!QueueUserAPC(record_apc, NULL, 0), "QueueUserAPC on a NULL handle succeeded\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "error %lu\n", GetLastError());
}

static void test_apc_other_thread(void)
{
    struct waiter w = { CreateEventW(NULL, TRUE, FALSE, NULL), CreateEventW(NULL, TRUE, FALSE, NULL), 0, 0 };
    HANDLE t;
    apc_calls = 0;
    apc_thread = 0;
    t = CreateThread(NULL, 0, alertable_waiter, &w, 0, NULL);
    ok(t != NULL, "CreateThread failed\n");
    ok(WaitForSingleObject(w.ready, 10000) == WAIT_OBJECT_0, "the thread did not start\n");
    ok(QueueUserAPC(record_apc, t, 7), "QueueUserAPC failed, error %lu\n", GetLastError());
    ok(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0, "the thread did not end\n");
    ok(w.result == WAIT_IO_COMPLETION, "the thread's wait returned %lu\n", w.result);
    ok(apc_calls == 1 && apc_order[0] == 7, "the APC did not run (%d calls)\n", apc_calls);
    ok(apc_thread == w.tid, "the APC ran on thread %lu, not %lu\n", apc_thread, w.tid);
    /* an ended thread takes no APC (STATUS_UNSUCCESSFUL) */
    SetLastError(0xdeadbeef);
    ok(!QueueUserAPC(record_apc, t, 8), "QueueUserAPC to an ended thread succeeded\n");
    ok(GetLastError() == ERROR_GEN_FAILURE, "error %lu\n", GetLastError());
    CloseHandle(t);
    CloseHandle(w.ready);
    CloseHandle(w.never);
}

/* --- waitable timers ------------------------------------------------------ */

static LARGE_INTEGER relative_ms(LONGLONG ms)
{
    LARGE_INTEGER due;
    due.QuadPart = -ms * 10000;
    return due;
}

static void test_timer_manual_auto(void)
{
    LARGE_INTEGER due = relative_ms(20);
    HANDLE t = CreateWaitableTimerW(NULL, TRUE, NULL);
    ok(t != NULL, "CreateWaitableTimerW failed, error %lu\n", GetLastError());
    ok(WaitForSingleObject(t, 0) == WAIT_TIMEOUT, "a new timer is signaled\n");
    ok(SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE), "SetWaitableTimer failed, error %lu\n", GetLastError());
    ok(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0, "the manual timer did not signal\n");
    ok(WaitForSingleObject(t, 0) == WAIT_OBJECT_0, "a manual-reset timer was reset by a wait\n");
    /* setting it again makes it unsignaled until the new due time */
    due = relative_ms(60000);
    ok(SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE), "SetWaitableTimer failed\n");
    ok(WaitForSingleObject(t, 0) == WAIT_TIMEOUT, "a timer set again stayed signaled\n");
    ok(CancelWaitableTimer(t), "CancelWaitableTimer failed\n");
    CloseHandle(t);

    t = CreateWaitableTimerA(NULL, FALSE, NULL);
    ok(t != NULL, "CreateWaitableTimerA failed, error %lu\n", GetLastError());
    due = relative_ms(20);
    ok(SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE), "SetWaitableTimer failed\n");
    ok(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0, "the auto timer did not signal\n");
    ok(WaitForSingleObject(t, 0) == WAIT_TIMEOUT, "an auto-reset timer was not reset by a wait\n");
    CloseHandle(t);
}

static void test_timer_absolute(void)
{
    HANDLE t = CreateWaitableTimerExW(NULL, NULL, CREATE_WAITABLE_TIMER_MANUAL_RESET, TIMER_ALL_ACCESS);
    FILETIME ft;
    LARGE_INTEGER due;
    ok(t != NULL, "CreateWaitableTimerExW failed, error %lu\n", GetLastError());
    GetSystemTimeAsFileTime(&ft);
    due.QuadPart = ((LONGLONG)ft.dwHighDateTime << 32 | ft.dwLowDateTime) + 20 * 10000;
    ok(SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE), "SetWaitableTimer failed\n");
    ok(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0, "the absolute timer did not signal\n");
    CloseHandle(t);
}

static void test_timer_periodic_cancel(void)
{
    LARGE_INTEGER due = relative_ms(10);
    HANDLE t = CreateWaitableTimerW(NULL, FALSE, NULL), handles[2];
    int fired = 0;
    ok(SetWaitableTimer(t, &due, 10, NULL, NULL, FALSE), "SetWaitableTimer failed\n");
    for (int i = 0; i < 3; i++) if (WaitForSingleObject(t, 10000) == WAIT_OBJECT_0) fired++;
    ok(fired == 3, "a periodic timer fired %d times of 3\n", fired);
    handles[0] = CreateEventW(NULL, TRUE, FALSE, NULL);
    handles[1] = t;
    ok(WaitForMultipleObjects(2, handles, FALSE, 10000) == WAIT_OBJECT_0 + 1,
       "WaitForMultipleObjects on a periodic timer failed\n");
    ok(CancelWaitableTimer(t), "CancelWaitableTimer failed, error %lu\n", GetLastError());
    WaitForSingleObject(t, 0);   /* a last period may have signaled it */
    ok(WaitForSingleObject(t, 200) == WAIT_TIMEOUT, "a cancelled timer signaled\n");
    CloseHandle(handles[0]);
    CloseHandle(t);

    /* cancelled before its due time: it never signals */
    t = CreateWaitableTimerW(NULL, TRUE, NULL);
    due = relative_ms(50);
    ok(SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE), "SetWaitableTimer failed\n");
    ok(CancelWaitableTimer(t), "CancelWaitableTimer failed\n");
    ok(WaitForSingleObject(t, 300) == WAIT_TIMEOUT, "a timer cancelled before its due time signaled\n");
    CloseHandle(t);
}

static void test_timer_names(void)
{
    HANDLE t = CreateWaitableTimerW(NULL, TRUE, L"wlx_apc_test_timer"), t2, t3;
    LARGE_INTEGER due = relative_ms(10);
    ok(t != NULL && GetLastError() == 0, "CreateWaitableTimerW failed, error %lu\n", GetLastError());
    t2 = CreateWaitableTimerW(NULL, TRUE, L"wlx_apc_test_timer");
    ok(t2 != NULL && GetLastError() == ERROR_ALREADY_EXISTS, "second create: error %lu\n", GetLastError());
    t3 = OpenWaitableTimerA(TIMER_ALL_ACCESS, FALSE, "wlx_apc_test_timer");
    ok(t3 != NULL, "OpenWaitableTimerA failed, error %lu\n", GetLastError());
    ok(SetWaitableTimer(t3, &due, 0, NULL, NULL, FALSE), "SetWaitableTimer failed\n");
    ok(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0, "the timer opened by name did not signal\n");
    SetLastError(0xdeadbeef);
    ok(!OpenWaitableTimerW(TIMER_ALL_ACCESS, FALSE, L"wlx_apc_no_such_timer"), "opened a missing timer\n");
    ok(GetLastError() == ERROR_FILE_NOT_FOUND, "missing timer: error %lu\n", GetLastError());
    CloseHandle(t3);
    CloseHandle(t2);
    CloseHandle(t);
}

static int routine_calls;
static void *routine_arg;

static void CALLBACK timer_routine(void *arg, DWORD low, DWORD high)
{
    routine_calls++;
    routine_arg = arg;
    (void)low; (void)high;   /* documented as the FILETIME it fired; Wine passes other values */
}

static void test_timer_routine(void)
{
    HANDLE t = CreateWaitableTimerW(NULL, TRUE, NULL);
    LARGE_INTEGER due = relative_ms(10);
    DWORD ret;
    routine_calls = 0;
    ok(SetWaitableTimer(t, &due, 0, timer_routine, &routine_calls, FALSE), "SetWaitableTimer failed\n");
    /* a non-alertable wait sees the timer signaled but runs no routine */
    ok(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0, "the timer did not signal\n");
    ok(routine_calls == 0, "the completion routine ran in a non-alertable wait\n");
    ret = SleepEx(INFINITE, TRUE);
    ok(ret == WAIT_IO_COMPLETION, "SleepEx returned %lu\n", ret);
    ok(routine_calls == 1, "the completion routine ran %d times\n", routine_calls);
    ok(routine_arg == &routine_calls, "the routine's argument is %p\n", routine_arg);
    CloseHandle(t);

    /* a periodic timer queues its routine at every period */
    t = CreateWaitableTimerW(NULL, FALSE, NULL);
    due = relative_ms(10);
    routine_calls = 0;
    ok(SetWaitableTimer(t, &due, 10, timer_routine, &routine_calls, FALSE), "SetWaitableTimer failed\n");
    for (int i = 0; i < 100 && routine_calls < 2; i++) SleepEx(10000, TRUE);
    ok(routine_calls >= 2, "the periodic routine ran %d times\n", routine_calls);
    ok(CancelWaitableTimer(t), "CancelWaitableTimer failed\n");
    CloseHandle(t);
    SleepEx(0, TRUE);   /* a routine queued before the cancel */
}

/* the NT calls underneath, found at run time */
typedef NTSTATUS (NTAPI *QUEUE_APC_FN)(HANDLE, void *, ULONG_PTR, ULONG_PTR, ULONG_PTR);
typedef NTSTATUS (NTAPI *QUERY_TIMER_FN)(HANDLE, int, void *, ULONG, ULONG *);

static ULONG_PTR nt_apc_args[3];

static void CALLBACK nt_apc(ULONG_PTR a, ULONG_PTR b, ULONG_PTR c)
{
    nt_apc_args[0] = a; nt_apc_args[1] = b; nt_apc_args[2] = c;
}

static void test_nt_calls(void)
{
    HMODULE ntdll = GetModuleHandleA("ntdll.dll");
    QUEUE_APC_FN queue = (QUEUE_APC_FN)(void *)GetProcAddress(ntdll, "NtQueueApcThread");
    QUERY_TIMER_FN query = (QUERY_TIMER_FN)(void *)GetProcAddress(ntdll, "NtQueryTimer");
    struct { LARGE_INTEGER remaining; BOOLEAN state; } info;
    LARGE_INTEGER due = relative_ms(60000);
    HANDLE t;
    ULONG len = 0;
    NTSTATUS status;
    if (!queue || !query) { skip("no NtQueueApcThread or NtQueryTimer\n"); return; }

    status = queue(GetCurrentThread(), nt_apc, 11, 22, 33);
    ok(status == 0, "NtQueueApcThread returned %#lx\n", status);
    ok(SleepEx(0, TRUE) == WAIT_IO_COMPLETION, "the NT APC did not run\n");
    ok(nt_apc_args[0] == 11 && nt_apc_args[1] == 22 && nt_apc_args[2] == 33, "NT APC arguments %Iu %Iu %Iu\n",
       nt_apc_args[0], nt_apc_args[1], nt_apc_args[2]);

    t = CreateWaitableTimerW(NULL, TRUE, NULL);
    ok(SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE), "SetWaitableTimer failed\n");
    memset(&info, 0xcc, sizeof(info));
    status = query(t, 0, &info, sizeof(info), &len);
    ok(status == 0, "NtQueryTimer returned %#lx\n", status);
    ok(len == sizeof(info), "length %lu\n", len);
    ok(info.remaining.QuadPart > 0, "remaining time %I64d of a set timer\n", info.remaining.QuadPart);
    ok(!info.state, "a set timer is signaled\n");
    due = relative_ms(10);
    ok(SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE), "SetWaitableTimer failed\n");
    ok(WaitForSingleObject(t, 10000) == WAIT_OBJECT_0, "the timer did not signal\n");
    status = query(t, 0, &info, sizeof(info), &len);
    ok(status == 0 && info.state, "NtQueryTimer: %#lx, state %u after it fired\n", status, info.state);
    CloseHandle(t);
}

int main(void)
{
    test_start("kernel32:apc");
    test_apc_self();
    test_apc_fifo();
    test_apc_waits();
    test_apc_nested_and_errors();
    test_apc_other_thread();
    test_timer_manual_auto();
    test_timer_absolute();
    test_timer_periodic_cancel();
    test_timer_names();
    test_timer_routine();
    test_nt_calls();
    return test_summary();
}
