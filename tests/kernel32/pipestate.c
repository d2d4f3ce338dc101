/*
 * tests/kernel32/pipestate.c — SetNamedPipeHandleState and
 * GetNamedPipeHandleState on an anonymous pipe (runtimes such as libuv set
 * byte/blocking mode on whatever pipe they are given as a std handle): byte
 * reads and blocking mode are accepted, message reads refused (an anonymous
 * pipe is a byte pipe), and the pipe still carries data afterwards. Then
 * zero-byte reads, libuv's way of waiting for input: on an anonymous pipe
 * and on an overlapped named pipe a zero-byte ReadFile completes once data
 * is there, taking none, and fails with ERROR_BROKEN_PIPE once the writer
 * has gone.
 */
#include <windows.h>
#include "test.h"

static DWORD WINAPI late_writer(void *arg)
{
    DWORD n;
    Sleep(50);
    WriteFile(arg, "z", 1, &n, NULL);
    return 0;
}

static void test_zero_read_anonymous(void)
{
    HANDLE rd, wr, thread;
    DWORD n = 1, avail = 0;
    char buf[4];

    ok(CreatePipe(&rd, &wr, NULL, 0), "CreatePipe %lu\n", GetLastError());
    /* blocks until the writer thread writes, takes nothing */
    thread = CreateThread(NULL, 0, late_writer, wr, 0, NULL);
    ok(ReadFile(rd, buf, 0, &n, NULL) && n == 0, "zero-byte read: %lu, %lu bytes\n", GetLastError(), n);
    ok(PeekNamedPipe(rd, NULL, 0, NULL, &avail, NULL) && avail == 1, "%lu bytes left after a zero-byte read\n", avail);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    ok(ReadFile(rd, buf, sizeof(buf), &n, NULL) && n == 1 && buf[0] == 'z', "read %lu\n", n);
    CloseHandle(wr);
    SetLastError(0xdeadbeef);
    ok(!ReadFile(rd, buf, 0, &n, NULL), "zero-byte read after the writer closed succeeded\n");
    ok(GetLastError() == ERROR_BROKEN_PIPE, "error %lu\n", GetLastError());
    CloseHandle(rd);
}

static void test_zero_read_named(void)
{
    static const char name[] = "\\\\.\\pipe\\wlx-pipestate-zero";
    HANDLE server, client;
    OVERLAPPED ov = { 0 };
    DWORD n = 1, avail = 0;
    char buf[4];

    server = CreateNamedPipeA(name, PIPE_ACCESS_INBOUND | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE | PIPE_WAIT, 1,
                              4096, 4096, 0, NULL);
    ok(server != INVALID_HANDLE_VALUE, "CreateNamedPipe %lu\n", GetLastError());
    client = CreateFileA(name, GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(client != INVALID_HANDLE_VALUE, "client %lu\n", GetLastError());
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    SetLastError(0xdeadbeef);
    ok(!ReadFile(server, buf, 0, NULL, &ov) && GetLastError() == ERROR_IO_PENDING,
       "zero-byte read with no data did not pend: %lu\n", GetLastError());
    ok(WaitForSingleObject(ov.hEvent, 0) == WAIT_TIMEOUT, "completed with no data\n");
    ok(WriteFile(client, "xy", 2, &n, NULL) && n == 2, "write %lu\n", GetLastError());
    ok(WaitForSingleObject(ov.hEvent, 5000) == WAIT_OBJECT_0, "not completed by the write\n");
    ok(GetOverlappedResult(server, &ov, &n, FALSE) && n == 0, "result %lu, %lu bytes\n", GetLastError(), n);
    ok(PeekNamedPipe(server, NULL, 0, NULL, &avail, NULL) && avail == 2, "%lu bytes left\n", avail);
    CloseHandle(ov.hEvent);
    CloseHandle(client);
    CloseHandle(server);
}

int main(void)
{
    HANDLE rd, wr;
    DWORD mode, state = 0xdead, n = 0;
    char buf[8];

    test_start("kernel32/pipestate");
    ok(CreatePipe(&rd, &wr, NULL, 0), "CreatePipe %lu\n", GetLastError());

    mode = PIPE_READMODE_BYTE | PIPE_WAIT;
    ok(SetNamedPipeHandleState(rd, &mode, NULL, NULL), "byte mode on the read end: %lu\n", GetLastError());
    mode = PIPE_READMODE_BYTE | PIPE_WAIT;
    ok(SetNamedPipeHandleState(wr, &mode, NULL, NULL), "byte mode on the write end: %lu\n", GetLastError());

    mode = PIPE_READMODE_MESSAGE;
    SetLastError(0xdeadbeef);
    ok(!SetNamedPipeHandleState(rd, &mode, NULL, NULL), "message reads on a byte pipe accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "error %lu\n", GetLastError());

    ok(GetNamedPipeHandleStateW(rd, &state, NULL, NULL, NULL, NULL, 0), "GetNamedPipeHandleState %lu\n", GetLastError());
    ok(state == PIPE_WAIT, "state %lx\n", state);   /* byte reads, blocking */

    ok(WriteFile(wr, "abc", 3, &n, NULL) && n == 3, "WriteFile %lu\n", GetLastError());
    ok(ReadFile(rd, buf, sizeof(buf), &n, NULL) && n == 3 && !memcmp(buf, "abc", 3), "ReadFile %lu\n", n);
    CloseHandle(rd);
    CloseHandle(wr);
    test_zero_read_anonymous();
    test_zero_read_named();
    return test_summary();
}
