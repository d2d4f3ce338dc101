/*
 * Private declarations shared by the PE sources of shell32.dll.
 */
#ifndef WLX_SHELL32_PRIVATE_H
#define WLX_SHELL32_PRIVATE_H

#define _SHELL32_                   /* we define shellapi.h's functions */
#define SHSTDAPI_(t) t WINAPI
#define SHSTDAPI HRESULT WINAPI
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <shellapi.h>
#include <shlobj.h>
#include <shlwapi.h>
#include <string.h>

/* folders.c: an ANSI string as a new heap UTF-16 one (NULL stays NULL) */
WCHAR *shell32_strdup_aw(const char *str);

#endif
