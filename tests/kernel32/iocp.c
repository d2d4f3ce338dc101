/*
 * tests/kernel32/iocp.c — I/O completion ports: posting and taking packets,
 * many threads, timeouts, GetQueuedCompletionStatusEx batches and alertable
 * waits, association with files (overlapped I/O reported to the port, keys
 * and OVERLAPPED values), FILE_SKIP_COMPLETION_PORT_ON_SUCCESS, and closing a
 * port under a waiting thread. No timing is asserted.
 */
#include "test.h"

#ifndef STATUS_PENDING
#define STATUS_PENDING 0x103
#endif

static char temp_file[MAX_PATH];

static void test_post_get(void)
{
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    OVERLAPPED *ov, dummy;
    ULONG_PTR key;
    DWORD bytes;
    BOOL ret;

    ok(port != NULL, "CreateIoCompletionPort failed, error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ov = (OVERLAPPED *)0xdead;
    ret = GetQueuedCompletionStatus(port, &bytes, &key, &ov, 0);
    ok(!ret && GetLastError() == WAIT_TIMEOUT, "empty port: %d, error %lu\n", ret, GetLastError());
    ok(ov == NULL, "ov not cleared on a timeout\n");

    ok(PostQueuedCompletionStatus(port, 123, 0xabc, &dummy), "PostQueuedCompletionStatus failed\n");
    ok(PostQueuedCompletionStatus(port, 7, 0xdef, NULL), "PostQueuedCompletionStatus failed\n");
    ret = GetQueuedCompletionStatus(port, &bytes, &key, &ov, 1000);
    ok(ret && bytes == 123 && key == 0xabc && ov == &dummy, "first packet: %d %lu %#Ix %p\n", ret, bytes, key, ov);
    SetLastError(0xdeadbeef);
    ret = GetQueuedCompletionStatus(port, &bytes, &key, &ov, 1000);
    /* a NULL OVERLAPPED comes back as a success */
    ok(ret && bytes == 7 && key == 0xdef && ov == NULL, "second packet: %d %lu %#Ix %p\n", ret, bytes, key, ov);

    SetLastError(0xdeadbeef);
    ok(!CreateIoCompletionPort(INVALID_HANDLE_VALUE, port, 1, 0) && GetLastError() == ERROR_INVALID_PARAMETER,
       "an existing port with no file: error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!PostQueuedCompletionStatus((HANDLE)0xdead0, 0, 0, NULL) && GetLastError() == ERROR_INVALID_HANDLE,
       "post to a bad handle: error %lu\n", GetLastError());
    {
        HANDLE event = CreateEventA(NULL, FALSE, FALSE, NULL);
        SetLastError(0xdeadbeef);
        ret = GetQueuedCompletionStatus(event, &bytes, &key, &ov, 0);
        ok(!ret && GetLastError() == ERROR_INVALID_HANDLE, "an event as a port: %d error %lu\n", ret, GetLastError());
        CloseHandle(event);
    }
    CloseHandle(port);
}

static void test_ex_batch(void)
{
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    OVERLAPPED_ENTRY entries[8];
    ULONG removed = 99;
    BOOL ret;
    int i;

    SetLastError(0xdeadbeef);
    ret = GetQueuedCompletionStatusEx(port, entries, 8, &removed, 0, FALSE);
    ok(!ret && GetLastError() == WAIT_TIMEOUT, "empty: %d error %lu\n", ret, GetLastError());
    for (i = 0; i < 5; i++) PostQueuedCompletionStatus(port, i * 10, 100 + i, (OVERLAPPED *)(ULONG_PTR)(0x1000 * (i + 1)));
    ret = GetQueuedCompletionStatusEx(port, entries, 3, &removed, 1000, FALSE);
    ok(ret && removed == 3, "first batch: %d removed %lu\n", ret, removed);
    for (i = 0; i < 3 && ret; i++)
        ok(entries[i].lpCompletionKey == 100 + (ULONG_PTR)i && entries[i].dwNumberOfBytesTransferred == (DWORD)i * 10 &&
           entries[i].lpOverlapped == (OVERLAPPED *)(ULONG_PTR)(0x1000 * (i + 1)),
           "entry %d: key %#Ix bytes %lu ov %p\n", i, entries[i].lpCompletionKey,
           entries[i].dwNumberOfBytesTransferred, entries[i].lpOverlapped);
    ret = GetQueuedCompletionStatusEx(port, entries, 8, &removed, 1000, FALSE);
    ok(ret && removed == 2 && entries[0].lpCompletionKey == 103 && entries[1].lpCompletionKey == 104,
       "second batch: %d removed %lu\n", ret, removed);
    CloseHandle(port);
}

static int apc_ran;
static void CALLBACK note_apc(ULONG_PTR arg) { apc_ran += (int)arg; }

static void test_alertable(void)
{
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    OVERLAPPED_ENTRY entry;
    ULONG removed = 99;
    BOOL ret;

    apc_ran = 0;
    QueueUserAPC(note_apc, GetCurrentThread(), 1);
    ret = GetQueuedCompletionStatusEx(port, &entry, 1, &removed, INFINITE, TRUE);
    ok(!ret && GetLastError() == WAIT_IO_COMPLETION, "alertable wait: %d error %lu\n", ret, GetLastError());
    ok(apc_ran == 1, "the APC ran %d times\n", apc_ran);

    /* not alertable: the APC waits */
    QueueUserAPC(note_apc, GetCurrentThread(), 1);
    ret = GetQueuedCompletionStatusEx(port, &entry, 1, &removed, 10, FALSE);
    ok(!ret && GetLastError() == WAIT_TIMEOUT, "non-alertable wait: %d error %lu\n", ret, GetLastError());
    ok(apc_ran == 1, "the APC ran in a non-alertable wait\n");
    SleepEx(0, TRUE);
    ok(apc_ran == 2, "the APC did not run later\n");
    CloseHandle(port);
}

/* --- many threads ----------------------------------------------------------------- */

#define WORKERS 4
#define PACKETS 2000
static HANDLE work_port;
static LONG taken[WORKERS];

static DWORD WINAPI worker(void *arg)
{
    int me = (int)(ULONG_PTR)arg;
    for (;;)
    {
        DWORD bytes;
        ULONG_PTR key;
        OVERLAPPED *ov;
        if (!GetQueuedCompletionStatus(work_port, &bytes, &key, &ov, 10000)) return 1;
        if (key == 0) return 0;   /* stop */
        taken[me]++;
    }
}

static void test_threads(void)
{
    HANDLE threads[WORKERS];
    LONG total = 0;
    int i;

    work_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, WORKERS);
    for (i = 0; i < WORKERS; i++) threads[i] = CreateThread(NULL, 0, worker, (void *)(ULONG_PTR)i, 0, NULL);
    for (i = 0; i < PACKETS; i++) PostQueuedCompletionStatus(work_port, 0, 1, NULL);
    for (i = 0; i < WORKERS; i++) PostQueuedCompletionStatus(work_port, 0, 0, NULL);
    ok(WaitForMultipleObjects(WORKERS, threads, TRUE, 10000) == WAIT_OBJECT_0, "workers did not finish\n");
    for (i = 0; i < WORKERS; i++)
    {
        DWORD code = 99;
        GetExitCodeThread(threads[i], &code);
        ok(code == 0, "worker %d ended with %lu\n", i, code);
        total += taken[i];
        CloseHandle(threads[i]);
    }
    ok(total == PACKETS, "the workers took %ld packets of %d\n", total, PACKETS);
    CloseHandle(work_port);
}

/* closing the port wakes a thread waiting on it */
static HANDLE close_port;
static DWORD close_error;
static BOOL close_ret;

static DWORD WINAPI wait_on_closed(void *arg)
{
    DWORD bytes;
    ULONG_PTR key;
    OVERLAPPED *ov;
    (void)arg;
    SetLastError(0xdeadbeef);
    close_ret = GetQueuedCompletionStatus(close_port, &bytes, &key, &ov, 2000);
    close_error = GetLastError();
    return 0;
}

static void test_close(void)
{
    HANDLE thread;
    close_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    thread = CreateThread(NULL, 0, wait_on_closed, NULL, 0, NULL);
    Sleep(100);
    CloseHandle(close_port);
    ok(WaitForSingleObject(thread, 10000) == WAIT_OBJECT_0, "the waiter did not wake\n");
    /* documented for GetQueuedCompletionStatus; Wine leaves the waiter
       asleep until its timeout (WAIT_TIMEOUT) */
    todo_wine(!close_ret && close_error == ERROR_ABANDONED_WAIT_0, "closed port: %d error %lu\n", close_ret, close_error);
    CloseHandle(thread);
}

/* --- files -------------------------------------------------------------------------- */

static void test_file(void)
{
    HANDLE port, file, port2;
    OVERLAPPED ov, *got;
    ULONG_PTR key;
    DWORD bytes;
    char buf[16];
    BOOL ret;

    file = CreateFileA(temp_file, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_FLAG_OVERLAPPED, NULL);
    ok(file != INVALID_HANDLE_VALUE, "CreateFile failed, error %lu\n", GetLastError());
    port = CreateIoCompletionPort(file, NULL, 0x55, 0);
    ok(port != NULL, "association failed, error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    port2 = CreateIoCompletionPort(file, port, 0x66, 0);
    ok(!port2 && GetLastError() == ERROR_INVALID_PARAMETER, "second association: %p error %lu\n", port2, GetLastError());

    memset(&ov, 0, sizeof(ov));
    ret = WriteFile(file, "hello world", 11, NULL, &ov);
    ok(ret || GetLastError() == ERROR_IO_PENDING, "WriteFile failed, error %lu\n", GetLastError());
    ret = GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000);
    ok(ret && bytes == 11 && key == 0x55 && got == &ov, "write packet: %d %lu %#Ix %p\n", ret, bytes, key, got);
    ok(ov.Internal == 0 && ov.InternalHigh == 11, "OVERLAPPED: %#Ix %Iu\n", ov.Internal, ov.InternalHigh);

    memset(&ov, 0, sizeof(ov));
    ov.Offset = 6;
    ret = ReadFile(file, buf, sizeof(buf), NULL, &ov);
    ok(ret || GetLastError() == ERROR_IO_PENDING, "ReadFile failed, error %lu\n", GetLastError());
    ret = GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000);
    ok(ret && bytes == 5 && got == &ov && !memcmp(buf, "world", 5), "read packet: %d %lu %p\n", ret, bytes, got);

    /* an event with its low bit set: no packet */
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = (HANDLE)((ULONG_PTR)CreateEventA(NULL, TRUE, FALSE, NULL) | 1);
    ret = ReadFile(file, buf, 5, NULL, &ov);
    ok(ret || GetLastError() == ERROR_IO_PENDING, "ReadFile failed, error %lu\n", GetLastError());
    ok(GetOverlappedResult(file, &ov, &bytes, TRUE) && bytes == 5, "GetOverlappedResult: %lu\n", bytes);
    ret = GetQueuedCompletionStatus(port, &bytes, &key, &got, 50);
    ok(!ret && GetLastError() == WAIT_TIMEOUT && !got, "a packet came for a masked event: %p\n", got);
    CloseHandle((HANDLE)((ULONG_PTR)ov.hEvent & ~1));

    /* past the end: an error, no packet */
    memset(&ov, 0, sizeof(ov));
    ov.Offset = 1000;
    SetLastError(0xdeadbeef);
    ret = ReadFile(file, buf, 5, NULL, &ov);
    if (!ret && GetLastError() == ERROR_IO_PENDING)
    {
        ret = GetOverlappedResult(file, &ov, &bytes, TRUE);
        ok(!ret && GetLastError() == ERROR_HANDLE_EOF, "EOF result: %d error %lu\n", ret, GetLastError());
        GetQueuedCompletionStatus(port, &bytes, &key, &got, 1000);
    }
    else ok(!ret && GetLastError() == ERROR_HANDLE_EOF, "EOF: %d error %lu\n", ret, GetLastError());

    /* skip on success: a read done at once posts nothing */
    ok(SetFileCompletionNotificationModes(file, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS), "SetFileCompletionNotificationModes failed\n");
    memset(&ov, 0, sizeof(ov));
    ret = ReadFile(file, buf, 5, &bytes, &ov);
    if (ret)
    {
        ok(bytes == 5, "read %lu bytes\n", bytes);
        ret = GetQueuedCompletionStatus(port, &bytes, &key, &got, 50);
        ok(!ret && !got, "a packet came for an I/O done at once: %p\n", got);
    }
    else
    {
        ok(GetLastError() == ERROR_IO_PENDING, "ReadFile failed, error %lu\n", GetLastError());
        ret = GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000);
        ok(ret && got == &ov, "a pending read gave no packet\n");
    }
    CloseHandle(file);
    CloseHandle(port);
    DeleteFileA(temp_file);
}

/* a port closed while a file is still bound to it: the file's I/O goes on */
static void test_file_outlives_port(void)
{
    HANDLE file = CreateFileA(temp_file, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_FLAG_OVERLAPPED, NULL);
    HANDLE port = CreateIoCompletionPort(file, NULL, 1, 0);
    OVERLAPPED ov;
    DWORD bytes;
    BOOL ret;

    CloseHandle(port);
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    ret = WriteFile(file, "abc", 3, NULL, &ov);
    ok(ret || GetLastError() == ERROR_IO_PENDING, "WriteFile failed, error %lu\n", GetLastError());
    ok(GetOverlappedResult(file, &ov, &bytes, TRUE) && bytes == 3, "GetOverlappedResult: %lu\n", bytes);
    CloseHandle(ov.hEvent);
    CloseHandle(file);
    DeleteFileA(temp_file);
}

/* a pending pipe read cancelled: the port gets the OVERLAPPED with ERROR_OPERATION_ABORTED */
static void test_cancel_to_port(void)
{
    static const char name[] = "\\\\.\\pipe\\wlx_test_iocp";
    HANDLE server, client, port;
    OVERLAPPED ov, *got;
    ULONG_PTR key;
    DWORD bytes;
    char buf[8];
    BOOL ret;

    server = CreateNamedPipeA(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE, 1, 1024, 1024, 0, NULL);
    client = CreateFileA(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(server != INVALID_HANDLE_VALUE && client != INVALID_HANDLE_VALUE, "pipe failed, error %lu\n", GetLastError());
    port = CreateIoCompletionPort(server, NULL, 9, 0);
    memset(&ov, 0, sizeof(ov));
    ret = ReadFile(server, buf, sizeof(buf), NULL, &ov);
    ok(!ret && GetLastError() == ERROR_IO_PENDING, "pending read: %d error %lu\n", ret, GetLastError());
    ok(CancelIoEx(server, &ov), "CancelIoEx failed, error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ret = GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000);
    ok(!ret && GetLastError() == ERROR_OPERATION_ABORTED && got == &ov && key == 9,
       "cancelled read's packet: %d error %lu ov %p key %#Ix\n", ret, GetLastError(), got, key);
    CloseHandle(client);
    CloseHandle(server);
    CloseHandle(port);
}

/* BindIoCompletionCallback: the callback runs on a pool thread */
static HANDLE callback_done;
static DWORD callback_error, callback_bytes, callback_thread;
static OVERLAPPED *callback_ov;

static void CALLBACK io_callback(DWORD error, DWORD bytes, OVERLAPPED *ov)
{
    callback_error = error;
    callback_bytes = bytes;
    callback_ov = ov;
    callback_thread = GetCurrentThreadId();
    SetEvent(callback_done);
}

static void test_bind_callback(void)
{
    HANDLE file = CreateFileA(temp_file, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_FLAG_OVERLAPPED, NULL);
    OVERLAPPED ov;
    BOOL ret;

    callback_done = CreateEventA(NULL, FALSE, FALSE, NULL);
    ok(BindIoCompletionCallback(file, io_callback, 0), "BindIoCompletionCallback failed, error %lu\n", GetLastError());
    memset(&ov, 0, sizeof(ov));
    ret = WriteFile(file, "callback", 8, NULL, &ov);
    ok(ret || GetLastError() == ERROR_IO_PENDING, "WriteFile failed, error %lu\n", GetLastError());
    ok(WaitForSingleObject(callback_done, 5000) == WAIT_OBJECT_0, "the callback did not run\n");
    ok(callback_error == 0 && callback_bytes == 8 && callback_ov == &ov, "callback: error %lu bytes %lu ov %p\n",
       callback_error, callback_bytes, callback_ov);
    ok(callback_thread != GetCurrentThreadId(), "the callback ran on the caller's thread\n");
    CloseHandle(callback_done);
    CloseHandle(file);
    DeleteFileA(temp_file);
}

/* --- wait completion packets (ntdll, Windows 8+; looked up as the Go runtime does) --- */

static LONG (WINAPI *pNtCreateWaitCompletionPacket)(HANDLE *, ACCESS_MASK, void *);
static LONG (WINAPI *pNtAssociateWaitCompletionPacket)(HANDLE, HANDLE, HANDLE, void *, void *, LONG, ULONG_PTR, BOOLEAN *);
static LONG (WINAPI *pNtCancelWaitCompletionPacket)(HANDLE, BOOLEAN);

static void test_wait_packets(void)
{
    HMODULE ntdll = GetModuleHandleA("ntdll.dll");
    HANDLE port, packet, event;
    OVERLAPPED *got;
    ULONG_PTR key;
    DWORD bytes;
    BOOLEAN already = 2;
    LONG status;
    BOOL ret;

    pNtCreateWaitCompletionPacket = (void *)GetProcAddress(ntdll, "NtCreateWaitCompletionPacket");
    pNtAssociateWaitCompletionPacket = (void *)GetProcAddress(ntdll, "NtAssociateWaitCompletionPacket");
    pNtCancelWaitCompletionPacket = (void *)GetProcAddress(ntdll, "NtCancelWaitCompletionPacket");
    if (!pNtCreateWaitCompletionPacket || !pNtAssociateWaitCompletionPacket || !pNtCancelWaitCompletionPacket)
    {
        skip("no wait completion packets in this ntdll\n");
        return;
    }
    port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    event = CreateEventA(NULL, FALSE, FALSE, NULL);
    status = pNtCreateWaitCompletionPacket(&packet, GENERIC_ALL, NULL);
    ok(!status, "NtCreateWaitCompletionPacket: %#lx\n", status);
    ok(pNtCancelWaitCompletionPacket(packet, TRUE) == (LONG)0xc0000120, "cancel of a new packet\n");

    /* not signaled: the packet comes when the event is set, and takes it */
    status = pNtAssociateWaitCompletionPacket(packet, port, event, (void *)0x11, (void *)0x22, 0, 33, &already);
    ok(!status && !already, "associate: %#lx already %d\n", status, already);
    ret = GetQueuedCompletionStatus(port, &bytes, &key, &got, 0);
    ok(!ret && !got, "a packet before the event was set\n");
    SetEvent(event);
    ret = GetQueuedCompletionStatus(port, &bytes, &key, &got, 5000);
    ok(ret && key == 0x11 && got == (OVERLAPPED *)0x22 && bytes == 33, "packet: %d key %#Ix ov %p bytes %lu\n", ret,
       key, got, bytes);
    ok(WaitForSingleObject(event, 0) == WAIT_TIMEOUT, "the auto-reset event was not taken\n");
    ok(pNtCancelWaitCompletionPacket(packet, TRUE) == (LONG)0xc0000120, "cancel of a delivered packet\n");

    /* signaled already: queued at once; then taken back by a cancel */
    SetEvent(event);
    status = pNtAssociateWaitCompletionPacket(packet, port, event, (void *)0x12, NULL, 0, 0, &already);
    ok(!status && already, "associate to a set event: %#lx already %d\n", status, already);
    ok(pNtCancelWaitCompletionPacket(packet, FALSE) == STATUS_PENDING, "cancel without removal\n");
    ok(pNtCancelWaitCompletionPacket(packet, TRUE) == 0, "cancel with removal\n");
    ret = GetQueuedCompletionStatus(port, &bytes, &key, &got, 0);
    ok(!ret && GetLastError() == WAIT_TIMEOUT, "the removed packet came: key %#Ix\n", key);

    /* cancelled while waiting: nothing comes */
    status = pNtAssociateWaitCompletionPacket(packet, port, event, (void *)0x13, NULL, 0, 0, NULL);
    ok(!status, "associate: %#lx\n", status);
    ok(pNtCancelWaitCompletionPacket(packet, FALSE) == 0, "cancel of a waiting packet\n");
    SetEvent(event);
    ret = GetQueuedCompletionStatus(port, &bytes, &key, &got, 100);
    ok(!ret && !got, "a cancelled packet came: key %#Ix\n", key);
    ok(WaitForSingleObject(event, 0) == WAIT_OBJECT_0, "a cancelled wait took the event\n");

    CloseHandle(packet);
    CloseHandle(event);
    CloseHandle(port);
}

/* an event loop's timer the way Bun's (libuv-based) loop keeps it: one
   manual-reset high-resolution timer and one packet; each turn cancels the
   packet, sets the timer a millisecond ahead, associates and waits on the
   port. Every turn's packet must come. */
static void test_wait_packet_timer_loop(void)
{
    HANDLE port, packet, timer;
    LARGE_INTEGER due;
    int turn, came = 0;
    LONG status;

    if (!pNtCreateWaitCompletionPacket) return;
    port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    timer = CreateWaitableTimerExW(NULL, NULL, CREATE_WAITABLE_TIMER_MANUAL_RESET | 2 /* HIGH_RESOLUTION */,
                                   TIMER_ALL_ACCESS);
    if (!timer) timer = CreateWaitableTimerExW(NULL, NULL, CREATE_WAITABLE_TIMER_MANUAL_RESET, TIMER_ALL_ACCESS);
    ok(timer != NULL, "CreateWaitableTimerEx %lu\n", GetLastError());
    status = pNtCreateWaitCompletionPacket(&packet, GENERIC_ALL, NULL);
    ok(!status, "NtCreateWaitCompletionPacket: %#lx\n", status);
    for (turn = 0; turn < 30; turn++)
    {
        OVERLAPPED_ENTRY entry;
        ULONG n = 0;
        BOOLEAN already = 0;

        pNtCancelWaitCompletionPacket(packet, TRUE);
        due.QuadPart = -10000;   /* 1 ms */
        ok(SetWaitableTimer(timer, &due, 0, NULL, NULL, FALSE), "SetWaitableTimer %lu\n", GetLastError());
        status = pNtAssociateWaitCompletionPacket(packet, port, timer, (void *)0x77, NULL, 0, 0, &already);
        ok(!status, "associate turn %d: %#lx\n", turn, status);
        if (!GetQueuedCompletionStatusEx(port, &entry, 1, &n, 5000, FALSE)) break;
        if (n == 1 && entry.lpCompletionKey == 0x77) came++;
    }
    ok(came == 30, "%d of 30 timer packets came\n", came);
    CloseHandle(packet);
    CloseHandle(timer);
    CloseHandle(port);
}

/* NumberOfConcurrentThreads: a port made for one running thread lets one
   worker run at a time. A worker here neither blocks nor waits between
   taking a packet and asking for the next, so at most one is ever between
   the two (counted with interlocked operations, no timing). */
static LONG conc_inside, conc_max, conc_done;

static DWORD WINAPI conc_worker(void *arg)
{
    for (;;)
    {
        DWORD bytes;
        ULONG_PTR key;
        OVERLAPPED *ov;
        if (!GetQueuedCompletionStatus(arg, &bytes, &key, &ov, 10000)) return 1;
        LONG now = InterlockedIncrement(&conc_inside), seen = conc_max;
        while (now > seen && InterlockedCompareExchange(&conc_max, now, seen) != seen) seen = conc_max;
        for (volatile int spin = 0; spin < 100000; spin++) ;   /* work that does not block */
        InterlockedDecrement(&conc_inside);
        if (key == 2) return 0;
        InterlockedIncrement(&conc_done);
    }
}

static void test_concurrency(void)
{
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1), threads[4];
    int i;
    for (i = 0; i < 4; i++) threads[i] = CreateThread(NULL, 0, conc_worker, port, 0, NULL);
    for (i = 0; i < 8; i++) PostQueuedCompletionStatus(port, 0, 1, NULL);
    for (i = 0; i < 4; i++) PostQueuedCompletionStatus(port, 0, 2, NULL);   /* after the work: stop */
    ok(WaitForMultipleObjects(4, threads, TRUE, 20000) == WAIT_OBJECT_0, "the workers did not end\n");
    ok(conc_done == 8, "%ld packets done\n", conc_done);
    /* Wine 8.0 ignores NumberOfConcurrentThreads: every waiting worker runs */
    todo_wine(conc_max == 1, "%ld workers ran at once on a port for one\n", conc_max);
    for (i = 0; i < 4; i++) CloseHandle(threads[i]);
    CloseHandle(port);
}

/* a worker that blocks (here in a wait) lets the port release another:
   the second worker sets the event the first waits for */
static HANDLE block_event;

static DWORD WINAPI block_worker(void *arg)
{
    DWORD bytes;
    ULONG_PTR key;
    OVERLAPPED *ov;
    if (!GetQueuedCompletionStatus(arg, &bytes, &key, &ov, 10000)) return 2;
    if (key == 1) return WaitForSingleObject(block_event, 10000) == WAIT_OBJECT_0 ? 0 : 3;
    SetEvent(block_event);
    return 0;
}

static void test_concurrency_block(void)
{
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1), threads[2];
    DWORD code[2] = { 9, 9 };
    int i;
    block_event = CreateEventW(NULL, TRUE, FALSE, NULL);
    for (i = 0; i < 2; i++) threads[i] = CreateThread(NULL, 0, block_worker, port, 0, NULL);
    PostQueuedCompletionStatus(port, 0, 1, NULL);
    PostQueuedCompletionStatus(port, 0, 2, NULL);
    ok(WaitForMultipleObjects(2, threads, TRUE, 20000) == WAIT_OBJECT_0, "the workers did not end\n");
    for (i = 0; i < 2; i++)
    {
        GetExitCodeThread(threads[i], &code[i]);
        CloseHandle(threads[i]);
    }
    ok(!code[0] && !code[1], "workers ended with %lu, %lu\n", code[0], code[1]);
    CloseHandle(block_event);
    CloseHandle(port);
}

int main(void)
{
    char dir[MAX_PATH];
    GetTempPathA(MAX_PATH, dir);
    GetTempFileNameA(dir, "iocp", 0, temp_file);
    test_post_get();
    test_ex_batch();
    test_alertable();
    test_threads();
    test_close();
    test_file();
    test_file_outlives_port();
    test_cancel_to_port();
    test_bind_callback();
    test_wait_packets();
    test_wait_packet_timer_loop();
    test_concurrency();
    test_concurrency_block();
    DeleteFileA(temp_file);
    return test_summary();
}
