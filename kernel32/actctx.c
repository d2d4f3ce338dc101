/*
 * kernel32/actctx.c — activation contexts: CreateActCtx, Activate/
 * DeactivateActCtx, GetCurrentActCtx, AddRef/Release/ZombifyActCtx,
 * QueryActCtxW, QueryActCtxSettingsW, FindActCtxSection*, over ntdll's
 * Rtl*ActivationContext* (ntdll/actctx.c, which says what wlx keeps of a
 * manifest).
 */
#include "private.h"

NTSTATUS NTAPI RtlCreateActivationContext(HANDLE *, const ACTCTXW *);
void NTAPI RtlAddRefActivationContext(HANDLE);
void NTAPI RtlReleaseActivationContext(HANDLE);
NTSTATUS NTAPI RtlZombifyActivationContext(HANDLE);
NTSTATUS NTAPI RtlActivateActivationContext(ULONG, HANDLE, ULONG_PTR *);
NTSTATUS NTAPI RtlDeactivateActivationContext(ULONG, ULONG_PTR);
NTSTATUS NTAPI RtlGetActiveActivationContext(HANDLE *);
NTSTATUS NTAPI RtlQueryInformationActivationContext(ULONG, HANDLE, void *, ULONG, void *, SIZE_T, SIZE_T *);
NTSTATUS NTAPI RtlFindActivationContextSectionString(ULONG, const GUID *, ULONG, const UNICODE_STRING *, void *);
NTSTATUS NTAPI RtlFindActivationContextSectionGuid(ULONG, const GUID *, ULONG, const GUID *, void *);
NTSTATUS NTAPI RtlQueryActivationContextApplicationSettings(DWORD, HANDLE, const WCHAR *, const WCHAR *, WCHAR *,
                                                            SIZE_T, SIZE_T *);

HANDLE WINAPI CreateActCtxW(PCACTCTXW info)
{
    ACTCTXW copy;
    HMODULE mapped = NULL;
    HANDLE handle;
    NTSTATUS status;

    if (!info || info->cbSize < sizeof(*info))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    copy = *info;
    copy.cbSize = sizeof(copy);
    /* a resource of a file not loaded: the file mapped for its resources */
    if ((info->dwFlags & ACTCTX_FLAG_RESOURCE_NAME_VALID) && !(info->dwFlags & ACTCTX_FLAG_HMODULE_VALID))
    {
        if (!info->lpSource)
        {
            SetLastError(ERROR_INVALID_PARAMETER);
            return INVALID_HANDLE_VALUE;
        }
        if (!(mapped = LoadLibraryExW(info->lpSource, NULL, LOAD_LIBRARY_AS_DATAFILE))) return INVALID_HANDLE_VALUE;
        copy.dwFlags |= ACTCTX_FLAG_HMODULE_VALID;
        copy.hModule = mapped;
    }
    status = RtlCreateActivationContext(&handle, &copy);
    if (mapped) FreeLibrary(mapped);
    if (!set_ntstatus(status)) return INVALID_HANDLE_VALUE;
    return handle;
}

static WCHAR *name_AtoW(const char *name)
{
    if (!((ULONG_PTR)name >> 16)) return (WCHAR *)name;   /* MAKEINTRESOURCE */
    return k32_strdup_AtoW(name);
}

static void free_name(WCHAR *name)
{
    if ((ULONG_PTR)name >> 16) RtlFreeHeap(PROCESS_HEAP(), 0, name);
}

HANDLE WINAPI CreateActCtxA(PCACTCTXA info)
{
    ACTCTXW w;
    HANDLE handle;

    if (!info || info->cbSize < sizeof(*info))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    w.cbSize = sizeof(w);
    w.dwFlags = info->dwFlags;
    w.wProcessorArchitecture = info->wProcessorArchitecture;
    w.wLangId = info->wLangId;
    w.hModule = info->hModule;
    w.lpSource = info->lpSource ? k32_strdup_AtoW(info->lpSource) : NULL;
    w.lpAssemblyDirectory = (info->dwFlags & ACTCTX_FLAG_ASSEMBLY_DIRECTORY_VALID) && info->lpAssemblyDirectory
                            ? k32_strdup_AtoW(info->lpAssemblyDirectory) : NULL;
    w.lpResourceName = (info->dwFlags & ACTCTX_FLAG_RESOURCE_NAME_VALID) ? name_AtoW(info->lpResourceName) : NULL;
    w.lpApplicationName = (info->dwFlags & ACTCTX_FLAG_APPLICATION_NAME_VALID) && info->lpApplicationName
                          ? k32_strdup_AtoW(info->lpApplicationName) : NULL;
    handle = CreateActCtxW(&w);
    RtlFreeHeap(PROCESS_HEAP(), 0, (WCHAR *)w.lpSource);
    RtlFreeHeap(PROCESS_HEAP(), 0, (WCHAR *)w.lpAssemblyDirectory);
    free_name((WCHAR *)w.lpResourceName);
    RtlFreeHeap(PROCESS_HEAP(), 0, (WCHAR *)w.lpApplicationName);
    return handle;
}

BOOL WINAPI ActivateActCtx(HANDLE handle, ULONG_PTR *cookie)
{
    return set_ntstatus(RtlActivateActivationContext(0, handle, cookie));
}

/* a wrong cookie raises STATUS_SXS_EARLY_DEACTIVATION or
 * STATUS_SXS_INVALID_DEACTIVATION (ntdll/actctx.c) */
BOOL WINAPI DeactivateActCtx(DWORD flags, ULONG_PTR cookie)
{
    return set_ntstatus(RtlDeactivateActivationContext(flags, cookie));
}

BOOL WINAPI GetCurrentActCtx(HANDLE *handle)
{
    if (!handle)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return set_ntstatus(RtlGetActiveActivationContext(handle));
}

void WINAPI AddRefActCtx(HANDLE handle)
{
    RtlAddRefActivationContext(handle);
}

void WINAPI ReleaseActCtx(HANDLE handle)
{
    RtlReleaseActivationContext(handle);
}

BOOL WINAPI ZombifyActCtx(HANDLE handle)
{
    return set_ntstatus(RtlZombifyActivationContext(handle));
}

/* QUERY_ACTCTX_FLAG_* are the Rtl flags moved up */
BOOL WINAPI QueryActCtxW(DWORD flags, HANDLE handle, void *subinst, ULONG class, void *buffer, SIZE_T size,
                         SIZE_T *written)
{
    ULONG rtl = flags & QUERY_ACTCTX_FLAG_NO_ADDREF;

    if (flags & ~(QUERY_ACTCTX_FLAG_USE_ACTIVE_ACTCTX | QUERY_ACTCTX_FLAG_ACTCTX_IS_HMODULE |
                  QUERY_ACTCTX_FLAG_ACTCTX_IS_ADDRESS | QUERY_ACTCTX_FLAG_NO_ADDREF))
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (flags & QUERY_ACTCTX_FLAG_USE_ACTIVE_ACTCTX) rtl |= 1;
    if (flags & QUERY_ACTCTX_FLAG_ACTCTX_IS_HMODULE) rtl |= 2;
    if (flags & QUERY_ACTCTX_FLAG_ACTCTX_IS_ADDRESS) rtl |= 4;
    return set_ntstatus(RtlQueryInformationActivationContext(rtl, handle, subinst, class, buffer, size, written));
}

BOOL WINAPI QueryActCtxSettingsW(DWORD flags, HANDLE handle, const WCHAR *ns, const WCHAR *name, WCHAR *buffer,
                                 SIZE_T size, SIZE_T *written)
{
    return set_ntstatus(RtlQueryActivationContextApplicationSettings(flags, handle, ns, name, buffer, size, written));
}

BOOL WINAPI FindActCtxSectionStringW(DWORD flags, const GUID *guid, ULONG section, const WCHAR *key,
                                     PACTCTX_SECTION_KEYED_DATA data)
{
    UNICODE_STRING us;

    if (!key)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    RtlInitUnicodeString(&us, key);
    return set_ntstatus(RtlFindActivationContextSectionString(flags, guid, section, &us, data));
}

BOOL WINAPI FindActCtxSectionStringA(DWORD flags, const GUID *guid, ULONG section, const char *key,
                                     PACTCTX_SECTION_KEYED_DATA data)
{
    WCHAR *w;
    BOOL ret;

    if (!key)
    {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!(w = k32_strdup_AtoW(key))) return FALSE;
    ret = FindActCtxSectionStringW(flags, guid, section, w, data);
    RtlFreeHeap(PROCESS_HEAP(), 0, w);
    return ret;
}

BOOL WINAPI FindActCtxSectionGuid(DWORD flags, const GUID *ext, ULONG section, const GUID *guid,
                                  PACTCTX_SECTION_KEYED_DATA data)
{
    return set_ntstatus(RtlFindActivationContextSectionGuid(flags, ext, section, guid, data));
}
