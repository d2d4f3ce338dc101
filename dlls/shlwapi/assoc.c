/*
 * File associations (AssocQueryString): the prefix registers no file type,
 * so every query answers ERROR_NO_ASSOCIATION as Windows does for an
 * extension nothing is associated with.
 */
#include "private.h"

HRESULT WINAPI AssocQueryStringW(ASSOCF flags, ASSOCSTR str, LPCWSTR assoc, LPCWSTR extra, LPWSTR out, DWORD *size)
{
    if (!assoc || !size) return E_INVALIDARG;
    return HRESULT_FROM_WIN32(ERROR_NO_ASSOCIATION);
}

HRESULT WINAPI AssocQueryStringA(ASSOCF flags, ASSOCSTR str, LPCSTR assoc, LPCSTR extra, LPSTR out, DWORD *size)
{
    if (!assoc || !size) return E_INVALIDARG;
    return HRESULT_FROM_WIN32(ERROR_NO_ASSOCIATION);
}
