/*
 * combase's task allocator: CoTaskMemAlloc/Realloc/Free. Memory one DLL
 * returns and another frees (SHGetKnownFolderPath's path, StringFromCLSID's
 * string) comes from here. It uses the process heap, so a program that
 * mixes it up with HeapFree(GetProcessHeap()) still works.
 */
#include <windows.h>

LPVOID WINAPI CoTaskMemAlloc(SIZE_T size)
{
    return HeapAlloc(GetProcessHeap(), 0, size);
}

/* a NULL pointer: an allocation; size 0 with a pointer: a free, NULL returned */
LPVOID WINAPI CoTaskMemRealloc(LPVOID ptr, SIZE_T size)
{
    if (!ptr) return CoTaskMemAlloc(size);
    if (!size) { HeapFree(GetProcessHeap(), 0, ptr); return NULL; }
    return HeapReAlloc(GetProcessHeap(), 0, ptr, size);
}

void WINAPI CoTaskMemFree(LPVOID ptr)
{
    if (ptr) HeapFree(GetProcessHeap(), 0, ptr);
}
