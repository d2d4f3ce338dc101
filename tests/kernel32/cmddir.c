/*
 * tests/kernel32/cmddir.c — "cmd /c dir" as programs run it (a build
 * script's "dir /b /s *.c", Wine's cmd running 'for /f' over "dir /b"):
 * bare names by name (/o:n; the folder's own order depends on the file system), /s with full paths, /a:d and /a:-d,
 * /o:-s and /o:e, a mask, and "File Not Found" with errorlevel 1. Under
 * Wine this runs Wine's cmd.exe: the reference.
 */
#include "test.h"

static char dir[MAX_PATH], out[8192], err[8192];

static void read_handle(HANDLE h, char *buf, DWORD size)
{
    DWORD n = 0, got;
    while (n < size - 1 && ReadFile(h, buf + n, size - 1 - n, &got, NULL) && got) n += got;
    buf[n] = 0;
}

/* runs "cmd.exe /c dir ARGS" in dir; the exit code */
static DWORD run_dir(const char *args)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    HANDLE out_r, out_w, err_r, err_w;
    char cmd[1024];
    DWORD code = (DWORD)-1;

    CreatePipe(&out_r, &out_w, &sa, 0);
    CreatePipe(&err_r, &err_w, &sa, 0);
    SetHandleInformation(out_r, HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation(err_r, HANDLE_FLAG_INHERIT, 0);
    snprintf(cmd, sizeof(cmd), "cmd.exe /c dir %s", args);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = out_w;
    si.hStdError = err_w;
    out[0] = err[0] = 0;
    if (ok(CreateProcessA(NULL, cmd, NULL, NULL, TRUE, 0, NULL, dir, &si, &pi), "CreateProcess: %lu\n", GetLastError()))
    {
        CloseHandle(out_w);
        CloseHandle(err_w);
        read_handle(out_r, out, sizeof(out));
        read_handle(err_r, err, sizeof(err));
        WaitForSingleObject(pi.hProcess, 30000);
        GetExitCodeProcess(pi.hProcess, &code);
        CloseHandle(pi.hProcess);
        CloseHandle(pi.hThread);
    }
    else { CloseHandle(out_w); CloseHandle(err_w); }
    CloseHandle(out_r);
    CloseHandle(err_r);
    return code;
}

static void make_file(const char *name, DWORD size)
{
    char path[MAX_PATH], data[64];
    HANDLE h;
    DWORD done;

    snprintf(path, sizeof(path), "%s\\%s", dir, name);
    h = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    ok(h != INVALID_HANDLE_VALUE, "CreateFileA %s: %lu\n", path, GetLastError());
    memset(data, 'x', sizeof(data));
    WriteFile(h, data, size, &done, NULL);
    CloseHandle(h);
}

static void make_dir(const char *name)
{
    char path[MAX_PATH];
    snprintf(path, sizeof(path), "%s\\%s", dir, name);
    ok(CreateDirectoryA(path, NULL), "CreateDirectoryA %s: %lu\n", path, GetLastError());
}

static void remove_all(void)
{
    static const char *files[] = { "b.txt", "a.log", "c.txt", "sub\\d.txt" };
    char path[MAX_PATH];

    for (int i = 0; i < ARRAYSIZE(files); i++)
    {
        snprintf(path, sizeof(path), "%s\\%s", dir, files[i]);
        DeleteFileA(path);
    }
    snprintf(path, sizeof(path), "%s\\sub", dir);
    RemoveDirectoryA(path);
    RemoveDirectoryA(dir);
}

int main(void)
{
    char tmp[MAX_PATH], expect[2048];
    DWORD code;

    test_start("kernel32/cmddir");
    GetTempPathA(MAX_PATH, tmp);
    snprintf(dir, sizeof(dir), "%swlx_cmddir_%lu", tmp, GetCurrentProcessId());
    ok(CreateDirectoryA(dir, NULL), "CreateDirectoryA: %lu\n", GetLastError());
    make_file("b.txt", 20);
    make_file("a.log", 5);
    make_file("c.txt", 1);
    make_dir("sub");
    make_file("sub\\d.txt", 3);

    /* without /o the folder's own order, which depends on the file system: by name */
    code = run_dir("/b /o:n");
    ok(code == 0 && !strcmp(out, "a.log\r\nb.txt\r\nc.txt\r\nsub\r\n"), "dir /b /o:n: %lu [%s] [%s]\n", code, out, err);
    code = run_dir("/b /a:d");
    ok(code == 0 && !strcmp(out, "sub\r\n"), "dir /b /a:d: %lu [%s]\n", code, out);
    code = run_dir("/b /a-d /o:n");
    ok(code == 0 && !strcmp(out, "a.log\r\nb.txt\r\nc.txt\r\n"), "dir /b /a-d /o:n: %lu [%s]\n", code, out);
    code = run_dir("/b /a-d /o:-s");
    ok(code == 0 && !strcmp(out, "b.txt\r\na.log\r\nc.txt\r\n"), "dir /b /o:-s: %lu [%s]\n", code, out);
    code = run_dir("/b *.txt");
    ok(code == 0 && !strcmp(out, "b.txt\r\nc.txt\r\n"), "dir /b *.txt: %lu [%s]\n", code, out);

    snprintf(expect, sizeof(expect), "%s\\b.txt\r\n%s\\c.txt\r\n%s\\sub\\d.txt\r\n", dir, dir, dir);
    code = run_dir("/b /s *.txt");
    ok(code == 0 && !_stricmp(out, expect), "dir /b /s *.txt: %lu [%s], not [%s]\n", code, out, expect);

    code = run_dir("/b nothing.here");
    ok(code == 1, "dir of nothing: exit code %lu\n", code);
    ok(!out[0], "dir of nothing: stdout [%s]\n", out);
    ok(err[0], "dir of nothing: nothing on stderr\n");

    remove_all();
    return test_summary();
}
