/*
 * tests/kernel32/real_overlapped.c — overlapped I/O as servers and runtimes
 * use it: a file opened FILE_FLAG_OVERLAPPED written at several offsets at
 * once (one event per request, GetOverlappedResult with bWait), read back
 * through a completion port (every block's packet once, its bytes right),
 * and a pending read of a pipe cancelled with CancelIoEx
 * (ERROR_OPERATION_ABORTED, then the pipe still works).
 */
#include "../test.h"

#define BLOCKS 8
#define BLOCK 4096

static char path[MAX_PATH];

static void fill(char *buf, int block)
{
    for (int i = 0; i < BLOCK; i++) buf[i] = (char)(block * 31 + i * 7);
}

static HANDLE open_file(DWORD disposition)
{
    return CreateFileA(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, disposition,
                       FILE_FLAG_OVERLAPPED | FILE_ATTRIBUTE_NORMAL, NULL);
}

/* every block written at once, out of order, one event each */
static void test_write_events(void)
{
    static char data[BLOCKS][BLOCK];
    OVERLAPPED ov[BLOCKS];
    HANDLE events[BLOCKS];
    HANDLE file = open_file(CREATE_ALWAYS);
    int good = 0;

    if (!ok(file != INVALID_HANDLE_VALUE, "CreateFile failed: %lu\n", GetLastError())) return;
    for (int k = 0; k < BLOCKS; k++)
    {
        int b = (k * 5) % BLOCKS;   /* 0 5 2 7 4 1 6 3 */
        fill(data[b], b);
        memset(&ov[k], 0, sizeof(ov[k]));
        ov[k].Offset = b * BLOCK;
        ov[k].hEvent = events[k] = CreateEventW(NULL, TRUE, FALSE, NULL);
        if (!WriteFile(file, data[b], BLOCK, NULL, &ov[k]) && GetLastError() != ERROR_IO_PENDING)
            ok(0, "WriteFile of block %d failed: %lu\n", b, GetLastError());
    }
    ok(WaitForMultipleObjects(BLOCKS, events, TRUE, 10000) == WAIT_OBJECT_0, "the writes did not finish\n");
    for (int k = 0; k < BLOCKS; k++)
    {
        DWORD n = 0;
        if (GetOverlappedResult(file, &ov[k], &n, TRUE) && n == BLOCK) good++;
        CloseHandle(events[k]);
    }
    ok(good == BLOCKS, "%d writes completed whole\n", good);
    LARGE_INTEGER size;
    ok(GetFileSizeEx(file, &size) && size.QuadPart == BLOCKS * BLOCK, "size %I64d\n", size.QuadPart);
    CloseHandle(file);
}

/* read back through a completion port: one packet per block */
static void test_read_port(void)
{
    static char data[BLOCKS][BLOCK], expect[BLOCK];
    OVERLAPPED ov[BLOCKS];
    int seen[BLOCKS] = { 0 }, good = 0;
    HANDLE file = open_file(OPEN_EXISTING);

    if (!ok(file != INVALID_HANDLE_VALUE, "CreateFile failed: %lu\n", GetLastError())) return;
    HANDLE port = CreateIoCompletionPort(file, NULL, 0xf11e, 0);
    ok(port != NULL, "CreateIoCompletionPort failed: %lu\n", GetLastError());
    for (int b = 0; b < BLOCKS; b++)
    {
        memset(&ov[b], 0, sizeof(ov[b]));
        ov[b].Offset = b * BLOCK;
        if (!ReadFile(file, data[b], BLOCK, NULL, &ov[b]) && GetLastError() != ERROR_IO_PENDING)
            ok(0, "ReadFile of block %d failed: %lu\n", b, GetLastError());
    }
    for (int i = 0; i < BLOCKS; i++)
    {
        DWORD n;
        ULONG_PTR key;
        OVERLAPPED *got;
        if (!GetQueuedCompletionStatus(port, &n, &key, &got, 10000)) break;
        int b = (int)(got - ov);
        if (key != 0xf11e || b < 0 || b >= BLOCKS || n != BLOCK) continue;
        seen[b]++;
        fill(expect, b);
        if (!memcmp(data[b], expect, BLOCK)) good++;
    }
    ok(good == BLOCKS, "%d blocks read back right\n", good);
    for (int b = 0; b < BLOCKS; b++) ok(seen[b] == 1, "block %d: %d packets\n", b, seen[b]);

    /* past the end: ERROR_HANDLE_EOF, as the request's status or at once */
    OVERLAPPED end = { 0 };
    DWORD n = 1;
    end.Offset = BLOCKS * BLOCK;
    end.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    BOOL ret = ReadFile(file, data[0], BLOCK, NULL, &end);
    if (!ret && GetLastError() == ERROR_IO_PENDING) ret = GetOverlappedResult(file, &end, &n, TRUE);
    ok(!ret && GetLastError() == ERROR_HANDLE_EOF, "read past the end: %d %lu\n", ret, GetLastError());
    CloseHandle(end.hEvent);
    CloseHandle(port);
    CloseHandle(file);
}

/* a read that waits for a writer that never comes: CancelIoEx ends it */
static void test_cancel_pipe_read(void)
{
    char name[80], buf[16];
    OVERLAPPED ov = { 0 };
    DWORD n = 0xdeadbeef;

    sprintf(name, "\\\\.\\pipe\\wlx_real_overlapped_%lu", GetCurrentProcessId());
    HANDLE server = CreateNamedPipeA(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE, 1, 64, 64, 0,
                                     NULL);
    if (!ok(server != INVALID_HANDLE_VALUE, "CreateNamedPipe failed: %lu\n", GetLastError())) return;
    HANDLE client = CreateFileA(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(client != INVALID_HANDLE_VALUE, "client open failed: %lu\n", GetLastError());
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    BOOL ret = ReadFile(server, buf, sizeof(buf), NULL, &ov);
    ok(!ret && GetLastError() == ERROR_IO_PENDING, "read: %d %lu\n", ret, GetLastError());
    SetLastError(0xdeadbeef);
    ret = GetOverlappedResult(server, &ov, &n, FALSE);
    ok(!ret && GetLastError() == ERROR_IO_INCOMPLETE, "still pending: %d %lu\n", ret, GetLastError());
    ok(CancelIoEx(server, &ov), "CancelIoEx failed: %lu\n", GetLastError());
    ret = GetOverlappedResult(server, &ov, &n, TRUE);
    ok(!ret && GetLastError() == ERROR_OPERATION_ABORTED, "cancelled read: %d %lu\n", ret, GetLastError());
    ok(n == 0, "%lu bytes\n", n);
    SetLastError(0xdeadbeef);
    ok(!CancelIoEx(server, &ov) && GetLastError() == ERROR_NOT_FOUND, "second cancel: %lu\n", GetLastError());

    /* the pipe still works */
    ResetEvent(ov.hEvent);
    ret = ReadFile(server, buf, sizeof(buf), NULL, &ov);
    ok(ret || GetLastError() == ERROR_IO_PENDING, "read: %d %lu\n", ret, GetLastError());
    ok(WriteFile(client, "hello", 5, &n, NULL) && n == 5, "write failed: %lu\n", GetLastError());
    ok(GetOverlappedResult(server, &ov, &n, TRUE) && n == 5 && !memcmp(buf, "hello", 5), "read after cancel: %lu\n", n);
    CloseHandle(ov.hEvent);
    CloseHandle(client);
    CloseHandle(server);
}

int main(void)
{
    GetTempPathA(MAX_PATH, path);
    sprintf(path + strlen(path), "wlx-real-overlapped-%lu.bin", GetCurrentProcessId());
    test_write_events();
    test_read_port();
    test_cancel_pipe_read();
    DeleteFileA(path);
    return test_summary();
}
