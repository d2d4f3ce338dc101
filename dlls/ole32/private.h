/*
 * Private declarations shared by the PE sources of ole32.dll.
 */
#ifndef WLX_OLE32_PRIVATE_H
#define WLX_OLE32_PRIVATE_H

#define _OLE32_             /* we define objbase.h's functions: not dllimport */
#define COBJMACROS
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <objbase.h>
#include <string.h>

/* com.c: TRUE when the calling thread has entered an apartment */
BOOL ole32_thread_initialized(void);

#endif
