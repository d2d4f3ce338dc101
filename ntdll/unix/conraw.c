/*
 * ntdll/unix/conraw.c — key-by-key reads from the terminal for kernel32's
 * console input events (kernel32/conin.c): __wlx_console_read_raw puts the
 * terminal in non-canonical, no-echo mode for the read only, waits at most
 * the given time for bytes, takes what is there, and restores the mode, so
 * line-mode reads (ReadFile, ReadConsole) are unchanged between calls.
 */
#include <errno.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>
#include "private.h"
#include "file.h"

/* timeout_ms < 0: until a byte comes; 0: only what is already there */
NTSTATUS WINAPI unix___wlx_console_read_raw(HANDLE handle, void *buf, uint32_t size, int32_t timeout_ms,
                                            uint32_t *got)
{
    struct termios saved, raw;
    struct pollfd pfd;
    struct file *f;
    NTSTATUS status = file_get(handle, &f);
    ssize_t n = 0;

    *got = 0;
    if (status) return status;
    if (!isatty(f->fd) || tcgetattr(f->fd, &saved)) { object_release(&f->obj); return STATUS_INVALID_HANDLE; }
    raw = saved;
    raw.c_lflag &= ~(ICANON | ECHO);
    raw.c_cc[VMIN] = 0;                   /* reads take what is there, poll does the waiting */
    raw.c_cc[VTIME] = 0;
    tcsetattr(f->fd, TCSANOW, &raw);
    pfd.fd = f->fd;
    pfd.events = POLLIN;
    if (poll(&pfd, 1, timeout_ms < 0 ? -1 : timeout_ms) > 0)
    {
        n = read(f->fd, buf, size);
        if (n < 0) status = errno == EAGAIN ? STATUS_SUCCESS : errno_to_status(errno);
    }
    tcsetattr(f->fd, TCSANOW, &saved);
    object_release(&f->obj);
    if (n > 0) *got = n;
    return status;
}
