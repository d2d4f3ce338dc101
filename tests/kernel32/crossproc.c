/*
 * tests/kernel32/crossproc.c — kernel objects shared between processes: the
 * program runs itself as a child ("crossproc.exe <mode> <args>") and checks
 * named events, mutexes and semaphores across processes, ERROR_ALREADY_EXISTS
 * and type clashes across processes, the life of a name (it goes with the last
 * handle), DuplicateHandle into a child and from a child into its parent,
 * inheritance of an event and of a pipe end, and WAIT_ABANDONED when a child
 * is killed holding a named mutex.
 *
 * Every wait has a timeout: a broken implementation fails, never hangs.
 */
#include "../test.h"
#include "selfchild.h"

static WCHAR names[4][64];   /* unique per run: Local\wlx-xproc-<pid>-<n> */

/* --- the child's modes ---------------------------------------------------------- */

static HANDLE arg_handle(const char *s)
{
    return (HANDLE)(ULONG_PTR)strtoull(s, NULL, 16);
}

/* "signal NAME": sets the named event */
static int child_signal(const char *name)
{
    HANDLE e = OpenEventA(EVENT_MODIFY_STATE, FALSE, name);
    if (!e) return 10;
    return SetEvent(e) ? 0 : 11;
}

/* "sem NAME N": releases the named semaphore N times */
static int child_sem(const char *name, int n)
{
    HANDLE s = OpenSemaphoreA(SEMAPHORE_MODIFY_STATE, FALSE, name);
    if (!s) return 10;
    for (int i = 0; i < n; i++) if (!ReleaseSemaphore(s, 1, NULL)) return 11;
    return 0;
}

/* "exists NAME": CreateEvent on a name the parent holds */
static int child_exists(const char *name)
{
    SetLastError(0xdeadbeef);
    HANDLE e = CreateEventA(NULL, TRUE, FALSE, name);
    if (!e) return 10;
    return GetLastError() == ERROR_ALREADY_EXISTS ? 0 : 11;
}

/* "clash NAME": the name is a mutex in the parent; as an event it fails */
static int child_clash(const char *name)
{
    SetLastError(0xdeadbeef);
    HANDLE e = CreateEventA(NULL, TRUE, FALSE, name);
    if (e) return 10;
    if (GetLastError() != ERROR_INVALID_HANDLE) return 11;
    return OpenEventA(EVENT_ALL_ACCESS, FALSE, name) || GetLastError() != ERROR_INVALID_HANDLE ? 12 : 0;
}

/* "hold NAME EVENT": takes the named mutex, signals EVENT, then waits to be killed */
static int child_hold(const char *name, const char *ready)
{
    HANDLE m = OpenMutexA(SYNCHRONIZE, FALSE, name);
    HANDLE e = OpenEventA(EVENT_MODIFY_STATE, FALSE, ready);
    if (!m || !e) return 10;
    if (WaitForSingleObject(m, 10000) != WAIT_OBJECT_0) return 11;
    SetEvent(e);
    Sleep(30000);
    return 12;
}

/* "setdup": sets an event the parent duplicated into us, its value on stdin */
static int child_setdup(void)
{
    char line[32] = { 0 };
    DWORD n, got = 0;
    while (got < sizeof(line) - 1 && !strchr(line, '\n')
           && ReadFile(GetStdHandle(STD_INPUT_HANDLE), line + got, sizeof(line) - 1 - got, &n, NULL) && n)
        got += n;
    return SetEvent(arg_handle(line)) ? 0 : 10;
}

/* "inherit EVENT PIPE": sets an inherited event, writes to an inherited pipe end */
static int child_inherit(const char *ev, const char *pipe)
{
    DWORD n;
    if (!SetEvent(arg_handle(ev))) return 10;
    if (!WriteFile(arg_handle(pipe), "inherited", 9, &n, NULL) || n != 9) return 11;
    return 0;
}

/* "noinherit EVENT": a handle that was not inheritable is not there */
static int child_noinherit(const char *ev)
{
    SetLastError(0xdeadbeef);
    if (SetEvent(arg_handle(ev))) return 10;
    return GetLastError() == ERROR_INVALID_HANDLE ? 0 : 11;
}

/* "dupback PARENTPID": makes an event, duplicates it into the parent, and
   writes the parent's handle value to stdout, then waits for the parent to
   set it */
static int child_dupback(const char *pid)
{
    HANDLE parent = OpenProcess(PROCESS_DUP_HANDLE, FALSE, strtoul(pid, NULL, 16));
    HANDLE e = CreateEventA(NULL, TRUE, FALSE, NULL), theirs = NULL;
    char line[32];
    DWORD n;
    if (!parent || !e) return 10;
    if (!DuplicateHandle(GetCurrentProcess(), e, parent, &theirs, 0, FALSE, DUPLICATE_SAME_ACCESS)) return 11;
    n = sprintf(line, "%p\n", theirs);
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), line, n, &n, NULL);
    return WaitForSingleObject(e, 10000) == WAIT_OBJECT_0 ? 0 : 12;
}

/* for tests/loader/sigkill.sh: "holdready NAME" owns a named mutex, says
   "ready" and sleeps; "waitabandon NAME" says "waiting" and exits 0 when its
   wait ends WAIT_ABANDONED (1: it was free, 2: timeout, 3: no mutex) */
static int child_holdready(const char *name)
{
    DWORD n;
    HANDLE m = CreateMutexA(NULL, TRUE, name);
    if (!m) return 10;
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), "ready\n", 6, &n, NULL);
    Sleep(30000);
    return 11;
}

static int child_waitabandon(const char *name)
{
    DWORD n, r;
    HANDLE m = OpenMutexA(SYNCHRONIZE, FALSE, name);
    if (!m) return 3;
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), "waiting\n", 8, &n, NULL);
    r = WaitForSingleObject(m, 20000);
    return r == WAIT_ABANDONED ? 0 : r == WAIT_OBJECT_0 ? 1 : 2;
}

/* "listcheck LISTED OTHER": the first was inherited, the second not */
static int child_listcheck(const char *listed, const char *other)
{
    if (!SetEvent(arg_handle(listed))) return 10;
    SetLastError(0xdeadbeef);
    if (SetEvent(arg_handle(other))) return 11;
    return GetLastError() == ERROR_INVALID_HANDLE ? 0 : 12;
}

static int child_main(int argc, char **argv)
{
    const char *mode = argv[1];
    if (!strcmp(mode, "signal") && argc > 2) return child_signal(argv[2]);
    if (!strcmp(mode, "sem") && argc > 3) return child_sem(argv[2], atoi(argv[3]));
    if (!strcmp(mode, "exists") && argc > 2) return child_exists(argv[2]);
    if (!strcmp(mode, "clash") && argc > 2) return child_clash(argv[2]);
    if (!strcmp(mode, "hold") && argc > 3) return child_hold(argv[2], argv[3]);
    if (!strcmp(mode, "setdup")) return child_setdup();
    if (!strcmp(mode, "inherit") && argc > 3) return child_inherit(argv[2], argv[3]);
    if (!strcmp(mode, "noinherit") && argc > 2) return child_noinherit(argv[2]);
    if (!strcmp(mode, "dupback") && argc > 2) return child_dupback(argv[2]);
    if (!strcmp(mode, "listcheck") && argc > 3) return child_listcheck(argv[2], argv[3]);
    if (!strcmp(mode, "holdready") && argc > 2) return child_holdready(argv[2]);
    if (!strcmp(mode, "waitabandon") && argc > 2) return child_waitabandon(argv[2]);
    return 99;
}

/* --- helpers ------------------------------------------------------------------------ */

static BOOL start(const WCHAR *args, BOOL inherit, STARTUPINFOW *si, PROCESS_INFORMATION *pi)
{
    return start_self(args, inherit, 0, si, pi);
}

static DWORD run(const WCHAR *args)
{
    PROCESS_INFORMATION pi;
    if (!ok(start(args, FALSE, NULL, &pi), "CreateProcess failed: %lu\n", GetLastError())) return 0xdead;
    return finish(&pi);
}

/* --- tests --------------------------------------------------------------------------- */

static void test_named_event(void)
{
    WCHAR args[128];
    HANDLE e = CreateEventW(NULL, FALSE, FALSE, names[0]);
    ok(e != NULL, "CreateEvent failed: %lu\n", GetLastError());
    _snwprintf(args, ARRAYSIZE(args), L"signal %ls", names[0]);
    ok(run(args) == 0, "the child could not set the event\n");
    ok(WaitForSingleObject(e, 5000) == WAIT_OBJECT_0, "the child's SetEvent was not seen\n");
    ok(WaitForSingleObject(e, 0) == WAIT_TIMEOUT, "an auto-reset event stayed set\n");

    _snwprintf(args, ARRAYSIZE(args), L"exists %ls", names[0]);
    ok(run(args) == 0, "the child's CreateEvent did not give ERROR_ALREADY_EXISTS\n");
    CloseHandle(e);

    /* the name went with the last handle (the child's are gone with it) */
    SetLastError(0xdeadbeef);
    ok(!OpenEventW(EVENT_ALL_ACCESS, FALSE, names[0]), "the event outlived its handles\n");
    ok(GetLastError() == ERROR_FILE_NOT_FOUND, "got %lu\n", GetLastError());
}

static void test_named_semaphore(void)
{
    WCHAR args[128];
    HANDLE s = CreateSemaphoreW(NULL, 0, 100, names[1]);
    LONG prev = -1;
    ok(s != NULL, "CreateSemaphore failed: %lu\n", GetLastError());
    _snwprintf(args, ARRAYSIZE(args), L"sem %ls 7", names[1]);
    ok(run(args) == 0, "the child could not release the semaphore\n");
    ok(ReleaseSemaphore(s, 1, &prev), "ReleaseSemaphore failed\n");
    ok(prev == 7, "count after the child's releases: %ld\n", prev);
    CloseHandle(s);
}

static void test_type_clash(void)
{
    WCHAR args[128];
    HANDLE m = CreateMutexW(NULL, FALSE, names[2]);
    ok(m != NULL, "CreateMutex failed: %lu\n", GetLastError());
    _snwprintf(args, ARRAYSIZE(args), L"clash %ls", names[2]);
    ok(run(args) == 0, "a name held by a mutex opened as an event in another process\n");
    CloseHandle(m);
}

/* a child killed holding a named mutex: the next wait gets WAIT_ABANDONED */
static void test_abandoned(void)
{
    WCHAR args[256], ready[64];
    PROCESS_INFORMATION pi;
    HANDLE m = CreateMutexW(NULL, FALSE, names[3]), e;
    _snwprintf(ready, ARRAYSIZE(ready), L"%ls-ready", names[3]);
    e = CreateEventW(NULL, TRUE, FALSE, ready);
    _snwprintf(args, ARRAYSIZE(args), L"hold %ls %ls", names[3], ready);
    if (!ok(start(args, FALSE, NULL, &pi), "CreateProcess failed: %lu\n", GetLastError())) return;
    ok(WaitForSingleObject(e, 10000) == WAIT_OBJECT_0, "the child did not take the mutex\n");
    ok(WaitForSingleObject(m, 0) == WAIT_TIMEOUT, "the mutex was free while the child held it\n");
    ok(TerminateProcess(pi.hProcess, 5), "TerminateProcess failed: %lu\n", GetLastError());
    ok(WaitForSingleObject(m, 10000) == WAIT_ABANDONED, "the dead child's mutex was not abandoned\n");
    ok(ReleaseMutex(m), "the parent does not own the abandoned mutex\n");
    ok(WaitForSingleObject(m, 0) == WAIT_OBJECT_0, "an abandoned mutex stays abandoned\n");
    ReleaseMutex(m);
    finish(&pi);
    CloseHandle(m);
    CloseHandle(e);
}

/* DuplicateHandle into a child: the value is valid there at once; the
   child reads it from its stdin and sets the event */
static void test_dup_into_child(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL), theirs = NULL, rd, wr;
    char line[32];
    DWORD n;

    if (!ok(CreatePipe(&rd, &wr, &sa, 0), "CreatePipe failed\n")) return;
    SetHandleInformation(wr, HANDLE_FLAG_INHERIT, 0);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = rd;
    si.hStdOutput = si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    if (!ok(start(L"setdup", TRUE, &si, &pi), "CreateProcess failed: %lu\n", GetLastError())) return;
    CloseHandle(rd);
    ok(DuplicateHandle(GetCurrentProcess(), e, pi.hProcess, &theirs, 0, FALSE, DUPLICATE_SAME_ACCESS),
       "DuplicateHandle into the child failed: %lu\n", GetLastError());
    n = sprintf(line, "%p\n", theirs);
    WriteFile(wr, line, n, &n, NULL);
    CloseHandle(wr);
    ok(finish(&pi) == 0, "the child could not use the duplicated handle\n");
    ok(WaitForSingleObject(e, 0) == WAIT_OBJECT_0, "the child's SetEvent was not seen\n");

    /* DUPLICATE_CLOSE_SOURCE closes ours */
    ok(DuplicateHandle(GetCurrentProcess(), e, GetCurrentProcess(), &theirs, 0, FALSE,
                       DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE), "DuplicateHandle failed\n");
    SetLastError(0xdeadbeef);
    if (theirs != e)   /* Wine may give the new handle the source's value */
        ok(!CloseHandle(e) && GetLastError() == ERROR_INVALID_HANDLE, "the source was not closed\n");
    CloseHandle(theirs);
}

/* DuplicateHandle from a child into its parent: the child writes the value */
static void test_dup_from_child(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    HANDLE rd, wr;
    WCHAR args[64];
    char line[64] = { 0 };
    DWORD n = 0, got = 0;

    if (!ok(CreatePipe(&rd, &wr, &sa, 0), "CreatePipe failed\n")) return;
    SetHandleInformation(rd, HANDLE_FLAG_INHERIT, 0);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdOutput = wr;
    si.hStdInput = si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    _snwprintf(args, ARRAYSIZE(args), L"dupback %lx", GetCurrentProcessId());
    if (!ok(start(args, TRUE, &si, &pi), "CreateProcess failed: %lu\n", GetLastError())) return;
    CloseHandle(wr);
    while (got < sizeof(line) - 1 && !strchr(line, '\n') && ReadFile(rd, line + got, sizeof(line) - 1 - got, &n, NULL) && n)
        got += n;
    HANDLE h = (HANDLE)(ULONG_PTR)strtoull(line, NULL, 16);
    ok(h != NULL, "no handle value from the child: '%s'\n", line);
    ok(SetEvent(h), "the handle the child gave us does not work: %lu\n", GetLastError());
    ok(finish(&pi) == 0, "the child did not see our SetEvent\n");
    CloseHandle(h);
    CloseHandle(rd);
}

/* bInheritHandles: inheritable handles keep their values in the child */
static void test_inherit(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    PROCESS_INFORMATION pi;
    HANDLE e = CreateEventW(&sa, TRUE, FALSE, NULL), rd, wr, priv;
    WCHAR args[128];
    char buf[16] = { 0 };
    DWORD n = 0;

    ok(CreatePipe(&rd, &wr, &sa, 0), "CreatePipe failed\n");
    SetHandleInformation(rd, HANDLE_FLAG_INHERIT, 0);
    _snwprintf(args, ARRAYSIZE(args), L"inherit %p %p", e, wr);
    if (ok(start(args, TRUE, NULL, &pi), "CreateProcess failed: %lu\n", GetLastError()))
        ok(finish(&pi) == 0, "the child could not use the inherited handles\n");
    CloseHandle(wr);
    ok(WaitForSingleObject(e, 0) == WAIT_OBJECT_0, "the child's SetEvent on the inherited event was not seen\n");
    ok(ReadFile(rd, buf, 9, &n, NULL) && n == 9 && !memcmp(buf, "inherited", 9), "read %lu: '%s'\n", n, buf);
    CloseHandle(rd);

    /* made inheritable afterwards with SetHandleInformation: inherited too */
    ResetEvent(e);
    priv = CreateEventW(NULL, TRUE, FALSE, NULL);
    ok(SetHandleInformation(priv, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT), "SetHandleInformation failed\n");
    ok(CreatePipe(&rd, &wr, &sa, 0), "CreatePipe failed\n");
    _snwprintf(args, ARRAYSIZE(args), L"inherit %p %p", priv, wr);
    if (ok(start(args, TRUE, NULL, &pi), "CreateProcess failed: %lu\n", GetLastError()))
        ok(finish(&pi) == 0, "the child could not use the handle made inheritable\n");
    ok(WaitForSingleObject(priv, 0) == WAIT_OBJECT_0, "the child's SetEvent was not seen\n");
    CloseHandle(rd);
    CloseHandle(wr);

    /* bInheritHandles FALSE: nothing is inherited */
    _snwprintf(args, ARRAYSIZE(args), L"noinherit %p", e);
    ok(run(args) == 0, "a handle was inherited without bInheritHandles\n");
    CloseHandle(priv);
    CloseHandle(e);
}

/* PROC_THREAD_ATTRIBUTE_HANDLE_LIST: only the listed inheritable handles go */
static void test_handle_list(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOEXW si = { { sizeof(si) } };
    PROCESS_INFORMATION pi;
    HANDLE listed = CreateEventW(&sa, TRUE, FALSE, NULL), other = CreateEventW(&sa, TRUE, FALSE, NULL);
    SIZE_T size = 0;
    WCHAR args[128];

    SetLastError(0xdeadbeef);
    ok(!InitializeProcThreadAttributeList(NULL, 1, 0, &size) && GetLastError() == ERROR_INSUFFICIENT_BUFFER,
       "size query: %lu\n", GetLastError());
    si.lpAttributeList = HeapAlloc(GetProcessHeap(), 0, size);
    ok(InitializeProcThreadAttributeList(si.lpAttributeList, 1, 0, &size), "InitializeProcThreadAttributeList failed\n");
    SetLastError(0xdeadbeef);
    ok(!UpdateProcThreadAttribute(si.lpAttributeList, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, &listed, 3, NULL, NULL),
       "a handle list of 3 bytes was taken\n");
    ok(GetLastError() == ERROR_BAD_LENGTH, "got %lu\n", GetLastError());
    ok(UpdateProcThreadAttribute(si.lpAttributeList, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, &listed, sizeof(listed),
                                 NULL, NULL), "UpdateProcThreadAttribute failed: %lu\n", GetLastError());
    _snwprintf(args, ARRAYSIZE(args), L"listcheck %p %p", listed, other);
    if (ok(start_self(args, TRUE, EXTENDED_STARTUPINFO_PRESENT, &si.StartupInfo, &pi), "CreateProcess failed: %lu\n",
           GetLastError()))
        ok(finish(&pi) == 0, "the child did not get exactly the listed handle\n");
    ok(WaitForSingleObject(listed, 0) == WAIT_OBJECT_0, "the listed event was not set\n");
    ok(WaitForSingleObject(other, 0) == WAIT_TIMEOUT, "the other event was set\n");
    DeleteProcThreadAttributeList(si.lpAttributeList);
    HeapFree(GetProcessHeap(), 0, si.lpAttributeList);
    CloseHandle(listed);
    CloseHandle(other);
}

int main(int argc, char **argv)
{
    test_start("kernel32:crossproc");
    if (argc > 1)
    {
        return child_main(argc, argv);
    }
    GetModuleFileNameW(NULL, module, MAX_PATH);
    for (int i = 0; i < 4; i++) _snwprintf(names[i], 64, L"Local\\wlx-xproc-%lx-%d", GetCurrentProcessId(), i);
    test_named_event();
    test_named_semaphore();
    test_type_clash();
    test_abandoned();
    test_dup_into_child();
    test_dup_from_child();
    test_inherit();
    test_handle_list();
    return test_summary();
}
