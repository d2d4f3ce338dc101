/*
 * tests/kernel32/real_evloop.c — a libuv-style event loop: one thread
 * around GetQueuedCompletionStatusEx, driving a child process whose stdin
 * and stdout are named pipes made the way libuv makes them (the parent's
 * end overlapped, FILE_FLAG_FIRST_PIPE_INSTANCE, on the loop's port; the
 * child's end opened with CreateFileW, inheritable, synchronous).
 *
 *   - stdout is read with libuv's "zero reads": an overlapped ReadFile of
 *     0 bytes whose completion says data is there, then PeekNamedPipe for
 *     the amount and a ReadFile of it with no OVERLAPPED on the overlapped
 *     handle (it does not block: the data is there);
 *   - stdin is written in chunks with overlapped WriteFile, then closed:
 *     the child reads EOF (ERROR_BROKEN_PIPE) and exits;
 *   - the child's exit comes as a packet posted by a
 *     RegisterWaitForSingleObject callback (WT_EXECUTEINWAITTHREAD |
 *     WT_EXECUTEONLYONCE) on its process handle, as uv_spawn does;
 *   - uv_async_send: another thread posts packets to the port;
 *   - a repeating timer kept by the loop through the wait's timeout.
 *
 * Then a child whose stdin the parent closes without having used it (its
 * read ends with ERROR_BROKEN_PIPE), and a child killed with
 * TerminateProcess that reports its exit the same way with the code given.
 */
#include "../test.h"
#include "selfchild.h"
#include <stdlib.h>

/* the Win32 error of a packet's NTSTATUS, for the ones a pipe gives */
static DWORD packet_error(ULONG_PTR status)
{
    switch ((DWORD)status)
    {
    case 0: return 0;
    case 0xc000014b: return ERROR_BROKEN_PIPE;         /* STATUS_PIPE_BROKEN */
    case 0xc0000120: return ERROR_OPERATION_ABORTED;   /* STATUS_CANCELLED */
    default: return (DWORD)status;
    }
}

enum { KEY_STDIN = 1, KEY_STDOUT, KEY_EXIT, KEY_ASYNC };

#define CHUNKS 40
#define CHUNK 1000
#define ASYNCS 10

/* --- the child -------------------------------------------------------------------------- */

static int child_cat(void)
{
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE), out = GetStdHandle(STD_OUTPUT_HANDLE);
    char buf[4096];
    DWORD n, w;
    for (;;)
    {
        if (!ReadFile(in, buf, sizeof(buf), &n, NULL))
            return GetLastError() == ERROR_BROKEN_PIPE ? 3 : 4;   /* 4: the end came as another error */
        if (!n) continue;
        for (DWORD i = 0; i < n; i++) if (buf[i] >= 'a' && buf[i] <= 'z') buf[i] -= 32;
        if (!WriteFile(out, buf, n, &w, NULL) || w != n) return 5;
    }
}

/* --- the loop --------------------------------------------------------------------------- */

struct loop {
    HANDLE port;
    HANDLE in_pipe, out_pipe;               /* the parent's ends */
    OVERLAPPED read_ov, write_ov[CHUNKS];
    char chunks[CHUNKS][CHUNK];
    int writes_done, write_errors;
    char *got;                              /* what came back */
    DWORD got_len;
    int zero_reads, stdout_eof, read_errors;
    int exited, asyncs, ticks;
    HANDLE wait;                            /* the registered exit wait */
};

static void CALLBACK on_exit(void *ctx, BOOLEAN timed_out)
{
    struct loop *l = ctx;
    PostQueuedCompletionStatus(l->port, timed_out, KEY_EXIT, NULL);
}

static DWORD WINAPI async_sender(void *arg)
{
    struct loop *l = arg;
    for (int i = 0; i < ASYNCS; i++)
    {
        PostQueuedCompletionStatus(l->port, 0, KEY_ASYNC, (OVERLAPPED *)(ULONG_PTR)(i + 1));
        Sleep(2);
    }
    return 0;
}

/* the pipe pair libuv makes for one stdio stream */
static BOOL make_stdio_pipe(struct loop *l, int n, HANDLE *parent, HANDLE *child, DWORD child_access)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    WCHAR name[96];
    swprintf(name, ARRAYSIZE(name), L"\\\\.\\pipe\\wlx-real-evloop-%lu-%d-%lu", GetCurrentProcessId(), n, GetTickCount());
    *parent = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED | FILE_FLAG_FIRST_PIPE_INSTANCE,
                               PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT, 1, 65536, 65536, 0, NULL);
    if (*parent == INVALID_HANDLE_VALUE) return FALSE;
    *child = CreateFileW(name, child_access | FILE_READ_ATTRIBUTES | FILE_WRITE_ATTRIBUTES, 0, &sa, OPEN_EXISTING, 0, NULL);
    if (*child == INVALID_HANDLE_VALUE) return FALSE;
    /* the client is there already: the connect says so at once */
    OVERLAPPED ov = { 0 };
    if (ConnectNamedPipe(*parent, &ov) || GetLastError() != ERROR_PIPE_CONNECTED) return FALSE;
    return CreateIoCompletionPort(*parent, l->port, n == 0 ? KEY_STDIN : KEY_STDOUT, 0) == l->port;
}

static void start_zero_read(struct loop *l)
{
    static char dummy;
    memset(&l->read_ov, 0, sizeof(l->read_ov));
    if (!ReadFile(l->out_pipe, &dummy, 0, NULL, &l->read_ov))
    {
        DWORD err = GetLastError();
        if (err == ERROR_BROKEN_PIPE) { l->stdout_eof = 1; return; }
        if (err != ERROR_IO_PENDING) { l->read_errors++; return; }
    }
    /* pending, or done at once: the packet comes either way */
}

/* the zero read completed: take what is there */
static void on_readable(struct loop *l, DWORD status)
{
    DWORD avail = 0, n;
    if (status == ERROR_BROKEN_PIPE) { l->stdout_eof = 1; return; }
    if (status) { l->read_errors++; return; }
    l->zero_reads++;
    for (;;)
    {
        if (!PeekNamedPipe(l->out_pipe, NULL, 0, NULL, &avail, NULL))
        {
            if (GetLastError() == ERROR_BROKEN_PIPE) { l->stdout_eof = 1; return; }
            l->read_errors++;
            return;
        }
        if (!avail) break;
        if (l->got_len + avail > CHUNKS * CHUNK) { l->read_errors++; return; }
        /* no OVERLAPPED on an overlapped handle: fine when the data is there */
        if (!ReadFile(l->out_pipe, l->got + l->got_len, avail, &n, NULL)) { l->read_errors++; return; }
        l->got_len += n;
    }
    start_zero_read(l);
}

static void test_loop(void)
{
    static struct loop l;
    HANDLE child_in, child_out;
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    int i;

    memset(&l, 0, sizeof(l));
    l.got = HeapAlloc(GetProcessHeap(), 0, CHUNKS * CHUNK);
    l.port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    if (!ok(make_stdio_pipe(&l, 0, &l.in_pipe, &child_in, GENERIC_READ), "stdin pipe: %lu\n", GetLastError())) return;
    if (!ok(make_stdio_pipe(&l, 1, &l.out_pipe, &child_out, GENERIC_WRITE), "stdout pipe: %lu\n", GetLastError())) return;

    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = child_in;
    si.hStdOutput = child_out;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    BOOL ret = start_self(L"cat", TRUE, CREATE_UNICODE_ENVIRONMENT, &si, &pi);
    CloseHandle(child_in);
    CloseHandle(child_out);
    if (!ok(ret, "CreateProcess: %lu\n", GetLastError())) return;
    ok(RegisterWaitForSingleObject(&l.wait, pi.hProcess, on_exit, &l, INFINITE, WT_EXECUTEINWAITTHREAD | WT_EXECUTEONLYONCE),
       "RegisterWaitForSingleObject: %lu\n", GetLastError());

    /* the writes, all at once; the reads start */
    for (i = 0; i < CHUNKS; i++)
    {
        for (int k = 0; k < CHUNK; k++) l.chunks[i][k] = 'a' + (i + k) % 26;
        if (!WriteFile(l.in_pipe, l.chunks[i], CHUNK, NULL, &l.write_ov[i]) && GetLastError() != ERROR_IO_PENDING)
            l.write_errors++;
    }
    start_zero_read(&l);
    HANDLE sender = CreateThread(NULL, 0, async_sender, &l, 0, NULL);

    DWORD start = GetTickCount(), next_tick = start + 5;
    int stdin_closed = 0;
    while (!(l.exited && l.stdout_eof && l.asyncs == ASYNCS) && GetTickCount() - start < 30000)
    {
        OVERLAPPED_ENTRY e[8];
        ULONG count = 0;
        DWORD now = GetTickCount();
        DWORD timeout = (LONG)(next_tick - now) > 0 ? next_tick - now : 0;
        if (!GetQueuedCompletionStatusEx(l.port, e, 8, &count, timeout, FALSE))
        {
            if (GetLastError() != WAIT_TIMEOUT) { ok(0, "GetQueuedCompletionStatusEx: %lu\n", GetLastError()); break; }
            count = 0;
        }
        if ((LONG)(GetTickCount() - next_tick) >= 0) { l.ticks++; next_tick = GetTickCount() + 5; }
        for (ULONG j = 0; j < count; j++)
        {
            DWORD status = packet_error(e[j].Internal);
            switch (e[j].lpCompletionKey)
            {
            case KEY_STDIN:
                if (status || e[j].dwNumberOfBytesTransferred != CHUNK) l.write_errors++;
                if (++l.writes_done == CHUNKS && !stdin_closed)
                {
                    CloseHandle(l.in_pipe);   /* EOF for the child */
                    stdin_closed = 1;
                }
                break;
            case KEY_STDOUT:
                if (e[j].lpOverlapped != &l.read_ov) l.read_errors++;
                else on_readable(&l, status);
                break;
            case KEY_EXIT: l.exited++; break;
            case KEY_ASYNC: l.asyncs++; break;
            }
        }
    }
    ok(!l.write_errors && l.writes_done == CHUNKS, "writes: %d done, %d errors\n", l.writes_done, l.write_errors);
    ok(!l.read_errors, "%d read errors\n", l.read_errors);
    ok(l.stdout_eof, "stdout did not end\n");
    ok(l.exited == 1, "exit notified %d times\n", l.exited);
    ok(l.asyncs == ASYNCS, "%d of %d async packets\n", l.asyncs, ASYNCS);
    ok(l.ticks >= 1, "the timer never ticked\n");
    ok(l.zero_reads >= 1, "no zero read completed\n");
    ok(l.got_len == CHUNKS * CHUNK, "got %lu bytes back, expected %d\n", l.got_len, CHUNKS * CHUNK);
    int right = 0;
    for (i = 0; i < CHUNKS; i++)
    {
        int same = 1;
        for (int k = 0; k < CHUNK && same; k++)
            if (l.got[i * CHUNK + k] != 'A' + (i + k) % 26) same = 0;
        right += same;
    }
    ok(right == CHUNKS, "%d of %d chunks came back right\n", right, CHUNKS);
    DWORD code = 0;
    ok(GetExitCodeProcess(pi.hProcess, &code) && code == 3, "the child's exit code %lu (4: its read ended with another error than ERROR_BROKEN_PIPE)\n", code);
    ok(UnregisterWaitEx(l.wait, INVALID_HANDLE_VALUE), "UnregisterWaitEx: %lu\n", GetLastError());
    WaitForSingleObject(sender, 10000);
    CloseHandle(sender);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    if (!stdin_closed) CloseHandle(l.in_pipe);
    CloseHandle(l.out_pipe);
    CloseHandle(l.port);
    HeapFree(GetProcessHeap(), 0, l.got);
}

/* the parent closes the child's stdin without ever writing to it (nor
   reading from its end): the child's read ends with ERROR_BROKEN_PIPE */
static void test_closed_unused(void)
{
    static struct loop l;
    HANDLE child_in, child_out;
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;

    memset(&l, 0, sizeof(l));
    l.port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    if (!ok(make_stdio_pipe(&l, 0, &l.in_pipe, &child_in, GENERIC_READ), "stdin pipe: %lu\n", GetLastError())) return;
    if (!ok(make_stdio_pipe(&l, 1, &l.out_pipe, &child_out, GENERIC_WRITE), "stdout pipe: %lu\n", GetLastError())) return;
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = child_in;
    si.hStdOutput = child_out;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    BOOL ret = start_self(L"cat", TRUE, 0, &si, &pi);
    CloseHandle(child_in);
    CloseHandle(child_out);
    if (!ok(ret, "CreateProcess: %lu\n", GetLastError())) return;
    Sleep(100);                /* the child is in its first read by now (or soon) */
    CloseHandle(l.in_pipe);
    ok(finish(&pi) == 3, "the child's read did not end with ERROR_BROKEN_PIPE (exit code 4: another error)\n");
    CloseHandle(l.out_pipe);
    CloseHandle(l.port);
}

/* uv_process_kill: the exit comes through the registered wait with the code */
static void test_kill(void)
{
    static struct loop l;
    PROCESS_INFORMATION pi;
    OVERLAPPED_ENTRY e;
    ULONG count;

    memset(&l, 0, sizeof(l));
    l.port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    if (!ok(start_self(L"sleep", FALSE, 0, NULL, &pi), "CreateProcess: %lu\n", GetLastError())) return;
    ok(RegisterWaitForSingleObject(&l.wait, pi.hProcess, on_exit, &l, INFINITE, WT_EXECUTEINWAITTHREAD | WT_EXECUTEONLYONCE),
       "RegisterWaitForSingleObject: %lu\n", GetLastError());
    ok(!GetQueuedCompletionStatusEx(l.port, &e, 1, &count, 50, FALSE) && GetLastError() == WAIT_TIMEOUT, "early packet\n");
    ok(TerminateProcess(pi.hProcess, 0x1234), "TerminateProcess: %lu\n", GetLastError());
    ok(GetQueuedCompletionStatusEx(l.port, &e, 1, &count, 10000, FALSE) && count == 1 && e.lpCompletionKey == KEY_EXIT
       && e.dwNumberOfBytesTransferred == 0, "exit packet: %lu\n", GetLastError());
    DWORD code = 0;
    ok(GetExitCodeProcess(pi.hProcess, &code) && code == 0x1234, "exit code %#lx\n", code);
    ok(UnregisterWaitEx(l.wait, INVALID_HANDLE_VALUE), "UnregisterWaitEx: %lu\n", GetLastError());
    ok(finish(&pi) == 0x1234, "exit code\n");
    CloseHandle(l.port);
}

int main(int argc, char **argv)
{
    GetModuleFileNameW(NULL, module, MAX_PATH);
    test_start("real_evloop");
    if (argc >= 2 && !strcmp(argv[1], "cat")) return child_cat();
    if (argc >= 2 && !strcmp(argv[1], "sleep")) { Sleep(30000); return 0; }
    test_loop();
    test_closed_unused();
    test_kill();
    return test_summary();
}
