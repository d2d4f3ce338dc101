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

/* a clipboard that never changes: "zero if you do not have
   WINSTA_ACCESSCLIPBOARD access", as a process without one has none */
DWORD WINAPI GetClipboardSequenceNumber(void)
{
    return 0;
}

HWND WINAPI GetClipboardOwner(void)
{
    SetLastError(ERROR_SUCCESS);
    return NULL;
}

/* ---- registered names: window messages and clipboard formats ----
   Windows keeps both in one atom table of the window station: a name gets
   the same number (0xC000..0xFFFF) whichever function registers it, and
   the same name (compared without case) the same number again. Here that
   table is the global atom table (kernel32). */

static UINT register_name(const WCHAR *name)
{
    ATOM atom;
    if (!name || !*name)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    atom = GlobalAddAtomW(name);
    if (atom && atom < 0xc000)
    {
        /* "#123" names an integer atom: no registered name */
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return atom;
}

static UINT register_name_a(const char *name)
{
    WCHAR buf[256];
    if (!name || !*name)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (!MultiByteToWideChar(CP_ACP, 0, name, -1, buf, ARRAYSIZE(buf)))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return register_name(buf);
}

UINT WINAPI RegisterWindowMessageW(const WCHAR *name) { return register_name(name); }
UINT WINAPI RegisterWindowMessageA(const char *name) { return register_name_a(name); }
UINT WINAPI RegisterClipboardFormatW(const WCHAR *name) { return register_name(name); }
UINT WINAPI RegisterClipboardFormatA(const char *name) { return register_name_a(name); }

/* the name of a registered format; the predefined ones (below 0xC000) have none */
int WINAPI GetClipboardFormatNameW(UINT format, WCHAR *buf, int size)
{
    if (format < 0xc000 || format > 0xffff || !buf || size <= 0)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    {
        WCHAR full[256];
        int len = GlobalGetAtomNameW((ATOM)format, full, ARRAYSIZE(full));
        if (!len) return 0;
        if (len > size - 1) len = size - 1;   /* cut to the buffer, terminated */
        memcpy(buf, full, len * sizeof(WCHAR));
        buf[len] = 0;
        return len;
    }
}

int WINAPI GetClipboardFormatNameA(UINT format, char *buf, int size)
{
    if (format < 0xc000 || format > 0xffff || !buf || size <= 0)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    {
        WCHAR full[256];
        int len = GetClipboardFormatNameW(format, full, ARRAYSIZE(full));
        if (!len) return 0;
        len = WideCharToMultiByte(CP_ACP, 0, full, len, buf, size - 1, NULL, NULL);
        buf[len] = 0;
        return len;
    }
}
