/*
 * tests/kernel32/thread.c — threads: CreateThread and exit codes, waiting,
 * ids and handles, suspend/resume, priorities, TerminateThread, dynamic TLS
 * (TlsAlloc & co, including the expansion slots past 64) and static TLS of
 * the exe through its TLS directory.
 */
#include "test.h"

static DWORD WINAPI return_param(void *arg)
{
    return (DWORD)(ULONG_PTR)arg;
}

static DWORD run_and_join(LPTHREAD_START_ROUTINE proc, void *arg)
{
    HANDLE thread = CreateThread(NULL, 0, proc, arg, 0, NULL);
    DWORD code = 0xdeadbeef;

    ok(thread != NULL, "CreateThread failed, error %lu\n", GetLastError());
    if (!thread) return code;
    ok(WaitForSingleObject(thread, INFINITE) == WAIT_OBJECT_0, "wait failed\n");
    ok(GetExitCodeThread(thread, &code), "GetExitCodeThread failed\n");
    CloseHandle(thread);
    return code;
}

static void test_create(void)
{
    ok(run_and_join(return_param, (void *)0x1234) == 0x1234, "exit code is not the return value\n");
    ok(run_and_join(return_param, (void *)0) == 0, "exit code 0\n");
}

static HANDLE go_event;

static DWORD WINAPI wait_for_go(void *arg)
{
    WaitForSingleObject(go_event, INFINITE);
    return 7;
}

static void test_still_active(void)
{
    HANDLE thread;
    DWORD code = 0;

    go_event = CreateEventW(NULL, TRUE, FALSE, NULL);
    thread = CreateThread(NULL, 0, wait_for_go, NULL, 0, NULL);
    ok(GetExitCodeThread(thread, &code) && code == STILL_ACTIVE, "running thread's code %lu\n", code);
    ok(WaitForSingleObject(thread, 0) == WAIT_TIMEOUT, "running thread signaled\n");
    /* resuming a thread that is not suspended returns 0 */
    ok(ResumeThread(thread) == 0, "ResumeThread of a running thread\n");
    SetEvent(go_event);
    ok(WaitForSingleObject(thread, INFINITE) == WAIT_OBJECT_0, "wait failed\n");
    ok(GetExitCodeThread(thread, &code) && code == 7, "exit code %lu\n", code);
    /* an exited thread stays signaled */
    ok(WaitForSingleObject(thread, 0) == WAIT_OBJECT_0, "exited thread not signaled\n");
    CloseHandle(thread);
    CloseHandle(go_event);

    SetLastError(0xdeadbeef);
    ok(!GetExitCodeThread(NULL, &code), "NULL handle accepted\n");
    ok(GetLastError() == ERROR_INVALID_HANDLE, "error %lu\n", GetLastError());
}

static void exit_deep(DWORD code)
{
    ExitThread(code);
}

static DWORD WINAPI exit_thread_proc(void *arg)
{
    exit_deep(77);
    return 1;  /* not reached */
}

static void test_exit_thread(void)
{
    ok(run_and_join(exit_thread_proc, NULL) == 77, "ExitThread code lost\n");
}

static DWORD WINAPI report_tid(void *arg)
{
    *(DWORD *)arg = GetCurrentThreadId();
    return 0;
}

static void test_ids(void)
{
    DWORD id = 0, inner = 0;
    HANDLE thread = CreateThread(NULL, 0, report_tid, &inner, CREATE_SUSPENDED, &id), other;

    ok(id != 0 && id != GetCurrentThreadId(), "thread id %lu\n", id);
    ok(GetThreadId(thread) == id, "GetThreadId %lu, CreateThread gave %lu\n", GetThreadId(thread), id);
    ok(GetCurrentThread() == (HANDLE)-2, "pseudo handle %p\n", GetCurrentThread());
    ok(GetThreadId(GetCurrentThread()) == GetCurrentThreadId(), "GetThreadId of the pseudo handle\n");

    other = OpenThread(THREAD_QUERY_INFORMATION, FALSE, id);
    ok(other != NULL && other != thread, "OpenThread gave %p\n", other);
    ok(GetThreadId(other) == id, "GetThreadId of the opened handle\n");
    CloseHandle(other);

    ResumeThread(thread);
    WaitForSingleObject(thread, INFINITE);
    ok(inner == id, "thread saw id %lu, expected %lu\n", inner, id);
    CloseHandle(thread);
}

static volatile LONG ran;

static DWORD WINAPI set_ran(void *arg)
{
    ran = 1;
    return 0;
}

static void test_suspend(void)
{
    HANDLE thread = CreateThread(NULL, 0, set_ran, NULL, CREATE_SUSPENDED, NULL);
    DWORD code;

    Sleep(10);
    /* a suspended thread cannot have run, however long we waited */
    ok(!ran, "suspended thread ran\n");
    ok(GetExitCodeThread(thread, &code) && code == STILL_ACTIVE, "code %lu\n", code);
    ok(SuspendThread(thread) == 1, "SuspendThread gave the wrong previous count\n");
    ok(ResumeThread(thread) == 2, "first ResumeThread\n");
    ok(ResumeThread(thread) == 1, "second ResumeThread\n");
    ok(WaitForSingleObject(thread, INFINITE) == WAIT_OBJECT_0, "wait failed\n");
    ok(ran, "resumed thread did not run\n");
    CloseHandle(thread);
}

static void test_priority(void)
{
    HANDLE thread = CreateThread(NULL, 0, return_param, NULL, CREATE_SUSPENDED, NULL);

    ok(GetThreadPriority(GetCurrentThread()) == THREAD_PRIORITY_NORMAL, "main priority %d\n",
       GetThreadPriority(GetCurrentThread()));
    ok(GetThreadPriority(thread) == THREAD_PRIORITY_NORMAL, "new thread priority\n");
    ok(SetThreadPriority(thread, THREAD_PRIORITY_BELOW_NORMAL), "SetThreadPriority failed\n");
    ok(GetThreadPriority(thread) == THREAD_PRIORITY_BELOW_NORMAL, "priority %d\n", GetThreadPriority(thread));
    ok(SetThreadPriority(thread, THREAD_PRIORITY_IDLE), "IDLE failed\n");
    ok(GetThreadPriority(thread) == THREAD_PRIORITY_IDLE, "priority %d\n", GetThreadPriority(thread));
    SetLastError(0xdeadbeef);
    ok(!SetThreadPriority(thread, 100), "priority 100 accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    ResumeThread(thread);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
}

static volatile LONG stop_spinning;

static DWORD WINAPI spin_yield(void *arg)
{
    while (!stop_spinning)
    {
        SwitchToThread();
        Sleep(0);
    }
    return 5;
}

static void test_yield(void)
{
    HANDLE thread = CreateThread(NULL, 0, spin_yield, NULL, 0, NULL);
    DWORD code;

    /* both threads yield; neither starves the other */
    Sleep(0);
    SwitchToThread();
    stop_spinning = 1;
    ok(WaitForSingleObject(thread, INFINITE) == WAIT_OBJECT_0, "wait failed\n");
    ok(GetExitCodeThread(thread, &code) && code == 5, "code %lu\n", code);
    CloseHandle(thread);
}

static DWORD WINAPI times_three(void *arg)
{
    return (DWORD)(ULONG_PTR)arg * 3 + 1;
}

static void test_many_threads(void)
{
    enum { COUNT = 50 };
    HANDLE threads[COUNT];
    DWORD ids[COUNT], code;
    int i, j, good = 0, distinct = 1;

    for (i = 0; i < COUNT; i++)
        threads[i] = CreateThread(NULL, 0, times_three, (void *)(ULONG_PTR)i, 0, &ids[i]);
    ok(WaitForMultipleObjects(COUNT, threads, TRUE, INFINITE) == WAIT_OBJECT_0, "wait for all failed\n");
    for (i = 0; i < COUNT; i++)
    {
        if (GetExitCodeThread(threads[i], &code) && code == i * 3 + 1) good++;
        for (j = 0; j < i; j++) if (ids[j] == ids[i]) distinct = 0;
        CloseHandle(threads[i]);
    }
    ok(good == COUNT, "%d of %d exit codes right\n", good, COUNT);
    ok(distinct, "two live threads shared an id\n");
}

static DWORD WINAPI block_forever(void *arg)
{
    SetEvent(arg);
    Sleep(INFINITE);
    return 0;
}

static void test_terminate(void)
{
    HANDLE running = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE thread = CreateThread(NULL, 0, block_forever, running, 0, NULL);
    DWORD code;

    /* the thread is terminated inside its Sleep, not before it ran */
    ok(WaitForSingleObject(running, 5000) == WAIT_OBJECT_0, "thread did not start\n");
    CloseHandle(running);
    ok(TerminateThread(thread, 123), "TerminateThread failed\n");
    ok(WaitForSingleObject(thread, INFINITE) == WAIT_OBJECT_0, "wait failed\n");
    ok(GetExitCodeThread(thread, &code) && code == 123, "code %lu\n", code);
    CloseHandle(thread);
}

struct tls_check
{
    DWORD index;
    void *initial;    /* what the new thread read before setting its own */
    DWORD error;      /* GetLastError after that read */
    void *after;      /* its own value read back */
};

static DWORD WINAPI tls_thread(void *arg)
{
    struct tls_check *c = arg;
    SetLastError(0xdeadbeef);
    c->initial = TlsGetValue(c->index);
    c->error = GetLastError();
    TlsSetValue(c->index, (void *)0xbeef);
    c->after = TlsGetValue(c->index);
    return 0;
}

static void test_tls_slots(void)
{
    struct tls_check c = { TlsAlloc(), (void *)1, 1, NULL };

    ok(c.index != TLS_OUT_OF_INDEXES, "TlsAlloc failed\n");
    SetLastError(0xdeadbeef);
    ok(TlsGetValue(c.index) == NULL, "new slot not NULL\n");
    /* TlsGetValue clears the last error so that NULL can be told from failure */
    ok(GetLastError() == ERROR_SUCCESS, "error %lu\n", GetLastError());
    ok(TlsSetValue(c.index, (void *)0xcafe), "TlsSetValue failed\n");

    run_and_join(tls_thread, &c);
    ok(c.initial == NULL && c.error == ERROR_SUCCESS, "new thread saw %p, error %lu\n", c.initial, c.error);
    ok(c.after == (void *)0xbeef, "thread's own value %p\n", c.after);
    ok(TlsGetValue(c.index) == (void *)0xcafe, "main value changed to %p\n", TlsGetValue(c.index));
    ok(TlsFree(c.index), "TlsFree failed\n");

    /* a freed slot comes back zeroed in every thread */
    if (TlsAlloc() == c.index) ok(TlsGetValue(c.index) == NULL, "reused slot kept its value\n");
    else skip("TlsAlloc did not reuse the freed slot\n");
    TlsFree(c.index);

    SetLastError(0xdeadbeef);
    ok(!TlsSetValue(5000, (void *)1), "index 5000 accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!TlsGetValue(5000) && GetLastError() == ERROR_INVALID_PARAMETER, "TlsGetValue(5000) error %lu\n",
       GetLastError());
}

static void test_tls_expansion(void)
{
    enum { COUNT = 100 };  /* past the 64 slots in the TEB itself */
    DWORD index[COUNT];
    int i, good = 0, over_64 = 0;

    for (i = 0; i < COUNT; i++)
    {
        index[i] = TlsAlloc();
        if (index[i] == TLS_OUT_OF_INDEXES) break;
        if (index[i] >= 64) over_64 = 1;
        TlsSetValue(index[i], (void *)(ULONG_PTR)(i + 1000));
    }
    ok(i == COUNT, "only %d slots\n", i);
    ok(over_64, "no index past 64\n");
    for (i = 0; i < COUNT; i++) if (TlsGetValue(index[i]) == (void *)(ULONG_PTR)(i + 1000)) good++;
    ok(good == COUNT, "%d of %d values kept\n", good, COUNT);
    for (i = 0; i < COUNT; i++) TlsFree(index[i]);
}

/* static TLS of the exe: mingw's CRT builds the TLS directory from the
 * ".tls" sections; each thread gets its own copy of the template */
int static_tls_value __attribute__((section(".tls$"))) = 0x51a7;

extern IMAGE_DOS_HEADER __ImageBase;

static int *static_tls_ptr(void)
{
    char *base = (char *)&__ImageBase;
    IMAGE_NT_HEADERS *nt = (IMAGE_NT_HEADERS *)(base + __ImageBase.e_lfanew);
    DWORD rva = nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_TLS].VirtualAddress;
    IMAGE_TLS_DIRECTORY *dir = (IMAGE_TLS_DIRECTORY *)(base + rva);
    char **slots = (char **)__readgsqword(0x58);  /* TEB.ThreadLocalStoragePointer */
    DWORD index = *(DWORD *)dir->AddressOfIndex;
    return (int *)(slots[index] + ((char *)&static_tls_value - (char *)dir->StartAddressOfRawData));
}

static DWORD WINAPI static_tls_thread(void *arg)
{
    int first = *static_tls_ptr();
    *static_tls_ptr() = (int)(ULONG_PTR)arg;
    Sleep(0);
    return *static_tls_ptr() == (int)(ULONG_PTR)arg ? first : -1;
}

static void test_static_tls(void)
{
    HANDLE threads[4];
    DWORD code;
    int i;

    ok(*static_tls_ptr() == 0x51a7, "main thread copy %#x\n", *static_tls_ptr());
    ok(static_tls_ptr() != &static_tls_value, "thread copy is the template itself\n");
    *static_tls_ptr() = 1;
    for (i = 0; i < 4; i++) threads[i] = CreateThread(NULL, 0, static_tls_thread, (void *)(ULONG_PTR)(i + 10), 0, NULL);
    WaitForMultipleObjects(4, threads, TRUE, INFINITE);
    for (i = 0; i < 4; i++)
    {
        ok(GetExitCodeThread(threads[i], &code) && code == 0x51a7, "thread %d saw %#lx\n", i, code);
        CloseHandle(threads[i]);
    }
    ok(*static_tls_ptr() == 1, "main copy changed to %d\n", *static_tls_ptr());
    ok(static_tls_value == 0x51a7, "template changed\n");
}

int main(int argc, char **argv)
{
    test_start("kernel32:thread");
    test_create();
    test_still_active();
    test_exit_thread();
    test_ids();
    test_suspend();
    test_priority();
    test_yield();
    test_many_threads();
    test_terminate();
    test_tls_slots();
    test_tls_expansion();
    test_static_tls();
    return test_summary();
}
