/*
 * kernel32/pseudoconsole.c — pseudoconsoles (ConPTY): CreatePseudoConsole,
 * ResizePseudoConsole, ClosePseudoConsole, and what CreateProcess takes
 * from PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE.
 *
 * A pseudoconsole is a Linux pseudo-terminal (ntdll/unix/pty.c): ntdll's
 * Unix side copies the caller's input stream to its master and the master's
 * output to the caller's output stream. A child started with the attribute
 * gets the slave as its std handles; a tty is a console here (console.c),
 * so the console functions work in it on the pty, whose size is the
 * console's. There is no conhost: the output stream carries what the child
 * wrote as the screen-buffer model drew it (VT sequences and UTF-8), not
 * conhost's repainting of a screen.
 */
#include "private.h"

NTSTATUS NTAPI __wlx_create_pty(HANDLE *streams, ULONG size, HANDLE *pty, HANDLE *slave);

/* wlx's private control on a terminal handle (ntdll/unix/file.c) */
#define WLX_IOCTL_CONSOLE_SET_SIZE 0x00500f08

/* wincon.h has these for NTDDI_VERSION 0x0A000006 and later only */
typedef void *HPCON;
HRESULT WINAPI CreatePseudoConsole(COORD size, HANDLE input, HANDLE output, DWORD flags, HPCON *ret);
HRESULT WINAPI ResizePseudoConsole(HPCON pc, COORD size);
void WINAPI ClosePseudoConsole(HPCON pc);


/* A named pipe's end (node-pty gives server ends, connected later) is
   read and written by a thread of ours through ReadFile/WriteFile; the pty
   side of it is a Linux pipe the Unix side copies to or from
   (ntdll/unix/pty.c, stream_fd). */
struct pump {
    LONG refs;                  /* the thread's and the pseudoconsole's */
    volatile LONG stop;         /* ClosePseudoConsole: end even while the named pipe waits for its client */
    HANDLE from, to;            /* the thread's own handles, closed when it ends */
    HANDLE thread;
};

/* behind an HPCON */
struct pseudo_console {
    struct pseudo_console *next;    /* in the list of live ones */
    HANDLE pty;                 /* the pty object: closing it ends the copy and hangs the child up */
    HANDLE slave;               /* the children's console */
    struct pump *pumps[2];      /* input and output through a named pipe, else NULL */
};

static void pump_release(struct pump *p)
{
    if (InterlockedDecrement(&p->refs)) return;
    if (p->thread) CloseHandle(p->thread);
    RtlFreeHeap(PROCESS_HEAP(), 0, p);
}

/* a server end not connected yet fails with ERROR_PIPE_LISTENING: wait
   for the client (10 ms steps) unless the pseudoconsole closed */
static BOOL pump_retry(struct pump *p)
{
    if (GetLastError() != ERROR_PIPE_LISTENING || p->stop) return FALSE;
    Sleep(10);
    return TRUE;
}

static DWORD WINAPI pump_thread(void *arg)
{
    struct pump *p = arg;
    char buf[4096];
    DWORD n, w;
    while (!p->stop)
    {
        if (!ReadFile(p->from, buf, sizeof(buf), &n, NULL)) { if (pump_retry(p)) continue; break; }
        if (!n) break;
        for (DWORD done = 0; done < n && !p->stop; )
        {
            if (WriteFile(p->to, buf + done, n - done, &w, NULL)) done += w;
            else if (!pump_retry(p)) goto end;
        }
    }
end:
    CloseHandle(p->from);
    CloseHandle(p->to);
    pump_release(p);
    return 0;
}

/* from, to: handles the pump takes over (closed on failure too) */
static struct pump *pump_start(HANDLE from, HANDLE to)
{
    struct pump *p = RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*p));
    if (p)
    {
        p->refs = 2;
        p->from = from;
        p->to = to;
        if ((p->thread = CreateThread(NULL, 0, pump_thread, p, 0, NULL))) return p;
        RtlFreeHeap(PROCESS_HEAP(), 0, p);
    }
    CloseHandle(from);
    CloseHandle(to);
    return NULL;
}

/* ClosePseudoConsole: an input pump may be in a ReadFile waiting for the caller */
static void pump_stop(struct pump *p)
{
    if (!p) return;
    p->stop = TRUE;
    CancelSynchronousIo(p->thread);
    pump_release(p);
}

/* the pumps of the streams the Unix side replaced (given[i] != got[i]) */
static BOOL start_pumps(struct pseudo_console *pc, const HANDLE given[2], const HANDLE got[2])
{
    for (int i = 0; i < 2; i++)
    {
        HANDLE dup;
        if (given[i] == got[i]) continue;
        if (!DuplicateHandle(GetCurrentProcess(), given[i], GetCurrentProcess(), &dup, 0, FALSE,
                             DUPLICATE_SAME_ACCESS))
        {
            CloseHandle(got[i]);
            if (!i && given[1] != got[1]) CloseHandle(got[1]);
            return FALSE;
        }
        pc->pumps[i] = i ? pump_start(got[i], dup) : pump_start(dup, got[i]);
        if (!pc->pumps[i])
        {
            if (!i && given[1] != got[1]) CloseHandle(got[1]);
            return FALSE;
        }
    }
    return TRUE;
}

/* The live pseudoconsoles: an HPCON is checked against them, so a wrong
   or closed one is E_INVALIDARG (or nothing), never a crash. */
static struct pseudo_console *live;
static RTL_CRITICAL_SECTION live_lock = { (void *)-1, -1, 0, 0, 0, 0 };

/* remove: take it off the list (ClosePseudoConsole) */
static struct pseudo_console *get_pcon(HPCON pc, BOOL remove)
{
    struct pseudo_console **p, *found = NULL;
    if (!pc) return NULL;
    RtlEnterCriticalSection(&live_lock);
    for (p = &live; *p; p = &(*p)->next)
        if (*p == (struct pseudo_console *)pc)
        {
            found = *p;
            if (remove) *p = found->next;
            break;
        }
    RtlLeaveCriticalSection(&live_lock);
    return found;
}

/* A stream not wanted may be NULL or INVALID_HANDLE_VALUE here, but not both.
   PSEUDOCONSOLE_INHERIT_CURSOR asks for the cursor position on the output
   and waits for the answer: here the pty starts with no cursor to inherit,
   so the flag (like Windows' later, undocumented ones) changes nothing. */
HRESULT WINAPI CreatePseudoConsole(COORD size, HANDLE input, HANDLE output, DWORD flags, HPCON *ret)
{
    struct pseudo_console *p;
    NTSTATUS status;
    (void)flags;

    if (!ret) return E_INVALIDARG;
    *ret = NULL;
    if (size.X <= 0 || size.Y <= 0) return E_INVALIDARG;
    if ((!input || input == INVALID_HANDLE_VALUE) && (!output || output == INVALID_HANDLE_VALUE))
        return E_INVALIDARG;
    if (!(p = RtlAllocateHeap(PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*p)))) return E_OUTOFMEMORY;
    HANDLE given[2] = { input, output }, streams[2] = { input, output };
    status = __wlx_create_pty(streams, (USHORT)size.X | (ULONG)(USHORT)size.Y << 16, &p->pty, &p->slave);
    if (status)
    {
        RtlFreeHeap(PROCESS_HEAP(), 0, p);
        return status == STATUS_INVALID_HANDLE ? HRESULT_FROM_WIN32(ERROR_INVALID_HANDLE)
                                               : HRESULT_FROM_WIN32(RtlNtStatusToDosError(status));
    }
    RtlEnterCriticalSection(&live_lock);
    p->next = live;
    live = p;
    RtlLeaveCriticalSection(&live_lock);
    if (!start_pumps(p, given, streams))
    {
        DWORD err = GetLastError();
        HRESULT hr = err ? HRESULT_FROM_WIN32(err) : E_FAIL;
        ClosePseudoConsole((HPCON)p);
        return hr;
    }
    *ret = (HPCON)p;
    return S_OK;
}

/* the pty's new size: the children's GetConsoleScreenBufferInfo reads it */
HRESULT WINAPI ResizePseudoConsole(HPCON pc, COORD size)
{
    struct pseudo_console *p = get_pcon(pc, FALSE);
    IO_STATUS_BLOCK io;
    USHORT u[2];

    if (!p || size.X <= 0 || size.Y <= 0) return E_INVALIDARG;
    u[0] = size.X;
    u[1] = size.Y;
    NTSTATUS status = NtDeviceIoControlFile(p->slave, NULL, NULL, NULL, &io, WLX_IOCTL_CONSOLE_SET_SIZE, u,
                                            sizeof(u), NULL, 0);
    return status ? HRESULT_FROM_WIN32(RtlNtStatusToDosError(status)) : S_OK;
}

/* Windows ends the clients of a closed pseudoconsole: the master closes,
   the slave hangs up, and a child whose session it leads gets SIGHUP. The
   output stream is closed once the last bytes that fit went out, so its
   reader sees the end. */
void WINAPI ClosePseudoConsole(HPCON pc)
{
    struct pseudo_console *p = get_pcon(pc, TRUE);
    if (!p) return;
    NtClose(p->slave);
    NtClose(p->pty);
    pump_stop(p->pumps[0]);
    pump_stop(p->pumps[1]);
    RtlFreeHeap(PROCESS_HEAP(), 0, p);
}

/* CreateProcess: the console of a child given PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE */
HANDLE k32_pseudoconsole_slave(HPCON pc)
{
    struct pseudo_console *p = get_pcon(pc, FALSE);
    return p ? p->slave : NULL;
}
