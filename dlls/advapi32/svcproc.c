/*
 * dlls/advapi32/svcproc.c — the service process's side: a service program
 * hands its entry points to StartServiceCtrlDispatcher, registers a control
 * handler and reports its status. wlx has no service control manager to
 * start it, so it runs as Windows runs such a program from a console: the
 * dispatcher cannot connect (ERROR_FAILED_SERVICE_CONTROLLER_CONNECT, which
 * service programs take as "run as a console program"), no service of the
 * process can register a handler (ERROR_SERVICE_NOT_IN_EXE), and no status
 * handle exists to report through (ERROR_INVALID_HANDLE)
 * (tests/advapi32/service.c).
 */
#include "secpriv.h"

BOOL WINAPI StartServiceCtrlDispatcherW(const SERVICE_TABLE_ENTRYW *table)
{
    SetLastError(ERROR_FAILED_SERVICE_CONTROLLER_CONNECT);
    return FALSE;
}

BOOL WINAPI StartServiceCtrlDispatcherA(const SERVICE_TABLE_ENTRYA *table)
{
    SetLastError(ERROR_FAILED_SERVICE_CONTROLLER_CONNECT);
    return FALSE;
}

/* the dispatcher never started, so the process runs no service by any name */
static SERVICE_STATUS_HANDLE no_service(void)
{
    SetLastError(ERROR_SERVICE_NOT_IN_EXE);
    return 0;
}

SERVICE_STATUS_HANDLE WINAPI RegisterServiceCtrlHandlerExW(LPCWSTR name, LPHANDLER_FUNCTION_EX handler, LPVOID context)
{
    return no_service();
}

SERVICE_STATUS_HANDLE WINAPI RegisterServiceCtrlHandlerExA(LPCSTR name, LPHANDLER_FUNCTION_EX handler, LPVOID context)
{
    return no_service();
}

SERVICE_STATUS_HANDLE WINAPI RegisterServiceCtrlHandlerW(LPCWSTR name, LPHANDLER_FUNCTION handler)
{
    return no_service();
}

SERVICE_STATUS_HANDLE WINAPI RegisterServiceCtrlHandlerA(LPCSTR name, LPHANDLER_FUNCTION handler)
{
    return no_service();
}

BOOL WINAPI SetServiceStatus(SERVICE_STATUS_HANDLE handle, LPSERVICE_STATUS status)
{
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}
