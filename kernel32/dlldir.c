/*
 * kernel32/dlldir.c — the DLL search settings a program may change:
 * SetDefaultDllDirectories, AddDllDirectory/RemoveDllDirectory and
 * SetDllDirectory/GetDllDirectory. They are recorded and checked as Windows
 * checks them; ntdll's loader keeps its own search order (the program's
 * folder, the builtins, PATH) for now.
 */
#include "private.h"

#define SEARCH_FLAGS (LOAD_LIBRARY_SEARCH_APPLICATION_DIR | LOAD_LIBRARY_SEARCH_USER_DIRS | \
                      LOAD_LIBRARY_SEARCH_SYSTEM32 | LOAD_LIBRARY_SEARCH_DEFAULT_DIRS)

static DWORD default_dirs_flags;        /* 0 = the classic search order */
static WCHAR *dll_directory;            /* SetDllDirectory's folder, or NULL */
static SRWLOCK dlldir_lock = SRWLOCK_INIT;

/* an absolute DOS path ("C:\x" or "\\server\share") */
static BOOL is_absolute(const WCHAR *path)
{
    if (!path) return FALSE;
    if (((path[0] | 0x20) >= 'a' && (path[0] | 0x20) <= 'z') && path[1] == ':' && (path[2] == '\\' || path[2] == '/'))
        return TRUE;
    return (path[0] == '\\' || path[0] == '/') && (path[1] == '\\' || path[1] == '/');
}

BOOL WINAPI SetDefaultDllDirectories(DWORD flags)
{
    if (!flags || (flags & ~SEARCH_FLAGS))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    default_dirs_flags = flags;
    return TRUE;
}

/* the cookie is a heap copy of the folder; RemoveDllDirectory frees it */
DLL_DIRECTORY_COOKIE WINAPI AddDllDirectory(PCWSTR dir)
{
    WCHAR *copy;

    if (!is_absolute(dir))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (!(copy = HeapAlloc(PROCESS_HEAP(), 0, (lstrlenW(dir) + 1) * sizeof(WCHAR))))
    {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    lstrcpyW(copy, dir);
    return copy;
}

BOOL WINAPI RemoveDllDirectory(DLL_DIRECTORY_COOKIE cookie)
{
    if (!cookie)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    HeapFree(PROCESS_HEAP(), 0, cookie);
    return TRUE;
}

/* NULL or "" puts the default back (Windows: "" removes the current folder too) */
BOOL WINAPI SetDllDirectoryW(LPCWSTR dir)
{
    WCHAR *copy = NULL, *old;

    if (dir && *dir)
    {
        if (!(copy = HeapAlloc(PROCESS_HEAP(), 0, (lstrlenW(dir) + 1) * sizeof(WCHAR))))
        {
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return FALSE;
        }
        lstrcpyW(copy, dir);
    }
    AcquireSRWLockExclusive(&dlldir_lock);
    old = dll_directory;
    dll_directory = copy;
    ReleaseSRWLockExclusive(&dlldir_lock);
    HeapFree(PROCESS_HEAP(), 0, old);
    return TRUE;
}

BOOL WINAPI SetDllDirectoryA(LPCSTR dir)
{
    WCHAR buf[MAX_PATH];

    if (dir && !MultiByteToWideChar(CP_ACP, 0, dir, -1, buf, MAX_PATH))
    {
        SetLastError(ERROR_FILENAME_EXCED_RANGE);
        return FALSE;
    }
    return SetDllDirectoryW(dir ? buf : NULL);
}

/* like GetCurrentDirectory: the length without NUL, or the size needed with it */
DWORD WINAPI GetDllDirectoryW(DWORD size, LPWSTR buf)
{
    DWORD len;

    AcquireSRWLockExclusive(&dlldir_lock);
    len = dll_directory ? lstrlenW(dll_directory) : 0;
    if (buf && size > len)
    {
        if (dll_directory) memcpy(buf, dll_directory, len * sizeof(WCHAR));
        buf[len] = 0;
    }
    else len++;
    ReleaseSRWLockExclusive(&dlldir_lock);
    return len;
}

/* the A form of GetDllDirectoryW's result, by the same size rules */
DWORD WINAPI GetDllDirectoryA(DWORD size, LPSTR buf)
{
    WCHAR w[MAX_PATH + 1];
    DWORD len = GetDllDirectoryW(ARRAYSIZE(w), w), alen;

    if (len >= ARRAYSIZE(w)) return 0;
    alen = WideCharToMultiByte(CP_ACP, 0, w, len + 1, NULL, 0, NULL, NULL);
    if (!buf || alen > size) return alen;
    WideCharToMultiByte(CP_ACP, 0, w, len + 1, buf, size, NULL, NULL);
    return alen - 1;
}
