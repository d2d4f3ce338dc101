/*
 * tests/kernel32/pseudoconsole.c — pseudoconsoles (ConPTY):
 * CreatePseudoConsole's argument checks, a child started with
 * PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE that has the pseudoconsole as its
 * console (console modes, WriteConsoleW and WriteFile reach the output
 * pipe, ReadConsoleW reads a line sent through the input pipe, its screen
 * buffer has the pseudoconsole's size and follows ResizePseudoConsole),
 * and ClosePseudoConsole, which ends a child still attached and closes the
 * output stream; the same on the server ends of named pipes whose clients
 * connect after CreatePseudoConsole, as node-pty does it.
 *
 * The output is searched for the child's text only: Windows' conhost
 * repaints the screen with VT sequences of its own around it. The child's
 * markers have no spaces (conhost may turn runs of blanks into cursor moves).
 *
 * Children: "talk" reports its console and size, reads a line, waits up to
 * 5 s for a new size, reports both, exits 42 (a step * 100 + error on
 * failure); "wait NAME" says it waits, then sleeps up to 30 s, its Ctrl
 * handler setting the event NAME on CTRL_CLOSE_EVENT and NAME-ctrlc on
 * CTRL_C_EVENT; "events" turns on
 * ENABLE_WINDOW_INPUT and waits up to 10 s for a WINDOW_BUFFER_SIZE_EVENT
 * of 80 columns (exit 43, 44 when none came); "hello", started without
 * STARTF_USESTDHANDLES, says so on its console (exit 45).
 */
#define NTDDI_VERSION 0x0A000006
#define _WIN32_WINNT 0x0A00
#include "../test.h"
#include "selfchild.h"

#ifndef PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE
#define PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE 0x00020016
#endif

/* --- the children ------------------------------------------------------------------------ */

static void say(const char *fmt, ...)
{
    char a[256];
    WCHAR w[256];
    DWORD n;
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(a, sizeof(a), fmt, ap);
    va_end(ap);
    for (int i = 0; i <= len; i++) w[i] = (unsigned char)a[i];
    WriteConsoleW(GetStdHandle(STD_OUTPUT_HANDLE), w, len, &n, NULL);
}

static void window_size(int *cols, int *rows)
{
    CONSOLE_SCREEN_BUFFER_INFO info;
    *cols = *rows = 0;
    if (!GetConsoleScreenBufferInfo(GetStdHandle(STD_OUTPUT_HANDLE), &info)) return;
    *cols = info.srWindow.Right - info.srWindow.Left + 1;
    *rows = info.srWindow.Bottom - info.srWindow.Top + 1;
}

static int child_talk(void)
{
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE), out = GetStdHandle(STD_OUTPUT_HANDLE);
    DWORD mode, n;
    WCHAR line[128];
    int cols, rows, cols2, rows2;

    if (!GetConsoleMode(in, &mode)) return 100 + GetLastError() % 100;
    if (!GetConsoleMode(out, &mode)) return 200 + GetLastError() % 100;
    window_size(&cols, &rows);
    say("READY:SIZE=%dx%d\r\n", cols, rows);
    if (!WriteFile(out, "WRITEFILE-TEXT\r\n", 16, &n, NULL) || n != 16) return 300 + GetLastError() % 100;
    if (!ReadConsoleW(in, line, ARRAYSIZE(line) - 1, &n, NULL)) return 400 + GetLastError() % 100;
    while (n && (line[n - 1] == '\r' || line[n - 1] == '\n')) n--;
    line[n] = 0;
    char a[128];
    for (DWORD i = 0; i <= n; i++) a[i] = line[i] < 128 ? (char)line[i] : '?';
    say("GOT=[%s]\r\n", a);
    /* the parent resized before it sent the line; Windows' conhost takes
       the two from different pipes, so the new size may come a little later */
    for (int i = 0; i < 100; i++)
    {
        window_size(&cols2, &rows2);
        if (cols2 != cols || rows2 != rows) break;
        Sleep(50);
    }
    say("RESIZED=%dx%d\r\n", cols2, rows2);
    return 42;
}

/* with ENABLE_WINDOW_INPUT, a resize of the pseudoconsole is an input event */
static int child_events(void)
{
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    INPUT_RECORD rec;
    DWORD mode, count, n;

    if (!GetConsoleMode(in, &mode)) return 100 + GetLastError() % 100;
    if (!SetConsoleMode(in, mode | ENABLE_WINDOW_INPUT)) return 200 + GetLastError() % 100;
    say("EVENTS-READY\r\n");
    for (int i = 0; i < 200; i++)
    {
        if (!GetNumberOfConsoleInputEvents(in, &count)) return 300 + GetLastError() % 100;
        while (count--)
        {
            if (!ReadConsoleInputW(in, &rec, 1, &n) || n != 1) return 400 + GetLastError() % 100;
            if (rec.EventType == WINDOW_BUFFER_SIZE_EVENT && rec.Event.WindowBufferSizeEvent.dwSize.X == 80)
            {
                say("BUFSIZE-COLUMNS=%d\r\n", rec.Event.WindowBufferSizeEvent.dwSize.X);
                return 43;
            }
        }
        Sleep(50);
    }
    return 44;
}

static HANDLE closed_event, ctrl_c_event;

/* Ctrl-C typed (^C on the input) is CTRL_C_EVENT, handled here (TRUE);
   a closed console sends CTRL_CLOSE_EVENT; FALSE: the default handler
   ends the process */
static BOOL WINAPI close_handler(DWORD event)
{
    if (event == CTRL_C_EVENT) { SetEvent(ctrl_c_event); return TRUE; }
    if (event == CTRL_CLOSE_EVENT) SetEvent(closed_event);
    return FALSE;
}

static int child_hello(void)
{
    DWORD mode;
    if (!GetConsoleMode(GetStdHandle(STD_OUTPUT_HANDLE), &mode)) return 100 + GetLastError() % 100;
    say("HELLO-WITHOUT-STDHANDLES\r\n");
    return 45;
}

static int child_wait(const char *event_name)
{
    char name[80];
    closed_event = OpenEventA(EVENT_MODIFY_STATE, FALSE, event_name);
    snprintf(name, sizeof(name), "%s-ctrlc", event_name);
    ctrl_c_event = OpenEventA(EVENT_MODIFY_STATE, FALSE, name);
    SetConsoleCtrlHandler(close_handler, TRUE);
    say("WAITING-FOR-CLOSE\r\n");
    Sleep(30000);
    return 7;
}

/* --- the parent's side of the output ------------------------------------------------------ */

static CRITICAL_SECTION out_lock;
static char *out_text;            /* all the output so far, NUL-terminated */
static size_t out_len;

static DWORD WINAPI reader(void *pipe)
{
    char buf[4096];
    DWORD n;
    while (ReadFile(pipe, buf, sizeof(buf), &n, NULL) && n)
    {
        EnterCriticalSection(&out_lock);
        char *more = realloc(out_text, out_len + n + 1);
        if (more)
        {
            /* NULs (none expected) would hide what follows from strstr */
            for (DWORD i = 0; i < n; i++) more[out_len + i] = buf[i] ? buf[i] : ' ';
            out_len += n;
            more[out_len] = 0;
            out_text = more;
        }
        LeaveCriticalSection(&out_lock);
    }
    return 0;
}

/* the text appeared in the output within 10 s */
static BOOL wait_text(const char *text)
{
    for (int i = 0; i < 200; i++)
    {
        EnterCriticalSection(&out_lock);
        BOOL found = out_text && strstr(out_text, text);
        LeaveCriticalSection(&out_lock);
        if (found) return TRUE;
        Sleep(50);
    }
    return FALSE;
}

static BOOL start_attached_flags(HPCON pc, const WCHAR *args, DWORD startf, PROCESS_INFORMATION *pi)
{
    STARTUPINFOEXW si = { { sizeof(si) } };
    SIZE_T size = 0;
    BOOL ret;
    InitializeProcThreadAttributeList(NULL, 1, 0, &size);
    si.lpAttributeList = HeapAlloc(GetProcessHeap(), 0, size);
    ok(InitializeProcThreadAttributeList(si.lpAttributeList, 1, 0, &size), "InitializeProcThreadAttributeList\n");
    ok(UpdateProcThreadAttribute(si.lpAttributeList, 0, PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE, pc, sizeof(pc), NULL,
                                 NULL), "UpdateProcThreadAttribute: %lu\n", GetLastError());
    /* STARTF_USESTDHANDLES with NULL std handles: the pseudoconsole's (as
       node-pty does it; without the flag, Windows gives the child this
       test's own std handles when they are redirected, not the pseudoconsole) */
    si.StartupInfo.dwFlags = startf;
    ret = start_self(args, FALSE, EXTENDED_STARTUPINFO_PRESENT, &si.StartupInfo, pi);
    ok(ret, "CreateProcess attached to the pseudoconsole: %lu\n", GetLastError());
    DeleteProcThreadAttributeList(si.lpAttributeList);
    HeapFree(GetProcessHeap(), 0, si.lpAttributeList);
    return ret;
}

static BOOL start_attached(HPCON pc, const WCHAR *args, PROCESS_INFORMATION *pi)
{
    return start_attached_flags(pc, args, STARTF_USESTDHANDLES, pi);
}

/* --- tests -------------------------------------------------------------------------------- */

static void test_args(void)
{
    HANDLE in_r, in_w, out_r, out_w;
    HPCON pc;
    HRESULT hr;

    ok(CreatePipe(&in_r, &in_w, NULL, 0) && CreatePipe(&out_r, &out_w, NULL, 0), "CreatePipe\n");
    pc = (HPCON)0xdeadbeef;
    hr = CreatePseudoConsole((COORD){ 0, 25 }, in_r, out_w, 0, &pc);
    ok(hr == E_INVALIDARG, "no columns: %#lx\n", hr);
    hr = CreatePseudoConsole((COORD){ 80, 0 }, in_r, out_w, 0, &pc);
    ok(hr == E_INVALIDARG, "no rows: %#lx\n", hr);

    hr = ResizePseudoConsole(NULL, (COORD){ 80, 25 });
    ok(FAILED(hr), "resize of no pseudoconsole: %#lx\n", hr);

    /* a handle that is closed: it cannot be the pseudoconsole's stream
       (Windows duplicates it and fails; Wine 8 takes any value) */
    HANDLE gone;
    ok(DuplicateHandle(GetCurrentProcess(), in_r, GetCurrentProcess(), &gone, 0, FALSE, DUPLICATE_SAME_ACCESS),
       "DuplicateHandle\n");
    CloseHandle(gone);
    hr = CreatePseudoConsole((COORD){ 80, 25 }, gone, out_w, 0, &pc);
    todo_wine(FAILED(hr), "closed input handle: %#lx\n", hr);
    if (SUCCEEDED(hr)) ClosePseudoConsole(pc);

    /* PSEUDOCONSOLE_INHERIT_CURSOR is a documented flag */
    pc = NULL;
    hr = CreatePseudoConsole((COORD){ 80, 25 }, in_r, out_w, PSEUDOCONSOLE_INHERIT_CURSOR, &pc);
    ok(hr == S_OK && pc, "PSEUDOCONSOLE_INHERIT_CURSOR: %#lx\n", hr);
    if (SUCCEEDED(hr))
    {
        /* Wine 8's ResizePseudoConsole is a stub (E_NOTIMPL) */
        hr = ResizePseudoConsole(pc, (COORD){ 0, 10 });
        todo_wine(hr == E_INVALIDARG, "resize to no columns: %#lx\n", hr);
        hr = ResizePseudoConsole(pc, (COORD){ 90, 30 });
        todo_wine(hr == S_OK, "resize: %#lx\n", hr);
        /* the cursor request it may send is never answered: closing still works */
        CloseHandle(in_w);
        in_w = NULL;
        ClosePseudoConsole(pc);
    }
    CloseHandle(in_r);
    if (in_w) CloseHandle(in_w);
    CloseHandle(out_r);
    CloseHandle(out_w);
}

static void test_child(void)
{
    HANDLE in_r, in_w, out_r, out_w, thread;
    PROCESS_INFORMATION pi;
    HPCON pc = NULL;
    HRESULT hr;
    DWORD n, code;

    /* Wine 8 creates the pseudoconsole, but a child given it in the
       attribute list gets no console handles on it (GetConsoleMode fails
       with ERROR_INVALID_HANDLE) and nothing it writes reaches the pipe */
    if (test_is("wine")) { skip("Wine 8 does not attach children to a pseudoconsole\n"); return; }
    ok(CreatePipe(&in_r, &in_w, NULL, 0) && CreatePipe(&out_r, &out_w, NULL, 0), "CreatePipe\n");
    hr = CreatePseudoConsole((COORD){ 70, 20 }, in_r, out_w, 0, &pc);
    ok(hr == S_OK && pc, "CreatePseudoConsole: %#lx\n", hr);
    if (FAILED(hr)) return;
    /* the pseudoconsole has its own copies, as Windows' sample closes these */
    CloseHandle(in_r);
    CloseHandle(out_w);
    thread = CreateThread(NULL, 0, reader, out_r, 0, NULL);

    if (start_attached(pc, L"talk", &pi))
    {
        ok(wait_text("READY:SIZE=70x20"), "the child's console size (output: %s)\n", out_text ? out_text : "");
        ok(wait_text("WRITEFILE-TEXT"), "WriteFile on the console reaches the output\n");
        ok(ResizePseudoConsole(pc, (COORD){ 100, 30 }) == S_OK, "ResizePseudoConsole\n");
        ok(WriteFile(in_w, "hello-parent\r", 13, &n, NULL) && n == 13, "write to the input pipe\n");
        ok(wait_text("GOT=[hello-parent]"), "the child read the line (output: %s)\n", out_text ? out_text : "");
        ok(wait_text("RESIZED=100x30"), "the child sees the new size (output: %s)\n", out_text ? out_text : "");
        code = finish(&pi);
        ok(code == 42, "child's exit code %lu\n", code);
    }

    if (start_attached(pc, L"events", &pi))
    {
        ok(wait_text("EVENTS-READY"), "third child started\n");
        ok(ResizePseudoConsole(pc, (COORD){ 80, 24 }) == S_OK, "ResizePseudoConsole\n");
        ok(wait_text("BUFSIZE-COLUMNS=80"), "WINDOW_BUFFER_SIZE_EVENT in the child\n");
        code = finish(&pi);
        ok(code == 43, "events child's exit code %lu\n", code);
    }

    /* without STARTF_USESTDHANDLES, std handles of ours that are NULL are
       the pseudoconsole's in the child too */
    HANDLE saved[3] = { GetStdHandle(STD_INPUT_HANDLE), GetStdHandle(STD_OUTPUT_HANDLE),
                        GetStdHandle(STD_ERROR_HANDLE) };
    SetStdHandle(STD_INPUT_HANDLE, NULL);
    SetStdHandle(STD_OUTPUT_HANDLE, NULL);
    SetStdHandle(STD_ERROR_HANDLE, NULL);
    BOOL started = start_attached_flags(pc, L"hello", 0, &pi);
    SetStdHandle(STD_INPUT_HANDLE, saved[0]);
    SetStdHandle(STD_OUTPUT_HANDLE, saved[1]);
    SetStdHandle(STD_ERROR_HANDLE, saved[2]);
    if (started)
    {
        ok(wait_text("HELLO-WITHOUT-STDHANDLES"), "child without STARTF_USESTDHANDLES\n");
        code = finish(&pi);
        ok(code == 45, "its exit code %lu\n", code);
    }

    /* a child still attached when the pseudoconsole closes gets
       CTRL_CLOSE_EVENT and is ended */
    char name[64];
    WCHAR args[80];
    snprintf(name, sizeof(name), "wlx-test-pcon-close-%lu", GetCurrentProcessId());
    _snwprintf(args, ARRAYSIZE(args), L"wait %hs", name);
    HANDLE closed = CreateEventA(NULL, TRUE, FALSE, name);
    strcat(name, "-ctrlc");
    HANDLE ctrl_c = CreateEventA(NULL, TRUE, FALSE, name);
    if (start_attached(pc, args, &pi))
    {
        ok(wait_text("WAITING-FOR-CLOSE"), "second child started\n");
        ok(WriteFile(in_w, "\x03", 1, &n, NULL) && n == 1, "write ^C to the input pipe\n");
        ok(WaitForSingleObject(ctrl_c, 10000) == WAIT_OBJECT_0, "the child's handler saw CTRL_C_EVENT\n");
        ClosePseudoConsole(pc);
        pc = NULL;
        ok(WaitForSingleObject(closed, 10000) == WAIT_OBJECT_0, "the child's handler saw CTRL_CLOSE_EVENT\n");
        ok(WaitForSingleObject(pi.hProcess, 10000) == WAIT_OBJECT_0, "the child ended with its pseudoconsole\n");
        GetExitCodeProcess(pi.hProcess, &code);
        ok(code == STATUS_CONTROL_C_EXIT, "the default handler ended the child: %#lx\n", code);
        CloseHandle(pi.hProcess);
        CloseHandle(pi.hThread);
    }
    CloseHandle(closed);
    CloseHandle(ctrl_c);
    if (pc) ClosePseudoConsole(pc);
    /* the output stream is closed: the reader sees the end */
    ok(WaitForSingleObject(thread, 10000) == WAIT_OBJECT_0, "the output pipe ended\n");
    CloseHandle(thread);
    CloseHandle(in_w);
    CloseHandle(out_r);
}

/* node-pty's way: the pseudoconsole gets the server ends of two named
   pipes, and the clients connect after it was made */
static void test_named_pipes(void)
{
    WCHAR in_name[64], out_name[64];
    HANDLE in_srv, out_srv, in_cli, out_cli, thread;
    PROCESS_INFORMATION pi;
    HPCON pc = NULL;
    HRESULT hr;
    DWORD code, n;

    if (test_is("wine")) { skip("Wine 8 does not attach children to a pseudoconsole\n"); return; }
    _snwprintf(in_name, ARRAYSIZE(in_name), L"\\\\.\\pipe\\wlx-test-pcon-in-%lu", GetCurrentProcessId());
    _snwprintf(out_name, ARRAYSIZE(out_name), L"\\\\.\\pipe\\wlx-test-pcon-out-%lu", GetCurrentProcessId());
    in_srv = CreateNamedPipeW(in_name, PIPE_ACCESS_INBOUND | FILE_FLAG_FIRST_PIPE_INSTANCE,
                              PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT, 1, 0, 0, 30000, NULL);
    out_srv = CreateNamedPipeW(out_name, PIPE_ACCESS_OUTBOUND | FILE_FLAG_FIRST_PIPE_INSTANCE,
                               PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT, 1, 0, 0, 30000, NULL);
    ok(in_srv != INVALID_HANDLE_VALUE && out_srv != INVALID_HANDLE_VALUE, "CreateNamedPipe: %lu\n", GetLastError());
    hr = CreatePseudoConsole((COORD){ 60, 15 }, in_srv, out_srv, 0, &pc);
    ok(hr == S_OK && pc, "CreatePseudoConsole on named pipes: %#lx\n", hr);
    if (FAILED(hr)) return;
    CloseHandle(in_srv);
    CloseHandle(out_srv);
    in_cli = CreateFileW(in_name, GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    out_cli = CreateFileW(out_name, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(in_cli != INVALID_HANDLE_VALUE && out_cli != INVALID_HANDLE_VALUE, "clients: %lu\n", GetLastError());
    EnterCriticalSection(&out_lock);
    free(out_text);
    out_text = NULL;
    out_len = 0;
    LeaveCriticalSection(&out_lock);
    thread = CreateThread(NULL, 0, reader, out_cli, 0, NULL);
    if (start_attached(pc, L"talk", &pi))
    {
        ok(wait_text("READY:SIZE=60x15"), "the child's text through the named pipe (output: %s)\n",
           out_text ? out_text : "");
        ok(ResizePseudoConsole(pc, (COORD){ 61, 15 }) == S_OK, "ResizePseudoConsole\n");
        ok(WriteFile(in_cli, "via-named-pipe\r", 15, &n, NULL) && n == 15, "write to the input named pipe\n");
        ok(wait_text("GOT=[via-named-pipe]"), "the child read the line (output: %s)\n", out_text ? out_text : "");
        ok(wait_text("RESIZED=61x15"), "the child sees the new size\n");
        code = finish(&pi);
        ok(code == 42, "its exit code %lu\n", code);
    }
    ClosePseudoConsole(pc);
    ok(WaitForSingleObject(thread, 10000) == WAIT_OBJECT_0, "the output named pipe ended\n");
    /* nobody reads the input any more: writes fail once the server end is gone */
    BOOL written = TRUE;
    for (int i = 0; i < 200 && written; i++)
        if ((written = WriteFile(in_cli, "x", 1, &n, NULL))) Sleep(50);
    ok(!written, "the input named pipe was closed\n");
    CloseHandle(thread);
    CloseHandle(in_cli);
    CloseHandle(out_cli);
}

int main(int argc, char **argv)
{
    GetModuleFileNameW(NULL, module, MAX_PATH);
    if (argc > 1 && !strcmp(argv[1], "talk")) return child_talk();
    if (argc > 1 && !strcmp(argv[1], "events")) return child_events();
    if (argc > 1 && !strcmp(argv[1], "hello")) return child_hello();
    if (argc > 2 && !strcmp(argv[1], "wait")) return child_wait(argv[2]);
    test_start("pseudoconsole");
    test_args();
    InitializeCriticalSection(&out_lock);
    test_child();
    test_named_pipes();
    return test_summary();
}
