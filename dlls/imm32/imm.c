/*
 * imm32.dll: the input method manager. wlx has no windows and no input
 * methods, so no window has an input context: the functions console and
 * media programs import answer as Windows does for a window without one
 * (NULL context, no composition, no candidates) and never fail badly.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <imm.h>

HIMC WINAPI ImmGetContext(HWND hwnd) { (void)hwnd; return NULL; }

BOOL WINAPI ImmReleaseContext(HWND hwnd, HIMC himc) { (void)hwnd; (void)himc; return TRUE; }

/* the previous context of the window: there was none */
HIMC WINAPI ImmAssociateContext(HWND hwnd, HIMC himc) { (void)hwnd; (void)himc; return NULL; }

BOOL WINAPI ImmAssociateContextEx(HWND hwnd, HIMC himc, DWORD flags)
{
    (void)hwnd; (void)himc; (void)flags;
    return TRUE;
}

/* no context: IMM_ERROR_GENERAL, as for an invalid one */
LONG WINAPI ImmGetCompositionStringW(HIMC himc, DWORD index, void *buf, DWORD len)
{
    (void)himc; (void)index; (void)buf; (void)len;
    return IMM_ERROR_GENERAL;
}

LONG WINAPI ImmGetCompositionStringA(HIMC himc, DWORD index, void *buf, DWORD len)
{
    return ImmGetCompositionStringW(himc, index, buf, len);
}

BOOL WINAPI ImmSetCompositionStringW(HIMC himc, DWORD index, void *comp, DWORD comp_len, void *read,
                                     DWORD read_len)
{
    (void)himc; (void)index; (void)comp; (void)comp_len; (void)read; (void)read_len;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

BOOL WINAPI ImmSetCompositionWindow(HIMC himc, COMPOSITIONFORM *form)
{
    (void)himc; (void)form;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

DWORD WINAPI ImmGetCandidateListW(HIMC himc, DWORD index, CANDIDATELIST *list, DWORD len)
{
    (void)himc; (void)index; (void)list; (void)len;
    return 0;
}

DWORD WINAPI ImmGetCandidateListA(HIMC himc, DWORD index, CANDIDATELIST *list, DWORD len)
{
    return ImmGetCandidateListW(himc, index, list, len);
}

/* no keyboard layout is an IME */
UINT WINAPI ImmGetIMEFileNameA(HKL hkl, LPSTR buf, UINT len)
{
    (void)hkl;
    if (buf && len) buf[0] = 0;
    return 0;
}

UINT WINAPI ImmGetIMEFileNameW(HKL hkl, LPWSTR buf, UINT len)
{
    (void)hkl;
    if (buf && len) buf[0] = 0;
    return 0;
}

BOOL WINAPI ImmIsIME(HKL hkl) { (void)hkl; return FALSE; }

BOOL WINAPI ImmNotifyIME(HIMC himc, DWORD action, DWORD index, DWORD value)
{
    (void)himc; (void)action; (void)index; (void)value;
    return FALSE;
}

BOOL WINAPI ImmDisableIME(DWORD thread) { (void)thread; return TRUE; }

HWND WINAPI ImmGetDefaultIMEWnd(HWND hwnd) { (void)hwnd; return NULL; }

BOOL WINAPI ImmGetOpenStatus(HIMC himc) { (void)himc; return FALSE; }

BOOL WINAPI ImmSetOpenStatus(HIMC himc, BOOL open) { (void)himc; (void)open; return FALSE; }
