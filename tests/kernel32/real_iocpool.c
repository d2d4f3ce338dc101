/*
 * tests/kernel32/real_iocpool.c — an I/O server's worker pool: four threads
 * in GetQueuedCompletionStatusEx on one completion port, fed by overlapped
 * file I/O at many offsets (each request's OVERLAPPED inside a request
 * struct found again with CONTAINING_RECORD, as IOCP servers do), by a
 * named pipe served through the same port (connect, read, echo), and by
 * PostQueuedCompletionStatus (work items, then one quit packet per worker).
 *
 * Then the corners such servers depend on: a pending pipe read cancelled
 * with CancelIoEx comes to the port as a failed packet
 * (STATUS_CANCELLED / ERROR_OPERATION_ABORTED) with its key and OVERLAPPED;
 * FILE_SKIP_COMPLETION_PORT_ON_SUCCESS: a request that succeeds at once
 * queues no packet, one that goes pending does; an OVERLAPPED whose hEvent
 * has its low bit set queues no packet at all; an alertable
 * GetQueuedCompletionStatusEx runs a queued APC and returns
 * WAIT_IO_COMPLETION.
 */
#include "../test.h"

#ifndef STATUS_CANCELLED
#define STATUS_CANCELLED ((ULONG_PTR)0xc0000120)
#endif

#define WORKERS 4
#define BLOCKS 64
#define BLOCK 1024
#define POSTS 500

enum key { KEY_FILE = 0x1001, KEY_PIPE = 0x2002, KEY_WORK = 0x3003, KEY_QUIT = 0x4004 };

struct request {
    OVERLAPPED ov;             /* first member or not: found by CONTAINING_RECORD */
    int index;
    int writing;
    char data[BLOCK];
};

struct server {
    HANDLE port, file, pipe;
    struct request blocks[BLOCKS];
    /* the pipe's requests */
    OVERLAPPED pipe_ov;
    int pipe_state;            /* 0 connecting, 1 reading, 2 writing */
    char pipe_buf[256];
    DWORD pipe_len;
    LONG echoes;
    HANDLE pipe_done;          /* set when the client's "end" has been seen */
    /* counts */
    LONG writes_done, reads_done, reads_right, posts_done;
    LONG64 posts_sum;
    LONG bad_key, bad_packet;
    LONG removed_max;          /* the most entries one call removed */
    HANDLE writes_finished, reads_finished, posts_finished;
};

static DWORD WINAPI worker(void *arg)
{
    struct server *s = arg;
    OVERLAPPED_ENTRY entries[8];
    ULONG count, i;
    int quits = 0;
    while (!quits)
    {
        if (!GetQueuedCompletionStatusEx(s->port, entries, ARRAYSIZE(entries), &count, 20000, FALSE))
            return 1;   /* nothing for 20 s: the test is broken, don't hang */
        if ((LONG)count > s->removed_max) InterlockedExchange(&s->removed_max, count);
        for (i = 0; i < count; i++)
        {
            OVERLAPPED_ENTRY *e = &entries[i];
            switch (e->lpCompletionKey)
            {
            case KEY_QUIT:
                /* one quit packet per worker; this call may have removed
                   several: the others go back for the other workers */
                quits++;
                break;
            case KEY_WORK:
                InterlockedAdd64(&s->posts_sum, (LONG_PTR)e->lpOverlapped);
                if (e->dwNumberOfBytesTransferred != 7) InterlockedIncrement(&s->bad_packet);
                if (InterlockedIncrement(&s->posts_done) == POSTS) SetEvent(s->posts_finished);
                break;
            case KEY_FILE:
            {
                struct request *r = CONTAINING_RECORD(e->lpOverlapped, struct request, ov);
                if (e->lpOverlapped->Internal != 0 || e->dwNumberOfBytesTransferred != BLOCK)
                    InterlockedIncrement(&s->bad_packet);
                if (r->writing)
                {
                    if (InterlockedIncrement(&s->writes_done) == BLOCKS) SetEvent(s->writes_finished);
                }
                else
                {
                    int right = 1;
                    for (int k = 0; k < BLOCK; k++)
                        if (r->data[k] != (char)(r->index * 7 + k)) { right = 0; break; }
                    if (right) InterlockedIncrement(&s->reads_right);
                    if (InterlockedIncrement(&s->reads_done) == BLOCKS) SetEvent(s->reads_finished);
                }
                break;
            }
            case KEY_PIPE:
            {
                /* one request at a time on the pipe: no two workers here at once */
                ULONG_PTR err = e->lpOverlapped->Internal;   /* an NTSTATUS */
                if (e->lpOverlapped != &s->pipe_ov) { InterlockedIncrement(&s->bad_packet); break; }
                if (s->pipe_state == 0 || s->pipe_state == 2)
                {
                    if (err) { InterlockedIncrement(&s->bad_packet); break; }
                    s->pipe_state = 1;
                    if (!ReadFile(s->pipe, s->pipe_buf, sizeof(s->pipe_buf), NULL, &s->pipe_ov) &&
                        GetLastError() != ERROR_IO_PENDING)
                        InterlockedIncrement(&s->bad_packet);
                }
                else
                {
                    if (err) { InterlockedIncrement(&s->bad_packet); break; }
                    s->pipe_len = e->dwNumberOfBytesTransferred;
                    if (s->pipe_len == 3 && !memcmp(s->pipe_buf, "end", 3)) { SetEvent(s->pipe_done); break; }
                    InterlockedIncrement(&s->echoes);
                    s->pipe_state = 2;
                    if (!WriteFile(s->pipe, s->pipe_buf, s->pipe_len, NULL, &s->pipe_ov) &&
                        GetLastError() != ERROR_IO_PENDING)
                        InterlockedIncrement(&s->bad_packet);
                }
                break;
            }
            default:
                InterlockedIncrement(&s->bad_key);
            }
        }
    }
    while (--quits) PostQueuedCompletionStatus(s->port, 0, KEY_QUIT, NULL);
    return 0;
}

static void test_pool(void)
{
    static struct server s;
    WCHAR path[MAX_PATH], dir[MAX_PATH], name[64];
    HANDLE threads[WORKERS], client;
    int i;

    memset(&s, 0, sizeof(s));
    GetTempPathW(MAX_PATH, dir);
    GetTempFileNameW(dir, L"iop", 0, path);
    s.file = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                         FILE_FLAG_OVERLAPPED | FILE_FLAG_DELETE_ON_CLOSE, NULL);
    if (!ok(s.file != INVALID_HANDLE_VALUE, "file: %lu\n", GetLastError())) return;
    swprintf(name, ARRAYSIZE(name), L"\\\\.\\pipe\\wlx-real-iocpool-%lu", GetCurrentProcessId());
    s.pipe = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE,
                              1, 4096, 4096, 0, NULL);
    ok(s.pipe != INVALID_HANDLE_VALUE, "pipe: %lu\n", GetLastError());

    /* the port is made with the first handle, the second joins it */
    s.port = CreateIoCompletionPort(s.file, NULL, KEY_FILE, WORKERS);
    ok(s.port != NULL, "CreateIoCompletionPort: %lu\n", GetLastError());
    ok(CreateIoCompletionPort(s.pipe, s.port, KEY_PIPE, 0) == s.port, "associate the pipe: %lu\n", GetLastError());
    s.writes_finished = CreateEventW(NULL, TRUE, FALSE, NULL);
    s.reads_finished = CreateEventW(NULL, TRUE, FALSE, NULL);
    s.posts_finished = CreateEventW(NULL, TRUE, FALSE, NULL);
    s.pipe_done = CreateEventW(NULL, TRUE, FALSE, NULL);
    for (i = 0; i < WORKERS; i++) threads[i] = CreateThread(NULL, 0, worker, &s, 0, NULL);

    /* the pipe's connect goes pending; its completion comes to a worker */
    ok(!ConnectNamedPipe(s.pipe, &s.pipe_ov) && GetLastError() == ERROR_IO_PENDING, "connect: %lu\n", GetLastError());

    /* every block written at its offset, last one first */
    for (i = BLOCKS - 1; i >= 0; i--)
    {
        struct request *r = &s.blocks[i];
        r->index = i;
        r->writing = 1;
        r->ov.Offset = i * BLOCK;
        for (int k = 0; k < BLOCK; k++) r->data[k] = (char)(i * 7 + k);
        if (!WriteFile(s.file, r->data, BLOCK, NULL, &r->ov) && GetLastError() != ERROR_IO_PENDING)
            ok(0, "write %d: %lu\n", i, GetLastError());
    }
    ok(WaitForSingleObject(s.writes_finished, 10000) == WAIT_OBJECT_0, "writes: %ld of %d completed\n", s.writes_done, BLOCKS);
    LARGE_INTEGER size;
    ok(GetFileSizeEx(s.file, &size) && size.QuadPart == BLOCKS * BLOCK, "file size %I64d\n", size.QuadPart);

    /* read back into cleared buffers */
    for (i = 0; i < BLOCKS; i++)
    {
        struct request *r = &s.blocks[i];
        memset(r->data, 0, BLOCK);
        memset(&r->ov, 0, sizeof(r->ov));
        r->writing = 0;
        r->ov.Offset = i * BLOCK;
        if (!ReadFile(s.file, r->data, BLOCK, NULL, &r->ov) && GetLastError() != ERROR_IO_PENDING)
            ok(0, "read %d: %lu\n", i, GetLastError());
    }
    ok(WaitForSingleObject(s.reads_finished, 10000) == WAIT_OBJECT_0, "reads: %ld of %d completed\n", s.reads_done, BLOCKS);
    ok(s.reads_right == BLOCKS, "%ld of %d blocks read back right\n", s.reads_right, BLOCKS);

    /* GetOverlappedResult on a request the port already delivered */
    DWORD n = 0;
    ok(GetOverlappedResult(s.file, &s.blocks[5].ov, &n, TRUE) && n == BLOCK, "GetOverlappedResult after the port: %lu\n", n);

    /* posted work: the OVERLAPPED pointer carries a number */
    LONG64 expect = 0;
    for (i = 1; i <= POSTS; i++)
    {
        ok(PostQueuedCompletionStatus(s.port, 7, KEY_WORK, (OVERLAPPED *)(ULONG_PTR)i), "post %d\n", i);
        expect += i;
    }
    ok(WaitForSingleObject(s.posts_finished, 10000) == WAIT_OBJECT_0, "posts: %ld of %d\n", s.posts_done, POSTS);
    ok(s.posts_sum == expect, "posted values sum to %I64d, expected %I64d\n", s.posts_sum, expect);

    /* a client echoes through the pipe, served by the workers */
    client = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(client != INVALID_HANDLE_VALUE, "client: %lu\n", GetLastError());
    DWORD mode = PIPE_READMODE_MESSAGE;
    ok(SetNamedPipeHandleState(client, &mode, NULL, NULL), "message mode: %lu\n", GetLastError());
    int echoed = 0;
    for (i = 0; i < 20; i++)
    {
        char msg[32], back[32];
        DWORD len = sprintf(msg, "message %d", i);
        if (!TransactNamedPipe(client, msg, len, back, sizeof(back), &n, NULL)) { ok(0, "transact %d: %lu\n", i, GetLastError()); break; }
        if (n == len && !memcmp(msg, back, len)) echoed++;
    }
    ok(echoed == 20, "%d of 20 messages echoed\n", echoed);
    ok(WriteFile(client, "end", 3, &n, NULL), "end: %lu\n", GetLastError());
    ok(WaitForSingleObject(s.pipe_done, 10000) == WAIT_OBJECT_0, "the server did not see the end\n");
    CloseHandle(client);

    for (i = 0; i < WORKERS; i++) PostQueuedCompletionStatus(s.port, 0, KEY_QUIT, NULL);
    ok(WaitForMultipleObjects(WORKERS, threads, TRUE, 10000) == WAIT_OBJECT_0, "workers did not quit\n");
    for (i = 0; i < WORKERS; i++)
    {
        DWORD code = 99;
        GetExitCodeThread(threads[i], &code);
        ok(code == 0, "worker %d exit code %lu\n", i, code);
        CloseHandle(threads[i]);
    }
    ok(!s.bad_key && !s.bad_packet, "bad keys %ld, bad packets %ld\n", s.bad_key, s.bad_packet);
    ok(s.removed_max >= 1 && s.removed_max <= 8, "removed at most %ld at once\n", s.removed_max);

    /* nothing left: a zero timeout says WAIT_TIMEOUT and removes nothing */
    OVERLAPPED_ENTRY e;
    ULONG count;
    SetLastError(0xdeadbeef);
    ok(!GetQueuedCompletionStatusEx(s.port, &e, 1, &count, 0, FALSE) && GetLastError() == WAIT_TIMEOUT,
       "empty port: %lu\n", GetLastError());

    CloseHandle(s.pipe);
    CloseHandle(s.file);
    CloseHandle(s.port);
    CloseHandle(s.writes_finished);
    CloseHandle(s.reads_finished);
    CloseHandle(s.posts_finished);
    CloseHandle(s.pipe_done);
    ok(GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES, "the delete-on-close file is still there\n");
}

/* CancelIoEx of a pending read on a pipe bound to a port */
static void test_cancel_to_port(void)
{
    HANDLE rd, wr, port;
    OVERLAPPED ov = { 0 }, *got;
    WCHAR name[64];
    ULONG_PTR key;
    DWORD n;
    char buf[16];

    swprintf(name, ARRAYSIZE(name), L"\\\\.\\pipe\\wlx-real-iocpool-c%lu", GetCurrentProcessId());
    rd = CreateNamedPipeW(name, PIPE_ACCESS_INBOUND | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE, 1, 64, 64, 0, NULL);
    wr = CreateFileW(name, GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    if (!ok(rd != INVALID_HANDLE_VALUE && wr != INVALID_HANDLE_VALUE, "pipe: %lu\n", GetLastError())) return;
    port = CreateIoCompletionPort(rd, NULL, 77, 1);

    ok(!ReadFile(rd, buf, sizeof(buf), NULL, &ov) && GetLastError() == ERROR_IO_PENDING, "read: %lu\n", GetLastError());
    ok(!GetQueuedCompletionStatus(port, &n, &key, &got, 0) && GetLastError() == WAIT_TIMEOUT && !got,
       "packet before the cancel: %lu\n", GetLastError());
    ok(!GetOverlappedResult(rd, &ov, &n, FALSE) && GetLastError() == ERROR_IO_INCOMPLETE, "still pending: %lu\n", GetLastError());
    ok(CancelIoEx(rd, &ov), "CancelIoEx: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!GetQueuedCompletionStatus(port, &n, &key, &got, 5000), "the cancelled packet reports success\n");
    ok(GetLastError() == ERROR_OPERATION_ABORTED, "error %lu\n", GetLastError());
    ok(got == &ov && key == 77 && n == 0, "packet %p key %Iu bytes %lu\n", got, key, n);
    ok(ov.Internal == STATUS_CANCELLED, "Internal %#Ix\n", ov.Internal);
    ok(!GetOverlappedResult(rd, &ov, &n, TRUE) && GetLastError() == ERROR_OPERATION_ABORTED, "result: %lu\n", GetLastError());

    /* the pipe still works afterwards */
    ok(!ReadFile(rd, buf, sizeof(buf), NULL, &ov) && GetLastError() == ERROR_IO_PENDING, "read again: %lu\n", GetLastError());
    ok(WriteFile(wr, "after", 5, &n, NULL), "write: %lu\n", GetLastError());
    ok(GetQueuedCompletionStatus(port, &n, &key, &got, 5000) && got == &ov && n == 5 && !memcmp(buf, "after", 5),
       "read after the cancel: %lu %lu\n", n, GetLastError());

    /* an event handle with its low bit set: the read completes through the
       event and queues no packet */
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    memset(&ov, 0, sizeof(ov));
    ov.hEvent = (HANDLE)((ULONG_PTR)ev | 1);
    ok(!ReadFile(rd, buf, sizeof(buf), NULL, &ov) && GetLastError() == ERROR_IO_PENDING, "read with a tagged event: %lu\n", GetLastError());
    ok(WriteFile(wr, "tag", 3, &n, NULL), "write: %lu\n", GetLastError());
    ok(WaitForSingleObject(ev, 5000) == WAIT_OBJECT_0, "the event was not set\n");
    ok(GetOverlappedResult(rd, &ov, &n, FALSE) && n == 3, "result: %lu %lu\n", n, GetLastError());
    ok(!GetQueuedCompletionStatus(port, &n, &key, &got, 100) && GetLastError() == WAIT_TIMEOUT, "a packet was queued: %p\n", got);
    CloseHandle(ev);
    memset(&ov, 0, sizeof(ov));

    /* the writer goes away with a read pending: ERROR_BROKEN_PIPE through the port */
    ok(!ReadFile(rd, buf, sizeof(buf), NULL, &ov) && GetLastError() == ERROR_IO_PENDING, "read before close: %lu\n", GetLastError());
    CloseHandle(wr);
    SetLastError(0xdeadbeef);
    ok(!GetQueuedCompletionStatus(port, &n, &key, &got, 5000) && got == &ov, "broken read's packet: %p\n", got);
    ok(GetLastError() == ERROR_BROKEN_PIPE, "error %lu\n", GetLastError());
    CloseHandle(rd);
    CloseHandle(port);
}

/* reads issued one after the other take the data in that order, even when
   the data for the first arrives just before the second is issued (a
   server keeping two reads outstanding on a pipe, as IOCP servers do) */
static void test_read_order(void)
{
    WCHAR name[64];
    char a[16], b[16];
    DWORD n, n1, n2;
    int bad = 0, i;

    swprintf(name, ARRAYSIZE(name), L"\\\\.\\pipe\\wlx-real-iocpool-o%lu", GetCurrentProcessId());
    HANDLE srv = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE, 1, 512, 512, 0, NULL);
    HANDLE cli = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    if (!ok(srv != INVALID_HANDLE_VALUE && cli != INVALID_HANDLE_VALUE, "pipe: %lu\n", GetLastError())) return;
    for (i = 0; i < 200 && bad < 3; i++)
    {
        OVERLAPPED o1 = { 0 }, o2 = { 0 };
        o1.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
        o2.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
        a[0] = b[0] = 0;
        BOOL r1 = ReadFile(srv, a, sizeof(a), NULL, &o1);
        DWORD e1 = GetLastError();
        WriteFile(cli, "x", 1, &n, NULL);      /* the first read's */
        BOOL r2 = ReadFile(srv, b, sizeof(b), NULL, &o2);
        DWORD e2 = GetLastError();
        WriteFile(cli, "y", 1, &n, NULL);      /* the second read's */
        if (r1 || e1 != ERROR_IO_PENDING) { ok(0, "round %d: first read %d %lu\n", i, r1, e1); bad++; }
        if (!r2 && e2 != ERROR_IO_PENDING) { ok(0, "round %d: second read %lu\n", i, e2); bad++; }
        if (!GetOverlappedResult(srv, &o1, &n1, TRUE) || !GetOverlappedResult(srv, &o2, &n2, TRUE) ||
            n1 != 1 || n2 != 1 || a[0] != 'x' || b[0] != 'y')
        {
            ok(0, "round %d: reads got '%c' (%lu) and '%c' (%lu)\n", i, a[0], n1, b[0], n2);
            bad++;
        }
        CloseHandle(o1.hEvent);
        CloseHandle(o2.hEvent);
    }
    ok(!bad, "%d rounds out of order\n", bad);
    CloseHandle(cli);
    CloseHandle(srv);
}

/* an overlapped client bound to a port asks with TransactNamedPipe: the
   answer, written by the server a little later, completes the transaction
   through the port with its byte count */
static HANDLE transact_server;

static DWORD WINAPI slow_answer(void *arg)
{
    char buf[64];
    DWORD n;
    OVERLAPPED ov = { 0 };
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (!ReadFile(transact_server, buf, sizeof(buf), &n, &ov) && !GetOverlappedResult(transact_server, &ov, &n, TRUE)) return 1;
    if (n != 3 || memcmp(buf, "ask", 3)) return 2;
    Sleep(50);
    if (!WriteFile(transact_server, "answer", 6, &n, &ov) && !GetOverlappedResult(transact_server, &ov, &n, TRUE)) return 3;
    CloseHandle(ov.hEvent);
    return 0;
}

static void test_transact_through_port(void)
{
    WCHAR name[64];
    DWORD mode = PIPE_READMODE_MESSAGE, n = 0;
    ULONG_PTR key = 0;
    OVERLAPPED ov = { 0 }, *got = NULL;
    char buf[64] = { 0 };

    swprintf(name, ARRAYSIZE(name), L"\\\\.\\pipe\\wlx-real-iocpool-t%lu", GetCurrentProcessId());
    transact_server = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE,
                                       1, 512, 512, 0, NULL);
    HANDLE c = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
    if (!ok(transact_server != INVALID_HANDLE_VALUE && c != INVALID_HANDLE_VALUE, "pipe: %lu\n", GetLastError())) return;
    ok(SetNamedPipeHandleState(c, &mode, NULL, NULL), "message mode: %lu\n", GetLastError());
    HANDLE port = CreateIoCompletionPort(c, NULL, 0x7a, 0);
    HANDLE t = CreateThread(NULL, 0, slow_answer, NULL, 0, NULL);
    BOOL r = TransactNamedPipe(c, "ask", 3, buf, sizeof(buf), NULL, &ov);
    ok(r || GetLastError() == ERROR_IO_PENDING, "TransactNamedPipe: %lu\n", GetLastError());
    ok(GetQueuedCompletionStatus(port, &n, &key, &got, 5000), "the transaction's packet: %lu\n", GetLastError());
    ok(got == &ov && key == 0x7a && n == 6, "packet %p key %#Ix bytes %lu\n", got, key, n);
    ok(GetOverlappedResult(c, &ov, &n, FALSE) && n == 6 && !memcmp(buf, "answer", 6), "result %lu \"%s\"\n", n, buf);
    /* the request's own write queued nothing */
    ok(!GetQueuedCompletionStatus(port, &n, &key, &got, 50) && GetLastError() == WAIT_TIMEOUT, "a second packet\n");
    ok(WaitForSingleObject(t, 5000) == WAIT_OBJECT_0, "the server thread did not end\n");
    DWORD code = 9;
    GetExitCodeThread(t, &code);
    ok(code == 0, "server thread: %lu\n", code);
    CloseHandle(t);
    CloseHandle(port);
    CloseHandle(c);
    CloseHandle(transact_server);
}

/* FILE_SKIP_COMPLETION_PORT_ON_SUCCESS: the packets that arrive are
   exactly those of the requests that went pending */
static void test_skip_on_success(void)
{
    WCHAR path[MAX_PATH], dir[MAX_PATH];
    OVERLAPPED ov[16], *got;
    ULONG_PTR key;
    DWORD n;
    char buf[16][512];
    int pending = 0, packets = 0, i;

    GetTempPathW(MAX_PATH, dir);
    GetTempFileNameW(dir, L"ios", 0, path);
    HANDLE f = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                           FILE_FLAG_OVERLAPPED | FILE_FLAG_DELETE_ON_CLOSE, NULL);
    if (!ok(f != INVALID_HANDLE_VALUE, "file: %lu\n", GetLastError())) return;
    HANDLE port = CreateIoCompletionPort(f, NULL, 5, 1);
    ok(SetFileCompletionNotificationModes(f, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS | FILE_SKIP_SET_EVENT_ON_HANDLE),
       "SetFileCompletionNotificationModes: %lu\n", GetLastError());
    for (i = 0; i < 16; i++)
    {
        memset(&ov[i], 0, sizeof(ov[i]));
        memset(buf[i], 'a' + i, sizeof(buf[i]));
        ov[i].Offset = i * 512;
        if (WriteFile(f, buf[i], 512, &n, &ov[i]))
            ok(n == 512, "a write that succeeded at once says %lu bytes\n", n);
        else if (ok(GetLastError() == ERROR_IO_PENDING, "write %d: %lu\n", i, GetLastError()))
            pending++;
    }
    while (GetQueuedCompletionStatus(port, &n, &key, &got, pending ? 5000 : 200)) packets++;
    ok(GetLastError() == WAIT_TIMEOUT, "end of the packets: %lu\n", GetLastError());
    ok(packets == pending, "%d packets for %d pending writes\n", packets, pending);

    CloseHandle(f);
    CloseHandle(port);
}

static void CALLBACK apc(ULONG_PTR arg) { *(int *)arg += 1; }

/* an alertable wait on an empty port runs the thread's APCs and returns */
static void test_alertable(void)
{
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    OVERLAPPED_ENTRY e[4];
    ULONG count;
    int ran = 0;

    ok(QueueUserAPC(apc, GetCurrentThread(), (ULONG_PTR)&ran), "QueueUserAPC: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    ok(!GetQueuedCompletionStatusEx(port, e, 4, &count, 1000, TRUE), "alertable wait returned TRUE\n");
    ok(GetLastError() == WAIT_IO_COMPLETION, "error %lu\n", GetLastError());
    ok(ran == 1, "the APC ran %d times\n", ran);

    CloseHandle(port);
}

int main(void)
{
    test_start("real_iocpool");
    test_pool();
    test_cancel_to_port();
    test_read_order();
    test_transact_through_port();
    test_skip_on_success();
    test_alertable();
    return test_summary();
}
