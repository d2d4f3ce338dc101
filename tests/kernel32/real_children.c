/*
 * tests/kernel32/real_children.c — a parent driving worker processes, as
 * build tools and test runners do. The program runs itself as the child:
 *
 *   "sum": reads lines of numbers from stdin until EOF, writes one
 *          "sum N count M" line per input line to stdout, exits with the
 *          number of lines it read.
 *   "pipe <name>": opens the named pipe, reads messages (numbers), answers
 *          each with its square, ends on "0" with exit code 7.
 *
 * The parent starts several "sum" children with their std handles on
 * anonymous pipes (only the child's ends inheritable), writes their work,
 * closes their stdin, reads each stdout until ERROR_BROKEN_PIPE, waits for
 * all with WaitForMultipleObjects and checks every exit code. Then one child
 * over a named pipe that the parent serves in overlapped mode through a
 * completion port; a child whose stdout is the inherited client end of an
 * overlapped named pipe the parent reads through a port (libuv's and
 * asyncio's way). Last a job runner: ten children ("exit N" sleeps a
 * little and exits with N), at most three at once, each reaped as it ends
 * by a wait-any over the running ones, its exit code checked.
 */
#include "../test.h"
#include "selfchild.h"
#include <stdlib.h>

#define CHILDREN 4
#define LINES 20

/* --- the children ------------------------------------------------------------------ */

static int read_line(HANDLE h, char *buf, int size)
{
    int len = 0, got_newline = 0;
    DWORD n;
    char c;
    while (len < size - 1 && ReadFile(h, &c, 1, &n, NULL) && n == 1)
    {
        if ((got_newline = c == '\n')) break;
        buf[len++] = c;
    }
    buf[len] = 0;
    return len || got_newline ? len : -1;   /* -1: EOF */
}

static int child_sum(void)
{
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE), out = GetStdHandle(STD_OUTPUT_HANDLE);
    char line[256], reply[64];
    int lines = 0, len;
    DWORD n;
    while ((len = read_line(in, line, sizeof(line))) >= 0)
    {
        int sum = 0;
        int count = 0;
        for (char *p = line, *end; *p; p = end)
        {
            long v = strtol(p, &end, 10);
            if (end == p) break;
            sum += v;
            count++;
        }
        len = sprintf(reply, "sum %d count %d\n", sum, count);
        if (!WriteFile(out, reply, len, &n, NULL)) return 100;
        lines++;
    }
    return lines;
}

static int child_pipe(const char *name)
{
    HANDLE h = CreateFileA(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    DWORD mode = PIPE_READMODE_MESSAGE, n;
    char buf[32];
    if (h == INVALID_HANDLE_VALUE) return 100;
    SetNamedPipeHandleState(h, &mode, NULL, NULL);
    while (ReadFile(h, buf, sizeof(buf) - 1, &n, NULL))
    {
        buf[n] = 0;
        long v = strtol(buf, NULL, 10);
        if (!v) break;
        n = sprintf(buf, "%ld", v * v);
        if (!WriteFile(h, buf, n, &n, NULL)) return 101;
    }
    CloseHandle(h);
    return 7;
}

/* --- the parent: anonymous pipes ------------------------------------------------------ */

struct worker {
    PROCESS_INFORMATION pi;
    HANDLE to_child, from_child;
};

/* the child's ends are inheritable, ours are not */
static BOOL start_worker(struct worker *w)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOW si = { sizeof(si) };
    HANDLE in_rd, out_wr;
    if (!CreatePipe(&in_rd, &w->to_child, &sa, 0)) return FALSE;
    if (!CreatePipe(&w->from_child, &out_wr, &sa, 0)) return FALSE;
    SetHandleInformation(w->to_child, HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation(w->from_child, HANDLE_FLAG_INHERIT, 0);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = in_rd;
    si.hStdOutput = out_wr;
    si.hStdError = out_wr;
    BOOL ret = start_self(L"sum", TRUE, 0, &si, &w->pi);
    CloseHandle(in_rd);     /* only the child holds these now: EOF works */
    CloseHandle(out_wr);
    return ret;
}

/* everything the child wrote, until the pipe breaks */
static int read_all(HANDLE h, char *buf, int size, DWORD *last_error)
{
    int len = 0;
    DWORD n;
    for (;;)
    {
        if (!ReadFile(h, buf + len, size - 1 - len, &n, NULL)) { *last_error = GetLastError(); break; }
        len += n;
        if (len >= size - 1) { *last_error = 0; break; }
    }
    buf[len] = 0;
    return len;
}

static void test_anonymous_pipes(void)
{
    struct worker w[CHILDREN];
    HANDLE procs[CHILDREN];
    static char out[CHILDREN][4096];
    char line[256], expect[64];

    for (int c = 0; c < CHILDREN; c++)
        if (!ok(start_worker(&w[c]), "CreateProcess failed: %lu\n", GetLastError())) return;
    /* the work: line i of child c holds c+1 numbers i*10 .. */
    for (int c = 0; c < CHILDREN; c++)
    {
        DWORD n;
        for (int i = 0; i < LINES; i++)
        {
            int len = 0;
            for (int k = 0; k <= c; k++) len += sprintf(line + len, "%d ", i * 10 + k);
            line[len++] = '\n';
            ok(WriteFile(w[c].to_child, line, len, &n, NULL) && n == (DWORD)len, "write to child %d failed\n", c);
        }
        CloseHandle(w[c].to_child);   /* EOF for its stdin */
    }
    for (int c = 0; c < CHILDREN; c++)
    {
        DWORD err = 0;
        read_all(w[c].from_child, out[c], sizeof(out[c]), &err);
        ok(err == ERROR_BROKEN_PIPE, "child %d: the read ended with %lu\n", c, err);
        CloseHandle(w[c].from_child);
        procs[c] = w[c].pi.hProcess;
    }
    ok(WaitForMultipleObjects(CHILDREN, procs, TRUE, 10000) == WAIT_OBJECT_0, "the children did not end\n");
    for (int c = 0; c < CHILDREN; c++)
    {
        char *p = out[c];
        int good = 0;
        for (int i = 0; i < LINES; i++)
        {
            int sum = 0;
            for (int k = 0; k <= c; k++) sum += i * 10 + k;
            int len = sprintf(expect, "sum %d count %d\n", sum, c + 1);
            if (!strncmp(p, expect, len)) { good++; p += len; }
        }
        ok(good == LINES && !*p, "child %d: %d good lines, output '%.60s'\n", c, good, out[c]);
        ok(finish(&w[c].pi) == LINES, "child %d: wrong exit code\n", c);
    }
}

/* --- the parent: an overlapped named pipe and a completion port ------------------------- */

#define PIPE_KEY 0x5151

/* one overlapped operation on the server end, completed through the port */
static BOOL port_wait(HANDLE port, OVERLAPPED *expect, DWORD *bytes)
{
    ULONG_PTR key = 0;
    OVERLAPPED *got = NULL;
    BOOL ret = GetQueuedCompletionStatus(port, bytes, &key, &got, 10000);
    return ret && key == PIPE_KEY && got == expect;
}

static void test_named_pipe_iocp(void)
{
    char name[80], args[100], buf[32];
    WCHAR wargs[100];
    PROCESS_INFORMATION pi;
    OVERLAPPED ov = { 0 };
    DWORD n;
    int answers = 0;

    sprintf(name, "\\\\.\\pipe\\wlx_real_children_%lu", GetCurrentProcessId());
    HANDLE server = CreateNamedPipeA(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED,
                                     PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, 1, 256, 256, 0, NULL);
    if (!ok(server != INVALID_HANDLE_VALUE, "CreateNamedPipe failed: %lu\n", GetLastError())) return;
    HANDLE port = CreateIoCompletionPort(server, NULL, PIPE_KEY, 1);
    ok(port != NULL, "CreateIoCompletionPort failed: %lu\n", GetLastError());

    ov.hEvent = NULL;
    BOOL ret = ConnectNamedPipe(server, &ov);
    ok(!ret && GetLastError() == ERROR_IO_PENDING, "ConnectNamedPipe: %d %lu\n", ret, GetLastError());
    sprintf(args, "pipe %s", name);
    MultiByteToWideChar(CP_ACP, 0, args, -1, wargs, ARRAYSIZE(wargs));
    if (!ok(start_self(wargs, FALSE, 0, NULL, &pi), "CreateProcess failed: %lu\n", GetLastError())) return;
    ok(port_wait(port, &ov, &n), "no connect completion\n");

    for (int v = 1; v <= 10; v++)
    {
        int len = sprintf(buf, "%d", v);
        ret = WriteFile(server, buf, len, NULL, &ov);
        if (!ret && GetLastError() != ERROR_IO_PENDING) break;
        if (!port_wait(port, &ov, &n) || n != (DWORD)len) break;
        memset(buf, 0, sizeof(buf));
        ret = ReadFile(server, buf, sizeof(buf) - 1, NULL, &ov);
        if (!ret && GetLastError() != ERROR_IO_PENDING) break;
        if (!port_wait(port, &ov, &n)) break;
        buf[n] = 0;
        if (strtol(buf, NULL, 10) == v * v) answers++;
    }
    ok(answers == 10, "%d good answers\n", answers);
    WriteFile(server, "0", 1, NULL, &ov);
    port_wait(port, &ov, &n);
    /* the child closes its end: a pending read ends with ERROR_BROKEN_PIPE */
    ret = ReadFile(server, buf, sizeof(buf), NULL, &ov);
    if (!ret && GetLastError() == ERROR_IO_PENDING)
    {
        ULONG_PTR key;
        OVERLAPPED *got;
        ret = GetQueuedCompletionStatus(port, &n, &key, &got, 10000);
        ok(!ret && got == &ov && GetLastError() == ERROR_BROKEN_PIPE, "the read ended with %d %lu\n", ret,
           GetLastError());
    }
    else ok(!ret && GetLastError() == ERROR_BROKEN_PIPE, "the read ended with %d %lu\n", ret, GetLastError());
    ok(finish(&pi) == 7, "the pipe child failed\n");
    CloseHandle(server);
    CloseHandle(port);
}

/* --- the parent: libuv's and asyncio's way (the child's stdout is the inherited
   client end of an overlapped named pipe read through a completion port) --------- */

static void test_inherited_pipe_client(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    OVERLAPPED ov = { 0 };
    char name[80], out[2048];
    HANDLE in_rd, in_wr;
    DWORD n;
    int len = 0;

    sprintf(name, "\\\\.\\pipe\\wlx_real_uv_%lu", GetCurrentProcessId());
    HANDLE server = CreateNamedPipeA(name, PIPE_ACCESS_INBOUND | FILE_FLAG_OVERLAPPED | FILE_FLAG_FIRST_PIPE_INSTANCE,
                                     PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS, 1,
                                     65536, 65536, 0, NULL);
    if (!ok(server != INVALID_HANDLE_VALUE, "CreateNamedPipe failed: %lu\n", GetLastError())) return;
    HANDLE client = CreateFileA(name, GENERIC_WRITE, 0, &sa, OPEN_EXISTING, 0, NULL);
    ok(client != INVALID_HANDLE_VALUE, "client open failed: %lu\n", GetLastError());
    BOOL ret = ConnectNamedPipe(server, &ov);
    ok(!ret && GetLastError() == ERROR_PIPE_CONNECTED, "ConnectNamedPipe: %d %lu\n", ret, GetLastError());
    HANDLE port = CreateIoCompletionPort(server, NULL, PIPE_KEY, 1);
    CreatePipe(&in_rd, &in_wr, &sa, 0);
    SetHandleInformation(in_wr, HANDLE_FLAG_INHERIT, 0);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = in_rd;
    si.hStdOutput = si.hStdError = client;
    ret = start_self(L"sum", TRUE, 0, &si, &pi);
    CloseHandle(in_rd);
    CloseHandle(client);
    if (!ok(ret, "CreateProcess failed: %lu\n", GetLastError())) return;
    WriteFile(in_wr, "1 2 3\n40 2\n", 11, &n, NULL);
    CloseHandle(in_wr);
    for (;;)
    {
        ULONG_PTR key;
        OVERLAPPED *got;
        ret = ReadFile(server, out + len, sizeof(out) - 1 - len, NULL, &ov);
        if (!ret && GetLastError() != ERROR_IO_PENDING) break;   /* done at once */
        ret = GetQueuedCompletionStatus(port, &n, &key, &got, 10000);
        if (!ret) break;
        len += n;
    }
    out[len] = 0;
    ok(GetLastError() == ERROR_BROKEN_PIPE, "the reads ended with %lu\n", GetLastError());
    ok(!strcmp(out, "sum 6 count 3\nsum 42 count 2\n"), "output '%s'\n", out);
    ok(finish(&pi) == 2, "the child failed\n");
    CloseHandle(port);
    CloseHandle(server);
}

/* --- the parent: a job runner (at most RUNNING at once, reaped as they end) --------- */

#define JOBS 10
#define RUNNING 3

static void test_job_runner(void)
{
    HANDLE running[RUNNING];
    PROCESS_INFORMATION pis[RUNNING];
    int job_of[RUNNING], next = 0, count = 0, reaped = 0, right = 0;
    WCHAR args[32];

    while (reaped < JOBS)
    {
        while (count < RUNNING && next < JOBS)
        {
            swprintf(args, ARRAYSIZE(args), L"exit %d", 40 + next);
            if (!start_self(args, FALSE, 0, NULL, &pis[count])) { ok(0, "CreateProcess failed: %lu\n", GetLastError()); return; }
            running[count] = pis[count].hProcess;
            job_of[count++] = next++;
        }
        DWORD r = WaitForMultipleObjects(count, running, FALSE, 10000);
        if (!ok(r < WAIT_OBJECT_0 + count, "wait-any over the processes: %lu\n", r)) return;
        int i = r - WAIT_OBJECT_0, job = job_of[i];
        DWORD code = finish(&pis[i]);
        if (code == (DWORD)(40 + job)) right++;
        reaped++;
        count--;   /* the last one takes the reaped one's place */
        running[i] = running[count];
        pis[i] = pis[count];
        job_of[i] = job_of[count];
    }
    ok(right == JOBS, "%d of %d exit codes right\n", right, JOBS);
}

int main(int argc, char **argv)
{
    GetModuleFileNameW(NULL, module, MAX_PATH);
    if (argc >= 3 && !strcmp(argv[1], "exit")) { Sleep(atoi(argv[2]) % 7 * 10); return atoi(argv[2]); }
    if (argc >= 2 && !strcmp(argv[1], "sum")) return child_sum();
    if (argc >= 3 && !strcmp(argv[1], "pipe")) return child_pipe(argv[2]);
    test_anonymous_pipes();
    test_named_pipe_iocp();
    test_inherited_pipe_client();
    test_job_runner();
    return test_summary();
}
