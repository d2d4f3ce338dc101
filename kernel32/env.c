/*
 * kernel32/env.c — the command line and the environment of the process.
 * The environment lives in ntdll (RtlQueryEnvironmentVariable and friends);
 * these are the Win32 size rules and the ANSI conversions around it.
 *
 * Sections: command line · variables · expansion · the block · A functions.
 */
#include "private.h"

#ifndef STATUS_VARIABLE_NOT_FOUND
#define STATUS_VARIABLE_NOT_FOUND ((NTSTATUS)0xC0000100)
#endif

/* --- command line --------------------------------------------------------------- */

LPWSTR WINAPI GetCommandLineW(void)
{
    return ((UNICODE_STRING *)(k32_params() + PP_COMMAND_LINE))->Buffer;
}

/* converted once: programs compare the pointer between calls */
LPSTR WINAPI GetCommandLineA(void)
{
    static char *cmdline;
    if (!cmdline)
    {
        const WCHAR *w = GetCommandLineW();
        int len = WideCharToMultiByte(CP_ACP, 0, w, -1, NULL, 0, NULL, NULL);
        char *a = RtlAllocateHeap(PROCESS_HEAP(), 0, len ? len : 1);
        if (!a) return (char *)"";
        if (!len) a[0] = 0;
        else WideCharToMultiByte(CP_ACP, 0, w, -1, a, len, NULL, NULL);
        if (InterlockedCompareExchangePointer((void **)&cmdline, a, NULL)) RtlFreeHeap(PROCESS_HEAP(), 0, a);
    }
    return cmdline;
}

/* --- variables --------------------------------------------------------------------- */

/* the length, or the size needed with the NUL; 0 and ERROR_ENVVAR_NOT_FOUND when unset */
DWORD WINAPI GetEnvironmentVariableW(LPCWSTR name, LPWSTR buf, DWORD size)
{
    SIZE_T len = 0;
    NTSTATUS status;
    if (!name || !*name) { SetLastError(ERROR_ENVVAR_NOT_FOUND); return 0; }
    status = RtlQueryEnvironmentVariable(NULL, name, wcslen(name), buf, buf ? size : 0, &len);
    if (status && status != STATUS_BUFFER_TOO_SMALL)
    {
        set_ntstatus(status);
        return 0;
    }
    return len;
}

BOOL WINAPI SetEnvironmentVariableW(LPCWSTR name, LPCWSTR value)
{
    UNICODE_STRING n, v;
    if (!name) { SetLastError(ERROR_ENVVAR_NOT_FOUND); return FALSE; }
    RtlInitUnicodeString(&n, name);
    if (value) RtlInitUnicodeString(&v, value);
    return set_ntstatus(RtlSetEnvironmentVariable(NULL, &n, value ? &v : NULL));
}

/* --- expansion -------------------------------------------------------------------------- */

/* the size with the NUL, whether it fitted or not */
DWORD WINAPI ExpandEnvironmentStringsW(LPCWSTR src, LPWSTR dst, DWORD size)
{
    SIZE_T needed = 0;
    NTSTATUS status;
    if (!src) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    status = RtlExpandEnvironmentStrings(NULL, src, wcslen(src), dst, dst ? size : 0, &needed);
    if (status && status != STATUS_BUFFER_TOO_SMALL) { set_ntstatus(status); return 0; }
    return needed;
}

/* --- the block ------------------------------------------------------------------------------ */

static SIZE_T block_chars(const WCHAR *env)
{
    const WCHAR *p = env;
    if (!*p) return 2;
    while (*p) p += wcslen(p) + 1;
    return p - env + 1;
}

/* a copy: later changes do not show in it (tests/kernel32/env.c); taken
   through ntdll, which reads the block under its lock */
LPWCH WINAPI GetEnvironmentStringsW(void)
{
    WCHAR *env, *copy = NULL;
    SIZE_T len;
    if (!set_ntstatus(RtlCreateEnvironment(TRUE, &env))) return NULL;
    len = block_chars(env);
    if ((copy = RtlAllocateHeap(PROCESS_HEAP(), 0, len * sizeof(WCHAR)))) memcpy(copy, env, len * sizeof(WCHAR));
    else SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    RtlDestroyEnvironment(env);
    return copy;
}

BOOL WINAPI FreeEnvironmentStringsW(LPWCH block)
{
    return RtlFreeHeap(PROCESS_HEAP(), 0, block);
}

/* the SDK names this GetEnvironmentStrings; the spec exports it under both names */
LPCH WINAPI GetEnvironmentStringsA(void)
{
    WCHAR *w = GetEnvironmentStringsW();
    SIZE_T wlen;
    int len;
    char *a;
    if (!w) return NULL;
    wlen = block_chars(w);
    len = WideCharToMultiByte(CP_ACP, 0, w, wlen, NULL, 0, NULL, NULL);
    if ((a = RtlAllocateHeap(PROCESS_HEAP(), 0, len))) WideCharToMultiByte(CP_ACP, 0, w, wlen, a, len, NULL, NULL);
    else SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    FreeEnvironmentStringsW(w);
    return a;
}

BOOL WINAPI FreeEnvironmentStringsA(LPCH block)
{
    return RtlFreeHeap(PROCESS_HEAP(), 0, block);
}

/* a whole new environment: every entry must be "name=value" */
BOOL WINAPI SetEnvironmentStringsW(LPWCH block)
{
    WCHAR *env;
    NTSTATUS status;
    if (!block) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    for (const WCHAR *p = block; *p; p += wcslen(p) + 1)
        if (!wcschr(p + 1, '=')) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if ((status = RtlCreateEnvironment(FALSE, &env))) return set_ntstatus(status);
    for (const WCHAR *p = block; *p && !status; p += wcslen(p) + 1)
    {
        const WCHAR *eq = wcschr(p + 1, '=');
        UNICODE_STRING n = { (eq - p) * sizeof(WCHAR), (eq - p) * sizeof(WCHAR), (WCHAR *)p }, v;
        RtlInitUnicodeString(&v, eq + 1);
        status = RtlSetEnvironmentVariable(&env, &n, &v);
    }
    if (status) { RtlDestroyEnvironment(env); return set_ntstatus(status); }
    return set_ntstatus(RtlSetCurrentEnvironment(env, NULL));
}

/* --- A functions ----------------------------------------------------------------------------- */

static void free_w(WCHAR *w)
{
    RtlFreeHeap(PROCESS_HEAP(), 0, w);
}

DWORD WINAPI GetEnvironmentVariableA(LPCSTR name, LPSTR buf, DWORD size)
{
    WCHAR *wname = name ? k32_strdup_AtoW(name) : NULL, small[256], *value = small;
    DWORD len, ret = 0;
    if (!wname) { SetLastError(name ? ERROR_NOT_ENOUGH_MEMORY : ERROR_ENVVAR_NOT_FOUND); return 0; }
    len = GetEnvironmentVariableW(wname, value, ARRAYSIZE(small));
    if (len > ARRAYSIZE(small) && (value = RtlAllocateHeap(PROCESS_HEAP(), 0, len * sizeof(WCHAR))))
        len = GetEnvironmentVariableW(wname, value, len);
    if (!value) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    else if (len)
    {
        /* the size rules hold in ANSI characters */
        DWORD alen = WideCharToMultiByte(CP_ACP, 0, value, len + 1, NULL, 0, NULL, NULL);
        if (alen > size) ret = alen;
        else ret = WideCharToMultiByte(CP_ACP, 0, value, len + 1, buf, size, NULL, NULL) - 1;
    }
    else if (GetLastError() != ERROR_ENVVAR_NOT_FOUND && buf && size) buf[0] = 0;
    if (value != small) free_w(value);
    free_w(wname);
    return ret;
}

BOOL WINAPI SetEnvironmentVariableA(LPCSTR name, LPCSTR value)
{
    WCHAR *wname = name ? k32_strdup_AtoW(name) : NULL, *wvalue = value ? k32_strdup_AtoW(value) : NULL;
    BOOL ret = FALSE;
    if (!name) SetLastError(ERROR_ENVVAR_NOT_FOUND);
    else if (!wname || (value && !wvalue)) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    else ret = SetEnvironmentVariableW(wname, wvalue);
    free_w(wname);
    free_w(wvalue);
    return ret;
}

DWORD WINAPI ExpandEnvironmentStringsA(LPCSTR src, LPSTR dst, DWORD size)
{
    WCHAR *wsrc = src ? k32_strdup_AtoW(src) : NULL, *wdst;
    DWORD len, ret = 0;
    if (!wsrc) { SetLastError(src ? ERROR_NOT_ENOUGH_MEMORY : ERROR_INVALID_PARAMETER); return 0; }
    len = ExpandEnvironmentStringsW(wsrc, NULL, 0);
    if (len && (wdst = RtlAllocateHeap(PROCESS_HEAP(), 0, len * sizeof(WCHAR))))
    {
        ExpandEnvironmentStringsW(wsrc, wdst, len);
        ret = WideCharToMultiByte(CP_ACP, 0, wdst, -1, NULL, 0, NULL, NULL);
        if (dst && ret <= size) WideCharToMultiByte(CP_ACP, 0, wdst, -1, dst, size, NULL, NULL);
        free_w(wdst);
    }
    free_w(wsrc);
    return ret;
}

/* the block converted whole ("a=1\0b=2\0\0"), then as SetEnvironmentStringsW */
BOOL WINAPI SetEnvironmentStringsA(LPCH block)
{
    const char *p = block;
    WCHAR *w;
    BOOL ret;
    int n;

    if (!block) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    while (*p) p += strlen(p) + 1;
    n = MultiByteToWideChar(CP_ACP, 0, block, p - block + 1, NULL, 0);
    if (!(w = RtlAllocateHeap(PROCESS_HEAP(), 0, n * sizeof(WCHAR)))) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    MultiByteToWideChar(CP_ACP, 0, block, p - block + 1, w, n);
    ret = SetEnvironmentStringsW(w);
    free_w(w);
    return ret;
}
