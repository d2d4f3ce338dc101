/*
 * BSTRs: a length prefix (bytes, 32 bits) right before the characters and a
 * NUL character after them. The pointer handed out points at the characters.
 * Memory comes from the process heap.
 */
#include "private.h"

/* the allocation starts 4 bytes before the BSTR */
static DWORD *bstr_header(BSTR str) { return (DWORD *)str - 1; }

/* allocates room for `bytes` bytes plus a NUL character; copies `src` if given */
static BSTR bstr_alloc(const void *src, UINT bytes)
{
    DWORD *block;

    if (bytes > 0x7ffffff0) return NULL;   /* the prefix counts bytes in 31 bits */
    if (!(block = HeapAlloc(GetProcessHeap(), 0, sizeof(DWORD) + bytes + sizeof(WCHAR)))) return NULL;
    block[0] = bytes;
    if (src) memcpy(block + 1, src, bytes);
    /* a NUL character after the string, even for odd byte lengths */
    memset((BYTE *)(block + 1) + bytes, 0, sizeof(WCHAR));
    return (BSTR)(block + 1);
}

BSTR WINAPI SysAllocString(const OLECHAR *str)
{
    if (!str) return NULL;
    return bstr_alloc(str, lstrlenW(str) * sizeof(WCHAR));
}

/* `str` may be NULL: the characters are then left uninitialized */
BSTR WINAPI SysAllocStringLen(const OLECHAR *str, UINT len)
{
    if (len > 0x3ffffff0) return NULL;
    return bstr_alloc(str, len * sizeof(WCHAR));
}

BSTR WINAPI SysAllocStringByteLen(LPCSTR str, UINT len)
{
    return bstr_alloc(str, len);
}

void WINAPI SysFreeString(BSTR str)
{
    if (str) HeapFree(GetProcessHeap(), 0, bstr_header(str));
}

UINT WINAPI SysStringLen(BSTR str)
{
    return str ? bstr_header(str)[0] / sizeof(WCHAR) : 0;
}

UINT WINAPI SysStringByteLen(BSTR str)
{
    return str ? bstr_header(str)[0] : 0;
}

/* replaces *old with a new copy; `str` may point into *old */
INT WINAPI SysReAllocStringLen(BSTR *old, const OLECHAR *str, UINT len)
{
    BSTR fresh;

    if (!old) return FALSE;
    if (!(fresh = SysAllocStringLen(str, len))) return FALSE;
    SysFreeString(*old);
    *old = fresh;
    return TRUE;
}

INT WINAPI SysReAllocString(BSTR *old, const OLECHAR *str)
{
    if (!old) return FALSE;
    return SysReAllocStringLen(old, str, str ? lstrlenW(str) : 0);
}
