/*
 * kernel32/procattr.c — process/thread attribute lists
 * (InitializeProcThreadAttributeList, UpdateProcThreadAttribute,
 * DeleteProcThreadAttributeList) and what CreateProcess takes from them:
 * PROC_THREAD_ATTRIBUTE_HANDLE_LIST, the only handles a child inherits, and
 * PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE, the child's console
 * (pseudoconsole.c). Other attributes are recorded and ignored.
 *
 * The list is opaque to programs; ours is a header and one entry per
 * attribute. As on Windows, an entry keeps the caller's pointer: the value
 * must stay valid until CreateProcess.
 */
#include "private.h"

#ifndef PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE
#define PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE 0x00020016
#endif
#ifndef ERROR_OBJECT_NAME_EXISTS
#define ERROR_OBJECT_NAME_EXISTS 5010
#endif

struct attr_entry { DWORD_PTR attribute; SIZE_T size; void *value; };
struct attr_list {
    DWORD count;                   /* entries room */
    DWORD used;
    struct attr_entry entries[];
};

BOOL WINAPI InitializeProcThreadAttributeList(LPPROC_THREAD_ATTRIBUTE_LIST list, DWORD count, DWORD flags,
                                              SIZE_T *size)
{
    SIZE_T needed = sizeof(struct attr_list) + count * sizeof(struct attr_entry);
    if (flags) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!list || *size < needed)
    {
        *size = needed;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    struct attr_list *l = (struct attr_list *)list;
    l->count = count;
    l->used = 0;
    *size = needed;
    return TRUE;
}

/* the attributes we know, with the size their value must have (0: any
   non-zero multiple of a HANDLE, for the handle list) */
static BOOL attribute_size(DWORD_PTR attribute, SIZE_T *size)
{
    switch (attribute)
    {
    case PROC_THREAD_ATTRIBUTE_HANDLE_LIST: *size = 0; return TRUE;
    case PROC_THREAD_ATTRIBUTE_PARENT_PROCESS: *size = sizeof(HANDLE); return TRUE;
    case PROC_THREAD_ATTRIBUTE_PREFERRED_NODE: *size = sizeof(USHORT); return TRUE;
    case PROC_THREAD_ATTRIBUTE_IDEAL_PROCESSOR: *size = sizeof(PROCESSOR_NUMBER); return TRUE;
    case PROC_THREAD_ATTRIBUTE_GROUP_AFFINITY: *size = sizeof(GROUP_AFFINITY); return TRUE;
    case PROC_THREAD_ATTRIBUTE_MITIGATION_POLICY: *size = ~(SIZE_T)0; return TRUE;   /* DWORD or DWORD64[1..2] */
    case PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE: *size = sizeof(void *); return TRUE;   /* an HPCON */
    }
    return FALSE;
}

BOOL WINAPI UpdateProcThreadAttribute(LPPROC_THREAD_ATTRIBUTE_LIST list, DWORD flags, DWORD_PTR attribute,
                                      void *value, SIZE_T size, void *prev, SIZE_T *ret_size)
{
    struct attr_list *l = (struct attr_list *)list;
    SIZE_T want;
    (void)prev; (void)ret_size;
    if (flags) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!attribute_size(attribute, &want)) { SetLastError(ERROR_NOT_SUPPORTED); return FALSE; }
    if (want == 0 ? (!size || size % sizeof(HANDLE)) : want != ~(SIZE_T)0 && size != want)
    {
        SetLastError(ERROR_BAD_LENGTH);
        return FALSE;
    }
    for (DWORD i = 0; i < l->used; i++)
        if (l->entries[i].attribute == attribute) { SetLastError(ERROR_OBJECT_NAME_EXISTS); return FALSE; }
    if (l->used == l->count) { SetLastError(ERROR_GEN_FAILURE); return FALSE; }
    l->entries[l->used++] = (struct attr_entry){ attribute, size, value };
    return TRUE;
}

void WINAPI DeleteProcThreadAttributeList(LPPROC_THREAD_ATTRIBUTE_LIST list)
{
    (void)list;   /* nothing of ours to free: the caller owns the memory */
}

/* CreateProcess with EXTENDED_STARTUPINFO_PRESENT: an attribute's entry, if any */
static const struct attr_entry *find_attr(const STARTUPINFOW *si, DWORD flags, DWORD_PTR attribute)
{
    const struct attr_list *l;
    if (!si || !(flags & EXTENDED_STARTUPINFO_PRESENT) || si->cb < sizeof(STARTUPINFOEXW)) return NULL;
    if (!(l = (const struct attr_list *)((const STARTUPINFOEXW *)si)->lpAttributeList)) return NULL;
    for (DWORD i = 0; i < l->used; i++)
        if (l->entries[i].attribute == attribute) return &l->entries[i];
    return NULL;
}

/* the handle list, if any */
void k32_attr_handle_list(const STARTUPINFOW *si, DWORD flags, void *const **handles, DWORD *count)
{
    const struct attr_entry *e = find_attr(si, flags, PROC_THREAD_ATTRIBUTE_HANDLE_LIST);
    *handles = e ? e->value : NULL;
    *count = e ? e->size / sizeof(HANDLE) : 0;
}

/* the pseudoconsole: as Windows' samples pass it, the value is the HPCON itself */
void *k32_attr_pseudoconsole(const STARTUPINFOW *si, DWORD flags)
{
    const struct attr_entry *e = find_attr(si, flags, PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE);
    return e ? e->value : NULL;
}
