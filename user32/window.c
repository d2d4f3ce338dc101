/*
 * Questions about windows when there are none: this process owns no window,
 * so no handle names one of its windows (the desktop window of misc.c is a
 * stand-in that belongs to no process of the prefix either).
 */
#include "private.h"

/* the owner of a window: none here, so the call fails as on an invalid handle */
DWORD WINAPI GetWindowThreadProcessId(HWND window, LPDWORD process)
{
    SetLastError(ERROR_INVALID_WINDOW_HANDLE);
    return 0;
}

/* only the desktop is a window: every other handle names none */
BOOL WINAPI IsWindow(HWND window)
{
    return window == DESKTOP_WINDOW;
}
