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

/* a callback that returns FALSE ends the walk, and the function fails so */
static BOOL user_stop(void)
{
    SetLastError(ERROR_RESOURCE_ENUM_USER_STOP);
    return FALSE;
}

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
        if (!func(module, entry_name(module, &entries(dir)[i], buf, 256), param)) return user_stop();
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
        if (!func(module, type, entry_name(module, &entries(dir)[i], buf, 256), param)) return user_stop();
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
        if (!func(module, type, name, entries(dir)[i].Id, param)) return user_stop();
    return TRUE;
}

/* --- the ANSI and Ex forms -------------------------------------------------- */

/* a type or name given in ANSI: an id as it is, a string converted */
static LPCWSTR key_from_ansi(LPCSTR key, WCHAR *buf, int size)
{
    if (IS_INTRESOURCE(key)) return (LPCWSTR)key;
    return MultiByteToWideChar(CP_ACP, 0, key, -1, buf, size) ? buf : NULL;
}

/* an enumerated type or name for an ANSI callback */
static LPSTR key_to_ansi(LPCWSTR key, char *buf, int size)
{
    if (IS_INTRESOURCE(key)) return (LPSTR)key;
    return WideCharToMultiByte(CP_ACP, 0, key, -1, buf, size, NULL, NULL) ? buf : NULL;
}

struct ansi_enum
{
    LONG_PTR param;
    union { ENUMRESTYPEPROCA types; ENUMRESNAMEPROCA names; ENUMRESLANGPROCA langs; } func;
    LPCSTR type, name;          /* the caller's, handed back as given */
};

static BOOL CALLBACK type_to_ansi(HMODULE module, LPWSTR type, LONG_PTR param)
{
    struct ansi_enum *e = (struct ansi_enum *)param;
    char buf[512];
    LPSTR a = key_to_ansi(type, buf, sizeof(buf));
    return a ? e->func.types(module, a, e->param) : TRUE;
}

static BOOL CALLBACK name_to_ansi(HMODULE module, LPCWSTR type, LPWSTR name, LONG_PTR param)
{
    struct ansi_enum *e = (struct ansi_enum *)param;
    char buf[512];
    LPSTR a = key_to_ansi(name, buf, sizeof(buf));
    (void)type;
    return a ? e->func.names(module, e->type, a, e->param) : TRUE;
}

static BOOL CALLBACK lang_to_ansi(HMODULE module, LPCWSTR type, LPCWSTR name, WORD lang, LONG_PTR param)
{
    struct ansi_enum *e = (struct ansi_enum *)param;
    (void)type; (void)name;
    return e->func.langs(module, e->type, e->name, lang, e->param);
}

BOOL WINAPI EnumResourceTypesA(HMODULE module, ENUMRESTYPEPROCA func, LONG_PTR param)
{
    struct ansi_enum e = { param, { .types = func }, NULL, NULL };
    return EnumResourceTypesW(module, type_to_ansi, (LONG_PTR)&e);
}

BOOL WINAPI EnumResourceNamesA(HMODULE module, LPCSTR type, ENUMRESNAMEPROCA func, LONG_PTR param)
{
    struct ansi_enum e = { param, { .names = func }, type, NULL };
    WCHAR tbuf[256];
    LPCWSTR wtype = key_from_ansi(type, tbuf, ARRAYSIZE(tbuf));
    if (!wtype) { SetLastError(ERROR_RESOURCE_TYPE_NOT_FOUND); return FALSE; }
    return EnumResourceNamesW(module, wtype, name_to_ansi, (LONG_PTR)&e);
}

BOOL WINAPI EnumResourceLanguagesA(HMODULE module, LPCSTR type, LPCSTR name, ENUMRESLANGPROCA func, LONG_PTR param)
{
    struct ansi_enum e = { param, { .langs = func }, type, name };
    WCHAR tbuf[256], nbuf[256];
    LPCWSTR wtype = key_from_ansi(type, tbuf, ARRAYSIZE(tbuf)), wname = key_from_ansi(name, nbuf, ARRAYSIZE(nbuf));
    if (!wtype) { SetLastError(ERROR_RESOURCE_TYPE_NOT_FOUND); return FALSE; }
    if (!wname) { SetLastError(ERROR_RESOURCE_NAME_NOT_FOUND); return FALSE; }
    return EnumResourceLanguagesW(module, wtype, wname, lang_to_ansi, (LONG_PTR)&e);
}

/* The Ex forms add MUI satellites (RESOURCE_ENUM_MUI) and a language for
   them: there are none here, so the module's own resources (what
   RESOURCE_ENUM_LN, the default, asks for) are all there is, and the
   language, which only filters MUI files, changes nothing. */
BOOL WINAPI EnumResourceTypesExW(HMODULE module, ENUMRESTYPEPROCW func, LONG_PTR param, DWORD flags, LANGID lang)
{
    (void)flags; (void)lang;
    return EnumResourceTypesW(module, func, param);
}

BOOL WINAPI EnumResourceTypesExA(HMODULE module, ENUMRESTYPEPROCA func, LONG_PTR param, DWORD flags, LANGID lang)
{
    (void)flags; (void)lang;
    return EnumResourceTypesA(module, func, param);
}

BOOL WINAPI EnumResourceNamesExW(HMODULE module, LPCWSTR type, ENUMRESNAMEPROCW func, LONG_PTR param, DWORD flags,
                                 LANGID lang)
{
    (void)flags; (void)lang;
    return EnumResourceNamesW(module, type, func, param);
}

BOOL WINAPI EnumResourceNamesExA(HMODULE module, LPCSTR type, ENUMRESNAMEPROCA func, LONG_PTR param, DWORD flags,
                                 LANGID lang)
{
    (void)flags; (void)lang;
    return EnumResourceNamesA(module, type, func, param);
}

BOOL WINAPI EnumResourceLanguagesExW(HMODULE module, LPCWSTR type, LPCWSTR name, ENUMRESLANGPROCW func,
                                     LONG_PTR param, DWORD flags, LANGID lang)
{
    (void)flags; (void)lang;
    return EnumResourceLanguagesW(module, type, name, func, param);
}

BOOL WINAPI EnumResourceLanguagesExA(HMODULE module, LPCSTR type, LPCSTR name, ENUMRESLANGPROCA func, LONG_PTR param,
                                     DWORD flags, LANGID lang)
{
    (void)flags; (void)lang;
    return EnumResourceLanguagesA(module, type, name, func, param);
}
