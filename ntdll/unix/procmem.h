/*
 * ntdll/unix/procmem.h — what procmem.c (other processes' memory and
 * facts) offers the rest of the Unix side.
 */
#ifndef WLX_NTDLL_UNIX_PROCMEM_H
#define WLX_NTDLL_UNIX_PROCMEM_H

#include <stdint.h>

/* NtQueryInformationProcess(ProcessIoCounters) of the current process */
NTSTATUS procmem_io_counters(void *buf, uint32_t len, uint32_t *ret);

#endif
