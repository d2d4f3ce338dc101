/*
 * Winsock's event objects are kernel32's manual-reset events:
 * WSACreateEvent, WSACloseEvent, WSASetEvent, WSAResetEvent and
 * WSAWaitForMultipleEvents (WSA_WAIT_* are the WAIT_* values).
 */
#include "private.h"

WSAEVENT WINAPI WSACreateEvent(void)
{
    return CreateEventW(NULL, TRUE, FALSE, NULL);
}

/* a bad handle is WSA_INVALID_HANDLE, which is ERROR_INVALID_HANDLE */
BOOL WINAPI WSACloseEvent(WSAEVENT event) { return CloseHandle(event); }
BOOL WINAPI WSASetEvent(WSAEVENT event) { return SetEvent(event); }
BOOL WINAPI WSAResetEvent(WSAEVENT event) { return ResetEvent(event); }

DWORD WINAPI WSAWaitForMultipleEvents(DWORD count, const WSAEVENT *events, BOOL all, DWORD timeout, BOOL alertable)
{
    return WaitForMultipleObjectsEx(count, events, all, timeout, alertable);
}
