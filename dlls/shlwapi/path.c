/*
 * shlwapi's path functions: the string work is pathtmpl.h, built here for
 * WCHAR (the W functions) and char (the A ones); below it the two that ask
 * the file system.
 */
#include "private.h"

#define T WCHAR
#define FN(x) x##W
#include "pathtmpl.h"
#undef T
#undef FN

#define T char
#define FN(x) x##A
#include "pathtmpl.h"
#undef T
#undef FN

/* the attributes of `path`, INVALID_FILE_ATTRIBUTES for none; no error box for an empty drive */
static DWORD quiet_attributes(const WCHAR *path)
{
    UINT mode = SetErrorMode(SEM_FAILCRITICALERRORS);
    DWORD attrs = GetFileAttributesW(path);

    SetErrorMode(mode);
    return attrs;
}

/* `path` in UTF-16 (in `buf`, MAX_PATH characters), NULL when it does not fit */
static const WCHAR *to_wide(const char *path, WCHAR *buf)
{
    return MultiByteToWideChar(CP_ACP, 0, path, -1, buf, MAX_PATH) ? buf : NULL;
}

BOOL WINAPI PathFileExistsW(LPCWSTR path)
{
    return path && quiet_attributes(path) != INVALID_FILE_ATTRIBUTES;
}

BOOL WINAPI PathFileExistsA(LPCSTR path)
{
    WCHAR buf[MAX_PATH];
    return path && PathFileExistsW(to_wide(path, buf));
}

/* FILE_ATTRIBUTE_DIRECTORY (not TRUE) for a folder, else 0 */
BOOL WINAPI PathIsDirectoryW(LPCWSTR path)
{
    DWORD attrs;

    if (!path) return FALSE;
    attrs = quiet_attributes(path);
    return attrs == INVALID_FILE_ATTRIBUTES ? FALSE : attrs & FILE_ATTRIBUTE_DIRECTORY;
}

BOOL WINAPI PathIsDirectoryA(LPCSTR path)
{
    WCHAR buf[MAX_PATH];
    return path && to_wide(path, buf) ? PathIsDirectoryW(buf) : FALSE;
}
