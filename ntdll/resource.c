/*
 * ntdll/resource.c — finding resources in a mapped image: the three-level
 * directory (type, name, language) of IMAGE_DIRECTORY_ENTRY_RESOURCE.
 * Named entries come first, sorted by name; id entries follow, sorted.
 */
#include "private.h"

typedef struct { ULONG_PTR Type, Name, Language; } LDR_RESOURCE_INFO_;

static IMAGE_RESOURCE_DIRECTORY *resource_root(void *module, ULONG *size)
{
    BYTE *base = (BYTE *)((ULONG_PTR)module & ~(ULONG_PTR)3);   /* datafile handles have low bits set */
    IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)(base + ((IMAGE_DOS_HEADER *)base)->e_lfanew);
    if (nt->OptionalHeader.NumberOfRvaAndSizes <= IMAGE_DIRECTORY_ENTRY_RESOURCE) return NULL;
    IMAGE_DATA_DIRECTORY *d = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_RESOURCE];
    if (!d->VirtualAddress || !d->Size) return NULL;
    if (size) *size = d->Size;
    return (IMAGE_RESOURCE_DIRECTORY *)(base + d->VirtualAddress);
}

static int name_cmp(const IMAGE_RESOURCE_DIRECTORY *root, ULONG offset, const WCHAR *name)
{
    const IMAGE_RESOURCE_DIR_STRING_U *s = (const IMAGE_RESOURCE_DIR_STRING_U *)((const BYTE *)root + offset);
    size_t n = wcslen(name);
    int r = _wcsnicmp(s->NameString, name, s->Length < n ? s->Length : n);
    if (r) return r;
    return s->Length < n ? -1 : s->Length > n;
}

/* an entry of dir by id or name; NULL when absent */
static const IMAGE_RESOURCE_DIRECTORY_ENTRY *find_entry(const IMAGE_RESOURCE_DIRECTORY *root,
                                                        const IMAGE_RESOURCE_DIRECTORY *dir, ULONG_PTR id)
{
    const IMAGE_RESOURCE_DIRECTORY_ENTRY *e = (const IMAGE_RESOURCE_DIRECTORY_ENTRY *)(dir + 1);
    if (!(id >> 16))
    {
        int lo = dir->NumberOfNamedEntries, hi = lo + dir->NumberOfIdEntries - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (e[mid].Id == (WORD)id) return &e[mid];
            if (e[mid].Id < (WORD)id) lo = mid + 1; else hi = mid - 1;
        }
        return NULL;
    }
    const WCHAR *name = (const WCHAR *)id;
    if (name[0] == '#')   /* "#123" names id 123 */
    {
        ULONG v = 0;
        for (const WCHAR *p = name + 1; *p >= '0' && *p <= '9'; p++) v = v * 10 + *p - '0';
        return find_entry(root, dir, v);
    }
    int lo = 0, hi = dir->NumberOfNamedEntries - 1;
    while (lo <= hi)
    {
        int mid = (lo + hi) / 2;
        int c = name_cmp(root, e[mid].NameOffset, name);
        if (!c) return &e[mid];
        if (c < 0) lo = mid + 1; else hi = mid - 1;
    }
    return NULL;
}

static const IMAGE_RESOURCE_DIRECTORY *subdir(const IMAGE_RESOURCE_DIRECTORY *root, const IMAGE_RESOURCE_DIRECTORY_ENTRY *e)
{
    if (!e || !e->DataIsDirectory) return NULL;
    return (const IMAGE_RESOURCE_DIRECTORY *)((const BYTE *)root + e->OffsetToDirectory);
}

/* the language level: the one asked, else neutral, else English, else the first */
static const IMAGE_RESOURCE_DIRECTORY_ENTRY *find_language(const IMAGE_RESOURCE_DIRECTORY *root,
                                                           const IMAGE_RESOURCE_DIRECTORY *dir, ULONG_PTR lang)
{
    const IMAGE_RESOURCE_DIRECTORY_ENTRY *e;
    if (lang && (e = find_entry(root, dir, lang))) return e;
    if ((e = find_entry(root, dir, 0))) return e;
    if ((e = find_entry(root, dir, 0x409))) return e;
    if (dir->NumberOfNamedEntries + dir->NumberOfIdEntries)
        return (const IMAGE_RESOURCE_DIRECTORY_ENTRY *)(dir + 1);
    return NULL;
}

NTSTATUS NTAPI LdrFindResourceDirectory_U(void *module, const LDR_RESOURCE_INFO_ *info, ULONG level,
                                          const IMAGE_RESOURCE_DIRECTORY **ret)
{
    const IMAGE_RESOURCE_DIRECTORY *root = resource_root(module, NULL), *dir = root;
    if (!root) return STATUS_RESOURCE_DATA_NOT_FOUND;
    if (level > 0 && !(dir = subdir(root, find_entry(root, dir, info->Type)))) return STATUS_RESOURCE_TYPE_NOT_FOUND;
    if (level > 1 && !(dir = subdir(root, find_entry(root, dir, info->Name)))) return STATUS_RESOURCE_NAME_NOT_FOUND;
    *ret = dir;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI LdrFindResource_U(void *module, const LDR_RESOURCE_INFO_ *info, ULONG level,
                                 const IMAGE_RESOURCE_DATA_ENTRY **ret)
{
    const IMAGE_RESOURCE_DIRECTORY *root = resource_root(module, NULL), *dir;
    const IMAGE_RESOURCE_DIRECTORY_ENTRY *e;
    if (!root) return STATUS_RESOURCE_DATA_NOT_FOUND;
    if (!(dir = subdir(root, find_entry(root, root, info->Type)))) return STATUS_RESOURCE_TYPE_NOT_FOUND;
    if (level < 2) return STATUS_INVALID_PARAMETER;
    if (!(dir = subdir(root, find_entry(root, dir, info->Name)))) return STATUS_RESOURCE_NAME_NOT_FOUND;
    if (!(e = find_language(root, dir, level > 2 ? info->Language : 0)) || e->DataIsDirectory)
        return STATUS_RESOURCE_LANG_NOT_FOUND;
    *ret = (const IMAGE_RESOURCE_DATA_ENTRY *)((const BYTE *)root + e->OffsetToData);
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI LdrAccessResource(void *module, const IMAGE_RESOURCE_DATA_ENTRY *entry, void **data, ULONG *size)
{
    BYTE *base = (BYTE *)((ULONG_PTR)module & ~(ULONG_PTR)3);
    if (!entry) return STATUS_INVALID_PARAMETER;
    if (data) *data = base + entry->OffsetToData;
    if (size) *size = entry->Size;
    return STATUS_SUCCESS;
}
