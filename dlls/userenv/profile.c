/*
 * userenv: the profile folders of the prefix (C:\users\<name>, C:\users,
 * C:\ProgramData; loader/prefix.c creates them) and environment blocks.
 * There is one user, so every token names the same profile; the variables
 * come from the environment wlx builds for every process.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <userenv.h>

/* copies `path` into buf[*size] (characters); *size gets the size needed */
static BOOL give_path(const WCHAR *path, LPWSTR buf, LPDWORD size)
{
    DWORD needed = lstrlenW(path) + 1;

    if (!size) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!buf || *size < needed)
    {
        *size = needed;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    lstrcpyW(buf, path);
    *size = needed;
    return TRUE;
}

/* the A form of a path-returning function: sizes in bytes of the ANSI path */
static BOOL give_path_a(const WCHAR *path, LPSTR buf, LPDWORD size)
{
    DWORD needed = WideCharToMultiByte(CP_ACP, 0, path, -1, NULL, 0, NULL, NULL);

    if (!size) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!buf || *size < needed)
    {
        *size = needed;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    WideCharToMultiByte(CP_ACP, 0, path, -1, buf, *size, NULL, NULL);
    *size = needed;
    return TRUE;
}

/* a variable's value, else `fallback` */
static void env_or(const WCHAR *name, const WCHAR *fallback, WCHAR *buf)
{
    DWORD len = GetEnvironmentVariableW(name, buf, MAX_PATH);
    if (!len || len >= MAX_PATH) lstrcpyW(buf, fallback);
}

static void profile_dir(WCHAR *buf) { env_or(L"USERPROFILE", L"C:\\users\\user", buf); }
static void all_users_dir(WCHAR *buf) { env_or(L"ALLUSERSPROFILE", L"C:\\ProgramData", buf); }

/* the folder holding the profiles: the parent of the user's */
static void profiles_dir(WCHAR *buf)
{
    WCHAR *slash;

    profile_dir(buf);
    if ((slash = wcsrchr(buf, '\\')) && slash > buf + 2) *slash = 0;
    else lstrcpyW(buf, L"C:\\users");
}

/* a folder from `get` into a W or A buffer */
static BOOL give_dir(void (*get)(WCHAR *), void *buf, LPDWORD size, BOOL ansi)
{
    WCHAR path[MAX_PATH];

    get(path);
    return ansi ? give_path_a(path, buf, size) : give_path(path, buf, size);
}

/* every token names the one user's profile, but there must be one */
static BOOL user_profile(HANDLE token, void *buf, LPDWORD size, BOOL ansi)
{
    if (!token) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    return give_dir(profile_dir, buf, size, ansi);
}

BOOL WINAPI GetUserProfileDirectoryW(HANDLE token, LPWSTR buf, LPDWORD size) { return user_profile(token, buf, size, FALSE); }
BOOL WINAPI GetUserProfileDirectoryA(HANDLE token, LPSTR buf, LPDWORD size) { return user_profile(token, buf, size, TRUE); }
BOOL WINAPI GetProfilesDirectoryW(LPWSTR buf, LPDWORD size) { return give_dir(profiles_dir, buf, size, FALSE); }
BOOL WINAPI GetProfilesDirectoryA(LPSTR buf, LPDWORD size) { return give_dir(profiles_dir, buf, size, TRUE); }
BOOL WINAPI GetAllUsersProfileDirectoryW(LPWSTR buf, LPDWORD size) { return give_dir(all_users_dir, buf, size, FALSE); }
BOOL WINAPI GetAllUsersProfileDirectoryA(LPSTR buf, LPDWORD size) { return give_dir(all_users_dir, buf, size, TRUE); }

/* a copy of the process's variables (they are the system's and the user's,
 * as wlx builds them), with or without `inherit`; Unicode, ends with two NULs */
BOOL WINAPI CreateEnvironmentBlock(LPVOID *block, HANDLE token, BOOL inherit)
{
    WCHAR *env, *p, *copy;
    SIZE_T len;

    if (!block) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    *block = NULL;
    if (!(env = GetEnvironmentStringsW())) return FALSE;
    for (p = env; *p; p += lstrlenW(p) + 1) ;
    len = p - env + 1;
    if (!(copy = HeapAlloc(GetProcessHeap(), 0, len * sizeof(WCHAR))))
    {
        FreeEnvironmentStringsW(env);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    memcpy(copy, env, len * sizeof(WCHAR));
    FreeEnvironmentStringsW(env);
    *block = copy;
    return TRUE;
}

BOOL WINAPI DestroyEnvironmentBlock(LPVOID block)
{
    if (!block) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return HeapFree(GetProcessHeap(), 0, block);
}
