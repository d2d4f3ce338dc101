/*
 * ntdll/apiset.c — API set names (api-ms-win-*, ext-ms-*) to the DLLs that
 * implement them, as Windows' API set schema maps them. Matched by
 * contract-name prefix, version suffix ignored.
 */
#include "private.h"
#include "loader.h"

static const struct { const WCHAR *prefix; const WCHAR *dll; } apisets[] = {
    { L"api-ms-win-crt-", L"ucrtbase.dll" },
    { L"api-ms-win-core-rtlsupport-", L"ntdll.dll" },
    { L"api-ms-win-core-registry-", L"advapi32.dll" },
    { L"api-ms-win-core-com-", L"ole32.dll" },
    { L"api-ms-win-core-winrt-", L"combase.dll" },
    { L"api-ms-win-security-", L"advapi32.dll" },
    { L"api-ms-win-eventing-", L"advapi32.dll" },
    { L"api-ms-win-service-", L"advapi32.dll" },
    { L"api-ms-win-downlevel-advapi32-", L"advapi32.dll" },
    { L"api-ms-win-downlevel-shlwapi-", L"shlwapi.dll" },
    { L"api-ms-win-downlevel-user32-", L"user32.dll" },
    { L"api-ms-win-downlevel-version-", L"version.dll" },
    { L"api-ms-win-downlevel-ole32-", L"ole32.dll" },
    { L"api-ms-win-shcore-", L"shcore.dll" },
    { L"api-ms-win-shell-", L"shell32.dll" },
    { L"api-ms-win-core-", L"kernel32.dll" },
    { L"api-ms-win-downlevel-kernel32-", L"kernel32.dll" },
};

int wcsicmp_ascii(const WCHAR *a, const WCHAR *b)
{
    return _wcsicmp(a, b);
}

const WCHAR *apiset_resolve(const WCHAR *name)
{
    /* kernelbase.dll, in every Windows process, is kernel32 here: its
       functions are kernel32's (GraalVM's native images look up
       VirtualAlloc2 and MapViewOfFile3 in it) */
    const WCHAR *base = wcsrchr(name, '\\');
    base = base ? base + 1 : name;
    if (!_wcsicmp(base, L"kernelbase.dll") || !_wcsicmp(base, L"kernelbase")) return L"kernel32.dll";
    if (_wcsnicmp(name, L"api-", 4) && _wcsnicmp(name, L"ext-", 4)) return NULL;
    for (size_t i = 0; i < sizeof(apisets) / sizeof(apisets[0]); i++)
        if (!_wcsnicmp(name, apisets[i].prefix, wcslen(apisets[i].prefix))) return apisets[i].dll;
    return NULL;
}
