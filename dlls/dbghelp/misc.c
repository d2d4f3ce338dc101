/*
 * The rest of dbghelp a console program may call: its version, the C++
 * name undecorator (msvcrt's __unDName does the work), and minidumps,
 * which cannot be written yet and fail with an error.
 */
#include "private.h"

LPAPI_VERSION WINAPI ImagehlpApiVersion(void)
{
    static API_VERSION version = { 6, 1, API_VERSION_NUMBER, 0 };
    return &version;
}

/* msvcrt's undecorator (dlls/msvcrt/undname.c), as Windows' dbghelp has one
   of its own: the flags are UnDecorateSymbolName's, in the low 16 bits */
char *__cdecl __unDName(char *buffer, const char *mangled, int buflen, void *(__cdecl *alloc)(size_t),
                        void (__cdecl *release)(void *), unsigned short flags);

static void *__cdecl und_alloc(size_t size) { return HeapAlloc(GetProcessHeap(), 0, size); }
static void __cdecl und_free(void *p) { HeapFree(GetProcessHeap(), 0, p); }

#define UNDNAME_NO_PTR64 0x20000   /* documented for IDiaSymbol::get_undecoratedNameEx */

/* the name without its " __ptr64" words: what UNDNAME_NO_PTR64 asks for,
   past the 16 bits __unDName takes */
static void strip_ptr64(char *s)
{
    static const char *const words[] = { " __ptr64", " ptr64" };
    char *w = s;

    while (*s)
    {
        int cut = 0;
        for (int i = 0; i < 2 && !cut; i++)
        {
            size_t l = strlen(words[i]);
            if (!strncmp(s, words[i], l) && (!s[l] || s[l] == ' ' || s[l] == ',' || s[l] == ')' || s[l] == '>'))
                s += l, cut = 1;
        }
        if (!cut) *w++ = *s++;
    }
    *w = 0;
}

/* the undecorated name, or the name as it is when it is not a decorated
   one; cut to fit `out`, and the length of what was written returned */
DWORD WINAPI UnDecorateSymbolName(PCSTR name, PSTR out, DWORD len, DWORD flags)
{
    char *full;
    size_t n;

    if (!name || !out || !len) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (!(full = __unDName(NULL, name, 0, und_alloc, und_free, (unsigned short)flags)))
    {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    if (flags & UNDNAME_NO_PTR64) strip_ptr64(full);
    n = strlen(full);
    if (n >= len) n = len - 1;
    memcpy(out, full, n);
    out[n] = 0;
    und_free(full);
    return (DWORD)n;
}

DWORD WINAPI UnDecorateSymbolNameW(PCWSTR name, PWSTR out, DWORD len, DWORD flags)
{
    char *in_a, *out_a;
    int n;
    DWORD ret = 0;

    if (!name || !out || !len) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    n = WideCharToMultiByte(CP_ACP, 0, name, -1, NULL, 0, NULL, NULL);
    in_a = HeapAlloc(GetProcessHeap(), 0, n);
    out_a = HeapAlloc(GetProcessHeap(), 0, len);
    if (!in_a || !out_a) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    else
    {
        WideCharToMultiByte(CP_ACP, 0, name, -1, in_a, n, NULL, NULL);
        if (UnDecorateSymbolName(in_a, out_a, len, flags))
        {
            /* names are ASCII: one wide character for each one */
            n = MultiByteToWideChar(CP_ACP, 0, out_a, -1, out, len);
            if (!n) out[len - 1] = 0;
            ret = (DWORD)lstrlenW(out);
        }
    }
    HeapFree(GetProcessHeap(), 0, in_a);
    HeapFree(GetProcessHeap(), 0, out_a);
    return ret;
}

BOOL WINAPI MiniDumpWriteDump(HANDLE process, DWORD pid, HANDLE file, MINIDUMP_TYPE type,
                              PMINIDUMP_EXCEPTION_INFORMATION exception, PMINIDUMP_USER_STREAM_INFORMATION user,
                              PMINIDUMP_CALLBACK_INFORMATION callback)
{
    /* dbghelp reports failures as an HRESULT in the last error */
    SetLastError(HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));
    return FALSE;
}
