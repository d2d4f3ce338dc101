/*
 * Private declarations shared by the PE sources of shlwapi.dll.
 */
#ifndef WLX_SHLWAPI_PRIVATE_H
#define WLX_SHLWAPI_PRIVATE_H

#define _SHLWAPI_           /* we define shlwapi.h's functions: not dllimport */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
/* mingw-w64 declares these void; Windows' return a BOOL (documented) */
#define PathQuoteSpacesA sdk_PathQuoteSpacesA
#define PathQuoteSpacesW sdk_PathQuoteSpacesW
#define PathUnquoteSpacesA sdk_PathUnquoteSpacesA
#define PathUnquoteSpacesW sdk_PathUnquoteSpacesW
#include <shlwapi.h>
#undef PathQuoteSpacesA
#undef PathQuoteSpacesW
#undef PathUnquoteSpacesA
#undef PathUnquoteSpacesW
#include <string.h>

#endif
