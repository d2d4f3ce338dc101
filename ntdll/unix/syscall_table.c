/*
 * ntdll/unix/syscall_table.c — the table the door (ntdll/door.S) jumps
 * through, built from the list winebuild generates from ntdll.spec: every
 * '-syscall' export must have a unix_<name> function in this folder.
 */
#include <string.h>
#include "private.h"

#define WLX_SYSCALL(name, num, nargs) extern void unix_##name(void);
#include "wlx/syscalls.h"
#undef WLX_SYSCALL

static void *const syscall_table[] = {
#define WLX_SYSCALL(name, num, nargs) [num] = (void *)unix_##name,
#include "wlx/syscalls.h"
#undef WLX_SYSCALL
};

void syscalls_install(void *ntdll_base)
{
    void **table = image_find_export(ntdll_base, "__wlx_syscall_table");
    if (!table) wlx_fatal("ntdll.dll has no syscall table (a mismatched build?)");
    memcpy(table, syscall_table, sizeof(syscall_table));
}

