/*
 * String resources: LoadStringW/A. A string table holds blocks of 16
 * counted UTF-16 strings; string `id` is entry id % 16 of block id / 16 + 1.
 */
#include "private.h"

/* the counted string `id` of `module`, or NULL; *len gets its length */
static const WCHAR *find_string(HINSTANCE module, UINT id, int *len)
{
    HRSRC res;
    HGLOBAL data;
    const WCHAR *p;

    if (!module) module = GetModuleHandleW(NULL);
    if (!(res = FindResourceW(module, MAKEINTRESOURCEW((LOWORD(id) >> 4) + 1), (LPCWSTR)RT_STRING))) return NULL;
    if (!(data = LoadResource(module, res)) || !(p = LockResource(data))) return NULL;
    for (UINT i = 0; i < (id & 15); i++) p += *p + 1;   /* skip the strings before it */
    *len = *p;
    return *p ? p + 1 : NULL;
}

/* len == 0: `buf` receives a read-only pointer to the resource itself */
int WINAPI LoadStringW(HINSTANCE module, UINT id, LPWSTR buf, int len)
{
    const WCHAR *str;
    int n = 0;

    if (!buf) return 0;
    str = find_string(module, id, &n);
    if (!len)
    {
        *(const WCHAR **)buf = str;
        return str ? n : 0;
    }
    if (!str) n = 0;
    if (n > len - 1) n = len - 1;
    if (n > 0) memcpy(buf, str, n * sizeof(WCHAR));
    buf[n > 0 ? n : 0] = 0;
    return n > 0 ? n : 0;
}

int WINAPI LoadStringA(HINSTANCE module, UINT id, LPSTR buf, int len)
{
    const WCHAR *str;
    int n = 0, out = 0;

    if (!buf || len <= 0) return 0;
    if ((str = find_string(module, id, &n)) && n)
    {
        /* converted whole, then cut: a short buffer must not lose all of it */
        int full = WideCharToMultiByte(CP_ACP, 0, str, n, NULL, 0, NULL, NULL);
        char *tmp = HeapAlloc(GetProcessHeap(), 0, full);
        if (tmp)
        {
            WideCharToMultiByte(CP_ACP, 0, str, n, tmp, full, NULL, NULL);
            out = full < len - 1 ? full : len - 1;
            memcpy(buf, tmp, out);
            HeapFree(GetProcessHeap(), 0, tmp);
        }
    }
    buf[out] = 0;
    return out;
}
