/*
 * Private declarations shared by the PE sources of dbghelp.dll.
 */
#ifndef WLX_DBGHELP_PRIVATE_H
#define WLX_DBGHELP_PRIVATE_H

#define _IMAGEHLP64
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <dbghelp.h>
#include <psapi.h>
#include <string.h>

PRUNTIME_FUNCTION NTAPI RtlLookupFunctionEntry(DWORD64 pc, DWORD64 *base, PUNWIND_HISTORY_TABLE history);

/* sym.c: TRUE when SymInitialize was called for `process` */
BOOL dbghelp_is_initialized(HANDLE process);

#endif
