/*
 * tests/kernel32/pipestate.c — SetNamedPipeHandleState and
 * GetNamedPipeHandleState on an anonymous pipe (runtimes such as libuv set
 * byte/blocking mode on whatever pipe they are given as a std handle): byte
 * reads and blocking mode are accepted, message reads refused (an anonymous
 * pipe is a byte pipe), and the pipe still carries data afterwards.
 */
#include <windows.h>
#include "test.h"

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
    return test_summary();
}
