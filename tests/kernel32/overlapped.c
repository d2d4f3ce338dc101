/*
 * tests/kernel32/overlapped.c — overlapped I/O: events and OVERLAPPED
 * fields, offsets, end of file, ReadFileEx/WriteFileEx completion routines
 * run by SleepEx, GetOverlappedResult(Ex) (wait, timeout, alertable),
 * HasOverlappedIoCompleted, and cancellation: CancelIoEx of one pending pipe
 * read from another thread, CancelIo, CancelSynchronousIo with nothing to
 * cancel, and waits on the file's own handle after an I/O with no event
 * (Rust's std reads an overlapped pipe so). Pending reads use named pipes (an anonymous pipe has no
 * overlapped ends).
 */
#include "test.h"

#ifndef STATUS_CANCELLED
#define STATUS_CANCELLED ((DWORD)0xC0000120)
#endif

#define PIPE_NAME "\\\\.\\pipe\\wlx_test_overlapped"

static char temp_file[MAX_PATH];

static void make_pipe(HANDLE *server, HANDLE *client)
{
    *server = CreateNamedPipeA(PIPE_NAME, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE, 1, 4096, 4096, 0,
                               NULL);
    ok(*server != INVALID_HANDLE_VALUE, "CreateNamedPipe failed, error %lu\n", GetLastError());
    *client = CreateFileA(PIPE_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    ok(*client != INVALID_HANDLE_VALUE, "client open failed, error %lu\n", GetLastError());
}

static void test_file_events(void)
{
    HANDLE file = CreateFileA(temp_file, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_FLAG_OVERLAPPED, NULL);
    OVERLAPPED ov;
    DWORD n;
    char buf[16];
    BOOL ret;

    ok(file != INVALID_HANDLE_VALUE, "CreateFile failed, error %lu\n", GetLastError());
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    ov.Offset = 4;
    ret = WriteFile(file, "data", 4, NULL, &ov);
    if (!ret) ok(GetLastError() == ERROR_IO_PENDING, "WriteFile failed, error %lu\n", GetLastError());
    ok(GetOverlappedResult(file, &ov, &n, TRUE) && n == 4, "write result: %lu\n", n);
    ok(HasOverlappedIoCompleted(&ov), "not completed\n");
    ok(WaitForSingleObject(ov.hEvent, 0) == WAIT_OBJECT_0, "the event is not set\n");
    ok(ov.Internal == 0 && ov.InternalHigh == 4, "OVERLAPPED %#Ix %Iu\n", ov.Internal, ov.InternalHigh);

    /* the event is reset when the next I/O starts */
    ov.Offset = 0;
    ret = ReadFile(file, buf, 8, NULL, &ov);
    if (!ret) ok(GetLastError() == ERROR_IO_PENDING, "ReadFile failed, error %lu\n", GetLastError());
    ok(GetOverlappedResultEx(file, &ov, &n, 5000, FALSE) && n == 8, "read result: %lu\n", n);
    ok(!memcmp(buf, "\0\0\0\0data", 8), "read the wrong data\n");

    ov.Offset = 100;
    SetLastError(0xdeadbeef);
    ret = ReadFile(file, buf, 8, NULL, &ov);
    if (!ret && GetLastError() == ERROR_IO_PENDING)
    {
        ret = GetOverlappedResult(file, &ov, &n, TRUE);
        ok(!ret && GetLastError() == ERROR_HANDLE_EOF, "EOF result: %d error %lu\n", ret, GetLastError());
    }
    else ok(!ret && GetLastError() == ERROR_HANDLE_EOF, "EOF: %d error %lu\n", ret, GetLastError());

    CloseHandle(ov.hEvent);
    CloseHandle(file);
    DeleteFileA(temp_file);
}

/* a synchronous handle given an OVERLAPPED: the I/O is done when the call
   returns, and the event is set all the same */
static void test_sync_handle_event(void)
{
    HANDLE file = CreateFileA(temp_file, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    OVERLAPPED ov;
    DWORD n = 0;

    memset(&ov, 0, sizeof(ov));
    ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    ok(WriteFile(file, "sync", 4, &n, &ov) && n == 4, "WriteFile failed, error %lu\n", GetLastError());
    ok(WaitForSingleObject(ov.hEvent, 0) == WAIT_OBJECT_0, "the event is not set\n");
    ok(ov.Internal == 0 && ov.InternalHigh == 4, "OVERLAPPED %#Ix %Iu\n", ov.Internal, ov.InternalHigh);
    ResetEvent(ov.hEvent);
    ok(ReadFile(file, (char[8]){0}, 4, &n, &ov) && n == 4, "ReadFile failed, error %lu\n", GetLastError());
    ok(WaitForSingleObject(ov.hEvent, 0) == WAIT_OBJECT_0, "the event is not set after a read\n");
    CloseHandle(ov.hEvent);
    CloseHandle(file);
    DeleteFileA(temp_file);
}

/* --- completion routines ------------------------------------------------------------- */

static int routine_calls;
static DWORD routine_error, routine_bytes;
static OVERLAPPED *routine_ov;

static void CALLBACK routine(DWORD error, DWORD bytes, OVERLAPPED *ov)
{
    routine_calls++;
    routine_error = error;
    routine_bytes = bytes;
    routine_ov = ov;
}

static void test_file_ex(void)
{
    HANDLE file = CreateFileA(temp_file, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_FLAG_OVERLAPPED, NULL);
    OVERLAPPED ov;
    char buf[16];

    memset(&ov, 0, sizeof(ov));
    routine_calls = 0;
    ok(WriteFileEx(file, "0123456789", 10, &ov, routine), "WriteFileEx failed, error %lu\n", GetLastError());
    ok(routine_calls == 0, "the routine ran before an alertable wait\n");
    ok(SleepEx(5000, TRUE) == WAIT_IO_COMPLETION, "SleepEx did not run the routine\n");
    ok(routine_calls == 1 && routine_error == 0 && routine_bytes == 10 && routine_ov == &ov,
       "write routine: %d calls, error %lu, %lu bytes, %p\n", routine_calls, routine_error, routine_bytes, routine_ov);

    memset(&ov, 0, sizeof(ov));
    ov.Offset = 3;
    ok(ReadFileEx(file, buf, 4, &ov, routine), "ReadFileEx failed, error %lu\n", GetLastError());
    ok(SleepEx(5000, TRUE) == WAIT_IO_COMPLETION, "SleepEx did not run the routine\n");
    ok(routine_calls == 2 && routine_bytes == 4 && !memcmp(buf, "3456", 4), "read routine: %d calls, %lu bytes\n",
       routine_calls, routine_bytes);
    CloseHandle(file);
    DeleteFileA(temp_file);
}

static void test_pipe_ex(void)
{
    HANDLE server, client;
    OVERLAPPED ov;
    DWORD n;
    char buf[16];

    make_pipe(&server, &client);
    memset(&ov, 0, sizeof(ov));
    routine_calls = 0;
    ok(ReadFileEx(server, buf, sizeof(buf), &ov, routine), "ReadFileEx failed, error %lu\n", GetLastError());
    ok(SleepEx(0, TRUE) == 0, "a routine ran with nothing read\n");
    memset(&ov, 0, sizeof(ov));
    {
        OVERLAPPED wov;
        memset(&wov, 0, sizeof(wov));
        wov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
        if (!WriteFile(client, "pipe", 4, NULL, &wov)) ok(GetLastError() == ERROR_IO_PENDING, "write failed\n");
        ok(GetOverlappedResult(client, &wov, &n, TRUE) && n == 4, "write result %lu\n", n);
        CloseHandle(wov.hEvent);
    }
    ok(SleepEx(5000, TRUE) == WAIT_IO_COMPLETION, "SleepEx did not run the routine\n");
    ok(routine_calls == 1 && routine_bytes == 4 && !memcmp(buf, "pipe", 4), "pipe read routine: %d calls %lu bytes\n",
       routine_calls, routine_bytes);
    CloseHandle(client);
    CloseHandle(server);
}

/* --- pending results and cancellation ------------------------------------------------------ */

static HANDLE cancel_handle;
static OVERLAPPED *cancel_ov;
static BOOL cancel_ret;

static DWORD WINAPI cancel_thread(void *arg)
{
    (void)arg;
    cancel_ret = CancelIoEx(cancel_handle, cancel_ov);
    return 0;
}

static void test_pending_and_cancel(void)
{
    HANDLE server, client, thread;
    OVERLAPPED ov, ov2;
    DWORD n;
    char buf[16], buf2[16];
    BOOL ret;

    make_pipe(&server, &client);
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = CreateEventA(NULL, TRUE, TRUE, NULL);
    SetLastError(0xdeadbeef);
    ret = ReadFile(server, buf, sizeof(buf), NULL, &ov);
    ok(!ret && GetLastError() == ERROR_IO_PENDING, "pending read: %d error %lu\n", ret, GetLastError());
    ok(ov.Internal == STATUS_PENDING && !HasOverlappedIoCompleted(&ov), "Internal %#Ix\n", ov.Internal);
    ok(WaitForSingleObject(ov.hEvent, 0) == WAIT_TIMEOUT, "the event was not reset\n");
    SetLastError(0xdeadbeef);
    ok(!GetOverlappedResult(server, &ov, &n, FALSE) && GetLastError() == ERROR_IO_INCOMPLETE, "no wait: error %lu\n",
       GetLastError());
    SetLastError(0xdeadbeef);
    ok(!GetOverlappedResultEx(server, &ov, &n, 10, FALSE) && GetLastError() == WAIT_TIMEOUT, "timeout: error %lu\n",
       GetLastError());

    /* a second read, then the first is cancelled from another thread */
    memset(&ov2, 0, sizeof(ov2));
    ov2.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    ret = ReadFile(server, buf2, sizeof(buf2), NULL, &ov2);
    ok(!ret && GetLastError() == ERROR_IO_PENDING, "second pending read: %d error %lu\n", ret, GetLastError());
    cancel_handle = server;
    cancel_ov = &ov;
    thread = CreateThread(NULL, 0, cancel_thread, NULL, 0, NULL);
    ok(WaitForSingleObject(thread, 5000) == WAIT_OBJECT_0, "the cancelling thread did not end\n");
    CloseHandle(thread);
    ok(cancel_ret, "CancelIoEx failed\n");
    SetLastError(0xdeadbeef);
    ret = GetOverlappedResult(server, &ov, &n, TRUE);
    ok(!ret && GetLastError() == ERROR_OPERATION_ABORTED, "cancelled read: %d error %lu\n", ret, GetLastError());
    ok(ov.Internal == STATUS_CANCELLED, "Internal %#Ix\n", ov.Internal);
    ok(ov2.Internal == STATUS_PENDING, "the other read ended too: %#Ix\n", ov2.Internal);

    /* nothing left to cancel for that OVERLAPPED */
    SetLastError(0xdeadbeef);
    ok(!CancelIoEx(server, &ov) && GetLastError() == ERROR_NOT_FOUND, "cancel again: error %lu\n", GetLastError());

    /* the second read still gets the data */
    if (!WriteFile(client, "late", 4, &n, &ov)) GetOverlappedResult(client, &ov, &n, TRUE);
    ok(GetOverlappedResult(server, &ov2, &n, TRUE) && n == 4 && !memcmp(buf2, "late", 4), "second read: %lu\n", n);

    /* CancelIo: this thread's I/O on the handle */
    ret = ReadFile(server, buf, sizeof(buf), NULL, &ov2);
    ok(!ret && GetLastError() == ERROR_IO_PENDING, "pending read: %d error %lu\n", ret, GetLastError());
    ok(CancelIo(server), "CancelIo failed, error %lu\n", GetLastError());
    ret = GetOverlappedResult(server, &ov2, &n, TRUE);
    ok(!ret && GetLastError() == ERROR_OPERATION_ABORTED, "CancelIo'd read: %d error %lu\n", ret, GetLastError());

    SetLastError(0xdeadbeef);
    ok(!CancelSynchronousIo(GetCurrentThread()) && GetLastError() == ERROR_NOT_FOUND,
       "CancelSynchronousIo with nothing: error %lu\n", GetLastError());

    CloseHandle(ov.hEvent);
    CloseHandle(ov2.hEvent);
    CloseHandle(client);
    CloseHandle(server);
}

/* CancelSynchronousIo ends another thread's blocking read of a pipe */
static HANDLE sync_server;
static BOOL sync_ret;
static DWORD sync_error;

static DWORD WINAPI blocking_reader(void *arg)
{
    char buf[8];
    DWORD n;
    (void)arg;
    SetLastError(0xdeadbeef);
    sync_ret = ReadFile(sync_server, buf, sizeof(buf), &n, NULL);
    sync_error = GetLastError();
    return 0;
}

static void test_cancel_synchronous(void)
{
    HANDLE client, thread;
    BOOL cancelled = FALSE;
    DWORD n;
    int i;

    sync_server = CreateNamedPipeA(PIPE_NAME, PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE, 1, 1024, 1024, 0, NULL);
    client = CreateFileA(PIPE_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(client != INVALID_HANDLE_VALUE, "client open failed, error %lu\n", GetLastError());
    thread = CreateThread(NULL, 0, blocking_reader, NULL, 0, NULL);
    /* until the reader is blocked there is nothing to cancel */
    for (i = 0; i < 100 && !cancelled; i++)
    {
        Sleep(20);
        cancelled = CancelSynchronousIo(thread);
        if (!cancelled) ok(GetLastError() == ERROR_NOT_FOUND, "CancelSynchronousIo: error %lu\n", GetLastError());
    }
    ok(cancelled, "the blocking read was never cancelled\n");
    if (!cancelled) WriteFile(client, "x", 1, &n, NULL);
    ok(WaitForSingleObject(thread, 5000) == WAIT_OBJECT_0, "the reader did not end\n");
    ok(!sync_ret && sync_error == ERROR_OPERATION_ABORTED, "cancelled read: %d error %lu\n", sync_ret, sync_error);
    CloseHandle(thread);
    CloseHandle(client);
    CloseHandle(sync_server);
}

/* an alertable GetOverlappedResultEx runs queued APCs */
static int apc_ran;
static void CALLBACK note_apc(ULONG_PTR arg) { apc_ran += (int)arg; }

static void test_alertable_result(void)
{
    HANDLE server, client;
    OVERLAPPED ov;
    DWORD n;
    char buf[8];
    BOOL ret;

    make_pipe(&server, &client);
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    ret = ReadFile(server, buf, sizeof(buf), NULL, &ov);
    ok(!ret && GetLastError() == ERROR_IO_PENDING, "pending read: %d error %lu\n", ret, GetLastError());
    apc_ran = 0;
    QueueUserAPC(note_apc, GetCurrentThread(), 1);
    SetLastError(0xdeadbeef);
    ret = GetOverlappedResultEx(server, &ov, &n, 5000, TRUE);
    ok(!ret && GetLastError() == WAIT_IO_COMPLETION && apc_ran == 1, "alertable result: %d error %lu apc %d\n", ret,
       GetLastError(), apc_ran);
    CancelIoEx(server, &ov);
    GetOverlappedResult(server, &ov, &n, TRUE);
    CloseHandle(ov.hEvent);
    CloseHandle(client);
    CloseHandle(server);
}

/* an overlapped handle read without an OVERLAPPED: the call returns only
   once the data is there (the status block may not be left pending) */
static DWORD WINAPI late_writer(void *client)
{
    DWORD n;
    Sleep(200);
    WriteFile(client, "late", 4, &n, NULL);
    return 0;
}

static void test_no_overlapped(void)
{
    HANDLE server, client, t;
    char buf[16] = { 0 };
    DWORD n = 0;

    make_pipe(&server, &client);
    t = CreateThread(NULL, 0, late_writer, client, 0, NULL);
    ok(ReadFile(server, buf, sizeof(buf), &n, NULL), "ReadFile failed, error %lu\n", GetLastError());
    ok(n == 4 && !memcmp(buf, "late", 4), "read %lu bytes: %.4s\n", n, buf);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    CloseHandle(client);
    CloseHandle(server);
}

/* an I/O with no event: the file object is reset while it is pending, set
   when it completes, its status block written by then; a wait on the
   handle sees it (alone and among other objects) */
static void test_wait_on_handle(void)
{
    HANDLE server, client, never = CreateEventA(NULL, TRUE, FALSE, NULL), both[2];
    OVERLAPPED ov, ov2;
    char buf[16];
    DWORD n;
    BOOL ret;

    make_pipe(&server, &client);
    memset(&ov, 0, sizeof(ov));
    memset(buf, 0, sizeof(buf));
    ret = ReadFile(server, buf, sizeof(buf), NULL, &ov);
    ok(!ret && GetLastError() == ERROR_IO_PENDING, "read: %d, error %lu\n", ret, GetLastError());
    ok(WaitForSingleObject(server, 0) == WAIT_TIMEOUT, "the file is signaled while its read is pending\n");
    ok(WriteFile(client, "hello", 5, &n, NULL) || GetLastError() == ERROR_IO_PENDING, "write: error %lu\n", GetLastError());
    ok(WaitForSingleObject(server, 5000) == WAIT_OBJECT_0, "wait on the file\n");
    ok(ov.Internal == 0 && ov.InternalHigh == 5, "status block %#Ix %Iu after the wait\n", ov.Internal, ov.InternalHigh);
    ok(!memcmp(buf, "hello", 5), "read %.5s\n", buf);
    ok(WaitForSingleObject(server, 0) == WAIT_OBJECT_0, "the file stays signaled\n");

    memset(&ov2, 0, sizeof(ov2));
    ret = ReadFile(server, buf, sizeof(buf), NULL, &ov2);
    ok(!ret && GetLastError() == ERROR_IO_PENDING, "second read: %d, error %lu\n", ret, GetLastError());
    both[0] = never; both[1] = server;
    ok(WaitForMultipleObjects(2, both, FALSE, 0) == WAIT_TIMEOUT, "nothing signaled yet\n");
    ok(WriteFile(client, "abc", 3, &n, NULL) || GetLastError() == ERROR_IO_PENDING, "write: error %lu\n", GetLastError());
    ok(WaitForMultipleObjects(2, both, FALSE, 5000) == WAIT_OBJECT_0 + 1, "wait for any: the file\n");
    ok(ov2.Internal == 0 && ov2.InternalHigh == 3, "status block %#Ix %Iu\n", ov2.Internal, ov2.InternalHigh);
    CloseHandle(client);
    CloseHandle(server);
    CloseHandle(never);
}

int main(void)
{
    char dir[MAX_PATH];
    GetTempPathA(MAX_PATH, dir);
    GetTempFileNameA(dir, "ovl", 0, temp_file);
    test_file_events();
    test_sync_handle_event();
    test_file_ex();
    test_pipe_ex();
    test_pending_and_cancel();
    test_alertable_result();
    test_cancel_synchronous();
    test_no_overlapped();
    DeleteFileA(temp_file);
    test_wait_on_handle();
    return test_summary();
}
