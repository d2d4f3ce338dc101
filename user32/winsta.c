/*
 * user32/winsta.c — the window station and desktop a process runs in. Every
 * wlx process runs in the interactive station "WinSta0" on the desktop
 * "Default", as a program started by a logged-on user does on Windows; the
 * handles are fixed values of ours that GetUserObjectInformation knows.
 */
#include "private.h"

#define WINSTA_HANDLE ((HWINSTA)(ULONG_PTR)0x40)   /* the process's window station */
#define DESKTOP_HANDLE ((HDESK)(ULONG_PTR)0x44)    /* the thread's desktop */

HWINSTA WINAPI GetProcessWindowStation(void) { return WINSTA_HANDLE; }
HDESK WINAPI GetThreadDesktop(DWORD thread) { return DESKTOP_HANDLE; }

/* a string answer in bytes, terminator included; too small: ERROR_INSUFFICIENT_BUFFER */
static BOOL give_info(const void *value, DWORD size, void *buf, DWORD len, DWORD *needed)
{
    if (needed) *needed = size;
    if (!buf || len < size) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return FALSE; }
    memcpy(buf, value, size);
    return TRUE;
}

BOOL WINAPI GetUserObjectInformationW(HANDLE handle, int index, void *buf, DWORD len, DWORD *needed)
{
    BOOL station = handle == WINSTA_HANDLE;
    const WCHAR *text;

    if (!station && handle != DESKTOP_HANDLE) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    switch (index)
    {
    case UOI_FLAGS:
    {
        /* the interactive station is visible; a desktop's flags are hook flags, none here */
        USEROBJECTFLAGS flags = { FALSE, FALSE, station ? WSF_VISIBLE : 0 };
        return give_info(&flags, sizeof(flags), buf, len, needed);
    }
    case UOI_NAME: text = station ? L"WinSta0" : L"Default"; break;
    case UOI_TYPE: text = station ? L"WindowStation" : L"Desktop"; break;
    default: SetLastError(ERROR_INVALID_PARAMETER); return FALSE;
    }
    return give_info(text, (lstrlenW(text) + 1) * sizeof(WCHAR), buf, len, needed);
}

BOOL WINAPI GetUserObjectInformationA(HANDLE handle, int index, void *buf, DWORD len, DWORD *needed)
{
    WCHAR wide[32];
    char ansi[32];
    DWORD size;

    if (index != UOI_NAME && index != UOI_TYPE) return GetUserObjectInformationW(handle, index, buf, len, needed);
    if (!GetUserObjectInformationW(handle, index, wide, sizeof(wide), NULL)) return FALSE;
    size = WideCharToMultiByte(CP_ACP, 0, wide, -1, ansi, sizeof(ansi), NULL, NULL);
    return give_info(ansi, size, buf, len, needed);
}
