/*
 * Special folders: one table maps CSIDLs and KNOWNFOLDERIDs to the prefix's
 * folders (loader/prefix.c creates them: C:\users\<name>\AppData\..., the
 * Program Files folders, C:\ProgramData). The user's folders come from the
 * environment wlx gives every process (USERPROFILE, APPDATA, LOCALAPPDATA).
 * Also SHCreateDirectoryEx, and item-ID lists holding a path (a PIDL here is
 * one item carrying the folder's path, then the 0 terminator).
 */
#include "private.h"
#include <winternl.h>

BOOLEAN NTAPI RtlCreateUnicodeStringFromAsciiz(UNICODE_STRING *, const char *);

enum base { FROM_ENV, FROM_PROFILE, FIXED_PATH, SYSTEM_DIR, WINDOWS_DIR };

struct folder {
    int csidl;              /* -1: none */
    GUID id;                /* the KNOWNFOLDERID */
    enum base base;
    const WCHAR *value;     /* the variable (FROM_ENV), the part after the profile, or the path */
};

#define KF(a, b, c, d0, d1, d2, d3, d4, d5, d6, d7) { a, b, c, { d0, d1, d2, d3, d4, d5, d6, d7 } }
static const struct folder folders[] = {
    { CSIDL_APPDATA, KF(0x3eb685db, 0x65f9, 0x4cf6, 0xa0, 0x3a, 0xe3, 0xef, 0x65, 0x72, 0x9f, 0x3d), FROM_ENV, L"APPDATA" },
    { CSIDL_LOCAL_APPDATA, KF(0xf1b32785, 0x6fba, 0x4fcf, 0x9d, 0x55, 0x7b, 0x8e, 0x7f, 0x15, 0x70, 0x91), FROM_ENV, L"LOCALAPPDATA" },
    { -1, KF(0xa520a1a4, 0x1780, 0x4ff6, 0xbd, 0x18, 0x16, 0x73, 0x43, 0xc5, 0xaf, 0x16), FROM_PROFILE, L"\\AppData\\LocalLow" },
    { CSIDL_PROFILE, KF(0x5e6c858f, 0x0e22, 0x4760, 0x9a, 0xfe, 0xea, 0x33, 0x17, 0xb6, 0x71, 0x73), FROM_PROFILE, L"" },
    { CSIDL_PERSONAL, KF(0xfdd39ad0, 0x238f, 0x46af, 0xad, 0xb4, 0x6c, 0x85, 0x48, 0x03, 0x69, 0xc7), FROM_PROFILE, L"\\Documents" },
    { CSIDL_DESKTOPDIRECTORY, KF(0xb4bfcc3a, 0xdb2c, 0x424c, 0xb0, 0x29, 0x7f, 0xe9, 0x9a, 0x87, 0xc6, 0x41), FROM_PROFILE, L"\\Desktop" },
    { CSIDL_DESKTOP, KF(0xb4bfcc3a, 0xdb2c, 0x424c, 0xb0, 0x29, 0x7f, 0xe9, 0x9a, 0x87, 0xc6, 0x41), FROM_PROFILE, L"\\Desktop" },
    { -1, KF(0x374de290, 0x123f, 0x4565, 0x91, 0x64, 0x39, 0xc4, 0x92, 0x5e, 0x46, 0x7b), FROM_PROFILE, L"\\Downloads" },
    { CSIDL_PROGRAM_FILES, KF(0x905e63b6, 0xc1bf, 0x494e, 0xb2, 0x9c, 0x65, 0xb7, 0x32, 0xd3, 0xd2, 0x1a), FIXED_PATH, L"C:\\Program Files" },
    { CSIDL_PROGRAM_FILESX86, KF(0x7c5a40ef, 0xa0fb, 0x4bfc, 0x87, 0x4a, 0xc0, 0xf2, 0xe0, 0xb9, 0xfa, 0x8e), FIXED_PATH, L"C:\\Program Files (x86)" },
    { CSIDL_PROGRAM_FILES_COMMON, KF(0xf7f1ed05, 0x9f6d, 0x47a2, 0xaa, 0xae, 0x29, 0xd3, 0x17, 0xc6, 0xf0, 0x66), FIXED_PATH, L"C:\\Program Files\\Common Files" },
    { CSIDL_COMMON_APPDATA, KF(0x62ab5d82, 0xfdc1, 0x4dc3, 0xa9, 0xdd, 0x07, 0x0d, 0x1d, 0x49, 0x5d, 0x97), FIXED_PATH, L"C:\\ProgramData" },
    { -1, KF(0x0762d272, 0xc50a, 0x4bb0, 0xa3, 0x82, 0x69, 0x7d, 0xcd, 0x72, 0x9b, 0x80), FIXED_PATH, L"C:\\users" },
    { -1, KF(0xdfdf76a2, 0xc82a, 0x4d63, 0x90, 0x6a, 0x56, 0x44, 0xac, 0x45, 0x73, 0x85), FIXED_PATH, L"C:\\users\\Public" },
    { CSIDL_SYSTEM, KF(0x1ac14e77, 0x02e7, 0x4e5d, 0xb7, 0x44, 0x2e, 0xb1, 0xae, 0x51, 0x98, 0xb7), SYSTEM_DIR, NULL },
    { CSIDL_WINDOWS, KF(0xf38bf404, 0x1d43, 0x42f2, 0x93, 0x05, 0x67, 0xde, 0x0b, 0x28, 0xfc, 0x23), WINDOWS_DIR, NULL },
};

static const struct folder *find_csidl(int csidl)
{
    for (size_t i = 0; i < ARRAYSIZE(folders); i++) if (folders[i].csidl == csidl) return &folders[i];
    return NULL;
}

static const struct folder *find_id(const GUID *id)
{
    for (size_t i = 0; i < ARRAYSIZE(folders); i++) if (!memcmp(&folders[i].id, id, sizeof(GUID))) return &folders[i];
    return NULL;
}

/* the user's profile folder: USERPROFILE, else C:\users\<USERNAME> */
static BOOL profile_dir(WCHAR *buf)
{
    DWORD len = GetEnvironmentVariableW(L"USERPROFILE", buf, MAX_PATH);
    WCHAR name[128];

    if (len && len < MAX_PATH) return TRUE;
    len = GetEnvironmentVariableW(L"USERNAME", name, ARRAYSIZE(name));
    if (!len || len >= ARRAYSIZE(name)) lstrcpyW(name, L"user");
    lstrcpyW(buf, L"C:\\users\\");
    lstrcatW(buf, name);
    return TRUE;
}

/* the folder's path into buf[MAX_PATH] */
static HRESULT folder_path(const struct folder *f, WCHAR *buf)
{
    DWORD len;

    switch (f->base)
    {
    case FROM_ENV:
        len = GetEnvironmentVariableW(f->value, buf, MAX_PATH);
        if (len && len < MAX_PATH) return S_OK;
        /* unset: %USERPROFILE%\AppData\Roaming or \Local */
        profile_dir(buf);
        lstrcatW(buf, f->csidl == CSIDL_APPDATA ? L"\\AppData\\Roaming" : L"\\AppData\\Local");
        return S_OK;
    case FROM_PROFILE:
        profile_dir(buf);
        if (lstrlenW(buf) + lstrlenW(f->value) >= MAX_PATH) return HRESULT_FROM_WIN32(ERROR_FILENAME_EXCED_RANGE);
        lstrcatW(buf, f->value);
        return S_OK;
    case FIXED_PATH:
        lstrcpyW(buf, f->value);
        return S_OK;
    case SYSTEM_DIR:
        return GetSystemDirectoryW(buf, MAX_PATH) ? S_OK : E_FAIL;
    case WINDOWS_DIR:
        return GetWindowsDirectoryW(buf, MAX_PATH) ? S_OK : E_FAIL;
    }
    return E_FAIL;
}

/* the path, the folder created when asked; a missing folder is an error */
static HRESULT resolve(const struct folder *f, BOOL create, WCHAR *buf)
{
    HRESULT hr;
    DWORD err;

    if (FAILED(hr = folder_path(f, buf))) return hr;
    if (GetFileAttributesW(buf) != INVALID_FILE_ATTRIBUTES) return S_OK;
    if (!create) return HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND);
    err = SHCreateDirectoryExW(NULL, buf, NULL);
    return err == ERROR_SUCCESS || err == ERROR_ALREADY_EXISTS ? S_OK : HRESULT_FROM_WIN32(err);
}

HRESULT WINAPI SHGetFolderPathW(HWND owner, int csidl, HANDLE token, DWORD flags, LPWSTR path)
{
    const struct folder *f;
    HRESULT hr;

    if (!path) return E_INVALIDARG;
    *path = 0;
    if (!(f = find_csidl(csidl & ~CSIDL_FLAG_MASK))) return E_INVALIDARG;
    if (csidl & CSIDL_FLAG_DONT_VERIFY) return folder_path(f, path);
    if (FAILED(hr = resolve(f, (csidl & CSIDL_FLAG_CREATE) != 0, path))) *path = 0;
    return hr;
}

HRESULT WINAPI SHGetFolderPathA(HWND owner, int csidl, HANDLE token, DWORD flags, LPSTR path)
{
    WCHAR wide[MAX_PATH];
    HRESULT hr;

    if (!path) return E_INVALIDARG;
    *path = 0;
    if (SUCCEEDED(hr = SHGetFolderPathW(owner, csidl, token, flags, wide)))
        WideCharToMultiByte(CP_ACP, 0, wide, -1, path, MAX_PATH, NULL, NULL);
    return hr;
}

BOOL WINAPI SHGetSpecialFolderPathW(HWND owner, LPWSTR path, int csidl, BOOL create)
{
    return SUCCEEDED(SHGetFolderPathW(owner, csidl | (create ? CSIDL_FLAG_CREATE : 0), NULL, 0, path));
}

BOOL WINAPI SHGetSpecialFolderPathA(HWND owner, LPSTR path, int csidl, BOOL create)
{
    return SUCCEEDED(SHGetFolderPathA(owner, csidl | (create ? CSIDL_FLAG_CREATE : 0), NULL, 0, path));
}

/* the folder's path with `sub` appended: created (with its parents) when
   CSIDL_FLAG_CREATE says so, else it must exist (ERROR_PATH_NOT_FOUND),
   unless CSIDL_FLAG_DONT_VERIFY */
HRESULT WINAPI SHGetFolderPathAndSubDirW(HWND owner, int csidl, HANDLE token, DWORD flags, LPCWSTR sub,
                                         LPWSTR path)
{
    HRESULT hr;
    DWORD err;
    int len;

    if (!path) return E_INVALIDARG;
    hr = SHGetFolderPathW(owner, csidl, token, flags, path);
    if (FAILED(hr) || !sub) return hr;
    while (*sub == '\\') sub++;   /* appended as PathAppend does */
    if (!*sub) return hr;
    len = lstrlenW(path);
    if (len + 1 + lstrlenW(sub) >= MAX_PATH) { *path = 0; return HRESULT_FROM_WIN32(ERROR_FILENAME_EXCED_RANGE); }
    if (len && path[len - 1] != '\\') path[len++] = '\\';
    lstrcpyW(path + len, sub);
    if (csidl & CSIDL_FLAG_DONT_VERIFY) return S_OK;
    if (GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES) return S_OK;
    if (!(csidl & CSIDL_FLAG_CREATE)) return HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND);
    err = SHCreateDirectoryExW(NULL, path, NULL);
    return err == ERROR_SUCCESS || err == ERROR_ALREADY_EXISTS ? S_OK : HRESULT_FROM_WIN32(err);
}

HRESULT WINAPI SHGetFolderPathAndSubDirA(HWND owner, int csidl, HANDLE token, DWORD flags, LPCSTR sub, LPSTR path)
{
    WCHAR wide[MAX_PATH], *subW = shell32_strdup_aw(sub);
    HRESULT hr;

    if (!path) hr = E_INVALIDARG;
    else if (sub && !subW) hr = E_OUTOFMEMORY;
    else
    {
        *path = 0;
        hr = SHGetFolderPathAndSubDirW(owner, csidl, token, flags, subW, wide);
        if (SUCCEEDED(hr)) WideCharToMultiByte(CP_ACP, 0, wide, -1, path, MAX_PATH, NULL, NULL);
    }
    HeapFree(GetProcessHeap(), 0, subW);
    return hr;
}

/* the path in memory from CoTaskMemAlloc; *path is NULL on failure */
HRESULT WINAPI SHGetKnownFolderPath(REFKNOWNFOLDERID id, DWORD flags, HANDLE token, PWSTR *path)
{
    const struct folder *f;
    WCHAR buf[MAX_PATH];
    HRESULT hr;

    if (!path) return E_INVALIDARG;
    *path = NULL;
    if (!id || !(f = find_id(id))) return HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND);
    if (flags & KF_FLAG_DONT_VERIFY) hr = folder_path(f, buf);
    else hr = resolve(f, (flags & KF_FLAG_CREATE) != 0, buf);
    if (FAILED(hr)) return hr;
    if (!(*path = CoTaskMemAlloc((lstrlenW(buf) + 1) * sizeof(WCHAR)))) return E_OUTOFMEMORY;
    lstrcpyW(*path, buf);
    return S_OK;
}

/* ---- item-ID lists holding a path ---- */

/* a list of one item holding path, then the terminator */
static PIDLIST_ABSOLUTE pidl_from_path(const WCHAR *path)
{
    USHORT bytes = sizeof(USHORT) + (lstrlenW(path) + 1) * sizeof(WCHAR);
    BYTE *list = CoTaskMemAlloc(bytes + sizeof(USHORT));

    if (!list) return NULL;
    memcpy(list, &bytes, sizeof(bytes));
    memcpy(list + sizeof(USHORT), path, bytes - sizeof(USHORT));
    memset(list + bytes, 0, sizeof(USHORT));
    return (PIDLIST_ABSOLUTE)list;
}

HRESULT WINAPI SHGetFolderLocation(HWND owner, int csidl, HANDLE token, DWORD reserved, PIDLIST_ABSOLUTE *pidl)
{
    WCHAR buf[MAX_PATH];
    HRESULT hr;

    if (!pidl) return E_INVALIDARG;
    *pidl = NULL;
    if (FAILED(hr = SHGetFolderPathW(owner, csidl, token, 0, buf))) return hr;
    return (*pidl = pidl_from_path(buf)) ? S_OK : E_OUTOFMEMORY;
}

/* the list of an existing file or folder (NULL for one that is not there);
   LLVM's support library imports it */
PIDLIST_ABSOLUTE WINAPI ILCreateFromPathW(const WCHAR *path)
{
    WCHAR full[MAX_PATH];
    DWORD len;

    if (!path || GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES) return NULL;
    len = GetFullPathNameW(path, MAX_PATH, full, NULL);
    if (!len || len >= MAX_PATH) return NULL;
    if (len > 3 && full[len - 1] == '\\') full[len - 1] = 0;
    return pidl_from_path(full);
}

PIDLIST_ABSOLUTE WINAPI ILCreateFromPathA(const char *path)
{
    WCHAR wide[MAX_PATH];

    if (!path || !MultiByteToWideChar(CP_ACP, 0, path, -1, wide, MAX_PATH)) return NULL;
    return ILCreateFromPathW(wide);
}

/* a shell item over a list: the shell namespace's objects are not here */
HRESULT WINAPI SHCreateItemFromIDList(PCIDLIST_ABSOLUTE pidl, REFIID iid, void **out)
{
    if (!out) return E_INVALIDARG;
    *out = NULL;
    if (!pidl || !iid) return E_INVALIDARG;
    return E_NOTIMPL;
}

BOOL WINAPI SHGetPathFromIDListW(PCIDLIST_ABSOLUTE pidl, LPWSTR path)
{
    USHORT bytes;

    if (!path) return FALSE;
    *path = 0;
    if (!pidl) return FALSE;
    memcpy(&bytes, pidl, sizeof(bytes));
    if (bytes <= sizeof(USHORT) || bytes > sizeof(USHORT) + MAX_PATH * sizeof(WCHAR)) return FALSE;
    memcpy(path, (const BYTE *)pidl + sizeof(USHORT), bytes - sizeof(USHORT));
    path[(bytes - sizeof(USHORT)) / sizeof(WCHAR) - 1] = 0;
    return TRUE;
}

BOOL WINAPI SHGetPathFromIDListA(PCIDLIST_ABSOLUTE pidl, LPSTR path)
{
    WCHAR wide[MAX_PATH];

    if (!path) return FALSE;
    *path = 0;
    if (!SHGetPathFromIDListW(pidl, wide)) return FALSE;
    return WideCharToMultiByte(CP_ACP, 0, wide, -1, path, MAX_PATH, NULL, NULL) > 0;
}

void WINAPI ILFree(PIDLIST_RELATIVE pidl)
{
    CoTaskMemFree(pidl);
}

/* ---- directories ---- */

/* creates `path` and every missing parent; a Win32 error code */
int WINAPI SHCreateDirectoryExW(HWND owner, LPCWSTR path, const SECURITY_ATTRIBUTES *sa)
{
    WCHAR buf[MAX_PATH];
    DWORD err = ERROR_SUCCESS;
    int len;

    if (!path || !((path[0] && path[1] == ':' && (path[2] == '\\' || path[2] == '/')) ||
                   (path[0] == '\\' && path[1] == '\\')))
    {
        SetLastError(ERROR_BAD_PATHNAME);
        return ERROR_BAD_PATHNAME;
    }
    if ((len = lstrlenW(path)) >= MAX_PATH)
    {
        SetLastError(ERROR_FILENAME_EXCED_RANGE);
        return ERROR_FILENAME_EXCED_RANGE;
    }
    if (CreateDirectoryW(path, (SECURITY_ATTRIBUTES *)sa)) return ERROR_SUCCESS;
    if ((err = GetLastError()) != ERROR_PATH_NOT_FOUND)
        return err == ERROR_FILE_EXISTS ? ERROR_ALREADY_EXISTS : err;

    /* create the parents, from the root down (past "C:\") */
    lstrcpyW(buf, path);
    for (int i = 3; i < len; i++)
    {
        if (buf[i] != '\\' && buf[i] != '/') continue;
        buf[i] = 0;
        if (!CreateDirectoryW(buf, NULL) && GetLastError() != ERROR_ALREADY_EXISTS &&
            GetFileAttributesW(buf) == INVALID_FILE_ATTRIBUTES)
            return GetLastError();
        buf[i] = '\\';
    }
    if (CreateDirectoryW(path, (SECURITY_ATTRIBUTES *)sa)) return ERROR_SUCCESS;
    return GetLastError();
}

/* ntdll's converter (ANSI code page) allocates from the process heap */
WCHAR *shell32_strdup_aw(const char *str)
{
    UNICODE_STRING us;
    return str && RtlCreateUnicodeStringFromAsciiz(&us, str) ? us.Buffer : NULL;
}

int WINAPI SHCreateDirectoryExA(HWND owner, LPCSTR path, const SECURITY_ATTRIBUTES *sa)
{
    WCHAR *wide = shell32_strdup_aw(path);
    int ret = SHCreateDirectoryExW(owner, wide, sa);

    HeapFree(GetProcessHeap(), 0, wide);
    return ret;
}
