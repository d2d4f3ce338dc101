/*
 * tests/kernel32/real_overlapped.c — overlapped I/O as servers and runtimes
 * use it: a file opened FILE_FLAG_OVERLAPPED written at several offsets at
 * once (one event per request, GetOverlappedResult with bWait), read back
 * through a completion port (every block's packet once, its bytes right),
 * a pending read of a pipe cancelled with CancelIoEx
 * (ERROR_OPERATION_ABORTED, then the pipe still works), and a pipe server
 * with several instances on one completion port serving CallNamedPipe
 * clients.
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

/* --- a pipe server as services write it: several instances, one completion
   port, a state per instance (connect, read a request, write the answer,
   disconnect, listen again), clients in other threads -------------------------- */

#define INSTANCES 4
#define CLIENTS 4
#define REQUESTS 25

struct instance {
    OVERLAPPED ov;               /* first: the packet leads back to it */
    HANDLE pipe;
    enum { CONNECTING, READING, WRITING } state;
    DWORD request, answer;
};

static char server_name[80];
static HANDLE server_port;

/* CallNamedPipe opens (waiting for a free instance), writes, reads and
   closes; another client may take the instance it waited for, so on
   ERROR_PIPE_BUSY a real client tries again (for 10 s at most here) */
static BOOL call_server(DWORD request, DWORD *answer)
{
    DWORD n, start = GetTickCount();
    while (GetTickCount() - start < 10000)
    {
        if (CallNamedPipeA(server_name, &request, sizeof(request), answer, sizeof(*answer), &n, 5000))
            return n == sizeof(*answer);
        if (GetLastError() != ERROR_PIPE_BUSY) return FALSE;
    }
    return FALSE;
}

static DWORD WINAPI pipe_client(void *arg)
{
    DWORD base = (DWORD)(ULONG_PTR)arg, good = 0;
    for (DWORD i = 0; i < REQUESTS; i++)
    {
        DWORD request = base * 1000 + i, answer = 0;
        if (call_server(request, &answer) && answer == request * 3) good++;
    }
    return good;
}

static BOOL instance_listen(struct instance *in)
{
    memset(&in->ov, 0, sizeof(in->ov));
    in->state = CONNECTING;
    if (ConnectNamedPipe(in->pipe, &in->ov)) return TRUE;
    if (GetLastError() == ERROR_IO_PENDING) return TRUE;
    if (GetLastError() != ERROR_PIPE_CONNECTED) return FALSE;
    /* a client came first: no packet will come for the connect, we post it */
    return PostQueuedCompletionStatus(server_port, 0, 0, &in->ov);
}

static void test_pipe_server(void)
{
    static struct instance inst[INSTANCES];
    HANDLE clients[CLIENTS], port;
    int served = 0;
    DWORD total = 0, code;

    sprintf(server_name, "\\\\.\\pipe\\wlx_real_server_%lu", GetCurrentProcessId());
    port = server_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    for (int i = 0; i < INSTANCES; i++)
    {
        inst[i].pipe = CreateNamedPipeA(server_name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED,
                                        PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT, INSTANCES, 64, 64, 0,
                                        NULL);
        if (!ok(inst[i].pipe != INVALID_HANDLE_VALUE, "CreateNamedPipe failed: %lu\n", GetLastError())) return;
        CreateIoCompletionPort(inst[i].pipe, port, i, 0);
        memset(&inst[i].ov, 0, sizeof(inst[i].ov));
        inst[i].state = CONNECTING;
        ok(!ConnectNamedPipe(inst[i].pipe, &inst[i].ov) && GetLastError() == ERROR_IO_PENDING, "connect: %lu\n",
           GetLastError());
    }
    for (int i = 0; i < CLIENTS; i++) clients[i] = CreateThread(NULL, 0, pipe_client, (void *)(ULONG_PTR)(i + 1), 0, NULL);

    while (served < CLIENTS * REQUESTS)
    {
        DWORD n;
        ULONG_PTR key;
        OVERLAPPED *got;
        BOOL ret = GetQueuedCompletionStatus(port, &n, &key, &got, 10000);
        if (!got) break;   /* a timeout: something was lost */
        struct instance *in = (struct instance *)got;
        BOOL again;
        if (!ret || (in->state == WRITING))
        {
            /* an answer went out (or the client left): next client */
            if (ret && in->state == WRITING) served++;
            DisconnectNamedPipe(in->pipe);
            again = instance_listen(in);
        }
        else if (in->state == CONNECTING)
        {
            in->state = READING;
            again = ReadFile(in->pipe, &in->request, sizeof(in->request), NULL, &in->ov) ||
                    GetLastError() == ERROR_IO_PENDING;
        }
        else
        {
            in->answer = in->request * 3;
            in->state = WRITING;
            again = WriteFile(in->pipe, &in->answer, sizeof(in->answer), NULL, &in->ov) ||
                    GetLastError() == ERROR_IO_PENDING;
        }
        if (!ok(again, "instance %Iu: the next step failed: %lu\n", key, GetLastError())) break;
    }
    ok(served == CLIENTS * REQUESTS, "%d requests served\n", served);
    ok(WaitForMultipleObjects(CLIENTS, clients, TRUE, 10000) == WAIT_OBJECT_0, "the clients did not end\n");
    for (int i = 0; i < CLIENTS; i++)
    {
        if (GetExitCodeThread(clients[i], &code)) total += code;
        CloseHandle(clients[i]);
    }
    ok(total == CLIENTS * REQUESTS, "%lu answers right\n", total);
    for (int i = 0; i < INSTANCES; i++) CloseHandle(inst[i].pipe);
    CloseHandle(port);
}

int main(void)
{
    GetTempPathA(MAX_PATH, path);
    sprintf(path + strlen(path), "wlx-real-overlapped-%lu.bin", GetCurrentProcessId());
    test_write_events();
    test_read_port();
    test_cancel_pipe_read();
    test_pipe_server();
    DeleteFileA(path);
    return test_summary();
}
