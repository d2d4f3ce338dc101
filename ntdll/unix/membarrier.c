/*
 * ntdll/unix/membarrier.c — NtFlushProcessWriteBuffers: every thread of the
 * process sees this thread's writes (a memory barrier on all CPUs running
 * it), which lock-free runtimes use to make their fast paths cheap. Linux's
 * membarrier(2) does exactly this.
 */
#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "private.h"

static int membarrier(int cmd) { return syscall(__NR_membarrier, cmd, 0, 0); }

NTSTATUS WINAPI unix_NtFlushProcessWriteBuffers(void)
{
    static int registered;   /* 1: private expedited works, -1: it does not */
    if (!registered)
        registered = membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) ? -1 : 1;
    if (registered > 0 && !membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED)) return STATUS_SUCCESS;
    /* older kernels: the global barrier (slower, same guarantee) */
    membarrier(MEMBARRIER_CMD_GLOBAL);
    return STATUS_SUCCESS;
}
