/*
 * The rest of dbghelp a console program may call: its version, a name
 * undecorator that leaves names as they are (no C++ demangling yet), and
 * minidumps, which cannot be written yet and fail with an error.
 */
#include "private.h"

LPAPI_VERSION WINAPI ImagehlpApiVersion(void)
{
    static API_VERSION version = { 6, 1, API_VERSION_NUMBER, 0 };
    return &version;
}

DWORD WINAPI UnDecorateSymbolName(PCSTR name, PSTR out, DWORD len, DWORD flags)
{
    size_t n;

    if (!name || !out || !len) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    n = strlen(name);
    if (n >= len) n = len - 1;
    memcpy(out, name, n);
    out[n] = 0;
    return (DWORD)n;
}

BOOL WINAPI MiniDumpWriteDump(HANDLE process, DWORD pid, HANDLE file, MINIDUMP_TYPE type,
                              PMINIDUMP_EXCEPTION_INFORMATION exception, PMINIDUMP_USER_STREAM_INFORMATION user,
                              PMINIDUMP_CALLBACK_INFORMATION callback)
{
    /* dbghelp reports failures as an HRESULT in the last error */
    SetLastError(HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));
    return FALSE;
}
