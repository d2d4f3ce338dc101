/*
 * kernel32/module.c — modules: LoadLibrary, GetModuleHandle, GetProcAddress,
 * GetModuleFileName, FreeLibrary, on top of ntdll's loader.
 */
#include "private.h"

static void init_ustr(UNICODE_STRING *us, const WCHAR *s)
{
    size_t n = wcslen(s) * sizeof(WCHAR);
    us->Buffer = (WCHAR *)s;
    us->Length = n;
    us->MaximumLength = n + sizeof(WCHAR);
}

NTSTATUS NTAPI __wlx_map_image(const UNICODE_STRING *, ULONG, void **, SIZE_T *, ULONG *, char *, ULONG);
NTSTATUS NTAPI __wlx_unmap_image(void *);

/* LOAD_LIBRARY_AS_DATAFILE / AS_IMAGE_RESOURCE: the file mapped for its
   resources only — no imports, no DllMain, not in the module list; the
   handle carries the low bit 1 (datafile) or 2 (image resource) */
static HMODULE map_data(const WCHAR *path)
{
    UNICODE_STRING nt;
    void *base;
    SIZE_T size;
    ULONG rflags;
    if (!RtlDosPathNameToNtPathName_U(path, &nt, NULL, NULL)) return NULL;
    NTSTATUS status = __wlx_map_image(&nt, 0, &base, &size, &rflags, NULL, 0);
    RtlFreeHeap(PROCESS_HEAP(), 0, nt.Buffer);
    return status >= 0 ? base : NULL;
}

static HMODULE load_as_data(LPCWSTR name, DWORD flags)
{
    WCHAR path[MAX_PATH];
    HMODULE base = NULL;
    if (wcschr(name, '\\') || wcschr(name, '/')) base = map_data(name);
    if (!base && GetModuleFileNameW(NULL, path, MAX_PATH))
    {
        WCHAR *slash = wcsrchr(path, '\\');
        if (slash && (size_t)(slash + 1 - path) + wcslen(name) < MAX_PATH) { wcscpy(slash + 1, name); base = map_data(path); }
    }
    if (!base && GetSystemDirectoryW(path, MAX_PATH) && wcslen(path) + wcslen(name) + 2 < MAX_PATH)
    {
        wcscat(path, L"\\");
        wcscat(path, name);
        base = map_data(path);
    }
    if (!base) { SetLastError(ERROR_MOD_NOT_FOUND); return NULL; }
    return (HMODULE)((ULONG_PTR)base | ((flags & LOAD_LIBRARY_AS_IMAGE_RESOURCE) ? 2 : 1));
}

HMODULE WINAPI LoadLibraryExW(LPCWSTR name, HANDLE file, DWORD flags)
{
    UNICODE_STRING us;
    HMODULE module;
    (void)file;
    if (!name) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    if (flags & (LOAD_LIBRARY_AS_DATAFILE | LOAD_LIBRARY_AS_DATAFILE_EXCLUSIVE | LOAD_LIBRARY_AS_IMAGE_RESOURCE))
        return load_as_data(name, flags);
    init_ustr(&us, name);
    NTSTATUS status = LdrLoadDll(NULL, &flags, &us, &module);
    if (status == STATUS_DLL_NOT_FOUND) { SetLastError(ERROR_MOD_NOT_FOUND); return NULL; }
    if (!set_ntstatus(status)) return NULL;
    return module;
}

HMODULE WINAPI LoadLibraryW(LPCWSTR name) { return LoadLibraryExW(name, NULL, 0); }

HMODULE WINAPI LoadLibraryExA(LPCSTR name, HANDLE file, DWORD flags)
{
    WCHAR *w = k32_strdup_AtoW(name);
    if (!w && name) return NULL;
    HMODULE m = LoadLibraryExW(w, file, flags);
    RtlFreeHeap(PROCESS_HEAP(), 0, w);
    return m;
}

HMODULE WINAPI LoadLibraryA(LPCSTR name) { return LoadLibraryExA(name, NULL, 0); }

BOOL WINAPI FreeLibrary(HMODULE module)
{
    if (!module) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    if ((ULONG_PTR)module & 3) return set_ntstatus(__wlx_unmap_image((void *)((ULONG_PTR)module & ~(ULONG_PTR)3)));
    return set_ntstatus(LdrUnloadDll(module));
}

void WINAPI FreeLibraryAndExitThread(HMODULE module, DWORD code)
{
    FreeLibrary(module);
    ExitThread(code);
}

BOOL WINAPI GetModuleHandleExW(DWORD flags, LPCWSTR name, HMODULE *module)
{
    NTSTATUS status;
    if (!module) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if ((flags & GET_MODULE_HANDLE_EX_FLAG_PIN) && (flags & GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT))
    {
        *module = NULL;
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!name)
    {
        *module = *(HMODULE *)(k32_peb() + PEB_IMAGE_BASE);
        return TRUE;
    }
    if (flags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS)
    {
        LDR_ENTRY_HEAD *entry;
        status = LdrFindEntryForAddress(name, (void **)&entry);
        if (status) { *module = NULL; SetLastError(ERROR_MOD_NOT_FOUND); return FALSE; }
        *module = entry->DllBase;
        if (flags & GET_MODULE_HANDLE_EX_FLAG_PIN) LdrAddRefDll(1, *module);
        else if (!(flags & GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT)) LdrAddRefDll(0, *module);
        return TRUE;
    }
    UNICODE_STRING us;
    init_ustr(&us, name);
    ULONG ldr_flags = (flags & GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT) ? 1 : 0;
    if (flags & GET_MODULE_HANDLE_EX_FLAG_PIN) ldr_flags |= 2;
    status = LdrGetDllHandleEx(ldr_flags, NULL, NULL, &us, module);
    if (status) { *module = NULL; SetLastError(ERROR_MOD_NOT_FOUND); return FALSE; }
    return TRUE;
}

BOOL WINAPI GetModuleHandleExA(DWORD flags, LPCSTR name, HMODULE *module)
{
    if (!name || (flags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS))
        return GetModuleHandleExW(flags, (LPCWSTR)name, module);
    WCHAR *w = k32_strdup_AtoW(name);
    BOOL ret = GetModuleHandleExW(flags, w, module);
    RtlFreeHeap(PROCESS_HEAP(), 0, w);
    return ret;
}

HMODULE WINAPI GetModuleHandleW(LPCWSTR name)
{
    HMODULE m;
    return GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT, name, &m) ? m : NULL;
}

HMODULE WINAPI GetModuleHandleA(LPCSTR name)
{
    HMODULE m;
    return GetModuleHandleExA(GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT, name, &m) ? m : NULL;
}

FARPROC WINAPI GetProcAddress(HMODULE module, LPCSTR name)
{
    void *addr;
    NTSTATUS status;
    if (!module) module = *(HMODULE *)(k32_peb() + PEB_IMAGE_BASE);
    if ((ULONG_PTR)name >> 16)
    {
        ANSI_STRING as;
        as.Buffer = (char *)name;
        as.Length = strlen(name);
        as.MaximumLength = as.Length + 1;
        status = LdrGetProcedureAddress(module, &as, 0, &addr);
    }
    else status = LdrGetProcedureAddress(module, NULL, (ULONG)(ULONG_PTR)name, &addr);
    if (status == STATUS_DLL_NOT_FOUND) { SetLastError(ERROR_MOD_NOT_FOUND); return NULL; }
    if (status) { SetLastError(ERROR_PROC_NOT_FOUND); return NULL; }
    return (FARPROC)addr;
}

/* what a call through a delay import that could not be resolved does once
   the system's failure hook stood in for it: fails, saying why */
static ULONG_PTR WINAPI delay_load_failed(void)
{
    SetLastError(ERROR_PROC_NOT_FOUND);
    return 0;
}

/* the system's failure hook of ResolveDelayLoadedAPI: one stub for every
   DLL and function (Windows keeps stubs of its own for some of its DLLs) */
FARPROC WINAPI DelayLoadFailureHook(LPCSTR dll, LPCSTR proc)
{
    (void)dll; (void)proc;
    return (FARPROC)delay_load_failed;
}

DWORD WINAPI GetModuleFileNameW(HMODULE module, LPWSTR buf, DWORD size)
{
    LDR_ENTRY_HEAD *entry;
    if (!module) module = *(HMODULE *)(k32_peb() + PEB_IMAGE_BASE);
    if (LdrFindEntryForAddress(module, (void **)&entry) || entry->DllBase != module)
    {
        SetLastError(ERROR_MOD_NOT_FOUND);
        return 0;
    }
    DWORD len = entry->FullDllName.Length / sizeof(WCHAR);
    if (!size) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    if (len >= size)
    {
        /* truncated and terminated, as Vista and later do */
        memcpy(buf, entry->FullDllName.Buffer, (size - 1) * sizeof(WCHAR));
        buf[size - 1] = 0;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return size;
    }
    memcpy(buf, entry->FullDllName.Buffer, len * sizeof(WCHAR));
    buf[len] = 0;
    SetLastError(ERROR_SUCCESS);
    return len;
}

DWORD WINAPI GetModuleFileNameA(HMODULE module, LPSTR buf, DWORD size)
{
    WCHAR w[MAX_PATH * 4];
    DWORD len = GetModuleFileNameW(module, w, MAX_PATH * 4);
    if (!len) return 0;
    if (!size) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    int n = WideCharToMultiByte(CP_ACP, 0, w, len, buf, size, NULL, NULL);
    if (!n && len) n = WideCharToMultiByte(CP_ACP, 0, w, size - 1, buf, size, NULL, NULL);
    if ((DWORD)n >= size)
    {
        buf[size - 1] = 0;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return size;
    }
    buf[n] = 0;
    SetLastError(ERROR_SUCCESS);
    return n;
}

BOOL WINAPI DisableThreadLibraryCalls(HMODULE module)
{
    return set_ntstatus(LdrDisableThreadCalloutsForDll(module));
}

WCHAR *k32_strdup_AtoW(const char *s)
{
    if (!s) return NULL;
    int n = MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0);
    WCHAR *w = RtlAllocateHeap(PROCESS_HEAP(), 0, n * sizeof(WCHAR));
    if (!w) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    MultiByteToWideChar(CP_ACP, 0, s, -1, w, n);
    return w;
}
