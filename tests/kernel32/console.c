/*
 * tests/kernel32/console.c — standard handles, handle types and consoles.
 *
 * Covers GetStdHandle/SetStdHandle, GetFileType for files, pipes and the
 * NUL device, the console functions on handles that are not consoles
 * (how programs detect redirection), anonymous pipes, writing to stdout,
 * and, when the process has a console, its code pages, modes and screen
 * buffer. On Windows a console program always has one; Wine gives it
 * none when started outside a terminal, so that part may be skipped.
 */
#include "test.h"

static HANDLE open_temp_file(WCHAR *path)
{
    WCHAR dir[MAX_PATH];

    GetTempPathW(MAX_PATH, dir);
    GetTempFileNameW(dir, L"wlx", 0, path);
    return CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                       FILE_FLAG_DELETE_ON_CLOSE, NULL);
}

static void test_std_handles(void)
{
    HANDLE h;
    DWORD err, type;

    h = GetStdHandle(STD_INPUT_HANDLE);
    ok(h != INVALID_HANDLE_VALUE, "no standard input handle\n");
    h = GetStdHandle(STD_OUTPUT_HANDLE);
    ok(h != INVALID_HANDLE_VALUE && h != NULL, "no standard output handle\n");
    type = GetFileType(h);
    ok(type == FILE_TYPE_DISK || type == FILE_TYPE_PIPE || type == FILE_TYPE_CHAR,
       "standard output has type %lu\n", type);
    h = GetStdHandle(STD_ERROR_HANDLE);
    ok(h != INVALID_HANDLE_VALUE && h != NULL, "no standard error handle\n");

    SetLastError(0xdeadbeef);
    h = GetStdHandle(42);
    err = GetLastError();
    ok(h == INVALID_HANDLE_VALUE && err == ERROR_INVALID_HANDLE,
       "GetStdHandle(42): %p, last error %lu\n", h, err);
}

static void test_set_std_handle(void)
{
    HANDLE saved = GetStdHandle(STD_OUTPUT_HANDLE), rd, wr;
    char buf[16] = {0};
    DWORD done, err;

    ok(CreatePipe(&rd, &wr, NULL, 0), "CreatePipe failed: %lu\n", GetLastError());
    ok(SetStdHandle(STD_OUTPUT_HANDLE, wr), "SetStdHandle failed: %lu\n", GetLastError());
    ok(GetStdHandle(STD_OUTPUT_HANDLE) == wr, "GetStdHandle does not return the handle set\n");
    /* Only the slot changes; the handle written through it is the pipe. */
    ok(WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), "via std", 7, &done, NULL) && done == 7,
       "write through the std handle failed\n");
    ok(ReadFile(rd, buf, sizeof(buf) - 1, &done, NULL) && done == 7 && !strcmp(buf, "via std"),
       "pipe received %lu bytes: %s\n", done, buf);
    ok(SetStdHandle(STD_OUTPUT_HANDLE, saved), "restoring stdout failed\n");
    ok(GetStdHandle(STD_OUTPUT_HANDLE) == saved, "stdout not restored\n");

    SetLastError(0xdeadbeef);
    ok(!SetStdHandle(42, wr), "SetStdHandle(42) succeeded\n");
    err = GetLastError();
    ok(err == ERROR_INVALID_HANDLE, "SetStdHandle(42): last error %lu\n", err);
    CloseHandle(rd);
    CloseHandle(wr);
}

static void test_file_types(void)
{
    WCHAR path[MAX_PATH];
    HANDLE file, rd, wr, nul;
    DWORD type, err;

    file = open_temp_file(path);
    ok(GetFileType(file) == FILE_TYPE_DISK, "file type %lu\n", GetFileType(file));
    CloseHandle(file);

    CreatePipe(&rd, &wr, NULL, 0);
    ok(GetFileType(rd) == FILE_TYPE_PIPE, "pipe read end type %lu\n", GetFileType(rd));
    ok(GetFileType(wr) == FILE_TYPE_PIPE, "pipe write end type %lu\n", GetFileType(wr));
    CloseHandle(rd);
    CloseHandle(wr);

    /* NUL is a character device, like a console. */
    nul = CreateFileW(L"NUL", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                      NULL, OPEN_EXISTING, 0, NULL);
    ok(nul != INVALID_HANDLE_VALUE, "cannot open NUL: %lu\n", GetLastError());
    ok(GetFileType(nul) == FILE_TYPE_CHAR, "NUL type %lu\n", GetFileType(nul));
    CloseHandle(nul);

    SetLastError(0xdeadbeef);
    type = GetFileType(rd);
    err = GetLastError();
    ok(type == FILE_TYPE_UNKNOWN && err == ERROR_INVALID_HANDLE,
       "closed handle: type %lu, last error %lu\n", type, err);
}

/* Programs call GetConsoleMode to learn whether a handle is a console. */
static void check_not_console(HANDLE h, const char *what)
{
    CONSOLE_SCREEN_BUFFER_INFO info;
    DWORD mode = 0xdeadbeef, err, done;
    BOOL ret;

    SetLastError(0xdeadbeef);
    ret = GetConsoleMode(h, &mode);
    err = GetLastError();
    ok(!ret && err == ERROR_INVALID_HANDLE, "GetConsoleMode on %s: %d, last error %lu\n", what, ret, err);

    SetLastError(0xdeadbeef);
    ret = SetConsoleMode(h, ENABLE_PROCESSED_OUTPUT);
    err = GetLastError();
    ok(!ret && err == ERROR_INVALID_HANDLE, "SetConsoleMode on %s: %d, last error %lu\n", what, ret, err);

    SetLastError(0xdeadbeef);
    ret = GetConsoleScreenBufferInfo(h, &info);
    err = GetLastError();
    ok(!ret && err == ERROR_INVALID_HANDLE, "GetConsoleScreenBufferInfo on %s: %d, last error %lu\n",
       what, ret, err);

    /* WriteConsoleW refuses, so callers fall back to WriteFile. */
    SetLastError(0xdeadbeef);
    ret = WriteConsoleW(h, L"x", 1, &done, NULL);
    err = GetLastError();
    ok(!ret && err == ERROR_INVALID_HANDLE, "WriteConsoleW on %s: %d, last error %lu\n", what, ret, err);
}

static void test_console_functions_on_other_handles(void)
{
    WCHAR path[MAX_PATH];
    HANDLE file, rd, wr, nul;
    DWORD mode;

    file = open_temp_file(path);
    check_not_console(file, "a file");
    CloseHandle(file);

    CreatePipe(&rd, &wr, NULL, 0);
    check_not_console(wr, "a pipe");
    check_not_console(rd, "a pipe's read end");
    CloseHandle(rd);
    CloseHandle(wr);

    /* NUL is a character device like a console, yet not one: this is how
     * programs tell "> NUL" from a real console. */
    nul = CreateFileW(L"NUL", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                      NULL, OPEN_EXISTING, 0, NULL);
    ok(!GetConsoleMode(nul, &mode), "GetConsoleMode on NUL succeeded\n");
    CloseHandle(nul);
}

static void test_anonymous_pipe(void)
{
    HANDLE rd, wr;
    char buf[16] = {0};
    DWORD done, avail = 0xdeadbeef, err;
    BOOL ret;

    ok(CreatePipe(&rd, &wr, NULL, 0), "CreatePipe failed: %lu\n", GetLastError());
    ok(WriteFile(wr, "hello", 5, &done, NULL) && done == 5, "write to pipe: %lu bytes\n", done);
    ok(PeekNamedPipe(rd, NULL, 0, NULL, &avail, NULL) && avail == 5, "bytes available %lu\n", avail);
    ok(ReadFile(rd, buf, 3, &done, NULL) && done == 3 && !memcmp(buf, "hel", 3), "first read %lu\n", done);
    ok(ReadFile(rd, buf, sizeof(buf), &done, NULL) && done == 2 && !memcmp(buf, "lo", 2),
       "second read %lu\n", done);

    SetLastError(0xdeadbeef);
    ret = WriteFile(rd, "x", 1, &done, NULL);
    err = GetLastError();
    ok(!ret && err == ERROR_ACCESS_DENIED, "write to the read end: %d, last error %lu\n", ret, err);

    /* With the writer gone, reading reports a broken pipe, not end of file. */
    WriteFile(wr, "z", 1, &done, NULL);
    CloseHandle(wr);
    ok(ReadFile(rd, buf, sizeof(buf), &done, NULL) && done == 1, "data left in the pipe is lost\n");
    SetLastError(0xdeadbeef);
    ret = ReadFile(rd, buf, sizeof(buf), &done, NULL);
    err = GetLastError();
    ok(!ret && err == ERROR_BROKEN_PIPE, "read after writer closed: %d, last error %lu\n", ret, err);
    ok(done == 0, "read after writer closed returned %lu bytes\n", done);
    CloseHandle(rd);
}

static void test_write_stdout(void)
{
    static const char line[] = "kernel32:console: this line is written with WriteFile\n";
    DWORD done = 0;

    /* The C runtime buffers; flush so the lines come out in order. */
    fflush(stdout);
    ok(WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), line, sizeof(line) - 1, &done, NULL),
       "WriteFile to stdout failed: %lu\n", GetLastError());
    ok(done == sizeof(line) - 1, "wrote %lu bytes of %u\n", done, (unsigned)sizeof(line) - 1);
}

static HANDLE open_console_output(void)
{
    return CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                       NULL, OPEN_EXISTING, 0, NULL);
}

static void test_console(void)
{
    CONSOLE_SCREEN_BUFFER_INFO info;
    HANDLE out = open_console_output();
    DWORD mode, done = 0xdeadbeef;
    UINT cp;

    if (out == INVALID_HANDLE_VALUE || !GetConsoleMode(out, &mode))
    {
        /* Windows starts every console program with a console; Wine does not
         * when it is run outside a terminal. */
        skip("no console attached\n");
        if (out != INVALID_HANDLE_VALUE) CloseHandle(out);
        return;
    }
    ok(GetFileType(out) == FILE_TYPE_CHAR, "console type %lu\n", GetFileType(out));
    ok(GetConsoleCP() != 0, "GetConsoleCP is 0\n");
    cp = GetConsoleOutputCP();
    ok(cp != 0, "GetConsoleOutputCP is 0\n");
    ok(SetConsoleOutputCP(CP_UTF8) && GetConsoleOutputCP() == CP_UTF8, "cannot switch to UTF-8\n");
    SetConsoleOutputCP(cp);

    ok(GetConsoleScreenBufferInfo(out, &info), "GetConsoleScreenBufferInfo failed: %lu\n", GetLastError());
    ok(info.dwSize.X > 0 && info.dwSize.Y > 0, "buffer size %dx%d\n", info.dwSize.X, info.dwSize.Y);
    ok(info.srWindow.Left <= info.srWindow.Right && info.srWindow.Right < info.dwSize.X &&
       info.srWindow.Top <= info.srWindow.Bottom && info.srWindow.Bottom < info.dwSize.Y,
       "window outside the buffer\n");
    ok(WriteConsoleW(out, L"", 0, &done, NULL) && done == 0, "empty WriteConsoleW wrote %lu\n", done);
    CloseHandle(out);
}

int main(int argc, char **argv)
{
    test_start("kernel32:console");
    test_std_handles();
    test_set_std_handle();
    test_file_types();
    test_console_functions_on_other_handles();
    test_anonymous_pipe();
    test_write_stdout();
    test_console();
    return test_summary();
}
