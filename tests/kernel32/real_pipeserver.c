/*
 * tests/kernel32/real_pipeserver.c — a message-mode named pipe server the
 * way Windows services and IDE helpers write it (the overlapped
 * "one state machine per instance" server), with child processes of this
 * program as its clients.
 *
 * The server makes three instances (PIPE_ACCESS_DUPLEX, FILE_FLAG_OVERLAPPED,
 * PIPE_TYPE_MESSAGE), puts a ConnectNamedPipe on each and drives them with
 * one WaitForMultipleObjects over their events. Five clients for three
 * instances: the late ones wait in WaitNamedPipeW and get an instance that
 * the server disconnected (DisconnectNamedPipe) and connected again after
 * an earlier client went away (ERROR_BROKEN_PIPE). A client:
 *
 *   - switches its end to PIPE_READMODE_MESSAGE (SetNamedPipeHandleState),
 *   - does a TransactNamedPipe ("hello N" -> "welcome N"),
 *   - sends 300 bytes, which the server reads 128 at a time
 *     (ERROR_MORE_DATA until the last piece), and is answered with a
 *     200-byte message it reads 80 bytes at a time (ERROR_MORE_DATA),
 *   - asks for two messages and looks at them with PeekNamedPipe first
 *     (total bytes, bytes left in the first message),
 *   - says "bye" and exits with 20 + N without closing its handle.
 *
 * The parent checks what the server saw, each child's exit code (which
 * encodes the first check that failed in it), and then the late-connect
 * case: a client that connects before the server's ConnectNamedPipe
 * (ERROR_PIPE_CONNECTED, nothing pending).
 */
#include "../test.h"
#include "selfchild.h"
#include <stdlib.h>

#define INSTANCES 3
#define CLIENTS 5
#define BIG_REQUEST 300
#define BIG_REPLY 200

static WCHAR pipe_name[64];

/* --- the client (a child process) --------------------------------------------------- */

static int client(int id)
{
    HANDLE h = INVALID_HANDLE_VALUE;
    DWORD mode = PIPE_READMODE_MESSAGE, n, avail, left, err;
    char buf[BIG_REQUEST], reply[64], expect[64];
    int i;

    for (i = 0; i < 50 && h == INVALID_HANDLE_VALUE; i++)
    {
        if (!WaitNamedPipeW(pipe_name, 5000)) return 1;
        /* another client may take the instance between the wait and the open */
        h = CreateFileW(pipe_name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
        if (h == INVALID_HANDLE_VALUE && GetLastError() != ERROR_PIPE_BUSY) return 2;
    }
    if (h == INVALID_HANDLE_VALUE) return 3;
    if (!SetNamedPipeHandleState(h, &mode, NULL, NULL)) return 4;

    /* a request and its answer in one call */
    n = sprintf(buf, "hello %d", id);
    if (!TransactNamedPipe(h, buf, n, reply, sizeof(reply), &n, NULL)) return 5;
    sprintf(expect, "welcome %d", id);
    if (n != strlen(expect) || memcmp(reply, expect, n)) return 6;

    /* a big request; the answer read in short pieces */
    memset(buf, 'a' + id, BIG_REQUEST);
    if (!WriteFile(h, buf, BIG_REQUEST, &n, NULL) || n != BIG_REQUEST) return 7;
    int total = 0;
    for (;;)
    {
        BOOL r = ReadFile(h, buf + total, 80, &n, NULL);
        err = GetLastError();
        total += n;
        if (r) break;
        if (err != ERROR_MORE_DATA || n != 80) return 8;
    }
    if (total != BIG_REPLY) return 9;
    for (i = 0; i < BIG_REPLY; i++) if (buf[i] != (char)('A' + id)) return 10;

    /* two messages, looked at before they are read */
    if (!WriteFile(h, "two", 3, &n, NULL)) return 11;
    for (i = 0; i < 500; i++)
    {
        if (!PeekNamedPipe(h, NULL, 0, NULL, &avail, NULL)) return 12;
        if (avail == 12) break;
        Sleep(10);
    }
    if (avail != 12) return 13;                /* "first" + "second!" */
    memset(reply, 0, sizeof(reply));
    if (!PeekNamedPipe(h, reply, 3, &n, &avail, &left)) return 14;
    if (n != 3 || memcmp(reply, "fir", 3) || avail != 12 || left != 2) return 15;
    if (!ReadFile(h, reply, sizeof(reply), &n, NULL) || n != 5 || memcmp(reply, "first", 5)) return 16;
    if (!ReadFile(h, reply, sizeof(reply), &n, NULL) || n != 7 || memcmp(reply, "second!", 7)) return 17;

    if (!WriteFile(h, "bye", 3, &n, NULL)) return 18;
    /* the server answers "bye" by disconnecting: our next read fails */
    if (ReadFile(h, reply, sizeof(reply), &n, NULL)) return 19;
    err = GetLastError();
    if (err != ERROR_PIPE_NOT_CONNECTED && err != ERROR_BROKEN_PIPE) return 30 + (err & 15);
    return 20 + id;    /* the handle is left to the process exit */
}

/* --- the server ---------------------------------------------------------------------- */

enum state { CONNECTING, READING, WRITING };

struct instance {
    HANDLE pipe;
    OVERLAPPED ov;
    enum state state;
    char in[BIG_REQUEST + 128];
    DWORD in_len;
    char out[BIG_REPLY];
    DWORD out_len;
    int queued;               /* a second message to write after this one */
    int client;               /* id from "hello N", -1 before */
    int connected_now;        /* ConnectNamedPipe said ERROR_PIPE_CONNECTED */
};

struct stats {
    int connects, hellos, big_requests, more_data, byes, broken, disconnects;
    int bad;                  /* unexpected results (with the first one printed) */
};

static void bad(struct stats *st, const char *what, DWORD value)
{
    if (!st->bad++) ok(0, "server: %s (%lu)\n", what, value);
}

static void disconnect(struct instance *in, struct stats *st);

static void start_connect(struct instance *in, struct stats *st)
{
    in->state = CONNECTING;
    in->client = -1;
    ResetEvent(in->ov.hEvent);
    if (ConnectNamedPipe(in->pipe, &in->ov)) { bad(st, "overlapped ConnectNamedPipe returned TRUE", 0); return; }
    DWORD err = GetLastError();
    /* a client was quicker: nothing is pending, the event is not set */
    if (err == ERROR_PIPE_CONNECTED) { in->connected_now = 1; SetEvent(in->ov.hEvent); return; }
    if (err != ERROR_IO_PENDING) bad(st, "ConnectNamedPipe", err);
}

static void start_read(struct instance *in, struct stats *st)
{
    in->state = READING;
    in->in_len = 0;
    ResetEvent(in->ov.hEvent);
    /* 128 at a time: a message longer than that comes in pieces */
    if (ReadFile(in->pipe, in->in, 128, NULL, &in->ov)) return;    /* the event is set */
    DWORD err = GetLastError();
    /* a pending read, or part of a message (the event is set, the
       OVERLAPPED holds the partial result) */
    if (err == ERROR_IO_PENDING || err == ERROR_MORE_DATA) return;
    if (err == ERROR_BROKEN_PIPE)
    {
        /* a failure at once writes nothing into the OVERLAPPED */
        st->broken++;
        disconnect(in, st);
        return;
    }
    bad(st, "ReadFile", err);
}

static void start_write(struct instance *in, const char *data, DWORD len, struct stats *st)
{
    in->state = WRITING;
    memcpy(in->out, data, len);
    in->out_len = len;
    ResetEvent(in->ov.hEvent);
    if (WriteFile(in->pipe, in->out, len, NULL, &in->ov)) return;
    if (GetLastError() != ERROR_IO_PENDING) bad(st, "WriteFile", GetLastError());
}

static void disconnect(struct instance *in, struct stats *st)
{
    if (!DisconnectNamedPipe(in->pipe)) bad(st, "DisconnectNamedPipe", GetLastError());
    st->disconnects++;
    start_connect(in, st);
}

/* one message has arrived whole */
static void handle_message(struct instance *in, struct stats *st)
{
    char reply[BIG_REPLY];
    int id;
    if (in->in_len > 6 && !memcmp(in->in, "hello ", 6))
    {
        in->in[in->in_len] = 0;
        id = atoi(in->in + 6);
        in->client = id;
        st->hellos++;
        start_write(in, reply, sprintf(reply, "welcome %d", id), st);
    }
    else if (in->in_len == BIG_REQUEST)
    {
        for (DWORD i = 0; i < BIG_REQUEST; i++)
            if (in->in[i] != (char)('a' + in->client)) { bad(st, "big request's bytes", i); break; }
        st->big_requests++;
        memset(reply, 'A' + in->client, BIG_REPLY);
        start_write(in, reply, BIG_REPLY, st);
    }
    else if (in->in_len == 3 && !memcmp(in->in, "two", 3))
    {
        in->queued = 1;
        start_write(in, "first", 5, st);
    }
    else if (in->in_len == 3 && !memcmp(in->in, "bye", 3))
    {
        st->byes++;
        /* FlushFileBuffers would wait for the client to read what we wrote;
           everything was read already: just drop the client */
        disconnect(in, st);
    }
    else bad(st, "unknown message of length", in->in_len);
}

static void step(struct instance *in, struct stats *st)
{
    DWORD n = 0, err;
    BOOL r = TRUE;
    if (in->connected_now) in->connected_now = 0;    /* no I/O was pending */
    else r = GetOverlappedResult(in->pipe, &in->ov, &n, TRUE);
    err = r ? 0 : GetLastError();
    switch (in->state)
    {
    case CONNECTING:
        if (!r && err != ERROR_PIPE_CONNECTED) { bad(st, "connect result", err); return; }
        st->connects++;
        start_read(in, st);
        break;
    case READING:
        if (!r && err == ERROR_BROKEN_PIPE)
        {
            /* the client exited; the instance goes back to waiting */
            st->broken++;
            disconnect(in, st);
            return;
        }
        if (!r && err != ERROR_MORE_DATA) { bad(st, "read result", err); return; }
        in->in_len += n;
        if (!r)
        {
            /* more of this message: read on after what we have */
            st->more_data++;
            ResetEvent(in->ov.hEvent);
            if (in->in_len + 128 > sizeof(in->in)) { bad(st, "message too long", in->in_len); return; }
            if (!ReadFile(in->pipe, in->in + in->in_len, 128, NULL, &in->ov))
            {
                err = GetLastError();
                if (err != ERROR_IO_PENDING && err != ERROR_MORE_DATA) bad(st, "ReadFile (rest)", err);
            }
            return;
        }
        handle_message(in, st);
        break;
    case WRITING:
        if (!r || n != in->out_len) { bad(st, "write result", err); return; }
        if (in->queued) { in->queued = 0; start_write(in, "second!", 7, st); break; }
        start_read(in, st);
        break;
    }
}

static void test_server(void)
{
    struct instance inst[INSTANCES];
    struct stats st = { 0 };
    PROCESS_INFORMATION pis[CLIENTS];
    HANDLE events[INSTANCES], procs[CLIENTS];
    int i, started = 0;

    memset(inst, 0, sizeof(inst));
    for (i = 0; i < INSTANCES; i++)
    {
        inst[i].pipe = CreateNamedPipeW(pipe_name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED,
                                        PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
                                        INSTANCES, 512, 512, 0, NULL);
        if (!ok(inst[i].pipe != INVALID_HANDLE_VALUE, "instance %d: %lu\n", i, GetLastError())) return;
        events[i] = inst[i].ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
        start_connect(&inst[i], &st);
    }
    /* a fourth instance is one too many */
    HANDLE extra = CreateNamedPipeW(pipe_name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED,
                                    PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, INSTANCES, 512, 512, 0, NULL);
    ok(extra == INVALID_HANDLE_VALUE && GetLastError() == ERROR_PIPE_BUSY,
       "instance past the maximum: %p %lu\n", extra, GetLastError());

    for (i = 0; i < CLIENTS; i++)
    {
        WCHAR args[96];
        swprintf(args, ARRAYSIZE(args), L"client %d %ls", i, pipe_name);
        if (!ok(start_self(args, FALSE, 0, NULL, &pis[i]), "CreateProcess: %lu\n", GetLastError())) break;
        procs[i] = pis[i].hProcess;
        started++;
    }

    /* serve until every client has said bye and gone (bounded) */
    DWORD start = GetTickCount();
    while ((st.byes < started || st.disconnects < started) && !st.bad && GetTickCount() - start < 30000)
    {
        DWORD r = WaitForMultipleObjects(INSTANCES, events, FALSE, 1000);
        if (r == WAIT_TIMEOUT)
        {
            /* all clients gone early? */
            if (WaitForMultipleObjects(started, procs, TRUE, 0) == WAIT_OBJECT_0) break;
            continue;
        }
        if (!ok(r < WAIT_OBJECT_0 + INSTANCES, "wait over the instances: %lu %lu\n", r, GetLastError())) break;
        step(&inst[r - WAIT_OBJECT_0], &st);
    }

    ok(!st.bad, "%d unexpected results in the server\n", st.bad);
    ok(st.hellos == started, "hellos %d of %d\n", st.hellos, started);
    ok(st.big_requests == started, "big requests %d of %d\n", st.big_requests, started);
    ok(st.more_data == 2 * started, "ERROR_MORE_DATA %d times, expected %d\n", st.more_data, 2 * started);
    ok(st.byes == started, "byes %d of %d\n", st.byes, started);
    ok(st.connects == started, "connections %d of %d\n", st.connects, started);

    ok(WaitForMultipleObjects(started, procs, TRUE, 10000) == WAIT_OBJECT_0, "clients did not all end\n");
    for (i = 0; i < started; i++)
    {
        DWORD code = finish(&pis[i]);
        ok(code == (DWORD)(20 + i), "client %d exit code %lu (under 20: the check that failed)\n", i, code);
    }

    /* every instance is back in ConnectNamedPipe: a client that opens now
       and closes at once breaks nothing; the server sees the connect, and its
       read then fails with ERROR_BROKEN_PIPE */
    HANDLE c = CreateFileW(pipe_name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(c != INVALID_HANDLE_VALUE, "open after the clients: %lu\n", GetLastError());
    CloseHandle(c);
    DWORD r = WaitForMultipleObjects(INSTANCES, events, FALSE, 5000);
    ok(r < WAIT_OBJECT_0 + INSTANCES, "the connect was not seen: %lu\n", r);
    if (r < WAIT_OBJECT_0 + INSTANCES)
    {
        struct instance *in = &inst[r - WAIT_OBJECT_0];
        int broken = st.broken;
        step(in, &st);             /* connected: reads, which may fail at once */
        if (st.broken == broken)
        {
            ok(WaitForSingleObject(in->ov.hEvent, 5000) == WAIT_OBJECT_0, "the read did not end\n");
            step(in, &st);         /* broken: disconnects */
        }
        ok(st.broken == broken + 1, "ERROR_BROKEN_PIPE not seen after the client closed\n");
    }

    for (i = 0; i < INSTANCES; i++)
    {
        CancelIoEx(inst[i].pipe, NULL);
        CloseHandle(inst[i].pipe);
        CloseHandle(inst[i].ov.hEvent);
    }
}

/* a client that opens the pipe before the server's ConnectNamedPipe: the
   connect returns FALSE with ERROR_PIPE_CONNECTED and leaves nothing pending
   (the event is not touched) */
static void test_connected_before_connect(void)
{
    OVERLAPPED ov = { 0 };
    HANDLE s, c;
    DWORD n;
    char buf[16];

    s = CreateNamedPipeW(pipe_name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED,
                         PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, 1, 512, 512, 0, NULL);
    if (!ok(s != INVALID_HANDLE_VALUE, "CreateNamedPipe: %lu\n", GetLastError())) return;
    c = CreateFileW(pipe_name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(c != INVALID_HANDLE_VALUE, "client open: %lu\n", GetLastError());
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    SetLastError(0xdeadbeef);
    ok(!ConnectNamedPipe(s, &ov) && GetLastError() == ERROR_PIPE_CONNECTED, "connect: %lu\n", GetLastError());
    ok(WaitForSingleObject(ov.hEvent, 0) == WAIT_TIMEOUT, "the event was set\n");

    /* the client's end starts in byte read mode: a message read whole */
    ok(WriteFile(s, "abcdef", 6, &n, NULL), "write: %lu\n", GetLastError());
    ok(ReadFile(c, buf, 4, &n, NULL) && n == 4, "byte-mode read of part of a message: %lu %lu\n", n, GetLastError());
    ok(ReadFile(c, buf, 4, &n, NULL) && n == 2, "the rest: %lu %lu\n", n, GetLastError());

    /* a second client finds the only instance busy */
    HANDLE c2 = CreateFileW(pipe_name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(c2 == INVALID_HANDLE_VALUE && GetLastError() == ERROR_PIPE_BUSY, "second client: %lu\n", GetLastError());
    ok(!WaitNamedPipeW(pipe_name, 100) && GetLastError() == ERROR_SEM_TIMEOUT, "WaitNamedPipe on a busy pipe: %lu\n", GetLastError());

    /* the server disconnects: the client's I/O fails, a new client gets in
       once the server connects again */
    ok(DisconnectNamedPipe(s), "disconnect: %lu\n", GetLastError());
    /* wlx's client sees the server's disconnect as the end of its socket,
       the same as the server closing its handle (doc/ARCHITECTURE.md,
       "Named pipes"): ERROR_BROKEN_PIPE and ERROR_NO_DATA */
    BOOL r = ReadFile(c, buf, 4, &n, NULL);
    DWORD err = GetLastError();
    ok(!r, "read after disconnect succeeded\n");
    todo_wlx(err == ERROR_PIPE_NOT_CONNECTED, "read after disconnect: %lu\n", err);
    r = WriteFile(c, "x", 1, &n, NULL);
    err = GetLastError();
    ok(!r, "write after disconnect succeeded\n");
    todo_wlx(err == ERROR_PIPE_NOT_CONNECTED, "write after disconnect: %lu\n", err);
    CloseHandle(c);
    ok(!ConnectNamedPipe(s, &ov) && GetLastError() == ERROR_IO_PENDING, "connect again: %lu\n", GetLastError());
    ok(WaitNamedPipeW(pipe_name, 1000), "WaitNamedPipe on a listening pipe: %lu\n", GetLastError());
    c = CreateFileW(pipe_name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(c != INVALID_HANDLE_VALUE, "client after reconnect: %lu\n", GetLastError());
    ok(WaitForSingleObject(ov.hEvent, 5000) == WAIT_OBJECT_0, "the connect did not complete\n");
    ok(GetOverlappedResult(s, &ov, &n, FALSE), "connect result: %lu\n", GetLastError());
    CloseHandle(c);
    CloseHandle(s);
    CloseHandle(ov.hEvent);
    ok(!WaitNamedPipeW(pipe_name, 100) && GetLastError() == ERROR_FILE_NOT_FOUND, "WaitNamedPipe with no pipe: %lu\n", GetLastError());
}

int main(int argc, char **argv)
{
    GetModuleFileNameW(NULL, module, MAX_PATH);
    test_start("real_pipeserver");
    if (argc >= 4 && !strcmp(argv[1], "client"))
    {
        MultiByteToWideChar(CP_ACP, 0, argv[3], -1, pipe_name, ARRAYSIZE(pipe_name));
        return client(atoi(argv[2]));
    }
    swprintf(pipe_name, ARRAYSIZE(pipe_name), L"\\\\.\\pipe\\wlx-real-pipeserver-%lu", GetCurrentProcessId());
    test_server();
    test_connected_before_connect();
    return test_summary();
}
