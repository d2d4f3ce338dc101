/*
 * tests/kernel32/childpipe.c — a child's standard handles made the way
 * libuv (Node.js) makes them: the parent keeps the overlapped server end
 * of a named pipe and gives the child a synchronous client end. The
 * child's plain ReadFile must wait for data that is not there yet (Dart's
 * VM reads its stdin so: wlx's ended with ERROR_GEN_FAILURE and the Sass
 * compiler quit at once), and its plain WriteFile must wait while the
 * parent does not read (a megabyte through a 64 KiB pipe).
 *
 * Children: "read" reads "one", says "r" on its stdout, reads "two", says
 * "s", then reads the end of the pipe (ERROR_BROKEN_PIPE); "write" writes
 * 1 MiB to its stdout. Exit code 0 when all went as on Windows, else a
 * step number * 1000 + the error.
 */
#include "../test.h"
#include "selfchild.h"

#define CHUNK 16384
#define CHUNKS 64

static int child_read(void)
{
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE), out = GetStdHandle(STD_OUTPUT_HANDLE);
    char buf[16];
    DWORD n, w;

    if (!ReadFile(in, buf, sizeof(buf), &n, NULL)) return 1000 + GetLastError();
    if (n != 3 || memcmp(buf, "one", 3)) return 1999;
    WriteFile(out, "r", 1, &w, NULL);
    /* nothing to read yet: this waits */
    if (!ReadFile(in, buf, sizeof(buf), &n, NULL)) return 2000 + GetLastError();
    if (n != 3 || memcmp(buf, "two", 3)) return 2999;
    WriteFile(out, "s", 1, &w, NULL);
    /* the parent closes its end */
    if (ReadFile(in, buf, sizeof(buf), &n, NULL)) return 3999;
    if (GetLastError() != ERROR_BROKEN_PIPE) return 3000 + GetLastError();
    return 0;
}

static int child_write(void)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    static char buf[CHUNK];
    DWORD w;
    int i;

    memset(buf, 'x', sizeof(buf));
    for (i = 0; i < CHUNKS; i++)
    {
        if (!WriteFile(out, buf, CHUNK, &w, NULL)) return 1000 + GetLastError();
        if (w != CHUNK) return 2000 + i;
    }
    return 0;
}

/* a named pipe as libuv makes one for a child: the overlapped server end
   (returned) and a synchronous, inheritable client end (*client) */
static HANDLE uv_pipe(const WCHAR *suffix, DWORD client_access, HANDLE *client)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    OVERLAPPED ov = { 0 };
    WCHAR name[MAX_PATH];
    HANDLE server;

    _snwprintf(name, ARRAYSIZE(name), L"\\\\.\\pipe\\wlx-childpipe-%lu-%ls", GetCurrentProcessId(), suffix);
    server = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED | FILE_FLAG_FIRST_PIPE_INSTANCE,
                              PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT, 1, 65536, 65536, 0, NULL);
    ok(server != INVALID_HANDLE_VALUE, "CreateNamedPipeW: %lu\n", GetLastError());
    *client = CreateFileW(name, client_access, 0, &sa, OPEN_EXISTING, 0, NULL);
    ok(*client != INVALID_HANDLE_VALUE, "CreateFileW: %lu\n", GetLastError());
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    ok(!ConnectNamedPipe(server, &ov) && GetLastError() == ERROR_PIPE_CONNECTED, "ConnectNamedPipe: %lu\n", GetLastError());
    CloseHandle(ov.hEvent);
    return server;
}

/* an overlapped write of `s` to `h`, waited for */
static void write_server(HANDLE h, const char *s)
{
    OVERLAPPED ov = { 0 };
    DWORD n = 0;

    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (!WriteFile(h, s, strlen(s), NULL, &ov))
        ok(GetLastError() == ERROR_IO_PENDING, "WriteFile: %lu\n", GetLastError());
    ok(GetOverlappedResult(h, &ov, &n, TRUE) && n == strlen(s), "write of %s: %lu bytes\n", s, n);
    CloseHandle(ov.hEvent);
}

static void test_child_reads(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    HANDLE server, client, out_r, out_w;
    char c = 0;
    DWORD n, code;

    server = uv_pipe(L"in", GENERIC_READ | FILE_WRITE_ATTRIBUTES, &client);
    ok(CreatePipe(&out_r, &out_w, &sa, 0), "CreatePipe: %lu\n", GetLastError());
    SetHandleInformation(out_r, HANDLE_FLAG_INHERIT, 0);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = client;
    si.hStdOutput = si.hStdError = out_w;
    if (!ok(start_self(L"read", TRUE, 0, &si, &pi), "CreateProcess: %lu\n", GetLastError())) return;
    CloseHandle(client);
    CloseHandle(out_w);

    write_server(server, "one");
    ok(ReadFile(out_r, &c, 1, &n, NULL) && c == 'r', "the child did not read the first chunk: %lu %c\n", GetLastError(), c);
    /* lets the child reach its next read before there is anything to read,
       the case tested (nothing is timed) */
    Sleep(300);
    write_server(server, "two");
    ok(ReadFile(out_r, &c, 1, &n, NULL) && c == 's', "the child did not read the second chunk: %lu %c\n", GetLastError(), c);
    CloseHandle(server);
    code = finish(&pi);
    ok(code == 0, "child's reads: exit code %lu\n", code);
    CloseHandle(out_r);
}

static void test_child_writes(void)
{
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    HANDLE server, client;
    static char buf[65536];
    DWORD total = 0, code;

    server = uv_pipe(L"out", GENERIC_WRITE | FILE_READ_ATTRIBUTES, &client);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = NULL;
    si.hStdOutput = si.hStdError = client;
    if (!ok(start_self(L"write", TRUE, 0, &si, &pi), "CreateProcess: %lu\n", GetLastError())) return;
    CloseHandle(client);
    /* the child fills the pipe and must wait for this reader */
    Sleep(300);
    for (;;)
    {
        OVERLAPPED ov = { 0 };
        DWORD n = 0;

        ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
        if (!ReadFile(server, buf, sizeof(buf), NULL, &ov) && GetLastError() != ERROR_IO_PENDING) { CloseHandle(ov.hEvent); break; }
        if (!GetOverlappedResult(server, &ov, &n, TRUE)) { CloseHandle(ov.hEvent); break; }
        CloseHandle(ov.hEvent);
        total += n;
    }
    ok(GetLastError() == ERROR_BROKEN_PIPE, "the end of the child's output: %lu\n", GetLastError());
    ok(total == CHUNK * CHUNKS, "read %lu bytes of the child's %u\n", total, CHUNK * CHUNKS);
    code = finish(&pi);
    ok(code == 0, "child's writes: exit code %lu\n", code);
    CloseHandle(server);
}

int main(int argc, char **argv)
{
    GetModuleFileNameW(NULL, module, MAX_PATH);
    if (argc >= 2 && !strcmp(argv[1], "read")) return child_read();
    if (argc >= 2 && !strcmp(argv[1], "write")) return child_write();
    test_start("kernel32/childpipe");
    test_child_reads();
    test_child_writes();
    return test_summary();
}
