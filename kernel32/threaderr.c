/*
 * kernel32/threaderr.c — SetThreadErrorMode/GetThreadErrorMode: a
 * per-thread copy of the SEM_* error mode flags, kept in a TLS slot. wlx
 * shows no error boxes either way; programs set the mode around LoadLibrary
 * and expect to read it back.
 */
#include "private.h"

#define THREAD_MODES (SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX)

static DWORD mode_slot = TLS_OUT_OF_INDEXES;

/* the TLS slot, allocated by the first caller (a race loses one slot, harmlessly) */
static DWORD slot(void)
{
    DWORD s = __atomic_load_n(&mode_slot, __ATOMIC_ACQUIRE), expected = TLS_OUT_OF_INDEXES;
    if (s != TLS_OUT_OF_INDEXES) return s;
    if ((s = TlsAlloc()) == TLS_OUT_OF_INDEXES) return s;
    if (!__atomic_compare_exchange_n(&mode_slot, &expected, s, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    {
        TlsFree(s);
        s = expected;
    }
    return s;
}

DWORD WINAPI GetThreadErrorMode(void)
{
    DWORD s = slot(), err = GetLastError(), mode;
    mode = s == TLS_OUT_OF_INDEXES ? 0 : (DWORD)(ULONG_PTR)TlsGetValue(s);
    SetLastError(err);                                 /* TlsGetValue clears it */
    return mode;
}

BOOL WINAPI SetThreadErrorMode(DWORD mode, DWORD *old)
{
    DWORD s;
    if (mode & ~THREAD_MODES) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if ((s = slot()) == TLS_OUT_OF_INDEXES) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    if (old) *old = GetThreadErrorMode();
    return TlsSetValue(s, (void *)(ULONG_PTR)mode);
}
