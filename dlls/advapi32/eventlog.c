/*
 * dlls/advapi32/eventlog.c — the event log. wlx keeps none: registering a
 * source and reporting events succeed and write nothing, opening the log
 * gives a handle that reads as empty. Handles are small tokens of ours.
 */
#include "secpriv.h"

#define EVENTLOG_MAGIC 0x45564c47   /* 'EVLG' */

struct eventlog { DWORD magic; };

static HANDLE new_log(void)
{
    struct eventlog *log = sec_alloc(sizeof(*log));
    if (!log) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    log->magic = EVENTLOG_MAGIC;
    return log;
}

static BOOL close_log(HANDLE handle)
{
    struct eventlog *log = handle;
    if (!sec_is_object(log, EVENTLOG_MAGIC)) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    log->magic = 0;
    sec_free(log);
    return TRUE;
}

static BOOL is_log(HANDLE handle)
{
    return sec_is_object(handle, EVENTLOG_MAGIC);
}

HANDLE WINAPI RegisterEventSourceW(LPCWSTR server, LPCWSTR source)
{
    (void)server;
    if (!source) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    return new_log();
}

HANDLE WINAPI RegisterEventSourceA(LPCSTR server, LPCSTR source)
{
    (void)server;
    if (!source) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    return new_log();
}

BOOL WINAPI DeregisterEventSource(HANDLE handle)
{
    return close_log(handle);
}

BOOL WINAPI ReportEventW(HANDLE handle, WORD type, WORD category, DWORD id, PSID sid, WORD count, DWORD data_size,
                         LPCWSTR *strings, LPVOID data)
{
    (void)type; (void)category; (void)id; (void)sid; (void)count; (void)data_size; (void)strings; (void)data;
    if (!is_log(handle)) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    return TRUE;
}

BOOL WINAPI ReportEventA(HANDLE handle, WORD type, WORD category, DWORD id, PSID sid, WORD count, DWORD data_size,
                         LPCSTR *strings, LPVOID data)
{
    return ReportEventW(handle, type, category, id, sid, count, data_size, (LPCWSTR *)strings, data);
}

HANDLE WINAPI OpenEventLogW(LPCWSTR server, LPCWSTR source)
{
    return RegisterEventSourceW(server, source);
}

HANDLE WINAPI OpenEventLogA(LPCSTR server, LPCSTR source)
{
    return RegisterEventSourceA(server, source);
}

BOOL WINAPI CloseEventLog(HANDLE handle)
{
    return close_log(handle);
}

BOOL WINAPI GetNumberOfEventLogRecords(HANDLE handle, PDWORD count)
{
    if (!is_log(handle)) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    if (!count) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    *count = 0;
    return TRUE;
}

/* an empty log: nothing to read */
BOOL WINAPI ReadEventLogW(HANDLE handle, DWORD flags, DWORD offset, LPVOID buf, DWORD len, DWORD *read, DWORD *needed)
{
    (void)flags; (void)offset; (void)buf; (void)len;
    if (!is_log(handle)) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    if (!read || !needed) { SetLastError(RPC_X_NULL_REF_POINTER); return FALSE; }
    *read = *needed = 0;
    SetLastError(ERROR_HANDLE_EOF);
    return FALSE;
}
