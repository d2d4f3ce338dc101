/*
 * ntdll/unix/procmem.c — another process's memory and facts, through its
 * Linux pid: NtReadVirtualMemory/NtWriteVirtualMemory (process_vm_readv/
 * writev, which honour the target's page protections, so an unreadable
 * address fails as on Windows), the I/O counters of /proc/<pid>/io, and
 * the per-process facts kernel32's toolhelp snapshots list, and console
 * control events sent to a process.
 *
 * Sections: finding the Linux pid · memory · I/O counters · toolhelp ·
 * console control events.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>
#include "private.h"
#include "process.h"
#include "thread.h"
#include "xhandle.h"
#include "procmem.h"
#include "wlx/server.h"
#include "wlx/protocol.h"
#include "wlx/toolhelp.h"

#define STATUS_PARTIAL_COPY ((NTSTATUS)0x8000000D)

/* --- finding the Linux pid --------------------------------------------------- */

/* the Linux pid of a Windows process id; STATUS_INVALID_CID when the server
   does not know it, STATUS_PROCESS_IS_TERMINATING once it has ended */
static NTSTATUS unix_pid_of_id(uint32_t id, int *pid, uint32_t *parent)
{
    struct wlx_get_process_info_request req = { .process_id = id };
    struct wlx_get_process_info_reply reply;

    if (id == wlx_process_id) { *pid = getpid(); if (parent) *parent = wlx_parent_id; return STATUS_SUCCESS; }
    if (wlx_server_call(WLX_REQ_GET_PROCESS_INFO, &req, sizeof(req), &reply, sizeof(reply), NULL))
        return STATUS_INVALID_CID;
    if (!reply.alive || reply.unix_pid <= 0) return STATUS_PROCESS_IS_TERMINATING;
    *pid = reply.unix_pid;
    if (parent) *parent = reply.parent_id;
    return STATUS_SUCCESS;
}

static NTSTATUS unix_pid_of_handle(HANDLE process, int *pid)
{
    uint32_t id;
    if (process == NtCurrentProcess()) { *pid = getpid(); return STATUS_SUCCESS; }
    if (!(id = procobj_id(process))) return STATUS_INVALID_HANDLE;
    return unix_pid_of_id(id, pid, NULL);
}

/* --- memory ------------------------------------------------------------------- */

/* one process_vm_readv/writev call for the whole range; a short copy (a page
   that is not accessible) is STATUS_PARTIAL_COPY with what was copied */
static NTSTATUS copy_memory(HANDLE process, void *local, void *remote, size_t size, size_t *done, int write)
{
    struct iovec l = { local, size }, r = { remote, size };
    NTSTATUS status;
    ssize_t n;
    int pid;

    if (done) *done = 0;
    if ((status = unix_pid_of_handle(process, &pid))) return status;
    if (!size) return STATUS_SUCCESS;
    n = write ? process_vm_writev(pid, &l, 1, &r, 1, 0) : process_vm_readv(pid, &l, 1, &r, 1, 0);
    if (n < 0)
    {
        if (errno == EFAULT) return STATUS_PARTIAL_COPY;
        if (errno == ESRCH) return STATUS_PROCESS_IS_TERMINATING;
        return errno_to_status(errno);
    }
    if (done) *done = n;
    return (size_t)n == size ? STATUS_SUCCESS : STATUS_PARTIAL_COPY;
}

NTSTATUS WINAPI unix_NtReadVirtualMemory(HANDLE process, const void *addr, void *buf, size_t size, size_t *done)
{
    return copy_memory(process, buf, (void *)addr, size, done, 0);
}

NTSTATUS WINAPI unix_NtWriteVirtualMemory(HANDLE process, void *addr, const void *buf, size_t size, size_t *done)
{
    return copy_memory(process, (void *)buf, addr, size, done, 1);
}

/* --- I/O counters --------------------------------------------------------------- */

/* IO_COUNTERS of this process from /proc/self/io: system calls that read
   and wrote, their bytes (rchar/wchar count every read and write, as
   Windows counts every I/O operation, not only the disk's) */
NTSTATUS procmem_io_counters(void *buf, uint32_t len, uint32_t *ret)
{
    struct { uint64_t reads, writes, others, read_bytes, write_bytes, other_bytes; } io = {0};
    char key[32];
    unsigned long long v;
    FILE *f;

    *ret = sizeof(io);
    if (len != sizeof(io)) return STATUS_INFO_LENGTH_MISMATCH;
    if ((f = fopen("/proc/self/io", "r")))
    {
        while (fscanf(f, "%31[^:]: %llu\n", key, &v) == 2)
        {
            if (!strcmp(key, "syscr")) io.reads = v;
            else if (!strcmp(key, "syscw")) io.writes = v;
            else if (!strcmp(key, "rchar")) io.read_bytes = v;
            else if (!strcmp(key, "wchar")) io.write_bytes = v;
        }
        fclose(f);
    }
    memcpy(buf, &io, sizeof(io));
    return STATUS_SUCCESS;
}

/* --- toolhelp ---------------------------------------------------------------------- */

static uint32_t count_threads(int pid)
{
    char path[64];
    struct dirent *e;
    uint32_t n = 0;
    DIR *d;

    snprintf(path, sizeof(path), "/proc/%d/task", pid);
    if (!(d = opendir(path))) return 1;
    while ((e = readdir(d))) if (isdigit((unsigned char)e->d_name[0])) n++;
    closedir(d);
    return n ? n : 1;
}

/* the Windows program a wlx process runs: the first argument of its command
   line after wlx's own options ("wlx [--] C:\x\prog.exe args"), without
   its folder */
static void exe_name_of(int pid, uint16_t *out, size_t max)
{
    char path[64], buf[4096], *arg, *name, *end;
    ssize_t n = -1;
    size_t i = 0;
    int fd;

    snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0) { n = read(fd, buf, sizeof(buf) - 1); close(fd); }
    out[0] = 0;
    if (n <= 0) return;
    buf[n] = 0;
    end = buf + n;
    for (arg = buf + strlen(buf) + 1; arg < end && arg[0] == '-'; arg += strlen(arg) + 1) {}
    if (arg >= end) return;
    name = arg;
    for (char *p = arg; *p; p++) if (*p == '/' || *p == '\\') name = p + 1;
    /* names are ASCII in practice; other bytes pass through as Latin-1 */
    for (; name[i] && i + 1 < max; i++) out[i] = (unsigned char)name[i];
    out[i] = 0;
}

NTSTATUS WINAPI unix___wlx_process_facts(uint32_t id, struct wlx_process_facts *facts)
{
    uint32_t parent = 0;
    NTSTATUS status;
    int pid;

    if (!id) id = wlx_process_id;
    if ((status = unix_pid_of_id(id, &pid, &parent))) return status;
    memset(facts, 0, sizeof(*facts));
    facts->process_id = id;
    facts->parent_id = parent;
    facts->threads = count_threads(pid);
    exe_name_of(pid, facts->exe_name, sizeof(facts->exe_name) / sizeof(facts->exe_name[0]));
    return STATUS_SUCCESS;
}

/* the Windows ids of this process's threads: how many there are; the first
   `max` go to `ids` */
NTSTATUS WINAPI unix___wlx_thread_ids(uint32_t *ids, uint32_t max, uint32_t *count)
{
    *count = (uint32_t)thread_list_ids(ids, max);
    return STATUS_SUCCESS;
}

/* --- console control events ------------------------------------------------------------ */

/* GenerateConsoleCtrlEvent to a process of the prefix (this one included):
   the same signal a terminal sends, which ctrlc.c turns into the event */
NTSTATUS WINAPI unix___wlx_signal_process(uint32_t id, uint32_t event)
{
    NTSTATUS status;
    int pid;

    if (event > 1) return STATUS_INVALID_PARAMETER;
    if ((status = unix_pid_of_id(id ? id : wlx_process_id, &pid, NULL))) return status;
    return kill(pid, event ? SIGQUIT : SIGINT) ? errno_to_status(errno) : STATUS_SUCCESS;
}
