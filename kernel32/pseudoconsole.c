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

NTSTATUS NTAPI __wlx_create_pty(HANDLE input, HANDLE output, ULONG size, HANDLE *pty, HANDLE *slave);

/* wlx's private control on a terminal handle (ntdll/unix/file.c) */
#define WLX_IOCTL_CONSOLE_SET_SIZE 0x00500f08

/* wincon.h has these for NTDDI_VERSION 0x0A000006 and later only */
typedef void *HPCON;
HRESULT WINAPI CreatePseudoConsole(COORD size, HANDLE input, HANDLE output, DWORD flags, HPCON *ret);
HRESULT WINAPI ResizePseudoConsole(HPCON pc, COORD size);
void WINAPI ClosePseudoConsole(HPCON pc);

#define PCON_MAGIC 0x4e4f4350   /* "PCON" */

/* behind an HPCON */
struct pseudo_console {
    DWORD magic;
    HANDLE pty;                 /* the pty object: closing it ends the copy and hangs the child up */
    HANDLE slave;               /* the children's console */
};

static struct pseudo_console *get_pcon(HPCON pc)
{
    struct pseudo_console *p = (struct pseudo_console *)pc;
    return p && p->magic == PCON_MAGIC ? p : NULL;
}

/* A stream not wanted may be NULL or INVALID_HANDLE_VALUE, but not both.
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
    status = __wlx_create_pty(input, output, (USHORT)size.X | (ULONG)(USHORT)size.Y << 16, &p->pty, &p->slave);
    if (status)
    {
        RtlFreeHeap(PROCESS_HEAP(), 0, p);
        return status == STATUS_INVALID_HANDLE ? HRESULT_FROM_WIN32(ERROR_INVALID_HANDLE)
                                               : HRESULT_FROM_WIN32(RtlNtStatusToDosError(status));
    }
    p->magic = PCON_MAGIC;
    *ret = (HPCON)p;
    return S_OK;
}

/* the pty's new size: the children's GetConsoleScreenBufferInfo reads it */
HRESULT WINAPI ResizePseudoConsole(HPCON pc, COORD size)
{
    struct pseudo_console *p = get_pcon(pc);
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
    struct pseudo_console *p = get_pcon(pc);
    if (!p) return;
    p->magic = 0;
    NtClose(p->slave);
    NtClose(p->pty);
    RtlFreeHeap(PROCESS_HEAP(), 0, p);
}

/* CreateProcess: the console of a child given PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE */
HANDLE k32_pseudoconsole_slave(HPCON pc)
{
    struct pseudo_console *p = get_pcon(pc);
    return p ? p->slave : NULL;
}
