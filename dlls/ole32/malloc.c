/*
 * CoGetMalloc: the task allocator as an IMalloc. One static object over
 * CoTaskMemAlloc/Realloc/Free (forwarded to combase), so memory from either
 * side can be freed by the other.
 */
#include "private.h"

static const GUID iid_unknown = { 0x00000000, 0, 0, { 0xc0, 0, 0, 0, 0, 0, 0, 0x46 } };
static const GUID iid_malloc = { 0x00000002, 0, 0, { 0xc0, 0, 0, 0, 0, 0, 0, 0x46 } };

static HRESULT WINAPI malloc_QueryInterface(IMalloc *iface, REFIID iid, void **obj)
{
    if (!obj) return E_POINTER;
    if (IsEqualGUID(iid, &iid_unknown) || IsEqualGUID(iid, &iid_malloc))
    {
        *obj = iface;
        return S_OK;
    }
    *obj = NULL;
    return E_NOINTERFACE;
}

/* the object is never freed: references are not counted */
static ULONG WINAPI malloc_AddRef(IMalloc *iface) { return 2; }
static ULONG WINAPI malloc_Release(IMalloc *iface) { return 1; }
static void * WINAPI malloc_Alloc(IMalloc *iface, SIZE_T size) { return CoTaskMemAlloc(size); }
static void * WINAPI malloc_Realloc(IMalloc *iface, void *ptr, SIZE_T size) { return CoTaskMemRealloc(ptr, size); }
static void WINAPI malloc_Free(IMalloc *iface, void *ptr) { CoTaskMemFree(ptr); }

static SIZE_T WINAPI malloc_GetSize(IMalloc *iface, void *ptr)
{
    return ptr ? HeapSize(GetProcessHeap(), 0, ptr) : (SIZE_T)-1;
}

/* 1 yes, 0 no, -1 cannot tell: a pointer into the process heap is ours */
static INT WINAPI malloc_DidAlloc(IMalloc *iface, void *ptr)
{
    if (!ptr) return -1;
    return HeapValidate(GetProcessHeap(), 0, ptr) ? 1 : 0;
}

static void WINAPI malloc_HeapMinimize(IMalloc *iface) { }

static IMallocVtbl malloc_vtbl = {
    malloc_QueryInterface, malloc_AddRef, malloc_Release, malloc_Alloc, malloc_Realloc,
    malloc_Free, malloc_GetSize, malloc_DidAlloc, malloc_HeapMinimize,
};
static IMalloc task_malloc = { &malloc_vtbl };

HRESULT WINAPI CoGetMalloc(DWORD context, LPMALLOC *malloc)
{
    if (!malloc) return E_INVALIDARG;
    if (context != MEMCTX_TASK)
    {
        *malloc = NULL;
        return E_INVALIDARG;
    }
    *malloc = &task_malloc;
    return S_OK;
}
