/*
 * tests/kernel32/xdup.c — handles that cross processes, the cases
 * crossproc.c leaves out: DuplicateHandle whose SOURCE is another process
 * (into us, into the source itself, into a third process, only closing it
 * with a NULL target), while the source is blocked in a wait; a source that
 * ended; the std handles a child inherits (same values as the parent's);
 * GetHandleInformation of an inherited handle; CompareObjectHandles across
 * duplicates; pseudo-handles (GetCurrentProcess/GetCurrentThread)
 * duplicated into another process.
 *
 * The program runs itself as a child ("xdup.exe <mode> <args>"). Children
 * report handle values on their stdout (a pipe); every wait has a timeout.
 */
#include "../test.h"
#include "selfchild.h"

static HANDLE arg_handle(const char *s)
{
    return (HANDLE)(ULONG_PTR)strtoull(s, NULL, 16);
}

/* reads one line (at most size-1 bytes) from h */
static void read_line(HANDLE h, char *line, DWORD size)
{
    DWORD n = 0, got = 0;
    memset(line, 0, size);
    while (got < size - 1 && !strchr(line, '\n') && ReadFile(h, line + got, size - 1 - got, &n, NULL) && n)
        got += n;
}

static void write_line(HANDLE h, const char *line)
{
    DWORD n;
    WriteFile(h, line, strlen(line), &n, NULL);
}

/* --- the child's modes ---------------------------------------------------------- */

/* "serve": makes objects and says their values, then waits (blocked in a
   wait, as a busy source) until the parent sets GO, then checks what the
   parent did to its handles: the pipe carries "xdup", MOVED was closed
   (DUPLICATE_CLOSE_SOURCE into the parent); on stdin come INSELF,
   a handle the parent made here, and whether CLOSED was closed
   (DUPLICATE_CLOSE_SOURCE with a NULL target, which Wine does not do). */
static int child_serve(void)
{
    HANDLE go = CreateEventA(NULL, FALSE, FALSE, NULL), a = CreateEventA(NULL, TRUE, FALSE, NULL);
    HANDLE closed = CreateEventA(NULL, TRUE, FALSE, NULL), moved = CreateEventA(NULL, TRUE, FALSE, NULL);
    HANDLE rd, wr, in_self;
    char line[160], buf[8] = { 0 }, *p;
    DWORD n = 0;
    if (!go || !a || !closed || !moved || !CreatePipe(&rd, &wr, NULL, 0)) return 10;
    sprintf(line, "%p %p %p %p %p\n", go, a, closed, wr, moved);
    write_line(GetStdHandle(STD_OUTPUT_HANDLE), line);
    if (WaitForSingleObject(go, 10000) != WAIT_OBJECT_0) return 11;
    if (!ReadFile(rd, buf, 4, &n, NULL) || n != 4 || memcmp(buf, "xdup", 4)) return 13;
    SetLastError(0xdeadbeef);
    if (CloseHandle(moved) || GetLastError() != ERROR_INVALID_HANDLE) return 17;   /* DUPLICATE_CLOSE_SOURCE */
    read_line(GetStdHandle(STD_INPUT_HANDLE), line, sizeof(line));
    in_self = (HANDLE)(ULONG_PTR)strtoull(line, &p, 16);
    SetLastError(0xdeadbeef);
    if (atoi(p) && (CloseHandle(closed) || GetLastError() != ERROR_INVALID_HANDLE)) return 12;
    if (!in_self || in_self == a) return 14;
    if (WaitForSingleObject(in_self, 0) != WAIT_OBJECT_0) return 15;   /* the parent set A */
    if (!ResetEvent(in_self) || WaitForSingleObject(a, 0) != WAIT_TIMEOUT) return 16;
    return 0;
}

/* "setdup": sets the event whose value comes on stdin */
static int child_setdup(void)
{
    char line[32];
    read_line(GetStdHandle(STD_INPUT_HANDLE), line, sizeof(line));
    return SetEvent(arg_handle(line)) ? 0 : 10;
}

/* "std": says the values of its std handles and the flags of OUT */
static int child_std(void)
{
    char line[160];
    DWORD flags = 0xdead;
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    GetHandleInformation(out, &flags);
    sprintf(line, "%p %p %p %lx\n", GetStdHandle(STD_INPUT_HANDLE), out, GetStdHandle(STD_ERROR_HANDLE), flags);
    write_line(out, line);
    return 0;
}

/* "pseudo PID TID TID2": the parent duplicated its process and thread
   pseudo handles and a thread it made into us; their values come on stdin */
static int child_pseudo(const char *pid, const char *tid, const char *tid2)
{
    char line[96], *p;
    read_line(GetStdHandle(STD_INPUT_HANDLE), line, sizeof(line));
    HANDLE process = (HANDLE)(ULONG_PTR)strtoull(line, &p, 16), thread = (HANDLE)(ULONG_PTR)strtoull(p, &p, 16);
    HANDLE other = arg_handle(p);
    if (GetProcessId(process) != strtoul(pid, NULL, 16)) return 10;
    if (GetThreadId(thread) != strtoul(tid, NULL, 16)) return 11;
    if (GetThreadId(other) != strtoul(tid2, NULL, 16)) return 13;
    if (WaitForSingleObject(process, 0) != WAIT_TIMEOUT) return 12;   /* the parent runs */
    return 0;
}

static int child_main(int argc, char **argv)
{
    const char *mode = argv[1];
    if (!strcmp(mode, "serve")) return child_serve();
    if (!strcmp(mode, "setdup")) return child_setdup();
    if (!strcmp(mode, "std")) return child_std();
    if (!strcmp(mode, "pseudo") && argc > 4) return child_pseudo(argv[2], argv[3], argv[4]);
    return 99;
}

/* --- helpers ------------------------------------------------------------------------ */

/* a child with its stdin and stdout on pipes of ours (*in: we write, *out: we read) */
static BOOL start_piped(const WCHAR *args, HANDLE *in, HANDLE *out, PROCESS_INFORMATION *pi)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOW si = { sizeof(si) };
    HANDLE child_in, child_out;
    if (!CreatePipe(&child_in, in, &sa, 0)) return FALSE;
    if (!CreatePipe(out, &child_out, &sa, 0)) return FALSE;
    SetHandleInformation(*in, HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation(*out, HANDLE_FLAG_INHERIT, 0);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = child_in;
    si.hStdOutput = child_out;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    BOOL ret = start_self(args, TRUE, 0, &si, pi);
    CloseHandle(child_in);
    CloseHandle(child_out);
    return ret;
}

/* kernelbase's (Windows 10), not in mingw's import libraries */
static BOOL (WINAPI *pCompareObjectHandles)(HANDLE, HANDLE);

static void load_functions(void)
{
    HMODULE base = GetModuleHandleA("kernelbase.dll");
    if (base) pCompareObjectHandles = (void *)GetProcAddress(base, "CompareObjectHandles");
    if (!pCompareObjectHandles)
        pCompareObjectHandles = (void *)GetProcAddress(GetModuleHandleA("kernel32.dll"), "CompareObjectHandles");
}

static HANDLE dup_from(HANDLE process, HANDLE h, DWORD options)
{
    HANDLE mine = NULL;
    if (!DuplicateHandle(process, h, GetCurrentProcess(), &mine, 0, FALSE, DUPLICATE_SAME_ACCESS | options))
        return NULL;
    return mine;
}

/* --- tests --------------------------------------------------------------------------- */

/* handles of a child blocked in a wait: into us, into a third process,
   into the child itself, and closed there with a NULL target */
static void test_dup_from_child(void)
{
    PROCESS_INFORMATION pi, pi2;
    HANDLE in, out, in2, out2, go, a, a2, closed, wr, moved, mine_a, mine_wr, third = NULL, in_self = NULL;
    char line[160], *p;
    DWORD n;
    BOOL closed_ok;

    if (!ok(start_piped(L"serve", &in, &out, &pi), "CreateProcess failed: %lu\n", GetLastError())) return;
    read_line(out, line, sizeof(line));
    go = (HANDLE)(ULONG_PTR)strtoull(line, &p, 16);
    a = (HANDLE)(ULONG_PTR)strtoull(p, &p, 16);
    closed = (HANDLE)(ULONG_PTR)strtoull(p, &p, 16);
    wr = (HANDLE)(ULONG_PTR)strtoull(p, &p, 16);
    moved = (HANDLE)(ULONG_PTR)strtoull(p, &p, 16);
    ok(go && a && closed && wr && moved, "no handle values from the child: '%s'\n", line);

    /* into us: an event and a pipe end (its fd crosses) */
    mine_a = dup_from(pi.hProcess, a, 0);
    ok(mine_a != NULL, "DuplicateHandle out of the child failed: %lu\n", GetLastError());
    ok(WaitForSingleObject(mine_a, 0) == WAIT_TIMEOUT, "the child's event is set\n");
    mine_wr = dup_from(pi.hProcess, wr, 0);
    ok(mine_wr != NULL, "DuplicateHandle of a pipe end failed: %lu\n", GetLastError());
    ok(WriteFile(mine_wr, "xdup", 4, &n, NULL) && n == 4, "write through the duplicated pipe end failed\n");

    /* the same object twice: CompareObjectHandles says so */
    a2 = dup_from(pi.hProcess, a, 0);
    ok(a2 && a2 != mine_a, "second DuplicateHandle: %p %p\n", a2, mine_a);
    if (pCompareObjectHandles)
    {
        ok(pCompareObjectHandles(mine_a, a2), "two duplicates of one event differ\n");
        ok(!pCompareObjectHandles(mine_a, mine_wr), "different objects compare equal\n");
        HANDLE wr2 = dup_from(pi.hProcess, wr, 0);
        ok(wr2 && pCompareObjectHandles(mine_wr, wr2), "two duplicates of one pipe end differ\n");
        CloseHandle(wr2);
    }
    else skip("no CompareObjectHandles\n");
    CloseHandle(a2);
    CloseHandle(mine_wr);

    /* into a third process (another child), which sets it */
    if (ok(start_piped(L"setdup", &in2, &out2, &pi2), "CreateProcess failed: %lu\n", GetLastError()))
    {
        ok(DuplicateHandle(pi.hProcess, a, pi2.hProcess, &third, 0, FALSE, DUPLICATE_SAME_ACCESS),
           "DuplicateHandle from a child into another failed: %lu\n", GetLastError());
        sprintf(line, "%p\n", third);
        write_line(in2, line);
        ok(finish(&pi2) == 0, "the third process could not use the handle\n");
        ok(WaitForSingleObject(mine_a, 0) == WAIT_OBJECT_0, "the third process's SetEvent was not seen\n");
        CloseHandle(in2);
        CloseHandle(out2);
    }

    /* into the child itself: a value valid there */
    ok(DuplicateHandle(pi.hProcess, a, pi.hProcess, &in_self, 0, FALSE, DUPLICATE_SAME_ACCESS),
       "DuplicateHandle within the child failed: %lu\n", GetLastError());

    /* NULL target with DUPLICATE_CLOSE_SOURCE: only closes the child's
       handle (Wine 8 refuses a NULL target: error 1656) */
    closed_ok = DuplicateHandle(pi.hProcess, closed, NULL, NULL, 0, FALSE, DUPLICATE_CLOSE_SOURCE);
    todo_wine(closed_ok, "closing a handle of the child failed: %lu\n", GetLastError());

    /* DUPLICATE_CLOSE_SOURCE into us: MOVED is ours now, the child's is gone */
    moved = dup_from(pi.hProcess, moved, DUPLICATE_CLOSE_SOURCE);
    ok(moved != NULL, "DuplicateHandle with DUPLICATE_CLOSE_SOURCE failed: %lu\n", GetLastError());
    ok(WaitForSingleObject(moved, 0) == WAIT_TIMEOUT, "wrong object\n");
    CloseHandle(moved);
    go = dup_from(pi.hProcess, go, 0);
    ok(go != NULL, "DuplicateHandle failed: %lu\n", GetLastError());
    if (closed_ok)
    {
        SetLastError(0xdeadbeef);
        ok(!dup_from(pi.hProcess, closed, 0), "a closed handle of the child was duplicated\n");
        ok(GetLastError() == ERROR_INVALID_HANDLE, "got %lu\n", GetLastError());
    }
    ok(SetEvent(go), "SetEvent failed\n");

    sprintf(line, "%p %d\n", in_self, closed_ok);
    write_line(in, line);
    n = finish(&pi);   /* closes pi.hProcess */
    ok(n == 0, "the child saw something else: %lu\n", n);
    CloseHandle(go);
    CloseHandle(mine_a);
    CloseHandle(in);
    CloseHandle(out);
}

/* a source that ended has no handles any more */
static void test_dup_from_ended(void)
{
    PROCESS_INFORMATION pi;
    HANDLE in, out, h;
    char line[160];

    if (!ok(start_piped(L"std", &in, &out, &pi), "CreateProcess failed: %lu\n", GetLastError())) return;
    read_line(out, line, sizeof(line));
    h = (HANDLE)(ULONG_PTR)strtoull(line, NULL, 16);   /* its stdin: inherited, so valid there */
    ok(WaitForSingleObject(pi.hProcess, 10000) == WAIT_OBJECT_0, "the child did not end\n");
    SetLastError(0xdeadbeef);
    ok(!dup_from(pi.hProcess, h, 0), "a handle of an ended process was duplicated\n");
    /* Wine answers ERROR_INVALID_HANDLE: its server frees the handle table
       of an ended process and then looks the handle up in nothing */
    todo_wine(GetLastError() == ERROR_ACCESS_DENIED, "got %lu\n", GetLastError());
    finish(&pi);
    CloseHandle(in);
    CloseHandle(out);
}

/* bInheritHandles + STARTF_USESTDHANDLES: the child's std handles are the
   parent's values; without STARTF_USESTDHANDLES, the parent's own */
static void test_std_handles(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    HANDLE rd, wr, in_rd, in_wr, saved_out = GetStdHandle(STD_OUTPUT_HANDLE);
    char line[160], expect[160];
    DWORD flags;

    ok(CreatePipe(&rd, &wr, &sa, 0), "CreatePipe failed\n");
    ok(CreatePipe(&in_rd, &in_wr, &sa, 0), "CreatePipe failed\n");
    SetHandleInformation(rd, HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation(in_wr, HANDLE_FLAG_INHERIT, 0);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = in_rd;
    si.hStdOutput = si.hStdError = wr;
    if (ok(start_self(L"std", TRUE, 0, &si, &pi), "CreateProcess failed: %lu\n", GetLastError()))
    {
        read_line(rd, line, sizeof(line));
        sprintf(expect, "%p %p %p %x\n", in_rd, wr, wr, HANDLE_FLAG_INHERIT);
        ok(!strcmp(line, expect), "the child's std handles: '%s', ours '%s'\n", line, expect);
        ok(finish(&pi) == 0, "the child failed\n");
    }

    /* no STARTF_USESTDHANDLES: the parent's std handles, inherited */
    SetStdHandle(STD_OUTPUT_HANDLE, wr);
    if (ok(start_self(L"std", TRUE, 0, NULL, &pi), "CreateProcess failed: %lu\n", GetLastError()))
    {
        char *p;
        SetStdHandle(STD_OUTPUT_HANDLE, saved_out);
        read_line(rd, line, sizeof(line));
        strtoull(line, &p, 16);
        ok(arg_handle(p) == wr, "the child's stdout: '%s', ours %p\n", line, wr);
        ok(finish(&pi) == 0, "the child failed\n");
    }
    SetStdHandle(STD_OUTPUT_HANDLE, saved_out);

    /* GetHandleInformation of our own inheritable handle, for comparison */
    ok(GetHandleInformation(wr, &flags) && flags == HANDLE_FLAG_INHERIT, "flags %lx\n", flags);
    CloseHandle(rd);
    CloseHandle(wr);
    CloseHandle(in_rd);
    CloseHandle(in_wr);
}

static DWORD WINAPI idle_thread(void *event)
{
    return WaitForSingleObject(event, 10000);
}

/* GetCurrentProcess()/GetCurrentThread() duplicated into another process:
   real handles to this process and thread there; and a thread we made */
static void test_pseudo_into_child(void)
{
    PROCESS_INFORMATION pi;
    HANDLE in, out, process = NULL, thread = NULL, other = NULL, stop = CreateEventA(NULL, TRUE, FALSE, NULL);
    HANDLE worker;
    DWORD worker_id;
    WCHAR args[96];
    char line[96];

    worker = CreateThread(NULL, 0, idle_thread, stop, 0, &worker_id);
    ok(worker != NULL, "CreateThread failed\n");
    _snwprintf(args, ARRAYSIZE(args), L"pseudo %lx %lx %lx", GetCurrentProcessId(), GetCurrentThreadId(), worker_id);
    if (!ok(start_piped(args, &in, &out, &pi), "CreateProcess failed: %lu\n", GetLastError())) return;
    ok(DuplicateHandle(GetCurrentProcess(), GetCurrentProcess(), pi.hProcess, &process, 0, FALSE,
                       DUPLICATE_SAME_ACCESS), "DuplicateHandle of GetCurrentProcess() failed: %lu\n", GetLastError());
    ok(DuplicateHandle(GetCurrentProcess(), GetCurrentThread(), pi.hProcess, &thread, 0, FALSE,
                       DUPLICATE_SAME_ACCESS), "DuplicateHandle of GetCurrentThread() failed: %lu\n", GetLastError());
    ok(process != GetCurrentProcess() && thread != GetCurrentThread(), "pseudo-handles came back: %p %p\n",
       process, thread);
    ok(DuplicateHandle(GetCurrentProcess(), worker, pi.hProcess, &other, 0, FALSE, DUPLICATE_SAME_ACCESS),
       "DuplicateHandle of a thread failed: %lu\n", GetLastError());
    sprintf(line, "%p %p %p\n", process, thread, other);
    write_line(in, line);
    DWORD code = finish(&pi);
    ok(code == 0, "the child's handles to us are wrong: %lu\n", code);
    SetEvent(stop);
    ok(WaitForSingleObject(worker, 10000) == WAIT_OBJECT_0, "the thread did not end\n");
    CloseHandle(worker);
    CloseHandle(stop);
    CloseHandle(in);
    CloseHandle(out);
}

int main(int argc, char **argv)
{
    test_start("kernel32:xdup");
    if (argc > 1) return child_main(argc, argv);
    GetModuleFileNameW(NULL, module, MAX_PATH);
    load_functions();
    test_dup_from_child();
    test_dup_from_ended();
    test_std_handles();
    test_pseudo_into_child();
    return test_summary();
}
