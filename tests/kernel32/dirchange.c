/*
 * tests/kernel32/dirchange.c — ReadDirectoryChangesW: records for added,
 * renamed and removed files (FILE_NOTIFY_INFORMATION), changes made
 * between two calls kept for the next, a folder tree with WatchTree,
 * overlapped calls with an event, a completion routine and a completion
 * port, a synchronous handle that blocks until a change, a buffer too
 * small, and bad parameters.
 */
#include "test.h"

#define FILTER (FILE_NOTIFY_CHANGE_FILE_NAME | FILE_NOTIFY_CHANGE_DIR_NAME)

static WCHAR dir[MAX_PATH];

/* dir\name (two at a time may be in use) */
static const WCHAR *in_dir(const WCHAR *name)
{
    static WCHAR paths[2][MAX_PATH];
    static int next;
    WCHAR *path = paths[next++ & 1];
    swprintf(path, MAX_PATH, L"%s\\%s", dir, name);
    return path;
}

static void touch(const WCHAR *name)
{
    HANDLE h = CreateFileW(in_dir(name), GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CloseHandle(h);
}

/* is there a record (action, name) among the `size` bytes of buf */
static BOOL has_record(const BYTE *buf, DWORD size, DWORD action, const WCHAR *name)
{
    const FILE_NOTIFY_INFORMATION *fni = (const FILE_NOTIFY_INFORMATION *)buf;

    if (!size || size > 4096) return FALSE;
    for (;;)
    {
        if (fni->Action == action && fni->FileNameLength == wcslen(name) * sizeof(WCHAR) &&
            !memcmp(fni->FileName, name, fni->FileNameLength))
            return TRUE;
        if (!fni->NextEntryOffset) return FALSE;
        fni = (const FILE_NOTIFY_INFORMATION *)((const BYTE *)fni + fni->NextEntryOffset);
    }
}

static HANDLE open_dir(DWORD flags)
{
    return CreateFileW(dir, FILE_LIST_DIRECTORY, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                       OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS | flags, NULL);
}

/* starts an overlapped call and waits (5 s at most) for its result */
static DWORD wait_changes(HANDLE h, BYTE *buf, DWORD size, BOOL tree, OVERLAPPED *ov)
{
    DWORD got = 0;

    if (WaitForSingleObject(ov->hEvent, 5000)) return 0xffffffff;
    if (!GetOverlappedResult(h, ov, &got, FALSE)) return 0xfffffffe;
    return got;
}

static void test_overlapped(void)
{
    BYTE buf[4096] __attribute__((aligned(4)));
    OVERLAPPED ov = { 0 };
    HANDLE h = open_dir(FILE_FLAG_OVERLAPPED);
    DWORD got;
    BOOL ret;

    ok(h != INVALID_HANDLE_VALUE, "open: %lu\n", GetLastError());
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    ret = ReadDirectoryChangesW(h, buf, sizeof(buf), FALSE, FILTER, NULL, &ov, NULL);
    ok(ret, "ReadDirectoryChangesW: %lu\n", GetLastError());
    ok(WaitForSingleObject(ov.hEvent, 0) == WAIT_TIMEOUT, "done with no change\n");
    touch(L"a.txt");
    got = wait_changes(h, buf, sizeof(buf), FALSE, &ov);
    ok(got && got < sizeof(buf) && has_record(buf, got, FILE_ACTION_ADDED, L"a.txt"), "added: %lu\n", got);

    /* changes between calls are kept for the next one */
    MoveFileW(in_dir(L"a.txt"), in_dir(L"b.txt"));
    DeleteFileW(in_dir(L"b.txt"));
    ResetEvent(ov.hEvent);
    ret = ReadDirectoryChangesW(h, buf, sizeof(buf), FALSE, FILTER, NULL, &ov, NULL);
    ok(ret, "second call: %lu\n", GetLastError());
    got = wait_changes(h, buf, sizeof(buf), FALSE, &ov);
    ok(has_record(buf, got, FILE_ACTION_RENAMED_OLD_NAME, L"a.txt"), "old name missing (%lu bytes)\n", got);
    ok(has_record(buf, got, FILE_ACTION_RENAMED_NEW_NAME, L"b.txt"), "new name missing (%lu bytes)\n", got);
    ok(has_record(buf, got, FILE_ACTION_REMOVED, L"b.txt"), "removal missing (%lu bytes)\n", got);

    /* a change that does not fit: success with nothing returned */
    touch(L"a-rather-long-name-that-does-not-fit.txt");
    ResetEvent(ov.hEvent);
    ret = ReadDirectoryChangesW(h, buf, 8, FALSE, FILTER, NULL, &ov, NULL);
    ok(ret, "small buffer: %lu\n", GetLastError());
    ok(WaitForSingleObject(ov.hEvent, 5000) == WAIT_OBJECT_0, "small buffer: no completion\n");
    got = 0xdeadbeef;
    GetOverlappedResult(h, &ov, &got, FALSE);
    ok(got == 0, "small buffer: %lu bytes\n", got);
    DeleteFileW(in_dir(L"a-rather-long-name-that-does-not-fit.txt"));
    CloseHandle(ov.hEvent);
    CloseHandle(h);
}

static void test_tree(void)
{
    BYTE buf[4096] __attribute__((aligned(4)));
    OVERLAPPED ov = { 0 };
    HANDLE h;
    DWORD got;

    CreateDirectoryW(in_dir(L"sub"), NULL);
    h = open_dir(FILE_FLAG_OVERLAPPED);
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    ok(ReadDirectoryChangesW(h, buf, sizeof(buf), TRUE, FILTER, NULL, &ov, NULL), "tree: %lu\n", GetLastError());
    touch(L"sub\\c.txt");
    got = wait_changes(h, buf, sizeof(buf), TRUE, &ov);
    /* Wine 8 reports nothing from below the watched folder here */
    todo_wine(has_record(buf, got, FILE_ACTION_ADDED, L"sub\\c.txt"), "sub\\c.txt not reported (%lu bytes)\n", got);
    DeleteFileW(in_dir(L"sub\\c.txt"));
    RemoveDirectoryW(in_dir(L"sub"));
    CloseHandle(ov.hEvent);
    CloseHandle(h);
}

/* how many records (action, name) buf holds */
static int count_records(const BYTE *buf, DWORD size, DWORD action, const WCHAR *name)
{
    const FILE_NOTIFY_INFORMATION *fni = (const FILE_NOTIFY_INFORMATION *)buf;
    int n = 0;

    if (!size || size > 65536) return 0;
    for (;;)
    {
        if (fni->Action == action && fni->FileNameLength == wcslen(name) * sizeof(WCHAR) &&
            !memcmp(fni->FileName, name, fni->FileNameLength))
            n++;
        if (!fni->NextEntryOffset) return n;
        fni = (const FILE_NOTIFY_INFORMATION *)((const BYTE *)fni + fni->NextEntryOffset);
    }
}

/* a folder made in a watched tree and filled at once: what is made in it
   before the watcher looks is reported too, each once (file watchers such
   as @parcel/watcher's make a folder and its files in one go) */
static void test_new_folder_filled(void)
{
    static const WCHAR *names[] = { L"nf", L"nf\\deep", L"nf\\a.txt", L"nf\\deep\\b.txt" };
    BYTE buf[65536] __attribute__((aligned(4)));
    int seen[4] = { 0 };
    OVERLAPPED ov = { 0 };
    HANDLE h = open_dir(FILE_FLAG_OVERLAPPED);
    DWORD got, start;

    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    ok(ReadDirectoryChangesW(h, buf, sizeof(buf), TRUE, FILTER, NULL, &ov, NULL), "tree: %lu\n", GetLastError());
    CreateDirectoryW(in_dir(L"nf"), NULL);
    CreateDirectoryW(in_dir(L"nf\\deep"), NULL);
    touch(L"nf\\a.txt");
    touch(L"nf\\deep\\b.txt");
    start = GetTickCount();
    for (;;)   /* the records may come in several calls: 5 s at most */
    {
        got = wait_changes(h, buf, sizeof(buf), TRUE, &ov);
        if (got == 0xffffffff || got == 0xfffffffe) break;
        for (int i = 0; i < 4; i++) seen[i] += count_records(buf, got, FILE_ACTION_ADDED, names[i]);
        if ((seen[0] && seen[1] && seen[2] && seen[3]) || GetTickCount() - start > 5000) break;
        ResetEvent(ov.hEvent);
        if (!ReadDirectoryChangesW(h, buf, sizeof(buf), TRUE, FILTER, NULL, &ov, NULL)) break;
    }
    for (int i = 0; i < 4; i++) ok(seen[i] == 1, "%ls added %d times\n", names[i], seen[i]);
    CancelIo(h);
    CloseHandle(ov.hEvent);
    CloseHandle(h);
    DeleteFileW(in_dir(L"nf\\deep\\b.txt"));
    DeleteFileW(in_dir(L"nf\\a.txt"));
    RemoveDirectoryW(in_dir(L"nf\\deep"));
    RemoveDirectoryW(in_dir(L"nf"));
}

static int routine_calls;
static DWORD routine_bytes, routine_error;

static void WINAPI routine(DWORD error, DWORD bytes, OVERLAPPED *ov)
{
    routine_calls++;
    routine_error = error;
    routine_bytes = bytes;
}

static void test_routine_and_port(void)
{
    BYTE buf[4096] __attribute__((aligned(4)));
    OVERLAPPED ov = { 0 }, *got_ov = NULL;
    HANDLE h = open_dir(FILE_FLAG_OVERLAPPED), port;
    ULONG_PTR key = 0;
    DWORD got = 0, i;

    ok(ReadDirectoryChangesW(h, buf, sizeof(buf), FALSE, FILTER, NULL, &ov, routine), "routine: %lu\n",
       GetLastError());
    touch(L"d.txt");
    for (i = 0; i < 50 && !routine_calls; i++) SleepEx(100, TRUE);
    ok(routine_calls == 1 && !routine_error && routine_bytes, "routine: %d calls, error %lu, %lu bytes\n",
       routine_calls, routine_error, routine_bytes);
    ok(has_record(buf, routine_bytes, FILE_ACTION_ADDED, L"d.txt"), "d.txt not reported\n");
    CloseHandle(h);

    h = open_dir(FILE_FLAG_OVERLAPPED);
    port = CreateIoCompletionPort(h, NULL, 42, 0);
    ok(ReadDirectoryChangesW(h, buf, sizeof(buf), FALSE, FILTER, NULL, &ov, NULL), "port: %lu\n", GetLastError());
    DeleteFileW(in_dir(L"d.txt"));
    ok(GetQueuedCompletionStatus(port, &got, &key, &got_ov, 5000), "no packet: %lu\n", GetLastError());
    ok(key == 42 && got_ov == &ov && has_record(buf, got, FILE_ACTION_REMOVED, L"d.txt"), "packet %Iu %p %lu\n",
       key, got_ov, got);
    CloseHandle(h);
    CloseHandle(port);
}

static volatile LONG sync_done;

/* makes files until the synchronous call has returned (5 s at most) */
static DWORD WINAPI maker(void *arg)
{
    int i;
    for (i = 0; i < 500 && !sync_done; i++)
    {
        touch(L"e.txt");
        DeleteFileW(in_dir(L"e.txt"));
        Sleep(10);
    }
    return 0;
}

static void test_synchronous(void)
{
    BYTE buf[4096] __attribute__((aligned(4)));
    HANDLE h = open_dir(0), thread;
    DWORD got = 0;
    BOOL ret;

    thread = CreateThread(NULL, 0, maker, NULL, 0, NULL);
    ret = ReadDirectoryChangesW(h, buf, sizeof(buf), FALSE, FILTER, &got, NULL, NULL);
    InterlockedExchange(&sync_done, 1);
    ok(ret, "synchronous: %lu\n", GetLastError());
    ok(got && has_record(buf, got, ((FILE_NOTIFY_INFORMATION *)buf)->Action, L"e.txt"), "e.txt not reported (%lu)\n",
       got);
    WaitForSingleObject(thread, 10000);
    CloseHandle(thread);
    DeleteFileW(in_dir(L"e.txt"));
    CloseHandle(h);
}

static void test_bad_parameters(void)
{
    BYTE buf[256] __attribute__((aligned(4)));
    OVERLAPPED ov = { 0 };
    HANDLE h, file;

    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    h = open_dir(FILE_FLAG_OVERLAPPED);
    SetLastError(0xdeadbeef);
    ok(!ReadDirectoryChangesW(h, buf, sizeof(buf), FALSE, 0, NULL, &ov, NULL), "filter 0 accepted\n");
    ok(GetLastError() == ERROR_INVALID_PARAMETER, "filter 0: error %lu\n", GetLastError());
    CloseHandle(h);
    touch(L"f.txt");
    file = CreateFileW(in_dir(L"f.txt"), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    SetLastError(0xdeadbeef);
    /* a file is no folder to watch (which error is not asserted: Wine says ERROR_INVALID_HANDLE) */
    ok(!ReadDirectoryChangesW(file, buf, sizeof(buf), FALSE, FILTER, NULL, &ov, NULL), "a file accepted\n");
    CloseHandle(file);
    DeleteFileW(in_dir(L"f.txt"));
    CloseHandle(ov.hEvent);
}

int main(void)
{
    test_start("kernel32/dirchange");
    GetTempPathW(MAX_PATH, dir);
    wcscat(dir, L"wlx-dirchange");
    /* what a failed earlier run may have left */
    DeleteFileW(in_dir(L"a.txt"));
    DeleteFileW(in_dir(L"b.txt"));
    DeleteFileW(in_dir(L"d.txt"));
    DeleteFileW(in_dir(L"e.txt"));
    DeleteFileW(in_dir(L"f.txt"));
    DeleteFileW(in_dir(L"sub\\c.txt"));
    RemoveDirectoryW(in_dir(L"sub"));
    DeleteFileW(in_dir(L"nf\\deep\\b.txt"));
    DeleteFileW(in_dir(L"nf\\a.txt"));
    RemoveDirectoryW(in_dir(L"nf\\deep"));
    RemoveDirectoryW(in_dir(L"nf"));
    CreateDirectoryW(dir, NULL);
    test_overlapped();
    test_tree();
    test_new_folder_filled();
    test_routine_and_port();
    test_synchronous();
    test_bad_parameters();
    ok(RemoveDirectoryW(dir), "folder left non-empty: %lu\n", GetLastError());
    return test_summary();
}
