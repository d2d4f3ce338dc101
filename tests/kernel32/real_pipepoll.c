/*
 * tests/kernel32/real_pipepoll.c — a parent that polls its child's output
 * with PeekNamedPipe instead of blocking (editors running build jobs,
 * script hosts, older process wrappers do this): it peeks the data, reads
 * exactly what the peek showed, sleeps a little when nothing is there, and
 * stops when the peek fails with ERROR_BROKEN_PIPE (the child has exited
 * and everything was read). Also what such programs ask about the pipe
 * first (GetNamedPipeInfo, GetNamedPipeHandleState on CreatePipe's ends),
 * a peek of the write end (ERROR_ACCESS_DENIED), TransactNamedPipe on
 * a pipe with unread data (ERROR_PIPE_BUSY, nothing sent), and waits on the
 * handles themselves (a child's stdin, a listening pipe), and blocked
 * synchronous reads ended from another thread (CancelSynchronousIo on an
 * anonymous pipe, CancelIoEx on a named pipe's client end), and libuv's
 * zero-byte read, which waits for data without taking any, ended the same
 * way (ctest stops a timed-out test's output reader so).
 */
#include "../test.h"
#include "selfchild.h"
#include <stdlib.h>

#define LINES 6

static int child_talk(void)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    char line[64];
    DWORD n;
    for (int i = 0; i < LINES; i++)
    {
        n = sprintf(line, "line %d of the child\n", i);
        if (!WriteFile(out, line, n, &n, NULL)) return 1;
        Sleep(i % 2 ? 0 : 15);
    }
    return 0;
}

static void test_poll(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    HANDLE rd, wr;
    char out[1024], peeked[256], got[256], expect[1024];
    DWORD flags = 0, out_size = 0, in_size = 0, max = 0, state = 99, instances = 0, n, avail, len = 0;
    int polls = 0, mismatches = 0, idle = 0, i;

    ok(CreatePipe(&rd, &wr, &sa, 0), "CreatePipe: %lu\n", GetLastError());
    SetHandleInformation(rd, HANDLE_FLAG_INHERIT, 0);

    /* what the ends say about themselves */
    ok(GetNamedPipeInfo(rd, &flags, &out_size, &in_size, &max), "GetNamedPipeInfo(read end): %lu\n", GetLastError());
    ok(flags == PIPE_SERVER_END && max == 1, "read end: flags %#lx max %lu\n", flags, max);
    ok(GetNamedPipeInfo(wr, &flags, NULL, NULL, &max), "GetNamedPipeInfo(write end): %lu\n", GetLastError());
    ok(flags == PIPE_CLIENT_END && max == 1, "write end: flags %#lx max %lu\n", flags, max);
    ok(GetNamedPipeHandleStateW(rd, &state, &instances, NULL, NULL, NULL, 0), "GetNamedPipeHandleState: %lu\n", GetLastError());
    ok(state == 0 && instances == 1, "state %#lx instances %lu\n", state, instances);
    SetLastError(0xdeadbeef);
    ok(!PeekNamedPipe(wr, NULL, 0, NULL, &avail, NULL) && GetLastError() == ERROR_ACCESS_DENIED,
       "peek of the write end: %lu\n", GetLastError());
    ok(PeekNamedPipe(rd, NULL, 0, NULL, &avail, NULL) && avail == 0, "peek of an empty pipe: %lu\n", avail);

    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = wr;
    si.hStdError = wr;
    BOOL ret = start_self(L"talk", TRUE, 0, &si, &pi);
    CloseHandle(wr);   /* the child holds the only write end now */
    if (!ok(ret, "CreateProcess: %lu\n", GetLastError())) return;

    DWORD start = GetTickCount();
    for (;;)
    {
        if (GetTickCount() - start > 20000) { ok(0, "the poll loop did not end\n"); break; }
        polls++;
        memset(peeked, 0, sizeof(peeked));
        if (!PeekNamedPipe(rd, peeked, sizeof(peeked), &n, &avail, NULL))
        {
            ok(GetLastError() == ERROR_BROKEN_PIPE, "the peek failed with %lu\n", GetLastError());
            break;
        }
        if (!avail) { idle++; Sleep(5); continue; }
        ok(n == (avail < sizeof(peeked) ? avail : sizeof(peeked)), "peek copied %lu of %lu\n", n, avail);
        /* read what the peek showed: the same bytes */
        if (!ReadFile(rd, got, n, &n, NULL)) { ok(0, "read: %lu\n", GetLastError()); break; }
        if (memcmp(got, peeked, n)) mismatches++;
        if (len + n < sizeof(out)) { memcpy(out + len, got, n); len += n; }
    }
    out[len] = 0;
    expect[0] = 0;
    for (i = 0; i < LINES; i++) sprintf(expect + strlen(expect), "line %d of the child\n", i);
    ok(!strcmp(out, expect), "the child's output: \"%s\"\n", out);
    ok(!mismatches, "%d reads differed from their peeks\n", mismatches);
    SetLastError(0xdeadbeef);
    ok(!ReadFile(rd, got, 1, &n, NULL) && GetLastError() == ERROR_BROKEN_PIPE, "read after the end: %lu\n", GetLastError());
    ok(finish(&pi) == 0, "the child's exit code\n");
    CloseHandle(rd);
}

/* a request/answer over a message pipe while an answer is still unread */
static void test_transact_busy(void)
{
    WCHAR name[64];
    DWORD mode = PIPE_READMODE_MESSAGE, n;
    char buf[16];

    swprintf(name, ARRAYSIZE(name), L"\\\\.\\pipe\\wlx-real-pipepoll-%lu", GetCurrentProcessId());
    HANDLE s = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, 1, 512, 512, 0, NULL);
    HANDLE c = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    if (!ok(s != INVALID_HANDLE_VALUE && c != INVALID_HANDLE_VALUE, "pipe: %lu\n", GetLastError())) return;
    ok(SetNamedPipeHandleState(c, &mode, NULL, NULL), "message mode: %lu\n", GetLastError());
    /* who is at the other end: this process, in its session */
    ULONG id = 99, session = 99;
    DWORD mine = 0;
    ProcessIdToSessionId(GetCurrentProcessId(), &mine);
    ok(GetNamedPipeClientProcessId(s, &id) && id == GetCurrentProcessId(), "client process %lu\n", id);
    ok(GetNamedPipeClientSessionId(s, &session) && session == mine, "client session %lu, ours %lu\n", session, mine);
    session = 99;
    ok(GetNamedPipeServerSessionId(c, &session) && session == mine, "server session %lu, ours %lu\n", session, mine);
    ok(WriteFile(s, "stale", 5, &n, NULL), "write: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!TransactNamedPipe(c, "ask", 3, buf, sizeof(buf), &n, NULL) && GetLastError() == ERROR_PIPE_BUSY,
       "transact with unread data: %lu\n", GetLastError());
    /* nothing was sent: the server has nothing to read */
    DWORD avail = 99;
    ok(PeekNamedPipe(s, NULL, 0, NULL, &avail, NULL) && avail == 0, "the request went out anyway: %lu bytes\n", avail);
    ok(ReadFile(c, buf, sizeof(buf), &n, NULL) && n == 5 && !memcmp(buf, "stale", 5), "the stale message: %lu\n", n);
    /* now it works: the server answers from here once the request is in */
    ok(WriteFile(s, "answer", 6, &n, NULL), "write: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!TransactNamedPipe(c, "ask", 3, buf, sizeof(buf), &n, NULL) && GetLastError() == ERROR_PIPE_BUSY,
       "the answer written early counts as unread data: %lu\n", GetLastError());
    ReadFile(c, buf, sizeof(buf), &n, NULL);
    CloseHandle(c);
    CloseHandle(s);
}

/* waiting on file handles themselves: a child waits on its stdin (a pipe)
   before reading; a server with no event in its OVERLAPPED waits on the pipe
   handle for the connect, as older code does */
static int child_waitin(void)
{
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    char buf[16];
    DWORD n;
    if (WaitForSingleObject(in, 5000) != WAIT_OBJECT_0) return 1;
    if (!ReadFile(in, buf, sizeof(buf), &n, NULL) || n != 4 || memcmp(buf, "ping", 4)) return 2;
    return 0;
}

static void test_wait_on_handles(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    HANDLE rd, wr;
    DWORD n;

    CreatePipe(&rd, &wr, &sa, 0);
    SetHandleInformation(wr, HANDLE_FLAG_INHERIT, 0);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = rd;
    si.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    BOOL ret = start_self(L"waitin", TRUE, 0, &si, &pi);
    CloseHandle(rd);
    if (ok(ret, "CreateProcess: %lu\n", GetLastError()))
    {
        WriteFile(wr, "ping", 4, &n, NULL);
        ok(finish(&pi) == 0, "the child waiting on its stdin (exit code: the check that failed)\n");
    }
    CloseHandle(wr);

    /* a listening server waits on its own pipe handle */
    WCHAR name[64];
    OVERLAPPED ov = { 0 };
    swprintf(name, ARRAYSIZE(name), L"\\\\.\\pipe\\wlx-real-pipepoll-w%lu", GetCurrentProcessId());
    HANDLE s = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE, 1, 512, 512, 0, NULL);
    ok(!ConnectNamedPipe(s, &ov) && GetLastError() == ERROR_IO_PENDING, "connect: %lu\n", GetLastError());
    ok(WaitForSingleObject(s, 50) == WAIT_TIMEOUT, "the pipe handle is signaled while the connect is pending\n");
    HANDLE c = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(c != INVALID_HANDLE_VALUE, "client: %lu\n", GetLastError());
    ok(WaitForSingleObject(s, 5000) == WAIT_OBJECT_0, "the pipe handle was not signaled by the connect\n");
    ok(GetOverlappedResult(s, &ov, &n, FALSE), "connect result: %lu\n", GetLastError());
    CloseHandle(c);
    CloseHandle(s);
}

/* libuv reads a non-overlapped pipe in a thread of its own and stops it
   with CancelSynchronousIo; other programs end such a read with CancelIoEx
   on the handle */
static DWORD WINAPI blocked_reader(void *arg)
{
    char buf[16];
    DWORD n;
    if (ReadFile(arg, buf, sizeof(buf), &n, NULL)) return 1;
    return GetLastError() == ERROR_OPERATION_ABORTED ? 0 : 100 + GetLastError() % 100;
}

static void test_cancel_blocked_reads(void)
{
    HANDLE rd, wr, t;
    DWORD code, n;
    WCHAR name[64];

    CreatePipe(&rd, &wr, NULL, 0);
    t = CreateThread(NULL, 0, blocked_reader, rd, 0, NULL);
    /* until it blocks: CancelSynchronousIo finds nothing before */
    for (int i = 0; i < 200 && !CancelSynchronousIo(t); i++) Sleep(10);
    ok(WaitForSingleObject(t, 5000) == WAIT_OBJECT_0, "CancelSynchronousIo did not end the read of an anonymous pipe\n");
    code = 9;
    GetExitCodeThread(t, &code);
    ok(code == 0, "the cancelled read: %lu (0: ERROR_OPERATION_ABORTED)\n", code);
    CloseHandle(t);
    /* the pipe still works */
    ok(WriteFile(wr, "x", 1, &n, NULL) && ReadFile(rd, name, 1, &n, NULL) && n == 1, "the pipe after the cancel\n");
    CloseHandle(rd);
    CloseHandle(wr);

    swprintf(name, ARRAYSIZE(name), L"\\\\.\\pipe\\wlx-real-pipepoll-c%lu", GetCurrentProcessId());
    HANDLE s = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE, 1, 512, 512, 0, NULL);
    HANDLE c = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(c != INVALID_HANDLE_VALUE, "client: %lu\n", GetLastError());
    t = CreateThread(NULL, 0, blocked_reader, c, 0, NULL);
    /* until the read is blocked and cancelled (before, there is nothing to
       cancel; Wine 8.0 says TRUE then as well, hence the wait each time) */
    BOOL ended = FALSE;
    for (int i = 0; i < 50 && !ended; i++)
        ended = CancelIoEx(c, NULL) ? WaitForSingleObject(t, 100) == WAIT_OBJECT_0 : (Sleep(10), FALSE);
    ok(ended, "CancelIoEx did not end another thread's synchronous read\n");
    code = 9;
    GetExitCodeThread(t, &code);
    ok(code == 0, "the cancelled read: %lu (0: ERROR_OPERATION_ABORTED)\n", code);
    SetLastError(0xdeadbeef);
    BOOL again = CancelIoEx(c, NULL);
    DWORD err = GetLastError();
    /* Windows documents ERROR_NOT_FOUND when nothing is pending; Wine 8.0
       returns TRUE */
    todo_wine(!again && err == ERROR_NOT_FOUND, "nothing left to cancel: %d %lu\n", again, err);
    CloseHandle(t);
    CloseHandle(c);
    CloseHandle(s);
}

/* libuv's reader thread of a non-overlapped pipe asks for 0 bytes: the
   read returns once data is there, and uv_close stops it with
   CancelSynchronousIo, in a loop until the thread has left the read (ctest
   closes a timed-out test's output pipe so: a read that cannot be
   cancelled holds ctest until the test ends on its own) */
static DWORD WINAPI zero_reader(void *arg)
{
    char buf[1];
    DWORD n = 7;
    if (ReadFile(arg, buf, 0, &n, NULL)) return n == 0 ? 1 : 2;
    return GetLastError() == ERROR_OPERATION_ABORTED ? 0 : 100 + GetLastError() % 100;
}

static void test_cancel_zero_reads(void)
{
    HANDLE rd, wr, t;
    DWORD code, n;
    char c;
    WCHAR name[64];

    CreatePipe(&rd, &wr, NULL, 0);
    /* with data there, the zero-byte read returns at once and takes none */
    WriteFile(wr, "y", 1, &n, NULL);
    t = CreateThread(NULL, 0, zero_reader, rd, 0, NULL);
    ok(WaitForSingleObject(t, 5000) == WAIT_OBJECT_0, "a zero-byte read with data waiting did not return\n");
    code = 9;
    GetExitCodeThread(t, &code);
    ok(code == 1, "the zero-byte read with data: %lu (1: TRUE, 0 bytes)\n", code);
    CloseHandle(t);
    ok(ReadFile(rd, &c, 1, &n, NULL) && n == 1 && c == 'y', "the byte is still there after the zero-byte read\n");

    /* without data it blocks, until CancelSynchronousIo */
    t = CreateThread(NULL, 0, zero_reader, rd, 0, NULL);
    ok(WaitForSingleObject(t, 200) == WAIT_TIMEOUT, "a zero-byte read of an empty pipe returned\n");
    BOOL ended = FALSE;
    for (int i = 0; i < 50 && !ended; i++)
        ended = CancelSynchronousIo(t) ? WaitForSingleObject(t, 100) == WAIT_OBJECT_0 : (Sleep(10), FALSE);
    ok(ended, "CancelSynchronousIo did not end a zero-byte read of an anonymous pipe\n");
    if (!ended) { WriteFile(wr, "z", 1, &n, NULL); WaitForSingleObject(t, 5000); ReadFile(rd, &c, 1, &n, NULL); }
    code = 9;
    GetExitCodeThread(t, &code);
    ok(code == 0, "the cancelled zero-byte read: %lu (0: ERROR_OPERATION_ABORTED)\n", code);
    CloseHandle(t);
    ok(WriteFile(wr, "x", 1, &n, NULL) && ReadFile(rd, &c, 1, &n, NULL) && n == 1 && c == 'x', "the pipe after the cancel\n");
    CloseHandle(rd);
    CloseHandle(wr);

    /* a named pipe's client end, non-overlapped, as libuv opens a child's
       stdout pipe */
    swprintf(name, ARRAYSIZE(name), L"\\\\.\\pipe\\wlx-real-pipepoll-z%lu", GetCurrentProcessId());
    HANDLE s = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE, 1, 512, 512, 0, NULL);
    HANDLE cl = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(cl != INVALID_HANDLE_VALUE, "client: %lu\n", GetLastError());
    t = CreateThread(NULL, 0, zero_reader, cl, 0, NULL);
    ok(WaitForSingleObject(t, 200) == WAIT_TIMEOUT, "a zero-byte read of an empty named pipe returned\n");
    ended = FALSE;
    for (int i = 0; i < 50 && !ended; i++)
        ended = CancelSynchronousIo(t) ? WaitForSingleObject(t, 100) == WAIT_OBJECT_0 : (Sleep(10), FALSE);
    ok(ended, "CancelSynchronousIo did not end a zero-byte read of a named pipe\n");
    if (!ended) { WriteFile(s, "z", 1, &n, NULL); WaitForSingleObject(t, 5000); }
    code = 9;
    GetExitCodeThread(t, &code);
    ok(code == 0, "the cancelled zero-byte read of a named pipe: %lu (0: ERROR_OPERATION_ABORTED)\n", code);
    CloseHandle(t);
    CloseHandle(cl);
    CloseHandle(s);
}

int main(int argc, char **argv)
{
    GetModuleFileNameW(NULL, module, MAX_PATH);
    test_start("real_pipepoll");
    if (argc >= 2 && !strcmp(argv[1], "talk")) return child_talk();
    if (argc >= 2 && !strcmp(argv[1], "waitin")) return child_waitin();
    test_poll();
    test_transact_busy();
    test_wait_on_handles();
    test_cancel_blocked_reads();
    test_cancel_zero_reads();
    return test_summary();
}
