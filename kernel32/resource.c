/*
 * kernel32/resource.c — FindResource/LoadResource/LockResource/
 * SizeofResource and the enumerations, on ntdll's Ldr resource lookup.
 * An HRSRC is the image's IMAGE_RESOURCE_DATA_ENTRY; an HGLOBAL from
 * LoadResource is the data's address (LockResource returns it as is).
 */
#include "private.h"

typedef struct { ULONG_PTR Type, Name, Language; } LDR_RESOURCE_INFO_;
NTSTATUS NTAPI LdrFindResource_U(void *, const LDR_RESOURCE_INFO_ *, ULONG, const IMAGE_RESOURCE_DATA_ENTRY **);
NTSTATUS NTAPI LdrFindResourceDirectory_U(void *, const LDR_RESOURCE_INFO_ *, ULONG, const IMAGE_RESOURCE_DIRECTORY **);
NTSTATUS NTAPI LdrAccessResource(void *, const IMAGE_RESOURCE_DATA_ENTRY *, void **, ULONG *);

static HMODULE module_or_exe(HMODULE m)
{
    return m ? m : *(HMODULE *)(k32_peb() + PEB_IMAGE_BASE);
}

HRSRC WINAPI FindResourceExW(HMODULE module, LPCWSTR type, LPCWSTR name, WORD lang)
{
    LDR_RESOURCE_INFO_ info = { (ULONG_PTR)type, (ULONG_PTR)name, lang };
    const IMAGE_RESOURCE_DATA_ENTRY *entry;
    NTSTATUS status = LdrFindResource_U(module_or_exe(module), &info, 3, &entry);
    if (status == STATUS_RESOURCE_DATA_NOT_FOUND) { SetLastError(ERROR_RESOURCE_DATA_NOT_FOUND); return NULL; }
    if (status == STATUS_RESOURCE_TYPE_NOT_FOUND) { SetLastError(ERROR_RESOURCE_TYPE_NOT_FOUND); return NULL; }
    if (status == STATUS_RESOURCE_NAME_NOT_FOUND) { SetLastError(ERROR_RESOURCE_NAME_NOT_FOUND); return NULL; }
    if (status) { SetLastError(ERROR_RESOURCE_LANG_NOT_FOUND); return NULL; }
    return (HRSRC)entry;
}

HRSRC WINAPI FindResourceW(HMODULE module, LPCWSTR name, LPCWSTR type)
{
    return FindResourceExW(module, type, name, 0);
}

/* an A name or type: an id, or a string converted to wide */
static WCHAR *a_to_w_name(LPCSTR s)
{
    if (!((ULONG_PTR)s >> 16)) return (WCHAR *)s;
    return k32_strdup_AtoW(s);
}

static void free_w_name(WCHAR *w)
{
    if ((ULONG_PTR)w >> 16) RtlFreeHeap(PROCESS_HEAP(), 0, w);
}

HRSRC WINAPI FindResourceExA(HMODULE module, LPCSTR type, LPCSTR name, WORD lang)
{
    WCHAR *t = a_to_w_name(type), *n = a_to_w_name(name);
    HRSRC r = FindResourceExW(module, t, n, lang);
    free_w_name(t);
    free_w_name(n);
    return r;
}

HRSRC WINAPI FindResourceA(HMODULE module, LPCSTR name, LPCSTR type)
{
    return FindResourceExA(module, type, name, 0);
}

HGLOBAL WINAPI LoadResource(HMODULE module, HRSRC res)
{
    void *data;
    if (!res) { SetLastError(ERROR_INVALID_HANDLE); return NULL; }
    if (!set_ntstatus(LdrAccessResource(module_or_exe(module), (const IMAGE_RESOURCE_DATA_ENTRY *)res, &data, NULL)))
        return NULL;
    return data;
}

LPVOID WINAPI LockResource(HGLOBAL res) { return res; }
BOOL WINAPI FreeResource(HGLOBAL res) { (void)res; return FALSE; }

DWORD WINAPI SizeofResource(HMODULE module, HRSRC res)
{
    (void)module;
    if (!res) { SetLastError(ERROR_INVALID_HANDLE); return 0; }
    return ((const IMAGE_RESOURCE_DATA_ENTRY *)res)->Size;
}

/* --- enumeration ---------------------------------------------------------- */

static const IMAGE_RESOURCE_DIRECTORY_ENTRY *entries(const IMAGE_RESOURCE_DIRECTORY *dir)
{
    return (const IMAGE_RESOURCE_DIRECTORY_ENTRY *)(dir + 1);
}

/* the name of an entry for a callback: an id, or a NUL-terminated copy */
static LPWSTR entry_name(HMODULE module, const IMAGE_RESOURCE_DIRECTORY_ENTRY *e, WCHAR *buf, size_t size)
{
    if (!e->NameIsString) return (LPWSTR)(ULONG_PTR)e->Id;
    const IMAGE_RESOURCE_DIRECTORY *root;
    LDR_RESOURCE_INFO_ none = { 0 };
    LdrFindResourceDirectory_U(module, &none, 0, &root);
    const IMAGE_RESOURCE_DIR_STRING_U *s = (const IMAGE_RESOURCE_DIR_STRING_U *)((const BYTE *)root + e->NameOffset);
    size_t n = s->Length < size - 1 ? s->Length : size - 1;
    memcpy(buf, s->NameString, n * sizeof(WCHAR));
    buf[n] = 0;
    return buf;
}

BOOL WINAPI EnumResourceTypesW(HMODULE module, ENUMRESTYPEPROCW func, LONG_PTR param)
{
    const IMAGE_RESOURCE_DIRECTORY *dir;
    LDR_RESOURCE_INFO_ info = { 0 };
    WCHAR buf[256];
    module = module_or_exe(module);
    if (LdrFindResourceDirectory_U(module, &info, 0, &dir)) { SetLastError(ERROR_RESOURCE_DATA_NOT_FOUND); return FALSE; }
    for (int i = 0; i < dir->NumberOfNamedEntries + dir->NumberOfIdEntries; i++)
        if (!func(module, entry_name(module, &entries(dir)[i], buf, 256), param)) break;
    return TRUE;
}

BOOL WINAPI EnumResourceNamesW(HMODULE module, LPCWSTR type, ENUMRESNAMEPROCW func, LONG_PTR param)
{
    const IMAGE_RESOURCE_DIRECTORY *dir;
    LDR_RESOURCE_INFO_ info = { (ULONG_PTR)type, 0, 0 };
    WCHAR buf[256];
    module = module_or_exe(module);
    NTSTATUS status = LdrFindResourceDirectory_U(module, &info, 1, &dir);
    if (status) { SetLastError(status == STATUS_RESOURCE_DATA_NOT_FOUND ? ERROR_RESOURCE_DATA_NOT_FOUND : ERROR_RESOURCE_TYPE_NOT_FOUND); return FALSE; }
    for (int i = 0; i < dir->NumberOfNamedEntries + dir->NumberOfIdEntries; i++)
        if (!func(module, type, entry_name(module, &entries(dir)[i], buf, 256), param)) break;
    return TRUE;
}

BOOL WINAPI EnumResourceLanguagesW(HMODULE module, LPCWSTR type, LPCWSTR name, ENUMRESLANGPROCW func, LONG_PTR param)
{
    const IMAGE_RESOURCE_DIRECTORY *dir;
    LDR_RESOURCE_INFO_ info = { (ULONG_PTR)type, (ULONG_PTR)name, 0 };
    module = module_or_exe(module);
    NTSTATUS status = LdrFindResourceDirectory_U(module, &info, 2, &dir);
    if (status) { SetLastError(status == STATUS_RESOURCE_NAME_NOT_FOUND ? ERROR_RESOURCE_NAME_NOT_FOUND : ERROR_RESOURCE_TYPE_NOT_FOUND); return FALSE; }
    for (int i = 0; i < dir->NumberOfNamedEntries + dir->NumberOfIdEntries; i++)
        if (!func(module, type, name, entries(dir)[i].Id, param)) break;
    return TRUE;
}
