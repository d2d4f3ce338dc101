/*
 * The clipboard without a window system: there is no clipboard to open
 * (as for a process whose window station has none, OpenClipboard fails
 * with ERROR_ACCESS_DENIED), and every call that needs it open says
 * ERROR_CLIPBOARD_NOT_OPEN, as Windows does when it was not opened.
 */
#include "private.h"

BOOL WINAPI OpenClipboard(HWND owner)
{
    SetLastError(ERROR_ACCESS_DENIED);
    return FALSE;
}

BOOL WINAPI CloseClipboard(void)
{
    SetLastError(ERROR_CLIPBOARD_NOT_OPEN);
    return FALSE;
}

BOOL WINAPI EmptyClipboard(void)
{
    SetLastError(ERROR_CLIPBOARD_NOT_OPEN);
    return FALSE;
}

/* SetClipboardData and GetClipboardData need the clipboard open */
HANDLE WINAPI SetClipboardData(UINT format, HANDLE data)
{
    SetLastError(ERROR_CLIPBOARD_NOT_OPEN);
    return NULL;
}

HANDLE WINAPI GetClipboardData(UINT format)
{
    SetLastError(ERROR_CLIPBOARD_NOT_OPEN);
    return NULL;
}

/* an empty clipboard: no format is available */
BOOL WINAPI IsClipboardFormatAvailable(UINT format)
{
    SetLastError(ERROR_SUCCESS);
    return FALSE;
}

int WINAPI CountClipboardFormats(void)
{
    SetLastError(ERROR_SUCCESS);
    return 0;
}

HWND WINAPI GetClipboardOwner(void)
{
    SetLastError(ERROR_SUCCESS);
    return NULL;
}
