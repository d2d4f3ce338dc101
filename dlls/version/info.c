/*
 * Version resources: GetFileVersionInfo(Size)(Ex) read the RT_VERSION
 * resource of a PE file mapped as data, VerQueryValue walks it.
 *
 * The resource is a tree of nodes: WORD length, WORD value length, WORD type
 * (1 text, 0 binary), the NUL-terminated UTF-16 key, padding to 4 bytes, the
 * value, padding, then the children. The size GetFileVersionInfoSize asks
 * for is twice the resource's: VerQueryValueA puts the ANSI copies of text
 * values in the second half, at the same offset as the UTF-16 original.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <string.h>
#include <winternl.h>

BOOLEAN NTAPI RtlCreateUnicodeStringFromAsciiz(UNICODE_STRING *, const char *);

#define ALIGN4(x) (((x) + 3) & ~(SIZE_T)3)

struct node {
    WORD length;          /* of the node and its children, in bytes */
    WORD value_length;    /* bytes (binary) or characters (text) */
    WORD type;            /* 1: text */
    WCHAR key[1];
};

/* ---- reading the resource ---- */

/* the module mapped as data and its version resource; sets the last error */
static HMODULE open_resource(const WCHAR *file, HRSRC *res)
{
    HMODULE module;

    if (!file) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    /* a missing file is ERROR_FILE_NOT_FOUND, not the loader's "module not found" */
    if (GetFileAttributesW(file) == INVALID_FILE_ATTRIBUTES) return NULL;
    if (!(module = LoadLibraryExW(file, NULL, LOAD_LIBRARY_AS_DATAFILE))) return NULL;
    if (!(*res = FindResourceW(module, MAKEINTRESOURCEW(VS_VERSION_INFO), (LPCWSTR)RT_VERSION)))
    {
        FreeLibrary(module);
        SetLastError(ERROR_RESOURCE_TYPE_NOT_FOUND);
        return NULL;
    }
    return module;
}

DWORD WINAPI GetFileVersionInfoSizeExW(DWORD flags, LPCWSTR file, LPDWORD handle)
{
    HMODULE module;
    HRSRC res;
    DWORD size;

    if (handle) *handle = 0;
    if (!(module = open_resource(file, &res))) return 0;
    size = SizeofResource(module, res);
    FreeLibrary(module);
    SetLastError(ERROR_SUCCESS);
    return size * 2;   /* room for VerQueryValueA's ANSI copies */
}

BOOL WINAPI GetFileVersionInfoExW(DWORD flags, LPCWSTR file, DWORD handle, DWORD len, LPVOID data)
{
    HMODULE module;
    HRSRC res;
    const void *src;
    DWORD size;

    if (!data || !len) { SetLastError(ERROR_INVALID_DATA); return FALSE; }
    if (!(module = open_resource(file, &res))) return FALSE;
    size = SizeofResource(module, res);
    if (!(src = LockResource(LoadResource(module, res))))
    {
        FreeLibrary(module);
        SetLastError(ERROR_RESOURCE_DATA_NOT_FOUND);
        return FALSE;
    }
    memcpy(data, src, size < len ? size : len);
    if (len > size) memset((BYTE *)data + size, 0, len - size);
    FreeLibrary(module);
    SetLastError(ERROR_SUCCESS);
    return TRUE;
}

DWORD WINAPI GetFileVersionInfoSizeW(LPCWSTR file, LPDWORD handle)
{
    return GetFileVersionInfoSizeExW(0, file, handle);
}

BOOL WINAPI GetFileVersionInfoW(LPCWSTR file, DWORD handle, DWORD len, LPVOID data)
{
    return GetFileVersionInfoExW(0, file, handle, len, data);
}

/* an ANSI string as a new process-heap UTF-16 one; NULL stays NULL */
static WCHAR *to_wide(const char *str)
{
    UNICODE_STRING us;
    return str && RtlCreateUnicodeStringFromAsciiz(&us, str) ? us.Buffer : NULL;
}

DWORD WINAPI GetFileVersionInfoSizeExA(DWORD flags, LPCSTR file, LPDWORD handle)
{
    WCHAR *wide = to_wide(file);
    DWORD ret = GetFileVersionInfoSizeExW(flags, wide, handle);
    HeapFree(GetProcessHeap(), 0, wide);
    return ret;
}

BOOL WINAPI GetFileVersionInfoExA(DWORD flags, LPCSTR file, DWORD handle, DWORD len, LPVOID data)
{
    WCHAR *wide = to_wide(file);
    BOOL ret = GetFileVersionInfoExW(flags, wide, handle, len, data);
    HeapFree(GetProcessHeap(), 0, wide);
    return ret;
}

DWORD WINAPI GetFileVersionInfoSizeA(LPCSTR file, LPDWORD handle)
{
    return GetFileVersionInfoSizeExA(0, file, handle);
}

BOOL WINAPI GetFileVersionInfoA(LPCSTR file, DWORD handle, DWORD len, LPVOID data)
{
    return GetFileVersionInfoExA(0, file, handle, len, data);
}

/* ---- walking the tree ---- */

static SIZE_T value_offset(const struct node *n)
{
    return ALIGN4(offsetof(struct node, key) + (lstrlenW(n->key) + 1) * sizeof(WCHAR));
}

static SIZE_T value_bytes(const struct node *n)
{
    return n->type == 1 ? n->value_length * sizeof(WCHAR) : n->value_length;
}

/* the child of `parent` whose key is the `len` characters at `name` */
static const struct node *find_child(const struct node *parent, const WCHAR *name, int len)
{
    SIZE_T pos = ALIGN4(value_offset(parent) + value_bytes(parent));

    while (pos + offsetof(struct node, key) < parent->length)
    {
        const struct node *child = (const struct node *)((const BYTE *)parent + pos);
        if (child->length < offsetof(struct node, key)) return NULL;   /* damaged */
        if (CompareStringW(LOCALE_INVARIANT, NORM_IGNORECASE, child->key, -1, name, len) == CSTR_EQUAL)
            return child;
        pos = ALIGN4(pos + child->length);
    }
    return NULL;
}

/* the node at `path` ("\\StringFileInfo\\040904b0\\FileVersion"; "\\" is the root) */
static const struct node *find_node(const struct node *root, const WCHAR *path)
{
    const struct node *n = root;

    while (*path)
    {
        int len = 0;
        while (*path == '\\') path++;
        while (path[len] && path[len] != '\\') len++;
        if (!len) break;
        if (!(n = find_child(n, path, len))) return NULL;
        path += len;
    }
    return n;
}

BOOL WINAPI VerQueryValueW(LPCVOID block, LPCWSTR path, LPVOID *buf, PUINT len)
{
    const struct node *n;

    if (!block || !buf) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!path) path = L"";
    if (!(n = find_node(block, path)) || !n->value_length)
    {
        *buf = NULL;
        if (len) *len = 0;
        SetLastError(ERROR_RESOURCE_TYPE_NOT_FOUND);
        return FALSE;
    }
    *buf = (BYTE *)n + value_offset(n);
    if (len) *len = n->value_length;
    return TRUE;
}

/* text values come back in ANSI, copied into the block's second half */
BOOL WINAPI VerQueryValueA(LPCVOID block, LPCSTR path, LPVOID *buf, PUINT len)
{
    const struct node *root = block, *n;
    WCHAR *wide;
    BOOL ok;

    if (!block || !buf) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    wide = to_wide(path ? path : "");
    ok = VerQueryValueW(block, wide, buf, len);
    n = ok ? find_node(root, wide) : NULL;
    HeapFree(GetProcessHeap(), 0, wide);
    if (ok && n && n->type == 1)
    {
        SIZE_T offset = (const BYTE *)*buf - (const BYTE *)block;
        char *out = (char *)block + root->length + offset;
        int chars = WideCharToMultiByte(CP_ACP, 0, *buf, n->value_length, out, n->value_length * sizeof(WCHAR), NULL, NULL);
        *buf = out;
        if (len) *len = chars;
    }
    return ok;
}
