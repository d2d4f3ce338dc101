/*
 * kernel32/pipe.c — named pipes: CreateNamedPipe, ConnectNamedPipe,
 * DisconnectNamedPipe, WaitNamedPipe, GetNamedPipeInfo, Get/SetNamedPipe-
 * HandleState, TransactNamedPipe, CallNamedPipe and the client/server process
 * ids. The pipes themselves are ntdll's (ntdll/unix/pipe.c); clients open
 * them with CreateFile("\\.\pipe\name"). CreatePipe and PeekNamedPipe are in
 * file.c with the other file functions.
 *
 * Sections: create · connect and wait · information · transactions · A functions.
 */
#include "private.h"

#define FSCTL_PIPE_DISCONNECT 0x00110004
#define FSCTL_PIPE_LISTEN     0x00110008
#define WLX_FSCTL_PIPE_PIDS   0x00110f00   /* wlx's own: client and server process ids */
#define K32_FilePipeInformation      23
#define K32_FilePipeLocalInformation 24

NTSTATUS NTAPI NtCreateNamedPipeFile(HANDLE *, ULONG, OBJECT_ATTRIBUTES *, IO_STATUS_BLOCK *, ULONG, ULONG, ULONG,
                                     ULONG, ULONG, ULONG, ULONG, ULONG, ULONG, LARGE_INTEGER *);
NTSTATUS NTAPI NtSetInformationFile(HANDLE, IO_STATUS_BLOCK *, void *, ULONG, FILE_INFORMATION_CLASS);
NTSTATUS NTAPI NtQueryInformationFile(HANDLE, IO_STATUS_BLOCK *, void *, ULONG, FILE_INFORMATION_CLASS);
NTSTATUS NTAPI __wlx_wait_named_pipe(const UNICODE_STRING *, ULONG);

/* FILE_PIPE_LOCAL_INFORMATION */
struct pipe_local_info {
    ULONG type, configuration, max_instances, cur_instances, in_quota, read_avail, out_quota, write_avail, state, end;
};

static NTSTATUS pipe_nt_name(const WCHAR *name, UNICODE_STRING *nt)
{
    if (!name || !*name) return STATUS_OBJECT_NAME_INVALID;
    return RtlDosPathNameToNtPathName_U_WithStatus(name, nt, NULL, NULL);
}

/* --- create ------------------------------------------------------------------------- */

HANDLE WINAPI CreateNamedPipeW(LPCWSTR name, DWORD open_mode, DWORD pipe_mode, DWORD max_instances,
                               DWORD out_size, DWORD in_size, DWORD timeout, LPSECURITY_ATTRIBUTES sa)
{
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    LARGE_INTEGER t;
    HANDLE h = INVALID_HANDLE_VALUE;
    ACCESS_MASK access = SYNCHRONIZE;
    NTSTATUS status;

    if (!max_instances || max_instances > PIPE_UNLIMITED_INSTANCES || !(open_mode & PIPE_ACCESS_DUPLEX) ||
        (pipe_mode & ~(PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_NOWAIT | PIPE_REJECT_REMOTE_CLIENTS)) ||
        ((pipe_mode & PIPE_READMODE_MESSAGE) && !(pipe_mode & PIPE_TYPE_MESSAGE)))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    if ((status = pipe_nt_name(name, &nt)))
    {
        set_ntstatus(status);
        return INVALID_HANDLE_VALUE;
    }
    if (open_mode & PIPE_ACCESS_INBOUND) access |= GENERIC_READ;
    if (open_mode & PIPE_ACCESS_OUTBOUND) access |= GENERIC_WRITE;
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE | (sa && sa->bInheritHandle ? OBJ_INHERIT : 0),
                               NULL, sa ? sa->lpSecurityDescriptor : NULL);
    t.QuadPart = (LONGLONG)(timeout ? timeout : 50) * -10000;
    status = NtCreateNamedPipeFile(&h, access, &attr, &io, FILE_SHARE_READ | FILE_SHARE_WRITE,
                                   (open_mode & FILE_FLAG_FIRST_PIPE_INSTANCE) ? FILE_CREATE : FILE_OPEN_IF,
                                   (open_mode & FILE_FLAG_OVERLAPPED) ? 0 : FILE_SYNCHRONOUS_IO_NONALERT,
                                   !!(pipe_mode & PIPE_TYPE_MESSAGE), !!(pipe_mode & PIPE_READMODE_MESSAGE),
                                   !!(pipe_mode & PIPE_NOWAIT),
                                   max_instances == PIPE_UNLIMITED_INSTANCES ? ~0u : max_instances,
                                   in_size, out_size, &t);
    RtlFreeHeap(PROCESS_HEAP(), 0, nt.Buffer);
    if (status)
    {
        set_ntstatus(status);
        return INVALID_HANDLE_VALUE;
    }
    SetLastError(0);
    return h;
}

/* --- connect and wait ---------------------------------------------------------------- */

BOOL WINAPI ConnectNamedPipe(HANDLE pipe, OVERLAPPED *ov)
{
    IO_STATUS_BLOCK iosb, *io = ov ? (IO_STATUS_BLOCK *)ov : &iosb;
    HANDLE event = ov ? (HANDLE)((ULONG_PTR)ov->hEvent & ~(ULONG_PTR)1) : NULL;
    void *ctx = ov && !((ULONG_PTR)ov->hEvent & 1) ? ov : NULL;
    NTSTATUS status;

    if (ov) ov->Internal = STATUS_PENDING;
    status = NtFsControlFile(pipe, event, NULL, ctx, io, FSCTL_PIPE_LISTEN, NULL, 0, NULL, 0);
    if (status == STATUS_PENDING) { SetLastError(ERROR_IO_PENDING); return FALSE; }
    return set_ntstatus(status);
}

BOOL WINAPI DisconnectNamedPipe(HANDLE pipe)
{
    IO_STATUS_BLOCK io;
    return set_ntstatus(NtFsControlFile(pipe, NULL, NULL, NULL, &io, FSCTL_PIPE_DISCONNECT, NULL, 0, NULL, 0));
}

BOOL WINAPI WaitNamedPipeW(LPCWSTR name, DWORD timeout)
{
    UNICODE_STRING nt;
    NTSTATUS status = pipe_nt_name(name, &nt);
    if (status) return set_ntstatus(status);
    /* NMPWAIT_USE_DEFAULT_WAIT is 0, NMPWAIT_WAIT_FOREVER ~0: ntdll takes both as they are */
    status = __wlx_wait_named_pipe(&nt, timeout);
    RtlFreeHeap(PROCESS_HEAP(), 0, nt.Buffer);
    return set_ntstatus(status);
}

/* --- information --------------------------------------------------------------------- */

static NTSTATUS local_info(HANDLE pipe, struct pipe_local_info *info)
{
    IO_STATUS_BLOCK io;
    return NtQueryInformationFile(pipe, &io, info, sizeof(*info), K32_FilePipeLocalInformation);
}

BOOL WINAPI GetNamedPipeInfo(HANDLE pipe, DWORD *flags, DWORD *out_size, DWORD *in_size, DWORD *max_instances)
{
    struct pipe_local_info info;
    if (!set_ntstatus(local_info(pipe, &info))) return FALSE;
    if (flags) *flags = (info.end ? PIPE_SERVER_END : PIPE_CLIENT_END) | (info.type ? PIPE_TYPE_MESSAGE : 0);
    if (out_size) *out_size = info.out_quota;
    if (in_size) *in_size = info.in_quota;
    if (max_instances) *max_instances = info.max_instances == ~0u ? PIPE_UNLIMITED_INSTANCES : info.max_instances;
    return TRUE;
}

BOOL WINAPI GetNamedPipeHandleStateW(HANDLE pipe, DWORD *state, DWORD *instances, DWORD *max_collect,
                                     DWORD *timeout, LPWSTR user, DWORD user_size)
{
    IO_STATUS_BLOCK io;
    ULONG modes[2];
    struct pipe_local_info info;
    (void)max_collect; (void)timeout;
    if (!set_ntstatus(NtQueryInformationFile(pipe, &io, modes, sizeof(modes), K32_FilePipeInformation))) return FALSE;
    if (state) *state = (modes[0] ? PIPE_READMODE_MESSAGE : 0) | (modes[1] ? PIPE_NOWAIT : 0);
    if (instances)
    {
        if (!set_ntstatus(local_info(pipe, &info))) return FALSE;
        *instances = info.cur_instances;
    }
    if (user && user_size) *user = 0;
    return TRUE;
}

BOOL WINAPI SetNamedPipeHandleState(HANDLE pipe, DWORD *mode, DWORD *max_collect, DWORD *timeout)
{
    IO_STATUS_BLOCK io;
    ULONG modes[2];
    (void)max_collect; (void)timeout;
    if (!mode) return TRUE;
    if (*mode & ~(PIPE_READMODE_MESSAGE | PIPE_NOWAIT))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    modes[0] = !!(*mode & PIPE_READMODE_MESSAGE);
    modes[1] = !!(*mode & PIPE_NOWAIT);
    return set_ntstatus(NtSetInformationFile(pipe, &io, modes, sizeof(modes), K32_FilePipeInformation));
}

static BOOL pipe_pids(HANDLE pipe, ULONG *pid, int server)
{
    IO_STATUS_BLOCK io;
    ULONG pids[2];
    if (!set_ntstatus(NtFsControlFile(pipe, NULL, NULL, NULL, &io, WLX_FSCTL_PIPE_PIDS, NULL, 0, pids, sizeof(pids))))
        return FALSE;
    *pid = pids[server];
    return TRUE;
}

BOOL WINAPI GetNamedPipeClientProcessId(HANDLE pipe, ULONG *pid) { return pipe_pids(pipe, pid, 0); }
BOOL WINAPI GetNamedPipeServerProcessId(HANDLE pipe, ULONG *pid) { return pipe_pids(pipe, pid, 1); }

/* every wlx process is in session 1 (ProcessSessionInformation says so too) */
static BOOL pipe_session(HANDLE pipe, ULONG *id)
{
    ULONG pid;
    if (!pipe_pids(pipe, &pid, 0)) return FALSE;
    *id = 1;
    return TRUE;
}

BOOL WINAPI GetNamedPipeClientSessionId(HANDLE pipe, ULONG *id) { return pipe_session(pipe, id); }
BOOL WINAPI GetNamedPipeServerSessionId(HANDLE pipe, ULONG *id) { return pipe_session(pipe, id); }

/* --- transactions ---------------------------------------------------------------------- */

/* a write and a read of one message; the pipe must be in message read mode
   and hold no unread data. With an OVERLAPPED the request is written first
   (an OVERLAPPED of our own whose event has its low bit set: no packet for
   it), then the answer is read with the caller's: it completes as a
   transaction does, through the caller's event, completion port and byte
   count, at once (TRUE) or later (ERROR_IO_PENDING). */
BOOL WINAPI TransactNamedPipe(HANDLE pipe, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size, DWORD *read,
                              OVERLAPPED *ov)
{
    DWORD state, written, avail = 0;
    if (!GetNamedPipeHandleStateW(pipe, &state, NULL, NULL, NULL, NULL, 0)) return FALSE;
    if (!(state & PIPE_READMODE_MESSAGE))
    {
        SetLastError(ERROR_BAD_PIPE);
        return FALSE;
    }
    /* unread data in the pipe: the reply could not be told from it */
    if (PeekNamedPipe(pipe, NULL, 0, NULL, &avail, NULL) && avail)
    {
        SetLastError(ERROR_PIPE_BUSY);
        return FALSE;
    }
    if (ov)
    {
        OVERLAPPED w = { 0 };
        HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);
        BOOL ok;
        if (!event) return FALSE;
        w.hEvent = (HANDLE)((ULONG_PTR)event | 1);
        ok = WriteFile(pipe, in, in_size, NULL, &w) ||
             (GetLastError() == ERROR_IO_PENDING && GetOverlappedResult(pipe, &w, &written, TRUE));
        CloseHandle(event);
        if (!ok) return FALSE;
        return ReadFile(pipe, out, out_size, read, ov);
    }
    if (!WriteFile(pipe, in, in_size, &written, NULL)) return FALSE;
    return ReadFile(pipe, out, out_size, read, NULL);
}

/* connect (waiting for an instance), transact in message mode, close */
BOOL WINAPI CallNamedPipeW(LPCWSTR name, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size, DWORD *read,
                           DWORD timeout)
{
    DWORD mode = PIPE_READMODE_MESSAGE;
    HANDLE pipe = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    BOOL ret;
    if (pipe == INVALID_HANDLE_VALUE)
    {
        if (!WaitNamedPipeW(name, timeout)) return FALSE;
        pipe = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
        if (pipe == INVALID_HANDLE_VALUE) return FALSE;
    }
    ret = SetNamedPipeHandleState(pipe, &mode, NULL, NULL) &&
          TransactNamedPipe(pipe, in, in_size, out, out_size, read, NULL);
    CloseHandle(pipe);
    return ret;
}

/* --- A functions --------------------------------------------------------------------------- */

HANDLE WINAPI CreateNamedPipeA(LPCSTR name, DWORD open_mode, DWORD pipe_mode, DWORD max_instances,
                               DWORD out_size, DWORD in_size, DWORD timeout, LPSECURITY_ATTRIBUTES sa)
{
    WCHAR *w = name ? k32_strdup_AtoW(name) : NULL;
    HANDLE h = CreateNamedPipeW(w, open_mode, pipe_mode, max_instances, out_size, in_size, timeout, sa);
    RtlFreeHeap(PROCESS_HEAP(), 0, w);
    return h;
}

BOOL WINAPI WaitNamedPipeA(LPCSTR name, DWORD timeout)
{
    WCHAR *w = name ? k32_strdup_AtoW(name) : NULL;
    BOOL ret = WaitNamedPipeW(w, timeout);
    RtlFreeHeap(PROCESS_HEAP(), 0, w);
    return ret;
}

BOOL WINAPI CallNamedPipeA(LPCSTR name, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size, DWORD *read,
                           DWORD timeout)
{
    WCHAR *w = name ? k32_strdup_AtoW(name) : NULL;
    BOOL ret = CallNamedPipeW(w, in, in_size, out, out_size, read, timeout);
    RtlFreeHeap(PROCESS_HEAP(), 0, w);
    return ret;
}

BOOL WINAPI GetNamedPipeHandleStateA(HANDLE pipe, DWORD *state, DWORD *instances, DWORD *max_collect,
                                     DWORD *timeout, LPSTR user, DWORD user_size)
{
    if (user && user_size) *user = 0;
    return GetNamedPipeHandleStateW(pipe, state, instances, max_collect, timeout, NULL, 0);
}
