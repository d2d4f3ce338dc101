/*
 * Private declarations shared by the PE sources of user32.dll.
 */
#ifndef WLX_USER32_PRIVATE_H
#define WLX_USER32_PRIVATE_H

#define _USER32_            /* we define winuser.h's functions: not dllimport */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <string.h>

/* the desktop's handle: a constant, as on Windows the desktop never changes */
#define DESKTOP_WINDOW ((HWND)(ULONG_PTR)0x10010)

#endif
