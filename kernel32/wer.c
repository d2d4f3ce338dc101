/*
 * kernel32/wer.c — what a program registers with Windows Error Reporting:
 * a command line to restart it with, a recovery callback, files, memory
 * blocks, metadata, local dump folders and runtime exception modules for
 * crash reports.
 *
 * Windows would use them after a crash or a hang; wlx reports crashes to no
 * one (its crash report goes to stderr), so the registrations are checked
 * as documented and accepted with S_OK — Chromium, Electron and .NET make
 * some of them as they start. The restart command line and the recovery
 * callback are kept, so GetApplicationRestartSettings and
 * GetApplicationRecoveryCallback give back what was registered.
 */
#include "private.h"

static SRWLOCK wer_lock = SRWLOCK_INIT;
static WCHAR *restart_cmdline;          /* NULL: no restart registered */
static DWORD restart_flags;
static BOOL restart_registered;
static APPLICATION_RECOVERY_CALLBACK recovery_callback;
static void *recovery_param;
static DWORD recovery_ping, recovery_flags;

static BOOL is_self(HANDLE process)
{
    return process == GetCurrentProcess() || GetProcessId(process) == GetCurrentProcessId();
}

/* --- restart ------------------------------------------------------------------------ */

HRESULT WINAPI RegisterApplicationRestart(PCWSTR cmdline, DWORD flags)
{
    WCHAR *copy = NULL;

    /* E_INVALIDARG is documented for a command line too long, nothing else */
    if (cmdline && lstrlenW(cmdline) >= RESTART_MAX_CMD_LINE) return E_INVALIDARG;
    if (cmdline && !(copy = RtlAllocateHeap(PROCESS_HEAP(), 0, (lstrlenW(cmdline) + 1) * sizeof(WCHAR))))
        return E_OUTOFMEMORY;
    if (copy) lstrcpyW(copy, cmdline);
    AcquireSRWLockExclusive(&wer_lock);
    RtlFreeHeap(PROCESS_HEAP(), 0, restart_cmdline);
    restart_cmdline = copy;
    restart_flags = flags;
    restart_registered = TRUE;
    ReleaseSRWLockExclusive(&wer_lock);
    return S_OK;
}

HRESULT WINAPI UnregisterApplicationRestart(void)
{
    AcquireSRWLockExclusive(&wer_lock);
    RtlFreeHeap(PROCESS_HEAP(), 0, restart_cmdline);
    restart_cmdline = NULL;
    restart_registered = FALSE;
    ReleaseSRWLockExclusive(&wer_lock);
    return S_OK;
}

/* the command line (a NULL buffer asks for its size, NUL included) and flags */
HRESULT WINAPI GetApplicationRestartSettings(HANDLE process, PWSTR cmdline, PDWORD size, PDWORD flags)
{
    HRESULT hr = S_OK;
    DWORD len;

    if (!size) return E_INVALIDARG;
    if (!is_self(process)) return HRESULT_FROM_WIN32(ERROR_NOT_FOUND);
    AcquireSRWLockShared(&wer_lock);
    if (!restart_registered) hr = HRESULT_FROM_WIN32(ERROR_NOT_FOUND);
    else
    {
        len = (restart_cmdline ? lstrlenW(restart_cmdline) : 0) + 1;
        if (cmdline && *size >= len)
        {
            if (restart_cmdline) lstrcpyW(cmdline, restart_cmdline);
            else cmdline[0] = 0;
        }
        else if (cmdline) hr = HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER);
        *size = len;
        if (flags) *flags = restart_flags;
    }
    ReleaseSRWLockShared(&wer_lock);
    return hr;
}

/* --- recovery ------------------------------------------------------------------------- */

HRESULT WINAPI RegisterApplicationRecoveryCallback(APPLICATION_RECOVERY_CALLBACK callback, PVOID param, DWORD ping,
                                                   DWORD flags)
{
    if (!callback || ping > RECOVERY_MAX_PING_INTERVAL) return E_INVALIDARG;
    AcquireSRWLockExclusive(&wer_lock);
    recovery_callback = callback;
    recovery_param = param;
    recovery_ping = ping ? ping : RECOVERY_DEFAULT_PING_INTERVAL;
    recovery_flags = flags;
    ReleaseSRWLockExclusive(&wer_lock);
    return S_OK;
}

HRESULT WINAPI UnregisterApplicationRecoveryCallback(void)
{
    AcquireSRWLockExclusive(&wer_lock);
    recovery_callback = NULL;
    ReleaseSRWLockExclusive(&wer_lock);
    return S_OK;
}

HRESULT WINAPI GetApplicationRecoveryCallback(HANDLE process, APPLICATION_RECOVERY_CALLBACK *callback, PVOID *param,
                                              PDWORD ping, PDWORD flags)
{
    HRESULT hr = S_OK;

    if (!callback) return E_INVALIDARG;
    if (!is_self(process)) return HRESULT_FROM_WIN32(ERROR_NOT_FOUND);
    AcquireSRWLockShared(&wer_lock);
    if (!recovery_callback) hr = HRESULT_FROM_WIN32(ERROR_NOT_FOUND);
    else
    {
        *callback = recovery_callback;
        if (param) *param = recovery_param;
        if (ping) *ping = recovery_ping;
        if (flags) *flags = recovery_flags;
    }
    ReleaseSRWLockShared(&wer_lock);
    return hr;
}

/* only a recovery callback (which wlx never calls) may ask: E_FAIL otherwise (documented) */
HRESULT WINAPI ApplicationRecoveryInProgress(PBOOL cancelled)
{
    if (!cancelled) return E_INVALIDARG;
    return E_FAIL;
}

void WINAPI ApplicationRecoveryFinished(BOOL success)
{
    (void)success;
}

/* --- what a crash report would carry ----------------------------------------------------- */

HRESULT WINAPI WerRegisterFile(PCWSTR file, int type, DWORD flags)   /* type: WER_REGISTER_FILE_TYPE */
{
    (void)type; (void)flags;
    return file && *file ? S_OK : E_INVALIDARG;
}

HRESULT WINAPI WerUnregisterFile(PCWSTR file)
{
    return file ? S_OK : E_INVALIDARG;
}

HRESULT WINAPI WerRegisterMemoryBlock(PVOID address, DWORD size)
{
    return address && size ? S_OK : E_INVALIDARG;
}

HRESULT WINAPI WerUnregisterMemoryBlock(PVOID address)
{
    return address ? S_OK : E_INVALIDARG;
}

HRESULT WINAPI WerRegisterExcludedMemoryBlock(const void *address, DWORD size)
{
    return address && size ? S_OK : E_INVALIDARG;
}

HRESULT WINAPI WerUnregisterExcludedMemoryBlock(const void *address)
{
    return address ? S_OK : E_INVALIDARG;
}

HRESULT WINAPI WerRegisterCustomMetadata(PCWSTR key, PCWSTR value)
{
    return key && *key && value ? S_OK : E_INVALIDARG;
}

HRESULT WINAPI WerUnregisterCustomMetadata(PCWSTR key)
{
    return key ? S_OK : E_INVALIDARG;
}

HRESULT WINAPI WerRegisterAppLocalDump(PCWSTR folder)
{
    return folder ? S_OK : E_INVALIDARG;
}

HRESULT WINAPI WerUnregisterAppLocalDump(void)
{
    return S_OK;
}

HRESULT WINAPI WerRegisterAdditionalProcess(DWORD pid, DWORD tid)
{
    (void)tid;
    return pid ? S_OK : E_INVALIDARG;
}

HRESULT WINAPI WerUnregisterAdditionalProcess(DWORD pid)
{
    return pid ? S_OK : E_INVALIDARG;
}

HRESULT WINAPI WerRegisterRuntimeExceptionModule(PCWSTR dll, PVOID context)
{
    (void)context;
    return dll ? S_OK : E_INVALIDARG;
}

HRESULT WINAPI WerUnregisterRuntimeExceptionModule(PCWSTR dll, PVOID context)
{
    (void)context;
    return dll ? S_OK : E_INVALIDARG;
}
