/*
 * dlls/msvcp140_atomic_wait/private.h — what the sources of
 * msvcp140_atomic_wait.dll share. Files: wait.c (atomic waits and
 * notifications, the mutex table, 128-bit compare-exchange), pool.c (the
 * parallel algorithms' thread-pool work, hardware threads, shared mutexes
 * per object, the CRT allocation pair), tzdb.c (<chrono>'s time zone
 * database: reported unavailable).
 */
#ifndef WLX_MSVCP140_ATOMIC_WAIT_PRIVATE_H
#define WLX_MSVCP140_ATOMIC_WAIT_PRIVATE_H

#define WIN32_LEAN_AND_MEAN
#include <windows.h>

/* ucrtbase's */
void *__cdecl calloc(size_t count, size_t size);
void __cdecl free(void *ptr);

#endif
