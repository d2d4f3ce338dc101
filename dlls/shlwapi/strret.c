/*
 * dlls/shlwapi/strret.c — StrRetToStr and StrRetToBuf: the text of a shell
 * folder's STRRET, which is a wide string of the task allocator
 * (STRRET_WSTR), an ANSI string inside the structure (STRRET_CSTR) or an
 * ANSI string inside the item's PIDL (STRRET_OFFSET).
 */
#include "private.h"
#include <shtypes.h>

/* the ANSI text of a CSTR or OFFSET STRRET; NULL for other kinds */
static const char *strret_ansi(const STRRET *str, PCUITEMID_CHILD pidl)
{
    if (str->uType == STRRET_CSTR) return str->cStr;
    if (str->uType == STRRET_OFFSET && pidl) return (const char *)pidl + str->uOffset;
    return NULL;
}

/* a WSTR is handed over as it is: the caller frees it with CoTaskMemFree,
 * and the STRRET no longer holds it (documented: "freed on return") */
HRESULT WINAPI StrRetToStrW(STRRET *str, PCUITEMID_CHILD pidl, LPWSTR *out)
{
    const char *ansi;
    int len;

    if (!str || !out) return E_INVALIDARG;
    *out = NULL;
    if (str->uType == STRRET_WSTR)
    {
        if (!str->pOleStr) return E_FAIL;
        *out = str->pOleStr;
        str->pOleStr = NULL;
        return S_OK;
    }
    if (!(ansi = strret_ansi(str, pidl))) return E_FAIL;
    len = MultiByteToWideChar(CP_ACP, 0, ansi, -1, NULL, 0);
    if (!(*out = CoTaskMemAlloc(len * sizeof(WCHAR)))) return E_OUTOFMEMORY;
    MultiByteToWideChar(CP_ACP, 0, ansi, -1, *out, len);
    return S_OK;
}

HRESULT WINAPI StrRetToStrA(STRRET *str, PCUITEMID_CHILD pidl, LPSTR *out)
{
    const char *ansi;
    int len;

    if (!str || !out) return E_INVALIDARG;
    *out = NULL;
    if (str->uType == STRRET_WSTR)
    {
        if (!str->pOleStr) return E_FAIL;
        len = WideCharToMultiByte(CP_ACP, 0, str->pOleStr, -1, NULL, 0, NULL, NULL);
        if (!(*out = CoTaskMemAlloc(len))) return E_OUTOFMEMORY;
        WideCharToMultiByte(CP_ACP, 0, str->pOleStr, -1, *out, len, NULL, NULL);
        CoTaskMemFree(str->pOleStr);
        str->pOleStr = NULL;
        return S_OK;
    }
    if (!(ansi = strret_ansi(str, pidl))) return E_FAIL;
    len = lstrlenA(ansi) + 1;
    if (!(*out = CoTaskMemAlloc(len))) return E_OUTOFMEMORY;
    memcpy(*out, ansi, len);
    return S_OK;
}
