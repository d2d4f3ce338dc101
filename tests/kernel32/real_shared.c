/*
 * tests/kernel32/real_shared.c — processes cooperating through named
 * objects, as multi-process applications (browsers, databases, IDE
 * helpers) do:
 *
 *   - a pagefile-backed named section ("Local\..."), opened by three
 *     children with OpenFileMappingW; each child runs two threads that
 *     bump a counter in it under a named mutex, after a named semaphore
 *     lets them start together; the total comes out exact and a string a
 *     child wrote is seen by the parent;
 *   - a named mutex held by a child that is killed with TerminateProcess:
 *     the parent's wait-all over it and an event returns in the
 *     WAIT_ABANDONED range, the mutex is then the parent's;
 *   - names: "Local\x" and "x" are one object, "Global\x" can be created
 *     and opened by a child, a name of another type fails with
 *     ERROR_INVALID_HANDLE, the ...Ex creators with their flags and access
 *     masks (a SYNCHRONIZE-only handle cannot set an event);
 *   - DuplicateHandle into a child (DUPLICATE_SAME_ACCESS) and out of it
 *     (DUPLICATE_CLOSE_SOURCE closes the child's handle), the values passed
 *     over its std handles.
 */
#include "../test.h"
#include "selfchild.h"
#include <stdlib.h>

#define CHILDREN 3
#define THREADS 2
#define ROUNDS 2000

struct shared {
    LONG counter;                /* under the named mutex */
    LONG unlocked_overlap;       /* threads found inside the lock at once (must stay 0) */
    LONG inside;
    char note[64];
};

static WCHAR base[64];           /* the names' common part */

static void name_of(WCHAR *out, const WCHAR *what)
{
    swprintf(out, 96, L"Local\\%ls-%ls", base, what);
}

/* --- the counter children ------------------------------------------------------------------ */

struct worker_args { struct shared *sh; HANDLE mutex; };

static DWORD WINAPI bump(void *arg)
{
    struct worker_args *w = arg;
    for (int i = 0; i < ROUNDS; i++)
    {
        DWORD r = WaitForSingleObject(w->mutex, 10000);
        if (r != WAIT_OBJECT_0) return 1;
        if (InterlockedIncrement(&w->sh->inside) != 1) InterlockedIncrement(&w->sh->unlocked_overlap);
        w->sh->counter++;          /* plain: the mutex is the only guard */
        InterlockedDecrement(&w->sh->inside);
        if (!ReleaseMutex(w->mutex)) return 2;
    }
    return 0;
}

static int child_counter(int id)
{
    WCHAR name[96];
    HANDLE threads[THREADS];
    struct worker_args w;
    int i;

    name_of(name, L"section");
    HANDLE map = OpenFileMappingW(FILE_MAP_READ | FILE_MAP_WRITE, FALSE, name);
    if (!map) return 10;
    w.sh = MapViewOfFile(map, FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, 0);
    if (!w.sh) return 11;
    name_of(name, L"mutex");
    if (!(w.mutex = OpenMutexW(SYNCHRONIZE | MUTEX_MODIFY_STATE, FALSE, name))) return 12;
    name_of(name, L"start");
    HANDLE start = OpenSemaphoreW(SYNCHRONIZE, FALSE, name);
    if (!start) return 13;
    if (WaitForSingleObject(start, 10000) != WAIT_OBJECT_0) return 14;
    for (i = 0; i < THREADS; i++) threads[i] = CreateThread(NULL, 0, bump, &w, 0, NULL);
    if (WaitForMultipleObjects(THREADS, threads, TRUE, 30000) != WAIT_OBJECT_0) return 15;
    for (i = 0; i < THREADS; i++)
    {
        DWORD code = 99;
        GetExitCodeThread(threads[i], &code);
        if (code) return 20 + code;
    }
    if (id == 1)
    {
        WaitForSingleObject(w.mutex, 10000);
        strcpy(w.sh->note, "written by child 1");
        ReleaseMutex(w.mutex);
    }
    UnmapViewOfFile(w.sh);
    CloseHandle(map);
    return 0;
}

static void test_counter(void)
{
    WCHAR name[96], args[128];
    PROCESS_INFORMATION pis[CHILDREN];
    HANDLE procs[CHILDREN];
    int i, started = 0;

    name_of(name, L"section");
    HANDLE map = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 65536, name);
    if (!ok(map != NULL, "CreateFileMapping: %lu\n", GetLastError())) return;
    ok(GetLastError() == 0, "a new section sets the last error to %lu\n", GetLastError());
    struct shared *sh = MapViewOfFile(map, FILE_MAP_ALL_ACCESS, 0, 0, 0);
    ok(sh && !sh->counter, "the view: %p\n", sh);
    /* a second create of the name gives the same section */
    HANDLE map2 = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, name);
    ok(map2 && GetLastError() == ERROR_ALREADY_EXISTS, "second create: %lu\n", GetLastError());
    struct shared *sh2 = MapViewOfFile(map2, FILE_MAP_READ, 0, 0, 0);
    sh->counter = 5;
    ok(sh2 && sh2->counter == 5, "the second view sees %ld\n", sh2 ? sh2->counter : -1);
    sh->counter = 0;
    UnmapViewOfFile(sh2);
    CloseHandle(map2);

    name_of(name, L"mutex");
    HANDLE mutex = CreateMutexW(NULL, FALSE, name);
    name_of(name, L"start");
    HANDLE start = CreateSemaphoreW(NULL, 0, CHILDREN, name);
    ok(mutex && start, "mutex %p semaphore %p\n", mutex, start);

    for (i = 0; i < CHILDREN; i++)
    {
        swprintf(args, ARRAYSIZE(args), L"counter %ls %d", base, i);
        if (!ok(start_self(args, FALSE, 0, NULL, &pis[i]), "CreateProcess: %lu\n", GetLastError())) break;
        procs[started++] = pis[i].hProcess;
    }
    LONG prev = -1;
    ok(ReleaseSemaphore(start, started, &prev) && prev == 0, "start: previous count %ld\n", prev);
    ok(!ReleaseSemaphore(start, CHILDREN + 1, NULL) && GetLastError() == ERROR_TOO_MANY_POSTS,
       "past the maximum: %lu\n", GetLastError());
    ok(WaitForMultipleObjects(started, procs, TRUE, 60000) == WAIT_OBJECT_0, "the children did not end\n");
    for (i = 0; i < started; i++)
    {
        DWORD code = finish(&pis[i]);
        ok(code == 0, "child %d exit code %lu (the check that failed)\n", i, code);
    }
    ok(sh->counter == started * THREADS * ROUNDS, "counter %ld, expected %d\n", sh->counter, started * THREADS * ROUNDS);
    ok(!sh->unlocked_overlap, "%ld times two threads held the mutex at once\n", sh->unlocked_overlap);
    ok(!strcmp(sh->note, "written by child 1"), "note \"%s\"\n", sh->note);

    UnmapViewOfFile(sh);
    CloseHandle(map);
    CloseHandle(mutex);
    CloseHandle(start);
    /* every handle closed: the name is gone */
    name_of(name, L"section");
    ok(!OpenFileMappingW(FILE_MAP_READ, FALSE, name) && GetLastError() == ERROR_FILE_NOT_FOUND,
       "the section outlived its handles: %lu\n", GetLastError());
}

/* --- an abandoned mutex ------------------------------------------------------------------- */

static int child_holder(void)
{
    WCHAR name[96];
    name_of(name, L"held");
    HANDLE m = OpenMutexW(SYNCHRONIZE, FALSE, name);
    name_of(name, L"holding");
    HANDLE ev = OpenEventW(EVENT_MODIFY_STATE, FALSE, name);
    if (!m || !ev) return 1;
    if (WaitForSingleObject(m, 10000) != WAIT_OBJECT_0) return 2;
    SetEvent(ev);
    Sleep(30000);   /* killed before this ends */
    return 3;
}

static void test_abandoned(void)
{
    WCHAR name[96], args[128];
    PROCESS_INFORMATION pi;

    name_of(name, L"held");
    HANDLE m = CreateMutexW(NULL, FALSE, name);
    name_of(name, L"holding");
    HANDLE holding = CreateEventW(NULL, TRUE, FALSE, name);
    HANDLE other = CreateEventW(NULL, TRUE, TRUE, NULL);
    swprintf(args, ARRAYSIZE(args), L"holder %ls", base);
    if (!ok(start_self(args, FALSE, 0, NULL, &pi), "CreateProcess: %lu\n", GetLastError())) return;
    ok(WaitForSingleObject(holding, 10000) == WAIT_OBJECT_0, "the child did not take the mutex\n");
    ok(WaitForSingleObject(m, 0) == WAIT_TIMEOUT, "the mutex is free while the child holds it\n");
    ok(TerminateProcess(pi.hProcess, 9), "TerminateProcess: %lu\n", GetLastError());
    ok(finish(&pi) == 9, "exit code\n");

    HANDLE both[2] = { other, m };
    DWORD r = WaitForMultipleObjects(2, both, TRUE, 5000);
    ok(r >= WAIT_ABANDONED_0 && r < WAIT_ABANDONED_0 + 2, "wait-all over an abandoned mutex: %#lx\n", r);
    /* ours now, recursively */
    ok(WaitForSingleObject(m, 0) == WAIT_OBJECT_0, "the mutex is not ours\n");
    ok(ReleaseMutex(m) && ReleaseMutex(m), "release: %lu\n", GetLastError());
    ok(!ReleaseMutex(m) && GetLastError() == ERROR_NOT_OWNER, "a third release: %lu\n", GetLastError());
    ok(WaitForSingleObject(m, 0) == WAIT_OBJECT_0, "no longer abandoned: plain success\n");
    ReleaseMutex(m);
    CloseHandle(m);
    CloseHandle(holding);
    CloseHandle(other);
}

/* --- names ---------------------------------------------------------------------------------- */

static int child_global(void)
{
    WCHAR name[96];
    swprintf(name, ARRAYSIZE(name), L"Global\\%ls-global", base);
    HANDLE ev = OpenEventW(EVENT_MODIFY_STATE | SYNCHRONIZE, FALSE, name);
    if (!ev) return 1;
    if (WaitForSingleObject(ev, 0) != WAIT_OBJECT_0) return 2;   /* made signaled */
    if (!ResetEvent(ev)) return 3;
    return 0;
}

static void test_names(void)
{
    WCHAR name[96], plain[96], args[128];
    PROCESS_INFORMATION pi;

    /* "Local\x" is the session's "x" */
    name_of(name, L"same");
    swprintf(plain, ARRAYSIZE(plain), L"%ls-same", base);
    HANDLE a = CreateEventW(NULL, TRUE, FALSE, name);
    HANDLE b = CreateEventW(NULL, TRUE, FALSE, plain);
    ok(a && b && GetLastError() == ERROR_ALREADY_EXISTS, "Local\\ and no prefix: %lu\n", GetLastError());
    SetEvent(b);
    ok(WaitForSingleObject(a, 0) == WAIT_OBJECT_0, "not the same event\n");
    /* a name taken by another type */
    SetLastError(0xdeadbeef);
    HANDLE m = CreateMutexW(NULL, FALSE, plain);
    ok(!m && GetLastError() == ERROR_INVALID_HANDLE, "a mutex with an event's name: %p %lu\n", m, GetLastError());
    HANDLE s = OpenSemaphoreW(SYNCHRONIZE, FALSE, plain);
    ok(!s && GetLastError() == ERROR_INVALID_HANDLE, "opening an event as a semaphore: %p %lu\n", s, GetLastError());
    HANDLE f = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, plain);
    ok(!f && GetLastError() == ERROR_INVALID_HANDLE, "a section with an event's name: %p %lu\n", f, GetLastError());
    CloseHandle(a);
    CloseHandle(b);

    /* Global\ */
    swprintf(name, ARRAYSIZE(name), L"Global\\%ls-global", base);
    HANDLE g = CreateEventExW(NULL, name, CREATE_EVENT_MANUAL_RESET | CREATE_EVENT_INITIAL_SET, EVENT_ALL_ACCESS);
    ok(g != NULL, "Global\\ event: %lu\n", GetLastError());
    swprintf(args, ARRAYSIZE(args), L"global %ls", base);
    if (ok(start_self(args, FALSE, 0, NULL, &pi), "CreateProcess: %lu\n", GetLastError()))
        ok(finish(&pi) == 0, "the child did not find the Global\\ event\n");
    ok(WaitForSingleObject(g, 0) == WAIT_TIMEOUT, "the child's ResetEvent was not seen\n");
    CloseHandle(g);

    /* the Ex creators: flags and access */
    name_of(name, L"exevent");
    HANDLE ev = CreateEventExW(NULL, name, CREATE_EVENT_INITIAL_SET, SYNCHRONIZE);
    ok(ev != NULL, "CreateEventEx: %lu\n", GetLastError());
    ok(WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "initially set, auto-reset: the first wait takes it\n");
    ok(WaitForSingleObject(ev, 0) == WAIT_TIMEOUT, "auto-reset\n");
    BOOL r = SetEvent(ev);
    DWORD err = GetLastError();
    ok(!r && err == ERROR_ACCESS_DENIED, "SetEvent with SYNCHRONIZE only: %d %lu\n", r, err);
    if (r) ResetEvent(ev);
    HANDLE ev2 = OpenEventW(EVENT_MODIFY_STATE, FALSE, name);
    ok(ev2 && SetEvent(ev2), "SetEvent through a second handle: %lu\n", GetLastError());
    ok(WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "set through the other handle\n");
    CloseHandle(ev);
    CloseHandle(ev2);

    name_of(name, L"exmutex");
    HANDLE mx = CreateMutexExW(NULL, name, CREATE_MUTEX_INITIAL_OWNER, SYNCHRONIZE | MUTEX_MODIFY_STATE);
    ok(mx != NULL, "CreateMutexEx: %lu\n", GetLastError());
    /* owned by this thread from the start: a wait through another handle
       takes it recursively (MUTEX_MODIFY_STATE is "reserved", and releasing
       needs no more than SYNCHRONIZE) */
    HANDLE mx_sync = OpenMutexW(SYNCHRONIZE, FALSE, name);
    ok(mx_sync != NULL, "OpenMutex: %lu\n", GetLastError());
    ok(WaitForSingleObject(mx_sync, 0) == WAIT_OBJECT_0, "recursive wait through a second handle\n");
    ok(ReleaseMutex(mx_sync), "release through the SYNCHRONIZE handle: %lu\n", GetLastError());
    ok(ReleaseMutex(mx), "release the initial ownership: %lu\n", GetLastError());
    ok(!ReleaseMutex(mx) && GetLastError() == ERROR_NOT_OWNER, "release once more: %lu\n", GetLastError());
    CloseHandle(mx);
    CloseHandle(mx_sync);

    name_of(name, L"exsem");
    HANDLE sem = CreateSemaphoreExW(NULL, 2, 5, name, 0, SEMAPHORE_ALL_ACCESS);
    ok(sem && GetLastError() == 0, "CreateSemaphoreEx: %lu\n", GetLastError());
    HANDLE sem2 = CreateSemaphoreExW(NULL, 0, 1, name, 0, SEMAPHORE_ALL_ACCESS);  /* counts ignored: exists */
    ok(sem2 && GetLastError() == ERROR_ALREADY_EXISTS, "second CreateSemaphoreEx: %lu\n", GetLastError());
    LONG prev = -1;
    ok(WaitForSingleObject(sem2, 0) == WAIT_OBJECT_0 && ReleaseSemaphore(sem2, 3, &prev) && prev == 1,
       "the first semaphore's counts: previous %ld\n", prev);
    ok(!ReleaseSemaphore(sem, 2, &prev) && GetLastError() == ERROR_TOO_MANY_POSTS, "past 5: %lu\n", GetLastError());
    CloseHandle(sem);
    CloseHandle(sem2);
}

/* --- handles in and out of a child ----------------------------------------------------------- */

static int read_line(HANDLE h, char *buf, int size)
{
    int len = 0;
    DWORD n;
    char c;
    while (len < size - 1 && ReadFile(h, &c, 1, &n, NULL) && n == 1 && c != '\n') buf[len++] = c;
    buf[len] = 0;
    return len;
}

static int child_dup(void)
{
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE), out = GetStdHandle(STD_OUTPUT_HANDLE);
    char line[64];
    DWORD n, flags;

    /* the parent's event, duplicated into us */
    if (!read_line(in, line, sizeof(line))) return 1;
    HANDLE theirs = (HANDLE)(ULONG_PTR)_strtoui64(line, NULL, 10);
    if (!SetEvent(theirs)) return 2;
    /* ours, for the parent to take with DUPLICATE_CLOSE_SOURCE */
    HANDLE mine = CreateEventW(NULL, TRUE, FALSE, NULL), keep;
    if (!DuplicateHandle(GetCurrentProcess(), mine, GetCurrentProcess(), &keep, 0, FALSE, DUPLICATE_SAME_ACCESS)) return 3;
    n = sprintf(line, "%Iu\n", (ULONG_PTR)mine);
    if (!WriteFile(out, line, n, &n, NULL)) return 4;
    if (!read_line(in, line, sizeof(line)) || strcmp(line, "taken")) return 5;
    if (GetHandleInformation(mine, &flags)) return 6;      /* closed by the parent */
    if (WaitForSingleObject(keep, 10000) != WAIT_OBJECT_0) return 7;   /* the parent set it */
    return 0;
}

static void test_dup(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    HANDLE in_rd, in_wr, out_rd, out_wr, remote, taken;
    char line[64];
    DWORD n;

    CreatePipe(&in_rd, &in_wr, &sa, 0);
    CreatePipe(&out_rd, &out_wr, &sa, 0);
    SetHandleInformation(in_wr, HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation(out_rd, HANDLE_FLAG_INHERIT, 0);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = in_rd;
    si.hStdOutput = out_wr;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    BOOL ret = start_self(L"dup", TRUE, 0, &si, &pi);
    CloseHandle(in_rd);
    CloseHandle(out_wr);
    if (!ok(ret, "CreateProcess: %lu\n", GetLastError())) return;

    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    ok(DuplicateHandle(GetCurrentProcess(), ev, pi.hProcess, &remote, 0, FALSE, DUPLICATE_SAME_ACCESS),
       "DuplicateHandle into the child: %lu\n", GetLastError());
    n = sprintf(line, "%Iu\n", (ULONG_PTR)remote);
    WriteFile(in_wr, line, n, &n, NULL);
    ok(WaitForSingleObject(ev, 10000) == WAIT_OBJECT_0, "the child did not set our event\n");

    ok(read_line(out_rd, line, sizeof(line)) > 0, "no handle from the child\n");
    HANDLE childs = (HANDLE)(ULONG_PTR)_strtoui64(line, NULL, 10);
    ok(DuplicateHandle(pi.hProcess, childs, GetCurrentProcess(), &taken, 0, FALSE,
                       DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE), "DuplicateHandle out of the child: %lu\n", GetLastError());
    WriteFile(in_wr, "taken\n", 6, &n, NULL);
    ok(SetEvent(taken), "SetEvent on the taken handle: %lu\n", GetLastError());
    ok(finish(&pi) == 0, "the child's checks (exit code: the first that failed)\n");

    /* the child is gone: a handle duplicated into a dead process fails */
    CloseHandle(in_wr);
    CloseHandle(out_rd);
    CloseHandle(ev);
    CloseHandle(taken);
}

int main(int argc, char **argv)
{
    GetModuleFileNameW(NULL, module, MAX_PATH);
    test_start("real_shared");
    if (argc >= 3)
    {
        MultiByteToWideChar(CP_ACP, 0, argv[2], -1, base, ARRAYSIZE(base));
        if (argc >= 4 && !strcmp(argv[1], "counter")) return child_counter(atoi(argv[3]));
        if (!strcmp(argv[1], "holder")) return child_holder();
        if (!strcmp(argv[1], "global")) return child_global();
    }
    if (argc >= 2 && !strcmp(argv[1], "dup")) return child_dup();
    swprintf(base, ARRAYSIZE(base), L"wlx-real-shared-%lu", GetCurrentProcessId());
    test_counter();
    test_abandoned();
    test_names();
    test_dup();
    return test_summary();
}
