/*
 * What a console program asks user32 without a window: message boxes
 * (written to stderr, answered IDOK — there is no display yet), system
 * metrics of a plain 1024x768 screen, and stand-ins for the desktop,
 * foreground and active windows, the keyboard layout and key state.
 */
#include "private.h"
#include <winternl.h>

BOOLEAN NTAPI RtlCreateUnicodeStringFromAsciiz(UNICODE_STRING *, const char *);

/* writes UTF-16 text to stderr as UTF-8 */
static void write_stderr(const WCHAR *text)
{
    char small[512], *utf8 = small;
    int len;
    DWORD written;

    if (!text) return;
    len = WideCharToMultiByte(CP_UTF8, 0, text, -1, NULL, 0, NULL, NULL);
    if (len <= 1) return;
    if (len > (int)sizeof(small) && !(utf8 = HeapAlloc(GetProcessHeap(), 0, len))) return;
    WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8, len, NULL, NULL);
    WriteFile(GetStdHandle(STD_ERROR_HANDLE), utf8, len - 1, &written, NULL);
    if (utf8 != small) HeapFree(GetProcessHeap(), 0, utf8);
}

int WINAPI MessageBoxExW(HWND owner, LPCWSTR text, LPCWSTR caption, UINT type, WORD lang)
{
    write_stderr(caption ? caption : L"Error");
    write_stderr(L": ");
    write_stderr(text);
    write_stderr(L"\n");
    /* the answer a user would most likely give; IDOK exists for every style */
    switch (type & MB_TYPEMASK)
    {
    case MB_YESNO: case MB_YESNOCANCEL: return IDYES;
    case MB_RETRYCANCEL: return IDRETRY;
    case MB_ABORTRETRYIGNORE: return IDIGNORE;
    case MB_CANCELTRYCONTINUE: return IDCONTINUE;
    default: return IDOK;
    }
}

int WINAPI MessageBoxW(HWND owner, LPCWSTR text, LPCWSTR caption, UINT type)
{
    return MessageBoxExW(owner, text, caption, type, LANG_NEUTRAL);
}

/* an ANSI string as a new process-heap UTF-16 one (NULL stays NULL) */
static WCHAR *to_wide(LPCSTR str)
{
    UNICODE_STRING us;
    return str && RtlCreateUnicodeStringFromAsciiz(&us, str) ? us.Buffer : NULL;
}

int WINAPI MessageBoxExA(HWND owner, LPCSTR text, LPCSTR caption, UINT type, WORD lang)
{
    WCHAR *wtext = to_wide(text), *wcaption = to_wide(caption);
    int ret = MessageBoxExW(owner, wtext, wcaption, type, lang);

    HeapFree(GetProcessHeap(), 0, wtext);
    HeapFree(GetProcessHeap(), 0, wcaption);
    return ret;
}

int WINAPI MessageBoxA(HWND owner, LPCSTR text, LPCSTR caption, UINT type)
{
    return MessageBoxExA(owner, text, caption, type, LANG_NEUTRAL);
}

/* a 1024x768 screen, one monitor, a mouse with three buttons; 0 for the rest */
int WINAPI GetSystemMetrics(int index)
{
    switch (index)
    {
    case SM_CXSCREEN: case SM_CXVIRTUALSCREEN: case SM_CXFULLSCREEN: case SM_CXMAXIMIZED: return 1024;
    case SM_CYSCREEN: case SM_CYVIRTUALSCREEN: case SM_CYMAXIMIZED: return 768;
    case SM_CYFULLSCREEN: return 768 - 23;
    case SM_CMONITORS: case SM_MOUSEPRESENT: case SM_SAMEDISPLAYFORMAT: return 1;
    case SM_CMOUSEBUTTONS: return 3;
    case SM_CXICON: case SM_CYICON: case SM_CXCURSOR: case SM_CYCURSOR: return 32;
    case SM_CXSMICON: case SM_CYSMICON: return 16;
    case SM_CXBORDER: case SM_CYBORDER: return 1;
    case SM_CXDOUBLECLK: case SM_CYDOUBLECLK: return 4;
    case SM_CXDRAG: case SM_CYDRAG: return 4;
    case SM_CYCAPTION: return 23;
    case SM_CXVSCROLL: case SM_CYHSCROLL: return 17;
    default: return 0;   /* SM_REMOTESESSION, SM_CLEANBOOT, SM_SWAPBUTTON, unknown indices */
    }
}

HWND WINAPI GetDesktopWindow(void) { return DESKTOP_WINDOW; }
HWND WINAPI GetForegroundWindow(void) { return NULL; }
HWND WINAPI GetActiveWindow(void) { return NULL; }

/* US English for every thread */
HKL WINAPI GetKeyboardLayout(DWORD thread) { return (HKL)(ULONG_PTR)0x04090409; }

/* no key is down or toggled: there is no keyboard input outside the console */
SHORT WINAPI GetKeyState(int key) { return 0; }

BOOL WINAPI GetKeyboardState(BYTE *state)
{
    if (!state) { SetLastError(ERROR_NOACCESS); return FALSE; }
    memset(state, 0, 256);
    return TRUE;
}
